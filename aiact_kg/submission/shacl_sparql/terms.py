"""rdflib terms and lists of the shapes graph written as SPARQL text."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node


class UnsupportedShapeError(ValueError):
    """A shape uses something the compiler does not translate (named in the message)."""


def iri(node: Node) -> str:
    if not isinstance(node, URIRef):
        raise UnsupportedShapeError(f"expected an IRI, found {node!r}")
    return f"<{node}>"


def _escaped(text: str) -> str:
    return (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )


def string(text: str) -> str:
    """A plain string literal."""
    return f'"{_escaped(text)}"'


def term(node: Node) -> str:
    """An IRI or a literal of the shapes graph as SPARQL text (blank nodes are not constants)."""
    if isinstance(node, URIRef):
        return iri(node)
    if isinstance(node, Literal):
        if node.language:
            return f"{string(str(node))}@{node.language}"
        if node.datatype is not None:
            return f"{string(str(node))}^^<{node.datatype}>"
        return string(str(node))
    raise UnsupportedShapeError(f"a blank node cannot be a constant in a constraint: {node!r}")


def members(graph: Graph, head: Node) -> list[Node]:
    """The members of an RDF list."""
    if head == URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"):
        return []
    if not isinstance(head, BNode | URIRef):
        raise UnsupportedShapeError(f"expected an RDF list, found {head!r}")
    return list(Collection(graph, head))


def number(node: Node | None) -> int:
    """A whole-number parameter (``sh:minCount 1``)."""
    if not isinstance(node, Literal) or not isinstance(node.toPython(), int):
        raise UnsupportedShapeError(f"expected a whole number, found {node!r}")
    return int(node.toPython())


def ordered(nodes: Iterable[Node]) -> list[Node]:
    """Nodes in a stable order (so that the compiled text does not change between runs)."""
    return sorted(nodes, key=lambda node: (type(node).__name__, str(node)))
