"""Business calendar: which instants count as 業務時間, and arithmetic on them.

Pure code (no I/O, no "now"): every function takes the instants it reasons about.

Business time is the working hours (e.g. ``"08:30-17:15"``, start inclusive, end exclusive) of
business days: weekdays that are neither a Japanese public holiday (祝日・振替休日・国民の休日,
computed by ``jpholiday`` from the 祝日法 rules, so future years need no table updates) nor
年末年始 (12/29–1/3, the closing days of 行政機関の休日に関する法律), nor one of the
organisation's own 閉庁日 (``[policy] closed_days``: a date, or a month and day every year).

Durations such as ``"1d"`` in the organisation file are business time: **one day ("1d") is one
full working day**, i.e. the length of the working hours (8h45m for ``08:30-17:15``), not 24 hours.
So ``add_business_time(Mon 10:00, 1d)`` is Tue 10:00, and Fri 17:00 + 1h is Mon 09:15.

All arithmetic is done on UTC instants, with the working-hour windows built from local wall-clock
times in the calendar's zone, so inputs in any zone (and zones with DST) give correct results.
"""

from __future__ import annotations

import contextlib
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import jpholiday

from bot.eras import ERA_BASE, ERA_SPANS
from bot.typed import typed_form, visible_form

__all__ = [
    "DEFAULT_TZ",
    "DEFAULT_WORKING_HOURS",
    "BusinessCalendar",
    "ClosedDay",
    "DateOutsideEra",
    "WeekdayMismatch",
    "format_duration",
    "is_year_end_closure",
    "parse_closed_day",
    "parse_duration",
    "parse_instant",
    "parse_working_hours",
    "zone_label_ja",
]

DEFAULT_WORKING_HOURS = "08:30-17:15"
DEFAULT_TZ = "Asia/Tokyo"


def zone_label_ja(tz: str) -> str:
    """How a time in KESSAI_TZ ``tz`` is labelled: 日本時間, or the zone's IANA name as it was set."""
    return "日本時間" if tz == DEFAULT_TZ else tz

_DURATION_RE = re.compile(r"(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?")
_CLOCK_RE = r"(\d{1,2}):(\d{2})"
# Hyphen, tilde and the dashes people type in Japanese documents (〜 survives NFKC, so list it).
# Between the two times: a hyphen, or a dash or wave as a Japanese IME types it (NFKC keeps
# 「−」 U+2212, which a Mac's IME gives for a full-width minus, and 「‐」 U+2010).
_HOURS_RE = re.compile(rf"{_CLOCK_RE}\s*[-~〜–—−‐]\s*{_CLOCK_RE}")


def _normalise(s: str) -> str:
    # NFKC turns full-width digits/letters (「２ｈ」「０８：３０」) into ASCII, which an IT 担当
    # typing in a Japanese IME produces easily; refusing them would only be unkind. A zero-width
    # space copied along from a web page is as invisible in the file as in the message.
    return typed_form(s).strip()


def parse_working_hours(s: str) -> tuple[time, time]:
    """Parse ``"08:30-17:15"`` into ``(time(8, 30), time(17, 15))``.

    Raises ValueError (Japanese message) unless it is ``HH:MM-HH:MM`` with start < end on the same
    day (shifts across midnight are not a municipal office's working hours).
    """
    text = _normalise(s) if isinstance(s, str) else ""
    m = _HOURS_RE.fullmatch(text)
    if m is None:
        raise ValueError(
            f"勤務時間「{s}」を読み取れません。「08:30-17:15」のように「開始-終了」の形で書いてください。"
        )
    h1, m1, h2, m2 = (int(g) for g in m.groups())
    if h1 > 23 or h2 > 23 or m1 > 59 or m2 > 59:
        raise ValueError(f"勤務時間「{s}」に存在しない時刻があります。00:00〜23:59 の範囲で書いてください。")
    start, end = time(h1, m1), time(h2, m2)
    if start >= end:
        raise ValueError(
            f"勤務時間「{s}」は終了が開始より前か同じです。開始より後の終了時刻を書いてください。"
        )
    return start, end


def _working_day_length(start: time, end: time) -> timedelta:
    return datetime.combine(date.min, end) - datetime.combine(date.min, start)


DEFAULT_WORKING_DAY = _working_day_length(*parse_working_hours(DEFAULT_WORKING_HOURS))


def parse_duration(s: str, day: timedelta = DEFAULT_WORKING_DAY) -> timedelta:
    """Parse ``"15m"``, ``"2h"``, ``"1d"``, ``"1h30m"``, ``"90m"``, ``"1d4h"`` into a timedelta.

    ``day`` is what one ``d`` is worth: by default one working day of ``08:30-17:15`` (8h45m),
    because the organisation file's durations are business time; pass ``timedelta(days=1)`` for
    wall-clock settings, or use ``BusinessCalendar.parse_duration`` for the calendar's own day.
    Zero and negative durations are refused: no setting in the file means "immediately".
    """
    text = _normalise(s).replace(" ", "") if isinstance(s, str) else ""
    m = _DURATION_RE.fullmatch(text)
    if not text or m is None:
        raise ValueError(
            f"期間「{s}」を読み取れません。「15m」「2h」「1d」「1h30m」のように、"
            "数字と単位（d＝業務日、h＝時間、m＝分）を続けて書いてください。"
        )
    days, hours, minutes = (int(g) if g else 0 for g in m.groups())
    try:
        total = days * day + timedelta(hours=hours, minutes=minutes)
    except OverflowError:
        # 「30000000000h」: beyond what a timedelta holds, and beyond any limit a setting has.
        raise ValueError(f"期間「{s}」は長すぎます。「15m」「2h」「1d」のように、実際に待つ長さを書いてください。") from None
    if total <= timedelta(0):
        raise ValueError(f"期間「{s}」は 0 です。1m 以上の長さを書いてください。")
    return total


def format_duration(d: timedelta, day: timedelta | None = None) -> str:
    """Inverse of ``parse_duration`` for messages: ``timedelta(minutes=90)`` → ``"1h30m"``.

    With ``day`` given, whole working days are written as ``d`` (``8h45m`` → ``"1d"``).
    Seconds are dropped: the file's durations are in minutes.
    """
    minutes = int(d.total_seconds() // 60)
    if minutes <= 0:
        return "0m"
    parts: list[str] = []
    if day is not None and day > timedelta(0):
        day_minutes = int(day.total_seconds() // 60)
        days, minutes = divmod(minutes, day_minutes)
        if days:
            parts.append(f"{days}d")
    hours, minutes = divmod(minutes, 60)
    if hours:
        parts.append(f"{hours}h")
    if minutes:
        parts.append(f"{minutes}m")
    return "".join(parts)


def is_year_end_closure(d: date) -> bool:
    """年末年始 (12/29–1/3): government offices are closed though most are not public holidays."""
    return (d.month == 12 and d.day >= 29) or (d.month == 1 and d.day <= 3)


@lru_cache(maxsize=4096)
def holiday_name(d: date) -> str | None:
    """The public holiday ``d`` is (振替休日 included), or None."""
    # Cached because reminder sweeps ask about the same few dates for thousands of drafts.
    name: str | None = jpholiday.is_holiday_name(d)
    return name


#: A closed day of ``[policy] closed_days``: one date, or (month, day) every year.
ClosedDay = date | tuple[int, int]

_CLOSED_MONTH_DAY = re.compile(r"(\d{1,2})[-/月](\d{1,2})日?")


def parse_closed_day(value: str | date) -> ClosedDay:
    """A 閉庁日 as written in the organisation file: ``"2027-06-23"`` (that day; also 2027/6/23,
    令和9年6月23日, or a TOML date) or ``"06-23"`` / ``"6/23"`` / ``"6月23日"`` (every year, such as
    a 創立記念日 or 慰霊の日). Raises ValueError (Japanese) for anything else or a day that does not
    exist; ``"02-29"`` is accepted and is closed in leap years only."""
    if isinstance(value, datetime):
        raise ValueError(f"閉庁日「{value.isoformat()}」に時刻が付いています。「2027-06-23」のように日付だけを書いてください。")
    if isinstance(value, date):
        return _in_calendar_years(value, value.isoformat())
    written = visible_form(value).strip()
    if m := _CLOSED_MONTH_DAY.fullmatch(written):
        month, day = int(m.group(1)), int(m.group(2))
        try:
            date(2000, month, day)  # a leap year: 2/29 exists
        except ValueError:
            raise ValueError(f"閉庁日「{value}」は存在しない日付です。月と日を確かめてください。") from None
        return month, day
    dated = _WEEKDAY_NOTE.sub("", written).rstrip()  # 「2027-06-23(水)」, copied from a notice
    if _WRITTEN_DATE.fullmatch(dated) or _ERA_DATE.fullmatch(dated):
        try:
            found = parse_noted_date(written)
        except WeekdayMismatch as e:
            raise ValueError(f"閉庁日「{value}」: {e}") from None
        except DateOutsideEra as e:
            raise ValueError(f"閉庁日{e}") from None
        if found is None:
            raise ValueError(f"閉庁日「{value}」は存在しない日付です。年・月・日を確かめてください。")
        return _in_calendar_years(found, value)
    raise ValueError(
        f"閉庁日「{value}」を日付として読み取れません。その年だけなら「2027-06-23」、"
        "毎年なら「06-23」のように書いてください。"
    )


# The years kessai's holiday table and date arithmetic serve (as `kessai check --at`): 「9999-12-31」,
# typed as "for ever", failed the closed_days check with a traceback (year 10000 is out of range).
CALENDAR_YEARS = range(2000, 2200)


def _in_calendar_years(day: date, written: str) -> date:
    if day.year not in CALENDAR_YEARS:
        raise ValueError(f"閉庁日「{written}」の年が範囲外です。2000年から2199年までの日付を書いてください"
                         "（毎年の閉庁日は「06-23」のように月日だけを書きます）。")
    return day


_WRITTEN_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?")
_ERA_DATE = re.compile(r"(令和|平成|R|H)(\d{1,2}|元)[年.](\d{1,2})[月.](\d{1,2})日?", re.IGNORECASE)
_MONTH_DAY = re.compile(r"(\d{1,2})[/月](\d{1,2})日?")


# The weekdays a month can lose to holidays and 年末年始 alone (January: 1/1–1/3, 成人の日 and a
# substitute holiday); a month with more weekdays than this left open has a business day.
_MOST_WEEKDAYS_HOLIDAYS_TAKE = 8
# Which weekday a month starts on, and so which of its dates are weekdays, repeats every 28 years
# (between 1901 and 2099): a yearly 閉庁日 empties a month within 28 years from now or never.
_WEEKDAY_CYCLE_YEARS = 28


def month_without_business_day(closed: Iterable[ClosedDay], start: date) -> tuple[int, int] | None:
    """The first (year, month) from ``start`` on with no business day left under these 閉庁日, if any.

    A ``closed_days`` list that closes every weekday of a month (a pasted list of every date, a
    range typed day by day) leaves the month without a last business day, so the file is refused.
    Every month a dated 閉庁日 falls in is looked at, and a yearly one's month over a whole cycle
    of weekdays: a list that empties June only when 6/27 is a Saturday (2037) is refused today.
    """
    cal = BusinessCalendar(closed=closed)
    first = (start.year, start.month)
    months = {(d.year, d.month) for d in cal.closed_dates}
    months |= {(y, m) for m, _ in cal.closed_yearly for y in range(start.year, start.year + _WEEKDAY_CYCLE_YEARS + 1)}
    for year, month in sorted(m for m in months if m >= first):
        days = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)).day
        open_weekdays = [d for d in (date(year, month, n) for n in range(1, days + 1))
                         if d.weekday() < 5 and d not in cal.closed_dates and (month, d.day) not in cal.closed_yearly]
        if len(open_weekdays) > _MOST_WEEKDAYS_HOLIDAYS_TAKE:
            continue
        # Only the few weekdays left open are asked of the holiday table (slow: jpholiday).
        if not any(cal.is_business_day(d) for d in open_weekdays):
            return year, month
    return None


_ERA_OF_LETTER = {"R": "令和", "H": "平成"}


class DateOutsideEra(ValueError):
    """An era date its era never had (「令和元年4月30日」, 「平成31年5月1日」): read by arithmetic it
    is a real day, but whether the era or the day is the typo is unknown. The message (Japanese)
    names the date as typed and the era's span."""


def _check_in_era(era: str, day: date, written: str) -> None:
    first, last = next((a, b) for e, a, b in ERA_SPANS if e == era)
    if first <= day <= last:
        return
    span = f"{first.year}年{first.month}月{first.day}日から"
    if last != date.max:
        span += f"{last.year}年{last.month}月{last.day}日まで"
    raise DateOutsideEra(f"「{written}」は{era}の期間にない日付です（{era}は{span}です）。年号と年をお確かめください。")


def parse_date(text: str, today: date | None = None) -> date | None:
    """A date as people type it: 2026-12-01, 2026/12/1, 2026.12.1, ２０２６年１２月１日 (full-width digits
    are read as typed on a PC), 令和8年12月1日 or R8.12.1; with ``today``, also 12/1 and 12月1日: the
    next such day from today (on a phone nobody types the year; in November, 1/5 is next January).
    None when it is not a date, or not one that exists (2026-13-01, 2/30); DateOutsideEra for an era
    date its era never had (令和元年4月30日)."""
    written = visible_form(text).strip()
    try:
        if m := _WRITTEN_DATE.fullmatch(written):
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m := _ERA_DATE.fullmatch(written):
            era = m.group(1).upper() if m.group(1).isascii() else m.group(1)
            if m.group(2) != "元" and int(m.group(2)) == 0:
                # An era counts from 元年 (1): 令和0年 was read as 2018, a year of 平成.
                return None
            year = ERA_BASE[era] + (1 if m.group(2) == "元" else int(m.group(2)))
            read = date(year, int(m.group(3)), int(m.group(4)))
            _check_in_era(_ERA_OF_LETTER.get(era, era), read, text.strip())
            return read
        if today is not None and (m := _MONTH_DAY.fullmatch(written)):
            month, day = int(m.group(1)), int(m.group(2))
            for year in range(today.year, today.year + 5):  # 2/29 waits for a leap year
                with contextlib.suppress(ValueError):
                    if (candidate := date(year, month, day)) >= today:
                        return candidate
    except DateOutsideEra:
        raise
    except ValueError:
        return None
    return None


# A start typed without its year may be this recent in the past (an absence entered late, or a
# past period typed by mistake, which is then refused as past); an older month and day is the next
# one (「6/10」 typed in December is next June, not last June).
_RECENT_START = timedelta(days=92)
# An end typed without its year rolls into the next year only for a period of half a year at most
# (「12/28 1/5」「12/25-3/31」); 「12/10 12/5」 is the two dates typed the wrong way round, not an
# absence of a year.
_LONGEST_ROLLED_PERIOD = timedelta(days=183)


def _start_day(month: int, day: int, today: date) -> date | None:
    """The start of a period typed as month and day: the such day in the last three months, else
    the next one."""
    upcoming = parse_date(f"{month}/{day}", today)
    for year in (today.year, today.year - 1):
        with contextlib.suppress(ValueError):
            candidate = date(year, month, day)
            if today - _RECENT_START <= candidate < today:
                return candidate
    return upcoming


def _end_day(month: int, day: int, start: date) -> date | None:
    """The end of a period typed as month and day: the first such day from the start when the
    period is short; else that day in the start's year (before the start: refused as reversed)."""
    rolled = parse_date(f"{month}/{day}", start)
    if rolled is not None and rolled - start <= _LONGEST_ROLLED_PERIOD:
        return rolled
    try:
        return date(start.year, month, day)
    except ValueError:
        # 「2/28-2/29」 in a year without a leap day: the next 2/29 is a year on, and an absence of
        # a year (every request to the deputies) is not what was meant. Refused, to be typed again.
        return None


# Between two dates: a wave dash (〜, and ~ after NFKC) or 「から」, spaces, or any dash or minus
# (「11/24-11/26」「12/10−12/15」「2026-12-10–2026-12-15」; a hyphen is tried at each place, since
# one also joins the parts of 「2026-12-10」).
_WAVE = re.compile(r"\s*(?:[~〜]|から)\s*")
_DASHES = "-ー－‐−–—"
# A calendar or a notice marks a holiday beside its weekday: 「11/23(月・祝)」, a substitute holiday
# 「5/6(水・休)」, or 「(祝)」 alone; the weekday (when there is one) is still checked.
_WEEKDAY_NOTE = re.compile(r"[(（](?:([月火水木金土日])(?:曜日?)?(?:・?[祝休]日?)?|[祝休]日?)[)）]")
_WEEKDAYS = "月火水木金土日"
# The month (when written) and day just before a weekday note: 「12月1日」「12/1」「2026-12-01」「R8.12.1」「15」.
_NOTED_DAY = re.compile(r"(?:(\d{1,2})[-/.月])?(\d{1,2})日?$")
_UNTIL = re.compile(r"\s*まで$")


class WeekdayMismatch(ValueError):
    """A weekday typed next to a date is not that date's: which of the two was meant is unknown.
    The message (Japanese) names both."""


def _check_weekday_notes(written: str, days: Iterable[date]) -> None:
    """Each weekday note of ``written`` (「12/1(火)」「12月1日（火曜日）」) against the one of ``days``
    its date names: a note typed by someone looking at a calendar is the check of the date, and a
    date that contradicts it is as likely the typo (last year's notice copied: 12/1 was a Monday
    in 2025). A note no date before it names is left alone."""
    candidates = list(dict.fromkeys(days))
    wrong: list[str] = []
    for note in _WEEKDAY_NOTE.finditer(written):
        before = written[: note.start()].rstrip()
        m = _NOTED_DAY.search(before[-8:])  # a month and a day are at most 6 characters
        if m is None or note.group(1) is None:  # 「(祝)」: no weekday to check
            continue
        month, day = (int(m.group(1)) if m.group(1) else None), int(m.group(2))
        for candidate in candidates:
            if candidate.day == day and month in (None, candidate.month):
                real, typed = _WEEKDAYS[candidate.weekday()], note.group(1)
                if real != typed:
                    # The year too: one typed without it was chosen by kessai, and may be the one not meant.
                    wrong.append(f"{candidate.year}年{candidate.month}月{candidate.day}日は{real}曜日で、"
                                 f"{typed}曜日ではありません。")
                break
    if wrong:
        raise WeekdayMismatch("".join(wrong) + "日付か曜日をお確かめください。")


def parse_noted_date(text: str) -> date | None:
    """``parse_date`` (with the year) of a date that may have its weekday after it (「2026-12-01(火)」):
    None when it is not a date; WeekdayMismatch when the weekday is not the date's."""
    written = visible_form(text).strip()
    note = _WEEKDAY_NOTE.search(written)
    if note is None or note.end() != len(written):
        return parse_date(written)
    found = parse_date(written[: note.start()])
    if found is not None:
        _check_weekday_notes(written, [found])
    return found


# A date and time as Excel shows a cell (「2026/12/5 10:00」) or people type it (「2026年12月5日 10:00」,
# 「令和8年12月5日 10:00」, with the weekday 「2026/12/5(土) 10:00」): the date as parse_noted_date reads it.
_DATE_AND_TIME = re.compile(r"(?P<date>.+?)(?:\s*T\s*|\s+)(?P<h>\d{1,2}):(?P<m>\d{2})(?::(?P<s>\d{2}))?")
# 「令和8年12月7日（月・祝） 10:00:00」 is 26 characters. A cell holding a whole post is none, and
# the date's readers would take time growing faster than its length.
_LONGEST_INSTANT = 64
INSTANT_FORMS_JA = ("ISO 8601 形式（例: 2026-12-08T10:00+09:00）か、2026/12/8 10:00、令和8年12月8日 10:00 のように"
                    "指定してください（タイムゾーンを省略すると KESSAI_TZ の時刻とみなします）。")


def _written_instant(written: str) -> tuple[datetime, bool] | None:
    """``written`` as ISO 8601 or as Excel and people write a day and its time, naive unless ISO
    gave a zone; with whether it had a time. None when it is neither; ValueError (a Japanese
    reason) for a date its weekday or era contradicts."""
    if len(written) > _LONGEST_INSTANT:
        return None
    try:
        date.fromisoformat(written)
    except ValueError:
        pass
    else:
        return datetime.fromisoformat(written), False
    try:
        return datetime.fromisoformat(written), True
    except ValueError:
        pass
    read = visible_form(written)
    if (m := _DATE_AND_TIME.fullmatch(read)) is not None:
        day = parse_noted_date(m["date"])
        if day is None:
            return None
        try:
            return datetime(day.year, day.month, day.day, int(m["h"]), int(m["m"]), int(m["s"] or 0)), True
        except ValueError:
            return None  # 25:00, 10:60
    day = parse_noted_date(read)
    return None if day is None else (datetime(day.year, day.month, day.day), False)


def parse_instant(value: str, zone: ZoneInfo) -> tuple[datetime, bool]:
    """An instant as every command takes one (`kessai check --at` and a --jsonl line's "at",
    `kessai remind --now`): ISO 8601, or a day and its time as Excel shows and people type them
    (「2026/12/8 10:00」「令和8年12月8日 10:00」「2026/12/8(火) 10:00」, full-width too). A time
    without its zone is ``zone``'s. With whether a time of day was given: a day alone is its 00:00,
    and what that means is the caller's (a post whose time is not known, for check).

    ValueError, with the Japanese to print after the option's name, for what is none of these, a
    weekday or era the date does not have, or a year outside 2000–2199: the rules read the time
    against holidays and eras, and an instant no post was or will be made at (year 1, 9999) is a typo."""
    # A whole post in an "at" cell is not echoed back in full.
    shown = value if len(value) <= 40 else value[:40] + "…"
    try:
        # A spreadsheet's column keeps the space after the value, and the message would not show it.
        read = _written_instant(value.strip())
    except ValueError as exc:  # a weekday or era the date does not have: which one is wrong is unknown
        raise ValueError(f"日時「{shown}」: {exc}") from None
    if read is None:
        raise ValueError(f"日時「{shown}」を読み取れません。{INSTANT_FORMS_JA}")
    t, timed = read
    t = t if t.tzinfo is not None else t.replace(tzinfo=zone)
    # Checked before any conversion: year 1 at +14:00 cannot be converted (OverflowError).
    if not CALENDAR_YEARS.start <= t.year < CALENDAR_YEARS.stop or not (
            CALENDAR_YEARS.start <= t.astimezone(zone).year < CALENDAR_YEARS.stop):
        raise ValueError(f"日時「{shown}」の年が範囲外です。2000年から2199年までの日時を指定してください。")
    return t, timed


def parse_date_range(text: str, today: date) -> tuple[str, date | None, date | None] | None:
    """A period as people type it after `/kessai away`: one date, or two (「2026-12-01 2026-12-05」,
    「12/1〜12/5」, 「12月1日から12月5日まで」, 「12/28-1/5」, 「12/10(木)-12/15(火)」, 「12/10-15」),
    or an end alone (「12/10まで」「〜12/10」: from today). Returns (the piece that is no date, or
    "から" for a start without its end, or ""; start; end), None when there are not one or two pieces.

    Without a year, the start is the such day in the last three months (an absence entered late:
    「11/20 11/26」 on 11/24), else the next one; an end alone is read the same way (「11/30まで」 on
    12/4 is past, and refused). An end after a start is the first such day from the start when that
    makes a period of half a year at most (「12/28 1/5」「12/25-3/31」 run over the new year), else it
    is read in the start's year, so that 「12/10 12/5」 is refused as reversed, not a year away.

    A weekday typed after a date (「12/1(火)」) must be that date's: WeekdayMismatch otherwise."""
    noted = visible_form(text)
    # A note between two dates parts them: 「12/1(火)12/5(土)」 is not 「12/112/5」.
    written = _WEEKDAY_NOTE.sub(lambda m: " " if noted[m.end() : m.end() + 1].isdigit() else "", noted).strip()
    until = bool(_UNTIL.search(written)) or written[:1] in "~〜"
    written = _UNTIL.sub("", written).lstrip("~〜 ").strip()
    open_ended = written.endswith("から")
    pieces = _pieces(written.removesuffix("から").strip())
    if len(pieces) not in (1, 2):
        return None
    if len(pieces) == 1 and until:
        # 「11/30まで」 typed on 12/4 is a date just past (refused), not next November.
        end = _period_date(pieces[0], lambda m, d: _start_day(m, d, today))
        _check_weekday_notes(noted, [end] if end is not None else [])
        return ("" if end is not None else pieces[0]), (today if end is not None else None), end
    start = _period_date(pieces[0], lambda m, d: _start_day(m, d, today))
    if start is None:
        return pieces[0], None, None
    if len(pieces) == 1 and open_ended:
        _check_weekday_notes(noted, [start])
        return "から", start, None
    end = _period_date(pieces[-1], lambda m, d: _end_day(m, d, start))
    if end is None and len(pieces) == 2 and (m := _DAY_ONLY.fullmatch(pieces[1])):
        # 「12/1〜5」「12月1日から5日まで」: that day of the start's month, or of the next one.
        day = int(m.group(1))
        end = parse_date(f"{start.month if day >= start.day else start.month % 12 + 1}/{day}", start)
    _check_weekday_notes(noted, [start] if end is None else [start, end])
    return ("" if end is not None else pieces[-1]), start, end


def _pieces(written: str) -> list[str]:
    """The one or two dates of a period, split where a split leaves dates on both sides."""
    written = re.sub(rf"\s*([{_DASHES}])\s*", r"\1", written)  # 「12/10 - 12/15」
    parts = [p for p in _WAVE.split(written) if p]
    if len(parts) > 1:
        return parts
    spaced = written.split()
    if len(spaced) > 1:
        return spaced
    for i, ch in enumerate(written):
        if ch in _DASHES and 0 < i < len(written) - 1:
            left, right = written[:i].strip(), written[i + 1 :].strip()
            if _looks_like_date(left) and (_looks_like_date(right) or _DAY_ONLY.fullmatch(right)):
                return [left, right]
    return [written] if written else []


def _looks_like_date(piece: str) -> bool:
    return bool(_MONTH_DAY.fullmatch(piece) or parse_date(piece) is not None)


_DAY_ONLY = re.compile(r"(\d{1,2})日?")


def _period_date(piece: str, month_day: Callable[[int, int], date | None]) -> date | None:
    if m := _MONTH_DAY.fullmatch(piece):
        try:
            return month_day(int(m.group(1)), int(m.group(2)))
        except ValueError:
            return None
    return parse_date(piece)


def _load_zone(tz: str) -> ZoneInfo:
    try:
        return ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, TypeError) as exc:
        raise ValueError(
            f"タイムゾーン「{tz}」が見つかりません。「Asia/Tokyo」のような IANA の名前を書いてください。"
        ) from exc


def _require_aware(t: datetime, what: str) -> None:
    if t.tzinfo is None or t.utcoffset() is None:
        raise ValueError(
            f"{what}にタイムゾーンがありません（{t.isoformat()}）。タイムゾーン付きの日時を渡してください。"
        )


class BusinessCalendar:
    """Working hours on business days in one time zone. Immutable and cheap to build."""

    __slots__ = ("working_hours", "tz", "zone", "start", "end", "day_length", "closed_dates", "closed_yearly")

    def __init__(self, working_hours: str = DEFAULT_WORKING_HOURS, tz: str = DEFAULT_TZ,
                 closed: Iterable[ClosedDay] = ()) -> None:
        self.working_hours = working_hours
        self.tz = tz
        self.zone = _load_zone(tz)
        self.start, self.end = parse_working_hours(working_hours)
        #: one "d" of a business-time duration
        self.day_length = _working_day_length(self.start, self.end)
        closed = tuple(closed)
        #: the organisation's own 閉庁日 (``[policy] closed_days``): these dates, and these (month, day) every year
        self.closed_dates = frozenset(c for c in closed if isinstance(c, date))
        self.closed_yearly = frozenset(c for c in closed if isinstance(c, tuple))

    def __repr__(self) -> str:
        return f"BusinessCalendar(working_hours={self.working_hours!r}, tz={self.tz!r})"

    def _key(self) -> tuple[object, ...]:
        return (self.start, self.end, self.tz, self.closed_dates, self.closed_yearly)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, BusinessCalendar):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    # --- days -------------------------------------------------------------------------------

    def non_business_reason(self, d: date) -> str | None:
        """Why ``d`` is not a business day, in Japanese (「土曜日」「勤労感謝の日」「年末年始」「閉庁日」), or None."""
        if d.weekday() == 5:
            return "土曜日"
        if d.weekday() == 6:
            return "日曜日"
        name = holiday_name(d)
        if name is not None:
            return name
        if is_year_end_closure(d):
            return "年末年始"
        if d in self.closed_dates or (d.month, d.day) in self.closed_yearly:
            return "閉庁日"
        return None

    def is_business_day(self, d: date) -> bool:
        """A weekday that is not a Japanese public holiday, not in 12/29–1/3 and not a 閉庁日."""
        return self.non_business_reason(d) is None

    def next_business_day(self, d: date) -> date:
        """The first business day strictly after ``d``."""
        return self.business_day_on_or_after(d + timedelta(days=1))

    def business_day_on_or_after(self, d: date) -> date:
        """``d`` itself if it is a business day, else the next one."""
        while not self.is_business_day(d):
            d += timedelta(days=1)
        return d

    def previous_business_day(self, d: date) -> date:
        """The last business day strictly before ``d``."""
        d -= timedelta(days=1)
        while not self.is_business_day(d):
            d -= timedelta(days=1)
        return d

    def last_business_day(self, year: int, month: int) -> date:
        """The last business day of the month (e.g. for the 上越市 monthly-minimum reminder)."""
        first_of_next = date(year + month // 12, month % 12 + 1, 1)
        return self.previous_business_day(first_of_next)

    def hours_in_japan(self, now: datetime) -> tuple[time, time] | None:
        """Where today's working hours fall in Japan's time, when this zone's time is not Japan's
        at some point of the year from ``now``; None when it always is (Asia/Tokyo, or a zone with
        the same offset all year, where nothing moves). Monthly samples catch any daylight saving."""
        _require_aware(now, "日時")
        japan = _load_zone(DEFAULT_TZ)
        if all((now + timedelta(days=30 * i)).astimezone(self.zone).utcoffset()
               == (now + timedelta(days=30 * i)).astimezone(japan).utcoffset() for i in range(13)):
            return None
        start, end = self._window(self.local(now).date())
        return start.astimezone(japan).time(), end.astimezone(japan).time()

    # --- instants ---------------------------------------------------------------------------

    def local(self, t: datetime) -> datetime:
        """``t`` in the calendar's zone."""
        _require_aware(t, "日時")
        return t.astimezone(self.zone)

    def is_business_instant(self, t: datetime) -> bool:
        """Within working hours (start inclusive, end exclusive) of a business day."""
        lt = self.local(t)
        return self.is_business_day(lt.date()) and self.start <= lt.time() < self.end

    def in_working_hours(self, t: datetime) -> bool:
        """Whether a post at ``t`` is made at work: as ``is_business_instant``, with the working hours'
        last minute in them (「08:30-17:15」 read as an office writes 「8:30〜17:15」: 17:15 in, 17:16
        out). The check of a scheduled post and the reminder at its time use this one reading;
        ``is_business_instant`` keeps the end exclusive for the arithmetic of business time, where
        17:15 is the next day's 08:30."""
        lt = self.local(t)
        minute = lt.time().replace(second=0, microsecond=0)
        return self.is_business_day(lt.date()) and self.start <= lt.time() and minute <= self.end

    def _window(self, d: date) -> tuple[datetime, datetime]:
        # Built from local wall-clock times, then taken to UTC so that subtraction is real
        # elapsed time even across a DST change (aware datetimes sharing a tzinfo subtract naively).
        start = datetime.combine(d, self.start, tzinfo=self.zone).astimezone(UTC)
        end = datetime.combine(d, self.end, tzinfo=self.zone).astimezone(UTC)
        return start, end

    def _windows_from(self, d: date) -> Iterator[tuple[datetime, datetime]]:
        while True:
            d = self.business_day_on_or_after(d)
            yield self._window(d)
            d += timedelta(days=1)

    def business_time_between(self, a: datetime, b: datetime) -> timedelta:
        """Business time elapsed from ``a`` to ``b``; ``timedelta(0)`` when ``b <= a``."""
        _require_aware(a, "開始日時")
        _require_aware(b, "終了日時")
        a_utc, b_utc = a.astimezone(UTC), b.astimezone(UTC)
        if b_utc <= a_utc:
            return timedelta(0)
        total = timedelta(0)
        for w_start, w_end in self._windows_from(a_utc.astimezone(self.zone).date()):
            if w_start >= b_utc:
                break
            overlap = min(b_utc, w_end) - max(a_utc, w_start)
            if overlap > timedelta(0):
                total += overlap
        return total

    def add_business_time(self, t: datetime, d: timedelta) -> datetime:
        """The instant at which ``d`` of business time has elapsed after ``t``.

        ``t`` outside business hours starts counting at the next opening. A result that exactly
        uses up a day is that day's closing time (08:30 + 1d → 17:15 the same day), not the next
        opening. Returned in the calendar's zone. ``d`` must not be negative.
        """
        _require_aware(t, "日時")
        if d < timedelta(0):
            raise ValueError(f"業務時間の加算に負の期間（{d}）は使えません。")
        if d == timedelta(0):
            return t.astimezone(self.zone)
        t_utc = t.astimezone(UTC)
        remaining = d
        # Whole weeks of business days could be skipped arithmetically, but durations in the file
        # are hours or a few days; a plain walk stays obviously correct.
        for w_start, w_end in self._windows_from(t_utc.astimezone(self.zone).date()):
            begin = max(t_utc, w_start)
            if begin >= w_end:
                continue
            available = w_end - begin
            if remaining <= available:
                return (begin + remaining).astimezone(self.zone)
            remaining -= available
        raise AssertionError("unreachable: business days never run out")

    def parse_duration(self, s: str) -> timedelta:
        """``parse_duration`` with this calendar's working day as ``1d``."""
        return parse_duration(s, day=self.day_length)


def business_instant_before(cal: BusinessCalendar, t: datetime, d: timedelta) -> datetime:
    """The latest instant ``x`` with ``cal.business_time_between(x, t) >= d``.

    The inverse of ``add_business_time``: a draft pending since ``x`` or earlier has waited at
    least ``d`` of business time at ``t``. It turns "has this draft waited long enough?" into an
    indexed ``updated_at <= cutoff`` query instead of a calendar walk per pending draft.
    """
    t_utc = t.astimezone(UTC)
    remaining = d
    day = t_utc.astimezone(cal.zone).date()
    if not cal.is_business_day(day):
        day = cal.previous_business_day(day)
    while True:
        w_start = datetime.combine(day, cal.start, tzinfo=cal.zone).astimezone(UTC)
        w_end = datetime.combine(day, cal.end, tzinfo=cal.zone).astimezone(UTC)
        end = min(w_end, t_utc)
        if end > w_start:
            available = end - w_start
            if remaining <= available:
                return end - remaining
            remaining -= available
        day = cal.previous_business_day(day)


def business_opening_on_or_after(cal: BusinessCalendar, d: date) -> datetime:
    """Opening time of the first business day on or after ``d`` (when date-based reminders fire)."""
    day = cal.business_day_on_or_after(d)
    return datetime.combine(day, cal.start, tzinfo=cal.zone).astimezone(UTC)


def next_business_instant(cal: BusinessCalendar, t: datetime) -> datetime:
    """``t`` itself during business hours, else the next opening."""
    if cal.is_business_instant(t):
        return t.astimezone(UTC)
    local = t.astimezone(cal.zone)
    day = local.date()
    if cal.is_business_day(day) and local.time() < cal.start:
        return business_opening_on_or_after(cal, day)
    return business_opening_on_or_after(cal, cal.next_business_day(day))
