"""Load: N signed intake events per second against ``kessai serve`` (HTTP) and two floors.

The floors are benchmarks/bare_app.py: a bare slack-bolt app posting one message per event (the
framework's floor, which the target ratio is against) and the same app recording each event in
one durable transaction before posting (the floor of any bot that must not lose work).

Measures, per rate, the server-side latency from sending a signed intake event to the approval DM
arriving at the local Slack server (median / p95 / p99), the throughput achieved, the server's
memory, and whether any draft was lost or duplicated. Prints a table; README quotes it.

    python benchmarks/load.py [--database-url URL] [--rates 5,10,20,30,40] [--seconds 5] [--repeat 3]

Every run starts from fresh state (a new local Slack server, an empty database, a new process),
and the apps' runs are interleaved, so none is favoured by running first or last.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bot.config import load_org_config  # noqa: E402
from bot.localstack import slack_users  # noqa: E402
from bot.sandbox.driver import SlackDriver  # noqa: E402
from bot.sandbox.server import LocalSlack  # noqa: E402
from tests.production.serveproc import SIGNING_SECRET, ServeProcess, free_port  # noqa: E402

TEXTS = [
    "高田城址公園の紅葉が見頃を迎えています。散策の際は足元にお気を付けください。整理番号{n}",
    "市民プールは点検のため臨時休館します。ご不便をおかけします。整理番号{n}",
    "図書館で子ども向けのおはなし会を開きます。どなたでも参加できます。整理番号{n}",
]


APPS = ("kessai", "bare", "durable")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


class BareApp:
    """benchmarks/bare_app.py; with a database URL, the durable floor (records each event first)."""

    def __init__(self, slack: LocalSlack, database_url: str | None = None) -> None:
        self.port = free_port()
        env = {**os.environ, "SLACK_BOT_TOKEN": slack.token, "SLACK_API_URL": slack.api_url,
               "SLACK_SIGNING_SECRET": SIGNING_SECRET, "PORT": str(self.port), "PYTHONPATH": str(REPO)}
        env.pop("BARE_DATABASE_URL", None)
        if database_url:
            env["BARE_DATABASE_URL"] = database_url
        self.proc = subprocess.Popen([sys.executable, str(REPO / "benchmarks" / "bare_app.py")], env=env,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.5)
        self.slack = slack

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/slack/events"

    def driver(self) -> SlackDriver:
        return SlackDriver(self.url, SIGNING_SECRET, slack=self.slack)

    def stop(self) -> None:
        self.proc.kill()
        self.proc.wait()


def run_rate(slack: LocalSlack, make_driver, pid: int, rate: int, seconds: float, start_n: int) -> dict:  # type: ignore[no-untyped-def]
    total = int(rate * seconds)
    sent: dict[str, float] = {}
    lock = threading.Lock()
    first_call = len(slack.calls)
    drivers = threading.local()

    def send(n: int) -> None:
        if not hasattr(drivers, "d"):
            drivers.d = make_driver()
        marker = f"{start_n + n:07d}"
        text = TEXTS[n % len(TEXTS)].format(n=marker)
        with lock:
            sent[marker] = time.time()
        drivers.d.message("C0INTAKE", "U0OPERATOR", text)

    t0 = time.time()
    with ThreadPoolExecutor(max_workers=32) as pool:
        for n in range(total):
            target = t0 + n / rate
            delay = target - time.time()
            if delay > 0:
                time.sleep(delay)
            pool.submit(send, n)
    manager_dm = {"U0MANAGER", slack.dm_channel("U0MANAGER")}
    deadline = time.time() + 30
    arrived: dict[str, list[float]] = {}
    while time.time() < deadline:
        arrived = {}
        for c in slack.calls[first_call:]:
            if c.method != "chat.postMessage" or not c.ok or c.params.get("channel") not in manager_dm:
                continue
            blob = json.dumps(c.params, ensure_ascii=False)
            i = blob.find("整理番号")
            if i >= 0:
                arrived.setdefault(blob[i + 4:i + 11], []).append(c.time)
        if len(arrived) >= total:
            break
        time.sleep(0.2)
    latencies = sorted((min(ts) - sent[m]) * 1000 for m, ts in arrived.items() if m in sent)
    duplicates = sum(len(ts) - 1 for ts in arrived.values())
    elapsed = max((min(ts) for ts in arrived.values()), default=t0) - t0

    def pct(p: float) -> float:
        return latencies[min(len(latencies) - 1, int(p * len(latencies)))] if latencies else float("nan")

    return {
        "rate": rate, "sent": total, "delivered": len(latencies), "lost": total - len(latencies),
        "duplicated": duplicates, "median_ms": statistics.median(latencies) if latencies else float("nan"),
        "p95_ms": pct(0.95), "p99_ms": pct(0.99), "throughput": len(latencies) / elapsed if elapsed > 0 else 0.0,
        "rss_mb": rss_mb(pid),
    }


def measure(app: str, rate: int, seconds: float, url: str, workdir: Path, org_users: dict) -> dict:  # type: ignore[type-arg]
    """One run on fresh state: a new local Slack server (its history slows posting as it grows,
    which would favour whichever app runs later), a new database for kessai, a fresh process."""
    slack = LocalSlack(users=org_users).start()
    try:
        if app in ("kessai", "durable"):
            if url.startswith("postgresql"):
                from tests.conftest import reset_postgres

                reset_postgres(url)
            elif (db := Path(url.removeprefix("sqlite:///"))).exists():
                db.unlink()
        if app == "kessai":
            serve = ServeProcess(slack, url, workdir, extra_env={"KESSAI_LOG_LEVEL": "WARNING"}).start()
            try:
                return run_rate(slack, serve.driver, serve.proc.pid, rate, seconds, 0)  # type: ignore[union-attr]
            finally:
                serve.stop()
        bare = BareApp(slack, url if app == "durable" else None)
        try:
            return run_rate(slack, bare.driver, bare.proc.pid, rate, seconds, 0)
        finally:
            bare.stop()
    finally:
        slack.stop()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"))
    ap.add_argument("--rates", default="5,10,20,30,40")
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--repeat", type=int, default=3,
                    help="runs per app and rate, interleaved; the run with the middle median is reported")
    ap.add_argument("--apps", default=",".join(APPS),
                    help="which to run: kessai, bare (the framework's floor), durable (bare + one durable transaction)")
    args = ap.parse_args()
    rates = [int(r) for r in args.rates.split(",")]
    apps = [a for a in APPS if a in args.apps.split(",")]
    org = load_org_config(REPO / "bot" / "data" / "demo.toml")
    results: dict[str, list[dict]] = {a: [] for a in APPS}  # type: ignore[type-arg]
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database_url or f"sqlite:///{Path(tmp) / 'load.db'}"
        print(f"database: {url.split('@')[-1]}")
        for rate in rates:
            runs: dict[str, list[dict]] = {a: [] for a in apps}  # type: ignore[type-arg]
            for _ in range(args.repeat):
                for app in apps:  # interleaved, so that drift in the machine's speed hits both alike
                    runs[app].append(measure(app, rate, args.seconds, url, Path(tmp), slack_users(org)))
            for app in apps:
                ordered = sorted(runs[app], key=lambda r: r["median_ms"])
                chosen = ordered[len(ordered) // 2]
                chosen["lost"] = max(r["lost"] for r in runs[app])  # the worst run decides these
                chosen["duplicated"] = max(r["duplicated"] for r in runs[app])
                results[app].append(chosen)
    print(f"{'app':7} {'rate/s':>6} {'sent':>5} {'lost':>4} {'dup':>4} {'median':>8} {'p95':>8} {'p99':>8} "
          f"{'thru/s':>7} {'RSS MB':>7}")
    for name, rows in results.items():
        for r in rows:
            print(f"{name:7} {r['rate']:>6} {r['sent']:>5} {r['lost']:>4} {r['duplicated']:>4} "
                  f"{r['median_ms']:>7.1f}ms {r['p95_ms']:>7.1f}ms {r['p99_ms']:>7.1f}ms {r['throughput']:>7.1f} "
                  f"{r['rss_mb']:>7.1f}")
    for a, b in (("kessai", "bare"), ("durable", "bare"), ("kessai", "durable")):
        if results[a] and results[b]:
            print(f"ratio {a}/{b} (median):", ", ".join(
                f"{x['rate']}/s {x['median_ms'] / y['median_ms']:.2f}x" for x, y in zip(results[a], results[b], strict=True)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
