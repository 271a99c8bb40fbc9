"""Exports written a row at a time: the same text as written whole, and a file only when complete."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from bot import exporting
from bot.logs import json_text

ROOT = Path(__file__).resolve().parents[1]

values = st.none() | st.integers() | st.booleans() | st.text() | st.lists(st.text(), max_size=3)
rows = st.lists(st.dictionaries(st.text(max_size=8), values, max_size=4), max_size=5)


@given(rows)
@example([{"reason": "行を分ける文字\u2028や\x85も理由のうち\u202e"}])  # str.splitlines breaks at them
def test_json_in_chunks_is_the_list_written_whole(rs: list[dict[str, object]]) -> None:
    text = "".join(exporting.json_chunks(iter(rs)))
    # The same list, written as bot.logs.json_text writes it whole: what a terminal would act on
    # (line separators, bidi controls) as \uXXXX escapes of the same value.
    assert text == json_text(rs, indent=2) + "\n"
    assert json.loads(text) == rs
    assert not {"\u2028", "\x85", "\u202e"} & set(text)


@given(st.lists(st.fixed_dictionaries({"a": values, "b": st.text()}), max_size=5))
def test_csv_in_chunks_has_one_heading_line_and_the_rows_after_it(rs: list[dict[str, object]]) -> None:
    text = "".join(exporting.csv_chunks(iter(rs), {"a": "甲", "b": "乙"}))
    assert text.startswith("\ufeff甲,乙\r\n") and text == exporting.to_csv(rs, {"a": "甲", "b": "乙"})


def failing_halfway() -> Iterator[str]:
    yield "\ufeff通番\r\n1\r\n"
    raise ConnectionError("the database went away")


def test_an_export_that_fails_halfway_leaves_no_file_and_an_earlier_one_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "ledger.csv"
    with pytest.raises(exporting.CutShort):
        exporting.write(failing_halfway(), str(out), count=lambda: 1, what_ja="記録")
    assert list(tmp_path.iterdir()) == []  # nor a temporary file beside it
    out.write_text("先月の書き出し", encoding="utf-8")
    with pytest.raises(exporting.CutShort):
        exporting.write(failing_halfway(), str(out), count=lambda: 1, what_ja="記録")
    assert list(tmp_path.iterdir()) == [out] and out.read_text(encoding="utf-8") == "先月の書き出し"


def test_an_export_to_stdout_that_fails_halfway_is_said_to_be_partial(capsys: pytest.CaptureFixture[str]) -> None:
    """What reached stdout cannot be taken back, and a CSV cut after any row looks whole: the
    failure comes out as CutShort, with what was written and the source's own error."""
    with pytest.raises(exporting.CutShort) as cut:
        exporting.write(failing_halfway(), None, count=lambda: 1, what_ja="記録")
    assert capsys.readouterr().out == "\ufeff通番\r\n1\r\n"
    assert cut.value.written == 1 and isinstance(cut.value.cause, ConnectionError)
    said = cut.value.explain_ja("原因")
    assert "1 件を書き出したところ" in said and "全件ではありません" in said


def test_an_error_writing_the_output_is_not_taken_for_the_source_failing(tmp_path: Path) -> None:
    """A full disk is the output's error, said as it is (bot.cli explains an OSError), not CutShort."""
    with pytest.raises(OSError) as raised:
        exporting.write(iter(["x" * 10]), "/dev/full", count=1, what_ja="記録")
    assert not isinstance(raised.value, exporting.CutShort)


# The child writes an export whose source sends the child a signal half-way, as `kill`, systemd,
# a closed terminal (SIGHUP) or Ctrl-C (SIGINT) would.
SIGNALLED = """
import os, signal, sys
from bot import exporting
signal.signal(signal.SIGINT, signal.default_int_handler)  # a shell's background job ignores it
for name in ("SIGTERM", "SIGHUP"):  # a test run under nohup hands SIGHUP down ignored (kept so on purpose)
    signal.signal(getattr(signal, name), signal.SIG_DFL)
def chunks():
    yield "\\ufeff通番\\r\\n1\\r\\n"
    os.kill(os.getpid(), getattr(signal, sys.argv[2]))
    yield "2\\r\\n"
try:
    exporting.write(chunks(), sys.argv[1], count=2, what_ja="記録")
except KeyboardInterrupt:
    raise SystemExit(130)
"""


@pytest.mark.parametrize("sig", ["SIGTERM", "SIGHUP", "SIGINT"])
def test_an_export_ended_by_a_signal_leaves_no_temporary_file(tmp_path: Path, sig: str) -> None:
    """SIGTERM and SIGHUP ended Python without unwinding: the hidden .part file stayed beside the
    export, a file of the ledger's first rows, in every folder an export was ever stopped in."""
    out = tmp_path / "ledger.csv"
    out.write_text("先月の書き出し", encoding="utf-8")
    r = subprocess.run([sys.executable, "-c", SIGNALLED, str(out), sig], capture_output=True, text=True,
                       cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=60)
    assert r.returncode == 128 + getattr(signal, sig), r.stderr
    assert list(tmp_path.iterdir()) == [out] and out.read_text(encoding="utf-8") == "先月の書き出し"
    assert "書き出しを中断しました" in r.stderr and "作成していません" in r.stderr


def test_an_export_file_is_readable_as_a_new_file_is_and_replaces_an_earlier_one(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "ledger.json"
    out.write_text("old", encoding="utf-8")
    os.chmod(out, 0o640)
    exporting.write(iter(["[\n", "]\n"]), str(out), count=lambda: 0, what_ja="記録")
    assert out.read_text(encoding="utf-8") == "[\n]\n" and stat.S_IMODE(out.stat().st_mode) == 0o640
    assert "0 件の記録を" in capsys.readouterr().err
    fresh = tmp_path / "new.csv"
    exporting.write("x\r\n", str(fresh), count=1, what_ja="記録")
    mask = os.umask(0)
    os.umask(mask)
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o666 & ~mask  # not a temporary file's 0600
    assert fresh.read_bytes() == b"x\r\n"  # newlines as written: CRLF stays CRLF


def test_an_export_to_a_pipe_is_written_into_it(tmp_path: Path) -> None:
    """`--output` naming a named pipe (or /dev/stdout, /dev/fd/N of a shell's process substitution,
    a device) is written into, as before: a temporary file moved there replaced the pipe itself
    (as root, /dev/stdout), and the program reading the pipe got nothing."""
    fifo = tmp_path / "ledger.fifo"
    os.mkfifo(fifo)
    # The reading end, opened first so that the export's opening for writing does not wait.
    reading = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        exporting.write(iter(["\ufeff通番\r\n", "1\r\n"]), str(fifo), count=lambda: 1, what_ja="記録")
        got = os.read(reading, 4096)
    finally:
        os.close(reading)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert got == "\ufeff通番\r\n1\r\n".encode()
    assert list(tmp_path.iterdir()) == [fifo]


def test_an_export_through_a_symbolic_link_replaces_the_file_it_points_to(tmp_path: Path) -> None:
    """A link kept for the latest export (`latest.csv` → `exports/ledger.csv`) stays a link: the
    file it names is the one replaced, as writing to the link did before."""
    (tmp_path / "exports").mkdir()
    real = tmp_path / "exports" / "ledger.csv"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "latest.csv"
    link.symlink_to(real)
    exporting.write("new\r\n", str(link), count=1, what_ja="記録")
    assert link.is_symlink() and real.read_bytes() == b"new\r\n"
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == ["ledger.csv"]


def test_an_export_to_dev_stdout_appended_to_a_file_keeps_what_was_there(tmp_path: Path) -> None:
    """`kessai ledger export --output /dev/stdout >> all.csv`: /dev/stdout resolves to all.csv, and
    the temporary file moved there replaced it, losing every earlier export `>>` was keeping. The
    descriptor the shell opened is written into, as with no --output."""
    import subprocess
    import sys

    kept = tmp_path / "all.csv"
    kept.write_bytes(b"earlier\r\n")
    with open(kept, "ab") as appended:
        r = subprocess.run([sys.executable, "-c", "from bot import exporting; "
                            "exporting.write(iter(['new\\r\\n']), '/dev/stdout', count=1, what_ja='記録')"],
                           stdout=appended, stderr=subprocess.PIPE, text=True,
                           env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert r.returncode == 0, r.stderr
    assert kept.read_bytes() == b"earlier\r\nnew\r\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["all.csv"]


def test_an_export_to_dev_stderr_appended_to_a_file_has_no_note_in_it(tmp_path: Path) -> None:
    """`--output /dev/stderr 2>> all.csv`: the note 「N 件の…を書き出しました。」 goes to stderr too, and
    was appended to the export as a last line of the CSV."""
    import subprocess
    import sys

    kept = tmp_path / "all.csv"
    kept.write_bytes(b"earlier\r\n")
    with open(kept, "ab") as appended:
        r = subprocess.run([sys.executable, "-c", "from bot import exporting; "
                            "exporting.write(iter(['new\\r\\n']), '/dev/stderr', count=1, what_ja='記録')"],
                           stderr=appended, stdout=subprocess.PIPE, text=True,
                           env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    assert r.returncode == 0
    assert kept.read_bytes() == b"earlier\r\nnew\r\n"


def test_an_export_into_a_descriptor_that_fails_halfway_is_said_to_be_partial(tmp_path: Path) -> None:
    """`--output /dev/stdout >> all.csv` (or /dev/fd/N, a named pipe) is written into as it is, so
    the rows before the failure are there, in all.csv: it was told that no file had been made and
    that an earlier file was as it had been, so the partial export was kept as a whole one."""
    kept = tmp_path / "all.csv"
    kept.write_text("先月の書き出し\n", encoding="utf-8")
    fd = os.open(kept, os.O_WRONLY | os.O_APPEND)
    try:
        with pytest.raises(exporting.CutShort) as cut:
            exporting.write(failing_halfway(), f"/dev/fd/{fd}", count=lambda: 1, what_ja="記録")
    finally:
        os.close(fd)
    assert kept.read_bytes().decode() == "先月の書き出し\n\ufeff通番\r\n1\r\n"
    said = cut.value.explain_ja("原因")
    assert "全件ではありません" in said and "1 件を書き出したところ" in said, said
    assert "作成していません" not in said and "以前の内容のまま" not in said, said


@pytest.mark.parametrize(("database_url", "ledger_file"), [
    ("sqlite:///file:kessai.db", "file:kessai.db"),  # no uri=true: SQLite opens a file of that very name
    ("sqlite:///file:kessai.db?uri=true", "kessai.db"),
    ("sqlite:///file:data/kessai.db?mode=rw&uri=1", "data/kessai.db"),
])
def test_an_export_over_the_file_a_sqlite_url_opens_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               database_url: str, ledger_file: str) -> None:
    """Without uri=true, sqlite:///file:kessai.db is the file 「file:kessai.db」: kessai.db was
    protected and `--output file:kessai.db` replaced the ledger."""
    kept_file_problem = exporting.kept_file_problem
    monkeypatch.chdir(tmp_path)
    assert kept_file_problem(ledger_file, database_url=database_url, config_path="kessai.toml")
    assert kept_file_problem(f"./{ledger_file}-wal", database_url=database_url, config_path="kessai.toml")
    other = "kessai.db" if ledger_file != "kessai.db" else "file:kessai.db"
    assert kept_file_problem(other, database_url=database_url, config_path="kessai.toml") is None


def test_a_cell_longer_than_excel_holds_is_written_whole_and_noted() -> None:
    """Excel holds 32,767 characters (UTF-16 units: an emoji is two) in a cell and cuts what is
    longer when it opens the CSV, without a word: the row is noted, for whoever hands the file on."""
    limit = exporting.EXCEL_CELL_LIMIT
    rows = [{"id": 1, "text": "経" * limit}, {"id": 2, "text": "経" * (limit + 1)},
            {"id": 3, "text": "😀" * (limit // 2 + 1)}, {"id": 4, "text": None}]
    long_cells: list[exporting.LongCell] = []
    text = "".join(exporting.csv_chunks(iter(rows), {"id": "受付番号", "text": "経過"}, long_cells=long_cells))
    assert text == exporting.to_csv(rows, {"id": "受付番号", "text": "経過"})  # the file has every character
    assert long_cells == [exporting.LongCell(line=3, key="2", heading="経過", length=limit + 1),
                          exporting.LongCell(line=4, key="3", heading="経過", length=limit + 1)]
    note = exporting.long_cells_ja(long_cells, "受付番号")
    assert "3 行目（受付番号 2）の「経過」は 32,768 文字" in note and "4 行目（受付番号 3）" in note
    assert "32,767 文字" in note and "--format json" in note
    assert exporting.long_cells_ja([], "受付番号") == ""


def test_noting_long_cells_stays_linear() -> None:
    import time

    def took(n: int) -> float:
        rows = [{"id": i, "text": "＝" * n} for i in range(20)]
        # CPU time: in wall time another process's burst on a busy machine failed a linear export.
        start = time.process_time()
        "".join(exporting.csv_chunks(iter(rows), {"id": "通番", "text": "理由"}, long_cells=[]))
        return time.process_time() - start

    assert took(40_000) < 5 * took(10_000) + 0.05


def test_an_empty_export_names_the_period_it_looked_in() -> None:
    assert exporting.nothing_written_ja("記録", None, None, "csv") == "書き出す記録はありません（見出しの行だけを書き出しました）。"
    assert exporting.nothing_written_ja("インシデント", None, "2026-03-31", "json") == (
        "2026-03-31 までに書き出すインシデントはありません（空の一覧を書き出しました）。")
