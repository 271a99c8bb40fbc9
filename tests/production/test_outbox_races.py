"""Outbox rows released from hold by another transaction while a delivery pass is choosing rows.

Found by benchmarks/chaos.py (two replicas): a reply held for its draft's root post was released
by one replica (it recorded the root post) between two reads of the other replica's pass. The
update of that reply was then chosen before the reply was posted, found no message to update and
was failed for good: the draft's status in its thread never changed.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import event, update
from sqlalchemy import text as sql
from sqlalchemy.engine import make_url
from sqlmodel import select

from bot.sandbox.server import LocalSlack
from bot.slack_gateway import LEASE, UPDATE_WAITS_FOR_POST, SlackGateway
from bot.slack_http import KeepAliveWebClient
from storage import outbox
from storage.db import Database, as_utc
from storage.models import OutboxRow
from tests.conftest import database_url, lapse_outbox_claims
from tests.production.serveproc import refusing_port
from tests.production.tcpproxy import TcpProxy
from tests.time.conftest import Clock

ROOT = "draft:9:root"
STATUS = "thread:9:v1:status"


def test_an_update_chosen_while_its_post_was_released_waits_for_the_post(postgres: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    db = postgres
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url)
        clock = Clock(datetime.now(UTC))
        gateway = stopped_after(SlackGateway(db, client, clock=clock))
        root_ts = client.chat_postMessage(channel="C0INTAKE", text="下書き")["ts"]  # posted by the other replica
        now = clock()
        with db.session() as s:
            outbox.enqueue_reply_after(s, ROOT, {"channel": "C0INTAKE", "text": "状況: 決裁待ち"}, now=now,
                                       message_key=STATUS)  # held: the root post is not recorded yet
            outbox.enqueue(s, "update", {"text": "状況: 承認されました"}, now=now, message_key=STATUS)

        released = []

        def release_once(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            # Right after the pass has scanned the waiting rows, the other replica records the
            # root post, which releases the held reply.
            if not released and "WHERE outbox.status = " in statement and "ORDER BY outbox.id" in statement \
                    and "LIMIT" in statement:
                released.append(True)
                with db.session() as other:
                    outbox.remember_messages(other, [(ROOT, "C0INTAKE", root_ts)])

        event.listen(db.engine, "after_cursor_execute", release_once)
        try:
            gateway.deliver_due()
        finally:
            event.remove(db.engine, "after_cursor_execute", release_once)
        assert released
        clock.t += UPDATE_WAITS_FOR_POST  # the update looks again a second later
        gateway.deliver_due()
        with db.session() as s:
            assert outbox.rows(s, statuses=[outbox.FAILED, outbox.HELD, outbox.PENDING]) == []
        replies = [m for m in slack.messages("C0INTAKE") if m.thread_ts == root_ts and m.ts != root_ts]
        assert [m.text for m in replies] == ["状況: 承認されました"]


def test_a_reply_held_while_its_posts_failure_was_handled_reaches_the_stand_in(postgres: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """The draft's root post was refused for good; handling that (a DM for the author standing in
    for it, the held replies sent there) committed at the same time as a decision's reply, which
    it missed. The outbox worker's next pass sends the reply to the DM after the notice."""
    db = postgres
    root = "draft:10:root"
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url)))
        now = datetime.now(UTC)
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "下書き", outbox.PARENT: True}, now=now,
                           message_key=root)
        with db.session() as s:
            (root_row,) = outbox.eligible(s, now)
        with db.session() as decision:
            outbox.enqueue_reply_after(decision, root, {"channel": "C0INTAKE", "text": "承認されました"}, now=now,
                                       message_key="thread:10:v1:publish")
            outbox.flush_pending(decision)
            with db.session() as handling:
                outbox.mark_failed(handling, root_row.id or 0, "slack_channel: invalid_blocks")
                outbox.enqueue(handling, "post", {"channel": "U0OPERATOR", "text": "投稿できませんでした"}, now=now,
                               message_key=outbox.stand_in_key(root))
                outbox.divert_replies(handling, root)
        gateway.deliver_due()
        deadline = time.monotonic() + 30  # what must come, bounded generously: a loaded host delivers slowly
        while len(slack.messages("U0OPERATOR")) < 2 and time.monotonic() < deadline:
            time.sleep(1.1)  # the safety net runs once a second
            gateway.deliver_due()
        assert [m.text for m in slack.messages("U0OPERATOR")] == ["投稿できませんでした", "承認されました"]
        with db.session() as s:
            assert outbox.rows(s, statuses=[outbox.HELD, outbox.PENDING]) == []
        gateway.stop()


def _express_rows(db: Database, clock: Clock, text: str) -> dict[str, Any]:
    """One approval DM written as a request writes it: claimed for its own express delivery."""
    committed: list[dict[str, Any]] = []
    db.on_commit.append(committed.append)
    try:
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": text}, now=clock(),
                           express_until=clock() + LEASE)
    finally:
        db.on_commit.remove(committed.append)
    return committed[0]


def assert_sent_once(db: Database, slack: LocalSlack) -> None:
    """The approval DM of ``_express_rows`` reached the approver once, recorded as one attempt."""
    assert [m.text for m in slack.messages(slack.dm_channel("U0MANAGER"))] == ["決裁依頼"]
    with db.session() as s:
        (row,) = outbox.rows(s)
        assert (row.status, row.attempts) == (outbox.SENT, 1)


def deliver_with_the_other_between_read_and_claim(db: Database, a: SlackGateway, b: SlackGateway) -> None:
    """b's pass, with a's whole delivery of the rows right after b read the rows it chose
    (eligible) and before b claims them."""
    replica_a_went: list[bool] = []

    def a_goes_between(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if not replica_a_went and "outbox.payload" in statement and "WHERE outbox.id IN" in statement \
                and "ORDER BY outbox.id" in statement:
            replica_a_went.append(True)
            a.deliver_due()

    event.listen(db.engine, "after_cursor_execute", a_goes_between)
    try:
        b.deliver_due()
    finally:
        event.remove(db.engine, "after_cursor_execute", a_goes_between)
    assert replica_a_went


def test_a_post_another_replica_tried_between_this_passs_read_and_claim_is_looked_for_first(
        postgres: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """Two replicas' passes chose the same fresh row. Replica a claimed it first and posted it; Slack
    made the post and answered 500, and a gave the row back as tried once. Replica b, which had read
    the row before all that, claimed it then (nothing held it) and, by what it had read (never tried,
    never claimed), posted it without looking: the approver's DM twice."""
    db = postgres
    with LocalSlack() as slack:
        a = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url)))
        b = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url)))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "決裁依頼"}, now=datetime.now(UTC))
        slack.inject("chat.postMessage", status=500, applied=True)
        deliver_with_the_other_between_read_and_claim(db, a, b)
        assert not slack.pending_faults()
        a.stop()
        b.stop()
        assert [m.text for m in slack.messages(slack.dm_channel("U0MANAGER"))] == ["決裁依頼"]
        with db.session() as s:
            (row,) = outbox.rows(s)
            assert row.status == outbox.SENT



def test_an_attempt_on_a_row_another_replica_tried_between_read_and_claim_is_recorded_after_its(
        postgres: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """As above, and b's look-up for the post fails too (500). b recorded its attempt by what it
    had read before a's: its backoff the first step again (0.5 s, not 1 s), and a's
    failing_alone_since (a had seen Slack answer it, no other conversation failing) written back
    as none, so the DM's day failing alone started again at the next attempt."""
    db = postgres
    clock = Clock(datetime.now(UTC))
    with LocalSlack() as slack:
        a = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        b = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=clock())
        assert a.deliver_due() == 1  # Slack takes a's other message: a knows Slack answers it
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "決裁依頼"}, now=clock())
        slack.inject("chat.postMessage", status=500, applied=True)
        slack.inject("conversations.history", status=500)
        deliver_with_the_other_between_read_and_claim(db, a, b)
        assert not slack.pending_faults()
        a.stop()
        b.stop()
        assert [m.text for m in slack.messages(slack.dm_channel("U0MANAGER"))] == ["決裁依頼"]  # a's, once
        with db.session() as s:
            (row,) = [r for r in outbox.rows(s) if r.status == outbox.PENDING]
        assert row.attempts == 2
        assert as_utc(row.next_attempt_at) == clock() + timedelta(seconds=1)  # the second step of the backoff
        assert row.failing_alone_since is not None and as_utc(row.failing_alone_since) == clock()

def test_a_send_that_waited_past_its_claim_is_not_made_twice(postgres: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """Slack was slow: a request's express send waited in line longer than its claim, another
    replica's delivery pass took the row and sent it; the late send must not post it again."""
    db = postgres
    clock = Clock(datetime.now(UTC))
    with LocalSlack() as slack:
        a = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        b = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        info = _express_rows(db, clock, "決裁依頼")
        clock.t += LEASE + timedelta(seconds=5)  # replica a's express lane is still busy
        lapse_outbox_claims(db)
        assert b.deliver_due() == 1  # the claim lapsed: replica b sends it
        a.deliver_express(info)  # a's turn comes at last
        a.stop()
        b.stop()
        assert_sent_once(db, slack)


def test_a_send_that_waited_past_its_claim_renews_it_when_nobody_took_it(postgres: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    db = postgres
    clock = Clock(datetime.now(UTC))
    with LocalSlack() as slack:
        a = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        info = _express_rows(db, clock, "決裁依頼")
        clock.t += LEASE + timedelta(seconds=5)
        a.deliver_express(info)
        a.stop()
        assert [m.text for m in slack.messages(slack.dm_channel("U0MANAGER"))] == ["決裁依頼"]
        with db.session() as s:
            (row,) = outbox.rows(s)
            assert row.status == outbox.SENT


class _SlowToOpenDMs(KeepAliveWebClient):
    """Opening a DM takes longer than the claim on the message: the test's clock moves past it,
    and ``meanwhile`` runs (another replica's delivery pass) before the DM is open."""

    def __init__(self, *args: Any, clock: Clock, meanwhile: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.clock = clock
        self.meanwhile = meanwhile

    def conversations_open(self, **kwargs: Any) -> Any:
        self.clock.t += LEASE + timedelta(seconds=5)
        self.meanwhile()
        return super().conversations_open(**kwargs)


def test_a_post_whose_claim_lapsed_while_its_dm_was_opened_is_not_made_twice(postgres: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """The claim was checked before the DM's conversations.open; Slack was slow to open it, the
    claim lapsed and the other replica sent the message. The post must not follow."""
    db = postgres
    clock = Clock(datetime.now(UTC))
    with LocalSlack() as slack:
        b = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        sent_by_b: list[int] = []
        def b_passes() -> None:
            lapse_outbox_claims(db)
            sent_by_b.append(b.deliver_due())

        a = stopped_after(SlackGateway(db, _SlowToOpenDMs(token=slack.token, base_url=slack.api_url, clock=clock,
                                            meanwhile=b_passes), clock=clock))
        a.deliver_express(_express_rows(db, clock, "決裁依頼"))
        a.stop()
        b.stop()
        assert sent_by_b == [1]
        assert_sent_once(db, slack)


def test_a_post_whose_claim_ran_short_while_its_dm_was_opened_renews_it(postgres: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    db = postgres
    clock = Clock(datetime.now(UTC))
    with LocalSlack() as slack:
        a = stopped_after(SlackGateway(db, _SlowToOpenDMs(token=slack.token, base_url=slack.api_url, clock=clock,
                                            meanwhile=lambda: None), clock=clock))
        a.deliver_express(_express_rows(db, clock, "決裁依頼"))
        a.stop()
        assert_sent_once(db, slack)


def test_a_send_is_not_tried_again_past_its_claim_when_slack_cannot_be_reached(
        postgres: Database, monkeypatch: pytest.MonkeyPatch, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """slack_sdk tries a call whose connection failed once more (after 0.5 s, up to the whole
    timeout again). With a claim covering one attempt but not two, the send fails instead, to be
    tried again by the outbox, which claims the row anew."""
    # The auth.test asked after a pass whose tries all failed opens connections of its own.
    monkeypatch.setattr(SlackGateway, "_probe_if_wanted", lambda self: None)
    db = postgres
    clock = Clock(datetime.now(UTC))
    with refusing_port() as port:
        client = KeepAliveWebClient(token="xoxb-test", base_url=f"http://127.0.0.1:{port}/api/", timeout=5)
        a = stopped_after(SlackGateway(db, client, clock=clock))
        info = _express_rows(db, clock, "決裁依頼")
        # Claimed for LEASE: move on to 6.2 s before its end, enough for one call (timeout 5 s + 1 s) only.
        clock.t += LEASE - timedelta(seconds=6.2)
        a.deliver_express(info)
        a.stop()
    assert client.connections_opened == 1
    with db.session() as s:
        (row,) = outbox.rows(s)
        assert (row.status, row.attempts) == (outbox.PENDING, 1)


def test_a_claim_that_cannot_be_renewed_while_the_database_is_away_is_sent_once_it_is_back(
        tmp_path: Path, caplog: pytest.LogCaptureFixture, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """The claim ran short and the database is unreachable, so it cannot be renewed: nothing is
    sent (another replica may have the row), nothing is blamed on Slack, and once the database is
    back the row goes out, once."""
    url = make_url(database_url("postgres", tmp_path))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    db = Database(url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    db.upgrade()
    clock = Clock(datetime.now(UTC))
    try:
        with LocalSlack() as slack:
            a = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
            info = _express_rows(db, clock, "決裁依頼")
            clock.t += LEASE - timedelta(seconds=3)  # less than a call's worth of claim left
            proxy.down()
            db.engine.dispose()  # pooled connections went with it
            a.deliver_express(info)
            a.stop()
            assert slack.messages(slack.dm_channel("U0MANAGER")) == []
            assert "unexpected answer from Slack" not in caplog.text
            proxy.up()
            clock.t += LEASE
            lapse_outbox_claims(db)
            b = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
            assert b.deliver_due() == 1
            b.stop()
            assert [m.text for m in slack.messages(slack.dm_channel("U0MANAGER"))] == ["決裁依頼"]
    finally:
        proxy.up()
        db.dispose()
        proxy.close()


def test_a_claim_the_database_refuses_to_renew_is_given_back_untried_not_blamed_on_slack(
        postgres: Database, caplog: pytest.LogCaptureFixture, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """The claim ran short and the database refused to renew it (a statement timeout, a lock it
    gave up on, a failover) while it answered the rest: the message was not sent, and Slack had
    no part in it. Counted as Slack failing, it was an attempt against giving the message up, a
    start of this replica's failing-alone clock and an auth.test asked for nothing. It is given
    back untried instead, and the next pass sends it once."""
    db = postgres
    clock = Clock(datetime.now(UTC))
    with db.engine.begin() as c:  # only a renewal pushes a held claim further: that one fails
        c.execute(sql("CREATE FUNCTION test_refuse_renewal() RETURNS trigger LANGUAGE plpgsql AS "
                      "$$ BEGIN RAISE EXCEPTION 'canceling statement due to statement timeout'; END $$"))
        c.execute(sql("CREATE TRIGGER test_refuse BEFORE UPDATE ON outbox FOR EACH ROW WHEN "
                      "(OLD.claimed_until IS NOT NULL AND NEW.claimed_until > OLD.claimed_until) "
                      "EXECUTE FUNCTION test_refuse_renewal()"))
    with LocalSlack() as slack:
        a = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        info = _express_rows(db, clock, "決裁依頼")
        clock.t += LEASE - timedelta(seconds=3)  # less than a call's worth of claim left
        a.deliver_express(info)
        a.stop()
        assert slack.messages(slack.dm_channel("U0MANAGER")) == []
        assert slack.calls_of("auth.test") == []
        assert a.failing_since() is None
        with db.session() as s:
            (row,) = outbox.rows(s)
            assert (row.status, row.attempts, row.claimed_until, row.last_error) == (outbox.PENDING, 0, None, None)
        assert "will retry" not in caplog.text
        with db.engine.begin() as c:
            c.execute(sql("DROP TRIGGER test_refuse ON outbox"))
        b = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        assert b.deliver_due() == 1
        b.stop()
        assert_sent_once(db, slack)


def test_a_row_locked_by_a_transaction_that_does_not_end_holds_back_only_itself(postgres: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """Another transaction keeps an outbox row locked and does not end: a replica stopped while it
    recorded a delivery (a paused VM, SIGSTOP), or a process killed while its session waited on a
    lock (the server reads the closed socket only once that wait ends, and keeps the session's
    locks until then). It may last up to idle_in_transaction_session_timeout, a minute. A delivery
    pass must not wait for it: the other messages go out now, the locked one once it is free."""
    db = postgres
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url)))
        now = datetime.now(UTC)
        with db.session() as s:
            for n in (1, 2, 3):
                outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": f"お知らせ{n}"}, now=now,
                               message_key=f"notice:{n}")
        with db.session() as s:
            first = min(r.id or 0 for r in outbox.rows(s))
        holder = db.engine.connect()
        holder.execute(update(OutboxRow).where(OutboxRow.id == first).values(attempts=OutboxRow.attempts))  # type: ignore[arg-type]
        passes: list[int] = []
        deliver = threading.Thread(target=lambda: passes.append(gateway.deliver_due()), daemon=True)
        try:
            deliver.start()
            deliver.join(10)
            stalled = deliver.is_alive()
        finally:
            holder.rollback()  # lets a pass that waited on the lock go on
            holder.close()
        deliver.join(10)
        assert not stalled, "the delivery pass waited on a row another transaction had locked"
        assert passes == [2]
        assert sorted(m.text for m in slack.messages("C0INTAKE")) == ["お知らせ2", "お知らせ3"]
        assert gateway.deliver_due() == 1  # free again: it goes out, once
        gateway.stop()
        assert sorted(m.text for m in slack.messages("C0INTAKE")) == ["お知らせ1", "お知らせ2", "お知らせ3"]
        with db.session() as s:
            assert {r.status for r in outbox.rows(s)} == {outbox.SENT}


# -- one report per unreachable person and day, from replicas failing for that person at once ------

UNREACHABLE = "undeliverable:U0CHIEF:user_disabled:"


def _failed_dm(n: int) -> OutboxRow:
    return OutboxRow(id=1000 + n, op="post", payload={"channel": "U0CHIEF", "text": "決裁依頼"},
                     message_key=f"dm:{900 + n}:v1:U0CHIEF", status=outbox.FAILED, attempts=1,
                     next_attempt_at=datetime.now(UTC), created_at=datetime.now(UTC))


def _while_counting(db: Database, other: Any) -> Any:
    """A hook that, when this thread first counts the day's report, runs ``other`` in another thread
    (another replica reporting a failure for the same person) until it ends or waits for a lock."""
    me, done = threading.current_thread(), list[threading.Thread]()

    def hook(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if done or threading.current_thread() is not me or "count(*)" not in statement \
                or "outbox.message_key" not in statement:
            return
        done.append(threading.Thread(target=other))
        done[0].start()
        # A fresh transaction each look (_lock_waiters): PostgreSQL keeps one pg_stat_activity
        # snapshot per transaction, so one connection looking again saw the other side still
        # running until this session's idle-in-transaction timeout ended it (a flake under load).
        while done[0].is_alive() and not _lock_waiters(db):
            time.sleep(0.01)
    return hook, done


def _reports(db: Database) -> tuple[list[OutboxRow], list[OutboxRow]]:
    with db.session() as s:
        rows = [r for r in outbox.rows(s, (outbox.PENDING,)) if (r.message_key or "").startswith(UNREACHABLE)]
    return [r for r in rows if r.op == "post"], [r for r in rows if r.op == "update"]


@pytest.mark.parametrize("reported_before", [0, 1])
def test_replicas_failing_for_the_same_person_at_once_post_one_report_and_count_every_failure(
        postgres: Database, org: Any, reported_before: int) -> None:
    """Two replicas each failing a DM to a deactivated approver in the same instant both found no
    report of the day yet and both posted one (reported_before=0); two failing after the first
    report both counted the same rows and both wrote 「2 件」 for three failures (reported_before=1)."""
    from bot.delivery_failures import DeliveryFailureReporter
    db = postgres
    reporter = DeliveryFailureReporter(db, org, lambda: datetime.now(UTC))
    for n in range(reported_before):
        reporter(_failed_dm(n), "user_disabled")
    hook, other = _while_counting(db, lambda: reporter(_failed_dm(10), "user_disabled"))
    event.listen(db.engine, "after_cursor_execute", hook)
    try:
        reporter(_failed_dm(11), "user_disabled")
    finally:
        event.remove(db.engine, "after_cursor_execute", hook)
    other[0].join()
    posts, updates = _reports(db)
    assert len(posts) == 1
    assert f"同じ理由で {reported_before + 2} 件" in max(updates, key=lambda r: r.id or 0).payload["text"]


# -- an approval DM held for the morning, settled while a replica delivers it -------------------

HELD_DM = "dm:77:v1:U0CHIEF"


def _held_dm(db: Database, night: datetime, morning: datetime) -> None:
    with db.session() as s:
        outbox.hold_posts_until(s, morning)
        outbox.enqueue(s, "post", {"channel": "C0DMCHIEF", "text": "決裁依頼"}, now=night, message_key=HELD_DM)


def _settle(db: Database, now: datetime) -> bool:
    """What Notifier._settle_dm does when the request is decided: drop the post, else edit it."""
    with db.session() as s:
        dropped = outbox.drop_unsent_post(s, HELD_DM)
        if not dropped:
            outbox.enqueue(s, "update", {"text": "決裁依頼（承認済み）"}, now=now, message_key=HELD_DM)
    return dropped


def _lock_waiters(db: Database) -> int:
    with db.engine.connect() as c:
        return int(c.exec_driver_sql("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                                     "AND datname = current_database()").scalar() or 0)


@pytest.mark.parametrize("first", ["claim", "drop"])
def test_a_held_dm_settled_while_another_replica_claims_it_is_either_never_sent_or_sent_and_edited(
        postgres: Database, first: str, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """drop_unsent_post (one replica: the request decided at 08:30) against the delivery pass of
    another claiming the same row at that instant, each left uncommitted while the other runs its
    statement: whichever is first, nothing is edited that was never posted and nothing claimed is
    orphaned."""
    db = postgres
    night = datetime(2026, 12, 4, 13, 0, tzinfo=UTC)
    clock = Clock(night + timedelta(hours=6, minutes=30))
    _held_dm(db, night, clock.t)
    with LocalSlack(channels={"C0DMCHIEF": "dm"}) as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        outcome: list[bool] = []
        deleted, claimed = threading.Event(), threading.Event()
        other = threading.Thread(target=lambda: outcome.append(_settle(db, clock.t)))
        worker = threading.current_thread()

        def race(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if threading.current_thread() is not worker:
                if first == "drop" and statement.startswith("DELETE FROM outbox"):
                    deleted.set()  # the drop's row lock is taken, not committed:
                    claimed.wait(30)  # the claim runs now (bounded: a regression fails, not hangs)
                return
            if first == "claim" and statement.startswith("UPDATE outbox SET claimed_until") and not other.ident:
                other.start()  # the claim is made, not committed: the drop runs now
                while other.is_alive() and not _lock_waiters(db):
                    time.sleep(0.01)
            elif first == "drop" and "FROM outbox" in statement and not other.ident:
                other.start()  # the pass has not claimed yet
                assert deleted.wait(30), "the drop never reached its DELETE"
            elif first == "drop" and statement.startswith("UPDATE outbox SET claimed_until"):
                claimed.set()

        event.listen(db.engine, "after_cursor_execute", race)
        try:
            gateway.deliver_due()
        finally:
            claimed.set()
            if other.ident:
                other.join(30)
            # Only once the other side is done: removing a listener while another thread runs
            # the listeners fails that thread ("deque mutated during iteration").
            event.remove(db.engine, "after_cursor_execute", race)
        gateway.deliver_due()
        [dropped] = outcome
        assert (first == "drop") == dropped
        texts = [m.text for m in slack.messages("C0DMCHIEF")]
        edits = slack.calls_of("chat.update")
        if dropped:
            assert texts == [] and edits == []
        else:
            assert texts == ["決裁依頼（承認済み）"] and edits and all(c.ok for c in edits)
        with db.session() as s:
            assert outbox.rows(s, (outbox.PENDING, outbox.HELD, outbox.FAILED)) == []


def test_a_held_dm_claimed_by_a_replica_killed_before_sending_is_posted_and_edited_by_another(
        postgres: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    db = postgres
    night = datetime(2026, 12, 4, 13, 0, tzinfo=UTC)
    clock = Clock(night + timedelta(hours=6, minutes=30))
    _held_dm(db, night, clock.t)
    with db.session() as s:  # all a replica killed after its claim leaves behind
        [row] = outbox.rows(s, (outbox.PENDING,))
        assert outbox.claim_many(s, [row.id or 0], LEASE)
    assert _settle(db, clock.t) is False  # it may be in Slack: kept, and edited
    with LocalSlack(channels={"C0DMCHIEF": "dm"}) as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        assert gateway.deliver_due() == 0  # still claimed by the dead replica
        clock.t += LEASE
        lapse_outbox_claims(db)
        gateway.deliver_due()
        gateway.deliver_due()
        assert [m.text for m in slack.messages("C0DMCHIEF")] == ["決裁依頼（承認済み）"]
    with db.session() as s:
        assert outbox.rows(s, (outbox.PENDING, outbox.HELD, outbox.FAILED)) == []


def test_two_replicas_reporting_one_unreachable_person_post_one_report(postgres: Database, org: Any) -> None:
    """Two deliveries (two replicas, or the express lane beside the worker) report DMs to the same
    deactivated approver at once: each counted no report of the day yet, and each posted one,
    so the escalation channel had the same warning twice. The first report of the day is
    claimed, so the second edits it instead."""
    from bot.delivery_failures import DeliveryFailureReporter, undeliverable_key

    db = postgres
    now = datetime(2026, 12, 7, 0, 30, tzinfo=UTC)
    reporter = DeliveryFailureReporter(db, org, lambda: now)
    key = undeliverable_key("U0CHIEF", "user_disabled", "2026-12-07")
    text = ":warning: 春日山 一郎 さんにメッセージを届けられませんでした"
    second_done = threading.Event()

    def second_replica() -> None:
        with db.session() as s2:
            reporter._escalate_once(s2, now, key, text, "本日これまでに")
        second_done.set()

    with db.session() as s1:
        reporter._escalate_once(s1, now, key, text, "本日これまでに")
        other = threading.Thread(target=second_replica)
        other.start()
        second_done.wait(1.0)  # it may wait for this transaction (it should), or not
    other.join(10)
    assert second_done.is_set()
    with db.session() as s:
        ops = [r.op for r in s.exec(select(OutboxRow).where(OutboxRow.message_key == key)).all()]
    assert sorted(ops) == ["post", "update"]


def test_replicas_reporting_two_people_in_opposite_orders_lose_no_report(postgres: Database, org: Any, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """Each failure's report is written in the transaction recording it (c70da5a): a pass that gave
    up DMs to two deactivated approvers took the first one's report key and then waited for the
    second's, which another replica, reporting them the other way round, held while it waited
    for the first. PostgreSQL ended the deadlock by failing one report, whose savepoint was rolled
    back: that approver's failure was neither counted in the escalation channel nor told in its
    draft's thread. The report failed there is made again once the recording is committed."""
    from bot.delivery_failures import DeliveryFailureReporter
    from bot.slack_gateway import Permanent, _Job

    db = postgres
    now = datetime.now(UTC)
    reporter = DeliveryFailureReporter(db, org, lambda: now)
    people = ["U0CHIEF", "U0MANAGER"]

    def job(n: int, person: str) -> _Job:
        row = OutboxRow(id=2000 + n, op="post", payload={"channel": person, "text": "決裁依頼"},
                        message_key=f"dm:{950 + n}:v1:{person}", status=outbox.PENDING, attempts=0,
                        next_attempt_at=now, created_at=now)
        return _Job(row=row, location=None)

    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url)
        gateways = [stopped_after(SlackGateway(db, client, clock=lambda: now, on_permanent_failure=reporter)) for _ in people]
        first_claims = threading.Barrier(2)
        claimed: set[int] = set()

        def hold_first_claim(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            # Each replica has taken its first person's report key: now each asks for the other's.
            me = threading.get_ident()
            if statement.startswith("INSERT INTO processed_events") and me not in claimed:
                claimed.add(me)
                first_claims.wait(30)

        def replica(gateway: SlackGateway, order: list[str], base: int) -> None:
            jobs = [job(base + i, person) for i, person in enumerate(order)]
            gateway._record(jobs, [Permanent("user_disabled") for _ in jobs])

        event.listen(db.engine, "after_cursor_execute", hold_first_claim)
        threads = [threading.Thread(target=replica, args=(gateways[0], people, 0)),
                   threading.Thread(target=replica, args=(gateways[1], people[::-1], 10))]
        try:
            for t in threads:
                t.start()
            for t in threads:
                t.join(60)
        finally:
            first_claims.abort()
            event.remove(db.engine, "after_cursor_execute", hold_first_claim)
        assert not any(t.is_alive() for t in threads)
    with db.session() as s:
        rows = [r for r in outbox.rows(s, (outbox.PENDING,)) if (r.message_key or "").startswith("undeliverable:")]
    for person in people:
        mine = [r for r in rows if (r.message_key or "").startswith(f"undeliverable:{person}:")]
        assert [r.op for r in mine if r.op == "post"] == ["post"], person
        assert "同じ理由で 2 件" in max((r for r in mine if r.op == "update"), key=lambda r: r.id or 0,
                                        default=mine[0]).payload["text"], person
