"""Channel messages: new drafts and edits of drafts."""

from __future__ import annotations

import logging
from typing import Any

from slack_bolt import App

from bot.attachments import AttachedFile
from bot.services import IncomingMessage, Kessai
from bot.workflow import slack_time_or_none
from handlers.commands import reads_as_command
from handlers.slack_text import (
    addressed_to,
    attachment_text,
    custom_emoji_in,
    has_text,
    shared_message,
    typed_text,
)

log = logging.getLogger(__name__)

# What a person writes: a plain message, one with files attached (a draft with its images), or one
# posted with 「/me」 (SPEC 4.1: an operator's message is a draft, and /me is not among the
# exceptions; ignoring it lost a draft written that way without a word). Every other subtype is
# Slack or an app speaking (joins, topic changes, huddles, bots, thread broadcasts, …), and Slack
# keeps adding them, so only these can be drafts.
DRAFT_SUBTYPES = frozenset({None, "file_share", "me_message"})
# Slackbot posts as a user, without bot_id or a subtype: a channel reminder set with /remind
# (「Reminder: 今週の投稿予定を確認」) arrives as its message. It was answered as a person who is no
# operator, by an ephemeral Slack refuses for Slackbot, logged as an ERROR at every reminder.
SLACKBOT = "USLACKBOT"


def event_key(body: dict[str, Any], event: dict[str, Any]) -> str:
    # event_id is the same on every retry of one delivery; fall back to the message identity.
    if body.get("event_id"):
        return f"event:{body['event_id']}"
    return f"msg:{event.get('channel')}:{event.get('ts')}:{event.get('subtype', '')}"


def _files_of(event: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    """The files of ``kind`` (``image``, ``video``: the first half of their MIME type) attached to a message."""
    files = event.get("files")
    if not isinstance(files, list):
        return []
    return [f for f in files if isinstance(f, dict) and str(f.get("mimetype") or "").startswith(f"{kind}/")]


def attached_images(event: dict[str, Any]) -> tuple[str, ...]:
    """The alt text (Slack's image description, "" when none) of each picture attached to a message:
    the 肖像権 and alt-text checks and the approver need to know that images go with the text."""
    return tuple(str(f.get("alt_txt") or "") for f in _files_of(event, "image"))


def attached_videos(event: dict[str, Any]) -> int:
    """How many videos are attached to a message: 上越市 5(3) asks consent for 映像 as for photos."""
    return len(_files_of(event, "video"))


def unchecked_files(event: dict[str, Any]) -> int:
    """How many files attached to a message the checks do not read (a PDF flyer, a spreadsheet, a
    file Slack Connect sends without its type): a file Slack no longer shows (deleted, or past a
    free workspace's limit) is not counted, nor are pictures and videos."""
    files = event.get("files")
    if not isinstance(files, list):
        return 0
    return sum(1 for f in files if isinstance(f, dict) and f.get("id")
               and f.get("mode") not in ("tombstone", "hidden_by_limit")
               and not str(f.get("mimetype") or "").startswith(("image/", "video/")))


# Slack's file modes for text a person wrote and sent as a file: a text snippet (what a long text
# becomes; docs.slack.dev/messaging/working-with-files shows one: mode "snippet", filetype "text")
# and a Post (the older long-form document). Their text is not in the message: ``files`` carries a
# ``preview`` of the first lines only (``preview_is_truncated``), and the whole text only comes
# from files.info, which needs the files:read scope kessai does not ask for (manifest.yaml).
TEXT_FILE_MODES = frozenset({"snippet", "post"})


def text_snippets(msg: dict[str, Any]) -> int:
    """How many text snippets (or Posts) are attached to a message: written text kessai cannot read.
    Counted by their mode alone: kessai never fetches a snippet, so one described without its id is
    as unread as any, and requiring the id let its comment through as the draft."""
    files = msg.get("files")
    if not isinstance(files, list):
        return 0
    return sum(1 for f in files if isinstance(f, dict) and _word(f.get("mode")) in TEXT_FILE_MODES)


def _word(value: object) -> str | None:
    """``value`` if it is a string, else None: a field looked up in a set of Slack's words is only
    ever a string from Slack, and a list or an object in its place (unhashable) failed the request."""
    return value if isinstance(value, str) else None


def attached_files(event: dict[str, Any]) -> tuple[AttachedFile, ...]:
    """Every file attached to a message, as Slack describes it, for the approver and the content
    hash: a deleted one (tombstone) is no longer part of the post; one Slack does not describe
    (Slack Connect's check_file_info, past a free plan's limit) is, by its id only."""
    files = event.get("files")
    if not isinstance(files, list):
        return ()
    out = []
    for f in files:
        if not isinstance(f, dict) or not isinstance(f.get("id"), str) or not f["id"] or f.get("mode") == "tombstone":
            continue
        size = f.get("size")
        link = f.get("permalink")
        out.append(AttachedFile(
            id=f["id"], name=str(f.get("name") or f.get("title") or ""), mimetype=str(f.get("mimetype") or ""),
            filetype=str(f.get("filetype") or ""), size=size if isinstance(size, int) and not isinstance(size, bool) else None,
            permalink=link if isinstance(link, str) and link else None))
    return tuple(out)


def edit_time(msg: dict[str, Any]) -> str | None:
    """Slack's time of an edit (``message.edited.ts``), None when the payload has none."""
    edited = msg.get("edited")
    ts = edited.get("ts") if isinstance(edited, dict) else None
    return ts if isinstance(ts, str) and ts else None


def change_time(event: dict[str, Any]) -> str | None:
    """Slack's time of a ``message_changed`` event (its ``ts``, as Slack's reference shows the event,
    else its ``event_ts``): new for each change of the message, an edit or not (a link's preview, a
    picture deleted), and kept by a retry. A value that does not read as Slack's time is skipped:
    stored as the draft's last change, it left every later change untimed."""
    for key in ("ts", "event_ts"):
        ts = event.get(key)
        if isinstance(ts, str) and slack_time_or_none(ts):
            return ts
    return None


def may_be_draft(event: dict[str, Any]) -> bool:
    """Whether the deleted message could have been a draft, as far as the deletion event tells:
    thread replies and bots' messages never are (and need not be remembered as deleted)."""
    prev = event.get("previous_message")
    if not isinstance(prev, dict):
        return True
    if prev.get("bot_id") or prev.get("subtype") == "bot_message":
        return False
    return prev.get("thread_ts") in (None, prev.get("ts"))


def _subtype(msg: dict[str, Any]) -> str | None:
    """A message's subtype, or "?" when it is not a string: an edited message's subtype is not
    checked before this (an event's own is), and a list there failed the request."""
    subtype = msg.get("subtype")
    return subtype if subtype is None or isinstance(subtype, str) else "?"


def is_person_message(msg: dict[str, Any]) -> bool:
    """A top-level message a person posted (thread replies are conversation about a draft)."""
    if _subtype(msg) not in DRAFT_SUBTYPES or msg.get("bot_id") or not msg.get("user") or not msg.get("ts") \
            or msg.get("user") == SLACKBOT:
        return False
    return msg.get("thread_ts") in (None, msg.get("ts"))


def is_thread_reply(msg: dict[str, Any]) -> bool:
    """A person's reply in a thread (also sent to the channel or not), with text, pictures or videos in it."""
    if _subtype(msg) not in DRAFT_SUBTYPES | {"thread_broadcast"} or msg.get("bot_id") or not msg.get("user") \
            or msg.get("user") == SLACKBOT:
        return False
    thread_ts = msg.get("thread_ts")
    return isinstance(thread_ts, str) and bool(thread_ts) and thread_ts != msg.get("ts") and (
        has_text(msg) or bool(attached_images(msg)) or attached_videos(msg) > 0 or text_snippets(msg) > 0)


def is_written_message(msg: dict[str, Any]) -> bool:
    """A top-level message a person wrote, with something in it: what can be a draft. A message
    with neither text nor pictures nor videos (Slack sends some, e.g. for a call) has nothing to check."""
    if not is_person_message(msg):
        return False
    return has_text(msg) or bool(attached_images(msg)) or attached_videos(msg) > 0


def register(app: App, kessai: Kessai) -> None:
    @app.event("member_joined_channel")
    def on_member_joined(body: dict[str, Any], event: dict[str, Any]) -> None:
        # The bot's own: bolt passes this one on (not its channel_join message, a self event).
        if kessai.bot_user_id and event.get("user") == kessai.bot_user_id:
            kessai.bot_joined(str(event.get("channel", "")), event_key(body, event))

    @app.event("message")
    def on_message(body: dict[str, Any], event: dict[str, Any]) -> None:
        subtype = event.get("subtype")
        if subtype is not None and not isinstance(subtype, str):
            return  # not a shape Slack sends; answering 500 would only make it send it again
        if subtype == "message_changed":
            msg = event.get("message")
            if isinstance(msg, dict) and msg.get("subtype") == "tombstone":
                # A message with replies (every draft has the bot's) is not removed when deleted:
                # Slack leaves "This message was deleted." in its place and says so as an edit.
                kessai.receive_deletion(channel=str(event.get("channel", "")), ts=str(msg.get("ts", "")),
                                        event_key=event_key(body, event), may_be_draft=may_be_draft(event))
                return
            if isinstance(msg, dict) and shared_message(msg) is not None:
                log.debug("ignored an edit of a forwarded message (refused when it was posted)")
                return
            if not isinstance(msg, dict) or not is_written_message(msg):
                log.debug("ignored an edit of a %s message", msg.get("subtype") if isinstance(msg, dict) else "?")
                return
            if is_person_message(msg) and text_snippets(msg) > 0:
                # Refused when it was posted: its comment, edited, is still not the draft, and made
                # one it would ask the approver to approve a text that is in the snippet kessai
                # cannot read. An edit of the snippet itself changes the file, not the message.
                log.debug("ignored an edit of a message with a text snippet (refused when it was posted)")
                return
            text = typed_text(msg, kessai.name_of, kessai.channel_name_of)
            kessai.receive_edit(
                channel=str(event.get("channel", "")), ts=str(msg.get("ts", "")), user=str(msg.get("user", "")),
                text=text, event_key=event_key(body, event),
                image_alts=attached_images(msg), video_count=attached_videos(msg), files=attached_files(msg),
                edited_ts=edit_time(msg), changed_ts=change_time(event),
                custom_emoji=custom_emoji_in(msg),
                to_bot=addressed_to(msg, kessai.bot_user_id), typed_command=reads_as_command(text),
            )
            return
        if subtype in ("channel_archive", "group_archive"):  # group_archive: a private channel's
            kessai.intake_channel_archived(str(event.get("channel", "")), str(event.get("user", "")),
                                           event_key(body, event))
            return
        if subtype == "message_deleted":
            # Deleting a draft's message takes the draft back (取り下げ); other deletions are no news.
            deleted = event.get("deleted_ts")
            if isinstance(deleted, str) and deleted:
                kessai.receive_deletion(channel=str(event.get("channel", "")), ts=deleted,
                                        event_key=event_key(body, event), may_be_draft=may_be_draft(event))
            return
        if is_thread_reply(event):
            kessai.receive_thread_reply(channel=str(event.get("channel", "")), thread_ts=str(event["thread_ts"]),
                                        user=str(event["user"]), text=typed_text(event, kessai.name_of, kessai.channel_name_of),
                                        event_key=event_key(body, event),
                                        media=len(attached_images(event)) + attached_videos(event),
                                        snippets=text_snippets(event))
            return
        # A forward (Slack's 「転送」) is refused with an explanation, with a comment or without: the
        # comment is not the post, and the forwarded message is not text its operator typed here.
        forwarded = is_person_message(event) and shared_message(event) is not None
        # A draft sent as a text snippet (what Slack makes of a long text), with a comment or
        # without: refused with the way to send it, every time. Taken as files alone it got a
        # note about 「PDF など」 once a week and nothing after; with a comment, the comment went
        # to the approver as the draft and the text to publish was never checked.
        snippet = not forwarded and is_person_message(event) and text_snippets(event) > 0
        # Only a file the checks do not read, and nothing written: a reference document shared in
        # the channel, or a flyer its sender expects to be checked; the sender is told how to
        # send a draft (once in a while, not for every file: see Kessai.receive_message).
        files_only = not forwarded and not snippet and is_person_message(event) and not is_written_message(event) \
            and unchecked_files(event) > 0
        # Only text an app framed (legacy attachments): told as a file alone is, not ignored.
        attachments_only = not forwarded and not snippet and not files_only and is_person_message(event) \
            and not is_written_message(event) and attachment_text(event)
        if not (forwarded or snippet or files_only or attachments_only or is_written_message(event)):
            log.debug("ignored a %s message", subtype or "plain")
            return
        text = typed_text(event, kessai.name_of, kessai.channel_name_of)
        kessai.receive_message(
            IncomingMessage(channel=str(event.get("channel", "")), user=str(event["user"]), ts=str(event.get("ts", "")),
                            text=text, event_key=event_key(body, event),
                            image_alts=attached_images(event), video_count=attached_videos(event),
                            files=attached_files(event), custom_emoji=custom_emoji_in(event),
                            forwarded=forwarded, snippet=snippet, files_only=files_only,
                            attachments_only=attachments_only,
                            to_bot=addressed_to(event, kessai.bot_user_id),
                            typed_command=reads_as_command(text))
        )
