"""What a refused or failed Slack call means for the message it was made for (bot.slack_gateway):
read from Slack's answer alone, before anything is recorded."""

from __future__ import annotations

from typing import Any

import pytest
from slack_sdk.errors import SlackApiError
from slack_sdk.web import SlackResponse

from bot.slack_gateway import (
    DEFAULT_RETRY_AFTER,
    MAX_RETRY_AFTER,
    PAYLOAD_TOO_LARGE,
    UNREADABLE_RETRY_AFTER,
    AuthFailure,
    Permanent,
    RateLimited,
    Transient,
    _slack_failure,
    retry_after_seconds,
)


@pytest.mark.parametrize(("header", "seconds"), [
    ("30", 30.0), (" 2 ", 2.0),
    # Slack asking for no wait, or less than a second, is waited a second: retried at once, every
    # waiting message went again in the same pass and met the same 429.
    ("0", DEFAULT_RETRY_AFTER), ("0.2", DEFAULT_RETRY_AFTER), ("-5", DEFAULT_RETRY_AFTER),
    ("86400", MAX_RETRY_AFTER.total_seconds()), ("inf", MAX_RETRY_AFTER.total_seconds()),
    (None, UNREADABLE_RETRY_AFTER), ("", UNREADABLE_RETRY_AFTER), ("nan", UNREADABLE_RETRY_AFTER),
    ("Wed, 21 Oct 2026 07:28:00 GMT", UNREADABLE_RETRY_AFTER),
])
def test_a_retry_after_is_read_within_its_bounds(header: str | None, seconds: float) -> None:
    assert retry_after_seconds(header) == seconds


def refused(status: int, data: dict[str, Any], headers: dict[str, str] | None = None) -> SlackApiError:
    response = SlackResponse(client=None, http_verb="POST", api_url="https://slack.com/api/chat.postMessage",
                             req_args={}, data=data, headers=headers or {}, status_code=status)
    return SlackApiError("refused", response)


@pytest.mark.parametrize(("error", "kind", "said"), [
    (refused(413, {"ok": False, "error": "Received a response in a non-JSON format: "}), Permanent, PAYLOAD_TOO_LARGE),  # too large for any retry to help
    (refused(200, {"ok": False, "error": "ratelimited"}, {"Retry-After": "7"}), RateLimited, "rate limited (200)"),
    (refused(429, {"ok": False}, {"Retry-After": "7"}), RateLimited, "rate limited (429)"),
    (refused(200, {"ok": False, "error": "fatal_error"}), Transient, "Slack answered fatal_error"),
    (refused(503, {"ok": False, "error": "service_unavailable"}), Transient, "Slack answered 503"),
    (refused(200, {"ok": False, "error": "token_revoked"}), AuthFailure, "slack_auth: token_revoked"),
    (refused(200, {"ok": False, "error": "channel_not_found"}), Permanent, "channel_not_found"),
    (refused(502, {"ok": False, "error": "Received a response in a non-JSON format: <html>"}), Transient, "Slack answered 502"),
])
def test_what_slacks_refusal_means_for_the_message(error: SlackApiError, kind: type[Exception], said: str) -> None:
    """Slack's own trouble (fatal_error, a 5xx) and its 429 are retried, the token's refusal waits
    for a new token, what no retry can fix is given up at once."""
    failure = _slack_failure(error)
    assert type(failure) is kind and str(failure) == said
    if isinstance(failure, RateLimited):
        assert failure.retry_after == 7.0
