"""Records kept only to recognise Slack's retries are forgotten after a week, by the sweep."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlmodel import select

from bot.services import IncomingMessage
from storage import drafts as draft_repo
from storage import outbox
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


def test_a_deleted_incident_alert_stays_known_as_deleted_after_a_week(world: World) -> None:
    """The deletion of a message of ours (an incident's alert) is kept while we remember where the
    message was: forgotten after a week like an intake message's, the notes of an incident still
    open went under the deleted alert again, where Slack shows them to nobody."""
    w = world
    old = jst(2026, 11, 2, 10, 0)
    with w.db.session() as s:
        outbox.remember_messages(s, [("incident:1:alert:C0ESCALATE", "C0ESCALATE", "1700000000.000100")])
        draft_repo.remember_deletion(s, "C0ESCALATE", "1700000000.000100", old)
        draft_repo.remember_deletion(s, "C0INTAKE", "1700000001.000100", old)
    with w.db.session() as s:
        assert draft_repo.forget_old_deliveries(s, old + timedelta(days=30)) == 1
    with w.db.session() as s:
        assert outbox.deleted_in_slack(s, "incident:1:alert:C0ESCALATE")
        assert not draft_repo.was_deleted(s, "C0INTAKE", "1700000001.000100")


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


def outbox_rows(w: World) -> list[tuple[str, str | None, str]]:
    with w.db.session() as s:
        return [(r.op, r.message_key, r.status) for r in outbox.rows(s, statuses=[outbox.PENDING, outbox.SENT,
                                                                                  outbox.FAILED, outbox.HELD])]


def deliver(w: World, op: str, key: str | None, at: datetime, *, located: bool = True) -> None:
    """A row written and delivered at ``at``, as the gateway records it."""
    with w.db.session() as s:
        outbox.enqueue(s, op, {"channel": "U0MANAGER", "text": "x"}, now=at, message_key=key)
        outbox.flush_pending(s)
        [row] = [r for r in outbox.rows(s, statuses=[outbox.PENDING])]
        if op == "post" and key and located:
            outbox.remember_messages(s, [(key, "D0MANAGER", f"{at.timestamp():.6f}")])
        outbox.mark_sent_many(s, [row.id or 0], at)


def test_delivered_outbox_rows_are_forgotten_after_a_month_but_lookups_still_find_the_messages(world: World) -> None:
    w = world
    old, recent = jst(2026, 9, 1, 10, 0), jst(2026, 11, 1, 10, 0)
    deliver(w, "post", "dm:1:v1:U0MANAGER", old)  # an approval request, long delivered
    deliver(w, "update", "dm:1:v1:U0MANAGER", old)  # …and its update
    deliver(w, "post", None, old)  # a reminder: nothing looks it up again
    deliver(w, "post", "dm:2:v1:U0MANAGER", old, located=False)  # no location recorded: kept, to be safe
    for _ in range(3):
        deliver(w, "refresh_home", "home:U0MANAGER", old)  # only the newest says the Home was published
    deliver(w, "post", "dm:3:v1:U0MANAGER", recent)  # within the month
    with w.db.session() as s:  # never delivered: kept however old
        outbox.enqueue(s, "post", {"channel": "C0GONE", "text": "x"}, now=old, message_key="dm:4:v1:U0MANAGER")
        outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "x"}, now=old, status=outbox.HELD,
                       thread_key="draft:9:root", message_key="thread:9")
    with w.db.session() as s:
        failed = [r for r in outbox.rows(s, statuses=[outbox.PENDING]) if r.message_key == "dm:4:v1:U0MANAGER"]
        outbox.mark_failed(s, failed[0].id or 0, "channel_not_found")

    w.clock.t = jst(2026, 11, 20, 12, 0)
    w.sweep(jst(2027, 6, 1, 12, 0))  # a far `remind --now`: the real clock decides, as for deliveries
    assert [r for r in outbox_rows(w) if r[2] != "pending"] == [  # (the sweep's own reminders are pending)
        ("post", "dm:2:v1:U0MANAGER", "sent"), ("refresh_home", "home:U0MANAGER", "sent"),
        ("post", "dm:3:v1:U0MANAGER", "sent"), ("post", "dm:4:v1:U0MANAGER", "failed"),
        ("post", "thread:9", "held")]
    with w.db.session() as s:  # what the rest of kessai asks of the outbox is answered as before
        assert outbox.posted_keys(s, "dm:1:") == ["dm:1:v1:U0MANAGER"]
        assert outbox.posted_keys(s, "dm:") == [f"dm:{n}:v1:U0MANAGER" for n in (1, 2, 3, 4)]
        assert outbox.keys_present(s, ["dm:1:v1:U0MANAGER", "home:U0MANAGER", "home:U0CHIEF"]) == {
            "dm:1:v1:U0MANAGER", "home:U0MANAGER"}


def test_delivered_outbox_rows_are_forgotten_in_batches(world: World) -> None:
    w = world
    for _ in range(30):
        deliver(w, "post", None, jst(2026, 1, 1, 10, 0))
    with w.db.session() as s:
        assert outbox.forget_delivered(s, jst(2026, 2, 1, 0, 0), limit=12) == 12
    with w.db.session() as s:
        assert outbox.forget_delivered(s, jst(2026, 2, 1, 0, 0), limit=12) == 12
    assert len(outbox_rows(w)) == 6
