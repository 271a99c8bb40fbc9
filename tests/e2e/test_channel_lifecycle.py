"""An intake channel that stops taking the bot's messages while drafts are open in it: archived at
the 年度替わり, or the bot removed. The decisions go on in DMs; the escalation channel is told what
happened and what to do, once, not once per message that bounced."""

from __future__ import annotations

from bot.localstack import LocalStack
from tests.e2e.conftest import APPROVERS, CLEAN_DRAFT, dm, drafts, settle, wait_dm


def test_an_archived_intake_channel_is_reported_once_with_what_helps(stack: LocalStack) -> None:
    st = stack
    for place in ("高田城址公園", "春日山城跡"):
        st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT.replace("高田城址公園", place))
    for a in APPROVERS:
        wait_dm(st, a, 2)
    settle(st)
    for method in ("chat.postMessage", "chat.update"):
        st.slack.inject(method, error="is_archived", channel="C0INTAKE", times=100)
    for request in dm(st, "U0MANAGER"):
        st.driver.block_action("U0MANAGER", "approve_draft", channel=request.channel, message_ts=request.ts)
    st.slack.wait_for(lambda: all(d.state == "approved" for d in drafts(st)), timeout=10, message="both approved")
    settle(st)
    reports = [m.text for m in st.slack.messages("C0ESCALATE")]
    assert len(reports) == 1, reports  # every thread reply of both drafts bounced: one report
    assert "<#C0INTAKE>" in reports[0] and "アーカイブ" in reports[0]
    # Inviting the bot does not reopen an archived channel: the report says what does.
    assert "招待" not in reports[0] and "アーカイブを解除" in reports[0] and "DM でそのまま進みます" in reports[0]


def test_an_intake_channel_the_bot_is_not_in_is_reported_at_start_up(sqlite_stack: LocalStack) -> None:
    """Slack sends a bot only the messages of channels it is a member of: drafts pasted where it
    was never invited (or from where it was removed) reached nobody, and their operators waited.
    `kessai serve` checks every intake channel as it starts; the escalation channel is told which
    accounts' drafts cannot arrive and what to do, once an hour however often it restarts."""
    from bot.delivery_failures import DeliveryFailureReporter

    st = sqlite_stack
    st.slack.inject("conversations.history", error="not_in_channel", channel="C0INTAKE", times=2)
    for _ in range(2):  # two replicas starting, or a restart soon after
        refused = DeliveryFailureReporter(st.rt.db, st.rt.org, st.rt.kessai.clock).check_intake_channels(st.rt.client)
        assert refused == [("C0INTAKE", "not_in_channel")]
    st.rt.gateway.kick()
    settle(st)
    [report] = [m.text for m in st.slack.messages("C0ESCALATE")]
    assert report == (":warning: kessai は受付チャンネル <#C0INTAKE>（上越市公式X）の書き込みを読めません"
                      "（ボットがチャンネルに参加していません）。このままでは、このチャンネルに書き込まれた下書きは"
                      " kessai に届かず、確認も決裁もされません。チャンネルで `/invite @kessai` と入力してボットを招待してください。")
    # Invited: nothing to say.
    assert DeliveryFailureReporter(st.rt.db, st.rt.org, st.rt.kessai.clock).check_intake_channels(st.rt.client) == []
