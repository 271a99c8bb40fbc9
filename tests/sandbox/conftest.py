from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs

import pytest
from slack_sdk import WebClient
from slack_sdk.signature import SignatureVerifier

from bot.sandbox import LocalSlack, SlackDriver

SIGNING_SECRET = "sandbox-signing-secret"
USERS = {
    "U0OPERATOR": {"name": "takada", "real_name": "高田 太郎"},
    "U0MANAGER": {"name": "joetsu", "real_name": "上越 花子"},
}


@pytest.fixture
def slack() -> Iterator[LocalSlack]:
    with LocalSlack(users=USERS, channels={"C0INTAKE": "sns-intake", "C0ESCALATE": "escalation"}) as server:
        yield server


@pytest.fixture
def client(slack: LocalSlack) -> WebClient:
    return WebClient(token=slack.token, base_url=slack.api_url, timeout=5)


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    verified: bool

    @property
    def text(self) -> str:
        return self.body.decode("utf-8")

    def json(self) -> Any:
        return json.loads(self.body)

    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.text, keep_blank_values=True).items()}

    def payload(self) -> Any:
        return json.loads(self.form()["payload"])


@dataclass
class RecordingBot:
    """A stand-in endpoint that checks signatures with slack_sdk's own verifier, as bolt does."""

    url: str
    received: list[Received] = field(default_factory=list)
    reply_body: bytes = b""

    @property
    def last(self) -> Received:
        return self.received[-1]


@pytest.fixture
def bot() -> Iterator[RecordingBot]:
    verifier = SignatureVerifier(SIGNING_SECRET)
    recorder = RecordingBot(url="")

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # noqa: A002
            pass

        def do_POST(self) -> None:  # noqa: N802
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = {k.lower(): v for k, v in self.headers.items()}
            ok = verifier.is_valid_request(body, headers)
            recorder.received.append(Received(headers, body, ok))
            reply = recorder.reply_body if ok else b"invalid request"
            self.send_response(200 if ok else 401)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(reply)))
            self.end_headers()
            self.wfile.write(reply)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    recorder.url = f"http://127.0.0.1:{server.server_address[1]}/slack/events"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield recorder
    server.shutdown()
    server.server_close()


@pytest.fixture
def driver(slack: LocalSlack, bot: RecordingBot) -> SlackDriver:
    return SlackDriver(bot.url, SIGNING_SECRET, slack=slack, timeout=5)
