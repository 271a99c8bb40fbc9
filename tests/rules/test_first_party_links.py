"""link.shortener and the short links a service issues for its own pages (youtu.be, forms.gle …)."""

from __future__ import annotations

import pytest

from bot.rules import RuleOverride
from tests.rules.conftest import codes


@pytest.mark.parametrize(
    "url",
    [
        "https://lin.ee/abc123",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://forms.gle/AbC123xyz",
        "https://maps.app.goo.gl/AbC123",
    ],
)
def test_first_party_short_links_are_not_shorteners_by_default(url: str) -> None:
    assert "link.shortener" not in codes(f"詳しくは {url} をご覧ください")
    # An organisation that wants them reported lists them itself.
    host = url.split("/")[2]
    ov = {"link.shortener": RuleOverride(extra_words=(host,))}
    assert "link.shortener" in codes(f"詳しくは {url} をご覧ください", overrides=ov)


def test_other_links_on_a_first_party_shortener_domain_still_fire() -> None:
    # goo.gl itself was Google's general shortener; only maps.app.goo.gl is a first-party share link.
    assert "link.shortener" in codes("地図 https://goo.gl/maps/AbC123")
    assert "link.shortener" in codes("詳しくは https://bit.ly/3xYz12")
