"""Helpers for the registry tests: private copies of the session's store, and small documents."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from aiact_kg.kb import open_knowledge_base
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.store import Entry, read_entries
from aiact_kg.store.faults import set_fault_hook
from aiact_kg.store.oxigraph_store import OxigraphStore

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "submissions"
OPTIONS = AssessmentOptions(as_of=date(2026, 11, 1))


@pytest.fixture
def store(kb_path: Path, tmp_path: Path) -> Path:
    """A private copy of the knowledge base built once per session, with an empty registry."""
    target = tmp_path / "store"
    shutil.copytree(kb_path, target, symlinks=True)
    return target


@pytest.fixture
def spam_filter(tmp_path: Path) -> Path:
    """A copy of a small valid example (minimal risk), which tests may change."""
    target = tmp_path / "docs" / "spam-filter.ttl"
    target.parent.mkdir()
    shutil.copy(EXAMPLES / "minimal-risk-spam-filter.ttl", target)
    return target


@pytest.fixture
def no_fault_hook() -> Iterator[None]:
    yield
    set_fault_hook(None)


def entries(store_path: Path) -> dict[str, Entry]:
    opened = open_knowledge_base(store_path)
    try:
        return read_entries(opened)
    finally:
        opened.close()


def graph_quads(store: OxigraphStore, graph: str) -> set[str]:
    from pyoxigraph import NamedNode

    return {str(q) for q in store.raw.quads_for_pattern(None, None, None, NamedNode(graph))}


def snapshot(store_path: Path) -> dict[str, set[str]]:
    """Every non-empty named graph of the active version with its quads (as text)."""
    opened = open_knowledge_base(store_path)
    try:
        graphs = {graph: graph_quads(opened, graph) for graph in opened.named_graphs()}
        return {graph: quads for graph, quads in graphs.items() if quads}
    finally:
        opened.close()
