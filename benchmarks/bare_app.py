"""The framework's floor: a bare slack-bolt app that posts one message per intake event.

Run by benchmarks/load.py with the same WSGI server (waitress) and the same local Slack server.
"""

from __future__ import annotations

import os
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from waitress import serve

client = WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"])
app = App(client=client, signing_secret=os.environ["SLACK_SIGNING_SECRET"], token_verification_enabled=False,
          process_before_response=True)


@app.event("message")
def on_message(event: dict[str, Any]) -> None:
    client.chat_postMessage(channel="U0MANAGER", text=event.get("text", ""))


if __name__ == "__main__":
    serve(SlackRequestHandler(app), host="127.0.0.1", port=int(os.environ["PORT"]), threads=8)
