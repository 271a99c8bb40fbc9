"""Link rules, session 41's red team: drafts a city's 広報 staff post, and the links that must still stop."""

from __future__ import annotations

import pytest

from bot.rules import RulePolicy
from tests.rules.conftest import codes

CITY = RulePolicy(allowed_link_domains=("city.joetsu.niigata.jp",))


def _links(text: str, platform: str = "x") -> list[str]:
    return [c for c in codes(text, policy=CITY, platform=platform) if c.startswith("link.")]


# Japanese public shorteners the upstream list lacks: a link shortened with one was only warned of
# as an untrusted domain, and went out when the warning was accepted.
@pytest.mark.parametrize(
    "text",
    [
        "申込はこちら https://ux.nu/AbC12",
        "詳しくはhttp://urx.blue/3V8T",
        "アンケート→ https://bit.do/kouhou-survey",
        "チラシ画像 http://ur0.work/3Vcm",
    ],
)
def test_japanese_shorteners_missing_upstream_stop(text: str) -> None:
    assert _links(text) == ["link.shortener"]


def test_a_shortener_named_as_a_service_still_passes() -> None:
    assert "link.shortener" not in _links("ux.nu などの短縮URLは使わないでください。")
