"""The database goes away for a while: requests fail politely, nothing is half-written, work resumes."""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url
from sqlmodel import select

from bot import render
from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import LocalStack, start_local_stack
from storage.models import DraftRow, DraftVersionRow, LedgerEntryRow
from tests.conftest import database_url
from tests.e2e.conftest import (
    APPROVERS,
    BUSINESS_MORNING,
    CLEAN_DRAFT,
    all_text,
    buttons,
    dm,
    settle,
    wait_dm,
    wait_ephemeral,
)
from tests.e2e.test_workflow_drafting import root_message, submit_draft, wait_root_thread
from tests.production.tcpproxy import TcpProxy


@pytest.fixture
def outage(tmp_path: Path, org: OrgConfig) -> Iterator[tuple[LocalStack, TcpProxy]]:
    url = make_url(database_url("postgres", tmp_path))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    st = start_local_stack(org, proxied, clock=shifted_clock(BUSINESS_MORNING))
    yield st, proxy
    proxy.up()
    st.stop()
    proxy.close()


def count(st: LocalStack, model: type) -> int:
    with st.rt.db.session() as s:
        return len(s.exec(select(model)).all())


def test_event_during_outage_fails_and_its_retry_is_processed_once(outage: tuple[LocalStack, TcpProxy]) -> None:
    st, proxy = outage
    proxy.down()
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, event_id="Ev0DOWN1")
    # Not acknowledged: Slack will retry it, so nothing is lost.
    assert st.driver.last_reply is not None and st.driver.last_reply.status >= 500
    proxy.up()
    st.driver.retry_last_event(retry_num=1)
    assert st.driver.last_reply is not None and st.driver.last_reply.status == 200
    st.driver.retry_last_event(retry_num=2)
    for a in APPROVERS:
        wait_dm(st, a)
    settle(st)
    assert count(st, DraftRow) == 1
    assert all(len(dm(st, a)) == 1 for a in APPROVERS)


def test_a_message_slack_stops_retrying_during_an_outage_is_told_to_its_author(
        outage: tuple[LocalStack, TcpProxy], caplog: pytest.LogCaptureFixture) -> None:
    st, proxy = outage
    first = CLEAN_DRAFT.splitlines()[0]
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, event_id="Ev0LAST1")
    proxy.down()
    caplog.set_level(logging.ERROR)
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", "【訂正】" + CLEAN_DRAFT)
    edit = st.driver.last_event
    # A reply in a draft's thread (here the draft written again, which the database is asked
    # about) is not a draft: it is not told as one.
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, thread_ts=ts, event_id="Ev0LAST2")
    reply_event = st.driver.last_event
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, event_id="Ev0LAST3")
    envelope = st.driver.last_event
    assert envelope is not None and edit is not None and reply_event is not None
    # Slack retries an event three times; while a retry may still go through, nothing is said.
    for n in (1, 2):
        assert st.driver.redeliver(envelope, retry_num=n).status >= 500
    assert st.slack.ephemerals("U0OPERATOR") == []
    for event in (envelope, reply_event, edit):
        assert st.driver.redeliver(event, retry_num=3).status >= 500
    told = [e.text for e in st.slack.ephemerals("U0OPERATOR")]
    assert len(told) == 2  # the new message and the edit
    assert "下書きとして受け付けられませんでした" in told[0] and "もう一度投稿してください" in told[0]
    assert f"> {first[:40]}" in told[0]
    assert "編集を記録できませんでした" in told[1] and "【訂正】" in told[1]
    lost = [r.getMessage() for r in caplog.records if "was not received" in r.getMessage()]
    assert len(lost) == 2 and all("C0INTAKE" in m for m in lost)
    proxy.up()


def test_click_during_outage_is_answered_and_changes_nothing(outage: tuple[LocalStack, TcpProxy]) -> None:
    st, proxy = outage
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    settle(st)
    proxy.down()
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    text = wait_ephemeral(st, "U0MANAGER", "データベース")
    assert "何も変更されていません" in text
    proxy.up()
    assert count(st, LedgerEntryRow) == 0
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: "承認しました" in all_text(dm(st, "U0MANAGER")[0]), timeout=30)
    assert count(st, LedgerEntryRow) == 1


def test_a_database_host_gone_silent_fails_requests_in_seconds_not_minutes(tmp_path: Path) -> None:
    """No refusal, no reset: nothing answers. libpq's defaults wait about 2 minutes for a new
    connection (and about 15 for an open one on a real network); every request thread, the
    outbox worker and the scheduler hung that long."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from storage.db import Database

    url = make_url(database_url("postgres", tmp_path))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxied = url.set(host="127.0.0.1", port=proxy.port).update_query_dict({"connect_timeout": "2"})
    db = Database(proxied.render_as_string(hide_password=False))
    try:
        with db.session() as s:
            assert s.connection().execute(text("SELECT 1")).scalar() == 1
        db.engine.dispose()  # the next request needs a new connection, as after a failover
        proxy.silent()
        # The attempt is ended by connect_timeout (libpq says so), not by the proxy or a reset;
        # a connection left waiting for the network's own timeout is stopped by pytest-timeout.
        with pytest.raises(OperationalError, match="timeout expired"), db.session() as s:
            s.connection().execute(text("SELECT 1"))
        proxy.up()
        with db.session() as s:  # and work resumes by itself
            assert s.connection().execute(text("SELECT 1")).scalar() == 1
    finally:
        db.dispose()
        proxy.close()


def test_connection_safeguards_are_set_and_database_url_parameters_win() -> None:
    from storage.db import PG_CONNECTION_DEFAULTS, make_engine

    engine = make_engine("postgresql://kessai@db.example/kessai?connect_timeout=3")
    try:
        query = engine.url.query
        assert query["connect_timeout"] == "3"  # the IT 担当's own setting is kept
        assert {k: query[k] for k in PG_CONNECTION_DEFAULTS if k != "connect_timeout"} == {
            k: v for k, v in PG_CONNECTION_DEFAULTS.items() if k != "connect_timeout"}
    finally:
        engine.dispose()


def test_an_outage_is_logged_as_one_story_not_a_traceback_a_second(
        outage: tuple[LocalStack, TcpProxy], caplog: pytest.LogCaptureFixture) -> None:
    import logging
    import time

    st, proxy = outage

    def first_failure_logged() -> bool:
        return any(r.name == "bot.slack_gateway" and "outbox delivery pass failed" in r.getMessage()
                   for r in caplog.records)

    with caplog.at_level(logging.INFO, logger="bot.slack_gateway"):
        proxy.down()
        # The outbox worker looks every second; woken, it fails at once, as it would a few seconds on.
        tried = proxy.accepted
        deadline = time.monotonic() + 30  # it must come: bounded only
        while not (first_failure_logged() and proxy.accepted - tried >= 4):
            assert time.monotonic() < deadline, (proxy.accepted - tried, caplog.records)
            st.rt.gateway.kick()
            time.sleep(0.02)
        proxy.up()
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        for a in APPROVERS:
            wait_dm(st, a)
        settle(st)
    said = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "bot.slack_gateway"]
    failed = [m for lvl, m in said if lvl == "ERROR" and "outbox delivery pass failed" in m]
    assert len(failed) == 1, said  # the first failure, with its traceback
    (again,) = [m for lvl, m in said if lvl == "INFO" and "outbox delivery pass works again after" in m]
    assert int(again.split(" after ")[1].split()[0]) >= 2, again  # several passes failed, one was logged


def test_failure_streak_reminds_once_a_minute(caplog: pytest.LogCaptureFixture) -> None:
    import logging

    from bot.logs import FailureStreak

    now = [0.0]
    streak = FailureStreak("sweep", logging.getLogger("kessai.test.streak"), clock=lambda: now[0])
    with caplog.at_level(logging.INFO, logger="kessai.test.streak"):
        for _ in range(150):  # two and a half minutes of failing once a second
            try:
                raise ConnectionError("database unreachable")
            except ConnectionError:
                streak.failed()
            now[0] += 1.0
        streak.succeeded()
        streak.succeeded()  # nothing more to say
    said = [(r.levelname, r.getMessage(), r.exc_info is not None) for r in caplog.records]
    assert said == [("ERROR", "sweep failed; will retry", True),
                    ("WARNING", "sweep still failing (61 attempts so far); will retry", False),
                    ("WARNING", "sweep still failing (121 attempts so far); will retry", False),
                    ("INFO", "sweep works again after 150 failed attempt(s)", False)]


@pytest.mark.parametrize(("server_says", "cause"), [
    # ALTER DATABASE … CONNECTION LIMIT n (or ALTER ROLE …) reached by other clients.
    ('FATAL:  too many connections for database "kessai"', "too many connections"),
    ('FATAL:  too many connections for role "kessai"', "too many connections"),
    ("FATAL:  remaining connection slots are reserved for roles with the SUPERUSER attribute",
     "too many connections"),
    ("FATAL:  sorry, too many clients already", "too many connections"),
])
def test_a_connection_limit_reached_is_named_without_the_database_or_role(server_says: str, cause: str) -> None:
    """psycopg gives a refused connection no SQLSTATE: /healthz said only "OperationalError" when a
    database's or role's CONNECTION LIMIT was reached (the docs promise "too many connections")."""
    import psycopg
    from sqlalchemy.exc import OperationalError

    from storage.db import unreachable_cause

    refused = psycopg.OperationalError(
        f'connection failed: connection to server at "10.0.0.5", port 5432 failed: {server_says}')
    said = unreachable_cause(OperationalError("SELECT 1", {}, refused))
    assert said == cause and "kessai" not in said


def test_a_statement_timeout_is_named_as_such(tmp_path: Path) -> None:
    """statement_timeout set on kessai's role or database by a DBA: the server cancels a statement
    and /healthz said only "QueryCanceled", which reads like someone cancelling by hand."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    from storage.db import Database, unreachable_cause

    db = Database(database_url("postgres", tmp_path))
    try:
        with pytest.raises(OperationalError) as raised, db.session() as s:
            c = s.connection()
            c.execute(text("SET LOCAL statement_timeout = '10ms'"))
            c.execute(text("SELECT pg_sleep(1)"))
        assert unreachable_cause(raised.value) == "statement timeout (statement_timeout)"
    finally:
        db.dispose()


# PostgreSQL's own Japanese (postgres-15.mo), as a server with lc_messages = 'ja_JP.UTF-8' (often
# set on a Japanese municipality's server) sends them: /healthz named none of these and said only
# 「QueryCanceled」 or 「OperationalError」.
@pytest.mark.parametrize(("error", "cause"), [
    ("QueryCanceled:ステートメントのタイムアウトのためステートメントをキャンセルしています", "statement timeout (statement_timeout)"),
    ("LockNotAvailable:ロックのタイムアウトのためステートメントをキャンセルしています", "lock timeout (lock_timeout)"),
    ('OperationalError:connection failed: FATAL:  ユーザー"kessai"のパスワード認証に失敗しました', "password authentication failed"),
    ('OperationalError:connection failed: FATAL:  データベース"kessai"は存在しません', "database does not exist"),
    ('OperationalError:connection failed: FATAL:  ロール"kessai"は存在しません', "role does not exist"),
    ("OperationalError:connection failed: FATAL:  現在クライアント数が多すぎます", "too many connections"),
    ('OperationalError:connection failed: FATAL:  ロール"kessai"からの接続が多すぎます', "too many connections"),
    ("OperationalError:connection failed: FATAL:  データベースシステムはシャットダウンしています",
     "database server is starting up or shutting down"),
    ("OperationalError:FATAL:  管理者コマンドにより接続を終了しています", "connection closed by the server"),
    ("OperationalError:FATAL:  即時シャットダウンコマンドによりコネクションを終了します", "connection closed by the server"),
    ("OperationalError:FATAL:  予期しないpostmasterの終了のため、コネクションを終了します", "connection closed by the server"),
    ('OperationalError:connection failed: FATAL:  pg_hba.conf にホスト"10.0.0.5"、ユーザー"kessai"、データベース"kessai, '
     "SSL無効用のエントリがありません", "connection not allowed by pg_hba.conf"),
])
def test_a_server_answering_in_japanese_is_named_as_in_english(error: str, cause: str) -> None:
    import psycopg

    from storage.db import unreachable_cause

    kind, message = error.split(":", 1)
    raised = getattr(psycopg.errors, kind, None) or getattr(psycopg, kind)
    assert unreachable_cause(raised(message)) == cause


def test_a_deleted_wal_file_is_noticed_and_what_it_held_is_rescued(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """kessai.db-wal deleted under a running kessai (taken for a temporary file): /healthz said "ok"
    while every commit went to the unlinked file the connections still held, and a kill or power cut
    then lost them all: a database kessai had created restarted with no tables at all."""
    import os
    import sqlite3

    from sqlalchemy import text

    from storage.db import Database

    path = tmp_path / "kessai.db"
    db = Database(f"sqlite:///{path}")
    try:
        with db.session() as s:
            s.execute(text("CREATE TABLE decisions (x TEXT)"))
            s.execute(text("INSERT INTO decisions VALUES ('承認')"))
        other = sqlite3.connect(path)  # a checkpoint rewinds the -wal in place: nothing is wrong
        assert other.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0] == 0
        other.close()
        assert db.file_problem() is None
        os.unlink(f"{path}-wal")
        with db.session() as s:
            s.execute(text("INSERT INTO decisions VALUES ('差戻し')"))
        with caplog.at_level(logging.ERROR, logger="storage.db"):
            assert db.file_problem() == "database -wal file deleted"
            assert db.file_problem() == "database -wal file deleted"  # copied once
        (message,) = [r.getMessage() for r in caplog.records if "put that copy" in r.getMessage()]
        assert "write-ahead log" in message
        # Killed now, as the ERROR says to stop it: what the message tells the IT 担当 to do.
        rescued = next(tmp_path.glob("kessai.db.rescued-*"))
        for leftover in (f"{path}-wal", f"{path}-shm"):
            assert leftover in message
            Path(leftover).unlink(missing_ok=True)
        os.replace(rescued, path)
        restored = sqlite3.connect(path)
        try:
            assert restored.execute("PRAGMA integrity_check").fetchone() == ("ok",)
            assert restored.execute("SELECT x FROM decisions ORDER BY rowid").fetchall() == [("承認",), ("差戻し",)]
        finally:
            restored.close()
    finally:
        db.dispose()


def test_a_decision_whose_commit_answer_is_lost_is_recorded_once_and_not_said_to_be_undone(
        outage: tuple[LocalStack, TcpProxy]) -> None:
    """A failover (or any cut) at the moment of COMMIT: the server committed the approval, the
    connection dropped before it said so. 「何も変更されていません」 was then false, and the
    manager who believed it and pressed again must not make a second ledger entry."""
    st, proxy = outage
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    settle(st)
    entries = count(st, LedgerEntryRow)
    proxy.lose_commit_answer(b"INSERT INTO ledger_entries")
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    assert proxy.commit_answer_lost.wait(15)
    text = wait_ephemeral(st, "U0MANAGER", "データベース")
    assert "何も変更されていません" not in text and "記録されたかどうか" in text
    assert count(st, LedgerEntryRow) == entries + 1  # the server did commit it
    # Pressed again, as the message asks: the pool has let go of the dead connection, and the
    # draft is found decided.
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: "承認しました" in all_text(dm(st, "U0MANAGER")[0]), timeout=30)
    settle(st)
    assert count(st, LedgerEntryRow) == entries + 1


@pytest.fixture
def ha_pair(tmp_path: Path, org: OrgConfig) -> Iterator[tuple[LocalStack, TcpProxy, TcpProxy]]:
    """kessai on a primary and a standby written as libpq documents them, one URL with both hosts
    (two proxies in front of the same server stand for the two)."""
    from bot.config import load_settings

    url = make_url(database_url("postgres", tmp_path))
    first, second = (TcpProxy(url.host or "127.0.0.1", url.port or 5432) for _ in range(2))
    written = (f"postgres://{url.username}@127.0.0.1:{first.port},127.0.0.1:{second.port}/{url.database}"
               "?target_session_attrs=read-write&connect_timeout=3")
    st = start_local_stack(org, load_settings({"DATABASE_URL": written}, dotenv=None).database_url,
                           clock=shifted_clock(BUSINESS_MORNING))
    yield st, first, second
    st.stop()
    first.close()
    second.close()


def test_a_primary_lost_mid_flight_is_replaced_by_the_next_host_of_the_url(
        ha_pair: tuple[LocalStack, TcpProxy, TcpProxy]) -> None:
    """db1:5432,db2:5432 was refused with 「DATABASE_URL を読み取れません」. Given to libpq as
    written, the first host serves until it goes, and the next request (its pooled connections
    discarded, not handed out dead) and /healthz go on with the second."""
    from tests.production.test_operations import healthz

    st, first, second = ha_pair
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    settle(st)
    assert first.accepted and not second.accepted  # libpq tries the hosts in the order written
    entries = count(st, LedgerEntryRow)
    first.down()  # the primary is gone, with every connection open to it
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: "承認しました" in all_text(dm(st, "U0MANAGER")[0]), timeout=30)
    assert second.accepted
    assert count(st, LedgerEntryRow) == entries + 1
    status, body = healthz(st)
    assert status == 200 and body["database"] == "ok" and body["database_writes"] == "ok"


def test_a_draft_whose_commit_answer_is_lost_is_made_once_when_slack_retries_the_event(
        outage: tuple[LocalStack, TcpProxy]) -> None:
    """The intake's INSERT of the draft (with its approval requests in the outbox) committed and
    the answer was lost: the event fails, Slack retries it, and the retry must find the draft
    made, not make a second one and ask each approver twice."""
    st, proxy = outage
    proxy.lose_commit_answer(b"INSERT INTO drafts")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, event_id="Ev0LOSTCOMMIT")
    assert proxy.commit_answer_lost.wait(15)
    assert st.driver.last_reply is not None and st.driver.last_reply.status >= 500
    assert count(st, DraftRow) == 1  # the server did commit it
    for n in (1, 2, 3):
        st.driver.retry_last_event(retry_num=n)
        assert st.driver.last_reply is not None and st.driver.last_reply.status == 200
    # The requests were written claimed for the request's own express delivery, which cannot send
    # what it does not know to be committed: given back, they go at once, not a lease (15 s) later.
    for a in APPROVERS:
        wait_dm(st, a)
    settle(st)
    assert count(st, DraftRow) == 1
    assert {a: len(dm(st, a)) for a in APPROVERS} == dict.fromkeys(APPROVERS, 1)
    assert st.slack.ephemerals("U0OPERATOR") == []  # not told its draft was lost


def test_a_delivery_whose_sent_mark_loses_its_commit_answer_is_not_sent_again(
        outage: tuple[LocalStack, TcpProxy], caplog: pytest.LogCaptureFixture) -> None:
    """The outbox sent the approval requests and recorded them; the connection dropped before the
    recording's COMMIT was answered. Slack has no idempotency key for chat.postMessage: a row
    taken for unsent would ask the approver twice."""
    from storage import outbox

    st, proxy = outage
    proxy.lose_commit_answer(b"located_messages")  # outbox.record_sent's statement
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    assert proxy.commit_answer_lost.wait(15)
    for a in APPROVERS:
        wait_dm(st, a)
    settle(st)
    assert {a: len(dm(st, a)) for a in APPROVERS} == dict.fromkeys(APPROVERS, 1)
    with st.rt.db.session() as s:
        assert {r.status for r in outbox.rows(s)} == {outbox.SENT}
    # Not a traceback saying "will retry" (nothing is retried: the recording was committed).
    told = [r for r in caplog.records if "express delivery" in r.getMessage()]
    assert len(told) == 1 and told[0].levelno == logging.WARNING and not told[0].exc_info
    assert "lost at the COMMIT" in told[0].getMessage()


def test_a_form_whose_commit_answer_is_lost_says_so_in_the_form_and_sent_again_records_once(
        outage: tuple[LocalStack, TcpProxy]) -> None:
    """差戻し's reason form and the incident report: the COMMIT reached the server and its answer
    did not come back. A form has no response_url: nothing was said, and Slack showed its own
    「接続に問題が発生しました」 over a form still full of what was typed. Said in the form now (it
    stays open, nothing typed is lost), and 送信 again is recognised as the same form."""
    from bot import incidents as inc
    from storage.models import IncidentRow

    st, proxy = outage
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    settle(st)
    st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for_call("views.open", timeout=30)
    proxy.down()  # no connection at all: nothing recorded, and said so in the form
    reply = st.driver.view_submission("U0MANAGER", "reject_reason", {"reason_text": "日付を確認してください。"})
    assert reply.status == 200 and "何も変更されていません" in str(reply.json()["errors"])
    proxy.up()
    assert count(st, LedgerEntryRow) == 0
    proxy.lose_commit_answer(b"INSERT INTO ledger_entries")
    reply = st.driver.view_submission("U0MANAGER", "reject_reason", {"reason_text": "日付を確認してください。"})
    assert proxy.commit_answer_lost.wait(15)
    assert reply.status == 200 and reply.json()["response_action"] == "errors"
    [said] = reply.json()["errors"].values()
    assert "記録されたかどうか" in said and "もう一度「送信」" in said and "何も変更されていません" not in said
    assert count(st, LedgerEntryRow) == 1  # the server did commit it
    reply = st.driver.view_submission("U0MANAGER", "reject_reason", {"reason_text": "日付を確認してください。"})
    assert reply.status == 200 and not reply.body.strip()  # the same form: closed, not refused
    settle(st)
    assert count(st, LedgerEntryRow) == 1

    st.driver.slash_command("U0OPERATOR", "/kessai", "incident joetsu-x")
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", inc.REPORT_CALLBACK), timeout=30)
    proxy.lose_commit_answer(b"INSERT INTO incidents")
    report = {inc.KIND_ACTION: "flaming", inc.DESCRIPTION_ACTION: "批判のリプライが増えています"}
    reply = st.driver.view_submission("U0OPERATOR", inc.REPORT_CALLBACK, report)
    assert proxy.commit_answer_lost.wait(15)
    assert reply.status == 200 and "記録されたかどうか" in str(reply.json()["errors"])
    reply = st.driver.view_submission("U0OPERATOR", inc.REPORT_CALLBACK, report)
    assert reply.status == 200 and not reply.body.strip()
    settle(st)
    assert count(st, IncidentRow) == 1

    # 「修正する」's form: sent again, the draft is a version on and the form was refused as
    # 「この表示は古い版のものです」, of the revision its first press had saved.
    phone = "災害ボランティアの受付は、現地責任者の携帯 090-1234-5678 までお電話ください。"
    submit_draft(st, text=phone)
    root = root_message(st, "090-1234-5678")
    check = next(m for m in wait_root_thread(st, root, "pii.phone") if render.REVISE_ACTION in buttons(m))
    st.driver.block_action("U0OPERATOR", render.REVISE_ACTION, channel="C0INTAKE", message_ts=check.ts)
    form = st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", render.REVISE_CALLBACK), timeout=30)
    # A second form of the same version, opened too: no resend of the first.
    st.driver.block_action("U0OPERATOR", render.REVISE_ACTION, channel="C0INTAKE", message_ts=check.ts)
    other = st.slack.wait_for(lambda: (v := st.slack.latest_view("U0OPERATOR", render.REVISE_CALLBACK))
                              and v.id != form.id and v, timeout=30, message="a second revision form")
    settle(st)
    versions = count(st, DraftVersionRow)
    fixed = {render.F_TEXT: phone.replace("現地責任者の携帯 090-1234-5678", "広報対話課 025-526-5111")}
    proxy.lose_commit_answer(b"INSERT INTO draft_versions")
    reply = st.driver.view_submission("U0OPERATOR", render.REVISE_CALLBACK, fixed, view_id=form.id)
    assert proxy.commit_answer_lost.wait(15)
    assert reply.status == 200 and "記録されたかどうか" in str(reply.json()["errors"])
    assert count(st, DraftVersionRow) == versions + 1  # the server did commit it
    reply = st.driver.view_submission("U0OPERATOR", render.REVISE_CALLBACK, fixed, view_id=form.id)
    assert reply.status == 200 and reply.json()["response_action"] == "update", reply.body
    notice = reply.json()["view"]
    said = json.dumps(notice, ensure_ascii=False)
    assert "submit" not in notice and "古い版" not in said and "この修正はすでに第2版として記録されています" in said
    settle(st)
    assert count(st, DraftVersionRow) == versions + 1
    reply = st.driver.view_submission("U0OPERATOR", render.REVISE_CALLBACK, fixed, view_id=other.id)
    assert "古い版" in str(reply.json()["errors"])


def test_a_form_without_inputs_is_told_what_became_of_it_in_words_that_fit_its_notice(
        outage: tuple[LocalStack, TcpProxy]) -> None:
    """A form with no input block has nowhere to show an error, so a notice replaces it. That notice
    was titled 「記録できませんでした」 even when its text said it may have been recorded, and asked to
    press 「送信」, which a notice has not. (No form of kessai's lacks inputs; a submission whose view
    carries none — here the 差戻し form's, its blocks left out — reaches this answer.)"""
    st, proxy = outage
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    settle(st)
    st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    form = st.slack.wait_for(lambda: st.slack.latest_view("U0MANAGER", render.REJECT_CALLBACK), timeout=30)
    [block] = [b["block_id"] for b in form.view["blocks"] if b.get("type") == "input"
               and b["element"].get("action_id") == render.REJECT_REASON_ACTION]

    def submit() -> dict[str, str]:
        reply = st.driver.view_submission(
            "U0MANAGER", render.REJECT_CALLBACK, {block: {render.REJECT_REASON_ACTION: "日付を確認してください。"}},
            private_metadata=form.view["private_metadata"], view_id="V0NOINPUTS")
        assert reply.status == 200 and reply.json()["response_action"] == "update", reply.body
        notice = reply.json()["view"]
        assert "submit" not in notice
        return {"title": notice["title"]["text"], "text": json.dumps(notice["blocks"], ensure_ascii=False)}

    proxy.down()
    said = submit()
    assert said["title"] == "記録できませんでした" and "何も変更されていません" in said["text"], said
    assert "送信" not in said["text"], said
    proxy.up()
    proxy.lose_commit_answer(b"INSERT INTO ledger_entries")
    said = submit()
    assert proxy.commit_answer_lost.wait(15)
    assert said["title"] == "記録を確認できませんでした" and "記録されたかどうか" in said["text"], said
    assert "送信" not in said["text"] and "記録されていない場合だけ" in said["text"], said
    assert count(st, LedgerEntryRow) == 1  # the server did commit it


def test_kessai_remind_whose_commit_answer_is_lost_reminds_once_and_says_what_to_do(
        tmp_path: Path, org: OrgConfig, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """cron's `kessai remind`: a COMMIT reached the server and its answer did not come back.
    Of the run's own bookkeeping, the IT 担当 was told 「接続が切れました」 as if undone; of a
    reminder (its key claimed with its DM), an ERROR with a traceback said "nothing of it was
    written", and the failure noted stayed. Run again, the reminder is not written twice."""
    from bot.cli import main
    from bot.services import IncomingMessage, Kessai
    from storage import roster
    from storage.db import Database
    from storage.models import OutboxRow, ReminderRow
    from tests.conftest import DEMO_TOML, migrated_database_url
    from tests.time.conftest import Clock, jst

    url = make_url(migrated_database_url("postgres", tmp_path))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    proxied = url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    monkeypatch.chdir(tmp_path)  # no stray .env
    for key in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_API_URL", "KESSAI_TZ"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("DATABASE_URL", proxied)
    monkeypatch.setenv("KESSAI_CONFIG", str(DEMO_TOML))
    db = Database(url.render_as_string(hide_password=False))
    try:
        with db.session() as s:
            roster.sync(s, org)
        Kessai(db, org, clock=Clock(jst(2026, 11, 24, 10, 0))).receive_message(IncomingMessage(
            channel="C0INTAKE", user="U0OPERATOR", ts="1.000001", text="紅葉ライトアップのお知らせです。", event_key="e1"))
        proxy.lose_commit_answer(b"kessai.in_use_since")  # the run's first write, before the sweep
        assert main(["remind", "--now", "2026-11-24T11:00+09:00"]) == 1
        assert proxy.commit_answer_lost.is_set()
        err = capsys.readouterr().err
        assert "Traceback" not in err and "記録されたかどうかを確認できませんでした" in err and "もう一度実行" in err

        outbox_before = count_in(db, OutboxRow)
        proxy.lose_commit_answer(b"approval.remind.to:")  # the reminder's key, claimed with its DM
        assert main(["remind", "--now", "2026-11-24T12:00+09:00"]) == 0
        assert proxy.commit_answer_lost.is_set()
        err = capsys.readouterr().err  # (the CLI logs to stderr, for cron's mail)
        assert " ERROR " not in err and "nothing of it was written" not in err and "Traceback" not in err
        assert " WARNING bot.sweep: reminder approval.remind:" in err and "lost at its COMMIT" in err
        reminders, written = count_in(db, ReminderRow), count_in(db, OutboxRow) - outbox_before
        assert written >= 1  # the server did commit it
        assert main(["remind", "--now", "2026-11-24T12:00+09:00"]) == 0
        assert (count_in(db, ReminderRow), count_in(db, OutboxRow) - outbox_before) == (reminders, written)
        with db.session() as s:  # no failure left noted for a reminder that was written
            assert not [r.key for r in s.exec(select(ReminderRow)) if r.key.startswith("sweep.failing:")]
    finally:
        db.dispose()
        proxy.close()


def count_in(db: object, model: type) -> int:
    from storage.db import Database

    assert isinstance(db, Database)
    with db.session() as s:
        return len(s.exec(select(model)).all())


def test_db_upgrade_whose_commit_answer_is_lost_is_safe_to_run_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """The migrations' COMMIT reached the server and its answer did not come back: they and the
    revision they reached are one transaction, so the run again finds them applied (or applies
    them), never half."""
    from bot.cli import main
    from storage.db import Database, current_revision, known_revisions

    url = make_url(database_url("postgres", tmp_path))
    proxy = TcpProxy(url.host or "127.0.0.1", url.port or 5432)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", url.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False))
    db = Database(url.render_as_string(hide_password=False))
    try:
        proxy.lose_commit_answer(b"CREATE TABLE")
        assert main(["db", "upgrade"]) == 1
        assert proxy.commit_answer_lost.is_set()
        err = capsys.readouterr().err
        assert "Traceback" not in err and "もう一度 `kessai db upgrade` を実行" in err and "何も変更" not in err
        # Not 「途中で接続が切れました」 alone, as if nothing had been applied: it cannot be told.
        assert "記録されたかどうかを確認できませんでした" in err and "二重に適用されることはありません" in err
        assert current_revision(db.engine) == known_revisions()[-1]  # the server did commit it all
        assert main(["db", "upgrade"]) == 0
        assert "すでに最新の構成です" in capsys.readouterr().out
    finally:
        db.dispose()
        proxy.close()
