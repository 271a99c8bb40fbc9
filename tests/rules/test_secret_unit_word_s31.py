"""A passphrase whose later word starts as a unit (「Personal Number2026」「Blue Years2026」): the multi-word reader
took 'Number' in 'Number2026' for a rule's unit (「PIN: 4 digits」) and skipped the phrase, so confidential.secret and
a leak report's mask held only 'Personal' (or nothing) and 'Number2026' went out as typed (session 31)."""

from __future__ import annotations

import pytest

from bot import incidents as inc
from bot import secret_mask
from bot.rules import secret_value_spans
from tests.rules.conftest import findings_of

M = inc.SECRET_MASK
SECRET = "confidential.secret"


def _values(text: str) -> list[str]:
    return [text[a:b] for a, b in secret_value_spans(text)]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("接続キー：Personal Number2026 です", "Personal Number2026"),
        ("Wi-Fiパスワード：Personal Number2026", "Personal Number2026"),
        ("パスフレーズ：Blue Years2026 です", "Blue Years2026"),
        ("接続キー：Kessai Digits99", "Kessai Digits99"),
        ("パスワード：Personal Number2026", "Personal Number2026"),
    ],
)
def test_a_passphrase_with_a_word_that_starts_as_a_unit_is_one_value(text: str, value: str) -> None:
    assert _values(text) == [value]
    (f,) = findings_of(SECRET, text)
    assert text[f.start : f.end].endswith(value)
    assert secret_mask.mask_secrets(text, about_a_password=True)[0] == text.replace(value, M)


@pytest.mark.parametrize(
    "text",
    [
        # A unit written as a whole word (with its punctuation) is still the rule told, not a value.
        "PINは 4 digits です", "パスワードは 8 characters 以上にしてください", "暗証番号は 4 digits. です",
        "パスワード：8 letters, 英数字を含めてください", "パスワードは 90 days ごとに変更してください",
    ],
)
def test_a_unit_as_a_whole_word_is_still_no_value(text: str) -> None:
    assert _values(text) == []
    assert findings_of(SECRET, text) == []
