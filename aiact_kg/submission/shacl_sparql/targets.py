"""The focus nodes of a shape (W3C SHACL §2.1.3, §5.1) as one SPARQL subquery binding ?this."""

from __future__ import annotations

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH
from rdflib.term import Node

from aiact_kg.submission.shacl_sparql.terms import UnsupportedShapeError, iri, ordered, term

TYPE_PATH = f"<{RDF.type}>/<{RDFS.subClassOf}>*"
TARGET_PREDICATES = (
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.target,
)


def is_class(shapes: Graph, shape: Node) -> bool:
    """A shape that is also a class targets its instances (implicit class target)."""
    return any((shape, RDF.type, kind) in shapes for kind in (RDFS.Class, OWL.Class))


def has_target(shapes: Graph, shape: Node) -> bool:
    return any(shapes.value(shape, p) is not None for p in TARGET_PREDICATES) or (
        isinstance(shape, URIRef) and is_class(shapes, shape)
    )


def prefixes(shapes: Graph, node: Node) -> dict[str, str]:
    """The prefixes declared (``sh:declare``) by the ``sh:prefixes`` of a SPARQL node."""
    declared: dict[str, str] = {}
    for owner in shapes.objects(node, SH.prefixes):
        for declaration in shapes.objects(owner, SH.declare):
            prefix, namespace = (
                shapes.value(declaration, SH.prefix),
                shapes.value(declaration, SH.namespace),
            )
            if prefix is None or namespace is None:
                raise UnsupportedShapeError(f"{owner}: a sh:declare without prefix or namespace")
            if declared.setdefault(str(prefix), str(namespace)) != str(namespace):
                raise UnsupportedShapeError(f"{owner}: prefix {prefix} declared twice")
    return declared


def prologue(declared: dict[str, str]) -> str:
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in sorted(declared.items()))


def _sparql_target(shapes: Graph, shape: Node, target: Node, declared: dict[str, str]) -> str:
    select = shapes.value(target, SH.select)
    if select is None:
        raise UnsupportedShapeError(f"{shape}: a sh:target that is not a SPARQL target (sh:select)")
    if shapes.value(target, SH.deactivated) is not None:
        raise UnsupportedShapeError(f"{shape}: a deactivated sh:target is not compiled")
    for prefix, namespace in prefixes(shapes, target).items():
        if declared.setdefault(prefix, namespace) != namespace:
            raise UnsupportedShapeError(f"{shape}: prefix {prefix} declared twice")
    return "{ " + str(select).strip() + " }"


def focus_nodes(shapes: Graph, shape: Node) -> tuple[str, dict[str, str]]:
    """A subquery binding ?this to each focus node of ``shape``, and the prefixes it uses."""
    branches: list[str] = []
    declared: dict[str, str] = {}
    classes = list(shapes.objects(shape, SH.targetClass))
    if isinstance(shape, URIRef) and is_class(shapes, shape):
        classes.append(shape)
    branches += [f"?this {TYPE_PATH} {iri(c)}" for c in ordered(set(classes))]
    nodes = ordered(shapes.objects(shape, SH.targetNode))
    if nodes:
        branches.append("VALUES ?this { " + " ".join(term(n) for n in nodes) + " }")
    branches += [
        f"?this {iri(p)} ?target_object"
        for p in ordered(shapes.objects(shape, SH.targetSubjectsOf))
    ]
    branches += [
        f"?target_subject {iri(p)} ?this"
        for p in ordered(shapes.objects(shape, SH.targetObjectsOf))
    ]
    branches += [
        _sparql_target(shapes, shape, t, declared)
        for t in ordered(shapes.objects(shape, SH.target))
    ]
    union = " UNION ".join("{ " + b + " }" for b in branches)
    return "{ SELECT DISTINCT ?this WHERE { " + union + " } }", declared
