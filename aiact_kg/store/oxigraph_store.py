"""The embedded, persistent knowledge-base store, backed by pyoxigraph (RocksDB on disk)."""

from __future__ import annotations

import gc
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    QueryTriples,
    RdfFormat,
    Store,
    Triple,
    Variable,
    parse_query_results,
)

from aiact_kg.errors import QueryError, StoreError
from aiact_kg.namespaces import ASSESSMENT, PREFIXES
from aiact_kg.store.base import Bindings, Graphs, SelectResult, Term, move_update
from aiact_kg.store.remote import check_query, check_update
from aiact_kg.store.tsv_rows import Terms, UnknownCellError, tsv_rows

_UNION_OF_GRAPHS = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"


# SERVICE and LOAD can only be written out as such: a text without either word needs no check
_MAYBE_REMOTE = re.compile("service|load", re.IGNORECASE)


@lru_cache(maxsize=1024)
def _checked_query(sparql: str) -> None:
    if _MAYBE_REMOTE.search(sparql):
        check_query(sparql)


# The IRIs a run mints (<assessment namespace><run id>/...) make every run's rule texts new;
# a run id of hex digits holds no keyword and is bounded by "/" on both sides, so the text with
# it replaced has exactly the keywords of the original: the check is cached on that text.
_RUN_ID = re.compile(re.escape(ASSESSMENT) + r"[0-9a-f]{32}/")


@lru_cache(maxsize=1024)
def _checked_update_text(sparql: str) -> None:
    if _MAYBE_REMOTE.search(sparql):
        check_update(sparql)


def _checked_update(sparql: str) -> None:
    try:
        _checked_update_text(_RUN_ID.sub(ASSESSMENT + "run/", sparql))
    except QueryError:
        check_update(sparql)  # refused: say so about the text as given
        raise


def _substitutions(
    bindings: Bindings | None,
) -> dict[Variable, NamedNode | BlankNode | Literal | Triple] | None:
    if not bindings:
        return None
    return {Variable(name): term for name, term in bindings.items()}


# distinct terms kept by a store between queries (the queries of one report share most of
# theirs); past this many, the cache starts again
_MAX_TERMS = 100_000


def _rows(
    result: QuerySolutions, variables: tuple[str, ...], terms: Terms
) -> tuple[tuple[Term | None, ...], ...]:
    """The solutions as rows of terms: read from their TSV serialisation (each distinct term
    made once, see :mod:`.tsv_rows`), or solution by solution where that reader cannot."""
    data = result.serialize(format=QueryResultsFormat.TSV)
    if len(terms) > _MAX_TERMS:
        terms.clear()
    try:
        return tsv_rows(data or b"", len(variables), terms)
    except UnknownCellError:
        pass
    solutions = parse_query_results(data or b"", format=QueryResultsFormat.TSV)
    assert isinstance(solutions, QuerySolutions)
    return tuple(tuple(solution[name] for name in variables) for solution in solutions)


class OxigraphStore:
    """A :class:`~aiact_kg.store.base.KnowledgeStore` in a pyoxigraph store.

    ``path=None`` gives an in-memory store (used by tests and benchmarks).
    """

    def __init__(self, path: Path | None = None, *, read_only: bool = False) -> None:
        self.path = path
        self._closers: list[Callable[[], None]] = []
        self._terms = Terms()
        try:
            if path is None:
                self._store = Store()
            elif read_only:
                self._store = Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = Store(str(path))
        except (OSError, RuntimeError) as error:  # RocksDB reports corruption as RuntimeError
            raise StoreError(f"cannot open the knowledge-base store at {path}: {error}") from None

    @property
    def raw(self) -> Store:
        """The underlying pyoxigraph store (for bulk operations inside this package)."""
        return self._store

    def load_file(self, path: Path, rdf_format: RdfFormat, graph: str) -> None:
        try:
            # One transaction per file: the shipped files are small, and this is several
            # times faster than bulk_load, which writes new table files for every call.
            self._store.load(path=str(path), format=rdf_format, to_graph=NamedNode(graph))
        except (SyntaxError, ValueError, OSError) as error:
            raise StoreError(f"cannot load {path.name} into <{graph}>: {error}") from None

    def load_bytes(self, data: bytes, rdf_format: RdfFormat, graph: str) -> None:
        try:
            self._store.load(data, format=rdf_format, to_graph=NamedNode(graph))
        except (SyntaxError, ValueError, OSError) as error:
            raise StoreError(f"cannot load the data into <{graph}>: {error}") from None

    def add_quads(self, quads: Iterable[Quad]) -> None:
        self._store.extend(quads)

    def _query(self, sparql: str, bindings: Bindings | None, default_graphs: Graphs) -> object:
        _checked_query(sparql)  # no SERVICE: nothing is ever fetched
        graphs: list[NamedNode | BlankNode | DefaultGraph] | None = (
            None if default_graphs is None else [NamedNode(g) for g in default_graphs]
        )
        try:
            return self._store.query(
                sparql, substitutions=_substitutions(bindings), default_graph=graphs
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
        return SelectResult(variables, _rows(result, variables, self._terms))

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

    def update(self, sparql: str) -> None:
        _checked_update(sparql)  # no LOAD or SERVICE: nothing is ever fetched
        try:
            self._store.update(sparql)
        except SyntaxError as error:
            raise QueryError(f"the SPARQL update is not valid: {error}") from None

    def clear_graph(self, graph: str) -> None:
        if self._store.contains_named_graph(NamedNode(graph)):
            self._store.remove_graph(NamedNode(graph))

    def replace_graphs(self, moves: Mapping[str, str]) -> None:
        if moves:
            self._store.update(move_update(moves))  # one update: one transaction

    def named_graphs(self) -> Sequence[str]:
        return sorted(
            graph.value for graph in self._store.named_graphs() if isinstance(graph, NamedNode)
        )

    def quad_count(self) -> int:
        return len(self._store)

    def export(self, rdf_format: RdfFormat, graph: str | None = None) -> bytes:
        if graph is not None:
            data = self._store.dump(
                format=rdf_format, from_graph=NamedNode(graph), prefixes=PREFIXES
            )
        elif rdf_format.supports_datasets:
            data = self._store.dump(format=rdf_format, prefixes=PREFIXES)
        else:  # a format without named graphs gets the union of all graphs
            triples = self._store.query(_UNION_OF_GRAPHS)
            assert isinstance(triples, QueryTriples)
            data = triples.serialize(format=rdf_format)
        return data or b""

    def flush(self) -> None:
        self._store.flush()

    def add_closer(self, closer: Callable[[], None]) -> None:
        """Run ``closer`` once when this store is closed (e.g. to release a lock)."""
        self._closers.append(closer)

    def close(self) -> None:
        self._terms.clear()
        if hasattr(self, "_store"):
            del self._store
            if self.path is not None:  # a store on disk: its lock goes with the last reference
                gc.collect()
        while self._closers:
            self._closers.pop()()
