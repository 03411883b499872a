"""One result of validating a node against a shape, whichever engine found it."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef
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

    def key(self) -> tuple[str, str, str, str, str, tuple[str, ...]]:
        """A comparable key: focus, path, value, severity, shape and messages as text."""
        return (
            _term_key(self.focus),
            _term_key(self.path),
            _term_key(self.value),
            str(self.severity),
            _term_key(self.source_shape),
            tuple(sorted(f"{m}@{m.language or ''}" for m in self.messages)),
        )


def _term_key(node: Node | None) -> str:
    if node is None:
        return ""
    if isinstance(node, Literal):
        return f"{node!s}^^{node.datatype or ''}@{node.language or ''}"
    return f"{type(node).__name__}:{node}"
