"""Intake messages that arrive out of order or change after the fact: a deletion delivered before
the message it deletes, and edits that add or change the message's pictures."""

from __future__ import annotations

from sqlmodel import select

from bot.localstack import LocalStack
from bot.sandbox.payloads import message_text, rich_text_blocks
from storage.models import DeletedMessageRow, DraftRow
from tests.e2e.conftest import APPROVERS, CLEAN_DRAFT, dm, settle, thread, wait_dm


def drafts(st: LocalStack) -> list[DraftRow]:
    with st.rt.db.session() as s:
        return list(s.exec(select(DraftRow)))


def typed_unseen(st: LocalStack, text: str) -> str:
    """A message the operator posted whose event has not reached the bot yet; returns its ts."""
    return st.slack.post_as_user("C0INTAKE", "U0OPERATOR", message_text(text), blocks=rich_text_blocks(text)).ts


def test_a_deletion_delivered_before_its_message_leaves_no_draft(stack: LocalStack) -> None:
    """Slack delivers out of order and retries: the message event of a message already deleted
    (both ways Slack reports a deletion) must not become a draft that approvers are asked about."""
    st = stack
    plain = typed_unseen(st, CLEAN_DRAFT)
    st.driver.message_deleted("C0INTAKE", plain, tombstone=False)
    reply = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, ts=plain, event_id="Ev0LATE1", retry_num=1)
    assert reply == plain and st.driver.last_reply is not None and st.driver.last_reply.status == 200
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, ts=plain, event_id="Ev0LATE2")  # delivered twice
    with_replies = typed_unseen(st, CLEAN_DRAFT.replace("紅葉", "雪灯籠"))
    st.driver.message_deleted("C0INTAKE", with_replies, tombstone=True)
    st.driver.retry_last_event(retry_num=1)  # the deletion resent changes nothing either
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT, ts=with_replies, event_id="Ev0LATE3")
    settle(st)
    assert drafts(st) == []
    assert all(dm(st, a) == [] for a in APPROVERS)
    assert thread(st, "C0INTAKE", plain) == [] and thread(st, "C0INTAKE", with_replies) == []
    # The next message is a draft as usual.
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT.replace("紅葉", "菊まつり"))
    for a in APPROVERS:
        wait_dm(st, a)
    assert [d.message_ts for d in drafts(st)] == [ts]
    # Only messages that could have been drafts are remembered as deleted, not thread replies.
    reply = st.driver.message("C0INTAKE", "U0MANAGER", "日時を確認します。", thread_ts=ts)
    st.driver.message_deleted("C0INTAKE", reply)
    settle(st)
    with st.rt.db.session() as s:
        remembered = {(r.channel, r.ts) for r in s.exec(select(DeletedMessageRow))}
    assert remembered == {("C0INTAKE", plain), ("C0INTAKE", with_replies)}
