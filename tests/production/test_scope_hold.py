"""Slack refusing a method for the installation (missing_scope, not_allowed_token_type): the
messages that need it wait, none is given up, and they go once the scope is back."""

from __future__ import annotations

import logging
from datetime import UTC, timedelta

import pytest

from bot.config import OrgConfig
from bot.delivery_failures import SCOPE_HOLD_KEY, DeliveryFailureReporter
from bot.localstack import LocalStack, start_local_stack
from bot.slack_gateway import MAX_ATTEMPTS, MAX_BACKOFF, TOKEN_ASK_EVERY
from bot.sweep import DELIVERY_MEMORY, sweep
from storage import drafts as draft_repo
from storage import outbox
from tests.conftest import answered_health as health  # a late database reading asked again
from tests.e2e.conftest import APPROVERS, BUSINESS_MORNING, CLEAN_DRAFT, dm, wait_dm
from tests.production.test_slack_faults import SteppedClock


def _drain(st: LocalStack) -> None:
    for _ in range(10):
        if not st.deliver():
            return


def _nothing_failed(st: LocalStack) -> None:
    with st.rt.db.session() as s:
        assert not outbox.rows(s, statuses=[outbox.FAILED])


def _deliver_rounds(st: LocalStack, clock: SteppedClock, rounds: int, step: timedelta = MAX_BACKOFF) -> None:
    """``rounds`` runs of the delivery worker, ``step`` of time apart."""
    for _ in range(rounds):
        st.deliver()
        clock.t += step


def _restarted(st: LocalStack, org: OrgConfig, db_url: str, clock: SteppedClock) -> LocalStack:
    """kessai stopped and started again on the same database, the same clock (no retry falls due for
    it) and the same Slack, which still refuses what it refused."""
    slack = st.slack
    st.server.stop()
    st.rt.stop()
    return start_local_stack(org, db_url, clock=clock, slack=slack, start_gateway=False)


@pytest.mark.parametrize("error", ["missing_scope", "not_allowed_token_type"])
def test_chat_write_refused_holds_every_message_until_a_retry_goes_through(
        db_url: str, org: OrgConfig, error: str, caplog: pytest.LogCaptureFixture) -> None:
    """chat:write lost on a reinstall: every waiting message, approval DMs included, was given up at
    once and the failure reports failed the same way. They wait now, one of them tried an interval,
    /healthz says why, and everything goes once Slack takes a message again."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", error=error, times=10_000)
        with caplog.at_level(logging.INFO, logger="bot.slack_gateway"):
            for n in range(3):
                st.driver.message("C0INTAKE", "U0OPERATOR", f"{CLEAN_DRAFT}（{n}）")
            st.deliver()
            status, report = health(st.rt)
            assert status == 503 and report["slack_auth"] == f"{error} (chat:write)", report
            first = len(st.slack.calls_of("chat.postMessage"))
            for _ in range(MAX_ATTEMPTS + 5):  # longer than any message was ever retried
                clock.t += MAX_BACKOFF
                st.deliver()
            tries = st.slack.calls_of("chat.postMessage")[first:]
            assert 0 < len(tries) <= MAX_ATTEMPTS + 5  # one message an interval, not each on its own
            _nothing_failed(st)
            assert health(st.rt)[1]["slack_auth"] == f"{error} (chat:write)"
        refusals = [r for r in caplog.records if "for the installation" in r.getMessage()]
        assert [r.levelno for r in refusals].count(logging.ERROR) == 1
        st.slack.clear_faults()  # reinstalled with chat:write
        clock.t += TOKEN_ASK_EVERY
        _drain(st)
        assert health(st.rt)[1]["slack_auth"] == "ok"
        for a in APPROVERS:
            assert len(dm(st, a)) == 3
        with st.rt.db.session() as s:
            assert outbox.backlog(s, clock()) == 0
        _nothing_failed(st)
        assert not st.slack.messages("C0ESCALATE")  # nothing was given up, nothing to report
        posted = [str(c.params.get("metadata")) for c in st.slack.calls_of("chat.postMessage", ok=True)]
        assert len(posted) == len(set(posted))
    finally:
        st.stop()


def test_messages_held_for_a_scope_go_after_a_restart(db_url: str, org: OrgConfig) -> None:
    """The IT 担当 reinstalls the app and restarts kessai: what waited goes at once, not after an interval."""
    clock = SteppedClock(BUSINESS_MORNING.astimezone(UTC))  # as the running clock (utcnow): SQLite keeps no zone
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    st.slack.inject("chat.postMessage", error="missing_scope", times=10_000)
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    st.deliver()
    st.deliver()
    with st.rt.db.session() as s:
        waiting = [r for r in outbox.rows(s, statuses=[outbox.PENDING]) if r.op == "post"]
    assert {(r.last_error or "").startswith("slack_scope: chat:write: missing_scope") for r in waiting if r.last_error} == {True}, [
        (r.message_key, r.last_error) for r in waiting if r.last_error]  # none tried yet (a reply behind its parent) waits too
    _nothing_failed(st)
    slack = st.slack
    st.server.stop()
    st.rt.stop()  # killed while held
    slack.clear_faults()
    st2 = start_local_stack(org, db_url, clock=clock, slack=slack)  # the same clock: no retry is due
    try:
        for a in APPROVERS:
            wait_dm(st2, a)
        assert all(len(dm(st2, a)) == 1 for a in APPROVERS)
        _nothing_failed(st2)
    finally:
        st2.stop()


def test_dms_wait_for_im_write_while_channel_posts_go_on(db_url: str, org: OrgConfig) -> None:
    """Without im:write only the DMs fail (conversations.open): they wait, and the thread replies in
    the intake channel are not held up with them."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("conversations.open", error="missing_scope", times=10_000)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        _deliver_rounds(st, clock, 5)
        assert [m for m in st.slack.messages("C0INTAKE") if m.thread_ts]  # the check's result went out
        assert all(not dm(st, a) for a in APPROVERS)
        assert health(st.rt)[1]["slack_auth"] == "missing_scope (im:write)"
        _nothing_failed(st)
        st.slack.clear_faults()
        clock.t += TOKEN_ASK_EVERY
        _drain(st)
        assert all(len(dm(st, a)) == 1 for a in APPROVERS)
        assert health(st.rt)[1]["slack_auth"] == "ok"
        _nothing_failed(st)
    finally:
        st.stop()


def test_missing_scope_of_a_look_up_stops_no_delivery(db_url: str, org: OrgConfig) -> None:
    """users.info refused for want of users:read (the escalation members' check) is that check's
    trouble only: the messages go, /healthz is not made 503 for it."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("users.info", error="missing_scope", times=10_000)
        reporter = DeliveryFailureReporter(st.rt.db, org, clock)
        assert reporter.check_escalation_members(st.rt.client) == []
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()
        st.deliver()
        assert all(len(dm(st, a)) == 1 for a in APPROVERS)
        assert health(st.rt)[1]["slack_auth"] == "ok"
    finally:
        st.stop()



def test_a_post_a_crashed_delivery_may_have_made_is_looked_for_after_a_scope_hold(db_url: str, org: OrgConfig) -> None:
    """kessai killed while an approval DM was in flight (Slack made it), then the app reinstalled
    without chat:write: the DM's lapsed claim said it may be in Slack, and its retry looks for it
    first. Held for the scope, the row lost that mark and went out again unlooked for once the
    scope was back: the approver got the request twice."""
    from datetime import timedelta

    from sqlalchemy import update

    from bot.slack_gateway import METADATA_EVENT
    from storage.models import OutboxRow

    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", error="missing_scope", times=10_000)
        st.driver.message("C0INTAKE", "U0OPERATOR", f"{CLEAN_DRAFT}（1）")
        st.deliver()  # the wait begins; the clock stands still, so nothing is tried again below
        assert health(st.rt)[1]["slack_auth"] == "missing_scope (chat:write)"
        with st.rt.db.session() as s:
            before = {r.id for r in outbox.rows(s, statuses=[outbox.PENDING])}
        st.driver.message("C0INTAKE", "U0OPERATOR", f"{CLEAN_DRAFT}（2）")
        with st.rt.db.session() as s:
            row = next(r for r in outbox.rows(s, statuses=[outbox.PENDING])
                       if r.id not in before and r.op == "post" and r.payload.get("channel") == "U0MANAGER")
        # What a delivery killed mid-call left: its post in Slack, and its claim, lapsed, on the row.
        st.slack.clear_faults()  # (the planted post is not the kessai's: not refused)
        assert st.slack.handle_api("chat.postMessage", {
            "channel": st.slack.dm_channel("U0MANAGER"), "text": "承認依頼",
            "metadata": {"event_type": METADATA_EVENT, "event_payload": {"outbox_id": row.id}}}, st.slack.token)[0] == 200
        st.slack.inject("chat.postMessage", error="missing_scope", times=10_000)
        with st.rt.db.session() as s:
            s.connection().execute(update(OutboxRow).where(OutboxRow.id == row.id)  # type: ignore[arg-type]
                                   .values(claimed_until=clock() - timedelta(minutes=5)))
        st.deliver()  # every row of the second draft waits for the scope, untried
        with st.rt.db.session() as s:
            held = next(r for r in outbox.rows(s, statuses=[outbox.PENDING]) if r.id == row.id)
        assert held.attempts == 0 and (held.last_error or "").startswith("slack_scope: chat:write")
        st.slack.clear_faults()
        clock.t += TOKEN_ASK_EVERY
        _drain(st)
        assert health(st.rt)[1]["slack_auth"] == "ok"
        assert len(dm(st, "U0MANAGER")) == 2, [m.text[:40] for m in dm(st, "U0MANAGER")]
        assert len(dm(st, "U0CHIEF")) == 2
        _nothing_failed(st)
    finally:
        st.stop()


def _im_write_notices(st: LocalStack) -> list[str]:
    return [m.text for m in st.slack.messages("C0ESCALATE") if "im:write" in m.text]


def test_escalation_channel_is_told_once_per_hold_of_im_write(db_url: str, org: OrgConfig) -> None:
    """Without im:write the drafts were checked in the channel and the approvers never asked, and
    nobody in Slack knew why. The escalation channel is told once for the hold, not per DM, not
    again by a restart during it, and again for a later hold."""
    clock = SteppedClock(BUSINESS_MORNING.astimezone(UTC))
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    st.slack.inject("conversations.open", error="missing_scope", times=10_000)
    for n in range(3):
        st.driver.message("C0INTAKE", "U0OPERATOR", f"{CLEAN_DRAFT}（{n}）")
    _deliver_rounds(st, clock, 6)
    notices = _im_write_notices(st)
    assert len(notices) == 1, notices
    assert "DM を送れず" in notices[0] and "missing_scope" in notices[0] and "再インストール" in notices[0]
    assert "kessai を再起動してください" in notices[0] and "kessai remind" not in notices[0]  # serve's own words
    # Urgent matters go to the file's escalation departments (another organisation's are named its own way).
    assert "急ぎの決裁やインシデントは、決裁者や情報政策室・広報対話課の方に直接お知らせください。" in notices[0]
    assert all(not dm(st, a) for a in APPROVERS)
    st2 = _restarted(st, org, db_url, clock)  # restarted while Slack still refuses im:write
    try:
        _deliver_rounds(st2, clock, 4)
        assert len(_im_write_notices(st2)) == 1  # the same hold: not told again
        st2.slack.clear_faults()  # reinstalled with im:write
        clock.t += TOKEN_ASK_EVERY
        _drain(st2)
        assert all(len(dm(st2, a)) == 3 for a in APPROVERS)
        _nothing_failed(st2)
        st2.slack.inject("conversations.open", error="missing_scope", times=10_000)  # a later reinstall drops it again
        st2.driver.message("C0INTAKE", "U0OPERATOR", f"{CLEAN_DRAFT}（次）")
        st2.rt.gateway._dm_channels.clear()  # a fresh process: no DM opened yet
        _deliver_rounds(st2, clock, 4)
        assert len(_im_write_notices(st2)) == 2
    finally:
        st2.stop()


def test_chat_write_refused_posts_no_im_write_notice(db_url: str, org: OrgConfig) -> None:
    """Only a hold of DMs is told in the channel: without chat:write nothing can be posted there."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", error="missing_scope", times=10_000)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        _deliver_rounds(st, clock, 3)
        st.slack.clear_faults()
        clock.t += TOKEN_ASK_EVERY
        _drain(st)
        assert _im_write_notices(st) == []
        with st.rt.db.session() as s:
            assert not outbox.rows(s, statuses=[outbox.FAILED])
    finally:
        st.stop()


def test_a_hold_of_im_write_longer_than_the_delivery_memory_is_not_told_again_on_a_restart(
        db_url: str, org: OrgConfig) -> None:
    """The reinstall took the IT 担当 more than a week: the sweep forgot the hold's record with the
    week-old inbound deliveries, and the next restart (still without im:write) told the escalation
    channel a second time of the same hold."""
    clock = SteppedClock(BUSINESS_MORNING.astimezone(UTC))
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    st.slack.inject("conversations.open", error="missing_scope", times=10_000)
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    _deliver_rounds(st, clock, 4)
    assert len(_im_write_notices(st)) == 1
    clock.t += DELIVERY_MEMORY + timedelta(days=1)
    sweep(st.rt.kessai, clock())  # what serve's scheduler runs every minute
    st2 = _restarted(st, org, db_url, clock)  # restarted, still without im:write
    try:
        _deliver_rounds(st2, clock, 4)
        assert health(st2.rt)[1]["slack_auth"] == "missing_scope (im:write)"
        assert len(_im_write_notices(st2)) == 1, _im_write_notices(st2)
        st2.slack.clear_faults()  # reinstalled: the DMs go, and a later hold is told again
        clock.t += TOKEN_ASK_EVERY
        _drain(st2)
        assert all(dm(st2, a) for a in APPROVERS)
        with st2.rt.db.session() as s:
            assert draft_repo.claim_event(s, SCOPE_HOLD_KEY, clock())  # released with the hold
    finally:
        st2.stop()


def _refusal_errors(records: list[logging.LogRecord]) -> int:
    return sum(1 for r in records if "for the installation" in r.getMessage() and r.levelno >= logging.ERROR)


def test_a_post_found_already_in_slack_does_not_end_a_chat_write_hold(
        db_url: str, org: OrgConfig, caplog: pytest.LogCaptureFixture) -> None:
    """A held post that a killed delivery had made is found by its retry (conversations.history):
    no chat.postMessage was made, so it says nothing of chat:write. Taken for proof, every held
    message was let go, refused again, a new hold began, /healthz said ok and a new ERROR was logged."""
    from datetime import timedelta

    from sqlalchemy import update

    from bot.slack_gateway import METADATA_EVENT
    from storage.models import OutboxRow

    clock = SteppedClock(BUSINESS_MORNING.astimezone(UTC))
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("chat.postMessage", error="missing_scope", times=10_000)
        with caplog.at_level(logging.INFO, logger="bot.slack_gateway"):
            st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
            _deliver_rounds(st, clock, 3)
            with st.rt.db.session() as s:
                waiting = [r for r in outbox.rows(s, statuses=[outbox.PENDING])]
            row = next(r for r in waiting if r.op == "post" and r.payload.get("channel") == "U0MANAGER")
            # The approval DM a killed delivery made: in Slack, its lapsed claim on the row.
            st.slack.clear_faults()
            assert st.slack.handle_api("chat.postMessage", {
                "channel": st.slack.dm_channel("U0MANAGER"), "text": "承認依頼",
                "metadata": {"event_type": METADATA_EVENT, "event_payload": {"outbox_id": row.id}}},
                st.slack.token)[0] == 200
            st.slack.inject("chat.postMessage", error="missing_scope", times=10_000)
            later = clock() + timedelta(hours=1)
            with st.rt.db.session() as s:
                s.connection().execute(update(OutboxRow).where(OutboxRow.id != row.id)  # type: ignore[arg-type]
                                       .values(next_attempt_at=later))
                s.connection().execute(update(OutboxRow).where(OutboxRow.id == row.id)  # type: ignore[arg-type]
                                       .values(claimed_until=clock() - timedelta(minutes=5), next_attempt_at=clock()))
            clock.t += TOKEN_ASK_EVERY
            tried = len(st.slack.calls_of("chat.postMessage"))
            st.deliver()  # only the found DM is due: it is the one asked, and found
            with st.rt.db.session() as s:
                assert next(r for r in outbox.rows(s) if r.id == row.id).status == outbox.SENT
                others = [r for r in outbox.rows(s, statuses=[outbox.PENDING]) if r.id != row.id]
            assert others and all(outbox.as_utc(r.next_attempt_at) >= later for r in others), \
                "the held messages were let go as though chat:write worked"
            assert health(st.rt)[1]["slack_auth"] == "missing_scope (chat:write)"
            st.deliver()
            assert len(st.slack.calls_of("chat.postMessage")) == tried  # none let go and refused again
            assert _refusal_errors(caplog.records) == 1
        _nothing_failed(st)
        assert len(dm(st, "U0MANAGER")) == 1
    finally:
        st.stop()


def test_retries_during_a_scope_hold_log_info_not_a_warning_each_minute(
        db_url: str, org: OrgConfig, caplog: pytest.LogCaptureFixture) -> None:
    """The IT 担当 sees one ERROR for the hold; the retry once a minute (per replica) logged a
    WARNING each time for as long as the scope was missing."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("conversations.open", error="missing_scope", times=10_000)
        with caplog.at_level(logging.INFO, logger="bot.slack_gateway"):
            st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
            _deliver_rounds(st, clock, 8, step=TOKEN_ASK_EVERY)
        mine = [r for r in caplog.records if r.name == "bot.slack_gateway"]
        retries = [r for r in mine if "will retry" in r.getMessage() and "slack_scope: " in r.getMessage()]
        assert len(retries) >= 5 and {r.levelno for r in retries} == {logging.INFO}
        loud = [r.getMessage()[:80] for r in mine if r.levelno >= logging.WARNING]
        assert len(loud) == 1 and _refusal_errors(mine) == 1, loud
    finally:
        st.stop()


def test_healthz_is_ok_once_nothing_waits_for_the_refused_scope(
        db_url: str, org: OrgConfig, caplog: pytest.LogCaptureFixture) -> None:
    """The hold ended only when a message needing the scope went through. The last held DMs ended
    otherwise (each opened its conversation but Slack refused the post itself, for its own reason):
    /healthz kept saying missing_scope (im:write) until a restart, with nothing waiting."""
    from datetime import timedelta

    from bot.slack_gateway import LEASE

    clock = SteppedClock(BUSINESS_MORNING.astimezone(UTC))
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("conversations.open", error="missing_scope", times=10_000)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        _deliver_rounds(st, clock, 3, step=timedelta(seconds=1))
        assert health(st.rt)[1]["slack_auth"] == "missing_scope (im:write)"
        caplog.clear()
        st.slack.clear_faults()  # reinstalled with im:write; each approver's DM refused for its own reason
        for a in APPROVERS:
            st.slack.inject("chat.postMessage", error="channel_not_found", channel=st.slack.dm_channel(a), times=10_000)
        for _ in range(len(APPROVERS)):  # one held DM tried an interval
            clock.t += TOKEN_ASK_EVERY
            st.deliver()
        with st.rt.db.session() as s:
            assert not [r for r in outbox.rows(s, statuses=[outbox.PENDING])
                        if (r.last_error or "").startswith("slack_scope: ")]
        clock.t += LEASE
        st.deliver()
        status, report = health(st.rt)
        assert report["slack_auth"] == "ok", report
        # The scope was never seen working: a later DM refused so is the same hold, reported again
        # by /healthz, without a second ERROR.
        st.slack.inject("conversations.open", error="missing_scope", times=10_000)
        st.rt.gateway._dm_channels.clear()  # (as a fresh process: not opened yet)
        with st.rt.db.session() as s:
            outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "リマインド"}, now=clock())
        with caplog.at_level(logging.INFO, logger="bot.slack_gateway"):
            st.deliver()
        assert health(st.rt)[1]["slack_auth"] == "missing_scope (im:write)"
        assert _refusal_errors(caplog.records) == 0
        assert [r for r in caplog.records if "for the installation" in r.getMessage()]
    finally:
        st.stop()


def _intake_channels(org: OrgConfig) -> list[str]:
    return sorted({a.intake_channel for a in org.accounts})


def _im_write_notices_outside_threads(st: LocalStack, channel: str) -> list[str]:
    return [m.text for m in st.slack.messages(channel) if "im:write" in m.text and not m.thread_ts]


def test_without_an_escalation_channel_the_im_write_hold_is_told_in_the_intake_channels(
        db_url: str, org: OrgConfig) -> None:
    """No escalation_channel configured: incident alerts and every notice go by DM, and under an
    im:write hold they all waited; the notice of the hold went only to the log. The intake channels,
    which the bot can still post to, are told once."""
    import dataclasses

    org = dataclasses.replace(org, policy=dataclasses.replace(org.policy, escalation_channel=""))
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("conversations.open", error="missing_scope", times=10_000)
        for n in range(2):
            st.driver.message("C0INTAKE", "U0OPERATOR", f"{CLEAN_DRAFT}（{n}）")
        _deliver_rounds(st, clock, 5)
        for channel in _intake_channels(org):
            told = _im_write_notices_outside_threads(st, channel)
            assert len(told) == 1, (channel, told)
            assert "DM を送れず" in told[0] and "インシデント" in told[0] and "再インストール" in told[0]
            # Read by operators, not by the IT 担当 it asks to reinstall: they are asked to pass it on.
            assert "IT 担当の方にお伝えください" in told[0], told[0]
        assert all(not dm(st, a) for a in APPROVERS)
        _nothing_failed(st)
    finally:
        st.stop()


def test_an_archived_escalation_channel_passes_the_im_write_notice_to_the_intake_channels(
        db_url: str, org: OrgConfig, caplog: pytest.LogCaptureFixture) -> None:
    """The escalation channel archived: its messages go to its members by DM, which im:write's
    absence holds, so the notice of that very hold reached nobody. It goes to the intake channels."""
    clock = SteppedClock(BUSINESS_MORNING)
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("conversations.open", error="missing_scope", times=10_000)
        st.slack.inject("chat.postMessage", error="is_archived", channel="C0ESCALATE", times=10_000)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        with caplog.at_level(logging.INFO, logger="bot.delivery_failures"):
            _deliver_rounds(st, clock, 5)
        # The IT 担当 reads why: the channel refused it (an ERROR naming it), not that none is configured.
        said = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR and "im:write" in r.getMessage()]
        assert any("C0ESCALATE refused" in m for m in said), said
        assert not any("no escalation channel" in m for m in said), said
        for channel in _intake_channels(org):
            told = _im_write_notices_outside_threads(st, channel)
            assert len(told) == 1, (channel, told)
            assert "IT 担当の方にお伝えください" in told[0], told[0]
        with st.rt.db.session() as s:  # no DM of it waits for the scope it is about
            assert not [r for r in outbox.rows(s, statuses=[outbox.PENDING]) if "im:write" in str(r.payload.get("text"))]
    finally:
        st.stop()


def test_a_hold_nothing_waits_for_lets_the_next_message_try_at_once(db_url: str, org: OrgConfig) -> None:
    """Once nothing waited for im:write any more, /healthz said ok and the docs promise the next DM
    is tried at once; it was held for what remained of the hold's interval (up to 45 s more), and
    /healthz said missing_scope again though nothing had been tried."""
    from sqlalchemy import update
    from sqlmodel import col

    from bot.slack_gateway import LEASE
    from storage.models import OutboxRow

    clock = SteppedClock(BUSINESS_MORNING.astimezone(UTC))
    st = start_local_stack(org, db_url, clock=clock, start_gateway=False)
    try:
        st.slack.inject("conversations.open", error="missing_scope", times=10_000)
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        _deliver_rounds(st, clock, 10, step=TOKEN_ASK_EVERY)  # the interval grows to its longest (a minute)
        st.deliver()  # one held DM tried now: the next one in a minute
        with st.rt.db.session() as s:  # the held DMs, sent by another replica
            s.connection().execute(update(OutboxRow).where(  # type: ignore[arg-type]
                col(OutboxRow.last_error).startswith("slack_scope: im:write:")).values(status=outbox.SENT))
        clock.t += LEASE + timedelta(seconds=1)
        st.deliver()
        assert health(st.rt)[1]["slack_auth"] == "ok"
        st.slack.clear_faults()  # reinstalled with im:write, no restart
        with st.rt.db.session() as s:
            outbox.enqueue(s, "post", {"channel": "U0MANAGER", "text": "リマインド"}, now=clock())
        st.deliver()
        assert [m for m in dm(st, "U0MANAGER") if m.text == "リマインド"], "the DM was held, not tried at once"
        assert health(st.rt)[1]["slack_auth"] == "ok"
    finally:
        st.stop()
