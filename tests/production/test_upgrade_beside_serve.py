"""`kessai db upgrade` of a new version run while the old version's `kessai serve` still runs on the
database (docs/operations.md, 新しい版に入れ替えるとき): it used to migrate under the serve, which
went on with its old code on the new tables (/healthz `migrations: newer`, 503). It now refuses
while a serve holds the database and migrations are pending, and goes ahead once the serve has
stopped, however it stopped.

The old serve is a real serve of this version whose database is taken back one migration under it
(as `kessai db downgrade` would): to the upgrade it is exactly a serve running on an older schema.
"""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import OrgConfig
from bot.localstack import slack_users
from bot.sandbox.server import LocalSlack
from storage.db import SERVE_LOCK, Database, current_revision, downgrade, known_revisions, serves_holding
from tests.conftest import database_url
from tests.production.serveproc import REPO, ServeProcess

REFUSED = "kessai serve を止めてから、もう一度実行してください"
HEAD, BEFORE = known_revisions()[-1], known_revisions()[-2]


def kessai_db(url: str, cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))}
    return subprocess.run([sys.executable, "-m", "bot", "db", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=120, env={**clean, "PYTHONPATH": str(REPO), "DATABASE_URL": url})


def kessai_db_upgrade(url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return kessai_db(url, cwd, "upgrade")


def take_back_one_migration(url: str) -> None:
    db = Database(url)
    try:
        assert downgrade(db.engine, BEFORE) == (HEAD, BEFORE)
    finally:
        db.dispose()


def revision(url: str) -> str | None:
    db = Database(url)
    try:
        return current_revision(db.engine)
    finally:
        db.dispose()


@pytest.fixture
def slack(org: OrgConfig) -> Iterator[LocalSlack]:
    s = LocalSlack(users=slack_users(org)).start()
    yield s
    s.stop()


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_upgrade_waits_for_the_running_serve_to_stop(kind: str, slack: LocalSlack, tmp_path: Path) -> None:
    url = database_url(kind, tmp_path)
    serve = ServeProcess(slack, url, tmp_path).start()
    assert serve.proc is not None
    # Nothing pending: replicas of this version keep running, and the upgrade has nothing to do.
    r = kessai_db_upgrade(url, tmp_path)
    assert r.returncode == 0 and f"すでに最新の構成です（{HEAD}）" in r.stdout, r.stderr
    # 前の版に戻す 2. says to stop every serve first; one left running (a replica forgotten) used
    # to be taken back under: its new code on the old tables until its restart migrated forward.
    r = kessai_db(url, tmp_path, "downgrade", BEFORE)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert "構成を戻しませんでした" in r.stderr and f"{HEAD} から {BEFORE} へ" in r.stderr, r.stderr
    assert f"プロセス番号 {serve.proc.pid}" in r.stderr and "何も変更していません" in r.stderr, r.stderr
    assert r.stdout == "" and revision(url) == HEAD

    take_back_one_migration(url)  # the serve now runs on the schema of the version before
    r = kessai_db_upgrade(url, tmp_path)
    assert r.returncode == 1, (r.stdout, r.stderr)
    assert REFUSED in r.stderr and f"{BEFORE} から {HEAD}" in r.stderr, r.stderr
    assert f"プロセス番号 {serve.proc.pid}" in r.stderr, r.stderr  # which one to stop
    assert "`pgrep -af \"kessai serve\"`" in r.stderr and "何も変更していません" in r.stderr
    assert r.stdout == ""
    assert revision(url) == BEFORE

    assert serve.terminate() == 0
    r = kessai_db_upgrade(url, tmp_path)
    assert r.returncode == 0 and f"{BEFORE} から {HEAD} に更新しました" in r.stdout, r.stderr
    assert revision(url) == HEAD
    r = kessai_db(url, tmp_path, "downgrade", BEFORE)  # stopped: taken back as 前の版に戻す says
    assert r.returncode == 0 and f"{HEAD} から {BEFORE} に戻しました" in r.stdout, r.stderr
    assert revision(url) == BEFORE


def test_sqlite_a_killed_serve_leaves_nothing_in_the_way(slack: LocalSlack, tmp_path: Path) -> None:
    """SIGKILL: the lock file stays, with the dead serve's pid in it; the kernel let go of its lock."""
    url = database_url("sqlite", tmp_path)
    serve = ServeProcess(slack, url, tmp_path).start()
    take_back_one_migration(url)
    assert REFUSED in kessai_db_upgrade(url, tmp_path).stderr
    serve.kill()
    assert "pid=" in (tmp_path / "kessai.db.lock").read_text()
    r = kessai_db_upgrade(url, tmp_path)
    assert r.returncode == 0 and f"{BEFORE} から {HEAD} に更新しました" in r.stdout, r.stderr


def test_postgres_every_replica_must_stop_killed_ones_included(slack: LocalSlack, tmp_path: Path) -> None:
    """Replicas hold the mark together; a SIGKILLed one's session ends with its socket."""
    url = database_url("postgres", tmp_path)
    a = ServeProcess(slack, url, tmp_path, name="a").start()
    b = ServeProcess(slack, url, tmp_path, name="b").start()
    assert a.proc is not None and b.proc is not None
    take_back_one_migration(url)
    r = kessai_db_upgrade(url, tmp_path)
    assert r.returncode == 1 and REFUSED in r.stderr, (r.stdout, r.stderr)
    assert "kessai serve 2 台" in r.stderr and "すべての台の" in r.stderr, r.stderr
    assert f"プロセス番号 {a.proc.pid}" in r.stderr and f"プロセス番号 {b.proc.pid}" in r.stderr, r.stderr
    a.kill()
    r = kessai_db_upgrade(url, tmp_path)
    assert r.returncode == 1 and REFUSED in r.stderr and "2 台" not in r.stderr, (r.stdout, r.stderr)
    assert f"プロセス番号 {b.proc.pid}" in r.stderr, r.stderr
    b.kill()
    r = kessai_db_upgrade(url, tmp_path)
    assert r.returncode == 0 and f"{BEFORE} から {HEAD} に更新しました" in r.stdout, r.stderr
    assert revision(url) == HEAD


def test_postgres_serve_marks_itself_again_after_the_server_dropped_its_connection(slack: LocalSlack,
                                                                                   tmp_path: Path) -> None:
    """A PostgreSQL restart or failover ends every session, the mark's with it: the serve, which
    reconnects its pool by itself, takes the mark again on a new connection."""
    from sqlalchemy import text

    url = database_url("postgres", tmp_path)
    # The watcher looks every 10 s in production; here every second: the retake is not waited
    # for as long (up to 10 s of nothing; 5 s, half of it on average, with the 5 s this test had).
    # The same look, only sooner. A look while the exclusive request below holds the lock queues
    # behind it (the retake sets no lock_timeout), so the log cannot say "open again" too early.
    serve = ServeProcess(slack, url, tmp_path, presence_watch_seconds=1).start()
    db = Database(url)
    waiter = db.engine.connect()
    try:
        # Gone with its session, before the serve takes it again. Polled for, that moment was missed
        # when the serve's watcher happened to look just after the session ended (its phase moves
        # with how long the serve took to start on a loaded host). Asked for in the lock's queue
        # before the session is ended, it cannot be missed: the serve's new request queues behind.
        waiter.execute(text("SET lock_timeout = '30s'"))
        granted: list[object] = []

        def ask() -> None:
            try:
                granted.append(waiter.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": SERVE_LOCK}))
            except Exception as e:  # noqa: BLE001 - lock_timeout: said by the assertion below
                granted.append(e)

        asked = threading.Thread(target=ask)
        asked.start()
        with db.engine.connect() as c:
            slack.wait_for(lambda: c.execute(text("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                                                  "AND NOT granted AND classid = 0 AND objid = :key AND database = "
                                                  "(SELECT oid FROM pg_database WHERE datname = current_database())"),
                                             {"key": SERVE_LOCK})
                           .scalar_one(), timeout=30, message="the exclusive request queued")
            ended = c.execute(text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                                   "WHERE datname = current_database() AND application_name LIKE 'kessai pid=%'")).scalar_one()
        assert ended == 1
        asked.join(30)  # granted once the serve's lock went with its session
        assert granted and not isinstance(granted[0], Exception), granted
        assert "is open again" not in serve.log()
        waiter.rollback()  # let go: now the serve may take its mark again
        slack.wait_for(lambda: serves_holding(db.engine), timeout=30)
        assert "is open again" in serve.log()
    finally:
        waiter.close()
        db.dispose()
    take_back_one_migration(url)
    r = kessai_db_upgrade(url, tmp_path)
    assert r.returncode == 1 and REFUSED in r.stderr, (r.stdout, r.stderr)
