"""Red team of a11y.spaced_word and a11y.machine_dependent (s44): lists of one-letter items that must pass, and the
spaced or dotted words and vulgar fractions that must not.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.rules.conftest import JST, findings_of

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=JST)


# The fractions of Latin-1 (「½」「¼」「¾」) are the same compatibility characters as 「⅓」 of Number Forms, outside
# JIS X 0208 and read by screen readers as a symbol's name or not at all; only the Number Forms ones were caught.
@pytest.mark.parametrize(("text", "excerpt", "suggestion"), [
    ("ごみ袋は½サイズもあります", "½", "1/2"),
    ("定員の¼を市民枠とします", "¼", "1/4"),
    ("砂糖¾カップ", "¾", "3/4"),
])
def test_latin_vulgar_fractions_are_machine_dependent(text: str, excerpt: str, suggestion: str) -> None:
    [found] = findings_of("a11y.machine_dependent", text, now=NOW)
    assert (found.excerpt, found.suggestion) == (excerpt, suggestion)


@pytest.mark.parametrize("text", [
    "髙田の𠮷田さん、気温は25℃です😀",
    "Café・naïve・Zürich のような文字はそのままです",
    "価格は¥1,000（税込）、送料©2026",
])
def test_other_latin1_letters_and_signs_stay_silent(text: str) -> None:
    assert findings_of("a11y.machine_dependent", text, now=NOW) == [], text


# After a whole number the fraction's replacement alone would make another number: 「1½時間」 is not 「11/2時間」.
@pytest.mark.parametrize(("text", "excerpt", "suggestion"), [
    ("所要時間は約1½時間です", "1½", "1と1/2"),
    ("12¾インチ", "12¾", "12と3/4"),
    ("小麦粉2⅓カップ", "2⅓", "2と1/3"),
])
def test_a_fraction_after_a_whole_number_is_replaced_with_both(text: str, excerpt: str, suggestion: str) -> None:
    [found] = findings_of("a11y.machine_dependent", text, now=NOW)
    assert (found.excerpt, found.suggestion) == (excerpt, suggestion)
    assert f"「{suggestion}」" in found.message
