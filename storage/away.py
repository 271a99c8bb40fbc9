"""Absences (不在) of members: the basis for sending requests to deputies (代決)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from storage.db import is_in
from storage.models import MemberRow


def set_away(s: Session, slack_id: str, start: datetime | None, until: datetime | None) -> bool:
    """Record (or, with ``None``s, clear) an absence; False when the member is not in the roster."""
    row = s.get(MemberRow, slack_id)
    if row is None:
        return False
    row.away_from, row.away_until = start, until
    s.add(row)
    s.flush()
    return True


def absence(s: Session, slack_id: str) -> tuple[datetime, datetime] | None:
    row = s.get(MemberRow, slack_id)
    if row is None or row.away_from is None or row.away_until is None:
        return None
    return row.away_from, row.away_until


def absent_query(slack_ids: Sequence[str] | Any, at: datetime | Any) -> SelectOfScalar[str]:
    """SELECT the slack_id of those of ``slack_ids`` absent at ``at`` (absences are [from, until))."""
    return select(MemberRow.slack_id).where(is_in(col(MemberRow.slack_id), slack_ids), absent_at(at))


def absent_at(at: datetime | Any) -> Any:
    """The condition on ``members``: absent at ``at``."""
    return (col(MemberRow.away_from).is_not(None) & (col(MemberRow.away_from) <= at)
            & (col(MemberRow.away_until) > at))


def away_at(s: Session, slack_ids: Iterable[str], at: datetime) -> set[str]:
    """Which of ``slack_ids`` are absent at ``at``."""
    ids = list(dict.fromkeys(slack_ids))
    if not ids:
        return set()
    return set(s.exec(absent_query(ids, at)))
