"""Plain records the local Slack server keeps: calls, messages, ephemerals, views, faults."""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

JsonDict = dict[str, Any]


@dataclass(frozen=True)
class Fault:
    """One queued failure for a Web API method (or ``"*"``, or ``"response_url"``).

    ``applied`` models the nastiest real-world case: Slack performed the call but the client never
    heard back (the response is delayed past the client's timeout). Without it, a faulted call
    leaves the workspace untouched.
    """

    method: str
    status: int | None = None
    # Seconds, or the header's text as is (an HTTP date, garbage) to see how a client copes.
    retry_after: float | str | None = None
    error: str | None = None
    delay: float | None = None
    # Only calls to this conversation fault (others pass), as when one channel lacks the bot.
    channel: str | None = None
    applied: bool = False
    # Answered as is instead of Slack's JSON: what a proxy's error page or a broken edge sends.
    body: str | None = None
    # The answer stops part-way (the connection closes before the promised length): the client
    # reads an incomplete body, as when a proxy or Slack's edge drops a connection mid-answer.
    cut_short: bool = False
    # No answer at all: the connection closes once the request is read (the client sees
    # RemoteDisconnected), as when a proxy or Slack's edge drops it; with ``applied``, after the call was made.
    dropped: bool = False
    # A slow drip: the answer (a success) goes out one byte every this many seconds, each byte
    # within any read timeout, the whole far beyond it.
    drip: float | None = None
    # A slow Slack whose own backend makes the call only when ``delay`` ends (an answer late
    # because the work was late): a client that gave up meanwhile and looks for what it asked
    # finds nothing yet. Without it a slow call is made at once and only its answer held back.
    late: bool = False
    # Ends ``delay`` early once set, so that a test holds an answer until something has happened
    # rather than for a time a loaded machine may outlast; ``delay`` stays the longest it waits.
    released: threading.Event | None = field(default=None, compare=False)

    @property
    def slow_success(self) -> bool:
        """A slow Slack, not a failing one: the call is made and succeeds, answered ``delay`` late."""
        return (self.status == 200 and bool(self.delay) and self.error is None and self.body is None
                and not self.cut_short and not self.dropped
                and self.drip is None)

    def describe(self) -> str:
        parts = [f"status={self.status}"] if self.status else []
        if self.body is not None:
            parts.append(f"body={self.body[:40]!r}")
        if self.error:
            parts.append(f"error={self.error}")
        if self.retry_after is not None:
            parts.append(f"retry_after={self.retry_after}")
        if self.delay is not None:
            parts.append(f"delay={self.delay}")
        if self.cut_short:
            parts.append("cut short")
        if self.dropped:
            parts.append("dropped")
        if self.drip is not None:
            parts.append(f"drip={self.drip}")
        if self.late:
            parts.append("made late")
        if self.applied:
            parts.append("applied")
        return f"{self.method}: " + ", ".join(parts or ["status=500"])


@dataclass(frozen=True)
class SlackCall:
    """One request the server answered, in arrival order."""

    method: str
    params: JsonDict
    response: JsonDict
    status: int
    time: float
    fault: Fault | None = None

    @property
    def ok(self) -> bool:
        return self.status == 200 and bool(self.response.get("ok"))


def edited_time(ts: str) -> str:
    """A message's ``edited.ts`` as Slack gives it: whole seconds (「1700000100.000000」), while the
    ``message_changed`` event of that edit has a ``ts`` with microseconds (「1700000100.482913」).
    Slack's reference shows both alike, and the sandbox used to copy it."""
    return f"{ts.partition('.')[0]}.000000"


@dataclass
class Message:
    """The current state of a channel message (``chat.update`` mutates it in place)."""

    channel: str
    ts: str
    text: str
    user: str
    blocks: list[JsonDict] = field(default_factory=list)
    thread_ts: str | None = None
    bot_id: str | None = None
    edited_ts: str | None = None
    deleted: bool = False
    reactions: dict[str, list[str]] = field(default_factory=dict)
    reply_ts: list[str] = field(default_factory=list)
    extra: JsonDict = field(default_factory=dict)

    def to_api(self, team_id: str) -> JsonDict:
        """The message as Slack's Web API returns it (history, replies, postMessage)."""
        out: JsonDict = {
            "type": "message",
            "user": self.user,
            "text": self.text,
            "ts": self.ts,
            "team": team_id,
        }
        if self.bot_id:
            out["bot_id"] = self.bot_id
            out["app_id"] = self.extra.get("app_id", "A0KESSAI")
        if self.blocks:
            out["blocks"] = self.blocks
        if self.thread_ts:
            out["thread_ts"] = self.thread_ts
        if self.reply_ts:
            out["thread_ts"] = self.ts
            out["reply_count"] = len(self.reply_ts)
            out["latest_reply"] = self.reply_ts[-1]
        if self.edited_ts:
            out["edited"] = {"user": self.user, "ts": edited_time(self.edited_ts)}
        if self.reactions:
            out["reactions"] = [
                {"name": name, "users": list(users), "count": len(users)}
                for name, users in self.reactions.items()
            ]
        for key in ("attachments", "metadata"):
            if key in self.extra:
                out[key] = self.extra[key]
        return out


@dataclass(frozen=True)
class Ephemeral:
    """A message only ``user`` can see; ``via`` is ``chat.postEphemeral`` or ``response_url``."""

    channel: str | None
    user: str | None
    text: str
    blocks: list[JsonDict]
    ts: str
    via: str
    thread_ts: str | None = None


@dataclass
class View:
    """A modal or App Home view as Slack stores it."""

    id: str
    user: str
    type: str
    view: JsonDict
    hash: str
    root_view_id: str
    previous_view_id: str | None = None
    open: bool = True

    def to_api(self, team_id: str, app_id: str, bot_id: str) -> JsonDict:
        """The view object as Slack returns it from views.* and sends it in interaction payloads."""
        spec = self.view
        return {
            "id": self.id,
            "team_id": team_id,
            "type": self.type,
            "blocks": spec.get("blocks", []),
            "private_metadata": spec.get("private_metadata", ""),
            "callback_id": spec.get("callback_id", ""),
            "state": {"values": {}},
            "hash": self.hash,
            "title": spec.get("title"),
            "clear_on_close": bool(spec.get("clear_on_close", False)),
            "notify_on_close": bool(spec.get("notify_on_close", False)),
            "close": spec.get("close"),
            "submit": spec.get("submit"),
            "previous_view_id": self.previous_view_id,
            "root_view_id": self.root_view_id,
            "app_id": app_id,
            "external_id": spec.get("external_id", ""),
            "app_installed_team_id": team_id,
            "bot_id": bot_id,
        }


@dataclass(frozen=True)
class ResponseUrl:
    """Where a ``response_url`` leads: the channel/user/message of the interaction that issued it."""

    id: str
    url: str
    channel: str | None
    user: str | None
    message_ts: str | None
    issued_at: float
