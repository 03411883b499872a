"""A store seen through a dataset of its own: one assessment's run graph on a shared engine.

Queries read the merge of ``reads`` (the knowledge-base graphs the engine needs and the run
graph); rule updates are scoped (:func:`~aiact_kg.store.scoping.scope_update`) to read the same
merge and write into ``target``; quads added without a graph go into ``target``. Closing the
view removes the run graph, so the shared engine keeps nothing of the run. :class:`GraphsView`
is the reading half, which the read-only :class:`~aiact_kg.service.dataset.DatasetView` shares.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat, Triple

from aiact_kg.store.base import Bindings, Graphs, KnowledgeStore, SelectResult
from aiact_kg.store.scoping import scope_update


class GraphsView:
    """Queries on ``store`` whose default graph is the merge of ``reads`` (unless a query names
    its own ``default_graphs``): the reading half of a view, shared by the views of a store."""

    def __init__(self, store: KnowledgeStore, reads: Sequence[str]) -> None:
        self.store = store
        self.reads = tuple(reads)

    def _dataset(self, default_graphs: Graphs) -> Sequence[str]:
        return self.reads if default_graphs is None else default_graphs

    def select(
        self, sparql: str, bindings: Bindings | None = None, *, default_graphs: Graphs = None
    ) -> SelectResult:
        return self.store.select(sparql, bindings, default_graphs=self._dataset(default_graphs))

    def ask(
        self, sparql: str, bindings: Bindings | None = None, *, default_graphs: Graphs = None
    ) -> bool:
        return self.store.ask(sparql, bindings, default_graphs=self._dataset(default_graphs))

    def construct(self, sparql: str, *, default_graphs: Graphs = None) -> list[Triple]:
        return self.store.construct(sparql, default_graphs=self._dataset(default_graphs))


class ScopedStore(GraphsView):
    """A :class:`~aiact_kg.store.base.KnowledgeStore` reading ``reads`` and writing ``target``."""

    def __init__(self, store: KnowledgeStore, reads: Sequence[str], target: str) -> None:
        super().__init__(store, reads)
        self.target = target
        self._closed = False

    def load_file(self, path: Path, rdf_format: RdfFormat, graph: str) -> None:
        self.store.load_file(path, rdf_format, graph)

    def load_bytes(self, data: bytes, rdf_format: RdfFormat, graph: str) -> None:
        self.store.load_bytes(data, rdf_format, graph)

    def add_quads(self, quads: Iterable[Quad]) -> None:
        target = NamedNode(self.target)
        self.store.add_quads(
            Quad(q.subject, q.predicate, q.object, target)
            if isinstance(q.graph_name, DefaultGraph)
            else q
            for q in quads
        )

    def update(self, sparql: str) -> None:
        self.store.update(scope_update(sparql, self.target, self.reads))

    def clear_graph(self, graph: str) -> None:
        self.store.clear_graph(graph)

    def replace_graphs(self, moves: Mapping[str, str]) -> None:
        self.store.replace_graphs(moves)

    def named_graphs(self) -> Sequence[str]:
        return self.store.named_graphs()

    def quad_count(self) -> int:
        return self.store.quad_count()

    def export(self, rdf_format: RdfFormat, graph: str | None = None) -> bytes:
        return self.store.export(rdf_format, self.target if graph is None else graph)

    def close(self) -> None:
        """Remove the run graph (the shared store itself stays open)."""
        if not self._closed:
            self._closed = True
            self.store.clear_graph(self.target)
