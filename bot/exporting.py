"""What every export (ledger, incidents) shares: the date range, the file formats, where it goes."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.calendar import parse_date

RANGE_ERROR_JA = (
    "--from / --to の「{written}」は日付として読めません。2026-12-01、2026/12/1、令和8年12月1日 のように、"
    "年から指定してください。"
)


def day_range(date_from: str | None, date_to: str | None, tz: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    """Whole local days, both ends included, written as people write dates (bot.calendar.parse_date,
    with the year: an audit reaches back years). ValueError, with the Japanese to print, on what
    is not a date (2026-13-01) or on a range that ends before it starts (an empty export would look
    like "nothing happened" rather than like the typo it is)."""

    def day(s: str | None, end: bool) -> datetime | None:
        if not s:
            return None
        written = parse_date(s)
        if written is None:
            raise ValueError(RANGE_ERROR_JA.format(written=s))
        return datetime.combine(written, time.max if end else time.min, tzinfo=tz)

    start, stop = day(date_from, False), day(date_to, True)
    if start is not None and stop is not None and stop < start:
        raise ValueError(f"--from（{date_from}）が --to（{date_to}）より後の日付になっています。期間の指定を確認してください。")
    return start, stop


def to_json(rows: Sequence[Mapping[str, object]]) -> str:
    return json.dumps(list(rows), ensure_ascii=False, indent=2) + "\n"


# Excel treats a cell starting with one of these as a formula (=HYPERLINK(…) runs when opened).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(v: object) -> object:
    """A value as a cell: text that Excel would read as a formula is kept as text by a leading '
    (OWASP's advice for CSV injection); numbers stay numbers."""
    if v is None:
        return ""
    if isinstance(v, str) and v.startswith(_FORMULA_START):
        return "'" + v
    return v


def to_csv(rows: Iterable[Mapping[str, object]], columns: Mapping[str, str]) -> str:
    """UTF-8 with BOM and CRLF, so that Excel on a municipal PC opens it without mojibake.

    ``columns`` maps each key to its heading: the CSV is read by people, in Excel, so its
    headings are Japanese; the JSON export, read by programs, keeps the keys.
    """
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\r\n")
    w.writerow(dict(columns))
    for r in rows:
        w.writerow({k: _cell(v) for k, v in r.items()})
    return "\ufeff" + buf.getvalue()


def write(text: str, output: str | None, *, count: int, what_ja: str) -> None:
    """To FILE (with a note on stderr) or to stdout (no FILE, or 「-」 as other commands read it)."""
    if output and output != "-":
        Path(output).write_text(text, encoding="utf-8", newline="")
        print(f"{count} 件の{what_ja}を {output} に書き出しました。", file=sys.stderr)
    else:
        sys.stdout.write(text)
