"""Two replicas sweeping the same database at the same instant send every reminder once."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable
from datetime import datetime

import pytest
from sqlalchemy import create_engine, text
from sqlmodel import col, select

from bot.publication import post_key_digest
from bot.services import IncomingMessage, Kessai, Outcome
from bot.sweep import Sweeper, SweepReport
from storage.db import Database
from storage.models import DraftRow, DraftVersionRow, ReminderRow
from tests.time.conftest import CLEAN_TEXT, Clock, World, jst, refuse_outbox_rows_keyed


def sweep_on_two_replicas(world: World, now: datetime) -> Counter[str]:
    """Two replicas (each its own engine and connection pool, like another process) sweep at the
    same instant; what they sent between them. A thread's exception fails the test."""
    replicas = [Database(world.db.url) for _ in range(2)]
    sweepers = [Sweeper(Kessai(db, world.org, clock=world.clock)) for db in replicas]
    barrier = threading.Barrier(len(sweepers))
    totals: list[Counter[str]] = []
    failures: list[BaseException] = []

    def run(sweeper: Sweeper) -> None:
        barrier.wait()
        try:
            totals.append(sweeper.sweep(now).sent)
        except BaseException as e:  # surfaced below; a thread's exception would otherwise vanish
            failures.append(e)

    threads = [threading.Thread(target=run, args=(sw,)) for sw in sweepers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for db in replicas:
        db.dispose()
    assert failures == []
    return totals[0] + totals[1]


def deputy_clicks_while_another_replica_sweeps(world: World, drafts: list[int], now: datetime,
                                                click_at: datetime) -> dict[int, str]:
    """The sweep of ``now`` on one replica while the deputy approves ``drafts`` one by one on
    another (its clock at ``click_at``), both let go at once: the refusals' messages by draft.
    Nothing else may fail on either side."""
    from bot import errors

    replicas = [Database(world.db.url) for _ in range(2)]
    sweeper = Sweeper(Kessai(replicas[0], world.org, clock=world.clock))
    clicker = Kessai(replicas[1], world.org, clock=Clock(click_at))
    barrier = threading.Barrier(2)
    refused: dict[int, str] = {}
    failures: list[BaseException] = []

    def sweep() -> None:
        barrier.wait()
        try:
            sweeper.sweep(now)
        except BaseException as e:  # surfaced below
            failures.append(e)

    def click() -> None:
        barrier.wait()
        for d in drafts:
            try:
                clicker.decide(d, 1, "U0DEPUTY", approve=True)
            except errors.NotAnApprover as e:
                refused[d] = str(e)
            except BaseException as e:
                failures.append(e)

    threads = [threading.Thread(target=sweep), threading.Thread(target=click)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for db in replicas:
        db.dispose()
    assert failures == []
    return refused


def test_parallel_sweeps_send_each_reminder_once(world: World) -> None:
    for i in range(12):
        world.pending_draft(jst(2026, 11, 24, 9, 0, i))
    incident_id = world.incidents.report(kind="impersonation", account_id="joetsu-x", reporter="U0OPERATOR",
                                         description="公式を名乗る偽アカウントがあります", now=jst(2026, 11, 24, 9, 0))
    assert incident_id
    now = jst(2026, 11, 25, 11, 30)  # reminders, 代決 escalations, re-alerts and monthly reminders are all due
    combined = sweep_on_two_replicas(world, now)
    assert combined["approval.remind"] == 12
    assert combined["approval.escalate"] == 12
    assert combined["incident.unacked"] == 1
    assert combined["monthly.midmonth"] == 2
    assert len(world.posts(to="U0MANAGER", contains="決裁のお願い")) == 12
    assert len(world.posts(to="U0DEPUTY", contains="代決")) >= 12
    assert len(world.posts(to="C0ESCALATE", contains="対応開始されていません")) == 1
    # And a third sweep afterwards finds everything claimed.
    assert world.sweep(now).total == 0
    with world.db.session() as s:
        # One reminder per draft (the business day 1 period); the period before it, over by the
        # time of the sweep, is settled with it so that a clock set back sends nothing more.
        keys = list(s.exec(select(ReminderRow.key).where(col(ReminderRow.key).startswith("approval.remind:"))))
        assert sorted(k.rpartition(":")[2] for k in keys) == ["0"] * 12 + ["1"] * 12


def test_a_deletion_racing_its_message_on_another_replica_never_leaves_a_draft_to_decide(world: World) -> None:
    """A message event and the deletion of that message, processed at the same instant by two
    replicas: whichever comes first, the other sees it (no draft, or a withdrawn one)."""
    replicas = [Database(world.db.url) for _ in range(2)]
    deleting, receiving = (Kessai(db, world.org, clock=world.clock) for db in replicas)
    failures: list[BaseException] = []
    outcomes: Counter[str] = Counter()

    def run(barrier: threading.Barrier, work: Callable[[], Outcome]) -> None:
        barrier.wait()
        try:
            outcomes[work().kind] += 1
        except BaseException as e:  # surfaced below; a thread's exception would otherwise vanish
            failures.append(e)

    for n in range(25):
        ts = f"1700002000.{n:06d}"
        barrier = threading.Barrier(2)
        message = IncomingMessage(channel="C0INTAKE", user="U0OPERATOR", ts=ts, text=f"{CLEAN_TEXT}（{n}）",
                                  event_key=f"ev-msg-{n}")
        threads = [
            threading.Thread(target=run, args=(barrier, lambda ts=ts, n=n: deleting.receive_deletion(
                channel="C0INTAKE", ts=ts, event_key=f"ev-del-{n}"))),
            threading.Thread(target=run, args=(barrier, lambda message=message: receiving.receive_message(message))),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    for db in replicas:
        db.dispose()
    assert failures == []
    with world.db.session() as s:
        states = Counter(d.state for d in s.exec(select(DraftRow)))
    assert set(states) <= {"withdrawn"}, (states, outcomes)
    assert states["withdrawn"] + outcomes["deleted"] == 25


def test_an_ended_absence_is_taken_back_once_by_two_replicas(world: World) -> None:
    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    for i in range(5):
        world.pending_draft(jst(2026, 11, 24, 9, 0, i))
    now = jst(2026, 11, 25, 8, 30)  # the manager's first business instant after the absence
    assert sweep_on_two_replicas(world, now)["approval.back"] == 1
    # Each draft's request reaches the manager once, and each deputy DM is withdrawn once.
    assert len(world.posts(to="U0MANAGER")) == 5
    with world.db.session() as s:
        from storage.models import ApprovalRequestRow, OutboxRow

        edits = [r.message_key for r in s.exec(select(OutboxRow).where(OutboxRow.op == "update"))
                 if (r.message_key or "").endswith(":U0DEPUTY")]
        reasons = [r.reason for r in s.exec(select(ApprovalRequestRow)) if r.recipient_id == "U0DEPUTY"]
    assert len(edits) == 5 == len(set(edits)) and reasons == ["withdrawn"] * 5


def test_a_deputy_click_racing_the_return_of_the_approver_on_another_replica_decides_once(world: World) -> None:
    """08:30, the manager's first business instant after the absence: one replica's sweep gives
    the requests back while the deputy's clicks of 08:29:59 (still allowed: the manager is not at
    work yet) are decided on another. Each draft is decided by the deputy (for the manager) or
    handed back to the manager with the click refused — never both (a draft decided and the
    manager asked for it, the deputy told it was withdrawn), and never left with nobody holding
    a request. A click timed 08:30 is refused whatever the sweep has done, and would leave the
    draft lock untested."""
    from storage.models import ApprovalRequestRow, LedgerEntryRow

    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    # The chief is away all week: before 08:30 the deputy stands in only when no approver who is
    # not away holds the draft.
    world.kessai.set_away("U0CHIEF", jst(2026, 11, 24).date(), jst(2026, 11, 27).date())
    # 13:00: by 08:30 the next day the drafts have waited less than a business day.
    drafts = [world.pending_draft(jst(2026, 11, 24, 13, 0, i)) for i in range(20)]
    world.clock.t = now = jst(2026, 11, 25, 8, 30)
    said = deputy_clicks_while_another_replica_sweeps(world, drafts, now, jst(2026, 11, 25, 8, 29, 59))
    assert all("戻られたため" in m for m in said.values()), said
    refused = list(said)
    with world.db.session() as s:
        ledger = [e for e in s.exec(select(LedgerEntryRow)) if e.kind == "approved"]
        requests = list(s.exec(select(ApprovalRequestRow)))
        states = {d.id: d.state for d in s.exec(select(DraftRow))}
    decided = {e.draft_id for e in ledger}
    assert len(ledger) == len(decided) and all(e.acting_for_id == "U0MANAGER" for e in ledger)
    assert decided.isdisjoint(refused) and decided | set(refused) == set(drafts)
    for d in refused:  # handed back: the manager holds it, the deputy's request is withdrawn
        assert states[d] == "pending"
        held = {(r.recipient_id, r.reason) for r in requests if r.draft_id == d}
        assert ("U0MANAGER", "normal") in held and ("U0DEPUTY", "withdrawn") in held
    for d in decided:  # decided before the sweep got to it: nothing came back to the manager
        held = {(r.recipient_id, r.reason) for r in requests if r.draft_id == d}
        assert ("U0DEPUTY", "away") in held and not any(who == "U0MANAGER" for who, _ in held), held


def test_a_deputys_click_giving_the_requests_back_while_another_replica_sweeps_does_it_once(world: World) -> None:
    """08:30, the manager's first business instant after the absence, just after a restart: the
    deputy's clicks give the requests back themselves (``Kessai.give_back_now``) while another
    replica's sweep does the same. Under one claim: the manager is asked once for each draft, each
    deputy DM is withdrawn once, nothing is decided, and every click is told why."""
    from storage.models import ApprovalRequestRow, LedgerEntryRow, OutboxRow

    world.clock.t = jst(2026, 11, 24, 8, 45)
    world.kessai.set_away("U0MANAGER", jst(2026, 11, 24).date(), jst(2026, 11, 24).date())
    drafts = [world.pending_draft(jst(2026, 11, 24, 13, 0, i)) for i in range(10)]
    world.clock.t = now = jst(2026, 11, 25, 8, 30)
    said = list(deputy_clicks_while_another_replica_sweeps(world, drafts, now, jst(2026, 11, 25, 8, 30, 1)).values())
    assert len(said) == len(drafts) and all("戻られたため" in m for m in said), said
    with world.db.session() as s:
        assert not [e for e in s.exec(select(LedgerEntryRow)) if e.kind == "approved"]
        requests = list(s.exec(select(ApprovalRequestRow)))
        rows = list(s.exec(select(OutboxRow)))
        claims = [k for k in s.exec(select(ReminderRow.key)) if k.startswith("away.ended:U0MANAGER:")]
    assert len(claims) == 1
    for d in drafts:
        held = Counter((r.recipient_id, r.reason) for r in requests if r.draft_id == d)
        assert held[("U0MANAGER", "normal")] == 1 and held[("U0DEPUTY", "withdrawn")] == 1, held
        asked = [r for r in rows if r.op == "post" and r.message_key == f"dm:{d}:v1:U0MANAGER"]
        withdrawn = [r for r in rows if r.op == "update" and r.message_key == f"dm:{d}:v1:U0DEPUTY"]
        assert len(asked) == 1 and len(withdrawn) == 1, (asked, withdrawn)


def test_one_post_registered_for_two_drafts_at_once_counts_once(world: World) -> None:
    """Two operators press 投稿済み for two drafts with the same post at the same moment, on two
    replicas: each transaction used to miss the other's URL, and the post counted twice."""
    from bot import errors

    replicas = [Kessai(Database(world.db.url), world.org, clock=world.clock) for _ in range(2)]
    for round_no in range(4):
        ids = [world.pending_draft(jst(2026, 11, 24, 10, round_no, i), text=f"{CLEAN_TEXT}第{round_no}{i}回")
               for i in range(2)]
        world.clock.t = jst(2026, 11, 24, 11, 0)
        for draft_id in ids:
            world.kessai.decide(draft_id, 1, "U0MANAGER", approve=True)
        url = f"https://x.com/joetsu_city_example/status/18612345678901234{round_no:02d}"
        barrier = threading.Barrier(2)
        results: list[str] = []

        def publish(kessai: Kessai, draft_id: int, url: str, barrier: threading.Barrier, results: list[str]) -> None:
            barrier.wait()
            try:
                kessai.publish(draft_id, 1, "U0OPERATOR", url=url, at=jst(2026, 11, 24, 10, 59))
                results.append("published")
            except errors.InvalidInput:
                results.append("refused")

        threads = [threading.Thread(target=publish, args=(k, d, url, barrier, results))
                   for k, d in zip(replicas, ids, strict=True)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        assert sorted(results) == ["published", "refused"], (round_no, results)
    for k in replicas:
        k.db.dispose()


class _MessageEventInBetween(Kessai):
    """A replica whose edit, finding no draft, hands over to the intake just as the message's own
    event (handled by another worker) makes the draft from the old text: the interleaving that
    two transactions allow, forced here so the test does not depend on timing."""

    original: IncomingMessage | None = None

    def receive_message(self, m: IncomingMessage) -> Outcome:
        if self.original is not None and m.event_key.endswith(":as-new"):
            Kessai(self.db, self.org, clock=self.clock).receive_message(self.original)
        return super().receive_message(m)


def test_an_edit_that_came_before_its_message_is_kept_when_the_message_lands_in_between(world: World) -> None:
    ts = "1700000000.000100"
    original = "高田城址公園で紅葉ライトアップを行います。"
    edited = original + "時間は17時からです。"
    kessai = _MessageEventInBetween(world.db, world.org, clock=world.clock)
    kessai.original = IncomingMessage(channel="C0INTAKE", user="U0OPERATOR", ts=ts, text=original, event_key="ev-msg")
    out = kessai.receive_edit(channel="C0INTAKE", ts=ts, user="U0OPERATOR", text=edited, event_key="ev-edit",
                              edited_ts="1700000005.000000")
    assert out.kind == "pending", out
    with world.db.session() as s:
        [draft] = list(s.exec(select(DraftRow)))
        version = s.exec(select(DraftVersionRow).where(DraftVersionRow.draft_id == draft.id,
                                                       DraftVersionRow.number == draft.current_version)).one()
    assert (draft.current_version, version.text, draft.edited_ts) == (2, edited, "1700000005.000000")


def test_replicas_whose_clocks_disagree_catch_up_adjacent_periods_without_a_deadlock(world: World) -> None:
    """After an outage, a replica whose clock is a day ahead sends the reminder of period 3 while
    the other sends period 2; each also settles the periods before its own. Claiming their keys in
    different orders (its own period first, then the earlier ones) made PostgreSQL abort one of them
    as a deadlock, logged as an error with a traceback. Both take the keys in the same order now:
    one waits for the other, and the reminder goes out once."""
    if not world.db.url.startswith("postgresql"):
        pytest.skip("SQLite runs one writer at a time (BEGIN IMMEDIATE): no lock order to get wrong")
    draft_id = world.pending_draft(jst(2026, 11, 24, 10, 0))
    url = world.db.url.replace("postgresql://", "postgresql+psycopg://", 1)
    engine = create_engine(url)
    # A third transaction holds period 1 (a sweep that has claimed it and not yet committed), so the
    # replicas reach the contested keys in a known order: ahead first, then behind.
    holder = engine.connect()
    holder.begin()
    holder.execute(text("INSERT INTO reminders (key, claimed_at) VALUES (:k, :t)"),
                   {"k": f"approval.remind:{draft_id}:v1:1", "t": jst(2026, 11, 26, 12, 0)})
    reports: dict[str, SweepReport] = {}
    failures: list[BaseException] = []
    replicas: list[Database] = []

    def run(name: str, now: datetime) -> None:
        db = Database(world.db.url)
        replicas.append(db)
        try:
            reports[name] = Sweeper(Kessai(db, world.org, clock=world.clock)).sweep(now)
        except BaseException as e:  # surfaced below; a thread's exception would otherwise vanish
            failures.append(e)

    def waiting(n: int) -> None:
        with engine.connect() as c:
            for _ in range(600):
                if c.execute(text("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                  "AND datname = current_database()")).scalar_one() >= n:
                    return
                c.rollback()  # a transaction sees one snapshot of pg_stat_activity
                threading.Event().wait(0.05)
        raise AssertionError(f"{n} sweep(s) never came to wait: {reports} {failures}")

    ahead = threading.Thread(target=run, args=("ahead", jst(2026, 11, 27, 12, 0)))
    behind = threading.Thread(target=run, args=("behind", jst(2026, 11, 26, 12, 0)))
    try:
        ahead.start()
        waiting(1)  # ahead has claimed period 3 and period 0, and waits for period 1
        behind.start()
        waiting(2)  # behind waits for ahead
    finally:
        holder.rollback()
        holder.close()
        for t in (ahead, behind):
            if t.is_alive():
                t.join()
        for db in replicas:
            db.dispose()
        engine.dispose()
    assert failures == []
    assert reports["ahead"].failed == 0 and reports["behind"].failed == 0
    assert reports["ahead"].sent["approval.remind"] + reports["behind"].sent["approval.remind"] == 1
    assert len(world.posts(to="U0MANAGER", contains="決裁のお願い")) == 1


def test_two_replicas_catching_up_months_of_reports_send_each_once(world: World) -> None:
    """Back after eight months: two replicas catch up the reports at the same instant; each month
    goes once, and neither waits for the other forever (one key per transaction)."""
    world.clock.t = jst(2026, 3, 10, 10, 0)
    world.sweep(world.clock.t)  # in use since March; then down until December
    world.clock.t = now = jst(2026, 12, 3, 9, 0)
    assert sweep_on_two_replicas(world, now)["monthly.report"] == 9  # March to November
    months = [p["text"].split("年")[1].split("の")[0] for p in world.posts(to="C0ESCALATE", contains=":bar_chart:")]
    assert sorted(months, key=lambda m: int(m.removesuffix("月"))) == [f"{m}月" for m in range(3, 12)]


def test_a_post_recorded_while_the_monthly_report_is_claimed_is_in_the_report_or_corrected(world: World) -> None:
    """上越市公式X's November post is being recorded (投稿済み) at the instant the report of 12/1 goes:
    the record saw no report to correct, and the report, counted before the record committed,
    listed the account as short. One of the two must know of the other."""
    from bot.sweep import report_correction
    from storage import drafts as draft_repo

    if world.db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite takes the write lock at BEGIN: the sweep cannot start between the two")
    world.clock.t = jst(2026, 10, 5, 10, 0)
    world.sweep(world.clock.t)
    draft_id = world.scheduled_draft(jst(2026, 11, 27, 9, 0), scheduled=jst(2026, 11, 27, 11, 0))
    world.clock.t = jst(2026, 11, 27, 9, 30)
    world.kessai.decide(draft_id, 1, "U0CHIEF", approve=True)
    world.clock.t = jst(2026, 11, 27, 13, 0)
    world.sweep(world.clock.t)  # its 「投稿しましたか」 (draft.unpublished) went: the sweep of 12/1 leaves the draft alone
    world.clock.t = now = jst(2026, 12, 1, 8, 30)
    account = world.org.account("joetsu-x")
    assert account is not None
    replica = Database(world.db.url)
    done = threading.Event()

    def sweep() -> None:
        try:
            Sweeper(Kessai(replica, world.org, clock=world.clock)).sweep(now)
        finally:
            done.set()

    with world.db.session() as s:  # Kessai.publish's steps, its transaction held open
        draft_repo.lock_publications(s)
        assert draft_repo.mark_published(s, draft_id, expected_state="approved", expected_version=1,
                                         url="https://x.com/joetsu_city_example/status/9",
                                         key=post_key_digest("https://x.com/joetsu_city_example/status/9"),
                                         at=jst(2026, 11, 27, 11, 0),
                                         by="U0OPERATOR", now=now)
        assert not report_correction(s, world.org, world.kessai.tz, account, jst(2026, 11, 27, 11, 0), now)
        thread = threading.Thread(target=sweep)
        thread.start()
        while not done.wait(0.05):  # until the sweep is done, or waits for this registration
            with world.db.engine.connect() as c:
                if c.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                                  "AND wait_event_type = 'Lock'")).scalar_one():
                    break
    thread.join()
    replica.dispose()
    [msg] = world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")
    corrected = world.posts(contains="投稿件数の報告の訂正")
    assert "上越市公式X" not in msg["text"] or corrected


def test_a_monthly_report_that_failed_is_sent_once_by_two_replicas_at_the_next_sweep(world: World) -> None:
    """A report whose outbox row could not be written stays due; the two replicas of the next
    sweep send it once between them (the claim and the row are one transaction)."""
    world.sweep(jst(2026, 11, 2, 9, 0))
    allow = refuse_outbox_rows_keyed(world.db, "monthly.report:2026-11")
    assert world.sweep(jst(2026, 12, 1, 8, 30)).failed == 1
    allow()
    assert sweep_on_two_replicas(world, jst(2026, 12, 1, 8, 31))["monthly.report"] == 1
    assert len(world.posts(to="C0ESCALATE", contains="2026年11月の投稿件数の報告")) == 1
