"""The worker's second line of defence: with the check bypassed, SERVICE fetches nothing."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from tests.conftest import REPO_ROOT
from tests.listener import CountingServer, listener  # noqa: F401 (fixture)

_SCRIPT = """
import sys
from pyoxigraph import Store
from aiact_kg.store.sandbox import deny_network
url = sys.argv[1]
if sys.argv[2] == "sandboxed":
    assert deny_network()
store = Store()
print(len(list(store.query("SELECT * WHERE { SERVICE SILENT <%s> { ?s ?p ?o } }" % url))))
try:
    list(store.query("SELECT * WHERE { SERVICE <%s> { ?s ?p ?o } }" % url))
    print("reached")
except OSError as error:
    print("refused", error)
"""


def _run(url: str, mode: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", _SCRIPT, url, mode],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO_ROOT,
        check=True,
    )
    return result.stdout


@pytest.mark.skipif(
    subprocess.run(
        [
            sys.executable,
            "-c",
            "from aiact_kg.store.sandbox import deny_network as d; "
            "raise SystemExit(0 if d() else 1)",
        ],
        cwd=REPO_ROOT,
        check=False,
    ).returncode
    != 0,
    reason="no seccomp on this platform",
)
def test_a_sandboxed_process_cannot_reach_an_endpoint(listener: CountingServer) -> None:  # noqa: F811
    assert _run(listener.url, "open").splitlines()[-1] == "reached"
    time.sleep(0.1)
    assert listener.connections == 2  # the listener is reachable without the sandbox
    output = _run(listener.url, "sandboxed").splitlines()
    time.sleep(0.1)
    assert listener.connections == 2
    assert output[-1].startswith("refused")
