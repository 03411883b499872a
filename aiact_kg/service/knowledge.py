"""The knowledge base the service reads: the store's active version, kept open and pinned.

Opening checks the version (manifest and engine, as every command does) and pins it, so a
concurrent ``aiact-kg build`` cannot remove it while it is read. When a build makes another
version active, the next request opens that one; requests already running keep the version
they started with (their reference keeps it pinned until they end).
"""

from __future__ import annotations

import threading
from pathlib import Path

from aiact_kg.kb import open_knowledge_base
from aiact_kg.store.layout import active_version
from aiact_kg.store.oxigraph_store import OxigraphStore


class KnowledgeBase:
    """The open active version of the store at ``store_dir``."""

    def __init__(self, store_dir: Path) -> None:
        self.store_dir = store_dir.expanduser()
        self._lock = threading.Lock()
        self._version: str | None = None
        self._store: OxigraphStore | None = None

    def current(self) -> OxigraphStore:
        """The store of the active version (opened, checked and pinned on first use)."""
        version = active_version(self.store_dir)
        with self._lock:
            if self._store is None or version != self._version:
                self._store = open_knowledge_base(self.store_dir)
                self._version = version
            return self._store

    def database(self) -> tuple[OxigraphStore, Path]:
        """The open store and its database directory, for a query worker to open read-only."""
        store = self.current()
        assert store.path is not None
        return store, store.path
