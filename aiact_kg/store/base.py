"""The store interface: what the knowledge base needs from a SPARQL 1.1 quad store.

The embedded pyoxigraph store implements it today; a remote SPARQL engine can implement the
same protocol later. Terms are pyoxigraph terms, which can also be parsed from SPARQL results
sent by a remote engine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat

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


class KnowledgeStore(Protocol):
    """A quad store holding the knowledge base in named graphs."""

    def load_file(self, path: Path, rdf_format: RdfFormat, graph: str) -> None:
        """Add the triples of one RDF file to a named graph."""

    def select(self, sparql: str, bindings: Bindings | None = None) -> SelectResult:
        """Run a SELECT query; ``bindings`` fix variables to terms (never string-formatted)."""

    def ask(self, sparql: str, bindings: Bindings | None = None) -> bool:
        """Run an ASK query."""

    def update(self, sparql: str) -> None:
        """Run a SPARQL 1.1 update."""

    def named_graphs(self) -> Sequence[str]:
        """IRIs of the named graphs in the store."""

    def quad_count(self) -> int:
        """Number of quads in all graphs."""

    def export(self, rdf_format: RdfFormat, graph: str | None = None) -> bytes:
        """Serialise the whole store (or one graph) in the given format."""

    def close(self) -> None:
        """Release the store."""
