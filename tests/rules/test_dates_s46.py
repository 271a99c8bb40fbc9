"""Red team of date.weekday_mismatch (s46): the year chain inside one sentence, a day after a holiday's name, a
calendar's title year, and a day a sentence after 「年明けは4日（月）から」.

Posted 2026-12-07 (a Monday): 2027-06-06 is a Sunday, 2026-08-30 a Sunday and 2027-08-30 a Monday; 2027-01-04 is a
Monday, 2027-01-11 (成人の日) a Monday.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.rules.dates import weekday_mismatch
from bot.rules.model import CheckContext, RuleOptions
from bot.rules.text import Document
from tests.conftest import assert_stays_linear
from tests.rules.conftest import JST, findings_of

DEC = datetime(2026, 12, 7, 10, 0, tzinfo=JST)
NOV = datetime(2026, 11, 20, 10, 0, tzinfo=JST)
NOV_2025 = datetime(2025, 11, 20, 10, 0, tzinfo=JST)


def _said(text: str, now: datetime = DEC) -> list[str]:
    return [f.message for f in findings_of("date.weekday_mismatch", text, now=now)]


# Inside one sentence the chain carried the first date's year to a later one whatever stood between, so a past event
# named after the next one in prose (「6月6日（日）の防災訓練に向けて、8月30日（日）の訓練の反省会」: next June's drill,
# last August's review) was read in next year and its right Sunday told it was a Monday. Other words than a list's or
# a span's joins between the dates take the chain's year only when the weekday is right there, as past a sentence's end.
@pytest.mark.parametrize("text", [
    "6月6日（日）の防災訓練に向けて、8月30日（日）の訓練の反省会を開きます",
    "6月6日（日）の総合防災訓練は、8月30日（日）の訓練の結果を踏まえて実施します",
    "1月4日（月）、2月1日（月）、3月1日（月）は休館します",
    "1月4日（月）の仕事始め式のあと、2月1日（月）から新庁舎で業務を始めます",
])
def test_a_later_date_in_prose_is_not_forced_into_the_earlier_dates_year(text: str) -> None:
    assert _said(text) == [], text


@pytest.mark.parametrize(("text", "now", "says"), [
    # A list's or a span's dates still go on in the chain's year: last year's weekday copied is told in it.
    ("7月5日（月）、8月2日（月）、9月6日（月）、10月4日（月）、11月1日（月）、12月6日（日）は休館日です", DEC,
     "2027年12月6日は月曜日です"),
    ("1月4日（月）・2月1日（月）・3月1日（月）・4月5日（火）は休館", DEC, "2027年4月5日は月曜日です"),
    ("期間は7月18日（土）から8月23日（土）まで。", NOV_2025, "2026年8月23日は日曜日です"),
    # Wrong in both years, the prose's date is told in the nearest.
    ("6月6日（日）の防災訓練に向けて、8月30日（火）の訓練の反省会を開きます", DEC, "2026年8月30日は日曜日、"),
    ("1月4日（月）の仕事始め式のあと、2月1日（日）から新庁舎で業務を始めます", DEC, "2027年2月1日は月曜日です"),
])
def test_a_wrong_date_after_the_chain_is_still_told(text: str, now: datetime, says: str) -> None:
    assert [m[: len(says)] for m in _said(text, now)] == [says], _said(text, now)


# A calendar's title year (「【2027年 休館日カレンダー】」「令和8年度 休館日」) was read only within a few letters of a
# date on its own line, so the dates under it went to the year nearest the posting day: posted in December 2026, 2027's
# 「12月6日（月）」 was told it was a Sunday, and a fiscal year's April posted in December was read as next April. The
# title's year is the year of the dates under it that write none now (a fiscal year's January to March the next).
@pytest.mark.parametrize(("text", "now"), [
    ("【2027年 休館日カレンダー】\n1月4日（月）\n2月1日（月）\n12月6日（月）", DEC),
    ("【2027年 休館日カレンダー】\n6月7日（月）", datetime(2026, 6, 7, 10, 0, tzinfo=JST)),
    ("令和9年 休館日カレンダー\n1月4日（月）\n12月6日（月）", DEC),
    ("【令和8年度 休館日】\n4月6日（月）\n1月4日（月）\n3月1日（月）", DEC),
    ("【2027年 休館日カレンダー】\n1月：4日（月）、18日（月）\n2月：1日（月）、15日（月）\n12月：6日（月）、20日（月）", DEC),
    ("【2027年 行事予定】\n1月10日（日）二十歳のつどい\n3月14日（日）植樹祭\n8月21日（土）謙信公祭\n12月5日（日）市民マラソン",
     DEC),
    # Past December the calendar runs into the next year.
    ("【2026年 年末年始のごみ収集日】\n12月28日（月）：燃やせるごみ\n12月30日（水）：資源物\n1月4日（月）から通常収集", DEC),
    # A line that titles no schedule, or makes the year a subject, leaves the dates in the nearest year.
    ("2027年もよろしくお願いします\n12月28日（月）まで開館しています", DEC),
    ("2030年の完成を目指して工事を進めています\n次回の説明会は12月20日（日）です", DEC),
    # Past a blank line or a sentence's end, a note's date may be of another year: right in the nearest, it is silent.
    ("【2027年 休館日カレンダー】\n1月4日（月）\n2月1日（月）\n\n前回のイベント（11月29日（日））の様子はこちら", DEC),
    ("【2027年 休館日カレンダー】\n1月4日（月）\n2月1日（月）\n\n12月6日（月）", DEC),
])
def test_a_calendars_title_year_is_the_year_of_the_dates_under_it(text: str, now: datetime) -> None:
    assert _said(text, now) == [], text


@pytest.mark.parametrize(("text", "says"), [
    # Last year's weekday copied into the titled year's calendar is told in that year.
    ("【2027年 休館日カレンダー】\n12月6日（日）", "2027年12月6日は月曜日です"),
    ("令和9年 休館日カレンダー\n1月4日（月）\n12月6日（日）", "2027年12月6日は月曜日です"),
    ("【令和8年度 休館日】\n4月6日（月）\n1月4日（月）\n3月1日（火）", "2027年3月1日は月曜日です"),
    ("【2027年 行事予定】\n1月10日（日）二十歳のつどい\n12月6日（日）市民マラソン", "2027年12月6日は月曜日です"),
])
def test_a_wrong_weekday_under_a_calendars_title_is_told_in_its_year(text: str, says: str) -> None:
    assert [m[: len(says)] for m in _said(text)] == [says], _said(text)


# A day after a holiday's name (「成人の日の11日（月）は休館」) was read in this month, the last or the next, so posted in
# November it was told 11 November and 11 December were a Wednesday and a Friday; it is the holiday's month's now.
@pytest.mark.parametrize(("text", "now"), [
    ("成人の日の11日（月）は休館", NOV),
    ("成人の日記念式典は10日（日）に開催します", NOV),
    ("成人の日の11日（月）は休館します。12日（火）は振替休館です", DEC),
    ("文化の日の3日（火）は開館します", datetime(2026, 10, 20, 10, 0, tzinfo=JST)),
    ("天皇誕生日の23日（火）は休館です", DEC),
    # Not said of the holiday's own day: read as before, in the posting month (28 June 2026 is a Sunday).
    ("海の日に向けて、28日（日）に海岸清掃を行います", datetime(2026, 6, 10, 10, 0, tzinfo=JST)),
])
def test_a_day_after_a_holidays_name_is_in_its_month(text: str, now: datetime) -> None:
    assert _said(text, now) == [], text


@pytest.mark.parametrize(("text", "now", "says"), [
    ("成人の日の11日（水）は休館", NOV, "2027年1月11日は月曜日です"),
    ("文化の日の3日（月）は開館します", datetime(2026, 10, 20, 10, 0, tzinfo=JST), "2026年11月3日は火曜日です"),
])
def test_a_wrong_weekday_after_a_holidays_name_is_told_in_its_month(text: str, now: datetime, says: str) -> None:
    assert [m[: len(says)] for m in _said(text, now)] == [says], _said(text, now)


# A day a sentence after 「年明けは4日（月）から」 wrong in January was read alone in the posting month, the last or the
# next, so 「5日（土）は混雑が予想されます」 passed, 5 December being a Saturday, and the wrong weekday went out for
# 5 January; a day back before it was read as February's over the 「から」 of the sentence before (「3日（日）までは休館」 was
# told 3 February is a Wednesday). A day within a week of the new year's one goes on in January now; one far from it, or
# said of this year's end (年内・本日・仕事納め …), is read alone as before.
@pytest.mark.parametrize(("text", "now", "says"), [
    ("年明けは4日（月）から開庁します。5日（土）は混雑が予想されます", DEC, "2027年1月5日は火曜日です"),
    ("年明けは4日（月）から開庁します。5日（土）は混雑が予想されます", NOV, "2027年1月5日は火曜日です"),
    ("年明けは4日（月）から開館します。6日（日）は休館します", DEC, "2027年1月6日は水曜日です"),
    ("年明けは4日（月）から開館します。3日（土）までは休館です", DEC, "2027年1月3日は日曜日です"),
    ("年明けは4日（月）から開庁します。年内は28日（火）まで開庁しています", DEC, "28日は今月（12月）なら月曜日"),
])
def test_a_day_a_sentence_after_a_new_year_day_and_near_it_is_januarys(text: str, now: datetime, says: str) -> None:
    assert [m[: len(says)] for m in _said(text, now)] == [says], _said(text, now)


@pytest.mark.parametrize("text", [
    "年明けは4日（月）から開庁します。5日（火）は混雑が予想されます",
    "年明けは4日（月）から開館します。3日（日）までは休館です",
    "年明けは4日（月）から開館します。8日（金）は休館します",
    "年明けは4日（月）から開庁します。年内は7日（月）まで受け付けます",
    "年明けは4日（月）から開庁します。本日7日（月）は通常どおりです",
    "年明けは4日（月）から開庁します。なお、28日（月）は午前中のみの業務です",
    "年始は4日（月）から通常業務。仕事納めの28日（月）は午前のみ",
])
def test_a_day_a_sentence_after_a_new_year_day_right_in_its_month_is_silent(text: str) -> None:
    assert _said(text) == [], text


# The days of January's and February's customs (出初式, 七草, 鏡開き, 小正月, 節分) announced a month or two ahead without
# their month were read in the posting month, the last or the next: posted in November, 「出初式は10日（日）」 was told
# 10 November and 10 December were a Tuesday and a Thursday. They are their month's days now, as a holiday's; what is
# done before the day (an application, the preparations) is read as before.
@pytest.mark.parametrize(("text", "now"), [
    ("出初式は10日（日）午前9時から", NOV),
    ("七草の7日（木）は七草がゆの会", NOV),
    ("鏡開きの11日（月・祝）はおしるこ会", NOV),
    ("小正月の15日（金）にどんど焼き", NOV),
    ("節分の3日（水）は豆まき会", DEC),
    # December's: 18 December is a Friday, 8 December a Tuesday.
    ("成人の日記念式典の申込は18日（金）まで", DEC),
    ("出初式の準備のため、8日（火）は訓練を行います", DEC),
])
def test_a_day_after_a_months_custom_is_in_its_month(text: str, now: datetime) -> None:
    assert _said(text, now) == [], text


@pytest.mark.parametrize(("text", "now", "says"), [
    ("出初式は10日（土）午前9時から", NOV, "2027年1月10日は日曜日です"),
    ("節分の3日（木）は豆まき会", DEC, "2027年2月3日は水曜日です"),
])
def test_a_wrong_weekday_after_a_months_custom_is_told_in_its_month(text: str, now: datetime, says: str) -> None:
    assert [m[: len(says)] for m in _said(text, now)] == [says], _said(text, now)


# Review (s46): under a calendar's title year every date went to that year, so the notes of this year's days under a
# next year's calendar, posted in December, were told their right weekdays were wrong: the year-end closure (「※年末年始は
# 12月28日（月）から1月3日（日）まで休館」), the calendar's handing out (「【令和9年 ごみ収集カレンダー】を配布します⏎12月14日
# （月）から各世帯に配布します」), a fiscal year's calendar posted in March with this March's note. A date that is no
# calendar's row (words before it, or a sentence said of it), or under a title line that says something, may be either
# year's now; a weekday wrong in both is still told.
@pytest.mark.parametrize(("text", "now"), [
    ("【2027年 休館日カレンダー】\n1月4日（月）\n※年末年始は12月28日（月）から1月3日（日）まで休館します", DEC),
    ("【2027年 休館日カレンダー】\n※12月29日（火）～1月3日（日）は年末年始のため休館\n1月18日（月）", DEC),
    ("【令和9年 ごみ収集カレンダー】を配布します\n12月14日（月）から各世帯に配布します", DEC),
    ("2027年 行事予定表を公開しました\n12月20日（日）まで市役所でも配布しています", DEC),
    ("【2027年 カレンダー配布】\n配布期間：12月8日（火）～12月25日（金）", DEC),
    ("2027年の休館日のお知らせ\n本日12月7日（月）から窓口で配布しています", DEC),
    ("【2027年 休館日】\n毎週月曜日（祝日の場合は翌日）\n12月21日（月）は臨時休館します", DEC),
    ("【2027年 休館日カレンダー】\n1月4日（月）\n1月18日（月）\nお問い合わせは12月25日（金）まで受け付けます", DEC),
    ("【令和8年度 休館日】\n4月6日（月）\n3月29日（日）は年度末の点検のため臨時休館します",
     datetime(2026, 3, 20, 10, 0, tzinfo=JST)),
])
def test_a_note_of_this_years_day_under_a_calendars_title_is_silent(text: str, now: datetime) -> None:
    assert _said(text, now) == [], text


@pytest.mark.parametrize(("text", "says"), [
    ("【2027年 休館日カレンダー】\n1月4日（月）\n※年末年始は12月28日（水）から休館します", "2027年12月28日は火曜日"),
    ("【令和9年 ごみ収集カレンダー】を配布します\n12月14日（水）から各世帯に配布します", "2027年12月14日は火曜日です"),
])
def test_a_notes_weekday_wrong_in_both_years_under_a_calendars_title_is_told(text: str, says: str) -> None:
    assert [m[: len(says)] for m in _said(text)] == [says], _said(text)


# A note's or a row's date far from the posting day is still the calendar's: last year's weekday copied is told in the
# title's year, written after the event's name, in a sentence, or under a title that says something.
@pytest.mark.parametrize(("text", "says"), [
    ("2027年 行事予定\n・謙信公祭：8月21日（金）", "2027年8月21日は土曜日です"),
    ("【2027年 行事予定】\n8月21日（金）に謙信公祭を開催します", "2027年8月21日は土曜日です"),
    ("2027年の行事予定をお知らせします\n8月21日（金）謙信公祭", "2027年8月21日は土曜日です"),
    ("【2027年 行事予定】\n1月10日（日）二十歳のつどい\n\n8月21日（金）謙信公祭", "2027年8月21日は土曜日です"),
])
def test_a_date_far_from_the_posting_day_under_a_calendars_title_is_its_years(text: str, says: str) -> None:
    assert [m[: len(says)] for m in _said(text)] == [says], _said(text)


# Review (s46): a day a sentence after 「年明けは4日（月）から」 within a week of it went on in January whatever it was, so a
# day still to come this month, its weekday right there, was told January's weekday: 「年明けは4日（月）から開庁します。
# 10日（木）までに申請してください」, posted on 7 December (10 December a Thursday), was told 10 January is a Sunday. Such a
# day is read alone now, as one far from the new year's; a day already past this month (the 5th, posted on the 7th) is
# still January's and told there.
@pytest.mark.parametrize(("text", "now"), [
    ("年明けは4日（月）から開庁します。10日（木）までに申請してください", DEC),
    ("年明けは4日（月）から開庁します。9日（水）は臨時窓口を開設します", DEC),
    ("年明けは4日（月）から開館します。8日（火）は休館します", DEC),
    ("年明けは4日（月）から開庁します。申請の受付は3日（木）からです", datetime(2026, 12, 1, 10, 0, tzinfo=JST)),
    ("年明けは4日（月）から開庁します。8日（火）に説明会を開きます", datetime(2026, 12, 1, 10, 0, tzinfo=JST)),
])
def test_a_day_to_come_this_month_right_there_after_a_new_year_day_is_silent(text: str, now: datetime) -> None:
    assert _said(text, now) == [], text


@pytest.mark.parametrize(("text", "says"), [
    # Wrong this month too: told in January as before the relaxation.
    ("年明けは4日（月）から開庁します。10日（水）までに申請してください", "2027年1月10日は日曜日です"),
    ("年明けは4日（月）から開庁します。6日（日）は混雑が予想されます", "2027年1月6日は水曜日です"),
])
def test_a_day_wrong_this_month_after_a_new_year_day_is_still_told(text: str, says: str) -> None:
    assert [m[: len(says)] for m in _said(text)] == [says], _said(text)


# Review (s46): a day after a holiday's or a custom's name went to its month over more than its own day: 「秋の七草」
# (September's flowers) to January, the hand-in or the delivery before the day, the photo show after it, and a day the
# month has not was told it was no date (「敬老の日のお祝い品は31日（月）から配送」: 「9月31日という日付はありません」).
# They are read as before now, in the posting month, the last or the next.
@pytest.mark.parametrize(("text", "now"), [
    ("秋の七草観察会は20日（日）に開催します", datetime(2026, 9, 10, 10, 0, tzinfo=JST)),
    ("文化の日展の搬入は30日（金）です", datetime(2026, 10, 20, 10, 0, tzinfo=JST)),
    ("文化の日展の出品は30日（金）まで", datetime(2026, 10, 20, 10, 0, tzinfo=JST)),
    ("敬老の日のお祝い品は31日（月）から配送", datetime(2026, 8, 20, 10, 0, tzinfo=JST)),
    ("出初式の写真展は15日（火）まで開催中", DEC),
    # The name's 日 beginning another word: 日本舞踊, 日本語, 日帰り.
    ("伝統文化の日本舞踊教室は20日（土）に開催します", datetime(2026, 6, 5, 10, 0, tzinfo=JST)),
    ("こどもの日本語教室は25日（土）に開講します", datetime(2026, 4, 10, 10, 0, tzinfo=JST)),
    ("雪山の日帰りツアーは23日（土）", datetime(2026, 5, 10, 10, 0, tzinfo=JST)),
])
def test_a_day_not_the_holidays_own_after_its_name_is_read_as_before(text: str, now: datetime) -> None:
    assert _said(text, now) == [], text


# Review (s46): inside one sentence a later date after other words than a list's joins went on in the chain's year only
# when its weekday was right there, so next year's schedule in prose with last year's weekday copied passed:
# 「6月6日（日）に防災訓練を、8月30日（日）に水防訓練を実施します」, posted in December (30 August 2026 a Sunday, 2027 a
# Monday). It goes on in the chain's year again unless the words around it make it a past event's (反省会, 結果, 行った …).
@pytest.mark.parametrize("text", [
    "6月6日（日）に防災訓練を、8月30日（日）に水防訓練を実施します",
    "6月6日（日）の防災訓練に続き、8月30日（日）に水防訓練を実施します",
    "6月6日（日）は防災訓練、8月30日（日）は水防訓練です",
])
def test_a_later_date_of_the_same_schedule_in_prose_is_told_in_the_chains_year(text: str) -> None:
    assert [m[:26] for m in _said(text)] == ["2027年8月30日は月曜日です（「日」と書かれています）"[:26]], _said(text)


@pytest.mark.parametrize("text", [
    "6月6日（日）の防災訓練では、8月30日（日）に行った訓練の課題を確認します",
    "6月6日（日）の総合防災訓練は、前回8月30日（日）の訓練を踏まえて実施します",
])
def test_a_later_date_of_a_past_event_in_prose_is_silent(text: str) -> None:
    assert _said(text) == [], text


# Review (s46): a custom's day said of a past one went to the nearest year's: 「節分の3日（月）に行った豆まきの写真を展示して
# います」, posted in December 2025 (3 February 2025 a Monday), was told 2026年2月3日 is a Tuesday. A day the words after
# make a past event's is read as before now.
@pytest.mark.parametrize(("text", "now"), [
    ("節分の3日（月）に行った豆まきの写真を展示しています", datetime(2025, 12, 5, 10, 0, tzinfo=JST)),
    ("節分の3日（月）に開催した豆まき会の様子です", datetime(2025, 12, 5, 10, 0, tzinfo=JST)),
])
def test_a_customs_day_said_of_a_past_one_is_read_as_before(text: str, now: datetime) -> None:
    assert _said(text, now) == [], text


# Review (s46): each date under a calendar's title was searched back to the title for a sentence's end or a blank line,
# so a long paste under one title took time growing with the square of its length.
@pytest.mark.parametrize("shape", ["12月6日（月）\n", "※12月28日（月）から\n", "1月4日（月）、"])
def test_a_long_calendar_under_one_title_stays_linear(shape: str) -> None:
    ctx = CheckContext(platform="x", now=DEC)

    def scan(pasted: str) -> object:
        return sum(1 for _ in weekday_mismatch(Document("【2027年 休館日カレンダー】\n" + pasted), ctx, RuleOptions()))

    assert_stays_linear(scan, shape)
