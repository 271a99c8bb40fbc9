"""Sequences municipal staff really go through, driven over signed HTTP against the local Slack:
差戻し and resubmission again and again, old buttons tapped late, 承認 and 差戻し at the same moment."""

from __future__ import annotations

import threading
from typing import Any

from bot.ledger import verify_chain
from bot.localstack import LocalStack
from storage import ledger as ledger_repo
from tests.e2e.conftest import (
    APPROVERS,
    CLEAN_DRAFT,
    all_text,
    buttons,
    dm,
    drafts,
    settle,
    wait_dm,
    wait_ephemeral,
    wait_thread,
)
from tests.e2e.test_core_loop import ledger


def chain_ok(st: LocalStack) -> bool:
    with st.rt.db.session() as s:
        return verify_chain(list(ledger_repo.iter_entries(s))).ok


def reject(st: LocalStack, user: str, msg: Any, reason: str) -> Any:
    opened = len(st.slack.calls_of("views.open"))
    st.driver.block_action(user, "reject_draft", channel=msg.channel, message_ts=msg.ts)
    st.slack.wait_for(lambda: len(st.slack.calls_of("views.open")) > opened, timeout=30, message="rejection form")
    return st.driver.view_submission(user, "reject_reason", {"reason_text": reason})


def newest_dm(st: LocalStack, user: str, version: int) -> Any:
    return st.slack.wait_for(
        lambda: [m for m in dm(st, user) if f"第{version}版" in all_text(m) and buttons(m)], timeout=30,
        message=f"v{version} request to {user}")[-1]


def test_rejected_twice_then_approved_each_version_decided_once_and_old_buttons_refused(stack: LocalStack) -> None:
    """差戻し, the author edits; 差戻し again, edits again; then 承認. Each version is decided once in
    the ledger (a rejection is not voided by the edit that answers it), the buttons of the rejected
    versions decide nothing later, and the chain verifies."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    v1 = wait_dm(st, "U0MANAGER")[0]
    assert reject(st, "U0MANAGER", v1, "開始時刻を書いてください。").status == 200
    wait_thread(st, "C0INTAKE", ts, lambda ms: any("差し戻しました" in all_text(m) for m in ms))
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT.replace("行います", "17時から行います"))
    v2 = newest_dm(st, "U0CHIEF", 2)
    assert reject(st, "U0CHIEF", v2, "終了時刻も書いてください。").status == 200
    st.slack.wait_for(lambda: len(ledger(st)) == 2, timeout=30, message="second rejection")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT.replace("行います", "17時から21時まで行います"))
    v3 = newest_dm(st, "U0MANAGER", 3)
    # The first version's 承認, from a DM not redrawn: it must not approve the third version.
    st.driver.block_action("U0MANAGER", "approve_draft", channel=v1.channel, message_ts=v1.ts, seen=v1)
    assert "古い版" in wait_ephemeral(st, "U0MANAGER", "古い版")
    # The second version's 承認 likewise, by the approver who rejected it.
    st.driver.block_action("U0CHIEF", "approve_draft", channel=v2.channel, message_ts=v2.ts, seen=v2)
    assert "古い版" in wait_ephemeral(st, "U0CHIEF", "古い版")
    settle(st)
    assert [(d.state, d.current_version) for d in drafts(st)] == [("pending", 3)]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=v3.channel, message_ts=v3.ts)
    st.slack.wait_for(lambda: len(ledger(st)) == 3, timeout=30, message="the approval")
    settle(st)
    assert [(e.kind, e.version_number, e.decider_id) for e in ledger(st)] == [
        ("rejected", 1, "U0MANAGER"), ("rejected", 2, "U0CHIEF"), ("approved", 3, "U0MANAGER")]
    assert [(d.state, d.current_version) for d in drafts(st)] == [("approved", 3)]
    assert chain_ok(st)
    for a in APPROVERS:
        assert all(buttons(m) == {} for m in dm(st, a)), a


def test_approve_and_reject_sent_in_the_same_instant_make_one_decision(stack: LocalStack) -> None:
    """One approver sends the 差戻し form while the other presses 承認, at the same moment, from two
    threads: exactly one decision is recorded, the state agrees with it, and the one who lost is
    told in Japanese who decided."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    chief = wait_dm(st, "U0CHIEF")[0]
    manager = wait_dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "reject_draft", channel=manager.channel, message_ts=manager.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0MANAGER", "reject_reason"), timeout=30, message="form")
    barrier = threading.Barrier(2)
    answers: dict[str, Any] = {}

    def approve() -> None:
        barrier.wait()
        st.driver.block_action("U0CHIEF", "approve_draft", channel=chief.channel, message_ts=chief.ts)

    def send_rejection() -> None:
        barrier.wait()
        answers["reject"] = st.driver.view_submission("U0MANAGER", "reject_reason",
                                                       {"reason_text": "写真の説明を加えてください。"})

    threads = [threading.Thread(target=approve), threading.Thread(target=send_rejection)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    st.slack.wait_for(lambda: ledger(st), timeout=30, message="a decision")
    settle(st)
    entries = ledger(st)
    assert len(entries) == 1, [(e.kind, e.decider_id) for e in entries]
    kind = entries[0].kind
    assert [d.state for d in drafts(st)] == [kind]
    if kind == "approved":
        assert entries[0].decider_id == "U0CHIEF"
        body = answers["reject"].json()
        assert body["response_action"] == "errors" and "すでに承認しています" in body["errors"]["reason"]
    else:
        assert entries[0].decider_id == "U0MANAGER"
        assert answers["reject"].status == 200
        assert "すでに差し戻しています" in wait_ephemeral(st, "U0CHIEF", "すでに")
    word = "承認しました" if kind == "approved" else "差し戻しました"
    wait_thread(st, "C0INTAKE", ts, lambda ms: sum(word in all_text(m) for m in ms) == 1)
    for a in APPROVERS:
        assert buttons(dm(st, a)[0]) == {} and word in all_text(dm(st, a)[0]), a
    assert chain_ok(st)


def test_an_approval_clicked_as_the_author_edits_is_void_or_refused_never_kept_for_the_new_text(
        stack: LocalStack) -> None:
    """The approver presses 承認 while the author saves an edit of the message, at the same moment.
    Either the click comes first (the approval is recorded and then voided by the edit) or the edit
    does (the click is refused as an old version's): the new text is never left approved, and the
    ledger never holds an approval of version 1 without its void."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    manager = wait_dm(st, "U0MANAGER")[0]
    barrier = threading.Barrier(2)

    def approve() -> None:
        barrier.wait()
        st.driver.block_action("U0MANAGER", "approve_draft", channel=manager.channel, message_ts=manager.ts)

    def edit() -> None:
        barrier.wait()
        st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT.replace("11月28日（土）", "11月29日（日）"))

    threads = [threading.Thread(target=approve), threading.Thread(target=edit)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    newest_dm(st, "U0CHIEF", 2)
    settle(st)
    kinds = [(e.kind, e.version_number) for e in ledger(st)]
    assert kinds in ([], [("approved", 1), ("void", 1)]), kinds
    assert [(d.state, d.current_version) for d in drafts(st)] == [("pending", 2)]
    if not kinds:
        assert "古い版" in wait_ephemeral(st, "U0MANAGER", "古い版")
    assert chain_ok(st)


def test_approved_then_edited_twice_then_approved_again_voids_each_approval_once(stack: LocalStack) -> None:
    """承認, the author corrects a typo (the approval is void, v2 asked), 承認 again, then one more
    edit: each approval has exactly one void, the DMs of both approved versions say so, and the
    third version waits with live buttons."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    v1 = wait_dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "approve_draft", channel=v1.channel, message_ts=v1.ts)
    st.slack.wait_for(lambda: ledger(st), timeout=30, message="approval of v1")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT.replace("お待ち", "心よりお待ち"))
    v2 = newest_dm(st, "U0CHIEF", 2)
    st.driver.block_action("U0CHIEF", "approve_draft", channel=v2.channel, message_ts=v2.ts)
    st.slack.wait_for(lambda: len(ledger(st)) == 3, timeout=30, message="approval of v2")
    st.driver.message_changed("C0INTAKE", ts, "U0OPERATOR", CLEAN_DRAFT.replace("お待ち", "心からお待ち"))
    st.driver.retry_last_event(retry_num=1)  # Slack resending the edit changes nothing
    v3 = newest_dm(st, "U0MANAGER", 3)
    settle(st)
    assert [(e.kind, e.version_number) for e in ledger(st)] == [
        ("approved", 1), ("void", 1), ("approved", 2), ("void", 2)]
    assert [(d.state, d.current_version) for d in drafts(st)] == [("pending", 3)]
    assert set(buttons(v3)) == {"approve_draft", "reject_draft"}
    chief_v2 = [m for m in dm(st, "U0CHIEF") if m.ts == v2.ts][0]
    assert buttons(chief_v2) == {} and "無効" in all_text(chief_v2)
    assert chain_ok(st)


def test_a_rejection_form_sent_after_the_author_deleted_the_draft_is_told_it_was_withdrawn(stack: LocalStack) -> None:
    """The approver opens 差戻し and types a reason; meanwhile the author deletes the message
    (取り下げ). Sending the form records nothing and says, in the form, that the draft was withdrawn."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    manager = wait_dm(st, "U0MANAGER")[0]
    st.driver.block_action("U0MANAGER", "reject_draft", channel=manager.channel, message_ts=manager.ts)
    st.slack.wait_for(lambda: st.slack.latest_view("U0MANAGER", "reject_reason"), timeout=30, message="form")
    st.driver.message_deleted("C0INTAKE", ts, tombstone=False)
    st.slack.wait_for(lambda: [d.state for d in drafts(st)] == ["withdrawn"], timeout=30, message="withdrawn")
    body = st.driver.view_submission("U0MANAGER", "reject_reason", {"reason_text": "日付を確認してください。"}).json()
    assert body["response_action"] == "errors" and "取り下げ" in body["errors"]["reason"], body
    settle(st)
    assert ledger(st) == []
    assert [d.state for d in drafts(st)] == ["withdrawn"]


def test_an_approval_clicked_as_the_author_deletes_the_draft_is_void_or_refused(stack: LocalStack) -> None:
    """承認 and the deletion of the message at the same moment: the draft ends withdrawn, and an
    approval recorded first is voided in the ledger (never left standing for a deleted post)."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    manager = wait_dm(st, "U0MANAGER")[0]
    wait_dm(st, "U0CHIEF")
    barrier = threading.Barrier(2)

    def approve() -> None:
        barrier.wait()
        st.driver.block_action("U0MANAGER", "approve_draft", channel=manager.channel, message_ts=manager.ts)

    def delete() -> None:
        barrier.wait()
        st.driver.message_deleted("C0INTAKE", ts, tombstone=False)

    threads = [threading.Thread(target=approve), threading.Thread(target=delete)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    st.slack.wait_for(lambda: [d.state for d in drafts(st)] == ["withdrawn"], timeout=30, message="withdrawn")
    settle(st)
    kinds = [e.kind for e in ledger(st)]
    assert kinds in ([], ["approved", "void"]), kinds
    if not kinds:
        assert "取り下げ" in wait_ephemeral(st, "U0MANAGER", "取り下げ")
    for a in APPROVERS:
        assert buttons(dm(st, a)[0]) == {} and "取り下げ" in all_text(dm(st, a)[0]), a
    assert chain_ok(st)
