"""Leak reports' masking (bot.incidents.mask_secrets): the leaks session 30 left, each as staff typed it.
The value must not reach the escalation channel; what 情報政策室 needs (the service, what happened, when)
must still be there."""
from __future__ import annotations

import pytest

from bot import incidents as inc
from tests.conftest import assert_stays_linear

M = inc.SECRET_MASK


def masked(text: str) -> tuple[str, int]:
    return inc.mask_secrets(text, about_a_password=True)


@pytest.mark.parametrize(("text", "expected"), [
    # A listed value that begins like a label (「Pass」) is the password whole, its bracket and all.
    ("PW：abc123、Pass[12]が漏えい", f"PW：{M}、{M}が漏えい"),
    ("PW：abc123、Pass(12) です", f"PW：{M}、{M} です"),
])
def test_a_listed_value_that_begins_like_a_label_is_masked_whole(text: str, expected: str) -> None:
    assert masked(text) == (expected, 2)


@pytest.mark.parametrize("text", [
    # A label of its own after the first value keeps its label, and its value is masked apart.
    "PW：abc123、Pass: def456",
    "PW：abc123、PIN 1234 が漏えい",
])
def test_a_second_label_after_a_value_stays_a_label(text: str) -> None:
    out, count = masked(text)
    assert count == 2 and ("Pass:" in out or "PIN" in out) and "abc123" not in out


def test_the_new_readings_stay_linear() -> None:
    # One shape holding each new reading: each check costs CI time on a loaded machine.
    assert_stays_linear(masked, "PW：abc123、Pass[12]、PW：ab1、Pass(1)が")
