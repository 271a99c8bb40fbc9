"""A whole fiscal year of one organisation, and how many messages each person got from kessai.

    python benchmarks/fiscal_year.py [--database-url URL] [--seed 1] [--start 2026-04-01] [--days 365]
                                     [--sweep-every 5] [--details]

False alarms teach people to ignore the bot. This drives kessai through its real entry points
(``Kessai.submit_form``, ``decide``, ``revise``, ``publish``, ``set_away``, ``IncidentService``
and the reminder sweep ``Sweeper.sweep``, as ``kessai serve`` runs it) with a simulated clock over
a fiscal year (2026-04-01 → 2027-03-31) of a 上越市-like organisation: 4 accounts in 2 課, 3
operators, 3 approvers and 2 deputies. Operators submit 2–5 drafts per account per week on
business days; approvers decide within minutes to a day (some left over weekends, holidays and
年末年始); one draft in eight is sent back and revised; one approved draft in ten is never marked
投稿済み; one account posts once a month at most, and some months not at all; one approver is
away for two weeks in August (お盆); one incident a quarter.

The sweep runs every ``--sweep-every`` minutes (every minute in serve; the sweep is a function of
the database and the instant, so only the minute a reminder goes out moves) around the clock.

Every message written to the outbox (``op = post``: what reaches a person; updates of messages
already shown are not counted) is attributed to the people it reaches: a DM to its addressee, a
channel post to the members of that channel (its accounts' operators, approvers and deputies; the
escalation channel's: ``incidents.escalation_people``), a mention to the person named. It prints,
per person, the median and maximum per business day of each kind, and the audit: messages on
non-business days or outside working hours that came from the sweep, the same reminder text to one
person twice in a day, bursts (more than 5 to one person in an hour), and the yearly reminders.

Runs on a temporary SQLite file, or with ``--database-url`` on PostgreSQL (its ``public`` schema
is DROPPED: use a scratch database).
"""

from __future__ import annotations

import argparse
import heapq
import os
import random
import re
import statistics
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import text as sql  # noqa: E402
from sqlmodel import col, select  # noqa: E402

from bot.config import OrgConfig, parse_org_config  # noqa: E402
from bot.drafting import DraftForm  # noqa: E402
from bot.incidents import IncidentService, escalation_people  # noqa: E402
from bot.services import Kessai  # noqa: E402
from bot.sweep import Sweeper  # noqa: E402
from storage import roster  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import OutboxRow  # noqa: E402

JST = ZoneInfo("Asia/Tokyo")

ORG_TOML = """
[policy]
approver_min_rank = "課長補佐"
ranks = ["部長", "次長", "課長", "課長補佐", "係長", "主査", "主任", "主事", "会計年度任用職員"]
working_hours = "08:30-17:15"
min_posts_per_month = 1
approval_reminder_after = "2h"
approval_escalate_after = "1d"
incident_ack_within = "15m"
escalation_channel = "C0ESCALATE"
allowed_link_domains = ["city.joetsu.niigata.jp"]
official_email_domains = ["city.joetsu.niigata.jp"]
official_phone_numbers = ["025-526-5111"]
password_rotation_days = 90
holding_statement_after = "2h"

[[orgs]]
id = "koho"
name = "広報対話課"

[[orgs]]
id = "kanko"
name = "観光振興課"

[[orgs]]
id = "joho"
name = "情報政策室"

[[members]]
slack_id = "U0MANAGER"
name = "上越 花子"
org = "koho"
rank = "課長補佐"

[[members]]
slack_id = "U0CHIEF"
name = "春日山 一郎"
org = "koho"
rank = "課長"

[[members]]
slack_id = "U0DEPUTY"
name = "直江 兼続"
org = "koho"
rank = "次長"

[[members]]
slack_id = "U0OPERATOR"
name = "高田 太郎"
org = "koho"
rank = "主事"

[[members]]
slack_id = "U0OPERATOR2"
name = "直江津 みどり"
org = "koho"
rank = "主任"

[[members]]
slack_id = "U0KANKOHOSA"
name = "谷浜 次郎"
org = "kanko"
rank = "課長補佐"

[[members]]
slack_id = "U0KANKOKACHO"
name = "名立 さくら"
org = "kanko"
rank = "課長"

[[members]]
slack_id = "U0OPERATOR3"
name = "柿崎 健"
org = "kanko"
rank = "主事"

[[members]]
slack_id = "U0JOHO"
name = "木田 四郎"
org = "joho"
rank = "課長"

[[accounts]]
id = "joetsu-x"
platform = "x"
name = "上越市公式X"
url = "https://x.com/joetsu_city_example"
org = "koho"
intake_channel = "C0INTAKE"
operators = ["U0OPERATOR", "U0OPERATOR2"]
approvers = ["U0MANAGER", "U0CHIEF"]
deputies = ["U0DEPUTY"]

[[accounts]]
id = "joetsu-bousai"
platform = "x"
name = "上越市防災X"
url = "https://x.com/joetsu_bousai_example"
org = "koho"
intake_channel = "C0INTAKE"
operators = ["U0OPERATOR"]
approvers = ["U0MANAGER"]
deputies = ["U0CHIEF", "U0DEPUTY"]

[[accounts]]
id = "kanko-x"
platform = "x"
name = "上越観光X"
url = "https://x.com/joetsu_kanko_example"
org = "kanko"
intake_channel = "C0KANKO"
operators = ["U0OPERATOR3"]
approvers = ["U0KANKOHOSA"]
deputies = ["U0KANKOKACHO"]

[[accounts]]
id = "kanko-blog"
platform = "blog"
name = "上越観光ブログ"
url = "https://kanko.city.joetsu.niigata.jp/blog/"
org = "kanko"
intake_channel = "C0KANKO"
operators = ["U0OPERATOR3"]
approvers = ["U0KANKOHOSA"]
deputies = ["U0KANKOKACHO"]
"""

# Drafts per account per week (a range drawn each week); kanko-blog: at most one a month.
RATES = {"joetsu-x": (3, 5), "joetsu-bousai": (2, 3), "kanko-x": (2, 4)}
TEXTS = ["高田城址公園で観桜会を開催します。夜桜のライトアップは午後6時からです。",
         "市民プラザで子育て講座を開きます。参加は無料、申込みは市ホームページから。",
         "除雪作業にご協力をお願いします。路上駐車はお控えください。",
         "春日山城跡で歴史ウォークを行います。歩きやすい靴でお越しください。",
         "上越市の夏祭りの交通規制についてお知らせします。詳しくは市ホームページをご覧ください。"]
AWAY = ("U0MANAGER", date(2026, 8, 10), date(2026, 8, 21))


@dataclass
class Clock:
    t: datetime

    def __call__(self) -> datetime:
        return self.t


@dataclass(order=True)
class Event:
    at: datetime
    seq: int
    run: Callable[[], None] = field(compare=False)
    what: str = field(compare=False, default="")


class Year:
    def __init__(self, db: Database, org: OrgConfig, start: date, days: int, sweep_every: int, seed: int) -> None:
        self.db, self.org = db, org
        self.clock = Clock(datetime(start.year, start.month, start.day, tzinfo=JST))
        self.kessai = Kessai(db, org, clock=self.clock)
        self.sweeper = Sweeper(self.kessai)
        self.incidents = IncidentService(self.kessai)
        self.cal = org.calendar("Asia/Tokyo")
        self.rng = random.Random(seed)
        self.start, self.days, self.every = start, days, sweep_every
        self.events: list[Event] = []
        self.seq = 0
        self.n = 0
        self.actions: list[tuple[datetime, str, str]] = []  # (when, who, what) — people acting
        self.never_marked = 0
        self.rejected = 0
        self.submitted = 0

    # -- scheduling -------------------------------------------------------------------------
    def at(self, t: datetime, what: str, run: Callable[[], None]) -> None:
        self.seq += 1
        heapq.heappush(self.events, Event(t, self.seq, run, what))

    def working_instant(self, after: datetime, delay: timedelta) -> datetime:
        """``delay`` of business time after ``after`` (a person acts only at work)."""
        t = after
        left = delay
        while True:
            d = t.date()
            if self.cal.is_business_day(d):
                opening = datetime(d.year, d.month, d.day, 8, 30, tzinfo=JST)
                closing = datetime(d.year, d.month, d.day, 17, 15, tzinfo=JST)
                t = max(t, opening)
                if t < closing:
                    if t + left <= closing:
                        return t + left
                    left -= closing - t
            nd = d + timedelta(days=1)
            t = datetime(nd.year, nd.month, nd.day, tzinfo=JST)

    def random_work_time(self, d: date) -> datetime:
        minute = self.rng.randrange(9 * 60, 16 * 60 + 30)
        return datetime(d.year, d.month, d.day, minute // 60, minute % 60, tzinfo=JST)

    # -- the people -------------------------------------------------------------------------
    def plan_week(self, monday: date) -> None:
        days = [monday + timedelta(days=i) for i in range(5) if self.cal.is_business_day(monday + timedelta(days=i))]
        if not days:
            return
        for account, (lo, hi) in RATES.items():
            for _ in range(self.rng.randint(lo, hi)):
                d = self.rng.choice(days)
                self.at(self.random_work_time(d), f"submit {account}", partial(self.submit, account))

    def plan_blog(self, y: int, m: int) -> None:
        # The blog posts once in most months, sometimes after the 20th, and skips some months.
        if self.rng.random() < 0.25:
            return
        days = [d for d in (date(y, m, i) for i in range(1, 29)) if self.cal.is_business_day(d)]
        d = self.rng.choice(days)
        self.at(self.random_work_time(d), "submit kanko-blog", lambda: self.submit("kanko-blog"))

    def operator_of(self, account_id: str) -> str:
        account = self.org.account(account_id)
        assert account is not None
        return self.rng.choice(list(account.operators))

    def submit(self, account_id: str) -> None:
        now = self.clock.t
        self.n += 1
        self.submitted += 1
        operator = self.operator_of(account_id)
        # Scheduled from later that day to a few business days ahead, in working hours.
        post_at = self.working_instant(now, timedelta(minutes=self.rng.randrange(60, 3 * 525)))
        form = DraftForm(account_id=account_id, text=f"{self.rng.choice(TEXTS)}（{self.n}）", scheduled_at=post_at,
                         category="normal", image_count=0, alt_texts=(), portrait_consent=False, note=None)
        out = self.kessai.submit_form(form, operator)
        self.actions.append((now, operator, "submit"))
        assert out.kind == "pending", out
        assert out.draft_id is not None
        self.await_decision(out.draft_id, 1, account_id, operator, post_at)

    def approver_for(self, account_id: str, at: datetime) -> str:
        account = self.org.account(account_id)
        assert account is not None
        present = [a for a in account.approvers if not (a == AWAY[0] and AWAY[1] <= at.date() <= AWAY[2])]
        return self.rng.choice(present or list(account.deputies))

    def await_decision(self, draft_id: int, version: int, account_id: str, operator: str, post_at: datetime) -> None:
        r = self.rng.random()
        # Most within the hour, some within the day, some the next business day (over weekends).
        delay = timedelta(minutes=self.rng.randrange(5, 60) if r < 0.6 else self.rng.randrange(60, 400)
                          if r < 0.9 else self.rng.randrange(525, 2 * 525))
        when = self.working_instant(self.clock.t, delay)
        self.at(when, f"decide {draft_id}", lambda: self.decide(draft_id, version, account_id, operator, post_at))

    def decide(self, draft_id: int, version: int, account_id: str, operator: str, post_at: datetime) -> None:
        approver = self.approver_for(account_id, self.clock.t)
        reject = self.rng.random() < 0.125 and version == 1
        try:
            out = self.kessai.decide(draft_id, version, approver, approve=not reject,
                                     reason="日時の表記を直してください。" if reject else None)
        except Exception as e:  # noqa: BLE001 — an expired draft, a decision already made: the year goes on
            self.actions.append((self.clock.t, approver, f"decide refused: {type(e).__name__}"))
            return
        self.actions.append((self.clock.t, approver, "reject" if reject else "approve"))
        if out.kind not in ("approved", "rejected", "decided"):
            return
        if reject:
            self.rejected += 1
            when = self.working_instant(self.clock.t, timedelta(minutes=self.rng.randrange(10, 240)))
            self.at(when, f"revise {draft_id}", lambda: self.revise(draft_id, account_id, operator))
            return
        if self.rng.random() < 0.1:
            self.never_marked += 1
            return
        when = max(post_at, self.clock.t) + timedelta(minutes=self.rng.randrange(0, 30))
        when = self.working_instant(when, timedelta(0))
        self.at(when, f"publish {draft_id}", lambda: self.publish(draft_id, version, account_id, operator))

    def revise(self, draft_id: int, account_id: str, operator: str) -> None:
        now = self.clock.t
        self.n += 1
        post_at = self.working_instant(now, timedelta(minutes=self.rng.randrange(60, 2 * 525)))
        form = DraftForm(account_id=account_id, text=f"{self.rng.choice(TEXTS)}（{self.n}）", scheduled_at=post_at,
                         category="normal", image_count=0, alt_texts=(), portrait_consent=False, note=None)
        try:
            out = self.kessai.revise(draft_id, 1, operator, form)
        except Exception as e:  # noqa: BLE001
            self.actions.append((now, operator, f"revise refused: {type(e).__name__}"))
            return
        self.actions.append((now, operator, "revise"))
        self.await_decision(draft_id, 2, account_id, operator, post_at)
        _ = out

    def publish(self, draft_id: int, version: int, account_id: str, operator: str) -> None:
        account = self.org.account(account_id)
        assert account is not None
        url = (f"{account.url}{draft_id}" if account.platform == "blog"
               else f"{account.url}/status/{1900000000000000000 + draft_id}")
        try:
            self.kessai.publish(draft_id, version, operator, url=url, at=self.clock.t)
        except Exception as e:  # noqa: BLE001
            self.actions.append((self.clock.t, operator, f"publish refused: {type(e).__name__}: {e}"))
            return
        self.actions.append((self.clock.t, operator, "publish"))

    def incident(self) -> None:
        iid = self.incidents.report(kind="impersonation", account_id="joetsu-x", description="当市を名乗る偽アカウントがあります。",
                                    reporter="U0OPERATOR", now=self.clock.t)
        self.actions.append((self.clock.t, "U0OPERATOR", "incident"))
        ack = self.clock.t + timedelta(minutes=10)
        self.at(ack, "ack", lambda: self.incident_step(iid, "ack"))
        self.at(self.working_instant(ack, timedelta(hours=5)), "resolve", lambda: self.incident_step(iid, "resolve"))

    def incident_step(self, iid: int, step: str) -> None:
        if step == "ack":
            self.incidents.ack(iid, "U0CHIEF", now=self.clock.t)
        else:
            self.incidents.resolve(iid, "U0CHIEF", "運営者へ削除依頼し、HPで周知しました。", now=self.clock.t)
        self.actions.append((self.clock.t, "U0CHIEF", step))

    def away(self) -> None:
        self.kessai.set_away(AWAY[0], AWAY[1], AWAY[2])
        self.actions.append((self.clock.t, AWAY[0], "away"))

    # -- the year ---------------------------------------------------------------------------
    def run(self) -> None:
        end = self.start + timedelta(days=self.days)
        d = self.start
        while d < end:
            if d.weekday() == 0 or d == self.start:
                self.plan_week(d - timedelta(days=d.weekday()) if d != self.start else d)
            if d.day == 1:
                self.plan_blog(d.year, d.month)
                if d.month in (5, 8, 11, 2):
                    t = self.random_work_time(self.cal.business_day_on_or_after(date(d.year, d.month, 12)))
                    self.at(t, "incident", self.incident)
            if d == AWAY[1] - timedelta(days=7):
                t = self.random_work_time(d)
                self.at(t, "away", self.away)
            day_start = datetime(d.year, d.month, d.day, tzinfo=JST)
            for minute in range(0, 24 * 60, self.every):
                t = day_start + timedelta(minutes=minute)
                while self.events and self.events[0].at <= t:
                    e = heapq.heappop(self.events)
                    self.clock.t = max(e.at, self.clock.t)
                    e.run()
                self.clock.t = t
                self.sweeper.sweep(t)
            if d.day == 1:
                print(f"{d:%Y-%m}…", file=sys.stderr, flush=True)
            d += timedelta(days=1)


# -- counting ---------------------------------------------------------------------------------
MENTION = re.compile(r"<@(U[0-9A-Z]+)>")


def shown(payload: dict[str, Any]) -> str:
    sections = [b["text"]["text"] for b in payload.get("blocks") or [] if b.get("type") == "section"]
    return "\n".join(sections) if sections else str(payload.get("text") or "")


def channel_members(org: OrgConfig) -> dict[str, set[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for a in org.accounts:
        members[a.intake_channel] |= {*a.operators, *a.approvers, *a.deputies}
    members[org.policy.escalation_channel] |= set(escalation_people(org))
    return members


@dataclass
class Message:
    at: datetime
    person: str
    kind: str  # dm | channel | thread | mention
    key: str
    text: str
    where: str = ""


def messages(db: Database, org: OrgConfig) -> list[Message]:
    with db.session() as s:
        rows = list(s.exec(select(OutboxRow).where(OutboxRow.op == "post").order_by(col(OutboxRow.id))))
    members = channel_members(org)
    out: list[Message] = []
    for r in rows:
        p = r.payload
        # When it reaches the person: a reminder held for the next business morning goes out then.
        sent = max(r.created_at, r.next_attempt_at)
        at = sent.replace(tzinfo=ZoneInfo("UTC")) if sent.tzinfo is None else sent
        at = at.astimezone(JST)
        ch = str(p.get("channel"))
        text = shown(p)
        key = r.message_key or ""
        if ch.startswith("U"):
            out.append(Message(at, ch, "dm", key, text, ch))
            continue
        threaded = bool(r.thread_key or p.get("thread_ts"))
        kind = "thread" if threaded and not p.get("reply_broadcast") else "channel"
        mentioned = set(MENTION.findall(text))
        where = f"{ch}/{r.thread_key or p.get('thread_ts') or ''}"
        for person in members.get(ch, set()) - mentioned:
            out.append(Message(at, person, kind, key, text, where))
        for person in mentioned:
            out.append(Message(at, person, "mention", key, text, where))
    return out


def role_of(org: OrgConfig, person: str) -> str:
    m = org.member(person)
    roles = []
    if any(person in a.operators for a in org.accounts):
        roles.append("運用担当")
    if any(person in a.approvers for a in org.accounts):
        roles.append("決裁者")
    if any(person in a.deputies for a in org.accounts):
        roles.append("代決者")
    if not roles:
        roles.append("統括")
    return f"{m.name if m else person}（{m.rank if m else '?'}・{'/'.join(roles)}）"


def report(year: Year, msgs: list[Message], details: bool) -> int:
    org, cal = year.org, year.cal
    business = [year.start + timedelta(days=i) for i in range(year.days)
                if cal.is_business_day(year.start + timedelta(days=i))]
    per: dict[tuple[str, str], Counter[date]] = defaultdict(Counter)
    people = sorted({m.person for m in msgs} | {mb.slack_id for mb in org.members})
    for m in msgs:
        per[(m.person, m.kind)][m.at.date()] += 1
        per[(m.person, "all")][m.at.date()] += 1
    kinds = ["dm", "mention", "channel", "thread", "all"]
    print(f"drafts submitted {year.submitted}, sent back {year.rejected}, approved and never marked 投稿済み "
          f"{year.never_marked}; business days {len(business)}; messages (person × post) {len(msgs)}")
    print()
    print("| person | " + " | ".join(f"{k} median/max" for k in kinds) + " | year total |")
    print("|---|" + "---|" * (len(kinds) + 1))
    for person in people:
        cells = []
        for k in kinds:
            c = per[(person, k)]
            daily = [c[d] for d in business]
            cells.append(f"{statistics.median(daily):g} / {max(daily)}")
        total = sum(per[(person, "all")].values())
        print(f"| {role_of(org, person)} | " + " | ".join(cells) + f" | {total} |")

    # -- audit --
    problems = 0
    print()
    # People act only in business hours here, so what reaches someone outside them came from the
    # sweep (bundled reminders have no message key). Incidents run on real time: not counted.
    def incident(m: Message) -> bool:
        return m.key.startswith("incident") or "インシデント" in m.text or "事案" in m.text

    off_sweep = [m for m in msgs if not cal.is_business_day(m.at.date()) and not incident(m)]
    hours_sweep = [m for m in msgs if cal.is_business_day(m.at.date()) and not incident(m)
                   and not (8 * 60 + 30 <= m.at.hour * 60 + m.at.minute < 17 * 60 + 15)]
    print(f"sweep messages on non-business days: {len(off_sweep)}; outside working hours: {len(hours_sweep)}")
    for m in (off_sweep + hours_sweep)[:20]:
        print(f"   {m.at:%Y-%m-%d %a %H:%M} {m.person} {m.kind} {m.key}: {m.text[:80]!r}")
    problems += len(off_sweep) + len(hours_sweep)

    # The same words to one person in one conversation (a DM, one thread) on one day: told twice.
    same: Counter[tuple[str, date, str]] = Counter()
    for m in msgs:
        same[(m.person, m.at.date(), m.where + "|" + m.text)] += 1
    twice = [(k, n) for k, n in same.items() if n > 1]
    print(f"the same reminder text to one person twice or more in a day: {len(twice)}")
    for (person, d, what), n in twice[:20]:
        print(f"   {d} {person} ×{n} {what[:140]!r}")

    # Notifications only (DMs and mentions): a channel's posts and threads do not sound.
    by_hour: Counter[tuple[str, datetime]] = Counter()
    for m in msgs:
        if m.kind not in ("dm", "mention"):
            continue
        by_hour[(m.person, m.at.replace(minute=0, second=0, microsecond=0))] += 1
    bursts = sorted(((p, h, n) for (p, h), n in by_hour.items() if n > 5), key=lambda x: -x[2])
    print(f"bursts (more than 5 DMs and mentions to one person in one clock hour): {len(bursts)}")
    for p, h, n in bursts[:10]:
        print(f"   {h:%Y-%m-%d %H:00} {p} ×{n}")

    away = [m for m in msgs if m.person == AWAY[0] and AWAY[1] <= m.at.date() <= AWAY[2] and m.kind in ("dm", "mention")]
    print(f"DMs and mentions to {AWAY[0]} while away ({AWAY[1]}–{AWAY[2]}): {len(away)}")
    for m in away[:10]:
        print(f"   {m.at:%Y-%m-%d %H:%M} {m.kind} {m.key or '(no key)'}: {m.text[:100]!r}")
    holidays = [date(2026, 5, 6), date(2026, 9, 22), date(2027, 1, 11)]
    print("messages on 振替休日 5/6, 国民の休日 9/22, 成人の日 1/11:",
          {d.isoformat(): sum(1 for m in msgs if m.at.date() == d) for d in holidays})
    kinds_of_key: Counter[str] = Counter()
    for m in msgs:
        kinds_of_key[re.sub(r"[:/].*", "", m.key) or "(action)"] += 1
    print("messages by key prefix (person × post):", dict(kinds_of_key.most_common()))
    monthly = Counter(m.at.strftime("%m/%d") for m in msgs if m.kind in ("dm", "mention", "channel")
                      and ("今月の投稿のお願い" in m.text or "基準に達していない" in m.text))
    print(f"monthly-minimum reminders on the 20th and the last business day (person × message): "
          f"{sum(monthly.values())} {dict(sorted(monthly.items()))}")
    yearly = [m for m in msgs if "plan" in m.key]
    print(f"運用計画書 reminders: {len(yearly)} on {sorted({m.at.date().isoformat() for m in yearly})}")
    if details:
        # Each person's busiest business day of notifications (DMs and mentions), message by message.
        for person in people:
            days = Counter(m.at.date() for m in msgs if m.person == person and m.kind in ("dm", "mention"))
            if not days:
                continue
            d, n = days.most_common(1)[0]
            print(f"busiest day of {person}: {d} ({n})")
            for m in msgs:
                if m.person == person and m.at.date() == d and m.kind in ("dm", "mention"):
                    print(f"   {m.at:%H:%M} {m.kind} {m.key or '(action)'}: {m.text[:100]!r}")
        for t, who, what in year.actions:
            if "refused" in what:
                print(f"   refused {t:%Y-%m-%d %H:%M} {who} {what}")
    return problems


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--database-url", default=os.environ.get("FISCAL_YEAR_DATABASE_URL"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--start", type=date.fromisoformat, default=date(2026, 4, 1))
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--sweep-every", type=int, default=5)
    ap.add_argument("--details", action="store_true")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{tmp}/year.db"
        db = Database(url)
        if url.startswith("postgresql"):
            with db.engine.begin() as c:
                c.execute(sql("DROP SCHEMA public CASCADE"))
                c.execute(sql("CREATE SCHEMA public"))
        db.upgrade()
        org = parse_org_config(ORG_TOML)
        with db.session() as s:
            roster.sync(s, org)
        year = Year(db, org, args.start, args.days, args.sweep_every, args.seed)
        year.run()
        problems = report(year, messages(db, org), args.details)
        db.dispose()
    print(f"\n{problems} sweep messages outside business time")


if __name__ == "__main__":
    main()
