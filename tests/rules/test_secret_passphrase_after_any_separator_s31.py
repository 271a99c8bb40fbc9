"""A passphrase after a separator other than a colon (「パスワードは、Blue Sky2026」「ログインパスワード Blue Sky2026」
「パスワード（Blue Sky2026」「パスワードって …」「The password is …」): the multi-word reader ran only after は or a
colon and the leak report's only after a colon, so the single-word reader took 'Blue' and 'Sky2026' went out as typed
in the report (or, 'Blue' being no password, the draft was not flagged at all) (session 31)."""

from __future__ import annotations

import pytest

from bot import incidents as inc
from bot import secret_mask
from bot.rules import credentials, secret_value_spans
from tests.conftest import assert_stays_linear
from tests.rules.conftest import findings_of

M = inc.SECRET_MASK
SECRET = "confidential.secret"


def _values(text: str) -> list[str]:
    return [text[a:b] for a, b in secret_value_spans(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("パスワードは、Blue Sky2026 です", "Blue Sky2026"),
        ("パスワードは、Blue Years2026", "Blue Years2026"),
        ("ログインパスワード Blue Sky2026 です", "Blue Sky2026"),
        ("パスワード（Blue Sky2026 です", "Blue Sky2026"),
        ("パスワード（Blue Sky2026）です", "Blue Sky2026"),
        ("パスワード、Blue Sky2026 です", "Blue Sky2026"),
        ("パスワードって Blue Sky2026 です", "Blue Sky2026"),
        ("パスワードも Blue Sky2026 です", "Blue Sky2026"),
        ("パスワード欄に Blue Sky2026 と入力しました", "Blue Sky2026"),
        ("The password is Blue Sky2026", "Blue Sky2026"),
        ("パスワード（仮）Blue Sky2026", "Blue Sky2026"),
        ("パスワードBlue Sky2026", "Blue Sky2026"),
        ("暗証番号 4821 5739 です", "4821 5739"),
    ],
)
def test_a_passphrase_after_any_separator_is_one_value(text: str, value: str) -> None:
    assert _values(text) == [value]
    (f,) = findings_of(SECRET, text)
    assert text[f.start : f.end].endswith(value) or value in text[f.start : f.end]
    assert secret_mask.mask_secrets(text, about_a_password=True)[0] == text.replace(value, M)
    assert secret_mask.mask_secrets(text)[0] == text.replace(value, M)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Labels only the leak report reads (the draft rule reads 「パス」 only before a colon or a quote).
        ("パスは、Blue Sky2026 です", "Blue Sky2026"),
        ("*PW*は Blue Sky2026", "Blue Sky2026"),
    ],
)
def test_a_report_masks_the_whole_passphrase_after_its_own_labels(text: str, value: str) -> None:
    assert secret_mask.mask_secrets(text, about_a_password=True)[0] == text.replace(value, M)


@pytest.mark.parametrize(
    "text",
    [
        "パスワード 再発行の手続き",
        "パスワードは 8 characters 以上にしてください",
        "パスワードを忘れた方は Help Center へ",
        "パスワード Reset Guide 2026 をご覧ください",  # a title and its year: no word only a password has
        "パスワード（Google Workspace 2026年版）の設定",
        "パスワード（Windows 11 版）",
        "パスワード（Office 365 アカウント）と同じです",
        "password Safe v3 で管理しています",
        "パスワードは 2026/11/30 に変更しました",
        "bus pass Zone 2A のご案内",
        "パスワードは 4 digits です",
        "パスワード A-Z 0-9 を含めてください",
        "*「パスワード」* を入力してください",
        # A floor, a unit, a room or a model is no word only a password has; 「は、」 opens a sentence as often as a
        # value (found by review).
        "パスワードは、1F Information Desk でお渡しします。",
        "パスワード 24h Support Desk までお問い合わせください。",
        "Wi-Fi パスワード Joetsu Free 5GHz の案内",
        "パスワード（Room 3A）で配布します。",
        "パスワードは、3F Room 301 で配布します。",
        "パスワードは、Galaxy S24 でも使えます。",
        "パスワードは、Pixel 8a でも使えます。",
        "パスワードは、Surface Pro 9 でも使えます。",
    ],
)
def test_ordinary_words_after_a_label_stay_clean(text: str) -> None:
    assert findings_of(SECRET, text) == []
    assert _values(text) == []


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("パスワードを忘れた方は Help Center へ", "Help Center"),
        ("パスワード（Google Workspace 2026年版）の設定", "Workspace 2026"),
        ("“password” was kx7pq2zz", "was"),
        ("[パスワード] kx7pq2zz", "[パスワード]"),
    ],
)
def test_a_report_keeps_what_is_not_the_passphrase(text: str, kept: str) -> None:
    assert kept in secret_mask.mask_secrets(text, about_a_password=True)[0]


@pytest.mark.parametrize(
    "shape",
    ["パスワードは、Blue Sky2026 です。", "パスワード Blue Sky2026\n", "パスワード（a b c d e f ", "パスワード" + " Ab1" * 30],
)
def test_the_readers_stay_linear(shape: str) -> None:
    assert_stays_linear(credentials.find_credentials, shape)
    assert_stays_linear(lambda t: secret_mask.mask_secrets(t, about_a_password=True), shape)


@pytest.mark.parametrize(
    ("text", "masked"),
    [
        # The readers backed off to a shorter label or separator, and the phrase began at the label's word.
        ("Password Reset! abc123 というメールでした", f"Password Reset! {M} というメールでした"),
        ("The password is: abc123", f"The password is: {M}"),
        ("The password is now: abc123", f"The password is now: {M}"),
        ("The password is now abc123", f"The password is now {M}"),
        ("The password was: hunter2", f"The password was: {M}"),
        # A phrase after them is still masked whole, the label's words kept.
        ("Password Reset! Blue Sky2026 というメールでした", f"Password Reset! {M} というメールでした"),
        ("The password is now: Blue Sky2026", f"The password is now: {M}"),
        ("The password is: Blue Sky2026", f"The password is: {M}"),
    ],
)
def test_a_report_masks_after_the_labels_own_words(text: str, masked: str) -> None:
    for about in (False, True):
        assert secret_mask.mask_secrets(text, about_a_password=about) == (masked, 1), text


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # A weak value after them stays what it was before the multi-word reader: advice, not flagged.
        ("Password Reset! abc123 というメールでした", []),
        ("The password is now: abc123", []),
        ("The password is: abc123", []),
        ("Password Reset! Blue Sky2026 というメールでした", ["Blue Sky2026"]),
        ("The password is now: Blue Sky2026", ["Blue Sky2026"]),
        ("Password Reset! Kx7! Sky2026", ["Kx7! Sky2026"]),  # 「Kx7!」 is a password's word, not a label's
    ],
)
def test_a_draft_reads_the_value_after_the_labels_own_words(text: str, values: list[str]) -> None:
    assert _values(text) == values


def test_a_heading_word_after_a_short_label_does_not_let_the_phrase_out() -> None:
    # 「Note:」 closes a heading: the phrase after it is masked, never left out as typed.
    masked, _ = secret_mask.mask_secrets("PW Note: Blue Sky2026", about_a_password=True)
    assert "Blue" not in masked and "Sky2026" not in masked


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # One word after the label's own (found by review): no other reader reads past 「Reset!」, so the draft
        # went out with the password unflagged.
        ("Password Reset! Kx7pq2Zeta", "Kx7pq2Zeta"),
        ("パスワード Reset! Kx7pq2Zeta です", "Kx7pq2Zeta"),
        ("WiFi password Updated! Kx7pq2", "Kx7pq2"),
        ("暗証番号 Changed! 4821", "4821"),
    ],
)
def test_a_one_word_value_after_the_labels_own_word_is_flagged(text: str, value: str) -> None:
    assert _values(text) == [value]
    (f,) = findings_of(SECRET, text)
    assert value in text[f.start : f.end]


@pytest.mark.parametrize("text", ["Password Reset! Tomorrow", "Password Reset! Windows11", "Password Updated! Please"])
def test_a_word_after_the_labels_own_word_that_is_no_password_stays_clean(text: str) -> None:
    assert findings_of(SECRET, text) == []
