"""Counts of the knowledge base; one query file per key in ``queries/stats/``."""

from __future__ import annotations

from pyoxigraph import Literal

from aiact_kg.queries import list_queries, run_select
from aiact_kg.store.base import KnowledgeStore


def knowledge_base_stats(store: KnowledgeStore) -> dict[str, int]:
    """Run every ``queries/stats/*.rq`` and return ``{key: count}``, keys sorted."""
    counts: dict[str, int] = {}
    for query in list_queries("stats/"):
        result = run_select(store, query.name)
        value = result.rows[0][0] if result.rows else None
        counts[query.path.stem] = int(value.value) if isinstance(value, Literal) else 0
    return dict(sorted(counts.items()))
