"""What people are told, written to the outbox inside the caller's transaction.

Services decide *that* someone must be told; this module decides which Slack message that is and
under which key it can be found again (to update an approver's DM once someone has decided).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session

from bot import render
from bot.render import DecisionView, DraftView
from storage import outbox


def dm_key(draft_id: int, version: int, approver: str) -> str:
    return f"dm:{draft_id}:v{version}:{approver}"


def dm_prefix(draft_id: int, version: int) -> str:
    return f"dm:{draft_id}:v{version}:"


def status_key(draft_id: int, version: int) -> str:
    return f"thread:{draft_id}:v{version}:status"


class Notifier:
    def __init__(self, after_commit: Any = None) -> None:
        self.after_commit = after_commit

    def _post(self, s: Session, now: datetime, channel: str, msg: dict[str, Any], *,
              thread_ts: str | None = None, key: str | None = None) -> None:
        payload = {"channel": channel, **msg, "unfurl_links": False, "unfurl_media": False}
        if thread_ts:
            payload["thread_ts"] = thread_ts
        outbox.enqueue(s, "post", payload, now=now, message_key=key)

    def _update(self, s: Session, now: datetime, key: str, msg: dict[str, Any]) -> None:
        outbox.enqueue(s, "update", dict(msg), now=now, message_key=key)

    # -- intake ---------------------------------------------------------------------------
    def check_result(self, s: Session, now: datetime, *, channel: str, thread_ts: str,
                     view: DraftView, blocking: bool) -> None:
        self._post(s, now, channel, render.findings_reply(view, blocking), thread_ts=thread_ts,
                   key=f"thread:{view.id}:v{view.version}:check")

    def approval_requests(self, s: Session, now: datetime, *, channel: str, thread_ts: str,
                          view: DraftView, approvers: Sequence[str]) -> None:
        for approver in approvers:
            # Posting to a user id opens (or reuses) the app's DM with that person.
            self._post(s, now, approver, render.approval_request(view), key=dm_key(view.id, view.version, approver))
        self._post(s, now, channel, render.thread_status(view), thread_ts=thread_ts,
                   key=status_key(view.id, view.version))

    def decided(self, s: Session, now: datetime, *, channel: str, thread_ts: str, view: DraftView,
                decision: DecisionView, author_id: str) -> None:
        for key in outbox.posted_keys(s, dm_prefix(view.id, view.version)):
            self._update(s, now, key, render.approval_request(view, decided=decision))
        self._update(s, now, status_key(view.id, view.version), render.thread_status(view, decided=decision))
        label = "承認" if decision.kind == "approved" else "差戻し"
        self._post(s, now, channel, render.plain(
            f"<@{author_id}> さん、第{view.version}版が{label}されました。" + (
                "SNSへの投稿をお願いします。" if decision.kind == "approved"
                else "スレッドの理由を確認し、元のメッセージを編集して修正してください。")),
            thread_ts=thread_ts)

    def voided(self, s: Session, now: datetime, *, view: DraftView, note: str) -> None:
        """Tell every approver (and the thread) that the request or decision on ``view`` no longer holds."""
        for key in outbox.posted_keys(s, dm_prefix(view.id, view.version)):
            self._update(s, now, key, render.approval_request(view, voided_note=note))
        if outbox.posted_keys(s, status_key(view.id, view.version)):
            self._update(s, now, status_key(view.id, view.version), render.thread_status(view, voided_note=note))

    # -- refusals and notices --------------------------------------------------------------
    def ephemeral(self, s: Session, now: datetime, *, channel: str, user: str, text: str,
                  thread_ts: str | None = None) -> None:
        payload: dict[str, Any] = {"channel": channel, "user": user, "text": text}
        if thread_ts:
            payload["thread_ts"] = thread_ts
        outbox.enqueue(s, "ephemeral", payload, now=now)

    def respond(self, s: Session, now: datetime, *, response_url: str, text: str) -> None:
        outbox.enqueue(s, "respond", {"response_url": response_url, "body": {
            "response_type": "ephemeral", "replace_original": False, "text": text}}, now=now)

    def thread_notice(self, s: Session, now: datetime, *, channel: str, thread_ts: str, text: str) -> None:
        self._post(s, now, channel, render.plain(text), thread_ts=thread_ts)

    def home(self, s: Session, now: datetime, *, user: str, view: dict[str, Any]) -> None:
        outbox.enqueue(s, "publish_home", {"user_id": user, "view": view}, now=now)
