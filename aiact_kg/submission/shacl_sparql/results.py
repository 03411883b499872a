"""One result of validating a node against a shape, whichever engine found it."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node


@dataclass(frozen=True)
class ShapeResult:
    """What a ``sh:ValidationResult`` says (W3C SHACL §3.6.2), as rdflib terms.

    ``path`` is the ``sh:path`` node of the shape (a blank node for a complex path), ``value``
    is absent for results about the focus node as a whole (counts, ``sh:hasValue``).
    """

    focus: Node
    path: Node | None
    value: Node | None
    severity: URIRef
    source_shape: Node
    component: URIRef
    messages: tuple[Literal, ...]

    def key(
        self, data: Graph | None = None, shapes: Graph | None = None
    ) -> tuple[str, str, str, str, str, tuple[str, ...]]:
        """A comparable key: focus, path, value, severity, shape and message texts.

        A blank node is keyed by what its graph says about it (``data`` for focus and value
        nodes, ``shapes`` for paths and shapes), never by its label, which differs between two
        readings of the same input."""
        return (
            term_key(self.focus, data),
            term_key(self.path, shapes),
            term_key(self.value, data),
            str(self.severity),
            term_key(self.source_shape, shapes),
            tuple(sorted(str(m) for m in self.messages)),
        )


def term_key(node: Node | None, graph: Graph | None = None, depth: int = 0) -> str:
    """A key of a term; a blank node's key is the sorted keys of its statements, recursively."""
    if node is None:
        return ""
    if isinstance(node, Literal):
        return f"{node!s}^^{node.datatype or ''}@{node.language or ''}"
    if isinstance(node, BNode) and graph is not None and depth < 8:
        described = sorted(
            f"{p} {term_key(o, graph, depth + 1)}" for p, o in graph.predicate_objects(node)
        )
        return "[" + "; ".join(described) + "]"
    return f"{type(node).__name__}:{node}"
