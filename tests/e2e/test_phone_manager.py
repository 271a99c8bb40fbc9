"""A 課長補佐 deciding on a phone between meetings: the notification preview, a 差戻し form that
Slack no longer lets us open, a draft taken back before the tap, and a long App Home."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlmodel import select

from bot import render
from bot.app import shifted_clock
from bot.config import OrgConfig
from bot.localstack import LocalStack, start_local_stack
from bot.sandbox.blockkit import iter_elements
from bot.sweep import Sweeper
from handlers.payloads import FORM_NOT_OPENED_JA
from storage.models import IncidentRow
from tests.conftest import database_url
from tests.e2e.conftest import (
    BUSINESS_MORNING,
    CLEAN_DRAFT,
    all_text,
    buttons,
    dm,
    drafts,
    settle,
    thread,
    wait_dm,
    wait_ephemeral,
)
from tests.e2e.test_core_loop import ledger, submit_clean
from tests.e2e.test_incidents import report as report_incident
from tests.e2e.test_workflow_publish_home import home_text

# What a lock screen cannot show: mrkdwn marks, emoji codes, Slack's link and mention syntax.
MRKDWN_NOISE = re.compile(r"[*_~`]|:[a-z0-9_+-]+:|<[@#!]|\n")


def test_the_request_dms_preview_says_what_is_asked_for_which_account_and_when(stack: LocalStack) -> None:
    st = stack
    submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    assert msg.text.startswith("「上越市公式X」の投稿の決裁をお願いします（投稿予定: ")
    assert "作成者: 高田 太郎 さん、第1版）。" in msg.text and not MRKDWN_NOISE.search(msg.text)
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    # The other approver's DM, redrawn, no longer asks for a decision in its text either.
    st.slack.wait_for(lambda: "承認しました" in dm(st, "U0CHIEF")[0].text, timeout=30, message="redrawn DM")
    assert "上越 花子 さんが承認しました。" in dm(st, "U0CHIEF")[0].text


def test_a_rejection_form_slack_no_longer_lets_us_open_is_explained_and_decides_nothing(
        sqlite_stack: LocalStack) -> None:
    """The phone was slow: Slack answers views.open with expired_trigger_id. The manager is told
    in words why nothing opened, nothing is decided, and the next tap opens the form."""
    st = sqlite_stack
    submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    st.slack.inject("views.open", error="expired_trigger_id")
    reply = st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    assert reply.status == 200
    assert wait_ephemeral(st, "U0MANAGER", "入力画面を開けませんでした") == FORM_NOT_OPENED_JA
    settle(st)
    assert ledger(st) == [] and [d.state for d in drafts(st)] == ["pending"]
    assert set(buttons(dm(st, "U0MANAGER")[0])) == {"approve_draft", "reject_draft"}
    st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    form = st.slack.wait_for(lambda: st.slack.latest_view("U0MANAGER", render.REJECT_CALLBACK), timeout=30,
                             message="the form on the second tap")
    # What to write is the hint, read with the field and kept while typing; a placeholder was not.
    [reason] = [b for b in form.view["blocks"] if b.get("block_id") == render.REJECT_REASON_BLOCK]
    assert reason["hint"]["text"].startswith("どこをどう直せばよいか") and "placeholder" not in reason["element"]


def test_a_trigger_that_really_expired_is_refused_by_the_local_slack_as_slack_does(sqlite_stack: LocalStack) -> None:
    """Not a fault injected: the trigger_id Slack gave with the click is older than its 3 seconds."""
    st = sqlite_stack
    submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    expired = st.slack.issue_trigger_id("U0MANAGER", ttl=-1)
    original = st.driver._fresh_trigger
    st.driver._fresh_trigger = lambda user: expired  # type: ignore[method-assign]
    try:
        st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    finally:
        st.driver._fresh_trigger = original  # type: ignore[method-assign]
    wait_ephemeral(st, "U0MANAGER", "入力画面を開けませんでした")
    [call] = st.slack.calls_of("views.open")
    assert call.response.get("error") == "expired_trigger_id"
    settle(st)
    assert ledger(st) == [] and st.slack.latest_view("U0MANAGER", render.REJECT_CALLBACK) is None


def test_a_tap_on_a_request_the_author_took_back_is_told_so_and_decides_nothing(stack: LocalStack) -> None:
    st = stack
    ts = submit_clean(st)
    msg = dm(st, "U0MANAGER")[0]
    st.driver.message_deleted("C0INTAKE", ts, tombstone=False)
    st.slack.wait_for(lambda: "取り下げ" in all_text(dm(st, "U0MANAGER")[0]), timeout=30, message="voided DM")
    assert "取り下げ" in dm(st, "U0MANAGER")[0].text
    # The phone still shows the buttons (not yet redrawn): 承認, then 差戻し.
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts, seen=msg)
    assert wait_ephemeral(st, "U0MANAGER", "取り下げ") == "この下書きは現在「取り下げ」のため、決裁できません。"
    st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts, seen=msg)
    st.slack.wait_for(lambda: len(st.slack.ephemerals("U0MANAGER")) == 2, timeout=30, message="second refusal")
    settle(st)
    assert st.slack.calls_of("views.open") == []
    assert [e.kind for e in ledger(st) if e.kind != "void"] == []


def test_app_home_with_thirty_requests_lists_the_oldest_with_buttons_and_counts_the_rest(
        sqlite_stack: LocalStack) -> None:
    st = sqlite_stack
    for i in range(30):
        st.driver.message("C0INTAKE", "U0OPERATOR", f"第{i + 1}回 " + CLEAN_DRAFT)
    st.slack.wait_for(lambda: len(dm(st, "U0MANAGER")) >= 30, timeout=60, message="thirty requests")
    settle(st)
    st.driver.app_home_opened("U0MANAGER")
    st.slack.wait_for(lambda: "決裁待ち（30件）" in str(st.slack.home("U0MANAGER")), timeout=30, message="home")
    home = st.slack.home("U0MANAGER")
    assert home is not None and len(home["blocks"]) <= 100
    rows = [b for b in home["blocks"] if b["type"] == "actions"]
    assert len(rows) == render.HOME_WAITING_SHOWN
    assert "残りの18件" in str(home["blocks"])
    assert "第1回" in str(home["blocks"]) and "第30回" not in str(home["blocks"])
    # 承認 tapped on Home decides the first listed; the count goes down.
    home_view = st.slack.home_view("U0MANAGER")
    assert home_view is not None
    st.driver.block_action("U0MANAGER", "approve_draft", view=home_view,
                           value=rows[0]["elements"][0]["value"])
    st.slack.wait_for(lambda: "決裁待ち（29件）" in str(st.slack.home("U0MANAGER")), timeout=30,
                      message="home after the decision")
    assert [(e.kind, e.draft_id) for e in ledger(st)] == [("approved", 1)]
    wait_dm(st, "U0MANAGER", 30)


def test_a_reminder_on_the_lock_screen_says_what_is_asked_without_mrkdwn_or_the_drafts_words(
        sqlite_stack: LocalStack) -> None:
    """The reminder's ``text`` was its mrkdwn (「:bell: *決裁のお願い*」) with the draft's first 60
    characters quoted: a lock screen, seen by whoever sits near the phone, showed the draft's words
    (a phone number, a password sent on with a reason) that only Slack itself should show."""
    st = sqlite_stack
    submit_clean(st)
    Sweeper(st.rt.kessai).sweep(BUSINESS_MORNING + timedelta(hours=2, minutes=1))
    settle(st)
    [_, reminder] = dm(st, "U0MANAGER")
    assert reminder.text.startswith("決裁のお願い：上越市公式X の下書き（第1版、作成者 高田 太郎 さん）が、")
    assert "「承認」または「差戻し」を押してください" in reminder.text and not MRKDWN_NOISE.search(reminder.text)
    assert "高田城址公園" not in reminder.text and "高田城址公園" in all_text(reminder)


def test_an_incident_re_alert_says_what_is_asked_first_and_keeps_the_report_off_the_lock_screen(
        sqlite_stack: LocalStack) -> None:
    """A re-alert's preview began with a row of ``<@U…>`` ids, and a second report's note carried the
    reported words (which the alert masks for a パスワード漏えい) into every member's notification."""
    st = sqlite_stack
    alert = report_incident(st)
    settle(st)
    # Alerts share the escalation channel: each button says which incident it acts on.
    assert reader_labels(alert.blocks) == {"incident_ack": "対応開始、受付番号1、炎上、上越市公式X",
                                           "incident_resolve": "解決、受付番号1、炎上、上越市公式X"}
    with st.rt.db.session() as s:
        [row] = list(s.exec(select(IncidentRow)))
    Sweeper(st.rt.kessai).sweep(row.created_at + timedelta(minutes=15))
    settle(st)
    [realert] = [m for m in st.slack.messages("C0ESCALATE", thread_ts=alert.ts) if m.ts != alert.ts]
    assert realert.text.startswith("炎上のインシデント（上越市公式X、受付番号 1）が報告から 15分たっても対応開始されていません。")
    # The mentions still ping the escalation members, after the words.
    said, mentions = realert.text.split(" <@", 1)
    assert not MRKDWN_NOISE.search(said) and {"U0JOHO>", "U0MANAGER>"} <= set(mentions.split(" <@"))
    report_incident(st, "U0CHIEF")
    st.slack.wait_for(lambda: len(st.slack.messages("C0ESCALATE", thread_ts=alert.ts)) == 3, timeout=30,
                      message="the second report's note")
    note = st.slack.messages("C0ESCALATE", thread_ts=alert.ts)[-1]
    assert note.text == "春日山 一郎 さんから、このインシデントについて追加の報告がありました。"
    assert "批判が殺到" in all_text(note)


# An account name of 60 characters: with 「理由を付けて決裁依頼、」 before it and the version and the
# draft's number after it, the label would pass Slack's 75 (invalid_blocks) were the name not cut.
LONG_ACCOUNT = ("上越市産業観光交流部観光振興課・高田城址公園観桜会実行委員会事務局公式アカウント"
                "（春の観桜会と秋の紅葉ライトアップのお知らせ）")[:60]


@pytest.fixture
def long_name_stack(tmp_path: Path, org: OrgConfig) -> Iterator[LocalStack]:
    first = replace(org.accounts[0], name=LONG_ACCOUNT)
    st = start_local_stack(replace(org, accounts=(first, *org.accounts[1:])), database_url("sqlite", tmp_path),
                           clock=shifted_clock(BUSINESS_MORNING))
    yield st
    st.stop()


def reader_labels(blocks: list[dict[str, Any]]) -> dict[str, str]:
    """action_id → what a screen reader says for each button (its accessibility_label)."""
    return {el["action_id"]: el.get("accessibility_label", "") for _, el in iter_elements(blocks)
            if el.get("type") == "button"}


def test_a_screen_reader_names_the_draft_each_button_acts_on(sqlite_stack: LocalStack) -> None:
    """Two request DMs in one conversation: VoiceOver read each button as 「承認、ボタン」, and a
    manager who cannot see the layout could not tell which draft a tap would approve. Each button
    now says its action, the account, the version and the draft's number; what Slack sends back
    (action_id, value) is as before, and a tap on the second DM's 承認 approves the second draft."""
    st = sqlite_stack
    submit_clean(st)
    st.driver.message("C0INTAKE", "U0OPERATOR", "第2回 " + CLEAN_DRAFT)
    first, second = wait_dm(st, "U0MANAGER", 2)
    assert reader_labels(first.blocks) == {"approve_draft": "承認、上越市公式Xの第1版、下書き1番",
                                           "reject_draft": "差戻し、上越市公式Xの第1版、下書き1番"}
    assert reader_labels(second.blocks)["approve_draft"] == "承認、上越市公式Xの第1版、下書き2番"
    assert buttons(second)["approve_draft"] == buttons(second)["reject_draft"]
    assert buttons(second)["approve_draft"].startswith("2:1:")
    st.driver.block_action("U0MANAGER", "approve_draft", channel=second.channel, message_ts=second.ts)
    st.slack.wait_for(lambda: any("承認しました" in m.text for m in dm(st, "U0MANAGER")), timeout=30,
                      message="the second DM redrawn")
    assert [(e.kind, e.draft_id) for e in ledger(st) if e.kind == "approved"] == [("approved", 2)]
    # App Home's rows say the same: the one still waiting, and the author's 投稿済みにする.
    home_text(st, "U0MANAGER", "決裁待ち（1件）")
    home = st.slack.home("U0MANAGER")
    assert home is not None
    assert reader_labels(home["blocks"])["reject_draft"] == "差戻し、上越市公式Xの第1版、下書き1番"


def test_a_long_account_name_gives_way_in_the_reader_label_and_slack_takes_every_message(
        long_name_stack: LocalStack) -> None:
    """Every message and view goes through the local Slack's checks, which refuse a label over 75
    characters as Slack does: the name is cut with 「…」, the action and the draft's number stay."""
    st = long_name_stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", "パスワードは abc12345 です。" + CLEAN_DRAFT)
    reply = st.slack.wait_for(lambda: next((m for m in thread(st, "C0INTAKE", ts)
                                            if "override_draft" in buttons(m)), None), timeout=30)
    override = reader_labels(reply.blocks)["override_draft"]
    assert len(override) == render.READER_LABEL_MAX
    assert override.startswith("理由を付けて決裁依頼、上越市") and override.endswith("…の第1版、下書き1番")
    clean = submit_clean(st)
    [request] = dm(st, "U0MANAGER")
    labels = reader_labels(request.blocks)
    assert labels["approve_draft"] == f"承認、{LONG_ACCOUNT}の第1版、下書き2番" and len(labels["approve_draft"]) <= 75
    st.driver.block_action("U0MANAGER", "approve_draft", channel=request.channel, message_ts=request.ts)
    st.driver.block_action("U0CHIEF", "approve_draft", channel=dm(st, "U0CHIEF")[0].channel,
                           message_ts=dm(st, "U0CHIEF")[0].ts)
    settle(st)
    prompt = next(m for m in thread(st, "C0INTAKE", clean) if "mark_published" in buttons(m))
    assert reader_labels(prompt.blocks)["mark_published"].startswith("投稿済みにする、上越市")
    assert [c.method for c in st.slack.calls if not c.ok] == []
