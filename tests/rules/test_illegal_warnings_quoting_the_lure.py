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
from bot.rules.prohibited import _ASKED_OUTRIGHT
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
    # The request reported after a comma (session 29).
    "違法駐車をしてください、と言われても断りましょう",
    "路上駐車してください、って言われたら断ってください",
    "飲酒運転をして下さい、と誘われても断りましょう。",
    "路上駐車をしてください、と頼まれても、きっぱり断りましょう。",
    "不法投棄してください、なんて頼まれても引き受けないでください。",
    "野焼きをしてください，と知人に言われたら、お断りしましょう。",
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
    # A comma and a reason or a next request, not a report of someone asking (session 29).
    "路上駐車してください、とにかく会場が狭いので。",
    "路上駐車してください、ところで受付は10時からです。",
    # 「ない」 of a reason before the act is not a denial of it (session 29).
    "駐車場がないので路上駐車してください",
    "駐車場が少ないから、路上駐車してください。",
    # 「通報されません」 promises the act goes unreported; 通報 is not a warning here (session 29).
    "野焼きしちゃって大丈夫です、通報されません",
    "少しくらいの不法投棄なら通報されないので大丈夫です。",
    # A piracy site named without 海賊版 (session 29).
    "漫画村で最新刊が無料で読めます",
])
def test_the_lure_itself_still_fires(text: str) -> None:
    assert _illegal(text)


@pytest.mark.parametrize("text", [
    # Warnings that keep a reason-clause ない or a piracy site's name (session 29).
    "駐車場がないので路上駐車はやめてください。",
    "駐車場がないので、路上駐車をしないでください。",
    "駐車場が少ないので路上駐車が増えています。ご注意ください。",
    "路上駐車できないので、臨時駐車場をご利用ください。",
    "不法投棄を見かけたら通報してください。通報された方には後ほど連絡します。",
    "漫画村のような海賊版サイトは利用しないでください。",
    "漫画村は閉鎖されましたが、似たサイトに注意してください。",
    "野焼きは通報されないと思ったら大間違いです。",
])
def test_warnings_near_the_session_29_calls_stay_silent(text: str) -> None:
    assert not _illegal(text)


def test_recruiting_and_asking_stay_linear() -> None:
    assert_stays_linear(_illegal, "闇バイト募集中。")
    assert_stays_linear(_illegal, "路上駐車してくださいと")
    # The request then a comma, many times over: the lookahead that reads 「、と」 after it stays bounded.
    assert_stays_linear(
        lambda t: [list(_ASKED_OUTRIGHT.finditer(t)) for _ in range(10)], "路上駐車してください、　 、"
    )
