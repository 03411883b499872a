"""A knowledge-base store on a remote SPARQL 1.1 engine, over the SPARQL 1.1 Protocol.

Queries and updates go through SPARQLWrapper (POST, URL-encoded); results come back as SPARQL
JSON (SELECT, ASK) or Turtle / N-Triples (CONSTRUCT) and are parsed into pyoxigraph terms, so
the rest of the package cannot tell this store from the embedded one. Bulk loads use the Graph
Store Protocol (``POST <graph store>?graph=<iri>``) when the engine has one, else batched
``INSERT DATA`` requests that never split the triples sharing a blank node.

Every failure names the endpoint and the request (the rule it runs, or its first line): an
engine that cannot be reached, answers with an HTTP error, or does not answer within the time
limit of a request (:mod:`aiact_kg.store.endpoint_errors`: ``timeout=``, else
``$AIACT_KG_STORE_TIMEOUT``, else 300 s; an engine's own limit gives the same kind of error). An
engine that silently cuts results (Virtuoso's ``ResultSetMaxRows``, announced in its
``X-SPARQL-MaxRows`` header, or an "anytime" answer cut at its time limit, ``X-SQL-State``) is
an error too, never a shorter answer. Each request is logged (debug level) with its time.

This module is not :mod:`aiact_kg.store.remote`, which refuses ``SERVICE`` and ``LOAD``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pyoxigraph import (
    BlankNode,
    DefaultGraph,
    Literal,
    NamedNode,
    Quad,
    RdfFormat,
    Triple,
    parse,
    serialize,
)
from SPARQLWrapper import CONSTRUCT, INSERT, JSON, POST, SELECT, TURTLE, URLENCODED, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from aiact_kg.errors import QueryError, StoreError, StoreTimeoutError
from aiact_kg.namespaces import PREFIXES
from aiact_kg.queries import bind_values
from aiact_kg.store.base import Bindings, Graphs, SelectResult, Term, move_update
from aiact_kg.store.endpoint_errors import describe, endpoint_error, request_timeout
from aiact_kg.store.lexical import canonical_lexical
from aiact_kg.store.remote import check_query, check_update

DEFAULT_BATCH = 2000  # triples per INSERT DATA request (Virtuoso refuses very large ones)
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
_BLANK_ID = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
_DEADLOCK = re.compile(r"\b40001\b|deadlock", re.IGNORECASE)
_DEADLOCK_RETRIES = 5
_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Endpoints:
    """Where an engine takes queries, updates and (optionally) Graph Store Protocol requests."""

    query: str
    update: str
    graph_store: str | None = None

    @classmethod
    def from_url(cls, url: str) -> Endpoints:
        """The endpoints of an engine from its query URL (see docs/deploy.md).

        ``.../query`` (the Oxigraph server, Fuseki's ``/<dataset>/query``) gives ``.../update``
        and the Graph Store Protocol at ``.../store`` (Oxigraph) or ``.../data`` (Fuseki);
        ``.../sparql`` (Virtuoso) takes queries and updates, with the Graph Store Protocol at
        ``.../sparql-graph-crud``; GraphDB's ``/repositories/<id>`` takes updates at
        ``.../statements``; any other URL (QLever, ...) takes queries and updates alike, with
        batched ``INSERT DATA`` for bulk loads.
        """
        if url.endswith("/query"):
            base = url.removesuffix("/query")
            return cls(url, base + "/update", base + ("/data" if "fuseki" in url else "/store"))
        if url.endswith("/sparql"):
            return cls(url, url, url + "-graph-crud")
        if "/repositories/" in url:
            return cls(url, url.rstrip("/") + "/statements")
        return cls(url, url)


def _blank(value: str) -> BlankNode:
    """A pyoxigraph blank node for an engine's label (``nodeID://b1`` is not a valid id)."""
    if _BLANK_ID.match(value):
        return BlankNode(value)
    return BlankNode("b" + hashlib.sha256(value.encode("utf-8")).hexdigest()[:32])


def term_from_json(binding: Mapping[str, Any]) -> Term:
    """A pyoxigraph term from one SPARQL 1.1 JSON results binding (booleans and numbers in
    the lexical form the embedded store gives them, :mod:`aiact_kg.store.lexical`)."""
    kind, value = binding.get("type"), binding.get("value", "")
    if kind == "uri":
        return NamedNode(value)
    if kind == "bnode":
        return _blank(value)
    if kind in ("literal", "typed-literal"):
        language = binding.get("xml:lang")
        if language:
            return Literal(value, language=language)
        datatype = binding.get("datatype")
        if datatype and datatype != _XSD_STRING:
            return Literal(canonical_lexical(value, datatype), datatype=NamedNode(datatype))
        return Literal(value)
    raise StoreError(f"a SPARQL result holds a term of unknown type {kind!r}")


def _components(quads: Sequence[Quad]) -> list[list[Quad]]:
    """The quads grouped so that quads sharing a blank node stay together (union-find)."""
    parent: dict[str, str] = {}

    def find(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    keys: list[str | None] = []
    for quad in quads:
        blanks = [t.value for t in (quad.subject, quad.object) if isinstance(t, BlankNode)]
        for other in blanks[1:]:
            parent[find(other)] = find(blanks[0])
        keys.append(blanks[0] if blanks else None)
    groups: dict[str, list[Quad]] = {}
    singles: list[list[Quad]] = []
    for quad, key in zip(quads, keys, strict=True):
        if key is None:
            singles.append([quad])
        else:
            groups.setdefault(find(key), []).append(quad)
    return singles + list(groups.values())


def _batches(quads: Sequence[Quad], size: int) -> Iterator[list[Quad]]:
    batch: list[Quad] = []
    for group in _components(quads):
        if batch and len(batch) + len(group) > size:
            yield batch
            batch = []
        batch += group
    if batch:
        yield batch


def insert_data(quads: Sequence[Quad]) -> str:
    """One request inserting ``quads`` (terms written in their N-Triples form).

    ``INSERT DATA`` where there is no blank node; otherwise ``INSERT {...} WHERE {}``, whose
    template makes one fresh node per label (Virtuoso refuses blank nodes in ``INSERT DATA``).
    """
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        graph = "" if isinstance(quad.graph_name, DefaultGraph) else str(quad.graph_name)
        by_graph.setdefault(graph, []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    parts = [
        "\n".join(lines) if not graph else f"GRAPH {graph} {{\n" + "\n".join(lines) + "\n}"
        for graph, lines in by_graph.items()
    ]
    blank = any(isinstance(t, BlankNode) for q in quads for t in (q.subject, q.object))
    body = "{\n" + "\n".join(parts) + "\n}"
    return f"INSERT {body} WHERE {{}}" if blank else f"INSERT DATA {body}"


class SparqlEndpointStore:
    """A :class:`~aiact_kg.store.base.KnowledgeStore` on a SPARQL 1.1 Protocol endpoint."""

    def __init__(
        self,
        url: str,
        *,
        endpoints: Endpoints | None = None,
        timeout: float | None = None,
        batch_size: int = DEFAULT_BATCH,
        use_graph_store: bool = True,
    ) -> None:
        self.url = url
        self.endpoints = endpoints or Endpoints.from_url(url)
        if not use_graph_store:
            self.endpoints = Endpoints(self.endpoints.query, self.endpoints.update)
        self.timeout = request_timeout(timeout)
        self.batch_size = batch_size

    def __str__(self) -> str:
        return f"at {self.url}"

    # -- transport ------------------------------------------------------------------------

    def _wrapper(self, sparql: str, kind: str, default_graphs: Graphs) -> SPARQLWrapper:
        wrapper = SPARQLWrapper(self.endpoints.query, updateEndpoint=self.endpoints.update)
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(URLENCODED)
        wrapper.setTimeout(math.ceil(self.timeout))  # SPARQLWrapper takes whole seconds
        wrapper.setQuery(sparql)
        wrapper.queryType = kind  # never guessed from the text (WITH ... is an update)
        for graph in default_graphs or ():
            wrapper.addDefaultGraph(graph)
        return wrapper

    def _send(self, wrapper: SPARQLWrapper) -> tuple[bytes, str, Mapping[str, str]]:
        """Send a request; its answer, media type and headers. A failure, a time-out (ours or
        the engine's) or a partial answer is a :class:`StoreError` naming the request."""
        what = describe(wrapper.queryString)
        began = time.monotonic()
        _log.debug("%s: sending %s", self.url, what)
        try:
            response = wrapper.query().response
            headers = {key: value for key, value in response.headers.items()}
            data = response.read()
        except (SPARQLWrapperException, OSError) as error:
            _log.debug("%s: %s failed after %.2f s", self.url, what, time.monotonic() - began)
            raise endpoint_error(self.url, what, self.timeout, error) from None
        _log.debug("%s: %s done in %.2f s", self.url, what, time.monotonic() - began)
        if headers.get("X-SQL-State"):  # Virtuoso's "anytime" answer: cut at its time limit
            raise StoreTimeoutError(
                f"the SPARQL endpoint {self.url} stopped {what} at the engine's own time limit "
                f"and sent a partial answer ({headers['X-SQL-State']}: "
                f"{headers.get('X-SQL-Message', '')[:200]})"
            )
        return data, headers.get("Content-Type", ""), headers

    def _results(
        self, sparql: str, bindings: Bindings | None, default_graphs: Graphs
    ) -> dict[str, Any]:
        check_query(sparql)  # no SERVICE: this package never makes the engine fetch anything
        wrapper = self._wrapper(bind_values(sparql, bindings), SELECT, default_graphs)
        wrapper.setReturnFormat(JSON)
        data, _, headers = self._send(wrapper)
        if headers.get("X-SPARQL-MaxRows"):
            raise StoreError(
                f"the SPARQL endpoint {self.url} cut the result at {headers['X-SPARQL-MaxRows']} "
                "rows (raise ResultSetMaxRows in its virtuoso.ini)"
            )
        try:
            parsed: dict[str, Any] = json.loads(data)
        except ValueError:
            raise StoreError(
                f"the SPARQL endpoint {self.url} sent results that are not JSON"
            ) from None
        return parsed

    # -- queries --------------------------------------------------------------------------

    def select(
        self, sparql: str, bindings: Bindings | None = None, *, default_graphs: Graphs = None
    ) -> SelectResult:
        results = self._results(sparql, bindings, default_graphs)
        if "results" not in results:
            raise QueryError("expected a SELECT query")
        variables = tuple(results.get("head", {}).get("vars", []))
        rows = tuple(
            tuple(
                term_from_json(solution[name]) if name in solution else None for name in variables
            )
            for solution in results["results"].get("bindings", [])
        )
        return SelectResult(variables, rows)

    def ask(
        self, sparql: str, bindings: Bindings | None = None, *, default_graphs: Graphs = None
    ) -> bool:
        results = self._results(sparql, bindings, default_graphs)
        if "boolean" not in results:
            raise QueryError("expected an ASK query")
        return bool(results["boolean"])

    def construct(self, sparql: str, *, default_graphs: Graphs = None) -> list[Triple]:
        check_query(sparql)
        wrapper = self._wrapper(sparql, CONSTRUCT, default_graphs)
        wrapper.setReturnFormat(TURTLE)
        wrapper.addCustomHttpHeader("Accept", "application/n-triples, text/turtle;q=0.9")
        data, content_type, _ = self._send(wrapper)
        media_type = content_type.split(";")[0].strip() or "text/turtle"
        rdf_format = RdfFormat.from_media_type(media_type)
        if rdf_format is None:
            raise StoreError(f"the SPARQL endpoint {self.url} answered in {media_type}, not RDF")
        try:
            return [quad.triple for quad in parse(data, format=rdf_format)]
        except SyntaxError as error:
            raise StoreError(
                f"the SPARQL endpoint {self.url} sent unreadable RDF: {error}"
            ) from None

    # -- writes ---------------------------------------------------------------------------

    def update(self, sparql: str) -> None:
        """Run ``sparql``; an update the engine aborted as a deadlock (SQLSTATE 40001, e.g.
        Virtuoso's ``SR172`` between concurrent runs) is rolled back there and sent again."""
        check_update(sparql)  # no LOAD or SERVICE: nothing is ever fetched
        for attempt in range(_DEADLOCK_RETRIES + 1):
            try:
                self._send(self._wrapper(sparql, INSERT, None))  # INSERT: any update
                return
            except StoreError as error:
                if attempt == _DEADLOCK_RETRIES or not _DEADLOCK.search(str(error)):
                    raise
                time.sleep(0.1 * (attempt + 1))

    def add_quads(self, quads: Iterable[Quad]) -> None:
        for batch in _batches(list(quads), self.batch_size):
            self.update(insert_data(batch))

    def load_bytes(self, data: bytes, rdf_format: RdfFormat, graph: str) -> None:
        if self.endpoints.graph_store is not None and self._post_graph(data, rdf_format, graph):
            return
        try:
            quads = [
                Quad(q.subject, q.predicate, q.object, NamedNode(graph))
                for q in parse(data, format=rdf_format)
            ]
        except SyntaxError as error:
            raise StoreError(f"cannot load the data into <{graph}>: {error}") from None
        self.add_quads(quads)

    def _post_graph(self, data: bytes, rdf_format: RdfFormat, graph: str) -> bool:
        """Add ``data`` to ``graph`` by the Graph Store Protocol; False if the engine has none
        there (404, 405: later loads then use ``INSERT DATA``)."""
        assert self.endpoints.graph_store is not None
        target = self.endpoints.graph_store + "?" + urllib.parse.urlencode({"graph": graph})
        request = urllib.request.Request(
            target, data=data, method="POST", headers={"Content-Type": rdf_format.media_type}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                response.read()
        except urllib.error.HTTPError as error:
            if error.code in (404, 405):
                self.endpoints = Endpoints(self.endpoints.query, self.endpoints.update)
                return False
            raise endpoint_error(self.url, "a bulk load", self.timeout, error) from None
        except OSError as error:
            raise endpoint_error(self.url, "a bulk load", self.timeout, error) from None
        return True

    def load_file(self, path: Path, rdf_format: RdfFormat, graph: str) -> None:
        try:
            data = path.read_bytes()
        except OSError as error:
            raise StoreError(f"cannot read {path}: {error.strerror}") from None
        self.load_bytes(data, rdf_format, graph)

    def clear_graph(self, graph: str) -> None:
        self.update(f"DROP SILENT GRAPH <{graph}>")

    def replace_graphs(self, moves: Mapping[str, str]) -> None:
        if moves:
            self.update(move_update(moves))

    # -- the whole store ------------------------------------------------------------------

    def has_graph(self, graph: str) -> bool:
        """Whether the engine holds triples in ``graph`` (one indexed lookup)."""
        return self.ask(f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")

    def named_graphs(self) -> Sequence[str]:
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return sorted(row[0].value for row in rows if isinstance(row[0], NamedNode))

    def quad_count(self) -> int:
        """The quads of the named graphs (some engines' default graph is their union)."""
        rows = self.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        count = rows[0][0] if rows else None
        return int(count.value) if count is not None else 0

    def _graph_quads(self, graph: str) -> list[Quad]:
        triples = self.construct(
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
        )
        return [Quad(t.subject, t.predicate, t.object, NamedNode(graph)) for t in triples]

    def export(self, rdf_format: RdfFormat, graph: str | None = None) -> bytes:
        graphs = [graph] if graph is not None else list(self.named_graphs())
        quads = [quad for iri in graphs for quad in self._graph_quads(iri)]
        if graph is not None or not rdf_format.supports_datasets:
            data = serialize([q.triple for q in quads], format=rdf_format, prefixes=PREFIXES)
        else:
            data = serialize(quads, format=rdf_format, prefixes=PREFIXES)
        return data or b""

    def close(self) -> None:
        """Nothing to release: every request is its own connection."""
