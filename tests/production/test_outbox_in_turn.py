"""A thread's replies go out in one delivery pass, one after another in the order written.

A clean draft's two thread replies cost a pass each (the scan, the claim, the recording): about
4 ms of the worker's CPU per reply, competing with the next request on a small server. Sent in
turn within one pass, a reply still goes only after the one before it went, and one after a
reply that failed is not tried: its claim is given back without counting an attempt.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import Engine, event, update
from sqlmodel import Session

from bot.sandbox.server import LocalSlack
from bot.slack_gateway import LEASE, METADATA_EVENT, SlackGateway
from bot.slack_http import KeepAliveWebClient
from storage import outbox
from storage.db import Database
from storage.models import OutboxRow
from tests.conftest import lapse_outbox_claims

CHANNEL = "C0INTAKE"
ALL = (outbox.PENDING, outbox.HELD, outbox.SENT, outbox.FAILED)


def reply(db: Database, parent_ts: str, texts: list[str], thread: str) -> None:
    with db.session() as s:
        for i, text in enumerate(texts):
            outbox.enqueue(s, "post", {"channel": CHANNEL, "thread_ts": parent_ts, "text": text},
                           now=datetime.now(UTC), message_key=f"{thread}:{i}", thread_key=f"{CHANNEL}:{parent_ts}")


def statements_during(gateway: SlackGateway, prefix: str) -> int:
    """How many statements starting with ``prefix`` this thread ran while ``gateway`` delivered
    what is due (the delivery pool's threads are not counted)."""
    seen: list[str] = []
    me = threading.get_ident()

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if threading.get_ident() == me and statement.startswith(prefix):
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        gateway.deliver_due()
    finally:
        event.remove(Engine, "before_cursor_execute", note)
    return len(seen)


def claims_during(db: Database, gateway: SlackGateway) -> int:
    """How many times a delivery claimed rows while ``gateway`` delivered what is due."""
    return statements_during(gateway, "UPDATE outbox SET claimed_until")


def test_a_threads_replies_go_in_one_pass_in_the_order_written(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client))
        first = client.chat_postMessage(channel=CHANNEL, text="下書き１")["ts"]
        second = client.chat_postMessage(channel=CHANNEL, text="下書き２")["ts"]
        reply(db, first, ["チェック結果: 問題なし", "決裁を依頼しました", "状況: 決裁待ち"], "a")
        reply(db, second, ["チェック結果: 問題なし", "決裁を依頼しました"], "b")
        assert claims_during(db, gateway) == 1  # one pass, not one per reply
        for parent, texts in ((first, ["チェック結果: 問題なし", "決裁を依頼しました", "状況: 決裁待ち"]),
                              (second, ["チェック結果: 問題なし", "決裁を依頼しました"])):
            got = [m.text for m in slack.messages(CHANNEL) if m.thread_ts == parent and m.ts != parent]
            assert got == texts
        with db.session() as s:
            assert {r.status for r in outbox.rows(s)} == {outbox.SENT}


def test_a_reply_after_one_that_failed_waits_without_an_attempt(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client))
        parent = client.chat_postMessage(channel=CHANNEL, text="下書き")["ts"]
        reply(db, parent, ["チェック結果: 問題なし", "決裁を依頼しました"], "a")
        slack.inject("chat.postMessage", status=500)
        assert gateway.deliver_due() == 0
        assert [m.text for m in slack.messages(CHANNEL) if m.thread_ts == parent and m.ts != parent] == []
        with db.session() as s:
            failed, waiting = outbox.rows(s)
        assert (failed.attempts, failed.status, failed.claimed_until is None) == (1, outbox.PENDING, True)
        # Not tried: no attempt counted, its claim given back (not left to lapse in 15 s), and it
        # still waits behind the first, which is due later.
        assert (waiting.attempts, waiting.last_error, waiting.claimed_until) == (0, None, None)
        with db.session() as s:
            assert outbox.eligible(s, datetime.now(UTC), in_turn=True) == []


def test_a_reply_waits_when_another_delivery_took_the_one_before_it(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # Between this pass's scan and its claim, another replica claims the thread's first reply:
    # the second, claimed here, must not go before it; it is given back at once.
    if db.engine.dialect.name == "sqlite":
        pytest.skip("SQLite writes one transaction at a time: nothing claims between the scan and the claim")
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client))
        parent = client.chat_postMessage(channel=CHANNEL, text="下書き")["ts"]
        reply(db, parent, ["チェック結果: 問題なし", "決裁を依頼しました"], "a")
        with db.session() as s:
            first_id = outbox.rows(s)[0].id or 0
        taken: list[bool] = []

        def other_replica(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if not taken and statement.startswith("SELECT outbox.id, outbox.op"):  # the chosen rows, read
                taken.append(True)
                with db.session() as other:
                    assert outbox.claim(other, first_id, LEASE)

        event.listen(db.engine, "after_cursor_execute", other_replica)
        try:
            assert gateway.deliver_due() == 0
        finally:
            event.remove(db.engine, "after_cursor_execute", other_replica)
        assert taken
        assert [m.text for m in slack.messages(CHANNEL) if m.thread_ts == parent and m.ts != parent] == []
        with db.session() as s:
            first, second = outbox.rows(s)
        assert first.claimed_until is not None and first.attempts == 0
        assert (second.status, second.attempts, second.claimed_until) == (outbox.PENDING, 0, None)


def test_a_reply_not_tried_keeps_the_mark_of_a_delivery_that_died_sending_it(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # A delivery claimed the second reply, posted it and died before recording it; its claim
    # lapsed. Given back untried behind a first reply that failed, the second must still be
    # looked for in Slack before it is sent again, not posted a second time.
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client))
        parent = client.chat_postMessage(channel=CHANNEL, text="下書き")["ts"]
        reply(db, parent, ["チェック結果: 問題なし", "決裁を依頼しました"], "a")
        with db.session() as s:
            first_id, second_id = (r.id or 0 for r in outbox.rows(s))
            assert outbox.claim(s, second_id, LEASE)
        client.chat_postMessage(channel=CHANNEL, thread_ts=parent, text="決裁を依頼しました",
                                metadata={"event_type": METADATA_EVENT, "event_payload": {"outbox_id": second_id}})
        lapse_outbox_claims(db)
        slack.inject("chat.postMessage", status=500)
        assert gateway.deliver_due() == 0
        with db.session() as s:
            second = outbox.rows(s)[1]
            assert (second.attempts, second.claimed_until is not None) == (0, True)
            s.connection().execute(update(OutboxRow).where(OutboxRow.id == first_id)  # type: ignore[arg-type]
                                   .values(next_attempt_at=datetime.now(UTC)))
        gateway.deliver_due()
        got = [m.text for m in slack.messages(CHANNEL) if m.thread_ts == parent and m.ts != parent]
        assert sorted(got) == sorted(["チェック結果: 問題なし", "決裁を依頼しました"])
        with db.session() as s:
            assert {r.status for r in outbox.rows(s)} == {outbox.SENT}


def scans_during(db: Database, gateway: SlackGateway) -> int:
    """How many times ``gateway`` scanned the waiting rows while delivering what is due."""
    return statements_during(gateway, "SELECT anon_1.id, anon_1.message_key")


def recordings_during(gateway: SlackGateway) -> list[str]:
    """The statements of this thread that recorded sent messages (where they went, that they went)
    while ``gateway`` delivered what is due."""
    seen: list[str] = []
    me = threading.get_ident()

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if threading.get_ident() == me and statement.startswith(
                ("INSERT INTO slack_messages", "UPDATE outbox SET status", "WITH located_messages")):
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        gateway.deliver_due()
    finally:
        event.remove(Engine, "before_cursor_execute", note)
    return seen


def test_a_pass_records_what_it_sent_in_one_statement(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # Every message the worker or the express lane sends is recorded: where it went and that it
    # went were two statements (and a look for held replies a third), two more round trips a draft.
    if db.engine.dialect.name != "postgresql":
        pytest.skip("SQLite has no INSERT inside WITH: the recording is its statements one after another")
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client))
        parent = client.chat_postMessage(channel=CHANNEL, text="下書き")["ts"]
        reply(db, parent, ["チェック結果: 問題なし", "決裁を依頼しました"], "a")
        now = datetime.now(UTC)
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": CHANNEL, "text": "お知らせ"}, now=now, message_key="b:0")
            outbox.enqueue_reply_after(s, "b:0", {"channel": CHANNEL, "text": "続き"}, now=now, message_key="b:1")
        assert len(recordings_during(gateway)) == 2  # the pass, and the one its released reply made due
        with db.session() as s:
            assert {r.message_key: r.status for r in outbox.rows(s)} == dict.fromkeys(
                ["a:0", "a:1", "b:0", "b:1"], outbox.SENT)
            assert all(r.attempts == 1 and r.sent_at is not None and r.claimed_until is None for r in outbox.rows(s))
            where = {k: outbox.message_location(s, k) for k in ("a:0", "a:1", "b:0", "b:1")}
        assert all(m is not None and m.channel == CHANNEL for m in where.values())
        (notice,) = [m for m in slack.messages(CHANNEL) if m.text == "お知らせ"]
        assert [m.text for m in slack.messages(CHANNEL) if m.thread_ts == notice.ts and m.ts != notice.ts] == ["続き"]


def test_the_scan_and_the_held_threads_are_one_read(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # Every delivery pass scans: the oldest held reply of each thread was a second statement (a
    # round trip a pass, though almost never is anything held). Read with the scan, from the same
    # snapshot, a reply behind a held one still waits.
    now = datetime.now(UTC)
    with db.session() as s:
        # A draft's post (PARENT, as Notifier.draft_root writes it): its replies wait, for it or its stand-in.
        # Any other post given up on gives up a reply written for it (outbox.given_up_for_good).
        outbox.enqueue(s, "post", {"channel": CHANNEL, "text": "下書き", outbox.PARENT: True}, now=now,
                       message_key="draft:1:root", status=outbox.FAILED)
        outbox.enqueue_reply_after(s, "draft:1:root", {"channel": CHANNEL, "text": "チェック結果"}, now=now,
                                   message_key="thread:1:check")
        outbox.enqueue(s, "post", {"channel": CHANNEL, "text": "状況"}, now=now, thread_key="draft:1:root")
        outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "決裁依頼"}, now=now)
    seen: list[str] = []
    me = threading.get_ident()

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if threading.get_ident() == me and "GROUP BY outbox.thread_key" in statement:
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        with db.session() as s:
            due = outbox.eligible(s, now)
    finally:
        event.remove(Engine, "before_cursor_execute", note)
    assert [r.payload["text"] for r in due] == ["決裁依頼"]
    assert len(seen) == 1 and "LIMIT" in seen[0]  # the held threads' look-up is the scan's statement


def test_a_pass_that_left_nothing_behind_does_not_scan_again(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": CHANNEL, "text": "お知らせ"}, now=datetime.now(UTC))
        assert scans_during(db, gateway) == 1
        assert [m.text for m in slack.messages(CHANNEL)] == ["お知らせ"]


def test_what_waited_behind_a_pass_goes_in_the_same_call(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # An edit behind its post, and a reply held for it, go in the same deliver_due: the pass
    # looks again whenever it passed over a due row or released a held one.
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client))
        now = datetime.now(UTC)
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": CHANNEL, "text": "下書き"}, now=now, message_key="draft:1:root")
            outbox.enqueue(s, "update", {"text": "下書き（決裁待ち）"}, now=now, message_key="draft:1:root")
            outbox.enqueue_reply_after(s, "draft:1:root", {"channel": CHANNEL, "text": "チェック結果: 問題なし"},
                                       now=now, message_key="thread:1:check")
        gateway.deliver_due()
        (root,) = [m for m in slack.messages(CHANNEL) if not m.thread_ts or m.thread_ts == m.ts]
        assert root.text == "下書き（決裁待ち）"
        assert [m.text for m in slack.messages(CHANNEL) if m.thread_ts == root.ts and m.ts != root.ts] == [
            "チェック結果: 問題なし"]
        with db.session() as s:
            assert {r.status for r in outbox.rows(s, statuses=[outbox.PENDING, outbox.HELD, outbox.SENT])} == {
                outbox.SENT}


def test_a_reply_held_for_the_post_just_sent_goes_in_the_same_call(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client))
        now = datetime.now(UTC)
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": CHANNEL, "text": "下書き"}, now=now, message_key="draft:2:root")
            outbox.enqueue_reply_after(s, "draft:2:root", {"channel": CHANNEL, "text": "決裁を依頼しました"},
                                       now=now, message_key="thread:2:requested")
        gateway.deliver_due()
        (root,) = [m for m in slack.messages(CHANNEL) if not m.thread_ts or m.thread_ts == m.ts]
        assert [m.text for m in slack.messages(CHANNEL) if m.thread_ts == root.ts and m.ts != root.ts] == [
            "決裁を依頼しました"]


def test_a_pass_whose_scan_window_was_full_looks_past_it(db: Database, monkeypatch: pytest.MonkeyPatch,
        stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # The scan reads SCAN_LIMIT waiting rows: a due row past a window of rows not due yet comes
    # in once the due ones in the window went, in the same call.
    monkeypatch.setattr(outbox, "SCAN_LIMIT", 2)
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client))
        now = datetime.now(UTC)
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": CHANNEL, "text": "一件目"}, now=now)
            # (Held for later as kessai holds a post: one written a day ahead was a clock step, due now.)
            outbox.hold_posts_until(s, now + timedelta(days=1))
            outbox.enqueue(s, "post", {"channel": CHANNEL, "text": "明日の分"}, now=now)
            outbox.hold_posts_until(s, None)
            outbox.enqueue(s, "post", {"channel": CHANNEL, "text": "三件目"}, now=now)
        assert gateway.deliver_due() == 2
        assert sorted(m.text for m in slack.messages(CHANNEL)) == sorted(["一件目", "三件目"])


def test_a_pass_looks_again_when_a_row_it_chose_was_held_at_its_claim(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # Another delivery holds a row this pass chose while the pass claims (it claimed the row and is
    # giving it back, untried, as _jobs does for a reply behind one it did not get): the pass does
    # not end after sending the rest, it looks again and sends that row in the same call.
    if db.engine.dialect.name == "sqlite":
        pytest.skip("SQLite writes one transaction at a time: nothing holds a row during the claim")
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client))
        with db.session() as s:
            for text in ("一件目", "二件目"):
                outbox.enqueue(s, "post", {"channel": CHANNEL, "text": text}, now=datetime.now(UTC))
        with db.session() as s:
            second_id = outbox.rows(s)[1].id or 0
        other = db.engine.connect()
        other_session = Session(bind=other)
        steps: list[str] = []
        held: dict[int, datetime] = {}

        def other_delivery(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
            if conn.connection.dbapi_connection is other.connection.dbapi_connection:
                return
            if not steps and statement.startswith("SELECT outbox.id, outbox.op"):  # the chosen rows, read
                steps.append("claimed")
                held.update(outbox.claim_many(other_session, [second_id], LEASE))
            elif steps == ["claimed"] and statement.startswith("UPDATE outbox SET claimed_until"):
                steps.append("given back")
                outbox.release_claim(other_session, second_id, held[second_id], None)
                other_session.commit()

        event.listen(db.engine, "after_cursor_execute", other_delivery)
        try:
            assert gateway.deliver_due() == 2
        finally:
            event.remove(db.engine, "after_cursor_execute", other_delivery)
            other_session.close()
            other.close()
        assert steps == ["claimed", "given back"]
        assert sorted(m.text for m in slack.messages(CHANNEL)) == sorted(["一件目", "二件目"])


class SlowClock:
    """The delivery's own clock, two seconds later at each reading: Slack answering slowly, as far
    as the claims' time left is concerned (their monotonic bound is not hurried, only tightened)."""

    def __init__(self) -> None:
        self.t = datetime.now(UTC)

    def __call__(self) -> datetime:
        self.t += timedelta(seconds=2)
        return self.t


def test_a_turn_stops_before_its_sent_replies_claims_could_lapse_unrecorded(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """Replies sent in turn are recorded when the turn ends. With Slack slow, the first reply's claim
    ran out while the next ones were still being sent: another delivery could take the sent reply
    (a look-up, or a second post if it missed it). The turn stops while the sent ones are still
    held through a call; the rest go in the next pass, still in order."""
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client, clock=SlowClock()))
        parent = client.chat_postMessage(channel=CHANNEL, text="下書き")["ts"]
        texts = ["チェック結果: 問題なし", "決裁を依頼しました", "状況: 決裁待ち"]
        reply(db, parent, texts, "a")
        gateway.deliver_due()
        got = [m.text for m in slack.messages(CHANNEL) if m.thread_ts == parent and m.ts != parent]
        assert got == texts
        assert not slack.calls_of("conversations.history")  # no sent reply was taken for lost
        with db.session() as s:
            assert {r.status for r in outbox.rows(s)} == {outbox.SENT}
            assert {r.attempts for r in outbox.rows(s)} == {1}
            # Recorded in more than one pass: one could not hold the first reply long enough.
            assert len({r.sent_at for r in outbox.rows(s)}) >= 2


def test_a_reply_written_later_to_a_report_given_up_on_follows_each_dm_copy(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    """The escalation channel refused the monthly report for good (archived) and each member got a
    copy by DM; a correction written days later was failed at once, reaching nobody, with no log."""
    now = datetime.now(UTC)
    with db.session() as s:
        outbox.enqueue(s, "post", {"channel": "C0ESCALATE", "text": "報告"}, now=now, message_key="monthly.report:2026-11")
        outbox.enqueue(s, "post", {"channel": "U0A", "text": "報告"}, now=now,
                       message_key=outbox.copy_key("monthly.report:2026-11", "U0A"))
        outbox.enqueue(s, "post", {"channel": "U0B", "text": "報告"}, now=now,
                       message_key=outbox.copy_key("monthly.report:2026-11", "U0B"))
        outbox.flush_pending(s)
        [report] = [r for r in outbox.rows(s) if r.message_key == "monthly.report:2026-11"]
        assert report.id is not None
        outbox.mark_failed(s, report.id, "is_archived")
        outbox.remember_messages(s, [(outbox.copy_key("monthly.report:2026-11", "U0A"), "D0A", "1.000100")])
    with db.session() as s:
        outbox.enqueue_reply_after(s, "monthly.report:2026-11", {"channel": "C0ESCALATE", "text": "訂正",
                                                                 "thread_ts": "9.9"}, now=now, message_key="fix:1")
    with db.session() as s:
        replies = {r.message_key: r for r in outbox.rows(s, ALL) if r.payload.get("text") == "訂正"}
    assert set(replies) == {"fix:1:dm:U0A", "fix:1:dm:U0B"}
    sent, held = replies["fix:1:dm:U0A"], replies["fix:1:dm:U0B"]
    assert sent.status == outbox.PENDING and sent.payload["channel"] == "D0A" and sent.payload["thread_ts"] == "1.000100"
    assert held.status == outbox.HELD and held.payload[outbox.AFTER] == "monthly.report:2026-11:dm:U0B"
    assert "channel" not in held.payload  # given the copy's conversation once it is posted
    assert all(r.payload.get(outbox.FAILURE_REPORT) for r in replies.values())
    assert not [r for r in caplog.records if r.levelname == "WARNING"]


def test_a_reply_written_later_to_a_post_given_up_on_with_no_copy_is_failed_and_logged(
        db: Database, caplog: pytest.LogCaptureFixture) -> None:
    now = datetime.now(UTC)
    with db.session() as s:
        outbox.enqueue(s, "post", {"channel": "C0ESCALATE", "text": "報告"}, now=now, message_key="monthly.report:2026-11")
        # A copy refused in its turn (退職した職員): the reply to it cannot go either.
        outbox.enqueue(s, "post", {"channel": "U0GONE", "text": "報告"}, now=now,
                       message_key=outbox.copy_key("monthly.report:2026-11", "U0GONE"), status=outbox.FAILED)
        outbox.flush_pending(s)
        [report] = [r for r in outbox.rows(s) if r.message_key == "monthly.report:2026-11"]
        assert report.id is not None
        outbox.mark_failed(s, report.id, "is_archived")
        outbox.enqueue(s, "post", {"channel": "C0ESCALATE", "text": "一覧"}, now=now, message_key="list:1",
                       status=outbox.FAILED)
    with caplog.at_level("WARNING", logger="storage.outbox"), db.session() as s:
        outbox.enqueue_reply_after(s, "monthly.report:2026-11", {"channel": "C0ESCALATE", "text": "訂正"}, now=now)
        outbox.enqueue_reply_after(s, "list:1", {"channel": "C0ESCALATE", "text": "続き"}, now=now, message_key="list:2")
    with db.session() as s:
        got = {r.payload["text"]: r for r in outbox.rows(s, ALL) if r.payload.get("text") in ("訂正", "続き")}
    assert {t: (r.status, r.last_error) for t, r in got.items()} == {
        "訂正": (outbox.FAILED, "the thread's parent was given up on"),
        "続き": (outbox.FAILED, "the thread's parent was given up on")}
    assert got["訂正"].payload[outbox.AFTER] == "monthly.report:2026-11:dm:U0GONE"
    warned = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(warned) == 2
    assert "monthly.report:2026-11:dm:U0GONE" in warned[0] and "was not delivered" in warned[0]
    assert "list:2" in warned[1] and "list:1" in warned[1] and "C0ESCALATE" in warned[1]


def test_a_pass_after_stop_sends_side_by_side_and_the_next_stop_ends_its_threads(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # serve's order at a signal: the worker stopped (its sending threads with it), then one last
    # pass for what was committed before the signal, then Runtime.stop(). That pass needs the
    # sending threads again (two threads' replies go side by side): it must send, not fail with
    # "cannot schedule new futures after shutdown", and the stop after it must end those threads.
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client))
        before = set(threading.enumerate())
        try:
            for round_ in ("１", "２"):  # before the stop (as the worker's passes), then after it
                first = client.chat_postMessage(channel=CHANNEL, text=f"下書き{round_}a")["ts"]
                second = client.chat_postMessage(channel=CHANNEL, text=f"下書き{round_}b")["ts"]
                reply(db, first, ["チェック結果: 問題なし"], f"{round_}a")
                reply(db, second, ["チェック結果: 問題なし"], f"{round_}b")
                assert gateway.deliver_due() == 2
                assert any(t.name.startswith("kessai-send") for t in threading.enumerate() if t not in before)
                if round_ == "１":
                    gateway.stop()
        finally:
            gateway.stop()
    assert [t.name for t in threading.enumerate() if t not in before and t.name.startswith("kessai-send")] == []
