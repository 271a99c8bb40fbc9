"""A pending draft whose scheduled time is near (SPEC §1: the bot reminds of "drafts whose scheduled
time is near"): one hour of business time before it, the approvers are asked once more, and the
deputies too when the usual hand-off would come after the scheduled time. Over 年末年始 or a weekend
the regular reminders alone let such a draft expire unseen."""

from __future__ import annotations

from collections import Counter
from datetime import date, datetime

import pytest
from sqlmodel import select

from storage.db import as_utc
from storage.models import ApprovalRequestRow, OutboxRow
from tests.time.conftest import World, jst, refuse_outbox_rows, refuse_outbox_rows_saying
from tests.time.test_concurrency import sweep_on_two_replicas


def due_soon_to(w: World, user: str) -> list[str]:
    return [p["text"] for p in w.posts(to=user, contains="投稿予定が近づいています")]


def deputy_requests(w: World, draft_id: int) -> list[str]:
    with w.db.session() as s:
        return [r.reason for r in s.exec(select(ApprovalRequestRow).where(
            ApprovalRequestRow.draft_id == draft_id, ApprovalRequestRow.recipient_id == "U0DEPUTY"))]


def test_a_draft_sent_before_the_new_year_for_the_first_morning_is_brought_up_before_the_holidays(world: World) -> None:
    # 12/28 (月) 16:00 for 1/4 (月) 09:00: the first reminder would be 1/4 09:15, the hand-off to the
    # deputies 1/4 16:00 — both after the draft expires. One business hour before 09:00 on 1/4 is
    # 12/28 16:45 (30 minutes on 1/4 and the last 30 of 12/28).
    draft_id = world.scheduled_draft(jst(2026, 12, 28, 16, 0), scheduled=jst(2027, 1, 4, 9, 0))
    early = world.sweep(jst(2026, 12, 28, 16, 44))
    assert early.sent["draft.due_soon"] == 0 and early.sent["approval.escalate"] == 0
    report = world.sweep(jst(2026, 12, 28, 16, 45))
    assert report.sent["draft.due_soon"] == 1 and report.sent["approval.escalate"] == 1
    for approver in ("U0MANAGER", "U0CHIEF"):
        [text] = due_soon_to(world, approver)
        assert "2027年1月4日（月）09:00 に投稿予定ですが、まだ決裁されていません" in text
        assert "業務時間は残り1時間" in text and "期限切れ" in text
    # The deputies get the request itself (with its buttons), not a reminder of it.
    assert deputy_requests(world, draft_id) == ["escalated"]
    assert due_soon_to(world, "U0DEPUTY") == []
    assert any("投稿予定が近いため、代決者の" in p["text"] for p in world.posts(to="C0INTAKE"))
    # Once per version: nothing more over the holidays, nor when business resumes.
    for t in (jst(2026, 12, 28, 16, 46), jst(2026, 12, 31, 12, 0), jst(2027, 1, 4, 8, 30), jst(2027, 1, 4, 8, 59)):
        again = world.sweep(t)
        assert again.sent["draft.due_soon"] == 0 and again.sent["approval.escalate"] == 0
    assert world.sweep(jst(2027, 1, 4, 9, 0)).sent["draft.expire"] == 1


def test_a_new_years_day_greeting_is_brought_up_on_the_last_business_day(world: World) -> None:
    world.scheduled_draft(jst(2026, 12, 28, 10, 0), scheduled=jst(2027, 1, 1, 0, 0))
    assert world.sweep(jst(2026, 12, 28, 16, 14)).sent["draft.due_soon"] == 0
    assert world.sweep(jst(2026, 12, 28, 16, 15)).sent["draft.due_soon"] == 1
    [text] = due_soon_to(world, "U0MANAGER")
    assert "2027年1月1日（金）00:00 に投稿予定" in text


def test_a_draft_sent_with_little_time_left_gets_no_second_message_at_once(world: World) -> None:
    # Sent at 16:30 for 1/4 09:00: the request itself (which shows the time) came 15 minutes before
    # the moment a reminder would be due; a second message then is noise. (On the first morning of
    # the new year it is not: test_a_draft_sent_the_afternoon_before_the_holidays_is_brought_up_….)
    draft_id = world.scheduled_draft(jst(2026, 12, 28, 16, 30), scheduled=jst(2027, 1, 4, 9, 0))
    for t in (jst(2026, 12, 28, 16, 45), jst(2026, 12, 28, 17, 0), jst(2026, 12, 30, 10, 0)):
        assert world.sweep(t).sent["draft.due_soon"] == 0, t
    assert deputy_requests(world, draft_id) == []


def test_when_the_usual_hand_off_came_already_only_the_reminder_is_sent(world: World) -> None:
    # Tuesday 10:00 for Friday 10:00: handed to the deputies on Wednesday 10:00 as usual; on Friday
    # at 09:00 everyone holding the request, the deputy included, hears that the time is near.
    draft_id = world.scheduled_draft(jst(2026, 11, 24, 10, 0), scheduled=jst(2026, 11, 27, 10, 0))
    assert world.sweep(jst(2026, 11, 25, 10, 0)).sent["approval.escalate"] == 1
    assert world.sweep(jst(2026, 11, 27, 8, 59)).sent["draft.due_soon"] == 0
    report = world.sweep(jst(2026, 11, 27, 9, 0))
    assert report.sent["draft.due_soon"] == 1 and report.sent["approval.escalate"] == 0
    assert len(due_soon_to(world, "U0DEPUTY")) == 1 and len(due_soon_to(world, "U0MANAGER")) == 1
    assert deputy_requests(world, draft_id) == ["escalated"]


def test_decided_or_away_are_not_reminded(world: World) -> None:
    world.clock.t = jst(2026, 12, 21, 9, 0)
    world.kessai.set_away("U0CHIEF", jst(2026, 12, 28).date(), jst(2027, 1, 8).date())
    world.scheduled_draft(jst(2026, 12, 28, 10, 0), scheduled=jst(2027, 1, 4, 9, 0))
    decided = world.scheduled_draft(jst(2026, 12, 28, 10, 0), scheduled=jst(2027, 1, 4, 9, 0))
    world.clock.t = jst(2026, 12, 28, 11, 0)
    assert world.kessai.decide(decided, 1, "U0MANAGER", approve=True).kind == "approved"
    assert world.sweep(jst(2026, 12, 28, 16, 45)).sent["draft.due_soon"] == 1
    assert len(due_soon_to(world, "U0MANAGER")) == 1 and due_soon_to(world, "U0CHIEF") == []


def test_without_deputies_to_ask_the_thread_says_the_time_is_near(world: World) -> None:
    world.clock.t = jst(2026, 12, 21, 9, 0)
    world.kessai.set_away("U0DEPUTY", jst(2026, 12, 28).date(), jst(2027, 1, 8).date())
    world.scheduled_draft(jst(2026, 12, 28, 10, 0), scheduled=jst(2027, 1, 4, 9, 0))
    report = world.sweep(jst(2026, 12, 28, 16, 45))
    assert report.sent["approval.escalate"] == 1 and report.sent["draft.due_soon"] == 1
    [notice] = [p["text"] for p in world.posts(to="C0INTAKE") if ":warning:" in p["text"]]
    assert "2027年1月4日（月）09:00 に投稿予定ですが、まだ決裁されていません" in notice
    assert "が過ぎました" not in notice and "不在のため、代決を依頼できませんでした" in notice


def test_an_approver_added_since_the_request_gets_the_request_itself(world_factory) -> None:  # type: ignore[no-untyped-def]
    """An approver added to the organisation file while the draft waits holds no request: when the
    scheduled time is near, they get the request with its buttons (not a reminder of one)."""
    import dataclasses

    from storage import roster

    world = world_factory(jst(2026, 12, 28, 9, 0))
    draft_id = world.scheduled_draft(jst(2026, 12, 28, 16, 0), scheduled=jst(2027, 1, 4, 9, 0))
    account = world.org.account("joetsu-x")
    assert account is not None and "U0DEPUTY" not in account.approvers
    org = dataclasses.replace(world.org, accounts=tuple(
        dataclasses.replace(a, approvers=(*a.approvers, "U0DEPUTY"), deputies=()) if a.id == "joetsu-x" else a
        for a in world.org.accounts))
    with world.db.session() as s:
        roster.sync(s, org)
    restarted = world_factory(jst(2026, 12, 28, 16, 0))
    restarted.kessai.org = restarted.sweeper.org = org
    assert restarted.sweep(jst(2026, 12, 28, 16, 45)).sent["draft.due_soon"] == 1
    with world.db.session() as s:
        asked = {r.recipient_id for r in s.exec(select(ApprovalRequestRow).where(ApprovalRequestRow.draft_id == draft_id))}
    assert "U0DEPUTY" in asked
    assert due_soon_to(world, "U0DEPUTY") == []  # the request itself, just sent, shows the time


def test_a_draft_sent_on_saturday_for_monday_morning_is_brought_up_at_the_opening(world: World) -> None:
    """Sent on Saturday 11/28 10:00 for Monday 11/30 09:00: its due instant (one business hour
    before) is the Friday before it was sent, and no reminder would come before it expires. At the
    Monday opening the approvers are asked once more, with the half hour that is really left, and
    the deputies get the request (the usual hand-off comes on Tuesday)."""
    draft_id = world.scheduled_draft(jst(2026, 11, 28, 10, 0), scheduled=jst(2026, 11, 30, 9, 0))
    for quiet in (jst(2026, 11, 28, 10, 30), jst(2026, 11, 29, 20, 0), jst(2026, 11, 30, 8, 29)):
        world.clock.t = quiet
        report = world.sweep(quiet)
        assert report.sent["draft.due_soon"] == 0 and report.sent["approval.escalate"] == 0, quiet
    world.clock.t = jst(2026, 11, 30, 8, 30)
    report = world.sweep(jst(2026, 11, 30, 8, 30))
    assert report.sent["draft.due_soon"] == 1 and report.sent["approval.escalate"] == 1
    for approver in ("U0MANAGER", "U0CHIEF"):
        [text] = due_soon_to(world, approver)
        assert "2026年11月30日（月）09:00 に投稿予定ですが、まだ決裁されていません" in text
        assert "業務時間は残り30分" in text
    assert deputy_requests(world, draft_id) == ["escalated"]
    world.clock.t = jst(2026, 11, 30, 8, 45)
    assert world.sweep(jst(2026, 11, 30, 8, 45)).sent["draft.due_soon"] == 0  # once


def test_a_draft_sent_the_afternoon_before_the_holidays_is_brought_up_again_on_the_first_morning(
        world: World) -> None:
    """Sent on 12/28 16:30 for 1/4 09:00: no second message at 16:45, 15 minutes after the request
    (``test_a_draft_sent_with_little_time_left_gets_no_second_message_at_once``); six days later, on
    the first morning, the half hour left is worth a word."""
    world.scheduled_draft(jst(2026, 12, 28, 16, 30), scheduled=jst(2027, 1, 4, 9, 0))
    assert world.sweep(jst(2026, 12, 28, 16, 45)).sent["draft.due_soon"] == 0
    assert world.sweep(jst(2027, 1, 4, 8, 29)).sent["draft.due_soon"] == 0
    assert world.sweep(jst(2027, 1, 4, 8, 30)).sent["draft.due_soon"] == 1
    assert "業務時間は残り30分" in due_soon_to(world, "U0MANAGER")[0]


def test_a_draft_sent_before_opening_on_the_day_is_not_brought_up_at_once(world: World) -> None:
    """Sent on Monday 07:00 for 09:10: the approver finds the request itself on arriving at 08:30."""
    world.scheduled_draft(jst(2026, 11, 30, 7, 0), scheduled=jst(2026, 11, 30, 9, 10))
    for t in (jst(2026, 11, 30, 8, 30), jst(2026, 11, 30, 8, 40), jst(2026, 11, 30, 9, 9)):
        world.clock.t = t
        assert world.sweep(t).sent["draft.due_soon"] == 0, t


def test_a_draft_scheduled_for_the_opening_itself_has_no_moment_to_be_brought_up(world: World) -> None:
    """Sent on Saturday for Monday 08:30: no business minute is left before it; nothing is sent
    on Monday before it expires at 08:30 (a message then would arrive with the expiry)."""
    world.scheduled_draft(jst(2026, 11, 28, 10, 0), scheduled=jst(2026, 11, 30, 8, 30))
    world.clock.t = jst(2026, 11, 30, 8, 30)
    report = world.sweep(jst(2026, 11, 30, 8, 30))
    assert report.sent["draft.due_soon"] == 0 and report.sent["draft.expire"] == 1


def author_told(w: World) -> list[str]:
    return [p["text"] for p in w.posts(to="C0INTAKE", contains="期限切れになります")]


def test_the_author_of_a_draft_sent_on_saturday_for_monday_morning_is_told_at_once(world: World) -> None:
    """The sender learns on sending, not at 09:00 on Monday from the expiry, that the approvers have
    half an hour at their desks before the post."""
    world.scheduled_draft(jst(2026, 11, 28, 10, 0), scheduled=jst(2026, 11, 30, 9, 0))
    [text] = author_told(world)
    assert text.startswith("<@U0OPERATOR> さん、第1版の投稿予定（2026年11月30日（月）09:00）までに")
    assert "決裁者の業務時間は残り30分しかありません" in text and "急ぎの場合は" in text


def test_the_author_is_told_when_no_business_time_is_left_before_the_post(world: World) -> None:
    world.scheduled_draft(jst(2026, 11, 28, 10, 0), scheduled=jst(2026, 11, 30, 8, 30))
    [text] = author_told(world)
    assert "2026年11月30日（月）08:30）までに、決裁者の業務時間がありません。" in text


def test_the_author_of_a_draft_with_a_business_hour_or_more_left_is_not_told(world: World) -> None:
    # Tuesday 16:00 for Wednesday 09:00: 1時間45分 of business time; the request and the due-soon
    # reminder suffice, and a warning on every next-morning post would be noise.
    world.scheduled_draft(jst(2026, 11, 24, 16, 0), scheduled=jst(2026, 11, 25, 9, 0))
    world.scheduled_draft(jst(2026, 11, 28, 10, 0), scheduled=jst(2026, 11, 30, 9, 30))  # exactly 1時間
    assert author_told(world) == []


@pytest.mark.parametrize(("day", "first", "last"), [
    (28, date(2026, 11, 30), date(2026, 11, 30)),
    (27, date(2026, 11, 28), date(2026, 12, 4)),
], ids=["on_saturday_for_monday", "on_friday_for_a_week_from_saturday"])
def test_a_deputy_asked_at_midnight_gets_the_request_alone_at_the_opening(
        world: World, day: int, first: date, last: date) -> None:
    """Both approvers register on Saturday an absence for Monday; the sweep at 00:01 asks the deputy,
    and that DM waits for the opening. At 08:30 the draft (for 09:00) is due soon: the deputy finds
    the request itself, which shows the time, and the thread's notice of it, not a reminder of the
    request and a call in the thread on top of it (the reminder judged by 00:01, not by 08:30).
    The same when they register on Friday a week off from Saturday: the request written at Saturday
    00:01 waits for Monday's opening and is the whole news there too (found by review)."""
    draft_id = world.scheduled_draft(jst(2026, 11, day, 10, 0), scheduled=jst(2026, 11, 30, 9, 0))
    assert world.both_approvers_away(jst(2026, 11, day, 11, 0), first, last).sent["approval.away"] == 1
    assert deputy_requests(world, draft_id) == ["away"]
    before = len(world.posts())
    for t in (jst(2026, 11, 30, 8, 30), jst(2026, 11, 30, 8, 31), jst(2026, 11, 30, 8, 59)):
        world.clock.t = t
        report = world.sweep(t)
        assert report.sent["draft.due_soon"] == 0, t
    assert due_soon_to(world, "U0DEPUTY") == []
    assert not [p for p in world.posts()[before:] if p.get("channel") == "C0INTAKE"]
    # The request itself reaches the deputy at the opening, with its thread notice.
    with world.db.session() as s:
        held = [r for r in s.exec(select(OutboxRow).where(OutboxRow.op == "post")) if r.payload.get("channel") in (
            "U0DEPUTY", "C0INTAKE") and "直江 兼続" in str(r.payload)]
    assert held and all(as_utc(r.next_attempt_at) == jst(2026, 11, 30, 8, 30) for r in held)


def test_a_deputy_asked_at_midnight_is_reminded_once_the_request_has_been_in_hand_half_an_hour(
        world: World) -> None:
    """The same for a post at 10:00 (brought up at 09:00): by then the deputy has had the request
    since the opening, and is reminded with the hour that is left."""
    world.scheduled_draft(jst(2026, 11, 28, 10, 0), scheduled=jst(2026, 11, 30, 10, 0))
    world.both_approvers_away(jst(2026, 11, 28, 11, 0), date(2026, 11, 30))
    world.clock.t = jst(2026, 11, 30, 9, 0)
    assert world.sweep(jst(2026, 11, 30, 9, 0)).sent["draft.due_soon"] == 1
    [text] = due_soon_to(world, "U0DEPUTY")
    assert "業務時間は残り1時間" in text


def test_the_thread_says_the_time_is_near_once_the_deputy_asked_at_midnight_has_had_the_request_half_an_hour(
        world: World) -> None:
    """A post on Monday at 09:15, both approvers away on Monday: the deputy asked at 00:01 gets the
    request at 08:30, when the draft is due soon and nobody new can be asked. The thread's
    「…に投稿予定ですが、まだ決裁されていません」 waits until 09:00 rather than being dropped:
    settled at 08:30, the thread never said the post was near (found by review; SPEC 4.3)."""
    world.scheduled_draft(jst(2026, 11, 28, 10, 0), scheduled=jst(2026, 11, 30, 9, 15))
    world.both_approvers_away(jst(2026, 11, 28, 11, 0), date(2026, 11, 30))
    for t in (jst(2026, 11, 30, 8, 30), jst(2026, 11, 30, 8, 59)):
        world.clock.t = t
        assert world.sweep(t).sent["approval.escalate"] == 0, t
    assert world.posts(to="C0INTAKE", contains="まだ決裁されていません") == []
    world.clock.t = jst(2026, 11, 30, 9, 0)
    assert world.sweep(jst(2026, 11, 30, 9, 0)).sent["approval.escalate"] == 1
    [notice] = world.posts(to="C0INTAKE", contains="まだ決裁されていません")
    assert "2026年11月30日（月）09:15 に投稿予定ですが" in notice["text"]
    assert "直江 兼続 さん、決裁をお願いします" in notice["text"]
    world.clock.t = jst(2026, 11, 30, 9, 1)
    assert world.sweep(jst(2026, 11, 30, 9, 1)).sent["approval.escalate"] == 0
    assert due_soon_to(world, "U0DEPUTY") == []  # the reminder itself stays settled (d61bdbb)


def test_a_draft_brought_up_late_after_a_restart_says_the_time_really_left(world: World) -> None:
    # kessai was stopped from Tuesday evening until Wednesday 09:45: the reminder due at 09:00 goes
    # at 09:45, with a quarter of an hour left, not the hour it would have had at 09:00.
    world.scheduled_draft(jst(2026, 11, 24, 10, 0), scheduled=jst(2026, 11, 26, 10, 0))
    assert world.sweep(jst(2026, 11, 26, 9, 45, 20)).sent["draft.due_soon"] == 1
    [text] = due_soon_to(world, "U0MANAGER")
    assert "業務時間は残り15分です" in text, text


@pytest.mark.parametrize("written", [jst(2026, 11, 24, 10, 0), jst(2026, 11, 24, 9, 59)],
                         ids=["hand_off_at_the_post", "hand_off_a_minute_before_the_post"])
def test_a_draft_whose_usual_hand_off_falls_in_the_last_hour_goes_to_the_deputies_an_hour_before(
        world: World, written: datetime) -> None:
    # For Wednesday 10:00, written on Tuesday at 10:00 or 09:59: one business day (8h45m) of waiting
    # ends at Wednesday 10:00 itself, the instant the draft expires, or at 09:59, a minute before.
    # The hand-off for a draft due before the usual one came only when that was *after* the post:
    # at 10:00 the deputies were never asked, at 09:59 too late for anyone to decide, and the 12:00
    # reminder promised them 「11月25日（水）10:00（09:59）までに決裁がない場合は、代決者にも」.
    draft_id = world.scheduled_draft(written, scheduled=jst(2026, 11, 25, 10, 0))
    assert world.sweep(jst(2026, 11, 24, 12, 0)).sent["approval.remind"] == 1
    [reminder] = [p["text"] for p in world.posts(to="U0MANAGER", contains="決裁のお願い")]
    assert "11月25日（水）09:00 までに決裁がない場合は、代決者にも" in reminder, reminder
    assert world.sweep(jst(2026, 11, 25, 8, 59)).sent["approval.escalate"] == 0
    report = world.sweep(jst(2026, 11, 25, 9, 0))
    assert report.sent["draft.due_soon"] == 1 and report.sent["approval.escalate"] == 1
    assert deputy_requests(world, draft_id) == ["escalated"]
    assert any("投稿予定が近いため、代決者の" in p["text"] for p in world.posts(to="C0INTAKE"))
    later = world.sweep(jst(2026, 11, 25, 9, 59))  # 09:59's usual hand-off: nothing more
    assert later.sent["approval.escalate"] == 0 and later.sent["draft.due_soon"] == 0
    assert deputy_requests(world, draft_id) == ["escalated"]
    assert world.sweep(jst(2026, 11, 25, 10, 0)).sent["draft.expire"] == 1


def test_a_draft_whose_usual_hand_off_is_half_an_hour_before_the_post_goes_to_the_deputies_an_hour_before(
        world: World) -> None:
    # Tuesday 10:00 for Wednesday 10:30: the usual hand-off (Wednesday 10:00) left the deputies 30 minutes.
    draft_id = world.scheduled_draft(jst(2026, 11, 24, 10, 0), scheduled=jst(2026, 11, 25, 10, 30))
    assert world.sweep(jst(2026, 11, 25, 9, 29)).sent["approval.escalate"] == 0
    report = world.sweep(jst(2026, 11, 25, 9, 30))
    assert report.sent["draft.due_soon"] == 1 and report.sent["approval.escalate"] == 1
    assert deputy_requests(world, draft_id) == ["escalated"]
    assert world.sweep(jst(2026, 11, 25, 10, 0)).sent["approval.escalate"] == 0


def reminders_to(w: World, user: str) -> list[str]:
    return [p["text"] for p in w.posts(to=user, contains="決裁のお願い")]


def test_the_daily_reminder_is_not_sent_a_quarter_hour_after_the_due_soon_one(world: World) -> None:
    """12/25 (金) 16:00 for 1/5 (火) 10:00: 「投稿予定が近づいています」 at 1/5 09:00, then
    「決裁のお願い（3回目）」 at 09:15 to the same two people — two messages saying one thing.
    The hour's due-soon reminder stands for it; the deputies' hand-off still comes on time."""
    draft_id = world.scheduled_draft(jst(2026, 12, 25, 16, 0), scheduled=jst(2027, 1, 5, 10, 0))
    for day in (date(2026, 12, 25), date(2026, 12, 28), date(2027, 1, 4)):
        for hour in range(9, 18):
            world.sweep(jst(day.year, day.month, day.day, hour, 15))
    before = {a: len(reminders_to(world, a)) for a in ("U0MANAGER", "U0CHIEF")}
    assert before == {"U0MANAGER": 2, "U0CHIEF": 2}
    report = world.sweep(jst(2027, 1, 5, 9, 0))
    assert report.sent["draft.due_soon"] == 1
    for minute in (1, 15, 16, 30, 59):
        again = world.sweep(jst(2027, 1, 5, 9, minute))
        assert again.sent["approval.remind"] == 0, minute
    for approver in ("U0MANAGER", "U0CHIEF"):
        assert len(reminders_to(world, approver)) == before[approver]
        assert len(due_soon_to(world, approver)) == 1
    # The deputies were asked no later than the usual hand-off would have asked them.
    assert deputy_requests(world, draft_id) == ["escalated"]
    assert world.sweep(jst(2027, 1, 5, 10, 0)).sent["draft.expire"] == 1


def test_due_together_after_a_stop_only_the_due_soon_reminder_goes(world: World) -> None:
    """kessai down on 1/5 from 08:00 to 09:20: the due-soon reminder (due 09:00) and the third daily
    reminder (due 09:15) fall due in the same sweep (here on two replicas at once). One message
    each, the one that says the time."""
    world.scheduled_draft(jst(2026, 12, 25, 16, 0), scheduled=jst(2027, 1, 5, 10, 0))
    for t in (jst(2026, 12, 28, 9, 15), jst(2026, 12, 28, 16, 0), jst(2027, 1, 4, 9, 15)):
        world.sweep(t)
    before = len(reminders_to(world, "U0MANAGER"))
    sent = sweep_on_two_replicas(world, jst(2027, 1, 5, 9, 20))
    assert sent["draft.due_soon"] == 1 and sent["approval.remind"] == 0
    assert world.sweep(jst(2027, 1, 5, 9, 20)).total == 0
    assert len(reminders_to(world, "U0MANAGER")) == before
    [text] = due_soon_to(world, "U0MANAGER")
    assert "残り40分" in text


def test_a_daily_reminder_days_after_the_due_soon_one_is_still_sent(world: World) -> None:
    """Sent Wednesday 15:45 for Monday 09:15: the due-soon reminder comes on Friday at 17:00 (the
    last business hour before the post is 15 minutes on Friday and 45 on Monday); Monday's 09:00
    reminder, a weekend later, is a new day's reminder and goes."""
    world.scheduled_draft(jst(2026, 11, 25, 15, 45), scheduled=jst(2026, 11, 30, 9, 15))
    for t in (jst(2026, 11, 26, 9, 0), jst(2026, 11, 27, 9, 0)):
        world.sweep(t)
    assert world.sweep(jst(2026, 11, 27, 17, 0)).sent["draft.due_soon"] == 1
    assert world.sweep(jst(2026, 11, 30, 9, 0)).sent["approval.remind"] == 1
    assert any("決裁のお願い（3回目）" in t for t in reminders_to(world, "U0MANAGER"))


def drafts_sent(sent: Counter[str]) -> int:
    """What a sweep sent about drafts (on the 1st the month's reports go out as well)."""
    return sum(n for kind, n in sent.items() if kind.startswith(("approval.", "draft.")))


def test_a_daily_reminder_due_a_quarter_hour_before_the_due_soon_one_waits_for_it(world: World) -> None:
    """Sent Monday 15:30 for Tuesday 10:00: the first daily reminder falls due on Tuesday at 08:45
    (two business hours), 「投稿予定が近づいています」 at 09:00 — two messages 15 minutes apart.
    The daily one waits for the due-soon one, which stands for it; the deputies are still asked at
    09:00 (the hand-off the due-soon reminder brings), and nobody is left without a reminder."""
    draft_id = world.scheduled_draft(jst(2026, 11, 30, 15, 30), scheduled=jst(2026, 12, 1, 10, 0))
    for t in (jst(2026, 11, 30, 17, 0), jst(2026, 12, 1, 8, 45), jst(2026, 12, 1, 8, 50), jst(2026, 12, 1, 8, 59)):
        early = world.sweep(t)  # (the month's reports go out at 08:45 too)
        assert early.sent["approval.remind"] == 0 and early.sent["draft.due_soon"] == 0, t
    report = world.sweep(jst(2026, 12, 1, 9, 0))
    assert report.sent["draft.due_soon"] == 1 and report.sent["approval.escalate"] == 1
    assert report.sent["approval.remind"] == 0
    for minute in (1, 15, 30, 59):
        assert drafts_sent(world.sweep(jst(2026, 12, 1, 9, minute)).sent) == 0, minute
    for approver in ("U0MANAGER", "U0CHIEF"):
        assert reminders_to(world, approver) == [] and len(due_soon_to(world, approver)) == 1
    assert deputy_requests(world, draft_id) == ["escalated"]


def test_a_daily_reminder_put_off_for_the_due_soon_one_on_two_replicas_is_one_message(world: World) -> None:
    """The same on two replicas sweeping at once, at 08:45 and at 09:00: one message to each approver."""
    world.scheduled_draft(jst(2026, 11, 30, 15, 30), scheduled=jst(2026, 12, 1, 10, 0))
    assert drafts_sent(sweep_on_two_replicas(world, jst(2026, 12, 1, 8, 45))) == 0
    sent = sweep_on_two_replicas(world, jst(2026, 12, 1, 9, 0))
    assert sent["draft.due_soon"] == 1 and sent["approval.escalate"] == 1 and sent["approval.remind"] == 0
    assert drafts_sent(sweep_on_two_replicas(world, jst(2026, 12, 1, 9, 15))) == 0
    for approver in ("U0MANAGER", "U0CHIEF"):
        assert reminders_to(world, approver) == [] and len(due_soon_to(world, approver)) == 1


def test_a_daily_reminder_put_off_for_a_due_soon_one_that_cannot_be_written_goes_all_the_same(world: World) -> None:
    """The due-soon reminder the daily one waited for cannot be written at 09:00 (the database
    refuses it): the daily one goes then, so that nobody is left without a reminder."""
    world.scheduled_draft(jst(2026, 11, 30, 15, 30), scheduled=jst(2026, 12, 1, 10, 0))
    assert drafts_sent(world.sweep(jst(2026, 12, 1, 8, 45)).sent) == 0
    allow = refuse_outbox_rows_saying(world.db, "投稿予定が近づいています")
    try:
        report = world.sweep(jst(2026, 12, 1, 9, 0))
    finally:
        allow()
    assert report.sent["draft.due_soon"] == 0 and report.sent["approval.remind"] == 1
    for approver in ("U0MANAGER", "U0CHIEF"):
        [text] = reminders_to(world, approver)
        assert "投稿予定は 2026年12月1日（火）10:00 です" in text


def test_a_due_soon_reminder_written_after_its_failed_try_skips_whom_the_daily_one_just_reached(world: World) -> None:
    """The due-soon reminder cannot be written at 09:00 (the database refuses it), so the daily
    「決裁のお願い」 it was waited for goes then; the due-soon one, tried again at 09:01, reached the
    same two approvers a minute later — the pair the wait was meant to merge. Whoever got the daily
    one within the hour is not sent it, and each approver has had one reminder."""
    world.scheduled_draft(jst(2026, 11, 30, 15, 30), scheduled=jst(2026, 12, 1, 10, 0))
    assert drafts_sent(world.sweep(jst(2026, 12, 1, 8, 45)).sent) == 0
    allow = refuse_outbox_rows_saying(world.db, "投稿予定が近づいています")
    try:
        report = world.sweep(jst(2026, 12, 1, 9, 0))
    finally:
        allow()
    assert report.failed == 1 and report.sent["approval.remind"] == 1
    retried = world.sweep(jst(2026, 12, 1, 9, 1))
    assert retried.sent["draft.due_soon"] == 0 and retried.failed == 0
    for minute in (2, 30):
        assert drafts_sent(world.sweep(jst(2026, 12, 1, 9, minute)).sent) == 0, minute
    for approver in ("U0MANAGER", "U0CHIEF"):
        assert len(reminders_to(world, approver)) == 1 and due_soon_to(world, approver) == [], approver



def test_under_cron_a_reminder_that_keeps_failing_is_one_error_then_one_line_a_run(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """Each `kessai remind` from cron is a new process, whose sweeper did not know the reminder had
    failed a minute before: every run logged it at ERROR with its traceback. The first failure is
    an ERROR; later runs say it goes on in a WARNING line; once it goes through, that is forgotten."""
    import logging

    from bot.remind_cli import sweep_once
    from bot.services import Kessai
    from storage import reminders
    from tests.time.conftest import Clock

    world.scheduled_draft(jst(2026, 12, 1, 9, 0), scheduled=jst(2026, 12, 1, 11, 0))

    def run(at: datetime) -> tuple[int, list[logging.LogRecord]]:
        caplog.clear()
        report, _, _ = sweep_once(Kessai(world.db, world.org, clock=Clock(at)), at, settle_until=at)
        return report.sent["draft.due_soon"], [r for r in caplog.records if r.name == "bot.sweep"
                                               and r.levelno >= logging.WARNING]

    allow = refuse_outbox_rows_saying(world.db, "投稿予定が近づいています")
    try:
        _, [first] = run(jst(2026, 12, 1, 10, 0))
        assert first.levelno == logging.ERROR and first.exc_info is not None
        for minute in (1, 2):
            _, [again] = run(jst(2026, 12, 1, 10, minute))
            assert again.levelno == logging.WARNING and again.exc_info is None, again.getMessage()
            assert "failed before, last at 2026-12-01T01:0" in again.getMessage() and "\n" not in again.getMessage()
        allow()
        # Failing otherwise now (the database full, say): that cause's traceback was never logged.
        allow = refuse_outbox_rows(world.db, "NEW.payload->>'text' LIKE '%投稿予定が近づいています%'",
                                   "json_extract(NEW.payload, '$.text') LIKE '%投稿予定が近づいています%'",
                                   saying="disk full")
        _, [other] = run(jst(2026, 12, 1, 10, 3))
        assert other.levelno == logging.ERROR and other.exc_info is not None and "disk full" in str(other.exc_info[1])
        _, [again] = run(jst(2026, 12, 1, 10, 4))
        assert again.levelno == logging.WARNING and "disk full" in again.getMessage()
    finally:
        allow()
    sent, logged = run(jst(2026, 12, 1, 10, 5))
    assert sent == 1 and logged == []
    with world.db.session() as s:
        assert reminders.failing_since(s, jst(2026, 11, 30)) == {}


def test_a_failure_recorded_a_day_ago_is_forgotten(world: World) -> None:
    from storage import reminders

    with world.db.session() as s:
        reminders.note_failing(s, "draft.due_soon:1:v1", jst(2026, 11, 30, 9, 0), "E: a")
        reminders.note_failing(s, "draft.due_soon:2:v1", jst(2026, 11, 30, 9, 0), "E: a")
        reminders.note_failing(s, "draft.due_soon:2:v1", jst(2026, 12, 1, 9, 0), "E: b")  # again: dated anew
    latest = reminders.Failed(jst(2026, 12, 1, 9, 0), reminders.failing_cause("E: b"))
    with world.db.session() as s:
        assert reminders.failing_since(s, jst(2026, 12, 1, 8, 0)) == {"draft.due_soon:2:v1": latest}
    with world.db.session() as s:
        assert reminders.failing_since(s, jst(2026, 11, 29)) == {"draft.due_soon:2:v1": latest}
