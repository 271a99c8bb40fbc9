"""The only code that talks to the Slack Web API: it delivers the outbox.

State changes write their messages to the outbox inside the same transaction; this worker sends
them afterwards, retrying 429 (honouring Retry-After), 5xx and network errors, so a crash or a
Slack outage delays a notification but never loses it.
"""

from __future__ import annotations

import json
import logging
import threading
import urllib.error
import urllib.request
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from storage import outbox
from storage.db import Database, utcnow
from storage.models import OutboxRow

log = logging.getLogger(__name__)

# Longer than any single Slack call (client timeout 10 s), short enough that a crashed replica's
# claims are picked up again quickly after restart.
LEASE = timedelta(seconds=15)
MAX_ATTEMPTS = 50
MAX_BACKOFF = timedelta(minutes=5)
# Errors no retry can fix: log them and let the person who can act know.
PERMANENT_ERRORS = frozenset(
    {
        "channel_not_found", "not_in_channel", "user_not_found", "is_archived", "invalid_blocks",
        "message_not_found", "cant_update_message", "msg_too_long", "no_text", "invalid_auth",
        "account_inactive", "token_revoked", "missing_scope", "not_authed", "restricted_action",
        "user_not_in_channel", "invalid_arguments", "cannot_dm_bot",
    }
)


class Transient(Exception):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Permanent(Exception):
    pass


class SlackGateway:
    def __init__(
        self,
        db: Database,
        client: WebClient,
        *,
        clock: Callable[[], datetime] = utcnow,
        on_permanent_failure: Callable[[OutboxRow, str], None] | None = None,
    ) -> None:
        self.db = db
        self.client = client
        self.clock = clock
        self.on_permanent_failure = on_permanent_failure
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    # -- lifecycle -------------------------------------------------------------------------
    def start(self, poll_seconds: float = 1.0) -> None:
        def run() -> None:
            while not self._stop.is_set():
                try:
                    self.deliver_due()
                except Exception:  # keep the worker alive through database outages
                    log.exception("outbox delivery pass failed; will retry")
                self._wake.wait(poll_seconds)
                self._wake.clear()

        self._thread = threading.Thread(target=run, name="kessai-outbox", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)

    def kick(self) -> None:
        """Something was committed to the outbox: deliver it now rather than at the next poll."""
        self._wake.set()

    # -- delivery --------------------------------------------------------------------------
    def deliver_due(self, limit: int = 50) -> int:
        """Deliver everything due now; returns how many rows were sent."""
        sent_total = 0
        with self._lock:  # one pass at a time per process; replicas are separated by claims
            while True:
                now = self.clock()
                with self.db.session() as s:
                    candidates = [r.id for r in outbox.eligible(s, now, limit) if r.id is not None]
                if not candidates:
                    return sent_total
                progressed = 0
                for row_id in candidates:
                    if self._deliver_one(row_id):
                        progressed += 1
                sent_total += progressed
                if progressed == 0:
                    return sent_total

    def _deliver_one(self, row_id: int) -> bool:
        now = self.clock()
        with self.db.session() as s:
            if not outbox.claim(s, row_id, now, LEASE):
                return False
        with self.db.session() as s:
            row = s.get(OutboxRow, row_id)
            assert row is not None
            try:
                result = self._call(s, row)
            except Transient as e:
                if row.attempts + 1 >= MAX_ATTEMPTS:
                    log.error("outbox %s (%s) gave up after %s attempts: %s", row.id, row.op, row.attempts + 1, e)
                    outbox.mark_failed(s, row_id, str(e))
                    return False
                delay = timedelta(seconds=e.retry_after) if e.retry_after else min(
                    MAX_BACKOFF, timedelta(seconds=0.5 * 2 ** min(row.attempts, 12))
                )
                log.warning("outbox %s (%s) will retry in %.1fs: %s", row.id, row.op, delay.total_seconds(), e)
                outbox.mark_retry(s, row_id, self.clock() + delay, str(e))
                return False
            except Permanent as e:
                log.error("outbox %s (%s) failed permanently: %s", row.id, row.op, e)
                outbox.mark_failed(s, row_id, str(e))
                failed_row, failure = row, str(e)
            else:
                if result is not None and row.message_key:
                    outbox.remember_message(s, row.message_key, *result)
                outbox.mark_sent(s, row_id, self.clock())
                return True
        if self.on_permanent_failure is not None:
            try:
                self.on_permanent_failure(failed_row, failure)
            except Exception:
                log.exception("could not report a failed delivery")
        return False

    def _call(self, s: Any, row: OutboxRow) -> tuple[str, str] | None:
        # Keys starting with "_" are our bookkeeping, not Slack arguments.
        p = {k: v for k, v in row.payload.items() if not k.startswith("_")}
        if row.op == "post":
            resp = self._api(self.client.chat_postMessage, **p)
            return str(resp["channel"]), str(resp["ts"])
        if row.op == "update":
            assert row.message_key is not None
            loc = outbox.message_location(s, row.message_key)
            if loc is None:
                raise Permanent(f"no posted message for {row.message_key}")
            self._api(self.client.chat_update, channel=loc.channel, ts=loc.ts, **p)
            return None
        if row.op == "ephemeral":
            self._api(self.client.chat_postEphemeral, **p)
            return None
        if row.op == "publish_home":
            self._api(self.client.views_publish, **p)
            return None
        if row.op == "respond":
            self._respond(p["response_url"], p["body"])
            return None
        raise Permanent(f"unknown outbox op {row.op}")

    def _api(self, method: Callable[..., Any], **kwargs: Any) -> Any:
        try:
            return method(**kwargs)
        except SlackApiError as e:
            status = e.response.status_code
            error = str(e.response.get("error", "")) if isinstance(e.response.data, dict) else ""
            if status == 429 or error == "ratelimited":
                retry_after = e.response.headers.get("Retry-After") or e.response.headers.get("retry-after")
                raise Transient(f"rate limited ({status})", float(retry_after) if retry_after else 1.0) from e
            if status >= 500:
                raise Transient(f"Slack answered {status}") from e
            if error in PERMANENT_ERRORS or status < 500:
                raise Permanent(error or f"HTTP {status}") from e
            raise Transient(error) from e
        except (OSError, TimeoutError) as e:
            raise Transient(f"network: {e}") from e

    def _respond(self, url: str, body: dict[str, Any]) -> None:
        req = urllib.request.Request(
            url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(req, timeout=10) as r:  # noqa: S310 - URL comes from Slack
                r.read()
        except urllib.error.HTTPError as e:
            if e.code == 429 or e.code >= 500:
                raise Transient(f"response_url answered {e.code}", float(e.headers.get("Retry-After") or 1)) from e
            # response_urls expire after 30 minutes; an expired one cannot be retried.
            raise Permanent(f"response_url answered {e.code}") from e
        except OSError as e:
            raise Transient(f"network: {e}") from e
