"""The ledger commands on a long ledger: `kessai ledger verify` and `kessai ledger export`.

    python benchmarks/ledger.py [--database-url URL] [--entries 1000,10000,100000] [--sqlite-only]

For each size it writes that many drafts, one version each and one ledger entry each (a valid hash
chain, nine approvals to one 差戻し with a reason, as `storage.ledger.append` would have written
them, but inserted in bulk: writing 100,000 decisions through `Kessai.decide` takes an hour),
then runs the real command line in a child process, once each, and reports its wall time and the
child's peak memory (maximum resident set size):

* `kessai ledger verify` (it recomputes every entry's hash and every decided version's content
  hash), and the time of its two reads and the chain check measured in this process;
* `kessai ledger export --format csv --output FILE` and `--format json --output FILE`: an export
  that is streamed keeps the same peak memory whatever the ledger's length; one built in memory
  grows with it.

Runs on a temporary SQLite file and, with ``--database-url`` (or ``TEST_DATABASE_URL``), on
PostgreSQL too (its ``public`` schema is DROPPED: use a scratch database).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from sqlalchemy import insert, text, update  # noqa: E402

from benchmarks.scratch_db import reset  # noqa: E402
from bot.ledger import GENESIS_HASH, content_hash, entry_hash, verify_with_versions  # noqa: E402
from storage import ledger as ledger_repo  # noqa: E402
from storage.db import Database  # noqa: E402
from storage.models import DraftRow, DraftVersionRow, LedgerEntryRow, LedgerHeadRow  # noqa: E402

JST = ZoneInfo("Asia/Tokyo")
START = datetime(2016, 4, 1, 9, 0, tzinfo=JST)
TEXT = "高田城址公園の紅葉が見頃を迎えています。散策の際は足元にお気を付けください。（お知らせ第{n}号）"
REASON = "日付と曜日が合っていません。11月28日は土曜日です。確認のうえ再提出してください。（{n}）"
BATCH = 5_000

# The child: the real command line, then its own peak memory (kB) on the last line of stderr. Linux's
# VmHWM, not getrusage's ru_maxrss: that one keeps the parent's peak across fork and exec.
CHILD = ("import re, sys\nfrom bot.cli import main\nrc = main(sys.argv[1:])\nsys.stdout.flush()\n"
         "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read())\n"
         "print('maxrss_kb', hwm.group(1) if hwm else 0, file=sys.stderr)\n"
         "raise SystemExit(rc)\n")


def write_ledger(db: Database, n: int) -> None:
    prev = GENESIS_HASH
    drafts, versions, entries = [], [], []

    def flush() -> None:
        with db.engine.begin() as c:
            c.execute(insert(DraftRow), drafts)
            c.execute(insert(DraftVersionRow), versions)
            c.execute(insert(LedgerEntryRow), entries)
        drafts.clear(), versions.clear(), entries.clear()

    for i in range(1, n + 1):
        at = START + timedelta(minutes=37 * i)
        body_text = TEXT.format(n=i)
        chash = content_hash(text=body_text, account_id="joetsu-x", scheduled_at=None, alt_texts=[])
        rejected = i % 10 == 0
        drafts.append({"id": i, "account_id": "joetsu-x", "author_id": "U0OPERATOR", "channel": "C0INTAKE",
                       "message_ts": f"{1_500_000_000 + i}.000100", "state": "rejected" if rejected else "approved",
                       "current_version": 1, "created_at": at.astimezone(UTC), "updated_at": at.astimezone(UTC)})
        versions.append({"draft_id": i, "number": 1, "text": body_text, "alt_texts": [], "content_hash": chash,
                         "created_at": at.astimezone(UTC)})
        body = {"seq": i, "draft_id": i, "version_number": 1, "kind": "rejected" if rejected else "approved",
                "content_hash": chash, "decider_id": "U0MANAGER", "acting_for_id": None,
                "reason": REASON.format(n=i) if rejected else None,
                "decided_at": (at + timedelta(minutes=20)).isoformat(timespec="seconds"), "prev_hash": prev}
        prev = entry_hash(body)
        entries.append({**body, "entry_hash": prev})
        if len(entries) >= BATCH:
            flush()
    if entries:
        flush()
    with db.engine.begin() as c:
        c.execute(update(LedgerHeadRow).values(seq=n, entry_hash=prev))  # its row is made by the migrations
    if db.engine.url.get_backend_name() == "postgresql":
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as c:
            c.execute(text("ANALYZE"))


def kessai(url: str, *args: str) -> tuple[float, int, str]:
    """Seconds, the child's peak memory in MB, and what it printed."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))}
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", CHILD, *args], capture_output=True, text=True, cwd=tempfile.gettempdir(),
                       env={**env, "PYTHONPATH": str(ROOT), "DATABASE_URL": url})
    seconds = time.perf_counter() - t0
    if r.returncode != 0:
        raise SystemExit(f"kessai {' '.join(args)} failed ({r.returncode}):\n{r.stdout}\n{r.stderr}")
    last = r.stderr.strip().splitlines()[-1]
    assert last.startswith("maxrss_kb "), r.stderr
    return seconds, int(last.split()[1]) // 1024, r.stdout + r.stderr


def run(label: str, url: str, n: int, out_dir: Path) -> None:
    reset(url)
    db = Database(url)
    db.upgrade()
    empty_s, empty_mb, _ = kessai(url, "ledger", "verify")  # starting the command line: to subtract
    t0 = time.perf_counter()
    write_ledger(db, n)
    written = time.perf_counter() - t0

    with db.session() as s:
        # As `kessai ledger verify` reads it (streamed): a list of 600,000 entries would take this
        # process past a gigabyte.
        t0 = time.perf_counter()
        read = sum(1 for _ in ledger_repo.iter_entries(s))
        t1 = time.perf_counter()
        result = verify_with_versions(ledger_repo.iter_entries_with_versions(s), ledger_repo.head(s))
        t2 = time.perf_counter()
    assert read == n and result.ok and result.count == n, result
    db.dispose()

    verify_s, verify_mb, said = kessai(url, "ledger", "verify")
    assert f"{n} 件" in said, said
    line = (f"{label:10} {n:>7,} entries (written in {written:.1f} s; empty ledger: verify {empty_s:.2f} s, "
            f"{empty_mb} MB): verify {verify_s:.2f} s, {verify_mb} MB "
            f"[in process: read entries {t1 - t0:.2f} s, read and verify with versions {t2 - t1:.2f} s]")
    # The last month: what an auditor asks for most often, from the end of a long ledger.
    last = START + timedelta(minutes=37 * n)
    month = ("--from", (last - timedelta(days=30)).date().isoformat(), "--to", last.date().isoformat())
    for fmt, period in (("csv", ()), ("json", ()), ("csv", month)):
        target = out_dir / f"ledger-{label}-{n}.{fmt}"
        seconds, mb, said = kessai(url, "ledger", "export", "--format", fmt, *period, "--output", str(target))
        assert f"{n} 件" in said or period, said
        written_n = said.split(" 件")[0].split()[-1]
        line += (f"; export {fmt}{' one month' if period else ''} {seconds:.2f} s, {mb} MB "
                 f"({written_n} entries, {target.stat().st_size / 1e6:.1f} MB file)")
        target.unlink()
    print(line, flush=True)


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"),
                   help="PostgreSQL database to use (its public schema is dropped!)")
    p.add_argument("--entries", default="1000,10000,100000")
    p.add_argument("--sqlite-only", action="store_true")
    args = p.parse_args()
    counts = [int(x) for x in args.entries.split(",")]
    with tempfile.TemporaryDirectory(prefix="kessai-ledger-") as tmp:
        for n in counts:
            run("sqlite", f"sqlite:///{Path(tmp) / f'l{n}.db'}", n, Path(tmp))
        if args.database_url and not args.sqlite_only:
            for n in counts:
                run("postgresql", args.database_url, n, Path(tmp))
        elif not args.sqlite_only:
            print("(PostgreSQL skipped: pass --database-url or set TEST_DATABASE_URL)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
