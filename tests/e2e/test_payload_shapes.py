"""Payloads of shapes kessai had not been tried on: a click carrying several actions, and the
kinds of message Slack posts into an intake channel besides a plain one."""

from __future__ import annotations

from bot.localstack import LocalStack
from storage import ledger as ledger_repo
from tests.e2e.conftest import APPROVERS, CLEAN_DRAFT, buttons, dm, drafts, settle, wait_dm, wait_ephemeral


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
    st.slack.wait_for(lambda: ledger_kinds(st) == ["approved"], timeout=10)
