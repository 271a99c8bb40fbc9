"""The trial as docs/operations.md「SQLite から PostgreSQL への移行」 has it: a real `kessai serve` on
SQLite decides, is stopped, `kessai db copy` moves everything to PostgreSQL, and serve goes on there."""

from __future__ import annotations

import re
from pathlib import Path

from bot.config import OrgConfig
from bot.localstack import slack_users
from bot.sandbox.server import LocalSlack
from storage.db import Database
from tests.conftest import migrated_database_url
from tests.e2e.conftest import all_text
from tests.production.serveproc import ServeProcess
from tests.storage.test_db_copy import kessai


def requests_to(slack: LocalSlack, user: str) -> list:  # type: ignore[type-arg]
    return [m for m in slack.messages(slack.dm_channel(user)) if "決裁依頼" in all_text(m)]


def head_of(said: str) -> str:
    found = re.search(r"最新の記録 #\d+ のハッシュ: [0-9a-f]{64}", said)
    assert found, said
    return found[0]


def test_serve_goes_on_on_postgresql_where_the_sqlite_trial_stopped(tmp_path: Path, org: OrgConfig) -> None:
    production = migrated_database_url("postgres", tmp_path / "pg")  # skipped without TEST_DATABASE_URL
    trial = f"sqlite:///{tmp_path / 'trial' / 'kessai.db'}"
    slack = LocalSlack(users=slack_users(org)).start()
    try:
        serve = ServeProcess(slack, trial, tmp_path).start()
        try:
            drv = serve.driver()
            drv.message("C0INTAKE", "U0OPERATOR", "市民プールは点検のため臨時休館します。", event_id="Ev0TRIAL1")
            slack.wait_for(lambda: len(requests_to(slack, "U0MANAGER")) == 1, timeout=30)
            first = requests_to(slack, "U0MANAGER")[0]
            drv.block_action("U0MANAGER", "approve_draft", channel=first.channel, message_ts=first.ts)
            slack.wait_for(lambda: "承認しました" in all_text(requests_to(slack, "U0MANAGER")[0]), timeout=30)
        finally:
            assert serve.terminate() == 0

        copied = kessai(trial, "db", "copy", "--to", production)
        assert copied.returncode == 0, copied.stderr
        assert "決裁台帳 1 件" in copied.stdout

        serve = ServeProcess(slack, production, tmp_path, name="production").start()
        try:
            drv = serve.driver()
            drv.message("C0INTAKE", "U0OPERATOR", "図書館で子ども向けのおはなし会を開きます。", event_id="Ev0PROD1")
            slack.wait_for(lambda: len(requests_to(slack, "U0MANAGER")) == 2, timeout=30)
            second = requests_to(slack, "U0MANAGER")[1]
            drv.block_action("U0MANAGER", "approve_draft", channel=second.channel, message_ts=second.ts)
            slack.wait_for(lambda: "承認しました" in all_text(requests_to(slack, "U0MANAGER")[1]), timeout=30)
        finally:
            assert serve.terminate() == 0
        # Nothing of the trial's was sent again by the production serve: its outbox came over as sent.
        assert len(requests_to(slack, "U0MANAGER")) == 2
    finally:
        slack.stop()

    verified = kessai(production, "ledger", "verify")
    assert verified.returncode == 0 and "2 件の記録" in verified.stdout, verified
    assert head_of(copied.stdout).split(" のハッシュ")[1] != head_of(verified.stdout).split(" のハッシュ")[1]
    db = Database(production)
    try:
        with db.engine.connect() as c:
            assert [r[0] for r in c.exec_driver_sql("SELECT id FROM drafts ORDER BY id")] == [1, 2]
    finally:
        db.dispose()
