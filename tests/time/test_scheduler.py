"""``serve`` runs the sweep from APScheduler; the sweep takes ``now`` from the runtime's clock."""

from __future__ import annotations

import time
from types import SimpleNamespace

from bot.scheduler import SWEEP_JOB_ID, start_scheduler
from storage import reminders
from tests.time.conftest import World, jst


def test_scheduler_sweeps_at_once_and_then_periodically_in_tokyo_time(world: World) -> None:
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.clock.t = jst(2026, 11, 24, 12, 0)
    runtime = SimpleNamespace(kessai=world.kessai, settings=SimpleNamespace(tz="Asia/Tokyo"))
    scheduler = start_scheduler(runtime, interval_seconds=1)
    try:
        assert str(scheduler.timezone) == "Asia/Tokyo"
        job = scheduler.get_job(SWEEP_JOB_ID)
        assert job is not None and job.max_instances == 1 and job.coalesce

        def claimed(prefix: str) -> int:
            with world.db.session() as s:
                return reminders.count(s, prefix)

        deadline = time.monotonic() + 10
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
