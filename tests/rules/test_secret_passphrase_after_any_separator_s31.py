"""A passphrase after a separator other than a colon (「パスワードは、Blue Sky2026」「ログインパスワード Blue Sky2026」
「パスワード（Blue Sky2026」「パスワードって …」「The password is …」): the multi-word reader ran only after は or a
colon and the leak report's only after a colon, so the single-word reader took 'Blue' and 'Sky2026' went out as typed
in the report (or, 'Blue' being no password, the draft was not flagged at all) (session 31)."""

from __future__ import annotations

import pytest

from bot import incidents as inc
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
    assert inc.mask_secrets(text, about_a_password=True)[0] == text.replace(value, M)
    assert inc.mask_secrets(text)[0] == text.replace(value, M)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # Labels only the leak report reads (the draft rule reads 「パス」 only before a colon or a quote).
        ("パスは、Blue Sky2026 です", "Blue Sky2026"),
        ("*PW*は Blue Sky2026", "Blue Sky2026"),
    ],
)
def test_a_report_masks_the_whole_passphrase_after_its_own_labels(text: str, value: str) -> None:
    assert inc.mask_secrets(text, about_a_password=True)[0] == text.replace(value, M)


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
    assert kept in inc.mask_secrets(text, about_a_password=True)[0]


@pytest.mark.parametrize(
    "shape",
    ["パスワードは、Blue Sky2026 です。", "パスワード Blue Sky2026\n", "パスワード（a b c d e f ", "パスワード" + " Ab1" * 30],
)
def test_the_readers_stay_linear(shape: str) -> None:
    assert_stays_linear(credentials.find_credentials, shape)
    assert_stays_linear(lambda t: inc.mask_secrets(t, about_a_password=True), shape)
