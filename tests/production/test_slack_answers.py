"""Answers from Slack no well-behaved Slack sends, met by the outbox gateway alone (no bot around
it): what it records for the message decides when, and whether, the message goes out."""

from __future__ import annotations

import contextlib
import socket
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from slack_sdk import WebClient
from sqlalchemy import update
from sqlmodel import col

from bot.sandbox.server import LocalSlack
from bot.slack_gateway import (
    _PAGE_TURN,
    DEFAULT_RETRY_AFTER,
    LEASE,
    MAX_ATTEMPTS,
    MAX_BACKOFF,
    MAX_RETRY_AFTER,
    RATE_LIMITED_PREFIX,
    UNREADABLE_RETRY_AFTER,
    SlackGateway,
)
from bot.slack_http import KeepAliveWebClient
from storage import outbox
from storage.db import Database, as_utc
from storage.models import OutboxRow
from tests.conftest import database_url
from tests.time.conftest import Clock

NOW = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)


@pytest.fixture
def db_url(tmp_path: Path) -> str:
    return database_url("sqlite", tmp_path)  # tests/conftest.py's db, on SQLite only


def the_row(db: Database) -> OutboxRow:
    with db.session() as s:
        (row,) = outbox.rows(s, statuses=[outbox.PENDING, outbox.FAILED, outbox.SENT])
        return OutboxRow.model_validate(row.model_dump())


@pytest.mark.parametrize(("header", "waits"), [
    ("0", DEFAULT_RETRY_AFTER),
    ("-30", DEFAULT_RETRY_AFTER),  # was a retry due 30 s ago: Slack asked again at once, and again
    # Was a ValueError, counted as Slack failing rather than asking to wait; not every second
    # either (a 429 is not counted towards giving up): whoever answered is not Slack's limiter.
    ("abc", UNREADABLE_RETRY_AFTER),
    ("Wed, 21 Oct 2026 07:28:00 GMT", UNREADABLE_RETRY_AFTER),
    ("nan", UNREADABLE_RETRY_AFTER),
    ("", UNREADABLE_RETRY_AFTER),
    ("86400000", MAX_RETRY_AFTER.total_seconds()),  # a thousand days: the message held that long
    ("1e12", MAX_RETRY_AFTER.total_seconds()),  # past the year 9999: every delivery pass failed
    ("inf", MAX_RETRY_AFTER.total_seconds()),
    ("30", 30.0),
])
def test_a_429_waits_what_its_retry_after_can_sensibly_mean(db: Database, header: str, waits: float, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    clock = Clock(NOW)
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=NOW)
        slack.inject("chat.postMessage", status=429, retry_after=header)
        gateway.deliver_due()
        row = the_row(db)
        assert row.status == outbox.PENDING
        assert (row.last_error or "").startswith(RATE_LIMITED_PREFIX)
        assert as_utc(row.next_attempt_at) - NOW == timedelta(seconds=waits)
        clock.t = NOW + timedelta(seconds=waits)
        gateway.deliver_due()
        assert the_row(db).status == outbox.SENT
        assert [m.text for m in slack.messages("C0INTAKE")] == ["お知らせ"]


def test_a_failed_send_is_retried_half_a_second_later_then_a_second(
        db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # The backoff starts at 0.5 s and doubles: a passing 500 costs the approver half a second, not
    # the seconds a slower start would add to every DM of a busy morning.
    clock = Clock(NOW)
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=NOW)
        slack.inject("chat.postMessage", status=500, times=2)
        gateway.deliver_due()
        assert as_utc(the_row(db).next_attempt_at) - NOW == timedelta(seconds=0.5)
        clock.t = NOW + timedelta(seconds=0.5)
        gateway.deliver_due()
        assert as_utc(the_row(db).next_attempt_at) - clock.t == timedelta(seconds=1)
        clock.t += timedelta(seconds=1)
        gateway.deliver_due()
        assert the_row(db).status == outbox.SENT


def test_messages_held_for_a_refused_scope_are_tried_again_soon_after_it_is_back(
        db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    # Slack refused chat:write for a moment (a reinstall under way): the messages held for it wait
    # for the next ask, 0.5 s doubling up to a minute, not a whole minute from the first refusal.
    clock = Clock(NOW)
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        with db.session() as s:
            for text in ("一", "二", "三"):
                outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": text}, now=NOW)
        # Refused until the scope is back below. How many calls the first pass makes depends on the
        # threads: all three when they start together, one when the first's refusal comes back before
        # the others start (they then wait for the next ask, unsent). Hence no fixed count of faults.
        slack.inject("chat.postMessage", error="missing_scope", times=10)
        gateway.deliver_due()
        clock.t = NOW + timedelta(seconds=0.5)
        gateway.deliver_due()
        with db.session() as s:
            waiting = outbox.rows(s, statuses=[outbox.PENDING])
            assert sorted(as_utc(r.next_attempt_at) - NOW for r in waiting) == [timedelta(seconds=1.5)] * 3
        assert slack.messages("C0INTAKE") == []
        slack.clear_faults()  # the app reinstalled with chat:write
        clock.t = NOW + timedelta(seconds=1.5)
        gateway.deliver_due()
        assert sorted(m.text for m in slack.messages("C0INTAKE")) == sorted(["一", "二", "三"])


def test_ratelimited_inside_ok_false_waits_its_retry_after(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    clock = Clock(NOW)
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=NOW)
        slack.inject("chat.postMessage", error="ratelimited", retry_after="12")
        gateway.deliver_due()
        row = the_row(db)
        assert (row.last_error or "").startswith(RATE_LIMITED_PREFIX)
        assert as_utc(row.next_attempt_at) - NOW == timedelta(seconds=12)



def test_a_429_waited_out_is_info_until_the_message_is_held_as_long_as_healthz_calls_stalled(
        db: Database, caplog: pytest.LogCaptureFixture, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """Slack's 429 is normal on a busy morning (a DM to each approver, reminders at 08:30): each
    was a WARNING 「will retry in …: rate limited」 that the guide itself called 対応不要, in the
    log an IT 担当 reads for what needs them. INFO now, until the message has been tried as often
    as /healthz counts as stalled (then each retry says WARNING again)."""
    from bot.web import STALLED_ATTEMPTS

    clock = Clock(NOW)
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=NOW)
        levels = []
        for n in range(STALLED_ATTEMPTS):
            slack.inject("chat.postMessage", status=429, retry_after="1")
            caplog.clear()
            with caplog.at_level("INFO", logger="bot.slack_gateway"):
                gateway.deliver_due()
            [said] = [r for r in caplog.records if "rate limited" in r.getMessage()]
            levels.append(said.levelname)
            clock.t = NOW + timedelta(seconds=n + 1)
        assert levels == ["INFO"] * (STALLED_ATTEMPTS - 1) + ["WARNING"]
        gateway.deliver_due()
        assert the_row(db).status == outbox.SENT

def test_a_post_whose_connection_dropped_without_an_answer_is_not_posted_twice(
        db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """Slack (or a proxy on the way) made the post and closed the connection without answering:
    the client sees RemoteDisconnected. slack_sdk's own retry of a failed connection sent the post
    again at once, without looking for it; the outbox's retry looks first."""
    now = datetime.now(UTC)  # the local server's message times are the real time's
    clock = Clock(now)
    with LocalSlack() as slack:
        # serve's timeout: a second attempt fits in the claim, so slack_sdk made it.
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client, clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=now)
        slack.inject("chat.postMessage", applied=True, dropped=True)
        gateway.deliver_due()
        clock.t = now + timedelta(minutes=5)
        gateway.deliver_due()
        assert the_row(db).status == outbox.SENT
        assert [m.text for m in slack.messages("C0INTAKE")] == ["お知らせ"]


def test_an_update_whose_connection_dropped_is_made_again_at_once(db: Database) -> None:
    """Editing a message twice to the same text changes nothing: slack_sdk's immediate retry stays."""
    with LocalSlack() as slack, contextlib.closing(KeepAliveWebClient(token=slack.token, base_url=slack.api_url)) as client:
        ts = client.chat_postMessage(channel="C0INTAKE", text="状況: 決裁待ち")["ts"]
        slack.inject("chat.update", applied=True, dropped=True)
        assert client.chat_update(channel="C0INTAKE", ts=ts, text="状況: 承認されました")["ok"]
        assert [m.text for m in slack.messages("C0INTAKE")] == ["状況: 承認されました"]


@pytest.mark.parametrize("fault", [{"status": 429, "retry_after": 30}, {"status": 503}, {"error": "fatal_error"}])
def test_a_post_whose_look_up_slack_could_not_answer_now_is_not_posted_blindly(
        db: Database, fault: dict[str, object], stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """A post Slack made without answering is retried, looking for it first. The look-up answered
    429 (conversations.history allows about 50 calls a minute: a backlog retried after an outage
    meets it) or a 5xx, and the post was sent again without knowing: twice. Only a refusal of the
    look-up itself (missing_scope…) leaves posting as the only way on."""
    now = datetime.now(UTC)
    clock = Clock(now)
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10),
                               clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=now)
        slack.inject("chat.postMessage", applied=True, dropped=True)
        gateway.deliver_due()
        slack.inject("conversations.history", **fault)  # type: ignore[arg-type]
        for minutes in (5, 10):
            clock.t = now + timedelta(minutes=minutes)
            gateway.deliver_due()
        assert the_row(db).status == outbox.SENT
        assert [m.text for m in slack.messages("C0INTAKE")] == ["お知らせ"]


def test_a_reply_whose_thread_was_deleted_and_whose_answer_was_lost_is_not_posted_twice(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """A reply whose parent was deleted just before it went (the draft taken down in Slack) is put
    in the channel itself by Slack. Its answer lost (a timeout), the retry looked for it in the
    thread, Slack answered thread_not_found, and the reply was posted again: two bare replies in
    the channel. The retry looks in the channel when the thread is gone."""
    now = datetime.now(UTC)
    clock = Clock(now)
    with LocalSlack() as slack:
        parent = slack.post_as_user("C0INTAKE", "U0OPERATOR", "紅葉ライトアップのお知らせです。")
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10),
                               clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "thread_ts": parent.ts, "text": "決裁待ちです"},
                           now=now, thread_key=f"C0INTAKE:{parent.ts}")
        slack.delete_as_user("C0INTAKE", parent.ts)
        slack.inject("chat.postMessage", applied=True, dropped=True)
        gateway.deliver_due()
        assert [m.text for m in slack.messages("C0INTAKE")] == ["決裁待ちです"]  # in the channel itself
        clock.t = now + timedelta(minutes=5)
        gateway.deliver_due()
        assert the_row(db).status == outbox.SENT
        assert [m.text for m in slack.messages("C0INTAKE")] == ["決裁待ちです"]
        assert slack.calls_of("conversations.replies")[0].response.get("error") == "thread_not_found"


def test_a_reply_found_in_the_channel_after_its_thread_was_deleted_is_reworded_to_stand_alone(
        db: Database, caplog: pytest.LogCaptureFixture, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """The same reply, found in the channel by the retry: its lost answer was what told the gateway
    Slack had put it there, and it stayed 「対応を開始しました」 with nothing to say what it was about.
    Found there, it is reworded as an answer that came would have had it (found by review).
    Mended without anyone's help, it is no WARNING for the IT 担当 (it was one, at each rewording)."""
    now = datetime.now(UTC)
    clock = Clock(now)
    with LocalSlack() as slack:
        parent = slack.post_as_user("C0INTAKE", "U0OPERATOR", "炎上の可能性があります（受付番号 1）")
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10),
                               clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "thread_ts": parent.ts, "text": "対応を開始しました",
                                       outbox.ALONE: {"text": "受付番号 1（炎上）: 対応を開始しました"}},
                           now=now, thread_key=f"C0INTAKE:{parent.ts}")
        slack.delete_as_user("C0INTAKE", parent.ts)
        slack.inject("chat.postMessage", applied=True, dropped=True)
        gateway.deliver_due()
        clock.t = now + timedelta(minutes=5)
        caplog.clear()  # the first try's lost answer is a WARNING of its own (will retry)
        with caplog.at_level("INFO", logger="bot.slack_gateway"):
            gateway.deliver_due()
        assert the_row(db).status == outbox.SENT
        assert [m.text for m in slack.messages("C0INTAKE")] == ["受付番号 1（炎上）: 対応を開始しました"]
        said = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "bot.slack_gateway"]
        assert any("rewording it to stand alone" in m for _, m in said), said
        assert [m for level, m in said if level != "INFO"] == []



def test_a_failure_report_the_database_refused_once_and_made_again_is_no_warning(
        db: Database, caplog: pytest.LogCaptureFixture, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """Reporting a refused message in the transaction that records it, the database refused the
    report (PostgreSQL ending a deadlock with another replica's report): it is made again in a
    transaction of its own, and is not lost. That retry said WARNING each time, with nothing for the
    IT 担当 to do; only the report failing again (an ERROR) is theirs."""
    from sqlalchemy import text
    from sqlalchemy.orm import Session

    now = datetime.now(UTC)
    reports: list[tuple[str, bool]] = []

    def report(row: OutboxRow, reason: str, s: Session | None = None) -> None:
        if s is not None and not reports:
            reports.append((reason, False))
            with s.begin_nested():  # a real refusal by the database, as a deadlock's would be
                s.execute(text("SELECT no_such_column FROM outbox"))
        reports.append((reason, True))

    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10),
                               clock=Clock(now), on_permanent_failure=report))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=now)
        slack.inject("chat.postMessage", error="invalid_blocks")
        with caplog.at_level("INFO", logger="bot.slack_gateway"):
            gateway.deliver_due()
    assert the_row(db).status == outbox.FAILED
    assert reports == [("invalid_blocks", False), ("invalid_blocks", True)]
    said = [(r.levelname, r.getMessage()) for r in caplog.records if r.name == "bot.slack_gateway"]
    assert any("trying again on its own" in m for level, m in said if level == "INFO"), said
    assert [m for level, m in said if level == "WARNING"] == []

def call_answered_by(serve: Callable[[], None], listener: socket.socket, client: WebClient,
                     call: Callable[[WebClient], object]) -> None:
    """``call`` made with ``client`` while ``serve`` (in a thread) answers on ``listener``; the client,
    the server's thread and the listener closed after, however the call ended."""
    server = threading.Thread(target=serve, daemon=True)
    server.start()
    try:
        call(client)
    finally:
        client.close()
        server.join()
        listener.close()


def test_an_answer_streaming_without_end_is_cut_at_the_cap_not_read_into_memory() -> None:
    """No Content-Length to refuse it by: a chunked answer that never ends (a broken proxy) was read
    until the watchdog cut it, all of it in memory on the way (a gigabyte on a fast link)."""
    from bot.slack_http import MAX_ANSWER_BYTES, AnswerTooLong

    listener = socket.create_server(("127.0.0.1", 0))
    sent = [0]

    def serve() -> None:
        conn, _ = listener.accept()
        with conn:
            conn.recv(65536)
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                         b"c\r\n{\"ok\": true,\r\n")
            chunk = b"x" * 65536
            with contextlib.suppress(OSError):
                while sent[0] <= 4 * MAX_ANSWER_BYTES:  # (a bound for the test: Slack's edge had none)
                    conn.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    sent[0] += len(chunk)

    client = KeepAliveWebClient(token="xoxb-test", timeout=120,
                                base_url=f"http://127.0.0.1:{listener.getsockname()[1]}/api/")
    with pytest.raises(AnswerTooLong):
        call_answered_by(serve, listener, client, lambda c: c.chat_postMessage(channel="C1", text="hi"))
    assert sent[0] < 4 * MAX_ANSWER_BYTES  # the client stopped reading; nothing asked for the rest


def test_a_call_on_a_new_connection_ends_within_its_timeout_handshake_included(tmp_path: Path) -> None:
    """The watchdog started once the request was sent: on a new connection the TCP connect and the
    TLS handshake (each bounded by the timeout on its own) came before it, so a call could take up
    to three timeouts, and a post outlive its claim (the outbox counts on one timeout a call).
    Here the handshake and the answer each take most of the timeout: together they are past it."""
    import shutil
    import ssl
    import subprocess
    import time

    if not shutil.which("openssl"):
        pytest.skip("openssl is needed to make the test server's certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)
    server_tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    server_tls.load_cert_chain(cert, key)
    listener = socket.create_server(("127.0.0.1", 0))
    timeout, slow = 1.0, 0.7  # each step within the timeout, the two together past it

    def serve() -> None:
        raw, _ = listener.accept()
        time.sleep(slow)  # the handshake waits for the server
        with contextlib.suppress(OSError), server_tls.wrap_socket(raw, server_side=True) as conn:
            conn.recv(65536)
            time.sleep(slow)  # and so does the answer
            body = b'{"ok": true, "channel": "C1", "ts": "1700000000.000001"}'
            conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
                         % (len(body), body))

    client = KeepAliveWebClient(token="xoxb-test", timeout=timeout, ssl=ssl.create_default_context(cafile=str(cert)),
                                base_url=f"https://127.0.0.1:{listener.getsockname()[1]}/api/")
    with pytest.raises(TimeoutError):
        call_answered_by(serve, listener, client, lambda c: c.chat_postMessage(channel="C1", text="hi"))


def test_a_first_address_that_never_answers_leaves_time_for_the_next(monkeypatch: pytest.MonkeyPatch) -> None:
    """Slack's host has several addresses, and the first one may never answer (IPv6 routed nowhere,
    an edge address a firewall drops). The connect gave it the whole timeout, and with the deadline
    covering the connect, the call failed although the next address works, on every new connection."""
    from urllib.parse import urlsplit

    hole = socket.create_server(("127.0.0.1", 0), backlog=0)
    filler = socket.create_connection(hole.getsockname())  # its queue is full: further SYNs go unanswered
    resolve = socket.getaddrinfo
    with LocalSlack() as slack:
        working = urlsplit(slack.api_url)

        def two_addresses(host: str, port: Any, *args: Any, **kwargs: Any) -> Any:
            if host == "slack.test":
                return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", hole.getsockname()),
                        (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", working.port))]
            return resolve(host, port, *args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", two_addresses)
        client = KeepAliveWebClient(token=slack.token, base_url=f"http://slack.test:{working.port}{working.path}",
                                    timeout=1.0)
        try:
            assert client.auth_test()["ok"]
        finally:
            client.close()
    filler.close()
    hole.close()


def test_a_proxy_answering_its_tunnel_a_byte_at_a_time_is_cut_at_the_deadline() -> None:
    """Behind HTTPS_PROXY, the CONNECT tunnel is set up inside the connect, before the connection
    was handed to the watchdog: each read bounded by the timeout, not the whole, so a proxy
    answering a byte at a time held the call as long as it dripped."""
    import time

    listener = socket.create_server(("127.0.0.1", 0))
    answer = b"HTTP/1.1 200 Connection established" + b" " * 40 + b"\r\n\r\n"
    sent = [0]

    def proxy() -> None:
        conn, _ = listener.accept()
        with conn, contextlib.suppress(OSError):
            conn.recv(65536)
            for byte in answer:
                conn.sendall(bytes([byte]))
                sent[0] += 1
                time.sleep(0.1)

    client = KeepAliveWebClient(token="xoxb-test", timeout=1.0, base_url="https://slack.test/api/",
                                proxy=f"http://127.0.0.1:{listener.getsockname()[1]}")
    with pytest.raises(TimeoutError):
        call_answered_by(proxy, listener, client, lambda c: c.auth_test())
    assert sent[0] < len(answer)  # cut while it dripped, not once it was done


class _CountingPages(KeepAliveWebClient):
    """Counts the look-up pages being asked for at once; each waits (a little) for a second."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._count = threading.Lock()
        self._both = threading.Barrier(2, timeout=2)
        self.in_flight = self.most = 0

    def conversations_history(self, **kwargs: Any) -> Any:
        with self._count:
            self.in_flight += 1
            self.most = max(self.most, self.in_flight)
        try:
            with contextlib.suppress(threading.BrokenBarrierError):
                self._both.wait()  # a second look-up asking meanwhile comes in now
            return super().conversations_history(**kwargs)
        finally:
            with self._count:
                self.in_flight -= 1


def test_look_up_pages_are_asked_for_one_at_a_time_in_the_process(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """A look-up page is read up to MAX_PAGE_BYTES (64 MB) and held several times over while it is
    parsed and looked through: a pass's four sending threads looking up at once (a backlog of posts
    whose answers never came, retried after an outage) could hold half a gigabyte or more on a
    small VM. They take turns: one page at a time in the process."""
    now = datetime.now(UTC)
    clock = Clock(now)
    with LocalSlack() as slack:
        client = _CountingPages(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client, clock=clock))
        with db.session() as s:
            for channel in ("C0INTAKE", "C0ESCALATE"):
                outbox.enqueue(s, "post", {"channel": channel, "text": "お知らせ"}, now=now)
        slack.inject("chat.postMessage", applied=True, dropped=True, times=2)
        gateway.deliver_due()  # both made, neither answered
        clock.t = now + timedelta(minutes=5)
        gateway.deliver_due()  # both looked for, in parallel, before they are posted again
        gateway.stop()
        assert len(slack.calls_of("conversations.history")) == 2
        assert client.most == 1
        for channel in ("C0INTAKE", "C0ESCALATE"):
            assert [m.text for m in slack.messages(channel)] == ["お知らせ"]


def _claimed_until(db: Database, wanted: Any, tries: int = 200) -> datetime | None:
    """The row's claimed_until once ``wanted`` says yes to it (polled), or as it last was."""
    until = None
    for _ in range(tries):
        until = the_row(db).claimed_until
        if wanted(until):
            break
        threading.Event().wait(0.05)
    return until


def test_a_look_up_waiting_for_its_turn_keeps_its_claim(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """A look-up waits for the process's turn (_PAGE_TURN) behind other threads' pages, each up to
    the client's timeout, while its claim lasts for one call: it lapsed as the look-up waited, and
    the other replica took the row and looked for it too (the first look-up, when its turn came,
    was for nothing: Superseded). The claim is renewed while the turn is waited for."""
    now = datetime.now(UTC)
    clock = Clock(now)
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client, clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=now)
        slack.inject("chat.postMessage", applied=True, dropped=True)
        gateway.deliver_due()  # made, not answered
        clock.t = now + timedelta(minutes=5)
        worker = threading.Thread(target=gateway.deliver_due)
        with _PAGE_TURN:  # another thread's page, slow in coming
            worker.start()
            first = _claimed_until(db, lambda until: until is not None)
            assert first is not None
            clock.t += LEASE  # by this process's clock, the claim ran out while the look-up waited
            renewed = _claimed_until(db, lambda until: until != first)
        worker.join()
        gateway.stop()
        assert renewed is not None and as_utc(renewed) > as_utc(first)
        assert len(slack.calls_of("conversations.history")) == 1
        assert [m.text for m in slack.messages("C0INTAKE")] == ["お知らせ"]  # found, not posted twice


def test_a_look_up_waiting_for_its_turn_stops_when_another_delivery_took_its_row(db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """As above, but the claim could not be kept: another delivery (the other replica) took the row
    while the look-up waited. The look-up asks Slack for no page (the other delivery looks for the
    post itself), posts nothing, leaves the row as the other delivery has it, and gives the turn back."""
    now = datetime.now(UTC)
    clock = Clock(now)
    with LocalSlack() as slack:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        gateway = stopped_after(SlackGateway(db, client, clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=now)
        slack.inject("chat.postMessage", applied=False, dropped=True)
        gateway.deliver_due()  # not made, not answered
        clock.t = now + timedelta(minutes=5)
        worker = threading.Thread(target=gateway.deliver_due)
        with _PAGE_TURN:
            worker.start()
            first = _claimed_until(db, lambda until: until is not None)
            assert first is not None
            others = as_utc(first) + timedelta(seconds=7)
            with db.session() as s:  # the other replica's claim, taken as this one lapsed
                row = s.get(OutboxRow, the_row(db).id)
                assert row is not None
                row.claimed_until = others
            clock.t += LEASE
            worker.join(10)
            assert not worker.is_alive()
        gateway.stop()
        assert _PAGE_TURN.acquire(blocking=False)
        _PAGE_TURN.release()
        row = the_row(db)
        assert row.status == outbox.PENDING and row.claimed_until is not None and as_utc(row.claimed_until) == others
        assert slack.calls_of("conversations.history") == []
        assert slack.messages("C0INTAKE") == []


def test_a_message_slack_keeps_failing_waits_twice_as_long_each_time_up_to_max_backoff(
        db: Database, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """The retry of a message Slack answered 500 comes 0.5 s later, then 1 s, 2 s… and never more than
    MAX_BACKOFF after the last attempt (every other test steps the clock by MAX_BACKOFF, so the waits
    in between could grow or shrink unseen): a short blip costs a second, an outage a retry each
    five minutes per message, not one a second nor one an hour."""
    clock = Clock(NOW)
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=NOW)
        waits = []
        for _ in range(12):
            slack.inject("chat.postMessage", status=500)
            gateway.deliver_due()
            row = the_row(db)
            assert row.status == outbox.PENDING
            waits.append((as_utc(row.next_attempt_at) - clock.t).total_seconds())
            clock.t = as_utc(row.next_attempt_at)
        assert waits == [0.5 * 2 ** n for n in range(10)] + [MAX_BACKOFF.total_seconds()] * 2
        gateway.deliver_due()
        assert the_row(db).status == outbox.SENT
        assert [m.text for m in slack.messages("C0INTAKE")] == ["お知らせ"]


@pytest.mark.parametrize(("fault", "waits"), [
    ({"status": 504}, 10.0),  # a gateway gave up waiting for the Slack behind it, which may still post it
    ({"applied": True, "dropped": True}, 10.0),  # the connection closed after the request went
    ({"status": 503}, 0.5),  # answered once the work was refused: no reason to wait longer
])
def test_a_post_slack_may_still_be_making_is_looked_for_only_after_the_clients_timeout(
        db: Database, fault: dict[str, object], waits: float, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """Looked for 0.5 s later, a post a slow Slack finished after the call was given up on was not
    there yet, and was made again (the approver had the request twice): its retry waits the client's
    timeout first. Other failures keep the backoff's first half second."""
    now = datetime.now(UTC)  # the local server's message times are the real time's (the look-up's)
    clock = Clock(now)
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10),
                                             clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=now)
        slack.inject("chat.postMessage", **fault)  # type: ignore[arg-type]
        gateway.deliver_due()
        row = the_row(db)
        assert row.status == outbox.PENDING
        assert as_utc(row.next_attempt_at) - now == timedelta(seconds=waits)
        clock.t = as_utc(row.next_attempt_at)
        gateway.deliver_due()
        assert the_row(db).status == outbox.SENT
        assert [m.text for m in slack.messages("C0INTAKE")] == ["お知らせ"]


@pytest.mark.parametrize("others_go", [True, False])
def test_a_message_at_its_last_attempt_is_given_up_only_when_slack_took_others_in_its_pass(
        db: Database, others_go: bool, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """A message Slack refused MAX_ATTEMPTS - 1 times fails once more. In a pass where another
    conversation's message went out (Slack failing part-way through a batch: only this one failed),
    the failure is its own: given up at that attempt, the MAX_ATTEMPTS-th, not one later. In a pass
    where nothing went (an outage begins), it says nothing about the message: kept, not counted."""
    now = datetime.now(UTC)
    clock = Clock(now)
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        with db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=now)
            if others_go:
                outbox.enqueue(s, "post", {"channel": "C0ESCALATE", "text": "別の連絡"}, now=now)
        with db.session() as s:
            (failing,) = [r.id for r in outbox.rows(s, statuses=[outbox.PENDING]) if r.payload["channel"] == "C0INTAKE"]
            s.connection().execute(update(OutboxRow).where(col(OutboxRow.id) == failing)
                                   .values(attempts=MAX_ATTEMPTS - 1, last_error="Slack answered 500"))
        slack.inject("chat.postMessage", status=500, times=2, channel="C0INTAKE")
        gateway.deliver_due()
        with db.session() as s:
            rows = {r.payload["channel"]: (r.status, r.attempts) for r in outbox.rows(
                s, statuses=[outbox.PENDING, outbox.FAILED, outbox.SENT])}
        if others_go:
            assert rows == {"C0INTAKE": (outbox.FAILED, MAX_ATTEMPTS), "C0ESCALATE": (outbox.SENT, 1)}
        else:
            assert rows == {"C0INTAKE": (outbox.PENDING, MAX_ATTEMPTS - 1)}
        assert slack.messages("C0INTAKE") == []
