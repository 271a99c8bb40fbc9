"""confidential.secret, session 32 (review misses): a PIN given with its length between the label and the value
(「PIN は 4 桁の 0427 です」「暗証番号は4桁の0427です」) went out unflagged and unmasked: 「4」 was read as the value and
「桁」 after it made it a rule's count. The guidance that states a PIN's length only (「暗証番号は4桁の数字です」,
マイナンバーカード's 「6〜16 桁の英数字」) stays silent."""

from __future__ import annotations

import pytest

from bot import incidents as inc
from bot.rules import secret_value_spans
from tests.rules.conftest import codes, findings_of

SECRET = "confidential.secret"


def _flagged_and_masked(text: str, value: str) -> None:
    found = findings_of(SECRET, text)
    assert found, text
    assert any(value in text[f.start : f.end] for f in found)
    assert all(value not in f.excerpt for f in found)
    assert value in [text[a:b] for a, b in secret_value_spans(text)]
    for about_a_password in (True, False):
        masked, _ = inc.mask_secrets(text, about_a_password=about_a_password)
        assert value not in masked, masked


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("PIN は 4 桁の 0427 です", "0427"),
        ("暗証番号は4桁の0427です", "0427"),
        ("暗証番号は4桁の 0427 です。", "0427"),
        ("暗証番号：4桁の0427", "0427"),
        ("PIN: 4 桁の 0427", "0427"),
        ("庁舎通用口の暗証番号は、6桁の 305172 です。", "305172"),
        ("パスワードは8桁のKessai26です", "Kessai26"),
    ],
)
def test_a_pin_given_with_its_length_fires_and_is_masked(text: str, value: str) -> None:
    _flagged_and_masked(text, value)


@pytest.mark.parametrize(
    "text",
    [
        "暗証番号は4桁の数字です",
        "PIN は 4 桁で設定してください",
        "暗証番号（4桁）を入力してください",
        "4桁の暗証番号を忘れた場合は、本人確認書類をお持ちのうえ窓口へお越しください。",
        "暗証番号は 6〜16 桁の英数字です",
        "署名用電子証明書の暗証番号は6〜16桁の英数字、利用者証明用電子証明書の暗証番号は4桁の数字です。",
        # The count of another thing, or a value of another length, is no PIN given with its length.
        "暗証番号は4桁の2026年度版の案内をご覧ください",
        "暗証番号は6桁の0427です",
        # A famous example stays one.
        "暗証番号は4桁の1234のような推測されやすいものにしないでください",
        "暗証番号は4桁の1234です",
    ],
)
def test_guidance_on_a_pins_length_stays_silent(text: str) -> None:
    assert SECRET not in codes(text)

