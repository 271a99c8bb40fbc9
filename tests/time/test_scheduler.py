"""``serve`` runs the sweep from APScheduler; the sweep takes ``now`` from the runtime's clock."""

from __future__ import annotations

import time
from datetime import datetime, timedelta
from types import SimpleNamespace

from bot.scheduler import SWEEP_JOB_ID, SweepClock, realign, start_scheduler
from storage import reminders
from tests.time.conftest import World, jst


def passing_time(world: World) -> SweepClock:
    """The sweep's clock when the tests' clock moves as time passing does: the elapsed time with it
    (a jump of the wall clock alone is a step forward, held: tests/time/test_sweep_clock.py)."""
    return SweepClock(world.clock, elapsed=lambda: world.clock.t.timestamp())


def test_scheduler_sweeps_at_once_and_then_periodically_in_tokyo_time(world: World) -> None:
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.clock.t = jst(2026, 11, 24, 12, 0)
    runtime = SimpleNamespace(kessai=world.kessai, settings=SimpleNamespace(tz="Asia/Tokyo"))
    scheduler = start_scheduler(runtime, interval_seconds=1, clock=passing_time(world))
    try:
        assert str(scheduler.timezone) == "Asia/Tokyo"
        job = scheduler.get_job(SWEEP_JOB_ID)
        assert job is not None and job.max_instances == 1 and job.coalesce

        def claimed(prefix: str) -> int:
            with world.db.session() as s:
                return reminders.count(s, prefix)

        deadline = time.monotonic() + 60  # what must come, bounded generously: a loaded host sweeps slowly
        while claimed("approval.remind:") == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert claimed("approval.remind:") == 1
        world.clock.t = jst(2026, 11, 25, 12, 0)  # time passes: the next runs pick it up
        while claimed("approval.remind:") < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert claimed("approval.remind:") == 2
    finally:
        scheduler.shutdown(wait=True)
    assert not scheduler.running


def test_a_clock_set_back_does_not_stop_the_sweep_until_it_catches_up(world: World) -> None:
    """NTP steps the clock back an hour: APScheduler's next run is then an hour away on the new
    clock, and without the watch no reminder, expiry or incident re-alert went out for that hour."""
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.clock.t = jst(2026, 11, 24, 12, 0)
    runtime = SimpleNamespace(kessai=world.kessai, settings=SimpleNamespace(tz="Asia/Tokyo"))
    scheduler = start_scheduler(runtime, interval_seconds=1, clock=passing_time(world))
    try:
        def claimed() -> int:
            with world.db.session() as s:
                return reminders.count(s, "approval.remind:")

        deadline = time.monotonic() + 60  # what must come, bounded generously: a loaded host sweeps slowly
        while claimed() == 0 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert claimed() == 1
        # What a step back of one hour leaves behind: the next run is an hour ahead of the clock.
        scheduler.modify_job(SWEEP_JOB_ID, next_run_time=datetime.now(scheduler.timezone) + timedelta(hours=1))
        world.clock.t = jst(2026, 11, 25, 12, 0)
        while claimed() < 2 and time.monotonic() < deadline:
            time.sleep(0.05)
        assert claimed() == 2
        job = scheduler.get_job(SWEEP_JOB_ID)
        assert job.next_run_time - datetime.now(scheduler.timezone) <= timedelta(seconds=2)
    finally:
        scheduler.shutdown(wait=True)


def test_realign_leaves_a_run_due_within_the_interval_alone(world: World) -> None:
    runtime = SimpleNamespace(kessai=world.kessai, settings=SimpleNamespace(tz="Asia/Tokyo"))
    scheduler = start_scheduler(runtime, interval_seconds=60)
    try:
        now = datetime.now(scheduler.timezone)
        scheduler.modify_job(SWEEP_JOB_ID, next_run_time=now + timedelta(seconds=59))
        assert not realign(scheduler, now, timedelta(seconds=60))
        assert scheduler.get_job(SWEEP_JOB_ID).next_run_time == now + timedelta(seconds=59)
        scheduler.modify_job(SWEEP_JOB_ID, next_run_time=now + timedelta(minutes=30))
        assert realign(scheduler, now, timedelta(seconds=60))
    finally:
        scheduler.shutdown(wait=True)


def test_the_organisation_file_watch_runs_when_woken_a_little_late(world: World) -> None:
    """APScheduler's default grace of one second skipped a run woken late (a busy host, a VM
    suspended a moment) and logged a WARNING for it; the watch, like the sweep, runs anyway."""
    from bot.scheduler import CONFIG_WATCH_JOB_ID, watch_config_file

    runtime = SimpleNamespace(kessai=world.kessai, settings=SimpleNamespace(tz="Asia/Tokyo"))
    scheduler = start_scheduler(runtime, interval_seconds=60)
    try:
        watch_config_file(scheduler, lambda: None)
        job = scheduler.get_job(CONFIG_WATCH_JOB_ID)
        assert job.misfire_grace_time == 60 and job.coalesce and job.max_instances == 1
    finally:
        scheduler.shutdown(wait=True)
