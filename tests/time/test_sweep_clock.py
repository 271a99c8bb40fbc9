"""``kessai serve``'s sweep after the system clock is stepped forward (``bot.scheduler.SweepClock``):
nothing irreversible early, nothing sent twice, nothing lost."""

from __future__ import annotations

import logging
import time
from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest
from slack_sdk import WebClient

from bot.scheduler import STEP_CONFIRM, SweepClock, start_scheduler
from bot.sweep import ESCALATION_MEMBERS_PREFIX
from storage import drafts as draft_repo
from storage import reminders
from storage.db import Database
from tests.time.conftest import World, jst

TUESDAY_10 = jst(2026, 11, 24, 10, 0)


class Elapsed:
    """The time elapsed (seconds) that the tests move explicitly, as they move the wall clock."""

    def __init__(self) -> None:
        self.t = 1000.0

    def __call__(self) -> float:
        return self.t


def steps_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.scheduler" and r.levelno == logging.WARNING]


def test_a_clock_a_day_ahead_and_put_right_expires_and_re_alerts_nothing_early(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """The clock jumps a day ahead at 10:02 and is put right at 10:05: the draft scheduled for
    12:00 stays for its approver to decide, and the incident's re-alerts keep their pace."""
    draft = world.scheduled_draft(TUESDAY_10, jst(2026, 11, 24, 12, 0))
    incident = world.incidents.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR",
                                      now=TUESDAY_10, description="批判が殺到しています")
    elapsed = Elapsed()
    clock = SweepClock(world.clock, elapsed=elapsed)
    world.clock.t = TUESDAY_10
    world.sweep(clock.now())
    for minute in (1, 2, 3, 4):
        elapsed.t += 60
        world.clock.t = TUESDAY_10 + timedelta(days=1, minutes=minute)
        now = clock.now()
        assert now == TUESDAY_10 + timedelta(minutes=minute)
        assert world.sweep(now).total == 0
    assert world.draft(draft).state == "pending"
    with world.db.session() as s:
        assert reminders.count(s, f"incident.realert:{incident}:") == 0
    assert len(steps_logged(caplog)) == 1  # one WARNING for the step, not one per sweep
    # Put right: the sweep follows the wall clock again, and the first re-alert comes at 10:15.
    elapsed.t += 60
    world.clock.t = TUESDAY_10 + timedelta(minutes=5)
    assert clock.now() == world.clock.t
    assert len(steps_logged(caplog)) == 2
    elapsed.t += 600
    world.clock.t = TUESDAY_10 + timedelta(minutes=15)
    assert world.sweep(clock.now()).sent["incident.unacked"] == 1
    elapsed.t += 900
    world.clock.t = TUESDAY_10 + timedelta(minutes=30)
    assert world.sweep(clock.now()).sent["incident.unacked"] == 1
    assert world.draft(draft).state == "pending"


def test_a_step_forward_that_stands_is_caught_up_once(world: World, caplog: pytest.LogCaptureFixture) -> None:
    """A VM resumed after two hours, its clock moved on for real: held for STEP_CONFIRM, then the
    expiry and the re-alerts that fell due meanwhile happen once, the re-alert being the latest."""
    draft = world.scheduled_draft(TUESDAY_10, jst(2026, 11, 24, 11, 0))
    world.incidents.report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR",
                           now=TUESDAY_10, description="批判が殺到しています")
    elapsed = Elapsed()
    clock = SweepClock(world.clock, elapsed=elapsed)
    world.clock.t = TUESDAY_10
    world.sweep(clock.now())
    step = timedelta(hours=2)
    # Seen at the first sweep after it (10:01 by the elapsed time), it has stood STEP_CONFIRM at 10:11.
    for minute in range(1, int(STEP_CONFIRM.total_seconds()) // 60 + 1):
        elapsed.t += 60
        world.clock.t = TUESDAY_10 + step + timedelta(minutes=minute)
        assert world.sweep(clock.now()).total == 0
    assert world.draft(draft).state == "pending"
    elapsed.t += 60
    world.clock.t = TUESDAY_10 + step + STEP_CONFIRM + timedelta(minutes=1)
    now = clock.now()
    assert now == world.clock.t
    caught_up = world.sweep(now)
    assert caught_up.sent["draft.expire"] == 1 and caught_up.sent["incident.unacked"] == 1
    assert world.draft(draft).state == "expired"
    elapsed.t += 60
    world.clock.t += timedelta(minutes=1)
    assert world.sweep(clock.now()).total == 0
    assert len(steps_logged(caplog)) == 2  # the step, then its confirmation


def test_small_steps_and_steps_back_are_followed_at_once() -> None:
    wall = SimpleNamespace(t=datetime(2026, 11, 24, 1, 0, tzinfo=UTC))
    elapsed = Elapsed()
    clock = SweepClock(lambda: wall.t, elapsed=elapsed)
    assert clock.now() == wall.t
    elapsed.t += 60
    wall.t += timedelta(seconds=60 + 110)  # NTP stepping a slow clock forward by under two minutes
    assert clock.now() == wall.t
    elapsed.t += 60
    wall.t -= timedelta(hours=1)
    assert clock.now() == wall.t


def test_on_postgresql_the_sweep_acts_as_of_the_database_clock_when_this_host_is_ahead(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    if not db.is_postgres:
        pytest.skip("SQLite has no clock of its own (the elapsed time is the second opinion there)")
    wall = SimpleNamespace(t=datetime.now(UTC) + timedelta(days=1))
    elapsed = Elapsed()  # never moves: the database's clock moves on by milliseconds only, in step with it
    clock = SweepClock(lambda: wall.t, elapsed=elapsed, database=db)
    for _ in range(3):
        real = datetime.now(UTC)
        assert abs(clock.now() - real) < timedelta(seconds=5)
    messages = steps_logged(caplog)
    assert len(messages) == 1 and "database's" in messages[0]
    wall.t = datetime.now(UTC)  # put right
    assert clock.now() == wall.t
    assert len(steps_logged(caplog)) == 2


def test_on_postgresql_on_this_machine_a_step_of_the_one_clock_both_read_is_held(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    """PostgreSQL on the same machine (a Unix socket, a container beside kessai) reads this host's
    clock: stepped a day ahead, the two agreed, and the sweep acted as of the step (that day's drafts
    expired) as on no second opinion at all. The database's clock is held as one host's is."""
    if not db.is_postgres:
        pytest.skip("SQLite has no clock of its own")
    elapsed = Elapsed()
    clock = SweepClock(lambda: datetime.now(UTC), elapsed=elapsed, database=db)
    swept = clock.now()
    # The elapsed time since that sweep is a minute, while the one clock both this host and the
    # database read moved a day on: seen from now, that sweep's instant was a day back.
    swept -= timedelta(days=1)
    elapsed.t -= timedelta(days=1).total_seconds() - 60
    held = clock.now()
    assert abs(held - (swept + timedelta(minutes=1))) < timedelta(seconds=5)
    (message,) = steps_logged(caplog)
    assert message.startswith("the database's clock") and "jumped 23h59m" in message
    elapsed.t += STEP_CONFIRM.total_seconds()  # it stood: taken as the right time
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)
    assert len(steps_logged(caplog)) == 2


def test_serve_s_scheduler_sweeps_as_of_the_held_clock(world: World, caplog: pytest.LogCaptureFixture) -> None:
    """All of the sweep, its bookkeeping too: with the clock a day ahead, the escalation members'
    look-up was claimed for tomorrow (and so skipped tomorrow), Slack's six-and-a-half-day-old
    event ids (which stop its retries doing work twice) were forgotten, and the minimum was dated tomorrow."""
    draft = world.scheduled_draft(TUESDAY_10, jst(2026, 11, 24, 12, 0))
    with world.db.session() as s:
        draft_repo.claim_event(s, "ev-six-and-a-half-days-old", TUESDAY_10 - timedelta(days=6, hours=12))
    world.clock.t = TUESDAY_10
    clock = SweepClock(world.clock, elapsed=Elapsed())
    clock.now()  # a sweep at 10:00; then the clock jumps a day ahead, and the scheduler's first sweep sees it
    world.clock.t = TUESDAY_10 + timedelta(days=1)
    runtime = SimpleNamespace(kessai=world.kessai, settings=SimpleNamespace(tz="Asia/Tokyo"))
    # Nobody listens there: the look-up is claimed, then breaks off at its first call.
    unreachable = WebClient(token="xoxb-test", base_url="http://127.0.0.1:9/", timeout=1)
    scheduler = start_scheduler(runtime, interval_seconds=60, clock=clock, slack=unreachable)
    try:
        deadline = time.monotonic() + 60  # what must come, bounded generously: a loaded host sweeps slowly
        while time.monotonic() < deadline:
            with world.db.session() as s:
                if reminders.claimed(s, [reminders.IN_USE_KEY]):
                    break
            time.sleep(0.02)
    finally:
        scheduler.shutdown(wait=True)  # the sweep, under way once it claimed, ends first
    assert len(steps_logged(caplog)) == 1
    assert world.draft(draft).state == "pending"
    with world.db.session() as s:
        assert reminders.claimed(s, [f"{ESCALATION_MEMBERS_PREFIX}2026-11-24", f"{ESCALATION_MEMBERS_PREFIX}2026-11-25"]) \
            == {f"{ESCALATION_MEMBERS_PREFIX}2026-11-24"}
        assert reminders.minimums_kept_since(s) == TUESDAY_10
        assert not draft_repo.claim_event(s, "ev-six-and-a-half-days-old", TUESDAY_10)  # still recognised


def test_a_held_sweep_dates_a_first_password_ask_and_a_months_minimum_by_the_held_clock(world: World) -> None:
    """With the host's clock a day ahead and held, a first password ask was claimed at tomorrow (the
    account's periods, and so its next asks, a day late), and the minimum of a month no sweep ran in
    was noted tomorrow too."""
    from sqlmodel import select

    from storage.models import ReminderRow

    world.clock.t = jst(2026, 10, 15, 7, 0)
    world.sweep(world.clock.t)  # in use since October (before hours: nobody asked); nothing runs in November
    held = jst(2026, 12, 1, 10, 0)
    world.clock.t = held + timedelta(days=1)
    report = world.sweeper.sweep(held, clock_now=held)
    assert report.sent["password.rotate"] == 2 and report.sent["monthly.report"] == 2  # October, November
    with world.db.session() as s:
        assert set(reminders.never_rotated_asks(s).values()) == {held}
        (noted,) = s.exec(select(ReminderRow.claimed_at).where(
            ReminderRow.key.startswith(f"{reminders.MINIMUM_PREFIX}2026-11:"))).all()  # type: ignore[union-attr]
    assert noted.replace(tzinfo=noted.tzinfo or UTC) == held


def test_on_postgresql_the_database_clock_warnings_do_not_alternate_and_say_when_this_server_fell_behind(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    """Two clocks about two minutes apart: a WARNING at every other sweep (held, 「agrees again」,
    held...) said nothing. And a server that went from ahead to an hour behind was said to agree."""
    if not db.is_postgres:
        pytest.skip("SQLite has no clock of its own")
    offset = SimpleNamespace(t=timedelta(minutes=2, seconds=30))
    clock = SweepClock(lambda: datetime.now(UTC) + offset.t, elapsed=Elapsed(), database=db)
    for ahead in (150, 110, 150, 100, 150):  # seconds: jitter around the two minutes
        offset.t = timedelta(seconds=ahead)
        assert abs(clock.now() - datetime.now(UTC)) < timedelta(seconds=5)  # held each time
    assert len(steps_logged(caplog)) == 1
    offset.t = timedelta(seconds=30)
    clock.now()
    assert steps_logged(caplog)[-1].startswith("this server's clock") and "agrees with the database's again" \
        in steps_logged(caplog)[-1]
    offset.t = timedelta(minutes=3)
    clock.now()
    offset.t = -timedelta(hours=1)
    assert abs(clock.now() - (datetime.now(UTC) - timedelta(hours=1))) < timedelta(seconds=5)
    *_, last = steps_logged(caplog)
    assert len(steps_logged(caplog)) == 4
    assert "agrees" not in last and "0h59m" in last and "behind the database's" in last
