"""A replica that stops in the middle of a transaction (a paused VM or container, a process
stopped with SIGSTOP) must not stall the others on the locks it holds."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from storage import reminders
from storage.db import Database
from tests.conftest import database_url

NOW = datetime(2026, 12, 3, 0, 0, tzinfo=UTC)


@pytest.fixture
def pg_url(tmp_path: Path) -> Iterator[str]:
    url = database_url("postgres", tmp_path)
    db = Database(url)
    db.upgrade()
    db.dispose()
    yield url


def test_connections_end_a_transaction_left_idle_for_a_minute(pg_url: str) -> None:
    db = Database(pg_url)
    try:
        with db.engine.connect() as c:
            assert c.execute(text("SHOW idle_in_transaction_session_timeout")).scalar() == "1min"
    finally:
        db.dispose()


def test_options_written_in_the_url_keep_the_limit_unless_they_set_it(pg_url: str) -> None:
    sep = "&" if "?" in pg_url else "?"
    for options, expected in (("-c%20application_name%3Dkessai-a", "1min"),
                              ("-c%20idle_in_transaction_session_timeout%3D5000", "5s")):
        db = Database(f"{pg_url}{sep}options={options}")
        try:
            with db.engine.connect() as c:
                assert c.execute(text("SHOW idle_in_transaction_session_timeout")).scalar() == expected
                if "application_name" in options:
                    assert c.execute(text("SHOW application_name")).scalar() == "kessai-a"
        finally:
            db.dispose()


def test_a_replica_frozen_holding_a_reminder_claim_does_not_stall_the_others(pg_url: str) -> None:
    # A shorter limit than the default minute, written in the URL as an IT 担当 could.
    url = pg_url + ("&" if "?" in pg_url else "?") + "options=-c%20idle_in_transaction_session_timeout%3D1000"
    # Only the frozen replica has the one-second limit: with it, the other's own transactions failed in CI when a
    # full garbage collection of the loaded test worker (about 2 s) fell between a statement and its COMMIT.
    frozen, other = Database(url), Database(pg_url)
    try:
        s = Session(frozen.engine)
        assert reminders.claim(s, "pending:7:2026-12-03", NOW)  # claimed, not committed: then it stops
        done: list[bool] = []

        def sweep() -> None:
            with other.session() as o:
                done.append(reminders.claim(o, "pending:7:2026-12-03", NOW))

        t = threading.Thread(target=sweep)
        t.start()
        # Not timed: a sweep left waiting on the frozen one's lock would be stopped by pytest-timeout.
        t.join()
        assert done == [True], "the other replica's sweep did not get the claim"
        # The frozen replica wakes up: its transaction was ended for it and nothing of it lands.
        with pytest.raises(DBAPIError):
            s.commit()
        s.close()
        with other.session() as o:
            assert reminders.count(o) == 1
    finally:
        frozen.dispose()
        other.dispose()
