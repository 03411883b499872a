"""The warm path: one Assessor assesses description after description exactly as fresh runs do."""

from __future__ import annotations

import json
import random
import re
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad

from aiact_kg.assessment import Assessor, assess_documents
from aiact_kg.errors import QueryError, StoreError
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun
from aiact_kg.reasoning.warm import KNOWLEDGE_BASE_GRAPH, WarmEngine
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.store.scoping import scope_update
from aiact_kg.submission.reading import InputDocument, read_rdf_bytes, read_rdf_file
from aiact_kg.submission.validation import SubmissionValidator, _BackgroundStore

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "submissions"
OPTIONS = AssessmentOptions(as_of=date(2026, 11, 22))
# an AI system that breaks a shape (no provider): assessed as not valid
INVALID = b"""
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
<https://example.org/warm/broken> a aia:AISystem .
"""


def _documents() -> list[InputDocument]:
    paths = sorted(
        p
        for p in EXAMPLES.rglob("*")
        if p.suffix in {".ttl", ".nt", ".nq", ".trig", ".jsonld", ".rdf"}
    )
    documents = [read_rdf_file(path) for path in paths]
    documents.append(read_rdf_bytes(INVALID, name="broken.ttl"))
    return documents


def _run(index: int) -> AssessmentRun:
    return AssessmentRun(f"{index:032x}", datetime(2026, 9, 1, 12, index % 60, tzinfo=UTC))


@pytest.fixture(scope="module")
def documents() -> list[InputDocument]:
    return _documents()


@pytest.fixture(scope="module")
def fresh(documents: list[InputDocument]) -> list[dict[str, Any]]:
    """Each document assessed alone, one shot, in a fresh store, with the run of its index."""
    validator = SubmissionValidator()
    return [
        assess_documents([d], OPTIONS, validator=validator, run=_run(i), keep=False).data
        for i, d in enumerate(documents)
    ]


@pytest.fixture(scope="module")
def assessor() -> Assessor:
    return Assessor(OPTIONS)


def _subjects(data: dict[str, Any]) -> set[str]:
    return {s["iri"] for s in data["subjects"]} | {v["subject"] for v in data["violations"]}


def test_the_examples_in_mixed_order_give_exactly_the_fresh_json(
    documents: list[InputDocument], fresh: list[dict[str, Any]], assessor: Assessor
) -> None:
    assert any(not data["valid"] for data in fresh)  # the invalid one is among them
    order = list(range(len(documents))) * 2
    random.Random(10).shuffle(order)
    order += list(reversed(range(len(documents))))
    previous: set[str] = set()
    size = assessor.engine.store.quad_count()
    for index in order:
        report = assessor.assess([documents[index]], run=_run(index), keep=True)
        assert report.data == fresh[index], documents[index].name
        assert report.store is not None
        # nothing of the call before is seen by this one
        for iri in previous - _subjects(fresh[index]):
            assert not report.store.ask(f"ASK {{ <{iri}> ?p ?o }}"), iri
        report.close()
        assert assessor.engine.store.quad_count() == size  # the run left nothing behind
        previous = _subjects(fresh[index])
    assert assessor.engine.runs == 0
    assert assessor.engine.store.named_graphs() == [KNOWLEDGE_BASE_GRAPH]


def test_a_batch_and_the_default_options_match_the_one_shot_path(
    documents: list[InputDocument], assessor: Assessor
) -> None:
    batch = documents[:3]
    alone = assess_documents(batch, OPTIONS, run=_run(99), keep=False).data
    assert assessor.assess(batch, run=_run(99)).data == alone
    today = Assessor()
    assert today.assess(batch[:1]).data["as_of"] == date.today().isoformat()
    today.LARGEST = 10  # a large batch: in a fresh store of its own, the same report
    assert today.assess(batch, OPTIONS, run=_run(99)).data == alone
    assert today.engine.runs == 0
    today.close()


def test_threads_share_one_assessor(
    documents: list[InputDocument], fresh: list[dict[str, Any]], assessor: Assessor
) -> None:
    indexes = list(range(len(documents))) * 2
    with ThreadPoolExecutor(4) as pool:
        results = list(
            pool.map(lambda i: assessor.assess([documents[i]], run=_run(i + 1000)).data, indexes)
        )
    for index, data in zip(indexes, results, strict=True):
        expected = json.dumps(fresh[index]).replace(_run(index).run_id, "RUN")
        assert json.dumps(data).replace(_run(index + 1000).run_id, "RUN") == expected.replace(
            fresh[index]["run"]["started_at"], data["run"]["started_at"]
        )
    assert assessor.engine.runs == 0


def _triples(store: Any) -> list[str]:
    """Every triple the store shows, blank nodes made alike (their labels differ per store)."""
    triples = store.construct("CONSTRUCT WHERE { ?s ?p ?o }")
    return sorted(re.sub(r"_:\w+", "_:b", str(triple)) for triple in triples)


def test_a_kept_derived_graph_stays_until_the_report_is_closed(
    documents: list[InputDocument], assessor: Assessor
) -> None:
    report = assessor.assess([documents[0]], keep=True, run=_run(7))
    assert report.store is not None
    assert assessor.engine.runs == 1
    with pytest.raises(StoreError, match="already under way"):
        assessor.assess([documents[1]], run=_run(7))
    alone = assess_documents([documents[0]], OPTIONS, run=_run(7))
    assert alone.store is not None
    assert _triples(report.store) == _triples(alone.store)
    alone.close()
    report.close()
    assert assessor.engine.runs == 0
    assert assessor.engine.store.named_graphs() == [KNOWLEDGE_BASE_GRAPH]


def test_a_failing_run_leaves_nothing_behind(documents: list[InputDocument]) -> None:
    engine = WarmEngine()
    size = engine.store.quad_count()

    class Broken:
        text = "INSERT { ?s ?p ?o } WHERE { ?s ?p ?o } ; LOAD <http://example.org/x>"
        iri, label, provisions = "urn:rule", "broken", ()
        path = Path("999-broken.ru")

    with pytest.raises(QueryError):
        engine.run_rules([documents[0]], OPTIONS, rules=[Broken()])  # type: ignore[list-item]
    assert engine.runs == 0
    assert engine.store.quad_count() == size
    engine.close()


def test_the_validation_store_gets_back_exactly_its_background() -> None:
    mine = NamedNode("urn:warm:s")
    background = (
        Quad(NamedNode("urn:warm:a"), NamedNode("urn:warm:p"), Literal("x"), DefaultGraph()),
        Quad(BlankNode("b0"), NamedNode("urn:warm:p"), NamedNode("urn:warm:a"), DefaultGraph()),
    )
    lent = _BackgroundStore(background)
    submitted = [background[0], Quad(mine, NamedNode("urn:warm:p"), Literal("y"), DefaultGraph())]
    for _ in range(2):
        with lent.holding(submitted + submitted) as store:
            assert len(store) == 3
            with lent.holding(submitted) as other:  # lent already: a store of its own
                assert other is not store
                assert len(other) == 3
        with lent.holding([]) as store:
            assert set(store) == set(background)  # the restated statement stayed


def test_scoping_sets_leading_prefix_lines_aside() -> None:
    body = "INSERT { ?s <urn:p> 1 } WHERE { ?s <urn:q> ?o }"
    prefixes = "PREFIX data: <urn:data#>\nPREFIX : <urn:x#>\n"
    scoped = scope_update(prefixes + body, "urn:run", ["urn:kb", "urn:run"])
    assert scoped == prefixes + scope_update(body, "urn:run", ["urn:kb", "urn:run"])
    assert scoped.count("WITH <urn:run>") == 1


def test_a_remote_call_is_refused_whatever_the_run() -> None:
    store = OxigraphStore()
    for index in (1, 2):
        run = _run(index)
        store.update(run.bind("INSERT { aiaa:run a aia:Assessment } WHERE {}"))
        with pytest.raises(QueryError, match="SERVICE"):
            store.update(
                run.bind("INSERT { aiaa:run a ?o } WHERE { SERVICE <http://e.org/s> { ?s a ?o } }")
            )


def test_the_engine_starts_a_new_store_now_and_then(
    documents: list[InputDocument], fresh: list[dict[str, Any]]
) -> None:
    engine = WarmEngine()
    engine.RUNS_PER_STORE = 2
    first = engine.store
    kept = engine.run_rules([documents[0]], OPTIONS, _run(0))
    assessor = Assessor(OPTIONS, engine=engine)
    for _ in range(3):
        assert assessor.assess([documents[1]], run=_run(1)).data == fresh[1]
    assert engine.store is not first
    run = f"<{_run(0).iri}>"
    assert kept.ask(f"ASK {{ {run} a <https://w3id.org/aiact-kg/ontology#Assessment> }}")
    kept.close()
    assert engine.runs == 0
    engine.close()
