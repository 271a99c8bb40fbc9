"""Run the real ``kessai serve`` as a child process, to kill it, restart it, or run two of it."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from bot.sandbox.driver import SlackDriver
from bot.sandbox.server import LocalSlack

REPO = Path(__file__).resolve().parents[2]
DEMO_TOML = REPO / "bot" / "data" / "demo.toml"
SIGNING_SECRET = "serve-process-signing-secret-0123456789"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def refusing_port() -> Iterator[int]:
    """A port where connections are refused for as long as the block lasts: bound, not listening.
    A port closed again before the call (free_port) is anyone's: any process binding port 0
    meanwhile (under pytest-xdist the other worker does so all the time) may be given it, and the
    connection that was to be refused was then accepted."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        yield int(s.getsockname()[1])


class _PortTaken(Exception):
    """serve found the port free_port() chose taken by the time it bound it."""


# Every process started, so that the test session can stop whatever a failing test left behind.
STARTED: list[ServeProcess] = []


class ServeProcess:
    def __init__(self, slack: LocalSlack, database_url: str, workdir: Path, *, name: str = "serve",
                 extra_env: dict[str, str] | None = None, socket_ping_seconds: float | None = None,
                 slack_timeout: float | None = None, presence_watch_seconds: float | None = None,
                 link_disabled_retry: float | None = None) -> None:
        self.slack = slack
        # Knobs of bot.serve set before serve starts. Socket Mode's ping interval
        # (SOCKET_PING_SECONDS, 5 s): a lost socket is noticed after three unanswered pings, which
        # a test waiting for it need not spend 15 s on. The Slack client's timeout
        # (SLACK_TIMEOUT_SECONDS, 10 s): a test where Slack hangs need not wait it out in full.
        # How often the serve's mark on PostgreSQL is looked at (storage.db.ServePresence.WATCH_SECONDS,
        # 10 s): a test of its retaking after the server dropped it need not wait for the next look.
        self.knobs = {name: value for name, value in (("bot.serve.SOCKET_PING_SECONDS", socket_ping_seconds),
                                                      ("bot.serve.SLACK_TIMEOUT_SECONDS", slack_timeout),
                                                      ("storage.db.ServePresence.WATCH_SECONDS", presence_watch_seconds),
                                                      ("bot.serve.LINK_DISABLED_RETRY_SECONDS", link_disabled_retry))
                      if value is not None}
        # free_port() only saw the port free: a port given by the test is kept as it is.
        self.port_chosen = "PORT" not in (extra_env or {})
        self.port = free_port()
        self.log_path = workdir / f"{name}-{self.port}.log"
        self.workdir = workdir
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))},
            "SLACK_BOT_TOKEN": slack.token,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": slack.api_url,
            "DATABASE_URL": database_url,
            "KESSAI_CONFIG": str(DEMO_TOML),
            "PORT": str(self.port),
            "PYTHONPATH": str(REPO),
            **(extra_env or {}),
        }
        self.proc: subprocess.Popen[bytes] | None = None
        self._connected_before = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"

    def driver(self, timeout: float = 10.0) -> SlackDriver:
        return SlackDriver(self.url, SIGNING_SECRET, slack=self.slack, timeout=timeout)

    def start(self, timeout: float = 60.0, *, wait_health: bool = True, wait_socket: bool = True) -> ServeProcess:
        """Start and wait until /healthz answers 200 (in Socket Mode: once the app's socket is up;
        ``wait_health=False``: only that; ``wait_socket=False``: not even that, for a socket that
        cannot open). A process that does not get there is killed: left
        running, it would keep claiming outbox rows in the shared test database for the tests
        that follow."""
        try:
            return self._start(timeout, wait_health=wait_health, wait_socket=wait_socket)
        except BaseException:
            self.stop()
            raise

    def _start(self, timeout: float, *, wait_health: bool, wait_socket: bool) -> ServeProcess:
        # free_port() closes the port it found free, and serve binds it a second or more later: any
        # process binding port 0 meanwhile (this suite opens many servers; other suites share the host)
        # can be given it. serve then stops at once (HTTP) or runs without /healthz (Socket Mode), and
        # says so: start it again on another port. A port the test chose is its business.
        for _ in range(4):
            try:
                return self._start_once(timeout, wait_health=wait_health, wait_socket=wait_socket)
            except _PortTaken:
                self.stop()
                # A Socket Mode process's connection must be gone before the next start counts them.
                self.slack.wait_for(lambda: self.slack.socket_connections <= self._connected_before, timeout=30,
                                    message="the socket of the serve stopped for its port")
                self.port = free_port()
                self.env["PORT"] = str(self.port)
        raise RuntimeError(f"kessai serve found its port taken four times:\n{self.log()}")

    def _port_taken(self, since: int) -> bool:
        """Whether serve said, after byte ``since`` of its log, that its port was taken."""
        if not self.port_chosen:
            return False
        with open(self.log_path, "rb") as f:
            f.seek(since)
            said = f.read().decode("utf-8", errors="replace")
        # serve's own words (bot.serve): the refusal in HTTP mode, the warning in Socket Mode.
        return (f"ポート {self.port} はほかのプログラムが使っている" in said
                or f"health check not started: port {self.port} unavailable" in said)

    def _start_once(self, timeout: float, *, wait_health: bool, wait_socket: bool) -> ServeProcess:
        log = open(self.log_path, "ab")  # noqa: SIM115 - closed with the process
        since = log.tell()
        connected = self._connected_before = self.slack.socket_connections  # other replicas' connections
        command = [sys.executable, "-m", "bot", "serve"]
        if self.knobs:
            knobs = "; ".join(f"{name} = {value!r}" for name, value in self.knobs.items())
            # The collector off for the imports too, as `kessai serve` has it (bot.cli.cmd_serve);
            # serve turns it back on before it serves.
            command = [sys.executable, "-c", "import gc; gc.disable(); "
                       f"import sys, bot.serve, bot.cli, storage.db; {knobs}; sys.exit(bot.cli.main(['serve']))"]
        self.proc = subprocess.Popen(command, cwd=self.workdir, env=self.env,
                                     stdout=log, stderr=subprocess.STDOUT)
        STARTED.append(self)
        if self.env.get("SLACK_APP_TOKEN"):
            if not wait_socket:
                return self
            try:
                self.slack.wait_for_socket(timeout, connections=connected + 1)
            except TimeoutError as e:
                raise RuntimeError(f"kessai serve did not connect in Socket Mode:\n{self.log()}") from e
            if not wait_health:
                return self
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if (self.proc.poll() is not None or self.env.get("SLACK_APP_TOKEN")) and self._port_taken(since):
                raise _PortTaken
            if self.proc.poll() is not None:
                raise RuntimeError(f"kessai serve exited with {self.proc.returncode}:\n{self.log()}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{self.port}/healthz", timeout=1) as r:
                    if r.status == 200:
                        return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError(f"kessai serve did not become healthy:\n{self.log()}")

    def kill(self) -> None:
        """SIGKILL: no cleanup, no flushing — a power cut as far as the process knows."""
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def terminate(self, timeout: float = 20.0) -> int:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGTERM)
        return self.proc.wait(timeout)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def stacks(self, timeout: float = 3.0) -> str:
        """Every thread's stack of a process still running (``kessai serve`` writes them to its log
        on SIGUSR1); "" when it has ended. For a test that gave up waiting on it: the log says what
        it last did, the stacks say what it is waiting for now."""
        if self.proc is None or self.proc.poll() is not None or not self.log_path.exists():
            return ""
        start = self.log_path.stat().st_size
        self.proc.send_signal(signal.SIGUSR1)
        # The dump is written by a C handler in one go per thread; done once the log stops growing.
        size, deadline = start, time.monotonic() + timeout
        while time.monotonic() < deadline:
            time.sleep(0.2)
            now = self.log_path.stat().st_size
            if now == size > start:
                break
            size = now
        with open(self.log_path, "rb") as f:
            f.seek(start)
            return f.read().decode("utf-8", errors="replace")
