"""Appending to and reading the ledger."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, tzinfo
from itertools import islice
from zoneinfo import ZoneInfo

from sqlalchemy import and_, or_, update
from sqlalchemy import select as select_
from sqlmodel import Session, col, select

from bot.attachments import from_stored
from bot.ledger import GENESIS_HASH, LedgerEntry, entry_hash, recorded_content_hashes
from storage.db import READS_ONLY
from storage.models import DraftRow, DraftVersionRow, LedgerEntryRow, LedgerHeadRow


def append(
    s: Session,
    *,
    draft_id: int,
    version_number: int,
    kind: str,
    content_hash: str,
    decider_id: str,
    acting_for_id: str | None,
    reason: str | None,
    decided_at: datetime,
) -> LedgerEntry:
    # Touching the head row first takes its row lock (PostgreSQL) / the write lock (SQLite), so two
    # concurrent appends are serialised and cannot both link to the same predecessor.
    s.exec(update(LedgerHeadRow).where(col(LedgerHeadRow.id) == 1).values(seq=LedgerHeadRow.seq))  # type: ignore[call-overload]
    head = s.get(LedgerHeadRow, 1, populate_existing=True)
    if head is None:
        head = LedgerHeadRow(id=1, seq=0, entry_hash=GENESIS_HASH)
        s.add(head)
        s.flush()
    body = {
        "seq": head.seq + 1,
        "draft_id": draft_id,
        "version_number": version_number,
        "kind": kind,
        "content_hash": content_hash,
        "decider_id": decider_id,
        "acting_for_id": acting_for_id,
        "reason": reason,
        "decided_at": decided_at.isoformat(timespec="seconds"),
        "prev_hash": head.entry_hash,
    }
    entry = LedgerEntry(**body, entry_hash=entry_hash(body))  # type: ignore[arg-type]
    s.add(LedgerEntryRow(**body, entry_hash=entry.entry_hash))  # type: ignore[arg-type]
    head.seq = entry.seq
    head.entry_hash = entry.entry_hash
    s.add(head)
    s.flush()
    return entry


def _to_entry(r: LedgerEntryRow) -> LedgerEntry:
    return LedgerEntry(
        seq=r.seq, draft_id=r.draft_id, version_number=r.version_number, kind=r.kind,
        content_hash=r.content_hash, decider_id=r.decider_id, acting_for_id=r.acting_for_id,
        reason=r.reason, decided_at=r.decided_at, prev_hash=r.prev_hash, entry_hash=r.entry_hash,
    )


def iter_entries(s: Session) -> Iterator[LedgerEntry]:
    """In order, read a thousand at a time (a server-side cursor on PostgreSQL): verifying or
    exporting years of decisions does not hold them all in memory."""
    q = select(LedgerEntryRow).order_by(LedgerEntryRow.seq).execution_options(yield_per=1000)  # type: ignore[arg-type]
    for r in s.exec(q):
        yield _to_entry(r)


def entries_for_draft(s: Session, draft_id: int) -> list[LedgerEntry]:
    q = select(LedgerEntryRow).where(LedgerEntryRow.draft_id == draft_id).order_by(LedgerEntryRow.seq)  # type: ignore[arg-type]
    return [_to_entry(r) for r in s.exec(q)]


DEFAULT_TZ = ZoneInfo("Asia/Tokyo")  # KESSAI_TZ's default


def version_hashes(s: Session, tz: tzinfo = DEFAULT_TZ) -> dict[tuple[int, int], frozenset[str]]:
    """For each stored version, the hashes recomputed from its content (not the hash stored beside
    it, which an edit of the text could leave as it was). ``tz``: the organisation's zone."""
    return _recomputed_hashes(s, None, tz)


# Each batch's draft ids go into one IN (…): under the 999 parameters SQLite before 3.32 allows.
VERIFY_BATCH = 500


def iter_entries_with_versions(s: Session, tz: tzinfo = DEFAULT_TZ) -> Iterator[tuple[LedgerEntry, frozenset[str] | None]]:
    """Each entry in order with the hashes recomputed from the version it decided (None: that
    version is not stored), for ``bot.ledger.verify_with_versions``. The versions are read for
    VERIFY_BATCH entries at a time: ``version_hashes``, a map of every version, grew with the ledger
    (about 0.5 kB an entry: 55 MB more at 100,000 entries) in `kessai ledger verify`."""
    entries = iter_entries(s)
    while batch := list(islice(entries, VERIFY_BATCH)):
        hashes = _recomputed_hashes(s, {(e.draft_id, e.version_number) for e in batch}, tz)
        for e in batch:
            yield e, hashes.get((e.draft_id, e.version_number))


def _recomputed_hashes(s: Session, wanted: set[tuple[int, int]] | None,
                       tz: tzinfo) -> dict[tuple[int, int], frozenset[str]]:
    """The versions in ``wanted`` (None: all), hashed from their content."""
    # The columns the hash needs, not whole rows: no ORM object for each of 100,000 versions.
    v = DraftVersionRow
    columns = (v.draft_id, v.number, v.text, v.scheduled_at, v.alt_texts, v.video_count, v.files, DraftRow.account_id)
    q = select_(*map(col, columns)).join(DraftRow, col(DraftRow.id) == v.draft_id)
    if wanted is not None:
        q = q.where(col(v.draft_id).in_({d for d, _ in wanted}))
    return {
        (r.draft_id, r.number): recorded_content_hashes(text=r.text, account_id=r.account_id or "",
                                                        scheduled_at=r.scheduled_at, alt_texts=r.alt_texts, tz=tz,
                                                        video_count=r.video_count, files=from_stored(r.files))
        for r in s.connection().execute(q) if wanted is None or (r.draft_id, r.number) in wanted
    }


def read_one_moment(s: Session) -> None:
    """Make the rest of ``s`` read the ledger as it stood at one moment, without keeping anyone
    from recording decisions meanwhile (call it before anything else in ``s``; ``s`` only reads).

    `kessai ledger verify` reads the head, then the entries: on PostgreSQL each statement otherwise
    sees what was committed when it began, so a decision recorded in between gave one entry more
    than the head counted, and verify reported the ledger's end as tampered with. On SQLite a
    transaction of kessai otherwise takes the write lock at BEGIN: one moment too, but every
    decision waited for the reads (an export's for as long as `| less` was open) and failed after
    busy_timeout.
    """
    if s.get_bind().dialect.name == "postgresql":
        s.connection().exec_driver_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
    else:
        s.connection(execution_options={READS_ONLY: True})


# The states a draft reaches only by a decision on its current version, each with the kinds of
# the ledger entries that record that decision (a published draft was approved or exempted
# first). Any entry for the version is not enough: 理由を付けて決裁依頼 writes an override entry
# for the very version the approver then decides.
DECIDED_BY: dict[str, tuple[str, ...]] = {
    "approved": ("approved",), "rejected": ("rejected",), "expired": ("expired",), "exempt": ("exempt",),
    "published": ("approved", "exempt"),
}


def decided_without_entry(s: Session) -> tuple[int, int, str, tuple[int, str] | None] | None:
    """The first draft (id, current version, state, the ledger's own last word on that version)
    whose state says its current version was decided, with no ledger entry of that decision for
    that version, or with a void entry for it (its decision undone). The last word: (seq, kind)
    of the newest entry for the version other than an override (None: there is none).

    Deleting the newest entries and setting ``ledger_head`` back to the last one kept leaves a
    chain that verifies; the drafts those entries decided still say they were decided. A draft's
    state rewritten (a 差戻し made 承認済み, a withdrawn approval set back) leaves the chain whole
    too: the ledger says otherwise about the version.
    """
    e = LedgerEntryRow
    of_current = (col(e.draft_id) == col(DraftRow.id), col(e.version_number) == col(DraftRow.current_version))
    recorded = select_(col(e.seq)).where(
        *of_current, or_(*(and_(col(DraftRow.state) == state, col(e.kind).in_(kinds)) for state, kinds in DECIDED_BY.items())))
    draft = (col(DraftRow.id), col(DraftRow.current_version), col(DraftRow.state))
    unrecorded = (select_(*draft).where(col(DraftRow.state).in_(tuple(DECIDED_BY)), ~recorded.exists())
                  .order_by(col(DraftRow.id)).limit(1))
    # A void entry ends the version's decision: it was edited or withdrawn (bot.services._void_version),
    # and a draft never returns to a decided state on a version it left. Asked apart: folded into the
    # query above with OR, PostgreSQL gave up its anti-join and took twice as long on 100,000 drafts.
    # From the void entries (few) to their drafts, by the drafts' key.
    voided = (select_(*draft).select_from(e).join(DraftRow, and_(*of_current))
              .where(col(e.kind) == "void", col(DraftRow.state).in_(tuple(DECIDED_BY)))
              .order_by(col(DraftRow.id)).limit(1))
    found = [r for q in (unrecorded, voided) if (r := s.connection().execute(q).first()) is not None]
    row = min(found, key=lambda r: r[0] or 0, default=None)
    if row is None:
        return None
    draft_id, version = row[0] or 0, row[1]
    last = s.connection().execute(
        select_(col(e.seq), col(e.kind))
        .where(col(e.draft_id) == draft_id, col(e.version_number) == version, col(e.kind) != "override")
        .order_by(col(e.seq).desc()).limit(1)).first()
    return draft_id, version, str(row[2]), None if last is None else (last[0], str(last[1]))


def head(s: Session) -> tuple[int, str]:
    h = s.get(LedgerHeadRow, 1)
    return (0, GENESIS_HASH) if h is None else (h.seq, h.entry_hash)
