"""A database that answers reads but refuses writes: a full disk (SQLite), a read-only replica or
read-only default (PostgreSQL). Every draft fails then while a health check that only reads would
say "ok"; /healthz and the log must say what is wrong, and both must clear once writes succeed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event

from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import LocalStack, start_local_stack
from tests.conftest import migrated_database_url
from tests.e2e.conftest import APPROVERS, BUSINESS_MORNING, CLEAN_DRAFT, drafts, settle, wait_dm
from tests.production.test_operations import healthz

# Long enough to need new pages of its own (a full SQLite database cannot take it; too long for X,
# so it stays with its author, which does not matter here).
LONG_DRAFT = CLEAN_DRAFT + "会場では温かい飲み物を用意しています。" * 150


@pytest.fixture(params=["sqlite", "postgres"])
def stack(request: pytest.FixtureRequest, tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    st = start_local_stack(org, migrated_database_url(request.param, tmp_path), clock=shifted_clock(BUSINESS_MORNING))
    yield st
    st.stop()


def _refuse_writes(dialect: str) -> Callable[[Any, Any], None]:
    """What each new connection is told so that the database itself refuses writes."""

    def on_connect(dbapi_connection: Any, record: Any) -> None:
        cursor = dbapi_connection.cursor()
        if dialect == "sqlite":
            # SQLite's own size limit, answered exactly as a full disk is: SQLITE_FULL.
            pages = cursor.execute("PRAGMA page_count").fetchone()[0]
            cursor.execute(f"PRAGMA max_page_count = {pages}")
        else:
            # What a read-only replica, or a database set read-only by its owner, answers.
            cursor.execute("SET default_transaction_read_only = on")
            dbapi_connection.commit()
        cursor.close()

    return on_connect


def test_refused_writes_show_in_healthz_and_the_log_and_clear_when_writes_succeed(
    stack: LocalStack, caplog: pytest.LogCaptureFixture
) -> None:
    st = stack
    engine = st.rt.db.engine
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, APPROVERS[0])
    settle(st)
    status, body = healthz(st)
    assert status == 200 and body["database_writes"] == "ok"

    refuse = _refuse_writes(engine.dialect.name)
    event.listen(engine, "connect", refuse)
    engine.dispose()  # the pooled connections go; new ones are refused writes
    caplog.set_level(logging.ERROR)
    try:
        st.driver.message("C0INTAKE", "U0OPERATOR", LONG_DRAFT, event_id="Ev0FULL1")
        assert st.driver.last_reply is not None and st.driver.last_reply.status >= 500  # Slack retries it
        status, body = healthz(st)
        assert status == 503 and body["status"] == "degraded"
        # Reads still work: only the writes say what is wrong (the reason stays in the log).
        assert body["database"] == "ok"
        expected = "OperationalError" if engine.dialect.name == "sqlite" else "ReadOnlySqlTransaction"
        assert body["database_writes"] == f"failing: {expected}"
        reason = "database or disk is full" if engine.dialect.name == "sqlite" else "read-only transaction"
        assert any("database unavailable" in r.getMessage() and reason in r.getMessage() for r in caplog.records)
    finally:
        event.remove(engine, "connect", refuse)
        engine.dispose()

    # Space is back (or the right database is configured): Slack's retry goes through, health clears.
    st.driver.retry_last_event(retry_num=1)
    assert st.driver.last_reply is not None and st.driver.last_reply.status == 200
    settle(st)
    assert len(drafts(st)) == 2
    status, body = healthz(st)
    assert status == 200 and body["database_writes"] == "ok"
