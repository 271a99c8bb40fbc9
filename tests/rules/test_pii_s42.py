"""The personal-information rules, session 42: the misses session 41 left (an address wrapped after its 「@」 or typed
with a comma for its dot) and pii.address red-teamed with the homes and the public places a municipal post names.

上越市 5(3), 和気町 4(2): a private address must be found however it is written, while a venue's, a shop's or an
office's address must stay silent: a bot that cries wolf on every event notice is not read.
"""

from __future__ import annotations

import pytest

from bot.rules import check
from tests.rules.conftest import CITY_POLICY, ctx

PII = ("pii.phone", "pii.email", "pii.my_number", "pii.card_number", "pii.address")


def _pii(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.excerpt) for f in check(text, ctx(platform="x", policy=CITY_POLICY)) if f.code in PII]


# A mail address wrapped right after its 「@」 (a narrow window or a pasted PDF broke the line), or with a comma typed
# for a dot of its domain: whoever reads it writes to it all the same.
@pytest.mark.parametrize(
    ("text", "address"),
    [
        ("連絡はtaro@\ngmail.com まで", "taro@\ngmail.com"),
        ("連絡は taro@ \n gmail.com まで", "taro@ \n gmail.com"),
        ("連絡は taro@gmail,com まで", "taro@gmail,com"),
        ("連絡は taro@yahoo,co,jp まで", "taro@yahoo,co,jp"),
        ("Contact: taro.yamada@gmail,com", "taro.yamada@gmail,com"),
    ],
)
def test_an_address_wrapped_after_its_at_or_with_a_comma_for_a_dot_warns(text: str, address: str) -> None:
    assert ("pii.email", address) in _pii(text)


@pytest.mark.parametrize(
    "text",
    [
        # A comma before a word that is no mail suffix, or after a complete official address, is a list's or prose's.
        "koho@city.joetsu.lg.jp,com",
        "Say hi@everyone,me and you",
        "hello@world,japan",
        "Follow us @joetsu_city,@joetsu_kanko",
        # A line ending in 「@」 before no domain, or before a handle right after the service's name.
        "お問い合わせ@\n上越市役所",
        "フォローしてね！Instagram@\njoetsu.kanko",
        # A handle glued to the service's name and a DM asked for: no mailbox, whatever the domain-like name.
        "Instagram@gmail.com にDMください",
        "申込はkoho@city.joetsu.lg.jp。\ninfo@も使えます",
    ],
)
def test_a_comma_or_a_line_break_that_joins_no_address_stays_silent(text: str) -> None:
    assert [c for c, _ in _pii(text)] == []
