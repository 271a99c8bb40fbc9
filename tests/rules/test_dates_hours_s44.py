"""Red team of date.weekday_mismatch and schedule.outside_hours (s44): library calendars, 年末年始 notices and
posting times at the end of the working day.

The posting day is Monday 2026-12-07 unless said: 2027-01-04 is a Monday, 2027-01-11 (成人の日) a Monday.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.rules.conftest import JST, findings_of

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=JST)  # a Monday in working hours


# A day smaller than the one before it, noted or listed back (not after a range mark), whose weekday is right in
# neither that month nor the next, was reported as the next month's: 「1月の休館日：12日（火）※11日（火・祝）は開館」
# was told 「2027年2月11日は木曜日です」 of a January calendar, and the writer looked up the wrong page.
@pytest.mark.parametrize(("text", "says"), [
    ("1月の休館日：12日（火）※11日（火・祝）は開館", "2027年1月11日は月曜日です"),
    ("12月の休館日：14日（月）※7日（火）は臨時開館", "2026年12月7日は月曜日です"),
    ("12月30日（水）～1月3日（日）は休館します（1日（木）は元日のため休館）", "2027年1月1日は金曜日です"),
    ("【12月の開館日】\n14日（月）\n7日（火）", "2026年12月7日は月曜日です"),
])
def test_a_noted_or_listed_back_day_wrong_in_both_months_is_told_in_its_own(text: str, says: str) -> None:
    [found] = findings_of("date.weekday_mismatch", text, now=NOW)
    assert found.message.startswith(says), found.message


# Noted far back, wrong in both months, the day is the next month's when that one is nearer: a day after the year end
# noted on December's last days is January's (65a612f5 told 「2026年12月8日は火曜日です」 of a school's 始業式).
@pytest.mark.parametrize(("text", "says"), [
    ("12月25日（金）終業式※始業式は8日（月）", "2027年1月8日は金曜日です"),
    ("年末年始の休館：12月29日（火）※3日（月）まで休館", "2027年1月3日は日曜日です"),
    ("12月28日（月）仕事納め※仕事始めは4日（火）", "2027年1月4日は月曜日です"),
    ("12月の開館日：28日（月）※年明けは5日（月）から", "2027年1月5日は火曜日です"),
])
def test_a_noted_day_far_back_wrong_in_both_months_is_told_in_the_nearer_next(text: str, says: str) -> None:
    [found] = findings_of("date.weekday_mismatch", text, now=NOW)
    assert found.message.startswith(says), found.message


@pytest.mark.parametrize(("text", "says"), [
    # After a range mark, or far back in a list running past the month's end, the next month's still.
    ("12月31日（木）～3日（木）は休館", "2027年1月3日は日曜日です"),
    ("12月31日（木）、1日（木）は休館", "2027年1月1日は金曜日です"),
])
def test_a_smaller_day_after_a_range_or_the_month_end_is_still_told_in_the_next_month(text: str, says: str) -> None:
    [found] = findings_of("date.weekday_mismatch", text, now=NOW)
    assert found.message.startswith(says), found.message


@pytest.mark.parametrize("text", [
    # Right in the next month only: read there, silent.
    "1月の休館日：25日（月）※1日（月）は開館",
    "12月の休館日：28日（月）、4日（月）",
])
def test_a_smaller_day_right_in_the_next_month_only_stays_silent(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW) == [], text


# The day an office or library opens again after the year end, written without its month in a note or after a plain
# date (「（4日（金）から通常開館）」「12月28日まで受付、4日（金）から再開」), was read in December when its weekday was
# right there (4 December 2026 was a Friday), and a wrong weekday for 4 January went out: a day things start again
# after a closure is after it.
@pytest.mark.parametrize(("text", "says"), [
    ("12月28日（月）～30日（水）（4日（金）から通常開館）", "2027年1月4日は月曜日です"),
    ("12月28日まで受付、4日（金）から再開", "2027年1月4日は月曜日です"),
    ("12月29日（火）～1月3日（日）休館※4日（金）より平常どおり開館", "2027年1月4日は月曜日です"),
    ("窓口は12月28日（月）まで（年明けは4日（金）からは通常業務）", "2027年1月4日は月曜日です"),
    ("ごみの収集は12月30日まで。4日（金）から通常どおり収集します。", "2027年1月4日は月曜日です"),
    # A wave dash for 「から」 in a note, and the office or hall opening its doors again.
    ("12月28日（月）～30日（水）（4日（金）～通常開館）", "2027年1月4日は月曜日です"),
    ("窓口は12月28日（月）まで（4日（金）〜通常業務）", "2027年1月4日は月曜日です"),
    ("12月28日（月）まで受付。年始は4日（金）より開庁します", "2027年1月4日は月曜日です"),
    ("図書館は12月28日まで。4日（金）から開館します", "2027年1月4日は月曜日です"),
])
def test_a_day_things_start_again_after_the_year_end_is_the_next_months(text: str, says: str) -> None:
    [found] = findings_of("date.weekday_mismatch", text, now=NOW)
    assert found.message.startswith(says), found.message


@pytest.mark.parametrize("text", [
    "12月28日（月）～30日（水）（4日（月）から通常開館）",
    "12月28日まで受付、4日（月）から再開",
    "ごみの収集は12月30日まで。4日（月）から通常どおり収集します。",
    "12月28日（月）～30日（水）（4日（月）～通常開館）",
    "12月28日（月）まで受付。年始は4日（月）より開庁します",
    # Not a start again after the span: a day before it, earlier the same month.
    "12月21日（月）～25日（金）は臨時休館（18日（金）までは通常どおり開館）",
    "12月21日（月）～25日（金）は臨時休館（18日（金）～通常どおり開館）",
    "12月21日（月）～25日（金）は臨時休館（14日（月）から開館しています）",
    "12月21日（月）～25日（金）は休館。なお、プールは14日（月）から再開しています。",
    "12月14日（月）の説明会は、7日（月）から申込受付を始めます。",
    "申込は12月25日まで。説明会は18日（金）から順次開催します。",
])
def test_a_day_in_the_same_month_or_a_right_start_again_stays_silent(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW) == [], text


# Working hours 「08:30-17:15」 are written as Japanese offices write them, the end included (「8:30〜17:15」): a post
# reserved for 17:15, the last minute of the working day, was told it was 「業務時間外」, as was a reservation made at
# 17:15. A minute later is out of hours.
def test_a_post_at_the_last_minute_of_the_working_day_is_in_hours() -> None:
    at = datetime(2026, 12, 8, 17, 15, tzinfo=JST)  # Tuesday
    assert findings_of("schedule.outside_hours", "お知らせ", now=NOW, scheduled_at=at) == []
    assert findings_of("schedule.outside_hours", "お知らせ", now=at, scheduled_at=at) == []  # `kessai check --at`


@pytest.mark.parametrize("at", [
    datetime(2026, 12, 8, 17, 16, tzinfo=JST),
    datetime(2026, 12, 8, 8, 29, tzinfo=JST),
    datetime(2026, 12, 12, 17, 15, tzinfo=JST),  # a Saturday
    datetime(2026, 12, 29, 17, 15, tzinfo=JST),  # 年末年始
])
def test_a_minute_after_hours_or_a_day_off_at_the_end_of_hours_is_still_out(at: datetime) -> None:
    [found] = findings_of("schedule.outside_hours", "お知らせ", now=NOW, scheduled_at=at)
    assert found.severity == "info"  # reserved in hours (Monday 10:00)


def test_a_reservation_made_at_the_last_minute_of_the_day_is_made_in_hours() -> None:
    made = datetime(2026, 12, 7, 17, 15, tzinfo=JST)
    [found] = findings_of("schedule.outside_hours", "お知らせ", now=made,
                          scheduled_at=datetime(2026, 12, 7, 19, 0, tzinfo=JST))
    assert found.severity == "info", found.message
    assert "業務時間内に予約しているので問題ありません" in found.message


# Decided, not changed: 「4月1日（火）の開業から1年」 written in December 2026 may be the opening of April 2025 (a
# Tuesday) whose first year a post reports on, as well as that of April 2026 (a Wednesday), whose anniversary is ahead.
# A weekday right in either stays silent; one right in neither (April 2024 was a Monday, too far back) fires.
@pytest.mark.parametrize("text", ["4月1日（火）の開業から1年を迎えます", "4月1日（水）の開業から1年を迎えます"])
def test_an_anniversary_may_count_from_either_of_the_last_two_years(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW) == [], text


def test_an_anniversary_wrong_in_both_of_the_last_two_years_fires() -> None:
    [found] = findings_of("date.weekday_mismatch", "4月1日（月）の開業から1年を迎えます", now=NOW)
    assert found.excerpt == "4月1日（月）"
