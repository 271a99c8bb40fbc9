"""Session 42 red team of prohibited.insult, prohibited.illegal and prohibited.political: everyday municipal
drafts that must pass and harms that must be flagged, with the city's policy (tests/rules/conftest.py CITY_POLICY)."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _codes(text: str, platform: str = "x") -> list[str]:
    return [f.code for f in check(text, ctx(platform=platform, policy=CITY_POLICY))]


# A human-rights or anti-bullying notice quoting the words it warns against: what they are (言葉の暴力, いじめ),
# where they are met (ネット上の何気ない一言) and the blaming done with them (部下を責めるのは) name them, the post
# does not say them.
WORDS_WARNED_AGAINST = [
    "「死ね」「うざい」は言葉の暴力です。いじめのない学校をつくりましょう。",
    "「死ね」は言葉の暴力です。",
    "「死ね」「うざい」は立派ないじめです。",
    "「ウザい」「キモい」も、いじめにつながる言葉です。",
    "「お前はバカだ」は言葉の暴力、DVです。",
    "「キモい」「消えろ」――ネット上の何気ない一言が人を深く傷つけます。人権週間に考えてみませんか。",
    "「無能」「役立たず」と部下を責めるのはパワハラです。相談窓口をご利用ください。",
    "「バカ」「のろま」と子どもを叱るのは、言葉による虐待です。",
]


@pytest.mark.parametrize("text", WORDS_WARNED_AGAINST)
def test_words_quoted_in_a_warning_against_them_pass(text: str) -> None:
    assert "prohibited.insult" not in _codes(text), text


# The same shapes when the post says the words are fine, or blames with them and approves.
WORDS_STILL_SAID = [
    "「死ね」「うざい」は言葉の暴力ではありません。どんどん使おう。",
    "「無能」と部下を責めるのは当然です。",
    "「無能」と部下を責めるのはいじめではありません。",
    "「バカ」と子どもを叱るのはしつけです。",
    "「キモい」――ネット上の評判どおりの市長だ。",
    "市長は「バカ」は言葉の暴力だと言うが、本当にバカだ。",
]


@pytest.mark.parametrize("text", WORDS_STILL_SAID)
def test_words_approved_or_said_of_someone_still_fire(text: str) -> None:
    assert "prohibited.insult" in _codes(text), text
