"""Queries about drafts, versions and findings."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from storage.models import DraftRow, DraftVersionRow, FindingRow, ProcessedEventRow


def claim_event(s: Session, key: str, now: datetime) -> bool:
    """Record an inbound delivery; False when it was already processed (a Slack retry or duplicate)."""
    if s.get(ProcessedEventRow, key) is not None:
        return False
    s.add(ProcessedEventRow(key=key, received_at=now))
    try:
        s.flush()
    except IntegrityError:
        # Another request (or replica) processed the same delivery concurrently.
        s.rollback()
        return False
    return True


def by_message(s: Session, channel: str, ts: str) -> DraftRow | None:
    return s.exec(select(DraftRow).where(DraftRow.channel == channel, DraftRow.message_ts == ts)).first()


def get(s: Session, draft_id: int) -> DraftRow | None:
    return s.get(DraftRow, draft_id)


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


def recent_texts(
    s: Session, account_id: str, since: datetime, states: Sequence[str], exclude_draft: int | None
) -> list[str]:
    q = (
        select(DraftVersionRow.text)
        .join(DraftRow, (col(DraftRow.id) == col(DraftVersionRow.draft_id))
              & (col(DraftRow.current_version) == col(DraftVersionRow.number)))
        .where(col(DraftRow.account_id) == account_id, col(DraftRow.created_at) >= since,
               col(DraftRow.state).in_(list(states)))
    )
    if exclude_draft is not None:
        q = q.where(col(DraftRow.id) != exclude_draft)
    return list(s.exec(q).all())


def drafts_in_states(s: Session, states: Sequence[str]) -> list[DraftRow]:
    return list(s.exec(select(DraftRow).where(col(DraftRow.state).in_(list(states))).order_by(col(DraftRow.id))))


def by_author(s: Session, author: str, limit: int = 20) -> list[DraftRow]:
    q = select(DraftRow).where(DraftRow.author_id == author).order_by(col(DraftRow.updated_at).desc()).limit(limit)
    return list(s.exec(q))
