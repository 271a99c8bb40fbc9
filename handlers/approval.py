"""承認 / 差戻し buttons and the rejection modal."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import errors, render
from bot.services import Kessai
from handlers.payloads import (
    field,
    open_view,
    refuse_form,
    submission_key,
    tell,
    user_id,
    view_values,
)

log = logging.getLogger(__name__)


def parse_ref(value: Any) -> tuple[int, int]:
    """``"<draft id>:<version>"`` from a button value or modal metadata; anything else is refused."""
    if not isinstance(value, str) or len(value) > 40:
        raise errors.UnknownDraft()
    draft, _, version = value.partition(":")
    if not (draft.isdecimal() and version.isdecimal() and draft.isascii() and version.isascii()):
        raise errors.UnknownDraft()
    return int(draft), int(version)


def parse_version_ref(value: Any) -> tuple[int, int, str | None]:
    """``"<draft id>:<version>[:<content hash prefix>]"`` (``render.version_ref``) from a button or a
    form about one version of a draft; buttons sent before the hash was added carry only the first two."""
    if not isinstance(value, str) or len(value) > 60:
        raise errors.UnknownDraft()
    ref, _, shown = value.rpartition(":")
    if ref.count(":") != 1:
        ref, shown = value, ""
    elif not (shown and shown.isascii() and all(c in "0123456789abcdef" for c in shown)):
        raise errors.UnknownDraft()
    draft_id, version = parse_ref(ref)
    return draft_id, version, shown or None


def register(app: App, kessai: Kessai) -> None:
    @app.action("approve_draft")
    def approve(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: Any) -> None:
        ack()
        user = user_id(body)
        try:
            draft_id, version, shown = parse_version_ref(action.get("value"))
            kessai.decide(draft_id, version, user, approve=True, shown_hash=shown)
        except errors.KessaiError as e:
            tell(kessai, body, context, e.message_ja)

    @app.action("reject_draft")
    def reject(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: Any) -> None:
        ack()
        user = user_id(body)
        try:
            draft_id, version, shown = parse_version_ref(action.get("value"))
            view = kessai.check_can_decide(draft_id, version, user, shown_hash=shown)
        except errors.KessaiError as e:
            tell(kessai, body, context, e.message_ja)
            return
        if (unopened := open_view(client, body.get("trigger_id"), render.reject_modal(draft_id, version, view))) is not None:
            tell(kessai, body, context, unopened)

    @app.view(render.REJECT_CALLBACK)
    def reject_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        user = user_id(body)
        values = view_values(view)
        text = str(field(values, render.REJECT_REASON_BLOCK, render.REJECT_REASON_ACTION).get("value") or "")
        chosen = field(values, render.REJECT_PRESET_BLOCK, render.REJECT_PRESET_ACTION).get("selected_options") or []
        presets = [str(o.get("value")) for o in chosen if isinstance(o, dict)]
        reason = render.compose_reject_reason(presets, text)
        if not reason:  # a ticked よくある理由 is a reason; a phone user need not type one as well
            refuse_form(ack, {render.REJECT_REASON_BLOCK: "よくある理由を選ぶか、差戻しの理由を入力してください。"})
            return
        try:
            draft_id, version, shown = parse_version_ref(view.get("private_metadata"))
            kessai.decide(draft_id, version, user, approve=False, reason=reason, submission=submission_key(view),
                          shown_hash=shown)
        except errors.KessaiError as e:
            # Refusals are written for mrkdwn (names escaped); a form's error is plain text.
            refuse_form(ack, {render.REJECT_REASON_BLOCK: e.message_ja})
            return
        ack()
