"""Two ``kessai serve`` replicas in Socket Mode on one PostgreSQL.

Slack lets an app hold several Socket Mode connections and hands each envelope to one of them;
a retry may reach another connection than the first attempt. The local Slack server does the
same (connections taken in turn), so every retry below lands on the other replica.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import OrgConfig
from bot.localstack import slack_users
from bot.sandbox import LocalSlack, SocketModeDriver
from storage.models import DraftRow, LedgerEntryRow
from tests.conftest import database_url
from tests.e2e.conftest import APPROVERS, all_text
from tests.production.serveproc import ServeProcess
from tests.production.test_kill_restart import TEXT, dm_of, undelivered
from tests.production.test_two_replicas import rows


@pytest.fixture
def socket_replicas(tmp_path: Path, org: OrgConfig) -> Iterator[tuple[LocalSlack, str, ServeProcess, ServeProcess]]:
    url = database_url("postgres", tmp_path)
    slack = LocalSlack(users=slack_users(org)).start()
    env = {"SLACK_APP_TOKEN": slack.app_token}
    a = ServeProcess(slack, url, tmp_path, name="a", extra_env=env).start()
    b = ServeProcess(slack, url, tmp_path, name="b", extra_env=env).start()
    assert slack.socket_connections == 2
    yield slack, url, a, b
    a.stop()
    b.stop()
    slack.stop()


def test_retries_reaching_the_other_replica_make_one_draft(socket_replicas) -> None:  # type: ignore[no-untyped-def]
    slack, url, _a, _b = socket_replicas
    drv = SocketModeDriver(slack)
    drv.message("C0INTAKE", "U0OPERATOR", TEXT, event_id="Ev0SOCKREPL1")
    assert drv.last_reply is not None and drv.last_reply.status == 200
    for n in (1, 2, 3):  # Slack redelivers; each attempt goes to the next connection
        drv.retry_last_event(retry_num=n)
        assert drv.last_reply.status == 200
    for ap in APPROVERS:
        slack.wait_for(lambda ap=ap: dm_of(slack, ap), timeout=30, message=f"request to {ap}")
    slack.wait_for(lambda: undelivered(url) == 0, timeout=30)
    assert len(rows(url, DraftRow)) == 1
    assert all(len(dm_of(slack, ap)) == 1 for ap in APPROVERS)


def test_concurrent_clicks_over_both_connections_make_one_decision(socket_replicas) -> None:  # type: ignore[no-untyped-def]
    slack, url, _a, _b = socket_replicas
    SocketModeDriver(slack).message("C0INTAKE", "U0OPERATOR", TEXT)
    for ap in APPROVERS:
        slack.wait_for(lambda ap=ap: dm_of(slack, ap), timeout=30, message=f"request to {ap}")
    barrier = threading.Barrier(4)

    def click(approver: str) -> None:
        msg = dm_of(slack, approver)[0]
        barrier.wait()
        SocketModeDriver(slack).block_action(approver, "approve_draft", channel=msg.channel, message_ts=msg.ts)

    threads = [threading.Thread(target=click, args=(ap,)) for ap in ("U0MANAGER", "U0CHIEF", "U0MANAGER", "U0CHIEF")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    slack.wait_for(lambda: all("承認しました" in all_text(dm_of(slack, ap)[0]) for ap in APPROVERS), timeout=30)
    slack.wait_for(lambda: undelivered(url) == 0, timeout=30)
    assert len(rows(url, LedgerEntryRow)) == 1
    notices = [m for m in slack.messages("C0INTAKE") if m.thread_ts and "が承認されました" in m.text]
    assert len(notices) == 1


def test_a_killed_replica_leaves_the_work_to_the_other(socket_replicas) -> None:  # type: ignore[no-untyped-def]
    slack, url, a, _b = socket_replicas
    a.kill()  # its socket closes with the process; Slack stops handing it envelopes
    slack.wait_for(lambda: slack.socket_connections == 1, timeout=30, message="the dead connection noticed")
    drv = SocketModeDriver(slack)
    for n in range(3):
        drv.message("C0INTAKE", "U0OPERATOR", f"{TEXT}（その{n + 1}）")
        assert drv.last_reply is not None and drv.last_reply.status == 200
    slack.wait_for(lambda: len(dm_of(slack, "U0MANAGER")) == 3, timeout=30, message="three requests")
    slack.wait_for(lambda: undelivered(url) == 0, timeout=30)
    assert len(rows(url, DraftRow)) == 3
