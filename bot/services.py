"""Use cases: what happens when a draft arrives, is edited, or is decided.

Every use case runs in one unit of work: state change, ledger entry and outbox messages commit
together or not at all; only afterwards is the Slack gateway woken to deliver.
"""

from __future__ import annotations

import logging
import re
import secrets
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, time, timedelta
from difflib import SequenceMatcher
from typing import TypeVar
from zoneinfo import ZoneInfo

from sqlmodel import Session

from bot import errors, render

# The engine's families load on the first check (bot.rules): a cron `kessai remind` checks no draft.
from bot import rules as rule_engine
from bot.attachments import AttachedFile, from_stored
from bot.calendar import DateOutsideEra, WeekdayMismatch, next_business_instant, parse_date_range
from bot.config import Account, OrgConfig
from bot.delivery_failures import claim_channel_report
from bot.drafting import DraftForm
from bot.home import HomeViews
from bot.ledger import content_hash
from bot.notifications import Notifier, Thread, asked_key, draft_of_root, home_key, root_key
from bot.publication import check_post_url, clean_post_url, post_key_digest, same_post
from bot.render import DecisionView, DraftView
from bot.rules import CheckContext, Finding
from bot.slack_gateway import PARENT_REFUSED_PREFIX
from bot.sweep import report_correction
from bot.template_admin import TemplateAdmin
from bot.workflow import (
    DUE_SOON_LEAD,
    VOIDED_BY_EDIT,
    DraftEvent,
    DraftState,
    absence_continues,
    absence_ended_key,
    absence_over,
    back_at_work,
    can,
    deputies_due,
    deputy_back_key,
    escalation_key,
    is_stale_edit,
    next_state,
    nobody_at_work_key,
    slack_time_or_none,
    state_ja,
)
from storage import away as away_repo
from storage import drafts as draft_repo
from storage import intake as intake_repo
from storage import ledger as ledger_repo
from storage import outbox
from storage import reminders as reminders_repo
from storage import roster as roster_repo
from storage import templates as template_repo
from storage.db import Database, as_utc, storable, utcnow
from storage.intake import IntakeReads
from storage.models import ApprovalRequestRow, DraftRow, DraftVersionRow, FindingRow, new_row

log = logging.getLogger(__name__)

_T = TypeVar("_T")
# Why a deputy may no longer decide for the approver they were asked for (Kessai._back_at_work).
_BACK = "back"  # the approver's first business instant after the absence has come
_OVER = "over"  # the absence has run out, and an approver who is not away holds the request

DUPLICATE_WINDOW = timedelta(days=30)
@dataclass(frozen=True)
class _Assessment:
    """A checked version and what follows from it (see Kessai._assess)."""

    findings: list[Finding]
    blocking: bool
    exemption: str | None  # the ledger reason when it may go out without prior approval
    state: str  # the draft's state after the check


# Session.info key: {(draft id, version): recipients} asked by _route in this transaction.
ASKED_KEY = "kessai_asked"
DUPLICATE_STATES = (DraftState.PENDING, DraftState.APPROVED, DraftState.EXEMPT, DraftState.PUBLISHED)
EXEMPT_CATEGORIES = ("emergency", "template", "reply")  # 和気町 5(4) 決裁を省略できる事項 1〜3
MIN_OVERRIDE_REASON = 5
# 理由を付けて決裁依頼 needs an approver to read the findings and the reason before the scheduled time:
# a version due sooner than this is refused (it expired seconds after routing, when the form had
# taken 「1分後」). Clean drafts are not held to it: nothing there needs weighing first.
MIN_OVERRIDE_LEAD = timedelta(minutes=10)
MAX_AWAY_DAYS = 366
PUBLISH_CLOCK_SKEW = timedelta(minutes=5)
SYSTEM_ID = "kessai"  # decider of entries no person made (expiry)



@dataclass(frozen=True)
class IncomingMessage:
    channel: str
    user: str
    ts: str
    text: str
    event_key: str
    image_alts: tuple[str, ...] = ()  # one per attached picture: its alt text, "" when none
    video_count: int = 0  # attached videos: people in them need consent as in pictures (上越市 5(3))
    # Every file attached (pictures and videos too): the approver is shown them and the hash binds them.
    files: tuple[AttachedFile, ...] = ()
    custom_emoji: tuple[str, ...] = ()  # names of the workspace's own emoji in it (CheckContext.custom_emoji)
    forwarded: bool = False  # carries another message (Slack's 「転送」): refused, with the way to submit it
    # Carries a text snippet (a long text Slack sent as a file): its text is not in the event and
    # kessai cannot read it, so no draft; refused, each time, with the way to send it.
    snippet: bool = False
    # Begins with a mention of the bot (「@kessai 使い方は？」): a question, not a post; answered with the way in.
    to_bot: bool = False
    # Reads as ``/kessai …`` that Slack posted as a message instead of running it (typed with a
    # full-width 「／」 or after a space): a command, not a post; answered with how to run it.
    typed_command: bool = False
    # Slack's time of the change (the message_changed event's ts), when an edit tells of the message first.
    changed_ts: str | None = None
    # Nothing written, only files the checks do not read (a PDF flyer): no draft; an operator is
    # told, once a week per person and channel, that only written text is checked and how to send a draft.
    files_only: bool = False
    # Nothing written, only legacy attachments with text (an app posting with the person's token,
    # an e-mail shared from Outlook): the checks read what was typed, not what an app framed, so no
    # draft; an operator is told as for files only (once a week), not left waiting unsaid.
    attachments_only: bool = False


@dataclass(frozen=True)
class Outcome:
    """What happened, for logs and tests (Slack is told through the outbox, not through this)."""

    kind: str
    draft_id: int | None = None


@dataclass(frozen=True)
class TakenBack:
    """What ``Kessai.take_back`` did: pending drafts sent back to the returning approver, how many
    of them the deputies keep (they had waited ``approval_escalate_after`` already), and how many
    the deputies go on deciding because no approver will be at work at the next business instant.
    ``skipped``: drafts sent to them now that a deputy held for another absent approver, whose
    requests stay as they are (the answer must not say they were withdrawn)."""

    drafts: int = 0
    kept_by_deputies: int = 0
    standing_in: int = 0
    skipped: int = 0

    def __bool__(self) -> bool:
        return self.drafts + self.skipped > 0

    def summary_ja(self, wait_label: str) -> str:
        """For the approver's `/kessai away` answer; empty when nothing came back."""
        text = self._held_summary_ja(wait_label)
        if self.skipped:
            text += (f"{'ほかに、' if self.drafts else ''}不在の間に届いた決裁待ちの依頼 {self.skipped} 件"
                     f"{'も' if self.drafts else 'を'}、あなたにお送りしました。")
        return text

    def _held_summary_ja(self, wait_label: str) -> str:
        if not self.drafts:
            return ""
        kept = self.kept_by_deputies + self.standing_in
        if not kept:
            return (f"不在の間に代決者へ送っていた決裁待ちの依頼 {self.drafts} 件は、あなたにお送りしました"
                    "（代決者への依頼は取り消しました）。")
        text = f"不在の間に代決者へ送っていた決裁待ちの依頼 {self.drafts} 件は、あなたにもお送りしました。"
        if self.standing_in:
            which = f"そのうち {self.standing_in} 件は" if self.standing_in < self.drafts else "いずれも"
            text += f"{which}、次の始業時刻にも決裁者が全員不在のため、引き続き代決者が決裁します。"
        if self.kept_by_deputies and self.kept_by_deputies < self.drafts:
            text += (f"そのうち {self.kept_by_deputies} 件は決裁待ちが{wait_label}を過ぎているか、投稿予定時刻が近いため、"
                     "代決者にも引き続き決裁をお願いしています。")
        elif self.kept_by_deputies:
            text += f"いずれも決裁待ちが{wait_label}を過ぎているか、投稿予定時刻が近いため、代決者にも引き続き決裁をお願いしています。"
        if kept < self.drafts:
            text += "ほかの件の代決者への依頼は取り消しました。"
        return text


TYPED_COMMAND_REFUSED_JA = (
    "このメッセージは「/kessai」で始まっていますが、コマンドとして実行されずに、ふつうのメッセージとして"
    "書き込まれたため、下書きとしては受け付けていません。全角の「／」で始まっていたり、先頭に空白があったりすると、"
    "Slack はコマンドとして扱いません。コマンドは、入力欄の先頭に半角の「/」を書いて、`/kessai help` のように"
    "入力してください。下書きを決裁に回すときは、投稿する文面だけをこのチャンネルに書き込んでください。"
)

TO_BOT_REFUSED_JA = (
    "kessai 宛てのメッセージ（@kessai で始まるメッセージ）は、下書きとしては受け付けていません。"
    "使い方は `/kessai help` で確認できます。下書きを決裁に回すときは、メンションを付けずに、"
    "投稿する文面だけをこのチャンネルに書き込んでください。"
)

FORWARD_REFUSED_JA = (
    "転送されたメッセージは、下書きとして受け付けていません（添えたコメントも下書きにはなりません）。"
    "投稿する文面をこのチャンネルに直接書き込むか、転送されたメッセージのメニュー（︙）の"
    "「決裁に回す」から提出してください。"
)

# Slack turns a long text into a text snippet (a file); the message event carries only a preview of
# its first lines, and the rest needs the files:read scope (see handlers.intake.TEXT_FILE_MODES).
SNIPPET_REFUSED_JA = (
    "テキストスニペット（長い文章を Slack がファイルの形にしたもの）の中身は kessai では読めないため、"
    "このメッセージは下書きとして受け付けていません（確認も決裁もされません。添えたコメントも下書きにはなりません）。"
    "お手数ですが、投稿する文面をスニペットにせず、ふつうのメッセージとしてこのチャンネルに書き込んでください。"
    "長い文面も、1 つのメッセージであればそのまま確認します（`/kessai draft` の入力画面は 3,000 文字までです）。"
    "Slack で 1 つのメッセージとして送れない長さの場合は、システム管理者（IT 担当）にご相談ください。"
    "スニペットのメッセージは、削除していただいて構いません。"
)

ATTACHMENTS_ONLY_JA = (
    "アプリが付けた枠（添付）の中だけに文面があるメッセージは、kessai では確認していません（決裁にも回りません）。"
    "kessai が確認するのは、メッセージに直接書き込まれた文面と、添付された画像・動画です。"
    "この内容をSNSに投稿する場合は、投稿する文面をこのチャンネルに書き込むか、`/kessai draft` から提出してください。"
)

FILES_ONLY_JA = (
    "文面のないメッセージに添付されたファイル（PDF など）は、kessai では確認していません（決裁にも回りません）。"
    "kessai が確認するのは、メッセージに書き込まれた文面と、添付された画像・動画です。"
    "チラシなどの内容をSNSに投稿する場合は、投稿する文面をこのメッセージに書き加える（メッセージを編集する）か、"
    "新しいメッセージとしてこのチャンネルに書き込むか、`/kessai draft` から提出してください。"
    "資料として共有しただけでしたら、対応は不要です（このお知らせは、同じチャンネルでは 1 週間に 1 回だけお送りします）。"
)

# An edit of a message that never became a draft makes it one (an edit may be delivered before its
# message, and after Slack held events back people are told to edit what got no answer: see
# RATE_LIMITED_JA), but only for a message this recent: editing a months-old message (a memo
# written before the bot was invited, a typo fixed in an old remark) would otherwise send it to
# the approvers as a new draft. A week covers a long weekend or 年末年始 after a rate limit.
EDIT_AS_NEW_MAX_AGE = timedelta(days=7)
OLD_MESSAGE_EDIT_JA = (
    "このメッセージは書き込みから 7 日以上たっていて、下書きとして受け付けていないため、編集しても決裁には回りません。"
    "決裁に回すときは、投稿する文面を新しいメッセージとしてこのチャンネルに書き込むか、"
    "メッセージのメニュー（︙）の「決裁に回す」から提出してください。"
)


REVISION_IN_THREAD_JA = (
    "スレッドに書き込んだ文面は、下書きの新しい版にはなりません（確認も決裁もされません）。"
    "直した文面で確認し直すには、元のメッセージ（スレッドの最初の投稿）を編集してください。"
)
# A /kessai draft draft's parent is the bot's post, which nobody else can edit.
REVISION_IN_FORM_THREAD_JA = (
    "スレッドに書き込んだ文面は、下書きの新しい版にはなりません（確認も決裁もされません）。"
    "直した文面で確認し直すには、このスレッドの確認結果にある「修正する」を押して、入力画面から出し直してください。"
)
# Slack cannot add files to a message already posted: the draft is posted again with them.
MEDIA_IN_THREAD_JA = (
    "スレッドに添付した画像・動画は、下書きには含まれず、決裁者には届いていません（肖像権や代替テキストの確認もされていません）。"
    "画像・動画も決裁を受けるには、お手数ですが、元のメッセージ（スレッドの最初の投稿）を削除して取り下げ、"
    "本文と画像・動画を一つのメッセージにして、このチャンネルに投稿し直してください。"
)
MEDIA_IN_FORM_THREAD_JA = (
    "スレッドに添付した画像・動画は、下書きには含まれず、決裁者には届いていません（肖像権や代替テキストの確認もされていません）。"
    "画像・動画を付けて投稿する場合は、このスレッドの確認結果にある「修正する」を押して、入力画面で画像の枚数と"
    "代替テキストを入力し、出し直してください。"
)
# The draft written again as a text snippet in its thread (a long text Slack made a file of): kessai cannot
# read it, and its author waited for a check of the new text that never came.
SNIPPET_IN_THREAD_JA = (
    "スレッドに送ったテキストスニペット（長い文章を Slack がファイルの形にしたもの）の中身は kessai では読めないため、"
    "下書きの修正にはならず、決裁者にも届いていません。文面を修正する場合は、お手数ですが、元のメッセージ"
    "（スレッドの最初の投稿）を編集して、修正した文面をスニペットにせずに書き込んでください。"
)
SNIPPET_IN_FORM_THREAD_JA = (
    "スレッドに送ったテキストスニペット（長い文章を Slack がファイルの形にしたもの）の中身は kessai では読めないため、"
    "下書きの修正にはならず、決裁者にも届いていません。文面を修正する場合は、このスレッドの確認結果にある"
    "「修正する」を押して、入力画面に書き込んでください。"
)
# Drafts whose author is told a picture in the thread does not go with them: those still to be
# decided. Once approved or posted as 決裁省略, a picture there is mostly the post as published
# or a photo from the site (緊急・災害), and the note — 「決裁者には届いていません」, delete the
# message and post again — would withdraw a decided draft over it.
_MEDIA_NOTE_STATES = frozenset({DraftState.NEEDS_FIX, DraftState.PENDING, DraftState.REJECTED})
# A reply shorter than this is conversation (「修正します」「承知しました」), never a new version.
_REVISION_MIN_CHARS = 20
# How alike a reply and the draft must be to read as its new version (difflib's ratio; a revised
# paragraph keeps most of its characters, a remark about it shares few).
_REVISION_LIKENESS = 0.6
# What receive_thread_reply may answer with a note to the replier (sent once its session has committed).
_TOLD_IN_THREAD = frozenset({"media_in_thread", "snippet_in_thread", "decision_in_thread", "revision_in_thread"})


DECISION_IN_THREAD_JA = (
    "スレッドへの書き込みでは、決裁は記録されません（下書きは決裁待ちのままです）。"
    "お手数ですが、kessai からのダイレクトメッセージ（決裁依頼）にある「承認」または「差戻し」を押してください。"
    "kessai のホームタブの「あなたの決裁待ち」からも押せます。"
)
# Words by which an approver answering in the thread means a decision: the verb said (「承認します」
# 「差し戻しました」「承認できません」, or the word alone: 「承認。」), not the noun in a remark about
# the process (「部長の承認が必要です」「承認前に確認させてください」「本人の了承が取れていれば」),
# which a bare substring matched and answered with a note to press a button. A remark that still
# reads as one costs them a private note, once a version.
_DECISION_WORDS = re.compile(
    r"(?:承認|差し?戻し?|却下|決裁)"
    r"(?:(?:し|いたし|でき|とし)?(?:ます|ました|ません)|です|でお願いします|ok|(?=[。、,.!\s]|$))")
# Words that agree without naming the decision (「OKです」「了承しました」). With thanks too
# (「修正ありがとうございます。OKです」「OKです、ありがとうございます」) they still read as one: the
# note only reaches an approver who holds the pending version's request, in its thread, where an
# OK answering the author's 「修正しました」 is the approval of the fix — the author takes it for
# the 決裁 and the draft waits for reminders, the case the note exists for. A thanks that decided
# nothing costs a private note, once a version.
_AGREEMENT_WORDS = re.compile(
    r"了承(?:(?:し|いたし)?(?:ます|ました)|です|(?=[。、,.!\s]|$))"
    r"|(?<![a-z0-9/._:-])ok(?![a-z0-9/._-])|オッケー|おっけー")
# Longer than this, a reply is a discussion of the draft, not a decision written out.
_DECISION_REPLY_MAX = 200


def reads_as_decision(reply: str) -> bool:
    """Whether a short thread reply reads as a decision (「承認します」「OKです」「OKです、ありがとう
    ございます」「差し戻します」). A question (「承認してよいですか？」「写真はOKですか？」) asks: it does
    not decide."""
    folded = unicodedata.normalize("NFKC", reply).strip().lower()
    return (0 < len(folded) <= _DECISION_REPLY_MAX and "?" not in folded
            and (_DECISION_WORDS.search(folded) is not None or _AGREEMENT_WORDS.search(folded) is not None))


def reads_as_revision(reply: str, draft_text: str) -> bool:
    """Whether a thread reply is the draft written again (with changes), not a remark about it."""
    reply, draft_text = reply.strip(), draft_text.strip()
    if len(reply) < _REVISION_MIN_CHARS or not draft_text:
        return False
    if not 0.5 <= len(reply) / len(draft_text) <= 2:
        return False  # much shorter or longer: a remark, or something else entirely
    # Bounded, since SequenceMatcher is quadratic in the worst case: the start says enough.
    return SequenceMatcher(None, reply[:2000], draft_text[:2000], autojunk=False).ratio() >= _REVISION_LIKENESS


RATE_LIMITED_JA = (
    ":warning: *Slack がボットへのイベントの送信を制限しています*\n"
    "{start} ごろから、Slack が kessai へのイベント（受付チャンネルへの書き込みなど）の送信を一時的に"
    "止めています（Slack の上限は、1 つのワークスペースにつき 1 時間あたり 30,000 件です）。"
    "この間に書き込まれた下書きは、ボットに届いていない可能性があります。ボットから返信のない下書きは、"
    "書き込んだ人がメッセージを編集する（または書き込み直す）と確認されます。運用担当者にお伝えください。"
)


@dataclass(frozen=True)
class VersionContent:
    """Everything a version is, besides its number: what the checks see and the approver decides on."""

    text: str
    scheduled_at: datetime | None = None
    alt_texts: tuple[str, ...] = ()
    image_count: int = 0
    video_count: int = 0
    portrait_consent: bool = False
    note: str | None = None
    files: tuple[AttachedFile, ...] = ()
    # Not the post's content (its text says 「:name:」 either way), so not hashed: what the checks know of it.
    custom_emoji: tuple[str, ...] = ()


@dataclass(frozen=True)
class DeciderRole:
    account: Account
    acting_for: str | None = None  # set when the decider is a deputy (代決)


BOT_JOINED_JA = (
    "kessai がこのチャンネルに参加しました。ここに書き込まれた下書き（{accounts}）をガイドラインで確認し、決裁に回します。"
    "参加前に書き込まれたメッセージは kessai に届いていません。決裁に回すには、そのメッセージを編集する（書き込みから"
    " 7 日以内）か、もう一度書き込んでください。"
)
# Drafts whose buttons are redrawn when the organisation file changes their author's standing:
# the newest, which someone may still act on; a click on an older one is refused with the reason.
AUTHOR_REDRAW_LIMIT = 200



AWAY_USAGE = "`/kessai away 開始日 終了日`（例: `/kessai away 2026-12-01 2026-12-05`）、取り消しは `/kessai away off` です。"
_AWAY_OFF = ("off", "cancel", "取消", "解除")

# A draft touching what most rules read (dates, a link, a hashtag, a phone number, a stamp-like
# heading), checked at start so that no user's draft waits for the rules' first use (warm_up_checks).
WARM_UP_TEXT = ("【お知らせ】12月5日（金）10時から市民会館で説明会を開きます。参加費は無料です。"
                "詳しくは https://www.city.example.lg.jp/info をご覧ください。#市民会館 問合せ 025-000-0000")


class Kessai:
    def __init__(self, db: Database, org: OrgConfig, *, clock: Callable[[], datetime] = utcnow,
                 after_commit: Callable[[], None] = lambda: None, tz: str = "Asia/Tokyo") -> None:
        self.db = db
        self.org = org
        self.clock = clock
        self.after_commit = after_commit
        self.notify = Notifier()
        self.tz = ZoneInfo(tz)
        # The workspace's URL (auth.test), for links to messages; None until known.
        self.workspace_url: str | None = None
        # The bot's own user id (auth.test): a message that begins by mentioning it is a question.
        self.bot_user_id: str | None = None
        # Told when Slack says the bot's token no longer works (bot.app wires it to the gateway's health).
        self.on_access_lost: Callable[[str], None] = lambda _reason: None
        # The name of a channel a message links, by id, None when Slack does not say (bot.app wires
        # it to a cached conversations.info): a typed hashtag that is a channel's name arrives linked.
        self.channel_name_of: Callable[[str], str | None] = lambda _channel: None
        self.homes = HomeViews(db, org, clock=clock, tz=self.tz, name_of=self.name_of)
        self.templates = TemplateAdmin(db, org, clock=clock, name_of=self.name_of)

    # -- names ----------------------------------------------------------------------------
    def name_of(self, slack_id: str) -> str:
        m = self.org.member(slack_id)
        return m.name if m else slack_id

    def local(self, t: datetime) -> datetime:
        return t.astimezone(self.tz)

    # -- intake ---------------------------------------------------------------------------
    def warm_up_checks(self) -> None:
        """Run the checks once on a made-up draft for each platform in use, before serving: the
        rules build some of their patterns on first use (the organisation's own words among them),
        and the first drafts after each start paid for it, 50-230 ms each, several at once when
        they came together. The data some rules load only for some drafts (the morphological
        analyser's dictionary, the Public Suffix List) is loaded too: the draft above needs neither."""
        now = self.local(self.clock())
        for platform in sorted({a.platform for a in self.org.accounts}):
            rule_engine.check(WARM_UP_TEXT, CheckContext(platform=platform, now=now, policy=self.org.rule_policy(str(self.tz)),
                                             overrides=self.org.rule_overrides()))
        rule_engine.load_on_demand_data()

    def receive_message(self, m: IncomingMessage) -> Outcome:
        accounts = self.org.accounts_for_channel(m.channel)
        if not accounts:
            return Outcome("not_intake")
        now = self.clock()
        operated = [a for a in accounts if m.user in a.operators]
        with self.db.session() as s:
            # A draft is keyed by its Slack message (unique), which also catches Slack's retries;
            # anything else is claimed by event id so that a retry does not repeat it.
            refused = (not operated or m.forwarded or m.snippet or m.to_bot or m.typed_command or m.files_only
                       or m.attachments_only)
            if refused and not draft_repo.claim_event(s, m.event_key, now):
                return Outcome("duplicate")
            if refused and draft_repo.was_deleted(s, m.channel, m.ts):
                return self._deleted_before(m)
            if m.files_only or m.attachments_only:
                # Most such files are documents shared for reference: one note a week per person
                # and channel tells whoever expected a check, without answering every file. Someone
                # who is no operator could not send a draft here anyway, and is not told. (An app
                # posting attachments as the person may post many: one note a week of those too.
                # Each note is counted on its own: the one about a PDF does not say why a framed
                # message was not checked, which then went unsaid for the rest of the week.)
                year, week_number, _ = self.local(now).isocalendar()
                week = f"{year}-W{week_number:02d}"
                note = "files-only-note" if m.files_only else "attachments-only-note"
                if operated and draft_repo.claim_event(s, f"{note}:{m.channel}:{m.user}:{week}", now):
                    self.notify.ephemeral(s, now, channel=m.channel, user=m.user,
                                          text=FILES_ONLY_JA if m.files_only else ATTACHMENTS_ONLY_JA)
                    outcome = Outcome("files_only")
                else:
                    outcome = Outcome("files_only_quiet")
            elif m.typed_command:
                # Before the operator check: whoever typed it meant a command, and the way to run
                # one helps them more than hearing that they are not an operator.
                self.notify.ephemeral(s, now, channel=m.channel, user=m.user, text=TYPED_COMMAND_REFUSED_JA)
                outcome = Outcome("typed_command")
            elif not operated:
                self.notify.ephemeral(
                    s, now, channel=m.channel, user=m.user,
                    text=(
                        "このチャンネルに投稿されたメッセージは、登録された運用担当者の下書きだけが決裁に回ります。"
                        "あなたはこのチャンネルのアカウント（"
                        + "、".join(render.escape(a.name) for a in accounts)
                        + "）の運用担当者として登録されていないため、下書きとして受け付けませんでした。"
                        "登録が必要な場合は、システム管理者（IT 担当）にご相談ください。"
                    ),
                )
                outcome = Outcome("not_operator")
            elif m.forwarded:
                self.notify.ephemeral(s, now, channel=m.channel, user=m.user, text=FORWARD_REFUSED_JA)
                outcome = Outcome("forwarded")
            elif m.snippet:
                self.notify.ephemeral(s, now, channel=m.channel, user=m.user, text=SNIPPET_REFUSED_JA)
                outcome = Outcome("snippet")
            elif m.to_bot:
                self.notify.ephemeral(s, now, channel=m.channel, user=m.user, text=TO_BOT_REFUSED_JA)
                outcome = Outcome("to_bot")
            else:
                # Several accounts share this channel: the author says which one before any check,
                # because the checks (length, hashtags) depend on the platform.
                account = operated[0] if len(operated) == 1 else None
                content = VersionContent(text=m.text, image_count=len(m.image_alts), alt_texts=m.image_alts,
                                         video_count=m.video_count, files=_storable_files(m.files),
                                         custom_emoji=m.custom_emoji)
                draft = self._create_draft(s, now, account, author=m.user, channel=m.channel, ts=m.ts,
                                           content=content, source="channel", changed_ts=m.changed_ts)
                if draft is None:
                    if draft_repo.was_deleted(s, m.channel, m.ts):
                        return self._deleted_before(m)
                    return Outcome("duplicate")  # this message is already a draft (another event id)
                if account is None:
                    self.notify.account_question(s, now, thread=self.thread_of(draft), draft_id=draft.id or 0,
                                                 author_id=m.user, options=render.account_choices(
                                                     [(a.id, a.name, a.platform) for a in operated]))
                outcome = Outcome(draft.state, draft.id)
        self.after_commit()
        return outcome

    @staticmethod
    def _deleted_before(m: IncomingMessage) -> Outcome:
        log.info("message %s in %s was deleted before its event (%s) arrived: not taken as a draft",
                 m.ts, m.channel, m.event_key)
        return Outcome("deleted")

    def accounts_for_form(self, actor: str) -> list[Account]:
        return self.org.accounts_operated_by(actor)

    def check_not_a_draft(self, channel: str, ts: str) -> None:
        """Refuse 「決裁に回す」 on a message that already is a draft (pasted into an intake channel,
        or the bot's post of a form draft): a second draft of it would only be held up as a
        duplicate of the first (spam.duplicate), or, sent on with a reason, ask the approvers twice."""
        with self.db.session() as s:
            draft = draft_repo.by_message(s, channel, ts, lock=False) or self._form_draft_at(s, channel, ts)
        if draft is None or draft.state == DraftState.WITHDRAWN:
            return
        account = self.org.account(draft.account_id) if draft.account_id else None
        which = "、".join([*([render.escape(account.name)] if account else []), f"第{draft.current_version}版",
                          state_ja(draft.state)])
        text = (f"このメッセージは、すでに {render.escape(self.name_of(draft.author_id))} さんの下書き（{which}）として"
                "受け付けています。同じ文面が二重に決裁に回らないよう、「決裁に回す」は使えません。")
        if draft.state == DraftState.PUBLISHED:
            text += "同じ内容をもう一度SNSに投稿する場合は、新しいメッセージとして書き込んでください。"
        elif draft.source == "channel":
            text += "内容を直すときは、元のメッセージを編集してください。"
        else:
            text += "内容を直すときは、スレッドの「修正する」から出し直してください。"
        raise errors.InvalidInput(text)

    def submit_form(self, form: DraftForm, actor: str, *, source: str = "modal", submission: str | None = None,
                    custom_emoji: tuple[str, ...] = ()) -> Outcome:
        """A draft from /kessai draft or the 「決裁に回す」 shortcut (already validated by bot.drafting).
        ``custom_emoji``: those of the message the shortcut was picked on (CheckContext.custom_emoji).

        The bot posts it into the account's intake channel so that it has a thread like a pasted
        draft; findings and status wait in the outbox until that message exists.
        """
        account = self.org.account(form.account_id)
        if account is None or actor not in account.operators:
            raise errors.InvalidInput("このアカウントの運用担当者として登録されていないため、下書きを提出できません。")
        now = self.clock()
        content = VersionContent(text=form.text, scheduled_at=form.scheduled_at, alt_texts=form.alt_texts,
                                 image_count=form.image_count, portrait_consent=form.portrait_consent, note=form.note,
                                 custom_emoji=custom_emoji)
        with self.db.session() as s:
            # The same form sent again (its answer was lost and the person pressed 送信 once more):
            # the first one is the draft. Claimed in the draft's own transaction.
            if not self.claim_submission(s, submission, now):
                log.info("form %s was submitted again; its draft exists already", submission)
                return Outcome("duplicate")
            draft = self._create_draft(s, now, account, author=actor, channel=account.intake_channel,
                                       ts=f"bot-{secrets.token_hex(8)}", content=content, source=source,
                                       category=form.category)
            if draft is None:  # a fresh random ts cannot collide; refuse rather than guess
                raise errors.KessaiError("下書きを登録できませんでした。もう一度お試しください。")
            outcome = Outcome(draft.state, draft.id)
        self.after_commit()
        return outcome

    def _create_draft(self, s: Session, now: datetime, account: Account | None, *, author: str, channel: str,
                      ts: str, content: VersionContent, source: str, category: str = "normal",
                      changed_ts: str | None = None) -> DraftRow | None:
        """The new draft, checked, routed and shown on App Homes; None when this Slack message
        already has a draft.

        The busiest path in the bot, so it is ordered for few round trips: the reads it needs
        come in one query, the checks run before anything is written (the draft goes in with
        its checked state, no UPDATE after), and the outbox rows go in together at commit.
        """
        draft = new_row(
            DraftRow, account_id=account.id if account else None, author_id=author, channel=channel, message_ts=ts,
            state=DraftState.CHECKING, current_version=1, created_at=now, updated_at=now, source=source,
            category=category, edited_ts=changed_ts,  # the column's name predates changes other than edits
        )
        version = self._version_row(draft, account, content, number=1, now=now)
        reads = assessed = None
        # A pasted message takes turns with a deletion of it (see drafts.lock_message).
        message = (channel, ts) if source == "channel" else None
        if account is not None:
            reads = intake_repo.intake_reads(
                s, account_id=account.id, since=now - DUPLICATE_WINDOW, states=list(DUPLICATE_STATES),
                like=self._duplicate_filter(version),
                people=[*self.approvers_for(account, author=author), *self.deputy_candidates(draft, account)],
                at=now, home_keys=[home_key(u) for u in self._home_audience(draft, account)], message=message)
            assessed = self._assess(s, now, draft, account, version, reads.recent_texts)
            draft.state = assessed.state
        elif message is not None:
            draft_repo.lock_message(s, *message)
        if not draft_repo.insert_draft_with_version(s, draft, version):
            return None
        if source != "channel" and account is not None:
            preview = self._preview(draft, account, content)
            self.notify.draft_root(s, now, channel=channel, draft_id=draft.id or 0,
                                   msg=render.draft_root(preview, source))
        if account is not None:
            self._check_and_route(s, now, draft, account, version, assessed=assessed, reads=reads, first=True)
        self._refresh_homes(s, now, self._concerned(s, draft), reads=reads)
        return draft

    def _preview(self, draft: DraftRow, account: Account, c: VersionContent) -> DraftView:
        return DraftView(
            id=draft.id or 0, version=draft.current_version, account_name=account.name, platform=account.platform,
            author_id=draft.author_id, author_name=self.name_of(draft.author_id), text=c.text,
            scheduled_at=self.local(c.scheduled_at) if c.scheduled_at else None, category=draft.category,
            image_count=c.image_count, alt_texts=c.alt_texts, video_count=c.video_count,
            portrait_consent=c.portrait_consent, note=c.note, files=c.files,
            source=draft.source,
        )

    def thread_of(self, s_or_draft: Session | DraftRow, draft: DraftRow | None = None) -> Thread:
        """Where this draft's conversation is (see notifications.Thread)."""
        d = draft if draft is not None else s_or_draft
        assert isinstance(d, DraftRow)
        if d.source == "channel":
            return Thread(d.channel, d.message_ts)
        return Thread(d.channel, None, root_key(d.id or 0))

    def _version_row(self, draft: DraftRow, account: Account | None, content: VersionContent, *, number: int,
                     now: datetime) -> DraftVersionRow:
        text = storable(content.text)
        sig = rule_engine.duplicate_signature(text)
        return new_row(
            DraftVersionRow, draft_id=draft.id or 0, number=number, text=text, scheduled_at=content.scheduled_at,
            alt_texts=[storable(a) for a in content.alt_texts], image_count=content.image_count,
            video_count=content.video_count, portrait_consent=content.portrait_consent,
            note=storable(content.note) if content.note else None, files=[f.stored() for f in content.files],
            custom_emoji=[storable(n) for n in content.custom_emoji] or None,
            content_hash=self._hash(text, account.id if account else "", content), created_at=now,
            dup_key=sig.key, dup_numbers=sig.numbers, dup_version=sig.version,
        )

    @staticmethod
    def _duplicate_filter(version: DraftVersionRow) -> draft_repo.DuplicateFilter:
        sig = rule_engine.duplicate_signature(version.text)
        return draft_repo.DuplicateFilter(key=sig.key, numbers=sig.numbers, min_length=sig.lengths[0],
                                          max_length=sig.lengths[1], version=sig.version)

    def _new_version(self, s: Session, now: datetime, draft: DraftRow, account: Account | None,
                     content: VersionContent, *, number: int) -> None:
        version = self._version_row(draft, account, content, number=number, now=now)
        draft_repo.insert_version(s, version)
        draft.current_version = number
        draft.updated_at = now
        s.add(draft)
        if account is not None:
            self._check_and_route(s, now, draft, account, version)

    @staticmethod
    def _hash(text: str, account_id: str, c: VersionContent) -> str:
        return content_hash(text=text, account_id=account_id, scheduled_at=c.scheduled_at,
                            alt_texts=[storable(a) for a in c.alt_texts], video_count=c.video_count, files=c.files)

    def _assess(self, s: Session, now: datetime, draft: DraftRow, account: Account, version: DraftVersionRow,
                recent_texts: Sequence[str]) -> _Assessment:
        """Check a version and decide what follows (nothing is written here)."""
        if draft.category == "template" and recent_texts and template_repo.matching(
                s, version.text, account.id, self.approvers_for(account, author=draft.author_id)) is not None:
            # A registered 定型文 is meant to be posted again and again (開庁時間, 休館日): its earlier
            # uses are not the spam the duplicate rule is about (茅野市 4(8)).
            same = template_repo.normalize(version.text)
            recent_texts = [t for t in recent_texts if template_repo.normalize(t) != same]
        findings = rule_engine.check(version.text, self._context(now, draft, account, version, recent_texts))
        blocking = rule_engine.is_blocking(findings)
        exemption = None if blocking else self._exemption(s, draft, account, version.text)
        if blocking:
            event = DraftEvent.CHECKED_BLOCKING
        elif exemption is not None:
            event = DraftEvent.CHECKED_EXEMPT
        else:
            event = DraftEvent.CHECKED_CLEAN
        return _Assessment(findings=findings, blocking=blocking, exemption=exemption,
                           state=next_state(draft.state, event))

    def _check_and_route(self, s: Session, now: datetime, draft: DraftRow, account: Account,
                         version: DraftVersionRow, *, assessed: _Assessment | None = None,
                         reads: IntakeReads | None = None, first: bool = False) -> None:
        """``first``: the version was written in this transaction, with its draft (no one was asked yet)."""
        if assessed is None:
            recent = draft_repo.recent_texts(s, account.id, now - DUPLICATE_WINDOW, list(DUPLICATE_STATES), draft.id,
                                             self._duplicate_filter(version))
            assessed = self._assess(s, now, draft, account, version, recent)
        findings, blocking, exemption = assessed.findings, assessed.blocking, assessed.exemption
        if first:
            # Nobody was asked about a version written in this transaction, unless _route asks now:
            # the App Home refresh need not read it back (nor write the findings first to read it).
            s.info.setdefault(ASKED_KEY, {})[(draft.id, version.number)] = []
        draft_repo.add_findings(s, version.id or 0, [
            {"code": f.code, "severity": f.severity, "message": f.message, "start": f.start, "end": f.end,
             "excerpt": storable(f.excerpt), "clause": f.clause, "suggestion": f.suggestion} for f in findings])
        # A new draft was written already checked: nothing to change, and an untouched row keeps
        # the session clean, so the flushes before the next inserts have nothing to look at.
        # (A reason given for an older version does not carry over.)
        changes = {"state": assessed.state, "override_reason": None, "updated_at": now}
        if any(getattr(draft, k) != v for k, v in changes.items()):
            for k, v in changes.items():
                setattr(draft, k, v)
            s.add(draft)
        view = self._view(draft, account, version, findings)
        thread = self.thread_of(draft)
        self.notify.check_result(s, now, thread=thread, view=view, blocking=blocking)
        if blocking:
            return
        if exemption is not None:
            self._record_exemption(s, now, draft, account, version, view, exemption)
            return
        if draft.category in EXEMPT_CATEGORIES:
            self.notify.thread_notice(s, now, thread=thread, text=(
                f"区分は「{render.CATEGORY_JA[draft.category]}」ですが、このアカウントの決裁者が登録した定型文"
                "（下書きの作成者自身が登録したものを除きます）と一致しないため、決裁省略にはせず通常どおり"
                "決裁を依頼します（`/kessai template list` で定型文と使われるアカウントを確認できます）。"))
        self._route(s, now, draft, account, view, reads=reads, first=first)

    def approvers_for(self, account: Account, *, author: str) -> list[str]:
        # The author never decides on their own draft, so they are not asked to.
        return [a for a in account.approvers if a != author]

    def _context(self, now: datetime, draft: DraftRow, account: Account, version: DraftVersionRow,
                 recent_texts: Sequence[str]) -> CheckContext:
        return CheckContext(
            platform=account.platform, now=self.local(now), category=draft.category,
            scheduled_at=self.local(version.scheduled_at) if version.scheduled_at else None,
            image_count=version.image_count, alt_texts=tuple(version.alt_texts), video_count=version.video_count,
            portrait_consent=version.portrait_consent,
            hashtags_allowed=tuple(account.hashtags), recent_texts=tuple(recent_texts),
            custom_emoji=tuple(version.custom_emoji or ()),
            policy=self.org.rule_policy(str(self.tz)), overrides=self.org.rule_overrides(),
        )

    def _view(self, draft: DraftRow, account: Account, version: DraftVersionRow,
              findings: list[Finding] | list[FindingRow]) -> DraftView:
        fs = [f if isinstance(f, Finding) else _finding(f) for f in findings]
        return DraftView(
            id=draft.id or 0, version=version.number, account_name=account.name, platform=account.platform,
            author_id=draft.author_id, author_name=self.name_of(draft.author_id), text=version.text,
            scheduled_at=self.local(version.scheduled_at) if version.scheduled_at else None,
            findings=fs, override_reason=draft.override_reason,
            approver_names=[self.name_of(a) for a in self.approvers_for(account, author=draft.author_id)],
            category=draft.category, image_count=version.image_count, alt_texts=tuple(version.alt_texts),
            video_count=version.video_count, portrait_consent=version.portrait_consent, note=version.note,
            files=from_stored(version.files), source=draft.source, content_hash=version.content_hash,
            slack_mentions=render.slack_mentions(version.text, [m.name for m in self.org.members]),
            unnamed_channels=render.unnamed_channels(version.text),
        )

    def load_view(self, s: Session, draft: DraftRow, number: int | None = None) -> DraftView:
        account = self._account(draft)
        v = draft_repo.version(s, draft.id or 0, number or draft.current_version)
        if v is None:
            raise errors.UnknownDraft()
        return self._view(draft, account, v, draft_repo.findings(s, v.id or 0))

    def _account(self, draft: DraftRow) -> Account:
        if draft.account_id is None:
            raise errors.KessaiError("この下書きはまだアカウントが選ばれていません。スレッドでアカウントを選んでください。")
        account = self.org.account(draft.account_id)
        if account is None:
            raise errors.KessaiError("この下書きのアカウントは組織設定から削除されています。システム管理者（IT 担当）にご相談ください。")
        return account

    # -- several accounts in one channel ------------------------------------------------------
    def choose_account(self, draft_id: int, account_id: str, actor: str) -> Outcome:
        now = self.clock()
        with self.db.session() as s:
            draft = draft_repo.get(s, draft_id)
            if draft is None:
                raise errors.UnknownDraft()
            if actor != draft.author_id:
                raise errors.NotYourDraft("アカウントを選べるのは、この下書きの作成者だけです。")
            if draft.state == DraftState.WITHDRAWN:
                raise errors.AlreadyDecided("この下書きは、メッセージが削除されたため取り下げられています。"
                                            "投稿する場合は、改めて下書きを書き込んでください。")
            if draft.account_id is not None or draft.state != DraftState.CHECKING:
                raise errors.AlreadyDecided("この下書きのアカウントはすでに選ばれています。")
            account = self.org.account(account_id)
            if account is None or account.intake_channel != draft.channel or actor not in account.operators:
                raise errors.InvalidInput("このチャンネルであなたが運用しているアカウントから選んでください。")
            if not draft_repo.set_account(s, draft_id, account_id, now):
                raise errors.AlreadyDecided("この下書きのアカウントはすでに選ばれています。")
            s.refresh(draft)
            version = draft_repo.version(s, draft_id, draft.current_version)
            assert version is not None
            version.content_hash = self._hash(version.text, account.id, _content(version))
            s.add(version)
            self.notify.account_chosen(s, now, draft_id=draft_id, account_name=account.name,
                                       chooser=self.name_of(actor))
            self._check_and_route(s, now, draft, account, version)
            self._refresh_homes(s, now, self._concerned(s, draft))
            outcome = Outcome(draft.state, draft_id)
        self.after_commit()
        return outcome

    # -- 決裁省略 (和気町 5(4)) ---------------------------------------------------------------------
    def _exemption(self, s: Session, draft: DraftRow, account: Account, text: str) -> str | None:
        """The ledger reason when this clean draft may go out without prior approval, else None.
        It names no guideline's clause (as no message does): 「和気町 5(4)」 was recorded and shown as
        the ground of every organisation's 決裁省略, 上越市's included."""
        if draft.category not in EXEMPT_CATEGORIES:
            return None
        label = render.CATEGORY_JA[draft.category]
        if draft.category == "template":
            tpl = template_repo.matching(s, text, account.id, self.approvers_for(account, author=draft.author_id))
            if tpl is None:
                return None
            return (f"決裁省略: 区分「{label}」、"
                    f"定型文「{tpl.name}」（#{tpl.id}、登録: {self.name_of(tpl.created_by)}）と一致")
        return f"決裁省略: 区分「{label}」"

    def _record_exemption(self, s: Session, now: datetime, draft: DraftRow, account: Account,
                          version: DraftVersionRow, view: DraftView, reason: str) -> None:
        ledger_repo.append(s, draft_id=draft.id or 0, version_number=version.number, kind="exempt",
                           content_hash=version.content_hash, decider_id=draft.author_id, acting_for_id=None,
                           reason=reason, decided_at=self.local(now))
        self.notify.exempted(s, now, thread=self.thread_of(draft), view=view,
                             category_ja=render.CATEGORY_JA[draft.category],
                             approvers=self.approvers_for(account, author=draft.author_id))

    # -- routing, 代決 -------------------------------------------------------------------------
    def _route(self, s: Session, now: datetime, draft: DraftRow, account: Account, view: DraftView, *,
               reads: IntakeReads | None = None, first: bool = False) -> None:
        """Ask every approver; for an absent one, the deputies (代決). Every DM gets its request row."""
        approvers = self.approvers_for(account, author=draft.author_id)
        candidates = self.deputy_candidates(draft, account)
        people = [*approvers, *candidates]
        if reads is not None and reads.people.issuperset(people):
            absent = reads.away
        else:
            absent = away_repo.away_at(s, people, now)  # one query for both
        deputies = [d for d in candidates if d not in absent]
        asks: list[draft_repo.Ask] = []
        for a in approvers:
            if not (a in absent and deputies):
                asks.append(draft_repo.Ask(a, None, "normal"))
        for a in approvers:
            if a in absent and deputies:
                asks += [draft_repo.Ask(d, a, "away") for d in deputies]
        # A deputy standing in for two absent approvers is asked once, for the first.
        asks = list({ask.recipient_id: ask for ask in reversed(asks)}.values())[::-1]
        self._ask(s, now, view, asks, first=first)
        s.info.setdefault(ASKED_KEY, {})[(view.id, view.version)] = [a.recipient_id for a in asks]
        # A version is routed once, so the asks are exactly its requests (no need to read them back).
        self.notify.pending_status(s, now, thread=self.thread_of(draft), view=view, recipients=[
            render.recipient_label(self.name_of(a.recipient_id),
                                   self.name_of(a.acting_for_id) if a.acting_for_id else None) for a in asks])
        if absent.intersection(approvers) and not deputies:
            self.notify.thread_notice(s, now, thread=self.thread_of(draft), text=(
                f"決裁者が不在ですが、{self._why_no_deputy(draft, account)}ため、不在の決裁者にも依頼しました。"))
            if absent.issuperset(a.recipient_id for a in asks):
                # Nobody at work holds it, and the thread has just said so: the sweep's notice of the
                # same (``_nobody_at_work``) is this version's once, or the next sweep read
                # 「…さんが不在になりましたが」 of someone away all along.
                reminders_repo.claim(s, nobody_at_work_key(draft.id or 0, view.version), now)
        self._tell_short_notice(s, now, draft, view)

    def _tell_short_notice(self, s: Session, now: datetime, draft: DraftRow, view: DraftView) -> None:
        """Tell the author, in the thread, when less than DUE_SOON_LEAD of business time is left
        before the scheduled time: a draft sent on Saturday for Monday 09:00 gives the approvers
        half an hour at their desks, and it expired at 09:00 with its author told only then. Said
        once, as the version is routed; the approvers' own reminder is ``Sweeper._due_soon``."""
        if view.scheduled_at is None:
            return
        at = as_utc(view.scheduled_at)
        if at <= now:
            return  # schedule.past: not routed unless overridden, and expired by the next sweep
        cal = self.org.calendar(str(self.tz))
        left = cal.business_time_between(now, at)
        if left >= DUE_SOON_LEAD:
            return
        when = render.fmt_time(self.local(at))
        room = (f"決裁者の業務時間は残り{render.fmt_duration(left, day=cal.day_length)}しかありません"
                if left >= timedelta(minutes=1) else "決裁者の業務時間がありません")
        self.notify.thread_notice(s, now, thread=self.thread_of(draft), text=(
            f"<@{draft.author_id}> さん、第{view.version}版の投稿予定（{when}）までに、{room}。"
            "それまでに決裁されないと、この決裁依頼は期限切れになります。"
            "急ぎの場合は、決裁者に直接お知らせいただくか、投稿予定日時を見直して提出し直してください。"))

    @staticmethod
    def _why_no_deputy(draft: DraftRow, account: Account) -> str:
        """Why no deputy could stand in, for the thread: the author reads it, and an author who is
        the account's deputy would otherwise be told that no deputy is set."""
        named = [d for d in account.deputies if d not in account.approvers]
        if not named:
            return "代決者が設定されていない"
        if all(d == draft.author_id for d in named):
            return "代決者が下書きの作成者ご本人で、ご自身の下書きは代決できない"
        if draft.author_id in named:
            return "ほかの代決者も不在で、ご自身の下書きは代決できない"
        return "代決者も全員不在の"

    @staticmethod
    def deputy_candidates(draft: DraftRow, account: Account) -> list[str]:
        """Who may be asked to decide ``draft`` as a deputy (代決): the account's deputies other than
        its author and its own approvers, away or not."""
        return [d for d in account.deputies if d != draft.author_id and d not in account.approvers]

    def available_deputies(self, s: Session, at: datetime, draft: DraftRow, account: Account) -> list[str]:
        """The deputy candidates (``deputy_candidates``) not away at ``at``: who a hand-off then would ask."""
        candidates = self.deputy_candidates(draft, account)
        absent = away_repo.away_at(s, candidates, at)
        return [d for d in candidates if d not in absent]

    def _ask_deputies(self, s: Session, now: datetime, draft: DraftRow, account: Account, view: DraftView, *,
                      reason: str, acting_for: str | None) -> list[str]:
        deputies = self.available_deputies(s, now, draft, account)
        return self._ask(s, now, view, [draft_repo.Ask(d, acting_for, reason) for d in deputies])

    def _ask(self, s: Session, now: datetime, view: DraftView, asks: Sequence[draft_repo.Ask], *,
             first: bool = False) -> list[str]:
        """Record each request and DM its recipient; returns who was asked now (someone already
        asked for this version is not asked again). The row is what gives a deputy authority.
        ``first``: no one can have been asked for this version yet (see _check_and_route)."""
        add = draft_repo.add_first_requests if first else draft_repo.add_requests
        created = add(s, draft_id=view.id, version_number=view.version, asks=asks, now=now)
        if len(created) < len(asks):
            created |= draft_repo.reinstate_withdrawn(s, draft_id=view.id, version_number=view.version, now=now,
                                                      asks=[a for a in asks if a.recipient_id not in created])
        sent = [a for a in asks if a.recipient_id in created]
        for a in sent:
            self.notify.approval_dm(s, now, recipient=a.recipient_id, view=view,
                                    acting_for_name=self.name_of(a.acting_for_id) if a.acting_for_id else None)
        return [a.recipient_id for a in sent]

    def _acting_for_names(self, s: Session, draft_id: int, version: int) -> dict[str, str]:
        return {r.recipient_id: self.name_of(r.acting_for_id)
                for r in draft_repo.requests_for(s, draft_id, version) if r.acting_for_id}

    def send_to_deputies(self, s: Session, draft: DraftRow, now: datetime, *, reason: str,
                         acting_for: str | None = None, why: str | None = None) -> list[str]:
        """Ask the account's deputies to decide ``draft``'s current version (代決), inside ``s``.

        Writes an approval_requests row and a DM for each available deputy not yet asked for this
        version, and a notice in the thread; returns the deputies asked (empty if none, or if the
        draft is no longer pending). ``reason`` is ``"away"`` or ``"escalated"``; ``acting_for`` is
        the approver the deputy stands in for (default: the first absent approver for ``"away"``,
        else the first approver); ``why`` says in the thread why they were asked, if not for the
        reason's usual cause (「投稿予定が近い」). The caller commits, then calls ``self.after_commit()``.
        """
        if draft.state != DraftState.PENDING or draft.account_id is None:
            return []
        account = self._account(draft)
        approvers = self.approvers_for(account, author=draft.author_id)
        if acting_for is None and approvers:
            absent = away_repo.away_at(s, approvers, now) if reason == "away" else set()
            acting_for = next((a for a in approvers if a in absent), approvers[0])
        view = self.load_view(s, draft)
        sent = self._ask_deputies(s, now, draft, account, view, reason=reason, acting_for=acting_for)
        if sent:
            why = why or ("決裁者が不在の" if reason == "away" else "決裁が遅れている")
            names = "、".join(f"{render.escape(self.name_of(d))} さん" for d in sent)
            self.notify.thread_notice(s, now, thread=self.thread_of(draft), key=asked_key(view.id, view.version, sent),
                                      text=(f"{why}ため、代決者の {names}にも第{view.version}版の決裁を依頼しました"
                                            + (f"（{render.escape(self.name_of(acting_for))} さんの代決）。"
                                               if acting_for else "。")))
            self._refresh_homes(s, now, sent)
        return sent

    def ask_deputy_back(self, s: Session, now: datetime, deputy: str, away_from: datetime, until: datetime) -> int:
        """``deputy`` is back at work from the absence ``away_from``..``until``: the pending drafts
        whose escalation fell due in it (the thread was told 「代決者の…は不在のため、代決を依頼できませんでした」)
        are sent to the deputies now, as SPEC 4.3 has it, or they stay with the slow approvers for good.
        Only escalations claimed inside the absence: a deputy whose request was taken back on purpose
        (the approver returned) is not asked again. Called under the
        absence's claim (``deputy_back_key``) by the sweep, `/kessai away off` and a later absence.
        Returns how many drafts were sent to the deputies (0: nobody was asked)."""
        accounts = [a.id for a in self.org.accounts if deputy in a.deputies]
        waiting = {escalation_key(d.id or 0, d.current_version): d for d in draft_repo.pending_of_accounts(s, accounts)}
        asked = 0
        for key, at in reminders_repo.claimed_at(s, waiting).items():
            if not as_utc(away_from) <= at < as_utc(until):
                continue
            draft = draft_repo.get(s, waiting[key].id or 0, lock=True)
            if draft is None or draft.state != DraftState.PENDING or draft.current_version != waiting[key].current_version:
                continue
            if deputy in self.deputy_candidates(draft, self._account(draft)) and self.send_to_deputies(
                    s, draft, now, reason="escalated"):
                asked += 1
        return asked

    def _deputy_not_yet_back(self, s: Session, deputy: str, before: tuple[datetime, datetime] | None,
                             begins: datetime, now: datetime) -> bool:
        """Whether a deputy's absence from ``begins`` (today or earlier), registered at ``now``, also
        continues ``before``, one that is over by the calendar (``absence_continues`` says no) but
        whose return, today, the sweep has not handled yet (its ``deputy_back_key`` is unclaimed:
        typed in the minute after the opening, or kessai was down then). The deputy was never back at work as
        far as kessai acted: stored from ``begins`` instead, the escalations claimed in ``before``
        fell outside the absence the sweep later hands off, and the deputy was never asked for them."""
        if before is None or begins > now or as_utc(before[0]) > now:
            return False
        if not any(deputy in a.deputies for a in self.org.accounts):
            return False
        # Back only today: a claim the sweep never made (they became a deputy after that absence)
        # must not join a new absence to one that ended weeks ago.
        back = next_business_instant(self.org.calendar(str(self.tz)), as_utc(before[1]))
        if self.local(back).date() != self.local(now).date():
            return False
        return not reminders_repo.claimed(s, [deputy_back_key(deputy, as_utc(before[1]))])

    def _deputy_back_early(self, s: Session, now: datetime, deputy: str, absence: tuple[datetime, datetime]) -> str:
        """``deputy`` ends the absence stored (`/kessai away off`, or a later one overwriting it): the
        sweep finds a deputy's return by that record, so the hand-off of what fell due meanwhile is
        done here, under the same claim (else the draft stays with the slow approvers for good).
        Returns the sentence of the person's answer that says so (empty when nobody was asked):
        without it, the deputy asked by their own `/kessai away off` read only that the absence was
        cancelled, and then found requests they had not heard of."""
        away_from, until = as_utc(absence[0]), as_utc(absence[1])
        if away_from > now or not any(deputy in a.deputies for a in self.org.accounts):
            return ""
        if not reminders_repo.claim(s, deputy_back_key(deputy, until), now):
            return ""  # the sweep did it at their first business instant back
        cal = self.org.calendar(str(self.tz))
        morning = None if cal.is_business_instant(now) else next_business_instant(cal, now)
        if morning is not None:
            # The thread's notice and the DMs wait for the morning, as the sweep's hand-off would.
            outbox.hold_posts_until(s, morning)
        asked = self.ask_deputy_back(s, now, deputy, away_from, until)
        outbox.hold_posts_until(s, None)
        if not asked:
            return ""
        text = f"不在の間に代決の依頼の時期が来ていた決裁待ちの依頼 {asked} 件は、あなたに代決をお願いしました。"
        if morning is not None:
            text += f"依頼のメッセージは、次の始業時刻（{render.fmt_time(self.local(morning))}）にお送りします。"
        return text

    def ask_added_approvers(self, s: Session, draft: DraftRow, now: datetime) -> list[str]:
        """Ask the approvers of ``draft``'s account who hold no request for its current version
        (added to the organisation file after it was routed, and the bot restarted); returns them.

        Without this they would only ever get reminders pointing at a request they never received.
        One who is away now is left to the deputies, as when the draft was routed. A process still
        running an older organisation file (a rolling restart) asks nobody: whom its file lacks a
        request for may be whom the newer file dropped (``follow_roster`` retracted their request).
        """
        account = self.org.account(draft.account_id) if draft.account_id else None
        if account is not None and not self._file_is_recorded(
                account, roster_repo.account_roles(s, {account.id}).get(account.id, {})):
            return []
        sent = self._ask_added(s, draft, now)
        if sent:
            self._redraw_pending_status(s, now, draft)
        return sent

    def _ask_added(self, s: Session, draft: DraftRow, now: datetime) -> list[str]:
        if draft.state != DraftState.PENDING or draft.account_id is None:
            return []
        account = self._account(draft)
        held = {r.recipient_id for r in draft_repo.requests_for(s, draft.id or 0, draft.current_version)
                if r.reason not in draft_repo.RETRACTED}
        missing = [a for a in self.approvers_for(account, author=draft.author_id) if a not in held]
        absent = away_repo.away_at(s, missing, now) if missing else set()
        missing = [a for a in missing if a not in absent]
        if not missing:
            return []
        sent = self._ask(s, now, self.load_view(s, draft), [draft_repo.Ask(a, None, "normal") for a in missing])
        if sent:
            names = "、".join(f"{render.escape(self.name_of(a))} さん" for a in sent)
            self.notify.thread_notice(s, now, thread=self.thread_of(draft), text=(
                f"決裁者の設定が変わったため、{names}にも第{draft.current_version}版の決裁を依頼しました。"))
            self._refresh_homes(s, now, sent)
        return sent

    @staticmethod
    def _still_named(account: Account, draft_author: str, recipient: str, acting_for: str | None,
                     reason: str | None) -> bool:
        """Does the organisation file still name ``recipient`` as someone who may decide this
        request: an approver of the account, or for a 代決 request one of its deputies — and, for
        one standing in for an absent approver ("away"), is that person still an approver? 代決 is
        for an absent approver (SPEC 4.3): the deputy of one who has left the account decided
        「代決（上越 花子 さんの代理）」 while the approvers the file names were at their desks."""
        if recipient == draft_author:
            return False
        if recipient in account.approvers:
            return True
        return (acting_for is not None and recipient in account.deputies
                and (reason != "away" or acting_for in account.approvers))

    @staticmethod
    def _stands_for_removed(account: Account, acting_for: str | None, reason: str | None) -> bool:
        return reason == "away" and acting_for is not None and acting_for not in account.approvers

    @staticmethod
    def _escalation_for_departed(account: Account, recipient: str, acting_for: str | None, reason: str | None) -> bool:
        """A deputy asked because the approvers were slow ("escalated") still decides when the
        approver it was asked for has left the account — the draft still waits, and was late
        before — but no longer for them (``_repoint_escalations``)."""
        return (reason == "escalated" and acting_for is not None and acting_for not in account.approvers
                and recipient in account.deputies and recipient not in account.approvers)

    def _escalation_stands_for(self, account: Account, author: str) -> str | None:
        """Whom a deputy's escalated request stands in for now: the approver routing names for an
        escalation (``send_to_deputies``), the first who is not the author. When the author is the
        only approver the file names (no longer an operator), that approver: the deputy decides
        because they cannot."""
        return next(iter([*self.approvers_for(account, author=author), *account.approvers]), None)

    @staticmethod
    def _file_is_recorded(account: Account, recorded: dict[str, set[str]]) -> bool:
        """Does the database name the same approvers and deputies for ``account`` as this
        process's organisation file (storage.roster.sync writes it at every start)?"""
        return (recorded.get("approver", set()) == set(account.approvers)
                and recorded.get("deputy", set()) == set(account.deputies))

    def roster_drift(self, s: Session, now: datetime, *, ask: bool) -> list[int]:
        """Pending drafts whose requests no longer match the organisation file (it changed and the
        bot restarted): someone holds a request the file no longer entitles them to, or (``ask``)
        an approver who is not away holds none. Read only; ``follow_roster`` acts on each. Costs
        what has drifted, not what waits (``draft_repo.pending_requests``)."""
        holders: dict[int, tuple[draft_repo.PendingRequest, set[str]]] = {}
        drift: set[int] = set()
        agrees: dict[str, bool] = {}
        # Only the drafts the recorded roster already shows drifting (nearly always none): for an
        # account whose recorded roster is this file, which are the only ones acted on below,
        # that query and this loop agree on every draft.
        pending = draft_repo.pending_requests(s, ask=ask)
        recorded = roster_repo.account_roles(s, {r.account_id for r in pending if r.account_id})
        retired = roster_repo.retired_accounts(
            s, {r.account_id for r in pending if r.account_id and self.org.account(r.account_id) is None})
        for r in pending:
            account = self.org.account(r.account_id) if r.account_id else None
            if account is None:
                # An account removed from the file: nobody is left to decide its drafts, so a request
                # still held is retracted — once the database agrees (the process that started last
                # has the same file), as below.
                if r.recipient_id is not None and r.account_id in retired:
                    drift.add(r.draft_id)
                continue
            if (same := agrees.get(account.id)) is None:
                # Once per account, not per request: a big city's 3,000 waiting drafts have 9,000.
                same = agrees[account.id] = self._file_is_recorded(account, recorded.get(account.id, {}))
            if not same:
                # Another process started since with another file (a rolling restart): acting on
                # this one would undo what that one does, every minute, until this one restarts.
                continue
            holders.setdefault(r.draft_id, (r, set()))
            if r.recipient_id is None:
                continue
            holders[r.draft_id][1].add(r.recipient_id)
            if not self._still_named(account, r.author_id, r.recipient_id, r.acting_for_id, r.reason) \
                    or self._escalation_for_departed(account, r.recipient_id, r.acting_for_id, r.reason):
                drift.add(r.draft_id)
        if ask:
            missing: dict[int, list[str]] = {}
            for draft_id, (r, held) in holders.items():
                account = self.org.account(r.account_id or "")
                assert account is not None
                lacking = [a for a in account.approvers if a != r.author_id and a not in held]
                if lacking:
                    missing[draft_id] = lacking
            absent = away_repo.away_at(s, sorted({a for v in missing.values() for a in v}), now) if missing else set()
            drift.update(d for d, lacking in missing.items() if any(a not in absent for a in lacking))
            # Held by nobody, every approver away (the one who held it left the account, at night):
            # the deputies are asked for them, or with none at work the absent approvers
            # (``_ask_deputies_for_added_away``), so that someone holds it.
            drift.update(d for d in missing if not holders[d][1])
        return sorted(drift)

    def follow_roster(self, s: Session, draft: DraftRow, now: datetime, *,
                      ask: bool) -> tuple[list[str], list[str], list[str]]:
        """Bring the requests of pending ``draft`` in line with the organisation file as it reads
        now; returns who was asked (``ask``: approvers added to the file), whose request was
        retracted (no longer named approver, or deputy for a 代決 request), and which deputies'
        escalated requests now stand in for another approver (``_repoint_escalations``).

        A retracted request's DM loses its buttons and says plainly that nothing is needed from
        its recipient, and the thread's 「決裁待ち」 line names only those who hold a request.
        Idempotent: a retracted request is marked ``REMOVED`` in the same transaction as its
        messages, so the next sweep finds nothing to do. ``draft`` must be locked by the caller.
        """
        if draft.state != DraftState.PENDING or draft.account_id is None:
            return [], [], []
        account = self.org.account(draft.account_id)
        if account is None:
            return [], self._retract_for_removed_account(s, draft, now), []
        asked = self._ask_added(s, draft, now) if ask else []
        version = draft.current_version
        gone = [r for r in draft_repo.requests_for(s, draft.id or 0, version)
                if r.reason not in draft_repo.RETRACTED
                and not self._still_named(account, draft.author_id, r.recipient_id, r.acting_for_id, r.reason)]
        if gone:
            # Said before _retract marks the rows REMOVED, which hides why each was asked.
            notes = [self._no_longer_named_ja(account, r.recipient_id, r.acting_for_id, r.reason) for r in gone]
            names = self._retract(s, gone)
            view = self.load_view(s, draft, version)
            for r, note in zip(gone, notes, strict=True):
                self.notify.withdrawn(
                    s, now, view=view, recipient=r.recipient_id,
                    acting_for_name=self.name_of(r.acting_for_id) if r.acting_for_id else None, note=note)
            self.notify.thread_notice(s, now, thread=self.thread_of(draft), text=(
                f"決裁者の設定が変わったため、{names}への第{version}版の決裁依頼を取り消しました。"))
            self._refresh_homes(s, now, [r.recipient_id for r in gone])
        repointed = self._repoint_escalations(s, draft, account, now)
        if ask:
            asked += self._ask_deputies_for_added_away(s, draft, account, now)
        if asked or gone or repointed:
            self._redraw_pending_status(s, now, draft)
        log.info("draft %s follows the organisation file: asked %s, retracted %s, re-pointed %s", draft.id, asked,
                 [r.recipient_id for r in gone], repointed)
        return asked, [r.recipient_id for r in gone], repointed

    def _repoint_escalations(self, s: Session, draft: DraftRow, account: Account, now: datetime) -> list[str]:
        """Deputies asked because the approvers were slow ("escalated") for an approver the file
        no longer names: they still decide (the draft is as late as it was), but for the approver
        an escalation would name now, so that the ledger, their DM, their App Home and the thread
        name someone who is the account's approver. Returns the deputies whose request changed now
        (the row is changed in the same transaction, the draft locked: a second sweep or replica
        finds it standing for a current approver and does nothing). Their DM is redrawn in place,
        without a new notification: nothing more is asked of them than before."""
        version = draft.current_version
        stale = [r for r in draft_repo.requests_for(s, draft.id or 0, version)
                 if r.reason not in draft_repo.RETRACTED
                 and self._escalation_for_departed(account, r.recipient_id, r.acting_for_id, r.reason)]
        to = self._escalation_stands_for(account, draft.author_id)
        if not stale or to is None:
            return []
        changed = set(draft_repo.repoint_requests(s, [r.id for r in stale if r.id is not None], acting_for=to))
        moved = [(r.recipient_id, r.acting_for_id or "") for r in stale if r.id in changed]
        for r in stale:
            s.expire(r)  # updated in the database, not through these objects
        if not moved:
            return []
        view = self.load_view(s, draft, version)
        new_name = self.name_of(to)
        for deputy, _ in moved:
            self.notify.acting_for_changed(s, now, view=view, recipient=deputy, acting_for_name=new_name)
        name = render.escape(account.name)
        for was in dict.fromkeys(w for _, w in moved):
            deputies = "、".join(f"{render.escape(self.name_of(d))} さん" for d, w in moved if w == was)
            self.notify.thread_notice(s, now, thread=self.thread_of(draft), text=(
                f"組織設定が変更され、{render.escape(self.name_of(was))} さんは現在「{name}」の決裁者ではないため、"
                f"代決者の {deputies}への第{version}版の決裁依頼を {render.escape(new_name)} さんの代決に改めました。"))
        self._refresh_homes(s, now, [d for d, _ in moved])
        return [d for d, _ in moved]

    def _no_longer_named_ja(self, account: Account, recipient: str, acting_for: str | None, reason: str | None) -> str:
        """Why a request the organisation file no longer backs needs nothing from ``recipient``."""
        name = render.escape(account.name)
        if recipient in account.deputies and acting_for is not None and self._stands_for_removed(account, acting_for, reason):
            return (f"組織設定が変更され、{render.escape(self.name_of(acting_for))} さんは現在「{name}」の決裁者ではないため、"
                    "代わりに決裁（代決）することはできません。この依頼への対応は不要です。")
        role = "代決者" if acting_for else "決裁者"
        return f"組織設定が変更され、あなたは現在「{name}」の{role}として登録されていません。この依頼への対応は不要です。"

    def _ask_deputies_for_added_away(self, s: Session, draft: DraftRow, account: Account, now: datetime) -> list[str]:
        """When nobody holds ``draft`` any more (the approver who held it left the account) and the
        approvers the file names instead are away, ask the deputies for them, as routing does
        (``_route``): else the draft waited a business day, held by nobody, for the escalation."""
        live = [r for r in draft_repo.requests_for(s, draft.id or 0, draft.current_version)
                if r.reason not in draft_repo.RETRACTED]
        if live:
            return []
        approvers = self.approvers_for(account, author=draft.author_id)
        absent = away_repo.away_at(s, approvers, now) if approvers else set()
        first_absent = next((a for a in approvers if a in absent), None)
        if first_absent is None:
            return []
        sent = self.send_to_deputies(s, draft, now, reason="away", acting_for=first_absent)
        if sent:
            return sent
        # No deputy at work either: the absent approvers are asked, as routing does with everyone
        # away (``_route``). Else the draft was held by nobody — no DM, an empty 「決裁待ち」 — till
        # one of them came back, its deputy's request for the one who left having been retracted.
        version = draft.current_version
        asked = self._ask(s, now, self.load_view(s, draft, version), [draft_repo.Ask(a, None, "normal") for a in approvers])
        if asked:
            names = "、".join(f"{render.escape(self.name_of(a))} さん" for a in asked)
            self.notify.thread_notice(s, now, thread=self.thread_of(draft), text=(
                f"決裁者が不在ですが、{self._why_no_deputy(draft, account)}ため、不在の決裁者の {names}に"
                f"第{version}版の決裁を依頼しました。{names}が戻られるまで決裁されません。"
                "急ぎの場合は、決裁者に直接お知らせいただくか、投稿予定日時を見直してください。"))
            self._refresh_homes(s, now, asked)
            # The thread has just said so: the sweep's own notice of it (``_nobody_at_work``) is this version's once.
            reminders_repo.claim(s, nobody_at_work_key(draft.id or 0, version), now)
        return asked

    def follow_author_standing(self, s: Session, now: datetime, users: Sequence[str]) -> int:
        """The organisation file changed what ``users`` may do (``storage.roster.sync``): redraw the
        thread replies that offer the author of a draft waiting on them 「修正する」 or 「理由を付けて
        決裁依頼」 — without the buttons, saying why and whom to ask, for an author who no longer
        operates its account (a click would only be refused), and with them for one who does again.
        Returns how many drafts were redrawn (their newest AUTHOR_REDRAW_LIMIT; older buttons refuse)."""
        redrawn = 0
        for draft in draft_repo.waiting_on_authors(s, users, limit=AUTHOR_REDRAW_LIMIT):
            account = self.org.account(draft.account_id) if draft.account_id else None
            if account is None:
                continue  # an account removed from the file offers nothing (see _status_next_step)
            view = self.load_view(s, draft)
            decision = self._rejection(s, draft) if draft.state == DraftState.REJECTED else None
            if draft.state == DraftState.REJECTED and (decision is None or not view.revisable_by_form):
                continue  # a pasted draft's rejection has no button: it is fixed by editing the message
            stopped = None
            if draft.author_id not in account.operators:
                doing = "修正や理由を付けた決裁依頼" if draft.state == DraftState.NEEDS_FIX else "修正"
                stopped = (f"作成者の {render.escape(self.name_of(draft.author_id))} さんは現在「{render.escape(account.name)}」"
                           f"の運用担当者として登録されていないため、この下書きの{doing}はできません。"
                           + self._ask_operators(account))
            self.notify.author_standing_changed(s, now, view=view, state=draft.state, decision=decision,
                                                author_id=draft.author_id, stopped=stopped)
            redrawn += 1
        if redrawn:
            log.info("redrew the buttons of %d draft(s) whose authors' standing the organisation file changed", redrawn)
        return redrawn

    def _rejection(self, s: Session, draft: DraftRow) -> DecisionView | None:
        """How the current version of rejected ``draft`` was rejected, as the ledger has it."""
        entries = [e for e in ledger_repo.entries_for_draft(s, draft.id or 0)
                   if e.kind == "rejected" and e.version_number == draft.current_version]
        if not entries:
            return None
        e = entries[-1]
        return DecisionView(kind="rejected", decider_name=self.name_of(e.decider_id),
                            decided_at=datetime.fromisoformat(e.decided_at), reason=e.reason,
                            acting_for_name=self.name_of(e.acting_for_id) if e.acting_for_id else None)

    def _retract(self, s: Session, gone: Sequence[ApprovalRequestRow]) -> str:
        """Mark requests the organisation file no longer backs ``REMOVED`` (kept, so a click on
        their DM explains itself); returns their holders as a notice names them."""
        draft_repo.withdraw_requests(s, [r.id for r in gone if r.id is not None], reason=draft_repo.REMOVED)
        for r in gone:
            s.expire(r)  # updated in the database, not through these objects: read them again
        return "、".join(f"{render.escape(self.name_of(r.recipient_id))} さん" for r in gone)

    def _retract_for_removed_account(self, s: Session, draft: DraftRow, now: datetime) -> list[str]:
        """Pending ``draft``'s account was removed from the organisation file: nobody may decide
        it any more (a click is refused), so every request still held is retracted (``REMOVED``)
        and its DM redrawn without buttons, saying that kessai no longer manages the account; the
        thread says the same. Returns whose request was retracted.

        The draft itself stays 決裁待ち and nothing is written to the ledger: no one decided, and
        inventing a decision (差戻し, 期限切れ) would misstate the record. If the account is put back
        in the file, the sweep asks its approvers again (``follow_roster``). Nothing is done while
        the database still lists the account (another process started later with a file that has
        it: a rolling restart)."""
        row = roster_repo.retired_accounts(s, [draft.account_id or ""]).get(draft.account_id or "")
        version = draft.current_version
        gone = [r for r in draft_repo.requests_for(s, draft.id or 0, version) if r.reason not in draft_repo.RETRACTED]
        if row is None or not gone:
            return []
        names = self._retract(s, gone)
        # The file no longer describes the account; the database keeps what it last said of it.
        account = Account(id=row.id, platform=row.platform, name=row.name, url=row.url, org=row.org_id,
                          intake_channel=row.intake_channel)
        v = draft_repo.version(s, draft.id or 0, version)
        assert v is not None
        view = self._view(draft, account, v, draft_repo.findings(s, v.id or 0))
        name = render.escape(row.name)
        self.notify.voided(s, now, view=view, acting_for=self._acting_for_names(s, draft.id or 0, version), note=(
            f"組織設定から「{name}」が削除され、このアカウントは kessai で管理されなくなりました。"
            "この依頼への対応は不要です。"))
        self.notify.thread_notice(s, now, thread=self.thread_of(draft), text=(
            f"組織設定から「{name}」が削除されたため、{names}への第{version}版の決裁依頼を取り消しました。"
            "この下書きは決裁されないまま残ります（決裁は記録されていません）。"
            "投稿が必要な場合は、システム管理者（IT 担当）にご相談ください。"))
        self._refresh_homes(s, now, [draft.author_id, *(r.recipient_id for r in gone)])
        log.info("draft %s: account %s is no longer in the organisation file; retracted %s", draft.id,
                 draft.account_id, [r.recipient_id for r in gone])
        return [r.recipient_id for r in gone]

    def _redraw_pending_status(self, s: Session, now: datetime, draft: DraftRow) -> None:
        """The thread's 「決裁待ち」 line, naming who holds a request for the current version now."""
        version = draft.current_version
        holding = [r for r in draft_repo.requests_for(s, draft.id or 0, version) if r.reason not in draft_repo.RETRACTED]
        self.notify.pending_status_redrawn(s, now, view=self.load_view(s, draft, version), recipients=[
            render.recipient_label(self.name_of(r.recipient_id), self.name_of(r.acting_for_id) if r.acting_for_id else None)
            for r in holding])

    def reroute_absent(self, s: Session, now: datetime) -> int:
        """Send pending requests of approvers who are absent now to the deputies (idempotent).

        ``set_away`` does this at once for an absence that has begun; the sweep can call this for
        absences that begin later. Returns how many deputy requests were written.
        """
        count = 0
        for draft, held in draft_repo.pending_of_absent(s, now):
            count += len(self._hand_on(s, draft, now, held))
        return count

    def _hand_on(self, s: Session, draft: DraftRow, now: datetime, held: ApprovalRequestRow) -> list[str]:
        """The holder of ``held`` is away: the deputies not yet asked are asked in their stead. A
        deputy's own request stands in for an approver: the other deputies are asked for that
        approver, as it was asked. Asked "for" the deputy, the ledger named as the approver someone
        who could never have decided the draft."""
        if held.acting_for_id is not None and held.reason in ("away", "escalated"):
            # The thread says why: the deputy's absence, not the wait that once made it an escalation.
            sent = self.send_to_deputies(s, draft, now, reason=held.reason, acting_for=held.acting_for_id,
                                         why=f"代決者の {render.escape(self.name_of(held.recipient_id))} さんが不在の")
        else:
            sent = self.send_to_deputies(s, draft, now, reason="away", acting_for=held.recipient_id)
        if not sent:
            self._nobody_at_work(s, draft, now, held)
        return sent

    def _nobody_at_work(self, s: Session, draft: DraftRow, now: datetime, held: ApprovalRequestRow) -> None:
        """The holder of ``held`` is away and no deputy is left to ask: when nobody at work holds
        the request any more, the approvers not holding it are asked though absent, as when a draft
        is routed with everyone away, and the thread says so once per version. The only deputy
        standing in going away too left the draft with nobody asked and nothing said."""
        if draft.state != DraftState.PENDING or draft.account_id is None:
            return
        version = draft.current_version
        rows = [r for r in draft_repo.requests_for(s, draft.id or 0, version) if r.reason not in draft_repo.RETRACTED]
        live = [r.recipient_id for r in rows]
        away = away_repo.away_at(s, live, now)
        if any(r not in away for r in live):
            return  # someone at work can decide it
        account = self._account(draft)
        to_ask = [a for a in self.approvers_for(account, author=draft.author_id) if a not in live]
        asked = self._ask(s, now, self.load_view(s, draft, version),
                          [draft_repo.Ask(a, None, "normal") for a in to_ask]) if to_ask else []
        if asked:
            self._redraw_pending_status(s, now, draft)
            self._refresh_homes(s, now, asked)
        if not reminders_repo.claim(s, nobody_at_work_key(draft.id or 0, version), now):
            return
        # Who became absent: the holder whose absence began last, not the first request of the
        # sweep's order (an approver away all along was named, and the one just gone away not).
        began = {r.recipient_id: as_utc(a[0]) for r in rows if (a := away_repo.absence(s, r.recipient_id))}
        gone = max(rows, key=lambda r: (began.get(r.recipient_id, as_utc(held.created_at)), r.id == held.id),
                   default=held)
        role = "代決者" if gone.acting_for_id else "決裁者"
        text = (f"{role}の {render.escape(self.name_of(gone.recipient_id))} さんが不在になりましたが、"
                f"{self._why_no_deputy(draft, account)}ため、")
        if asked:
            names = "、".join(f"{render.escape(self.name_of(a))} さん" for a in asked)
            text += f"不在の決裁者の {names}に第{version}版の決裁を依頼しました。"
        else:
            text += f"第{version}版の決裁をほかの方に依頼できませんでした。"
        holders = "、".join(f"{render.escape(self.name_of(a))} さん" for a in dict.fromkeys([*live, *asked]))
        text += (f"{holders}が戻られるまで決裁されません。急ぎの場合は、決裁者に直接お知らせいただくか、"
                 "投稿予定日時を見直してください。")
        self.notify.thread_notice(s, now, thread=self.thread_of(draft), text=text)

    # -- edits ----------------------------------------------------------------------------
    def receive_edit(self, *, channel: str, ts: str, user: str, text: str, event_key: str,
                     image_alts: tuple[str, ...] = (), video_count: int = 0, files: tuple[AttachedFile, ...] = (),
                     edited_ts: str | None = None, changed_ts: str | None = None, to_bot: bool = False,
                     typed_command: bool = False, custom_emoji: tuple[str, ...] = ()) -> Outcome:
        """The intake message of a draft was edited: its text, pictures and videos (``image_alts``
        and ``video_count``, as for ``IncomingMessage``: the edited message's files, all of them in
        ``files``) make the new version. ``edited_ts``: Slack's time of the last edit of the text
        (``edited.ts``); ``changed_ts``: that of this change (the event's ``ts``, which for an edit
        is its ``edited.ts``, and is new when a picture is deleted or a preview added), by which a
        late retry of an older change is told from a new one (``edited_ts`` when Slack gave none).
        ``to_bot``: the edited message begins with a mention of the bot;
        ``typed_command``: it reads as a /kessai command Slack did not run (see IncomingMessage)."""
        now = self.clock()
        # A time that does not read as Slack's is no time: stored, it made every later comparison
        # unreadable, and a retried older change (the preview of the text as first written) came
        # back as a new version.
        changed_ts = slack_time_or_none(changed_ts) or slack_time_or_none(edited_ts)
        with self.db.session() as s:
            draft = self._message_draft(s, now, channel, ts, event_key)
            outcome = draft if isinstance(draft, Outcome) else self._timed_edit(
                s, now, draft, user=user, text=text, image_alts=image_alts, video_count=video_count, files=files,
                changed_ts=changed_ts, custom_emoji=custom_emoji)
        if outcome.kind == "not_a_draft" and to_bot:
            return Outcome("to_bot")  # a question to the bot, edited: it was answered when posted
        if outcome.kind == "not_a_draft" and typed_command:
            return Outcome("typed_command")  # answered when posted; an edit is no draft either
        operator = any(user in a.operators for a in self.org.accounts_for_channel(channel))
        # Aged to this change (``changed_ts``), not to the last edit of the text: a picture deleted
        # today from a memo fixed a minute after it was posted months ago is a change of today.
        if outcome.kind == "not_a_draft" and operator and self._long_before(ts, changed_ts, now):
            return self._old_message_edited(channel=channel, ts=ts, user=user)
        if outcome.kind == "not_a_draft" and operator:
            # An operator's message in an intake channel is a draft, whichever event tells of it
            # first: its message event may come after this edit (a retry, out of order) carrying
            # the old text, and then finds the draft already made from the new one.
            made = self.receive_message(IncomingMessage(channel=channel, user=user, ts=ts, text=text,
                                                        event_key=f"{event_key}:as-new", image_alts=image_alts,
                                                        video_count=video_count, files=files,
                                                        changed_ts=changed_ts, custom_emoji=custom_emoji))
            if made.kind != "duplicate":
                return made
            # The message event (another worker, another replica) made the draft from the old text
            # between the two transactions: this edit is newer, and applies to it.
            with self.db.session() as s:
                made_meanwhile = draft_repo.by_message(s, channel, ts)
                if made_meanwhile is None:
                    return made
                outcome = self._timed_edit(s, now, made_meanwhile, user=user, text=text, image_alts=image_alts,
                                           video_count=video_count, files=files, changed_ts=changed_ts,
                                           custom_emoji=custom_emoji)
        self.after_commit()
        return outcome

    @staticmethod
    def _long_before(ts: str, changed_ts: str | None, now: datetime) -> bool:
        """Whether the message ``ts`` was posted EDIT_AS_NEW_MAX_AGE or more before its change (「7 日以上」, as the note says), by
        Slack's clock (``changed_ts``; the bot's ``now`` when the change does not say)."""
        try:
            posted = float(ts)
            changed = float(changed_ts) if changed_ts else now.timestamp()
        except ValueError:
            return False  # not Slack's ts: nothing tells the message's age
        return changed - posted >= EDIT_AS_NEW_MAX_AGE.total_seconds()

    def _old_message_edited(self, *, channel: str, ts: str, user: str) -> Outcome:
        """An operator edited a message of an intake channel posted long ago that never became a
        draft: it is not sent to the approvers, and the operator is told so once for that message
        (an edit made to fix a typo in an old remark needs no answer each time)."""
        log.info("edit of message %s in %s, posted over %s before, not taken as a new draft",
                 ts, channel, EDIT_AS_NEW_MAX_AGE)
        now = self.clock()
        with self.db.session() as s:
            if draft_repo.claim_event(s, f"old-message-edit:{channel}:{ts}", now):
                self.notify.ephemeral(s, now, channel=channel, user=user, text=OLD_MESSAGE_EDIT_JA)
        self.after_commit()
        return Outcome("old_message_edit")

    def _timed_edit(self, s: Session, now: datetime, draft: DraftRow, *, user: str, text: str,
                    image_alts: tuple[str, ...], video_count: int, files: tuple[AttachedFile, ...],
                    changed_ts: str | None, custom_emoji: tuple[str, ...] = ()) -> Outcome:
        """A change made at ``changed_ts`` (Slack's time) applied to ``draft``, unless a later one
        was. A change that leaves the text and files as the current version has them (a preview
        added after the edit) makes no version, but is as new: an older one retried after it is not."""
        if is_stale_edit(changed_ts, draft.edited_ts):
            log.info("ignored a change of draft %s made at %s: the change of %s is applied already",
                     draft.id, changed_ts, draft.edited_ts)
            return Outcome("stale_edit", draft.id)
        outcome = self._edit(s, now, draft, user=user, text=text, image_alts=image_alts, video_count=video_count,
                             files=files, custom_emoji=custom_emoji)
        if changed_ts is not None and outcome.kind != "withdrawn":
            draft.edited_ts = changed_ts
        return outcome

    def _edit(self, s: Session, now: datetime, draft: DraftRow, *, user: str, text: str,
              image_alts: tuple[str, ...], video_count: int, files: tuple[AttachedFile, ...],
              custom_emoji: tuple[str, ...] = ()) -> Outcome:
        current = draft_repo.version(s, draft.id or 0, draft.current_version)
        files = _storable_files(files)
        if current is not None and current.text == storable(text) and current.image_count == len(image_alts) \
                and list(current.alt_texts) == [storable(a) for a in image_alts] and current.video_count == video_count \
                and _same_files(current.files, files):
            # Link unfurls and attachments also arrive as message_changed with the same text.
            return Outcome("unchanged", draft.id)
        if draft.state == DraftState.WITHDRAWN:
            return Outcome("withdrawn", draft.id)  # its message is gone: a late edit event means nothing
        if draft.state == DraftState.PUBLISHED:
            self.notify.ephemeral(
                s, now, channel=draft.channel, user=user, thread_ts=draft.message_ts,
                text="この下書きは投稿済みのため、編集内容は決裁の対象になりません。"
                     "訂正が必要な場合は、訂正・お詫びの文面を新しい下書きとして投稿してください。",
            )
            return Outcome("published_edit_refused", draft.id)
        account = self.org.account(draft.account_id) if draft.account_id else None
        if account is not None and user not in account.operators:
            # The organisation file dropped the author since they wrote it: the edit is no new
            # version for the approvers, and what was asked or decided stays as it was.
            self.notify.ephemeral(
                s, now, channel=draft.channel, user=user, thread_ts=draft.message_ts,
                text=(f"あなたは現在「{render.escape(account.name)}」の運用担当者として登録されていないため、この編集は新しい版として"
                      f"受け付けませんでした（決裁の対象は第{draft.current_version}版の文面のままです）。"
                      + self._ask_operators(account)))
            return Outcome("not_operator", draft.id)
        # The files are the message's as much as its text: a picture or a PDF added, removed or
        # described anew is checked again and shown to the approver (and hashed) with it.
        content = VersionContent(text=text, image_count=len(image_alts), alt_texts=image_alts, video_count=video_count,
                                 files=files, custom_emoji=custom_emoji)
        if current is not None:
            content = replace(_content(current), text=text, image_count=len(image_alts), alt_texts=image_alts,
                              video_count=video_count, files=files, custom_emoji=custom_emoji)
        self._apply_edit(s, now, draft, content)
        self._refresh_homes(s, now, self._concerned(s, draft))
        return Outcome(draft.state, draft.id)

    def _void_version(self, s: Session, now: datetime, draft: DraftRow, old_state: DraftState, number: int, *,
                      ledger_reason: str, decided_note: str, pending_note: str) -> None:
        """Version ``number``'s open request, or its decision not yet acted on, no longer holds: a
        decision gets a void entry in the ledger, and every DM and the thread say so."""
        view = self.load_view(s, draft, number)
        if old_state in (DraftState.APPROVED, DraftState.EXEMPT):
            version = draft_repo.version(s, draft.id or 0, number)
            assert version is not None
            ledger_repo.append(s, draft_id=draft.id or 0, version_number=number, kind="void",
                               content_hash=version.content_hash, decider_id=draft.author_id, acting_for_id=None,
                               reason=ledger_reason, decided_at=self.local(now))
        note = decided_note if old_state in (DraftState.APPROVED, DraftState.EXEMPT) else pending_note
        self.notify.voided(s, now, view=view, note=note, acting_for=self._acting_for_names(s, draft.id or 0, number))

    def _message_draft(self, s: Session, now: datetime, channel: str, ts: str,
                       event_key: str) -> DraftRow | Outcome:
        """The draft of a Slack message, once per event (a retry is a duplicate); else the outcome."""
        if not draft_repo.claim_event(s, event_key, now):
            return Outcome("duplicate")
        draft = draft_repo.by_message(s, channel, ts)
        return Outcome("not_a_draft") if draft is None else draft

    def slack_access_lost(self, kind: str, revoked_bots: Sequence[str]) -> Outcome:
        """Slack says tokens of this app were revoked (``kind`` tokens_revoked, with the bot users
        whose tokens went, ``revoked_bots``) or the app was uninstalled. Without its token the bot
        neither hears nor says anything, and nothing in Slack can tell anyone: the log says it at
        ERROR (what monitoring watches) and /healthz turns 503 until the IT 担当 installs a new one.
        The outbox keeps every waiting message for then."""
        if kind == "tokens_revoked" and not revoked_bots:
            log.info("Slack reports tokens_revoked for user tokens only; the bot token is not affected")
            return Outcome("not_ours")
        if kind == "tokens_revoked" and self.bot_user_id and self.bot_user_id not in revoked_bots:
            log.info("Slack reports tokens_revoked for other bot users %s; this bot's token is not affected",
                     list(revoked_bots)[:5])
            return Outcome("not_ours")
        log.error("Slack reports %s: the bot token no longer works; reinstall the app or set the new token "
                  "(docs/operations.md, rotating the Slack tokens)", kind)
        self.on_access_lost(kind)  # this replica's /healthz, even should the database fail below
        with self.db.session() as s:  # every replica's, until one starts with a token that works
            draft_repo.record_access_lost(s, kind, self.clock())
        return Outcome("access_lost")

    def bot_joined(self, channel: str, event_key: str) -> Outcome:
        """The bot was invited into ``channel``. Into an intake channel: the form drafts whose post
        it refused are posted now, not at their next try (up to PARENT_RETRY later, as the author
        was told); and the channel is told that what was written before the invitation never
        reached kessai, and how to send it, since those operators are still waiting."""
        accounts = self.org.accounts_for_channel(channel)
        if not accounts:
            return Outcome("not_intake")
        now = self.clock()
        with self.db.session() as s:
            if not draft_repo.claim_event(s, event_key, now):
                return Outcome("duplicate")
            retried = outbox.retry_now(s, PARENT_REFUSED_PREFIX, now)
            self.notify.direct(s, now, user=channel, text=BOT_JOINED_JA.format(
                accounts="、".join(render.escape(a.name) for a in accounts)))
        self.after_commit()
        log.info("invited into intake channel %s; %d refused draft post(s) tried again now", channel, retried)
        return Outcome("joined")

    def intake_channel_archived(self, channel: str, by: str, event_key: str) -> Outcome:
        """Someone archived an intake channel (at the 年度替わり, say) while the organisation file
        still names it: nobody can write drafts there any more, the bot cannot answer in its
        threads, and /kessai draft's drafts for its accounts cannot be posted. The escalation
        channel is told now, rather than when the first message bounces. The escalation channel
        itself archived: its people are told in DMs (incident alerts would otherwise bounce)."""
        accounts = self.org.accounts_for_channel(channel)
        if not accounts and channel and channel == self.org.policy.escalation_channel:
            return self._escalation_channel_archived(channel, by, event_key)
        if not accounts:
            return Outcome("not_intake")
        now = self.clock()
        with self.db.session() as s:
            if not draft_repo.claim_event(s, event_key, now):
                return Outcome("duplicate")
            waiting = draft_repo.open_in_channel(s, channel)
            text = (f":warning: 受付チャンネル <#{channel}>（{'、'.join(render.escape(a.name) for a in accounts)}）が"
                    f"{render.escape(self.name_of(by))} さんによりアーカイブされました。このチャンネルには下書きを書き込めず、"
                    "kessai もスレッドに返信できません。")
            if waiting:
                text += f"このチャンネルで手続き中の下書き（{waiting} 件）の決裁は、DM でそのまま進みます。"
            text += ("引き続き使う場合は、アーカイブを解除してください。新しいチャンネルに移る場合は、"
                     "組織設定ファイルの intake_channel を変更して kessai を再起動してください。")
            if self.org.policy.escalation_channel:
                self.notify.direct(s, now, user=self.org.policy.escalation_channel, text=text)
                # The replies that bounce off the archived channel next say nothing more this hour.
                claim_channel_report(s, now, self.tz, channel, "is_archived")
        self.after_commit()
        log.error("intake channel %s was archived by %s; the organisation file still names it", channel, by)
        return Outcome("archived")

    def _escalation_channel_archived(self, channel: str, by: str, event_key: str) -> Outcome:
        from bot.incidents import escalation_people

        now = self.clock()
        with self.db.session() as s:
            if not draft_repo.claim_event(s, event_key, now):
                return Outcome("duplicate")
            for person in escalation_people(self.org):
                self.notify.direct(s, now, user=person, text=(
                    f":warning: エスカレーション先のチャンネル <#{channel}> が {render.escape(self.name_of(by))} さんにより"
                    "アーカイブされました。チャンネルが使えない間、インシデントの通知や催促は皆さまに DM でお送りします。"
                    "引き続き使う場合は、アーカイブを解除してください。新しいチャンネルに移る場合は、組織設定ファイルの"
                    " escalation_channel を変更して kessai を再起動してください。"))
        self.after_commit()
        log.error("escalation channel %s was archived by %s; the organisation file still names it", channel, by)
        return Outcome("archived")

    def events_rate_limited(self, minute: object) -> Outcome:
        """Slack stopped sending this app's events for a while (``app_rate_limited``; ``minute``: the
        epoch second of the minute it began). Drafts written meanwhile never reach the bot, and
        nobody would know: the escalation channel is told, once an hour however often Slack says so."""
        now = self.clock()
        try:
            since = datetime.fromtimestamp(float(minute), UTC) if isinstance(minute, int | float) else now  # type: ignore[arg-type]
        except (OverflowError, OSError, ValueError):
            since = now
        if abs(since - now) > timedelta(days=1):
            since = now  # not a minute Slack would name
        log.warning("Slack is rate-limiting the events sent to this app (since %s): messages written meanwhile "
                    "may never arrive", since.isoformat())
        channel = self.org.policy.escalation_channel
        with self.db.session() as s:
            if not draft_repo.claim_event(s, f"app_rate_limited:{self.local(since):%Y%m%d%H}", now):
                return Outcome("duplicate")
            if channel:
                self.notify.direct(s, now, user=channel, text=RATE_LIMITED_JA.format(start=f"{self.local(since):%H:%M}"))
        self.after_commit()
        return Outcome("rate_limited")

    def receive_thread_reply(self, *, channel: str, thread_ts: str, user: str, text: str, event_key: str,
                             media: int = 0, snippets: int = 0) -> Outcome:
        """A reply in the thread of a draft made in the channel. Staff who were told to fix a draft
        sometimes post the fixed text there, and then wait for a check that never comes: when the
        draft's author replies with what reads as the draft written again, they are told (only them)
        to edit the original message instead. Any other reply is conversation and is left alone.

        ``media``: pictures and videos attached to the reply. The author adding the post's photo
        in the thread (「写真はこちらです」) believed it went with the draft; the approver never sees
        it and neither the 肖像権 nor the alt-text check reads it, so they are told how to send it.

        ``snippets``: text snippets attached to the reply, the draft written again as a file kessai cannot read."""
        decision_like = reads_as_decision(text)
        if (len(text.strip()) < _REVISION_MIN_CHARS and not media and not snippets and not decision_like) \
                or not self.org.accounts_for_channel(channel):
            return Outcome("conversation")
        now = self.clock()
        with self.db.session() as s:
            outcome = self._thread_reply(s, now, channel=channel, thread_ts=thread_ts, user=user, text=text,
                                         event_key=event_key, media=media, snippets=snippets,
                                         decision_like=decision_like)
        if outcome.kind in _TOLD_IN_THREAD:
            self.after_commit()  # after the session's commit: the note is in the outbox by now
        return outcome

    def _thread_reply(self, s: Session, now: datetime, *, channel: str, thread_ts: str, user: str, text: str,
                      event_key: str, media: int, snippets: int, decision_like: bool) -> Outcome:
        draft = draft_repo.by_message(s, channel, thread_ts, lock=False) or self._form_draft_at(s, channel, thread_ts)
        if draft is None:
            return Outcome("conversation")
        if decision_like and draft.author_id != user and draft.state == DraftState.PENDING \
                and self._holds_request(s, draft, user):
            return self._decision_in_thread(s, now, draft, channel=channel, thread_ts=thread_ts, user=user)
        if draft.author_id != user or not can(DraftState(draft.state), DraftEvent.EDIT):
            return Outcome("conversation")
        if (media or snippets) and draft.state in _MEDIA_NOTE_STATES:
            if not draft_repo.claim_event(s, event_key, now):
                return Outcome("duplicate")
            kind, in_channel, in_form = (("media_in_thread", MEDIA_IN_THREAD_JA, MEDIA_IN_FORM_THREAD_JA) if media
                                         else ("snippet_in_thread", SNIPPET_IN_THREAD_JA, SNIPPET_IN_FORM_THREAD_JA))
            hint = in_channel if draft.source == "channel" else in_form
            self.notify.ephemeral(s, now, channel=channel, user=user, text=hint, thread_ts=thread_ts)
            return Outcome(kind, draft.id)
        current = draft_repo.version(s, draft.id or 0, draft.current_version)
        if current is None or not reads_as_revision(text, current.text):
            return Outcome("conversation")
        if not draft_repo.claim_event(s, event_key, now):
            return Outcome("duplicate")
        hint = REVISION_IN_THREAD_JA if draft.source == "channel" else REVISION_IN_FORM_THREAD_JA
        self.notify.ephemeral(s, now, channel=channel, user=user, text=hint, thread_ts=thread_ts)
        return Outcome("revision_in_thread", draft.id)

    @staticmethod
    def _holds_request(s: Session, draft: DraftRow, user: str) -> bool:
        """Whether ``user`` is asked to decide ``draft``'s current version now."""
        return any(r.recipient_id == user and r.reason not in draft_repo.RETRACTED
                   for r in draft_repo.requests_for(s, draft.id or 0, draft.current_version))

    def _decision_in_thread(self, s: Session, now: datetime, draft: DraftRow, *, channel: str, thread_ts: str,
                            user: str) -> Outcome:
        """An approver wrote 「承認します」 in the thread instead of pressing the button: nothing is
        recorded, the author takes it for the 決裁, and only the reminders would tell them otherwise.
        Said to them once a version (a second 「OKです」 needs no second note)."""
        if draft_repo.claim_event(s, f"decision-in-thread:{draft.id}:v{draft.current_version}:{user}", now):
            self.notify.ephemeral(s, now, channel=channel, user=user, text=DECISION_IN_THREAD_JA, thread_ts=thread_ts)
            return Outcome("decision_in_thread", draft.id)
        return Outcome("conversation", draft.id)

    @staticmethod
    def _form_draft_at(s: Session, channel: str, ts: str) -> DraftRow | None:
        """The /kessai draft draft whose thread parent (the bot's post) is at (channel, ts)."""
        for key in outbox.message_keys_at(s, channel, ts):
            if (draft_id := draft_of_root(key)) is not None:
                return draft_repo.get(s, draft_id)
        return None

    def receive_deletion(self, *, channel: str, ts: str, event_key: str, may_be_draft: bool = True) -> Outcome:
        """The intake message of a draft was deleted: the author has taken it back (取り下げ).

        A request still waiting is cancelled and a decision not yet acted on is void, as for an
        edit, so nobody approves what its author withdrew. A published draft stays as it was: the
        post is out on the SNS whatever happens to the Slack message.

        A message of an intake channel without a draft yet (``may_be_draft``: not a thread reply
        or a bot's message) is remembered as deleted: Slack may deliver its message event after
        this one, or retry it, and that event must not make a draft of it.
        """
        now = self.clock()
        with self.db.session() as s:
            if not draft_repo.claim_event(s, event_key, now):
                return Outcome("duplicate")
            remember = may_be_draft and bool(self.org.accounts_for_channel(channel))
            if remember:
                draft_repo.lock_message(s, channel, ts)
            draft = draft_repo.by_message(s, channel, ts)
            if draft is None:
                if not remember:
                    from bot.incidents import is_alert_key
                    if any(is_alert_key(k) for k in outbox.message_keys_at(s, channel, ts)):
                        # An incident's alert: Slack takes a reply under a deleted message and
                        # shows it to nobody, so the notes still to come go to the channel itself.
                        draft_repo.remember_deletion(s, channel, ts, now)
                        log.warning("the incident alert %s in %s was deleted in Slack: its notes go to the "
                                    "channel from now on", ts, channel)
                        return Outcome("incident_alert_deleted")
                    return Outcome("not_a_draft")
                draft_repo.remember_deletion(s, channel, ts, now)
                log.info("message %s in %s deleted before it was taken as a draft: remembered", ts, channel)
                return Outcome("deleted_before_intake")
            old_state = DraftState(draft.state)
            if not can(old_state, DraftEvent.WITHDRAW):
                return Outcome(old_state, draft.id)
            number = draft.current_version
            if not draft_repo.compare_and_set_state(s, draft.id or 0, expected_state=old_state, expected_version=number,
                                                    new_state=next_state(old_state, DraftEvent.WITHDRAW), now=now):
                return Outcome("changed", draft.id)
            if old_state in VOIDED_BY_EDIT and draft.account_id is not None:
                self._void_version(
                    s, now, draft, old_state, number,
                    ledger_reason=f"下書きのメッセージが削除（取り下げ）されたため、第{number}版の決裁は無効になりました。",
                    decided_note=f"下書きのメッセージが削除されたため、第{number}版は取り下げられ、承認は無効になりました。",
                    pending_note=f"下書きのメッセージが削除されたため、第{number}版は取り下げられ、決裁依頼は取り消されました。")
            if draft.account_id is None:
                self.notify.account_question_closed(s, now, draft_id=draft.id or 0)  # its menu would still answer
            s.refresh(draft)
            self._refresh_homes(s, now, self._concerned(s, draft))
        self.after_commit()
        return Outcome(DraftState.WITHDRAWN, draft.id)

    def _apply_edit(self, s: Session, now: datetime, draft: DraftRow, content: VersionContent) -> None:
        old_state = DraftState(draft.state)
        old_number = draft.current_version
        if draft.account_id is None:
            # Still waiting for the account choice: keep the newest text, check it once chosen.
            self._new_version(s, now, draft, None, content, number=old_number + 1)
            return
        account = self._account(draft)
        if old_state in VOIDED_BY_EDIT:
            self._void_version(
                s, now, draft, old_state, old_number,
                ledger_reason=f"第{old_number + 1}版への編集により、第{old_number}版の決裁は無効になりました。",
                decided_note=f"作成者が下書きを編集したため、第{old_number}版への承認は無効になりました。"
                             "新しい版で改めて決裁が必要です。",
                pending_note=f"作成者が下書きを編集したため、第{old_number}版の決裁依頼は取り消されました。")
        draft.state = next_state(old_state, DraftEvent.EDIT)
        self._new_version(s, now, draft, account, content, number=old_number + 1)

    # -- revision (「修正する」: drafts made with /kessai draft, whose message the bot wrote) ------------
    def _check_still_operator(self, draft: DraftRow, actor: str, doing: str) -> Account:
        """The author of ``draft`` must still operate its account to send it on (``doing``: what
        they tried, 「修正」): the organisation file may have dropped them since they wrote it.
        Decisions on what was already routed are the approvers' and go on regardless."""
        account = self._account(draft)
        if actor in account.operators:
            return account
        raise errors.NotYourDraft(
            f"あなたは現在「{render.escape(account.name)}」の運用担当者として登録されていないため、"
            f"この下書きの{doing}はできません。" + self._ask_operators(account))

    def _ask_operators(self, account: Account) -> str:
        """Whom someone who no longer operates ``account`` should turn to (mrkdwn, names escaped, as
        every refusal: ``handlers.payloads.refuse_form`` unescapes it for a form's error)."""
        others = [o for o in account.operators if self.org.member(o) is not None]
        if not others:
            return "投稿が必要な場合は、システム管理者（IT 担当）にご相談ください。"
        return ("投稿が必要な場合は、運用担当者の " + "、".join(f"{render.escape(self.name_of(o))} さん" for o in others)
                + "に依頼してください（登録が必要な場合は、システム管理者（IT 担当）にご相談ください）。")

    def _authorize_revise(self, draft: DraftRow, version: int, actor: str) -> Account:
        if actor != draft.author_id:
            raise errors.NotYourDraft("下書きを修正できるのは、この下書きの作成者だけです。")
        if draft.account_id is not None:
            self._check_still_operator(draft, actor, "修正")
        if draft.current_version != version:
            raise errors.StaleVersion("この表示は古い版のものです。最新の版のメッセージから修正してください。")
        if draft.source == "channel":
            raise errors.InvalidInput("チャンネルに書き込んだ下書きは、元のメッセージを編集して修正してください。")
        if not can(DraftState(draft.state), DraftEvent.EDIT):
            raise errors.AlreadyDecided(f"この下書きは現在「{state_ja(draft.state)}」のため、修正できません。")
        return self._account(draft)

    def check_can_revise(self, draft_id: int, version: int, actor: str, *,
                         shown_hash: str | None = None) -> tuple[DraftView, Account]:
        with self.db.session() as s:
            draft = self._draft_as_shown(s, draft_id, version, shown_hash)
            account = self._authorize_revise(draft, version, actor)
            return self.load_view(s, draft, version), account

    def submission_recorded(self, submission: str | None) -> bool:
        """Whether this form (``claim_submission``) already recorded what it was sent for: a
        revision form sent again finds its draft one version on, which its checks refuse."""
        if submission is None:
            return False
        with self.db.session() as s:
            return draft_repo.event_claimed(s, submission)

    def revise(self, draft_id: int, version: int, actor: str, form: DraftForm, *,
               shown_hash: str | None = None, submission: str | None = None) -> Outcome:
        """A corrected version of a draft, from the form its author filled in again: as an edit of
        a pasted draft, it is checked anew and an open request or decision on the old one is void.
        ``shown_hash``: see ``_draft_as_shown``; ``submission``: the form's identity (see
        ``claim_submission``), a second press of the same form making no second version."""
        now = self.clock()
        with self.db.session() as s:
            if not self.claim_submission(s, submission, now):
                return Outcome("duplicate", draft_id)
            draft = self._draft_as_shown(s, draft_id, version, shown_hash, lock=True)
            account = self._authorize_revise(draft, version, actor)
            if form.account_id != account.id:
                raise errors.InvalidInput("修正ではアカウントを変えられません。別のアカウントの下書きは新しく提出してください。")
            draft.category = form.category
            content = VersionContent(text=form.text, scheduled_at=form.scheduled_at, alt_texts=form.alt_texts,
                                     image_count=form.image_count, portrait_consent=form.portrait_consent,
                                     note=form.note)
            self._apply_edit(s, now, draft, content)
            # The bot's message in the channel shows the draft: it shows the corrected one now.
            self.notify.draft_root_revised(s, now, draft_id=draft_id,
                                           msg=render.draft_root(self._preview(draft, account, content), draft.source))
            outcome = Outcome(draft.state, draft.id)
            self._refresh_homes(s, now, self._concerned(s, draft))
        self.after_commit()
        log.info("draft %s revised to v%s by %s", draft_id, version + 1, actor)
        return outcome

    @staticmethod
    def claim_submission(s: Session, submission: str | None, now: datetime) -> bool:
        """False when this form (``submission``, from handlers.payloads.submission_key) was done
        already: Slack keeps a modal open when our answer is late, and the person presses 送信 again.
        That second press must close the form quietly, not refuse what the first one did (「現在
        「決裁待ち」のため…できません」 reads as a failure). Claimed in the caller's transaction, so a
        refused or failed first press claims nothing."""
        return submission is None or draft_repo.claim_event(s, submission, now)

    # -- override (理由を付けて決裁依頼) ------------------------------------------------------------
    def _authorize_override(self, draft: DraftRow, version: int, actor: str) -> None:
        if actor != draft.author_id:
            raise errors.NotYourDraft("理由を付けて決裁を依頼できるのは、この下書きの作成者だけです。")
        if draft.account_id is not None:
            self._check_still_operator(draft, actor, "理由を付けた決裁依頼")
        if draft.current_version != version:
            raise errors.StaleVersion("この表示は古い版のものです。最新の版の確認結果から操作してください。")
        if draft.state != DraftState.NEEDS_FIX:
            raise errors.AlreadyDecided(
                f"この下書きは現在「{state_ja(draft.state)}」のため、理由を付けた決裁依頼はできません。")

    def _refuse_override_past_due(self, s: Session, draft_id: int, version: int, now: datetime) -> None:
        """A version whose scheduled time has come cannot be approved (``_refuse_past_due``) and the
        sweep expires it at once: sent on with a reason — typically 「今すぐ」, the current minute,
        which the form accepts and schedule.past flags — it buzzed the approvers for a request
        nobody could grant, and the author learnt it only from the expiry. Said before anything is sent.
        Likewise a version due within MIN_OVERRIDE_LEAD: routed at 10:00 for 10:01, it expired before
        the approver had read the reason."""
        v = draft_repo.version(s, draft_id, version)
        if v is None or v.scheduled_at is None:
            return
        when = render.fmt_time(self.local(as_utc(v.scheduled_at)))
        if as_utc(v.scheduled_at) <= now:
            raise errors.InvalidInput(
                f"投稿予定時刻（{when}）をすでに過ぎているため、このまま決裁を依頼しても承認できません"
                "（決裁者が押す前に期限切れになります）。お手数ですが、「修正する」から投稿予定日時を見直して"
                "提出し直してください。すぐに投稿する場合は、投稿予定日時を空欄にして提出してください。")
        if as_utc(v.scheduled_at) < now + MIN_OVERRIDE_LEAD:
            lead = render.fmt_duration(MIN_OVERRIDE_LEAD)
            raise errors.InvalidInput(
                f"投稿予定時刻（{when}）まで{lead}を切っているため、決裁者が確認結果と理由を読んで判断する前に"
                "期限切れになるおそれがあり、理由を付けた決裁依頼はできません。お手数ですが、「修正する」から"
                f"投稿予定日時を{lead}以上先に見直して提出し直してください。すぐに投稿する場合は、投稿予定日時を"
                "空欄にして提出してください（承認され次第、投稿できます）。")

    def check_can_override(self, draft_id: int, version: int, actor: str, *,
                           shown_hash: str | None = None) -> DraftView:
        with self.db.session() as s:
            draft = self._draft_as_shown(s, draft_id, version, shown_hash)
            self._authorize_override(draft, version, actor)
            self._refuse_override_past_due(s, draft_id, version, self.clock())
            return self.load_view(s, draft, version)

    def override(self, draft_id: int, version: int, actor: str, reason: str, *,
                 submission: str | None = None, shown_hash: str | None = None) -> Outcome:
        """``submission``: the form's identity (see ``claim_submission``); ``shown_hash``: see
        ``_draft_as_shown``."""
        reason = storable(reason.strip())
        if render.visible_length(reason) < MIN_OVERRIDE_REASON or not render.says_something(reason):
            # 「🙏🙏🙏🙏🙏」 counted five characters: the approver read it as the reason for an error.
            raise errors.InvalidInput(f"理由を{MIN_OVERRIDE_REASON}文字以上で具体的に書いてください（絵文字や記号だけでは理由になりません）。")
        now = self.clock()
        with self.db.session() as s:
            if not self.claim_submission(s, submission, now):
                return Outcome("duplicate", draft_id)
            draft = self._draft_as_shown(s, draft_id, version, shown_hash)
            self._authorize_override(draft, version, actor)
            self._refuse_override_past_due(s, draft_id, version, now)
            new_state = next_state(draft.state, DraftEvent.OVERRIDE)
            if not draft_repo.compare_and_set_state(s, draft_id, expected_state=DraftState.NEEDS_FIX,
                                                    expected_version=version, new_state=new_state, now=now):
                raise errors.AlreadyDecided("この下書きはすでに決裁を依頼済みか、編集されています。")
            s.refresh(draft)
            draft.override_reason = reason
            s.add(draft)
            account = self._account(draft)
            v = draft_repo.version(s, draft_id, version)
            assert v is not None
            view = self.load_view(s, draft, version)
            codes = "、".join(sorted({f.code for f in view.findings if f.severity == "error"}))
            # The override is itself on the record: who sent an erroneous draft on, and why.
            ledger_repo.append(s, draft_id=draft_id, version_number=version, kind="override",
                               content_hash=v.content_hash, decider_id=actor, acting_for_id=None,
                               reason=f"エラー（{codes}）があるまま決裁を依頼。理由: {reason}",
                               decided_at=self.local(now))
            self.notify.overridden(s, now, thread=self.thread_of(draft), actor_name=self.name_of(actor),
                                   version=version, reason=reason)
            self._route(s, now, draft, account, view)
            self._refresh_homes(s, now, self._concerned(s, draft))
        self.after_commit()
        return Outcome(DraftState.PENDING, draft_id)

    # -- decisions ------------------------------------------------------------------------
    def decider_role(self, s: Session, draft: DraftRow, version: int, actor: str) -> DeciderRole:
        """Who ``actor`` is for this decision, or the refusal that applies.

        A listed approver decides in their own name. Anyone else needs an approval_requests row for
        exactly this version naming them as a deputy (代決) — the row is written when they are asked.
        """
        account = self._account(draft)
        member = self.org.member(actor)
        if draft.author_id == actor:
            raise errors.OwnDraft()
        acting_for: str | None = None
        withdrawn_for: str | None = None
        returned: str | None = None  # _BACK, _OVER or None: see _back_at_work
        if member is None:
            raise errors.NotAnApprover()
        if actor not in account.approvers:
            req = draft_repo.request_for(s, draft.id or 0, version, actor)
            if req is not None and req.reason in ("away", draft_repo.REMOVED) and actor in account.deputies \
                    and self._stands_for_removed(account, req.acting_for_id, "away"):
                # The approver it stood in for left the account: clicked before the sweep retracts
                # the request, or after, from a DM not yet redrawn.
                raise errors.NotAnApprover(self._no_longer_named_ja(account, actor, req.acting_for_id, "away"))
            if req is not None and (req.reason == draft_repo.REMOVED or (
                    req.reason in ("away", "escalated") and req.acting_for_id and actor not in account.deputies)):
                # Asked before the organisation file dropped them; the sweep redraws the DM, and a
                # click that comes first is told the same.
                raise errors.NotAnApprover(
                    f"組織設定が変更され、あなたは現在「{render.escape(account.name)}」の"
                    f"{'代決者' if req.acting_for_id else '決裁者'}として登録されていないため、"
                    "この下書きを決裁できません。この依頼への対応は不要です。")
            if req is not None and req.reason == draft_repo.WITHDRAWN and req.acting_for_id:
                withdrawn_for = req.acting_for_id
            elif req is None or req.acting_for_id is None or req.reason not in ("away", "escalated"):
                if actor in account.deputies:
                    raise errors.NotAnApprover(
                        "あなたはこのアカウントの代決者ですが、この下書きの代決は依頼されていません。"
                        "決裁者の不在時や決裁が遅れたときに、代決の依頼が届きます。")
                raise errors.NotAnApprover()
            # An absence that has run out leaves the request with the deputy until the approver's
            # first business instant after it, when the sweep withdraws it in the transaction that
            # asks the approver (``take_back``): until then the approver is not at work, and the
            # deputy decides for them (refused at midnight, nobody could decide till the morning)
            # — unless an approver who is not away holds the request (``_back_at_work``).
            acting_for = req.acting_for_id
            if self._escalation_for_departed(account, actor, acting_for, req.reason):
                # Clicked before the sweep re-points the request (_repoint_escalations): recorded
                # for the approver it will stand in for, not for one the file no longer names.
                acting_for = self._escalation_stands_for(account, draft.author_id)
            if req.reason == "away" and acting_for in account.approvers:
                returned = self._back_at_work(s, draft, account, acting_for)
        if not self.org.rank_at_least(member.rank, self.org.policy.approver_min_rank):
            raise errors.NotAnApprover(
                f"決裁できるのは{self.org.policy.approver_min_rank}以上の職員です（あなたの職位: {member.rank}）。"
            )
        if draft.current_version != version:
            raise self._stale(s, draft)
        if draft.state != DraftState.PENDING:
            raise self._already_decided(s, draft)
        if withdrawn_for is not None:
            raise errors.NotAnApprover(
                f"{render.escape(self.name_of(withdrawn_for))} さんが不在から戻られたため、この下書きの代決の依頼は取り消されました。"
                "決裁はご本人が行います。")
        if returned == _BACK and acting_for is not None:
            # Between the approver's first business instant and the sweep that withdraws the
            # request (a minute, or longer after a restart): refused as the withdrawn request will
            # be, not decided as 代決 for an approver at their desk. ``decide`` gives the requests
            # back on catching this, and asks again.
            raise errors.ApproverBack(acting_for,
                f"{render.escape(self.name_of(acting_for))} さんが不在から戻られたため、この下書きはご本人が決裁します。"
                "代決の依頼はまもなく取り消され、ご本人に決裁の依頼が届きます。")
        if returned == _OVER and acting_for is not None:
            raise errors.NotAnApprover(self._absence_over_refusal(s, draft, account, acting_for))
        return DeciderRole(account, acting_for)

    def _absence_over_refusal(self, s: Session, draft: DraftRow, account: Account, approver: str) -> str:
        """Why a deputy may not decide for ``approver`` after their absence ran out (_OVER), naming
        who decides instead and what becomes of the deputy's request at the approver's first
        business instant (``take_back``: withdrawn, or kept as an escalation if the draft has
        waited that long by then): 「不在でない決裁者」 left the deputy to guess whom to ask."""
        now = self.clock()
        cal = self.org.calendar(str(self.tz))
        name = render.escape(self.name_of(approver))
        holders = "、".join(f"{render.escape(self.name_of(a))} さん" for a in self._present_holders(s, draft, account, now))
        absence = away_repo.absence(s, approver)
        morning = next_business_instant(cal, as_utc(absence[1]) if absence is not None else now)
        scheduled_at = self.load_view(s, draft, draft.current_version).scheduled_at
        given_back = draft_repo.given_back_at(s, [draft.id or 0]).get(draft.id or 0)
        when = render.fmt_time(self.local(morning))
        if deputies_due(cal, self.org.policy, draft.updated_at, scheduled_at, morning, given_back=given_back):
            after = (f"{when}（{name} さんの始業時刻）までに決裁されない場合は、その時点から"
                     "この依頼で代決していただけます。")
        else:
            after = f"この代決の依頼は、{when}（{name} さんの始業時刻）に取り消されます。"
        return (f"{name} さんの不在期間は終わっています。この下書きは不在ではない {holders}が決裁できるため、"
                f"代決はできません。{after}")

    def _back_at_work(self, s: Session, draft: DraftRow, account: Account, approver: str) -> str | None:
        """Whether a deputy may no longer decide for ``approver`` (SPEC 4.3: 代決 while the approver
        is absent), with the draft not yet waiting long enough for the deputies to keep it
        (``take_back``): _BACK once their first business instant after the absence has come;
        _OVER when the absence has run out (the night or weekend before that) and an approver who
        is not away holds the request (the returning one asked before the absence, another), so
        refusing does not leave the draft with nobody, unless the post is due before that first
        business instant; else None."""
        absence = away_repo.absence(s, approver)
        if absence is None:
            return None  # cleared by `/kessai away off`, which takes the requests back itself
        now = self.clock()
        if as_utc(absence[1]) > now:
            return None  # still away: nothing more to read
        cal = self.org.calendar(str(self.tz))
        back = absence_over(cal, absence[1], now)
        scheduled_at = self.load_view(s, draft, draft.current_version).scheduled_at
        if not back and (not self._present_holder(s, draft, account, now) or (
                scheduled_at is not None and scheduled_at <= next_business_instant(cal, as_utc(absence[1])))):
            # Nobody else holds it, or its post is due before anyone is at work (an absence to
            # Friday and a post on Saturday): refused, the deputy left it to expire unless someone
            # happened to decide out of hours, with no reminder to prompt them.
            return None
        given_back = draft_repo.given_back_at(s, [draft.id or 0]).get(draft.id or 0)
        if back:
            return _BACK if back_at_work(cal, self.org.policy, absence[1], draft.updated_at, scheduled_at, now,
                                         given_back=given_back) else None
        return None if deputies_due(cal, self.org.policy, draft.updated_at, scheduled_at, now,
                                    given_back=given_back) else _OVER

    def give_back_now(self, approver: str) -> None:
        """The give-back at the end of ``approver``'s absence (``take_back``), done for a deputy's
        click that comes before the sweep does it (after a restart, up to a minute otherwise): the
        approver is asked now, the deputy's request withdrawn. Claimed as the sweep claims it
        (``absence_ended_key``): whichever comes first does it, and on PostgreSQL the other waits
        for it to commit and then does nothing."""
        now = self.clock()
        cal = self.org.calendar(str(self.tz))
        with self.db.session() as s:
            absence = away_repo.absence(s, approver)
            if absence is None or not absence_over(cal, absence[1], now):
                return
            if not reminders_repo.claim(s, absence_ended_key(approver, absence[1]), now):
                return  # given back (or being given back) by a sweep, on this replica or another
            if not cal.is_business_instant(now):
                # (Kessai down all day after the absence: the sweep's messages wait for the morning too.)
                outbox.hold_posts_until(s, next_business_instant(cal, now))
            taken = self.take_back(s, now, approver)
        self.after_commit()
        log.info("absence of %s ended; given back at a deputy's click (%s)", approver, taken)

    def _giving_back(self, attempt: Callable[[], _T]) -> _T:
        """``attempt()``, once more after the give-back (``give_back_now``) when it was refused for an
        approver back at work: the deputy is then told their request was withdrawn."""
        try:
            return attempt()
        except errors.ApproverBack as back:
            self.give_back_now(back.approver)
        return attempt()

    def authorize_decider(self, s: Session, draft: DraftRow, version: int, actor: str) -> Account:
        """Raise the refusal that applies to ``actor`` deciding ``draft`` at ``version``."""
        return self.decider_role(s, draft, version, actor).account

    def _stale(self, s: Session, draft: DraftRow) -> errors.KessaiError:
        """A button of an older version. 「最新の依頼から決裁してください」 only when the newest one
        still waits: else the person would look for a request that is already settled."""
        if draft.state == DraftState.PENDING:
            return errors.StaleVersion()
        return errors.StaleVersion(f"この決裁依頼は古い版に対するものです。下書きは編集され、最新の第{draft.current_version}版は"
                                   + self._why_settled(s, draft))

    def _already_decided(self, s: Session, draft: DraftRow) -> errors.KessaiError:
        return errors.AlreadyDecided("この下書きは" + self._why_settled(s, draft))

    def _why_settled(self, s: Session, draft: DraftRow) -> str:
        """Why the draft's current version can no longer be decided, as the end of a sentence about
        it (「この下書きは」「最新の第2版は」…)."""
        # The current version's own decision: an earlier version's, voided by the edit, would be
        # credited to a newest version that was 決裁省略 and then posted.
        entries = [e for e in ledger_repo.entries_for_draft(s, draft.id or 0)
                   if e.kind in ("approved", "rejected") and e.version_number == draft.current_version]
        if entries and draft.state in (DraftState.APPROVED, DraftState.REJECTED, DraftState.PUBLISHED):
            e = entries[-1]
            # 「差戻ししています」 is not Japanese; the thread says 「差し戻しました」.
            done = {"approved": "承認しています", "rejected": "差し戻しています"}[e.kind]
            return f" {render.escape(self.name_of(e.decider_id))} さんがすでに{done}。"
        return f"現在「{state_ja(draft.state)}」のため、決裁できません。"

    def _draft_as_shown(self, s: Session, draft_id: int, version: int, shown_hash: str | None, *,
                        lock: bool = False) -> DraftRow:
        """The draft a button or form acts on (``lock``: see ``draft_repo.get``). Refuse to act on
        content other than what it was sent with (``shown_hash``: the prefix it carries,
        ``render.version_ref``; None for buttons sent before they did)."""
        draft = draft_repo.get(s, draft_id, lock=lock)
        if draft is None:
            raise errors.UnknownDraft()
        if not shown_hash:
            return draft
        v = draft_repo.version(s, draft_id, version)
        if v is None or not v.content_hash.startswith(shown_hash):
            log.warning("a button for draft %s v%s was sent for other content (%s…) than is stored "
                        "(%s…); refused. Was the database restored from a backup?", draft_id, version, shown_hash,
                        v.content_hash[:len(shown_hash)] if v else "no such version")
            raise errors.ContentMismatch()
        return draft

    def _refuse_past_due(self, s: Session, draft_id: int, version: int, now: datetime) -> None:
        """A pending version whose scheduled time has come is 期限切れ from that minute (the sweep's
        ``pending_scheduled_before``), whether or not the sweep has run yet: a click in the minute
        before it does must not approve a post that is already late. Nothing is changed here; the
        sweep records the expiry and tells everyone."""
        v = draft_repo.version(s, draft_id, version)
        if v is not None and v.scheduled_at is not None and as_utc(v.scheduled_at) <= now:
            when = render.fmt_time(self.local(as_utc(v.scheduled_at)))
            raise errors.AlreadyDecided(
                f"投稿予定時刻（{when}）を過ぎたため、この決裁依頼は期限切れになり、決裁できません。"
                "投稿する場合は、作成者が投稿予定日時を見直して改めて提出します。")

    def check_can_decide(self, draft_id: int, version: int, actor: str, *,
                         shown_hash: str | None = None) -> DraftView:
        return self._giving_back(lambda: self._check_can_decide(draft_id, version, actor, shown_hash=shown_hash))

    def _check_can_decide(self, draft_id: int, version: int, actor: str, *,
                          shown_hash: str | None = None) -> DraftView:
        with self.db.session() as s:
            draft = self._draft_as_shown(s, draft_id, version, shown_hash)
            self.decider_role(s, draft, version, actor)
            self._refuse_past_due(s, draft_id, version, self.clock())
            return self.load_view(s, draft, version)

    def decide(self, draft_id: int, version: int, actor: str, *, approve: bool, reason: str | None = None,
               submission: str | None = None, shown_hash: str | None = None) -> Outcome:
        """``submission``: the rejection form's identity (see ``claim_submission``); ``shown_hash``: the
        prefix of the content hash the button was sent with (see ``_draft_as_shown``)."""
        return self._giving_back(lambda: self._decide(draft_id, version, actor, approve=approve, reason=reason,
                                                      submission=submission, shown_hash=shown_hash))

    def _decide(self, draft_id: int, version: int, actor: str, *, approve: bool, reason: str | None,
                submission: str | None, shown_hash: str | None) -> Outcome:
        reason = (reason or "").strip() or None
        if not approve and not render.visible_length(reason or ""):
            raise errors.InvalidInput("差戻しの理由を入力してください。")
        if not approve and not render.says_something(reason or ""):
            # The author must learn what to fix: 「🙅」 alone was recorded in the ledger as the reason.
            raise errors.InvalidInput("差戻しの理由は、作成者が何を直せばよいか分かるように言葉で入力してください"
                                      "（絵文字や記号だけでは理由になりません）。よくある理由から選ぶこともできます。")
        now = self.clock()
        with self.db.session() as s:
            if not self.claim_submission(s, submission, now):
                return Outcome("duplicate", draft_id)
            draft = self._draft_as_shown(s, draft_id, version, shown_hash, lock=True)
            role = self.decider_role(s, draft, version, actor)
            self._refuse_past_due(s, draft_id, version, now)
            event = DraftEvent.APPROVE if approve else DraftEvent.REJECT
            new_state = next_state(draft.state, event)
            if not draft_repo.compare_and_set_state(s, draft_id, expected_state=DraftState.PENDING,
                                                    expected_version=version, new_state=new_state, now=now):
                s.rollback()
                fresh = draft_repo.get(s, draft_id)
                assert fresh is not None
                s.refresh(fresh)
                if fresh.current_version != version:
                    raise self._stale(s, fresh)
                raise self._already_decided(s, fresh)
            s.refresh(draft)
            v = draft_repo.version(s, draft_id, version)
            assert v is not None
            kind = "approved" if approve else "rejected"
            decided_at = self.local(now)
            ledger_repo.append(s, draft_id=draft_id, version_number=version, kind=kind,
                               content_hash=v.content_hash, decider_id=actor, acting_for_id=role.acting_for,
                               reason=storable(reason) if reason else None, decided_at=decided_at)
            view = self.load_view(s, draft, version)
            decision = DecisionView(kind=kind, decider_name=self.name_of(actor), decided_at=decided_at, reason=reason,
                                    acting_for_name=self.name_of(role.acting_for) if role.acting_for else None)
            acting_names = self._acting_for_names(s, draft_id, version)
            if role.acting_for:
                acting_names[actor] = self.name_of(role.acting_for)  # as the ledger has it (see decider_role)
            self.notify.decided(s, now, thread=self.thread_of(draft), view=view, decision=decision,
                                author_id=draft.author_id, acting_for=acting_names)
            self._refresh_homes(s, now, self._concerned(s, draft))
        self.after_commit()
        log.info("draft %s v%s %s by %s%s", draft_id, version, kind, actor,
                 f" for {role.acting_for}" if role.acting_for else "")
        return Outcome(kind, draft_id)

    # -- expiry ---------------------------------------------------------------------------
    def expire(self, s: Session, draft: DraftRow, now: datetime) -> bool:
        """A pending draft whose scheduled time has passed becomes 期限切れ, visibly, inside ``s``.

        Records it in the ledger, updates every DM (no buttons), tells the thread and the author.
        False when the draft is no longer pending (decided or edited meanwhile). The caller decides
        *when* (the sweep), commits, then calls ``self.after_commit()``.
        """
        version = draft.current_version
        new_state = next_state(DraftState.PENDING, DraftEvent.EXPIRE)
        if not draft_repo.compare_and_set_state(s, draft.id or 0, expected_state=DraftState.PENDING,
                                                expected_version=version, new_state=new_state, now=now):
            return False
        s.refresh(draft)
        v = draft_repo.version(s, draft.id or 0, version)
        assert v is not None
        view = self.load_view(s, draft, version)
        when = render.fmt_time(view.scheduled_at)
        ledger_repo.append(s, draft_id=draft.id or 0, version_number=version, kind="expired",
                           content_hash=v.content_hash, decider_id=SYSTEM_ID, acting_for_id=None,
                           reason=f"投稿予定時刻（{when}）までに決裁されなかったため期限切れ",
                           decided_at=self.local(now))
        note = (f"投稿予定時刻（{when}）までに決裁されなかったため、第{version}版の決裁依頼は期限切れになりました。"
                "投稿する場合は、投稿予定日時を見直して改めて提出してください。")
        self.notify.expired(s, now, thread=self.thread_of(draft), view=view, note=note, author_id=draft.author_id,
                            acting_for=self._acting_for_names(s, draft.id or 0, version))
        self._refresh_homes(s, now, self._concerned(s, draft))
        return True

    # -- publication ----------------------------------------------------------------------
    def _authorize_publish(self, draft: DraftRow, version: int, actor: str) -> Account:
        """Who may record that the approved version was posted: the account's operators, and its
        author even when the organisation file has since dropped them from the operators. Unlike
        「修正する」 and 「理由を付けて決裁依頼」 (``_check_still_operator``), which send something on in
        the account's name, this records a fact about a version already decided: the author is who
        posted it and whom the 投稿予定時刻 reminder asks, and refusing them would only leave a real
        post unrecorded and the month's count short. Nothing is decided by it."""
        account = self._account(draft)
        if actor != draft.author_id and actor not in account.operators:
            raise errors.NotYourDraft("投稿済みにできるのは、この下書きの作成者と、このアカウントの運用担当者だけです。")
        if draft.state == DraftState.PUBLISHED:
            raise errors.AlreadyDecided("この下書きはすでに投稿済みとして登録されています。")
        if draft.current_version != version:
            raise errors.StaleVersion("この表示は古い版のものです。最新の版が承認されてから投稿済みにしてください。")
        if draft.state not in (DraftState.APPROVED, DraftState.EXEMPT):
            raise errors.AlreadyDecided(
                f"この下書きは現在「{state_ja(draft.state)}」のため、投稿済みにできません（承認または決裁省略の後にできます）。")
        return account

    def check_can_publish(self, draft_id: int, version: int, actor: str, *,
                          shown_hash: str | None = None) -> tuple[DraftView, str]:
        with self.db.session() as s:
            draft = self._draft_as_shown(s, draft_id, version, shown_hash)
            account = self._authorize_publish(draft, version, actor)
            return self.load_view(s, draft, version), account.url

    def publish(self, draft_id: int, version: int, actor: str, *, url: str, at: datetime,
                submission: str | None = None, shown_hash: str | None = None) -> Outcome:
        """Record that the approved (or exempt) version went out at ``url``: it now counts for the month.
        ``submission``: the form's identity (see ``claim_submission``); ``shown_hash``: see
        ``_draft_as_shown``."""
        now = self.clock()
        url = clean_post_url(url)
        with self.db.session() as s:
            if not self.claim_submission(s, submission, now):
                return Outcome("duplicate", draft_id)
            draft = self._draft_as_shown(s, draft_id, version, shown_hash)
            account = self._authorize_publish(draft, version, actor)
            problem = check_post_url(account.platform, account.url, url)
            if problem:
                raise errors.InvalidInput(problem, field="url")
            if at > now + PUBLISH_CLOCK_SKEW:
                raise errors.InvalidInput("投稿した日時が未来になっています。実際に投稿した日時を指定してください。",
                                          field="when")
            if at < draft.created_at - PUBLISH_CLOCK_SKEW:
                raise errors.InvalidInput(
                    "投稿した日時が下書きの提出より前になっています。実際に投稿した日時を指定してください。", field="when")
            decided = [datetime.fromisoformat(e.decided_at) for e in ledger_repo.entries_for_draft(s, draft_id)
                       if e.version_number == version and e.kind in ("approved", "exempt")]
            if decided and at < decided[-1] - PUBLISH_CLOCK_SKEW:
                raise errors.InvalidInput(
                    f"投稿した日時が決裁（{render.fmt_time(self.local(decided[-1]))}）より前になっています。"
                    "日時を確かめてください。決裁の前に投稿してしまった場合は、運用管理責任者に報告してください。",
                    field="when")
            draft_repo.lock_publications(s)
            key = post_key_digest(url)
            same = [(i, a) for i, a, u in draft_repo.published_as(s, key) if i != draft_id and _same_post_read(u, url)]
            if same:
                other, other_account = same[0]
                known = self.org.account(other_account) if other_account else None
                where = "" if other_account == account.id else f"{known.name if known else 'ほかのアカウント'} の"
                raise errors.InvalidInput(
                    f"このURLの投稿は、すでに{where}下書き #{other} の投稿として登録されています。"
                    "この下書きを投稿した記事のURLを入力してください。", field="url")
            expected = DraftState(draft.state)
            if not draft_repo.mark_published(s, draft_id, expected_state=expected, expected_version=version,
                                             url=url, key=key, at=at, by=actor, now=now):
                raise errors.AlreadyDecided("この下書きは、ほかの操作で状態が変わりました。最新の状態を確認してください。")
            s.refresh(draft)
            view = self.load_view(s, draft, version)
            self.notify.published(s, now, thread=self.thread_of(draft), view=view, url=url, at=self.local(at),
                                  by_name=self.name_of(actor))
            report_correction(s, self.org, self.tz, account, at, now)
            self._refresh_homes(s, now, self._concerned(s, draft))
        self.after_commit()
        return Outcome(DraftState.PUBLISHED, draft_id)

    # -- absence (不在) ------------------------------------------------------------------------
    def away_command(self, actor: str, typed: str) -> str:
        """``/kessai away …`` as typed: a period, or off; the answer in Japanese."""
        words = unicodedata.normalize("NFKC", typed).split()
        if words and words[0].lower() in _AWAY_OFF:
            return self.clear_away(actor)  # a reason after 「off」 is the person's own note
        try:
            period = parse_date_range(typed, self.local(self.clock()).date())
        except (WeekdayMismatch, DateOutsideEra) as e:
            return f"{e}（何も登録していません）"
        if period is None and typed.strip():
            # Three or more pieces (a reason typed after the dates): say what was read, not that nothing was.
            shown = render.escape(render.clean_text(render.shortened(typed.strip(), 60)))
            return f"「{shown}」から不在期間を読み取れませんでした。開始日と終了日の2つだけを指定してください。" + AWAY_USAGE
        if period is None:
            return "不在期間を指定してください。" + AWAY_USAGE
        bad, start, end = period
        if start is not None and end is None and bad == "から":
            return "終了日も指定してください（例: `/kessai away 12/10から12/15まで`）。" + AWAY_USAGE
        if start is None or end is None:
            return f"「{render.escape(render.clean_text(bad[:40]))}」を日付として読み取れませんでした。" + AWAY_USAGE
        return self.set_away(actor, start, end)

    def set_away(self, actor: str, start: date, end: date) -> str:
        """Mark ``actor`` absent for the days ``start``..``end`` (JST, inclusive); answer in Japanese."""
        if not self.org.accounts_decided_by(actor):
            raise errors.InvalidInput("不在の登録は、アカウントの運用管理責任者（決裁者）または代決者が行うものです。")
        now = self.clock()
        today = self.local(now).date()
        if end < start:
            raise errors.InvalidInput("終了日が開始日より前になっています。`/kessai away 開始日 終了日` の順で指定してください。")
        if end < today:
            raise errors.InvalidInput("終了日が過去の日付です。これからの不在期間を指定してください。")
        if (end - start).days > MAX_AWAY_DAYS:
            raise errors.InvalidInput(f"不在期間は{MAX_AWAY_DAYS}日以内で指定してください。")
        begins = datetime.combine(start, time(0), self.tz)
        until = datetime.combine(end + timedelta(days=1), time(0), self.tz)
        cal = self.org.calendar(str(self.tz))
        with self.db.session() as s:
            before = away_repo.absence(s, actor)
            continues = absence_continues(cal, before, begins, now) or self._deputy_not_yet_back(
                s, actor, before, begins, now)
            stored_from = min(begins, as_utc(before[0])) if continues and before is not None else begins
            if not away_repo.set_away(s, actor, stored_from, until):
                # The file names them (accounts_decided_by above); the members table written from it does not yet.
                raise errors.InvalidInput("kessai の職員名簿にあなたがまだ登録されていないため、不在を登録できませんでした（何も登録していません）。"
                                          "続く場合は、システム管理者（IT 担当）にご相談ください。")
            moved = 0
            taken_back = TakenBack()
            deputy_back = ""
            if begins <= now:
                # Requests already waiting for this person now wait for the deputies too.
                for draft in draft_repo.pending_asked(s, actor):
                    held = draft_repo.request_for(s, draft.id or 0, draft.current_version, actor)
                    if held is None or held.reason in draft_repo.RETRACTED:
                        # Withdrawn (the approver is back) or removed: nothing of theirs to hand on.
                        # Read as their own, the other deputies were asked for them all the same.
                        continue
                    moved += len(self._hand_on(s, draft, now, held))
            elif before is not None and as_utc(before[0]) <= now and not continues:
                # The absence in effect is replaced by a later one: the person is back until then,
                # as after `/kessai away off`, so what the deputies hold for them comes back (else
                # the deputies keep buttons that refuse them, and nothing ends the absence). Also
                # one that has ended but that the sweep has not seen yet (kessai down overnight, or
                # the minute before it runs): the sweep finds an ended absence by ``away_until``,
                # which the new period overwrites, so nothing else would give the requests back.
                taken_back = self.take_back(s, now, actor)
                deputy_back = self._deputy_back_early(s, now, actor, before)
            self._refresh_homes(s, now, [actor])
        self.after_commit()
        approves = any(actor in a.approvers for a in self.org.accounts)
        first, unchanged, change = start, False, ""
        one_only = "不在は一人につき一つの期間だけ登録できます"
        if continues and before is not None:
            # What is stored now is named first, then how the absence in effect changed: naming
            # only the days typed (「11月25日を不在として登録しました。…11月24日から11月25日までに
            # 変更しました」) read as two contradicting answers.
            old_first = self.local(as_utc(before[0])).date()
            old_last = self.local(as_utc(before[1])).date() - timedelta(days=1)
            first = min(old_first, start)
            old_span = f"それまで登録されていた不在（{render.fmt_days(old_first, old_last)}）"
            moves = ([f"始まりを{render.fmt_date(first)}に早め"] if first < old_first else []) + (
                [f"終わりを{render.fmt_date(end)}に{'早め' if end < old_last else '延ばし'}"] if end != old_last else [])
            if (first, end) == (old_first, old_last):
                # Typed inside the absence in effect, to its last day: nothing to change.
                unchanged = (start, end) != (old_first, old_last)
                if unchanged:
                    # (No word on one absence a person: nothing was replaced or joined.)
                    change = f"入力された{render.fmt_days(start, end)}は、この期間に含まれるため、期間は変えていません。"
            elif end > old_last:
                how = "と重なる" if begins < as_utc(before[1]) else "と間をあけずに続く"
                change = f"{old_span}{how}ため、一つの不在にまとめて、{'、'.join(moves)}ました（{one_only}）。"
            else:
                # Ending no later than the old one: a shorter absence, neither following it nor
                # overlapping it as far as the person is concerned.
                why = (f"不在は一人につき一つの期間だけ登録できるため、入力された{render.fmt_days(start, end)}は、"
                       "この不在の続きとして扱いました" if start > first else one_only)
                change = f"{old_span}は、{'、'.join(moves)}ました（{why}）。"
        elif before is not None and as_utc(before[1]) > now and (as_utc(before[0]), as_utc(before[1])) != (begins, until):
            # One absence per person: say so, or someone entering a second period believes both stand.
            old_first = self.local(as_utc(before[0])).date()
            old_last = self.local(as_utc(before[1])).date() - timedelta(days=1)
            change = (f"それまで登録されていた不在（{render.fmt_days(old_first, old_last)}）は、"
                      f"この期間に置き換えました（{one_only}）。")
        days = render.fmt_days(first, end)
        if first < today:
            # The absence named keeps (or was typed with) days already past: what it does is said
            # from today, not of days whose requests went where they went.
            when, arriving = ("今日", "今日") if end == today else (
                f"今日から{render.fmt_date(end)}まで", f"今日から{render.fmt_date(end)}までに")
        else:
            when = "この日" if first == end else "この間"
            arriving = f"{when}に"
        text = ((f"{days}は、すでに不在として登録されています。" if unchanged
                 else f"{days}{'を' if first == end else ''}不在として登録しました。")
                + (f"{arriving}届く決裁依頼は代決者に送られます。" if approves
                   else f"{when}は、あなたに代決の依頼は届きません。")
                + change)
        if moved:
            text += f"決裁待ちの依頼 {moved} 件を代決者に送りました。"
        text += taken_back.summary_ja(self._escalation_wait_label()) + deputy_back
        return text + "予定が変わったときは `/kessai away off` で取り消せます。"

    def clear_away(self, actor: str) -> str:
        now = self.clock()
        with self.db.session() as s:
            absence = away_repo.absence(s, actor)
            if absence is None:
                return "不在は登録されていません。"
            away_repo.set_away(s, actor, None, None)
            ended = as_utc(absence[1]) <= now
            # An absence that ended by itself: the sweep gives back what the deputies held at the
            # approver's first business instant, but the approver typing this is at work now.
            taken_back = self.take_back(s, now, actor)
            deputy_back = self._deputy_back_early(s, now, actor, absence)
        self.after_commit()
        if ended:
            last_day = self.local(as_utc(absence[1])).date() - timedelta(days=1)
            return (f"登録されていた不在は {last_day.month}月{last_day.day}日で終わっています。"
                    "決裁依頼はすでにあなたに届くようになっています。"
                    + taken_back.summary_ja(self._escalation_wait_label()) + deputy_back)
        text = "不在の登録を取り消しました。これからの決裁依頼はあなたに届きます。"
        text += taken_back.summary_ja(self._escalation_wait_label()) + deputy_back
        return text

    def _escalation_wait_label(self) -> str:
        """「業務時間で1日」: how long a request waits before the deputies are asked too."""
        return f"業務時間で{render.fmt_duration(self.org.policy.approval_escalate_after, day=self.org.calendar(str(self.tz)).day_length)}"

    def take_back(self, s: Session, now: datetime, approver: str) -> TakenBack:
        """An approver is back: what deputies were asked to decide in their absence comes back to
        them, and the approver is asked, if they were not already. `/kessai away off`, a later
        absence replacing the one in effect, and the sweep at the approver's first business instant
        after an absence that simply ran out (``Sweeper._absences_ended``) call this.

        代決 stands in for an absent approver only (SPEC 4.3; 事務決裁規程), so those deputy requests
        are withdrawn (their DMs say so) in the transaction that asks the approver: the draft is
        never left with nobody holding it. The deputies keep a request, as an escalation and with
        nothing said to them, when the draft has already waited ``approval_escalate_after`` (or its
        post is due soon): it would go to them anyway, and withdrawing it only for the escalation to
        ask them again in the same sweep sent two contradictory DMs. They also keep it, as it is,
        when no approver holding it will be at work at the next business instant (a later absence
        that begins before then, the other approvers away): the approver is not back for 決裁, and
        withdrawing would leave the draft with nobody. Returns how many pending drafts came back,
        how many of them the deputies keep as an escalation, how many they go on deciding, and how
        many a deputy held for another absent approver were sent to this one now (``skipped``).

        The caller commits, then calls ``self.after_commit()``."""
        by_draft: dict[int, tuple[DraftRow, list[ApprovalRequestRow]]] = {}
        for draft, req in draft_repo.standing_in_for(s, approver):
            by_draft.setdefault(draft.id or 0, (draft, []))[1].append(req)
        concerned = [approver]
        kept = standing_in = skipped = 0
        cal = self.org.calendar(str(self.tz))
        theirs: list[tuple[DraftRow, list[ApprovalRequestRow], Account, DraftView]] = []
        for draft, reqs in by_draft.values():
            account = self._account(draft)
            if approver not in account.approvers:
                continue  # no longer theirs to decide: the deputies keep the requests
            view = self.load_view(s, draft, draft.current_version)
            self._ask(s, now, view, [draft_repo.Ask(approver, None, "normal")])  # unless already asked
            theirs.append((draft, reqs, account, view))
        taken_back = len(theirs)
        # Read after the asks: one that reinstates the approver's retracted request asks them now.
        given_back_at = draft_repo.given_back_at(s, [d.id or 0 for d, *_ in theirs])
        for draft, reqs, account, view in theirs:
            given_back = given_back_at.get(draft.id or 0)
            if deputies_due(cal, self.org.policy, draft.updated_at, view.scheduled_at, now, given_back=given_back):
                draft_repo.keep_as_escalated(s, [r.id for r in reqs if r.id is not None])
                kept += 1
                concerned += [r.recipient_id for r in reqs]
                continue
            if not self._present_holder(s, draft, account, next_business_instant(cal, now)):
                # No approver holding it will be at work by the next business instant (the
                # approver's next absence begins before it, the others are away): withdrawing
                # would leave the draft with nobody who can decide it; the deputies go on standing in.
                standing_in += 1
                concerned += [r.recipient_id for r in reqs]
                continue
            draft_repo.withdraw_requests(s, [r.id for r in reqs if r.id is not None])
            name = self.name_of(approver)
            for r in reqs:
                self.notify.withdrawn(s, now, view=view, recipient=r.recipient_id, acting_for_name=name,
                                      note=f"{render.escape(name)} さんが不在から戻られたため、この代決の依頼は取り消されました。"
                                           "ここからはご本人が決裁します。")
                concerned.append(r.recipient_id)
        # Drafts routed while this approver and another were both away: the deputy stands in for
        # the other one only, so nothing above names them, and they were never sent the request.
        accounts = [a.id for a in self.org.accounts if approver in a.approvers]
        for draft in draft_repo.skipped_while_away(s, approver, accounts):
            if draft.id in by_draft:
                continue
            if self._ask(s, now, self.load_view(s, draft, draft.current_version),
                         [draft_repo.Ask(approver, None, "normal")]):
                skipped += 1
        self._refresh_homes(s, now, list(dict.fromkeys(concerned)))
        return TakenBack(taken_back, kept, standing_in, skipped)

    def _present_holder(self, s: Session, draft: DraftRow, account: Account, at: datetime) -> bool:
        """Does an approver of ``account`` who is not away at ``at`` hold a live request for the
        draft's current version (so a deputy's request for it may be withdrawn)?"""
        return bool(self._present_holders(s, draft, account, at))

    def _present_holders(self, s: Session, draft: DraftRow, account: Account, at: datetime) -> list[str]:
        """The approvers of ``account`` not away at ``at`` who hold a live request for the draft's
        current version, in the organisation file's order."""
        held = {r.recipient_id for r in draft_repo.requests_for(s, draft.id or 0, draft.current_version)
                if r.reason not in draft_repo.RETRACTED}
        holders = [a for a in self.approvers_for(account, author=draft.author_id) if a in held]
        away = away_repo.away_at(s, holders, at)
        return [a for a in holders if a not in away]

    # -- App Home and status ------------------------------------------------------------------
    def _concerned(self, s: Session, draft: DraftRow) -> list[str]:
        """Everyone whose App Home shows this draft."""
        users = [draft.author_id]
        account = self.org.account(draft.account_id) if draft.account_id else None
        if account is not None:
            users += account.approvers
        # Routing in this transaction already knows whom it asked; otherwise read it back.
        asked = s.info.get(ASKED_KEY, {}).get((draft.id, draft.current_version))
        users += asked if asked is not None else draft_repo.request_recipients(s, draft.id or 0, draft.current_version)
        return list(dict.fromkeys(users))

    def _home_audience(self, draft: DraftRow, account: Account) -> list[str]:
        """Everyone who could be concerned by a new draft of ``account`` (a superset of _concerned)."""
        return [u for u in dict.fromkeys([draft.author_id, *account.approvers, *account.deputies])
                if self.org.member(u) is not None]

    def _refresh_homes(self, s: Session, now: datetime, users: Sequence[str], *,
                       reads: IntakeReads | None = None) -> None:
        """Republish the App Home of each of ``users`` who has opened it (others see it fresh on opening)."""
        members = [u for u in dict.fromkeys(users) if self.org.member(u) is not None]
        known = reads.home_keys if reads is not None else frozenset()
        if all(home_key(u) in known for u in members):
            with_home = [u for u in members if home_key(u) in reads.homes]  # type: ignore[union-attr]
        else:
            s.flush()
            with_home = self.notify.with_home(s, members)
        for user in with_home:
            self.notify.refresh_home(s, now, user=user)

    def publish_home(self, viewer: str) -> None:
        now = self.clock()
        with self.db.session() as s:
            self.notify.home(s, now, user=viewer, view=self.homes.view(s, now, viewer))
        self.after_commit()

    # -- refusals -------------------------------------------------------------------------
    def tell(self, *, text: str, response_url: str | None = None, channel: str | None = None,
             user: str | None = None) -> None:
        """Send a short private message (a refusal or an explanation) through the outbox.

        A click on App Home has neither a response URL nor a conversation: the answer goes to the
        person's DM with the bot, and their Home is redrawn (what they pressed may be stale).
        """
        now = self.clock()
        with self.db.session() as s:
            if response_url:
                self.notify.respond(s, now, response_url=response_url, text=text)
            elif channel and user:
                self.notify.ephemeral(s, now, channel=channel, user=user, text=text)
            elif user:
                self.notify.direct(s, now, user=user, text=text)
                self._refresh_homes(s, now, [user])
            else:
                return
        self.after_commit()


def _same_post_read(recorded: str, url: str) -> bool:
    """``same_post``, where a recorded URL that cannot be read as one (none passed the form's check;
    published_as returns every undigested one) is no post at all."""
    try:
        return same_post(recorded, url)
    except ValueError:
        return False


def _content(v: DraftVersionRow) -> VersionContent:
    return VersionContent(text=v.text, scheduled_at=v.scheduled_at, alt_texts=tuple(v.alt_texts),
                          image_count=v.image_count, video_count=v.video_count, portrait_consent=v.portrait_consent,
                          note=v.note, files=from_stored(v.files), custom_emoji=tuple(v.custom_emoji or ()))


def _storable_files(files: Sequence[AttachedFile]) -> tuple[AttachedFile, ...]:
    """``files`` as the database keeps them, so that the hash of a version is the one recomputed
    from it (a name with a NUL, say, is stored with a replacement character)."""
    return tuple(replace(f, id=storable(f.id), name=storable(f.name), mimetype=storable(f.mimetype),
                         filetype=storable(f.filetype), permalink=storable(f.permalink) if f.permalink else None)
                 for f in files)


def _same_files(recorded: list[dict[str, object]] | None, files: Sequence[AttachedFile]) -> bool:
    """The same files, by what the hash binds: a link that moved (a channel renamed) is no new
    version. A version written before files were recorded (None) says nothing of them, and an edit
    event with its text unchanged (a link's unfurl arriving after an upgrade) must not void its 承認."""
    return recorded is None or [f.identity() for f in from_stored(recorded)] == [f.identity() for f in files]


def _finding(r: FindingRow) -> Finding:
    return Finding(code=r.code, severity=r.severity, message=r.message, start=r.start, end=r.end,  # type: ignore[arg-type]
                   excerpt=r.excerpt, clause=r.clause, suggestion=r.suggestion)
