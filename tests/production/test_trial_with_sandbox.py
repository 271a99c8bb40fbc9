"""docs/operations.md「本番のトークンの前に試す」, followed as written: the bundled Slack-compatible
server in one process, `kessai serve` against it in another, /healthz, `kessai remind`, Ctrl-C."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from tests.production.serveproc import free_port

REPO = Path(__file__).resolve().parents[2]


def test_serve_against_the_local_sandbox_before_real_tokens(tmp_path: Path) -> None:
    base = {**{k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "KESSAI_", "DATABASE_URL"))},
            "PYTHONPATH": str(REPO), "PYTHONUNBUFFERED": "1"}
    # Both ports are chosen by the host, not by free_port() alone: a port it found free is free only
    # until someone binds it, and under pytest-xdist the other worker binds port 0 all the time
    # (its local Slacks, bots and connections). The sandbox takes port 0 and says which it got.
    # Started as from a terminal, where Ctrl-C reaches it: a test run with SIGINT ignored (a
    # script's background job, some CI runners) would pass that on, and the Ctrl-C below did nothing.
    sandbox = subprocess.Popen([sys.executable, "-m", "bot.sandbox", "--port", "0", "--transcript"],
                               cwd=tmp_path, env=base, stdout=subprocess.PIPE, text=True,
                               preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    serve: subprocess.Popen[str] | None = None
    try:
        assert sandbox.stdout is not None
        printed = dict(sandbox.stdout.readline().strip().split("=", 1) for _ in range(2))
        assert set(printed) == {"SLACK_API_URL", "SLACK_BOT_TOKEN"}, printed
        assert re.fullmatch(r"http://127\.0\.0\.1:[1-9][0-9]*/api/", printed["SLACK_API_URL"]), printed
        assert printed["SLACK_BOT_TOKEN"] == "xoxb-kessai-sandbox-token"
        # (kessai.toml is the example file copied, step 2 of 導入手順.)
        (tmp_path / "kessai.toml").write_text((REPO / "kessai.example.toml").read_text(encoding="utf-8"),
                                              encoding="utf-8")
        env = {**base, **printed, "SLACK_SIGNING_SECRET": "trial-secret", "KESSAI_CONFIG": "kessai.toml",
               "DATABASE_URL": "sqlite:///trial.db"}
        # serve cannot take port 0 (PORT is 1-65535), so its port is one found free, which another
        # process may bind before serve does. serve then stops, touching nothing, and says to choose
        # another PORT: done here, as the guide says.
        ports = [free_port()]
        for _ in range(4):
            env["PORT"] = str(ports[-1])
            serve = subprocess.Popen([sys.executable, "-m", "bot", "serve"], cwd=tmp_path, env=env,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
            health = _health(serve, ports[-1])
            if health is not None:
                break
            said = serve.communicate(timeout=60)[0]
            assert f"ポート {ports[-1]} はほかのプログラムが使っている" in said, said
            ports.append(free_port())
        assert health is not None and health.get("status") == "ok", health
        remind = subprocess.run([sys.executable, "-m", "bot", "remind"], cwd=tmp_path, env=env,
                                capture_output=True, text=True, timeout=120)
        assert remind.returncode == 0, remind.stderr
        serve.send_signal(signal.SIGTERM)
        out, _ = serve.communicate(timeout=60)
        assert f"listening on port {ports[-1]}" in out
        sandbox.send_signal(signal.SIGINT)  # Ctrl-C
        rest, _ = sandbox.communicate(timeout=30)
        served = next(line for line in rest.splitlines() if line.endswith("calls served"))
        assert int(served.split()[0]) > 0  # kessai talked to the sandbox, not to slack.com
    finally:
        for p in (serve, sandbox):
            if p is not None and p.poll() is None:
                p.kill()
                p.wait(timeout=10)


def _health(serve: subprocess.Popen[str], port: int) -> dict[str, object] | None:
    """What /healthz says once it says ok, or None if serve stopped before (its port was taken)."""
    deadline = time.monotonic() + 60
    health: dict[str, object] = {}
    while time.monotonic() < deadline and health.get("status") != "ok":
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as r:
                health = json.loads(r.read())
        except OSError:
            if serve.poll() is not None:
                return None
            time.sleep(0.3)
    return health
