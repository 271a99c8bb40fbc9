"""A replica whose clock is not the database's is told at start."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta

import pytest

from bot.app import shifted_clock
from bot.serve import CLOCK_APART_WARNING, warn_of_a_clock_apart_from_the_database
from storage.db import Database


def test_a_clock_ahead_of_the_database_is_told_at_start(db: Database, caplog: pytest.LogCaptureFixture) -> None:
    read: list[datetime] = []

    def ahead() -> datetime:  # a replica whose clock runs exactly 30 s fast
        read.append(datetime.now(UTC) + timedelta(seconds=30))
        return read[-1]

    with caplog.at_level(logging.INFO, logger="bot.serve"):
        apart = warn_of_a_clock_apart_from_the_database(db, ahead)
    warnings = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    if not db.is_postgres:
        assert apart is None and warnings == []  # SQLite keeps this host's own clock
        return
    # The database read its clock (this host's) between the replica's two readings: the difference
    # less the round trip's uncertainty is 30 s less the wait before the database answered. That
    # wait is a loaded host's to decide: a fixed "about 30 s" (and "3…" in the message) failed
    # once it passed 50 ms, the message then saying 29.9 s.
    before, after = read[-2], read[-1]
    grain = timedelta(milliseconds=5)  # the two clocks' resolutions
    assert apart is not None and -timedelta(seconds=30) - grain <= apart <= after - before - timedelta(seconds=30) + grain
    assert len(warnings) == 1
    assert f"clock is {abs(apart).total_seconds():.1f} s ahead of the database's" in warnings[0]
    assert "ledger" in warnings[0] and "NTP" in warnings[0]


def test_a_clock_in_step_with_the_database_is_not_told(db: Database, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="bot.serve"):
        apart = warn_of_a_clock_apart_from_the_database(db, lambda: datetime.now(UTC))
    assert not [r for r in caplog.records if r.levelno >= logging.INFO]
    if db.is_postgres:  # the test's PostgreSQL runs on this host
        assert apart is not None and abs(apart) <= CLOCK_APART_WARNING


def test_a_clock_behind_the_database_is_told_too(db: Database, caplog: pytest.LogCaptureFixture) -> None:
    if not db.is_postgres:
        pytest.skip("SQLite keeps this host's own clock")
    behind = shifted_clock(datetime.now(UTC) - timedelta(seconds=10))
    with caplog.at_level(logging.WARNING, logger="bot.serve"):
        warn_of_a_clock_apart_from_the_database(db, behind)
    assert [r.getMessage() for r in caplog.records if "s behind the database's" in r.getMessage()]
