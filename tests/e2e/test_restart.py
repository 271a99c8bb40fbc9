"""A crash between a decision and its notification: the notification arrives after restart."""

from __future__ import annotations

import threading
from pathlib import Path

from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import start_local_stack
from storage import ledger as ledger_repo
from storage import outbox
from tests.conftest import database_url
from tests.e2e.conftest import BUSINESS_MORNING, all_text, dm, settle, wait_dm, wait_thread
from tests.e2e.test_core_loop import CLEAN_DRAFT
from tests.e2e.test_workflow_drafting import open_draft_modal
from tests.sandbox.test_keep_alive import _open_sockets, sockets_of


def test_decision_committed_before_crash_is_announced_after_restart(tmp_path: Path, org: OrgConfig) -> None:
    url = database_url("sqlite", tmp_path)
    first = start_local_stack(org, url, clock=shifted_clock(BUSINESS_MORNING))
    slack = first.slack
    ts = first.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(first, "U0MANAGER")[0]
    settle(first)
    first.rt.gateway.stop()  # from here on, nothing committed reaches Slack: the "crash" window
    first.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    with first.rt.db.session() as s:
        first.slack.wait_for(lambda: outbox.backlog(s) > 0, timeout=30)
    assert "承認しました" not in all_text(dm(first, "U0MANAGER")[0])
    first.server.stop()
    first.rt.db.dispose()

    second = start_local_stack(org, url, slack=slack, clock=shifted_clock(BUSINESS_MORNING))
    try:
        second.slack.wait_for(lambda: "承認しました" in all_text(dm(second, "U0MANAGER")[0]), timeout=30)
        wait_thread(second, "C0INTAKE", ts, lambda ms: any("承認されました" in all_text(m) for m in ms))
        settle(second)
        with second.rt.db.session() as s:
            assert outbox.backlog(s) == 0
    finally:
        second.stop()


def test_an_approver_added_while_a_draft_waits_gets_the_request_itself(tmp_path: Path, org: OrgConfig) -> None:
    """The organisation file names new approvers and the bot restarts while a draft waits: the
    first reminder brings them the request with its buttons (they never had the DM it would point
    at), the ones who left are refused, and the new approver's decision is the one recorded."""
    from datetime import timedelta

    from bot.config import parse_org_config
    from bot.sweep import Sweeper
    from tests.conftest import DEMO_TOML
    from tests.e2e.conftest import buttons, thread

    url = database_url("sqlite", tmp_path)
    first = start_local_stack(org, url, clock=shifted_clock(BUSINESS_MORNING))
    slack = first.slack
    ts = first.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(first, "U0MANAGER")
    settle(first)
    first.server.stop()
    first.rt.stop()
    toml = DEMO_TOML.read_text(encoding="utf-8").replace('approvers = ["U0MANAGER", "U0CHIEF"]',
                                                         'approvers = ["U0CHIEF", "U0JOHO"]')
    second = start_local_stack(parse_org_config(toml, "demo.toml"), url, slack=slack,
                               clock=shifted_clock(BUSINESS_MORNING))
    try:
        old = dm(second, "U0MANAGER")[0]
        second.driver.block_action("U0MANAGER", "approve_draft", channel=old.channel, message_ts=old.ts)
        Sweeper(second.rt.kessai).sweep(BUSINESS_MORNING + timedelta(hours=2, minutes=1))
        settle(second)
        [request] = dm(second, "U0JOHO")
        assert set(buttons(request)) == {"approve_draft", "reject_draft"} and "決裁依頼" in all_text(request)
        assert ["決裁のお願い" in all_text(m) for m in dm(second, "U0CHIEF")] == [False, True]
        assert any("木田 四郎 さんにも第1版の決裁を依頼しました" in all_text(m) for m in thread(second, "C0INTAKE", ts))
        # Asked once: the next sweep reminds them like the others.
        Sweeper(second.rt.kessai).sweep(BUSINESS_MORNING + timedelta(days=1, hours=3))
        settle(second)
        assert len(dm(second, "U0JOHO")) == 2 and "決裁のお願い" in all_text(dm(second, "U0JOHO")[1])
        second.driver.block_action("U0JOHO", "approve_draft", channel=request.channel, message_ts=request.ts)
        second.slack.wait_for(lambda: "承認しました" in all_text(dm(second, "U0CHIEF")[0]), timeout=30)
        settle(second)
        assert "承認しました" in all_text(dm(second, "U0JOHO")[0])
        with second.rt.db.session() as s:
            [entry] = [e for e in ledger_repo.entries_for_draft(s, 1) if e.kind == "approved"]
        assert entry.decider_id == "U0JOHO"
    finally:
        second.stop()


def test_a_stopped_bot_leaves_no_sending_thread_and_no_connection_to_slack(tmp_path: Path, org: OrgConfig) -> None:
    """A bot stopped in-process (the demo; every end-to-end test) left its gateway's sending
    threads running until the garbage collector came by, and its client for forms (views.open)
    for the life of the process, each keeping a connection to Slack open: to a local Slack stopped
    long since, a socket in CLOSE_WAIT on a port number a later test's server may get (what made
    the keep-alive test flaky), and more open files with every test."""
    before = set(threading.enumerate())
    st = start_local_stack(org, database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING),
                           start_gateway=False)  # (passes here, as serve's last one after stop())
    try:
        open_draft_modal(st)  # views.open, through the forms' own client
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        st.deliver()  # the draft's DMs to its approvers: sent side by side
        wait_dm(st, "U0MANAGER")
        started = [t.name for t in threading.enumerate() if t not in before]
        assert any(name.startswith("kessai-send") for name in started), started
        ours = sockets_of(st.slack.port)  # while the server is up: its clients' ends are told by their peers
        assert ours
    finally:
        st.stop()
    # kessai's threads (the watchdog of Slack calls is one for the whole process, made at its first
    # call); the local Slack's and the web server's are theirs to stop.
    left = [t.name for t in threading.enumerate()
            if t not in before and t.name.startswith("kessai-") and t.name != "kessai-slack-watchdog"]
    assert left == []
    assert ours & _open_sockets() == set()
