"""A thread's replies go out in one delivery pass, one after another in the order written.

A clean draft's two thread replies cost a pass each (the scan, the claim, the recording): about
4 ms of the worker's CPU per reply, competing with the next request on a small server. Sent in
turn within one pass, a reply still goes only after the one before it went, and one after a
reply that failed is not tried: its claim is given back without counting an attempt.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, event, update

from bot.sandbox.server import LocalSlack
from bot.slack_gateway import LEASE, METADATA_EVENT, SlackGateway
from bot.slack_http import KeepAliveWebClient
from storage import outbox
from storage.db import Database
from storage.models import OutboxRow
from tests.conftest import database_url, lapse_outbox_claims

CHANNEL = "C0INTAKE"


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    d = Database(database_url(request.param, tmp_path))
    d.upgrade()
    yield d
    d.dispose()


def reply(db: Database, parent_ts: str, texts: list[str], thread: str) -> None:
    with db.session() as s:
        for i, text in enumerate(texts):
            outbox.enqueue(s, "post", {"channel": CHANNEL, "thread_ts": parent_ts, "text": text},
                           now=datetime.now(UTC), message_key=f"{thread}:{i}", thread_key=f"{CHANNEL}:{parent_ts}")


def claims_during(db: Database, gateway: SlackGateway) -> int:
    """How many times a delivery claimed rows while ``gateway`` delivered what is due."""
    seen: list[str] = []
    me = threading.get_ident()

    def note(conn: Any, cursor: Any, statement: str, *args: Any) -> None:
        if threading.get_ident() == me and statement.startswith("UPDATE outbox SET claimed_until"):
            seen.append(statement)

    event.listen(Engine, "before_cursor_execute", note)
    try:
        gateway.deliver_due()
    finally:
        event.remove(Engine, "before_cursor_execute", note)
    return len(seen)


def test_a_threads_replies_go_in_one_pass_in_the_order_written(db: Database) -> None:
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = SlackGateway(db, client)
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


def test_a_reply_after_one_that_failed_waits_without_an_attempt(db: Database) -> None:
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = SlackGateway(db, client)
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


def test_a_reply_waits_when_another_delivery_took_the_one_before_it(db: Database) -> None:
    # Between this pass's scan and its claim, another replica claims the thread's first reply:
    # the second, claimed here, must not go before it; it is given back at once.
    if db.engine.dialect.name == "sqlite":
        pytest.skip("SQLite writes one transaction at a time: nothing claims between the scan and the claim")
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = SlackGateway(db, client)
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


def test_a_reply_not_tried_keeps_the_mark_of_a_delivery_that_died_sending_it(db: Database) -> None:
    # A delivery claimed the second reply, posted it and died before recording it; its claim
    # lapsed. Given back untried behind a first reply that failed, the second must still be
    # looked for in Slack before it is sent again, not posted a second time.
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = SlackGateway(db, client)
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
