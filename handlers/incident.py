"""Incident listeners: ``/kessai incident``, ``/kessai password-rotated``, the alert's buttons,
its checklist and the two modals. Translation only; the rules live in bot/incidents.py."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import errors
from bot import incidents as inc
from bot.incidents import IncidentService
from bot.services import Kessai
from handlers.commands import SubcommandCall, register_subcommand
from handlers.payloads import (
    field,
    open_view,
    refuse_form,
    selected,
    submission_key,
    tell,
    user_id,
    view_values,
)

log = logging.getLogger(__name__)


def register(app: App, kessai: Kessai) -> None:
    service = IncidentService(kessai)

    def incident_command(call: SubcommandCall) -> None:
        call.open_modal(service.report_modal(call.user, initial_account=call.args.strip() or None))

    def password_rotated_command(call: SubcommandCall) -> None:
        call.reply(service.record_password_rotation(call.args, call.user))

    register_subcommand("incident", incident_command, usage="/kessai incident [アカウント]",
                        help_ja="炎上・なりすまし・パスワード漏えい・誤投稿などを報告し、運用を統括する部署と運用管理責任者に通知します。")
    register_subcommand("password-rotated", password_rotated_command, usage="/kessai password-rotated アカウント",
                        help_ja="アカウントのパスワードを変更したことを記録します（定期変更のリマインダーの起点になります）。")

    @app.view(inc.REPORT_CALLBACK)
    def report_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values = view_values(view)
        kind = selected(field(values, inc.KIND_BLOCK, inc.KIND_ACTION))
        account = selected(field(values, inc.ACCOUNT_BLOCK, inc.ACCOUNT_ACTION))
        text = field(values, inc.DESCRIPTION_BLOCK, inc.DESCRIPTION_ACTION).get("value") or ""
        problems = {}
        if kind not in inc.KINDS:
            problems[inc.KIND_BLOCK] = "インシデントの種類を選んでください。"
        if not isinstance(account, str) or not account:
            problems[inc.ACCOUNT_BLOCK] = "アカウントを選んでください（特定のアカウントでなければ「特定のアカウントではない」）。"
        if not str(text).strip():
            problems[inc.DESCRIPTION_BLOCK] = "何が起きているかを入力してください。"
        if problems:
            refuse_form(ack, problems)
            return
        try:
            service.report(kind=str(kind), account_id=None if account == inc.NO_ACCOUNT else str(account),
                           description=str(text), reporter=user_id(body), submission=submission_key(view))
        except inc.UnknownAccount as e:
            refuse_form(ack, {inc.ACCOUNT_BLOCK: e.message_ja})
            return
        except errors.KessaiError as e:
            refuse_form(ack, {inc.DESCRIPTION_BLOCK: e.message_ja})
            return
        ack()

    @app.action(inc.ACK_ACTION)
    def ack_incident(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: Any) -> None:
        ack()
        try:
            service.ack(inc.parse_incident_ref(action.get("value")), user_id(body))
        except errors.KessaiError as e:
            tell(kessai, body, context, e.message_ja)

    @app.action(inc.RESOLVE_ACTION)
    def resolve_clicked(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                        context: Any) -> None:
        ack()
        try:
            incident = service.check_can_resolve(inc.parse_incident_ref(action.get("value")), user_id(body))
        except errors.KessaiError as e:
            tell(kessai, body, context, e.message_ja)
            return
        if (unopened := open_view(client, body.get("trigger_id"), service.resolve_modal(incident))) is not None:
            tell(kessai, body, context, unopened)

    @app.view(inc.RESOLVE_CALLBACK)
    def resolve_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values = view_values(view)
        summary = field(values, inc.SUMMARY_BLOCK, inc.SUMMARY_ACTION).get("value") or ""
        if not str(summary).strip():
            refuse_form(ack, {inc.SUMMARY_BLOCK: "どのように解決したかを入力してください。"})
            return
        try:
            service.resolve(inc.parse_incident_ref(view.get("private_metadata")), user_id(body), str(summary),
                            submission=submission_key(view))
        except errors.KessaiError as e:
            refuse_form(ack, {inc.SUMMARY_BLOCK: e.message_ja})
            return
        ack()

    @app.action(inc.CHECKLIST_ACTION)
    def checklist_changed(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: Any) -> None:
        ack()
        block = str(action.get("block_id") or "")
        prefix, _, ref = block.partition(":")
        done = option_values(action.get("selected_options"))
        try:
            if prefix != "incident_checklist":
                raise inc.UnknownIncident()
            service.set_checklist(inc.parse_incident_ref(ref), user_id(body), done, seen=shown_ticked(body, block))
        except errors.KessaiError as e:
            tell(kessai, body, context, e.message_ja)


def option_values(options: Any) -> list[str]:
    return [str(o.get("value")) for o in options if isinstance(o, dict)] if isinstance(options, list) else []


def shown_ticked(body: dict[str, Any], block_id: str) -> list[str] | None:
    """The checklist items the clicker's copy of the alert showed ticked before the click (Slack
    sends that message, as drawn, with the click); None when the payload does not show it."""
    message = body.get("message")
    blocks = message.get("blocks") if isinstance(message, dict) else None
    for b in blocks if isinstance(blocks, list) else []:
        if not isinstance(b, dict) or b.get("block_id") != block_id:
            continue
        for el in b.get("elements") or []:
            if isinstance(el, dict) and el.get("action_id") == inc.CHECKLIST_ACTION:
                return option_values(el.get("initial_options"))
    return None
