"""The in-process scheduler of ``kessai serve``: one reminder sweep every minute.

APScheduler 3.x with its default in-memory job store: nothing about the schedule needs to survive
a restart, because the sweep is a function of (database, now) and catches up by itself. Several
replicas may each run it; the reminder claims in the database make them send every reminder once.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from apscheduler.schedulers.background import BackgroundScheduler  # type: ignore[import-untyped]

from bot.logs import FailureStreak
from bot.sweep import Sweeper

log = logging.getLogger(__name__)

SWEEP_JOB_ID = "kessai-sweep"


def start_scheduler(runtime: Any, *, interval_seconds: int = 60) -> BackgroundScheduler:
    """Start sweeping every ``interval_seconds`` (first run right away); returns the scheduler to
    ``shutdown()`` when the bot stops."""
    sweeper = Sweeper(runtime.kessai)
    tz = runtime.settings.tz
    failing = FailureStreak("reminder sweep", log, every=600)

    def run_sweep() -> None:
        try:
            sweeper.sweep(runtime.kessai.clock())
        except Exception:
            # A database outage must not kill the job: the next minute's sweep catches up.
            failing.failed()
        else:
            failing.succeeded()

    scheduler = BackgroundScheduler(timezone=tz)
    scheduler.add_job(run_sweep, "interval", seconds=interval_seconds, id=SWEEP_JOB_ID,
                      next_run_time=datetime.now(scheduler.timezone),
                      # A sweep that overran its minute is not run twice in a row to catch up.
                      coalesce=True, max_instances=1, misfire_grace_time=interval_seconds)
    scheduler.start()
    log.info("reminder sweep scheduled every %ss (time zone %s)", interval_seconds, tz)
    return scheduler
