"""A crash between a decision and its notification: the notification arrives after restart."""

from __future__ import annotations

from pathlib import Path

from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import start_local_stack
from storage import outbox
from tests.conftest import database_url
from tests.e2e.conftest import BUSINESS_MORNING, all_text, dm, settle, wait_dm, wait_thread
from tests.e2e.test_core_loop import CLEAN_DRAFT


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
        first.slack.wait_for(lambda: outbox.backlog(s) > 0, timeout=5)
    assert "承認しました" not in all_text(dm(first, "U0MANAGER")[0])
    first.server.stop()
    first.rt.db.dispose()

    second = start_local_stack(org, url, slack=slack, clock=shifted_clock(BUSINESS_MORNING))
    try:
        second.slack.wait_for(lambda: "承認しました" in all_text(dm(second, "U0MANAGER")[0]), timeout=10)
        wait_thread(second, "C0INTAKE", ts, lambda ms: any("承認されました" in all_text(m) for m in ms))
        settle(second)
        with second.rt.db.session() as s:
            assert outbox.backlog(s) == 0
    finally:
        second.stop()
