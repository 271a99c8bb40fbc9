"""4月1日: the organisation file changes at once (人事異動・組織改編) while drafts wait, incidents
are open and reminders are due; kessai restarts with it. On SQLite and PostgreSQL.

What tests/e2e/test_roster_change.py does not already cover: the escalation channel moving under an
open incident, an operator promoted to approve the account they write for, an approver moving to
approve another account, and the ledger read after all of it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from bot import incidents as inc
from bot.config import OrgConfig
from bot.localstack import LocalStack
from bot.sandbox.records import Message
from bot.sweep import Sweeper
from tests.conftest import DEMO_TOML, database_url
from tests.e2e.conftest import (
    BUSINESS_MORNING,
    CLEAN_DRAFT,
    all_text,
    buttons,
    dm,
    settle,
    wait_dm,
    wait_ephemeral,
)
from tests.e2e.test_incidents import alert, incident_row, replies, report, sweep_at
from tests.e2e.test_roster_change import Restarts, edited_org

ESCALATION = 'escalation_channel = "C0ESCALATE"'
MOVED_ESCALATION = (ESCALATION, 'escalation_channel = "C0KIKI2027"')


@pytest.fixture(params=["sqlite", "postgres"])
def restarts(request: pytest.FixtureRequest, tmp_path: Path, org: OrgConfig) -> Iterator[Restarts]:
    r = Restarts(database_url(request.param, tmp_path), org)
    yield r
    r.st.stop()


def top_level(st: LocalStack, channel: str) -> list[Message]:
    return [m for m in st.slack.messages(channel) if not m.thread_ts or m.thread_ts == m.ts]


def test_an_open_incident_follows_the_escalation_channel_to_its_new_id(restarts: Restarts) -> None:
    """The escalation channel is a new one from 4月1日 (a new 危機管理 channel): the re-alert of an
    incident reported the day before was posted loose there, asking to press 「対応開始」 on an alert
    nobody in that channel could see. The alert is now given in the new channel, the re-alert goes
    under it, and it can be acknowledged there; the old alert is still kept up to date."""
    st = restarts.st
    report(st)
    settle(st)
    old = alert(st)
    created = incident_row(st).created_at

    st = restarts.restart(edited_org(MOVED_ESCALATION))
    sweep_at(st, created + timedelta(minutes=15))
    [moved] = top_level(st, "C0KIKI2027")
    assert "インシデント" in all_text(moved) and inc.ACK_ACTION in buttons(moved), all_text(moved)
    [realert] = [all_text(m) for m in st.slack.messages("C0KIKI2027", thread_ts=moved.ts) if m.ts != moved.ts]
    assert "<@U0JOHO>" in realert and "対応開始されていません" in realert
    assert replies(st, old) == []  # nothing more in the channel nobody is asked to watch

    sweep_at(st, created + timedelta(minutes=16))  # the next sweep posts the alert no second time
    assert len(top_level(st, "C0KIKI2027")) == 1

    st.driver.block_action("U0JOHO", inc.ACK_ACTION, channel=moved.channel, message_ts=moved.ts)
    st.slack.wait_for(lambda: incident_row(st).status == "acked", timeout=30, message="acknowledged")
    settle(st)
    assert inc.ACK_ACTION not in buttons(alert(st))  # the old alert no longer offers 対応開始 either
    assert inc.ACK_ACTION not in buttons(top_level(st, "C0KIKI2027")[0])


def test_an_operator_promoted_to_approve_their_own_account_is_never_asked_for_their_own_draft(
        restarts: Restarts) -> None:
    """高田 太郎 (主事, operator) is promoted to 課長補佐 and replaces 上越 花子 as approver of 上越市公式X
    while his own draft waits: 上越 花子's request is retracted, he is not asked to decide his own
    draft (a person never approves their own draft), and his click on 春日山's request is refused."""
    st = restarts.st
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    settle(st)
    st = restarts.restart(edited_org(
        ('rank = "主事"', 'rank = "課長補佐"'),
        ('approvers = ["U0MANAGER", "U0CHIEF"]\ndeputies = ["U0DEPUTY"]',
         'approvers = ["U0OPERATOR", "U0CHIEF"]\ndeputies = ["U0DEPUTY"]')))
    sent = Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=5)).sent
    settle(st)
    assert sent["approval.removed"] == 1 and sent["approval.added"] == 0
    assert not any(buttons(m) for m in dm(st, "U0OPERATOR"))
    [request] = dm(st, "U0CHIEF")
    st.driver.block_action("U0OPERATOR", "approve_draft", buttons(request)["approve_draft"],
                           channel=request.channel, message_ts=request.ts)
    wait_ephemeral(st, "U0OPERATOR", "ご自身が作成した下書きを決裁することはできません")
    # A later sweep (a replica, the next minute) does not ask him either.
    assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=6)).total == 0


def test_the_ledger_after_the_reorganisation_still_verifies_and_names_who_decided_then(
        restarts: Restarts, tmp_path: Path) -> None:
    """上越 花子 approved on 3月31日, then moved to 情報政策室 as 課長 and stopped approving for 上越市公式X;
    春日山 一郎 approves instead. The chain still verifies, and the old entry names her — the person
    who decided — not whoever holds the post now."""
    import json

    from tests.e2e.conftest import drafts
    from tests.test_cli import kessai

    st = restarts.st
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    [request] = wait_dm(st, "U0MANAGER")
    st.driver.block_action("U0MANAGER", "approve_draft", buttons(request)["approve_draft"],
                           channel=request.channel, message_ts=request.ts)
    st.slack.wait_for(lambda: [d.state for d in drafts(st)] == ["approved"], timeout=30)
    settle(st)
    st = restarts.restart(edited_org(
        ('org = "koho"\nrank = "課長補佐"', 'org = "joho"\nrank = "課長"'),
        ('approvers = ["U0MANAGER", "U0CHIEF"]', 'approvers = ["U0CHIEF"]'),
        ('approvers = ["U0MANAGER"]', 'approvers = ["U0CHIEF"]')))
    Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=5))
    st.driver.message("C0INTAKE", "U0OPERATOR2", "12月の市報は12月1日（火）に発行します。ぜひご覧ください。")
    second = wait_dm(st, "U0CHIEF", 2)[-1]  # the first was the request 上越 花子 decided
    st.driver.block_action("U0CHIEF", "approve_draft", buttons(second)["approve_draft"],
                           channel=second.channel, message_ts=second.ts)
    st.slack.wait_for(lambda: [d.state for d in drafts(st)] == ["approved", "approved"], timeout=30)
    settle(st)

    env = {"DATABASE_URL": restarts.url, "KESSAI_CONFIG": str(DEMO_TOML)}
    verify = kessai("ledger", "verify", cwd=tmp_path, **env)
    assert verify.returncode == 0, verify.stdout + verify.stderr
    exported = kessai("ledger", "export", "--format", "json", cwd=tmp_path, **env)
    rows = json.loads(exported.stdout)
    assert [(r["decider_id"], r["decider_name"]) for r in rows] == [("U0MANAGER", "上越 花子"), ("U0CHIEF", "春日山 一郎")]


def test_an_account_whose_id_was_changed_is_named_with_its_stranded_drafts_and_the_rename_pointed_out(
        restarts: Restarts, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    """組織改編: 上越市公式X's id is changed from joetsu-x to joetsu-city-x (and 上越市公式Instagram is
    taken out) while a draft of each waits. kessai can only read that as accounts removed: their
    requests are retracted and nobody can decide the drafts. `kessai config check` had said only
    「正しい設定です」; it now names each account with its drafts and, for the one whose channel a
    new id took over, says to put the id back. serve says the same in its log at start-up."""
    import logging

    from bot.config import parse_org_config
    from tests.e2e.test_roster_change import INSTA_BLOCK
    from tests.test_cli import kessai

    st = restarts.st
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    st.driver.message("C0INSTA", "U0OPERATOR2", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER", 2)
    settle(st)

    toml = DEMO_TOML.read_text(encoding="utf-8")
    assert toml.count('id = "joetsu-x"') == 1
    start = toml.index(INSTA_BLOCK)
    end = toml.find("\n[", start + len(INSTA_BLOCK))
    insta = toml[start:end + 1] if end != -1 else toml[start:]
    toml = toml.replace(insta, "").replace('id = "joetsu-x"', 'id = "joetsu-city-x"')
    path = tmp_path / "kessai.toml"
    path.write_text(toml, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        st = restarts.restart(parse_org_config(toml, str(path)))
    logged = [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]
    assert any("'joetsu-x' is not in the organisation file" in m and "put back id = 'joetsu-x'" in m
               for m in logged), logged
    Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=5))  # the requests are retracted
    settle(st)

    checked = kessai("config", "check", cwd=tmp_path, DATABASE_URL=restarts.url, KESSAI_CONFIG=str(path))
    assert checked.returncode == 0, checked.stdout + checked.stderr  # the file itself is valid
    assert ("注意: アカウント「joetsu-x」（上越市公式X）は組織設定ファイルにありませんが、データベースには"
            "決裁待ちの下書きが 1 件残っています。決裁待ちの下書きは、このままでは誰も決裁できません。"
            "ファイルのアカウント「joetsu-city-x」（上越市公式X）が同じ受付チャンネル（C0INTAKE）を使っています。"
            "アカウントの id を変えたのであれば、id を元の「joetsu-x」に戻してください。") in checked.stderr
    assert ("注意: アカウント「joetsu-insta」（上越市公式Instagram）は組織設定ファイルにありませんが、"
            "データベースには決裁待ちの下書きが 1 件残っています。") in checked.stderr
    assert 'アカウントを廃止したのでなければ、[[accounts]] に id = "joetsu-insta" のアカウントを戻してください' \
        in checked.stderr

    # The id put back, as the check said: nothing is left behind, and the draft is asked for again.
    checked = kessai("config", "check", cwd=tmp_path, DATABASE_URL=restarts.url, KESSAI_CONFIG=str(DEMO_TOML))
    assert checked.returncode == 0 and "注意: アカウント" not in checked.stderr, checked.stderr
    st = restarts.restart(restarts.first_org)
    assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=6)).sent["approval.added"] == 2


def test_config_check_without_a_database_yet_says_nothing_of_drafts_and_creates_none(tmp_path: Path) -> None:
    from tests.test_cli import kessai

    checked = kessai("config", "check", cwd=tmp_path, DATABASE_URL=f"sqlite:///{tmp_path / 'kessai.db'}",
                     KESSAI_CONFIG=str(DEMO_TOML))
    assert checked.returncode == 0 and "データベース" not in checked.stderr, checked.stderr
    assert not (tmp_path / "kessai.db").exists()


def test_a_refusal_of_an_incident_button_names_the_departments_as_the_file_now_calls_them(
        restarts: Restarts) -> None:
    """組織改編: 情報政策室 becomes 情報政策課 and 広報対話課 becomes 広報広聴課. 高田 太郎 (主事) presses
    対応開始, 解決 and a checklist item on an alert: each refusal named 「情報政策室・広報対話課」, departments
    that no longer exist. It now names them as the file does (the departments whose 課長補佐以上 can act)."""
    st = restarts.st
    report(st)
    settle(st)
    st = restarts.restart(edited_org(('name = "情報政策室"', 'name = "情報政策課"'),
                                     ('name = "広報対話課"', 'name = "広報広聴課"')))
    msg = alert(st)
    for action in (inc.ACK_ACTION, inc.RESOLVE_ACTION):
        st.driver.block_action("U0OPERATOR2", action, channel=msg.channel, message_ts=msg.ts)
    said = st.slack.wait_for(lambda: (lambda r: r if len(r) == 2 else None)(
        [e.text for e in st.slack.ephemerals("U0OPERATOR2") if "対応開始・解決の操作ができるのは" in e.text]),
        timeout=30, message="both refusals")
    for text in said:
        assert "運用管理責任者と代決者、情報政策課・広報広聴課の課長補佐以上の職員です。" in text, text
        assert "情報政策室" not in text and "広報対話課" not in text, text
    assert incident_row(st).status == "open"


def test_with_no_department_left_the_refusal_names_only_those_who_can_act(restarts: Restarts) -> None:
    """情報政策室 becomes デジタル推進課 and 広報対話課 becomes 市民交流課: kessai counts neither (config check
    says so), so only the account's 運用管理責任者 and 代決者 can act — and the refusal says just that."""
    st = restarts.st
    report(st)
    settle(st)
    st = restarts.restart(edited_org(('name = "情報政策室"', 'name = "デジタル推進課"'),
                                     ('name = "広報対話課"', 'name = "市民交流課"')))
    msg = alert(st)
    # 本町 三郎 (係長 of the former 情報政策室) is no longer counted among those who may act or tick.
    st.driver.block_action("U0STRANGER", inc.ACK_ACTION, channel=msg.channel, message_ts=msg.ts)
    said = wait_ephemeral(st, "U0STRANGER", "対応開始・解決の操作ができるのは")
    assert "操作ができるのは、運用管理責任者と代決者です。" in said and "課長補佐以上" not in said, said
    st.driver.block_action("U0STRANGER", inc.CHECKLIST_ACTION, ["calm"], channel=msg.channel, message_ts=msg.ts)
    ticked = wait_ephemeral(st, "U0STRANGER", "このチェックリストを更新できるのは")
    assert "運用管理責任者・代決者と、このインシデントを報告した方です。" in ticked and "情報政策室" not in ticked, ticked
    assert incident_row(st).checklist_done == []


def test_config_check_reads_the_drafts_while_serve_holds_the_sqlite_write_lock(tmp_path: Path, org: OrgConfig) -> None:
    """`kessai config check` beside a running serve on SQLite: its read began as a write (BEGIN
    IMMEDIATE), so while serve was writing it waited out the 30 s busy timeout, then said it could
    not read the database and named no account left behind (and, holding the lock, it kept serve's
    writes waiting). It reads without the write lock now, as the ledger export does."""
    import sqlite3

    from tests.test_cli import kessai

    r = Restarts(database_url("sqlite", tmp_path), org)
    try:
        r.st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
        wait_dm(r.st, "U0MANAGER", 1)
        settle(r.st)
        path = tmp_path / "kessai.toml"
        path.write_text(DEMO_TOML.read_text(encoding="utf-8").replace('id = "joetsu-x"', 'id = "joetsu-city-x"'),
                        encoding="utf-8")
        writer = sqlite3.connect(r.url.removeprefix("sqlite:///"), isolation_level=None, timeout=30)
        writer.execute("BEGIN IMMEDIATE")  # serve in the middle of a write
        try:
            checked = kessai("config", "check", cwd=tmp_path, DATABASE_URL=r.url, KESSAI_CONFIG=str(path))
        finally:
            writer.execute("ROLLBACK")
            writer.close()
        assert checked.returncode == 0, checked.stdout + checked.stderr
        assert "注意: アカウント「joetsu-x」（上越市公式X）" in checked.stderr, checked.stderr
        assert "読めなかった" not in checked.stderr
    finally:
        r.st.stop()
