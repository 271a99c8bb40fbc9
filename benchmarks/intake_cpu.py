"""The request thread's CPU per new draft, in process, by operation (issue #6: the latency a draft
costs on top of slack-bolt's own is mostly this thread's CPU).

    python benchmarks/intake_cpu.py [--database-url URL] [--drafts 400]

Pastes ``--drafts`` clean drafts into the demo organisation's intake channel through
``Kessai.receive_message`` (express lane open, as in ``kessai serve``) and prints, per operation,
the median CPU time of this thread (``time.thread_time_ns``: waiting on the database is not
counted). Then ``--drafts`` more, alternately built with ``storage.models.new_row`` and with the
SQLModel constructors it replaced, and ``--drafts`` more with the intake's read and its draft
INSERT run alternately by ``storage.db.execute_prebuilt`` (the driver's text, compiled once) and by
SQLAlchemy's ``execute`` (session 28): the machine's load (other processes on the same cores) moves
every figure by a third from run to run; alternating draft by draft, it moves both sides alike.
A PostgreSQL URL's ``public`` schema is emptied first (benchmarks/scratch_db.py).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from benchmarks.scratch_db import reset  # noqa: E402
from bot import services  # noqa: E402
from bot.config import load_org_config  # noqa: E402
from bot.services import IncomingMessage, Kessai  # noqa: E402
from storage import db as storage_db  # noqa: E402
from storage import drafts, intake, models, outbox, roster  # noqa: E402
from storage.db import Database  # noqa: E402

DEMO_TOML = REPO / "bot" / "data" / "demo.toml"
TEXTS = [
    "高田城址公園の紅葉が見頃を迎えています。散策の際は足元にお気を付けください。整理番号{n}",
    "市民プールは点検のため臨時休館します。ご不便をおかけします。整理番号{n}",
    "図書館で子ども向けのおはなし会を開きます。どなたでも参加できます。整理番号{n}",
]
# (where, name, label): what is timed inside receive_message.
OPERATIONS = [
    (intake, "intake_reads", "the one read (intake_reads)"),
    (Kessai, "_assess", "the checks (_assess)"),
    (Kessai, "_version_row", "the version row (_version_row)"),
    (drafts, "insert_draft_with_version", "the draft's INSERT"),
    (Kessai, "_check_and_route", "routing and rendering"),
    (outbox, "_insert_pending", "outbox + riders INSERT (in commit)"),
    (services.Session, "commit", "commit, all of it"),
]


def timed(owner: Any, name: str, into: list[int]) -> None:
    f = getattr(owner, name)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.thread_time_ns()
        try:
            return f(*args, **kwargs)
        finally:
            into.append(time.thread_time_ns() - t0)

    setattr(owner, name, wrapper)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--database-url", default=None, help="PostgreSQL URL (default: a new SQLite file)")
    p.add_argument("--drafts", type=int, default=400)
    a = p.parse_args()
    url = a.database_url or f"sqlite:///{tempfile.mkdtemp()}/kessai.db"
    reset(url)
    db = Database(url)
    db.upgrade()
    org = load_org_config(DEMO_TOML)
    with db.session() as s:
        roster.sync(s, org)
    now = [datetime.fromisoformat("2026-11-24T10:00:00+09:00")]
    k = Kessai(db, org, clock=lambda: now[0])
    k.notify.express_lease = lambda: timedelta(seconds=30)  # the approval DMs go out right after the commit
    k.warm_up_checks()
    count = [0]

    def one() -> None:
        count[0] += 1
        now[0] += timedelta(seconds=1)
        out = k.receive_message(IncomingMessage(channel="C0INTAKE", user="U0OPERATOR", ts=f"1764000000.{count[0]:06d}",
                                                text=TEXTS[count[0] % 3].format(n=count[0]), event_key=f"ev{count[0]}"))
        assert out.kind == "pending", out

    for _ in range(50):  # prepared statements, caches
        one()
    spent: dict[str, list[int]] = defaultdict(list)
    for owner, name, label in OPERATIONS:
        timed(owner, name, spent[label])
    total = spent["receive_message, all of it"]
    for _ in range(a.drafts):
        t0 = time.thread_time_ns()
        one()
        total.append(time.thread_time_ns() - t0)
    print(f"{db.engine.dialect.name}, {a.drafts} drafts: median CPU of the request thread per draft")
    for label, values in sorted(spent.items(), key=lambda kv: -statistics.median(kv[1])):
        print(f"  {label:38s} {statistics.median(values) / 1e3:7.0f} µs")

    def alternately(what: str, ways: dict[str, Any], use: Callable[[Any], None]) -> None:
        """``a.drafts`` drafts, each received with the other of the two ``ways`` in place (by ``use``):
        the machine's load moves both sides alike."""
        by_way: dict[str, list[int]] = defaultdict(list)
        for i in range(a.drafts):
            way = list(ways)[i % 2]
            use(ways[way])
            t0 = time.thread_time_ns()
            one()
            by_way[way].append(time.thread_time_ns() - t0)
        print(f"  alternating, the whole receive_message{what}:")
        for way, values in by_way.items():
            print(f"    {way:36s} {statistics.median(values) / 1e3:7.0f} µs")

    def build_rows_with(new_row: Any) -> None:
        services.new_row = outbox.new_row = new_row  # type: ignore[attr-defined]

    def run_statements_with(execute: Any) -> None:
        intake.execute_prebuilt = drafts.execute_prebuilt = execute  # type: ignore[attr-defined]

    constructor: Callable[..., Any] = lambda cls, **values: cls(**values)  # noqa: E731
    alternately("", {"new_row": models.new_row, "SQLModel constructor": constructor}, build_rows_with)
    build_rows_with(models.new_row)
    plain: Callable[..., Any] = lambda conn, statement, params: conn.execute(statement, params)  # noqa: E731
    alternately(" (the read and the draft INSERT)",
                {"execute_prebuilt": storage_db.execute_prebuilt, "SQLAlchemy execute": plain}, run_statements_with)
    db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
