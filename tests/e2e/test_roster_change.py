"""The organisation file changes while drafts wait, and kessai restarts with it.

Requests held by people the file no longer names are retracted at the first sweep: their DMs lose
the buttons and say that nothing is needed from them, the thread's 「決裁待ち」 line names only who
holds a request, and nothing is sent twice. On SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest

from bot.app import shifted_clock
from bot.config import OrgConfig, parse_org_config
from bot.localstack import LocalStack, start_local_stack
from bot.sandbox.records import Message
from bot.sweep import Sweeper
from storage import outbox
from tests.conftest import DEMO_TOML, database_url
from tests.e2e.conftest import (
    BUSINESS_MORNING,
    CLEAN_DRAFT,
    all_text,
    buttons,
    dm,
    settle,
    thread,
    wait_dm,
    wait_ephemeral,
)

APPROVERS_LINE = 'approvers = ["U0MANAGER", "U0CHIEF"]\ndeputies = ["U0DEPUTY"]'
OPERATORS_LINE = 'operators = ["U0OPERATOR", "U0OPERATOR2"]\napprovers = ["U0MANAGER", "U0CHIEF"]'
CHIEF_MEMBER = '[[members]]\nslack_id = "U0CHIEF"\nname = "春日山 一郎"\norg = "koho"\nrank = "課長"\n\n'
INSTA_BLOCK = '[[accounts]]\nid = "joetsu-insta"\n'
# 高田 太郎 (U0OPERATOR) no longer operates 上越市公式X.
WITHOUT_OPERATOR = (OPERATORS_LINE, OPERATORS_LINE.replace('"U0OPERATOR", ', ""))
# 春日山 一郎 (U0CHIEF) is no longer a member at all.
WITHOUT_CHIEF = (CHIEF_MEMBER, "")


def edited_org(*edits: tuple[str, str]) -> OrgConfig:
    """The demo organisation file with each (old, new) edit made in turn. Each old text must be
    there exactly once: a change to the demo file then fails here instead of leaving a test to
    restart with the file it started with."""
    toml = DEMO_TOML.read_text(encoding="utf-8")
    for old, new in edits:
        assert toml.count(old) == 1, old
        toml = toml.replace(old, new)
    return parse_org_config(toml, "demo.toml")


def org_with(approvers: str) -> OrgConfig:
    return edited_org((APPROVERS_LINE, approvers))


@pytest.fixture(params=["sqlite", "postgres"])
def db_url_for_restart(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    return database_url(request.param, tmp_path)


class Restarts:
    """A stack that can be restarted on the same database and Slack with another organisation file."""

    def __init__(self, url: str, org: OrgConfig) -> None:
        self.url = url
        self.first_org = org
        self.st = start_local_stack(org, url, clock=shifted_clock(BUSINESS_MORNING))

    def restart(self, org: OrgConfig) -> LocalStack:
        slack = self.st.slack
        self.st.server.stop()
        self.st.rt.stop()
        self.st = start_local_stack(org, self.url, slack=slack, clock=shifted_clock(BUSINESS_MORNING))
        return self.st

    @contextmanager
    def as_a_replica_with_the_first_file(self) -> Iterator[None]:
        """The running stack reads the file it started with, as a replica not yet restarted in a
        rolling restart would, until the block ends."""
        new_org = self.st.rt.kessai.org
        self.st.rt.kessai.org = self.first_org
        try:
            yield
        finally:
            self.st.rt.kessai.org = new_org


@pytest.fixture
def restarts(db_url_for_restart: str, org: OrgConfig) -> Iterator[Restarts]:
    r = Restarts(db_url_for_restart, org)
    yield r
    r.st.stop()


def status_line(st: LocalStack, ts: str) -> Message:
    [line] = [m for m in thread(st, "C0INTAKE", ts) if "決裁待ち（第1版）" in all_text(m)]
    return line


def sent_rows(st: LocalStack) -> int:
    with st.rt.db.session() as s:
        return len(outbox.rows(s))


def test_a_removed_approver_is_told_no_action_is_needed_and_the_waiting_line_follows(restarts: Restarts) -> None:
    st = restarts.st
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    settle(st)
    assert "上越 花子 さん" in all_text(status_line(st, ts))

    st = restarts.restart(org_with('approvers = ["U0CHIEF", "U0JOHO"]\ndeputies = ["U0DEPUTY"]'))
    report = Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=5))
    assert report.sent["approval.removed"] == 1 and report.sent["approval.added"] == 1
    settle(st)

    [old] = dm(st, "U0MANAGER")
    assert buttons(old) == {}
    assert "組織設定が変更され、あなたは現在「上越市公式X」の決裁者として登録されていません。この依頼への対応は不要です。" \
        in all_text(old)
    [request] = dm(st, "U0JOHO")
    assert set(buttons(request)) == {"approve_draft", "reject_draft"}
    line = all_text(status_line(st, ts))
    assert "春日山 一郎 さん" in line and "木田 四郎 さん" in line and "上越 花子" not in line
    notices = [all_text(m) for m in thread(st, "C0INTAKE", ts)]
    assert any("上越 花子 さんへの第1版の決裁依頼を取り消しました" in n for n in notices)
    assert any("木田 四郎 さんにも第1版の決裁を依頼しました" in n for n in notices)

    # Idempotent: the next sweeps (this replica or another) find nothing left to do.
    before = sent_rows(st)
    assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=6)).total == 0
    assert sent_rows(st) == before

    # A replica still running with the old file (a rolling restart) leaves the requests alone: it
    # would otherwise ask 上越 花子 again and retract 木田 四郎, and the new one undo it, every minute.
    with restarts.as_a_replica_with_the_first_file():
        assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=7)).total == 0
    assert sent_rows(st) == before

    # A click on the old DM (its update not yet seen on a phone) is refused with the same reason.
    st.driver.block_action("U0MANAGER", "approve_draft", buttons(request)["approve_draft"],
                           channel=old.channel, message_ts=old.ts)
    wait_ephemeral(st, "U0MANAGER", "組織設定が変更され")
    # The approvers the file names decide as before.
    st.driver.block_action("U0JOHO", "approve_draft", buttons(request)["approve_draft"],
                           channel=request.channel, message_ts=request.ts)
    st.slack.wait_for(lambda: "承認しました" in all_text(dm(st, "U0CHIEF")[0]), timeout=30)


def test_outside_business_hours_the_removed_are_told_and_the_added_wait_for_the_morning(restarts: Restarts) -> None:
    """Retracting a request only redraws messages, so it happens at once; asking someone new buzzes
    a phone, so it waits for business hours like the reminders, and so does the thread's notice of
    the retraction."""
    st = restarts.st
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0CHIEF")
    settle(st)
    st = restarts.restart(org_with('approvers = ["U0CHIEF", "U0JOHO"]\ndeputies = ["U0DEPUTY"]'))
    evening = BUSINESS_MORNING.replace(hour=20)
    report = Sweeper(st.rt.kessai).sweep(evening)
    assert report.sent == {"approval.removed": 1}
    settle(st)
    assert buttons(dm(st, "U0MANAGER")[0]) == {} and dm(st, "U0JOHO") == []
    line = all_text(status_line(st, ts))
    assert "春日山 一郎 さん" in line and "上越 花子" not in line
    assert not any("取り消しました" in all_text(m) for m in thread(st, "C0INTAKE", ts))
    with st.rt.db.session() as s:
        assert outbox.scheduled(s, st.rt.kessai.clock()) == 1
    assert Sweeper(st.rt.kessai).sweep(evening + timedelta(minutes=1)).total == 0

    morning = BUSINESS_MORNING + timedelta(days=1, minutes=-30)
    assert Sweeper(st.rt.kessai).sweep(morning).sent["approval.added"] == 1
    settle(st)
    assert set(buttons(dm(st, "U0JOHO")[0])) == {"approve_draft", "reject_draft"}
    assert "木田 四郎 さん" in all_text(status_line(st, ts))


def test_a_deputy_removed_from_the_file_loses_the_standing_in_request(restarts: Restarts) -> None:
    st = restarts.st
    for approver in ("U0MANAGER", "U0CHIEF"):
        st.driver.slash_command(approver, "/kessai", "away 2026-11-24 2026-11-27")
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    [request] = wait_dm(st, "U0DEPUTY")
    settle(st)
    assert "代決依頼" in all_text(request)

    st = restarts.restart(org_with('approvers = ["U0MANAGER", "U0CHIEF"]\ndeputies = ["U0JOHO"]'))
    # Clicked before the sweep has redrawn the DM: refused all the same.
    st.driver.block_action("U0DEPUTY", "approve_draft", buttons(request)["approve_draft"],
                           channel=request.channel, message_ts=request.ts)
    wait_ephemeral(st, "U0DEPUTY", "代決者として登録されていないため")
    report = Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=5))
    assert report.sent["approval.removed"] == 1
    settle(st)
    [old] = dm(st, "U0DEPUTY")
    assert buttons(old) == {} and "代決者として登録されていません。この依頼への対応は不要です。" in all_text(old)
    assert "直江 兼続" not in all_text(status_line(st, ts))
    assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=6)).sent["approval.removed"] == 0


# -- an author the file no longer names as an operator ---------------------------------------
PHONE = "災害ボランティアの受付は、現地責任者の携帯 090-1234-5678 までお電話ください。"


def test_an_author_removed_from_the_operators_cannot_send_their_draft_on(restarts: Restarts) -> None:
    """They may no longer post for the account: 「修正する」, 「理由を付けて決裁依頼」 and an edit of
    a pasted draft are refused, saying whom to ask, and nothing is recorded; what was already
    routed is still decided."""
    from storage import ledger as ledger_repo
    from tests.e2e.conftest import drafts, wait_thread
    from tests.e2e.test_workflow_drafting import root_message, submit_draft, wait_root_thread

    st = restarts.st
    submit_draft(st, text=PHONE)
    root = root_message(st, "090-1234-5678")
    check = next(m for m in wait_root_thread(st, root, "pii.phone") if "revise_draft" in buttons(m))
    assert set(buttons(check)) == {"revise_draft", "override_draft"}
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    [request] = wait_dm(st, "U0MANAGER")
    # Both forms, opened before the change and sent after it.
    st.driver.block_action("U0OPERATOR", "override_draft", channel="C0INTAKE", message_ts=check.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "override_reason"), timeout=30)
    st.driver.block_action("U0OPERATOR", "revise_draft", channel="C0INTAKE", message_ts=check.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", "revise_draft_form"), timeout=30)
    settle(st)

    st = restarts.restart(edited_org(WITHOUT_OPERATOR))
    before = sent_rows(st)
    answer = st.driver.view_submission("U0OPERATOR", "override_reason", {"override_text": "公表済みの窓口番号です。"}).json()
    refusal = ("あなたは現在「上越市公式X」の運用担当者として登録されていないため、この下書きの理由を付けた決裁依頼はできません。"
               "投稿が必要な場合は、運用担当者の 直江津 みどり さんに依頼してください（登録が必要な場合は、システム管理者（IT 担当）にご相談ください）。")
    assert answer["response_action"] == "errors" and answer["errors"]["override_reason"] == refusal
    fixed = PHONE.replace("現地責任者の携帯 090-1234-5678", "広報対話課 025-526-5111")
    answer = st.driver.view_submission("U0OPERATOR", "revise_draft_form", {"text": fixed}).json()
    assert answer["response_action"] == "errors" and answer["errors"]["text"] == refusal.replace("理由を付けた決裁依頼", "修正")
    # Clicks from a screen not yet showing the thread redrawn without the buttons (seen=check).
    st.driver.block_action("U0OPERATOR", "override_draft", channel="C0INTAKE", message_ts=check.ts, seen=check)
    assert wait_ephemeral(st, "U0OPERATOR", "理由を付けた決裁依頼はできません") == refusal
    st.driver.block_action("U0OPERATOR", "revise_draft", channel="C0INTAKE", message_ts=check.ts, seen=check)
    assert wait_ephemeral(st, "U0OPERATOR", "この下書きの修正はできません") == refusal.replace("理由を付けた決裁依頼", "修正")
    # A pasted draft's new version is its message edited: no new version, the request stands.
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT.replace("紅葉ライトアップ", "紅葉まつり"))
    assert wait_ephemeral(st, "U0OPERATOR", "この編集は新しい版として受け付けませんでした") == (
        "あなたは現在「上越市公式X」の運用担当者として登録されていないため、この編集は新しい版として受け付けませんでした"
        "（決裁の対象は第1版の文面のままです）。投稿が必要な場合は、運用担当者の 直江津 みどり さんに依頼してください"
        "（登録が必要な場合は、システム管理者（IT 担当）にご相談ください）。")
    settle(st)
    assert [(d.state, d.current_version) for d in drafts(st)] == [("needs_fix", 1), ("pending", 1)]
    with st.rt.db.session() as s:
        assert list(ledger_repo.iter_entries(s)) == []
    # Only the refusals were sent: no thread notice, no request.
    with st.rt.db.session() as s:
        assert [r.op for r in outbox.rows(s)][before:] == ["respond", "respond", "ephemeral"]

    # The approvers decide what was routed before the change, as ever.
    st.driver.block_action("U0MANAGER", "approve_draft", buttons(request)["approve_draft"],
                           channel=request.channel, message_ts=request.ts)
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("承認されました" in all_text(m) for m in ms))
    with st.rt.db.session() as s:
        assert [(e.kind, e.decider_id) for e in ledger_repo.iter_entries(s)] == [("approved", "U0MANAGER")]


# -- an account the file no longer lists at all ------------------------------------------------
def org_without_insta() -> OrgConfig:
    toml = DEMO_TOML.read_text(encoding="utf-8")
    start = toml.index(INSTA_BLOCK)
    end = toml.find("\n[", start + len(INSTA_BLOCK))
    return edited_org((toml[start:end + 1] if end != -1 else toml[start:], ""))


def test_requests_of_an_account_removed_from_the_file_are_retracted_and_no_decision_is_invented(
        restarts: Restarts) -> None:
    """Nobody may decide a draft of an account the file dropped (a click is refused), so its DMs
    must stop offering buttons: they say kessai no longer manages the account, and the thread says
    that nothing was decided. The draft stays 決裁待ち with an empty ledger; putting the account
    back asks its approvers again."""
    from storage import ledger as ledger_repo
    from tests.e2e.conftest import drafts
    from tests.e2e.test_workflow_publish_home import ask

    st = restarts.st
    ts = st.driver.message("C0INSTA", "U0OPERATOR2", CLEAN_DRAFT)
    [request] = wait_dm(st, "U0MANAGER")
    settle(st)
    assert set(buttons(request)) == {"approve_draft", "reject_draft"}

    st = restarts.restart(org_without_insta())
    # A click before the sweep has redrawn the DM is refused, as it always was.
    st.driver.block_action("U0MANAGER", "approve_draft", buttons(request)["approve_draft"],
                           channel=request.channel, message_ts=request.ts)
    wait_ephemeral(st, "U0MANAGER", "組織設定から削除されています")
    report = Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=5))
    assert report.sent["approval.removed"] == 1 and report.failed == 0
    settle(st)

    [old] = dm(st, "U0MANAGER")
    assert buttons(old) == {}
    assert ("組織設定から「上越市公式Instagram」が削除され、このアカウントは kessai で管理されなくなりました。"
            "この依頼への対応は不要です。") in all_text(old)
    notices = [all_text(m) for m in thread(st, "C0INSTA", ts)]
    assert any("組織設定から「上越市公式Instagram」が削除されたため、上越 花子 さんへの第1版の決裁依頼を取り消しました。"
               "この下書きは決裁されないまま残ります（決裁は記録されていません）。" in n for n in notices)
    assert not any(":hourglass_flowing_sand: 決裁待ち" in n for n in notices)  # the status line says it too
    assert [d.state for d in drafts(st)] == ["pending"]
    with st.rt.db.session() as s:
        assert list(ledger_repo.iter_entries(s)) == []
    # The author, asking where their drafts stand, is not told to wait for a decision.
    status = ask(st, "U0OPERATOR2", "status")
    assert "決裁を待っています" not in status
    assert "アカウントが組織設定から削除されたため、システム管理者（IT 担当）にご相談ください" in status

    # Idempotent, and a replica still running with the old file leaves it alone.
    before = sent_rows(st)
    assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=6)).total == 0
    assert sent_rows(st) == before
    with restarts.as_a_replica_with_the_first_file():
        # (It still sends the account's own reminders, such as password rotation: not requests.)
        old_file = Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=7))
        assert old_file.sent["approval.added"] == old_file.sent["approval.removed"] == 0

    # The account is put back: its approver is asked again, and decides.
    st = restarts.restart(restarts.first_org)
    assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=8)).sent["approval.added"] == 1
    settle(st)
    again = dm(st, "U0MANAGER")[-1]
    assert set(buttons(again)) == {"approve_draft", "reject_draft"}
    st.driver.block_action("U0MANAGER", "approve_draft", buttons(again)["approve_draft"],
                           channel=again.channel, message_ts=again.ts)
    st.slack.wait_for(lambda: [d.state for d in drafts(st)] == ["approved"], timeout=30)


# -- App Home after the file changed -----------------------------------------------------------
def home_blocks(st: LocalStack, user: str) -> str:
    view = st.slack.home(user)
    return str(view["blocks"]) if view else ""


def home_outbox_rows(st: LocalStack) -> int:
    with st.rt.db.session() as s:
        return sum(1 for r in outbox.rows(s) if r.op in ("publish_home", "refresh_home"))


def test_app_home_is_redrawn_for_those_whose_standing_the_file_changed(restarts: Restarts) -> None:
    """An author dropped from the operators no longer finds 「修正する」 (it would only refuse), and
    an approver removed from the file no longer finds drafts to decide — without opening Home again:
    it is redrawn when the new file is read. A restart with the same file redraws nothing."""
    from tests.e2e.test_workflow_drafting import root_message, submit_draft
    from tests.e2e.test_workflow_publish_home import ask, home_text

    st = restarts.st
    submit_draft(st, text=PHONE)
    root_message(st, "090-1234-5678")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0CHIEF")
    home_text(st, "U0CHIEF", "決裁待ち（1件）")
    st.driver.app_home_opened("U0OPERATOR")
    st.slack.wait_for(lambda: "revise_draft" in home_blocks(st, "U0OPERATOR"), timeout=30, message="operator's Home")
    settle(st)

    changed = edited_org(WITHOUT_CHIEF, (OPERATORS_LINE, 'operators = ["U0OPERATOR2"]\napprovers = ["U0MANAGER"]'))
    st = restarts.restart(changed)
    st.slack.wait_for(lambda: "紅葉ライトアップ" not in home_blocks(st, "U0CHIEF"), timeout=30,
                      message="the removed approver's Home, redrawn")
    st.slack.wait_for(lambda: "revise_draft" not in home_blocks(st, "U0OPERATOR"), timeout=30,
                      message="the removed operator's Home, redrawn")
    assert "090-1234-5678" in home_blocks(st, "U0OPERATOR")  # still listed, as their draft
    # /kessai status no longer tells them to do what they may not.
    status = ask(st, "U0OPERATOR", "status")
    assert "修正するか、理由を付けて決裁依頼してください" not in status
    assert ("あなたは現在「上越市公式X」の運用担当者ではないため、投稿が必要な場合はほかの運用担当者に依頼してください"
            in status)
    settle(st)

    before = home_outbox_rows(st)
    st = restarts.restart(changed)
    settle(st)
    assert home_outbox_rows(st) == before


def test_a_removed_member_whose_home_cannot_be_redrawn_is_not_reported_as_a_problem(restarts: Restarts) -> None:
    """Someone removed from the file has often left (退職), their Slack account closed: the redraw
    of their Home fails, and telling IT to remove them from the file would ask for what is done."""
    from tests.e2e.test_workflow_publish_home import home_text

    st = restarts.st
    home_text(st, "U0CHIEF", "決裁待ち")
    settle(st)
    st.slack.inject("views.publish", error="user_disabled", times=3)
    st = restarts.restart(edited_org(WITHOUT_CHIEF, (APPROVERS_LINE, 'approvers = ["U0MANAGER"]\ndeputies = ["U0DEPUTY"]')))
    st.slack.wait_for(lambda: any(c.response.get("error") == "user_disabled" for c in st.slack.calls_of("views.publish")),
                      timeout=30, message="the redraw, refused")
    settle(st)
    assert st.slack.messages("C0ESCALATE") == []


def test_an_author_removed_from_the_operators_may_still_record_that_their_draft_was_posted(restarts: Restarts) -> None:
    """Unlike 「修正する」 and 「理由を付けて決裁依頼」, which send something on for the account,
    「投稿済みにする」 records a fact: the approved version went out. Its author is who posted it and
    whom the reminder asks, so refusing them would only leave a real post unrecorded (and the
    month's count short). Anyone else must still operate the account."""
    from tests.e2e.test_workflow_publish_home import (
        GOOD_URL,
        approved_draft,
        draft_row,
        publish_button,
        submit_publication,
    )

    st = restarts.st
    ts = approved_draft(st)
    settle(st)
    st = restarts.restart(edited_org(WITHOUT_OPERATOR))
    button = publish_button(st, ts)
    st.driver.block_action("U0CHIEF", "mark_published", channel="C0INTAKE", message_ts=button.ts)
    assert wait_ephemeral(st, "U0CHIEF", "投稿済みにできるのは") == (
        "投稿済みにできるのは、この下書きの作成者と、このアカウントの運用担当者だけです。")
    st.driver.block_action("U0OPERATOR", "mark_published", channel="C0INTAKE", message_ts=button.ts)
    assert submit_publication(st, "U0OPERATOR", GOOD_URL).json() is None
    assert draft_row(st).state == "published"


def test_an_absence_that_ended_while_kessai_was_down_is_not_taken_for_a_roster_change(restarts: Restarts) -> None:
    """The approvers' absence ended at midnight while no sweep ran: the first sweep of the morning
    gives the deputy's request back to them as their return, not as a change of the file."""
    st = restarts.st
    for approver in ("U0MANAGER", "U0CHIEF"):
        st.driver.slash_command(approver, "/kessai", "away 2026-11-24 2026-11-27")
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0DEPUTY")
    settle(st)
    monday = BUSINESS_MORNING + timedelta(days=6)  # 11/30 10:00; the absences ended 11/28 0:00
    report = Sweeper(st.rt.kessai).sweep(monday)
    settle(st)
    assert "approval.added" not in report.sent
    notices = [all_text(m) for m in thread(st, "C0INTAKE", ts)]
    assert not any("決裁者の設定が変わったため" in n for n in notices)
    assert any(set(buttons(m)) == {"approve_draft", "reject_draft"} for m in dm(st, "U0MANAGER"))


def test_a_replica_with_the_old_file_does_not_ask_the_removed_again_when_reminding(restarts: Restarts) -> None:
    """During a rolling restart the replica still on the old file sends the due reminders: it must
    not take the approver the new file dropped for one it forgot to ask (their request is retracted)
    and ask them again, only for the new replica to retract it once more."""
    st = restarts.st
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    settle(st)
    st = restarts.restart(org_with('approvers = ["U0CHIEF", "U0JOHO"]\ndeputies = ["U0DEPUTY"]'))
    assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=5)).sent["approval.removed"] == 1
    settle(st)
    with restarts.as_a_replica_with_the_first_file():
        report = Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(hours=2, minutes=30))  # reminders due
    settle(st)
    assert "approval.added" not in report.sent
    assert all(buttons(m) == {} for m in dm(st, "U0MANAGER")), [all_text(m)[:80] for m in dm(st, "U0MANAGER")]
    # Nor reminded of a request their DM says needs nothing from them.
    assert not any("決裁待ちになっています" in all_text(m) for m in dm(st, "U0MANAGER"))
    assert any("決裁待ちになっています" in all_text(m) for m in dm(st, "U0CHIEF"))
    assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(hours=2, minutes=31)).sent["approval.removed"] == 0


def test_the_fix_it_buttons_of_an_author_removed_from_the_operators_are_redrawn(restarts: Restarts) -> None:
    """The buttons a removed author would press (「修正する」, 「理由を付けて決裁依頼」) only refused
    them: their threads are redrawn at the restart with the file, saying why and whom to ask, and
    with the buttons again when the file names them once more. Nothing is decided or recorded."""
    from tests.e2e.conftest import drafts, wait_thread
    from tests.e2e.test_workflow_drafting import root_message, submit_draft, wait_root_thread

    st = restarts.st
    submit_draft(st, text=PHONE)  # a form draft with an error: 修正する + 理由を付けて決裁依頼
    blocked = root_message(st, "090-1234-5678")
    check = next(m for m in wait_root_thread(st, blocked, "pii.phone") if "revise_draft" in buttons(m))
    pasted = st.driver.message("C0INTAKE", "U0OPERATOR", PHONE.replace("災害", "避難所"))  # 理由を付けて決裁依頼
    pasted_check = next(m for m in wait_thread(st, "C0INTAKE", pasted, lambda ms: any(
        "override_draft" in buttons(m) for m in ms)) if "override_draft" in buttons(m))
    submit_draft(st, text=CLEAN_DRAFT.replace("紅葉", "雪灯籠"))  # rejected below: 修正する
    rejected = root_message(st, "雪灯籠")
    request = next(m for m in wait_dm(st, "U0MANAGER") if "雪灯籠" in all_text(m))
    st.driver.block_action("U0MANAGER", "reject_draft", channel=request.channel, message_ts=request.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0MANAGER", "reject_reason"), timeout=30)
    st.driver.view_submission("U0MANAGER", "reject_reason", {"reason_text": "日時を確認してください。"})
    notice = next(m for m in wait_root_thread(st, rejected, "差し戻されました") if "revise_draft" in buttons(m))
    settle(st)
    states = [d.state for d in drafts(st)]
    assert states == ["needs_fix", "needs_fix", "rejected"]

    toml = DEMO_TOML.read_text(encoding="utf-8")
    without = parse_org_config(toml.replace(OPERATORS_LINE, OPERATORS_LINE.replace('"U0OPERATOR", ', "")), "demo.toml")
    st = restarts.restart(without)
    settle(st)
    why = ("作成者の 高田 太郎 さんは現在「上越市公式X」の運用担当者として登録されていないため、この下書きの{}はできません。"
           "投稿が必要な場合は、運用担当者の 直江津 みどり さんに依頼してください（登録が必要な場合は、システム管理者（IT 担当）にご相談ください）。")
    for m, doing in ((check, "修正や理由を付けた決裁依頼"), (pasted_check, "修正や理由を付けた決裁依頼"), (notice, "修正")):
        now = st.slack.message("C0INTAKE", m.ts)
        assert now is not None and buttons(now) == {}, all_text(now)
        assert why.format(doing) in all_text(now)
    assert "pii.phone" in all_text(st.slack.message("C0INTAKE", check.ts))  # the findings stay
    assert "差し戻されました" in all_text(st.slack.message("C0INTAKE", notice.ts))
    restarted_rows = sent_rows(st)
    st = restarts.restart(without)  # the same file again: nothing to redraw
    settle(st)
    assert sent_rows(st) == restarted_rows

    st = restarts.restart(parse_org_config(toml, "demo.toml"))  # named again: the buttons are back
    settle(st)
    assert set(buttons(st.slack.message("C0INTAKE", check.ts))) == {"revise_draft", "override_draft"}
    assert set(buttons(st.slack.message("C0INTAKE", pasted_check.ts))) == {"override_draft"}
    assert set(buttons(st.slack.message("C0INTAKE", notice.ts))) == {"revise_draft"}
    assert [d.state for d in drafts(st)] == states


# -- a deputy standing in for an approver the file no longer names ------------------------------
def test_a_deputy_standing_in_for_a_removed_approver_no_longer_decides_while_the_approvers_are_at_work(
        restarts: Restarts) -> None:
    """代決 is for an absent approver (SPEC 4.3; 上越市 6(1)② 運用管理責任者の決裁). 上越 花子 was away and
    直江 兼続 was asked to decide for her; on 4月1日 she left the account (異動) and 木田 四郎 joined it.
    The deputy's request still stood and he could approve 「代決（上越 花子 さんの代理）」 while both
    approvers were at their desks, the ledger naming someone no longer the account's approver."""
    from storage import ledger as ledger_repo

    st = restarts.st
    st.driver.slash_command("U0MANAGER", "/kessai", "away 2026-11-24 2026-11-27")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    [request] = wait_dm(st, "U0DEPUTY")
    wait_dm(st, "U0CHIEF")
    settle(st)
    assert "代決依頼" in all_text(request)

    st = restarts.restart(org_with('approvers = ["U0CHIEF", "U0JOHO"]\ndeputies = ["U0DEPUTY"]'))
    # Clicked before the sweep has redrawn the DM: refused, nothing recorded.
    st.driver.block_action("U0DEPUTY", "approve_draft", buttons(request)["approve_draft"],
                           channel=request.channel, message_ts=request.ts)
    assert wait_ephemeral(st, "U0DEPUTY", "組織設定が変更され") == (
        "組織設定が変更され、上越 花子 さんは現在「上越市公式X」の決裁者ではないため、代わりに決裁（代決）することは"
        "できません。この依頼への対応は不要です。")
    with st.rt.db.session() as s:
        assert list(ledger_repo.iter_entries(s)) == []
    report = Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=5))
    assert report.sent["approval.removed"] == 1 and report.sent["approval.added"] == 1
    settle(st)
    [old] = dm(st, "U0DEPUTY")
    assert buttons(old) == {} and "上越 花子 さんは現在「上越市公式X」の決裁者ではない" in all_text(old), all_text(old)
    assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(minutes=6)).total == 0
    # The approvers at work decide, in their own name.
    [joho] = dm(st, "U0JOHO")
    st.driver.block_action("U0JOHO", "approve_draft", buttons(joho)["approve_draft"],
                           channel=joho.channel, message_ts=joho.ts)
    st.slack.wait_for(lambda: "承認しました" in all_text(dm(st, "U0CHIEF")[0]), timeout=30)
    with st.rt.db.session() as s:
        assert [(e.kind, e.decider_id, e.acting_for_id) for e in ledger_repo.iter_entries(s)] == [
            ("approved", "U0JOHO", None)]


def the_only_approver_replaced_by_one_away(restarts: Restarts) -> tuple[LocalStack, str]:
    """A clean draft waits for U0MANAGER, the Instagram account's only approver; kessai restarts with the file
    naming 木田 四郎 (U0JOHO) instead, who is on leave from the first day the file names him (an approver only may
    say so). Returns the restarted stack and the draft's ts; nothing has swept yet."""
    st = restarts.st
    ts = st.driver.message("C0INSTA", "U0OPERATOR2", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    settle(st)

    insta = 'operators = ["U0OPERATOR2"]\napprovers = ["U0MANAGER"]'
    st = restarts.restart(edited_org((insta, insta.replace("U0MANAGER", "U0JOHO"))))
    st.driver.slash_command("U0JOHO", "/kessai", "away 2026-11-24 2026-11-27")
    return st, ts


@pytest.mark.parametrize("restarted_at_night", [False, True], ids=["in-business-hours", "at-night"])
def test_an_approver_added_while_away_has_the_deputy_asked_in_their_place(restarts: Restarts,
                                                                         restarted_at_night: bool) -> None:
    """The only approver leaves the account and the one the file names instead is away (on leave
    over 4月1日): the request of the one who left was retracted and nobody at all held the draft until
    the escalation a business day later. The deputies are asked for the absent approver, as when a
    draft is first routed — in the morning when kessai restarted with the file at night."""
    from storage import ledger as ledger_repo

    st, ts = the_only_approver_replaced_by_one_away(restarts)
    settle(st)
    at = BUSINESS_MORNING + timedelta(minutes=5)
    if restarted_at_night:
        assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING.replace(hour=20)).sent["approval.removed"] == 1
        at = BUSINESS_MORNING + timedelta(days=1, minutes=-30)
    report = Sweeper(st.rt.kessai).sweep(at)
    assert report.sent["approval.removed"] == (0 if restarted_at_night else 1), report.sent
    assert report.sent["approval.added"] == 1, report.sent
    settle(st)
    assert buttons(dm(st, "U0MANAGER")[0]) == {}
    assert dm(st, "U0JOHO") == [], [all_text(m) for m in dm(st, "U0JOHO")]
    [deputy] = dm(st, "U0DEPUTY")
    assert "代決依頼" in all_text(deputy) and set(buttons(deputy)) == {"approve_draft", "reject_draft"}
    notices = [all_text(m) for m in thread(st, "C0INSTA", ts)]
    assert any("決裁者が不在のため、代決者の 直江 兼続 さんにも第1版の決裁を依頼しました（木田 四郎 さんの代決）。" in n
               for n in notices), notices
    assert Sweeper(st.rt.kessai).sweep(at + timedelta(minutes=1)).total == 0
    st.driver.block_action("U0DEPUTY", "approve_draft", buttons(deputy)["approve_draft"],
                           channel=deputy.channel, message_ts=deputy.ts)
    st.slack.wait_for(lambda: "承認しました" in all_text(dm(st, "U0DEPUTY")[-1]), timeout=30)
    with st.rt.db.session() as s:
        assert [(e.kind, e.decider_id, e.acting_for_id) for e in ledger_repo.iter_entries(s)] == [
            ("approved", "U0DEPUTY", "U0JOHO")]


def test_an_approver_added_while_away_is_asked_when_the_deputy_is_away_too(restarts: Restarts) -> None:
    """As above, with the only deputy away as well: the request of the approver who left was
    retracted and nobody was asked, so nobody held the draft (no DM, an empty 「決裁待ち」) until an
    approver came back. As when a draft is routed with everyone away (``_route``), the absent
    approver the file names is asked, and the thread says so and why."""
    from storage import away as away_repo

    st, ts = the_only_approver_replaced_by_one_away(restarts)
    with st.rt.db.session() as s:
        away_repo.set_away(s, "U0DEPUTY", BUSINESS_MORNING - timedelta(days=1), BUSINESS_MORNING + timedelta(days=3))
    settle(st)
    at = BUSINESS_MORNING + timedelta(minutes=5)
    report = Sweeper(st.rt.kessai).sweep(at)
    assert report.sent["approval.removed"] == 1 and report.sent["approval.added"] == 1, report.sent
    settle(st)
    assert dm(st, "U0DEPUTY") == []
    [joho] = dm(st, "U0JOHO")
    assert set(buttons(joho)) == {"approve_draft", "reject_draft"}
    notices = [all_text(m) for m in thread(st, "C0INSTA", ts)]
    assert any("決裁者が不在ですが、代決者も全員不在のため、不在の決裁者の 木田 四郎 さんに第1版の決裁を依頼しました。" in n
               for n in notices), notices
    assert Sweeper(st.rt.kessai).sweep(at + timedelta(minutes=1)).total == 0


# -- a deputy asked because the approver was slow, for an approver the file no longer names ------
@pytest.mark.parametrize("clicked_before_the_sweep", [False, True], ids=["after-the-sweep", "before-the-sweep"])
def test_a_deputy_asked_for_a_slow_approver_who_left_decides_for_the_approver_named_now(
        restarts: Restarts, clicked_before_the_sweep: bool) -> None:
    """上越 花子 and 春日山 一郎 were slow: a business day later 直江 兼続 was asked to decide for 上越
    (an escalation, not an absence). On 4月1日 she left the account (異動). 直江 may still decide —
    the draft is as late as it was — but the ledger recorded 「代決（上越 花子 さんの代理）」, naming
    someone no longer the account's approver, and his DM and the thread still named her. Now the
    request stands in for 春日山 (whom an escalation names now): the DM is redrawn in place, with
    its buttons and no new notification, the thread says so once, and the ledger names 春日山 —
    also for a click that comes before the sweep."""
    from storage import ledger as ledger_repo

    st = restarts.st
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    settle(st)
    assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(days=1, minutes=5)).sent["approval.escalate"] == 1
    [request] = wait_dm(st, "U0DEPUTY")
    settle(st)
    assert "上越 花子 さんに代わって決裁" in all_text(request), all_text(request)

    st = restarts.restart(org_with('approvers = ["U0CHIEF", "U0JOHO"]\ndeputies = ["U0DEPUTY"]'))
    at = BUSINESS_MORNING + timedelta(days=1, minutes=10)
    if not clicked_before_the_sweep:
        report = Sweeper(st.rt.kessai).sweep(at)
        assert (report.sent["approval.removed"], report.sent["approval.added"], report.sent["approval.repointed"]) \
            == (1, 1, 1), report.sent
        settle(st)
        [redrawn] = dm(st, "U0DEPUTY")
        assert redrawn.ts == request.ts  # redrawn in place: nothing new buzzes his phone
        assert "春日山 一郎 さんに代わって決裁" in all_text(redrawn) and "上越 花子" not in all_text(redrawn)
        assert set(buttons(redrawn)) == {"approve_draft", "reject_draft"}
        notices = [all_text(m) for m in thread(st, "C0INTAKE", ts)]
        said = ("組織設定が変更され、上越 花子 さんは現在「上越市公式X」の決裁者ではないため、"
                "代決者の 直江 兼続 さんへの第1版の決裁依頼を 春日山 一郎 さんの代決に改めました。")
        assert sum(said in n for n in notices) == 1, notices
        assert "直江 兼続 さん（春日山 一郎 さんの代決）" in all_text(status_line(st, ts)), all_text(status_line(st, ts))
        # Every minute, and a second replica: done once.
        rows = sent_rows(st)
        assert Sweeper(st.rt.kessai).sweep(at + timedelta(minutes=1)).total == 0
        assert Sweeper(st.rt.kessai).sweep(at + timedelta(minutes=1)).total == 0
        assert sent_rows(st) == rows
        request = redrawn
    st.driver.block_action("U0DEPUTY", "approve_draft", buttons(request)["approve_draft"],
                           channel=request.channel, message_ts=request.ts)
    st.slack.wait_for(lambda: "承認しました" in all_text(dm(st, "U0DEPUTY")[-1]), timeout=30)
    settle(st)
    with st.rt.db.session() as s:
        assert [(e.kind, e.decider_id, e.acting_for_id) for e in ledger_repo.iter_entries(s)] == [
            ("approved", "U0DEPUTY", "U0CHIEF")]
    [decided] = dm(st, "U0DEPUTY")
    assert "上越 花子" not in all_text(decided), all_text(decided)


def test_a_deputy_request_repointed_while_its_dm_is_on_its_way_names_the_approver_named_now(
        restarts: Restarts) -> None:
    """The sweep of a replica already reading the new file re-points 直江 兼続's request while its DM,
    naming 上越 花子, is in Slack's hands and not yet recorded as posted (claimed, no location): it
    is neither dropped (it may be in Slack) nor edited as posted. The edit waits for the post, and
    the DM he reads names 春日山 一郎."""
    import threading

    st = restarts.st
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    settle(st)
    answered = threading.Event()
    st.slack.inject("chat.postMessage", status=200, delay=30, released=answered,
                    channel=st.slack.dm_channel("U0DEPUTY"))
    replica = start_local_stack(org_with('approvers = ["U0CHIEF", "U0JOHO"]\ndeputies = ["U0DEPUTY"]'),
                                restarts.url, slack=st.slack, clock=shifted_clock(BUSINESS_MORNING),
                                start_gateway=False)
    try:
        assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(days=1, minutes=5)).sent[
            "approval.escalate"] == 1
        st.slack.wait_for(lambda: dm(st, "U0DEPUTY"), timeout=30, message="the deputy's DM, its answer held")
        assert "上越 花子 さんに代わって決裁" in all_text(dm(st, "U0DEPUTY")[0])
        report = Sweeper(replica.rt.kessai).sweep(BUSINESS_MORNING + timedelta(days=1, minutes=10))
        assert report.sent["approval.repointed"] == 1, report.sent
        answered.set()
        settle(st)
        [request] = dm(st, "U0DEPUTY")
        assert "春日山 一郎 さんに代わって決裁" in all_text(request) and "上越 花子" not in all_text(request), \
            all_text(request)
    finally:
        answered.set()
        replica.stop()


def test_a_deputy_request_held_for_the_morning_is_written_anew_for_the_approver_named_now(restarts: Restarts) -> None:
    """直江 兼続 stood in for the slow 上越 花子 and went on leave from the 26th: at midnight 木田 四郎,
    a second deputy, was asked in his place, the DM held for the morning. That night the file
    dropped 上越. The held DM is not in Slack yet (an edit of it would find no message): it is
    written anew, still held for the morning, naming 春日山 一郎."""
    two_deputies = 'approvers = ["U0MANAGER", "U0CHIEF"]\ndeputies = ["U0DEPUTY", "U0JOHO"]'
    st = restarts.restart(org_with(two_deputies))
    st.driver.slash_command("U0JOHO", "/kessai", "away 2026-11-24 2026-11-25")
    st.driver.slash_command("U0DEPUTY", "/kessai", "away 2026-11-26 2026-11-27")
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    settle(st)
    assert Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(days=1, minutes=5)).sent["approval.escalate"] == 1
    wait_dm(st, "U0DEPUTY")
    midnight = BUSINESS_MORNING.replace(day=26, hour=0, minute=1)
    assert Sweeper(st.rt.kessai).sweep(midnight).sent["approval.away"] == 1
    settle(st)
    assert dm(st, "U0JOHO") == []

    def held_dm_texts() -> list[str]:
        with st.rt.db.session() as s:
            return [str(r.payload.get("text")) for r in outbox.rows(s)
                    if r.op == "post" and r.payload.get("channel") == "U0JOHO" and r.next_attempt_at > r.created_at]

    [before] = held_dm_texts()
    st = restarts.restart(org_with(two_deputies.replace('"U0MANAGER", ', "")))
    report = Sweeper(st.rt.kessai).sweep(midnight + timedelta(minutes=5))
    assert report.sent["approval.repointed"] == 1, report.sent
    settle(st)
    assert dm(st, "U0JOHO") == []  # still held for the morning: no phone buzzes at night
    [after] = held_dm_texts()
    # One DM, its lock-screen line naming whom the deputy stands in for now.
    assert before.startswith("上越 花子 さんに代わり") and after == before.replace("上越 花子", "春日山 一郎"), (before, after)
    with st.rt.db.session() as s:
        [row] = [r for r in outbox.rows(s) if r.op == "post" and r.payload.get("channel") == "U0JOHO"]
        shown = str(row.payload)
    assert "春日山 一郎 さんに代わって決裁" in shown and "上越 花子" not in shown, shown
    assert Sweeper(st.rt.kessai).sweep(midnight + timedelta(minutes=6)).total == 0
