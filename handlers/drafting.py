"""/kessai draft and the 「決裁に回す」 shortcut (modal), 「修正する」 (the same modal, for the next
version), the account choice, 理由を付けて決裁依頼, and 「投稿済みにする」: translate the payloads,
call the services, answer in the modal or privately."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

from slack_bolt import Ack, App
from slack_sdk import WebClient

from bot import drafting, errors, render
from bot.services import Kessai
from handlers.approval import parse_version_ref
from handlers.intake import attached_files
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
from handlers.slack_text import custom_emoji_in, shared_message, typed_text

log = logging.getLogger(__name__)

NO_ACCOUNT_JA = ("あなたはどのアカウントの運用担当者としても登録されていないため、下書きを提出できません。"
                 "登録が必要な場合は、システム管理者（IT 担当）にご相談ください。")


def draft_modal_for(kessai: Kessai, user: str, *, text: str, source: str, files_left_out: int = 0,
                    custom_emoji: tuple[str, ...] = ()) -> dict[str, Any]:
    """The draft form for ``user`` (refused when they operate no account). ``custom_emoji``: those
    of the message the shortcut was picked on (see ``form_metadata``)."""
    accounts = kessai.accounts_for_form(user)
    if not accounts:
        raise errors.NotYourDraft(NO_ACCOUNT_JA)
    choices = render.account_choices([(a.id, a.name, a.platform) for a in accounts])
    return render.draft_modal(choices, text=text, metadata=form_metadata(source, custom_emoji),
                              files_left_out=files_left_out, tz=str(kessai.tz))


_METADATA_LIMIT = 3000  # Slack's, for a view's private_metadata


def form_metadata(source: str, custom_emoji: tuple[str, ...]) -> str:
    """The draft form's private_metadata: its source, then the names of the custom emoji of the
    message 「決裁に回す」 was picked on. The form's text field holds them as 「:お知らせ:」 like any
    typed letters, and only the message's blocks said they were emoji (CheckContext.custom_emoji).
    Names that do not fit Slack's limit are left out (not checked), never cut in the middle."""
    names = list(custom_emoji)
    while names:
        metadata = f"{source}\n{json.dumps(names, ensure_ascii=False)}"
        if len(metadata) <= _METADATA_LIMIT:
            return metadata
        names.pop()
    return source


def read_form_metadata(metadata: Any) -> tuple[str, tuple[str, ...]]:
    """``form_metadata`` read back: (source, custom emoji names). A form opened before the names
    were kept has its source alone."""
    source, _, listed = (metadata if isinstance(metadata, str) else "").partition("\n")
    try:
        names = json.loads(listed) if listed else []
    except ValueError:
        names = []
    if not isinstance(names, list):
        names = []
    return source, tuple(n for n in names if isinstance(n, str) and n)


def _str(v: Any) -> str | None:
    return v if isinstance(v, str) and v != "" else None


def draft_input(values: dict[str, Any]) -> drafting.DraftInput:
    consent = field(values, render.F_CONSENT).get("selected_options") or []
    return drafting.DraftInput(
        account_id=selected(field(values, render.F_ACCOUNT)),
        text=_str(field(values, render.F_TEXT).get("value")),
        date=_str(field(values, render.F_DATE).get("selected_date")),
        time=_str(field(values, render.F_TIME).get("selected_time")),
        category=selected(field(values, render.F_CATEGORY)),
        image_count=selected(field(values, render.F_IMAGES)),
        alt_texts=_str(field(values, render.F_ALTS).get("value")),
        portrait_consent=any(isinstance(o, dict) and o.get("value") == "yes" for o in consent),
        note=_str(field(values, render.F_NOTE).get("value")),
    )


def open_form(kessai: Kessai, body: dict[str, Any], action: dict[str, Any], client: WebClient, context: Any,
              build: Callable[[int, int, str, str | None], dict[str, Any]]) -> None:
    """A button about one version of a draft that opens a form: ``build(draft, version, user,
    shown_hash)`` checks the clicker may (a refusal is told to them privately) and returns the modal."""
    try:
        draft_id, version, shown = parse_version_ref(action.get("value"))
        view = build(draft_id, version, user_id(body), shown)
    except errors.KessaiError as e:
        tell(kessai, body, context, e.message_ja)
        return
    if (unopened := open_view(client, body.get("trigger_id"), view)) is not None:
        tell(kessai, body, context, unopened)


def register(app: App, kessai: Kessai) -> None:
    @app.shortcut(render.SHORTCUT_CALLBACK)
    def submit_as_draft(ack: Ack, body: dict[str, Any], client: WebClient, context: Any) -> None:
        ack()
        message = body.get("message") or {}
        # On a forward, what is meant for the post is the forwarded message, not the comment.
        meant = shared_message(message) or message
        text = typed_text(meant, kessai.name_of, kessai.channel_name_of)
        channel = body.get("channel")
        channel_id = str(channel.get("id") or "") if isinstance(channel, dict) else ""
        try:
            kessai.check_not_a_draft(channel_id, str(body.get("message_ts") or message.get("ts") or ""))
            view = draft_modal_for(kessai, user_id(body), text=text, source="shortcut",
                                   files_left_out=len(attached_files(message)), custom_emoji=custom_emoji_in(meant))
        except errors.KessaiError as e:
            tell(kessai, body, context, e.message_ja)
            return
        if (unopened := open_view(client, body.get("trigger_id"), view)) is not None:
            tell(kessai, body, context, unopened)

    @app.view(render.DRAFT_CALLBACK)
    def draft_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        user = user_id(body)
        allowed = {a.id: a.name for a in kessai.accounts_for_form(user)}
        form, problems = drafting.validate(draft_input(view_values(view)), now=kessai.local(kessai.clock()),
                                           tz=str(kessai.tz), allowed_accounts=allowed)
        if form is None:
            refuse_form(ack, problems)
            return
        source, custom_emoji = read_form_metadata(view.get("private_metadata"))
        try:
            kessai.submit_form(form, user, source="shortcut" if source == "shortcut" else "modal",
                               submission=submission_key(view), custom_emoji=custom_emoji)
        except errors.KessaiError as e:
            refuse_form(ack, {render.F_TEXT: e.message_ja})
            return
        ack()

    @app.action(render.CHOOSE_ACCOUNT_ACTION)
    def account_chosen(ack: Ack, body: dict[str, Any], action: dict[str, Any], context: Any) -> None:
        ack()
        try:
            block = str(action.get("block_id") or "")
            prefix, _, draft = block.partition(":")
            if prefix != render.CHOOSE_ACCOUNT_ACTION or not (draft.isascii() and draft.isdecimal()) or len(draft) > 18:
                raise errors.UnknownDraft()
            account = selected(action) or ""
            kessai.choose_account(int(draft), account, user_id(body))
        except errors.KessaiError as e:
            tell(kessai, body, context, e.message_ja)

    @app.action(render.OVERRIDE_ACTION)
    def override_pressed(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                         context: Any) -> None:
        ack()
        open_form(kessai, body, action, client, context,
                  lambda d, v, user, shown: render.override_modal(kessai.check_can_override(d, v, user, shown_hash=shown)))

    @app.view(render.OVERRIDE_CALLBACK)
    def override_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        reason = _str(field(view_values(view), render.OVERRIDE_BLOCK, render.OVERRIDE_INPUT).get("value")) or ""
        try:
            draft_id, version, shown = parse_version_ref(view.get("private_metadata"))
            kessai.override(draft_id, version, user_id(body), reason, submission=submission_key(view), shown_hash=shown)
        except errors.KessaiError as e:
            refuse_form(ack, {render.OVERRIDE_BLOCK: e.message_ja})
            return
        ack()

    @app.action(render.REVISE_ACTION)
    def revise_pressed(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                       context: Any) -> None:
        ack()

        def form(draft_id: int, version: int, user: str, shown: str | None) -> dict[str, Any]:
            view, account = kessai.check_can_revise(draft_id, version, user, shown_hash=shown)
            return render.draft_modal([(account.id, account.name)], revising=view, tz=str(kessai.tz),
                                      metadata=render.version_ref(draft_id, version, view.content_hash))

        open_form(kessai, body, action, client, context, form)

    @app.view(render.REVISE_CALLBACK)
    def revision_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        user = user_id(body)
        submission = submission_key(view)
        try:
            draft_id, version, shown = parse_version_ref(view.get("private_metadata"))
            # Sent again after the first press was recorded (its answer lost): the draft is a
            # version on, and the checks below would refuse this form as showing an old one.
            if kessai.submission_recorded(submission):
                ack(response_action="update", view=render.revision_recorded_view(version + 1))
                return
            _, account = kessai.check_can_revise(draft_id, version, user, shown_hash=shown)
        except errors.KessaiError as e:
            refuse_form(ack, {render.F_TEXT: e.message_ja})
            return
        form, problems = drafting.validate(draft_input(view_values(view)), now=kessai.local(kessai.clock()),
                                           tz=str(kessai.tz), allowed_accounts={account.id: account.name})
        if form is None:
            refuse_form(ack, problems)
            return
        try:
            outcome = kessai.revise(draft_id, version, user, form, shown_hash=shown, submission=submission)
        except errors.KessaiError as e:
            refuse_form(ack, {render.F_TEXT: e.message_ja})
            return
        if outcome.kind == "duplicate":  # both presses passed the check before the first was recorded
            ack(response_action="update", view=render.revision_recorded_view(version + 1))
            return
        ack()

    @app.action(render.PUBLISH_ACTION)
    def publish_pressed(ack: Ack, body: dict[str, Any], action: dict[str, Any], client: WebClient,
                        context: Any) -> None:
        ack()

        def form(draft_id: int, version: int, user: str, shown: str | None) -> dict[str, Any]:
            view, account_url = kessai.check_can_publish(draft_id, version, user, shown_hash=shown)
            return render.publish_modal(view, account_url, kessai.local(kessai.clock()))

        open_form(kessai, body, action, client, context, form)

    @app.view(render.PUBLISH_CALLBACK)
    def publish_submitted(ack: Ack, body: dict[str, Any], view: dict[str, Any]) -> None:
        values = view_values(view)
        url = _str(field(values, render.P_URL).get("value")) or ""
        day = _str(field(values, render.P_DATE).get("selected_date"))
        clock = _str(field(values, render.P_TIME).get("selected_time"))
        try:
            at = datetime.combine(date.fromisoformat(day or ""), time.fromisoformat(clock or ""), kessai.tz)
        except ValueError:
            refuse_form(ack, {render.P_DATE: "投稿した日時をカレンダーと時刻の一覧から選んでください。"})
            return
        try:
            draft_id, version, shown = parse_version_ref(view.get("private_metadata"))
            kessai.publish(draft_id, version, user_id(body), url=url, at=at, submission=submission_key(view),
                           shown_hash=shown)
        except errors.InvalidInput as e:
            block = render.P_DATE if e.field == "when" else render.P_URL
            refuse_form(ack, {block: e.message_ja})
            return
        except errors.KessaiError as e:
            refuse_form(ack, {render.P_URL: e.message_ja})
            return
        ack()
