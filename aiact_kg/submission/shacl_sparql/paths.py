"""SHACL property paths (W3C SHACL §2.3.1) as SPARQL property paths."""

from __future__ import annotations

from rdflib import BNode, Graph, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from aiact_kg.submission.shacl_sparql.terms import UnsupportedShapeError, iri, members

_UNARY = {
    SH.inversePath: ("^(", ")"),
    SH.zeroOrMorePath: ("(", ")*"),
    SH.oneOrMorePath: ("(", ")+"),
    SH.zeroOrOnePath: ("(", ")?"),
}


def path_text(shapes: Graph, path: Node) -> str:
    """The SPARQL property path of a SHACL path node."""
    if isinstance(path, URIRef):
        return iri(path)
    if not isinstance(path, BNode):
        raise UnsupportedShapeError(f"not a SHACL path: {path!r}")
    for predicate, (before, after) in _UNARY.items():
        inner = shapes.value(path, predicate)
        if inner is not None:
            return f"{before}{path_text(shapes, inner)}{after}"
    alternatives = shapes.value(path, SH.alternativePath)
    if alternatives is not None:
        return "(" + "|".join(path_text(shapes, p) for p in members(shapes, alternatives)) + ")"
    steps = members(shapes, path)
    if len(steps) < 2:
        raise UnsupportedShapeError(f"a sequence path needs two steps or more: {path!r}")
    return "(" + "/".join(path_text(shapes, p) for p in steps) + ")"
