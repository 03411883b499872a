"""The knowledge base checks itself: quality shapes and zero-row check queries."""

from __future__ import annotations

import pytest
from pyoxigraph import RdfFormat
from pyshacl import validate
from rdflib import Graph

from aiact_kg import resources
from aiact_kg.queries import list_queries, run_select
from aiact_kg.store.oxigraph_store import OxigraphStore

CHECKS = list_queries("checks/")


@pytest.mark.parametrize("check", CHECKS, ids=[query.path.stem for query in CHECKS])
def test_check_query_returns_no_rows(kb: OxigraphStore, check: object) -> None:
    result = run_select(kb, check.name)  # type: ignore[attr-defined]
    rows = [", ".join(cell.value if cell else "" for cell in row) for row in result.rows[:20]]
    assert not result.rows, f"{len(result.rows)} violation(s), first ones:\n" + "\n".join(rows)


def _union_of_shipped_graphs(kb: OxigraphStore) -> Graph:
    """Our own graphs (not the external vocabularies), as one rdflib graph."""
    union = Graph()
    for source in resources.knowledge_base_sources():
        union.parse(data=kb.export(RdfFormat.N_TRIPLES, source.graph_iri), format="nt")
    return union


def test_ontology_quality_shapes_conform(kb: OxigraphStore) -> None:
    shapes = Graph()
    for path in resources.shape_files():
        if path.name == "ontology-quality.shapes.ttl":
            shapes.parse(path)
    conforms, _, text = validate(
        _union_of_shipped_graphs(kb), shacl_graph=shapes, advanced=True, inference="none"
    )
    assert conforms, text[:5000]


def test_check_queries_can_fail() -> None:
    """A provision IRI that does not exist is reported by the dangling-provision check."""
    store = OxigraphStore()
    store.update(
        "INSERT DATA { GRAPH <https://w3id.org/aiact-kg/graph/obligations> { "
        "<https://w3id.org/aiact-kg/obligation/x> "
        "<https://w3id.org/aiact-kg/ontology#sourceProvision> "
        "<https://w3id.org/aiact-kg/reg/2024/1689/art_999> } }"
    )
    assert run_select(store, "checks/dangling-source-provision-violation").rows


LAW_GRAPH = "https://w3id.org/aiact-kg/graph/law"
AIA, AIAC = "https://w3id.org/aiact-kg/ontology#", "https://w3id.org/aiact-kg/concept/"


def test_derived_applicability_check_can_fail() -> None:
    """An amended applicability drawn from a change the assessments do not apply is reported."""
    graph, aia, aiac = LAW_GRAPH, AIA, AIAC
    see_also = "http://www.w3.org/2000/01/rdf-schema#seeAlso"
    store = OxigraphStore()
    store.update(
        f"INSERT DATA {{ GRAPH <{graph}> {{ "
        f"<{aiac}derived> a <{aia}AmendedApplicability> ; <{aia}amendedBy> <{aiac}amendment> ; "
        f"<{see_also}> <{aiac}base> . "
        f"<{aiac}base> a <{aia}ProvisionChange> ; <{aia}amendedBy> <{aiac}amendment> ; "
        f"<{aia}appliedInAssessment> false . }} }}"
    )
    check = "checks/derived-applicability-base-violation"
    assert [row[0].value for row in run_select(store, check).rows] == [f"{aiac}derived"]
    store.update(
        f"DELETE DATA {{ GRAPH <{graph}> {{ <{aiac}base> <{aia}appliedInAssessment> false }} }} ; "
        f"INSERT DATA {{ GRAPH <{graph}> {{ <{aiac}base> <{aia}appliedInAssessment> true }} }}"
    )
    assert not run_select(store, check).rows


def test_postponed_date_check_can_fail() -> None:
    """An amended applicability by category that does not state the date it postpones is reported."""
    graph, aia, aiac = LAW_GRAPH, AIA, AIAC
    store = OxigraphStore()
    store.update(
        f"INSERT DATA {{ GRAPH <{graph}> {{ "
        f"<{aiac}moved> a <{aia}AmendedApplicability> ; "
        f"<{aia}affectsCategory> <{aiac}category-high-risk> . }} }}"
    )
    check = "checks/postponed-date-unstated-violation"
    assert [row[0].value for row in run_select(store, check).rows] == [f"{aiac}moved"]
    store.update(
        f"INSERT DATA {{ GRAPH <{graph}> {{ <{aiac}moved> <{aia}previousDate> "
        f'"2026-08-02"^^<http://www.w3.org/2001/XMLSchema#date> }} }}'
    )
    assert not run_select(store, check).rows

