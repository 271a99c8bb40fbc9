"""Red team of date.weekday_mismatch (s45): a day without its month after 「年明け」「年始」 and the other words for the
year's first days.

2027-01-04 is a Monday, 2026-12-04 a Friday, 2026-11-04 a Wednesday.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from tests.rules.conftest import JST, findings_of

DEC = datetime(2026, 12, 7, 10, 0, tzinfo=JST)  # a Monday in working hours
NOV = datetime(2026, 11, 20, 10, 0, tzinfo=JST)  # year-end notices go out from November
JAN = datetime(2027, 1, 5, 10, 0, tzinfo=JST)


# A day after 「年明けは」「年始は」「新年は」「仕事始めは」「お正月は」 is January's, whatever month the post names or
# does not: posted in November, 「年明けは4日（月）から開庁します」 was told 4 November and 4 December were a
# Wednesday and a Friday (a false error on a right date); posted in December, 「年明けは4日（金）から」 passed, 4 December
# being a Friday, and the wrong weekday went out for 4 January.
@pytest.mark.parametrize("now", [NOV, DEC, JAN])
@pytest.mark.parametrize("text", [
    "年明けは4日（月）から開庁します",
    "年始は4日（月）から開庁します",
    "年明け、4日（月）から通常どおり開館します",
    "新年は4日（月）より開庁いたします",
    "仕事始めは4日（月）です",
    "年明け最初の開庁日は4日（月）です",
    "お正月は3日（日）まで休館し、4日（月）から開館します",
    "年明けの4日（月）、5日（火）は混雑が予想されます",
    "年末年始の休館日のお知らせ。年明けは4日（月）から開館します",
])
def test_a_day_after_a_word_for_the_new_year_is_januarys_and_right_there_is_silent(now: datetime, text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=now) == [], text


@pytest.mark.parametrize("now", [NOV, DEC, JAN])
@pytest.mark.parametrize(("text", "wrong"), [
    ("年明けは4日（金）から開庁します", "4日（金）"),
    ("年始は4日（金）から開庁します", "4日（金）"),
    ("新年は4日（金）より開庁いたします", "4日（金）"),
    ("仕事始めは4日（金）です", "4日（金）"),
    ("年明け最初の開庁日は4日（金）です", "4日（金）"),
    ("年明けの4日（月）、5日（土）は混雑が予想されます", "5日（土）"),
])
def test_a_wrong_weekday_after_a_word_for_the_new_year_is_told_as_januarys(now: datetime, text: str,
                                                                           wrong: str) -> None:
    [found] = findings_of("date.weekday_mismatch", text, now=now)
    assert text[found.start : found.end] == wrong
    assert found.message.startswith("2027年1月"), found.message


@pytest.mark.parametrize(("text", "wrong"), [
    # 年末年始 is the closure that starts in December, 新年度 April, 旧正月 a lunar February: not January's words.
    ("年末年始は28日（月）から休館します", None),
    ("年末年始は28日（金）から休館します", "28日（金）"),
    ("新年度は4日（金）から受付を始めます", None),
    ("旧正月の催しは4日（金）に行います", None),
])
def test_the_closure_the_fiscal_year_and_the_lunar_new_year_are_not_read_as_january(text: str,
                                                                                   wrong: str | None) -> None:
    found = findings_of("date.weekday_mismatch", text, now=DEC)
    assert [text[f.start : f.end] for f in found] == ([wrong] if wrong else []), text


@pytest.mark.parametrize("text", [
    # Getting ready for the new year in December: the day is December's (the 20th a Sunday, the 28th a Monday).
    "新年を迎えるしめ縄作り教室は20日（日）に開催します",
    "年明けに向けた大掃除は28日（月）です",
    "年明け前の最終開館日は28日（月）です",
    "年明けまでの休館日は28日（月）からです",
    "お正月飾り作り教室は20日（日）に開催します",
    "正月用品の販売会は20日（日）です",
])
def test_a_day_the_new_year_is_got_ready_on_is_not_read_as_january(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=DEC) == [], text


# The year-end closure's days without their month are December's from the middle of the month and January's before
# it: posted in November, 「年末年始の休館日：29日（火）～3日（日）」 read 29 and 3 as November's or December's and told the
# writer 3 November was a Tuesday.
@pytest.mark.parametrize("now", [NOV, DEC, JAN])
@pytest.mark.parametrize("text", [
    "年末年始の休館日：29日（火）～3日（日）",
    "年末年始は29日（火）から3日（日）まで閉庁します",
    "年末年始は28日（月）まで開庁し、4日（月）から通常業務です",
    "年末年始の休館：29日（火）～3日（日）、4日（月）から通常開館",
])
def test_the_year_end_closures_days_are_december_and_january_and_right_there_are_silent(now: datetime,
                                                                                      text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=now) == [], text


@pytest.mark.parametrize("now", [NOV, DEC])
@pytest.mark.parametrize(("text", "wrong", "says"), [
    ("年末年始の休館日：29日（月）～3日（日）", "29日（月）", "2026年12月29日は火曜日です"),
    ("年末年始の休館日：29日（火）～3日（土）", "3日（土）", "2027年1月3日は日曜日です"),
    ("年末年始は28日（金）から休館します", "28日（金）", "2026年12月28日は月曜日です"),
])
def test_a_wrong_weekday_in_the_year_end_closure_is_told_in_its_month(now: datetime, text: str, wrong: str,
                                                                     says: str) -> None:
    [found] = findings_of("date.weekday_mismatch", text, now=now)
    assert text[found.start : found.end] == wrong
    assert found.message.startswith(says), found.message


# New Year's Day named before its day: posted in November, 「元日1日（金）は休業します」 was told 1 November and
# 1 December were a Sunday and a Tuesday.
@pytest.mark.parametrize("now", [NOV, DEC])
@pytest.mark.parametrize(("text", "wrong"), [
    ("元日1日（金）は休業します", None),
    ("元旦の1日（金）は休館します", None),
    ("元日1日（木）は休業します", "2027年1月1日は金曜日です"),
])
def test_a_day_after_new_years_day_named_is_the_first_of_january(now: datetime, text: str, wrong: str | None) -> None:
    found = findings_of("date.weekday_mismatch", text, now=now)
    assert [f.message[: len(wrong or "")] for f in found] == ([wrong] if wrong else []), text


@pytest.mark.parametrize("text", [
    # A word for the new year that qualifies something else held before it: the day is December's (the 18th a
    # Friday, the 28th a Monday).
    "忘年会・新年会シーズン、18日（金）から飲酒運転撲滅運動を実施します",
    "年明けの準備のため、28日（月）は臨時休館します",
    "年明け実施の説明会は18日（金）です",
    "年末年始特別警戒を18日（金）から実施します",
])
def test_a_new_year_word_that_is_not_said_of_the_opening_days_leaves_the_day_in_its_month(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=DEC) == [], text


def _mondays_calendar(title: str, months: list[tuple[int, int]]) -> str:
    """A library's closing days, the first two Mondays of each month, listed under each month's heading."""
    from datetime import date

    lines = [title]
    for year, month in months:
        mondays = [d for d in range(1, 15) if date(year, month, d).weekday() == 0][:2]
        lines.append(f"{month}月：" + "、".join(f"{d}日（月）" for d in mondays))
    return "\n".join(lines)


# A year's calendar of days under month headings, each heading read alone in the year nearest the posting day: posted in
# December 2026, 2027's September to December were read as 2026's and eight right Mondays were told they were Sundays;
# a fiscal year's January to March posted in March were read as that March's. A heading a month or three after the one
# before goes on in its year (into the next after December).
@pytest.mark.parametrize(("title", "months", "now"), [
    ("【2027年 休館日カレンダー】", [(2027, m) for m in range(1, 13)], DEC),
    ("【休館日カレンダー】", [(2027, m) for m in range(1, 13)], DEC),
    ("令和9年度 図書館休館日", [(2027, m) for m in range(4, 13)] + [(2028, m) for m in range(1, 4)],
     datetime(2027, 3, 15, 10, 0, tzinfo=JST)),
    ("12月からの休館日", [(2026, 12)] + [(2027, m) for m in range(1, 12)], DEC),
    ("休館日（隔月）", [(2027, m) for m in range(1, 13, 2)], DEC),
])
def test_a_years_calendar_under_month_headings_is_read_month_after_month(title: str, months: list[tuple[int, int]],
                                                                         now: datetime) -> None:
    text = _mondays_calendar(title, months)
    assert findings_of("date.weekday_mismatch", text, now=now) == [], text


@pytest.mark.parametrize(("text", "says"), [
    # A wrong Monday in such a calendar is told in the calendar's year.
    ("【2027年 休館日カレンダー】\n1月：4日（月）\n3月：1日（月）\n6月：7日（月）\n9月：6日（月）\n11月：1日（月）\n12月：5日（月）",
     "2027年12月5日は日曜日です"),
    ("【休館日】\n1月：4日（月）\n2月：1日（月）\n3月：1日（月）\n4月：5日（月）\n5月：3日（月）\n6月：7日（月）\n7月：5日（月）\n"
     "8月：2日（月）\n9月：6日（月）\n10月：4日（月）\n11月：1日（月）\n12月：7日（月）", "2027年12月7日は火曜日です"),
])
def test_a_wrong_day_in_a_years_calendar_is_told_in_its_year(text: str, says: str) -> None:
    found = findings_of("date.weekday_mismatch", text, now=DEC)
    assert [f.message[: len(says)] for f in found] == [says], [f.message for f in found]


@pytest.mark.parametrize("text", [
    # Headings out of order, or far apart, are each read in the nearest year as before.
    "1月の休館日：12日（火）\n12月の休館日：28日（月）",
    "12月の休館日：28日（月）\n1月の休館日：12日（火）",
    "6月の実績：8日（月）\n12月の休館日：28日（月）",
])
def test_month_headings_out_of_order_are_read_in_the_nearest_year(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=DEC) == [], text


def _mondays_dates(title: str, months: list[tuple[int, int]], sep: str) -> str:
    """The first Monday of each month, written as full dates one a line or in one sentence."""
    from datetime import date

    days = [(m, next(d for d in range(1, 8) if date(y, m, d).weekday() == 0)) for y, m in months]
    return title + sep.join(f"{m}月{d}日（月）" for m, d in days)


# The same calendar written in full dates, each read alone in the nearest year (a date's year came only from the one
# before it in the same sentence when that one had a written year): 「9月6日（月）」 to 「12月6日（月）」 of 2027 posted in
# December 2026 were told they were Sundays.
@pytest.mark.parametrize("sep", ["\n", "、"])
@pytest.mark.parametrize(("title", "months", "now"), [
    ("【休館日】\n", [(2027, m) for m in range(1, 13)], DEC),
    ("令和9年度の休館日：", [(2027, m) for m in range(4, 13)] + [(2028, m) for m in range(1, 4)],
     datetime(2027, 3, 15, 10, 0, tzinfo=JST)),
])
def test_a_years_calendar_of_full_dates_is_read_month_after_month(sep: str, title: str,
                                                                  months: list[tuple[int, int]], now: datetime) -> None:
    text = _mondays_dates(title, months, sep)
    assert findings_of("date.weekday_mismatch", text, now=now) == [], text


@pytest.mark.parametrize(("text", "says"), [
    # After a date read wrong the next is read alone: one mistake is told once, in the nearest year.
    ("実績：4月6日（月）\n7月6日（月）\n10月5日（月）", ["2027年4月6日は火曜日です"]),
    # A wrong weekday in the calendar's run is told in its year.
    ("【休館日】\n1月4日（月）\n4月5日（月）\n7月5日（月）\n9月6日（月）\n12月5日（月）", ["2027年12月5日は日曜日です"]),
])
def test_a_wrong_date_is_told_once_and_a_calendars_wrong_date_in_its_year(text: str, says: list[str]) -> None:
    found = findings_of("date.weekday_mismatch", text, now=DEC)
    assert [f.message[: len(s)] for f, s in zip(found, says, strict=False)] == says and len(found) == len(says), [
        f.message for f in found]


# A span next summer announced in November, both weekdays right in 2026: its start was accepted in the other year
# (more than three months back), its end read alone in 2025 and told it was a Saturday.
NOV_2025 = datetime(2025, 11, 20, 10, 0, tzinfo=JST)


@pytest.mark.parametrize(("text", "says"), [
    ("プールの監視員のアルバイトを募集します。期間は7月18日（土）から8月23日（日）まで。", None),
    ("■期間：6月5日（金）から9月4日（金）まで（3か月）", None),
    ("プールの監視員のアルバイトを募集します。期間は7月18日（土）から8月23日（土）まで。", "2026年8月23日は日曜日です"),
])
def test_a_span_read_in_the_other_year_ends_in_that_year(text: str, says: str | None) -> None:
    found = findings_of("date.weekday_mismatch", text, now=NOV_2025)
    assert [f.message[: len(says or "")] for f in found] == ([says] if says else []), [f.message for f in found]


# Review: the chain ran over a sentence's end, so a past event named after the next one (「次回は…。前回（…）は」) was
# read in the next one's year and its right weekday told it was wrong. Past a sentence's end the chain's year is taken
# only when the weekday is right there (a calendar written a month a sentence); within a sentence, and in a calendar's
# lines, it goes on as before.
@pytest.mark.parametrize(("text", "now", "says"), [
    ("次回の総合防災訓練は6月6日（日）に実施予定です。前回（8月30日（日））は約500人が参加しました。", DEC, None),
    ("次回は6月28日（日）に開催予定です。前回（9月12日（金））は大盛況でした。", datetime(2026, 1, 7, 10, 0, tzinfo=JST),
     None),
    ("夏祭り（7月19日（日））のボランティアを募集！昨秋（9月12日（金））の様子はこちら",
     datetime(2026, 1, 7, 10, 0, tzinfo=JST), None),
    # Wrong in both years, it is told in the nearest.
    ("次回の総合防災訓練は6月6日（日）に実施予定です。前回（9月27日（火））は約500人が参加しました。", DEC,
     "2026年9月27日は日曜日です"),
    # A calendar a month a sentence, next year's, is read on in its year.
    ("1月の休館日は4日（月）です。4月の休館日は5日（月）です。7月の休館日は5日（月）です。9月の休館日は6日（月）です。"
     "11月の休館日は1日（月）です。", DEC, None),
    ("1月4日（月）は休館です。4月5日（月）は休館です。7月5日（月）は休館です。9月6日（月）は休館です。", DEC, None),
    # In one sentence the chain holds: next summer's span.
    ("プールの監視員のアルバイトを募集します。期間は7月18日（土）から8月23日（土）まで。", NOV_2025, "2026年8月23日は日曜日です"),
])
def test_the_chain_stops_at_a_sentences_end(text: str, now: datetime, says: str | None) -> None:
    found = findings_of("date.weekday_mismatch", text, now=now)
    assert [f.message[: len(says or "")] for f in found] == ([says] if says else []), [f.message for f in found]


# Review: after 「年明けは4日（月）」 every later day carried January, so a year-end notice's December day in a sentence of
# its own (「年内は28日（月）まで」, a Monday in December 2026) was told 2027年1月28日 was a Thursday. Past a sentence's end,
# a day wrong in January is read alone (this month, the next or the last); a day right in January, or listed in the
# same sentence, stays January's.
@pytest.mark.parametrize(("text", "says"), [
    ("年明けは4日（月）から開庁します。年内は28日（月）まで開庁しています", None),
    ("年明けは4日（月）から開庁します。なお、28日（月）は午前中のみの業務です", None),
    ("年始は4日（月）から通常業務。仕事納めの28日（月）は午前のみ", None),
    ("年明けは4日（月）から開庁します。5日（火）は混雑が予想されます", None),
    ("年明けは4日（月）から開庁します。年内は28日（火）まで開庁しています", "28日は今月（12月）なら月曜日"),
    ("年明けの4日（月）、5日（土）は混雑が予想されます", "2027年1月5日は火曜日です"),
])
def test_a_day_a_sentence_after_a_new_year_day_is_read_alone_when_wrong_in_january(text: str,
                                                                                   says: str | None) -> None:
    found = findings_of("date.weekday_mismatch", text, now=DEC)
    assert [f.message[: len(says or "")] for f in found] == ([says] if says else []), [f.message for f in found]
