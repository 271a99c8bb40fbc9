"""Pending approvals: reminders in business time, 代決 escalation, expiry, unpublished drafts."""

from __future__ import annotations

import logging
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from bot.sweep import Sweeper
from storage import ledger as ledger_repo
from storage.db import as_utc
from storage.models import ApprovalRequestRow, OutboxRow
from tests.time.conftest import CLEAN_TEXT, World, jst, shown


def reminders_to(w: World, user: str) -> list[str]:
    return [shown(p) for p in w.posts(to=user, contains="決裁のお願い")]


def test_approvers_are_reminded_exactly_after_two_business_hours(world: World) -> None:
    world.kessai.workspace_url = "https://kessai-sandbox.slack.com/"  # as auth.test tells serve
    world.pending_draft(jst(2026, 11, 24, 10, 0))  # Tuesday
    assert world.sweep(jst(2026, 11, 24, 11, 59, 59)).sent["approval.remind"] == 0
    assert reminders_to(world, "U0MANAGER") == []
    assert world.sweep(jst(2026, 11, 24, 12, 0)).sent["approval.remind"] == 1
    for approver in ("U0MANAGER", "U0CHIEF"):
        [text] = reminders_to(world, approver)
        assert "上越市公式X" in text and "高田 太郎" in text
        assert "「承認」または「差戻し」" in text
        assert "2026年11月25日（水）10:00 までに決裁がない場合は、代決者にも" in text
        # The link opens the draft's message (its thread), as Slack's own permalinks do.
        assert "<https://kessai-sandbox.slack.com/archives/C0INTAKE/p1700000000000001|" in text
    assert reminders_to(world, "U0OPERATOR") == []  # the author is not an approver of their own draft


def test_without_the_workspace_url_the_reminder_links_the_channel() -> None:
    from bot.sweep import draft_link

    assert draft_link("C0INTAKE", "1700000000.000001") == "<#C0INTAKE>"
    assert draft_link("C0INTAKE", None, workspace_url="https://x.slack.com/") == "<#C0INTAKE>"
    assert draft_link("C0INTAKE", "1700000000.000001", "スレッド", workspace_url="https://x.slack.com") == (
        "<https://x.slack.com/archives/C0INTAKE/p1700000000000001|スレッド>")


def test_the_same_sweep_twice_sends_one_reminder(world: World) -> None:
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    first = world.sweep(jst(2026, 11, 24, 12, 5))
    again = world.sweep(jst(2026, 11, 24, 12, 5))
    later = world.sweep(jst(2026, 11, 24, 16, 0))
    assert (first.sent["approval.remind"], again.sent["approval.remind"], later.sent["approval.remind"]) == (1, 0, 0)
    assert len(reminders_to(world, "U0MANAGER")) == 1


def test_after_a_catch_up_a_clock_set_back_sends_no_second_reminder(world: World) -> None:
    """kessai was down Tuesday to Friday; the catch-up at Fri 12:00 sends one reminder (for the
    fourth business day). The clock then steps back an hour (NTP corrects a fast clock, or someone
    replays `kessai remind --now` for 11:00): the reminders of the days already gone by were never
    sent, but they are over — sending the third day's now would be a second reminder within the hour."""
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    assert world.sweep(jst(2026, 11, 27, 12, 0)).sent["approval.remind"] == 1
    for back in (jst(2026, 11, 27, 11, 0), jst(2026, 11, 26, 12, 0), jst(2026, 11, 24, 12, 0)):
        assert world.sweep(back).sent["approval.remind"] == 0, back
    assert world.sweep(jst(2026, 11, 27, 12, 0)).sent["approval.remind"] == 0
    assert len(reminders_to(world, "U0MANAGER")) == 1
    # The next business day's reminder still comes, as the second this approver receives.
    assert world.sweep(jst(2026, 11, 30, 12, 0)).sent["approval.remind"] == 1
    assert "（2回目）" in reminders_to(world, "U0MANAGER")[-1]


def test_reminded_again_once_per_business_day(world: World) -> None:
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.sweep(jst(2026, 11, 24, 12, 0))
    assert world.sweep(jst(2026, 11, 25, 11, 59)).sent["approval.remind"] == 0
    assert world.sweep(jst(2026, 11, 25, 12, 0)).sent["approval.remind"] == 1
    texts = reminders_to(world, "U0MANAGER")
    assert len(texts) == 2 and "（2回目）" in texts[1]


def test_weekend_and_evening_do_not_count(world: World) -> None:
    world.pending_draft(jst(2026, 11, 27, 16, 30))  # Friday, 45 minutes before closing
    for quiet in (jst(2026, 11, 27, 23, 0), jst(2026, 11, 28, 12, 0), jst(2026, 11, 29, 18, 0),
                  jst(2026, 11, 30, 9, 44, 59)):
        assert world.sweep(quiet).sent["approval.remind"] == 0, quiet
    assert world.sweep(jst(2026, 11, 30, 9, 45)).sent["approval.remind"] == 1  # Monday: 45m + 1h15m


def test_year_end_closure_and_holidays_do_not_count(world: World) -> None:
    world.pending_draft(jst(2026, 12, 28, 16, 0))  # Monday; 12/29–1/3 closed, 1/4 is the first business day
    for quiet in (jst(2026, 12, 29, 10, 0), jst(2026, 12, 31, 12, 0), jst(2027, 1, 1, 12, 0),
                  jst(2027, 1, 4, 9, 14)):
        assert world.sweep(quiet).sent["approval.remind"] == 0, quiet
    assert world.sweep(jst(2027, 1, 4, 9, 15)).sent["approval.remind"] == 1


def test_a_request_at_1759_on_the_friday_before_a_three_day_weekend(world: World) -> None:
    """Sent after closing on Friday 2027-01-08; Monday 1/11 is 成人の日. Business time starts on
    Tuesday 08:30: reminded at 10:30, handed to the deputies at the first business instant after a
    full working day (Tuesday 17:15 is closing, so Wednesday 08:30)."""
    world.pending_draft(jst(2027, 1, 8, 17, 59))
    for quiet in (jst(2027, 1, 8, 18, 0), jst(2027, 1, 9, 10, 0), jst(2027, 1, 11, 10, 0), jst(2027, 1, 12, 10, 29)):
        report = world.sweep(quiet)
        assert (report.sent["approval.remind"], report.sent["approval.escalate"]) == (0, 0), quiet
    assert world.sweep(jst(2027, 1, 12, 10, 30)).sent["approval.remind"] == 1
    [text] = reminders_to(world, "U0MANAGER")
    assert "2027年1月8日（金）17:59 から決裁待ち" in text and "2027年1月12日（火）17:15 までに決裁がない場合" in text
    assert world.sweep(jst(2027, 1, 12, 17, 14)).sent["approval.escalate"] == 0
    assert world.sweep(jst(2027, 1, 13, 8, 30)).sent["approval.escalate"] == 1


def test_a_closed_day_does_not_count_as_business_time(world_factory, org) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from bot.services import Kessai
    from storage import roster

    w = world_factory(jst(2027, 6, 22, 16, 0))
    closed = replace(org, policy=replace(org.policy, closed_days=((6, 23),)))  # 創立記念日, a Wednesday
    with w.db.session() as s:
        roster.sync(s, closed)
    w.kessai = Kessai(w.db, closed, clock=w.clock)
    w.sweeper = Sweeper(w.kessai)
    w.pending_draft(jst(2027, 6, 22, 16, 0))  # 1h15m left on Tuesday
    assert w.sweep(jst(2027, 6, 23, 10, 0)).sent["approval.remind"] == 0
    assert w.sweep(jst(2027, 6, 24, 9, 14)).sent["approval.remind"] == 0
    assert w.sweep(jst(2027, 6, 24, 9, 15)).sent["approval.remind"] == 1
    # One working day (8h45m): 1h15m on Tuesday, then Thursday 08:30–16:00.
    assert w.sweep(jst(2027, 6, 24, 15, 59)).sent["approval.escalate"] == 0
    assert w.sweep(jst(2027, 6, 24, 16, 0)).sent["approval.escalate"] == 1


def test_escalates_to_deputies_after_one_business_day_once(world: World) -> None:
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    assert world.sweep(jst(2026, 11, 25, 9, 59)).sent["approval.escalate"] == 0
    assert world.posts(to="U0DEPUTY") == []
    report = world.sweep(jst(2026, 11, 25, 10, 0))
    assert report.sent["approval.escalate"] == 1
    assert world.sweep(jst(2026, 11, 25, 10, 0)).sent["approval.escalate"] == 0
    with world.db.session() as s:
        rows = list(s.exec(select(ApprovalRequestRow).where(ApprovalRequestRow.draft_id == draft_id,
                                                             ApprovalRequestRow.recipient_id == "U0DEPUTY")))
    assert [(r.reason, r.acting_for_id) for r in rows] == [("escalated", "U0MANAGER")]
    assert len([p for p in world.posts(to="U0DEPUTY") if "決裁のお願い" not in shown(p)]) == 1
    # A deputy asked in this sweep is not "reminded" at once, only once they too have waited.
    assert reminders_to(world, "U0DEPUTY") == []
    world.sweep(jst(2026, 11, 25, 11, 59))
    assert reminders_to(world, "U0DEPUTY") == []
    world.sweep(jst(2026, 11, 25, 12, 0))
    assert len(reminders_to(world, "U0DEPUTY")) == 1
    assert world.sweep(jst(2026, 11, 26, 10, 0)).sent["approval.escalate"] == 0


def test_decided_drafts_are_not_reminded(world: World) -> None:
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.clock.t = jst(2026, 11, 24, 11, 0)
    world.kessai.decide(draft_id, 1, "U0MANAGER", approve=True)
    report = world.sweep(jst(2026, 11, 26, 12, 0))
    assert report.sent["approval.remind"] == 0 and report.sent["approval.escalate"] == 0


def test_pending_draft_expires_at_its_scheduled_time_visibly(world: World) -> None:
    draft_id = world.scheduled_draft(jst(2026, 11, 24, 10, 0), scheduled=jst(2026, 11, 24, 15, 0))
    assert world.sweep(jst(2026, 11, 24, 14, 59, 59)).sent["draft.expire"] == 0
    assert world.draft(draft_id).state == "pending"
    assert world.sweep(jst(2026, 11, 24, 15, 0)).sent["draft.expire"] == 1
    assert world.draft(draft_id).state == "expired"
    assert world.sweep(jst(2026, 11, 24, 15, 1)).sent["draft.expire"] == 0
    assert any("期限切れ" in shown(p) for p in world.posts(to="C0INTAKE") + world.posts(to="U0OPERATOR"))
    # An expired draft is no longer reminded about.
    assert world.sweep(jst(2026, 11, 25, 12, 0)).sent["approval.remind"] == 0


def test_a_sweep_ahead_of_the_clock_expires_only_what_is_due_by_the_clock(world: World) -> None:
    """`kessai remind --now` a few days ahead (to try the reminders) must not expire a draft its
    approver can still decide today: the expiry is a ledger entry that cannot be taken back."""
    draft_id = world.scheduled_draft(jst(2026, 11, 24, 10, 0), scheduled=jst(2026, 11, 27, 9, 0))
    real_now = jst(2026, 11, 24, 11, 0)
    ahead = Sweeper(world.kessai, settle_until=real_now)
    assert ahead.sweep(jst(2026, 11, 28, 10, 0)).sent["draft.expire"] == 0
    assert world.draft(draft_id).state == "pending"
    with world.db.session() as s:
        assert list(ledger_repo.iter_entries(s)) == []
    # When the clock has passed the scheduled time, it expires as usual, recorded at that time.
    assert Sweeper(world.kessai, settle_until=jst(2026, 11, 27, 9, 30)).sweep(
        jst(2026, 11, 28, 10, 0)).sent["draft.expire"] == 1
    with world.db.session() as s:
        [entry] = list(ledger_repo.iter_entries(s))
    assert entry.kind == "expired" and entry.decided_at.startswith("2026-11-27T09:30")


def test_reminder_mentions_the_scheduled_time(world: World) -> None:
    world.scheduled_draft(jst(2026, 11, 24, 10, 0), scheduled=jst(2026, 11, 27, 9, 0))
    world.sweep(jst(2026, 11, 24, 12, 0))
    [text] = reminders_to(world, "U0MANAGER")
    assert "投稿予定は 2026年11月27日（金）09:00 です" in text


def test_approved_but_unpublished_draft_reminds_its_author_at_the_scheduled_time(world: World) -> None:
    draft_id = world.scheduled_draft(jst(2026, 11, 24, 10, 0), scheduled=jst(2026, 11, 27, 10, 0))  # Friday
    world.clock.t = jst(2026, 11, 24, 11, 0)
    world.kessai.decide(draft_id, 1, "U0CHIEF", approve=True)
    assert world.sweep(jst(2026, 11, 27, 9, 59)).sent["draft.unpublished"] == 0
    # Posting times in business hours are wall-clock (outside them, see tests/time/test_unpublished.py).
    assert world.sweep(jst(2026, 11, 27, 10, 0)).sent["draft.unpublished"] == 1
    assert world.sweep(jst(2026, 11, 27, 10, 30)).sent["draft.unpublished"] == 0
    [text] = world.posts(to="U0OPERATOR", contains="投稿予定時刻になりました")
    assert "「投稿済みにする」" in shown(text) and "2026年11月27日（金）10:00" in shown(text)


def test_published_draft_is_not_reminded(world: World) -> None:
    draft_id = world.scheduled_draft(jst(2026, 11, 24, 10, 0), scheduled=jst(2026, 11, 24, 16, 0))
    world.clock.t = jst(2026, 11, 24, 11, 0)
    world.kessai.decide(draft_id, 1, "U0CHIEF", approve=True)
    world.clock.t = jst(2026, 11, 24, 15, 55)
    world.kessai.publish(draft_id, 1, "U0OPERATOR", url="https://x.com/joetsu_city_example/status/1",
                         at=jst(2026, 11, 24, 15, 50))
    assert world.sweep(jst(2026, 11, 24, 16, 30)).sent["draft.unpublished"] == 0


def test_no_sweep_scans_drafts_that_cannot_be_due(world: World) -> None:
    # A draft pending for 1h59m of business time is not even a candidate of the indexed query.
    from bot.sweep import business_instant_before
    from storage import reminders

    world.pending_draft(jst(2026, 11, 24, 10, 1))
    cutoff = business_instant_before(world.sweeper.cal, jst(2026, 11, 24, 12, 0), timedelta(hours=2))
    with world.db.session() as s:
        assert reminders.pending_waits_before(s, cutoff) == []


def test_a_reminder_missed_over_the_weekend_waits_for_monday_morning(world: World) -> None:
    world.pending_draft(jst(2026, 11, 20, 9, 0))  # Friday; kessai then stopped until Saturday night
    assert world.sweep(jst(2026, 11, 21, 21, 0)).sent["approval.remind"] == 0
    assert world.sweep(jst(2026, 11, 24, 8, 29)).sent["approval.remind"] == 0  # Monday 23rd is a holiday
    assert world.sweep(jst(2026, 11, 24, 8, 30)).sent["approval.remind"] >= 1


def test_drafts_of_an_account_removed_from_the_file_are_left_alone(world: World,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    import dataclasses

    from bot.services import Kessai
    from bot.sweep import Sweeper

    world.pending_draft(jst(2026, 11, 24, 9, 0))
    world.scheduled_draft(jst(2026, 11, 24, 9, 5), scheduled=jst(2026, 11, 24, 11, 0))
    org = dataclasses.replace(world.org, accounts=tuple(a for a in world.org.accounts if a.id != "joetsu-x"))
    sweeper = Sweeper(Kessai(world.db, org, clock=world.clock))
    with caplog.at_level(logging.WARNING):
        report = sweeper.sweep(jst(2026, 11, 25, 16, 0))  # reminder, escalation and expiry all due
    assert not any(report.sent[k] for k in ("approval.remind", "approval.escalate", "draft.expire"))
    assert report.failed == 0 and not [r for r in caplog.records if r.levelno >= logging.WARNING]


def test_a_deputy_whose_request_was_taken_back_is_not_reminded(world: World) -> None:
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24, 0, 0).date(), jst(2026, 11, 24, 0, 0).date())
    world.pending_draft(jst(2026, 11, 24, 9, 0))
    world.clock.t = jst(2026, 11, 24, 9, 30)
    assert "あなたにお送りしました" in world.kessai.clear_away("U0MANAGER")
    world.sweep(jst(2026, 11, 24, 13, 0))  # a reminder is due
    assert world.posts(to="U0MANAGER", contains="決裁のお願い")
    assert not world.posts(to="U0DEPUTY", contains="決裁のお願い")


def test_reminders_are_counted_per_person_asked(world: World) -> None:
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.sweep(jst(2026, 11, 24, 12, 0))  # the approvers' first reminder
    world.sweep(jst(2026, 11, 25, 10, 0))  # escalated: the deputy is asked
    world.sweep(jst(2026, 11, 25, 12, 0))  # the approvers' second reminder, the deputy's first
    [deputy_first] = reminders_to(world, "U0DEPUTY")
    assert "回目" not in deputy_first
    assert "（2回目）" in reminders_to(world, "U0MANAGER")[1]
    world.sweep(jst(2026, 11, 26, 12, 0))
    assert "（2回目）" in reminders_to(world, "U0DEPUTY")[1]
    assert "（3回目）" in reminders_to(world, "U0MANAGER")[2]


def test_an_approver_not_reminded_while_away_is_not_told_a_count_they_never_received(world: World) -> None:
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.sweep(jst(2026, 11, 24, 12, 0))  # first reminder to both approvers
    world.clock.t = jst(2026, 11, 24, 17, 0)
    world.kessai.set_away("U0CHIEF", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    world.sweep(jst(2026, 11, 25, 12, 0))  # U0CHIEF is away: not reminded
    world.sweep(jst(2026, 11, 26, 12, 0))
    chief = reminders_to(world, "U0CHIEF")
    assert len(chief) == 2 and "（2回目）" in chief[1]
    assert "（3回目）" in reminders_to(world, "U0MANAGER")[2]


def escalation_notices(w: World) -> list[str]:
    return [shown(p) for p in w.posts(to="C0INTAKE", contains="決裁待ちのまま")]


def test_escalation_of_a_draft_a_deputy_already_has_says_who_was_asked(world: World) -> None:
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 27).date())
    world.pending_draft(jst(2026, 11, 24, 10, 0))  # to U0CHIEF, and to U0DEPUTY for the absent U0MANAGER
    world.sweep(jst(2026, 11, 25, 10, 0))
    [notice] = escalation_notices(world)
    assert "代決者が登録されていません" not in notice
    assert "業務時間で1日" in notice
    assert "直江 兼続 さん（上越 花子 さんの代決）にはすでに" in notice
    # Those who hold the request are asked to decide; the absent approver is not.
    assert "春日山 一郎 さん、直江 兼続 さん、決裁をお願いします" in notice and "上越 花子 さん、" not in notice


def test_escalation_when_the_deputy_is_away_says_so(world: World) -> None:
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0DEPUTY", jst(2026, 11, 24).date(), jst(2026, 11, 27).date())
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.sweep(jst(2026, 11, 25, 10, 0))
    [notice] = escalation_notices(world)
    assert "代決者が登録されていません" not in notice
    assert "代決者の 直江 兼続 さんは不在のため" in notice
    assert "上越 花子 さん、春日山 一郎 さん、決裁をお願いします" in notice


def test_escalation_without_any_deputy_says_none_is_registered(world: World) -> None:
    import dataclasses

    from bot.services import Kessai
    from bot.sweep import Sweeper

    org = dataclasses.replace(world.org, accounts=tuple(
        dataclasses.replace(a, deputies=()) for a in world.org.accounts))
    world.kessai = Kessai(world.db, org, clock=world.clock)
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    Sweeper(world.kessai).sweep(jst(2026, 11, 25, 10, 0))
    [notice] = escalation_notices(world)
    assert "業務時間で1日が過ぎました" in notice and "代決者が登録されていません" in notice
    assert "上越 花子 さん、春日山 一郎 さん、決裁をお願いします" in notice


def test_escalation_reaches_a_deputy_whose_earlier_request_was_taken_back(world: World) -> None:
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.clock.t = jst(2026, 11, 24, 11, 0)
    world.kessai.clear_away("U0MANAGER")  # back: the deputy's request is withdrawn
    dms_before = len(world.posts(to="U0DEPUTY", contains="代決"))
    # A business day after the manager was asked on their return (not after the draft was routed).
    assert world.sweep(jst(2026, 11, 25, 10, 0)).sent["approval.escalate"] == 0
    assert world.sweep(jst(2026, 11, 25, 11, 0)).sent["approval.escalate"] == 1
    with world.db.session() as s:
        [row] = list(s.exec(select(ApprovalRequestRow).where(ApprovalRequestRow.draft_id == draft_id,
                                                              ApprovalRequestRow.recipient_id == "U0DEPUTY")))
    assert (row.reason, row.acting_for_id) == ("escalated", "U0MANAGER")
    assert len(world.posts(to="U0DEPUTY", contains="代決")) > dms_before
    assert not escalation_notices(world)  # the deputy was asked: the usual notice, not a warning
    world.clock.t = jst(2026, 11, 25, 11, 5)
    assert world.kessai.decide(draft_id, 1, "U0DEPUTY", approve=True).kind == "approved"


def requests_of(w: World, draft_id: int, recipient: str) -> list[tuple[str, str | None]]:
    """(reason, acting_for_id) of each approval request of the draft sent to ``recipient``."""
    with w.db.session() as s:
        return [(r.reason, r.acting_for_id) for r in s.exec(select(ApprovalRequestRow).where(
            ApprovalRequestRow.draft_id == draft_id, ApprovalRequestRow.recipient_id == recipient))]


def deputy_requests(w: World, draft_id: int) -> list[tuple[str, str | None]]:
    return requests_of(w, draft_id, "U0DEPUTY")


def last_decider(w: World, draft_id: int) -> tuple[str | None, str | None]:
    """(decider_id, acting_for_id) of the draft's last ledger entry."""
    with w.db.session() as s:
        entry = ledger_repo.entries_for_draft(s, draft_id)[-1]
    return entry.decider_id, entry.acting_for_id


def deputy_dm_edits(w: World, draft_id: int) -> list[str]:
    with w.db.session() as s:
        from storage.models import OutboxRow

        return [str(r.payload) for r in s.exec(select(OutboxRow).where(
            OutboxRow.op == "update", OutboxRow.message_key == f"dm:{draft_id}:v1:U0DEPUTY"))]


def test_an_ended_absence_leaves_the_request_with_the_deputy_until_the_approvers_first_business_instant(
        world: World) -> None:
    """SPEC 4.3 / 事務決裁規程: 代決 only while the approver is absent. The absence runs out at
    midnight; the deputy keeps the request (and may decide, for the approver) until 08:30, the
    approver's first business instant, when the approver is asked and the deputy's request is
    withdrawn in one transaction. Withdrawn at midnight, the draft had nobody until the morning;
    kept until decided, the deputy decided 代決 at 09:00 for an approver at their desk. Before
    08:30 the deputy decides only if no approver who is not away holds the request: the chief does."""
    from bot import errors

    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    early = world.pending_draft(jst(2026, 11, 24, 10, 0))
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 5))
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]
    assert world.sweep(jst(2026, 11, 24, 23, 59)).sent["approval.back"] == 0  # still away
    # Midnight: the absence is over, nobody typed `/kessai away off`; the approver is not at work.
    assert world.sweep(jst(2026, 11, 25, 0, 0)).sent["approval.back"] == 0
    assert world.sweep(jst(2026, 11, 25, 8, 29)).sent["approval.back"] == 0
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]
    assert not world.posts(to="U0MANAGER") and deputy_dm_edits(world, draft_id) == []
    # The deputy, early at work, does not decide for an approver whose absence is over while the
    # chief, not away, holds the request (the deputy keeps it for a draft nobody else holds).
    world.clock.t = jst(2026, 11, 25, 7, 0)
    with pytest.raises(errors.NotAnApprover, match="不在期間は終わっています"):
        world.kessai.decide(early, 1, "U0DEPUTY", approve=True)
    assert world.kessai.decide(early, 1, "U0CHIEF", approve=True).kind == "approved"
    # 08:30: the approver is back at work, asked; the deputy's request is withdrawn.
    assert world.sweep(jst(2026, 11, 25, 8, 30)).sent["approval.back"] == 1
    assert deputy_requests(world, draft_id) == [("withdrawn", "U0MANAGER")]
    assert len(approval_dms(world, "U0MANAGER")) == 1
    [edit] = deputy_dm_edits(world, draft_id)
    assert "戻られたため" in edit and "ご本人が決裁します" in edit
    world.clock.t = jst(2026, 11, 25, 9, 0)
    with pytest.raises(errors.NotAnApprover, match="戻られたため"):
        world.kessai.decide(draft_id, 1, "U0DEPUTY", approve=True)
    # Once: later sweeps find nothing more to take back, and the manager is not asked twice.
    assert world.sweep(jst(2026, 11, 25, 8, 31)).sent["approval.back"] == 0
    assert len(approval_dms(world, "U0MANAGER")) == 1
    assert world.kessai.decide(draft_id, 1, "U0MANAGER", approve=True).kind == "approved"


def test_a_deputy_decides_a_post_due_before_the_approver_is_back_at_work_though_another_approver_holds_it(
        world: World) -> None:
    """An absence to Friday runs out at Saturday 00:00; the manager is back at work on Monday 08:30.
    A draft routed on Friday at 16:50 for a Saturday 14:00 event is held by the chief too (not away:
    nobody registers a weekend), and the deputy on duty on Saturday was refused 代決 for it
    (「不在期間は終わっています」): the draft expired at 14:00 unless the chief happened to open Slack
    on a Saturday, with nothing reminding them. Refusing only moves the decision to whoever is at
    work first when the post can wait for that."""
    from bot import errors
    from storage.models import LedgerEntryRow

    world.clock.t = jst(2026, 11, 27, 8, 45)  # Friday
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 27).date(), jst(2026, 11, 27).date())
    saturday = world.scheduled_draft(jst(2026, 11, 27, 16, 50), jst(2026, 11, 28, 14, 0))
    monday = world.scheduled_draft(jst(2026, 11, 27, 16, 55), jst(2026, 11, 30, 14, 0))
    world.sweep(jst(2026, 11, 28, 0, 0))
    world.clock.t = jst(2026, 11, 28, 10, 0)
    assert world.kessai.decide(saturday, 1, "U0DEPUTY", approve=True).kind == "approved"
    with world.db.session() as s:
        [entry] = [e for e in s.exec(select(LedgerEntryRow)) if e.draft_id == saturday and e.kind == "approved"]
    assert (entry.decider_id, entry.acting_for_id) == ("U0DEPUTY", "U0MANAGER")
    # A post that can wait for Monday morning is still the chief's or the manager's to decide.
    with pytest.raises(errors.NotAnApprover, match="不在期間は終わっています"):
        world.kessai.decide(monday, 1, "U0DEPUTY", approve=True)


def test_a_deputy_refused_after_the_absence_ran_out_is_told_who_decides_and_what_becomes_of_the_request(
        world: World) -> None:
    """「この下書きは不在でない決裁者に決裁を依頼しているため…次の業務開始時に取り消されます」 left
    the deputy to guess whom to ask and when, and was wrong for a draft that has waited long enough
    by then to stay with the deputy (``take_back`` keeps it: its post is due soon)."""
    from bot import errors

    world.clock.t = jst(2026, 11, 27, 8, 45)  # Friday, away for the day
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 27).date(), jst(2026, 11, 27).date())
    fresh = world.pending_draft(jst(2026, 11, 27, 16, 0))
    # Due at 09:30 on Monday: at 08:30 the post is an hour away, and the deputy is asked anyway.
    due_monday = world.scheduled_draft(jst(2026, 11, 27, 16, 5), jst(2026, 11, 30, 9, 30))
    world.sweep(jst(2026, 11, 28, 0, 0))
    world.clock.t = jst(2026, 11, 28, 10, 0)  # Saturday
    with pytest.raises(errors.NotAnApprover) as refused:
        world.kessai.decide(fresh, 1, "U0DEPUTY", approve=True)
    said = refused.value.message_ja
    assert "不在期間は終わっています" in said and "代決はできません" in said
    assert "不在ではない 春日山 一郎 さんが決裁できる" in said, said
    assert "2026年11月30日（月）08:30（上越 花子 さんの始業時刻）に取り消されます" in said, said
    with pytest.raises(errors.NotAnApprover) as refused:
        world.kessai.decide(due_monday, 1, "U0DEPUTY", approve=True)
    assert "取り消されます" not in refused.value.message_ja
    assert "までに決裁されない場合は" in refused.value.message_ja, refused.value.message_ja
    # Monday 08:30: as said, one withdrawn, the other kept for the deputy as an escalation.
    world.sweep(jst(2026, 11, 30, 8, 30))
    assert deputy_requests(world, fresh) == [("withdrawn", "U0MANAGER")]
    assert deputy_requests(world, due_monday)[0][0] == "escalated"


def test_a_reminder_due_at_the_approvers_return_does_not_reach_the_withdrawn_deputy(world: World) -> None:
    """Routed at 15:15 while the manager is away: its first reminder is due at 08:30 the next
    morning, the very sweep that gives the request back. The deputy, withdrawn in that sweep, is
    not reminded of a request they no longer hold; the chief, present all along, is."""
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    draft_id = world.pending_draft(jst(2026, 11, 24, 15, 15))
    assert world.sweep(jst(2026, 11, 24, 17, 14)).sent["approval.remind"] == 0
    world.sweep(jst(2026, 11, 25, 0, 0))
    report = world.sweep(jst(2026, 11, 25, 8, 30))
    assert report.sent["approval.back"] == 1 and report.sent["approval.remind"] == 1
    assert deputy_requests(world, draft_id) == [("withdrawn", "U0MANAGER")]
    assert reminders_to(world, "U0DEPUTY") == [] and len(reminders_to(world, "U0CHIEF")) == 1
    assert reminders_to(world, "U0MANAGER") == []  # asked this very minute: the request is fresh


def test_an_absence_replaced_overnight_by_one_from_the_next_morning_leaves_the_deputy_standing_in(
        world: World) -> None:
    """Away on 11/24 with the other approver away all week; at 23:00 the manager replaces the
    absence by 11/25–11/26. Back only for the night, they will not be at work before their next
    absence begins: withdrawing the deputy's request (and asking it again at midnight) would leave
    the draft with nobody who can decide it meanwhile, and send the deputy two contradictory DMs."""
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0CHIEF", jst(2026, 11, 24).date(), jst(2026, 11, 27).date())
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 5))
    world.clock.t = jst(2026, 11, 24, 23, 0)
    answer = world.kessai.set_away("U0MANAGER", jst(2026, 11, 25).date(), jst(2026, 11, 26).date())
    # One absence 11/24–11/26 (the new period begins before the manager is back at work).
    assert answer.startswith("2026年11月24日（火）から2026年11月26日（木）まで不在として登録しました。"), answer
    assert "一つの不在にまとめて" in answer, answer
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]
    assert deputy_dm_edits(world, draft_id) == []
    world.sweep(jst(2026, 11, 25, 0, 0))
    world.clock.t = jst(2026, 11, 25, 9, 0)
    assert world.kessai.decide(draft_id, 1, "U0DEPUTY", approve=True).kind == "approved"


def test_away_off_still_takes_the_requests_back_from_the_deputies(world: World) -> None:
    """`/kessai away off` is the approver, present, taking the requests back in person: the
    deputy's request is withdrawn, as before."""
    from bot import errors

    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 25).date())
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.clock.t = jst(2026, 11, 24, 11, 0)
    assert "取り消しました" in world.kessai.clear_away("U0MANAGER")
    assert deputy_requests(world, draft_id) == [("withdrawn", "U0MANAGER")]
    with pytest.raises(errors.NotAnApprover, match="戻られたため"):
        world.kessai.decide(draft_id, 1, "U0DEPUTY", approve=True)
    assert world.kessai.decide(draft_id, 1, "U0MANAGER", approve=True).kind == "approved"


def test_away_off_before_the_first_business_instant_after_an_ended_absence_takes_the_requests_back(
        world: World) -> None:
    """The absence ran out at midnight; at 07:00 the manager, at work early, types
    `/kessai away off`: they take the requests back in person then, as `/kessai away off` always
    does, and are told so (it answered only that the absence had ended)."""
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.sweep(jst(2026, 11, 25, 0, 0))
    world.clock.t = jst(2026, 11, 25, 7, 0)
    answer = world.kessai.clear_away("U0MANAGER")
    assert "11月24日で終わっています" in answer and "1 件は、あなたにお送りしました" in answer, answer
    assert deputy_requests(world, draft_id) == [("withdrawn", "U0MANAGER")]
    assert len(approval_dms(world, "U0MANAGER")) == 1
    assert world.sweep(jst(2026, 11, 25, 8, 30)).sent["approval.back"] == 0


def approval_dms(w: World, user: str) -> list[dict]:  # type: ignore[type-arg]
    return [p for p in w.posts(to=user, contains="決裁依頼: 上越市公式X")
            if any(el.get("action_id") == "approve_draft" for b in p.get("blocks", []) if b["type"] == "actions"
                   for el in b["elements"])]


def test_both_approvers_away_over_the_new_year_each_gets_the_request_on_return(world: World) -> None:
    """年末年始: both approvers of 上越市公式X take leave; the one deputy stands in for the first of
    them only (one request per person). The second approver, back first, must still be asked —
    they were never sent the request, and the reminders point them to 「先にお送りした」 one."""
    world.clock.t = jst(2026, 12, 24, 10, 0)
    world.kessai.set_away("U0CHIEF", jst(2026, 12, 26).date(), jst(2027, 1, 3).date())
    world.kessai.set_away("U0MANAGER", jst(2026, 12, 26).date(), jst(2027, 1, 7).date())
    draft_id = world.pending_draft(jst(2026, 12, 28, 10, 0))
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]
    assert approval_dms(world, "U0CHIEF") == [] and approval_dms(world, "U0MANAGER") == []
    assert world.sweep(jst(2027, 1, 4, 8, 29)).sent["approval.back"] == 0
    # U0CHIEF is back on 1/4 at 08:30: asked now; the deputy still stands in for U0MANAGER, who is away.
    assert world.sweep(jst(2027, 1, 4, 8, 30)).sent["approval.back"] == 1
    assert len(approval_dms(world, "U0CHIEF")) == 1 and approval_dms(world, "U0MANAGER") == []
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]
    assert world.sweep(jst(2027, 1, 4, 8, 31)).sent["approval.back"] == 0
    # U0MANAGER is back on 1/8: asked; nobody is asked twice. The draft has waited more than a
    # business day (the escalation came on 1/4), so the deputy keeps the request as an escalation.
    assert world.sweep(jst(2027, 1, 8, 0, 0)).sent["approval.back"] == 0
    assert world.sweep(jst(2027, 1, 8, 8, 30)).sent["approval.back"] == 1
    assert deputy_requests(world, draft_id) == [("escalated", "U0MANAGER")]
    assert len(approval_dms(world, "U0CHIEF")) == 1 and len(approval_dms(world, "U0MANAGER")) == 1
    world.clock.t = jst(2027, 1, 8, 9, 0)
    assert world.kessai.decide(draft_id, 1, "U0CHIEF", approve=True).kind == "approved"


def test_both_approvers_away_the_first_named_back_first_the_other_is_asked_later(world: World) -> None:
    world.clock.t = jst(2026, 12, 24, 10, 0)
    world.kessai.set_away("U0MANAGER", jst(2026, 12, 26).date(), jst(2027, 1, 3).date())
    world.kessai.set_away("U0CHIEF", jst(2026, 12, 26).date(), jst(2027, 1, 7).date())
    draft_id = world.pending_draft(jst(2026, 12, 28, 10, 0))
    assert world.sweep(jst(2027, 1, 4, 0, 0)).sent["approval.back"] == 0  # not at work until 08:30
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]
    assert world.sweep(jst(2027, 1, 4, 8, 30)).sent["approval.back"] == 1
    # 12/28 10:00–17:15 is less than a business day: U0MANAGER decides again, in person.
    assert deputy_requests(world, draft_id) == [("withdrawn", "U0MANAGER")]
    assert len(approval_dms(world, "U0MANAGER")) == 1 and approval_dms(world, "U0CHIEF") == []
    assert world.sweep(jst(2027, 1, 8, 8, 30)).sent["approval.back"] == 1
    assert len(approval_dms(world, "U0CHIEF")) == 1 and len(approval_dms(world, "U0MANAGER")) == 1


def test_an_approver_skipped_while_away_is_asked_by_away_off(world: World) -> None:
    world.clock.t = jst(2026, 12, 24, 10, 0)
    for who in ("U0CHIEF", "U0MANAGER"):
        world.kessai.set_away(who, jst(2026, 12, 26).date(), jst(2027, 1, 5).date())
    world.pending_draft(jst(2026, 12, 28, 10, 0))
    world.clock.t = jst(2026, 12, 28, 11, 0)
    answer = world.kessai.clear_away("U0CHIEF")
    assert "1 件" in answer and len(approval_dms(world, "U0CHIEF")) == 1


def test_an_approver_skipped_while_away_is_not_told_the_deputys_request_was_withdrawn(world: World) -> None:
    """The deputy stands in for U0MANAGER, still away: U0CHIEF's return asks U0CHIEF and leaves the
    deputy's request as it is, so the answer must not tell U0CHIEF it was withdrawn (they would
    believe nobody else can decide the draft while the deputy still can)."""
    world.clock.t = jst(2026, 12, 24, 10, 0)
    for who in ("U0CHIEF", "U0MANAGER"):
        world.kessai.set_away(who, jst(2026, 12, 26).date(), jst(2027, 1, 5).date())
    draft_id = world.pending_draft(jst(2026, 12, 28, 10, 0))
    world.clock.t = jst(2026, 12, 28, 11, 0)
    answer = world.kessai.clear_away("U0CHIEF")
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]
    assert "代決者への依頼は取り消し" not in answer, answer
    assert "不在の間に届いた決裁待ちの依頼 1 件を、あなたにお送りしました。" in answer, answer
    # With requests of their own given back too, each kind is said for what it is.
    from bot.services import TakenBack

    assert TakenBack(drafts=2, skipped=1).summary_ja("業務時間で1日") == (
        "不在の間に代決者へ送っていた決裁待ちの依頼 2 件は、あなたにお送りしました（代決者への依頼は取り消しました）。"
        "ほかに、不在の間に届いた決裁待ちの依頼 1 件も、あなたにお送りしました。")


def test_an_ended_absence_leaves_decided_drafts_and_escalations_alone(world: World) -> None:
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    decided = world.pending_draft(jst(2026, 11, 24, 9, 0))
    waiting = world.pending_draft(jst(2026, 11, 24, 9, 5))
    world.clock.t = jst(2026, 11, 24, 9, 30)
    world.kessai.decide(decided, 1, "U0DEPUTY", approve=True)
    assert world.sweep(jst(2026, 11, 25, 0, 30)).sent["approval.back"] == 0  # the deputy keeps it till 08:30
    report = world.sweep(jst(2026, 11, 25, 8, 30))
    assert report.sent["approval.back"] == 1
    assert deputy_requests(world, decided) == [("away", "U0MANAGER")]  # history stays as it was
    assert deputy_requests(world, waiting) == [("withdrawn", "U0MANAGER")]
    assert len(world.posts(to="U0MANAGER", contains="決裁依頼: 上越市公式X")) == 1  # only the draft still pending
    # The manager, asked at 08:30, has a business day before the deputy is asked again because the
    # draft is late: a business day after it was routed (09:05) is 35 minutes after the withdrawal.
    assert world.sweep(jst(2026, 11, 25, 9, 5)).sent["approval.escalate"] == 0
    assert world.sweep(jst(2026, 11, 26, 8, 29)).sent["approval.escalate"] == 0
    assert deputy_requests(world, waiting) == [("withdrawn", "U0MANAGER")]
    assert world.sweep(jst(2026, 11, 26, 8, 30)).sent["approval.escalate"] == 1
    assert deputy_requests(world, waiting) == [("escalated", "U0MANAGER")]


@pytest.mark.parametrize(("away", "routed", "back", "early", "late"), [
    # An absence on Friday: back on Monday at 08:30; routed a business day before Monday 10:00.
    (jst(2026, 11, 27), jst(2026, 11, 27, 10, 0), jst(2026, 11, 30, 8, 30), jst(2026, 11, 30, 10, 0),
     jst(2026, 12, 1, 8, 30)),
    # 年末年始: the last business day of the year off, back on 1/4.
    (jst(2026, 12, 28), jst(2026, 12, 28, 10, 0), jst(2027, 1, 4, 8, 30), jst(2027, 1, 4, 10, 0),
     jst(2027, 1, 5, 8, 30)),
])
def test_a_deputy_withdrawn_at_the_approvers_return_is_asked_again_a_business_day_after_the_approver(
        world: World, away: datetime, routed: datetime, back: datetime, early: datetime, late: datetime) -> None:
    """SPEC 4.3: the request not decided within ``approval_escalate_after`` goes to the deputies.
    After the give-back that is the returning approver's request, asked at ``back``: counted from
    when the draft was routed, the deputy was told 「ここからはご本人が決裁します」 at 08:30 and
    asked again as late at 10:00."""
    world.clock.t = away.replace(hour=8, minute=0)
    world.kessai.set_away("U0MANAGER", away.date(), away.date())
    draft_id = world.pending_draft(routed)
    assert world.sweep(back).sent["approval.back"] == 1
    assert deputy_requests(world, draft_id) == [("withdrawn", "U0MANAGER")]
    assert world.sweep(early).sent["approval.escalate"] == 0
    assert world.sweep(late - timedelta(minutes=1)).sent["approval.escalate"] == 0
    assert deputy_requests(world, draft_id) == [("withdrawn", "U0MANAGER")]
    # Reminders say when the deputy will be asked: a business day after the manager's request (the
    # close of that day; the next sweep in business hours asks).
    reminders = [shown(p) for p in world.posts(contains="代決者にも決裁を依頼します")]
    assert reminders and all(f"{back.month}月{back.day}日（月）17:15 までに" in r for r in reminders), reminders
    assert world.sweep(late).sent["approval.escalate"] == 1
    assert deputy_requests(world, draft_id) == [("escalated", "U0MANAGER")]


def test_a_draft_due_soon_after_a_give_back_still_goes_to_the_deputy_before_its_time(world: World) -> None:
    """The escalation now counting from the returning approver's request ends after the scheduled
    time, so the due-soon hand-off asks the deputy, a business hour before it."""
    world.clock.t = jst(2026, 11, 27, 8, 0)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 27).date(), jst(2026, 11, 27).date())
    draft_id = world.scheduled_draft(jst(2026, 11, 27, 10, 0), scheduled=jst(2026, 11, 30, 14, 0))
    assert world.sweep(jst(2026, 11, 30, 8, 30)).sent["approval.back"] == 1
    assert deputy_requests(world, draft_id) == [("withdrawn", "U0MANAGER")]
    assert world.sweep(jst(2026, 11, 30, 10, 0)).sent["approval.escalate"] == 0
    assert world.sweep(jst(2026, 11, 30, 12, 59)).sent["approval.escalate"] == 0
    assert world.sweep(jst(2026, 11, 30, 13, 0)).sent["approval.escalate"] == 1
    assert deputy_requests(world, draft_id) == [("escalated", "U0MANAGER")]


def test_an_absence_ending_after_the_draft_waited_a_business_day_leaves_it_with_the_deputy(
        world: World) -> None:
    """An absence that runs out after the draft has waited ``approval_escalate_after``: the
    deputy keeps the request at the approver's return, as an escalation (session 25), and the
    approver is asked too; the deputy is told nothing."""
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 25).date())
    draft_id = world.pending_draft(jst(2026, 11, 24, 9, 0))
    assert world.sweep(jst(2026, 11, 26, 8, 30)).sent["approval.back"] == 1
    assert deputy_requests(world, draft_id) == [("escalated", "U0MANAGER")]
    assert deputy_dm_edits(world, draft_id) == [] and len(approval_dms(world, "U0MANAGER")) == 1
    world.clock.t = jst(2026, 11, 26, 9, 0)
    assert world.kessai.decide(draft_id, 1, "U0DEPUTY", approve=True).kind == "approved"


def test_an_ended_absence_of_an_approver_removed_from_the_file_is_settled_once(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    import dataclasses

    from bot.services import Kessai
    from bot.sweep import Sweeper
    from storage import reminders

    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    # Meanwhile the manager left the account's approvers; the deputy's request is all there is.
    org = dataclasses.replace(world.org, accounts=tuple(
        dataclasses.replace(a, approvers=tuple(x for x in a.approvers if x != "U0MANAGER")) if a.id == "joetsu-x"
        else a for a in world.org.accounts))
    sweeper = Sweeper(Kessai(world.db, org, clock=world.clock))
    with caplog.at_level(logging.INFO, logger="bot.sweep"):
        report = sweeper.sweep(jst(2026, 11, 25, 8, 30))
    assert report.sent["approval.back"] == 0 and report.failed == 0
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]  # the deputy still decides
    assert any("no request to take back" in r.getMessage() for r in caplog.records)
    with world.db.session() as s:  # settled: the next sweeps do not look at it again
        assert reminders.claimed(s, ["away.ended:U0MANAGER:20261124T150000"])
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="bot.sweep"):
        sweeper.sweep(jst(2026, 11, 25, 8, 31))
    assert not any("no request to take back" in r.getMessage() for r in caplog.records)


def test_away_off_after_the_absence_ended_says_so(world: World) -> None:
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 25).date())
    world.clock.t = jst(2026, 11, 25, 17, 0)
    assert world.kessai.clear_away("U0MANAGER").startswith("不在の登録を取り消しました")
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    world.clock.t = jst(2026, 11, 26, 9, 0)
    answer = world.kessai.clear_away("U0MANAGER")
    assert answer == "登録されていた不在は 11月25日で終わっています。決裁依頼はすでにあなたに届くようになっています。"
    assert world.kessai.clear_away("U0MANAGER") == "不在は登録されていません。"


def test_a_sweep_ahead_of_the_clock_does_not_end_an_absence_still_on(world: World) -> None:
    """Tomorrow's reminders tried today must not hand the deputies' requests back to an approver
    who is away today: the step is claimed, and would not happen again when the absence ends."""
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    real_now = jst(2026, 11, 24, 11, 0)
    world.clock.t = real_now
    assert Sweeper(world.kessai, settle_until=real_now).sweep(jst(2026, 11, 25, 10, 0)).sent["approval.back"] == 0
    # When the absence has really ended, the requests go back as usual.
    world.clock.t = jst(2026, 11, 25, 9, 0)
    assert world.sweep(jst(2026, 11, 25, 9, 0)).sent["approval.back"] == 1



def test_a_sweep_ahead_of_the_clock_does_not_start_an_absence_early(world: World) -> None:
    """An approver away only tomorrow: tomorrow's reminders tried today leave today's requests with them."""
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    real_now = jst(2026, 11, 24, 11, 0)
    world.clock.t = real_now
    assert Sweeper(world.kessai, settle_until=real_now).sweep(jst(2026, 11, 25, 10, 0)).sent["approval.away"] == 0


def test_a_button_sent_for_other_content_decides_nothing(world: World) -> None:
    """After a restore from a backup a draft's number can name other content than a DM's button was
    sent with: the hash prefix the button carries (render.version_ref) refuses it, before anything
    is recorded, for the DM's check and for the decision alike."""
    from bot import errors
    from bot.render import REF_HASH_CHARS
    from storage import drafts as draft_repo

    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    with world.db.session() as s:
        version = draft_repo.version(s, draft_id, 1)
        assert version is not None
        shown = version.content_hash[:REF_HASH_CHARS]
    other = ("1" if shown[0] == "0" else "0") + shown[1:]
    with pytest.raises(errors.ContentMismatch):
        world.kessai.check_can_decide(draft_id, 1, "U0MANAGER", shown_hash=other)
    with pytest.raises(errors.ContentMismatch):
        world.kessai.decide(draft_id, 1, "U0MANAGER", approve=True, shown_hash=other)
    with pytest.raises(errors.UnknownDraft):
        world.kessai.decide(draft_id + 1, 1, "U0MANAGER", approve=True, shown_hash=shown)
    with world.db.session() as s:
        assert list(ledger_repo.iter_entries(s)) == []
    assert world.kessai.decide(draft_id, 1, "U0MANAGER", approve=True, shown_hash=shown).kind == "approved"


def test_a_reminder_quotes_the_draft_without_cutting_an_emoji_in_two(world: World) -> None:
    """The reminder quotes the first 60 characters: cut at a code point, 👍🏽 lost its skin tone
    (shown as a lone brown square after 👍)."""
    world.pending_draft(jst(2026, 11, 24, 10, 0), text="あ" * 59 + "👍🏽" + CLEAN_TEXT)
    world.sweep(jst(2026, 11, 24, 12, 0))
    [text] = reminders_to(world, "U0MANAGER")
    assert ">" + "あ" * 59 + "…\n" in text
def buttons_to(w: World, user: str) -> list[dict]:  # type: ignore[type-arg]
    return [p for p in w.posts(to=user) if any(el.get("action_id") == "approve_draft" for b in p.get("blocks", [])
                                               if b["type"] == "actions" for el in b["elements"])]


def test_an_absence_ending_when_the_draft_is_due_for_escalation_leaves_the_deputy_asked(world: World) -> None:
    """kessai was down overnight: its first sweep both ends the approver's absence and finds the
    draft waited a business day. The deputy used to be told their request was withdrawn and, in
    the same minute, asked again (two DMs, two thread lines): the request stays with them."""
    from storage.models import OutboxRow

    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    draft_id = world.pending_draft(jst(2026, 11, 24, 9, 5))
    deputy_dms = len(buttons_to(world, "U0DEPUTY"))
    thread_lines = len(world.posts(to="C0INTAKE"))
    world.clock.t = jst(2026, 11, 25, 9, 30)
    report = world.sweep(jst(2026, 11, 25, 9, 30))
    assert report.sent["approval.back"] == 1
    assert deputy_requests(world, draft_id) == [("escalated", "U0MANAGER")]
    assert len(buttons_to(world, "U0DEPUTY")) == deputy_dms == 1  # not asked a second time (a reminder, as it holds it)
    with world.db.session() as s:
        edits = list(s.exec(select(OutboxRow).where(OutboxRow.op == "update",
                                                     OutboxRow.message_key == f"dm:{draft_id}:v1:U0DEPUTY")))
    assert edits == []  # nor told it was withdrawn
    assert len(approval_dms(world, "U0MANAGER")) == 1
    [notice] = world.posts(to="C0INTAKE")[thread_lines:]
    assert "決裁待ちのまま業務時間で1日が過ぎました" in shown(notice) and "すでに決裁を依頼しています" in shown(notice)
    assert world.kessai.decide(draft_id, 1, "U0DEPUTY", approve=True).kind == "approved"


def test_away_off_after_a_business_day_of_waiting_keeps_the_deputy_asked_and_says_so(world: World) -> None:
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 27).date())
    late = world.pending_draft(jst(2026, 11, 24, 9, 5))
    recent = world.pending_draft(jst(2026, 11, 25, 9, 0))
    world.clock.t = jst(2026, 11, 25, 9, 30)
    answer = world.kessai.clear_away("U0MANAGER")
    assert deputy_requests(world, late) == [("escalated", "U0MANAGER")]
    assert deputy_requests(world, recent) == [("withdrawn", "U0MANAGER")]
    assert "2 件" in answer and "1 件は" in answer and "代決者にも引き続き" in answer


def form_draft(w: World, at: datetime, scheduled: datetime, text: str) -> int:
    from bot.drafting import DraftForm

    w.clock.t = at
    form = DraftForm(account_id="joetsu-x", text=text, scheduled_at=scheduled, category="normal", image_count=0,
                     alt_texts=(), portrait_consent=False, note=None)
    out = w.kessai.submit_form(form, "U0OPERATOR")
    assert out.kind == "needs_fix" and out.draft_id is not None, out
    return out.draft_id


def test_an_override_of_a_draft_whose_scheduled_time_has_come_is_refused_with_what_to_do(world: World) -> None:
    """「今すぐ」: the form takes the current minute (10:00 at 10:00:30), the check finds it past
    (schedule.past), and the author sends it on with a reason. Routed, it could never be approved
    (a click is refused from 10:00, the sweep expires it) and the author was not told."""
    from bot import errors

    draft_id = form_draft(world, jst(2026, 11, 24, 10, 0, 30), jst(2026, 11, 24, 10, 0), CLEAN_TEXT)
    for press in (lambda: world.kessai.check_can_override(draft_id, 1, "U0OPERATOR"),
                  lambda: world.kessai.override(draft_id, 1, "U0OPERATOR", "至急お知らせする必要があるため")):
        with pytest.raises(errors.KessaiError) as refused:
            press()
        assert "投稿予定時刻（" in refused.value.message_ja and "承認できません" in refused.value.message_ja
        assert "「修正する」" in refused.value.message_ja
    assert world.draft(draft_id).state == "needs_fix"
    assert world.posts(to="U0MANAGER") == [] and ledger_repo_kinds(world) == []


def test_an_override_submitted_after_the_scheduled_time_came_while_writing_the_reason(world: World) -> None:
    from bot import errors

    draft_id = form_draft(world, jst(2026, 11, 24, 9, 50), jst(2026, 11, 24, 10, 0),
                          CLEAN_TEXT + "担当の携帯 090-1234-5678")
    world.kessai.check_can_override(draft_id, 1, "U0OPERATOR")  # the form opens at 09:50
    world.clock.t = jst(2026, 11, 24, 10, 0, 10)
    with pytest.raises(errors.InvalidInput, match="承認できません"):
        world.kessai.override(draft_id, 1, "U0OPERATOR", "本人の了解を得て掲載するため")
    assert world.draft(draft_id).state == "needs_fix" and world.posts(to="U0MANAGER") == []


def test_an_override_due_in_a_minute_is_refused_and_one_due_in_ten_minutes_is_sent(world: World) -> None:
    """Sent on at 10:00 for 10:01, the request expired seconds after reaching the approver, who had
    not yet read the reason: refused under MIN_OVERRIDE_LEAD, saying what to do instead."""
    from bot import errors
    from bot.services import MIN_OVERRIDE_LEAD

    phone = CLEAN_TEXT + "担当の携帯 090-1234-5678"
    soon = form_draft(world, jst(2026, 11, 24, 10, 0), jst(2026, 11, 24, 10, 1), phone)
    for press in (lambda: world.kessai.check_can_override(soon, 1, "U0OPERATOR"),
                  lambda: world.kessai.override(soon, 1, "U0OPERATOR", "本人の了解を得て掲載するため")):
        with pytest.raises(errors.InvalidInput) as refused:
            press()
        said = refused.value.message_ja
        assert "10:01" in said and "10分を切っている" in said and "「修正する」" in said and "空欄" in said, said
    assert world.draft(soon).state == "needs_fix" and world.posts(to="U0MANAGER") == []
    assert MIN_OVERRIDE_LEAD.total_seconds() == 600  # docs/usage.md states it
    enough = form_draft(world, jst(2026, 11, 24, 10, 0), jst(2026, 11, 24, 10, 10), phone)
    assert world.kessai.override(enough, 1, "U0OPERATOR", "本人の了解を得て掲載するため").kind == "pending"


def ledger_repo_kinds(w: World) -> list[str]:
    with w.db.session() as s:
        return [e.kind for e in ledger_repo.iter_entries(s)]


def test_an_absence_ending_when_the_scheduled_time_is_near_leaves_the_deputy_asked(world: World) -> None:
    """As above, with the hand-off the near scheduled time calls for (the usual one would come after it)."""
    from storage.models import OutboxRow

    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    draft_id = world.scheduled_draft(jst(2026, 11, 24, 10, 0), jst(2026, 11, 25, 9, 30))
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]
    world.clock.t = jst(2026, 11, 25, 8, 30)
    report = world.sweep(jst(2026, 11, 25, 8, 30))  # the first sweep since the evening
    assert report.sent["approval.back"] == 1
    assert deputy_requests(world, draft_id) == [("escalated", "U0MANAGER")]
    assert len(buttons_to(world, "U0DEPUTY")) == 1
    with world.db.session() as s:
        assert not list(s.exec(select(OutboxRow).where(OutboxRow.op == "update",
                                                        OutboxRow.message_key == f"dm:{draft_id}:v1:U0DEPUTY")))
    assert len(approval_dms(world, "U0MANAGER")) == 1


def test_an_absent_approver_extending_the_absence_during_the_day_keeps_the_deputy(world: World) -> None:
    """At 15:00 the manager, away today, registers tomorrow and the day after: the deputy's request
    stays (it was withdrawn at 15:00, the absent manager alone held the draft until midnight, and
    then the deputy was asked again). The two periods are one absence, given back when it ends."""
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0CHIEF", jst(2026, 11, 24).date(), jst(2026, 11, 27).date())
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 5))
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]
    deputy_dms = len(world.posts(to="U0DEPUTY", contains="代決依頼"))
    world.clock.t = jst(2026, 11, 24, 15, 0)
    answer = world.kessai.set_away("U0MANAGER", jst(2026, 11, 25).date(), jst(2026, 11, 26).date())
    assert "取り消しました" not in answer and "代決者への依頼" not in answer, answer
    assert answer.startswith("2026年11月24日（火）から2026年11月26日（木）まで不在として登録しました。"), answer
    assert "一つの不在にまとめて" in answer, answer
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]
    assert deputy_dm_edits(world, draft_id) == []
    assert world.sweep(jst(2026, 11, 25, 0, 0)).sent["approval.away"] == 0
    assert world.sweep(jst(2026, 11, 26, 15, 0)).sent["approval.back"] == 0
    assert len(world.posts(to="U0DEPUTY", contains="代決依頼")) == deputy_dms  # asked once
    # The end of the whole absence gives it back (the draft had waited a business day by then,
    # so as an escalation the deputy keeps it, and the manager is asked).
    assert world.sweep(jst(2026, 11, 27, 8, 30)).sent["approval.back"] == 1
    assert len(approval_dms(world, "U0MANAGER")) == 1


def test_a_later_absence_after_a_working_day_still_gives_the_requests_back(world: World) -> None:
    """Not a continuation: the manager is back at work on 11/25 before the next period (11/26)."""
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0CHIEF", jst(2026, 11, 24).date(), jst(2026, 11, 27).date())
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 5))
    world.clock.t = jst(2026, 11, 24, 15, 0)
    answer = world.kessai.set_away("U0MANAGER", jst(2026, 11, 26).date(), jst(2026, 11, 26).date())
    assert "置き換えました" in answer and "一つの不在" not in answer, answer
    assert deputy_requests(world, draft_id) == [("withdrawn", "U0MANAGER")]


def test_an_approver_back_early_registering_a_single_later_day_is_back_until_then(world: World) -> None:
    """Away 11/24–11/27, the manager is back early and at 15:00 on 11/24 registers 11/26 alone: a
    working day (11/25) lies between today and that day, so the new period replaces the absence
    and the deputy's request comes back, as after a one-day absence. It was taken for a
    continuation (11/26 begins before the manager's return on 11/30 from the old absence): kept
    away on 11/25 at their desk, told 「（11/24から11/27まで）と間をあけずに続くため、11/24から
    11/26まで」, while the deputy decided for them."""
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0CHIEF", jst(2026, 11, 24).date(), jst(2026, 11, 27).date())
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 27).date())
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 5))
    assert deputy_requests(world, draft_id) == [("away", "U0MANAGER")]
    world.clock.t = jst(2026, 11, 24, 15, 0)
    answer = world.kessai.set_away("U0MANAGER", jst(2026, 11, 26).date(), jst(2026, 11, 26).date())
    assert "置き換えました" in answer and "一つの不在" not in answer, answer
    assert deputy_requests(world, draft_id) == [("withdrawn", "U0MANAGER")]


def test_a_reminder_of_a_draft_due_before_the_escalation_names_the_due_soon_hand_off(world: World) -> None:
    """After a give-back the escalation counts from the manager's request (11/30 17:15), after the
    post at 14:00: the deputy is asked by the due-soon hand-off at 13:00, and the 12:00 reminder
    says so. It said 「17:15 までに決裁がない場合は、代決者にも」 above 「投稿予定は 14:00 です。
    それまでに決裁がないと、この下書きは期限切れになります」."""
    world.clock.t = jst(2026, 11, 27, 8, 0)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 27).date(), jst(2026, 11, 27).date())
    world.kessai.set_away("U0CHIEF", jst(2026, 11, 27).date(), jst(2026, 11, 30).date())
    world.scheduled_draft(jst(2026, 11, 27, 10, 0), scheduled=jst(2026, 11, 30, 14, 0))
    assert world.sweep(jst(2026, 11, 30, 8, 30)).sent["approval.back"] == 1
    assert world.sweep(jst(2026, 11, 30, 12, 0)).sent["approval.remind"] == 1
    reminders = reminders_to(world, "U0MANAGER")
    assert len(reminders) == 1 and "11月30日（月）13:00 までに決裁がない場合は、代決者にも" in reminders[0], reminders
    assert world.sweep(jst(2026, 11, 30, 13, 0)).sent["approval.escalate"] == 1


def test_a_continued_absence_says_whether_it_was_shortened_or_overlapped(world: World) -> None:
    """Away 11/24–11/27, at 15:00 on 11/24 the manager changes the absence in effect, as a
    continuation of it. The answer names what is registered now first, then what changed. It read
    「2026年11月25日（水）を不在として登録しました。…（11/24〜11/27）は、2026年11月24日（火）から
    2026年11月25日（水）までに変更しました」: the first sentence named only the day typed."""
    from bot import render
    from storage import away as away_repo

    def stored() -> str:
        with world.db.session() as s:
            held = away_repo.absence(s, "U0MANAGER")
        assert held is not None
        return render.fmt_days(world.kessai.local(held[0]).date(),
                               world.kessai.local(held[1]).date() - timedelta(days=1))

    def away(first: int, last: int) -> str:
        answer = world.kessai.set_away("U0MANAGER", date(2026, 11, first), date(2026, 11, last))
        assert answer.startswith(stored()), (answer, stored())  # what is registered now, first
        return answer

    def day(d: int) -> str:
        return render.fmt_date(date(2026, 11, d))

    asked = "この間に届く決裁依頼は代決者に送られます。"
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", date(2026, 11, 24), date(2026, 11, 27))
    world.clock.t = jst(2026, 11, 24, 15, 0)
    # A day inside: the absence in effect ends then (not 「間をあけずに続く」).
    assert away(25, 25) == (
        f"{day(24)}から{day(25)}まで不在として登録しました。{asked}"
        f"それまで登録されていた不在（{day(24)}から{day(27)}まで）は、終わりを{day(25)}に早めました"
        f"（不在は一人につき一つの期間だけ登録できるため、入力された{day(25)}は、この不在の続きとして扱いました）。"
        "予定が変わったときは `/kessai away off` で取り消せます。")
    # Overlapping its end: one absence, longer.
    assert away(25, 27) == (
        f"{day(24)}から{day(27)}まで不在として登録しました。{asked}"
        f"それまで登録されていた不在（{day(24)}から{day(25)}まで）と重なるため、一つの不在にまとめて、"
        f"終わりを{day(27)}に延ばしました（不在は一人につき一つの期間だけ登録できます）。"
        "予定が変わったときは `/kessai away off` で取り消せます。")
    # Inside, to its last day: nothing changes, and the answer does not claim a new registration.
    assert away(25, 27) == (
        f"{day(24)}から{day(27)}までは、すでに不在として登録されています。{asked}"
        f"入力された{day(25)}から{day(27)}までは、この期間に含まれるため、期間は変えていません。"
        "予定が変わったときは `/kessai away off` で取り消せます。")  # (nothing replaced: no word on one a person)
    # The same period again: registered, nothing else to say.
    assert away(24, 27) == (f"{day(24)}から{day(27)}まで不在として登録しました。{asked}"
                            "予定が変わったときは `/kessai away off` で取り消せます。")
    # Overlapping its start (a day already past) and ending inside. What the absence does is said
    # from today: 「この間に届く決裁依頼は」 also spoke of 11/23, a day whose requests went to the manager.
    answer = away(23, 25)
    assert f"（{day(24)}から{day(27)}まで）は、始まりを{day(23)}に早め、終わりを{day(25)}に早めました（" in answer
    assert f"まで不在として登録しました。今日から{day(25)}までに届く決裁依頼は代決者に送られます。" in answer, answer
    # Covering it.
    assert (f"（{day(23)}から{day(25)}まで）と重なるため、一つの不在にまとめて、終わりを{day(30)}に延ばしました"
            in away(23, 30))
    assert away(24, 30).startswith(f"{day(23)}から{day(30)}までは、すでに不在として登録されています。"
                                   f"今日から{day(30)}までに届く決裁依頼は")
    # Today alone, then from tomorrow: the next day follows it.
    assert away(24, 24).startswith(f"{day(23)}から{day(24)}まで不在として登録しました。今日届く決裁依頼は代決者に送られます。")
    assert (f"（{day(23)}から{day(24)}まで）と間をあけずに続くため、一つの不在にまとめて、終わりを{day(26)}に延ばしました"
            in away(25, 26))


def test_an_absence_typed_from_a_past_day_says_what_it_does_from_today(world: World) -> None:
    """「11月23日から」 typed on 11/24, with no absence before: the days named are those typed, but
    「この間は、あなたに代決の依頼は届きません」 spoke of 11/23 too, a day already past."""
    from bot import render

    world.clock.t = jst(2026, 11, 24, 9, 0)
    deputy = world.kessai.set_away("U0DEPUTY", date(2026, 11, 23), date(2026, 11, 25))
    assert deputy.startswith(f"{render.fmt_days(date(2026, 11, 23), date(2026, 11, 25))}不在として登録しました。"
                             f"今日から{render.fmt_date(date(2026, 11, 25))}までは、あなたに代決の依頼は届きません。"), deputy
    manager = world.kessai.set_away("U0MANAGER", date(2026, 11, 23), date(2026, 11, 24))
    assert "。今日届く決裁依頼は代決者に送られます。" in manager and "この間" not in manager, manager


def test_an_approver_back_gets_every_draft_back_with_one_read_of_when_they_were_asked(world: World) -> None:
    """``Kessai.take_back`` reads ``given_back_at`` once for all the drafts the deputies held (as the
    sweep does), not once per draft: a week away can leave dozens of them."""
    from typing import Any

    from sqlalchemy import event

    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    drafts = [world.pending_draft(jst(2026, 11, 24, 9, i)) for i in range(3)]
    world.clock.t = jst(2026, 11, 24, 11, 0)
    seen: list[str] = []

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        seen.append(statement)

    event.listen(world.db.engine, "before_cursor_execute", note)
    try:
        assert "3 件" in world.kessai.clear_away("U0MANAGER")
    finally:
        event.remove(world.db.engine, "before_cursor_execute", note)
    given_back_reads = [q for q in seen if "max(" in q and "GROUP BY approval_requests" in q]
    assert len(given_back_reads) == 1, given_back_reads
    with world.db.session() as s:
        withdrawn = s.exec(select(ApprovalRequestRow).where(ApprovalRequestRow.recipient_id == "U0DEPUTY")).all()
    assert sorted((r.draft_id, r.reason) for r in withdrawn) == [(d, "withdrawn") for d in drafts]


def _deputies_world(world_factory, org, start: datetime,  # type: ignore[no-untyped-def]
                    deputies: tuple[str, ...]) -> World:
    """A world whose account joetsu-x has U0MANAGER as its only approver and ``deputies`` as its
    deputies (U0JOHO is of 情報政策室: a deputy of this account too, where named)."""
    from dataclasses import replace

    from storage import roster

    account = replace(org.account("joetsu-x"), approvers=("U0MANAGER",), deputies=deputies)
    changed = replace(org, accounts=tuple(account if a.id == account.id else a for a in org.accounts))
    w: World = world_factory(start)
    with w.db.session() as s:
        roster.sync(s, changed)
    w.kessai.org = changed
    w.sweeper.org = changed
    return w


def _deputy_standing_in(world_factory, org, *, manager_away_until: date) -> tuple[World, int]:  # type: ignore[no-untyped-def]
    """Tuesday 11/24: U0MANAGER, joetsu-x's only approver, is away until ``manager_away_until`` and U0JOHO, its
    other deputy, for that day only, so a draft sent at 10:00 asks 直江 兼続 (U0DEPUTY) to stand in for U0MANAGER.
    The world and the draft's id."""
    w = _deputies_world(world_factory, org, jst(2026, 11, 24, 8, 45), ("U0DEPUTY", "U0JOHO"))
    w.kessai.set_away("U0JOHO", date(2026, 11, 24), date(2026, 11, 24))
    w.kessai.set_away("U0MANAGER", date(2026, 11, 24), manager_away_until)
    draft_id = w.pending_draft(jst(2026, 11, 24, 10, 0))
    assert deputy_requests(w, draft_id) == [("away", "U0MANAGER")]
    return w, draft_id


def test_a_deputy_going_away_hands_the_request_on_for_the_approver_not_for_themselves(
        world_factory, org) -> None:  # type: ignore[no-untyped-def]
    """A deputy standing in for an absent approver registers an absence of their own: the other
    deputy (here of 情報政策室, a deputy of this account too) is asked in the approver's stead, not
    「直江 兼続 さんの代決」: the deputy is no approver, and a decision recorded as made for them
    names in the ledger someone who could never have decided the draft themselves."""
    w, draft_id = _deputy_standing_in(world_factory, org, manager_away_until=date(2026, 11, 25))
    w.clock.t = jst(2026, 11, 25, 8, 45)
    answer = w.kessai.set_away("U0DEPUTY", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    assert "決裁待ちの依頼 1 件を代決者に送りました" in answer
    assert requests_of(w, draft_id, "U0JOHO") == [("away", "U0MANAGER")]
    [notice] = [shown(p) for p in w.posts(contains="代決者の 木田 四郎 さん")]
    assert "上越 花子 さんの代決" in notice and "直江 兼続 さんの代決" not in notice
    assert w.kessai.decide(draft_id, 1, "U0JOHO", approve=True).kind == "approved"
    assert last_decider(w, draft_id) == ("U0JOHO", "U0MANAGER")


def test_a_deputy_going_away_after_the_approver_came_back_asks_nobody_for_them(
        world_factory, org) -> None:  # type: ignore[no-untyped-def]
    """The approver is back and the deputy's request was withdrawn: the deputy then going away
    hands nothing on. The withdrawn request names the approver too, but it stands in for nobody now;
    read as the deputy's own, the other deputy was asked 「直江 兼続 さんの代決」 on a draft that the
    approver, back at work, holds."""
    w, draft_id = _deputy_standing_in(world_factory, org, manager_away_until=date(2026, 11, 25))
    w.clock.t = jst(2026, 11, 25, 8, 45)
    w.kessai.clear_away("U0MANAGER")
    assert deputy_requests(w, draft_id) == [("withdrawn", "U0MANAGER")]
    w.kessai.set_away("U0DEPUTY", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    assert requests_of(w, draft_id, "U0JOHO") == []
    assert not w.posts(contains="直江 兼続 さんの代決")


def test_a_deputys_absence_that_begins_later_hands_the_request_on_when_it_begins(
        world_factory, org) -> None:  # type: ignore[no-untyped-def]
    """The deputy standing in for an absent approver registers on Tuesday an absence for Wednesday
    (a later start, as people plan a day off): on Wednesday morning the other deputy is asked in
    the approver's stead, as when the deputy's absence begins at once. The sweep looked only at
    approvers' own requests, and the draft waited all Wednesday with a deputy who was not there."""
    w, draft_id = _deputy_standing_in(world_factory, org, manager_away_until=date(2026, 11, 26))
    w.clock.t = jst(2026, 11, 24, 15, 0)
    answer = w.kessai.set_away("U0DEPUTY", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    assert "代決者に送りました" not in answer  # not yet: the deputy is at work today
    w.clock.t = jst(2026, 11, 24, 16, 0)
    assert w.sweep(jst(2026, 11, 24, 16, 0)).sent["approval.away"] == 0
    w.clock.t = jst(2026, 11, 25, 0, 1)
    assert w.sweep(jst(2026, 11, 25, 0, 1)).sent["approval.away"] == 1
    assert requests_of(w, draft_id, "U0JOHO") == [("away", "U0MANAGER")]
    [notice] = [shown(p) for p in w.posts(contains="代決者の 木田 四郎 さん")]
    assert "上越 花子 さんの代決" in notice and "直江 兼続 さんの代決" not in notice
    w.clock.t = jst(2026, 11, 25, 0, 2)
    assert w.sweep(jst(2026, 11, 25, 0, 2)).sent["approval.away"] == 0  # once
    w.clock.t = jst(2026, 11, 25, 9, 0)
    assert w.kessai.decide(draft_id, 1, "U0JOHO", approve=True).kind == "approved"
    assert last_decider(w, draft_id) == ("U0JOHO", "U0MANAGER")


def test_a_deputy_asked_as_an_escalation_whose_absence_begins_later_hands_it_on(
        world_factory, org) -> None:  # type: ignore[no-untyped-def]
    """A request handed to a deputy because it waited too long (escalated, 代決 for the approver)
    while the other deputy was away: the first deputy's absence that begins later hands it on to the
    other one, back at work by then, as an escalation still."""
    w = _deputies_world(world_factory, org, jst(2026, 11, 24, 9, 0), ("U0DEPUTY", "U0JOHO"))
    w.kessai.set_away("U0JOHO", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    draft_id = w.pending_draft(jst(2026, 11, 24, 10, 0))
    w.clock.t = jst(2026, 11, 25, 10, 0)
    assert w.sweep(jst(2026, 11, 25, 10, 0)).sent["approval.escalate"] == 1
    assert deputy_requests(w, draft_id) == [("escalated", "U0MANAGER")]
    w.kessai.set_away("U0DEPUTY", jst(2026, 11, 26).date(), jst(2026, 11, 26).date())
    w.clock.t = jst(2026, 11, 26, 8, 30)
    assert w.sweep(jst(2026, 11, 26, 8, 30)).sent["approval.away"] == 1
    assert requests_of(w, draft_id, "U0JOHO") == [("escalated", "U0MANAGER")]
    # The thread gives the deputy's absence as the reason, not the wait that made it an escalation.
    deputy, joho_name = w.kessai.name_of("U0DEPUTY"), w.kessai.name_of("U0JOHO")
    [notice] = [shown(p) for p in w.posts(contains=f"代決者の {joho_name} さんにも")]
    assert notice.startswith(f"代決者の {deputy} さんが不在のため、代決者の {joho_name} さんにも第1版の決裁を依頼しました")
    assert "決裁が遅れている" not in notice
    w.clock.t = jst(2026, 11, 26, 8, 31)
    assert w.sweep(jst(2026, 11, 26, 8, 31)).sent["approval.away"] == 0


def nobody_notices(w: World) -> list[str]:
    return [shown(p) for p in w.posts(to="C0INTAKE", contains="が不在になりましたが")]


def test_the_only_deputys_absence_beginning_later_asks_the_absent_approver_and_says_so(
        world_factory, org) -> None:  # type: ignore[no-untyped-def]
    """The approver is away; the only deputy, standing in, registers an absence for the next day.
    When it begins nobody at work holds the request: the absent approver is asked, as when a draft
    is routed with everyone away, and the thread says so once. The sweep asked nobody and said
    nothing, and the draft waited with nobody able to decide it."""
    w = _deputies_world(world_factory, org, jst(2026, 11, 24, 9, 0), ("U0DEPUTY",))
    w.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 26).date())
    draft_id = w.pending_draft(jst(2026, 11, 24, 10, 0))
    assert deputy_requests(w, draft_id) == [("away", "U0MANAGER")]
    w.clock.t = jst(2026, 11, 24, 15, 0)
    w.kessai.set_away("U0DEPUTY", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    assert w.sweep(jst(2026, 11, 24, 16, 0)).sent["approval.away"] == 0
    assert nobody_notices(w) == []
    w.clock.t = jst(2026, 11, 25, 0, 1)
    w.sweep(jst(2026, 11, 25, 0, 1))
    assert requests_of(w, draft_id, "U0MANAGER") == [("normal", None)]
    manager, deputy = w.kessai.name_of("U0MANAGER"), w.kessai.name_of("U0DEPUTY")
    [notice] = nobody_notices(w)
    assert notice.startswith(f"代決者の {deputy} さんが不在になりましたが、代決者も全員不在のため、")
    assert f"不在の決裁者の {manager} さんに第1版の決裁を依頼しました。" in notice
    assert "戻られるまで決裁されません" in notice
    assert len(w.posts(to="U0MANAGER", contains="承認")) == 1  # the request itself, with its buttons
    for t in (jst(2026, 11, 25, 0, 2), jst(2026, 11, 25, 8, 30), jst(2026, 11, 25, 9, 0)):
        w.clock.t = t
        w.sweep(t)
    assert len(nobody_notices(w)) == 1  # once
    assert len(w.posts(to="U0MANAGER", contains="承認")) == 1
    w.clock.t = jst(2026, 11, 25, 10, 0)
    assert w.kessai.decide(draft_id, 1, "U0MANAGER", approve=True).kind == "approved"
    assert last_decider(w, draft_id) == ("U0MANAGER", None)


def test_an_approvers_absence_beginning_later_with_no_deputy_at_work_is_said_in_the_thread(
        world_factory, org) -> None:  # type: ignore[no-untyped-def]
    """The approver holds the request and their absence begins the next day, the deputy away too:
    nobody else can be asked, and the thread says so (once) rather than nothing."""
    w = _deputies_world(world_factory, org, jst(2026, 11, 24, 9, 0), ("U0DEPUTY",))
    w.kessai.set_away("U0DEPUTY", jst(2026, 11, 25).date(), jst(2026, 11, 26).date())
    draft_id = w.pending_draft(jst(2026, 11, 24, 10, 0))
    w.clock.t = jst(2026, 11, 24, 15, 0)
    w.kessai.set_away("U0MANAGER", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    for t in (jst(2026, 11, 25, 0, 1), jst(2026, 11, 25, 0, 2), jst(2026, 11, 25, 9, 0)):
        w.clock.t = t
        w.sweep(t)
    manager = w.kessai.name_of("U0MANAGER")
    [notice] = nobody_notices(w)
    assert notice.startswith(f"決裁者の {manager} さんが不在になりましたが、代決者も全員不在のため、"
                             "第1版の決裁をほかの方に依頼できませんでした。")
    assert f"{manager} さんが戻られるまで決裁されません" in notice
    assert deputy_requests(w, draft_id) == []


def test_with_another_approver_at_work_nothing_is_said_of_an_absence_without_deputies(
        world_factory, org) -> None:  # type: ignore[no-untyped-def]
    """Of two approvers, one goes away with the deputy away too: the other still holds the
    request and can decide; no notice."""
    w = world_factory(jst(2026, 11, 24, 9, 0))
    w.kessai.set_away("U0DEPUTY", jst(2026, 11, 25).date(), jst(2026, 11, 26).date())
    w.pending_draft(jst(2026, 11, 24, 10, 0))
    w.clock.t = jst(2026, 11, 24, 15, 0)
    w.kessai.set_away("U0MANAGER", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    w.clock.t = jst(2026, 11, 25, 0, 1)
    w.sweep(jst(2026, 11, 25, 0, 1))
    assert nobody_notices(w) == []


def test_a_draft_routed_with_everyone_away_is_not_said_again_to_have_lost_its_approver(
        world_factory, org) -> None:  # type: ignore[no-untyped-def]
    """The approver and the only deputy are both away when the draft comes in: it is routed to the
    absent approver and the thread says so. The next sweep said it again, as news: 「決裁者の … さんが
    不在になりましたが、…ほかの方に依頼できませんでした」 of someone away all along (found by review)."""
    w = _deputies_world(world_factory, org, jst(2026, 11, 24, 9, 0), ("U0DEPUTY",))
    for who in ("U0MANAGER", "U0DEPUTY"):
        w.kessai.set_away(who, jst(2026, 11, 24).date(), jst(2026, 11, 26).date())
    w.pending_draft(jst(2026, 11, 24, 10, 0))
    assert len(w.posts(to="C0INTAKE", contains="不在の決裁者にも依頼しました")) == 1
    for t in (jst(2026, 11, 24, 10, 1), jst(2026, 11, 25, 0, 1), jst(2026, 11, 25, 9, 0)):
        w.clock.t = t
        w.sweep(t)
    assert nobody_notices(w) == []
    assert len(w.posts(to="C0INTAKE", contains="不在の決裁者にも依頼しました")) == 1
    assert len(w.posts(to="U0MANAGER", contains="承認")) == 1



def test_with_an_approver_at_work_when_routed_a_later_absence_is_still_said(
        world_factory, org) -> None:  # type: ignore[no-untyped-def]
    """Routed with one approver away and the other at work (no deputy at work): the thread hears of
    the absent one then; when the other's absence begins later, that is news, and is said."""
    w = world_factory(jst(2026, 11, 24, 9, 0))
    for who in ("U0CHIEF", "U0DEPUTY"):
        w.kessai.set_away(who, jst(2026, 11, 24).date(), jst(2026, 11, 27).date())
    w.pending_draft(jst(2026, 11, 24, 10, 0))
    w.clock.t = jst(2026, 11, 24, 15, 0)
    w.kessai.set_away("U0MANAGER", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    assert nobody_notices(w) == []
    w.clock.t = jst(2026, 11, 25, 0, 1)
    w.sweep(jst(2026, 11, 25, 0, 1))
    manager = w.kessai.name_of("U0MANAGER")
    [notice] = nobody_notices(w)
    assert notice.startswith(f"決裁者の {manager} さんが不在になりましたが、")


def test_escalation_due_while_the_deputy_asked_at_midnight_has_the_request_fresh_is_put_off_not_dropped(
        world_factory) -> None:  # type: ignore[no-untyped-def]
    """Sent on Friday at 08:45, the draft is due for the usual escalation on Monday at 08:45. Both
    approvers are away on Monday: the sweep at 00:01 asks the deputy, and that DM is held until
    08:30. At 08:45 nobody new can be asked and the only one the thread would call on has had the
    request for a quarter of an hour: the notice waits until the request is half an hour old, and
    is then written once, however many replicas sweep. It used to be settled unwritten, and the
    thread never said 「決裁待ちのまま…が過ぎました」 (found by review; SPEC 4.3, 4.5)."""
    world = world_factory(jst(2026, 11, 27, 8, 45))
    other = world_factory(jst(2026, 11, 27, 8, 45))  # a second replica on the same database
    draft_id = world.pending_draft(jst(2026, 11, 27, 8, 45))
    assert world.both_approvers_away(jst(2026, 11, 27, 11, 0), date(2026, 11, 30)).sent["approval.away"] == 1
    for t in (jst(2026, 11, 30, 8, 30), jst(2026, 11, 30, 8, 45), jst(2026, 11, 30, 8, 50), jst(2026, 11, 30, 8, 59)):
        world.clock.t = other.clock.t = t
        assert world.sweep(t).sent["approval.escalate"] == 0, t
        assert other.sweep(t).sent["approval.escalate"] == 0, t
    assert escalation_notices(world) == []
    t = jst(2026, 11, 30, 9, 0)
    world.clock.t = other.clock.t = t
    sent = world.sweep(t).sent["approval.escalate"] + other.sweep(t).sent["approval.escalate"]
    assert sent == 1
    [notice] = escalation_notices(world)
    assert "第1版は決裁待ちのまま業務時間で1日が過ぎました" in notice
    assert "代決者の 直江 兼続 さん（" in notice and "の代決）にはすでに" in notice
    assert "直江 兼続 さん、決裁をお願いします" in notice
    for t in (jst(2026, 11, 30, 9, 1), jst(2026, 11, 30, 13, 0), jst(2026, 12, 1, 9, 0)):
        world.clock.t = other.clock.t = t
        assert world.sweep(t).sent["approval.escalate"] + other.sweep(t).sent["approval.escalate"] == 0, t
    assert len(escalation_notices(world)) == 1
    assert world.draft(draft_id).state == "pending"


def test_escalation_put_off_for_a_fresh_request_is_written_by_the_first_sweep_after(world: World) -> None:
    """The same with kessai stopped from 08:40 to 10:10: the sweep after the restart writes the notice."""
    world.pending_draft(jst(2026, 11, 27, 8, 45))
    world.both_approvers_away(jst(2026, 11, 27, 11, 0), date(2026, 11, 30))
    world.clock.t = jst(2026, 11, 30, 8, 45)
    assert world.sweep(jst(2026, 11, 30, 8, 45)).sent["approval.escalate"] == 0
    world.clock.t = jst(2026, 11, 30, 10, 10)
    assert world.sweep(jst(2026, 11, 30, 10, 10)).sent["approval.escalate"] == 1
    [notice] = escalation_notices(world)
    assert "直江 兼続 さん、決裁をお願いします" in notice


def test_a_reminder_does_not_promise_the_deputy_who_already_holds_the_request(world: World) -> None:
    """年末年始 with the manager away from 12/25: the draft went to the chief and to the deputy at
    once. The reminder of 12/28 told both, the deputy included, 「…までに決裁がない場合は、代決者
    にも決裁を依頼します」: nobody is left to ask, and the deputy read that they would be asked."""
    world.clock.t = jst(2026, 12, 18, 10, 0)
    world.kessai.set_away("U0MANAGER", jst(2026, 12, 25).date(), jst(2027, 1, 5).date())
    world.pending_draft(jst(2026, 12, 25, 16, 0))
    assert world.sweep(jst(2026, 12, 28, 9, 15)).sent["approval.remind"] == 1
    reminders = world.posts(contains="決裁のお願い")
    assert sorted(p["channel"] for p in reminders) == ["U0CHIEF", "U0DEPUTY"]
    assert not [shown(p) for p in reminders if "代決者にも" in shown(p)]


def test_a_reminder_does_not_promise_deputies_an_account_does_not_have(world: World) -> None:
    import dataclasses

    from bot.services import Kessai
    from bot.sweep import Sweeper

    org = dataclasses.replace(world.org, accounts=tuple(
        dataclasses.replace(a, deputies=()) for a in world.org.accounts))
    world.kessai = Kessai(world.db, org, clock=world.clock)
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    assert Sweeper(world.kessai).sweep(jst(2026, 11, 24, 12, 0)).sent["approval.remind"] == 1
    reminders = [shown(p) for p in world.posts(contains="決裁のお願い")]
    assert len(reminders) == 2 and not [r for r in reminders if "代決者にも" in r]



@pytest.mark.parametrize(("back", "promised"), [(jst(2026, 11, 30).date(), False), (jst(2026, 11, 24).date(), True)])
def test_a_reminder_promises_the_deputy_only_when_they_are_back_for_the_hand_off(
        world: World, back: date, promised: bool) -> None:
    """The only deputy away all week: the hand-off then says 「代決者の…さんは不在のため、代決を依頼
    できませんでした」, so the reminder before it must not promise 「代決者にも決裁を依頼します」.
    Away today only, they are back for the hand-off (11/25 10:00) and are asked then."""
    world.clock.t = jst(2026, 11, 20, 10, 0)
    world.kessai.set_away("U0DEPUTY", jst(2026, 11, 23).date(), back)
    world.pending_draft(jst(2026, 11, 24, 10, 0))
    assert world.sweep(jst(2026, 11, 24, 12, 0)).sent["approval.remind"] == 1
    reminders = [shown(p) for p in world.posts(contains="決裁のお願い")]
    assert len(reminders) == 2 and all(("2026年11月25日（水）10:00 までに決裁がない場合は、代決者にも" in r) == promised
                                       for r in reminders), reminders
    world.sweep(jst(2026, 11, 25, 10, 0))
    assert bool(world.posts(contains="不在のため、代決を依頼できませんでした")) != promised


def test_a_senior_member_who_is_not_the_accounts_approver_is_not_told_their_rank_is_short(world: World) -> None:
    """木田 (情報政策室の課長) presses 承認 on a forwarded request: the account does not list him.
    The refusal says so; it used to say 「課長補佐以上」 only, which a 課長 cannot make sense of."""
    from bot import errors

    draft = world.pending_draft(jst(2026, 11, 24, 10, 0))
    assert world.org.member("U0JOHO").rank == "課長"  # type: ignore[union-attr]
    with pytest.raises(errors.NotAnApprover) as refused:
        world.kessai.decide(draft, 1, "U0JOHO", approve=True)
    said = refused.value.message_ja
    assert "このアカウントの決裁者（運用管理責任者）として登録された方" in said, said
    assert "課長補佐以上" not in said and "何も記録していません" in said, said


def test_a_one_day_absence_names_the_day_once(world: World) -> None:
    """`/kessai away 2026-11-25 2026-11-25` (or 「明日」 alone): 「11月25日（水）から11月25日（水）まで」
    reads as a machine's; the day is named once, and so is a one-day absence being replaced."""
    world.clock.t = jst(2026, 11, 24, 15, 0)
    answer = world.kessai.set_away("U0MANAGER", jst(2026, 11, 25).date(), jst(2026, 11, 25).date())
    assert answer.startswith("2026年11月25日（水）を不在として登録しました。この日に届く決裁依頼は代決者に送られます。"), answer
    answer = world.kessai.set_away("U0MANAGER", jst(2026, 11, 30).date(), jst(2026, 12, 1).date())
    assert answer.startswith("2026年11月30日（月）から2026年12月1日（火）まで不在として登録しました。この間に"), answer
    assert "それまで登録されていた不在（2026年11月25日（水））は、この期間に置き換えました" in answer, answer
    deputy = world.kessai.set_away("U0DEPUTY", jst(2026, 11, 26).date(), jst(2026, 11, 26).date())
    assert deputy.startswith("2026年11月26日（木）を不在として登録しました。この日は、あなたに代決の依頼は届きません。"), deputy


ASKED_ON_RETURN = "不在の間に代決の依頼の時期が来ていた決裁待ちの依頼 1 件は、あなたに代決をお願いしました。"


@pytest.mark.parametrize(("back", "asked_at"), [
    ("absence ran out", jst(2026, 11, 30, 8, 30)),  # until 11/28 00:00: Monday's opening
    ("away off", jst(2026, 11, 26, 10, 0)),
    ("away off after hours", jst(2026, 11, 26, 20, 0)),
    ("a later absence replaces it", jst(2026, 11, 26, 10, 0)),
])
def test_a_deputy_away_at_the_hand_off_is_asked_when_back(world: World, back: str, asked_at: datetime) -> None:
    """The only deputy away 11/23–11/27 when the draft's escalation fell due (11/25 10:00): the thread
    was told 「不在のため、代決を依頼できませんでした」. Back — the absence run out, `/kessai away off`
    on 11/26, or a later absence registered on 11/26, which overwrites the one stored — the deputy is
    asked once (before, the two last left the draft with the slow approvers for good: the sweep finds
    a deputy's return by the absence stored, and it was gone), and their answer says so (it said only
    「不在の登録を取り消しました」, and the deputy found a request they had not heard of)."""
    world.clock.t = jst(2026, 11, 20, 10, 0)
    world.kessai.set_away("U0DEPUTY", date(2026, 11, 23), date(2026, 11, 27))
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.sweep(jst(2026, 11, 25, 10, 0))
    assert world.posts(contains="不在のため、代決を依頼できませんでした")
    world.clock.t = asked_at if back != "absence ran out" else jst(2026, 11, 26, 10, 0)
    with world.db.session() as s:
        before = max(s.exec(select(OutboxRow.id)))
    if back == "away off":
        assert world.kessai.clear_away("U0DEPUTY") == "不在の登録を取り消しました。これからの決裁依頼はあなたに届きます。" + ASKED_ON_RETURN
    elif back == "away off after hours":
        assert world.kessai.clear_away("U0DEPUTY") == (
            "不在の登録を取り消しました。これからの決裁依頼はあなたに届きます。" + ASKED_ON_RETURN
            + "依頼のメッセージは、次の始業時刻（2026年11月27日（金）08:30）にお送りします。")
        with world.db.session() as s:  # the notice and the DM are held for the morning, as said
            held = [r for r in s.exec(select(OutboxRow).where(OutboxRow.op == "post", OutboxRow.id > before))]
        assert held and all(as_utc(r.next_attempt_at) == jst(2026, 11, 27, 8, 30) for r in held), held
    elif back == "a later absence replaces it":
        answer = world.kessai.set_away("U0DEPUTY", date(2026, 12, 10), date(2026, 12, 11))
        assert ASKED_ON_RETURN + "予定が変わったときは" in answer, answer
    for t in (jst(2026, 11, 26, 10, 1), jst(2026, 11, 27, 10, 0), jst(2026, 11, 30, 8, 30), jst(2026, 11, 30, 9, 0)):
        world.sweep(t)
    with world.db.session() as s:
        asked = [as_utc(r.created_at) for r in s.exec(select(ApprovalRequestRow).where(
            ApprovalRequestRow.draft_id == draft_id, ApprovalRequestRow.recipient_id == "U0DEPUTY"))]
    assert asked == [asked_at.astimezone(UTC)], asked
    assert len(world.posts(contains="決裁が遅れているため、代決者の")) == 1


@pytest.mark.parametrize(("registered_at", "first", "last", "asked_at"), [
    # Still away on Thursday, the absence extended to the next Friday: one absence 11/23–12/4.
    (jst(2026, 11, 26, 10, 0), date(2026, 11, 26), date(2026, 12, 4), jst(2026, 12, 7, 8, 30)),
    # Back on Monday 08:30 and, before the sweep has seen it, away again that day and the next:
    # never at work between the two, so still the absence in which the escalation fell due.
    (jst(2026, 11, 30, 8, 30, 20), date(2026, 11, 30), date(2026, 12, 1), jst(2026, 12, 2, 8, 30)),
])
def test_a_deputy_away_again_from_today_is_asked_when_back(world: World, registered_at: datetime, first: date,
                                                          last: date, asked_at: datetime) -> None:
    """The only deputy away 11/23–11/27 when the draft's escalation fell due (11/25 10:00) registers
    an absence from the day it is typed: the stored absence must keep its start, or the escalation
    claimed on 11/25 falls outside it and the deputy is never asked for the draft."""
    world.clock.t = jst(2026, 11, 20, 10, 0)
    world.kessai.set_away("U0DEPUTY", date(2026, 11, 23), date(2026, 11, 27))
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    world.sweep(jst(2026, 11, 25, 10, 0))
    assert world.posts(contains="不在のため、代決を依頼できませんでした")
    world.clock.t = registered_at
    answer = world.kessai.set_away("U0DEPUTY", first, last)
    assert "から2026年11月27日（金）まで）と" in answer and "一つの不在にまとめて" in answer, answer
    world.sweep(registered_at + timedelta(minutes=1))
    day = jst(registered_at.year, registered_at.month, registered_at.day, 8, 30)
    while day <= asked_at:
        day += timedelta(days=1)
        world.sweep(day)
    with world.db.session() as s:
        asked = [as_utc(r.created_at) for r in s.exec(select(ApprovalRequestRow).where(
            ApprovalRequestRow.draft_id == draft_id, ApprovalRequestRow.recipient_id == "U0DEPUTY"))]
    assert asked == [asked_at.astimezone(UTC)], asked


def test_an_absence_from_today_is_not_joined_to_one_that_ended_days_before(world: World) -> None:
    """An absence whose end no sweep handled (nothing swept here; in use, a person named a deputy
    after it ended) is not continued by one registered days after it: only a return today that
    the sweep has not seen yet is."""
    world.clock.t = jst(2026, 11, 20, 10, 0)
    world.kessai.set_away("U0DEPUTY", date(2026, 11, 23), date(2026, 11, 24))
    world.clock.t = jst(2026, 12, 2, 10, 0)
    answer = world.kessai.set_away("U0DEPUTY", date(2026, 12, 2), date(2026, 12, 3))
    assert answer.startswith("2026年12月2日（水）から2026年12月3日（木）まで不在として登録しました。"), answer
    assert "まとめて" not in answer, answer
