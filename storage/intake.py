"""The reads a new draft needs before it is written, in one round trip.

A pasted draft needs three small answers before its transaction can write anything: the
account's recent texts (for the duplicate rule), which of its approvers and deputies are away
(代決), and who has an App Home to refresh. Asked one by one they are three round trips on the
busiest path; asked as one UNION ALL, built once and run with parameters, they are one. On
PostgreSQL the same round trip takes the message's lock against its deletion
(``drafts.lock_message``).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ARRAY, String, Text, bindparam, cast, func, literal_column, select, union_all
from sqlmodel import Session

from storage import outbox
from storage.away import absent_query
from storage.db import execute_prebuilt
from storage.drafts import (
    MESSAGE_LOCK_CLASS,
    VERSION_CLOCK_SLACK,
    DuplicateFilter,
    message_lock_key,
    recent_texts_query,
)


@dataclass(frozen=True)
class IntakeReads:
    recent_texts: list[str]
    away: set[str]  # of the people asked about
    people: frozenset[str]  # whom ``away`` covers
    homes: set[str]  # the home keys, of those asked about, that were ever published
    home_keys: frozenset[str]  # which keys ``homes`` covers


def _param(name: str, *, many: bool = False, array: bool = False) -> Any:
    # A placeholder where the query helpers take values: the statement is built once and run
    # with the values of each intake (typed Any, as it stands for a value of any type). A list
    # is one array on PostgreSQL (``= ANY``): an expanding IN would be rendered again each time.
    if many and array:
        return bindparam(name, type_=ARRAY(String))
    return bindparam(name, expanding=many)


@functools.cache
def _statement(lock: bool) -> Any:
    def tagged(tag: str, q: Any, column_type: type) -> Any:
        sub = q.subquery()
        return sub.select().with_only_columns(
            literal_column(f"'{tag}'", String).label("kind"), cast(list(sub.c)[0], column_type).label("value"))

    parts = [
        tagged("r", recent_texts_query(_param("account_id"), _param("since"), _param("states", many=True, array=lock),
                                       like=DuplicateFilter(*(_param(f"dup_{f}") for f in DuplicateFilter._fields)),
                                       versions_since=_param("versions_since")),
               Text),
        tagged("a", absent_query(_param("people", many=True, array=lock), _param("at")), String),
        tagged("h", outbox.keys_present_query(_param("home_keys", many=True, array=lock)), String),
    ]
    if lock:
        # drafts.lock_message, taken by the same round trip (its one row, "l", is no answer).
        parts.append(select(literal_column("'l'", String).label("kind"), cast(
            func.pg_advisory_xact_lock(bindparam("lock_class"), bindparam("lock_key")), Text).label("value")))
    return union_all(*parts)


def intake_reads(s: Session, *, account_id: str, since: datetime, states: Sequence[str], like: DuplicateFilter,
                 people: Sequence[str], at: datetime, home_keys: Sequence[str],
                 message: tuple[str, str] | None = None) -> IntakeReads:
    """The three answers (recent texts: only those ``like`` admits); ``message`` = (channel, ts):
    also take ``drafts.lock_message`` for it."""
    outbox.flush_pending(s)  # home keys written earlier in this transaction count too
    lock = message is not None and s.get_bind().dialect.name == "postgresql"
    params: dict[str, Any] = {
        "account_id": account_id, "since": since, "versions_since": since - VERSION_CLOCK_SLACK, "states": list(states), "people": list(people), "at": at,
        "home_keys": list(home_keys), **{f"dup_{f}": v for f, v in like._asdict().items()}}
    if lock and message is not None:
        params |= {"lock_class": MESSAGE_LOCK_CLASS, "lock_key": message_lock_key(*message)}
    if lock:  # every list an array: no placeholder rendered per execution
        rows = execute_prebuilt(s.connection(), _statement(lock), params).all()
    else:
        rows = s.connection().execute(_statement(lock), params).all()
    return IntakeReads(
        recent_texts=[v for k, v in rows if k == "r"], away={v for k, v in rows if k == "a"},
        people=frozenset(people), homes={v for k, v in rows if k == "h"}, home_keys=frozenset(home_keys))
