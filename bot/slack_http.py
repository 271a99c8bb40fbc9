"""A Slack Web API client that keeps its connections open between calls.

slack_sdk's WebClient opens a new connection for every call (urllib). Over the internet that is a
TCP and a TLS handshake each time, several round trips to Slack before the call itself; the bot
makes several calls per draft (the approver's DM, the thread's check results and status, App
Homes) and the reminder sweep dozens in a row. Here each thread keeps one connection per host and
reuses it while it is fresh.

Everything else is slack_sdk's: building the request, parsing the answer, SlackApiError, rate
limits, and its retry of a call whose connection failed (ConnectionErrorRetryHandler, here bounded
by the caller's ``call_deadline``), which also covers a kept connection that the server closed
meanwhile. Errors are raised as urllib raises them (HTTPError for an HTTP error status, URLError
when the request could not be sent), so that retry and slack_gateway's error handling see exactly
what they see with the stock client.

Behind a proxy (``HTTPS_PROXY`` / ``HTTP_PROXY``, unless ``NO_PROXY`` names Slack's host), calls
go through urllib as before, one connection each: the proxy, its authentication and its tunnel
stay urllib's business (only its connections are watched, so that an answer trickling in is cut
off there too).
"""

from __future__ import annotations

import contextlib
import heapq
import http.client
import io
import ipaddress
import itertools
import json
import logging
import select
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Iterator
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit

from slack_sdk import WebClient
from slack_sdk.http_retry import ConnectionErrorRetryHandler, HttpRequest, HttpResponse, RetryState
from slack_sdk.http_retry.builtin_interval_calculators import FixedValueRetryIntervalCalculator

log = logging.getLogger(__name__)

# A connection idle longer than this is closed rather than reused: servers and middleboxes drop
# idle connections after a while (commonly 60 s or more), and a request sent on a connection the
# other end has just dropped fails (slack_sdk then retries it once, on a new connection).
IDLE_REUSE_SECONDS = 20.0
# The wait before a call whose connection failed is tried again; fixed (slack_sdk's default adds
# up to a second of jitter) so that the time a retry can take is known (call_deadline).
RETRY_WAIT_SECONDS = 0.5

# The most of an answer that is read. Slack's answers to what kessai asks are small (a message
# posted comes back whole, well under a megabyte even at Slack's limits); the largest are the pages
# of conversations.history / replies that look for a post before it is made again: 200 messages,
# a 3,000-character draft about 36 KB of JSON each, so some 7 MB at worst in practice. A proxy or
# broken edge answering without end (a gigabyte) was held in memory whole, once per sending thread.
# The page cap is not lower: Slack keeps messages of up to 40,000 characters (about 450 KB of JSON
# each, its text twice, non-ASCII escaped), and a page refused leaves its post waiting for a
# look-up that cannot end (in the end given up and reported, not sent). The outbox asks for one
# page at a time in the process instead (slack_gateway._PAGE_TURN).
MAX_ANSWER_BYTES = 8 * 2**20
MAX_PAGE_BYTES = 64 * 2**20
PAGE_METHODS = frozenset({"conversations.history", "conversations.replies"})


class AnswerTooLong(http.client.HTTPException):
    """An answer longer than Slack sends (MAX_ANSWER_BYTES): the call failed, as one whose answer broke
    off does (not retried at once by slack_sdk; a post is looked for before it is made again)."""


def _answer_limit(url: str) -> int:
    return MAX_PAGE_BYTES if urlsplit(url).path.rsplit("/", 1)[-1] in PAGE_METHODS else MAX_ANSWER_BYTES


def _read_capped(resp: Any, limit: int) -> bytes:
    """The answer's body, or AnswerTooLong past ``limit`` bytes (without reading more than that)."""
    declared = (resp.headers.get("Content-Length") or "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise AnswerTooLong(f"Slack's answer is {int(declared)} bytes long, more than the {limit} read")
    chunks: list[bytes] = []
    total = 0
    while chunk := resp.read(min(1 << 16, limit + 1 - total)):
        chunks.append(chunk)
        total += len(chunk)
        if total > limit:
            raise AnswerTooLong(f"Slack's answer goes on past the {limit} bytes read")
    body = b"".join(chunks)
    if declared.isdigit() and total < int(declared):
        # As read() without a size says it (a read of a size ends short without a word).
        raise http.client.IncompleteRead(body, int(declared) - total)
    return body


_deadline = threading.local()


@contextmanager
def call_deadline(seconds: float) -> Iterator[None]:
    """The calls this thread makes in the block must end within ``seconds``.

    The outbox holds a message for a limited time (its claim) and starts a call only with the
    client's timeout left. slack_sdk tries a call whose connection failed once more, which can
    double that (a connect timeout, the wait, a whole second attempt); meanwhile the claim may
    lapse and another replica post the message, and the retry would post it again. Within the
    block, the retry is made only if it can end in time; else the call fails and the outbox tries
    again later, looking first for what may have reached Slack.

    Within an enclosing block the earlier deadline holds (a cron run's budget around a message's claim).
    """
    previous = getattr(_deadline, "at", None)
    at = time.monotonic() + seconds
    _deadline.at = at if previous is None else min(previous, at)
    try:
        yield
    finally:
        _deadline.at = previous


# Calls that, made twice, do twice: RemoteDisconnected or a reset after the request was sent may
# follow Slack (or a proxy) having made the call, and an immediate retry posted the message again
# without looking for it. The outbox tries such a post again later, looking for it first
# (slack_gateway._find_posted). A request that could not be sent (URLError) is still retried.
NOT_REPEATABLE = frozenset({"chat.postMessage"})


class DeadlineConnectionRetry(ConnectionErrorRetryHandler):
    """slack_sdk's retry of a call whose connection failed (once), unless it could end after
    the caller's ``call_deadline``, or a post may have been made (NOT_REPEATABLE)."""

    def __init__(self, timeout: float) -> None:
        super().__init__(max_retry_count=1,
                         interval_calculator=FixedValueRetryIntervalCalculator(RETRY_WAIT_SECONDS))
        self.timeout = timeout

    def _can_retry(self, *, state: RetryState, request: HttpRequest, response: HttpResponse | None = None,
                   error: Exception | None = None) -> bool:
        if error is None:
            # slack_sdk asks after every answer too (a 200 OK: error None): nothing broke. Let
            # through, every post logged that its connection broke, and the deadline's line below
            # came with answers that arrived in time.
            return False
        if not isinstance(error, URLError) and urlsplit(request.url).path.rsplit("/", 1)[-1] in NOT_REPEATABLE:
            log.info("a post whose connection broke after it was sent is not sent again at once: Slack may "
                     "have made it (the outbox looks for it before trying again)")
            return False
        at = getattr(_deadline, "at", None)
        if at is not None and time.monotonic() + RETRY_WAIT_SECONDS + self.timeout > at:
            log.info("a Slack call whose connection failed is not tried again at once: another attempt could "
                     "outlast the message's claim (the outbox tries it again later)")
            return False
        return super()._can_retry(state=state, request=request, response=response, error=error)


@dataclass(eq=False)
class _Armed:
    # The connection's socket (kept: urllib lets go of it once the answer begins); None until
    # urllib's connection is made (_Watched*Connection).
    sock: socket.socket | None
    at: float
    done: bool = False
    cut: bool = False


class _Watchdog:
    """Cuts the connections of answers still being read at their deadline. One thread for the
    process: a timer thread per call cost about 0.14 ms each, several times per draft."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._heap: list[tuple[float, int, _Armed]] = []
        self._seq = itertools.count()
        self._thread: threading.Thread | None = None

    def arm(self, seconds: float, sock: socket.socket | None) -> _Armed:
        armed = _Armed(sock, time.monotonic() + seconds)
        with self._cond:
            heapq.heappush(self._heap, (armed.at, next(self._seq), armed))
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="kessai-slack-watchdog", daemon=True)
                self._thread.start()
            if self._heap[0][2] is armed:
                self._cond.notify()
        return armed

    def attach(self, armed: _Armed, sock: socket.socket) -> None:
        """The connection urllib made for an armed call; cut at once if its deadline passed meanwhile."""
        with self._cond:
            armed.sock = sock
            cut = armed.cut
        if cut:
            _cut(sock)

    def disarm(self, armed: _Armed) -> bool:
        """Whether the connection was cut (the answer took too long)."""
        with self._cond:
            armed.done = True
            return armed.cut

    def _run(self) -> None:
        while True:
            with self._cond:
                while True:
                    if not self._heap:
                        self._cond.wait()
                        continue
                    at, _, armed = self._heap[0]
                    if armed.done:
                        heapq.heappop(self._heap)
                        continue
                    if (left := at - time.monotonic()) > 0:
                        self._cond.wait(left)
                        continue
                    heapq.heappop(self._heap)
                    armed.done = armed.cut = True
                    break
            if armed.sock is not None:
                _cut(armed.sock)


def _cut(sock: socket.socket) -> None:
    # socket.socket's shutdown, not SSLSocket's: that one first drops the TLS state, and a read
    # starting in between would take the encrypted bytes for the answer.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


_WATCHDOG = _Watchdog()
# The armed call of this thread going through urllib (behind a proxy): its connection, made
# inside urllib, is handed to the watchdog as it is made.
_watching = threading.local()


# The look-ups of host names under way, each awaited by every call that needs it: a resolver that
# does not answer holds one thread per name, not one per call made meanwhile.
_resolving: dict[tuple[str, int], Future[list[Any]]] = {}
_resolving_lock = threading.Lock()


class _LookUpTooLate(TimeoutError):
    """The address look-up outlasted the call's deadline.

    It gives up at the very instant the watchdog cuts the call, and when it wins that race the
    watchdog has nothing to cut: the call must still end as a cut one (TimeoutError), not as a
    request that could not be sent (URLError), which slack_sdk retries with a whole new timeout
    waiting on the same look-up."""


def _looked_up_too_late(error: BaseException) -> bool:
    # urllib (the proxy's path) wraps it as a URLError's reason.
    return isinstance(error, _LookUpTooLate) or isinstance(getattr(error, "reason", None), _LookUpTooLate)


def _resolve_in_time(host: str, port: int, armed: _Armed) -> list[Any]:
    """socket.getaddrinfo for a connection, given up at the armed call's deadline (TimeoutError).

    getaddrinfo cannot be interrupted, and a resolver that does not answer (a DNS server gone, a
    firewall dropping its packets) makes it wait its retries over every server, a minute or more:
    the call, its delivery pass and its message's claim waited with it, whatever the deadline.
    So it runs in a thread of its own, left to finish in the background; a later call takes its
    answer. An address needs no look-up, and none is started for it."""
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        pass
    else:
        return socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)
    key = (host, port)
    with _resolving_lock:
        if (pending := _resolving.get(key)) is None:
            pending = _resolving[key] = Future()
            threading.Thread(target=_resolve, args=(key, pending), name="kessai-slack-resolve", daemon=True).start()
    try:
        return pending.result(timeout=max(0.0, armed.at - time.monotonic()))
    except FutureTimeout:
        raise _LookUpTooLate(f"the address of {host} could not be looked up in time") from None


def _resolve(key: tuple[str, int], pending: Future[list[Any]]) -> None:
    try:
        infos = socket.getaddrinfo(key[0], key[1], 0, socket.SOCK_STREAM)
    except BaseException as e:
        with _resolving_lock:
            _resolving.pop(key, None)
        pending.set_exception(e)
        return
    with _resolving_lock:
        _resolving.pop(key, None)
    pending.set_result(infos)


def _connect_in_time(address: tuple[str, int], timeout: Any = None,
                     source_address: tuple[str, int] | None = None) -> socket.socket:
    """socket.create_connection, the addresses sharing what is left of the armed call's deadline.

    create_connection gives each address the whole timeout, one after another: with the deadline
    running from before the connect, a first address that never answers (IPv6 routed nowhere, an
    edge address a firewall drops) used all of it, and the call failed although the next address
    works, on every new connection; before, such a call was slow but went through. Each address
    now gets at most its share of the time left, so the next one is still tried in time."""
    armed = getattr(_watching, "armed", None)
    if armed is None:
        return socket.create_connection(address, timeout, source_address)
    host, port = address
    infos = _resolve_in_time(host, port, armed)
    error: OSError = OSError(f"getaddrinfo found no address for {host}")
    for i, (family, kind, proto, _, sockaddr) in enumerate(infos):
        left = armed.at - time.monotonic()
        if left <= 0:
            break
        share = left / (len(infos) - i)
        sock = socket.socket(family, kind, proto)
        # (timeout: a number, or None, or http.client's "the default" marker, which is no number)
        given = timeout if isinstance(timeout, int | float) else None
        try:
            sock.settimeout(share if given is None else min(given, share))
            if source_address:
                sock.bind(source_address)
            sock.connect(sockaddr)
        except OSError as e:
            sock.close()
            error = e
            continue
        sock.settimeout(given if given is not None or timeout is None else socket.getdefaulttimeout())
        # At once, not once connect() returns: behind a proxy, the CONNECT tunnel is set up in
        # between, a read at a time, and a proxy answering it a byte at a time held the call.
        _WATCHDOG.attach(armed, sock)
        return sock
    raise error


class _WatchedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _connect_in_time  # which puts the socket under the armed call's watchdog


class _WatchedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._create_connection = _connect_in_time

    def connect(self) -> None:
        # HTTPSConnection.connect, with the TLS handshake under the watchdog: the socket's timeout
        # bounds each read of it, not the handshake, and a server (or middlebox) sending it a byte
        # at a time held the call past its claim before the request was even sent.
        http.client.HTTPConnection.connect(self)  # the plain socket, watched from _connect_in_time
        armed = getattr(_watching, "armed", None)
        server_hostname = self._tunnel_host or self.host  # type: ignore[attr-defined]
        self.sock = self._context.wrap_socket(self.sock, server_hostname=server_hostname,  # type: ignore[attr-defined]
                                              do_handshake_on_connect=False)
        if armed is not None:
            _WATCHDOG.attach(armed, self.sock)  # (the plain socket is detached: this one is cut)
        self.sock.do_handshake()


class _WatchedHTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_WatchedHTTPConnection, req)


class _WatchedHTTPSHandler(urllib.request.HTTPSHandler):
    def __init__(self, context: ssl.SSLContext | None) -> None:
        super().__init__(context=context)
        self._watched_context = context

    def https_open(self, req: urllib.request.Request) -> http.client.HTTPResponse:
        return self.do_open(_WatchedHTTPSConnection, req, context=self._watched_context)


# Of a response_url's answer, only the start is read: Slack took the reply once it answered 200
# (its body says nothing more), and an answer without end is not held in memory.
RESPONSE_URL_READ = 1 << 16


def post_to_response_url(url: str, body: dict[str, Any], *, timeout: float,
                         context: ssl.SSLContext | None = None) -> None:
    """POST ``body`` as JSON to a response_url, within ``timeout`` all told (the DNS look-up, the
    connection, TLS, a proxy's tunnel and the answer), as a Web API call is: the outbox starts it
    with that much of its claim left, and one outlasting the claim may be sent again by another
    delivery. urlopen's own timeout bounds each read, with a fixed 10 s whatever the client's.
    Raises as urllib does (HTTPError for an error status, OSError, http.client.HTTPException),
    and TimeoutError when cut off; the body of an answer after its 200 is not waited for."""
    # (Through the environment's proxy, NO_PROXY heeded, as urlopen went.)
    opener = urllib.request.build_opener(_WatchedHTTPHandler(), _WatchedHTTPSHandler(context))
    req = urllib.request.Request(url, data=json.dumps(body).encode(), headers={"Content-Type": "application/json"})
    armed = _WATCHDOG.arm(timeout, None)
    _watching.armed = armed
    try:
        resp = opener.open(req, timeout=timeout)
    except BaseException as e:
        if _WATCHDOG.disarm(armed):
            raise TimeoutError(f"the response_url did not answer within {timeout} s") from e
        raise
    finally:
        _watching.armed = None
    with resp, contextlib.suppress(OSError, http.client.HTTPException):
        resp.read(RESPONSE_URL_READ)  # cut at the deadline at the latest: the reply was taken all the same
    _WATCHDOG.disarm(armed)


def _readable(sock: socket.socket) -> bool:
    """Whether an idle kept connection has something to read: the server closed it (or sent what
    no request asked for). Sending on it would fail after the request left, and a post that fails
    so is not retried at once (NOT_REPEATABLE): a new connection is opened instead."""
    try:
        if hasattr(select, "poll"):
            # poll, not select: select cannot watch a descriptor numbered 1024 or more, and every
            # connection of a process with that many files open was taken for closed.
            watched = select.poll()
            watched.register(sock, select.POLLIN)
            return bool(watched.poll(0))
        return bool(select.select([sock], [], [], 0)[0])
    except (OSError, ValueError):
        return True


class _Kept:
    __slots__ = ("conn", "last_used")

    def __init__(self, conn: http.client.HTTPConnection) -> None:
        self.conn = conn
        self.last_used = time.monotonic()


class KeepAliveWebClient(WebClient):
    """slack_sdk's WebClient, reusing one connection per thread and host."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if kwargs.get("retry_handlers") is None:
            self.retry_handlers = [DeadlineConnectionRetry(float(self.timeout))]
        self._local = threading.local()
        self._lock = threading.Lock()
        # Every thread's, for close(), with the thread that keeps it. A thread that ends leaves its
        # connections here, open: the daily escalation-member check runs on a thread of its own, and
        # each one left a socket to Slack open for the life of the process (a file a day for months).
        self._open: dict[http.client.HTTPConnection, threading.Thread] = {}
        self.connections_opened = 0  # for tests and benchmarks: how often a handshake was paid

    def close(self) -> None:
        """Close every thread's kept connections (at shutdown: a thread still using one gets an
        error, and would open a new one if it called again)."""
        with self._lock:
            conns, self._open = self._open, {}
        for conn in conns:
            conn.close()

    def _perform_urllib_http_request_internal(self, url: str, req: urllib.request.Request) -> dict[str, Any]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return super()._perform_urllib_http_request_internal(url, req)
        if self._proxied(parts.scheme, parts.hostname):
            return self._through_proxy(url, req)
        key = (parts.scheme, parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
        conn = self._connection(key)
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        # The socket's timeout bounds each read, not the answer: one trickling in a byte at a time
        # (a broken proxy, a congested link) held the call for as long as it dripped, and with it
        # the outbox's delivery pass and its claim. Past the timeout the connection is cut. The
        # deadline runs from before a new connection is made: the TCP connect (up to the timeout)
        # and the TLS handshake (a read at a time) came on top of it, and a post on a new
        # connection could outlast its claim (the outbox counts on one timeout a call).
        armed = _WATCHDOG.arm(float(self.timeout), conn.sock)
        _watching.armed = armed
        try:
            conn.request(req.get_method(), path, body=req.data, headers=dict(req.header_items()))  # type: ignore[arg-type]
        except OSError as e:
            self._drop(key)
            if _WATCHDOG.disarm(armed) or _looked_up_too_late(e):
                raise TimeoutError(f"Slack could not be reached within {self.timeout} s") from e
            # As urllib: a request that could not be sent is a URLError (retried once by slack_sdk).
            raise URLError(e) from e
        except BaseException:
            self._drop(key)
            _WATCHDOG.disarm(armed)
            raise
        finally:
            _watching.armed = None
        try:
            resp = conn.getresponse()
            body = _read_capped(resp, _answer_limit(url))
        except BaseException as e:
            self._drop(key)
            if _WATCHDOG.disarm(armed):
                raise TimeoutError(f"Slack's answer took longer than {self.timeout} s") from e
            raise
        if _WATCHDOG.disarm(armed):  # cut as the last byte arrived: the answer is whole, the connection is not
            self._drop(key)
            return self._answer(url, resp, body)
        if resp.will_close:
            self._drop(key)
        else:
            self._local.kept[key].last_used = time.monotonic()
        return self._answer(url, resp, body)

    def _through_proxy(self, url: str, req: urllib.request.Request) -> dict[str, Any]:
        """A call through the proxy, as slack_sdk makes it (urllib, a connection each), cut off as
        a direct one is when its answer is still being read at the timeout: a broken proxy is
        where an answer trickles in. The deadline runs from the start (urllib makes the
        connection and sends the request in one go)."""
        handlers: list[urllib.request.BaseHandler] = [_WatchedHTTPHandler(), _WatchedHTTPSHandler(self.ssl)]
        if self.proxy:
            handlers.insert(0, urllib.request.ProxyHandler({"http": self.proxy, "https": self.proxy}))
        opener = urllib.request.build_opener(*handlers)  # (the environment's proxies unless given)
        armed = _WATCHDOG.arm(float(self.timeout), None)
        _watching.armed = armed
        try:
            try:
                with opener.open(req, timeout=self.timeout) as resp:
                    body = _read_capped(resp, _answer_limit(url))
            except HTTPError as e:
                # Read here, under the watchdog, not later by slack_sdk; passed on as urllib raised it.
                with e:
                    error_body = _read_capped(e, _answer_limit(url))
                raise HTTPError(url, e.code, e.reason, e.headers, io.BytesIO(error_body)) from None
        except BaseException as e:
            if _WATCHDOG.disarm(armed) or _looked_up_too_late(e):
                raise TimeoutError(f"Slack's answer took longer than {self.timeout} s") from e
            raise
        finally:
            _watching.armed = None
        _WATCHDOG.disarm(armed)  # cut as the last byte arrived: the answer is whole, its connection closed
        return self._answer(url, resp, body)

    def _answer(self, url: str, resp: http.client.HTTPResponse, body: bytes) -> dict[str, Any]:
        # (headers, not msg: urllib puts the reason in msg.)
        if resp.status >= 400:
            # As urllib's urlopen, which slack_sdk reads the status, headers and body from.
            raise HTTPError(url, resp.status, resp.reason, resp.headers, io.BytesIO(body))
        if resp.headers.get_content_type() == "application/gzip":
            return {"status": resp.status, "headers": resp.headers, "body": body}
        charset = resp.headers.get_content_charset() or "utf-8"
        return {"status": resp.status, "headers": resp.headers, "body": body.decode(charset)}

    def _proxied(self, scheme: str, host: str) -> bool:
        # slack_sdk puts HTTPS_PROXY (or HTTP_PROXY…) in self.proxy without a look at NO_PROXY;
        # urllib goes around any proxy for a host NO_PROXY names, and so do the kept connections.
        if urllib.request.proxy_bypass(host):
            return False
        return bool(self.proxy) or bool(urllib.request.getproxies().get(scheme))

    def _connection(self, key: tuple[str, str, int]) -> http.client.HTTPConnection:
        kept: dict[tuple[str, str, int], _Kept] = self._local.__dict__.setdefault("kept", {})
        k = kept.get(key)
        # (No socket: closed by close(), which a thread still running may meet.)
        if (k is not None and k.conn.sock is not None and time.monotonic() - k.last_used <= IDLE_REUSE_SECONDS
                and not _readable(k.conn.sock)):
            return k.conn
        if k is not None:
            self._forget(k.conn)
        scheme, host, port = key
        conn: http.client.HTTPConnection
        if scheme == "https":
            conn = _WatchedHTTPSConnection(host, port, timeout=self.timeout,
                                           context=self.ssl or ssl.create_default_context())
        else:
            conn = _WatchedHTTPConnection(host, port, timeout=self.timeout)
        kept[key] = _Kept(conn)
        with self._lock:
            ended = [c for c, owner in self._open.items() if not owner.is_alive()]
            for c in ended:
                del self._open[c]
            self._open[conn] = threading.current_thread()
            self.connections_opened += 1
        for c in ended:  # (outside the lock: closing a TLS connection may write its close_notify)
            c.close()
        return conn

    def _drop(self, key: tuple[str, str, int]) -> None:
        k = self._local.__dict__.get("kept", {}).pop(key, None)
        if k is not None:
            self._forget(k.conn)

    def _forget(self, conn: http.client.HTTPConnection) -> None:
        conn.close()
        with self._lock:
            self._open.pop(conn, None)
