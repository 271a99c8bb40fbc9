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
        threading.Thread(target=self._accept, daemon=True).start()

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
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pipe, args=(a, b), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        try:
            while data := src.recv(65536):
                if self._silent.is_set():
                    continue  # swallowed, as by a firewall dropping packets
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

    def up(self) -> None:
        self._silent.clear()
        self._up.set()

    def close(self) -> None:
        self._closed = True
        self.down()
        self.listener.close()
