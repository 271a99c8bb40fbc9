"""The bot wired to the bundled local Slack server: used by ``kessai demo`` and the end-to-end tests."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.app import Runtime, build_runtime
from bot.config import OrgConfig, Settings
from bot.sandbox.driver import SlackDriver
from bot.sandbox.server import LocalSlack
from bot.web import HttpServer, wsgi_app
from storage.db import utcnow


@dataclass
class LocalStack:
    slack: LocalSlack
    rt: Runtime
    server: HttpServer
    driver: SlackDriver
    signing_secret: str

    @property
    def bot_url(self) -> str:
        return f"http://127.0.0.1:{self.server.port}/slack/events"

    def deliver(self) -> int:
        """Deliver the outbox now (the background worker does the same on its own)."""
        return self.rt.gateway.deliver_due()

    def stop(self) -> None:
        self.server.stop()
        self.rt.stop()
        self.slack.stop()

    def __enter__(self) -> LocalStack:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.stop()


def slack_users(org: OrgConfig) -> dict[str, dict[str, Any]]:
    return {m.slack_id: {"name": m.slack_id.lower(), "real_name": m.name} for m in org.members}


def start_local_stack(org: OrgConfig, database_url: str, *, tz: str = "Asia/Tokyo",
                      start_gateway: bool = True, slack: LocalSlack | None = None,
                      clock: Callable[[], datetime] = utcnow, slack_timeout: float = 10.0,
                      monotonic: Callable[[], float] | None = None) -> LocalStack:
    token = "xoxb-local-" + secrets.token_hex(8)
    signing_secret = secrets.token_hex(16)
    if slack is None:
        slack = LocalSlack(token=token, users=slack_users(org)).start()
    else:
        token = slack.token
    settings = Settings(slack_bot_token=token, slack_signing_secret=signing_secret, slack_api_url=slack.api_url,
                        database_url=database_url, tz=tz, port=0)
    rt = build_runtime(settings, org, start_gateway=start_gateway, clock=clock, slack_timeout=slack_timeout,
                       monotonic=monotonic)
    server = HttpServer(wsgi_app(rt), "127.0.0.1", 0)
    server.start()
    driver = SlackDriver(f"http://127.0.0.1:{server.port}/slack/events", signing_secret, slack=slack)
    return LocalStack(slack=slack, rt=rt, server=server, driver=driver, signing_secret=signing_secret)
