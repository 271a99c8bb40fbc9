"""``kessai serve``: run the bot until told to stop."""

from __future__ import annotations

import contextlib
import errno
import faulthandler
import gc
import json
import logging
import re
import signal
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, NamedTuple

from bot.app import Runtime, build_runtime
from bot.config import (
    ConfigError,
    ConfigFileWatch,
    OrgConfig,
    Settings,
    approver_min_rank_below_kacho_hosa,
    read_org_config_settled,
)
from bot.duplicate_signatures import resign_older_signatures_in_background
from bot.logs import dump_thread_stacks, printable, setup_logging
from bot.serve_lock import ServeLockRefused, hold_serve_lock, presence_name
from bot.stopping import wait_for_stop
from storage.db import Database, ServePresence

if TYPE_CHECKING:
    from bot.web import HttpServer

log = logging.getLogger(__name__)


SOCKET_PING_SECONDS = 5.0
# How long one Slack Web API call may take before it counts as failed (the client's timeout). The
# tests that make Slack hang shorten it, as they do the ping interval.
SLACK_TIMEOUT_SECONDS = 10.0


def socket_alive(client: Any, now: Callable[[], float] = time.time,
                 monotonic: Callable[[], float] = time.monotonic) -> bool:
    """The app's socket is open and Slack has answered one of the last three pings.

    The library itself gives up on a dead socket only after five failed checks (about a minute);
    a health check that said "connected" all that time would hide an outage from monitoring.
    """
    session = client.current_session
    if session is None or not client.is_connected():
        return False
    last_pong = getattr(session, "last_ping_pong_time", None)  # the send time of the ping Slack last answered
    if last_pong is not None and now() - last_pong > 3 * client.ping_interval:
        return False
    # That send time is the wall clock's: set back (NTP, a VM resumed), it leaves the last pong in
    # the future and the check above passing for as long as the clock went back. What the client
    # itself last heard, by the monotonic clock, does not move with it.
    heard: PongHeard | None = getattr(client, "pong_heard", None)
    return heard is None or heard.session is not session or monotonic() - heard.at <= 3 * client.ping_interval


class PongHeard(NamedTuple):
    """The last answered ping the client's monitor saw change, and when (time.monotonic())."""

    session: Any
    pong: float | None
    at: float


# slack_sdk drops a socket when its last answered ping was sent over four ping intervals ago, by
# the wall clock. Set back an hour, that clock hid a socket dropped on the way (by a NAT's or
# firewall's idle timeout: pings go unanswered, nothing closes it) for an hour, events waiting at
# Slack all that time. The client's own check, by the monotonic clock, sees a change no sooner
# than the monitor's next pass after it: one interval more, so it never comes before the
# library's while the wall clock runs true.
SOCKET_STALE_PINGS = 5
_NO_PONG_KNOWN = object()


# After a failed attempt to open the app's socket (a proxy refusing the tunnel, Slack unreachable)
# the next waits twice as long as the last, from the ping interval up to this: a proxy that
# refuses for good is asked once a minute, not every 5 s for as long as nobody notices.
SOCKET_RETRY_MAX_SECONDS = 60.0
# Slack's ``disconnect`` with reason ``link_disabled``: Socket Mode was turned off in the app's
# settings. Reconnecting at once only meets the same refusal; someone has to switch it back on.
LINK_DISABLED_RETRY_SECONDS = 60.0

_PROXY_STATUS = re.compile(r"Failed to connect to the proxy .*connect status code: (\d+)")
_PROXY_HINTS = {
    "407": "the proxy asks for authentication: put its user and password in HTTPS_PROXY "
           "(http://user:password@proxy:port, with URL-escaped symbols)",
    "403": "the proxy forbids the tunnel: ask for CONNECT to *.slack.com:443 (wss-primary.slack.com and others) "
           "to be allowed",
}


def _proxy_hint(error: Exception) -> str:
    from slack_sdk.errors import SlackApiError

    if isinstance(error, SlackApiError):
        return "Slack could not hand out a socket just now (see https://slack-status.com if it goes on)"
    status = m[1] if (m := _PROXY_STATUS.search(str(error))) else None
    if status is None:
        return ("check outbound HTTPS to wss-primary.slack.com:443 (firewall, HTTPS_PROXY / NO_PROXY) "
                "and the App-Level Token (SLACK_APP_TOKEN)")
    return f"the proxy answered CONNECT with HTTP {status}: " + _PROXY_HINTS.get(
        status, "check the proxy's log for why it refused the tunnel to Slack")


# Slack's errors of apps.connections.open that pass: anything else (invalid_auth, a token of the
# wrong type) is the token's, and waiting does not mend it.
_PASSING_ERRORS = frozenset({"service_unavailable", "internal_error", "fatal_error", "request_timeout", "ratelimited"})


def _passing(error: Exception) -> bool:
    from slack_sdk.errors import SlackApiError

    if not isinstance(error, SlackApiError):
        return True  # the network, the proxy, a timeout
    status = getattr(error.response, "status_code", 200)
    return status >= 500 or status == 429 or error.response.get("error") in _PASSING_ERRORS


# Slack's ``disconnect`` with reason ``too_many_websockets``: the app holds its 10 connections
# already (a forgotten serve elsewhere). Each new socket is refused as soon as it opens, so the
# attempts back off as failed ones do; a refusal longer than this after the last starts afresh.
TOO_MANY_WEBSOCKETS_STREAK_SECONDS = 2 * SOCKET_RETRY_MAX_SECONDS

# What of slack_sdk's builtin Socket Mode client (slack_sdk.socket_mode.builtin.client and
# slack_sdk.socket_mode.client; private, not promised to stay) the class below builds on. Read the
# same in every release from 3.33.0 to 3.48.0; pyproject pins that range. A release that renames
# one would leave the overrides never called (no back-off) or fail in the library's threads.
_SOCKET_MODE_METHODS = ("_monitor_current_session", "issue_new_wss_url", "connect", "connect_to_new_endpoint",
                        "enqueue_message", "is_connected", "close")
_SOCKET_MODE_ATTRIBUTES = ("current_app_monitor", "current_app_monitor_started", "current_session", "wss_uri",
                           "proxy", "closed", "auto_reconnect_enabled", "ping_interval", "on_error_listeners")


def socket_mode_client(base: Any = None, **kwargs: Any) -> Any:
    """socket_mode_client_class's client made with ``kwargs``; or, should the slack_sdk installed
    (``base``: its builtin client) lack what that class builds on, the library's own client with an
    ERROR saying so: Socket Mode as slack_sdk runs it beats a thread failing unseen."""
    if base is None:
        from slack_sdk.socket_mode.builtin import SocketModeClient as base
    missing = [name for name in _SOCKET_MODE_METHODS if not callable(getattr(base, name, None))]
    if not missing:
        cls: Any = socket_mode_client_class(base)
        client = cls(**kwargs)
        missing = [name for name in _SOCKET_MODE_ATTRIBUTES if not hasattr(client, name)]
        monitor = getattr(getattr(client, "current_app_monitor", None), "target", None)
        if getattr(monitor, "__func__", None) is not cls._monitor_current_session:
            missing.append("current_app_monitor.target → _monitor_current_session")
        if not missing:
            return client
        try:
            base.close(client)  # its threads (the session runner, the message processor) are started
        except Exception as e:
            log.debug("closing the unused Socket Mode client: %s", e)
    from slack_sdk.version import __version__ as sdk_version

    log.error("slack_sdk %s's Socket Mode client lacks what kessai builds on (%s): running slack_sdk's client "
              "as it is, without kessai's back-off and advice on failed connections nor NO_PROXY for the socket. "
              "Install the slack-sdk release pyproject.toml allows (pip install -e .)", sdk_version,
              ", ".join(missing))
    return base(**kwargs)


def socket_mode_client_class(base: Any = None) -> type:
    """slack_sdk's builtin Socket Mode client (or ``base``), with what a municipal network needs of it.

    - NO_PROXY: slack_sdk takes HTTPS_PROXY for the socket without a look at NO_PROXY (the Web API
      calls heed it: bot.slack_http), so a host NO_PROXY names was still asked of the proxy.
    - Failed attempts back off (SOCKET_RETRY_MAX_SECONDS) and say once per outage what to check;
      the library tried every ping interval for ever, logging only its own error.
    - ``disconnect`` envelopes: ``link_disabled`` is an ERROR naming the setting to switch on, and
      the next attempt waits (LINK_DISABLED_RETRY_SECONDS); the library reconnected at once, every
      time. ``too_many_websockets`` backs off as a failed attempt does.

    Use socket_mode_client, which checks that the slack_sdk installed has what this builds on.
    """
    from slack_sdk.socket_mode.builtin import SocketModeClient

    class KessaiSocketModeClient(base or SocketModeClient):  # type: ignore[misc]
        current_app_monitor_started: bool  # the library's (an annotation only: the check sees its absence)

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            # getattr: a slack_sdk without these is told apart by socket_mode_client, not failed here.
            self.env_proxy: str | None = getattr(self, "proxy", None)
            self.resume = threading.Event()  # set by close(): a wait before reconnecting ends
            self.resume_at = 0.0
            self.retry_wait = 0.0  # 0 while the socket is up
            self.crowded_wait = 0.0  # the last pause after too_many_websockets
            self.crowded_at = -TOO_MANY_WEBSOCKETS_STREAK_SECONDS  # when Slack last said it
            # Set while this thread opens a socket: its errors are failed attempts even while the
            # socket it replaces is still up (a disconnect envelope's forced reconnection).
            self.opening = threading.local()
            self.pong_heard: PongHeard | None = None  # set by the monitor; read by socket_alive
            listeners = getattr(self, "on_error_listeners", None)
            if isinstance(listeners, list):
                listeners.append(self._failed)

        def issue_new_wss_url(self) -> str:
            try:
                url: str = super().issue_new_wss_url()
            except Exception as e:
                if _passing(e) or self.current_app_monitor_started:
                    self._failed(e)  # backs off the monitor's next attempt too
                raise
            host = urllib.parse.urlsplit(url).hostname or ""
            self.proxy = None if self.env_proxy and urllib.request.proxy_bypass(host) else self.env_proxy
            return url

        def connect(self) -> None:
            try:
                with self._opening():
                    super().connect()
            except Exception as e:
                # apps.connections.open failed (Slack's 5xx, the proxy, the network). At start
                # that ended serve; now only a refusal of the token does (serve says why), and
                # anything passing is tried again, backing off, as a socket that failed to open.
                if self.wss_uri is None and not _passing(e):
                    raise
                self._monitor_from_now()
                return
            if self.is_connected() and self.retry_wait:
                log.info("Socket Mode connection to Slack is back")
                self.retry_wait = 0.0

        def connect_to_new_endpoint(self, force: bool = False) -> None:
            # Both paths into a new connection come here: the monitor's (a socket found closed,
            # every ping interval) and a ``disconnect`` envelope's.
            wait = self.resume_at - time.monotonic()
            if wait > 0:
                session = self.current_session
                self.resume.wait(wait)
                # The monitor may have waited too and connected first: a forced reconnection
                # (a disconnect envelope's, meant to replace a socket still up) would open a
                # second one and drop the first. After a pause, only the socket the envelope came
                # on is replaced: Slack has closed it, but the library finds that out only after
                # five unanswered pings.
                force = force and self.current_session is session
            if self.closed:
                return
            with self._opening():
                super().connect_to_new_endpoint(force)

        @contextlib.contextmanager
        def _opening(self) -> Iterator[None]:
            outer = getattr(self.opening, "on", False)  # connect_to_new_endpoint calls connect
            self.opening.on = True
            try:
                yield
            finally:
                self.opening.on = outer

        def _monitor_from_now(self) -> None:
            if not self.current_app_monitor_started:
                self.current_app_monitor_started = True
                self.current_app_monitor.start()

        def _monitor_current_session(self) -> None:
            if self.current_session is None:  # never connected: the library's check assumes a session
                if self.auto_reconnect_enabled and not self.closed:
                    try:
                        self.connect_to_new_endpoint()
                    except Exception as e:
                        log.debug("Socket Mode connection still not open: %s", e)
                return
            self._watch_pongs()
            super()._monitor_current_session()

        def _watch_pongs(self) -> None:
            session = self.current_session
            pong: Any = getattr(session, "last_ping_pong_time", _NO_PONG_KNOWN)
            disconnect = getattr(session, "disconnect", None)
            if pong is _NO_PONG_KNOWN or not callable(disconnect):
                return  # a slack_sdk whose connection is otherwise (not one pyproject allows): its own check only
            now, heard = time.monotonic(), self.pong_heard
            if heard is None or heard.session is not session or heard.pong != pong:
                self.pong_heard = PongHeard(session, pong, now)
            elif now - heard.at > SOCKET_STALE_PINGS * self.ping_interval and self.is_connected():
                log.warning("the Socket Mode connection to Slack has answered no ping for %.0f s (this server's "
                            "clock was set back, or slack_sdk would have seen it): reconnecting", now - heard.at)
                disconnect()  # the library's check, next, reconnects

        def _failed(self, error: Exception) -> None:
            if self.is_connected() and not getattr(self.opening, "on", False):
                return  # an error on a socket that is up (its reader's): the monitor sees it close
            first = not self.retry_wait
            self.retry_wait = min(SOCKET_RETRY_MAX_SECONDS, max(self.ping_interval, 2 * self.retry_wait))
            self.resume_at = time.monotonic() + self.retry_wait
            if first:
                log.warning("could not open the Socket Mode connection to Slack (%s): %s; events wait at Slack "
                            "meanwhile. Trying again, at most every %d s", error, _proxy_hint(error),
                            SOCKET_RETRY_MAX_SECONDS)

        def enqueue_message(self, message: str) -> None:
            if '"disconnect"' in message[:64]:  # {"type": "disconnect", "reason": …}: cheap to tell apart
                self._disconnecting(message)
            super().enqueue_message(message)

        def _disconnecting(self, message: str) -> None:
            try:
                envelope = json.loads(message)
            except ValueError:
                return
            if not isinstance(envelope, dict) or envelope.get("type") != "disconnect":
                return  # an envelope that only mentions the word
            reason = str(envelope.get("reason", ""))
            if reason == "link_disabled":
                self.resume_at = time.monotonic() + LINK_DISABLED_RETRY_SECONDS
                log.error("Slack closed the Socket Mode connection because Socket Mode is turned off for this "
                          "app: switch it on at https://api.slack.com/apps → the app → Socket Mode → Enable "
                          "Socket Mode (or, without Socket Mode, unset SLACK_APP_TOKEN and give Slack a Request "
                          "URL). Events wait at Slack meanwhile; kessai tries again every %d s",
                          LINK_DISABLED_RETRY_SECONDS)
            elif reason == "too_many_websockets":
                now = time.monotonic()
                streak = now - self.crowded_at < TOO_MANY_WEBSOCKETS_STREAK_SECONDS
                self.crowded_wait = (min(SOCKET_RETRY_MAX_SECONDS, 2 * self.crowded_wait) if streak
                                     else self.ping_interval)
                self.crowded_at = now
                self.resume_at = max(self.resume_at, now + self.crowded_wait)
                if not streak:
                    log.warning("Slack refused another Socket Mode connection for this app (too_many_websockets: "
                                "Slack allows 10 per app); check for kessai serve processes left running "
                                "elsewhere. Trying again, at most every %d s", SOCKET_RETRY_MAX_SECONDS)
            else:
                log.info("Slack asked for a new Socket Mode connection (%s)", printable(reason) or "no reason")

        def close(self) -> None:
            self.resume.set()
            super().close()

    return KessaiSocketModeClient


def checked_socket_mode_handler(app: Any, app_token: str) -> Any:
    """bolt's Socket Mode handler, with the shape check of HTTP mode (bot.payload_shape): an
    envelope Slack would never send is acknowledged and logged, not failed inside bolt (an
    envelope left unacknowledged is sent again); and with socket_mode_client_class's client."""
    from slack_bolt.adapter.socket_mode import SocketModeHandler
    from slack_sdk.socket_mode.response import SocketModeResponse

    from bot.payload_shape import shape_problem

    class CheckedSocketModeHandler(SocketModeHandler):
        def __init__(self) -> None:
            # bolt's __init__ makes its own client, of slack_sdk's class; this is that, of ours.
            self.app, self.app_token = app, app_token
            self.client = socket_mode_client(
                app_token=app_token, logger=app.logger, web_client=app.client, proxy=app.client.proxy,
                ping_interval=SOCKET_PING_SECONDS)
            self.client.socket_mode_request_listeners.append(self.handle)

        def handle(self, client: Any, req: Any) -> None:
            if (problem := shape_problem(req.payload)) is not None:
                log.warning("ignored a Socket Mode envelope of a shape Slack does not send: %s", problem)
                client.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))
                return
            super().handle(client, req)

    return CheckedSocketModeHandler()


def _warn_of_a_foreign_time_zone(settings: Settings, org: OrgConfig) -> None:
    # KESSAI_TZ=UTC (a container's habit) is a valid zone, and every business rule follows it:
    # 08:30-17:15 there is 17:30-02:15 in Japan, and reminders arrive at night. Said at each start.
    calendar = org.calendar(settings.tz)
    moved = calendar.hours_in_japan(datetime.now(UTC))
    if moved is not None:
        log.warning("KESSAI_TZ is %s, not Japan's time: working hours %s, business days and reminders follow "
                    "that zone (%s-%s in Japan today); unset KESSAI_TZ or set it to Asia/Tokyo unless this is "
                    "meant", settings.tz, org.policy.working_hours, f"{moved[0]:%H:%M}", f"{moved[1]:%H:%M}")


def _warn_of_a_low_approver_rank(org: OrgConfig) -> None:
    # config check says it in Japanese; a serve started without one (systemd, a container) has
    # only its log to tell the IT 担当 that 係長 (typed for 課長?) may approve drafts.
    if approver_min_rank_below_kacho_hosa(org.policy):
        log.warning("approver_min_rank is %s, below 課長補佐: members of that rank may approve drafts as approvers "
                    "and deputies; `kessai config check` says more", org.policy.approver_min_rank)


# NTP keeps clocks within milliseconds: seconds apart means it is not running. Claims on outbox
# messages follow the database's clock (storage.outbox.Claim), but every time a replica stamps
# (ledger entries, reminders, retries) is its own.
CLOCK_APART_WARNING = timedelta(seconds=2)


def warn_of_a_clock_apart_from_the_database(db: Database, clock: Callable[[], datetime]) -> timedelta | None:
    """Log a WARNING when ``clock`` is more than CLOCK_APART_WARNING away from PostgreSQL's;
    how far apart they are (None for SQLite, or when the database could not be asked)."""
    try:
        apart = db.clock_apart(clock)
    except Exception as e:  # a start-up courtesy: the database's own failures are reported where they matter
        log.info("could not compare this server's clock with the database's (%s)", type(e).__name__)
        return None
    if apart is not None and abs(apart) > CLOCK_APART_WARNING:
        log.warning("this server's clock is %.1f s %s the database's (PostgreSQL clock_timestamp()): the times it stamps "
                    "(decisions in the ledger, reminders, retries) disagree with other replicas' by as much, and "
                    "Slack's requests are refused once it is 5 minutes off; synchronise every replica's clock "
                    "with NTP (timedatectl set-ntp true, chrony), see docs/operations.md",
                    abs(apart).total_seconds(), "behind" if apart > timedelta(0) else "ahead of")
    return apart


def dump_stacks_on_sigusr1(log_format: str) -> None:
    """Every thread's stack on SIGUSR1: faulthandler's text, or one JSON record with JSON logs.

    Call before any other thread starts. The JSON record is written by a thread of its own that
    waits for the signal (blocked in every thread started after this): a Python signal handler runs
    in the main thread between two of its instructions, and while that thread waited inside a call
    (serve's start on a locked database or an unanswering server, a Slack call) it printed nothing
    until the call ended, which is when the stacks are wanted. faulthandler answers from C."""
    if not hasattr(signal, "SIGUSR1"):
        return
    if log_format != "json":
        faulthandler.register(signal.SIGUSR1, all_threads=True)
        return
    # For a thread that was already running (and so does not block it): not the default, which ends the process.
    signal.signal(signal.SIGUSR1, lambda _signum, _frame: dump_thread_stacks())
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGUSR1})

    def wait() -> None:
        while True:
            signal.sigwait({signal.SIGUSR1})
            try:
                dump_thread_stacks()
            except Exception:  # the next kill -USR1 is answered all the same
                log.exception("could not write the thread stacks")

    threading.Thread(target=wait, name="kessai-stacks", daemon=True).start()


def check_intake_channels_in_background(rt: Runtime) -> threading.Thread:
    """Whether the bot can read each intake channel (DeliveryFailureReporter.check_intake_channels)
    and whether Slack still knows each escalation member (check_escalation_members), asked once
    the bot is already serving: it is one Slack call per channel or person, each allowed the
    client's timeout, and a slow Slack held the start (and /healthz) for that long per channel. Its
    failure (Slack or the database out of reach) is logged; the bot keeps serving."""
    from bot.delivery_failures import DeliveryFailureReporter

    def run() -> None:
        try:
            if DeliveryFailureReporter(rt.db, rt.org, rt.kessai.clock, tz=rt.settings.tz).check_intake_channels(rt.client):
                rt.gateway.kick()  # the escalation channel hears of it now, not at the next poll
        except Exception:
            log.exception("could not check at start-up whether the bot can read the intake channels; "
                          "it is checked again at the next start")
        try:
            if DeliveryFailureReporter(rt.db, rt.org, rt.kessai.clock, tz=rt.settings.tz).check_escalation_members(rt.client):
                rt.gateway.kick()
        except Exception:
            log.exception("could not check at start-up whether Slack knows the escalation members; "
                          "it is checked again at the next start")

    thread = threading.Thread(target=run, name="kessai-intake-check", daemon=True)
    thread.start()
    return thread


def start_sweeping(rt: Runtime) -> Any:
    """The reminder sweep, every minute (SPEC §4.5), from now; returns its scheduler."""
    from bot.scheduler import SweepClock, start_scheduler
    from bot.sweep import claim_escalation_member_check

    # PostgreSQL's clock is a second opinion on this host's: a sweep does nothing as of a time the
    # database has not reached (SweepClock).
    clock = SweepClock(rt.kessai.clock, database=rt.db)
    # The start-up check (check_intake_channels_in_background) looks the escalation members up in
    # Slack; on a business day it is the day's look-up, which the first sweep, moments before it,
    # made as well: every users.info call twice, and each member Slack refused logged twice.
    # Claimed for the day the sweep acts on: by a host clock a day ahead, it was tomorrow's, and
    # tomorrow's look-up was skipped.
    try:
        claim_escalation_member_check(rt.kessai, clock.now())
    except Exception:  # at worst the first sweep looks them up as well
        log.exception("could not record the start-up look-up of the escalation members as the day's")
    return start_scheduler(rt, slack=rt.client, clock=clock)


class PortUnavailable(Exception):
    """PORT cannot be listened on; ``message_ja`` says why and what to do."""

    def __init__(self, message_ja: str) -> None:
        self.message_ja = message_ja
        super().__init__(message_ja)


def port_unavailable_ja(port: int, error: OSError, database_url: str) -> str:
    """What to tell the IT 担当 when ``kessai serve`` cannot listen on ``port``."""
    if error.errno in (errno.EACCES, errno.EPERM):
        # PORT=80 or 443 as the service user: 「読み書きする権限がありません」 sent them to file permissions.
        return (f"ポート {port} で待ち受けられません（1024 未満のポートは、管理者（root）でないと使えません）。"
                "PORT を 3000 のような 1024 以上の番号にし、80・443 番はリバースプロキシ（nginx など）で受けて"
                "そのポートに渡してください。")
    if error.errno != errno.EADDRINUSE:
        return (f"ポート {port} で待ち受けられません（{error.strerror or type(error).__name__}）。"
                "PORT の値を確認してください。")
    # Most often the other program is kessai itself: the systemd service and a serve started by hand
    # in a terminal. 「PORT を変える」 alone then had two running on one database, and on SQLite
    # (for one process only, docs/operations.md) each believed it was the only one.
    sqlite = database_url.startswith("sqlite")
    return (f"ポート {port} はほかのプログラムが使っているため、起動を中止しました（まだ何も処理していません）。"
            "すでに kessai serve が動いていないか確認してください（systemd のサービスと、端末で起動したものの両方など。"
            f"`systemctl status kessai`、`ss -ltnp 'sport = :{port}'` で使っているプログラムが分かります）。"
            "動いていれば、この kessai serve は不要です。kessai 以外のプログラムなら、PORT を空いている番号に変えてください"
            + ("（SQLite のデータベースは 1 つの kessai serve でだけ使ってください）。" if sqlite else "。"))


class _LateApp:
    """The WSGI application of a server bound before the runtime exists: the port is taken first,
    so a second ``kessai serve`` is refused before it migrates, sweeps or sends anything. Nothing
    is served before ``app`` is set (the server's loop starts after)."""

    def __init__(self) -> None:
        self.app: Any = None

    def __call__(self, environ: dict[str, Any], start_response: Callable[..., Any]) -> Any:
        return self.app(environ, start_response)


def serve(settings: Settings) -> int:
    # A bot that runs but has stopped doing something (a wait on the database or on Slack that
    # does not end) shows where on SIGUSR1: every thread's stack goes to stderr, the log. No
    # debugger or extra package is needed on the host; the tests ask for it when one fails.
    # The format comes from the settings, which read .env too (the environment alone missed it).
    setup_logging(level=settings.log_level, fmt=settings.log_format, secrets=tuple(x for x in (settings.slack_bot_token, settings.slack_app_token,
                                                                     settings.slack_signing_secret) if x))
    dump_stacks_on_sigusr1(settings.log_format)
    problems = settings.serve_problems()
    if problems:
        for message in problems:
            print(printable(message), file=sys.stderr)
        return 2
    # Before anything reads or writes the database (migrations, the start-up sweep) or calls Slack:
    # a second serve on one SQLite file (systemd's and one in a terminal) ran beside the first,
    # both sweeping and sending. Held until this process ends, however it ends.
    try:
        lock = hold_serve_lock(settings.database_url, tz=settings.tz)
    except ServeLockRefused as e:
        print(e.message_ja, file=sys.stderr)
        return 1
    try:
        return _serve(settings)
    finally:
        if lock is not None:
            lock.release()


def _serve(settings: Settings) -> int:
    try:
        # The watch compares the file with the very bytes loaded: an edit saved after them is
        # reported as a change, and one saved before them is not reported as pending.
        # A file caught half-saved is read again after a pause, as the watch below does.
        org, loaded = read_org_config_settled(settings.config_path, tz=settings.tz)
    except ConfigError as e:  # a missing or unreadable file too, with its reason
        print("組織設定ファイルに問題があるため、起動を中止しました（保存の途中を読んだ場合に備えて、"
              f"{ConfigFileWatch.SETTLE_SECONDS:g} 秒おいて読み直しましたが、次の問題が残っています）。", file=sys.stderr)
        for p in e.problems:
            print(f"  {printable(str(p))}", file=sys.stderr)
        return 2
    _warn_of_a_foreign_time_zone(settings, org)
    _warn_of_a_low_approver_rank(org)
    from bot.web import HttpServer

    late_app = _LateApp()
    server: HttpServer | None = None
    if not settings.slack_app_token:
        # Before build_runtime: a second serve (systemd's and one in a terminal) ran the start-up
        # sweep, and so sent what was due, before it found the port taken.
        try:
            server = HttpServer(late_app, "0.0.0.0", settings.port)
        except OSError as e:
            print(port_unavailable_ja(settings.port, e, settings.database_url), file=sys.stderr)
            return 1
    try:
        rt = build_runtime(settings, org, slack_timeout=SLACK_TIMEOUT_SECONDS)
    except BaseException:
        if server is not None:
            server.stop()
        raise
    warn_of_a_clock_apart_from_the_database(rt.db, rt.kessai.clock)
    # PostgreSQL's counterpart of the SQLite file's lock, shared by replicas: `kessai db upgrade`
    # of a newer version refuses while any serve holds it (see storage.db.ServePresence).
    presence = ServePresence(rt.db.engine, presence_name()) if rt.db.is_postgres else None
    try:
        return _run(settings, rt, loaded, late_app, server)
    finally:
        if presence is not None:
            presence.release()


def _run(settings: Settings, rt: Runtime, loaded: bytes, late_app: _LateApp, server: HttpServer | None) -> int:
    from bot.scheduler import watch_config_file
    from bot.web import HttpServer, health_app, wsgi_app

    stopping = threading.Event()
    scheduler = start_sweeping(rt)
    # The watch's pause before reading a half-saved file again ends at a stop signal: shutdown
    # waits for the scheduler's jobs, and this one should not hold it for seconds.
    watch_config_file(scheduler, ConfigFileWatch(settings.config_path, loaded, tz=settings.tz,
                                                 sleep=stopping.wait).check)
    try:
        rt.kessai.warm_up_checks()
    except Exception:  # a rule that fails here fails on drafts too, and says so there; serving matters more
        log.exception("could not run the checks once at start; the first draft builds what they need")
    # Everything loaded so far (dictionaries, rule data, the ORM's mappers) lives as long as the
    # process: keep it out of the garbage collector's full passes, which would otherwise walk
    # it again and again and stall requests (p99) for nothing.
    gc.collect()
    gc.freeze()
    gc.enable()  # off since start-up began (bot.cli.cmd_serve)

    def on_signal(signum: int, _frame: Any) -> None:
        log.info("signal %s received: finishing in-flight work and stopping", signum)
        stopping.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    # SIGHUP (`kill -HUP` expecting a reload, the SSH session of a serve started in a terminal
    # closing) ended Python on the spot, cutting requests in flight: it stops as SIGTERM does. It
    # reloads nothing (the organisation file applies at restart). Ignored under nohup, it stays so.
    if signal.getsignal(signal.SIGHUP) is signal.SIG_DFL:
        signal.signal(signal.SIGHUP, on_signal)

    if settings.slack_app_token:
        handler = checked_socket_mode_handler(rt.app, settings.slack_app_token)
        handler.connect()
        if handler.client.is_connected():
            log.info("connected in Socket Mode")
        # Else its warning said what to check; the client keeps trying, and serve runs meanwhile
        # (the outbox, reminders and /healthz, which says "disconnected", need no socket).
        # No events come over HTTP in Socket Mode, but monitoring still needs something to ask.
        # The bot does not depend on it: with the port taken (another replica on this host, say)
        # it runs without a health check rather than not at all.
        health: HttpServer | None = None
        try:
            health = HttpServer(health_app(rt, lambda: socket_alive(handler.client)), "0.0.0.0", settings.port)
        except OSError as e:
            log.warning("health check not started: port %s unavailable (%s); set PORT to a free port to have one",
                        settings.port, e.strerror or e)
        else:
            health.start()
            log.info("health check on http://0.0.0.0:%s/healthz", health.port)
        check_intake_channels_in_background(rt)
        resign_older_signatures_in_background(rt.db, rt.kessai.clock(), stopping)
        wait_for_stop(stopping)
        if health is not None:
            health.stop()
        handler.close()
    else:
        assert server is not None  # bound above, in HTTP mode
        late_app.app = wsgi_app(rt)
        server.start()
        log.info("listening on http://0.0.0.0:%s/slack/events", server.port)
        if settings.log_format == "text":  # JSON logs are one object per line, and the line above says it
            print(f"kessai: listening on port {server.port}", flush=True)
        check_intake_channels_in_background(rt)
        resign_older_signatures_in_background(rt.db, rt.kessai.clock(), stopping)
        wait_for_stop(stopping)
        server.stop()
    scheduler.shutdown(wait=True)  # let a running sweep finish before the database goes away
    rt.gateway.stop()
    try:  # one last pass, so what was committed before the signal is not left waiting for a restart
        rt.gateway.deliver_due()
    except Exception:
        log.exception("final outbox delivery failed; the rest goes out after restart")
    rt.stop()
    log.info("stopped")
    return 0
