"""An approver who answers in the draft's thread (「承認します」) instead of pressing the button."""

from __future__ import annotations

from bot.localstack import LocalStack
from tests.e2e.conftest import CLEAN_DRAFT, drafts, settle, wait_dm, wait_ephemeral

HINT = "スレッドへの書き込みでは、決裁は記録されません"


def hints(st: LocalStack, user: str) -> int:
    return sum(HINT in e.text for e in st.slack.ephemerals(user))


def test_an_approver_approving_in_the_thread_is_told_to_press_the_button(stack: LocalStack) -> None:
    """Nothing was recorded and nothing said: the author read 「承認します」 as the 決裁, the
    approver believed it done, and the draft waited for reminders to tell them otherwise."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    st.driver.message("C0INTAKE", "U0MANAGER", "内容確認しました。承認します。", thread_ts=ts)
    note = wait_ephemeral(st, "U0MANAGER", HINT)
    assert "「承認」" in note and "「差戻し」" in note
    st.driver.message("C0INTAKE", "U0MANAGER", "ＯＫです", thread_ts=ts)  # once per version is enough
    # Others in the thread are not approvers of this draft, or are its author: conversation.
    st.driver.message("C0INTAKE", "U0OPERATOR2", "承認お願いします。", thread_ts=ts)
    st.driver.message("C0INTAKE", "U0OPERATOR", "承認をお願いします。", thread_ts=ts)
    # A remark that decides nothing is conversation too.
    st.driver.message("C0INTAKE", "U0CHIEF", "写真の向きを確認させてください。", thread_ts=ts)
    settle(st)
    assert (hints(st, "U0MANAGER"), hints(st, "U0OPERATOR2"), hints(st, "U0OPERATOR"), hints(st, "U0CHIEF")) == (
        1, 0, 0, 0)
    assert [d.state for d in drafts(st)] == ["pending"]
    # A rejection written in the thread, by the other approver.
    st.driver.message("C0INTAKE", "U0CHIEF", "日付が違うので差し戻します", thread_ts=ts)
    wait_ephemeral(st, "U0CHIEF", HINT)


def test_an_approver_asking_or_discussing_the_approval_is_not_told_to_press_a_button(stack: LocalStack) -> None:
    """An approver's question, or a remark naming the approval as a step, decides nothing: a note
    telling them to press 承認/差戻し answers something they did not say (the first word list
    matched 承認 and OK anywhere)."""
    st = stack
    ts = st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    wait_dm(st, "U0MANAGER")
    for remark in ("承認前に一点確認させてください。開催日は11日でよいですか？", "この件は部長の承認も必要なので確認します",
                   "写真はOKですか？", "本人の了承が取れているなら問題ありません", "参考: https://example.com/ok/"):
        st.driver.message("C0INTAKE", "U0MANAGER", remark, thread_ts=ts)
    settle(st)
    assert hints(st, "U0MANAGER") == 0
    # An OK with thanks, answering the author, is the approval the author and the approver believe was given.
    st.driver.message("C0INTAKE", "U0MANAGER", "修正ありがとうございます。OKです", thread_ts=ts)
    wait_ephemeral(st, "U0MANAGER", HINT)
