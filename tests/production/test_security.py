"""Attacks and abuse: oversized and broken input, injection, tampering, secrets in logs, fuzzing."""

from __future__ import annotations

import functools
import http.client
import json
import logging
import os
import re
import resource
import socket
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote, urlencode, urlsplit

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st_
from sqlmodel import select

from bot.app import shifted_clock
from bot.config import parse_org_config
from bot.localstack import LocalStack, start_local_stack
from bot.sandbox.payloads import message_text
from bot.web import MAX_BODY_BYTES
from handlers.payloads import FORM_MAYBE_NOT_OPENED_JA
from storage import drafts as draft_repo
from storage.models import DraftRow, DraftVersionRow, LedgerEntryRow, OutboxRow
from tests.conftest import DEMO_TOML, database_url, migrated_database_url
from tests.e2e.conftest import (
    BUSINESS_MORNING,
    CLEAN_DRAFT,
    all_text,
    dm,
    settle,
    thread,
    wait_dm,
    wait_thread,
)
from tests.production.serveproc import SIGNING_SECRET, ServeProcess


def versions(st: LocalStack) -> list[DraftVersionRow]:
    with st.rt.db.session() as s:
        return list(s.exec(select(DraftVersionRow)))


def test_a_40000_character_draft_is_checked_stored_whole_and_not_routed(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    text = ("高田城址公園の観桜会のお知らせです。" * 2300)[:40_000]
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", text)
    replies = wait_thread(st, "C0INTAKE", ts, lambda ms: any("platform.length" in all_text(m) for m in ms))
    assert all(len(all_text(m)) < 40_000 for m in replies)
    settle(st)
    assert dm(st, "U0MANAGER") == []
    assert len(versions(st)[0].text) == 40_000


def raw_message_event(st: LocalStack, text_json: str, ts: str) -> int:
    """Post an event whose JSON text field is written by hand (e.g. a lone surrogate escape)."""
    body = (
        '{"token":"x","team_id":"T0KESSAI","api_app_id":"A0KESSAI","type":"event_callback",'
        f'"event_id":"Ev0RAW{ts.replace(".", "")}","event_time":{int(time.time())},'
        '"event":{"type":"message","channel":"C0INTAKE","user":"U0OPERATOR","channel_type":"channel",'
        f'"ts":"{ts}","text":{text_json}}}}}'
    )
    st.slack.post_as_user("C0INTAKE", "U0OPERATOR", "(raw)", ts=ts)
    return st.driver.raw(body).status


def test_broken_unicode_is_stored_safely_and_answered(stack: LocalStack) -> None:
    st = stack
    ts = st.slack.next_ts()
    nasty = json.dumps("お知らせ\ud800です\u0000。\u202e逆向き\u202c <!channel>", ensure_ascii=True)
    assert raw_message_event(st, nasty, ts) == 200
    replies = wait_thread(st, "C0INTAKE", ts, lambda ms: len(ms) >= 1)
    assert replies
    stored = versions(st)[0].text
    assert "\x00" not in stored and "\ud800" not in stored and "お知らせ" in stored
    settle(st)
    for c in st.slack.calls:
        assert "<!channel>" not in json.dumps(c.params, ensure_ascii=False)


def test_reasons_are_escaped_when_echoed(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for_call("views.open", timeout=30)
    st.driver.view_submission("U0MANAGER", "reject_reason",
                              {"reason_text": "<!everyone> <@U0CHIEF> *太字* <https://evil.example|公式サイト>"})
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("差し戻しました" in all_text(m) for m in ms))
    settle(st)
    shown = thread(st, "C0INTAKE", ts) + dm(st, "U0CHIEF")
    # The reason is echoed (as text): without it the check below would pass on a reason never shown.
    assert any("太字" in all_text(m) and "公式サイト" in all_text(m) for m in shown), [all_text(m) for m in shown]
    # Shown as written in plain text, where Slack pings nobody and links nothing; never in mrkdwn
    # nor in a notification's text.
    reason = "｜<!everyone> <@U0CHIEF> *太字* <https://evil.example|公式サイト>"
    assert any({"type": "plain_text", "text": reason, "emoji": False} == b.get("text") for m in shown for b in m.blocks)
    for m in shown:
        marked = [m.text, *(b["text"]["text"] for b in m.blocks
                            if isinstance(b.get("text"), dict) and b["text"]["type"] != "plain_text")]
        for text in marked:
            assert "<!everyone>" not in text and "<@U0CHIEF>" not in text and "<https://evil" not in text


def test_names_from_the_organisation_file_are_escaped(tmp_path: Path) -> None:
    toml = DEMO_TOML.read_text(encoding="utf-8").replace('name = "高田 太郎"', 'name = "<!here> 高田 太郎"')
    org = parse_org_config(toml, "demo.toml")
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING))
    try:
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        msg = wait_dm(st, "U0MANAGER")[0]
        assert "&lt;!here&gt; 高田 太郎" in all_text(msg)
        settle(st)
        assert all("<!here>" not in json.dumps(c.params, ensure_ascii=False) for c in st.slack.calls)
    finally:
        st.stop()


def test_secrets_never_reach_the_log(tmp_path: Path) -> None:
    from bot.config import load_org_config
    from bot.localstack import slack_users
    from bot.sandbox.server import LocalSlack

    org = load_org_config(DEMO_TOML)
    slack = LocalSlack(token="xoxb-1111-2222-abcdefSECRET", users=slack_users(org)).start()
    serve = ServeProcess(slack, database_url("sqlite", tmp_path), tmp_path,
                         extra_env={"KESSAI_LOG_LEVEL": "DEBUG"}).start()
    try:
        drv = serve.driver()
        drv.message("C0INTAKE", "U0OPERATOR", "高田城址公園の紅葉が見頃です。")
        slack.wait_for(lambda: slack.messages(slack.dm_channel("U0MANAGER")), timeout=30)
        drv.wrong_secret().message("C0INTAKE", "U0OPERATOR", "偽の署名")
        slack.inject("chat.postMessage", error="invalid_auth")
        drv.message("C0INTAKE", "U0OPERATOR2", "二つ目の下書きです。")
        # The refused call was answered and logged (the log then has the token near it, if anywhere).
        slack.wait_for(lambda: "invalid_auth" in serve.log(), timeout=30)
    finally:
        assert serve.terminate() == 0
        slack.stop()
    log = serve.log()
    assert "DEBUG" in log  # the level was really raised
    assert "abcdefSECRET" not in log and SIGNING_SECRET not in log


def test_a_card_or_my_number_is_not_copied_into_the_thread(stack: LocalStack) -> None:
    """Passwords were masked in the findings, but a card number and a 個人番号 were quoted whole:
    that copy stayed in the thread after the author edited the numbers out or deleted the message."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR",
                           "申請者の上越さん（カード 4111-1111-1111-1111、個人番号 1234 5678 9018）の件です。")
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("pii.my_number" in all_text(m) for m in ms))
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", "申請の受付を始めました。")
    st.driver.message_deleted("C0INTAKE", ts)
    settle(st)
    replies = "\n".join(all_text(m) for m in thread(st, "C0INTAKE", ts))
    assert "＊＊＊＊-＊＊＊＊-＊＊＊＊-1111" in replies and "＊＊＊＊ ＊＊＊＊ ＊＊＊＊" in replies
    for c in st.slack.calls:
        sent = json.dumps(c.params, ensure_ascii=False)
        assert "4111-1111-1111-1111" not in sent and "1234 5678 9018" not in sent


def test_what_people_wrote_stays_out_of_the_debug_log(tmp_path: Path) -> None:
    """At DEBUG, bolt logged each of the bot's own posts that Slack delivers back (a /kessai draft
    draft, password and all, is posted in the intake channel) and the body of every answer
    (/kessai status quotes the author's drafts). The lines stay, without what was written."""
    from bot import render
    from bot.config import load_org_config
    from bot.localstack import slack_users
    from bot.sandbox.server import LocalSlack

    password = "Hunter2Zebra99"
    slack = LocalSlack(users=slack_users(load_org_config(DEMO_TOML))).start()
    serve = ServeProcess(slack, database_url("sqlite", tmp_path), tmp_path,
                         extra_env={"KESSAI_LOG_LEVEL": "DEBUG"}).start()
    try:
        drv = serve.driver()
        drv.slash_command("U0OPERATOR", "/kessai", "draft")
        slack.wait_for(lambda: slack.latest_view("U0OPERATOR", render.DRAFT_CALLBACK), timeout=30)
        drv.view_submission("U0OPERATOR", render.DRAFT_CALLBACK, {
            render.F_ACCOUNT: "joetsu-x", render.F_TEXT: f"管理画面のパスワードは {password} です。"})
        posted = slack.wait_for(lambda: next((m for m in slack.messages("C0INTAKE") if password in all_text(m)), None),
                                timeout=30, message="the draft posted in the intake channel")
        # Slack delivers the bot's own post to it as a message event, as it does in the channels it is in.
        drv.event({"type": "message", "channel": posted.channel, "ts": posted.ts, "text": posted.text,
                   "blocks": posted.blocks, "user": slack.bot_user_id, "bot_id": slack.bot_id,
                   "channel_type": "channel"})
        assert password in drv.slash_command("U0OPERATOR", "/kessai", "status").json()["text"]
    finally:
        assert serve.terminate() == 0
        slack.stop()
    log = serve.log()
    assert "Skipped self event" in log and "Responding with status: 200" in log  # the lines are still there
    assert password not in log


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    action=st_.sampled_from(["approve_draft", "reject_draft", "override_draft", "revise_draft", "mark_published",
                             "unknown_action"]),
    value=st_.one_of(st_.text(max_size=300), st_.from_regex(r"-?\d{1,12}:-?\d{1,12}", fullmatch=True)),
    user=st_.sampled_from(["U0MANAGER", "U0CHIEF", "U0STRANGER", "U0OPERATOR", "U0NOBODY"]),
)
def test_fuzzed_button_clicks_never_fail_or_decide_wrongly(sqlite_stack: LocalStack, action: str, value: str,
                                                           user: str) -> None:
    st = sqlite_stack
    if not dm(st, "U0MANAGER"):
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        wait_dm(st, "U0MANAGER")
    msg = dm(st, "U0MANAGER")[0]
    reply = st.driver.block_action(user, action, value, channel=msg.channel, message_ts=msg.ts)
    assert reply.status == 200
    with st.rt.db.session() as s:
        entries = list(s.exec(select(LedgerEntryRow)))
        drafts = list(s.exec(select(DraftRow)))
    # Only a real approver pressing 承認 on the real value can have decided anything.
    for e in entries:
        assert e.decider_id in ("U0MANAGER", "U0CHIEF") and e.draft_id == drafts[0].id


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    callback=st_.sampled_from(["reject_reason", "override_reason", "revise_draft_form", "publish_post", "submit_draft",
                               "template_add", "unknown_form"]),
    metadata=st_.one_of(st_.text(max_size=300), st_.from_regex(r"-?\d{1,12}:-?\d{1,12}", fullmatch=True)),
    user=st_.sampled_from(["U0MANAGER", "U0STRANGER", "U0OPERATOR", "U0OPERATOR2", "U0NOBODY"]),
    text=st_.text(max_size=200),
)
def test_fuzzed_form_submissions_never_fail_or_change_what_they_should_not(
        sqlite_stack: LocalStack, callback: str, metadata: str, user: str, text: str) -> None:
    """A form posted with a made-up view (any metadata, any user, a stray value) is answered,
    and nobody but an approver decides, nobody but the author adds a version."""
    st = sqlite_stack
    if not dm(st, "U0MANAGER"):
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        wait_dm(st, "U0MANAGER")
    values = {"state-block": {"state-action": {"type": "plain_text_input", "value": text}}}
    reply = st.driver.view_submission(user, callback, values, private_metadata=metadata)
    assert reply.status == 200
    with st.rt.db.session() as s:
        entries = list(s.exec(select(LedgerEntryRow)))
        versions = list(s.exec(select(DraftVersionRow)))
    assert all(e.decider_id in ("U0MANAGER", "U0CHIEF", "U0OPERATOR") for e in entries)
    assert all(e.kind != "approved" and e.kind != "rejected" or e.decider_id != "U0OPERATOR" for e in entries)
    assert [v.number for v in versions] == [1]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st_.text(max_size=2000))
def test_fuzzed_drafts_are_always_answered(sqlite_stack: LocalStack, text: str) -> None:
    st = sqlite_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", text)
    assert st.driver.last_reply is not None and st.driver.last_reply.status == 200
    if not message_text(text).strip():  # an empty message has nothing to check: no draft, no answer
        settle(st)
        with st.rt.db.session() as s:
            assert s.exec(select(DraftRow).where(DraftRow.message_ts == ts)).first() is None
        return
    wait_thread(st, "C0INTAKE", ts, lambda ms: len(ms) >= 1)


def test_an_unknown_button_is_answered_not_ignored(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    reply = st.driver.block_action("U0MANAGER", "approve_draft_v0", "1:1", channel=msg.channel, message_ts=msg.ts)
    assert reply.status == 200
    from tests.e2e.conftest import wait_ephemeral

    assert "最新のメッセージ" in wait_ephemeral(st, "U0MANAGER", "ボタン")


CLOSED = 0  # the server closed the connection before the client had sent the whole body


def _post(url: str, body: bytes | Iterator[bytes], headers: dict[str, str]) -> int:
    u = urlsplit(url)
    conn = http.client.HTTPConnection(u.hostname or "127.0.0.1", u.port, timeout=30)
    try:
        conn.request("POST", u.path, body=body, headers=headers)
        return conn.getresponse().status
    except (BrokenPipeError, ConnectionResetError):
        return CLOSED
    finally:
        conn.close()


def _chunks(total: int) -> Iterator[bytes]:
    block = b"x" * 65536
    for _ in range(total // len(block)):
        yield block


def test_an_oversized_request_is_refused_before_it_is_read_and_the_bot_carries_on(sqlite_stack: LocalStack) -> None:
    """Nobody but Slack should post here, and Slack's payloads are far smaller than 1 MB: a larger
    body (declared or chunked) is refused by the server without being buffered or verified."""
    st = sqlite_stack
    big = MAX_BODY_BYTES + 1
    assert _post(st.bot_url, b"x" * big, {"Content-Type": "application/json"}) in (413, CLOSED)
    assert _post(st.bot_url, _chunks(8 * MAX_BODY_BYTES),
                 {"Content-Type": "application/json", "Transfer-Encoding": "chunked"}) in (413, CLOSED)
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    assert wait_dm(st, "U0MANAGER")
    assert wait_thread(st, "C0INTAKE", ts, lambda ms: bool(ms))


def test_unsigned_requests_are_refused_before_their_body_is_parsed(sqlite_stack: LocalStack,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsing a megabyte of form data costs tens of milliseconds: without a signature, nobody gets
    that from us. Bad bytes without a signature are refused the same way, never a 500."""
    import slack_bolt.request.request as bolt_request

    parsed: list[int] = []
    real = bolt_request.parse_body

    def counting(body: str, content_type: str | None) -> dict:  # type: ignore[type-arg]
        parsed.append(len(body))
        return real(body, content_type)

    monkeypatch.setattr(bolt_request, "parse_body", counting)
    st = sqlite_stack
    form = b"payload=" + b"%7B%22a%22%3A1%7D" * 50_000
    headers = {"Content-Type": "application/x-www-form-urlencoded"}
    assert _post(st.bot_url, form, headers) == 401
    assert _post(st.bot_url, form, {**headers, "X-Slack-Request-Timestamp": str(int(time.time())),
                                    "X-Slack-Signature": "v0=" + "0" * 64}) == 401
    assert _post(st.bot_url, b"\xff\xfe" * 1000, headers) == 401
    assert parsed == []
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)  # Slack's own requests still go through
    assert wait_dm(st, "U0MANAGER") and wait_thread(st, "C0INTAKE", ts, lambda ms: bool(ms))
    assert parsed


def test_slacks_unsigned_certificate_check_is_answered_and_nothing_else_unsigned_is(sqlite_stack: LocalStack) -> None:
    """Slack checks a slash command URL's certificate with an unsigned ``ssl_check=1&token=…`` (bolt
    answers it before verifying for that reason): refused 401, Slack took the URL for broken. Only that
    exact shape passes unsigned, with an empty answer; a command or event dressed up with it does not."""
    st = sqlite_stack
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert _post(st.bot_url, b"ssl_check=1&token=legacyverificationtoken", form) == 200
    assert _post(st.bot_url, b"ssl_check=1", form) == 200
    for smuggled in (b"ssl_check=1&token=x&command=%2Fkessai&text=help&user_id=U0OPERATOR",
                     b"ssl_check=1&payload=%7B%22type%22%3A%22block_actions%22%7D", b"ssl_check=0&token=x",
                     b"ssl_check=1&ssl_check=1", b"ssl_check=true", b"ssl_check=1&token=a&token=b", b"\xff\xfe",
                     b"ssl_check=1&token=" + b"x" * 600):  # longer than Slack's: not read, let alone parsed
        assert _post(st.bot_url, smuggled, form) == 401, smuggled


def test_a_correctly_signed_but_old_request_points_at_the_clock_once(sqlite_stack: LocalStack,
                                                                     monkeypatch: pytest.MonkeyPatch,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    """If this server's clock is off by more than five minutes, every Slack request is refused: the
    log must say so (not only "invalid request"), without letting replays flood it."""
    from bot import web

    monkeypatch.setattr(web, "_last_clock_warning", [0.0])
    st = sqlite_stack
    with caplog.at_level(logging.WARNING, logger="bot.web"):
        for forged in (st.driver.stale(), st.driver.stale(age=3600), st.driver.wrong_secret()):
            forged.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
            assert forged.last_reply is not None and forged.last_reply.status == 401
    # (Slack is asked its time meanwhile, and says so in a line of its own.)
    warnings = [r.getMessage() for r in caplog.records if "refused a correctly signed" in r.getMessage()]
    assert len(warnings) == 1 and "NTP" in warnings[0] and "before this server's clock" in warnings[0]


def _health(port: int) -> tuple[int, dict]:  # type: ignore[type-arg]
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=10) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def test_replayed_requests_signed_apart_do_not_take_the_replica_out(sqlite_stack: LocalStack,
                                                                    caplog: pytest.LogCaptureFixture) -> None:
    """Two captured requests (a proxy's log) replayed as far apart as they were signed agreed on an
    "offset" of an hour: /healthz said 503 "clock is 3591 s ahead", for good (the offset was the
    replay's age, and a load balancer sends nothing to a replica it took out), and done to every
    replica that was the whole service down. Refused requests only have Slack asked its time."""
    st = sqlite_stack
    with caplog.at_level(logging.WARNING, logger="bot.web"):
        for age in (3600, 3590, 3600):
            replay = st.driver.stale(age=age)
            replay.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
            assert replay.last_reply is not None and replay.last_reply.status == 401
        status, report = _health(st.server.port)
        assert status == 200 and "slack_requests" not in report, report
        # Slack, asked in the background, says this server's clock is right:
        st.slack.wait_for(lambda: any("replays of captured requests" in r.getMessage() for r in caplog.records))
        status, report = _health(st.server.port)
    assert status == 200 and "slack_requests" not in report, report
    assert len(st.slack.calls_of("api.test")) == 1  # asked once, however many requests were refused


@pytest.mark.parametrize(("off", "said"), [(600.0, r"(59\d|60\d) s ahead of"), (-900.0, r"(89\d|90\d) s behind")])
def test_healthz_says_503_while_slacks_own_time_puts_this_clock_off(sqlite_stack: LocalStack, off: float,
                                                                    said: str) -> None:
    """A clock 10 minutes fast (or 15 slow) refuses every request Slack sends: /healthz answered 200
    ok and a load balancer kept sending Slack's requests to that replica. Slack's time (the Date of
    api.test, asked in the background) says the clock is off: 503, until NTP sets the clock right,
    which clears it at the next probe without waiting for Slack's next request."""
    from bot.sandbox.driver import SlackDriver
    from bot.web import HttpServer, SlackClock, slack_time, wsgi_app

    st = sqlite_stack
    wrong = [off]
    clock = SlackClock(functools.partial(slack_time, st.rt.client), wall=lambda: time.time() + wrong[0])
    server = HttpServer(wsgi_app(st.rt, clock), "127.0.0.1", 0)
    server.start()
    try:
        driver = SlackDriver(f"http://127.0.0.1:{server.port}/slack/events", st.signing_secret, slack=st.slack)
        driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)  # Slack's own request, signed now
        assert driver.last_reply is not None and driver.last_reply.status == 401
        st.slack.wait_for(lambda: clock.answers >= 1)
        status, report = _health(server.port)
        assert status == 503 and report["status"] == "degraded", report
        assert re.fullmatch(rf"refused: this server's clock is {said} Slack's \(check NTP\)",
                            report["slack_requests"]), report
        wrong[0] = 0.0  # NTP sets it right
        status, report = _health(server.port)
        assert status == 200 and "slack_requests" not in report, report
        assert len(st.slack.calls_of("api.test")) == 1
    finally:
        server.stop()
        clock.stop()


def test_slacks_time_is_asked_again_a_minute_on_and_unknown_while_slack_does_not_answer() -> None:
    """While the report stands, the next probe after a minute asks Slack again (a monotonic clock
    that stood still through a suspended VM carries a stale time); Slack not answering leaves it
    unknown, which is no 503: requests alone cannot tell a clock fault from replays."""
    from bot.sandbox.server import LocalSlack
    from bot.slack_http import KeepAliveWebClient
    from bot.web import SlackClock, slack_time

    true, mono, wrong = [1_800_000_000.25], [50.0], [600.0]
    slack = LocalSlack(ts_clock=lambda: true[0]).start()
    client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=5)
    clock = SlackClock(functools.partial(slack_time, client), wall=lambda: true[0] + wrong[0],
                       monotonic=lambda: mono[0])

    def passes(seconds: float) -> None:
        true[0] += seconds
        mono[0] += seconds

    def answered(count: int) -> None:
        slack.wait_for(lambda: clock.answers >= count)

    ahead = ("refused: this server's clock is 600 s ahead of Slack's (check NTP)", True)
    try:
        assert clock.report() is None and slack.calls_of("api.test") == []  # nothing refused, nothing asked
        clock.refused()
        answered(1)
        assert clock.report() == ahead
        clock.refused()  # within the minute: not asked again
        passes(3600)
        assert clock.report() == ahead  # carried on by the monotonic clock; this probe asks again
        answered(2)
        assert clock.report() == ahead
        true[0] += 3600  # suspended for an hour: the monotonic clock stood still, Slack's did not
        passes(61)
        assert clock.report() == ("refused: this server's clock is 4200 s ahead of Slack's (check NTP)", True)
        answered(3)
        assert clock.report() == ahead  # Slack's answer puts it right
        wrong[0] = 0.0  # NTP sets the clock right
        assert clock.report() is None
        passes(61)
        assert clock.report() is None
        answered(4)  # asked once more, and Slack agrees: not asked again on probes
        passes(61)
        assert clock.report() is None and len(slack.calls_of("api.test")) == 4
        wrong[0] = -900.0
        clock.refused()
        answered(5)
        assert clock.report() == ("refused: this server's clock is 900 s behind Slack's (check NTP)", True)
        clock.accepted(2.0)  # a request made 2 s ago accepted: the clock is right after all
        assert clock.report() is None
        slack.stop()
        passes(61)
        clock.refused()
        answered(6)
        said = clock.report()
        assert said is not None and said[0].startswith("unknown: ") and said[1] is False, said
    finally:
        clock.stop()
        slack.stop()
        client.close()


def test_a_clock_within_a_second_of_the_limit_is_not_blamed_on_replays(caplog: pytest.LogCaptureFixture) -> None:
    """A clock 300.3 s fast refuses Slack's requests (their timestamps are whole seconds, so even
    one signed and delivered at once is 300.35 s old here), but Slack's Date, in whole seconds,
    read it as 299.85 s: /healthz said 200 and the log 'replays of captured requests, not a clock
    fault' while a drifting clock (no NTP) stayed in that band for hours."""
    from bot.sandbox.server import LocalSlack
    from bot.slack_http import KeepAliveWebClient
    from bot.web import SIGNATURE_MAX_AGE_SECONDS, SlackClock, slack_time

    true = 1_800_000_000.05
    slack = LocalSlack(ts_clock=lambda: true).start()
    client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=5)
    clock = SlackClock(functools.partial(slack_time, client), wall=lambda: true + 300.3, monotonic=lambda: 50.0)
    try:
        assert clock.skew(int(true)) > SIGNATURE_MAX_AGE_SECONDS  # Slack's own request, made now: refused
        with caplog.at_level(logging.WARNING, logger="bot.web"):
            clock.refused()
            slack.wait_for(lambda: clock.answers >= 1)
        assert clock.report() == ("refused: this server's clock is 300 s ahead of Slack's (check NTP)", True)
        assert not any("replays" in r.getMessage() for r in caplog.records)
        assert any("puts this server's clock 300 s ahead" in r.getMessage() for r in caplog.records)
    finally:
        clock.stop()
        slack.stop()
        client.close()


def test_a_clock_at_the_bound_is_said_off_steadily_not_once_a_minute() -> None:
    """A clock 298.3 s fast (drifting, no NTP) read by Slack's whole-second Date as 298.75 s or
    297.85 s, whichever part of its second Slack answered in: /healthz went 503 and 200 by turns
    each minute it asked again, and every request accepted in the band (one signed late in its
    second) cleared the 503 until the next refusal. It stays 503 until the clock is clearly right."""
    from bot.sandbox.server import LocalSlack
    from bot.slack_http import KeepAliveWebClient
    from bot.web import SlackClock, slack_time

    true, mono = [1_800_000_000.95], [50.0]
    slack = LocalSlack(ts_clock=lambda: true[0]).start()
    client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=5)
    wrong = [298.3]
    clock = SlackClock(functools.partial(slack_time, client), wall=lambda: true[0] + wrong[0],
                       monotonic=lambda: mono[0])
    try:
        clock.refused()
        slack.wait_for(lambda: clock.answers >= 1)
        assert clock.report() == ("refused: this server's clock is 299 s ahead of Slack's (check NTP)", True)
        true[0] += 61.1  # a minute on, early in Slack's second: its Date reads the clock 297.85 s off
        mono[0] += 61.1
        assert clock.report() is not None  # asks again
        slack.wait_for(lambda: clock.answers >= 2)
        assert clock.report() == ("refused: this server's clock is 298 s ahead of Slack's (check NTP)", True)
        clock.accepted(299.4)  # signed late in its second, accepted by 0.6 s
        assert clock.report() == ("refused: this server's clock is 298 s ahead of Slack's (check NTP)", True)
        clock.accepted(0.3)  # NTP set it right, and Slack's next request says so
        assert clock.report() is None
        clock.refused()  # (within the minute: not asked again)
        wrong[0] = 297.0  # never said off: not by a reading under the bound
        true[0] += 61.1
        mono[0] += 61.1
        clock.refused()
        slack.wait_for(lambda: clock.answers >= 3)
        assert clock.report() is None
    finally:
        clock.stop()
        slack.stop()
        client.close()


def test_a_signed_body_that_is_not_utf8_is_refused_not_failed(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    body = b'{"type": "event_callback", "event": {"type": "message", "text": "\xff"}}'
    ts = str(int(time.time()))
    assert _post(st.bot_url, body, {"Content-Type": "application/json", "X-Slack-Request-Timestamp": ts,
                                    "X-Slack-Signature": st.driver.sign(body, ts)}) == 400
    with st.rt.db.session() as s:
        assert list(s.exec(select(DraftRow))) == []


def test_connections_that_never_send_a_request_do_not_lock_slack_out(sqlite_stack: LocalStack) -> None:
    """Anyone who can reach the port can open connections and send nothing (no signature needed).
    With waitress's default limit, 100 such connections kept Slack's requests waiting for two
    minutes; now they are a fraction of what is served, and are closed once idle long enough."""
    st = sqlite_stack
    host, port = urlsplit(st.bot_url).hostname, urlsplit(st.bot_url).port
    idle = []
    try:
        for _ in range(300):
            c = socket.create_connection((host, port))
            c.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n")  # never finished
            idle.append(c)
        ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        assert wait_dm(st, "U0MANAGER")
        assert wait_thread(st, "C0INTAKE", ts, lambda ms: bool(ms))
    finally:
        for c in idle:
            c.close()


def _held_in_memory(st: LocalStack) -> tuple[int, int]:
    """(bytes of unfinished requests waitress holds in memory, bytes it holds in all), read from its
    connections as HttpServer.stop does (waitress keeps no other account of them)."""
    from waitress.channel import HTTPChannel

    in_memory = total = 0
    for channel in list(st.server.server._map.values()):  # type: ignore[union-attr]
        request = getattr(channel, "request", None) if isinstance(channel, HTTPChannel) else None
        if request is None:
            continue
        in_memory += len(request.header_plus)
        total += len(request.header_plus)
        body = getattr(request.body_rcv, "buf", None)
        if body is not None:
            total += len(body)
            in_memory += 0 if body.overflowed else len(body)
    return in_memory, total


def test_requests_left_unfinished_hold_little_memory(sqlite_stack: LocalStack) -> None:
    """Unsigned, anyone could open connections, send most of a body (or of a header) and stop: waitress
    kept each in memory up to 512 KiB (headers 256 KiB), half a gigabyte over the connection limit. Now
    a body beyond 64 KiB waits in a temporary file, and headers longer than any Slack sends are refused."""
    st = sqlite_stack
    host, port = urlsplit(st.bot_url).hostname, urlsplit(st.bot_url).port
    sent = 20 * (400_000 + 20_000)
    held = []
    try:
        for _ in range(20):
            c = socket.create_connection((host, port))
            c.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 999000\r\n\r\n" + b"x" * 400_000)
            held.append(c)
            c = socket.create_connection((host, port))
            c.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"x" * 20_000)  # never finished
            held.append(c)
        st.slack.wait_for(lambda: _held_in_memory(st)[1] >= sent - 20 * 1000)
        in_memory, _ = _held_in_memory(st)
        assert in_memory <= 20 * (64 * 1024 + 20_000), in_memory
        with socket.create_connection((host, port)) as c:
            c.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Padding: " + b"x" * 40_000 + b"\r\n\r\n")
            assert c.recv(100).split(b" ")[1] == b"431", "a header longer than any Slack sends"
        assert st.driver.url_verification("still").json() == {"challenge": "still"}
    finally:
        for c in held:
            c.close()


def test_many_unfinished_requests_do_not_stop_the_server(sqlite_stack: LocalStack) -> None:
    """waitress watched its connections with select(), which cannot take a descriptor numbered 1,024
    or more: once a request's socket got such a number (a few hundred unfinished requests with a body
    over 64 KiB, each holding its socket and a temporary file), the loop raised ValueError and kessai
    answered nothing until restarted, within the 1,000 connections it means to accept."""
    if resource.getrlimit(resource.RLIMIT_NOFILE)[0] < 1200 or not os.path.isdir("/proc/self/fd"):
        pytest.skip("cannot open 1,100 files here, or count them")
    st = sqlite_stack
    host, port = urlsplit(st.bot_url).hostname, urlsplit(st.bot_url).port
    held: list[socket.socket] = []
    try:
        # The clients live in this process too, so each connection here takes three descriptors.
        while max(map(int, os.listdir("/proc/self/fd"))) < 1100:
            for _ in range(25):
                c = socket.create_connection((host, port))
                c.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Length: 999000\r\n\r\n"
                          + b"x" * 66_000)
                held.append(c)
        assert st.driver.url_verification("still").json() == {"challenge": "still"}
    finally:
        for c in held:
            c.close()


def test_the_open_file_limit_leaves_room_for_a_socket_and_a_body_file_per_connection() -> None:
    """An unfinished request with a body over 64 KiB holds a temporary file besides its socket: with
    the limit raised only to 1,200, some 500 of them used every descriptor, and kessai could open
    no connection to the database or to Slack, nor accept Slack's requests."""
    from bot.web import CONNECTION_LIMIT, HttpServer

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 2 * CONNECTION_LIMIT + 200:
        pytest.skip("the hard limit here is lower than kessai asks for")
    resource.setrlimit(resource.RLIMIT_NOFILE, (1024, hard))
    try:
        server = HttpServer(lambda environ, start_response: [], "127.0.0.1", 0)
        server.stop()
        assert resource.getrlimit(resource.RLIMIT_NOFILE)[0] >= 2 * CONNECTION_LIMIT + 200
    finally:
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))


@pytest.mark.parametrize("event", [
    {"subtype": "message_changed", "message": "本文"},
    {"subtype": "message_changed", "message": ["本文"]},
    {"subtype": ["message_changed"]},
    {"text": {"a": 1}, "blocks": "x"},
    {"text": None, "blocks": [[[[{"type": "emoji", "name": "x", "unicode": "zz"}]]]]},
    # Found by test_fuzzed_message_events_with_files_never_fail_nor_make_a_draft_of_a_snippet:
    # a file's mode, or an edited message's subtype, that is a list or an object failed (500).
    {"text": "本文", "files": [{"id": "F0ODD", "mode": ["snippet"]}]},
    {"subtype": "message_changed", "message": {"type": "message", "user": "U0OPERATOR", "ts": "1700000000.000100",
                                               "text": "本文", "subtype": {"a": 1}}},
], ids=["edit-as-text", "edit-as-list", "subtype-list", "text-object", "odd-blocks", "file-mode-list",
        "edited-subtype-object"])
def test_odd_message_shapes_are_answered_not_failed(sqlite_stack: LocalStack, event: dict) -> None:  # type: ignore[type-arg]
    """Signed, so only Slack could send these; a 500 would only make it send them again."""
    st = sqlite_stack
    body = json.dumps({"token": "x", "team_id": "T0KESSAI", "api_app_id": "A0KESSAI", "type": "event_callback",
                       "event_id": "Ev0ODDSHAPE", "event_time": int(time.time()),
                       "event": {"type": "message", "channel": "C0INTAKE", "user": "U0OPERATOR",
                                 "ts": "1700000000.000100", **event}})
    assert st.driver.raw(body).status == 200


def _signed(st: LocalStack, body: bytes, content_type: str) -> int:
    ts = str(int(time.time()))
    return _post(st.bot_url, body, {"Content-Type": content_type, "X-Slack-Request-Timestamp": ts,
                                    "X-Slack-Signature": st.driver.sign(body, ts)})


def _interaction(payload: object) -> bytes:
    return b"payload=" + quote(json.dumps(payload)).encode()


def _written(st: LocalStack) -> tuple[int, int, int]:
    with st.rt.db.session() as s:
        return (len(list(s.exec(select(DraftRow)))), len(list(s.exec(select(LedgerEntryRow)))),
                len(list(s.exec(select(OutboxRow)))))


_CLICK = {"type": "block_actions", "team": {"id": "T0KESSAI"}, "user": {"id": "U0MANAGER"}, "trigger_id": "1.2",
          "actions": [{"action_id": "approve_draft", "value": "1:1"}]}
_FORM = {"type": "view_submission", "team": {"id": "T0KESSAI"}, "user": {"id": "U0MANAGER"},
         "view": {"type": "modal", "callback_id": "reject_form", "private_metadata": "1:1", "state": {"values": {}}}}
MALFORMED = {
    "event-not-object": (json.dumps({"type": "event_callback", "event": "x"}).encode(), "application/json"),
    "event-type-number": (json.dumps({"type": "event_callback", "event": {"type": 3}}).encode(), "application/json"),
    "home-user-number": (json.dumps({"type": "event_callback", "event": {"type": "app_home_opened", "user": 5}}).encode(),
                         "application/json"),
    "body-a-list": (b"[1, 2]", "application/json"),
    "body-not-json": (b"{", "application/json"),
    "no-actions": (_interaction({**_CLICK, "actions": []}), "application/x-www-form-urlencoded"),
    "action-without-id": (_interaction({**_CLICK, "actions": [{"value": "1:1"}]}), "application/x-www-form-urlencoded"),
    "user-a-string": (_interaction({**_CLICK, "user": "U0MANAGER"}), "application/x-www-form-urlencoded"),
    "team-a-list": (_interaction({**_CLICK, "team": ["T0KESSAI"]}), "application/x-www-form-urlencoded"),
    "view-a-string": (_interaction({**_FORM, "view": "x"}), "application/x-www-form-urlencoded"),
    "values-not-inputs": (_interaction({**_FORM, "view": {**_FORM["view"], "state": {"values": {"a": "b"}}}}),
                          "application/x-www-form-urlencoded"),
    "payload-not-json": (b"payload=%7B", "application/x-www-form-urlencoded"),
    "payload-a-list": (_interaction([1]), "application/x-www-form-urlencoded"),
    # Valid JSON that Python's parser gives up on (RecursionError, the digit limit).
    "nested-10000-deep": (b'{"type": "event_callback", "event": ' + b"[" * 10_000 + b"]" * 10_000 + b"}",
                          "application/json"),
    "payload-nested-deep": (b"payload=" + quote("[" * 10_000 + "]" * 10_000).encode(),
                            "application/x-www-form-urlencoded"),
    "number-of-5000-digits": (b'{"type": "event_callback", "event_id": ' + b"9" * 5_000 + b"}", "application/json"),
    # A proxy adding a charset: bolt drops it and reads JSON, where this form was checked (a 500).
    "form-as-json-with-charset": (urlencode({"command": "/kessai", "text": "help", "user_id": "U0OPERATOR",
                                             "team_id": "T0KESSAI"}).encode(), "application/json; charset=utf-8"),
    "click-as-json-with-charset": (_interaction(_CLICK), "application/json;"),
    # Found by test_fuzzed_payload_shapes_never_fail: bolt itself failed reading the channel.
    "channel-a-number": (json.dumps({"type": "event_callback", "team_id": "T0KESSAI", "event_id": "EvN", "event": {
        "type": "message", "channel": 0, "user": "U0STRANGER", "text": "質問です", "ts": "9.9"}}).encode(),
        "application/json"),
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_signed_requests_of_shapes_slack_never_sends_are_answered_not_failed(
        sqlite_stack: LocalStack, caplog: pytest.LogCaptureFixture, name: str) -> None:
    """A 500 makes Slack send the request again, and after enough of them switch the app's events
    off. Shapes Slack never sends are answered (200, or 400 when unreadable), nothing is written,
    and the log says what was wrong."""
    st = sqlite_stack
    before = _written(st)
    body, content_type = MALFORMED[name]
    with caplog.at_level(logging.WARNING, logger="bot.web"):
        assert _signed(st, body, content_type) in (200, 400)
    assert any("shape Slack does not send" in r.getMessage() or "cannot be read" in r.getMessage()
               for r in caplog.records)
    settle(st)
    assert _written(st) == before


def _mutations(value: object) -> st_.SearchStrategy[object]:
    odd = st_.one_of(st_.none(), st_.integers(), st_.text(max_size=5), st_.lists(st_.integers(), max_size=2),
                     st_.dictionaries(st_.text(max_size=3), st_.integers(), max_size=2))
    if isinstance(value, dict) and value:
        return st_.one_of(odd, st_.sampled_from(sorted(value)).flatmap(
            lambda k: _mutations(value[k]).map(lambda v, k=k: {**value, k: v})))
    if isinstance(value, list) and value:
        return st_.one_of(odd, _mutations(value[0]).map(lambda v: [v, *value[1:]]))
    return odd


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st_.data(), which=st_.sampled_from(["click", "form", "event", "forward"]))
def test_fuzzed_payload_shapes_never_fail(sqlite_stack: LocalStack, data: st_.DataObject, which: str) -> None:
    """Any one field of a valid click, form or event replaced by a value of another type: never a
    5xx, and nobody but the approver the payload names can have decided anything."""
    st = sqlite_stack
    event = {"type": "event_callback", "team_id": "T0KESSAI", "event_id": "EvFuzz",
             "event": {"type": "message", "channel": "C0INTAKE", "user": "U0STRANGER", "text": "質問です", "ts": "9.9"}}
    # An operator's forward with a picture and a video beside it: the attachment's nested shape
    # (message_blocks → message → blocks) and the files are read from untrusted JSON too.
    forward = {**event, "event": {**event["event"], "user": "U0OPERATOR", "subtype": "file_share", "attachments": [
        {"is_share": True, "text": "観桜会 :cherry_blossom:", "message_blocks": [{"message": {"blocks": [
            {"type": "rich_text", "elements": [{"type": "emoji", "name": "cherry_blossom", "unicode": "1f338"}]}]}}]}],
        "files": [{"mimetype": "image/jpeg", "alt_txt": "桜"}, {"mimetype": "video/mp4"}]}}
    base = {"click": _CLICK, "form": _FORM, "event": event, "forward": forward}[which]
    mutated = data.draw(_mutations(base))
    if which in ("event", "forward"):
        status = _signed(st, json.dumps(mutated).encode(), "application/json")
    else:
        status = _signed(st, _interaction(mutated), "application/x-www-form-urlencoded")
    assert status < 500
    with st.rt.db.session() as s:
        assert all(e.decider_id == "U0MANAGER" for e in s.exec(select(LedgerEntryRow)))


def test_kessai_draft_without_a_trigger_says_the_form_could_not_be_opened(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    body = urlencode({"command": "/kessai", "text": "draft", "user_id": "U0OPERATOR", "team_id": "T0KESSAI",
                      "channel_id": "C0INTAKE"}).encode()
    ts = str(int(time.time()))
    u = urlsplit(st.bot_url)
    conn = http.client.HTTPConnection(u.hostname or "127.0.0.1", u.port, timeout=30)
    conn.request("POST", u.path, body=body, headers={"Content-Type": "application/x-www-form-urlencoded",
                                                     "X-Slack-Request-Timestamp": ts,
                                                     "X-Slack-Signature": st.driver.sign(body, ts)})
    reply = conn.getresponse()
    text = reply.read().decode()
    conn.close()
    assert reply.status == 200 and "入力画面を開けませんでした" in json.loads(text)["text"]


@pytest.mark.parametrize("status, body", [(502, "<html>502 Bad Gateway</html>"), (200, "[]"), (200, "")])
def test_a_form_slack_answers_with_garbage_is_said_maybe_not_opened(sqlite_stack: LocalStack, status: int, body: str) -> None:
    """views.open cannot wait in the outbox; an answer that is not Slack's JSON used to fail the
    request (500, and Slack showed the person a bare error)."""
    st = sqlite_stack
    st.slack.inject("views.open", status=status, body=body)
    reply = st.driver.slash_command("U0OPERATOR", "/kessai", "draft")
    assert reply.status == 200 and reply.json()["text"] == FORM_MAYBE_NOT_OPENED_JA  # no readable answer: may have opened


def test_a_form_whose_answer_broke_off_is_said_maybe_not_opened(sqlite_stack: LocalStack) -> None:
    """views.open answered part-way and the connection closed (http.client.IncompleteRead, not an
    OSError): the request failed with 500 and Slack showed the person a bare error, not ours."""
    st = sqlite_stack
    st.slack.inject("views.open", cut_short=True)
    reply = st.driver.slash_command("U0OPERATOR", "/kessai", "draft")
    assert reply.status == 200 and reply.json()["text"] == FORM_MAYBE_NOT_OPENED_JA  # no readable answer: may have opened


def test_a_form_slack_is_slow_to_open_is_said_maybe_not_opened_before_slacks_own_timeout(sqlite_stack: LocalStack) -> None:
    """The trigger lasts 3 s and Slack waits 3 s for the answer: waiting for the bot client's
    usual timeout (10 s) left the person with Slack's bare "did not respond" instead of ours."""
    st = sqlite_stack
    from handlers.payloads import VIEWS_OPEN_TIMEOUT

    assert VIEWS_OPEN_TIMEOUT < 3.0  # the form's own wait ends inside Slack's
    # Slack answers "ok" after 6.5 s: a bot on the client's usual 10 s wait would get that answer
    # and say nothing, one on the short wait has given up and said so (nothing here is timed).
    st.slack.inject("views.open", status=200, delay=VIEWS_OPEN_TIMEOUT + 4)
    reply = st.driver.slash_command("U0OPERATOR", "/kessai", "draft")
    assert reply.status == 200 and reply.json()["text"] == FORM_MAYBE_NOT_OPENED_JA  # no readable answer: may have opened



def test_a_form_whose_answer_trickles_in_is_said_maybe_not_opened_before_slacks_own_timeout(
        sqlite_stack: LocalStack) -> None:
    """views.open answered a byte at a time (a broken proxy, a congested link): the form's client
    was slack_sdk's, whose timeout bounds each read, not the answer, so the request thread waited
    as long as it dripped, and the person got Slack's bare error instead of ours (or, with a long
    enough drip, nothing at all while the thread was held). The bot's own client cuts it off."""
    st = sqlite_stack
    # Whole after several seconds, each byte well within any read timeout: a client that bounds
    # the answer gives up and says so; one that bounds each read gets "ok" (nothing here is timed).
    st.slack.inject("views.open", drip=0.004)
    reply = st.driver.slash_command("U0OPERATOR", "/kessai", "draft")
    assert reply.status == 200 and reply.json()["text"] == FORM_MAYBE_NOT_OPENED_JA  # no readable answer: may have opened

_LONG = "U" + "0" * 40
OVERLONG_IDS = {
    "message-user": {"type": "message", "channel": "C0INTAKE", "user": _LONG, "ts": "1700000001.000100", "text": "本文"},
    "deleted-ts": {"type": "message", "subtype": "message_deleted", "channel": "C0INTAKE", "deleted_ts": "3" * 60},
    "home-user": {"type": "app_home_opened", "user": _LONG, "tab": "home"},
}


@pytest.mark.parametrize("name", [*OVERLONG_IDS, "event-id", "click-user"])
def test_ids_longer_than_slack_gives_are_answered_not_failed(stack: LocalStack, caplog: pytest.LogCaptureFixture,
                                                             name: str) -> None:
    """On PostgreSQL these failed with a 500 ("database unavailable" in the log) when the id was
    stored in its 32-character column, and Slack would have sent them again and again."""
    st = stack
    before = _written(st)
    if name == "click-user":
        body = _interaction({**_CLICK, "user": {"id": _LONG}})
        content_type = "application/x-www-form-urlencoded"
    else:
        event = OVERLONG_IDS.get(name, {"type": "message", "channel": "C0INTAKE", "user": "U0STRANGER",
                                        "ts": "1700000002.000100", "text": "質問です"})
        body = json.dumps({"type": "event_callback", "team_id": "T0KESSAI", "event_time": int(time.time()),
                           "event_id": "Ev" + "0" * 200 if name == "event-id" else "Ev0LONGID", "event": event}).encode()
        content_type = "application/json"
    with caplog.at_level(logging.WARNING):
        assert _signed(st, body, content_type) == 200
    assert any("longer than any Slack" in r.getMessage() or "at most 32" in r.getMessage() for r in caplog.records)
    assert not any("database unavailable" in r.getMessage() for r in caplog.records)
    settle(st)
    assert _written(st) == before
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    assert wait_dm(st, "U0MANAGER")


def test_a_value_the_database_refuses_is_not_taken_for_an_outage(stack: LocalStack,
                                                                  caplog: pytest.LogCaptureFixture) -> None:
    """The net under the shape check: should some other request carry a value its column refuses
    (PostgreSQL checks lengths and ranges; SQLite does not), sending it again cannot help. It is
    answered 200, the person is told in Japanese, and the log does not report the database down.
    A listener of this test's own stores the value, since every known way in is refused earlier."""
    st = stack
    if not st.rt.db.is_postgres:
        pytest.skip("SQLite stores values of any length")

    @st.rt.app.command("/kessai-overlong")
    def overlong() -> None:
        with st.rt.db.session() as s:
            draft_repo.claim_event(s, "event:" + "x" * 300, datetime.now(UTC))

    listeners = st.rt.app._listeners  # ahead of the catch-all for unknown commands (handlers.fallback)
    listeners.insert(0, listeners.pop())

    with caplog.at_level(logging.WARNING):
        reply = st.driver.slash_command("U0OPERATOR", "/kessai-overlong")
    assert reply.status == 200
    assert any("cannot be stored (StringDataRightTruncation)" in r.getMessage() for r in caplog.records)
    assert not any("database unavailable" in r.getMessage() for r in caplog.records)
    st.slack.wait_for(lambda: any("記録できない値" in json.dumps(c.params, ensure_ascii=False)
                                  for c in st.slack.responses()), timeout=30, message="the person is told")
    with st.rt.db.session() as s:
        assert draft_repo.claim_event(s, "event:fits", datetime.now(UTC))  # the database is fine


_BOT = {"user": "U0KESSAIBOT", "bot_id": "B0KESSAIBOT", "app_id": "A0KESSAI"}
_PERSON = {"user": "U0OPERATOR"}
_SELF_EVENT_SHAPES = {
    "own post": {"type": "message", "text": "x", "ts": "2.0", **_BOT},
    "own thread reply": {"type": "message", "text": "x", "ts": "2.1", "thread_ts": "2.0", **_BOT},
    "own broadcast reply": {"type": "message", "subtype": "thread_broadcast", "ts": "2.2", "thread_ts": "2.0", **_BOT},
    "own bot_message": {"type": "message", "subtype": "bot_message", "ts": "2.3", "bot_id": "B0KESSAIBOT"},
    "own edit": {"type": "message", "subtype": "message_changed", "ts": "2.4",
                 "message": {"type": "message", "ts": "2.0", **_BOT}, "previous_message": {"ts": "2.0", **_BOT}},
    "own deletion": {"type": "message", "subtype": "message_deleted", "ts": "2.5", "deleted_ts": "2.0",
                     "previous_message": {"type": "message", "ts": "2.0", **_BOT}},
    "own tombstone": {"type": "message", "subtype": "message_changed", "ts": "2.6",
                      "message": {"type": "message", "subtype": "tombstone", "ts": "2.0", "user": "USLACKBOT"},
                      "previous_message": {"ts": "2.0", **_BOT}},
    "own reaction": {"type": "reaction_added", "user": "U0KESSAIBOT", "reaction": "eyes",
                     "item": {"type": "message", "channel": "C0INTAKE", "ts": "1.0"}},
    "own join": {"type": "member_joined_channel", "user": "U0KESSAIBOT", "channel": "C0INTAKE"},
    "own profile": {"type": "user_change", "user": {"id": "U0KESSAIBOT"}},
    "person's post": {"type": "message", "text": "x", "ts": "3.0", **_PERSON},
    "person's edit": {"type": "message", "subtype": "message_changed", "ts": "3.1",
                      "message": {"type": "message", "ts": "3.0", **_PERSON}},
    "person's deletion": {"type": "message", "subtype": "message_deleted", "ts": "3.2", "deleted_ts": "3.0",
                          "previous_message": {"type": "message", "ts": "3.0", **_PERSON}},
    "other app": {"type": "message", "ts": "3.3", "user": "U0OTHERBOT", "bot_id": "B0OTHERAPP"},
}


@pytest.mark.parametrize("name", list(_SELF_EVENT_SHAPES))
def test_the_self_event_filter_drops_what_bolts_did_but_the_deletion_of_a_message_of_ours(name: str) -> None:
    """bolt's filter of the bot's own events is off (it dropped the deletion of an incident's
    alert) and handlers.middleware stands in for it: everything else bolt dropped must still be
    dropped, the bot's own posts, replies, edits and reactions never reaching intake or the
    thread-reply handlers. Read against bolt's own, on a context bolt builds itself."""
    from slack_bolt.authorization import AuthorizeResult
    from slack_bolt.middleware.ignoring_self_events import IgnoringSelfEvents
    from slack_bolt.request import BoltRequest

    from handlers.middleware import own_event_to_ignore

    event = _SELF_EVENT_SHAPES[name]
    body = {"type": "event_callback", "team_id": "T0KESSAI", "event_id": "Ev1", "event": {**event, "channel": "C0INTAKE"}}
    req = BoltRequest(body=body, mode="socket_mode")
    req.context["authorize_result"] = AuthorizeResult(enterprise_id=None, team_id="T0KESSAI",
                                                      bot_user_id="U0KESSAIBOT", bot_id="B0KESSAIBOT")
    bolts = IgnoringSelfEvents._is_self_event(req.context.authorize_result, req.context.user_id,
                                              body["event"].get("bot_id"), body)
    expected = bolts and event.get("subtype") != "message_deleted"
    assert own_event_to_ignore(body, req.context) == expected
    # What the shapes stand for: the bot's own, but its deletions (an alert's: the tombstone is
    # Slackbot's edit) and its joining a channel (bot_joined), which listeners want.
    assert expected == (name.startswith("own") and name not in ("own deletion", "own tombstone", "own join"))


def test_requests_signed_with_another_secret_point_at_the_signing_secret_once(
        sqlite_stack: LocalStack, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    """Signing Secret regenerated in Slack, .env not yet updated (or one replica not restarted): every
    draft and button was refused 401 with only a DEBUG line, /healthz said ok and the log said nothing."""
    from bot import web

    monkeypatch.setattr(web, "_last_secret_warning", [0.0])
    st = sqlite_stack
    with caplog.at_level(logging.WARNING, logger="bot.web"):
        assert _post(st.bot_url, b"{}", {"Content-Type": "application/json"}) == 401  # no signature: a scanner
        assert _post(st.bot_url, b"{}", {"Content-Type": "application/json", "X-Slack-Signature": "v0=" + "0" * 64,
                                         "X-Slack-Request-Timestamp": str(int(time.time()) - 3600)}) == 401
        # Fresh, but not the shape of Slack's signature: a scanner's, not Slack signing with another secret.
        assert _post(st.bot_url, b"{}", {"Content-Type": "application/json", "X-Slack-Signature": "v0=forged",
                                         "X-Slack-Request-Timestamp": str(int(time.time()))}) == 401
        assert not [r for r in caplog.records if "SLACK_SIGNING_SECRET" in r.getMessage()]
        for _ in range(2):
            forged = st.driver.wrong_secret()
            forged.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
            assert forged.last_reply is not None and forged.last_reply.status == 401
    warnings = [r.getMessage() for r in caplog.records if "SLACK_SIGNING_SECRET" in r.getMessage()]
    assert len(warnings) == 1 and "Signing Secret" in warnings[0], warnings


@pytest.mark.parametrize("timestamp", ["\xb2", "9" * 400, "1" * 5000])
def test_a_forged_timestamp_is_refused_401_without_a_traceback(
        sqlite_stack: LocalStack, caplog: pytest.LogCaptureFixture, timestamp: str) -> None:
    """A Slack-shaped signature made the mismatch warning read the timestamp as a number: 「²」 passes
    str.isdigit, 400 digits overflow the float subtraction, 5,000 exceed int()'s limit. Anyone could
    send it and each one was a 500 with an ERROR traceback in the log (found by review)."""
    caplog.set_level(logging.WARNING)
    headers = {"Content-Type": "application/json", "X-Slack-Signature": "v0=" + "0" * 64,
               "X-Slack-Request-Timestamp": timestamp}
    assert _post(sqlite_stack.bot_url, b"{}", headers) == 401
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text


# Values a file's fields may hold in a payload we did not expect: none, the wrong type, a string
# far longer than any name (4,000 characters), a lone surrogate (valid JSON, "\ud800", that no database stores).
_ODD_VALUE = st_.one_of(st_.none(), st_.integers(), st_.booleans(), st_.lists(st_.integers(), max_size=2),
                        st_.dictionaries(st_.text(max_size=3), st_.integers(), max_size=2), st_.text(max_size=20),
                        st_.just("\ud800"), st_.just("長" * 4_000))
_MISSING = object()
_FILE = st_.fixed_dictionaries(
    {"id": st_.one_of(st_.integers(0, 9).map(lambda n: f"F0FUZZ{n}"), _ODD_VALUE)},
    optional={
        "mode": st_.one_of(st_.sampled_from(["hosted", "snippet", "post", "tombstone", "external", "hidden_by_limit",
                                             "space", "docs"]), _ODD_VALUE),
        "filetype": st_.one_of(st_.sampled_from(["text", "post", "pdf", "jpg", "mp4", "space", "python"]), _ODD_VALUE),
        "mimetype": st_.one_of(st_.sampled_from(["text/plain", "image/jpeg", "video/mp4", "application/pdf", "image/",
                                                 "video"]), _ODD_VALUE),
        "name": _ODD_VALUE, "title": _ODD_VALUE, "size": _ODD_VALUE, "preview": _ODD_VALUE, "alt_txt": _ODD_VALUE,
        "permalink": _ODD_VALUE, "preview_is_truncated": _ODD_VALUE})
_ATTACHMENT = st_.fixed_dictionaries({}, optional={
    "is_share": st_.one_of(st_.booleans(), _ODD_VALUE), "is_msg_unfurl": st_.booleans(), "text": _ODD_VALUE,
    "fallback": _ODD_VALUE, "author_id": st_.sampled_from(["U0OPERATOR", "U0MANAGER"]),
    "message_blocks": st_.one_of(_ODD_VALUE, st_.just([{"message": {"blocks": [
        {"type": "rich_text", "elements": [{"type": "rich_text_section",
                                            "elements": [{"type": "text", "text": "転送された本文です。"}]}]}]}}]))})
_fuzz_ts = iter(range(1, 10**9))


def _carries_text_file(msg: object) -> bool:
    """Whether a message carries a text snippet or a Post as Slack describes one: text kessai cannot read."""
    files = msg.get("files") if isinstance(msg, dict) else None
    return isinstance(files, list) and any(isinstance(f, dict) and f.get("mode") in ("snippet", "post")
                                           for f in files)


@st_.composite
def _fuzzed_message(draw: st_.DrawFn, ts: str, draft_ts: str) -> dict[str, object]:
    # Weighted towards what could be a draft (an operator's top-level message with text), so that
    # a snippet or a Post among the files is what decides whether it becomes one.
    msg: dict[str, object] = {"type": "message", "channel": "C0INTAKE", "ts": ts,
                              "user": draw(st_.sampled_from(["U0OPERATOR", "U0OPERATOR", "U0STRANGER", "U0MANAGER"])),
                              "text": draw(st_.one_of(st_.just(CLEAN_DRAFT), st_.just(""), st_.text(max_size=60)))}
    files = draw(st_.lists(_FILE, max_size=3))
    if draw(st_.booleans()):  # one snippet or Post as Slack describes it, among the others
        text_file = draw(_FILE.map(lambda f: {**f, "id": "F0FUZZTEXT"}))
        files.insert(draw(st_.integers(0, len(files))), {**text_file, "mode": draw(st_.sampled_from(["snippet", "post"]))})
    if files or draw(st_.booleans()):
        msg["files"] = files
    for key, value in (("attachments", st_.lists(_ATTACHMENT, max_size=2)),
                       ("subtype", st_.one_of(st_.sampled_from(["file_share", "thread_broadcast", "me_message",
                                                                "bot_message"]), _ODD_VALUE)),
                       ("thread_ts", st_.sampled_from([ts, draft_ts, "1.000001", ""]))):
        if draw(st_.booleans()):
            msg[key] = draw(value)
    return msg


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st_.data(), edit=st_.booleans())
def test_fuzzed_message_events_with_files_never_fail_nor_make_a_draft_of_a_snippet(
        sqlite_stack: LocalStack, caplog: pytest.LogCaptureFixture, data: st_.DataObject, edit: bool) -> None:
    """Messages with any mix of files (hosted, snippets, Posts, deleted ones, files of no or of a
    garbled type), forwards and unfurls, in a thread or not, posted or edited: always answered 200,
    nothing logged as an error, and a message carrying a text snippet or a Post (text kessai cannot
    read) never becomes a draft, nor a version of one, nor a request to an approver."""
    st = sqlite_stack
    if not dm(st, "U0MANAGER"):
        draft_ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        wait_dm(st, "U0MANAGER")
    else:
        with st.rt.db.session() as s:
            draft_ts = s.exec(select(DraftRow).order_by(DraftRow.id)).first().message_ts  # type: ignore[union-attr]
    ts = f"1700{next(_fuzz_ts):06d}.000100"
    if edit:
        # An edit of the routed draft or of a message of this run, Slack's message_changed shape.
        edited_ts = data.draw(st_.sampled_from([draft_ts, ts]))
        msg = data.draw(_fuzzed_message(edited_ts, draft_ts))
        event: dict[str, object] = {"type": "message", "subtype": "message_changed", "channel": "C0INTAKE",
                                    "ts": ts, "event_ts": ts, "message": msg,
                                    "previous_message": data.draw(_fuzzed_message(edited_ts, draft_ts))}
    else:
        msg = event = data.draw(_fuzzed_message(ts, draft_ts))
    requests_before = len(dm(st, "U0MANAGER"))
    with st.rt.db.session() as s:
        versions_before = len(list(s.exec(select(DraftVersionRow))))
    with caplog.at_level(logging.ERROR):
        # ensure_ascii: a lone surrogate goes as JSON's "\ud800", as Slack would send one.
        body = json.dumps({"token": "x", "team_id": "T0KESSAI", "api_app_id": "A0KESSAI", "type": "event_callback",
                           "event_id": f"Ev0FUZZ{ts}", "event_time": int(time.time()), "event": event})
        assert _signed(st, body.encode(), "application/json") == 200
        settle(st)
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
    if _carries_text_file(msg):
        with st.rt.db.session() as s:
            assert len(list(s.exec(select(DraftVersionRow)))) == versions_before
        assert len(dm(st, "U0MANAGER")) == requests_before
