"""The framework's floor: a bare slack-bolt app that posts one message per intake event.

Run by benchmarks/load.py with the same WSGI server (waitress) and the same local Slack server.

With ``BARE_DATABASE_URL`` set it is the floor of a *durable* bot instead: before posting, each
event is recorded in one transaction (the event, keyed by its message so a retry is not recorded
twice, and one outbox row), written with the driver directly — no ORM, no checks. That is the
least an app can do that must not lose work, and shows what the database alone costs here.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from waitress import serve

client = WebClient(token=os.environ["SLACK_BOT_TOKEN"], base_url=os.environ["SLACK_API_URL"])
app = App(client=client, signing_secret=os.environ["SLACK_SIGNING_SECRET"], token_verification_enabled=False,
          process_before_response=True)

DATABASE_URL = os.environ.get("BARE_DATABASE_URL")
SCHEMA = [
    "DROP TABLE IF EXISTS bare_outbox",
    "DROP TABLE IF EXISTS bare_events",
    "CREATE TABLE bare_events (id {serial} PRIMARY KEY, channel TEXT NOT NULL, ts TEXT NOT NULL, "
    "text TEXT NOT NULL, UNIQUE (channel, ts))",
    "CREATE TABLE bare_outbox (id {serial} PRIMARY KEY, event_id INTEGER NOT NULL, payload TEXT NOT NULL)",
]
_local = threading.local()


def _connect() -> Any:
    assert DATABASE_URL
    if DATABASE_URL.startswith("sqlite"):
        conn = sqlite3.connect(DATABASE_URL.removeprefix("sqlite:///"), timeout=30, isolation_level=None)
        conn.execute("PRAGMA journal_mode=WAL")
        return conn
    import psycopg

    return psycopg.connect(DATABASE_URL)


def _param(sql: str) -> str:
    return sql.replace("%s", "?") if DATABASE_URL and DATABASE_URL.startswith("sqlite") else sql


def create_schema() -> None:
    conn = _connect()
    serial = "INTEGER" if isinstance(conn, sqlite3.Connection) else "SERIAL"
    for stmt in SCHEMA:
        conn.execute(stmt.format(serial=serial))
    conn.commit()
    conn.close()


def record(event: dict[str, Any]) -> bool:
    """The event and its outbox row in one transaction; False when it was recorded before."""
    if not hasattr(_local, "conn"):
        _local.conn = _connect()
    conn = _local.conn
    if isinstance(conn, sqlite3.Connection):
        conn.execute("BEGIN IMMEDIATE")
    rows = conn.execute(_param("INSERT INTO bare_events (channel, ts, text) VALUES (%s, %s, %s) "
                               "ON CONFLICT (channel, ts) DO NOTHING RETURNING id"),
                        (event["channel"], event["ts"], event.get("text", ""))).fetchall()
    if rows:
        conn.execute(_param("INSERT INTO bare_outbox (event_id, payload) VALUES (%s, %s)"),
                     (rows[0][0], json.dumps({"channel": "U0MANAGER", "text": event.get("text", "")})))
    conn.commit()
    return bool(rows)


@app.event("message")
def on_message(event: dict[str, Any]) -> None:
    if DATABASE_URL and not record(event):
        return
    client.chat_postMessage(channel="U0MANAGER", text=event.get("text", ""))


if __name__ == "__main__":
    if DATABASE_URL:
        create_schema()
    serve(SlackRequestHandler(app), host="127.0.0.1", port=int(os.environ["PORT"]), threads=8)
