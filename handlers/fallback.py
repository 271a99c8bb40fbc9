"""Registered last: buttons and views nobody else handles (e.g. from an older version of the app)."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App

from bot.services import Kessai
from handlers.payloads import tell

log = logging.getLogger(__name__)

STALE_BUTTON_JA = "このボタンは現在は使えません。メッセージが古い可能性があります。最新のメッセージから操作してください。"


def register(app: App, kessai: Kessai, *, response_url_prefixes: tuple[str, ...]) -> None:
    @app.action(re.compile(".*"))
    def unknown_action(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: Any) -> None:
        ack()
        log.info("unknown action %r", str(action.get("action_id"))[:80])
        tell(kessai, body, {"response_url_prefixes": response_url_prefixes, **context}, STALE_BUTTON_JA)

    @app.view(re.compile(".*"))
    def unknown_view(ack: Ack, view: dict[str, Any]) -> None:
        log.info("unknown view submission %r", str(view.get("callback_id"))[:80])
        ack(response_action="clear")
