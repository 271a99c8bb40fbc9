"""HTTP: waitress serving bolt's WSGI handler at /slack/events plus /healthz (HTTP mode), or
/healthz alone (Socket Mode, where events arrive over the app's WebSocket instead)."""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app import Runtime
from storage import outbox
from storage.db import migrations_current

log = logging.getLogger(__name__)

# A thread reply waiting this long for its parent message means something is stuck (see health).
HELD_TOO_LONG = timedelta(hours=1)
MAX_BODY_BYTES = 1_000_000  # Slack payloads are far smaller; refuse anything that is not Slack
# Open connections waitress serves at once (its default, 100, is what it takes for anyone who can
# reach the port to lock Slack out by opening connections and sending nothing), and how long one
# may stay silent before it is closed (Slack sends a whole request at once and gives up after 3 s).
CONNECTION_LIMIT = 1000
IDLE_TIMEOUT_SECONDS = 30


WSGIApp = Callable[[dict[str, Any], Callable[..., Any]], Iterable[bytes]]


def health(rt: Runtime, slack_connected: Callable[[], bool] | None = None) -> tuple[int, dict[str, Any]]:
    """The health report and its status (200, or 503 when something needs attention).

    ``slack_connected`` (Socket Mode): whether the app's WebSocket is up; in HTTP mode Slack
    connects to us, so there is nothing of ours to report.
    """
    report: dict[str, Any] = {"database": "ok", "migrations": "current", "outbox_backlog": None,
                              "outbox_held": None, "slack_auth": rt.gateway.auth_error or "ok"}
    status = 200 if rt.gateway.auth_error is None else 503
    if slack_connected is not None:
        report["socket_mode"] = "connected" if slack_connected() else "disconnected"
        if report["socket_mode"] != "connected":
            status = 503
    try:
        if not migrations_current(rt.db.engine):
            report["migrations"] = "pending"
            status = 503
        with rt.db.session() as s:
            report["outbox_backlog"] = outbox.backlog(s)
            held, stale = outbox.held(s, rt.gateway.clock() - HELD_TOO_LONG)
        report["outbox_held"] = held
        if stale:
            # A reply waits that long only when its parent is stuck: a refused parent sends its
            # replies elsewhere at once (bot.delivery_failures), Slack's outages rarely last that long.
            report["outbox_held_stale"] = stale
            status = 503
    except Exception as e:  # the health check must answer even when the database does not
        report["database"] = f"unreachable: {type(e).__name__}"
        status = 503
    report["status"] = "ok" if status == 200 else "degraded"
    return status, report


def _is_health_check(environ: dict[str, Any]) -> bool:
    return bool(environ.get("PATH_INFO") == "/healthz" and environ.get("REQUEST_METHOD") == "GET")


def _answer_health(rt: Runtime, start_response: Callable[..., Any],
                   slack_connected: Callable[[], bool] | None = None) -> Iterable[bytes]:
    status, report = health(rt, slack_connected)
    body = json.dumps(report).encode()
    start_response(f"{status} {'OK' if status == 200 else 'Service Unavailable'}",
                   [("Content-Type", "application/json"), ("Content-Length", str(len(body)))])
    return [body]


def health_app(rt: Runtime, slack_connected: Callable[[], bool]) -> WSGIApp:
    """Socket Mode's HTTP side: /healthz and nothing else. Above all not /slack/events — with no
    signing secret configured, bolt would be checking signatures against a placeholder."""

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if _is_health_check(environ):
            return _answer_health(rt, start_response, slack_connected)
        start_response("404 Not Found", [("Content-Type", "text/plain")])
        return [b"not found"]

    return application


def wsgi_app(rt: Runtime) -> WSGIApp:
    slack = SlackRequestHandler(rt.app, path="/slack/events")

    def application(environ: dict[str, Any], start_response: Callable[..., Any]) -> Iterable[bytes]:
        if _is_health_check(environ):
            return _answer_health(rt, start_response)
        try:
            length = int(environ.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > MAX_BODY_BYTES:
            start_response("413 Payload Too Large", [("Content-Type", "text/plain")])
            return [b"payload too large"]
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
        _allow_open_files(CONNECTION_LIMIT + 200)  # + the database pool, outbound calls, logs
        self.server = create_server(app, host=host, port=port, threads=threads, ident="kessai",
                                    clear_untrusted_proxy_headers=True, max_request_body_size=MAX_BODY_BYTES,
                                    connection_limit=CONNECTION_LIMIT, channel_timeout=IDLE_TIMEOUT_SECONDS)
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

    def stop(self) -> None:
        self._stopping = True
        self.server.close()
        if self._thread:
            self._thread.join(5)
