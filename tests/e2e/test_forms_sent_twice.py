"""A form sent twice: Slack keeps a modal open when our answer is late, and the person presses
送信 again. The second press closes the form and changes nothing; it must not tell them that what
their first press did cannot be done."""

from __future__ import annotations

import json

from sqlmodel import select

from bot import incidents as inc
from bot import render
from bot.localstack import LocalStack
from bot.sandbox.driver import BotReply
from storage import ledger as ledger_repo
from storage import templates as template_repo
from storage.models import IncidentEventRow
from tests.e2e.conftest import all_text, buttons, dm, drafts, settle, thread, wait_dm, wait_thread
from tests.e2e.test_core_loop import CLEAN_DRAFT


def twice(st: LocalStack, user: str, callback_id: str, values: dict[str, object]) -> tuple[BotReply, BotReply]:
    view = st.slack.wait_for(lambda: st.slack.latest_view(user, callback_id), timeout=30, message=callback_id)
    first = st.driver.view_submission(user, callback_id, values, view_id=view.id)
    again = st.driver.view_submission(user, callback_id, values, view_id=view.id)
    return first, again


def closed(reply: BotReply) -> bool:
    return reply.status == 200 and reply.json() is None


def test_reject_override_and_publish_forms_sent_twice(stack: LocalStack) -> None:
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    msg = wait_dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "reject_draft", channel=msg.channel, message_ts=msg.ts)
    first, again = twice(st, "U0MANAGER", render.REJECT_CALLBACK, {"reason_text": "日付を確認してください。"})
    assert closed(first) and closed(again), again.body
    # A new form for the same draft is no resend: it is told who decided.
    st.driver.block_action("U0CHIEF", "reject_draft", channel=dm(st, "U0CHIEF")[0].channel,
                           message_ts=dm(st, "U0CHIEF")[0].ts)
    settle(st)
    with st.rt.db.session() as s:
        assert [e.kind for e in ledger_repo.entries_for_draft(s, drafts(st)[0].id or 0)] == ["rejected"]
    assert sum("差し戻しました" in all_text(m) for m in thread(st, "C0INTAKE", ts)) == 1

    blocked = st.driver.message("C0INTAKE", "U0OPERATOR", "お問い合わせは 090-1234-5678 までお電話ください。")
    found = wait_thread(st, "C0INTAKE", blocked, lambda ms: any(render.OVERRIDE_ACTION in buttons(m) for m in ms))
    button = next(m for m in found if render.OVERRIDE_ACTION in buttons(m))
    st.driver.block_action("U0OPERATOR", render.OVERRIDE_ACTION, channel=button.channel, message_ts=button.ts)
    first, again = twice(st, "U0OPERATOR", render.OVERRIDE_CALLBACK, {render.OVERRIDE_INPUT: "窓口の公用携帯の番号です。"})
    assert closed(first) and closed(again), again.body
    settle(st)
    assert len(dm(st, "U0MANAGER")) == 2  # asked once

    request = dm(st, "U0MANAGER")[-1]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=request.channel, message_ts=request.ts)
    found = wait_thread(st, "C0INTAKE", blocked, lambda ms: any(render.PUBLISH_ACTION in buttons(m) for m in ms))
    button = next(m for m in found if render.PUBLISH_ACTION in buttons(m))
    st.driver.block_action("U0OPERATOR", render.PUBLISH_ACTION, channel=button.channel, message_ts=button.ts)
    first, again = twice(st, "U0OPERATOR", render.PUBLISH_CALLBACK,
                         {render.P_URL: "https://x.com/joetsu_city_example/status/1234567890"})
    assert closed(first) and closed(again), again.body
    settle(st)
    assert sum("投稿済みです" in all_text(m) for m in thread(st, "C0INTAKE", blocked)) == 1


def test_the_resolution_form_sent_twice(stack: LocalStack) -> None:
    st = stack
    st.driver.slash_command("U0OPERATOR", "/kessai", "incident joetsu-x")
    st.slack.wait_for(lambda: st.slack.latest_view("U0OPERATOR", inc.REPORT_CALLBACK), timeout=30)
    st.driver.view_submission("U0OPERATOR", inc.REPORT_CALLBACK,
                              {inc.KIND_ACTION: "misposting", inc.DESCRIPTION_ACTION: "日付を誤って投稿しました。"})
    alert = st.slack.wait_for(lambda: next(iter(st.slack.messages("C0ESCALATE")), None), timeout=30)
    st.driver.block_action("U0JOHO", inc.RESOLVE_ACTION, channel=alert.channel, message_ts=alert.ts)
    first, again = twice(st, "U0JOHO", inc.RESOLVE_CALLBACK, {inc.SUMMARY_ACTION: "訂正の投稿をしました。"})
    assert closed(first) and closed(again), again.body
    settle(st)
    with st.rt.db.session() as s:
        assert [e.event for e in s.exec(select(IncidentEventRow))].count("resolved") == 1


def test_the_revision_form_sent_twice(stack: LocalStack) -> None:
    """The second press found the draft a version on and was refused as 「この表示は古い版のものです」,
    of the revision its first press had saved: it is told the revision is recorded."""
    from tests.e2e.test_workflow_drafting import root_message, submit_draft, wait_root_thread

    st = stack
    phone = "災害ボランティアの受付は、現地責任者の携帯 090-1234-5678 までお電話ください。"
    submit_draft(st, text=phone)
    root = root_message(st, "090-1234-5678")
    check = next(m for m in wait_root_thread(st, root, "pii.phone") if render.REVISE_ACTION in buttons(m))
    st.driver.block_action("U0OPERATOR", render.REVISE_ACTION, channel="C0INTAKE", message_ts=check.ts)
    fixed = {render.F_TEXT: phone.replace("現地責任者の携帯 090-1234-5678", "広報対話課 025-526-5111")}
    first, again = twice(st, "U0OPERATOR", render.REVISE_CALLBACK, fixed)
    assert closed(first), first.body
    assert again.status == 200 and again.json()["response_action"] == "update", again.body
    assert again.json()["view"]["callback_id"] == render.REVISED_CALLBACK and "submit" not in again.json()["view"]
    settle(st)
    assert [d.current_version for d in drafts(st)] == [2]


def test_the_template_form_sent_twice(stack: LocalStack) -> None:
    """The second press was refused as 「…という名前の定型文はすでにあります。別の名前にしてください」,
    of the template its first press had registered: it is told the template is registered."""
    st = stack
    st.driver.slash_command("U0MANAGER", "/kessai", "template add")
    first, again = twice(st, "U0MANAGER", render.TEMPLATE_CALLBACK,
                         {render.T_NAME: "開庁時間", render.T_TEXT: "本日の開庁時間は 8時30分から17時15分 です。"})
    for reply in (first, again):
        assert reply.status == 200 and reply.json()["response_action"] == "update", reply.body
    said = json.dumps(again.json()["view"], ensure_ascii=False)
    assert "すでに登録されています" in said and "別の名前" not in said, said
    with st.rt.db.session() as s:
        assert len(template_repo.active(s)) == 1
