"""Red team of the accessibility and calendar rules (s43): everyday notices that must pass, and their
disguised mistakes that must not.

The posting day is Monday 2026-12-07 unless said: 2027-01-11 (成人の日) is a Monday, 2027-02-11 a Thursday.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from bot.rules.a11y import spaced_word
from bot.rules.dates import weekday_mismatch
from bot.rules.model import CheckContext, RuleOptions
from bot.rules.text import Document
from tests.conftest import assert_stays_linear
from tests.rules.conftest import JST, findings_of

NOW = datetime(2026, 12, 7, 10, 0, tzinfo=JST)  # a Monday in working hours


# A day smaller than the one before it was always read as the next month's, the end of a span over the month's
# end (「12月31日（木）～3日（日）」), so a library's list with a note on a holiday it opens failed with an error:
# 「12日（火）※11日（月・祝）は開館」 was checked as 11 February, a Thursday, and every day after it too.
@pytest.mark.parametrize("text", [
    "1月の休館日\n4日（月）\n12日（火）※11日（月・祝）は開館\n18日（月）\n25日（月）",
    "1月の休館日：12日（火）※11日（月・祝）は開館",
    "1月の休館日：12日（火）（11日（月・祝）は開館します）、18日（月）",
    "1月の休館日：4日（月）、12日（火）、18日（月）、25日（月）\n※11日（月・祝）は開館します。",
    "1月12日（火）は休館です（11日（月・祝）は開館）。",
    "1月12日（火）は休館です。11日（月・祝）は開館します。",
    "12月の休館日：14日（月）※7日（月）は臨時開館",
    "【12月の開館日】\n14日（月）\n7日（月）",
])
def test_a_smaller_day_listed_after_a_date_may_be_in_its_month(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW) == [], text


@pytest.mark.parametrize(("text", "excerpt"), [
    # After a range mark the smaller day is still the next month's, even where its weekday fits this one.
    ("12月31日（木）～3日（木）は休館", "3日（木）"),
    ("12月31日（木）から3日（木）まで休館", "3日（木）"),
    ("12月28日（月）10:00～4日（火）17:00", "4日（火）"),
    # Listed, a weekday right in neither month still fires.
    ("1月の休館日：12日（火）※11日（火・祝）は開館", "11日（火・祝）"),
    ("12月の休館日：14日（月）※7日（火）は臨時開館", "7日（火）"),
])
def test_a_smaller_day_wrong_in_its_month_still_fires(text: str, excerpt: str) -> None:
    assert [f.excerpt for f in findings_of("date.weekday_mismatch", text, now=NOW)] == [excerpt], text


@pytest.mark.parametrize("text", [
    "12月31日（木）～3日（日）は休館",
    "12月31日（木）、1日（金・祝）、2日（土）、3日（日）は休館",
    "12月28日（月）10:00～4日（月）17:00",
])
def test_a_span_over_the_year_end_still_passes(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW) == [], text


# A disaster's anniversary names its day and the years since, not the year: the day was read in the year nearest the
# posting day and its weekday, right in the year of the disaster, stopped the post with an error.
@pytest.mark.parametrize("text", [
    "1月1日（月）の能登半島地震から間もなく3年",  # 2024-01-01
    "10月23日（土）の中越地震から22年",  # 2004-10-23
    "1月17日（火）の阪神・淡路大震災から32年を迎えます。",  # 1995-01-17
    "3月11日（金）に発生した東日本大震災から16年",  # 2011-03-11, counted from next March's anniversary
    "十月二十三日（土）の中越地震から二十二年",
])
def test_the_day_of_an_anniversary_is_read_that_many_years_back(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW) == [], text


@pytest.mark.parametrize("text", [
    "1月1日（火）の能登半島地震から間もなく3年",  # wrong in 2024 too
    "10月23日（日）の中越地震から22年",
    # A span from the day, a gap ended on it, or years said of something else: the day is ahead.
    "12月5日（金）から3年間の計画です。",
    "12月5日（金）の式典から3年ぶりに開催",
    "12月5日（金）の開催から3年計画で",
    "12月5日（金）の説明会から3年以内に",
    "12月5日（金）に開催します。創立から30年",
])
def test_a_weekday_wrong_in_the_anniversary_year_or_a_span_ahead_still_fires(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW), text


# Days' names set side by side are words each, read one by one as they should be; the rule asked to join them into
# 「月水金」「日月火水木金土」, no word at all, on a garbage day's line or a calendar's heading.
@pytest.mark.parametrize("text", [
    "燃やせるごみ：月 水 金",
    "休館日：土 日 祝",
    "【12月のごみカレンダー】\n日 月 火 水 木 金 土\n　　 1 2 3 4 5",
    "日　月　火　水　木　金　土",
    "月 火 水 木 金 の午前中は窓口が混み合います。",
])
def test_weekday_names_side_by_side_are_not_a_spaced_word(text: str) -> None:
    assert findings_of("a11y.spaced_word", text, now=NOW) == [], text


@pytest.mark.parametrize(("text", "excerpt"), [
    ("日 曜 日 は休み", "日 曜 日"),
    ("【金 曜 日】", "金 曜 日"),
    ("祝 日 開 館", "祝 日 開 館"),
    ("本 日 開 催", "本 日 開 催"),
    ("月 見 団 子", "月 見 団 子"),
    ("金 木 犀", "金 木 犀"),
])
def test_a_word_spaced_out_among_weekday_letters_still_fires(text: str, excerpt: str) -> None:
    assert [f.excerpt for f in findings_of("a11y.spaced_word", text, now=NOW)] == [excerpt], text


# An application period over the year end with the office's holidays taken out by day: the days after the span were
# read in its last month (29 January, a Friday), and the commonest year-end notice stopped with an error.
@pytest.mark.parametrize("text", [
    "受付：12月21日（月）～1月8日（金）（29日（火）～3日（日）を除く）",
    "12月21日（月）～1月8日（金）※29日（火）～3日（日）を除く",
    "令和8年12月21日（月）～令和9年1月8日（金）（29日（火）～3日（日）を除く）",
    "受付：12月21日（月）から1月8日（金）まで（29日（火）から3日（日）は休み）",
    "11月30日（月）～1月29日（金）（29日（火）～3日（日）を除く）",
    "受付：12月21日（月）～1月8日（金）、15日（金）抽選",
])
def test_a_day_after_a_span_over_the_month_end_may_be_in_any_of_its_months(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW) == [], text


@pytest.mark.parametrize(("text", "excerpt"), [
    ("受付：12月21日（月）～1月8日（金）（29日（火）～3日（月）を除く）", "3日（月）"),
    ("受付：12月21日（月）～1月8日（金）、18日（水）", "18日（水）"),
    # Listed, not a span: the day is the last date's month's.
    ("12月21日（月）、1月8日（金）、29日（火）", "29日（火）"),
])
def test_a_day_after_a_span_wrong_in_all_its_months_still_fires(text: str, excerpt: str) -> None:
    assert [f.excerpt for f in findings_of("date.weekday_mismatch", text, now=NOW)] == [excerpt], text


# Two spaces typed for a wider gap, or the no-break and thin spaces a word processor or a web page leaves when pasted,
# spread a word as much as one space does, and a screen reader reads its letters one by one; only 「 」 and 「　」
# were read as the gap.
@pytest.mark.parametrize(("text", "excerpt"), [
    ("【お  知  ら  せ】", "お  知  ら  せ"),
    ("お\u00a0知\u00a0ら\u00a0せ", "お\u00a0知\u00a0ら\u00a0せ"),
    ("お\u2009知\u2009ら\u2009せ", "お\u2009知\u2009ら\u2009せ"),
    ("お\u2002知\u2002ら\u2002せ", "お\u2002知\u2002ら\u2002せ"),
    ("日\u00a0時：11月30日", "日\u00a0時"),
    ("■日\u00a0時\u00a06月21日", "日\u00a0時"),
])
def test_a_word_spread_by_two_or_pasted_spaces_fires(text: str, excerpt: str) -> None:
    found = findings_of("a11y.spaced_word", text, now=NOW)
    assert [f.excerpt for f in found] == [excerpt], text
    assert found[0].suggestion == excerpt.replace("\u00a0", "").replace("\u2009", "").replace("\u2002", "").replace(" ", "")


@pytest.mark.parametrize("text", [
    "ごみ  の  ひ  は  げつようび  です",
    "講師：林  功  氏",
    "会場：上越文化会館  大ホール",
    "日時：12月5日（土）  会場：市民プラザ",
    "会場：上越文化会館\u00a0大ホール",
])
def test_words_apart_by_two_or_pasted_spaces_stay_silent(text: str) -> None:
    assert findings_of("a11y.spaced_word", text, now=NOW) == [], text


# An iPhone names its edited copy of IMG_1234 IMG_E1234: pasted as the alt text without the extension, it was not read
# as a file name, and the picture went out with no description.
@pytest.mark.parametrize("alt", ["IMG_E1234", "IMG_E1234 2", "img_e0001"])
def test_a_phones_other_file_names_are_no_alt_text(alt: str) -> None:
    found = findings_of("a11y.image_alt", "会場の様子です。", now=NOW, image_count=1, alt_texts=(alt,),
                        portrait_consent=True)
    assert len(found) == 1 and "ファイル名" in found[0].message, alt


@pytest.mark.parametrize("alt", ["Imagine Dragons のポスター", "イメージ図：IMG_Eの改良", "Screenshot of the city map"])
def test_words_that_start_like_those_names_are_alt_text(alt: str) -> None:
    assert findings_of("a11y.image_alt", "会場の様子です。", now=NOW, image_count=1, alt_texts=(alt,),
                       portrait_consent=True) == [], alt


# NFKC writes a vulgar fraction with U+2044 FRACTION SLASH: the fix suggested for 「⅓カップ」 was 「1⁄3」, a character
# no keyboard types and itself outside JIS, which the writer could only copy back.
@pytest.mark.parametrize(("text", "fixed"), [("⅓カップ", "1/3"), ("砂糖⅔杯", "2/3"), ("⅛に切る", "1/8")])
def test_a_fraction_is_suggested_with_a_plain_slash(text: str, fixed: str) -> None:
    [found] = findings_of("a11y.machine_dependent", text, now=NOW)
    assert found.suggestion == fixed
    assert f"「{fixed}」" in found.message


# Review: the same-month reading of a smaller day listed without a range mark let a list running on past the month's
# end through with the weekdays of the calendar's wrong page: 4 January 2027 is a Monday, 4 December a Friday.
@pytest.mark.parametrize(("text", "excerpt"), [
    ("12月28日（月）～30日（水）、4日（金）から通常開館", "4日（金）"),
    ("12月28日（月）～30日（水）\n4日（金）から通常開館", "4日（金）"),
    ("ごみ収集は12月30日（水）で終了し、5日（土）から再開します", "5日（土）"),
    ("12月の開館日：26日（土）、2日（水）", "2日（水）"),
    ("11月28日（土）、29日（日）、2日（月）", "2日（月）"),
])
def test_a_list_running_into_the_next_month_is_checked_there(text: str, excerpt: str) -> None:
    assert [f.excerpt for f in findings_of("date.weekday_mismatch", text, now=NOW)] == [excerpt], text


@pytest.mark.parametrize("text", [
    "12月の開館日：26日（土）、2日（土）",  # 2 January 2027 is a Saturday
    "1月の休館日：12日（火）、18日（月）、25日（月）※4日（月）は開館します",  # a note: any day of the month
    "12月の休館日：28日（月）※7日（月）は臨時開館",
    "1月の休館日：4日（月）、12日（火）、18日（月）、25日（月）、11日（月・祝）は開館",  # nearer in January
])
def test_a_day_noted_or_listed_back_a_little_stays_in_its_month(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW) == [], text


# Review: a day after a span naming two months was checked in each of its months wherever it stood, so a later date
# in the sentence, or one before the span began, passed with the weekday of the wrong month: the lottery on 15 January
# (a Friday) written 「15日（火）」, December's weekday.
@pytest.mark.parametrize(("text", "excerpt"), [
    ("受付：12月21日（月）～1月8日（金）、結果通知は15日（火）", "15日（火）"),
    ("受付：12月21日（月）～1月8日（金）。抽選は22日（火）", "22日（火）"),
    ("申込期間：11月30日（月）～1月8日（金）、説明会は10日（木）", "10日（木）"),
    ("受付：12月21日（月）～1月8日（金）\n抽選：15日（火）", "15日（火）"),  # 15 December is before the span
])
def test_a_day_outside_the_spans_note_is_its_last_months(text: str, excerpt: str) -> None:
    assert [f.excerpt for f in findings_of("date.weekday_mismatch", text, now=NOW)] == [excerpt], text


@pytest.mark.parametrize("text", [
    "受付：12月21日（月）～1月8日（金）\n29日（火）～3日（日）は休み",
    "受付：12月21日（月）～1月8日（金）\n※29日（火）～3日（日）は除きます",
    "12月26日（土）から1月3日（日）まで休館します。ただし、29日（火）は開館します。",
])
def test_a_day_taken_out_of_the_span_on_the_next_line_is_in_it(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW) == [], text


# Review: any years after 「…から」 read the date that many years back, so a period running from this year's date
# passed with last year's weekday, the one a post copied from last year keeps (19 December 2025 was a Friday, 2026's
# is a Saturday). Only years said to have passed make an anniversary.
@pytest.mark.parametrize("text", [
    "12月19日（金）の交付から1年で失効します",
    "12月19日（金）の受付開始から1年を経過した日まで有効です",
    "12月19日（金）の交付から1年が経過した日まで有効です",
    "12月19日（金）の申請から1年の間に手続きしてください",
    "12月19日（金）の交付から1年を超えると再申請が必要です",
    "12月19日（金）の交付から1年となる日まで",
    "1月15日（木）の納期限から1年を過ぎると時効です",
])
def test_a_period_from_the_day_is_no_anniversary(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW), text


@pytest.mark.parametrize("text", [
    "12月19日（金）の点灯式から1年が経ちました",
    "12月19日（金）の開館から1年を迎えました",
    "12月19日（金）の開館から1周年記念イベントを開催します",
    "12月20日（土）の開館から1年の記念イベント",
    "1月1日（月）の能登半島地震から3年の節目に",
    "1月1日（月）の能登半島地震から間もなく3年となります。",
])
def test_years_said_to_have_passed_are_an_anniversary(text: str) -> None:
    assert findings_of("date.weekday_mismatch", text, now=NOW) == [], text


# Review: a line of nothing but spaces (a pasted table's padding) took time growing with the square of its length in
# the search for a spaced heading, 2 s for 20,000 spaces; the no-break and thin spaces now read as spaces made more
# pastes such a line. The new readings' shapes, repeated, must stay linear too.
@pytest.mark.parametrize("shape", [" ", "\u3000", "\u00a0", "\u2009 ", "お  知  ら  せ", "お\u00a0知\u00a0ら\u00a0せ ",
                                   "月 火 水 ", "■日\u00a0時\u00a0"])
def test_spaces_and_spaced_letters_are_scanned_in_linear_time(shape: str) -> None:
    ctx = CheckContext(platform="x", now=NOW)

    def scan(text: str) -> object:
        return sum(1 for _ in spaced_word(Document(text), ctx, RuleOptions()))

    assert_stays_linear(scan, shape)


@pytest.mark.parametrize("shape", [
    "31日（木）、1日（金）、",
    "12日（火）※11日（月・祝）",
    "12月21日（月）～1月8日（金）（29日（火）～3日（日）を除く）",
    "1月1日（月）の能登半島地震から間もなく",
    "1月1日（月）の",
])
def test_days_listed_noted_or_after_an_anniversary_are_scanned_in_linear_time(shape: str) -> None:
    ctx = CheckContext(platform="x", now=NOW)

    def scan(text: str) -> object:
        return sum(1 for _ in weekday_mismatch(Document(text), ctx, RuleOptions()))

    assert_stays_linear(scan, shape)
