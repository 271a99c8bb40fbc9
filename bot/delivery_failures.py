"""When Slack refuses a message for good, tell a person who can fix it (in Japanese), once."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlmodel import Session

from bot import slack_gateway
from bot.config import OrgConfig
from bot.incidents import (
    INCIDENT_REF,
    alert_key,
    alert_key_prefix,
    contact_md,
    escalation_people,
    is_escalation_officer,
    whole_key,
)
from bot.notifications import draft_of_root, root_key
from bot.render import escape
from storage import drafts as draft_repo
from storage import outbox
from storage.db import Database
from storage.models import DraftRow, IncidentRow, OutboxRow

log = logging.getLogger(__name__)

CHANNEL_PROBLEMS = {
    "channel_not_found": "チャンネルが見つかりません（削除されたか、ID が誤っています）",
    "not_in_channel": "ボットがチャンネルに参加していません",
    "is_archived": "チャンネルがアーカイブされています",
}
USER_PROBLEMS = {
    "user_not_found": "Slack のアカウントが見つかりません",
    "account_inactive": "Slack のアカウントが無効になっています",
    "cannot_dm_bot": "ボットにはダイレクトメッセージを送れません",
    # Deactivated by a workspace admin (退職・異動): the ID is right, the person is no longer there.
    "user_disabled": "Slack のアカウントが停止（無効化）されています",
    "user_not_visible": "ボットからこの方の Slack アカウントが見えない設定になっています",
}
# Slack refusing a message for what it is, not where it goes: no retry changes that.
MESSAGE_PROBLEMS = {
    "msg_too_long": "メッセージが長すぎるため、Slack が受け付けませんでした",
    "msg_blocks_too_long": "メッセージが長すぎるため、Slack が受け付けませんでした",
    "invalid_blocks": "メッセージの形式を Slack が受け付けませんでした",
    "no_text": "メッセージの形式を Slack が受け付けませんでした",
    "invalid_arguments": "メッセージの形式を Slack が受け付けませんでした",
    slack_gateway.PAYLOAD_TOO_LARGE: "メッセージが大きすぎるため、Slack または途中の通信経路（プロキシなど）が受け付けませんでした",
}
# The reason of a message given up on after MAX_ATTEMPTS tries with no error code from Slack
# (its text, "unreadable answer (HTTP 200)" or a network error, is for the log, not for a key).
GAVE_UP = "gave_up"
MESSAGE_PROBLEMS[GAVE_UP] = "何度送っても Slack から正常な応答がありませんでした"
# Given up after failing for a day while Slack answered kessai and other messages went through
# (slack_gateway.ALONE_GIVE_UP): not an outage, something about this conversation.
MESSAGE_PROBLEMS[slack_gateway.FAILING_ALONE] = (
    f"{round(slack_gateway.ALONE_GIVE_UP.total_seconds() / 3600)} 時間以上、この宛先へのメッセージだけが Slack に"
    "受け付けられませんでした。Slack には接続できており、ほかの宛先には届いています")
# What IT can do about each channel problem: inviting the bot does not reopen an archived channel.
CHANNEL_ADVICE = {
    # Slack hides a private channel from a bot that was not invited to it, as it does a wrong ID.
    "channel_not_found": ("組織設定ファイルのチャンネル ID を確認してください。非公開チャンネルの場合は、そのチャンネルで "
                          "`/invite @kessai` と入力してボットを招待してください。"),
    "not_in_channel": "そのチャンネルで `/invite @kessai` と入力してボットを招待してください。",
    "is_archived": ("チャンネルのアーカイブを解除するか、組織設定ファイルのチャンネル ID を使用中のチャンネルに変更して kessai を"
                    "再起動してください。"),
    # Slack answering for everything but this channel: nothing kessai's side can mend, but a channel
    # that works can be named instead.
    slack_gateway.FAILING_ALONE: ("Slack の障害情報やチャンネルの状態を確認し、直らない場合は組織設定ファイルのチャンネル ID を"
                                  "別のチャンネルに変更して kessai を再起動してください。"),
}
# What conversations.history answers for a channel whose messages the bot is not sent: it was not
# invited to a public channel (not_in_channel), or a private one it was not invited to is hidden
# from it, like a wrong ID (channel_not_found).
UNREADABLE_CHANNEL = frozenset({"not_in_channel", "channel_not_found"})
# Marks messages that are themselves failure reports, so a failing report never reports itself.
REPORT_FLAG = outbox.FAILURE_REPORT
# Claimed (draft_repo.claim_event) while the escalation channel has been told that Slack refuses
# im:write, until a DM goes through (DeliveryFailureReporter.scope_changed).
SCOPE_HOLD_KEY = draft_repo.SCOPE_HOLD_KEY
# Payload key (not sent to Slack) of that notice: refused by the escalation channel, it goes to the
# intake channels, not by DM to the escalation members (the DMs are what Slack refuses).
SCOPE_NOTICE = "_scope_notice"


def _no_proper_answer(error: str) -> bool:
    """Given up for want of a proper answer (after MAX_ATTEMPTS, or failing alone for a day), not
    refused: the reason is then the gateway's text for the log (「unreadable answer (HTTP 200)」)."""
    return error == slack_gateway.FAILING_ALONE or not slack_gateway.ERROR_CODE.fullmatch(error)


def _problem(error: str) -> str:
    """Slack's error code as a reason a person can read (unknown codes are quoted as they are)."""
    if error in CHANNEL_PROBLEMS:
        return CHANNEL_PROBLEMS[error]
    if error in MESSAGE_PROBLEMS:
        # Said in words, as the escalation channel's report says them: a draft's author was told
        # 「Slack のエラー「msg_too_long」」, and kessai's own name for an HTTP 413 meant nothing to anyone.
        return MESSAGE_PROBLEMS[error]
    if _no_proper_answer(error):
        return MESSAGE_PROBLEMS[slack_gateway.FAILING_ALONE if error == slack_gateway.FAILING_ALONE else GAVE_UP]
    return f"Slack のエラー「{escape(error)}」"


def _minutes(d: timedelta) -> int:
    return max(1, round(d.total_seconds() / 60))


def undeliverable_key(target: str, error: str, period: str) -> str:
    """The escalation channel's one message, per ``period`` (a day for a person, an hour for a
    channel), on what could not reach ``target`` for ``error``.

    Every thread reply, DM and redraw meant for a refusing channel or an unreachable person fails
    alike, and a report for each would bury the escalation channel's incident alerts under copies
    of one line: the period's first is posted and the later ones edit it to count
    (``DeliveryFailureReporter._escalate_once``). The start-up check that the bot can read each
    intake channel and the archive notice claim the channel's hour too (``claim_channel_report``),
    so the bounces that follow do not say it again."""
    return f"undeliverable:{target}:{error}:{period}"


def channel_report_key(channel: str, error: str, now: datetime, tz: ZoneInfo) -> str:
    """The hour's report on ``channel`` refusing kessai for ``error`` (``undeliverable_key``)."""
    return undeliverable_key(channel, error, now.astimezone(tz).strftime("%Y-%m-%dT%H"))


def claim_channel_report(s: Session, now: datetime, tz: ZoneInfo, channel: str, error: str) -> None:
    """Record that the escalation channel was told of ``error`` for ``channel`` in another message
    (``Kessai.intake_channel_archived`` tells of an archive itself, before any reply bounces): the
    replies that bounce off the channel next say nothing more this hour."""
    draft_repo.claim_event(s, channel_report_key(channel, error, now, tz), now)


class DeliveryFailureReporter:
    def __init__(self, db: Database, org: OrgConfig, clock: Callable[[], datetime], *,
                 tz: str = "Asia/Tokyo", from_cron: bool = False) -> None:
        self.db = db
        # Run by cron's `kessai remind` (no serve): there is no server to restart, and what waits
        # is sent by the next run, which says so where the notice would say 「再起動してください」.
        self.from_cron = from_cron
        self.org = org
        self.clock = clock
        self.tz = ZoneInfo(tz)
        # The current alert of an incident (IncidentService.current_alert), set once the service
        # exists: a note refused after the alert itself was delivered brings each person a copy.
        self.incident_alert: Callable[[Session, int], dict[str, Any] | None] | None = None
        # IncidentService.whole_under_copy: the whole of a cut report, after a copy of its alert.
        self.incident_whole: Callable[[Session, datetime, int, str], None] | None = None

    @contextmanager
    def _session(self, outer: Session | None) -> Iterator[Session]:
        """``outer``, the transaction recording the failure, in a savepoint (a report that fails
        must not undo the recording, which would send the message again); else one of its own."""
        if outer is None:
            with self.db.session() as s:
                yield s
            return
        with outer.begin_nested():  # (rows collected before it are written as it begins)
            yield outer
            outbox.flush_pending(outer)  # inserted inside it: a failing insert is undone with it

    def __call__(self, row: OutboxRow, error: str, session: Session | None = None) -> None:
        self._handle(row, error, session)
        key = row.message_key or ""
        if row.op == "post" and key.startswith("incident:") and ":alert:" in key:
            # Notes written before the alert was posted wait for it (IncidentService._thread_note).
            # The escalation channel's fallback has taken them into each person's copy; refused for
            # anything else (invalid_blocks, given up after 50 tries, a disabled member's copy),
            # they go where the alert was to go, on their own, as they did before they waited.
            with self._session(session) as s:
                if moved := outbox.release_loose(s, key, str(row.payload.get("channel") or "")):
                    log.warning("outbox %s (%s) was given up on; %d note(s) held for it are sent on their own",
                                row.id, key, moved)
        if row.op == "post" and key and outbox.parent_of_stand_in(key) is None:
            # Whatever the message (a bundled reminder, the escalation channel's list of short
            # accounts…), its replies held for its thread — a list's later pages — would wait for
            # ever once it is given up on (a closed account, an archived channel), and /healthz said
            # 503 an hour later. Those that had somewhere else to go were moved above.
            with self._session(session) as s:
                if outbox.given_up_for_good(s, key) and (gone := outbox.fail_held(
                        s, key, f"the thread's parent was given up on ({error})")):
                    log.warning("outbox %s (%s) was given up on; the %d reply(ies) waiting for its thread "
                                "are given up on too", row.id, key, gone)

    def _handle(self, row: OutboxRow, error: str, session: Session | None) -> None:
        target = str(row.payload.get("channel") or row.payload.get("user_id") or "")
        ref, channel = row.payload.get(INCIDENT_REF), self.org.policy.escalation_channel
        if not target and row.op == "update" and isinstance(ref, int) and channel and row.message_key == alert_key(ref, channel):
            # A redraw names its message by key only: this one is the incident's alert in the
            # escalation channel, refused like any message there (logged as going to nobody).
            target = channel
        if row.op == "update" and error == "message_not_found" and isinstance(ref, int) \
                and (row.message_key or "").startswith(alert_key_prefix(ref)):
            # Said once: it is not redrawn again (IncidentService._refresh_alerts).
            log.warning("incident %s's alert (%s) was deleted in Slack, so it is no longer redrawn; the escalation"
                        " members acknowledge and resolve the incident from App Home", ref, row.message_key)
            return
        if row.op == "post" and row.message_key and draft_of_root(row.message_key) is not None:
            # A draft's post in its channel, whatever Slack's reason: its replies need another way.
            with self._session(session) as s:
                self._parent_refused(s, self.clock(), row, target, error)
            return
        escalation = target and target == self.org.policy.escalation_channel
        if escalation and row.payload.get(SCOPE_NOTICE) and (error in CHANNEL_PROBLEMS or _no_proper_answer(error)):
            # The im:write notice: a DM to the escalation members would wait for the very scope it is about.
            log.error("escalation channel %s refused the notice that Slack refuses im:write (%s); posting it "
                      "in the intake channels", target, error)
            with self._session(session) as s:
                self._scope_notice_to_intake(s, self.clock(), str(row.payload.get("text") or ""))
            return
        if escalation and (error in CHANNEL_PROBLEMS or _no_proper_answer(error)):
            # Reports included: the escalation channel is where they go, so they too need another way.
            # Never properly answered as well (failing alone for a day, or MAX_ATTEMPTS of 5xx on a
            # working day, which comes first): a report to the channel would fail the same way.
            with self._session(session) as s:
                self._around_escalation_channel(s, self.clock(), row, target, error)
            return
        parent_key = outbox.parent_of_stand_in(row.message_key or "")
        if parent_key is not None:
            with self._session(session) as s:
                self._stand_in_refused(s, self.clock(), row, parent_key, error)
            return
        if row.op in ("publish_home", "refresh_home") and self.org.member(target) is None:
            # The App Home of someone the organisation file no longer names, redrawn after they were
            # removed (Notifier.roster_changed): their Slack account may well be closed (退職). Asking
            # IT to remove them from the file, as for a current member, would ask what is done.
            log.warning("App Home of %s, no longer in the organisation file, could not be redrawn (%s)", target, error)
            return
        if row.payload.get(REPORT_FLAG):
            log.error("a delivery-failure report could not be delivered either (%s); see the log above", error)
            return
        now = self.clock()
        with self._session(session) as s:
            if error in CHANNEL_PROBLEMS and target[:1] in ("C", "G"):
                # Once an hour: the bot removed from an intake channel fails every reply in every
                # thread there, each the same news; the hour's message counts them.
                text = (f":warning: kessai がチャンネル <#{target}> にメッセージを送れませんでした"
                        f"（{CHANNEL_PROBLEMS[error]}）。{CHANNEL_ADVICE[error]}"
                        "決裁の手続きは DM でそのまま進みますが、このチャンネルのスレッドへのお知らせは届きません。")
                self._escalate_once(s, now, channel_report_key(target, error, now, self.tz), text,
                                    f"{now.astimezone(self.tz).hour}時台に")
            elif (error in USER_PROBLEMS or error == "channel_not_found") and target[:1] in ("U", "W", "D"):
                person = self._slack_id(row, target)
                who = self._name(person)
                problem = USER_PROBLEMS.get(error, USER_PROBLEMS["user_not_found"])
                if error == "user_disabled":
                    advice = ("退職や異動でアカウントが停止された場合は、組織設定ファイルの決裁者・代決者・運用担当者"
                              "から外すか、後任の方に差し替えてください。")
                else:
                    advice = "組織設定ファイルの職員の Slack ID を確認してください。"
                text = f":warning: {escape(who)} さんにメッセージを届けられませんでした（{problem}）。{advice}"
                day = now.astimezone(self.tz).strftime("%Y-%m-%d")
                self._escalate_once(s, now, undeliverable_key(person, error, day), text, "本日これまでに",
                                    "決裁依頼の分は、それぞれの下書きのスレッドでもお知らせしています")
                self._tell_draft_thread(s, now, row, text)
            elif row.op == "post" and target[:1] in ("C", "G", "U", "W", "D"):
                # Posts only: an ephemeral whisper or an App Home redraw refused is no message lost.
                self._refused_message(s, now, row, target, error)
            else:
                log.error("outbox %s (%s to %s) failed with %s; nobody to tell in Slack", row.id, row.op, target, error)

    def _refused_message(self, s: Session, now: datetime, row: OutboxRow, target: str, error: str) -> None:
        """Slack refused the message itself (msg_too_long, invalid_blocks), or never answered it
        properly in MAX_ATTEMPTS tries (a proxy's page, a redirect, a 5xx for it alone): only the
        log said so, and an approver whose request was refused was never asked, while the thread
        said they had been. The escalation channel hears of it once a day per recipient and
        reason, and a draft's thread too (its operator can ask the approver directly)."""
        code = error if slack_gateway.ERROR_CODE.fullmatch(error) else GAVE_UP
        problem = MESSAGE_PROBLEMS.get(code) or _problem(code)
        if target[:1] in ("C", "G"):
            whom = f"チャンネル <#{target}> へのメッセージ"
            person = target
            # A channel has no 本人 to tell: whoever waits on that message (its thread's operator).
            tell = "関係する方"
        else:
            person = self._slack_id(row, target)
            whom = f"{escape(self._name(person))} さんへの" + (
                "決裁依頼のメッセージ" if (row.message_key or "").startswith("dm:") else "メッセージ")
            tell = "ご本人"
        text = (f":warning: {whom}を届けられませんでした（{problem}）。"
                f"必要であれば、{tell}に直接お知らせください。IT 担当の方は、ログの `outbox` の行で詳細を確認できます。")
        day = now.astimezone(self.tz).strftime("%Y-%m-%d")
        self._escalate_once(s, now, undeliverable_key(person, code, day), text, "本日これまでに")
        self._tell_draft_thread(s, now, row, text)

    def _parent_refused(self, s: Session, now: datetime, row: OutboxRow, channel: str, error: str) -> None:
        """A modal draft's post in its intake channel was refused (the gateway tries it again).

        The first time, its author is told why and what to do, in a DM that then stands in for
        the post: the draft's thread replies (check result, 決裁待ち, decisions…) go there, after
        the explanation, instead of waiting unseen. IT hears of it in the escalation channel.
        Every time (the gateway reports each refusal), replies held since are sent there too.
        """
        parent_key = row.message_key or ""
        stand_in = outbox.stand_in_key(parent_key)
        if not outbox.keys_present(s, [stand_in]):
            draft_id = draft_of_root(parent_key)
            draft = draft_repo.get(s, draft_id) if draft_id is not None else None
            if draft is None:
                log.error("outbox %s (a thread parent, %s) refused by %s (%s) and no draft to tell about it",
                          row.id, parent_key, channel, error)
                return
            outbox.enqueue(s, "post", {"channel": draft.author_id, "text": self._author_notice(draft, channel, error),
                                       REPORT_FLAG: True}, now=now, message_key=stand_in)
            text = (f":warning: kessai が <@{draft.author_id}> さんの下書き（#{draft.id}）を受付チャンネル "
                    f"<#{channel}> に投稿できませんでした（{_problem(error)}）。")
            if error in CHANNEL_PROBLEMS:
                text += (CHANNEL_ADVICE[error] + "投稿できるようになれば、下書きは自動で投稿し直されます。")
            else:
                text += ("このチャンネルへの投稿に Slack から正常な応答がないため、" if _no_proper_answer(error)
                         else "Slack が受け付けない内容だったため、")
                text += ("投稿し直しはしません。確認結果や決裁の状況は作成者に DM で"
                         "お知らせし、決裁の手続きはそのまま進みます。IT 担当の方は、ログの `outbox` の行で詳細を確認できます。")
            self._escalate(s, now, text)
        moved, gone = outbox.replies_to_stand_in(
            s, parent_key, f"the thread's parent was given up on ({error}) and the author could not be sent "
                           "a direct message either")
        log.error("outbox %s (%s) refused by %s (%s); %d reply(ies) sent to the author instead",
                  row.id, parent_key, channel, error, moved)
        if gone:
            # Given up on (PARENT_GIVE_UP) with no stand-in to take the replies: they cannot go anywhere.
            log.error("outbox %s (%s) given up; %d reply(ies) that waited for it failed", row.id, parent_key, gone)

    def _stand_in_refused(self, s: Session, now: datetime, row: OutboxRow, parent_key: str, error: str) -> None:
        """The author's DM that stands in for a refused draft post could not be delivered either
        (the author's Slack account is gone, or takes no DMs). The replies wait for the post
        itself again, which goes out, with them, once the bot is invited; IT is told."""
        moved, gone = outbox.replies_back_to_post(
            s, parent_key, f"the thread's parent was given up on and its stand-in could not be delivered ({error})")
        draft_id = draft_of_root(parent_key)
        draft = draft_repo.get(s, draft_id) if draft_id is not None else None
        who = f"<@{draft.author_id}> さん" if draft else "下書きの作成者"
        which = f"下書き（#{draft.id}）" if draft else "下書き"
        problem = USER_PROBLEMS.get(error) or _problem(error)
        text = f":warning: 受付チャンネルに投稿できなかった{which}について、{who}にもダイレクトメッセージを送れませんでした（{problem}）。"
        if gone:
            text += f"この下書きの確認結果や決裁の状況（{gone} 件）は、お届けできませんでした。決裁の手続きはそのまま進みます。"
        else:
            text += ("この下書きの確認結果や決裁の状況は、ボットが受付チャンネルに招待されて下書きを投稿できた時点で、"
                     "そのスレッドにお送りします。決裁の手続きはそのまま進みます。")
        self._escalate(s, now, text)
        log.error("outbox %s (%s, standing in for %s) failed: %s; %d reply(ies) wait for the post again, %d given up",
                  row.id, row.message_key, parent_key, error, moved, gone)

    def _author_notice(self, draft: DraftRow, channel: str, error: str) -> str:
        account = self.org.account(draft.account_id) if draft.account_id else None
        which = f"#{draft.id}" + (f"・{escape(account.name)}" if account else "")
        text = (f":warning: 提出していただいた下書き（{which}）を、受付チャンネル <#{channel}> に投稿できませんでした"
                f"（{_problem(error)}）。")
        if error not in CHANNEL_PROBLEMS:
            text += "IT 担当にもお知らせしています。"
        elif error == "not_in_channel":
            text += ("チャンネルで `/invite @kessai` と入力してボットを招待してください。"
                     f"招待していただければ、{_minutes(slack_gateway.PARENT_RETRY)}分以内に自動で投稿し直します。")
        else:
            text += ("IT 担当に、組織設定ファイルの受付チャンネル（intake_channel）の確認を依頼してください"
                     "（IT 担当にもお知らせしています）。")
        if error not in CHANNEL_PROBLEMS:
            # Not retried (see the report to IT): "until it is posted" would promise a post that never comes.
            return text + ("\nこの下書きの確認結果や決裁の状況は、このダイレクトメッセージでお知らせします。"
                           "決裁の手続きは、チャンネルへの投稿がなくても進みます。")
        return text + ("\nチャンネルに投稿されるまでの間、この下書きの確認結果や決裁の状況は、"
                       "このダイレクトメッセージでお知らせします。決裁の手続きは、チャンネルへの投稿を待たずに進みます。")

    @staticmethod
    def _slack_id(row: OutboxRow, target: str) -> str:
        key = row.message_key or ""
        return key.rsplit(":", 1)[-1] if key.startswith("dm:") else target

    def _name(self, slack_id: str) -> str:
        m = self.org.member(slack_id)
        return m.name if m else slack_id

    def _escalate_once(self, s: Session, now: datetime, key: str, text: str, since: str, also: str = "") -> None:
        """Tell the escalation channel ``text`` once under ``key`` (``undeliverable_key``: a person
        or a channel, a reason, a day or an hour).

        A deactivated approver of twelve waiting drafts fails twelve DMs in one sweep or restart:
        twelve identical warnings would bury the channel. The first is posted; each later one only
        edits it (silently) to say how many messages failed ``since`` (「本日これまでに」). Each
        draft's thread is still told (``_tell_draft_thread``, ``also`` says so): that is where its
        operator waits for a decision.
        """
        # Replicas failing for the same person at once each found no report yet and each posted
        # one, or counted the same rows and wrote the same number: the first to claim the key
        # posts, the others wait their turn on it and count what the earlier ones wrote.
        claimed = draft_repo.claim_event(s, key, now)
        if not claimed:
            draft_repo.wait_for_event(s, key)
        earlier = outbox.written_under(s, key)  # a claim forgotten (DELIVERY_MEMORY) is no second post
        if not earlier:
            if claimed:
                self._escalate(s, now, text, key=key)
            else:  # claimed by a message of its own (claim_channel_report), which said it already,
                # or by a report that had no escalation channel to go to (logged then). INFO: the
                # message's own failure is an ERROR line already; a second one said nothing new.
                log.info("a message failed (%s); reported already, by another message or in the log", key)
            return
        if outbox.message_location(s, key) is None and not outbox.post_on_its_way(s, key):
            # The day's message could not be posted (the channel refused it; its members had it by
            # DM): nothing to edit, and another copy would only repeat it.
            # INFO: the failure has its own ERROR line (failed permanently), and the day's report its.
            log.info("a message failed again (%s); reported earlier", key)
            return
        more = (f"\n{since}、同じ理由で {earlier + 1} 件のメッセージを届けられませんでした（このお知らせにまとめています）。"
                + (f"{also}。" if also else ""))
        outbox.enqueue(s, "update", {"text": text + more, REPORT_FLAG: True}, now=now, message_key=key)

    def scope_changed(self, s: Session, scope: str, refusal: str | None) -> None:
        """Slack refuses ``scope`` for the installation (``refusal``: its code), or accepts it again
        (None); called by the gateway in its recording transaction (SlackGateway.on_scope_change).

        Without im:write every DM waits (approval requests, reminders, an incident's copies) while
        the channel posts go on: the operators saw their drafts checked and the approvers were never
        asked, and only the log said why. The escalation channel is told once per hold: the first
        replica to claim the hold's key posts, the others and a restart during the hold say nothing
        more, and the key is let go once a DM goes through, so that the next hold is told again.
        (Without chat:write nothing can be posted, and the log and /healthz say so.)"""
        if scope != "im:write":
            return
        if refusal is None:
            draft_repo.forget_event(s, SCOPE_HOLD_KEY)
            return
        now = self.clock()
        if not draft_repo.claim_event(s, SCOPE_HOLD_KEY, now):
            log.info("Slack refuses im:write (%s); the escalation channel was told of this hold already", refusal)
            return
        text = (
            ":warning: Slack が kessai に DM を送る権限（im:write）を認めていないため、決裁の依頼・決裁結果の"
            "お知らせ・リマインダー・インシデントのお知らせなどの DM を送れず、止めています"
            f"（Slack のエラー「{escape(refusal)}」）。チャンネルへの投稿は、これまでどおり届いています。"
            + ("止めている DM は失われず、権限が戻った後、次に kessai remind が動いたときに送られます。\n"
               "IT 担当の方は、manifest.yaml の内容でアプリを再インストールしてください（SLACK_BOT_TOKEN が"
               "ボットトークン（xoxb-）であることもご確認ください。トークンが変わった場合は、SLACK_BOT_TOKEN を"
               "新しいトークンにしてください）。" if self.from_cron else
               "止めている DM は失われず、権限が戻りしだい送られます。\n"
               "IT 担当の方は、manifest.yaml の内容でアプリを再インストールし（SLACK_BOT_TOKEN がボットトークン"
               "（xoxb-）であることもご確認ください）、kessai を再起動してください。")
            + "それまでの間、急ぎの決裁やインシデントは、決裁者や"
            + contact_md(self.org) + "の方に直接お知らせください。")
        channel = self.org.policy.escalation_channel
        if channel:
            outbox.enqueue(s, "post", {"channel": channel, "text": text, REPORT_FLAG: True, SCOPE_NOTICE: True},
                           now=now)
        else:
            # Without an escalation channel its messages (incident alerts included) go by DM, which
            # is what waits: the intake channels are the only place left where staff can be told.
            self._scope_notice_to_intake(s, now, text)
            log.error("Slack refuses im:write, and there is no escalation channel to say so: told in the intake "
                      "channels instead")

    def _scope_notice_to_intake(self, s: Session, now: datetime, text: str) -> None:
        """The im:write notice, in each intake channel (the channel posts still go)."""
        channels = sorted({a.intake_channel for a in self.org.accounts if a.intake_channel})
        # Read there by operators, while the notice asks the IT 担当 to reinstall the app: without
        # this line nobody who can mend it was sure to hear of it.
        text += "\nこのチャンネルをご覧の方は、このお知らせを IT 担当の方にお伝えください。"
        for channel in channels:
            outbox.enqueue(s, "post", {"channel": channel, "text": text, REPORT_FLAG: True}, now=now)

    def _around_escalation_channel(self, s: Session, now: datetime, row: OutboxRow, channel: str, error: str) -> None:
        """The escalation channel itself refuses messages (an incident alert, a reminder, a report):
        they must still reach someone, so each escalation member gets it in a DM, after a line on
        why and how to mend the channel."""
        incident = self._incident_of(s, row)
        # An incident's people include its account's 運用管理責任者 and 代決者, whom its receipt
        # tells the reporter were notified; the channel's other messages go to 情報政策室・広報対話課.
        people = escalation_people(self.org, incident.account_id if incident else None)
        if not people:
            log.error("escalation channel %s refused outbox %s (%s) and nobody to DM", channel, row.id, error)
            return
        notice = (f":warning: kessai がエスカレーション先のチャンネル <#{channel}> にメッセージを送れませんでした"
                  f"（{_problem(error)}）。{CHANNEL_ADVICE.get(error, CHANNEL_ADVICE[slack_gateway.FAILING_ALONE])}"
                  "届かなかったメッセージを次にお送りします。")
        copy = {k: v for k, v in row.payload.items() if k not in ("channel", "thread_ts", "reply_broadcast")}
        if incident is not None and self._incident_to_people(s, now, row, incident, channel, error, people, notice, copy):
            return
        # Replies held for the message (a list's later pages, 「このメッセージのスレッドに続けて」)
        # follow each person's copy in its thread, as the copy says.
        held = outbox.held_replies(s, row.message_key) if row.op == "post" and row.message_key else []
        for person in people:
            # Keyed even with nothing held now: a reply written later (a correction to the monthly
            # report) finds the copies by their keys (outbox.enqueue_reply_after).
            copy_key = outbox.copy_key(row.message_key, person) if row.op == "post" and row.message_key else None
            outbox.enqueue(s, "post", {"channel": person, "text": notice, REPORT_FLAG: True}, now=now)
            outbox.enqueue(s, "post", {**copy, "channel": person, REPORT_FLAG: True}, now=now, message_key=copy_key)
            for reply in held:
                page = {k: v for k, v in reply.payload.items()
                        if k not in ("channel", "thread_ts", "reply_broadcast", outbox.AFTER, outbox.PLAIN)}
                outbox.enqueue_reply_after(s, copy_key or "", {**page, REPORT_FLAG: True}, now=now)
        for reply in held:
            s.delete(reply)
        log.error("escalation channel %s refused outbox %s (%s); sent to %d people directly instead",
                  channel, row.id, error, len(people))

    @staticmethod
    def _incident_of(s: Session, row: OutboxRow) -> IncidentRow | None:
        ref = row.payload.get(INCIDENT_REF)
        if not isinstance(ref, int):
            return None
        return s.get(IncidentRow, ref)

    def _incident_to_people(self, s: Session, now: datetime, row: OutboxRow, incident: IncidentRow, channel: str,
                            error: str, people: list[str], notice: str, copy: dict[str, Any]) -> bool:
        """An incident's alert, or a note in its thread, refused by the escalation channel.

        Each person's copy of the alert is kept under its own alert key: pressing 対応開始 or 解決
        in one then redraws every copy (``IncidentService._refresh_alerts``), instead of leaving
        the others with the old state and live buttons. The notes that follow (re-alerts, who
        acknowledged, the resolution) go in each copy's thread. The reporter, told the alert was
        sent, is told where it went. False: nothing of the incident's to follow (the default way)."""
        iid = incident.id or 0
        if row.op == "post" and row.message_key == alert_key(iid, channel):
            sent = 0
            for person in people:
                if outbox.keys_present(s, [alert_key(iid, person)]):
                    continue  # a note bounced first and brought the alert already
                sent += 1
                outbox.enqueue(s, "post", {"channel": person, "text": notice, REPORT_FLAG: True}, now=now)
                outbox.enqueue(s, "post", {**copy, "channel": person, REPORT_FLAG: True}, now=now,
                               message_key=alert_key(iid, person))
            # Notes written before the alert was posted wait for it (IncidentService._thread_note):
            # each goes in every copy's thread instead, or it would wait for ever.
            for held in outbox.held_replies(s, alert_key(iid, channel)):
                note = {k: v for k, v in held.payload.items()
                        if k not in ("channel", "thread_ts", "reply_broadcast", outbox.AFTER, outbox.PLAIN)}
                whole = held.message_key == whole_key(iid, channel)
                for person in people:
                    if whole and outbox.keys_present(s, [whole_key(iid, person)]):
                        continue  # the copy a bounced note brought has it already
                    # The whole report keeps a key of the copy's: a redraw of the copy gives it
                    # only to a thread that lacks it (IncidentService.whole_under_alert).
                    outbox.enqueue_reply_after(s, alert_key(iid, person), {**note, REPORT_FLAG: True}, now=now,
                                               message_key=whole_key(iid, person) if whole else None)
                s.delete(held)
            if incident.reporter_id not in people:
                names = "、".join(f"{escape(self._name(p))} さん" for p in people)
                outbox.enqueue(s, "post", {"channel": incident.reporter_id, REPORT_FLAG: True, "text": (
                    f":warning: インシデント（受付番号 {iid}）の通知を、エスカレーション先のチャンネル <#{channel}> に"
                    f"投稿できませんでした（{_problem(error)}）。代わりに、{names}に"
                    "ダイレクトメッセージで直接お知らせしました。急ぎの場合は、電話などでも連絡してください。")}, now=now)
            log.error("escalation channel %s refused incident %s's alert (%s); sent to %d people directly instead"
                      " (%d had it already)", channel, iid, error, sent, len(people) - sent)
            return True
        copies = [p for p in people if outbox.keys_present(s, [alert_key(iid, p)])]
        # The alert went to the channel before it was archived (or the bot removed), or these
        # people joined the escalation members since: its buttons there can no longer be pressed,
        # so each gets the alert as it is now, with the note in its thread.
        current = self.incident_alert(s, iid) if self.incident_alert else None
        if current is None and not copies:
            return False
        for person in people:
            if person not in copies:
                outbox.enqueue(s, "post", {"channel": person, "text": notice, REPORT_FLAG: True}, now=now)
                if current is None:
                    outbox.enqueue(s, "post", {**copy, "channel": person, REPORT_FLAG: True}, now=now)
                    continue
                outbox.enqueue(s, "post", {**current, "channel": person, REPORT_FLAG: True}, now=now,
                               message_key=alert_key(iid, person))
                if self.incident_whole is not None:
                    # The copy quotes the report as the alert did, saying its thread has the whole text.
                    self.incident_whole(s, now, iid, person)
            if row.op == "update":
                continue  # the redraw refused is the alert itself, which the copy shows as it is now
            whole = row.message_key == whole_key(iid, channel)
            if whole and outbox.keys_present(s, [whole_key(iid, person)]):
                continue  # the refused note is the whole report, which the copy was given already
            if not outbox.failed_for_good(s, alert_key(iid, person)):  # else held for ever (a disabled account)
                outbox.enqueue_reply_after(s, alert_key(iid, person), {**copy, REPORT_FLAG: True}, now=now,
                                           message_key=whole_key(iid, person) if whole else None)
        if row.op == "update":
            # Said once: the later changes redraw the copies only (IncidentService._refresh_alerts).
            log.error("escalation channel %s refused to redraw incident %s's alert (%s); each of %d people has a"
                      " live copy by DM (%d given one now), and later changes redraw the copies only",
                      channel, iid, error, len(people), len(people) - len(copies))
            return True
        # Everyone had it: in the copy they had, in one brought now, or (no alert to bring) alone.
        log.error("escalation channel %s refused a note on incident %s (%s); sent to %d people directly instead"
                  " (%d given a copy of the alert now)", channel, iid, error, len(people), len(people) - len(copies))
        return True

    def check_intake_channels(self, client: WebClient) -> list[tuple[str, str]]:
        """Whether the bot can read each intake channel (at start-up): Slack tells a bot only of the
        messages of channels it is a member of, so drafts pasted where it was never invited, or
        from where it was removed, reach nobody and are never checked nor decided, while their
        operators wait. The escalation channel is told (once an hour, as any refusal); returns
        the channels refused, with Slack's error."""
        refused: list[tuple[str, str]] = []
        for channel in sorted({a.intake_channel for a in self.org.accounts}):
            try:
                client.conversations_history(channel=channel, limit=1)
            except SlackApiError as e:
                error = slack_gateway.error_code(e)
                if error not in UNREADABLE_CHANNEL:
                    log.warning("could not check intake channel %s: %s", channel, error or e)
                    continue
                refused.append((channel, error))
            except Exception as e:  # Slack unreachable: the outbox reports what then fails
                log.warning("could not check intake channel %s: %s", channel, e)
        if not refused:
            return refused
        now = self.clock()
        with self.db.session() as s:
            for channel, error in refused:
                names = "、".join(escape(a.name) for a in self.org.accounts_for_channel(channel))
                log.error("the bot cannot read intake channel %s (%s): drafts pasted there never reach it", channel, error)
                # The hour's report on this channel: the replies that bounce off it next say the same.
                if draft_repo.claim_event(s, channel_report_key(channel, error, now, self.tz), now):
                    self._escalate(s, now, f":warning: kessai は受付チャンネル <#{channel}>（{names}）の書き込みを"
                                           f"読めません（{CHANNEL_PROBLEMS[error]}）。このままでは、このチャンネルに書き込まれた"
                                           f"下書きは kessai に届かず、確認も決裁もされません。{CHANNEL_ADVICE[error]}")
        return refused

    def check_escalation_members(self, client: WebClient) -> list[tuple[str, str]]:
        """Whether Slack still knows each escalation member (at start-up, and from the sweep once a
        business day, ``Sweeper._check_escalation_members``): the re-alerts of an
        unacknowledged incident mention them in the escalation channel, where a deactivated
        account (退職・異動) or a wrong ID fails nothing and nobody is told, so the roster kept
        someone who would never see a 炎上 while the others thought them told. The escalation
        channel hears of it once a day (a restart, a second replica or the day's check says nothing more);
        returns the members Slack refused, with the reason (``user_not_found``, ``user_disabled``)."""
        people = escalation_people(self.org)
        for account in self.org.accounts:
            people += escalation_people(self.org, account.id)
        found: list[tuple[str, str]] = []
        for person in dict.fromkeys(people):
            try:
                user = client.users_info(user=person).get("user") or {}
            except SlackApiError as e:
                error = slack_gateway.error_code(e)
                if error == "user_not_found":
                    found.append((person, error))
                else:  # no scope, rate limited, the token refused: nothing said about the person
                    log.warning("could not check escalation member %s: %s", person, error or e)
                continue
            except Exception as e:  # Slack unreachable: the rest are checked again at the next start or business day
                # Not a return: a member already found deactivated went unlogged and unreported
                # when a later call broke off, and was found again only if the next start got further.
                log.warning("could not check escalation member %s (nor those after them): %s", person, e)
                break
            if isinstance(user, dict) and user.get("deleted"):
                found.append((person, "user_disabled"))
        if not found:
            return found
        now = self.clock()
        day = now.astimezone(self.tz).strftime("%Y-%m-%d")
        with self.db.session() as s:
            lines = []
            for person, error in found:
                log.error("escalation member %s is unknown to Slack or deactivated (%s): incident re-alerts "
                          "mention them in vain", person, error)
                if draft_repo.claim_event(s, f"escalation-member:{person}:{error}:{day}", now):
                    lines.append(f"・{escape(self._name(person))} さん（{person}、{self._roles(person)}）: "
                                 f"{USER_PROBLEMS[error]}")
            if lines:
                self._escalate(s, now, (
                    ":warning: インシデントの通知先（エスカレーション先）に、Slack で連絡のつかない方が含まれています。"
                    "インシデントの再通知でこの方をメンションしても届かず、対応開始が遅れるおそれがあります。\n"
                    + "\n".join(lines)
                    + "\n退職・異動の場合は、組織設定ファイルの該当するアカウントの approvers・deputies から外すか後任の方に"
                    "差し替え、[[members]] の登録（org・rank）も改めてから、kessai を再起動してください。Slack ID の誤りで"
                    "あれば、[[members]] の slack_id を正しい ID に直してください。"))
        return found

    def _roles(self, person: str) -> str:
        """Where the organisation file makes ``person`` an escalation member, for the line that asks IT to fix it."""
        roles = [f"{escape(a.name)}（{a.id}）の {label}" for a in self.org.accounts
                 for label, ids in (("approvers", a.approvers), ("deputies", a.deputies)) if person in ids]
        member = self.org.member(person)
        org = self.org.org(member.org) if member else None
        if member and org and is_escalation_officer(self.org, person):
            roles.append(f"{escape(org.name)}の{escape(member.rank)}")
        return "・".join(roles) or "組織設定ファイル"

    def _escalate(self, s: Session, now: datetime, text: str, *, key: str | None = None) -> None:
        channel = self.org.policy.escalation_channel
        if not channel:
            log.error("no escalation_channel configured: %s", text)
            return
        outbox.enqueue(s, "post", {"channel": channel, "text": text, REPORT_FLAG: True}, now=now,
                       message_key=key)

    def _tell_draft_thread(self, s: Session, now: datetime, row: OutboxRow, text: str) -> None:
        key = row.message_key or ""
        if not key.startswith("dm:"):
            return
        try:
            draft_id = int(key.split(":")[1])
        except (IndexError, ValueError):
            return
        draft = draft_repo.get(s, draft_id)
        if draft is None:
            return
        if draft.source != "channel":
            # A modal draft's message_ts is made up: its thread is the bot's root post, which
            # may not be posted yet (or stand in a DM, see _parent_refused).
            outbox.enqueue_reply_after(s, root_key(draft_id), {"channel": draft.channel, "text": text,
                                                               REPORT_FLAG: True}, now=now)
            return
        outbox.enqueue(s, "post", {"channel": draft.channel, "thread_ts": draft.message_ts, "text": text,
                                   REPORT_FLAG: True}, now=now)
