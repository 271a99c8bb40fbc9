"""The /kessai draft form's validation (bot.drafting), without Slack."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

from bot import render
from bot.drafting import DraftInput, validate

JST = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 12, 3, 10, 0, tzinfo=JST)


def scheduled(day: str, at: str = "10:00") -> tuple[datetime | None, dict[str, str]]:
    form, errors = validate(DraftInput("joetsu-x", "本日は晴天です。", day, at, "normal", "0", None, False, None),
                            now=NOW, tz="Asia/Tokyo", allowed_accounts={"joetsu-x": "上越市公式X"})
    return (form.scheduled_at if form else None), errors


@pytest.mark.parametrize("day", ["9999-12-31", "2062-12-03", "2028-12-03"])
def test_a_date_years_ahead_is_refused_as_a_typo(day: str) -> None:
    """Slack's date picker takes any year: 9999-12-31 went to approval, and the holiday table
    the checks consult fails on it (the check did not run)."""
    at, errors = scheduled(day)
    assert at is None and "年" in errors[render.F_DATE] and day[:4] in errors[render.F_DATE]


@pytest.mark.parametrize("day", ["2026-12-03", "2027-12-03", "2028-05-31"])
def test_a_post_scheduled_up_to_a_year_and_a_half_ahead_is_taken(day: str) -> None:
    at, errors = scheduled(day)
    assert errors == {} and at is not None and at.date().isoformat() == day
