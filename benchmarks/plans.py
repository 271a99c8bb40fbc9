"""Which statements of the busy paths read a whole table, on a long history.

    python benchmarks/plans.py [--database-url URL] [--drafts 1000] [--copies 100]

A history is written by kessai itself (``benchmarks/history.py``), then its drafts, versions,
approval requests, ledger entries, reminder claims, posted-message records and inbound event
records are copied ``--copies`` times (negative ids, below kessai's own sequences, each copy a further two years back, as if kessai
had run that much longer; the copies' ledger is not a valid chain, which nothing here reads).
Then every SQL statement of one reminder sweep (nothing due), an approver's App Home,
``/kessai status``, the ``/healthz`` queries, and the intake, decision and 投稿済み of a new draft is
captured and explained (EXPLAIN QUERY PLAN on SQLite, EXPLAIN on PostgreSQL after ANALYZE); a
statement whose plan scans a table of the history from end to end is printed with its plan, and
each path's time.

Runs on a temporary SQLite file and, with ``--database-url``, on PostgreSQL too (its ``public``
schema is DROPPED: use a scratch database).
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, timedelta
from pathlib import Path
from types import SimpleNamespace
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import event, insert, select, text  # noqa: E402

from benchmarks.history import NOW, SPAN, Clock, build_org, busiest, write_history  # noqa: E402
from benchmarks.scratch_db import reset  # noqa: E402
from bot import publication  # noqa: E402
from bot.config import OrgConfig  # noqa: E402
from bot.services import IncomingMessage, Kessai  # noqa: E402
from bot.sweep import Sweeper  # noqa: E402
from bot.web import _read_database as read_health_facts  # noqa: E402
from storage import roster  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import (  # noqa: E402
    ApprovalRequestRow,
    DraftRow,
    DraftVersionRow,
    LedgerEntryRow,
    ProcessedEventRow,
    ReminderRow,
    SlackMessageRow,
)

BIG = ("drafts", "draft_versions", "approval_requests", "ledger_entries", "reminders", "slack_messages",
       "processed_events", "outbox", "findings")


def amplify(db: Database, org: OrgConfig, copies: int) -> None:
    """Each row of the history again ``copies`` times, with new keys, two years further back each.
    The copies' approved drafts were posted long ago (published, with a URL): a real history is
    mostly that, and /kessai status and 投稿済みにする must not read it."""
    urls = {a.id: a.url for a in org.accounts}
    # (0017 and after; without it, this measures a version before, for comparison)
    keyed = "published_key" in DraftRow.__table__.c  # type: ignore[attr-defined]

    def posted(r: dict[str, Any]) -> dict[str, Any]:
        if r["state"] != "approved" or r["account_id"] not in urls:
            return r
        url = f"{urls[r['account_id']]}/status/{-r['id']}"
        out = {**r, "state": "published", "published_url": url, "published_at": r["updated_at"],
               "published_by": r["author_id"]}
        if keyed:
            out["published_key"] = publication.post_key_digest(url)
        return out

    with db.engine.connect() as c:
        max_draft = c.execute(text("SELECT max(id) FROM drafts")).scalar_one()
        max_seq = c.execute(text("SELECT max(seq) FROM ledger_entries")).scalar_one()
        rows = {t: [dict(r._mapping) for r in c.execute(select(t.__table__))]  # type: ignore[attr-defined]
                for t in (DraftRow, DraftVersionRow, ApprovalRequestRow, LedgerEntryRow, ReminderRow,
                          SlackMessageRow, ProcessedEventRow)}
    for k in range(1, copies + 1):
        back = SPAN * k
        d, q = max_draft * k, max_seq * k

        def shift(r: dict[str, Any], back: timedelta = back, **changes: Any) -> dict[str, Any]:
            out = {**r, **changes}
            for key in ("created_at", "updated_at", "claimed_at", "received_at"):
                if out.get(key) is not None:
                    out[key] = out[key] - back
            return out

        batch = {
            DraftRow: [posted(shift(r, id=r["id"] - d, message_ts=f"{r['message_ts']}{k}")) for r in rows[DraftRow]],
            DraftVersionRow: [shift(r, id=None, draft_id=r["draft_id"] - d) for r in rows[DraftVersionRow]],
            ApprovalRequestRow: [shift(r, id=None, draft_id=r["draft_id"] - d) for r in rows[ApprovalRequestRow]],
            LedgerEntryRow: [shift(r, seq=r["seq"] - q, draft_id=r["draft_id"] - d, prev_hash=f"{k}:{r['prev_hash']}"[:64])
                             for r in rows[LedgerEntryRow]],
            ReminderRow: [shift(r, key=f"{r['key']}~{k}") for r in rows[ReminderRow]],
            SlackMessageRow: [shift(r, key=f"{r['key']}~{k}") for r in rows[SlackMessageRow]],
            ProcessedEventRow: [shift(r, key=f"{r['key']}~{k}") for r in rows[ProcessedEventRow]],
        }
        with db.engine.begin() as c:
            for table, values in batch.items():
                if values:
                    for v in values:
                        if v.get("id", 0) is None:
                            del v["id"]
                    c.execute(insert(table.__table__), values)  # type: ignore[attr-defined]
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.execute(text("ANALYZE"))


class Capture:
    def __init__(self, db: Database) -> None:
        self.db = db
        self.statements: list[tuple[str, Any]] = []
        self.on = False
        event.listen(db.engine, "before_cursor_execute", self._seen)

    def _seen(self, conn: Any, cursor: Any, statement: str, parameters: Any, context: Any, executemany: bool) -> None:
        if self.on and not executemany and statement.lstrip().upper().startswith(("SELECT", "WITH", "UPDATE", "DELETE")):
            self.statements.append((statement, parameters))

    def run(self, fn: Callable[[], Any]) -> tuple[float, list[tuple[str, Any]]]:
        self.statements = []
        self.on = True
        t0 = time.perf_counter()
        try:
            fn()
        finally:
            self.on = False
        return (time.perf_counter() - t0) * 1000, self.statements


SCAN = {"sqlite": re.compile(r"\bSCAN (\w+)(?! USING (?:COVERING )?INDEX)"),
        "postgresql": re.compile(r"Seq Scan on (\w+)")}


def full_scans(db: Database, statement: str, parameters: Any) -> tuple[list[str], str]:
    name = db.engine.dialect.name
    raw = db.engine.raw_connection()
    try:
        cur = raw.cursor()
        cur.execute(("EXPLAIN QUERY PLAN " if name == "sqlite" else "EXPLAIN ") + statement, parameters)
        lines = [" ".join(str(x) for x in r) if name == "sqlite" else str(r[0]) for r in cur.fetchall()]
    finally:
        raw.rollback()
        raw.close()
    plan = "\n".join(lines)
    return sorted({t for t in SCAN[name].findall(plan) if t in BIG}), plan


def run(label: str, url: str, n_drafts: int, copies: int) -> None:
    reset(url)
    db = Database(url)
    db.upgrade()
    org = build_org(30)
    with db.session() as s:
        roster.sync(s, org)
    clock = Clock(NOW)
    kessai = Kessai(db, org, clock=clock)
    write_history(kessai, clock, org, n_drafts)
    t0 = time.perf_counter()
    amplify(db, org, copies)
    with db.engine.connect() as c:
        sizes = {t: c.execute(text(f"SELECT count(*) FROM {t}")).scalar_one() for t in BIG}  # noqa: S608
    print(f"{label}: copied in {time.perf_counter() - t0:.0f} s: " + ", ".join(f"{k} {v:,}" for k, v in sizes.items()))
    clock.t = NOW.astimezone(UTC)
    account = busiest(org)
    approver = account.approvers[0]
    sweeper = Sweeper(kessai)
    sweeper.sweep(NOW)
    cap = Capture(db)
    fresh = iter(range(10_000_000, 20_000_000))

    def intake() -> None:
        n = next(fresh)
        out = kessai.receive_message(IncomingMessage(
            channel=account.intake_channel, user=account.operators[0], ts=f"{n}.000100",
            text=f"本日の市役所からのお知らせです。窓口の受付時間が変わります。（お知らせ第{n}号）", event_key=f"new{n}"))
        assert out.draft_id is not None
        kessai.decide(out.draft_id, 1, approver, approve=True)
        kessai.publish(out.draft_id, 1, account.operators[0], url=f"{account.url}/status/{n}", at=clock.t)

    # /healthz's own reading (bot.web._read_database), not a copy of some of its queries: the copy
    # left out the stalled and scheduled counts and the revoked-token look, and counted the backlog
    # without the time, a different statement from the one /healthz runs.
    health_runtime: Any = SimpleNamespace(db=db, gateway=SimpleNamespace(clock=clock))

    def healthz() -> None:
        read_health_facts(health_runtime)

    paths: dict[str, Callable[[], Any]] = {
        "sweep (nothing due)": lambda: sweeper.sweep(NOW + timedelta(seconds=1)),
        "App Home": lambda: kessai.homes.render(approver),
        # The operator who wrote the most (a third of every draft).
        "/kessai status": lambda: kessai.homes.status_text(account.operators[0]),
        "/healthz": healthz,
        "intake + decision + 投稿済み": intake,
    }
    for name, fn in paths.items():
        fn()  # warm
        ms, statements = cap.run(fn)
        flagged = []
        for statement, parameters in statements:
            tables, plan = full_scans(db, statement, parameters)
            if tables:
                flagged.append((tables, statement, plan))
        print(f"  {name}: {ms:.1f} ms, {len(statements)} statements, {len(flagged)} reading a whole table")
        for tables, statement, plan in flagged:
            print(f"    {','.join(tables)}: {' '.join(statement.split())[:400]}\n      "
                  + plan.replace("\n", "\n      "))
    db.dispose()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--database-url", default=None)
    p.add_argument("--drafts", type=int, default=1000)
    p.add_argument("--copies", type=int, default=100)
    args = p.parse_args()
    with tempfile.TemporaryDirectory(prefix="kessai-plans-") as tmp:
        run("sqlite", f"sqlite:///{Path(tmp) / 'plans.db'}", args.drafts, args.copies)
    if args.database_url:
        run("postgresql", args.database_url, args.drafts, args.copies)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
