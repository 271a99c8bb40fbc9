"""Reminder claims and the candidate queries of the sweep.

A reminder is sent at most once per key ``kind:subject:period``: the sweep inserts the key into
``reminders`` in the same transaction as the reminder's outbox rows, and the insert does nothing
when the key already exists (``INSERT … ON CONFLICT DO NOTHING`` on both SQLite and PostgreSQL).
On PostgreSQL a second replica inserting the same key waits for the first transaction, then sees
the conflict, so two sweeps at once still send one reminder.

The candidate queries only read rows that can be due (indexed on state/status and time, see
migration ``0003_sweep``), so a sweep with nothing to do costs a few index look-ups.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import String, and_, any_, bindparam, delete, func, or_, text, update
from sqlalchemy.dialects.postgresql import ARRAY
from sqlmodel import Session, col, select

from storage import outbox
from storage.db import as_utc, insert_if_absent, insert_many_if_absent
from storage.drafts import ASKED_NOW, DEPUTY_HELD, IS_CURRENT_VERSION, RETRACTED, skipped_while_away_clause
from storage.models import (
    AccountRoleRow,
    ApprovalRequestRow,
    DraftRow,
    DraftVersionRow,
    IncidentEventRow,
    IncidentRow,
    MemberRow,
    OutboxRow,
    PasswordRotationRow,
    ReminderRow,
)

# SQLite allows 32,766 bound parameters; PostgreSQL 65,535. Stay far below both.
_CHUNK = 900
# Claimed by the first sweep ever: from then on kessai has been keeping records.
IN_USE_KEY = "kessai.in_use_since"
# Claimed per account when a sweep first finds it in the organisation file (``note_accounts``).
ACCOUNT_KNOWN_PREFIX = "account.known:"
# Claimed per roster (a digest of the account ids) once its accounts are noted.
ACCOUNTS_NOTED_PREFIX = "accounts.noted:"
# Claimed per account when a roster without it is noted: taken out of the organisation file.
ACCOUNT_GONE_PREFIX = "account.gone:"


def claim(s: Session, key: str, now: datetime) -> bool:
    """Claim ``key``; False when it was claimed before (by this or any other sweep)."""
    return insert_if_absent(s, ReminderRow.__table__, {"key": key, "claimed_at": now}, ["key"])  # type: ignore[attr-defined]


def claim_in_order(s: Session, keys: Sequence[str], now: datetime) -> set[str]:
    """Claim ``keys`` in the order given, in one statement; the ones that were not claimed before.

    On PostgreSQL each key another transaction has inserted and not yet committed is waited for:
    two sweeps claiming overlapping keys must take them in the same order, or each waits for
    the other (a deadlock, and one of them is aborted)."""
    rows = [{"key": k, "claimed_at": now} for k in keys]
    return {str(k) for (k,) in insert_many_if_absent(s, ReminderRow.__table__, rows, ["key"])}  # type: ignore[attr-defined]


def in_use_since(s: Session) -> datetime | None:
    """When kessai started keeping records here: its first sweep, or its first draft if earlier."""
    marker = s.get(ReminderRow, IN_USE_KEY)
    first_draft = s.exec(select(func.min(DraftRow.created_at))).one()
    times = [as_utc(t) for t in (marker and marker.claimed_at, first_draft) if t]
    return min(times) if times else None


def note_accounts(s: Session, account_ids: Sequence[str], digest: str, now: datetime, *,
                  brief: Callable[[datetime, datetime], bool] = lambda _out, _back: False) -> None:
    """Record when each account was first in the organisation file: its posts before then could not
    go through kessai, so the monthly counts of that month are partial for it. Looked at once per
    roster (``digest``). The first time ever (a new installation, or one from before this record)
    the accounts are dated from when kessai came into use: they were there all along.
    ``brief(out, back)``: an absence from the file too short to count (a mistaken edit reverted)."""
    noted = ACCOUNTS_NOTED_PREFIX + digest
    if claimed(s, [noted]):
        return
    at = (in_use_since(s) or now) if count(s, ACCOUNTS_NOTED_PREFIX) == 0 else now
    known = set(accounts_known_since(s))
    gone = {str(k).removeprefix(ACCOUNT_GONE_PREFIX): as_utc(t) for k, t in s.exec(
        select(ReminderRow.key, ReminderRow.claimed_at).where(col(ReminderRow.key).startswith(ACCOUNT_GONE_PREFIX)))}
    current = set(account_ids)
    returned = False
    for a in account_ids:
        if a in gone and a in known and brief(gone[a], now):
            returned = True
            # Out for minutes (an edit reverted, a wrong file deployed and rolled back): nothing could
            # have been posted outside kessai meanwhile, and dating it from its return would call an
            # account there all month 「最終業務日以降に登録された」 and drop it from the 撤退 report.
            s.exec(delete(ReminderRow).where(col(ReminderRow.key) == ACCOUNT_GONE_PREFIX + a))  # type: ignore[call-overload]
        elif a in gone:
            returned = True
            # Taken out of the file and put back: its posts while it was out never went through
            # kessai, so its counts run from its return, not from when it was first added.
            s.exec(delete(ReminderRow).where(  # type: ignore[call-overload]
                col(ReminderRow.key).in_([ACCOUNT_KNOWN_PREFIX + a, ACCOUNT_GONE_PREFIX + a])))
            claim(s, ACCOUNT_KNOWN_PREFIX + a, now)
        elif a not in known:
            claim(s, ACCOUNT_KNOWN_PREFIX + a, at)
    dropped = known - current - set(gone)
    for a in sorted(dropped):
        claim(s, ACCOUNT_GONE_PREFIX + a, now)
    if dropped or returned:
        # A roster noted before, which had these accounts, is looked at again when it comes back
        # (the file reverted to a copy with them): that is when they are put back. And one without
        # the accounts put back is looked at again too: during a rolling deploy the replica with the
        # old file notes last, and unless the new file's roster is noted after it, the removal it
        # makes is lost (the account then put back months later is dated from the deploy).
        s.exec(delete(ReminderRow).where(  # type: ignore[call-overload]
            col(ReminderRow.key).startswith(ACCOUNTS_NOTED_PREFIX)))
    claim(s, noted, now)


# Claimed per month and value of ``min_posts_per_month`` a sweep ran under in that month (real clock).
MINIMUM_PREFIX = "monthly.minimum:"


# A reminder whose writing failed, by its key (``Sweeper._failed``), dated by its last failure:
# each `kessai remind` run under cron is a new process, and without this every run logged the same
# failure at ERROR with its traceback, once a minute. Removed when it goes through. The key ends in
# ``#`` and a digest of the failure's cause (exception type and first line): a new process finding a
# different cause logs it in full. (The key holds it: the table has no other column, and a cause's
# text could be longer than a key may be.)
FAILING_PREFIX = "sweep.failing:"
_KEY_MOST = 200  # ReminderRow.key
_CAUSE_SEP, _CAUSE_LEN = "#", 12


class Failed(NamedTuple):
    at: datetime
    cause: str  # failing_cause(error)


def failing_cause(error: str) -> str:
    """The short digest stored for a failure's cause (``error``: its type and first line)."""
    return hashlib.sha256(error.encode()).hexdigest()[:_CAUSE_LEN]


def note_failing(s: Session, ref: str, at: datetime, error: str) -> None:
    """Record that reminder ``ref`` failed at ``at`` with ``error`` (a later failure moves the
    date, and replaces the cause)."""
    key = f"{FAILING_PREFIX}{ref}{_CAUSE_SEP}{failing_cause(error)}"
    if len(key) > _KEY_MOST:  # not kept (no reminder key is that long): each process's own ERROR, as before
        return
    s.exec(delete(ReminderRow).where(  # type: ignore[call-overload]
        col(ReminderRow.key).startswith(FAILING_PREFIX + ref + _CAUSE_SEP, autoescape=True), col(ReminderRow.key) != key))
    if not claim(s, key, at):
        s.exec(update(ReminderRow).where(col(ReminderRow.key) == key).values(claimed_at=at))  # type: ignore[call-overload]


def failing_since(s: Session, since: datetime) -> dict[str, Failed]:
    """The reminders that failed at or after ``since``, with their last failure and its cause; older
    records (a reminder no longer swept for, its draft decided or its period over) are deleted."""
    s.exec(delete(ReminderRow).where(col(ReminderRow.key).startswith(FAILING_PREFIX),  # type: ignore[call-overload]
                                     col(ReminderRow.claimed_at) < since))
    rows = s.exec(select(ReminderRow.key, ReminderRow.claimed_at).where(col(ReminderRow.key).startswith(FAILING_PREFIX)))
    out: dict[str, Failed] = {}
    for k, t in rows:
        ref, _, cause = str(k).removeprefix(FAILING_PREFIX).rpartition(_CAUSE_SEP)
        if ref not in out or out[ref].at < as_utc(t):
            out[ref] = Failed(as_utc(t), cause)
    return out


def forget_failing(s: Session, ref: str) -> None:
    s.exec(delete(ReminderRow).where(  # type: ignore[call-overload]
        col(ReminderRow.key).startswith(FAILING_PREFIX + ref + _CAUSE_SEP, autoescape=True)))


def note_minimum(s: Session, month: str, need: int, now: datetime) -> None:
    """Record that ``min_posts_per_month`` was ``need`` during ``month`` (``"2026-11"``): the file
    may be changed before the report on that month is sent, and the month is judged by its own."""
    key = f"{MINIMUM_PREFIX}{month}:{need}"
    if not claimed(s, [key]):
        claim(s, key, now)


def minimums(s: Session, month: str) -> set[int]:
    """The values of ``min_posts_per_month`` sweeps ran under during ``month`` (see ``note_minimum``)."""
    prefix = f"{MINIMUM_PREFIX}{month}:"
    keys = s.exec(select(ReminderRow.key).where(col(ReminderRow.key).startswith(prefix)))
    return {int(k.removeprefix(prefix)) for k in keys if k.removeprefix(prefix).isdigit()}


def minimums_kept_since(s: Session) -> datetime | None:
    """When sweeps started noting ``min_posts_per_month`` (the first ``note_minimum``, real clock):
    before then, a month without a record says nothing (an older kessai ran without noting it)."""
    first = s.exec(select(func.min(ReminderRow.claimed_at)).where(col(ReminderRow.key).startswith(MINIMUM_PREFIX))).one()
    return as_utc(first) if first else None


def accounts_known_since(s: Session) -> dict[str, datetime]:
    """When each account was first in the organisation file (see ``note_accounts``)."""
    rows = s.exec(select(ReminderRow.key, ReminderRow.claimed_at)
                  .where(col(ReminderRow.key).startswith(ACCOUNT_KNOWN_PREFIX)))
    return {key.removeprefix(ACCOUNT_KNOWN_PREFIX): as_utc(at) for key, at in rows}


def claimed(s: Session, keys: Iterable[str], since: datetime | None = None) -> set[str]:
    """Which of ``keys`` are already claimed (at or after ``since``, if given; one primary-key
    look-up per chunk)."""
    wanted = list(dict.fromkeys(keys))
    if not wanted:
        return set()
    if s.get_bind().dialect.name == "postgresql":
        # One array parameter: a quiet sweep of a big city asks about 6,000 keys, and as ``IN``
        # lists of bound parameters their expansion cost five times the index look-ups themselves.
        q = select(ReminderRow.key).where(col(ReminderRow.key) == any_(bindparam("keys", wanted, type_=ARRAY(String))))
        if since is not None:
            q = q.where(col(ReminderRow.claimed_at) >= since)
        return set(s.exec(q))
    out: set[str] = set()
    for i in range(0, len(wanted), _CHUNK):
        q = select(ReminderRow.key).where(col(ReminderRow.key).in_(wanted[i:i + _CHUNK]))
        if since is not None:
            q = q.where(col(ReminderRow.claimed_at) >= since)
        out.update(s.exec(q))
    return out


def count(s: Session, prefix: str = "") -> int:
    q = select(func.count()).select_from(ReminderRow)
    if prefix:
        q = q.where(col(ReminderRow.key).startswith(prefix))
    return int(s.exec(q).one())


def outbox_high_water(s: Session) -> int:
    outbox.flush_pending(s)
    highest = s.exec(select(func.max(OutboxRow.id))).one()
    return int(highest or 0)


def release_outbox(s: Session, after_id: int, at: datetime) -> int:
    """Make messages written after ``after_id`` and scheduled later than ``at`` due at ``at``.

    A sweep run for an instant ahead of the clock (``kessai remind --now``, the demo, tests) writes
    its messages with that instant; they should still go out now, not when the wall clock gets there.
    Retries (attempts > 0) keep their back-off, and posts held for business hours
    (``outbox.hold_posts_until``: due later than written) still wait for the morning.
    """
    outbox.flush_pending(s)
    res = s.exec(update(OutboxRow).where(col(OutboxRow.id) > after_id, col(OutboxRow.next_attempt_at) > at,  # type: ignore[call-overload]
                                         col(OutboxRow.next_attempt_at) == col(OutboxRow.created_at),
                                         col(OutboxRow.attempts) == 0).values(next_attempt_at=at))
    return int(res.rowcount or 0)


# -- drafts -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DraftCandidate:
    draft: DraftRow
    version: DraftVersionRow


@dataclass(frozen=True)
class PendingWait:
    """What the sweep needs of a waiting draft to know which of its reminders could be due: no text."""

    draft_id: int
    version: int
    since: datetime  # when it entered ``pending`` (``updated_at``)
    account_id: str | None


def pending_waits_before(s: Session, cutoff: datetime) -> list[PendingWait]:
    """The drafts that entered ``pending`` at or before ``cutoff`` (their ``updated_at``), without
    their rows (texts, alt texts): a big city's backlog of thousands of waiting drafts was read whole
    every minute to find the few whose reminder is due; ``pending_candidates`` reads those few."""
    q = (
        select(DraftRow.id, DraftRow.current_version, DraftRow.updated_at, DraftRow.account_id)
        .join(DraftVersionRow, IS_CURRENT_VERSION)
        .where(col(DraftRow.state) == "pending", col(DraftRow.updated_at) <= cutoff)
        .order_by(col(DraftRow.id))
    )
    return [PendingWait(int(d or 0), int(v), as_utc(at), a) for d, v, at, a in s.exec(q)]


def pending_candidates(s: Session, draft_ids: Sequence[int]) -> list[DraftCandidate]:
    """The pending drafts among ``draft_ids`` with their current versions, by id."""
    ids = sorted(set(draft_ids))
    out: list[DraftCandidate] = []
    for i in range(0, len(ids), _CHUNK):
        q = (
            select(DraftRow, DraftVersionRow)
            .join(DraftVersionRow, IS_CURRENT_VERSION)
            .where(col(DraftRow.id).in_(ids[i:i + _CHUNK]), col(DraftRow.state) == "pending")
            .order_by(col(DraftRow.id))
        )
        out.extend(DraftCandidate(d, v) for d, v in s.exec(q))
    return out


def pending_scheduled_before(s: Session, until: datetime) -> list[DraftCandidate]:
    """Pending drafts whose current version's scheduled time is at or before ``until``.

    Driven from the (small) set of pending drafts on the ``(state, updated_at)`` index, so history
    does not make it slower."""
    q = (
        select(DraftRow, DraftVersionRow)
        .join(DraftVersionRow, IS_CURRENT_VERSION)
        .where(col(DraftRow.state) == "pending", col(DraftVersionRow.scheduled_at) <= until)
        .order_by(col(DraftRow.id))
    )
    return [DraftCandidate(d, v) for d, v in s.exec(q)]


def scheduled_between(s: Session, states: Sequence[str], since: datetime, until: datetime) -> list[DraftCandidate]:
    """Drafts in ``states`` whose current version is scheduled in ``(since, until]``, not published.

    Two steps, each on its own index: the versions scheduled in the window (``scheduled_at``), then
    their drafts by primary key — a planner cannot start from the large approved/published set.
    The first reads only the versions' keys: the window holds a month of posts, nearly all of them
    published, and reading them whole (texts, alt texts) every minute cost more than the rest of
    the step. Only the drafts still waiting to be published are read whole, with their versions."""
    ids = sorted({int(d) for d in s.exec(select(DraftVersionRow.draft_id).where(
        col(DraftVersionRow.scheduled_at) > since, col(DraftVersionRow.scheduled_at) <= until))})
    out: list[DraftCandidate] = []
    for i in range(0, len(ids), _CHUNK):
        # Joined on the current version, in the window itself: a draft corrected to an earlier time
        # has both versions in the window once kessai was down past both, and only the current one counts.
        q = (select(DraftRow, DraftVersionRow).join(DraftVersionRow, IS_CURRENT_VERSION)
             .where(col(DraftRow.id).in_(ids[i:i + _CHUNK]), col(DraftRow.state).in_(list(states)),
                    col(DraftRow.published_at).is_(None),
                    col(DraftVersionRow.scheduled_at) > since, col(DraftVersionRow.scheduled_at) <= until))
        out.extend(DraftCandidate(d, v) for d, v in s.exec(q))
    return sorted(out, key=lambda c: c.draft.id or 0)


def coming_by_account(s: Session, states: Sequence[str], since: datetime, until: datetime) -> dict[str, int]:
    """Number of drafts per account in ``states``, not published, whose current version is
    scheduled in ``(since, until]``: posts on their way."""
    out: dict[str, int] = {}
    for c in scheduled_between(s, states, since, until):
        if c.draft.account_id is not None:
            out[c.draft.account_id] = out.get(c.draft.account_id, 0) + 1
    return out


def publications_by_account(s: Session, start: datetime, end: datetime) -> dict[str, int]:
    """Number of publications per account in ``[start, end)`` (uses the published_at index)."""
    q = (
        select(DraftRow.account_id, func.count())
        .where(col(DraftRow.published_at) >= start, col(DraftRow.published_at) < end)
        .group_by(col(DraftRow.account_id))
    )
    return {str(a): int(n) for a, n in s.exec(q) if a is not None}


# -- incidents ----------------------------------------------------------------------------------


def incidents_unacked_since(s: Session, cutoff: datetime) -> list[IncidentRow]:
    q = (
        select(IncidentRow)
        .where(col(IncidentRow.status) == "open", col(IncidentRow.created_at) <= cutoff)
        .order_by(col(IncidentRow.id))
    )
    return list(s.exec(q))


# The class of the advisory locks (PostgreSQL) that take turns on reports of one kind on one account.
INCIDENT_REPORT_LOCK_CLASS = 0x6B657369  # "kesi"


def lock_incident_reports(s: Session, account_id: str | None, kind: str) -> None:
    """Take turns, until commit, with other reports of ``kind`` on ``account_id`` (PostgreSQL;
    SQLite's BEGIN IMMEDIATE already does): two people reporting the same 炎上 at the same moment
    would each miss the other's uncommitted report and raise two alarms for it. ``account_id``
    None: reports on no particular account (「特定のアカウントではない」)."""
    if s.get_bind().dialect.name == "postgresql":
        # An account id cannot be empty (config), so "" stands for no account without a clash.
        digest = hashlib.blake2b(f"{account_id or ''}:{kind}".encode(), digest_size=4).digest()
        s.connection().execute(text("SELECT pg_advisory_xact_lock(:cls, :key)"),
                               {"cls": INCIDENT_REPORT_LOCK_CLASS, "key": int.from_bytes(digest, "big", signed=True)})


def recent_unresolved_incident(s: Session, account_id: str | None, kind: str, since: datetime, *,
                               resent: tuple[str, str] | None = None) -> IncidentRow | None:
    """The first unresolved incident of ``kind`` on ``account_id`` reported, or reported again, at
    ``since`` or later, locked until commit (PostgreSQL): a 解決 being committed is waited for, and
    the incident, resolved, is not returned; a report joined to it would be told 「対応中」 and alert nobody.
    ``resent`` (reporter, description): only the one that person first reported in these very words
    (their form sent again), for reports otherwise never joined (「その他」, or on no account)."""
    if resent is None:
        reported_again = select(IncidentEventRow.incident_id).where(
            col(IncidentEventRow.event) == "reported_again", col(IncidentEventRow.at) >= since)
        which = or_(col(IncidentRow.created_at) >= since, col(IncidentRow.id).in_(reported_again))
    else:
        which = and_(col(IncidentRow.created_at) >= since, col(IncidentRow.reporter_id) == resent[0],
                     col(IncidentRow.description) == resent[1])
    q = (
        select(IncidentRow)
        .where(col(IncidentRow.account_id).is_(None) if account_id is None else col(IncidentRow.account_id) == account_id,
               col(IncidentRow.kind) == kind,
               col(IncidentRow.status) != "resolved", which)
        .order_by(col(IncidentRow.id))
        .limit(1)
        .with_for_update()
    )
    return s.exec(q).first()


def incidents_acked_since(s: Session, cutoff: datetime) -> list[IncidentRow]:
    q = (
        select(IncidentRow)
        .where(col(IncidentRow.status) == "acked", col(IncidentRow.acked_at) <= cutoff)
        .order_by(col(IncidentRow.id))
    )
    return list(s.exec(q))


# -- password rotation --------------------------------------------------------------------------


def last_rotations(s: Session, not_after: datetime | None = None) -> dict[str, datetime]:
    """The latest recorded rotation per account, only for accounts whose latest rotation is at or
    before ``not_after`` when given (an index-only scan of (account_id, rotated_at))."""
    latest = func.max(PasswordRotationRow.rotated_at)
    q = select(PasswordRotationRow.account_id, latest).group_by(col(PasswordRotationRow.account_id))
    if not_after is not None:
        q = q.having(latest <= not_after)
    return {str(a): as_utc(t) for a, t in s.exec(q) if t is not None}


def accounts_with_rotations(s: Session) -> set[str]:
    return set(s.exec(select(PasswordRotationRow.account_id).distinct()))


NEVER_ROTATED_PREFIX, NEVER_ROTATED_SUFFIX = "password.rotate:", ":never"


def never_rotated_asks(s: Session) -> dict[str, datetime]:
    """When each account was first asked to change a password it had no record of
    (``password.rotate:<account>:never``): the start of its rotation periods until one is recorded."""
    rows = s.exec(select(ReminderRow.key, ReminderRow.claimed_at).where(
        col(ReminderRow.key).startswith(NEVER_ROTATED_PREFIX), col(ReminderRow.key).endswith(NEVER_ROTATED_SUFFIX)))
    return {key[len(NEVER_ROTATED_PREFIX):-len(NEVER_ROTATED_SUFFIX)]: as_utc(at) for key, at in rows}


def record_rotation(s: Session, account_id: str, at: datetime, by: str) -> PasswordRotationRow:
    row = PasswordRotationRow(account_id=account_id, rotated_at=at, recorded_by=by)
    s.add(row)
    s.flush()
    return row


# -- people -------------------------------------------------------------------------------------


def asked_before(s: Session, draft_id: int, version: int, cutoff: datetime) -> list[str]:
    """Who was sent a request for this version (approval_requests) at or before ``cutoff`` and
    still holds it (a deputy whose request was withdrawn when the approver came back does not, nor
    someone the organisation file no longer names)."""
    q = select(ApprovalRequestRow.recipient_id).where(
        col(ApprovalRequestRow.draft_id) == draft_id, col(ApprovalRequestRow.version_number) == version,
        col(ApprovalRequestRow.created_at) <= cutoff,
        col(ApprovalRequestRow.reason).not_in(RETRACTED)).order_by(col(ApprovalRequestRow.id))
    return list(s.exec(q))


def absences_ended_with_deputies(s: Session, now: datetime) -> list[tuple[str, datetime]]:
    """Approvers whose absence ended at or before ``now`` while deputies still hold requests made
    for them ("away") on pending drafts: ``(slack_id, away_until)``, each once.

    Driven from the pending drafts (small, indexed on state) to their requests, so the members'
    old absences, which nobody clears, cost nothing."""
    # Both questions below are about pending drafts a deputy was asked to decide for someone away:
    # nearly always there are none, and one indexed look says so (the joins cost milliseconds a minute).
    held = (
        select(ApprovalRequestRow.id)
        .select_from(DraftRow)
        .join(ApprovalRequestRow, ASKED_NOW)
        .where(col(DraftRow.state) == "pending", col(ApprovalRequestRow.reason).in_(DEPUTY_HELD))
        .limit(1)
    )
    if s.exec(held).first() is None:
        return []
    q = (
        select(MemberRow.slack_id, MemberRow.away_until)
        .select_from(DraftRow)
        .join(ApprovalRequestRow, ASKED_NOW)
        .join(MemberRow, col(MemberRow.slack_id) == col(ApprovalRequestRow.acting_for_id))
        .where(col(DraftRow.state) == "pending", col(ApprovalRequestRow.reason) == "away",
               col(MemberRow.away_until).is_not(None), col(MemberRow.away_until) <= now)
        .distinct()
    )
    ended = {(str(m), as_utc(t)) for m, t in s.exec(q) if t is not None}
    # An approver away together with another one: the deputy stands in for the first of them only,
    # and the second was never asked at all.
    skipped = (
        select(MemberRow.slack_id, MemberRow.away_until)
        .select_from(DraftRow)
        .join(AccountRoleRow, (col(AccountRoleRow.account_id) == col(DraftRow.account_id))
              & (col(AccountRoleRow.role) == "approver"))
        .join(MemberRow, col(MemberRow.slack_id) == col(AccountRoleRow.slack_id))
        .where(skipped_while_away_clause(col(MemberRow.slack_id)),
               col(MemberRow.away_until).is_not(None), col(MemberRow.away_until) <= now)
        .distinct()
    )
    ended.update((str(m), as_utc(t)) for m, t in s.exec(skipped) if t is not None)
    return sorted(ended)


def anyone_away(s: Session, now: datetime) -> bool:
    """Is any member absent at ``now``? (The members table is the roster: small.)"""
    q = select(MemberRow.slack_id).where(col(MemberRow.away_from).is_not(None), col(MemberRow.away_from) <= now,
                                         (col(MemberRow.away_until).is_(None)) | (col(MemberRow.away_until) > now))
    return s.exec(q.limit(1)).first() is not None


def away_members(s: Session, ids: Iterable[str], now: datetime) -> set[str]:
    """Of ``ids``, those marked absent (``/kessai away``) at ``now``: they are not reminded."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return set()
    q = select(MemberRow).where(col(MemberRow.slack_id).in_(wanted), col(MemberRow.away_from).is_not(None))
    out = set()
    for m in s.exec(q):
        start, until = m.away_from, m.away_until
        if start is not None and as_utc(start) <= now and (until is None or now < as_utc(until)):
            out.add(m.slack_id)
    return out


def absences_of(s: Session, ids: Iterable[str], ended_by: datetime) -> list[tuple[str, datetime, datetime]]:
    """Of ``ids``, those whose last absence ended at or before ``ended_by``: ``(slack_id, from, until)``."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    q = select(MemberRow.slack_id, MemberRow.away_from, MemberRow.away_until).where(
        col(MemberRow.slack_id).in_(wanted), col(MemberRow.away_from).is_not(None),
        col(MemberRow.away_until).is_not(None), col(MemberRow.away_until) <= ended_by)
    return [(str(m), as_utc(a), as_utc(u)) for m, a, u in s.exec(q) if a is not None and u is not None]


def claimed_at(s: Session, keys: Iterable[str]) -> dict[str, datetime]:
    """When each of ``keys`` that is claimed was claimed."""
    wanted = list(dict.fromkeys(keys))
    out: dict[str, datetime] = {}
    for i in range(0, len(wanted), _CHUNK):
        q = select(ReminderRow.key, ReminderRow.claimed_at).where(col(ReminderRow.key).in_(wanted[i:i + _CHUNK]))
        out.update((str(k), as_utc(t)) for k, t in s.exec(q))
    return out
