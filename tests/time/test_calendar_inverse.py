"""``business_instant_before`` is the inverse that lets the sweep query ``updated_at <= cutoff``."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.calendar import (
    BusinessCalendar,
    business_instant_before,
    business_opening_on_or_after,
    next_business_instant,
)
from bot.sweep import reminder_period, reminder_periods
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


zones = st.sampled_from([CAL, BusinessCalendar("09:00-17:00", "America/New_York"),
                         BusinessCalendar("08:30-17:15", "Asia/Tokyo", closed=[date(2026, 11, 16), (6, 23)])])


@settings(max_examples=200, deadline=None)
@given(cal=zones, now=instants, after=durations, ages=st.lists(st.integers(min_value=-60, max_value=60 * 24 * 60),
                                                                min_size=1, max_size=8))
def test_the_sweeps_reminder_periods_are_the_calendar_walks(cal: BusinessCalendar, now: datetime, after: timedelta,
                                                             ages: list[int]) -> None:
    # The sweep's batch form (one calendar walk, then a bisect per draft) must give each waiting
    # draft the very period, and so the very key, that a walk from its own ``since`` gives.
    sinces = [now - timedelta(minutes=a) for a in ages]
    first = business_instant_before(cal, now, after)
    sinces += [first, first - cal.day_length, business_instant_before(cal, now, after + 3 * cal.day_length)]
    periods = reminder_periods(cal, now, after, min(sinces))
    for since in sinces:
        assert periods(since) == max(-1, reminder_period(cal, since, now, after)), since
    # Older than the drafts it was built for: still the walk's answer.
    old = min(sinces) - timedelta(days=40)
    assert periods(old) == reminder_period(cal, old, now, after)
