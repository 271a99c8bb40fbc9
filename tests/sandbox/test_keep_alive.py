"""bot.slack_http: Slack calls share a kept connection and fail exactly as slack_sdk's own client."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import struct
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.error import URLError

import pytest
from slack_sdk.errors import SlackApiError

from bot import slack_http
from bot.sandbox.server import LocalSlack
from bot.slack_http import KeepAliveWebClient
from tests.production.serveproc import refusing_port


@pytest.fixture
def slack() -> Iterator[LocalSlack]:
    s = LocalSlack().start()
    yield s
    s.stop()


_made: list[KeepAliveWebClient] = []


@pytest.fixture(autouse=True)
def _clients_closed() -> Iterator[None]:
    """Each client a test made closes its kept connections when the test ends: left open, each
    held a socket (CLOSE_WAIT once its Slack stopped) in a worker that runs hundreds more tests."""
    yield
    while _made:
        _made.pop().close()


def closed_after_test(client: KeepAliveWebClient) -> KeepAliveWebClient:
    _made.append(client)
    return client


def client_for(slack: LocalSlack, timeout: int = 5) -> KeepAliveWebClient:
    return closed_after_test(KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=timeout))


@contextlib.contextmanager
def timing_out(c: KeepAliveWebClient, seconds: int = 1) -> Iterator[None]:
    """A short timeout for the one call meant to exceed it; the calls meant to be answered keep the
    client's long one, since a loaded host took more than 1 s for a local answer (CI)."""
    kept, c.timeout = c.timeout, seconds
    try:
        yield
    finally:
        c.timeout = kept


def posted(slack: LocalSlack) -> list[str]:
    return [str(c.params.get("text")) for c in slack.calls if c.method == "chat.postMessage" and c.ok]


def test_calls_from_one_thread_share_one_connection(slack: LocalSlack) -> None:
    c = client_for(slack)
    for n in range(5):
        assert c.chat_postMessage(channel="C0INTAKE", text=f"お知らせ{n}")["ok"]
    assert c.connections_opened == 1
    assert posted(slack) == [f"お知らせ{n}" for n in range(5)]


def test_a_post_slack_answered_is_not_logged_as_a_broken_connection(
        slack: LocalSlack, caplog: pytest.LogCaptureFixture) -> None:
    """slack_sdk asks the retry handlers after every answer, a 200 OK too: each post Slack took was
    logged as 「a post whose connection broke after it was sent」, which sent anyone reading the log
    for a post sent twice looking at connections that never broke."""
    import logging

    c = client_for(slack)
    with caplog.at_level(logging.INFO, logger="bot.slack_http"), slack_http.call_deadline(0.1):
        assert c.chat_postMessage(channel="C0INTAKE", text="お知らせ")["ok"]
        assert c.conversations_history(channel="C0INTAKE")["ok"]
    assert not caplog.records


def test_each_thread_keeps_its_own_connection(slack: LocalSlack) -> None:
    c = client_for(slack)

    def post_twice(n: int) -> None:
        c.chat_postMessage(channel="C0INTAKE", text=f"a{n}")
        c.chat_postMessage(channel="C0INTAKE", text=f"b{n}")

    threads = [threading.Thread(target=post_twice, args=(n,)) for n in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert c.connections_opened == 3
    assert sorted(posted(slack)) == sorted([f"a{n}" for n in range(3)] + [f"b{n}" for n in range(3)])


def test_slacks_refusals_reach_the_caller_as_from_slack_sdk(slack: LocalSlack) -> None:
    """What slack_gateway reads: the status, Retry-After, Slack's error code, a body not Slack's."""
    c = client_for(slack)
    slack.inject("chat.postMessage", status=429, retry_after=7)
    with pytest.raises(SlackApiError) as e:
        c.chat_postMessage(channel="C0INTAKE", text="x")
    assert e.value.response.status_code == 429 and e.value.response.headers.get("Retry-After") == "7"
    slack.inject("chat.postMessage", status=503)
    with pytest.raises(SlackApiError) as e:
        c.chat_postMessage(channel="C0INTAKE", text="x")
    assert e.value.response.status_code == 503
    slack.inject("chat.postMessage", error="channel_not_found")
    with pytest.raises(SlackApiError) as e:
        c.chat_postMessage(channel="C0INTAKE", text="x")
    assert e.value.response["error"] == "channel_not_found"
    slack.inject("chat.postMessage", status=502, body="<html>Bad Gateway</html>")
    with pytest.raises(SlackApiError) as e:
        c.chat_postMessage(channel="C0INTAKE", text="x")
    assert e.value.response.status_code == 502
    # Answers, even refusals, leave the connection usable.
    assert c.chat_postMessage(channel="C0INTAKE", text="届きました")["ok"]
    assert c.connections_opened == 1
    assert posted(slack) == ["届きました"]


def test_a_call_that_times_out_drops_its_connection(slack: LocalSlack) -> None:
    c = client_for(slack, timeout=30)
    assert c.chat_postMessage(channel="C0INTAKE", text="一通目")["ok"]
    slack.inject("chat.postMessage", delay=3600)  # answered, late, only when the sandbox stops
    with timing_out(c), pytest.raises(TimeoutError):
        c.chat_postMessage(channel="C0INTAKE", text="遅い")
    # The late answer to that call must not be read as the answer to the next one.
    assert c.chat_postMessage(channel="C0INTAKE", text="三通目")["message"]["text"] == "三通目"
    assert c.connections_opened == 2


def test_a_connection_idle_too_long_is_not_reused(slack: LocalSlack, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(slack_http, "IDLE_REUSE_SECONDS", 0.0)
    c = client_for(slack)
    for n in range(3):
        c.chat_postMessage(channel="C0INTAKE", text=f"{n}")
    assert c.connections_opened == 3


def test_a_kept_connection_the_server_closed_is_replaced_and_the_call_made_once() -> None:
    """A server drops idle connections in its own time: the next call sees it closed and opens a
    new connection. (Sent on it, the post would fail after it left, and a post is not retried at
    once then, in case the server had made it: the outbox looks for it first.)"""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    requests: list[bytes] = []
    closed = threading.Event()

    def serve() -> None:
        for closes_after_answer in (True, False):
            conn, _ = listener.accept()
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                head, _, rest = data.partition(b"\r\n\r\n")
                length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n")
                              if line.lower().startswith(b"content-length"))
                while len(rest) < length:
                    rest += conn.recv(65536)
                requests.append(rest)
                body = b'{"ok": true, "channel": "C0INTAKE", "ts": "1.2"}'
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                             b"Content-Length: " + str(len(body)).encode() + b"\r\n\r\n" + body)
                if not closes_after_answer:
                    conn.recv(1)  # wait for the client to hang up
            closed.set()

    server = threading.Thread(target=serve, daemon=True)
    server.start()
    c = closed_after_test(KeepAliveWebClient(token="xoxb-test", base_url=f"http://127.0.0.1:{port}/api/", timeout=5))
    assert c.chat_postMessage(channel="C0INTAKE", text="一通目")["ok"]
    assert closed.wait(5)
    assert c.chat_postMessage(channel="C0INTAKE", text="二通目")["ok"]
    c.close()
    server.join(timeout=5)
    listener.close()
    assert [json.loads(r)["text"] for r in requests] == ["一通目", "二通目"]
    assert c.connections_opened == 2


def _read_request(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536)
    head, _, rest = data.partition(b"\r\n\r\n")
    length = next(int(line.split(b":")[1]) for line in head.split(b"\r\n") if line.lower().startswith(b"content-length"))
    while len(rest) < length:
        rest += conn.recv(65536)
    return rest


def test_a_kept_connection_the_server_half_closed_is_not_used_for_a_post() -> None:
    """The server said it is done with the connection (its FIN arrived) but still reads: a post
    sent on it would leave and get no answer, and is not retried at once (it may have been made).
    The closed connection is noticed before sending and the post goes on a new one."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    made: list[str] = []
    half_closed = threading.Event()
    answer = b'{"ok": true, "channel": "C0INTAKE", "ts": "1.2"}'
    reply = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
             b"Content-Length: " + str(len(answer)).encode() + b"\r\n\r\n" + answer)

    def serve() -> None:
        first, _ = listener.accept()
        made.append(json.loads(_read_request(first))["text"])
        first.sendall(reply)
        first.shutdown(socket.SHUT_WR)
        half_closed.set()
        second, _ = listener.accept()
        with first, second:
            made.append(json.loads(_read_request(second))["text"])
            second.sendall(reply)
            second.recv(1)

    server = threading.Thread(target=serve, daemon=True)
    server.start()
    c = closed_after_test(KeepAliveWebClient(token="xoxb-test", base_url=f"http://127.0.0.1:{port}/api/", timeout=5))
    assert c.chat_postMessage(channel="C0INTAKE", text="一通目")["ok"]
    assert half_closed.wait(5)
    assert c.chat_postMessage(channel="C0INTAKE", text="二通目")["ok"]
    c.close()
    server.join(timeout=5)
    listener.close()
    assert made == ["一通目", "二通目"]
    assert c.connections_opened == 2


def _closed_port() -> int:
    with socket.create_server(("127.0.0.1", 0)) as s:
        return int(s.getsockname()[1])


@pytest.fixture
def refused() -> Iterator[int]:
    with refusing_port() as port:
        yield port


@pytest.mark.parametrize(("deadline", "attempts"), [(None, 2), (60.0, 2), (3.0, 1)])
def test_a_call_whose_connection_failed_is_tried_again_only_if_it_can_end_in_time(
        deadline: float | None, attempts: int, refused: int) -> None:
    """slack_sdk tries a call whose connection failed once more. Within call_deadline (the outbox's
    claim on the message) only when the wait and a whole second attempt (timeout 5 s) end before it."""
    c = closed_after_test(KeepAliveWebClient(token="xoxb-test", base_url=f"http://127.0.0.1:{refused}/api/", timeout=5))
    with contextlib.ExitStack() as stack:
        if deadline is not None:
            stack.enter_context(slack_http.call_deadline(deadline))
        with pytest.raises(URLError):
            c.chat_postMessage(channel="C0INTAKE", text="お知らせ")
    assert c.connections_opened == attempts


def test_a_deadline_ends_with_its_block(refused: int) -> None:
    c = closed_after_test(KeepAliveWebClient(token="xoxb-test", base_url=f"http://127.0.0.1:{refused}/api/", timeout=5))
    with slack_http.call_deadline(60.0):
        with slack_http.call_deadline(1.0):
            pass
        with pytest.raises(URLError):  # the outer block's deadline again, not the inner one's
            c.chat_postMessage(channel="C0INTAKE", text="お知らせ")
    assert c.connections_opened == 2


def test_behind_a_proxy_calls_go_through_urllib(slack: LocalSlack, monkeypatch: pytest.MonkeyPatch) -> None:
    """The proxy (here the local server itself, which answers absolute URLs) sees every call."""
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("http_proxy", slack.api_url.removesuffix("/api/"))
    c = client_for(slack)
    assert c.chat_postMessage(channel="C0INTAKE", text="経由")["ok"]
    assert c.connections_opened == 0
    assert posted(slack) == ["経由"]



@pytest.mark.parametrize("variable", ["HTTPS_PROXY", "http_proxy"])
def test_no_proxy_naming_slacks_host_connects_directly_and_keeps_the_connection(
        slack: LocalSlack, monkeypatch: pytest.MonkeyPatch, variable: str) -> None:
    """operations.md: with Slack's host in NO_PROXY, calls go straight to Slack on kept connections.
    slack_sdk copies HTTPS_PROXY (…) into the client's proxy, and a client with a proxy sent every
    call through urllib: urllib did go around the proxy (here one that is not there), but on a new
    connection each time, TCP and TLS handshakes and all, for every DM of a reminder run."""
    for name in ("HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "no_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv(variable, f"http://127.0.0.1:{_closed_port()}")
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    c = client_for(slack)
    assert c.chat_postMessage(channel="C0INTAKE", text="直接")["ok"]
    assert c.chat_postMessage(channel="C0INTAKE", text="直接")["ok"]
    assert c.connections_opened == 1
    assert posted(slack) == ["直接", "直接"]


def test_a_kept_connection_reset_by_a_killed_client_is_not_reported_as_an_error(
        slack: LocalSlack, capfd: pytest.CaptureFixture[str]) -> None:
    host, port = slack.api_url.removeprefix("http://").split("/")[0].split(":")
    for _ in range(3):
        c = socket.create_connection((host, int(port)))
        c.sendall(b"POST /api/chat.postMessage HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
        c.recv(65536)
        # A killed process's socket: closed with a reset, as the kernel does when it dies mid-connection.
        c.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        c.close()
    assert client_for(slack).chat_postMessage(channel="C0INTAKE", text="届きます")["ok"]
    slack.stop()  # waits for the handler threads: each reset has been met (and any traceback written)
    assert "Traceback" not in capfd.readouterr().err


def _open_sockets() -> set[str]:
    """The inodes of the sockets this process has open."""
    held = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):  # closed while listed
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("socket:["):
                held.add(target[8:-1])
    return held


def _server_and_clients(port: int) -> tuple[set[str], set[str]]:
    """The inodes of the sockets of the server on 127.0.0.1:``port`` and of its clients in this
    process, while they are open: its listening socket, the connections it accepted, and the
    clients' ends of these connections (paired by address).

    Counted by port number alone, a socket of an earlier test's was taken for this server's: a
    client of a local Slack stopped earlier, kept open in CLOSE_WAIT by a sending thread still
    alive, is connected to a port number that is free again a minute later (tcp_fin_timeout),
    and a new server here may get that number (in the whole suite, after the minutes of
    tests/rules, now and then: one socket counted)."""
    rows = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for line in Path(table).read_text().splitlines()[1:]:
                f = line.split()
                rows.append((f[1], f[2], f[3], f[9]))  # local, remote ("0100007F:1F90"), state, inode
    held = _open_sockets()
    server = f"0100007F:{port:04X}"  # 127.0.0.1, as /proc writes it (on a little-endian machine)
    accepted = [(local, remote, inode) for local, remote, _, inode in rows if local == server and inode in held]
    peers = {remote for _, remote, _ in accepted}
    clients = {inode for local, remote, _, inode in rows if remote == server and local in peers and inode in held}
    return {inode for _, _, inode in accepted}, clients


def sockets_of(port: int) -> set[str]:
    """The sockets of the server on 127.0.0.1:``port`` and of its clients here (_server_and_clients)."""
    server, clients = _server_and_clients(port)
    return server | clients


def stale_client() -> tuple[socket.socket, int]:
    """A client of a server that stopped while the client kept its connection (CLOSE_WAIT), as an
    earlier test's sending thread leaves one, and the port number that server listened on."""
    with socket.create_server(("127.0.0.1", 0)) as gone:
        port = int(gone.getsockname()[1])
        client = socket.create_connection(("127.0.0.1", port))
        end, _ = gone.accept()
        end.close()
    return client, port


def post_and_stay(c: KeepAliveWebClient, posted: threading.Barrier, done: threading.Event) -> None:
    c.chat_postMessage(channel="C0INTAKE", text="x")
    posted.wait(10)
    # Alive until counted: the connection of a thread that ended was closed by the next one's call.
    done.wait(10)


@pytest.mark.skipif(not os.path.isdir("/proc/self/fd"), reason="counts open files in /proc")
@pytest.mark.parametrize("beside_a_stale_client", [False, True])
def test_stopping_closes_every_threads_kept_connection_on_both_ends(beside_a_stale_client: bool) -> None:
    """Kept connections must not outlive what used them: the test suite starts a local Slack and
    a bot for each test, and leaked ones ran the process out of files. (Beside a stale client of
    an earlier server on the same port number: what the whole suite met, not this server's.)"""
    stale, port = stale_client() if beside_a_stale_client else (None, 0)
    created: set[str] = set()
    try:
        for _ in range(5):
            slack = LocalSlack(port=port).start()
            port = 0
            c = client_for(slack)
            posted, done = threading.Barrier(5), threading.Event()
            threads = [threading.Thread(target=post_and_stay, args=(c, posted, done)) for _ in range(4)]
            for t in threads:
                t.start()
            try:
                posted.wait(10)
                assert c.connections_opened == 4
                ours = sockets_of(slack.port)
                assert len(ours) == 1 + 2 * 4  # the listening socket, and both ends of each kept connection
                created |= ours
            finally:
                done.set()
                for t in threads:
                    t.join()
            c.close()
            slack.stop()
        assert created & _open_sockets() == set()
    finally:
        if stale is not None:
            stale.close()


def sockets_to(port: int) -> int:
    """Sockets of this process connected to the server on ``port`` (the calling side of each connection)."""
    return len(_server_and_clients(port)[1])


@pytest.mark.skipif(not os.path.exists("/proc/self/net/tcp"), reason="reads the sockets in /proc")
@pytest.mark.parametrize("beside_a_stale_client", [False, True])
def test_the_connection_of_a_thread_that_ended_is_closed(beside_a_stale_client: bool) -> None:
    """serve runs for months, and some of its Slack calls come from a thread that then ends (the
    escalation members' check, once a business day): each such thread's kept connection stayed
    open for the life of the process, one more open file a day until it ran out of them. (Beside
    a stale client of an earlier server on the same port number, which is not this server's.)"""
    stale, port = stale_client() if beside_a_stale_client else (None, 0)
    slack = LocalSlack(port=port).start()
    try:
        c = client_for(slack)
        for n in range(20):
            t = threading.Thread(target=c.chat_postMessage, kwargs={"channel": "C0INTAKE", "text": f"確認{n}"})
            t.start()
            t.join()
        assert c.chat_postMessage(channel="C0INTAKE", text="続けて")["ok"]  # this thread's goes on being kept
        assert c.connections_opened == 21
        assert sockets_to(slack.port) == 1  # this thread's: the ended threads' were closed as it made its own
        assert c.chat_postMessage(channel="C0INTAKE", text="もう一度")["ok"]
        assert c.connections_opened == 21
        c.close()
    finally:
        slack.stop()
        if stale is not None:
            stale.close()


def test_an_answer_trickling_in_past_the_timeout_is_cut_off(slack: LocalSlack) -> None:
    """Each byte within the socket's timeout, the answer far beyond it (a broken proxy): the call
    held the outbox's delivery pass, and its claim on the message, for as long as it dripped."""
    c = client_for(slack, timeout=30)
    slack.inject("chat.postMessage", drip=0.3)  # about 200 bytes: a minute
    with timing_out(c), pytest.raises(TimeoutError):
        c.chat_postMessage(channel="C0INTAKE", text="ゆっくり")
    assert c.chat_postMessage(channel="C0INTAKE", text="次の通知")["message"]["text"] == "次の通知"
    assert c.connections_opened == 2


@pytest.mark.parametrize("how", ["environment", "argument"])
def test_an_answer_trickling_in_through_a_proxy_is_cut_off_too(
        slack: LocalSlack, monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    """Behind HTTPS_PROXY (usual in a municipal network) calls go through urllib, which the cut-off
    did not reach: a dripping answer held the call, the delivery pass and the message's claim for
    as long as it dripped, the very case (a broken proxy) the cut-off is for."""
    for name in ("no_proxy", "NO_PROXY"):
        monkeypatch.delenv(name, raising=False)
    proxy = slack.api_url.removesuffix("/api/")
    if how == "environment":
        monkeypatch.setenv("http_proxy", proxy)
        c = client_for(slack, timeout=30)
    else:
        c = closed_after_test(KeepAliveWebClient(token=slack.token, base_url=slack.api_url, timeout=30, proxy=proxy))
    slack.inject("chat.postMessage", drip=0.3)  # about 200 bytes: a minute
    with timing_out(c), pytest.raises(TimeoutError):
        c.chat_postMessage(channel="C0INTAKE", text="ゆっくり")
    assert c.chat_postMessage(channel="C0INTAKE", text="次の通知")["message"]["text"] == "次の通知"
    slack.inject("chat.postMessage", status=500)
    with pytest.raises(SlackApiError) as refused:
        c.chat_postMessage(channel="C0INTAKE", text="断られる")
    assert refused.value.response.status_code == 500
    assert c.connections_opened == 0


def test_connections_are_kept_in_a_process_with_many_files_open(slack: LocalSlack) -> None:
    """select() cannot watch a descriptor numbered 1024 or more (ValueError): once the process had
    that many files and sockets open, every kept connection was taken for closed by the server and
    each call paid a new connection and TLS handshake again, without a word."""
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard != resource.RLIM_INFINITY and hard < 1200:
        pytest.skip("cannot open 1,100 files here")
    resource.setrlimit(resource.RLIMIT_NOFILE, (max(soft, 1200) if hard == resource.RLIM_INFINITY
                                                else min(max(soft, 1200), hard), hard))
    held = [os.open(os.devnull, os.O_RDONLY) for _ in range(1100)]
    try:
        c = client_for(slack)
        for text in ("一通目", "二通目", "三通目"):
            assert c.chat_postMessage(channel="C0INTAKE", text=text)["ok"]
        c.close()
    finally:
        for fd in held:
            os.close(fd)
        resource.setrlimit(resource.RLIMIT_NOFILE, (soft, hard))
    assert c.connections_opened == 1


def test_a_resolver_that_does_not_answer_is_bounded_by_the_calls_timeout_too(
        slack: LocalSlack, monkeypatch: pytest.MonkeyPatch) -> None:
    """The DNS look-up of Slack's host came before the deadline's watch could start (connect, TLS and
    the answer are watched): a resolver that did not answer (a DNS server gone, a firewall dropping
    port 53; glibc waits timeout × attempts × servers) held the call, the delivery pass and the
    message's claim for as long as it took. The call now fails at its timeout, the look-up left to
    finish in the background, and a later call uses what it finds."""
    host = "kessai-slack.test"
    answer = threading.Event()
    answered: list[bool] = []
    real = socket.getaddrinfo

    def resolver(name: Any, port: Any, *args: Any, **kwargs: Any) -> Any:
        if name == host:
            # Answers once the test says so, or gives up by itself (as glibc would, much later)
            answered.append(answer.wait(10))
            return real("127.0.0.1", port, *args, **kwargs)
        return real(name, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolver)
    c = closed_after_test(KeepAliveWebClient(token=slack.token, base_url=slack.api_url.replace("127.0.0.1", host), timeout=30))
    try:
        with timing_out(c), pytest.raises(TimeoutError):
            c.chat_postMessage(channel="C0INTAKE", text="名前が引けない")
    finally:
        answer.set()  # only now: the call above did not wait for the look-up
    assert c.chat_postMessage(channel="C0INTAKE", text="次の通知")["ok"]
    assert posted(slack) == ["次の通知"]
    assert answered and all(answered)  # no look-up had to give up for the call to end


def test_a_look_up_given_up_is_a_cut_call_whichever_of_it_and_the_watchdog_comes_first() -> None:
    """The look-up gives up at the instant the watchdog cuts the call; when it won that race
    (1–3 % of hung look-ups), the watchdog had nothing to cut and the call ended as a request that
    could not be sent (URLError), which slack_sdk retries with a whole new timeout on the same hung
    look-up. Both the direct form and urllib's wrapping of it (the proxy's path) count as a cut."""
    from urllib.error import URLError

    from bot.slack_http import _looked_up_too_late, _LookUpTooLate

    late = _LookUpTooLate("the address of slack.com could not be looked up in time")
    assert isinstance(late, TimeoutError)
    assert _looked_up_too_late(late) and _looked_up_too_late(URLError(late))
    assert not _looked_up_too_late(URLError(ConnectionRefusedError())) and not _looked_up_too_late(TimeoutError())
