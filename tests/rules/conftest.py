from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.rules import CheckContext, Finding, RulePolicy, check

JST = ZoneInfo("Asia/Tokyo")
# A Thursday in working hours; 2025-11-22 is a Saturday.
NOW = datetime(2025, 11, 20, 10, 0, tzinfo=JST)
# The city the corpora of municipal posts (test_corpus.py, test_*_s28.py) post for: its site, mail and
# switchboard, and the demo Instagram account's approved hashtags (bot/data/demo.toml).
CITY_POLICY = RulePolicy(
    allowed_link_domains=("city.joetsu.niigata.jp",),
    official_email_domains=("city.joetsu.niigata.jp",),
    official_phone_numbers=("025-526-5111",),
)
CITY_HASHTAGS = ("上越市", "joetsu", "高田城址公園")


def ctx(**kw: Any) -> CheckContext:
    kw.setdefault("now", NOW)
    return CheckContext(**kw)


def codes(text: str, **kw: Any) -> list[str]:
    return [f.code for f in check(text, ctx(**kw))]


def findings_of(code: str, text: str, **kw: Any) -> list[Finding]:
    return [f for f in check(text, ctx(**kw)) if f.code == code]


def corpus_codes(platform: str, text: str, now: datetime) -> tuple[str, ...]:
    """The codes a post of a corpus gets, each once and sorted, checked for the city (CITY_POLICY)."""
    hashtags = CITY_HASHTAGS if platform == "instagram" else ()
    context = CheckContext(platform=platform, now=now, policy=CITY_POLICY, hashtags_allowed=hashtags)
    return tuple(sorted({f.code for f in check(text, context)}))


@pytest.fixture
def run() -> Callable[..., list[str]]:
    return codes
