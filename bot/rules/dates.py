"""Dates and times: weekdays that do not match their date, scheduled times in the past or out of hours."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from calendar import monthrange
from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta
from functools import lru_cache
from itertools import accumulate
from zoneinfo import ZoneInfo

from bot.eras import ERA_BASE, ERA_SPANS
from bot.rules.model import EXAMPLE_NOW, CheckContext, Example, Hit, RuleOptions
from bot.rules.prefilter import guard
from bot.rules.registry import rule
from bot.rules.text import KANJI_DIGITS, Document

WEEKDAYS = "月火水木金土日"
# The brackets a weekday is written in: 「（金）」「［金］」「〔金〕」「【金】」, and 「〈金〉」「《金》」「<金>」 of
# calendars and tables.
_OPEN = "[(\\[〔【〈《<]"
_CLOSE = "[)\\]〕】〉》>]"
_EN_WD = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|nesday|sday|urday)?\.?"
# A weekday after a date: 「（金）」「(金・祝)」「金曜日」, or in English in a bilingual notice (「（Fri）」).
# Weekdays in hiragana, as やさしい日本語 writes them, Monday first.
_HIRAGANA_DAYS = ("げつ", "か", "すい", "もく", "きん", "ど", "にち")
_WD = (
    rf"(?:{_OPEN}\s*+(?P<w>[{WEEKDAYS}])(?:曜日?|よう日|ようび)?\s*+(?:[・･,、]?\s*+(?:祝|休|祝日|振休))?\s*+{_CLOSE}|(?P<w2>[{WEEKDAYS}])曜日?"
    # やさしい日本語 for foreign residents: 「12月6日（きんようび）」.
    rf"|{_OPEN}\s*+(?P<wh>{'|'.join(_HIRAGANA_DAYS)})(?:ようび|よう日|曜日?)\s*+{_CLOSE}"
    rf"|{_OPEN}\s*+(?P<we>(?i:{_EN_WD}))\s*+{_CLOSE}"
    # 「12/6 Sat」「2026/12/6 Sat.」「12.6 SAT 10:00」 without brackets, but not 「12/6 Sun Plaza」
    # (a name that starts with a day's letters) or 「… sat down」.
    rf"|(?P<we2>(?i:{_EN_WD}))(?![A-Za-z])(?!\s*+[A-Za-z]))"
)
# What comes before a bare day number (「7（日）」): a weekday in brackets and a list or range mark
# (「12/6（土）・7（日）」), or a weekday, the time that day starts and a range mark
# (「12/6（土）10:00～7（日）」「（土）午前10時～7（日）」). A bare number anywhere else is no day.
_BARE_AFTER = re.compile(
    rf"{_CLOSE}\s*+(?:[・･,、]|(?:(?:午前|午後|AM|PM|am|pm)?\s*+"
    r"(?:[0-9]{1,2}\s*+:\s*+[0-9]{2}|[0-9]{1,2}\s*+時(?:\s*+[0-9]{1,2}\s*+分|半)?)\s*+)?[~～〜\-])\s*+$"
)
# Which group of _WD (or of its copy for a day without its month) holds the weekday.
_WD_GROUPS = ("w", "w2", "we", "we2", "wh")
_WD_ONLY_GROUPS = ("wo", "wo2", "woe", "woe2", "woh")
# A later day's bracket with the holiday mark and no weekday (「2日（祝）」), in _DATE's day-only branch.
_HOLIDAY_ONLY_GROUP = "dh"
# Two days and their two weekdays: 「12月5日・6日（土・日）」「5日～6日(土～日)」.
_AND = r"\s*+[・･,、~～〜\-]\s*+"
_PAIR_WD = rf"{_OPEN}\s*+(?P<pw1>[{WEEKDAYS}])(?:曜日?)?{_AND}(?P<pw2>[{WEEKDAYS}])(?:曜日?)?\s*+{_CLOSE}"
# Eras back to 明治: a post on the town's history writes 「昭和39年10月1日（木）」.
_ERAS = r"令和|平成|昭和|大正|明治|[RHS]"
# Month and day in Arabic or kanji numerals (「十一月二十二日」).
_NUM = rf"[0-9]{{1,2}}|[{KANJI_DIGITS}十]{{1,3}}"
# A date may follow another's weekday and a 「/」 (「12月5日（土）/12月19日（土）」「…土曜日/…」, 「／」 in
# norm); any other 「/」 or 「.」 before the number makes it part of a longer number (「2026/12/5」「1/2日」).
_ERA_LETTER_SLASH = r"/(?<=[RHS][0-9]/)|/(?<=[RHS][0-9]{2}/)"
_AFTER_WEEKDAY_SLASH = rf"(?<={_CLOSE}/)|(?<={_CLOSE} /)|(?<=曜日/)|(?<=曜日 /)"
_DATE = guard(re.compile(
    rf"(?:(?<![0-9/.{KANJI_DIGITS}十])|{_AFTER_WEEKDAY_SLASH})(?:(?P<y>[0-9]{{4}}|[{KANJI_DIGITS}]{{4}})\s*+(?P<ysep>[年/.\-])\s*+"
    # 「R9/1/4」: forms and systems write an era letter's year with a slash too.
    rf"|(?<![A-Za-z])(?P<era>{_ERAS})\s*+(?P<ey>[0-9]{{1,2}}|元|[{KANJI_DIGITS}十]{{1,3}})\s*+(?:[年.]|{_ERA_LETTER_SLASH})\s*+)?"
    # 「2025-11-22」 only with a year: 「9-17(金)」 is not a date.
    # やさしい日本語 may spell 月 and 日 out: 「1がつ4にち（げつようび）」.
    rf"(?P<m>{_NUM})\s*+(?:月|がつ|/|\.|(?(ysep)-|(?!)))\s*+(?P<d>{_NUM})\s*+(?:日|にち)?"
    # The second day may name its own month: 「12月31日・1月1日（木・金）」「11/30・12/1(月・火)」.
    # Over the year end, with its own year: 「令和8年12月31日・令和9年1月1日（木・金）」「2026年12月31日・2027年1月1日」
    # 「2026/12/31・2027/1/1」「R8/12/31・R9/1/1」, and dotted after an era's year (「R8.12.31・R9.1.1」「令和8.12.31・
    # 令和9.1.1」): the era names it a date, where 「8.12・1.1」 alone may be figures.
    rf"(?:{_AND}(?:(?:(?P<py2>[0-9]{{4}})\s*+[年/]\s*+|(?<![A-Za-z])(?P<pera2>{_ERAS})\s*+(?P<pey2>[0-9]{{1,2}}|元|[{KANJI_DIGITS}十]{{1,3}})\s*+(?:年|{_ERA_LETTER_SLASH}|(?P<pdot>\.))\s*+)?"
    rf"(?P<pm2>{_NUM})\s*+(?:月|がつ|/|(?(pdot)\.|(?!)))\s*+)?(?P<d2>{_NUM})\s*+(?:日|にち)?\s*+{_PAIR_WD}|\s*+{_WD})"
    # A day without its month, after 「日」 (「21日（金）」) or, right after a weekday and a range or
    # list mark, as a bare number (the 「7（日）」 of 「12/6（土）～7（日）」; what must come before the
    # mark, a weekday and perhaps a time, is _BARE_AFTER's to say).
    rf"|(?:(?<![0-9/.{KANJI_DIGITS}十])|{_AFTER_WEEKDAY_SLASH})(?<![0-9{KANJI_DIGITS}十]月)"
    rf"(?P<bare>(?<=[・･,、~～〜\-])|(?<=[・･,、~～〜\-] ))?"
    rf"(?P<d_only>{_NUM})\s*+(?(bare)(?:日|にち)?|(?:日|にち))\s*+(?:{_WD.replace('?P<w>', '?P<wo>').replace('?P<w2>', '?P<wo2>').replace('?P<we>', '?P<woe>').replace('?P<we2>', '?P<woe2>').replace('?P<wh>', '?P<woh>')}"
    # Or the holiday mark alone, no weekday (「12月31日（木）～2日（祝）」): only the holiday is checked.
    rf"|{_OPEN}\s*+(?P<dh>祝日|祝)\s*+{_CLOSE})"
))
# English dates in notices for foreign residents: 「Sunday, December 14」「Sat., Dec. 5, 2026」
# 「December 14 (Sun)」「Dec 5 (Sat.)」.
_EN_DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_EN_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_EN_MONTHS_BY_ABBR = {name[:3]: i + 1 for i, name in enumerate(_EN_MONTHS)}
_EN_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
# After a date, a weekday that names that day and no other: not the start of a longer word or name
# (「Dec 5, Sun Plaza」「Friday night」), of a span of weekdays (「Dec 1, Mon–Fri」「Dec 9, Mon.–Fri.」: the
# weekday's dot is optional, so a dot before the span mark is looked past; a span to another date,
# 「Dec 29, Tue - Jan 3, Sun」, ends on its own weekday), nor the weekday of
# the next date (「Dec 4, Sat 5」「Dec 4, Sat, Dec 5」); a time may follow (「Friday 10:00」).
_EN_WD_ALONE = (
    rf"(?![A-Za-z])(?!\.?\s*+[–—~&/\-](?!\s*+(?:{_EN_MONTH}\s*+[0-9]|[0-9]{{1,2}}(?:st|nd|rd|th)?\s+{_EN_MONTH})))(?!\s*+[A-Za-z])(?!,?\s*+(?:{_EN_MONTH}(?![A-Za-z])|[0-9]{{1,2}}(?![0-9:])))"
)
_EN_DATE = guard(re.compile(
    rf"\b(?P<w>{_EN_WD}),?\s+(?P<m>{_EN_MONTH})\s+(?P<d>[0-9]{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>[0-9]{{4}})\b)?"
    # 「DEC.5(SAT)」: a dotted month may be glued to its day when the weekday in brackets follows.
    rf"|\b(?P<m2>{_EN_MONTH})(?:\s+|(?<=\.))(?P<d2>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y2>[0-9]{{4}}))?\s*+\(\s*+(?P<w2>{_EN_WD})\s*+\)"
    # The day before the month, as British English writes it: 「Saturday 5 December」「5 Dec (Sat)」
    # (after a weekday, the month capitalised: 「Sat 5 may change」 is a sentence).
    rf"|\b(?P<w3>{_EN_WD}),?\s+(?P<d3>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?-i:(?P<m3>{_EN_MONTH}))(?![A-Za-z])(?:,?\s+(?P<y3>[0-9]{{4}})\b)?"
    rf"|\b(?P<d4>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?P<m4>{_EN_MONTH})(?:,?\s+(?P<y4>[0-9]{{4}}))?\s*+\(\s*+(?P<w4>{_EN_WD})\s*+\)"
    # A weekday before the date in figures, month first as in Japan and America: 「Fri 12/19」
    # 「Friday, 2026/12/19」「Fri 12/19/2026」; not a figure that goes on (「Sun 2.5km」).
    rf"|\b(?P<w5>{_EN_WD}),?\s+(?:(?P<y5>[0-9]{{4}})[/.])?(?P<m5>[0-9]{{1,2}})[/.](?P<d5>[0-9]{{1,2}})(?:/(?P<y5b>[0-9]{{4}}))?(?![0-9A-Za-z%/.])"
    # The weekday after the date and a comma: 「December 5th, Friday」「Dec 5, 2026, Fri」「5 December, Friday」.
    rf"|\b(?P<m6>{_EN_MONTH})\s+(?P<d6>[0-9]{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<y6>[0-9]{{4}}))?,?\s+(?P<w6>{_EN_WD}){_EN_WD_ALONE}"
    rf"|\b(?P<d7>[0-9]{{1,2}})(?:st|nd|rd|th)?\s+(?-i:(?P<m7>{_EN_MONTH}))(?:,?\s+(?P<y7>[0-9]{{4}}))?,?\s+(?P<w7>{_EN_WD}){_EN_WD_ALONE}",
    re.IGNORECASE,
))
# A day written without its month (「11月21日(金)～23日(日)」) borrows the month of a date this close before it.
_CARRY_MONTH_WITHIN = 30
# What joins a day to a smaller one after it as the end of a span over a month's end (「31日（木）～3日（日）」
# 「31日（木）から3日（日）まで」); a list or a note between them (「、」「※」) does not.
_RANGE_MARK = re.compile(r"[~～〜\-‐−–—]|から|より|至")
# What sets a day after a date apart as a note on it (「12日（火）※11日（月・祝）は開館」「（29日（火）～3日（日）を除く）」),
# where a day before it in the month is as likely as one after.
_NOTE_MARK = re.compile(r"[※＊*(]")
# The same for a day a span takes out, which may stand on the next line or in a sentence of its own
# (「…まで休館します。ただし、29日（火）は開館します」).
_SPAN_NOTE = re.compile(r"[※＊*(\n]|ただし|但し")
# Words just before a date that say which year it is in (「昨年の11月22日（金）」「2024年度の実績：…」).
_YEAR_CONTEXT = re.compile(
    r"(?P<rel>一昨年|おととし|再来年|昨年|去年|今年|本年|来年)(?P<rel_fy>度)?"
    r"|(?P<fy>[0-9]{4})\s*+年度|(?P<fera>令和|平成|昭和|(?<![A-Za-z])[RHS])\s*+(?P<fey>[0-9]{1,2}|元)\s*+年度"
    # A calendar year named apart from its dates: 「令和9年の謙信公祭は8月21日（土）」「2027年の開催日：…」.
    # Not one that runs on into a month (「令和9年8月21日」 is a date with its own year) or a 年度.
    r"|(?<![0-9])(?P<cy>[0-9]{4})\s*+年(?![0-9度])"
    r"|(?P<cera>令和|平成|昭和)\s*+(?P<cey>[0-9]{1,2}|元)\s*+年(?![0-9度])"
)
# Between a calendar year and a date, words that make the year the subject (an anniversary, a goal).
_YEAR_AS_SUBJECT = re.compile(r"から|以来|ぶり|目指|目標|に向け|まで|周年")
_RELATIVE_YEARS = {
    "一昨年": -2,
    "おととし": -2,
    "昨年": -1,
    "去年": -1,
    "今年": 0,
    "本年": 0,
    "来年": 1,
    "再来年": 2,
}
_CONTEXT_WITHIN = 12
# Between a year phrase and its date: 「昨年の」「2024年度の実績：」, but not a comparison or a span
# (「昨年より早い11月22日（土）」 is this year) nor a sentence end.
_NOT_A_YEAR_OF = re.compile(r"より|比|から|まで|以来|ぶり|振り|前|後|[。！？!?\n]")


def _number(s: str) -> int:
    """An Arabic or kanji numeral: 「22」「二十二」「十一」「二〇二五」; 0 when it is none (「十十」),
    which no month or day accepts."""
    if s.isascii():
        return int(s)
    tens, ten, ones = s.partition("十")
    if ten and len(tens) <= 1 and len(ones) <= 1 and "十" not in ones:
        return (KANJI_DIGITS.index(tens) if tens else 1) * 10 + (KANJI_DIGITS.index(ones) if ones else 0)
    if ten:
        return 0
    return int("".join(str(KANJI_DIGITS.index(c)) for c in s))


def _year_of_context(m: re.Match[str], today: date) -> tuple[int, bool]:
    """(year, is a fiscal year) named by a context phrase, relative years counted from `today`."""
    if m.group("rel"):
        offset = _RELATIVE_YEARS[m.group("rel")]
        if m.group("rel_fy"):
            return (today.year if today.month >= 4 else today.year - 1) + offset, True
        return today.year + offset, False
    if m.group("fy"):
        return int(m.group("fy")), True
    if m.group("cy"):
        return int(m.group("cy")), False
    if m.group("cera"):
        return _era_year(m.group("cera"), m.group("cey")), False
    return _era_year(m.group("fera"), m.group("fey")), True


def _era_year(era: str, year_of_era: str) -> int:
    """The western year of 「令和8」「平成元」「R8」."""
    return ERA_BASE[era] + (1 if year_of_era == "元" else _number(year_of_era))


def _written_year(m: re.Match[str]) -> int | None:
    """The year a date match wrote before its month, in western digits or an era, if it did."""
    if m.group("y"):
        return _number(m.group("y"))
    return _era_year(m.group("era"), m.group("ey")) if m.group("era") else None


def _nearest(month: int, day: int, today: date) -> date | None:
    """The date `day` of `month` in the year nearest `today`, or None when that month has no such
    day. The nearest month decides the year: 「2月29日」 written in December 2025 is February 2026,
    which has no 29th, not 29 February 2024 (the nearest one that exists, 22 months back)."""
    if not 1 <= month <= 12:
        return None
    best: date | None = None
    for year in (today.year - 1, today.year, today.year + 1):
        cand = date(year, month, min(max(day, 1), monthrange(year, month)[1]))
        if best is None or abs((cand - today).days) < abs((best - today).days):
            best = cand
    if best is None:
        return None
    if not 1 <= day <= monthrange(best.year, month)[1]:
        # Only 29 February can be missing from the nearest February. The next leap day, when it is
        # less than a year ahead, is the one meant: 「2月29日（火）」 written in June 2027 announces
        # 29 February 2028, as no 29 February is nearer.
        ahead = best.year + 1
        if day <= monthrange(ahead, month)[1] and 0 < (date(ahead, month, day) - today).days <= 366:
            return date(ahead, month, day)
        return None
    return best.replace(day=day)


def local_zone(ctx: CheckContext) -> ZoneInfo:
    """The organisation's time zone, in which a post's day and time are read."""
    try:
        return ZoneInfo(ctx.policy.tz)
    except Exception:  # a bad zone is reported by config validation, not by a rule
        return ZoneInfo("Asia/Tokyo")


def _local_today(ctx: CheckContext) -> date:
    return ctx.now.astimezone(local_zone(ctx)).date()


@rule(
    code="date.weekday_mismatch",
    severity="error",
    summary="日付と曜日の不一致",
    clause="和気町 4(3)",
    fires=Example("防災訓練は2026年11月22日（土）に行います。"),
    passes=Example("防災訓練は2026年11月22日（日）に行います。2027年1月9日（土）は休館です。"),
)
def weekday_mismatch(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """日付と曜日が合わない記述（「11月21日（金）」で21日が土曜日）を止めます。

    和気町 4(3) は正確な情報発信を、美祢市 5(2)ア は「正確に記述する」ことを求めています。
    曜日の誤りは問い合わせと混乱のもとです。「11月21日（金）」「11/21(金)」「11月21日〔金〕」「11月21日〈金〉」「11月21日(土曜日)」
    「2025年11月21日金曜日」「2025-11-21（金）」「令和7年…」「R7.11.21（金）」「R7/11/21（金）」「十一月二十一日（金）」
    の形と、やさしい日本語の「12月5日（どようび）」「（土よう日）」「12がつ5にち（どようび）」に対応します。年の書かれていない日付は、直前に「昨年」「去年」「一昨年」「今年」「来年」
    「再来年」や「令和9年の」「2027年の」「2024年度」「令和6年度」「昨年度」があればその年（年度は4月始まりで、1〜3月は
    翌年）として、なければ投稿日に最も近い年として扱います（11月に書く「1月9日（土）」は翌年1月。12月に書く「2月29日（日）」は
    翌年2月で、うるう年でなければその日はありません。その2月より後に書く「2月29日」は、1年以内に来るうるう年の2月29日です）。
    最も近い年の日付が投稿日より3か月を超えて前か、5か月を超えて先のときは、投稿日の反対側の年（6月に書く「12月31日」なら
    今年12月、1月に書く「9月20日」なら今年9月）のこともあるため、どちらかの年の曜日と合っていれば止めません（どちらとも
    合わなければ両方の年の曜日を示します。「木曜日（12月31日）」「第5木曜日」や祝の印も同じです）。
    ただし「来年度」「令和8年度」などこれから来る年度は、日付の年ではなく話題のこともあるため（「来年度分は
    12月1日（火）から受付」）、最も近い年の曜日と合っていれば止めません。「1995年の震災から30年」「2030年の完成を目指し」のように年が話題のときと、前後1年より離れた年のときも同じです。
    年を書かない日付の後に経った年数を書いた「1月1日（月）の能登半島地震から間もなく3年」「10月23日（土）に発生した
    中越地震から22年」は、その年数だけ前の年の日付として確かめます（年数が経ったことを書いたときだけです。「から3年間」「から3年ぶり」「から1年で失効」は対象外です）。
    「19日(土)～21日(月)」「12/5（土）～6（日）」「12/5（土）10:00～6（日）16:00」の後ろの日は直前の月と年を引き継ぎ、前の日より小さい日
    （「12月31日（木）～3日（日）」）は翌月として確かめます（範囲ではなく注記した小さい日
    「1月の休館日：12日（火）※11日（月・祝）は開館」や、翌月よりその月のほうが近い小さい日「14日（月）、7日（月）」は、
    その月の曜日と合えばその月の日です。翌月の曜日とも合わなければ、その月の日として正しい曜日を示します。ただし翌月のその日のほうが近ければ（「12月25日（金）終業式※始業式は8日（月）」）、翌月の日として示します）。月をまたぐ期間の後の注記（「ただし」の後も）や次の行の日
    （「12月21日（月）～1月8日（金）（29日（火）～3日（日）を除く）」）は、期間の中のどれかの月の曜日と合うかを確かめます。曜日のない日付の後の日（「12月29日から1月3日まで閉庁し、
    4日（月）から通常業務」）も、間にほかの日や月、改行がなければ、その日付の月（小さい日は、その月の曜日と合わなければ翌月）として確かめます。休みの後に再び始まる日（「12月28日まで受付、4日（月）から再開」「～30日（水）（4日（月）から通常開館）」「より平常どおり」「（4日（月）～通常業務）」「4日（月）から開庁します」）は、その月よりも翌月のその日のほうが近ければ、その月の曜日と合っていても翌月の日として確かめます。正しい曜日に直した形を提案します。
    月を書かない日（「本日5日（土）」「締切は25日（金）」）は、下書きにそれより前に月が出てこなければ、
    先月・今月・来月のどれかの曜日と合うかを確かめます（どれとも合わなければ知らせます）。
    「来月5日（火）」「今月の5日」は、その月として確かめます。「年明けは4日（月）から開庁します」「年始は」「新年は」
    「仕事始めは」「お正月は」「元日」の後の月を書かない日は、どの月に書いた投稿でも1月の日として確かめます（「新年度は」
    「新年を迎えるしめ縄作りは」「お正月飾り作り教室は」「新年会シーズン、」「年明け実施の説明会は」のように、開庁日や業務の始まり
    ではないことの後の日は対象外です。その後の文の日は、1月の曜日と合わず、その1月の日から8日以上離れているか「年内」「本日」「仕事納め」などを書いたときは、
    月を書かない日として確かめます：「年明けは4日（月）から開庁します。年内は28日（月）まで」。近い日は1月の日です：
    「年明けは4日（月）から開庁します。5日（土）は混雑が予想されます」は1月5日の曜日の誤りとして知らせます）。「年末年始の休館日：29日（火）～3日（日）」
    「年末年始は28日（月）から」のように年末年始の後の月を書かない日は、15日以降なら12月、14日までなら1月の日として確かめます。
    「成人の日の11日（月）」「成人の日記念式典は10日（日）」「文化の日の3日（火）」のように祝日の名前のすぐ後の月を書かない日は、
    その祝日の月（投稿日に最も近い年）の日として確かめます。「出初式は10日（日）」「七草の7日（木）」「鏡開きの11日（月・祝）」
    「小正月の15日（金）」「節分の3日（水）」も同じく1月・2月の日です（「海の日に向けて、28日（日）に」「成人の日記念式典の申込は
    18日（金）まで」「出初式の準備のため、8日（火）は」「文化の日展の搬入は30日（金）」「出初式の写真展は15日（火）まで」のような、その日のことではないものと、「秋の七草」、「節分の3日（月）に行った豆まき」のような過ぎた日は対象外です。夏に開く町もある成人式は対象外です）。「12月の休館日：29日（火）」「12月は5日（土）」
    「【12月の開館日】」の次の行の「5日（土）」のように、月だけを見出しのように書いた後の日は、その月として確かめます。
    年間の休館日カレンダーのように、年を書かない日付や見出しの月が1〜3か月ずつ順に続くときは、すぐ前の曜日の合った日付の年から
    続けて読みます（12月の次の1月は翌年。12月に書いた「1月：4日（月）」〜「12月：6日（月）」や、行ごとの「1月4日（月）」〜
    「12月6日（月）」は、すべて翌年の日です。年を書いた日付や曜日の誤った日付からは続けません。「。」で文が変わるときと、同じ文でも「、」「・」「から」などの並びや期間の区切りでなく言葉をはさみ、「反省会」「結果」「行った」のように過ぎたことの日とするときは、
    続けた年で曜日が合うときだけ続けます：「次回は6月6日（日）に実施予定です。前回（8月30日（日））は」
    「6月6日（日）の防災訓練に向けて、8月30日（日）の訓練の反省会を」は前回の年の日です。「6月6日（日）に防災訓練を、8月30日（日）に水防訓練を実施します」は同じ年の日です）。
    「【2027年 休館日カレンダー】」「令和8年度 休館日」「2027年の行事予定」のように、カレンダーや予定の見出しの行に年を書いた
    ときは、その下の年を書かない日付をその年（年度なら1〜3月は翌年、12月の後の1月は翌年）の日として確かめます
    （「2027年もよろしくお願いします」のような、予定の見出しではない行の年は対象外です。カレンダーの行ではない注記の日付（「※年末年始は12月28日（月）から」「12月14日（月）から配布します」）や、「【令和9年 ごみ収集カレンダー】を配布します」の下の日付は、投稿する月とその前後の月なら、空行や「。」の後の注記の日付はどの月でも、どちらの年の日としても確かめます。「・謙信公祭：8月21日（金）」のような離れた月の日付は見出しの年の日です）。
    「11月、12月の休館日は23日（火）」「11月・12月の」「10、11月の」「10月～12月の」のように月を二つ書いた後の日は、どちらの月か
    分からないため、書かれた曜日がどの月のその日とも、投稿する月と翌月のその日とも合わないときだけ知らせます（「30日（月）と1日（火）、3日（木）」のように続けて並べた日も同じです。二つの月は同じ年の月として読みます。「～3日（日）」のように範囲で戻った日は最後の月の翌月でもよく、月が五つ以上にわたるときは確かめません）。
    外国人住民向けの英語の日付（「Sunday, December 13」「Dec. 5 (Sat)」「DEC.5(SAT)」「Sunday 13 December」
    「13 Dec (Sun)」「December 13th, Sunday」「13 December, Sunday」、期間の「Dec 29, Tue - Jan 3, Sun」）と、日本語の日付や数字の日付に英語の曜日を付けた書き方（「12月4日（Fri）」
    「2026/12/5 Sat.」「12/5 Sat」「Sat 12/5」「Saturday, 12/5/2026」）も同じように確かめます
    （「12/6 Sun Plaza」のように英語の名前が続くものは曜日とみなしません。曜日の範囲の後に日の範囲を書いた
    「Mon–Fri, Dec 1–5」「Monday - Friday, Dec 14 to Dec 18」「Mon–Fri, Dec 28 – Jan 1」は、両端の曜日と日が合っていれば対象外です）。中国語（「12月31日（周四）」「12月31日(星期四)」、台湾などの「12月31日（四）」。日付の後に空白を置いた「12月15日　（一）持ち物」は箇条の番号とみなします）と韓国語（「12월 31일(목)」
    「12월 31일(목요일)」、括弧のない「12月31日星期四」「12월 31일 목요일」、数字の「12/31(목)」「2026. 12. 31.(목)」）の日付も、その言語の曜日で確かめます。「12월 5일(토)~6일(일)」
    「12月5日（周六）、6日（周日）」「12月5日（周六）—6日（周日）」「12月5日（周六）至6日（周日）」「12월 5일(토)부터 6일(일)까지」
    「12월 5일(토)에서 6일(일)까지」のように月を省いた後ろの日も、日本語と同じく直前の月として確かめます。ベトナム語・ポルトガル語・スペイン語の、日を先に書く
    日付（「31/12 (Thứ Năm)」「29/12 (terça-feira)」「29/12 (martes)」）も、曜日がその言語で書かれていれば日/月の順に読んで
    確かめます。曜日を先に書いた「terça-feira, 5 de janeiro」「martes, 5 de enero」「Thứ Hai, ngày 4/1」「Thứ Hai, ngày 4 tháng 1」と、
    「4 de janeiro (segunda-feira)」「4 de enero (lunes)」「ngày 4 tháng 1 (Chủ Nhật)」も同じです（曜日は略さない形だけ。窓口の案内の「de lunes a viernes, 5/1 al 9/1」の
    ように曜日の範囲の後に日の範囲を書いたものは、両端の曜日と日が合っていれば対象外です）。
    ポルトガル語とスペイン語で同じ「sábado」「domingo」は、月の名前か投稿のほかの言葉から、どちらの言語で正しい曜日を示すかを決めます。ベトナム語で曜日を数字で書いた「31/12 (Thứ 5)」
    「Thứ 7, ngày 12/12」（Thứ 2 が月曜日、Thứ 7 が土曜日）も確かめます（「lần thứ 2」のような順番は対象外です）。
    「12月5日・6日（土・日）」「12月31日・1月1日（木・金）」「令和8年12月31日・令和9年1月1日（木・金）」のように二つの日と曜日を並べた書き方は両方を確かめます（後ろに続く「4日（月）」は2つ目の日の月として確かめます）。「12/5(土)/12/19(土)」
    「5日（土）／19日（土）」のように「/」で区切って並べた日付も、「①12月5日（土）②12月12日（土）」のように丸数字で番号を付けた日付も、それぞれ確かめます。「11月31日（月）」
    のように存在しない日付も止めます。昭和・大正・明治（「昭和39年10月1日（木）」「S39.10.1(木)」）
    の日付にも対応します。
    「12月第1土曜日（12月5日）」「第2・第4水曜日（12月9日・23日）」「12月12日（第2土曜日）」のように、
    日付と「第○○曜日」を並べた書き方は、その日が本当にその月の第○○曜日かを確かめ、括弧の中を直した形を
    提案します（第5土曜日のない月も知らせます）。
    「土曜日（12月5日）」「土曜日（12月5日・12日）」のように曜日の後の括弧に日付だけを書いたものも、
    その曜日かを確かめます。「毎週土曜日（12月5日を除く）」「隔週土曜日（…）」「土・日曜日（12月5日・6日）」
    は対象外です。

    「11月25日（水・祝）」「12月23日（水・祝）」「11/25（祝）」のように祝日の印を付けた日が祝日（振替休日を
    含む）でなければ知らせます（「（休）」は休館日の意味でも、「（振休）」は学校の振替休業日の意味でも使うので
    対象外です）。「22日（日）～24日（火・祝）」
    「12月の休館日：23日（水・祝）」、曜日を書かず祝の印だけの「12月31日（木）～2日（祝）」（年をまたぐので翌年1月2日）のように
    月を省いた日も、曜日と同じく前の月として確かめます。
    「令和7年（2026年）」「2026年（令和7年）」のように和暦と西暦を並べた年が食い違うものも止めます。
    その元号の期間にない日付（「平成31年5月1日」は令和元年5月1日、「令和元年4月30日」は平成31年4月30日）と、
    平成が終わった後の「平成38年」「平成38年度」「H38.4.1」（更新されていない様式やシステムの日付）も止め、正しい元号の
    書き方を示します（「昭和100年」のような記念の呼び方は対象外です）。
    投稿日時が決まっている下書き（入力画面で投稿予定日時を指定したもの、`kessai check --at`）では、
    「本日12月6日」「明日（12月7日）」「12月7日（明日）」の「本日」「明日」「昨日」などが投稿日から数えた
    日と合うかも確かめます（前日に予約した投稿の「本日」の誤りを見つけます）。「本日は12月6日のイベントに
    ついて」のように別の日を話題にしている書き方は対象外です。
    曜日を書いていない日付でも、「11月31日」「2月30日」「12月32日」「2026/2/30」のように存在しないものは止めます（年のない
    「2月29日」は、うるう年のこともあるので対象外です）。訂正の投稿で誤りとして示した日付
    （「誤：12月7日（土）」「12月7日（土）と記載しましたが」「12月7日ではなく」「12月7日（土）を12月6日（土）に
    訂正します」「12月7日（土）は12月6日（土）の誤りです」、訂正の投稿の「12月7日（土）→12月6日（土）」）は、
    直すべき箇所ではないので知らせません。
    時刻も同じように、どの時計にもない書き方を止めます。「午後13時」「午後13:30」「13:00 PM」は「午後1時」と
    「13時」のどちらの意味か読む人に分からないので、両方の形を示して直してもらいます（午前・午後を付けるときは
    12時までです。「午前0時」「午後12時」は対象外）。「10時75分」のように59を超える分も止めます。
    「1時間75分」のような時間の長さと、深夜の営業時間の「25時」は対象外です。
    """
    today = _local_today(ctx)
    hits = list(_weekday_hits(doc, today))
    if "祝" in doc.norm:
        hits.extend(_not_holidays(doc, today, [(h.start, h.end) for h in hits]))
    hits.extend(_impossible_dates(doc, today, [(h.start, h.end) for h in hits]))
    if "時" in doc.norm or ":" in doc.norm:
        hits.extend(_impossible_times(doc, [(h.start, h.end) for h in hits]))
    if "年" in doc.norm:
        hits.extend(_era_mismatches(doc))
    if any(era in doc.norm for era in ("令和", "平成", "昭和", "大正", "明治")) or _ERA_ABBR_HINT.search(doc.norm):
        overlaps = _overlap_test([(h.start, h.end) for h in hits])
        hits.extend(h for h in _stale_eras(doc) if not overlaps(h.start, h.end))
    if ctx.scheduled_at is not None and any(w in doc.norm for w in _RELATIVE_WORDS):
        posted = ctx.scheduled_at.astimezone(local_zone(ctx)).date()
        hits.extend(_relative_day_mismatches(doc, posted, [(h.start, h.end) for h in hits]))
    for hit in hits:
        if not _quoted_as_wrong(doc.text, hit.start, hit.end):
            yield hit


# A date a correction shows as the wrong one: 「誤：12月7日（土）」「（誤）…」, or 「…と記載しましたが」
# 「…は誤りです」「…ではなく」 right after it. It is what the post corrects, not a mistake to fix.
# A 正誤表 also writes 「誤 12月5日（金） 正 12月5日（土）」: a lone 「誤」 then a space (not 「錯誤」「正誤表」).
_WRONG_BEFORE = re.compile(r"(?:誤|誤り|誤記|誤表記|旧|×|✕)\s*+[:：)）】\]]\s*+$|(?<![^\s:：])誤\s++$")
_WRONG_AFTER = re.compile(
    r"\s*+[」』]?\s*+(?:と(?:記載|表記|掲載|案内|ご案内|お知らせ|書い|記し|誤|し(?:てい|ており))|は誤り|は間違い|ではなく|ではありません)"
)


# Or the date the right one then replaces: 「12月5日（金）を12月5日（土）に訂正します」「…から…に修正」
# 「12月5日（金）は12月5日（土）の誤りです」, and in a correction 「12月5日（金）→12月5日（土）」. Another date
# must follow at once: 「12月5日（金）は資料に訂正がある場合のみ」 is no correction of the date, nor is an
# arrow in a post that corrects nothing (「受付 12月4日（金）→ 抽選 12月5日（土）」).
_DATE_LEAD = r"(?:[（(【]\s*+正\s*+[）)】]\s*+)?(?=[0-9０-９〇一二三四五六七八九十]|(?:令和|平成|昭和|[RHSＲＨＳ])\s*+[0-9０-９元])"
# 「から」 only with 「に訂正」: 「受付期間を12月1日（月）から12月5日（土）に修正しました」 may be the new span.
# Not a word 「訂正」「修正」 begins: 「12月5日（金）は12月4日（木）に修正申告をした方」「…に訂正版を配布」.
_NOT_A_WORD_OF = r"(?![版届印]|申告|申請)"
_REPLACED_BY = re.compile(
    rf"\s*+(?:(?:を|は)\s*+[、,]?\s*+{_DATE_LEAD}[^。\n]{{1,30}}?(?:(?:に|へ)(?:訂正|修正){_NOT_A_WORD_OF}"
    rf"|の(?:誤り|誤記|間違い)(?!探))"
    rf"|から\s*+[、,]?\s*+{_DATE_LEAD}[^。\n]{{1,30}}?(?:に|へ)訂正{_NOT_A_WORD_OF})"
)
_ARROW_TO = re.compile(rf"\s*+(?:→|⇒|➡|->|=>)\s*+{_DATE_LEAD}")
# What makes a post one about a correction, for its arrows: not any 「誤」 or 「訂正」 (「誤配送」「ごみの誤った
# 出し方」「訂正届の受付」「訂正方法の説明会」「記入誤りのないよう」), where 「12月1日（月）→12月5日（土）」 is a
# schedule's span.
_CORRECTION_POST = re.compile(
    r"訂正(?![届印版]|方法|請求|申請|手続)|誤り(?![のが]ないよう)|誤記|誤植|誤字|誤表記|誤投稿|誤掲載|正誤|誤って"
    r"|誤った(?:日|曜|記載|表記|掲載|内容|情報|お知らせ|案内)|[（(【]\s*+誤\s*+[）)】]|誤\s*+[:：]"
)


def _quoted_as_wrong(text: str, start: int, end: int) -> bool:
    return bool(
        _WRONG_BEFORE.search(text, max(0, start - 8), start)
        or _WRONG_AFTER.match(text, end)
        or _REPLACED_BY.match(text, end)
        or (_ARROW_TO.match(text, end) is not None and _CORRECTION_POST.search(text) is not None)
    )


# A month and a day: 「12月6日」「12/6」 (not 「12.6」: 「明日1.5倍」 is a number).
_MD = rf"(?P<m>{_NUM})\s*+[月/]\s*+(?P<d>{_NUM})\s*+日?"
# A date marked as a public holiday: 「11月24日（月・祝）」「11/24(祝)」. Not 「（休）」: that is also a
# facility's closing day; nor 「（振休）」: schools write it for their own make-up day off (振替休業日,
# 「学習発表会 12月6日（土）、8日（月・振休）」), which the national calendar does not know.
_HOLIDAY_MARK = re.compile(
    rf"(?<![0-9{KANJI_DIGITS}十])(?:(?P<y>[0-9]{{4}})\s*+[年/.]\s*+)?{_MD}\s*+{_OPEN}\s*+(?:(?P<w>[{WEEKDAYS}])(?:曜日?)?\s*+[・･,、]?\s*+)?(?P<h>祝日|祝)\s*+{_CLOSE}"
)


def _overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool]:
    """Whether [a, b) overlaps one of ``spans``, in log time (a draft can hold thousands of dates)."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    furthest = list(accumulate((b for _, b in spans), max))  # of the spans starting up to each one

    def overlaps(a: int, b: int) -> bool:
        before = bisect_left(starts, b)  # the spans that start before [a, b) ends
        return bool(before) and furthest[before - 1] > a

    return overlaps


def _not_holidays(doc: Document, today: date, reported: list[tuple[int, int]]) -> Iterator[Hit]:
    """A date marked 祝 that is no public holiday (「12月23日（火・祝）」: the Emperor's birthday moved
    to 23 February in 2020). A date whose weekday is wrong is reported for that alone."""
    overlaps = _overlap_test(reported)
    for m in _HOLIDAY_MARK.finditer(doc.norm):
        start, end = doc.span(m.start(), m.end())
        if overlaps(start, end):
            continue
        actual = _written_date(m.group("y"), _number(m.group("m")), _number(m.group("d")), today)
        if actual is None:
            continue
        reading = _not_holiday_reading(actual, today, guessed=not m.group("y"), weekday=m.group("w"))
        if reading is not None:
            yield _holiday_mark_hit(doc, (start, end), doc.span(*m.span("h")), reading, with_weekday=bool(m.group("w")))


def _not_holiday_reading(actual: date, today: date, *, guessed: bool, weekday: str | None) -> date | None:
    """The reading of a date marked 祝 (``actual``, in the nearest year when its year is ``guessed``)
    to report as no holiday, or None. Far from the posting day the other neighbouring year is read
    too (see _other_year_shift); with a weekday written (kanji), only the readings it fits count:
    「1月12日（火・祝）」 written in July is January 2027 by its weekday, and no holiday then, though
    2026-01-12 was 成人の日. A weekday fitting no reading is reported for that alone."""
    from bot.calendar import holiday_name  # the rules stay importable without the calendar's data

    readings = [actual]
    if guessed and (other := _shifted(actual, _other_year_shift(actual, today))) is not None:
        readings.append(other)
    if weekday:
        readings = [d for d in readings if WEEKDAYS[d.weekday()] == weekday]
    if not readings or any(holiday_name(d) is not None for d in readings):
        return None
    return readings[0]


def _holiday_mark_hit(doc: Document, span: tuple[int, int], mark: tuple[int, int], actual: date, *,
                      with_weekday: bool) -> Hit:
    """The finding for a date (``span``) marked 祝 (``mark``) that is no holiday; with its
    weekday written, the suggestion is the date without the mark."""
    (start, end), (mark_start, mark_end) = span, mark
    written = doc.text[mark_start:mark_end]
    fixed = doc.text[start:mark_start].rstrip("・･,、 　") + doc.text[mark_end:end]
    return Hit(
        start,
        end,
        f"{actual.year}年{actual.month}月{actual.day}日は祝日ではありません（「{written}」と書かれています）。日付か祝日の表示を確認してください。",
        suggestion=fixed if with_weekday else None,
    )


# The holiday mark at the end of a later day's weekday: 「23日（月・祝）」 of 「22日（日）～23日（月・祝）」.
_DAY_HOLIDAY_MARK = re.compile(rf"(?P<h>祝日|祝)\s*+{_CLOSE}$")


def _later_day_not_holiday(doc: Document, m: re.Match[str], today: date, year: int | None, month: int,
                           day: int) -> Iterator[Hit]:
    """A later day of a range or list, its month carried from the date before (「11月22日（日）～
    24日（火・祝）」), marked 祝 when it is no holiday; _HOLIDAY_MARK sees only dates with their month."""
    mark = _DAY_HOLIDAY_MARK.search(m.group())
    if mark is None:
        return
    actual = _written_date(year, month, day, today)
    if actual is None:
        return
    with_weekday = not m.group(_HOLIDAY_ONLY_GROUP)
    weekday = _as_kanji(m.group(_written_group(m, _WD_ONLY_GROUPS))) if with_weekday else None
    reading = _not_holiday_reading(actual, today, guessed=not year, weekday=weekday)
    if reading is not None:
        yield _holiday_mark_hit(doc, doc.span(m.start(), m.end()),
                                doc.span(m.start() + mark.start("h"), m.start() + mark.end("h")), reading,
                                with_weekday=with_weekday)


# 「本日12月5日（金）」「明日（12月6日）」「12月6日（明日）」 in a post with a posting time: the word and
# the date must name the same day, counted from the day it is posted (a reservation made the day
# before still says 「本日」 of the day it goes out).
_RELATIVE_DAYS = {"本日": 0, "今日": 0, "きょう": 0, "明日": 1, "あす": 1, "あした": 1, "明後日": 2, "あさって": 2,
                  "昨日": -1, "きのう": -1}
_RELATIVE_WORDS = tuple(_RELATIVE_DAYS)
_RELATIVE_WORD = "|".join(sorted(_RELATIVE_DAYS, key=len, reverse=True))
_RELATIVE_DATE = re.compile(
    # Right after the word, or after 「の」 or in brackets: 「本日は12月6日のイベントについて」 and
    # 「本日、12月6日からの受付を…」 speak of another day.
    rf"(?<![0-9])(?P<word>{_RELATIVE_WORD})\s*+(?:の\s*+|(?P<open>{_OPEN})\s*+)?(?<![0-9]){_MD}(?![0-9])"
    rf"(?(open)\s*+{_CLOSE}?)"
    rf"|(?<![0-9]){_MD.replace('?P<m>', '?P<m2>').replace('?P<d>', '?P<d2>')}\s*+(?:\([{WEEKDAYS}]\))?\s*+"
    rf"{_OPEN}\s*+(?P<word2>{_RELATIVE_WORD})\s*+{_CLOSE}"
)


def _relative_day_mismatches(doc: Document, posted: date, reported: list[tuple[int, int]]) -> Iterator[Hit]:
    """「本日12月5日」 in a post that goes out on 6 December."""
    overlaps = _overlap_test(reported)
    for m in _RELATIVE_DATE.finditer(doc.norm):
        k = "" if m.group("word") else "2"
        word = m.group("word" + k)
        meant = posted + timedelta(days=_RELATIVE_DAYS[word])
        written = _written_date(None, _number(m.group("m" + k)), _number(m.group("d" + k)), posted)
        if written is None or written == meant:
            continue
        start, end = doc.span(m.start(), m.end())
        if overlaps(start, end):
            continue
        yield Hit(
            start,
            end,
            f"投稿予定日（{posted.month}月{posted.day}日）から見ると「{doc.original(*m.span('word' + k))}」は"
            f"{meant.month}月{meant.day}日です（{written.month}月{written.day}日と書かれています）。"
            "予約投稿の日時か、日付を確認してください。",
        )


# A year written both ways, one in brackets: 「令和8年（2026年）」「2026年（令和8年）」「令和8年度（2026年度）」.
_ERA_YEAR = rf"(?P<era>令和|平成|昭和|大正|明治)\s*+(?P<ey>元|[0-9]{{1,2}}|[{KANJI_DIGITS}十]{{1,3}})\s*+年"
_WESTERN_YEAR = r"(?<![0-9])(?P<y>[0-9]{4})\s*+年?"
_BOTH_YEARS = re.compile(
    rf"(?P<written>{_ERA_YEAR})(?P<fy>度)?\s*+[(（]\s*+{_WESTERN_YEAR}度?\s*+[)）]"
    rf"|{_WESTERN_YEAR.replace('?P<y>', '?P<y2>')}(?P<fy2>度)?\s*+[(（]\s*+"
    rf"(?P<written2>{_ERA_YEAR.replace('?P<era>', '?P<era2>').replace('?P<ey>', '?P<ey2>')})度?\s*+[)）]"
)


def _era_mismatches(doc: Document) -> Iterator[Hit]:
    """「令和7年（2026年）」: the two ways of writing the year name different years."""
    for m in _BOTH_YEARS.finditer(doc.norm):
        k = "" if m.group("era") else "2"
        era, ey, y = m.group("era" + k), m.group("ey" + k), m.group("y" + k)
        if ey != "元" and _number(ey) == 0:
            continue  # 「令和〇年」: a blank to fill in
        western = _era_year(era, ey)
        if western == int(y):
            continue
        fiscal = "度" if m.group("fy" + k) else ""
        written = doc.original(*m.span("written" + k))
        start, end = doc.span(m.start(), m.end())
        yield Hit(
            start,
            end,
            f"{written}{fiscal}は{western}年{fiscal}です（「{y}年{fiscal}」と書かれています）。"
            "年の表記を確認してください。",
        )


_ERA_DATE = re.compile(
    rf"(?<![A-Za-z])(?P<era>令和|平成|昭和|大正|明治)\s*+(?P<ey>[0-9]{{1,2}}|元|[{KANJI_DIGITS}十]{{1,3}})\s*+年"
    rf"(?P<fy>度)?(?:\s*+(?P<m>{_NUM})\s*+月\s*+(?P<d>{_NUM})\s*+日)?"
    # The short form of forms and systems: 「H38.4.1」「R1.4.30」.
    r"|(?<![A-Za-z0-9])(?P<abbr>[RHS])(?P<aey>[0-9]{1,2})\.(?P<am>[0-9]{1,2})\.(?P<ad>[0-9]{1,2})(?![0-9]|\.[0-9])"
)
_ERA_OF_LETTER = {"R": "令和", "H": "平成", "S": "昭和"}
_ERA_ABBR_HINT = re.compile(r"[RHS][0-9]{1,2}\.[0-9]")


def _in_era(day: date) -> str:
    """「令和元年5月1日」 for 2019-05-01: the date as its own era writes it."""
    era, start, _ = next(e for e in reversed(ERA_SPANS) if e[1] <= day)
    year = day.year - ERA_BASE[era]
    return f"{era}{'元' if year == 1 else year}年{day.month}月{day.day}日"


def _stale_eras(doc: Document) -> Iterator[Hit]:
    """An era date outside its era (「平成31年5月1日」, 「令和元年4月30日」), and a 平成 year after it
    ended (「平成38年」: a form or a system that was never updated)."""
    for m in _ERA_DATE.finditer(doc.norm):
        if m.group("abbr"):
            era, ey, month, dom = _ERA_OF_LETTER[m.group("abbr")], m.group("aey"), m.group("am"), m.group("ad")
        else:
            era, ey, month, dom = m.group("era"), m.group("ey"), m.group("m"), m.group("d")
        year = _era_year(era, ey)
        year_of_era = year - ERA_BASE[era]
        if year_of_era == 0:
            continue  # 「令和〇年」: a blank to fill in
        start_of, end_of = next((a, b) for e, a, b in ERA_SPANS if e == era)
        written = doc.original(m.start(), m.end())
        if month:
            try:
                day = date(year, _number(month), _number(dom))
            except ValueError:
                continue  # 「2月30日」 is _impossible_dates' to report
            if start_of <= day <= end_of:
                continue
            limit = f"{era}は{start_of.year}年{start_of.month}月{start_of.day}日から" if day < start_of else (
                f"{era}は{end_of.year}年{end_of.month}月{end_of.day}日まで")
            message = f"{written}は{_in_era(day)}です（{limit}）。年の表記を確認してください。"
        elif era == "平成" and year_of_era > 31:
            # Only 平成: 「昭和100年」 is how the hundredth year since 昭和 began is celebrated.
            fiscal = "度" if m.group("fy") else ""
            message = (
                f"{written}はありません（平成は31年（2019年）4月30日までです）。令和{year - ERA_BASE['令和']}年{fiscal}"
                f"（{year}年{fiscal}）のことか、年の表記を確認してください。"
            )
        else:
            continue
        yield Hit(*doc.span(m.start(), m.end()), message)


# Any month and day (a year, perhaps in an era, before them), for dates that cannot exist whether a
# weekday follows or not.
_ANY_DATE = guard(re.compile(
    rf"(?<![0-9{KANJI_DIGITS}十])(?:(?P<y>[0-9]{{4}})\s*+年\s*+|(?<![A-Za-z])(?P<era>{_ERAS})\s*+"
    rf"(?P<ey>[0-9]{{1,2}}|元)\s*+年\s*+)?(?P<m>{_NUM})\s*+月\s*+(?P<d>{_NUM})\s*+日"
))


# A numeric date with its year (「2026/2/30」「2026-02-30」「2026.2.30」): the year makes it a date, where
# 「2/30」 alone may be a fraction or a count.
_NUMERIC_DATE = guard(re.compile(
    r"(?<![0-9./\-])(?P<y>(?:19|20)[0-9]{2})(?P<sep>[/.\-])(?P<m>[0-9]{1,2})(?P=sep)(?P<d>[0-9]{1,2})(?![0-9]|[./\-][0-9])"
))


def _impossible_dates(doc: Document, today: date, found: list[tuple[int, int]]) -> Iterator[Hit]:
    """「11月31日」「2月30日」 without a weekday (those with one are _check_weekdays' to report, and
    ``found`` holds the spans reported already)."""
    if "月" not in doc.norm and not _NUMERIC_DATE.search(doc.norm):
        return
    overlaps = _overlap_test(found)
    view = _date_view(doc)
    for m in (*_ANY_DATE.finditer(view), *_NUMERIC_DATE.finditer(view)):
        month, day = _number(m.group("m")), _number(m.group("d"))
        if not (1 <= month <= 12 and day >= 29):
            continue  # 「〇月〇日」 and 「13月」 are no dates; days up to 28 are in every month
        year = _written_year(m)
        if year is None and (month, day) == (2, 29):
            continue  # a leap day in a year not written
        last = monthrange(year or 2001, month)[1]
        if day <= last:
            continue
        start, end = doc.span(m.start(), m.end())
        if overlaps(start, end):
            continue
        in_year = f"{year}年{month}月" if year else f"{month}月"
        leap = "（うるう年は29日）" if month == 2 and year is None else ""
        yield Hit(start, end, f"{month}月{day}日という日付はありません（{in_year}は{last}日{leap}までです）。日付を確認してください。")


# 午前・午後 before an hour past 12 (「午後13時」「午後13:30」「PM 13:00」), or AM/PM after one
# (「13:00 PM」): the writer meant either 「午後1時」 or 「13時」, and readers cannot tell which.
_HALF_DAY = r"午前|午後|(?<![A-Za-z])(?:[AaPp]\.?[Mm]\.?)(?![A-Za-z])"
_HALF_DAY_BEFORE = re.compile(
    rf"(?P<half>{_HALF_DAY})\s*+(?<![0-9{KANJI_DIGITS}十])(?P<h>{_NUM})\s*+(?:時(?!間)|:[0-9]{{2}}(?![0-9]))"
)
_AM_PM_HINT = re.compile(r"[AaPp]\.?[Mm]")
# Cheap tests first, starting with a literal: the patterns start with a lookbehind, tried everywhere.
_MINUTES_HINT = re.compile(rf"時\s*(?:[6-9][0-9]|[1-9][0-9]{{2}}|[{KANJI_DIGITS}十])")
_HALF_DAY_AFTER = re.compile(rf"(?<![0-9:])(?P<h>[0-9]{{1,2}}):[0-9]{{2}}\s*+(?P<half>{_HALF_DAY})")
# Minutes past 59 after an hour (「10時75分」「10時60分」); 「1時間75分」 is a length, not a time.
_MINUTES = re.compile(
    rf"(?<![0-9{KANJI_DIGITS}十])(?P<h>{_NUM})\s*+時\s*+(?P<mi>[0-9]{{2,3}}|[{KANJI_DIGITS}十]{{2,4}})\s*+分"
)


def _impossible_times(doc: Document, found: list[tuple[int, int]]) -> Iterator[Hit]:
    """Times of day that no clock shows: 「午後13時」 (午前・午後 go up to 12) and 「10時75分」."""
    norm = doc.norm
    overlaps = _overlap_test(found)
    if "午前" in norm or "午後" in norm or _AM_PM_HINT.search(norm):
        for m in (*_HALF_DAY_BEFORE.finditer(norm), *_HALF_DAY_AFTER.finditer(norm)):
            hour = _number(m.group("h"))
            if not 13 <= hour <= 24:
                continue  # 「午後0時」「午前12時」 are how noon and midnight are written
            start, end = doc.span(m.start(), m.end())
            if overlaps(start, end):
                continue
            half = m.group("half")
            # The same time as a 24-hour one (the 午前・午後 left out), and as a 12-hour one.
            (a, b), half_at = m.span("h"), m.start("half")
            plain = (norm[a : m.end()] if half_at < a else norm[m.start() : half_at]).strip()
            twelve = norm[m.start() : a] + _numeral_like(hour - 12, m.group("h")) + norm[b : m.end()]
            message = f"「{doc.text[start:end]}」という時刻はありません（{half}を付けるときは12時までで書きます）。"
            if (half == "午後" or half[:1] in "Pp") and hour < 24:
                message += f"「{twelve}」か「{plain}」のどちらかに直してください。"
            else:
                message += f"「{plain}」のことか、時刻を確認してください。"
            yield Hit(start, end, message)
    if "分" in norm and _MINUTES_HINT.search(norm):
        for m in _MINUTES.finditer(norm):
            minutes = _number(m.group("mi"))
            if minutes < 60:
                continue
            start, end = doc.span(m.start(), m.end())
            if not overlaps(start, end):
                yield Hit(start, end, f"「{doc.text[start:end]}」という時刻はありません（分は59までです）。時刻を確認してください。")


# Numbers in a circle or with a dot (「①」「⑫」「㉑」「⒊」) that number a schedule's lines: NFKC makes
# 「③12月19日」 「312月19日」, one number that is no date, and the date went unchecked.
_ENCLOSED_NUMBER = re.compile("[\u2460-\u2473\u2488-\u249b\u3251-\u325f\u32b1-\u32bf]")
_DIGIT_OR_DOT = re.compile(r"[0-9.]")


def _date_view(doc: Document) -> str:
    """`norm` with the characters an enclosed number became blanked, so a date right after one is read
    as a date. Same length, so offsets stay those of `norm`."""
    found = doc.memo.get(_date_view)
    if isinstance(found, str):
        return found
    view = doc.norm
    if _ENCLOSED_NUMBER.search(doc.text):
        chars = list(view)
        for m in _DIGIT_OR_DOT.finditer(view):
            if _ENCLOSED_NUMBER.match(doc.text, doc.span(m.start(), m.end())[0]):
                chars[m.start()] = " "
        view = "".join(chars)
    doc.memo[_date_view] = view
    return view


def _weekday_hits(doc: Document, today: date) -> Iterator[Hit]:
    """The weekday checks of every form (see weekday_mismatch)."""
    view = _date_view(doc)
    contexts = (
        list(_YEAR_CONTEXT.finditer(doc.norm)) if any(w in doc.norm for w in ("年", "おととし")) else []
    )
    context_ends = [c.end() for c in contexts]
    # Where the first month is named, if anywhere: asked for every day-only date, so found once.
    first_month = _MONTH_WORD.search(doc.norm)
    first_month_end = first_month.end() if first_month is not None else len(doc.norm) + 1
    japanese: dict[tuple[int, int], bool] = {}  # per sentence: is it Japanese (see _fits_day_first)
    # Dates with no weekday (「1月3日まで」), whose month a later day may carry: found once, when any
    # day-only date needs them.
    plain_dates: list[re.Match[str]] = list(_ANY_DATE.finditer(view)) if "月" in doc.norm else []
    plain_ends = [p.end() for p in plain_dates]
    last_month: tuple[int, int | None, int] | None = None  # (month, year, end offset in norm)
    last_day = 0  # the day of that date
    # The month (and year) a span ending on that date started in, when it named another (「12月21日（月）～1月8日（金）」):
    # a day after it may be in any month of the span (「（29日（火）～3日（日）を除く）」 is December's 29th).
    span_from: tuple[int, int | None, int] | None = None
    # The last day after two named months: (end offset in norm, day, the months named, the months past
    # the last named one its days have run into).
    two_months_day: tuple[int, int, list[int], list[int]] | None = None
    # The month and year of the last date whose weekday was right (「1月4日（月）」「1月：4日（月）」), which a date a
    # month or three later with no year of its own goes on from: a calendar's 「12月：6日（月）」 after its 「11月：1日（月）」
    # is in the same year, not the one nearest the posting day.
    # Only a date with no year written or named (a calendar's), just before: 「2024年1月1日（月・祝）」 and, paragraphs
    # on, 「3月11日（木）に黙とうを」 are of different years.
    chain: tuple[int, int, int] | None = None  # (month, year, end offset)
    # Whether the last date's year was written or named (and so the days after it that carry it): no calendar's.
    own_year = False
    # Whether the last date's month was January only by a word for the new year before it (「年明けは4日（月）から」).
    new_year_day = False
    for m in _DATE.finditer(view):
        said_new_year = False
        if m.group("m"):
            month = _number(m.group("m"))
            year = _written_year(m)
            fiscal = False
            if year is None:
                year, fiscal = _context_year(doc.norm, contexts, context_ends, m.start(), month, today, last_month)
            own_year = year is not None
            if year is None:  # 「…⏎11月1日（月）⏎12月6日（月）」: the calendar's next month
                year = _chain_year(doc.norm, chain, m, month, "d", ("pw1",) if m.group("d2") else _WD_GROUPS)
            if m.group("d2"):
                d1, d2 = _number(m.group("d")), _number(m.group("d2"))
                # 「30日・1日（月・火）」: the second day is in the next month; 「12月31日・1月1日」 names it.
                m2 = _number(m.group("pm2")) if m.group("pm2") else month if d2 >= d1 else month % 12 + 1
                y2 = year
                if m.group("py2") or m.group("pera2"):
                    y2 = _number(m.group("py2")) if m.group("py2") else _era_year(m.group("pera2"), m.group("pey2"))
                elif m2 < month:  # over the year end: the year after the first day's, written or nearest
                    first = year or (_nearest(month, d1, today) or today).year
                    y2 = first + 1
                days = [(year, month, d1, "pw1"), (y2, m2, d2, "pw2")]
            else:
                days = [(year, month, _number(m.group("d")), _written_group(m, _WD_GROUPS))]
            if fiscal and _fits_nearest_year(m, days, today):
                # A fiscal year before a date is as often the subject as the date's year: 「来年度分は
                # 12月1日（月）から」 takes applications this December for next year. Only a weekday
                # wrong in both readings is an error.
                year = None
                days = [(None, mo, d, g) for _, mo, d, g in days]
        else:
            named = _RELATIVE_MONTH.search(doc.norm, max(0, m.start() - 5), m.start())
            if named:  # 「来月5日（火）」: that month
                year, month = _months_from(today, _RELATIVE_MONTHS[named.group(1)])
                own_year = True
            elif (new_year := _new_year_month(doc.norm, m, last_month)) is not None:
                month, year = new_year  # 「年明けは4日（月）から」「年末年始の休館日：29日（火）～3日（日）」
                said_new_year = True
            elif (holiday := _holiday_month(doc.norm, m)) is not None:
                month, year = holiday, None  # 「成人の日の11日（月）は休館」
            elif _bare_day(doc.norm, m) and (
                last_month is None or not _BARE_AFTER.search(doc.norm, max(0, m.start() - 24), m.start())
            ):
                continue  # 「会議室A（土）・2（水）」「A・2（水）」: a bare number is a day only after a date
            elif last_month is None and first_month_end > m.start():
                if not m.group(_HOLIDAY_ONLY_GROUP):  # 「本日3日（祝）」: no month, and no weekday to fit one
                    yield from _check_day_only(doc, m, today)
                continue
            elif (heading := _TWO_MONTHS if (listed := _listed_after(doc.norm, two_months_day, m.start()))
                  else _month_heading(doc.norm, m.start(), last_month)) is not None:
                if heading == _TWO_MONTHS:
                    # 「10月20日（火）の後、11月、12月の休館日は23日（水）」: which of the two is not written, and the
                    # earlier date's month is neither. Not guessed: only a weekday wrong in every month named
                    # is reported. 「12月31日（水）～3日（土）」 later is left.
                    if not m.group(_HOLIDAY_ONLY_GROUP):
                        day = _number(m.group("d_only"))
                        # The months may be the topic and the day this month's or the next (「10月・11月の
                        # 相談件数は、18日（金）に公表」), and a smaller day after a range runs past the last
                        # month (「11月、12月の休館日：29日（火）～3日（日）」 ends on 3 January): a weekday right
                        # there is no error either.
                        also = [_months_from(today, k)[1] for k in (0, 1)]
                        # 「30日（月）と1日（火）、3日（金）」: the days listed after the first keep its months,
                        # however far they run from the months named.
                        months_named = two_months_day[2] if listed and two_months_day is not None \
                            else _named_months(doc.norm, m.start(), last_month)
                        past = two_months_day[3] if listed and two_months_day is not None else []
                        if two_months_day is not None and day < two_months_day[1] and months_named \
                                and m.start() - two_months_day[0] <= _HEADING_WITHIN:
                            past = [*past, (past[-1] if past else months_named[-1]) % 12 + 1]
                        yield from _check_day_in_months(doc, m, today, months_named, also + past)
                        two_months_day = (m.end(), day, months_named, past)
                    last_month = None
                    continue
                # 「12月の休館日：29日（月）」「【12月の開館日】⏎6日（土）」: the month said before, alone.
                month, year = heading, None
                # 「…⏎11月：1日（月）⏎12月：6日（月）」: the calendar's next month, in its year (the next after
                # December). A heading out of order or far on is read alone (「1月の…⏎12月の…」).
                year = _chain_year(doc.norm, chain, m, month, "d_only", _WD_ONLY_GROUPS)
                if year is None and contexts:  # 「【2027年 休館日カレンダー】⏎…⏎12月：6日（月）」
                    titled, unsure = _titled_year(doc.norm, contexts, context_ends, m.start(), month, today, last_month)
                    year = None if unsure else titled
                own_year = False
            elif (plain := _plain_date_before(doc.norm, plain_dates, plain_ends, m.start(), last_month)) is not None:
                # 「12月29日から1月3日まで閉庁し、4日（月）から通常業務」: the date just before has no weekday.
                p_year = _written_year(plain)
                if p_year is None:
                    p_year, unsure = _context_year(doc.norm, contexts, context_ends, plain.start(),
                                                   _number(plain.group("m")), today, None)
                    if unsure:
                        continue  # a year phrase that may be the subject, not this date's year: not guessed
                month, year = _number(plain.group("m")), p_year
                day, plain_day = _number(m.group("d_only")), _number(plain.group("d"))
                if day < plain_day and (
                    not _fits_plain_month(m, year, month, today)
                    # 「12月28日まで受付、4日（金）から再開」: things start again after the date, however right
                    # the weekday is of 4 December.
                    or _starts_again(doc.norm, m.end())
                    and plain_day - day > _days_in(month, year, today) - plain_day + day
                ):
                    # 「12月28日まで受付、4日（月）から再開」: a smaller day is in the next month, but only
                    # when it is not right in the date's own: 「申込は12月25日まで。説明会は18日（金）」.
                    month, year = month % 12 + 1, year and year + month // 12
            elif last_month is None or m.start() - last_month[2] > _CARRY_MONTH_WITHIN:
                continue
            elif (new_year_day and (end := _SENTENCE_END.search(doc.norm, last_month[2], m.start()))
                  and not m.group(_HOLIDAY_ONLY_GROUP) and not _fits_plain_month(m, last_month[1], 1, today)
                  and (abs(_number(m.group("d_only")) - last_day) > _NEW_YEAR_DAYS_NEAR
                       or _THIS_YEAR_WORD.search(doc.norm, end.end(), m.start())
                       or _number(m.group("d_only")) >= today.day
                       and _fits_plain_month(m, today.year, today.month, today))):
                # 「年明けは4日（月）から開庁します。年内は28日（月）まで」: no month was written, and a sentence on a day
                # far from the new year's one (or said of this year's end) wrong in January is as likely the posting
                # month's; read alone, as before the word was. So is a day still to come this month and right there
                # (「…。10日（木）までに申請してください」, posted on 7 December). A day a few days from it goes on in its
                # story: 「年明けは4日（月）から開庁します。5日（土）は混雑が予想されます」, posted on 7 December, is 5 January's,
                # and its weekday is told there.
                yield from _check_day_only(doc, m, today)
                continue
            else:
                month, year = last_month[0], last_month[1]
                day, noted = _number(m.group("d_only")), _NOTE_MARK.search(doc.norm, last_month[2], m.start())
                next_month, next_year = month % 12 + 1, year and year + month // 12
                nearer_next = last_day - day > _days_in(month, year, today) - last_day + day
                if day < last_day and (
                    # 「31日（木）～3日（日）」; not the 「から」 of the day before in its own sentence (「年明けは4日（月）から
                    # 開館します。3日（日）までは休館です」: the 3rd is January's, not February's).
                    _RANGE_MARK.search(doc.norm, last_month[2], m.start())
                    and not _SENTENCE_END.search(doc.norm, last_month[2], m.start())
                    # 「12月28日（月）～30日（水）、4日（金）から通常開館」: a list running on past the month's end,
                    # the next month's day nearer than this month's; a weekday right only this month is the
                    # calendar's wrong page.
                    or (not noted or _starts_again(doc.norm, m.end()))
                    and nearer_next
                    # Noted or listed back a few days and wrong in this month: the next month's only if right
                    # there. Wrong in both, it is told as this month's, the calendar the writer is reading:
                    # 「1月の休館日：12日（火）※11日（火・祝）は開館」 is 11 January, not a Thursday in February; but
                    # as the next month's when that one is nearer: 「12月25日（金）終業式※始業式は8日（月）」 is
                    # 8 January (a Friday), not 8 December seventeen days back.
                    or not _fits_plain_month(m, year, month, today)
                    and (nearer_next or _fits_plain_month(m, next_year, next_month, today))
                ):
                    # 「12月31日（水）～3日（土）」: a smaller day after a range mark is in the next month. One
                    # noted after it (「1月の休館日：12日（火）※11日（月・祝）は開館」) or listed back a few days
                    # (「14日（月）、7日（月）」) is in the same month when its weekday is right there, as 「18日（金）」
                    # after a plain date.
                    month, year = next_month, next_year
                elif span_from is not None and _SPAN_NOTE.search(doc.norm, last_month[2], m.start()) \
                        and not _fits_plain_month(m, year, month, today):
                    # 「12月21日（月）～1月8日（金）（29日（火）～3日（日）を除く）」: a day the span's note (or next line)
                    # takes out is in a month of the span it fits. A later date in the sentence (「、結果通知は
                    # 15日（火）」「。抽選は22日（火）」) or before the span's start is no day of it.
                    month, year = _span_month(m, span_from, (month, year), today)
            if m.group(_HOLIDAY_ONLY_GROUP):
                last_month, last_day = (month, year, m.end()), _number(m.group("d_only"))
                new_year_day = said_new_year
                yield from _later_day_not_holiday(doc, m, today, year, month, last_day)
                continue
            days = [(year, month, _number(m.group("d_only")), _written_group(m, _WD_ONLY_GROUPS))]
        # A later day carries the month of the last day before it: 「12月31日・1日（木・金）、4日（月）」 is in January.
        span_from = (
            (last_month[0], last_month[1], last_day)
            if m.group("m") and last_month is not None and last_month[0] != days[-1][1]
            and _RANGE_MARK.fullmatch(doc.norm[last_month[2] : m.start()].strip()) else None
        )
        last_month = (days[-1][1], days[-1][0], m.end())
        last_day = days[-1][2]
        new_year_day = said_new_year
        weekday_hits = list(_check_weekdays(doc, m, today, days, japanese, guessed=days[0][0] is None))
        yield from weekday_hits
        # Only a date read right goes on to the next: a wrong one's year may be the wrong one too.
        read = None if weekday_hits or own_year else _right_year(m, days[-1], today)
        chain = (*read, m.end()) if read is not None else None
        if not weekday_hits and not m.group("m") and "祝" in m.group():
            yield from _later_day_not_holiday(doc, m, today, year, month, days[0][2])
    if "曜" in doc.norm:
        if "第" in doc.norm:
            yield from _nth_weekdays(doc, today)
        yield from _weekday_then_dates(doc, today)
    if not doc.norm.isascii():
        yield from _chinese_korean_weekdays(doc, today)
    if any(c.isascii() and c.isalpha() for c in doc.text):
        yield from _english_weekdays(doc, today)
        yield from _day_month_weekdays(doc, today)


# 「第1土曜日（12月6日）」「第2・第4水曜日（12月9日・12月23日）」 and 「12月5日（第1土曜日）」: a
# recurring day with the date it falls on this time; both must name the same day. A month has at most
# five of a weekday, so lists stop at five: unbounded, 「第1・」 repeated made the search quadratic.
_ORD = r"[1-5]|[一二三四五]"
_NTH = rf"第\s*+(?:{_ORD})(?:\s*+[・･,、]\s*+第?\s*+(?:{_ORD})){{0,4}}\s*+(?P<nw>[{WEEKDAYS}])曜日?"
_MONTH_DAY = rf"(?:(?P<dm>{_NUM})\s*+月\s*+)?(?P<d>{_NUM})\s*+日"
_NTH_DATE = re.compile(
    rf"(?:(?P<month>{_NUM})\s*+月\s*+の?\s*+)?(?P<nth>{_NTH})\s*+{_OPEN}\s*+"
    rf"(?P<days>(?:(?:{_NUM})\s*+月\s*+)?(?:{_NUM})\s*+日(?:\s*+[・･,、]\s*+(?:(?:{_NUM})\s*+月\s*+)?(?:{_NUM})\s*+日){{0,4}})"
    rf"\s*+{_CLOSE}"
    rf"|(?<![0-9{KANJI_DIGITS}十])(?P<date>(?:{_NUM})\s*+月\s*+(?:{_NUM})\s*+日)\s*+{_OPEN}\s*+(?P<nth2>{_NTH.replace('?P<nw>', '?P<nw2>')})\s*+{_CLOSE}"
)
_ORDINALS = re.compile(_ORD)
_ONE_DAY = re.compile(_MONTH_DAY)


def _ordinal(s: str) -> int:
    return int(s) if s.isascii() else "一二三四五".index(s) + 1


def _nth_of(d: date) -> int:
    return (d.day - 1) // 7 + 1


def _nth_day(year: int, month: int, n: int, weekday: int) -> date | None:
    """The `n`th `weekday` (Monday 0) of the month, None when the month has no such day (第5)."""
    first = date(year, month, 1)
    day = 1 + (weekday - first.weekday()) % 7 + 7 * (n - 1)
    return date(year, month, day) if day <= monthrange(year, month)[1] else None


def _numeral_like(n: int, written: str) -> str:
    """`n` in the numerals of `written`: 「5」, 「５」 or 「五」「二十」."""
    if written.isascii():
        return str(n)
    if all("０" <= c <= "９" for c in written):
        return str(n).translate(_TO_FULLWIDTH)
    tens, ones = divmod(n, 10)
    return (KANJI_DIGITS[tens] if tens > 1 else "") + ("十" if tens else "") + (KANJI_DIGITS[ones] if ones else "")


_TO_FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def _nth_weekdays(doc: Document, today: date) -> Iterator[Hit]:
    """Each date paired with the 「第N X曜日」 written beside it, checked to be that day. The part in
    brackets is the one the suggestion corrects, as for a weekday in brackets."""
    for m in _NTH_DATE.finditer(doc.norm):
        in_brackets = bool(m.group("nth2"))
        nth_group, wd_group = ("nth2", "nw2") if in_brackets else ("nth", "nw")
        weekday = m.group(wd_group)
        ordinals = list(_ORDINALS.finditer(doc.norm, m.start(nth_group), m.start(wd_group)))
        if in_brackets:
            days = [d for d in [_ONE_DAY.match(doc.norm, m.start("date"), m.end("date"))] if d]
            month_no = None
        else:
            days = list(_ONE_DAY.finditer(doc.norm, m.start("days"), m.end("days")))
            month_no = _number(m.group("month")) if m.group("month") else None
        if len(ordinals) != len(days) and len(ordinals) != 1:
            continue  # 「第1・第3土曜日（5日）」: which day is which is not written
        wanted = WEEKDAYS.index(weekday)
        wrong: list[str] = []
        fixes: list[tuple[int, int, str]] = []  # spans in norm, and what to write there
        for k, day_m in enumerate(days):
            if day_m.group("dm"):
                month_no = _number(day_m.group("dm"))
            if month_no is None:
                continue  # 「第1土曜日（5日）」 alone: no month to count in
            ordinal = ordinals[k] if len(ordinals) == len(days) else ordinals[0]
            n = _ordinal(ordinal.group())
            actual = _nearest(month_no, _number(day_m.group("d")), today)
            if actual is None:
                continue  # 「11月31日」: not a day, and no weekday written after it to check
            if actual.weekday() == wanted and _nth_of(actual) == n:
                continue
            other = _shifted(actual, _other_year_shift(actual, today))
            if other is not None and other.weekday() == wanted and _nth_of(other) == n:
                continue  # far from the posting day: the other year may be meant (see _other_year_shift)
            meant = _nth_day(actual.year, actual.month, n, wanted)
            wrong.append(
                f"{actual.year}年{actual.month}月{actual.day}日は第{_nth_of(actual)}{WEEKDAYS[actual.weekday()]}曜日です"
                + (f"（{actual.month}月の第{n}{weekday}曜日は{meant.day}日です）" if meant
                   else f"（{actual.year}年{actual.month}月に第{n}{weekday}曜日はありません）")
            )
            if in_brackets:
                fixes.append((*ordinal.span(), _numeral_like(_nth_of(actual), doc.original(*ordinal.span()))))
                fixes.append((*m.span(wd_group), WEEKDAYS[actual.weekday()]))
            elif meant is not None:
                fixes.append((*day_m.span("d"), _numeral_like(meant.day, doc.original(*day_m.span("d")))))
        if not wrong:
            continue
        start, end = doc.span(m.start(), m.end())
        suggestion = None
        if len(fixes) == (2 if in_brackets else len(wrong)):
            parts, pos = [], start
            for a, b, text in sorted(fixes):
                oa, ob = doc.span(a, b)
                parts += [doc.text[pos:oa], text]
                pos = ob
            suggestion = "".join(parts) + doc.text[pos:end]
        yield Hit(start, end, "。".join(wrong) + "。日付か「第○○曜日」を確認してください。", suggestion=suggestion)


# 「土曜日（12月6日）」「土曜日（12月6日・13日）」: the weekday first and its dates in brackets,
# nothing else inside them (「毎週土曜日（12月6日を除く）」 names an exception, not the day).
_WEEKDAY_THEN_DATES = re.compile(
    rf"(?P<word>(?P<wd>[{WEEKDAYS}])曜日?)\s*+{_OPEN}\s*+"
    rf"(?P<days>(?:{_NUM})\s*+月\s*+(?:{_NUM})\s*+日(?:\s*+[・･,、]\s*+(?:(?:{_NUM})\s*+月\s*+)?(?:{_NUM})\s*+日){{0,4}})"
    rf"\s*+{_CLOSE}"
)
# Before the weekday: a recurring day (「毎週」「隔週」, 「第1」 is _nth_weekdays') or a list of
# weekdays (「土・日曜日（12月6日・7日）」, which date is which is not written).
_NOT_ONE_DAY_BEFORE = re.compile(
    rf"(?:毎週?|隔週|第\s*+(?:{_ORD})(?:\s*+[・･,、]\s*+第?\s*+(?:{_ORD}))*|[・･,、~～〜\-])\s*+$"
)


def _weekday_then_dates(doc: Document, today: date) -> Iterator[Hit]:
    """Each date in brackets after the weekday it falls on (「土曜日（12月6日）」), checked to be that
    weekday. The suggestion corrects the weekday, as for a weekday after a date."""
    for m in _WEEKDAY_THEN_DATES.finditer(doc.norm):
        if _NOT_ONE_DAY_BEFORE.search(doc.norm, max(0, m.start() - 12), m.start()):
            continue
        wanted = WEEKDAYS.index(m.group("wd"))
        month = 0
        actual_days: list[date] = []
        for day_m in _ONE_DAY.finditer(doc.norm, m.start("days"), m.end("days")):
            if day_m.group("dm"):
                month = _number(day_m.group("dm"))
            actual = _nearest(month, _number(day_m.group("d")), today)
            if actual is not None:
                actual_days.append(actual)
        wrong = [d for d in actual_days if d.weekday() != wanted and not _fits_other_year(d, wanted, today)]
        if not wrong:
            continue
        start, end = doc.span(m.start(), m.end())
        said = "。".join(f"{d.year}年{d.month}月{d.day}日は{WEEKDAYS[d.weekday()]}曜日です" for d in wrong)
        suggestion = None
        if len({d.weekday() for d in actual_days}) == 1:  # one weekday fits every date: write it
            a, b = doc.span(*m.span("wd"))
            suggestion = doc.text[start:a] + WEEKDAYS[wrong[0].weekday()] + doc.text[b:end]
        yield Hit(
            start,
            end,
            f"{said}（「{doc.original(*m.span('word'))}」と書かれています）。日付か曜日を確認してください。",
            suggestion=suggestion,
        )


# A month named relative to the posting day right before the day (「来月5日（火）」).
_RELATIVE_MONTHS = {"先月": -1, "前月": -1, "今月": 0, "本月": 0, "来月": 1, "翌月": 1, "再来月": 2}
_RELATIVE_MONTH = re.compile(r"(再来月|先月|前月|今月|本月|来月|翌月)(?:の)?\s*+$")
# A month named anywhere before a day (「3月の行事予定」): the day may be in that month.
_MONTH_WORD = re.compile(rf"(?:{_NUM})\s*+月(?!曜)|[0-9]{{1,2}}/[0-9]")


# A word for the year's first days before a day without its month (「年明けは4日（月）から開庁します」「年始は」「新年は」
# 「仕事始めは」「年明け最初の開庁日は」): the day is January's, whatever month the post is written in or named before.
# Not 年末年始 (the closure, from December), 新年度 (April) or 新年会 (whose season runs through December: 「忘年会・新年会
# シーズン、18日（金）から飲酒運転撲滅運動」); not a day the new year is got ready on (「新年を迎えるしめ縄作りは20日（日）」
# 「年明けに向けた大掃除は」「年明け前の」「年明けまでの」: に・を・まで・前 between), and not 正月 before a noun, which
# names December's classes as often (「お正月飾り作り教室は20日（日）」). Between the word and the day a particle, or a
# few letters of the same clause that name the opening day or the office's work (_OPENING_WORD): 「年明けの準備のため、
# 28日（月）は」「年明け実施の説明会は18日（金）」 are December's. For 正月 only its 「は」.
_NEW_YEAR_BEFORE = re.compile(
    r"(?:(?<!年末)(?<!年末・)年始|年明け|新年(?![度会])|仕事始め|御用始め)(?P<between>[^0-9。、！？!?\n~〜～にをま前]{0,10})"
    r"[、,]?\s*+$"
    # 「お正月は3日（日）まで休館」: 正月 as the topic, the day right after it.
    r"|(?<!旧)正月(?:三が日)?\s*+[はも][、,]?\s*+$"
    # 「元日1日（金）は休業」「元旦の1日（金）」: the day's own name before it.
    r"|元[日旦]\s*+の?\s*+$"
)
_NEW_YEAR_WITHIN = 16
# How many days from such a January day a day in the next sentence may be and still be January's (see _weekday_hits), and
# the words that put it in this year's end instead (「年内は7日（月）まで」「仕事納めの28日（月）」).
_NEW_YEAR_DAYS_NEAR = 7
_THIS_YEAR_WORD = re.compile(r"年内|年末|今年|本年|今月|本日|今日|明日|仕事納め|御用納め|大晦日|大みそか|12月|十二月")
# 「年末年始の休館日：29日（火）～3日（日）」「年末年始は28日（月）から休館」: the closure over the year end, its days in
# December from the middle of the month and in January before it, whatever month the post is written in (posted in
# November, 29 and 3 were read as November's or December's).
_YEAR_END_BEFORE = re.compile(r"年末年始(?P<between>[^0-9。、！？!?\n~〜～にをま前]{0,10})[、,]?\s*+$")
_YEAR_END_FROM_DAY = 15
# What may stand alone between such a word and its day (「年明けは」「年始の」「年明け：」「【年始】」), and the words of
# the opening days or the office's work any longer stretch must hold (「年明け最初の開庁日は」「年始の業務開始は」
# 「年末年始の休館：」「年末年始の当番医は」).
_PARTICLES_BETWEEN = re.compile(r"[\sはもの:）)\]】》〉>」』]*")
_OPENING_WORD = re.compile(r"日|開|始|初|休|閉|受付|収集|診療|営業|業務|当番|窓口")


def _said_of_opening(found: re.Match[str] | None) -> bool:
    """Whether a match of _NEW_YEAR_BEFORE or _YEAR_END_BEFORE has only a particle or a word of the opening days
    between its word and the day."""
    if found is None:
        return False
    between = found.group("between")
    return not between or _PARTICLES_BETWEEN.fullmatch(between) is not None or _OPENING_WORD.search(between) is not None


def _new_year_month(norm: str, m: re.Match[str], last: tuple[int, int | None, int] | None) -> tuple[int, int | None] | None:
    """The month (and year, when the date before it wrote one) a day-only date ``m`` after a word for the new year
    (_NEW_YEAR_BEFORE: January) or for the year-end closure (_YEAR_END_BEFORE: December or January) is in; None after
    neither. With no year written before, the year is left to the nearest reading."""
    begin = max(0, m.start() - _NEW_YEAR_WITHIN)
    if not any(w in norm[begin : m.start()] for w in ("年", "始", "正月", "元")):  # most days: no such word
        return None
    if _said_of_opening(_NEW_YEAR_BEFORE.search(norm, begin, m.start())):
        month = 1
    elif _said_of_opening(_YEAR_END_BEFORE.search(norm, begin, m.start())):
        month = 12 if _number(m.group("d_only")) >= _YEAR_END_FROM_DAY else 1
    else:
        return None
    if last is None or not last[1]:
        return month, None
    # The year of the closure a date before it is in: 「12月28日（月）まで。年明けは…」 goes on into the next year.
    closure = last[1] if last[0] >= 7 else last[1] - 1
    return month, closure + (month == 1)


# A national holiday's name just before a day without its month (「成人の日の11日（月）は休館」「文化の日の3日（火）」「成人の日
# 記念式典は10日（日）」): the day is in the holiday's month, whatever month the post is written in (posted in November,
# 「成人の日の11日（月）」 was read as November's or December's 11th and told it was a Wednesday or a Friday). Between
# them a particle or a few letters of the day's event (「記念式典は」「のつどいは」), not a span, a goal or a sentence's
# end (「海の日に向けて、」「成人の日まで」「敬老の日の前に」).
_HOLIDAY_MONTHS = {
    "成人の日": 1, "建国記念の日": 2, "天皇誕生日": 2, "春分の日": 3, "昭和の日": 4, "憲法記念日": 5, "みどりの日": 5,
    "こどもの日": 5, "海の日": 7, "山の日": 8, "敬老の日": 9, "秋分の日": 9, "スポーツの日": 10, "体育の日": 10,
    "文化の日": 11, "勤労感謝の日": 11,
    # The days of the year's customs fixed to their month: the fire brigade's new year parade, 七草 (7 January), 鏡開き
    # (11 January), 小正月 (15 January), 節分 (3 February). Not 成人式, held in summer in snowy towns.
    "出初式": 1, "七草": 1, "鏡開き": 1, "小正月": 1, "節分": 2,
}
# Between the name and the day, words of something done before the day, in another month as often (「成人の日記念式典の
# 申込は20日（金）まで」「出初式の準備のため、8日（火）は」「文化の日展の搬入は30日（金）」「敬老の日のお祝い品は31日（月）から
# 配送」), or after it (「出初式の写真展は15日（火）まで」).
_BEFORE_THE_DAY = re.compile(
    r"申込|申し込|受付|締切|締め切|〆切|募集|準備|練習|予行|リハーサル|打合|打ち合|搬入|出品|応募|提出|予約|発送|配送|配布"
    r"|お祝い品|写真|展"
)
# 「秋の七草」 are September's flowers, not 7 January's (「秋の七草観察会は20日（日）」), and a name's 日 may begin another
# word (「伝統文化の日本舞踊教室」「こどもの日本語教室」「雪山の日帰りツアー」「海の日曜教室」).
_HOLIDAY_BEFORE = re.compile(
    "(?<!秋の)(?P<h>" + "|".join(_HOLIDAY_MONTHS) + r")(?![本帰曜常])(?P<between>[^0-9。、！？!?\n~〜～にをま前後]{0,6})[、,]?\s*+$"
)
_HOLIDAY_WITHIN = 20


def _holiday_month(norm: str, m: re.Match[str]) -> int | None:
    """The month of the holiday named just before the day-only date ``m`` (_HOLIDAY_BEFORE), if one is."""
    begin = max(0, m.start() - _HOLIDAY_WITHIN)
    if not any(w in norm[begin : m.start()] for w in ("日", "式", "草", "開", "正月", "節分")):
        return None
    found = _HOLIDAY_BEFORE.search(norm, begin, m.start())
    if found is None or _BEFORE_THE_DAY.search(found.group("between")):
        return None
    if _PAST_TOPIC.search(norm, m.end(), _sentence_stop(norm, m.end())):
        # 「節分の3日（月）に行った豆まきの写真」, posted in December: last February's, not the nearest one's.
        return None
    month = _HOLIDAY_MONTHS[found.group("h")]
    # A day the holiday's month has not (「敬老の日の…31日（月）」) is another month's: read as before, not told 9月31日 is
    # no date.
    return month if _number(m.group("d_only")) <= (29 if month == 2 else monthrange(2001, month)[1]) else None


def _months_from(today: date, k: int) -> tuple[int, int]:
    """(year, month) `k` months after the month of `today`."""
    n = today.month - 1 + k
    return today.year + n // 12, n % 12 + 1


# A month named on its own, as the heading of days listed after it (「12月の休館日：」「12月は」
# 「【12月の開館日】」): a month not followed by its day, a little before, within the sentence or
# on the line just above.
_LONE_MONTH = re.compile(
    # 「12月は」「12月：」「【12月】」「12月の休館日：」「12月の予定は」「【12月の開館日】」: a heading or a topic,
    # not 「11月分の申請は」「11月いっぱい」「11月まで」「11月に続き」「12月から1月の」. A 「、」 before it
    # (「なお、12月の休館日は」) is a clause's, not a second month's: 「11月、12月の」 _month_heading refuses.
    rf"(?<![0-9{KANJI_DIGITS}十~〜・])(?P<m>{_NUM})\s*+月\s*+(?:には|は|も|[:】\]\n]|の[^\s。、:】\]の月]{{1,8}}(?:[:】\]\n]|は|[ \t\u3000]))"
)
_HEADING_WITHIN = 24


# How many months on a date may be and still be the next of a calendar (「休館日（隔月）⏎1月：…⏎3月：…」).
_CHAIN_APART = 3


# How far after such a date the next may be: the next line of a calendar, or the next item of its list.
_CHAIN_WITHIN = 40


# A sentence's end between two dates: the next is of another topic as often as the same list's (「次回は6月6日（日）に
# 実施予定です。前回（8月30日（日））は…」, posted in December, is last August's, not the next one's), and as often
# the calendar's next month (「1月の休館日は4日（月）です。2月の休館日は1日（月）です。」).
_SENTENCE_END = re.compile(r"[。！？!?]")
# Within a sentence, what joins the items of one list or span (「1月4日（月）、2月1日（月）」「7月18日（土）から8月23日（土）まで」),
# or a line break between a calendar's lines: the next date goes on in the chain's year whatever its weekday. Other
# words between make the next date another topic of the sentence as often (「6月6日（日）の防災訓練に向けて、8月30日（日）
# の訓練の反省会を」, posted in December, is last August's), read as past a sentence's end.
_CHAIN_JOIN = re.compile(r"(?:[\s、,・･/と&~〜～\-‐−–—()\[\]]|から|より|まで|及び|および|や)*+")


# Within a sentence, words that make a later date a past event's (「6月6日（日）の防災訓練に向けて、8月30日（日）の訓練の
# 反省会を」「…は、8月30日（日）の訓練の結果を踏まえて」) rather than the next item of the schedule (「6月6日（日）に防災訓練を、
# 8月30日（日）に水防訓練を実施します」, next August's, where last year's weekday copied is the error to tell).
_PAST_TOPIC = re.compile(
    r"前回|昨年|去年|先日|先般|反省|振り返|振返|行った|行われた|実施した|実施された|開催した|開催された|様子|結果|実績|報告"
)
_PAST_TOPIC_WITHIN = 30


def _sentence_stop(norm: str, pos: int) -> int:
    """Where the words said of a date ending at ``pos`` stop for _PAST_TOPIC: its sentence's end, within a few words."""
    limit = min(len(norm), pos + _PAST_TOPIC_WITHIN)
    end = _SENTENCE_END.search(norm, pos, limit)
    line = norm.find("\n", pos, limit)
    return min(end.start() if end else limit, line if line >= 0 else limit)


def _chain_year(norm: str, chain: tuple[int, int, int] | None, m: re.Match[str], month: int, day_group: str,
                weekday_groups: tuple[str, ...]) -> int | None:
    """The year a date match ``m`` of ``month`` goes on in from the date ``chain`` read just before it, None when it
    does not. Past a sentence's end, or after other words than a list's or a span's joins (_CHAIN_JOIN) that make it a
    past event's (_PAST_TOPIC), only when its weekday (the first one written) is right there: either reading of it may
    stand then, and the nearest is left to the checks."""
    if chain is None or not 1 <= (month - chain[0]) % 12 <= _CHAIN_APART or m.start() - chain[2] > _CHAIN_WITHIN:
        return None
    year = chain[1] + (month < chain[0])
    if _SENTENCE_END.search(norm, chain[2], m.start()) is None and (
        "\n" in norm[chain[2] : m.start()] or _CHAIN_JOIN.fullmatch(norm, chain[2], m.start())
        or not _PAST_TOPIC.search(norm, chain[2], _sentence_stop(norm, m.end()))
    ):
        return year
    group = next((g for g in weekday_groups if m.group(g)), None)
    day = _number(m.group(day_group))
    fits = (group is not None and day <= monthrange(year, month)[1]
            and WEEKDAYS[date(year, month, day).weekday()] == _as_kanji(m.group(group)))
    return year if fits else None


def _right_year(m: re.Match[str], day: tuple[int | None, int, int, str], today: date) -> tuple[int, int] | None:
    """(month, year) of ``day`` (the last day of the date match ``m``, its year when written) in the year its weekday is
    right in: written, or the nearest, or the one either side of it; None when there is no such year or no weekday."""
    year, month, d, group = day
    written = m.group(group) if group in m.re.groupindex else None
    if not written:
        return None
    weekday = WEEKDAYS.find(_as_kanji(written))
    nearest = _nearest(month, d, today)
    if weekday < 0 or nearest is None:
        return None
    for y in ([year] if year else [nearest.year, nearest.year - 1, nearest.year + 1]):
        if d <= monthrange(y, month)[1] and date(y, month, d).weekday() == weekday:
            return month, y
    return None


# _month_heading's answer for two months named before the day (「11月、12月の休館日は23日（水）」).
_TWO_MONTHS = 0
# The second of two months joined by ・ or ～ (「11月・12月の休館日は」), which _LONE_MONTH does not take.
_SECOND_OF_TWO_MONTHS = re.compile(
    rf"(?:月|[0-9{KANJI_DIGITS}十])\s*+[・~〜]\s*+(?:{_NUM})\s*+月\s*+(?:には|は|も|の|[:】\]\n])"
)


# Between a date with no weekday and a later day that carries its month: no other month or day
# (「11月1日～30日、抽選は5日（土）」: the 5th follows the 30th, of a month not said), and no line break
# (the next line of a list may be another month's). A sentence end may come between: 「1月3日まで閉庁します。
# 4日（月）から通常業務です。」
_NOT_CARRIED_OVER = re.compile(rf"月|(?:{_NUM})\s*+(?:日|にち)|\n")


def _plain_date_before(norm: str, plain: list[re.Match[str]], ends: list[int], pos: int,
                       last: tuple[int, int | None, int] | None) -> re.Match[str] | None:
    """The date with no weekday (「1月3日」 of 「1月3日まで閉庁し、4日（月）から」) whose month the day-only
    date at ``pos`` carries: the last one ending before it, closer than the last dated weekday, within
    _CARRY_MONTH_WITHIN and with nothing of _NOT_CARRIED_OVER between."""
    k = bisect_right(ends, pos) - 1
    if k < 0:
        return None
    p = plain[k]
    if (last is not None and last[2] >= p.end()) or pos - p.end() > _CARRY_MONTH_WITHIN:
        return None
    return None if _NOT_CARRIED_OVER.search(norm, p.end(), pos) else p


def _span_month(m: re.Match[str], start: tuple[int, int | None, int], end: tuple[int, int | None],
                today: date) -> tuple[int, int | None]:
    """The month from ``start`` to ``end`` (a span's first and last months, and years when written, and its first
    day) in which the day-only date ``m`` is right and inside the span, the first one; ``end`` when there is none."""
    month, year, first_day = start
    for _ in range(4):  # a span of a few months at most: 「12月～3月」
        if (month, year) == end or month == end[0]:
            break
        if (month != start[0] or _number(m.group("d_only")) >= first_day) and _fits_plain_month(m, year, month, today):
            return month, year
        month, year = month % 12 + 1, year and year + month // 12
    return end


# After a day, that things start again from it (「4日（月）から通常開館」「4日（月）より平常どおり」「4日（月）から再開」
# 「4日（月）からは通常業務」, a wave dash for 「から」 in a note: 「（4日（月）～通常開館）」; the office or hall opening
# its doors: 「4日（月）から開庁します」): after a closure, so after the date before it, not earlier in its month. Not
# any 「通常」: 「14日（月）から通常の半分の時間」 says nothing of a closure, nor 「4日（月）から開館時間を延長」 of one.
# The dash only right before the word: 「4日（月）～6日（水）通常開館」 is a range.
_STARTS_AGAIN_WORD = (
    r"(?:再開|平常|通常\s*+(?:どおり|通り|開館|開庁|業務|営業|診療|受付|収集|運行|運転|の(?:業務|開館|開庁|営業|診療|運行|収集)))"
)
_STARTS_AGAIN = re.compile(
    rf"\s*+(?:(?:から|より)\s*+(?:は\s*+)?(?:[^。！？!?\n]{{0,8}}?{_STARTS_AGAIN_WORD}|(?:開館|開庁)(?!時間))"
    rf"|[~～〜]\s*+{_STARTS_AGAIN_WORD})"
)


def _starts_again(norm: str, pos: int) -> bool:
    """Whether the day-only date ending at ``pos`` is the day things start again (see _STARTS_AGAIN)."""
    return _STARTS_AGAIN.match(norm, pos) is not None


def _days_in(month: int, year: int | None, today: date) -> int:
    """How many days ``month`` has (of ``year``, or of the year nearest ``today`` when it is not known)."""
    if year is None:
        nearest = _nearest(month, 1, today)
        year = nearest.year if nearest is not None else today.year
    return monthrange(year, month)[1]


def _fits_plain_month(m: re.Match[str], year: int | None, month: int, today: date) -> bool:
    """Whether the day-only date ``m``, smaller than the weekday-less date before it, is right in that
    date's month: its weekday is that day's, or its holiday mark (「18日（祝）」) that day's holiday."""
    day = _number(m.group("d_only"))
    try:
        actual = date(year, month, day) if year else _nearest(month, day, today)
    except ValueError:
        return False
    if actual is None:
        return False
    if m.group(_HOLIDAY_ONLY_GROUP):
        from bot.calendar import holiday_name  # the rules stay importable without the calendar's data

        return holiday_name(actual) is not None
    return _as_kanji(m.group(_written_group(m, _WD_ONLY_GROUPS))) == WEEKDAYS[actual.weekday()]


def _month_heading(norm: str, pos: int, last: tuple[int, int | None, int] | None) -> int | None:
    """The month a day-only date (「29日（月）」) at ``pos`` belongs to by a month named alone just
    before it and after the last full date, if there is one; _TWO_MONTHS when two months are named
    there; else None."""
    begin = max(0, pos - _HEADING_WITHIN, last[2] if last is not None else 0)
    if "月" not in norm[begin:pos]:
        return None
    found = None
    for candidate in _LONE_MONTH.finditer(norm, begin, pos):
        found = candidate  # the last one before the day
    # 「12月から1月の休館日は」「12月・1月の」, and with the first 月 left out 「10、11月の」「10と11月の」:
    # two months, and the days could be in either.
    if found is not None and re.search(rf"(?:月|[0-9{KANJI_DIGITS}十])\s*+(?:から|~|〜|・|、|,|と)\s*+\Z",
                                       norm[max(0, found.start() - 6) : found.start()]):
        return _TWO_MONTHS
    for pair in _SECOND_OF_TWO_MONTHS.finditer(norm, begin, pos):
        if (found is None or pair.end() > found.start()) \
                and not re.search(r"[。！？!?]|\n[^\n]*\n", norm[pair.end() : pos]):
            return _TWO_MONTHS
    if found is None or re.search(r"[。！？!?]|\n[^\n]*\n", norm[found.end() : pos]):
        return None
    month = _number(found.group("m"))
    return month if 1 <= month <= 12 else None


# Between the days of a list: 「30日（月）と1日（火）、3日（金）」.
_LIST_JOIN = re.compile(r"\s*+(?:と|、|,|・|及び|および|や)\s*+")


def _listed_after(norm: str, previous: tuple[int, int, list[int], list[int]] | None, pos: int) -> bool:
    """Whether the day-only date at ``pos`` comes right after the day ``previous`` checked under two
    named months, only a list mark between: it is one more of those months' days."""
    return previous is not None and bool(previous[2]) and _LIST_JOIN.fullmatch(norm, previous[0], pos) is not None


# A month number before a day: 「11月」, or 「10」 of 「10、11月」 (the first 月 left out).
_MONTH_NUMBER = re.compile(
    rf"(?P<n>[0-9]{{1,2}}|[{KANJI_DIGITS}十]{{1,3}})\s*+(?:月(?!曜)|(?=\s*+(?:[、,・と~〜]|から)\s*+(?:{_NUM})\s*+月))"
)


def _named_months(norm: str, pos: int, last: tuple[int, int | None, int] | None) -> list[int]:
    """The months a day at ``pos`` may be in after two months named before it (_month_heading's window):
    from the first to the last, those between too (「10月～12月の」 is three); none when that is more
    than four or fewer than two are read."""
    begin = max(0, pos - _HEADING_WITHIN, last[2] if last is not None else 0)
    found = list(_MONTH_NUMBER.finditer(norm, begin, pos))
    named = [n for x in found if 1 <= (n := _number(x.group("n"))) <= 12]
    # 「11月、12月の予定です。本日5日（月）は」: after a sentence end the day may be in another month.
    if len(named) < 2 or re.search(r"[。！？!?]|\n[^\n]*\n", norm[found[-1].end() : pos]):
        return []
    span = (named[-1] - named[0]) % 12 + 1
    return [] if span > 4 else [(named[0] - 1 + k) % 12 + 1 for k in range(span)]


def _check_day_in_months(doc: Document, m: re.Match[str], today: date, months: list[int],
                         also: list[int]) -> Iterator[Hit]:
    """「11月、12月の休館日は23日（金）」: the day-only date ``m`` when its weekday is that of the day in
    none of ``months`` nor of ``also`` (months it may be in, though not named; each in the year nearest
    the posting day)."""
    day, group = _number(m.group("d_only")), _written_group(m, _WD_ONLY_GROUPS)
    actual = [(mo, d) for mo in months if (d := _nearest(mo, day, today)) is not None]
    written = _as_kanji(m.group(group))
    weekday = WEEKDAYS.find(written)  # -1, matching no day, for a weekday not read

    def fits(d: date) -> bool:
        return d.weekday() == weekday or _fits_other_year(d, weekday, today)

    if not actual or any(fits(d) for _, d in actual):
        return
    # The months named are one span, read in one year (or, far from the posting day, the other): 「11月・
    # 12月の休館日」 written in March is either last year's or this year's, though last December alone
    # is near enough to be sure of.
    first = _nearest(months[0], 1, today)
    if first is not None:
        for year in {first.year, first.year + _other_year_shift(first, today)}:
            for mo in months:
                in_year = year + (mo < months[0])  # 「12月・1月の」: January is the next year's
                if day <= monthrange(in_year, mo)[1] and date(in_year, mo, day).weekday() == weekday:
                    return
    if any((d := _nearest(mo, day, today)) is not None and fits(d) for mo in also):
        return
    said = "、".join(f"{mo}月なら{WEEKDAYS[d.weekday()]}曜日" for mo, d in actual)
    yield Hit(*doc.span(m.start(), m.end()),
              f"{day}日は{said}です（「{m.group(group)}」と書かれています）。日付か曜日を確認してください。")


def _check_day_only(doc: Document, m: re.Match[str], today: date) -> Iterator[Hit]:
    """「5日（日）」 in a draft that names no month: a post speaks of this month, the next or the last
    one (「本日5日（土）」「明日6日（日）」), so the weekday must fit the day in one of them."""
    day, group = _number(m.group("d_only")), _written_group(m, _WD_ONLY_GROUPS)
    written = _as_kanji(m.group(group))
    start, end = doc.span(m.start(), m.end())
    if not 1 <= day <= 31:  # 「0日（月）」「32日（月）」, and 0 from a numeral that is none (「十十」)
        yield Hit(start, end, f"「{m.group('d_only')}日」という日付はありません。日付を確認してください。")
        return
    months = [_months_from(today, k) for k in (-1, 0, 1)]
    actual = {}
    for y, mo in months:
        if day <= monthrange(y, mo)[1]:
            actual[(y, mo)] = WEEKDAYS[date(y, mo, day).weekday()]
    if written in actual.values():
        return
    said = "、".join(
        f"{label}（{mo}月）なら{actual[(y, mo)]}曜日"
        for label, (y, mo) in zip(("今月", "来月"), months[1:], strict=True)
        if (y, mo) in actual
    )
    upcoming = months[1] if day >= today.day and months[1] in actual else months[2]
    suggestion = None
    if upcoming in actual:
        a, b = doc.span(m.start(group), m.end(group))
        fixed = _like(m.group(group), WEEKDAYS.index(actual[upcoming]))
        suggestion = doc.text[start:a] + fixed + doc.text[b:end]
    yield Hit(
        start,
        end,
        f"{day}日は{said}です（「{m.group(group)}」と書かれています）。日付か曜日を確認してください。",
        suggestion=suggestion,
    )


def _check_weekdays(
    doc: Document, m: re.Match[str], today: date, days: list[tuple[int | None, int, int, str]],
    japanese: dict[tuple[int, int], bool], *, guessed: bool = False,
) -> Iterator[Hit]:
    """The hit for a date match whose weekdays (one, or two for 「5日・6日（土・日）」) do not fit
    its days, or whose day does not exist (「11月31日（月）」). ``guessed``: no year was written or
    named for it, so the year nearest the posting day was taken (see _other_year)."""
    start, end = doc.span(m.start(), m.end())
    checked: list[tuple[date, str]] = []  # each day read, and the group of its weekday
    for year, month, day, group in days:
        try:
            actual = date(year, month, day) if year else _nearest(month, day, today)
        except ValueError:
            actual = None
        if actual is None:
            if 1 <= month <= 12 and day >= 1:
                in_year = year or (_nearest(month, 1, today) or today).year
                yield Hit(
                    start,
                    end,
                    f"{month}月{day}日という日付はありません（{in_year}年{month}月は"
                    f"{monthrange(in_year, month)[1]}日までです）。日付を確認してください。",
                )
            return
        written = m.group(group)
        if (written.isascii() and _SLASHED.match(m.group())
                and (english := _english_day(written)) is not None
                and _fits_day_first(year, month, day, english, today)
                and not _in_japanese(doc, doc.sentence_at(doc.span(m.start(), m.end())[0]), japanese)):
            continue  # 「6/12 (Sat)」 in English: 6 December, written day first
        checked.append((actual, group))
    # Far from the posting day, the year on the other side of it may be the one meant: every day
    # of the match is read in it together (「12月31日・1月1日（木・金）」 is one year end).
    shift = _other_year_shift(checked[0][0], today) if guessed and checked else 0
    others: list[date | None] = [_shifted(actual, shift) for actual, _ in checked]
    if shift and all(o is not None and _as_kanji(m.group(g)) == WEEKDAYS[o.weekday()]
                     for o, (_, g) in zip(others, checked, strict=True)):
        return
    wrong: list[str] = []
    fixes: list[tuple[int, int, str]] = []  # original spans of the weekdays to replace
    for (actual, group), other in zip(checked, others, strict=True):
        written = m.group(group)
        if _as_kanji(written) == WEEKDAYS[actual.weekday()]:
            continue
        correct = _like(written, actual.weekday())
        said = WEEKDAYS[actual.weekday()] + "曜日" + (f"（{correct}）" if correct.isascii() else "")
        if other is not None:
            # Wrong in both years: the writer is told both, the nearer one first (the suggestion's).
            said += f"、{other.year}年{other.month}月{other.day}日は{WEEKDAYS[other.weekday()]}曜日"
        wrong.append(f"{actual.year}年{actual.month}月{actual.day}日は{said}です（「{written}」と書かれています）")
        fixes.append((*doc.span(m.start(group), m.end(group)), correct))
    if not wrong:
        return
    if guessed and checked and (ago := _years_since(doc.norm, m.end())):
        # 「1月1日（月）の能登半島地震から間もなく3年」: the day is that many years back, counted from the nearest
        # year's anniversary (next January's, written in December) or from this year.
        for base in {checked[0][0].year, today.year}:
            back = base - ago - checked[0][0].year
            if all((o := _shifted(actual, back)) is not None and _as_kanji(m.group(g)) == WEEKDAYS[o.weekday()]
                   for actual, g in checked):
                return
    fixed, pos = [], start
    for a, b, correct in fixes:
        fixed += [doc.text[pos:a], correct]
        pos = b
    fixed.append(doc.text[pos:end])
    yield Hit(start, end, "。".join(wrong) + "。日付か曜日を確認してください。", suggestion="".join(fixed))


# How far from the posting day a date without its year is surely in the nearest year. A date in the
# past: within three months (the next year's reading then nine months or more ahead, three times as
# far); a post reports the last weeks, and beyond that it more likely announces the coming year's day
# (「12月31日（木）」 posted 2026-06-20 is this year end, not last; 「9月20日（月）敬老の日」 posted
# 2027-01-05 is next September). A date ahead: within five months, as posts announce further ahead
# than they report back, and an annual event announced months early with last year's weekday copied
# (「確定申告の相談会 3/12 (Wed)」 posted in November: Wednesday was 2025's) is the mistake most worth
# catching. Past either limit both years are written, and a false alarm on a right date costs the
# writer's trust more than a miss: a weekday right in either year is accepted.
_SURE_WITHIN_BEFORE = 92
_SURE_WITHIN_AHEAD = 152


# After a date, the event it is the day of and the years since (「の能登半島地震から間もなく3年」「に発生した
# 中越地震から22年」): an anniversary, so the date is that many years back. Only years said to have passed
# (「3年。」「3年が経ちました」「3年を迎えます」「1年の節目」): after a span from the day (「から3年間」
# 「から1年で失効」「から1年を経過した日まで有効」「から2年の任期」) or a gap ended on it (「から3年ぶりに開催」)
# the day is ahead, and a weekday copied from last year's post would pass as the anniversary's.
_YEARS_SINCE = re.compile(
    rf"\s*+(?:の|に(?:発生し|起き|起こっ)た)[^。！？!?\n]{{1,24}}?から\s*+"
    rf"(?:間もなく|まもなく|早くも|今日で|本日で|明日で|ちょうど|丸)?\s*+(?P<n>{_NUM})\s*+(?:年|周年)"
    r"(?=$|[\s、。，．,.！？!?…]|目|記念|が(?:経[ちっ]|た[ちっ]|(?:過ぎ|経過し)[ま、])|を(?:迎え|経過しま|機に)"
    r"|[とに]な(?:り|っ)|の(?:節目|記念|月日|歳月|今))"
)


def _years_since(norm: str, pos: int) -> int:
    """The years said to have passed since the date ending at ``pos`` (see _YEARS_SINCE); 0 when none are."""
    found = _YEARS_SINCE.match(norm, pos)
    return _number(found.group("n")) if found is not None else 0


def _other_year_shift(actual: date, today: date) -> int:
    """+1 or -1: the year after or before that of ``actual`` (read in the nearest year) which is on
    the other side of ``today`` and may be meant as well; 0 when ``actual`` is near enough to be sure."""
    gap = (actual - today).days
    if gap < -_SURE_WITHIN_BEFORE:
        return 1
    return -1 if gap > _SURE_WITHIN_AHEAD else 0


def _shifted(actual: date, shift: int) -> date | None:
    """``actual`` ``shift`` years on; None when there is no such day (29 February) or no shift."""
    if not shift:
        return None
    try:
        return actual.replace(year=actual.year + shift)
    except ValueError:
        return None


def _fits_other_year(actual: date, weekday: int, today: date) -> bool:
    """Whether a date read in the nearest year (``actual``, its year not written) is far enough from
    the posting day that the other neighbouring year may be meant, and falls on ``weekday`` there."""
    other = _shifted(actual, _other_year_shift(actual, today))
    return other is not None and other.weekday() == weekday


def _bare_day(norm: str, m: re.Match[str]) -> bool:
    """Whether a day without its month was written without 「日」 (「7（日）」, not 「7日（日）」)."""
    if m.group("bare") is None:
        return False
    weekday_at = m.start(_written_group(m, (*_WD_ONLY_GROUPS, _HOLIDAY_ONLY_GROUP)))
    return "日" not in norm[m.end("d_only") : weekday_at]


def _written_group(m: re.Match[str], groups: tuple[str, ...]) -> str:
    return next(g for g in groups if m.group(g))


def _as_kanji(written: str) -> str:
    """A weekday as the kanji WEEKDAYS uses, whether written 「金」, 「Fri」 or 「きん」."""
    if written in _HIRAGANA_DAYS:
        return WEEKDAYS[_HIRAGANA_DAYS.index(written)]
    english = _english_day(written) if written.isascii() else None
    return WEEKDAYS[english] if english is not None else written


def _like(written: str, weekday: int) -> str:
    """Weekday ``weekday`` (Monday 0) in the style ``written`` has: 「土」, 「ど」, or 「Sat」「SAT」「Saturday」「Sat.」."""
    if written in _HIRAGANA_DAYS:
        return _HIRAGANA_DAYS[weekday]
    if not written.isascii():
        return WEEKDAYS[weekday]
    name = _EN_DAYS[weekday].capitalize()
    bare = written.rstrip(".")
    correct = name if bare.lower() in _EN_DAYS else name[:3]  # keep the writer's style: full or short
    if bare.isupper():
        correct = correct.upper()
    return correct + written[len(bare) :]


# A span of days written as a span of weekdays: 「Sat–Sun, Dec 6–7」「Mon–Fri, Dec 1–5」「Sat & Sun, Dec 6 & 7」,
# the month said again at the end (「Monday - Friday, Dec 14 to Dec 18」「Dec. 14–Dec. 18」), or another
# month's (「Mon–Fri, Dec 28 – Jan 1」).
_EN_RANGE_BEFORE = re.compile(r"(?i)\b(?P<w1>mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*(?:[–—~&-]|to|and|through|thru)\s*\Z")
_EN_RANGE_AFTER = re.compile(
    rf"\s*+(?:[–—~&-]|to|and|through|thru)\s*+(?:(?P<m2>{_EN_MONTH})\s*+)?(?P<d2>[0-9]{{1,2}})(?![0-9])", re.IGNORECASE
)
# The longest span of days read as one (a month and a day): longer, the two dates are two events.
_EN_RANGE_DAYS = 31


def _fits_english_range(text: str, m: re.Match[str], year: str | None, month: int, day: int, weekday: int,
                        today: date) -> bool:
    """Whether the date match ``m`` is the second weekday of a weekday span before a span of days
    (「Sat–Sun, Dec 6–7」), and both ends fit: the first weekday the first day, this one the last."""
    before = _EN_RANGE_BEFORE.search(text, max(0, m.start() - 16), m.start())
    after = _EN_RANGE_AFTER.match(text, m.end())
    if before is None or after is None:
        return False
    first = _written_date(year, month, day, today)
    if after["m2"] is None:
        last = _written_date(year, month, int(after["d2"]), today)
    else:
        last = _after(first, _EN_MONTHS_BY_ABBR.get(after["m2"][:3].lower(), 0), int(after["d2"]))
    first_weekday = _english_day(before["w1"])
    return (first is not None and last is not None and first_weekday is not None
            and first.weekday() == first_weekday and last.weekday() == weekday)


# Kana or kanji: a sentence in Japanese writes month first, whatever language its weekday is in.
_JAPANESE = re.compile(r"[ぁ-ゖァ-ヺ一-鿿]")


def _after(first: date | None, month: int, day: int) -> date | None:
    """The first `day` of `month` after `first`, no more than `_EN_RANGE_DAYS` later; None when there
    is none (「Dec 14 – Dec 10」 is no span, nor 「Dec 14 – Mar 1」)."""
    if first is None:
        return None
    for year in (first.year, first.year + 1):
        try:
            last = date(year, month, day)
        except ValueError:
            continue
        if 0 < (last - first).days <= _EN_RANGE_DAYS:
            return last
    return None


def _in_japanese(doc: Document, sentence: tuple[int, int], known: dict[tuple[int, int], bool]) -> bool:
    if sentence not in known:
        known[sentence] = bool(_JAPANESE.search(doc.text, *sentence))
    return known[sentence]


_SLASHED = re.compile(r"\s*[0-9]{1,2}/[0-9]{1,2}(?![0-9])")


def _fits_day_first(year: str | int | None, month: int, day: int, weekday: int, today: date) -> bool:
    """Whether 「6/12」 read day first (6 December) falls on ``weekday``: English writers from
    outside the US put the day first, and a weekday that fits only that reading is no error."""
    if not 1 <= day <= 12:
        return False
    written_year = str(year) if year is not None else None
    swapped = _written_date(written_year, day, month, today)
    if swapped is None or swapped.weekday() != weekday:
        return False
    # Only when day first is also the nearer reading (「6/12」 written in November is 6 December):
    # 「12/7 Sat」 then is 7 December with the wrong weekday, not 12 July of last summer.
    direct = _written_date(written_year, month, day, today)
    return direct is None or abs((swapped - today).days) < abs((direct - today).days)


def _english_day(word: str) -> int | None:
    """The weekday (Monday 0) an English day name or abbreviation stands for."""
    w = word.rstrip(".").lower()
    return next((i for i, name in enumerate(_EN_DAYS) if name.startswith(w[:3]) and name.startswith(w)), None)


def _written_date(year: str | int | None, month: int, day: int, today: date) -> date | None:
    """The date a month and day (and perhaps a year) name: in that year, or without one the nearest
    to the posting day; None when there is no such day."""
    try:
        return date(int(year), month, day) if year else _nearest(month, day, today)
    except ValueError:
        return None


def _weekday_hit(doc: Document, span: tuple[int, int], weekday_span: tuple[int, int], actual: date, *,
                 shown: str, quoted: str, correct: str, read_as: str = "") -> Hit:
    """The finding for a date (``span``, original offsets) whose weekday (``weekday_span``) is not
    that of ``actual``: what the day is (``shown``, in the writer's language), what was written
    (``quoted``), and the date with ``correct`` in place of the weekday."""
    start, end = span
    return Hit(
        start,
        end,
        f"{actual.year}年{actual.month}月{actual.day}日は{WEEKDAYS[actual.weekday()]}曜日（{shown}）です"
        f"（「{quoted}」と書かれています{read_as}）。日付か曜日を確認してください。",
        suggestion=doc.text[start : weekday_span[0]] + correct + doc.text[weekday_span[1] : end],
    )


def _english_weekdays(doc: Document, today: date) -> Iterator[Hit]:
    japanese: dict[tuple[int, int], bool] = {}  # per sentence: one may hold thousands of dates
    for m in _EN_DATE.finditer(doc.text):
        form = next(k for k in ("", "2", "3", "4", "5", "6", "7") if m.group("w" + k))
        wd_group = "w" + form
        written = m.group(wd_group)
        month_word = m.group("m" + form).rstrip(".").lower()
        if month_word.isdigit():
            month = int(month_word) if 1 <= int(month_word) <= 12 else None
        else:
            month = _EN_MONTHS_BY_ABBR.get(month_word[:3])
        weekday = _english_day(written)
        day = int(m.group("d" + form))
        year = m.group("y" + form) or (m.group("y5b") if form == "5" else None)
        if month is None or weekday is None:
            continue
        actual = _written_date(year, month, day, today)
        if actual is None or actual.weekday() == weekday or (not year and _fits_other_year(actual, weekday, today)):
            continue
        if month_word.isdigit() and _fits_day_first(year, month, day, weekday, today) \
                and not _in_japanese(doc, doc.sentence_at(m.start()), japanese):
            continue  # 「Saturday 6/12」: written day first, as outside the US, and right that way
        if _fits_english_range(doc.text, m, year, month, day, weekday, today):
            continue  # 「Sat–Sun, Dec 6–7」: the first weekday is the first day's, this one the last's
        # _EN_DATE reads doc.text itself: its offsets are the draft's.
        yield _weekday_hit(doc, m.span(), m.span(wd_group), actual, shown=_EN_DAYS[actual.weekday()].capitalize(),
                           quoted=written, correct=_like(written, actual.weekday()))


# Chinese and Korean dates in multilingual notices (英語・中国語・韓国語 is the usual set):
# 「12月30日（周三）」「12月30日(星期三)」「12월 30일(수)」「12월 30일(수요일)」.
_ZH_DAYS = "一二三四五六日"  # Monday … Saturday, then Sunday (also written 天)
_KO_DAYS = "월화수목금토일"
# With or without brackets (「12月6日星期五」「12월 6일 금요일」); without them, only the full forms
# (星期・礼拜, 요일), not a bare 「周一」 or 「금」 that could start another word.
# Taiwan and Hong Kong often write the weekday's number alone in brackets (「12月12日（六）」); 「（日）」
# is left to the Japanese check, whose Sunday it is too.
_ZH_DATE = re.compile(
    r"(?<![0-9])(?:(?P<y>[0-9]{4})\s*+年\s*+)?(?P<m>[0-9]{1,2})\s*+月\s*+(?P<d>[0-9]{1,2})\s*+[日号號]\s*+"
    r"(?:[(\[【]\s*+(?:(?P<pre>星期|周|週|礼拜|禮拜)(?P<w>[一二三四五六日天])|(?P<wn>[一二三四五六]))\s*+[)\]】]"
    r"|,?\s*+(?P<pre2>星期|礼拜|禮拜)(?P<w2>[一二三四五六日天]))"
)
_KO_DATE = re.compile(
    r"(?<![0-9])(?:(?P<y>[0-9]{4})\s*+년\s*+)?(?P<m>[0-9]{1,2})\s*+월\s*+(?P<d>[0-9]{1,2})\s*+일\s*+"
    r"(?:[(\[]\s*+(?P<w>[월화수목금토일])(?P<suffix>요일)?\s*+[)\]]|,?\s*+(?P<w2>[월화수목금토일])(?P<suffix2>요일))"
)
# Korean notices also write the date in numbers, month first, as official documents do
# (「12/14(토)」「12.14(토)」「2026. 12. 14.(월)」): with the Korean weekday in brackets only.
_KO_NUMERIC_DATE = re.compile(
    r"(?<![0-9./])(?:(?P<y>[0-9]{4})\s*+[./]\s*+)?(?P<m>[0-9]{1,2})\s*+[./]\s*+(?P<d>[0-9]{1,2})(?![0-9])\.?\s*+"
    r"[(\[]\s*+(?P<w>[월화수목금토일])(?P<suffix>요일)?\s*+[)\]]"
)

# The later days of a range or list in the same month, the month left out as in Japanese:
# 「12월 5일(토)~6일(일)」「12月5日（周六）、6日（周日）」「12月5日（周六）—6日（周日）」, and a range in words
# (「12月5日（周六）至6日（周日）」「12월 5일(토)부터 6일(일)까지」「12월 5일(토)에서 6일(일)까지」).
# Not the long-vowel mark ー of HYPHENS: it is no dash in Chinese or Korean.
_CJK_DASHES = "~〜\\-‐‑‒–—―−﹣"
_ZH_NEXT = re.compile(
    rf"\s*+(?:[{_CJK_DASHES}・,、]|至|到)\s*+(?P<d>[0-9]{{1,2}})\s*+[日号號]\s*+"
    r"(?:[(\[【]\s*+(?P<pre>星期|周|週|礼拜|禮拜)(?P<w>[一二三四五六日天])\s*+[)\]】]"
    r"|,?\s*+(?P<pre2>星期|礼拜|禮拜)(?P<w2>[一二三四五六日天]))"
)
_KO_NEXT = re.compile(
    rf"\s*+(?:[{_CJK_DASHES}・,、]|부터|(?P<eseo>에서))\s*+(?P<d>[0-9]{{1,2}})\s*+일\s*+"
    r"(?:[(\[]\s*+(?P<w>[월화수목금토일])(?P<suffix>요일)?\s*+[)\]]|,?\s*+(?P<w2>[월화수목금토일])(?P<suffix2>요일))"
    # 에서 is 「from」 of a range only with its 까지; 「6일(토)에서 3일(수)로 변경」 moves the day, maybe within the month.
    r"(?(eseo)(?=\s*+까지))"
)

# Each pattern with its weekdays (Monday first), the pattern of a later day in the same month, and
# the words a draft must hold for it to be tried.
_CJK_DATES = (
    (_ZH_DATE, _ZH_DAYS, _ZH_NEXT, ("星期", "周", "週", "礼拜", "禮拜")),
    (_KO_DATE, _KO_DAYS, _KO_NEXT, ("월",)),
    (_KO_NUMERIC_DATE, _KO_DAYS, _KO_NEXT, tuple(_KO_DAYS)),
)


def _chinese_korean_weekdays(doc: Document, today: date) -> Iterator[Hit]:
    for pattern, days, next_day, probes in _CJK_DATES:
        if not any(p in doc.norm for p in probes) and not (pattern is _ZH_DATE and "月" in doc.norm):
            continue
        for m in pattern.finditer(doc.norm):
            if m.groupdict().get("wn") and any(c.isspace() for c in doc.norm[m.end("d") : m.start("wn")]):
                # 「12月14日」 then, after a line break or a space, 「（六）」 numbering the next item of a
                # list (「申込期限：12月15日　（一）持ち物」); Taiwan writes the weekday right after 日.
                continue
            actual = _written_date(m.group("y"), int(m.group("m")), int(m.group("d")), today)
            guessed = not m.group("y")
            yield from _cjk_weekday(doc, m, m.start(), actual, days, today, guessed)
            # 「12월 5일(토)~6일(일)」: the later days take the month before them, or the next month
            # when the day is smaller (「12월 31일(목)~3일(일)」).
            n = next_day.match(doc.norm, m.end())
            while actual is not None and n is not None:
                d = int(n.group("d"))
                ahead = actual.replace(day=1) + timedelta(days=32) if d < actual.day else actual
                try:
                    actual = ahead.replace(day=d)
                except ValueError:
                    actual = None
                yield from _cjk_weekday(doc, n, n.start("d"), actual, days, today, guessed)
                n = next_day.match(doc.norm, n.end())


def _cjk_weekday(doc: Document, m: re.Match[str], start: int, actual: date | None, days: str, today: date,
                 guessed: bool) -> Iterator[Hit]:
    """The finding for the Chinese or Korean date ``m`` (from ``start`` in norm) when its weekday is
    not that of ``actual`` (nor, its year ``guessed``, that of the same day in the other year it may be in)."""
    w = next(g for g in ("w", "wn", "w2") if m.groupdict().get(g))
    written = m.group(w)
    weekday = days.index("日" if written == "天" else written)
    if actual is None or actual.weekday() == weekday or (guessed and _fits_other_year(actual, weekday, today)):
        return
    correct = days[actual.weekday()]
    groups = m.groupdict()  # 「星期」 before a Chinese weekday, 「요일」 after a Korean one
    pre = groups.get("pre") or groups.get("pre2") or ""
    suffix = groups.get("suffix") or groups.get("suffix2") or ""
    span = doc.span(start, m.end())
    yield _weekday_hit(doc, span, doc.span(*m.span(w)), actual, shown=pre + correct + suffix,
                       quoted=doc.text[span[0] : span[1]], correct=correct)


# Vietnamese, Portuguese and Spanish notices write the day first (「29/12 (Thứ Ba)」「29/12 (terça-feira)」),
# the weekday in words; with such a weekday the numbers are day/month.
_VI_DAYS = ("thứ hai", "thứ ba", "thứ tư", "thứ năm", "thứ sáu", "thứ bảy", "chủ nhật")
_VI_SHORT = ("t2", "t3", "t4", "t5", "t6", "t7", "cn")
# As often written with the day's number: Thứ 2 is Monday … Thứ 7 Saturday.
_VI_NUMBERED = ("thứ 2", "thứ 3", "thứ 4", "thứ 5", "thứ 6", "thứ 7", "chủ nhật")
_PT_DAYS = ("segunda", "terça", "quarta", "quinta", "sexta", "sábado", "domingo")
_PT_SHORT = ("seg", "ter", "qua", "qui", "sex", "sáb", "dom")
# Spanish shares 「sábado」「domingo」「sáb」「dom」 with Portuguese; the post's other words tell which.
_ES_DAYS = ("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo")
_ES_SHORT = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")
_DM_WEEKDAY = (
    r"thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|thứ\s*[2-7]|chủ\s+nhật|t[2-7]|cn"
    r"|(?:segunda|terça|quarta|quinta|sexta)(?:-feira)?|sábado|domingo|seg|ter|qua|qui|sex|sáb|dom"
    r"|lunes|martes|mi[ée]rcoles|jueves|viernes|lun|mar|mi[ée]|jue|vie"
)
_DM_DATE = guard(re.compile(
    rf"(?i)(?<![0-9/.])(?P<d>[0-9]{{1,2}})/(?P<m>[0-9]{{1,2}})(?:/(?P<y>[0-9]{{4}}))?(?![0-9/])\s*+"
    rf"\(\s*+(?P<w>{_DM_WEEKDAY})\.?\s*+\)"
))

# The weekday first, as these languages also write it (「terça-feira, 4 de janeiro」「martes, 4 de enero」
# 「Thứ Hai, ngày 4/1」「Thứ Hai, ngày 4 tháng 1」), or the month in words before the weekday in brackets
# (「4 de janeiro (segunda-feira)」「4 de enero (lunes)」「4 tháng 1 (Chủ Nhật)」). Only full weekday names here: 「ter」「qua」「sex」 are words too.
_PT_MONTHS = ("janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro",
              "outubro", "novembro", "dezembro")
_ES_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
              "octubre", "noviembre", "diciembre")
_NAMED_MONTHS = "|".join((*_PT_MONTHS, *_ES_MONTHS, "setiembre"))
# 「Thứ 7」 with a capital only: 「lần thứ 2, ngày 13/12」 is the second time, not a Monday.
_DM_FULL_WEEKDAY = (
    r"(?:segunda|terça|quarta|quinta|sexta)-feira|sábado|domingo|thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật"
    r"|lunes|martes|mi[ée]rcoles|jueves|viernes"
    r"|(?-i:Thứ)\s*[2-7](?![0-9])"
)
_DM_MONTH_WORDS = (
    rf"\s+de\s+(?P<mn>{_NAMED_MONTHS})(?:\s+de\s+(?P<yn>[0-9]{{4}}))?"
    r"|\s+tháng\s+(?P<mv>[0-9]{1,2})(?:\s+năm\s+(?P<yv>[0-9]{4}))?"
)
_DM_WEEKDAY_FIRST = re.compile(
    rf"(?i)(?<![^\W\d_])(?P<w>{_DM_FULL_WEEKDAY})\s*+,?\s*+(?:(?:dia|ngày)\s+)?(?P<d>[0-9]{{1,2}})"
    rf"(?:/(?P<m>[0-9]{{1,2}})(?:/(?P<y>[0-9]{{4}}))?(?![0-9/])|{_DM_MONTH_WORDS})"
)
_DM_NAMED_MONTH = re.compile(
    rf"(?i)(?<![0-9])(?P<d>[0-9]{{1,2}})(?:{_DM_MONTH_WORDS})"
    rf"\s*+\(\s*+(?P<w>{_DM_FULL_WEEKDAY})\s*+\)"
)


# Words only Spanish has (「el」「del」「y」「¡」「ñ」), and only Portuguese (「ç」「ão」「do」「em」「você」):
# 「sábado, 12/12」 is answered in the language of the post.
_SPANISH_WORDS = re.compile(r"(?i)(?<![^\W\d_])(?:el|del|los|las|y|es|hay|usted)(?![^\W\d_])|[ñ¡¿]")
_PORTUGUESE_WORDS = re.compile(r"(?i)(?<![^\W\d_])(?:do|da|dos|das|em|no|na|você|não)(?![^\W\d_])|ç|ão")


def _dm_weekday(word: str, spanish: bool = False) -> tuple[int, tuple[str, ...]] | None:
    """(weekday, the names of its language and form) for a Vietnamese, Portuguese or Spanish weekday;
    ``spanish`` when the post is Spanish, for the names both languages share."""
    w = re.sub(r"\s+", " ", word.lower().rstrip(".")).removesuffix("-feira").replace("mie", "mié")
    w = re.sub(r"^thứ ?([2-7])$", r"thứ \1", w)
    portuguese = (_PT_DAYS, _PT_SHORT)
    spanish_names = (_ES_DAYS, _ES_SHORT)
    for names in (_VI_DAYS, _VI_SHORT, _VI_NUMBERED,
                  *(spanish_names + portuguese if spanish else portuguese + spanish_names)):
        if w in names:
            return names.index(w), names
    return None


def _dm_matches(norm: str) -> Iterator[tuple[re.Match[str], int, str | None, bool]]:
    """Each day-first date with a Vietnamese, Portuguese or Spanish weekday: (match, month, written year,
    whether the month was a number after the day, which the finding says it read as day/month)."""
    if "/" in norm:
        for m in _DM_DATE.finditer(norm):
            yield m, int(m.group("m")), m.group("y"), True
    if not re.search(r"(?i)feira|sábado|domingo|thứ|chủ|lunes|martes|mi[ée]rcoles|jueves|viernes", norm):
        return
    for pattern in (_DM_WEEKDAY_FIRST, _DM_NAMED_MONTH):
        for m in pattern.finditer(norm):
            groups = m.groupdict()
            if groups.get("m"):
                yield m, int(groups["m"]), groups.get("y"), True
            elif groups.get("mn"):
                yield m, _month_number(groups["mn"]), groups.get("yn"), False
            else:
                yield m, int(groups["mv"]), groups.get("yv"), False


def _month_number(name: str) -> int:
    name = name.lower().replace("setiembre", "septiembre")
    return (_PT_MONTHS.index(name) if name in _PT_MONTHS else _ES_MONTHS.index(name)) + 1


def _spanish_post(norm: str) -> bool:
    """Whether the post has more Spanish-only words than Portuguese-only ones."""
    return len(_SPANISH_WORDS.findall(norm)) > len(_PORTUGUESE_WORDS.findall(norm))


# A span of days written after a span of weekdays, as office hours are (「de lunes a viernes, 14/12 al 18/12」
# 「segunda a sexta-feira, 14/12 a 18/12」「từ thứ hai đến thứ sáu, ngày 14/12 đến 18/12」): the date after
# the second weekday is the first day of the span, not that weekday's. The last day may be in the next month
# (「de lunes a viernes, 28/12 al 1/1」), then it is read in its own month, and year.
_DM_CONNECTOR = r"(?:[–—~〜&-]|a|al|hasta|y|e|à|até|đến|tới|và)"
_DM_RANGE_BEFORE = re.compile(rf"(?i)(?<![^\W\d_])(?P<w1>{_DM_WEEKDAY})\.?\s*+{_DM_CONNECTOR}\s*+\Z")
_DM_RANGE_AFTER = re.compile(
    rf"(?i)\s*+{_DM_CONNECTOR}\s*+(?:(?:el|dia|ngày)\s+)?(?P<d2>[0-9]{{1,2}})"
    rf"(?:/(?P<m2>[0-9]{{1,2}})(?:/(?P<y2>[0-9]{{4}}))?|{_DM_MONTH_WORDS})?(?![0-9])"
)


def _fits_weekday_span(norm: str, m: re.Match[str], year: str | None, month: int, weekday: int, spanish: bool,
                       today: date) -> bool:
    """Whether the weekday-first date ``m`` ends a span of weekdays before a span of days, and both ends
    fit: the first weekday the first day, this one (``weekday``) the last."""
    if m.re is not _DM_WEEKDAY_FIRST:
        return False
    before = _DM_RANGE_BEFORE.search(norm, max(0, m.start() - 24), m.start())
    after = _DM_RANGE_AFTER.match(norm, m.end())
    if before is None or after is None or (first_found := _dm_weekday(before["w1"], spanish)) is None:
        return False
    first = _written_date(year, month, int(m.group("d")), today)
    month2 = after["m2"] or after["mv"] or (after["mn"] and _month_number(after["mn"]))
    year2 = after["y2"] or after["yn"] or after["yv"]
    if not month2:
        last = _written_date(year, month, int(after["d2"]), today)
    else:
        # Its own month: the first such day after the first one, so 「28/12 al 1/1」 ends in the next year.
        last = _after(first, int(month2), int(after["d2"]))
        if last is not None and year2 and last.year != int(year2):
            last = None
    return (first is not None and last is not None
            and first.weekday() == first_found[0] and last.weekday() == weekday)


def _day_month_weekdays(doc: Document, today: date) -> Iterator[Hit]:
    spanish_post: bool | None = None  # counted once, when a date's month does not tell
    for m, month, year, numeric in _dm_matches(doc.norm):
        named = m.groupdict().get("mn")
        if named:
            spanish = named.lower() in (*_ES_MONTHS, "setiembre")
        else:
            if spanish_post is None:
                spanish_post = _spanish_post(doc.norm)
            spanish = spanish_post
        found = _dm_weekday(m.group("w"), spanish)
        if found is None:
            continue
        weekday, names = found
        actual = _written_date(year, month, int(m.group("d")), today)
        if actual is None or actual.weekday() == weekday or (not year and _fits_other_year(actual, weekday, today)):
            continue
        if _fits_weekday_span(doc.norm, m, year, month, weekday, spanish, today):
            continue
        written = m.group("w")
        correct = names[actual.weekday()]
        if names is _PT_DAYS and written.lower().endswith("-feira") and actual.weekday() < 5:
            correct += "-feira"
        if written[:1].isupper():
            correct = correct.upper() if written.isupper() else " ".join(p.capitalize() for p in correct.split(" "))
        span = doc.span(m.start(), m.end())
        yield _weekday_hit(doc, span, doc.span(*m.span("w")), actual, shown=correct,
                           quoted=doc.text[span[0] : span[1]], correct=correct,
                           read_as="。日/月の順に読んでいます" if numeric else "")


def _context_year(
    norm: str,
    contexts: list[re.Match[str]],
    context_ends: list[int],
    pos: int,
    month: int,
    today: date,
    previous: tuple[int, int | None, int] | None,
) -> tuple[int | None, bool]:
    """The year of a date written without one, and whether a fiscal year named it: from a year
    phrase just before it, else from the date just before it in the same sentence when that one
    had a year (「昨年度：11月22日（金）、12月6日（金）」)."""
    # Year phrases do not overlap, so their ends are in order: the last one ending before `pos`.
    k = bisect_right(context_ends, pos) - 1
    near = contexts[k] if k >= 0 and pos - contexts[k].end() <= _CONTEXT_WITHIN else None
    if near is not None and not _NOT_A_YEAR_OF.search(norm, near.end(), pos):
        year, fiscal = _year_of_context(near, today)
        # Only a fiscal year still to come may be the subject rather than the date's year: a date
        # under 「昨年度」 is in that year (a weekday copied from this year's calendar is wrong).
        ahead = fiscal and year > (today.year if today.month >= 4 else today.year - 1)
        # A year written out may be the subject rather than the date's year: 「1995年の震災から31年と
        # なる1月17日（土）」「2030年の完成を目指し、12月6日（日）に起工式」. Either reading may stand
        # then, but only then: 「令和8年の謙信公祭は8月21日（木）」 with last summer's weekday is the
        # mistake a named year is there to catch.
        named = bool(near.group("cy") or near.group("cera")) and (
            abs(year - today.year) > 1 or _YEAR_AS_SUBJECT.search(norm, near.end(), pos) is not None
        )
        return (year + 1 if fiscal and month < 4 else year), ahead or named
    if (
        previous is not None
        and previous[1] is not None
        and pos - previous[2] <= _CARRY_MONTH_WITHIN
        and not re.search(r"[。！？!?\n]", norm[previous[2] : pos])
    ):
        year = previous[1]
        # Dates in order: 「12月…、1月…」 crosses into the next year.
        return (year + 1 if month < previous[0] else year), False
    return _titled_year(norm, contexts, context_ends, pos, month, today, previous)


def _titled_year(norm: str, contexts: list[re.Match[str]], context_ends: list[int], pos: int, month: int,
                 today: date, previous: tuple[int, int | None, int] | None) -> tuple[int | None, bool]:
    """The year of a date of ``month`` at ``pos`` under a calendar's title that names it (_SCHEDULE_TITLE), if any,
    and whether it is unsure, either reading standing then. A note's date (not a calendar's row, or under a title that
    says something: 「【令和9年 ごみ収集カレンダー】を配布します」) is as likely this year's when its month is the posting
    day's or next to it (「※年末年始は12月28日（月）から」「配布期間：12月8日（火）～」, posted in December); past a
    sentence's end or a blank line after the title, a note's date of any month (「…⏎⏎前回（8月30日（日））の様子」) or a
    row's of those months. A row far from the posting day is the calendar's (「・謙信公祭：8月21日（金）」 with last
    year's weekday is told in the title's year)."""
    heading = _heading_of(norm, contexts, context_ends, bisect_right(context_ends, pos) - 1, pos)
    if heading is None:
        return None, False
    line_start = norm.rfind("\n", 0, heading.start()) + 1
    line_end = norm.find("\n", heading.end())
    note = not _calendar_row(norm, pos) or _SAYS_SOMETHING.search(norm, line_start, line_end) is not None
    breaks = _breaks(norm)
    k = bisect_left(breaks, heading.end())
    apart = k < len(breaks) and breaks[k] < pos
    near_now = (month - today.month) % 12 in (0, 1, 11)
    unsure = (apart and (note or near_now)) or (note and near_now)
    year, fiscal = _year_of_context(heading, today)
    if fiscal:
        return (year + 1 if month < 4 else year), unsure
    if previous is not None and previous[1] is not None and previous[2] > heading.end() \
            and (previous[1], previous[0]) > (year, month):
        # 「【2026年 年末年始の休館日】⏎12月28日（月）⏎1月4日（月）」: past December the calendar runs into the next year.
        return previous[1] + (month < previous[0]), unsure
    return year, unsure


# A line that titles a calendar or a schedule with its year (「【2027年 休館日カレンダー】」「令和8年度 行事予定」
# 「2027年の休館日」): the year of the dates under it that write none, however far down; the nearest year read a 2027
# calendar's December, posted in December 2026, as this one's and told each right Monday it was a Sunday. Only a
# schedule's words make the line a title (not 「2027年もよろしくお願いします」), with no date of its own on it and
# nothing that makes the year a subject (「2030年の完成を目指して」).
_SCHEDULE_TITLE = re.compile(
    r"カレンダー|休館日|休業日|休診日|休園日|休場日|開館日|開庁日|閉庁日|開所日|休日|予定|日程|行事|スケジュール|収集日"
    r"|開催日|当番|一覧|年間"
)
_HEADING_LINE_WITHIN = 40
# A line that says something rather than names a calendar or a day of it: the notice of the calendar's handing out
# (「【令和9年 ごみ収集カレンダー】を配布します」「2027年 行事予定表を公開しました」), or a note under the calendar, as
# likely on a day of this year's (「12月14日（月）から各世帯に配布します」「12月21日（月）は臨時休館します」).
_SAYS_SOMETHING = re.compile(r"(?:ます|ました|ません|です|でした|ください)[。!?！？)）」\s]*+$")
# What a calendar's row holds before its date: a bullet, the month's label (「1月：4日（月）、18日（月）」) or the row's
# dates before it. Any other words may be a note's (「※年末年始は12月28日（月）から」「配布期間：12月8日（火）」「本日12月7日」),
# the date as likely this year's as the calendar's near the posting day.
_ROW_BEFORE_DATE = re.compile(r"[\s・■□◆◇●○◎★☆▼▽\-*]*+(?:\d{1,2}月\s*+[:]?\s*+)?(?:.*\)\s*+[、,・]\s*+)?")


_ROW_WITHIN = 80
# A sentence's end or a blank line (_titled_year's 「apart」), found once for a draft: searched between the title and each
# date under it, a long paste under one title took time growing with the square of its length.
_BREAK = re.compile(r"[。！？!?]|\n(?=\n)")


@lru_cache(maxsize=4)
def _breaks(norm: str) -> list[int]:
    return [m.start() for m in _BREAK.finditer(norm)]


def _calendar_row(norm: str, pos: int) -> bool:
    """Whether the date at ``pos`` is a calendar's row (_ROW_BEFORE_DATE) that says nothing (_SAYS_SOMETHING); a line
    longer than _ROW_WITHIN either side of it is not (and is not read to its ends again for each of its dates)."""
    line_start = norm.rfind("\n", max(0, pos - _ROW_WITHIN), pos) + 1
    line_end = norm.find("\n", pos, pos + _ROW_WITHIN)
    if (line_start == 0 and pos > _ROW_WITHIN) or (line_end < 0 and pos + _ROW_WITHIN < len(norm)):
        return False
    line_end = len(norm) if line_end < 0 else line_end
    return (_ROW_BEFORE_DATE.fullmatch(norm, line_start, pos) is not None
            and _SAYS_SOMETHING.search(norm, pos, line_end) is None)


def _heading_of(norm: str, contexts: list[re.Match[str]], context_ends: list[int], k: int,
                pos: int) -> re.Match[str] | None:
    """The year phrase of the last calendar title (_SCHEDULE_TITLE) on a line above ``pos``, ``k`` the index of the
    last year phrase ending before it; None when that phrase titles no calendar."""
    while k >= 0:
        c = contexts[k]
        line_start = norm.rfind("\n", 0, c.start()) + 1
        line_end = norm.find("\n", c.end())
        if line_end < 0 or line_end >= pos:
            k -= 1  # on the date's own line: the phrase before it was read above, not as a title
            continue
        line = norm[line_start:line_end]
        if (len(line) > _HEADING_LINE_WITHIN or not _SCHEDULE_TITLE.search(line) or _ANY_DATE.search(line)
                or _NOT_A_YEAR_OF.search(norm, c.end(), line_end) or _YEAR_AS_SUBJECT.search(norm, c.end(), line_end)):
            return None
        return c
    return None


def _fits_nearest_year(m: re.Match[str], days: list[tuple[int | None, int, int, str]], today: date) -> bool:
    """Whether every weekday of a date match is right in the year nearest the posting day."""
    for _, month, day, group in days:
        try:
            actual = _nearest(month, day, today)
        except ValueError:
            return False
        if actual is None or _as_kanji(m.group(group)) != WEEKDAYS[actual.weekday()]:
            return False
    return True


def _fmt_day(t: datetime, ctx: CheckContext) -> str:
    lt = t.astimezone(local_zone(ctx))
    return f"{lt.year}年{lt.month}月{lt.day}日（{WEEKDAYS[lt.weekday()]}）"


def _fmt(t: datetime, ctx: CheckContext) -> str:
    # Written as the thread's 「投稿予定: 2026年12月7日（月）09:30」 above the finding is.
    return f"{_fmt_day(t, ctx)}{t.astimezone(local_zone(ctx)):%H:%M}"


@rule(
    code="schedule.past",
    severity="error",
    summary="投稿予定日時が過去",
    clause="上越市 6(1)② 【時間】",
    fires=Example("明日のお知らせです。", scheduled_at=EXAMPLE_NOW - timedelta(hours=1)),
    passes=Example("明日のお知らせです。", scheduled_at=EXAMPLE_NOW + timedelta(hours=1)),
)
def past(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """投稿予定日時（予約投稿の日時）がすでに過ぎている下書きを止めます。

    上越市 6(1)②【時間】は発信の時間を定めています。過去の日時では予約どおりに投稿されず、
    「明日」「本日」などの表現もずれてしまいます。日時を直してから決裁に回してください。
    """
    if ctx.scheduled_at is not None and ctx.scheduled_at < ctx.now:
        yield Hit(
            0,
            0,
            f"投稿予定日時（{_fmt(ctx.scheduled_at, ctx)}）をすでに過ぎています。日時を設定し直してください。",
            excerpt=_fmt(ctx.scheduled_at, ctx),
        )


@rule(
    code="schedule.outside_hours",
    severity="warning",
    summary="業務時間外・休日の投稿",
    clause="上越市 6(1)② 【時間】",
    fires=Example(
        "イベントのお知らせです。",
        scheduled_at=datetime(2025, 11, 23, 20, 0, tzinfo=ZoneInfo("Asia/Tokyo")),
        now=datetime(2025, 11, 21, 18, 0, tzinfo=ZoneInfo("Asia/Tokyo")),
    ),
    passes=Example(
        "大雨のため避難所を開設しました。",
        category="emergency",
        scheduled_at=datetime(2025, 11, 23, 20, 0, tzinfo=ZoneInfo("Asia/Tokyo")),
    ),
)
def outside_hours(doc: Document, ctx: CheckContext, opts: RuleOptions) -> Iterator[Hit]:
    """業務時間外・休日（土日、祝日、12/29〜1/3、組織設定の閉庁日）に投稿される下書きを知らせます。
    勤務時間（`working_hours`）の終わりの時刻は業務時間内です（「08:30-17:15」なら 17:15 の投稿には反応せず、17:16 からが時間外です）。

    上越市 6(1)②【時間】は「原則として就業時間内に行ってください。ただし、災害やイベントなど
    即時性が求められる情報は、夜間・休日など就業時間外も発信することができる」としているので、
    区分「緊急・災害」では反応しません。イベント当日の様子のような即時性が求められる情報は区分からは
    分からないので知らせますが、メッセージでこの例外を示し、当たるかどうかは決裁者が判断します。和気町 5(4) は「投稿予約については就業時間外の設定も
    可とする」としているため、業務時間内に予約した時間外の投稿は info に下げます。投稿時刻が
    決まっていない下書き（受付チャンネルに貼られ、承認後に投稿されるもの）と、投稿予定日時がすでに過ぎている
    下書き（「投稿予定日時が過去」として日時の設定し直しを求めます）には反応しません。
    `kessai check` は `--at`（省略時は現在）を投稿時刻として渡します（日付だけの `--at` では時刻が
    分からないので、業務時間外かどうかは確かめず、土日・祝日・年末年始・閉庁日かどうかだけを確かめます）。
    """
    if ctx.category == "emergency":
        return
    from bot.calendar import BusinessCalendar

    if ctx.scheduled_at is None:
        return  # posted whenever it is approved: there is no posting time to judge yet
    if ctx.scheduled_at < ctx.now:
        # schedule.past asks for a new time: this one will not be the post's, and 「休日です。業務時間内に
        # 予約しているので問題ありません」 under 「すでに過ぎています」 judged it as if it were.
        return
    calendar = BusinessCalendar(ctx.policy.working_hours, ctx.policy.tz, ctx.policy.closed_days)
    when = ctx.scheduled_at
    # 「2027年1月11日（月）10:00」 or 「2026年12月29日（火）10:00」 looks like a working morning: say it is
    # 成人の日 or 年末年始, or the operator takes the finding for a mistake.
    closed = calendar.non_business_reason(calendar.local(when).date())
    if ctx.scheduled_day_only:
        # The day alone: a Saturday or 12/30 is a day off whatever the hour, but a weekday is not
        # judged, and the time shown would be one nobody wrote.
        if closed is None:
            return
        shown = _fmt_day(when, ctx)
    elif calendar.in_working_hours(when):
        return
    else:
        shown = _fmt(when, ctx)
    what = f"休日（{closed}）" if closed else "業務時間外"
    reserved_in_hours = when != ctx.now and calendar.in_working_hours(ctx.now)
    if reserved_in_hours:
        yield Hit(
            0,
            0,
            f"投稿予定の{shown}は{what}です。業務時間内に予約しているので問題ありませんが、"
            "投稿後の反応に対応できる体制を確認してください。",
            severity="info",
            excerpt=shown,
        )
    else:
        yield Hit(
            0,
            0,
            # The clause's whole exception, not only the category's: an event-day post on a Saturday is
            # one the guideline allows, which 「緊急・災害でなければ」 told the operator to move.
            f"投稿予定の{shown}は{what}です。緊急・災害やイベント当日など即時性が求められる情報でなければ、"
            "業務時間内に投稿するか、業務時間内に予約してください。",
            excerpt=shown,
        )
