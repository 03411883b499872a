"""The store protocol on real remote engines: the Oxigraph server and Virtuoso Open Source.

Each engine is started once per session by ``tests/remote_engines.py`` (skipped if it is not
installed) and holds the knowledge base; every test works in graphs of its own and removes them.
"""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import cast

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat

from aiact_kg.assessment import assess_documents
from aiact_kg.cli import main
from aiact_kg.errors import StoreError
from aiact_kg.reasoning.engine import AssessmentOptions, engine_graphs
from aiact_kg.store.sparql_endpoint import SparqlEndpointStore
from aiact_kg.submission.reading import read_rdf_file
from tests.remote_engines import (
    ENGINES,
    answering_engine,
    answers,
    on_engine,
    replace_stuck,
    replacements,
    session_engine,
    start_virtuoso,
)

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "submissions"
T = "urn:aiact-kg-test:"
_GRAPHS = ("terms", "blank", "staged", "live")  # the graphs the tests write


@pytest.fixture(params=ENGINES)
def engine(request: pytest.FixtureRequest) -> Iterator[SparqlEndpointStore]:
    running = answering_engine(request.config, request.param)
    if running is None:
        pytest.skip(f"{request.param} is not installed")
    yield running.store
    if not answers(running):  # the test failed on a stuck engine: the next one gets a fresh one
        replace_stuck(request.config, request.param, "it did not answer after a test")
        return
    for name in _GRAPHS:
        running.store.clear_graph(T + name)


def test_the_engine_holds_the_knowledge_base(engine: SparqlEndpointStore) -> None:
    assert all(engine.has_graph(graph) for graph in engine_graphs())
    rows = engine.select(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://w3id.org/aiact-kg/graph/legal-text> "
        "{ ?s ?p ?o } }"
    ).rows
    assert isinstance(rows[0][0], Literal)
    assert int(rows[0][0].value) > 10_000  # more than Virtuoso's default result cap


def test_terms_come_back_as_they_went_in(engine: SparqlEndpointStore) -> None:
    graph = NamedNode(T + "terms")
    values: list[NamedNode | Literal] = [
        Literal("Ausfuhr", language="de"),
        Literal("plain"),
        Literal("2026-08-02", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#date")),
        Literal("42", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
        NamedNode(T + "iri"),
    ]
    engine.add_quads(
        Quad(NamedNode(T + f"s{i}"), NamedNode(T + "p"), value, graph)
        for i, value in enumerate(values)
    )
    rows = engine.select(
        f"SELECT ?s ?o WHERE {{ GRAPH <{graph.value}> {{ ?s <{T}p> ?o }} }} ORDER BY ?s"
    ).rows
    assert [row[1] for row in rows] == values
    assert engine.ask(f"ASK {{ ?s <{T}p> 42 }}", default_graphs=[graph.value])


def test_blank_nodes_keep_their_links_across_insert_batches(engine: SparqlEndpointStore) -> None:
    """A small batch size splits the load; triples sharing a blank node stay in one request."""
    small = SparqlEndpointStore(engine.url, batch_size=3, use_graph_store=False)
    graph = NamedNode(T + "blank")
    quads = []
    for i in range(5):
        node = BlankNode(f"n{i}")
        quads += [
            Quad(NamedNode(T + f"s{i}"), NamedNode(T + "has"), node, graph),
            Quad(node, NamedNode(T + "value"), Literal(str(i)), graph),
            Quad(node, NamedNode(T + "label"), Literal(f"node {i}"), graph),
        ]
    small.add_quads(quads)
    rows = engine.select(
        f"SELECT ?s ?v ?l WHERE {{ GRAPH <{graph.value}> {{ ?s <{T}has> ?n . "
        f"?n <{T}value> ?v ; <{T}label> ?l }} }}"
    ).rows
    assert len(rows) == 5
    assert {(row[1].value, row[2].value) for row in rows if row[1] and row[2]} == {
        (str(i), f"node {i}") for i in range(5)
    }


def test_bulk_load_construct_swap_and_clear(engine: SparqlEndpointStore) -> None:
    data = b"<urn:aiact-kg-test:a> <urn:aiact-kg-test:p> <urn:aiact-kg-test:b> ."
    engine.load_bytes(data, RdfFormat.TURTLE, T + "staged")
    engine.load_bytes(data.replace(b":b>", b":old>"), RdfFormat.TURTLE, T + "live")
    triples = engine.construct(
        f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{T}staged> {{ ?s ?p ?o }} }}"
    )
    assert [t.object for t in triples] == [NamedNode(T + "b")]
    engine.replace_graphs({T + "staged": T + "live"})
    assert not engine.has_graph(T + "staged")
    live = engine.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{T}live> {{ ?s ?p ?o }} }}")
    assert [t.object for t in live] == [NamedNode(T + "b")]
    engine.clear_graph(T + "live")
    assert not engine.has_graph(T + "live")


def test_a_refused_request_names_the_endpoint(engine: SparqlEndpointStore) -> None:
    with pytest.raises(StoreError, match=re.escape(f"the SPARQL endpoint {engine.url} refused")):
        engine.select("SELECT ?s WHERE { ?s ?p }")


def test_an_unreachable_endpoint_names_itself() -> None:
    store = SparqlEndpointStore("http://127.0.0.1:9/query", timeout=5)
    with pytest.raises(
        StoreError, match=re.escape("cannot reach the SPARQL endpoint http://127.0")
    ):
        store.named_graphs()


_DELAY = "SELECT (<bif:delay>(3) AS ?x) WHERE {}"  # Virtuoso's sleep: slow without work


@pytest.mark.parametrize("engine", ["virtuoso"], indirect=True)
def test_a_request_over_its_time_limit_is_a_clear_error(
    engine: SparqlEndpointStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    said = f"the SPARQL endpoint {engine.url} did not answer 'SELECT (<bif:delay>(3) AS ?x)"
    with pytest.raises(StoreError, match=re.escape(said + " WHERE {}' within 1 s")):
        SparqlEndpointStore(engine.url, timeout=1).select(_DELAY)
    query = tmp_path / "slow.rq"
    query.write_text(_DELAY, encoding="utf-8")
    assert main(["--store", engine.url, "query", "--timeout", "1", str(query)]) == 3
    error = capsys.readouterr().err
    assert error.startswith(f"aiact-kg: error: {said}")
    assert "Traceback" not in error
    assert engine.ask("ASK {}")  # the engine still answers


def test_an_engine_stops_a_runaway_at_its_own_time_limit(tmp_path: Path) -> None:
    started = start_virtuoso(tmp_path, time_limit=1)
    if started is None:
        pytest.skip("virtuoso is not installed")
    process, url, _ = started
    try:
        store = SparqlEndpointStore(url, timeout=60)
        runaway = "# Rule: runaway\nINSERT { GRAPH <urn:g> { ?a <urn:p> ?f } } WHERE {\n"
        runaway += "?a ?b ?c . ?d ?e ?f . ?g ?h ?i FILTER(STRLEN(STR(?c)) + STRLEN(STR(?i)) < 0) }"
        with pytest.raises(StoreError) as caught:
            store.update(runaway)
        assert f"{url} stopped rule runaway at the engine's own time limit" in str(caught.value)
        assert "SR171" in str(caught.value)
        assert not store.has_graph("urn:g")  # stopped, not cut short: nothing was written
    finally:
        process.kill()
        process.wait()


@pytest.mark.parametrize("engine", ["oxigraph"], indirect=True)
def test_concurrent_assessments_keep_to_their_own_graphs(engine: SparqlEndpointStore) -> None:
    """Two runs at once on one engine give what each gives alone, and leave nothing behind."""
    before = set(engine.named_graphs())
    options = AssessmentOptions(as_of=date(2026, 9, 1))
    names = ("deep-fake-image-generator.ttl", "customer-service-chatbot.ttl")
    documents = [read_rdf_file(EXAMPLES / name) for name in names]
    alone = [assess_documents([d], options, keep=False).data["subjects"] for d in documents]
    together: dict[int, object] = {}

    def assess(index: int) -> None:
        report = assess_documents([documents[index]], options, engine=engine, keep=False)
        together[index] = report.data["subjects"]

    threads = [threading.Thread(target=assess, args=(i,)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert [together[0], together[1]] == alone
    assert set(engine.named_graphs()) == before


@pytest.mark.parametrize("engine", ["oxigraph"], indirect=True)
def test_the_command_line_assesses_on_an_endpoint(
    engine: SparqlEndpointStore, capsys: pytest.CaptureFixture[str]
) -> None:
    before = set(engine.named_graphs())
    example = str(EXAMPLES / "customer-service-chatbot.ttl")
    assert main(["--store", engine.url, "assess", "--as-of", "2026-09-01", example]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Assessment as of 2026-09-01")
    assert "transparency" in out
    assert set(engine.named_graphs()) == before


class _PrivateConfig:
    """Just what the session-engine helpers use of a pytest config, for engines of one test."""

    def __init__(self) -> None:
        self.stash = pytest.Stash()
        self.cleanups: list[Callable[[], object]] = []

    def add_cleanup(self, cleanup: Callable[[], object]) -> None:
        self.cleanups.append(cleanup)

    def close(self) -> None:
        for cleanup in reversed(self.cleanups):
            cleanup()


def test_a_stuck_engine_is_replaced_and_the_work_runs_again() -> None:
    """An engine that stops answering in the middle of a test's work (here: SIGSTOP) is
    replaced by a fresh one holding the knowledge base, recorded for the summary (not a warning:
    pytest makes warnings errors here, which would stop the replacement), and the work runs again;
    an engine that fails a request but still answers is not replaced."""
    private = _PrivateConfig()
    config = cast(pytest.Config, private)
    try:
        first = session_engine(config, "oxigraph")
        if first is None:
            pytest.skip("the Oxigraph server is not installed")
        urls: list[str] = []

        def work(store: SparqlEndpointStore) -> bool:
            urls.append(store.url)
            if len(urls) == 1:
                first.process.send_signal(signal.SIGSTOP)
            return SparqlEndpointStore(store.url, timeout=2).ask("ASK { GRAPH ?g { ?s ?p ?o } }")

        assert on_engine(config, "oxigraph", work) is True
        (said,) = replacements(config)
        assert "oxigraph stopped answering" in said
        assert len(urls) == 2
        assert urls[0] != urls[1]
        assert first.process.poll() is not None  # the stuck one was killed
        fresh = session_engine(config, "oxigraph")
        assert fresh is not None
        assert fresh.store.has_graph(engine_graphs()[0])

        def refused(store: SparqlEndpointStore) -> bool:
            return store.ask("ASK { this is not SPARQL }")

        with pytest.raises(StoreError):
            on_engine(config, "oxigraph", refused)
        assert session_engine(config, "oxigraph") is fresh
    finally:
        private.close()


_ORPHAN_PROBE = """
import sys, time
from pathlib import Path
from tests.remote_engines import _start_oxigraph
started = _start_oxigraph(Path(sys.argv[1]))
print(started[0].pid if started else "none", flush=True)
time.sleep(600)
"""


def test_an_engine_does_not_outlive_the_test_process_that_started_it(tmp_path: Path) -> None:
    """A test process ended without its cleanups (SIGKILL, as a pytest-xdist worker can be)
    takes its engine with it: no server is left running after the suite."""
    with subprocess.Popen(
        [sys.executable, "-c", _ORPHAN_PROBE, str(tmp_path)],
        stdout=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
        text=True,
    ) as parent:
        assert parent.stdout is not None
        line = parent.stdout.readline().strip()
        parent.send_signal(signal.SIGKILL)
    if line == "none":
        pytest.skip("the oxigraph server is not installed")
    engine_pid = int(line)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if not Path(f"/proc/{engine_pid}").exists() or _is_zombie(engine_pid):
            return
        time.sleep(0.2)
    os.kill(engine_pid, signal.SIGKILL)
    pytest.fail("the engine kept running after the process that started it was killed")


def _is_zombie(pid: int) -> bool:
    try:
        return Path(f"/proc/{pid}/stat").read_text().split(") ", 1)[1].startswith("Z")
    except (OSError, IndexError):
        return True
