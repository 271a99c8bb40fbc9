"""What every export (ledger, incidents) shares: the date range, the file formats, where it goes."""

from __future__ import annotations

import csv
import errno
import io
import os
import re
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, time
from pathlib import Path
from typing import TypeVar
from zoneinfo import ZoneInfo

from bot.calendar import DateOutsideEra, WeekdayMismatch, parse_noted_date
from bot.logs import json_text

T = TypeVar("T")

RANGE_ERROR_JA = (
    "{option} の「{written}」は日付として読めません。2026-12-01、2026/12/1、令和8年12月1日 のように、"
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
        option = "--to" if end else "--from"  # which of the two to fix, when both are given
        try:
            written = parse_noted_date(s)  # 「2026-12-01(火)」 as a calendar shows it
        except WeekdayMismatch as e:
            raise ValueError(f"{option} の「{s}」: {e}") from None
        except DateOutsideEra as e:
            raise ValueError(f"{option} の{e}") from None
        if written is None:
            raise ValueError(RANGE_ERROR_JA.format(option=option, written=s))
        return datetime.combine(written, time.max if end else time.min, tzinfo=tz)

    start, stop = day(date_from, False), day(date_to, True)
    if start is not None and stop is not None and stop < start:
        raise ValueError(f"--from（{date_from}）が --to（{date_to}）より後の日付になっています。期間の指定を確認してください。")
    return start, stop


def to_json(rows: Sequence[Mapping[str, object]]) -> str:
    return "".join(json_chunks(rows))


def json_chunks(rows: Iterable[Mapping[str, object]]) -> Iterator[str]:
    """A JSON list of ``rows`` (indented, as ``json.dumps(..., indent=2)`` writes it), a row at a
    time: a ledger of years is written without holding it all."""
    opening = "[\n"
    for r in rows:
        # json.dumps escapes "\n" inside strings, so each one here is between two lines of the row.
        # (Not textwrap.indent: it also breaks at U+2028, U+0085 and the like, which JSON leaves as
        # they are, and would put spaces inside a reason that holds one.)
        # json_text: U+2028, U+0085, U+202E… of a reason written \uXXXX (the same value), as they
        # would otherwise break or reorder the line when the export is shown on a terminal.
        yield opening + "  " + json_text(r, indent=2).replace("\n", "\n  ")
        opening = ",\n"
    yield "[]\n" if opening == "[\n" else "\n]\n"


# Excel treats a cell starting with one of these as a formula (=HYPERLINK(…) runs when opened).
# Japanese Excel also reads full-width ＝＋－＠ typed into a cell as the operators (the IME's
# width is forgiven); LibreOffice 7.4 keeps them as text when it opens a CSV, and Excel could not
# be tried, so they are guarded too: the cost is a visible ' on a 差戻し reason such as 「－日付…」.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")
# Digits Excel reads as a number it then shows otherwise: a leading 0 dropped (the first entry's
# 「前の記録のハッシュ」, 64 zeros, showed as 「0」; a phone number), 12 digits or more shown as
# 1.23457E+11, and past 15 the last digits lost.
_NUMBER_EXCEL_CHANGES = re.compile(r"0[0-9]+|[0-9]{12,}")


def _cell(v: object) -> object:
    """A value as a cell: text that Excel would read as a formula is kept as text by a leading '
    (OWASP's advice for CSV injection); numbers stay numbers. Text that already begins with ' gets
    one more, so that taking one ' off each cell that begins with one gives back exactly what was
    recorded: an auditor re-computes the ledger's hashes from the CSV (docs/operations.md)."""
    if v is None:
        return ""
    if isinstance(v, str) and (v.startswith((*_FORMULA_START, "'")) or _NUMBER_EXCEL_CHANGES.fullmatch(v)):
        return "'" + v
    return v


def to_csv(rows: Iterable[Mapping[str, object]], columns: Mapping[str, str], *,
           long_cells: list[LongCell] | None = None) -> str:
    """UTF-8 with BOM and CRLF, so that Excel on a municipal PC opens it without mojibake.

    ``columns`` maps each key to its heading: the CSV is read by people, in Excel, so its
    headings are Japanese; the JSON export, read by programs, keeps the keys. ``long_cells``
    collects the cells Excel would cut (see ``csv_chunks``).
    """
    return "".join(csv_chunks(rows, columns, long_cells=long_cells))


# Excel keeps at most this many characters (UTF-16 code units) in a cell, and cuts a longer
# value of a CSV it opens without saying so.
EXCEL_CELL_LIMIT = 32_767


@dataclass(frozen=True)
class LongCell:
    """A cell longer than Excel holds: its line in the CSV (the headings are line 1, as Excel
    numbers its rows), the row's first value, the column's heading and its length in UTF-16 units."""

    line: int
    key: str
    heading: str
    length: int


def csv_chunks(rows: Iterable[Mapping[str, object]], columns: Mapping[str, str], *,
               long_cells: list[LongCell] | None = None) -> Iterator[str]:
    """``to_csv``'s text, the headings and then a row at a time. Cells longer than Excel holds
    are written whole and, given ``long_cells``, added to it (``long_cells_ja`` says them)."""
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=list(columns), lineterminator="\r\n")
    w.writerow(dict(columns))
    yield "\ufeff" + buf.getvalue()
    first = next(iter(columns), None)
    for line, r in enumerate(rows, start=2):
        buf.seek(0)
        buf.truncate()
        cells = {k: _cell(v) for k, v in r.items()}
        if long_cells is not None:
            for k, v in cells.items():
                # Half the limit in code points cannot pass it in UTF-16 units: most cells are not encoded.
                if isinstance(v, str) and len(v) > EXCEL_CELL_LIMIT // 2 \
                        and (length := len(v.encode("utf-16-le", "surrogatepass")) // 2) > EXCEL_CELL_LIMIT:
                    key = cells.get(first, "") if first is not None else ""
                    long_cells.append(LongCell(line, str(key), columns.get(k, k), length))
        w.writerow(cells)
        yield buf.getvalue()


def long_cells_ja(long_cells: Sequence[LongCell], key_heading: str) -> str:
    """The note for stderr on cells Excel would cut (empty when there are none)."""
    if not long_cells:
        return ""
    each = "、".join(f"{c.line} 行目（{key_heading} {c.key}）の「{c.heading}」は {c.length:,} 文字" for c in long_cells)
    return (f"注意: CSV の {each}で、Excel の 1 つのセルに入る {EXCEL_CELL_LIMIT:,} 文字を超えています。"
            "Excel で開くと、このセルは途中で切れて表示されます（CSV ファイルには全文があります）。"
            "全文は、テキストエディターで開くか、--format json で書き出して確かめてください。")


def nothing_written_ja(what_ja: str, date_from: str | None, date_to: str | None, fmt: str) -> str:
    """The note for stderr when an export to stdout had no rows: the headings alone (or ``[]``)
    redirected into a file read as "nothing happened in that period", a mistyped period's too.
    (An export to FILE says 「0 件の…を書き出しました」 already.)"""
    period = (f"{date_from} から {date_to} までに" if date_from and date_to else f"{date_from} 以降に" if date_from
              else f"{date_to} までに" if date_to else "")
    wrote = "見出しの行だけ" if fmt == "csv" else "空の一覧"
    return f"{period}書き出す{what_ja}はありません（{wrote}を書き出しました）。"


class Counted(Iterator[T]):
    """``items``, counting those taken: how many rows an export wrote is known once it is written."""

    def __init__(self, items: Iterable[T]) -> None:
        self._items = iter(items)
        self.count = 0

    def __next__(self) -> T:
        item = next(self._items)
        self.count += 1
        return item


def kept_file_problem(output: str | None, *, database_url: str, config_path: str, dotenv: str = ".env") -> str | None:
    """Why ``--output`` must not be written, when it names a file kessai keeps: the SQLite database
    (`--output kessai.db`, a Tab completion away from kessai.csv, replaced the ledger itself with
    the export of it), the organisation file or .env. None for any other name."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    from bot.serve_lock import lock_path

    if not output or output == "-":
        return None
    kept: list[tuple[str, str]] = [(config_path, "組織設定ファイル"), (dotenv, ".env（環境設定）")]
    try:
        u = make_url(database_url)
    except (ArgumentError, ValueError):
        u = None
    if u is not None and u.get_backend_name() == "sqlite" and u.database:
        database = sqlite_file_opened(u.database, u.query.get("uri"))
        kept += [(database + suffix, "台帳のデータベース") for suffix in ("", "-wal", "-shm", "-journal")]
        # Replaced by the export (a rename), it would let a second kessai serve lock a new file beside the first.
        if (lock := lock_path(database_url)) is not None:
            kept.append((str(lock), "kessai serve を 1 つだけ動かすための目印のファイル"))
    target = os.path.realpath(output)
    for path, what in kept:
        if os.path.realpath(path) == target:
            return (f"--output「{output}」は kessai の{what}です。書き出すと中身が置き換わって失われるため、"
                    "何も書き出していません。ledger.csv のように別のファイル名を指定してください。")
    return None


def sqlite_file_opened(database: str, uri: object) -> str:
    """The file SQLite opens for a URL's database: a file: URI only with uri=true. Without it
    sqlite:///file:kessai.db is a file named 「file:kessai.db」, which `--output file:kessai.db`
    replaced while kessai.db was protected."""
    from urllib.parse import unquote

    from sqlalchemy import util

    try:
        is_uri = isinstance(uri, str) and util.asbool(uri)
    except ValueError:
        is_uri = False
    if not is_uri or not database.startswith("file:"):
        return database
    path = database.removeprefix("file:")
    if path.startswith("//"):  # file:///var/lib/kessai.db, file://localhost/var/lib/kessai.db
        path = path[path.find("/", 2):] if path.find("/", 2) >= 0 else ""
    return unquote(path)


def write(text: str | Iterable[str], output: str | None, *, count: int | Callable[[], int], what_ja: str) -> None:
    """To FILE (with a note on stderr) or to stdout (no FILE, or 「-」 as other commands read it).

    ``text`` may come in chunks, written as they come (``count`` is then asked after the last).
    A FILE appears only whole: it is written beside its place and moved there at the end, so an
    export that fails half-way leaves no file to be taken for the whole ledger, and an earlier
    file of that name as it was. Chunks that stop coming half-way (the database went away) raise
    CutShort: to stdout, what was written cannot be taken back, and must be said to be partial."""
    source = [text] if isinstance(text, str) else text

    def written() -> int:
        return count if isinstance(count, int) else count()

    if not output or output == "-":
        for chunk in _from_source(source, written, None, in_place=True):
            sys.stdout.write(chunk)
        return
    if (fd := _open_descriptor(output)) is not None:
        # /dev/stdout, /dev/fd/N: the descriptor the shell opened (`>> ledger.csv` appends, a socket
        # such as journald's takes it), not a file replaced at the path that it resolves to, which
        # lost what `>>` had kept and needed write access to that file's directory.
        with open(os.dup(fd), "w", encoding="utf-8", newline="") as f:
            for chunk in _from_source(source, written, output, in_place=True):
                f.write(chunk)
        if not _is_stderr(fd):  # (/dev/stderr: the note would be the export's last line)
            print(f"{written()} 件の{what_ja}を {output} に書き出しました。", file=sys.stderr)
        return
    named = Path(output)
    if named.is_dir():
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), output)
    if named.exists() and not named.is_file():
        # A named pipe, /dev/stdout, a shell's /dev/fd/N: written into as it is, since moving a
        # file there would replace the pipe (or the device entry) instead of feeding its reader.
        # (Not through realpath: /dev/stdout on a pipe resolves to a /proc name that is no file.)
        with open(named, "w", encoding="utf-8", newline="") as f:
            for chunk in _from_source(source, written, output, in_place=True):
                f.write(chunk)
        print(f"{written()} 件の{what_ja}を {output} に書き出しました。", file=sys.stderr)
        return
    # Through a symbolic link (a `latest.csv` kept pointing at the newest export), the file it
    # names is the one replaced; the link stays.
    target = Path(os.path.realpath(output))
    try:
        fd, part = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".part")
    except OSError as e:  # named after the file asked for, not the temporary one
        raise type(e)(e.errno, e.strerror, output) from None
    moved = False
    try:
        with _signals_unwind():
            with open(fd, "w", encoding="utf-8", newline="") as f:
                for chunk in _from_source(source, written, output, in_place=False):
                    f.write(chunk)
            # A temporary file is private (0600); the export gets the permissions a new file gets.
            os.chmod(part, target.stat().st_mode & 0o777 if target.exists() else 0o666 & ~_umask())
            os.replace(part, target)
            moved = True
    except BaseException as e:
        Path(part).unlink(missing_ok=True)
        if not moved and not isinstance(e, Exception):  # Ctrl-C, or a signal _signals_unwind raises on
            print(f"書き出しを中断しました。{output} は作成していません"
                  "（同じ名前のファイルがあった場合は、以前の内容のままです）。", file=sys.stderr)
        raise
    print(f"{written()} 件の{what_ja}を {output} に書き出しました。", file=sys.stderr)


class CutShort(Exception):
    """The rows stopped coming part-way through an export (the database restarted, the connection
    was ended): what reached stdout is not the whole export, though it may look like it (a CSV
    ends at any row); a FILE was not made. ``cause``: what the rows' source raised. ``in_place``:
    the rows went straight into ``output`` (stdout, /dev/stdout or /dev/fd/N the shell opened, a
    named pipe), where what was written stays, as on stdout."""

    def __init__(self, written: int, output: str | None, cause: Exception, *, in_place: bool = False) -> None:
        super().__init__(f"export cut short after {written} rows: {cause}")
        self.written = written
        self.output = None if output in (None, "", "-") else output
        self.cause = cause
        self.in_place = in_place or self.output is None

    def explain_ja(self, cause_ja: str) -> str:
        """The sentence for the person who ran the export, before ``cause_ja`` (why the rows stopped)."""
        if self.in_place:
            # `--output /dev/stdout >> all.csv`: the rows are in all.csv, and "not made, the earlier
            # file as it was" would have it kept as a whole export.
            into = f"{self.output} に" if self.output else ""
            where = f"{into}出力された内容は途中までのもので、全件ではありません。使わずに破棄してください。"
        else:
            where = f"{self.output} は作成していません（同じ名前のファイルがあった場合は、以前の内容のままです）。"
        done = "書き出した" if self.in_place else "読み出した"
        return (f"書き出しが途中で止まりました（{self.written} 件を{done}ところ）。{where}"
                f"\n{cause_ja}")


def _from_source(chunks: Iterable[str], written: Callable[[], int], output: str | None, *,
                 in_place: bool) -> Iterator[str]:
    """``chunks``, with a failure to produce the next one raised as CutShort: an error of the
    source (the database), told apart from one writing the output (a full disk), which is the
    output's own and said as it is."""
    it = iter(chunks)
    while True:
        try:
            chunk = next(it)
        except StopIteration:
            return
        except Exception as e:
            raise CutShort(written(), output, e, in_place=in_place) from e
        yield chunk


@contextmanager
def _signals_unwind() -> Iterator[None]:
    """SIGTERM (`kill`, systemd stopping a unit, a cron job's timeout) and SIGHUP (the terminal or
    the SSH session closed) end Python on the spot, without running ``except``/``finally``: the
    hidden .part file of a FILE export stayed behind. Here they raise SystemExit (with the status a
    shell gives a process the signal ended), so that it is removed on the way out. A signal set to
    be ignored (nohup) stays ignored; the handlers can only be set from the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def unwind(signum: int, _frame: object) -> None:
        raise SystemExit(128 + signum)

    previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGHUP)}
    for sig, handler in previous.items():
        if handler is signal.SIG_DFL:
            signal.signal(sig, unwind)
    try:
        yield
    finally:
        for sig, handler in previous.items():
            if handler is signal.SIG_DFL:
                signal.signal(sig, handler)


_DESCRIPTOR = re.compile(r"/dev/(?:std(?P<std>out|err)|fd/(?P<fd>\d+))|/proc/self/fd/(?P<proc>\d+)")


def _open_descriptor(output: str) -> int | None:
    """The descriptor an ``--output`` of /dev/stdout, /dev/stderr or /dev/fd/N names, if open."""
    m = _DESCRIPTOR.fullmatch(output)
    if m is None:
        return None
    fd = {"out": 1, "err": 2}[m["std"]] if m["std"] else int(m["fd"] or m["proc"])
    try:
        os.fstat(fd)
    except OSError:
        return None
    return fd


def _is_stderr(fd: int) -> bool:
    """Whether ``fd`` is what stderr writes into (/dev/stderr, or a /dev/fd/N that 2>&N shares)."""
    try:
        return fd == 2 or os.path.samestat(os.fstat(fd), os.fstat(2))
    except OSError:
        return False


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
