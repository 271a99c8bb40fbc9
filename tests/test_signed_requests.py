"""The signature and five-minute window kessai checks before bolt reads a request (bot.web._signed_body),
on the request alone: this server's clock and Slack's are given, nothing is served."""

from __future__ import annotations

import hashlib
import hmac
import io
import logging
import time
from collections.abc import Callable
from typing import Any

import pytest

from bot.web import SIGNATURE_MAX_AGE_SECONDS, SlackClock, _signed_body

SECRET = b"8f14e45fceea167a5a36dedd4bea2543"
NOW = 1_790_000_000  # this server's clock, in whole seconds
BODY = b'{"type":"event_callback"}'


def signed(timestamp: int, body: bytes = BODY) -> dict[str, Any]:
    signature = hmac.new(SECRET, b"v0:" + str(timestamp).encode() + b":" + body, hashlib.sha256).hexdigest()
    return {"wsgi.input": io.BytesIO(body), "HTTP_X_SLACK_REQUEST_TIMESTAMP": str(timestamp),
            "HTTP_X_SLACK_SIGNATURE": "v0=" + signature}


def answered(clock: SlackClock, count: int) -> None:
    """Wait for the clock's question to Slack (asked in a thread of its own) to be answered."""
    deadline = time.monotonic() + 30  # it must come: bounded only
    while clock.answers < count:
        assert time.monotonic() < deadline, "Slack's time was never read"
        time.sleep(0.01)


@pytest.mark.parametrize(("age", "taken"), [
    (0.5, True), (SIGNATURE_MAX_AGE_SECONDS - 0.5, True), (SIGNATURE_MAX_AGE_SECONDS, True),
    (SIGNATURE_MAX_AGE_SECONDS + 0.5, False), (-SIGNATURE_MAX_AGE_SECONDS, True),
    (-SIGNATURE_MAX_AGE_SECONDS - 0.5, False), (3600.5, False), (-3600.5, False),
])
def test_a_correct_signature_is_taken_only_within_five_minutes_either_way(
        age: float, taken: bool, stopped_after: Callable[[SlackClock], SlackClock],
        caplog: pytest.LogCaptureFixture) -> None:
    """Slack's rule: a signature is good for five minutes from its timestamp, whichever way this
    server's clock is off; a second past (a replay, or a clock adrift) is refused, not parsed."""
    wall = NOW + age % 1  # the request made ``age`` seconds before this server's now
    clock = stopped_after(SlackClock(lambda: wall, wall=lambda: wall, monotonic=lambda: 50.0))
    environ = signed(int(wall - age))
    with caplog.at_level(logging.WARNING, logger="bot.web"):
        assert _signed_body(environ, len(BODY), SECRET, clock) == (BODY if taken else None)
        if taken:  # left for bolt, which reads the body again
            assert environ["wsgi.input"].read() == BODY
            return
        # Refused: Slack is asked its time, which agrees with this clock. Waited for: its warning,
        # logged by the asking thread whenever it got to it, came as often as not after the test
        # had ended, where no capture took it (printed amid the run's dots).
        answered(clock, 1)
    assert [r.getMessage() for r in caplog.records if "replays of captured requests" in r.getMessage()] == [
        "correctly signed requests were refused as too old or too new while Slack's time agrees with this "
        "server's clock (0 s apart): replays of captured requests, not a clock fault"]


def test_a_request_taken_clears_what_slacks_time_said(stopped_after: Callable[[SlackClock], SlackClock]) -> None:
    """/healthz answers 503 while Slack's time (the Date of its answer) puts this server's clock more
    than five minutes off. A request Slack signed a moment ago that is taken shows the clock agrees
    with Slack's signing: what the Date said is cleared (SlackClock.accepted), or /healthz went on
    taking out of the load balancer a replica that takes Slack's requests."""
    clock = stopped_after(SlackClock(lambda: NOW - 900.0, wall=lambda: float(NOW), monotonic=lambda: 50.0))  # Date: 900 s behind
    assert _signed_body(signed(NOW - 900), len(BODY), SECRET, clock) is None  # refused: Slack is asked its time
    answered(clock, 1)
    said = clock.report()
    assert said is not None and said[1] and "900 s ahead" in said[0]
    assert _signed_body(signed(NOW - 2), len(BODY), SECRET, clock) == BODY
    assert clock.report() is None


@pytest.mark.parametrize("tampered", [
    {"wsgi.input": io.BytesIO(BODY + b" ")},  # the body changed on the way
    {"HTTP_X_SLACK_REQUEST_TIMESTAMP": str(NOW - 1)},  # a fresh timestamp on an old signature
    {"HTTP_X_SLACK_SIGNATURE": "v0=" + "0" * 64},
    {"HTTP_X_SLACK_SIGNATURE": ""},
])
def test_a_signature_that_does_not_match_is_refused(
        tampered: dict[str, Any], stopped_after: Callable[[SlackClock], SlackClock]) -> None:
    clock = stopped_after(SlackClock(lambda: float(NOW), wall=lambda: float(NOW), monotonic=lambda: 50.0))
    environ = {**signed(NOW - 2), **tampered}
    assert _signed_body(environ, len(BODY) + (1 if "wsgi.input" in tampered else 0), SECRET, clock) is None
