"""A slow Slack, not a failing one: every Web API call answered seconds late, or done late.

What a person does (a draft pasted, a 承認 clicked) is stored and acknowledged without waiting for
Slack; what kessai says goes out through the outbox once Slack answers, each message once.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest

from bot import render
from bot.config import OrgConfig
from bot.localstack import LocalStack, slack_users, start_local_stack
from bot.sandbox.server import LocalSlack
from bot.slack_http import KeepAliveWebClient
from handlers.payloads import (
    FORM_MAYBE_NOT_OPENED_JA,
    FORM_NOT_OPENED_JA,
    FORM_REFUSED_JA,
    FORM_SLACK_BUSY_JA,
    FORM_SLACK_ERROR_JA,
    FORM_SLACK_UNREACHABLE_JA,
    open_view,
)
from tests.conftest import database_url, migrated_database_url
from tests.e2e.conftest import APPROVERS, BUSINESS_MORNING, CLEAN_DRAFT, all_text, dm
from tests.production.serveproc import ServeProcess, refusing_port
from tests.production.test_kill_restart import TEXT, dm_of, ledger_kinds
from tests.production.test_slack_faults import SteppedClock

# Long enough that nothing a test waits for could come from a held answer: the answers are let go
# by ``released`` once the test has seen what it needs, never waited out.
HELD = 120.0
# How long the test lets a request to kessai take: only a bound. What is checked is the order: every
# ack comes while Slack holds every answer and kessai's client waits on (its timeout set beyond this
# bound), so an ack that waits for any Slack call never comes at all (with the approval request sent
# on the request thread the 承認 failed it). A bar of 6 s (twice Slack's 3 s) was a clock: twelve
# drafts at once took up to 1.05 s each with eight busy processes beside the test, more on slower CI,
# and the twelve are answered one after another: the last waits for the eleven before it. A bound
# only (each ack ends the wait for it), kept under HELD so a held answer can never pass for an ack.
ACK_LIMIT_SECONDS = 60.0


def outbox_waiting(url: str) -> int:
    """How many outbox messages are not yet sent (nor given up)."""
    from sqlmodel import select

    from storage.db import Database
    from storage.models import OutboxRow

    db = Database(url)
    try:
        with db.session() as s:
            return sum(1 for r in s.exec(select(OutboxRow)) if r.status == "pending")
    finally:
        db.dispose()


@pytest.fixture(params=["sqlite", "postgres"])
def world(request: pytest.FixtureRequest, tmp_path: Path, org: OrgConfig) -> Iterator[tuple[LocalSlack, str, Path]]:
    url = database_url(request.param, tmp_path)
    slack = LocalSlack(users=slack_users(org)).start()
    yield slack, url, tmp_path
    slack.stop()


def test_drafts_and_a_decision_are_acknowledged_while_slack_holds_every_answer(
        world: tuple[LocalSlack, str, Path]) -> None:
    """kessai serve (HTTP) while Slack holds every Web API answer: twelve drafts arriving at once
    and a 承認 are each answered 200 before Slack has answered anything, so Slack's 3 s retry
    never doubles the work; the decision is in the ledger at the ack, the DM's update follows once
    Slack answers, and every approval request is made once."""
    slack, url, tmp = world
    serve = ServeProcess(slack, url, tmp, slack_timeout=HELD).start()
    driver = serve.driver()
    driver.message("C0INTAKE", "U0OPERATOR", TEXT)
    request = slack.wait_for(lambda: dm_of(slack, "U0MANAGER"), timeout=30, message="the first request")[0]
    # The start-up sweep runs by the real clock: in business hours (JST) it queues reminders (password changes)
    # that, held below with the rest, kept the gateway's senders busy and the drafts' thread replies behind them.
    slack.wait_for(lambda: not outbox_waiting(url), timeout=30, message="the start-up sweep's messages sent")
    answers = threading.Event()
    slack.inject("*", status=200, delay=HELD, times=10**6, released=answers)
    # Slack holds every answer until ``answers`` is set, after the last reply, and kessai's client
    # waits as long as Slack holds: an ack that waited for any Slack call does not come before the
    # release, and the request fails (given up after ACK_LIMIT_SECONDS).
    replies: list[int | str] = []
    pasted: set[str] = set()
    lock = threading.Lock()

    def paste(n: int) -> None:
        d = serve.driver(timeout=ACK_LIMIT_SECONDS)
        try:
            ts = d.message("C0INTAKE", "U0OPERATOR2", f"{TEXT}（第{n}弾）")
            assert d.last_reply is not None
            outcome: int | str = d.last_reply.status
            with lock:
                pasted.add(ts)
        except OSError as e:  # no answer within the limit
            outcome = f"{type(e).__name__}: {e}"
        with lock:
            replies.append(outcome)

    pasting = [threading.Thread(target=paste, args=(n,)) for n in range(2, 14)]
    for t in pasting:
        t.start()
    for t in pasting:
        t.join(ACK_LIMIT_SECONDS)
    decided = serve.driver(timeout=ACK_LIMIT_SECONDS).block_action(
        "U0MANAGER", "approve_draft", channel=request.channel, message_ts=request.ts)
    assert replies == [200] * 12 and decided.status == 200, (replies, decided)
    # kessai's work on the drafts was under way and held: the replies came while Slack had answered
    # none of it (a Slack that had answered first would prove nothing).
    slack.wait_for(lambda: [c for c in slack.calls if c.fault and c.params.get("thread_ts") in pasted], timeout=30,
                   message="kessai's answer to a pasted draft, held")
    assert ledger_kinds(url) == [(1, "approved")]  # recorded when acknowledged, Slack not yet told

    answers.set()
    slack.clear_faults()
    slack.wait_for(lambda: "承認しました" in all_text(next(m for m in slack.messages(request.channel)
                                                        if m.ts == request.ts)), timeout=60,
                   message="the manager's request shown approved")
    for a in APPROVERS:
        slack.wait_for(lambda a=a: len(dm_of(slack, a)) == 13, timeout=60, message=f"13 requests to {a}")
    for a in APPROVERS:
        texts = [all_text(m) for m in dm_of(slack, a)]
        assert len(texts) == len(set(texts)) == 13  # each draft's request once
    assert serve.proc is not None and serve.proc.poll() is None


@pytest.mark.parametrize("unanswered", ["timeout", "504", "dropped"])
def test_a_post_slack_makes_only_after_kessai_gave_up_on_it_is_not_posted_twice(
        tmp_path: Path, org: OrgConfig, unanswered: str) -> None:
    """Slack slow to do the work, not only to answer: the approval DM was posted a moment after
    kessai gave up on the call — its own timeout, or a proxy (or Slack's edge) in front of the slow
    Slack that answered 504 Gateway Timeout or closed the connection once the request was sent. The
    retry came 0.5 s later, looked for the post before Slack had made it, and posted it again: the
    approver had the request twice. A post that was never answered now waits as long again as the
    call was given before it is looked for."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False,
                           slack_timeout=1.0)
    proxy: dict[str, Any] = {"504": {"status": 504}, "dropped": {"dropped": True}}.get(unanswered, {})
    try:
        made = threading.Event()
        st.slack.inject("chat.postMessage", delay=HELD, late=True, released=made,
                        channel=st.slack.dm_channel("U0MANAGER"), **proxy)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()  # the manager's request: unanswered in 1 s (or the proxy's at once), not made yet
        assert dm(st, "U0MANAGER") == [] and dm(st, "U0CHIEF")
        clock.t += timedelta(seconds=0.6)  # the retry's old backoff (0.5 s) is over
        st.deliver()
        made.set()  # Slack gets to the first call at last
        # Waited for as the late call itself: a post made meanwhile by a retry (the defect) would
        # end a wait for any DM at once, before the late one, and its duplicate came after the count.
        st.slack.wait_for(lambda: [c for c in st.slack.calls_of("chat.postMessage", ok=True)
                                   if c.fault and c.fault.late], timeout=30, message="the late post")
        clock.t += timedelta(seconds=1)
        st.deliver()
        asked = [m for m in dm(st, "U0MANAGER") if "approve_draft" in str(m.blocks)]
        assert len(asked) == 1, [m.ts for m in asked]
        assert st.slack.calls_of("conversations.history")  # found by looking, not by luck
    finally:
        st.stop()


def test_a_dm_whose_opening_went_unanswered_is_retried_without_waiting_out_the_timeout(
        tmp_path: Path, org: OrgConfig) -> None:
    """A DM's conversations.open timed out: nothing was posted (chat.postMessage was never called),
    yet the retry waited the client's whole timeout as a post's does, for a post Slack could not
    be making. Only chat.postMessage unanswered waits; this one is retried after the usual 0.5 s."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=clock, start_gateway=False,
                           slack_timeout=2.0)
    try:
        answered = threading.Event()
        st.slack.inject("conversations.open", status=200, delay=HELD, released=answered)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()  # the first DM's opening: no answer within the 2 s timeout
        answered.set()
        opened = [c for c in st.slack.calls_of("conversations.open") if c.fault]
        assert len(opened) == 1
        person = str(opened[0].params["users"])
        assert dm(st, person) == []
        clock.t += timedelta(seconds=0.6)  # the backoff of a first failure (0.5 s) is over; 2 s are not
        st.deliver()
        assert len([m for m in dm(st, person) if "approve_draft" in str(m.blocks)]) == 1
    finally:
        st.stop()


def test_a_form_slack_opens_after_kessai_stopped_waiting_is_not_said_unopened(sqlite_stack: LocalStack) -> None:
    """/kessai draft while Slack is slow to do the work: views.open took the trigger in time but
    opened the form only after kessai's 2.5 s wait. The person saw the form and, beside it,
    「入力画面を開けませんでした」. With no answer kessai cannot know: it now says the form may not have
    opened and to try again only if it is not shown."""
    st = sqlite_stack
    opened = threading.Event()
    # The trigger Slack accepted (still valid when Slack gets to the call), the form opened late.
    original = st.driver._fresh_trigger
    st.driver._fresh_trigger = lambda user: st.slack.issue_trigger_id(user, ttl=HELD)  # type: ignore[method-assign]
    st.slack.inject("views.open", delay=HELD, late=True, released=opened)
    try:
        reply = st.driver.slash_command("U0OPERATOR", "/kessai", "draft")
    finally:
        st.driver._fresh_trigger = original  # type: ignore[method-assign]
    opened.set()
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", render.DRAFT_CALLBACK), timeout=30,
                      message="the form Slack opened late")
    assert reply.status == 200 and reply.json()["text"] == FORM_MAYBE_NOT_OPENED_JA
    assert "開けませんでした" not in reply.json()["text"] and "表示されていない場合は" in reply.json()["text"]


@pytest.mark.parametrize("error, said", [
    ("expired_trigger_id", FORM_NOT_OPENED_JA),
    ("exchanged_trigger_id", FORM_NOT_OPENED_JA),
    ("ratelimited", FORM_SLACK_BUSY_JA),
    ("service_unavailable", FORM_SLACK_BUSY_JA),
    ("internal_error", FORM_SLACK_ERROR_JA),
    ("fatal_error", FORM_SLACK_ERROR_JA),
    ("invalid_arguments", FORM_REFUSED_JA),
    ("view_too_large", FORM_REFUSED_JA),
    ("token_revoked", FORM_REFUSED_JA),
])
def test_a_form_slack_refuses_is_said_not_opened_for_the_reason_given(sqlite_stack: LocalStack, error: str,
                                                                       said: str) -> None:
    """A definite refusal (Slack's ok:false) keeps the definite wording: nothing can have opened. Only
    an expired trigger is blamed on time: a form Slack finds invalid, or a revoked token, used to be
    「時間がかかった可能性があります…もう一度お試しください」 too, and trying again never helped. Slack's own
    fatal_error or internal_error, after which (its documentation says) part of the call may have
    succeeded, was told as 「混み合っていたため…開けませんでした」: the person is asked to look first."""
    st = sqlite_stack
    st.slack.inject("views.open", error=error)
    reply = st.driver.slash_command("U0OPERATOR", "/kessai", "draft")
    assert reply.status == 200 and reply.json()["text"] == said
    assert ("時間がかかった" in said) == (error in ("expired_trigger_id", "exchanged_trigger_id"))
    assert ("開けませんでした" in said) != (error in ("fatal_error", "internal_error"))
    assert st.slack.latest_view("U0OPERATOR") is None


def test_a_form_whose_call_cannot_reach_slack_is_not_blamed_on_time() -> None:
    """Nothing listens where Slack should be (a proxy down, a firewall): the call never left."""
    with refusing_port() as port:
        client = KeepAliveWebClient(token="xoxb-test", base_url=f"http://127.0.0.1:{port}/api/", timeout=5)
        assert open_view(client, "1.2.abc", {"type": "modal"}) == FORM_SLACK_UNREACHABLE_JA


def test_serve_started_while_slack_does_not_answer_says_so_not_that_it_could_not_connect(
        tmp_path: Path) -> None:
    """auth.test at start answered later than the client's timeout: serve stopped (systemd starts it
    again, docs/operations.md) saying it could not connect and to check the network, proxy and
    firewall, which were fine: it was Slack that was slow. It says no answer came in time."""
    with LocalSlack() as slack:
        answers = threading.Event()
        slack.inject("auth.test", status=200, delay=HELD, released=answers)
        serve = ServeProcess(slack, f"sqlite:///{tmp_path / 'k.db'}", tmp_path, slack_timeout=0.5)
        with pytest.raises(RuntimeError, match="exited with 1"):
            serve.start()
        answers.set()
        assert "時間内に応答がありませんでした" in serve.log() and "接続できませんでした" not in serve.log(), serve.log()
        assert [c.method for c in slack.calls] == ["auth.test"]
