"""The W3C SHACL validation report (SHACL §3.6) built from :class:`ShapeResult` records."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from aiact_kg.submission.shacl_sparql.results import ShapeResult


def _copy_description(shapes: Graph, report: Graph, node: Node, seen: set[Node]) -> None:
    """Copy what the shapes say about a blank node (a property shape, a complex path, a
    list) into the report, as pyshacl does, so that the report names it."""
    if not isinstance(node, BNode) or node in seen:
        return
    seen.add(node)
    for predicate, value in shapes.predicate_objects(node):
        report.add((node, predicate, value))
        _copy_description(shapes, report, value, seen)


def report_graph(results: Iterable[ShapeResult], shapes: Graph) -> Graph:
    """A ``sh:ValidationReport`` with one ``sh:result`` per result; conforms without violations."""
    graph = Graph()
    for prefix, namespace in shapes.namespaces():
        graph.bind(prefix, namespace)
    report = BNode()
    graph.add((report, RDF.type, SH.ValidationReport))
    conforms = True
    seen: set[Node] = set()
    for found in results:
        result = BNode()
        graph.add((report, SH.result, result))
        graph.add((result, RDF.type, SH.ValidationResult))
        graph.add((result, SH.focusNode, found.focus))
        graph.add((result, SH.resultSeverity, found.severity))
        graph.add((result, SH.sourceShape, found.source_shape))
        _copy_description(shapes, graph, found.source_shape, seen)
        graph.add((result, SH.sourceConstraintComponent, found.component))
        if found.path is not None:
            graph.add((result, SH.resultPath, found.path))
            _copy_description(shapes, graph, found.path, seen)
        if found.value is not None:
            graph.add((result, SH.value, found.value))
        for message in found.messages:
            graph.add((result, SH.resultMessage, message))
        conforms = conforms and found.severity != SH.Violation
    graph.add((report, SH.conforms, Literal(conforms)))
    return graph
