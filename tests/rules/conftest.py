from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot import incidents, secret_mask
from bot.rules import CheckContext, Finding, RulePolicy, check, my_number_spans, secret_value_spans

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


def assert_secret_flagged_and_masked(text: str, value: str) -> None:
    """confidential.secret fires on ``value`` in ``text``, shows it in no excerpt, and the incident report masks
    it whether or not the incident is about a password."""
    found = findings_of("confidential.secret", text)
    assert found, text
    assert any(value in text[f.start : f.end] for f in found)
    assert all(value not in f.excerpt for f in found)
    assert value in [text[a:b] for a, b in secret_value_spans(text)]
    for about_a_password in (True, False):
        masked, _ = secret_mask.mask_secrets(text, about_a_password=about_a_password)
        assert value not in masked, masked


def assert_my_number_flagged_and_masked(text: str, number: str) -> None:
    """pii.my_number fires on ``number`` in ``text`` and shows it in no excerpt, my_number_spans gives the finding's
    span, and the incident report has SECRET_MASK there and nothing else changed, whether or not the incident is
    about a password (番号法: the report pasting the post must not be another copy of it)."""
    [found] = findings_of("pii.my_number", text)
    assert text[found.start : found.end] == number, text
    assert number not in found.excerpt
    assert my_number_spans(text, NOW.year) == [(found.start, found.end)]
    for about_a_password in (True, False):
        masked = secret_mask.mask_report(text, about_a_password=about_a_password, year=NOW.year)
        assert masked.text == text[: found.start] + incidents.SECRET_MASK + text[found.end :], masked.text
        assert (masked.count, masked.kinds) == (1, {"my_number"})


def corpus_codes(platform: str, text: str, now: datetime) -> tuple[str, ...]:
    """The codes a post of a corpus gets, each once and sorted, checked for the city (CITY_POLICY)."""
    hashtags = CITY_HASHTAGS if platform == "instagram" else ()
    context = CheckContext(platform=platform, now=now, policy=CITY_POLICY, hashtags_allowed=hashtags)
    return tuple(sorted({f.code for f in check(text, context)}))


@pytest.fixture
def run() -> Callable[..., list[str]]:
    return codes
