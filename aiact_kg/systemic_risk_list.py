"""The list of general-purpose AI models with systemic risk (Art 52(6)), as an export.

The rows are those of the catalogue question ``cq-027-public-list-systemic-risk``, asked of the
registry (over the union of its graphs) or of a fresh assessment of description files, such as
the shipped model catalogue ``data/models/epoch-large-scale.ttl``.
"""

from __future__ import annotations

from pathlib import Path

from aiact_kg.queries import get_query, with_prefixes
from aiact_kg.resources import data_dir
from aiact_kg.store.base import KnowledgeStore, SelectResult

QUESTION = "cq/cq-027-public-list-systemic-risk"


def catalogue_file() -> Path:
    """The shipped catalogue of real general-purpose AI models (Epoch AI data)."""
    return data_dir("models") / "epoch-large-scale.ttl"


def systemic_risk_rows(store: KnowledgeStore, *, union: bool) -> SelectResult:
    """The models with systemic risk that ``store`` holds, with the basis of each.

    ``union`` asks over the union of the named graphs (a registry); otherwise over the default
    graph (the store of one assessment run).
    """
    graphs = list(store.named_graphs()) if union else None
    return store.select(with_prefixes(get_query(QUESTION).text), default_graphs=graphs)
