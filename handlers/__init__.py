"""Thin Slack listeners: parse the payload, call a bot/ service, answer."""

from __future__ import annotations

from slack_bolt import App

from bot.services import Kessai
from handlers import approval, commands, drafting, home, incident, intake, middleware


def register_listeners(app: App, kessai: Kessai, *, team_id: str | None, response_url_prefixes: tuple[str, ...]) -> None:
    middleware.register(app, kessai, team_id=team_id, response_url_prefixes=response_url_prefixes)
    intake.register(app, kessai)
    approval.register(app, kessai)
    drafting.register(app, kessai)
    commands.register(app, kessai)
    home.register(app, kessai)
    incident.register(app, kessai)
