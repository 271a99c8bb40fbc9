"""link.malformed, session 46's red team: a port no browser opens and a domain with an empty part."""

from __future__ import annotations

import pytest

from tests.rules.conftest import CITY_POLICY, findings_of


@pytest.mark.parametrize(
    ("text", "shown", "suggestion"),
    [
        ("詳しくは https://city.example.lg.jp:99999/ をご覧ください", "https://city.example.lg.jp:99999", None),
        ("https://www.city.joetsu.niigata.jp:70000/kurashi/", "https://www.city.joetsu.niigata.jp:70000", None),
        ("https://www.city.joetsu.niigata.jp:abc/", "https://www.city.joetsu.niigata.jp:abc", None),
        ("詳しくは https://www..city.example.jp をご覧ください", "https://www..city.example.jp", "https://www.city.example.jp"),
        (
            "申込みはこちら→https://www..city.joetsu.niigata.jp/kurashi/",
            "https://www..city.joetsu.niigata.jp",
            "https://www.city.joetsu.niigata.jp/kurashi/",
        ),
        ("www..city.joetsu.niigata.jp/kurashi/", "www..city.joetsu.niigata.jp", "www.city.joetsu.niigata.jp/kurashi/"),
        ("https://.city.joetsu.niigata.jp/", "https://.city.joetsu.niigata.jp", "https://city.joetsu.niigata.jp/"),
    ],
)
def test_a_port_or_a_domain_no_browser_opens_is_stopped(text: str, shown: str, suggestion: str | None) -> None:
    found = findings_of("link.malformed", text, policy=CITY_POLICY)
    assert [(text[f.start : f.end], f.suggestion) for f in found] == [(shown, suggestion)], text


# A port in range, an empty one, and the dots of an address cut short after its domain are left alone.
@pytest.mark.parametrize(
    "text",
    [
        "https://www.city.joetsu.niigata.jp:8080/",
        "https://www.city.joetsu.niigata.jp:443/kurashi/",
        "https://www.city.joetsu.niigata.jp:/kurashi/",
        "https://www.city.joetsu.niigata.jp:65535/",
        "詳しくは https://www.city.joetsu.niigata.jp:10時から受付",
        "市ホームページ（https://www.city.joetsu.niigata.jp/）をご覧ください。",
        "https://www.city.joetsu.niigata.jp...",
    ],
)
def test_a_usable_port_or_domain_is_not_stopped(text: str) -> None:
    assert not findings_of("link.malformed", text, policy=CITY_POLICY), text
