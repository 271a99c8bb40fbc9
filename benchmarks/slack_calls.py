"""What one Slack Web API call costs the bot, with a new connection per call or a kept one.

    python benchmarks/slack_calls.py [--calls 30] [--rtts 0,10,30]

slack_sdk's WebClient opens a connection for every call; bot.slack_http.KeepAliveWebClient keeps
one per thread. Against the local Slack server the difference is small (loopback, no TLS); the
real Slack is across the internet, over TLS. So the calls here go through a TLS endpoint (a
self-signed certificate made with ``openssl``) behind a forwarder that delays every packet burst
by half the given round-trip time each way, and the TCP connect by a whole one: a new connection
pays the TCP and TLS handshakes (about two round trips with TLS 1.3) before the call's own.

Prints, per round-trip time, the median of ``--calls`` sequential chat.postMessage calls for each
client. README and docs/benchmarks.md quote it.
"""

from __future__ import annotations

import argparse
import contextlib
import queue
import shutil
import socket
import ssl
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from slack_sdk import WebClient  # noqa: E402

from bot.sandbox.server import LocalSlack  # noqa: E402
from bot.slack_http import KeepAliveWebClient  # noqa: E402


def pipe(src: socket.socket, dst: socket.socket, delay: float) -> None:
    """Forward ``src`` to ``dst``, each burst ``delay`` seconds after it arrived: a delay line,
    so bursts in flight overlap as on a real link instead of queueing behind each other's delay."""
    line: queue.Queue[tuple[float, bytes]] = queue.Queue()

    def deliver() -> None:
        while True:
            due, data = line.get()
            if not data:
                break
            if (wait := due - time.monotonic()) > 0:
                time.sleep(wait)
            try:
                dst.sendall(data)
            except OSError:
                break
        for s in (src, dst):
            with contextlib.suppress(OSError):
                s.shutdown(socket.SHUT_RDWR)

    sender = threading.Thread(target=deliver, daemon=True)
    sender.start()
    try:
        while data := src.recv(65536):
            line.put((time.monotonic() + delay, data))
    except OSError:
        pass
    line.put((0.0, b""))


class Forwarder:
    """Accepts on a local port and forwards to ``target``: through TLS (``tls``: the certificate's
    context), or delaying each burst by ``one_way`` seconds and each connect by two of them."""

    def __init__(self, target: tuple[str, int], *, one_way: float = 0.0, tls: ssl.SSLContext | None = None) -> None:
        self.target, self.one_way, self.tls = target, one_way, tls
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            threading.Thread(target=self._serve, args=(client,), daemon=True).start()

    def _serve(self, client: socket.socket) -> None:
        client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        try:
            if self.tls is not None:
                client = self.tls.wrap_socket(client, server_side=True)
            if self.one_way:
                time.sleep(2 * self.one_way)  # the TCP handshake's round trip
            upstream = socket.create_connection(self.target)
            upstream.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        except OSError:
            client.close()
            return
        threading.Thread(target=pipe, args=(upstream, client, self.one_way), daemon=True).start()
        pipe(client, upstream, self.one_way)

    def close(self) -> None:
        self.listener.close()


def certificate(tmp: Path) -> tuple[Path, Path]:
    cert, key = tmp / "cert.pem", tmp / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True)
    return cert, key


def per_call_ms(client: WebClient, calls: int) -> float:
    times = []
    for n in range(calls):
        t0 = time.perf_counter()
        client.chat_postMessage(channel="C0INTAKE", text=f"お知らせ{n}")
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--calls", type=int, default=30)
    ap.add_argument("--rtts", default="0,10,30", help="simulated round-trip times in ms")
    args = ap.parse_args()
    if shutil.which("openssl") is None:
        print("openssl is not installed: it makes the TLS endpoint's certificate", file=sys.stderr)
        return 1
    slack = LocalSlack().start()
    host_port = slack.api_url.removeprefix("http://").split("/")[0].split(":")
    with tempfile.TemporaryDirectory() as tmp:
        cert, key = certificate(Path(tmp))
        server_ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        server_ctx.load_cert_chain(cert, key)
        client_ctx = ssl.create_default_context(cafile=str(cert))
        tls = Forwarder((host_port[0], int(host_port[1])), tls=server_ctx)
        print(f"{'RTT':>6}  {'new connection per call':>24}  {'kept connection':>16}  {'saved per call':>15}")
        try:
            for rtt in (float(r) for r in args.rtts.split(",")):
                delayed = Forwarder(("127.0.0.1", tls.port), one_way=rtt / 2000)
                url = f"https://127.0.0.1:{delayed.port}/api/"
                stock = per_call_ms(WebClient(token=slack.token, base_url=url, ssl=client_ctx), args.calls)
                kept_client = KeepAliveWebClient(token=slack.token, base_url=url, ssl=client_ctx)
                kept = per_call_ms(kept_client, args.calls)
                kept_client.close()
                delayed.close()
                print(f"{rtt:>4.0f}ms  {stock:>22.1f}ms  {kept:>14.1f}ms  {stock - kept:>13.1f}ms")
        finally:
            tls.close()
            slack.stop()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
