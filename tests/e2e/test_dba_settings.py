"""kessai on a PostgreSQL database set up the way a municipality's DBA or a managed service sets one
up: the server's settings (ALTER DATABASE … SET, as postgresql.conf or ALTER ROLE would) are not
PostgreSQL's defaults, and kessai must work the same on it."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlmodel import select

from bot.config import OrgConfig
from bot.ledger import verify_chain
from bot.localstack import LocalStack, start_local_stack
from storage import ledger as ledger_repo
from storage.db import Database, ServePresence, serves_holding
from storage.models import DraftVersionRow
from tests.conftest import migrated_database_url
from tests.e2e.conftest import (
    APPROVERS,
    BUSINESS_MORNING,
    all_text,
    approve_all_at_once,
    buttons,
    dm,
    settle,
    wait_dm,
)
from tests.production.test_ledger_cli import kessai

# What a DBA in Japan sets: the server's clock in JST (what initdb picks on a Japanese server), dates
# written day first, intervals spelt out, a Japanese client encoding for older systems reading the
# same server, and every transaction serializable.
DBA_SETTINGS = {
    "timezone": "'Asia/Tokyo'",
    "DateStyle": "'SQL, DMY'",
    "IntervalStyle": "'postgres_verbose'",
    "client_encoding": "'EUC_JP'",
    "default_transaction_isolation": "'serializable'",
}
# ② and 髙 have no EUC-JP code, 🍁 none in any Japanese legacy encoding.
DRAFT = "11月28日（土）に髙田城址公園で紅葉🍁ライトアップ②を行います。皆さまのお越しをお待ちしています。"


@pytest.fixture
def dba_url(tmp_path: Path) -> Iterator[str]:
    url = migrated_database_url("postgres", tmp_path)
    try:
        alter_database(url, DBA_SETTINGS)
        yield url
    finally:
        # ALTER DATABASE outlives the test: where the role may not create databases the next test
        # migrates this same database in place (tests.conftest.migrated), and it, every test after
        # and a developer's psql on TEST_DATABASE_URL inherited serializable, EUC_JP and a 100 ms
        # idle_session_timeout.
        alter_database(url, {}, reset=True)


def alter_database(url: str, settings: dict[str, str], *, reset: bool = False) -> None:
    """ALTER DATABASE … SET each of ``settings``: what every later session on it starts with
    (``reset``: RESET ALL of them first)."""
    d = Database(url)
    name = make_url(url).database
    try:
        with d.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            if reset:
                c.execute(text(f'ALTER DATABASE "{name}" RESET ALL'))
            for setting, value in settings.items():
                c.execute(text(f'ALTER DATABASE "{name}" SET {setting} = {value}'))
    finally:
        d.dispose()


@pytest.fixture
def dba_stack(dba_url: str, org: OrgConfig) -> Iterator[LocalStack]:
    from bot.app import shifted_clock

    st = start_local_stack(org, dba_url, clock=shifted_clock(BUSINESS_MORNING))
    yield st
    st.stop()


def test_the_settings_reach_a_new_session(dba_url: str) -> None:
    # What the other tests stand on: each new session gets the DBA's settings but the ones kessai asks for.
    d = Database(dba_url)
    try:
        with d.session() as s:
            got = {n: s.execute(text(f"SHOW {n}")).scalar_one() for n in
                   ("TimeZone", "DateStyle", "IntervalStyle", "client_encoding", "transaction_isolation")}
    finally:
        d.dispose()
    assert got == {"TimeZone": "Asia/Tokyo", "DateStyle": "ISO, YMD", "IntervalStyle": "postgres",
                   "client_encoding": "UTF8", "transaction_isolation": "read committed"}


def test_two_approvers_clicking_at_once_make_one_decision_and_the_ledger_reads_back(
        dba_stack: LocalStack, dba_url: str, tmp_path: Path) -> None:
    st = dba_stack
    st.driver.message("C0INTAKE", "U0OPERATOR", DRAFT)
    msgs = {a: wait_dm(st, a)[0] for a in APPROVERS}
    approve_all_at_once(st, msgs)
    settle(st)
    with st.rt.db.session() as s:
        entries = list(ledger_repo.iter_entries(s))
        assert verify_chain(ledger_repo.iter_entries(s), ledger_repo.version_hashes(s), ledger_repo.head(s)).ok
    assert len(entries) == 1
    decider = st.rt.org.member(entries[0].decider_id)
    assert decider is not None
    for a in APPROVERS:
        assert buttons(dm(st, a)[0]) == {}
        assert decider.name in all_text(dm(st, a)[0])
    assert kessai(dba_url, "ledger", "verify").returncode == 0
    out = tmp_path / "ledger.csv"
    assert kessai(dba_url, "ledger", "export", "--format", "csv", "--output", str(out)).returncode == 0
    (row,) = csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig")))
    # The decision's time as the clock of the stack read it (a JST business morning), not moved by the
    # server's own time zone.
    assert row["決裁日時"].startswith("2026-11-24T10:0") and row["決裁日時"].endswith("+09:00")
    with st.rt.db.session() as s:
        assert s.exec(select(DraftVersionRow.text)).one() == DRAFT  # type: ignore[call-overload]


def test_a_serves_mark_outlives_the_dbas_idle_session_timeout(dba_url: str) -> None:
    # idle_session_timeout (PostgreSQL 14+) ends sessions idle outside a transaction. The pool's
    # connections are replaced at checkout when the server closed them; the connection holding the
    # serve's mark stays idle for the serve's life, and must stay.
    alter_database(dba_url, {"idle_session_timeout": "100"})  # ms
    d = Database(dba_url)
    presence = ServePresence(d.engine, "kessai pid=1 started=20261206T0900+0900 host=a")
    try:
        # A session idle since after the mark was taken is ended by the server: the mark's has been
        # idle longer (the watcher, every 10 s, has not looked yet).
        with psycopg.connect(dba_url, autocommit=True) as probe:
            probe_pid = probe.info.backend_pid
            wait_until_ended(dba_url, probe_pid)
        assert serves_holding(d.engine) == ["kessai pid=1 started=20261206T0900+0900 host=a"]
        with d.engine.connect() as c:  # the pooled connection serves_holding used
            pooled = c.execute(text("SELECT pg_backend_pid()")).scalar_one()
        wait_until_ended(dba_url, pooled)  # by the server
        with d.session() as s:  # and replaced unseen
            assert s.execute(text("SELECT 1")).scalar_one() == 1
    finally:
        presence.release()
        d.dispose()


def wait_until_ended(url: str, pid: int) -> None:
    """Until the server has ended the session ``pid`` (idle_session_timeout), asked from sessions of
    a moment each, which it does not end."""
    deadline = time.monotonic() + 30  # it must come: bounded only
    while True:
        with psycopg.connect(url, autocommit=True) as c:
            if c.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = %s", (pid,)).fetchone() == (0,):
                return
        assert time.monotonic() < deadline, f"session {pid} was not ended by idle_session_timeout"
        time.sleep(0.02)
