"""link.shortener, session 45's red team: a shortened link behind another address, encoded twice."""

from __future__ import annotations

import pytest

from bot.rules import RulePolicy
from tests.rules.conftest import findings_of

CITY = RulePolicy(allowed_link_domains=("city.joetsu.niigata.jp",))
_SITE = "https://www.city.joetsu.niigata.jp/"


def _stopped(text: str) -> bool:
    return bool(findings_of("link.shortener", text, policy=CITY))


# A link copied through another page comes encoded twice (「%253A」 is 「%3A」 encoded again): the exit page decodes it
# and sends the reader to the shortener all the same, but only one decoding was read and the city's page went out.
@pytest.mark.parametrize(
    "text",
    [
        f"{_SITE}e?url=https%253A%252F%252Fbit.ly%252Fabc",
        f"{_SITE}jump?url=https%253A%252F%252Ft.co%252Fabc",
        f"{_SITE}jump?url=https%25253A%25252F%25252Fbit.ly%25252Fabc",
        f"申込はこちら {_SITE}jump?page=2&amp;link=https%253A%252F%252Fbit.ly%252F3xYz",
    ],
)
def test_a_shortened_link_encoded_twice_behind_the_citys_page_stops(text: str) -> None:
    assert _stopped(text), text


# The same page encoded twice, a search, and where the reader came from (a link in a tracking parameter, 「https://」 or
# not, is never followed): still silent.
@pytest.mark.parametrize(
    "text",
    [
        f"{_SITE}e?url=https%253A%252F%252Fwww.city.joetsu.niigata.jp%252Fabc",
        f"{_SITE}search?q=bit.ly%252Fabc",
        f"{_SITE}e?utm_source=https://bit.ly/abc",
        f"{_SITE}e?utm_source=https%253A%252F%252Fbit.ly%252Fabc",
    ],
)
def test_an_encoded_value_that_sends_no_one_to_a_shortener_is_silent(text: str) -> None:
    assert not _stopped(text), text
