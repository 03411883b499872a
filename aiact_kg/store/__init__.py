"""Knowledge-base stores: the protocol and the embedded pyoxigraph implementation."""

from aiact_kg.store.base import KnowledgeStore, SelectResult, Term
from aiact_kg.store.location import default_store_path
from aiact_kg.store.oxigraph_store import OxigraphStore

__all__ = ["KnowledgeStore", "OxigraphStore", "SelectResult", "Term", "default_store_path"]
