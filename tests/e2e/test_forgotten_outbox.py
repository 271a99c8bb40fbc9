"""Delivered outbox rows are deleted after a month (bot.sweep); what they were looked up for
must still work: updating the approvers' DMs, the thread's status line, App Homes."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import col, select

from bot.localstack import LocalStack
from storage import outbox
from storage.models import OutboxRow
from tests.e2e.conftest import APPROVERS, all_text, dm, settle, wait_thread
from tests.e2e.test_core_loop import submit_clean


def test_a_decision_still_updates_messages_whose_outbox_rows_were_forgotten(stack: LocalStack) -> None:
    st = stack
    ts = submit_clean(st)
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("決裁待ち" in all_text(m) for m in ms))
    settle(st)
    with st.rt.db.session() as s:  # as the sweep does a month later
        assert outbox.forget_delivered(s, st.rt.gateway.clock() + timedelta(seconds=1)) >= len(APPROVERS) + 2
    with st.rt.db.session() as s:
        assert not s.exec(select(OutboxRow).where(col(OutboxRow.message_key).startswith("dm:"))).all()
    msg = dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=msg.channel, message_ts=msg.ts)
    for a in APPROVERS:
        st.slack.wait_for(lambda a=a: "承認しました" in all_text(dm(st, a)[0]), timeout=30,
                          message=f"{a}'s request updated")
    wait_thread(st, "C0INTAKE", ts, lambda ms: not any("決裁待ち" in all_text(m) for m in ms)
                and any("承認されました" in all_text(m) for m in ms))

