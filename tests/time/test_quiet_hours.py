"""Expiry and absences change state on time at any hour; the messages they write wait for the next
business morning (a draft scheduled for 1/1 00:00 must not buzz phones at midnight on New Year's)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlmodel import select

from bot.sweep import Sweeper
from storage import outbox
from storage.db import as_utc
from storage.models import OutboxRow
from tests.time.conftest import World, jst

NEW_YEAR = jst(2027, 1, 1, 0, 0)
FIRST_MORNING = jst(2027, 1, 4, 8, 30)  # 1/4 (Mon) 08:30: the first business instant after 年末年始


def rows(w: World, op: str, channel: str | None = None) -> list[OutboxRow]:
    with w.db.session() as s:
        found = list(s.exec(select(OutboxRow).where(OutboxRow.op == op).order_by(OutboxRow.id)))
    return [r for r in found if channel is None or r.payload.get("channel") == channel]


def due_ids(w: World, at: datetime) -> set[int]:
    """What the outbox worker would send at ``at`` (the process may have been down until then)."""
    with w.db.session() as s:
        return {r.id for r in outbox.eligible(s, at.astimezone(UTC), limit=1000) if r.id is not None}


def test_a_draft_expiring_at_new_year_midnight_is_expired_then_but_announced_on_the_first_morning(
        world: World) -> None:
    draft_id = world.scheduled_draft(jst(2026, 12, 28, 10, 0), scheduled=NEW_YEAR)
    with world.db.session() as s:
        # The root and the approver's DM were delivered on 12/28 (as the gateway records them).
        outbox.remember_messages(s, [(f"draft:{draft_id}:root", "C0INTAKE", "1798000000.000100"),
                                     (f"dm:{draft_id}:v1:U0MANAGER", "D0MANAGER", "1798000000.000200")])
        outbox.mark_sent_many(s, [r.id for r in s.exec(select(OutboxRow)) if r.id is not None],
                              jst(2026, 12, 28, 10, 0).astimezone(UTC))
    before = {r.id for r in rows(world, "post")}
    world.clock.t = NEW_YEAR
    assert world.sweep(NEW_YEAR).sent["draft.expire"] == 1
    assert world.draft(draft_id).state == "expired"  # on time, in the database
    notices = [r for r in rows(world, "post") if r.id not in before]
    assert notices and any("期限切れ" in str(r.payload) and "<@U0OPERATOR>" in str(r.payload) for r in notices)
    assert all(as_utc(r.next_attempt_at) == FIRST_MORNING.astimezone(UTC) for r in notices)
    # The approver's DM loses its buttons at once: an edit rings nobody.
    [edit] = [r for r in rows(world, "update") if r.message_key == f"dm:{draft_id}:v1:U0MANAGER"]
    assert as_utc(edit.next_attempt_at) == NEW_YEAR.astimezone(UTC)
    notice_ids = {r.id for r in notices}
    # /healthz: held for the morning is not late (a monitor on the backlog must not fire all through
    # 年末年始), and is counted on its own.
    with world.db.session() as s:
        assert outbox.scheduled(s, NEW_YEAR.astimezone(UTC)) == len(notices)
        assert outbox.backlog(s, NEW_YEAR.astimezone(UTC)) == outbox.backlog(s) - len(notices) >= 1  # the edit
        assert outbox.scheduled(s, FIRST_MORNING.astimezone(UTC)) == 0
        assert outbox.backlog(s, FIRST_MORNING.astimezone(UTC)) == outbox.backlog(s)
    assert edit.id in due_ids(world, NEW_YEAR)
    assert not notice_ids & due_ids(world, NEW_YEAR)
    assert not notice_ids & due_ids(world, jst(2027, 1, 3, 23, 59))
    # Down at 08:30 on 1/4 and back at 10:00: the notice is still there, and goes out then, once.
    assert notice_ids <= due_ids(world, jst(2027, 1, 4, 10, 0))
    world.clock.t = jst(2027, 1, 4, 10, 0)
    assert world.sweep(world.clock.t).sent["draft.expire"] == 0
    assert {r.id for r in rows(world, "post") if r.id not in before and "期限切れ" in str(r.payload)} == notice_ids


def test_a_held_notice_does_not_hold_back_later_replies_in_its_thread(world: World) -> None:
    draft_id = world.scheduled_draft(jst(2026, 12, 28, 10, 0), scheduled=NEW_YEAR)
    with world.db.session() as s:
        outbox.remember_messages(s, [(f"draft:{draft_id}:root", "C0INTAKE", "1798000000.000100")])
        outbox.mark_sent_many(s, [r.id for r in s.exec(select(OutboxRow)) if r.id is not None],
                              jst(2026, 12, 28, 10, 0).astimezone(UTC))
    world.clock.t = NEW_YEAR
    world.sweep(NEW_YEAR)
    # Someone works on 1/2 (a holiday): what the bot answers in that thread is not queued behind
    # the notice kept for 1/4.
    later = jst(2027, 1, 2, 10, 0).astimezone(UTC)
    with world.db.session() as s:
        outbox.enqueue(s, "post", {"channel": "C0INTAKE", "thread_ts": "1798000000.000100", "text": "返信"},
                       now=later, thread_key=f"draft:{draft_id}:root")
    [reply] = [r for r in rows(world, "post") if r.payload.get("text") == "返信"]
    assert reply.id in due_ids(world, later)


def test_an_expiry_in_business_hours_is_announced_at_once(world: World) -> None:
    world.scheduled_draft(jst(2026, 11, 24, 10, 0), scheduled=jst(2026, 11, 24, 15, 0))
    before = {r.id for r in rows(world, "post")}
    world.clock.t = jst(2026, 11, 24, 15, 0)
    world.sweep(world.clock.t)
    notices = [r for r in rows(world, "post") if r.id not in before]
    assert notices and all(as_utc(r.next_attempt_at) == jst(2026, 11, 24, 15, 0).astimezone(UTC) for r in notices)


def test_an_absence_ending_at_new_year_midnight_gives_the_request_back_on_the_first_morning(
        world: World) -> None:
    """The absence runs out at 1/1 00:00; the manager is next at work on 1/4 at 08:30. Until then
    the deputy keeps the request (nothing is edited at midnight); at 08:30 the manager is asked,
    at once, and the deputy's request withdrawn in the same sweep (SPEC 4.3: 代決 while absent)."""
    world.clock.t = jst(2026, 12, 24, 10, 0)
    world.kessai.set_away("U0MANAGER", jst(2026, 12, 28).date(), jst(2026, 12, 31).date())
    draft_id = world.pending_draft(jst(2026, 12, 28, 10, 0))
    assert world.posts(to="U0MANAGER") == []
    world.clock.t = NEW_YEAR
    assert world.sweep(NEW_YEAR).sent["approval.back"] == 0
    assert world.sweep(jst(2027, 1, 3, 12, 0)).sent["approval.back"] == 0
    assert rows(world, "post", channel="U0MANAGER") == []
    assert not [r for r in rows(world, "update") if r.message_key == f"dm:{draft_id}:v1:U0DEPUTY"]
    world.clock.t = FIRST_MORNING
    assert world.sweep(FIRST_MORNING).sent["approval.back"] == 1
    [request] = [r for r in rows(world, "post", channel="U0MANAGER") if "approve_draft" in str(r.payload)]
    assert request.id in due_ids(world, FIRST_MORNING)
    [edit] = [r for r in rows(world, "update") if r.message_key == f"dm:{draft_id}:v1:U0DEPUTY"]
    assert "戻られたため" in str(edit.payload)
    world.clock.t = jst(2027, 1, 4, 10, 0)
    assert world.sweep(world.clock.t).sent["approval.back"] == 0
    assert world.kessai.decide(draft_id, 1, "U0MANAGER", approve=True).kind == "approved"


def held_for_the_deputy_on_new_year(world: World) -> tuple[int, OutboxRow]:
    """The manager's absence begins at 1/1 00:00: the deputy's request waits for 1/4 08:30."""
    world.clock.t = jst(2026, 12, 28, 10, 0)
    draft_id = world.pending_draft(jst(2026, 12, 28, 10, 0))
    world.kessai.set_away("U0MANAGER", jst(2027, 1, 1).date(), jst(2027, 1, 3).date())
    world.clock.t = NEW_YEAR
    world.sweep(NEW_YEAR)
    [request] = rows(world, "post", channel="U0DEPUTY")
    assert as_utc(request.next_attempt_at) == FIRST_MORNING.astimezone(UTC)
    assert request.claimed_until is None  # not sent by the committing process right away either
    return draft_id, request


def test_a_request_held_for_the_morning_and_decided_meanwhile_is_never_sent(world: World) -> None:
    """The other approver decides on 1/2: the deputy's phone must not buzz on 1/4 at 08:30 for a
    request settled two days before (it used to, and the DM was edited a moment later)."""
    draft_id, request = held_for_the_deputy_on_new_year(world)
    world.clock.t = jst(2027, 1, 2, 10, 0)
    assert world.kessai.decide(draft_id, 1, "U0CHIEF", approve=True).kind == "approved"
    assert rows(world, "post", channel="U0DEPUTY") == []
    key = f"dm:{draft_id}:v1:U0DEPUTY"
    assert [r for r in rows(world, "update") if r.message_key == key] == []
    assert request.id not in due_ids(world, FIRST_MORNING)
    # Nothing later edits a message that never was (the DMs of a version are edited by key).
    with world.db.session() as s:
        assert key not in outbox.posted_keys(s, f"dm:{draft_id}:v1:")
    # The decision itself is recorded and reaches the thread as usual.
    assert world.draft(draft_id).state == "approved"
    assert any("承認" in str(p) for p in world.posts(to="C0INTAKE"))


def test_a_request_held_for_the_morning_and_retracted_meanwhile_is_never_sent(world: World) -> None:
    """The deputy is taken off the account's deputies on 1/2 (the file changed, kessai restarted)."""
    import dataclasses

    from bot.services import Kessai
    from storage import roster

    draft_id, request = held_for_the_deputy_on_new_year(world)
    org = dataclasses.replace(world.org, accounts=tuple(
        dataclasses.replace(a, deputies=tuple(x for x in a.deputies if x != "U0DEPUTY")) if a.id == "joetsu-x"
        else a for a in world.org.accounts))
    with world.db.session() as s:
        roster.sync(s, org)
    world.clock.t = jst(2027, 1, 2, 10, 0)
    assert Sweeper(Kessai(world.db, org, clock=world.clock)).sweep(world.clock.t).sent["approval.removed"] == 1
    assert rows(world, "post", channel="U0DEPUTY") == []
    assert [r for r in rows(world, "update") if r.message_key == f"dm:{draft_id}:v1:U0DEPUTY"] == []


def test_a_held_request_the_gateway_has_taken_is_edited_when_decided(world: World) -> None:
    """At 08:30 the outbox worker claims the held request; a decision committed in that instant
    cannot take it back (it may be in Slack already): the DM is edited after it, as any other."""
    draft_id, request = held_for_the_deputy_on_new_year(world)
    assert request.id is not None
    with world.db.session() as s:
        assert outbox.claim(s, request.id, timedelta(seconds=15))
    world.clock.t = FIRST_MORNING
    assert world.kessai.decide(draft_id, 1, "U0CHIEF", approve=True).kind == "approved"
    [edit] = [r for r in rows(world, "update") if r.message_key == f"dm:{draft_id}:v1:U0DEPUTY"]
    assert "承認" in str(edit.payload) and edit.id is not None
    assert [r.id for r in rows(world, "post", channel="U0DEPUTY")] == [request.id]
    with world.db.session() as s:  # the gateway delivered the request at 08:30
        outbox.remember_messages(s, [(f"dm:{draft_id}:v1:U0DEPUTY", "D0DEPUTY", "1798300000.000100")])
        outbox.mark_sent_many(s, [request.id], FIRST_MORNING.astimezone(UTC))
    assert edit.id in due_ids(world, FIRST_MORNING)


def test_an_absence_beginning_at_midnight_asks_the_deputy_on_the_morning(world: World) -> None:
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.clock.t = jst(2026, 11, 24, 17, 0)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    world.clock.t = jst(2026, 11, 25, 0, 0)
    world.sweep(jst(2026, 11, 25, 0, 0))
    [request] = [r for r in rows(world, "post", channel="U0DEPUTY") if "approve_draft" in str(r.payload)]
    assert as_utc(request.next_attempt_at) == jst(2026, 11, 25, 8, 30).astimezone(UTC)
    [notice] = world.posts(contains="代決者の")
    assert notice["text"].startswith("決裁者が不在のため、代決者の 直江 兼続 さんにも第1版の決裁を依頼しました")


def test_a_deputy_request_held_for_the_morning_and_decided_meanwhile_is_not_announced(world: World) -> None:
    """The manager's absence begins at midnight: the deputy's request and the thread's notice that
    the deputy was asked wait for 08:30. The chief decides at 07:00: the deputy is not asked, and
    the thread must not say at 08:30, after the decision, that they were."""
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.clock.t = jst(2026, 11, 24, 17, 0)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    world.clock.t = jst(2026, 11, 25, 0, 0)
    world.sweep(world.clock.t)
    assert world.posts(contains="代決者の") and world.posts(to="U0DEPUTY")
    world.clock.t = jst(2026, 11, 25, 7, 0)
    assert world.kessai.decide(draft_id, 1, "U0CHIEF", approve=True).kind == "approved"
    assert world.posts(to="U0DEPUTY") == []
    assert world.posts(contains="代決者の") == []
    assert world.posts(contains="承認")  # the decision is told as usual


def test_a_deputy_request_held_for_the_morning_is_not_sent_when_the_approver_is_back_first(world: World) -> None:
    """The manager, away from midnight, cancels the absence at 07:00 (`/kessai away off`): the
    deputy's request goes back to them before it was sent, so neither it nor its notice is."""
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.clock.t = jst(2026, 11, 24, 17, 0)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    world.clock.t = jst(2026, 11, 25, 0, 0)
    world.sweep(world.clock.t)
    world.clock.t = jst(2026, 11, 25, 7, 0)
    assert world.kessai.clear_away("U0MANAGER").startswith("不在の登録を取り消しました")
    assert world.posts(to="U0DEPUTY") == [] and world.posts(contains="代決者の") == []


def test_a_sweep_ahead_of_the_clock_keeps_held_notices_for_the_morning(world: World) -> None:
    """`kessai remind --now` ahead of the clock makes its own messages due at once; a notice the
    real clock's midnight expiry wrote for the morning is not one of them."""
    world.scheduled_draft(jst(2026, 12, 28, 10, 0), scheduled=NEW_YEAR)
    before = {r.id for r in rows(world, "post")}
    world.clock.t = jst(2027, 1, 1, 0, 5)
    Sweeper(world.kessai, settle_until=world.clock.t).sweep(jst(2027, 1, 5, 10, 0))
    notices = [r for r in rows(world, "post") if r.id not in before and "期限切れ" in str(r.payload)]
    assert notices and all(as_utc(r.next_attempt_at) == FIRST_MORNING.astimezone(UTC) for r in notices)


def without_the_chief(world: World) -> Sweeper:
    """The organisation file no longer names the chief an approver of joetsu-x, and kessai restarted."""
    import dataclasses

    from bot.services import Kessai
    from storage import roster

    org = dataclasses.replace(world.org, accounts=tuple(
        dataclasses.replace(a, approvers=tuple(x for x in a.approvers if x != "U0CHIEF")) if a.id == "joetsu-x"
        else a for a in world.org.accounts))
    with world.db.session() as s:
        roster.sync(s, org)
    return Sweeper(Kessai(world.db, org, clock=world.clock))


def test_a_request_retracted_at_night_is_announced_in_the_thread_on_the_morning(world: World) -> None:
    """kessai restarted with a new organisation file at 23:00 (a maintenance window): the chief's
    DM loses its buttons then, but the thread's notice used to go out at 23:00 too."""
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    before = {r.id for r in rows(world, "post")}
    night = jst(2026, 11, 24, 23, 0)
    world.clock.t = night
    assert without_the_chief(world).sweep(night).sent["approval.removed"] == 1
    [notice] = [r for r in rows(world, "post") if r.id not in before]
    assert "取り消しました" in str(notice.payload)
    assert as_utc(notice.next_attempt_at) == jst(2026, 11, 25, 8, 30).astimezone(UTC)
    [edit] = [r for r in rows(world, "update") if r.message_key == f"dm:{draft_id}:v1:U0CHIEF"]
    assert "対応は不要" in str(edit.payload) and as_utc(edit.next_attempt_at) == night.astimezone(UTC)


def test_a_request_retracted_in_business_hours_is_announced_at_once(world: World) -> None:
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    before = {r.id for r in rows(world, "post")}
    world.clock.t = jst(2026, 11, 24, 11, 0)
    assert without_the_chief(world).sweep(world.clock.t).sent["approval.removed"] == 1
    [notice] = [r for r in rows(world, "post") if r.id not in before and "取り消しました" in str(r.payload)]
    assert as_utc(notice.next_attempt_at) == world.clock.t.astimezone(UTC)
