"""The dataset view: chosen named graphs of a store read as one default graph, read-only."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Quad, RdfFormat

from aiact_kg.errors import QueryError, StoreError
from aiact_kg.service.dataset import DatasetView
from aiact_kg.store.oxigraph_store import OxigraphStore

G = "urn:test:"
ASK = "ASK { ?s <urn:test:p> ?o }"


def _store() -> OxigraphStore:
    store = OxigraphStore()
    p = NamedNode(G + "p")
    store.add_quads(
        Quad(NamedNode(G + name), p, Literal(name), NamedNode(G + graph))
        for name, graph in (("a", "one"), ("b", "two"), ("c", "other"))
    )
    return store


def test_the_view_reads_its_graphs_as_the_default_graph() -> None:
    view = DatasetView(_store(), [G + "one", G + "two"])
    rows = view.select("SELECT ?o WHERE { ?s <urn:test:p> ?o } ORDER BY ?o").column("o")
    assert [term.value for term in rows if term is not None] == ["a", "b"]
    assert view.ask(ASK, {"s": NamedNode(G + "a")})
    assert not view.ask(ASK, {"s": NamedNode(G + "c")})
    assert len(view.construct("CONSTRUCT WHERE { ?s ?p ?o }")) == 2
    assert view.ask(ASK, {"s": NamedNode(G + "c")}, default_graphs=[G + "other"])
    assert view.quad_count() == 2
    assert list(view.named_graphs()) == [G + "one", G + "two"]


def test_the_view_is_read_only_and_checks_queries_as_the_store_does() -> None:
    store = _store()
    view = DatasetView(store, [G + "one"])
    with pytest.raises(StoreError, match="read-only"):
        view.update("INSERT DATA { <urn:a> <urn:b> <urn:c> }")
    with pytest.raises(StoreError, match="read-only"):
        view.clear_graph(G + "one")
    with pytest.raises(StoreError, match="cannot be exported"):
        view.export(RdfFormat.N_QUADS)
    with pytest.raises(QueryError, match="expected a SELECT"):
        view.select(ASK)
    with pytest.raises(QueryError, match="not valid"):
        view.select("SELECT WHERE {")
    view.close()
    assert store.quad_count() == 3
