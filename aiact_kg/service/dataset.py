"""A read-only view of the store whose default graph is the union of chosen named graphs.

The assessment queries of ``queries/assess/`` read one run's store, where the knowledge base,
the submitted statements and the derived graph all sit in the default graph. In the registry
the same statements sit in named graphs; this view makes exactly those graphs (the knowledge
base the rules read, one submission and its assessment) the default graph, so the same query
files, and the same code that turns their answers into the JSON of ``assess``, read a stored
assessment. Values are bound as terms (pyoxigraph substitutions), never written into the text.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pyoxigraph import (
    BlankNode,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Triple,
    Variable,
)

from aiact_kg.errors import QueryError, StoreError
from aiact_kg.store.base import Bindings, Graphs, SelectResult
from aiact_kg.store.oxigraph_store import OxigraphStore


class DatasetView:
    """A :class:`~aiact_kg.store.base.KnowledgeStore` reading ``graphs`` of ``store`` as its
    default graph. It writes nothing and closes nothing: the store stays the caller's."""

    def __init__(self, store: OxigraphStore, graphs: Sequence[str]) -> None:
        self._store = store
        self._graphs = [NamedNode(graph) for graph in graphs]

    def _query(
        self, sparql: str, bindings: Bindings | None, default_graphs: Graphs = None
    ) -> object:
        substitutions: dict[Variable, NamedNode | BlankNode | Literal | Triple] = {
            Variable(name): term for name, term in (bindings or {}).items()
        }
        try:
            return self._store.raw.query(
                sparql,
                default_graph=[NamedNode(g) for g in default_graphs]
                if default_graphs is not None
                else list(self._graphs),
                substitutions=substitutions or None,
            )
        except SyntaxError as error:
            raise QueryError(f"the SPARQL query is not valid: {error}") from None
        except (OSError, ValueError) as error:
            raise QueryError(f"the SPARQL query failed: {error}") from None

    def select(
        self, sparql: str, bindings: Bindings | None = None, *, default_graphs: Graphs = None
    ) -> SelectResult:
        result = self._query(sparql, bindings, default_graphs)
        if not isinstance(result, QuerySolutions):
            raise QueryError("expected a SELECT query")
        variables = tuple(variable.value for variable in result.variables)
        return SelectResult(
            variables, tuple(tuple(row[name] for name in variables) for row in result)
        )

    def ask(
        self, sparql: str, bindings: Bindings | None = None, *, default_graphs: Graphs = None
    ) -> bool:
        result = self._query(sparql, bindings, default_graphs)
        if not isinstance(result, QueryBoolean):
            raise QueryError("expected an ASK query")
        return bool(result)

    def construct(self, sparql: str, *, default_graphs: Graphs = None) -> list[Triple]:
        result = self._query(sparql, None, default_graphs)
        if not isinstance(result, QueryTriples):
            raise QueryError("expected a CONSTRUCT or DESCRIBE query")
        return list(result)

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
        return [graph.value for graph in self._graphs]

    def quad_count(self) -> int:
        return sum(
            len(list(self._store.raw.quads_for_pattern(None, None, None, graph)))
            for graph in self._graphs
        )

    def export(self, rdf_format: RdfFormat, graph: str | None = None) -> bytes:
        raise StoreError("a dataset view cannot be exported; export the store's graphs")

    def close(self) -> None:
        """Nothing to release: the store belongs to the caller."""
