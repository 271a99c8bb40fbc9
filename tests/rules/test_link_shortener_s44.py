"""link.shortener, session 44's red team: a shortener's name in a query parameter that sends no one there."""

from __future__ import annotations

import pytest

from bot.rules import RulePolicy
from tests.rules.conftest import findings_of

CITY = RulePolicy(allowed_link_domains=("city.joetsu.niigata.jp",))
_SITE = "https://www.city.joetsu.niigata.jp/"


def _stopped(text: str) -> bool:
    return bool(findings_of("link.shortener", text, policy=CITY))


# Where the reader came from (the campaign tags a social tool appends) or what a page is asked for: no page sends the
# reader to them, yet any 「…/…」 in any parameter was read as the shortened link the city's page forwards to, and the
# city's own page stopped as an error.
@pytest.mark.parametrize(
    "text",
    [
        f"詳しくは {_SITE}event?utm_source=t.co/abc をご覧ください",
        f"{_SITE}event?utm_source=x&utm_medium=social&utm_campaign=bit.ly/2025",
        f"イベント詳細 {_SITE}site/event/12345.html?from=t.co/xyz",
        f"{_SITE}soshiki/kanko/?ref=buff.ly/abc",
        f"申込フォーム {_SITE}form?referrer=ow.ly/abc",
        f"{_SITE}news?utm_source=https://t.co/abc",
        f"図書館の新着図書 {_SITE}lib/?keyword=t.co/abc",
        f"{_SITE}kurashi/gomi/calendar.html?year=2025&area=t.co/a",
    ],
)
def test_a_parameter_that_sends_no_one_anywhere_is_silent(text: str) -> None:
    assert not _stopped(text), text


# A parameter named for where to go still forwards the reader to the shortener, with 「https://」 or without.
@pytest.mark.parametrize(
    "text",
    [
        f"{_SITE}jump?url=bit.ly/abc",
        f"{_SITE}redirect?to=bit.ly/3xYz",
        f"{_SITE}login?next=https://t.co/abc",
        f"{_SITE}out?redirect=tinyurl.com/abcd",
        f"{_SITE}exit?u=bit.ly/abc",
        f"{_SITE}go?goto=bit.ly/abc",
        f"{_SITE}r?returnUrl=https://bit.ly/abc",
        f"{_SITE}exit?target=https://bit.ly/abc",
        f"{_SITE}event?utm_source=x&url=bit.ly/abc",
        f"{_SITE}jump?page=2&link=https://bit.ly/abc",
    ],
)
def test_a_parameter_naming_where_to_go_still_stops(text: str) -> None:
    assert _stopped(text), text


# An exit page names its destination as it likes: a compound ending in url, uri or link (「?dest_url=」「?rurl=」
# 「?link_url=」「?nextUrl=」), a search result's own 「?q=」, and a link without its scheme (「?url=//bit.ly/abc」). Only the
# names listed one by one were read, and the city's page forwarding to a shortener went out.
@pytest.mark.parametrize(
    "text",
    [
        f"{_SITE}jump?dest_url=bit.ly/abc",
        f"{_SITE}jump?rurl=bit.ly/abc",
        f"{_SITE}jump?link_url=bit.ly/abc",
        f"{_SITE}jump?nextUrl=bit.ly/abc",
        f"{_SITE}jump?continue_url=bit.ly/abc",
        f"{_SITE}jump?back_url=bit.ly/abc",
        f"{_SITE}jump?external_link=bit.ly/abc",
        f"{_SITE}jump?jumpto=bit.ly/abc",
        f"{_SITE}jump?url=//bit.ly/abc",
        "https://www.google.com/url?q=bit.ly/abc",
    ],
)
def test_a_destination_under_any_name_for_one_still_stops(text: str) -> None:
    assert _stopped(text), text


# A word only ending like one is no destination: still silent.
@pytest.mark.parametrize(
    "text", [f"{_SITE}event?topic=bit.ly/abc", f"{_SITE}event?token=t.co/abc", f"{_SITE}search?q=bit.ly/abc"]
)
def test_a_parameter_only_looking_like_a_destination_is_silent(text: str) -> None:
    assert not _stopped(text), text
