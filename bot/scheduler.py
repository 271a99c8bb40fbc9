"""The in-process scheduler of ``kessai serve``: one reminder sweep every minute.

APScheduler 3.x with its default in-memory job store: nothing about the schedule needs to survive
a restart, because the sweep is a function of (database, now) and catches up by itself. Several
replicas may each run it; the reminder claims in the database make them send every reminder once.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from apscheduler.events import EVENT_SCHEDULER_SHUTDOWN  # type: ignore[import-untyped]
from apscheduler.schedulers.background import BackgroundScheduler  # type: ignore[import-untyped]
from slack_sdk import WebClient

from bot.logs import FailureStreak
from bot.sweep import Sweeper

log = logging.getLogger(__name__)

SWEEP_JOB_ID = "kessai-sweep"
CONFIG_WATCH_JOB_ID = "kessai-config-watch"


def start_scheduler(runtime: Any, *, interval_seconds: int = 60, slack: WebClient | None = None) -> BackgroundScheduler:
    """Start sweeping every ``interval_seconds`` (first run right away); returns the scheduler to
    ``shutdown()`` when the bot stops. ``slack``: the sweep looks up the escalation members in it
    once a business day (``Sweeper._check_escalation_members``)."""
    sweeper = Sweeper(runtime.kessai, slack=slack)
    tz = runtime.settings.tz
    failing = FailureStreak("reminder sweep", log, every=600)

    def run_sweep() -> None:
        # Also without a monitor asking /healthz: a deleted SQLite file is copied while it can be.
        runtime.kessai.db.file_problem()
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
    _watch_clock(scheduler, timedelta(seconds=interval_seconds))
    log.info("reminder sweep scheduled every %ss (time zone %s)", interval_seconds, tz)
    return scheduler


def watch_config_file(scheduler: BackgroundScheduler, check: Callable[[], None], *,
                      interval_seconds: int = 60) -> None:
    """Run ``check`` (``bot.config.ConfigFileWatch.check``) every ``interval_seconds``."""
    # APScheduler's default grace is one second: a run woken a little late (a busy host, a
    # suspended VM, a clock stepped forward) was skipped with a WARNING of its own each time. As the
    # sweep's, a run late within its interval is still run.
    scheduler.add_job(check, "interval", seconds=interval_seconds, id=CONFIG_WATCH_JOB_ID,
                      coalesce=True, max_instances=1, misfire_grace_time=interval_seconds)


def realign(scheduler: BackgroundScheduler, now: datetime, interval: timedelta) -> bool:
    """Run the sweep now if its next run is more than one interval ahead of ``now``; True if so.

    APScheduler keeps the next run as a wall-clock instant and sleeps until it: when the system
    clock is set back (an NTP step, a VM restored from a snapshot), the sweep waited out the whole
    step — an hour back meant an hour without reminders, expiries or incident re-alerts. Reminder
    keys make the extra sweep harmless (nothing is sent twice).
    """
    job = scheduler.get_job(SWEEP_JOB_ID)
    if job is None or job.next_run_time is None:
        return False
    ahead = job.next_run_time - now
    # The interval itself plus a little: a run that is merely due within the minute is normal.
    if ahead <= interval + timedelta(seconds=5):
        return False
    log.warning("the system clock went back (the next reminder sweep was %ss away); sweeping now",
                int(ahead.total_seconds()))
    scheduler.modify_job(SWEEP_JOB_ID, next_run_time=now)
    return True


def _watch_clock(scheduler: BackgroundScheduler, interval: timedelta) -> None:
    # Event.wait measures elapsed time on the monotonic clock, which a clock step does not move,
    # so this thread wakes every interval whatever the wall clock says.
    stopped = threading.Event()
    scheduler.add_listener(lambda _event: stopped.set(), EVENT_SCHEDULER_SHUTDOWN)

    def watch() -> None:
        while not stopped.wait(interval.total_seconds()):
            try:
                realign(scheduler, datetime.now(scheduler.timezone), interval)
            except Exception:  # the scheduler shut down between the wait and the look
                if not stopped.is_set():
                    log.exception("could not check the reminder sweep's schedule against the clock")

    threading.Thread(target=watch, name="kessai-sweep-clock", daemon=True).start()
