"""Soak: one `kessai serve` process taking drafts for minutes, its memory and latency over time.

A bot that runs for months must not grow with the work it has done. This sends signed intake
events at a steady rate to one ``kessai serve`` (HTTP, the local Slack server) in blocks, and
after each block prints how many drafts it has taken, its resident memory (RSS), its open files
(sockets included) and threads, the median and p95 latency from event to approval DM, and whether
anything was lost or duplicated. Memory that levels off is caches filling to their bounds; memory,
files or threads that keep climbing are a leak.

    python benchmarks/soak.py [--database-url URL] [--rate 25] [--block-seconds 20] [--blocks 16]

With a PostgreSQL URL its ``public`` schema is DROPPED and recreated: use a scratch database.
Without one it runs on a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from load import rss_mb, run_rate  # noqa: E402

from bot.config import load_org_config  # noqa: E402
from bot.localstack import slack_users  # noqa: E402
from bot.sandbox.server import LocalSlack  # noqa: E402
from tests.production.serveproc import ServeProcess  # noqa: E402


def open_files(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return -1


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"))
    ap.add_argument("--rate", type=int, default=25, help="drafts per second")
    ap.add_argument("--block-seconds", type=float, default=20.0, help="length of one measured block")
    ap.add_argument("--blocks", type=int, default=16)
    args = ap.parse_args()
    org = load_org_config(REPO / "bot" / "data" / "demo.toml")
    slack = LocalSlack(users=slack_users(org)).start()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            url = args.database_url or f"sqlite:///{Path(tmp) / 'soak.db'}"
            if url.startswith("postgresql"):
                from tests.conftest import reset_postgres

                reset_postgres(url)
            print(f"database: {url.split('@')[-1]}; {args.rate} drafts/s in blocks of {args.block_seconds:.0f} s")
            serve = ServeProcess(slack, url, Path(tmp), extra_env={"KESSAI_LOG_LEVEL": "WARNING"}).start()
            assert serve.proc is not None
            pid = serve.proc.pid
            print(f"{'drafts':>7} {'minutes':>7} {'RSS MB':>7} {'files':>6} {'threads':>7} {'median':>8} {'p95':>8} "
                  f"{'lost':>5} {'dup':>4}")
            print(f"{0:>7} {0:>7.1f} {rss_mb(pid):>7.1f} {open_files(pid):>6} {threads(pid):>7}")
            started, taken = time.monotonic(), 0
            try:
                for _ in range(args.blocks):
                    r = run_rate(slack, serve.driver, pid, args.rate, args.block_seconds, taken)
                    taken += r["sent"]
                    print(f"{taken:>7} {(time.monotonic() - started) / 60:>7.1f} {r['rss_mb']:>7.1f} "
                          f"{open_files(pid):>6} {threads(pid):>7} {r['median_ms']:>6.1f}ms {r['p95_ms']:>6.1f}ms "
                          f"{r['lost']:>5} {r['duplicated']:>4}", flush=True)
                    # The local server keeps every call; its history is the harness's memory, not kessai's.
                    slack.calls.clear()
            finally:
                serve.stop()
    finally:
        slack.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
