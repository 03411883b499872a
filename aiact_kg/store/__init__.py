"""Knowledge-base stores: the protocol and the embedded pyoxigraph implementation.

The names are imported on first use, so that a module of this package that needs none of them
(the query worker, started once per query) starts without the store classes and their
dependencies."""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiact_kg.store.base import KnowledgeStore, SelectResult, Term
    from aiact_kg.store.location import default_store_path
    from aiact_kg.store.oxigraph_store import OxigraphStore

__all__ = ["KnowledgeStore", "OxigraphStore", "SelectResult", "Term", "default_store_path"]

_HOMES = {
    "KnowledgeStore": "aiact_kg.store.base",
    "SelectResult": "aiact_kg.store.base",
    "Term": "aiact_kg.store.base",
    "default_store_path": "aiact_kg.store.location",
    "OxigraphStore": "aiact_kg.store.oxigraph_store",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home), name)
    globals()[name] = value
    return value
