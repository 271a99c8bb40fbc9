"""What people are told, written to the outbox inside the caller's transaction.

Services decide *that* someone must be told; this module decides which Slack message that is and
under which key it can be found again (to update an approver's DM once someone has decided).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlmodel import Session

from bot import render
from bot.render import DecisionView, DraftView
from storage import outbox


def dm_key(draft_id: int, version: int, approver: str) -> str:
    return f"dm:{draft_id}:v{version}:{approver}"


def dm_prefix(draft_id: int, version: int) -> str:
    return f"dm:{draft_id}:v{version}:"


def recipient_of(key: str) -> str:
    return key.rsplit(":", 1)[-1]


def status_key(draft_id: int, version: int) -> str:
    return f"thread:{draft_id}:v{version}:status"


def root_key(draft_id: int) -> str:
    """The intake-channel message the bot posts for a draft made in the modal (its thread's parent)."""
    return f"draft:{draft_id}:root"


def draft_of_root(key: str) -> int | None:
    """The draft whose root message ``key`` names, or None for any other key."""
    parts = key.split(":")
    if len(parts) == 3 and parts[0] == "draft" and parts[2] == "root" and parts[1].isdigit():
        return int(parts[1])
    return None


# The outbox's and slack_messages' key columns (VARCHAR(200): PostgreSQL refuses a longer one).
KEY_MAX = 200
# An asked_key whose recipients are too many to name (about 15 deputies) names a digest instead.
UNNAMED = "#"


def asked_key(draft_id: int, version: int, recipients: Sequence[str]) -> str:
    """The thread's notice that ``recipients`` (deputies) were asked to decide too: they are named
    in it (``Notifier._drop_held_asked`` reads them), unless they are too many to fit KEY_MAX, in
    which case a digest of them stands in (the whole reroute failed on PostgreSQL otherwise)."""
    key = f"{asked_prefix(draft_id, version)}{'+'.join(recipients)}"
    if len(key) <= KEY_MAX:
        return key
    digest = hashlib.sha256("+".join(recipients).encode()).hexdigest()[:24]
    return f"{asked_prefix(draft_id, version)}{UNNAMED}{digest}"


def asked_prefix(draft_id: int, version: int) -> str:
    return f"thread:{draft_id}:v{version}:asked:"


def check_key(draft_id: int, version: int) -> str:
    """The thread reply with a version's check result (and, when it blocks, its buttons)."""
    return f"thread:{draft_id}:v{version}:check"


def decided_key(draft_id: int, version: int) -> str:
    """The thread reply telling the author how a version was decided (a rejection's 「修正する」)."""
    return f"thread:{draft_id}:v{version}:decided"


def account_question_key(draft_id: int) -> str:
    return f"thread:{draft_id}:account"


def home_key(user: str) -> str:
    return f"home:{user}"


def publish_key(draft_id: int, version: int) -> str:
    return f"thread:{draft_id}:v{version}:publish"


def unpublished_key(draft_id: int, version: int) -> str:
    """The author's 未投稿の確認 DM for a version (``bot.sweep``): one held for the business morning
    is taken back when the version is published or voided before it goes."""
    return f"unpublished:{draft_id}:v{version}"


@dataclass(frozen=True)
class Thread:
    """Where a draft's conversation happens.

    ``ts`` is the parent message when known (a person's intake message, or a bot-posted root that
    has been delivered); otherwise ``root`` names the bot's root message, and replies wait in the
    outbox until it is posted.
    """

    channel: str
    ts: str | None = None
    root: str | None = None


class Notifier:
    def __init__(self) -> None:
        # How long a request claims its express rows, or None when no running gateway sends them
        # right after the commit (bot.app wires it to SlackGateway.express_lease).
        self.express_lease: Callable[[], timedelta | None] = lambda: None

    def _post(self, s: Session, now: datetime, channel: str, msg: dict[str, Any], *,
              thread_ts: str | None = None, key: str | None = None, express: bool = False) -> None:
        payload = {"channel": channel, **msg, "unfurl_links": False, "unfurl_media": False}
        if thread_ts:
            payload["thread_ts"] = thread_ts
        lease = self.express_lease() if express else None
        until = now + lease if lease is not None else None
        outbox.enqueue(s, "post", payload, now=now, message_key=key, express_until=until,
                       thread_key=f"{channel}:{thread_ts}" if thread_ts else None)

    def _reply(self, s: Session, now: datetime, thread: Thread, msg: dict[str, Any], *,
               key: str | None = None) -> None:
        if thread.ts or not thread.root:
            self._post(s, now, thread.channel, msg, thread_ts=thread.ts, key=key)
            return
        payload = {"channel": thread.channel, **msg, "unfurl_links": False, "unfurl_media": False}
        outbox.enqueue_reply_after(s, thread.root, payload, now=now, message_key=key)

    def _update(self, s: Session, now: datetime, key: str, msg: dict[str, Any]) -> None:
        outbox.enqueue(s, "update", dict(msg), now=now, message_key=key)

    def _settle_dm(self, s: Session, now: datetime, key: str, msg: dict[str, Any]) -> None:
        """Show an approval DM's request as settled (decided, withdrawn, void). A DM still held for
        the business morning is not sent at all instead: its recipient never saw the request, and
        a buzz at 08:30 for something settled at 07:00 only asks them to read that it is."""
        if not outbox.drop_unsent_post(s, key):
            self._update(s, now, key, msg)

    def _drop_held_asked(self, s: Session, view: DraftView) -> None:
        """A thread notice still held for the morning that says deputies were asked, when none of
        their DMs (held with it) will be sent any more (``_settle_dm``): it would tell the thread,
        after the decision or the approver's return, of requests nobody received. While one of
        them is still sent, the notice is too (a retraction of the others follows it)."""
        sent = set(outbox.posted_keys(s, dm_prefix(view.id, view.version)))
        prefix = asked_prefix(view.id, view.version)
        for key in outbox.posted_keys(s, prefix):
            named = key.removeprefix(prefix)
            if named.startswith(UNNAMED):  # too many to name: kept while any DM of the version stands
                still_asked = bool(sent)
            else:
                still_asked = any(dm_key(view.id, view.version, r) in sent for r in named.split("+"))
            if not still_asked:
                outbox.drop_unsent_post(s, key)

    # -- intake ---------------------------------------------------------------------------
    def draft_root(self, s: Session, now: datetime, *, channel: str, draft_id: int,
                   msg: dict[str, Any]) -> None:
        # Marked as a thread parent: should the channel refuse it, the gateway keeps trying and
        # its replies go to the author meanwhile (bot.delivery_failures).
        self._post(s, now, channel, {**msg, outbox.PARENT: True}, key=root_key(draft_id))

    def draft_root_revised(self, s: Session, now: datetime, *, draft_id: int, msg: dict[str, Any]) -> None:
        self._update(s, now, root_key(draft_id), msg)

    def check_result(self, s: Session, now: datetime, *, thread: Thread, view: DraftView, blocking: bool) -> None:
        self._reply(s, now, thread, render.findings_reply(view, blocking), key=check_key(view.id, view.version))

    def author_standing_changed(self, s: Session, now: datetime, *, view: DraftView, state: str,
                                decision: DecisionView | None, author_id: str, stopped: str | None) -> None:
        """Redraw the thread replies whose buttons are for the author of a draft waiting on them
        (``state``: needs_fix or rejected), with the buttons (``stopped`` None) or without them and why."""
        if state == "needs_fix" and outbox.posted_keys(s, check_key(view.id, view.version)):
            self._update(s, now, check_key(view.id, view.version), render.findings_reply(view, True, stopped=stopped))
        if state == "rejected" and decision is not None and outbox.posted_keys(s, decided_key(view.id, view.version)):
            self._update(s, now, decided_key(view.id, view.version),
                         render.decided_notice(view, decision, author_id=author_id, stopped=stopped))

    def account_question(self, s: Session, now: datetime, *, thread: Thread, draft_id: int, author_id: str,
                         options: Sequence[tuple[str, str]]) -> None:
        self._reply(s, now, thread, render.account_question(draft_id, author_id, options),
                    key=account_question_key(draft_id))

    def account_chosen(self, s: Session, now: datetime, *, draft_id: int, account_name: str, chooser: str) -> None:
        self._update(s, now, account_question_key(draft_id), render.account_chosen(account_name, chooser))

    def account_question_closed(self, s: Session, now: datetime, *, draft_id: int) -> None:
        self._update(s, now, account_question_key(draft_id), render.account_question_closed())

    def approval_dm(self, s: Session, now: datetime, *, recipient: str, view: DraftView,
                    acting_for_name: str | None = None) -> None:
        # Posting to a user id opens (or reuses) the app's DM with that person. Express: the
        # approver's phone should buzz without waiting for the outbox worker's next pass.
        self._post(s, now, recipient, render.approval_request(view, acting_for_name=acting_for_name),
                   key=dm_key(view.id, view.version, recipient), express=True)

    def pending_status(self, s: Session, now: datetime, *, thread: Thread, view: DraftView,
                       recipients: Sequence[str]) -> None:
        self._reply(s, now, thread, render.thread_status(view, recipients=recipients),
                    key=status_key(view.id, view.version))

    def pending_status_redrawn(self, s: Session, now: datetime, *, view: DraftView, recipients: Sequence[str]) -> None:
        """The 「決裁待ち」 line again, when who holds the request changed (the organisation file did)."""
        key = status_key(view.id, view.version)
        if outbox.posted_keys(s, key):
            self._update(s, now, key, render.thread_status(view, recipients=recipients))

    def decided(self, s: Session, now: datetime, *, thread: Thread, view: DraftView, decision: DecisionView,
                author_id: str, acting_for: Mapping[str, str] | None = None) -> None:
        """Update every DM of this version and the thread; tell the author.

        ``acting_for`` maps a deputy's id to the name of the approver they were asked for, so their
        updated DM still says it was a 代決 request.
        """
        acting_for = acting_for or {}
        for key in outbox.posted_keys(s, dm_prefix(view.id, view.version)):
            self._settle_dm(s, now, key, render.approval_request(
                view, decided=decision, acting_for_name=acting_for.get(recipient_of(key))))
        self._drop_held_asked(s, view)
        self._update(s, now, status_key(view.id, view.version), render.thread_status(view, decided=decision))
        self._reply(s, now, thread, render.decided_notice(view, decision, author_id=author_id),
                    key=decided_key(view.id, view.version))
        if decision.kind == "approved":
            self.publish_prompt(s, now, thread=thread, view=view)

    def voided(self, s: Session, now: datetime, *, view: DraftView, note: str,
               acting_for: Mapping[str, str] | None = None) -> None:
        """Tell every approver (and the thread) that the request or decision on ``view`` no longer holds."""
        acting_for = acting_for or {}
        for key in outbox.posted_keys(s, dm_prefix(view.id, view.version)):
            self._settle_dm(s, now, key, render.approval_request(
                view, voided_note=note, acting_for_name=acting_for.get(recipient_of(key))))
        self._drop_held_asked(s, view)
        # A 未投稿の確認 held for the morning would ask the author to publish what no longer stands.
        outbox.drop_unsent_post(s, unpublished_key(view.id, view.version))
        if outbox.posted_keys(s, status_key(view.id, view.version)):
            self._update(s, now, status_key(view.id, view.version), render.thread_status(view, voided_note=note))
        if outbox.posted_keys(s, publish_key(view.id, view.version)):
            self._update(s, now, publish_key(view.id, view.version), render.plain(note))

    def withdrawn(self, s: Session, now: datetime, *, view: DraftView, recipient: str, note: str,
                  acting_for_name: str | None = None) -> None:
        """One person's request on ``view`` no longer holds (a 代決 request after the approver's return)."""
        key = dm_key(view.id, view.version, recipient)
        if outbox.posted_keys(s, key):
            self._settle_dm(s, now, key, render.approval_request(view, voided_note=note, acting_for_name=acting_for_name))
            self._drop_held_asked(s, view)

    def acting_for_changed(self, s: Session, now: datetime, *, view: DraftView, recipient: str,
                           acting_for_name: str) -> None:
        """A deputy's request on ``view`` now stands in for another approver: their DM is redrawn
        with its buttons, naming that approver. One still held for the morning is written anew
        instead (an edit of a message not yet in Slack has nothing to edit)."""
        key = dm_key(view.id, view.version, recipient)
        if outbox.drop_unsent_post(s, key):
            self.approval_dm(s, now, recipient=recipient, view=view, acting_for_name=acting_for_name)
        elif outbox.posted_keys(s, key):
            self._update(s, now, key, render.approval_request(view, acting_for_name=acting_for_name))

    # -- 決裁省略 and publication -------------------------------------------------------------
    def exempted(self, s: Session, now: datetime, *, thread: Thread, view: DraftView, category_ja: str,
                 approvers: Sequence[str]) -> None:
        self._reply(s, now, thread, render.exempt_notice(view, category_ja), key=status_key(view.id, view.version))
        for approver in approvers:
            self._post(s, now, approver, render.after_report(view, category_ja),
                       key=f"report:{view.id}:v{view.version}:{approver}")
        self.publish_prompt(s, now, thread=thread, view=view)

    def publish_prompt(self, s: Session, now: datetime, *, thread: Thread, view: DraftView) -> None:
        self._reply(s, now, thread, render.publish_prompt(view), key=publish_key(view.id, view.version))

    def published(self, s: Session, now: datetime, *, thread: Thread, view: DraftView, url: str,
                  at: datetime, by_name: str) -> None:
        self._update(s, now, publish_key(view.id, view.version), render.published_notice(view, url, at, by_name))
        # Marked published before the business morning: the 未投稿の確認 held until then has nothing to ask.
        outbox.drop_unsent_post(s, unpublished_key(view.id, view.version))

    def expired(self, s: Session, now: datetime, *, thread: Thread, view: DraftView, note: str, author_id: str,
                acting_for: Mapping[str, str] | None = None) -> None:
        self.voided(s, now, view=view, note=note, acting_for=acting_for)
        self._reply(s, now, thread, render.plain(f"<@{author_id}> さん、{note}"))

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

    def overridden(self, s: Session, now: datetime, *, thread: Thread, actor_name: str, version: int,
                   reason: str) -> None:
        self._reply(s, now, thread, render.override_notice(actor_name, version, reason))

    def thread_notice(self, s: Session, now: datetime, *, thread: Thread, text: str, key: str | None = None) -> None:
        self._reply(s, now, thread, render.plain(text), key=key)

    def direct(self, s: Session, now: datetime, *, user: str, text: str) -> None:
        self._post(s, now, user, render.plain(text))

    def home(self, s: Session, now: datetime, *, user: str, view: dict[str, Any]) -> None:
        # Keyed per user: successive publishes of one Home are delivered in order.
        outbox.enqueue(s, "publish_home", {"user_id": user, "view": view}, now=now, message_key=home_key(user))

    def refresh_home(self, s: Session, now: datetime, *, user: str) -> None:
        """Ask for this person's App Home to be re-rendered when the outbox gets to it.

        Rendering happens at delivery, off the request path; a burst of changes is collapsed
        there (only the newest waiting refresh is rendered, see storage.outbox.supersede).
        """
        outbox.enqueue(s, "refresh_home", {"user_id": user}, now=now, message_key=home_key(user))

    def roster_changed(self, s: Session, now: datetime, *, users: Iterable[str]) -> None:
        """The organisation file changed what ``users`` may do (storage.roster.sync): redraw the
        App Home of those who have opened it, in the transaction that records the change, so that
        nobody keeps a list of drafts or a button the file no longer gives them until they happen
        to open it again. A person removed from the file is redrawn too (their Home empties)."""
        for user in self.with_home(s, sorted(users)):
            self.refresh_home(s, now, user=user)

    def with_home(self, s: Session, users: Sequence[str]) -> list[str]:
        """Those of ``users`` whose App Home has been published, in one query."""
        present = outbox.keys_present(s, [home_key(u) for u in users])
        return [u for u in users if home_key(u) in present]
