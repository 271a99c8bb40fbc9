"""Replicas of a new kessai started together on a database of an older one: each `serve` applies
the pending migrations at start (SPEC 6), and only one may do so; the others wait for it and find
the schema current."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

from storage.db import Database, current_revision, head_revision, upgrade
from tests.conftest import database_url

REPO = Path(__file__).resolve().parents[2]


def test_replicas_upgrading_an_old_postgres_database_at_once_migrate_it_once(tmp_path: Path) -> None:
    url = database_url("postgres", tmp_path)
    db = Database(url)
    upgrade(db.engine, "0010")
    code = "import sys; from storage.db import Database; print(*Database(sys.argv[1]).upgrade())"
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    # The test holds 0011's table, so that both replicas are inside the upgrade at the same time
    # whatever the machine's speed: without a lock both read 0010 and both add the column.
    with db.engine.connect() as holder, db.engine.connect() as watcher:
        holder.execute(text("LOCK TABLE draft_versions IN ACCESS EXCLUSIVE MODE"))
        procs = [subprocess.Popen([sys.executable, "-c", code, url], env=env, cwd=tmp_path, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
        deadline = time.monotonic() + 60
        while True:
            # From a connection of its own, each time in a new transaction: pg_stat_activity is
            # read once per transaction.
            waiting = watcher.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'")).scalar_one()
            watcher.rollback()
            if waiting >= 2 or time.monotonic() > deadline:
                break
            assert all(p.poll() is None for p in procs), [p.communicate() for p in procs]
            time.sleep(0.1)
        assert waiting == 2
        holder.rollback()
    results = [p.communicate(timeout=60) + (p.returncode,) for p in procs]
    assert [r[2] for r in results] == [0, 0], [r[1] for r in results]
    # One migrated from 0010; the other, let in after it, found nothing left to do.
    head = head_revision(db.engine)
    assert sorted(r[0].split() for r in results) == [["0010", head], [head, head]]
    assert current_revision(db.engine) == head_revision(db.engine)
    db.dispose()


def test_an_upgrade_waits_for_another_past_the_dbas_lock_timeout(tmp_path: Path) -> None:
    """lock_timeout set by a DBA on the database (or server, or role): a replica starting while
    another migrates gave up after it (LockNotAvailable) and did not start."""
    import threading

    from sqlalchemy.engine import make_url

    from storage.db import MIGRATION_LOCK

    url = database_url("postgres", tmp_path)
    alter = f'ALTER DATABASE "{make_url(url).database}" '
    admin = Database(url)
    with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text(alter + "SET lock_timeout = 100"))  # ms
    db = Database(url)
    outcome: list[object] = []
    upgrading = threading.Thread(target=lambda: outcome.append(_upgrade_or_error(db)))
    try:
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as holder:
            holder.execute(text("SELECT pg_advisory_lock(:key)"), {"key": MIGRATION_LOCK})  # another migrating
            upgrading.start()
            deadline = time.monotonic() + 30
            while not holder.execute(text(
                    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                    "AND wait_event_type = 'Lock'")).scalar_one() and upgrading.is_alive():
                assert time.monotonic() < deadline
                time.sleep(0.05)
            time.sleep(0.3)  # three lock_timeouts
            holder.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": MIGRATION_LOCK})
        upgrading.join(timeout=60)
        assert outcome == [(None, head_revision(db.engine))]
    finally:
        db.dispose()
        # The setting outlives the test, and tests on an empty database (database_url: its schema
        # dropped, the database kept) waiting on a lock for longer (a frozen replica's claim)
        # failed with LockNotAvailable after this one.
        with admin.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text(alter + "RESET lock_timeout"))
        admin.dispose()


def _upgrade_or_error(db: Database) -> object:
    try:
        return db.upgrade()
    except Exception as e:  # noqa: BLE001 - the test compares it
        return e


def test_sqlite_takes_the_write_lock_before_reading_the_revision(tmp_path: Path) -> None:
    """SQLite needs no lock of its own: the migration's transaction begins IMMEDIATE."""
    db = Database(f"sqlite:///{tmp_path / 'k.db'}")
    upgrade(db.engine, "0010")
    assert db.upgrade() == ("0010", head_revision(db.engine))
    assert db.upgrade() == (head_revision(db.engine),) * 2
    db.dispose()



def test_a_start_waiting_for_another_replicas_migration_says_so(tmp_path: Path) -> None:
    """A long migration (or one stuck behind a long transaction) held every other start, and
    `kessai db upgrade`, without a word; the one waiting says why before it waits."""
    from storage.db import MIGRATION_LOCK

    url = database_url("postgres", tmp_path)
    db = Database(url)
    upgrade(db.engine, "0010")
    code = ("import logging, sys; logging.basicConfig(level='INFO'); from storage.db import Database; "
            "print(*Database(sys.argv[1]).upgrade())")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    with db.engine.connect() as holder, db.engine.connect() as watcher:
        holder.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})  # another replica
        proc = subprocess.Popen([sys.executable, "-c", code, url], env=env, cwd=tmp_path, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        deadline = time.monotonic() + 60
        while True:
            waiting = watcher.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock' AND wait_event = 'advisory'")).scalar_one()
            watcher.rollback()
            if waiting >= 1 or time.monotonic() > deadline:
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.1)
        assert waiting == 1
        holder.rollback()
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "another kessai is migrating the database; waiting" in err
    assert out.split() == ["0010", head_revision(db.engine)]
    db.dispose()
