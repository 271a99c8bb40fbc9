"""Stored times as aware UTC: the one helper both ``storage`` and the pure workflow code need.

It lives apart so that each can import it without the other: ``bot.workflow`` must not import
``storage`` (it is the pure approval rule), and ``storage`` must not load ``bot.rules`` (the
rule engine and its dictionaries) just to read a timestamp. Import nothing from kessai here.
"""

from __future__ import annotations

from datetime import UTC, datetime


def as_utc(t: datetime) -> datetime:
    """A stored time as an aware UTC datetime: SQLite hands back naive ones (everything is stored
    in UTC), and rows read as column tuples bypass the model's UTC type."""
    return t if t.tzinfo is not None else t.replace(tzinfo=UTC)
