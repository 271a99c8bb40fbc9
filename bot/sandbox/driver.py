"""Send the bot the HTTP requests Slack would send: signed events, interactions and commands.

``SlackDriver`` plays the part of Slack's side of the Events API and interactivity: it builds the
payload shapes Slack delivers, signs them exactly as Slack does, and keeps the ``LocalSlack``
workspace in step (the message a person typed exists there, a button press carries a trigger_id
that ``views.open`` will accept and a response_url that leads back to the sandbox).
"""

from __future__ import annotations

import copy
import hashlib
import hmac
import json
import secrets
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlencode

from bot.sandbox.blockkit import find_element
from bot.sandbox.payloads import action_entry, describe_state, message_text, rich_text_blocks, state_values
from bot.sandbox.records import JsonDict, Message, View, edited_time
from bot.sandbox.server import LocalSlack
from bot.sandbox.socket_mode import BOT_ANSWER_TIMEOUT

STALE_AFTER = 5 * 60  # Slack's documented replay window; bolt refuses older timestamps


class BotReply(NamedTuple):
    """The bot's HTTP answer to one request."""

    status: int
    body: str

    def json(self) -> Any:
        """The body parsed as JSON (``None`` for an empty ack)."""
        return json.loads(self.body) if self.body.strip() else None


@dataclass(frozen=True)
class SentRequest:
    """Exactly what went over the wire, so it can be replayed byte for byte."""

    body: bytes
    headers: dict[str, str]


@dataclass(frozen=True)
class _Forgery:
    secret: str | None = None
    timestamp_offset: float = 0.0
    unsigned: bool = False


class SlackDriver:
    """Slack's half of the conversation with the bot under test.

    ``SlackDriver(bot_url, signing_secret, slack=local_slack)``; every sending method returns the
    bot's :class:`BotReply` (``message`` and ``bot_message`` return the new message's ``ts`` and
    leave the reply in :attr:`last_reply`).
    """

    def __init__(
        self,
        bot_url: str,
        signing_secret: str,
        *,
        slack: LocalSlack,
        timeout: float = BOT_ANSWER_TIMEOUT,
        clock: Callable[[], float] = time.time,
        verification_token: str = "sandbox-verification-token",
    ) -> None:
        self.bot_url = bot_url
        self.signing_secret = signing_secret
        self.slack = slack
        self.timeout = timeout
        self.clock = clock
        self.verification_token = verification_token
        self._forgery = _Forgery()
        self.last_reply: BotReply | None = None
        self.last_request: SentRequest | None = None
        self.last_trigger_id: str | None = None
        self.last_response_url: str | None = None
        self.last_event: JsonDict | None = None
        self._undelivered: list[JsonDict] | None = None

    # signing and transport ---------------------------------------------------------------------

    def sign(self, body: str | bytes, timestamp: str | int, secret: str | None = None) -> str:
        """``X-Slack-Signature`` for ``body`` sent at ``timestamp``."""
        raw = body.encode("utf-8") if isinstance(body, str) else body
        base = f"v0:{timestamp}:".encode() + raw
        key = (secret if secret is not None else self.signing_secret).encode("utf-8")
        return "v0=" + hmac.new(key, base, hashlib.sha256).hexdigest()

    def forged(
        self, *, secret: str | None = None, timestamp_offset: float = 0.0, unsigned: bool = False
    ) -> SlackDriver:
        """A driver sharing this one's workspace whose requests are signed wrongly.

        ``secret``: sign with another secret; ``timestamp_offset``: seconds added to the signed
        timestamp (``-(STALE_AFTER + 1)`` for a stale request); ``unsigned``: omit the headers.
        """
        twin = copy.copy(self)
        twin._forgery = _Forgery(secret, timestamp_offset, unsigned)
        return twin

    def stale(self, age: float = STALE_AFTER + 60) -> SlackDriver:
        """A driver whose signatures are valid but ``age`` seconds old (bolt must refuse them)."""
        return self.forged(timestamp_offset=-age)

    def wrong_secret(self) -> SlackDriver:
        return self.forged(secret="not-" + self.signing_secret)

    def _signed_headers(self, body: bytes) -> dict[str, str]:
        forgery = self._forgery
        if forgery.unsigned:
            return {}
        timestamp = str(int(self.clock() + forgery.timestamp_offset))
        return {
            "X-Slack-Request-Timestamp": timestamp,
            "X-Slack-Signature": self.sign(body, timestamp, forgery.secret),
        }

    def _send(self, body: bytes, headers: Mapping[str, str]) -> BotReply:
        request = urllib.request.Request(self.bot_url, data=body, headers=dict(headers), method="POST")
        self.last_request = SentRequest(body, dict(headers))
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310 - local URL
                reply = BotReply(response.status, response.read().decode("utf-8", "replace"))
        except urllib.error.HTTPError as error:
            reply = BotReply(error.code, error.read().decode("utf-8", "replace"))
        self.last_reply = reply
        return reply

    def raw(
        self, body: str | bytes, headers: Mapping[str, str] | None = None, *, sign: bool = True
    ) -> BotReply:
        """POST ``body`` as is; signed (with this driver's forgery, if any) unless ``sign=False``."""
        data = body.encode("utf-8") if isinstance(body, str) else body
        all_headers = {"Content-Type": "application/json"}
        if sign:
            all_headers.update(self._signed_headers(data))
        all_headers.update(headers or {})
        return self._send(data, all_headers)

    def replay(self) -> BotReply:
        """Send the previous request again, byte for byte, with its original signature."""
        if self.last_request is None:
            raise RuntimeError("nothing to replay yet")
        return self._send(self.last_request.body, self.last_request.headers)

    def _post_json(self, payload: JsonDict, extra_headers: Mapping[str, str] | None = None) -> BotReply:
        body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        headers = {"Content-Type": "application/json", **self._signed_headers(body), **(extra_headers or {})}
        return self._send(body, headers)

    def _post_form(self, fields: Mapping[str, str]) -> BotReply:
        body = urlencode(fields).encode("ascii")
        headers = {"Content-Type": "application/x-www-form-urlencoded", **self._signed_headers(body)}
        return self._send(body, headers)

    def _post_interaction(self, payload: JsonDict) -> BotReply:
        return self._post_form({"payload": json.dumps(payload, ensure_ascii=False)})

    # shared payload parts ------------------------------------------------------------------------

    def _channel_id(self, channel: str) -> str:
        return self.slack.dm_channel(channel) if channel[:1] in "UW" else channel

    @staticmethod
    def _channel_type(channel: str) -> str:
        return {"D": "im", "G": "group"}.get(channel[:1], "channel")

    def _user_object(self, user: str, team_id: str | None = None) -> JsonDict:
        profile = self.slack.user_profile(user)
        handle = str(profile.get("name", user.lower()))
        return {"id": user, "username": handle, "name": handle, "team_id": team_id or self.slack.team_id}

    def _team_object(self, team_id: str | None = None) -> JsonDict:
        return {"id": team_id or self.slack.team_id, "domain": "kessai-sandbox"}

    def _fresh_trigger(self, user: str) -> str:
        self.last_trigger_id = self.slack.issue_trigger_id(user)
        return self.last_trigger_id

    def _fresh_response_url(self, channel: str | None, user: str, message_ts: str | None = None) -> str:
        self.last_response_url = self.slack.new_response_url(
            channel=channel, user=user, message_ts=message_ts
        )
        return self.last_response_url

    # Events API --------------------------------------------------------------------------------

    def event(
        self,
        event: JsonDict,
        *,
        event_id: str | None = None,
        retry_num: int | None = None,
        retry_reason: str = "http_timeout",
        team_id: str | None = None,
        channel_host_team: str | None = None,
    ) -> BotReply:
        """Deliver any Events API ``event`` inside Slack's ``event_callback`` envelope.
        ``channel_host_team``: the event happened in a Slack Connect channel that workspace (of
        another organisation) hosts. Slack then names the host in the envelope's ``team_id``, and
        the installation the event is delivered to only in ``authorizations``."""
        team = team_id or self.slack.team_id
        host = channel_host_team or team
        event_time = int(float(event.get("event_ts") or self.clock()))
        envelope: JsonDict = {
            "token": self.verification_token,
            "team_id": host,
            "context_team_id": host,
            "context_enterprise_id": None,
            "api_app_id": self.slack.app_id,
            "event": event,
            "type": "event_callback",
            "event_id": event_id or f"Ev0{secrets.token_hex(5).upper()}",
            "event_time": event_time,
            "authorizations": [
                {
                    "enterprise_id": None,
                    "team_id": team,
                    "user_id": self.slack.bot_user_id,
                    "is_bot": True,
                    "is_enterprise_install": False,
                }
            ],
            "is_ext_shared_channel": channel_host_team is not None,
            "event_context": f"4-{secrets.token_urlsafe(24)}",
        }
        self.last_event = envelope
        if self._undelivered is not None:
            self._undelivered.append(envelope)
            return BotReply(0, "")  # never reached the bot: no status
        headers: dict[str, str] = {}
        if retry_num is not None:
            headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": retry_reason}
        return self._post_json(envelope, headers)

    @contextmanager
    def undelivered(self) -> Iterator[list[JsonDict]]:
        """Events sent inside never reach the bot (Slack's request timed out, got a 5xx, or the
        network failed): their envelopes are collected in the yielded list, for Slack's later
        retry with :meth:`redeliver`. What they did in Slack (an edit, a deletion) stands."""
        held: list[JsonDict] = []
        self._undelivered = held
        try:
            yield held
        finally:
            self._undelivered = None

    def redeliver(self, envelope: JsonDict, retry_num: int = 1, reason: str = "http_timeout") -> BotReply:
        """Slack's retry of an event it could not deliver: the same envelope and event_id, signed anew."""
        return self._post_json(envelope, {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": reason})

    def retry_last_event(self, retry_num: int = 1, reason: str = "http_timeout") -> BotReply:
        """Redeliver the previous event as Slack retries it: same body and event_id, new signature."""
        if self.last_event is None:
            raise RuntimeError("no event sent yet")
        headers = {"X-Slack-Retry-Num": str(retry_num), "X-Slack-Retry-Reason": reason}
        return self._post_json(self.last_event, headers)

    def message(
        self,
        channel: str,
        user: str,
        text: str,
        *,
        ts: str | None = None,
        thread_ts: str | None = None,
        retry_num: int | None = None,
        event_id: str | None = None,
        images: Sequence[str] | None = None,
        videos: int = 0,
        bold: Sequence[str] = (),
        block: str | None = None,
        files: Sequence[JsonDict] | None = None,
    ) -> str:
        """A person posts ``text``; returns its ts. Reusing ``ts`` + ``event_id`` with ``retry_num``
        redelivers the same event as a Slack retry without creating a second message. ``images``:
        pictures attached to the message, each given by its description (alt text; "" for none),
        sent as Slack sends a message with files (subtype ``file_share``); ``videos``: how many
        videos (MP4) go with them. ``bold``: words made bold in the composer; ``block``: the
        whole message made a code block ("code") or a quote ("quote") there. ``files``: more files
        after those (a PDF flyer: see ``file``)."""
        channel_id = self._channel_id(channel)
        stored = self.slack.message(channel_id, ts) if ts else None
        if stored is None:
            stored = self.slack.post_as_user(channel_id, user, message_text(text, bold=bold, block=block), ts=ts,
                                             thread_ts=thread_ts, blocks=rich_text_blocks(text, bold=bold, block=block))
        event: JsonDict = {
            "client_msg_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{channel_id}/{stored.ts}")),
            "type": "message",
            "text": stored.text,
            "user": user,
            "ts": stored.ts,
            "team": self.slack.team_id,
            "blocks": rich_text_blocks(text, bold=bold, block=block),
            "channel": channel_id,
            "event_ts": stored.ts,
            "channel_type": self._channel_type(channel_id),
        }
        if stored.thread_ts:
            event["thread_ts"] = stored.thread_ts
            parent = self.slack.message(channel_id, stored.thread_ts)
            event["parent_user_id"] = parent.user if parent else user
        if images is not None or videos or files:
            event["subtype"] = "file_share"
            event["upload"] = False
            event["files"] = self._files(stored.ts, user, images or (), videos) + list(files or ())
        self.event(event, event_id=event_id, retry_num=retry_num)
        return stored.ts

    def forward(self, channel: str, user: str, source_channel: str, source_ts: str, comment: str = "") -> str:
        """``user`` forwards (Slack's 「転送」) the message ``source_ts`` of ``source_channel`` into
        ``channel``, with ``comment`` or none; returns the new message's ts. Slack carries the
        forwarded message as an attachment marked ``is_share``, its text in Slack's format and its
        rich text in ``message_blocks``."""
        channel_id, source_id = self._channel_id(channel), self._channel_id(source_channel)
        source = self.slack.message(source_id, source_ts)
        if source is None:
            raise ValueError(f"no message {source_ts} in {source_channel}")
        link = f"https://{self.slack.team_id.lower()}.slack.com/archives/{source_id}/p{source_ts.replace('.', '')}"
        shared: JsonDict = {
            "ts": source.ts, "author_id": source.user, "channel_id": source_id, "channel_team": self.slack.team_id,
            "is_msg_unfurl": True, "is_share": True, "from_url": link, "original_url": link,
            "text": source.text, "fallback": f"[{source.ts}] {source.text}", "mrkdwn_in": ["text"],
            "message_blocks": [{"team": self.slack.team_id, "channel": source_id, "ts": source.ts,
                                "message": {"blocks": source.blocks}}],
            "footer": "Slack Conversation",
        }
        blocks = rich_text_blocks(comment) if comment else []
        stored = self.slack.post_as_user(channel_id, user, message_text(comment), blocks=blocks, attachments=[shared])
        event: JsonDict = {
            "client_msg_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{channel_id}/{stored.ts}")),
            "type": "message", "text": stored.text, "user": user, "ts": stored.ts, "team": self.slack.team_id,
            "attachments": [shared], "channel": channel_id, "event_ts": stored.ts,
            "channel_type": self._channel_type(channel_id), **({"blocks": blocks} if blocks else {}),
        }
        self.event(event)
        return stored.ts

    def file(self, file_id: str, name: str, user: str, *, mimetype: str = "application/pdf", size: int = 245_760,
             alt: str = "") -> JsonDict:
        """A file as a message's ``files`` carry it (a PDF flyer by default), with its permalink."""
        filetype = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        return {"id": file_id, "name": name, "title": name, "mimetype": mimetype, "filetype": filetype,
                "pretty_type": filetype.upper(), "user": user, "mode": "hosted", "size": size,
                "permalink": f"https://{self.slack.team_id.lower()}.slack.com/files/{user}/{file_id}/{name}",
                "url_private": f"https://files.slack.com/files-pri/{self.slack.team_id}-{file_id}/{name}",
                **({"alt_txt": alt} if alt else {})}

    def snippet(self, file_id: str, text: str, user: str, *, title: str = "無題") -> JsonDict:
        """A text snippet as a message's ``files`` carry it: long text a person sent as a file
        (Slack's RTM limits: "If the message is longer a client should prompt to split the message
        into multiple messages, create a snippet or create a post"). Its shape is the file object of
        docs.slack.dev/messaging/working-with-files (``mode`` "snippet", ``filetype`` "text", a
        ``preview`` of its first lines with ``lines``, ``lines_more`` and ``preview_is_truncated``)."""
        lines = text.split("\n")
        shown = lines[:5]
        preview = "\n".join(shown)[:1000]
        name = f"{title}.txt"
        return {**self.file(file_id, name, user, mimetype="text/plain", size=len(text.encode())),
                "title": title, "filetype": "text", "pretty_type": "Plain Text", "mode": "snippet", "editable": True,
                "edit_link": f"https://{self.slack.team_id.lower()}.slack.com/files/{user}/{file_id}/{name}/edit",
                "preview": preview, "lines": len(lines), "lines_more": max(0, len(lines) - len(shown)),
                "preview_is_truncated": preview != text}

    def _files(self, ts: str, user: str, images: Sequence[str], videos: int = 0) -> list[JsonDict]:
        """The ``files`` of a message with pictures, each described by its alt text ("" for none),
        then ``videos`` videos (Slack has no alt text for those)."""
        stem = f"F{ts.replace('.', '')}"
        return [self.file(f"{stem}{i}", f"photo{i}.jpg", user, mimetype="image/jpeg", size=524_288, alt=alt)
                for i, alt in enumerate(images, 1)] + \
            [self.file(f"{stem}V{i}", f"video{i}.mp4", user, mimetype="video/mp4", size=8_388_608)
             for i in range(1, videos + 1)]

    def message_changed(self, channel: str, ts: str, user: str, new_text: str, *,
                        images: Sequence[str] | None = None, videos: int = 0,
                        attachments: Sequence[JsonDict] | None = None,
                        files: Sequence[JsonDict] | None = None) -> BotReply:
        """``user`` edits their message ``ts`` to ``new_text`` (subtype ``message_changed``).
        ``images``: the pictures the edited message has, by description (alt text; "" for none);
        Slack's edited message carries its ``files`` as the original message did; ``videos``: how
        many videos it has besides; ``attachments``: what Slack added to it (a link's unfurl, say),
        else those it had; ``files``: its other files (see ``file``)."""
        channel_id = self._channel_id(channel)
        edited = self.slack.edit_as_user(channel_id, ts, message_text(new_text), rich_text_blocks(new_text))
        edit_ts = (edited[1].edited_ts if edited else None) or self.slack.next_ts()
        before = edited[0] if edited else Message(channel_id, ts, "", user)
        thread = {"thread_ts": before.thread_ts} if before.thread_ts else {}
        event = {
            "type": "message",
            "subtype": "message_changed",
            "message": {
                "client_msg_id": str(uuid.uuid5(uuid.NAMESPACE_URL, f"{channel_id}/{ts}")),
                "type": "message",
                "text": message_text(new_text),
                "user": user,
                "team": self.slack.team_id,
                "edited": {"user": user, "ts": edited_time(edit_ts)},
                "blocks": rich_text_blocks(new_text),
                "ts": ts,
                "source_team": self.slack.team_id,
                "user_team": self.slack.team_id,
                **thread,
                **({"upload": False, "files": self._files(ts, user, images or (), videos) + list(files or ())}
                   if images is not None or videos or files else {}),
                # What Slack attached (a forwarded message) stays with the edited message.
                **({"attachments": list(attachments)} if attachments is not None else
                   {"attachments": before.extra["attachments"]} if "attachments" in before.extra else {}),
            },
            "previous_message": {
                "type": "message",
                "text": before.text,
                "user": before.user,
                "team": self.slack.team_id,
                "ts": ts,
                "blocks": rich_text_blocks(before.text),
                **thread,
            },
            "channel": channel_id,
            "hidden": True,
            "ts": edit_ts,
            "event_ts": edit_ts,
            "channel_type": self._channel_type(channel_id),
        }
        return self.event(event)

    def link_unfurled(self, channel: str, ts: str, attachments: Sequence[JsonDict]) -> BotReply:
        """Slack adds the previews of the links in the message ``ts`` (its ``attachments``), a moment
        after it was posted, and says so with a ``message_changed`` event: the message as it stands
        then, which carries ``edited`` only when its author had edited it by then."""
        channel_id = self._channel_id(channel)
        stored = self.slack.message(channel_id, ts)
        if stored is None:
            raise ValueError(f"unknown message {ts} in {channel_id}")
        message = {**stored.to_api(self.slack.team_id), "attachments": list(attachments)}
        event_ts = self.slack.next_ts()
        return self.event({
            "type": "message", "subtype": "message_changed", "hidden": True, "channel": channel_id,
            "message": message, "previous_message": stored.to_api(self.slack.team_id),
            "ts": event_ts, "event_ts": event_ts, "channel_type": self._channel_type(channel_id),
        })

    def message_deleted(self, channel: str, ts: str, *, tombstone: bool | None = None) -> BotReply:
        """The message ``ts`` is deleted. As Slack does it: a message without replies goes with a
        ``message_deleted`` event; one with replies stays as a tombstone ("This message was
        deleted.", subtype ``tombstone``) announced by a ``message_changed`` event. ``tombstone``
        forces either form."""
        channel_id = self._channel_id(channel)
        replies = [m for m in self.slack.messages(channel_id, thread_ts=ts) if m.ts != ts]
        if tombstone is None:
            tombstone = bool(replies)
        deleted = self.slack.delete_as_user(channel_id, ts)
        event_ts = self.slack.next_ts()
        if tombstone:
            return self.event({
                "type": "message", "subtype": "message_changed", "hidden": True, "channel": channel_id,
                "ts": event_ts, "event_ts": event_ts, "channel_type": self._channel_type(channel_id),
                "message": {"type": "message", "subtype": "tombstone", "text": "This message was deleted.",
                            "user": "USLACKBOT", "hidden": True, "ts": ts, "thread_ts": ts,
                            "reply_count": len(replies)},
                "previous_message": {"type": "message", "text": deleted.text if deleted else "",
                                     "user": deleted.user if deleted else "", "ts": ts, "thread_ts": ts},
            })
        event: JsonDict = {
            "type": "message",
            "subtype": "message_deleted",
            "channel": channel_id,
            "hidden": True,
            "deleted_ts": ts,
            "event_ts": event_ts,
            "ts": event_ts,
            "channel_type": self._channel_type(channel_id),
        }
        if deleted is not None:
            event["previous_message"] = {
                "type": "message",
                "text": deleted.text,
                "user": deleted.user,
                "team": self.slack.team_id,
                "ts": ts,
                **({"thread_ts": deleted.thread_ts} if deleted.thread_ts else {}),
                **({"bot_id": deleted.bot_id} if deleted.bot_id else {}),
            }
        return self.event(event)

    def bot_message(
        self,
        channel: str,
        text: str,
        *,
        bot_id: str = "B0OTHERAPP",
        bot_user: str = "U0OTHERBOT",
        app_id: str = "A0OTHERAPP",
        thread_ts: str | None = None,
    ) -> str:
        """Another app (or, with ``bot_id=slack.bot_id``, the bot itself) posts ``text``."""
        channel_id = self._channel_id(channel)
        stored = self.slack.post_as_user(channel_id, bot_user, text, thread_ts=thread_ts, bot_id=bot_id)
        event: JsonDict = {
            "bot_id": bot_id,
            "type": "message",
            "text": text,
            "user": bot_user,
            "ts": stored.ts,
            "app_id": app_id,
            "team": self.slack.team_id,
            "bot_profile": {"id": bot_id, "app_id": app_id, "name": "other app", "deleted": False},
            "channel": channel_id,
            "event_ts": stored.ts,
            "channel_type": self._channel_type(channel_id),
        }
        if stored.thread_ts:
            event["thread_ts"] = stored.thread_ts
        self.event(event)
        return stored.ts

    def channel_join(self, channel: str, user: str, *, inviter: str | None = None) -> BotReply:
        """``user`` joins ``channel``: the ``channel_join`` message Slack posts for it."""
        text = f"<@{user}> has joined the channel"
        stored = self.slack.post_as_user(channel, user, text)
        event: JsonDict = {
            "type": "message",
            "subtype": "channel_join",
            "ts": stored.ts,
            "user": user,
            "text": text,
            "channel": channel,
            "event_ts": stored.ts,
            "channel_type": self._channel_type(channel),
        }
        if inviter:
            event["inviter"] = inviter
        return self.event(event)

    def member_joined_channel(self, channel: str, user: str, *, inviter: str | None = None) -> BotReply:
        event: JsonDict = {
            "type": "member_joined_channel",
            "user": user,
            "channel": channel,
            "channel_type": "C" if channel.startswith("C") else "G",
            "team": self.slack.team_id,
            "event_ts": self.slack.next_ts(),
        }
        if inviter:
            event["inviter"] = inviter
        return self.event(event)

    def app_home_opened(self, user: str, *, tab: str = "home") -> BotReply:
        event: JsonDict = {
            "type": "app_home_opened",
            "user": user,
            "channel": self.slack.dm_channel(user),
            "tab": tab,
            "event_ts": self.slack.next_ts(),
        }
        home = self.slack.home(user)
        if home is not None:
            event["view"] = home
        return self.event(event)

    def url_verification(self, challenge: str | None = None) -> BotReply:
        """The handshake Slack sends when the Request URL is saved; the bot must echo the challenge."""
        return self._post_json(
            {
                "token": self.verification_token,
                "challenge": challenge or secrets.token_urlsafe(32),
                "type": "url_verification",
            }
        )

    # interactivity -----------------------------------------------------------------------------

    def block_action(
        self,
        user: str,
        action_id: str,
        value: Any = None,
        *,
        channel: str | None = None,
        message_ts: str | None = None,
        block_id: str | None = None,
        view: View | str | None = None,
        team_id: str | None = None,
        user_team: str | None = None,
        seen: Message | None = None,
        also: Sequence[str] = (),
    ) -> BotReply:
        """``user`` clicks (or selects in) the element ``action_id`` of a message or a view.

        The element is looked up in the sandbox so the payload carries its real block_id, label
        and type; ``value`` defaults to the element's own value and can be set to anything to
        simulate a tampered request. ``seen``: the message as the clicker's screen still showed
        it (an earlier copy, from before another person's click redrew it); Slack sends that
        message with the click. Default: the message as it is now. ``also``: the action_ids of more
        elements of the same blocks, sent in the same payload's ``actions`` (a list, which a
        person's click fills with one: for testing what kessai makes of several). ``user_team``:
        the clicker's own workspace when it is not the app's, as Slack sends a click of a person of
        another organisation in a Slack Connect channel (``team`` the app's, ``user.team_id`` theirs).
        """
        action_ts = self.slack.next_ts()
        trigger_id = self._fresh_trigger(user)
        payload: JsonDict = {
            "type": "block_actions",
            "user": self._user_object(user, user_team or team_id),
            "api_app_id": self.slack.app_id,
            "token": self.verification_token,
            "trigger_id": trigger_id,
            "team": self._team_object(team_id),
            "enterprise": None,
            "is_enterprise_install": False,
        }
        if view is not None:
            record = self.slack.view(view) if isinstance(view, str) else view
            if record is None:
                raise ValueError(f"unknown view {view!r}")
            blocks = record.view.get("blocks", [])
            payload["container"] = {"type": "view", "view_id": record.id}
            payload["view"] = {**self.slack.view_api(record), "state": {"values": state_values(blocks, {})}}
            payload["state"] = {"values": {}}
        else:
            if channel is None or message_ts is None:
                raise ValueError("a block action needs either view= or channel= and message_ts=")
            channel_id = self._channel_id(channel)
            message = seen if seen is not None else self.slack.message(channel_id, message_ts)
            blocks = message.blocks if message else []
            payload["container"] = {
                "type": "message",
                "message_ts": message_ts,
                "channel_id": channel_id,
                "is_ephemeral": False,
            }
            payload["channel"] = {"id": channel_id, "name": self.slack.channel_name(channel_id)}
            if message is not None:
                payload["message"] = message.to_api(self.slack.team_id)
            payload["state"] = {"values": state_values(blocks, {})}
            payload["response_url"] = self._fresh_response_url(channel_id, user, message_ts)
        found = find_element(blocks, action_id, block_id)
        element = found[1] if found else None
        if value is None and element is not None:
            value = element.get("value")
        resolved_block = block_id or (found[0] if found else None)
        action = action_entry(element, action_id, resolved_block, value, action_ts)
        payload["actions"] = [action]
        for other in also:
            more = find_element(blocks, other, None)
            more_element = more[1] if more else None
            payload["actions"].append(action_entry(more_element, other, more[0] if more else None,
                                                   more_element.get("value") if more_element else None, action_ts))
        if action["type"] == "button":
            what = f"「{action.get('text', {}).get('text')}」を押しました"
        elif action["type"] == "checkboxes":
            what = f"「{_option_labels(element, value)}」にチェックを入れました" if value else "チェックをすべて外しました"
        else:
            what = f"「{_option_labels(element, value)}」を選びました"
        self.slack.note_interaction(user, f"が{what}", channel=payload.get("channel", {}).get("id"))
        return self._post_interaction(payload)

    def view_submission(
        self,
        user: str,
        callback_id: str | None = None,
        values: Mapping[str, Any] | None = None,
        private_metadata: str | None = None,
        view_id: str | None = None,
        team_id: str | None = None,
    ) -> BotReply:
        """``user`` presses the submit button of a modal (from workspace ``team_id``: Slack Connect).

        The modal is ``view_id`` or the user's topmost open one (with ``callback_id`` if given);
        ``values`` fill its inputs, keyed by action_id (or ``{block_id: {action_id: value}}``), as
        strings, option values, lists of option values, dates or times, or exact Slack state
        entries. ``private_metadata`` defaults to what the bot stored in the view.
        """
        record = self.slack.view(view_id) if view_id else self.slack.latest_view(user, callback_id)
        if record is None and callback_id is None:
            raise ValueError(f"{user} has no open modal; pass callback_id to submit a synthetic one")
        if record is not None:
            view = self.slack.view_api(record)
        else:
            view = {
                "id": view_id or f"V0{secrets.token_hex(5).upper()}",
                "team_id": self.slack.team_id,
                "type": "modal",
                "blocks": [],
                "private_metadata": "",
                "callback_id": callback_id,
                "hash": f"{int(self.clock())}.sandbox",
                "title": {"type": "plain_text", "text": "modal"},
                "previous_view_id": None,
                "app_id": self.slack.app_id,
                "bot_id": self.slack.bot_id,
            }
        if callback_id is not None:
            view["callback_id"] = callback_id
        if private_metadata is not None:
            view["private_metadata"] = private_metadata
        view["state"] = {"values": state_values(view.get("blocks", []), values or {})}
        payload: JsonDict = {
            "type": "view_submission",
            "team": self._team_object(team_id),
            "user": self._user_object(user, team_id),
            "api_app_id": self.slack.app_id,
            "token": self.verification_token,
            "trigger_id": self._fresh_trigger(user),
            "view": view,
            "response_urls": [],
            "enterprise": None,
            "is_enterprise_install": False,
        }
        title = (view.get("title") or {}).get("text", "")
        summary = describe_state(view.get("blocks", []), view["state"]["values"])
        self.slack.note_interaction(
            user, f"がモーダル「{title}」を送信しました" + (f"（{summary}）" if summary else "")
        )
        reply = self._post_interaction(payload)
        if record is not None and reply.status == 200:
            try:
                answer = reply.json()
            except ValueError:
                answer = None
            self.slack.apply_view_response(record.id, answer if isinstance(answer, dict) else None)
        return reply

    def view_closed(self, user: str, view_id: str | None = None, *, is_cleared: bool = False) -> BotReply:
        """``user`` dismisses a modal (sent only when the view set ``notify_on_close``)."""
        record = self.slack.view(view_id) if view_id else self.slack.latest_view(user)
        if record is None:
            raise ValueError(f"{user} has no open modal")
        self.slack.apply_view_response(record.id, {"response_action": "clear"} if is_cleared else None)
        payload: JsonDict = {
            "type": "view_closed",
            "team": self._team_object(),
            "user": self._user_object(user),
            "api_app_id": self.slack.app_id,
            "token": self.verification_token,
            "view": self.slack.view_api(record),
            "is_cleared": is_cleared,
            "is_enterprise_install": False,
        }
        return self._post_interaction(payload)

    def slash_command(self, user: str, command: str, text: str = "", channel: str | None = None, *,
                      user_team: str | None = None) -> BotReply:
        """``user`` runs ``command text`` in ``channel`` (default: their DM with the bot).
        ``user_team``: the person's own workspace, as Slack adds it for a person of another
        organisation in a Slack Connect channel."""
        channel_id = self._channel_id(channel or user)
        profile = self.slack.user_profile(user)
        fields = {
            "token": self.verification_token,
            "team_id": self.slack.team_id,
            "team_domain": "kessai-sandbox",
            "channel_id": channel_id,
            "channel_name": self.slack.channel_name(channel_id),
            "user_id": user,
            "user_name": str(profile.get("name", user.lower())),
            "command": command,
            "text": message_text(text, links=False),
            "api_app_id": self.slack.app_id,
            "is_enterprise_install": "false",
            "response_url": self._fresh_response_url(channel_id, user),
            "trigger_id": self._fresh_trigger(user),
            **({"user_team": user_team} if user_team else {}),
        }
        self.slack.note_interaction(user, f"が {command} {text}".rstrip(), channel=channel_id)
        reply = self._post_form(fields)
        answer = reply.json() if reply.status == 200 and reply.body.lstrip().startswith("{") else None
        if isinstance(answer, dict) and answer.get("response_type") != "in_channel" and (
                answer.get("text") or answer.get("blocks")):
            self.slack.note_command_reply(user, str(answer.get("text") or ""), answer.get("blocks") or [],
                                          channel=channel_id)
        return reply

    def message_shortcut(
        self, user: str, callback_id: str, channel: str, message_ts: str, text: str | None = None,
        files: Sequence[JsonDict] | None = None,
    ) -> BotReply:
        """``user`` picks the message shortcut ``callback_id`` on the message ``message_ts``
        (with ``files`` attached to it: see ``file``)."""
        channel_id = self._channel_id(channel)
        stored = self.slack.message(channel_id, message_ts)
        if stored is not None:
            message = stored.to_api(self.slack.team_id)
            if text is not None:
                message["text"], message["blocks"] = message_text(text), rich_text_blocks(text)
        else:
            message = {"type": "message", "text": message_text(text or ""), "blocks": rich_text_blocks(text or ""),
                       "user": user, "ts": message_ts}
        if files:
            message["files"] = list(files)
        payload: JsonDict = {
            "type": "message_action",
            "token": self.verification_token,
            "action_ts": self.slack.next_ts(),
            "team": self._team_object(),
            "user": self._user_object(user),
            "channel": {"id": channel_id, "name": self.slack.channel_name(channel_id)},
            "is_enterprise_install": False,
            "enterprise": None,
            "callback_id": callback_id,
            "trigger_id": self._fresh_trigger(user),
            "message_ts": message_ts,
            "message": message,
            "response_url": self._fresh_response_url(channel_id, user, message_ts),
        }
        return self._post_interaction(payload)

    def shortcut(self, user: str, callback_id: str) -> BotReply:
        """``user`` runs the global shortcut ``callback_id``."""
        payload: JsonDict = {
            "type": "shortcut",
            "token": self.verification_token,
            "action_ts": self.slack.next_ts(),
            "team": self._team_object(),
            "user": self._user_object(user),
            "is_enterprise_install": False,
            "enterprise": None,
            "callback_id": callback_id,
            "trigger_id": self._fresh_trigger(user),
        }
        return self._post_interaction(payload)


class SocketModeDriver(SlackDriver):
    """The same conversation, delivered over the app's Socket Mode connection.

    Every sending method works as on :class:`SlackDriver`; instead of a signed HTTP request, the
    payload travels as a Socket Mode envelope (``events_api``, ``interactive`` or
    ``slash_commands``; a retried event carries ``retry_attempt``), and :class:`BotReply` holds the
    app's acknowledgement (status 200 with the ``payload`` it returned, or 504 with no answer).
    """

    def __init__(self, slack: LocalSlack, *, timeout: float = BOT_ANSWER_TIMEOUT,
                 clock: Callable[[], float] = time.time) -> None:
        super().__init__("socket-mode:", "", slack=slack, timeout=timeout, clock=clock)

    def _send(self, body: bytes, headers: Mapping[str, str]) -> BotReply:
        self.last_request = SentRequest(body, dict(headers))
        if headers.get("Content-Type", "").startswith("application/json"):
            kind, payload = "events_api", json.loads(body)
        else:
            fields = dict(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
            if "payload" in fields:
                kind, payload = "interactive", json.loads(fields["payload"])
            else:
                kind, payload = "slash_commands", fields
        ack = self.slack.socket_send(kind, payload, retry_attempt=int(headers.get("X-Slack-Retry-Num") or 0),
                                     retry_reason=headers.get("X-Slack-Retry-Reason", ""), timeout=self.timeout)
        self.last_reply = (BotReply(200, json.dumps(ack.get("payload") or {}, ensure_ascii=False)) if ack is not None
                           else BotReply(504, ""))
        return self.last_reply


def _option_labels(element: Mapping[str, Any] | None, value: Any) -> str:
    """What the person saw and picked (the options' labels), for the demo's narration."""
    options = [*(element or {}).get("options", []),
               *(o for g in (element or {}).get("option_groups", []) for o in g.get("options", []))]
    labels = {str(o.get("value")): str(o.get("text", {}).get("text", "")) for o in options if isinstance(o, Mapping)}
    values = value if isinstance(value, list) else [value]
    return "、".join(labels.get(str(v)) or str(v) for v in values)
