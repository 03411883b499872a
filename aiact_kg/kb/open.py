"""Open a built knowledge base for reading."""

from __future__ import annotations

from pathlib import Path

from aiact_kg.errors import StoreError
from aiact_kg.store.oxigraph_store import OxigraphStore


def open_knowledge_base(store_path: Path) -> OxigraphStore:
    """Open the store read-only; tell the user to run ``aiact-kg build`` if there is none."""
    if not store_path.is_dir() or not any(store_path.iterdir()):
        raise StoreError(
            f"no knowledge base at {store_path}; run 'aiact-kg build' first "
            "(or pass --store / set AIACT_KG_STORE)"
        )
    return OxigraphStore(store_path, read_only=True)
