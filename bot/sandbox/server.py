"""A local Slack-compatible Web API server for end-to-end tests and the offline demo.

``LocalSlack`` answers the Web API methods kessai uses, keeps the workspace state a person would
see (channels, DMs, threads, ephemerals, modals, App Home), records every call, and can be told to
fail the next calls (HTTP 429/5xx, ``ok: false`` errors, slow answers) so that the bot's outbox and
retry paths are exercised against the same HTTP client code that talks to slack.com.
"""

from __future__ import annotations

import contextlib
import copy
import dataclasses
import json
import logging
import secrets
import socket
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping, Sequence
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlsplit

from bot.sandbox.records import Ephemeral, Fault, JsonDict, Message, ResponseUrl, SlackCall, View
from bot.sandbox.socket_mode import BOT_ANSWER_TIMEOUT, SocketSession, accept_key, serve_session
from bot.sandbox.transcript import render_transcript
from bot.sandbox.workspace import ApiError, TimelineEntry, Workspace

log = logging.getLogger(__name__)

T = TypeVar("T")

WAIT_POLL_SECONDS = 0.1

DEFAULT_TOKEN = "xoxb-kessai-sandbox-token"
DEFAULT_APP_TOKEN = "xapp-kessai-sandbox-token"  # the app-level token Socket Mode connects with
# Form-encoded requests carry structured arguments as JSON strings; these are the ones Slack parses.
_JSON_PARAMS = frozenset({"blocks", "attachments", "view", "metadata", "unfurls", "user_auth_blocks"})
# An internal header: the answer it comes with is cut short (Fault.cut_short), never sent itself.
CUT_SHORT = "X-Local-Slack-Cut-Short"
DROPPED = "X-Local-Slack-Dropped"
DRIP = "X-Local-Slack-Drip"
_STATUS_ERRORS = {429: "ratelimited", 500: "internal_error", 502: "bad_gateway", 503: "service_unavailable"}


def _decode_json_params(params: dict[str, Any]) -> dict[str, Any]:
    for key in _JSON_PARAMS & params.keys():
        value = params[key]
        if isinstance(value, str) and value[:1] in ("[", "{"):
            # Unparseable JSON stays a string so the method answers invalid_blocks / invalid_arguments.
            with contextlib.suppress(ValueError):
                params[key] = json.loads(value)
    return params


def _parse_body(content_type: str, body: bytes) -> dict[str, Any]:
    kind = content_type.split(";")[0].strip().lower()
    if not body:
        return {}
    if kind == "application/json":
        parsed = json.loads(body.decode("utf-8"))
        return dict(parsed) if isinstance(parsed, dict) else {}
    if kind == "multipart/form-data":
        message = BytesParser(policy=HTTP).parsebytes(
            b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body
        )
        params: dict[str, Any] = {}
        for part in message.iter_parts():
            name = part.get_param("name", header="content-disposition")
            payload = part.get_payload(decode=True)
            data = payload if isinstance(payload, bytes) else b""
            filename = part.get_filename()
            if name:
                # Files are summarised, not kept: the sandbox never serves them back.
                params[str(name)] = (
                    {"filename": filename, "size": len(data)} if filename else data.decode("utf-8")
                )
        return params
    return dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))


@dataclasses.dataclass(eq=False)
class _Queued:
    """An injected fault and how many more calls it fails."""

    fault: Fault
    left: int


class LocalSlack:
    """A Slack Web API stand-in on 127.0.0.1; use as a context manager or ``start()``/``stop()``."""

    def __init__(
        self,
        *,
        token: str = DEFAULT_TOKEN,
        app_token: str = DEFAULT_APP_TOKEN,
        team_id: str = "T0KESSAI",
        bot_user_id: str = "U0KESSAIBOT",
        bot_id: str = "B0KESSAIBOT",
        app_id: str = "A0KESSAI",
        bot_name: str = "kessai",
        users: Mapping[str, Mapping[str, Any]] | None = None,
        channels: Mapping[str, str] | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        trigger_ttl: float = 3.0,
        ts_clock: Callable[[], float] = time.time,
    ) -> None:
        self.token = token
        self.app_token = app_token
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.app_id = app_id
        self._host = host
        self._requested_port = port
        self._ts_clock = ts_clock
        self._cond = threading.Condition(threading.RLock())
        self._stopping = threading.Event()
        self._calls: list[SlackCall] = []
        # Each queued fault with how many calls it has yet to fail, in the order injected: a fault
        # injected "for ever" (times=10**6) is one entry, not a million looked through on every call.
        self._faults: deque[_Queued] = deque()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        # Slack lets an app hold several Socket Mode connections (one per replica, say) and hands
        # each envelope to one of them; these are the live ones, oldest first.
        self._sockets: list[tuple[SocketSession, Any]] = []
        self._retiring: set[int] = set()  # id() of sessions asked to reconnect: sent nothing more
        self._socket_turn = 0
        self._socket_generation = 0  # connections accepted so far
        # The host apps.connections.open names (None: the server's own): another name for this
        # server, so that a test can route the socket, and not the Web API, through a proxy.
        self.socket_host: str | None = None
        self._ws = Workspace(
            team_id=team_id,
            bot_user_id=bot_user_id,
            bot_id=bot_id,
            app_id=app_id,
            bot_name=bot_name,
            users=users or {},
            channels=channels,
            trigger_ttl=trigger_ttl,
            ts_clock=ts_clock,
            clock=time.monotonic,
        )

    def now(self) -> float:
        """Slack's clock: what message ts and trigger ids are made of, and the Date of every answer."""
        return self._ts_clock()

    # lifecycle ---------------------------------------------------------------------------------

    def start(self) -> LocalSlack:
        if self._server is not None:
            return self
        self._stopping.clear()
        server = _Server((self._host, self._requested_port), _make_handler(self))
        server.daemon_threads = True
        self._server = server
        self._ws.response_url_prefix = f"{self.base_url}/response/"
        # A short poll interval keeps stop() (and so each test's teardown) from waiting half a second.
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, name="local-slack", daemon=True
        )
        self._thread.start()
        log.debug("local slack listening on %s", self.api_url)
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()  # wakes handlers sleeping on an injected delay
        self.drop_socket()
        server.shutdown()
        server.server_close()
        server.close_connections()
        # Stopped means closed: the handler threads woken above close their sockets when they end,
        # and a caller counting open files (or reading stderr) right after stop() must not race them.
        server.join_handlers(timeout=5)
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> LocalSlack:
        return self.start()

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    @property
    def port(self) -> int:
        if self._server is None:
            raise RuntimeError("LocalSlack is not running; call start() first")
        return int(self._server.server_address[1])

    @property
    def base_url(self) -> str:
        return f"http://{self._host}:{self.port}"

    @property
    def api_url(self) -> str:
        """The value for ``SLACK_API_URL`` / ``WebClient(base_url=...)``."""
        return f"{self.base_url}/api/"

    # faults ------------------------------------------------------------------------------------

    def inject(
        self,
        method: str,
        *,
        status: int | None = None,
        retry_after: float | str | None = None,
        error: str | None = None,
        delay: float | None = None,
        times: int = 1,
        applied: bool = False,
        channel: str | None = None,
        body: str | None = None,
        cut_short: bool = False,
        dropped: bool = False,
        drip: float | None = None,
        late: bool = False,
        released: threading.Event | None = None,
    ) -> None:
        """Make the next ``times`` calls to ``method`` (``"*"``: any method; ``"response_url"``) fail.

        ``error`` answers 200 ``{"ok": false, "error": error}``; ``status`` answers that HTTP status
        (429 carries ``Retry-After``, default 1 s; a string is sent as is); ``delay`` holds the answer that long so a client
        with a shorter timeout gives up. With no kind given the fault is a 500. ``applied=True``
        performs the call before the delayed/failed answer, as when Slack posted but the reply was lost.
        ``channel`` limits the fault to calls whose ``channel`` argument is that conversation (or,
        for a call without one such as users.info, whose ``user`` argument is that person).
        ``body`` answers that text instead of Slack's JSON (with ``status``, default 200): an HTML
        error page from a proxy, an empty body, JSON of another shape. ``status=200`` with ``delay``
        and nothing else is a slow Slack, not a failing one: the call succeeds, answered late.
        ``cut_short`` sends the start of an answer and closes the connection before the length its
        headers promised (the client reads an incomplete body). ``dropped`` closes the connection
        without any answer once the request is read (the client sees RemoteDisconnected). ``drip``
        makes the call and sends its answer one byte every ``drip`` seconds. ``late`` (with ``delay``)
        makes the call when the delay ends rather than at once: Slack slow to do the work, not only
        to answer, so a client that gave up and looks for it finds nothing until then. With a 5xx
        ``status`` or ``dropped`` it is a proxy in front of such a Slack: the client is answered so
        (a gateway's 504, the connection closed) at once, and the call is made when the delay ends.
        ``released`` ends ``delay`` as soon as it is set (``delay`` is then only the longest the answer
        is held).
        """
        if times < 1:
            raise ValueError("times must be at least 1")
        proxied = dropped or (status is not None and status >= 500)
        if late and not (delay and (status in (None, 200) or proxied) and error is None and body is None
                         and not cut_short and drip is None and not applied):
            raise ValueError("late is for a slow success, or a proxy's 5xx or dropped connection before one: "
                             "a delay and nothing else")
        if late and not proxied:
            status = 200
        if status == 429 and retry_after is None:
            retry_after = 1
        if status is None and error is None and delay is None:
            status = 200 if body is not None or cut_short or dropped or drip else 500
        fault = Fault(method, status, retry_after, error, delay, channel=channel, applied=applied, body=body,
                      cut_short=cut_short, dropped=dropped, drip=drip, late=late, released=released)
        if fault.slow_success or fault.drip:
            fault = dataclasses.replace(fault, applied=True)  # the call is made, its answer held back
        with self._cond:
            self._faults.append(_Queued(fault, times))

    def clear_faults(self) -> None:
        with self._cond:
            self._faults.clear()

    def pending_faults(self) -> list[Fault]:
        with self._cond:
            return [q.fault for q in self._faults for _ in range(q.left)]

    def _take_fault(self, method: str, channel: str | None = None) -> Fault | None:
        with self._cond:
            for queued in self._faults:
                fault = queued.fault
                if fault.channel is not None and fault.channel != channel:
                    continue
                if fault.method in (method, "*") and not (fault.method == "*" and method == "response_url"):
                    queued.left -= 1
                    if not queued.left:
                        self._faults.remove(queued)  # by identity (eq=False): this entry, not an equal one
                    return fault
        return None

    # request handling (called from server threads) ----------------------------------------------

    def _record(self, call: SlackCall) -> None:
        with self._cond:
            self._calls.append(call)
            self._cond.notify_all()

    def _sleep(self, seconds: float, released: threading.Event | None = None) -> None:
        if released is None:
            self._stopping.wait(seconds)
            return
        end = time.monotonic() + seconds
        while not released.is_set() and not self._stopping.is_set():
            left = end - time.monotonic()
            if left <= 0:
                return
            released.wait(min(left, 0.05))

    # Socket Mode -------------------------------------------------------------------------------

    def accept_socket(self, handler: Any) -> None:
        """Take over an HTTP request that asks to become one of the app's Socket Mode WebSockets."""
        key = handler.headers.get("Sec-WebSocket-Key", "")
        handler.send_response(101, "Switching Protocols")
        handler.send_header("Upgrade", "websocket")
        handler.send_header("Connection", "Upgrade")
        handler.send_header("Sec-WebSocket-Accept", accept_key(key))
        handler.end_headers()
        handler.wfile.flush()
        session = SocketSession(handler.wfile)
        with self._cond:
            self._sockets.append((session, handler.connection))
            self._socket_generation += 1
            connections = len(self._sockets)
            self._cond.notify_all()
        hello = {"type": "hello", "num_connections": connections,
                 "debug_info": {"host": "local-slack", "approximate_connection_time": 3600},
                 "connection_info": {"app_id": self.app_id}}
        serve_session(handler.rfile, handler.wfile, session, hello)
        handler.close_connection = True
        with self._cond:
            self._sockets = [(s, c) for s, c in self._sockets if s is not session]
            self._retiring.discard(id(session))
            self._cond.notify_all()

    @property
    def socket_connections(self) -> int:
        """How many Socket Mode connections the app holds now."""
        with self._cond:
            return len(self._sockets)

    def drop_socket(self) -> None:
        """Cut every Socket Mode connection, as when Slack restarts its end (the app reconnects)."""
        with self._cond:
            dropped, self._sockets = self._sockets, []
            self._retiring.clear()
        for session, conn in dropped:
            session.close()
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def rename_channel(self, channel: str, name: str) -> None:
        """Give ``channel`` another name, as a person renaming it in Slack does."""
        with self._cond:
            if self._ws.channels is None:  # an open workspace names every channel by its id
                raise ValueError("rename_channel needs a LocalSlack made with channels=")
            self._ws.channels[channel] = name

    def silence_socket(self) -> None:
        """Leave every Socket Mode connection open but answer none of the app's pings, as a
        connection dropped on the way (a NAT's or firewall's idle timeout) looks to the app."""
        with self._cond:
            sessions = [session for session, _ in self._sockets]
        for session in sessions:
            session.silent = True

    def refresh_socket(self, timeout: float = 30.0) -> None:
        """Ask the app to move its oldest connection to a new one, as Slack does from time to time
        (a ``disconnect`` message with reason ``refresh_requested``), and wait until it has."""
        with self._cond:
            live = [s for s, _ in self._sockets if id(s) not in self._retiring]
            if not live:
                raise RuntimeError("no app is connected in Socket Mode")
            session, generation = live[0], self._socket_generation
            self._retiring.add(id(session))
        session.send_json({"type": "disconnect", "reason": "refresh_requested",
                           "debug_info": {"host": "local-slack"}})
        with self._cond:
            if not self._cond.wait_for(lambda: self._socket_generation > generation and bool(self._sockets), timeout):
                raise TimeoutError(f"the app did not reconnect within {timeout}s")
            old = [conn for s, conn in self._sockets if s is session]
        # Then Slack closes the old connection itself. Left to the app, slack_sdk's close waits for
        # its reader's next timeout (3 s); cut here, the read ends at once. Cut without a close
        # frame: the SDK answers one by reconnecting the client's current connection.
        for conn in old:
            with contextlib.suppress(OSError):
                conn.shutdown(socket.SHUT_RDWR)

    def disconnect_socket(self, reason: str, close: bool = True) -> None:
        """Send every connection Slack's ``disconnect`` message with ``reason`` (``link_disabled``:
        Socket Mode turned off in the app's settings; ``too_many_websockets``; ``warning``) and
        close them, as Slack does; ``close=False`` leaves them open a while, as Slack does after
        ``refresh_requested`` and ``warning`` until the app has moved."""
        with self._cond:
            sessions = list(self._sockets)
        for session, _ in sessions:
            with contextlib.suppress(OSError):
                session.send_json({"type": "disconnect", "reason": reason, "debug_info": {"host": "local-slack"}})
        if close:
            self.drop_socket()

    def wait_for_socket(self, timeout: float = 30.0, connections: int = 1) -> None:
        """Block until the app holds at least ``connections`` Socket Mode connections."""
        with self._cond:
            if not self._cond.wait_for(lambda: len(self._sockets) >= connections, timeout):
                raise TimeoutError(f"fewer than {connections} Socket Mode connection(s) within {timeout}s")

    def socket_send(self, envelope_type: str, payload: JsonDict, *, retry_attempt: int = 0,
                    retry_reason: str = "", timeout: float = BOT_ANSWER_TIMEOUT) -> JsonDict | None:
        """Deliver an envelope over one of the app's connections, taken in turn (so a retry goes
        to another replica than the first attempt); its acknowledgement (None: none in time)."""
        with self._cond:
            live = [s for s, _ in self._sockets if id(s) not in self._retiring] or [s for s, _ in self._sockets]
            if not live:
                raise RuntimeError("no app is connected in Socket Mode")
            session = live[self._socket_turn % len(live)]
            self._socket_turn += 1
        return session.send(envelope_type, payload, retry_attempt=retry_attempt, retry_reason=retry_reason,
                            timeout=timeout)

    def _open_connection(self, token: str | None) -> JsonDict:
        if token != self.app_token:
            # Slack answers a bot token here with not_allowed_token_type, an unknown one invalid_auth.
            return {"ok": False, "error": "not_allowed_token_type" if token == self.token else "invalid_auth"}
        host = self.socket_host or self._host
        return {"ok": True, "url": f"ws://{host}:{self.port}/socket-mode?ticket={secrets.token_hex(8)}"}

    def handle_api(
        self, method: str, params: dict[str, Any], token: str | None
    ) -> tuple[int, JsonDict | str, dict[str, str]]:
        """Answer one Web API call: (status, JSON body or a faulted raw body, extra headers)."""
        fault = self._take_fault(method, str(params.get("channel") or params.get("user") or "") or None)
        if fault is not None and fault.late and not fault.slow_success:
            # A proxy answers (or drops) at once; the Slack behind it makes the call later.
            threading.Thread(target=self._make_late, args=(method, dict(params), token, fault), daemon=True,
                             name=f"late {method}").start()
            return self._faulted(method, params, dataclasses.replace(fault, delay=None))
        if fault is not None and not fault.applied:
            return self._faulted(method, params, fault)
        if fault is not None and fault.late:
            self._sleep(fault.delay or 0, fault.released)  # the work itself waits; then it is done and answered
        with self._cond:
            if method == "apps.connections.open" and fault is None:
                response: JsonDict = self._open_connection(token)
                self._record(SlackCall(method, params, response, 200, time.time()))
                return 200, response, {}
            if not token:
                response = {"ok": False, "error": "not_authed"}
            elif token != self.token:
                response = {"ok": False, "error": "invalid_auth"}
            else:
                try:
                    response = {"ok": True, **self._ws.call(method, params)}
                except ApiError as exc:
                    response = {"ok": False, "error": exc.error, **exc.extra}
            if fault is None:
                self._record(SlackCall(method, params, response, 200, time.time()))
                return 200, response, {}
        if fault.slow_success:
            self._record(SlackCall(method, params, response, 200, time.time(), fault))
            if not fault.late:
                self._sleep(fault.delay or 0, fault.released)
            return 200, response, {}
        if fault.drip:
            self._record(SlackCall(method, params, response, 200, time.time(), fault))
            return 200, response, {DRIP: f"{fault.drip:g}"}
        # An applied fault: the change is made, then the client sees the failure.
        return self._faulted(method, params, fault)

    def _make_late(self, method: str, params: dict[str, Any], token: str | None, fault: Fault) -> None:
        """The call a proxy answered for (Fault.late with a 5xx or dropped), made when its delay ends."""
        self._sleep(fault.delay or 0, fault.released)
        if self._stopping.is_set() or token != self.token:
            return
        with self._cond:
            try:
                response: JsonDict = {"ok": True, **self._ws.call(method, params)}
            except ApiError as exc:
                response = {"ok": False, "error": exc.error, **exc.extra}
            self._record(SlackCall(method, params, response, 200, time.time(), fault))

    def _faulted(
        self, method: str, params: dict[str, Any], fault: Fault
    ) -> tuple[int, JsonDict | str, dict[str, str]]:
        if fault.dropped:
            self._record(SlackCall(method, params, {"ok": False, "body": "dropped"}, 0, time.time(), fault))
            if fault.delay:
                self._sleep(fault.delay, fault.released)
            return 0, "", {DROPPED: "1"}
        if fault.cut_short:
            self._record(SlackCall(method, params, {"ok": False, "body": "cut short"}, fault.status or 200,
                                   time.time(), fault))
            if fault.delay:
                self._sleep(fault.delay, fault.released)
            return fault.status or 200, '{"ok": true, "channel": "', {CUT_SHORT: "1"}
        if fault.body is not None:
            status = fault.status or 200
            self._record(SlackCall(method, params, {"ok": False, "body": fault.body}, status, time.time(), fault))
            if fault.delay:
                self._sleep(fault.delay, fault.released)
            return status, fault.body, {}
        if fault.error is not None:
            status, response = 200, {"ok": False, "error": fault.error}
        elif fault.status is not None:
            status, response = (
                fault.status,
                {"ok": False, "error": _STATUS_ERRORS.get(fault.status, "internal_error")},
            )
        else:
            status, response = 504, {"ok": False, "error": "request_timeout"}
        after = fault.retry_after
        headers = {} if after is None else {"Retry-After": after if isinstance(after, str) else f"{after:g}"}
        self._record(SlackCall(method, params, response, status, time.time(), fault))
        if fault.delay:
            self._sleep(fault.delay, fault.released)
        return status, response, headers

    def handle_response_url(self, url_id: str, payload: JsonDict) -> tuple[int, str]:
        fault = self._take_fault("response_url")
        params = {"response_url_id": url_id, **payload}
        if fault is not None and not fault.applied:
            status = fault.status or 500
            self._record(
                SlackCall("response_url", params, {"ok": False, "body": "fault"}, status, time.time(), fault)
            )
            if fault.delay:
                self._sleep(fault.delay, fault.released)
            return status, "internal_error"
        with self._cond:
            status, body = self._ws.respond(url_id, payload)
            self._record(
                SlackCall(
                    "response_url", params, {"ok": status == 200, "body": body}, status, time.time(), fault
                )
            )
        if fault is not None:
            if fault.delay:
                self._sleep(fault.delay, fault.released)
            return fault.status or 500, "internal_error"
        return status, body

    # inspection --------------------------------------------------------------------------------

    @property
    def calls(self) -> list[SlackCall]:
        with self._cond:
            return list(self._calls)

    def calls_of(self, method: str, *, ok: bool | None = None) -> list[SlackCall]:
        with self._cond:
            return [c for c in self._calls if c.method == method and (ok is None or c.ok == ok)]

    def wait_for(self, predicate: Callable[[], T | None], timeout: float = 30.0, message: str = "") -> T:
        """Block until ``predicate()`` is truthy (re-checked after every call, and every
        ``WAIT_POLL_SECONDS`` besides); return its value. The limit is generous by default: what is
        waited for must come, it returns as soon as it does, and a loaded CI host took over 5 s."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while True:
                value = predicate()
                if value:
                    return value
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    recent = ", ".join(
                        f"{c.method}({'ok' if c.ok else c.response.get('error')})" for c in self._calls[-10:]
                    )
                    raise TimeoutError(
                        f"{message or 'condition'} not met within {timeout}s; last calls: {recent}"
                    )
                # Not only on a call: tests also wait for state Slack never hears of (an outbox row
                # marked sent after its call, /healthz), which would otherwise be seen only at the
                # deadline — the whole timeout spent, or the test failed on a slower machine.
                self._cond.wait(min(remaining, WAIT_POLL_SECONDS))

    def wait_for_call(
        self,
        method: str,
        predicate: Callable[[SlackCall], bool] | None = None,
        *,
        count: int = 1,
        timeout: float = 30.0,
    ) -> SlackCall:
        """The ``count``-th call to ``method`` matching ``predicate``, waiting for it if needed."""

        def found() -> SlackCall | None:
            matching = [c for c in self.calls_of(method) if predicate is None or predicate(c)]
            return matching[count - 1] if len(matching) >= count else None

        return self.wait_for(found, timeout, message=f"{count} call(s) to {method}")

    def messages(self, channel: str, *, thread_ts: str | None = None) -> list[Message]:
        """Current messages of a channel (or a user's DM) oldest first, after updates and deletes."""
        with self._cond:
            channel_id = self._ws.resolve_channel(channel) if channel[:1] in "UW" else channel
            found = [m for m in self._ws.messages.get(channel_id, []) if not m.deleted]
            if thread_ts is not None:
                found = [m for m in found if m.ts == thread_ts or m.thread_ts == thread_ts]
            return copy.deepcopy(found)

    def message(self, channel: str, ts: str) -> Message | None:
        with self._cond:
            channel_id = self._ws.resolve_channel(channel) if channel[:1] in "UW" else channel
            return copy.deepcopy(self._ws.find(channel_id, ts))

    def dm_channel(self, user: str) -> str:
        with self._cond:
            return self._ws.dm_channel(user)

    def ephemerals(self, user: str | None = None) -> list[Ephemeral]:
        with self._cond:
            return [e for e in self._ws.ephemerals if user is None or e.user == user]

    def home(self, user: str) -> JsonDict | None:
        """The view last published to ``user``'s App Home, as the bot sent it."""
        with self._cond:
            view = self._ws.views.get(self._ws.homes.get(user, ""))
            return copy.deepcopy(view.view) if view is not None else None

    def home_view(self, user: str) -> View | None:
        """``user``'s App Home as a view record (a copy: what their screen shows until it is redrawn)."""
        with self._cond:
            return copy.deepcopy(self._ws.views.get(self._ws.homes.get(user, "")))

    def view(self, view_id: str) -> View | None:
        with self._cond:
            return copy.deepcopy(self._ws.views.get(view_id))

    def open_views(self, user: str) -> list[View]:
        """Modals currently on ``user``'s screen, bottom of the stack first."""
        with self._cond:
            return copy.deepcopy(self._ws.open_views(user))

    def responses(self) -> list[SlackCall]:
        """Every POST to a response_url, in order."""
        return self.calls_of("response_url")

    def user_profile(self, user: str) -> JsonDict:
        """The configured entry for ``user`` (empty when unknown), for building payloads."""
        with self._cond:
            if user == self.bot_user_id:
                return {"name": self._ws.bot_name, "real_name": self._ws.bot_name}
            return dict(self._ws.users.get(user, {}))

    def channel_name(self, channel: str) -> str:
        with self._cond:
            if channel in self._ws.user_by_dm:
                return "directmessage"
            return (self._ws.channels or {}).get(channel, channel.lower())

    def user_name(self, user: str) -> str:
        with self._cond:
            return self._ws.user_name(user)

    def transcript(self, *, with_times: bool = False) -> str:
        """The conversation so far as readable Japanese-friendly text (for the demo and failures)."""
        with self._cond:
            return render_transcript(self._ws, with_times=with_times)

    def reset(self) -> None:
        """Forget calls, faults and workspace state; configuration and the port are kept."""
        with self._cond:
            self._calls.clear()
            self._faults.clear()
            prefix = self._ws.response_url_prefix
            self._ws.reset()
            self._ws.response_url_prefix = prefix
            self._cond.notify_all()

    # used by SlackDriver to keep the workspace in step with the events it sends -----------------

    def issue_trigger_id(self, user: str | None, *, ttl: float | None = None) -> str:
        with self._cond:
            return self._ws.issue_trigger_id(user, ttl)

    def new_response_url(
        self, *, channel: str | None = None, user: str | None = None, message_ts: str | None = None
    ) -> str:
        if self._server is None:
            raise RuntimeError("LocalSlack must be running to hand out response URLs")
        with self._cond:
            record: ResponseUrl = self._ws.new_response_url(channel=channel, user=user, message_ts=message_ts)
            return record.url

    def next_ts(self) -> str:
        with self._cond:
            return self._ws.next_ts()

    def post_as_user(
        self,
        channel: str,
        user: str,
        text: str,
        *,
        ts: str | None = None,
        thread_ts: str | None = None,
        bot_id: str | None = None,
        blocks: Iterable[JsonDict] = (),
        attachments: list[JsonDict] | None = None,
    ) -> Message:
        """Put a message someone typed (or another app posted) into the workspace; ``attachments``:
        what Slack adds to it (a forwarded message, say)."""
        with self._cond:
            message = self._ws.add_message(
                self._ws.resolve_channel(channel) if channel[:1] in "UW" else channel,
                user=user,
                text=text,
                blocks=list(blocks),
                thread_ts=thread_ts,
                ts=ts,
                bot_id=bot_id,
                extra={"attachments": attachments} if attachments else None,
            )
            self._cond.notify_all()
            return copy.deepcopy(message)

    def edit_as_user(self, channel: str, ts: str, text: str,
                     blocks: Iterable[JsonDict] | None = None) -> tuple[Message, Message] | None:
        """Edit a stored message; returns (before, after) or None when it is unknown."""
        with self._cond:
            message = self._ws.find(channel, ts)
            if message is None:
                return None
            before = copy.deepcopy(message)
            message.text, message.edited_ts = text, self._ws.next_ts()
            if blocks is not None:
                message.blocks = list(blocks)
            self._ws.note(TimelineEntry("update", channel, message.user, text, [], ts, message.thread_ts))
            self._cond.notify_all()
            return before, copy.deepcopy(message)

    def delete_as_user(self, channel: str, ts: str) -> Message | None:
        with self._cond:
            message = self._ws.find(channel, ts)
            if message is None:
                return None
            message.deleted = True
            self._ws.note(TimelineEntry("delete", channel, message.user, message.text, [], ts))
            self._cond.notify_all()
            return copy.deepcopy(message)

    def note_interaction(self, user: str, text: str, *, channel: str | None = None) -> None:
        """Log what a person did (pressed a button, submitted a modal) for the transcript."""
        with self._cond:
            self._ws.note(TimelineEntry("interaction", channel, user, text))

    def note_command_reply(self, user: str, text: str, blocks: Sequence[JsonDict], *, channel: str) -> None:
        """The bot's answer to a slash command in its acknowledgement, which Slack shows to the
        person who ran it (as an ephemeral). It never passes through the Web API, so without this the
        transcript (and `kessai demo`) showed 「/kessai away …」 and nothing of what the bot said."""
        with self._cond:
            self._ws.note(TimelineEntry("ephemeral", channel, user, text, list(blocks)))

    def latest_view(self, user: str, callback_id: str | None = None) -> View | None:
        """The topmost open modal of ``user`` (optionally with that callback_id)."""
        with self._cond:
            for view in reversed(self._ws.open_views(user)):
                if callback_id is None or view.view.get("callback_id") == callback_id:
                    return copy.deepcopy(view)
            return None

    def apply_view_response(self, view_id: str, response: JsonDict | None) -> None:
        """Close, update or push modals as the Slack client does after a view_submission answer."""
        with self._cond:
            self._ws.close_view(view_id, response)
            self._cond.notify_all()

    def view_api(self, view: View) -> JsonDict:
        """``view`` as Slack serialises it into interaction payloads."""
        return view.to_api(self.team_id, self.app_id, self.bot_id)


class _Server(ThreadingHTTPServer):
    """Remembers its open connections: a client that keeps its connection (bot.slack_http) would
    otherwise hold a handler thread and two sockets after the server stopped, for as long as the
    client lived (in the test suite, the whole run)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._connections: set[socket.socket] = set()
        # ThreadingMixIn keeps no list of daemon threads, so server_close() cannot wait for them.
        self._handlers: set[threading.Thread] = set()
        self._connections_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        # ThreadingMixIn.process_request, keeping each thread from before it starts, so that one
        # started just before stop() is waited for too.
        t = threading.Thread(target=self._handle_in_thread, args=(request, client_address), daemon=True)
        with self._connections_lock:
            self._connections.add(request)
            self._handlers.add(t)
        t.start()

    def _handle_in_thread(self, request: Any, client_address: Any) -> None:
        try:
            self.process_request_thread(request, client_address)
        finally:
            with self._connections_lock:
                self._handlers.discard(threading.current_thread())

    def join_handlers(self, timeout: float) -> None:
        """Wait, up to ``timeout`` in all, for the handler threads to end (and close their sockets)."""
        deadline = time.monotonic() + timeout
        with self._connections_lock:
            handlers = list(self._handlers)
        for t in handlers:
            if t is not threading.current_thread():  # a handler stopping the server cannot wait for itself
                t.join(max(0.0, deadline - time.monotonic()))

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._connections_lock:
            conns, self._connections = self._connections, set()
        for c in conns:
            with contextlib.suppress(OSError):
                c.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client that kept its connection open between calls (bot.slack_http) and was killed
        # resets it: the usual end of such a connection, not worth a traceback on stderr.
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            log.debug("local slack: %s:%s closed its connection", *client_address[:2])
            return
        super().handle_error(request, client_address)


def _make_handler(slack: LocalSlack) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        server_version = "LocalSlack/1"
        protocol_version = "HTTP/1.1"
        # Headers and body go out in separate writes: without this, a client that keeps its
        # connection (bot.slack_http) waits ~40 ms per call for the delayed ACK (Nagle).
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - stdlib signature
            log.debug("local slack: " + format, *args)

        def date_time_string(self, timestamp: float | None = None) -> str:
            # Slack's clock, not this machine's: kessai reads Slack's time from the Date of an
            # answer (bot.web.slack_time), and a test may set Slack's clock apart from its own.
            return super().date_time_string(slack.now() if timestamp is None else timestamp)

        def _send(self, status: int, body: bytes, content_type: str, headers: Mapping[str, str] = {}) -> None:  # noqa: B006
            cut_short = CUT_SHORT in headers
            if DROPPED in headers:  # no answer at all (Fault.dropped): the connection just closes
                self.close_connection = True
                return
            if DRIP in headers:  # the whole answer, a byte at a time (Fault.drip)
                self._drip(status, body, content_type, float(headers[DRIP]))
                return
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                # A cut-short answer promises more than it sends, then closes (Fault.cut_short).
                self.send_header("Content-Length", str(len(body) + (64 if cut_short else 0)))
                for name, value in headers.items():
                    if name != CUT_SHORT:
                        self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
                if cut_short:
                    self.wfile.flush()
                    self.close_connection = True
            except (BrokenPipeError, ConnectionResetError):
                # The client gave up (an injected delay outlived its timeout); nothing to tell it.
                self.close_connection = True

        def _drip(self, status: int, body: bytes, content_type: str, every: float) -> None:
            try:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.flush()
                for i in range(len(body)):
                    if slack._stopping.wait(every):
                        break
                    self.wfile.write(body[i:i + 1])
                    self.wfile.flush()
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True

        def _json(self, status: int, payload: JsonDict | str, headers: Mapping[str, str] = {}) -> None:  # noqa: B006
            if isinstance(payload, str):  # a faulted answer that is not Slack's JSON
                kind = "application/json" if payload[:1] in ("{", "[") else "text/html"
                self._send(status, payload.encode("utf-8"), f"{kind}; charset=utf-8", headers)
                return
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            self._send(status, body, "application/json; charset=utf-8", headers)

        def _read_params(self) -> dict[str, Any]:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            params: dict[str, Any] = dict(parse_qsl(urlsplit(self.path).query, keep_blank_values=True))
            params.update(_parse_body(self.headers.get("Content-Type", ""), body))
            return _decode_json_params(params)

        def do_GET(self) -> None:  # noqa: N802 - stdlib naming
            if urlsplit(self.path).path == "/socket-mode" and self.headers.get("Upgrade", "").lower() == "websocket":
                slack.accept_socket(self)
                return
            self.do_POST()

        def do_POST(self) -> None:  # noqa: N802 - stdlib naming
            path = urlsplit(self.path).path
            try:
                params = self._read_params()
            except (ValueError, UnicodeDecodeError):
                self._json(400, {"ok": False, "error": "invalid_form_data"})
                return
            if path.startswith("/api/"):
                token = params.pop("token", None)
                auth = self.headers.get("Authorization", "")
                if auth.startswith("Bearer "):
                    token = auth[len("Bearer ") :]
                status, payload, headers = slack.handle_api(path[len("/api/") :], params, token)
                self._json(status, payload, headers)
            elif path.startswith("/response/"):
                status, text = slack.handle_response_url(path[len("/response/") :], params)
                self._send(status, text.encode("utf-8"), "text/html; charset=utf-8")
            else:
                self._json(404, {"ok": False, "error": "not_found"})

    return Handler
