"""Shared fixtures: one knowledge base built once per test session into a temporary store."""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from aiact_kg.kb import build_knowledge_base, open_knowledge_base
from aiact_kg.kb.build import BuildReport
from aiact_kg.store.oxigraph_store import OxigraphStore

REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="session")
def built_kb(tmp_path_factory: pytest.TempPathFactory) -> BuildReport:
    """Build the shipped knowledge base once, with the same code path as ``aiact-kg build``."""
    return build_knowledge_base(tmp_path_factory.mktemp("kb") / "store")


@pytest.fixture(scope="session")
def kb_path(built_kb: BuildReport) -> Path:
    assert built_kb.store_path is not None
    return built_kb.store_path


@pytest.fixture(scope="session")
def kb(kb_path: Path) -> Iterator[OxigraphStore]:
    store = open_knowledge_base(kb_path)
    yield store
    store.close()


def coverage_script() -> ModuleType:
    """``scripts/coverage.py`` as a module: what the rules read, what the guide lists."""
    spec = importlib.util.spec_from_file_location(
        "coverage_script", REPO_ROOT / "scripts" / "coverage.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def pytest_sessionfinish(session: pytest.Session) -> None:
    """Stop the remote test engines; on a pytest-xdist worker, hand the engines it replaced to
    the controller's summary."""
    from tests.remote_engines import replacements, stop_session_engines

    stop_session_engines(session.config)
    worker_output = getattr(session.config, "workeroutput", None)
    if worker_output is not None:
        worker_output["engines_replaced"] = list(replacements(session.config))


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node: Any, error: object) -> None:
    """On the pytest-xdist controller: gather what each worker said of replaced engines."""
    from tests.remote_engines import replacements

    said = getattr(node, "workeroutput", {}).get("engines_replaced", [])
    replacements(node.config).extend(said)


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """List the remote test engines replaced because they stopped answering."""
    from tests.remote_engines import replacements

    replaced = replacements(terminalreporter.config)
    if replaced:
        terminalreporter.section("remote engines replaced")
        for said in replaced:
            terminalreporter.write_line(said)
