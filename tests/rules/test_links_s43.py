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
