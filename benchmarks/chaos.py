"""Chaos: two replicas under steady intake, one SIGKILLed every few seconds, Slack misbehaving.

    python benchmarks/chaos.py [--database-url URL] [--rate 10] [--drafts 300] [--seed 1] [--db-outages]
                               [--slow-slack] [--no-kills]

Two ``kessai serve`` processes (HTTP) share one PostgreSQL database (its ``public`` schema is
DROPPED and recreated: use a scratch database) and the local Slack server. Drafts arrive at
``--rate`` per second, each delivered as Slack delivers: to either replica, and again (same
event id, ``X-Slack-Retry-Num``) while it is not answered 2xx. Every 4th draft comes through the
/kessai draft form instead (the bot posts it into the channel; its replies wait for that post),
sent again, as a person presses 送信 again, while not answered. Meanwhile, at random (``--seed``):

* a replica is killed with SIGKILL every 2–5 s and restarted 0.2–1.5 s later (not with
  ``--no-kills``: a killed replica's queues go with it, and some races need them to last);
* chat.postMessage fails now and then: 500, 429 with Retry-After, a proxy's HTML page, an answer
  held past the client's timeout, and a post Slack made but answered with an error page;
* on every 7th draft, an earlier approval DM is clicked 承認 three times at once (the approver
  twice, the other approver once), each click to either replica;
* with ``--db-outages``, the replicas reach the database through a TCP forwarder that every
  8–15 s drops every connection and refuses new ones for 1–3 s;
* with ``--slow-slack``, spells of a slow Slack as well: 20–40 posts in a row succeed, each answered
  6–9.5 s late, so the rows behind them wait past their claims.

Then the outbox is left to drain and every promise is checked: one draft per message, one DM per
approver per draft, one thread reply per step, at most one ledger entry per draft, a ledger that
verifies, nothing left undelivered. Prints what it saw; exits 1 if any check failed.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
from collections import Counter
from collections.abc import Callable
from datetime import datetime, timedelta
from datetime import time as clock_time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from sqlalchemy import create_engine  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlmodel import Session, select  # noqa: E402

from bot.config import load_org_config  # noqa: E402
from bot.localstack import slack_users  # noqa: E402
from bot.sandbox.driver import SlackDriver  # noqa: E402
from bot.sandbox.server import LocalSlack  # noqa: E402
from storage.models import DraftRow, LedgerEntryRow, OutboxRow, SlackMessageRow  # noqa: E402
from tests.conftest import reset_postgres  # noqa: E402
from tests.production.serveproc import ServeProcess  # noqa: E402
from tests.production.tcpproxy import TcpProxy  # noqa: E402

MARK = "整理番号"
TEXT = "市民プールは点検のため臨時休館します。ご不便をおかけします。" + MARK + "{n:07d}"


class Cluster:
    """Two replicas; one may be down (killed, not yet restarted) at any moment."""

    def __init__(self, slack: LocalSlack, url: str, workdir: Path, rnd: random.Random) -> None:
        self.slack, self.url, self.workdir, self.rnd = slack, url, workdir, rnd
        self.lock = threading.Lock()
        self.kills = 0
        self.replicas = [self._start(f"r{i}") for i in range(2)]

    def _start(self, name: str) -> ServeProcess:
        # A replica started while the database is cut off exits (its migrations cannot run): as a
        # process manager would, start it again.
        for attempt in range(30):
            try:
                return ServeProcess(self.slack, self.url, self.workdir, name=f"{name}.{attempt}",
                                    extra_env={"KESSAI_LOG_LEVEL": "WARNING"}).start(timeout=20)
            except RuntimeError:
                time.sleep(1)
        raise RuntimeError(f"replica {name} did not start in 30 attempts")

    def driver(self) -> SlackDriver:
        with self.lock:
            return self.rnd.choice(self.replicas).driver()

    def kill_one(self) -> None:
        i = self.rnd.randrange(len(self.replicas))
        with self.lock:
            self.replicas[i].kill()
            self.kills += 1
        time.sleep(self.rnd.uniform(0.2, 1.5))
        replacement = self._start(f"r{i}-{self.kills}")
        with self.lock:
            self.replicas[i] = replacement

    def stop(self) -> None:
        for r in self.replicas:
            r.stop()


def deliver(cluster: Cluster, send: Callable[[SlackDriver, int], Any], tries: int = 30) -> bool:
    """As Slack does: again, to whichever replica, until a 2xx (False if never)."""
    for attempt in range(tries):
        try:
            reply = send(cluster.driver(), attempt)
            if reply.status < 500:
                return True
        except (urllib.error.URLError, OSError):
            pass  # the replica was killed under the request, or is restarting
        time.sleep(0.3)
    return False


def submit_form(cluster: Cluster, slack: LocalSlack, text: str, seen: set[str]) -> bool:
    """/kessai draft, then the form sent (again while unanswered, as a person presses 送信 again)."""
    def fresh() -> Any:
        v = slack.latest_view("U0OPERATOR", "submit_draft")
        return v if v is not None and v.id not in seen else None

    for _ in range(10):
        if not deliver(cluster, lambda d, _a: d.slash_command("U0OPERATOR", "/kessai", "draft")):
            return False
        try:
            form = slack.wait_for(fresh, timeout=5, message="the draft form")
            break
        except TimeoutError:
            continue  # the form did not open (the replica died, Slack failed): ask again
    else:
        return False
    seen.add(form.id)
    tomorrow = datetime.now(ZoneInfo("Asia/Tokyo")).date() + timedelta(days=1)
    values = {"account": "joetsu-x", "text": text, "date": tomorrow, "time": clock_time(10, 0)}
    return deliver(cluster, lambda d, _a: d.view_submission("U0OPERATOR", "submit_draft", values, view_id=form.id))


def inject_faults(slack: LocalSlack, rnd: random.Random, stop: threading.Event, counts: Counter[str],
                  slow_slack: bool = False) -> None:
    kinds = ["500", "429", "html", "slow", "made-but-html"] + (["slow-ok"] if slow_slack else [])
    while not stop.wait(rnd.uniform(0.5, 2.0)):
        kind = rnd.choice(kinds)
        counts[kind] += 1
        if kind == "slow-ok":
            # A spell of a slow Slack: the next posts succeed, each answered 6-9.5 s late, so the
            # rows behind them wait in line past their claims.
            slack.inject("chat.postMessage", status=200, delay=rnd.uniform(6.0, 9.5), times=rnd.randint(20, 40))
            continue
        if kind == "500":
            slack.inject("chat.postMessage", status=500)
        elif kind == "429":
            slack.inject("chat.postMessage", status=429, retry_after=1)
        elif kind == "html":
            slack.inject("chat.postMessage", status=502, body="<html><h1>502 Bad Gateway</h1></html>")
        elif kind == "slow":
            slack.inject("chat.postMessage", delay=12)  # past the client's 10 s timeout
        else:
            slack.inject("chat.postMessage", status=502, body="<html>502</html>", applied=True)


def markers(slack: LocalSlack, channel: str) -> Counter[str]:
    found: Counter[str] = Counter()
    for m in slack.messages(channel):
        blob = (m.text or "") + json.dumps(m.blocks or [], ensure_ascii=False)
        i = blob.find(MARK)
        if i >= 0:
            found[blob[i + len(MARK):i + len(MARK) + 7]] += 1
    return found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database-url", default=os.environ.get("TEST_DATABASE_URL"))
    ap.add_argument("--rate", type=float, default=10.0)
    ap.add_argument("--drafts", type=int, default=300)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--db-outages", action="store_true", help="cut the database off for 1-3 s every 8-15 s")
    ap.add_argument("--no-kills", action="store_true",
                    help="never kill a replica (a killed replica's queues go with it: some races need them to last)")
    ap.add_argument("--slow-slack", action="store_true",
                    help="also spells of a slow Slack: 20-40 posts in a row succeed 6-9.5 s late")
    args = ap.parse_args()
    if not (args.database_url or "").startswith("postgresql"):
        print("--database-url (or TEST_DATABASE_URL) must name a scratch PostgreSQL database", file=sys.stderr)
        return 2
    url = args.database_url
    rnd = random.Random(args.seed)
    org = load_org_config(REPO / "bot" / "data" / "demo.toml")
    slack = LocalSlack(users=slack_users(org)).start()
    reset_postgres(url)
    workdir = Path(tempfile.mkdtemp(prefix="kessai-chaos-"))
    proxy = None
    served_url = url
    if args.db_outages:
        parsed = make_url(url)
        proxy = TcpProxy(parsed.host or "127.0.0.1", parsed.port or 5432)
        served_url = parsed.set(host="127.0.0.1", port=proxy.port).render_as_string(hide_password=False)
    cluster = Cluster(slack, served_url, workdir, rnd)
    stop = threading.Event()
    faults: Counter[str] = Counter()
    outages: list[float] = []

    def cut_database() -> None:
        assert proxy is not None
        while not stop.wait(rnd.uniform(8.0, 15.0)):
            outages.append(rnd.uniform(1.0, 3.0))
            proxy.down()
            time.sleep(outages[-1])
            proxy.up()

    def killer() -> None:
        while not stop.wait(rnd.uniform(2.0, 5.0)):
            cluster.kill_one()

    threads = [threading.Thread(target=inject_faults, args=(slack, rnd, stop, faults, args.slow_slack), daemon=True)]
    if not args.no_kills:
        threads.append(threading.Thread(target=killer, daemon=True))
    if proxy is not None:
        threads.append(threading.Thread(target=cut_database, daemon=True))
    for t in threads:
        t.start()
    undelivered = clicks = 0
    forms_seen: set[str] = set()
    t0 = time.time()
    try:
        for n in range(args.drafts):
            if (delay := t0 + n / args.rate - time.time()) > 0:
                time.sleep(delay)
            ts, event_id = f"{1800000000 + n}.000100", f"EvChaos{n:06d}"

            def send(d: SlackDriver, attempt: int, n: int = n, ts: str = ts, event_id: str = event_id) -> Any:
                d.message("C0INTAKE", "U0OPERATOR", TEXT.format(n=n), ts=ts, event_id=event_id,
                          retry_num=attempt or None)
                return d.last_reply

            if n % 4 == 1:
                undelivered += not submit_form(cluster, slack, TEXT.format(n=n), forms_seen)
            else:
                undelivered += not deliver(cluster, send)
            if n % 7 == 3:
                asked = [m for m in slack.messages(slack.dm_channel("U0MANAGER")) if "approve_draft" in
                         json.dumps(m.blocks or [])]
                if asked:
                    m = rnd.choice(asked)
                    clickers = [threading.Thread(target=deliver, args=(cluster, lambda d, _a, u=u, m=m: d.block_action(
                        u, "approve_draft", channel=m.channel, message_ts=m.ts))) for u in
                        ("U0MANAGER", "U0MANAGER", "U0CHIEF")]
                    for c in clickers:
                        c.start()
                    for c in clickers:
                        c.join()
                    clicks += 3
        sent_in = time.time() - t0
        stop.set()
        if proxy is not None:
            proxy.up()
        slack.clear_faults()
        engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))
        drain_started = time.time()
        while time.time() - drain_started < 300:
            with Session(engine) as s:
                left = [o for o in s.exec(select(OutboxRow)) if o.status in ("pending", "held")]
            if not left:
                break
            time.sleep(1)
        drained_in = time.time() - drain_started
        with Session(engine) as s:
            drafts = s.exec(select(DraftRow)).all()
            ledger = s.exec(select(LedgerEntryRow)).all()
            outbox = s.exec(select(OutboxRow)).all()
            roots = {m.key: m.ts for m in s.exec(select(SlackMessageRow)) if m.key.endswith(":root")}
        engine.dispose()
        verify = subprocess.run([sys.executable, "-m", "bot", "ledger", "verify"], capture_output=True, text=True,
                                env={**os.environ, "DATABASE_URL": url, "PYTHONPATH": str(REPO),
                                     "KESSAI_CONFIG": str(REPO / "bot" / "data" / "demo.toml")})
        dms = {who: markers(slack, slack.dm_channel(who)) for who in ("U0MANAGER", "U0CHIEF")}
        intake = slack.messages("C0INTAKE")
        replies = Counter(m.thread_ts for m in intake if m.thread_ts and m.thread_ts != m.ts)
        states = Counter(d.state for d in drafts)
    finally:
        stop.set()
        cluster.stop()
        slack.stop()
        if proxy is not None:
            proxy.close()

    per_draft = Counter(e.draft_id for e in ledger)
    forms = [d for d in drafts if d.source != "channel"]
    thread_of = {d.id: d.message_ts if d.source == "channel" else roots.get(f"draft:{d.id}:root") for d in drafts}
    expected_replies = {thread_of[d.id]: 4 if d.state == "approved" else 2 for d in drafts}
    checks = {
        "every event answered 2xx in the end": undelivered == 0,
        "one draft per message or form": len(drafts) == args.drafts == len({d.message_ts for d in drafts}),
        "one channel post per form draft": len(forms) == len({thread_of[d.id] for d in forms} - {None}) == len(
            [m for m in intake if m.bot_id and m.thread_ts in (None, m.ts)]),
        "nothing left in the outbox": not left and not [o for o in outbox if o.status == "failed"],
        "one approval DM per approver per draft": all(
            len(c) == args.drafts and max(c.values()) == 1 for c in dms.values()),
        "one thread reply per step (check result, status; decision, status)": replies == Counter(expected_replies),
        "at most one ledger entry per draft": all(v == 1 for v in per_draft.values()),
        "ledger entries = approved drafts": len(ledger) == states.get("approved", 0),
        "kessai ledger verify": verify.returncode == 0,
    }
    print(f"{args.drafts} drafts at {args.rate:g}/s in {sent_in:.0f} s; {cluster.kills} replicas killed; "
          f"Slack faults {dict(faults)}; database outages {len(outages)} ({sum(outages):.0f} s in all); "
          f"{clicks} approval clicks; {len(forms)} drafts through the form; outbox drained {drained_in:.0f} s after the last "
          f"draft; {len(outbox)} messages sent; drafts {dict(states)}; {len(ledger)} ledger entries")
    for name, ok in checks.items():
        print(f"  {'ok  ' if ok else 'FAIL'} {name}")
    for who, c in dms.items():
        twice = sorted(k for k, v in c.items() if v > 1)
        if len(c) != args.drafts or twice:
            print(f"    {who}: DMs for {len(c)} of {args.drafts} drafts; more than one for {twice[:20]}")
    errors = subprocess.run(f"grep -h ' ERROR ' {workdir}/*.log | cut -d' ' -f3- | sort | uniq -c | sort -rn | head",
                            shell=True, capture_output=True, text=True).stdout
    print("ERROR lines in the replicas' logs:" + ("\n" + errors if errors.strip() else " none"))
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
