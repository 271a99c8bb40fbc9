"""The local Slack server's Socket Mode with several connections, as Slack allows an app."""

from __future__ import annotations

import threading
from collections.abc import Iterator

import pytest
from slack_sdk.socket_mode.builtin import SocketModeClient
from slack_sdk.socket_mode.request import SocketModeRequest
from slack_sdk.socket_mode.response import SocketModeResponse
from slack_sdk.web import WebClient

from bot.sandbox import LocalSlack


@pytest.fixture
def slack() -> Iterator[LocalSlack]:
    with LocalSlack() as s:
        yield s


def connect(slack: LocalSlack, name: str, seen: list[str]) -> SocketModeClient:
    client = SocketModeClient(app_token=slack.app_token, web_client=WebClient(token=slack.token,
                                                                               base_url=slack.api_url))
    lock = threading.Lock()

    def listener(c: SocketModeClient, req: SocketModeRequest) -> None:
        with lock:
            seen.append(f"{name}:{req.payload['n']}")
        c.send_socket_mode_response(SocketModeResponse(envelope_id=req.envelope_id))

    client.socket_mode_request_listeners.append(listener)
    client.connect()
    return client


def close_all(*clients: SocketModeClient) -> None:
    """Close the clients at once: SocketModeClient.close() waits for its receiving thread's read,
    which gives up after 3 s; one after the other, each test spent that wait once per client."""
    closing = [threading.Thread(target=c.close) for c in clients]
    for t in closing:
        t.start()
    for t in closing:
        t.join(10)


def test_envelopes_are_handed_to_the_connections_in_turn(slack: LocalSlack) -> None:
    seen: list[str] = []
    first = connect(slack, "a", seen)
    slack.wait_for_socket(connections=1)
    second = connect(slack, "b", seen)
    slack.wait_for_socket(connections=2)
    try:
        assert slack.socket_connections == 2
        for n in range(4):
            assert slack.socket_send("events_api", {"n": n}) is not None  # acknowledged
        assert sorted(seen) == ["a:0", "a:2", "b:1", "b:3"]
    finally:
        close_all(first, second)
    slack.wait_for(lambda: slack.socket_connections == 0, timeout=30, message="both closed")


def test_a_refresh_moves_one_connection_and_spares_the_other(slack: LocalSlack) -> None:
    seen: list[str] = []
    first = connect(slack, "a", seen)
    slack.wait_for_socket(connections=1)
    second = connect(slack, "b", seen)
    slack.wait_for_socket(connections=2)
    try:
        slack.refresh_socket()  # the oldest ("a") is asked to reconnect; it does, on a new socket
        slack.wait_for(lambda: slack.socket_connections == 2, timeout=30, message="a back")
        for n in range(2):
            assert slack.socket_send("events_api", {"n": n}) is not None
        assert {x.split(":")[0] for x in seen} == {"a", "b"}
    finally:
        close_all(first, second)


def test_sending_with_no_connection_is_an_error(slack: LocalSlack) -> None:
    with pytest.raises(RuntimeError, match="no app is connected"):
        slack.socket_send("events_api", {"n": 0})
