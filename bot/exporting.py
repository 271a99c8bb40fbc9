"""What every export (ledger, incidents) shares: the date range, the file formats, where it goes."""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

RANGE_ERROR_JA = "--from / --to は YYYY-MM-DD の形式で指定してください。"


def day_range(date_from: str | None, date_to: str | None, tz: ZoneInfo) -> tuple[datetime | None, datetime | None]:
    """Whole local days, both ends included. ValueError, with the Japanese to print, on anything
    but YYYY-MM-DD or on a range that ends before it starts (an empty export would look like
    "nothing happened" rather than like the typo it is)."""

    def day(s: str | None, end: bool) -> datetime | None:
        if not s:
            return None
        try:
            return datetime.combine(date.fromisoformat(s), time.max if end else time.min, tzinfo=tz)
        except ValueError:
            raise ValueError(RANGE_ERROR_JA) from None

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
    """To FILE (with a note on stderr) or to stdout."""
    if output:
        Path(output).write_text(text, encoding="utf-8", newline="")
        print(f"{count} 件の{what_ja}を {output} に書き出しました。", file=sys.stderr)
    else:
        sys.stdout.write(text)
