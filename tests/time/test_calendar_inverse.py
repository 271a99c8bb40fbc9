"""``business_instant_before`` is the inverse that lets the sweep query ``updated_at <= cutoff``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.calendar import (
    BusinessCalendar,
    business_instant_before,
    business_opening_on_or_after,
    next_business_instant,
)
from tests.time.conftest import jst

CAL = BusinessCalendar("08:30-17:15", "Asia/Tokyo")


def test_two_hours_before_monday_morning_is_friday_afternoon() -> None:
    assert business_instant_before(CAL, jst(2026, 11, 30, 9, 0), timedelta(hours=2)) == jst(2026, 11, 27, 15, 45)


def test_one_business_day_before_the_new_year_opening_skips_the_closure() -> None:
    assert business_instant_before(CAL, jst(2027, 1, 4, 8, 30), CAL.day_length) == jst(2026, 12, 28, 8, 30)


def test_date_reminders_open_on_the_next_business_morning() -> None:
    assert business_opening_on_or_after(CAL, jst(2026, 12, 20).date()) == jst(2026, 12, 21, 8, 30)
    assert next_business_instant(CAL, jst(2026, 11, 28, 12, 0)) == jst(2026, 11, 30, 8, 30)
    assert next_business_instant(CAL, jst(2026, 11, 30, 7, 0)) == jst(2026, 11, 30, 8, 30)
    assert next_business_instant(CAL, jst(2026, 11, 30, 10, 0)) == jst(2026, 11, 30, 10, 0)
    assert next_business_instant(CAL, jst(2026, 11, 30, 17, 15)) == jst(2026, 12, 1, 8, 30)


instants = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)).map(
    lambda d: d.replace(tzinfo=UTC))
durations = st.integers(min_value=1, max_value=5 * 24 * 60).map(lambda m: timedelta(minutes=m))


@settings(max_examples=300, deadline=None)
@given(t=instants, d=durations, probe=st.integers(min_value=-3 * 24 * 60, max_value=3 * 24 * 60))
def test_waited_at_least_d_exactly_when_at_or_before_the_cutoff(t: datetime, d: timedelta, probe: int) -> None:
    cutoff = business_instant_before(CAL, t, d)
    assert CAL.business_time_between(cutoff, t) == d
    x = cutoff + timedelta(minutes=probe)
    assert (CAL.business_time_between(x, t) >= d) == (x <= cutoff)
