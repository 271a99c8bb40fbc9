"""Session 44: prohibited.insult, prohibited.illegal and prohibited.political on a city's everyday posts (the false
alarms that blocked them, the harms let through) and on long pastes."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from bot.rules import check
from bot.rules.model import CheckContext, Hit, RuleOptions
from bot.rules.prohibited import insult
from bot.rules.text import Document
from tests.conftest import assert_stays_linear
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


def _rule_stays_linear(rule: Callable[[Document, CheckContext, RuleOptions], Iterator[Hit]], shape: str) -> None:
    """``rule`` over ``shape`` repeated stays linear; the documents are analysed beforehand, so that only the rule is
    timed."""
    docs: dict[str, Document] = {}
    for n in (10_000, 40_000):
        text = (shape * (n // len(shape) + 1))[:n]
        docs[text] = Document(text)
        list(rule(docs[text], ctx(), RuleOptions()))
    assert_stays_linear(lambda t: list(rule(docs[t], ctx(), RuleOptions())), shape)


@pytest.mark.parametrize(
    "shape",
    [
        # Each quote's rest of the sentence was read again for a wrong named (「…という差別的な言葉」): 0.45 s at 40,000.
        "「年寄りは死んでもいい」という",
        # Each label was checked against every insulting word found, and its sentence searched for a policy's words.
        "クレーマーばかりで、",
        # The sentence was searched from its start for a maker or for someone told to quit, at each finding.
        "まずくて食べられたものではないw",
        "タバコはさっさと辞めろw",
    ],
)
def test_long_paste_of_contempt_stays_linear(shape: str) -> None:
    _rule_stays_linear(insult, shape)
