"""Edges of what an incident report's mask keeps and hides (bot.secret_mask), each one a line a change
could move without another test noticing (found by mutation): a date or a time kept only when it
can be one, a word kept only when it cannot be the password, and the mask's own edges."""

from __future__ import annotations

import pytest

from bot.incidents import SECRET_MASK
from bot.secret_mask import mask_report

M = SECRET_MASK
# Words only the table's header says are passwords (the rule alone reads none of them as one).
WEAK = ("sakura", "momiji", "tsubaki", "kaede", "hinoki")


@pytest.mark.parametrize(("text", "kept"), [
    # 「manager」 alone is as likely the (well-known default) password as a note about it; 「none」 is no value.
    ("PW: manager", f"PW: {M}"),
    ("PW: none", "PW: none"),
    ("ID\tパスワード\nkoho01\tmanager", f"ID\tパスワード\nkoho01\t{M}"),
    ("ID\tパスワード\nkoho01\tnone", "ID\tパスワード\nkoho01\tnone"),
    # A date is kept only when it can be one: there is no 13th month, so 「13/25」 is the password.
    ("パスワード：12/25 に変更しました", "パスワード：12/25 に変更しました"),
    ("パスワード：13/25 に変更しました", f"パスワード：{M} に変更しました"),
    # A time likewise: 24:00 is one (the day's end), 25:00 is not.
    ("パスワードは 24:00 に変更", "パスワードは 24:00 に変更"),
    ("パスワードは 25:00 に変更", f"パスワードは {M} に変更"),
    # Quotes the password opens and closes are its own: the mask takes both, no stray 「"」 after it.
    ('旧 Pass"1"、新 xyz789 のパスワード', f"旧 {M}、新 {M} のパスワード"),
    # A passphrase of four characters is one (as a value after a label need be); three are not.
    ("PW: ab 12", f"PW: {M}"),
    ("PW: a 12", "PW: a 12"),
    # Every row of a pasted table is read under its header, not the first few.
    ("ID\tパスワード\n" + "\n".join(f"koho0{i}\t{w}" for i, w in enumerate(WEAK)),
     "ID\tパスワード\n" + "\n".join(f"koho0{i}\t{M}" for i in range(len(WEAK)))),
    # A cell of three characters is a password under the header; two are not read as one.
    ("ID\tパスワード\nkoho01\tkoi", f"ID\tパスワード\nkoho01\t{M}"),
    ("ID\tパスワード\nkoho01\tab", "ID\tパスワード\nkoho01\tab"),
    # A kana passphrase after a colon is read for up to five words after its first.
    ("パスワード：さくら もち だんご あん きなこ ごま", f"パスワード：{M}"),
    # A passphrase is read for up to twelve words, after a label and under a table's header alike
    # (one word fewer, the whole line went out as typed, or all of it but its first word).
    ("PW: a1 b2 c3 d4 e5 f6 g7 h8 i9 j0 k1 l2", f"PW: {M}"),
    ("パスワード：alpha1 bravo charlie delta echo foxtrot golf hotel india juliet kilo lima", f"パスワード：{M}"),
    ("ID\tパスワード\nkoho01\ta1 b c d e f g h i j k l", f"ID\tパスワード\nkoho01\t{M}"),
    # A cell's words may be apart by up to three spaces (a value typed with two, a column padded).
    ("ID\tパスワード\nkoho01\tabc  123", f"ID\tパスワード\nkoho01\t{M}"),
    ("ID\tパスワード\nkoho01\tabc   123", f"ID\tパスワード\nkoho01\t{M}"),
    # Three characters are a value after は in words (「ab 1」) and alone on the line after its label.
    ("パスワードは ab 1 です", f"パスワードは {M} です"),
    ("パスワードは a 1 です", "パスワードは a 1 です"),
    ("パスワード：\nab1", f"パスワード：\n{M}"),
    # A key or a token of six characters, the shortest the rule reads as one, is masked.
    ("APIキー: ab1234", f"APIキー: {M}"),
    ("secret: Ab12cd", f"secret: {M}"),
])
def test_what_the_mask_keeps_and_hides_at_its_edges(text: str, kept: str) -> None:
    assert mask_report(text).text == kept


@pytest.mark.parametrize(("text", "kept"), [
    # A value quoted on the line after its label, the label alone on its line: the closing quote or bracket
    # ended the value nowhere, and the password went into the escalation channel as typed (ASCII quotes and
    # none were masked). Each quote Japanese input types, with the sentence's end after it or none.
    ("パスワード\n「abc123」", f"パスワード\n「{M}」"),
    ("パスワード：\n「ab1」", f"パスワード：\n「{M}」"),
    ("パスワード\n『abc123』", f"パスワード\n『{M}』"),
    ("パスワード\n【abc123】", f"パスワード\n【{M}】"),
    ("パスワード\n“abc123”", f"パスワード\n“{M}”"),
    ("パスワード\n‘abc123’", f"パスワード\n‘{M}’"),
    ("パスワード\n「abc123」。", f"パスワード\n「{M}」。"),
    ("パスワード\nabc123。", f"パスワード\n{M}。"),
    ("パスワード\n「abc123」です", f"パスワード\n「{M}」です"),
    ("暗証番号\n「1234」です", f"暗証番号\n「{M}」です"),
    ("パスワード：\n「abc123」\n以上です。", f"パスワード：\n「{M}」\n以上です。"),
    # A quoted passphrase, without its closing quote under the mask.
    ("パスワード\n「abc 123」", f"パスワード\n「{M}」"),
    ('パスワード：\n"abc 123"', f'パスワード：\n"{M}"'),
    # A kana value quoted there likewise; what the report says of the password there is kept.
    ("パスワード\n「さくらもち」です。", f"パスワード\n「{M}」です。"),
    ("パスワード\n「変更済み」です", "パスワード\n「変更済み」です"),
    ("パスワード\n「none」", "パスワード\n「none」"),
    # A sentence that begins with a quoted name is the report's: the name is what the record needs.
    ("パスワード\n「広報アカウント」が乗っ取られた", "パスワード\n「広報アカウント」が乗っ取られた"),
    ("パスワード\n「Outlook」のパスワードが漏れました", "パスワード\n「Outlook」のパスワードが漏れました"),
    ("パスワード\n「12/1」に変更", "パスワード\n「12/1」に変更"),
])
def test_a_value_quoted_on_the_line_after_its_label_is_masked(text: str, kept: str) -> None:
    assert mask_report(text).text == kept


@pytest.mark.parametrize(("text", "kept"), [
    # The same value in brackets on the line after its label as confidential.secret flags
    # (tests/rules/test_secret_red_team_s37.py): the report masks it and keeps its brackets.
    ("パスワード：\n【Kessai2026】", f"パスワード：\n【{M}】"),
    ("パスワード：\n「Kessai2026」です", f"パスワード：\n「{M}」です"),
    ("パスワード：\n（Kessai2026）", f"パスワード：\n（{M}）"),
    # A heading or a note in those brackets is the report's own.
    ("パスワード：\n【重要】変更のお願い", "パスワード：\n【重要】変更のお願い"),
    ("パスワード\n（変更済み）", "パスワード\n（変更済み）"),
    ("パスワード：\n【再発行の手続き】", "パスワード：\n【再発行の手続き】"),
])
def test_a_value_in_brackets_on_the_line_after_its_label_is_masked(text: str, kept: str) -> None:
    assert mask_report(text).text == kept


@pytest.mark.parametrize(("text", "kept"), [
    # Several values listed under one label, one to a line, quoted, marked as items or bare: only the first was
    # masked, and the others went into the escalation channel and the record as typed. The line after the list
    # (「以上です。」) is the report's.
    ("パスワード\n「abc123」\n「def456」", f"パスワード\n「{M}」\n「{M}」"),
    ("パスワード\n「Kessai2026」\n「Joetsu2027」\n以上です。", f"パスワード\n「{M}」\n「{M}」\n以上です。"),
    ("パスワード\n・abc123\n・def456", f"パスワード\n・{M}\n・{M}"),
    ("パスワード\n・abc123\n・def456\n・ghi789\n以上です。", f"パスワード\n・{M}\n・{M}\n・{M}\n以上です。"),
    ("パスワード\n・Kessai2026\n・Joetsu2027\n\n以上です。", f"パスワード\n・{M}\n・{M}\n\n以上です。"),
    ("パスワード\n- kx7pq2\n- zz93mw", f"パスワード\n- {M}\n- {M}"),
    ("パスワード\n1. kx7pq2\n2. zz93mw", f"パスワード\n1. {M}\n2. {M}"),
    ("パスワード\nkx7pq2\nzz93mw\n以上です。", f"パスワード\n{M}\n{M}\n以上です。"),
    ("PW：「kx7pq2」\n「sakura」", f"PW：「{M}」\n「{M}」"),
    # 旧・新 labelling each item: the old and the new password alike.
    ("パスワード\n・旧：abc123\n・新：def456\n以上です。", f"パスワード\n・旧：{M}\n・新：{M}\n以上です。"),
    ("Xのパスワード\n・旧：Xjoetsu2025\n・新：Xjoetsu2026", f"Xのパスワード\n・旧：{M}\n・新：{M}"),
    # Quoted side by side, with no separator between them.
    ("パスワード：「kx7pq2」「zz93mw」", f"パスワード：「{M}」「{M}」"),
    # On one line with a separator, as before.
    ("パスワード：abc123、def456", f"パスワード：{M}、{M}"),
    ("旧パスワード abc123 / 新パスワード def456", f"旧パスワード {M} / 新パスワード {M}"),
    # What follows a value on its own lines and is no value of the list stays the report's: a word, a sentence, a
    # link, a date, a telephone number, an item that says something.
    ("パスワード：kx7pq2\nThanks", f"パスワード：{M}\nThanks"),
    ("パスワード：kx7pq2\nhttps://example.jp/login", f"パスワード：{M}\nhttps://example.jp/login"),
    ("パスワード：kx7pq2\n2026/05/14", f"パスワード：{M}\n2026/05/14"),
    ("パスワード：kx7pq2\n090-1234-5678", f"パスワード：{M}\n090-1234-5678"),
    ("パスワード：kx7pq2\n・ログインできない場合は情報政策課へ", f"パスワード：{M}\n・ログインできない場合は情報政策課へ"),
    ("パスワード\n・8文字以上\n・英数字を組み合わせる", "パスワード\n・8文字以上\n・英数字を組み合わせる"),
    # A field with its own label after the list: which account or network the password is for. Read as one more
    # item, it went under the mask and IT 担当 lost which account leaked.
    ("パスワード\nkx7pq2\nID:tanaka01", f"パスワード\n{M}\nID:tanaka01"),
    ("パスワード\n・kx7pq2\n・zz93mw\nID：koho2026", f"パスワード\n・{M}\n・{M}\nID：koho2026"),
    ("パスワード\n「kx7pq2」\nUserID=koho01", f"パスワード\n「{M}」\nUserID=koho01"),
    ("パスワード\nkx7pq2\nSSID：City-Free5", f"パスワード\n{M}\nSSID：City-Free5"),
    ("パスワード\nkx7pq2\nlogin_id:koho01", f"パスワード\n{M}\nlogin_id:koho01"),
    ("パスワード\nkx7pq2\nID:tanaka01\nPW：zz93mw", f"パスワード\n{M}\nID:tanaka01\nPW：{M}"),
    # A bare word there has no label to say what it is: it may be one more password, and stays masked.
    ("パスワード\nkx7pq2\ntanaka01", f"パスワード\n{M}\n{M}"),
    ("パスワード\nkx7pq2\nPC-0123", f"パスワード\n{M}\n{M}"),
    # Another password's label on the line is no account's: its value stays masked.
    ("パスワード\nkx7pq2\nPW2：zz93mw", f"パスワード\n{M}\n{M}"),
    ("パスワード\nkx7pq2\nPIN:4821", f"パスワード\n{M}\n{M}"),
])
def test_every_value_listed_under_a_label_is_masked(text: str, kept: str) -> None:
    assert mask_report(text).text == kept
