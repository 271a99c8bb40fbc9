"""confidential.secret, session 45's red team: drafts last session left that went out unflagged, and the incident
report's masking of words beside a password."""

from __future__ import annotations

import pytest

from tests.rules.conftest import assert_secret_flagged_and_masked, findings_of

# A PIN in kanji digits typed one digit a box: each digit alone was no run of kanji digits, and 「PIN：4 8 2 1」 was
# flagged while these went out.
_SPACED_KANJI_PINS = [
    ("PIN：四 八 二 一", "四 八 二 一"), ("暗証番号：四 八 二 一", "四 八 二 一"), ("暗証番号は 四 八 二 一 です", "四 八 二 一"),
    ("キーボックスの暗証番号：〇 九 一 五", "〇 九 一 五"),
]


@pytest.mark.parametrize(("text", "value"), _SPACED_KANJI_PINS)
def test_a_pin_of_spaced_kanji_digits_is_flagged_and_masked(text: str, value: str) -> None:
    assert_secret_flagged_and_masked(text, value)


@pytest.mark.parametrize("text", ["体操は 一 二 三 四 のリズムで", "暗証番号：一 二 三 四 のような番号は避けましょう", "暗証番号は 四 桁 です"])
def test_spaced_kanji_digits_that_are_no_pin_stay_silent(text: str) -> None:
    assert findings_of("confidential.secret", text) == []
