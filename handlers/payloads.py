"""Reading Slack interaction payloads: who clicked, what a modal holds, and answering privately."""

from __future__ import annotations

from typing import Any

from bot.services import Kessai
from handlers.middleware import safe_response_url


def user_id(body: dict[str, Any]) -> str:
    return str((body.get("user") or {}).get("id", ""))


def view_values(view: dict[str, Any]) -> dict[str, Any]:
    """``view.state.values`` of a submitted modal (empty when absent or malformed)."""
    v = (view.get("state") or {}).get("values") or {}
    return v if isinstance(v, dict) else {}


def field(values: dict[str, Any], block: str, action: str | None = None) -> dict[str, Any]:
    """One input's state; ``action`` defaults to the block id (our inputs use the same id for both)."""
    entry = (values.get(block) or {}).get(action or block) or {}
    return entry if isinstance(entry, dict) else {}


def selected(entry: dict[str, Any]) -> str | None:
    """The value of a select's chosen option."""
    opt = entry.get("selected_option")
    return str(opt.get("value")) if isinstance(opt, dict) and opt.get("value") is not None else None


def tell(kessai: Kessai, body: dict[str, Any], context: Any, text: str) -> None:
    """Answer the person who clicked, privately: through the response URL when Slack gave a safe
    one, else as an ephemeral message in the conversation the click came from."""
    url = safe_response_url(body, context.get("response_url_prefixes", ()))
    container = body.get("container") or {}
    channel = (body.get("channel") or {}).get("id") or container.get("channel_id")
    kessai.tell(text=text, response_url=url, channel=channel, user=user_id(body) or None)
