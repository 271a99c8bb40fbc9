"""Injected failures as the slack_sdk client experiences them."""

from __future__ import annotations

import socket
import threading
import time
import urllib.error

import pytest
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import RateLimitErrorRetryHandler

from bot.sandbox import LocalSlack


def test_rate_limit_surfaces_status_429_with_retry_after(client: WebClient, slack: LocalSlack) -> None:
    slack.inject("chat.postMessage", status=429, retry_after=7)
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C0INTAKE", text="x")
    assert excinfo.value.response.status_code == 429
    assert excinfo.value.response.headers["Retry-After"] == "7"
    assert excinfo.value.response["error"] == "ratelimited"
    assert slack.messages("C0INTAKE") == []
    [call] = slack.calls_of("chat.postMessage")
    assert call.fault is not None and call.status == 429 and not call.ok


def test_rate_limit_is_retried_by_slack_sdks_own_handler(slack: LocalSlack) -> None:
    slack.inject("chat.postMessage", status=429, retry_after=0)
    retrying = WebClient(
        token=slack.token, base_url=slack.api_url, retry_handlers=[RateLimitErrorRetryHandler()]
    )
    assert retrying.chat_postMessage(channel="C0INTAKE", text="x")["ok"]
    assert [c.status for c in slack.calls_of("chat.postMessage")] == [429, 200]
    assert len(slack.messages("C0INTAKE")) == 1


@pytest.mark.parametrize("status", [500, 503])
def test_server_errors(client: WebClient, slack: LocalSlack, status: int) -> None:
    slack.inject("chat.postMessage", status=status)
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C0INTAKE", text="x")
    assert excinfo.value.response.status_code == status
    assert client.chat_postMessage(channel="C0INTAKE", text="x")["ok"]  # the fault was used up


def test_ok_false_error_keeps_http_200(client: WebClient, slack: LocalSlack) -> None:
    slack.inject("chat.postMessage", error="channel_not_found")
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C0INTAKE", text="x")
    assert excinfo.value.response.status_code == 200
    assert excinfo.value.response["error"] == "channel_not_found"


def test_delay_makes_a_short_timeout_client_give_up_without_changing_state(slack: LocalSlack) -> None:
    # Held until the sandbox stops, not 1.0 s: a loaded host that woke the client's 0.2 s timeout late
    # would have had the 500 first, and the client would have heard an error answer, not a timeout.
    slack.inject("chat.postMessage", delay=3600)
    impatient = WebClient(token=slack.token, base_url=slack.api_url, timeout=0.2)  # type: ignore[arg-type]  # annotated int, passed to urllib as float
    with pytest.raises((TimeoutError, socket.timeout, urllib.error.URLError)):
        impatient.chat_postMessage(channel="C0INTAKE", text="x")
    assert slack.messages("C0INTAKE") == []
    assert slack.calls_of("chat.postMessage")[0].fault is not None


def test_applied_fault_posts_but_the_client_hears_an_error(client: WebClient, slack: LocalSlack) -> None:
    slack.inject("chat.postMessage", status=503, applied=True)
    with pytest.raises(SlackApiError):
        client.chat_postMessage(channel="C0INTAKE", text="届いたが応答なし")
    assert [m.text for m in slack.messages("C0INTAKE")] == ["届いたが応答なし"]


def test_times_and_wildcard(client: WebClient, slack: LocalSlack) -> None:
    slack.inject("*", status=500, times=2)
    for _ in range(2):
        with pytest.raises(SlackApiError):
            client.auth_test()
    assert client.auth_test()["ok"]
    assert slack.pending_faults() == []


def test_queued_faults_are_taken_in_the_order_injected_each_as_many_times_as_asked(
        client: WebClient, slack: LocalSlack) -> None:
    """Faults are queued with a count (one entry for times=10**6): each call takes the first one
    that applies to it, and what is left stays in order."""
    slack.inject("chat.postMessage", status=503, times=2)
    slack.inject("*", status=502, times=10**6)
    with pytest.raises(SlackApiError) as first:
        client.auth_test()  # passes over the chat.postMessage faults
    assert first.value.response.status_code == 502
    statuses = []
    for _ in range(3):
        with pytest.raises(SlackApiError) as excinfo:
            client.chat_postMessage(channel="C0INTAKE", text="x")
        statuses.append(excinfo.value.response.status_code)
    assert statuses == [503, 503, 502]
    assert [f.status for f in slack.pending_faults()[:1]] == [502]
    assert len(slack.pending_faults()) == 10**6 - 2


def test_faults_only_hit_their_method(client: WebClient, slack: LocalSlack) -> None:
    slack.inject("chat.update", status=500)
    assert client.chat_postMessage(channel="C0INTAKE", text="x")["ok"]
    assert len(slack.pending_faults()) == 1
    slack.clear_faults()
    assert slack.pending_faults() == []


def test_a_channel_fault_only_hits_that_conversation(client: WebClient, slack: LocalSlack) -> None:
    slack.inject("chat.postMessage", error="not_in_channel", channel="C0INTAKE")
    assert client.chat_postMessage(channel="C0ESCALATE", text="x")["ok"]
    with pytest.raises(SlackApiError) as excinfo:
        client.chat_postMessage(channel="C0INTAKE", text="y")
    assert excinfo.value.response["error"] == "not_in_channel"
    assert slack.pending_faults() == []


def test_a_counted_channel_fault_is_passed_over_by_other_conversations_without_using_it_up(
        client: WebClient, slack: LocalSlack) -> None:
    """A call for another conversation takes the general fault behind a channel's counted one and
    leaves the channel's count as it was: only the calls it applies to use it up."""
    slack.inject("chat.postMessage", error="not_in_channel", channel="C0INTAKE", times=2)
    slack.inject("chat.postMessage", status=503, times=2)
    errors = []
    for channel in ("C0ESCALATE", "C0INTAKE", "C0ESCALATE", "C0INTAKE"):
        with pytest.raises(SlackApiError) as excinfo:
            client.chat_postMessage(channel=channel, text="x")
        errors.append(excinfo.value.response["error"])
    assert errors == ["service_unavailable", "not_in_channel", "service_unavailable", "not_in_channel"]
    assert slack.pending_faults() == []
    assert client.chat_postMessage(channel="C0INTAKE", text="x")["ok"]


def test_a_counted_fault_fails_exactly_that_many_calls_made_at_once(slack: LocalSlack) -> None:
    slack.inject("auth.test", status=500, times=40)
    failed: list[int] = []

    def call() -> None:
        client = WebClient(token=slack.token, base_url=slack.api_url)
        for _ in range(10):
            try:
                client.auth_test()
            except SlackApiError:
                failed.append(1)

    threads = [threading.Thread(target=call) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(failed) == 40 and slack.pending_faults() == []


def test_stop_does_not_wait_for_a_pending_delay(slack: LocalSlack) -> None:
    # An hour's delay: a stop that waited for it would be stopped by pytest-timeout (the stop is
    # not timed here).
    slack.inject("auth.test", delay=3600)
    # No retry handlers: slack_sdk's own would try the refused connection below again after a pause.
    impatient = WebClient(token=slack.token, base_url=slack.api_url, timeout=0.2, retry_handlers=[])  # type: ignore[arg-type]  # annotated int, passed to urllib as float
    with pytest.raises((TimeoutError, socket.timeout, urllib.error.URLError)):
        impatient.auth_test()
    slack.stop()
    with pytest.raises(urllib.error.URLError):  # nothing answers there any more
        impatient.auth_test()


def test_a_held_answer_goes_out_when_released(slack: LocalSlack) -> None:
    # An hour's hold: an answer sent only at its end would be stopped by pytest-timeout.
    released = threading.Event()
    slack.inject("auth.test", status=200, delay=3600, released=released)
    patient = WebClient(token=slack.token, base_url=slack.api_url, timeout=3600)
    answers: list[bool] = []
    asking = threading.Thread(target=lambda: answers.append(bool(patient.auth_test()["ok"])))
    asking.start()
    slack.wait_for_call("auth.test", lambda c: c.fault is not None, timeout=30)
    assert answers == []  # made and recorded, its answer held
    released.set()
    asking.join(30)
    assert answers == [True]


def test_wait_for_wakes_when_a_call_arrives(client: WebClient, slack: LocalSlack) -> None:
    poster = threading.Timer(0.1, lambda: client.chat_postMessage(channel="U0MANAGER", text="決裁依頼"))
    poster.start()
    call = slack.wait_for_call("chat.postMessage", lambda c: c.params["channel"] == "U0MANAGER", timeout=30)
    assert call.response["channel"] == slack.dm_channel("U0MANAGER")
    messages = slack.wait_for(lambda: slack.messages("U0MANAGER"), timeout=30)
    assert messages[0].text == "決裁依頼"
    # The call is seen before its answer is read: on a loaded host the sandbox stopped under the
    # poster, whose retry then met a closed port (an exception in its thread, warned of in the next test).
    poster.join(30)
    assert not poster.is_alive()


def test_wait_for_notices_state_that_changes_without_a_call(slack: LocalSlack) -> None:
    """Tests wait for things Slack is never told about (an outbox row marked sent after its call):
    seen only at the deadline, such a wait used up its whole timeout, or failed on a slow machine.
    No call arrives here: the predicate turns true on its third look, which only a wait that
    looks again by itself gets to (a wait for calls only would sit until pytest-timeout)."""
    looks: list[int] = []

    def third_look() -> bool:
        looks.append(1)
        return len(looks) >= 3

    assert slack.wait_for(third_look, timeout=3600)
    assert len(looks) == 3


def test_wait_for_times_out_with_the_recent_calls(client: WebClient, slack: LocalSlack) -> None:
    client.auth_test()
    with pytest.raises(TimeoutError, match=r"auth\.test\(ok\)"):
        slack.wait_for(lambda: slack.calls_of("chat.postMessage"), timeout=0.1)


def test_concurrent_posts_get_unique_strictly_increasing_ts(slack: LocalSlack) -> None:
    results: list[tuple[float, str]] = []
    lock = threading.Lock()

    def post_many() -> None:
        worker = WebClient(token=slack.token, base_url=slack.api_url)
        for _ in range(15):
            ts = worker.chat_postMessage(channel="C0INTAKE", text="x")["ts"]
            with lock:
                results.append((time.monotonic(), ts))

    threads = [threading.Thread(target=post_many) for _ in range(12)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    stamps = [ts for _, ts in results]
    assert len(set(stamps)) == 180
    stored = [m.ts for m in slack.messages("C0INTAKE")]
    assert stored == sorted(stored, key=float) and len(stored) == 180
    recorded = [c.response["ts"] for c in slack.calls_of("chat.postMessage")]
    assert recorded == sorted(recorded, key=float)  # recording order is issuing order


def test_a_late_call_is_made_only_when_its_delay_ends(slack: LocalSlack) -> None:
    """``late``: Slack slow to do the work, not only to answer. A client that gave up finds nothing
    yet; the post appears when the delay ends, and the call is recorded then, answered ok."""
    released = threading.Event()
    slack.inject("chat.postMessage", delay=3600, late=True, released=released)
    impatient = WebClient(token=slack.token, base_url=slack.api_url, timeout=0.2, retry_handlers=[])  # type: ignore[arg-type]  # annotated int, passed to urllib as float
    with pytest.raises((TimeoutError, socket.timeout, urllib.error.URLError)):
        impatient.chat_postMessage(channel="C0INTAKE", text="遅れて届く")
    assert slack.messages("C0INTAKE") == [] and slack.calls_of("chat.postMessage") == []
    released.set()
    call = slack.wait_for_call("chat.postMessage", timeout=30)
    assert call.ok and call.fault is not None and call.fault.late
    assert [m.text for m in slack.messages("C0INTAKE")] == ["遅れて届く"]
    with pytest.raises(ValueError):
        slack.inject("chat.postMessage", late=True)  # a late call needs its delay
    with pytest.raises(ValueError):
        slack.inject("chat.postMessage", delay=1, error="internal_error", late=True)  # Slack's own answer is not late
    with pytest.raises(ValueError):
        slack.inject("chat.postMessage", delay=1, status=404, late=True)  # nor a refusal


@pytest.mark.parametrize("proxy", ["504", "dropped"])
def test_a_proxy_answers_at_once_for_a_call_made_late(slack: LocalSlack, proxy: str) -> None:
    """``late`` with a 5xx or ``dropped``: a proxy in front of a slow Slack answers 504 (or closes
    the connection) at once; the call is made, answered ok to nobody, when the delay ends."""
    released = threading.Event()
    slack.inject("chat.postMessage", delay=3600, late=True, released=released,
                 **({"status": 504} if proxy == "504" else {"dropped": True}))
    client = WebClient(token=slack.token, base_url=slack.api_url, timeout=30, retry_handlers=[])
    with pytest.raises((SlackApiError, ConnectionError)) as raised:
        client.chat_postMessage(channel="C0INTAKE", text="遅れて届く")
    if proxy == "504":
        assert isinstance(raised.value, SlackApiError) and raised.value.response.status_code == 504
    assert slack.messages("C0INTAKE") == []
    released.set()
    slack.wait_for(lambda: slack.calls_of("chat.postMessage", ok=True), timeout=30, message="the late call")
    assert [m.text for m in slack.messages("C0INTAKE")] == ["遅れて届く"]
