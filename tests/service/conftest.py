"""A real service: ``aiact-kg serve`` started in a subprocess on 127.0.0.1 on a free port."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO_ROOT
from tests.listener import listener  # noqa: F401 (a fixture used by the tests here)

TOKEN = "test-token-0123456789abcdef"
#: the limits of the test server: small enough to reach in a test, large enough for the rest
TIMEOUT = 10.0
MAX_RESULTS = 2000
MAX_BODY = 256 * 1024
READY_SECONDS = 60.0


@dataclass
class Server:
    """A running ``aiact-kg serve`` process and its base URL."""

    process: subprocess.Popen[bytes]
    url: str
    log: Path

    @property
    def sparql(self) -> str:
        return self.url + "/sparql"

    def client(self, **kwargs: object) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)  # type: ignore[arg-type]


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def serve_command(store: Path, *options: str) -> list[str]:
    return [sys.executable, "-m", "aiact_kg", "--store", str(store), "serve", *options]


def service_environment(token: str | None = TOKEN) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("AIACT_KG_SERVICE_TOKEN", "AIACT_KG_ALLOW_SERVICE")
    }
    env["PYTHONPATH"] = str(REPO_ROOT)
    if token is not None:
        env["AIACT_KG_SERVICE_TOKEN"] = token
    return env


def start_server(
    store: Path, log: Path, options: Sequence[str] = (), token: str | None = TOKEN
) -> Server:
    """Start the service and wait until it answers (or fail with its log)."""
    port = free_port()
    command = serve_command(store, "--host", "127.0.0.1", "--port", str(port), *options)
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=service_environment(token)
        )
    server = Server(process, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + READY_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the service ended at start:\n{log.read_text()}")
        try:
            if httpx.get(server.url + "/health", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            time.sleep(0.1)
    stop_server(server)
    pytest.fail(f"the service did not answer within {READY_SECONDS} s:\n{log.read_text()}")


def stop_server(server: Server) -> None:
    server.process.terminate()
    try:
        server.process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        server.process.kill()
        server.process.wait()


@pytest.fixture(scope="session")
def server(kb_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The service on the test knowledge base, with an update token and small limits."""
    log = tmp_path_factory.mktemp("service") / "serve.log"
    options = ("--timeout", str(TIMEOUT), "--max-results", str(MAX_RESULTS))
    running = start_server(kb_path, log, (*options, "--max-body-bytes", str(MAX_BODY)))
    yield running
    stop_server(running)


@pytest.fixture
def client(server: Server) -> Iterator[httpx.Client]:
    with server.client() as session:
        yield session
