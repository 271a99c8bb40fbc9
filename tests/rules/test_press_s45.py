"""Session 45: press.embargo on a post that says it tells the news ahead of the papers and television."""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx


def _embargo(text: str) -> list[str]:
    found = check(text, ctx(platform="x", policy=CITY_POLICY))
    return [text[f.start : f.end] for f in found if f.code == "press.embargo"]


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("〇〇新聞に載る前に、いち早くお知らせ！新しい副市長の人事です。", "新聞に載る前"),
        ("報道より先に、市民の皆さんにお伝えします。来年度から給食費を無償化します。", "報道より先に"),
        ("テレビより先に、フォロワーの皆さんだけにお知らせ！", "テレビより先に"),
        ("新聞に出る前に、ここだけの情報です。", "新聞に出る前"),
    ],
)
def test_news_told_ahead_of_the_press_asks_for_the_order(text: str, said: str) -> None:
    assert _embargo(text) == [said]


@pytest.mark.parametrize(
    "text",
    [
        "本日の上越タイムス（新聞）に、市の特集記事が掲載されました。",
        "新聞に載ったお店を紹介します。",
        "テレビで紹介された上越の冬の味覚をご紹介します。",
    ],
)
def test_a_post_about_coverage_already_out_is_silent(text: str) -> None:
    assert _embargo(text) == []
