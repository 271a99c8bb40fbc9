"""Socket Mode for the local Slack server: the WebSocket Slack opens to an app that has no public URL.

Slack's side, as documented for Socket Mode: ``apps.connections.open`` (with the app-level token)
hands out a ``wss://`` URL; the app connects, receives ``hello``, then envelopes
(``events_api``, ``interactive``, ``slash_commands``), each of which it acknowledges by sending
back ``{"envelope_id": …}`` (with a ``payload`` when it answers a command or a view). This is
the smallest RFC 6455 server that speaks that: text frames, ping/pong, close.
"""

from __future__ import annotations

import base64
import hashlib
import json
import secrets
import struct
import threading
from typing import Any, BinaryIO

JsonDict = dict[str, Any]

_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"
OP_TEXT, OP_CLOSE, OP_PING, OP_PONG = 0x1, 0x8, 0x9, 0xA


def accept_key(client_key: str) -> str:
    return base64.b64encode(hashlib.sha1((client_key + _GUID).encode()).digest()).decode()  # noqa: S324 - RFC 6455


def read_frame(rfile: BinaryIO) -> tuple[int, bytes] | None:
    """One frame from the client (masked, as RFC 6455 requires); None when the socket closed."""
    head = rfile.read(2)
    if len(head) < 2:
        return None
    opcode, masked, length = head[0] & 0x0F, head[1] & 0x80, head[1] & 0x7F
    if length == 126:
        length = struct.unpack("!H", rfile.read(2))[0]
    elif length == 127:
        length = struct.unpack("!Q", rfile.read(8))[0]
    mask = rfile.read(4) if masked else b""
    data = rfile.read(length)
    if masked:
        data = bytes(b ^ mask[i % 4] for i, b in enumerate(data))
    return opcode, data


def frame(opcode: int, data: bytes) -> bytes:
    """One unmasked server frame."""
    n = len(data)
    if n < 126:
        head = struct.pack("!BB", 0x80 | opcode, n)
    elif n < 1 << 16:
        head = struct.pack("!BBH", 0x80 | opcode, 126, n)
    else:
        head = struct.pack("!BBQ", 0x80 | opcode, 127, n)
    return head + data


# How long the test drivers wait for the bot's answer (an HTTP response, a Socket Mode
# acknowledgement). Generous: the answer always comes (the bot's own work is bounded) and a wait
# ends as soon as it does; on a loaded test machine 10 s was once too short for the first event of
# a process. Only a hung bot waits this long.
BOT_ANSWER_TIMEOUT = 60.0


class SocketSession:
    """One connected app. ``send`` delivers an envelope and waits for its acknowledgement."""

    def __init__(self, wfile: BinaryIO) -> None:
        self._wfile = wfile
        self._lock = threading.Lock()
        self._acks: dict[str, JsonDict] = {}
        self._cond = threading.Condition()
        self.closed = False
        # The connection lost on the way without either end told (a NAT or firewall dropping it):
        # pings go unanswered, and nothing closes the socket.
        self.silent = False

    def write(self, opcode: int, data: bytes) -> None:
        with self._lock:
            self._wfile.write(frame(opcode, data))
            self._wfile.flush()

    def send_json(self, payload: JsonDict) -> None:
        self.write(OP_TEXT, json.dumps(payload, ensure_ascii=False).encode("utf-8"))

    def send(self, envelope_type: str, payload: JsonDict, *, retry_attempt: int = 0,
             retry_reason: str = "", timeout: float = BOT_ANSWER_TIMEOUT) -> JsonDict | None:
        """Deliver one envelope; the app's acknowledgement, or None if it did not answer in time."""
        envelope_id = secrets.token_hex(8)
        self.send_json({
            "envelope_id": envelope_id, "type": envelope_type, "payload": payload,
            "accepts_response_payload": envelope_type != "events_api",
            "retry_attempt": retry_attempt, "retry_reason": retry_reason,
        })
        with self._cond:
            self._cond.wait_for(lambda: envelope_id in self._acks or self.closed, timeout)
            return self._acks.pop(envelope_id, None)

    def received(self, message: JsonDict) -> None:
        if "envelope_id" in message:
            with self._cond:
                self._acks[str(message["envelope_id"])] = message
                self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self.closed = True
            self._cond.notify_all()


def serve_session(rfile: BinaryIO, wfile: BinaryIO, session: SocketSession, hello: JsonDict) -> None:
    """Run one connection (the handshake is done) until the app or the server closes it."""
    try:
        session.send_json(hello)
        while (got := read_frame(rfile)) is not None:
            opcode, data = got
            if opcode == OP_TEXT:
                try:
                    session.received(json.loads(data.decode("utf-8")))
                except ValueError:
                    continue
            elif opcode == OP_PING and not session.silent:
                session.write(OP_PONG, data)
            elif opcode == OP_CLOSE:
                session.write(OP_CLOSE, data[:2])
                break
    except (OSError, ValueError, struct.error):
        pass  # the app went away mid-frame
    finally:
        session.close()
