"""Incident reports that paste a post which published a 個人番号 (マイナンバー): mask_secrets masks it where
pii.my_number finds it, since 番号法 makes the alert and the record a copy as much as the post; ordinary numbers
(法人番号, 整理番号, phone numbers, amounts, time stamps) beside it stay as written."""
from __future__ import annotations

import pytest

from bot import incidents as inc
from bot import secret_mask
from bot.rules import card_number_spans, check, my_number_spans
from tests.rules.conftest import NOW, assert_my_number_flagged_and_masked, ctx

M = inc.SECRET_MASK


@pytest.mark.parametrize(("text", "number"), [
    ("誤投稿です。投稿本文：「マイナンバーは 1234 5678 9018 です」", "1234 5678 9018"),
    ("個人番号：１２３４　５６７８　９０１８ が写った画像を投稿しました", "１２３４　５６７８　９０１８"),
    ("申請書の写真（山田太郎 1234-5678-9018）を誤って X に投稿しました", "1234-5678-9018"),
    ("名簿の CSV「山田太郎,482103765514,本町」を投稿してしまいました", "482103765514"),
    ("番号 4821.0376.5514 の方の通知カードの画像", "4821.0376.5514"),
    ("PDF から写した本文：マイナンバー 3057 1942\n2689 をご確認ください", "3057 1942\n2689"),
    ("投稿本文：個人番号：一二三四 五六七八 九〇一八", "一二三四 五六七八 九〇一八"),
    ("個人番号 1 2 3 4 5 6 7 8 9 0 1 8 の様式の画像です", "1 2 3 4 5 6 7 8 9 0 1 8"),
    ("マイナンバー：I234 5678 9O18 と書かれた投稿", "I234 5678 9O18"),
])
def test_a_my_number_pasted_into_a_report_is_masked_where_the_rule_finds_it(text: str, number: str) -> None:
    assert_my_number_flagged_and_masked(text, number)


@pytest.mark.parametrize("ordinary", [
    "法人番号 1234567890123 の事業者",  # 13 digits
    "整理番号 1234 5678 9018 の方",
    "受付番号 123456789018",
    "お問い合わせは担当の携帯 090-1234-5678 まで",
    "联系电话 +86 138 1234 5678",
    "歳入総額 150000000002 円",
    "202604041530 に投稿",
    "2020 2021 2022 年度の実績",
    "番号 123456789012",  # its check digit is wrong
])
def test_ordinary_numbers_beside_a_my_number_stay_as_written(ordinary: str) -> None:
    text = f"{ordinary}。誤って投稿したマイナンバー：4821 0376 5514"
    masked, count = secret_mask.mask_secrets(text, year=NOW.year)
    assert (masked, count) == (f"{ordinary}。誤って投稿したマイナンバー：{M}", 1)


@pytest.mark.parametrize("text", [
    "誤投稿です。投稿本文：「マイナンバーは 1234 5678 9018 です」",
    "名簿の CSV「山田太郎,482103765514,本町」と「佐藤花子,305719422689,新町」",
    "個人番号：一二三四 五六七八 九〇一八、マイナンバー：I234 5678 9O18",
    "法人番号 1234567890123 と整理番号 1234 5678 9018",
    "202604041530 と 2020 2021 2022",
])
def test_my_number_spans_are_where_the_rule_fires(text: str) -> None:
    """The same reading as the rule's, its time stamps as of the year given, not a second one that drifts."""
    found = [(f.start, f.end) for f in check(text, ctx()) if f.code == "pii.my_number"]
    assert my_number_spans(text, NOW.year) == found


@pytest.mark.parametrize(("text", "said", "unsaid"), [
    ("マイナンバー 1234 5678 9018 の投稿", "内容に書かれていた個人番号（マイナンバー）は、通知と記録には伏せ字にしました。",
     "パスワード"),
    ("カード番号 4111 1111 1111 1111 の投稿", "内容に書かれていたカード番号は、", "パスワード"),
    ("PW: abc12345 とマイナンバー 1234 5678 9018", "パスワードや個人番号（マイナンバー）は、", "カード"),
])
def test_the_reporter_is_told_what_was_masked(text: str, said: str, unsaid: str) -> None:
    """A report of a 個人番号 told the reporter 「内容に書かれていたパスワードは…伏せ字にしました。漏えいしたパスワードは
    直ちに変更してください」 (as a card's did): nothing of the kind was written. The password's advice is given
    only when a password was masked."""
    note = inc.masked_note_ja(secret_mask.mask_report(text, year=NOW.year))
    assert said in note and unsaid not in note, note
    assert ("直ちに変更" in note) is ("abc12345" in text)


def test_a_card_and_a_my_number_are_masked_apart() -> None:
    text = "カード番号 4111 1111 1111 1111、マイナンバー 1234 5678 9018"
    assert card_number_spans(text, NOW.year) and my_number_spans(text, NOW.year)
    masked = secret_mask.mask_report(text, year=NOW.year)
    assert (masked.text, masked.count, masked.kinds) == (f"カード番号 {M}、マイナンバー {M}", 2, {"card", "my_number"})
