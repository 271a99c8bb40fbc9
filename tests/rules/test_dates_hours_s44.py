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
])
def test_a_day_things_start_again_after_the_year_end_is_the_next_months(text: str, says: str) -> None:
    [found] = findings_of("date.weekday_mismatch", text, now=NOW)
    assert found.message.startswith(says), found.message


@pytest.mark.parametrize("text", [
    "12月28日（月）～30日（水）（4日（月）から通常開館）",
    "12月28日まで受付、4日（月）から再開",
    "ごみの収集は12月30日まで。4日（月）から通常どおり収集します。",
    # Not a start again after the span: a day before it, earlier the same month.
    "12月21日（月）～25日（金）は臨時休館（18日（金）までは通常どおり開館）",
    "12月21日（月）～25日（金）は休館。なお、プールは14日（月）から再開しています。",
    "12月14日（月）の説明会は、7日（月）から申込受付を始めます。",
    "申込は12月25日まで。説明会は18日（金）から順次開催します。",
])
def test_a_day_in_the_same_month_or_a_right_start_again_stays_silent(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW) == [], text
