"""Monthly minimum (上越市 4(4)②), 運用計画書 renewal and password rotation (上越市 6(1)①)."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

import pytest
from sqlmodel import col, delete, select

from bot import errors
from bot.incidents import UnknownAccount
from bot.sweep import Sweeper
from storage import reminders
from storage.models import OutboxRow, ReminderRow
from tests.time.conftest import (
    Clock,
    World,
    jst,
    refuse_outbox_rows,
    refuse_outbox_rows_keyed,
    refuse_outbox_rows_saying,
    shown,
)

if TYPE_CHECKING:
    from bot.config import OrgConfig
    from storage.db import Database

POST_URL = "https://x.com/joetsu_city_example/status/1"


def publish_one(w: World, when_day: int) -> None:
    """A post on 上越市公式X in November 2026, recorded as published."""
    draft_id = w.scheduled_draft(jst(2026, 11, when_day, 9, 0), scheduled=jst(2026, 11, when_day, 11, 0))
    w.clock.t = jst(2026, 11, when_day, 9, 30)
    w.kessai.decide(draft_id, 1, "U0CHIEF", approve=True)
    w.clock.t = jst(2026, 11, when_day, 11, 5)
    w.kessai.publish(draft_id, 1, "U0OPERATOR", url=POST_URL, at=jst(2026, 11, when_day, 11, 0))


def monthly_dms(w: World, user: str) -> list[str]:
    return [shown(p) for p in w.posts(to=user, contains="今月の投稿のお願い")]


def test_on_the_20th_operators_of_accounts_without_a_post_are_reminded(world: World) -> None:
    publish_one(world, 10)  # 上越市公式X has its November post; 上越市公式Instagram has none
    assert world.sweep(jst(2026, 11, 20, 8, 29)).sent["monthly.midmonth"] == 0
    assert world.sweep(jst(2026, 11, 20, 8, 30)).sent["monthly.midmonth"] == 1
    assert world.sweep(jst(2026, 11, 20, 15, 0)).sent["monthly.midmonth"] == 0
    [text] = monthly_dms(world, "U0OPERATOR2")
    assert "上越市公式Instagram" in text and "0 件" in text and "基準です。" in text and "上越市ソーシャル" not in text
    assert "11月30日（月） までに" in text  # the last business day of November 2026
    assert monthly_dms(world, "U0OPERATOR") == []  # operates only the account that did post
    assert monthly_dms(world, "U0MANAGER") == []  # approvers only on the last business day


def test_a_20th_on_a_sunday_waits_for_monday_morning(world: World) -> None:
    assert world.sweep(jst(2026, 12, 20, 10, 0)).sent["monthly.midmonth"] == 0  # Sunday
    assert world.sweep(jst(2026, 12, 21, 8, 29)).sent["monthly.midmonth"] == 0
    assert world.sweep(jst(2026, 12, 21, 8, 30)).sent["monthly.midmonth"] == 2


@pytest.mark.parametrize(("first_quiet", "opens"), [
    # 2026-09-20 (Sun), 21 敬老の日, 22 国民の休日, 23 秋分の日: Silver Week; the 20th's reminder on Thursday.
    (jst(2026, 9, 20, 10, 0), jst(2026, 9, 24, 8, 30)),
    # 2027-03-20 (Sat), 21 春分の日 (Sun), 22 振替休日: Tuesday.
    (jst(2027, 3, 20, 10, 0), jst(2027, 3, 23, 8, 30)),
])
def test_a_20th_in_a_run_of_holidays_waits_for_the_next_business_morning(world_factory, first_quiet,  # type: ignore[no-untyped-def]
                                                                          opens) -> None:
    w = world_factory(first_quiet.replace(day=1))
    w.sweep(first_quiet.replace(day=2, hour=9))  # in use since the start of the month
    t = first_quiet
    while t < opens:
        assert w.sweep(t).sent["monthly.midmonth"] == 0, t
        t += timedelta(hours=7)
    assert w.sweep(opens - timedelta(minutes=1)).sent["monthly.midmonth"] == 0
    assert w.sweep(opens).sent["monthly.midmonth"] == 2
    assert w.sweep(opens + timedelta(hours=3)).sent["monthly.midmonth"] == 0


def test_april_2027_ends_on_friday_the_30th_and_mays_report_waits_for_golden_week(world_factory) -> None:  # type: ignore[no-untyped-def]
    w = world_factory(jst(2027, 4, 1, 9, 0))
    w.sweep(jst(2027, 4, 1, 9, 0))
    assert w.sweep(jst(2027, 4, 28, 9, 0)).sent["monthly.lastday"] == 0  # 4/29 昭和の日 is no last day
    assert w.sweep(jst(2027, 4, 30, 8, 30)).sent["monthly.lastday"] == 3
    for closed in (jst(2027, 5, 1, 9, 0), jst(2027, 5, 3, 9, 0), jst(2027, 5, 5, 17, 0)):
        assert w.sweep(closed).sent["monthly.report"] == 0, closed
    report = w.sweep(jst(2027, 5, 6, 8, 30))
    assert report.sent["monthly.report"] == 1 and report.sent["monthly.lastday"] == 0


def test_a_first_on_a_sunday_reports_on_monday_and_catches_up_a_missed_last_day(world: World) -> None:
    """Down from Friday 10/30 (October's last business day) over the weekend; back on Sunday 11/1:
    nothing on Sunday; on Monday 11/2 the late notice on October and the report, once each, and
    no 「今月の投稿のお願い」 about November (nor October's 20th)."""
    world.sweep(jst(2026, 10, 21, 9, 0))
    assert world.sweep(jst(2026, 11, 1, 10, 0)).total == 0
    report = world.sweep(jst(2026, 11, 2, 8, 30))
    assert (report.sent["monthly.lastday"], report.sent["monthly.report"], report.sent["monthly.midmonth"]) == (2, 1, 0)
    assert world.sweep(jst(2026, 11, 2, 8, 30)).total == 0
    assert world.posts(contains="の11月の投稿は") == []
    assert len(world.posts(to="U0CHIEF", contains="今月の投稿のお願い")) == 0  # October's 20th went to operators only
    assert len(world.posts(to="U0CHIEF", contains="10月の投稿についてのお知らせ")) == 1


def test_on_the_20th_a_post_scheduled_for_the_next_months_first_instant_is_not_this_months(world: World) -> None:
    # Approved for 12/1 00:00, it counts for December: November's operator is still asked.
    draft_id = world.scheduled_draft(jst(2026, 11, 18, 10, 0), scheduled=jst(2026, 12, 1, 0, 0))
    world.clock.t = jst(2026, 11, 19, 9, 0)
    world.kessai.decide(draft_id, 1, "U0CHIEF", approve=True)
    assert world.sweep(jst(2026, 11, 20, 8, 30)).sent["monthly.midmonth"] == 2
    assert "上越市公式X" in monthly_dms(world, "U0OPERATOR")[0]


@pytest.mark.parametrize("decided", [True, False], ids=["approved", "awaiting-decision"])
def test_on_the_20th_an_account_whose_post_is_on_its_way_is_not_asked_to_post(world: World, decided: bool) -> None:
    """上越市公式X's November post is approved (or waiting for a decision) for the 25th: its
    operator has done what the 20th's reminder would ask, and 「現在 0 件…投稿をお願いします」
    would be a false alarm. 上越市公式Instagram has nothing on its way and is asked."""
    draft_id = world.scheduled_draft(jst(2026, 11, 18, 10, 0), scheduled=jst(2026, 11, 25, 10, 0))
    if decided:
        world.clock.t = jst(2026, 11, 19, 9, 0)
        world.kessai.decide(draft_id, 1, "U0CHIEF", approve=True)
    assert world.sweep(jst(2026, 11, 20, 8, 30)).sent["monthly.midmonth"] == 1
    assert monthly_dms(world, "U0OPERATOR") == []
    [text] = monthly_dms(world, "U0OPERATOR2")
    assert "上越市公式Instagram" in text and "上越市公式X" not in text


def test_on_the_last_business_day_a_post_approved_for_that_afternoon_is_not_reported_short(world: World) -> None:
    """Approved for 14:00 on 11/30, the last business day: at 8:30 the approvers and the escalation
    channel are not told 上越市公式X is short. One whose time passed unmarked (11/27) still counts
    as short: nothing says it went out."""
    world.sweep(jst(2026, 11, 20, 9, 0))
    later = world.scheduled_draft(jst(2026, 11, 26, 10, 0), scheduled=jst(2026, 11, 30, 14, 0))
    world.clock.t = jst(2026, 11, 26, 11, 0)
    world.kessai.decide(later, 1, "U0CHIEF", approve=True)
    report = world.sweep(jst(2026, 11, 30, 8, 30))
    assert report.sent["monthly.lastday"] == 2  # 上越市公式Instagram + the channel's summary
    [summary] = world.posts(to="C0ESCALATE", contains="達していないアカウント")
    assert "上越市公式X" not in shown(summary) and "上越市公式Instagram: 0 件" in shown(summary)
    assert all("上越市公式X" not in t for t in monthly_dms(world, "U0CHIEF"))


def test_on_the_last_business_day_a_post_still_awaiting_a_decision_is_reported_short(world: World) -> None:
    """Unlike the 20th's, the last business day's reminder counts only an approved post as on its
    way: one still awaiting a decision at 8:30 may be sent back, and the day is the last chance."""
    world.sweep(jst(2026, 11, 20, 9, 0))
    world.scheduled_draft(jst(2026, 11, 26, 10, 0), scheduled=jst(2026, 11, 30, 14, 0))
    assert world.sweep(jst(2026, 11, 30, 8, 30)).sent["monthly.lastday"] == 3
    [summary] = world.posts(to="C0ESCALATE", contains="達していないアカウント")
    assert "上越市公式X: 0 件" in shown(summary)


def test_on_the_last_business_day_an_approved_post_whose_time_passed_unmarked_is_still_short(world: World) -> None:
    world.sweep(jst(2026, 11, 20, 9, 0))
    passed = world.scheduled_draft(jst(2026, 11, 26, 10, 0), scheduled=jst(2026, 11, 27, 14, 0))
    world.clock.t = jst(2026, 11, 26, 11, 0)
    world.kessai.decide(passed, 1, "U0CHIEF", approve=True)
    assert world.sweep(jst(2026, 11, 30, 8, 30)).sent["monthly.lastday"] == 3
    [summary] = world.posts(to="C0ESCALATE", contains="達していないアカウント")
    assert "上越市公式X: 0 件" in shown(summary)


def test_last_business_day_tells_approvers_and_the_escalation_channel(world: World) -> None:
    world.sweep(jst(2026, 11, 20, 9, 0))
    assert world.sweep(jst(2026, 11, 27, 17, 0)).sent["monthly.lastday"] == 0
    report = world.sweep(jst(2026, 11, 30, 8, 30))
    assert report.sent["monthly.lastday"] == 3  # two accounts + one channel summary
    assert world.sweep(jst(2026, 11, 30, 16, 0)).sent["monthly.lastday"] == 0
    [both] = monthly_dms(world, "U0MANAGER")  # approver of both accounts: one message listing them
    assert "次の 2 アカウントは" in both and "・上越市公式X: 現在 0 件\n・上越市公式Instagram: 現在 0 件\n" in both
    assert "本日が今月最後の業務日です" in monthly_dms(world, "U0CHIEF")[0]
    [summary] = world.posts(to="C0ESCALATE", contains="達していないアカウント")
    assert "上越市公式X: 0 件" in shown(summary) and "上越市公式Instagram: 0 件" in shown(summary)


def test_remind_now_at_the_last_business_days_opening_sends_its_reminder_not_the_20ths_as_well(world: World) -> None:
    # `kessai remind --now 2026-11-30T08:30` tried on Friday the 27th, the 20th's run missed (down
    # from the 19th): from the last business day's opening the 20th's reminder (「11月30日までに」) is
    # stale, and sent with the last day's it said the same thing twice at that very instant.
    world.sweep(jst(2026, 11, 19, 9, 0))
    world.clock.t = jst(2026, 11, 27, 17, 0)
    report = Sweeper(world.kessai, settle_until=world.clock.t).sweep(jst(2026, 11, 30, 8, 30))
    assert (report.sent["monthly.midmonth"], report.sent["monthly.lastday"]) == (0, 3)


def test_on_the_first_the_channel_gets_last_months_shortfalls(world: World) -> None:
    publish_one(world, 10)
    assert world.sweep(jst(2026, 12, 1, 8, 29)).sent["monthly.report"] == 0
    assert world.sweep(jst(2026, 12, 1, 8, 30)).sent["monthly.report"] == 1
    assert world.sweep(jst(2026, 12, 2, 9, 0)).sent["monthly.report"] == 0
    [msg] = world.posts(to="C0ESCALATE", contains="投稿件数の報告")
    assert "2026年11月" in shown(msg) and "上越市公式Instagram: 0 件" in shown(msg)
    assert "上越市公式X" not in shown(msg) and "撤退" in shown(msg)


def test_new_year_report_waits_for_the_end_of_the_closure(world: World) -> None:
    world.sweep(jst(2026, 12, 15, 10, 0))  # kessai was running in December
    for closed in (jst(2027, 1, 1, 9, 0), jst(2027, 1, 3, 9, 0)):
        assert world.sweep(closed).sent["monthly.report"] == 0
    assert world.sweep(jst(2027, 1, 4, 8, 30)).sent["monthly.report"] == 1
    assert world.posts(to="C0ESCALATE", contains="2026年12月の投稿件数の報告")


def test_min_posts_zero_turns_the_monthly_minimum_off(db, org) -> None:  # type: ignore[no-untyped-def]
    """``min_posts_per_month = 0`` is documented as "この催促をしません": no 20th or last-business-day
    reminder, and no monthly report to the escalation channel either (「基準: 月0回以上 … 全アカウントが
    基準を満たしました」 every month is noise about a rule the organisation does not apply)."""
    from dataclasses import replace

    from bot.services import Kessai
    from bot.sweep import Sweeper
    from storage import roster
    from tests.time.conftest import Clock

    off = replace(org, policy=replace(org.policy, min_posts_per_month=0))
    with db.session() as s:
        roster.sync(s, off)
    sweeper = Sweeper(Kessai(db, off, clock=Clock(jst(2026, 11, 2, 9, 0))))
    sweeper.sweep(jst(2026, 11, 2, 9, 0))
    for t in (jst(2026, 11, 20, 8, 30), jst(2026, 11, 30, 8, 30), jst(2026, 12, 1, 8, 30), jst(2026, 12, 21, 9, 0)):
        report = sweeper.sweep(t)
        assert not any(report.sent[k] for k in ("monthly.midmonth", "monthly.lastday", "monthly.report")), t
    with db.session() as s:
        assert not [r for r in s.exec(select(OutboxRow)) if "投稿件数" in (shown(r.payload))]


def in_use_from_november_2(db: Database, org: OrgConfig) -> None:
    """kessai in use from 11/2 9:00: the file synced and swept then, so it counts November from the 2nd."""
    from bot.services import Kessai
    from storage import roster

    with db.session() as s:
        roster.sync(s, org)
    Sweeper(Kessai(db, org, clock=Clock(jst(2026, 11, 2, 9, 0)))).sweep(jst(2026, 11, 2, 9, 0))


def with_facebook(db: Database, org: OrgConfig, *, operators: tuple[str, ...]) -> OrgConfig:
    """The file with 上越市公式Facebook added (operated by ``operators``), synced as kessai restarted with it
    does; no sweep has seen the account yet, so the test's first sweep dates when it was added."""
    from dataclasses import replace

    from storage import roster

    fb = replace(org.accounts[0], id="joetsu-fb", platform="facebook", name="上越市公式Facebook",
                 url="https://www.facebook.com/example", operators=operators)
    grown = replace(org, accounts=(*org.accounts, fb))
    with db.session() as s:
        roster.sync(s, grown)
    return grown


def test_an_account_added_on_the_25th_is_counted_from_then(db, org) -> None:  # type: ignore[no-untyped-def]
    """kessai in use since 2 November; 上越市公式Facebook is added to the organisation file on the 25th.
    Its posts before then could not go through kessai: 「11月2日に kessai の利用を始めてからの記録では
    0 件」 would tell its people (and the 撤退 report) that it was silent for the whole month. It is still
    reminded (the standard applies to it), with the count said from when it was registered."""
    from bot.services import Kessai
    from bot.sweep import Sweeper
    from tests.time.conftest import Clock

    in_use_from_november_2(db, org)
    grown = with_facebook(db, org, operators=("U0OPERATOR", "U0FBONLY"))
    sweeper = Sweeper(Kessai(db, grown, clock=Clock(jst(2026, 11, 25, 9, 0))))
    sweeper.sweep(jst(2026, 11, 25, 9, 0))
    assert sweeper.sweep(jst(2026, 11, 30, 8, 30)).sent["monthly.lastday"] == 4  # three accounts + channel
    assert sweeper.sweep(jst(2026, 12, 1, 8, 30)).sent["monthly.report"] == 1
    with db.session() as s:
        texts = [(r.payload["channel"], shown(r.payload)) for r in s.exec(select(OutboxRow))]
    lastday = [(to, t) for to, t in texts if "本日が今月最後の業務日" in t]
    # U0OPERATOR operates both: one message, the month's start said once, the added account's on its line.
    [dm] = [t for to, t in lastday if to == "U0OPERATOR"]
    assert "・上越市公式Facebook: 現在 0 件（11月25日に kessai に登録されてからの記録）" in dm
    assert "・上越市公式X: 現在 0 件\n" in dm
    assert "11月2日に kessai の利用を始めてからの記録による件数です" in dm
    # Its only operator: the message it always was.
    [fb_dm] = [t for to, t in lastday if to == "U0FBONLY"]
    assert "上越市公式Facebook の11月の投稿は、11月25日に kessai に登録されてからの記録では 0 件です" in fb_dm
    assert "11月2日" not in fb_dm
    [summary] = [t for to, t in texts if to == "C0ESCALATE" and "達していないアカウント" in t]
    [report] = [t for to, t in texts if to == "C0ESCALATE" and "投稿件数の報告" in t]
    for text in (summary, report):
        assert "・上越市公式Facebook: 0 件（11月25日に kessai に登録されてからの記録）" in text
        assert "・上越市公式X: 0 件\n" in text
    # December is the first whole month kessai keeps for it: plain counts.
    sweeper.sweep(jst(2026, 12, 21, 9, 0))
    with db.session() as s:
        december = [shown(r.payload) for r in s.exec(select(OutboxRow))
                    if r.payload["channel"] == "U0FBONLY" and "12月の投稿" in (shown(r.payload))]
    assert december and "現在 0 件です" in december[0] and "登録されて" not in december[0]


def test_remind_now_for_another_day_does_not_date_an_added_account_from_that_day(db, org) -> None:  # type: ignore[no-untyped-def]
    """上越市公式Facebook is added on the 25th; the first sweep to see it is a `kessai remind --now`
    run that day for another instant (a rehearsal of the last business day, a replay of the 10th).
    It was first in the file on the 25th, whatever instant the sweep was asked to act as of: the
    reminders of November must say 「11月25日に kessai に登録されてから」, not the 30th or the 10th."""
    from bot.services import Kessai
    from bot.sweep import Sweeper
    from tests.time.conftest import Clock

    in_use_from_november_2(db, org)
    grown = with_facebook(db, org, operators=("U0OPERATOR",))
    clock = Clock(jst(2026, 11, 25, 9, 0))
    sweeper = Sweeper(Kessai(db, grown, clock=clock))
    for first in (jst(2026, 12, 21, 9, 0), jst(2026, 11, 10, 9, 0)):
        with db.session() as s:  # the file as it was before this sweep saw it
            s.exec(delete(ReminderRow).where(  # type: ignore[call-overload]
                (col(ReminderRow.key) == "account.known:joetsu-fb")
                | (col(ReminderRow.key).startswith("accounts.noted:") & (col(ReminderRow.claimed_at) > jst(2026, 11, 2, 9, 0)))))
        sweeper.sweep(first)
        with db.session() as s:
            known = reminders.accounts_known_since(s)
        assert known["joetsu-fb"] == jst(2026, 11, 25, 9, 0), first
        assert known["joetsu-x"] == jst(2026, 11, 2, 9, 0), first


def test_an_account_in_the_file_from_the_first_sweep_is_not_counted_as_added(world: World) -> None:
    world.sweep(jst(2026, 11, 12, 10, 0))
    world.sweep(jst(2026, 11, 30, 8, 30))
    assert all("登録されて" not in t for t in monthly_dms(world, "U0OPERATOR2"))


def test_plan_renewal_on_the_first_of_march(world: World) -> None:
    assert world.sweep(jst(2027, 2, 26, 17, 0)).sent["plan.renewal"] == 0
    assert world.sweep(jst(2027, 3, 1, 8, 29)).sent["plan.renewal"] == 0
    assert world.sweep(jst(2027, 3, 1, 8, 30)).sent["plan.renewal"] == 2
    assert world.sweep(jst(2027, 3, 15, 10, 0)).sent["plan.renewal"] == 0
    # U0MANAGER approves both accounts: one message lists them, in the file's order.
    [text] = [shown(p) for p in world.posts(to="U0MANAGER", contains="運用計画書の更新のお願い")]
    assert "2027年3月31日（水）までに" in text and "年度単位です。" in text and "6(1)" not in text and "閉庁日" not in text
    assert "次の 2 アカウントの運用期間は年度単位です" in text
    # 上越市 6(1)①: 年度末に再度計画書を作成し、広報対話課長に提出 — not to 情報政策室 as well, whom its
    # file's escalation departments (found by name) include.
    assert "運用計画書を作成し、広報対話課長に提出してください" in text and "情報政策" not in text, text
    assert text.index("・上越市公式X\n") < text.index("・上越市公式Instagram\n")
    assert world.posts(to="U0OPERATOR", contains="運用計画書") == []


def test_plan_renewal_when_march_first_is_a_sunday(world_factory) -> None:  # type: ignore[no-untyped-def]
    w = world_factory(jst(2026, 2, 1, 10, 0))
    assert w.sweep(jst(2026, 3, 1, 10, 0)).sent["plan.renewal"] == 0
    assert w.sweep(jst(2026, 3, 2, 8, 30)).sent["plan.renewal"] == 2


def test_plan_renewal_when_march_thirty_first_is_a_saturday_asks_for_the_friday(
        world_factory) -> None:  # type: ignore[no-untyped-def]
    """2029-03-31 is a Saturday: 年度末に…広報対話課長に提出 (上越市 6(1)①) can be done by Friday 3/30
    at the latest; 「3月31日までに」 promised a day the 課 is closed."""
    w = world_factory(jst(2029, 2, 1, 10, 0))
    assert w.sweep(jst(2029, 3, 1, 8, 30)).sent["plan.renewal"] == 2
    [t] = [shown(p) for p in w.posts(to="U0MANAGER", contains="運用計画書の更新のお願い")]
    assert "2029年3月30日（金）までに" in t and "3月31日までに" not in t
    assert "年度末の3月31日（土）は閉庁日のため、その前の業務日を期限としています" in t


def rotate(w: World, account: str, at, who: str = "U0OPERATOR") -> str:  # type: ignore[no-untyped-def]
    return w.incidents.record_password_rotation(account, who, now=at)


def test_password_rotation_reminder_after_ninety_days(world: World) -> None:
    rotate(world, "joetsu-x", jst(2026, 8, 26, 10, 0))
    rotate(world, "joetsu-insta", jst(2026, 8, 26, 10, 0), who="U0OPERATOR2")
    assert world.sweep(jst(2026, 11, 24, 9, 59)).sent["password.rotate"] == 0
    assert world.sweep(jst(2026, 11, 24, 10, 0)).sent["password.rotate"] == 2
    assert world.sweep(jst(2026, 11, 25, 10, 0)).sent["password.rotate"] == 0
    [text] = [shown(p) for p in world.posts(to="U0OPERATOR", contains="パスワード変更のお願い")]
    assert "/kessai password-rotated joetsu-x" in text and "2026年8月26日（水）10:00" in text
    # Recording the change restarts the cycle.
    rotate(world, "joetsu-x", jst(2026, 11, 25, 11, 0))
    assert world.sweep(jst(2027, 2, 22, 9, 59)).sent["password.rotate"] == 0
    assert world.sweep(jst(2027, 2, 22, 10, 0)).sent["password.rotate"] == 1  # joetsu-insta's 2nd cycle
    # joetsu-x is due on 2027-02-23 11:00, 天皇誕生日: the reminder waits for the next business morning.
    assert world.sweep(jst(2027, 2, 23, 11, 0)).sent["password.rotate"] == 0
    assert world.sweep(jst(2027, 2, 24, 8, 30)).sent["password.rotate"] == 1


def test_password_boundary_on_a_weekend_fires_monday_morning(world: World) -> None:
    for account, who in (("joetsu-x", "U0OPERATOR"), ("joetsu-insta", "U0OPERATOR2")):
        rotate(world, account, jst(2026, 8, 30, 12, 0), who=who)  # due Saturday 2026-11-28 12:00
    for quiet in (jst(2026, 11, 28, 12, 0), jst(2026, 11, 29, 15, 0), jst(2026, 11, 30, 8, 29)):
        assert world.sweep(quiet).sent["password.rotate"] == 0, quiet
    assert world.sweep(jst(2026, 11, 30, 8, 30)).sent["password.rotate"] == 2


def test_never_recorded_password_asks_once_in_business_hours(world: World) -> None:
    assert world.sweep(jst(2026, 11, 24, 7, 0)).sent["password.rotate"] == 0
    assert world.sweep(jst(2026, 11, 24, 8, 30)).sent["password.rotate"] == 2
    assert world.sweep(jst(2026, 11, 25, 8, 30)).sent["password.rotate"] == 0
    assert "変更した記録がありません" in shown(world.posts(to="U0OPERATOR2", contains="パスワード")[0])


def test_never_recorded_password_is_asked_again_every_period_until_a_change_is_recorded(world: World) -> None:
    # Asked at 14:00 on 11/24; nobody records a change: 90 days on (2027-02-22 (Mon) 14:00) both
    # accounts are asked again, at that hour even though a sweep at the day's opening found nothing due.
    assert world.sweep(jst(2026, 11, 24, 14, 0)).sent["password.rotate"] == 2
    assert world.sweep(jst(2027, 2, 22, 8, 30)).sent["password.rotate"] == 0
    assert world.sweep(jst(2027, 2, 22, 13, 59)).sent["password.rotate"] == 0
    assert world.sweep(jst(2027, 2, 22, 14, 0)).sent["password.rotate"] == 2
    assert world.sweep(jst(2027, 2, 22, 15, 0)).sent["password.rotate"] == 0
    assert world.sweep(jst(2027, 2, 24, 9, 0)).sent["password.rotate"] == 0
    # U0OPERATOR2 operates both accounts: one message lists both, each line saying why.
    *_, text = [shown(p) for p in world.posts(to="U0OPERATOR2", contains="パスワード変更のお願い")]
    assert ("・上越市公式Instagram: 変更した記録が、まだありません（2026年11月24日（火）に変更と記録を"
            "お願いしてから 90 日がたちました）　`/kessai password-rotated joetsu-insta`") in text
    assert "すでに変更している場合も、記録をお願いします" in text
    # 上越市公式X records its change on 3/1: from then on it follows its own record's cycle.
    rotate(world, "joetsu-x", jst(2027, 3, 1, 10, 0))
    # The third period of 上越市公式Instagram (2027-05-23 14:00) is a Sunday: Monday's opening.
    assert world.sweep(jst(2027, 5, 23, 14, 0)).sent["password.rotate"] == 0
    assert world.sweep(jst(2027, 5, 24, 8, 30)).sent["password.rotate"] == 1
    assert len(world.posts(to="U0OPERATOR", contains="パスワード変更のお願い")) == 2  # none for 上越市公式X
    # Down from June to November: one ask for the period it is in, not one for each missed.
    def insta_asks() -> list[str]:
        return [t for p in world.posts(to="U0OPERATOR2", contains="パスワード変更のお願い")
                if "上越市公式Instagram" in (t := shown(p))]

    assert len(insta_asks()) == 3
    assert world.sweep(jst(2027, 11, 1, 10, 0)).sent["password.rotate"] == 2  # Instagram's 4th, X's record + 2 periods
    assert world.sweep(jst(2027, 11, 1, 10, 1)).sent["password.rotate"] == 0
    assert len(insta_asks()) == 4
    assert "お願いしてから 342 日がたちました" in insta_asks()[-1]
    *_, x = [shown(p) for p in world.posts(to="U0OPERATOR", contains="パスワード変更のお願い")]
    assert "前回の変更（2027年3月1日（月）10:00）" in x


def test_a_second_ask_about_a_never_recorded_password_goes_once_from_two_replicas(world_factory) -> None:  # type: ignore[no-untyped-def]
    a, b = world_factory(jst(2026, 11, 24, 9, 0)), world_factory(jst(2026, 11, 24, 9, 0))
    assert a.sweep(jst(2026, 11, 24, 9, 0)).sent["password.rotate"] == 2
    assert b.sweep(jst(2026, 11, 24, 9, 0)).sent["password.rotate"] == 0
    assert b.sweep(jst(2027, 2, 22, 9, 0)).sent["password.rotate"] == 2
    assert a.sweep(jst(2027, 2, 22, 9, 0)).sent["password.rotate"] == 0
    assert len(a.posts(to="U0OPERATOR", contains="パスワード変更のお願い")) == 2


def test_a_first_password_ask_from_a_replay_for_last_year_dates_its_period_from_the_real_day(world: World) -> None:
    # On 2026-11-24 (the fixture's clock) someone tries `remind --now` with the year mistyped on a
    # fresh install: the first asks go out that day. The next ones are due 90 days after it, not at
    # once as if asked in 2025.
    assert Sweeper(world.kessai, settle_until=world.clock.t).sweep(
        jst(2025, 11, 25, 10, 0)).sent["password.rotate"] == 2
    assert world.sweep(jst(2026, 11, 25, 10, 0)).sent["password.rotate"] == 0
    assert world.sweep(jst(2027, 2, 19, 10, 0)).sent["password.rotate"] == 0
    assert world.sweep(jst(2027, 2, 22, 10, 0)).sent["password.rotate"] == 2
    assert "2026年11月24日（火）に変更と記録をお願いしてから 90 日" in shown(world.posts(
        to="U0OPERATOR", contains="パスワード変更のお願い")[-1])


def test_an_account_put_back_in_the_file_keeps_the_periods_of_its_first_password_ask(world: World) -> None:
    # Both accounts are asked on 11/24 and again on 2/22. 上越市公式Instagram is taken out of the file
    # on 3/1 and put back on 3/15 (registered again from then): its periods still run from the ask of
    # 11/24, so its next ask is the third period's (5/24), not a full period after 3/15 — whose first
    # period's ask was already sent, leaving the account unasked until September.
    from dataclasses import replace

    from bot.services import Kessai

    def sweep_with(org, at: datetime) -> int:  # type: ignore[no-untyped-def]
        world.clock.t = at
        return Sweeper(Kessai(world.db, org, clock=world.clock)).sweep(at).sent["password.rotate"]

    without = replace(world.org, accounts=tuple(a for a in world.org.accounts if a.id != "joetsu-insta"))
    assert sweep_with(world.org, jst(2026, 11, 24, 10, 0)) == 2
    assert sweep_with(world.org, jst(2027, 2, 22, 10, 0)) == 2
    assert sweep_with(without, jst(2027, 3, 1, 10, 0)) == 0
    assert sweep_with(world.org, jst(2027, 3, 15, 10, 0)) == 0
    assert sweep_with(world.org, jst(2027, 5, 24, 10, 0)) == 2
    insta = [p for p in world.posts(to="U0OPERATOR2", contains="パスワード変更のお願い") if "上越市公式Instagram" in shown(p)]
    assert len(insta) == 3
    assert "2026年11月24日（火）に変更と記録をお願いしてから 181 日" in shown(insta[-1])
    assert sweep_with(world.org, jst(2027, 6, 14, 10, 0)) == 0


def test_a_first_password_ask_from_a_replay_for_before_the_account_was_added_dates_from_the_real_day(
        world: World) -> None:
    # 上越市公式Facebook is added on 1/15; that day `remind --now` is replayed for 12/1 (a mistyped
    # month). Its first ask goes out on 1/15: the next is due 90 days after that, not on 3/1.
    from dataclasses import replace

    from bot.services import Kessai

    fb = replace(world.org.accounts[0], id="joetsu-fb", name="上越市公式Facebook")
    grown = replace(world.org, accounts=(*world.org.accounts, fb))
    assert world.sweep(jst(2026, 11, 24, 10, 0)).sent["password.rotate"] == 2
    world.clock.t = jst(2027, 1, 15, 10, 0)
    kessai = Kessai(world.db, grown, clock=world.clock)
    assert Sweeper(kessai, settle_until=world.clock.t).sweep(jst(2026, 12, 1, 10, 0)).sent["password.rotate"] == 1
    assert Sweeper(kessai).sweep(jst(2027, 3, 1, 10, 0)).sent["password.rotate"] == 2  # X and Instagram
    assert Sweeper(kessai).sweep(jst(2027, 4, 15, 10, 0)).sent["password.rotate"] == 1
    text = [shown(p) for p in world.posts(contains="上越市公式Facebook のパスワード")][-1]
    assert "2027年1月15日（金）に変更と記録をお願いしてから 90 日" in text


def test_password_rotated_refusals_are_polite(world: World) -> None:
    with pytest.raises(UnknownAccount) as e:
        world.incidents.record_password_rotation("joetsu-tiktok", "U0OPERATOR")
    assert "登録されていません" in e.value.message_ja and "joetsu-x" in e.value.message_ja
    with pytest.raises(UnknownAccount) as e:
        world.incidents.record_password_rotation("", "U0OPERATOR")
    assert "指定してください" in e.value.message_ja
    with pytest.raises(errors.KessaiError) as e2:
        world.incidents.record_password_rotation("joetsu-x", "U0STRANGER")
    assert "運用担当者" in e2.value.message_ja
    with world.db.session() as s:
        assert reminders.last_rotations(s) == {}
    ok = world.incidents.record_password_rotation("上越市公式X", "U0MANAGER", now=jst(2026, 11, 24, 10, 0))
    assert "記録しました" in ok and "次の変更の目安は2027年2月22日（月）です。" in ok


def test_date_reminders_missed_over_a_weekend_wait_for_business_hours(world: World) -> None:
    world.sweep(jst(2026, 11, 2, 9, 0))  # running since early November; stopped over the 20th (a Friday)
    assert world.sweep(jst(2026, 11, 21, 23, 30)).sent["monthly.midmonth"] == 0  # Saturday night
    assert world.sweep(jst(2026, 11, 23, 10, 0)).sent["monthly.midmonth"] == 0  # 勤労感謝の日
    assert world.sweep(jst(2026, 11, 24, 7, 0)).sent["monthly.midmonth"] == 0  # before opening
    assert world.sweep(jst(2026, 11, 24, 8, 30)).sent["monthly.midmonth"] == 2


def test_no_report_on_a_month_before_kessai_was_in_use(world: World) -> None:
    # Installed on 10 November: October's "zero posts" would be a false report to the escalation channel.
    assert world.sweep(jst(2026, 11, 10, 10, 0)).sent["monthly.report"] == 0
    assert not world.posts(to="C0ESCALATE", contains="投稿件数の報告")
    # November was (partly) kept: its report goes out on 1 December.
    assert world.sweep(jst(2026, 12, 1, 8, 30)).sent["monthly.report"] == 1


def test_a_sweep_for_a_time_before_kessai_was_in_use_sends_no_date_reminders(world: World) -> None:
    # In use since 24 November 2026; then `kessai remind --now` with a mistyped year.
    world.sweep(jst(2026, 11, 24, 10, 0))  # November's 20th reminder, with the count since the 24th
    before = len(world.posts())
    for then in (jst(2025, 11, 20, 10, 0), jst(2025, 11, 28, 10, 0), jst(2026, 3, 2, 10, 0)):
        report = world.sweep(then)
        assert not any(report.sent[k] for k in ("monthly.midmonth", "monthly.lastday", "plan.renewal")), then
    assert len(world.posts()) == before
    # November 2026 itself was kept (partly): its last business day still reminds.
    assert world.sweep(jst(2026, 11, 30, 10, 0)).sent["monthly.lastday"] > 0


def test_a_post_recorded_before_its_approval_or_with_another_drafts_url_is_refused(world: World) -> None:
    first = world.scheduled_draft(jst(2026, 11, 10, 9, 0), scheduled=jst(2026, 11, 10, 13, 0))
    world.clock.t = jst(2026, 11, 10, 12, 0)
    world.kessai.decide(first, 1, "U0CHIEF", approve=True)
    world.clock.t = jst(2026, 11, 10, 13, 5)
    with pytest.raises(errors.InvalidInput, match="決裁（2026年11月10日（火）12:00）より前") as e:
        world.kessai.publish(first, 1, "U0OPERATOR", url=POST_URL, at=jst(2026, 11, 10, 10, 30))
    assert e.value.field == "when"
    world.kessai.publish(first, 1, "U0OPERATOR", url=POST_URL, at=jst(2026, 11, 10, 13, 0))
    second = world.scheduled_draft(jst(2026, 11, 11, 9, 0), scheduled=jst(2026, 11, 11, 13, 0))
    world.clock.t = jst(2026, 11, 11, 9, 30)
    world.kessai.decide(second, 1, "U0CHIEF", approve=True)
    world.clock.t = jst(2026, 11, 11, 13, 5)
    for same in (POST_URL, POST_URL + "?s=20", POST_URL.replace("x.com", "twitter.com") + "/"):
        with pytest.raises(errors.InvalidInput, match=f"下書き #{first} の投稿") as e:
            world.kessai.publish(second, 1, "U0OPERATOR", url=same, at=jst(2026, 11, 11, 13, 0))
        assert e.value.field == "url"
    world.kessai.publish(second, 1, "U0OPERATOR", url=POST_URL[:-1] + "2", at=jst(2026, 11, 11, 13, 0))


def test_in_the_month_kessai_started_the_count_says_since_when(world: World) -> None:
    # Installed on 12 November: posts made before that were never recorded, so "0 件" alone would be false.
    world.sweep(jst(2026, 11, 12, 10, 0))
    world.sweep(jst(2026, 11, 20, 8, 30))
    [text] = monthly_dms(world, "U0OPERATOR2")  # operator of both accounts: one message listing them
    assert "11月12日に kessai の利用を始めてからの記録による件数です（それより前の投稿は含みません）。" in text
    [alone] = monthly_dms(world, "U0OPERATOR")  # operator of 上越市公式X alone: the message it always was
    assert "11月12日に kessai の利用を始めてからの記録では 0 件です" in alone and "現在 0 件" not in alone
    world.sweep(jst(2026, 11, 30, 8, 30))
    [summary] = world.posts(to="C0ESCALATE", contains="達していないアカウント")
    assert "11月12日に kessai の利用を始めてからの記録" in shown(summary)
    assert "本日が今月最後の業務日です" in monthly_dms(world, "U0MANAGER")[0]
    assert "11月12日に kessai の利用を始めてから" in monthly_dms(world, "U0MANAGER")[0]
    world.sweep(jst(2026, 12, 1, 8, 30))
    [report] = world.posts(to="C0ESCALATE", contains="投稿件数の報告")
    assert "11月12日に kessai の利用を始めてからの記録" in shown(report)
    # From the next month on, kessai has seen the whole month: the plain count.
    world.sweep(jst(2026, 12, 21, 8, 30))
    [december] = [t for t in monthly_dms(world, "U0OPERATOR") if "12月の投稿" in t]
    assert "現在 0 件です" in december and "利用を始めて" not in december
    [both] = [t for t in monthly_dms(world, "U0OPERATOR2") if "12月の投稿" in t]
    assert "・上越市公式X: 現在 0 件\n" in both and "利用を始めて" not in both
    world.sweep(jst(2027, 1, 4, 8, 30))
    [january_report] = world.posts(to="C0ESCALATE", contains="2026年12月の投稿件数の報告")
    assert "利用を始めて" not in shown(january_report)


def test_in_use_from_the_months_first_instant_the_count_is_the_whole_months(world: World) -> None:
    run_at(world, jst(2026, 12, 1, 0, 0))  # kessai's first sweep, at midnight: it saw all of December
    world.sweep(jst(2026, 12, 21, 8, 30))
    [december] = [t for t in monthly_dms(world, "U0OPERATOR") if "12月の投稿" in t]
    assert "現在 0 件です" in december and "利用を始めて" not in december
    # and none of November, when it was not in use: its 「0 件」 would be untrue
    assert world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告") == []


def test_a_last_business_day_missed_while_down_is_caught_up_on_the_first_business_day(world: World) -> None:
    """kessai was down all of 12/28 (the last business day before 年末年始): the people concerned
    still hear about December's count when it is back, on 1/4, said as what it is: late."""
    world.sweep(jst(2026, 12, 21, 9, 0))  # in use in December: the 20th's reminder went out
    for closed in (jst(2026, 12, 29, 10, 0), jst(2026, 12, 31, 23, 0), jst(2027, 1, 3, 10, 0)):
        assert world.sweep(closed).sent["monthly.lastday"] == 0, closed
    report = world.sweep(jst(2027, 1, 4, 8, 30))
    assert report.sent["monthly.lastday"] == 2  # one per account; the channel gets the report instead
    assert report.sent["monthly.report"] == 1
    assert world.sweep(jst(2027, 1, 4, 9, 0)).sent["monthly.lastday"] == 0
    [late] = [shown(p) for p in world.posts(to="U0CHIEF", contains="12月の投稿についてのお知らせ")]
    assert "0 件でした" in late and "12月28日（月）" in late and "kessai が停止していた" in late
    assert "本日が今月最後の業務日です" not in late
    assert len(world.posts(to="C0ESCALATE", contains="達していないアカウント")) == 0
    assert len(world.posts(to="C0ESCALATE", contains="2026年12月の投稿件数の報告")) == 1
    # Queued (and so sent) in the order the days came: the notices of 12/28 before the report of
    # the 1st, which the notices' 「今月も」 leads up to.
    with world.db.session() as s:
        rows = list(s.exec(select(OutboxRow).order_by(col(OutboxRow.id))))
    notices = [r.id for r in rows if "12月の投稿についてのお知らせ" in shown(r.payload)]
    [report_row] = [r.id for r in rows if "2026年12月の投稿件数の報告" in shown(r.payload)]
    assert notices and max(notices) < report_row


def test_a_late_last_day_notice_holds_its_month_to_the_minimum_it_had(world: World) -> None:
    """December ran with 月1回; the file says 月4回 from 1/4 (the new 運用計画書). The late notice on
    12/28, sent on 1/4, judges December by 1, as the report on it does."""
    from dataclasses import replace

    from bot.services import Kessai

    run_at(world, jst(2026, 12, 21, 9, 0))  # notes December's minimum, 1
    publish_on(world, (2026, 12, 22), (2026, 12, 23))
    world.clock.t = jst(2027, 1, 4, 8, 30)
    four = replace(world.org, policy=replace(world.org.policy, min_posts_per_month=4))
    assert Sweeper(Kessai(world.db, four, clock=world.clock)).sweep(world.clock.t).sent["monthly.lastday"] == 1
    [late] = [shown(p) for p in world.posts(to="U0OPERATOR2", contains="12月の投稿についてのお知らせ")]
    assert "1か月に1回以上" in late and "上越市公式Instagram" in late and "上越市公式X" not in late


def test_a_missed_last_business_day_is_not_sent_after_the_next_months_first_business_day(world: World) -> None:
    world.sweep(jst(2026, 11, 24, 9, 0))
    assert world.sweep(jst(2026, 12, 1, 17, 15)).sent["monthly.lastday"] == 0  # closed: too late now
    assert world.sweep(jst(2026, 12, 2, 9, 0)).sent["monthly.lastday"] == 0
    assert world.posts(to="U0CHIEF", contains="11月の投稿についてのお知らせ") == []


def test_a_last_business_day_sent_in_time_is_not_sent_again_the_next_month(world: World) -> None:
    world.sweep(jst(2026, 11, 24, 9, 0))
    assert world.sweep(jst(2026, 11, 30, 9, 0)).sent["monthly.lastday"] == 3
    assert world.sweep(jst(2026, 12, 1, 8, 30)).sent["monthly.lastday"] == 0
    assert world.sweep(jst(2026, 12, 1, 17, 14)).sent["monthly.lastday"] == 0


def test_kessai_installed_after_the_last_business_day_sends_no_late_notice(world: World) -> None:
    """First used on 12/30 (after 12/28 closed): nothing was missed, and 「kessai が停止していた」
    would be untrue; the 1/4 report on December is what there is to say."""
    assert world.sweep(jst(2026, 12, 30, 10, 0)).sent["monthly.lastday"] == 0
    report = world.sweep(jst(2027, 1, 4, 8, 30))
    assert report.sent["monthly.lastday"] == 0
    assert world.posts(to="U0CHIEF", contains="12月の投稿についてのお知らせ") == []


def test_kessai_in_use_from_during_the_last_business_day_sends_the_late_notice(world: World) -> None:
    """First used at 10:00 on 12/28 (a draft), with no sweep that day: the last business day's reminder
    was due while kessai was in use, and missed, so the late notice goes on 1/4."""
    world.scheduled_draft(jst(2026, 12, 28, 10, 0), scheduled=jst(2027, 1, 5, 10, 0))
    assert world.sweep(jst(2027, 1, 4, 8, 30)).sent["monthly.lastday"] == 2


def test_a_town_closed_on_12_28_hears_of_december_on_12_25(db, org) -> None:  # type: ignore[no-untyped-def]
    """[policy] closed_days = ["12-28"]: December's last business day is 12/25 (Fri), and nothing
    is sent on the closed 12/28."""
    from dataclasses import replace

    from bot.services import Kessai
    from bot.sweep import Sweeper
    from storage import roster
    from tests.time.conftest import Clock

    closed = replace(org, policy=replace(org.policy, closed_days=((12, 28),)))
    with db.session() as s:
        roster.sync(s, closed)
    clock = Clock(jst(2026, 12, 21, 9, 0))
    kessai = Kessai(db, closed, clock=clock)
    sweeper = Sweeper(kessai)
    sweeper.sweep(jst(2026, 12, 21, 9, 0))
    assert sweeper.sweep(jst(2026, 12, 25, 8, 30)).sent["monthly.lastday"] == 3
    with db.session() as s:
        assert any("本日が今月最後の業務日です" in (shown(r.payload))
                   for r in s.exec(select(OutboxRow)))
    assert sweeper.sweep(jst(2026, 12, 28, 9, 0)).total == 0


def test_a_report_missed_while_down_until_after_the_20th_is_sent_late_once(world: World) -> None:
    """kessai was down from 11/30 to 12/21 (a server move): the report on November, which 撤退 is
    decided on, still reaches the escalation channel when it is back, saying it is late; the 20th's
    reminder goes too, and neither twice (two replicas share the claims)."""
    world.sweep(jst(2026, 11, 24, 9, 0))
    report = world.sweep(jst(2026, 12, 21, 9, 0))
    assert report.sent["monthly.report"] == 1 and report.sent["monthly.midmonth"] == 2
    replica = world_twin(world)
    for t in (jst(2026, 12, 21, 9, 1), jst(2026, 12, 28, 9, 0)):
        assert replica.sweep(t).sent["monthly.report"] == 0
        assert world.sweep(t).sent["monthly.report"] == 0
    [msg] = world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")
    assert "本来 12月1日（火）にお送りするものでしたが、遅れて本日お送りしています" in shown(msg)
    assert "動いていなかった" not in shown(msg)  # it may have run all along (escalation_channel set later)


def test_a_report_sent_on_its_day_does_not_say_it_is_late(world: World) -> None:
    world.sweep(jst(2026, 11, 24, 9, 0))
    assert world.sweep(jst(2026, 12, 1, 17, 14)).sent["monthly.report"] == 1
    [msg] = world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")
    assert "お送りするものでしたが" not in shown(msg)


def test_a_report_replayed_as_its_day_closes_says_it_is_late(world: World) -> None:
    # `remind --now 2026-12-01T09:00` run at 17:15 sharp, the 1st's close: it goes out after the day
    # it was due, and says so.
    world.sweep(jst(2026, 11, 24, 9, 0))
    world.clock.t = jst(2026, 12, 1, 17, 15)
    assert Sweeper(world.kessai, settle_until=world.clock.t).sweep(jst(2026, 12, 1, 9, 0)).sent["monthly.report"] == 1
    [msg] = world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")
    assert "本来 12月1日（火）にお送りするものでしたが" in shown(msg)


def world_twin(w: World):  # type: ignore[no-untyped-def]
    """A second replica: its own services and sweeper on the same database."""
    from bot.services import Kessai
    from bot.sweep import Sweeper

    return Sweeper(Kessai(w.db, w.org, clock=w.clock))


def test_an_account_added_on_the_last_business_day_is_not_in_the_report_as_short(db, org) -> None:  # type: ignore[no-untyped-def]
    """上越市公式Facebook is added on 11/30 (Mon, November's last business day) at 14:00: it had no
    working day to post in. The report of 12/1 (basis for 撤退) must not list it as short, and says
    why it is left out; December counts it."""
    from bot.services import Kessai
    from bot.sweep import Sweeper
    from tests.time.conftest import Clock

    in_use_from_november_2(db, org)
    grown = with_facebook(db, org, operators=("U0OPERATOR",))
    clock = Clock(jst(2026, 11, 30, 14, 0))
    sweeper = Sweeper(Kessai(db, grown, clock=clock))
    sweeper.sweep(jst(2026, 11, 30, 14, 0))
    clock.t = jst(2026, 12, 1, 8, 30)
    assert sweeper.sweep(jst(2026, 12, 1, 8, 30)).sent["monthly.report"] == 1
    with db.session() as s:
        [report] = [shown(r.payload) for r in s.exec(select(OutboxRow)) if "投稿件数の報告" in (shown(r.payload))]
    assert "・上越市公式Facebook" not in report
    assert "基準に達しなかったアカウントは 2 件です" in report
    assert "上越市公式Facebook は11月の最終業務日（11月30日（月））以降に kessai に登録されたため" in report


def joetsu_insta_out_and_back(db: Database, org: OrgConfig, *, out: datetime, back: datetime) -> tuple[Sweeper, Clock]:
    """kessai runs from 11/2; 上越市公式Instagram is taken out of the file at ``out`` and put back at
    ``back`` (a sweep at each). The sweeper of the file with it, and its clock, at ``back``."""
    from dataclasses import replace

    from bot.services import Kessai
    from bot.sweep import Sweeper
    from storage import roster

    with db.session() as s:
        roster.sync(s, org)
    clock = Clock(jst(2026, 11, 2, 9, 0))
    Sweeper(Kessai(db, org, clock=clock)).sweep(clock.t)
    without = replace(org, accounts=tuple(a for a in org.accounts if a.id != "joetsu-insta"))
    clock.t = out
    Sweeper(Kessai(db, without, clock=clock)).sweep(clock.t)
    clock.t = back
    sweeper = Sweeper(Kessai(db, org, clock=clock))
    sweeper.sweep(clock.t)
    return sweeper, clock


def december_first_report(db: Database, sweeper: Sweeper, clock: Clock) -> str:
    """The report on November, sent by the sweep of 12/1 8:30."""
    clock.t = jst(2026, 12, 1, 8, 30)
    assert sweeper.sweep(clock.t).sent["monthly.report"] == 1
    with db.session() as s:
        [report] = [shown(r.payload) for r in s.exec(select(OutboxRow)) if "投稿件数の報告" in (shown(r.payload))]
    return report


def test_an_account_taken_out_of_the_file_and_put_back_is_counted_from_its_return(db, org) -> None:  # type: ignore[no-untyped-def]
    """上越市公式Instagram is in the file from 11/2, taken out on 11/5 (運用を休止) and put back on
    11/25 (the file reverted to the copy of 11/2). Its posts while it was out never went through
    kessai: the report on November must say its count runs from 11/25, not report a silent month
    as if it had been in kessai all along."""
    sweeper, clock = joetsu_insta_out_and_back(db, org, out=jst(2026, 11, 5, 9, 0), back=jst(2026, 11, 25, 9, 0))
    with db.session() as s:
        known = reminders.accounts_known_since(s)
    assert known["joetsu-insta"] == jst(2026, 11, 25, 9, 0) and known["joetsu-x"] == jst(2026, 11, 2, 9, 0)
    report = december_first_report(db, sweeper, clock)
    assert "・上越市公式Instagram: 0 件（11月25日に kessai に登録されてからの記録）" in report
    assert "・上越市公式X: 0 件\n" in report


def test_a_month_is_reported_against_its_own_minimum_after_the_file_changes(world: World) -> None:
    """November ran under 月1回以上; on 12/1 at 8:00, before the report, the file is changed to
    月4回以上 for the new plan. 上越市公式X posted once in November: it met November's standard and
    must not be listed for 撤退 against one that did not exist then."""
    from dataclasses import replace

    from bot.services import Kessai
    from bot.sweep import Sweeper

    world.sweep(jst(2026, 11, 24, 9, 0))
    publish_one(world, 25)
    world.clock.t = jst(2026, 12, 1, 8, 0)
    four = replace(world.org, policy=replace(world.org.policy, min_posts_per_month=4))
    sweeper = Sweeper(Kessai(world.db, four, clock=world.clock))
    sweeper.sweep(world.clock.t)
    world.clock.t = jst(2026, 12, 1, 8, 30)
    assert sweeper.sweep(world.clock.t).sent["monthly.report"] == 1
    [msg] = world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")
    assert "基準: 1アカウント月1回以上" in shown(msg)
    assert "上越市公式Instagram: 0 件" in shown(msg) and "上越市公式X" not in shown(msg)
    # December is asked against the file as it is now.
    sweeper.sweep(jst(2026, 12, 21, 9, 0))
    assert any("1か月に4回以上" in shown(p) for p in world.posts(to="U0OPERATOR", contains="12月の投稿は"))


def test_remind_now_ahead_into_next_month_does_not_send_a_report_on_a_month_not_over(world: World) -> None:
    """On Friday 11/27 the IT 担当 tries `kessai remind --now 2026-12-01T09:00`. November is not over:
    a report sent then (and claimed) would leave out the posts of 11/30 for good. The report goes on
    the real 12/1, with them."""
    from bot.sweep import Sweeper

    world.sweep(jst(2026, 11, 24, 9, 0))
    world.clock.t = jst(2026, 11, 27, 10, 0)
    ahead = Sweeper(world.kessai, settle_until=world.clock.t).sweep(jst(2026, 12, 1, 9, 0))
    assert ahead.sent["monthly.report"] == 0 and ahead.sent["monthly.lastday"] == 0
    publish_one(world, 30)
    world.clock.t = jst(2026, 12, 1, 8, 30)
    assert world.sweep(world.clock.t).sent["monthly.report"] == 1
    [msg] = world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")
    assert "上越市公式Instagram: 0 件" in shown(msg) and "上越市公式X" not in shown(msg)


def test_remind_now_replayed_for_a_past_month_does_not_ask_for_posts_by_a_day_gone_by(world: World) -> None:
    """kessai was down from 11/19 to 12/4. On 12/4 the IT 担当 replays the missed cron runs with
    `kessai remind --now 2026-11-20T09:00` and `--now 2026-11-30T09:00`: asking operators on 12/4 to
    post 「11月30日（月）までに」 or 「本日中に」 would be nonsense. The report on November still goes, and
    says it is late."""
    from bot.sweep import Sweeper

    world.sweep(jst(2026, 11, 18, 9, 0))
    world.clock.t = jst(2026, 12, 4, 10, 0)
    replay = Sweeper(world.kessai, settle_until=world.clock.t)
    for past in (jst(2026, 11, 20, 9, 0), jst(2026, 11, 30, 9, 0)):
        report = replay.sweep(past)
        assert report.sent["monthly.midmonth"] == 0 and report.sent["monthly.lastday"] == 0, past
    assert world.posts(to="U0OPERATOR", contains="11月の投稿") == []
    assert replay.sweep(jst(2026, 12, 1, 9, 0)).sent["monthly.report"] == 1
    [msg] = world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")
    assert "12月1日（火）にお送りするものでしたが" in shown(msg)


def test_remind_now_replayed_for_the_first_does_not_send_last_months_late_last_day_notice(world: World) -> None:
    """kessai was down from 11/27 to 12/4, 11/30 (November's last business day) missed. On 12/4 the
    IT 担当 replays the 1st's cron run with `kessai remind --now 2026-12-01T09:00`: the late notice on
    11/30 is caught up only while the 1st is open, and sent on the 4th it is stale (the report on
    November, which goes, has the numbers)."""
    from bot.sweep import Sweeper

    world.sweep(jst(2026, 11, 26, 9, 0))
    world.clock.t = jst(2026, 12, 4, 10, 0)
    report = Sweeper(world.kessai, settle_until=world.clock.t).sweep(jst(2026, 12, 1, 9, 0))
    assert (report.sent["monthly.lastday"], report.sent["monthly.report"]) == (0, 1)
    assert world.posts(to="U0CHIEF", contains="11月の投稿についてのお知らせ") == []


def test_remind_now_replayed_for_the_20th_counts_the_posts_recorded_since(world: World) -> None:
    """kessai's cron missed the 20th; on 11/25 the IT 担当 replays it (`kessai remind --now
    2026-11-20T09:00`). The DMs go out on the 25th, saying 「現在 N 件です」: a post made on the 22nd and
    recorded on the 24th is counted, and its account is not asked to post."""
    world.sweep(jst(2026, 11, 18, 9, 0))
    publish_on(world, (2026, 11, 22), (2026, 11, 24))
    world.clock.t = jst(2026, 11, 25, 10, 0)
    report = Sweeper(world.kessai, settle_until=world.clock.t).sweep(jst(2026, 11, 20, 9, 0))
    assert report.sent["monthly.midmonth"] == 1
    assert monthly_dms(world, "U0OPERATOR") == []
    [text] = monthly_dms(world, "U0OPERATOR2")
    assert "上越市公式Instagram" in text and "上越市公式X" not in text


def test_remind_now_replayed_for_the_20th_does_not_take_a_post_whose_time_passed_for_one_on_its_way(
        world: World) -> None:
    """As above, with 上越市公式X's post approved for the 21st and never recorded: on the 25th it is
    no longer on its way (its author was asked to post or record it), and X is asked too."""
    world.sweep(jst(2026, 11, 18, 9, 0))
    draft_id = world.scheduled_draft(jst(2026, 11, 18, 10, 0), scheduled=jst(2026, 11, 21, 10, 0))
    world.clock.t = jst(2026, 11, 19, 9, 0)
    world.kessai.decide(draft_id, 1, "U0CHIEF", approve=True)
    world.clock.t = jst(2026, 11, 25, 10, 0)
    report = Sweeper(world.kessai, settle_until=world.clock.t).sweep(jst(2026, 11, 20, 9, 0))
    assert report.sent["monthly.midmonth"] == 2
    [text] = monthly_dms(world, "U0OPERATOR")
    assert "上越市公式X" in text


@pytest.mark.parametrize("restart", [(8, 0), (0, 0)], ids=["8:00", "midnight"])
def test_an_account_added_to_the_file_after_the_month_is_not_in_its_report(  # type: ignore[no-untyped-def]
        db, org, restart: tuple[int, int]) -> None:
    """The IT 担当 adds 上越市公式Facebook to the file and restarts kessai on 12/1 at 8:00 (or at
    midnight, the first instant of December): it was not in kessai at all in November, so the report
    on November (8:30, basis for 撤退) must not list it as 0 件, nor must the late notice on November's
    last business day be sent to its people."""
    from bot.services import Kessai
    from bot.sweep import Sweeper
    from tests.time.conftest import Clock

    in_use_from_november_2(db, org)
    grown = with_facebook(db, org, operators=("U0FBOPERATOR",))
    clock = Clock(jst(2026, 12, 1, *restart))
    sweeper = Sweeper(Kessai(db, grown, clock=clock))
    sweeper.sweep(clock.t)
    clock.t = jst(2026, 12, 1, 8, 30)
    assert sweeper.sweep(clock.t).sent["monthly.report"] == 1
    with db.session() as s:
        texts = [(r.payload["channel"], shown(r.payload)) for r in s.exec(select(OutboxRow))]
    [report] = [t for to, t in texts if to == "C0ESCALATE" and "投稿件数の報告" in t]
    assert "上越市公式Facebook" not in report and "基準に達しなかったアカウントは 2 件です" in report
    assert not [t for to, t in texts if to == "U0FBOPERATOR" and "11月" in t]


def test_an_account_added_in_march_is_asked_for_next_years_plan_too(db, org) -> None:  # type: ignore[no-untyped-def]
    """上越市公式Facebook is added on 3/10, after the 3/1 reminders: its 運用期間 is 年度単位 like the
    others', so its approvers are asked for the coming year's 運用計画書 as well (and the other
    accounts' approvers not a second time)."""
    from bot.services import Kessai
    from bot.sweep import Sweeper
    from storage import roster
    from tests.time.conftest import Clock

    with db.session() as s:
        roster.sync(s, org)
    assert Sweeper(Kessai(db, org, clock=Clock(jst(2027, 3, 1, 8, 30)))).sweep(jst(2027, 3, 1, 8, 30)).sent["plan.renewal"] == 2
    grown = with_facebook(db, org, operators=("U0OPERATOR",))
    sweeper = Sweeper(Kessai(db, grown, clock=Clock(jst(2027, 3, 10, 9, 0))))
    assert sweeper.sweep(jst(2027, 3, 10, 9, 0)).sent["plan.renewal"] == 1
    assert sweeper.sweep(jst(2027, 3, 10, 9, 1)).sent["plan.renewal"] == 0
    with db.session() as s:
        asked = [shown(r.payload) for r in s.exec(select(OutboxRow)) if "運用計画書の更新" in (shown(r.payload))]
    assert sum("上越市公式Facebook" in t for t in asked) >= 1


def test_a_removal_made_by_a_rolling_deploy_is_kept_and_the_return_counted_from_then(db, org) -> None:  # type: ignore[no-untyped-def]
    """On 11/5 上越市公式Instagram is taken out of the file (運用を休止) and kessai is redeployed one
    replica at a time: for a few minutes the replica with the old file and the one with the new file
    both sweep. When the old one is gone the account is out of kessai; put back on 11/25, its count
    runs from 11/25 (not from the deploy on 11/5, which would report the weeks it was out as silent)."""
    from dataclasses import replace

    from bot.services import Kessai
    from bot.sweep import Sweeper
    from storage import roster
    from tests.time.conftest import Clock

    with db.session() as s:
        roster.sync(s, org)
    clock = Clock(jst(2026, 11, 2, 9, 0))
    old = Sweeper(Kessai(db, org, clock=clock))
    old.sweep(clock.t)
    without = replace(org, accounts=tuple(a for a in org.accounts if a.id != "joetsu-insta"))
    new = Sweeper(Kessai(db, without, clock=clock))
    for minute in range(3):
        clock.t = jst(2026, 11, 5, 9, minute)
        new.sweep(clock.t)
        old.sweep(clock.t)
    clock.t = jst(2026, 11, 5, 9, 5)
    new.sweep(clock.t)  # the old replica has stopped
    clock.t = jst(2026, 11, 25, 9, 0)
    Sweeper(Kessai(db, org, clock=clock)).sweep(clock.t)
    with db.session() as s:
        known = reminders.accounts_known_since(s)
    assert known["joetsu-insta"] == jst(2026, 11, 25, 9, 0) and known["joetsu-x"] == jst(2026, 11, 2, 9, 0)


def test_a_month_run_with_the_minimum_switched_off_is_not_reported_when_it_is_switched_on(world: World) -> None:
    """November ran with ``min_posts_per_month = 0`` (off) from 11/3; on 12/3 the file is changed back to
    月1回以上. November had no standard: a report on it against 月1回以上 would list accounts for 撤退
    (and say 「その日は kessai が動いていなかった」, while it ran all along); December is reminded as usual."""
    from dataclasses import replace

    from bot.services import Kessai
    from bot.sweep import Sweeper

    world.sweep(jst(2026, 11, 2, 9, 0))
    off = replace(world.org, policy=replace(world.org.policy, min_posts_per_month=0))
    switched_off = Sweeper(Kessai(world.db, off, clock=world.clock))
    for t in (jst(2026, 11, 3, 9, 0), jst(2026, 11, 30, 9, 0), jst(2026, 12, 1, 8, 30), jst(2026, 12, 2, 9, 0)):
        world.clock.t = t
        switched_off.sweep(t)
    world.clock.t = jst(2026, 12, 3, 9, 0)
    report = world.sweep(world.clock.t)
    assert report.sent["monthly.report"] == 0 and report.sent["monthly.lastday"] == 0
    assert world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告") == []
    world.clock.t = jst(2026, 12, 21, 9, 0)
    assert world.sweep(world.clock.t).sent["monthly.midmonth"] == 2


@pytest.mark.parametrize(("out", "back"), [
    (jst(2026, 11, 30, 10, 0), jst(2026, 11, 30, 10, 5)),  # a mistaken edit, reverted five minutes later
    (jst(2026, 11, 27, 18, 0), jst(2026, 11, 30, 8, 0)),   # out over a weekend, no working hour lost
])
def test_an_account_out_of_the_file_for_less_than_a_business_day_keeps_its_first_registration(  # type: ignore[no-untyped-def]
        db, org, out, back) -> None:
    """上越市公式Instagram is in kessai all November; on 11/30 (its last business day) the file is edited
    by mistake at 10:00 and reverted at 10:05. It was not 「最終業務日以降に kessai に登録された」: the
    report of 12/1 must list it as short like any account that was there all month (a 撤退 candidate),
    with no 「登録されてからの記録」 note."""
    sweeper, clock = joetsu_insta_out_and_back(db, org, out=out, back=back)
    with db.session() as s:
        known = reminders.accounts_known_since(s)
    assert known["joetsu-insta"] == jst(2026, 11, 2, 9, 0)
    report = december_first_report(db, sweeper, clock)
    assert "・上越市公式Instagram: 0 件\n" in report
    assert "登録され" not in report


def test_an_account_out_of_the_file_for_days_until_the_last_business_day_is_counted_from_its_return(  # type: ignore[no-untyped-def]
        db, org) -> None:
    """上越市公式Instagram is taken out on 11/25 (運用を休止) and put back on 11/30 at 10:05. It was out
    of kessai for most of the month's last week: counted from its return, which is on the last business
    day, so November is not held against it (as for an account added that day)."""
    sweeper, clock = joetsu_insta_out_and_back(db, org, out=jst(2026, 11, 25, 10, 0), back=jst(2026, 11, 30, 10, 5))
    with db.session() as s:
        known = reminders.accounts_known_since(s)
    assert known["joetsu-insta"] == jst(2026, 11, 30, 10, 5)
    report = december_first_report(db, sweeper, clock)
    assert "・上越市公式Instagram" not in report
    assert "上越市公式Instagram は11月の最終業務日（11月30日（月））以降に kessai に登録されたため" in report


def run_at(w: World, t):  # type: ignore[no-untyped-def]
    """A sweep by ``serve`` at ``t``: the real clock is ``t`` too (each sweep notes the month)."""
    w.clock.t = t
    return w.sweep(t)


def test_an_outage_of_more_than_a_month_sends_every_missed_report_oldest_first_each_late(world: World) -> None:
    """Down from 10/28 to 12/3: October's report (due 11/2) was lost along with November's (due 12/1).
    Both go on 12/3, October first, each saying when it was due; November, when kessai did not run
    at all, says that its counts miss what was posted meanwhile. Neither goes twice."""
    run_at(world, jst(2026, 9, 15, 10, 0))  # in use since September
    run_at(world, jst(2026, 10, 1, 8, 30))  # September's report, on time
    run_at(world, jst(2026, 10, 27, 10, 0))
    report = run_at(world, jst(2026, 12, 3, 8, 30))
    assert report.sent["monthly.report"] == 2
    assert run_at(world, jst(2026, 12, 3, 9, 0)).sent["monthly.report"] == 0
    assert world_twin(world).sweep(jst(2026, 12, 4, 9, 0)).sent["monthly.report"] == 0
    texts = [shown(p) for p in world.posts(to="C0ESCALATE", contains="の投稿件数の報告")]
    assert [t.split("年")[1].split("の")[0] for t in texts] == ["9月", "10月", "11月"]
    september, october, november = texts
    assert "遅れて" not in september
    assert "本来 11月2日（月）にお送りするものでしたが、遅れて本日お送りしています" in october
    assert "本来 12月1日（火）にお送りするものでしたが、遅れて本日お送りしています" in november
    assert "11月は kessai が停止していた" in november and "停止していた" not in october


def test_reports_caught_up_after_a_long_outage_go_back_twelve_months(world: World) -> None:
    run_at(world, jst(2024, 5, 10, 10, 0))  # in use since May 2024, then not run until December 2026
    assert run_at(world, jst(2026, 12, 3, 8, 30)).sent["monthly.report"] == 12
    texts = [shown(p) for p in world.posts(to="C0ESCALATE", contains="の投稿件数の報告")]
    assert "2025年12月の投稿件数の報告" in texts[0] and "2026年11月の投稿件数の報告" in texts[-1]


def test_remind_now_ahead_catches_up_only_months_that_are_over(world: World) -> None:
    """Run ahead of the clock (real time 11/24) for 2/1: neither November, December nor January is
    over by the real clock, so none of their reports is sent (each goes once, when it is)."""
    from bot.services import Kessai
    from bot.sweep import Sweeper

    run_at(world, jst(2026, 10, 5, 10, 0))
    run_at(world, jst(2026, 11, 2, 8, 30))  # October's report
    world.clock.t = jst(2026, 11, 24, 10, 0)
    ahead = Sweeper(Kessai(world.db, world.org, clock=world.clock), settle_until=world.clock.t)
    assert ahead.sweep(jst(2027, 2, 1, 8, 30)).sent["monthly.report"] == 0
    assert run_at(world, jst(2026, 12, 1, 8, 30)).sent["monthly.report"] == 1


@pytest.mark.parametrize(("real", "sent"), [
    (jst(2026, 12, 1, 0, 0), 1),  # November is over at midnight: its posts are all in
    (jst(2026, 12, 1, 0, 0) - timedelta(microseconds=1), 0),
])
def test_remind_now_ahead_sends_a_report_once_its_month_is_over_by_the_real_clock(
        world: World, real: datetime, sent: int) -> None:
    from bot.sweep import Sweeper

    run_at(world, jst(2026, 11, 24, 10, 0))
    world.clock.t = real
    assert Sweeper(world.kessai, settle_until=real).sweep(jst(2026, 12, 1, 9, 0)).sent["monthly.report"] == sent


def publish_on(w: World, day: tuple[int, int, int], recorded: tuple[int, int, int], account_user: str = "U0OPERATOR") -> None:
    """A post on 上越市公式X made on ``day`` and recorded (「投稿済みにする」) on ``recorded``."""
    y, mo, d = day
    draft_id = w.scheduled_draft(jst(y, mo, d, 9, 0), scheduled=jst(y, mo, d, 11, 0), user=account_user)
    w.clock.t = jst(y, mo, d, 9, 30)
    w.kessai.decide(draft_id, 1, "U0CHIEF", approve=True)
    w.clock.t = jst(*recorded, 10, 0)
    w.kessai.publish(draft_id, 1, account_user, url=f"https://x.com/joetsu_city_example/status/{draft_id}",
                     at=jst(y, mo, d, 11, 0))


def test_a_post_recorded_after_its_months_report_is_corrected_once_under_the_report(world: World) -> None:
    """November's report (12/1) lists 上越市公式X as short; on 12/3 its post of 11/27 is recorded.
    The report is not sent again; one reply under it says the account met the standard. A second
    late post on 11/28, recorded afterwards, changes nothing the report said: no second note."""
    from storage import outbox

    run_at(world, jst(2026, 11, 2, 9, 0))
    run_at(world, jst(2026, 12, 1, 8, 30))
    [msg] = world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")
    assert "上越市公式X: 0 件" in shown(msg)
    with world.db.session() as s:  # the report as delivered: Slack gave it a ts
        outbox.remember_messages(s, [("monthly.report:2026-11", "C0ESCALATE", "1764547200.000100")])
    publish_on(world, (2026, 11, 27), recorded=(2026, 12, 3))
    publish_on(world, (2026, 11, 26), recorded=(2026, 12, 4))
    notes = [p for p in world.posts(contains="投稿件数の報告の訂正")]
    assert len(notes) == 1
    assert "上越市公式X の11月27日の投稿が記録され、11月の投稿は 1 件になりました" in shown(notes[0])
    assert notes[0]["channel"] == "C0ESCALATE" and notes[0]["thread_ts"] == "1764547200.000100"
    assert world.sweep(jst(2026, 12, 4, 9, 0)).sent["monthly.report"] == 0
    assert len(world.posts(to="C0ESCALATE", contains=":bar_chart: *2026年11月の投稿件数の報告")) == 1


def test_a_correction_to_a_report_the_escalation_channel_refused_goes_in_each_members_copy(world: World) -> None:
    """The escalation channel was archived when November's report went (12/1): each member got it by
    DM. The correction written on 12/3 was given up at once (its parent was) and reached nobody."""
    from bot.delivery_failures import DeliveryFailureReporter
    from bot.incidents import escalation_people
    from storage import outbox

    run_at(world, jst(2026, 11, 2, 9, 0))
    run_at(world, jst(2026, 12, 1, 8, 30))
    people = escalation_people(world.org)
    assert people
    with world.db.session() as s:
        [report] = [r for r in outbox.rows(s) if r.message_key == "monthly.report:2026-11"]
        assert report.id is not None
        outbox.mark_failed(s, report.id, "is_archived")
        DeliveryFailureReporter(world.db, world.org, world.clock)(report, "is_archived", s)
        # One member's copy was delivered; the others are still on their way.
        outbox.remember_messages(s, [(outbox.copy_key("monthly.report:2026-11", people[0]), "D0FIRST", "1.000100")])
    publish_on(world, (2026, 11, 27), recorded=(2026, 12, 3))
    with world.db.session() as s:
        notes = {r.thread_key: r for r in outbox.rows(s, (outbox.PENDING, outbox.HELD, outbox.FAILED))
                 if "投稿件数の報告の訂正" in (shown(r.payload))}
    # One in each copy's thread, none given up.
    assert set(notes) == {outbox.copy_key("monthly.report:2026-11", p) for p in people}
    assert all(r.status != outbox.FAILED for r in notes.values())
    [first] = [r for r in notes.values() if r.payload.get("channel") == "D0FIRST"]
    assert first.payload["thread_ts"] == "1.000100" and "上越市公式X の11月27日の投稿" in shown(first.payload)
    assert world.posts(to="C0ESCALATE", contains="投稿件数の報告の訂正") == []


def test_a_post_recorded_before_its_months_report_needs_no_correction(world: World) -> None:
    run_at(world, jst(2026, 11, 2, 9, 0))
    publish_on(world, (2026, 11, 27), recorded=(2026, 11, 30))
    run_at(world, jst(2026, 12, 1, 8, 30))
    [msg] = world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")
    assert "上越市公式X" not in shown(msg)
    assert world.posts(contains="投稿件数の報告の訂正") == []


def test_a_correction_to_a_report_sent_before_reports_were_keyed_stands_alone(world: World) -> None:
    """A report written by an older kessai has no outbox key: the note goes to the channel on its own
    (waiting for a parent that will never be found would keep it from ever being sent)."""
    from sqlalchemy import update

    run_at(world, jst(2026, 11, 2, 9, 0))
    run_at(world, jst(2026, 12, 1, 8, 30))
    with world.db.session() as s:
        s.exec(update(OutboxRow).where(OutboxRow.message_key == "monthly.report:2026-11")  # type: ignore[call-overload]
               .values(message_key=None))
    publish_on(world, (2026, 11, 27), recorded=(2026, 12, 3))
    [note] = world.posts(to="C0ESCALATE", contains="投稿件数の報告の訂正")
    assert "thread_ts" not in note and "上越市公式X の11月27日の投稿" in shown(note)
    with world.db.session() as s:
        [row] = [r for r in s.exec(select(OutboxRow)) if "報告の訂正" in (shown(r.payload))]
        assert row.status == "pending"  # due now, not held for a parent


def test_the_first_report_after_upgrading_does_not_say_kessai_was_stopped(world: World) -> None:
    """An older kessai ran all of November without noting its minimum (``monthly.minimum:…``);
    upgraded before the report of 12/1, it must not tell the channel that it was stopped in November."""
    run_at(world, jst(2026, 10, 5, 10, 0))
    run_at(world, jst(2026, 11, 2, 8, 30))
    run_at(world, jst(2026, 11, 27, 10, 0))
    with world.db.session() as s:  # what the older kessai left: no notes of the minimum
        s.exec(delete(ReminderRow).where(col(ReminderRow.key).startswith(reminders.MINIMUM_PREFIX)))
    assert run_at(world, jst(2026, 12, 1, 8, 30)).sent["monthly.report"] == 1
    [november] = [shown(p) for p in world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")]
    assert "停止していた" not in november


@pytest.mark.parametrize("upgraded_at_midnight", [False, True], ids=["at-8:30", "at-midnight"])
def test_upgrading_an_install_that_had_the_minimum_off_sends_no_old_reports(
        world: World, caplog: pytest.LogCaptureFixture, upgraded_at_midnight: bool) -> None:
    """min_posts_per_month was 0 (off) from May to November under an older kessai, which noted no
    minimum and, with it off, claimed no report. Switched on with the upgrade on 12/1: only
    November's report goes (as before), not six more months judged against a standard that was off.
    The months left out are logged in one line (it was one line per month: eleven on a fresh database)."""
    from dataclasses import replace

    from bot.services import Kessai
    from bot.sweep import Sweeper

    off = replace(world.org, policy=replace(world.org.policy, min_posts_per_month=0))
    older = Sweeper(Kessai(world.db, off, clock=world.clock))
    for month in range(5, 12):
        world.clock.t = jst(2026, month, 6, 10, 0)
        older.sweep(world.clock.t)
    with world.db.session() as s:  # what the older kessai left: no notes of the minimum
        s.exec(delete(ReminderRow).where(col(ReminderRow.key).startswith(reminders.MINIMUM_PREFIX)))
    if upgraded_at_midnight:  # the first note at 12/1 00:00: November, when October's was due, is still before it
        run_at(world, jst(2026, 12, 1, 0, 0))
    with caplog.at_level(logging.INFO, logger="bot.sweep"):
        assert run_at(world, jst(2026, 12, 1, 8, 30)).sent["monthly.report"] == 1
    assert [shown(p).split("*")[1][:8] for p in world.posts(to="C0ESCALATE", contains="投稿件数の報告")] == ["2026年11月"]
    skipped = [r.getMessage() for r in caplog.records if "no catch-up report" in r.getMessage()]
    assert skipped == ["no catch-up report for 2025-12 to 2026-10 (11 months): their months ended before this kessai"]



def _november_unnoted_then_minimum_two(w: World, *, recorded_before_report: bool) -> str:
    """kessai stopped all of November (no note of its minimum): the report of 12/1 judges November by
    the file's 1. Afterwards the file says 2. The report's text."""
    from dataclasses import replace

    from bot.services import Kessai

    run_at(w, jst(2026, 10, 5, 10, 0))
    run_at(w, jst(2026, 10, 27, 10, 0))  # then stopped until 12/1
    if recorded_before_report:
        publish_on(w, (2026, 11, 27), recorded=(2026, 12, 1))  # kessai back on 12/1, before the report
    run_at(w, jst(2026, 12, 1, 8, 30))
    [msg] = w.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")
    two = replace(w.org, policy=replace(w.org.policy, min_posts_per_month=2))
    w.kessai = Kessai(w.db, two, clock=w.clock)
    return str(shown(msg))


def test_no_correction_for_an_account_the_report_did_not_list_after_the_minimum_was_raised(world: World) -> None:
    report = _november_unnoted_then_minimum_two(world, recorded_before_report=True)
    assert "上越市公式X" not in report  # its one post met 「月1回以上」
    publish_on(world, (2026, 11, 26), recorded=(2026, 12, 2))
    assert world.posts(contains="投稿件数の報告の訂正") == []


def test_a_correction_judges_by_the_standard_the_report_used_after_the_minimum_was_raised(world: World) -> None:
    report = _november_unnoted_then_minimum_two(world, recorded_before_report=False)
    assert "上越市公式X: 0 件" in report
    publish_on(world, (2026, 11, 26), recorded=(2026, 12, 2))
    [note] = world.posts(contains="投稿件数の報告の訂正")
    assert "11月の投稿は 1 件になりました。基準（月1回以上）を満たしています" in shown(note)


def test_remind_now_for_a_past_day_on_a_fresh_install_does_not_date_its_use_from_that_day(world_factory) -> None:  # type: ignore[no-untyped-def]
    """The first sweep dates when kessai came into use. `kessai remind --now 2026-10-15T10:00` run
    first on a new installation (trying it out) dated it 15 October: the real sweep on 1 December
    reported every account 「0 件」 for November, a month kessai kept no records of (撤退 is
    decided on that report). It is dated by the real clock, which `remind --now` passes."""
    real = jst(2026, 12, 1, 8, 30)
    w = world_factory(real)
    Sweeper(w.kessai, settle_until=real).sweep(jst(2026, 10, 15, 10, 0))
    assert w.sweep(real).sent["monthly.report"] == 0
    assert not w.posts(to="C0ESCALATE", contains="投稿件数の報告")
    # In use from 1 December: December's report goes in January.
    assert w.sweep(jst(2027, 1, 4, 8, 30)).sent["monthly.report"] == 1


def test_a_monthly_report_that_could_not_be_written_is_sent_at_the_next_sweep_once(world: World) -> None:
    """The report's claim and its outbox row are one transaction, rolled back together when the row
    cannot be written; but the month's phase was marked done all the same, and no later sweep looked
    at the report again: the escalation channel never had November's report, which 撤退 is decided on."""
    world.sweep(jst(2026, 11, 2, 9, 0))
    allow = refuse_outbox_rows_keyed(world.db, "monthly.report:2026-11")
    failed = world.sweep(jst(2026, 12, 1, 8, 30))
    assert failed.sent["monthly.report"] == 0 and failed.failed == 1, failed
    allow()
    assert world.sweep(jst(2026, 12, 1, 8, 31)).sent["monthly.report"] == 1
    assert world.sweep(jst(2026, 12, 1, 8, 32)).sent["monthly.report"] == 0
    [report] = world.posts(to="C0ESCALATE", contains="投稿件数の報告")
    assert "2026年11月" in shown(report)


def test_a_monthly_report_that_keeps_failing_is_one_error_and_tried_less_often(
        world: World, caplog: pytest.LogCaptureFixture) -> None:
    """A report whose writing fails every time (a constraint, a trigger, a bug with that month's
    data) was tried at every sweep and logged an ERROR with its traceback every minute until the
    month ended: some 30,000 pages to the IT 担当 for one fault. It is one ERROR, then a WARNING
    at each try, the tries ever further apart; once the fault is put right, the next try sends it."""
    import logging

    world.sweep(jst(2026, 11, 2, 9, 0))
    allow = refuse_outbox_rows_keyed(world.db, "monthly.report:2026-11")
    tries = 0
    with caplog.at_level(logging.INFO, logger="bot.sweep"):
        for minute in range(90):  # 8:30 to 9:59, a sweep a minute
            tries += world.sweep(jst(2026, 12, 1, 8, 30) + timedelta(minutes=minute)).failed
    errors_logged = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors_logged) == 1, [r.getMessage() for r in errors_logged]
    assert "monthly.report:2026-11" in errors_logged[0].getMessage()
    assert 1 < tries < 10
    allow()
    sent = [world.sweep(jst(2026, 12, 1, 10, 0) + timedelta(minutes=m)).sent["monthly.report"] for m in range(60)]
    assert sum(sent) == 1
    assert len(world.posts(to="C0ESCALATE", contains="投稿件数の報告")) == 1


def test_a_reminder_that_keeps_failing_is_tried_at_least_every_half_hour(world: World) -> None:
    """Its tries are ever further apart (1, 2, 4, 8, 16 minutes), but never more than RETRY_MOST:
    once the fault is put right, the report goes within half an hour, not hours later."""
    world.sweep(jst(2026, 11, 2, 9, 0))
    refuse_outbox_rows_keyed(world.db, "monthly.report:2026-11")
    start = jst(2026, 12, 1, 8, 30)
    for minutes in (0, 1, 3, 7, 15, 31, 61, 91):
        assert world.sweep(start + timedelta(minutes=minutes)).failed == 1, minutes


def test_a_plan_renewal_that_could_not_be_written_is_sent_at_the_next_sweep(world: World) -> None:
    """The per-account ask and its claim roll back together; but the sweep then marked the year's
    round done (per roster), and the account whose ask failed was never asked for next year's
    運用計画書 (上越市 6(1)①) unless the organisation file changed. (Both go to U0MANAGER in one
    message, which cannot be written: 上越市公式X's ask goes alone, Instagram's is tried again.)"""
    allow = refuse_outbox_rows_saying(world.db, "上越市公式Instagram%運用")  # (its password ask goes)
    failed = world.sweep(jst(2027, 3, 1, 8, 30))
    assert failed.sent["plan.renewal"] == 1 and failed.failed == 1
    allow()
    assert world.sweep(jst(2027, 3, 1, 8, 31)).sent["plan.renewal"] == 1
    assert world.sweep(jst(2027, 3, 1, 8, 32)).sent["plan.renewal"] == 0
    assert len(world.posts(to="U0MANAGER", contains="運用計画書の更新のお願い")) == 2


def test_a_first_password_ask_that_could_not_be_written_is_sent_at_the_next_sweep(world: World) -> None:
    """As the plan renewal: the round of asks for accounts with no password change recorded was
    marked done (per roster) with one ask rolled back, and that account was never asked."""
    # (U0OPERATOR2 is asked about both accounts in one message, which cannot be written: 上越市公式X's
    # ask goes alone, and Instagram's is tried again.)
    allow = refuse_outbox_rows_saying(world.db, "上越市公式Instagram%パスワード")
    failed = world.sweep(jst(2026, 11, 24, 8, 30))
    assert failed.sent["password.rotate"] == 1 and failed.failed == 1
    allow()
    assert world.sweep(jst(2026, 11, 24, 8, 31)).sent["password.rotate"] == 1
    assert world.sweep(jst(2026, 11, 24, 8, 32)).sent["password.rotate"] == 0
    assert world.posts(to="U0OPERATOR2", contains="Instagram のパスワードを変更した記録がありません")


def test_a_roster_change_a_draft_keeps_failing_to_follow_is_one_error(
        world: World, db: Database, caplog: pytest.LogCaptureFixture) -> None:
    """The organisation file added an approver while a draft waits, and the request to them could
    not be written (every time): an ERROR with its traceback every sweep minute, as a failing
    reminder was. It is one ERROR, tried ever less often, and done once the fault is put right."""
    import logging

    from bot.config import parse_org_config
    from bot.services import Kessai
    from storage import roster
    from tests.conftest import DEMO_TOML

    world.pending_draft(jst(2026, 11, 24, 9, 0))
    toml = DEMO_TOML.read_text(encoding="utf-8")
    old = 'approvers = ["U0MANAGER", "U0CHIEF"]\ndeputies = ["U0DEPUTY"]'
    assert toml.count(old) == 1
    org = parse_org_config(toml.replace(old, 'approvers = ["U0MANAGER", "U0CHIEF", "U0JOHO"]\ndeputies = ["U0DEPUTY"]'),
                           "demo.toml")
    with db.session() as s:
        roster.sync(s, org)
    clock = Clock(jst(2026, 11, 24, 10, 0))
    sweeper = Sweeper(Kessai(db, org, clock=clock))
    allow = refuse_outbox_rows(db, "NEW.payload->>'channel' = 'U0JOHO'", "json_extract(NEW.payload, '$.channel') = 'U0JOHO'")
    failed = 0
    with caplog.at_level(logging.INFO, logger="bot.sweep"):
        for minute in range(60):
            clock.t = jst(2026, 11, 24, 10, 0) + timedelta(minutes=minute)
            failed += sweeper.sweep(clock.t).failed
    errors_logged = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors_logged) == 1, errors_logged
    assert 1 < failed < 10
    assert not world.posts(to="U0JOHO")
    allow()
    for minute in range(31):
        clock.t = jst(2026, 11, 24, 11, 0) + timedelta(minutes=minute)
        sweeper.sweep(clock.t)
    assert world.posts(to="U0JOHO")  # asked (by the roster's follow or the day's reminder)


def test_a_report_listing_accounts_of_long_names_is_shown_whole(db, org) -> None:  # type: ignore[no-untyped-def]
    """Sixty accounts short of the minimum, their names nearly 200 characters long (the file sets no
    length): the channel's list (11/30) and the monthly report (12/1) put forty of them in one
    section, which Slack cut at 3,000 characters — the accounts after the cut, 「ほか 20 アカウント」
    and the closing line (撤退の判断材料, 個別にお知らせしました) were not shown, and nothing said so.
    Each report now spans the sections it needs, names shortened, and counts what it leaves out."""
    import re
    from dataclasses import replace

    from bot.sandbox.blockkit import MAX_BLOCKS_TEXT, block_errors, blocks_text_size
    from bot.services import Kessai
    from storage import roster
    from tests.time.conftest import Clock

    base = org.accounts[0]
    accounts = tuple(replace(base, id=f"acct-{i}", name=f"{i}番 " + "上越市<!channel>&観光" * 12)
                     for i in range(60))
    big = replace(org, accounts=accounts)
    with db.session() as s:
        roster.sync(s, big)
    clock = Clock(jst(2026, 11, 2, 9, 0))
    sweeper = Sweeper(Kessai(db, big, clock=clock))
    for t in (jst(2026, 11, 2, 9, 0), jst(2026, 11, 30, 9, 0), jst(2026, 12, 1, 8, 30)):
        clock.t = t
        sweeper.sweep(t)
    with db.session() as s:
        lists = [r.payload for r in s.exec(select(OutboxRow).order_by(OutboxRow.id))
                 if r.payload.get("channel") == "C0ESCALATE"
                 and "基準" in (shown(r.payload)) and "アカウント" in shown(r.payload)
                 and shown(r.payload).count("\n・") > 1]
    # The accounts the message leaves out follow in its thread (test_big_org checks their order).
    reports = [p for p in lists if "（続き" not in shown(p)]
    rest = [p for p in lists if "（続き" in shown(p)]
    assert sum(shown(p).count("\n・") for p in rest) + sum(shown(p).count("\n・") for p in reports) == 120
    closings = ["運用担当者と運用管理責任者には個別にお知らせしました", "撤退（アカウント削除）の判断材料になります"]
    assert len(reports) == 2
    for payload, closing in zip(reports, closings, strict=True):
        blocks = payload["blocks"]
        assert block_errors(blocks) == [] and blocks_text_size(blocks) <= MAX_BLOCKS_TEXT
        whole = "\n".join(b["text"]["text"] for b in blocks)
        assert all(len(b["text"]["text"]) < 3000 for b in blocks)  # nothing cut at a section's limit
        assert closing in whole
        listed = whole.count("\n・")
        [more] = re.findall(r"ほか (\d+) アカウント", whole)
        assert 20 <= listed <= 40 and listed + int(more) == 60
        assert "<!channel>" not in whole and "上越市&lt;!channel&gt;&amp;観光" in whole
