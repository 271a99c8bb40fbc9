"""The in-process scheduler of ``kessai serve``: one reminder sweep every minute.

APScheduler 3.x with its default in-memory job store: nothing about the schedule needs to survive
a restart, because the sweep is a function of (database, now) and catches up by itself. Several
replicas may each run it; the reminder claims in the database make them send every reminder once.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from apscheduler.events import EVENT_SCHEDULER_SHUTDOWN  # type: ignore[import-untyped]
from apscheduler.schedulers.background import BackgroundScheduler  # type: ignore[import-untyped]
from slack_sdk import WebClient

from bot.logs import FailureStreak
from bot.sweep import Sweeper
from storage.db import Database

log = logging.getLogger(__name__)

SWEEP_JOB_ID = "kessai-sweep"
CONFIG_WATCH_JOB_ID = "kessai-config-watch"

# One clock (SQLite): the wall clock this far ahead of the time elapsed since the last sweep was
# stepped forward. A busy host or a late wake-up moves both clocks alike, and NTP's slewing moves
# them apart by milliseconds a minute; a step under this changes at most two sweeps' worth.
STEP_FORWARD = timedelta(minutes=2)
# How long a step forward must stand before the sweep follows it. A clock set ahead by mistake and
# put right by an NTP daemon is stepped back within this (systemd-timesyncd polls after 32 s,
# chrony after 64 s, ntpd steps after its 300 s stepout); a VM that resumed, whose clock really
# moved on, catches up this much later — less than the first incident re-alert's 15 minutes.
STEP_CONFIRM = timedelta(minutes=10)
# PostgreSQL: this host's clock this far ahead of the database's is wrong, not jittery (NTP keeps
# both within milliseconds; serve warns from 2 s at start). Under it, a sweep acts at most two of its
# minutes early.
DATABASE_BEHIND = timedelta(minutes=2)
# Once held, the two clocks agree again only within this: two clocks about DATABASE_BEHIND apart
# otherwise crossed it back and forth, a WARNING at every other sweep.
DATABASE_AGREES = timedelta(minutes=1)


def _elapsed_clock() -> float:
    # CLOCK_BOOTTIME counts a suspended host's sleep (CLOCK_MONOTONIC does not): a laptop or VM host
    # that slept is then no step at all, and its reminders go out at once.
    boottime = getattr(time, "CLOCK_BOOTTIME", None)
    return time.clock_gettime(boottime) if boottime is not None else time.monotonic()


class SweepClock:
    """The instant each sweep of ``kessai serve`` acts as of: the wall clock, unless it was just
    stepped forward. A sweep as of a clock a day ahead expired the drafts scheduled within that day
    (a ledger entry: their approvers could no longer decide), sent tomorrow's reminders for good, and
    claimed an incident's re-alerts up to tomorrow's, so none came after the clock was put right.

    With ``database`` on PostgreSQL, its clock is the second opinion: while this host's is more than
    DATABASE_BEHIND ahead of it, the sweep acts as of the database's; and the database's clock is
    itself judged by the elapsed time as below (on the same machine it is this host's clock, stepped
    with it). Without (SQLite), the elapsed time (``elapsed``, seconds) is: a wall clock that jumped more than STEP_FORWARD ahead of it is
    held at the last sweep's instant plus the time elapsed since, until it has stood for STEP_CONFIRM
    (then the sweep catches up: what fell due meanwhile is sent once) or comes back. What is due by
    the held instant is sent as usual. One WARNING when a step is seen, one line when it ends."""

    def __init__(self, wall: Callable[[], datetime], *, elapsed: Callable[[], float] = _elapsed_clock,
                 database: Database | None = None) -> None:
        self.wall = wall
        self.elapsed = elapsed
        self.database = database
        self._anchor: tuple[datetime, float] | None = None  # a trusted instant, and `elapsed` then
        self._step_seen: float | None = None  # `elapsed` when the unconfirmed step was first seen
        self._database_behind = False
        # What the elapsed time is checked against (the log lines name it).
        self._judged = ("the system clock" if database is None else
                        "the database's clock (this server's own when PostgreSQL runs on it)")

    def now(self) -> datetime:
        apart = self.database.clock_apart(self.wall) if self.database is not None else None
        wall = self.wall()
        if apart is not None:
            # The database's clock is judged by the elapsed time as one host's is: PostgreSQL on this
            # machine (a Unix socket, a container beside kessai) reads this very clock, stepped with it,
            # and agreeing with it proved nothing: a day ahead, the drafts of that day were expired.
            database = wall + apart
            trusted = self._by_elapsed(database, self.elapsed())
            if trusted < database:  # the database's clock jumped too: held as on one clock
                return min(wall, trusted)
            return self._by_database(wall, apart)
        return self._by_elapsed(wall, self.elapsed())

    def _by_database(self, wall: datetime, apart: timedelta) -> datetime:
        if apart < -(DATABASE_AGREES if self._database_behind else DATABASE_BEHIND):
            held = wall + apart
            if not self._database_behind:
                self._database_behind = True
                log.warning("this server's clock (%s) is %s ahead of the database's (%s): the reminder sweep acts as of "
                            "the database's clock until they agree within %s (nothing is expired, sent or claimed "
                            "early); correct the clock that is wrong (timedatectl set-ntp true, chrony), see "
                            "docs/operations.md", wall.isoformat(), _span(-apart), held.isoformat(), _span(DATABASE_AGREES))
            return held
        if self._database_behind:
            self._database_behind = False
            if apart > DATABASE_AGREES:
                # Set back past the right time: following this clock sends nothing early, but late.
                log.warning("this server's clock (%s) is now %s behind the database's (%s): the reminder sweep follows "
                            "this server's clock again, so reminders go out that much late until the clock that is "
                            "wrong is corrected (timedatectl set-ntp true, chrony), see docs/operations.md",
                            wall.isoformat(), _span(apart), (wall + apart).isoformat())
            else:
                log.warning("this server's clock (%s) agrees with the database's again: the reminder sweep follows it",
                            wall.isoformat())
        return wall

    def _by_elapsed(self, wall: datetime, elapsed: float) -> datetime:
        if self._anchor is None:
            self._anchor = (wall, elapsed)
            return wall
        expected = self._anchor[0] + timedelta(seconds=elapsed - self._anchor[1])
        ahead = wall - expected
        if ahead <= STEP_FORWARD:
            # In step, or set back (``realign`` wakes the sweep; the claims keep what was sent sent).
            if self._step_seen is not None:
                log.warning("%s (%s) was set back to within %s of the time elapsed: the step forward "
                            "is over and nothing was done as of it", self._judged, wall.isoformat(), _span(STEP_FORWARD))
                self._step_seen = None
            self._anchor = (wall, elapsed)
            return wall
        if self._step_seen is None:
            self._step_seen = elapsed
            log.warning("%s (%s) jumped %s ahead of the time elapsed since the last reminder sweep (%s "
                        "by it): the sweep acts as of the elapsed time until the clock has stayed ahead for %s, so that "
                        "a wrong clock put right meanwhile expires, sends or claims nothing early; if the clock is "
                        "wrong, correct it (timedatectl, chrony), see docs/operations.md",
                        self._judged, wall.isoformat(), _span(ahead), expected.isoformat(), _span(STEP_CONFIRM))
        elif elapsed - self._step_seen >= STEP_CONFIRM.total_seconds():
            log.warning("%s (%s) has stayed %s ahead for %s: taken as the right time, the reminder sweep "
                        "catches up now", self._judged, wall.isoformat(), _span(ahead), _span(STEP_CONFIRM))
            self._step_seen = None
            self._anchor = (wall, elapsed)
            return wall
        return expected


def _span(t: timedelta) -> str:
    seconds = int(t.total_seconds())
    return f"{seconds // 3600}h{seconds % 3600 // 60:02d}m{seconds % 60:02d}s"


def start_scheduler(runtime: Any, *, interval_seconds: int = 60, slack: WebClient | None = None,
                    clock: SweepClock | None = None) -> BackgroundScheduler:
    """Start sweeping every ``interval_seconds`` (first run right away); returns the scheduler to
    ``shutdown()`` when the bot stops. ``slack``: the sweep looks up the escalation members in it
    once a business day (``Sweeper._check_escalation_members``). ``clock``: what each sweep acts as
    of (default: the runtime's clock, held after a step forward; ``kessai serve`` adds the database's)."""
    sweeper = Sweeper(runtime.kessai, slack=slack)
    sweep_clock = clock or SweepClock(runtime.kessai.clock)
    tz = runtime.settings.tz
    failing = FailureStreak("reminder sweep", log, every=600)

    def run_sweep() -> None:
        # Also without a monitor asking /healthz: a deleted SQLite file is copied while it can be.
        runtime.kessai.db.file_problem()
        try:
            # One instant for all of it: what is due, and the bookkeeping (see Sweeper.sweep).
            now = sweep_clock.now()
            sweeper.sweep(now, clock_now=now)
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
