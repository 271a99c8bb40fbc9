"""The only code that talks to the Slack Web API: it delivers the outbox.

State changes write their messages to the outbox inside the same transaction; this worker sends
them afterwards, retrying 429 (honouring Retry-After), 5xx and network errors, so a crash or a
Slack outage delays a notification but never loses it.
"""

from __future__ import annotations

import contextlib
import http.client
import logging
import math
import re
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session

from bot.logs import FailureStreak
from bot.slack_http import KeepAliveWebClient, call_deadline, post_to_response_url
from storage import outbox
from storage.db import Database, as_utc, commit_outcome_unknown, describe_db_error, utcnow
from storage.models import DeletedMessageRow, OutboxRow

log = logging.getLogger(__name__)

# How long an update chosen before its post was sent waits before it is looked at again.
UPDATE_WAITS_FOR_POST = timedelta(seconds=1)
# How often a delivery pass looks for replies still held for a message posted or given up on.
OVERLOOKED_EVERY = 1.0
# Longer than any single Slack call (client timeout 10 s), short enough that a crashed replica's
# claims are picked up again quickly after restart.
LEASE = timedelta(seconds=15)
# A call starts only with its client's timeout and this much more of its claim left (else the
# claim is renewed first): the claim must outlast the call, or another delivery may repeat it.
CALL_SLACK = timedelta(seconds=1)
MAX_ATTEMPTS = 50
# Failures while Slack took nothing else (an outage, a broken proxy) count only up to here: a
# message that waited out hours of outage is given up only after failing this many more times
# on its own, not at the first 503 of a recovery (OWN_FAILURES = MAX_ATTEMPTS - OUTAGE_COUNT).
OUTAGE_COUNT = MAX_ATTEMPTS - 10
# When every message a pass tried failed for want of Slack, Slack is asked something every call
# needs (auth.test), at most this often: a message Slack refuses on its own, with nothing else to
# send (a quiet night), is then told from Slack out of reach (bot.web.health).
PROBE_EVERY = timedelta(minutes=1)
# How far back a retry looks for its post (pages of 200 messages) before posting it again.
FIND_PAGES = 25
# One look-up page at a time in the process. A page is read up to slack_http.MAX_PAGE_BYTES, and
# then held several times over while it is decoded, parsed and looked through; the look-ups of a
# pass's four sending threads at once could hold four (the express lane sends only rows new from
# their request, never looked for: _Job.maybe_sent).
# Measured on the sandbox's pages (Slack's format, non-ASCII as \u escapes): a person's draft of
# 2,800 Japanese characters is 31.6 KB of JSON (its text twice: text and rich_text), a reply of the
# bot's about 2 KB; a page of 200 such drafts about 6.3 MB. Look-ups are rare (a post retried
# after an answer that never came) and each page is one call: taking turns costs them little.
_PAGE_TURN = threading.Lock()
# What Slack puts in "error": a code such as not_in_channel (anything else is not Slack speaking).
# Slack's codes are short (the longest documented are about 40 characters). A proxy's JSON with a
# long "error" passed for one: refused at once, and its report's key (undeliverable:<who>:<code>:
# <day>) outgrew processed_events.key (200), so on PostgreSQL the report failed too.
ERROR_CODE = re.compile(r"[a-z][a-z0-9_]{0,63}")

MAX_BACKOFF = timedelta(minutes=5)
# The longest wait a Retry-After is followed for. Slack asks for seconds; a day or a year (a
# proxy's misconfiguration, a broken edge) held every message it answered for that long, and
# one past the year 9999 failed every delivery pass. Beyond this, the message is asked about again.
MAX_RETRY_AFTER = timedelta(hours=1)
# When Retry-After is zero or negative: waited all the same (asked again at once, again and again).
DEFAULT_RETRY_AFTER = 1.0
# When it is absent or no number of seconds (an HTTP date, garbage): Slack always sends seconds, so
# a proxy or a broken edge answered; a 429 is not counted towards giving up, and at 1 s each waiting
# message would ask it every second for ever.
UNREADABLE_RETRY_AFTER = 60.0
# Slack refusing the bot's token: nothing is wrong with the message, and once the IT 担当 installs
# a new token (operations.md) every waiting message must still go out. So these are retried
# without a limit, reported by /healthz, and retried at once when the process restarts.
AUTH_ERRORS = frozenset({"invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive"})
AUTH_FAILURE_PREFIX = "slack_auth: "
# While Slack refuses the token, the messages wait together: one question at a time (auth.test,
# which posts nothing) tells when it works again, each message no longer asking on its own (500
# waiting messages were 500 refused calls every few minutes, each counted against the bot's rate
# limits). Asked again after 0.5 s, 1 s, 2 s… up to this: a token put right is noticed within it.
TOKEN_ASK_EVERY = timedelta(minutes=1)
# The first of those intervals (then doubled); tests that wait through a hold shorten it.
HOLD_ASK_FIRST = 0.5
# Slack refusing a method for the installation, not for the message: the app reinstalled with fewer
# scopes (missing_scope: chat:write dropped from the manifest), or a token of another kind set as
# SLACK_BOT_TOKEN (not_allowed_token_type: a user or app-level token). Given up as a message's own
# refusal, every waiting message was lost at once, approval requests included, and the failure
# reports (which need the same scope) failed too. The messages that need the refused method wait
# instead, together, as for a refused token: one of them is tried again after 0.5 s, 1 s, 2 s… up
# to TOKEN_ASK_EVERY (auth.test cannot tell, it needs no scope), and when it goes through, or the
# process restarts, the rest are sent. Only what needs that method waits: without im:write the
# DMs wait and the channel posts go on. A look-up (conversations.history, _find_posted) refused so
# is not held: the post goes without it (docs/architecture.md).
INSTALL_ERRORS = frozenset({"missing_scope", "not_allowed_token_type"})
SCOPE_REFUSED_PREFIX = "slack_scope: "
# The sending methods, by client method name, and what each needs: the name the waits are kept
# under (views.publish needs no scope, only the bot token's kind).
SCOPE_OF = {"chat_postMessage": "chat:write", "chat_update": "chat:write", "chat_postEphemeral": "chat:write",
            "conversations_open": "im:write", "views_publish": "views.publish"}
# What is sent without the bot token (a response_url carries its own authority): not held with
# the rest. The person who clicked is answered, and a response_url lasts only 30 minutes.
TOKENLESS_OPS = frozenset({"respond"})
# Trouble on Slack's side that Slack may answer with HTTP 200 and ok:false, as a 5xx is: retried
# (for fatal_error and internal_error Slack says part of the call may have been made, so a post's
# retry looks for it first, as after a timeout).
SLACK_SIDE_ERRORS = frozenset({"fatal_error", "internal_error", "service_unavailable", "request_timeout"})
# The last error of a message Slack answered 429: waiting its turn, not stalled (bot.web.health).
RATE_LIMITED_PREFIX = "rate limited"
# A message failed this many times in a row (about 8 minutes of retries with the outbox's backoff):
# Slack is down or out of reach, and nothing goes out. bot.web reports it stalled on /healthz (the
# backlog alone is only a number, and a monitor that looks at the status saw 200 all through an
# outage or a firewall change). A message's 429s are logged at INFO for as many attempts (a busy
# morning's DMs meet Slack's limit in normal operation), then each retry is a WARNING.
STALLED_ATTEMPTS = 10
# HTTP 413 without Slack's JSON: a proxy on the way (or Slack's edge) refuses the request as too
# large, and the same request is refused the same way every time. Retried as an unreadable answer,
# it was given up only after MAX_ATTEMPTS (hours), and then reported as never answered. The reason
# a message failed so is recorded and reported with (bot.delivery_failures).
PAYLOAD_TOO_LARGE = "payload_too_large"
# An edit's error when its message was never posted (see _edit_of_a_post_given_up).
NO_POSTED_MESSAGE = "no posted message for"
# What the log says of a permanent failure whose reason is kessai's own, not Slack's error code.
PERMANENT_EXPLAINED = {
    PAYLOAD_TOO_LARGE: "HTTP 413: a proxy on the way to Slack, or Slack, refused the request as too large; it is not "
                       "tried again (check the proxy's request size limit if messages of ordinary size fail so)",
}
# A thread parent (a modal draft's root post) the channel refuses: usually the bot has not been
# invited yet. Its replies go to the author meanwhile (DeliveryFailureReporter), and the post is
# tried again every PARENT_RETRY, and at once when the process restarts, until PARENT_GIVE_UP
# after it was written: inviting the bot is all it takes for the draft to appear in the channel.
PARENT_CHANNEL_ERRORS = frozenset({"not_in_channel", "channel_not_found", "is_archived"})
PARENT_REFUSED_PREFIX = "slack_channel: "
PARENT_RETRY = timedelta(minutes=10)
PARENT_GIVE_UP = timedelta(days=7)
# A message that fails (5xx, no proper answer) while Slack demonstrably answers this process and no
# other conversation fails: one conversation's problem, not an outage. The count above stops at
# OUTAGE_COUNT while nothing else goes out (a quiet night), so without a clock of its own such a
# message was retried for ever, holding up its thread's later replies, and nobody was told.
# A day: several times Slack's longest outages (hours), so a message that waited one out is not
# taken for failing alone, and short enough that a thread is released and someone told the next
# day. The time is counted only across attempts with that evidence, kept in the row's
# failing_alone_since column (a copy of the message, a new row, starts without it).
ALONE_GIVE_UP = timedelta(hours=24)
FAILING_ALONE_PREFIX = "failing alone: "  # last_error of a message given up so
# A retry comes due at most MAX_BACKOFF after the last attempt and is made within a second or so.
# One made this much later followed a pause (a suspended VM, a stopped process, the clock stepped
# forward): the time in between was not watched, and what this process last heard from Slack is
# old news (it may be down now), so that attempt does not count and its time is left out.
ALONE_LATE = timedelta(hours=1)


METADATA_EVENT = "kessai_outbox"
# The reason a message given up on for failing alone is reported with (bot.delivery_failures).
FAILING_ALONE = "failing_alone"


def error_code(e: SlackApiError) -> str:
    """Slack's error code in a refused call; "" when the answer was not Slack's JSON (a proxy's
    page, an empty body: the client library then puts its own sentence in "error")."""
    data = getattr(e.response, "data", None)
    code = str(data.get("error") or "") if isinstance(data, dict) else ""
    return code if ERROR_CODE.fullmatch(code) else ""


def retry_after_seconds(value: str | None) -> float:
    """The wait a Retry-After header asks for, in seconds, within DEFAULT_RETRY_AFTER and
    MAX_RETRY_AFTER. Only a number of seconds is read (what Slack sends); none, an HTTP date,
    garbage or "nan" is UNREADABLE_RETRY_AFTER, not an exception that counted the 429 as Slack failing."""
    try:
        seconds = float((value or "").strip())
    except ValueError:
        return UNREADABLE_RETRY_AFTER
    if not math.isfinite(seconds):
        return UNREADABLE_RETRY_AFTER if math.isnan(seconds) else MAX_RETRY_AFTER.total_seconds()
    return min(max(seconds, DEFAULT_RETRY_AFTER), MAX_RETRY_AFTER.total_seconds())


def rate_limit_wait(e: SlackApiError) -> float | None:
    """The seconds Slack asked to wait (retry_after_seconds) when ``e`` is a 429, else None."""
    if e.response.status_code != 429 and error_code(e) != "ratelimited":
        return None
    headers = e.response.headers or {}
    return retry_after_seconds(headers.get("Retry-After") or headers.get("retry-after"))


def _slack_failure(e: SlackApiError) -> Transient | Permanent:
    """What a refused call means for the message it was made for."""
    status = e.response.status_code
    error = error_code(e)
    if not error and status == 413:
        return Permanent(PAYLOAD_TOO_LARGE)
    if not error and status != 429 and status < 500:
        # Not Slack's JSON (a proxy's HTML page, an empty body: the client library puts its
        # own sentence in "error") or ok:false without a code: nothing says the message is
        # refused for good, so it is tried again.
        return Transient(f"unreadable answer (HTTP {status})")
    if (wait := rate_limit_wait(e)) is not None:
        return RateLimited(f"{RATE_LIMITED_PREFIX} ({status})", wait)
    if status >= 500:
        return Transient(f"Slack answered {status}")
    if error in SLACK_SIDE_ERRORS:
        return Transient(f"Slack answered {error}")
    if error in AUTH_ERRORS:
        return AuthFailure(AUTH_FAILURE_PREFIX + error)
    # Any other code Slack gives (channel_not_found, msg_too_long, invalid_blocks…): no retry can fix it.
    return Permanent(error or f"HTTP {status}")


def _for_want_of_slack(outcome: object) -> bool:
    """A failure that says Slack did not answer (5xx, network, a proxy's page), not a refusal
    of the token or a 429 (both Slack answering) nor a message Slack refused for what it is."""
    return isinstance(outcome, Transient) and not isinstance(outcome, AuthFailure | RateLimited | ScopeRefused)


def _posted_message(row: OutboxRow, messages: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The message ``row`` posted (its outbox id in the metadata), if among ``messages``."""
    for m in messages:
        meta = m.get("metadata") or {}
        if meta.get("event_type") == METADATA_EVENT and (meta.get("event_payload") or {}).get("outbox_id") == row.id:
            return m
    return None


def _posted_ts(row: OutboxRow, messages: list[dict[str, Any]]) -> str | None:
    """The ts of the message ``row`` posted, if among ``messages`` (see _posted_message)."""
    return None if (m := _posted_message(row, messages)) is None else str(m["ts"])


def _gone_as_known(s: Session, row: OutboxRow, error: str) -> bool:
    """Whether Slack refused an edit with message_not_found of a message whose deletion kessai has
    recorded (its message_deleted event came while the edit was on its way or waiting)."""
    if row.op != "update" or error != "message_not_found" or not row.message_key:
        return False
    loc = outbox.message_location(s, row.message_key)
    return loc is not None and s.get(DeletedMessageRow, (loc.channel, loc.ts)) is not None


def _edit_of_a_post_given_up(s: Session, row: OutboxRow, error: str) -> bool:
    """Whether an edit found no message because the post it edits was given up on: queued while
    that post was on its way (a day's failure report counting a second failure in the same pass),
    it has nothing to edit, and the post's own failure was logged and handled already."""
    if row.op != "update" or not row.message_key or not error.startswith(NO_POSTED_MESSAGE):
        return False
    return outbox.given_up_for_good(s, row.message_key)


def _since(row: OutboxRow) -> datetime | None:
    return None if row.failing_alone_since is None else as_utc(row.failing_alone_since)


@dataclass(eq=False)
class _Job:
    """A claimed row, detached from its session, with where an update's message lives (its claim
    is renewed in place while it is sent)."""

    row: OutboxRow
    location: tuple[str, str] | None
    # A post that may already be in Slack: an earlier attempt was cut off before its answer was
    # recorded (a crash, or a timeout Slack may still have acted on).
    maybe_sent: bool = False
    # This delivery's hold on the row (outbox.claim_many, or the request's express claim).
    claim: outbox.Claim | None = None
    # The refusable methods its sending calls (SCOPE_OF's names), as known when it was sent.
    scopes: frozenset[str] = frozenset()


class Transient(Exception):
    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class Unanswered(Transient):
    """No answer within the client's timeout: Slack may still be doing the work."""


class PostUnanswered(Unanswered):
    """chat.postMessage unanswered: the post may appear after the call was given up on (see
    _record's wait before its retry). Not a DM's conversations.open or a look-up: nothing was
    posted, and the retry need not wait for Slack to finish. Also a 504 (a gateway, a proxy's or
    Slack's own edge, gave up waiting for the Slack behind it, which may still make the post) and
    a connection closed after the request was sent (by a proxy or an edge, while Slack may be
    making it); not a request that could not be sent (URLError) nor another 5xx, an answer given
    once the work was done or refused."""


class Permanent(Exception):
    pass


class Superseded(Exception):
    """The row's claim lapsed before its turn came, and another delivery took it: not sent."""


class NotTried(Exception):
    """An earlier row of the same thread did not go in this batch: this one waits its turn."""


class ClaimNotRenewed(NotTried):
    """The database did not renew the row's claim: not sent, and nothing Slack did."""


class AuthFailure(Transient):
    """Slack refused the token: retried until a new token works, however long that takes."""


class HeldForToken(NotTried):
    """Not tried: Slack refuses the token, and the messages wait until auth.test says it works."""


class ScopeRefused(Transient):
    """Slack refused a sending method for the installation (INSTALL_ERRORS): retried, never given
    up, and the other messages that need ``scope`` wait for it (HeldForScope)."""

    def __init__(self, message: str, scope: str) -> None:
        super().__init__(message)
        self.scope = scope


class HeldForScope(Exception):
    """Not tried: Slack refuses a method this message needs (ScopeRefused); it waits, no attempt
    counted, until ``until``, when one waiting message is tried again."""

    def __init__(self, refusal: str, until: datetime) -> None:
        super().__init__(refusal)
        self.until = until


@dataclass
class _ScopeHold:
    refusal: str  # SCOPE_REFUSED_PREFIX, the scope and Slack's code: the waiting rows' last_error
    asked_at: datetime  # when a message needing it was last tried
    asks: int  # how many times it was tried since the wait began (the interval doubles)
    told: bool = False  # the wait's ERROR is logged (once: every retry would page the IT 担当)
    # Messages wait for it. False once none does any more, though none went through either (the
    # last ones sent by another replica, given up for a refusal of their own, taken back by
    # drop_unsent_post): /healthz said missing_scope for ever, with nothing waiting. Kept, not
    # ended (nothing says the scope works): the next message needing it is tried at once, and a
    # refusal of it is the same hold (no new ERROR, the escalation channel not told again).
    waiting: bool = True
    marks: int = 0  # how many times it was found waiting (_settle_scope_holds' question is then stale)


class RateLimited(Transient):
    """Slack asked to slow down (429): never the message's fault, so never counted against it."""


class SlackGateway:
    def __init__(
        self,
        db: Database,
        client: WebClient,
        *,
        clock: Callable[[], datetime] = utcnow,
        monotonic: Callable[[], float] | None = None,
        on_permanent_failure: Callable[[OutboxRow, str, Session | None], None] | None = None,
        render_home: Callable[[str], dict[str, Any]] | None = None,
        on_scope_change: Callable[[Session, str, str | None], None] | None = None,
    ) -> None:
        self.db = db
        # Told (in the recording transaction) when Slack starts refusing a scope for the installation
        # (its code), and when a message needing it goes through (None): without im:write the DMs
        # wait while the channel posts go on, and only the log said so (bot.delivery_failures).
        self.on_scope_change = on_scope_change
        self.client = client
        self.clock = clock
        # What /healthz judges by how long it has lasted (failing, nothing delivered) is timed by
        # this, not by ``clock``: NTP stepping the clock (a VM resumed) moved the 503 of an outage
        # by the step, an hour early or late. ``clock`` still says when, to people. A clock given
        # (tests, the demo's shifted day) is the time that passes, unless this is given too.
        self.monotonic: Callable[[], float] = monotonic or (
            time.monotonic if clock is utcnow else (lambda: clock().timestamp()))
        self.on_permanent_failure = on_permanent_failure
        self.render_home = render_home
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()
        self._overlooked_checked = float("-inf")
        # A few parallel calls: one draft fans out to several DMs, and Slack answers each in ms.
        # Made when a pass first needs it and shut down by stop(): serve's last pass comes after
        # stop() (_sending_pool makes a new one, shut down by the Runtime's stop()). Left running,
        # its threads outlived the gateway until the garbage collector came by, each keeping its
        # connection to Slack open: every serve stopped in-process (tests, the demo) left four.
        self._pool: ThreadPoolExecutor | None = None
        self._pool_lock = threading.Lock()
        self._dm_channels: dict[str, str] = {}
        self._dm_lock = threading.Lock()
        # The express lane: rows a request claimed in its own transaction, sent as soon as it commits.
        self._express = ThreadPoolExecutor(max_workers=4, thread_name_prefix="kessai-express")
        self._express_open = False
        self._express_inflight = 0
        self._express_lock = threading.Lock()
        # The error code while Slack refuses the token; None once a call succeeds.
        self.auth_error: str | None = None
        # Why, when Slack said so in an event (app_uninstalled, tokens_revoked): what /healthz shows
        # (auth_problem) rather than the code auth.test refuses the token with afterwards
        # (invalid_auth, account_inactive), which says nothing the IT 担当 can act on. None once a call succeeds.
        self._access_lost: str | None = None
        self._auth_lock = threading.Lock()
        # When Slack last took a message from this process: a message that fails while others go
        # out is what fails (MAX_ATTEMPTS); one that fails while everything does waits for Slack.
        self._delivered_at: datetime | None = None
        self._delivered_mono: float | None = None  # the same moment by self.monotonic
        # Since when every message this process tried failed for want of Slack (5xx, network, a
        # proxy's page) and auth.test failed too (_probe), with nothing delivered since; None once one
        # goes out or Slack answers auth.test. With replicas the
        # others deliver those messages, so nothing in the database shows that this one cannot.
        # (Each with the same moment by self.monotonic.)
        self._failing_since: tuple[datetime, float] | None = None
        # Since when passes have failed so, not yet told from one message refused on its own: made
        # _failing_since only once auth.test fails too (/healthz must not say 503 while it is asked).
        self._failing_from: tuple[datetime, float] | None = None
        self._probed_at: datetime | None = None  # when _probe_if_wanted last asked, and the answer
        self._probe_answered: bool | None = None  # (None: not yet, or being asked)
        self._probe_wanted = False
        self._answered_at: datetime | None = None  # when auth.test last answered this process
        # When each conversation last failed for want of an answer (a 5xx, a network error): a
        # message is failing alone only while no other conversation fails (ALONE_GIVE_UP).
        self._conversation_failed: dict[str, datetime] = {}
        # The refusal messages are held for (TOKEN_ASK_EVERY), when Slack was last asked about the
        # token, and how many times it has refused it since the hold began; None: nothing held.
        self._token_refused: str | None = None
        self._token_asked_at: datetime | None = None
        self._token_asks = 0
        # The methods Slack refuses for the installation (ScopeRefused), by SCOPE_OF's name.
        self._scope_holds: dict[str, _ScopeHold] = {}
        # The scopes a message of this process went through with since it started or the scope's
        # last hold here (on_scope_change is told once of each, not of every message).
        self._scopes_working: set[str] = set()
        self._scopes_settled_at: datetime | None = None  # when _settle_scope_holds last asked the database

    def access_lost(self, reason: str) -> None:
        """Slack said the bot's token no longer works (``reason``: tokens_revoked, app_uninstalled):
        /healthz reports it now, not after the next message fails — with the app uninstalled no
        event comes either, and a quiet weekend may send none. A call that succeeds clears it.

        The messages wait as for a refused token (_token_works), not each tried and refused in turn
        (every one a refused call, and a second ERROR for the refusal's own code). The event is
        signed, but it may be a retry of one sent before a new token was installed, or cover
        another installation: the next pass asks auth.test at once, and delivery goes on if
        Slack accepts the token."""
        with self._auth_lock:
            self.auth_error = self._access_lost = reason
            if self._token_refused is None:
                self._token_refused, self._token_asked_at, self._token_asks = reason, None, 0
        self._wake.set()

    def auth_problem(self) -> str | None:
        """Why Slack does not take this process's messages for want of a working token (for /healthz):
        the event's reason when Slack said why (access_lost), else the code it refuses the token
        with; None when nothing says the token fails."""
        with self._auth_lock:
            scopes = ", ".join(f"{h.refusal.rsplit(': ', 1)[-1]} ({name})"
                               for name, h in sorted(self._scope_holds.items()) if h.waiting)
            return self._access_lost or self.auth_error or scopes or None

    def scope_refusals(self) -> dict[str, str]:
        """The scopes (SCOPE_OF's names) Slack refuses with messages waiting for them, and the code
        it refused each with (missing_scope, not_allowed_token_type)."""
        with self._auth_lock:
            return {name: h.refusal.rsplit(": ", 1)[-1] for name, h in self._scope_holds.items() if h.waiting}

    # -- lifecycle -------------------------------------------------------------------------
    def start(self, poll_seconds: float = 1.0) -> None:
        # Messages held back by a refused token go first: the restart is usually the new token.
        self.release_held_for_token()
        with self.db.session() as s:
            refused = outbox.retry_now(s, PARENT_REFUSED_PREFIX, self.clock())
        self.release_held_for_scopes()
        if refused:
            log.info("%d draft post(s) a channel refused will be tried again now", refused)
        self._rescue_stranded()

        def run() -> None:
            failing = FailureStreak("outbox delivery pass", log)
            while not self._stop.is_set():
                self._wake.clear()  # before the pass: a kick during the pass triggers another one
                try:
                    self.deliver_due()
                except Exception:  # keep the worker alive through database outages
                    failing.failed()
                else:
                    failing.succeeded()
                self._wake.wait(poll_seconds)

        self._thread = threading.Thread(target=run, name="kessai-outbox", daemon=True)
        self._thread.start()
        self._express_open = True
        self.db.on_commit.append(self.deliver_express)
        self.db.on_commit_unknown.append(self.give_back_express)

    def _rescue_stranded(self) -> None:
        """Replies held for a post that failed for good, with nothing done about it (recorded by an
        older version): handled now as the failure would be today, so they neither wait for ever
        nor keep /healthz at 503."""
        with self.db.session() as s:
            stranded = [OutboxRow.model_validate(r.model_dump()) for r in outbox.stranded(s)]
        for row in stranded:
            error = (row.last_error or "unknown").removeprefix(PARENT_REFUSED_PREFIX)
            if error.startswith(FAILING_ALONE_PREFIX):
                error = FAILING_ALONE
            log.warning("outbox %s (%s) failed earlier and replies still wait for it; handling it now (%s)",
                        row.id, row.message_key, error)
            self._report(row, error)

    def release_held_for_token(self) -> int:
        """Make the messages held back by a refused token due now; how many. A process that starts
        (serve, each cron ``kessai remind``) usually follows the new token, and a message held by an
        earlier one must not wait out its backoff."""
        with self.db.session() as s:
            released = outbox.retry_now(s, AUTH_FAILURE_PREFIX, self.clock())
        if released:
            log.info("%d message(s) that Slack refused for the old token will be sent now", released)
        return released

    def release_held_for_scopes(self) -> int:
        """Make the messages held back by a refused scope due now; how many. A process that starts
        usually follows the app's reinstall: a cron ``kessai remind`` run just after it sent nothing
        of what waited out its backoff (up to TOKEN_ASK_EVERY), and said nothing was due."""
        with self.db.session() as s:
            released = outbox.retry_now(s, SCOPE_REFUSED_PREFIX, self.clock())
        if released:
            log.info("%d message(s) that waited for a scope Slack refused (missing_scope…) will be sent now", released)
        return released

    def stop(self, timeout: float = 10.0) -> None:
        self._express_open = False
        if self.deliver_express in self.db.on_commit:
            self.db.on_commit.remove(self.deliver_express)
        if self.give_back_express in self.db.on_commit_unknown:
            self.db.on_commit_unknown.remove(self.give_back_express)
        self._express.shutdown(wait=True)  # in-flight express sends finish and are recorded
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)
        if self._thread is None or not self._thread.is_alive():
            # (A pass still running after the timeout keeps its pool: shut down under it, its
            # next batch would fail with "cannot schedule new futures after shutdown".)
            with self._pool_lock:
                pool, self._pool = self._pool, None
            if pool is not None:
                pool.shutdown(wait=True)
        if isinstance(self.client, KeepAliveWebClient):
            self.client.close()  # every thread's kept connections (the caller's too: st.deliver(), serve's last pass)

    def _sending_pool(self) -> ThreadPoolExecutor:
        with self._pool_lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=4, thread_name_prefix="kessai-send")
            return self._pool

    @property
    def express_lease(self) -> timedelta | None:
        """How long a request's own claim on its express rows lasts; None when the lane is closed."""
        return LEASE if self._express_open else None

    def deliver_express(self, info: dict[str, Any]) -> None:
        """After a commit: send that transaction's express rows now, off the request thread.

        The rows were written already claimed (for LEASE, by the database's clock), so the
        worker's passes leave them alone; should this process die before recording them, the claim
        lapses and they are delivered like any other row (a post that did reach Slack is found
        by its outbox id). A failed send is recorded like any other attempt.
        """
        rows = info.pop(outbox.EXPRESS, None)
        claims: dict[int, outbox.Claim] = info.pop(outbox.EXPRESS_CLAIMS, {})
        if not rows:
            return
        # The rows are this transaction's own (outbox.flush_pending made them and nothing else
        # holds them), not a session's: no copy is needed, and copying two approval DMs (their
        # blocks validated again) costs about a tenth of a millisecond each before the first is sent.
        jobs = [_Job(row=r, location=None, claim=claims[r.id]) for r in rows if r.id in claims]
        with self._express_lock:
            self._express_inflight += 1
        try:
            self._express.submit(self._deliver_express_jobs, jobs)
        except RuntimeError:  # shutting down: the lease lapses and the worker delivers them
            self._express_done()
            log.info("express lane closed; %d row(s) left to the outbox worker", len(jobs))

    def give_back_express(self, info: dict[str, Any]) -> None:
        """After a COMMIT whose answer was lost (storage.db.commit_outcome_unknown): that
        transaction's express rows may be in the database, claimed by this process, which cannot
        send them (were they not committed, a DM would ask approval of a draft that does not
        exist). Their claims are given back, off the request thread, so the worker sends the rows
        that exist at once rather than after the lease (the approvers asked 15 s late); rows that
        do not exist are not found. Should the database not answer now either, the claims lapse."""
        claims: dict[int, outbox.Claim] = dict(info.get(outbox.EXPRESS_CLAIMS) or {})
        if not claims:
            return

        def give_back() -> None:
            try:
                with self.db.session() as s:
                    for row_id, claim in claims.items():
                        # Nobody sent them: no claim is put back, nothing needs looking for first.
                        outbox.release_claim(s, row_id, claim.until, None)
            except DBAPIError as e:
                log.info("could not give back the claims of %d message(s) written by a transaction whose COMMIT "
                         "went unanswered (database: %s); they are sent once their claims lapse",
                         len(claims), type(e.orig).__name__)
            else:
                self._wake.set()

        with contextlib.suppress(RuntimeError):  # shutting down: the claims lapse, the worker sends the rows
            self._express.submit(give_back)

    def _deliver_express_jobs(self, jobs: list[_Job]) -> None:
        try:
            outcomes = [self._send(j) for j in jobs]
            self._record(jobs, outcomes)
            self._probe_if_wanted()
        except Exception as e:  # the claim lapses and the worker retries
            if commit_outcome_unknown(e):
                # Sent, and the recording may well be committed: "will retry" and a traceback sent
                # the IT 担当 looking for duplicates that the look-up before any retry prevents.
                log.warning("express delivery: the connection was lost at the COMMIT recording %d message(s) as "
                            "sent; if it was not committed, their claims lapse and the worker finds each post in Slack "
                            "instead of posting it again (an ephemeral message is shown again) (%s)", len(jobs),
                            describe_db_error(e))
            else:
                log.exception("express delivery failed; the outbox worker will retry")
        finally:
            self._express_done()

    def _express_done(self) -> None:
        with self._express_lock:
            self._express_inflight -= 1
        self._wake.set()  # the rest of that transaction's messages (deferred by kick)

    def kick(self) -> None:
        """Something was committed to the outbox: deliver it now rather than at the next poll.

        While express rows are on their way the worker waits for them (they wake it when done):
        the approver's DM goes first, without a delivery pass competing with it.
        """
        with self._express_lock:
            if self._express_inflight:
                return
        self._wake.set()

    # -- delivery --------------------------------------------------------------------------
    def deliver_due(self, limit: int = 50) -> int:
        """Deliver everything due now; returns how many rows were sent.

        Each pass claims a batch in one short transaction, calls Slack with no transaction open
        (a slow Slack must not hold database locks), then records the outcomes in another.
        ``outbox.eligible`` yields at most one row per message, so the batch can go out in
        parallel without an update overtaking the post it edits; a thread's rows go one after
        another in one task (``_send_in_turn``), so its replies still read in the order written.
        """
        try:
            return self._deliver_due(limit)
        finally:
            # Outside the pass's lock: another thread's pass does not wait for a Slack that does not
            # answer (this thread's next pass does: the client's timeout, twice for a failed connection, once a minute).
            self._probe_if_wanted()

    def _deliver_due(self, limit: int) -> int:
        sent_total = 0
        with self._lock:  # one pass at a time per process; replicas are separated by claims
            # Safety nets for two rare races (outbox.release_overlooked, outbox.redirect_stranded):
            # once a second is plenty, not on every pass that a commit triggers.
            if (t := time.monotonic()) - self._overlooked_checked >= OVERLOOKED_EVERY:
                self._overlooked_checked = t
                with self.db.session() as s:
                    if released := outbox.release_overlooked(s):
                        log.info("released replies held for %d message(s) already posted", released)
                    if redirected := outbox.redirect_stranded(s):
                        log.info("sent on replies held for %d message(s) given up on", redirected)
            self._settle_scope_holds()
            while True:
                if not self._token_works():
                    return sent_total + self._deliver_tokenless(limit)
                now, mono = self.clock(), time.monotonic()
                with self.db.session() as s:
                    # A thread's next replies come with its first (in_turn): one pass, one claim and
                    # one recording for a draft's replies, instead of a pass each (~4 ms of CPU each).
                    left: set[int] = set()
                    due = outbox.eligible(s, now, limit, in_turn=True, left=left)
                    found = outbox.claim_many_as_found(s, [r.id for r in due if r.id is not None], LEASE)
                    mine = {row_id: f.until for row_id, f in found.items()}
                    jobs = self._jobs(s, due, found, now, mono)
                if not jobs:
                    if mine:
                        continue  # everything claimed was superseded: look again
                    return sent_total
                # One transaction records the whole batch. A crash before it commits leaves the rows
                # claimed; when the lease expires they are re-delivered, and a post that did reach
                # Slack is found by its outbox id (_find_posted) instead of being sent twice.
                turns: dict[object, list[_Job]] = {}
                for j in jobs:
                    turns.setdefault(j.row.thread_key or j, []).append(j)
                if len(turns) > 1:
                    sent_in_turn = list(self._sending_pool().map(self._send_in_turn, turns.values()))
                else:
                    sent_in_turn = [self._send_in_turn(jobs)]
                by_job = {id(j): o for turn, results in zip(turns.values(), sent_in_turn, strict=True)
                          for j, o in zip(turn, results, strict=True)}
                outcomes = [by_job[id(j)] for j in jobs]
                released = self._record(jobs, outcomes)
                sent_now = sum(1 for o in outcomes if not isinstance(o, Exception))
                sent_total += sent_now
                if sent_now == 0:
                    return sent_total
                if sent_now == len(outcomes) and len(mine) == len(due) and not left and not released:
                    # Everything went and nothing waited behind it (no edit behind its post, no
                    # reply held for it, no report of a failure written): another scan would find
                    # nothing, at ~1 ms of CPU a draft. What is committed meanwhile kicks a pass.
                    # A chosen row another delivery held at the claim does look again: that one
                    # may be giving it back (a reply behind one this pass took, see _jobs).
                    return sent_total

    def _jobs(self, s: Any, due: list[OutboxRow], found: dict[int, outbox.Found], now: datetime,
              mono: float) -> list[_Job]:
        """The claimed rows to send (``found``: claim_many_as_found's, by ``now`` and ``mono`` read
        before it; what the claim found may be newer news than ``due``).
        A thread's row goes only behind its thread's earlier rows of this batch: when one of those
        is not sent now (another delivery claimed it, or it waits), the later ones are given back
        unclaimed, not sent out of order."""
        jobs: list[_Job] = []
        stopped: set[str] = set()
        for r in due:
            if r.id is None or r.id not in found:
                if r.thread_key:
                    stopped.add(r.thread_key)
                continue
            if r.thread_key and r.thread_key in stopped:
                outbox.release_claim(s, r.id, found[r.id].until, r.claimed_until)
                continue
            job = self._job(s, r, outbox.Claim.taken(found[r.id].until, now, mono, LEASE), found[r.id])
            if job is None:
                if r.thread_key:
                    stopped.add(r.thread_key)
                continue
            jobs.append(job)
        return jobs

    def _send_in_turn(self, jobs: list[_Job]) -> list[tuple[str, str] | None | Exception]:
        """Send one thread's rows in order; after one that did not go, the rest are not tried
        (NotTried: their claim is given back), so no reply overtakes one that failed."""
        outcomes: list[tuple[str, str] | None | Exception] = []
        for i, job in enumerate(jobs):
            if outcomes and (isinstance(outcomes[-1], Exception) or not self._held_through_a_call(jobs[:i])):
                outcomes.append(NotTried())
            else:
                outcomes.append(self._send(job))
        return outcomes

    def _held_through_a_call(self, sent: list[_Job]) -> bool:
        """Whether the rows this turn already sent stay claimed through one more Slack call. They are
        recorded only when the turn ends: a claim lapsing before that (Slack answering slowly, one
        reply after another) lets another delivery take a sent row, which costs a look-up and posts
        it twice if the look-up misses it. The rest of the turn waits for the next pass instead."""
        now = self.clock()
        need = timedelta(seconds=float(self.client.timeout or 0)) + CALL_SLACK
        return all(job.claim is None or job.claim.left(now) >= need for job in sent)

    def _job(self, s: Any, row: OutboxRow, claim: outbox.Claim, found: outbox.Found) -> _Job | None:
        if row.op == "refresh_home" and outbox.supersede(s, row, self.clock()):
            return None
        location = None
        if row.op == "update" and row.message_key:
            loc = outbox.message_location(s, row.message_key)
            location = (loc.channel, loc.ts) if loc else None
            if location is None and outbox.post_on_its_way(s, row.message_key):
                # Chosen while its post was being released from hold (outbox.eligible): it waits
                # for the post instead of failing for want of a message to update.
                outbox.mark_later(s, row.id or 0, self.clock() + UPDATE_WAITS_FOR_POST)
                return None
        # As the claim found it: the row may have been read before another delivery tried it, and
        # claimed after; its attempt is recorded (_record) from what that one left.
        snapshot = found.on(row)
        maybe_sent = row.op == "post" and (snapshot.attempts > 0 or row.claimed_until is not None)
        return _Job(row=snapshot, location=location, maybe_sent=maybe_sent, claim=claim)

    def _hold(self, job: _Job) -> None:
        """Make sure this delivery still holds its row for as long as a Slack call can take;
        raises Superseded when it does not.

        A row waits for its turn after it is claimed (behind the others of its batch, in a busy
        express lane while Slack is slow, or behind the calls that look for an earlier attempt or
        open a DM). If its claim lapsed meanwhile, another delivery (of another replica, or the
        worker here) may have taken the row and sent it: sending it too would post it twice. A
        claim running short is renewed, only if it is still this one.
        """
        claim = job.claim
        if claim is None:
            return
        now, mono = self.clock(), time.monotonic()
        if claim.left(now) >= timedelta(seconds=float(self.client.timeout or 0)) + CALL_SLACK:
            return
        try:
            with self.db.session() as s:
                renewed = outbox.renew_claim(s, job.row.id or 0, claim.until, LEASE)
        except DBAPIError as e:
            # Not sent, and Slack had no part in it: no attempt counted (a Transient was one towards
            # giving the message up, started the failing-alone clock and asked auth.test). The claim
            # is given back if the database lets _record, else it lapses; a later pass tries again.
            log.warning("outbox %s (%s): could not renew its claim (database: %s); not sent now, tried again "
                        "by a later pass", job.row.id, job.row.op, type(e.orig).__name__)
            raise ClaimNotRenewed() from e
        if renewed is None:
            raise Superseded()
        job.claim = outbox.Claim.taken(renewed, now, mono, LEASE)

    def _claimed(self, job: _Job) -> contextlib.AbstractContextManager[None]:
        """The Slack calls made in the block for ``job`` start while it is held (``_hold``) and end
        while it still is (slack_http.call_deadline)."""
        self._hold(job)
        if job.claim is None:
            return contextlib.nullcontext()
        left = job.claim.left(self.clock()) - CALL_SLACK
        return call_deadline(left.total_seconds())

    def _held_for_token(self) -> bool:
        with self._auth_lock:
            return self._token_refused is not None

    def _hold_for_token(self, refusal: str) -> None:
        """Slack refused the token: the messages not yet sent wait for _token_works."""
        with self._auth_lock:
            if self._token_refused is None:
                self._token_asks = 0
            self._token_refused = refusal
            self._token_asked_at = self.clock()  # the refusal was this interval's question

    def _token_works(self) -> bool:
        """Whether messages may be sent: Slack has not refused the token, or auth.test, asked at most
        once per interval while it does (TOKEN_ASK_EVERY), says it works again. Then the messages held
        for it are made due in the database before any is sent."""
        with self._auth_lock:
            refused, asked_at, asks = self._token_refused, self._token_asked_at, self._token_asks
            if refused is None:
                return True
            now = self.clock()
            wait = min(TOKEN_ASK_EVERY, timedelta(seconds=HOLD_ASK_FIRST * 2 ** min(asks, 12)))
            if asked_at is not None and timedelta(0) <= now - asked_at < wait:
                return False
            self._token_asked_at, self._token_asks = now, asks + 1
        try:
            self.client.auth_test()
        except SlackApiError as e:
            code = error_code(e)
            if code in AUTH_ERRORS:
                with self._auth_lock:
                    self._token_refused = self.auth_error = code
                log.info("Slack still refuses the bot token (%s); messages wait for a working token, asking again "
                         "within %s", code, TOKEN_ASK_EVERY)
            else:
                log.info("could not ask Slack whether it accepts the bot token again (HTTP %s, %s); messages "
                         "keep waiting", e.response.status_code, code or "no Slack answer")
            return False
        except Exception as e:
            log.info("could not ask Slack whether it accepts the bot token again (%s: %s); messages keep waiting",
                     type(e).__name__, e)
            return False
        with self.db.session() as s:
            released = outbox.retry_now(s, AUTH_FAILURE_PREFIX, self.clock())
        with self._auth_lock:
            self._token_refused = None
            self.auth_error = self._access_lost = None
        log.warning("Slack accepts the bot token again (auth.test): %d message(s) held for it are sent now", released)
        return True

    def _deliver_tokenless(self, limit: int) -> int:
        """While the token is refused, what needs none (TOKENLESS_OPS); how many were sent."""
        now, mono = self.clock(), time.monotonic()
        with self.db.session() as s:
            due = outbox.due_of(s, sorted(TOKENLESS_OPS), now, limit)
            found = outbox.claim_many_as_found(s, [r.id for r in due if r.id is not None], LEASE)
            jobs = [j for r in due if r.id in found
                    and (j := self._job(s, r, outbox.Claim.taken(found[r.id].until, now, mono, LEASE),
                                        found[r.id])) is not None]
        if not jobs:
            return 0
        outcomes = [self._send(j) for j in jobs]
        self._record(jobs, outcomes)
        return sum(1 for o in outcomes if not isinstance(o, Exception))

    def _scopes(self, row: OutboxRow) -> frozenset[str]:
        """The refusable methods (SCOPE_OF's names) sending ``row`` calls."""
        if row.op == "post":
            channel = str(row.payload.get("channel") or "")
            with self._dm_lock:
                opens = channel[:1] in ("U", "W") and channel not in self._dm_channels
            return frozenset({"chat:write", "im:write"} if opens else {"chat:write"})
        if row.op in ("update", "ephemeral"):
            return frozenset({"chat:write"})
        if row.op in ("publish_home", "refresh_home"):
            return frozenset({"views.publish"})
        return frozenset()

    @staticmethod
    def _scope_wait(asks: int) -> timedelta:
        return min(TOKEN_ASK_EVERY, timedelta(seconds=HOLD_ASK_FIRST * 2 ** min(asks, 12)))

    def _held_for_scope(self, scopes: frozenset[str]) -> HeldForScope | None:
        """Whether a message calling ``scopes`` waits for one Slack refuses; None: it goes (nothing
        refused, or it is the one tried again now for the others)."""
        with self._auth_lock:
            holds = [(name, h) for name, h in self._scope_holds.items() if name in scopes]
            if not holds:
                return None
            now = self.clock()
            for _, h in holds:
                due = h.asked_at + self._scope_wait(h.asks)
                # A hold nothing waited for (_settle_scope_holds) is due at once: the next message
                # waited out the rest of its interval (up to 45 s) though /healthz said ok.
                if h.waiting and timedelta(0) <= now - h.asked_at and now < due:
                    return HeldForScope(h.refusal, due)
            for _, h in holds:  # this one asks for all of them
                h.asked_at, h.asks = now, h.asks + 1
                # The others of its pass wait for its answer, as for any hold's ask.
                h.waiting, h.marks = True, h.marks + 1
        return None

    def _hold_for_scope(self, e: ScopeRefused) -> None:
        """Slack refused a method for the installation: the messages needing it wait (_held_for_scope),
        and this one comes back when the next is tried."""
        with self._auth_lock:
            now = self.clock()
            hold = self._scope_holds.get(e.scope)
            if hold is None:
                hold = self._scope_holds[e.scope] = _ScopeHold(str(e), now, 0)
            self._scopes_working.discard(e.scope)
            hold.refusal, hold.asked_at = str(e), now
            hold.waiting, hold.marks = True, hold.marks + 1
            e.retry_after = self._scope_wait(hold.asks).total_seconds()

    def _settle_scope_holds(self) -> None:
        """Stop reporting a scope hold nothing waits for any more (_ScopeHold.waiting). Asked of the
        database at most once per OVERLOOKED_EVERY, and only of a hold not tried for LEASE: a
        message refused a moment ago may not be recorded yet (the express lane records on its own)."""
        now = self.clock()
        if self._scopes_settled_at is not None and timedelta(0) <= now - self._scopes_settled_at < timedelta(
                seconds=OVERLOOKED_EVERY):
            return
        with self._auth_lock:
            quiet = {name: h.marks for name, h in self._scope_holds.items()
                     if h.waiting and now - h.asked_at >= LEASE}
        if not quiet:
            return
        self._scopes_settled_at = now
        with self.db.session() as s:
            idle = [name for name in quiet if not outbox.waiting_with(s, f"{SCOPE_REFUSED_PREFIX}{name}:")]
        for name in idle:
            with self._auth_lock:
                hold = self._scope_holds.get(name)
                # Found waiting meanwhile (recorded after the question was asked): it still is.
                if hold is None or hold.marks != quiet[name] or not hold.waiting:
                    continue
                hold.waiting = False
            log.info("no message waits for %s any more (sent by another replica, given up for another reason, or "
                     "taken back); it is no longer reported, and the next message that needs it is tried at once",
                     name)

    def _scope_works(self, s: Session, scopes: frozenset[str]) -> None:
        """A message calling ``scopes`` went through: what waited for them is sent now."""
        with self._auth_lock:
            ended = [name for name in scopes if self._scope_holds.pop(name, None) is not None]
        for name in ended:
            released = outbox.retry_now(s, f"{SCOPE_REFUSED_PREFIX}{name}:", self.clock())
            log.warning("Slack accepts %s again: %d message(s) held for it are sent now", name, released)

    def _scope_changed(self, s: Session, scope: str, refusal: str | None) -> None:
        """Tell on_scope_change, in a savepoint of the recording transaction: its failing must not
        undo the recording (which would send the messages again)."""
        if self.on_scope_change is None:
            return
        try:
            with s.begin_nested():
                self.on_scope_change(s, scope, refusal)
                outbox.flush_pending(s)
        except DBAPIError:
            log.exception("could not record that Slack %s %s", "refuses" if refusal else "accepts", scope)

    def _send(self, job: _Job) -> tuple[str, str] | None | Exception:
        if job.row.op not in TOKENLESS_OPS and self._held_for_token():
            # Not even a look-up: every call fails while the token is refused.
            return HeldForToken()
        job.scopes = self._scopes(job.row)
        if (held := self._held_for_scope(job.scopes)) is not None:
            return held
        try:
            with self._claimed(job):
                return self._call(job)
        except AuthFailure as e:
            self._hold_for_token(str(e).removeprefix(AUTH_FAILURE_PREFIX))
            return e
        except ScopeRefused as e:
            self._hold_for_scope(e)
            return e
        except NotTried as e:  # ClaimNotRenewed
            return e
        except Superseded as e:
            log.info("outbox %s (%s): its claim lapsed while it waited and another delivery took it; "
                     "not sent again here", job.row.id, job.row.op)
            return e
        except (Transient, Permanent) as e:
            return e
        except Exception as e:
            # An answer of a shape Slack does not send (a field missing, a list for an object):
            # counted as a failed attempt, so the row is retried with backoff and finally reported,
            # instead of failing the whole pass and coming back for ever with its lease.
            log.warning("outbox %s (%s): unexpected answer from Slack (%s: %s); will retry", job.row.id, job.row.op,
                        type(e).__name__, e, exc_info=log.isEnabledFor(logging.DEBUG))
            return Transient(f"unexpected answer: {type(e).__name__}")

    def _record(self, jobs: list[_Job], outcomes: list[Any]) -> int:
        """Record what each send did, and report the messages given up on (with the recording);
        how many replies held for the messages posted were released."""
        failures: list[tuple[_Job, str]] = []
        sent: list[int] = []
        located: list[tuple[str, str, str]] = []
        if any(not isinstance(o, Exception) for o in outcomes):
            with self._auth_lock:
                self._delivered_at, self._delivered_mono = self.clock(), self.monotonic()
                self._failing_since = self._failing_from = None
        elif any(_for_want_of_slack(o) for o in outcomes):
            began = (self.clock(), self.monotonic())
            with self._auth_lock:
                self._failing_from = self._failing_from or began
                self._probe_wanted = True  # asked once the outcomes are recorded (_probe_if_wanted)
        again: list[tuple[_Job, str]] = []
        held_for: set[str] = set()  # the refusals rows were recorded waiting for
        unanswered = [self._where(job) for job, o in zip(jobs, outcomes, strict=True) if _for_want_of_slack(o)]
        if unanswered:
            now = self.clock()
            with self._auth_lock:  # before judging any of them: the others of this pass count too
                self._conversation_failed.update(dict.fromkeys(unanswered, now))
                for c, at in list(self._conversation_failed.items()):
                    if now - at > ALONE_GIVE_UP:
                        del self._conversation_failed[c]
        with self.db.session() as s:
            for job, outcome in zip(jobs, outcomes, strict=True):
                row = job.row
                assert row.id is not None
                if isinstance(outcome, Superseded):
                    continue  # the row is another delivery's now: it records what it did
                if isinstance(outcome, NotTried):
                    if job.claim is not None:  # due again for the next pass, no attempt counted
                        # (An express row was written with this claim: nobody claimed it before.)
                        before = None if row.claimed_until == job.claim.until else row.claimed_until
                        outbox.release_claim(s, row.id, job.claim.until, before)
                    continue
                if isinstance(outcome, HeldForScope):
                    # Not tried, nothing counted: back when the next message needing it is tried, or
                    # now when one of this batch went through meanwhile (_scope_works).
                    with self._auth_lock:
                        waits = any(h.refusal == str(outcome) for h in self._scope_holds.values())
                    # A lapsed claim found on the row (a delivery that died mid-call) is kept, as
                    # NotTried's release_claim keeps it: it says the post may be in Slack, and the
                    # retry looks for it first. Cleared, the post went out twice once the scope was back.
                    lapsed = None if job.claim is None or row.claimed_until == job.claim.until else row.claimed_until
                    outbox.mark_retry(s, row.id, outcome.until if waits else self.clock(), str(outcome),
                                      counted_up_to=0, lapsed_claim=lapsed)
                    held_for.add(str(outcome))
                    continue
                if isinstance(outcome, ScopeRefused):
                    held_for.add(str(outcome))
                    with self._auth_lock:  # ERROR once per wait, as for a refused token
                        hold = self._scope_holds.get(outcome.scope)
                        news = hold is not None and not hold.told
                        if hold is not None:
                            hold.told = True
                    log.log(logging.ERROR if news else logging.INFO,
                            "Slack refuses %s for the installation (%s); outbox %s and every message that needs it "
                            "wait until the app is reinstalled with manifest.yaml's scopes (or the right bot token "
                            "is set), and are sent then", outcome.scope, str(outcome).rsplit(": ", 1)[-1], row.id)
                    if news:
                        self._scope_changed(s, outcome.scope, str(outcome).rsplit(": ", 1)[-1])
                if isinstance(outcome, AuthFailure):
                    refusal = str(outcome).removeprefix(AUTH_FAILURE_PREFIX)
                    # ERROR once per refusal: every waiting message retries until the token is
                    # replaced, and an ERROR for each retry would page the IT 担当 every few minutes.
                    with self._auth_lock:  # the express lane records outcomes alongside the worker
                        news, self.auth_error = refusal != self.auth_error, refusal
                    log.log(logging.ERROR if news else logging.INFO,
                            "Slack refused the bot token (%s); outbox %s waits for a working token", refusal, row.id)
                if isinstance(outcome, Transient):
                    # A 429 or a refused token says nothing about the message either: it counts as an
                    # outage's failure does, so a long burst does not leave it one 5xx from the end.
                    own = (not isinstance(outcome, AuthFailure | RateLimited | ScopeRefused)
                           and self._slack_took_others_since(row))
                    if row.attempts + 1 >= MAX_ATTEMPTS and own:
                        log.error("outbox %s (%s) gave up after %s attempts: %s", row.id, row.op, row.attempts + 1,
                                  outcome)
                        outbox.mark_failed(s, row.id, str(outcome))
                        failures.append((job, str(outcome)))
                        continue
                    since, alone = self._failing_alone_since(job, outcome)
                    if alone and since is not None and self.clock() - since >= ALONE_GIVE_UP:
                        log.error("outbox %s (%s to %s) gave up: it has failed since %s while Slack answered this "
                                  "process and no other conversation failed: %s", row.id, row.op, self._where(job),
                                  since.isoformat(), outcome)
                        outbox.mark_failed(s, row.id, f"{FAILING_ALONE_PREFIX}since {since.isoformat()}: {outcome}")
                        # Its thread's next reply goes to the same conversation: it is tried once more,
                        # and given up at its first failure rather than after a day of its own (and
                        # marks the one after it so in turn). Only the next: once one goes through,
                        # the conversation works, and a passing 5xx must not give up the rest.
                        if row.thread_key:
                            outbox.mark_next_in_thread_failing_alone(s, row.thread_key, row.id, since)
                        failures.append((job, FAILING_ALONE))
                        continue
                    delay = timedelta(seconds=outcome.retry_after) if outcome.retry_after else min(
                        MAX_BACKOFF, timedelta(seconds=0.5 * 2 ** min(row.attempts, 12)))
                    if isinstance(outcome, PostUnanswered):
                        # A slow Slack finishes the work after the client gave up: looked for 0.5 s
                        # later, the post was not there yet and was made again (the approver had the
                        # request twice). Slack is given as long again to finish before the look-up.
                        delay = max(delay, timedelta(seconds=float(self.client.timeout or 0)))
                    # A scope hold's retry (one a minute per replica for as long as the scope is
                    # missing) is no news: its ERROR was logged once when the hold began. Nor is a
                    # 429 waited out (a busy morning's DMs meet Slack's limit in normal operation)
                    # until the message has been held back as long as /healthz calls stalled.
                    quiet = isinstance(outcome, ScopeRefused) or (
                        isinstance(outcome, RateLimited) and row.attempts + 1 < STALLED_ATTEMPTS)
                    level = logging.INFO if quiet else logging.WARNING
                    if since is None:
                        log.log(level, "outbox %s (%s) will retry in %.1fs: %s", row.id, row.op,
                                delay.total_seconds(), outcome)
                    else:  # for IT, on each retry: who is waiting for it, and until when
                        log.log(level, "outbox %s (%s to %s) will retry in %.1fs: %s; it has failed alone since %s "
                                "(Slack answers, other conversations work) and is given up at %s",
                                row.id, row.op, self._where(job), delay.total_seconds(), outcome,
                                since.isoformat(), (since + ALONE_GIVE_UP).isoformat())
                    outbox.mark_retry(s, row.id, self.clock() + delay, str(outcome),
                                      counted_up_to=None if own else OUTAGE_COUNT, failing_alone_since=since)
                elif isinstance(outcome, Permanent) and self._parent_waits(row, str(outcome)):
                    # Said loudly once; the retries every PARENT_RETRY are news to nobody until one works.
                    first = not (row.last_error or "").startswith(PARENT_REFUSED_PREFIX)
                    log.log(logging.ERROR if first else logging.INFO,
                            "outbox %s (a thread parent) refused by %s: %s; its replies go to the author, "
                            "and it is tried again in %s", row.id, row.payload.get("channel"), outcome, PARENT_RETRY)
                    # Given up after PARENT_GIVE_UP, not by count: a night of refusals counts as an
                    # outage's failures do, or the first 5xx once the bot is invited gave the post up.
                    outbox.mark_retry(s, row.id, self.clock() + PARENT_RETRY, PARENT_REFUSED_PREFIX + str(outcome),
                                      counted_up_to=OUTAGE_COUNT)
                    failures.append((job, str(outcome)))
                elif isinstance(outcome, Permanent) and _gone_as_known(s, row, str(outcome)):
                    # An edit of a message whose deletion kessai has recorded (the alert deleted
                    # while its redraw was on its way): the expected end of it, nobody to tell.
                    log.info("outbox %s (%s of %s) not applied: %s; the message was deleted in Slack",
                             row.id, row.op, row.message_key, outcome)
                    outbox.mark_failed(s, row.id, str(outcome))
                elif isinstance(outcome, Permanent) and _edit_of_a_post_given_up(s, row, str(outcome)):
                    log.info("outbox %s (%s of %s) not applied: the message it edits was never posted (given up "
                             "on, logged above)", row.id, row.op, row.message_key)
                    outbox.mark_failed(s, row.id, str(outcome))
                elif isinstance(outcome, Permanent):
                    explained = PERMANENT_EXPLAINED.get(str(outcome))
                    log.error("outbox %s (%s) failed permanently: %s%s", row.id, row.op, outcome,
                              f" ({explained})" if explained else "")
                    outbox.mark_failed(s, row.id, str(outcome))
                    if (row.thread_key and (since := _since(row)) is not None
                            and str(outcome) not in PARENT_CHANNEL_ERRORS):
                        # A refusal is not the message going through: the conversation is still
                        # known to fail alone, and the thread's next reply is judged as this one was.
                        # Not after the channel refused the bot (not_in_channel…): Slack answered
                        # for the conversation, and once someone invites the bot its later replies
                        # get a day of their own (they were given up at their first passing 500).
                        outbox.mark_next_in_thread_failing_alone(s, row.thread_key, row.id, since)
                    failures.append((job, str(outcome)))
                else:
                    if outcome is not None and row.message_key:
                        located.append((row.message_key, *outcome))
                    sent.append(row.id)
                    with self._auth_lock:
                        self.auth_error = self._access_lost = None
                        scoped = bool(self._scope_holds)
                    if scoped:
                        self._scope_works(s, job.scopes)
                    with self._auth_lock:
                        working = job.scopes - self._scopes_working
                        self._scopes_working |= working
                    for scope in sorted(working):
                        self._scope_changed(s, scope, None)
            released = outbox.record_sent(s, located, sent, self.clock())
            # In the transaction that records the failures: a crash between the two commits lost
            # the report (the Japanese notice to the escalation channel, the author's stand-in DM),
            # and nothing looked for it again.
            for job, reason in failures:
                if not self._report(job.row, reason, s):
                    again.append((job, reason))
        if held_for:
            # After the commit: _settle_scope_holds, asking meanwhile, finds them or sees the mark.
            with self._auth_lock:
                for h in self._scope_holds.values():
                    if h.refusal in held_for:
                        h.waiting, h.marks = True, h.marks + 1
        # Reported in one transaction, two people's failures hold the first one's report key while
        # asking for the second's; another replica reporting them the other way round holds the
        # second and asks for the first, and PostgreSQL fails one report to end the deadlock. That
        # one is made again on its own (one key at a time, as before): it is not lost.
        for job, reason in again:
            self._report(job.row, reason)
        return released

    def _where(self, job: _Job) -> str:
        """The conversation ``job`` goes to (a DM as its channel once opened here)."""
        if job.location is not None:
            return job.location[0]
        p = job.row.payload
        target = str(p.get("channel") or p.get("user_id") or "")
        with self._dm_lock:
            return self._dm_channels.get(target, target)

    def _failing_alone_since(self, job: _Job, outcome: Exception) -> tuple[datetime | None, bool]:
        """Since when ``job``'s message has failed alone (ALONE_GIVE_UP), counting this attempt
        (None: not, or Slack failing for everything interrupted it), and whether this attempt did.

        Alone: since about its previous attempt (it came due at most MAX_BACKOFF after it), Slack
        answered this process (auth.test, _probe_if_wanted, or another message went out), this
        process is not cut off, and no other conversation failed for want of an answer (in an
        outage every conversation fails). Slack not answering auth.test starts the count again,
        so a message that waited out an outage is not given up as it ends; another conversation
        failing too pauses it (that attempt's time is left out); an attempt with no answer known
        yet leaves it as it was, and one made long after it was due (ALONE_LATE) moves it on by that long.
        A refused token pauses it too, from the attempt before the refusal to the one after it.
        """
        since = _since(job.row)
        if isinstance(outcome, AuthFailure | ScopeRefused) or (isinstance(outcome, Transient) and (
                job.row.last_error or "").startswith((AUTH_FAILURE_PREFIX, SCOPE_REFUSED_PREFIX))):
            # The token refused, at this attempt or the one before (the messages then waited for a
            # new token, for hours perhaps): that time says nothing about the message, so it is
            # left out (paused), as an outage's is. Counted, a message failing alone was given up
            # at its first 5xx once the token worked again. Also when the attempt after the
            # refusal is a 429 (the held backlog released at once meets the rate limit): that
            # attempt leaves the row's last error "rate limited", and the refused hours counted at
            # the 5xx after it.
            return (None if since is None else min(since + self._since_previous_attempt(job), self.clock())), False
        if not _for_want_of_slack(outcome):
            return since, False
        late = self.clock() - as_utc(job.row.next_attempt_at)
        if job.row.attempts and late > ALONE_LATE:  # (a reply's first attempt is due since it was written)
            return (None if since is None else since + late), False
        window = as_utc(job.row.next_attempt_at) - MAX_BACKOFF
        where = self._where(job)
        with self._auth_lock:
            if self._failing_since is not None or self._probe_answered is False:
                return None, False
            answered = (self._answered_at is not None and self._answered_at >= window) or (
                self._delivered_at is not None and self._delivered_at >= window)
            others = any(at >= window for c, at in self._conversation_failed.items() if c != where)
        if others:
            # An outage, or two conversations failing at once: this attempt says nothing about this
            # message, so its time is left out of the count (paused), not the count started again.
            # Restarting it, one other conversation's bad hour at the 20th hour of a day cost the
            # message another whole day, and two failing on and off restarted each other's for ever.
            return (None if since is None else since + self._since_previous_attempt(job)), False
        if not answered:
            return since, False
        return since or self.clock(), True

    def _since_previous_attempt(self, job: _Job) -> timedelta:
        """About how long ago ``job``'s previous attempt was: its due time less the backoff it
        was given then (a failure for want of Slack's, the only kind that counts toward failing alone)."""
        backoff = min(MAX_BACKOFF, timedelta(seconds=0.5 * 2 ** min(max(job.row.attempts - 1, 0), 12)))
        return max(timedelta(0), self.clock() - (as_utc(job.row.next_attempt_at) - backoff))

    def _probed_recently(self, now: datetime) -> bool:
        return self._probed_at is not None and timedelta(0) <= now - self._probed_at < PROBE_EVERY

    def _probe_if_wanted(self) -> None:
        """Everything a pass tried failed (``_record``): whether Slack still answers this process
        (auth.test, at most every PROBE_EVERY). It does when one message fails on its own with
        nothing else to send (a quiet night): this process is not cut off from Slack, and
        ``_failing_since`` ends. Behind a broken proxy, or in an outage, auth.test fails too."""
        now = self.clock()
        with self._auth_lock:
            if not self._probe_wanted:
                return
            self._probe_wanted = False
            if self._probed_recently(now):
                # Asked a moment ago: that answer holds (one being asked gives its own).
                if self._probe_answered is not None:
                    self._settle_failing(self._probe_answered)
                return
            self._probed_at, self._probe_answered = now, None
        refusal = None
        try:
            self.client.auth_test()
        except SlackApiError as e:
            # Slack's own JSON (ratelimited, invalid_auth…) is Slack answering this process; a
            # proxy's page or a 5xx is not, nor Slack's own trouble said with HTTP 200
            # (SLACK_SIDE_ERRORS): messages wait through it as through a 5xx.
            code = error_code(e)
            answered = bool(code) and e.response.status_code < 500 and code not in SLACK_SIDE_ERRORS
            refusal = code if code in AUTH_ERRORS else None
            if not answered:
                log.info("everything the last delivery tried failed, and Slack does not answer auth.test either "
                         "(HTTP %s)", e.response.status_code)
        except Exception as e:
            log.info("everything the last delivery tried failed, and Slack does not answer auth.test either "
                     "(%s: %s)", type(e).__name__, e)
            answered = False
        else:
            answered = True
        with self._auth_lock:
            self._probe_answered = answered
            if answered:
                self._answered_at = now
            self._settle_failing(answered)
            news = refusal is not None and refusal != self.auth_error
            if refusal is not None:
                self.auth_error = refusal
        if news:
            log.error("Slack refused the bot token (%s) when asked auth.test; messages wait for a working token",
                      refusal)

    def _settle_failing(self, answered: bool) -> None:
        """(Under _auth_lock.) What auth.test said makes the failures since _failing_from one
        message's own (Slack answered) or this process's failing for want of Slack."""
        if answered:
            self._failing_since = self._failing_from = None
        elif self._failing_from is not None:
            self._failing_since = self._failing_since or self._failing_from

    def failing_since(self) -> datetime | None:
        """Since when Slack has taken nothing this process tried to send (``_failing_since``)."""
        with self._auth_lock:
            return None if self._failing_since is None else self._failing_since[0]

    def failing_for(self) -> tuple[datetime, timedelta] | None:
        """Since when (``clock``, to show) and for how long (``monotonic``, to judge by) Slack has
        taken nothing this process tried to send; None while it takes them."""
        with self._auth_lock:
            failing = self._failing_since
        if failing is None:
            return None
        return failing[0], timedelta(seconds=max(0.0, self.monotonic() - failing[1]))

    def delivered_since(self, at: datetime) -> bool:
        """Whether Slack took a message from this process at or after ``at`` (by ``clock``: ``at``
        is a row's due time, which the database keeps by that clock)."""
        with self._auth_lock:
            delivered = self._delivered_at
        return delivered is not None and delivered >= at

    def delivered_within(self, span: timedelta) -> bool:
        """Whether Slack took a message from this process in the last ``span`` (by ``monotonic``)."""
        with self._auth_lock:
            delivered = self._delivered_mono
        return delivered is not None and self.monotonic() - delivered <= span.total_seconds()

    def _slack_took_others_since(self, row: OutboxRow) -> bool:
        """Whether Slack took another message since this row came due for this attempt.

        If not, Slack is down or out of reach for everything (an outage, a proxy or firewall in
        the way) and the message is kept: counting those attempts, MAX_ATTEMPTS dropped every
        waiting message, approval requests included, after about 3.5 hours of retries.
        """
        return self.delivered_since(as_utc(row.next_attempt_at))

    def _parent_waits(self, row: OutboxRow, error: str) -> bool:
        """Whether a refused post is a thread parent to try again later rather than give up on."""
        if row.op != "post" or not row.payload.get(outbox.PARENT) or error not in PARENT_CHANNEL_ERRORS:
            return False
        return self.clock() - as_utc(row.created_at) < PARENT_GIVE_UP

    def _report(self, row: OutboxRow, reason: str, s: Session | None = None) -> bool:
        """Tell someone of ``row``'s failure, in ``s`` when given (the reporter keeps its writes
        in a savepoint there, so its own failure does not undo the recording). False when the
        database refused it in ``s`` (a deadlock with another replica's report): to be made again
        in a transaction of its own once ``s`` is committed."""
        if self.on_permanent_failure is None:
            return True
        try:
            self.on_permanent_failure(row, reason, s)
        except DBAPIError as e:
            if s is not None:
                # INFO: made again on its own right after the commit (a deadlock between replicas'
                # reports is the usual cause); only that failing too is the IT 担当's (ERROR below).
                log.info("could not report a failed delivery (outbox %s: %s) with its recording (%s); "
                         "trying again on its own", row.id, reason, type(e.orig).__name__)
                return False
            log.exception("could not report a failed delivery (outbox %s: %s)", row.id, reason)
        except Exception:
            log.exception("could not report a failed delivery (outbox %s: %s)", row.id, reason)
        return True

    def _call(self, job: _Job) -> tuple[str, str] | None:
        row = job.row
        # Keys starting with "_" are our bookkeeping, not Slack arguments.
        p = {k: v for k, v in row.payload.items() if not k.startswith("_")}
        if row.op == "post":
            if job.maybe_sent and (found := self._find_posted(job, p)) is not None:
                log.info("outbox %s was already in Slack (%s); not posting it twice", row.id, found[1])
                # Found by a look-up (conversations.history): no chat.postMessage was made, so it
                # says nothing of chat:write. Taken for proof, it ended a hold of chat:write: every
                # held message was let go, refused again, and a new hold logged a new ERROR.
                job.scopes = job.scopes - {"chat:write"}
                return found
            # The outbox id travels with the message, so a re-delivery can find it (see _find_posted).
            p["metadata"] = {"event_type": METADATA_EVENT, "event_payload": {"outbox_id": row.id}}
            p["channel"] = self._conversation(str(p["channel"]))
            # The look-up and the DM's opening above are calls too: the claim may have run short.
            with self._claimed(job):
                resp = self._api(self.client.chat_postMessage, **p)
            if not resp.get("channel") or not resp.get("ts"):
                # "ok" without saying where: perhaps posted, perhaps not. The retry looks for it
                # by its outbox id first, so it is neither lost nor posted twice.
                raise Transient("answer without channel or ts")
            if p.get("thread_ts") and isinstance(alone := row.payload.get(outbox.ALONE), dict):
                self._reword_if_alone(resp, alone)
            return str(resp["channel"]), str(resp["ts"])
        if row.op == "update":
            if job.location is None:
                raise Permanent(f"{NO_POSTED_MESSAGE} {row.message_key}")
            self._api(self.client.chat_update, channel=job.location[0], ts=job.location[1], **p)
            return None
        if row.op == "ephemeral":
            self._api(self.client.chat_postEphemeral, **p)
            return None
        if row.op == "publish_home":
            self._api(self.client.views_publish, **p)
            return None
        if row.op == "refresh_home":
            if self.render_home is None:
                raise Permanent("no App Home renderer configured")
            try:
                view = self.render_home(str(p["user_id"]))
            except Exception as e:  # e.g. the database is briefly unreachable: try again later
                raise Transient(f"could not render App Home: {type(e).__name__}") from e
            self._api(self.client.views_publish, user_id=p["user_id"], view=view)
            return None
        if row.op == "respond":
            self._respond(p["response_url"], p["body"])
            return None
        raise Permanent(f"unknown outbox op {row.op}")

    def _reword_if_alone(self, resp: Any, alone: dict[str, Any]) -> None:
        """A reply whose parent was deleted in the seconds before the bot heard of it: Slack posts
        it in the channel (its answer without thread_ts), where a bare 「対応を開始しました」 says
        nothing of what it is about. Reworded as a message of its own; if that fails, it stays."""
        message = resp.get("message")
        if not isinstance(message, dict) or message.get("thread_ts"):
            return
        # INFO: the parent was deleted by someone in Slack and the reply is mended here; nothing for
        # an IT 担当 to do (a WARNING each time taught them to skim past WARNING).
        log.info("a reply was posted in %s itself (%s): its thread's parent is gone; rewording it to stand alone",
                 resp["channel"], resp["ts"])
        try:
            self._api(self.client.chat_update, channel=str(resp["channel"]), ts=str(resp["ts"]), **alone)
        except Exception as e:  # the post itself went through: it must be recorded, not retried
            log.warning("could not reword the reply %s to stand alone: %s", resp["ts"], e)

    def _conversation(self, channel: str) -> str:
        """A DM addressed to a person goes to the conversation conversations.open gives for them.

        Slack also accepts a user id as ``channel``, but the documented way (and the one every
        Slack-compatible server implements) is to open the DM first; ids are cached per process.
        """
        if channel[:1] not in ("U", "W"):
            return channel
        with self._dm_lock:
            cached = self._dm_channels.get(channel)
        if cached:
            return cached
        opened = str(self._api(self.client.conversations_open, users=channel)["channel"]["id"])
        with self._dm_lock:
            self._dm_channels[channel] = opened
        return opened

    def _find_posted(self, job: _Job, p: dict[str, Any]) -> tuple[str, str] | None:
        """Look in the conversation for this row's message; None when absent or when Slack answers
        the look-up with an error; Transient when the look-up went unanswered or its answer broke off."""
        row = job.row
        try:
            channel = self._conversation(str(p["channel"]))
            if (ts := self._posted_in_pages(job, p, channel)) is not None:
                return channel, ts
        except (OSError, http.client.HTTPException) as e:
            # No answer, or one broken off: the post it looks for may well be there (its own answer
            # broke off the same way), and posting now would post it twice. Tried again later,
            # the look-up first.
            raise Transient(f"network: {type(e).__name__}: {e} (looking for an earlier attempt)") from e
        except SlackApiError as e:
            failure = _slack_failure(e)
            if isinstance(failure, Transient):
                # Not now (429, a 5xx, Slack's own trouble, no proper answer, the token): the post
                # may well be there, so it waits for a look-up that can answer, as above. Posting
                # sent it twice whenever a retried backlog met the look-up's rate limit.
                raise failure from e
            log.warning("could not check whether outbox %s was already posted (%s); posting it", row.id, e)
        except Permanent as e:
            log.warning("could not check whether outbox %s was already posted (%s); posting it", row.id, e)
        return None

    @contextlib.contextmanager
    def _page_turn(self, job: _Job) -> Iterator[None]:
        """The process's turn for a look-up page (_PAGE_TURN), with ``job``'s row held throughout.

        The turn may come only after other threads' pages, each up to the client's timeout, while
        the row's claim is sized for one call: it lapsed as the look-up waited, another delivery
        (the other replica) took the row and looked for it too, and the first one's look-up ended
        in Superseded, each turn wasted. The claim is renewed while the turn is waited for
        (_hold), and a row another delivery took meanwhile is looked for no further (Superseded);
        the turn comes with at least one call's time left on the claim."""
        while True:
            self._hold(job)
            if _PAGE_TURN.acquire(timeout=CALL_SLACK.total_seconds()):
                break
        try:
            yield
        finally:
            _PAGE_TURN.release()

    def _posted_in_pages(self, job: _Job, p: dict[str, Any], channel: str) -> str | None:
        """The ts of ``row``'s message among the thread's replies, or the conversation's messages
        since the row was written, looked through page by page; None when not there. A busy DM
        gets more new messages before a retry than one page holds (an approver of several
        accounts, a second replica sending), and a post missed is a post sent twice.

        Each page is asked for and looked through in the process's turn (_PAGE_TURN), and let go
        of before the next is asked for: one page in memory at a time (see _PAGE_TURN)."""
        row = job.row
        alone = None
        if p.get("thread_ts"):
            try:
                return self._posted_in_thread(job, p, channel)
            except SlackApiError as e:
                if error_code(e) != "thread_not_found":
                    raise
                # The parent is gone (deleted before the reply went): Slack put the reply in the
                # channel itself (see _reword_if_alone), and it is looked for there. Taken for
                # absent, a reply whose answer was lost was posted in the channel a second time.
                # Found there, it is reworded as its lost answer would have had it (「…さんが対応を
                # 開始しました」 says nothing there of which incident it is about).
                alone = row.payload.get(outbox.ALONE)
        # Newest first: each page ends where the next begins (by ts, which every Slack-compatible
        # server supports; Slack's cursor would do the same).
        oldest, latest = str(row.created_at.timestamp() - 60), None
        for _ in range(FIND_PAGES):
            with self._page_turn(job):
                resp = self.client.conversations_history(channel=channel, oldest=oldest, latest=latest, limit=200,
                                                         include_all_metadata=True)
                messages = resp.get("messages") or []
                message = _posted_message(row, messages)
                more = bool(resp.get("has_more")) and bool(messages)
                if more:
                    latest = min((str(m.get("ts") or "") for m in messages), key=lambda ts: float(ts or "inf"))
                del resp, messages
            if message is not None:
                if isinstance(alone, dict):  # its own call, the page's turn let go of
                    self._reword_if_alone({"channel": channel, "ts": message["ts"], "message": message}, alone)
                return str(message["ts"])
            if not more:
                return None
        log.warning("outbox %s: not found in the %d newest pages of %s; posting it", row.id, FIND_PAGES, channel)
        return None

    def _posted_in_thread(self, job: _Job, p: dict[str, Any], channel: str) -> str | None:
        """The ts of ``job``'s reply among the replies of its thread, page by page (see _posted_in_pages)."""
        cursor = None
        for _ in range(FIND_PAGES):
            with self._page_turn(job):
                resp = self.client.conversations_replies(channel=channel, ts=p["thread_ts"], limit=200,
                                                         include_all_metadata=True, cursor=cursor)
                if (found := _posted_ts(job.row, resp.get("messages") or [])) is not None:
                    return found
                cursor = (resp.get("response_metadata") or {}).get("next_cursor")
                more = bool(resp.get("has_more"))
                del resp
            if not more or not cursor:
                return None
        return None

    def _api(self, method: Callable[..., Any], **kwargs: Any) -> Any:
        posting = getattr(method, "__name__", "") == "chat_postMessage"
        try:
            return method(**kwargs)
        except SlackApiError as e:
            code = error_code(e)
            scope = SCOPE_OF.get(getattr(method, "__name__", ""))
            if code in INSTALL_ERRORS and scope is not None and e.response.status_code < 500:
                data = e.response.data if isinstance(e.response.data, dict) else {}
                if needed := str(data.get("needed") or ""):  # Slack names the scopes it wants
                    log.info("Slack refused %s (%s): it needs %s, the token has %s", method.__name__, code,
                             needed[:200], str(data.get("provided") or "")[:500])
                raise ScopeRefused(f"{SCOPE_REFUSED_PREFIX}{scope}: {code}", scope) from e
            failure = _slack_failure(e)
            if posting and e.response.status_code == 504 and isinstance(failure, Transient):
                raise PostUnanswered(str(failure)) from e
            raise failure from e
        except TimeoutError as e:
            raise (PostUnanswered if posting else Unanswered)(f"network: {type(e).__name__}: {e}") from e
        except ConnectionResetError as e:  # RemoteDisconnected too: the request was sent (else URLError)
            raise (PostUnanswered if posting else Transient)(f"network: {type(e).__name__}: {e}") from e
        except (OSError, http.client.HTTPException) as e:
            # HTTPException: the answer broke off (IncompleteRead) or was not HTTP; not an OSError.
            raise Transient(f"network: {type(e).__name__}: {e}") from e

    def _respond(self, url: str, body: dict[str, Any]) -> None:
        try:
            # Within the client's timeout, as the claim was checked for (_hold); the DNS look-up,
            # connection and answer included.
            post_to_response_url(url, body, timeout=float(self.client.timeout or 10), context=self.client.ssl)
        except urllib.error.HTTPError as e:
            if e.code == 429 or e.code >= 500:
                raise Transient(f"response_url answered {e.code}", retry_after_seconds(e.headers.get("Retry-After"))) from e
            # response_urls expire after 30 minutes; an expired one cannot be retried.
            raise Permanent(f"response_url answered {e.code}") from e
        except (OSError, http.client.HTTPException) as e:
            raise Transient(f"network: {type(e).__name__}: {e}") from e
