"""The outbox: messages to Slack, written in the same transaction as the state change they report."""

from __future__ import annotations

import functools
import logging
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import (
    ARRAY,
    CompoundSelect,
    DateTime,
    Insert,
    Integer,
    Interval,
    String,
    and_,
    any_,
    bindparam,
    case,
    delete,
    event,
    exists,
    func,
    insert,
    literal_column,
    null,
    or_,
    union,
    union_all,
    update,
)
from sqlalchemy import select as select_
from sqlalchemy.dialects import postgresql
from sqlalchemy.engine import Engine
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement, SavepointClause
from sqlmodel import Session, col, select

from storage.db import RIDERS, as_utc, dialect_insert, is_in, session_info_of, starts_with, take_riders
from storage.models import DeletedMessageRow, OutboxRow, SlackMessageRow, new_row

log = logging.getLogger(__name__)
# Payload key (not sent to Slack) marking a failure report, so a failing one never reports itself
# (bot.delivery_failures.REPORT_FLAG): a reply that follows a report's DM copy is one.
FAILURE_REPORT = "_failure_report"

PENDING, SENT, FAILED = "pending", "sent", "failed"
# A reply waiting for its thread's parent (a message the bot itself posts) to be delivered: only
# then is the parent's ts known. ``record_sent`` releases it in the delivering transaction.
HELD = "held"
AFTER = "_after"  # payload key naming the parent's message_key; removed on release
# Payload flag of a post that other messages reply to (a modal draft's root post in the intake
# channel). When the channel refuses it, a stand-in message in a DM (``stand_in_key``) takes its
# place for the replies until it is posted: see ``divert_replies``.
PARENT = "_thread_parent"
# A held reply that goes to the stand-in's conversation as a message of its own (not in a thread).
PLAIN = "_plain"
# What a reply says when Slack posts it in the channel instead of its thread (its parent deleted in
# the seconds before the bot heard of it): the text and blocks a message of its own needs to be
# understood there, as ``chat.update`` arguments.
ALONE = "_alone"


# Session.info keys: rows written in this transaction but not yet inserted (see flush_pending), and
# rows the committing process delivers itself right after the commit (SlackGateway.deliver_express).
PENDING_ROWS = "kessai_outbox_pending"
EXPRESS = "kessai_express_rows"
EXPRESS_CLAIMS = "kessai_express_claims"  # the express rows' claims (Claim), by outbox id
# Session.info key: new posts written in this transaction are not delivered before this instant
# (see hold_posts_until).
POSTS_NOT_BEFORE = "kessai_posts_not_before"
# Per savepoint (its SessionTransaction), how many express rows were its outer transaction's.
_express_marks: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


@dataclass(frozen=True)
class Claim:
    """A delivery's hold on an outbox row.

    Replicas on other hosts have clocks of their own: a claim ending at an instant of the
    claimer's clock was taken by a replica whose clock ran a few seconds ahead while the claimer
    was still sending, and the message was posted twice. So the claim's end is the database's
    instant (``until``: written and judged by the database's clock, ``_now``), which is also the
    token a renewal compares. The holder counts the time it has left by its own clock and by the
    monotonic one, whichever ends first, both read before the database's clock was: elapsed time
    is right on a clock that is off by a constant, and a clock stepped back does not stretch it.
    """

    until: datetime
    local_until: datetime
    mono_until: float

    @classmethod
    def taken(cls, until: datetime, now: datetime, mono: float, lease: timedelta) -> Claim:
        """A claim of ``lease`` taken by a statement that ran after ``now`` and ``mono`` were read."""
        return cls(until=until, local_until=now + lease, mono_until=mono + lease.total_seconds())

    def left(self, now: datetime) -> timedelta:
        """How long the holder can count on it still, ``now`` by its own clock."""
        return min(self.local_until - now, timedelta(seconds=self.mono_until - time.monotonic()))


# SQLite's clock in the text form SQLAlchemy stores datetimes in (milliseconds, padded to micro).
_SQLITE_NOW = "%Y-%m-%d %H:%M:%f000"


def _now(dialect: str) -> ColumnElement[datetime]:
    """The database's clock: what every claim is written and judged by (see Claim)."""
    if dialect == "postgresql":
        return func.clock_timestamp(type_=DateTime(timezone=True))
    return func.strftime(_SQLITE_NOW, "now", type_=DateTime)


def _lease_end(dialect: str, lease: timedelta) -> ColumnElement[datetime]:
    if dialect == "postgresql":
        return func.clock_timestamp(type_=DateTime(timezone=True)) + lease
    return func.strftime(_SQLITE_NOW, "now", f"{lease.total_seconds():+.6f} seconds", type_=DateTime)


def hold_posts_until(s: Session, at: datetime | None) -> None:
    """Deliver the posts this transaction writes from then on no earlier than ``at``.

    The sweep changes state on time at any hour (a draft expires at 1/1 00:00, an absence ends at
    midnight), but the messages that make phones buzz wait for the next business morning. Only
    posts wait: an update of a message already posted (an approver's DM now showing 期限切れ, its
    buttons gone) rings nobody and should show the new state at once. A waiting post leaves its
    thread's order (no thread key): one notice held over 年末年始 must not hold back the replies
    someone gets in that thread on 1/2. ``None`` lifts the hold.
    """
    if at is None:
        s.info.pop(POSTS_NOT_BEFORE, None)
    else:
        s.info[POSTS_NOT_BEFORE] = at


def enqueue(
    s: Session, op: str, payload: dict[str, Any], *, now: datetime, message_key: str | None = None,
    express_until: datetime | None = None, status: str = PENDING, thread_key: str | None = None,
    error: str | None = None,
) -> None:
    """Write a message to send, in the caller's transaction.

    Rows are collected and inserted together (``flush_pending``): one statement per transaction
    instead of one ORM object each — intake writes four to six of them per draft.
    ``express_until``: the committing process claims the row until then (for as long from ``now``,
    by the database's clock: see Claim) and sends it itself once the transaction commits; if that
    process dies first, the claim lapses and the row is delivered like any other. ``thread_key``: replies with the same key are delivered one after
    another, in the order written.
    """
    s.connection()  # the rows belong to this transaction: a rollback of it forgets them (see below)
    due = now
    not_before: datetime | None = s.info.get(POSTS_NOT_BEFORE)
    if op == "post" and not_before is not None and not_before > now:
        # Held for the morning: not sent right after the commit, and not in its thread's order
        # (a held reply waiting for its parent keeps the key its release looks it up by).
        due, express_until = not_before, None
        if status == PENDING:
            thread_key = None
    s.info.setdefault(PENDING_ROWS, []).append({
        "op": op, "payload": payload, "message_key": message_key, "thread_key": thread_key, "status": status,
        "attempts": 0,
        "next_attempt_at": due, "claimed_until": express_until, "created_at": now, "last_error": error,
    })


# More rows than this may go in several INSERTs (SQLAlchemy's insertmanyvalues batches), each of
# which would write the riders again: they then go in on their own. (Fewer when the dialect's pages
# are smaller, see _riders_fit.)
_RIDERS_WITH_AT_MOST = 100


def _riders_fit(s: Session, pending: list[dict[str, Any]] | None, riders: int) -> bool:
    """Whether the outbox INSERT of ``pending`` is one statement, able to carry the riders once."""
    if not pending:
        return False
    dialect = s.get_bind().dialect
    # Per row its values and the counter that keeps RETURNING in order; the riders' arrays once.
    by_parameters = (dialect.insertmanyvalues_max_parameters - riders) // (len(pending[0]) + 1)
    return len(pending) <= min(_RIDERS_WITH_AT_MOST, dialect.insertmanyvalues_page_size, by_parameters)


# Insert parameter standing for claimed_until: how long an express row is claimed, by the
# database's clock (see Claim); None for the others.
_EXPRESS_LEASE = "express_lease"


def _express_lease(dialect: str, lease: timedelta | None) -> Any:
    if lease is None or dialect == "postgresql":
        return lease
    return f"{lease.total_seconds():+.6f} seconds"  # SQLite's modifier; strftime of a NULL one is NULL


@functools.cache
def _insert_statement(dialect: str, riders: tuple[Insert, ...]) -> Any:
    table = OutboxRow.__table__  # type: ignore[attr-defined]
    if dialect == "postgresql":
        claimed_until: Any = func.clock_timestamp(type_=DateTime(timezone=True)) + bindparam(_EXPRESS_LEASE, type_=Interval)
    else:
        claimed_until = func.strftime(_SQLITE_NOW, "now", bindparam(_EXPRESS_LEASE, type_=String), type_=DateTime)
    stmt = insert(table).values(claimed_until=claimed_until) \
        .returning(table.c.id, table.c.claimed_until, sort_by_parameter_order=True)
    return stmt.add_cte(*(r.cte(f"rider_{i}") for i, r in enumerate(riders))) if riders else stmt


def flush_pending(s: Session) -> None:
    """Insert the rows ``enqueue`` collected, with those riding along (``db.ride_along``) in the
    same statement; every read of the outbox in a session calls this first."""
    riders = take_riders(s)
    pending = s.info.pop(PENDING_ROWS, None)
    if riders and not _riders_fit(s, pending, sum(len(columns) for columns in riders.values())):
        for statement, columns in riders.items():
            s.connection().execute(statement, columns)
        riders = {}
    if not pending:
        return
    _insert_pending(s.connection(), s.info, pending, riders)


def _insert_pending(conn: Any, info: dict[Any, Any], pending: list[dict[str, Any]],
                    riders: dict[Insert, dict[str, list[Any]]]) -> None:
    dialect = conn.dialect.name
    stmt = _insert_statement(dialect, tuple(riders))
    # An express row's claim (enqueue's express_until, by the writer's clock) is written as as long
    # from now by the database's clock (see Claim).
    leases = [None if row["claimed_until"] is None else row["claimed_until"] - row["created_at"] for row in pending]
    extra = {k: v for columns in riders.values() for k, v in columns.items()}  # the riders' arrays, used once
    params = [{**{k: v for k, v in row.items() if k != "claimed_until"}, **extra,
               _EXPRESS_LEASE: _express_lease(dialect, lease)} for row, lease in zip(pending, leases, strict=True)]
    mono = time.monotonic()  # before the database's clock is read
    inserted = [(int(i), until) for i, until in conn.execute(stmt, params)]
    express = [(i, until, row, lease) for (i, until), row, lease in zip(inserted, pending, leases, strict=True)
               if lease is not None]
    if not express:
        return
    claims = info.setdefault(EXPRESS_CLAIMS, {})
    for i, until, row, lease in express:
        claims[i] = Claim(until=until, local_until=row["claimed_until"], mono_until=mono + lease.total_seconds())
    info.setdefault(EXPRESS, []).extend(new_row(OutboxRow, id=i, **{**row, "claimed_until": until})
                                        for i, until, row, _ in express)


@event.listens_for(Engine, "before_execute")
def _pending_before_savepoint(conn: Any, clause: Any, multiparams: Any, params: Any, options: Any) -> None:
    # A savepoint rolled back forgets the rows collected since the transaction began
    # (_forget_on_rollback): those collected before the savepoint are written as it begins, so
    # that a failure inside it does not take the outer transaction's messages with it.
    if not isinstance(clause, SavepointClause):
        return
    info = session_info_of(conn)
    if info is not None and info.get(PENDING_ROWS):
        _insert_pending(conn, info, info.pop(PENDING_ROWS), {})


@event.listens_for(Session, "after_transaction_create")
def _savepoint_at_once(s: Session, transaction: Any) -> None:
    # SQLAlchemy emits a savepoint's SAVEPOINT at its first statement: one whose body failed
    # before any (a report that broke while composing its text) was rolled back without it, and
    # the rollback forgot the outer transaction's rows and riders with its own. Begun now, they
    # are written as it begins (_pending_before_savepoint, db._riders_first).
    if not transaction.nested:
        return
    if s.info.get(PENDING_ROWS) or s.info.get(RIDERS):
        s.connection()
    if s.info.get(EXPRESS):
        # The outer transaction's express rows stay in the database when the savepoint is rolled
        # back: they must still be sent right after the commit, not 15 s later when their claim lapses.
        _express_marks[transaction] = len(s.info[EXPRESS])


@event.listens_for(Session, "before_commit")
def _flush_before_commit(s: Session) -> None:
    flush_pending(s)


@event.listens_for(Session, "after_soft_rollback")
def _forget_on_rollback(s: Session, previous: Any) -> None:
    # Rows collected for a transaction that was rolled back must not ride on a later commit of
    # the same session (the sweep undoes a reminder's claim this way and carries on).
    s.info.pop(PENDING_ROWS, None)
    mark = _express_marks.pop(previous, None)
    if mark:
        del s.info[EXPRESS][mark:]
    else:
        s.info.pop(EXPRESS, None)
        s.info.pop(EXPRESS_CLAIMS, None)


STAND_IN_SUFFIX = ":stand-in"


def stand_in_key(parent_key: str) -> str:
    """The message that receives a parent's replies while the parent cannot be posted."""
    return parent_key + STAND_IN_SUFFIX


def parent_of_stand_in(key: str) -> str | None:
    """The parent a stand-in (``stand_in_key``) stands in for; None for any other key."""
    return key[: -len(STAND_IN_SUFFIX)] if key.endswith(STAND_IN_SUFFIX) else None


def lock_post(s: Session, key: str) -> None:
    """Take turns, until commit, with the delivery recording the post ``key`` (PostgreSQL; SQLite
    writes one at a time already): a reply held for it while its refusal was being handled was
    committed after the handling had moved the held ones elsewhere, and waited for ever."""
    flush_pending(s)
    if s.get_bind().dialect.name == "postgresql":
        s.exec(select(OutboxRow.id).where(OutboxRow.message_key == key, OutboxRow.op == "post").with_for_update()).all()


def failed_for_good(s: Session, key: str) -> bool:
    """Whether the post ``key`` was given up on (and so never reached Slack)."""
    flush_pending(s)
    return message_location(s, key) is None and s.exec(
        select(OutboxRow.id).where(OutboxRow.message_key == key, OutboxRow.op == "post",
                                   OutboxRow.status == FAILED).limit(1)).first() is not None


def deleted_in_slack(s: Session, key: str) -> bool:
    """Whether the message ``key`` was deleted in Slack: its deletion event came (Slack accepts a
    reply under a deleted message and shows it to nobody), or Slack answered an edit of it that it
    no longer has (every later edit would be refused alike)."""
    flush_pending(s)
    loc = message_location(s, key)
    if loc is not None and s.get(DeletedMessageRow, (loc.channel, loc.ts)) is not None:
        return True
    return s.exec(select(OutboxRow.id).where(OutboxRow.message_key == key, OutboxRow.op == "update",
                                             OutboxRow.status == FAILED,
                                             OutboxRow.last_error == "message_not_found").limit(1)).first() is not None


def drop_unsent_post(s: Session, key: str) -> bool:
    """Take back a post of ``key`` held for later (``hold_posts_until``) that was never handed to
    Slack, because what it asks for is settled (the draft was decided, the request withdrawn);
    True when nothing of ``key`` is in Slack or on its way any more, so no edit should be written.

    An approval DM held for 08:30 whose draft another approver decided at 07:00 would otherwise
    buzz a phone for a settled request and then be edited: better that it never arrives. Only a
    row nobody ever claimed goes (a claimed one may be in Slack already), compared and deleted in
    one statement, so a delivery claiming it at that moment keeps it and the caller edits it as
    usual. With the post go the edits written behind it: ``chat.update`` would find no message.
    A thread reply held for its parent as well (``HELD``) was never sent either, and goes the same way.
    """
    flush_pending(s)
    o = OutboxRow
    dropped = [i for (i,) in s.connection().execute(
        delete(o).where(col(o.message_key) == key, col(o.op) == "post", col(o.status).in_([PENDING, HELD]),
                        col(o.attempts) == 0, col(o.claimed_until).is_(None),
                        col(o.next_attempt_at) > col(o.created_at))  # held for later when written
        .returning(col(o.id)))]
    if not dropped:
        return False
    # A message that someone might expect and that never comes: the IT 担当 asked about it finds
    # the reason here (ids and key only; the payload may quote the draft).
    log.info("outbox %s (post of %s) held for later and never sent: dropped, its request was settled meanwhile",
             ", ".join(str(i) for i in sorted(i for i in dropped if i)), key)
    if message_location(s, key) is not None or post_on_its_way(s, key):
        return False  # an earlier post of the key is in Slack (or coming): edits go to it
    s.connection().execute(delete(o).where(col(o.message_key) == key, col(o.op) == "update",
                                           col(o.status) == PENDING, col(o.id) > min(i for i in dropped if i)))
    return True


def enqueue_reply_after(
    s: Session, parent_key: str, payload: dict[str, Any], *, now: datetime, message_key: str | None = None
) -> None:
    """A thread reply to the message ``parent_key``: sent at once if it is already posted, else held.

    When the parent was refused and a stand-in took its place (``divert_replies``), the reply
    goes to the stand-in's conversation instead, after the stand-in itself.
    """
    loc = message_location(s, parent_key)
    if loc is not None:
        enqueue(s, "post", {**payload, "channel": loc.channel, "thread_ts": loc.ts}, now=now, message_key=message_key,
                thread_key=parent_key)
        return
    stand_in = stand_in_key(parent_key)
    if (alt := message_location(s, stand_in)) is not None:
        enqueue(s, "post", {**payload, "channel": alt.channel}, now=now, message_key=message_key, thread_key=stand_in)
        return
    if keys_present(s, [stand_in]) and not failed_for_good(s, stand_in):
        enqueue(s, "post", {**payload, AFTER: stand_in, PLAIN: True}, now=now, message_key=message_key,
                status=HELD, thread_key=stand_in)
        return
    # No stand-in, or it could not be delivered either (see undivert_replies): wait for the parent,
    # unless that was given up on too. A parent that takes no stand-in (a reminder, a report) and
    # was given up on will never be posted: held, the reply waited for ever (/healthz 503).
    error = None
    if keys_present(s, [stand_in]) and failed_for_good(s, parent_key):
        error = "neither the thread's parent nor its stand-in could be delivered"
    elif given_up_for_good(s, parent_key):
        if people := copied_to(s, parent_key):
            # The escalation channel refused the parent and each member got a copy by DM (a monthly
            # report, then a correction written days later): the reply follows each copy, as the
            # later pages written with it did.
            reply = {k: v for k, v in payload.items() if k not in ("channel", "thread_ts", "reply_broadcast")}
            for person in people:
                enqueue_reply_after(s, copy_key(parent_key, person), {**reply, FAILURE_REPORT: True}, now=now,
                                    message_key=copy_key(message_key, person) if message_key else None)
            return
        error = "the thread's parent was given up on"
    if error:
        # Written failed, it reaches nobody and /healthz counts it nowhere: the log is the only trace.
        log.warning("a reply (%s) to %s in %s was not delivered: %s, and no copy of it went elsewhere",
                    message_key or "no key", parent_key, payload.get("channel") or "its thread", error)
    enqueue(s, "post", {**payload, AFTER: parent_key}, now=now, message_key=message_key,
            status=FAILED if error else HELD, thread_key=parent_key, error=error)


def copy_key(key: str, person: str) -> str:
    """The key of ``person``'s DM copy of the message ``key``, which the escalation channel refused
    (DeliveryFailureReporter): replies written for ``key`` later find the copies by it."""
    return f"{key}:dm:{person}"


def copied_to(s: Session, key: str) -> list[str]:
    """The people who were sent a DM copy of the message ``key`` (``copy_key``), in ID order."""
    prefix = copy_key(key, "")
    # A Slack ID has no colon: a longer key under the prefix is something else's (a copy's reply).
    return [k[len(prefix):] for k in posted_keys(s, prefix) if ":" not in k[len(prefix):]]


def given_up_for_good(s: Session, key: str) -> bool:
    """Whether the post ``key`` was given up on and nothing will ever stand in for it: unlike a
    draft's post in its channel (``PARENT``), whose replies go to the author's DM instead."""
    if message_location(s, key) is not None:
        return False
    row = s.exec(select(OutboxRow).where(OutboxRow.message_key == key, OutboxRow.op == "post",
                                         OutboxRow.status == FAILED).order_by(col(OutboxRow.id).desc())).first()
    return row is not None and not row.payload.get(PARENT)


def _release_replies(s: Session, parent_key: str, channel: str, ts: str) -> int:
    flush_pending(s)
    released = 0
    # A held reply's thread key is the key it waits for: no need to load every held row.
    for row in s.exec(select(OutboxRow).where(OutboxRow.status == HELD, OutboxRow.thread_key == parent_key)).all():
        if row.payload.get(AFTER) != parent_key:
            continue
        payload = {k: v for k, v in row.payload.items() if k not in (AFTER, PLAIN)}
        where = {"channel": channel} if row.payload.get(PLAIN) else {"channel": channel, "thread_ts": ts}
        row.payload = {**payload, **where}  # a new dict: JSON columns track assignment
        row.status = PENDING
        _leave_thread_if_held_for_later(row)
        s.add(row)
        released += 1
    return released


def _leave_thread_if_held_for_later(row: OutboxRow) -> None:
    """A released reply that is also held for the business morning (written by the sweep at night
    while its parent was not posted yet) leaves its thread's order, as it would have had the parent
    been posted when it was written (``enqueue``): otherwise every reply written after it in that
    thread would wait for the morning behind it."""
    if as_utc(row.next_attempt_at) > as_utc(row.created_at):
        row.thread_key = None


def release_overlooked(s: Session) -> int:
    """Release replies still held for a parent that is posted; how many parents had some.

    A reply is held when its transaction finds no location for the parent, and released by the
    transaction that records the location (``record_sent``). When the two run at the same
    time each misses the other's uncommitted row, and the reply would wait for ever: the outbox
    worker calls this about once a second, so such a reply goes out soon after. (On PostgreSQL
    ``record_sent`` asks whether anything is held in the statement that writes the location, from
    that statement's snapshot: a reply committed at any moment after it began is left to this.)
    """
    parents = s.exec(
        select(SlackMessageRow.key, SlackMessageRow.channel, SlackMessageRow.ts)
        .where(col(SlackMessageRow.key).in_(
            select(OutboxRow.thread_key).where(col(OutboxRow.status) == HELD).distinct()))).all()
    for key, channel, ts in parents:
        _release_replies(s, key, channel, ts)
    return len(parents)


def divert_replies(s: Session, parent_key: str) -> int:
    """Send the replies held for ``parent_key`` to its stand-in instead; how many.

    The caller has written the stand-in (a post keyed ``stand_in_key(parent_key)``). The replies
    keep their ids and message keys, so they still go out in the order written and an update of
    one still waits for its post; they wait for the stand-in as they waited for the parent, and
    go to its conversation as messages of their own. Idempotent: a reply held after a first
    diversion (written concurrently with it) is diverted by the next call.
    """
    flush_pending(s)
    stand_in = stand_in_key(parent_key)
    alt = message_location(s, stand_in)
    if alt is None and failed_for_good(s, stand_in):
        return 0  # nowhere else to send them: they wait for the parent (undivert_replies)
    moved = 0
    for row in s.exec(select(OutboxRow).where(OutboxRow.status == HELD, OutboxRow.thread_key == parent_key)).all():
        if row.payload.get(AFTER) != parent_key:
            continue
        payload = {k: v for k, v in row.payload.items() if k not in (AFTER, "thread_ts", "reply_broadcast")}
        row.thread_key = stand_in
        if alt is not None:
            row.payload = {**payload, "channel": alt.channel}
            row.status = PENDING
            _leave_thread_if_held_for_later(row)
        else:
            row.payload = {**payload, AFTER: stand_in, PLAIN: True}
        s.add(row)
        moved += 1
    return moved


def undivert_replies(s: Session, parent_key: str) -> int:
    """The stand-in for ``parent_key`` could not be delivered: its held replies wait for the parent
    again (they go to its thread once it is posted); how many. ``divert_replies`` no longer moves
    them while the stand-in is known to have failed."""
    flush_pending(s)
    stand_in = stand_in_key(parent_key)
    moved = 0
    for row in s.exec(select(OutboxRow).where(OutboxRow.status == HELD, OutboxRow.thread_key == stand_in)).all():
        if row.payload.get(AFTER) != stand_in:
            continue
        row.payload = {**{k: v for k, v in row.payload.items() if k not in (AFTER, PLAIN)}, AFTER: parent_key}
        row.thread_key = parent_key
        s.add(row)
        moved += 1
    return moved


def _given_up_parents(s: Session) -> list[str]:
    """The keys that held replies wait for and whose post was given up on (``failed_for_good``),
    in one statement: after a Slack outage thousands of replies can be held, each for its parent."""
    flush_pending(s)
    waited_for = select_(col(OutboxRow.thread_key)).where(col(OutboxRow.status) == HELD)
    posted = exists().where(col(SlackMessageRow.key) == col(OutboxRow.message_key))
    return [k for (k,) in s.connection().execute(
        select_(col(OutboxRow.message_key)).where(
            col(OutboxRow.message_key).in_(waited_for), col(OutboxRow.op) == "post", col(OutboxRow.status) == FAILED,
            ~posted).distinct().order_by(col(OutboxRow.message_key))) if k]


def stranded(s: Session) -> list[OutboxRow]:
    """Failed posts that replies are still held for: each needs ``bot.delivery_failures`` to send
    the replies elsewhere or give up on them. Normally none — a failure is handled when it happens
    — but a failure recorded before that handling existed (an older version), or by a process
    that died before handling it, is found here."""
    found = []
    for key in _given_up_parents(s):
        row = s.exec(select(OutboxRow).where(OutboxRow.message_key == key, OutboxRow.op == "post",
                                             OutboxRow.status == FAILED).order_by(col(OutboxRow.id).desc())).first()
        if row is not None:
            found.append(row)
    return found


_NOWHERE_TO_GO = "the thread's parent was given up on and its stand-in could not be delivered"


def redirect_stranded(s: Session) -> int:
    """Send on replies held for a post given up on, where its failure was handled already but
    missed them; how many parents had some.

    ``bot.delivery_failures`` handles a refused draft post by diverting its held replies to the
    author's DM (the stand-in), or giving up on them when that failed too. A reply written as held
    in a transaction committing at the same time as that handling is missed by it, and nothing
    would look again: the outbox worker calls this about once a second. It makes the same moves
    (the same two functions), silently: the people concerned were told when the failure was
    handled. A parent with no stand-in yet is left to that handling, or to ``stranded`` at the
    next start.
    """
    handled = 0
    for key in _given_up_parents(s):
        if (parent := parent_of_stand_in(key)) is not None:
            replies_back_to_post(s, parent, _NOWHERE_TO_GO)
        elif keys_present(s, [stand_in_key(key)]):
            replies_to_stand_in(s, key, _NOWHERE_TO_GO)
        else:
            continue
        handled += 1
    return handled


def replies_to_stand_in(s: Session, parent_key: str, error: str) -> tuple[int, int]:
    """A draft post was refused and its stand-in written: the replies held for the post go to the
    stand-in (``divert_replies``). When the post was given up on and the stand-in failed too,
    there is nowhere for them to go: they fail with ``error``. Returns (moved, given up)."""
    moved = divert_replies(s, parent_key)
    gone = 0
    if failed_for_good(s, parent_key) and failed_for_good(s, stand_in_key(parent_key)):
        gone = fail_held(s, parent_key, error)
    return moved, gone


def replies_back_to_post(s: Session, parent_key: str, error: str) -> tuple[int, int]:
    """The stand-in for a refused draft post could not be delivered: the replies wait for the post
    itself again (``undivert_replies``), or fail with ``error`` when the post was given up on
    too. Returns (moved, given up)."""
    moved = undivert_replies(s, parent_key)
    gone = fail_held(s, parent_key, error) if failed_for_good(s, parent_key) else 0
    return moved, gone


def held_replies(s: Session, parent_key: str) -> list[OutboxRow]:
    """The replies held for ``parent_key`` (``enqueue_reply_after``), in the order written."""
    flush_pending(s)
    return [row for row in s.exec(select(OutboxRow).where(OutboxRow.status == HELD, OutboxRow.thread_key == parent_key)
                                  .order_by(col(OutboxRow.id))).all() if row.payload.get(AFTER) == parent_key]


def release_loose(s: Session, parent_key: str, channel: str) -> int:
    """Send the replies held for ``parent_key`` to ``channel`` as messages of their own, now that
    the parent was given up on with no stand-in (Slack refused it for what it was); how many.
    Held for ever they reached nobody, and /healthz stayed degraded."""
    moved = 0
    for row in held_replies(s, parent_key):
        row.payload = {**{k: v for k, v in row.payload.items() if k not in (AFTER, PLAIN, "thread_ts", "reply_broadcast")},
                       "channel": channel}
        row.status = PENDING
        row.thread_key = None
        s.add(row)
        moved += 1
    return moved


def fail_held(s: Session, parent_key: str, error: str) -> int:
    """Give up on the replies waiting for ``parent_key`` (it will never be posted, and there is no
    stand-in to take them); how many. They stay in the outbox as failed, for IT to see."""
    flush_pending(s)
    result = s.connection().execute(
        update(OutboxRow).where(col(OutboxRow.status) == HELD, col(OutboxRow.thread_key) == parent_key)
        .values(status=FAILED, last_error=error[:2000]).returning(col(OutboxRow.id)))
    return len(result.all())


# How many waiting rows one pass looks at to find due ones (a Slack outage can leave thousands).
SCAN_LIMIT = 5000

# The longest a message is ever put off after an attempt (slack_gateway.MAX_RETRY_AFTER, where a
# Retry-After is capped; its backoff, a thread parent's PARENT_RETRY and a scope hold are shorter).
LONGEST_RETRY_WAIT = timedelta(hours=1)
# Clocks of replicas a few seconds apart are normal (serve warns beyond 2 s): no clock step.
CLOCK_STEP = timedelta(minutes=2)


def _retried() -> ColumnElement[bool]:
    return (col(OutboxRow.attempts) > 0) | col(OutboxRow.last_error).is_not(None)


def _due_clause(now: Any, retry_limit: Any, step_limit: Any) -> ColumnElement[bool]:
    """Whether a waiting row is due at ``now``: its time has come, or it was set by a clock that
    has since been set back (NTP correcting a clock that ran a day ahead, a VM's clock restored).
    ``_due_limits`` gives the other two bounds (a datetime, or bound parameters of the scan).

    Waiting for that clock to get there again held a retry (and its thread's replies behind it) or
    a message written meanwhile for as long as the clock had been ahead, a day in that case. A
    retry is never put off longer than LONGEST_RETRY_WAIT, and a message not held for later
    (``hold_posts_until``) is due when written: more than that ahead of ``now`` is a clock step.
    A post held for the business morning keeps its time (it cannot tell its hold from a step).
    The only statement of the rule: ``eligible``'s scan asks the database for it too."""
    na = col(OutboxRow.next_attempt_at)
    return (na <= now) | (_retried() & (na > retry_limit)) | (
        ~_retried() & (na == col(OutboxRow.created_at)) & (na > step_limit))


def _due_limits(now: datetime) -> tuple[datetime, datetime, datetime]:
    """``_due_clause``'s arguments at ``now``."""
    return now, now + LONGEST_RETRY_WAIT + CLOCK_STEP, now + CLOCK_STEP


_DUE_PARAMS = ("due_now", "due_retry_limit", "due_step_limit")  # _due_limits as the scan's parameters


def eligible(s: Session, now: datetime, limit: int = 50, *, in_turn: bool = False,
             left: set[int] | None = None) -> list[OutboxRow]:
    """Due rows, oldest first, except those waiting behind an earlier row for the same message
    or the same thread.

    ``in_turn``: a thread's due rows that follow one chosen here are chosen too, for a caller that
    sends a thread's rows one after another, in order, and stops at the first that does not go
    (SlackGateway): a draft's two replies then cost one delivery pass, not one each.
    ``left``: gets the ids of due rows the scan passed over (waiting behind another row, or past
    ``limit``): only when there are any can sending the chosen ones make more due at once.

    An update must not overtake the post that creates the message it updates (a held reply
    blocks its key too, so an update of it waits for its release), and a thread's replies must
    read in the order they were written although a batch is sent in parallel. The scan reads
    only the small columns of waiting rows; payloads are loaded for the chosen rows alone.

    Held rows are not scanned: thousands of them (a parent that cannot be posted) would fill the
    window and starve the due rows behind them. What they hold back is looked up apart from the
    waiting rows: the oldest held row of each thread in the scan's own statement, and of each
    message key the scan met in one more when anything is held.
    """
    flush_pending(s)
    # The oldest held row of each thread comes with the scan, in the same statement and so from the
    # same snapshot: a held reply released meanwhile is held in both parts or waiting in both.
    held_threads: dict[str, int] = {}
    heads: list[Any] = []
    params = {"scan_limit": SCAN_LIMIT, **dict(zip(_DUE_PARAMS, _due_limits(now), strict=True))}
    for row_id, key, thread, due, claimed, held in s.execute(_scan_statement(s.get_bind().dialect.name), params):
        if not held:
            heads.append((row_id, key, thread, bool(due), claimed))
        elif thread and row_id is not None:
            held_threads[_THREAD + thread] = row_id
    if not heads:
        return []
    # Held rows by message key: looked up only for the keys met (thousands may be held), and only
    # when any row is held (every held row is a reply, so it shows in held_threads). A row released
    # between the scan and this lookup is missed; an update it held back then finds no message yet
    # and waits for it (SlackGateway._job, ``post_on_its_way``).
    met = {k for _, k, _, _, _ in heads if k}
    held_since = held_threads | _held_by_message_key(s, met) if held_threads else {}
    blocked: set[str] = set()
    chosen: list[int] = []
    # (in_turn) Threads whose every row met so far is chosen: the next one may follow them.
    followed: set[str] = set()
    for row_id, key, thread, due_now, claimed in heads:
        if row_id is None:  # a primary key never is; the model types it Optional for new rows
            continue
        if len(chosen) >= limit:
            if left is not None:
                left.add(row_id)  # not looked at: perhaps due
            break
        # Message keys and thread keys are kept apart: a thread is named by its parent's key.
        turn = thread and _THREAD + thread
        keys = [k for k in (key, turn) if k]
        follows = bool(turn) and turn in followed
        due = due_now and not claimed  # claimed by the database's clock
        if any((k in blocked and not (follows and k == turn)) or held_since.get(k, row_id) < row_id for k in keys):
            blocked.update(keys)  # a later reply must not overtake this one either
            followed.discard(turn or "")
            if due and left is not None:
                left.add(row_id)
            continue
        blocked.update(keys)
        if due:
            chosen.append(row_id)
            if in_turn and turn:
                followed.add(turn)
        else:
            followed.discard(turn or "")
    if left is not None and len(heads) >= SCAN_LIMIT and heads[-1][0] is not None:
        left.add(heads[-1][0])  # the window was full: rows past it may be due, and come in once these go
    if not chosen:
        return []
    return list(s.exec(select(OutboxRow).where(col(OutboxRow.id).in_(chosen)).order_by(col(OutboxRow.id))))


_THREAD = "\x00thread:"
_KEYS_PER_QUERY = 500  # well under every driver's limit on bound parameters


@functools.cache
def _scan_statement(dialect: str) -> Any:
    """``eligible``'s scan, built once: the small columns of up to ``scan_limit`` waiting rows,
    oldest first (held = 0), then the oldest held row of each thread (held = 1; a later row of the
    thread waits behind it; few groups: held rows are replies, one thread per parent not yet posted).
    ORM attributes, not the table's columns: the session autoflushes before it runs, as before
    every read of the outbox (rows released in this transaction are due)."""
    # Claimed or not by the database's clock, like claim_many (see Claim); due by the caller's.
    claimed_now = (col(OutboxRow.claimed_until) > _now(dialect)).label("claimed")
    due = _due_clause(*(bindparam(k) for k in _DUE_PARAMS))
    waiting = select_(col(OutboxRow.id), col(OutboxRow.message_key), col(OutboxRow.thread_key),
                      due.label("due"), claimed_now, literal_column("0").label("held")) \
        .where(col(OutboxRow.status) == PENDING).order_by(col(OutboxRow.id)).limit(bindparam("scan_limit")).subquery()
    held: Any = select_(func.min(OutboxRow.id), null(), col(OutboxRow.thread_key), null(), null(), literal_column("1")) \
        .where(col(OutboxRow.status) == HELD).group_by(col(OutboxRow.thread_key))
    scan = union_all(select_(*waiting.c), held).subquery()
    return select_(*scan.c).order_by(scan.c.held, scan.c.id)


def _held_by_message_key(s: Session, message_keys: set[str]) -> dict[str, int]:
    """The id of the oldest held row per message key among ``message_keys``."""
    first: dict[str, int] = {}
    keys = sorted(message_keys)
    for i in range(0, len(keys), _KEYS_PER_QUERY):
        for key, oldest in s.exec(
            select(OutboxRow.message_key, func.min(OutboxRow.id))
            .where(col(OutboxRow.status) == HELD, col(OutboxRow.message_key).in_(keys[i:i + _KEYS_PER_QUERY]))
            .group_by(col(OutboxRow.message_key))
        ):
            if key is not None and oldest is not None:
                first[key] = oldest
    return first


def post_on_its_way(s: Session, message_key: str) -> bool:
    """Whether the post that creates ``message_key`` is still waiting to be sent (pending or held)."""
    return s.exec(select(OutboxRow.id).where(OutboxRow.message_key == message_key, OutboxRow.op == "post",
                                             col(OutboxRow.status).in_([PENDING, HELD])).limit(1)).first() is not None


def due_of(s: Session, ops: Sequence[str], now: datetime, limit: int) -> list[OutboxRow]:
    """Due rows of ``ops`` that nobody holds, oldest first. Only for ops without a message or
    thread key (``eligible`` keeps those in order; these have no order to keep)."""
    flush_pending(s)
    free = col(OutboxRow.claimed_until).is_(None) | (col(OutboxRow.claimed_until) <= _now(s.get_bind().dialect.name))
    return list(s.exec(select(OutboxRow).where(
        col(OutboxRow.status) == PENDING, col(OutboxRow.op).in_(list(ops)), _due_clause(*_due_limits(now)),
        free).order_by(col(OutboxRow.id)).limit(limit)).all())


def claim(s: Session, row_id: int, lease: timedelta) -> bool:
    """Compare-and-set, so that two replicas never deliver the same row twice."""
    return row_id in claim_many(s, [row_id], lease)


def claim_many(s: Session, row_ids: Sequence[int], lease: timedelta) -> dict[int, datetime]:
    """Claim what nobody else holds (claim_many_as_found), with the end of each claim."""
    return {row_id: found.until for row_id, found in claim_many_as_found(s, row_ids, lease).items()}


@dataclass(frozen=True)
class Found:
    """A row as its claim found it: ``until`` ends the claim (see Claim); the rest is what an
    earlier attempt, of this delivery's or another's, left in the row."""

    until: datetime
    attempts: int
    next_attempt_at: datetime
    last_error: str | None
    failing_alone_since: datetime | None

    def on(self, row: OutboxRow) -> OutboxRow:
        """A copy of ``row`` (read before the claim) with what the claim found instead; its
        claimed_until as read (whether a delivery had claimed it before)."""
        return OutboxRow.model_validate({**row.model_dump(), "attempts": self.attempts,
                                         "next_attempt_at": self.next_attempt_at, "last_error": self.last_error,
                                         "failing_alone_since": self.failing_alone_since})


def claim_many_as_found(s: Session, row_ids: Sequence[int], lease: timedelta) -> dict[int, Found]:
    """Claim what nobody else holds, in one statement, for ``lease`` by the database's clock
    (see Claim); returns the ids this caller now holds, with the end of each claim.

    A row another transaction has locked is left for a later pass rather than waited for
    (PostgreSQL: SKIP LOCKED; SQLite has no row locks). That transaction is changing the row's
    claim or status anyway, and it may not end for a minute: a replica stopped in the middle of it
    (a paused VM), or a killed process whose session was waiting on a lock when it died (the
    server reads the closed socket only when that wait ends, and keeps the session's locks until
    then). Waiting would hold this whole batch, and with it every message of the pass, that long.
    Core statements, not ORM ones: the outbox is hot and needs no identity-map bookkeeping.

    With each claim, the row's attempts, due time, last error and time failing alone as claimed
    (Found): the rows were read before (``eligible``), and another delivery may have claimed, tried
    and given back a row in between (a post Slack made and answered 500): nothing in the read says
    so, and the post was made again without a look-up; the attempt was recorded by the read, its
    backoff a step short and an older failing_alone_since written back over the other's.
    """
    if not row_ids:
        return {}
    flush_pending(s)
    dialect = s.get_bind().dialect.name
    free = [col(OutboxRow.status) == PENDING,
            (col(OutboxRow.claimed_until).is_(None)) | (col(OutboxRow.claimed_until) <= _now(dialect))]
    # The outer statement repeats the conditions: it is the compare-and-set, checked again on the
    # row as it is when updated.
    lockable = select_(col(OutboxRow.id)).where(col(OutboxRow.id).in_(list(row_ids)), *free) \
        .with_for_update(skip_locked=True)
    stmt = (
        update(OutboxRow)
        .where(col(OutboxRow.id).in_(lockable), *free)
        .values(claimed_until=_lease_end(dialect, lease))
        .returning(col(OutboxRow.id), col(OutboxRow.claimed_until), col(OutboxRow.attempts),
                   col(OutboxRow.next_attempt_at), col(OutboxRow.last_error), col(OutboxRow.failing_alone_since))
    )
    return {row_id: Found(until, attempts, due, error, alone)
            for row_id, until, attempts, due, error, alone in s.connection().execute(stmt)
            if row_id is not None and until is not None}


def renew_claim(s: Session, row_id: int, held_until: datetime, lease: timedelta) -> datetime | None:
    """Extend the claim that lasts until ``held_until`` (the database's instant, see Claim) to
    ``lease`` from now by the database's clock; its new end, or None when it is no longer this
    caller's (it lapsed and another delivery claimed the row, or delivered it)."""
    flush_pending(s)
    result = s.connection().execute(
        update(OutboxRow)
        .where(col(OutboxRow.id) == row_id, col(OutboxRow.status) == PENDING,
               col(OutboxRow.claimed_until) == held_until)
        .values(claimed_until=_lease_end(s.get_bind().dialect.name, lease))
        .returning(col(OutboxRow.claimed_until)))
    row = result.first()
    return None if row is None else row[0]


def release_claim(s: Session, row_id: int, held_until: datetime, before: datetime | None) -> None:
    """Give up a claim without an attempt (the row was not tried), if it is still this caller's:
    the row is due again at once, for the next pass.

    ``held_until``: the claim's end as the database wrote it (claim_many, renew_claim; see Claim),
    the token compared, like renew_claim's. ``before``: the row's claimed_until as read before this
    claim, put back: a lapsed claim there says an earlier delivery may have posted the row before
    it died (SlackGateway looks for the post before sending again), and none says nobody ever
    claimed it (drop_unsent_post may still take it back).
    """
    s.connection().execute(
        update(OutboxRow).where(col(OutboxRow.id) == row_id, col(OutboxRow.status) == PENDING,
                                col(OutboxRow.claimed_until) == held_until)
        .values(claimed_until=before))


def mark_sent_many(s: Session, row_ids: Sequence[int], now: datetime) -> None:
    if row_ids:
        s.connection().execute(
            update(OutboxRow).where(col(OutboxRow.id).in_(list(row_ids)))
            .values(status=SENT, sent_at=now, claimed_until=None, attempts=OutboxRow.attempts + 1)
        )


def mark_later(s: Session, row_id: int, at: datetime) -> None:
    """Give up this claim and look at the row again at ``at`` (not a failed attempt)."""
    s.connection().execute(update(OutboxRow).where(col(OutboxRow.id) == row_id)
                           .values(next_attempt_at=at, claimed_until=None))


_UNCHANGED: Any = object()


def mark_retry(s: Session, row_id: int, at: datetime, error: str, *, counted_up_to: int | None = None,
               failing_alone_since: datetime | None = _UNCHANGED, lapsed_claim: datetime | None = None) -> None:
    """Try the row again at ``at``. ``counted_up_to``: this attempt adds to the row's count only
    below that many (an attempt that says nothing about the message, see SlackGateway._record).
    ``failing_alone_since``: since when the message has failed alone, as this attempt leaves it
    (the caller holds the row's claim, so nothing else writes it meanwhile); left as it is when
    not given. ``lapsed_claim``: the claim an earlier delivery left on the row, put back for a row
    not tried now (see release_claim)."""
    attempts: Any = OutboxRow.attempts + 1
    if counted_up_to is not None:
        attempts = case((col(OutboxRow.attempts) < counted_up_to, OutboxRow.attempts + 1), else_=OutboxRow.attempts)
    values: dict[str, Any] = {"next_attempt_at": at, "claimed_until": lapsed_claim, "last_error": error[:2000],
                              "attempts": attempts}
    if failing_alone_since is not _UNCHANGED:
        values["failing_alone_since"] = failing_alone_since
    s.connection().execute(update(OutboxRow).where(col(OutboxRow.id) == row_id).values(**values))


def mark_next_in_thread_failing_alone(s: Session, thread_key: str, after_id: int, since: datetime) -> bool:
    """Mark the thread's next waiting row after ``after_id`` as failing alone ``since``, where it
    is not marked yet; whether one was. Only the next: a later one is marked when that one is given
    up in turn, so once one goes through the rest are judged on their own again."""
    flush_pending(s)
    row = s.exec(select(OutboxRow).where(OutboxRow.status == PENDING, OutboxRow.thread_key == thread_key,
                                         col(OutboxRow.id) > after_id).order_by(col(OutboxRow.id))).first()
    if row is None or row.failing_alone_since is not None:
        return False
    row.failing_alone_since = since
    s.add(row)
    return True


def mark_failed(s: Session, row_id: int, error: str) -> None:
    s.connection().execute(
        update(OutboxRow).where(col(OutboxRow.id) == row_id)
        .values(status=FAILED, claimed_until=None, last_error=error[:2000], attempts=OutboxRow.attempts + 1)
    )


def remember_messages(s: Session, located: Sequence[tuple[str, str, str]]) -> int:
    """Store where posted messages live (upsert), and release thread replies that waited for them;
    how many were released."""
    if not located:
        return 0
    table = SlackMessageRow.__table__  # type: ignore[attr-defined]
    stmt = dialect_insert(s)(table)
    stmt = stmt.on_conflict_do_update(index_elements=["key"],
                                      set_={"channel": stmt.excluded.channel, "ts": stmt.excluded.ts})
    s.connection().execute(stmt, [{"key": k, "channel": c, "ts": t} for k, c, t in located])
    released = 0
    if s.exec(select(OutboxRow.id).where(OutboxRow.status == HELD).limit(1)).first() is not None:
        for key, channel, ts in located:
            released += _release_replies(s, key, channel, ts)
    return released


def record_sent(s: Session, located: Sequence[tuple[str, str, str]], sent: Sequence[int], now: datetime) -> int:
    """``remember_messages`` and then ``mark_sent_many``: what a delivery pass records for the
    messages that went; how many held replies were released. On PostgreSQL both writes and the
    look-up for held replies are one statement: the express lane and the worker record every
    sent message, and three statements cost each of them two more round trips per draft."""
    if s.get_bind().dialect.name != "postgresql":
        released = remember_messages(s, located)
        mark_sent_many(s, sent, now)
        return released
    if not located and not sent:
        return 0
    # One row per key (an upsert may not touch a row twice in one statement); the last wins, as
    # it did when each location was its own statement.
    where = {key: (channel, ts) for key, channel, ts in located}
    any_held = s.connection().execute(_record_sent_statement(), {
        "located_key": list(where), "located_channel": [c for c, _ in where.values()],
        "located_ts": [t for _, t in where.values()], "sent_ids": list(sent), "sent_at": now}).scalar()
    released = 0
    if any_held and located:
        for key, channel, ts in located:
            released += _release_replies(s, key, channel, ts)
    return released


@functools.cache
def _record_sent_statement() -> Any:
    messages = SlackMessageRow.__table__  # type: ignore[attr-defined]
    table = OutboxRow.__table__  # type: ignore[attr-defined]
    located = func.unnest(*(bindparam(f"located_{c}", type_=ARRAY(String)) for c in ("key", "channel", "ts"))) \
        .table_valued("key", "channel", "ts").render_derived()
    upsert = postgresql.insert(messages).from_select(
        ["key", "channel", "ts"], select_(located.c.key, located.c.channel, located.c.ts))
    upsert = upsert.on_conflict_do_update(index_elements=["key"],
                                          set_={"channel": upsert.excluded.channel, "ts": upsert.excluded.ts})
    mark = update(table).where(table.c.id == any_(bindparam("sent_ids", type_=ARRAY(Integer)))) \
        .values(status=SENT, sent_at=bindparam("sent_at", type_=table.c.sent_at.type), claimed_until=None,
                attempts=table.c.attempts + 1)
    # The writes of a WITH run to completion whether or not anything reads them. The look-up sees
    # the rows as they were before the statement: the UPDATE changes sent rows, never held ones.
    return select_(exists().where(table.c.status == HELD)).add_cte(upsert.cte("located_messages")) \
        .add_cte(mark.cte("sent_rows"))


def message_location(s: Session, key: str) -> SlackMessageRow | None:
    return s.get(SlackMessageRow, key)


def message_keys_at(s: Session, channel: str, ts: str) -> list[str]:
    """The keys under which a message the bot posted at (channel, ts) is remembered (migration 0012
    indexes this look-up)."""
    q = select(SlackMessageRow.key).where(SlackMessageRow.channel == channel, SlackMessageRow.ts == ts)
    return list(s.exec(q))


def posted_keys(s: Session, prefix: str) -> list[str]:
    """Keys of messages we asked to post under a prefix (delivered or not).

    Delivered ones are found in ``slack_messages``, since their outbox rows are deleted after a
    while (``forget_delivered``); the others still have their rows."""
    flush_pending(s)
    dialect = s.get_bind().dialect.name
    q: CompoundSelect = union(
        select(OutboxRow.message_key).where(col(OutboxRow.op) == "post",
                                            starts_with(col(OutboxRow.message_key), prefix, dialect)),
        select(SlackMessageRow.key).where(starts_with(col(SlackMessageRow.key), prefix, dialect)),
    )
    return sorted(k for (k,) in s.connection().execute(q) if k)


def written_under(s: Session, key: str) -> int:
    """How many rows (a post and its edits) were written under ``key``: delivered ones are kept
    for weeks (``forget_delivered``), so a count over a day is exact."""
    flush_pending(s)
    return int(s.exec(select(func.count()).select_from(OutboxRow).where(OutboxRow.message_key == key)).one())


def keys_present(s: Session, keys: Sequence[str]) -> set[str]:
    """Which of ``keys`` any outbox row was ever written for."""
    if not keys:
        return set()
    flush_pending(s)
    return {k for (k,) in s.connection().execute(keys_present_query(keys)) if k}


def keys_present_query(keys: Sequence[str]) -> Any:
    """SELECT each of ``keys`` that has an outbox row, or had one (once): a delivered post is
    remembered in ``slack_messages``, and of other keys (App Homes) the newest row is kept."""
    return union(select(OutboxRow.message_key).where(is_in(col(OutboxRow.message_key), keys)),
                 select(SlackMessageRow.key).where(is_in(col(SlackMessageRow.key), keys)))


# Ops whose delivered rows nothing reads again (only posts are looked up, through slack_messages,
# and App Home keys through their newest row).
_NEVER_READ_AGAIN = ("update", "ephemeral", "respond")
_HOME_OPS = ("publish_home", "refresh_home")


def forget_delivered(s: Session, before: datetime, limit: int = 5000) -> int:
    """Delete up to ``limit`` delivered rows last attempted before ``before``; how many went.

    Kept: everything not delivered (pending, held, failed: IT's evidence), and what later lookups
    still need — a delivered post goes only once ``slack_messages`` knows where it is, and of an
    App Home key the newest row stays (``keys_present``). Oldest first, a batch at a time, each
    in the caller's short transaction, so replicas doing it at once only find less to do.
    """
    flush_pending(s)
    o, newer = OutboxRow, aliased(OutboxRow)
    prunable = or_(
        col(o.message_key).is_(None),
        col(o.op).in_(_NEVER_READ_AGAIN),
        and_(col(o.op) == "post",
             exists(select(SlackMessageRow.key).where(col(SlackMessageRow.key) == col(o.message_key)))),
        and_(col(o.op).in_(_HOME_OPS),
             exists(select(newer.id).where(col(newer.message_key) == col(o.message_key), col(newer.id) > col(o.id)))),
    )
    doomed = (select(o.id).where(col(o.status) == SENT, col(o.next_attempt_at) < before, prunable)
              .order_by(col(o.id)).limit(limit))
    ids = [i for (i,) in s.connection().execute(doomed)]
    if ids:
        s.connection().execute(delete(o).where(col(o.id).in_(ids)))
    return len(ids)


def supersede(s: Session, row: OutboxRow, now: datetime) -> bool:
    """For a re-render request: drop it (and older ones) when a newer one for the key is waiting.

    Returns True when ``row`` is superseded. The newest request was written after the change
    that caused it was committed, so rendering that one alone shows every change.
    """
    flush_pending(s)
    newest = s.exec(
        select(func.max(OutboxRow.id)).where(OutboxRow.message_key == row.message_key, OutboxRow.op == row.op,
                                             OutboxRow.status == PENDING)
    ).one()
    if newest is None or newest == row.id:
        return False
    s.connection().execute(
        update(OutboxRow).where(col(OutboxRow.message_key) == row.message_key, col(OutboxRow.op) == row.op,
                                col(OutboxRow.status) == PENDING, col(OutboxRow.id) < newest)
        .values(status=SENT, sent_at=now, claimed_until=None, last_error="superseded by a newer refresh")
    )
    return True


def retry_now(s: Session, error_prefix: str, now: datetime) -> int:
    """Make waiting rows whose last error starts with ``error_prefix`` due now; how many.

    A row due already keeps its due time: it tells when the row was last tried (its backoff
    before it), and how long it waited since, which SlackGateway leaves out of a message's time
    failing alone (a refused token's hours, a stopped process's)."""
    flush_pending(s)
    result = s.connection().execute(
        update(OutboxRow).where(col(OutboxRow.status) == PENDING, col(OutboxRow.last_error).startswith(error_prefix))
        .values(next_attempt_at=case((col(OutboxRow.next_attempt_at) > now, now), else_=col(OutboxRow.next_attempt_at)))
        .returning(col(OutboxRow.id)))
    return len(result.all())


def waiting_with(s: Session, error_prefix: str) -> bool:
    """Whether a waiting row's last error starts with ``error_prefix``."""
    flush_pending(s)
    return s.exec(select(OutboxRow.id).where(col(OutboxRow.status) == PENDING,
                                             col(OutboxRow.last_error).startswith(error_prefix)).limit(1)).first() is not None


def held(s: Session, older_than: datetime) -> tuple[int, int]:
    """How many replies wait for a parent message, and how many of them since before ``older_than``."""
    flush_pending(s)
    total, stale = s.exec(
        select(func.count(), func.count(case((col(OutboxRow.created_at) < older_than, 1))))
        .select_from(OutboxRow).where(OutboxRow.status == HELD)
    ).one()
    return int(total), int(stale)


def stalled(s: Session, min_attempts: int, except_errors: Sequence[str] = ()) -> int:
    """Waiting messages that have failed ``min_attempts`` times or more, leaving out those whose
    last error starts with one of ``except_errors`` (reported on their own)."""
    flush_pending(s)
    q = select(func.count()).select_from(OutboxRow).where(OutboxRow.status == PENDING,
                                                          col(OutboxRow.attempts) >= min_attempts)
    for prefix in except_errors:
        q = q.where(~col(OutboxRow.last_error).startswith(prefix))
    return int(s.exec(q).one())


def backlog(s: Session, now: datetime | None = None) -> int:
    """Messages not yet delivered; with ``now``, only those due by then or already tried: a notice
    held for the business morning (``hold_posts_until``) is not late, and a monitor alerting on
    the backlog must not fire all through 年末年始 for it (``scheduled`` counts those)."""
    flush_pending(s)
    q = select(func.count()).select_from(OutboxRow).where(OutboxRow.status == PENDING)
    if now is not None:
        q = q.where((col(OutboxRow.next_attempt_at) <= now) | (col(OutboxRow.attempts) > 0))
    return int(s.exec(q).one())


def scheduled(s: Session, now: datetime) -> int:
    """Posts held for a later moment (the next business morning) that nobody has tried yet."""
    flush_pending(s)
    return int(s.exec(select(func.count()).select_from(OutboxRow).where(
        OutboxRow.status == PENDING, col(OutboxRow.next_attempt_at) > now, col(OutboxRow.attempts) == 0)).one())


def rows(s: Session, statuses: Sequence[str] = (PENDING, SENT, FAILED)) -> list[OutboxRow]:
    flush_pending(s)
    return list(s.exec(select(OutboxRow).where(col(OutboxRow.status).in_(statuses)).order_by(col(OutboxRow.id))))
