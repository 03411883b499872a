"""Local Oxigraph servers holding other graphs, for the federation tests and worked queries."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO_ROOT
from tests.remote_engines import _oxigraph_binary, _start_oxigraph, _wait_until_up

DPV = REPO_ROOT / "ontology" / "imports" / "dpv-2.3" / "eu-aiact.ttl"
ELI_DATASET = REPO_ROOT / "tests" / "linking" / "fixtures" / "eli-cellar-shaped.ttl"


def _serve(tmp_path_factory: pytest.TempPathFactory, name: str, data: Path) -> Iterator[str]:
    """A real Oxigraph server on 127.0.0.1 holding ``data`` in its default graph."""
    if _oxigraph_binary() is None:
        pytest.fail("the oxigraph server is not installed (pip install oxigraph: the test extra)")
    folder = tmp_path_factory.mktemp(name)
    started = _start_oxigraph(folder)
    assert started is not None
    process, url, log = started
    try:
        _wait_until_up(url, process, log)
        # into the endpoint's default graph, by the Graph Store Protocol
        loaded = httpx.post(
            url.removesuffix("/query") + "/store?default",
            content=data.read_bytes(),
            headers={"Content-Type": "text/turtle"},
            timeout=120,
        )
        assert loaded.status_code in (200, 201, 204), loaded.text
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture(scope="session")
def dpv_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An endpoint holding only the pinned DPV eu-aiact vocabulary."""
    yield from _serve(tmp_path_factory, "dpv-endpoint", DPV)


@pytest.fixture(scope="session")
def eli_endpoint(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """An endpoint holding the ELI/CELLAR-shaped test dataset (not real data)."""
    yield from _serve(tmp_path_factory, "eli-endpoint", ELI_DATASET)
