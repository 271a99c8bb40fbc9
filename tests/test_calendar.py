"""Business calendar: weekends, 祝日, 年末年始, working-hour edges, zones, and the add/between law."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.calendar import (
    DEFAULT_WORKING_DAY,
    BusinessCalendar,
    business_opening_on_or_after,
    format_duration,
    is_year_end_closure,
    month_without_business_day,
    next_business_instant,
    parse_closed_day,
    parse_date_range,
    parse_duration,
    parse_working_hours,
)

JST = ZoneInfo("Asia/Tokyo")
CAL = BusinessCalendar()  # 08:30-17:15, Asia/Tokyo
H = timedelta(hours=1)
M = timedelta(minutes=1)
DAY = timedelta(hours=8, minutes=45)


def jst(y: int, mo: int, d: int, h: int = 0, mi: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, tzinfo=JST)


def has_japanese(s: str) -> bool:
    return any("\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" for ch in s)


# --- parse_duration -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("15m", timedelta(minutes=15)),
        ("2h", timedelta(hours=2)),
        ("1d", DAY),
        ("2d", 2 * DAY),
        ("1h30m", timedelta(hours=1, minutes=30)),
        ("90m", timedelta(minutes=90)),
        ("1d2h", DAY + 2 * H),
        ("1d1h1m", DAY + H + M),
        (" 2h ", 2 * H),
        ("1h 30m", timedelta(hours=1, minutes=30)),
        ("２ｈ", 2 * H),  # full-width, as typed with a Japanese IME
        ("2H", 2 * H),
    ],
)
def test_parse_duration_accepts(text: str, expected: timedelta) -> None:
    assert parse_duration(text) == expected


@pytest.mark.parametrize(
    "text", ["", "2", "h", "2x", "1.5h", "-1h", "30m1h", "2hours", "2 時間", "0m", "0h0m", "1h30", "d1"]
)
def test_parse_duration_refuses_in_japanese(text: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_duration(text)
    assert has_japanese(str(err.value))
    assert text.strip() in str(err.value)


def test_parse_duration_day_is_one_working_day() -> None:
    assert DEFAULT_WORKING_DAY == DAY
    assert parse_duration("1d", day=timedelta(days=1)) == timedelta(days=1)
    assert BusinessCalendar("09:00-17:00").parse_duration("1d") == timedelta(hours=8)
    assert BusinessCalendar("09:00-17:00").parse_duration("1d30m") == timedelta(hours=8, minutes=30)


def test_format_duration_round_trips() -> None:
    assert format_duration(timedelta(minutes=90)) == "1h30m"
    assert format_duration(DAY, day=DAY) == "1d"
    assert format_duration(DAY + 2 * H, day=DAY) == "1d2h"
    assert format_duration(DAY) == "8h45m"
    assert format_duration(timedelta(0)) == "0m"
    for text in ["15m", "2h", "1d", "1h30m", "3d4h5m"]:
        assert format_duration(parse_duration(text), day=DAY) == text


# --- parse_working_hours --------------------------------------------------------------------


def test_parse_working_hours() -> None:
    assert parse_working_hours("08:30-17:15") == (time(8, 30), time(17, 15))
    assert parse_working_hours("8:30-17:15") == (time(8, 30), time(17, 15))
    assert parse_working_hours("08:30〜17:15") == (time(8, 30), time(17, 15))
    assert parse_working_hours("０８：３０－１７：１５") == (time(8, 30), time(17, 15))


def test_working_hours_copied_with_a_zero_width_space_are_read() -> None:
    """Copied from a web page or a chat, the value carries a zero-width space or a direction mark
    nobody can see in the file; 「勤務時間「08:30-17:15」を読み取れません」 would show nothing wrong."""
    assert parse_working_hours("08:30-17:15\u200b") == (time(8, 30), time(17, 15))
    assert parse_working_hours("\u200e08:30\u200b-17:15") == (time(8, 30), time(17, 15))


def test_dates_copied_with_a_zero_width_space_are_read() -> None:
    """Closed days pasted from the city's web page and an absence typed after copying a date carry
    the same invisible characters: 「閉庁日「2027-06-23」を日付として読み取れません」 showed nothing wrong."""
    from bot.calendar import parse_closed_day, parse_date, parse_date_range

    assert parse_closed_day("2027-06-23\u200b") == parse_closed_day("2027-06-23")
    assert parse_closed_day("\u200e06-23") == parse_closed_day("06-23")
    assert parse_date("2026/12/1\u200b") == date(2026, 12, 1)
    assert parse_date("R8.12.1\u2060") == date(2026, 12, 1)  # case kept: the era letter still reads
    assert parse_date_range("12/1\u200b 12/5", date(2026, 11, 24)) == parse_date_range("12/1 12/5", date(2026, 11, 24))


@pytest.mark.parametrize(
    "text", ["", "08:30", "8-17", "08:30-24:00", "08:60-17:00", "17:15-08:30", "09:00-09:00"]
)
def test_parse_working_hours_refuses_in_japanese(text: str) -> None:
    with pytest.raises(ValueError) as err:
        parse_working_hours(text)
    assert has_japanese(str(err.value))


def test_unknown_time_zone_is_refused_in_japanese() -> None:
    with pytest.raises(ValueError, match="タイムゾーン"):
        BusinessCalendar(tz="Asia/Joetsu")


@pytest.mark.parametrize(("tz", "now", "expected"), [
    ("Asia/Tokyo", datetime(2026, 12, 4, 1, 0, tzinfo=UTC), None),
    ("Japan", datetime(2026, 12, 4, 1, 0, tzinfo=UTC), None),
    ("Etc/GMT-9", datetime(2026, 12, 4, 1, 0, tzinfo=UTC), None),  # Japan's clock under another name
    ("UTC", datetime(2026, 12, 4, 1, 0, tzinfo=UTC), (time(17, 30), time(2, 15))),
    # Daylight saving half a year away still counts; the hours given are today's.
    ("America/New_York", datetime(2026, 12, 4, 1, 0, tzinfo=UTC), (time(22, 30), time(7, 15))),
    ("America/New_York", datetime(2026, 7, 4, 1, 0, tzinfo=UTC), (time(21, 30), time(6, 15))),
])
def test_hours_in_japan_only_for_a_zone_whose_clock_is_not_japans(
        tz: str, now: datetime, expected: tuple[time, time] | None) -> None:
    assert BusinessCalendar(tz=tz).hours_in_japan(now) == expected


# --- business days --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("d", "expected", "reason"),
    [
        (date(2026, 11, 20), True, None),  # Friday
        (date(2026, 11, 21), False, "土曜日"),
        (date(2026, 11, 22), False, "日曜日"),
        (date(2026, 11, 23), False, "勤労感謝の日"),  # Monday holiday
        (date(2026, 11, 24), True, None),
        (date(2026, 5, 4), False, "みどりの日"),
        (date(2026, 5, 5), False, "こどもの日"),
        (date(2026, 5, 6), False, "振替休日"),  # 憲法記念日 fell on Sunday
        (date(2026, 5, 7), True, None),
        (date(2026, 9, 22), False, "国民の休日"),  # between 敬老の日 and 秋分の日
        (date(2026, 12, 28), True, None),  # 御用納め
        (date(2026, 12, 29), False, "年末年始"),
        (date(2026, 12, 31), False, "年末年始"),
        (date(2027, 1, 1), False, "元日"),
        (date(2027, 1, 2), False, "土曜日"),
        (date(2027, 1, 3), False, "日曜日"),
        (date(2027, 12, 29), False, "年末年始"),
        (date(2028, 1, 3), False, "年末年始"),  # Monday
        (date(2027, 1, 4), True, None),  # 御用始め
        (date(2027, 1, 11), False, "成人の日"),
    ],
)
def test_business_days(d: date, expected: bool, reason: str | None) -> None:
    assert CAL.is_business_day(d) is expected
    got = CAL.non_business_reason(d)
    if reason is None:
        assert got is None
    else:
        assert got is not None and reason in got


def test_year_end_closure() -> None:
    assert not is_year_end_closure(date(2026, 12, 28))
    assert all(is_year_end_closure(date(2026, 12, d)) for d in (29, 30, 31))
    assert all(is_year_end_closure(date(2027, 1, d)) for d in (1, 2, 3))
    assert not is_year_end_closure(date(2027, 1, 4))


def test_next_business_day_is_strictly_after() -> None:
    assert CAL.next_business_day(date(2026, 11, 19)) == date(2026, 11, 20)
    assert CAL.next_business_day(date(2026, 11, 20)) == date(2026, 11, 24)  # Sat, Sun, 勤労感謝の日
    assert CAL.next_business_day(date(2026, 12, 28)) == date(2027, 1, 4)
    assert CAL.next_business_day(date(2026, 5, 1)) == date(2026, 5, 7)  # Golden Week
    assert CAL.business_day_on_or_after(date(2026, 11, 20)) == date(2026, 11, 20)
    assert CAL.business_day_on_or_after(date(2026, 11, 21)) == date(2026, 11, 24)
    assert CAL.previous_business_day(date(2026, 11, 24)) == date(2026, 11, 20)


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2026, 12, date(2026, 12, 28)),  # 29–31 closed
        (2026, 1, date(2026, 1, 30)),  # Jan 31 is a Saturday
        (2026, 5, date(2026, 5, 29)),  # May 31 Sunday, 30 Saturday
        (2026, 11, date(2026, 11, 30)),  # Monday
        (2026, 2, date(2026, 2, 27)),
        (2028, 2, date(2028, 2, 29)),  # leap day, Tuesday
        (2026, 3, date(2026, 3, 31)),
    ],
)
def test_last_business_day(year: int, month: int, expected: date) -> None:
    assert CAL.last_business_day(year, month) == expected


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2026-12-28", date(2026, 12, 28)),
        ("2027/6/23", date(2027, 6, 23)),
        ("令和9年6月23日", date(2027, 6, 23)),
        ("06-23", (6, 23)),
        ("6/23", (6, 23)),
        ("６月２３日", (6, 23)),
        ("02-29", (2, 29)),
        (date(2027, 4, 30), date(2027, 4, 30)),
    ],
)
def test_closed_days_are_read_as_written(written: str | date, expected: date | tuple[int, int]) -> None:
    assert parse_closed_day(written) == expected


@pytest.mark.parametrize("written", ["2026-02-30", "02-30", "13-01", "創立記念日", "", datetime(2027, 6, 23, 9, 0)])
def test_a_closed_day_that_is_no_date_is_refused_in_japanese(written: str | datetime) -> None:
    with pytest.raises(ValueError) as err:
        parse_closed_day(written)
    assert has_japanese(str(err.value))



def test_a_month_left_without_business_day_is_found() -> None:
    weekdays_of_june_2027 = [date(2027, 6, d) for d in range(1, 31) if date(2027, 6, d).weekday() < 5]
    assert month_without_business_day(weekdays_of_june_2027, date(2026, 12, 5)) == (2027, 6)
    assert month_without_business_day(weekdays_of_june_2027[1:], date(2026, 12, 5)) is None
    # Only the months from ``start`` on are looked at.
    assert month_without_business_day(weekdays_of_june_2027, date(2027, 7, 1)) is None
    # 12/29–1/3 and the weekends never empty a month by themselves.
    assert month_without_business_day([], date(2026, 1, 1)) is None


def test_a_yearly_list_that_empties_a_month_only_years_from_now_is_found() -> None:
    # Every June day but 6/27 and 6/28: both fall on a weekend only when 6/27 is a Saturday, which
    # after 2026 is next in 2037, past the four years once looked at.
    june = [(6, d) for d in range(1, 31) if d not in (27, 28)]
    assert month_without_business_day(june, date(2026, 12, 5)) == (2037, 6)
    # A dated one however far ahead: every weekday of June 2040.
    june_2040 = [date(2040, 6, d) for d in range(1, 31) if date(2040, 6, d).weekday() < 5]
    assert month_without_business_day(june_2040, date(2026, 12, 5)) == (2040, 6)
    # Holidays count: May 2027 with its weekdays closed but for 5/3–5/5 (憲法記念日・みどりの日・こどもの日).
    may = [date(2027, 5, d) for d in range(1, 32) if date(2027, 5, d).weekday() < 5 and d not in (3, 4, 5)]
    assert month_without_business_day(may, date(2026, 12, 5)) == (2027, 5)
    assert month_without_business_day(may[1:], date(2026, 12, 5)) is None

def test_closed_days_are_not_business_days() -> None:
    # A town closed on 12/28 as well: December's last business day, and the day a 12/25 evening
    # request resumes, move with it.
    cal = BusinessCalendar(closed=[date(2026, 12, 28), (6, 23)])
    assert cal.non_business_reason(date(2026, 12, 28)) == "閉庁日"
    assert cal.non_business_reason(date(2026, 12, 29)) == "年末年始"
    assert cal.last_business_day(2026, 12) == date(2026, 12, 25)
    assert cal.next_business_day(date(2026, 12, 25)) == date(2027, 1, 4)
    assert cal.add_business_time(jst(2026, 12, 25, 17, 0), timedelta(hours=1)) == jst(2027, 1, 4, 9, 15)
    assert not cal.is_business_day(date(2027, 6, 23)) and not cal.is_business_day(date(2031, 6, 23))
    assert cal.is_business_day(date(2027, 12, 28))
    assert BusinessCalendar(closed=[(2, 29)]).is_business_day(date(2027, 3, 1))


@pytest.mark.parametrize(
    ("year", "last", "first"),
    [
        (2026, date(2026, 12, 28), date(2027, 1, 4)),  # 1/4 a Monday
        (2027, date(2027, 12, 28), date(2028, 1, 4)),  # 1/3 a Monday: still 年末年始
        (2030, date(2030, 12, 27), date(2031, 1, 6)),  # 12/28 a Saturday, 1/4 a Saturday
        (2031, date(2031, 12, 26), date(2032, 1, 5)),  # 12/28 a Sunday, 1/4 a Sunday
    ],
)
def test_year_end_closure_around_weekends(year: int, last: date, first: date) -> None:
    assert CAL.last_business_day(year, 12) == last
    assert CAL.next_business_day(last) == first
    assert CAL.business_day_on_or_after(date(year + 1, 1, 1)) == first


# --- instants -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (jst(2026, 11, 20, 8, 29), False),
        (jst(2026, 11, 20, 8, 30), True),  # opening is inclusive
        (jst(2026, 11, 20, 12, 0), True),
        (datetime(2026, 11, 20, 17, 14, 59, 999999, tzinfo=JST), True),
        (jst(2026, 11, 20, 17, 15), False),  # closing is exclusive
        (jst(2026, 11, 21, 10, 0), False),  # Saturday
        (jst(2026, 11, 23, 10, 0), False),  # 勤労感謝の日
        (jst(2026, 12, 29, 10, 0), False),  # 年末年始
        (datetime(2026, 11, 19, 23, 30, tzinfo=UTC), True),  # = Fri 08:30 JST
        (datetime(2026, 11, 20, 8, 15, tzinfo=UTC), False),  # = Fri 17:15 JST
        (datetime(2026, 11, 20, 12, 0, tzinfo=UTC), False),  # Fri noon UTC = Fri 21:00 JST
        (datetime(2026, 11, 20, 10, 0, tzinfo=timezone(timedelta(hours=-5))), False),  # Sat 00:00 JST
    ],
)
def test_is_business_instant(t: datetime, expected: bool) -> None:
    assert CAL.is_business_instant(t) is expected


@pytest.mark.parametrize(
    ("t", "expected"),
    [
        (jst(2026, 11, 20, 8, 29), False),
        (jst(2026, 11, 20, 8, 30), True),
        (jst(2026, 11, 20, 17, 15), True),  # the last minute is in the hours of a post
        (datetime(2026, 11, 20, 17, 15, 59, 999999, tzinfo=JST), True),
        (jst(2026, 11, 20, 17, 16), False),
        (jst(2026, 11, 21, 17, 15), False),  # Saturday
        (jst(2026, 11, 23, 12, 0), False),  # 勤労感謝の日
    ],
)
def test_in_working_hours_counts_the_last_minute_in(t: datetime, expected: bool) -> None:
    assert CAL.in_working_hours(t) is expected


def test_naive_datetimes_are_refused() -> None:
    with pytest.raises(ValueError, match="タイムゾーン"):
        CAL.is_business_instant(datetime(2026, 11, 20, 10, 0))
    with pytest.raises(ValueError, match="タイムゾーン"):
        CAL.business_time_between(datetime(2026, 11, 20, 10, 0), jst(2026, 11, 20, 11))
    with pytest.raises(ValueError, match="タイムゾーン"):
        CAL.add_business_time(datetime(2026, 11, 20, 10, 0), H)


# --- business_time_between ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (jst(2026, 11, 20, 10), jst(2026, 11, 20, 12), 2 * H),
        (jst(2026, 11, 20, 7), jst(2026, 11, 20, 9), 30 * M),  # before opening counts nothing
        (jst(2026, 11, 20, 17), jst(2026, 11, 20, 20), 15 * M),  # after closing counts nothing
        (jst(2026, 11, 20, 0), jst(2026, 11, 21, 0), DAY),
        (jst(2026, 11, 20, 17), jst(2026, 11, 24, 9), 15 * M + 30 * M),  # weekend + 勤労感謝の日
        (jst(2026, 11, 21, 9), jst(2026, 11, 23, 17), timedelta(0)),  # Sat–Mon(祝) all closed
        (jst(2026, 5, 1, 17), jst(2026, 5, 7, 9), 45 * M),  # Golden Week incl. 振替休日 5/6
        (jst(2026, 12, 28, 17), jst(2027, 1, 4, 9, 30), 15 * M + H),  # 年末年始
        (jst(2026, 11, 16, 8, 30), jst(2026, 11, 21, 0), 5 * DAY),  # a full week
        (jst(2026, 11, 20, 12), jst(2026, 11, 20, 12), timedelta(0)),
        (jst(2026, 11, 20, 12), jst(2026, 11, 20, 10), timedelta(0)),  # b < a
        (jst(2026, 11, 20, 8, 30), jst(2026, 11, 20, 17, 15), DAY),
    ],
)
def test_business_time_between(a: datetime, b: datetime, expected: timedelta) -> None:
    assert CAL.business_time_between(a, b) == expected


def test_business_time_between_long_span() -> None:
    # 2026 has 240 business days under these rules: 365 − 104 weekend days − 17 weekday 祝日
    # (incl. 振替休日 5/6 and 国民の休日 9/22) − 4 weekdays of 年末年始 that are not 祝日 (1/2, 12/29–31).
    business_days = sum(CAL.is_business_day(date(2026, 1, 1) + timedelta(days=i)) for i in range(365))
    assert CAL.business_time_between(jst(2026, 1, 1), jst(2027, 1, 1)) == business_days * DAY
    assert business_days == 240


def test_business_time_between_with_utc_and_other_zones() -> None:
    # 2026-11-20 01:00Z = 10:00 JST; 2026-11-20 03:00Z = 12:00 JST
    a = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)
    b = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    assert CAL.business_time_between(a, b) == 2 * H
    # Thu 23:00Z = Fri 08:00 JST; Fri 08:00Z = Fri 17:00 JST
    assert (
        CAL.business_time_between(
            datetime(2026, 11, 19, 23, 0, tzinfo=UTC), datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
        )
        == 8 * H + 30 * M
    )
    # Mixed zones: New York 2026-11-19 20:00 (EST) = Fri 10:00 JST, to Fri 11:00 JST
    ny = ZoneInfo("America/New_York")
    assert CAL.business_time_between(datetime(2026, 11, 19, 20, 0, tzinfo=ny), jst(2026, 11, 20, 11)) == H


def test_calendar_in_a_zone_with_dst_counts_real_elapsed_time() -> None:
    # Europe/Berlin leaves DST on 2026-10-25 (Sunday): a calendar there still counts working hours.
    berlin = BusinessCalendar("08:00-16:00", "Europe/Berlin")
    tz = ZoneInfo("Europe/Berlin")
    a = datetime(2026, 10, 23, 15, 0, tzinfo=tz)  # Fri 15:00 CEST
    b = datetime(2026, 10, 26, 9, 0, tzinfo=tz)  # Mon 09:00 CET
    assert berlin.business_time_between(a, b) == 2 * H
    assert berlin.add_business_time(a, 2 * H) == b
    assert berlin.business_time_between(a.astimezone(UTC), b.astimezone(UTC)) == 2 * H


# --- add_business_time ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "d", "expected"),
    [
        (jst(2026, 11, 19, 10), 2 * H, jst(2026, 11, 19, 12)),
        (jst(2026, 11, 19, 10), DAY, jst(2026, 11, 20, 10)),  # "1d" = same time next business day
        (jst(2026, 11, 19, 16), 2 * H, jst(2026, 11, 20, 9, 15)),  # 1h15m Thu, 45m Fri
        (jst(2026, 11, 20, 17), H, jst(2026, 11, 24, 9, 15)),  # Fri → Tue after 勤労感謝の日
        (jst(2026, 11, 20, 16), DAY, jst(2026, 11, 24, 16)),
        (jst(2026, 11, 21, 10), H, jst(2026, 11, 24, 9, 30)),  # from a Saturday
        (jst(2026, 11, 20, 6), H, jst(2026, 11, 20, 9, 30)),  # before opening
        (jst(2026, 11, 20, 20), H, jst(2026, 11, 24, 9, 30)),  # after closing
        (jst(2026, 5, 1, 17), H, jst(2026, 5, 7, 9, 15)),  # over 振替休日 5/6
        (jst(2026, 12, 28, 17), H, jst(2027, 1, 4, 9, 15)),  # 15m on 12/28, 45m on 1/4
        (jst(2026, 12, 28, 17, 15), H, jst(2027, 1, 4, 9, 30)),  # closing time: all on 1/4
        (jst(2026, 12, 30, 12), 2 * H, jst(2027, 1, 4, 10, 30)),
        (jst(2026, 11, 20, 8, 30), DAY, jst(2026, 11, 20, 17, 15)),  # a day's worth ends at closing
        (jst(2026, 11, 20, 16, 15), H, jst(2026, 11, 20, 17, 15)),
        (jst(2026, 11, 20, 12), timedelta(0), jst(2026, 11, 20, 12)),
        (jst(2026, 11, 16, 8, 30), 5 * DAY, jst(2026, 11, 20, 17, 15)),
    ],
)
def test_add_business_time(t: datetime, d: timedelta, expected: datetime) -> None:
    got = CAL.add_business_time(t, d)
    assert got == expected
    assert got.utcoffset() == timedelta(hours=9)  # answered in the calendar's zone


def test_add_business_time_from_utc_input() -> None:
    # Fri 2026-11-20 07:45Z = 16:45 JST; +1h → 30m Fri, 30m Tue → Tue 09:00 JST = Tue 00:00Z
    got = CAL.add_business_time(datetime(2026, 11, 20, 7, 45, tzinfo=UTC), H)
    assert got == datetime(2026, 11, 24, 0, 0, tzinfo=UTC)
    assert got == jst(2026, 11, 24, 9, 0)


def test_add_business_time_refuses_negative() -> None:
    with pytest.raises(ValueError, match="負"):
        CAL.add_business_time(jst(2026, 11, 20, 12), -H)


def test_other_working_hours() -> None:
    cal = BusinessCalendar("09:00-17:00")
    assert cal.day_length == 8 * H
    assert cal.add_business_time(jst(2026, 11, 19, 16), 2 * H) == jst(2026, 11, 20, 10)
    assert not cal.is_business_instant(jst(2026, 11, 19, 8, 45))
    assert cal == BusinessCalendar("9:00-17:00")
    assert cal != CAL


# --- the law that ties the two together -----------------------------------------------------

instants = st.datetimes(
    min_value=datetime(2025, 1, 1), max_value=datetime(2029, 12, 31), timezones=st.just(UTC)
)
durations = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30))


@st.composite
def business_instants(draw: st.DrawFn) -> datetime:
    day = CAL.business_day_on_or_after(
        draw(st.dates(min_value=date(2025, 1, 1), max_value=date(2029, 12, 31)))
    )
    offset = draw(st.timedeltas(min_value=timedelta(0), max_value=DAY - timedelta(microseconds=1)))
    return datetime.combine(day, time(8, 30), tzinfo=JST) + offset


@settings(max_examples=300, deadline=None)
@given(t=business_instants(), d=durations)
def test_between_undoes_add_for_business_instants(t: datetime, d: timedelta) -> None:
    assert CAL.is_business_instant(t)
    end = CAL.add_business_time(t, d)
    assert CAL.business_time_between(t, end) == d
    assert CAL.business_time_between(t.astimezone(UTC), end.astimezone(UTC)) == d


@settings(max_examples=200, deadline=None)
@given(t=instants, d=durations)
def test_between_undoes_add_from_any_instant(t: datetime, d: timedelta) -> None:
    assert CAL.business_time_between(t, CAL.add_business_time(t, d)) == d


@settings(max_examples=200, deadline=None)
@given(a=instants, b=instants, c=instants)
def test_between_is_additive(a: datetime, b: datetime, c: datetime) -> None:
    a, b, c = sorted((a, b, c))
    assert CAL.business_time_between(a, c) == CAL.business_time_between(a, b) + CAL.business_time_between(
        b, c
    )


TUESDAY = date(2026, 11, 24)


@pytest.mark.parametrize(
    ("typed", "today", "start", "end"),
    [
        ("2026-11-24 2026-11-26", TUESDAY, date(2026, 11, 24), date(2026, 11, 26)),
        # Entered late: the absence began last Friday, not next November.
        ("11/20 11/26", TUESDAY, date(2026, 11, 20), date(2026, 11, 26)),
        ("11/23", TUESDAY, date(2026, 11, 23), date(2026, 11, 23)),  # yesterday: set_away says it is past
        ("1/5", TUESDAY, date(2027, 1, 5), date(2027, 1, 5)),  # in November, 1/5 is next January
        # Over the new year, entered on 2 January.
        ("12/28 1/5", date(2027, 1, 2), date(2026, 12, 28), date(2027, 1, 5)),
        ("12/28〜1/5", TUESDAY, date(2026, 12, 28), date(2027, 1, 5)),
        # Ranges as people write them.
        ("11/24-11/26", TUESDAY, date(2026, 11, 24), date(2026, 11, 26)),
        ("11/24ー11/26", TUESDAY, date(2026, 11, 24), date(2026, 11, 26)),
        ("11月24日から11月26日まで", TUESDAY, date(2026, 11, 24), date(2026, 11, 26)),
        ("12月1日から5日まで", TUESDAY, date(2026, 12, 1), date(2026, 12, 5)),
        ("12/28〜3", TUESDAY, date(2026, 12, 28), date(2027, 1, 3)),
        ("2026/12/01-2026/12/05", TUESDAY, date(2026, 12, 1), date(2026, 12, 5)),
        ("２０２６－１１－２４　２０２６－１１－２５", TUESDAY, date(2026, 11, 24), date(2026, 11, 25)),
        ("R8.12.1 〜 R8.12.3", TUESDAY, date(2026, 12, 1), date(2026, 12, 3)),
        ("2/29", TUESDAY, date(2028, 2, 29), date(2028, 2, 29)),
        # More ways people write a period, and an end alone (from today).
        ("12/10-15", TUESDAY, date(2026, 12, 10), date(2026, 12, 15)),
        ("12/10−12/15", TUESDAY, date(2026, 12, 10), date(2026, 12, 15)),  # U+2212, a Mac IME's minus
        ("2026-12-10–2026-12-15", TUESDAY, date(2026, 12, 10), date(2026, 12, 15)),
        ("2026-12-10-2026-12-15", TUESDAY, date(2026, 12, 10), date(2026, 12, 15)),
        ("R8.12.10-R8.12.15", TUESDAY, date(2026, 12, 10), date(2026, 12, 15)),
        ("12/10(木)-12/15(火)", TUESDAY, date(2026, 12, 10), date(2026, 12, 15)),
        ("12/10まで", TUESDAY, TUESDAY, date(2026, 12, 10)),
        ("〜12/15", TUESDAY, TUESDAY, date(2026, 12, 15)),
        # A month and day long past is the next one, not last year's (「6/10」 typed in December).
        ("6/10 6/12", date(2026, 12, 4), date(2027, 6, 10), date(2027, 6, 12)),
        # The two dates typed the wrong way round: the end stays before the start (refused), not a year away.
        ("12/10 12/5", date(2026, 12, 4), date(2026, 12, 10), date(2026, 12, 5)),
        ("2026-12-10 12/5", date(2026, 12, 4), date(2026, 12, 10), date(2026, 12, 5)),
        # Second review: an end already past stays past (refused), dashes with spaces, a period
        # to the end of the fiscal year, a past period typed by mistake (refused as past).
        ("11/30まで", date(2026, 12, 4), date(2026, 12, 4), date(2026, 11, 30)),
        ("12/25まで", date(2027, 1, 3), date(2027, 1, 3), date(2026, 12, 25)),
        ("12/10 - 12/15", date(2026, 12, 4), date(2026, 12, 10), date(2026, 12, 15)),
        ("12/10 – 12/15", date(2026, 12, 4), date(2026, 12, 10), date(2026, 12, 15)),
        ("12/25-3/31", date(2026, 12, 4), date(2026, 12, 25), date(2027, 3, 31)),
        ("11/2-11/5", date(2026, 12, 4), date(2026, 11, 2), date(2026, 11, 5)),
    ],
)
def test_a_period_is_read_as_people_type_it(typed: str, today: date, start: date, end: date) -> None:
    assert parse_date_range(typed, today) == ("", start, end)


@pytest.mark.parametrize(
    ("typed", "bad"),
    [("来週", "来週"), ("2/30 3/1", "2/30"), ("11/30〜31", "31"), ("11/24 あした", "あした"), ("12/1から", "から"),
     # No 2/29 in 2027: the next one, in 2028, made an absence of a year that set_away accepted.
     ("2/28-2/29", "2/29"), ("2/1〜2/29", "2/29")],
)
def test_a_period_names_the_piece_that_is_no_date(typed: str, bad: str) -> None:
    result = parse_date_range(typed, TUESDAY)
    assert result is not None and result[0] == bad and None in result[1:]


@pytest.mark.parametrize("typed", ["", "   ", "11/24 11/25 11/26"])
def test_a_period_of_no_or_three_pieces_is_none(typed: str) -> None:
    assert parse_date_range(typed, TUESDAY) is None


@pytest.mark.parametrize("written", ["令和0年1月2日", "R0.1.2", "平成00年5月1日"])
def test_an_era_year_zero_is_no_date(written: str) -> None:
    """An era starts at 元年: 令和0年1月2日 was read as 2018-01-02, a closed day of 平成30年 that
    kessai config check accepted, and a `ledger export --from` eight years early."""
    from bot.calendar import parse_date

    assert parse_date(written) is None
    with pytest.raises(ValueError, match="存在しない日付"):
        parse_closed_day(written)
    assert parse_date("令和元年5月1日") == date(2019, 5, 1)


@pytest.mark.parametrize(
    ("written", "span"),
    [
        ("令和元年4月30日", "令和は2019年5月1日からです"),
        ("R1.4.30", "令和は2019年5月1日からです"),
        ("平成31年5月1日", "平成は1989年1月8日から2019年4月30日までです"),
        ("H31.5.1", "平成は1989年1月8日から2019年4月30日までです"),
        ("平成39年6月23日", "平成は1989年1月8日から2019年4月30日までです"),  # 平成 written by habit
    ],
)
def test_an_era_date_the_era_never_had_is_refused_wherever_dates_are_typed(written: str, span: str) -> None:
    """Read by arithmetic, 令和元年4月30日 was 2019-04-30 and 平成39年6月23日 2027-06-23: a closed
    day, an export's range or an absence taken without a word, though the era or the year is the typo."""
    from zoneinfo import ZoneInfo

    from bot.calendar import DateOutsideEra, parse_date
    from bot.exporting import day_range

    with pytest.raises(DateOutsideEra, match=span) as refused:
        parse_date(written)
    assert str(refused.value).startswith(f"「{written}」は")
    with pytest.raises(ValueError, match=f"閉庁日「{written}」は.*{span}"):
        parse_closed_day(written)
    with pytest.raises(ValueError, match=f"--from の「{written}」は.*{span}"):
        day_range(written, None, ZoneInfo("Asia/Tokyo"))
    with pytest.raises(ValueError, match=f"--to の「{written}」は.*{span}"):
        day_range("2019-01-01", written, ZoneInfo("Asia/Tokyo"))
    with pytest.raises(DateOutsideEra, match=span):
        parse_date_range(f"{written}-2027-06-25", date(2026, 12, 5))
    assert parse_date("令和元年5月1日") == date(2019, 5, 1) and parse_date("H31.4.30") == date(2019, 4, 30)


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        ("12月1日（火）～12月5日（土）", date(2026, 12, 1), date(2026, 12, 5)),
        ("12/1(火曜日)-12/5(土曜)", date(2026, 12, 1), date(2026, 12, 5)),
        ("2026-12-01 (火) 2026-12-05 (土)", date(2026, 12, 1), date(2026, 12, 5)),
        ("R8.12.1(火)〜R8.12.4(金)", date(2026, 12, 1), date(2026, 12, 4)),
        ("12/10(木)-15(火)", date(2026, 12, 10), date(2026, 12, 15)),
        ("〜12/10(木)まで", date(2026, 12, 5), date(2026, 12, 10)),
    ],
)
def test_a_period_with_its_right_weekdays_is_read(typed: str, start: date, end: date) -> None:
    assert parse_date_range(typed, date(2026, 12, 5)) == ("", start, end)


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        # Last year's notice copied: in 2025, 12/1 was a Monday and 12/5 a Friday.
        ("12月1日(月)～12月5日(金)", "2026年12月1日は火曜日で、月曜日ではありません。2026年12月5日は土曜日で、金曜日ではありません。"),
        ("12/1（火）-12/5（金曜日）", "2026年12月5日は土曜日で、金曜日ではありません。"),
        ("12/10(木)-15(月)", "2026年12月15日は火曜日で、月曜日ではありません。"),
        ("2026-12-01(水)", "2026年12月1日は火曜日で、水曜日ではありません。"),
        ("12/1(水)から", "2026年12月1日は火曜日で、水曜日ではありません。"),
        ("12/10(金)まで", "2026年12月10日は木曜日で、金曜日ではありません。"),
    ],
)
def test_a_weekday_that_is_not_the_dates_is_refused(typed: str, said: str) -> None:
    from bot.calendar import WeekdayMismatch

    with pytest.raises(WeekdayMismatch) as refused:
        parse_date_range(typed, date(2026, 12, 5))
    assert str(refused.value) == said + "日付か曜日をお確かめください。"


def test_a_date_with_its_weekday_for_export_and_closed_days() -> None:
    """`ledger export --from 2026-12-01(火)` refused the date it could read; a wrong weekday names
    both, in the export and in closed_days."""
    from zoneinfo import ZoneInfo

    from bot.calendar import parse_noted_date
    from bot.exporting import day_range

    assert parse_noted_date("2026-12-01（火曜日）") == date(2026, 12, 1)
    assert parse_noted_date("2026-12-01(火)x") is None
    start, _ = day_range("2026/12/1(火)", None, ZoneInfo("Asia/Tokyo"))
    assert start is not None and start.date() == date(2026, 12, 1)
    with pytest.raises(ValueError, match="2026年12月1日は火曜日で、月曜日ではありません"):
        day_range("2026-12-01(月)", None, ZoneInfo("Asia/Tokyo"))
    assert parse_closed_day("2027-06-23(水)") == date(2027, 6, 23)
    with pytest.raises(ValueError, match="閉庁日「2027-06-23（木）」: 2027年6月23日は水曜日で、木曜日ではありません"):
        parse_closed_day("2027-06-23（木）")


@pytest.mark.parametrize(
    ("typed", "start", "end"),
    [
        # As calendars and notices print a holiday: 勤労感謝の日 2026-11-23 is a Monday.
        ("11/23(月・祝)〜11/25(水)", date(2026, 11, 23), date(2026, 11, 25)),
        ("11月23日（月・祝）から11月25日（水）まで", date(2026, 11, 23), date(2026, 11, 25)),
        ("11/23（月祝）-11/25", date(2026, 11, 23), date(2026, 11, 25)),
        ("11/23(祝)", date(2026, 11, 23), date(2026, 11, 23)),
        # A substitute holiday (振替休日, 春分の日 2027-03-21 being a Sunday) is printed 「(月・休)」.
        ("3/22(月・休)", date(2027, 3, 22), date(2027, 3, 22)),
    ],
)
def test_a_holiday_mark_beside_the_weekday_is_read(typed: str, start: date, end: date) -> None:
    """「(月・祝)」 was no weekday note: the whole period was 「読み取れません」."""
    assert parse_date_range(typed, date(2026, 11, 20)) == ("", start, end)


def test_a_holiday_mark_does_not_hide_a_wrong_weekday() -> None:
    from bot.calendar import WeekdayMismatch, parse_noted_date

    with pytest.raises(WeekdayMismatch, match="2026年11月23日は月曜日で、火曜日ではありません"):
        parse_date_range("11/23(火・祝)", date(2026, 11, 20))
    assert parse_noted_date("2026-11-23(月・祝)") == date(2026, 11, 23)
    assert parse_closed_day("2027-05-05（水・祝）") == date(2027, 5, 5)


@pytest.mark.parametrize("typed", ["12/1（火）12/5（土）", "12月1日(火)12月5日(土)", "12/1(火)12/5"])
def test_a_weekday_note_between_two_dates_parts_them(typed: str) -> None:
    """The note was taken out with nothing in its place: 「12/112/5」 was refused as no date, a
    string the person never typed."""
    assert parse_date_range(typed, date(2026, 11, 20)) == ("", date(2026, 12, 1), date(2026, 12, 5))


# -- next_business_instant: where an absence's end, or "now", meets the calendar -------------------
@pytest.mark.parametrize(("t", "expected"), [
    # Inside hours: the instant itself (in UTC).
    (datetime(2026, 11, 30, 10, 0, tzinfo=JST), datetime(2026, 11, 30, 10, 0, tzinfo=JST)),
    # The opening minute is already business time; the closing minute is not.
    (datetime(2026, 11, 30, 8, 30, tzinfo=JST), datetime(2026, 11, 30, 8, 30, tzinfo=JST)),
    (datetime(2026, 11, 30, 17, 15, tzinfo=JST), datetime(2026, 12, 1, 8, 30, tzinfo=JST)),
    # Before the opening of a business day: that morning.
    (datetime(2026, 11, 30, 0, 0, tzinfo=JST), datetime(2026, 11, 30, 8, 30, tzinfo=JST)),
    # An absence to Friday ends at Saturday 00:00: Monday morning.
    (datetime(2026, 11, 28, 0, 0, tzinfo=JST), datetime(2026, 11, 30, 8, 30, tzinfo=JST)),
    # 年末年始 and the weekend after it: the first opening of the year is 1/4 (a Monday).
    (datetime(2026, 12, 28, 17, 30, tzinfo=JST), datetime(2027, 1, 4, 8, 30, tzinfo=JST)),
    # 祝日 (勤労感謝の日 2026-11-23, a Monday): Tuesday.
    (datetime(2026, 11, 23, 9, 0, tzinfo=JST), datetime(2026, 11, 24, 8, 30, tzinfo=JST)),
    # An instant in another zone is read on the calendar's own (UTC 23:00 Sunday = JST 08:00 Monday).
    (datetime(2026, 11, 29, 23, 0, tzinfo=UTC), datetime(2026, 11, 30, 8, 30, tzinfo=JST)),
])
def test_next_business_instant(t: datetime, expected: datetime) -> None:
    got = next_business_instant(CAL, t)
    assert got == expected
    assert got.tzinfo is UTC


def test_business_opening_on_or_after_skips_closed_days() -> None:
    assert business_opening_on_or_after(CAL, date(2026, 11, 30)) == datetime(2026, 11, 30, 8, 30, tzinfo=JST)
    assert business_opening_on_or_after(CAL, date(2026, 12, 29)) == datetime(2027, 1, 4, 8, 30, tzinfo=JST)


@settings(max_examples=300, deadline=None)
@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)))
def test_next_business_instant_is_the_first_business_instant_not_before(naive: datetime) -> None:
    t = naive.replace(tzinfo=UTC)
    got = next_business_instant(CAL, t)
    assert got >= t and CAL.is_business_instant(got)
    # Nothing of business time lies between: it is the first one, not a later one.
    assert CAL.business_time_between(t, got) == timedelta(0)
