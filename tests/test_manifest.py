"""manifest.yaml subscribes to every event kessai acts on: Slack sends an event only to an app
subscribed to it, so a handler for an event missing here never runs (tokens_revoked and
app_uninstalled were handled, and documented for the IT 担当, but never subscribed)."""

from __future__ import annotations

import re
from pathlib import Path

from handlers.fallback import LOST_ACCESS_EVENTS

ROOT = Path(__file__).resolve().parent.parent


def bot_events() -> set[str]:
    text = (ROOT / "manifest.yaml").read_text(encoding="utf-8")
    section = text.split("bot_events:", 1)[1]
    events: set[str] = set()
    for line in section.splitlines()[1:]:
        m = re.match(r"\s+- ([a-z_.]+)", line)
        if not m:
            break
        events.add(m.group(1))
    return events


def test_every_handled_event_is_subscribed() -> None:
    handled = set(re.findall(r'@app\.event\("([a-z_]+)"\)', "".join(
        p.read_text(encoding="utf-8") for p in (ROOT / "handlers").glob("*.py"))))
    handled |= LOST_ACCESS_EVENTS
    # "message" arrives as message.channels (public) and message.groups (private intake channels).
    handled.discard("message")
    assert {"message.channels", "message.groups"} <= bot_events()
    assert handled - bot_events() == set()
