"""Registered last: what nobody else handles — buttons and views of an older version of the app,
events and shortcuts the app was subscribed to once, other slash commands.

Slack counts any answer but 2xx as a failed delivery, retries it, and turns off an app's event
subscriptions after enough failures, so these are acknowledged (and logged) rather than left to
bolt's 404."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import Ack, App

from bot import render
from bot.services import Kessai
from handlers.payloads import tell, view_values

log = logging.getLogger(__name__)

# Slack sends these only to an app subscribed to them (manifest.yaml): the bot can no longer act,
# and IT must know.
LOST_ACCESS_EVENTS = frozenset({"tokens_revoked", "app_uninstalled"})
OTHER_COMMAND_JA = "このコマンドには kessai は対応していません。kessai のコマンドは `/kessai help` で確認できます。"
STALE_SHORTCUT_JA = ("このショートカットは現在の kessai では使えません。下書きは、メッセージのメニュー（︙）の「決裁に回す」か "
                     "`/kessai draft` で提出できます。コマンドの一覧は `/kessai help` で確認できます。")
STALE_BUTTON_JA = "このボタンは現在は使えません。メッセージが古い可能性があります。最新のメッセージから操作してください。"


def typed_values(view: dict[str, Any]) -> list[str]:
    """The texts typed into a submitted form's text inputs, in the form's order."""
    out = []
    for block in view_values(view).values():
        for entry in block.values() if isinstance(block, dict) else ():
            if isinstance(entry, dict) and isinstance(entry.get("value"), str):
                out.append(entry["value"])
    return out


def register(app: App, kessai: Kessai, *, response_url_prefixes: tuple[str, ...]) -> None:
    @app.action(re.compile(".*"))
    def unknown_action(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: Any) -> None:
        ack()
        log.info("unknown action %r", str(action.get("action_id"))[:80])
        tell(kessai, body, {"response_url_prefixes": response_url_prefixes, **context}, STALE_BUTTON_JA)

    @app.view(re.compile(".*"))
    def unknown_view(ack: Ack, view: dict[str, Any]) -> None:
        log.info("unknown view submission %r", str(view.get("callback_id"))[:80])
        # Closing it ("clear") threw away what was typed (a whole draft, say) without a word.
        ack(response_action="update", view=render.stale_form_view(typed_values(view)))

    @app.event(re.compile(".*"))
    def other_event(event: dict[str, Any]) -> None:
        kind = str(event.get("type"))[:80]
        if kind in LOST_ACCESS_EVENTS:
            tokens = event.get("tokens")
            bots = tokens.get("bot") if isinstance(tokens, dict) else None
            kessai.slack_access_lost(kind, [str(b) for b in bots] if isinstance(bots, list) else [])
        else:
            log.info("ignored a %r event", kind)

    @app.shortcut(re.compile(".*"))
    def unknown_shortcut(ack: Ack, body: dict[str, Any], context: Any) -> None:
        ack()
        log.info("unknown shortcut %r", str(body.get("callback_id"))[:80])
        # Slack shows nothing for a shortcut answered with an empty ack: the person would wait,
        # try again, and conclude kessai is broken.
        tell(kessai, body, {"response_url_prefixes": response_url_prefixes, **context}, STALE_SHORTCUT_JA)

    @app.view_closed(re.compile(".*"))
    def view_closed(ack: Ack) -> None:
        ack()

    @app.options(re.compile(".*"))
    def no_options(ack: Ack) -> None:
        ack(options=[])

    @app.command(re.compile(".*"))
    def other_command(ack: Ack, command: dict[str, Any]) -> None:
        log.info("unknown slash command %r", str(command.get("command"))[:40])
        ack(text=OTHER_COMMAND_JA, response_type="ephemeral")
