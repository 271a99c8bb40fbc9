"""定型文 (registered templates): texts that may be posted without prior approval (和気町 5(4))."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from datetime import datetime

from sqlmodel import Session, col, or_, select

from storage.models import TemplateRow

_SPACE = re.compile(r"\s+")


def normalize(text: str) -> str:
    """NFKC, then every run of whitespace (incl. 全角スペース and newlines) as one space, trimmed.

    A template matches only if the draft says exactly the same thing; width and spacing that a
    reader cannot tell apart must not make a difference.
    """
    return _SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def add(s: Session, *, name: str, text: str, created_by: str, now: datetime,
        account_id: str | None = None) -> TemplateRow:
    row = TemplateRow(account_id=account_id, name=name, text=text, normalized=normalize(text),
                      created_by=created_by, created_at=now)
    s.add(row)
    s.flush()
    return row


def active(s: Session) -> list[TemplateRow]:
    return list(s.exec(select(TemplateRow).where(col(TemplateRow.active).is_(True)).order_by(col(TemplateRow.id))))


def by_name(s: Session, name: str) -> TemplateRow | None:
    return next((r for r in active(s) if r.name == name), None)


def by_name_or_id(s: Session, key: str) -> TemplateRow | None:
    """The template named ``key``, else the one numbered ``key`` (a name made of digits wins)."""
    rows = active(s)
    named = next((r for r in rows if r.name == key), None)
    if named is not None or not (key.isdecimal() and key.isascii()):
        return named
    return next((r for r in rows if r.id == int(key)), None)


def deactivate(s: Session, row: TemplateRow) -> None:
    # Kept, not deleted: a ledger entry's reason may name the template a draft matched.
    row.active = False
    s.add(row)
    s.flush()


def matching(s: Session, text: str, account_id: str, created_by: Sequence[str]) -> TemplateRow | None:
    """The first active template with this text that one of ``created_by`` registered.

    The caller passes the account's approvers other than the draft's author: a template stands
    in for their prior approval, so one registered by somebody else (an approver of another
    account, or the author) exempts nothing here.
    """
    if not created_by:
        return None
    q = select(TemplateRow).where(
        col(TemplateRow.active).is_(True), TemplateRow.normalized == normalize(text),
        or_(col(TemplateRow.account_id).is_(None), col(TemplateRow.account_id) == account_id),
        col(TemplateRow.created_by).in_(list(created_by)),
    ).order_by(col(TemplateRow.id))
    return s.exec(q).first()
