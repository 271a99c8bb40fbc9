"""Reminders of one kind due to one person in one sweep go as one message listing the subjects
(password rotation, 運用計画書 renewal, the monthly minimum's asks): an operator of 300 accounts
had 300 DMs at once."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from sqlmodel import insert, select

from bot.sandbox.blockkit import MAX_BLOCKS_TEXT, block_errors, blocks_text_size
from bot.services import Kessai
from bot.slack_gateway import SlackGateway
from bot.sweep import COVERS, Sweeper, SweepReport
from storage import outbox, roster
from storage.models import DraftRow, OutboxRow
from tests.time.conftest import Clock, jst, refuse_outbox_rows_saying, shown

if TYPE_CHECKING:
    from bot.config import OrgConfig
    from storage.db import Database


class Town:
    """An organisation of ``accounts`` (id → operators), every account approved by U0MANAGER."""

    def __init__(self, db: Database, org: OrgConfig, accounts: dict[str, tuple[str, ...]], *,
                 min_posts: int = 1) -> None:
        base = org.accounts[0]
        self.org = replace(org, policy=replace(org.policy, min_posts_per_month=min_posts), accounts=tuple(
            replace(base, id=aid, name=f"上越市テスト{aid}公式", operators=ops, approvers=("U0MANAGER",))
            for aid, ops in accounts.items()))
        self.db = db
        with db.session() as s:
            roster.sync(s, self.org)
        self.clock = Clock(jst(2026, 11, 24, 8, 0))

    def sweeper(self) -> Sweeper:
        return Sweeper(Kessai(self.db, self.org, clock=self.clock))

    def sweep(self, at: datetime, sweeper: Sweeper | None = None) -> SweepReport:
        self.clock.t = at
        return (sweeper or self.sweeper()).sweep(at)

    def published(self, account: str, at: datetime, n: int = 1) -> None:
        """``n`` posts of ``account`` recorded as published at ``at`` (what the monthly minimum counts)."""
        t = at.astimezone(UTC)
        with self.db.engine.begin() as c:
            first = c.execute(select(DraftRow.id).order_by(DraftRow.id.desc()).limit(1)).scalar() or 0  # type: ignore[union-attr]
            c.execute(insert(DraftRow), [  # type: ignore[call-overload]
                {"id": first + i + 1, "account_id": account, "author_id": "U0P1", "channel": "C0INTAKE",
                 "message_ts": f"{1700000000 + first + i}.000100", "state": "published", "current_version": 1,
                 "category": "normal", "source": "channel", "published_at": t, "created_at": t, "updated_at": t}
                for i in range(n)])

    def posts(self, to: str, contains: str) -> list[dict[str, Any]]:
        with self.db.session() as s:
            rows = s.exec(select(OutboxRow).where(OutboxRow.op == "post").order_by(OutboxRow.id))  # type: ignore[arg-type]
            return [r.payload for r in rows if r.payload.get("channel") == to and contains in shown(r.payload)]


def ids_listed(texts: list[str]) -> list[str]:
    return re.findall(r"password-rotated (acct-\d+)`", "\n".join(texts))


def test_two_operators_sharing_accounts_each_get_one_message_listing_theirs(db, org) -> None:  # type: ignore[no-untyped-def]
    town = Town(db, org, {"acct-001": ("U0P1", "U0P2"), "acct-002": ("U0P1",), "acct-003": ("U0P2",),
                          "acct-004": ("U0P3",)})
    report = town.sweep(jst(2026, 11, 24, 8, 30))
    assert report.sent["password.rotate"] == 4 and report.failed == 0  # counted per account, as before
    [p1] = town.posts("U0P1", "パスワード")
    [p2] = town.posts("U0P2", "パスワード")
    assert ids_listed([shown(p1)]) == ["acct-001", "acct-002"]
    assert ids_listed([shown(p2)]) == ["acct-001", "acct-003"]
    assert "次の 2 アカウントのパスワードの変更をお願いします" in shown(p1)
    assert "・上越市テストacct-002公式: 変更した記録がありません" in shown(p1)
    assert "11月30日（月）までに、それぞれ推測されにくいパスワードに変更し" in shown(p1) and "二段階認証" in shown(p1)
    assert p1[COVERS] == ["password.rotate:acct-001:never", "password.rotate:acct-002:never"]
    # One account to one person: the message it always was.
    [p3] = town.posts("U0P3", "パスワード")
    assert shown(p3).startswith(":key: *パスワード変更のお願い*\n上越市テストacct-004公式 のパスワードを変更した記録がありません。")
    assert "`/kessai password-rotated acct-004` と入力して記録してください" in shown(p3) and COVERS not in p3
    assert "11月30日（月）までに、推測されにくいパスワードに変更し" in shown(p3)
    # Swept again, or by a second replica: nothing more.
    assert town.sweep(jst(2026, 11, 24, 8, 31)).total == 0
    assert town.sweep(jst(2026, 11, 24, 8, 31), town.sweeper()).total == 0
    assert len(town.posts("U0P1", "パスワード")) == 1


def test_a_hundred_and_twenty_accounts_are_one_message_and_its_thread(db, org) -> None:  # type: ignore[no-untyped-def]
    ids = [f"acct-{i:03d}" for i in range(120)]
    town = Town(db, org, {a: ("U0P1",) for a in ids})
    assert town.sweep(jst(2026, 11, 24, 8, 30)).sent["password.rotate"] == 120
    msgs = town.posts("U0P1", "パスワード")
    first, *rest = msgs
    assert outbox.AFTER not in first and all(p[outbox.AFTER] == rest[0][outbox.AFTER] for p in rest)
    assert "次の 120 アカウント" in shown(first)
    assert re.search(r"ほか (\d+) 件は、このメッセージのスレッドに続けて載せています（全 120 件、(\d) 通に分けています）", shown(first))
    pages = len(msgs)
    assert pages >= 3 and [f"（続き {i}/{pages}）" in shown(p) for i, p in enumerate(rest, start=2)] == [True] * len(rest)
    assert ids_listed([shown(p) for p in msgs]) == ids  # every account once, in the file's order
    assert len(first[COVERS]) == 120
    for p in msgs:
        assert block_errors(p["blocks"]) == [] and blocks_text_size(p["blocks"]) <= MAX_BLOCKS_TEXT
        assert all(len(b["text"]["text"]) < 3000 for b in p["blocks"])  # nothing cut at a section's limit
    # 1 March: the approver of all of them gets one 運用計画書 message (and its thread), once.
    assert town.sweep(jst(2027, 3, 1, 8, 30)).sent["plan.renewal"] == 120
    assert town.sweep(jst(2027, 3, 1, 8, 31)).sent["plan.renewal"] == 0
    plans = town.posts("U0MANAGER", "運用計画書")
    assert len(plans) == pages and "次の 120 アカウントの運用期間は年度単位です" in shown(plans[0])
    assert sum(shown(p).count("\n・上越市テスト") for p in plans) == 120
    assert town.sweep(jst(2027, 3, 2, 9, 0)).total == 0


def test_one_account_that_cannot_be_written_does_not_hold_back_the_others(db, org) -> None:  # type: ignore[no-untyped-def]
    ids = [f"acct-{i:03d}" for i in range(10)]
    town = Town(db, org, {a: ("U0P1",) for a in ids})
    allow = refuse_outbox_rows_saying(db, "acct-007公式%パスワード")
    failed = town.sweep(jst(2026, 11, 24, 8, 30))
    assert failed.sent["password.rotate"] == 9 and failed.failed == 1
    assert sorted(ids_listed([shown(p) for p in town.posts("U0P1", "パスワード")])) == [a for a in ids if a != "acct-007"]
    allow()
    assert town.sweep(jst(2026, 11, 24, 8, 31)).sent["password.rotate"] == 1
    assert town.sweep(jst(2026, 11, 24, 8, 32)).total == 0
    listed = ids_listed([shown(p) for p in town.posts("U0P1", "パスワード")])
    assert sorted(listed) == ids  # each once


def test_a_database_refusing_every_write_is_not_tried_subject_by_subject(db, org, caplog) -> None:  # type: ignore[no-untyped-def]
    """The whole database failing (full, read-only) is no subject's fault: halving the bundle down
    to single subjects tried it 2N−1 times and logged N−1 more WARNINGs at every sweep."""
    import logging

    from sqlalchemy import event, text

    ids = [f"acct-{i:03d}" for i in range(16)]
    town = Town(db, org, {a: ("U0P1",) for a in ids})

    def read_only(conn, cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        # SQLite's file turns read-only as the reminders are written (the sweep's reads go through).
        if statement.startswith("BEGIN"):
            cursor.execute("PRAGMA query_only = OFF")
        elif statement.startswith("INSERT INTO outbox"):
            cursor.execute("PRAGMA query_only = ON")

    if db.is_postgres:  # the disk fills up (SQLSTATE 53100) as the reminders are written
        with db.engine.begin() as c:
            c.execute(text("CREATE FUNCTION test_disk_full() RETURNS trigger LANGUAGE plpgsql AS "
                           "$$ BEGIN RAISE EXCEPTION 'could not extend file' USING ERRCODE = '53100'; END $$"))
            c.execute(text("CREATE TRIGGER test_disk_full BEFORE INSERT ON outbox FOR EACH ROW "
                           "EXECUTE FUNCTION test_disk_full()"))
    else:
        event.listen(db.engine, "before_cursor_execute", read_only)
    try:
        with caplog.at_level(logging.WARNING, logger="bot.sweep"):
            failed = town.sweep(jst(2026, 11, 24, 8, 30))
    finally:
        if db.is_postgres:
            with db.engine.begin() as c:
                c.execute(text("DROP TRIGGER test_disk_full ON outbox"))
                c.execute(text("DROP FUNCTION test_disk_full()"))
        else:
            event.remove(db.engine, "before_cursor_execute", read_only)
        db.engine.dispose()  # (SQLite's query_only outlives the transaction)
    # Each subject failed once (the monthly asks of the day as well), none was tried alone.
    assert failed.failed >= len(ids) and failed.total == 0
    assert not [r for r in caplog.records if "smaller groups" in r.getMessage()]
    assert town.sweep(jst(2026, 11, 24, 12, 30)).sent["password.rotate"] == len(ids)


def monthly_lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.startswith("・")]


def test_an_operator_of_ten_short_accounts_gets_one_ask_on_the_20th(db, org) -> None:  # type: ignore[no-untyped-def]
    """Ten accounts short of the monthly minimum, one operator: ten 「今月の投稿のお願い」 at once
    before; one now, each account on its line with its count against the standard."""
    ids = [f"acct-{i:03d}" for i in range(10)]
    town = Town(db, org, {a: ("U0P1",) for a in ids}, min_posts=2)
    town.sweep(jst(2026, 10, 31, 12, 0))  # in use all of November (a Saturday: nothing is due)
    town.published("acct-003", jst(2026, 11, 5, 10, 0))
    town.published("acct-007", jst(2026, 11, 6, 10, 0), n=2)  # meets the standard: not listed
    report = town.sweep(jst(2026, 11, 24, 8, 30))
    assert report.sent["monthly.midmonth"] == 9 and report.failed == 0  # counted per account, as before
    [ask] = town.posts("U0P1", "今月の投稿")
    text = shown(ask)
    assert text.startswith(":calendar: *今月の投稿のお願い*\n次の 9 アカウントは、11月の投稿がまだ基準に達していません。"
                           "公式アカウントは1か月に2回以上の発信が基準です。")
    lines = monthly_lines(text)
    assert len(lines) == 9 and "acct-007" not in text
    assert lines[0] == "・上越市テストacct-000公式: 現在 0 件（基準まであと 2 件）"
    assert lines[3] == "・上越市テストacct-003公式: 現在 1 件（基準まであと 1 件）"
    assert text.endswith("今月最後の業務日である 11月30日（月） までにそれぞれ投稿をお願いします。投稿したら、"
                         "下書きのスレッドの「投稿済みにする」で記録してください（記録された投稿だけが数えられます）。")
    assert "利用を始めて" not in text
    assert ask[COVERS] == [f"monthly.midmonth:{a}:2026-11" for a in ids if a != "acct-007"]
    assert block_errors(ask["blocks"]) == []
    # Swept again, or by a second replica: nothing more.
    assert town.sweep(jst(2026, 11, 24, 8, 31)).total == 0
    assert town.sweep(jst(2026, 11, 25, 9, 0), town.sweeper()).total == 0
    assert len(town.posts("U0P1", "今月の投稿")) == 1


def test_the_last_business_days_asks_go_one_per_person_to_operators_and_approvers(db, org) -> None:  # type: ignore[no-untyped-def]
    town = Town(db, org, {"acct-001": ("U0P1", "U0P2"), "acct-002": ("U0P1",), "acct-003": ("U0P2",),
                          "acct-004": ("U0P3",)})
    town.sweep(jst(2026, 11, 12, 10, 0))  # in use from 11/12: the counts say since when
    report = town.sweep(jst(2026, 11, 30, 8, 30))
    assert report.sent["monthly.lastday"] == 5 and report.failed == 0  # four accounts + the channel's list
    [p1] = town.posts("U0P1", "今月の投稿")
    [p2] = town.posts("U0P2", "今月の投稿")
    assert [line.split(":")[0] for line in monthly_lines(shown(p1))] == ["・上越市テストacct-001公式", "・上越市テストacct-002公式"]
    assert [line.split(":")[0] for line in monthly_lines(shown(p2))] == ["・上越市テストacct-001公式", "・上越市テストacct-003公式"]
    assert "次の 2 アカウントは" in shown(p1) and "・上越市テストacct-002公式: 現在 0 件" in shown(p1)
    assert "11月12日に kessai の利用を始めてからの記録による件数です（それより前の投稿は含みません）。" in shown(p1)
    assert "本日が今月最後の業務日です。本日中にそれぞれ投稿をお願いします。" in shown(p1)
    # One account to one person: the message it always was.
    [p3] = town.posts("U0P3", "今月の投稿")
    assert shown(p3).startswith(":calendar: *今月の投稿のお願い*\n上越市テストacct-004公式 の11月の投稿は、"
                                 "11月12日に kessai の利用を始めてからの記録では 0 件です") and COVERS not in p3
    # The approver of all four: one message listing them.
    [manager] = town.posts("U0MANAGER", "今月の投稿")
    assert "次の 4 アカウントは" in shown(manager) and len(monthly_lines(shown(manager))) == 4
    assert len(town.posts("C0ESCALATE", "達していないアカウント")) == 1
    assert town.sweep(jst(2026, 11, 30, 8, 31)).total == 0
    assert town.sweep(jst(2026, 11, 30, 9, 0), town.sweeper()).total == 0


def test_a_missed_last_business_day_is_caught_up_in_one_message_per_person(db, org) -> None:  # type: ignore[no-untyped-def]
    ids = [f"acct-{i:03d}" for i in range(3)]
    town = Town(db, org, {a: ("U0P1",) for a in ids})
    town.sweep(jst(2026, 12, 21, 9, 0))  # in use in December; down on 12/28
    report = town.sweep(jst(2027, 1, 4, 8, 30))
    assert report.sent["monthly.lastday"] == 3 and report.sent["monthly.report"] == 1
    [late] = town.posts("U0MANAGER", "12月の投稿についてのお知らせ")
    text = shown(late)
    assert "次の 3 アカウントは、12月の投稿が基準に達しませんでした。" in text
    assert monthly_lines(text) == [f"・上越市テスト{a}公式: 0 件" for a in ids]
    assert ("このお知らせは 12月の最終業務日（12月28日（月））にお送りするものでしたが、その日は kessai が停止していた"
            "ため、本日お送りしています。") in text and "今月も基準を満たすよう" in text
    assert len(town.posts("U0P1", "12月の投稿についてのお知らせ")) == 1
    assert town.sweep(jst(2027, 1, 4, 9, 0)).total == 0


def test_a_bundles_already_changed_sentence_is_said_only_of_accounts_asked_before(db, org) -> None:  # type: ignore[no-untyped-def]
    """「すでに変更している場合も、記録をお願いします」 is what an ask repeated for an account still
    unrecorded says; a bundle said it of accounts asked for the first time too."""
    town = Town(db, org, {"acct-001": ("U0P1",), "acct-002": ("U0P1",)})
    a, b = town.org.accounts
    now = jst(2027, 2, 22, 9, 0)
    asked = jst(2026, 11, 24, 8, 30)
    sweeper = town.sweeper()
    feet = {name: sweeper._password_bundle(now, got).foot for name, got in {
        "again": [(a, None, asked), (b, None, asked)],
        "mixed": [(a, None, asked), (b, None, None)],
        "first": [(a, None, None), (b, jst(2026, 11, 1, 9, 0), None)],
    }.items()}
    assert "記録してください。すでに変更している場合も、記録をお願いします。二段階認証" in feet["again"]
    assert ("記録してください。お願いしてからまだ記録のないアカウントは、すでに変更している場合も、記録をお願いします。"
            "二段階認証") in feet["mixed"]
    assert "すでに変更" not in feet["first"] and "記録してください。二段階認証" in feet["first"]


def test_the_pages_of_a_list_to_an_operator_whose_slack_account_was_closed_do_not_wait_for_ever(db, org, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:  # type: ignore[no-untyped-def]
    """The list's first message refused for good (user_disabled: 退職): its later pages waited in the
    outbox for a thread that would never be, and /healthz said 503 (replies held too long) an hour later."""
    from bot.delivery_failures import DeliveryFailureReporter
    from bot.localstack import slack_users
    from bot.sandbox.server import LocalSlack
    from bot.slack_gateway import SlackGateway
    from bot.slack_http import KeepAliveWebClient

    town = Town(db, org, {f"acct-{i:03d}": ("U0OPERATOR",) for i in range(41)})  # two pages
    slack = LocalSlack(token="xoxb-bundle-test", users=slack_users(town.org)).start()
    try:
        slack.inject("chat.postMessage", error="user_disabled", channel=slack.dm_channel("U0OPERATOR"), times=1000)
        assert town.sweep(jst(2026, 11, 24, 8, 30)).sent["password.rotate"] == 41
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client, render_home=lambda *a, **k: None, clock=town.clock,
                               on_permanent_failure=DeliveryFailureReporter(db, town.org, town.clock)))
        for _ in range(3):
            gateway.deliver_due()
    finally:
        slack.stop()
    [first, *rest] = town.posts("U0OPERATOR", "パスワード")
    assert "次の 41 アカウント" in shown(first) and rest
    with db.session() as s:
        assert outbox.held(s, jst(2030, 1, 1)) == (0, 0)
        pages = [r for r in s.exec(select(OutboxRow)) if "（続き" in shown(r.payload)]
    # The monthly asks of that day are bundled too (41 short accounts): their pages are given up alike.
    assert len([p for p in pages if "パスワード" in shown(p.payload)]) == len(rest)
    assert {p.status for p in pages} == {"failed"}
    assert all("user_disabled" in (p.last_error or "") for p in pages)


def test_a_bundled_reminder_that_goes_through_in_a_later_run_is_no_longer_recorded_as_failing(db, org) -> None:  # type: ignore[no-untyped-def]
    """Under cron each `kessai remind` is a new process: a failure is recorded in the database
    (sweep.failing), and removed when the reminder goes through, as for the other reminders."""
    from storage import reminders

    town = Town(db, org, {"acct-001": ("U0P1",), "acct-002": ("U0P1",)})
    allow = refuse_outbox_rows_saying(db, "acct-002公式%パスワード")
    try:
        assert town.sweep(jst(2026, 11, 24, 8, 30)).failed == 1
    finally:
        allow()
    with db.session() as s:
        assert set(reminders.failing_since(s, jst(2026, 11, 24))) == {"password.rotate:acct-002:never"}
    assert town.sweep(jst(2026, 11, 24, 8, 31)).sent["password.rotate"] == 1  # a new process, as cron's next run
    with db.session() as s:
        assert reminders.failing_since(s, jst(2026, 11, 24)) == {}


def test_the_channels_list_of_short_accounts_refused_for_good_brings_its_pages_to_each_escalation_member(db, org, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:  # type: ignore[no-untyped-def]
    """The escalation channel archived (is_archived) on the last business day: the list's first
    message went to each escalation member by DM, but its later pages waited in the outbox for the
    channel's thread for ever (/healthz 503 an hour later), and the copy's 「スレッドに続けて」 was untrue."""
    from bot.delivery_failures import DeliveryFailureReporter
    from bot.incidents import escalation_people
    from bot.localstack import slack_users
    from bot.sandbox.server import LocalSlack
    from bot.slack_gateway import SlackGateway
    from bot.slack_http import KeepAliveWebClient

    town = Town(db, org, {f"acct-{i:03d}": ("U0OPERATOR",) for i in range(41)})  # two pages
    channel = town.org.policy.escalation_channel
    people = escalation_people(town.org)
    assert channel and people
    slack = LocalSlack(token="xoxb-bundle-test", users=slack_users(town.org)).start()
    try:
        slack.inject("chat.postMessage", error="is_archived", channel=channel, times=1000)
        town.sweep(jst(2026, 11, 30, 8, 30))
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client, render_home=lambda *a, **k: None, clock=town.clock,
                               on_permanent_failure=DeliveryFailureReporter(db, town.org, town.clock)))
        for _ in range(6):
            gateway.deliver_due()
        got = {p: slack.messages(p) for p in people}
    finally:
        slack.stop()
    with db.session() as s:
        assert outbox.held(s, jst(2030, 1, 1)) == (0, 0)
    for person, messages in got.items():
        [first] = [m for m in messages if "個別にお知らせしました" in m.text]
        assert "続けて載せています" in first.text, person
        # In the copy's own thread, as its cut line says.
        [page] = [m for m in messages if m.thread_ts == first.ts]
        assert "（続き 2/2）" in page.text
