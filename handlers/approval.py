"""承認 / 差戻し buttons and the rejection modal."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import errors, render
from bot.services import Kessai
from handlers.middleware import safe_response_url

log = logging.getLogger(__name__)


def parse_ref(value: Any) -> tuple[int, int]:
    """``"<draft id>:<version>"`` from a button value or modal metadata; anything else is refused."""
    if not isinstance(value, str) or len(value) > 40:
        raise errors.UnknownDraft()
    draft, _, version = value.partition(":")
    if not (draft.isdecimal() and version.isdecimal() and draft.isascii() and version.isascii()):
        raise errors.UnknownDraft()
    return int(draft), int(version)


def tell(kessai: Kessai, body: dict[str, Any], context: Any, text: str) -> None:
    url = safe_response_url(body, context.get("response_url_prefixes", ()))
    channel = (body.get("channel") or body.get("container") or {}).get("id") or (body.get("container") or {}).get("channel_id")
    kessai.tell(text=text, response_url=url, channel=channel, user=(body.get("user") or {}).get("id"))


def register(app: App, kessai: Kessai) -> None:
    @app.action("approve_draft")
    def approve(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: Any) -> None:
        ack()
        user = (body.get("user") or {}).get("id", "")
        try:
            draft_id, version = parse_ref(action.get("value"))
            kessai.decide(draft_id, version, user, approve=True)
        except errors.KessaiError as e:
            tell(kessai, body, context, e.message_ja)

    @app.action("reject_draft")
    def reject(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: Any) -> None:
        ack()
        user = (body.get("user") or {}).get("id", "")
        try:
            draft_id, version = parse_ref(action.get("value"))
            view = kessai.check_can_decide(draft_id, version, user)
        except errors.KessaiError as e:
            tell(kessai, body, context, e.message_ja)
            return
        # views.open must use the trigger within 3 seconds, so it cannot wait in the outbox.
        client.views_open(trigger_id=body["trigger_id"], view=render.reject_modal(draft_id, version, view))

    @app.view(render.REJECT_CALLBACK)
    def reject_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        user = (body.get("user") or {}).get("id", "")
        values = (view.get("state") or {}).get("values") or {}
        text = ((values.get(render.REJECT_REASON_BLOCK) or {}).get(render.REJECT_REASON_ACTION) or {}).get("value") or ""
        selected = ((values.get(render.REJECT_PRESET_BLOCK) or {}).get(render.REJECT_PRESET_ACTION) or {}).get(
            "selected_options") or []
        presets = [str(o.get("value")) for o in selected if isinstance(o, dict)]
        if not text.strip():
            ack(response_action="errors", errors={render.REJECT_REASON_BLOCK: "差戻しの理由を入力してください。"})
            return
        try:
            draft_id, version = parse_ref(view.get("private_metadata"))
            kessai.decide(draft_id, version, user, approve=False,
                          reason=render.compose_reject_reason(presets, text))
        except errors.KessaiError as e:
            ack(response_action="errors", errors={render.REJECT_REASON_BLOCK: e.message_ja})
            return
        ack()
