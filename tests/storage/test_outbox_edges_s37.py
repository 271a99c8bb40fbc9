"""Edges of the outbox's bookkeeping, each a line a change could move without another test noticing
(found by mutation): how an attempt is counted, what a retry leaves of the time failing alone, how many
rows a pass takes, and a thread's replies taken in turn."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from storage import outbox
from storage.db import Database

NOW = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)


def _as_utc(at: datetime | None) -> datetime | None:
    return None if at is None else (at if at.tzinfo else at.replace(tzinfo=UTC))


def _rows(db: Database) -> list[outbox.OutboxRow]:
    with db.session() as s:  # a session of its own: the updates are Core statements the identity map misses
        return outbox.rows(s)


def test_an_attempt_counted_up_to_a_limit_counts_below_it_only(db: Database) -> None:
    # An attempt that says nothing about the message (SlackGateway._record) must not count it toward
    # giving up: counted again at the limit, a message waiting out an outage was given up early.
    with db.session() as s:
        outbox.enqueue(s, "post", {"channel": "C1", "text": "x"}, now=NOW)
    row_id = _rows(db)[0].id or 0
    for counted_up_to, attempts in ((1, 1), (1, 1), (None, 2)):
        with db.session() as s:
            outbox.mark_retry(s, row_id, NOW, "e", counted_up_to=counted_up_to)
        assert _rows(db)[0].attempts == attempts


def test_a_retry_writes_the_time_failing_alone_it_is_given_and_keeps_it_otherwise(db: Database) -> None:
    since = NOW - timedelta(minutes=3)
    with db.session() as s:
        outbox.enqueue(s, "post", {"channel": "C1", "text": "x"}, now=NOW)
    row_id = _rows(db)[0].id or 0
    with db.session() as s:
        outbox.mark_retry(s, row_id, NOW, "e", failing_alone_since=since)
    assert _as_utc(_rows(db)[0].failing_alone_since) == since
    with db.session() as s:
        outbox.mark_retry(s, row_id, NOW, "e")  # not given: left as it is
    assert _as_utc(_rows(db)[0].failing_alone_since) == since
    with db.session() as s:
        outbox.mark_retry(s, row_id, NOW, "e", failing_alone_since=None)  # given as none: the count starts again
    assert _rows(db)[0].failing_alone_since is None


def test_the_next_reply_already_failing_alone_keeps_since_when(db: Database) -> None:
    # Written over, a reply failing alone for hours would start its count again each time the one
    # before it was given up, and never be given up itself.
    first, later = NOW - timedelta(hours=2), NOW
    with db.session() as s:
        for text in ("a", "b"):
            outbox.enqueue(s, "post", {"channel": "C1", "text": text}, now=NOW, thread_key="P1")
    head = _rows(db)[0].id or 0
    with db.session() as s:
        assert outbox.mark_next_in_thread_failing_alone(s, "P1", head, first)
    with db.session() as s:
        assert not outbox.mark_next_in_thread_failing_alone(s, "P1", head, later)
    assert _as_utc(_rows(db)[1].failing_alone_since) == first


def test_a_pass_takes_its_limit_of_due_rows_and_leaves_the_rest_marked(db: Database) -> None:
    with db.session() as s:
        for n in range(3):
            outbox.enqueue(s, "post", {"channel": f"C{n}", "text": "x"}, now=NOW)
    with db.session() as s:
        left: set[int] = set()
        chosen = outbox.eligible(s, NOW, limit=2, left=left)
        ids = [r.id for r in outbox.rows(s)]
        assert [r.id for r in chosen] == ids[:2]
        assert left == {ids[2]}


def test_a_threads_due_replies_are_taken_together_only_in_turn(db: Database) -> None:
    # In turn, the second reply follows the first in the same pass (sent after it); otherwise it
    # waits behind it for a later pass.
    with db.session() as s:
        for text in ("a", "b"):
            outbox.enqueue(s, "post", {"channel": "C1", "text": text}, now=NOW, thread_key="P1")
    with db.session() as s:
        assert [r.payload["text"] for r in outbox.eligible(s, NOW, in_turn=True)] == ["a", "b"]
        assert [r.payload["text"] for r in outbox.eligible(s, NOW)] == ["a"]
