"""Queries about drafts, versions and findings."""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    String,
    and_,
    bindparam,
    cast,
    delete,
    exists,
    func,
    literal_column,
    or_,
    text,
    tuple_,
    union,
    union_all,
    update,
)
from sqlalchemy import select as select_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Mapped, aliased, make_transient_to_detached
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from storage.away import absent_at
from storage.db import (
    as_utc,
    dialect_insert,
    execute_prebuilt,
    insert_if_absent,
    insert_many_if_absent,
    insert_rows,
    is_in,
    many,
    ride_along,
)
from storage.models import (
    AccountRoleRow,
    ApprovalRequestRow,
    DeletedMessageRow,
    DraftRow,
    DraftVersionRow,
    FindingRow,
    IncidentRow,
    MemberRow,
    ProcessedEventRow,
    SlackMessageRow,
)


def claim_event(s: Session, key: str, now: datetime) -> bool:
    """Record an inbound delivery; False when it was already processed (a Slack retry or duplicate)."""
    return insert_if_absent(s, ProcessedEventRow.__table__, {"key": key, "received_at": now}, ["key"])  # type: ignore[attr-defined]


# Slack said the bot's token no longer works (tokens_revoked, app_uninstalled): kept with the
# inbound deliveries, under these keys, so that every replica's /healthz reports it, not only the
# one that received the event; removed when a process starts with a token Slack accepts.
ACCESS_LOST_KEYS = {kind: f"slack-access-lost:{kind}" for kind in ("tokens_revoked", "app_uninstalled")}
# Claimed while the escalation channel has been told that Slack refuses im:write, until a DM goes
# through (bot.delivery_failures.DeliveryFailureReporter.scope_changed). A hold outlasts the week
# inbound deliveries are kept when the reinstall waits on 情報政策室: forgotten with them, the hold
# was told again by the next restart.
SCOPE_HOLD_KEY = "slack-scope-hold:im:write"
# Kept however old (forget_old_deliveries): each stands until what it records is over.
KEPT_UNTIL_OVER = (*ACCESS_LOST_KEYS.values(), SCOPE_HOLD_KEY)


def record_access_lost(s: Session, kind: str, now: datetime) -> None:
    """Record the loss now, or move an earlier record of it to now: a process clearing what it read
    before its auth.test (``forget_access_lost``) then leaves this one standing."""
    table = ProcessedEventRow.__table__  # type: ignore[attr-defined]
    stmt = dialect_insert(s)(table).values(key=ACCESS_LOST_KEYS[kind], received_at=now)
    s.connection().execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"received_at": now}))


def access_lost(s: Session) -> str | None:
    """The kind of the access loss recorded (``record_access_lost``), if any."""
    keys = s.exec(select(ProcessedEventRow.key).where(col(ProcessedEventRow.key).in_(ACCESS_LOST_KEYS.values()))).all()
    return next((kind for kind, key in ACCESS_LOST_KEYS.items() if key in keys), None)


def access_lost_records(s: Session) -> list[tuple[str, datetime]]:
    """The access losses recorded, as (key, when): read before a start's auth.test, and given to
    ``forget_access_lost`` once that succeeds."""
    return [(k, at) for k, at in s.exec(select(ProcessedEventRow.key, ProcessedEventRow.received_at)
                                        .where(col(ProcessedEventRow.key).in_(ACCESS_LOST_KEYS.values())))]


def forget_access_lost(s: Session, seen: Sequence[tuple[str, datetime]]) -> int:
    """A process started with a token Slack accepts (auth.test): the losses it read before asking
    (``access_lost_records``) are over; how many went. Only those, as they were: a loss another
    replica recorded while auth.test was on its way (a new row, or the same key moved to a later
    time) is the token revoked after it answered, and deleting every record, as before, left every
    replica at 200 with a revoked token."""
    gone = 0
    for key, at in seen:
        gone += s.connection().execute(delete(ProcessedEventRow).where(
            col(ProcessedEventRow.key) == key, col(ProcessedEventRow.received_at) == at)).rowcount or 0
    return gone


def event_claimed(s: Session, key: str) -> bool:
    """Whether ``key`` was claimed (``claim_event``) and its transaction committed."""
    return s.exec(select(ProcessedEventRow.key).where(col(ProcessedEventRow.key) == key)).first() is not None


def forget_event(s: Session, key: str) -> bool:
    """Delete the record of ``key`` (``claim_event``), so that it can be claimed again; whether there was one."""
    return bool(s.connection().execute(delete(ProcessedEventRow).where(col(ProcessedEventRow.key) == key)).rowcount)


def wait_for_event(s: Session, key: str) -> None:
    """Hold the record of ``key`` (``claim_event``) until this transaction ends: another transaction
    doing the same waits here, and then reads what this one wrote (PostgreSQL; SQLite runs one
    writer at a time anyway)."""
    s.connection().execute(select_(ProcessedEventRow.key).where(col(ProcessedEventRow.key) == key)  # type: ignore[call-overload]
                           .with_for_update())


def forget_old_deliveries(s: Session, before: datetime, limit: int = 5000) -> int:
    """Delete up to ``limit`` records of inbound deliveries and early deletions older than
    ``before``; how many went. They only serve to recognise Slack's retries and out-of-order
    events, which come within minutes, so keeping them for days is plenty."""
    gone = 0
    for table, column in ((ProcessedEventRow, ProcessedEventRow.received_at),
                          (DeletedMessageRow, DeletedMessageRow.deleted_at)):
        keys = list(table.__table__.primary_key.columns)  # type: ignore[union-attr]
        # An access loss (record_access_lost) stands until a working token is seen, a scope's hold
        # until a DM goes through, however long.
        oldest = select_(*keys).where(col(column) < before).limit(limit)
        if table is ProcessedEventRow:
            oldest = oldest.where(col(ProcessedEventRow.key).not_in(KEPT_UNTIL_OVER))
        else:
            # A message of ours deleted in Slack (an incident's alert) stays known as deleted while
            # we remember where it was: an incident open for weeks would post under it again.
            oldest = oldest.where(~exists().where(col(SlackMessageRow.channel) == col(DeletedMessageRow.channel),
                                                  col(SlackMessageRow.ts) == col(DeletedMessageRow.ts)))
        if len(keys) == 1:
            doomed = delete(table).where(keys[0].in_(oldest))
        else:
            doomed = delete(table).where(tuple_(*keys).in_(oldest))
        gone += s.connection().execute(doomed).rowcount or 0
    return gone


def _persistent(s: Session, row: Any, new_id: int) -> None:
    # The row went in through Core (one statement, no unit-of-work pass); attach the object as
    # the persistent row it now is, so later attribute changes are flushed as UPDATEs.
    row.id = new_id
    make_transient_to_detached(row)
    s.add(row)


@functools.cache
def _insert_draft_statement(dialect: str) -> Any:
    """INSERT … SELECT the draft's values unless its message was deleted, ON CONFLICT DO NOTHING."""
    table: Any = DraftRow.__table__  # type: ignore[attr-defined]
    deleted: Any = DeletedMessageRow.__table__  # type: ignore[attr-defined]
    columns = [c for c in table.c if c.name != "id"]
    params = {c.name: bindparam(c.name, type_=c.type) for c in columns}
    # PostgreSQL types the values of a SELECT list from the parameters alone (a NULL would be
    # text); SQLite must not be given CAST(… AS DATETIME), which turns a date into a number.
    values = [cast(params[c.name], c.type) if dialect == "postgresql" else params[c.name] for c in columns]
    not_deleted = ~exists().where(deleted.c.channel == params["channel"], deleted.c.ts == params["message_ts"])
    insert_for = postgresql.insert if dialect == "postgresql" else sqlite.insert
    stmt = insert_for(table).from_select([c.name for c in columns], select_(*values).where(not_deleted))
    return stmt.on_conflict_do_nothing(index_elements=["channel", "message_ts"]).returning(table.c.id)


def insert_draft(s: Session, draft: DraftRow) -> bool:
    """INSERT a new draft; False (and nothing written) when its Slack message already has one, or
    was deleted before this (see ``remember_deletion``).

    The (channel, message_ts) unique key makes this the duplicate check too: a message that
    reaches the bot twice under different event ids still becomes one draft.
    """
    stmt = _insert_draft_statement(s.get_bind().dialect.name)
    inserted = s.connection().execute(stmt, draft.model_dump(exclude={"id"})).all()
    if not inserted:
        return False
    _persistent(s, draft, int(inserted[0][0]))
    return True


# The class of the advisory locks (PostgreSQL) that take turns on one intake message: a message
# event and a deletion of the same message. Two-key locks never collide with one-key ones (roster).
MESSAGE_LOCK_CLASS = 0x6B657374  # "kest"


def message_lock_key(channel: str, ts: str) -> int:
    """The second key of a message's advisory lock (two messages sharing it only wait for each other)."""
    digest = hashlib.blake2b(f"{channel}:{ts}".encode(), digest_size=4).digest()
    return int.from_bytes(digest, "big", signed=True)


def lock_message(s: Session, channel: str, ts: str) -> None:
    """Hold the message ``(channel, ts)`` until commit against its deletion or its message event.

    Without it, on PostgreSQL, a deletion could look for the draft while the message event's
    transaction is writing it (not yet visible), and that transaction could look for the deletion
    while it is being written: each would miss the other and the deleted message stay a draft.
    (SQLite: the transaction began with BEGIN IMMEDIATE, which already excludes other writers.)
    """
    if s.get_bind().dialect.name == "postgresql":
        s.connection().execute(text("SELECT pg_advisory_xact_lock(:cls, :key)"),
                               {"cls": MESSAGE_LOCK_CLASS, "key": message_lock_key(channel, ts)})


def remember_deletion(s: Session, channel: str, ts: str, now: datetime) -> None:
    """Remember that the intake message ``(channel, ts)``, which has no draft, was deleted: its
    message event, should it come later (out of order, a retry), is then no draft. Also a message
    of ours (an incident's alert): what would have been replies under it go elsewhere."""
    insert_if_absent(s, DeletedMessageRow.__table__, {"channel": channel, "ts": ts, "deleted_at": now},  # type: ignore[attr-defined]
                     ["channel", "ts"])


def was_deleted(s: Session, channel: str, ts: str) -> bool:
    return s.get(DeletedMessageRow, (channel, ts)) is not None


@functools.cache
def _insert_draft_and_version_statement() -> Any:
    """PostgreSQL: ``_insert_draft_statement`` and the first version's INSERT in one statement
    (the version goes in only when the draft did), so a new draft costs one round trip, not two.
    The version's values are the parameters named ``v_`` + its column."""
    drafts_insert = _insert_draft_statement("postgresql").cte("new_draft")
    table: Any = DraftVersionRow.__table__  # type: ignore[attr-defined]
    columns = [c for c in table.c if c.name not in ("id", "draft_id")]
    values = [cast(bindparam(f"v_{c.name}", type_=c.type), c.type) for c in columns]
    return (postgresql.insert(table)
            .from_select(["draft_id", *[c.name for c in columns]], select_(drafts_insert.c.id, *values))
            .returning(table.c.draft_id, table.c.id))


def insert_draft_with_version(s: Session, draft: DraftRow, version: DraftVersionRow) -> bool:
    """``insert_draft`` and then ``insert_version`` for its first version (``version.draft_id``
    set to the new draft's id); False, with neither written, as ``insert_draft``."""
    if s.get_bind().dialect.name != "postgresql":  # no INSERT in WITH: one after the other
        if not insert_draft(s, draft):
            return False
        version.draft_id = draft.id or 0
        insert_version(s, version)
        return True
    s.flush()  # as insert_version: whatever the session holds goes in first
    params = draft.model_dump(exclude={"id"})
    params.update({f"v_{k}": v for k, v in version.model_dump(exclude={"id", "draft_id"}).items()})
    inserted = execute_prebuilt(s.connection(), _insert_draft_and_version_statement(), params).all()
    if not inserted:
        return False
    _persistent(s, draft, int(inserted[0][0]))
    version.draft_id = draft.id or 0
    _persistent(s, version, int(inserted[0][1]))
    return True


def insert_version(s: Session, version: DraftVersionRow) -> None:
    s.flush()  # the draft row it belongs to may have pending changes (current_version)
    inserted = insert_rows(s, DraftVersionRow.__table__, [version.model_dump(exclude={"id"})])  # type: ignore[attr-defined]
    _persistent(s, version, int(inserted[0][0]))


def add_findings(s: Session, version_id: int, rows: Sequence[dict[str, Any]]) -> None:
    """The findings of a version, written with the transaction's outbox rows (the check result
    that shows them): no round trip of their own (``db.ride_along``)."""
    ride_along(s, FindingRow.__table__, [{**r, "version_id": version_id} for r in rows])  # type: ignore[attr-defined]


def by_message(s: Session, channel: str, ts: str, *, lock: bool = True) -> DraftRow | None:
    """The draft of a Slack message, locked for this transaction unless ``lock`` is False
    (PostgreSQL; SQLite's writers are serialised anyway): an edit or a deletion racing a click must
    see the decision, or be seen by it."""
    q = select(DraftRow).where(DraftRow.channel == channel, DraftRow.message_ts == ts)
    return s.exec(q.with_for_update() if lock else q).first()


def get(s: Session, draft_id: int, *, lock: bool = False) -> DraftRow | None:
    """``lock``: hold the row until commit (PostgreSQL), so that a decision and an edit, a deletion
    or an absence's end on the same draft happen one after the other, each seeing the other."""
    return s.get(DraftRow, draft_id, with_for_update=lock or None)


def version(s: Session, draft_id: int, number: int) -> DraftVersionRow | None:
    return s.exec(
        select(DraftVersionRow).where(DraftVersionRow.draft_id == draft_id, DraftVersionRow.number == number)
    ).first()


def findings(s: Session, version_id: int) -> list[FindingRow]:
    return list(s.exec(select(FindingRow).where(FindingRow.version_id == version_id).order_by(col(FindingRow.id))))


def compare_and_set_state(
    s: Session, draft_id: int, *, expected_state: str, expected_version: int, new_state: str, now: datetime
) -> bool:
    """Change state only if nobody else did first: the guard behind "first decision wins"."""
    res = s.exec(  # type: ignore[call-overload]
        update(DraftRow)
        .where(col(DraftRow.id) == draft_id, col(DraftRow.state) == expected_state,
               col(DraftRow.current_version) == expected_version)
        .values(state=new_state, updated_at=now)
    )
    return bool(res.rowcount == 1)


# Join condition: a draft with the version it currently stands at.
IS_CURRENT_VERSION = (col(DraftVersionRow.draft_id) == col(DraftRow.id)) & (
    col(DraftVersionRow.number) == col(DraftRow.current_version))


# Join condition: the approval requests of the version a draft currently stands at.
ASKED_NOW = (col(ApprovalRequestRow.draft_id) == col(DraftRow.id)) & (
    col(ApprovalRequestRow.version_number) == col(DraftRow.current_version))


class DuplicateFilter(NamedTuple):
    """The duplicate rule's signature of the new text (bot.rules.DuplicateSignature): which
    recent posts the rule could match, so that the others need not be read at all."""

    key: str
    numbers: str
    min_length: int
    max_length: int
    version: int


# Versions are looked up by the start of their signature (storage.migrations 0010): a draft of
# 40,000 characters has a key too long for a PostgreSQL index entry, and 100 characters tell keys
# apart as well as the whole would.
SIGNATURE_PREFIX = 100
# A version is never older than its draft, except by the clocks of two replicas disagreeing: the
# versions' own date bounds the lookup with this much to spare.
VERSION_CLOCK_SLACK = timedelta(hours=1)


def _prefix(value: Any) -> Any:
    # Literal bounds, so that SQLite sees the very expression its index was made of.
    return func.substr(value, literal_column("1"), literal_column(str(SIGNATURE_PREFIX)))


def _equal_by_prefix(column: Any, value: Any) -> Any:
    """``column = value``, written as the indexed prefix and the rest being equal.

    Not ``column = value`` itself: SQLite's constant propagation would then put the value in
    place of the column in the prefix's term as well (``substr(:value, 1, 100) = substr(:value,
    1, 100)``), which no longer names the index's expression, and every version ever written
    was read for each pasted draft (docs/benchmarks.md, Session 30)."""
    rest: Any = literal_column(str(SIGNATURE_PREFIX + 1))
    return (_prefix(column) == _prefix(value)) & (func.substr(column, rest) == func.substr(value, rest))


def _could_duplicate(f: Any, versions_since: Any) -> Any:
    """The ids of versions the duplicate rule could match: the same key, or a near-duplicate
    candidate (same numbers, length in range), or one whose signature is missing or of another
    version (those are read as before, and the rule decides).

    Each branch is an index range over recent versions of every account, so the intake reads a
    handful of rows however many drafts an account made this month (the account's own drafts,
    walked one by one, grew with every draft: 5 ms at 1,000 a month, 25 ms at 5,000).
    """
    v = DraftVersionRow
    recent = col(v.created_at) >= versions_since
    # UNION, not UNION ALL: a version can be in two branches (the same key has the same numbers).
    return union(
        select_(col(v.id)).where(_equal_by_prefix(col(v.dup_key), f.key), recent),
        select_(col(v.id)).where(_equal_by_prefix(col(v.dup_numbers), f.numbers),
                                 func.length(col(v.dup_key)).between(f.min_length, f.max_length), recent),
        select_(col(v.id)).where(col(v.dup_version).is_(None), recent),
        select_(col(v.id)).where(col(v.dup_version) < f.version, recent),
        # Signed by a newer release before a downgrade. Each version its own index range: one range
        # over every newer version would walk all the rows that release signed, of any age (the
        # date bounds a range only within one version), 36 ms instead of 9 on a year's history.
        select_(col(v.id)).where(col(v.dup_version).in_(_newer_versions(f.version)), recent),
        select_(col(v.id)).where(col(v.dup_version) > _newest_listed(f.version), recent),
    ).subquery()


# How many releases' signatures newer than this one are looked up one by one (see _could_duplicate);
# signatures further ahead are still read, by an unbounded range that finds none in practice.
NEWER_SIGNATURES_LISTED = 8


def _ahead(version: Any, steps: int) -> Any:
    # A literal step for the intake's prebuilt statement, whose every placeholder is a value given
    # with each draft (storage.db.execute_prebuilt).
    return version + steps if isinstance(version, int) else version + literal_column(str(steps))


def _newer_versions(version: Any) -> list[Any]:
    return [_ahead(version, i) for i in range(1, NEWER_SIGNATURES_LISTED + 1)]


def _newest_listed(version: Any) -> Any:
    return _ahead(version, NEWER_SIGNATURES_LISTED)


def recent_texts_query(account_id: Any, since: Any, states: Sequence[str] | Any,
                       exclude_draft: int | None = None, like: Any = None,
                       versions_since: Any = None) -> SelectOfScalar[str]:
    """SELECT the current text of the account's drafts made since ``since`` in ``states``; with
    ``like`` (a DuplicateFilter, or one of bind parameters) only those the duplicate rule could
    match, looked up among the versions made since ``versions_since`` (see VERSION_CLOCK_SLACK)."""
    if like is None:
        q = select(DraftVersionRow.text).join(DraftRow, IS_CURRENT_VERSION)
    else:
        candidates = _could_duplicate(like, versions_since)
        q = (select(DraftVersionRow.text)
             .select_from(candidates)
             .join(DraftVersionRow, col(DraftVersionRow.id) == candidates.c.id)
             .join(DraftRow, IS_CURRENT_VERSION))
    q = q.where(col(DraftRow.account_id) == account_id, col(DraftRow.created_at) >= since,
                is_in(col(DraftRow.state), states))
    if exclude_draft is not None:
        q = q.where(col(DraftRow.id) != exclude_draft)
    return q


def recent_texts(
    s: Session, account_id: str, since: datetime, states: Sequence[str], exclude_draft: int | None,
    like: DuplicateFilter | None = None,
) -> list[str]:
    return list(s.exec(recent_texts_query(account_id, since, states, exclude_draft, like,
                                          versions_since=since - VERSION_CLOCK_SLACK)).all())


def versions_signed_before(s: Session, version: int, since: datetime | None, *, after_id: int,
                           limit: int) -> list[tuple[int, str]]:
    """(id, text) of the versions (made since ``since``, or ever) whose duplicate signature is
    missing or of a version before ``version``, by id from ``after_id`` on: the intake reads the
    recent ones whole for every draft, and walks the index entries of all of them
    (_could_duplicate), until they are signed again. Newer signatures are not theirs to touch (a
    replica of the release before, starting during a rolling upgrade)."""
    v = DraftVersionRow
    q = (select_(col(v.id), col(v.text))
         .where(or_(col(v.dup_version).is_(None), col(v.dup_version) < version), col(v.id) > after_id)
         .order_by(col(v.id)).limit(limit))
    if since is not None:
        q = q.where(col(v.created_at) >= since)
    return [(int(i), str(t)) for i, t in s.execute(q).all()]


def sign_versions(s: Session, signatures: Sequence[tuple[int, str, str, int]]) -> int:
    """Store (id, key, numbers, version) as those versions' duplicate signatures, unless a signature
    of that version or a newer one got there first; how many rows changed."""
    if not signatures:
        return 0
    table: Any = DraftVersionRow.__table__  # type: ignore[attr-defined]
    v = table.c
    stmt = (update(table)
            .where(v.id == bindparam("vid"), or_(v.dup_version.is_(None), v.dup_version < bindparam("ver")))
            .values(dup_key=bindparam("key"), dup_numbers=bindparam("nums"), dup_version=bindparam("ver")))
    result = s.connection().execute(stmt, [{"vid": i, "key": k, "nums": n, "ver": ver}
                                           for i, k, n, ver in signatures])
    return int(result.rowcount)


def refresh_version_statistics(s: Session) -> None:
    """Have PostgreSQL's planner count the versions' signatures again (ANALYZE): after many were
    signed again it still believed most were of an older signature, and planned the intake's read
    as a walk of them, 21 ms instead of 3.3 with 55,000 versions, until autovacuum analysed the
    table a minute or more later (benchmarks/resign_signatures.py). SQLite keeps no such
    statistics unless asked, and its plan does not change."""
    if s.get_bind().dialect.name == "postgresql":
        s.connection().exec_driver_sql(f"ANALYZE {DraftVersionRow.__tablename__}")


def drafts_in_states(s: Session, states: Sequence[str], *, limit: int | None = None) -> list[DraftRow]:
    q = select(DraftRow).where(col(DraftRow.state).in_(many(states)))
    q = q.order_by(col(DraftRow.id))
    if limit is not None:
        q = q.limit(limit)
    return list(s.exec(q))


def current_versions(s: Session, drafts: Sequence[DraftRow]) -> dict[int, DraftVersionRow]:
    """The current version of each draft, in one query (App Home lists many drafts at once)."""
    wanted = {d.id: d.current_version for d in drafts if d.id is not None}
    if not wanted:
        return {}
    q = select(DraftVersionRow).where(col(DraftVersionRow.draft_id).in_(list(wanted)))
    return {v.draft_id: v for v in s.exec(q) if wanted.get(v.draft_id) == v.number}


# Drafts still in progress: not yet published, withdrawn or ended (rejected, expired).
IN_PROGRESS = ("checking", "needs_fix", "pending", "approved", "exempt")
# Ended, but the author may fix and resubmit (shown by /kessai status for a while).
ENDED_FIXABLE = ("rejected", "expired")


def open_in_channel(s: Session, channel: str) -> int:
    """How many drafts of ``channel`` are still in progress (not published, withdrawn or ended)."""
    q = select(func.count()).select_from(DraftRow).where(
        col(DraftRow.channel) == channel,
        col(DraftRow.state).in_(IN_PROGRESS))
    return int(s.exec(q).one())


def waiting_on_authors(s: Session, authors: Sequence[str], limit: int) -> list[DraftRow]:
    """The newest ``limit`` drafts of ``authors`` that wait on their author to fix them (要修正,
    差戻し): those whose threads offer their author buttons."""
    if not authors:
        return []
    q = select(DraftRow).where(col(DraftRow.author_id).in_(sorted(authors)),
                               col(DraftRow.state).in_(["needs_fix", "rejected"]))
    return list(s.exec(q.order_by(col(DraftRow.updated_at).desc()).limit(limit)))


def by_author(s: Session, author: str, limit: int = 20) -> list[DraftRow]:
    q = select(DraftRow).where(DraftRow.author_id == author).order_by(col(DraftRow.updated_at).desc()).limit(limit)
    return list(s.exec(q))


# -- approval requests (who was asked to decide a version, and for whom) -------------------------
# The reason of a deputy request withdrawn because the approver it stood in for came back.
WITHDRAWN = "withdrawn"
# The reason of a request whose recipient the organisation file no longer names as an approver (or,
# for a 代決 request, a deputy) of the draft's account. Kept, so a click on its DM explains itself.
REMOVED = "removed"
# Requests that no longer hold, for either reason: their recipient is not waited for.
RETRACTED = (WITHDRAWN, REMOVED)
# Deputy requests that show approvers were away when the draft was routed: an approver among them
# who was never asked is asked on their return (``skipped_while_away_clause``).
DEPUTY_HELD = ("away", "escalated", WITHDRAWN)


class Ask(NamedTuple):
    """One approval request to write: who is asked, for whom (代決), and why."""

    recipient_id: str
    acting_for_id: str | None
    reason: str


def add_requests(s: Session, *, draft_id: int, version_number: int, asks: Sequence[Ask],
                 now: datetime) -> set[str]:
    """Record that these people were asked, in one statement; returns the recipients newly asked
    (someone already asked for this version is skipped).

    The row is what gives a deputy the authority to decide (代決), so it is written in the same
    transaction as the DM that asks them.
    """
    if not asks:
        return set()
    s.flush()  # the draft and version rows the requests refer to may still be pending in this session
    return {str(k[2]) for k in insert_many_if_absent(
        s, ApprovalRequestRow.__table__,  # type: ignore[attr-defined]
        [{"draft_id": draft_id, "version_number": version_number, "recipient_id": a.recipient_id,
          "acting_for_id": a.acting_for_id, "reason": a.reason, "created_at": now} for a in asks],
        ["draft_id", "version_number", "recipient_id"],
    )}


def add_first_requests(s: Session, *, draft_id: int, version_number: int, asks: Sequence[Ask],
                       now: datetime) -> set[str]:
    """``add_requests`` for a version no one can have been asked about yet (written in this
    transaction): everyone is asked, and the rows go in with the transaction's outbox rows, the
    DMs that ask (``db.ride_along``): one round trip fewer on a new draft."""
    s.flush()  # as add_requests
    ride_along(s, ApprovalRequestRow.__table__, [  # type: ignore[attr-defined]
        {"draft_id": draft_id, "version_number": version_number, "recipient_id": a.recipient_id,
         "acting_for_id": a.acting_for_id, "reason": a.reason, "created_at": now} for a in asks])
    return {a.recipient_id for a in asks}


def reinstate_withdrawn(s: Session, *, draft_id: int, version_number: int, asks: Sequence[Ask],
                        now: datetime) -> set[str]:
    """Ask again those of ``asks`` whose request for this version was retracted (the approver they
    stood in for came back, or the organisation file dropped them and has named them again), as
    ``add_requests`` would ask someone new; returns who was.

    Without this, the unique (draft, version, recipient) row of a retracted request would keep a
    deputy from ever being asked again for that version — by an escalation, or a second absence.
    """
    again: set[str] = set()
    for a in asks:
        res = s.connection().execute(
            update(ApprovalRequestRow)
            .where(col(ApprovalRequestRow.draft_id) == draft_id,
                   col(ApprovalRequestRow.version_number) == version_number,
                   col(ApprovalRequestRow.recipient_id) == a.recipient_id,
                   col(ApprovalRequestRow.reason).in_(RETRACTED))
            .values(acting_for_id=a.acting_for_id, reason=a.reason, created_at=now))
        if res.rowcount:
            again.add(a.recipient_id)
    return again


def request_recipients(s: Session, draft_id: int, version_number: int) -> list[str]:
    q = select(ApprovalRequestRow.recipient_id).where(
        ApprovalRequestRow.draft_id == draft_id, ApprovalRequestRow.version_number == version_number,
    ).order_by(col(ApprovalRequestRow.id))
    return [str(r) for (r,) in s.connection().execute(q)]


def request_for(s: Session, draft_id: int, version_number: int, recipient_id: str) -> ApprovalRequestRow | None:
    return s.exec(select(ApprovalRequestRow).where(
        ApprovalRequestRow.draft_id == draft_id, ApprovalRequestRow.version_number == version_number,
        ApprovalRequestRow.recipient_id == recipient_id)).first()


def requests_for(s: Session, draft_id: int, version_number: int) -> list[ApprovalRequestRow]:
    return list(s.exec(select(ApprovalRequestRow).where(
        ApprovalRequestRow.draft_id == draft_id, ApprovalRequestRow.version_number == version_number,
    ).order_by(col(ApprovalRequestRow.id))))


def pending_of_accounts(s: Session, account_ids: Sequence[str]) -> list[DraftRow]:
    """The pending drafts of ``account_ids``."""
    if not account_ids:
        return []
    return list(s.exec(select(DraftRow).where(col(DraftRow.state) == "pending",
                                              col(DraftRow.account_id).in_(list(account_ids)))))


def pending_asked(s: Session, recipient_id: str) -> list[DraftRow]:
    """Pending drafts whose current version was sent to ``recipient_id``."""
    q = (
        select(DraftRow)
        .join(ApprovalRequestRow, ASKED_NOW)
        .where(col(DraftRow.state) == "pending", col(ApprovalRequestRow.recipient_id) == recipient_id)
        .order_by(col(DraftRow.id))
    )
    return list(s.exec(q))


def waiting_for(s: Session, viewer: str, *, approves: Sequence[str], accounts: Sequence[str],
                limit: int) -> tuple[list[tuple[DraftRow, str | None]], int]:
    """Pending drafts ``viewer`` may decide now, oldest first, with the approver they would act
    for (None when they decide as an approver of its account), at most ``limit`` of them; and how
    many there are in all.

    ``approves``: the accounts ``viewer`` approves; ``accounts``: every account of the
    organisation (a draft of an account no longer in it waits for nobody). Their own drafts are
    not theirs to decide. Counted and cut in the database: App Home is rendered for each approver
    whenever something reaches them, and a week of drafts piling up must not make each render
    read them all.
    """
    pending = (col(DraftRow.state) == "pending", col(DraftRow.author_id) != viewer)
    own: Any = select_(col(DraftRow.id).label("draft_id"), cast(literal_column("NULL"), String).label("acting_for")).where(
        *pending, col(DraftRow.account_id).in_(list(approves)))
    standing_in: Any = select_(col(DraftRow.id).label("draft_id"), col(ApprovalRequestRow.acting_for_id).label("acting_for")
                          ).join(ApprovalRequestRow, ASKED_NOW).where(
        *pending, col(DraftRow.account_id).in_(list(accounts)), col(DraftRow.account_id).not_in(list(approves)),
        col(ApprovalRequestRow.recipient_id) == viewer, col(ApprovalRequestRow.acting_for_id).is_not(None),
        col(ApprovalRequestRow.reason).in_(["away", "escalated"]))
    both = union_all(own, standing_in).subquery()
    total = s.connection().execute(select_(func.count()).select_from(both)).scalar_one()
    if not total:
        return [], 0
    page = s.connection().execute(select_(both.c.draft_id, both.c.acting_for).order_by(both.c.draft_id).limit(limit)).all()
    rows = {d.id: d for d in s.exec(select(DraftRow).where(col(DraftRow.id).in_([r.draft_id for r in page])))}
    return [(rows[r.draft_id], r.acting_for) for r in page if r.draft_id in rows], total


def pending_of_absent(s: Session, at: datetime) -> list[tuple[DraftRow, ApprovalRequestRow]]:
    """Pending drafts whose current version is held by someone absent at ``at``, with each such
    request: an approver's own (``normal``), and a deputy's standing in for an approver (``away``,
    ``escalated``) — what the sweep hands on to the deputies. A deputy's absence that began later
    was not looked at, and the draft waited with nobody at work holding it. Only these are read,
    not every pending draft with its requests one by one (which the sweep did every minute while
    anyone was away)."""
    q = (
        select(DraftRow, ApprovalRequestRow)
        .join(ApprovalRequestRow, ASKED_NOW)
        .join(MemberRow, col(MemberRow.slack_id) == col(ApprovalRequestRow.recipient_id))
        .where(col(DraftRow.state) == "pending", col(ApprovalRequestRow.reason).in_(("normal", "away", "escalated")),
               absent_at(at))
        .order_by(col(DraftRow.id), col(ApprovalRequestRow.recipient_id))
    )
    return [(d, r) for d, r in s.exec(q)]


def standing_in_for(s: Session, approver: str) -> list[tuple[DraftRow, ApprovalRequestRow]]:
    """Pending drafts whose current version a deputy was asked to decide because ``approver`` was
    away, with each such request."""
    q = (
        select(DraftRow, ApprovalRequestRow)
        .join(ApprovalRequestRow, ASKED_NOW)
        .where(col(DraftRow.state) == "pending", col(ApprovalRequestRow.acting_for_id) == approver,
               col(ApprovalRequestRow.reason) == "away")
        .order_by(col(DraftRow.id), col(ApprovalRequestRow.id))
        .with_for_update(of=DraftRow)  # a deputy's click waits, or is waited for: never both
    )
    return [(d, r) for d, r in s.exec(q)]


def skipped_while_away_clause(approver: str | Mapped[str]) -> ColumnElement[bool]:
    """Is the draft in the query pending, held by a deputy because approvers were away, and never
    sent to ``approver`` (a member id, or a column naming one), who is not its author? A deputy
    asked once stands in for the first absent approver only, so an approver away together with
    another one was never asked and ``standing_in_for`` does not name them.

    One clause for the two places that ask it — one approver on their return
    (``skipped_while_away``) and the sweep over everyone (``storage.reminders``) — so that they
    cannot drift apart."""
    asked, held = aliased(ApprovalRequestRow), aliased(ApprovalRequestRow)
    theirs = select_(col(asked.id)).where(
        col(asked.draft_id) == col(DraftRow.id), col(asked.version_number) == col(DraftRow.current_version),
        col(asked.recipient_id) == approver).exists()
    # Held by a deputy (also kept as an escalation when the other approver's absence ran out), or
    # given back to the other approver on their return (withdrawn).
    deputy_held = select_(col(held.id)).where(
        col(held.draft_id) == col(DraftRow.id), col(held.version_number) == col(DraftRow.current_version),
        col(held.reason).in_(DEPUTY_HELD)).exists()
    return and_(col(DraftRow.state) == "pending", col(DraftRow.author_id) != approver, deputy_held, ~theirs)


def skipped_while_away(s: Session, approver: str, account_ids: Sequence[str]) -> list[DraftRow]:
    """Pending drafts of ``account_ids`` a deputy holds for absent approvers and which never went
    to ``approver`` (see ``skipped_while_away_clause``)."""
    if not account_ids:
        return []
    q = (
        select(DraftRow)
        .where(col(DraftRow.account_id).in_(list(account_ids)), skipped_while_away_clause(approver))
        .order_by(col(DraftRow.id))
        .with_for_update()  # as standing_in_for: a deputy's click waits, or is waited for
    )
    return list(s.exec(q))


def keep_as_escalated(s: Session, request_ids: Sequence[int]) -> None:
    """Deputies' requests made while the approver was away that stay with them as an escalation
    (the draft has waited ``approval_escalate_after`` by the time the approver is back)."""
    if request_ids:
        s.connection().execute(update(ApprovalRequestRow).where(col(ApprovalRequestRow.id).in_(list(request_ids)))
                               .values(reason="escalated"))


def given_back_at(s: Session, draft_ids: Sequence[int]) -> dict[int, datetime]:
    """For pending drafts whose current version a deputy held for an absent approver until that
    approver came back (the deputy's request ``WITHDRAWN``): when that approver was asked, the
    latest if several were. The escalation to the deputies waits ``approval_escalate_after`` from
    then (``bot.workflow.deputies_due``), not from when the draft was routed."""
    if not draft_ids:
        return {}
    withdrawn, theirs = aliased(ApprovalRequestRow), aliased(ApprovalRequestRow)
    q = (
        select_(col(withdrawn.draft_id), func.max(col(theirs.created_at)))
        .select_from(DraftRow)
        .join(withdrawn, and_(col(withdrawn.draft_id) == col(DraftRow.id),
                              col(withdrawn.version_number) == col(DraftRow.current_version),
                              col(withdrawn.reason) == WITHDRAWN))
        .join(theirs, and_(col(theirs.draft_id) == col(withdrawn.draft_id),
                           col(theirs.version_number) == col(withdrawn.version_number),
                           col(theirs.recipient_id) == col(withdrawn.acting_for_id),
                           col(theirs.acting_for_id).is_(None), col(theirs.reason).not_in(RETRACTED)))
        .where(col(DraftRow.id).in_(list(draft_ids)))
        .group_by(col(withdrawn.draft_id))
    )
    return {d: as_utc(at) for d, at in s.connection().execute(q)}


def withdraw_requests(s: Session, request_ids: Sequence[int], *, reason: str = WITHDRAWN) -> None:
    """Requests that no longer hold (``WITHDRAWN``: the approver a deputy stood in for is back;
    ``REMOVED``: the organisation file no longer names the recipient): kept, so a click explains itself."""
    if request_ids:
        s.connection().execute(update(ApprovalRequestRow).where(col(ApprovalRequestRow.id).in_(list(request_ids)))
                               .values(reason=reason))


def repoint_requests(s: Session, request_ids: Sequence[int], *, acting_for: str) -> list[int]:
    """Have deputies' escalated requests stand in for ``acting_for`` (the approver they stood in
    for left the account); returns those changed now, so that a second sweep tells nobody again."""
    if not request_ids:
        return []
    r = ApprovalRequestRow
    return [int(i or 0) for (i,) in s.connection().execute(
        update(r).where(col(r.id).in_(list(request_ids)), col(r.reason) == "escalated",
                        col(r.acting_for_id) != acting_for)
        .values(acting_for_id=acting_for).returning(col(r.id)))]


class PendingRequest(NamedTuple):
    """A pending draft and one request for its current version that still holds (recipient None:
    the draft holds none)."""

    draft_id: int
    account_id: str | None
    author_id: str
    recipient_id: str | None
    acting_for_id: str | None
    reason: str | None


def pending_requests(s: Session, *, ask: bool) -> list[PendingRequest]:
    """The pending drafts whose requests may no longer match the roster the database records
    (``storage.roster.sync`` writes the organisation file of the process that started last), each
    with every request for its current version that still holds: what the sweep compares with
    the organisation file (``Kessai.roster_drift``). One query.

    A draft is read only if one of its requests is held by its author or by someone the recorded
    roster does not name for it (an approver, or a deputy for a 代決 request; an account the file
    removed has no roles recorded, so every request on it is such a one), or (``ask``) an
    approver of its account other than its author holds none. For an account whose recorded
    roster is this process's file — the only accounts the sweep acts on — that is every draft the
    file could find drifted; the others are read and skipped as before. Nearly always none is read: reading every waiting request cost a big city's
    every-minute sweep 100–200 ms (9,000 requests of 3,000 waiting drafts)."""
    # Set-wise (a UNION of joins, each NOT EXISTS on its own) so that PostgreSQL hashes them: the
    # same conditions as EXISTS subqueries OR'ed per draft ran once per waiting draft, and their
    # cost estimate had PostgreSQL JIT-compile the query, 150 ms each minute for 3,000 drafts.
    held = aliased(ApprovalRequestRow)
    live = ((col(held.draft_id) == col(DraftRow.id)) & (col(held.version_number) == col(DraftRow.current_version))
            & col(held.reason).not_in(RETRACTED))
    waiting = col(DraftRow.state) == "pending"
    named = exists().where(
        col(AccountRoleRow.account_id) == col(DraftRow.account_id), col(AccountRoleRow.slack_id) == col(held.recipient_id),
        (col(AccountRoleRow.role) == "approver") | ((col(AccountRoleRow.role) == "deputy") & col(held.acting_for_id).is_not(None)))
    # A deputy's request for an absent approver ("away") holds only while whom it stands in for is
    # still an approver of the account (Kessai._still_named); one for a slow approver ("escalated")
    # then stands in for another (Kessai._repoint_escalations). A branch of its own: nested in
    # ``named``'s OR, PostgreSQL could no longer hash that anti-join (a sort-merge, +10-20 ms a
    # minute on the big city's 8,800 requests).
    stands_for_approver = exists().where(
        col(AccountRoleRow.account_id) == col(DraftRow.account_id), col(AccountRoleRow.role) == "approver",
        col(AccountRoleRow.slack_id) == col(held.acting_for_id))
    branches = [
        select_(col(DraftRow.id)).join(held, live).where(waiting, col(held.recipient_id) == col(DraftRow.author_id)),
        select_(col(DraftRow.id)).join(held, live).where(waiting, ~named),
        select_(col(DraftRow.id)).join(held, live).where(waiting, col(held.reason).in_(("away", "escalated")),
                                                        col(held.acting_for_id).is_not(None), ~stands_for_approver),
    ]
    if ask:
        approver = ((col(AccountRoleRow.account_id) == col(DraftRow.account_id)) & (col(AccountRoleRow.role) == "approver")
                    & (col(AccountRoleRow.slack_id) != col(DraftRow.author_id)))
        branches.append(select_(col(DraftRow.id)).join(AccountRoleRow, approver).where(
            waiting, ~exists().where(live, col(held.recipient_id) == col(AccountRoleRow.slack_id))))
    suspects = union(*branches).subquery()
    live_now = ASKED_NOW & col(ApprovalRequestRow.reason).not_in(RETRACTED)
    q = (
        select_(col(DraftRow.id), col(DraftRow.account_id), col(DraftRow.author_id), col(ApprovalRequestRow.recipient_id),
                col(ApprovalRequestRow.acting_for_id), col(ApprovalRequestRow.reason))
        .select_from(DraftRow)
        .outerjoin(ApprovalRequestRow, live_now)
        .where(col(DraftRow.state) == "pending", col(DraftRow.id).in_(select_(suspects.c[0])))
        .order_by(col(DraftRow.id), col(ApprovalRequestRow.id))
    )
    return [PendingRequest(int(d or 0), a, str(au), r, f, why) for d, a, au, r, f, why in s.connection().execute(q)]


# -- publication ------------------------------------------------------------------------------
def published_count(s: Session, account_id: str, since: datetime, until: datetime) -> int:
    q = select(func.count()).select_from(DraftRow).where(
        col(DraftRow.account_id) == account_id, col(DraftRow.state) == "published",
        col(DraftRow.published_at) >= since, col(DraftRow.published_at) < until)
    return int(s.exec(q).one())


def not_final(s: Session, author: str, ended_since: datetime, limit: int) -> tuple[list[DraftRow], int]:
    """The author's drafts that still need something from someone (for /kessai status): those in
    progress, and those rejected or expired since ``ended_since`` (the author may fix and
    resubmit). The oldest ``limit`` of them, and how many there are."""
    # Two ranges of ix_drafts_author_state, one per branch: written as one condition with OR, the
    # planner read every draft of the author (25 ms for a person with ten years of 60,600 drafts).
    # The rows themselves, not their ids joined back: PostgreSQL walked the primary key from the
    # oldest draft to meet ORDER BY id LIMIT. The branches' states differ: no draft is in both.
    # (A person's drafts in progress are tens, sorted in memory.)
    both = union_all(
        select(DraftRow).where(col(DraftRow.author_id) == author, col(DraftRow.state).in_(IN_PROGRESS)),
        select(DraftRow).where(col(DraftRow.author_id) == author, col(DraftRow.state).in_(ENDED_FIXABLE),
                               col(DraftRow.updated_at) >= ended_since),
    ).subquery()
    total = s.exec(select(func.count()).select_from(both)).one()
    row = aliased(DraftRow, both)
    # "+ 0": SQLite otherwise read the whole table in id order to merge the branches sorted.
    mine = select(row).order_by(col(row.id) + 0).limit(limit)
    return list(s.exec(mine)), total


def set_account(s: Session, draft_id: int, account_id: str, now: datetime) -> bool:
    """Set the account of a draft that has none yet; False if someone chose first."""
    res = s.exec(  # type: ignore[call-overload]
        update(DraftRow).where(col(DraftRow.id) == draft_id, col(DraftRow.account_id).is_(None))
        .values(account_id=account_id, updated_at=now)
    )
    return bool(res.rowcount == 1)


# One key for every publication (one-key locks never collide with the two-key message locks).
PUBLICATION_LOCK = 0x6B657370  # "kesp"


def lock_publications(s: Session) -> None:
    """Take turns, until commit, with every other 投稿済み registration (PostgreSQL; SQLite's
    BEGIN IMMEDIATE already does): two drafts registered with one post at the same moment would
    each miss the other's uncommitted URL, and the post count twice."""
    if s.get_bind().dialect.name == "postgresql":
        s.connection().execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": PUBLICATION_LOCK})


def published_as(s: Session, key: str) -> list[tuple[int, str | None, str]]:
    """(draft id, account id, post URL) of the published drafts that may be the post with the digest
    ``key`` (``bot.publication.post_key_digest``), oldest first, for the caller to compare with
    ``same_post``: a post is one account's, and one post (a YouTube video's URL names no account)
    counts for one draft only. Those with that digest (ix_drafts_published_key: one registration no
    longer reads every URL of ten years), and those published with none: by a replica still on 0016
    during a rolling upgrade (it writes no digest), which would otherwise never be matched again
    (ix_drafts_published_unkeyed holds only those few)."""
    found = []
    for where in (col(DraftRow.published_key) == key, col(DraftRow.published_key).is_(None)):
        q = select(DraftRow.id, DraftRow.account_id, DraftRow.published_url).where(
            where, col(DraftRow.published_url).is_not(None))
        found += [(int(i), a, str(u)) for i, a, u in s.exec(q) if i is not None and u]
    return sorted(found)


def mark_published(s: Session, draft_id: int, *, expected_state: str, expected_version: int, url: str, key: str,
                   at: datetime, by: str, now: datetime) -> bool:
    """``key``: the post's digest (``bot.publication.post_key_digest``), which ``published_as`` looks up."""
    res = s.exec(  # type: ignore[call-overload]
        update(DraftRow)
        .where(col(DraftRow.id) == draft_id, col(DraftRow.state) == expected_state,
               col(DraftRow.current_version) == expected_version)
        .values(state="published", published_url=url, published_key=key, published_at=at, published_by=by,
                updated_at=now)
    )
    return bool(res.rowcount == 1)


def open_incidents(s: Session, limit: int = 20) -> list[IncidentRow]:
    q = select(IncidentRow).where(col(IncidentRow.status) != "resolved").order_by(col(IncidentRow.id).desc()).limit(limit)
    return list(s.exec(q))
