"""Dates typed after /kessai away, as people type them on a PC or a phone."""

from __future__ import annotations

from datetime import date

import pytest

from bot.calendar import parse_date

TODAY = date(2026, 11, 24)


@pytest.mark.parametrize(("typed", "expected"), [
    ("2026-12-01", date(2026, 12, 1)),
    ("２０２６年１２月１日", date(2026, 12, 1)),
    ("12/1", date(2026, 12, 1)),
    ("１２月１日", date(2026, 12, 1)),
    ("11/24", date(2026, 11, 24)),  # today is still this year's
    ("1/5", date(2027, 1, 5)),  # in November, next January
    ("11/23", date(2027, 11, 23)),  # yesterday's date means next year's, not a past absence
    ("2/29", date(2028, 2, 29)),  # the next leap day
    ("令和8年12月1日", date(2026, 12, 1)),
    ("令和元年5月1日", date(2019, 5, 1)),
    ("R8.12.1", date(2026, 12, 1)),
    ("2026.12.1", date(2026, 12, 1)),
])
def test_dates_with_and_without_a_year(typed: str, expected: date) -> None:
    assert parse_date(typed, TODAY) == expected


@pytest.mark.parametrize("typed", ["13/1", "2/30", "0/1", "12/", "来週", "12-1", "1/5/", "2026-13-01", "令和8年2月30日"])
def test_what_is_not_a_date(typed: str) -> None:
    assert parse_date(typed, TODAY) is None


def test_without_today_a_year_is_needed() -> None:
    assert parse_date("12/1") is None
