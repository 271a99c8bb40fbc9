"""Soak: one `kessai serve` process taking a city hall's traffic for minutes; what grows with time.

A bot that runs for months must not grow with the work it has done. This sends signed intake
events at a steady rate to one ``kessai serve`` (HTTP, the local Slack server) in blocks, and
alongside them what else reaches a serve all day: approvers clicking 承認 on the approval DMs,
App Home opens, and a load balancer's /healthz probes. After each block it prints how many drafts
it has taken, its resident memory (RSS), its open files (sockets included) and threads, the median
and p95 latency from event to approval DM, whether anything was lost or duplicated, the size of
SQLite's write-ahead log (-wal), the rows of the tables that grow with traffic, and the bytes its
log gained. Memory that levels off is caches filling to their bounds; memory, files, threads or a
-wal file that keep climbing are a leak.

    python benchmarks/soak.py [--database-url URL] [--rate 25] [--block-seconds 20] [--blocks 16]
                              [--log-level INFO] [--no-clicks]

With a PostgreSQL URL its ``public`` schema is DROPPED and recreated: use a scratch database.
Without one it runs on a temporary SQLite file.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))

from load import rss_mb, run_rate  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402

from bot.config import load_org_config  # noqa: E402
from bot.localstack import slack_users  # noqa: E402
from bot.sandbox.server import LocalSlack  # noqa: E402
from tests.production.serveproc import ServeProcess  # noqa: E402

# The tables that grow with traffic (drafts and the ledger are kept for ever by design).
TABLES = ("drafts", "outbox", "processed_events", "slack_messages", "ledger_entries")
HOME_USERS = ("U0MANAGER", "U0CHIEF", "U0DEPUTY", "U0OPERATOR", "U0OPERATOR2", "U0JOHO")


def open_files(pid: int) -> int:
    return len(os.listdir(f"/proc/{pid}/fd"))


def threads(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Threads:"):
            return int(line.split()[1])
    return -1


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def wal_kb(url: str) -> float:
    if not url.startswith("sqlite"):
        return float("nan")
    wal = Path(url.removeprefix("sqlite:///") + "-wal")
    return wal.stat().st_size / 1024 if wal.exists() else 0.0


def row_counts(url: str) -> dict[str, int]:
    # A connection of its own, opened and closed at once: a reader kept open would itself keep
    # SQLite's checkpoints from finishing, which is one of the things measured here.
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
    try:
        with engine.connect() as c:
            return {t: int(c.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()) for t in TABLES}
    finally:
        engine.dispose()


class Background:
    """What else reaches a serve while drafts come in: /healthz every second, an App Home open
    every two, and (between blocks) an approver clicking 承認 on each approval DM."""

    def __init__(self, serve: ServeProcess) -> None:
        self.serve = serve
        self.stop = threading.Event()
        self.probes = self.homes = self.probe_failures = 0
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        driver = self.serve.driver()
        health = f"http://127.0.0.1:{self.serve.port}/healthz"
        n = 0
        while not self.stop.wait(1.0):
            try:
                with urllib.request.urlopen(health, timeout=5) as r:
                    r.read()
                self.probes += 1
            except OSError:
                self.probe_failures += 1
            if n % 2 == 0:
                driver.app_home_opened(HOME_USERS[(n // 2) % len(HOME_USERS)])
                self.homes += 1
            n += 1


def click_approvals(slack: LocalSlack, serve: ServeProcess, clicked: set[str]) -> int:
    driver = serve.driver()
    channel = slack.dm_channel("U0MANAGER")
    n = 0
    for m in slack.messages(channel):
        if m.ts in clicked or "approve_draft" not in str(m.blocks):
            continue
        clicked.add(m.ts)
        driver.block_action("U0MANAGER", "approve_draft", channel=channel, message_ts=m.ts)
        n += 1
    return n


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"))
    ap.add_argument("--rate", type=int, default=25, help="drafts per second")
    ap.add_argument("--block-seconds", type=float, default=20.0, help="length of one measured block")
    ap.add_argument("--blocks", type=int, default=16)
    ap.add_argument("--log-level", default="INFO", help="KESSAI_LOG_LEVEL of the serve (its log's bytes are shown)")
    ap.add_argument("--no-clicks", action="store_true", help="drafts, App Home and /healthz only")
    ap.add_argument("--stacks", action="store_true", help="print the serve's threads' stacks at the end")
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
            serve = ServeProcess(slack, url, Path(tmp), extra_env={"KESSAI_LOG_LEVEL": args.log_level}).start()
            assert serve.proc is not None
            pid = serve.proc.pid
            background = Background(serve)
            background.thread.start()
            print(f"{'drafts':>7} {'min':>5} {'RSS MB':>7} {'files':>5} {'thr':>4} {'median':>8} {'p95':>8} {'CPU/dr':>7} "
                  f"{'lost':>4} {'dup':>3} {'clicks':>6} {'homes':>5} {'WAL kB':>8} {'log kB':>7}  rows")
            print(f"{0:>7} {0:>5.1f} {rss_mb(pid):>7.1f} {open_files(pid):>5} {threads(pid):>4}")
            started, taken, clicks = time.monotonic(), 0, 0
            cpu = cpu_seconds(pid)
            clicked: set[str] = set()
            try:
                for _ in range(args.blocks):
                    r = run_rate(slack, serve.driver, pid, args.rate, args.block_seconds, taken)
                    taken += r["sent"]
                    if not args.no_clicks:
                        clicks += click_approvals(slack, serve, clicked)
                    # The serve's CPU per draft over the block (its clicks, App Home and probes included):
                    # latency also counts the local Slack server and this driver, which share the machine.
                    now_cpu = cpu_seconds(pid)
                    used, cpu = now_cpu - cpu, now_cpu
                    rows = " ".join(f"{t}={n}" for t, n in row_counts(url).items())
                    print(f"{taken:>7} {(time.monotonic() - started) / 60:>5.1f} {r['rss_mb']:>7.1f} "
                          f"{open_files(pid):>5} {threads(pid):>4} {r['median_ms']:>6.1f}ms {r['p95_ms']:>6.1f}ms {used / r['sent'] * 1000:>5.1f}ms "
                          f"{r['lost']:>4} {r['duplicated']:>3} {clicks:>6} {background.homes:>5} "
                          f"{wal_kb(url):>8.0f} {serve.log_path.stat().st_size / 1024:>7.0f}  {rows}", flush=True)
                    # The local server keeps every call; its history is the harness's memory, not kessai's.
                    slack.calls.clear()
            finally:
                background.stop.set()
                background.thread.join(10)
                print(f"/healthz probes: {background.probes} answered, {background.probe_failures} failed")
                if args.stacks:
                    print(serve.stacks())
                serve.stop()
    finally:
        slack.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
