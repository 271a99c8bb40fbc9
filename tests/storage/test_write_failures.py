"""Database.write_failure: what /healthz reports when the database refuses writes, and only then."""

from __future__ import annotations

import logging
import resource
import signal
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError, InternalError, OperationalError, ProgrammingError

from bot.logs import FailureStreak
from storage.db import Database, commit_outcome_unknown, describe_db_error, refuses_writes
from storage.models import ProcessedEventRow
from tests.conftest import migrated

NOW = datetime(2026, 12, 3, 1, 0, tzinfo=UTC)


def test_a_unique_key_already_taken_is_an_answer_not_a_refused_write(db: Database) -> None:
    with db.session() as s:
        s.add(ProcessedEventRow(key="Ev0ONCE", received_at=NOW))
    with pytest.raises(IntegrityError), db.session() as s:
        s.add(ProcessedEventRow(key="Ev0ONCE", received_at=NOW))
    assert db.write_failure() is None


def test_a_failed_read_is_not_reported_as_refused_writes(db: Database) -> None:
    """A read that fails is the database being unreachable or a bug: /healthz reads for itself."""
    with pytest.raises((OperationalError, ProgrammingError)), db.session() as s:
        s.execute(text("SELECT * FROM no_such_table"))
    assert db.write_failure() is None


def test_a_refused_write_is_reported_until_a_write_commits(db: Database) -> None:
    refuse = (
        "SET TRANSACTION READ ONLY" if db.is_postgres else "PRAGMA query_only = ON"
    )  # each database's own way of refusing writes on this connection
    with pytest.raises((OperationalError, InternalError)), db.session() as s:
        s.execute(text(refuse))
        s.add(ProcessedEventRow(key="Ev0REFUSED", received_at=NOW))
        s.flush()
    # The driver's type for a read-only refusal (the words themselves go to the log).
    assert db.write_failure() == ("ReadOnlySqlTransaction" if db.is_postgres else "OperationalError")
    db.engine.dispose()  # SQLite's query_only outlives the transaction: the connection goes
    with db.session() as s:  # a read that succeeds clears nothing
        s.execute(text("SELECT 1"))
    assert db.write_failure() is not None
    with db.session() as s:
        s.add(ProcessedEventRow(key="Ev0WRITTEN", received_at=NOW))
    assert db.write_failure() is None


def test_describe_db_error_gives_the_drivers_first_line_and_never_the_statement(db: Database) -> None:
    with pytest.raises(IntegrityError) as caught, db.session() as s:
        s.add(ProcessedEventRow(key="Ev0SECRET", received_at=NOW))
        s.flush()
        s.add(ProcessedEventRow(key="Ev0SECRET", received_at=NOW))
        s.flush()
    described = describe_db_error(caught.value)
    assert "\n" not in described and "INSERT" not in described and "[SQL" not in described
    assert described.split(":", 1)[0] in ("IntegrityError", "UniqueViolation")


def test_a_write_that_merely_timed_out_is_not_reported_as_refused(db: Database) -> None:
    """A statement or lock timeout passes by itself (PostgreSQL: OperationalError all the same);
    reporting it would keep /healthz at 503 until the next write, which may be hours away."""
    if not db.is_postgres:
        pytest.skip("statement_timeout is PostgreSQL's")
    with pytest.raises(OperationalError), db.session() as s:
        s.execute(text("SET LOCAL statement_timeout = '20ms'"))
        s.execute(text("INSERT INTO processed_events (key, received_at) SELECT 'Ev0SLOW', now() FROM pg_sleep(0.5)"))
    assert db.write_failure() is None


def test_refuses_writes_reads_the_databases_own_code() -> None:
    import sqlite3

    from sqlalchemy.exc import OperationalError as Wrapped

    full = sqlite3.OperationalError("database or disk is full")
    full.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
    busy = sqlite3.OperationalError("database is locked")
    busy.sqlite_errorname = "SQLITE_BUSY"  # type: ignore[attr-defined]
    assert refuses_writes(Wrapped("INSERT", {}, full))
    assert not refuses_writes(Wrapped("INSERT", {}, busy))
    assert not refuses_writes(RuntimeError("not a database error"))


def test_a_failed_writes_logged_traceback_does_not_carry_the_statements_values(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    """What a draft says may be a secret pasted by mistake; the sweep and the outbox worker log
    a failed unit of work's traceback at ERROR, and SQLAlchemy puts the statement's values in it."""
    value = "Ev0password-is-hunter2"
    refuse = "SET TRANSACTION READ ONLY" if db.is_postgres else "PRAGMA query_only = ON"
    streak = FailureStreak("outbox delivery", logging.getLogger("bot.slack_gateway"))
    with caplog.at_level(logging.ERROR):
        try:
            with db.session() as s:
                s.execute(text(refuse))
                s.add(ProcessedEventRow(key=value, received_at=NOW))
        except (OperationalError, InternalError):
            streak.failed()
    db.engine.dispose()  # SQLite's query_only outlives the transaction
    [record] = caplog.records
    logged = logging.Formatter().format(record)
    assert "INSERT INTO processed_events" in logged  # the statement still says what failed
    assert value not in logged


def test_only_a_failure_of_the_whole_database_counts_as_one_not_a_rows() -> None:
    """The sweep stops splitting a bundle when the database fails as a whole (bot.sweep._write_bundles)."""
    import sqlite3

    from sqlalchemy.exc import IntegrityError as SAIntegrityError
    from sqlalchemy.exc import OperationalError as SAOperationalError
    from sqlalchemy.exc import TimeoutError as SATimeoutError

    from storage.db import whole_database_failing

    class PgError(Exception):
        def __init__(self, sqlstate: str) -> None:
            super().__init__(sqlstate)
            self.sqlstate = sqlstate

    def wrapped(kind: type[Exception], orig: Exception) -> Exception:
        return kind("INSERT …", {}, orig)  # type: ignore[call-arg]

    assert whole_database_failing(wrapped(SAOperationalError, sqlite3.OperationalError("database is locked")))
    assert whole_database_failing(wrapped(SAOperationalError, PgError("57P01")))  # admin shutdown
    assert whole_database_failing(wrapped(SAOperationalError, PgError("08006")))  # connection failure
    assert whole_database_failing(SATimeoutError("QueuePool limit"))
    assert not whole_database_failing(wrapped(SAOperationalError, PgError("40P01")))  # deadlock
    assert not whole_database_failing(wrapped(SAOperationalError, PgError("55P03")))  # lock not available
    assert not whole_database_failing(wrapped(SAIntegrityError, sqlite3.IntegrityError("refused")))
    assert not whole_database_failing(ValueError("a bug in one reminder"))


def test_a_sqlite_commit_refused_by_a_full_disk_is_not_said_to_be_perhaps_recorded(tmp_path: Path) -> None:
    """SQLite's COMMIT writes the transaction's pages to the WAL: a full disk answers it, and the
    transaction is rolled back whole (there is no connection that could have been lost after the
    server committed). Telling the clicker it may have been recorded sent them pressing again into
    the same full disk instead of saying nothing changed."""
    d = Database(migrated(f"sqlite:///{tmp_path / 'full.db'}"))
    wal = tmp_path / "full.db-wal"
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails instead of killing us
    try:
        with pytest.raises(OperationalError) as caught, d.session() as s:
            s.add(ProcessedEventRow(key="Ev0FULLDISK", received_at=NOW))
            s.flush()  # the page is changed in memory; the WAL is written by the COMMIT
            # The disk is full from here: no file of this process grows any more.
            resource.setrlimit(resource.RLIMIT_FSIZE, (wal.stat().st_size if wal.exists() else 0, hard))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert "disk" in describe_db_error(caught.value)  # 「database or disk is full」 or 「disk I/O error」
    assert not commit_outcome_unknown(caught.value)
    with d.session() as s:
        assert s.get(ProcessedEventRow, "Ev0FULLDISK") is None  # rolled back, as the clicker is told
    d.dispose()
