"""The SHACL-to-SPARQL compiler: every shipped shape compiles, the queries come from the shapes
graph alone, and what it does not translate is refused by name (never silently skipped)."""

from __future__ import annotations

import re

import pytest
from pyoxigraph import QuerySolutions, Store
from rdflib import Graph, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from aiact_kg import resources
from aiact_kg.submission.shacl_sparql import UnsupportedShapeError, compile_shapes

PREFIXES = """
@prefix ex: <https://example.org/shapes#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""
_IRI = re.compile(r"<([^<>\s]+)>")
_VOCABULARIES = (str(SH), str(RDF), str(RDFS), str(XSD))


def _shapes(path_name: str) -> Graph:
    return Graph().parse(resources.data_dir("shapes") / path_name, format="turtle")


@pytest.mark.parametrize("name", ["submission.shapes.ttl", "ontology-quality.shapes.ttl"])
def test_shipped_shapes_compile_to_queries_that_run(name: str) -> None:
    shapes = _shapes(name)
    compiled = compile_shapes(shapes)
    property_shapes = {  # of the named node shapes (those nested in sh:or have no query)
        p for s, p in shapes.subject_objects(SH.property) if isinstance(s, URIRef)
    }
    assert len(compiled.queries) >= len(property_shapes) > 0
    empty = Store()
    for query in compiled.queries:
        rows = empty.query(query.text)
        assert isinstance(rows, QuerySolutions)
        assert list(rows) == [], query.text  # parses; nothing to report


def test_queries_use_only_terms_of_the_shapes_graph() -> None:
    """No constant is written into the compiler: every IRI comes from the shapes or SHACL."""
    shapes = _shapes("submission.shapes.ttl")
    known = {str(node) for triple in shapes for node in triple if isinstance(node, URIRef)}
    known |= {str(namespace) for namespace in shapes.objects(None, SH.namespace)}
    for query in compile_shapes(shapes).queries:
        for iri in _IRI.findall(query.text):
            assert iri in known or iri.startswith(_VOCABULARIES), iri


@pytest.mark.parametrize(
    ("constraint", "named"),
    [
        ("sh:closed true", "closed"),
        ("sh:property [ sh:path ex:p ; sh:equals ex:q ]", "equals"),
        ("sh:property [ sh:path ex:p ; sh:lessThan ex:q ]", "lessThan"),
        (
            "sh:property [ sh:path ex:p ; sh:qualifiedValueShape [ sh:class ex:C ] ; "
            "sh:qualifiedMinCount 1 ; sh:qualifiedValueShapesDisjoint true ]",
            "qualifiedValueShapesDisjoint",
        ),
        ("sh:property [ sh:path ex:p ; sh:uniqueLang true ]", "uniqueLang"),
    ],
)
def test_what_is_not_translated_is_refused_by_name(constraint: str, named: str) -> None:
    shapes = Graph().parse(
        data=PREFIXES + f"ex:S a sh:NodeShape ; sh:targetClass ex:C ; {constraint} .",
        format="turtle",
    )
    with pytest.raises(UnsupportedShapeError, match=named):
        compile_shapes(shapes)


def test_a_target_without_a_query_is_refused() -> None:
    shapes = Graph().parse(
        data=PREFIXES + "ex:S a sh:NodeShape ; sh:target [ a ex:SomeTargetType ] ; "
        "sh:property [ sh:path ex:p ; sh:minCount 1 ] .",
        format="turtle",
    )
    with pytest.raises(UnsupportedShapeError, match="SPARQL target"):
        compile_shapes(shapes)


def test_deactivated_shapes_give_no_query() -> None:
    shapes = Graph().parse(
        data=PREFIXES + "ex:S a sh:NodeShape ; sh:targetClass ex:C ; sh:deactivated true ; "
        "sh:property [ sh:path ex:p ; sh:minCount 1 ] .\n"
        "ex:T a sh:NodeShape ; sh:targetClass ex:C ; "
        "sh:property [ sh:path ex:p ; sh:minCount 1 ; sh:deactivated true ] .",
        format="turtle",
    )
    assert compile_shapes(shapes).queries == ()
