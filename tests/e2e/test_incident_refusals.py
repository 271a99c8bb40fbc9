"""The incident form and buttons used the wrong way — forged or odd input, people who may not act,
buttons pressed twice, late or out of order — each refused with a polite Japanese explanation, and
a report at night on a holiday escalated at once (an incident does not wait for the office)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from bot import incidents as inc
from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import LocalStack, start_local_stack
from storage.models import IncidentRow
from tests.conftest import database_url, migrated_database_url
from tests.e2e.conftest import all_text, buttons, dm, settle, wait_ephemeral
from tests.e2e.test_incidents import alert, incident_row, submit_report

NEW_YEARS_NIGHT = datetime(2027, 1, 1, 3, 0, tzinfo=ZoneInfo("Asia/Tokyo"))  # 元日 (祝日・年末年始), 3 時


def open_form(st: LocalStack, user: str = "U0OPERATOR") -> None:
    st.driver.slash_command(user, "/kessai", "incident joetsu-x")
    st.slack.wait_for(lambda: st.slack.latest_view(user, inc.REPORT_CALLBACK), timeout=30, message="report form")


def form_errors(st: LocalStack, values: dict[str, str], user: str = "U0OPERATOR") -> dict[str, str]:
    answer = st.driver.view_submission(user, inc.REPORT_CALLBACK, values)
    assert answer.status == 200
    body = answer.json()
    assert body["response_action"] == "errors", body
    return dict(body["errors"])


def test_odd_or_forged_reports_are_refused_in_the_form(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    open_form(st)
    # Invisible characters only: nothing to escalate on.
    errs = form_errors(st, {inc.KIND_ACTION: "flaming", inc.DESCRIPTION_ACTION: "\u200b\u3000\u200b"})
    assert errs == {inc.DESCRIPTION_BLOCK: "何が起きているかを入力してください。"}
    # Longer than the form allows (a forged submission): told, not cut.
    errs = form_errors(st, {inc.KIND_ACTION: "flaming", inc.DESCRIPTION_ACTION: "炎" * 3001})
    assert "3,000 文字以内" in errs[inc.DESCRIPTION_BLOCK] and "3,001 文字" in errs[inc.DESCRIPTION_BLOCK]
    # An account not in the organisation file.
    errs = form_errors(st, {inc.KIND_ACTION: "flaming", inc.ACCOUNT_ACTION: "myoko-x", inc.DESCRIPTION_ACTION: "x"})
    assert errs == {inc.ACCOUNT_BLOCK: "選ばれたアカウントは登録されていません。一覧から選び直してください。"}
    # A kind that is not one of the five.
    errs = form_errors(st, {inc.KIND_ACTION: "earthquake", inc.DESCRIPTION_ACTION: "x"})
    assert errs == {inc.KIND_BLOCK: "インシデントの種類を選んでください。"}
    settle(st)
    with st.rt.db.session() as s:
        assert s.exec(select(IncidentRow)).all() == []
    assert st.slack.messages("C0ESCALATE") == []


def test_someone_not_in_the_roster_is_told_whom_to_contact(sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    reply = st.driver.slash_command("U0NOBODY", "/kessai", "incident joetsu-x")
    assert reply.status == 200 and reply.json()["response_type"] == "ephemeral"
    said = reply.json()["text"]
    assert "職員名簿に登録されていない" in said and "情報政策室・広報対話課に直接連絡" in said
    assert not st.slack.calls_of("views.open")


def test_buttons_pressed_by_the_wrong_person_twice_late_or_out_of_order(stack: LocalStack) -> None:
    st = stack
    submit_report(st, "U0OPERATOR", "misposting", "誤った日付の投稿をしてしまいました。<@U0CHIEF> <!here>")
    msg = alert(st)
    assert "&lt;!here&gt;" in all_text(msg) and "<!here>" not in all_text(msg)
    ref = str(incident_row(st).id)

    # 解決 by someone who may not act: refused, no form.
    st.driver.block_action("U0OPERATOR2", inc.RESOLVE_ACTION, ref, channel=msg.channel, message_ts=msg.ts)
    assert "運用管理責任者と代決者" in wait_ephemeral(st, "U0OPERATOR2", "解決")
    # 解決 before anyone pressed 対応開始 (a false alarm closed at once): allowed and recorded.
    st.driver.block_action("U0MANAGER", inc.RESOLVE_ACTION, ref, channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for_call("views.open", timeout=30)
    form = st.slack.latest_view("U0MANAGER", inc.RESOLVE_CALLBACK)
    assert form is not None
    # Someone else resolves in the meantime (from the App Home, another copy): the form says so.
    inc.IncidentService(st.rt.kessai).resolve(int(ref), "U0JOHO", "誤りでした（日付は正しかった）。")
    late = st.driver.view_submission("U0MANAGER", inc.RESOLVE_CALLBACK, {inc.SUMMARY_ACTION: "訂正しました。"},
                                     private_metadata=ref, view_id=form.id)
    assert late.json() == {"response_action": "errors",
                           "errors": {inc.SUMMARY_BLOCK: "このインシデントはすでに解決済みとして記録されています。"}}
    settle(st)
    assert buttons(alert(st)) == {} and "解決済み" in all_text(alert(st))
    row = incident_row(st)
    assert (row.status, row.resolved_by, row.acked_by) == ("resolved", "U0JOHO", None)

    # Buttons of a copy drawn before: 対応開始 and 解決 after the resolution.
    st.driver.block_action("U0CHIEF", inc.ACK_ACTION, ref, channel=msg.channel, message_ts=msg.ts)
    assert wait_ephemeral(st, "U0CHIEF", "解決済み") == "このインシデントはすでに解決済みとして記録されています。"
    st.driver.block_action("U0DEPUTY", inc.RESOLVE_ACTION, ref, channel=msg.channel, message_ts=msg.ts)
    assert wait_ephemeral(st, "U0DEPUTY", "解決済み") == "このインシデントはすでに解決済みとして記録されています。"
    # A forged reference.
    st.driver.block_action("U0JOHO", inc.ACK_ACTION, "1 OR 1=1", channel=msg.channel, message_ts=msg.ts)
    assert "見つかりません" in wait_ephemeral(st, "U0JOHO", "インシデント")


@pytest.fixture
def night_stack(tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    st = start_local_stack(org, migrated_database_url("sqlite", tmp_path), clock=shifted_clock(NEW_YEARS_NIGHT))
    yield st
    st.stop()


def test_a_report_at_night_on_a_holiday_is_escalated_at_once(night_stack: LocalStack) -> None:
    st = night_stack
    submit_report(st, "U0OPERATOR", "impersonation", "市を名乗る偽アカウントが年始のあいさつを投稿しています。")
    assert "なりすまし" in all_text(alert(st))
    assert any("受け付けました" in m.text for m in dm(st, "U0OPERATOR"))


def test_report_form_tells_same_named_accounts_apart(tmp_path: Path) -> None:
    """One name on two platforms (every account called 「上越市」) is allowed: the report form's
    menu names the platform after it, as the draft form's does. Shown alike, a 炎上 on Instagram
    could be reported on X, and the alert went to the other account's approvers."""
    from bot.config import parse_org_config
    from tests.conftest import DEMO_TOML
    from tests.e2e.conftest import BUSINESS_MORNING

    toml = DEMO_TOML.read_text(encoding="utf-8")
    toml = toml.replace('name = "上越市公式X"', 'name = "上越市"').replace('name = "上越市公式Instagram"', 'name = "上越市"')
    st = start_local_stack(parse_org_config(toml, "same.toml"), database_url("sqlite", tmp_path),
                           clock=shifted_clock(BUSINESS_MORNING))
    try:
        st.driver.slash_command("U0OPERATOR", "/kessai", "incident")
        view = st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", inc.REPORT_CALLBACK), timeout=30)
        menu = next(b["element"] for b in view.view["blocks"] if b.get("block_id") == inc.ACCOUNT_BLOCK)
        labels = {o["value"]: o["text"]["text"] for o in menu["options"]}
        assert labels["joetsu-x"] == "上越市（X）" and labels["joetsu-insta"] == "上越市（Instagram）", labels
        # 「上越市」 as typed names neither account: none is chosen for the reporter but their own.
        assert menu.get("initial_option", {}).get("value") == "joetsu-x"
    finally:
        st.stop()
