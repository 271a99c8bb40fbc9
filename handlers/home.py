"""App Home."""

from __future__ import annotations

from typing import Any

from slack_bolt import App

from bot.services import Kessai


def register(app: App, kessai: Kessai) -> None:
    @app.event("app_home_opened")
    def home_opened(event: dict[str, Any]) -> None:
        if event.get("tab") not in (None, "home"):
            return
        kessai.publish_home(str(event.get("user", "")))
