"""A read-only view of the store whose default graph is the union of chosen named graphs.

The assessment queries of ``queries/assess/`` read one run's store, where the knowledge base,
the submitted statements and the derived graph all sit in the default graph. In the registry
the same statements sit in named graphs; this view makes exactly those graphs (the knowledge
base the rules read, one submission and its assessment) the default graph, so the same query
files, and the same code that turns their answers into the JSON of ``assess``, read a stored
assessment. Queries go to the store with ``default_graphs`` (the store protocol's dataset), so
values stay bound as terms and the store's own checks apply.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pyoxigraph import Literal, Quad, RdfFormat

from aiact_kg.errors import StoreError
from aiact_kg.store.view import GraphsView

_COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


class DatasetView(GraphsView):
    """A :class:`~aiact_kg.store.base.KnowledgeStore` reading ``graphs`` of ``store`` as its
    default graph. It writes nothing and closes nothing: the store stays the caller's."""

    def load_file(self, path: Path, rdf_format: RdfFormat, graph: str) -> None:
        raise StoreError("a dataset view is read-only")

    def load_bytes(self, data: bytes, rdf_format: RdfFormat, graph: str) -> None:
        raise StoreError("a dataset view is read-only")

    def add_quads(self, quads: Iterable[Quad]) -> None:
        raise StoreError("a dataset view is read-only")

    def clear_graph(self, graph: str) -> None:
        raise StoreError("a dataset view is read-only")

    def replace_graphs(self, moves: Mapping[str, str]) -> None:
        raise StoreError("a dataset view is read-only")

    def update(self, sparql: str) -> None:
        raise StoreError("a dataset view is read-only")

    def named_graphs(self) -> Sequence[str]:
        return list(self.reads)

    def quad_count(self) -> int:
        """The quads of the viewed graphs (each graph counted on its own, as quads are)."""
        total = 0
        for graph in self.reads:
            (count,) = self.store.select(_COUNT, default_graphs=[graph]).rows[0]
            total += int(count.value) if isinstance(count, Literal) else 0
        return total

    def export(self, rdf_format: RdfFormat, graph: str | None = None) -> bytes:
        raise StoreError("a dataset view cannot be exported; export the store's graphs")

    def close(self) -> None:
        """Nothing to release: the store belongs to the caller."""
