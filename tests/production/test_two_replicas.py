"""Two ``kessai serve`` replicas on one PostgreSQL behave like one."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import select

from bot.config import OrgConfig
from bot.localstack import slack_users
from bot.sandbox.server import LocalSlack
from storage.db import Database
from storage.models import DraftRow, LedgerEntryRow
from tests.conftest import database_url
from tests.e2e.conftest import APPROVERS, all_text
from tests.production.serveproc import ServeProcess
from tests.production.test_kill_restart import TEXT, dm_of, undelivered


@pytest.fixture
def replicas(tmp_path: Path, org: OrgConfig) -> Iterator[tuple[LocalSlack, str, ServeProcess, ServeProcess]]:
    url = database_url("postgres", tmp_path)
    slack = LocalSlack(users=slack_users(org)).start()
    a = ServeProcess(slack, url, tmp_path, name="a").start()
    b = ServeProcess(slack, url, tmp_path, name="b").start()
    yield slack, url, a, b
    a.stop()
    b.stop()
    slack.stop()


def rows(url: str, model: type) -> list:  # type: ignore[type-arg]
    db = Database(url)
    try:
        with db.session() as s:
            return list(s.exec(select(model)))
    finally:
        db.dispose()


def test_retries_landing_on_different_replicas_make_one_draft(replicas) -> None:  # type: ignore[no-untyped-def]
    slack, url, a, b = replicas
    da, db_ = a.driver(), b.driver()
    ts = da.message("C0INTAKE", "U0OPERATOR", TEXT, event_id="Ev0REPL1")
    # Slack retries the same delivery; round-robin sends it to the other replica, twice at once.
    threads = [threading.Thread(target=d.message, args=("C0INTAKE", "U0OPERATOR", TEXT),
                                kwargs={"ts": ts, "event_id": "Ev0REPL1", "retry_num": n})
               for n, d in ((1, db_), (2, da), (3, db_))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for ap in APPROVERS:
        slack.wait_for(lambda ap=ap: dm_of(slack, ap), timeout=30)
    slack.wait_for(lambda: undelivered(url) == 0, timeout=30)
    assert len(rows(url, DraftRow)) == 1
    assert all(len(dm_of(slack, ap)) == 1 for ap in APPROVERS)


def test_concurrent_clicks_on_different_replicas_make_one_decision(replicas) -> None:  # type: ignore[no-untyped-def]
    slack, url, a, b = replicas
    a.driver().message("C0INTAKE", "U0OPERATOR", TEXT)
    for ap in APPROVERS:
        slack.wait_for(lambda ap=ap: dm_of(slack, ap), timeout=30)
    barrier = threading.Barrier(4)

    def click(driver, approver: str) -> None:  # type: ignore[no-untyped-def]
        msg = dm_of(slack, approver)[0]
        barrier.wait()
        driver.block_action(approver, "approve_draft", channel=msg.channel, message_ts=msg.ts)

    pairs = [(a.driver(), "U0MANAGER"), (b.driver(), "U0CHIEF"), (b.driver(), "U0MANAGER"), (a.driver(), "U0CHIEF")]
    threads = [threading.Thread(target=click, args=p) for p in pairs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    slack.wait_for(lambda: all("承認しました" in all_text(dm_of(slack, ap)[0]) for ap in APPROVERS), timeout=30)
    slack.wait_for(lambda: undelivered(url) == 0, timeout=30)
    entries = rows(url, LedgerEntryRow)
    assert len(entries) == 1
    # Exactly one "approved" notice in the thread, whichever replica won.
    notices = [m for m in slack.messages("C0INTAKE") if m.thread_ts and "が承認されました" in m.text]
    assert len(notices) == 1


def test_two_cron_sweeps_at_once_send_each_reminder_once(tmp_path: Path, org: OrgConfig) -> None:
    import os
    import subprocess
    import sys

    from bot.app import shifted_clock
    from bot.localstack import start_local_stack
    from tests.e2e.conftest import BUSINESS_MORNING, CLEAN_DRAFT, wait_dm
    from tests.production.serveproc import DEMO_TOML, REPO

    url = database_url("postgres", tmp_path)
    st = start_local_stack(org, url, clock=shifted_clock(BUSINESS_MORNING))
    try:
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        for ap in APPROVERS:
            wait_dm(st, ap)
        st.rt.gateway.stop()
        env = {**os.environ, "DATABASE_URL": url, "KESSAI_CONFIG": str(DEMO_TOML), "PYTHONPATH": str(REPO),
               "SLACK_BOT_TOKEN": st.slack.token, "SLACK_API_URL": st.slack.api_url}
        later = "2026-11-24T13:00:00+09:00"  # 3 business hours after the request: one reminder is due
        procs = [subprocess.Popen([sys.executable, "-m", "bot", "remind", "--now", later], env=env, cwd=tmp_path,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
        outputs = [p.communicate(timeout=60)[0] for p in procs]
        assert all(p.returncode == 0 for p in procs), outputs
        # Everything after the original request in each approver's DM is the reminder.
        reminders = {ap: [all_text(m) for m in st.slack.messages(st.slack.dm_channel(ap))[1:]] for ap in APPROVERS}
        assert all(len(r) == 1 for r in reminders.values()), (reminders, outputs)
    finally:
        st.stop()
