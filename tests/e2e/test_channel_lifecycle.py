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
    st.slack.wait_for(lambda: all(d.state == "approved" for d in drafts(st)), timeout=30, message="both approved")
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
                      " kessai に届かず、確認も決裁もされません。そのチャンネルで `/invite @kessai` と入力してボットを招待してください。")
    # A private channel the bot was not invited to is hidden from it as a wrong ID is: both are said.
    st.slack.inject("conversations.history", error="channel_not_found", channel="C0INSTA")
    DeliveryFailureReporter(st.rt.db, st.rt.org, st.rt.kessai.clock).check_intake_channels(st.rt.client)
    st.rt.gateway.kick()
    settle(st)
    hidden = [m.text for m in st.slack.messages("C0ESCALATE") if "<#C0INSTA>" in m.text]
    assert len(hidden) == 1 and "チャンネル ID を確認" in hidden[0] and "非公開チャンネルの場合" in hidden[0]
    # Invited: nothing to say.
    assert DeliveryFailureReporter(st.rt.db, st.rt.org, st.rt.kessai.clock).check_intake_channels(st.rt.client) == []


def test_the_start_up_report_on_an_intake_channel_takes_that_hours_bounce_report(sqlite_stack: LocalStack) -> None:
    """The bot removed from an intake channel: the start-up check said so, and the first reply that
    bounced off the channel in the same hour said it again with the same advice."""
    from bot.delivery_failures import DeliveryFailureReporter

    st = sqlite_stack
    st.slack.inject("conversations.history", error="not_in_channel", channel="C0INTAKE", times=1)
    DeliveryFailureReporter(st.rt.db, st.rt.org, st.rt.kessai.clock).check_intake_channels(st.rt.client)
    st.rt.gateway.kick()
    settle(st)
    st.slack.inject("chat.postMessage", error="not_in_channel", channel="C0INTAKE", times=100)
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(st, a, 1)
    settle(st)
    reports = [m.text for m in st.slack.messages("C0ESCALATE")]
    assert len(reports) == 1 and "読めません" in reports[0], reports


def test_inviting_the_bot_posts_the_waiting_drafts_now_and_says_what_was_missed(stack: LocalStack) -> None:
    """The author of a form draft the channel refused was told it would be posted within 10
    minutes of the invitation; the operators who pasted drafts while the bot was not there were
    told nothing at all (Slack never sent those messages). The invitation itself (Slack's
    member_joined_channel for the bot) now posts the waiting draft at once and tells the channel
    how to send what was written before. Slack's retry of it changes nothing."""
    from tests.e2e.test_workflow_drafting import root_message, submit_draft

    st = stack
    st.slack.inject("chat.postMessage", error="not_in_channel", channel="C0INTAKE", times=1)
    assert submit_draft(st).status == 200
    st.slack.wait_for(lambda: any("投稿できませんでした" in m.text for m in dm(st, "U0OPERATOR")), timeout=30,
                      message="the author told")
    assert not [m for m in st.slack.messages("C0INTAKE") if m.bot_id]  # its next try: in 10 minutes
    # Bolt drops the bot's own channel_join message (a self event); member_joined_channel it keeps.
    st.driver.channel_join("C0INTAKE", st.slack.bot_user_id)
    st.driver.member_joined_channel("C0INTAKE", st.slack.bot_user_id, inviter="U0JOHO")
    st.driver.retry_last_event()
    root_message(st)
    settle(st)
    [joined] = [m for m in st.slack.messages("C0INTAKE") if "kessai がこのチャンネルに参加しました" in m.text]
    assert "上越市公式X" in joined.text and "編集する" in joined.text and "もう一度書き込んで" in joined.text
    st.driver.member_joined_channel("C0GENERAL", st.slack.bot_user_id)  # not an intake channel: nothing to say
    st.driver.member_joined_channel("C0INTAKE", "U0OPERATOR2")  # a person joining: nothing either
    settle(st)
    assert [m for m in st.slack.messages("C0GENERAL") if m.user == st.slack.bot_user_id and m.bot_id] == []
    assert len([m for m in st.slack.messages("C0INTAKE") if "参加しました" in m.text and m.bot_id]) == 1


def test_archiving_an_intake_channel_is_told_to_the_escalation_channel_at_once(stack: LocalStack) -> None:
    """Slack's channel_archive message: kessai kept quiet until its first reply bounced (maybe
    days later), while nobody could write drafts there any more."""
    st = stack
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(st, a)
    settle(st)
    for channel in ("C0INTAKE", "C0GENERAL"):
        ts = st.slack.next_ts()
        st.driver.event({"type": "message", "subtype": "channel_archive", "channel": channel, "user": "U0JOHO",
                         "text": "<@U0JOHO> archived the channel", "ts": ts, "event_ts": ts, "channel_type": "channel"})
        st.driver.retry_last_event()
    settle(st)
    [report] = [m.text for m in st.slack.messages("C0ESCALATE")]
    assert "<#C0INTAKE>（上越市公式X）" in report and "アーカイブされました" in report
    assert "intake_channel を変更" in report and "このチャンネルで手続き中の下書き（1 件）の決裁は、DM でそのまま進みます" in report
    assert [d.state for d in drafts(st)] == ["pending"]


def test_archiving_the_escalation_channel_is_told_to_its_people_directly(sqlite_stack: LocalStack) -> None:
    """Incident alerts would bounce off it (they then go by DM, one by one): its people hear at once."""
    from bot.incidents import escalation_people

    st = sqlite_stack
    ts = st.slack.next_ts()
    st.driver.event({"type": "message", "subtype": "channel_archive", "channel": "C0ESCALATE", "user": "U0JOHO",
                     "text": "<@U0JOHO> archived the channel", "ts": ts, "event_ts": ts, "channel_type": "channel"})
    st.driver.retry_last_event()
    settle(st)
    people = escalation_people(st.rt.org)
    assert people
    for person in people:
        [told] = dm(st, person)
        assert "<#C0ESCALATE>" in told.text and "アーカイブされました" in told.text and "escalation_channel" in told.text


def test_replies_bouncing_off_an_intake_channel_just_archived_are_not_reported_again(stack: LocalStack) -> None:
    """The archive was told to the escalation channel at once; the replies that then bounced off
    the channel posted a second report of the same archive (and what to do) within minutes."""
    st = stack
    st.driver.message("C0INTAKE", "U0OPERATOR", CLEAN_DRAFT)
    for a in APPROVERS:
        wait_dm(st, a)
    settle(st)
    ts = st.slack.next_ts()
    st.driver.event({"type": "message", "subtype": "channel_archive", "channel": "C0INTAKE", "user": "U0JOHO",
                     "text": "<@U0JOHO> archived the channel", "ts": ts, "event_ts": ts, "channel_type": "channel"})
    settle(st)
    for method in ("chat.postMessage", "chat.update"):
        st.slack.inject(method, error="is_archived", channel="C0INTAKE", times=100)
    [request] = dm(st, "U0MANAGER")
    st.driver.block_action("U0MANAGER", "approve_draft", channel=request.channel, message_ts=request.ts)
    st.slack.wait_for(lambda: all(d.state == "approved" for d in drafts(st)), timeout=30, message="approved")
    settle(st)
    assert st.slack.calls_of("chat.update", ok=False)  # the thread's 決裁待ち line bounced
    [report] = [m.text for m in st.slack.messages("C0ESCALATE")]
    assert "アーカイブされました" in report


def test_archiving_a_private_intake_channel_is_told_too(stack: LocalStack) -> None:
    """Slack documents the archive of a private channel as a message of subtype group_archive, not
    channel_archive: a private intake channel (message.groups is in the manifest) went untold."""
    st = stack
    ts = st.slack.next_ts()
    st.driver.event({"type": "message", "subtype": "group_archive", "channel": "C0INTAKE", "user": "U0JOHO",
                     "text": "<@U0JOHO> archived the group", "ts": ts, "event_ts": ts, "channel_type": "group"})
    settle(st)
    [report] = [m.text for m in st.slack.messages("C0ESCALATE")]
    assert "<#C0INTAKE>（上越市公式X）" in report and "アーカイブされました" in report
