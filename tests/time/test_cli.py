"""``kessai remind --now`` (the cron way) and ``kessai incidents export``."""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from bot.cli import main
from bot.config import OrgConfig
from bot.services import IncomingMessage, Kessai
from bot.slack_gateway import SlackGateway
from storage import roster
from storage.db import Database, current_revision
from storage.db import upgrade as db_upgrade
from tests.conftest import DEMO_TOML
from tests.time.conftest import Clock, jst


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, org: OrgConfig) -> Database:
    monkeypatch.chdir(tmp_path)  # no stray .env
    url = f"sqlite:///{tmp_path / 'k.db'}"
    for key in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_API_URL", "KESSAI_TZ"):
        monkeypatch.delenv(key, raising=False)
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("KESSAI_CONFIG", str(DEMO_TOML))
    db = Database(url)
    db.upgrade()
    with db.session() as s:
        roster.sync(s, org)
    k = Kessai(db, org, clock=Clock(jst(2026, 11, 24, 10, 0)))
    k.receive_message(IncomingMessage(channel="C0INTAKE", user="U0OPERATOR", ts="1.000001",
                                      text="紅葉ライトアップのお知らせです。", event_key="e1"))
    yield db
    db.dispose()


def test_remind_runs_one_sweep_at_the_given_instant_once(env: Database, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["remind", "--now", "2026-11-24T11:59"]) == 0
    assert "決裁の催促" not in capsys.readouterr().out
    assert main(["remind", "--now", "2026-11-24T12:00+09:00"]) == 0
    out = capsys.readouterr().out
    assert "2026-11-24 12:00 の時点で確認しました" in out and "決裁の催促 1件" in out
    assert main(["remind", "--now", "2026-11-24T03:00:00Z"]) == 0  # the same instant in UTC
    assert "期限を迎えたリマインダーはありませんでした" in capsys.readouterr().out


@pytest.mark.parametrize("written", [
    "2026/11/24 12:00",  # as Excel shows a cell, and as `kessai check --at` takes it
    "2026/11/24 12:00:00",
    "2026年11月24日 12:00",
    "令和8年11月24日 12:00",
    "R8.11.24 12:00",
    "２０２６／１１／２４　１２：００",  # typed with the Japanese input on
    "2026/11/24(火) 12:00",
    " 2026-11-24T12:00 ",
])
def test_remind_reads_the_now_forms_check_reads_for_at(env: Database, capsys: pytest.CaptureFixture[str],
                                                     written: str) -> None:
    """`kessai check --at` read 「2026/11/24 12:00」 and 「令和8年…」; `remind --now` refused them as
    no date and time: an IT 担当 who learnt one wrote the other the same way and was refused."""
    assert main(["remind", "--now", written]) == 0
    out = capsys.readouterr().out
    assert "2026-11-24 12:00 の時点で確認しました" in out and "決裁の催促 1件" in out


@pytest.mark.parametrize("bad", [
    "tomorrow", "2026-13-01T10:00", "24/11/2026 10:00", "", "2026/11/24 25:00",
    "2026/11/24(月) 10:00",  # 11/24 is a Tuesday
    "令和1年1月1日 10:00",  # 令和 began on 5/1
    "0001-01-01T00:00", "1999-11-24T10:00",
])
def test_remind_and_check_refuse_a_time_neither_reads_in_the_same_words(
        env: Database, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    assert main(["remind", "--now", bad]) == 2
    said_by_remind = capsys.readouterr().err
    assert main(["check", "--at", bad, "-"]) == 2  # refused before anything is read from stdin
    said_by_check = capsys.readouterr().err
    assert said_by_remind.startswith("--now の日時「") and said_by_check.startswith("--at の日時「")
    assert said_by_remind.removeprefix("--now") == said_by_check.removeprefix("--at")
    assert "Traceback" not in said_by_remind and f"「{bad}」" in said_by_remind


@pytest.mark.parametrize("bad", ["tomorrow", "2026-13-01T10:00", "24/11/2026 10:00", ""])
def test_remind_refuses_a_bad_now_politely(env: Database, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    assert main(["remind", "--now", bad]) == 2
    err = capsys.readouterr().err
    assert "読み取れません" in err and "2026-12-08T10:00+09:00" in err and "令和8年12月8日 10:00" in err


@pytest.mark.parametrize(("now", "says"), [
    ("0001-01-01T00:00", "範囲外"),  # used to raise OverflowError
    ("9999-12-31T23:59", "範囲外"),
    ("2062-11-24T10:00", "先の日時"),  # a mistyped year would write ledger entries dated 2062
    ("1999-11-24T10:00", "範囲外"),
])
def test_remind_refuses_a_now_that_cannot_be_meant(env: Database, capsys: pytest.CaptureFixture[str], now: str,
                                                  says: str) -> None:
    assert main(["remind", "--now", now]) == 2
    assert says in capsys.readouterr().err


def test_incidents_export_json_and_csv(env: Database, org: OrgConfig, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    from bot.incidents import IncidentService

    service = IncidentService(Kessai(env, org, clock=Clock(jst(2026, 11, 24, 10, 0))))
    first = service.report(kind="impersonation", account_id="joetsu-x", reporter="U0OPERATOR",
                           description="偽アカウント https://x.com/fake", now=jst(2026, 11, 24, 10, 0))
    service.report(kind="other", account_id=None, reporter="U0OPERATOR2", description="その他の件",
                   now=jst(2026, 12, 2, 10, 0))
    service.ack(first, "U0JOHO", now=jst(2026, 11, 24, 10, 5))
    assert main(["incidents", "export", "--format", "json", "--to", "2026-11-30"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == [first]
    assert rows[0]["kind_ja"] == "なりすまし" and rows[0]["acked_by_name"] == "木田 四郎"
    assert [e["event"] for e in rows[0]["timeline"]] == ["reported", "acked"]
    target = tmp_path / "incidents.csv"
    assert main(["incidents", "export", "--format", "csv", "--output", str(target)]) == 0
    data = target.read_bytes()
    assert data.startswith("\ufeff".encode()) and "その他の件".encode() in data and b"\r\n" in data
    header = data.decode("utf-8-sig").split("\r\n", 1)[0]
    assert header.startswith("受付番号,種類コード,種類,") and header.endswith(",済んだチェック項目,経過")
    assert main(["incidents", "export", "--from", "11/01"]) == 2
    assert "--from の「11/01」は日付として読めません" in capsys.readouterr().err
    assert main(["incidents", "export", "--from", "2026-12-01", "--to", "2026-11-01"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and "より後の日付" in err


def test_remind_ahead_of_the_clock_leaves_drafts_due_later_undecided(env: Database, org: OrgConfig,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from datetime import UTC, datetime, timedelta

    from bot.drafting import DraftForm
    from storage import ledger as ledger_repo
    from storage.models import DraftRow

    real_now = datetime.now(UTC)
    k = Kessai(env, org)
    form = DraftForm(account_id="joetsu-x", text="冬のイベントのお知らせです。", scheduled_at=real_now + timedelta(days=2),
                     category="normal", image_count=0, alt_texts=(), portrait_consent=False, note=None)
    assert k.submit_form(form, "U0OPERATOR").kind == "pending"
    later = (real_now + timedelta(days=3)).isoformat(timespec="minutes")
    assert main(["remind", "--now", later]) == 0
    assert "今の時点で投稿予定時刻を過ぎているものだけ" in capsys.readouterr().out
    with env.session() as s:
        assert [d.state for d in s.exec(select(DraftRow)) if d.source == "modal"] == ["pending"]
        assert [e.kind for e in ledger_repo.iter_entries(s)] == []


def test_remind_does_not_migrate_the_database_and_says_what_to_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A cron job of a newly installed version must not change the tables under a `serve` that still
    runs the old one: it asks for `kessai db upgrade` (or a restart of serve) instead."""
    monkeypatch.chdir(tmp_path)
    url = f"sqlite:///{tmp_path / 'k.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    monkeypatch.setenv("KESSAI_CONFIG", str(DEMO_TOML))
    for key in ("SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_API_URL", "KESSAI_TZ"):
        monkeypatch.delenv(key, raising=False)
    assert main(["remind"]) == 2
    assert "kessai db upgrade" in capsys.readouterr().err
    db = Database(url)
    db_upgrade(db.engine, revision="0012")
    assert main(["remind"]) == 2
    err = capsys.readouterr().err
    assert "マイグレーション" in err and "0012" in err and "kessai db upgrade" in err
    assert current_revision(db.engine) == "0012"
    db.upgrade()
    assert main(["remind"]) == 0
    # A database a newer kessai upgraded (an old cron job left behind): upgrading is not the answer.
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    assert main(["remind"]) == 2
    err = capsys.readouterr().err
    assert "新しい版で更新" in err and "kessai db upgrade" not in err
    db.dispose()


def test_remind_brings_an_incident_the_escalation_channel_refuses_to_its_people(
        env: Database, org: OrgConfig, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """The alert reached the escalation channel, which was then archived; `kessai remind` from cron
    (no serve running) re-alerts: the re-alert must still reach the account's 運用管理責任者・代決者
    and 情報政策室 by DM, each in a live copy of the alert (its buttons in the archived channel can
    no longer be pressed) — the CLI wires the same fallback as serve."""
    from bot.incidents import IncidentService, escalation_people
    from bot.localstack import slack_users
    from bot.sandbox.server import LocalSlack
    from bot.slack_gateway import SlackGateway
    from bot.slack_http import KeepAliveWebClient

    slack = LocalSlack(token="xoxb-cli-test", users=slack_users(org)).start()
    try:
        monkeypatch.setenv("SLACK_BOT_TOKEN", slack.token)
        monkeypatch.setenv("SLACK_API_URL", slack.api_url)
        reported = datetime.now(UTC) - timedelta(minutes=20)
        kessai = Kessai(env, org, clock=Clock(reported))
        incident_id = IncidentService(kessai).report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR",
                                                     description="昨夜の投稿に批判が殺到しています。")
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        serve = stopped_after(SlackGateway(env, client, render_home=kessai.homes.render))
        serve.deliver_due()  # serve, at the time
        serve.stop()
        [posted] = slack.messages("C0ESCALATE")
        for method in ("chat.postMessage", "chat.update"):
            slack.inject(method, error="is_archived", channel="C0ESCALATE", times=1000)
        before = set(threading.enumerate())
        assert main(["remind", "--now", datetime.now(UTC).isoformat(timespec="seconds")]) == 0
        # Its copies to each person went side by side, on sending threads that outlived the run
        # in-process until the garbage collector came by, each with its connection to Slack.
        # (kessai's threads: the local Slack's handler threads end as it reads the closed connections.)
        assert [t.name for t in threading.enumerate() if t not in before and t.name.startswith("kessai-")] == []
        assert "Slack に" in capsys.readouterr().out
        people = escalation_people(org, "joetsu-x")
        assert {"U0MANAGER", "U0CHIEF", "U0DEPUTY", "U0JOHO"} <= set(people)
        for person in people:
            channel = slack.dm_channel(person)
            [copy] = [m for m in slack.messages(channel) if f"受付番号:* {incident_id}" in str(m.blocks)]
            assert "incident_ack" in str(copy.blocks)
            notes = [m.text for m in slack.messages(channel, thread_ts=copy.ts) if m.ts != copy.ts]
            assert any("対応開始されていません" in n and f"<@{person}>" in n for n in notes), (person, notes)
        assert [m.ts for m in slack.messages("C0ESCALATE")] == [posted.ts]
    finally:
        slack.stop()


def test_remind_looks_the_escalation_members_up_once_a_business_day(env: Database, org: OrgConfig) -> None:
    """An install that runs `kessai remind` from cron and no `kessai serve` never asked Slack
    whether the escalation members are still there: 課長 U0CHIEF, deactivated (退職), went on being
    mentioned in every incident re-alert. remind makes the business day's look-up (the key serve's
    sweep takes, so it is once a day whoever sweeps), and waits for it before delivering."""
    from bot.localstack import slack_users
    from bot.remind_cli import sweep_once
    from bot.sandbox.server import LocalSlack
    from bot.slack_http import KeepAliveWebClient
    from storage import outbox

    users = slack_users(org)
    users["U0CHIEF"] = {**users["U0CHIEF"], "deleted": True}
    slack = LocalSlack(token="xoxb-cli-test", users=users).start()
    try:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        morning = jst(2026, 11, 24, 10, 0)
        kessai = Kessai(env, org, clock=Clock(morning))
        _, checked, _ = sweep_once(kessai, morning, settle_until=morning, client=client)
        assert checked
        assert sorted(c.params.get("user") for c in slack.calls_of("users.info")) == [
            "U0CHIEF", "U0DEPUTY", "U0JOHO", "U0MANAGER"]
        with env.session() as s:
            told = [r.payload.get("text", "") for r in outbox.rows(s, (outbox.PENDING,))
                    if r.payload.get("channel") == "C0ESCALATE"]
        assert any("U0CHIEF" in t and "連絡のつかない方" in t for t in told), told
        later = morning + timedelta(minutes=5)
        _, checked, _ = sweep_once(Kessai(env, org, clock=Clock(later)), later, settle_until=later, client=client)
        assert not checked and len(slack.calls_of("users.info")) == 4
    finally:
        slack.stop()


def test_remind_delivers_the_sweeps_re_alert_without_waiting_for_a_slow_member_look_up(
        env: Database, org: OrgConfig, stopped_after: Callable[[SlackGateway], SlackGateway]) -> None:
    """The business day's first `kessai remind` also looks the escalation members up, one users.info
    call per person, each allowed 10 s. It waited for the whole look-up before delivering anything:
    with Slack slow to answer users.info, the unacknowledged incident's re-alert of that run stood in
    the outbox until the last person was looked up (the sweep itself keeps the look-up apart so that
    a slow Slack does not hold re-alerts back). What the sweep wrote goes out first."""
    import contextlib
    import threading
    from functools import partial

    from bot.incidents import IncidentService
    from bot.localstack import slack_users
    from bot.remind_cli import deliver_until_settled, sweep_once
    from bot.sandbox.server import LocalSlack
    from bot.slack_gateway import SlackGateway
    from bot.slack_http import KeepAliveWebClient

    slack = LocalSlack(token="xoxb-cli-test", users=slack_users(org)).start()
    try:
        client = KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=10)
        morning = jst(2026, 11, 24, 10, 0)
        reported = Kessai(env, org, clock=Clock(morning - timedelta(minutes=20)))
        IncidentService(reported).report(kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR",
                                         description="昨夜の投稿に批判が殺到しています。")
        gateway = stopped_after(SlackGateway(env, client, render_home=reported.homes.render))
        gateway.deliver_due()
        [alert] = slack.messages("C0ESCALATE")

        def re_alerted() -> bool:
            return any(c.method == "chat.postMessage" and c.params.get("thread_ts") == alert.ts for c in slack.calls)

        # Slow, but answering within the client's 10 s: each answer is held until Slack has the
        # re-alert. A fixed 1.5 s each left the re-alert 4.5 s to arrive before the last look-up,
        # which a loaded machine could miss with the look-up beside it; now only waiting for the
        # look-up first misses it (the answers then come at 8 s each, then at once after 30 s).
        answered = threading.Event()
        slack.inject("users.info", status=200, delay=8, times=4, released=answered)

        def answer_once_re_alerted() -> None:
            with contextlib.suppress(TimeoutError):
                slack.wait_for(re_alerted, timeout=30)
            answered.set()

        waiter = threading.Thread(target=answer_once_re_alerted, daemon=True)
        waiter.start()
        kessai = Kessai(env, org, clock=Clock(morning))
        report, checked, sent = sweep_once(kessai, morning, settle_until=morning, client=client,
                                           deliver=partial(deliver_until_settled, env, gateway))
        waiter.join()
        assert report.total and checked and sent
        calls = [c for c in slack.calls if c.method in ("users.info", "chat.postMessage")]
        re_alert = next(i for i, c in enumerate(calls)
                        if c.method == "chat.postMessage" and c.params.get("thread_ts") == alert.ts)
        looked_up = [i for i, c in enumerate(calls) if c.method == "users.info"]
        assert len(looked_up) == 4 and re_alert < looked_up[-1], [c.method for c in calls]
    finally:
        slack.stop()


def test_remind_closes_its_connections_to_slack_when_it_ends(
        env: Database, org: OrgConfig, monkeypatch: pytest.MonkeyPatch) -> None:
    """remind closed its database connections as it ended, not the ones it kept open to Slack
    (slack_http keeps one per sending thread): they stayed open until the garbage collector came by."""
    import gc

    from bot.incidents import IncidentService
    from bot.localstack import slack_users
    from bot.sandbox.server import LocalSlack

    slack = LocalSlack(token="xoxb-cli-test", users=slack_users(org)).start()
    gc.collect()
    gc.disable()
    try:
        monkeypatch.setenv("SLACK_BOT_TOKEN", slack.token)
        monkeypatch.setenv("SLACK_API_URL", slack.api_url)
        reported = datetime.now(UTC) - timedelta(minutes=20)  # unacknowledged: this run re-alerts it
        IncidentService(Kessai(env, org, clock=Clock(reported))).report(
            kind="flaming", account_id="joetsu-x", reporter="U0OPERATOR", description="昨夜の投稿に批判が殺到しています。")
        assert main(["remind", "--now", datetime.now(UTC).isoformat(timespec="seconds")]) == 0
        assert slack.calls_of("chat.postMessage", ok=True)  # it did talk to Slack
        server = slack._server
        assert server is not None
        slack.wait_for(lambda: not server._connections, timeout=30, message="the command's connections closed")
    finally:
        gc.enable()
        slack.stop()


def _outbox(db: Database) -> list[str]:
    from storage.models import OutboxRow

    with db.session() as s:
        return [r.status for r in s.exec(select(OutboxRow)).all()]


def test_remind_with_a_revoked_token_keeps_the_reminders_and_tells_cron(
        env: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The app uninstalled (token refused): the run logged a WARNING, said 'Slack に 0 件' and exited 0,
    so cron mailed nobody; and the next run with a working token, with no new reminder due, sent
    nothing of what waited (delivery ran only when the sweep wrote something). Now it exits 1 with
    the reason, and the next run sends each waiting message once."""
    from bot.sandbox.server import LocalSlack

    with LocalSlack() as slack:
        monkeypatch.setenv("SLACK_API_URL", slack.api_url)
        monkeypatch.setenv("SLACK_BOT_TOKEN", "xoxb-revoked")
        assert main(["remind", "--now", "2026-11-24T12:00"]) == 1
        out = capsys.readouterr()
        assert "決裁の催促 1件" in out.out
        assert "トークン" in out.err and "invalid_auth" in out.err and "失われていません" in out.err
        # The token came from the environment (compose, systemd): no .env to write it in.
        assert "環境変数 SLACK_BOT_TOKEN" in out.err and ".env" not in out.err
        assert set(_outbox(env)) == {"pending"}
        assert [c.method for c in slack.calls] == ["auth.test"]  # not every message refused in turn
        waiting = len(_outbox(env))

        monkeypatch.setenv("SLACK_BOT_TOKEN", slack.token)
        assert main(["remind", "--now", "2026-11-24T12:01"]) == 0
        out = capsys.readouterr()
        assert f"Slack に {waiting} 件のメッセージを送りました" in out.out and not out.err
        assert set(_outbox(env)) == {"sent"}
        posted = len(slack.calls_of("chat.postMessage"))
        assert main(["remind", "--now", "2026-11-24T12:02"]) == 0
        assert len(slack.calls_of("chat.postMessage")) == posted


def test_remind_whose_token_is_refused_mid_run_or_slack_down_exits_1(
        env: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """auth.test answered, then Slack refused the messages (the token revoked during the run), or
    Slack answered nothing but 500s: 'Slack に 0 件' and exit 0 hid it from cron."""
    from bot.sandbox.server import LocalSlack

    with LocalSlack() as slack:
        monkeypatch.setenv("SLACK_API_URL", slack.api_url)
        monkeypatch.setenv("SLACK_BOT_TOKEN", slack.token)
        slack.inject("*", status=500, times=10**6)
        assert main(["remind", "--now", "2026-11-24T12:00"]) == 1
        err = capsys.readouterr().err
        assert "Slack に接続できなかった" in err and "失われていません" in err
        assert set(_outbox(env)) == {"pending"}

        slack.clear_faults()
        slack.inject("chat.postMessage", error="token_revoked", times=10**6)
        slack.inject("conversations.open", error="token_revoked", times=10**6)
        slack.inject("auth.test", error="token_revoked", times=10**6)
        assert main(["remind", "--now", "2026-11-24T12:01"]) == 1
        err = capsys.readouterr().err
        assert "トークン" in err and "token_revoked" in err
        assert set(_outbox(env)) == {"pending"}


def test_remind_with_a_scope_refused_is_no_revoked_token(
        env: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Slack refusing the DMs for want of im:write is told in the escalation channel (the failure
    reporter), not as a revoked token: cron is not told to replace a token that works."""
    from bot.sandbox.server import LocalSlack

    with LocalSlack() as slack:
        monkeypatch.setenv("SLACK_API_URL", slack.api_url)
        monkeypatch.setenv("SLACK_BOT_TOKEN", slack.token)
        slack.inject("conversations.open", error="missing_scope", times=10**6)
        assert main(["remind", "--now", "2026-11-24T12:00"]) == 0
        assert "トークン" not in capsys.readouterr().err
        assert "sent" in _outbox(env)  # what needs no DM went out
        # The notice was not wired into remind: from cron alone the DMs waited and nobody was told.
        [notice] = [m for m in slack.messages("C0ESCALATE") if "im:write" in m.text]
        # No server here to restart (the notice said 「kessai を再起動してください」): the next run sends them.
        assert "再起動" not in notice.text and "再インストール" in notice.text, notice.text
        assert "次に kessai remind が動いたときに送られます" in notice.text, notice.text
        assert main(["remind", "--now", "2026-11-24T12:01"]) == 0  # the hold told once, not every run
        assert [m for m in slack.messages("C0ESCALATE") if "im:write" in m.text] == [notice]


def test_remind_with_chat_write_refused_tells_cron(
        env: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Without chat:write nothing can be posted, the escalation channel's notice included: the run said
    「Slack に 0 件のメッセージを送りました」 and exited 0, and the reminders waited with nobody told."""
    from bot.sandbox.server import LocalSlack

    with LocalSlack() as slack:
        monkeypatch.setenv("SLACK_API_URL", slack.api_url)
        monkeypatch.setenv("SLACK_BOT_TOKEN", slack.token)
        slack.inject("chat.postMessage", error="missing_scope", times=10**6)
        assert main(["remind", "--now", "2026-11-24T12:00"]) == 1
        err = capsys.readouterr().err
        waiting = len(_outbox(env))
        assert "chat:write" in err and "missing_scope" in err and "再インストール" in err, err
        assert f"{waiting} 件は送信待ち" in err and "失われていません" in err and "トークンを受け付けなかった" not in err
        assert set(_outbox(env)) == {"pending"}

        slack.clear_faults()  # the app reinstalled with the scope
        assert main(["remind", "--now", "2026-11-24T12:01"]) == 0
        out = capsys.readouterr()  # sent at once, not after the hold's backoff
        assert f"Slack に {waiting} 件のメッセージを送りました" in out.out and "送信待ち" not in out.err
        assert set(_outbox(env)) == {"sent"}


def test_an_incident_whose_timeline_excel_would_cut_is_exported_whole_and_noted(
        env: Database, org: OrgConfig, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An impersonation reported again and again (each report's words go into the timeline) made a
    「経過」 cell longer than Excel's 32,767 characters: Excel cut it on opening, and nothing said so."""
    import csv
    import io

    from bot.incidents import IncidentService

    service = IncidentService(Kessai(env, org, clock=Clock(jst(2026, 11, 24, 10, 0))))
    first = service.report(kind="impersonation", account_id="joetsu-x", reporter="U0OPERATOR",
                           description="偽アカウントが投稿しています", now=jst(2026, 11, 24, 10, 0))
    for i in range(11):  # the form holds 3,000 characters
        again = service.report(kind="impersonation", account_id="joetsu-x", reporter="U0OPERATOR2",
                               description=f"{i}回目の報告。" + "偽アカウントの投稿を見た住民から問い合わせ" * 140,
                               now=jst(2026, 11, 24, 10, 1 + i))
        assert again == first
    target = tmp_path / "incidents.csv"
    assert main(["incidents", "export", "--format", "csv", "--output", str(target)]) == 0
    err = capsys.readouterr().err
    (row,) = csv.DictReader(io.StringIO(target.read_bytes().decode("utf-8-sig"), newline=""))
    assert len(row["経過"]) > 32_767 and row["経過"].endswith("問い合わせ")  # written whole
    assert f"2 行目（受付番号 {first}）の「経過」は {len(row['経過']):,} 文字" in err and "Excel" in err, err
    assert main(["incidents", "export", "--format", "json"]) == 0
    assert "注意" not in capsys.readouterr().err  # JSON has no cells


def test_the_refusal_told_to_cron_with_nothing_waiting_does_not_count_zero_messages_kept() -> None:
    """A token refused before anything was due said 「送るべきリマインダーなど 0 件は送信待ちとして
    データベースに記録してあり、失われていません。…そのとき 1 回だけ送られます」."""
    from bot.remind_cli import scope_refused_ja, slack_unreachable_ja, token_refused_ja

    for said in (token_refused_ja("invalid_auth", 0), slack_unreachable_ja(0), scope_refused_ja("missing_scope", 0)):
        assert "0 件" not in said and "失われていません" not in said and "1 回だけ送られます" not in said
        assert "送信待ちのメッセージはありません" in said and said.endswith("。")
    assert "invalid_auth" in token_refused_ja("invalid_auth", 0) and "SLACK_BOT_TOKEN" in token_refused_ja("x", 0)
    for said in (token_refused_ja("invalid_auth", 3), slack_unreachable_ja(3), scope_refused_ja("missing_scope", 3)):
        assert "3 件は送信待ち" in said and "失われていません" in said and "1 回だけ送られます" in said



def test_the_refused_token_is_to_be_replaced_where_kessai_read_it(tmp_path: Path) -> None:
    """「.env の SLACK_BOT_TOKEN に設定し」 was said to installs configured in the environment (docker
    compose, systemd Environment=) that have no .env, and where the environment's token hides .env's."""
    from bot.remind_cli import token_refused_ja

    dotenv = tmp_path / ".env"
    dotenv.write_text("SLACK_BOT_TOKEN=xoxb-old\n", encoding="utf-8")
    from_file = token_refused_ja("invalid_auth", 0, env={}, dotenv=str(dotenv))
    assert ".env の SLACK_BOT_TOKEN に設定し" in from_file and "環境変数" not in from_file
    for env in ({"SLACK_BOT_TOKEN": "xoxb-old"}, {"DATABASE_URL": "postgresql://db/kessai"}):
        said = token_refused_ja("token_revoked", 2, env=env, dotenv=str(tmp_path / "none.env"))
        assert "環境変数 SLACK_BOT_TOKEN（docker compose" in said and ".env の" not in said, said
    # Set in both, the environment's wins (load_settings): editing .env would change nothing.
    said = token_refused_ja("invalid_auth", 0, env={"SLACK_BOT_TOKEN": "xoxb-old"}, dotenv=str(dotenv))
    assert "環境変数 SLACK_BOT_TOKEN" in said and ".env の" not in said


def test_a_chat_write_refused_for_the_token_kind_asks_for_the_bot_token() -> None:
    """not_allowed_token_type is no scope to add: a user or app-level token was set as SLACK_BOT_TOKEN."""
    from bot.remind_cli import scope_refused_ja

    said = scope_refused_ja("not_allowed_token_type", 2)
    assert "xoxb-" in said and "SLACK_BOT_TOKEN" in said and "not_allowed_token_type" in said
    assert "Bot Token Scopes" not in said
    assert "Bot Token Scopes" in scope_refused_ja("missing_scope", 2) and "xoxb-" not in scope_refused_ja("missing_scope", 2)


def _cron_slack_knobs(monkeypatch: pytest.MonkeyPatch, slack: object, timeout: float = 5.0,
                      budget: float = 8.0) -> None:
    # The default timeout is for tests of anything but timeouts: at 0.5 s the local Slack, on a
    # machine at load average 10, took longer to answer and the run stopped as if Slack were down
    # (CI at d0590bb0). Tests of a Slack that does not answer pass their own.
    import bot.remind_cli as remind_cli

    monkeypatch.setattr(remind_cli, "SLACK_TIMEOUT_SECONDS", timeout)
    monkeypatch.setattr(remind_cli, "RUN_BUDGET_SECONDS", budget)
    monkeypatch.setenv("SLACK_API_URL", slack.api_url)  # type: ignore[attr-defined]
    monkeypatch.setenv("SLACK_BOT_TOKEN", slack.token)  # type: ignore[attr-defined]


def _due_now(db: Database) -> None:
    """As the next cron run finds them a minute on: the backoff of the rows that timed out is over."""
    from storage.models import OutboxRow

    with db.session() as s:
        for row in s.exec(select(OutboxRow)).all():
            row.next_attempt_at = datetime.now(UTC) - timedelta(seconds=1)
            s.add(row)
        s.commit()


def test_remind_against_a_slack_that_never_answers_stops_at_the_first_timeout(
        env: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A Slack that accepts connections and never answers held a cron run about a minute (six 10 s
    timeouts: auth.test, the posts, auth.test again, the member look-up…), and runs started every
    minute overlapped. The run stops calling Slack at the first timeout and says so; nothing is lost."""
    import time

    from bot.sandbox.server import LocalSlack

    with LocalSlack() as slack:
        # Wall-clock bounds only where no call count can tell: far from what the old code took (six or more
        # timeouts in a row), since a loaded machine (load average 10) took 4 s for the run's own work.
        # A budget far past what is waited for: the run stops at its first timeout, whatever the budget,
        # and with 8 s a host under load spent the budget before the second run's first post (exit 0).
        _cron_slack_knobs(monkeypatch, slack, timeout=1.0, budget=30.0)
        slack.inject("*", status=200, delay=30, times=10**6)  # held far past the timeout
        started = time.monotonic()
        assert main(["remind", "--now", "2026-11-24T12:00"]) == 1
        took = time.monotonic() - started
        out = capsys.readouterr()
        assert [c.method for c in slack.calls] == ["auth.test"], took  # nothing asked after the first timeout
        assert "決裁の催促 1件" in out.out and "SLACK_BOT_TOKEN がない" not in out.out
        assert "1 秒待っても Slack から応答がなかったため" in out.err and "失われていません" in out.err, out.err
        assert set(_outbox(env)) == {"pending"}

        # auth.test answers, the posts hang: one round of posts times out, then nothing more is asked.
        slack.clear_faults()
        slack.inject("chat.postMessage", status=200, delay=30, times=10**6)
        slack.inject("conversations.open", status=200, delay=30, times=10**6)
        slack.inject("users.info", status=200, delay=30, times=10**6)
        before = len(slack.calls)
        started = time.monotonic()
        assert main(["remind", "--now", "2026-11-24T12:01"]) == 1
        took = time.monotonic() - started
        err = capsys.readouterr().err
        calls = [c.method for c in slack.calls[before:]]
        assert calls[0] == "auth.test" and calls.count("auth.test") == 1, calls  # no probe after the timeout
        # Only time tells a wait out of the held answers or of the default 10 s timeout (instead of the
        # 1 s set here) from this run's own: under 10 s. A bound of 6 s was missed at 6.2 and 6.4 s with
        # the product right, its own work taking 4 to 5 s on a loaded host (load average 12).
        assert took < 10, (took, calls)
        assert "Slack から応答がなかった" in err and "失われていません" in err, err
        assert set(_outbox(env)) == {"pending"}

        slack.clear_faults()  # Slack answers again: what waited goes out
        _due_now(env)
        assert main(["remind", "--now", "2026-11-24T12:02"]) == 0
        assert set(_outbox(env)) == {"sent"}


def test_remind_leaves_a_long_rate_limit_to_a_later_run_and_says_so(
        env: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """Slack answering 429 with Retry-After: 120 left the messages waiting while the run said
    「Slack に 0 件のメッセージを送りました」, with no word of why. A wait longer than the run's budget
    is not waited out: one line says so and the run ends; a short one is waited and the messages go."""
    import time

    from bot.sandbox.server import LocalSlack

    with LocalSlack() as slack:
        # A budget of 8 s ran out before the first 429 on a host at load average 12 (the run's own work took
        # longer), and the run rightly said so instead; 30 s still leaves the 120 s wait beyond it.
        _cron_slack_knobs(monkeypatch, slack, budget=30.0)
        slack.inject("chat.postMessage", status=429, retry_after=120, times=10**6)
        slack.inject("conversations.open", status=429, retry_after=120, times=10**6)
        started = time.monotonic()
        assert main(["remind", "--now", "2026-11-24T12:00"]) == 0
        assert time.monotonic() - started < 90  # the 120 s not waited out
        out = capsys.readouterr()
        waiting = _outbox(env).count("pending")
        assert waiting and "120 秒待つように" in out.out and f"残りの {waiting} 件は送信待ち" in out.out, out.out
        assert "送信待ち" not in out.err  # exit 0: Slack answers, and the wait is its own
    with LocalSlack() as slack:
        _cron_slack_knobs(monkeypatch, slack)
        env_outbox = len(_outbox(env))
        _due_now(env)  # the long wait is over
        slack.inject("chat.postMessage", status=429, retry_after=1, times=1)
        assert main(["remind", "--now", "2026-11-24T12:01"]) == 0
        out = capsys.readouterr()
        assert set(_outbox(env)) == {"sent"} and len(_outbox(env)) == env_outbox
        assert "待つように" not in out.out and f"Slack に {env_outbox} 件" in out.out, out.out


def test_overlapping_remind_runs_send_each_message_once(
        env: Database, monkeypatch: pytest.MonkeyPatch) -> None:
    """cron every minute with a slow Slack: the next run starts while the last still sends. The
    outbox's claims keep each message to one run."""
    import threading

    from bot.sandbox.server import LocalSlack

    with LocalSlack() as slack:
        _cron_slack_knobs(monkeypatch, slack, timeout=5.0, budget=20.0)
        slack.inject("chat.postMessage", status=200, delay=0.3, times=10**6)  # slow, but answering
        codes: list[int] = []
        runs = [threading.Thread(target=lambda: codes.append(main(["remind", "--now", "2026-11-24T12:00"])))
                for _ in range(2)]
        for r in runs:
            r.start()
        for r in runs:
            r.join(30)
        assert codes == [0, 0]
        assert set(_outbox(env)) == {"sent"}
        posts = slack.calls_of("chat.postMessage", ok=True)
        # Each post carries its outbox id (metadata): none twice.
        ids = [str(c.params.get("metadata")) for c in posts]
        assert len(ids) == len(set(ids)) == len(_outbox(env)), ids


def test_remind_with_a_slow_slack_stops_at_its_budget_and_leaves_the_rest_uncounted(
        env: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A Slack slow but answering could hold a run past the next cron start. A call starts only if it
    can end within the run's budget; the rest are given back untried (no attempt counted) and said."""
    from bot.sandbox.server import LocalSlack
    from storage.models import OutboxRow

    with LocalSlack() as slack:
        # One round of posts fits (budget - timeout < delay). Only that difference sets how long the
        # run takes, so the timeout is scaled up with the budget: each answer comes 9.5 s inside it
        # (a 1.0 s timeout timed out a 0.4 s answer on a loaded CI host, exit 1; 3.0 s left 2.5 s).
        _cron_slack_knobs(monkeypatch, slack, timeout=10.0, budget=10.3)
        slack.inject("chat.postMessage", status=200, delay=0.5, times=10**6)
        assert main(["remind", "--now", "2026-11-24T12:00"]) == 0
        out = capsys.readouterr()
        with env.session() as s:
            left = [r for r in s.exec(select(OutboxRow)).all() if r.status == "pending"]
        assert left and all(r.attempts == 0 for r in left), [(r.id, r.attempts, r.last_error) for r in left]
        assert f"時間内（10.3 秒）に送りきれませんでした。残りの {len(left)} 件は送信待ち" in out.out, out.out
        assert "Slack から応答がなかった" not in out.err and "接続できなかった" not in out.err

        _cron_slack_knobs(monkeypatch, slack, timeout=5.0, budget=30.0)
        slack.clear_faults()
        assert main(["remind", "--now", "2026-11-24T12:01"]) == 0
        assert set(_outbox(env)) == {"sent"}


def test_every_slack_call_of_a_cron_run_ends_within_its_budget(
        env: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """A call starts only with a whole timeout of the run's budget left, but one whose connection
    broke (Slack, or a proxy, holding the request and then closing it) was tried again at once with a
    whole new timeout: auth.test and the business day's member look-up ran some 11 s past the 40 s.
    A retry is made only when it can end within the budget."""
    import time

    from bot.remind_cli import CronSlackClient
    from bot.sandbox.server import LocalSlack

    # The connection breaks part-way through the timeout, and a retry's whole timeout no longer fits
    # the budget. The break 0.8 s into a 1.0 s timeout (and 0.3 s of budget to spare before the first
    # call) came after the timeout on a loaded host (exit 1). Only budget - timeout (1.5 s before the
    # first call) and the break set how long this takes: the timeout is scaled up with the budget, so
    # the break comes 8.2 s inside it.
    timeout, budget, breaks = 10.0, 11.5, 1.8
    with LocalSlack() as slack:
        _cron_slack_knobs(monkeypatch, slack, timeout=timeout, budget=budget)
        slack.inject("auth.test", dropped=True, delay=breaks, times=2)
        started = time.monotonic()
        assert main(["remind", "--now", "2026-11-24T12:00"]) == 0
        took = time.monotonic() - started
        assert len(slack.calls_of("auth.test")) == 1, (took, slack.calls)  # no retry past the budget
        assert set(_outbox(env)) == {"pending"}  # (no time left for them: the next run sends them)
        assert "送りきれませんでした" in capsys.readouterr().out

        limits = CronSlackClient(timeout=timeout, budget=budget)  # as the member look-up's thread asks
        client = limits.client(slack.token, slack.api_url)
        slack.inject("users.info", dropped=True, delay=breaks, times=2)
        with pytest.raises(Exception):  # noqa: B017 (slack_sdk's: the connection broken off)
            client.users_info(user="U0CHIEF")
        client.close()
        assert len(slack.calls_of("users.info")) == 1, slack.calls


def test_remind_does_not_wait_out_a_rate_limit_when_nothing_would_be_due_after_it(
        env: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The run after a long 429 (the messages put off for 120 s) met a short one (auth.test asked for
    3 s; 10 s here): it slept the 3 s because messages were waiting, though none of them would be due after it,
    and sent nothing. It waits only when something will be due by the end of the wait."""
    import time

    from bot.sandbox.server import LocalSlack

    with LocalSlack() as slack:
        _cron_slack_knobs(monkeypatch, slack, budget=30)  # the 10 s below is a wait the run could afford
        slack.inject("chat.postMessage", status=429, retry_after=120, times=10**6)
        slack.inject("conversations.open", status=429, retry_after=120, times=10**6)
        assert main(["remind", "--now", "2026-11-24T12:00"]) == 0
        waiting = _outbox(env).count("pending")
        assert waiting
        slack.clear_faults()
        slack.inject("auth.test", status=429, retry_after=10)
        capsys.readouterr()
        started = time.monotonic()
        assert main(["remind", "--now", "2026-11-24T12:01"]) == 0
        assert time.monotonic() - started < 8  # the 10 s not slept
        assert _outbox(env).count("pending") == waiting


# What the rule engine's families import (hundreds of patterns compiled, word lists read), the
# masking of leak reports and the morphological analyser: over a second of CPU that a cron
# `kessai remind`, run every minute, paid for nothing, as did the IT 担当's commands. No command
# below checks a draft or masks a report.
_ENGINE = ("bot.rules.engine", "bot.rules.prohibited", "bot.rules.credentials", "bot.rules.confidential",
           "bot.secret_mask", "sudachipy")
_PROBE = """
import contextlib, io, json, sys
from bot.cli import main
seen = {}
for argv in json.loads(sys.argv[1]):
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        rc = main(argv)
    seen[" ".join(argv[:2])] = [rc, out.getvalue(), [m for m in json.loads(sys.argv[2]) if m in sys.modules]]
print(json.dumps(seen, ensure_ascii=False))
"""


def test_commands_that_check_no_draft_do_not_load_the_rule_engine(env: Database, org: OrgConfig,
                                                                  tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """One process runs them in turn, as real work: a reminder and an incident's re-alert are due and
    delivered to Slack, and the organisation file has a [rules."…"] table (its codes are checked).
    `kessai check` last, as the probe's own check: it must load the engine."""
    import subprocess
    import sys

    from bot.incidents import IncidentService
    from bot.localstack import slack_users
    from bot.sandbox.server import LocalSlack

    config = tmp_path / "org.toml"
    config.write_text(DEMO_TOML.read_text(encoding="utf-8") + '\n[rules."link.untrusted"]\nseverity = "info"\n',
                      encoding="utf-8")
    monkeypatch.setenv("KESSAI_CONFIG", str(config))
    IncidentService(Kessai(env, org, clock=Clock(jst(2026, 11, 24, 10, 0)))).report(
        kind="password_leak", account_id="joetsu-x", reporter="U0OPERATOR", description="パスワードは abc12345 です")
    draft = tmp_path / "draft.txt"
    draft.write_text("紅葉ライトアップのお知らせです。", encoding="utf-8")
    commands = [["remind", "--now", "2026-11-24T12:00+09:00"], ["config", "check"], ["ledger", "verify"],
                ["ledger", "export", "--output", str(tmp_path / "l.json")], ["db", "upgrade"],
                ["incidents", "export", "--output", str(tmp_path / "i.json")], ["check", str(draft)]]
    slack = LocalSlack(token="xoxb-cli-test", users=slack_users(org)).start()
    try:
        r = subprocess.run([sys.executable, "-c", _PROBE, json.dumps(commands), json.dumps(_ENGINE)],
                           capture_output=True, text=True, timeout=120,
                           env={**os.environ, "SLACK_BOT_TOKEN": slack.token, "SLACK_API_URL": slack.api_url})
        assert r.returncode == 0, r.stderr
        seen = json.loads(r.stdout)
        assert any("対応開始されていません" in m.text for m in slack.messages("C0ESCALATE"))
    finally:
        slack.stop()
    remind_rc, said, _ = seen["remind --now"]
    assert remind_rc == 0 and "決裁の催促 1件" in said and "Slack に" in said, said
    for name, (rc, said, loaded) in seen.items():
        if name != f"check {draft}":
            assert rc == 0 and loaded == [], (name, said, loaded)
    assert "bot.rules.engine" in seen[f"check {draft}"][2]  # the probe sees the engine when it is loaded
