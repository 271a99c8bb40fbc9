"""Records kept only to recognise Slack's retries are forgotten after a week, by the sweep."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import select

from bot.services import IncomingMessage
from storage import drafts as draft_repo
from storage.models import DeletedMessageRow, ProcessedEventRow
from tests.time.conftest import World, jst


def keys(w: World) -> set[str]:
    with w.db.session() as s:
        return {r.key for r in s.exec(select(ProcessedEventRow))}


def test_the_sweep_forgets_deliveries_older_than_a_week_and_still_recognises_recent_retries(world: World) -> None:
    w = world
    start = jst(2026, 11, 2, 10, 0)
    for day in range(0, 10):
        with w.db.session() as s:
            assert draft_repo.claim_event(s, f"event:Ev{day}", start + timedelta(days=day))
            draft_repo.remember_deletion(s, "C0INTAKE", f"17000000{day:02d}.000100", start + timedelta(days=day))
    w.clock.t = jst(2026, 11, 11, 12, 0)
    w.sweep(jst(2026, 12, 31, 12, 0))  # a far `remind --now` must not forget more: the real clock decides
    assert keys(w) == {f"event:Ev{d}" for d in range(3, 10)}  # 11/2–11/4 10:00 are over a week before 11/11 12:00
    with w.db.session() as s:
        assert len(list(s.exec(select(DeletedMessageRow)))) == 7
        # A retry of a delivery still remembered is recognised as one.
        assert not draft_repo.claim_event(s, "event:Ev5", w.clock.t)
    # A non-operator's message (claimed by event id) is answered once, even when retried.
    message = IncomingMessage(channel="C0INTAKE", user="U0STRANGER", ts="1700001000.000100", text="質問です",
                              event_key="event:EvQ")
    assert w.kessai.receive_message(message).kind == "not_operator"
    w.sweep(w.clock.t)
    assert w.kessai.receive_message(message).kind == "duplicate"


def test_a_large_backlog_is_forgotten_in_batches(world: World) -> None:
    w = world
    old = jst(2026, 1, 1, 10, 0)
    with w.db.session() as s:
        for n in range(30):
            draft_repo.claim_event(s, f"event:Old{n}", old)
    with w.db.session() as s:
        assert draft_repo.forget_old_deliveries(s, jst(2026, 2, 1, 0, 0), limit=12) == 12
    with w.db.session() as s:
        assert draft_repo.forget_old_deliveries(s, jst(2026, 2, 1, 0, 0), limit=12) == 12
    assert len(keys(w)) == 6
