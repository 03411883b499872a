"""A local HTTP listener that counts connections: proof that nothing reaches the network.

It answers every request like a SPARQL endpoint with one empty solution, so a query whose
SERVICE call got through would succeed and be counted.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from socket import socket

import pytest

_ANSWER = b'{"head": {"vars": []}, "results": {"bindings": [{}]}}'


class CountingServer(ThreadingHTTPServer):
    """Counts every TCP connection accepted, whatever is sent on it."""

    daemon_threads = True
    connections = 0

    def verify_request(
        self, request: socket | tuple[bytes, socket], client_address: object
    ) -> bool:
        self.connections += 1
        return True

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host!s}:{port}/sparql"


class _Handler(BaseHTTPRequestHandler):
    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(_ANSWER)))
        self.end_headers()
        self.wfile.write(_ANSWER)

    do_GET = do_POST = _answer  # noqa: N815 (names fixed by http.server)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet."""


@pytest.fixture
def listener() -> Iterator[CountingServer]:
    server = CountingServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
