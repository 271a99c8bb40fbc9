"""a11y.emoji_overuse, session 42's review: emoji runs found in linear time, as before where they are found."""

from __future__ import annotations

import time

import pytest

from tests.conftest import assert_stays_linear
from tests.rules.conftest import findings_of


# A ZWJ sequence's members were each tried as the start of a run, and each read the sequence to its end again
# (quadratic: 「👨\u200d」 repeated to 10,000 characters took 8 s, to 40,000 about a minute); 「❤️」, which the emoji
# pattern reads two ways, made a sequence that did not repeat be tried every way (「👨\u200d❤️\u200d」 20 times: 13 s).
# A 40,000-character draft is one the bot must answer (SPEC §7).
@pytest.mark.parametrize(
    "shape",
    [
        "\U0001f468\u200d",
        "\U0001f468\U0001f3fb\u200d",  # a skin tone is an emoji of its own to the pattern
    ],
)
def test_a_long_zwj_fragment_is_checked_in_linear_time(shape: str) -> None:
    assert_stays_linear(lambda text: findings_of("a11y.emoji_overuse", text, platform="x"), shape)


def test_a_sequence_read_two_ways_is_not_tried_every_way() -> None:
    started = time.process_time()  # CPU time: a wall-clock limit fails on a loaded machine
    findings_of("a11y.emoji_overuse", "\U0001f468\u200d\u2764\ufe0f\u200d" * 20, platform="x")
    assert time.process_time() - started < 2.0


@pytest.mark.parametrize(
    ("text", "run"),
    [
        ("★★★", "★★★"),
        ("✨️✨️✨️", "✨️✨️✨️"),
        ("❤️🎉🎉🎉", "🎉🎉🎉"),
        ("👍🏻🎉🎉🎉", "🎉🎉🎉"),
        ("👍🏻👍🏻👍🏻", "👍🏻👍🏻👍🏻"),
        ("👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧", "👨‍👩‍👧👨‍👩‍👧👨‍👩‍👧"),
    ],
)
def test_a_run_of_one_emoji_is_still_found_whole(text: str, run: str) -> None:
    found = findings_of("a11y.emoji_overuse", text)
    assert [text[f.start : f.end] for f in found] == [run]
