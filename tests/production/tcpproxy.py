"""A TCP forwarder that can be cut and restored: the database "goes away" without touching it."""

from __future__ import annotations

import contextlib
import socket
import threading


class TcpProxy:
    def __init__(self, target_host: str, target_port: int) -> None:
        self.target = (target_host, target_port)
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self._up = threading.Event()
        self._up.set()
        self._silent = threading.Event()  # connections accepted, nothing forwarded: a host gone quiet
        self._conns: list[socket.socket] = []
        self._lock = threading.Lock()
        self._closed = False
        self.accepted = 0  # connections made to it (the database's connection attempts)
        # lose_commit_answer: the statement text that arms a connection, and whether one was cut.
        self._lose_after: bytes | None = None
        self.commit_answer_lost = threading.Event()
        self._acceptor = threading.Thread(target=self._accept, name="tcp-proxy-accept", daemon=True)
        self._acceptor.start()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.accepted += 1
            if not self._up.is_set():
                client.close()  # refused while "down"
                continue
            if self._silent.is_set():
                with self._lock:
                    self._conns.append(client)  # held open, never answered
                continue
            try:
                upstream = socket.create_connection(self.target)
            except OSError:
                client.close()
                continue
            with self._lock:
                self._conns += [client, upstream]
            state = {"armed": False, "committing": False}
            for a, b, outbound in ((client, upstream, True), (upstream, client, False)):
                threading.Thread(target=self._pipe, args=(a, b, outbound, state), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket, outbound: bool = True,
              state: dict[str, bool] | None = None) -> None:
        state = {} if state is None else state
        try:
            while data := src.recv(65536):
                if self._silent.is_set():
                    continue  # swallowed, as by a firewall dropping packets
                if outbound and self._lose_after is not None:
                    if self._lose_after in data:
                        state["armed"] = True
                    # psycopg commits with the simple query "COMMIT" (message Q, NUL-terminated).
                    if state.get("armed") and b"Q\x00\x00\x00\x0bCOMMIT\x00" in data:
                        state["committing"] = True
                if not outbound and state.get("committing"):
                    # The server has committed and answers; the answer never arrives.
                    self._lose_after = None
                    self.commit_answer_lost.set()
                    return
                dst.sendall(data)
        except OSError:
            pass
        finally:
            for s in (src, dst):
                with contextlib.suppress(OSError):
                    s.shutdown(socket.SHUT_RDWR)

    def down(self) -> None:
        """Drop every open connection and refuse new ones."""
        self._up.clear()
        with self._lock:
            conns, self._conns = self._conns, []
        for c in conns:
            with contextlib.suppress(OSError):
                c.shutdown(socket.SHUT_RDWR)
            c.close()

    def silent(self) -> None:
        """Answer nothing from now on (open connections included), without closing anything:
        the database host has gone quiet, as after a failover that moved its address."""
        self._silent.set()

    def lose_commit_answer(self, after: bytes) -> None:
        """On the next connection that sends ``after`` (part of a statement), let its COMMIT reach
        the server and drop the connection before the server's answer reaches the client: the
        transaction is committed, and the client cannot know it (once, then forwarding as before)."""
        self.commit_answer_lost.clear()
        self._lose_after = after

    def up(self) -> None:
        self._silent.clear()
        self._up.set()

    def close(self) -> None:
        self._closed = True
        self.down()
        # Closing a listening socket does not wake a thread blocked in its accept() (Linux): the
        # accepting thread lived on, one per proxy, for the rest of the run. shutdown() wakes it.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        self._acceptor.join(5)
