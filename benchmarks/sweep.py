"""Benchmark of the reminder sweep (SPEC §7: one sweep over 10,000 accounts, target < 1 s).

    python benchmarks/sweep.py [--database-url URL] [--drafts 1000,10000,50000] [--accounts 10000]
    python benchmarks/sweep.py --big-org [--pending 3000] [--published 3000] [--drafts 10000]

Runs on a temporary SQLite file and, when ``--database-url`` or ``TEST_DATABASE_URL`` names a
PostgreSQL database, on it too (its ``public`` schema is DROPPED and recreated: use a scratch
database). For each draft count it builds 10,000 accounts (1 operator, 1 approver, 1 deputy each),
that many drafts spread over a year (published, approved, rejected, a few pending) and one password
rotation per account, then times:

* ``steady``: a sweep with nothing due (the every-minute case), median of 5;
* ``due``: one sweep right after adding 100 pending drafts due for a reminder, 50 approved drafts
  whose scheduled time passed unpublished and 10 unacknowledged incidents (160 reminders written
  with their outbox messages); then the same with 100 drafts also due for 代決 escalation, which
  calls the workflow's ``Kessai.send_to_deputies`` (DMs, thread notice, App Home refresh);
* the time of each step of the steady sweep, to show where it goes.

``--big-org`` uses the organisation of ``benchmarks/big_org.py`` instead (a big city: 150 accounts,
400 members, 60 approvers with deputies) and ``--pending N`` (default 3,000 with it) adds N drafts
waiting for a decision, received over the last five business days: then it times the sweep that
finds them all due (reminders, and 代決 escalation for those waiting a business day), the one after
it (nothing new due, N still pending), and the outbox rows written. ``--published M`` (default 3,000)
posts published at their scheduled times over the last 30 days are in the window ``_unpublished``
looks back over.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text  # noqa: E402

from benchmarks.big_org import build_toml  # noqa: E402
from benchmarks.scratch_db import reset  # noqa: E402
from bot.config import Account, Member, Org, OrgConfig, Policy, parse_org_config  # noqa: E402
from bot.services import Kessai  # noqa: E402
from bot.sweep import Sweeper  # noqa: E402
from storage import roster  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import (  # noqa: E402
    ApprovalRequestRow,
    DraftRow,
    DraftVersionRow,
    IncidentRow,
    OutboxRow,
    PasswordRotationRow,
)

JST = ZoneInfo("Asia/Tokyo")
# A Wednesday morning that is none of the monthly/yearly dates (after a warm-up sweep has sent
# this month's report), so "steady" is the every-minute case.
NOW = datetime(2026, 11, 11, 10, 0, tzinfo=JST)
STEPS = ("_expire", "_approvals", "_unpublished", "_incidents", "_monthly", "_plan_renewal", "_passwords")


def build_org(n_accounts: int) -> OrgConfig:
    members = [Member(f"U{i:06d}", f"職員{i}", "koho", "課長" if i % 3 else "主事") for i in range(600)]
    approvers = [m.slack_id for m in members if m.rank == "課長"]
    operators = [m.slack_id for m in members if m.rank == "主事"]
    accounts = tuple(
        Account(id=f"acct-{i:05d}", platform="x", name=f"アカウント{i}", url=f"https://x.com/acct{i}", org="koho",
                intake_channel=f"C{i:07d}", operators=(operators[i % len(operators)],),
                approvers=(approvers[i % len(approvers)],), deputies=(approvers[(i + 1) % len(approvers)],))
        for i in range(n_accounts))
    return OrgConfig(policy=Policy(escalation_channel="C0ESCALATE"), orgs=(Org("koho", "広報対話課"),),
                     members=tuple(members), accounts=accounts)


def populate(db: Database, org: OrgConfig, n_drafts: int, rng: random.Random) -> None:
    now = NOW.astimezone(UTC)
    drafts, versions, requests = [], [], []
    for i in range(1, n_drafts + 1):
        account = org.accounts[i % len(org.accounts)]
        created = now - timedelta(minutes=rng.randint(60, 365 * 24 * 60))
        roll = rng.random()
        published_at = scheduled = None
        if roll < 0.6:
            state, published_at = "published", created + timedelta(hours=2)
        elif roll < 0.75:
            # Approved long ago and never marked published: outside the unpublished look-back.
            state, scheduled = "approved", min(created, now - timedelta(days=40))
        elif roll < 0.99:
            state = rng.choice(["rejected", "needs_fix", "expired"])
        else:
            # Waiting, but only for half an hour: not due.
            state, created = "pending", now - timedelta(minutes=30)
            scheduled = now + timedelta(days=3)
            # As routing left it: the approver holds the request (the sweep asks any approver
            # of a waiting draft who holds none, as after a change of the organisation file).
            requests.append({"draft_id": i, "version_number": 1, "recipient_id": account.approvers[0],
                             "acting_for_id": None, "reason": "normal", "created_at": created})
        drafts.append({"id": i, "account_id": account.id, "author_id": account.operators[0],
                       "channel": account.intake_channel, "message_ts": f"{1700000000 + i}.000100", "state": state,
                       "current_version": 1, "category": "normal", "source": "channel",
                       "published_at": published_at, "created_at": created, "updated_at": created})
        versions.append({"draft_id": i, "number": 1, "text": f"お知らせ {i}", "scheduled_at": scheduled,
                         "alt_texts": [], "image_count": 0, "portrait_consent": False, "content_hash": "0" * 64,
                         "created_at": created})
    rotations = [{"account_id": a.id, "rotated_at": now - timedelta(days=30), "recorded_by": a.operators[0]}
                 for a in org.accounts]
    with db.engine.begin() as c:
        for table, rows in ((DraftRow, drafts), (DraftVersionRow, versions), (PasswordRotationRow, rotations),
                            (ApprovalRequestRow, requests)):
            for k in range(0, len(rows), 5000):
                c.execute(insert(table.__table__), rows[k:k + 5000])  # type: ignore[attr-defined]
        if db.is_postgres:
            c.execute(text("SELECT setval(pg_get_serial_sequence('drafts', 'id'), (SELECT max(id) FROM drafts))"))
            c.execute(text("ANALYZE"))


def add_due(db: Database, org: OrgConfig, start_id: int, *, escalate: bool) -> int:
    """100 pending drafts due for a reminder (and, with ``escalate``, for 代決 too), 50 approved
    drafts whose scheduled time passed unpublished, 10 unacknowledged incidents. Returns the next id."""
    now = NOW.astimezone(UTC)
    # Tuesday 16:00 → Wednesday 10:00 is 2h45m of business time (reminder only); Monday 09:00 is
    # two business days back (reminder and escalation).
    since = datetime(2026, 11, 9, 9, 0, tzinfo=JST) if escalate else datetime(2026, 11, 10, 16, 0, tzinfo=JST)
    drafts, versions, incidents, requests = [], [], [], []
    for j in range(150):
        i = start_id + j
        account = org.accounts[(i * 7) % len(org.accounts)]
        pending = j < 100
        created = since.astimezone(UTC) if pending else now - timedelta(hours=5)
        drafts.append({"id": i, "account_id": account.id, "author_id": account.operators[0],
                       "channel": account.intake_channel, "message_ts": f"{1800000000 + i}.000100",
                       "state": "pending" if pending else "approved", "current_version": 1, "category": "normal",
                       "source": "channel", "published_at": None, "created_at": created, "updated_at": created})
        if pending:  # as routing left it: the approver holds the request
            requests.append({"draft_id": i, "version_number": 1, "recipient_id": account.approvers[0],
                             "acting_for_id": None, "reason": "normal", "created_at": created})
        versions.append({"draft_id": i, "number": 1, "text": f"期限の近いお知らせ {i}",
                         "scheduled_at": None if pending else now - timedelta(minutes=30 + j), "alt_texts": [],
                         "image_count": 0, "portrait_consent": False, "content_hash": "0" * 64, "created_at": created})
    for j in range(10):
        incidents.append({"kind": "flaming", "account_id": org.accounts[j].id, "description": "批判が殺到",
                          "reporter_id": org.accounts[j].operators[0], "status": "open", "checklist_done": [],
                          "created_at": now - timedelta(minutes=20 + 20 * escalate)})
    with db.engine.begin() as c:
        c.execute(insert(DraftRow.__table__), drafts)  # type: ignore[attr-defined]
        c.execute(insert(DraftVersionRow.__table__), versions)  # type: ignore[attr-defined]
        c.execute(insert(IncidentRow.__table__), incidents)  # type: ignore[attr-defined]
        c.execute(insert(ApprovalRequestRow.__table__), requests)  # type: ignore[attr-defined]
    return start_id + 150


def add_pending(db: Database, org: OrgConfig, start_id: int, n: int) -> None:
    """``n`` drafts waiting for a decision, received over the five business days before NOW (spread
    evenly, every account), each held by its first approver, to be posted in a week."""
    now = NOW.astimezone(UTC)
    drafts, versions, requests = [], [], []
    for j in range(n):
        i = start_id + j
        account = org.accounts[j % len(org.accounts)]
        # From Monday 11/2 over seven days, in business-hour steps (a weekend day moved two days on).
        day = datetime(2026, 11, 2, 9, 0, tzinfo=JST) + timedelta(days=(j * 7) // n)
        created = (day + timedelta(minutes=(j * 37) % 400)).astimezone(UTC)
        if created.astimezone(JST).weekday() >= 5:
            created += timedelta(days=2)
        created = min(created, now - timedelta(minutes=30))
        drafts.append({"id": i, "account_id": account.id, "author_id": account.operators[0],
                       "channel": account.intake_channel, "message_ts": f"{1900000000 + i}.000100", "state": "pending",
                       "current_version": 1, "category": "normal", "source": "channel", "published_at": None,
                       "created_at": created, "updated_at": created})
        versions.append({"draft_id": i, "number": 1, "text": f"決裁待ちのお知らせ {i}",
                         "scheduled_at": now + timedelta(days=7), "alt_texts": [], "image_count": 0,
                         "portrait_consent": False, "content_hash": "0" * 64, "created_at": created})
        requests.append({"draft_id": i, "version_number": 1, "recipient_id": account.approvers[0],
                         "acting_for_id": None, "reason": "normal", "created_at": created})
    with db.engine.begin() as c:
        for table, rows in ((DraftRow, drafts), (DraftVersionRow, versions), (ApprovalRequestRow, requests)):
            for k in range(0, len(rows), 5000):
                c.execute(insert(table.__table__), rows[k:k + 5000])  # type: ignore[attr-defined]
        if db.is_postgres:
            c.execute(text("ANALYZE"))


def add_published(db: Database, org: OrgConfig, start_id: int, n: int) -> None:
    """``n`` posts published over the 30 days before NOW, each at its scheduled time: the window
    ``_unpublished`` looks back over (a month of a big city's posts)."""
    now = NOW.astimezone(UTC)
    drafts, versions = [], []
    for j in range(n):
        i = start_id + j
        account = org.accounts[j % len(org.accounts)]
        at = now - timedelta(minutes=1 + (j * 30 * 24 * 60) // max(n, 1))
        created = at - timedelta(days=2)
        drafts.append({"id": i, "account_id": account.id, "author_id": account.operators[0],
                       "channel": account.intake_channel, "message_ts": f"{2000000000 + i}.000100",
                       "state": "published", "current_version": 1, "category": "normal", "source": "channel",
                       "published_at": at, "created_at": created, "updated_at": at})
        versions.append({"draft_id": i, "number": 1, "text": f"本日のお知らせ {i}。" * 20, "scheduled_at": at,
                         "alt_texts": ["写真の説明"], "image_count": 1, "portrait_consent": False,
                         "content_hash": "0" * 64, "created_at": created})
    with db.engine.begin() as c:
        for table, rows in ((DraftRow, drafts), (DraftVersionRow, versions)):
            for k in range(0, len(rows), 5000):
                c.execute(insert(table.__table__), rows[k:k + 5000])  # type: ignore[attr-defined]
        if db.is_postgres:
            c.execute(text("ANALYZE"))


def outbox_rows(db: Database) -> int:
    with db.engine.connect() as c:
        return int(c.execute(text(f"SELECT count(*) FROM {OutboxRow.__tablename__}")).scalar_one())


def run_pending(label: str, url: str, org: OrgConfig, n_drafts: int, n_pending: int, n_published: int) -> None:
    """The big city with ``n_pending`` drafts waiting (see the module's docstring)."""
    reset(url)
    db = Database(url)
    db.upgrade()
    with db.session() as s:
        roster.sync(s, org)
    populate(db, org, n_drafts, random.Random(n_drafts))
    add_published(db, org, n_drafts + n_pending + 1, n_published)
    kessai = Kessai(db, org, clock=lambda: NOW)
    sweeper = Sweeper(kessai)
    sweeper.sweep(NOW)  # warm-up: this month's report, password reminders
    before = outbox_rows(db)
    add_pending(db, org, n_drafts + 1, n_pending)
    t_due, sent = timed_sweep(kessai, NOW + timedelta(seconds=1))
    written = outbox_rows(db) - before
    steady = [timed(lambda k=k: sweeper.sweep(NOW + timedelta(seconds=2 + k))) for k in range(3)]
    by_step = Sweeper(kessai)
    spent = step_times(by_step)
    by_step.sweep(NOW + timedelta(seconds=10))
    steps = " ".join(f"{n.strip('_')}={spent[n] * 1000:.1f}" for n in STEPS)
    print(f"{label:10} accounts={len(org.accounts)} drafts={n_drafts:,} pending={n_pending:,} published={n_published:,} | "
          f"all due: {t_due:6.2f} s for {sent} reminders ({written:,} outbox rows, "
          f"{t_due / max(sent, 1) * 1000:.1f} ms each) | next sweeps: median {statistics.median(steady) * 1000:6.1f} ms")
    print(f"{'':10} next sweep by step (ms): {steps}")
    db.dispose()


def timed_sweep(kessai: Kessai, at: datetime) -> tuple[float, int]:
    t0 = time.perf_counter()
    report = Sweeper(kessai).sweep(at)
    return time.perf_counter() - t0, report.total


def timed(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def step_times(sweeper: Sweeper) -> dict[str, float]:
    """Wrap each step of ``sweeper`` to time it (instance attributes shadow the methods)."""
    spent: dict[str, float] = {}
    for name in STEPS:
        original = getattr(sweeper, name)

        def wrapper(now: datetime, report: Any, _f: Any = original, _n: str = name) -> None:
            t0 = time.perf_counter()
            _f(now, report)
            spent[_n] = spent.get(_n, 0.0) + time.perf_counter() - t0

        setattr(sweeper, name, wrapper)
    return spent


def run(label: str, url: str, org: OrgConfig, n_drafts: int) -> None:
    reset(url)
    db = Database(url)
    db.upgrade()
    with db.session() as s:
        roster.sync(s, org)
    t_pop = timed(lambda: populate(db, org, n_drafts, random.Random(n_drafts)))
    kessai = Kessai(db, org, clock=lambda: NOW)
    sweeper = Sweeper(kessai)
    sweeper.sweep(NOW)  # warm-up: this month's report (first business days) goes out once
    steady = [timed(lambda: sweeper.sweep(NOW + timedelta(seconds=1))) for _ in range(5)]
    by_step = Sweeper(kessai)
    spent = step_times(by_step)
    by_step.sweep(NOW + timedelta(seconds=2))
    next_id = add_due(db, org, n_drafts + 1, escalate=False)
    due = timed_sweep(kessai, NOW + timedelta(seconds=3))
    after = timed(lambda: sweeper.sweep(NOW + timedelta(seconds=4)))
    add_due(db, org, next_id, escalate=True)
    due_esc = timed_sweep(kessai, NOW + timedelta(seconds=5))
    steps = " ".join(f"{n.strip('_')}={spent[n] * 1000:.1f}" for n in STEPS)
    print(f"{label:10} accounts={len(org.accounts):,} drafts={n_drafts:>6,} (populated in {t_pop:4.1f}s) | "
          f"nothing due: median {statistics.median(steady) * 1000:6.1f} ms (max {max(steady) * 1000:.1f}) | "
          f"{due[1]} due: {due[0] * 1000:6.1f} ms | next: {after * 1000:5.1f} ms | "
          f"{due_esc[1]} due incl. 100 代決: {due_esc[0] * 1000:7.1f} ms")
    print(f"{'':10} nothing-due sweep by step (ms): {steps}")
    db.dispose()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"),
                   help="PostgreSQL database to use (its public schema is dropped!)")
    p.add_argument("--drafts", default=None, help="default 1000,10000,50000 (10000 with --big-org)")
    p.add_argument("--accounts", type=int, default=10_000)
    p.add_argument("--big-org", action="store_true", help="the organisation of benchmarks/big_org.py")
    p.add_argument("--pending", type=int, default=None, help="drafts waiting (default 3000 with --big-org)")
    p.add_argument("--published", type=int, default=3000,
                   help="with --big-org: posts published in the last 30 days (default 3000)")
    p.add_argument("--sqlite-only", action="store_true")
    args = p.parse_args()
    big = args.big_org or args.pending is not None
    org = parse_org_config(build_toml(), "big_org.toml") if args.big_org else build_org(args.accounts)
    counts = [int(x) for x in (args.drafts or ("10000" if big else "1000,10000,50000")).split(",")]
    pending = args.pending if args.pending is not None else 3000

    def one(label: str, url: str, n: int) -> None:
        if big:
            run_pending(label, url, org, n, pending, args.published)
        else:
            run(label, url, org, n)

    with tempfile.TemporaryDirectory(prefix="kessai-bench-") as tmp:
        for n in counts:
            one("sqlite", f"sqlite:///{Path(tmp) / f'b{n}.db'}", n)
    if args.database_url and not args.sqlite_only:
        for n in counts:
            one("postgresql", args.database_url, n)
    elif not args.sqlite_only:
        print("(PostgreSQL skipped: pass --database-url or set TEST_DATABASE_URL)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
