"""A municipality after years of use: how the busy paths fare on a large history.

    python benchmarks/history.py [--database-url URL] [--drafts 2000,20000] [--accounts 30]

The history is written by kessai itself (``Kessai.receive_message`` and ``Kessai.decide``, with
a clock walking back over two years), so every row is one kessai would have written: drafts,
versions with their findings, approval requests, the ledger's hash chain, outbox rows. The
outbox is then marked delivered as the gateway records it (status ``sent``, and where each post
lives in ``slack_messages``). Nine drafts in ten are approved, one in ten is sent back.

Then, on that history, the median of 20 runs of each operation a person waits for or that runs
every minute:

* intake of a new draft on the busiest account (``Kessai.receive_message``) and its approval
  (``Kessai.decide``);
* one reminder sweep with nothing due, and one outbox delivery scan (``outbox.eligible``);
* the ``/healthz`` queries, an approver's App Home, ``/kessai status``;
* once each: ``kessai ledger verify`` and ``ledger export`` (JSON), and the first retention batch
  (``outbox.forget_delivered``, up to 5,000 rows delivered over a month ago) on a history that
  never had one; the sweep is timed after the rest is gone, as every minute afterwards.

Runs on a temporary SQLite file and, with ``--database-url`` (or ``TEST_DATABASE_URL``), on
PostgreSQL too (its ``public`` schema is DROPPED: use a scratch database).
"""

from __future__ import annotations

import argparse
import os
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

from sqlalchemy import text  # noqa: E402

from benchmarks.scratch_db import reset  # noqa: E402
from bot.config import Account, Member, Org, OrgConfig, Policy  # noqa: E402
from bot.ledger import export_rows, to_json, verify_chain  # noqa: E402
from bot.services import IncomingMessage, Kessai  # noqa: E402
from bot.sweep import Sweeper  # noqa: E402
from storage import ledger as ledger_repo  # noqa: E402
from storage import outbox, roster  # noqa: E402
from storage.db import Database, migrations_current  # noqa: E402

JST = ZoneInfo("Asia/Tokyo")
NOW = datetime(2026, 11, 11, 10, 0, tzinfo=JST)  # a Wednesday morning with nothing monthly due
SPAN = timedelta(days=730)
TEXTS = [
    "高田城址公園の紅葉が見頃を迎えています。散策の際は足元にお気を付けください。（お知らせ第{n}号）",
    "市民プールは点検のため臨時休館します。ご不便をおかけします。（お知らせ第{n}号）",
    "図書館で子ども向けのおはなし会を開きます。どなたでも参加できます。（お知らせ第{n}号）",
    "燃やせるごみは収集日の朝8時30分までに集積所へ出してください。（お知らせ第{n}号）",
]


class Clock:
    def __init__(self, t: datetime) -> None:
        self.t = t

    def __call__(self) -> datetime:
        return self.t


def build_org(n_accounts: int) -> OrgConfig:
    members = [Member(f"U{i:05d}", f"職員{i}", "koho", "課長" if i % 2 else "主事") for i in range(4 * n_accounts)]
    approvers = [m.slack_id for m in members if m.rank == "課長"]
    operators = [m.slack_id for m in members if m.rank == "主事"]
    accounts = tuple(
        Account(id=f"acct-{i:03d}", platform="x", name=f"アカウント{i}", url=f"https://x.com/acct{i}", org="koho",
                intake_channel=f"C{i:07d}", operators=(operators[i],),
                approvers=(approvers[i], approvers[(i + 1) % len(approvers)]), deputies=(approvers[-1 - i],))
        for i in range(n_accounts))
    return OrgConfig(policy=Policy(escalation_channel="C0ESCALATE"), orgs=(Org("koho", "広報対話課"),),
                     members=tuple(members), accounts=accounts)


def busiest(org: OrgConfig) -> Account:
    return org.accounts[0]


def account_for(org: OrgConfig, n: int) -> Account:
    # A third of everything is the busiest account's (the city's main account), the rest spread.
    return busiest(org) if n % 3 == 0 else org.accounts[n % len(org.accounts)]


def write_history(kessai: Kessai, clock: Clock, org: OrgConfig, n_drafts: int) -> None:
    start = NOW.astimezone(UTC) - SPAN
    for n in range(n_drafts):
        account = account_for(org, n)
        clock.t = start + SPAN * n / n_drafts
        out = kessai.receive_message(IncomingMessage(
            channel=account.intake_channel, user=account.operators[0], ts=f"{1600000000 + n}.000100",
            text=TEXTS[n % len(TEXTS)].format(n=n), event_key=f"ev{n}"))
        assert out.draft_id is not None and out.kind == "pending", out
        clock.t += timedelta(minutes=20)
        kessai.decide(out.draft_id, 1, account.approvers[0], approve=n % 10 != 9,
                      reason=None if n % 10 != 9 else "表現を見直してください。")


def mark_delivered(db: Database) -> None:
    """What the gateway records once Slack has everything: sent, and where each post lives."""
    with db.engine.begin() as c:
        c.execute(text("INSERT INTO slack_messages (key, channel, ts) SELECT message_key, 'D0HISTORY', "
                       "CAST(MAX(id) AS TEXT) || '.000100' FROM outbox WHERE op = 'post' AND message_key IS NOT NULL "
                       "GROUP BY message_key"))
        c.execute(text("UPDATE outbox SET status = 'sent', sent_at = created_at, claimed_until = NULL "
                       "WHERE status IN ('pending', 'held')"))
        if db.is_postgres:
            c.execute(text("ANALYZE"))


def median_ms(fn: Callable[[], Any], runs: int = 20) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def once_ms(fn: Callable[[], Any]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def count(db: Database, table: str) -> int:
    with db.engine.connect() as c:
        return int(c.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())  # noqa: S608 - our table names


def run(label: str, url: str, org: OrgConfig, n_drafts: int) -> None:
    reset(url)
    db = Database(url)
    db.upgrade()
    with db.session() as s:
        roster.sync(s, org)
    clock = Clock(NOW)
    kessai = Kessai(db, org, clock=clock)
    t_build = once_ms(lambda: write_history(kessai, clock, org, n_drafts)) / 1000
    mark_delivered(db)
    sizes = {t: count(db, t) for t in ("drafts", "ledger_entries", "outbox", "slack_messages", "findings")}
    clock.t = NOW.astimezone(UTC)
    account = busiest(org)
    approver = account.approvers[0]
    fresh = iter(range(10_000_000, 20_000_000))

    def intake_and_decide() -> tuple[float, float]:
        n = next(fresh)
        t0 = time.perf_counter()
        out = kessai.receive_message(IncomingMessage(
            channel=account.intake_channel, user=account.operators[0], ts=f"{n}.000100",
            text=f"本日の市役所からのお知らせです。窓口の受付時間が変わります。（お知らせ第{n}号）", event_key=f"new{n}"))
        t1 = time.perf_counter()
        assert out.draft_id is not None
        kessai.decide(out.draft_id, 1, approver, approve=True)
        return (t1 - t0) * 1000, (time.perf_counter() - t1) * 1000

    pairs = [intake_and_decide() for _ in range(20)]
    intake, decide = statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)

    def scan() -> None:
        with db.session() as s:
            outbox.eligible(s, clock.t)

    def healthz() -> None:
        migrations_current(db.engine)
        with db.session() as s:
            outbox.backlog(s)
            outbox.held(s, clock.t - timedelta(hours=1))

    home = median_ms(lambda: kessai.homes.render(approver))
    status = median_ms(lambda: kessai.homes.status_text(approver))
    scan_ms, health_ms = median_ms(scan), median_ms(healthz)

    def verify() -> None:
        with db.session() as s:
            result = verify_chain(ledger_repo.iter_entries(s), ledger_repo.version_hashes(s), ledger_repo.head(s))
        assert result.ok, result

    def export() -> None:
        with db.session() as s:
            to_json(export_rows(ledger_repo.iter_entries(s), {}))

    verify_ms, export_ms = once_ms(verify), once_ms(export)

    def prune() -> int:
        with db.session() as s:
            return outbox.forget_delivered(s, NOW.astimezone(UTC) - timedelta(days=30))

    # Retention (the sweep does this, one batch a minute): the first batch on a history that never
    # had any, then the rest, so that the sweep below is the every-minute case.
    t0 = time.perf_counter()
    pruned = prune()
    prune_ms = (time.perf_counter() - t0) * 1000
    while prune():
        pass
    kept = count(db, "outbox")
    sweeper = Sweeper(kessai)
    sweeper.sweep(NOW)  # the first sweep sends what a month's start owes; the every-minute case is the next
    sweep = median_ms(lambda: sweeper.sweep(NOW + timedelta(seconds=1)))
    print(f"{label:10} drafts={n_drafts:>6,} (written by kessai in {t_build:5.0f} s): "
          + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
    print(f"{'':10} intake {intake:6.1f} ms | decision {decide:6.1f} ms | sweep {sweep:6.1f} ms | "
          f"outbox scan {scan_ms:5.1f} ms | healthz {health_ms:5.1f} ms | App Home {home:6.1f} ms | "
          f"status {status:6.1f} ms")
    print(f"{'':10} ledger verify {verify_ms / 1000:5.2f} s | export {export_ms / 1000:5.2f} s | "
          f"first retention batch {pruned:,} rows in {prune_ms:5.0f} ms ({kept:,} outbox rows of the last month kept)")
    db.dispose()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"),
                   help="PostgreSQL database to use (its public schema is dropped!)")
    p.add_argument("--drafts", default="2000,20000")
    p.add_argument("--accounts", type=int, default=30)
    p.add_argument("--sqlite-only", action="store_true")
    args = p.parse_args()
    org = build_org(args.accounts)
    counts = [int(x) for x in args.drafts.split(",")]
    with tempfile.TemporaryDirectory(prefix="kessai-history-") as tmp:
        for n in counts:
            run("sqlite", f"sqlite:///{Path(tmp) / f'h{n}.db'}", org, n)
    if args.database_url and not args.sqlite_only:
        for n in counts:
            run("postgresql", args.database_url, org, n)
    elif not args.sqlite_only:
        print("(PostgreSQL skipped: pass --database-url or set TEST_DATABASE_URL)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
