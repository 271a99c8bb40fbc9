"""Payloads of shapes kessai had not been tried on: a click carrying several actions, and the
kinds of message Slack posts into an intake channel besides a plain one."""

from __future__ import annotations

import json
import logging
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlmodel import select

from bot.localstack import LocalStack
from bot.sandbox.payloads import message_text, rich_text_blocks
from storage import ledger as ledger_repo
from storage.models import DraftVersionRow
from tests.e2e.conftest import (
    APPROVERS,
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


def ledger_kinds(st: LocalStack) -> list[str]:
    with st.rt.db.session() as s:
        return [e.kind for e in ledger_repo.iter_entries(s)]


def test_a_click_carrying_several_actions_decides_nothing_and_says_so(stack: LocalStack) -> None:
    """Bolt runs the listener of a payload's first action only: 承認 and 差戻し in one payload was
    approved, the 差戻し dropped without a word. No click of a person's sends two; such a payload
    is refused, the person told, and nothing is decided (twice, or at all)."""
    st = stack
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(st, a)
    request = dm(st, "U0MANAGER")[0]
    assert set(buttons(request)) == {"approve_draft", "reject_draft"}
    for also in (["reject_draft"], ["approve_draft"]):
        reply = st.driver.block_action("U0MANAGER", "approve_draft", channel=request.channel,
                                       message_ts=request.ts, also=also)
        assert reply.status == 200
    wait_ephemeral(st, "U0MANAGER", "一度に複数の操作")
    settle(st)
    assert ledger_kinds(st) == [] and [d.state for d in drafts(st)] == ["pending"]
    assert set(buttons(dm(st, "U0MANAGER")[0])) == {"approve_draft", "reject_draft"}
    # Pressed again, on its own, the button works as always.
    st.driver.block_action("U0MANAGER", "approve_draft", channel=request.channel, message_ts=request.ts)
    st.slack.wait_for(lambda: ledger_kinds(st) == ["approved"], timeout=30)


def posted(st: LocalStack, user: str, text: str, *, subtype: str | None = None, blocks: list | None = None,
           thread_ts: str | None = None, **fields: object) -> str:
    """A message ``user`` posted in the intake channel, delivered as Slack sends its event with
    ``subtype`` and ``fields``; returns its ts."""
    body = blocks if blocks is not None else rich_text_blocks(text)
    ts = st.slack.post_as_user("C0INTAKE", user, message_text(text) if text else "", blocks=body,
                               thread_ts=thread_ts).ts
    event: dict[str, object] = {"type": "message", "text": message_text(text) if text else "", "user": user, "ts": ts,
                                "team": st.slack.team_id, "blocks": body, "channel": "C0INTAKE", "event_ts": ts,
                                "channel_type": "channel", **fields}
    if subtype:
        event["subtype"] = subtype
    if thread_ts:
        event["thread_ts"] = thread_ts
    st.driver.event(event)
    return ts


def test_an_operators_me_message_is_a_draft(stack: LocalStack) -> None:
    """「/me 11月28日に…」: Slack posts it in italics, as subtype me_message, and kessai ignored it
    without a word; an operator who wrote a draft that way waited for a 決裁 nobody was asked for.
    SPEC 4.1: a message from a registered operator in the intake channel is a draft, and /me is not
    among its exceptions; so it is checked and routed like any other. Someone who is no operator
    gets the usual explanation, as for any message of theirs."""
    st = stack
    posted(st, "U0OPERATOR", CLEAN_DRAFT, subtype="me_message")
    for a in APPROVERS:
        wait_dm(st, a)
    assert len(drafts(st)) == 1
    posted(st, "U0STRANGER", "が休憩中です", subtype="me_message")
    said = wait_ephemeral(st, "U0STRANGER", "運用担当者として登録されていない")
    assert "下書きとして受け付けませんでした" in said
    settle(st)
    assert len(drafts(st)) == 1 and st.slack.ephemerals("U0OPERATOR") == []


def test_other_message_shapes_in_an_intake_channel(stack: LocalStack) -> None:
    st = stack
    draft_ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(st, a)
    # A thread reply also sent to the channel is a reply, not a second draft.
    posted(st, "U0OPERATOR", "日付を確認しました。", subtype="thread_broadcast", thread_ts=draft_ts,
           root={"ts": draft_ts, "user": "U0OPERATOR", "text": CLEAN_DRAFT})
    # Only rich text blocks, the text empty: read from the blocks.
    blocks_only = CLEAN_DRAFT.replace("紅葉", "雪灯籠")
    only_blocks_ts = posted(st, "U0OPERATOR", "", blocks=rich_text_blocks(blocks_only))
    settle(st)
    assert [d.message_ts for d in drafts(st)] == [draft_ts, only_blocks_ts]
    with st.rt.db.session() as s:
        assert blocks_only in s.exec(select(DraftVersionRow).where(DraftVersionRow.draft_id == drafts(st)[1].id)).one().text


def test_an_edit_of_an_approved_draft_is_a_new_version_to_decide_again(stack: LocalStack) -> None:
    """message_changed of a draft after its 承認 (the operator fixes a typo before posting): the
    approval is of the text as it was, so it is void, recorded as such, and the new version goes
    to the approvers again; the edit delivered twice makes one version."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(st, a)
    request = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=request.channel, message_ts=request.ts)
    st.slack.wait_for(lambda: ledger_kinds(st) == ["approved"], timeout=30)
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT.replace("紅葉", "菊まつり"))
    st.driver.retry_last_event()
    for a in APPROVERS:
        wait_dm(st, a, 2)
    settle(st)
    (d,) = drafts(st)
    assert (d.current_version, d.state) == (2, "pending")
    assert ledger_kinds(st) == ["approved", "void"]
    newest = dm(st, "U0MANAGER")[-1]
    assert "菊まつり" in all_text(newest) and set(buttons(newest)) == {"approve_draft", "reject_draft"}


def test_a_message_of_legacy_attachments_only_is_no_draft_and_its_operator_is_told(stack: LocalStack) -> None:
    """No text and no blocks, only a legacy attachment with text (an app posting with a person's
    token, an e-mail shared from Outlook): ignored without a word, as an empty message is. What an
    app framed is not what the operator typed, so it is no draft; the operator is told, once a week
    as for a file alone, how to send it."""
    st = stack

    def framed(text: str) -> None:
        ts = st.slack.post_as_user("C0INTAKE", "U0OPERATOR", "", attachments=[{"text": text, "fallback": text}]).ts
        st.driver.event({"type": "message", "text": "", "user": "U0OPERATOR", "ts": ts, "team": st.slack.team_id,
                         "channel": "C0INTAKE", "event_ts": ts, "channel_type": "channel",
                         "attachments": [{"id": 1, "text": text, "fallback": text}]})

    framed(CLEAN_DRAFT)
    said = wait_ephemeral(st, "U0OPERATOR", "アプリが付けた枠")
    assert "書き込む" in said
    framed(CLEAN_DRAFT.replace("紅葉", "菊"))
    settle(st)
    assert drafts(st) == [] and all(dm(st, a) == [] for a in APPROVERS)
    assert len(st.slack.ephemerals("U0OPERATOR")) == 1


def test_a_file_share_with_text_is_a_draft_of_its_text(stack: LocalStack) -> None:
    """A PDF flyer posted with the post's text: the text is the draft, checked and sent on."""
    st = stack
    ts = posted(st, "U0OPERATOR", CLEAN_DRAFT, subtype="file_share", upload=False,
                files=[{"id": "F0PDF1", "name": "flyer.pdf", "mimetype": "application/pdf", "filetype": "pdf",
                        "mode": "hosted", "user": "U0OPERATOR"}])
    for a in APPROVERS:
        wait_dm(st, a)
    assert [(d.message_ts, d.state) for d in drafts(st)] == [(ts, "pending")]


def test_huge_and_deeply_nested_blocks_are_answered_and_checked(stack: LocalStack) -> None:
    """50 rich text blocks of Slack's 40,000 characters, and one nested 300 deep: answered 200 (no
    retry), the draft checked and held up by its length, not lost in a 500."""
    st = stack
    big = ("高田城址公園の紅葉ライトアップのお知らせです。" * 2000)[:39_000]
    blocks: list[dict[str, object]] = [
        {"type": "rich_text", "block_id": f"b{i}", "elements": [{"type": "rich_text_section", "elements": [
            {"type": "text", "text": big[i * 780:(i + 1) * 780], "style": {"bold": i % 2 == 0}}]}]} for i in range(50)]
    deep: dict[str, object] = {"type": "text", "text": "x"}
    for _ in range(300):
        deep = {"type": "rich_text_section", "elements": [deep]}
    ts = st.slack.post_as_user("C0INTAKE", "U0OPERATOR", big, blocks=blocks).ts
    reply = st.driver.event({"type": "message", "text": big, "user": "U0OPERATOR", "ts": ts, "team": st.slack.team_id,
                             "channel": "C0INTAKE", "event_ts": ts, "channel_type": "channel",
                             "blocks": [*blocks, {"type": "rich_text", "elements": [deep]}]})
    assert reply.status == 200
    st.slack.wait_for(lambda: any("platform.length" in all_text(m) for m in thread(st, "C0INTAKE", ts)), timeout=30)
    assert [(d.message_ts, d.state) for d in drafts(st)] == [(ts, "needs_fix")]


def test_a_slack_connect_user_of_another_organisation_is_told_it_is_no_draft(stack: LocalStack) -> None:
    """A shared channel (Slack Connect): a person of another workspace (``user_team`` theirs) who
    is no operator posts in the intake channel. The request is the workspace's own (its team_id),
    so it is not refused as another workspace's; the person is told it is no draft, as anyone who
    is no operator is, and nobody is asked to approve it."""
    st = stack
    posted(st, "U0OUTSIDER", CLEAN_DRAFT, user_team="T0OTHERORG", source_team="T0OTHERORG",
           user_profile={"real_name": "他社 太郎", "team": "T0OTHERORG"})
    said = wait_ephemeral(st, "U0OUTSIDER", "運用担当者として登録されていない")
    assert "下書きとして受け付けませんでした" in said
    settle(st)
    assert drafts(st) == [] and all(dm(st, a) == [] for a in APPROVERS)


def test_the_note_about_a_file_alone_does_not_silence_the_one_about_a_framed_message(stack: LocalStack) -> None:
    """Both notes were counted under one weekly key: an operator told on Monday about a PDF alone
    had an e-mail shared from Outlook on Tuesday (text only in its attachment) ignored without a
    word, which is what the attachments note is for. Each is said once a week; a person who is no
    operator is told neither."""
    from tests.e2e.test_intake_edges import PDF_FILE, file_alone

    st = stack

    def framed(user: str, text: str) -> None:
        ts = st.slack.post_as_user("C0INTAKE", user, "", attachments=[{"text": text, "fallback": text}]).ts
        st.driver.event({"type": "message", "text": "", "user": user, "ts": ts, "team": st.slack.team_id,
                         "channel": "C0INTAKE", "event_ts": ts, "channel_type": "channel",
                         "attachments": [{"id": 1, "text": text, "fallback": text}]})

    file_alone(st, "U0OPERATOR", PDF_FILE)
    wait_ephemeral(st, "U0OPERATOR", "文面のないメッセージに添付されたファイル")
    framed("U0OPERATOR", CLEAN_DRAFT)
    wait_ephemeral(st, "U0OPERATOR", "アプリが付けた枠")
    file_alone(st, "U0OPERATOR", PDF_FILE)
    framed("U0OPERATOR", CLEAN_DRAFT.replace("紅葉", "菊"))
    framed("U0STRANGER", CLEAN_DRAFT)
    settle(st)
    assert drafts(st) == [] and all(dm(st, a) == [] for a in APPROVERS)
    assert len(st.slack.ephemerals("U0OPERATOR")) == 2 and st.slack.ephemerals("U0STRANGER") == []


def test_an_operators_me_message_edited_or_written_in_a_thread(stack: LocalStack) -> None:
    """/me as Slack sends it (text only, no rich text blocks): a draft read from its text. Edited,
    the edit (a message_changed whose message is still a me_message) makes its next version; a
    /me reply in the draft's thread is talk about the draft, not a second draft."""
    st = stack
    ts = posted(st, "U0OPERATOR", CLEAN_DRAFT, subtype="me_message", blocks=[])
    for a in APPROVERS:
        wait_dm(st, a)
    with st.rt.db.session() as s:
        assert [v.text for v in s.exec(select(DraftVersionRow))] == [CLEAN_DRAFT]
    fixed = CLEAN_DRAFT.replace("11月28日（土）", "11月29日（日）")
    edit_ts = st.slack.next_ts()
    st.driver.event({
        "type": "message", "subtype": "message_changed", "channel": "C0INTAKE", "ts": edit_ts, "event_ts": edit_ts,
        "hidden": True, "channel_type": "channel",
        "message": {"type": "message", "subtype": "me_message", "user": "U0OPERATOR", "text": message_text(fixed),
                    "ts": ts, "edited": {"user": "U0OPERATOR", "ts": edit_ts}, "team": st.slack.team_id},
        "previous_message": {"type": "message", "subtype": "me_message", "user": "U0OPERATOR", "ts": ts,
                             "text": message_text(CLEAN_DRAFT)},
    })
    st.slack.wait_for(lambda: any("第2版" in all_text(m) for m in dm(st, "U0MANAGER")), timeout=30)
    posted(st, "U0OPERATOR", "が確認中です", subtype="me_message", blocks=[], thread_ts=ts)
    settle(st)
    assert len(drafts(st)) == 1
    with st.rt.db.session() as s:
        assert [v.text for v in s.exec(select(DraftVersionRow).order_by(DraftVersionRow.number))] == [CLEAN_DRAFT, fixed]


def test_a_draft_in_a_slack_connect_channel_another_organisation_hosts_is_taken(stack: LocalStack) -> None:
    """An intake channel shared with a partner (Slack Connect) that the partner's workspace created:
    Slack names the host workspace in the envelope's ``team_id`` and our installation only in
    ``authorizations`` (bolt reads the team from there for this reason). Every event of the
    channel was refused as another workspace's, so the operator's drafts went unanswered, and
    unchecked, without a word to anyone but the log."""
    st = stack
    ts = st.slack.post_as_user("C0INTAKE", "U0OPERATOR", message_text(CLEAN_DRAFT),
                               blocks=rich_text_blocks(CLEAN_DRAFT)).ts
    reply = st.driver.event({"type": "message", "text": message_text(CLEAN_DRAFT), "user": "U0OPERATOR", "ts": ts,
                             "team": st.slack.team_id, "user_team": st.slack.team_id,
                             "source_team": st.slack.team_id, "blocks": rich_text_blocks(CLEAN_DRAFT),
                             "channel": "C0INTAKE", "event_ts": ts, "channel_type": "channel"},
                            channel_host_team="T0PARTNER")
    assert reply.status == 200
    assert wait_dm(st, APPROVERS[0])
    settle(st)
    assert [(d.message_ts, d.state) for d in drafts(st)] == [(ts, "pending")]
    # An event delivered to another workspace's installation is still refused.
    other = st.slack.post_as_user("C0INTAKE", "U0OPERATOR", message_text(CLEAN_DRAFT + "2"),
                                  blocks=rich_text_blocks(CLEAN_DRAFT + "2")).ts
    st.driver.event({"type": "message", "text": message_text(CLEAN_DRAFT + "2"), "user": "U0OPERATOR", "ts": other,
                     "blocks": rich_text_blocks(CLEAN_DRAFT + "2"), "channel": "C0INTAKE", "event_ts": other,
                     "channel_type": "channel"}, team_id="T0OTHERORG")
    settle(st)
    assert [d.message_ts for d in drafts(st)] == [ts]


def test_a_slackbot_reminder_in_an_intake_channel_is_no_draft_and_not_answered(stack: LocalStack) -> None:
    """A channel reminder set with /remind: Slackbot posts it as a user (``USLACKBOT``, no bot_id,
    no subtype). It was answered as a person who is no operator, by an ephemeral for Slackbot that
    nobody reads (Slack refuses it, an ERROR in the log at every reminder); in a draft's thread it
    is not the author's reply either."""
    st = stack
    root = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, APPROVERS[0])
    posted(st, "USLACKBOT", "Reminder: 今週の投稿予定を確認してください。")
    posted(st, "USLACKBOT", "Reminder: " + CLEAN_DRAFT, thread_ts=root)
    settle(st)
    assert st.slack.calls_of("chat.postEphemeral") == []
    assert [d.message_ts for d in drafts(st)] == [root]



def test_retries_racing_their_first_delivery_and_an_organisation_wide_install(
        stack: LocalStack, caplog: pytest.LogCaptureFixture) -> None:
    """Two shapes real Slack sends that the other tests do not: (1) a retry (``X-Slack-Retry-Reason:
    http_timeout``, sent when our answer is late) arriving while the first delivery is still being
    handled, with a double delivery under another event_id, all at once (on PostgreSQL the
    transactions truly overlap); (2) Enterprise Grid with the app installed for the whole
    organisation: ``authorizations`` names the organisation and no workspace, the envelope the
    workspace the message was written in. Each makes one draft, one request per approver and one
    check, and no ERROR is logged (a database conflict of the race would be one; a refusal of the
    organisation's event, a WARNING, shows in the drafts asserted)."""
    st = stack
    caplog.set_level(logging.ERROR)

    def posted_event(text: str) -> dict[str, object]:
        ts = st.slack.post_as_user("C0INTAKE", "U0OPERATOR", message_text(text), blocks=rich_text_blocks(text)).ts
        return {"type": "message", "text": message_text(text), "user": "U0OPERATOR", "ts": ts,
                "team": st.slack.team_id, "blocks": rich_text_blocks(text), "channel": "C0INTAKE", "event_ts": ts,
                "channel_type": "channel"}

    raced = posted_event(CLEAN_DRAFT)
    deliveries = [("Ev0FIRST1", None), ("Ev0FIRST1", 1), ("Ev0FIRST1", 2), ("Ev0DOUBLE", None)]
    with ThreadPoolExecutor(len(deliveries)) as pool:
        statuses = list(pool.map(lambda d: st.driver.event(raced, event_id=d[0], retry_num=d[1]).status, deliveries))
    assert statuses == [200] * len(deliveries)

    grid = posted_event("12月5日（土）に市民会館で年末コンサートを開催します。どなたでもご参加いただけます。")
    envelope = {
        "token": st.driver.verification_token, "team_id": st.slack.team_id, "enterprise_id": "E0JOETSU",
        "context_team_id": st.slack.team_id, "context_enterprise_id": "E0JOETSU", "api_app_id": st.slack.app_id,
        "type": "event_callback", "event_id": "Ev0GRID01", "event_time": int(float(str(grid["ts"]))), "event": grid,
        "authorizations": [{"enterprise_id": "E0JOETSU", "team_id": None, "user_id": st.slack.bot_user_id,
                            "is_bot": True, "is_enterprise_install": True}],
        "is_ext_shared_channel": False, "event_context": "4-eyJldCI6Im1lc3NhZ2UifQ",
    }
    assert st.driver.raw(json.dumps(envelope, ensure_ascii=False)).status == 200
    for a in APPROVERS:
        wait_dm(st, a, 2)
    settle(st)
    assert [(d.message_ts, d.state) for d in drafts(st)] == [(raced["ts"], "pending"), (grid["ts"], "pending")]
    assert all(len(dm(st, a)) == 2 for a in APPROVERS)
    for ts in (raced["ts"], grid["ts"]):
        replies = [m.text for m in thread(st, "C0INTAKE", str(ts))]
        assert replies.count("第1版を確認しました。ガイドライン上の指摘はありません。") == 1
    assert [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR] == []
