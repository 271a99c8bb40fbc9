"""Red team of the date rules (s40): corrections, year ends, eras and a past posting time.

The posting day is Monday 2026-12-07 unless said: 2026-12-05 is a Saturday, 2027-01-05 a Tuesday.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.rules.conftest import JST, codes, findings_of

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=JST)  # a Monday in working hours
YEAR_END = datetime(2026, 12, 28, 10, 0, tzinfo=JST)  # the last working day of 2026


# A correction names the wrong date and then the right one: the wrong one is what the post corrects,
# not a mistake to fix, however the sentence joins them.
@pytest.mark.parametrize("text", [
    "【訂正】12月5日（金）は誤りで、正しくは12月5日（土）です。",
    "【訂正】12月5日（金）→12月5日（土）に訂正します。",
    "【訂正】開催日 12月5日（金）⇒ 12月5日（土）",
    "【お詫び】12月5日（金）は12月5日（土）の誤りです。",
    "先日のお知らせの12月5日（金）を12月5日（土）に訂正いたします。",
    "開催日を１２月５日（金）から１２月５日（土）に訂正しました。",
    "【訂正】R8.12.5(金)を、R8.12.5(土)に訂正します。",
])
def test_the_wrong_date_of_a_correction_is_not_flagged(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text, now=NOW)


@pytest.mark.parametrize(("text", "excerpt"), [
    # The corrected date is still checked.
    ("【訂正】12月5日（土）→12月5日（金）に訂正します。", "12月5日（金）"),
    ("12月5日（土）は12月5日（金）の誤りです。", "12月5日（金）"),
    # No correction: an arrow between two dates is a schedule, 「に訂正」 a word about something else.
    ("受付 12月4日（金）→ 抽選 12月5日（金）", "12月5日（金）"),
    ("12月5日（金）→会場で受付", "12月5日（金）"),
    ("12月5日（金）は資料の内容に訂正がある場合のみ配布します。", "12月5日（金）"),
    ("12月5日（金）に訂正版の資料を配布します。", "12月5日（金）"),
    ("12月5日（金）を12月12日（土）に延期します。", "12月5日（金）"),
    ("12月5日（金）は誤字の訂正日です。", "12月5日（金）"),
    # 「AからBに修正」 may be the span corrected to: its first day is checked.
    ("受付期間を12月1日（月）から12月5日（土）に修正しました。", "12月1日（月）"),
])
def test_a_wrong_weekday_outside_a_correction_still_fires(text: str, excerpt: str) -> None:
    found = findings_of("date.weekday_mismatch", text, now=NOW)
    assert [f.excerpt for f in found] == [excerpt], text


@pytest.mark.parametrize("scheduled", [
    datetime(2026, 12, 5, 10, 0, tzinfo=JST),  # Saturday: was also 「休日（土曜日）です。…問題ありませんが」
    datetime(2026, 11, 23, 10, 0, tzinfo=JST),  # 勤労感謝の日
    datetime(2026, 12, 4, 18, 0, tzinfo=JST),  # Friday evening
    datetime(2026, 12, 7, 7, 59, tzinfo=JST),  # this morning, before hours
])
def test_a_past_posting_time_is_said_once_not_also_as_out_of_hours(scheduled: datetime) -> None:
    """A time already past is to be set again (schedule.past, an error); telling its author also that
    it is a holiday 「業務時間内に予約しているので問題ありません」 judged a time that will not be the post's."""
    found = codes("お知らせ", now=NOW, scheduled_at=scheduled)
    assert "schedule.past" in found and "schedule.outside_hours" not in found
    evening = datetime(2026, 12, 7, 19, 0, tzinfo=JST)
    found = codes("お知らせ", now=evening, scheduled_at=scheduled)
    assert "schedule.past" in found and "schedule.outside_hours" not in found


@pytest.mark.parametrize("scheduled", [
    datetime(2026, 12, 12, 10, 0, tzinfo=JST),  # a Saturday to come
    datetime(2026, 12, 29, 10, 0, tzinfo=JST),  # 年末年始
    datetime(2027, 1, 11, 10, 0, tzinfo=JST),  # 成人の日
    datetime(2026, 12, 7, 17, 16, tzinfo=JST),  # today, a minute after the end of hours
])
def test_a_posting_time_to_come_is_still_judged_on_hours(scheduled: datetime) -> None:
    found = codes("お知らせ", now=NOW, scheduled_at=scheduled)
    assert "schedule.outside_hours" in found and "schedule.past" not in found
    # `kessai check --at`: the check time is the posting time, neither past nor spared.
    found = codes("お知らせ", now=scheduled, scheduled_at=scheduled)
    assert "schedule.outside_hours" in found and "schedule.past" not in found


# A numbered schedule: NFKC reads 「③12月19日」 as 「312月19日」, one number, and its date went unchecked.
@pytest.mark.parametrize(("text", "excerpt"), [
    ("日程：①12月5日（土）②12月12日（土）③12月19日（金）", "12月19日（金）"),
    ("①12/5(金) 10時～", "12/5(金)"),
    ("⑫12月5日（金）", "12月5日（金）"),
    ("㉑12月5日（金）", "12月5日（金）"),
    ("⒊12月5日（金）", "12月5日（金）"),
    ("①１２月５日（金）", "１２月５日（金）"),
    ("①12月5日（土）・6日（月）", "6日（月）"),
    ("③12月32日に開催", "12月32日"),
])
def test_a_date_after_a_circled_number_is_checked(text: str, excerpt: str) -> None:
    found = findings_of("date.weekday_mismatch", text, now=NOW)
    assert [f.excerpt for f in found] == [excerpt], text


@pytest.mark.parametrize("text", [
    "日程：①12月5日（土）②12月12日（土）③12月19日（土）",
    "①12/5(土) 10時～ ②12/6(日) 13時～",
    "312月19日（金）",  # a number glued to the date as written is not one
    "第3回12月5日（土）",
])
def test_a_right_date_after_a_circled_number_is_silent(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text, now=NOW)


# Posters and flyers made in Japan write the English month glued to its day: 「DEC.5(SAT)」.
@pytest.mark.parametrize(("text", "fires"), [
    ("DEC.5(FRI) 10:00-", True),
    ("Dec.5 (Fri) at City Hall", True),
    ("DEC.5(SAT) 10:00-", False),
    ("Dec.5 (Sat) at City Hall", False),
])
def test_an_english_month_glued_to_its_day_is_checked(text: str, fires: bool) -> None:
    assert ("date.weekday_mismatch" in codes(text, now=NOW)) is fires


# An arrow is read as 「wrong → right」 only in a post about a correction: a word that merely has 「誤」
# or 「訂正」 in it (誤配送, 誤った出し方, 訂正届, 訂正方法) does not make a schedule's 「A→B」 one.
@pytest.mark.parametrize(("text", "excerpt"), [
    ("誤配送にご注意ください。\n期間：12月1日（月）→12月5日（土）", "12月1日（月）"),
    ("【日程】12月1日（月）→12月5日（土）\n※ごみの誤った出し方にご注意ください。", "12月1日（月）"),
    ("高齢者の誤嚥予防教室 12月1日（月）→12月5日（土）", "12月1日（月）"),
    ("住民票の訂正届の受付 12月1日（月）→ 12月5日（土）", "12月1日（月）"),
    ("申請書の訂正方法の説明会\n日程 12月1日（月）→12月5日（土）", "12月1日（月）"),
    ("受付 12月1日（月）→12月5日（土）\n記入誤りのないようご確認ください。", "12月1日（月）"),
])
def test_an_arrow_in_a_post_that_corrects_nothing_still_fires(text: str, excerpt: str) -> None:
    found = findings_of("date.weekday_mismatch", text, now=NOW)
    assert [f.excerpt for f in found] == [excerpt], text


@pytest.mark.parametrize("text", [
    "【訂正】開催日 12月5日（金）→12月5日（土）",
    "先ほどの投稿に誤りがありました。\n開催日 12月5日（金）→12月5日（土）",
    "開催日を誤って記載しました。12月5日（金）⇒12月5日（土）",
    "【お詫び】誤記がありました。12月5日（金）→12月5日（土）",
    "正誤表 開催日 12月5日（金）→12月5日（土）",
    "（誤）の日付を直します 12月5日（金）→12月5日（土）",
    "【再掲】先ほどの投稿は誤投稿でした。12月5日（金）→12月5日（土）",
])
def test_an_arrow_in_a_correction_still_quotes_the_wrong_date(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text, now=NOW)


# 「に修正」「に訂正」 ending a word about something else is no correction of the date before it.
@pytest.mark.parametrize(("text", "excerpts"), [
    ("12月5日（金）は12月4日（木）に修正申告をした方が対象です。", ["12月5日（金）", "12月4日（木）"]),
    ("12月5日（金）は、12月12日（土）に訂正版の資料を配布します。", ["12月5日（金）"]),
    ("12月5日（金）は12月12日（土）に訂正届を受け付けた分の交付日です。", ["12月5日（金）"]),
])
def test_a_word_that_begins_with_correction_is_no_correction(text: str, excerpts: list[str]) -> None:
    found = findings_of("date.weekday_mismatch", text, now=NOW)
    assert [f.excerpt for f in found] == excerpts, text


# A 正誤表 writes 「誤」 and 「正」 with a space, or 「誤表記：」: the date after them is the one corrected.
@pytest.mark.parametrize("text", [
    "正誤表：誤 12月5日（金） 正 12月5日（土）",
    "【訂正】開催日\n誤　12月5日（金）\n正　12月5日（土）",
    "誤表記：12/5(金)\n正表記：12/5(土)",
])
def test_the_wrong_date_of_an_errata_table_is_not_flagged(text: str) -> None:
    assert "date.weekday_mismatch" not in codes(text, now=NOW)


@pytest.mark.parametrize("text", [
    "正誤表 12月5日（金）",  # the table's name, not its 「誤」 column
    "錯誤 12月5日（金）",
])
def test_a_date_after_a_word_ending_in_wrong_still_fires(text: str) -> None:
    assert "date.weekday_mismatch" in codes(text, now=NOW)
