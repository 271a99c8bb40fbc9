"""HTTP: waitress serving bolt's WSGI handler at /slack/events plus /healthz (HTTP mode), or
/healthz alone (Socket Mode, where events arrive over the app's WebSocket instead)."""

from __future__ import annotations

import contextlib
import email.utils
import functools
import hashlib
import hmac
import io
import json
import logging
import re
import threading
import time
import urllib.parse
import weakref
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, timedelta
from typing import Any, Literal

from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_bolt.adapter.wsgi.http_request import WsgiHttpRequest
from slack_bolt.context import BoltContext
from slack_bolt.request import BoltRequest
from slack_bolt.request.internals import build_context, parse_body
from slack_bolt.response import BoltResponse
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.app import Runtime
from bot.payload_shape import shape_problem
from bot.slack_gateway import (
    AUTH_FAILURE_PREFIX,
    PARENT_REFUSED_PREFIX,
    RATE_LIMITED_PREFIX,
    SCOPE_REFUSED_PREFIX,
    STALLED_ATTEMPTS,
)
from storage import drafts as draft_repo
from storage import outbox
from storage.db import READS_ONLY, Database, describe_db_error, migrations_state, unreachable_cause

log = logging.getLogger(__name__)

# A thread reply waiting this long for its parent message means something is stuck (see health).
HELD_TOO_LONG = timedelta(hours=1)
# Stalled rows make /healthz 503 only while Slack has taken nothing from this process for this
# long (two retries at the longest backoff): then Slack is down or out of reach from here. While
# messages go out, a stalled row is one message failing on its own (given up at MAX_ATTEMPTS),
# and every replica answering 503 for it would have a load balancer turn all of Slack's events away.
STALLED_QUIET = timedelta(minutes=10)
MAX_BODY_BYTES = 1_000_000  # Slack payloads are far smaller; refuse anything that is not Slack
# Open connections waitress serves at once (its default, 100, is what it takes for anyone who can
# reach the port to lock Slack out by opening connections and sending nothing), and how long one
# may stay silent before it is closed (Slack sends a whole request at once and gives up after 3 s).
CONNECTION_LIMIT = 1000
IDLE_TIMEOUT_SECONDS = 30
# What one unfinished request may hold in memory while it arrives. With waitress's defaults (a body
# in memory up to 512 KiB, headers up to 256 KiB) anyone who can reach the port, unsigned, could
# have CONNECTION_LIMIT connections each send most of a body and stop: half a gigabyte of memory
# (400 such connections took 150 MB). A larger body goes to a temporary file as it arrives. Slack's
# headers are a few hundred bytes, its bodies rarely above tens of kilobytes.
BODY_IN_MEMORY_BYTES = 64 * 1024
MAX_HEADER_BYTES = 32 * 1024
# How long stopping waits for the requests being handled (Slack itself gives up after 3 s).
STOP_SECONDS = 10.0


WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


# How long /healthz waits for the database. libpq waits connect_timeout (10 s unless DATABASE_URL
# says otherwise) for a silent host, per address (20 s for a name with IPv4 and IPv6 addresses); load
# balancers and Kubernetes probes give up after 1-5 s, and saw a timeout instead of the cause.
HEALTH_DATABASE_SECONDS = 3.0
# Probes that may wait for the database check at once: each holds one of waitress's 8 threads, and
# Slack's requests need the others (Slack gives up after 3 s). Probes beyond these answer at once.
HEALTH_WAITING_PROBES = 3
LATE_DATABASE_CAUSE = f"timeout (no answer within {HEALTH_DATABASE_SECONDS:g} s)"
BUSY_DATABASE_CAUSE = "timeout (no answer yet; other health checks are waiting for the database)"


@dataclass(frozen=True)
class _DatabaseFacts:
    """What /healthz reads from the database."""

    gone: str | None = None  # the SQLite file was deleted or replaced: nothing else was read
    schema: str = "current"
    backlog: int = 0
    scheduled: int = 0
    held: int = 0
    stale: int = 0
    stalled: int = 0
    lost: str | None = None


def _read_database(rt: Runtime) -> _DatabaseFacts:
    if (gone := rt.db.file_problem()) is not None:
        # Pooled connections still answer from the file kessai had open, and a new one from what
        # is at the path now: neither is what a restart will find, so the counts would mislead.
        return _DatabaseFacts(gone=gone)
    schema = migrations_state(rt.db.engine)
    with rt.db.session() as s:
        # Only reads: on SQLite a transaction begun as a write (BEGIN IMMEDIATE) queued behind every
        # writer, and a long write turned the probe into a 503 「unreachable (timeout)」.
        s.connection(execution_options={READS_ONLY: True})
        now = rt.gateway.clock()
        held, stale = outbox.held(s, now - HELD_TOO_LONG)
        return _DatabaseFacts(
            schema=schema, backlog=outbox.backlog(s, now), scheduled=outbox.scheduled(s, now), held=held,
            stale=stale,
            # A refused token or scope (slack_auth) and a channel refusing a draft (outbox_held) say so
            # themselves; a message last answered 429 is Slack pacing a burst (each 429 is an attempt).
            stalled=outbox.stalled(s, STALLED_ATTEMPTS, (AUTH_FAILURE_PREFIX, PARENT_REFUSED_PREFIX,
                                                         RATE_LIMITED_PREFIX, SCOPE_REFUSED_PREFIX)),
            # Slack revoked the token (tokens_revoked, app_uninstalled), maybe in an event another
            # replica received: said here too, and not undone by a message that went out just before.
            lost=draft_repo.access_lost(s))


class _Reading:
    """One look at the database, made on its own thread so that no probe waits longer than
    HEALTH_DATABASE_SECONDS for it, however long libpq waits."""

    def __init__(self, started: float) -> None:
        self.started = started
        self.done = threading.Event()
        self.facts: _DatabaseFacts | None = None
        self.cause = ""  # why the database could not be read, when facts is None

    def outcome(self) -> _DatabaseFacts | str:
        return self.facts if self.facts is not None else self.cause


class _DatabaseCheck:
    """One reading of the database at a time, for every probe of one process.

    A silent host keeps a reading waiting for connect_timeout (or a query for tcp_user_timeout):
    probes arriving meanwhile share it rather than each opening a connection and holding a thread.
    """

    def __init__(self, *, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock  # given so that tests need not wait for an answer to age
        self._lock = threading.Lock()
        self._running: _Reading | None = None
        self._last: _Reading | None = None
        self._waiting = 0

    def read(self, rt: Runtime) -> _DatabaseFacts | str:
        """The facts, or the cause the database could not be read (LATE_DATABASE_CAUSE when no answer came in time)."""
        now = self._clock()
        with self._lock:
            reading = self._running
            if reading is None:
                reading = self._running = _Reading(now)
                threading.Thread(target=self._run, args=(rt, reading), name="kessai-health-database",
                                 daemon=True).start()
            deadline = reading.started + HEALTH_DATABASE_SECONDS
            if now >= deadline:
                return self._late(now - reading.started)
            if self._waiting >= HEALTH_WAITING_PROBES:
                last = self._last
                # The reading under way is not late (that is said above), so the last answer is what
                # is known, however old: a monitor probing every 10-30 s finds it older than 3 s each
                # time, and probes that came together were told a database answering in milliseconds
                # did not answer. Only before any answer is there nothing to say.
                if last is not None:
                    return last.outcome()
                return BUSY_DATABASE_CAUSE
            self._waiting += 1
        try:
            reading.done.wait(deadline - now)
        finally:
            with self._lock:
                self._waiting -= 1
        if reading.done.is_set():
            return reading.outcome()
        return self._late(self._clock() - reading.started)

    def _late(self, waited: float) -> str:
        _log_late(f"no answer for {waited:.1f} s; /healthz says so after {HEALTH_DATABASE_SECONDS:g} s while "
                  "the check waits on (DATABASE_URL's connect_timeout bounds a connection attempt, "
                  "tcp_user_timeout a query); the error is logged when it gives up")
        return LATE_DATABASE_CAUSE

    def _run(self, rt: Runtime, reading: _Reading) -> None:
        try:
            reading.facts = _read_database(rt)
        except Exception as e:  # the health check must answer even when the database does not
            reading.cause = unreachable_cause(e)
            _log_unreachable(reading.cause, e)
        finally:
            with self._lock:
                if self._running is reading:
                    self._running = None
                self._last = reading
            reading.done.set()


_checks: weakref.WeakKeyDictionary[Database, _DatabaseCheck] = weakref.WeakKeyDictionary()
_checks_lock = threading.Lock()


def _database_check(db: Database) -> _DatabaseCheck:
    with _checks_lock:
        if (check := _checks.get(db)) is None:
            check = _checks[db] = _DatabaseCheck()
        return check


def health(rt: Runtime, slack_connected: Callable[[], bool] | None = None,
           slack_clock: SlackClock | None = None) -> tuple[int, dict[str, Any]]:
    """The health report and its status (200, or 503 when something needs attention).

    ``slack_connected`` (Socket Mode): whether the app's WebSocket is up; in HTTP mode Slack
    connects to us, so there is nothing of ours to report. ``slack_clock`` (HTTP mode): whether
    this server's clock has Slack's requests refused. The database part answers within
    HEALTH_DATABASE_SECONDS.
    """
    report: dict[str, Any] = {"database": "ok", "database_writes": "ok", "migrations": "current",
                              "outbox_backlog": None, "outbox_scheduled": None, "outbox_held": None}
    auth_problem = rt.gateway.auth_problem()
    report["slack_auth"] = auth_problem or "ok"
    status = 200 if auth_problem is None else 503
    if (refused := rt.db.write_failure()) is not None:
        # Reads still work on a full disk or a read-only database: only failed writes show it. The
        # reason itself is in the log (this answer may be public): only its type here.
        report["database_writes"] = f"failing: {refused}"
        status = 503
    if slack_clock is not None and (said := slack_clock.report()) is not None:
        report["slack_requests"], all_refused = said
        if all_refused:
            # Every request Slack sends is refused (401) until the clock is set right: nothing
            # anybody does in Slack reaches this replica.
            status = 503
    if slack_connected is not None:
        report["socket_mode"] = "connected" if slack_connected() else "disconnected"
        if report["socket_mode"] != "connected":
            status = 503
    facts = _database_check(rt.db).read(rt)
    if isinstance(facts, str):
        report["database"] = f"unreachable: {facts}"
        report["status"] = "degraded"
        return 503, report
    if facts.gone is not None:
        report["database"] = f"unreachable: {facts.gone}"
        report["status"] = "degraded"
        return 503, report
    if facts.schema != "current":
        report["migrations"] = facts.schema
        status = 503
    report["outbox_backlog"] = facts.backlog
    report["outbox_scheduled"] = facts.scheduled
    # It stands before this replica's own refusal (invalid_auth…): every replica gives the same
    # reason, the one the IT 担当 can act on.
    if facts.lost is not None:
        report["slack_auth"] = facts.lost
        status = 503
    if facts.stalled:
        report["outbox_stalled"] = facts.stalled
        # Nothing delivered for STALLED_QUIET may also be a quiet night (a weekend) with one
        # message Slack refuses on its own and nothing else to send: one stalled row is that
        # unless this process's own tries are failing for want of Slack (auth.test too, _probe).
        if not rt.gateway.delivered_within(STALLED_QUIET) and (
                facts.stalled > 1 or rt.gateway.failing_since() is not None):
            status = 503
    if (failing := rt.gateway.failing_for()) is not None and failing[1] >= STALLED_QUIET:
        # This replica cannot reach Slack while the others deliver what it fails (behind a
        # broken proxy or firewall): the count above stays at 0, and a load balancer should
        # stop sending it Slack's requests, whose messages it would hold up.
        report["slack_delivery"] = f"failing since {failing[0].isoformat()}"
        status = 503
    report["outbox_held"] = facts.held
    if facts.stale:
        # A reply waits that long only when its parent is stuck: a refused parent sends its
        # replies elsewhere at once (bot.delivery_failures), Slack's outages rarely last that long.
        report["outbox_held_stale"] = facts.stale
        status = 503
    report["status"] = "ok" if status == 200 else "degraded"
    return status, report


# A monitor polls /healthz every few seconds: the full error is logged when the cause changes,
# and again after this long while it lasts, not on every poll.
UNREACHABLE_LOG_EVERY = 60.0
_unreachable_logged: dict[str, float] = {}
# The late answer has its own minute, apart from the causes: it comes first (at 3 s), and the error
# libpq gives up with at 10 s (naming the host and address the IT 担当 must check) was silenced as
# the same "timeout" told a moment ago. Apart, each check of an outage does not alternate the two.
_late_logged: list[float | None] = [None]
_unreachable_lock = threading.Lock()


def _log_unreachable(cause: str, error: BaseException) -> None:
    now = time.monotonic()
    with _unreachable_lock:
        last = _unreachable_logged.get(cause)
        if last is not None and now - last < UNREACHABLE_LOG_EVERY:
            return
        _unreachable_logged.clear()
        _unreachable_logged[cause] = now
    log.warning("health check: the database is unreachable (%s): %s", cause, describe_db_error(error),
                exc_info=error)


def _log_late(detail: str) -> None:
    now = time.monotonic()
    with _unreachable_lock:
        last = _late_logged[0]
        if last is not None and now - last < UNREACHABLE_LOG_EVERY:
            return
        _late_logged[0] = now
    log.warning("health check: the database is unreachable (timeout): %s", detail)


def _is_health_check(environ: dict[str, Any]) -> bool:
    # HEAD too: load balancers and monitors configured with it read only the status, and a 404
    # there reports kessai down while it works.
    return bool(environ.get("PATH_INFO") == "/healthz" and environ.get("REQUEST_METHOD") in ("GET", "HEAD"))


def _answer_health(rt: Runtime, environ: dict[str, Any], start_response: Callable[..., Any],
                   slack_connected: Callable[[], bool] | None = None, *,
                   slack_clock: SlackClock | None = None) -> Iterable[bytes]:
    status, report = health(rt, slack_connected, slack_clock)
    body = json.dumps(report).encode()
    start_response(f"{status} {'OK' if status == 200 else 'Service Unavailable'}",
                   [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    # Waitress sends whatever the application returns, HEAD or not; body bytes after a HEAD
    # answer would be read as the start of the next response on a kept-alive connection.
    return [] if environ.get("REQUEST_METHOD") == "HEAD" else [body]


def health_app(rt: Runtime, slack_connected: Callable[[], bool]) -> WSGIApp:
    """Socket Mode's HTTP side: /healthz and nothing else. Above all not /slack/events — with no
    signing secret configured, bolt would be checking signatures against a placeholder."""

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if _is_health_check(environ):
            return _answer_health(rt, environ, start_response, slack_connected)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return application


EVENTS_PATH = "/slack/events"


def _refuse(start_response: Callable[..., Any], status: str, body: bytes) -> Iterable[bytes]:
    start_response(status, [("Content-Type", "text/plain"), ("Content-Length", str(len(body)))])
    return [body]


# Slack's own rule: a signature is good for five minutes after its timestamp (no replays later).
SIGNATURE_MAX_AGE_SECONDS = 300


# How often Slack is asked the time (api.test), at most: refused requests may come by the thousand
# (a replay flood), and a replica taken out of the load balancer is probed every few seconds.
SLACK_CLOCK_ASK_EVERY_SECONDS = 60.0

# How close to SIGNATURE_MAX_AGE_SECONDS an offset read from Slack's Date already counts as refusing:
# the Date is in whole seconds (the reading is within half a second either way), a request's
# timestamp is too (up to a second older than its signing) and it takes a moment to arrive, so a
# clock 299.5 s fast has most of Slack's requests refused while its Date says 299-300 s. Judged by
# 300 s alone, such a clock (where one without NTP drifts for hours) was /healthz 200 and the log
# blamed replays, "not a clock fault".
SLACK_CLOCK_MARGIN_SECONDS = 2.0


# How much nearer to Slack's time than that bound a clock said to be off must come before it is said
# to be right again. Two readings of one clock by Slack's Date differ by up to a second (whole
# seconds, read when the answer arrives), and in the band itself some requests are accepted (those
# signed late in their second): with one bound a clock 298-300 s off went 503, 200, 503 once a
# minute as the readings fell either side, or as an accepted request cleared it and a refused one
# had Slack asked again. Still far from anything NTP leaves (it sets a clock to within milliseconds).
SLACK_CLOCK_HYSTERESIS_SECONDS = 2.0


def _refusing(off: float, *, said_off: bool = False) -> bool:
    """Whether an offset of this server's clock from Slack's (by its Date) has Slack's requests
    refused; ``said_off``: it was said to be so, and stays so until it is clearly right again."""
    bound = SIGNATURE_MAX_AGE_SECONDS - SLACK_CLOCK_MARGIN_SECONDS
    return abs(off) > (bound - SLACK_CLOCK_HYSTERESIS_SECONDS if said_off else bound)


def slack_time(client: WebClient) -> float:
    """Slack's clock now, as the ``Date`` of its answer to api.test (no token needed, nothing changed).

    Only Slack's own answer tells its time: a refused request, even correctly signed, may be an old
    one replayed (from a proxy's log, a TLS-terminating load balancer), and its timestamp is then
    as old as the replay. Raises when Slack does not answer or its answer carries no readable Date.
    """
    answer = client.api_test()
    value = next((v for k, v in answer.headers.items() if k.lower() == "date"), None)
    if isinstance(value, list):  # (slack_sdk keeps some headers as lists)
        value = value[0] if value else None
    if not isinstance(value, str):
        raise ValueError("Slack's answer to api.test has no Date header")
    when = email.utils.parsedate_to_datetime(value)
    if when.tzinfo is None:  # "-0000": UTC, its zone unstated
        when = when.replace(tzinfo=UTC)
    # Date is in whole seconds, written within the second before the answer arrived.
    return when.timestamp() + 0.5


class SlackClock:
    """Whether this server's clock has Slack's requests refused (HTTP mode), by Slack's own time.

    A server whose clock is more than five minutes off refuses every request Slack sends; the log
    says so once a minute, and /healthz must too, or a load balancer goes on sending Slack's
    requests to a replica that refuses them all while its health says ok. A refused request is
    only the trigger: its timestamp cannot tell a clock fault from a replay of captured requests
    (two replays sent as far apart as they were signed agree on an "offset" equal to their age,
    and with /healthz 503 on it anyone holding two old requests took every replica out, for
    good). So Slack is asked its time (``ask``, the Date of an answer), at most once a minute and
    in a thread of its own (never in the request or the probe, which must answer at once), and
    /healthz says 503 only while that time puts this clock more than five minutes off. Slack's
    time is carried on by the monotonic clock, so NTP setting the clock right clears the report at
    the next probe; while it stands, the next probe after a minute asks again (a monotonic clock
    that stood still through a suspended VM would carry a stale time). Slack not answering leaves
    it unknown: no 503 on the say of requests alone. A request accepted clears it.
    """

    def __init__(self, ask: Callable[[], float], *, wall: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        self._ask = ask
        self._wall = wall  # given so that tests can step this server's clock
        self._monotonic = monotonic
        self._lock = threading.Lock()
        self._wanted = threading.Event()
        self._worker: threading.Thread | None = None
        self._asking = False
        self._asked_at: float | None = None  # (monotonic) when Slack was last asked
        # What the last answer said: None (nothing to report: not asked, or a request accepted
        # since), "fine", "off" (then _slack_minus_mono carries Slack's time) or "unknown".
        self._verdict: Literal["fine", "off", "unknown"] | None = None
        self._slack_minus_mono = 0.0
        self._stopped = False
        self.answers = 0  # questions to Slack finished, answered or not (tests wait for them)

    def skew(self, timestamp: int) -> float:
        """How far this server's clock is ahead of a request's ``timestamp`` (behind: negative)."""
        return self._wall() - timestamp

    def refused(self) -> None:
        """A correctly signed request was refused as too old or too new: time to ask Slack."""
        with self._lock:
            self._ask_if_due()

    def accepted(self, skew: float) -> None:
        """A correctly signed request made ``skew`` seconds before this server's clock was accepted.

        It clears what Slack's time said, but a clock said to be off only when the request's age
        puts it clearly right again: near the bound some of Slack's requests are accepted while
        most are refused, and each one cleared the 503 until the next refusal had Slack asked again.
        (A request's age is the clock's offset plus its time on the way and the part of its
        second: older than the offset ahead, younger behind, by about a second at most.)"""
        if self._verdict is None:  # (every request passes here: no lock for the usual case)
            return
        with self._lock:
            if self._verdict != "off" or not _refusing(skew, said_off=True):
                self._verdict = None

    def report(self) -> tuple[str, bool] | None:
        """What /healthz says of Slack's requests, and whether that is a 503; None: nothing."""
        with self._lock:
            if self._verdict in ("off", "unknown"):
                self._ask_if_due()
            verdict, slack_minus_mono = self._verdict, self._slack_minus_mono
        if verdict == "unknown":
            return ("unknown: correctly signed requests were refused as too old or too new, and Slack's "
                    "time could not be read (api.test) to tell whether this server's clock is off"), False
        if verdict != "off":
            return None
        off = self._wall() - (slack_minus_mono + self._monotonic())
        if not _refusing(off, said_off=True):
            return None  # set right since Slack was asked (the next question confirms it)
        return (f"refused: this server's clock is {abs(off):.0f} s "
                f"{'ahead of' if off > 0 else 'behind'} Slack's (check NTP)"), True

    def stop(self, timeout: float = 10.0) -> None:
        """End the asking thread, once a question it is asking is answered (``timeout`` at most).
        A process stopping its server and going on (tests, an in-process serve) otherwise kept the
        thread waiting for ever, and a question still out logged its answer into whatever came next."""
        with self._lock:
            self._stopped = True
            worker = self._worker
        self._wanted.set()
        if worker is not None:
            worker.join(timeout)

    def _ask_if_due(self) -> None:
        """(Under _lock.) Wake the asking thread, unless it is asking or asked within the minute."""
        now = self._monotonic()
        if self._stopped or self._asking or (self._asked_at is not None and now - self._asked_at < SLACK_CLOCK_ASK_EVERY_SECONDS):
            return
        self._asking, self._asked_at = True, now
        if self._worker is None:
            # One thread for the process's life, idle but for a question a minute at most: a thread
            # per question would leave its connection in the client's set (closed only at shutdown),
            # one more a minute. (Not for reuse: a connection idle past IDLE_REUSE_SECONDS is not.)
            self._worker = threading.Thread(target=self._run, name="slack-clock", daemon=True)
            self._worker.start()
        self._wanted.set()

    def _run(self) -> None:
        while True:
            self._wanted.wait()
            self._wanted.clear()
            if self._stopped:
                return
            self._ask_once()

    def _ask_once(self) -> None:
        try:
            try:
                slack_now = self._ask()
            except Exception as e:  # Slack unreachable, refusing, or without a Date: nothing learnt
                with self._lock:
                    said, self._verdict = self._verdict, "unknown"
                if said != "unknown":
                    why = (f"HTTP {e.response.status_code} {e.response.get('error') or ''}".rstrip()
                           if isinstance(e, SlackApiError) else f"{type(e).__name__}: {e}")
                    log.warning("could not read Slack's time (api.test) to tell whether this server's clock "
                                "has Slack's requests refused: %s; asked again in a minute while /healthz is probed",
                                why)
                return
            at = self._monotonic()
            off = self._wall() - slack_now
            with self._lock:
                said = self._verdict
                refusing = _refusing(off, said_off=said == "off")
                if refusing:
                    self._verdict, self._slack_minus_mono = "off", slack_now - at
                else:
                    self._verdict = "fine"
            if refusing:
                if said != "off":
                    log.warning("Slack's time (the Date of its answer to api.test) puts this server's clock %.0f s %s "
                                "it: every request Slack sends is refused until NTP sets it right; /healthz answers "
                                "503 meanwhile", abs(off), "ahead of" if off > 0 else "behind")
            elif said == "off":
                log.info("Slack's time agrees with this server's clock again (%.0f s apart)", abs(off))
            elif said != "fine":
                log.warning("correctly signed requests were refused as too old or too new while Slack's time agrees "
                            "with this server's clock (%.0f s apart): replays of captured requests, not a clock fault",
                            abs(off))
        finally:
            with self._lock:
                self._asking = False
                self.answers += 1


def _signed_body(environ: dict[str, Any], length: int, secret: bytes, slack_clock: SlackClock) -> bytes | None:
    """The request's body when Slack signed it (and within five minutes), else None.

    Checked before bolt sees the request: bolt parses the body first and checks the signature
    after, so anyone who can reach the port could make it parse a megabyte of form data (tens of
    milliseconds of CPU) per unsigned request. Bolt checks the signature again, as it always does.
    (Computed here on the bytes: slack_sdk's verifier decodes the body first and fails on bytes
    that are not UTF-8.)
    """
    body = environ["wsgi.input"].read(length) if length > 0 else b""
    timestamp = str(environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP") or "")
    signature = str(environ.get("HTTP_X_SLACK_SIGNATURE") or "")
    if not _SLACK_TIMESTAMP.fullmatch(timestamp):
        return None
    expected = "v0=" + hmac.new(secret, b"v0:" + timestamp.encode() + b":" + body, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, signature):
        if _SLACK_SIGNATURE.fullmatch(signature) and abs(slack_clock.skew(int(timestamp))) <= SIGNATURE_MAX_AGE_SECONDS:
            _secret_warning()
        return None
    skew = slack_clock.skew(int(timestamp))
    if abs(skew) > SIGNATURE_MAX_AGE_SECONDS:
        slack_clock.refused()
        _clock_warning(skew)
        return None
    slack_clock.accepted(skew)
    environ["wsgi.input"] = io.BytesIO(body)  # for bolt, which reads it again
    return body


_last_clock_warning = [0.0]
_last_secret_warning = [0.0]
# What Slack's signature header looks like: a fresh one of that shape that does not match is, far more
# often than a forgery, Slack signing with a Signing Secret regenerated since kessai read .env.
_SLACK_SIGNATURE = re.compile(r"v0=[0-9a-f]{64}")
# Slack's timestamps are Unix seconds (ten digits). Not str.isdigit: anyone can send 「²」 (a digit to
# it, not to int()) or thousands of digits (past int()'s limit, or the float subtraction's), and the
# mismatch warning reads the timestamp of every fresh-looking request: each was a 500 and a traceback.
_SLACK_TIMESTAMP = re.compile(r"[0-9]{1,15}")


def _secret_warning() -> None:
    """Every request Slack sends is refused while SLACK_SIGNING_SECRET is not the app's current
    Signing Secret: said at most once a minute (anyone can send such headers)."""
    now = time.monotonic()
    if now - _last_secret_warning[0] < 60:
        return
    _last_secret_warning[0] = now
    log.warning("refused a request whose Slack signature does not match SLACK_SIGNING_SECRET: if the app's "
                "Signing Secret was regenerated, put the new one where kessai reads SLACK_SIGNING_SECRET (.env, or "
                "the environment kessai serve starts with) and restart kessai serve (every "
                "replica); Slack's requests are refused until then")


def _clock_warning(skew: float) -> None:
    """A request Slack signed correctly but outside the five minutes: a replay, or this server's
    clock is wrong, in which case every request is refused and the IT 担当 must be told why.
    Said at most once a minute, so a flood of replays cannot flood the log."""
    now = time.monotonic()
    if now - _last_clock_warning[0] < 60:
        return
    _last_clock_warning[0] = now
    log.warning("refused a correctly signed request made %.0f s %s this server's clock: a replay, or this "
                "server's clock is wrong (check NTP; Slack's requests are refused while it is off by over %d s)",
                abs(skew), "before" if skew > 0 else "after", SIGNATURE_MAX_AGE_SECONDS)


# Slack's ssl_check body is ``ssl_check=1&token=…`` (a legacy verification token: tens of characters).
_SSL_CHECK_MAX_BYTES = 512


def _is_ssl_check(body: bytes) -> bool:
    """Whether ``body`` is Slack's certificate check and nothing else (exactly ssl_check=1, at most a
    token beside it): any other unsigned form is refused as before."""
    try:
        form = urllib.parse.parse_qs(body.decode("ascii"), keep_blank_values=True, strict_parsing=True)
    except (UnicodeDecodeError, ValueError):
        return False
    return form.get("ssl_check") == ["1"] and set(form) <= {"ssl_check", "token"} and len(form.get("token", [""])) == 1


def _misread_form(body: str, content_type: str | None) -> dict[str, str] | None:
    """The fields of a form body that bolt's parser reads as nothing, else None.

    Bolt takes any form body with 「payload」 anywhere in it for an interaction (``payload=…``) and,
    finding no such field, reads it as empty: 「/kessai help payload」, or any /kessai in a channel
    named payload-…, came to nothing (no listener, no answer, a warning about a shape Slack does
    not send) while Slack showed the person nothing either."""
    if not body or content_type == "application/json" or body.startswith("{") or "payload" not in body:
        return None
    fields = dict(urllib.parse.parse_qsl(body, keep_blank_values=True))
    return None if "payload" in fields else fields


def read_body(body: str, content_type: str | None) -> Any:
    """A request body as bolt reads it, but for the forms bolt misreads (``_misread_form``)."""
    fields = _misread_form(body, content_type)
    return fields if fields is not None else parse_body(body, content_type)


class _EventsHandler(SlackRequestHandler):
    """Bolt's WSGI handler, with the bodies bolt misreads read as what they are."""

    def dispatch(self, request: WsgiHttpRequest) -> BoltResponse:
        bolt_request = BoltRequest(body=request.get_body(), query=request.query_string, headers=request.get_headers())
        if (fields := _misread_form(bolt_request.raw_body, bolt_request.content_type)) is not None:
            # (No lazy listener re-reads the raw body: kessai answers within the request.)
            bolt_request.body = fields
            bolt_request.context = build_context(BoltContext({}), fields)
        return self.app.dispatch(bolt_request)


def wsgi_app(rt: Runtime, slack_clock: SlackClock | None = None) -> WSGIApp:
    slack = _EventsHandler(rt.app, path=EVENTS_PATH)
    secret = (rt.settings.slack_signing_secret or "").encode()
    if slack_clock is None:
        slack_clock = SlackClock(functools.partial(slack_time, rt.client))
        rt.on_stop.append(slack_clock.stop)  # (one given is its giver's to stop)

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if _is_health_check(environ):
            return _answer_health(rt, environ, start_response, slack_clock=slack_clock)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY_BYTES:
            return _refuse(start_response, "413 Payload Too Large", b"payload too large")
        if environ.get("REQUEST_METHOD") == "POST" and environ.get("PATH_INFO") == EVENTS_PATH:
            if not environ.get("HTTP_X_SLACK_SIGNATURE") and 0 < length <= _SSL_CHECK_MAX_BYTES:
                # Slack's certificate check of a slash command's URL comes unsigned: refused, Slack
                # would take the URL for broken. It is answered with nothing and goes no further.
                if _is_ssl_check(environ["wsgi.input"].read(length)):
                    return _refuse(start_response, "200 OK", b"")
                log.debug("refused a request without a valid Slack signature")
                return _refuse(start_response, "401 Unauthorized", b"invalid request")
            body = _signed_body(environ, length, secret, slack_clock)
            if body is None:
                log.debug("refused a request without a valid Slack signature")
                return _refuse(start_response, "401 Unauthorized", b"invalid request")
            try:
                # Read under the content type bolt reads it under, parameters dropped: checked as a form
                # under 「application/json; charset=utf-8」, a signed form was JSON to bolt (a 500).
                parsed = read_body(body.decode("utf-8"), str(environ.get("CONTENT_TYPE") or "").split(";")[0] or None)
            except (UnicodeDecodeError, ValueError, RecursionError):
                # Slack sends UTF-8 JSON or form data; bolt would fail on anything else with a 500
                # (RecursionError: JSON nested thousands deep, which Python's parser gives up on).
                log.warning("refused a signed request whose body cannot be read (not UTF-8 JSON or form data)")
                return _refuse(start_response, "400 Bad Request", b"unreadable body")
            if (problem := shape_problem(parsed)) is not None:
                log.warning("ignored a signed request of a shape Slack does not send: %s", problem)
                return _refuse(start_response, "200 OK", b"")
        return slack(environ, start_response)

    return application


def _allow_open_files(wanted: int) -> None:
    """Raise this process's open-file limit towards ``wanted`` (as far as the hard limit allows):
    each connection is a file, and many systems start services with a soft limit of 1,024."""
    try:
        import resource
    except ImportError:  # not on Windows
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    target = wanted if hard == resource.RLIM_INFINITY else min(wanted, hard)
    if soft != resource.RLIM_INFINITY and soft < target:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (target, hard))
        except (ValueError, OSError) as e:
            log.warning("could not raise the open-file limit from %d to %d (%s); fewer connections fit", soft,
                        target, e)


class HttpServer:
    """A waitress server that can be stopped cleanly (finishing in-flight requests)."""

    def __init__(self, app: WSGIApp, host: str, port: int, threads: int = 8) -> None:
        from waitress.server import create_server

        # waitress buffers a whole body before the application sees it; its own limit refuses a
        # larger one (declared or chunked) while it arrives, so nobody can make us store a gigabyte.
        # A connection whose body passed BODY_IN_MEMORY_BYTES holds a temporary file besides its
        # socket; + the database pool, outbound calls, logs.
        _allow_open_files(2 * CONNECTION_LIMIT + 200)
        # poll(), not waitress's default select(): select() raises ValueError for a descriptor
        # numbered 1,024 or more, which ends waitress's loop (kessai then answers nothing) well
        # within CONNECTION_LIMIT.
        self.server = create_server(app, host=host, port=port, threads=threads, ident="kessai",
                                    clear_untrusted_proxy_headers=True, max_request_body_size=MAX_BODY_BYTES,
                                    connection_limit=CONNECTION_LIMIT, channel_timeout=IDLE_TIMEOUT_SECONDS,
                                    inbuf_overflow=BODY_IN_MEMORY_BYTES, max_request_header_size=MAX_HEADER_BYTES,
                                    asyncore_use_poll=True)
        self._thread: threading.Thread | None = None
        self._stopping = False

    @property
    def port(self) -> int:
        return int(self.server.effective_port)  # type: ignore[union-attr]

    def serve_forever(self) -> None:
        try:
            self.server.run()
        except OSError:
            # waitress has no stop call: closing its sockets is the way, and the loop thread may
            # be inside select() on them at that moment (EBADF). Only then is it expected.
            if not self._stopping:
                raise

    def start(self) -> None:
        self._thread = threading.Thread(target=self.serve_forever, name="kessai-http", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = STOP_SECONDS) -> None:
        """Stop accepting connections, let the requests being handled finish and their answers
        go out, then close the connections left open (Slack keeps them alive) and the threads.

        waitress has no stop call. Its sockets belong to its loop thread, so they are closed
        there (through its trigger), never under the loop's poll(); requests queued but not
        started are dropped with their connections, unanswered, and Slack sends them again.
        """
        if self._thread is None or not self._thread.is_alive():
            self._stopping = True
            self.server.close()
            # waitress starts its request threads when the server is made, and its close() leaves
            # them waiting for work: a server made and never started kept eight threads.
            self.server.task_dispatcher.shutdown(cancel_pending=True, timeout=timeout)
            return
        from waitress.channel import HTTPChannel
        from waitress.wasyncore import close_all, dispatcher

        server: Any = self.server
        channels: dict[int, Any] = server._map  # waitress keeps no other list of them

        def open_channels() -> list[Any]:
            return [c for c in list(channels.values()) if isinstance(c, HTTPChannel)]

        def close_listener() -> None:
            dispatcher.close(server)  # not server.close(): that closes the trigger too

        def close_when_answered() -> None:
            for channel in open_channels():
                if channel.total_outbufs_len:
                    channel.close_when_flushed = True
                else:
                    channel.handle_close()

        self._stopping = True
        server.trigger.pull_trigger(close_listener)
        server.task_dispatcher.shutdown(cancel_pending=True, timeout=timeout)  # running requests finish
        server.trigger.pull_trigger(close_when_answered)
        deadline = time.monotonic() + 2  # writing an answer out is quick; a client that reads none is dropped
        while open_channels() and time.monotonic() < deadline:
            time.sleep(0.01)

        def finish() -> None:
            for channel in open_channels():
                channel.handle_close()
            server.trigger.close()  # the last thing the loop watches: it ends

        # The loop may run this thunk (closing the trigger) between this call's queuing it and its
        # own write to the trigger, if it is still handling an earlier pull: that write then
        # finds the trigger closed, which is what was asked for.
        with contextlib.suppress(OSError):
            server.trigger.pull_trigger(finish)
        self._thread.join(5)
        if not self._thread.is_alive() and not server.trigger._closed:
            close_all(channels)  # the loop ended before it got there (an error in it): nothing else will
