"""A fault-injecting HTTP proxy on loopback: one request per connection, a scripted fault each."""

from __future__ import annotations

import socket
import socketserver
import struct
import threading
from collections import deque
from collections.abc import Iterable

FAULTS = ("pass", "reset", "timeout_before", "timeout_after", "500", "503", "close_after")
FORWARDED = ("pass", "timeout_after", "close_after")
"""The faults that let the request reach the service (it answers; the client may never hear)."""


def _read_request(conn: socket.socket) -> bytes | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        data += chunk
    head, _, body = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            length = int(value.strip())
    while len(body) < length:
        chunk = conn.recv(65536)
        if not chunk:
            return None
        body += chunk
    lines = [ln for ln in head.split(b"\r\n") if not ln.lower().startswith(b"connection:")]
    return b"\r\n".join([*lines, b"Connection: close"]) + b"\r\n\r\n" + body


def _canned(status: str, extra: str = "") -> bytes:
    body = b'{"type":"about:blank","title":"injected","status":%s,"detail":"injected fault"}' % (
        status.encode()
    )
    return (
        f"HTTP/1.1 {status} Injected\r\nContent-Type: application/problem+json\r\n{extra}"
        f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    ).encode() + body


class FaultProxy:
    """Forwards to `upstream`; each request takes the next scripted fault (then "pass")."""

    def __init__(self, upstream_port: int, hold: float = 1.0) -> None:
        self.upstream_port = upstream_port
        self.hold = hold  # how long a "timeout" keeps the client waiting (> its timeout)
        self.faults: deque[str] = deque()
        self.seen: list[str] = []
        self.requests: list[tuple[str, str]] = []  # (fault, request line), in arrival order
        self._lock = threading.Lock()
        self._stopping = threading.Event()  # ends held connections when the proxy stops
        proxy = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                proxy._handle(self.request)

        self._server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def script(self, faults: Iterable[str]) -> None:
        with self._lock:
            self.faults.extend(faults)

    def start(self) -> FaultProxy:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(10)

    def _next(self, line: str = "") -> str:
        with self._lock:
            fault = self.faults.popleft() if self.faults else "pass"
            self.seen.append(fault)
            self.requests.append((fault, line))
            return fault

    def _forward(self, request: bytes) -> bytes | None:
        try:
            with socket.create_connection(("127.0.0.1", self.upstream_port), timeout=30) as up:
                up.sendall(request)
                chunks = []
                while chunk := up.recv(65536):
                    chunks.append(chunk)
                return b"".join(chunks)
        except OSError:  # upstream down (being restarted): the client sees a reset
            return None

    def _handle(self, conn: socket.socket) -> None:
        request = _read_request(conn)
        if request is None:
            return
        fault = self._next(request.split(b"\r\n", 1)[0].decode("latin-1"))
        if fault == "reset":
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return
        if fault == "timeout_before":
            self._stopping.wait(self.hold)
            return
        if fault in ("500", "503"):
            extra = "Retry-After: 1\r\n" if fault == "503" else ""
            conn.sendall(_canned(fault, extra))
            return
        response = self._forward(request)
        if response is None:
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return
        if fault == "timeout_after":  # the service committed; the answer never arrives in time
            self._stopping.wait(self.hold)
            return
        if fault == "close_after":  # committed, then the connection drops with no answer
            conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            return
        conn.sendall(response)
