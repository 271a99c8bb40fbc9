"""`kessai ledger export` streamed to a reader that takes its time (`| less`, a slow share)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from benchmarks.ledger import write_ledger
from storage.db import Database
from tests.conftest import database_url

ROOT = Path(__file__).resolve().parents[2]


def ledger_of_2500_entries(kind: str, tmp_path: Path) -> str:
    """The URL of a new database of ``kind`` ("sqlite", "postgres") whose ledger holds 2,500 entries: more than two
    of the export's reads of a thousand, so the reader's pauses fall inside its transaction."""
    url = database_url(kind, tmp_path)
    db = Database(url)
    db.upgrade()
    try:
        write_ledger(db, 2_500)
    finally:
        db.dispose()
    return url


def csv_export_to_a_pipe(url: str) -> subprocess.Popen[bytes]:
    """`kessai ledger export --format csv` on ``url`` in a child process: its stdout and stderr are pipes the test
    reads when it chooses, so the child blocks on a full pipe as it does behind `| less`."""
    proc = subprocess.Popen(
        [sys.executable, "-c", "import sys; from bot.cli import main; raise SystemExit(main(sys.argv[1:]))",
         "ledger", "export", "--format", "csv"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(ROOT)})
    assert proc.stdout is not None and proc.stderr is not None
    return proc


def test_an_export_read_slowly_from_postgresql_is_not_cut_off(tmp_path: Path) -> None:
    """The export reads the ledger a thousand entries at a time inside one transaction: while
    the reader of its output paused (`kessai ledger export | less`, the IT 担当 reading), the
    transaction sat idle and PostgreSQL ended it after idle_in_transaction_session_timeout (a
    minute; a second here), leaving half a CSV and 「terminating connection」."""
    url = ledger_of_2500_entries("postgres", tmp_path)
    quick = url + ("&" if "?" in url else "?") + "options=-c%20idle_in_transaction_session_timeout%3D200"
    proc = csv_export_to_a_pipe(quick)
    first = proc.stdout.read(1000)
    # The reader looks at the first page until the export's transaction has sat idle three times
    # the timeout (PostgreSQL ends such a session within about one), or until it is gone.
    admin = Database(url)
    try:
        with admin.engine.connect() as c:
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                idle, others = c.exec_driver_sql(
                    "SELECT count(*) FILTER (WHERE state = 'idle in transaction' "
                    "AND clock_timestamp() - state_change > interval '600 milliseconds'), count(*) "
                    "FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() "
                    "AND backend_type = 'client backend'").one()
                c.rollback()  # pg_stat_activity is read once per transaction
                # The first page came from the export's session: none left means PostgreSQL ended it.
                if idle or not others:
                    break
                time.sleep(0.02)
            else:
                pytest.fail("the export's transaction never waited on its reader")
    finally:
        admin.dispose()
    rest = proc.stdout.read()
    err = proc.stderr.read().decode()
    assert proc.wait() == 0, err
    assert (first + rest).count(b"\r\n") == 2_501  # the headings and every entry


def test_an_export_to_stdout_whose_connection_is_ended_exits_non_zero_saying_it_is_partial(tmp_path: Path) -> None:
    """PostgreSQL restarted, or the connection ended (pg_terminate_backend) half-way: the CSV on
    stdout stopped at a row, which looks like a whole export, and the message asked to check
    DATABASE_URL, as if the database had never been reached."""
    url = ledger_of_2500_entries("postgres", tmp_path)
    # Named, so that only the export's session is ended: a connection an earlier test on this
    # worker's database has not closed yet would otherwise be counted (and ended) beside it.
    proc = csv_export_to_a_pipe(url + ("&" if "?" in url else "?") + "application_name=export-under-test")
    first = proc.stdout.read(1000)  # the child now waits on the full pipe, inside its first thousand entries
    admin = Database(url)
    try:
        with admin.engine.connect() as c:
            ended = c.exec_driver_sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                      "WHERE datname = current_database() AND pid <> pg_backend_pid() "
                                      "AND application_name = 'export-under-test'").scalar()
    finally:
        admin.dispose()
    assert ended == 1
    rest = proc.stdout.read()
    err = proc.stderr.read().decode()
    assert proc.wait() == 1
    assert (first + rest).count(b"\r\n") < 2_501
    assert "書き出しが途中で止まりました" in err and "全件ではありません" in err
    assert "接続が切れました" in err and "DATABASE_URL" not in err


def test_an_export_read_slowly_from_sqlite_lets_the_bot_record_decisions(tmp_path: Path) -> None:
    """Every SQLite transaction of kessai begins IMMEDIATE (the write lock): an export waiting on
    its reader (`kessai ledger export | less`) held it, and each 承認 in Slack meanwhile waited
    out busy_timeout and failed with 「database is locked」. In WAL mode a reading transaction
    sees one moment of the database without the write lock."""
    url = ledger_of_2500_entries("sqlite", tmp_path)
    proc = csv_export_to_a_pipe(url)
    try:
        first = proc.stdout.read(1000)  # the child now waits on the full pipe, inside its transaction
        writer = sqlite3.connect(url.removeprefix("sqlite:///"), timeout=2, isolation_level=None)
        try:
            writer.execute("BEGIN IMMEDIATE")  # what recording a decision begins with
            writer.execute("ROLLBACK")
        finally:
            writer.close()
    finally:
        rest = proc.stdout.read()
        err = proc.stderr.read().decode()
    assert proc.wait() == 0, err
    assert (first + rest).count(b"\r\n") == 2_501
