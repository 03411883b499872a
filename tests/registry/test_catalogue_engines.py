"""Every catalogue question gives the same rows on the Oxigraph server and Virtuoso as on the
embedded store, over a small registry.

The registry: the example submissions, one prohibited system (as of 2026-11-22), the GPAI
fixture models and the worked example of docs/gpai-timeline.md (as of 2026-11-30), submitted
into a private copy of the knowledge base. Its graphs beyond the knowledge base are copied into
each engine, started for this module by ``tests/remote_engines.py`` with the knowledge base
(skipped when not installed). Each question is asked with the union of the graphs as the
default graph, as ``aiact-kg query`` asks it.

Compared as SPARQL leaves them: the parts of a ``GROUP_CONCAT`` in any order (an empty one
unbound or ``""``); on Virtuoso, which stores an ``xsd:duration`` as a number of months or
seconds (docs/deploy.md), a duration only as a duration.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pytest
from pyoxigraph import BlankNode, Literal, QuerySolutions, RdfFormat

from aiact_kg.kb import open_knowledge_base
from aiact_kg.queries import get_query, list_queries, with_prefixes
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.submit import submit_inputs
from aiact_kg.store.base import SelectResult
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.store.sparql_endpoint import SparqlEndpointStore
from tests.registry.test_catalogue_queries import EXAMPLES, PROHIBITED
from tests.registry.test_gpai_procedure_queries import FIXTURES, WORKED_EXAMPLE
from tests.remote_engines import ENGINES, start

QUESTIONS = sorted(q.name for q in list_queries() if q.name.startswith("cq/"))
_CONCAT = re.compile(
    r'GROUP_CONCAT\s*\((?:DISTINCT\s+)?\?\w+\s*;\s*SEPARATOR\s*=\s*"([^"]*)"\s*\)\s*AS\s+\?(\w+)',
    re.IGNORECASE,
)
_DURATIONS = {
    f"http://www.w3.org/2001/XMLSchema#{name}"
    for name in ("duration", "dayTimeDuration", "yearMonthDuration")
}
_NUMBERS = {
    f"http://www.w3.org/2001/XMLSchema#{name}"
    for name in ("integer", "int", "long", "decimal", "double", "float", "short")
}


@dataclass
class Registry:
    store: OxigraphStore
    added: list[str]  # the graphs beyond the knowledge base


@pytest.fixture(scope="module")
def registry(
    kb: OxigraphStore, kb_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Registry]:
    target = tmp_path_factory.mktemp("engine-registry") / "store"
    shutil.copytree(kb_path, target, symlinks=True)
    examples = sorted(p for p in EXAMPLES.iterdir() if p.is_file() and p.suffix != ".md")
    prohibited = target.parent / "moodwork.ttl"
    prohibited.write_text(PROHIBITED, encoding="utf-8")
    batches = [
        ([*examples, prohibited], date(2026, 11, 22)),
        ([*sorted(FIXTURES.glob("*.ttl")), WORKED_EXAMPLE], date(2026, 11, 30)),
    ]
    for documents, as_of in batches:
        result = submit_inputs(
            target, [str(p) for p in documents], AssessmentOptions(as_of=as_of), progress=False
        )
        assert result.exit_code == 0
    store = open_knowledge_base(target)
    known = set(kb.named_graphs())
    yield Registry(store, [g for g in store.named_graphs() if g not in known])
    store.close()


@dataclass
class Engine:
    name: str
    store: SparqlEndpointStore


@pytest.fixture(scope="module", params=ENGINES)
def engine(
    request: pytest.FixtureRequest, registry: Registry, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Engine]:
    """The engine, holding the registry, asked with the union of its graphs as default graph
    (as the questions are asked of the embedded store; Virtuoso's default graph always is)."""
    folder = tmp_path_factory.mktemp(request.param)
    running = start(request.param, folder, union_default_graph=True)
    if running is None:
        pytest.skip(f"{request.param} is not installed")
    try:
        for graph in registry.added:
            data = registry.store.export(RdfFormat.N_TRIPLES, graph)
            running.store.load_bytes(data, RdfFormat.N_TRIPLES, graph)
        yield Engine(request.param, running.store)
    finally:
        running.stop()
        shutil.rmtree(folder, ignore_errors=True)


def _cell(term: object, separator: str | None, engine: str) -> object:
    """A term as compared: numbers by value (engines write them differently), blank nodes as
    such (each engine names its own), concatenations as sorted parts, others as text."""
    if separator is not None:
        text = getattr(term, "value", "")
        return tuple(sorted(text.split(separator))) if text else ()
    if term is None or isinstance(term, BlankNode):
        return None if term is None else "_:"
    if engine == "virtuoso" and isinstance(term, Literal) and term.datatype.value in _DURATIONS:
        return "duration"
    if isinstance(term, Literal) and term.datatype.value in _NUMBERS:
        try:
            return Decimal(term.value).normalize()
        except InvalidOperation:
            return term.value
    return (type(term).__name__, getattr(term, "value", str(term)))


def _rows(result: SelectResult, sparql: str, engine: str) -> Counter[tuple[object, ...]]:
    separators = {name: separator for separator, name in _CONCAT.findall(sparql)}
    columns = [separators.get(name) for name in result.variables]
    return Counter(
        tuple(_cell(term, separator, engine) for term, separator in zip(row, columns, strict=True))
        for row in result.rows
    )


def _embedded(registry: Registry, sparql: str) -> SelectResult:
    solutions = registry.store.raw.query(sparql, use_default_graph_as_union=True)
    assert isinstance(solutions, QuerySolutions)
    variables = tuple(v.value for v in solutions.variables)
    return SelectResult(variables, tuple(tuple(s[v] for v in variables) for s in solutions))


def test_the_registry_answers_most_questions(registry: Registry) -> None:
    """The comparison below means something: most questions give rows on this registry."""
    answered = [
        name for name in QUESTIONS if _embedded(registry, with_prefixes(get_query(name).text)).rows
    ]
    assert len(answered) >= 0.8 * len(QUESTIONS), sorted(set(QUESTIONS) - set(answered))


@pytest.mark.parametrize("name", QUESTIONS, ids=lambda n: n.removeprefix("cq/"))
def test_the_engine_gives_the_embedded_rows(registry: Registry, engine: Engine, name: str) -> None:
    sparql = with_prefixes(get_query(name).text)
    expected = _rows(_embedded(registry, sparql), sparql, engine.name)
    found = _rows(engine.store.select(sparql), sparql, engine.name)
    missing, extra = expected - found, found - expected
    summary = f"{sum(found.values())} rows against {sum(expected.values())}"
    assert not missing, f"{summary}; missing {list(missing.items())[:3]}"
    assert not extra, f"{summary}; extra {list(extra.items())[:3]}"


@pytest.mark.parametrize(
    "provision", ["anx_III.pnt_5.pnt_b", "anx_III", "art_22", "art_26", "art_27.par_1"]
)
def test_the_engine_lists_the_obligations_of_a_provision(
    registry: Registry, engine: Engine, provision: str
) -> None:
    """`provision` on a remote store reads the same obligations, those a use case of the point
    triggers among them. (With eli:is_part_of* Virtuoso 7 gave rows twice for Art 22 and none
    for a use case's point.)"""
    iri = f"https://w3id.org/aiact-kg/reg/2024/1689/{provision}"
    bound = f"WHERE {{ VALUES ?provision {{ <{iri}> }}"
    sparql = with_prefixes(get_query("kb/provision-obligations").text).replace("WHERE {", bound, 1)
    expected = _rows(_embedded(registry, sparql), sparql, engine.name)
    assert expected
    found = _rows(engine.store.select(sparql), sparql, engine.name)
    assert found == expected
