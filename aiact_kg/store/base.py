"""The store interface: what the knowledge base needs from a SPARQL 1.1 quad store.

Two implementations: the embedded pyoxigraph store (:mod:`aiact_kg.store.oxigraph_store`) and
a remote SPARQL 1.1 Protocol endpoint (:mod:`aiact_kg.store.sparql_endpoint`);
:func:`aiact_kg.store.factory.open_store` picks one from a path or a URL. Terms are pyoxigraph
terms; a remote engine's results are parsed back into them.

``default_graphs`` (on queries) names the graphs whose merge is the query's default graph, as
the SPARQL 1.1 Protocol's ``default-graph-uri``; ``None`` leaves the engine's own default.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple

Term = NamedNode | BlankNode | Literal


@dataclass(frozen=True)
class SelectResult:
    """The solutions of a SELECT query: variable names and one tuple of terms per row."""

    variables: tuple[str, ...]
    rows: tuple[tuple[Term | None, ...], ...]

    def column(self, name: str) -> list[Term | None]:
        index = self.variables.index(name)
        return [row[index] for row in self.rows]

    def records(self) -> list[dict[str, Term | None]]:
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]


Bindings = Mapping[str, Term]
Graphs = Sequence[str] | None


class KnowledgeStore(Protocol):
    """A quad store holding the knowledge base in named graphs."""

    def load_file(self, path: Path, rdf_format: RdfFormat, graph: str) -> None:
        """Add the triples of one RDF file to a named graph."""

    def load_bytes(self, data: bytes, rdf_format: RdfFormat, graph: str) -> None:
        """Add the triples of an RDF document (bytes) to a named graph (a bulk load)."""

    def add_quads(self, quads: Iterable[Quad]) -> None:
        """Insert quads (in the default graph or named graphs), as one write where possible."""

    def select(
        self, sparql: str, bindings: Bindings | None = None, *, default_graphs: Graphs = None
    ) -> SelectResult:
        """Run a SELECT query; ``bindings`` fix variables to terms (never string-formatted)."""

    def ask(
        self, sparql: str, bindings: Bindings | None = None, *, default_graphs: Graphs = None
    ) -> bool:
        """Run an ASK query."""

    def construct(self, sparql: str, *, default_graphs: Graphs = None) -> list[Triple]:
        """Run a CONSTRUCT (or DESCRIBE) query; the triples it gives."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update (one request: one transaction where the engine has them)."""

    def clear_graph(self, graph: str) -> None:
        """Remove a named graph and everything in it (no error if there is none)."""

    def replace_graphs(self, moves: Mapping[str, str]) -> None:
        """Atomic swap: each target graph (value) gets the content of its source (key), which
        is then empty; all in one update where the engine runs an update as a transaction."""

    def named_graphs(self) -> Sequence[str]:
        """IRIs of the named graphs in the store."""

    def quad_count(self) -> int:
        """Number of quads in all graphs."""

    def export(self, rdf_format: RdfFormat, graph: str | None = None) -> bytes:
        """Serialise the whole store (or one graph) in the given format."""

    def close(self) -> None:
        """Release the store."""


def move_update(moves: Mapping[str, str]) -> str:
    """The SPARQL update that moves each source graph onto its target, in one request."""
    return " ;\n".join(f"MOVE SILENT <{source}> TO <{target}>" for source, target in moves.items())
