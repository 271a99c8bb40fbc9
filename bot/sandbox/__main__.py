"""``python -m bot.sandbox --port 3999``: run the local Slack server until interrupted."""

from __future__ import annotations

import argparse
import contextlib
import json
import signal
import threading
from collections.abc import Sequence
from pathlib import Path

from bot.sandbox.server import DEFAULT_TOKEN, LocalSlack
from bot.stopping import wait_for_stop


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bot.sandbox", description="Run the local Slack Web API server."
    )
    parser.add_argument("--host", default="127.0.0.1", help="interface to listen on (default: %(default)s)")
    parser.add_argument("--port", type=int, default=3999, help="0 picks a free port (default: %(default)s)")
    parser.add_argument("--token", default=DEFAULT_TOKEN, help="bot token the server accepts")
    parser.add_argument("--team-id", default="T0KESSAI")
    parser.add_argument("--bot-user-id", default="U0KESSAIBOT")
    parser.add_argument(
        "--users",
        type=Path,
        help='JSON file {"U…": {"name": …, "real_name": …}} answered by users.info',
    )
    parser.add_argument("--transcript", action="store_true", help="print the conversation on exit")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    users = json.loads(args.users.read_text(encoding="utf-8")) if args.users else {}
    slack = LocalSlack(
        token=args.token,
        team_id=args.team_id,
        bot_user_id=args.bot_user_id,
        users=users,
        host=args.host,
        port=args.port,
    )
    stop = threading.Event()
    # SIGTERM as well as Ctrl-C, so `kill <pid>` also ends the process cleanly.
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    with slack:
        print(f"SLACK_API_URL={slack.api_url}", flush=True)
        print(f"SLACK_BOT_TOKEN={slack.token}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            wait_for_stop(stop)
        print(f"{len(slack.calls)} calls served", flush=True)
        if args.transcript:
            print(slack.transcript(), end="", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
