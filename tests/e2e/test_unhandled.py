"""What the app was never built for is acknowledged, not answered 404: Slack counts a non-2xx
answer as a failed delivery, retries it, and turns off the event subscriptions of an app that
fails too often."""

from __future__ import annotations

import logging
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from bot import slack_gateway
from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import LocalStack, start_local_stack
from storage import drafts as draft_repo
from tests.conftest import database_url
from tests.e2e.conftest import APPROVERS, BUSINESS_MORNING, CLEAN_DRAFT, dm, settle, wait_dm


@pytest.mark.parametrize("event", [
    {"type": "app_mention", "user": "U0OPERATOR", "text": "<@U0KESSAIBOT> 使い方", "ts": "1764100000.000100",
     "channel": "C0INTAKE"},
    {"type": "member_joined_channel", "user": "U0OPERATOR", "channel": "C0INTAKE"},
    {"type": "reaction_added", "user": "U0OPERATOR", "reaction": "eyes",
     "item": {"type": "message", "channel": "C0INTAKE", "ts": "1764100000.000100"}},
    {"type": "some_event_slack_adds_next_year"},
])
def test_events_nobody_handles_are_acknowledged(sqlite_stack: LocalStack, event: dict) -> None:  # type: ignore[type-arg]
    assert sqlite_stack.driver.event(event).status == 200


@pytest.mark.parametrize("event", [{"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["U0KESSAIBOT"]}},
                                   {"type": "app_uninstalled"}])
def test_losing_the_token_is_an_error_for_monitoring_and_health(
    sqlite_stack: LocalStack, caplog: pytest.LogCaptureFixture, event: dict  # type: ignore[type-arg]
) -> None:
    """Monitoring watches ERROR lines and /healthz (docs/operations.md). A WARNING, and a health
    check still 200 until a message failed, said nothing: with the app uninstalled no event comes,
    and on a quiet weekend nothing is sent."""
    from tests.conftest import answered_health as health

    st = sqlite_stack
    caplog.set_level(logging.INFO)
    assert st.driver.event(event).status == 200
    errors = [r.getMessage() for r in caplog.records if r.levelno == logging.ERROR]
    assert any(event["type"] in e and "reinstall" in e for e in errors), errors
    status, report = health(st.rt)
    assert status == 503 and report["slack_auth"] == event["type"]


@pytest.mark.parametrize("event", [{"type": "tokens_revoked", "tokens": {"oauth": [], "bot": ["U0KESSAIBOT"]}},
                                   {"type": "app_uninstalled"}])
def test_messages_wait_for_a_working_token_from_the_event_on_not_from_a_refused_message(
    sqlite_stack: LocalStack, caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch,
    event: dict,  # type: ignore[type-arg]
) -> None:
    """Slack revoked the token and said so in an event; the messages written next (a sweep's) were
    each sent and refused all the same (conversations.open, chat.postMessage), and the first
    refusal logged a second ERROR for its own code. They now wait from the event on, auth.test
    alone asking whether the token works; once Slack accepts the token again, they go out."""
    st = sqlite_stack
    caplog.set_level(logging.INFO)
    # In service the questions come 0.5 s, 1 s, 2 s… apart: by the time the token works again the next
    # one was 8 s away. Here they come at every delivery pass (each second), and the wait still doubles.
    monkeypatch.setattr(slack_gateway, "HOLD_ASK_FIRST", 0.05)
    token = st.slack.token
    st.slack.token = "xoxb-revoked-" + token  # Slack refuses the bot's token from now on
    assert st.driver.event(event).status == 200
    st.slack.wait_for_call("auth.test", lambda c: not c.ok, timeout=30)  # the event checked with Slack
    before = len(st.slack.calls)
    kessai = st.rt.kessai
    with st.rt.db.session() as s:  # what a sweep writes meanwhile (no event comes without a token)
        kessai.notify.direct(s, kessai.clock(), user="U0MANAGER", text="決裁待ちの下書きがあります")
    kessai.after_commit()
    asked = len(st.slack.calls_of("auth.test"))
    # Two more questions (delivery passes apart): passes went by, the messages waited through them.
    st.slack.wait_for_call("auth.test", lambda c: not c.ok, count=asked + 2, timeout=30)
    tried = [c.method for c in st.slack.calls[before:] if c.method != "auth.test"]
    assert tried == [], tried
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(errors) == 1 and event["type"] in errors[0], errors
    st.slack.token = token  # reinstalled with the same token (a local Slack's way of saying it works again)
    assert [m.text for m in wait_dm(st, "U0MANAGER")] == ["決裁待ちの下書きがあります"]


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_losing_the_token_is_reported_by_every_replica_until_one_starts_with_a_working_token(
    tmp_path: Path, org: OrgConfig, kind: str
) -> None:
    """The event reaches one replica: the others' /healthz said 200 (a load balancer kept sending
    them Slack's requests, monitoring saw nothing), and on the one that received it a message that
    went out just after reset it to 200. A process that starts with a token Slack accepts ends it."""
    from tests.conftest import answered_health as health

    url = database_url(kind, tmp_path)
    a = start_local_stack(org, url, clock=shifted_clock(BUSINESS_MORNING))
    b = start_local_stack(org, url, slack=a.slack, clock=shifted_clock(BUSINESS_MORNING))
    try:
        assert a.driver.event({"type": "app_uninstalled"}).status == 200
        assert health(b.rt)[1]["slack_auth"] == "app_uninstalled" and health(b.rt)[0] == 503
        a.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)  # sent after the event (the local Slack takes it)
        wait_dm(a, APPROVERS[0])
        settle(a)
        assert a.rt.gateway.auth_error is None  # that send cleared this process's own record...
        assert health(a.rt)[0] == 503  # ...not the one every replica reads
        with a.rt.db.session() as s:  # nor does the week's clean-up of inbound deliveries
            draft_repo.forget_old_deliveries(s, datetime.now(UTC) + timedelta(days=30))
        assert health(b.rt)[0] == 503
        restarted = start_local_stack(org, url, slack=a.slack, clock=shifted_clock(BUSINESS_MORNING))
        restarted.server.stop()
        restarted.rt.stop()
        assert health(a.rt)[0] == 200 and health(b.rt)[0] == 200
    finally:
        b.server.stop()
        b.rt.stop()
        a.stop()


def test_tokens_revoked_for_others_is_no_alarm(sqlite_stack: LocalStack, caplog: pytest.LogCaptureFixture) -> None:
    """A user's authorisation revoked, or another app's bot: this bot's token still works."""
    from tests.conftest import answered_health as health

    st = sqlite_stack
    caplog.set_level(logging.INFO)
    for tokens in ({"oauth": ["U0OPERATOR"]}, {"oauth": [], "bot": ["U0OTHERBOT"]}):
        assert st.driver.event({"type": "tokens_revoked", "tokens": tokens}).status == 200
    # Under load waitress may warn of its task queue, which says nothing here; any other warning does.
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING and not r.name.startswith("waitress")]
    assert health(st.rt)[0] == 200


def test_other_interactions_are_acknowledged(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    base = {"user": {"id": "U0MANAGER", "team_id": st.slack.team_id}, "team": {"id": st.slack.team_id},
            "api_app_id": st.slack.app_id, "token": "x", "trigger_id": "1.2.3"}
    for payload in (
        {"type": "shortcut", "callback_id": "an_old_shortcut"},
        {"type": "message_action", "callback_id": "an_old_message_shortcut", "message": {"text": "x", "ts": "1.2"},
         "channel": {"id": "C0INTAKE"}},
        {"type": "view_closed", "view": {"id": "V0X", "callback_id": "reject_reason"}, "is_cleared": False},
    ):
        assert st.driver._post_interaction({**base, **payload}).status == 200, payload["type"]
    options = st.driver._post_interaction({**base, "type": "block_suggestion", "action_id": "x", "block_id": "y",
                                          "value": "abc"})
    assert options.status == 200 and options.json() == {"options": []}


def test_a_shortcut_kessai_no_longer_has_is_answered(sqlite_stack: LocalStack) -> None:
    """A shortcut left in the app's settings from an older manifest: acknowledged with nothing,
    Slack shows nothing at all, and the person clicks again and again."""
    st = sqlite_stack
    ts = st.slack.post_as_user("C0GENERAL", "U0OPERATOR", "観桜会のお知らせ").ts
    assert st.driver.message_shortcut("U0OPERATOR", "an_old_message_shortcut", "C0GENERAL", ts).status == 200
    assert st.driver.shortcut("U0OPERATOR", "an_old_global_shortcut").status == 200
    st.slack.wait_for(lambda: len([c for c in st.slack.calls if c.method in ("response_url", "chat.postMessage")
                                   and "このショートカットは現在の kessai では使えません" in str(c.params)]) == 2,
                      timeout=30, message="both told")
    settle(st)
    [direct] = dm(st, "U0OPERATOR")  # the global one has nowhere else to answer
    assert "「決裁に回す」" in direct.text and "/kessai help" in direct.text


def test_a_form_kessai_does_not_know_gives_back_what_was_typed(sqlite_stack: LocalStack) -> None:
    """A form left open across an upgrade that renamed it: it used to close without a word, and
    the draft typed into it was gone. Now it says nothing was recorded and shows what was typed."""
    from bot.sandbox.blockkit import view_errors

    st = sqlite_stack
    typed = "観桜会は4月1日から高田城址公園で開催します。<!channel>"
    payload = {"type": "view_submission", "user": {"id": "U0OPERATOR", "team_id": st.slack.team_id},
               "team": {"id": st.slack.team_id}, "api_app_id": st.slack.app_id, "token": "x", "trigger_id": "1.2.3",
               "view": {"id": "V0OLD", "type": "modal", "callback_id": "draft_form_v1", "private_metadata": "",
                        "state": {"values": {"body": {"body": {"type": "plain_text_input", "value": typed}},
                                             "when": {"when": {"type": "datepicker", "selected_date": "2027-04-01"}}}}}}
    reply = st.driver._post_interaction(payload)
    assert reply.status == 200
    answer = reply.json()
    assert answer["response_action"] == "update" and view_errors(answer["view"]) == []
    blocks = answer["view"]["blocks"]
    assert "何も記録されていません" in str(blocks)
    # As typed, to be copied: plain text, where 「<!channel>」 pings nobody and needs no escaping.
    assert [b["text"] for b in blocks if b["type"] == "section" and b["text"]["type"] == "plain_text"] == [
        {"type": "plain_text", "text": typed, "emoji": False}]
    settle(st)


def test_another_slash_command_is_told_what_kessai_answers_to(sqlite_stack: LocalStack) -> None:
    reply = sqlite_stack.driver.slash_command("U0OPERATOR", "/kessai-old", "help")
    assert reply.status == 200 and "/kessai help" in reply.json()["text"]
    settle(sqlite_stack)


def test_a_command_with_the_word_payload_in_it_is_answered(sqlite_stack: LocalStack) -> None:
    """Bolt takes a form body with 「payload」 anywhere in it for a button's ``payload=…`` and, finding
    no such field, reads the command as empty: 「/kessai help payload」 (or any /kessai in a channel
    whose name has the word) was answered with nothing at all."""
    st = sqlite_stack
    reply = st.driver.slash_command("U0OPERATOR", "/kessai", "help payload")
    assert reply.status == 200 and "kessai の使い方" in reply.json()["text"]
    reply = st.driver.slash_command("U0OPERATOR", "/kessai", "payload")
    assert reply.status == 200 and "「payload」というコマンド" in reply.json()["text"]
    settle(st)


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
@pytest.mark.parametrize("earlier", [False, True])
def test_a_revocation_recorded_while_a_replica_starts_is_not_cleared_by_it(
        kind: str, earlier: bool, tmp_path: Path, org: OrgConfig) -> None:
    """A replica starting asks auth.test and, the token accepted, cleared every recorded access
    loss: one another replica recorded while that auth.test was on its way (the token revoked just
    after it answered) went too, and every replica said 200 with a revoked token until the next
    start. ``earlier``: a loss was recorded before (the same key, moved to the new time)."""
    import threading

    from tests.conftest import answered_health as health

    url = database_url(kind, tmp_path)
    a = start_local_stack(org, url, clock=shifted_clock(BUSINESS_MORNING))
    try:
        if earlier:
            with a.rt.db.session() as s:
                draft_repo.record_access_lost(s, "tokens_revoked", datetime.now(UTC) - timedelta(hours=1))
        # The next start's auth.test is answered only once the revocation below is recorded (held
        # for a fixed time, a loaded machine recorded it after the answer); 30 s only ends a hang,
        # within the starting replica's Slack timeout.
        revoked = threading.Event()
        a.slack.inject("auth.test", status=200, delay=30.0, released=revoked)
        started: list[LocalStack] = []
        starting = threading.Thread(target=lambda: started.append(
            start_local_stack(org, url, slack=a.slack, clock=shifted_clock(BUSINESS_MORNING), slack_timeout=60)))
        starting.start()
        a.slack.wait_for_call("auth.test", lambda c: c.fault is not None, timeout=30)
        with a.rt.db.session() as s:  # revoked while it waits for the answer
            draft_repo.record_access_lost(s, "tokens_revoked", datetime.now(UTC))
        revoked.set()
        starting.join(60)
        assert started
        started[0].server.stop()
        started[0].rt.stop()
        with a.rt.db.session() as s:
            assert draft_repo.access_lost(s) == "tokens_revoked"
        assert health(a.rt)[0] == 503
    finally:
        a.stop()


@pytest.mark.parametrize("kind", ["sqlite", "postgres"])
def test_every_replica_says_why_the_token_was_lost_not_the_code_slack_refuses_it_with(
        tmp_path: Path, org: OrgConfig, kind: str) -> None:
    """After app_uninstalled, the replica that received it asked auth.test, and its /healthz then
    said what Slack refused the token with (invalid_auth) instead of the event's reason; another
    replica said app_uninstalled until one of its own messages was refused, then invalid_auth too.
    Every replica now says app_uninstalled, the reason the IT 担当 can act on (reinstall the app)."""
    from tests.conftest import answered_health as health

    url = database_url(kind, tmp_path)
    a = start_local_stack(org, url, clock=shifted_clock(BUSINESS_MORNING))
    b = start_local_stack(org, url, slack=a.slack, clock=shifted_clock(BUSINESS_MORNING))
    try:
        a.slack.token = "xoxb-revoked-" + a.slack.token  # Slack refuses the bot's token from now on
        assert a.driver.event({"type": "app_uninstalled"}).status == 200
        a.slack.wait_for_call("auth.test", lambda c: not c.ok, timeout=30)  # the receiving replica asked
        a.slack.wait_for(lambda: a.rt.gateway.auth_error == "invalid_auth", timeout=30, message="refusal recorded")
        # Without the database's record too (its write may fail: the replica's own memory says it).
        assert a.rt.gateway.auth_problem() == "app_uninstalled"
        kessai = b.rt.kessai
        with b.rt.db.session() as s:  # b sends something and is refused
            kessai.notify.direct(s, kessai.clock(), user="U0MANAGER", text="決裁待ちの下書きがあります")
        kessai.after_commit()
        b.slack.wait_for(lambda: b.rt.gateway.auth_error is not None, timeout=30, message="b refused")
        for replica in (a, b):
            status, report = health(replica.rt)
            assert status == 503 and report["slack_auth"] == "app_uninstalled", report
    finally:
        b.server.stop()
        b.rt.stop()
        a.stop()


def test_a_draft_written_after_the_token_was_revoked_is_kept_before_any_other_request(
    sqlite_stack: LocalStack, caplog: pytest.LogCaptureFixture
) -> None:
    """Bolt asked auth.test again on the first request a process received: with the token revoked
    (rotated at night, before anyone wrote), a draft was answered 200 with Bolt's English "reinstall
    this app" and dropped, and Slack does not resend what got 200. kessai asked auth.test at start."""
    st = sqlite_stack
    st.slack.token = "xoxb-revoked-" + st.slack.token  # Slack refuses the bot's token from now on
    caplog.set_level(logging.INFO)
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    with st.rt.db.session() as s:
        assert [d.author_id for d in draft_repo.by_author(s, "U0OPERATOR")] == ["U0OPERATOR"]
    assert not [r for r in caplog.records if r.name.startswith("slack_bolt") and r.levelno >= logging.ERROR]
