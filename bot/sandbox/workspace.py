"""The state of one sandbox workspace and the Web API methods that read and change it.

Nothing here knows about HTTP or threads: ``LocalSlack`` serialises every call under its lock,
so each method below sees a consistent workspace and may mutate it freely.
"""

from __future__ import annotations

import bisect
import secrets
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from bot.sandbox.blockkit import (
    MAX_BLOCKS_TEXT,
    MAX_MESSAGE_TEXT,
    block_errors,
    blocks_text_size,
    view_errors,
)
from bot.sandbox.records import Ephemeral, JsonDict, Message, ResponseUrl, View

# Real Slack keeps a response_url alive for 30 minutes and five uses.
RESPONSE_URL_TTL = 30 * 60
RESPONSE_URL_MAX_USES = 5


class ApiError(Exception):
    """A Slack ``ok: false`` answer; ``extra`` is merged into the response (e.g. ``errors``)."""

    def __init__(self, error: str, **extra: Any) -> None:
        super().__init__(error)
        self.error = error
        self.extra = extra


@dataclass(frozen=True)
class TimelineEntry:
    """Something a person in the workspace would have seen happen; the transcript's raw material."""

    kind: str  # message | update | delete | ephemeral | view | home | reaction | interaction
    channel: str | None
    user: str | None
    text: str
    blocks: list[JsonDict] = field(default_factory=list)
    ts: str | None = None
    thread_ts: str | None = None
    detail: str = ""


@dataclass
class _Trigger:
    user: str | None
    expires_at: float
    used: bool = False


def _flag(value: Any) -> bool:
    return value in (True, 1, "1", "true", "True")


class Workspace:
    """Channels, DMs, messages, views and the ids Slack would hand out for them."""

    def __init__(
        self,
        *,
        team_id: str,
        bot_user_id: str,
        bot_id: str,
        app_id: str,
        bot_name: str,
        users: Mapping[str, Mapping[str, Any]],
        channels: Mapping[str, str] | None,
        trigger_ttl: float,
        ts_clock: Callable[[], float],
        clock: Callable[[], float],
    ) -> None:
        self.team_id = team_id
        self.bot_user_id = bot_user_id
        self.bot_id = bot_id
        self.app_id = app_id
        self.bot_name = bot_name
        self.users = {uid: dict(info) for uid, info in users.items()}
        # When channels are configured the workspace is closed: posting elsewhere is channel_not_found,
        # which is how a misconfigured intake channel shows up in production.
        self.channels = dict(channels) if channels is not None else None
        self.trigger_ttl = trigger_ttl
        self._ts_clock = ts_clock
        self._clock = clock
        self.response_url_prefix = ""
        self.reset()

    def reset(self) -> None:
        self._last_ts_us = 0
        self._counter = 0
        self.messages: dict[str, list[Message]] = {}  # each channel's, oldest first
        # (channel, ts) → its messages: found without walking the channel, which a long demo or a
        # load run fills with thousands (posting slowed with every message before).
        self._by_ts: dict[tuple[str, str], list[Message]] = {}
        self.ephemerals: list[Ephemeral] = []
        self.dm_by_user: dict[str, str] = {}
        self.user_by_dm: dict[str, str] = {}
        self.triggers: dict[str, _Trigger] = {}
        self.views: dict[str, View] = {}
        self.homes: dict[str, str] = {}
        self.response_urls: dict[str, ResponseUrl] = {}
        self.response_url_uses: dict[str, int] = {}
        self.timeline: list[TimelineEntry] = []

    # ids -------------------------------------------------------------------------------------

    def next_ts(self) -> str:
        # Slack's ts doubles as the message id, so it must never repeat even within one microsecond.
        now_us = int(self._ts_clock() * 1_000_000)
        self._last_ts_us = max(now_us, self._last_ts_us + 1)
        seconds, micros = divmod(self._last_ts_us, 1_000_000)
        return f"{seconds}.{micros:06d}"

    def _next_id(self, prefix: str) -> str:
        self._counter += 1
        return f"{prefix}0SBX{self._counter:06d}"

    def dm_channel(self, user: str) -> str:
        if user not in self.dm_by_user:
            candidate = "D" + user[1:] if len(user) > 1 else self._next_id("D")
            if candidate in self.user_by_dm:
                candidate = self._next_id("D")
            self.dm_by_user[user] = candidate
            self.user_by_dm[candidate] = user
        return self.dm_by_user[user]

    def issue_trigger_id(self, user: str | None, ttl: float | None = None) -> str:
        trigger_id = f"{int(self._ts_clock())}.{self._counter + 1}.{secrets.token_hex(10)}"
        self._counter += 1
        self.triggers[trigger_id] = _Trigger(user, self._clock() + (self.trigger_ttl if ttl is None else ttl))
        return trigger_id

    def new_response_url(
        self, *, channel: str | None, user: str | None, message_ts: str | None
    ) -> ResponseUrl:
        url_id = secrets.token_hex(12)
        record = ResponseUrl(
            url_id, f"{self.response_url_prefix}{url_id}", channel, user, message_ts, self._clock()
        )
        self.response_urls[url_id] = record
        return record

    def user_name(self, user: str | None) -> str:
        if user is None:
            return "?"
        if user == self.bot_user_id:
            return self.bot_name
        info = self.users.get(user, {})
        return str(info.get("real_name") or info.get("name") or user)

    # lookups ---------------------------------------------------------------------------------

    def resolve_channel(self, channel: Any) -> str:
        """A postable channel id for a C/G/D id, ``#name``, or a user id (their DM)."""
        if not isinstance(channel, str) or not channel:
            raise ApiError("channel_not_found")
        if channel.startswith("#") and self.channels is not None:
            for channel_id, name in self.channels.items():
                if name == channel[1:]:
                    return channel_id
            raise ApiError("channel_not_found")
        if channel[0] in "UW":
            # Like Slack: a user id nobody in the workspace has is not a conversation.
            if self.users and channel not in self.users and channel != self.bot_user_id:
                raise ApiError("channel_not_found")
            if self.users.get(channel, {}).get("deleted"):
                raise ApiError("user_disabled")
            return self.dm_channel(channel)
        if channel[0] == "D":
            return channel
        if channel[0] in "CG":
            if self.channels is not None and channel not in self.channels:
                raise ApiError("channel_not_found")
            return channel
        raise ApiError("channel_not_found")

    def find(self, channel: str, ts: str) -> Message | None:
        for message in self._by_ts.get((channel, ts), ()):
            if not message.deleted:
                return message
        return None

    def channel_label(self, channel: str | None) -> str:
        if channel is None:
            return "?"
        if channel in self.user_by_dm:
            return f"DM {self.user_name(self.user_by_dm[channel])}"
        if self.channels and channel in self.channels:
            return f"#{self.channels[channel]}"
        return f"#{channel}"

    # state changes shared by the API and the driver -------------------------------------------

    def add_message(
        self,
        channel: str,
        *,
        user: str,
        text: str,
        blocks: list[JsonDict] | None = None,
        thread_ts: str | None = None,
        bot_id: str | None = None,
        ts: str | None = None,
        extra: JsonDict | None = None,
    ) -> Message:
        parent = self.find(channel, thread_ts) if thread_ts else None
        if thread_ts and parent is None and not any(m.reply_ts for m in self._by_ts.get((channel, thread_ts), ())):
            # A reply to a message deleted without replies (gone, no tombstone) is posted by Slack
            # as a message of the channel itself, and its answer carries no thread_ts (as bots
            # replying in the seconds after a deletion found: slack-go/slack#1571). One deleted
            # with replies stays as a tombstone, and a reply goes into its thread.
            thread_ts = None
        if parent is not None and parent.thread_ts and parent.thread_ts != parent.ts:
            # Replying to a reply lands in the parent's thread, as in the Slack client.
            thread_ts = parent.thread_ts
            parent = self.find(channel, thread_ts)
        message = Message(
            channel=channel,
            ts=ts or self.next_ts(),
            text=text,
            user=user,
            blocks=list(blocks or []),
            thread_ts=thread_ts,
            bot_id=bot_id,
            extra=dict(extra or {}),
        )
        bucket = self.messages.setdefault(channel, [])
        if bucket and float(bucket[-1].ts) > float(message.ts):
            bisect.insort_right(bucket, message, key=lambda m: float(m.ts))  # a ts given from the past
        else:
            bucket.append(message)
        self._by_ts.setdefault((channel, message.ts), []).append(message)
        if parent is not None:
            parent.reply_ts.append(message.ts)
        self.timeline.append(
            TimelineEntry("message", channel, user, text, message.blocks, message.ts, thread_ts)
        )
        return message

    def note(self, entry: TimelineEntry) -> None:
        self.timeline.append(entry)

    # Web API -----------------------------------------------------------------------------------

    def call(self, method: str, params: JsonDict) -> JsonDict:
        handler = _HANDLERS.get(method)
        if handler is None:
            raise ApiError("unknown_method")
        return handler(self, params)

    def _auth_test(self, params: JsonDict) -> JsonDict:
        return {
            "url": "https://kessai-sandbox.slack.com/",
            "team": "kessai sandbox",
            "user": self.bot_name,
            "team_id": self.team_id,
            "user_id": self.bot_user_id,
            "bot_id": self.bot_id,
            "app_id": self.app_id,
            "is_enterprise_install": False,
        }

    def _api_test(self, params: JsonDict) -> JsonDict:
        if "error" in params:
            raise ApiError(str(params["error"]))
        return {"args": params}

    def _checked_blocks(self, params: JsonDict) -> list[JsonDict]:
        blocks = params.get("blocks")
        if blocks in (None, ""):
            return []
        errors = block_errors(blocks)
        if errors:
            raise ApiError("invalid_blocks", errors=errors)
        if blocks_text_size(blocks) > MAX_BLOCKS_TEXT:
            raise ApiError("msg_blocks_too_long")
        return list(blocks)

    def _message_text(self, params: JsonDict, blocks: list[JsonDict]) -> str:
        text = params.get("text")
        if not text and not blocks and not params.get("attachments"):
            raise ApiError("no_text")
        text = str(text or "")
        if len(text) > MAX_MESSAGE_TEXT:
            raise ApiError("msg_too_long")
        return text

    def _chat_post_message(self, params: JsonDict) -> JsonDict:
        channel = self.resolve_channel(params.get("channel"))
        blocks = self._checked_blocks(params)
        text = self._message_text(params, blocks)
        extra = {key: params[key] for key in ("attachments", "metadata") if params.get(key)}
        message = self.add_message(
            channel,
            user=self.bot_user_id,
            text=text,
            blocks=blocks,
            thread_ts=str(params["thread_ts"]) if params.get("thread_ts") else None,
            bot_id=self.bot_id,
            extra={"app_id": self.app_id, **extra},
        )
        return {"channel": channel, "ts": message.ts, "message": message.to_api(self.team_id)}

    def _own_message(self, params: JsonDict, *, ts_key: str = "ts") -> Message:
        channel = self.resolve_channel(params.get("channel"))
        message = self.find(channel, str(params.get(ts_key, "")))
        if message is None:
            raise ApiError("message_not_found")
        return message

    def _chat_update(self, params: JsonDict) -> JsonDict:
        message = self._own_message(params)
        if message.bot_id != self.bot_id:
            raise ApiError("cant_update_message")
        blocks = self._checked_blocks(params)
        text = self._message_text(params, blocks)
        message.text = text
        # Omitting blocks on update clears them, as Slack does when only text is sent.
        message.blocks = blocks
        if params.get("attachments"):
            message.extra["attachments"] = params["attachments"]
        message.edited_ts = self.next_ts()
        self.note(
            TimelineEntry(
                "update", message.channel, message.user, text, blocks, message.ts, message.thread_ts
            )
        )
        return {
            "channel": message.channel,
            "ts": message.ts,
            "text": text,
            "message": message.to_api(self.team_id),
        }

    def _chat_delete(self, params: JsonDict) -> JsonDict:
        message = self._own_message(params)
        if message.bot_id != self.bot_id:
            raise ApiError("cant_delete_message")
        message.deleted = True
        self.note(TimelineEntry("delete", message.channel, message.user, message.text, [], message.ts))
        return {"channel": message.channel, "ts": message.ts}

    def _chat_post_ephemeral(self, params: JsonDict) -> JsonDict:
        channel = self.resolve_channel(params.get("channel"))
        user = params.get("user")
        if not isinstance(user, str) or not user or user[0] not in "UW":
            raise ApiError("user_not_found")
        blocks = self._checked_blocks(params)
        text = self._message_text(params, blocks)
        ts = self.next_ts()
        thread_ts = str(params["thread_ts"]) if params.get("thread_ts") else None
        self.ephemerals.append(Ephemeral(channel, user, text, blocks, ts, "chat.postEphemeral", thread_ts))
        self.note(TimelineEntry("ephemeral", channel, user, text, blocks, ts, thread_ts))
        return {"message_ts": ts}

    def _chat_get_permalink(self, params: JsonDict) -> JsonDict:
        message = self._own_message(params, ts_key="message_ts")
        link = f"https://kessai-sandbox.slack.com/archives/{message.channel}/p{message.ts.replace('.', '')}"
        if message.thread_ts and message.thread_ts != message.ts:
            link += f"?thread_ts={message.thread_ts}&cid={message.channel}"
        return {"channel": message.channel, "permalink": link}

    def _conversations_open(self, params: JsonDict) -> JsonDict:
        if params.get("channel"):
            return {"channel": {"id": self.resolve_channel(params["channel"])}}
        users = [u.strip() for u in str(params.get("users", "")).split(",") if u.strip()]
        if not users:
            raise ApiError("users_list_not_supplied")
        if len(users) > 1:
            # A multi-person DM: the id only has to be stable for the same set of people.
            key = ",".join(sorted(users))
            channel = self.dm_by_user.get(key) or self._next_id("G")
            self.dm_by_user[key] = channel
            return {"channel": {"id": channel}}
        if self.users and users[0] not in self.users and users[0] != self.bot_user_id:
            raise ApiError("user_not_found")
        if self.users.get(users[0], {}).get("deleted"):
            raise ApiError("user_disabled")  # a deactivated account (users.info: "deleted": true)
        already = users[0] in self.dm_by_user
        channel = self.dm_channel(users[0])
        out: JsonDict = {"channel": {"id": channel}}
        if already:
            out.update(no_op=True, already_open=True)
        return out

    def _conversations_info(self, params: JsonDict) -> JsonDict:
        channel = self.resolve_channel(params.get("channel"))
        is_im = channel in self.user_by_dm
        info: JsonDict = {"id": channel, "is_channel": channel.startswith("C"), "is_im": is_im}
        if is_im:
            info["user"] = self.user_by_dm[channel]
        else:
            info["name"] = (self.channels or {}).get(channel, channel.lower())
        return {"channel": info}

    def _conversations_history(self, params: JsonDict) -> JsonDict:
        channel = self.resolve_channel(params.get("channel"))
        oldest = float(params.get("oldest") or 0)
        latest = float(params.get("latest") or "inf")
        inclusive = _flag(params.get("inclusive"))
        limit = int(params.get("limit") or 100)

        def in_range(ts: float) -> bool:
            return (oldest <= ts <= latest) if inclusive else (oldest < ts < latest)

        top_level = [
            m
            for m in self.messages.get(channel, [])
            if not m.deleted and (m.thread_ts in (None, m.ts)) and in_range(float(m.ts))
        ]
        newest_first = list(reversed(top_level))
        return {
            "messages": [m.to_api(self.team_id) for m in newest_first[:limit]],
            "has_more": len(newest_first) > limit,
            "pin_count": 0,
            "response_metadata": {"next_cursor": ""},
        }

    def _conversations_replies(self, params: JsonDict) -> JsonDict:
        channel = self.resolve_channel(params.get("channel"))
        parent = self.find(channel, str(params.get("ts", "")))
        if parent is None:
            raise ApiError("thread_not_found")
        replies = [m for m in self.messages.get(channel, []) if not m.deleted and m.thread_ts == parent.ts]
        replies = [m for m in replies if m is not parent]
        return {
            "messages": [parent.to_api(self.team_id)] + [m.to_api(self.team_id) for m in replies],
            "has_more": False,
            "response_metadata": {"next_cursor": ""},
        }

    def _use_trigger(self, params: JsonDict) -> _Trigger:
        trigger_id = params.get("trigger_id")
        if not trigger_id:
            raise ApiError(
                "invalid_arguments",
                response_metadata={"messages": ["[ERROR] missing required field: trigger_id"]},
            )
        trigger = self.triggers.get(str(trigger_id))
        if trigger is None:
            raise ApiError("invalid_trigger_id")
        if trigger.used:
            raise ApiError("exchanged_trigger_id")
        if self._clock() > trigger.expires_at:
            raise ApiError("expired_trigger_id")
        trigger.used = True
        return trigger

    def _checked_view(self, params: JsonDict, expected_type: str | None = None) -> JsonDict:
        view = params.get("view")
        errors = view_errors(view)
        if not errors and isinstance(view, Mapping) and expected_type and view.get("type") != expected_type:
            errors = [f"must be {expected_type} [json-pointer:/view/type]"]
        if errors or not isinstance(view, Mapping):
            raise ApiError(
                "invalid_arguments", response_metadata={"messages": [f"[ERROR] {e}" for e in errors]}
            )
        return dict(view)

    def _view_response(self, record: View) -> JsonDict:
        return {"view": record.to_api(self.team_id, self.app_id, self.bot_id)}

    def _new_view(
        self, user: str, view: JsonDict, *, root: str | None = None, previous: str | None = None
    ) -> View:
        view_id = self._next_id("V")
        return View(view_id, user, str(view.get("type")), view, self._hash(), root or view_id, previous)

    def _hash(self) -> str:
        return f"{int(self._ts_clock())}.{secrets.token_urlsafe(6)}"

    def _views_open(self, params: JsonDict) -> JsonDict:
        view = self._checked_view(params, "modal")
        trigger = self._use_trigger(params)
        record = self._new_view(trigger.user or "?", view)
        self.views[record.id] = record
        self.note(
            TimelineEntry("view", None, record.user, "", view.get("blocks", []), detail=self._title(view))
        )
        return self._view_response(record)

    def _views_push(self, params: JsonDict) -> JsonDict:
        view = self._checked_view(params, "modal")
        trigger = self._use_trigger(params)
        stack = [v for v in self.views.values() if v.open and v.user == trigger.user and v.type == "modal"]
        if not stack:
            raise ApiError("not_found")
        top = stack[-1]
        if len(stack) >= 3:
            raise ApiError("push_limit_reached")
        record = self._new_view(top.user, view, root=top.root_view_id, previous=top.id)
        self.views[record.id] = record
        self.note(
            TimelineEntry("view", None, record.user, "", view.get("blocks", []), detail=self._title(view))
        )
        return self._view_response(record)

    def _views_update(self, params: JsonDict) -> JsonDict:
        view = self._checked_view(params)
        record = self.views.get(str(params.get("view_id") or ""))
        if record is None and params.get("external_id"):
            matches = [v for v in self.views.values() if v.view.get("external_id") == params["external_id"]]
            record = matches[-1] if matches else None
        if record is None:
            raise ApiError("not_found")
        if params.get("hash") and params["hash"] != record.hash:
            raise ApiError("hash_conflict")
        record.view = view
        record.hash = self._hash()
        self.note(
            TimelineEntry(
                "view", None, record.user, "", view.get("blocks", []), detail=self._title(view) + " 更新"
            )
        )
        return self._view_response(record)

    def _views_publish(self, params: JsonDict) -> JsonDict:
        user = params.get("user_id")
        if not isinstance(user, str) or not user:
            raise ApiError(
                "invalid_arguments",
                response_metadata={"messages": ["[ERROR] missing required field: user_id"]},
            )
        view = self._checked_view(params, "home")
        existing = self.views.get(self.homes.get(user, ""))
        if existing is not None and params.get("hash") and params["hash"] != existing.hash:
            raise ApiError("hash_conflict")
        if existing is None:
            existing = self._new_view(user, view)
            self.views[existing.id] = existing
            self.homes[user] = existing.id
        existing.view = view
        existing.hash = self._hash()
        self.note(TimelineEntry("home", None, user, "", view.get("blocks", [])))
        return self._view_response(existing)

    def _title(self, view: Mapping[str, Any]) -> str:
        title = view.get("title")
        return str(title.get("text", "")) if isinstance(title, Mapping) else ""

    def _users_info(self, params: JsonDict) -> JsonDict:
        user = str(params.get("user", ""))
        if user == self.bot_user_id:
            info: JsonDict = {"name": self.bot_name, "real_name": self.bot_name, "is_bot": True}
        elif user in self.users:
            info = self.users[user]
        elif not self.users and user[:1] in ("U", "W"):
            # No member list (``python -m bot.sandbox`` without --users): an open workspace where
            # everyone exists, as chat.postMessage and conversations.open already treat it. Refusing
            # here alone made an IT 担当's trial of `kessai serve` with their own kessai.toml log an
            # ERROR "escalation member … is unknown to Slack" for every approver and post that alarm.
            info = {"name": user}
        else:
            raise ApiError("user_not_found")
        name = str(info.get("name", user))
        real_name = str(info.get("real_name", name))
        profile = {
            "real_name": real_name,
            "display_name": str(info.get("display_name", "")),
            **info.get("profile", {}),
        }
        extra = {k: v for k, v in info.items() if k not in ("name", "real_name", "profile", "display_name")}
        return {
            "user": {
                "id": user,
                "team_id": self.team_id,
                "name": name,
                "real_name": real_name,
                "deleted": False,
                "tz": "Asia/Tokyo",
                "tz_label": "Japan Standard Time",
                "tz_offset": 32400,
                "is_bot": False,
                "is_app_user": False,
                **extra,
                "profile": profile,
            }
        }

    def _reactions_add(self, params: JsonDict) -> JsonDict:
        message = self._own_message(params, ts_key="timestamp")
        name = str(params.get("name", "")).strip(":")
        if not name:
            raise ApiError("invalid_name")
        users = message.reactions.setdefault(name, [])
        if self.bot_user_id in users:
            raise ApiError("already_reacted")
        users.append(self.bot_user_id)
        self.note(
            TimelineEntry(
                "reaction", message.channel, self.bot_user_id, name, [], message.ts, message.thread_ts
            )
        )
        return {}

    def close_view(self, view_id: str, response: JsonDict | None) -> None:
        """Apply the bot's answer to a view_submission the way the Slack client would."""
        record = self.views.get(view_id)
        if record is None:
            return
        answer = response or {}
        action = answer.get("response_action")
        new_view = answer.get("view")
        if action == "errors":
            return
        if action == "update" and isinstance(new_view, Mapping):
            record.view, record.hash = dict(new_view), self._hash()
            return
        if action == "push" and isinstance(new_view, Mapping):
            pushed = self._new_view(record.user, dict(new_view), root=record.root_view_id, previous=record.id)
            self.views[pushed.id] = pushed
            return
        stack = [v for v in self.views.values() if v.root_view_id == record.root_view_id]
        for view in stack if action == "clear" else [record]:
            view.open = False

    def open_views(self, user: str) -> list[View]:
        return [v for v in self.views.values() if v.open and v.user == user and v.type == "modal"]

    # response_url ------------------------------------------------------------------------------

    def respond(self, url_id: str, payload: JsonDict) -> tuple[int, str]:
        """Apply a POST to a response_url; returns Slack's (status, body)."""
        record = self.response_urls.get(url_id)
        if record is None:
            return 404, "no_service"
        if self._clock() - record.issued_at > RESPONSE_URL_TTL:
            return 404, "expired_url"
        uses = self.response_url_uses.get(url_id, 0)
        if uses >= RESPONSE_URL_MAX_USES:
            return 404, "used_url"
        blocks = payload.get("blocks") or []
        if block_errors(blocks):
            return 400, "invalid_blocks"
        if blocks_text_size(blocks) > MAX_BLOCKS_TEXT:
            return 400, "msg_blocks_too_long"
        text = str(payload.get("text") or "")
        if len(text) > MAX_MESSAGE_TEXT:
            return 400, "msg_too_long"
        if not text and not blocks and not payload.get("delete_original"):
            return 400, "no_text"
        self.response_url_uses[url_id] = uses + 1
        original = (
            self.find(record.channel, record.message_ts) if record.channel and record.message_ts else None
        )
        if _flag(payload.get("delete_original")):
            if original is not None:
                original.deleted = True
                self.note(
                    TimelineEntry("delete", original.channel, original.user, original.text, [], original.ts)
                )
            return 200, "ok"
        if _flag(payload.get("replace_original")) and original is not None:
            original.text, original.blocks, original.edited_ts = text, list(blocks), self.next_ts()
            self.note(
                TimelineEntry("update", original.channel, original.user, text, original.blocks, original.ts)
            )
            return 200, "ok"
        thread_ts = str(payload["thread_ts"]) if payload.get("thread_ts") else None
        if payload.get("response_type") == "in_channel" and record.channel:
            self.add_message(
                record.channel,
                user=self.bot_user_id,
                text=text,
                blocks=blocks,
                thread_ts=thread_ts,
                bot_id=self.bot_id,
            )
            return 200, "ok"
        ts = self.next_ts()
        self.ephemerals.append(
            Ephemeral(record.channel, record.user, text, list(blocks), ts, "response_url", thread_ts)
        )
        self.note(TimelineEntry("ephemeral", record.channel, record.user, text, list(blocks), ts, thread_ts))
        return 200, "ok"


_HANDLERS: dict[str, Callable[[Workspace, JsonDict], JsonDict]] = {
    "api.test": Workspace._api_test,
    "auth.test": Workspace._auth_test,
    "chat.postMessage": Workspace._chat_post_message,
    "chat.update": Workspace._chat_update,
    "chat.delete": Workspace._chat_delete,
    "chat.postEphemeral": Workspace._chat_post_ephemeral,
    "chat.getPermalink": Workspace._chat_get_permalink,
    "conversations.open": Workspace._conversations_open,
    "conversations.info": Workspace._conversations_info,
    "conversations.history": Workspace._conversations_history,
    "conversations.replies": Workspace._conversations_replies,
    "views.open": Workspace._views_open,
    "views.push": Workspace._views_push,
    "views.update": Workspace._views_update,
    "views.publish": Workspace._views_publish,
    "users.info": Workspace._users_info,
    "reactions.add": Workspace._reactions_add,
}

SUPPORTED_METHODS = frozenset(_HANDLERS)
