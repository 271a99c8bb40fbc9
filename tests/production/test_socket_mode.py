"""``kessai serve`` in Socket Mode (SLACK_APP_TOKEN set): the same bot over the app's WebSocket."""

from __future__ import annotations

import contextlib
import json
import logging
import socket
import threading
import time
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.socket_mode.builtin import SocketModeClient
from slack_sdk.socket_mode.interval_runner import IntervalRunner

from bot.config import OrgConfig
from bot.localstack import slack_users
from bot.sandbox import LocalSlack, SocketModeDriver
from tests.conftest import database_url
from tests.e2e.conftest import APPROVERS, CLEAN_DRAFT, all_text
from tests.production.serveproc import ServeProcess
from tests.production.test_operations import head_healthz


def requests_to(slack: LocalSlack, user: str) -> list:  # type: ignore[type-arg]
    return [m for m in slack.messages(slack.dm_channel(user)) if "決裁依頼" in all_text(m)]


def test_serve_in_socket_mode_takes_drafts_and_decisions(tmp_path: Path, org: OrgConfig) -> None:
    slack = LocalSlack(users=slack_users(org)).start()
    serve = ServeProcess(slack, database_url("sqlite", tmp_path), tmp_path,
                         extra_env={"SLACK_APP_TOKEN": slack.app_token}).start()
    try:
        drv = SocketModeDriver(slack)
        drv.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, event_id="Ev0SOCKET1")
        assert drv.last_reply is not None and drv.last_reply.status == 200  # acknowledged on the socket
        for a in APPROVERS:
            slack.wait_for(lambda a=a: requests_to(slack, a), timeout=30, message=f"request to {a}")

        # An envelope of a shape Slack never sends is acknowledged (not left to be sent again) and ignored.
        for kind, payload in (("interactive", {"type": "block_actions", "user": {"id": "U0MANAGER"}, "actions": []}),
                              ("events_api", {"type": "event_callback", "event": "x"})):
            assert slack.socket_send(kind, payload) is not None
        assert "shape Slack does not send" in serve.log()

        # Slack redelivers the event (retry_attempt 1): still one draft, one request each.
        drv.retry_last_event(retry_num=1)
        assert drv.last_reply.status == 200

        first = requests_to(slack, "U0MANAGER")[0]
        drv.block_action("U0MANAGER", "approve_draft", channel=first.channel, message_ts=first.ts)
        slack.wait_for(lambda: all("承認しました" in all_text(requests_to(slack, a)[0]) for a in APPROVERS),
                       timeout=30, message="decision shown to every approver")
        assert all(len(requests_to(slack, a)) == 1 for a in APPROVERS)

        # Slack moves the app to a new connection (it does, routinely): the bot follows by itself.
        slack.refresh_socket()
        drv.message("C0INTAKE", "U0OPERATOR", "図書館で子ども向けのおはなし会を開きます。どなたでも参加できます。",
                    event_id="Ev0SOCKET2")
        slack.wait_for(lambda: len(requests_to(slack, "U0MANAGER")) == 2, timeout=30, message="second request")
    finally:
        assert serve.terminate() == 0, serve.log()  # SIGTERM: closes the socket and stops cleanly
        slack.stop()


class RefusingProxy:
    """A city's HTTP proxy that refuses every CONNECT with ``status`` (407: authentication wanted)."""

    def __init__(self, status: int) -> None:
        self.status = status
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.asked: list[bytes] = []
        self._server = threading.Thread(target=self._serve, name="refusing-proxy", daemon=True)
        self._server.start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            with conn:
                head = b""
                while b"\r\n\r\n" not in head and (got := conn.recv(4096)):
                    head += got
                self.asked.append(head)
                conn.sendall(f"HTTP/1.1 {self.status} Refused\r\nProxy-Authenticate: Basic realm=\"city\"\r\n"
                             "Content-Length: 0\r\n\r\n".encode())

    def close(self) -> None:
        # (Closing alone does not wake the thread blocked in accept(): shutdown() does.)
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self._server.join(5)


def test_socket_mode_through_a_proxy_that_refuses_the_tunnel(tmp_path: Path, org: OrgConfig) -> None:
    """The Web API reaches Slack directly (NO_PROXY names its host); the socket's host goes through
    the city's proxy, which wants a password it does not get. serve keeps running and trying,
    says what to check, and never writes the proxy's password into its log."""
    proxy = RefusingProxy(407)
    slack = LocalSlack(users=slack_users(org)).start()
    slack.socket_host = "localhost"  # the same server, under a name NO_PROXY does not list
    serve = ServeProcess(slack, database_url("sqlite", tmp_path), tmp_path, socket_ping_seconds=0.2,
                         extra_env={"SLACK_APP_TOKEN": slack.app_token, "NO_PROXY": "127.0.0.1",
                                    "HTTPS_PROXY": f"http://kessai:S3cretPw@127.0.0.1:{proxy.port}"})
    serve.start(wait_socket=False)  # it cannot connect: that is the point
    try:
        slack.wait_for(lambda: len(proxy.asked) >= 3, timeout=30, message="three attempts through the proxy")
        assert serve.proc is not None and serve.proc.poll() is None, serve.log()  # still serving
        log = serve.log()
        assert "S3cretPw" not in log and "kessai:[REDACTED]@" in log
        assert "put its user and password in HTTPS_PROXY" in log  # what to check, once per outage
        assert log.count("could not open the Socket Mode connection") == 1
        assert "connected in Socket Mode" not in log
        assert all(a.startswith(b"CONNECT localhost:") for a in proxy.asked)

        # NO_PROXY naming the socket's host too: the socket goes around the proxy, as the Web API does.
        assert serve.terminate() == 0, serve.log()
        asked = len(proxy.asked)
        serve = ServeProcess(slack, database_url("sqlite", tmp_path), tmp_path,
                             extra_env={**{k: serve.env[k] for k in ("SLACK_APP_TOKEN", "HTTPS_PROXY")},
                                        "NO_PROXY": "127.0.0.1,localhost"}).start()
        assert "connected in Socket Mode" in serve.log() and len(proxy.asked) == asked
    finally:
        serve.stop()
        slack.stop()
        proxy.close()


def test_socket_mode_turned_off_in_the_app_settings_is_an_error_naming_the_switch(tmp_path: Path,
                                                                                   org: OrgConfig) -> None:
    slack = LocalSlack(users=slack_users(org)).start()
    # Slack cannot hand out a socket at start (a 503, twice): serve stays up and tries again (it
    # used to end there, leaving a restart to systemd).
    slack.inject("apps.connections.open", status=503, times=2)
    # Pings every 0.5 s: kessai's monitor finds the socket gone within the pause and waits too.
    serve = ServeProcess(slack, database_url("sqlite", tmp_path), tmp_path, link_disabled_retry=2.0,
                         socket_ping_seconds=0.5,
                         extra_env={"SLACK_APP_TOKEN": slack.app_token}).start()
    try:
        assert "Socket Mode connection to Slack is back" in serve.log()
        slack.disconnect_socket("warning")  # Slack's notice that it is about to move the app: follow it
        slack.wait_for_socket(timeout=20)
        assert "ERROR bot.serve" not in serve.log()
        opened = len(slack.calls_of("apps.connections.open"))
        slack.disconnect_socket("link_disabled")
        slack.wait_for(lambda: "Socket Mode is turned off" in serve.log(), timeout=30, message="the error")
        assert "ERROR bot.serve: Slack closed the Socket Mode connection because Socket Mode is turned off" in serve.log()
        assert "Enable Socket Mode" in serve.log()
        # Then one attempt after the pause (not one per ping, nor one per refusal at once), which
        # here finds Socket Mode on again.
        slack.wait_for_socket(timeout=20)
        assert len(slack.calls_of("apps.connections.open")) == opened + 1
        drv = SocketModeDriver(slack)
        drv.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, event_id="Ev0SOCKETBACK")
        slack.wait_for(lambda: requests_to(slack, "U0MANAGER"), timeout=30, message="request after the switch")
    finally:
        assert serve.terminate() == 0, serve.log()
        slack.stop()


def test_the_socket_url_needs_the_app_level_token() -> None:
    with LocalSlack() as slack:
        opened = WebClient(token=slack.app_token, base_url=slack.api_url).apps_connections_open(app_token=slack.app_token)
        assert str(opened["url"]).startswith("ws://")
        for wrong, error in ((slack.token, "not_allowed_token_type"), ("xapp-someone-else", "invalid_auth")):
            try:
                WebClient(token=wrong, base_url=slack.api_url).apps_connections_open(app_token=wrong)
            except SlackApiError as e:
                assert e.response["error"] == error
            else:
                raise AssertionError(f"{wrong} opened a socket")


def test_a_plain_get_of_the_socket_path_is_not_an_upgrade() -> None:
    with LocalSlack() as slack:
        try:
            urllib.request.urlopen(f"{slack.base_url}/socket-mode", timeout=5)  # noqa: S310 - local URL
        except urllib.error.HTTPError as e:
            assert e.code == 404 and json.loads(e.read())["error"] == "not_found"
        else:
            raise AssertionError("a GET without Upgrade was accepted")


def get_health(port: int) -> tuple[int, dict]:  # type: ignore[type-arg]
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:  # noqa: S310 - local URL
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_socket_mode_answers_health_checks_and_nothing_else_over_http(tmp_path: Path, org: OrgConfig) -> None:
    slack = LocalSlack(users=slack_users(org)).start()
    serve = ServeProcess(slack, database_url("sqlite", tmp_path), tmp_path,
                         extra_env={"SLACK_APP_TOKEN": slack.app_token}, socket_ping_seconds=1.0).start()
    try:
        status, report = get_health(serve.port)
        assert status == 200 and report == {"database": "ok", "database_writes": "ok", "migrations": "current",
                                            "outbox_backlog": 0, "outbox_scheduled": 0, "outbox_held": 0, "slack_auth": "ok",
                                            "socket_mode": "connected", "status": "ok"}
        assert head_healthz(serve.port)[::2] == (200, b"")
        # Events come over the socket only: a signed request over HTTP finds nothing to talk to.
        drv = serve.driver()
        drv.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        assert drv.last_reply is not None and drv.last_reply.status == 404

        slack.stop()  # Slack unreachable: the socket is cut and cannot be opened again
        slack.drop_socket()
        # kessai pings every 5 s (here every second); three unanswered and the socket counts as
        # lost — well before the library itself gives up on it (five failed checks). The count of
        # pings is checked without a clock in test_a_socket_counts_as_lost_after_three_unanswered_pings;
        # here the wait is only bounded, not timed.
        lost_at = time.monotonic()
        status, report = get_health(serve.port)
        while status == 200 and time.monotonic() - lost_at < 40:
            time.sleep(0.1)
            status, report = get_health(serve.port)
        assert status == 503 and report["socket_mode"] == "disconnected" and report["status"] == "degraded"
        assert report["database"] == "ok"
    finally:
        assert serve.terminate() == 0, serve.log()
        slack.stop()


def test_socket_mode_runs_without_its_health_check_when_the_port_is_taken(tmp_path: Path, org: OrgConfig) -> None:
    """Two replicas on one host, say: the second has no /healthz but still does its work."""
    slack = LocalSlack(users=slack_users(org)).start()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        serve = ServeProcess(slack, database_url("sqlite", tmp_path), tmp_path,
                             extra_env={"SLACK_APP_TOKEN": slack.app_token, "PORT": str(taken.getsockname()[1])})
        serve.start(wait_health=False)
        try:
            SocketModeDriver(slack).message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, event_id="Ev0SOCKETPORT")
            slack.wait_for(lambda: requests_to(slack, "U0MANAGER"), timeout=30, message="request")
            assert "health check not started" in serve.log()
        finally:
            assert serve.terminate() == 0, serve.log()
            slack.stop()


class _Session:
    def __init__(self, last_ping_pong_time: float | None) -> None:
        self.last_ping_pong_time = last_ping_pong_time


class _SocketClient:
    """slack_sdk's SocketModeClient as socket_alive reads it: the session's last answered ping."""

    ping_interval = 5.0

    def __init__(self, last_pong: float | None, connected: bool = True) -> None:
        self.current_session = _Session(last_pong)
        self.connected = connected

    def is_connected(self) -> bool:
        return self.connected


def test_a_socket_counts_as_lost_after_three_unanswered_pings() -> None:
    from bot.serve import socket_alive

    def at(t: float) -> Callable[[], float]:
        return lambda: t

    answered = 1_000.0
    assert socket_alive(_SocketClient(answered), now=at(answered + 3 * 5.0))  # two pings unanswered, a third due
    assert not socket_alive(_SocketClient(answered), now=at(answered + 3 * 5.0 + 0.1))
    assert socket_alive(_SocketClient(None), now=at(answered))  # no ping yet since it opened
    assert not socket_alive(_SocketClient(answered, connected=False), now=at(answered))


def test_a_socket_counts_as_lost_by_the_monotonic_clock_when_the_wall_clock_went_back() -> None:
    """The last answered ping's send time is the wall clock's: set back an hour, it said
    "connected" for that hour. What the client's monitor last heard, by the monotonic clock, does not move."""
    from bot.serve import PongHeard, socket_alive

    def at(t: float) -> Callable[[], float]:
        return lambda: t

    answered, heard_at = 1_000.0, 50.0
    client = _SocketClient(answered)
    client.pong_heard = PongHeard(client.current_session, answered, heard_at)  # type: ignore[attr-defined]
    stepped_back = at(answered - 3600)
    assert socket_alive(client, now=stepped_back, monotonic=at(heard_at + 3 * 5.0))
    assert not socket_alive(client, now=stepped_back, monotonic=at(heard_at + 3 * 5.0 + 0.1))
    client.pong_heard = PongHeard(_Session(answered), answered, heard_at)  # type: ignore[attr-defined]
    assert socket_alive(client, now=stepped_back, monotonic=at(heard_at + 60))  # of a socket since replaced


# In-process: kessai's Socket Mode client against the local Slack server, without a serve process.

def local_socket_client(slack: LocalSlack, ping_interval: float, base: type | None = None) -> Any:
    from bot.serve import socket_mode_client

    return socket_mode_client(base, app_token=slack.app_token, web_client=WebClient(base_url=slack.api_url),
                              ping_interval=ping_interval)


def closed(slack: LocalSlack, client: Any) -> None:
    # Cut first: slack_sdk's close waits for its reader's next timeout (3 s) otherwise.
    slack.drop_socket()
    client.close()


class _MonitorRenamed(SocketModeClient):  # type: ignore[misc]
    """A slack_sdk release whose monitor runs a method of another name: kessai's would never run."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.current_app_monitor = IntervalRunner(self._watch_session, self.ping_interval)

    def _watch_session(self) -> None:
        SocketModeClient._monitor_current_session(self)


class _StartedFlagRenamed(SocketModeClient):  # type: ignore[misc]
    """A slack_sdk release that keeps ``current_app_monitor_started`` under another name."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.monitor_started = self.__dict__.pop("current_app_monitor_started")

    def connect(self) -> None:
        self.current_app_monitor_started = self.monitor_started  # 3.48's code, below, knows the old name
        super().connect()
        self.monitor_started = self.__dict__.pop("current_app_monitor_started")


@pytest.mark.parametrize(("base", "missing"), [(_MonitorRenamed, "current_app_monitor.target"),
                                                (_StartedFlagRenamed, "current_app_monitor_started")])
def test_a_slack_sdk_without_what_kessai_builds_on_runs_its_own_client_with_an_error(
        base: type, missing: str, caplog: pytest.LogCaptureFixture) -> None:
    with LocalSlack() as slack:
        client = local_socket_client(slack, 5.0, base)
        try:
            assert type(client) is base  # the library's own behaviour, not a crash
            assert f"Socket Mode client lacks what kessai builds on ({missing}" in caplog.text
            assert [r.levelname for r in caplog.records if "lacks what kessai" in r.getMessage()] == ["ERROR"]
            client.connect()
            slack.wait_for_socket(timeout=10)
        finally:
            closed(slack, client)


def test_a_socket_dropped_on_the_way_is_found_with_the_clock_set_back(caplog: pytest.LogCaptureFixture) -> None:
    """A socket a NAT or firewall dropped (pings unanswered, nothing closed) after the clock went
    back an hour: slack_sdk judges the last answered ping by the wall clock, so /healthz said
    "connected" and no event came for that hour. Now it says "disconnected" and the client reconnects."""
    from bot.serve import socket_alive

    with LocalSlack() as slack:
        client = local_socket_client(slack, 0.2)
        try:
            client.connect()
            slack.wait_for_socket(timeout=10)
            session = client.current_session
            slack.wait_for(lambda: session.last_ping_pong_time is not None, timeout=30, message="an answered ping")
            opened = len(slack.calls_of("apps.connections.open"))
            slack.silence_socket()
            # No pong still on its way: the last one answered a ping sent a while ago.
            slack.wait_for(lambda: time.time() - session.last_ping_pong_time > 0.4, timeout=30, message="silence")
            # The clock set back an hour: that ping was sent an hour ahead of it.
            session.last_ping_pong_time += 3600
            slack.wait_for(lambda: not socket_alive(client), timeout=30, message="the socket counted as lost")
            slack.wait_for(lambda: len(slack.calls_of("apps.connections.open")) > opened, timeout=30,
                           message="a new socket")
            slack.wait_for(lambda: client.current_session is not session and socket_alive(client), timeout=30,
                           message="the new socket up")
            assert "answered no ping for" in caplog.text
        finally:
            closed(slack, client)


def test_too_many_websockets_backs_off_as_a_failed_attempt_does(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, "bot.serve")
    with LocalSlack() as slack:
        client = local_socket_client(slack, 1.0)
        try:
            assert type(client).__name__ == "KessaiSocketModeClient" and "ERROR" not in caplog.text
            client.connect()
            slack.wait_for_socket(timeout=10)
            opened = len(slack.calls_of("apps.connections.open"))
            refused_after = time.monotonic()
            slack.disconnect_socket("too_many_websockets")
            slack.wait_for(lambda: "too_many_websockets" in caplog.text, timeout=30, message="the warning")
            # It used to reconnect at once, to be refused again at once, for as long as it lasted. (The
            # pause is counted from the refusal, so this holds however slowly the machine runs.)
            first = client.resume_at
            assert first >= refused_after + 1.0
            slack.wait_for_socket(timeout=10)  # after the pause, one attempt
            assert len(slack.calls_of("apps.connections.open")) == opened + 1
            slack.disconnect_socket("too_many_websockets")  # still too many: twice the pause, no second word
            slack.wait_for(lambda: client.resume_at > first, timeout=30, message="the second pause")
            assert client.crowded_wait == 2 * 1.0
            assert caplog.text.count("too_many_websockets") == 1
        finally:
            closed(slack, client)


@pytest.mark.parametrize("failure", ["apps.connections.open 503", "socket refused"])
def test_a_failed_move_to_a_new_socket_backs_off(failure: str, caplog: pytest.LogCaptureFixture) -> None:
    """Slack's refresh_requested leaves the old socket open while the app moves: a failed move used
    to find it up, take the error for one of that socket's and not back off (the next attempt
    came at the next ping, with no word of what to check)."""
    caplog.set_level(logging.INFO, "bot.serve")
    with LocalSlack() as slack:
        client = local_socket_client(slack, 1.0)
        try:
            client.connect()
            slack.wait_for_socket(timeout=10)
            opened = len(slack.calls_of("apps.connections.open"))
            if failure == "socket refused":
                slack.socket_host = "127.0.0.2"  # nobody listens there
            else:
                slack.inject("apps.connections.open", status=503, times=10**6)
            moved_after = time.monotonic()
            slack.disconnect_socket("refresh_requested", close=False)
            slack.wait_for(lambda: "could not open the Socket Mode connection" in caplog.text, timeout=30,
                           message="the warning of a failed attempt")
            # Said of the move itself, which set the pause (before, only a next attempt did, if any).
            assert len(slack.calls_of("apps.connections.open")) == opened + 1
            assert client.retry_wait == 1.0 and client.resume_at >= moved_after + 1.0
        finally:
            closed(slack, client)


def test_no_proxy_entries_are_host_suffixes_as_the_operations_guide_says(monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/operations.md (Socket Mode through a proxy) tells IT staff how to write NO_PROXY."""
    from bot.serve import socket_mode_client

    monkeypatch.delenv("no_proxy", raising=False)
    proxy = "http://127.0.0.1:9"
    with LocalSlack() as slack:
        slack.socket_host = "wss-primary.slack.com"  # only named: nothing connects here
        client = socket_mode_client(app_token=slack.app_token, web_client=WebClient(base_url=slack.api_url),
                                    proxy=proxy)
        try:
            for no_proxy, around in ((".slack.com", True), ("slack.com", True), ("example.lg.jp, SLACK.COM", True),
                                     ("wss-primary.slack.com", True), ("*", True), ("*.slack.com", False),
                                     ("52.0.0.0/8", False), ("slack.com:443", False), ("notslack.com", False)):
                monkeypatch.setenv("NO_PROXY", no_proxy)
                client.issue_new_wss_url()
                assert client.proxy == (None if around else proxy), no_proxy
        finally:
            client.close()
