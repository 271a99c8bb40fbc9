"""kessai behind PgBouncer, as many municipal IT departments and managed PostgreSQL services run it
(docs/operations.md, PgBouncer を経由するとき). In transaction mode each transaction may run on
another server session: psycopg's prepared statements failed ('prepared statement "_pg3_0" does
not exist') once PgBouncer replaced a server connection, and the serve's session-level mark on the
database belonged to whichever server session PgBouncer lent it, so `kessai db upgrade` migrated
under running serves and a stopped serve's mark refused later upgrades.

The real PgBouncer (Debian's package; .ci/run installs it), one per pool mode, in front of the test
PostgreSQL server."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from bot.config import OrgConfig
from bot.localstack import slack_users
from bot.sandbox.server import LocalSlack
from storage.db import POOLED, Database, ServePresence, serves_holding
from storage.models import LedgerEntryRow
from tests.conftest import database_url, postgres_url
from tests.e2e.conftest import APPROVERS, all_text
from tests.production.serveproc import ServeProcess, free_port
from tests.production.test_kill_restart import TEXT, dm_of, undelivered
from tests.production.test_ledger_cli import kessai
from tests.production.test_two_replicas import rows
from tests.production.test_upgrade_beside_serve import (
    BEFORE,
    HEAD,
    REFUSED,
    revision,
    take_back_one_migration,
)

MODES = ("transaction", "session")


def pgbouncer_binary() -> str | None:
    # Debian installs it in /usr/sbin, which a user's PATH may lack.
    return shutil.which("pgbouncer") or next((p for p in ("/usr/sbin/pgbouncer",) if os.access(p, os.X_OK)), None)


@pytest.fixture(scope="module")
def bouncers() -> Iterator[dict[str, int]]:
    """A PgBouncer per pool mode in front of TEST_DATABASE_URL's server: the port of each."""
    binary = pgbouncer_binary()
    if binary is None:
        if os.environ.get("KESSAI_REQUIRE_POSTGRES"):
            # .ci/run installs it: a skip there would hide that these tests never ran.
            raise RuntimeError("KESSAI_REQUIRE_POSTGRES is set but pgbouncer is not installed")
        pytest.skip("pgbouncer is not installed (.ci/run installs it)")
    url = postgres_url()
    if not url:
        pytest.skip("TEST_DATABASE_URL is not set (PostgreSQL tests run in .ci/run)")
    u = make_url(url)
    # PgBouncer refuses to run as root; it must read its files as the user it runs as. Not through
    # runuser: it answers a SIGTERM by waiting 2 s before killing its child, 4 s of every run.
    as_user: dict[str, Any] = {"user": "postgres", "group": "postgres", "extra_groups": []} if os.geteuid() == 0 else {}
    workdir = Path(tempfile.mkdtemp(prefix="kessai-pgbouncer-"))
    workdir.chmod(0o755)
    login = f"user={u.username}" + (f" password={u.password}" if u.password else "")
    procs: list[subprocess.Popen[bytes]] = []
    ports: dict[str, int] = {}

    def start(mode: str) -> subprocess.Popen[bytes]:
        ports[mode] = port = free_port()
        ini = workdir / f"{mode}.ini"
        ini.write_text(
            f"[databases]\n* = host={u.host or '127.0.0.1'} port={u.port or 5432} {login}\n"
            f"[pgbouncer]\nlisten_addr = 127.0.0.1\nlisten_port = {port}\nunix_socket_dir =\n"
            f"auth_type = any\npool_mode = {mode}\nadmin_users = {u.username}\n"
            "max_client_conn = 500\ndefault_pool_size = 40\n", encoding="utf-8")
        ini.chmod(0o644)
        with (workdir / f"{mode}.log").open("wb") as log:  # the child writes to its own copy
            procs.append(subprocess.Popen([binary, str(ini)], stdout=log, stderr=subprocess.STDOUT, **as_user))
        return procs[-1]

    try:
        started = {mode: start(mode) for mode in MODES}
        for mode in MODES:
            deadline = time.monotonic() + 30
            # Ready once it says it listens on its port: a connection accepted there may be another
            # process's, one given the port free_port() closed before PgBouncer bound it.
            while f"listening on 127.0.0.1:{ports[mode]}" not in (said := (workdir / f"{mode}.log").read_text(
                    errors="replace")):
                if started[mode].poll() is not None and "Address already in use" in said:
                    started[mode] = start(mode)  # another port, then
                    continue
                if time.monotonic() > deadline or started[mode].poll() is not None:
                    raise RuntimeError(f"pgbouncer ({mode}) did not start: {said}")
                time.sleep(0.05)
        yield ports
    finally:
        for p in procs:
            # Killed: it keeps nothing, and since 1.23 a SIGTERM waits for every client to leave.
            p.kill()
            p.wait(timeout=10)
        shutil.rmtree(workdir, ignore_errors=True)


def through(url: str, port: int) -> str:
    return make_url(url).set(host="127.0.0.1", port=port).render_as_string(hide_password=False)


def test_statements_run_on_after_pgbouncer_replaced_its_server_connections(bouncers: dict[str, int],
                                                                          tmp_path: Path) -> None:
    """psycopg prepares a statement on the fifth run of it on a connection; PgBouncer (before 1.21,
    or without max_prepared_statements) keeps no prepared statement for a client. Once the server
    connection it prepared on is gone (server_lifetime, server_idle_timeout, a RECONNECT), every
    later run of it failed: each click, each reminder sweep, until kessai was restarted."""
    url = through(database_url("postgres", tmp_path), bouncers["transaction"])
    d = Database(url)
    try:
        with d.engine.connect() as c:
            for n in range(8):
                assert c.execute(text("SELECT CAST(:n AS integer) + 1"), {"n": n}).scalar_one() == n + 1
                c.commit()
            u = make_url(url)
            with psycopg.connect(host="127.0.0.1", port=bouncers["transaction"], user=u.username,
                                 password=u.password, dbname="pgbouncer", autocommit=True) as admin:
                admin.execute("RECONNECT")  # closes each server connection when it is next let go
            for n in range(8):
                assert c.execute(text("SELECT CAST(:n AS integer) + 1"), {"n": n}).scalar_one() == n + 1
                c.commit()
    finally:
        d.dispose()


@pytest.mark.parametrize("mode", ("direct", *MODES))
def test_a_serves_mark_is_seen_while_held_again_after_its_session_ends_and_gone_when_let_go(
        mode: str, bouncers: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What `kessai db upgrade` asks (serves_holding) about what each serve holds (ServePresence).
    In transaction mode the mark was taken on a server session PgBouncer then lent to the upgrade,
    which took the lock as its own (no serve seen), and it stayed there after the serve let go.
    Directly, the mark stays a session's (no transaction left open): a pooler is told apart."""
    direct = database_url("postgres", tmp_path)
    url = direct if mode == "direct" else through(direct, bouncers[mode])
    monkeypatch.setattr(ServePresence, "WATCH_SECONDS", 0.05)
    serve, upgrade, dba = Database(url), Database(url), Database(direct)
    name = "kessai pid=1 started=20261206T0900+0900 host=a"

    def marked_by() -> int | None:
        with dba.engine.connect() as c:
            return c.execute(text("SELECT a.pid FROM pg_stat_activity a JOIN pg_locks l ON l.pid = a.pid "
                                  "WHERE a.application_name = :n AND l.locktype = 'advisory' AND l.granted"),
                             {"n": name}).scalar()

    try:
        with serve.engine.connect() as c:
            assert bool(c.info.get(POOLED)) == (mode != "direct")  # PgBouncer's own process id, not the server's
        presence = ServePresence(serve.engine, name)
        for _ in range(3):
            assert serves_holding(upgrade.engine) == [name]
            with serve.session() as s:  # the serve's other work goes on meanwhile
                assert s.connection().execute(text("SELECT 1")).scalar_one() == 1
        with dba.engine.connect() as c:
            # Held in a transaction that took no snapshot (or none): VACUUM is not held back by it.
            assert c.execute(text("SELECT backend_xmin IS NULL AND backend_xid IS NULL FROM pg_stat_activity "
                                  "WHERE application_name = :n"), {"n": name}).scalar_one()
        # The server session ends (a restart, a failover, a DBA's pg_terminate_backend): PgBouncer
        # closes its client, and the watcher takes the mark again on a new one.
        first = marked_by()
        with dba.engine.connect() as c:
            assert c.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": first}).scalar_one()
        deadline = time.monotonic() + 30  # it must come (the watcher looks every 0.05 s): bounded only
        while marked_by() in (None, first) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert marked_by() not in (None, first)
        assert serves_holding(upgrade.engine) == [name]
        presence.release()
        # Closing the connection returns before the server (through PgBouncer, or directly) has ended
        # the session and let go: asked at once, a backend slow on a loaded host still held it
        # (forced with the backend stopped by SIGSTOP). Waited for, then seen to stay gone.
        deadline = time.monotonic() + 30  # it must come: bounded only
        while serves_holding(upgrade.engine) is not None:
            assert time.monotonic() < deadline, "the mark outlived ServePresence.release()"
            time.sleep(0.02)
        for _ in range(2):
            assert serves_holding(upgrade.engine) is None
    finally:
        serve.dispose()
        upgrade.dispose()
        dba.dispose()


def test_two_replicas_behind_pgbouncer_decide_and_guard_the_upgrade(bouncers: dict[str, int], tmp_path: Path,
                                                                    org: OrgConfig) -> None:
    direct = database_url("postgres", tmp_path)
    url = through(direct, bouncers["transaction"])
    slack = LocalSlack(users=slack_users(org)).start()
    a = ServeProcess(slack, url, tmp_path, name="a").start()  # migrates the empty database through PgBouncer
    b = ServeProcess(slack, url, tmp_path, name="b").start()
    try:
        assert a.proc is not None and b.proc is not None
        a.driver().message("C0INTAKE", "U0OPERATOR", TEXT)
        for ap in APPROVERS:
            slack.wait_for(lambda ap=ap: dm_of(slack, ap), timeout=30)
        for driver, approver in ((b.driver(), "U0MANAGER"), (a.driver(), "U0CHIEF")):
            msg = dm_of(slack, approver)[0]
            driver.block_action(approver, "approve_draft", channel=msg.channel, message_ts=msg.ts)
        slack.wait_for(lambda: all("承認しました" in all_text(dm_of(slack, ap)[0]) for ap in APPROVERS), timeout=30)
        slack.wait_for(lambda: undelivered(url) == 0, timeout=30)
        assert len(rows(url, LedgerEntryRow)) == 1
        verified = kessai(url, "ledger", "verify")
        assert verified.returncode == 0, verified

        # The guard of docs/operations.md (新しい版に入れ替えるとき) holds through PgBouncer too.
        take_back_one_migration(direct)
        r = kessai(url, "db", "upgrade")
        assert r.returncode == 1 and REFUSED in r.stderr and "kessai serve 2 台" in r.stderr, r
        assert f"プロセス番号 {a.proc.pid}" in r.stderr and f"プロセス番号 {b.proc.pid}" in r.stderr, r.stderr
        assert revision(direct) == BEFORE
        a.kill()  # SIGKILL: PgBouncer ends its server session's transaction, and the mark with it
        r = kessai(url, "db", "upgrade")
        assert r.returncode == 1 and "2 台" not in r.stderr and f"プロセス番号 {b.proc.pid}" in r.stderr, r
        assert b.terminate() == 0
        # Nothing of theirs is left on a server session PgBouncer lends to others.
        r = kessai(url, "db", "upgrade")
        assert r.returncode == 0 and f"{BEFORE} から {HEAD} に更新しました" in r.stdout, r
    finally:
        a.stop()
        b.stop()
        slack.stop()
