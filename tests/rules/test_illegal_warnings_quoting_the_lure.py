"""prohibited.illegal on warnings that name the very lure they warn about (review of session 28).

「闇バイト募集中」 and 「…してください」 right after an act are calls, but a warning about a recruiting
post, or about someone asking for the act, quotes them: 「闇バイト募集中の投稿に注意してください」
「飲酒運転をしてくださいと誘われても、絶対に断りましょう」. Those are what a police box or a city posts.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot.rules import CheckContext, check
from tests.conftest import assert_stays_linear

NOW = datetime(2026, 6, 10, 10, 0, tzinfo=ZoneInfo("Asia/Tokyo"))


def _illegal(text: str) -> bool:
    return any(f.code == "prohibited.illegal" for f in check(text, CheckContext(platform="x", now=NOW)))


@pytest.mark.parametrize("text", [
    "闇バイト募集中の投稿に注意してください。",
    "闇バイト募集の投稿を見かけたら、警察に相談してください。",
    "「闇バイト募集中」などの投稿に応募しないでください。",
    "飲酒運転をしてくださいと誘われても、絶対に断りましょう。",
    "野焼きをして下さいと言われても、お断りください。",
    "不法投棄をして下さいって頼まれても、断ってください。",
    # What the commit's own examples must keep silent.
    "不法投棄を見かけたら通報してください。",
    "ごみの野焼きは禁止です。落ち葉は収集日に出してください。",
    "野焼きをする場合は届け出をしてください。",
])
def test_a_warning_naming_the_lure_stays_silent(text: str) -> None:
    assert not _illegal(text)


@pytest.mark.parametrize("text", [
    "闇バイト募集中！高収入",
    "【闇バイト募集中】日給５万円",
    "闇バイト募集！即日即金",
    "会場周辺の道路に路上駐車してください。",
    "路上駐車してくださいね。",
    "駐車違反をしてください。",
])
def test_the_lure_itself_still_fires(text: str) -> None:
    assert _illegal(text)


def test_recruiting_and_asking_stay_linear() -> None:
    assert_stays_linear(_illegal, "闇バイト募集中。")
    assert_stays_linear(_illegal, "路上駐車してくださいと")
