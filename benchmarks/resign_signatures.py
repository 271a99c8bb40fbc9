"""Signing again the versions an older release signed (bot.duplicate_signatures), as ``kessai serve``
does once at start after DUPLICATE_SIGNATURE_VERSION changed.

    python benchmarks/resign_signatures.py [--database-url URL] [--rows 5000] [--accounts 20] [--history 0]

Writes ``--rows`` versions of the last 30 days signed by version 1 over ``--accounts`` accounts
(and ``--history`` versions from a year before, signed by version 1 as well), then times the intake's read of the duplicate candidates (storage.drafts.recent_texts with the
filter, median of 50) before and after, and the signing itself; with a history, also after that
history is marked as signed by a newer release (a downgrade: the newer signatures are kept). Runs on a temporary SQLite file
and, with ``--database-url`` (or ``TEST_DATABASE_URL``), on PostgreSQL too (its ``public`` schema
is DROPPED: use a scratch database).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import update  # noqa: E402
from sqlmodel import col  # noqa: E402

from benchmarks.scratch_db import reset  # noqa: E402
from bot.duplicate_signatures import resign_older_signatures  # noqa: E402
from bot.rules import duplicate_signature  # noqa: E402
from bot.rules.misc import DUPLICATE_SIGNATURE_VERSION  # noqa: E402
from bot.services import DUPLICATE_STATES, DUPLICATE_WINDOW  # noqa: E402
from storage import drafts  # noqa: E402
from storage.db import Database, upgrade  # noqa: E402
from storage.models import DraftRow, DraftVersionRow  # noqa: E402

NOW = datetime(2026, 12, 7, 1, 0, tzinfo=UTC)
TEXTS = [
    "高田城址公園の紅葉が見頃を迎えています。散策の際は足元にお気を付けください。（お知らせ第{n}号）#上越市",
    "市民プールは点検のため{d}日から臨時休館します。ご不便をおかけします。（お知らせ第{n}号）",
    "図書館で子ども向けのおはなし会を{d}日10時から開きます。どなたでも参加できます。（第{n}号）",
    "燃やせるごみは収集日の朝8時30分までに集積所へ出してください。（お知らせ第{n}号）",
]


def fill(db: Database, rows: int, accounts: int, history: int = 0) -> None:
    with db.session() as s:
        conn = s.connection()
        draft_rows, version_rows = [], []
        for i in range(rows + history):
            at = (NOW - timedelta(minutes=(i * 29 * 24 * 60) // rows) if i < rows
                  else NOW - timedelta(days=365, minutes=i))
            draft_rows.append({"id": i + 1, "account_id": f"acct-{i % accounts:03d}", "author_id": "U0OPERATOR",
                               "channel": f"C{i % accounts:07d}", "message_ts": f"1700000000.{i:06d}",
                               "state": "published", "current_version": 1, "created_at": at, "updated_at": at})
            text = TEXTS[i % len(TEXTS)].format(n=i, d=i % 28 + 1)
            version_rows.append({"id": i + 1, "draft_id": i + 1, "number": 1, "text": text, "alt_texts": [],
                                 "content_hash": "0" * 64, "created_at": at, "image_count": 0, "video_count": 0,
                                 "portrait_consent": False, "dup_key": "版1の鍵" + text[:20], "dup_numbers": "",
                                 "dup_version": 1})
        conn.execute(DraftRow.__table__.insert(), draft_rows)  # type: ignore[attr-defined]
        conn.execute(DraftVersionRow.__table__.insert(), version_rows)  # type: ignore[attr-defined]
    if db.is_postgres:
        analyze(db)


def analyze(db: Database) -> None:
    with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
        c.exec_driver_sql("ANALYZE draft_versions")
        c.exec_driver_sql("ANALYZE drafts")


def intake_read_ms(db: Database) -> float:
    sig = duplicate_signature(TEXTS[0].format(n=99999, d=3))
    like = drafts.DuplicateFilter(sig.key, sig.numbers, *sig.lengths, sig.version)
    times = []
    for _ in range(50):
        start = time.perf_counter()
        with db.session() as s:
            drafts.recent_texts(s, "acct-000", NOW - DUPLICATE_WINDOW, list(DUPLICATE_STATES), None, like)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def run(url: str, rows: int, accounts: int, history: int) -> None:
    reset(url)
    db = Database(url)
    upgrade(db.engine)
    fill(db, rows, accounts, history)
    before = intake_read_ms(db)
    start = time.perf_counter()
    changed = resign_older_signatures(db, NOW)
    took = time.perf_counter() - start
    after = intake_read_ms(db)
    downgraded = ""
    if history:
        with db.session() as s:
            s.connection().execute(update(DraftVersionRow).where(col(DraftVersionRow.created_at) < NOW - timedelta(days=300))
                                   .values(dup_version=DUPLICATE_SIGNATURE_VERSION + 1))
        if db.is_postgres:
            analyze(db)
        downgraded = f"; {intake_read_ms(db):.2f} ms with the history signed by a newer release (a downgrade)"
    kind = "PostgreSQL" if db.is_postgres else "SQLite"
    print(f"{kind}: signed {changed} of {rows + history} versions again in {took:.2f} s "
          f"({took / max(changed, 1) * 1e6:.0f} µs a row{', ANALYZE included' if db.is_postgres else ''}); "
          f"intake read {before:.2f} ms before, {after:.2f} ms after{downgraded}")
    db.dispose()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"))
    p.add_argument("--rows", type=int, default=5000)
    p.add_argument("--accounts", type=int, default=20)
    p.add_argument("--history", type=int, default=0)
    a = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        run(f"sqlite:///{tmp}/kessai.db", a.rows, a.accounts, a.history)
    if a.database_url:
        run(a.database_url, a.rows, a.accounts, a.history)


if __name__ == "__main__":
    main()
