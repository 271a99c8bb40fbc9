"""Link rules, session 43's red team: a full-width sign after a link, and shortened links in disguise."""

from __future__ import annotations

import pytest

from bot.rules import RulePolicy
from bot.rules.text import Document
from tests.rules.conftest import codes

CITY = RulePolicy(allowed_link_domains=("city.joetsu.niigata.jp",))
_SITE = "https://www.city.joetsu.niigata.jp/site/"


def _links(text: str, platform: str = "x") -> list[str]:
    return [c for c in codes(text, policy=CITY, platform=platform) if c.startswith("link.")]


# A full-width sign with a date or a year after a link that ends in any file the city links (a spreadsheet, a picture,
# an old script): the sentence's, as after 「.html」 or 「.pdf」. Only seven endings were known there, so the date was
# read on into the address and the post stopped as 「URL に全角文字」.
@pytest.mark.parametrize(
    "text",
    [
        f"人口統計 {_SITE}jinko.csv／12/5更新",
        f"予算書 {_SITE}yosan.xls／2025年版",
        f"申込書 {_SITE}form.doc／12/5締切",
        f"会場図 {_SITE}map.png～12/5掲示",
        f"旧ページ {_SITE}event.cgi～12/5",
        f"資料 {_SITE}shiryo.pptx：12月5日の説明会で使用",
    ],
)
def test_a_sign_after_any_file_the_city_links_ends_the_link(text: str) -> None:
    assert _links(text) == []


def test_the_link_before_the_sign_is_the_whole_file() -> None:
    assert [u.url for u in Document(f"{_SITE}jinko.csv／12/5更新").urls] == [f"{_SITE}jinko.csv"]


# What only an address has after the sign, written with the IME on: a dot-name (「．htaccess」), a query's parameter
# (「＆id=3」), a page number after a script (「a.php／12345」). No platform links across the sign, so the reader lands
# on another page: it stops as 「URL に全角文字」.
@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.joetsu.niigata.jp/event/．htaccess",
        "https://www.city.joetsu.niigata.jp/event/＆id=3",
        "https://www.city.joetsu.niigata.jp/site/event/list.php?cat=2＆page=3",
        "https://www.city.joetsu.niigata.jp/site/a.php／12345",
        "詳細 https://www.city.joetsu.niigata.jp/site/a.aspx／12345 をご覧ください",
        "https://www.city.joetsu.niigata.jp/～tanaka",
        "https://www.city.joetsu.niigata.jp/～tanaka/index.html",
    ],
)
def test_an_address_going_on_after_a_full_width_sign_stops(text: str) -> None:
    assert "link.malformed" in _links(text)


# The sentence after the sign: a word that runs into Japanese (「～kids向け」 is 「for kids」), a date or a year after a
# script, or a sign before Japanese. The link ends at the sign, on the page meant.
@pytest.mark.parametrize(
    "text",
    [
        "親子で楽しめるイベント https://www.city.joetsu.niigata.jp/event/～kids向けワークショップも開催",
        "https://www.city.joetsu.niigata.jp/event/～親子向け～",
        "https://www.city.joetsu.niigata.jp/event/．pdf版もあります",
        "https://www.city.joetsu.niigata.jp/event/．LINEでも配信しています",
        "https://www.city.joetsu.niigata.jp/event/＆先着順です",
        "https://www.city.joetsu.niigata.jp/event/＆Instagramでも発信中",
        "https://www.city.joetsu.niigata.jp/site/a.php／12/5更新",
        "https://www.city.joetsu.niigata.jp/site/a.php／2025年版",
    ],
)
def test_the_sentence_after_the_sign_is_not_the_address(text: str) -> None:
    assert _links(text) == []


# A shortened link behind a trusted address's query, or written so that no platform links it: the reader still ends up
# at the shortener's unseen destination (上越市 6(1)② asks for no shortener at all). Both went out unwarned.
@pytest.mark.parametrize(
    "text",
    [
        "詳しくは https://www.city.joetsu.niigata.jp/jump?url=https://bit.ly/3xYz12 をご覧ください",
        "https://www.city.joetsu.niigata.jp/jump?url=https%3A%2F%2Fbit.ly%2F3xYz12",
        "詳しくは https://www.city.joetsu.niigata.jp/jump?url=bit.ly/3xYz12",
        "詳しくは www.city.joetsu.niigata.jp/jump?url=bit.ly/3xYz12",
        "詳しくは bit . ly/3xYz12 へ",
        "詳しくは bit[.]ly/3xYz12 へ",
        "詳しくは bit(.)ly/3xYz12 へ",
        "詳しくは　bit。ly/3xYz12　をご覧ください",
        "申込みは bit dot ly/3xYz12 から",
        "お得な情報は amzn . to/3xYz から",
    ],
)
def test_a_shortened_link_behind_a_query_or_a_disguised_dot_stops(text: str) -> None:
    found = [c for c in _links(text) if c == "link.shortener"]
    assert found == ["link.shortener"], text


@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.joetsu.niigata.jp/jump?url=https://www.pref.niigata.lg.jp/",
        "https://www.city.joetsu.niigata.jp/jump?url=https://youtu.be/abc123",
        "https://www.city.joetsu.niigata.jp/site/list.php?path=kurashi/bosai",
        "「bit . ly/xxxx」のようなURLが書かれたSMSに注意してください",
        "不審な「bit[.]ly/…」で始まるSMSに注意",
        "市報 Vol. 12/1号を発行しました",
        "会場は本館 4F. Room/A です",
        "詳しくはホームページをご覧ください。ly/ は関係ありません",
    ],
)
def test_other_addresses_and_dots_stay_silent(text: str) -> None:
    assert "link.shortener" not in _links(text)
