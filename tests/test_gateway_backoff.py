"""How long ago a message's previous attempt was, as the outbox's backoff says (found by mutation:
no test moved when the exponent, its cap or the floor changed). A message failing alone has the time
of an outage, or of a refused token, left out of its day (``SlackGateway._failing_alone_since``);
that time is measured back to its previous attempt, and so by the backoff it was given then."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from slack_sdk import WebClient

from bot.slack_gateway import (
    ALONE_LATE,
    AUTH_FAILURE_PREFIX,
    MAX_BACKOFF,
    AuthFailure,
    SlackGateway,
    Transient,
    _Job,
)
from storage.db import Database
from storage.models import OutboxRow
from tests.time.conftest import Clock

DUE = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


def _since_previous(gateway: SlackGateway, attempts: int) -> timedelta:
    row = OutboxRow(op="post", payload={"channel": "C1", "text": "x"}, attempts=attempts, next_attempt_at=DUE)
    return gateway._since_previous_attempt(_Job(row=row, location=None))


@pytest.mark.parametrize(("attempts", "backoff"), [
    (0, timedelta(seconds=0.5)),  # (a first attempt has no previous one: the shortest backoff)
    (1, timedelta(seconds=0.5)),  # the first failure's retry was due 0.5 s after it
    (3, timedelta(seconds=2)),  # the third's, 0.5 s × 2²: the backoff given at the attempt before
    (10, timedelta(seconds=256)),  # the last below the cap
    (11, MAX_BACKOFF),
    # Past the exponent's cap: 0.5 s × 2⁴⁹ is more than timedelta holds (OverflowError), and a
    # message waiting out a long outage counts its attempts past fifty.
    (60, MAX_BACKOFF),
])
def test_the_previous_attempt_was_the_backoff_it_was_given_before_its_due_time(
        db: Database, stopped_after: Callable[[SlackGateway], SlackGateway], attempts: int, backoff: timedelta) -> None:
    clock = Clock(DUE + timedelta(seconds=10))
    gateway = stopped_after(SlackGateway(db, WebClient(token="xoxb-unused"), clock=clock))
    assert _since_previous(gateway, attempts) == timedelta(seconds=10) + backoff


def test_a_clock_behind_the_previous_attempt_counts_no_time_not_a_negative_one(
        db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # NTP stepping the clock back (a VM resumed): a negative span would add to the lone day instead
    # of pausing it.
    clock = Clock(DUE - timedelta(hours=1))
    gateway = stopped_after(SlackGateway(db, WebClient(token="xoxb-unused"), clock=clock))
    assert _since_previous(gateway, 3) == timedelta(0)


def _failing_alone_since(gateway: SlackGateway, outcome: Exception, *, attempts: int, since: datetime,
                         last_error: str | None = None) -> tuple[datetime | None, bool]:
    row = OutboxRow(op="post", payload={"channel": "C1", "text": "x"}, attempts=attempts, next_attempt_at=DUE,
                    failing_alone_since=since, last_error=last_error)
    return gateway._failing_alone_since(_Job(row=row, location=None), outcome)


def test_a_refused_token_pauses_the_lone_count_up_to_now_never_past_it(
        db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # The previous attempt is estimated from the backoff its attempt count gives (256 s at the
    # tenth), but a 429's Retry-After of one second had it made a second before it was due: the
    # pause, estimated at 266 s, reached 255 s past now. A lone count starting in the future is
    # never given up, however long the message fails alone after it.
    clock = Clock(DUE + timedelta(seconds=10))
    gateway = stopped_after(SlackGateway(db, WebClient(token="xoxb-unused"), clock=clock))
    refused = AuthFailure(f"{AUTH_FAILURE_PREFIX}token_revoked")
    assert _failing_alone_since(gateway, refused, attempts=10, since=DUE - timedelta(seconds=1)) == (clock.t, False)
    # Well before the previous attempt: paused by the estimate, which stays in the past.
    assert _failing_alone_since(gateway, refused, attempts=10, since=DUE - timedelta(hours=3)) == (
        DUE - timedelta(hours=3) + timedelta(seconds=266), False)


@pytest.mark.parametrize(("late", "moved"), [
    (ALONE_LATE, False),  # retried an hour after it was due: still watched (ALONE_LATE is "more than")
    (ALONE_LATE + timedelta(seconds=1), True),  # a pause: its time is left out of the lone count
])
def test_an_attempt_more_than_an_hour_late_leaves_its_time_out_of_the_lone_count(
        db: Database, stopped_after: Callable[[SlackGateway], SlackGateway], late: timedelta, moved: bool) -> None:
    clock = Clock(DUE + late)
    gateway = stopped_after(SlackGateway(db, WebClient(token="xoxb-unused"), clock=clock))
    since = DUE - timedelta(hours=5)
    got, _alone = _failing_alone_since(gateway, Transient("HTTP 500"), attempts=3, since=since)
    assert got == (since + late if moved else since)
