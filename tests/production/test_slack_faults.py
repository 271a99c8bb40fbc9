"""Slack misbehaving: rate limits, server errors, timeouts and permanent refusals."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import LocalStack, slack_users, start_local_stack
from bot.sandbox.server import LocalSlack
from bot.slack_gateway import MAX_ATTEMPTS, MAX_BACKOFF, OUTAGE_COUNT, SLACK_SIDE_ERRORS, SlackGateway
from bot.web import STALLED_ATTEMPTS
from storage import outbox
from storage.models import OutboxRow
from tests.conftest import answered_health as health  # a late database reading asked again
from tests.conftest import database_url, migrated_database_url
from tests.e2e.conftest import APPROVERS, BUSINESS_MORNING, CLEAN_DRAFT, dm, settle, wait_dm


@pytest.fixture
def fast_stack(tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING),
                           slack_timeout=0.5)
    yield st
    st.stop()


def escalation_texts(st: LocalStack) -> list[str]:
    return [m.text for m in st.slack.messages("C0ESCALATE")]


def test_retry_after_is_honoured(fast_stack: LocalStack) -> None:
    st = fast_stack
    st.slack.inject("chat.postMessage", status=429, retry_after=2)
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    limited = st.slack.wait_for_call("chat.postMessage", lambda c: c.status == 429)
    retried = st.slack.wait_for_call(
        "chat.postMessage",
        lambda c: c.ok and c.params.get("text") == limited.params.get("text")
        and c.params.get("channel") == limited.params.get("channel"),
        timeout=30,
    )
    # The refused message is not sent again before Slack's Retry-After has passed...
    assert retried.time - limited.time >= 1.9
    # ...while the other messages are not held up behind it.
    others = [c for c in st.slack.calls_of("chat.postMessage", ok=True) if limited.time < c.time < retried.time]
    assert others
    for a in APPROVERS:
        wait_dm(st, a)


def test_server_errors_and_timeouts_are_retried_until_delivered(fast_stack: LocalStack) -> None:
    st = fast_stack
    st.slack.inject("chat.postMessage", status=500)
    st.slack.inject("chat.postMessage", status=503)
    st.slack.inject("chat.postMessage", delay=1.0)  # longer than the client's 0.5 s timeout
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(st, a)
    settle(st)
    assert all(len(dm(st, a)) == 1 for a in APPROVERS)
    assert len([m for m in st.slack.messages("C0INTAKE") if m.thread_ts]) == 2  # check result + status


def each_approver_asked_once(st: LocalStack) -> None:
    """Every approver's DM arrived, every queued fault was used, and nobody was asked twice."""
    for a in APPROVERS:
        wait_dm(st, a)
    settle(st)
    assert not st.slack.pending_faults()
    assert all(len(dm(st, a)) == 1 for a in APPROVERS)


@pytest.mark.parametrize("status, body", [
    (502, "<html><body><h1>502 Bad Gateway</h1></body></html>"),  # a proxy's error page
    (200, "<html><body>Service temporarily unavailable</body></html>"),
    (200, ""),
    (200, '{"ok": false}'),  # refused without a reason
    (200, '{"ok": true}'),  # "posted" without saying where
    (200, "[1, 2, 3]"),  # JSON of another shape: the client library itself fails on it
])
def test_an_answer_that_is_not_slacks_json_is_retried_not_lost(
    fast_stack: LocalStack, caplog: pytest.LogCaptureFixture, status: int, body: str
) -> None:
    """Nothing in such an answer says the message was refused for good: it used to be marked failed
    ("HTTP 200") or, for a missing field, to fail the whole delivery pass again and again."""
    st = fast_stack
    st.slack.inject("chat.postMessage", status=status, body=body, times=2)
    with caplog.at_level(logging.WARNING):
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        each_approver_asked_once(st)
    assert len([m for m in st.slack.messages("C0INTAKE") if m.thread_ts]) == 2  # check result + status
    with st.rt.db.session() as s:
        assert not outbox.rows(s, statuses=[outbox.FAILED])
    ours = [r for r in caplog.records if r.name.startswith(("bot", "storage", "handlers"))]
    assert not [r for r in ours if r.levelno >= logging.ERROR]  # nothing failed, so nothing to alarm anyone
    assert not any("delivery pass failed" in r.getMessage() for r in ours)


def test_a_post_slack_made_but_answered_with_garbage_is_not_posted_twice(fast_stack: LocalStack) -> None:
    st = fast_stack
    st.slack.inject("chat.postMessage", body="<html>502</html>", status=502, applied=True,
                    channel=st.slack.dm_channel("U0MANAGER"))
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    each_approver_asked_once(st)


def test_an_answer_longer_than_slack_sends_is_a_failed_call_not_a_post_made(fast_stack: LocalStack) -> None:
    """An answer of megabytes on megabytes (a proxy or broken edge streaming without end) was read
    whole into memory, and when it began like Slack's JSON the post was recorded as made. It is cut
    at MAX_ANSWER_BYTES and the call fails: the post is looked for, and made since it is not there."""
    from bot.slack_http import MAX_ANSWER_BYTES

    st = fast_stack
    dm_channel = st.slack.dm_channel("U0MANAGER")
    pad = "x" * (MAX_ANSWER_BYTES + 1)
    st.slack.inject("chat.postMessage", channel=dm_channel,
                    body=f'{{"ok": true, "channel": "{dm_channel}", "ts": "1700000000.000001", "pad": "{pad}"}}')
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    each_approver_asked_once(st)
    with st.rt.db.session() as s:
        assert not outbox.rows(s, statuses=[outbox.FAILED])


def test_a_post_slack_made_is_found_behind_hundreds_of_newer_messages(fast_stack: LocalStack) -> None:
    """Slack made the post but the answer was lost; by the retry, the approver's DM had more new
    messages than one page of history holds (a busy day, a second replica sending): the post was
    not found on the first page and was sent again (seen in benchmarks/chaos.py at 20 drafts/s)."""
    st = fast_stack
    dm_channel = st.slack.dm_channel("U0MANAGER")
    st.slack.inject("chat.postMessage", applied=True, delay=2, channel=dm_channel)  # past the 0.5 s timeout
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    st.slack.wait_for_call("chat.postMessage", lambda c: c.fault is not None)
    for n in range(450):  # before the retry looks: newer messages than two pages hold
        st.slack.handle_api("chat.postMessage", {"channel": dm_channel, "text": f"別の通知 {n}"}, st.slack.token)
    settle(st)
    for a in APPROVERS:
        wait_dm(st, a)
    settle(st)
    asked = [m for m in dm(st, "U0MANAGER") if "approve_draft" in str(m.blocks)]
    assert len(asked) == 1
    assert len([c for c in st.slack.calls_of("conversations.history")]) >= 3  # it looked further back

def test_a_refused_token_holds_messages_until_slack_accepts_it_again(fast_stack: LocalStack) -> None:
    """token_revoked / invalid_auth say nothing about the message: after the IT 担当 installs a
    new token every waiting message must go out (they used to be marked failed and lost)."""
    st = fast_stack
    st.slack.inject("chat.postMessage", error="token_revoked", times=4)
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    st.slack.wait_for_call("chat.postMessage", lambda c: c.params and not c.ok)
    status, report = st.slack.wait_for(lambda: (r := health(st.rt))[0] == 503 and r, timeout=30,
                                       message="/healthz reporting the refused token")
    assert report["slack_auth"] == "token_revoked" and report["status"] == "degraded"
    for a in APPROVERS:
        wait_dm(st, a)
    settle(st)
    assert all(len(dm(st, a)) == 1 for a in APPROVERS)
    assert health(st.rt)[1]["slack_auth"] == "ok"
    with st.rt.db.session() as s:
        assert not outbox.rows(s, statuses=[outbox.FAILED])


def test_a_refused_token_is_one_error_not_one_per_message_and_retry(
    tmp_path: Path, org: OrgConfig, caplog: pytest.LogCaptureFixture
) -> None:
    """監視 pages on ERROR: a revoked token is one thing to fix, however many messages wait on it
    and however often Slack is asked whether it works again."""
    from bot.slack_gateway import TOKEN_ASK_EVERY

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.driver.app_home_opened("U0OPERATOR")  # bolt checks the token once; its answer is kept
        st.deliver()
        st.slack.inject("*", error="token_revoked", times=12)  # then every call kessai makes is refused
        with caplog.at_level(logging.INFO, logger="bot.slack_gateway"):
            st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
            while st.slack.pending_faults():
                st.deliver()
                clock.t += TOKEN_ASK_EVERY
            st.deliver()
        assert all(len(dm(st, a)) == 1 for a in APPROVERS)
        refusals = [r for r in caplog.records if "the bot token (token_revoked)" in r.getMessage()]
        assert len(refusals) > 3  # refused, then asked about again and again
        assert [r.levelno for r in refusals].count(logging.ERROR) == 1
    finally:
        st.stop()


def test_messages_held_by_a_refused_token_ask_slack_once_an_interval_not_each_on_its_own(
        tmp_path: Path, org: OrgConfig) -> None:
    """Each message waiting on a revoked token asked Slack on its own, up to every MAX_BACKOFF: 500
    waiting messages were 500 refused calls every five minutes. They wait together now: one
    auth.test an interval, then every one of them once, none twice, none given up."""
    from bot.slack_gateway import TOKEN_ASK_EVERY

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        for n in range(3):
            st.driver.message("C0INTAKE", "U0OPERATOR", f"{CLEAN_DRAFT}（{n}）")
        with st.rt.db.session() as s:
            waiting = outbox.backlog(s, clock())
        assert waiting >= 12
        st.slack.inject("*", error="token_revoked", times=10_000)
        st.deliver()
        assert health(st.rt)[1]["slack_auth"] == "token_revoked"
        first = len(st.slack.calls)
        for _ in range(20):
            clock.t += MAX_BACKOFF
            st.deliver()
        later = st.slack.calls[first:]
        assert [c.method for c in later] == ["auth.test"] * 20
        assert health(st.rt)[1]["slack_auth"] == "token_revoked"
        st.slack.clear_faults()  # the token works again
        clock.t += TOKEN_ASK_EVERY
        st.deliver()
        assert health(st.rt)[1]["slack_auth"] == "ok"
        for a in APPROVERS:
            assert len(dm(st, a)) == 3
        with st.rt.db.session() as s:
            assert outbox.backlog(s, clock()) == 0
            assert not outbox.rows(s, statuses=[outbox.FAILED])
        posted = [c.params.get("metadata") for c in st.slack.calls_of("chat.postMessage", ok=True)]
        assert len(posted) == len({str(m) for m in posted}) >= 12
    finally:
        st.stop()


def test_bot_not_in_intake_channel_alerts_the_escalation_channel(
    fast_stack: LocalStack, caplog: pytest.LogCaptureFixture
) -> None:
    st = fast_stack
    st.slack.inject("chat.postMessage", error="not_in_channel", channel="C0INTAKE")
    with caplog.at_level(logging.ERROR):
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        texts = st.slack.wait_for(lambda: escalation_texts(st), timeout=30)
    assert "<#C0INTAKE>" in texts[0] and "招待" in texts[0]
    assert any("not_in_channel" in r.getMessage() for r in caplog.records)
    settle(st)
    assert all(len(dm(st, a)) == 1 for a in APPROVERS)  # the rest still went out


def test_a_channel_refusing_every_reply_is_reported_once_an_hour_not_once_a_message(
        fast_stack: LocalStack) -> None:
    """The bot removed from an intake channel (or the channel archived) while drafts are in it:
    each reply the bot then writes in their threads failed on its own and posted its own warning
    in the escalation channel, the same sentence once for every check result, status and decision."""
    st = fast_stack
    st.slack.inject("chat.postMessage", error="not_in_channel", channel="C0INTAKE", times=1000)
    for n in range(3):
        st.driver.message("C0INTAKE", "U0OPERATOR", f"{CLEAN_DRAFT}（{n}）")
    for a in APPROVERS:
        st.slack.wait_for(lambda a=a: len(dm(st, a)) == 3, timeout=30)
    settle(st)
    refused = [c for c in st.slack.calls_of("chat.postMessage", ok=False) if c.params.get("channel") == "C0INTAKE"]
    assert len(refused) >= 3
    [warning] = [t for t in escalation_texts(st) if "<#C0INTAKE>" in t]
    assert "招待" in warning and f"時台に、同じ理由で {len(refused)} 件" in warning


def test_unknown_approver_is_reported_in_the_thread_and_escalated(tmp_path: Path, org: OrgConfig) -> None:
    users = {k: v for k, v in slack_users(org).items() if k != "U0CHIEF"}
    slack = LocalSlack(users=users).start()
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING), slack=slack)
    try:
        ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        wait_dm(st, "U0MANAGER")
        texts = st.slack.wait_for(lambda: escalation_texts(st), timeout=30)
        assert "春日山 一郎" in texts[0] and "Slack ID" in texts[0]
        st.slack.wait_for(lambda: any("春日山 一郎" in m.text for m in st.slack.messages("C0INTAKE", thread_ts=ts)),
                          timeout=30)
    finally:
        st.stop()


def test_a_deactivated_approver_is_reported_in_the_thread_and_escalated(tmp_path: Path, org: OrgConfig) -> None:
    """An approver who has left keeps their ID in kessai.toml while Slack has deactivated the account
    (users.info: "deleted": true; conversations.open: user_disabled). Before, the approval DM failed
    with nothing but a log line: the thread said 決裁待ち and the operator waited for a decision from
    someone who would never see the request."""
    users = slack_users(org)
    users["U0CHIEF"] = {**users["U0CHIEF"], "deleted": True}
    slack = LocalSlack(users=users).start()
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING), slack=slack)
    try:
        assert st.rt.client.users_info(user="U0CHIEF")["user"]["deleted"] is True
        ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        wait_dm(st, "U0MANAGER")
        texts = st.slack.wait_for(lambda: escalation_texts(st), timeout=30)
        assert "春日山 一郎" in texts[0] and "停止" in texts[0] and "後任" in texts[0]
        st.slack.wait_for(lambda: any("春日山 一郎" in m.text and "停止" in m.text
                                      for m in st.slack.messages("C0INTAKE", thread_ts=ts)), timeout=30)
        settle(st)
        assert len(escalation_texts(st)) == 1
    finally:
        st.stop()


def test_a_deactivated_approver_of_several_drafts_is_escalated_once(tmp_path: Path, org: OrgConfig) -> None:
    """The same deactivated approver on three drafts (twelve, after a restart, on a busy morning):
    each DM failure posted its own warning in the escalation channel. One message says it now, and
    is edited to count the failures; every draft's thread is still told, since its operator waits there."""
    users = slack_users(org)
    users["U0CHIEF"] = {**users["U0CHIEF"], "deleted": True}
    slack = LocalSlack(users=users).start()
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING), slack=slack)
    try:
        threads = [st.driver.message("C0INTAKE", "U0OPERATOR", f"{CLEAN_DRAFT}（{n}）") for n in range(3)]
        for ts in threads:
            st.slack.wait_for(lambda ts=ts: any("春日山 一郎" in m.text and "停止" in m.text
                                                for m in st.slack.messages("C0INTAKE", thread_ts=ts)), timeout=30)
        settle(st)
        [warning] = escalation_texts(st)
        assert "春日山 一郎" in warning and "停止" in warning and "後任" in warning
        assert "同じ理由で 3 件" in warning
        updates = [c for c in st.slack.calls_of("chat.update", ok=True) if c.params.get("channel") == "C0ESCALATE"]
        assert len(updates) == 2  # edits ring nobody
    finally:
        st.stop()


def test_a_failing_report_does_not_loop(tmp_path: Path, org: OrgConfig) -> None:
    # The escalation channel does not exist in this workspace, so the report fails too.
    slack = LocalSlack(users=slack_users(org), channels={"C0INTAKE": "sns-intake"}).start()
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING), slack=slack)
    try:
        st.slack.inject("chat.postMessage", error="not_in_channel", channel="C0INTAKE")
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        for a in APPROVERS:
            wait_dm(st, a)
        settle(st)
        to_escalation = [c for c in st.slack.calls_of("chat.postMessage") if c.params.get("channel") == "C0ESCALATE"]
        assert len(to_escalation) == 1 and to_escalation[0].response.get("error") == "channel_not_found"
    finally:
        st.stop()


def test_an_incident_alert_the_escalation_channel_refuses_reaches_people_directly(fast_stack: LocalStack) -> None:
    """The bot not in escalation_channel: the alert used to vanish while the reporter was told it was sent."""
    from bot.incidents import IncidentService, escalation_people

    st = fast_stack
    st.slack.inject("chat.postMessage", error="not_in_channel", channel="C0ESCALATE", times=50)
    IncidentService(st.rt.kessai).report(kind="impersonation", account_id=None, reporter="U0OPERATOR",
                                         description="市を名乗る偽アカウントがあります。")
    st.rt.kessai.after_commit()
    people = escalation_people(st.rt.org)
    assert "U0JOHO" in people
    def arrived(person: str) -> bool:
        texts = [m.text for m in dm(st, person)]
        return any("なりすまし" in t for t in texts) and any("<#C0ESCALATE>" in t and "招待" in t for t in texts)

    for person in people:
        st.slack.wait_for(lambda p=person: arrived(p), timeout=30, message=f"the alert and why in {person}'s DM")
    settle(st)
    assert st.slack.messages("C0ESCALATE") == []


def test_slack_holding_events_back_is_told_to_the_escalation_channel_once_an_hour(
    fast_stack: LocalStack, caplog: pytest.LogCaptureFixture
) -> None:
    """Over 30,000 events an hour, Slack stops sending them and says so with app_rate_limited (not
    an event: bolt answered 404). Drafts written meanwhile never arrive, and nobody knew."""
    import json

    st = fast_stack
    hour = int(st.rt.kessai.clock().timestamp()) // 3600 * 3600  # the app's (shifted) clock

    def limited(at: object) -> int:
        body = json.dumps({"token": "x", "team_id": "T0KESSAI", "api_app_id": "A0KESSAI",
                           "type": "app_rate_limited", "minute_rate_limited": at})
        return st.driver.raw(body).status

    def notices() -> list[str]:
        return [t for t in escalation_texts(st) if "イベントの送信を制限" in t]

    with caplog.at_level(logging.WARNING):
        assert limited(hour + 600) == 200
        assert limited(hour + 660) == 200  # Slack says it again a minute later: the same notice
    settle(st)
    assert len(notices()) == 1, escalation_texts(st)
    assert "返信のない下書き" in notices()[0] and "編集" in notices()[0]
    assert "rate-limiting" in caplog.text and "Unhandled request" not in caplog.text
    # Another workspace cannot raise the alarm; a minute that is no minute is read as now.
    body = json.dumps({"token": "x", "team_id": "T0OTHER", "type": "app_rate_limited",
                       "minute_rate_limited": hour + 4 * 3600})
    st.driver.raw(body)
    assert limited("garbage") == 200 and limited(10**30) == 200
    settle(st)
    assert len(notices()) == 1 and "10:10 ごろから" in notices()[0]  # BUSINESS_MORNING's hour, as sent first


class SteppedClock:
    """The time the stack believes it is, moved by the test (retries come due when it says so)."""

    def __init__(self, t: datetime) -> None:
        self.t = t

    def __call__(self) -> datetime:
        return self.t


@pytest.mark.parametrize("fault", [{"status": 503}, {"status": 502, "body": "<html>Bad Gateway</html>"}])
def test_messages_wait_out_a_slack_outage_of_hours_instead_of_being_dropped(
        tmp_path: Path, org: OrgConfig, fault: dict[str, Any]) -> None:
    """Every call failing for about 3.5 hours (Slack down, a proxy or firewall in the way) used up
    MAX_ATTEMPTS of every waiting message: all were marked failed and never sent, approval DMs
    included. Slack failing for everything says nothing about the message."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", times=10_000, **fault)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        for _ in range(MAX_ATTEMPTS + 10):  # far more attempts than the limit, over about five hours
            st.deliver()
            clock.t += MAX_BACKOFF
        with st.rt.db.session() as s:
            assert not [r for r in outbox.rows(s, (outbox.FAILED,))]
            # Counted up to OUTAGE_COUNT and no further: the rest of MAX_ATTEMPTS is the message's own.
            assert max(r.attempts for r in outbox.rows(s, (outbox.PENDING,))) == OUTAGE_COUNT
        # A monitor that only looks at the status saw 200 all along.
        status, report = health(st.rt)
        assert status == 503 and report["outbox_stalled"] == 3 and report["slack_auth"] == "ok"
        st.slack.clear_faults()  # Slack is back
        st.deliver()
        for a in APPROVERS:
            assert len(dm(st, a)) == 1
        status, report = health(st.rt)
        assert status == 200 and "outbox_stalled" not in report
    finally:
        st.stop()


def test_a_message_failing_once_as_slack_comes_back_from_a_long_outage_is_not_given_up(
        tmp_path: Path, org: OrgConfig) -> None:
    """After an outage of hours every waiting message had MAX_ATTEMPTS attempts behind it, so the
    first of them to meet one more 503 while Slack was coming back (a recovery is rarely clean, and
    a backlog sent at once meets timeouts) was given up at once, as if it had failed on its own
    fifty times: an approval DM lost after the outage it had waited out."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=503, times=10_000)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        for _ in range(MAX_ATTEMPTS + 10):
            st.deliver()
            clock.t += MAX_BACKOFF
        st.slack.clear_faults()  # Slack is back, but not quite yet for one message
        st.slack.inject("chat.postMessage", status=503, channel=st.slack.dm_channel(APPROVERS[0]))
        st.deliver()
        with st.rt.db.session() as s:
            assert outbox.rows(s, (outbox.FAILED,)) == []
        clock.t += MAX_BACKOFF
        st.deliver()
        for a in APPROVERS:
            assert len(dm(st, a)) == 1
    finally:
        st.stop()


def test_a_message_held_back_by_a_long_429_burst_is_not_given_up_at_its_first_5xx(
        tmp_path: Path, org: OrgConfig) -> None:
    """Slack pacing one channel with 429 while other messages go out: each 429 counted as an
    attempt of the message's own, so after fifty of them the first 503 gave it up."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        dm_channel = st.slack.dm_channel(APPROVERS[0])
        st.slack.inject("chat.postMessage", status=429, retry_after=30, times=10_000, channel=dm_channel)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        for _ in range(MAX_ATTEMPTS + 10):
            st.driver.app_home_opened("U0OPERATOR")  # other messages keep going out meanwhile
            st.deliver()
            clock.t += MAX_BACKOFF
        st.slack.clear_faults()
        st.slack.inject("chat.postMessage", status=503, channel=dm_channel)
        st.driver.app_home_opened("U0OPERATOR")
        st.deliver()
        with st.rt.db.session() as s:
            assert outbox.rows(s, (outbox.FAILED,)) == []
        clock.t += MAX_BACKOFF
        st.deliver()
        assert len(dm(st, APPROVERS[0])) == 1
    finally:
        st.stop()


def test_a_replica_that_cannot_reach_slack_says_so_while_another_delivers(tmp_path: Path, org: OrgConfig) -> None:
    """Two replicas, one behind a proxy that answers 502 for everything: each message it claims
    fails there and goes out from the other one, so the stalled count of the database stays at 0
    and its /healthz said 200 for as long as it lasted, while it held every batch it claimed
    (and the approval DMs of the requests it handled) for a retry. It answers 503 now."""
    clock = SteppedClock(BUSINESS_MORNING)
    url = database_url("sqlite", tmp_path)
    good = start_local_stack(org, url, clock=clock, start_gateway=False)
    broken_proxy = LocalSlack(users=slack_users(org)).start()
    cut_off = start_local_stack(org, url, clock=clock, start_gateway=False, slack=broken_proxy)
    broken_proxy.inject("*", status=502, body="<html>Bad Gateway</html>", times=10**6)  # since it started
    try:
        good.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        for _ in range(4):
            good.driver.app_home_opened("U0OPERATOR")
            cut_off.deliver()  # claims what is due first, and fails it
            clock.t += MAX_BACKOFF
            good.deliver()
        for a in APPROVERS:
            assert len(dm(good, a)) == 1
        assert health(good.rt)[0] == 200
        status, report = health(cut_off.rt)
        assert status == 503 and "outbox_stalled" not in report
        assert report["slack_delivery"].startswith("failing since ")
        broken_proxy.clear_faults()
        good.driver.app_home_opened("U0OPERATOR")
        cut_off.deliver()
        status, report = health(cut_off.rt)
        assert status == 200 and "slack_delivery" not in report
    finally:
        cut_off.stop()
        good.stop()


@pytest.mark.parametrize("step", [timedelta(hours=1), -timedelta(hours=1)])
def test_a_replica_cut_off_from_slack_is_judged_by_time_passed_not_by_its_clock(
        tmp_path: Path, org: OrgConfig, step: timedelta) -> None:
    """How long this replica had failed to reach Slack was read off the wall clock: NTP stepping it
    an hour on (a VM resumed) made /healthz 503 a minute into a blip, and an hour back kept it 200
    for an hour of an outage. Time passed decides; 'failing since' still says when, by the clock."""
    clock = SteppedClock(BUSINESS_MORNING)
    mono = [1000.0]
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False,
                           monotonic=lambda: mono[0])
    try:
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.slack.inject("*", status=502, body="<html>Bad Gateway</html>", times=10**6)
        began = clock.t
        st.deliver()  # fails, and so does auth.test: failing from now
        clock.t += step
        mono[0] += 60
        status, report = health(st.rt)
        assert status == 200 and "slack_delivery" not in report, report
        clock.t += timedelta(minutes=9)
        mono[0] += 9 * 60
        status, report = health(st.rt)
        assert status == 503 and report["slack_delivery"] == f"failing since {began.isoformat()}", report
    finally:
        st.stop()


def test_nothing_delivered_for_ten_minutes_is_time_passed_not_the_clock(tmp_path: Path, org: OrgConfig) -> None:
    """Stalled messages with nothing delivered for ten minutes are 503; 'for ten minutes' was read
    off the wall clock, so NTP stepping it an hour back kept a replica 200 for an hour with nothing
    going out. Time passed decides."""
    clock = SteppedClock(BUSINESS_MORNING)
    mono = [1000.0]
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False,
                           monotonic=lambda: mono[0])
    try:
        for a in APPROVERS[:2]:
            st.slack.inject("chat.postMessage", status=500, times=10_000, channel=st.slack.dm_channel(a))
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()
        for _ in range(STALLED_ATTEMPTS + 2):
            clock.t += MAX_BACKOFF
            mono[0] += MAX_BACKOFF.total_seconds()
            st.driver.app_home_opened("U0OPERATOR")  # other messages keep going out
            st.deliver()
        status, report = health(st.rt)
        assert report["outbox_stalled"] == 2 and status == 200, report
        clock.t -= timedelta(hours=1)
        mono[0] += 11 * 60
        status, report = health(st.rt)
        assert report["outbox_stalled"] == 2 and status == 503, report
    finally:
        st.stop()


def test_a_message_slack_keeps_failing_while_others_go_out_is_still_given_up(
        tmp_path: Path, org: OrgConfig) -> None:
    """The limit still ends a message that only fails itself, which would otherwise hold up its
    thread for ever."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=500, times=10_000, channel=st.slack.dm_channel(APPROVERS[0]))
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        # Only the failures of the passes where something else went out count past OUTAGE_COUNT.
        for i in range(OUTAGE_COUNT + (MAX_ATTEMPTS - OUTAGE_COUNT) * 5 + 10):
            if i % 5 == 0:  # other messages keep going out meanwhile
                st.driver.app_home_opened("U0OPERATOR")
            st.deliver()
            clock.t += MAX_BACKOFF
        with st.rt.db.session() as s:
            failed = outbox.rows(s, (outbox.FAILED,))
        assert [r.payload.get("channel") for r in failed] == [APPROVERS[0]]
        assert [r.attempts for r in failed] == [MAX_ATTEMPTS]  # given up at its last attempt, not one later
        assert len(dm(st, APPROVERS[1])) == 1
    finally:
        st.stop()


def test_one_message_failing_while_others_go_out_does_not_mark_every_replica_unhealthy(
        tmp_path: Path, org: OrgConfig) -> None:
    """outbox_stalled counts the whole database's rows: one message Slack kept refusing with 500
    while everything else went out made /healthz 503 on every replica for the three hours until
    it was given up, and a load balancer checking /healthz took them all out, turning Slack's
    events away. Slack takes this process's messages: the row is reported, the status stays 200."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=500, times=10_000, channel=st.slack.dm_channel(APPROVERS[0]))
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        for _ in range(STALLED_ATTEMPTS + 2):
            st.driver.app_home_opened("U0OPERATOR")  # other messages keep going out meanwhile
            st.deliver()
            clock.t += MAX_BACKOFF
        st.driver.app_home_opened("U0OPERATOR")
        st.deliver()
        status, report = health(st.rt)
        assert report["outbox_stalled"] == 1
        assert status == 200, report
    finally:
        st.stop()


def test_a_rate_limited_backlog_is_not_reported_as_stalled(tmp_path: Path, org: OrgConfig) -> None:
    """429 is Slack pacing a burst (the 08:30 reminders, a busy channel), not Slack out of reach:
    a message answered 429 ten times in a row is waiting its turn, and /healthz stays 200. Each 429
    counted as an attempt, so a monitor paged the IT 担当 through a normal burst."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=429, retry_after=30, times=10_000)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        for _ in range(STALLED_ATTEMPTS + 2):
            st.deliver()
            clock.t += MAX_BACKOFF
        with st.rt.db.session() as s:
            assert max(r.attempts for r in outbox.rows(s, (outbox.PENDING,))) >= STALLED_ATTEMPTS
        status, report = health(st.rt)
        assert status == 200 and "outbox_stalled" not in report
    finally:
        st.stop()
def test_serve_answers_healthz_while_slack_hangs_on_the_intake_channel_check(tmp_path: Path, org: OrgConfig) -> None:
    """The start-up check that the bot can read each intake channel (one Slack call per channel,
    each allowed the client's 10 s) ran before the server: a Slack that hung on it held /healthz
    back for N × 10 s. It runs once the bot serves, and still reports what it finds."""
    from tests.production.serveproc import ServeProcess

    slack = LocalSlack(users=slack_users(org)).start()
    try:
        channels = sorted({a.intake_channel for a in org.accounts})
        assert len(channels) >= 2
        slack.inject("conversations.history", delay=600, channel=channels[0])  # hangs past the timeout
        slack.inject("conversations.history", error="not_in_channel", channel=channels[1])
        # The client's timeout shortened (10 s in production), with room for /healthz to answer first.
        serve = ServeProcess(slack, database_url("sqlite", tmp_path), tmp_path, slack_timeout=3.0).start()
        try:
            # /healthz said 200 while Slack still held the first channel's check
            assert "could not check intake channel" not in serve.log()
            assert channels[1] not in [c.params.get("channel") for c in slack.calls_of("conversations.history")]
            # ...and the check goes on in the background: the unreadable channel is reported
            texts = slack.wait_for(lambda: [m.text for m in slack.messages("C0ESCALATE")], timeout=60,
                                   message=serve.log())
            assert f"<#{channels[1]}>" in texts[0]
            assert f"could not check intake channel {channels[0]}" in serve.log()
            assert serve.terminate() == 0
        finally:
            serve.stop()
    finally:
        slack.stop()


def test_one_message_failing_on_a_quiet_night_does_not_mark_the_replica_unhealthy(
        tmp_path: Path, org: OrgConfig) -> None:
    """One message Slack keeps refusing (a 500 for that message) with nothing else to send (a quiet
    night, a weekend): Slack takes nothing from this process only because it is asked for nothing
    else. 'Nothing delivered for 10 minutes' and 'everything tried failed for 10 minutes' made
    /healthz 503 on every replica, and a load balancer turned all of Slack's events away until the
    morning. Slack still answers this process (auth.test): the row is reported, the status stays 200."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=500, times=10_000, channel=st.slack.dm_channel(APPROVERS[0]))
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()
        for _ in range(STALLED_ATTEMPTS + 2):  # only the refused message is due, every few minutes
            clock.t += MAX_BACKOFF
            st.deliver()
        status, report = health(st.rt)
        assert report["outbox_stalled"] == 1
        assert status == 200 and "slack_delivery" not in report, report
        # Slack out of reach from here (auth.test too): 503 all the same.
        st.slack.inject("*", status=502, body="<html>Bad Gateway</html>", times=10**6)
        for _ in range(3):
            clock.t += MAX_BACKOFF
            st.deliver()
        status, report = health(st.rt)
        assert status == 503 and report["slack_delivery"].startswith("failing since "), report
    finally:
        st.stop()


def _quiet_night_stalled(st: LocalStack, clock: Any, **auth_test_fault: Any) -> None:
    """One message Slack keeps refusing (a 500 for that message), nothing else to send, retried
    until it is reported stalled; auth.test answers ``auth_test_fault`` meanwhile, if given (from
    after the draft was received: bolt asks auth.test too)."""
    st.slack.inject("chat.postMessage", status=500, times=10_000, channel=st.slack.dm_channel(APPROVERS[0]))
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    if auth_test_fault:
        st.slack.inject("auth.test", times=10_000, **auth_test_fault)
    st.deliver()
    for _ in range(STALLED_ATTEMPTS + 2):
        clock.t += MAX_BACKOFF
        st.deliver()


def test_the_quiet_night_replica_is_not_503_while_auth_test_is_being_asked(
        tmp_path: Path, org: OrgConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each retry of the one refused message marked the process failing for want of Slack until
    auth.test answered: a /healthz asked meanwhile (the whole auth.test round trip, every retry)
    answered 503, and a load balancer polling every few seconds took the replica out."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        _quiet_night_stalled(st, clock)
        seen: list[int] = []
        answer = st.rt.gateway.client.auth_test

        def auth_test(**kwargs: Any) -> Any:
            seen.append(health(st.rt)[0])
            return answer(**kwargs)

        monkeypatch.setattr(st.rt.gateway.client, "auth_test", auth_test)
        for _ in range(3):
            clock.t += MAX_BACKOFF
            st.deliver()
        assert seen and set(seen) == {200}, seen
        assert health(st.rt)[0] == 200
    finally:
        st.stop()


@pytest.mark.parametrize("fault", [{"status": 429}, {"error": "ratelimited"}])
def test_auth_test_rate_limited_is_slack_answering(tmp_path: Path, org: OrgConfig, fault: dict[str, Any]) -> None:
    """auth.test answered 429 (Slack pacing the app, e.g. with the other replicas' calls) is Slack
    answering this process: it was taken for Slack out of reach, and the quiet night's one
    refused message made the replica 503 as cut off from Slack (slack_delivery)."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        _quiet_night_stalled(st, clock, **fault)
        status, report = health(st.rt)
        assert report["outbox_stalled"] == 1
        assert status == 200 and "slack_delivery" not in report, report
    finally:
        st.stop()


def test_auth_test_refusing_the_token_is_reported_as_the_token(tmp_path: Path, org: OrgConfig) -> None:
    """auth.test answered invalid_auth: Slack answers, and it refuses the token. /healthz said
    'slack_delivery: failing since …' (the network to check) and slack_auth 'ok'."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        _quiet_night_stalled(st, clock, error="invalid_auth")
        status, report = health(st.rt)
        assert status == 503 and report["slack_auth"] == "invalid_auth", report
        assert "slack_delivery" not in report, report
    finally:
        st.stop()


def test_a_thread_parent_refused_for_a_night_is_not_given_up_at_its_first_5xx_once_the_bot_is_invited(
        tmp_path: Path, org: OrgConfig) -> None:
    """A draft's channel post refused (the bot not in the channel) is tried again every PARENT_RETRY
    for PARENT_GIVE_UP: each refusal counted as an attempt, so after a night of them (fifty, about
    eight hours) the first 503 once the bot was invited gave the post up, while other messages went
    out, and the draft never appeared in its channel."""
    from bot.slack_gateway import PARENT_RETRY
    from tests.e2e.test_workflow_drafting import root_message, submit_draft

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", error="not_in_channel", channel="C0INTAKE", times=10_000)
        assert submit_draft(st).status == 200
        for _ in range(MAX_ATTEMPTS + 10):
            st.driver.app_home_opened("U0OPERATOR")  # other messages keep going out meanwhile
            st.deliver()
            clock.t += PARENT_RETRY
        st.slack.clear_faults()  # the bot is invited
        st.slack.inject("chat.postMessage", status=503, channel="C0INTAKE")
        st.driver.app_home_opened("U0OPERATOR")
        st.deliver()
        with st.rt.db.session() as s:
            assert outbox.rows(s, (outbox.FAILED,)) == []
        clock.t += MAX_BACKOFF
        st.deliver()
        assert root_message(st)
    finally:
        st.stop()


@pytest.mark.parametrize("fault, reason", [
    ({"error": "msg_too_long"}, "メッセージが長すぎるため"),
    ({"error": "invalid_blocks"}, "メッセージの形式を Slack が受け付けませんでした"),
    ({"status": 200, "body": "<html>captive portal</html>"}, "何度送っても Slack から正常な応答がありませんでした"),
])
def test_an_approval_request_slack_refuses_for_itself_is_reported(
        tmp_path: Path, org: OrgConfig, fault: dict[str, Any], reason: str) -> None:
    """An approver's DM refused for what it is (msg_too_long, invalid_blocks), or never properly
    answered in MAX_ATTEMPTS tries (a captive proxy's page for that conversation), was given up with
    only a log line: the thread said the approver had been asked, and nobody learnt they were not."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", times=10_000, channel=st.slack.dm_channel(APPROVERS[0]), **fault)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()
        for _ in range(MAX_ATTEMPTS if "body" in fault else 1):
            clock.t += MAX_BACKOFF
            st.driver.app_home_opened("U0OPERATOR")  # other messages go out meanwhile
            st.deliver()
        with st.rt.db.session() as s:
            assert [r.message_key for r in outbox.rows(s, (outbox.FAILED,))] == [f"dm:1:v1:{APPROVERS[0]}"]
        name = org.member(APPROVERS[0]).name  # type: ignore[union-attr]
        reports = [t for t in escalation_texts(st) if name in t and reason in t]
        assert len(reports) == 1, escalation_texts(st)
        assert [m for m in st.slack.messages("C0INTAKE") if m.thread_ts and name in m.text and reason in m.text]
    finally:
        st.stop()


def test_a_message_a_channel_refuses_for_itself_asks_to_tell_those_concerned_not_the_person(
        tmp_path: Path, org: OrgConfig) -> None:
    """The report of a message Slack refused for what it is (607805d) asked the escalation channel
    to tell 「ご本人」 directly, also when the message was for a channel (a check result too long
    for the intake thread), where there is no 本人: those concerned are asked to be told."""
    from datetime import UTC

    from bot.delivery_failures import DeliveryFailureReporter
    from storage.db import Database
    from storage.models import OutboxRow

    db = Database(database_url("sqlite", tmp_path))
    db.upgrade()
    now = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
    reporter = DeliveryFailureReporter(db, org, lambda: now)
    for n, channel in enumerate(["C0INTAKE", APPROVERS[0]]):
        reporter(OutboxRow(id=500 + n, op="post", payload={"channel": channel, "text": "確認結果"}, status=outbox.FAILED,
                           attempts=1, next_attempt_at=now, created_at=now), "msg_too_long")
    try:
        with db.session() as s:
            texts = {(r.message_key or "").split(":")[1]: r.payload["text"] for r in outbox.rows(s, (outbox.PENDING,))}
    finally:
        db.dispose()
    assert "チャンネル <#C0INTAKE> へのメッセージ" in texts["C0INTAKE"]
    assert "関係する方に直接" in texts["C0INTAKE"] and "ご本人" not in texts["C0INTAKE"]
    assert "ご本人に直接" in texts[APPROVERS[0]]


def _thread_replies(st: LocalStack) -> list[Any]:
    with st.rt.db.session() as s:
        return [r for r in outbox.rows(s, (outbox.PENDING, outbox.FAILED)) if r.thread_key]


def test_a_thread_reply_failing_alone_on_a_quiet_night_is_given_up_after_a_day_and_its_thread_released(
        db_url: str, org: OrgConfig, caplog: pytest.LogCaptureFixture) -> None:
    """The intake channel answering 500 for the draft's thread, nothing else to send: the first
    reply's count stopped at OUTAGE_COUNT (it counts on only while other messages go out), so it
    was retried every five minutes for ever, the thread's later replies were never tried and
    nobody was told. Slack answers auth.test all along and no other conversation fails: after
    ALONE_GIVE_UP it is given up and reported in Japanese, and the later replies are tried once
    each, in order, and given up with it."""
    from bot.slack_gateway import ALONE_GIVE_UP, FAILING_ALONE_PREFIX

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=500, times=10**6, channel="C0INTAKE")
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        caplog.set_level(logging.WARNING, logger="bot.slack_gateway")
        st.deliver()
        for a in APPROVERS:  # the DMs went out; from now on nothing else is sent
            assert len(dm(st, a)) == 1
        replies = _thread_replies(st)
        assert len(replies) >= 2 and {r.payload["channel"] for r in replies} == {"C0INTAKE"}
        hours = int(ALONE_GIVE_UP.total_seconds() // 3600)
        for _ in range(hours - 1):
            clock.t += timedelta(hours=1)
            st.deliver()
        assert [r.status for r in _thread_replies(st)] == [outbox.PENDING] * len(replies)  # not a day yet
        assert "failed alone since" in caplog.text  # IT sees it in the log meanwhile
        tried = {c.params.get("text") for c in st.slack.calls_of("chat.postMessage")
                 if c.params.get("channel") == "C0INTAKE"}
        assert len(tried) == 1  # only the first reply, again and again
        for _ in range(len(replies) + 1):
            clock.t += timedelta(hours=1)
            st.deliver()
        after = _thread_replies(st)
        assert [r.status for r in after] == [outbox.FAILED] * len(replies)
        assert all((r.last_error or "").startswith(FAILING_ALONE_PREFIX) for r in after)
        tried = {c.params.get("text") for c in st.slack.calls_of("chat.postMessage")
                 if c.params.get("channel") == "C0INTAKE"}
        assert len(tried) == len(replies)  # each later reply was tried before it was given up
        reports = [t for t in escalation_texts(st) if "<#C0INTAKE>" in t]
        assert len(reports) == 1 and "この宛先へのメッセージだけが Slack に受け付けられませんでした" in reports[0], \
            escalation_texts(st)
        status, report = health(st.rt)
        assert status == 200 and "outbox_stalled" not in report, report
    finally:
        st.stop()


def test_a_dm_failing_alone_is_given_up_after_a_day_of_its_own_not_counting_an_outage(
        tmp_path: Path, org: OrgConfig) -> None:
    """A lone approval DM Slack answers 500 for ever behaves the same, and is reported in the
    draft's thread too. A Slack outage in the middle of its day (auth.test failing too) says
    nothing about the message: its day starts again once Slack answers."""
    from bot.slack_gateway import ALONE_GIVE_UP

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        dm_channel = st.slack.dm_channel(APPROVERS[0])
        st.slack.inject("chat.postMessage", status=500, times=10**6, channel=dm_channel)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()
        hours = int(ALONE_GIVE_UP.total_seconds() // 3600)
        for _ in range(hours - 4):
            clock.t += timedelta(hours=1)
            st.deliver()
        st.slack.inject("*", status=502, body="<html>Bad Gateway</html>", times=10**6)  # Slack down for 10 hours
        for _ in range(10):
            clock.t += timedelta(hours=1)
            st.deliver()
        st.slack.clear_faults()  # Slack is back; the one conversation still fails
        st.slack.inject("chat.postMessage", status=500, times=10**6, channel=dm_channel)
        for _ in range(hours):
            clock.t += timedelta(hours=1)
            st.deliver()
        with st.rt.db.session() as s:  # not a day alone since Slack answered auth.test again (its next retry)
            assert outbox.rows(s, (outbox.FAILED,)) == []
        for _ in range(2):
            clock.t += timedelta(hours=1)
            st.deliver()
        with st.rt.db.session() as s:
            assert [r.message_key for r in outbox.rows(s, (outbox.FAILED,))] == [f"dm:1:v1:{APPROVERS[0]}"]
        st.deliver()  # the reports written with the failure
        name = org.member(APPROVERS[0]).name  # type: ignore[union-attr]
        assert [t for t in escalation_texts(st) if name in t and "この宛先へのメッセージだけ" in t]
        assert [m for m in st.slack.messages("C0INTAKE") if m.thread_ts and name in m.text]
    finally:
        st.stop()


@pytest.mark.parametrize("down", ["chat.postMessage", "*"])
def test_messages_wait_out_a_slack_outage_of_more_than_a_day(tmp_path: Path, org: OrgConfig, down: str) -> None:
    """Every conversation failing (auth.test answering or not) is an outage, however long: no
    message is given up for failing alone."""
    from bot.slack_gateway import ALONE_GIVE_UP

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=503, times=10**6)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.slack.inject(down, status=503, times=10**6)
        for _ in range(int(ALONE_GIVE_UP.total_seconds() // 3600) + 6):
            st.deliver()
            clock.t += timedelta(hours=1)
        with st.rt.db.session() as s:
            assert outbox.rows(s, (outbox.FAILED,)) == []
        st.slack.clear_faults()
        st.deliver()
        for a in APPROVERS:
            assert len(dm(st, a)) == 1
    finally:
        st.stop()


def test_a_draft_post_failing_alone_is_given_up_after_a_day_and_its_replies_go_to_the_author(
        tmp_path: Path, org: OrgConfig) -> None:
    """A modal draft's post in its intake channel answered 500 for ever, nothing else to send:
    its replies (check result, 決裁待ち) were held for it for ever. Given up after a day alone, it
    is handled as a refused post: the author gets the replies by DM, IT is told why."""
    from bot.slack_gateway import ALONE_GIVE_UP
    from tests.e2e.test_workflow_drafting import submit_draft

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=500, times=10**6, channel="C0INTAKE")
        assert submit_draft(st).status == 200
        st.deliver()
        for _ in range(int(ALONE_GIVE_UP.total_seconds() // 3600) + 2):
            clock.t += timedelta(hours=1)
            st.deliver()
        with st.rt.db.session() as s:
            assert [r.message_key for r in outbox.rows(s, (outbox.FAILED,))] == ["draft:1:root"]
            assert outbox.held(s, clock.t)[0] == 0
        author = [m.text for m in st.slack.messages(st.slack.dm_channel("U0OPERATOR"))]
        notice = next(t for t in author if "受付チャンネル <#C0INTAKE> に投稿できませんでした" in t)
        assert "投稿されるまでの間" not in notice, notice  # it is not posted again: no promise of a post
        assert "このダイレクトメッセージでお知らせします" in notice, notice
        assert len(author) >= 3  # the notice, then the thread's replies
        reports = [t for t in escalation_texts(st) if "<#C0INTAKE>" in t]
        assert any("この宛先へのメッセージだけが Slack に受け付けられませんでした" in t and "正常な応答がないため" in t
                   for t in reports), reports
    finally:
        st.stop()


def _first_reply_given_up_after_failing_alone(st: LocalStack, clock: SteppedClock) -> list[OutboxRow]:
    """The intake channel answers 500 to every post: a clean draft is approved, and the replies in
    its thread wait until the first is given up for failing alone (ALONE_GIVE_UP, hour by hour).
    The replies, in the order written."""
    from bot.slack_gateway import ALONE_GIVE_UP

    st.slack.inject("chat.postMessage", status=500, times=10**6, channel="C0INTAKE")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    st.deliver()
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    st.deliver()
    waiting = [r for r in _thread_replies(st) if r.op == "post"]
    assert len(waiting) >= 3, waiting  # check result, 決裁待ち, the decision
    for _ in range(int(ALONE_GIVE_UP.total_seconds() // 3600) + 1):
        clock.t += timedelta(hours=1)
        st.deliver()
        with st.rt.db.session() as s:
            if outbox.rows(s, (outbox.FAILED,)):
                break
    return waiting


def test_a_thread_that_works_again_after_a_reply_was_given_up_gives_its_later_replies_their_own_day(
        db_url: str, org: OrgConfig) -> None:
    """The first reply failed alone for a day and was given up; the intake channel then took the
    next reply. The reply after that was still marked as failing since the day before, and one
    passing 500 from a channel that demonstrably works again gave it up at its first failure,
    although the retry a minute later would have gone out."""
    from bot.slack_gateway import FAILING_ALONE_PREFIX

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        waiting = _first_reply_given_up_after_failing_alone(st, clock)
        with st.rt.db.session() as s:
            assert [r.id for r in outbox.rows(s, (outbox.FAILED,))] == [waiting[0].id]
        st.slack.clear_faults()  # the channel works again: the next reply goes out...
        st.slack.inject("chat.postMessage", status=200, delay=0.01, channel="C0INTAKE")
        st.slack.inject("chat.postMessage", status=500, channel="C0INTAKE")  # ...and the one after meets a 500
        st.deliver()
        clock.t += MAX_BACKOFF
        st.deliver()
        with st.rt.db.session() as s:
            failed = outbox.rows(s, (outbox.FAILED,))
        assert [r.id for r in failed] == [waiting[0].id]
        assert (failed[0].last_error or "").startswith(FAILING_ALONE_PREFIX)
        with st.rt.db.session() as s:
            sent = {r.id for r in outbox.rows(s, (outbox.SENT,))}
        assert {r.id for r in waiting[1:]} <= sent
    finally:
        st.stop()


def test_a_reply_refused_outright_after_its_thread_was_released_passes_the_release_on(
        db_url: str, org: OrgConfig) -> None:
    """The first reply failed alone for a day and was given up; the next one, tried once more as
    the thread was released, was refused outright (msg_too_long) while the channel still answered
    500. The reply after it was then judged afresh and waited a day of its own behind a channel
    known to fail: a refusal is not the message going through, so the release goes on to it."""
    from bot.slack_gateway import FAILING_ALONE_PREFIX

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        waiting = _first_reply_given_up_after_failing_alone(st, clock)
        st.slack.clear_faults()
        st.slack.inject("chat.postMessage", error="msg_too_long", channel="C0INTAKE")
        st.slack.inject("chat.postMessage", status=500, times=10**6, channel="C0INTAKE")
        for _ in range(3):
            st.deliver()
            clock.t += MAX_BACKOFF
        with st.rt.db.session() as s:
            failed = {r.id: r.last_error or "" for r in outbox.rows(s, (outbox.FAILED,))}
        assert failed.get(waiting[1].id) == "msg_too_long", failed
        assert failed.get(waiting[2].id, "").startswith(FAILING_ALONE_PREFIX), failed
    finally:
        st.stop()


def test_a_message_failing_alone_is_not_given_up_on_old_news_after_the_process_was_paused(
        tmp_path: Path, org: OrgConfig) -> None:
    """A reply failing alone for a few hours, then the process paused for most of a day (a VM
    suspended, the clock stepped forward) and Slack down when it resumes. The first attempt after
    the pause took auth.test's answer of the day before and the empty day as a day of failing
    alone, and gave the reply up in the middle of the outage. The unobserved time does not count,
    and an attempt that comes late says nothing until Slack is asked again."""
    from bot.slack_gateway import ALONE_GIVE_UP

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=500, times=10**6, channel="C0INTAKE")
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()
        for _ in range(3):
            clock.t += timedelta(hours=1)
            st.deliver()
        clock.t += ALONE_GIVE_UP - timedelta(hours=2)  # paused: no attempt, nothing learnt
        st.slack.inject("*", status=503, times=10**6)  # and Slack is down as it resumes
        for _ in range(3):
            st.deliver()
            clock.t += MAX_BACKOFF
        with st.rt.db.session() as s:
            assert outbox.rows(s, (outbox.FAILED,)) == []
        st.slack.clear_faults()  # Slack is back; the channel still fails: a day of its own from now
        st.slack.inject("chat.postMessage", status=500, times=10**6, channel="C0INTAKE")
        for _ in range(int(ALONE_GIVE_UP.total_seconds() // 3600) - 1):
            clock.t += timedelta(hours=1)
            st.deliver()
        with st.rt.db.session() as s:
            assert outbox.rows(s, (outbox.FAILED,)) == []
        for _ in range(3):
            clock.t += timedelta(hours=1)
            st.deliver()
        with st.rt.db.session() as s:
            assert outbox.rows(s, (outbox.FAILED,))
    finally:
        st.stop()


def test_the_copies_of_a_message_the_escalation_channel_refused_start_their_own_day(
        tmp_path: Path, org: OrgConfig) -> None:
    """A reminder had failed alone in the escalation channel for twenty hours when the channel was
    archived. Its copies to each member's DM took that mark along (it was kept in the payload), so
    a DM that failed alone once a few hours later was given up at once, as if it had been failing
    for a day: each copy is a new message to a new conversation."""
    from datetime import UTC

    from bot.delivery_failures import DeliveryFailureReporter
    from storage.db import Database
    from storage.models import OutboxRow

    db = Database(database_url("sqlite", tmp_path))
    db.upgrade()
    now = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
    reporter = DeliveryFailureReporter(db, org, lambda: now)
    channel = org.policy.escalation_channel
    assert channel
    reporter(OutboxRow(id=700, op="post", payload={"channel": channel, "text": "決裁の督促です。"},
                       failing_alone_since=now - timedelta(hours=20),
                       status=outbox.FAILED, attempts=5, next_attempt_at=now, created_at=now), "is_archived")
    try:
        with db.session() as s:
            copies = [r for r in outbox.rows(s, (outbox.PENDING,)) if r.payload.get("text") == "決裁の督促です。"]
    finally:
        db.dispose()
    assert copies and all(r.failing_alone_since is None for r in copies), copies
    assert all(not k.startswith("_failing") for r in copies for k in r.payload), copies


def test_a_draft_post_never_properly_answered_is_reported_as_such_not_as_refused_content(
        tmp_path: Path, org: OrgConfig) -> None:
    """A modal draft's post answered with a proxy's page MAX_ATTEMPTS times while other messages
    went out was given up and reported with its log text as 「Slack のエラー「unreadable answer
    (HTTP 200)」」 to its author, and to IT as 「Slack が受け付けない内容だったため」, which it was
    not: both say Slack never answered properly, as the report of an approver's DM does."""
    from tests.e2e.test_workflow_drafting import submit_draft

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=200, body="<html>captive portal</html>", times=10**6,
                        channel="C0INTAKE")
        assert submit_draft(st).status == 200
        st.deliver()
        for _ in range(MAX_ATTEMPTS):
            clock.t += MAX_BACKOFF
            st.driver.app_home_opened("U0OPERATOR")  # other messages go out meanwhile
            st.deliver()
        with st.rt.db.session() as s:
            assert [r.message_key for r in outbox.rows(s, (outbox.FAILED,))] == ["draft:1:root"]
        [report] = [t for t in escalation_texts(st) if "<#C0INTAKE>" in t]
        assert "何度送っても Slack から正常な応答がありませんでした" in report, report
        assert "正常な応答がないため" in report and "受け付けない内容" not in report, report
        # The log is the IT 担当's: the staff in the channel are not sent to it without a word.
        assert "IT 担当の方は、ログの `outbox` の行で詳細を確認できます。" in report, report
        author = [m.text for m in st.slack.messages(st.slack.dm_channel("U0OPERATOR"))]
        [notice] = [t for t in author if "投稿できませんでした" in t]
        assert "何度送っても Slack から正常な応答がありませんでした" in notice and "Slack のエラー" not in notice, notice
    finally:
        st.stop()


def test_an_answer_cut_short_is_a_network_error_retried_not_an_unexpected_answer(
        fast_stack: LocalStack, caplog: pytest.LogCaptureFixture) -> None:
    """Slack's answer breaking off part-way (http.client.IncompleteRead: the connection closed
    before the length it promised) was logged as 「unexpected answer from Slack」, the line kept for
    answers of a shape Slack does not send, and recorded so. It is a network error, retried as
    such; a post Slack made before the answer broke off is found, not posted twice."""
    st = fast_stack
    st.slack.inject("chat.postMessage", cut_short=True, applied=True, channel=st.slack.dm_channel("U0MANAGER"))
    st.slack.inject("chat.postMessage", cut_short=True, channel=st.slack.dm_channel("U0CHIEF"))
    with caplog.at_level(logging.WARNING, logger="bot.slack_gateway"):
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        each_approver_asked_once(st)
    assert "unexpected answer" not in caplog.text
    assert "IncompleteRead" in caplog.text and "network" in caplog.text


def test_the_escalation_channel_failing_alone_is_told_to_its_people_not_to_itself(
        tmp_path: Path, org: OrgConfig) -> None:
    """A reminder to the escalation channel failed alone for a day (the channel answering 5xx while
    everything else went out) and was given up: its report went to the escalation channel, which
    failed it in turn, and only a log line ever said so. The channel's people get the notice and
    the message by DM, as when the channel is archived."""
    from datetime import UTC

    from bot.delivery_failures import DeliveryFailureReporter
    from bot.incidents import escalation_people
    from bot.slack_gateway import FAILING_ALONE
    from storage.db import Database
    from storage.models import OutboxRow

    db = Database(database_url("sqlite", tmp_path))
    db.upgrade()
    now = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
    reporter = DeliveryFailureReporter(db, org, lambda: now)
    channel = org.policy.escalation_channel
    assert channel
    reporter(OutboxRow(id=701, op="post", payload={"channel": channel, "text": "決裁の督促です。"},
                       failing_alone_since=now - timedelta(hours=24), status=outbox.FAILED, attempts=40,
                       next_attempt_at=now, created_at=now - timedelta(hours=25)), FAILING_ALONE)
    try:
        with db.session() as s:
            waiting = [r.payload for r in outbox.rows(s, (outbox.PENDING,))]
    finally:
        db.dispose()
    assert not [p for p in waiting if p.get("channel") == channel], waiting
    people = escalation_people(org)
    assert people
    for person in people:
        texts = [str(p.get("text")) for p in waiting if p.get("channel") == person]
        assert "決裁の督促です。" in texts, waiting
        assert any(f"<#{channel}>" in t and "24 時間以上" in t for t in texts), texts


def test_a_post_cut_short_is_not_posted_twice_when_the_look_up_for_it_is_cut_short_too(
        fast_stack: LocalStack) -> None:
    """The approver's DM was posted but its answer broke off (IncompleteRead); the retry looks for
    it first, and that look-up broke off too. It was taken for 'cannot tell' and the DM was posted
    again: the approver had two requests. Not knowing for want of an answer is not knowing that it
    is absent; the attempt is retried (the look-up first) instead."""
    st = fast_stack
    manager = st.slack.dm_channel("U0MANAGER")
    st.slack.inject("chat.postMessage", cut_short=True, applied=True, channel=manager)
    st.slack.inject("conversations.history", cut_short=True, channel=manager)
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    each_approver_asked_once(st)


def test_the_escalation_channel_given_up_after_its_attempts_is_told_to_its_people_not_to_itself(
        tmp_path: Path, org: OrgConfig) -> None:
    """The escalation channel answered 500 while everything else went out (a working day): its
    message was given up after MAX_ATTEMPTS (about four hours, well before ALONE_GIVE_UP), with
    「Slack answered 500」 rather than failing_alone. That reason went the ordinary way, a report to
    the escalation channel itself, which failed in turn; the report's own failure was only logged.
    Its people get the notice and the message by DM, as for a channel failing alone."""
    from bot.incidents import escalation_people

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=500, times=10**6, channel="C0ESCALATE")
        # An approver's DM refused for what it is: its report goes to the escalation channel.
        st.slack.inject("chat.postMessage", error="msg_too_long", channel=st.slack.dm_channel(APPROVERS[0]))
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()
        for _ in range(MAX_ATTEMPTS + 5):
            clock.t += MAX_BACKOFF
            st.driver.app_home_opened("U0OPERATOR")  # other messages go out meanwhile
            st.deliver()
        with st.rt.db.session() as s:
            given_up = [r for r in outbox.rows(s, (outbox.FAILED,)) if r.payload.get("channel") == "C0ESCALATE"]
        assert given_up, "the escalation channel's message was not given up"
        name = org.member(APPROVERS[0]).name  # type: ignore[union-attr]
        for person in escalation_people(org):
            texts = [m.text for m in dm(st, person)]
            assert any("<#C0ESCALATE>" in t for t in texts), (person, texts)
            assert any(name in t and "メッセージが長すぎるため" in t for t in texts), (person, texts)
    finally:
        st.stop()


def test_kessai_remind_links_the_channel_when_the_workspace_url_answer_broke_off() -> None:
    """`kessai remind` (cron) asks auth.test for the workspace URL, to link reminders to their
    threads; without it they link the channel. An answer broken off part-way (IncompleteRead, not
    an OSError) escaped that fallback and ended the run: nobody was reminded."""
    from types import SimpleNamespace

    from bot.remind_cli import workspace_url
    from bot.sandbox.server import DEFAULT_TOKEN

    slack = LocalSlack().start()
    try:
        slack.inject("auth.test", cut_short=True)
        assert workspace_url(SimpleNamespace(slack_bot_token=DEFAULT_TOKEN, slack_api_url=slack.api_url)) is None
    finally:
        slack.stop()


def test_kessai_remind_links_the_channel_when_the_workspace_url_answer_trickles_in() -> None:
    """An auth.test answer coming a byte at a time (a broken proxy): `kessai remind` asked it with
    slack_sdk's client, whose timeout bounds each read, and the cron run (every reminder behind it)
    waited as long as it dripped. Cut off at the timeout, the reminders link the channel."""
    from types import SimpleNamespace

    from bot.remind_cli import workspace_url
    from bot.sandbox.server import DEFAULT_TOKEN

    slack = LocalSlack().start()
    try:
        # Whole after several seconds, each byte well within the timeout (nothing here is timed).
        slack.inject("auth.test", drip=0.03)
        settings = SimpleNamespace(slack_bot_token=DEFAULT_TOKEN, slack_api_url=slack.api_url)
        assert workspace_url(settings, timeout=1.0) is None
    finally:
        slack.stop()


def test_a_deactivated_or_unknown_escalation_member_is_reported_once_at_start_up(tmp_path: Path, org: OrgConfig) -> None:
    """An escalation member Slack has deactivated (退職) or never knew (a mistyped ID) stays in the
    roster: the incident re-alerts mention them in the escalation channel, which fails nothing, so
    nobody was ever told that one of the people counted on for a 炎上 would not see it. The start-up
    check says so once a day, naming what to fix in the organisation file; a restart or a second
    replica says nothing more."""
    from bot.delivery_failures import DeliveryFailureReporter

    users = slack_users(org)
    users["U0CHIEF"] = {**users["U0CHIEF"], "deleted": True}
    del users["U0JOHO"]
    slack = LocalSlack(users=users).start()
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING), slack=slack)
    try:
        for _ in range(2):  # a restart, or two replicas starting
            found = DeliveryFailureReporter(st.rt.db, st.rt.org, st.rt.kessai.clock).check_escalation_members(st.rt.client)
            assert sorted(found) == [("U0CHIEF", "user_disabled"), ("U0JOHO", "user_not_found")]
        st.rt.gateway.kick()
        settle(st)
        [report] = escalation_texts(st)
        assert "春日山 一郎 さん（U0CHIEF、上越市公式X（joetsu-x）の approvers・広報対話課の課長）" in report
        assert "停止" in report and "木田 四郎 さん（U0JOHO、情報政策室の課長）" in report
        assert "見つかりません" in report and "approvers・deputies" in report and "再起動" in report
        assert "U0MANAGER" not in report
    finally:
        st.stop()
@pytest.mark.parametrize("error", ["fatal_error", "internal_error", "service_unavailable", "request_timeout"])
def test_slacks_own_trouble_answered_as_ok_false_is_retried_not_given_up(
        fast_stack: LocalStack, error: str) -> None:
    """Slack can answer HTTP 200 with ok:false for trouble on its side; for fatal_error and
    internal_error its documentation adds that part of the call may have been made. Such a post
    was given up at once (the approver never asked, the escalation channel told it failed)."""
    st = fast_stack
    st.slack.inject("chat.postMessage", error=error, applied=True, channel=st.slack.dm_channel("U0MANAGER"))
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    each_approver_asked_once(st)
    with st.rt.db.session() as s:
        assert not outbox.rows(s, statuses=[outbox.FAILED])


@pytest.mark.parametrize("error", sorted(SLACK_SIDE_ERRORS))
def test_slack_answering_its_own_trouble_to_everything_is_slack_failing_not_answering(
        tmp_path: Path, org: OrgConfig, error: str) -> None:
    """In an incident Slack answers every call, auth.test too, with HTTP 200 and its own trouble
    (service_unavailable…): the messages wait as for a 5xx, and auth.test's answer is no more
    Slack answering this process than a 503 is. It was: /healthz stayed 200, however long nothing
    went out, and a lone message's day of failing alone ran on through the incident."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.slack.inject("*", error=error, times=10**6)
        for _ in range(4):
            st.deliver()
            clock.t += MAX_BACKOFF
        st.deliver()
        status, report = health(st.rt)
        assert status == 503 and report["slack_delivery"].startswith("failing since "), report
        with st.rt.db.session() as s:
            assert not outbox.rows(s, statuses=[outbox.FAILED])
    finally:
        st.stop()


def test_another_conversation_failing_for_a_while_pauses_a_lone_failures_day_not_restarts_it(
        tmp_path: Path, org: OrgConfig) -> None:
    """A DM failing alone for 20 hours; then the escalation channel fails too for two hours (its
    own trouble) and recovers. Those two hours say nothing either way about the DM, but they
    started its day again: it was given up (and someone told) after 45 hours instead of 26, and
    two conversations failing on and off restarted each other's day for ever."""
    from bot.slack_gateway import ALONE_GIVE_UP

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        dm_channel = st.slack.dm_channel(APPROVERS[0])
        st.slack.inject("chat.postMessage", status=500, times=10**6, channel=dm_channel)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()
        for _ in range(20):
            clock.t += timedelta(hours=1)
            st.deliver()
        st.slack.inject("chat.postMessage", status=500, times=10**6, channel="C0ESCALATE")
        with st.rt.db.session() as s:
            outbox.enqueue(s, "post", {"channel": "C0ESCALATE", "text": "お知らせ"}, now=clock())
        for _ in range(2):
            clock.t += timedelta(hours=1)
            st.deliver()
        st.slack.clear_faults()  # the escalation channel works again; the DM still fails
        st.slack.inject("chat.postMessage", status=500, times=10**6, channel=dm_channel)
        hours = int(ALONE_GIVE_UP.total_seconds() // 3600)
        for _ in range(hours - 20 + 4):  # its own day, the two hours paused, and a little more
            clock.t += timedelta(hours=1)
            st.deliver()
        with st.rt.db.session() as s:
            assert [r.message_key for r in outbox.rows(s, (outbox.FAILED,))] == [f"dm:1:v1:{APPROVERS[0]}"]
        assert "お知らせ" in escalation_texts(st)
    finally:
        st.stop()


def test_a_channel_that_refused_the_bot_gives_its_later_replies_their_own_day_once_it_is_invited(
        tmp_path: Path, org: OrgConfig) -> None:
    """The first reply failed alone for a day and was given up; the next, tried once more, was
    refused not_in_channel (someone removed the bot meanwhile). Slack answered for the channel
    with what is wrong, not for want of an answer: once the bot is invited, the reply after it
    is judged on its own. It inherited the day-old mark and was given up at its first passing 500."""
    from bot.slack_gateway import FAILING_ALONE_PREFIX

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        waiting = _first_reply_given_up_after_failing_alone(st, clock)
        st.slack.clear_faults()
        st.slack.inject("chat.postMessage", error="not_in_channel", channel="C0INTAKE")
        st.slack.inject("chat.postMessage", status=500, channel="C0INTAKE")  # once, after the invite
        for _ in range(4):
            st.deliver()
            clock.t += MAX_BACKOFF
        with st.rt.db.session() as s:
            failed = {r.id: r.last_error or "" for r in outbox.rows(s, (outbox.FAILED,))}
        assert failed.get(waiting[0].id, "").startswith(FAILING_ALONE_PREFIX), failed
        assert failed.get(waiting[1].id) == "not_in_channel", failed
        assert waiting[2].id not in failed, failed
        assert not st.slack.pending_faults()
    finally:
        st.stop()


def test_escalation_members_found_before_slack_broke_off_are_still_reported(tmp_path: Path, org: OrgConfig) -> None:
    """The start-up check stops at the first call Slack does not answer (no point waiting out a
    timeout per person), but a member already found deactivated before it was neither logged nor
    told to the escalation channel: the check returned what it had found and said nothing."""
    from bot.delivery_failures import DeliveryFailureReporter

    users = slack_users(org)
    users["U0CHIEF"] = {**users["U0CHIEF"], "deleted": True}
    slack = LocalSlack(users=users).start()
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING), slack=slack)
    try:
        # Checked in the order of the roster: U0MANAGER, U0CHIEF, U0DEPUTY, U0JOHO.
        slack.inject("users.info", channel="U0DEPUTY", cut_short=True)
        found = DeliveryFailureReporter(st.rt.db, st.rt.org, st.rt.kessai.clock).check_escalation_members(st.rt.client)
        assert found == [("U0CHIEF", "user_disabled")]
        assert [c.params.get("user") for c in slack.calls_of("users.info")][-1] == "U0DEPUTY"  # and no further
        st.rt.gateway.kick()
        settle(st)
        [report] = escalation_texts(st)
        assert "春日山 一郎 さん（U0CHIEF" in report
    finally:
        st.stop()


def test_an_escalation_member_deactivated_while_kessai_runs_is_reported_by_the_days_sweep(
        tmp_path: Path, org: OrgConfig) -> None:
    """課長 U0CHIEF leaves (Slack deactivates the account) while kessai keeps running: the start-up
    check had found everyone, and nothing else asked again until the next restart, weeks later,
    while every incident re-alert mentioned him in vain. The sweep asks Slack once a business
    day; with two replicas sweeping, one of them asks, once; outside business hours nobody does."""
    from bot.sweep import Sweeper

    users = slack_users(org)
    users["U0CHIEF"] = {**users["U0CHIEF"], "deleted": True}
    slack = LocalSlack(users=users).start()
    clock = SteppedClock(datetime(2026, 11, 24, 7, 0, tzinfo=BUSINESS_MORNING.tzinfo))
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, slack=slack)
    try:
        replicas = [Sweeper(st.rt.kessai, slack=st.rt.client) for _ in range(2)]
        for sweeper in replicas:
            sweeper.sweep(clock())
        assert all(sw.member_check is None for sw in replicas) and not slack.calls_of("users.info")
        clock.t = BUSINESS_MORNING
        for _ in range(2):
            for sweeper in replicas:
                sweeper.sweep(clock())
            clock.t += timedelta(minutes=1)
        [check] = [sw.member_check for sw in replicas if sw.member_check is not None]
        check.join(30)
        assert not check.is_alive()
        assert sorted(c.params.get("user") for c in slack.calls_of("users.info")) == [
            "U0CHIEF", "U0DEPUTY", "U0JOHO", "U0MANAGER"]
        settle(st)
        [report] = escalation_texts(st)
        assert "春日山 一郎 さん（U0CHIEF、上越市公式X（joetsu-x）の approvers・広報対話課の課長）" in report
        assert "停止" in report
    finally:
        st.stop()


def test_the_days_escalation_member_check_stops_at_the_first_call_slack_does_not_answer(
        tmp_path: Path, org: OrgConfig) -> None:
    """Slack does not answer the first users.info: the look-up stops there, as at start-up (no
    timeout waited out per person), the sweep's own work is done all the same, and the day stays
    claimed (no replica asks again every minute while Slack is in trouble)."""
    from bot.sweep import Sweeper

    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING))
    try:
        st.slack.inject("users.info", cut_short=True)
        sweeper = Sweeper(st.rt.kessai, slack=st.rt.client)
        sweeper.sweep(st.rt.kessai.clock())
        check = sweeper.member_check
        assert check is not None
        check.join(30)
        assert not check.is_alive()
        assert len(st.slack.calls_of("users.info")) == 1
        sweeper.sweep(st.rt.kessai.clock())
        assert sweeper.member_check is check and len(st.slack.calls_of("users.info")) == 1
        settle(st)
        assert not escalation_texts(st)
    finally:
        st.stop()


def test_a_start_on_a_business_day_looks_the_escalation_members_up_once(tmp_path: Path, org: OrgConfig) -> None:
    """kessai serve started on a business morning: its start-up check and its first sweep (the
    day's check) each asked Slack about every escalation member, and logged each one it refused twice."""
    import threading

    from bot.serve import check_intake_channels_in_background, start_sweeping
    from bot.sweep import Sweeper
    from storage import reminders
    from storage.models import ReminderRow

    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING))
    try:
        scheduler = start_sweeping(st.rt)
        try:
            def swept() -> bool:
                with st.rt.db.session() as s:
                    return s.get(ReminderRow, reminders.IN_USE_KEY) is not None
            st.slack.wait_for(swept, timeout=30, message="the first sweep")
        finally:
            scheduler.shutdown(wait=True)
        check_intake_channels_in_background(st.rt).join(60)
        for thread in threading.enumerate():
            if thread.name == "kessai-escalation-members":
                thread.join(60)
        assert sorted(c.params.get("user") for c in st.slack.calls_of("users.info")) == [
            "U0CHIEF", "U0DEPUTY", "U0JOHO", "U0MANAGER"]
        # The day is taken: a later sweep (this replica's or another's) does not ask again.
        sweeper = Sweeper(st.rt.kessai, slack=st.rt.client)
        sweeper.sweep(st.rt.kessai.clock())
        assert sweeper.member_check is None
    finally:
        st.stop()


def test_a_reply_through_a_response_url_is_not_held_for_a_refused_token(tmp_path: Path, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """A response_url takes no token: while the refused token holds the other messages, the reply
    to someone who clicked still goes (it was sent before the hold, and a response_url lasts only
    30 minutes: held longer, the reply was lost)."""
    from bot.slack_gateway import SlackGateway
    from bot.slack_http import KeepAliveWebClient
    from storage.db import Database
    from tests.time.conftest import Clock

    now = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
    clock = Clock(now)
    db = Database(database_url("sqlite", tmp_path))
    db.upgrade()
    # (Stopped on every path: a gateway left running kept its connection to this Slack, stopped,
    # open in CLOSE_WAIT for the rest of the run.)
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url), clock=clock))
        try:
            with db.session() as s:
                outbox.enqueue(s, "post", {"channel": "C0INTAKE", "text": "お知らせ"}, now=now)
            for method in ("chat.postMessage", "auth.test"):
                slack.inject(method, error="token_revoked", times=10_000)
            gateway.deliver_due()
            assert gateway.auth_error == "token_revoked"  # held
            url = slack.new_response_url(channel="C0INTAKE", user="U0OPERATOR")
            with db.session() as s:
                outbox.enqueue(s, "respond", {"response_url": url, "body": {
                    "response_type": "ephemeral", "replace_original": False, "text": "受け付けました"}}, now=now)
            clock.t = now + timedelta(seconds=5)
            gateway.deliver_due()
            assert [e.text for e in slack.ephemerals("U0OPERATOR")] == ["受け付けました"]
            with db.session() as s:
                post = next(r for r in outbox.rows(s, statuses=[outbox.PENDING, outbox.SENT, outbox.FAILED])
                            if r.op == "post")
                assert post.status == outbox.PENDING  # still held, not failed
        finally:
            gateway.stop()
            db.dispose()



def a_dm_failing_alone_through_a_refused_token(st: LocalStack, clock: SteppedClock, alone: int,
                                               refused: timedelta, rate_limited_first: bool) -> str:
    """A DM failing alone (500) for ``alone`` hours; then Slack refuses the bot token for ``refused``
    (messages wait, auth.test asked once an interval); then a new token, the DM still failing on its
    own (its first attempt rate limited first, if so said), through three more retries. The DM's
    channel; the DM is not given up by then."""
    from bot.slack_gateway import TOKEN_ASK_EVERY

    dm_channel = st.slack.dm_channel(APPROVERS[0])
    st.slack.inject("chat.postMessage", status=500, times=10**6, channel=dm_channel)
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    st.deliver()
    for _ in range(alone):
        clock.t += timedelta(hours=1)
        st.deliver()
    st.slack.clear_faults()
    st.slack.inject("*", error="token_revoked", times=10**6)  # the token revoked
    clock.t += timedelta(minutes=30)
    st.deliver()  # the DM's retry is refused: the messages wait for a new token
    clock.t += refused
    st.deliver()  # auth.test: still refused
    assert health(st.rt)[1]["slack_auth"] == "token_revoked"
    st.slack.clear_faults()  # a new token; the DM still fails on its own
    if rate_limited_first:  # every message held for the token is due at once: the backlog meets the limit
        st.slack.inject("chat.postMessage", status=429, retry_after=1, times=1, channel=dm_channel)
    st.slack.inject("chat.postMessage", status=500, times=10**6, channel=dm_channel)
    clock.t += TOKEN_ASK_EVERY
    st.deliver()
    assert health(st.rt)[1]["slack_auth"] == "ok"
    for _ in range(3):  # its next retries, Slack answering auth.test meanwhile
        clock.t += MAX_BACKOFF
        st.deliver()
    assert st.slack.calls_of("chat.postMessage", ok=False)[-1].params.get("channel") == dm_channel
    with st.rt.db.session() as s:
        assert outbox.rows(s, (outbox.FAILED,)) == []  # the refused time not counted as failing alone
    return dm_channel


@pytest.mark.parametrize("refused", [timedelta(hours=10), timedelta(minutes=50)])
def test_a_refused_token_pauses_a_lone_failures_day_not_counts_toward_it(
        tmp_path: Path, org: OrgConfig, refused: timedelta) -> None:
    """A DM failing alone for 23 hours; then Slack refuses the bot token (messages wait, auth.test
    asked once an interval) until IT installs a new one. That time says nothing about the DM, but
    it counted: once the token worked (the held rows made due at once, so the long-gap guard saw
    no gap) the DM was given up at its first 500. The refused time is paused, as an outage of
    another conversation's is: the DM gets the hour it had left, and is given up after it."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        a_dm_failing_alone_through_a_refused_token(st, clock, 23, refused, rate_limited_first=False)
        for _ in range(3):  # the hour it had left runs out
            clock.t += timedelta(hours=1)
            st.deliver()
        with st.rt.db.session() as s:
            assert [r.message_key for r in outbox.rows(s, (outbox.FAILED,))] == [f"dm:1:v1:{APPROVERS[0]}"]
    finally:
        st.stop()


def test_a_rate_limit_right_after_a_refused_token_still_pauses_a_lone_failures_day(
        tmp_path: Path, org: OrgConfig) -> None:
    """As above, but the DM's first attempt once the token works meets a 429 (every message held
    for the token is made due at once, and the backlog meets the rate limit). That attempt left
    "rate limited" as the row's last error, the refusal's hours were no longer seen, and the DM
    was given up at the 500 after it: the ten hours of refused token counted as failing alone."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:  # about 20 hours alone, not 30
        a_dm_failing_alone_through_a_refused_token(st, clock, 20, timedelta(hours=10), rate_limited_first=True)
    finally:
        st.stop()


def test_a_reply_through_a_response_url_ends_within_the_clients_timeout(tmp_path: Path, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """A response_url was posted to with urlopen's own 10 s, a read at a time, whatever the client's
    timeout, which is what the claim on the row was checked for: a slow answer (or a DNS look-up, a
    connection, a tunnel that does not end) outlasted the claim, and another delivery could send
    the reply again meanwhile. It is cut off at the client's timeout as a Web API call is, and
    tried again later."""
    from bot.slack_gateway import SlackGateway
    from bot.slack_http import KeepAliveWebClient
    from storage.db import Database
    from tests.time.conftest import Clock

    now = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
    db = Database(database_url("sqlite", tmp_path))
    db.upgrade()
    with LocalSlack() as slack:
        gateway = stopped_after(SlackGateway(db, KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=1),
                               clock=Clock(now)))
        url = slack.new_response_url(channel="C0INTAKE", user="U0OPERATOR")
        with db.session() as s:
            outbox.enqueue(s, "respond", {"response_url": url, "body": {
                "response_type": "ephemeral", "replace_original": False, "text": "受け付けました"}}, now=now)
        # Answered 200 after 5 s: within urlopen's 10 s, past the client's 1 s (and the claim's check).
        slack.inject("response_url", status=200, delay=5.0)
        gateway.deliver_due()
        with db.session() as s:
            (row,) = outbox.rows(s, statuses=[outbox.PENDING, outbox.SENT, outbox.FAILED])
            assert (row.status, row.attempts) == (outbox.PENDING, 1)
        gateway.stop()
    db.dispose()


TOO_LARGE_PAGE = "<html><head><title>413 Request Entity Too Large</title></head><body>nginx</body></html>"


def test_a_message_a_proxy_refuses_as_too_large_is_reported_at_once_not_retried_fifty_times(
        tmp_path: Path, org: OrgConfig, caplog: pytest.LogCaptureFixture) -> None:
    """A proxy's 413 page (HTML, not Slack's JSON) was retried as an unreadable answer up to
    MAX_ATTEMPTS times, about four hours, before anyone heard of it; the same request is refused
    the same way every time. It fails at once, says why in the log, and the approver's missing
    request is reported in Japanese as a refused one is."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", status=413, body=TOO_LARGE_PAGE, times=10_000,
                        channel=st.slack.dm_channel(APPROVERS[0]))
        with caplog.at_level(logging.INFO):
            st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
            st.deliver()
        with st.rt.db.session() as s:
            [failed] = outbox.rows(s, (outbox.FAILED,))
        assert failed.message_key == f"dm:1:v1:{APPROVERS[0]}" and failed.attempts == 1, failed
        assert len([c for c in st.slack.calls_of("chat.postMessage") if c.status == 413]) == 1
        errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR and r.name == "bot.slack_gateway"]
        assert any("failed permanently" in e and "413" in e and "too large" in e for e in errors), errors
        name = org.member(APPROVERS[0]).name  # type: ignore[union-attr]
        [report] = [t for t in escalation_texts(st) if name in t]
        assert "大きすぎるため" in report and "プロキシ" in report, report
        assert [m for m in st.slack.messages("C0INTAKE") if m.thread_ts and name in m.text and "大きすぎるため" in m.text]
    finally:
        st.stop()


@pytest.mark.parametrize("fault, reason", [
    ({"status": 413, "body": TOO_LARGE_PAGE}, "大きすぎるため"),
    ({"error": "msg_too_long"}, "長すぎるため"),
])
def test_a_draft_post_refused_for_its_size_tells_its_author_why_in_japanese(
        tmp_path: Path, org: OrgConfig, fault: dict[str, Any], reason: str) -> None:
    """The author of a modal draft whose channel post was refused for its size (a proxy's 413,
    Slack's msg_too_long) was told 「Slack のエラー「msg_too_long」」; now in words, as the
    escalation channel is, and the draft goes on by DM."""
    from tests.e2e.test_workflow_drafting import submit_draft

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", times=10**6, channel="C0INTAKE", **fault)
        assert submit_draft(st).status == 200
        st.deliver()
        st.deliver()
        with st.rt.db.session() as s:
            assert [r.message_key for r in outbox.rows(s, (outbox.FAILED,))] == ["draft:1:root"]
        author = [m.text for m in st.slack.messages(st.slack.dm_channel("U0OPERATOR"))]
        [notice] = [t for t in author if "投稿できませんでした" in t]
        assert reason in notice and "Slack のエラー" not in notice, notice
        [report] = [t for t in escalation_texts(st) if "<#C0INTAKE>" in t]
        assert reason in report and "正常な応答がない" not in report, report
    finally:
        st.stop()


def test_an_error_code_longer_than_slacks_is_a_proxys_answer_and_its_report_fits_the_database(
        tmp_path: Path, org: OrgConfig, db_url: str) -> None:
    """A proxy's JSON with an "error" of 190 lowercase letters passed for Slack's code: the approval
    request was refused at once and the report's key (undeliverable:<person>:<code>:<day>) was longer
    than processed_events.key's 200 characters, so on PostgreSQL the report itself failed and nobody
    heard the approver was never asked. Such a code is not Slack's: retried, then reported as never
    properly answered, once."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", times=10_000, channel=st.slack.dm_channel(APPROVERS[0]), error="x" * 190)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()
        with st.rt.db.session() as s:
            assert not outbox.rows(s, (outbox.FAILED,)), "a code no Slack sends is no refusal for good"
        for _ in range(MAX_ATTEMPTS):
            clock.t += MAX_BACKOFF
            st.driver.app_home_opened("U0OPERATOR")
            st.deliver()
        with st.rt.db.session() as s:
            assert [r.message_key for r in outbox.rows(s, (outbox.FAILED,))] == [f"dm:1:v1:{APPROVERS[0]}"]
        name = org.member(APPROVERS[0]).name  # type: ignore[union-attr]
        reports = [t for t in escalation_texts(st) if name in t and "何度送っても Slack から正常な応答がありませんでした" in t]
        assert len(reports) == 1, escalation_texts(st)
        assert "x" * 20 not in "".join(escalation_texts(st))
    finally:
        st.stop()


def test_a_failure_reported_already_is_no_second_error_line(tmp_path: Path, org: OrgConfig,
                                                             caplog: pytest.LogCaptureFixture) -> None:
    """A deactivated approver of three drafts, and no escalation channel in the workspace: the day's
    report went to its people by DM (ERROR), and each later DM that failed for the same reason logged
    its own ERROR 「failed permanently」 and then a second one, 「a message failed again (…); reported
    earlier」, for what the first ERROR had said. The IT 担当 monitoring ERROR got two per message."""
    users = slack_users(org)
    users["U0CHIEF"] = {**users["U0CHIEF"], "deleted": True}
    slack = LocalSlack(users=users, channels={"C0INTAKE": "sns-intake"}).start()
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING), slack=slack)
    try:
        with caplog.at_level(logging.INFO):
            threads = [st.driver.message("C0INTAKE", "U0OPERATOR", f"{CLEAN_DRAFT}（{n}）") for n in range(3)]
            for ts in threads:
                st.slack.wait_for(lambda ts=ts: any("春日山 一郎" in m.text and "停止" in m.text
                                                    for m in st.slack.messages("C0INTAKE", thread_ts=ts)), timeout=30)
            settle(st)
        said = [(r.levelname, r.getMessage()) for r in caplog.records if r.name.startswith("bot.")]
        # The later failures are said once more either way: when one failed in the same delivery pass
        # as the first, before the report was tried, its edit of the report has nothing to edit.
        repeats = [(level, m) for level, m in said
                   if "reported earlier" in m or "reported already" in m or "never posted" in m]
        assert repeats and {level for level, _ in repeats} == {"INFO"}, said
        # Each failed DM still has its ERROR line.
        assert sum("user_disabled" in m for level, m in said if level == "ERROR" and "failed permanently" in m) >= 3
    finally:
        st.stop()


def test_failures_in_one_pass_before_their_report_is_posted_are_no_error_lines_of_their_own(
        tmp_path: Path, org: OrgConfig, caplog: pytest.LogCaptureFixture) -> None:
    """The same deactivated approver, but the three approval requests fail in one delivery pass:
    the first queues the day's report, the next two find it not yet posted and queue edits of it
    (「本日これまでに 3 件」). The report itself is refused (no escalation channel) and goes to its
    people by DM, so the edits have no message to edit: each logged ERROR 「failed permanently:
    no posted message」 — and the report DM'd again as undeliverable — for what the report's own
    ERROR had said. CI met this order by chance (the test above)."""
    users = slack_users(org)
    users["U0CHIEF"] = {**users["U0CHIEF"], "deleted": True}
    slack = LocalSlack(users=users, channels={"C0INTAKE": "sns-intake"}).start()
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, slack=slack,
                           start_gateway=False)
    try:
        with caplog.at_level(logging.INFO):
            for n in range(3):
                st.driver.message("C0INTAKE", "U0OPERATOR", f"{CLEAN_DRAFT}（{n}）")
            for _ in range(4):
                st.deliver()
        said = [(r.levelname, r.getMessage()) for r in caplog.records if r.name.startswith("bot.")]
        errors = [m for level, m in said if level == "ERROR"]
        assert not [m for m in errors if "no posted message" in m], said
        with st.rt.db.session() as s:
            edits = [r.id for r in outbox.rows(s, (outbox.FAILED,)) if r.op == "update"]
        assert edits, "the pass did not meet the order this test is about"
        for row_id in edits:
            assert any(level == "INFO" and m.startswith(f"outbox {row_id} (update") and "never posted" in m
                       for level, m in said), said
    finally:
        st.stop()
