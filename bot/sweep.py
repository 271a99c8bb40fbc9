"""The reminder sweep: everything kessai does because time passed (SPEC §4.5), as one function.

``Sweeper(kessai).sweep(now)`` looks at the database as of ``now`` and sends what is due. It is
idempotent: each reminder has a key ``kind:subject:period`` that is claimed in ``reminders`` inside
the same transaction as the reminder's outbox rows (``storage.reminders.claim``), so running the
sweep twice, or on two replicas at once, sends every reminder once. ``kessai remind --now ISO``
runs one sweep (the cron way); ``kessai serve`` runs it every minute (``bot.scheduler``).

When each reminder fires (docs/reminders.md has the table):

* approvals — business time (``BusinessCalendar``): the approvers are reminded when
  ``approval_reminder_after`` of business time has passed since the draft became pending, then
  again after each further business day; after ``approval_escalate_after`` the request also goes to
  the deputies (代決, ``Kessai.send_to_deputies``). One business hour before a pending draft's
  scheduled time, those holding the request hear once that it is near (and the deputies are asked
  then if the usual hand-off would come too late). A pending draft whose scheduled time passes is
  expired (``Kessai.expire``), never left silently pending.
* absences — wall-clock from their start; at the approver's first business instant after an
  absence ends (until then the deputy may still decide for them), what the deputies were asked
  in their stead goes back to them (``Kessai.take_back``, as ``/kessai away off`` does).
* expiry and the start of an absence change the database at their instant, but the posts they
  write (DMs, mentions) are delivered from the next business instant (``_hold_outside_hours``).
* approved drafts whose scheduled time arrives unpublished — to the author, at that instant when it
  is in business hours (posting is time-critical). Scheduled outside them (at night, a holiday,
  年末年始, a closed day), the DM is written then but held for the next business morning and worded
  for it: the post was reserved or is off-hours anyway, and its URL cannot be registered before it
  exists. Held, it is taken back if the version is published or voided first. 緊急・災害 is on time.
* monthly minimum (上越市 4(4)②), 運用計画書 renewal (上越市 6(1)①) and password rotation — at the
  opening of the first business day on or after the nominal date, since they ask people to act.
  A last-business-day reminder missed while kessai was down is sent late (saying so) until the
  first business day of the next month closes; the report on a month, whenever kessai is next
  running (each month missed, up to CATCH_UP_MONTHS back, oldest first).
* incidents — wall-clock (an incident does not wait for Monday). Under ``kessai serve``, once a
  business day, whether Slack still knows each escalation member (beside the sweep, not in it).
"""

from __future__ import annotations

import logging
import threading
from bisect import bisect_left
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from slack_sdk import WebClient
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from bot import render
from bot.calendar import (
    BusinessCalendar,
    business_instant_before,
    business_opening_on_or_after,
    next_business_instant,
)
from bot.config import Account, OrgConfig
from bot.delivery_failures import DeliveryFailureReporter
from bot.incidents import (
    HOLDING_PREFIX,
    REALERT_PREFIX,
    IncidentService,
    holding_number,
    plan_receiver_ja,
    realert_number,
)
from bot.notifications import unpublished_key
from bot.workflow import (
    DUE_SOON_LEAD,
    DUE_SOON_MIN_WAIT,
    absence_ended_key,
    absence_over,
    deputies_asked_at,
    deputy_back_key,
    due_soon,
    due_soon_at,
    due_soon_hand_off,
    escalation_key,
    escalation_start,
    request_in_hand_at,
)
from storage import drafts as draft_repo
from storage import outbox
from storage import reminders as repo
from storage.db import Database, as_utc, commit_outcome_unknown, describe_db_error, whole_database_failing
from storage.models import DraftRow, DraftVersionRow

if TYPE_CHECKING:  # bot.services imports this module
    from bot.services import Kessai

log = logging.getLogger(__name__)

# What a reminder's ``send`` returns when there is nothing to send and never will be (see _claim_each).
SETTLED = object()

# Claimed per local business day by the sweep that asks Slack whether the escalation members are
# still there (``_check_escalation_members``): one replica asks, once a day.
ESCALATION_MEMBERS_PREFIX = "escalation.members:"
# The reminders cite no guideline's clause: 「（上越市ソーシャルメディアガイドライン 4(4)②）」 told 和気町's
# and a 社協's people 上越市's clause as the ground of their own organisation's standard (the clauses
# are in this module's comments and docs/reminders.md).
# An approved draft nobody published for this long is history, not a reminder any more.
UNPUBLISHED_LOOKBACK = timedelta(days=30)
# Monthly reports caught up after an outage go back at most this many months (last month included).
CATCH_UP_MONTHS = 12
# Who got a draft's due-soon reminder, and when (``draft.due_soon.to:<draft>:v<version>:<person>``):
# a daily approval reminder due within DUE_SOON_STANDS_FOR after it is not sent to them, and one due
# less than DUE_SOON_STANDS_FOR before it waits for it.
DUE_SOON_TO_PREFIX = "draft.due_soon.to:"
DUE_SOON_STANDS_FOR = timedelta(hours=1)
# Lists in channel reports stop here; the rest is counted.
REPORT_LIST_LIMIT = 40
# What a listed account's name may take (the file sets no length), and what the list may take in
# all once escaped: forty names of 200 characters passed a section's 3,000, and Slack's cut took
# the accounts after them, the 「ほか N アカウント」 and the closing guideline line without a word.
REPORT_NAME_SHOWN = 100
REPORT_LIST_ROOM = 6_000
# A reminder that could not be written (its claim and messages rolled back) is tried again after
# the first of these, then twice as long each time up to the second: one that fails every time (a
# constraint, a trigger, a bug meeting that month's data) was tried, and logged at ERROR with its
# traceback, every sweep minute until its period ended. Bounded so that, once the fault is put
# right, it goes within half an hour (a restart of kessai serve tries it at once). A periodic one
# (an incident's re-alert, an approver's reminder) is tried at every sweep, only its WARNINGs so spaced.
RETRY_FIRST = timedelta(minutes=1)
RETRY_MOST = timedelta(minutes=30)
# What a sweeper remembers of a reminder that failed, after its last try: a draft decided or a
# period over meanwhile is no longer swept for, and its entry would stay for ever.
RETRY_MEMORY = timedelta(days=1)


# Payload key (bookkeeping, not sent to Slack) of a bundled reminder: the reminder keys it covers.
COVERS = "_covers"


@dataclass(frozen=True)
class Bundle:
    """What a message bundling several reminders of one kind says around its list of subjects.

    ``lines``: one per subject, in the sweep's order; ``title``: what each continuation page in
    the thread starts with (「（続き 2/3）」 follows it)."""

    head: str
    lines: list[str]
    foot: str
    title: str


def bundle_pages(lines: list[str]) -> list[list[str]]:
    """``lines`` in pages of as many as REPORT_LIST_LIMIT and REPORT_LIST_ROOM allow (see list_pages)."""
    pages = []
    while lines:
        page = _within_room(lines[:REPORT_LIST_LIMIT])
        pages.append(page)
        lines = lines[len(page):]
    return pages


def reminder_period(cal: BusinessCalendar, since: datetime, now: datetime, after: timedelta) -> int:
    """The daily approval reminder's period at ``now`` for a draft waiting since ``since``: the first
    (0) after ``after`` of business time, one more each business day after that; -1 before."""
    return int((cal.business_time_between(since, now) - after) // cal.day_length)


def reminder_periods(cal: BusinessCalendar, now: datetime, after: timedelta,
                     oldest: datetime) -> Callable[[datetime], int]:
    """``reminder_period(cal, since, now, after)`` for many drafts waiting since ``oldest`` or later:
    a calendar walk from each ``since`` to ``now`` took a big city's sweep a quarter of a second
    every minute for 3,000 waiting drafts. Period ``p`` is reached by the drafts waiting since
    ``business_instant_before(now, after + p days)`` or earlier; those instants are found once, each
    a business day before the one after it, back past ``oldest``, and a draft's period is how many
    of them its ``since`` is at or before, less one (-1 for any ``since`` not yet due a first one).
    Exact: the business time from each instant to ``now`` is exactly its duration
    (``business_instant_before``), so the steps add up. ``after`` must be positive (as the file's is)."""
    cutoffs = [business_instant_before(cal, now, after)]  # descending
    while cutoffs[-1] >= oldest:
        cutoffs.append(business_instant_before(cal, cutoffs[-1], cal.day_length))
    ascending = cutoffs[::-1]

    def period(since: datetime) -> int:
        since = as_utc(since)
        if since < ascending[0]:  # older than ``oldest``: walked as before
            return reminder_period(cal, since, now, after)
        return len(ascending) - bisect_left(ascending, since) - 1

    return period


def _within_room(items: list[str]) -> list[str]:
    """The first of ``items`` that fit REPORT_LIST_ROOM with a separator each (at least one)."""
    used = 0
    for i, item in enumerate(items):
        used += len(item) + 1
        if used > REPORT_LIST_ROOM and i > 0:
            return items[:i]
    return items


def listed_name(account: Account) -> str:
    """An account's name as a channel's list shows it (escaped, and shortened: the file sets no length)."""
    return render.escape(render.shortened(account.name, REPORT_NAME_SHOWN))


def list_pages(short: Sequence[tuple[Account, int]], added: Mapping[str, date]) -> list[list[str]]:
    """One line per account short of the minimum, in pages of as many as REPORT_LIST_LIMIT and
    REPORT_LIST_ROOM allow: the first goes in the channel's message, the others in its thread.
    A big city has 150 accounts: 「ほか 80 アカウント」 named none of the eighty, and a list that
    is the basis of 撤退 decisions must name every account it counts."""
    lines = []
    for a, n in short:
        d = added.get(a.id)
        note = f"（{d.month}月{d.day}日に kessai に登録されてからの記録）" if d is not None else ""
        lines.append(f"・{listed_name(a)}: {n} 件{note}")
    return bundle_pages(lines)


def more_in_thread(pages: list[list[str]], unit: str = "アカウント") -> list[str]:
    """What the message says of the pages after its first (none: nothing); ``unit`` counts the lines."""
    rest = sum(len(p) for p in pages[1:])
    if not rest:
        return []
    return [f"{render.and_more(rest, unit)}は、このメッセージのスレッドに続けて載せています"
            f"（全 {sum(len(p) for p in pages)} {unit}、{len(pages)} 通に分けています）。"]


@dataclass
class _Failing:
    """A reminder whose writing failed at its last try: since when, how often, and when next."""

    since: datetime
    last: datetime
    tries: int
    error: str
    next_try: datetime


def month_bounds(year: int, month: int, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """``[first instant, first instant of next month)`` of a local month, in UTC."""
    start = datetime(year, month, 1, tzinfo=zone)
    nxt = datetime(year + month // 12, month % 12 + 1, 1, tzinfo=zone)
    return start.astimezone(UTC), nxt.astimezone(UTC)


def previous_month(year: int, month: int) -> tuple[int, int]:
    return (year - 1, 12) if month == 1 else (year, month - 1)


def _month_of(key: str) -> tuple[int, int]:
    """The month a ``…:YYYY-MM`` key is about."""
    y, _, m = key.rpartition(":")[2].partition("-")
    return int(y), int(m)


def draft_link(channel: str, ts: str | None, label: str = "下書きのスレッド", *,
               workspace_url: str | None = None) -> str:
    """A link that opens the draft's message (and so its thread), on a PC or a phone.

    Slack's permalink form is ``<workspace URL>archives/<channel>/p<ts without the dot>`` (what
    chat.getPermalink returns for a top-level message); the workspace URL comes from auth.test.
    Without it, the channel itself is linked.
    """
    if not ts or not workspace_url:
        return f"<#{channel}>"
    return f"<{workspace_url.rstrip('/')}/archives/{channel}/p{ts.replace('.', '')}|{label}>"


def report_key(y: int, m: int) -> str:
    """The outbox key of the escalation channel's report on month ``m`` (its corrections reply to it)."""
    return f"monthly.report:{y:04d}-{m:02d}"


def report_correction(s: Session, org: OrgConfig, zone: ZoneInfo, account: Account, at: datetime,
                      now: datetime) -> bool:
    """A post of ``account`` published ``at`` was just recorded (in ``s``): if the month's report was
    sent already and this post is the one that brings the account up to the month's minimum, the
    report listed it as short (a 撤退 case) and is now wrong. The report is not sent again (a second
    report on one month would leave readers comparing two lists); one short reply under it names the
    account, once per account and month (``monthly.report.correction``). A post that leaves the
    account short, or one after it met the minimum, changes nothing the report said: no message."""
    local = at.astimezone(zone)
    y, m = local.year, local.month
    tag = f"{y:04d}-{m:02d}"
    channel = org.policy.escalation_channel
    if not channel or not repo.claimed(s, [f"monthly.report:{tag}"]):
        return False  # not reported yet: the report, when it goes, counts this post
    seen = repo.minimums(s, tag)
    need = max(0, min(seen)) if seen else org.policy.min_posts_per_month
    start, end = month_bounds(y, m, zone)
    n = repo.publications_by_account(s, start, end).get(account.id, 0)
    if need <= 0 or n != need:
        return False
    known = repo.accounts_known_since(s).get(account.id)
    last_day = org.calendar(str(zone)).last_business_day(y, m)
    if known is not None and (known >= end or known.astimezone(zone).date() >= last_day):
        return False  # not judged in that month's report (see Sweeper._monthly_report)
    if not repo.claim(s, f"monthly.report.correction:{account.id}:{tag}", now):
        return False
    name = render.escape(account.name)
    text = (f":pencil2: *{y}年{m}月の投稿件数の報告の訂正*\n報告の後に {name} の{m}月{local.day}日の投稿が記録され、"
            f"{m}月の投稿は {n} 件になりました。基準（月{need}回以上）を満たしていますので、"
            "先の報告の「基準に達しなかったアカウント」からは除いてください。")
    payload: dict[str, Any] = {"channel": channel, "text": render.preview(text), "blocks": [render.section(text)],
                               "unfurl_links": False, "unfurl_media": False}
    key = report_key(y, m)
    if outbox.keys_present(s, [key]):
        outbox.enqueue_reply_after(s, key, payload, now=now)
    else:
        # A report sent before reports were keyed: its place is unknown, so the note stands alone.
        outbox.enqueue(s, "post", payload, now=now)
    return True


@dataclass
class SweepReport:
    """What one sweep sent, per reminder kind (for the CLI, logs and tests)."""

    now: datetime
    sent: Counter[str] = field(default_factory=Counter)
    failed: int = 0  # reminders that raised; left unclaimed for the next sweep
    deferred: int = 0  # reminders that raised before and wait for their next try (Sweeper._failing)

    @property
    def total(self) -> int:
        return sum(self.sent.values())

    @property
    def unsent(self) -> int:
        """Reminders left for a later sweep, failed now or waiting to be tried again."""
        return self.failed + self.deferred

    def summary_ja(self) -> str:
        if not self.total:
            return "期限を迎えたリマインダーはありませんでした。"
        parts = [f"{KIND_LABELS_JA.get(k, k)} {n}件" for k, n in sorted(self.sent.items())]
        return "送信待ちにしたリマインダー: " + "、".join(parts)


# How long inbound event ids (and deletions seen before their message) are kept: Slack retries
# within an hour, and out-of-order deliveries arrive within minutes.
DELIVERY_MEMORY = timedelta(days=7)
# Delivered messages stay in the outbox this long (what was sent when, for IT); after that only
# where each post lives is kept (slack_messages). Undelivered rows are never deleted.
OUTBOX_MEMORY = timedelta(days=30)

KIND_LABELS_JA = {
    "approval.remind": "決裁の催促",
    "approval.escalate": "代決者への依頼",
    "approval.away": "不在の決裁者に代わる代決者への依頼",
    "approval.back": "不在が終わった決裁者への依頼の戻し",
    "approval.added": "組織設定で加わった決裁者への依頼",
    "approval.removed": "組織設定で外れた決裁者・代決者への依頼の取り消し",
    "approval.repointed": "組織設定で外れた決裁者の代決の依頼の付け替え",
    "draft.due_soon": "投稿予定が近い下書きの決裁のお願い",
    "draft.expire": "期限切れ",
    "draft.unpublished": "未投稿の確認",
    "monthly.midmonth": "月1回以上の投稿（20日）",
    "monthly.lastday": "月1回以上の投稿（最終業務日）",
    "monthly.report": "先月の投稿件数の報告",
    "plan.renewal": "運用計画書の更新",
    "password.rotate": "パスワード変更",
    "incident.unacked": "インシデントの再通知",
    "incident.holding": "経過の書き込みのお願い",
}


def claim_escalation_member_check(kessai: Kessai, clock_now: datetime) -> bool:
    """Claim the day's look-up of the escalation members in Slack (``Sweeper._check_escalation_members``);
    False outside business hours, or when it was claimed before — by a sweep, another replica, or
    ``kessai serve``'s own look-up at start-up, which is that day's (``bot.serve``)."""
    zone = kessai.tz
    if not kessai.org.calendar(str(zone)).is_business_instant(clock_now):
        return False
    with kessai.db.session() as s:
        return repo.claim(s, f"{ESCALATION_MEMBERS_PREFIX}{clock_now.astimezone(zone):%Y-%m-%d}", clock_now)


class Sweeper:
    """Runs the sweep for one organisation; ``kessai`` provides the database, the roster and the
    workflow operations the sweep triggers (代決 and expiry belong to the approval workflow)."""

    def __init__(self, kessai: Any, *, incidents: IncidentService | None = None,
                 settle_until: datetime | None = None, slack: WebClient | None = None) -> None:
        """``settle_until``: what cannot be undone happens only as of this instant at the latest
        (``kessai remind --now`` passes the real time): a sweep run ahead of the clock to try
        tomorrow's reminders must not expire a draft its approver can still decide today (a ledger
        entry), nor end an absence that is still on (its requests taken back from the deputies), nor
        ask once-only 未投稿の確認 before the scheduled time has come. Run behind it (a replay), the
        monthly asks whose day is over by this instant are not sent.
        ``slack`` (``kessai serve``, and ``kessai remind`` given a bot token): each business day the
        escalation members are looked up in Slack (``_check_escalation_members``); without it they are not."""
        self.kessai = kessai
        self.settle_until = settle_until
        self.slack = slack
        #: the day's look-up of the escalation members, when this sweeper started one
        self.member_check: threading.Thread | None = None
        # Reminders whose writing failed, by key (RETRY_FIRST): this process's own, as its logs are.
        self._failing: dict[str, _Failing] = {}
        # Reminders that failed before this sweep in any process (repo.note_failing), by the
        # reference _durable_ref gives them, read at each sweep: a new `kessai remind` (cron) logs a
        # failure it finds there as a repeat, in one line.
        self._failed_before: dict[str, repo.Failed] = {}
        # The sweep's real time (``sweep(clock_now=)``): steps that date bookkeeping read this, not
        # kessai's clock, which under a held SweepClock is the host's (a day ahead, say).
        self._clock_now: datetime | None = None
        self.db: Database = kessai.db
        self.org: OrgConfig = kessai.org
        self.zone: ZoneInfo = kessai.tz
        self.cal: BusinessCalendar = self.org.calendar(str(self.zone))
        self.incidents = incidents or IncidentService(kessai)

    # -- entry point ------------------------------------------------------------------------
    def sweep(self, now: datetime, *, clock_now: datetime | None = None) -> SweepReport:
        """Send what is due as of ``now``. ``clock_now``: the real time, which the sweep's
        bookkeeping goes by (when accounts and the minimum were noted, which inbound event ids and
        delivered messages are old enough to forget, the day's look-up of the escalation members);
        default: kessai's clock, read once here. ``kessai serve`` passes the instant it sweeps for
        (``bot.scheduler.SweepClock``): with the host's clock a day ahead and held, the bookkeeping
        followed the host's clock, forgetting Slack's event ids (its retries' guard) a day early and
        claiming tomorrow's look-up, which was then skipped."""
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError("sweep(now) needs an aware datetime")
        if clock_now is not None and (clock_now.tzinfo is None or clock_now.utcoffset() is None):
            raise ValueError("sweep(clock_now=) needs an aware datetime")
        now = now.astimezone(UTC)
        report = SweepReport(now=now)
        with self.db.session() as s:
            # The first sweep: a month before it has no records to report. Dated by the real time
            # (``settle_until``, which `remind --now` passes), not the time swept for: records are
            # kept from when kessai really runs. A first `remind --now` for 15 October run on 1
            # December dated it 15 October, and the report on November said 「0 件」 of every
            # account; one ahead of the clock (a rehearsal) would date the months until then unkept.
            # Not the earlier of the two: that is the date swept for in the case that went wrong.
            repo.claim(s, repo.IN_USE_KEY, (self.settle_until or now).astimezone(UTC))
        clock_now = (clock_now or self.kessai.clock()).astimezone(UTC)
        self._clock_now = clock_now
        with self.db.session() as s:
            # An account added to the file mid-month has records from then only (the monthly counts).
            # When it was first in the file is a fact of the real clock: a `remind --now` for the
            # 30th (a rehearsal) or the 10th (a replay) run on the 25th did not see it then.
            repo.note_accounts(s, [a.id for a in self.org.accounts], self._roster_digest(), clock_now,
                               brief=self._brief_absence)
            repo.note_minimum(s, f"{clock_now.astimezone(self.zone):%Y-%m}", self.org.policy.min_posts_per_month,
                              clock_now)
        self._failed_before = self._read_failed_before(now)
        if now > clock_now:
            with self.db.session() as s:
                high_water = repo.outbox_high_water(s)
        # Expiry runs before the approval reminders so a draft that just expired is not reminded.
        for step in (self._expire, self._approvals, self._unpublished, self._incidents, self._monthly,
                     self._plan_renewal, self._passwords):
            step(now, report)
        if now > clock_now:
            with self.db.session() as s:
                repo.release_outbox(s, high_water, clock_now)
        self._forget_old_deliveries(clock_now)
        self._check_escalation_members(clock_now)
        if report.total:
            self.kessai.after_commit()
            log.info("sweep at %s: %s", now.isoformat(), dict(report.sent))
        return report

    def _check_escalation_members(self, clock_now: datetime) -> None:
        """Once a business day, whether Slack still knows each escalation member, as at start-up
        (``DeliveryFailureReporter.check_escalation_members``): one deactivated (退職・異動) while
        kessai keeps running was noticed only at the next restart, weeks later, and every incident
        re-alert meanwhile mentioned them in vain. One replica claims the day. The look-up runs
        beside the sweep: it is one Slack call per person, each allowed the client's timeout, and a
        slow Slack must not hold back the reminders and incident re-alerts of the minute. It stops at
        the first call Slack does not answer; the day stays claimed (the next business day asks again)."""
        client = self.slack
        if client is None or not claim_escalation_member_check(self.kessai, clock_now):
            return
        # Dated as the day claimed (a clock read again could be the held host clock, a day ahead).
        reporter = DeliveryFailureReporter(self.db, self.org, lambda: clock_now, tz=str(self.zone))

        def run() -> None:
            try:
                if reporter.check_escalation_members(client):
                    self.kessai.after_commit()  # the escalation channel hears of it now
            except Exception:  # the database out of reach: logged, asked again the next business day
                log.exception("could not check whether Slack knows the escalation members; "
                              "it is checked again on the next business day")

        self.member_check = threading.Thread(target=run, name="kessai-escalation-members", daemon=True)
        self.member_check.start()

    def _brief_absence(self, out: datetime, back: datetime) -> bool:
        """An account out of the file for less than one business day's working hours (minutes on
        the same day, or only the nights and closed days between) lost no working day to post in:
        it keeps its first registration. A longer absence is counted from its return."""
        return self.cal.business_time_between(out, back) < self.cal.day_length

    def _forget_old_deliveries(self, clock_now: datetime) -> None:
        """Retries and out-of-order events are recognised for DELIVERY_MEMORY; older records only
        grow the tables. The real clock decides (``remind --now`` may name a future instant), and
        a sweep removes a batch at most, so no sweep holds a long delete."""
        with self.db.session() as s:
            gone = draft_repo.forget_old_deliveries(s, clock_now - DELIVERY_MEMORY)
        if gone:
            log.info("forgot %d inbound delivery record(s) older than %s", gone, DELIVERY_MEMORY)
        with self.db.session() as s:
            sent = outbox.forget_delivered(s, clock_now - OUTBOX_MEMORY)
        if sent:
            log.info("forgot %d delivered outbox row(s) older than %s", sent, OUTBOX_MEMORY)

    # -- helpers ----------------------------------------------------------------------------
    def _configured(self, candidates: list[repo.DraftCandidate]) -> list[repo.DraftCandidate]:
        """Drafts of accounts still in the organisation file: one removed from it has nobody to
        remind or escalate to, and trying again every minute only fills the log."""
        return [c for c in candidates if c.draft.account_id and self.org.account(c.draft.account_id) is not None]

    def _claim_each(self, report: SweepReport, kind: str, items: Sequence[tuple[str, Any]],
                    send: Any, *, periodic: bool = False, claimed_at: datetime | None = None) -> None:
        """Claim each ``(key, item)`` not yet claimed and ``send(s, item)`` in the same transaction.

        ``claimed_at``: the time the claims record (default: the instant swept for).

        ``send`` returns False to give the claim back (nothing to do now, look again later), or
        ``SETTLED`` to keep it without counting anything sent (nothing to do, ever).

        ``periodic``: keys end in ``:<period>`` (a reminder repeated every business day, every
        quarter hour). Sending period ``n`` also claims the periods before it that no sweep sent
        (kessai was down then): they are over, and a clock set back into one of them (NTP correcting
        a fast clock, ``kessai remind --now`` replayed for an earlier instant) must not send a second
        reminder for what was just caught up."""
        if not items:
            return
        with self.db.session() as s:
            done = repo.claimed(s, (k for k, _ in items))
        for key, item in items:
            if key in done:
                continue
            failing = self._failing.get(key)
            # A periodic one (an incident's re-alert, an approver's reminder) is tried at every sweep
            # all the same: put off, an incident's re-alert went out up to seven minutes after the
            # fault was put right, or only as the next window's. What is logged of it slows down.
            if failing is not None and not periodic and failing.last <= report.now < failing.next_try:
                report.deferred += 1  # (a sweep for an earlier instant, a replay, tries it now)
                continue
            # One transaction per reminder: its claim and its messages commit together, and one
            # reminder that cannot be sent does not hold back the others.
            sent = False
            try:
                with self.db.session() as s:
                    if self._claim(s, key, claimed_at or report.now, periodic=periodic):  # else another sweep (replica) did
                        outcome = send(s, item)
                        if outcome is False:
                            # Nothing to send after all (e.g. the state changed meanwhile): undo the claim.
                            s.rollback()
                        # SETTLED: done for good with nothing to send: the claim stays, nothing is counted
                        sent = outcome is not False and outcome is not SETTLED
            except Exception as e:
                self._failed(report, key, e, periodic=periodic)
                continue
            self._no_longer_failing(self._durable_ref(key, periodic))
            if periodic:  # its earlier periods' failures are over too: failing again is news
                ref = key.rpartition(":")[0]
                for k in [k for k in self._failing if k != key and k.rpartition(":")[0] == ref]:
                    del self._failing[k]
            if failing is not None:
                del self._failing[key]
                # (Sent, found nothing to send, or another replica's sweep had it: it fails no more.)
                log.info("reminder %s no longer fails, at its try %d (failing since %s)", key, failing.tries + 1,
                         failing.since.isoformat())
            if sent:
                report.sent[kind] += 1

    def _claim_bundled(self, report: SweepReport, kind: str, items: Sequence[tuple[str, Any]],
                       recipients: Callable[[Any], Sequence[str]], single: Callable[[Any], str],
                       bundled: Callable[[list[Any]], Bundle], *, claimed_at: datetime | None = None) -> None:
        """As ``_claim_each``, but each person due several of these reminders in this sweep gets one
        message listing their subjects (``bundled``, in the order of ``items``) instead of one per
        subject: an operator of 300 accounts had 300 パスワード変更のお願い at once, and a burst
        of dozens teaches people to ignore them. A person due one gets ``single``, as before.

        Claims stay per subject (``key``): a sweep run twice, or by two replicas, still sends each
        subject once. The claims and every person's message are one transaction, so a crash
        leaves all or none of them. If it cannot be written, the subjects are tried again in two
        halves, down to one subject alone, which fails as in ``_claim_each`` (tried again later):
        one subject that cannot be written does not hold back the others. A subject with nobody
        to tell is not claimed (it is looked at again, as ``send`` returning False does)."""
        items = [(k, x) for k, x in items if recipients(x)]
        if not items:
            return
        with self.db.session() as s:
            done = repo.claimed(s, (k for k, _ in items))
        todo = []
        for key, item in items:
            if key in done:
                continue
            failing = self._failing.get(key)
            if failing is not None and failing.last <= report.now < failing.next_try:
                report.deferred += 1
                continue
            todo.append((key, item))
        self._write_bundles(report, kind, todo, recipients, single, bundled, claimed_at or report.now)

    def _write_bundles(self, report: SweepReport, kind: str, todo: list[tuple[str, Any]],
                       recipients: Callable[[Any], Sequence[str]], single: Callable[[Any], str],
                       bundled: Callable[[list[Any]], Bundle], at: datetime) -> None:
        if not todo:
            return
        try:
            with self.db.session() as s:
                # In one statement, in the sweep's order: two replicas claim overlapping keys in the
                # same order and wait for each other's commit rather than deadlock (see _claim).
                won = repo.claim_in_order(s, [k for k, _ in todo], at)
                mine = [(k, x) for k, x in todo if k in won]
                by_person: dict[str, list[tuple[str, Any]]] = {}
                for key, item in mine:
                    for person in dict.fromkeys(recipients(item)):
                        by_person.setdefault(person, []).append((key, item))
                for person, got in by_person.items():
                    self._post_bundle(s, report.now, kind, person, got, single, bundled)
        except Exception as e:
            if len(todo) == 1 or whole_database_failing(e):
                # The database failing as a whole (unreachable, refusing writes) fails any part of
                # the bundle alike: halving it down to single subjects was 2N−1 tries and N−1 more
                # WARNINGs at every sweep. Each subject is tried again later, as one that failed.
                for key, _ in todo:
                    self._failed(report, key, e)
                return
            log.warning("%d %s reminder(s) could not be written together (%s: %s); trying them in smaller groups",
                        len(todo), kind, type(e).__name__, str(e).splitlines()[0][:200] if str(e) else "")
            half = len(todo) // 2
            self._write_bundles(report, kind, todo[:half], recipients, single, bundled, at)
            self._write_bundles(report, kind, todo[half:], recipients, single, bundled, at)
            return
        for key, _ in todo:
            self._no_longer_failing(key)  # (cron: recorded by an earlier run, see _claim_each)
            failing = self._failing.pop(key, None)
            if failing is not None:
                log.info("reminder %s no longer fails, at its try %d (failing since %s)", key, failing.tries + 1,
                         failing.since.isoformat())
        report.sent[kind] += len(mine)

    def _post_bundle(self, s: Session, now: datetime, kind: str, person: str, got: list[tuple[str, Any]],
                     single: Callable[[Any], str], bundled: Callable[[list[Any]], Bundle]) -> None:
        """``person``'s message for the reminders ``got``: one subject as it always read; several
        listed, the list's pages after the first in the message's thread (as the monthly list)."""
        if len(got) == 1:
            self._post(s, now, person, single(got[0][1]))
            return
        import hashlib

        keys = [k for k, _ in got]
        b = bundled([x for _, x in got])
        pages = bundle_pages(b.lines)
        digest = hashlib.sha256("\n".join(keys).encode()).hexdigest()[:16]
        key = f"{kind}.bundle:{person[:60]}:{digest}"
        self._post(s, now, person, "\n".join([b.head, *pages[0], *more_in_thread(pages, "件"), b.foot]), key=key,
                   covers=keys)
        self._post_rest_in_thread(s, now, person, key, b.title, pages)

    def _failed(self, report: SweepReport, key: str, e: Exception, *, periodic: bool = False) -> None:
        """Reminder ``key`` could not be written (rolled back, claim and all): tried again later,
        ever less often while it fails (RETRY_FIRST). ERROR, with the traceback, when it starts
        failing or fails otherwise than before: what monitoring pages the IT 担当 for, who is the
        one who can act (the database, the code); a WARNING at each later try says it goes on.
        ``periodic`` (see _claim_each): tried at every sweep, its WARNINGs at the pace above; each
        period's key is its own, but the same reminder failing the same way in its next period (an
        incident's next 15 minutes) is no new ERROR."""
        if commit_outcome_unknown(e):
            # Its COMMIT went unanswered: the claim and the messages were written together or not at
            # all, and which cannot be known here. Written, the claim keeps it to once; not, the next
            # sweep writes it. Neither is a failure to page anyone for: "nothing of it was written"
            # was false, and the failure noted kept /healthz and the next run's log on a reminder sent.
            log.warning("reminder %s: the connection to the database was lost at its COMMIT (%s); it may have been "
                        "written (then it is not sent again), else the next sweep writes it", key, describe_db_error(e))
            return
        report.failed += 1
        now = report.now
        error = f"{type(e).__name__}: {e}".splitlines()[0][:300]
        for k, f in list(self._failing.items()):
            if now - f.last > RETRY_MEMORY:
                del self._failing[k]
        before = self._failing.get(key)
        if before is None and periodic:
            # Its earlier period failing: the same reminder, its tries and pace go on (counted before
            # this was looked for, the WARNING at its third try said "at try 1"). The latest period,
            # not the first one met: a third period went on from the first's count and next try.
            ref = key.rpartition(":")[0]
            before = max((f for k, f in self._failing.items() if k.rpartition(":")[0] == ref),
                         key=lambda f: f.last, default=None)
        tries = 1 if before is None else before.tries + 1
        wait = min(RETRY_MOST, RETRY_FIRST * 2 ** min(tries - 1, 12))
        ref = self._durable_ref(key, periodic)
        earlier = self._failed_before.get(ref)
        self._note_failing(ref, now, error)
        if before is None and earlier is not None and earlier.cause == repo.failing_cause(error):
            last = earlier.at
            # Failing in an earlier process (cron's previous `kessai remind`), whose ERROR had the
            # traceback: a WARNING line, not the same traceback from every run, once a minute.
            self._failing[key] = _Failing(since=last, last=now, tries=tries, error=error,
                                          next_try=now + (RETRY_FIRST if periodic else wait))
            log.warning("reminder %s still could not be prepared (it failed before, last at %s): %s; tried again "
                        "at the next sweep", key, last.isoformat(), error)
            return
        # Failed in an earlier process otherwise: this cause's traceback was never logged, so the
        # ERROR below, as a first failure.
        if periodic and before is not None:
            # Tried at every sweep (_claim_each), but said no more often than a reminder put off is
            # tried: next_try is when the next WARNING is due.
            if before.error == error and before.last <= now < before.next_try:
                self._failing[key] = replace(before, last=now, tries=tries)
                log.debug("reminder %s still could not be prepared at try %d: %s", key, tries, error)
                return
            # Spaced by how long it has failed, not by its tries: one a sweep, they would put its next
            # WARNING half an hour off at its sixth minute once its cause changed.
            wait = min(RETRY_MOST, max(RETRY_FIRST, now - before.since))
        self._failing[key] = failing = _Failing(since=now if before is None else before.since, last=now,
                                                tries=tries, error=error, next_try=now + wait)
        next_try = "the next sweep" if periodic else failing.next_try.isoformat()
        if (before is None or before.error != error) and periodic:
            log.exception("reminder %s could not be prepared (nothing of it was written); tried again at every "
                          "sweep", key)
        elif before is None or before.error != error:
            log.exception("reminder %s could not be prepared (nothing of it was written); tried again at %s, "
                          "then less often while it fails (at most every %s)", key, next_try, RETRY_MOST)
        else:
            log.warning("reminder %s still could not be prepared at try %d (failing since %s): %s; next try at %s",
                        key, tries, failing.since.isoformat(), error, next_try)

    @staticmethod
    def _durable_ref(key: str, periodic: bool) -> str:
        # A periodic reminder's next period (an incident's next 15 minutes) is the same reminder.
        return key.rpartition(":")[0] if periodic else key

    def _read_failed_before(self, now: datetime) -> dict[str, repo.Failed]:
        try:
            with self.db.session() as s:
                return repo.failing_since(s, now - RETRY_MEMORY)
        except Exception as e:  # bookkeeping of failures: the sweep goes on without it
            log.warning("could not read which reminders failed before: %s", e)
            return {}

    def _note_failing(self, ref: str, now: datetime, error: str) -> None:
        try:
            with self.db.session() as s:
                repo.note_failing(s, ref, now, error)
        except Exception as e:  # the database refusing this too is what the ERROR just logged says
            log.debug("could not record that reminder %s failed: %s", ref, e)
        self._failed_before[ref] = repo.Failed(now, repo.failing_cause(error))

    def _no_longer_failing(self, ref: str) -> None:
        if self._failed_before.pop(ref, None) is None:
            return
        try:
            with self.db.session() as s:
                repo.forget_failing(s, ref)
        except Exception as e:  # forgotten after RETRY_MEMORY all the same
            log.debug("could not record that reminder %s no longer fails: %s", ref, e)

    def _mark_done(self, report: SweepReport, failed_before: int, key: str, now: datetime) -> None:
        """Claim ``key``, which says a whole phase was sent (a month's reports, the year's plan
        renewals, the first password asks), unless a message of it could not be written since
        ``report.unsent`` was ``failed_before``: that message's claim went back with it, and the
        phase stays open so that the next sweep sends it (its own claim keeps that to once).
        Marked done, the report on a month (what 撤退 is decided on) was never sent."""
        if report.unsent > failed_before:
            return
        with self.db.session() as s:
            repo.claim(s, key, now)

    @staticmethod
    def _claim(s: Session, key: str, now: datetime, *, periodic: bool) -> bool:
        """Claim ``key``; periodic, with the earlier periods no sweep claimed (see ``_claim_each``).

        All in ascending period order, in one statement: a replica whose clock is ahead, catching
        up period n while another catches up n - 1, would otherwise hold n and wait for n - 1 while
        the other holds n - 1 and waits for an earlier one — a deadlock on PostgreSQL."""
        if not periodic:
            return repo.claim(s, key, now)
        ref, _, period = key.rpartition(":")
        earlier = [f"{ref}:{p}" for p in range(int(period))]
        done = repo.claimed(s, earlier)  # committed claims: skipping them changes no lock order
        return key in repo.claim_in_order(s, [k for k in earlier if k not in done] + [key], now)

    def _post(self, s: Session, now: datetime, channel: str, text: str, *, thread_ts: str | None = None,
              key: str | None = None, broadcast: bool = False, covers: list[str] | None = None) -> None:
        # Over as many sections as its lines take: one section is cut at Slack's 3,000 characters,
        # and a report's list of accounts lost its end (and the sentence after it) there.
        # ``text`` is what a phone's notification shows (render.preview): not the mrkdwn, nor the
        # draft's words quoted in a reminder, which a lock screen shows to whoever is near it.
        payload: dict[str, Any] = {"channel": channel, "text": render.preview(text), "blocks": render.sections(text),
                                   "unfurl_links": False, "unfurl_media": False}
        if thread_ts:
            payload["thread_ts"] = thread_ts
            if broadcast:
                payload["reply_broadcast"] = True
        if covers:
            payload[COVERS] = covers
        outbox.enqueue(s, "post", payload, now=now, message_key=key)

    def _name(self, slack_id: str) -> str:
        return render.escape(self.kessai.name_of(slack_id))

    def _fmt(self, t: datetime) -> str:
        return render.fmt_time(t.astimezone(self.zone))

    def _fmt_day(self, d: date) -> str:
        return f"{d.month}月{d.day}日（{render.WEEKDAYS_JA[d.weekday()]}）"

    def _account_name(self, account_id: str) -> str:
        account = self.org.account(account_id)
        return render.escape(account.name if account is not None else render.unlisted_account(account_id))

    def _excerpt(self, text: str, limit: int = 60) -> str:
        one_line = " ".join(render.clean_text(text).split())
        # ``limit`` characters and 「…」, as before; cut between characters as a reader sees them (a
        # cut at a code point left half of 👍🏽 or of a family emoji in the reminder).
        return render.escape(render.shortened(one_line, limit + 1))

    def _thread_ts(self, s: Session, draft: DraftRow) -> str | None:
        # Drafts made in the modal live under a message the bot posted; find where it landed.
        loc = outbox.message_location(s, f"draft:{draft.id}:root")
        if loc is not None:
            return loc.ts
        return draft.message_ts if draft.source == "channel" else None

    # -- approvals --------------------------------------------------------------------------
    def _settled_by(self, now: datetime) -> datetime:
        """The instant irreversible steps act as of: ``now``, or the real time if that is earlier."""
        return now if self.settle_until is None or self.settle_until >= now else self.settle_until.astimezone(UTC)

    def _sent_at(self, now: datetime) -> datetime:
        """When what this sweep queues goes out: ``now``, or the real time if that is later (a replay)."""
        return max(now, (self.settle_until or now).astimezone(UTC))

    def _expire(self, now: datetime, report: SweepReport) -> None:
        now = self._settled_by(now)
        with self.db.session() as s:
            due = repo.pending_scheduled_before(s, now)
        due = self._configured(due)
        items = [(f"draft.expire:{c.draft.id}:v{c.version.number}", c) for c in due]

        def send(s: Session, c: repo.DraftCandidate) -> bool:
            draft = s.get(DraftRow, c.draft.id)
            if draft is None or draft.state != "pending" or draft.current_version != c.version.number:
                return False
            self._hold_outside_hours(s, now)
            self.kessai.expire(s, draft, now)
            return True

        self._claim_each(report, "draft.expire", items, send)

    def _approvals(self, now: datetime, report: SweepReport) -> None:
        self._absences_ended(now, report)
        # After the absences end: an approver back from one (its end missed while kessai was down)
        # is given their requests back as a return, not asked as if the file had added them. Before
        # rerouting: the request of an approver the file dropped is retracted, not sent to deputies.
        self._follow_roster(now, report)
        self._reroute_absent(now, report)
        if not self.cal.is_business_instant(now):
            # Due while kessai was stopped, or a moment before closing: they wait for the next
            # business instant rather than reaching phones on a Saturday night.
            return
        p = self.org.policy
        remind_cutoff = business_instant_before(self.cal, now, p.approval_reminder_after)
        escalate_cutoff = business_instant_before(self.cal, now, p.approval_escalate_after)
        # A big city has thousands of drafts waiting past the reminder's cutoff, and in a quiet minute
        # every one of their keys is claimed: read only what names the keys (no texts), skip the claimed
        # ones in one look-up, and load whole only the drafts left. The keys are those computed below.
        with self.db.session() as s:
            light = [w for w in repo.pending_waits_before(s, max(remind_cutoff, escalate_cutoff))
                     if w.account_id and self.org.account(w.account_id) is not None]
        periods = reminder_periods(self.cal, now, p.approval_reminder_after,
                                   min((w.since for w in light), default=now))
        keys = {w.draft_id: (escalation_key(w.draft_id, w.version) if w.since <= escalate_cutoff else None,
                             f"approval.remind:{w.draft_id}:v{w.version}:{periods(w.since)}"
                             if w.since <= remind_cutoff else None) for w in light}
        with self.db.session() as s:
            done = repo.claimed(s, (k for pair in keys.values() for k in pair if k is not None))
            # (An escalation counts from the later of ``since`` and ``given_back``: one whose ``since``
            # is past the cutoff cannot be due, and which are due is decided below, on the whole rows.)
            open_ids = [d for d, pair in keys.items() if any(k is not None and k not in done for k in pair)]
            waiting = self._configured(repo.pending_candidates(s, open_ids))
            given_back = draft_repo.given_back_at(s, [c.draft.id or 0 for c in waiting])
        reminds: list[tuple[str, tuple[repo.DraftCandidate, int]]] = []
        escalations: list[tuple[str, repo.DraftCandidate]] = []
        for c in waiting:
            since = c.draft.updated_at
            ref = f"{c.draft.id}:v{c.version.number}"
            # After a deputy's request was given back to the returning approver, from when the
            # approver was asked (``deputies_due``): not an hour after withdrawing it.
            if escalation_start(since, given_back.get(c.draft.id or 0)) <= as_utc(escalate_cutoff):
                escalations.append((escalation_key(c.draft.id or 0, c.version.number), c))
            if since <= remind_cutoff:
                period = periods(since)
                reminds.append((f"approval.remind:{ref}:{period}", (c, period)))
        # Escalate first, so that a reminder sent in the same sweep also reaches the deputies. The
        # due-soon reminder before the daily one: due together (back from a stop), it stands for it.
        self._claim_each(report, "approval.escalate", escalations,
                         lambda s, c: self._escalate(s, now, c))
        self._due_soon(now, report)
        self._claim_each(report, "approval.remind", reminds,
                         lambda s, item: self._remind_approvers(s, now, *item, asked_before=remind_cutoff),
                         periodic=True)
        self._deputies_back(now, report)

    def _deputies_back(self, now: datetime, report: SweepReport) -> None:
        """A deputy who was away when a draft's escalation fell due (年末年始: the thread was told
        「代決者の…は不在のため、代決を依頼できませんでした」) is asked at their first business instant
        back (``Kessai.ask_deputy_back``), as SPEC 4.3 has it: without this the escalation was
        claimed with nobody asked, and the draft stayed with the slow approvers for good. Claimed per
        absence (``deputy_back_key``), so it is done once, on any replica; a sweep after that costs
        two small reads (the deputies' ended absences, their claims), not a look at every waiting draft."""
        deputies = {d for a in self.org.accounts for d in a.deputies}
        if not deputies:
            return
        with self.db.session() as s:
            back = [(who, start, until) for who, start, until in repo.absences_of(s, deputies, now)
                    if absence_over(self.cal, until, now)]
        items = [(deputy_back_key(who, until), (who, start, until)) for who, start, until in back]

        def send(s: Session, item: tuple[str, datetime, datetime]) -> object:
            who, start, until = item
            return True if self.kessai.ask_deputy_back(s, now, who, start, until) else SETTLED

        self._claim_each(report, "approval.escalate", items, send)

    def _due_soon(self, now: datetime, report: SweepReport) -> None:
        """Pending drafts whose scheduled time is DUE_SOON_LEAD of business time away: the approvers
        are asked once more, and the deputies too when the usual hand-off (``approval_escalate_after``)
        would come no earlier (``due_soon_hand_off``), as in the last hour it leaves them no time.
        Over a weekend or 年末年始 the regular reminders alone let a draft expire unseen. Once per version (``draft.due_soon:下書き:版``)."""
        # Due when at most DUE_SOON_LEAD of business time is left: scheduled at or before the end of
        # that much business time from now, or in the closed hours right after it (a 1/1 00:00 post
        # is due on 12/28 at 16:15). One bound, so the per-minute sweep reads only those drafts.
        horizon = next_business_instant(self.cal, self.cal.add_business_time(now, DUE_SOON_LEAD))
        with self.db.session() as s:
            scheduled = self._configured(repo.pending_scheduled_before(s, horizon))
            given_back = draft_repo.given_back_at(s, [c.draft.id or 0 for c in scheduled])
        p = self.org.policy
        escalations: list[tuple[str, tuple[repo.DraftCandidate, datetime]]] = []
        reminds: list[tuple[str, tuple[repo.DraftCandidate, datetime]]] = []
        for c in scheduled:
            if c.version.scheduled_at is None:
                continue
            at = as_utc(c.version.scheduled_at)
            since = as_utc(c.draft.updated_at)
            if not due_soon(self.cal, since, at, now):
                continue
            ref = f"{c.draft.id}:v{c.version.number}"
            if due_soon_hand_off(self.cal, p, since, at, now, given_back=given_back.get(c.draft.id or 0)):
                # The same key as the usual hand-off: the deputies are asked once either way.
                escalations.append((escalation_key(c.draft.id or 0, c.version.number), (c, at)))
            reminds.append((f"draft.due_soon:{ref}", (c, at)))
        self._claim_each(report, "approval.escalate", escalations,
                         lambda s, item: self._escalate(s, now, item[0], due=item[1]))
        self._claim_each(report, "draft.due_soon", reminds,
                         lambda s, item: self._remind_due_soon(s, now, *item))

    def _follow_roster(self, now: datetime, report: SweepReport) -> None:
        """The organisation file changed (and kessai restarted) while drafts wait: requests held by
        people it no longer names are retracted at once (their DMs must stop offering buttons that
        only refuse), and approvers it added are asked — within business hours, as reminders are.
        A deputy asked because the approvers were slow keeps their request when the approver it
        stood in for leaves; it stands in for a current one instead (``approval.repointed``).
        Idempotent through the requests themselves, and each draft is locked while it is changed,
        so a second sweep or a replica finds nothing left to do. The thread's notice of a
        retraction waits for the business morning when kessai restarts at night (a maintenance
        window): the DM losing its buttons is an edit, and goes at once."""
        ask = self.cal.is_business_instant(now)
        settled = self._settled_by(now)
        with self.db.session() as s:
            drifted = self.kessai.roster_drift(s, now, ask=ask)
        for draft_id in drifted:
            key = f"roster.follow:{draft_id}"  # (for _failing only: the requests themselves say what is done)
            failing = self._failing.get(key)
            if failing is not None and failing.last <= now < failing.next_try:
                report.deferred += 1
                continue
            try:
                with self.db.session() as s:
                    draft = draft_repo.get(s, draft_id, lock=True)
                    if draft is None:
                        continue
                    self._hold_outside_hours(s, settled)
                    asked, retracted, repointed = self.kessai.follow_roster(s, draft, now, ask=ask)
            except Exception as e:
                # As a reminder that cannot be written: one ERROR, tried ever less often (_failed).
                self._failed(report, key, e)
                continue
            self._no_longer_failing(key)
            if failing is not None:
                del self._failing[key]
                log.info("requests of draft %s follow the organisation file again, at try %d (failing since %s)",
                         draft_id, failing.tries + 1, failing.since.isoformat())
            if asked:
                report.sent["approval.added"] += 1
            if retracted:
                report.sent["approval.removed"] += 1
            if repointed:
                report.sent["approval.repointed"] += 1

    def _absences_ended(self, now: datetime, report: SweepReport) -> None:
        """An absence that simply ran out (the midnight after its last day) is over as if
        `/kessai away off` had been typed, at the approver's first business instant after it (the
        next opening of the calendar): 代決 stands in for an absent approver only (SPEC 4.3), and
        until the approver is at work the deputy keeps the request and may decide, for them.
        Withdrawing at midnight left the draft with nobody until the morning; keeping it until
        decided had the deputy decide 代決 for an approver who was at their desk
        (``Kessai.take_back``: the approver is asked and the deputy's request withdrawn in one
        transaction, unless the draft has waited long enough to be an escalation). Claimed per
        absence (its end is in the key), so two replicas do it once, and a later absence of the
        same person is its own."""
        now = self._settled_by(now)
        with self.db.session() as s:
            ended = [(who, until) for who, until in repo.absences_ended_with_deputies(s, now)
                     if absence_over(self.cal, until, now)]
        items = [(absence_ended_key(who, until), who) for who, until in ended]
        def send(s: Session, who: str) -> object:
            self._hold_outside_hours(s, now)
            if self.kessai.take_back(s, now, who):
                return True
            # Nothing came back: the approver was removed from those accounts' approvers meanwhile
            # (the deputies keep the requests), or the drafts were decided. Either way this absence
            # is settled; leaving it unclaimed would only look again every minute.
            log.info("absence of %s ended; no request to take back from the deputies", who)
            return SETTLED

        self._claim_each(report, "approval.back", items, send)

    def _reroute_absent(self, now: datetime, report: SweepReport) -> None:
        """Absences that began after a request was sent: the workflow re-routes them (idempotent
        through its approval_requests rows). Only looked at while someone is actually away."""
        now = self._settled_by(now)  # an absence that has not begun yet by the clock reroutes nothing
        with self.db.session() as s:
            if not repo.anyone_away(s, now):
                return
        try:
            with self.db.session() as s:
                self._hold_outside_hours(s, now)  # an absence that began at midnight
                n = self.kessai.reroute_absent(s, now)
        except IntegrityError:
            return  # another replica wrote the same deputy requests first
        if n:
            report.sent["approval.away"] += n

    def _hold_outside_hours(self, s: Session, at: datetime) -> None:
        """Expiry and the start of an absence happen at their instant, at any hour; the
        messages they write (DMs, mentions) are delivered from the next business instant, as the
        reminders are: a 1/1 00:00 expiry should not buzz phones at midnight. The outbox keeps them
        until then, so a process that is down at that moment sends them when it is back."""
        if not self.cal.is_business_instant(at):
            outbox.hold_posts_until(s, next_business_instant(self.cal, at))

    def _fresh_pending(self, s: Session, c: repo.DraftCandidate) -> DraftRow | None:
        draft = s.get(DraftRow, c.draft.id)
        if draft is None or draft.state != "pending" or draft.current_version != c.version.number:
            return None
        return draft

    def _escalate(self, s: Session, now: datetime, c: repo.DraftCandidate, *, due: datetime | None = None) -> bool:
        """Hand the draft to the deputies: it has waited ``approval_escalate_after``, or (``due``) its
        scheduled time is near and that wait would not end before then."""
        draft = self._fresh_pending(s, c)
        if draft is None:
            return False
        sent_to = self.kessai.send_to_deputies(s, draft, now, reason="escalated",
                                               why="投稿予定が近い" if due is not None else None)
        if not sent_to:
            # Nobody new to ask: say where things stand where the approvers and the author will see
            # it, once — the deputies may hold the request already (the approver is away), be away
            # themselves, or not exist. In the draft's thread, as the workflow's own notices are: a
            # form draft's thread hangs on a message the outbox may not have delivered yet.
            account = self.org.account(draft.account_id or "")
            if account is None:
                return True
            notice = self._escalation_notice(s, now, draft, account, c.version.number, due=due)
            if notice is None:
                # Put off, never dropped (SPEC 4.3): the claim is given back and a later sweep writes
                # the notice once the request is half an hour in hand. Settled here, a deputy asked
                # at midnight whose escalation fell due between 08:30 and 09:00 left the thread silent.
                return False
            self.kessai.notify.thread_notice(s, now, thread=self.kessai.thread_of(draft), text=notice)
        return True

    def _escalation_notice(self, s: Session, now: datetime, draft: DraftRow, account: Account, version: int,
                           *, due: datetime | None = None) -> str | None:
        """The thread's word that nobody new could be asked; None (not yet: ``_escalate`` tries again
        at the next sweep) while those it would call on all got the request in the last half hour
        (``request_in_hand_at``): a deputy asked at midnight whose request, and the thread's notice
        of it, the opening delivers at this very minute."""
        holding = [r for r in draft_repo.requests_for(s, draft.id or 0, version) if r.reason not in draft_repo.RETRACTED]
        standing_in = [r for r in holding if r.acting_for_id]
        candidates = self.kessai.deputy_candidates(draft, account)
        lines = [f":warning: 第{version}版は決裁待ちのまま{self._wait_label()}が過ぎました。" if due is None else
                 f":warning: 第{version}版は {self._fmt(due)} に投稿予定ですが、まだ決裁されていません。"]
        if standing_in:
            lines.append("代決者の " + "、".join(
                render.recipient_label(self.kessai.name_of(r.recipient_id), self.kessai.name_of(r.acting_for_id or ""))
                for r in standing_in) + "にはすでに決裁を依頼しています。")
        elif candidates:
            names = "、".join(f"{self._name(d)} さん" for d in candidates)
            lines.append(f"代決者の {names}は不在のため、代決を依頼できませんでした。")
        else:
            lines.append("このアカウントには代決者が登録されていません。")
        # Asked to decide: whoever holds the request and is not away (all of them if everyone is).
        asked = [r.recipient_id for r in holding if r.recipient_id != draft.author_id]
        away = repo.away_members(s, asked, now)
        who = [a for a in asked if a not in away] or asked
        in_hand = set(self._in_hand_before(s, draft, version, now - DUE_SOON_MIN_WAIT))
        if who and not in_hand.intersection(who):
            return None
        if who:
            lines[-1] += "、".join(f"{self._name(a)} さん" for a in who) + "、決裁をお願いします。"
        return "".join(lines)

    def _wait_label(self) -> str:
        return f"業務時間で{render.fmt_duration(self.org.policy.approval_escalate_after, day=self.cal.day_length)}"

    def _remind_approvers(self, s: Session, now: datetime, c: repo.DraftCandidate, period: int, *,
                          asked_before: datetime) -> object:
        draft = self._fresh_pending(s, c)
        if draft is None:
            return False
        account = self.org.account(draft.account_id or "")
        if account is None:
            return False
        # An approver added to the organisation file since the request went out has none: the
        # request itself is what they need, not a reminder of it.
        just_asked = set(self.kessai.ask_added_approvers(s, draft, now))
        # Everyone asked for this version (approvers and deputies, 代決) who has had the request for
        # at least approval_reminder_after: a deputy asked in this very sweep is not reminded yet.
        asked = repo.asked_before(s, draft.id or 0, c.version.number, asked_before)
        # An approver whose request is younger than that (added to the organisation file and asked
        # at the sweep after the restart) has it fresh in hand; the next reminder is theirs too.
        requests = draft_repo.requests_for(s, draft.id or 0, c.version.number)
        fresh = {r.recipient_id for r in requests
                 if r.reason not in draft_repo.RETRACTED and as_utc(r.created_at) > asked_before}
        # Someone the organisation file dropped, named by the older file of a replica not yet restarted:
        # their request says nothing is needed from them.
        removed = {r.recipient_id for r in requests if r.reason == draft_repo.REMOVED}
        recipients = list(dict.fromkeys(
            [a for a in account.approvers if a != draft.author_id and a not in fresh and a not in removed]
            + [r for r in asked if r != draft.author_id]))
        away = repo.away_members(s, recipients, now)
        recipients = [r for r in recipients if r not in away and r not in just_asked]
        if not recipients:
            return bool(just_asked)
        # Whoever was told within the hour that the scheduled time is near (``_remind_due_soon``):
        # 「決裁のお願い（3回目）」 a quarter of an hour after 「投稿予定が近づいています」 said the same
        # thing twice and taught people to skim both. The hand-off to the deputies is its own claim.
        told = self._due_soon_to(draft, c.version.number)
        recent = {k.removeprefix(told) for k in repo.claimed(
            s, [f"{told}{r}" for r in recipients], since=now - DUE_SOON_STANDS_FOR)}
        recipients = [r for r in recipients if r not in recent]
        if not recipients:
            return True if just_asked else SETTLED
        # The other order: 「決裁のお願い」 at 08:45 and 「投稿予定が近づいています」 (which says the
        # time left, and comes with the deputies' hand-off) at 09:00. Put off until then — the claim is
        # given back — and the lines above settle it for whoever the due-soon reminder reached. Whoever
        # it did not reach (or a due-soon reminder that could not be written) gets this one then.
        if c.version.scheduled_at is not None:
            due = due_soon_at(self.cal, draft.updated_at, c.version.scheduled_at)
            # (One a full hour before it still goes: it says when the deputies will be asked.)
            if due is not None and now < due < now + DUE_SOON_STANDS_FOR:
                return False
        p = self.org.policy
        since = draft.updated_at
        given_back = draft_repo.given_back_at(s, [draft.id or 0]).get(draft.id or 0)
        # The due-soon hand-off's instant when it comes first (``due_soon_hand_off``): the usual
        # hand-off's time, at or after it, promised the deputies a draft they had minutes to decide.
        escalate_at = deputies_asked_at(self.cal, p, since, c.version.scheduled_at, given_back=given_back)
        link = draft_link(draft.channel, self._thread_ts(s, draft), workspace_url=self.kessai.workspace_url)
        lines = [
            f"{self._waiting_draft(draft, c.version)}が、{self._fmt(since)} から決裁待ちになっています。",
            f">{self._excerpt(c.version.text)}",
            f"内容を確認し、{self._press_in_request(link)}",
        ]
        # Promised only while a deputy is left to ask: with the approver away (年末年始) the deputy
        # holds the request already and read 「代決者にも決裁を依頼します」 about themselves; an
        # account without deputies has nobody to hand it to (the escalation notice says so), nor
        # one whose deputies are all away at the hand-off (the notice says they were away).
        holding = {r.recipient_id for r in requests if r.reason not in draft_repo.RETRACTED}
        if escalate_at is not None and escalate_at > now and any(
            d not in holding for d in self.kessai.available_deputies(s, escalate_at, draft, account)
        ):
            lines.append(f"{self._fmt(escalate_at)} までに決裁がない場合は、代決者にも決裁を依頼します。")
        if c.version.scheduled_at is not None:
            lines.append(f"投稿予定は {self._fmt(c.version.scheduled_at)} です。それまでに決裁がないと、"
                         "この下書きは期限切れになります。")
        body = "\n".join(lines)
        # Counted per person: a deputy asked a day later, or an approver who was away for a
        # reminder, has had fewer reminders than the draft's age suggests.
        ref = self._reminded_to(draft, c.version.number)
        earlier = repo.claimed(s, (f"{ref}:{r}:{p}" for r in recipients for p in range(period)))
        for r in recipients:
            repo.claim(s, f"{ref}:{r}:{period}", now)
            n = 1 + sum(f"{ref}:{r}:{p}" in earlier for p in range(period))
            head = ":bell: *決裁のお願い*" if n == 1 else f":bell: *決裁のお願い（{n}回目）*"
            self._post(s, now, r, f"{head}\n{body}")
        return True

    def _waiting_draft(self, draft: DraftRow, version: DraftVersionRow) -> str:
        """The draft a reminder is about, as its first words say it (both reminders of a pending draft)."""
        # Checked (so pending, approved or exempt) only once its account is chosen (Kessai._account):
        # the 「（アカウント未指定）」 these reminders once had for None was never shown.
        assert draft.account_id is not None
        return (f"{self._account_name(draft.account_id)} の下書き（第{version.number}版、作成者 "
                f"{self._name(draft.author_id)} さん）")

    @staticmethod
    def _press_in_request(link: str) -> str:
        return f"先にお送りした決裁依頼のメッセージで「承認」または「差戻し」を押してください（{link}）。"

    def _remind_due_soon(self, s: Session, now: datetime, c: repo.DraftCandidate, at: datetime) -> object:
        draft = self._fresh_pending(s, c)
        account = self.org.account(draft.account_id or "") if draft is not None else None
        if draft is None or account is None:
            return False
        # An approver added to the organisation file since the request went out has none: the
        # request itself (which shows the scheduled time) is what they need.
        added = self.kessai.ask_added_approvers(s, draft, now)
        # Whoever holds the request, unless it reached them in the last half hour (a deputy asked in
        # this very sweep, an approver just added, a deputy asked at midnight whose request the
        # opening delivers): the request itself shows the scheduled time.
        holders = self._in_hand_before(s, draft, c.version.number, None)
        asked = set(self._in_hand_before(s, draft, c.version.number, now - DUE_SOON_MIN_WAIT))
        away = repo.away_members(s, holders, now)
        present = [r for r in dict.fromkeys(holders) if r not in away]
        recipients = [r for r in present if r in asked]
        if not recipients:
            # Those at work have the request fresh in hand: done (once per version), not put off
            # until it is half an hour old and then sent with a time left that is no longer true.
            return True if added else SETTLED if present else False
        # Whoever got 「決裁のお願い」 within the hour: the daily reminder waits for this one
        # (``_remind_approvers``), but goes without it when this one could not be written, and this
        # one, tried again a minute later, said the same thing again to the same people. That
        # reminder named the scheduled time and the expiry; the deputies' hand-off is its own claim.
        recent = self._reminded_since(s, draft, c.version.number, recipients, now)
        recipients = [r for r in recipients if r not in recent]
        if not recipients:
            return True if added else SETTLED
        link = draft_link(draft.channel, self._thread_ts(s, draft), workspace_url=self.kessai.workspace_url)
        # From the sweep's minute, not its second (09:00:30 still has 「1時間」 left), nor from when
        # it was due (``due_soon_at``): one kessai reached only at 09:45, back from a stop, has 15
        # minutes left, not the hour it would have had at 09:00.
        when = max(due_soon_at(self.cal, c.draft.updated_at, at) or now, now.replace(second=0, microsecond=0))
        left = render.fmt_duration(self.cal.business_time_between(when, at), day=self.cal.day_length)
        body = "\n".join([
            ":alarm_clock: *投稿予定が近づいています*",
            f"{self._waiting_draft(draft, c.version)}は {self._fmt(at)} に投稿予定ですが、まだ決裁されていません"
            f"（投稿予定までの業務時間は残り{left}です）。",
            f">{self._excerpt(c.version.text)}",
            f"{self._press_in_request(link)}投稿予定までに決裁がないと、この下書きは期限切れになります。",
        ])
        for r in recipients:
            self._post(s, now, r, body)
            repo.claim(s, f"{self._due_soon_to(draft, c.version.number)}{r}", now)
        return True

    @staticmethod
    def _reminded_to(draft: DraftRow, version: int) -> str:
        """The keys noting who got ``version``'s daily reminder, less ``:<person>:<period>``."""
        return f"approval.remind.to:{draft.id}:v{version}"

    def _reminded_since(self, s: Session, draft: DraftRow, version: int, people: list[str],
                        now: datetime) -> set[str]:
        """Which of ``people`` got a daily reminder of ``version`` within DUE_SOON_STANDS_FOR."""
        last = reminder_period(self.cal, as_utc(draft.updated_at), now, self.org.policy.approval_reminder_after)
        if last < 0:
            return set()
        ref = self._reminded_to(draft, version)
        # The current period and the one before (a reminder at 16:59 yesterday is within the hour of
        # 09:00 today): the keys of older periods were claimed more than an hour ago.
        keys = {f"{ref}:{r}:{p}": r for r in people for p in range(max(0, last - 1), last + 1)}
        # Less than the hour, as the daily reminder is put off for one due less than an hour after it:
        # one a full hour before (it names the deputies' hand-off) is followed by this one.
        since = now - DUE_SOON_STANDS_FOR + timedelta(microseconds=1)
        return {keys[k] for k in repo.claimed(s, keys, since=since)}

    @staticmethod
    def _due_soon_to(draft: DraftRow, version: int) -> str:
        """The keys noting who got ``version``'s due-soon reminder, less the person (DUE_SOON_TO_PREFIX)."""
        return f"{DUE_SOON_TO_PREFIX}{draft.id}:v{version}:"

    def _in_hand_before(self, s: Session, draft: DraftRow, version: int, cutoff: datetime | None) -> list[str]:
        """Who holds a request for ``version`` that was in their hands at or before ``cutoff``
        (``request_in_hand_at``; None: whenever), the author aside. A deputy's request written
        outside business hours is as a rule the sweep's at the midnight an absence began (an
        escalation comes in business hours), its DM held until the next business instant; one a
        `/kessai away` typed on a closed day wrote went at once, and loses only the reminder."""
        return [r.recipient_id for r in draft_repo.requests_for(s, draft.id or 0, version)
                if r.reason not in draft_repo.RETRACTED and r.recipient_id != draft.author_id
                and (cutoff is None or request_in_hand_at(self.cal, r.created_at, held=r.acting_for_id is not None) <= cutoff)]

    def _unpublished(self, now: datetime, report: SweepReport) -> None:
        """An approved (or exempt) version whose scheduled time has come and that is not marked
        published: its author is asked to register the post. At that instant in business hours (the
        reminder is also the prompt to post by hand). Scheduled outside them (at night, on a holiday,
        in 年末年始, on a closed day) the post was reserved on the SNS or is out of office hours anyway, and the author
        can only register its URL once it exists: the DM is written at the scheduled time but held
        in the outbox for the next business morning, worded for then, and taken back if the version
        is published or voided first (``Notifier.published``/``voided``). So is one the sweep reaches
        only after hours (kessai was down), as other reminders missed then. 緊急・災害 stays on time."""
        # Asked once per version: a sweep ahead of the clock (remind --now tomorrow) would tell the
        # author the time has come before it has, and take the key of the asking at the time itself.
        now = self._settled_by(now)
        with self.db.session() as s:
            due = repo.scheduled_between(s, ["approved", "exempt"], now - UNPUBLISHED_LOOKBACK, now)
        due = self._configured(due)
        items = [(f"draft.unpublished:{c.draft.id}:v{c.version.number}", c) for c in due]

        def send(s: Session, c: repo.DraftCandidate) -> bool:
            # Locked: a 「投稿済みにする」 committed at this instant either comes first (and is seen
            # here) or after (and takes back the DM held for the morning).
            draft = draft_repo.get(s, c.draft.id or 0, lock=True)
            if draft is None or draft.published_at is not None or draft.state not in ("approved", "exempt") \
                    or draft.current_version != c.version.number:
                return False
            version: DraftVersionRow = c.version
            assert version.scheduled_at is not None
            at = as_utc(version.scheduled_at)
            # A time in business hours reached only after them (kessai was down until the evening)
            # waits for the morning too: the author is no more at work to post or register it. The
            # hours' last minute is in them, as schedule.outside_hours reads it (a post at 17:15 was
            # not warned of, so its reminder comes at 17:15).
            after_hours = draft.category != "emergency" and not (self.cal.in_working_hours(at)
                                                                 and self.cal.in_working_hours(now))
            if after_hours:
                outbox.hold_posts_until(s, next_business_instant(self.cal, now))
            link = draft_link(draft.channel, self._thread_ts(s, draft), workspace_url=self.kessai.workspace_url)
            assert draft.account_id is not None  # approved or exempt: checked, so chosen (see _waiting_draft)
            account = self._account_name(draft.account_id)
            if after_hours:
                head = (f":calendar: *未投稿の下書きの確認*\n{self._fmt(at)} に投稿予定だった {account} の下書き"
                        f"（第{version.number}版）が、まだ投稿済みになっていません。")
                ask = ("SNSに投稿されていたら、下書きのスレッドの「投稿済みにする」を押して投稿のURLを登録してください"
                       f"（{link}）。まだ投稿していない場合は投稿してから登録し、投稿を取りやめる場合はスレッドにその旨を書いてください。")
            else:
                head = (f":calendar: *投稿予定時刻になりました*\n{account} の下書き"
                        f"（第{version.number}版）は {self._fmt(at)} に投稿する予定ですが、まだ投稿済みになっていません。")
                ask = ("SNSに投稿したら、下書きのスレッドの「投稿済みにする」を押して投稿のURLを登録してください"
                       f"（{link}）。投稿を取りやめる場合は、スレッドにその旨を書いてください。")
            self._post(s, now, draft.author_id, f"{head}\n>{self._excerpt(version.text)}\n{ask}",
                       key=unpublished_key(draft.id or 0, version.number))
            return True

        self._claim_each(report, "draft.unpublished", items, send)

    # -- incidents --------------------------------------------------------------------------
    def _incidents(self, now: datetime, report: SweepReport) -> None:
        """Re-alerts back off (``realert_number``) and holding-statement requests repeat once a day
        (``holding_number``). Keyed by their number: a sweep run twice or on two replicas sends each
        once, and after a stop only the latest due is sent (``_claim_each``'s periodic catch-up).
        Not ``incident.unacked:`` / ``incident.holding:``, whose numbers counted every quarter hour and
        every two hours: an incident open across the upgrade would have found its new numbers claimed
        already, and heard nothing for hours."""
        p = self.org.policy
        with self.db.session() as s:
            unacked = repo.incidents_unacked_since(s, now - p.incident_ack_within)
            slow = repo.incidents_acked_since(s, now - p.holding_statement_after)
        realerts = []
        for inc in unacked:
            number = realert_number(now - as_utc(inc.created_at), p.incident_ack_within)
            if number is not None:
                realerts.append((f"{REALERT_PREFIX}{inc.id}:{number}", (inc.id, number)))
        holdings = []
        for inc in slow:
            assert inc.acked_at is not None
            acked_at = as_utc(inc.acked_at)
            number = holding_number(acked_at, p.holding_statement_after, now, self.zone, self.cal.start)
            if number is not None:
                # The series is the acknowledger's: one who takes the incident over (引き継いで対応開始)
                # starts their own, as the take-over's note promises. Keyed by the incident alone, the
                # numbers the first acknowledger had been sent were claimed already, and the one taking
                # over heard nothing for as many days.
                holdings.append((f"{HOLDING_PREFIX}{inc.id}:{int(acked_at.timestamp())}:{number}", (inc.id, number)))
        self._claim_each(report, "incident.unacked", realerts,
                         lambda s, item: self.incidents.realert(s, now, *item), periodic=True)
        self._claim_each(report, "incident.holding", holdings,
                         lambda s, item: self.incidents.holding_reminder(s, now, *item), periodic=True)

    # -- monthly minimum (上越市 4(4)②) ------------------------------------------------------
    def _monthly(self, now: datetime, report: SweepReport) -> None:
        # A phase that was missed (kessai stopped over the 20th) catches up at the next business
        # instant, not at 23:30 on a Saturday.
        if not self.cal.is_business_instant(now):
            return
        if self.org.policy.min_posts_per_month <= 0:
            # 0 switches the monthly minimum off (kessai.example.toml): a monthly report that every
            # account met 「月0回以上」 would only be noise in the escalation channel.
            return
        local = now.astimezone(self.zone)
        y, m = local.year, local.month
        last_day = self.cal.last_business_day(y, m)
        last_open = datetime.combine(last_day, self.cal.start, tzinfo=self.zone).astimezone(UTC)
        mid_open = business_opening_on_or_after(self.cal, date(y, m, 20))
        report_open = business_opening_on_or_after(self.cal, date(y, m, 1))
        month_end = month_bounds(y, m, self.zone)[1]
        tag = f"{y:04d}-{m:02d}"
        py, pm = previous_month(y, m)
        ptag = f"{py:04d}-{pm:02d}"
        # Each phase has a "done" key, so that once a phase is complete the sweep costs one look-up.
        phases = []
        # Each phase runs until the next one starts: a sweep that was stopped on the day catches up
        # later, but never sends a stale phase (no "20th" reminder on the last business day).
        # Except the report on last month: it is what 撤退 is decided on, so one missed because kessai
        # was down until after the 20th still goes (saying it is late) while this month lasts.
        if report_open <= now < month_end:
            # Months before last month whose report no sweep sent (kessai down from 10/28 to 12/3
            # misses October's, due 11/2, as well as November's): each still goes, oldest first and
            # saying it is late, since 撤退 is decided on them. Within CATCH_UP_MONTHS: a copy of a
            # database restored after years would otherwise flood the channel with reports nobody
            # asked for. Months before kessai was in use are skipped by ``_monthly_report``.
            earlier = [(py, pm)]
            while len(earlier) < CATCH_UP_MONTHS:
                earlier.append(previous_month(*earlier[-1]))
            phases += [f"monthly.report.done:{ky:04d}-{km:02d}" for ky, km in reversed(earlier)]
        # The asks are stale by the real time too (``settle_until``, which `remind --now` passes): a
        # replay on 12/4 for 11/20 must not ask, on 12/4, for posts 「11月30日までに」 (its messages
        # go out now, whatever --now says).
        real = (self.settle_until or now).astimezone(UTC)
        if mid_open <= now < last_open and real < last_open:
            phases.append(f"monthly.midmonth.done:{tag}")
        if last_open <= now < month_end and real < month_end:
            phases.append(f"monthly.lastday.done:{tag}")
        # Last month's last business day, missed (kessai down all of 12/28, the last one before
        # 年末年始): caught up until the first business day of this month closes, so that the
        # people concerned still hear it; later it is stale, and the 1st's report has the numbers.
        first_day = self.cal.business_day_on_or_after(date(y, m, 1))
        first_close = datetime.combine(first_day, self.cal.end, tzinfo=self.zone).astimezone(UTC)
        if now < first_close and real < first_close:
            # Before last month's report (which follows it in time), after any older ones.
            at = phases.index(f"monthly.report.done:{ptag}") if f"monthly.report.done:{ptag}" in phases else 0
            phases.insert(at, f"monthly.lastday.done:{ptag}")
        settled = self._settled_by(now)
        # `remind --now` run ahead of the clock into the next month (trying the 1st's reminders on
        # the 27th): last month is not over, and its report, once sent, is never sent again with
        # the posts of its last days (the basis of 撤退). It goes when the month is really over.
        phases = [p for p in phases if p.endswith(f".done:{tag}") or settled >= month_bounds(
            *_month_of(p), self.zone)[1]]
        if not phases:
            return
        with self.db.session() as s:
            done = repo.claimed(s, phases)
            kept_since = repo.minimums_kept_since(s)
        before_us: list[tuple[int, int]] = []
        for phase in phases:
            if phase in done:
                continue
            failed = report.unsent
            kind, _, _ = phase.partition(".done:")
            ky, km = _month_of(phase)
            if kind == "monthly.report":
                ny, nm = (ky + 1, 1) if km == 12 else (ky, km + 1)
                if (ky, km) != (py, pm) and (kept_since is None or month_bounds(ny, nm, self.zone)[1] <= kept_since):
                    # Its month to be sent in ended before sweeps noted the minimum: an older kessai,
                    # which sent only last month's report, was in charge of it, and without the note
                    # nothing tells a report lost to an outage from one left out because the
                    # minimum was 0 (off) then. Upgrading must not send months of old reports.
                    before_us.append((ky, km))
                else:
                    self._monthly_report(now, report, ky, km,
                                         due=business_opening_on_or_after(self.cal, date(ny, nm, 1)))
            elif (ky, km) != (y, m):
                self._monthly_shortfall(now, report, kind, ky, km, self.cal.last_business_day(ky, km), late=True)
            else:
                self._monthly_shortfall(now, report, kind, y, m, last_day)
            self._mark_done(report, failed, phase, now)
        if before_us:
            # Said once: the first remind on a fresh database passes a year of months, and eleven
            # lines saying the same thing bury what else it logged.
            (fy, fm), (ly, lm) = min(before_us), max(before_us)
            span = f"{fy:04d}-{fm:02d}" + ("" if len(before_us) == 1 else f" to {ly:04d}-{lm:02d} ({len(before_us)} months)")
            log.info("no catch-up report for %s: %s before this kessai", span,
                     "its month ended" if len(before_us) == 1 else "their months ended")

    def _shortfalls(self, year: int, month: int, need: int, until: datetime | None = None) -> list[tuple[Account, int]]:
        start, end = month_bounds(year, month, self.zone)
        if until is not None:
            end = min(end, until)
        with self.db.session() as s:
            counts = repo.publications_by_account(s, start, end)
        return [(a, counts.get(a.id, 0)) for a in self._accounts_of(year, month) if counts.get(a.id, 0) < need]

    def _less_coming(self, short: list[tuple[Account, int]], need: int, now: datetime, month_end: datetime, *,
                     lastday: bool) -> list[tuple[Account, int]]:
        """``short`` without the accounts whose posts already on their way this month make up the
        standard: an operator whose post was approved for the 25th was told on the 20th 「現在 0 件…
        投稿をお願いします」, and on the last business day the approvers and the escalation channel
        heard that an account posting that afternoon had not met it; told what they had already
        done, people learn to ignore the reminder. On the 20th a draft still waiting for a decision
        counts too (its approvers are reminded of it; sent back and dropped, the last business
        day's reminder still goes); on the last business day only an approved (or 決裁省略) one. A
        time already past is not on its way: its author was asked to post or record it
        (``_unpublished``), and the account stays in the list. The 1st's report counts posts alone."""
        states = ["approved", "exempt"] if lastday else ["approved", "exempt", "pending"]
        with self.db.session() as s:
            coming = repo.coming_by_account(s, states, now, month_end - timedelta(microseconds=1))
        return [(a, n) for a, n in short if n + coming.get(a.id, 0) < need]

    def _accounts_of(self, y: int, m: int) -> list[Account]:
        """The accounts of the file that were in kessai during month ``m``: one first in the file
        after it (added, and kessai restarted, on the 1st at 8:00) was not, and 「0 件」 in the report
        on that month would be untrue of it."""
        with self.db.session() as s:
            known = repo.accounts_known_since(s)
        end = month_bounds(y, m, self.zone)[1]
        return [a for a in self.org.accounts if (t := known.get(a.id)) is None or t < end]

    def _minimum_of(self, y: int, m: int) -> int:
        """The standard a month that is over is judged by: ``min_posts_per_month`` as it was during
        that month (the file may have been changed since, e.g. on 4/1 for the new 運用計画書), the
        lowest when it changed within the month, so that no account is reported short (撤退) of a
        standard that did not hold all month. Months without a record: the file's value now.
        0 when it was switched off (0) at some time in the month: no standard held all month, and
        a month run with it off must not be reported against the value it was switched back on at."""
        with self.db.session() as s:
            seen = repo.minimums(s, f"{y:04d}-{m:02d}")
        return max(0, min(seen)) if seen else self.org.policy.min_posts_per_month

    def _started_during(self, y: int, m: int) -> date | None:
        """The local day kessai started being used, when that was after the start of month ``m``:
        its posts before then were never recorded, so that month's counts are partial."""
        with self.db.session() as s:
            since = repo.in_use_since(s)
        start, end = month_bounds(y, m, self.zone)
        if since is None or not start < since < end:
            return None
        return since.astimezone(self.zone).date()

    def _added_during(self, y: int, m: int) -> dict[str, date]:
        """Accounts added to the organisation file during month ``m``, after kessai came into use,
        and the local day each was: their posts before then never went through kessai."""
        with self.db.session() as s:
            since = repo.in_use_since(s)
            known = repo.accounts_known_since(s)
        start, end = month_bounds(y, m, self.zone)
        return {a: t.astimezone(self.zone).date() for a, t in known.items()
                if start < t < end and (since is None or t > since)}

    @staticmethod
    def _since_phrase(started: date | None, added: date | None) -> str | None:
        """From when a month's count of one account is kept, when not from the month's start."""
        if added is not None:
            return f"{added.month}月{added.day}日に kessai に登録されてから"
        if started is not None:
            return f"{started.month}月{started.day}日に kessai の利用を始めてから"
        return None

    def _post_rest_in_thread(self, s: Session, now: datetime, channel: str, parent_key: str, title: str,
                             pages: list[list[str]]) -> None:
        """Pages 2… of a list under the message ``parent_key`` in ``channel``, in order (held until it is posted)."""
        for i, page in enumerate(pages[1:], start=2):
            text = f"{title}（続き {i}/{len(pages)}）\n" + "\n".join(page)
            outbox.enqueue_reply_after(s, parent_key, {"channel": channel, "text": render.preview(text),
                                                       "blocks": render.sections(text),
                                                       "unfurl_links": False, "unfurl_media": False}, now=now)

    @staticmethod
    def _partial_note(started: date) -> str:
        return (f"{started.month}月{started.day}日に kessai の利用を始めてからの記録による件数です"
                "（それより前の投稿は含みません）。")

    def _in_use_before(self, t: datetime) -> bool:
        """Whether kessai was in use before ``t``: a sweep for an earlier instant (``remind --now``
        in the past) has no records of that period, and its reminders would report zero posts."""
        with self.db.session() as s:
            since = repo.in_use_since(s)
        return since is not None and since < t

    def _monthly_shortfall(self, now: datetime, report: SweepReport, kind: str, y: int, m: int,
                           last_day: date, *, late: bool = False) -> None:
        """``late``: month ``m`` is over, and its last business day went by while kessai was down."""
        if not self._in_use_before(month_bounds(y, m, self.zone)[1]):
            log.info("no %s reminder for %04d-%02d: kessai was not in use that month", kind, y, m)
            return
        if late and not self._in_use_before(datetime.combine(last_day, self.cal.end, tzinfo=self.zone)):
            # Installed after that day closed: nothing was missed, and 「kessai が停止していた」 would
            # be untrue. The report on the month, sent the same morning, has its numbers.
            log.info("no late %s reminder for %04d-%02d: kessai came into use after %s", kind, y, m, last_day)
            return
        need = self._minimum_of(y, m) if late else self.org.policy.min_posts_per_month
        if need <= 0:
            log.info("no late %s reminder for %04d-%02d: min_posts_per_month was 0 then", kind, y, m)
            return
        # Counted as of when the messages go out: a `remind --now` replay for the 20th run on the
        # 25th said 「現在 0 件です」 and asked for a post made and recorded on the 22nd, and took a
        # post approved for the 21st, never recorded, for one still on its way.
        as_of = self._sent_at(now)
        short = self._shortfalls(y, m, need, until=as_of)
        tag = f"{y:04d}-{m:02d}"
        lastday = kind == "monthly.lastday"
        if not late:
            short = self._less_coming(short, need, as_of, month_bounds(y, m, self.zone)[1], lastday=lastday)
        # In the month kessai started, "現在 0 件" would claim posts that may well have been made
        # (before kessai) did not happen; the reminder still goes, with the count it can vouch for.
        started = self._started_during(y, m)
        added = self._added_during(y, m)
        if late:
            log.info("%s for %04d-%02d sent late: kessai was not running on %s", kind, y, m, last_day)

        def people(item: tuple[Account, int]) -> list[str]:
            account, _n = item
            return list(account.operators) + (list(account.approvers) if lastday else [])

        def single(item: tuple[Account, int]) -> str:
            account, n = item
            since = self._since_phrase(started, added.get(account.id))
            if late:
                count = (f"{n} 件でした" if since is None else
                         f"{since}の記録では {n} 件でした（それより前の投稿は kessai には記録されていません）")
                return (
                    f":calendar: *{m}月の投稿についてのお知らせ*\n{self._account_name(account.id)} の{m}月の投稿は、"
                    f"{count}。公式アカウントは1か月に{need}回以上の発信が基準です。\n"
                    f"{late_note}{m}月に投稿して記録していないものがあれば、下書きのスレッドの「投稿済みにする」で記録してください"
                    "（記録された投稿だけが数えられます）。今月も基準を満たすよう、投稿をお願いします。")
            count = (f"現在 {n} 件です" if since is None else
                     f"{since}の記録では {n} 件です（それより前の投稿は kessai には記録されていません）")
            return (
                f":calendar: *今月の投稿のお願い*\n{self._account_name(account.id)} の{m}月の投稿は、"
                f"{count}。公式アカウントは1か月に{need}回以上の発信が基準です。"
                f"\n{when}投稿をお願いします。投稿したら、下書きのスレッドの"
                "「投稿済みにする」で記録してください（記録された投稿だけが数えられます）。")

        def bundled(got: list[tuple[Account, int]]) -> Bundle:
            # One person asked about several accounts (an operator of ten short accounts had ten DMs
            # at once): one line each with its count; the standard and what to do are said once.
            lines = []
            for account, n in got:
                notes = []
                if (d := added.get(account.id)) is not None:
                    notes.append(f"{d.month}月{d.day}日に kessai に登録されてからの記録")
                if need > 1 and not late:
                    notes.append(f"基準まであと {need - n} 件")
                note = f"（{'、'.join(notes)}）" if notes else ""
                lines.append(f"・{listed_name(account)}: {'' if late else '現在 '}{n} 件{note}")
            standard = f"公式アカウントは1か月に{need}回以上の発信が基準です。"
            # As the channel's list: the month kessai started is said once, an account added since on its line.
            if started is not None and any(a.id not in added for a, _n in got):
                standard += "\n" + self._partial_note(started)
            if late:
                return Bundle(
                    head=(f":calendar: *{m}月の投稿についてのお知らせ*\n次の {len(got)} アカウントは、{m}月の投稿が"
                          f"基準に達しませんでした。{standard}"),
                    lines=lines,
                    foot=(f"{late_note}{m}月に投稿して記録していないものがあれば、下書きのスレッドの「投稿済みにする」で"
                          "記録してください（記録された投稿だけが数えられます）。今月も基準を満たすよう、投稿をお願いします。"),
                    title=f"*{m}月の投稿が基準に達しなかったアカウント*")
            return Bundle(
                head=(f":calendar: *今月の投稿のお願い*\n次の {len(got)} アカウントは、{m}月の投稿がまだ基準に"
                      f"達していません。{standard}"),
                lines=lines,
                foot=(f"{when}それぞれ投稿をお願いします。投稿したら、下書きのスレッドの「投稿済みにする」で"
                      "記録してください（記録された投稿だけが数えられます）。"),
                title=f"*{m}月の投稿が基準に達していないアカウント*")

        when = "本日が今月最後の業務日です。本日中に" if lastday else f"今月最後の業務日である {self._fmt_day(last_day)} までに"
        late_note = (f"このお知らせは {m}月の最終業務日（{self._fmt_day(last_day)}）にお送りするものでしたが、"
                     "その日は kessai が停止していたため、本日お送りしています。")
        self._claim_bundled(report, kind, [(f"{kind}:{a.id}:{tag}", (a, n)) for a, n in short], people, single,
                            bundled)
        channel = self.org.policy.escalation_channel
        # Late, the channel's list would repeat the report on last month it gets the same morning.
        if lastday and short and channel and not late:
            def channel_send(s: Session, _item: None) -> bool:
                pages = list_pages(short, added)
                lines = pages[0] + more_in_thread(pages)
                key = f"{kind}.channel:{tag}"
                self._post(s, now, channel, (
                    f":warning: *{m}月の投稿が基準（月{need}回以上）に達していないアカウント"
                    f"（{len(short)} 件、本日 {self._fmt_day(last_day)} 時点）*\n"
                    + (self._partial_note(started) + "\n" if started else "") + "\n".join(lines)
                    + "\n運用担当者と運用管理責任者には個別にお知らせしました。"), key=key)
                self._post_rest_in_thread(s, now, channel, key, f"*{m}月の投稿が基準に達していないアカウント*", pages)
                return True

            self._claim_each(report, kind, [(f"{kind}.channel:{tag}", None)], channel_send)

    def _monthly_report(self, now: datetime, report: SweepReport, y: int, m: int, *, due: datetime) -> None:
        """``due``: the opening at which the report is sent; one sent after that day closed says so."""
        channel = self.org.policy.escalation_channel
        if not channel:
            return
        if not self._in_use_before(month_bounds(y, m, self.zone)[1]):
            # kessai was not running that month: its zero counts would be a false report.
            log.info("no report for %04d-%02d: kessai was not in use that month", y, m)
            return
        need = self._minimum_of(y, m)
        if need <= 0:
            # Switched off (0) during that month: there was no standard to report the month against.
            log.info("no report for %04d-%02d: min_posts_per_month was 0 then", y, m)
            return
        shortfalls = self._shortfalls(y, m, need)  # only fewer once the claim is held (see send)
        started = self._started_during(y, m)
        added = self._added_during(y, m)
        # No sweep ran in the month (each notes the month's minimum, by the real clock): kessai was
        # down all of it, and its 「0 件」 say nothing of what was posted meanwhile outside kessai.
        # Only for a month that began after sweeps started noting it: an older kessai ran without
        # noting, and the first report after the upgrade must not say that it was stopped.
        with self.db.session() as s:
            kept_since = repo.minimums_kept_since(s)
            noted = repo.minimums(s, f"{y:04d}-{m:02d}")
            down_all_month = (started is None and kept_since is not None
                              and kept_since <= month_bounds(y, m, self.zone)[0] and not noted)
        # An account registered on the month's last business day (or after it) had no working day
        # to post in before the month ended: listing it as short is a 撤退 case nobody could avoid.
        last_day = self.cal.last_business_day(y, m)
        too_late = [a for a in self.org.accounts if (d := added.get(a.id)) is not None and d >= last_day]
        judged = len(self._accounts_of(y, m)) - len(too_late)

        def send(s: Session, _item: None) -> bool:
            # Counted again in the claim's transaction, in turn with 投稿済み registrations: one of
            # the month committed between the count above and the claim saw no report to correct
            # (report_correction) and would be missing from this one too, its account listed short.
            draft_repo.lock_publications(s)
            counts = repo.publications_by_account(s, *month_bounds(y, m, self.zone))
            short = [(a, counts.get(a.id, 0)) for a, _n in shortfalls
                     if counts.get(a.id, 0) < need and all(a.id != b.id for b in too_late)]
            head = f":bar_chart: *{y}年{m}月の投稿件数の報告（基準: 1アカウント月{need}回以上）*\n"
            if started is not None:
                head += self._partial_note(started) + "\n"
            if down_all_month:
                head += (f"{m}月は kessai が停止していたため、その間に kessai を通さずに行われた投稿は件数に含まれていません。"
                         "撤退の判断の前に、各アカウントの実際の投稿を確かめてください。\n")
            pages = list_pages(short, added)
            if not short:
                body = (f"全 {judged} アカウントが基準を満たしました。" if not too_late
                        else f"対象の {judged} アカウントがすべて基準を満たしました。" if judged else "")
            else:
                lines = pages[0] + more_in_thread(pages)
                body = (f"基準に達しなかったアカウントは {len(short)} 件です。\n" + "\n".join(lines)
                        + "\n計画書どおりに発信されていないアカウントは、撤退（アカウント削除）の判断材料になります。")
            if too_late:
                listed = _within_room([listed_name(a) for a in too_late[:REPORT_LIST_LIMIT]])
                names = "、".join(listed)
                more = f"、{render.and_more(len(too_late) - len(listed), 'アカウント')}" if len(too_late) > len(listed) else ""
                body += ("\n" if body else "") + (
                    f"{names}{more} は{m}月の最終業務日（{self._fmt_day(last_day)}）以降に kessai に登録されたため、"
                    f"{m}月は基準の対象にしていません（{m % 12 + 1}月から数えます）。")
            due_day = due.astimezone(self.zone).date()
            # Late by the real clock too: a replay for the 1st run on the 4th is sent on the 4th.
            sent_at = self._sent_at(now)
            if sent_at >= datetime.combine(due_day, self.cal.end, tzinfo=self.zone).astimezone(UTC):
                # Not 「kessai was down」: it is late too when escalation_channel or the minimum was
                # set after that day, and the wording must stay true whatever the cause.
                body += (f"\nこの報告は本来 {self._fmt_day(due_day)}にお送りするものでしたが、遅れて本日お送りしています"
                         "（件数は本日までに記録された投稿によります）。")
            # Keyed: a post recorded for the month after this report replies under it (report_correction).
            self._post(s, now, channel, head + body, key=report_key(y, m))
            if pages:
                self._post_rest_in_thread(s, now, channel, report_key(y, m), f"*{y}年{m}月に基準に達しなかったアカウント*", pages)
            if not noted:
                # No sweep ran that month: the standard is today's file. Noted with the report, so that
                # report_correction judges a later record by what the report said even if the file
                # changes meanwhile (it would otherwise take the new value: a note about an account the
                # report never listed, and none for one it did).
                repo.note_minimum(s, f"{y:04d}-{m:02d}", need, self._real_now())
            return True

        self._claim_each(report, "monthly.report", [(f"monthly.report:{y:04d}-{m:02d}", None)], send)

    # -- yearly: 運用計画書 (上越市 6(1)①) ---------------------------------------------------
    def _plan_renewal(self, now: datetime, report: SweepReport) -> None:
        if not self.cal.is_business_instant(now):
            return
        local = now.astimezone(self.zone)
        year = local.year
        opens = business_opening_on_or_after(self.cal, date(year, 3, 1))
        fiscal_end = datetime(year, 4, 1, tzinfo=self.zone).astimezone(UTC)
        if not (opens <= now < fiscal_end) or not self._in_use_before(fiscal_end):
            return
        # Per roster: an account added in March (after the 1st's reminders) needs a plan for the
        # coming 年度 too; the per-account keys keep the others from being asked twice.
        done_key = f"plan.renewal.done:{year}:{self._roster_digest()}"
        with self.db.session() as s:
            if repo.claimed(s, [done_key]):
                return

        # 年度末 (6(1)①: 年度末に再度計画書を作成し、広報対話課長に提出) as a day the 課 is open: when
        # 3/31 falls on a Saturday or Sunday, 「3月31日までに」 promised a day nobody can receive it.
        fiscal_last = date(year, 3, 31)
        deadline = self.cal.last_business_day(year, 3)
        closed_note = ("" if deadline == fiscal_last else
                       f"（年度末の{self._fmt_day(fiscal_last)}は閉庁日のため、その前の業務日を期限としています）")

        # 上越市 hands it to 広報対話課長; another organisation hands its plan (和気町 5(2) 運用方針,
        # 美祢市社協 4(1) 運用方針等) to the department that oversees its accounts.
        to = render.escape(plan_receiver_ja(self.org))

        def single(account: Account) -> str:
            return (
                f":memo: *運用計画書の更新のお願い*\n{self._account_name(account.id)} の運用期間は年度単位です。"
                "来年度も運用を続ける場合は、"
                f"{render.fmt_date(deadline)}までに運用計画書を作成し、{to}に提出して"
                f"ください{closed_note}。運用をやめる場合は、アカウントを停止する旨を周知してから削除する手順になります。")

        def bundled(accounts: list[Account]) -> Bundle:
            return Bundle(
                head=(f":memo: *運用計画書の更新のお願い*\n次の {len(accounts)} アカウントの運用期間は年度単位です。"),
                lines=[f"・{listed_name(a)}" for a in accounts],
                foot=(f"来年度も運用を続けるアカウントは、{render.fmt_date(deadline)}までにアカウントごとに"
                      f"運用計画書を作成し、{to}に提出してください{closed_note}。"
                      "運用をやめるアカウントは、停止する旨を周知してから削除する手順になります。"),
                title="*運用計画書の更新をお願いするアカウント*")

        failed = report.unsent
        self._claim_bundled(report, "plan.renewal", [(f"plan.renewal:{a.id}:{year}", a) for a in self.org.accounts],
                            lambda a: a.approvers, single, bundled)
        self._mark_done(report, failed, done_key, now)

    # -- password rotation (上越市 6(1)①) ----------------------------------------------------
    def _passwords(self, now: datetime, report: SweepReport) -> None:
        # These ask a person to do something at a keyboard: only in business hours.
        if not self.cal.is_business_instant(now):
            return
        every = timedelta(days=self.org.policy.password_rotation_days)
        today = now.astimezone(self.zone).date()
        with self.db.session() as s:
            # Only accounts whose latest rotation is at least one period old come back.
            overdue = repo.last_rotations(s, not_after=now - every)
            never_done = f"password.never.done:{self._roster_digest()}"
            # Accounts still without a record are looked at again once a business day (and until the
            # day's due asks are out): asked once and never again, an account whose operators let
            # the first ask go by was left unrotated for good (上越市 6(1)①: 定期的に変更).
            again_done = f"password.never.again.done:{today.isoformat()}:{self._roster_digest()}"
            done = repo.claimed(s, [never_done, again_done])
            check_never, check_again = never_done not in done, again_done not in done
            recorded = repo.accounts_with_rotations(s) if check_never or check_again else set()
            asked = repo.never_rotated_asks(s) if check_again else {}
            # The asks are claimed at the real time they went out (below). One claimed before that
            # (at the instant swept for) is not dated before kessai came into use: a first ask sent
            # by a `remind --now` for last year would otherwise date its periods from then, and ask
            # again at once. Not the account's registration: an account taken out of the file and
            # put back is registered anew, which restarted its periods and left it unasked for one.
            since = repo.in_use_since(s) if asked else None
            asked = {a: max(t, since) if since is not None else t for a, t in asked.items()}
        items: list[tuple[str, tuple[Account, datetime | None, datetime | None]]] = []
        later_today = False
        close = datetime.combine(today, self.cal.end, tzinfo=self.zone).astimezone(UTC)
        for a in self.org.accounts:
            t = overdue.get(a.id)
            if t is not None:
                # Due at the first business instant on or after t + every; then every cycle again.
                cycles = int((now - t) // every)
                if cycles >= 1 and next_business_instant(self.cal, t + cycles * every) <= now:
                    items.append((f"password.rotate:{a.id}:{t.astimezone(UTC):%Y%m%dT%H%M%S}:{cycles}", (a, t, None)))
            elif a.id in recorded:
                continue
            elif check_again and (first := asked.get(a.id)) is not None:
                # Every period after the first ask, as after a recorded change: one ask per period,
                # however long kessai was down (the latest period's only).
                cycles = int((now - first) // every)
                if cycles >= 1:
                    items.append((f"password.rotate:{a.id}:never:{cycles}", (a, None, first)))
                later_today |= next_business_instant(self.cal, first + (cycles + 1) * every) <= close
            elif check_never and a.id not in asked:
                items.append((f"password.rotate:{a.id}:never", (a, None, None)))
        failed = report.unsent
        # Claimed at the real time: a first ask's claim dates the account's periods, and a `remind
        # --now` for another day (a mistyped date) sends it now, not then.
        self._claim_bundled(report, "password.rotate", items, lambda item: item[0].operators,
                            lambda item: self._password_reminder(now, *item),
                            lambda got: self._password_bundle(now, got),
                            claimed_at=self._real_now())
        if check_never:
            # Accounts without any record are asked once; until the roster changes there is no need
            # to list every account's rotations each minute to find the (already asked) few.
            self._mark_done(report, failed, never_done, now)
        if check_again and not later_today:
            self._mark_done(report, failed, again_done, now)

    def _real_now(self) -> datetime:
        """The real time of the sweep under way (``sweep(clock_now=)``); kessai's clock outside one."""
        return self._clock_now or self.kessai.clock().astimezone(UTC)

    def _roster_digest(self) -> str:
        import hashlib

        ids = "\n".join(sorted(a.id for a in self.org.accounts))
        return hashlib.sha256(ids.encode()).hexdigest()[:16]

    def _password_reminder(self, now: datetime, account: Account, last: datetime | None,
                           asked: datetime | None = None) -> str:
        """``asked``: when the operators were first asked about an account with no recorded change."""
        days = self.org.policy.password_rotation_days
        if last is None and asked is not None:
            head = (f"{self._account_name(account.id)} のパスワードを変更した記録が、まだありません"
                    f"（{render.fmt_date(asked.astimezone(self.zone).date())}に変更と記録をお願いしてから"
                    f" {self._days_since(now, asked)} 日がたちました）。すでに変更している場合も、記録をお願いします。"
                    f"パスワードは定期的に（kessai では {days} 日ごとに）変更することになっています")
        elif last is None:
            head = (f"{self._account_name(account.id)} のパスワードを変更した記録がありません。"
                    f"パスワードは定期的に（kessai では {days} 日ごとに）変更することになっています")
        else:
            head = (f"{self._account_name(account.id)} のパスワードは、前回の変更（{self._fmt(last)}）から"
                    f" {days} 日以上がたちました。パスワードは定期的に変更することになっています")
        return (
            f":key: *パスワード変更のお願い*\n{head}。\n"
            f"{self._password_deadline(now)}までに、推測されにくいパスワードに変更し、"
            f"Slack で `/kessai password-rotated {render.escape(account.id)}` と入力して記録してください。"
            "二段階認証が使える場合は、あわせて有効にしてください。")

    def _password_bundle(self, now: datetime,
                         got: list[tuple[Account, datetime | None, datetime | None]]) -> Bundle:
        """Several accounts' パスワード変更のお願い to one operator: each line says why that account is
        due, as its own message would, and names what to type to record it."""
        days = self.org.policy.password_rotation_days
        lines = []
        for account, last, asked in got:
            if last is None and asked is not None:
                why = (f"変更した記録が、まだありません（{render.fmt_date(asked.astimezone(self.zone).date())}に"
                       f"変更と記録をお願いしてから {self._days_since(now, asked)} 日がたちました）")
            elif last is None:
                why = "変更した記録がありません"
            else:
                why = f"前回の変更（{self._fmt(last)}）から {days} 日以上がたちました"
            lines.append(f"・{listed_name(account)}: {why}　`/kessai password-rotated {render.escape(account.id)}`")
        # 「すでに変更している場合も」 is said to the accounts asked before and still unrecorded (as their
        # own message says it): to the others, asked for the first time or due by their record, it
        # read as if they had been asked already.
        asked_before = sum(1 for _a, last, asked in got if last is None and asked is not None)
        already = ("すでに変更している場合も、記録をお願いします。" if asked_before == len(got) else
                   "お願いしてからまだ記録のないアカウントは、すでに変更している場合も、記録をお願いします。"
                   if asked_before else "")
        return Bundle(
            head=(f":key: *パスワード変更のお願い*\n次の {len(got)} アカウントのパスワードの変更をお願いします。"
                  f"パスワードは定期的に（kessai では {days} 日ごとに）変更することになっています。"),
            lines=lines,
            foot=(f"{self._password_deadline(now)}までに、それぞれ推測されにくいパスワードに変更し、アカウントごとに"
                  f"各行の `/kessai password-rotated …` を Slack で入力して記録してください。{already}"
                  "二段階認証が使える場合は、あわせて有効にしてください。"),
            title="*パスワードの変更をお願いするアカウント*")

    def _password_deadline(self, now: datetime) -> str:
        deadline = self.cal.add_business_time(now, 5 * self.cal.day_length)
        return self._fmt_day(deadline.astimezone(self.zone).date())

    def _days_since(self, now: datetime, t: datetime) -> int:
        return (now.astimezone(self.zone).date() - t.astimezone(self.zone).date()).days


def sweep(kessai: Any, now: datetime) -> SweepReport:
    """One sweep as of ``now`` (see ``Sweeper``)."""
    return Sweeper(kessai).sweep(now)

