"""未投稿の確認 (``draft.unpublished``, SPEC 4.3): on time in business hours; a version scheduled
outside them (a New-Year greeting reserved on the SNS for 1/1 00:00) is asked about on the next
business morning, once, and not at all if it is published or voided before then."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from sqlmodel import select

from bot.config import OrgConfig
from bot.drafting import DraftForm
from bot.services import Kessai
from bot.sweep import Sweeper
from storage import outbox
from storage.db import Database, as_utc
from storage.models import OutboxRow
from tests.time.conftest import CLEAN_TEXT, Clock, World, jst

NEW_YEAR = jst(2027, 1, 1, 0, 0)
FIRST_MORNING = jst(2027, 1, 4, 8, 30)  # 1/4 (Mon) 08:30: the first business instant after 年末年始
ASKED = "まだ投稿済みになっていません"
TUESDAY = jst(2026, 11, 24, 10, 0)


def asked(w: World) -> list[OutboxRow]:
    """The author's 未投稿の確認 DMs in the outbox."""
    with w.db.session() as s:
        found = list(s.exec(select(OutboxRow).where(OutboxRow.op == "post").order_by(OutboxRow.id)))
    return [r for r in found if r.payload.get("channel") == "U0OPERATOR" and ASKED in r.payload.get("text", "")]


def due_ids(w: World, at: datetime) -> set[int]:
    """What the outbox worker would send at ``at`` (the process may have been down until then)."""
    with w.db.session() as s:
        return {r.id for r in outbox.eligible(s, at.astimezone(UTC), limit=1000) if r.id is not None}


def approved(w: World, scheduled: datetime, at: datetime = TUESDAY) -> int:
    draft_id = w.scheduled_draft(at, scheduled=scheduled)
    w.clock.t = at + timedelta(hours=1)
    assert w.kessai.decide(draft_id, 1, "U0CHIEF", approve=True).kind == "approved"
    return draft_id


def test_a_new_year_greeting_is_asked_about_on_the_first_business_morning_not_at_midnight(
        world: World, world_factory: Callable[[datetime], World]) -> None:
    draft_id = approved(world, NEW_YEAR, at=jst(2026, 12, 28, 10, 0))
    world.clock.t = NEW_YEAR
    assert world.sweep(NEW_YEAR).sent["draft.unpublished"] == 1  # decided on time, in the database
    [dm] = asked(world)
    assert as_utc(dm.next_attempt_at) == FIRST_MORNING.astimezone(UTC)
    assert dm.id not in due_ids(world, NEW_YEAR)
    assert dm.id not in due_ids(world, jst(2027, 1, 3, 23, 59))
    with world.db.session() as s:  # /healthz: waiting for the morning, not late
        assert outbox.scheduled(s, NEW_YEAR.astimezone(UTC)) >= 1
    # Worded for the morning after, not 「投稿予定時刻になりました」.
    text = dm.payload["text"]
    assert "2027年1月1日（金）00:00 に投稿予定だった" in text and "投稿予定時刻になりました" not in text
    assert "「投稿済みにする」" in text
    # kessai restarted over the holidays and was down at 08:30 on 1/4: the DM is still there, goes
    # out when it is back, and no sweep writes another.
    restarted = world_factory(jst(2027, 1, 2, 12, 0))
    for t in (jst(2027, 1, 2, 12, 0), FIRST_MORNING, jst(2027, 1, 4, 10, 0)):
        restarted.clock.t = t
        assert restarted.sweep(t).sent["draft.unpublished"] == 0
    assert [r.id for r in asked(world)] == [dm.id]
    assert dm.id in due_ids(world, jst(2027, 1, 4, 10, 0))
    assert world.draft(draft_id).state == "approved"


def test_a_post_scheduled_at_night_is_asked_about_the_next_morning(world: World) -> None:
    approved(world, jst(2026, 11, 24, 20, 0))  # Tuesday evening, after 17:15
    world.clock.t = jst(2026, 11, 24, 20, 0)
    assert world.sweep(world.clock.t).sent["draft.unpublished"] == 1
    [dm] = asked(world)
    assert as_utc(dm.next_attempt_at) == jst(2026, 11, 25, 8, 30).astimezone(UTC)
    assert "2026年11月24日（火）20:00 に投稿予定だった" in dm.payload["text"]


def test_a_post_scheduled_on_a_weekend_or_a_holiday_is_asked_about_on_the_next_business_day(world: World) -> None:
    approved(world, jst(2026, 11, 28, 10, 0))  # Saturday
    approved(world, jst(2027, 2, 11, 9, 0))  # 建国記念の日 (Thursday)
    world.clock.t = jst(2026, 11, 28, 10, 0)
    assert world.sweep(world.clock.t).sent["draft.unpublished"] == 1
    world.clock.t = jst(2027, 2, 11, 9, 0)
    assert world.sweep(world.clock.t).sent["draft.unpublished"] == 1
    saturday, holiday = asked(world)
    assert as_utc(saturday.next_attempt_at) == jst(2026, 11, 30, 8, 30).astimezone(UTC)  # Monday
    assert as_utc(holiday.next_attempt_at) == jst(2027, 2, 12, 8, 30).astimezone(UTC)  # Friday


def test_published_before_the_morning_nothing_is_sent(world: World) -> None:
    draft_id = approved(world, NEW_YEAR, at=jst(2026, 12, 28, 10, 0))
    world.clock.t = NEW_YEAR
    world.sweep(NEW_YEAR)
    [dm] = asked(world)
    # The greeting went out by itself; on 1/2 the author registers its URL from home.
    world.clock.t = jst(2027, 1, 2, 9, 0)
    assert world.kessai.publish(draft_id, 1, "U0OPERATOR", url="https://x.com/joetsu_city_example/status/2027",
                                at=NEW_YEAR).kind == "published"
    assert asked(world) == []
    assert dm.id not in due_ids(world, FIRST_MORNING)
    world.clock.t = FIRST_MORNING
    assert world.sweep(FIRST_MORNING).sent["draft.unpublished"] == 0
    assert asked(world) == []


def test_voided_before_the_morning_nothing_is_sent(world: World) -> None:
    draft_id = approved(world, NEW_YEAR, at=jst(2026, 12, 28, 10, 0))
    world.clock.t = NEW_YEAR
    world.sweep(NEW_YEAR)
    assert len(asked(world)) == 1
    # On 1/2 the author corrects the text: the approval of version 1 is void, nothing is left to post.
    world.clock.t = jst(2027, 1, 2, 9, 0)
    form = DraftForm(account_id="joetsu-x", text=f"{CLEAN_TEXT}（訂正）", scheduled_at=jst(2027, 1, 5, 9, 0),
                     category="normal", image_count=0, alt_texts=(), portrait_consent=False, note=None)
    world.kessai.revise(draft_id, 1, "U0OPERATOR", form)
    assert world.draft(draft_id).current_version == 2
    assert asked(world) == []
    world.clock.t = FIRST_MORNING
    assert world.sweep(FIRST_MORNING).sent["draft.unpublished"] == 0


def test_an_urgent_post_at_night_is_asked_about_on_time(world: World) -> None:
    """緊急・災害 (決裁省略) is urgent by nature: its author hears at the scheduled time."""
    world.clock.t = jst(2026, 11, 24, 22, 0)
    form = DraftForm(account_id="joetsu-x", text="大雨のため、市内の一部地域に避難指示を発令しました。",
                     scheduled_at=jst(2026, 11, 24, 22, 30), category="emergency", image_count=0, alt_texts=(),
                     portrait_consent=False, note=None)
    assert world.kessai.submit_form(form, "U0OPERATOR").kind == "exempt"
    world.clock.t = jst(2026, 11, 24, 22, 30)
    assert world.sweep(world.clock.t).sent["draft.unpublished"] == 1
    [dm] = asked(world)
    assert as_utc(dm.next_attempt_at) == world.clock.t.astimezone(UTC)
    assert dm.id in due_ids(world, world.clock.t)
    assert "投稿予定時刻になりました" in dm.payload["text"]


def test_in_business_hours_the_author_is_asked_at_the_scheduled_time(world: World) -> None:
    approved(world, jst(2026, 11, 27, 10, 0))  # Friday
    assert world.sweep(jst(2026, 11, 27, 9, 59)).sent["draft.unpublished"] == 0
    world.clock.t = jst(2026, 11, 27, 10, 0)
    assert world.sweep(world.clock.t).sent["draft.unpublished"] == 1
    [dm] = asked(world)
    assert as_utc(dm.next_attempt_at) == world.clock.t.astimezone(UTC)
    assert "投稿予定時刻になりました" in dm.payload["text"]


def test_a_post_at_the_last_minute_of_the_hours_is_asked_about_on_time(world: World) -> None:
    """schedule.outside_hours lets a post at 17:15 of 「08:30-17:15」 pass as made at work; its
    reminder must not then be held for the morning as an after-hours one."""
    approved(world, jst(2026, 11, 27, 17, 15))  # Friday
    world.clock.t = jst(2026, 11, 27, 17, 15, 20)
    assert world.sweep(world.clock.t).sent["draft.unpublished"] == 1
    [dm] = asked(world)
    assert as_utc(dm.next_attempt_at) == world.clock.t.astimezone(UTC)
    assert "投稿予定時刻になりました" in dm.payload["text"]


def test_a_post_a_minute_after_the_hours_is_asked_about_the_next_business_morning(world: World) -> None:
    approved(world, jst(2026, 11, 27, 17, 16))  # Friday
    world.clock.t = jst(2026, 11, 27, 17, 16)
    assert world.sweep(world.clock.t).sent["draft.unpublished"] == 1
    [dm] = asked(world)
    assert as_utc(dm.next_attempt_at) == jst(2026, 11, 30, 8, 30).astimezone(UTC)
    assert "未投稿の下書きの確認" in dm.payload["text"]


def test_a_morning_reminder_missed_while_kessai_was_down_is_worded_for_the_morning(world: World) -> None:
    """Scheduled for Saturday, kessai down until Monday 10:00: sent then (in business hours), once."""
    approved(world, jst(2026, 11, 28, 10, 0))
    world.clock.t = jst(2026, 11, 30, 10, 0)
    assert world.sweep(world.clock.t).sent["draft.unpublished"] == 1
    [dm] = asked(world)
    assert as_utc(dm.next_attempt_at) == world.clock.t.astimezone(UTC)
    assert "2026年11月28日（土）10:00 に投稿予定だった" in dm.payload["text"]



def test_an_afternoon_reminder_missed_while_kessai_was_down_waits_for_the_next_morning(world: World) -> None:
    """Scheduled for Friday 16:00, kessai down until 19:00: not sent at night, as other reminders
    missed while kessai was down are not (docs/reminders.md), but on Monday morning, worded for it."""
    approved(world, jst(2026, 11, 27, 16, 0))
    world.clock.t = jst(2026, 11, 27, 19, 0)
    assert world.sweep(world.clock.t).sent["draft.unpublished"] == 1
    [dm] = asked(world)
    assert as_utc(dm.next_attempt_at) == jst(2026, 11, 30, 8, 30).astimezone(UTC)
    assert "2026年11月27日（金）16:00 に投稿予定だった" in dm.payload["text"]
    assert "投稿予定時刻になりました" not in dm.payload["text"]


def test_a_post_scheduled_on_the_organisations_closed_day_waits_for_the_next_business_day(
        world: World, db: Database, org: OrgConfig) -> None:
    """[policy] closed_days: Friday 11/27 is the office's 閉庁日 this year."""
    closed = replace(org, policy=replace(org.policy, closed_days=(date(2026, 11, 27),)))
    clock = Clock(jst(2026, 11, 24, 10, 0))
    w = World(db=db, org=closed, clock=clock, kessai=(k := Kessai(db, closed, clock=clock)), sweeper=Sweeper(k),
              incidents=world.incidents)
    approved(w, jst(2026, 11, 27, 10, 0))
    clock.t = jst(2026, 11, 27, 10, 0)
    assert w.sweep(clock.t).sent["draft.unpublished"] == 1
    [dm] = asked(w)
    assert as_utc(dm.next_attempt_at) == jst(2026, 11, 30, 8, 30).astimezone(UTC)


def test_a_version_moved_earlier_is_asked_about_after_kessai_was_down_past_both_times(world: World) -> None:
    """Version 1 for Friday 10:30, corrected to version 2 for 10:00 and approved; kessai was down
    from 09:55 to 10:45. Both versions' times are in the window the sweep reads: the current one
    must be found, not hidden behind the superseded one."""
    draft_id = approved(world, jst(2026, 11, 27, 10, 30))
    world.clock.t = jst(2026, 11, 25, 10, 0)
    form = DraftForm(account_id="joetsu-x", text=f"{CLEAN_TEXT}（訂正）", scheduled_at=jst(2026, 11, 27, 10, 0),
                     category="normal", image_count=0, alt_texts=(), portrait_consent=False, note=None)
    world.kessai.revise(draft_id, 1, "U0OPERATOR", form)
    world.clock.t = jst(2026, 11, 25, 11, 0)
    assert world.kessai.decide(draft_id, 2, "U0CHIEF", approve=True).kind == "approved"
    assert world.sweep(jst(2026, 11, 27, 9, 55)).sent["draft.unpublished"] == 0
    world.clock.t = jst(2026, 11, 27, 10, 45)
    assert world.sweep(world.clock.t).sent["draft.unpublished"] == 1
    [dm] = asked(world)
    assert "（第2版）" in dm.payload["text"] and "2026年11月27日（金）10:00" in dm.payload["text"]


def test_a_sweep_ahead_of_the_clock_does_not_ask_early_and_lose_the_asking_on_time(world: World) -> None:
    """``kessai remind --now`` tomorrow (trying tomorrow's reminders) sent 「投稿予定時刻になりました」
    for a post due tomorrow, today; its key was then taken, and at the time itself nobody was asked."""
    due = jst(2026, 11, 25, 10, 0)
    approved(world, due)
    world.clock.t = jst(2026, 11, 24, 12, 0)
    ahead = Sweeper(world.kessai, settle_until=world.clock.t).sweep(jst(2026, 11, 25, 11, 0))
    assert ahead.sent["draft.unpublished"] == 0 and asked(world) == []
    world.clock.t = due
    assert world.sweep(due).sent["draft.unpublished"] == 1
    [dm] = asked(world)
    assert "投稿予定時刻になりました" in dm.payload["text"]
