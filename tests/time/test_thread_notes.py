"""Notes kessai writes back to a reply in a draft's thread wake the outbox only once committed."""

from __future__ import annotations

from bot.services import Kessai
from storage.db import Database
from tests.time.conftest import World, jst


def _waking_kessai(world: World, db: Database, committed_when_woken: list[int]) -> Kessai:
    return Kessai(db, world.org, clock=world.clock,
                  after_commit=lambda: committed_when_woken.append(_outbox_rows(db)))


def _outbox_rows(db: Database) -> int:
    """Outbox rows committed: read on a connection of its own, as the outbox worker's."""
    conn = db.engine.raw_connection()
    try:
        cur = conn.cursor()
        cur.execute("SELECT count(*) FROM outbox")
        row = cur.fetchone()
        assert row is not None
        return int(row[0])
    finally:
        conn.close()


def test_the_note_on_a_decision_written_in_the_thread_wakes_the_outbox_after_its_commit(world: World,
                                                                                      db: Database) -> None:
    """The approver's 「承認します」 in the thread gets a private note; the outbox was woken inside the
    transaction, found nothing committed, and the note waited for the next poll."""
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    woken: list[int] = []
    kessai = _waking_kessai(world, db, woken)
    out = kessai.receive_thread_reply(channel="C0INTAKE", thread_ts="1700000000.000001", user="U0MANAGER",
                                      text="承認します", event_key="ev-thread-1")
    assert out.kind == "decision_in_thread", out
    assert woken == [_outbox_rows(db)]


def test_the_note_on_a_picture_in_the_thread_wakes_the_outbox_after_its_commit(world: World, db: Database) -> None:
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    woken: list[int] = []
    kessai = _waking_kessai(world, db, woken)
    out = kessai.receive_thread_reply(channel="C0INTAKE", thread_ts="1700000000.000001", user="U0OPERATOR",
                                      text="写真はこちらです", event_key="ev-thread-2", media=1)
    assert out.kind == "media_in_thread", out
    assert woken == [_outbox_rows(db)]
