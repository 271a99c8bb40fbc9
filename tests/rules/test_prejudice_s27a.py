"""Session 27 (a): prejudice the rule had not seen, and answers to it it did not recognise, beside the
municipal posts nearest to them, which must pass."""

from __future__ import annotations

import pytest

from tests.rules.conftest import codes

CODE = "prohibited.discrimination"


@pytest.mark.parametrize(
    "text",
    [
        # An exclusion quoted as the belief to rethink, as a quoted verdict already was.
        "「外国人は出ていけ」という考え方を見直しましょう。",
        "「外国人は出て行け」という考えを見直しましょう。",
        "「障害者は施設に入っていればいい」という意識を改めましょう。",
    ],
)
def test_quoted_exclusion_rethought_passes(text: str) -> None:
    assert CODE not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "外国人は出ていけ",
        "「外国人は出ていけ」という考え方を見直す必要はありません。",
        "「外国人は出ていけ」と言われても仕方ない。",
        "外国人は出ていけという考え方を見直しましょう、と言う人がいますが、私は賛成しません。",
    ],
)
def test_exclusion_said_fires(text: str) -> None:
    assert CODE in codes(text)
