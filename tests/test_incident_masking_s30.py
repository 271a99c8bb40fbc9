"""Leak reports' masking (bot.secret_mask.mask_secrets): a numbered label, a kana password after は and a space or
after a comma or a space alone, and a service a password was changed from without a date (session 30)."""
from __future__ import annotations

import pytest

from bot import incidents as inc
from bot import secret_mask
from tests.conftest import assert_stays_linear

M = inc.SECRET_MASK


def masked(text: str) -> tuple[str, int]:
    return secret_mask.mask_secrets(text, about_a_password=True)


@pytest.mark.parametrize(("text", "expected"), [
    # Read as the first value's listed one, 「PW2:」 went under the mask and 「xyz789」 out as typed.
    ("PW：abc123、PW2: xyz789", f"PW：{M}、PW2: {M}"),
    ("PIN1: 1234、PIN2: 5678", f"PIN1: {M}、PIN2: {M}"),
    ("pass2: xyz789", f"pass2: {M}"),
    ("PW12: abc123", f"PW12: {M}"),
    ("ID2: koho01 PW2: xyz789", f"ID2: koho01 PW2: {M}"),
    ("PW2=xyz789", f"PW2={M}"),
    ("PW2 → xyz789", f"PW2 → {M}"),
    # The rule's span held the label's number and colon: the alert read 「パスワード＊＊＊＊（伏せ字）」.
    ("パスワード：abc123、パスワード2：xyz789", f"パスワード：{M}、パスワード2：{M}"),
    ("暗証番号１：４８２１", f"暗証番号１：{M}"),
])
def test_a_numbered_label_before_its_colon_is_a_label(text: str, expected: str) -> None:
    assert masked(text) == (expected, expected.count(M))


@pytest.mark.parametrize("kept", [
    # A number with no colon after it is not the label's; nor is a field that is no password's.
    "ID2: koho01", "PIN2 を再発行しました。", "パスワード2件が漏れました。",
])
def test_a_number_without_a_colon_after_the_label_masks_nothing(kept: str) -> None:
    assert masked(kept) == (kept, 0)


def test_a_password_glued_to_a_label_is_still_masked() -> None:
    assert masked("PW1234 が漏れました") == (f"PW{M} が漏れました", 1)


@pytest.mark.parametrize(("text", "expected"), [
    ("パスワードは　さくらもち", f"パスワードは　{M}"),
    ("パスワードは さくらもちです。", f"パスワードは {M}です。"),
    ("パスワードは、ひまわり", f"パスワードは、{M}"),
    ("パスワードは 桜並木", f"パスワードは {M}"),
    ("パスワードは サクラモチ", f"パスワードは {M}"),
    ("パスワードは さくら もち が漏れました", f"パスワードは {M} が漏れました"),
    ("パスワード、さくらもち", f"パスワード、{M}"),
    ("パスワード、さくらもちが漏れました。", f"パスワード、{M}が漏れました。"),
    ("パスワード、雪だるまに変更しました。", f"パスワード、{M}に変更しました。"),
    ("パスワード さくらもち", f"パスワード {M}"),
    ("PW　ゆきだるま", f"PW　{M}"),
    ("パスワード（11/30 変更） さくらもち", f"パスワード（11/30 変更） {M}"),
])
def test_a_kana_password_after_a_break_is_masked(text: str, expected: str) -> None:
    assert masked(text) == (expected, 1)


@pytest.mark.parametrize("kept", [
    # Lists of what leaked and headings: the reader must learn what leaked.
    "パスワード、氏名、住所が流出しました。", "パスワード、生年月日などが流出", "パスワード、および氏名",
    "パスワード ポリシー", "パスワード マネージャー", "パスワード マネージャーについて", "パスワード 再発行のお願い",
    # Words about the password.
    "パスワードは まだ変更していません", "パスワードは そのまま", "パスワードは 誤送信", "パスワードは 管理者に伝えました",
    "パスワードは 大丈夫です", "パスワードは 本人のみ", "パスワードは 一時的なもの", "パスワードは 次のとおり",
    "パスワード、すぐに変更してください。", "パスワード、こまめに変更", "パスワード、ぜったいに教えないで",
    "パスワード、わすれちゃった", "パスワード、こちら", "パスワードは これです", "パスワードは こちらです", "パスワード をなくした", "パスワード、もう一度確認", "パスワード、ひまわり係に確認",
    # After a comma or a space alone, kanji or katakana alone is a list's or a heading's.
    "パスワード、桜並木", "パスワード 変更手順",
    # Glued to は, the sentence goes on.
    "パスワードはさくらもち係が管理", "パスワードは管理者に伝えました",
])
def test_words_after_a_break_that_are_the_reports_are_kept(kept: str) -> None:
    assert masked(kept) == (kept, 0)


@pytest.mark.parametrize("kept", [
    "パスワードは Teams から変更しました", "パスワードは iPhone から変更", "パスワード：Slack から再設定済み",
])
def test_a_place_changed_from_without_a_date_is_kept(kept: str) -> None:
    assert masked(kept) == (kept, 0)


@pytest.mark.parametrize(("text", "expected"), [
    # The old password: not a place the list names, or with a digit.
    ("パスワードは hunter から変更しました", f"パスワードは {M} から変更しました"),
    ("パスワードは Teams2 から変更", f"パスワードは {M} から変更"),
    # The password itself, not where it was changed from.
    ("パスワードは Teams です", f"パスワードは {M} です"),
])
def test_a_value_before_from_that_is_no_place_is_masked(text: str, expected: str) -> None:
    assert masked(text) == (expected, 1)


def test_the_session_30_shapes_stay_linear() -> None:
    assert_stays_linear(masked, "PW2: a1、PIN1: b パスワードは　さくら パスワード、もち PW Teams から変更 P（1 2） ひ ")
