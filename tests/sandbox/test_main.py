"""``python -m bot.sandbox`` serves until told to stop."""

from __future__ import annotations

import subprocess
import sys

from slack_sdk import WebClient


def test_standalone_server_prints_its_url_and_token_and_serves() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bot.sandbox", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        url = process.stdout.readline().strip().removeprefix("SLACK_API_URL=")
        token = process.stdout.readline().strip().removeprefix("SLACK_BOT_TOKEN=")
        assert url.startswith("http://127.0.0.1:") and url.endswith("/api/")
        assert WebClient(token=token, base_url=url).auth_test()["user_id"] == "U0KESSAIBOT"
    finally:
        process.terminate()
        out, _ = process.communicate(timeout=10)
    assert process.returncode == 0
    assert "1 calls served" in out
