"""Dates and scheduling."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import pytest

from bot import render
from bot.rules import RuleOverride
from tests.conftest import assert_stays_linear
from tests.rules.conftest import JST, NOW, codes, findings_of


@pytest.mark.parametrize(
    "text",
    [
        "11月22日（金）",
        "11/22(金)",
        "11月22日(金曜日)",
        "11月22日金曜日",
        "2025年11月22日（金）",
        "令和7年11月22日(金)",
        "１１月２２日（金）",
        "11月22日〔金〕",
        "11月22日【金】",
        "11/22［金］",
    ],
)
def test_wrong_weekday_fires_in_every_form(text: str) -> None:
    [f] = findings_of("date.weekday_mismatch", f"開催日：{text}")
    assert "土曜日" in f.message
    assert f.suggestion is not None and "土" in f.suggestion and "金" not in f.suggestion


@pytest.mark.parametrize(
    "text", ["11月22日（土）", "11/22(土)", "11月22日(土曜日)", "11月24日(月・祝)", "2026年11月21日（土）", "11月22日〔土〕",
             "11月22日【金曜ナイト】"]
)
def test_right_weekday_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(("text", "suggestion"), [
    ("Friday, November 22", "Saturday, November 22"),
    ("Fri, Nov 22, 2025", "Sat, Nov 22, 2025"),
    ("FRIDAY, NOVEMBER 22", "SATURDAY, NOVEMBER 22"),
    ("Nov. 22 (Fri.)", "Nov. 22 (Sat.)"),
    ("November 22nd (Fri)", "November 22nd (Sat)"),
    ("Nov 22 (Thurs)", "Nov 22 (Sat)"),
    ("Friday 22 November", "Saturday 22 November"),
    ("Fri, 22nd Nov 2025", "Sat, 22nd Nov 2025"),
    ("22 Nov (Fri)", "22 Nov (Sat)"),
    ("22 November 2025 (Fri.)", "22 November 2025 (Sat.)"),
])
def test_wrong_english_weekday_fires(text: str, suggestion: str) -> None:
    """Notices for foreign residents carry the date in English too; its weekday is checked alike."""
    [f] = findings_of("date.weekday_mismatch", f"Japanese class for foreign residents: {text} at City Hall.")
    assert "土曜日（Saturday）" in f.message and f.suggestion == suggestion


@pytest.mark.parametrize("text", [
    "Saturday, November 22", "Sat., Nov. 22, 2025", "November 22 (Sat)", "Dec 6 (Sat) and Dec 7 (Sun)",
    "Saturday 22 November", "22 Nov (Sat)", "Open Sat 22 may change",
    # Not dates: a weekday without a month, a month word without a day, "may" the verb.
    "Open every Friday, 9:00-17:00.", "You may attend on the 22nd (Fri)", "The Sun, March of the stars",
])
def test_right_or_no_english_weekday_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(("text", "suggestion", "said"), [
    ("11月22日（Fri）", "11月22日（Sat）", "土曜日（Sat）"),
    ("11月22日(FRI)", "11月22日(SAT)", "土曜日（SAT）"),
    ("11月22日（Friday）", "11月22日（Saturday）", "土曜日（Saturday）"),
    ("2025年11月22日〔Fri.〕", "2025年11月22日〔Sat.〕", "土曜日（Sat.）"),
])
def test_a_japanese_date_with_an_english_weekday_is_checked(text: str, suggestion: str, said: str) -> None:
    """A bilingual notice writes 「11月22日（Fri）」: the weekday was not read, and passed."""
    [f] = findings_of("date.weekday_mismatch", f"日本語教室 {text} 市役所にて")
    assert said in f.message and f.suggestion == suggestion


def test_a_day_without_its_month_with_an_english_weekday_is_checked() -> None:
    [f] = findings_of("date.weekday_mismatch", "締切は25日（Mon）です")  # November 2025: Tue; December: Thu
    assert "「Mon」" in f.message and f.suggestion == "25日（Tue）"
    assert "date.weekday_mismatch" not in codes("締切は25日（Tue）です")


@pytest.mark.parametrize("text", ["11月22日（Sat）", "11月22日(sat)", "11月22日（Saturday）", "11月22日（土）",
                                  "11月22日（Satellite）", "11月22日（Sat）～23日（Sun）"])
def test_a_right_or_unreadable_english_weekday_after_a_japanese_date_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


def test_year_is_the_one_nearest_the_posting_date() -> None:
    # Checked in November 2025, January means January 2026 (9 Jan 2026 is a Friday).
    assert "date.weekday_mismatch" not in codes("1月9日（金）は休館です")
    in_march = datetime(2026, 3, 1, 10, tzinfo=JST)
    # Checked in March 2026, 「11月22日」 is last November (a Saturday).
    assert "date.weekday_mismatch" not in codes("11月22日（土）の様子です", now=in_march)


@pytest.mark.parametrize(
    "text",
    [
        "2025-11-22（金）",
        "R7.11.22（金）",
        "R7年11月22日（金）",
        "十一月二十二日（金）",
        "令和七年十一月二十二日（金）",
    ],
)
def test_more_date_forms_are_checked(text: str) -> None:
    [f] = findings_of("date.weekday_mismatch", f"開催日：{text}")
    assert "2025年11月22日は土曜日" in f.message
    assert f.excerpt == text
    assert f.suggestion == text.replace("金", "土")


@pytest.mark.parametrize(
    "text", ["2025-11-22（土）", "R7.11.22（土）", "十一月二十二日（土）", "十二月一日（月）", "11-22（金）"]
)
def test_more_date_forms_with_the_right_weekday_are_silent(text: str) -> None:
    # 「11-22」 without a year is not read as a date (「9-17(金)」 is a time range).
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "去年の12月6日（金）に開催したイベント",  # 2024-12-06
        "昨年の11月22日（金）に開館しました。",  # 2024-11-22
        "一昨年の11月24日（金）",  # 2023-11-24
        "来年の11月22日（日）",  # 2026-11-22
        "再来年の11月22日（月）",  # 2027-11-22
        "2024年度の実績：11月22日（金）開催",  # 年度 2024 → 2024-11
        "2024年度の実績：2月7日（金）",  # 1–3 月 of 年度 2024 → 2025-02
        "令和6年度 3月7日（金）",  # 2025-03-07
        "昨年度は11月22日（金）に開催しました。",  # 昨年度 = 2024年度
        "今年度：2月6日（金）",  # 2026-02-06
        "昨年度の開催日：11月22日（金）、12月6日（金）",  # the second date keeps the year
        # A calendar year named apart from the date (2026-08-21 is a Friday; 2025-08-21 a Thursday).
        "令和8年の謙信公祭は8月21日（金）・22日（土）に開催します。",
        "2026年の蓮まつりは7月17日（金）〜8月16日（日）の予定です。",
        # ...or the subject, with the date in the year nearest the posting day (2025-12-06 is a Saturday).
        "1995年の震災から30年、12月6日（土）に追悼のつどいを開きます。",
        "2030年の完成を目指し、12月6日（土）に起工式を行います。",
    ],
)
def test_a_year_phrase_just_before_the_date_names_its_year(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "昨年の11月22日（土）に開館しました。",  # 2024-11-22 was a Friday
        "2024年度の実績：11月22日（土）開催",
        "昨年より早い11月22日（金）に開催します。",  # a comparison, not a year: 2025-11-22 (土)
        "2024年11月22日（金）の記録です。11月22日（金）も開催します。",  # another sentence: this year
        "令和8年の謙信公祭は8月21日（土）に開催します。",  # 2026-08-21 is a Friday
        "2026年の開催日：8月21日（土）",
        # Last summer's weekday copied for next summer's festival (2025-08-21 was a Thursday).
        "令和8年の謙信公祭は8月21日（木）に開催します。",
        "2026年の開催日：8月21日（木）",
    ],
)
def test_a_year_phrase_does_not_hide_a_wrong_weekday(text: str) -> None:
    assert "date.weekday_mismatch" in codes(text)


def test_day_only_after_a_date_borrows_its_month() -> None:
    text = "11月22日（土）～24日（日）"
    [f] = findings_of("date.weekday_mismatch", text)
    assert text[f.start : f.end] == "24日（日）"
    assert f.suggestion == "24日（月）"


# NOW is Thursday 2025-11-20: the day alone may be in October, November or December.
@pytest.mark.parametrize(
    "text", ["本日20日（木）は休館です", "22日（土）に開催", "5日（金）に開催", "3日（月）に開催しました", "3月の行事\n3日（火）ひなまつり"]
)
def test_a_day_without_a_month_that_fits_this_last_or_next_month_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# Session 19: a month named alone before the days (a heading, 「12月は」) is their month, read as
# 「12月29日」 would be: these passed unchecked.
@pytest.mark.parametrize(("text", "excerpt"), [
    ("12月の休館日：29日（火）", "29日（火）"),  # 2025-12-29 is a Monday
    ("12月は6日（金）", "6日（金）"),
    ("【12月の開館日】\n6日（金）・20日（土）", "6日（金）"),
    ("3月の行事\n3日（水）ひなまつり", "3日（水）"),  # 2026-03-03 is a Tuesday, as 「3月3日（水）」 says
])
def test_days_under_a_month_named_alone_are_checked_in_that_month(text: str, excerpt: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text)
    assert text[f.start : f.end] == excerpt


@pytest.mark.parametrize("text", [
    "12月の休館日：29日（月）", "【12月の開館日】\n6日（土）・20日（土）", "3月に完成予定。次回は6日（土）",
    "12月末まで、6日（土）も開館", "12月上旬の6日（土）", "12月1日（月）から。12月は6日（土）も",
    "12月の予定\n\n次のお知らせ\n22日（土）",  # a paragraph between: not the heading's days
])
def test_days_that_fit_their_month_or_belong_to_no_heading_are_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


def test_a_day_without_a_month_that_fits_no_near_month_is_an_error() -> None:
    text = "申込みは25日（金）まで"
    [f] = findings_of("date.weekday_mismatch", text)
    assert text[f.start : f.end] == "25日（金）"
    assert f.message.startswith("25日は今月（11月）なら火曜日、来月（12月）なら木曜日です（「金」と書かれています）")
    assert f.suggestion == "25日（火）"  # the 25th still to come this month
    [f] = findings_of("date.weekday_mismatch", "31日（月）")
    assert f.message.startswith("31日は来月（12月）なら水曜日です")


@pytest.mark.parametrize("text", ["0日（月）", "00日（月）", "32日（月）", "〇日（月）", "十十日（月）"])
def test_a_day_without_a_month_that_cannot_exist_is_an_error_not_a_crash(text: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.message.endswith("という日付はありません。日付を確認してください。")


def test_a_day_after_next_month_is_in_next_month() -> None:
    [f] = findings_of("date.weekday_mismatch", "来月5日（木）～8日（月）")
    assert f.message.startswith("2025年12月5日は金曜日です")
    assert "date.weekday_mismatch" not in codes("来月5日（金）～8日（月）")
    assert "date.weekday_mismatch" not in codes("再来月の5日（月）")  # 2026-01-05


def test_offsets_of_a_date_after_astral_characters() -> None:
    text = "𠮷😀11月22日（金）"
    [f] = findings_of("date.weekday_mismatch", text)
    assert text[f.start : f.end] == "11月22日（金）"


def test_schedule_in_the_past() -> None:
    assert "schedule.past" in codes("お知らせ", scheduled_at=NOW - timedelta(minutes=1))
    assert "schedule.past" not in codes("お知らせ", scheduled_at=NOW + timedelta(minutes=1))
    assert "schedule.past" not in codes("お知らせ")


def test_schedule_findings_write_the_posting_time_as_the_rest_of_kessai_does() -> None:
    # The thread shows 「投稿予定: 2025年11月20日（木）09:59」 above the finding; the finding must not
    # switch to 「2025-11-20 (木) 09:59」, which reads as a code to a municipal operator.
    [past] = findings_of("schedule.past", "お知らせ", scheduled_at=NOW - timedelta(minutes=1))
    late = datetime(2026, 12, 28, 18, 0, tzinfo=JST)
    [outside] = findings_of("schedule.outside_hours", "お知らせ", now=late, scheduled_at=late)
    for f, shown in ((past, render.fmt_time(NOW - timedelta(minutes=1))), (outside, "2026年12月28日（月）18:00")):
        assert f.excerpt == shown and shown in f.message
        assert not re.search(r"\d{4}-\d\d-\d\d", f.message)


SATURDAY_NIGHT = datetime(2025, 11, 22, 20, 0, tzinfo=JST)
FRIDAY_EVENING = datetime(2025, 11, 21, 18, 0, tzinfo=JST)


def test_outside_hours_when_reserved_outside_hours_is_a_warning() -> None:
    [f] = findings_of("schedule.outside_hours", "お知らせ", now=FRIDAY_EVENING, scheduled_at=SATURDAY_NIGHT)
    assert f.severity == "warning"


def test_reservation_made_in_hours_for_out_of_hours_is_info() -> None:
    [f] = findings_of("schedule.outside_hours", "お知らせ", scheduled_at=SATURDAY_NIGHT)
    assert f.severity == "info"
    assert "です。業務時間内に予約しているので" in f.message and "就業" not in f.message
    [f] = findings_of("schedule.outside_hours", "お知らせ", now=FRIDAY_EVENING, scheduled_at=SATURDAY_NIGHT)
    assert "業務時間内に投稿するか、業務時間内に予約して" in f.message and "就業" not in f.message
    # 上越市 6(1)②【時間】 allows 「災害やイベントなど即時性が求められる情報」 out of hours: the message said
    # 「緊急・災害でなければ」, telling an event-day post on a Saturday to move to working hours.
    assert "緊急・災害やイベント当日など即時性が求められる情報でなければ" in f.message


def test_override_severity_wins_over_the_info_downgrade() -> None:
    ov = {"schedule.outside_hours": RuleOverride(severity="error")}
    [f] = findings_of("schedule.outside_hours", "お知らせ", scheduled_at=SATURDAY_NIGHT, overrides=ov)
    assert f.severity == "error"


def test_emergency_posts_are_never_outside_hours() -> None:
    assert "schedule.outside_hours" not in codes(
        "避難所を開設しました", now=FRIDAY_EVENING, category="emergency"
    )


@pytest.mark.parametrize(
    "when",
    [
        datetime(2025, 11, 24, 10, 0, tzinfo=JST),  # 勤労感謝の日 振替休日
        datetime(2025, 12, 30, 10, 0, tzinfo=JST),  # 年末年始
        datetime(2025, 11, 20, 8, 0, tzinfo=JST),  # before 08:30
        datetime(2025, 11, 20, 17, 16, tzinfo=JST),  # after the last minute (17:15 is in: test_dates_hours_s44.py)
    ],
)
def test_holidays_and_edges_are_outside_hours(when: datetime) -> None:
    assert "schedule.outside_hours" in codes("お知らせ", now=when, scheduled_at=when)


@pytest.mark.parametrize(
    ("when", "says"),
    [
        (datetime(2027, 1, 11, 10, 0, tzinfo=JST), "2027年1月11日（月）10:00は休日（成人の日）です"),
        (datetime(2026, 12, 29, 10, 0, tzinfo=JST), "2026年12月29日（火）10:00は休日（年末年始）です"),
        (datetime(2027, 3, 22, 10, 0, tzinfo=JST), "休日（春分の日 振替休日）"),
        (datetime(2026, 12, 26, 10, 0, tzinfo=JST), "休日（土曜日）"),
        (datetime(2026, 12, 28, 18, 0, tzinfo=JST), "2026年12月28日（月）18:00は業務時間外です"),
    ],
)
def test_outside_hours_names_the_holiday_of_a_weekday_morning(when: datetime, says: str) -> None:
    # A Monday 10:00 called 「業務時間外」 reads as a false alarm unless it says why.
    evening = datetime(2026, 12, 25, 18, 0, tzinfo=JST)
    [f] = findings_of("schedule.outside_hours", "お知らせ", now=evening, scheduled_at=when)
    assert says in f.message and f.severity == "warning"
    [f] = findings_of("schedule.outside_hours", "お知らせ", now=datetime(2026, 12, 25, 10, 0, tzinfo=JST),
                      scheduled_at=when)
    assert says in f.message and f.severity == "info"


def test_a_draft_without_a_posting_time_is_not_judged_on_hours() -> None:
    # A draft pasted on a Saturday is posted after approval, not on Saturday.
    assert "schedule.outside_hours" not in codes("お知らせ", now=SATURDAY_NIGHT)


@pytest.mark.parametrize(
    ("day", "says"),
    [
        (datetime(2026, 12, 5, 12, 0, tzinfo=JST), "投稿予定の2026年12月5日（土）は休日（土曜日）です"),
        (datetime(2027, 1, 11, 12, 0, tzinfo=JST), "投稿予定の2027年1月11日（月）は休日（成人の日）です"),
        (datetime(2026, 12, 30, 12, 0, tzinfo=JST), "投稿予定の2026年12月30日（水）は休日（年末年始）です"),
        (datetime(2027, 1, 3, 12, 0, tzinfo=JST), "投稿予定の2027年1月3日（日）は休日（日曜日）です"),
    ],
)
def test_a_posting_day_without_its_time_is_still_judged_as_a_day_off(day: datetime, says: str) -> None:
    # An export's date column: the hour is unknown, but a Saturday or 12/30 is a day off at any hour.
    [f] = findings_of("schedule.outside_hours", "お知らせ", now=day, scheduled_at=day, scheduled_day_only=True)
    assert says in f.message and f.excerpt == says.removeprefix("投稿予定の").split("は")[0], f
    assert not re.search(r"\d\d:\d\d", f.message) and f.severity == "warning"


def test_a_posting_day_without_its_time_is_not_judged_on_hours() -> None:
    from bot.rules import RulePolicy

    # A weekday's stand-in time says nothing: not 「22:00は業務時間外」, nor 「12:00」 outside short hours.
    for day, policy in ((datetime(2026, 12, 7, 22, 0, tzinfo=JST), RulePolicy()),
                        (datetime(2026, 12, 7, 12, 0, tzinfo=JST), RulePolicy(working_hours="13:00-17:00"))):
        assert "schedule.outside_hours" not in codes("お知らせ", now=day, scheduled_at=day, scheduled_day_only=True,
                                                     policy=policy)
    # An organisation's own 閉庁日 is a day off too.
    day = datetime(2026, 12, 8, 12, 0, tzinfo=JST)
    [f] = findings_of("schedule.outside_hours", "お知らせ", now=day, scheduled_at=day, scheduled_day_only=True,
                      policy=RulePolicy(closed_days=((12, 8),)))
    assert "2026年12月8日（火）は休日（閉庁日）です" in f.message


def test_in_hours_posting_is_silent_and_working_hours_come_from_policy() -> None:
    from bot.rules import RulePolicy

    assert "schedule.outside_hours" not in codes("お知らせ")
    late = datetime(2025, 11, 20, 18, 0, tzinfo=JST)
    assert "schedule.outside_hours" not in codes(
        "お知らせ", now=late, scheduled_at=late, policy=RulePolicy(working_hours="08:30-19:00")
    )


# Session 12 (2026-12-03): two days with two weekdays, days that do not exist, older eras.
@pytest.mark.parametrize(
    ("text", "suggestion", "wrong"),
    [
        ("11月22日・23日（金・土）", "11月22日・23日（土・日）", ("22日は土曜日", "23日は日曜日")),
        ("11/22・23(土・月)", "11/22・23(土・日)", ("23日は日曜日",)),
        ("2025年11月22日～23日（土～月）", "2025年11月22日～23日（土～日）", ("23日は日曜日",)),
    ],
)
def test_two_days_with_two_weekdays_are_both_checked(text: str, suggestion: str, wrong: tuple[str, ...]) -> None:
    [f] = findings_of("date.weekday_mismatch", f"開催日：{text}")
    assert f.suggestion == suggestion
    assert all(w in f.message for w in wrong) and f.message.count("曜日です") == len(wrong)


@pytest.mark.parametrize(
    "text", ["11月22日・23日（土・日）", "11/22・23(土・日)", "11月22日～24日（土～月）は休館", "11月30日・1日（日・月）"]
)
def test_two_days_with_the_right_weekdays_are_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(
    ("text", "limit"),
    [
        ("11月31日（月）", "2025年11月は30日まで"),
        ("2027年2月29日（月）", "2027年2月は28日まで"),
        ("2月30日（月）", "2026年2月は28日まで"),
        ("12月32日（金）", "2025年12月は31日まで"),
    ],
)
def test_a_day_that_does_not_exist_fires(text: str, limit: str) -> None:
    [f] = findings_of("date.weekday_mismatch", f"開催日：{text}")
    assert "という日付はありません" in f.message and limit in f.message
    assert f.suggestion is None


@pytest.mark.parametrize("now", [datetime(2027, 3, 5, 10, 0, tzinfo=JST), datetime(2027, 6, 1, 10, 0, tzinfo=JST)])
def test_a_leap_day_less_than_a_year_ahead_is_the_one_meant(now: datetime) -> None:
    # February 2027 has no 29th, so 「2月29日（火）」 written after it announces 29 February 2028, a
    # Tuesday; it was told that the day does not exist.
    assert not findings_of("date.weekday_mismatch", "受付は2月29日（火）まで", now=now)
    [f] = findings_of("date.weekday_mismatch", "受付は2月29日（水）まで", now=now)
    assert "2028年2月29日は火曜日" in f.message


@pytest.mark.parametrize(
    ("now", "limit"),
    [
        (datetime(2025, 12, 20, 10, 0, tzinfo=JST), "2026年2月は28日まで"),
        (datetime(2025, 2, 10, 10, 0, tzinfo=JST), "2025年2月は28日まで"),
    ],
)
def test_a_leap_day_in_the_nearest_february_that_has_none_does_not_exist(now: datetime, limit: str) -> None:
    # The nearest February is the one meant; 「2024年2月29日は木曜日です」 named a day 22 months
    # back because it was the nearest 29 February.
    [f] = findings_of("date.weekday_mismatch", "開催日：2月29日（日）", now=now)
    assert "という日付はありません" in f.message and limit in f.message
    assert not findings_of("date.weekday_mismatch", "開催日：2月29日（木）", now=datetime(2024, 1, 10, 10, 0, tzinfo=JST))


@pytest.mark.parametrize(
    "text",
    [
        "2028年2月29日（火）",
        "昭和64年1月7日（土）",
        "昭和39年10月1日（木）に東海道新幹線が開業しました",
        "S39.10.1(木)",
        "大正12年9月1日（土）の関東大震災",
        "明治45年7月30日（火）",
    ],
)
def test_leap_days_and_older_eras_are_read_right(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


def test_a_wrong_weekday_in_an_older_era_fires() -> None:
    [f] = findings_of("date.weekday_mismatch", "昭和39年10月1日（金）に開業")
    assert "1964年10月1日は木曜日です" in f.message


# December 2025 begins on a Monday: its first Saturday is the 6th, its Wednesdays 3, 10, 17, 24, 31.
@pytest.mark.parametrize(("text", "said", "suggestion"), [
    ("12月第1土曜日（12月7日）", "2025年12月7日は第1日曜日です（12月の第1土曜日は6日です）", "12月第1土曜日（12月6日）"),
    ("第1土曜日（12月13日）", "2025年12月13日は第2土曜日です（12月の第1土曜日は6日です）", "第1土曜日（12月6日）"),
    ("12月の第2・第4水曜日（12月9日・12月23日）", "2025年12月9日は第2火曜日です", "12月の第2・第4水曜日（12月10日・12月24日）"),
    ("第2・4水曜日（12月10日、23日）", "2025年12月23日は第4火曜日です（12月の第4水曜日は24日です）",
     "第2・4水曜日（12月10日、24日）"),
    ("第三日曜日（十二月二十日）", "2025年12月20日は第3土曜日です（12月の第3日曜日は21日です）", "第三日曜日（十二月二十一日）"),
    ("第１土曜日（１２月７日）", "第1日曜日", "第１土曜日（１２月６日）"),
    ("12月13日（第1土曜日）", "2025年12月13日は第2土曜日です", "12月13日（第2土曜日）"),
    ("12月7日（第一土曜日）", "2025年12月7日は第1日曜日です", "12月7日（第一日曜日）"),
    # February 2026 has four Saturdays: no date can be the fifth.
    ("第5土曜日（2月28日）", "2026年2月に第5土曜日はありません", None),
])
def test_a_date_beside_its_nth_weekday_must_be_that_day(text: str, said: str, suggestion: str | None) -> None:
    """「12月第1土曜日（12月6日）」 writes the day twice; when they disagree, one of them is wrong."""
    [f] = findings_of("date.weekday_mismatch", f"{text}は臨時休館します。")
    assert said in f.message and f.suggestion == suggestion


@pytest.mark.parametrize("text", [
    "12月第1土曜日（12月6日）",
    "12月の第2・第4水曜日（12月10日・12月24日）",
    "第2・4水曜日（12月10日、24日）",
    "第三日曜日（十二月二十一日）",
    "12月6日（第1土曜日）",
    "1月第2月曜日（1月12日）は成人の日です",
    "第4土曜日（2月28日）",
    "第1・第3土曜日（6日）",  # which day is which is not written; no month either
    "第1土曜日（6日）",
    "大会第1日（12月5日）",  # a day of a tournament, not a weekday
    "毎月第3日曜日は家庭の日です。今月は12月21日（日）です。",
])
def test_a_date_that_is_its_nth_weekday_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# 2025-12-31 is a Wednesday, 2025-12-01 a Monday.
@pytest.mark.parametrize(("text", "said", "suggestion"), [
    ("垃圾收集：12月31日（周四）停止。", "水曜日（周三）", "12月31日（周三）"),
    ("12月31日(星期四)", "水曜日（星期三）", "12月31日(星期三)"),
    ("12月1日（星期天）", "月曜日（星期一）", "12月1日（星期一）"),
    ("쓰레기 수거: 12월 31일(목)", "水曜日（수）", "12월 31일(수)"),
    ("12월 31일(목요일)", "水曜日（수요일）", "12월 31일(수요일)"),
    ("2025년 12월 1일(화)", "月曜日（월）", "2025년 12월 1일(월)"),
])
def test_a_chinese_or_korean_weekday_is_checked_in_its_language(text: str, said: str, suggestion: str) -> None:
    """Multilingual notices (英語・中国語・韓国語) repeat the date in each language; a wrong weekday
    in the Chinese or Korean one used to pass."""
    [f] = findings_of("date.weekday_mismatch", text)
    assert said in f.message and f.suggestion == suggestion


# Taiwan's bare weekday number, and Korean dates in numbers (2025-12-31 is a Wednesday, 2025-12-01 a Monday).
@pytest.mark.parametrize(("text", "said", "suggestion"), [
    ("國際交流節：12月31日（四）舉行", "水曜日（三）", "12月31日（三）"),
    ("12月1日(二)", "月曜日（一）", "12月1日(一)"),
    ("무료 상담: 12/31(목)", "水曜日（수）", "12/31(수)"),
    ("무료 상담: 12.31(목요일)", "水曜日（수요일）", "12.31(수요일)"),
    ("방재 훈련 2025. 12. 1.(화)", "月曜日（월）", "2025. 12. 1.(월)"),
    ("2025/12/1 (일)", "月曜日（월）", "2025/12/1 (월)"),
])
def test_a_bare_chinese_weekday_or_a_numeric_korean_date_is_checked(text: str, said: str, suggestion: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text)
    assert said in f.message and f.suggestion == suggestion


@pytest.mark.parametrize("text", [
    "12月31日（三）", "12月1日（一）", "12/31(수)", "12.31(수요일)", "2025. 12. 1.(월)", "12/31（水）",
    "施行期日は12月31日\n（四）次の各号に掲げる事項",  # a list item numbered on the next line
    "12月7日（日）", "12/7(일)",
])
def test_a_right_bare_chinese_weekday_or_numeric_korean_date_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize("text", ["12月31日（周三）", "12月31日(星期三)", "12月7日（周日）", "12月7日（星期天）",
                                  "12월 31일(수)", "12월 7일(일요일)", "12월 31일 수요일", "每周四（12月）"])
def test_a_right_chinese_or_korean_weekday_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# 2025-12-06 is a Saturday, 2025-12-31 a Wednesday, 2026-01-03 a Saturday.
@pytest.mark.parametrize(("text", "excerpt", "suggestion"), [
    ("12/6（土）～7（土）", "7（土）", "7（日）"),
    ("12/6（土）・7（土）", "7（土）", "7（日）"),
    ("12/6（土） ～ 7（土）", "7（土）", "7（日）"),
    ("12.6(土)・7(月)", "7(月)", "7(日)"),
    ("12/31（水）～3（水）", "3（水）", "3（土）"),
    ("12月31日（水）～3日（水）", "3日（水）", "3日（土）"),
    # With the time the first day starts between them.
    ("12/6（土）10:00～7（土）16:00", "7（土）", "7（日）"),
    ("12/6(土) 9:30 - 7(土)", "7(土)", "7(日)"),
    ("12/6（土）午前10時半～7（土）", "7（土）", "7（日）"),
    ("12/6（土）10時～7（月）正午", "7（月）", "7（日）"),
])
def test_the_second_day_of_a_range_without_its_month_is_checked(text: str, excerpt: str, suggestion: str) -> None:
    """「12/6（土）～7（日）」 writes the second day as a bare number; its weekday went unchecked."""
    [f] = findings_of("date.weekday_mismatch", text)
    assert (f.excerpt, f.suggestion) == (excerpt, suggestion)


@pytest.mark.parametrize("text", [
    "12/6（土）～7（日）", "12/6(土)-7(日)", "12/31（水）～3（土）",
    # A smaller day after it is in the next month: 1月3日, a Saturday (this used to be an error).
    "12月31日（水）～3日（土）", "2025年12月31日（水）～3日（土）",
    "会議室A（土）・2（水）の予約",  # no date before it: a bare number is no day
    "12/6（土）10:00～7（日）16:00", "12/6（土）午後1時～7（日）",
    "12/6（土）開催。会議室A・2（水）",  # no weekday right before the mark
    "12/6（土）会議室A 10:00～2（水）",  # a time, but not right after the date's weekday
])
def test_a_right_second_day_of_a_range_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# 2025-12-29 is a Monday, 2025-12-31 a Wednesday, 2026-01-03 a Saturday.
@pytest.mark.parametrize(("text", "said", "suggestion"), [
    ("Lịch thu gom rác: 31/12 (Thứ Năm)", "水曜日（Thứ Tư）", "31/12 (Thứ Tư)"),
    ("3/1 (Chủ Nhật)", "土曜日（Thứ Bảy）", "3/1 (Thứ Bảy)"),
    ("29/12 (T3)", "月曜日（T2）", "29/12 (T2)"),
    ("Fechado em 29/12 (terça-feira)", "月曜日（segunda-feira）", "29/12 (segunda-feira)"),
    ("3/1 (domingo)", "土曜日（sábado）", "3/1 (sábado)"),
    ("29/12 (TER)", "月曜日（SEG）", "29/12 (SEG)"),
    ("29/12/2025 (Ter)", "月曜日（Seg）", "29/12/2025 (Seg)"),
    # Vietnamese also numbers the weekdays: Thứ 2 is Monday … Thứ 7 Saturday.
    ("Lịch thu gom rác: 31/12 (Thứ 5)", "水曜日（Thứ 4）", "31/12 (Thứ 4)"),
    ("4/1 (thứ7)", "日曜日（chủ nhật）", "4/1 (chủ nhật)"),
])
def test_a_vietnamese_or_portuguese_weekday_is_checked_day_first(text: str, said: str, suggestion: str) -> None:
    """Notices for Vietnamese and Brazilian residents write the day first (「31/12 (Thứ Năm)」)."""
    [f] = findings_of("date.weekday_mismatch", text)
    assert said in f.message and "日/月の順" in f.message and f.suggestion == suggestion


# The weekday first, or a Portuguese month name (2026-01-05 is a Monday, 2025-12-29 too).
@pytest.mark.parametrize(("text", "suggestion"), [
    ("A Prefeitura reabre na terça-feira, 5 de janeiro.", "segunda-feira, 5 de janeiro"),
    ("Reabre em 5 de janeiro de 2026 (terça-feira)", "5 de janeiro de 2026 (segunda-feira)"),
    ("Làm việc lại từ Thứ Ba, ngày 5/1.", "Thứ Hai, ngày 5/1"),
    ("Thứ Ba, ngày 29 tháng 12", "Thứ Hai, ngày 29 tháng 12"),
    ("Làm việc lại từ Thứ 3, ngày 5/1.", "Thứ 2, ngày 5/1"),
])
def test_a_vietnamese_or_portuguese_weekday_before_the_date_is_checked(text: str, suggestion: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.suggestion == suggestion and "月曜日" in f.message


@pytest.mark.parametrize("text", [
    "segunda-feira, 5 de janeiro", "Segunda-feira, dia 29/12", "Thứ Hai, ngày 5/1", "Thứ Hai, ngày 29 tháng 12 năm 2025",
    "5 de janeiro (segunda-feira)", "quarta-feira 31/12 e sábado 3/1",
    "Thứ 2, ngày 5/1", "31/12 (Thứ 4)", "3/1 (thứ 7)",
    "Lần thứ 3, ngày 5/1",  # the third time: an ordinal, not a Tuesday
])
def test_a_right_vietnamese_or_portuguese_weekday_before_the_date_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# Notices for Spanish-speaking residents (2026-01-05 and 2025-12-29 are Mondays): the same forms as
# Portuguese, answered in Spanish, also for the 「sábado」「domingo」 both languages write.
@pytest.mark.parametrize(("text", "suggestion"), [
    ("El Ayuntamiento abre el martes, 5 de enero.", "lunes, 5 de enero"),
    ("Simulacro: sábado, 29 de diciembre de 2025", "lunes, 29 de diciembre de 2025"),
    ("Consulta gratuita el 5 de enero de 2026 (viernes)", "5 de enero de 2026 (lunes)"),
    ("Cerrado el 29/12 (mar)", "29/12 (lun)"),
    ("Cerrado el 29/12 (Miércoles)", "29/12 (Lunes)"),
    ("¡Simulacro el domingo 29/12!", "lunes 29/12"),
    ("Jueves 5/1: recogida de basura", "Lunes 5/1"),
    ("Reunión el viernes 15 de setiembre", "lunes 15 de setiembre"),  # 2025-09-15
    # Vietnamese with the month in words and the weekday in brackets after it.
    ("Thu gom rác ngày 29 tháng 12 (Thứ Ba)", "29 tháng 12 (Thứ Hai)"),
    ("ngày 5 tháng 1 năm 2026 (Thứ 7)", "5 tháng 1 năm 2026 (Thứ 2)"),
])
def test_a_spanish_weekday_or_a_vietnamese_month_in_words_is_checked(text: str, suggestion: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.suggestion == suggestion and "月曜日" in f.message


@pytest.mark.parametrize("text", [
    "lunes, 5 de enero", "El lunes 29 de diciembre de 2025", "29/12 (lun)", "5/1 (lunes)", "sábado 3/1",
    "4 de enero (domingo)", "Vamos al mar el 29/12", "Thu gom rác ngày 29 tháng 12 (Thứ Hai)",
    "Festival el sábado 3 de enero en el parque.",
])
def test_a_right_spanish_weekday_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# Office hours: a span of weekdays, then the span of days it covers (2026-01-05 is a Monday, 01-09 a Friday).
@pytest.mark.parametrize("text", [
    "Atención: de lunes a viernes, 5/1 al 9/1, de 8:30 a 17:15.",
    "La oficina abre de lunes a viernes 5 de enero al 9 de enero.",
    "Horário: segunda a sexta-feira, 5/1 a 9/1.",
    "Làm việc từ Thứ Hai đến Thứ Sáu, 5/1 - 9/1.",
    "Từ thứ hai đến thứ sáu, ngày 5/1 đến 9/1.",
])
def test_a_span_of_weekdays_before_a_span_of_days_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(("text", "excerpt"), [
    ("Atención: de lunes a viernes, 6/1 al 10/1.", "viernes, 6/1"),  # 6 January is a Tuesday
    ("Atención: de lunes a viernes, 5/1 al 8/1.", "viernes, 5/1"),  # the 8th is no Friday
    ("Atención: viernes, 5/1 al 9/1.", "viernes, 5/1"),  # no span of weekdays before
])
def test_a_span_of_weekdays_that_does_not_fit_its_days_is_still_checked(text: str, excerpt: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.excerpt == excerpt


# A span over the month's end (2026-12-28 is a Monday, 2027-01-01 a Friday): the second day is in its own
# month, and in the next year when that month comes first.
_YEAR_END = datetime(2026, 12, 1, 10, 0, tzinfo=JST)


@pytest.mark.parametrize("text", [
    "Horario: de lunes a viernes, 28/12 al 1/1, en el ayuntamiento.",
    "Horario: de lunes a viernes, 28/12/2026 al 1/1/2027, en el ayuntamiento.",
    "Horário: de segunda a sexta-feira, 28/12 a 1/1.",
    "Làm việc từ thứ hai đến thứ sáu, ngày 28/12 đến 1/1.",
    "Atención: de lunes a viernes, 14/12 al 18/12.",
    "La oficina abre de lunes a viernes 28 de diciembre al 1 de enero de 2027.",
    "Horário: de segunda a sexta-feira, 28 de dezembro a 1 de janeiro.",
    "Từ thứ hai đến thứ sáu, ngày 28 tháng 12 đến ngày 1 tháng 1.",
])
def test_a_span_of_weekdays_over_the_month_end_that_fits_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text, now=_YEAR_END)


@pytest.mark.parametrize("text", [
    "Horario: de lunes a viernes, 29/12 al 2/1, en el ayuntamiento.",  # 29/12 is a Tuesday
    "Horario: de lunes a viernes, 28/12 al 31/12, en el ayuntamiento.",  # the 31st is no Friday
    "Horario: de lunes a viernes, 28/12 al 1/2, en el ayuntamiento.",  # more than a month: no span
    "Horario: de lunes a viernes, 28/12/2026 al 1/1/2028, en el ayuntamiento.",  # 2028 is not the next year
    "Horario: de lunes a viernes, 28/12 al 18/12, en el ayuntamiento.",  # backwards (the 18th is a Friday)
    "La oficina abre de lunes a viernes 29 de diciembre al 2 de enero.",
    "Từ thứ hai đến thứ sáu, ngày 28 tháng 12 đến ngày 31 tháng 12.",
])
def test_a_span_of_weekdays_over_the_month_end_that_does_not_fit_fires(text: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text, now=_YEAR_END)
    assert f.excerpt.lower().startswith(("viernes", "thứ sáu"))


# A Japanese list numbered 「（一）（二）」 after a date and a space is no Taiwanese weekday
# (2025-12-15 is a Monday: 「（三）」 would be a wrong Wednesday).
@pytest.mark.parametrize("text", ["申込期限：12月15日　（三）持ち物", "日時：12月15日 （三）場所：市民会館"])
def test_a_list_number_after_a_date_and_a_space_is_no_weekday(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


def test_a_shared_weekday_is_answered_in_portuguese_in_a_portuguese_post() -> None:
    [f] = findings_of("date.weekday_mismatch", "Simulacro no domingo, 29/12, na escola.")
    assert f.suggestion == "segunda, 29/12"


@pytest.mark.parametrize("text", ["31/12 (Thứ Tư)", "3/1 (Thứ Bảy)", "29/12 (T2)", "29/12 (segunda-feira)",
                                  "3/1 (sábado)", "29/12 (Seg)", "12/29 (Mon)", "29/12 (Mon)", "30/2 (sábado)"])
def test_a_right_or_impossible_day_first_date_is_not_a_weekday_error(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# 2025-12-06 is a Saturday, 2025-12-08 a Monday.
@pytest.mark.parametrize(("text", "said", "suggestion"), [
    ("土曜日（12月7日）", "2025年12月7日は日曜日です（「土曜日」と書かれています）", "日曜日（12月7日）"),
    ("土曜（12月7日）", "（「土曜」と書かれています）", "日曜（12月7日）"),
    ("日時：月曜日【12月9日】午前10時", "2025年12月9日は火曜日です", "火曜日【12月9日】"),
    ("土曜日（12月6日・14日）", "2025年12月14日は日曜日です", None),  # one date is right: which is wrong?
    ("土曜日（12月7日・14日）", "2025年12月7日は日曜日です。2025年12月14日は日曜日です", "日曜日（12月7日・14日）"),
    ("土曜日（十二月七日）", "2025年12月7日は日曜日です", "日曜日（十二月七日）"),
])
def test_a_weekday_before_its_date_in_brackets_must_fit_it(text: str, said: str, suggestion: str | None) -> None:
    [f] = findings_of("date.weekday_mismatch", f"{text}に開催します。")
    assert said in f.message and f.suggestion == suggestion


@pytest.mark.parametrize("text", [
    "土曜日（12月6日）に開催します。",
    "土曜日（12月6日・13日）に開催します。",
    "毎週土曜日（12月7日を除く）に開催します。",  # an exception, not the day
    "毎週土曜日（12月7日から）",
    "隔週土曜日（12月7日）",
    "土・日曜日（12月6日・7日）",  # which date is which is not written
    "第1土曜日（12月6日）",  # _nth_weekdays' case, reported there once
    "土曜日（6日）",  # no month
])
def test_a_weekday_before_the_right_date_or_not_its_date_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(("text", "excerpt", "suggestion"), [
    ("2025/12/7 Sat. 開催", "2025/12/7 Sat.", "2025/12/7 Sun."),
    ("Date: 12/7 Sat", "12/7 Sat", "12/7 Sun"),
    ("12.7 SAT 10:00-", "12.7 SAT", "12.7 SUN"),
    ("Date: 12/7 Saturday", "12/7 Saturday", "12/7 Sunday"),
])
def test_an_english_weekday_after_a_numeric_date_without_brackets_is_checked(
    text: str, excerpt: str, suggestion: str
) -> None:
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.excerpt == excerpt and f.suggestion == suggestion and "日曜日" in f.message


@pytest.mark.parametrize("text", [
    "12/6 Sat 10:00",
    "Venue on 12/6 Sun Plaza Hall",  # a name that begins with a day's letters (the 6th is a Saturday)
    "On 12/6 SUN PLAZA opens",
    "Since 12/8 sat down with us",
    "12/7 Sunday",
])
def test_an_english_word_after_a_numeric_date_that_is_not_a_wrong_weekday_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(("text", "excerpt", "suggestion"), [
    ("Open: Sat 12/7 10:00-", "Sat 12/7", "Sun 12/7"),
    ("Saturday, 2025/12/7", "Saturday, 2025/12/7", "Sunday, 2025/12/7"),
    ("SAT 12.7", "SAT 12.7", "SUN 12.7"),
    ("Sat. 12/7/2025", "Sat. 12/7/2025", "Sun. 12/7/2025"),
])
def test_an_english_weekday_before_a_numeric_date_is_checked(text: str, excerpt: str, suggestion: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.excerpt == excerpt and f.suggestion == suggestion and "日曜日" in f.message


@pytest.mark.parametrize("text", [
    "Saturday 12/6 and Sunday 12/7",
    "Sun 12/7/2025",
    "Run on Sun 2.5km",  # a figure that goes on is no date
    "Sat 12/7/20251",
])
def test_an_english_weekday_before_the_right_numeric_date_or_no_date_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(("text", "message"), [
    ("11月31日に開催します。", "11月31日という日付はありません（11月は30日までです）"),
    ("申込は2月30日まで", "2月30日という日付はありません（2月は28日（うるう年は29日）までです）"),
    ("2027年2月29日まで", "（2027年2月は28日までです）"),
    ("令和9年2月29日まで", "（2027年2月は28日までです）"),
    ("十一月三十一日に", "11月31日という日付はありません"),
    ("12月32日まで", "12月32日という日付はありません（12月は31日までです）"),
    ("締切は2026/2/30です", "2月30日という日付はありません（2026年2月は28日までです）"),
    ("締切は2026-04-31", "4月31日という日付はありません（2026年4月は30日までです）"),
    ("締切は2026.2.30", "2月30日という日付はありません"),
    ("十二月三十二日", "12月32日という日付はありません"),
])
def test_a_date_that_cannot_exist_fires_without_a_weekday(text: str, message: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text)
    assert message in f.message


@pytest.mark.parametrize("text", [
    "2月29日まで受付",  # a leap day in a year not written: it may be one
    "2028年2月29日（火）まで",
    "〇月〇〇日（　）",  # a form to fill in
    "13月1日",
    "11月30日まで",
    "2/30 の参加枠",  # no year: a count as much as a date
    "バージョン2026.2.30.1",
    "2028/2/29",
])
def test_a_date_that_can_exist_or_is_no_date_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(("text", "excerpt", "message"), [
    ("受付は午後13時からです。", "午後13時", "「午後1時」か「13時」のどちらかに直してください"),
    ("受付は午後１３時から", "午後１３時", "「午後1時」か「13時」"),
    ("開演は午後十三時", "午後十三時", "「午後一時」か「十三時」"),
    ("受付 午後13:30〜", "午後13:30", "「午後1:30」か「13:30」"),
    ("Open 13:00 PM", "13:00 PM", "「1:00 PM」か「13:00」"),
    ("Doors open PM 13:00", "PM 13:00", "「PM 1:00」か「13:00」"),
    ("集合は午前13時です", "午前13時", "「13時」のことか、時刻を確認してください"),
    ("午後24時まで", "午後24時", "「24時」のことか"),
    ("受付は10時75分から", "10時75分", "（分は59までです）"),
    ("十時六十分開始", "十時六十分", "（分は59までです）"),
])
def test_a_time_no_clock_shows_fires(text: str, excerpt: str, message: str) -> None:
    """和気町 4(3): 「午後13時」 leaves the reader guessing between 1 p.m. and an error."""
    [f] = findings_of("date.weekday_mismatch", text)
    assert text[f.start : f.end] == excerpt and message in f.message
    assert f"「{excerpt}」という時刻はありません" in f.message


@pytest.mark.parametrize("text", [
    "受付は午後1時から13時まで",
    "午前0時から午後12時まで",  # how midnight and noon are written
    "午前12時",
    "所要時間は1時間75分です",  # a length of time, not a time of day
    "3時間60分",
    "13:00〜15:30、25時まで営業",  # 25時: how late-night hours are written
    "PM2.5 13:00 観測",  # PM2.5 is no afternoon
    "縮尺 1:75",
    "am 11:00",
])
def test_a_time_a_clock_shows_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


def test_a_date_with_a_weekday_that_cannot_exist_is_one_finding() -> None:
    [f] = findings_of("date.weekday_mismatch", "4月31日（金）")
    assert "4月31日という日付はありません" in f.message


# 2025-12-06 is a Saturday.
@pytest.mark.parametrize("text", [
    "昨日の投稿で開催日を12月7日（土）と記載しましたが、正しくは12月6日（土）です。お詫びして訂正します。",
    "【訂正】誤：12月7日（土）　正：12月6日（土）",
    "（誤）12月7日（土）→（正）12月6日（土）",
    "開催日は11月31日ではなく12月1日です。",
    "「12月7日（土）」は誤りです。",
])
def test_the_wrong_date_a_correction_quotes_is_not_a_mistake_to_fix(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


def test_the_corrected_date_of_a_correction_is_still_checked() -> None:
    [f] = findings_of("date.weekday_mismatch", "誤：12月6日（土）　正：12月7日（土）")
    assert f.excerpt == "12月7日（土）"


# 2025-11-24 is a substitute holiday (振替休日), 2025-11-25 an ordinary Tuesday; 23 December has not
# been a holiday since 2019.
@pytest.mark.parametrize(("text", "said", "suggestion"), [
    ("11月25日（火・祝）に開館します。", "2025年11月25日は祝日ではありません（「祝」と書かれています）", "11月25日（火）"),
    ("12月23日（火・祝）", "2025年12月23日は祝日ではありません", "12月23日（火）"),
    ("11/25(火･祝)", "祝日ではありません", "11/25(火)"),
    ("2025年12月29日（月・祝日）", "（「祝日」と書かれています）", "2025年12月29日（月）"),
    ("11月25日（祝）", "祝日ではありません", None),
])
def test_a_date_marked_as_a_holiday_must_be_one(text: str, said: str, suggestion: str | None) -> None:
    [f] = findings_of("date.weekday_mismatch", text)
    assert said in f.message and f.suggestion == suggestion


@pytest.mark.parametrize("text", [
    "11月24日（月・祝）", "11月24日（振休）", "11月3日（月・祝）文化の日", "1月12日（月・祝）成人の日",
    "2月23日（月・祝）天皇誕生日", "11月25日（火・休）",  # 休 is also a facility's closing day
    # 振休 is also a school's own make-up day off (振替休業日), which no national calendar knows.
    "11月25日（振休）", "学習発表会 12月6日（土）、8日（月・振休）", "12月8日（月・振休）は休校です",
    "休館日：月曜日（祝日の場合は翌日）",
])
def test_a_holiday_marked_as_one_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


def test_a_holiday_mark_on_a_wrong_weekday_is_one_finding_about_the_weekday() -> None:
    [f] = findings_of("date.weekday_mismatch", "12月23日（水・祝）")
    assert "火曜日です" in f.message


@pytest.mark.parametrize(("text", "said"), [
    ("令和7年（2026年）12月5日", "令和7年は2025年です（「2026年」と書かれています）"),
    ("2026年（令和7年）の事業", "令和7年は2025年です"),
    ("令和8年度（2025年度）当初予算", "令和8年度は2026年度です（「2025年度」と書かれています）"),
    ("令和七年（2026年）", "令和七年は2025年です"),
    ("平成元年（1988年）", "平成元年は1989年です"),
])
def test_an_era_year_and_its_western_year_must_agree(text: str, said: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text)
    assert said in f.message


@pytest.mark.parametrize("text", [
    "令和8年（2026年）", "2026年（令和8年）", "令和8年度（2026年度）", "令和元年（2019年）", "平成31年（2019年）4月",
    "昭和64年（1989年）1月7日", "令和８年（２０２６年）", "令和8年(2026)", "令和〇年（20〇〇年）",
])
def test_an_era_year_that_agrees_or_is_a_blank_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# Posted (reserved) for 2025-12-05, a Friday.
POSTED = datetime(2025, 12, 5, 8, 0, tzinfo=JST)


@pytest.mark.parametrize(("text", "excerpt", "said"), [
    ("本日12月6日は休館です。", "本日12月6日", "「本日」は12月5日です（12月6日と書かれています）"),
    ("明日（12月7日）は臨時休館です。", "明日（12月7日）", "「明日」は12月6日です"),
    ("あす12/7は", "あす12/7", "「あす」は12月6日です"),
    ("12月7日（明日）の朝は冷え込みます。", "12月7日（明日）", "「明日」は12月6日です"),
    ("昨日の12月3日に", "昨日の12月3日", "「昨日」は12月4日です"),
])
def test_today_or_tomorrow_must_be_that_day_counted_from_the_posting_day(text: str, excerpt: str, said: str) -> None:
    """A reservation made for another day still says 「本日」: the date beside it gives it away."""
    [f] = findings_of("date.weekday_mismatch", text, scheduled_at=POSTED)
    assert f.excerpt == excerpt and said in f.message and "投稿予定日（12月5日）から見ると" in f.message


@pytest.mark.parametrize("text", [
    "本日12月5日（金）は休館です。", "明日（12月6日）", "12月6日（明日）", "明後日12月7日", "昨日12月4日の",
    "本日は12月6日（土）のイベントについてお知らせします。",  # today we announce the 6th's event
    "本日、12月6日からの受付についてお知らせします。",
    "あすなろ館12月7日",
])
def test_a_relative_day_that_fits_or_speaks_of_another_day_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text, scheduled_at=POSTED)


def test_without_a_posting_time_today_is_not_checked() -> None:
    """A draft pasted in the channel has no posting time: it may go out tomorrow."""
    assert "date.weekday_mismatch" not in codes("本日12月6日は休館です。")


@pytest.mark.parametrize(("text", "message"), [
    ("平成38年4月1日から施行します", "平成38年4月1日は令和8年4月1日です（平成は2019年4月30日まで）"),
    ("平成31年5月1日", "平成31年5月1日は令和元年5月1日です"),
    ("令和1年4月30日", "令和1年4月30日は平成31年4月30日です（令和は2019年5月1日から）"),
    ("昭和64年1月8日", "昭和64年1月8日は平成元年1月8日です"),
    ("平成38年度予算", "平成38年度はありません（平成は31年（2019年）4月30日までです）。令和8年度（2026年度）のことか"),
    ("平成三十八年", "令和8年（2026年）のことか"),
    ("有効期限 H38.4.1", "H38.4.1は令和8年4月1日です"),  # the short form of forms and systems
    ("R1.4.30", "R1.4.30は平成31年4月30日です"),
])
def test_an_era_date_outside_its_era_fires(text: str, message: str) -> None:
    """A form or a system never updated after 2019 still prints 平成: 「平成38年」 is 2026."""
    [f] = findings_of("date.weekday_mismatch", text)
    assert message in f.message


@pytest.mark.parametrize("text", [
    "平成31年4月30日", "令和元年5月1日", "平成31年度",  # the last day, the first day, FY2019
    "昭和100年記念事業",  # how the hundredth year since 昭和 began is celebrated
    "令和〇年〇月〇日", "令和20年",
    "R8.4.1", "H31.4.30", "H38.4.1.5", "AH38.4.1",
])
def test_an_era_date_inside_its_era_or_a_commemoration_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# Session 19: a fiscal year still to come is often the subject, not the date's year: applications
# for next year's nursery places open this December.
@pytest.mark.parametrize("text", [
    "来年度分は12月1日（月）から受け付けます", "令和8年度の入園申込は12月1日（月）から", "2026年度の職員採用試験は12月7日（日）",
])
def test_a_date_under_next_fiscal_year_may_be_this_years(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize("text", ["来年度分は12月1日（水）から", "昨年度：11月22日（土）", "2024年度の実績：11月22日（土）"])
def test_a_weekday_wrong_in_every_reading_still_fires(text: str) -> None:
    assert "date.weekday_mismatch" in codes(text)


# Session 19: English as written outside the US, and spans of weekdays.
@pytest.mark.parametrize("text", [
    "on 6/12 (Sat)", "Saturday 6/12", "Sat 6/12/2025",  # 6 December, day first
    "Sat–Sun, Dec 6–7", "Mon–Fri, Dec 1–5", "Sat & Sun, Dec 6 & 7", "Open Sat-Sun, Dec 6-7, 10:00",
])
def test_english_day_first_dates_and_weekday_spans_that_fit_are_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize("text", ["6/12（土）", "Sat–Sun, Dec 5–6", "Sun, Dec 6", "Fri 12/6"])
def test_english_dates_wrong_in_every_reading_fire(text: str) -> None:
    assert "date.weekday_mismatch" in codes(text)


# Session 31 review: the month said again at the end of the span of days, or the next month's.
@pytest.mark.parametrize("text", [
    "Open Monday - Friday, Dec 1 to Dec 5.", "Open Monday - Friday, December 1 – December 5.",
    "Open Mon–Fri, Dec. 1–Dec. 5.", "Closed Mon–Fri, Dec 29 – Jan 2.", "Closed Mon–Fri, Dec 29, 2025 – Jan 2",
])
def test_an_english_weekday_span_before_a_span_of_dates_that_fits_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize("text", [
    "Open Monday - Friday, Dec 2 to Dec 6.",  # both ends a day late
    "Open Monday - Friday, Dec 1 to Dec 6.",  # the last day a Saturday
    "Open Monday - Thursday, Dec 1 to Dec 5.",
    "Open Mon–Fri, Dec 1 – Nov 5.",  # back in time: no span
    "Open Mon–Fri, Dec 1 – Jan 9.",  # five weeks: two dates, not one span
])
def test_an_english_weekday_span_that_does_not_fit_its_dates_fires(text: str) -> None:
    assert "date.weekday_mismatch" in codes(text)


# Session 19 review: a month that is not the days' heading (a deadline, a span of months).
@pytest.mark.parametrize("text", [
    "11月分の申請は5日（金）まで", "受付は11月いっぱいで、抽選は5日（金）です。", "申込期限：11月まで\n抽選：5日（金）",
    "11月に続き、6日（土）にも開催", "12月から1月の休館日は29日（月）と5日（月）です。",
    "12月・1月の休館日：29日（月）、5日（月）", "年末年始（12月〜1月）の休館日：29日（月）〜3日（土）",
])
def test_a_month_that_heads_no_days_lends_them_nothing(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# やさしい日本語 (for foreign residents) writes weekdays in hiragana.
def test_a_weekday_in_hiragana_is_checked_and_fixed_in_hiragana() -> None:
    [f] = findings_of("date.weekday_mismatch", "12月6日（きんようび）")
    assert f.suggestion == "12月6日（どようび）" and "土曜日" in f.message
    assert "date.weekday_mismatch" in codes("12月6日（金よう日）")
    for text in ("12月6日（どようび）", "12月6日（土よう日）", "12月6日（どよう日）", "12月5日（か）の予定"):
        assert "date.weekday_mismatch" not in codes(text), text


def test_a_date_with_month_and_day_spelt_in_hiragana_is_checked() -> None:
    # やさしい日本語 also spells 月 and 日 out: 「12がつ6にち（きんようび）」.
    [f] = findings_of("date.weekday_mismatch", "12がつ6にち（きんようび）から やすみです。")
    assert f.suggestion == "12がつ6にち（どようび）" and "土曜日" in f.message
    assert "date.weekday_mismatch" in codes("12がつ 6にち（金）")
    for text in ("12がつ6にち（どようび）", "1がつ 9にち（きんようび）", "12がつ 6にち（土）・7にち（日）", "まいにち（毎日）"):
        assert "date.weekday_mismatch" not in codes(text), text


def test_chinese_and_korean_weekdays_without_brackets_are_checked() -> None:
    [f] = findings_of("date.weekday_mismatch", "12月6日星期五")
    assert f.suggestion == "12月6日星期六"
    [f] = findings_of("date.weekday_mismatch", "12월 6일 금요일")
    assert f.suggestion == "12월 6일 토요일"
    for text in ("12月6日星期六", "12월 6일 토요일", "12月6日周五的活动", "12월 6일 금"):
        assert "date.weekday_mismatch" not in codes(text), text



# Session 19, second review.
@pytest.mark.parametrize("text", [
    "確定申告の相談会 3/12 (Wed) 10:00〜",  # a Japanese sentence writes month first
    "12月の休館日 8日（火）、15日（火）", "12月には、7日（土）と21日（土）に開催", "12月も7日（土）に開催します。",
])
def test_review_wrong_weekdays_still_fire(text: str) -> None:
    assert "date.weekday_mismatch" in codes(text)


@pytest.mark.parametrize(("text", "wrong"), [
    ("11月22日（土）／11月29日（金）", "11月29日（金）"),
    ("11/22(土)/11/29(土)/12/6(金)", "12/6(金)"),
    ("11月22日（土） / 11月29日（金）", "11月29日（金）"),
    ("11月22日（土）/29日（金）", "29日（金）"),
    ("11月22日土曜日／11月29日金曜日", "11月29日金曜日"),
])
def test_wrong_weekday_after_a_slash_between_dates_fires(text: str, wrong: str) -> None:
    """A list of dates is often separated by 「/」 or 「／」 with no space; the date after it was read
    as the tail of a longer number (like 「2025/11/29」) and never checked."""
    [f] = findings_of("date.weekday_mismatch", f"開催日：{text}")
    assert f.excerpt == wrong and "土曜日" in f.message


@pytest.mark.parametrize("text", [
    "開催日：11/22(土)/11/29(土)/12/6(土)", "11月22日（土）／11月29日（土）", "11月22日（土）/29日（土）",
    "1/2日（金）", "1日/2日（金）", "2025/11/22（土）", "資料 https://example.jp/11/21（土）",
])
def test_dates_after_a_slash_stay_silent_when_right(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


def test_slash_separated_dates_stay_linear() -> None:
    assert_stays_linear(codes, "11/22(土)/11/29(金)/")


@pytest.mark.parametrize(("text", "wrong"), [
    ("12월 6일(토)~7일(월)", "7일(월)"),
    ("12월 6일(토), 7일(일), 8일(화)", "8일(화)"),
    ("12월 31일(수)~3일(일)", "3일(일)"),
    ("12월 6일 토요일~7일 월요일", "7일 월요일"),
    ("12月6日（周六）～7日（周一）", "7日（周一）"),
    ("12月6日（星期六）、7日（星期一）", "7日（星期一）"),
    # A range in words (found by review): 「至」「到」 in Chinese, 「부터」 in Korean.
    ("12月6日（周六）至7日（周一）", "7日（周一）"),
    ("12月6日（周六）到7日（周一）", "7日（周一）"),
    ("12월 6일(토)부터 7일(월)까지", "7일(월)"),
])
def test_later_day_of_a_chinese_or_korean_range_is_checked(text: str, wrong: str) -> None:
    """A Korean or Chinese notice leaves the month out of the later days as Japanese does; those
    days' weekdays went unchecked."""
    [f] = findings_of("date.weekday_mismatch", f"행사 안내 / 活动通知：{text}")
    assert f.excerpt == wrong


@pytest.mark.parametrize("text", [
    "12월 6일(토)~7일(일)", "12월 6일(토), 7일(일), 8일(월)", "12월 31일(수)~3일(토)", "2025년 12월 31일(수)~1월 3일(토)",
    "12月6日（周六）～7日（周日）", "12月6日 星期六 - 7日 星期日", "12월 6일(토)~7일 10:00",
    "12月6日（周六）至7日（周日）", "12月31日（周三）至3日（周六）", "12월 6일(토)부터 7일(일)까지",
])
def test_right_chinese_or_korean_range_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


def test_chinese_and_korean_ranges_stay_linear() -> None:
    assert_stays_linear(codes, "12월 6일(토)~7일(일)、8日（周一）")


@pytest.mark.parametrize(("text", "wrong"), [
    ("12月6日（土）・7日（日・祝）", "7日（日・祝）"),
    ("12月29日（月）～1日（木・祝）、2日（金・祝）", "2日（金・祝）"),
    ("12月の休館日：23日（火・祝）", "23日（火・祝）"),
])
def test_a_later_day_marked_as_a_holiday_that_is_none_fires(text: str, wrong: str) -> None:
    """The 祝 of a day that takes its month from the date before was never checked (only 「12月7日
    （日・祝）」 with its month was); the Emperor's birthday no longer on 23 December is the classic."""
    [f] = findings_of("date.weekday_mismatch", f"開館日：{text}")
    assert f.excerpt == wrong and "ではありません" in f.message
    assert f.suggestion == wrong.replace("・祝", "")


@pytest.mark.parametrize("text", [
    "11月22日（土）～24日（月・振休）", "11月22日（土）～23日（日・祝）", "12月27日（土）～1日（木・祝）",
    "12月の休館日：29日（月）～3日（土）", "11月22日（土）～24日（火・祝）",
])
def test_a_later_day_that_is_a_holiday_or_has_a_wrong_weekday_is_reported_once(text: str) -> None:
    found = findings_of("date.weekday_mismatch", text)
    assert [f.excerpt for f in found] == (["24日（火・祝）"] if "火" in text else [])
    assert all("曜日です" in f.message for f in found)  # a wrong weekday, not also 「not a holiday」


@pytest.mark.parametrize("text", [
    "11月22日（土）に講演会を開きます。なお、12月の休館日は23日（火）です。",
    "11月22日（土）に講演会を開きます。また、12月は23日（火）が休館日です。",
])
def test_a_month_named_after_a_comma_is_the_month_of_the_days_after_it(text: str) -> None:
    """「なお、12月の休館日は23日（火）」 after an earlier date: the 、 before 「12月」 hid the heading, so
    23日 took the earlier date's month and a right weekday was reported wrong (found by review)."""
    assert "date.weekday_mismatch" not in codes(text)
    [f] = findings_of("date.weekday_mismatch", text.replace("23日（火）", "23日（月）"))
    assert f.message.startswith("2025年12月23日は火曜日です")


@pytest.mark.parametrize("text", [
    "10、11月の休館日は6日（月）です。",
    "10,11月の休館日は6日（月）です。",
    "10と11月の休館日は6日（月）です。",
    "11、12月の休館日は10日（月）です。",
])
def test_two_months_with_the_first_month_sign_left_out_are_no_heading(text: str) -> None:
    """「10、11月の休館日は6日（月）」 names October and November: since the 、 no longer hid a heading,
    「11月」 was taken as the month of 6日 and October's right Monday was reported as November's Thursday
    (found by review)."""
    assert "date.weekday_mismatch" not in codes(text)
    # One month alone is still the heading of the days after it.
    assert "date.weekday_mismatch" in codes(text[text.index("月") - 2 :])


@pytest.mark.parametrize(("text", "wrong"), [
    ("12月6日（周六）—7日（周一）", "7日（周一）"),
    ("12月6日（周六）–7日（周一）", "7日（周一）"),
    ("12월 6일(토)에서 7일(월)까지", "7일(월)"),
])
def test_later_day_of_a_range_with_a_dash_or_eseo_is_checked(text: str, wrong: str) -> None:
    """An em or en dash in Chinese and 「…에서 …까지」 in Korean also join a range; the later day went
    unchecked."""
    [f] = findings_of("date.weekday_mismatch", f"행사 안내 / 活动通知：{text}")
    assert f.excerpt == wrong


@pytest.mark.parametrize("text", [
    "12月6日（周六）—7日（周日）", "12월 6일(토)에서 7일(일)까지",
    # 「에서 …로」 is a change from one day to another, not a range: a smaller day after it is no next month.
    "12월 6일(토)에서 3일(수)로 변경되었습니다.",
])
def test_right_range_with_a_dash_or_eseo_and_a_change_of_day_are_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize("text", [
    # Right in November (2025-11-23 is a Sunday): a weekday wrong in both months is reported (see
    # test_day_after_two_named_months_wrong_in_each_is_reported).
    "10月20日（月）の後、11月、12月の休館日は23日（日）です。",
    "10月20日（月）の後、11月・12月の休館日は23日（火）です。",
    "10月20日（月）に開館しました。11月から12月の休館日は23日（日）です。",
])
def test_a_day_after_two_months_named_after_an_earlier_date_is_not_guessed(text: str) -> None:
    """With two months named before the day, its month is not written: it took the earlier date's month
    (「2025年10月23日は木曜日です」)."""
    assert "date.weekday_mismatch" not in codes(text)
    # One month alone still decides it.
    assert "date.weekday_mismatch" in codes(text.replace("11月、", "").replace("11月・", "").replace("11月から", "")
                                         .replace("23日（火）", "23日（月）").replace("23日（日）", "23日（月）"))


def test_ranges_with_eseo_stay_linear() -> None:
    # 「에서」 without its 「까지」 is tried at every date and refused.
    assert_stays_linear(codes, "12월 6일(토)에서 7일(일)로 ")


# 2025-12-05 is a Friday (NOW is 2025-11-20).
@pytest.mark.parametrize(("text", "suggestion"), [
    ("12月5日〈土〉は休館です。", "12月5日〈金〉"),
    ("12月5日《土》は休館です。", "12月5日《金》"),
    ("12月5日＜土＞は休館です。", "12月5日＜金＞"),
    ("12/5〈金〉・6〈日〉", "6〈土〉"),
])
def test_weekday_in_angle_brackets_is_checked(text: str, suggestion: str) -> None:
    """Calendars and tables write the weekday in 〈〉《》＜＞ as well; those were never read."""
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.suggestion == suggestion


@pytest.mark.parametrize("text", [
    "12月5日〈金〉は休館です。", "12/5《金》・6《土》", "12月5日＜金＞", "12月5日〈日本語版〉を公開しました。",
    "会場〈2〉（日）",
])
def test_right_weekday_and_other_words_in_angle_brackets_are_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(("text", "said"), [
    # Over the year end: the smaller day is in January (2026-01-02 is no holiday).
    ("年末年始の休館日：12月31日（水）～2日（祝）", "2026年1月2日は祝日ではありません"),
    ("2026年12月31日（木）～2日（祝）", "2027年1月2日は祝日ではありません"),
    ("12/31(水)～2(祝)", "2026年1月2日は祝日ではありません"),
    ("12月22日（月）～23日（祝）", "2025年12月23日は祝日ではありません"),
    ("1月11日（日）～13日（祝）", "2026年1月13日は祝日ではありません"),
    ("12月の休館日：23日（祝）", "2025年12月23日は祝日ではありません"),
])
def test_later_day_marked_holiday_without_weekday_is_checked(text: str, said: str) -> None:
    """A later day with only the holiday mark in its brackets (「2日（祝）」) was never read: neither a
    weekday to check nor a month of its own."""
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.message.startswith(said)
    assert f.suggestion is None  # no weekday was written to keep: 「2日（）」 would be no fix


@pytest.mark.parametrize("text", [
    "12月31日（水）～1日（祝）", "12/31(水)～1(祝)", "1月11日（日）～12日（祝）", "1月の休館日：12日（祝）",
    # No month anywhere: which month's 3rd is meant is not written, and there is no weekday to fit.
    "本日3日（祝）は休館です。", "会議室A（土）・2（祝）",
])
def test_later_day_marked_holiday_that_is_one_or_has_no_month_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize(("text", "suggestion"), [
    ("Closed on December 5th, Saturday.", "December 5th, Friday."),
    ("Dec 5, Sat", "Dec 5, Fri"),
    ("Dec. 5, SAT., 10:00-12:00", "Dec. 5, FRI."),
    ("December 5th, 2025, Saturday, from 10:00", "December 5th, 2025, Friday"),
    ("5 December, Saturday", "5 December, Friday"),
    ("5 December 2025, Sat 10:00", "5 December 2025, Fri"),
    # Over the year end: 2026-01-03 is a Saturday.
    ("City Hall is closed December 29, Monday to January 3, Sunday.", "January 3, Saturday."),
])
def test_english_weekday_after_the_date_and_a_comma_is_checked(text: str, suggestion: str) -> None:
    """「December 5th, Friday」: the weekday after the date was read only in brackets."""
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.suggestion == suggestion


@pytest.mark.parametrize("text", [
    "December 5th, Friday", "Dec 5, 2025, Fri", "5 December, Friday", "Dec 5, Fri 10:00",
    # A name, a span of weekdays, or the next date's weekday after the date.
    "Dec 5, Sun Plaza", "Dec 5, Saturday night market", "Dec 1, Sat-Sun", "Open Dec 5, Sat 6 and Sun 7",
    "Dec 5, Sat, Dec 6", "Open Dec 5, Sat Dec 6", "Fri, Dec 5, Sat, Dec 6",
    # After the day and before the month, a month not capitalised is a word (「5 may change」).
    "Sat 5 may, sat",
])
def test_english_weekday_after_a_comma_that_fits_or_is_no_weekday_of_it_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


@pytest.mark.parametrize("shape", ["December 5th, Friday ", "Dec 5, Sat Dec 5, ", "5 December 5 December 2026, ",
                                   "12/31(木)～2(祝)・", "12月31日・1月1日・"])
def test_weekday_after_a_comma_and_holiday_only_day_patterns_stay_linear(shape: str) -> None:
    from bot.rules.dates import _DATE, _EN_DATE
    # Ten runs a size: guarded by their first characters (bot.rules.prefilter), one run over 10,000
    # characters takes a third of a millisecond, where one burst of another process decides the ratio.
    assert_stays_linear(lambda t: [(list(_EN_DATE.finditer(t)), list(_DATE.finditer(t))) for _ in range(10)], shape)


@pytest.mark.parametrize(("text", "suggestion"), [
    ("年末年始：12月31日・1月1日（水・金）", "12月31日・1月1日（水・木）"),
    ("11/30・12/1(日・火)", "11/30・12/1(日・月)"),
    ("2026年12月31日・1月1日（木・土）", "2026年12月31日・1月1日（木・金）"),
    # The later day is in the month of the pair's second day (2026-01-05 is a Monday).
    ("12月31日・1日（水・木）、5日（火）から通常業務です。", "5日（月）"),
])
def test_two_days_and_weekdays_over_two_named_months_are_checked(text: str, suggestion: str) -> None:
    """「12月31日・1月1日（水・木）」: the second day naming its month made the pair unread."""
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.suggestion == suggestion


@pytest.mark.parametrize("text", [
    "12月31日・1月1日（水・木）", "11/30・12/1(日・月)",
    # A later day after a pair over the month end is in the second day's month: these were read in the
    # first day's (「2025年12月5日は金曜日です」「2025年11月3日は月曜日です」).
    "12月31日・1日（水・木）、5日（月）から通常業務です。", "11月30日・1日（日・月）、3日（水）",
])
def test_right_pairs_over_two_months_and_the_day_after_them_are_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# 2026-01-05 is a Monday, 2025-12-05 a Friday.
@pytest.mark.parametrize(("text", "suggestion"), [
    ("年末年始は12月29日から1月4日まで閉庁し、5日（火）から通常業務です。", "5日（月）"),
    ("12月29日～1月4日は閉庁します。5日（火）から通常どおり開庁します。", "5日（月）"),
    ("令和7年12月29日から令和8年1月4日まで閉庁し、5日（火）から", "5日（月）"),
    ("年末年始（12月29日～1月4日）の休館のあと、5日（火）から開館します。", "5日（月）"),
    # A smaller day is in the next month, as after a date with its weekday.
    ("申込は11月28日まで。5日（土）に抽選します。", "5日（金）"),
])
def test_day_after_a_date_without_weekday_takes_its_month(text: str, suggestion: str) -> None:
    """「1月4日まで閉庁し、5日（火）から」: only a date with its weekday passed its month on, so the
    day after a closing period written without weekdays was never checked."""
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.suggestion == suggestion


@pytest.mark.parametrize("text", [
    "年末年始は12月29日から1月4日まで閉庁し、5日（月）から通常業務です。",
    # Another day between: the 5th follows the 30th, whose month is not said (2025-11-05 is a Wednesday).
    "申込は11月1日～30日、抽選は5日（金）です。",
    # A year that may be the subject rather than the date's (2025-12-05 is a Friday, not a Saturday).
    "2030年の完成を目指し、12月1日に着工、5日（土）に起工式を行います。",
    # A line break: the next line may be another month's.
    "申込：11月28日まで\n5日（水）抽選",
])
def test_day_after_a_date_without_weekday_is_not_guessed_across_other_days_or_years(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


def test_days_after_dates_without_weekday_stay_linear() -> None:
    from datetime import date

    from bot.rules.dates import _weekday_hits
    from bot.rules.text import Document
    assert_stays_linear(lambda t: list(_weekday_hits(Document(t), date(2025, 11, 20))), "1月3日、4日（月）、")


# 2025-11-23 is a Sunday and 2025-12-23 a Tuesday; 2025-10-06 a Monday and 2025-11-06 a Thursday.
@pytest.mark.parametrize(("text", "said"), [
    ("11月、12月の休館日は23日（金）です。", "23日は11月なら日曜日、12月なら火曜日です（「金」と書かれています）"),
    ("10月20日（月）の後、11月・12月の休館日は23日（水）です。", "23日は11月なら日曜日、12月なら火曜日です"),
    ("10、11月の休館日は6日（水）です。", "6日は10月なら月曜日、11月なら木曜日です"),
    # A span names the months between too.
    ("10月～12月の休館日は23日（金）です。", "23日は10月なら木曜日、11月なら日曜日、12月なら火曜日です"),
    ("12月から1月の休館日は31日（月）です。", "31日は12月なら水曜日、1月なら土曜日です"),
])
def test_day_after_two_named_months_wrong_in_each_is_reported(text: str, said: str) -> None:
    """Which of the two months is not written, so the day went unchecked; a weekday that is the day's in
    none of them is wrong whichever is meant."""
    [f] = findings_of("date.weekday_mismatch", text)
    assert f.message.startswith(said)
    assert f.suggestion is None  # which month's weekday to write is not known


@pytest.mark.parametrize("text", [
    "11月、12月の休館日は23日（火）です。", "10月～12月の休館日は23日（木）です。",
    # More than four months, or a sentence end between: the day may be in any month.
    # (No month from October to February has a Saturday the 5th, nor November or December a Monday.)
    "10月～2月の休館日は5日（土）です。", "11月、12月の予定です。本日5日（月）は休館です。",
])
def test_day_after_two_named_months_right_in_one_or_unbounded_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text)


# 2025-12-19 is a Friday (2026-01-19 a Monday), 2026-01-17 a Saturday (2026-02-17 a Tuesday), and
# 2025-11-24 the substitute holiday of 勤労感謝の日 (2025-12-24 is no holiday).
@pytest.mark.parametrize("text", [
    "申込は12月25日まで。説明会は19日（金）です。",
    "会期は1月10日～1月31日です。ワークショップは17日（土）に行います。",
    "申込は11月28日まで。24日（祝）は窓口を閉めます。",
])
def test_smaller_day_after_a_date_without_weekday_right_in_its_month_is_silent(text: str) -> None:
    """「申込は12月25日まで。説明会は19日（金）」 (found by review): a smaller day after a deadline was
    always read as the next month's, telling staff their right 19日（金） was 2026年1月19日, a Monday."""
    assert "date.weekday_mismatch" not in codes(text)


def test_smaller_day_after_a_date_without_weekday_wrong_in_both_months_is_reported() -> None:
    [f] = findings_of("date.weekday_mismatch", "申込は12月25日まで。説明会は19日（土）です。")
    assert f.suggestion == "19日（月）"


# 2025-12-19 is a Friday (2025-10-19 a Sunday, 2025-11-19 a Wednesday); 2026-01-03 a Saturday
# (2025-11-03 a Monday, 2025-12-03 a Wednesday).
@pytest.mark.parametrize("text", [
    "10月・11月の相談件数は、19日（金）に公表します。",
    "10月、11月の分は19日（金）に振り込みます。",
    "11月、12月の休館日：29日（月）～3日（土）",
])
def test_day_after_two_named_months_right_in_a_month_meant_is_silent(text: str) -> None:
    """(found by review) Two months named as the topic (「10月・11月の相談件数は」) while the day is the
    next month's, and a range past the last month named (「～3日（土）」 is 3 January), were reported as
    「19日は10月なら日曜日、11月なら水曜日です」 about a right weekday."""
    assert "date.weekday_mismatch" not in codes(text)


def test_day_after_two_named_months_wrong_in_every_month_meant_is_reported() -> None:
    [f] = findings_of("date.weekday_mismatch", "11月、12月の休館日：29日（月）～3日（日）")
    assert "3日は11月なら月曜日、12月なら水曜日です" in f.message


# 2025-12-10 is a Wednesday, 2025-12-06 a Saturday.
@pytest.mark.parametrize("text", [
    "Starting Dec 10, Mon.–Fri., 9am–5pm", "From Dec 10, Mon. - Fri.", "10 December, Tue.-Sat.",
    "Dec 6, Sat. & Dec 7, Sun.",
])
def test_english_weekday_span_with_a_dot_after_the_date_is_silent(text: str) -> None:
    """(found by review) 「Dec 10, Mon–Fri」 was left as a span of weekdays, but with the dot of 「Mon.」
    it was read as the weekday of 10 December: 「2025年12月10日は水曜日（Wednesday）です」."""
    assert "date.weekday_mismatch" not in codes(text)


def test_english_weekday_with_a_dot_before_a_new_sentence_is_still_checked() -> None:
    [f] = findings_of("date.weekday_mismatch", "Registration closes Dec 10, Tue. The office is closed.")
    assert f.suggestion == "Dec 10, Wed"


@pytest.mark.parametrize(("text", "at"), [
    ("年末年始の休館：12月31日（木）", datetime(2026, 6, 20, 10, tzinfo=JST)),  # 2025-12-31 was a Wednesday
    ("9月20日（月）敬老の日のつどい", datetime(2027, 1, 5, 10, tzinfo=JST)),  # 2026-09-20 was a Sunday
    ("9月20日（祝）敬老の日のつどい", datetime(2027, 1, 5, 10, tzinfo=JST)),
    ("年末は12月31日・1月1日（木・金）休館", datetime(2026, 6, 20, 10, tzinfo=JST)),
    ("12月31日（木）～3日（日）休館", datetime(2026, 6, 20, 10, tzinfo=JST)),
    ("Closed: Thursday, December 31", datetime(2026, 6, 20, 10, tzinfo=JST)),
    ("12月31日（周四）休馆", datetime(2026, 6, 20, 10, tzinfo=JST)),
    ("11月、12月の休館日は31日（木）", datetime(2026, 6, 20, 10, tzinfo=JST)),
    # Five months ahead and more, last year's reading may be meant as well: a report on last January.
    ("1月10日（土）の出初式の様子です", datetime(2026, 8, 1, 10, tzinfo=JST)),
])
def test_a_date_far_from_the_posting_day_may_be_in_the_other_year(text: str, at: datetime) -> None:
    assert "date.weekday_mismatch" not in codes(text, now=at)


@pytest.mark.parametrize(("text", "at", "said"), [
    # Wrong in both years: both are said, the nearer first (the suggestion's).
    ("年末年始の休館：12月31日（金）", datetime(2026, 6, 20, 10, tzinfo=JST),
     "2025年12月31日は水曜日、2026年12月31日は木曜日です（「金」と書かれています）"),
    # Near the posting day the nearest year is surely meant: last year's weekday copied is an error.
    ("年末年始の休館：12月31日（水）", datetime(2026, 10, 1, 10, tzinfo=JST), "2026年12月31日は木曜日です"),
    ("9月20日（月）敬老の日のつどい", datetime(2026, 12, 1, 10, tzinfo=JST), "2026年9月20日は日曜日です"),
    # A date ahead is announced, often months early: within five months only the coming year counts.
    ("確定申告の相談会は2月11日（水）", datetime(2026, 10, 1, 10, tzinfo=JST), "2027年2月11日は木曜日です"),
    # A year written or named is not guessed, however far.
    ("昨年12月31日（木）の様子", datetime(2026, 6, 20, 10, tzinfo=JST), "2025年12月31日は水曜日です"),
    ("2025年12月31日（木）の様子", datetime(2026, 6, 20, 10, tzinfo=JST), "2025年12月31日は水曜日です"),
    ("来年1月1日（木）", datetime(2026, 6, 20, 10, tzinfo=JST), "2027年1月1日は金曜日です"),
])
def test_a_date_far_from_the_posting_day_wrong_in_its_years_fires(text: str, at: datetime, said: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text, now=at)
    assert said in f.message


_DEC_1_2026 = datetime(2026, 12, 1, 10, tzinfo=JST)


@pytest.mark.parametrize(("text", "excerpt", "said"), [
    # The second day with its own year, over the year end (2027-01-01 is a Friday).
    ("年末年始：令和8年12月31日・令和9年1月1日（木・土）", "令和8年12月31日・令和9年1月1日（木・土）", "2027年1月1日は金曜日"),
    ("年末年始：2026年12月31日・2027年1月1日（木・土）", "2026年12月31日・2027年1月1日（木・土）", "2027年1月1日は金曜日"),
    ("年末年始：2026/12/31・2027/1/1(木・土)", "2026/12/31・2027/1/1(木・土)", "2027年1月1日は金曜日"),
    ("年末年始：R8/12/31・R9/1/1(木・土)", "R8/12/31・R9/1/1(木・土)", "2027年1月1日は金曜日"),
    # Dotted after the era's year, the pair was not read at all.
    ("年末年始：R8.12.31・R9.1.1（木・土）", "R8.12.31・R9.1.1（木・土）", "2027年1月1日は金曜日"),
    ("年末年始：令和8.12.31・令和9.1.1（木・土）", "令和8.12.31・令和9.1.1（木・土）", "2027年1月1日は金曜日"),
    ("年末年始：R8.12.31・R9.1.1（金・金）", "R8.12.31・R9.1.1（金・金）", "2026年12月31日は木曜日"),
    ("仕事納め 令和8.12.31（金）", "令和8.12.31（金）", "2026年12月31日は木曜日"),
    # An era letter's year with slashes (2027-01-04 is a Monday).
    ("仕事始め R9/1/4(火)", "R9/1/4(火)", "2027年1月4日は月曜日"),
    # An English span to another date: its first date's weekday too (2026-12-29 is a Tuesday).
    ("City Hall closed: Dec 29, Mon - Jan 3, Sun", "Dec 29, Mon", "2026年12月29日は火曜日"),
    ("City Hall closed: 29 Dec, Mon - 3 Jan, Sun", "29 Dec, Mon", "2026年12月29日は火曜日"),
    # A day listed after two months, further from them than a heading reaches (3 Dec 2026 is a Thursday).
    ("11月・12月の休館日は30日（月）と1日（火）、3日（金）", "3日（金）", "12月なら木曜日"),
])
def test_more_date_shapes_with_a_wrong_weekday_fire(text: str, excerpt: str, said: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text, now=_DEC_1_2026)
    assert f.excerpt == excerpt and said in f.message


@pytest.mark.parametrize("text", [
    "年末年始：令和8年12月31日・令和9年1月1日（木・金）",
    "年末年始：2026年12月31日・2027年1月1日（木・金）",
    "年末年始：2026/12/31・2027/1/1(木・金)",
    "年末年始：R8/12/31・R9/1/1(木・金)",
    "年末年始：R8.12.31・R9.1.1（木・金）", "年末年始：令和8.12.31・令和9.1.1（木・金）", "H30.12.31・H31.1.1（月・火）",
    "仕事納め 令和8.12.31（木）",
    # Dots with no era before them are a version, a section or figures, whatever bracket follows.
    "Ver.8.12.31・Ver.9.1.1（木・土）", "第8.12条・第9.1.1条（木・土）", "12.31・1.1（木・土）",
    "R8.12.31・9.1.1（木・土）", "R8.12.31・R9.1（木・土）",
    "仕事始め R9/1/4(月)",
    "R8/1/4(日)は休館",  # 2026-01-04, a Sunday: the era's year, not the nearest
    "H30/1/4(木)の記録",
    "City Hall closed: Dec 29, Tue - Jan 3, Sun",
    "City Hall closed: 29 Dec, Tue - 3 Jan, Sun",
    "Open Dec 7, Mon – Fri",  # a span of weekdays, not Monday alone
    "11月・12月の休館日は30日（月）と1日（火）、3日（木）",
    "11月・12月の休館日は30日（月）と1日（火）、3日（火）",  # 3 November (文化の日)
    "11月、12月の休館日：29日（火）～3日（日）、4日（月）",  # run on into January
])
def test_more_date_shapes_with_the_right_weekday_are_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text, now=_DEC_1_2026)


def test_more_date_shapes_stay_linear() -> None:
    from bot.rules.dates import _weekday_hits
    from bot.rules.text import Document

    shape = "令和8年12月31日・令和9年1月1日（木・土）R9/1/4(火)Dec 29, Tue - Jan 3, Sun 30日（月）と1日（火）、R8.12.31・R9.1.1（木・土）"
    assert_stays_linear(lambda t: list(_weekday_hits(Document(t), datetime(2026, 6, 20).date())), shape)


@pytest.mark.parametrize(("text", "fires"), [
    ("木曜日（12月31日）は休館", False),  # 2026-12-31; 2025-12-31 was a Wednesday
    ("金曜日（12月31日）は休館", True),
    ("12月第5木曜日（12月31日）は休館", False),
    ("12月31日（第5木曜日）は休館", False),
    ("12月31日（第5金曜日）は休館", True),
])
def test_a_weekday_or_nth_weekday_beside_a_far_date_may_be_the_other_years(text: str, fires: bool) -> None:
    found = findings_of("date.weekday_mismatch", text, now=datetime(2026, 6, 20, 10, tzinfo=JST))
    assert bool(found) is fires


@pytest.mark.parametrize(("text", "at", "fires"), [
    # Posted in March: 30 November and 1 December 2026, though last December is under three months back.
    ("11月・12月の休館日は30日（月）と1日（火）", datetime(2026, 3, 1, 10, tzinfo=JST), False),
    ("11月、12月の休館日：30日（月）、1日（火）", datetime(2026, 3, 1, 10, tzinfo=JST), False),
    ("11月・12月の休館日は30日（月）と1日（金）", datetime(2026, 3, 1, 10, tzinfo=JST), True),
])
def test_two_months_named_together_are_read_in_one_year(text: str, at: datetime, fires: bool) -> None:
    assert bool(findings_of("date.weekday_mismatch", text, now=at)) is fires


@pytest.mark.parametrize(("text", "at", "said"), [
    # 成人の日 2027 is 11 January: 1月12日（火） is right for 2027 but no holiday (nor is 2026-01-12 a Tuesday).
    ("成人式は1月12日（火・祝）に開催します", datetime(2026, 7, 1, 10, tzinfo=JST), "2027年1月12日は祝日ではありません"),
    ("11月4日（水・祝）は休館します", datetime(2026, 2, 20, 10, tzinfo=JST), "2026年11月4日は祝日ではありません"),
    # A later day of a range, read in the year its weekday fits, not the nearest (2026-01-12, 成人の日).
    ("1月10日（日）～12日（火・祝）は休館します", datetime(2026, 7, 1, 10, tzinfo=JST), "2027年1月12日は祝日ではありません"),
])
def test_a_holiday_mark_far_from_the_posting_day_is_checked_in_the_year_its_weekday_fits(
        text: str, at: datetime, said: str) -> None:
    [f] = findings_of("date.weekday_mismatch", text, now=at)
    assert said in f.message


@pytest.mark.parametrize(("text", "at"), [
    ("成人式は1月11日（月・祝）に開催します", datetime(2026, 7, 1, 10, tzinfo=JST)),  # 2027's 成人の日
    ("1月12日（祝）の成人式の様子です", datetime(2026, 7, 1, 10, tzinfo=JST)),  # 2026's, no weekday to tell
    ("1月9日（土）～11日（月・祝）は休館します", datetime(2026, 7, 1, 10, tzinfo=JST)),
    ("11月3日（火・祝）文化の日", datetime(2026, 2, 20, 10, tzinfo=JST)),  # 2026-11-03
])
def test_a_holiday_mark_right_in_the_year_its_weekday_fits_is_silent(text: str, at: datetime) -> None:
    assert "date.weekday_mismatch" not in codes(text, now=at)
