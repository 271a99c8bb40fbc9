"""How often a reminder that cannot be written is logged, and at which level (``Sweeper._failed``;
found by mutation: no test moved when the pace's bound, the memory's pruning or the carrying over
of a periodic reminder's failure into its next period changed). Each failure is the one a sweep at
that instant met: the sweep runs first, as it reads the failures recorded before it."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta

import pytest

from bot.sweep import RETRY_MEMORY, SweepReport
from tests.time.conftest import World, jst

# A periodic reminder's key is its reference and its period (an incident's re-alert, per 15 minutes).
REALERT = "incident.realert:7"
ERROR = "IntegrityError: the database refused the row"


def failed(world: World, caplog: pytest.LogCaptureFixture, at: datetime, key: str, *,
           periodic: bool = False) -> tuple[int, str]:
    """Reminder ``key`` failing in the sweep at ``at``: the level and the words it was logged with."""
    world.sweep(at)
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="bot.sweep"):
        try:
            raise RuntimeError(ERROR)
        except RuntimeError as e:
            world.sweeper._failed(SweepReport(now=at), key, e, periodic=periodic)
    [record] = [r for r in caplog.records if r.name == "bot.sweep" and "reminder " in r.getMessage()]
    return record.levelno, record.getMessage()


def test_a_periodic_reminder_failing_on_is_said_at_the_pace_of_its_tries_into_its_next_period(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """Tried at every sweep, said once at first (ERROR, with the traceback), then in a WARNING when
    its next try is due — at that very sweep, not one later — and at DEBUG between. Its next period
    (a new key) is the same reminder failing the same way: no new ERROR, its pace and its start go on."""
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 0), f"{REALERT}:1", periodic=True)
    assert level == logging.ERROR and "tried again at every sweep" in said
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 1), f"{REALERT}:1", periodic=True)  # its next try
    assert level == logging.WARNING and "failing since 2026-11-24T10:00:00+09:00" in said, said
    # The next period, at its next try (a minute after the last, as long as it has failed).
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 2), f"{REALERT}:2", periodic=True)
    assert level == logging.WARNING and "failing since 2026-11-24T10:00:00+09:00" in said, said
    # Failing for two minutes now: next said two minutes on, at 10:04.
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 3), f"{REALERT}:2", periodic=True)
    assert level == logging.DEBUG, said
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 4), f"{REALERT}:2", periodic=True)
    assert level == logging.WARNING and "failing since 2026-11-24T10:00:00+09:00" in said, said


def test_a_failure_a_day_past_is_forgotten_and_failing_again_is_a_first_failure(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """What the sweeper remembers of a failed reminder goes a day after its last try (a draft
    decided, a period over: never tried again, its entry stayed for ever); the same reminder
    failing after that is a new failure, its ERROR and traceback logged again."""
    start = jst(2026, 11, 24, 10, 0)
    assert failed(world, caplog, start, "draft.due_soon:1:v1")[0] == logging.ERROR
    assert failed(world, caplog, start, "draft.due_soon:2:v1")[0] == logging.ERROR
    later = start + RETRY_MEMORY + timedelta(minutes=1)
    level, said = failed(world, caplog, later, "draft.due_soon:2:v1")
    assert level == logging.ERROR and "could not be prepared (nothing of it was written)" in said, said
    assert set(world.sweeper._failing) == {"draft.due_soon:2:v1"}
    assert world.sweeper._failing["draft.due_soon:2:v1"].since == later


def test_a_periodic_reminders_tries_are_counted_across_its_periods(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """Its next period is the same reminder failing on: the WARNING counts every try since it
    started failing (it said "at try 1 (failing since 10:00)" at the third), and a third period
    carries on from the second, the latest, not from the first (which it found first, its pace
    and count those of a minute long gone)."""
    failed(world, caplog, jst(2026, 11, 24, 10, 0), f"{REALERT}:1", periodic=True)
    failed(world, caplog, jst(2026, 11, 24, 10, 1), f"{REALERT}:1", periodic=True)
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 2), f"{REALERT}:2", periodic=True)
    assert level == logging.WARNING and "at try 3 (failing since 2026-11-24T10:00:00+09:00)" in said, said
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 3), f"{REALERT}:2", periodic=True)
    assert level == logging.DEBUG and "at try 4" in said, said
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 4), f"{REALERT}:2", periodic=True)
    assert level == logging.WARNING and "at try 5 (failing since 2026-11-24T10:00:00+09:00)" in said, said
    # The third period: failing four minutes now, so the next WARNING is due at 10:08 (not at once,
    # as the first period's next try, 10:04, long past, would have it).
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 5), f"{REALERT}:3", periodic=True)
    assert level == logging.DEBUG and "at try 6" in said, said
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 8), f"{REALERT}:3", periodic=True)
    assert level == logging.WARNING and "at try 7 (failing since 2026-11-24T10:00:00+09:00)" in said, said


def test_a_periodic_reminder_failing_otherwise_in_its_next_period_keeps_its_pace(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """Its cause changed in its next period: an ERROR (a traceback never logged), and its WARNINGs
    go on spaced by how long it has failed (two minutes at 10:02), not by its tries counted so far."""
    failed(world, caplog, jst(2026, 11, 24, 10, 0), f"{REALERT}:1", periodic=True)
    failed(world, caplog, jst(2026, 11, 24, 10, 1), f"{REALERT}:1", periodic=True)
    failed(world, caplog, jst(2026, 11, 24, 10, 2), f"{REALERT}:1", periodic=True)
    world.sweep(jst(2026, 11, 24, 10, 4))
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="bot.sweep"):
        try:
            raise RuntimeError("OperationalError: deadlock detected")
        except RuntimeError as e:
            world.sweeper._failed(SweepReport(now=jst(2026, 11, 24, 10, 4)), f"{REALERT}:2", e, periodic=True)
    assert [r.levelno for r in caplog.records if "reminder " in r.getMessage()] == [logging.ERROR]
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 5), f"{REALERT}:2", periodic=True)
    assert level == logging.ERROR, said  # the first cause again: otherwise than just before
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 6), f"{REALERT}:2", periodic=True)
    assert level == logging.DEBUG and "at try 6" in said, said
    # Failing for five minutes at 10:05: its next WARNING at 10:10, not half an hour on.
    level, said = failed(world, caplog, jst(2026, 11, 24, 10, 10), f"{REALERT}:2", periodic=True)
    assert level == logging.WARNING and "at try 7 (failing since 2026-11-24T10:00:00+09:00)" in said, said
