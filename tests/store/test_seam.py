"""The store seam: the protocol on the embedded store, run graphs, the factory, the graph lists."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, RdfFormat

from aiact_kg.assessment import assess_documents
from aiact_kg.cli import main
from aiact_kg.errors import QueryError
from aiact_kg.kb.build import build_endpoint
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun, engine_graphs
from aiact_kg.resources import CONSUMER_GRAPHS, knowledge_base_sources, sources_for
from aiact_kg.store.factory import is_endpoint, open_store
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.store.scoping import scope_update
from aiact_kg.store.sparql_endpoint import SparqlEndpointStore
from aiact_kg.submission.reading import read_rdf_file

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "submissions"
G = "urn:test:"


def test_an_update_is_scoped_at_its_top_level_only() -> None:
    text = (
        "# a comment with { and WHERE\n"
        'DELETE { ?s <urn:p> ?o } INSERT { ?s <urn:p> "}" }\n'
        "WHERE { { SELECT ?s (MAX(?x) AS ?o) WHERE { ?s <http://e.org/a#b> ?x } GROUP BY ?s } } ;\n"
        'INSERT { ?s <urn:q> "WHERE { ;" } WHERE { ?s <urn:p> ?o FILTER(?o < 3) }'
    )
    scoped = scope_update(text, G + "run", [G + "kb", G + "run"])
    assert scoped.count("WITH <urn:test:run>") == 2
    assert scoped.count("USING <urn:test:kb> USING <urn:test:run> WHERE") == 2
    assert "WITH <urn:test:run> DELETE" in scoped
    assert "WITH <urn:test:run> INSERT { ?s <urn:q>" in scoped
    assert "SELECT ?s (MAX(?x) AS ?o) WHERE {" in scoped  # the subquery's WHERE is left alone


@pytest.mark.parametrize(
    "update",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/x>",
        "WITH <urn:g> INSERT { ?s ?p ?o } WHERE { ?s ?p ?o }",
        "INSERT { ?s ?p ?o } USING <urn:g> WHERE { ?s ?p ?o }",
        "CLEAR ALL",
    ],
)
def test_updates_that_name_their_own_graphs_cannot_be_scoped(update: str) -> None:
    with pytest.raises(QueryError, match="graph of its own"):
        scope_update(update, G + "run", [G + "kb"])


def test_the_embedded_store_implements_the_whole_protocol() -> None:
    store = OxigraphStore()
    store.add_quads(
        [Quad(NamedNode(G + "a"), NamedNode(G + "p"), Literal("x"), NamedNode(G + "1"))]
    )
    store.load_bytes(b"<urn:test:b> <urn:test:p> [ <urn:test:q> 1 ] .", RdfFormat.TURTLE, G + "2")
    assert store.named_graphs() == [G + "1", G + "2"]
    assert store.quad_count() == 3
    rows = store.select("SELECT ?s WHERE { ?s <urn:test:p> ?o }", default_graphs=[G + "1"]).rows
    assert rows == ((NamedNode(G + "a"),),)
    assert store.ask("ASK { ?s <urn:test:q> 1 }", default_graphs=[G + "2"])
    assert not store.ask("ASK { ?s <urn:test:q> 1 }", default_graphs=[G + "1"])
    triples = store.construct("CONSTRUCT WHERE { ?s ?p ?o }", default_graphs=[G + "2"])
    assert len(triples) == 2
    assert any(isinstance(t.object, BlankNode) for t in triples)
    store.replace_graphs({G + "2": G + "1"})  # the swap: <1> now holds what <2> held
    assert store.named_graphs() == [G + "1"]
    assert store.quad_count() == 2
    store.clear_graph(G + "1")
    store.clear_graph(G + "never")
    assert store.quad_count() == 0


def _fixed_run() -> AssessmentRun:
    return AssessmentRun("0123456789abcdef", datetime(2026, 9, 1, 12, tzinfo=UTC))


def test_a_run_in_its_own_graphs_of_a_shared_store_gives_the_same_report() -> None:
    """The scoped rules (WITH/USING) conclude exactly what they conclude in a fresh store."""
    documents = [read_rdf_file(EXAMPLES / name) for name in ("deep-fake-image-generator.ttl",)]
    documents.append(read_rdf_file(EXAMPLES / "credit-scoring-bank.nt"))
    options = AssessmentOptions(as_of=date(2026, 9, 1))
    alone = assess_documents(documents, options, run=_fixed_run(), keep=False).data
    shared = OxigraphStore()
    build_endpoint(shared)
    graphs_before = set(shared.named_graphs())
    assert set(engine_graphs()) <= graphs_before
    report = assess_documents(documents, options, run=_fixed_run(), engine=shared)
    assert report.data == alone
    assert _fixed_run().graph in shared.named_graphs()
    report.close()
    assert set(shared.named_graphs()) == graphs_before  # the run left nothing behind


def test_every_graph_a_consumer_reads_is_built() -> None:
    built = set(CONSUMER_GRAPHS["build"])
    assert built == {source.name for source in knowledge_base_sources()}
    for consumer in ("engine", "validation"):
        assert set(CONSUMER_GRAPHS[consumer]) <= built
        assert [s.name for s in sources_for(consumer)] == [
            s.name for s in knowledge_base_sources() if s.name in CONSUMER_GRAPHS[consumer]
        ]
    with pytest.raises(KeyError, match="unknown consumer"):
        sources_for("nobody")


def test_the_factory_opens_a_directory_or_an_endpoint(kb_path: Path) -> None:
    assert is_endpoint("https://example.org/sparql")
    assert not is_endpoint(kb_path)
    remote = open_store("http://127.0.0.1:9/query")
    assert isinstance(remote, SparqlEndpointStore)
    assert remote.endpoints.update == "http://127.0.0.1:9/update"
    local = open_store(kb_path)
    try:
        assert isinstance(local, OxigraphStore)
    finally:
        local.close()


def test_an_unreachable_endpoint_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--store", "http://127.0.0.1:9/query", "stats"]) == 3
    error = capsys.readouterr().err
    assert "cannot reach the SPARQL endpoint http://127.0.0.1:9/query" in error
    assert "Traceback" not in error


def test_registry_commands_need_the_embedded_store(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--store", "http://127.0.0.1:9/query", "registry"]) == 2
    assert "works on the embedded store only" in capsys.readouterr().err


def test_quads_go_to_the_run_graph_of_a_view() -> None:
    from aiact_kg.store.view import ScopedStore

    shared = OxigraphStore()
    view = ScopedStore(shared, [G + "kb", G + "run"], G + "run")
    view.add_quads(
        [Quad(NamedNode(G + "a"), NamedNode(G + "p"), NamedNode(G + "b"), DefaultGraph())]
    )
    view.update("INSERT { ?s <urn:test:q> ?o } WHERE { ?s <urn:test:p> ?o }")
    assert shared.named_graphs() == [G + "run"]
    assert shared.quad_count() == 2
    view.close()
    assert shared.quad_count() == 0
