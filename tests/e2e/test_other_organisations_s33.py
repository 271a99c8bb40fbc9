"""A day of kessai at an organisation that is not 上越市: 和気町 (a 町 whose SNS is overseen by まち経営課)
and 美祢市社会福祉協議会 (a 社会福祉法人: 課長 decide, 総務課 oversees). Their files are in tests/orgs/,
written from their guidelines as their IT 担当 would.

kessai was built with 上越市 as its example, and its messages told every organisation to ask
「情報政策室（システム管理者）」, to report to 「情報政策室・広報対話課」 (departments neither has), to
hand the yearly plan to 「広報対話課長」 as 「上越市ソーシャルメディア運用計画書」, and 美祢市社協 could not
say who receives every incident at all (only departments named 情報政策… / 広報… did). Everything
sent in the core loop (draft → approval → reminder → incident → re-alert → 運用計画書) is read here:
no 上越市 word appears unless the file itself names it, and refusals name the file's rank and
departments. Guideline clauses are shown only as a step's or a finding's 根拠 (the rules' documentation,
citing every guideline a rule comes from); a message's own words cited 上越市's clauses as if they were the
organisation's (「上越市 6(2): 運用管理責任者がまち経営課と協議します」) and no longer do."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot import incidents as inc
from bot.app import shifted_clock
from bot.config import load_org_config, parse_org_config
from bot.localstack import LocalStack, start_local_stack
from bot.secret_mask import mask_report
from bot.sweep import Sweeper
from storage.models import IncidentRow
from tests.conftest import migrated_database_url
from tests.e2e.conftest import BUSINESS_MORNING, all_text, buttons, dm, settle, wait_dm, wait_ephemeral

ORGS = Path(__file__).resolve().parents[1] / "orgs"
JST = ZoneInfo("Asia/Tokyo")
# Words of 上越市's own file and guideline that another organisation's people must not be shown.
JOETSU_WORDS = ("上越", "情報政策", "広報対話", "市ホームページ", "市役所", "高田", "春日山", "直江", "課長補佐")
# A guideline clause (「上越市 6(2)」, 「上越市ソーシャルメディアガイドライン 6(1)①」).
CLAUSE = re.compile(r"上越市(?:ソーシャルメディアガイドライン)? ?\d+(?:\(\d+\))?[①-⑳]?")
# A checklist's or a finding's 根拠 (「根拠（上の項目から順に）: 上越市 6(2)・和気町 6 …」, 「_根拠: 上越市 6(1)②_」),
# up to the end of its JSON string or line: the rules' documentation, shown to everyone on purpose.
BASIS = re.compile(r'根拠[^"\\]*')
DRAFT = "5月3日（月・祝）に藤公園で藤まつりを開きます。皆さまのお越しをお待ちしています。"


@dataclass(frozen=True)
class Organisation:
    file: str
    account: str
    intake: str
    operator: str
    approver: str
    escalation: str
    officer: str  # receives every incident (escalation_orgs) without a role in the account
    outsider: str  # may not acknowledge: neither the account's approver/deputy nor an officer
    refused_ack: str  # the refusal's words naming the file's departments and rank
    oversees: str  # the department the plan goes to and the checklist names


WAKE = Organisation("wake.toml", "wake-youtube", "C0WAKEYT", "U0WKSANKAKARI", "U0WKSANGYO", "C0WAKEKIKI",
                    officer="U0WKHOSA", outsider="U0WKSOMU",
                    refused_ack="運用管理責任者と代決者、まち経営課の課長補佐以上の職員です。", oversees="まち経営課")
MINE = Organisation("mine_shakyo.toml", "shakyo-fb", "C0MSFB", "U0MSSHUNIN", "U0MSCHIIKIKACHO", "C0SHAKYOKIKI",
                    officer="U0MSSOMUKACHO", outsider="U0MSSOMUKAKARI",
                    refused_ack="運用管理責任者と代決者、総務課の課長以上の職員です。", oversees="総務課")


@pytest.fixture(params=[WAKE, MINE], ids=["wake", "mine_shakyo"])
def town(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Organisation, LocalStack]]:
    o: Organisation = request.param
    st = start_local_stack(load_org_config(ORGS / o.file), migrated_database_url("sqlite", tmp_path),
                           clock=shifted_clock(BUSINESS_MORNING))
    yield o, st
    st.stop()


def everything_sent(st: LocalStack, *replies: str) -> str:
    """Every string kessai sent to Slack (posts, updates, ephemerals, DMs, views, App Home,
    response_url answers) and the answers it gave in HTTP replies."""
    calls = st.slack.calls  # response_url answers among them
    answers = [json.dumps(json.loads(r), ensure_ascii=False) for r in replies if r.strip()]
    return "\n".join([json.dumps(c.params, ensure_ascii=False) for c in calls] + answers)


def test_a_day_at_another_organisation_shows_no_joetsu_word_and_names_its_own_departments(
        town: tuple[Organisation, LocalStack]) -> None:
    o, st = town
    file_text = (ORGS / o.file).read_text(encoding="utf-8")

    # A draft is approved; a second one waits and its approver is reminded.
    st.driver.message(o.intake, o.operator, DRAFT)
    [request] = wait_dm(st, o.approver)
    st.driver.block_action(o.outsider, "approve_draft", buttons(request)["approve_draft"],
                           channel=request.channel, message_ts=request.ts)
    wait_ephemeral(st, o.outsider, "決裁できるのは")
    st.driver.block_action(o.approver, "approve_draft", buttons(request)["approve_draft"],
                           channel=request.channel, message_ts=request.ts)
    st.slack.wait_for(lambda: "承認" in all_text(dm(st, o.approver)[0]) and not buttons(dm(st, o.approver)[0]),
                      timeout=30, message="approved")
    st.driver.message(o.intake, o.operator, "6月の子育てサロンの日程をお知らせします。詳しくは事務所までお問い合わせください。")
    wait_dm(st, o.approver, 2)
    Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(hours=2, minutes=5))
    settle(st)
    assert len(dm(st, o.approver)) >= 3, "reminded"
    # Someone who does not run the account writes in its channel: told whom to ask.
    st.driver.message(o.intake, o.outsider, "来月の行事予定を載せてください。")
    assert "システム管理者（IT 担当）にご相談ください" in wait_ephemeral(st, o.outsider, "運用担当者として登録されていない")
    helped = st.driver.slash_command(o.operator, "/kessai", "help")
    st.driver.app_home_opened(o.operator)

    # An incident: reported, refused to someone who may not acknowledge, re-alerted, acknowledged.
    st.driver.slash_command(o.operator, "/kessai", f"incident {o.account}")
    st.slack.wait_for_call("views.open", timeout=30)
    st.driver.view_submission(o.operator, inc.REPORT_CALLBACK, {
        inc.KIND_ACTION: "impersonation", inc.DESCRIPTION_ACTION: "公式アカウントをまねた偽アカウントがあります。"})
    alert = st.slack.wait_for(lambda: next(iter(st.slack.messages(o.escalation)), None), timeout=30, message="alert")
    st.driver.block_action(o.outsider, inc.ACK_ACTION, channel=alert.channel, message_ts=alert.ts)
    assert o.refused_ack in wait_ephemeral(st, o.outsider, "対応開始")
    with st.rt.db.session() as s:
        [row] = list(s.exec(select(IncidentRow)))
    Sweeper(st.rt.kessai).sweep(row.created_at + timedelta(minutes=15))
    settle(st)
    alert = st.slack.message(alert.channel, alert.ts) or alert
    st.driver.block_action(o.officer, inc.ACK_ACTION, channel=alert.channel, message_ts=alert.ts)
    st.slack.wait_for(lambda: "対応中" in all_text(st.slack.message(alert.channel, alert.ts) or alert), timeout=30,
                      message="acknowledged by the department that oversees the accounts")
    settle(st)
    checklist = json.dumps((st.slack.message(alert.channel, alert.ts) or alert).blocks, ensure_ascii=False)
    assert f"運用管理責任者が{o.oversees}に報告する" in checklist, checklist
    # Still unresolved two hours on: the request for a holding statement.
    with st.rt.db.session() as s:
        [row] = list(s.exec(select(IncidentRow)))
    assert row.acked_at is not None
    Sweeper(st.rt.kessai).sweep(row.acked_at + timedelta(hours=2, minutes=1))
    settle(st)
    assert any("経過の書き込みのお願い" in all_text(m) for m in dm(st, o.officer))

    # 1 March: the yearly plan goes to the department that oversees the accounts.
    Sweeper(st.rt.kessai).sweep(datetime(2027, 3, 1, 8, 30, tzinfo=JST))
    settle(st)
    assert any(f"運用計画書を作成し、{o.oversees}に提出して" in all_text(m) for m in dm(st, o.approver))

    # What a leak report's receipt adds when a password was masked in it.
    masked = inc.masked_note_ja(mask_report("パスワードは Wake2026pass です", about_a_password=True))
    assert "伏せ字" in masked
    sent = BASIS.sub("", everything_sent(st, helped.body) + masked)
    shown = [(w, sent[max(0, i - 60): i + 40]) for w in JOETSU_WORDS if w not in file_text
             for i in [sent.find(w)] if i >= 0]
    assert shown == []


def test_an_organisation_with_no_escalation_departments_is_told_what_really_happened(tmp_path: Path) -> None:
    """``escalation_orgs = []`` (each account's approvers and deputies alone act on incidents): the
    receipt said 「運用を統括する部署と運用管理責任者に通知しました」, of departments the file chose
    not to have, and the re-alert that the 運用管理責任者 「運用を統括する部署と協議します」."""
    text = (ORGS / WAKE.file).read_text(encoding="utf-8").replace('escalation_orgs = ["machi"]', "escalation_orgs = []")
    assert "escalation_orgs = []" in text
    org = parse_org_config(text)
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(BUSINESS_MORNING))
    try:
        for account in (WAKE.account, inc.NO_ACCOUNT):
            st.driver.slash_command(WAKE.operator, "/kessai", "incident")
            st.slack.wait_for(lambda: st.slack.latest_view(WAKE.operator, inc.REPORT_CALLBACK), timeout=30)
            st.driver.view_submission(WAKE.operator, inc.REPORT_CALLBACK, {
                inc.KIND_ACTION: "flaming", inc.ACCOUNT_ACTION: account,
                inc.DESCRIPTION_ACTION: f"{account} の投稿に批判的な返信が続いています。"})
            settle(st)
        told = [m.text for m in dm(st, WAKE.operator) if "報告を受け付けました" in m.text]
        assert len(told) == 2, told
        assert all("部署" not in t for t in told), told
        assert "運用管理責任者に通知しました" in told[0], told[0]
        assert "エスカレーション先のチャンネルに通知しました" in told[1] and "運用管理責任者" not in told[1], told[1]
        # The form, a second report of the same account (a follow-up) and a refusal of someone not
        # in the roster sent people to 「運用を統括する部署」 all the same.
        st.driver.slash_command(WAKE.operator, "/kessai", "incident")
        st.slack.wait_for(lambda: st.slack.latest_view(WAKE.operator, inc.REPORT_CALLBACK), timeout=30)
        form = json.dumps(st.slack.latest_view(WAKE.operator, inc.REPORT_CALLBACK).view, ensure_ascii=False)  # type: ignore[union-attr]
        assert "部署" not in form and "運用管理責任者（特定のアカウントではない場合はエスカレーション先のチャンネル）に知らせます" in form
        st.driver.view_submission(WAKE.operator, inc.REPORT_CALLBACK, {
            inc.KIND_ACTION: "flaming", inc.ACCOUNT_ACTION: WAKE.account, inc.DESCRIPTION_ACTION: "返信がさらに増えています。"})
        settle(st)
        again = [m.text for m in dm(st, WAKE.operator) if "続報として" in m.text]
        assert len(again) == 1 and "部署" not in again[0] and "運用管理責任者に直接お知らせください" in again[0], again
        refused = st.driver.slash_command("U0NOBODY", "/kessai", "incident").json()["text"]
        assert "職員名簿に登録されていない" in refused and "部署" not in refused, refused
        assert "運用管理責任者に直接連絡してください" in refused, refused
        with st.rt.db.session() as s:
            first = min(row.created_at for row in s.exec(select(IncidentRow)))
        Sweeper(st.rt.kessai).sweep(first + timedelta(minutes=16))
        settle(st)
        realerts = [all_text(m) for m in st.slack.messages(WAKE.escalation) if "対応開始されていません" in all_text(m)]
        assert realerts and not any("部署" in r or CLAUSE.search(r) for r in realerts), realerts
        # The alert's checklist said 「運用管理責任者が運用を統括する部署と協議する」 all the same.
        alerts = [json.dumps(m.blocks, ensure_ascii=False) for m in st.slack.messages(WAKE.escalation)
                  if "インシデント: 炎上" in all_text(m)]  # with the checklist's option labels
        assert alerts and all("運用管理責任者が対応の方針を決め、組織として対応する" in a for a in alerts), alerts
        assert not any("部署" in a for a in alerts), alerts
    finally:
        st.stop()
    # The other steps that named the departments say who acts when there are none.
    assert [i.text_for(org) for items in inc.CHECKLISTS.values() for i in items if "{統括}" in i.text] == [
        "運用管理責任者が対応の方針を決め、組織として対応する", "運用管理責任者が状況を確かめ、組織として対応する",
        "運用管理責任者に即刻報告する"]

