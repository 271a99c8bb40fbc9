"""Leak reports' masking (bot.secret_mask.mask_secrets): a note in brackets next to the password or its label,
a date between the label and the value, a secret question's answer after the question, and a spaced value
in a pasted table. Each went into the escalation channel and the record as typed (session 29 review)."""
from __future__ import annotations

import pytest

from bot import incidents as inc
from bot import secret_mask
from tests.conftest import assert_stays_linear

M = inc.SECRET_MASK


def masked(text: str) -> tuple[str, int]:
    return secret_mask.mask_secrets(text, about_a_password=True)


@pytest.mark.parametrize(("text", "expected"), [
    ("PW:abc123【11/30 変更】", f"PW:{M}【11/30 変更】"),
    ("パスワード:abc123「11/30 変更」", f"パスワード:{M}「11/30 変更」"),
    ("パスワード:abc123『仮のもの』", f"パスワード:{M}『仮のもの』"),
    ("パスワード:abc123〔11/30 変更〕", f"パスワード:{M}〔11/30 変更〕"),
    ("パスワード:abc123(11/30 変更)", f"パスワード:{M}(11/30 変更)"),
    ("パスワード:abc123(メールで送付)です", f"パスワード:{M}(メールで送付)です"),
    ("パスワード:abc123（11/30 変更）", f"パスワード:{M}（11/30 変更）"),
    ("パスワード（11/30 変更）：abc123", f"パスワード（11/30 変更）：{M}"),
    ("パスワード(2026/11/30 変更): abc123", f"パスワード(2026/11/30 変更): {M}"),
    ("パスワード（11/30 変更）は abc123 です", f"パスワード（11/30 変更）は {M} です"),
])
def test_a_value_next_to_a_note_in_brackets_is_masked_and_the_note_kept(text: str, expected: str) -> None:
    """A note glued to the value in any bracket, or one with a space in it before the label's colon."""
    assert masked(text) == (expected, 1)


@pytest.mark.parametrize(("text", "expected"), [
    # A password the note itself gives is one too: the note was kept whole, the value in it with it.
    ("パスワード:abc123（新しいものはxyz789）", f"パスワード:{M}（新しいものは{M}）"),
    ("パスワード：abc123（変更後は xyz789 です）", f"パスワード：{M}（変更後は {M} です）"),
    ("PW: abc123 （前のものは xyz789）", f"PW: {M} （前のものは {M}）"),
    ("パスワード:abc123（新しいものは hunter です）", f"パスワード:{M}（新しいものは {M} です）"),
])
def test_a_password_given_in_the_note_after_the_value_is_masked(text: str, expected: str) -> None:
    assert masked(text) == (expected, 2)


@pytest.mark.parametrize(("text", "expected"), [
    ("パスワードを 11/30 に abc123 にしました", f"パスワードを 11/30 に {M} にしました"),
    ("パスワードを 11/30 に abc123 に直しました", f"パスワードを 11/30 に {M} に直しました"),
    ("パスワードは 11/30 以降 abc123 です", f"パスワードは 11/30 以降 {M} です"),
    ("パスワード：11/30 から abc123", f"パスワード：11/30 から {M}"),
    ("パスワード：11/30 から abc123。", f"パスワード：11/30 から {M}。"),
    ("パスワードを令和8年11月30日に abc123 へ変更", f"パスワードを令和8年11月30日に {M} へ変更"),
    ("パスワードを2026年11月30日に abc123 に変更", f"パスワードを2026年11月30日に {M} に変更"),
    ("パスワードを １１/３０ に abc123 にしました", f"パスワードを １１/３０ に {M} にしました"),
    ("パスワードを 11/30 に abc123 から def456 に変更", f"パスワードを 11/30 に {M} から {M} に変更"),
    ("パスワードを 11/30 に abc123 から変更しました", f"パスワードを 11/30 に {M} から変更しました"),
])
def test_a_value_after_the_date_of_the_change_is_masked_and_the_date_kept(text: str, expected: str) -> None:
    assert masked(text)[0] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("秘密の質問（母の旧姓）の答え：たなか", f"秘密の質問（母の旧姓）の答え：{M}"),
    ("秘密の質問(母の旧姓)の答えは たなか です", f"秘密の質問(母の旧姓)の答えは {M} です"),
    ("秘密の質問：ペットの名前、答え：ポチ", f"秘密の質問：ペットの名前、答え：{M}"),
    ("秘密の質問は「出身地」、回答は「にいがた」", f"秘密の質問は「出身地」、回答は「{M}」"),
])
def test_a_secret_answer_after_its_question_is_masked_and_the_question_kept(text: str, expected: str) -> None:
    assert masked(text) == (expected, 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("ID\tパスワード\nkoho01\tabc 123", f"ID\tパスワード\nkoho01\t{M}"),
    ("| ID | パスワード |\n|---|---|\n| koho01 | hunter 2 |", f"| ID | パスワード |\n|---|---|\n| koho01 | {M} |"),
    ("ID,パスワード\nkoho01,correct horse battery", f"ID,パスワード\nkoho01,{M}"),
])
def test_a_spaced_value_in_a_password_column_is_masked(text: str, expected: str) -> None:
    assert masked(text) == (expected, 1)


@pytest.mark.parametrize("kept", [
    # Where the password was changed from: the services' names are what the reader needs.
    "パスワードは 11/30 に Teams／Slack／iPhone から変更しました",
    "パスワードは 11/30 に iPhone から変更しました",
    "パスワードは 11/30 以降 無効です", "パスワードは 11/30 以降 Teams で管理しています",
    "パスワードは 11/30 から Google で管理", "パスワード：11/30 から 12/5 まで有効",
    "パスワードは 11/30 以降 TBD です", "パスワードを令和8年11月30日に変更しました",
    "パスワード（11/30 変更）：不明", "パスワード（11/30 変更）を 全職員 にお知らせします",
    "パスワード（仮）は後日お知らせします",
    "秘密の質問（母の旧姓）の答え：不明", "秘密の質問：ペットの名前、答え：変更済み",
    "秘密の質問は設定していません。答えは不明です",
    "ID\tパスワード\nkoho01\t11/30 変更", "ID\tパスワード\nkoho01\tnot set", "ID\tパスワード\nkoho01\tメールで 送付",
    "| ID | パスワード |\n|---|---|\n| koho01 | sent by mail |",
    "ID\tパスワード\nkoho02\tsee IT desk", "ID\tパスワード\nkoho02\tGoogle Chrome 2",
    "【11/30 新潟市 広報課】パスワード変更のお知らせ（本庁舎 3階）",
])
def test_dates_places_services_and_notes_stay(kept: str) -> None:
    assert masked(kept) == (kept, 0)


@pytest.mark.parametrize(("text", "expected"), [
    # The account named in the note is the report's: which account leaked.
    ("パスワード:abc123（IDはkoho01）", f"パスワード:{M}（IDはkoho01）"),
    ("パスワード:abc123（新しいものは Google で管理）", f"パスワード:{M}（新しいものは Google で管理）"),
    ("PW: abc123（11/30 に変更、担当は yamada01）", f"PW: {M}（11/30 に変更、担当は yamada01）"),
])
def test_an_account_in_the_note_stays(text: str, expected: str) -> None:
    assert masked(text) == (expected, 1)


def test_notes_dates_answers_and_tables_stay_linear() -> None:
    # One shape holding each new reading: each check costs seconds of CI on a loaded machine.
    assert_stays_linear(masked, "PW:ab【1/3 変】パスワード（1/3 変）：a パスワードを令和8年1月3日に a 秘密の質問（母）の答え 、答え"
                                "\tパスワード\na b\t PW:ab12（新はxy12）パスワードは 1/3 以降 ab12 です"
                                # Session 30: notes in square brackets, spaced values and names after a date.
                                "パスワード〔1/3 変〕：ab PW：ab［1/3変］パスワード:ab[旧] パスワード：1/3 から a b c "
                                "パスワード：1/3 から Teams\nパスワード：必須 ")


# Session 30: the last close variants of the above.
@pytest.mark.parametrize(("text", "expected"), [
    # A label's note with a space in it in square or lenticular brackets, as in round ones.
    ("パスワード【11/30 変更】：abc123", f"パスワード【11/30 変更】：{M}"),
    ("パスワード［2026/11/30 変更］: abc123", f"パスワード［2026/11/30 変更］: {M}"),
    ("パスワード〔11/30 変更〕：abc123", f"パスワード〔11/30 変更〕：{M}"),
    # A note in square brackets glued to the value: the note is the report's.
    ("PW：abc123［11/30変更］", f"PW：{M}［11/30変更］"),
    ("パスワード:abc123[旧]", f"パスワード:{M}[旧]"),
    ("パスワード:abc123[旧] です", f"パスワード:{M}[旧] です"),
    # A spaced value after the date it was changed on.
    ("パスワード：11/30 から abc 123", f"パスワード：11/30 から {M}"),
    ("パスワードは 11/30 以降 abc 123 です", f"パスワードは 11/30 以降 {M} です"),
    ("パスワード：11/30 から correct horse battery", f"パスワード：11/30 から {M}"),
    # A single word after 「から」/「以降」 at the line's end is the password from that day, even a name-like one:
    # 「Sakura」 is as likely a password as 「Teams」 a service, and a missed secret costs more than a hidden name.
    ("パスワード：11/30 から Teams2026", f"パスワード：11/30 から {M}"),
    ("パスワード：11/30 から Password", f"パスワード：11/30 から {M}"),
    ("パスワード：11/30 から sakura", f"パスワード：11/30 から {M}"),
    ("パスワード：11/30 から Sakura", f"パスワード：11/30 から {M}"),
    ("パスワード：11/30 から Teams", f"パスワード：11/30 から {M}"),
    ("パスワード：11/30 以降 Slack\n詳しくは情報政策課まで", f"パスワード：11/30 以降 {M}\n詳しくは情報政策課まで"),
])
def test_close_variants_of_notes_and_dates_are_masked_and_the_note_kept(text: str, expected: str) -> None:
    assert masked(text) == (expected, 1)


@pytest.mark.parametrize("kept", [
    # Words said about a password (a form's requirement), not a password.
    "パスワード：必須", "パスワード（全角 8文字以上）：必須", "パスワード：任意", "パスワード：不要", "パスワード：未設定",
    "パスワード：なし", "パスワード：推奨", "パスワード【必須】：英数字 8文字以上",
    # A service of two words is no password of one (「Google Chrome」 is where it is kept).
    "パスワード：11/30 から Google Chrome",
])
def test_words_about_the_password_and_a_service_from_a_date_stay(kept: str) -> None:
    assert masked(kept) == (kept, 0)


@pytest.mark.parametrize(("text", "expected"), [
    ("パスワード《11/30 変更》：abc123", f"パスワード《11/30 変更》：{M}"),
    ("パスワード〈11/30 変更〉: abc123", f"パスワード〈11/30 変更〉: {M}"),
    ("パスワード【2026/11/30 17:00 変更】：abc123", f"パスワード【2026/11/30 17:00 変更】：{M}"),
    ("パスワード［2026年11月30日 17時 変更］：abc123", f"パスワード［2026年11月30日 17時 変更］：{M}"),
    ("パスワード（2026/11/30 17:00 変更）：abc123", f"パスワード（2026/11/30 17:00 変更）：{M}"),
])
def test_a_spaced_note_in_angle_brackets_or_with_a_time_before_the_colon_is_the_labels(text: str, expected: str) -> None:
    """A spaced note in 《》〈〉, or one holding a day and its time (over 16 characters), was not read as the
    label's: the password after its colon went into the alert and the record as typed (found by review)."""
    assert masked(text) == (expected, 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("PW：abc[12]", f"PW：{M}"),
    ("PW：abc123[old]", f"PW：{M}"),
    ("PW：abc123[old] が漏れました", f"PW：{M} が漏れました"),
    ("PW：abc［12］です", f"PW：{M}です"),
    ("PW：abc{12}", f"PW：{M}"),
])
def test_a_bracket_closing_inside_the_value_goes_under_the_mask_with_it(text: str, expected: str) -> None:
    """The rule reads 「abc[12」 as the value, the closing bracket as what follows it: the alert read
    「＊＊＊＊（伏せ字）]」, a stray bracket in the escalation channel and the record."""
    assert masked(text) == (expected, 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("PW：abc123〔旧〕", f"PW：{M}〔旧〕"),
    ("PW：abc123〔旧〕です", f"PW：{M}〔旧〕です"),
    ("PW：abc123《旧》", f"PW：{M}《旧》"),
    ("PW：abc123【旧】", f"PW：{M}【旧】"),
    # A password in kana before the note went out as typed.
    ("パスワード：さくらもち【旧】", f"パスワード：{M}【旧】"),
    ("パスワード：さくらもち〔旧〕です", f"パスワード：{M}〔旧〕です"),
])
def test_a_note_in_tortoise_shell_brackets_is_kept_as_in_lenticular_ones(text: str, expected: str) -> None:
    """「PW：abc123【旧】」 kept its note, 「PW：abc123〔旧〕」 lost it under the mask: read as a password in kanji."""
    assert masked(text) == (expected, 1)


@pytest.mark.parametrize(("text", "expected"), [
    # A second password after a note kept on the first: it went into the alert and the record as typed.
    ("PW：abc123【旧】、def456【新】", f"PW：{M}【旧】、{M}【新】"),
    ("PW：abc123（旧）、def456（新）", f"PW：{M}（旧）、{M}（新）"),
    ("PW：abc123〔旧〕、def456〔新〕", f"PW：{M}〔旧〕、{M}〔新〕"),
    ("PW：abc123[旧]、def456[新]", f"PW：{M}[旧]、{M}[新]"),
    ("PW：abc123【旧】→def456【新】", f"PW：{M}【旧】→{M}【新】"),
])
def test_a_second_password_after_a_kept_note_is_masked(text: str, expected: str) -> None:
    assert masked(text) == (expected, 2)


def test_a_device_after_a_kept_note_is_still_kept() -> None:
    kept = "（11/30 変更）、Windows11 の PC で確認"
    assert masked("PW：abc123" + kept) == (f"PW：{M}" + kept, 1)


def test_second_values_after_kept_notes_stay_linear() -> None:
    assert_stays_linear(masked, "PW：abc123【旧】、def456（新）、")


@pytest.mark.parametrize(("text", "expected"), [
    # A bracket in a listed password, with words after it, was read as a note: 「(12)」 or 「[56]」 went out.
    ("PW：abc123、Pass(12)です", f"PW：{M}、{M}です"),
    ("PW：abc123、def4[56]です", f"PW：{M}、{M}です"),
    ("PW：abc123、def456[34] です", f"PW：{M}、{M} です"),
    # Its closing bracket was cut off and left in the alert.
    ("PW：abc123、def(456)。", f"PW：{M}、{M}。"),
    # After the first's closing quote, the second password went out as typed.
    ("PW：「abc123」、「def456」", f"PW：「{M}」、「{M}」"),
    ("パスワード『abc123』と『def456』が流出", f"パスワード『{M}』と『{M}』が流出"),
    # A note in its own brackets is still kept.
    ("PW：abc123、def456(2026年)です", f"PW：{M}、{M}(2026年)です"),
])
def test_a_listed_password_keeps_its_own_brackets_and_quotes_under_the_mask(text: str, expected: str) -> None:
    """(found by review)"""
    assert masked(text) == (expected, 2)


def test_quoted_listed_values_stay_linear() -> None:
    assert_stays_linear(masked, "PW：「abc123」、「Pass(12)」です。")
