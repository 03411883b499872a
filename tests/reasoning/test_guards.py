"""The warm engine's shortcuts change no result: an operation skipped because a required
subquery is empty would have added nothing, and the closure rules add nothing run again."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from datetime import date
from pathlib import Path

import pytest
import yaml
from pyoxigraph import BlankNode, Literal, NamedNode

from aiact_kg.reasoning import guards
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun, load_rules
from aiact_kg.reasoning.warm import WarmEngine, leading_closures
from aiact_kg.store.base import KnowledgeStore, SelectResult
from aiact_kg.store.view import ScopedStore
from aiact_kg.submission.reading import InputDocument, read_rdf_bytes, read_rdf_file
from tests.cases.conftest import PREFIXES, engine_subset

ROOT = Path(__file__).resolve().parents[2]
COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
SUBQUERY = "{ SELECT ?s WHERE { ?s a <urn:C> } }"


@pytest.mark.parametrize(
    ("where", "required"),
    [
        (f"{{ {SUBQUERY} ?s <urn:p> ?o }}", True),
        (f"{{ ?s <urn:p> ?o . {SUBQUERY} }}", True),
        (f"{{ OPTIONAL {{ ?s <urn:q> ?x }} {SUBQUERY} BIND(1 AS ?one) }}", True),
        (f"{{ {SUBQUERY} UNION {{ ?s <urn:p> ?o }} }}", False),
        (f"{{ {{ ?s <urn:p> ?o }} UNION {SUBQUERY} }}", False),
        (f"{{ ?s <urn:p> ?o OPTIONAL {SUBQUERY} }}", False),
        (f"{{ ?s <urn:p> ?o MINUS {SUBQUERY} }}", False),
        (f"{{ ?s <urn:p> ?o FILTER NOT EXISTS {SUBQUERY} }}", False),
        (f"{{ GRAPH <urn:g> {SUBQUERY} }}", False),
        (f"{{ BIND(1 AS ?one) {SUBQUERY} }}", False),  # after ")": not recognised, no guard
        (f"{{ ?s <urn:p> ?o {{ ?s <urn:q> ?x . {SUBQUERY} }} }}", False),  # nested: no guard
        ('{ ?s <urn:p> "{ SELECT" . ?s <urn:q> ?o }', False),  # in a string
    ],
)
def test_only_a_subquery_joined_directly_in_the_where_is_required(
    where: str, required: bool
) -> None:
    operation = "INSERT { ?s <urn:r> 1 } # ; { SELECT\nWHERE " + where
    assert guards.required_subqueries(operation) == ((SUBQUERY,) if required else ())


def test_operations_split_at_top_level_semicolons_only() -> None:
    text = 'INSERT { ?s <urn:a> "x;y" } WHERE { ?s <urn:b> ?o ; <urn:c> ?p } ;\n' + (
        f"INSERT {{ ?s <urn:d> 1 }} WHERE {{ {SUBQUERY} }}"
    )
    first, second = guards.operations(text)
    assert first.required == ()
    assert "urn:c" in first.text
    assert second.required == (SUBQUERY,)


def _documents(
    cases: Iterable[Path] | None = None,
) -> Iterator[tuple[str, InputDocument, AssessmentOptions]]:
    """Every example description and the facts of every legal case (of ``cases`` if given),
    with its options."""
    for path in sorted((ROOT / "examples" / "submissions").rglob("*.ttl")):
        yield path.name, read_rdf_file(path), AssessmentOptions(as_of=date(2026, 11, 22))
    for path in sorted((ROOT / "tests" / "cases").rglob("*.yaml")) if cases is None else cases:
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        as_of = case["as_of"]
        options = AssessmentOptions(
            as_of=as_of if isinstance(as_of, date) else date.fromisoformat(as_of),
            law=case.get("law"),
            threshold_flop=case.get("threshold_flop"),
        )
        facts = (PREFIXES + case["facts"]).encode()
        yield path.name, read_rdf_bytes(facts, name=path.name), options


def _derived(view: ScopedStore) -> list[str]:
    """The run graph's triples, blank nodes made alike (their labels differ per run)."""
    triples = view.construct("CONSTRUCT WHERE { ?s ?p ?o }", default_graphs=[view.target])
    return sorted(re.sub(r"_:\w+", "_:b", str(triple)) for triple in triples)


def _checked_cases() -> list[Path]:
    """The cases the shortcuts are checked on: those of the engine subset (which make every
    rule file draw a conclusion); every case with ``AIACT_KG_TEST_GUARDS=all`` (about six
    minutes more)."""
    if os.environ.get("AIACT_KG_TEST_GUARDS") == "all":
        return sorted((ROOT / "tests" / "cases").rglob("*.yaml"))
    return engine_subset()


PARTS = 3  # the documents are checked in parts, which pytest-xdist workers share


@pytest.mark.parametrize("part", range(PARTS))
def test_the_shortcuts_change_nothing_for_the_examples_and_cases(
    monkeypatch: pytest.MonkeyPatch, part: int
) -> None:
    """Guarded (operations skipped, subqueries written as VALUES) against every operation run
    as written, in the same store; a skipped operation run anyway adds nothing; and the
    closure rules add nothing run again on what they gave."""
    skipped: dict[str, int] = {}
    current = [""]  # the description being assessed

    def check(store: KnowledgeStore, operation: str) -> None:
        assert isinstance(store, ScopedStore)
        size = store.select(COUNT, default_graphs=[store.target]).rows
        store.update(operation)  # run it anyway: it must add nothing to the run's graph
        after = store.select(COUNT, default_graphs=[store.target]).rows
        assert after == size, f"{current[0]}: a skipped operation added:\n{operation}"
        skipped[current[0]] = skipped.get(current[0], 0) + 1

    engine = WarmEngine()
    asked = engine._asked
    count = 0
    closures = leading_closures(load_rules())
    for index, (current[0], document, options) in enumerate(_documents(_checked_cases())):
        if index % PARTS != part:
            continue
        run = AssessmentRun(f"{index:032x}")
        monkeypatch.setattr(engine, "_asked", frozenset())
        plain = engine.run_rules([document], options, run)
        expected = _derived(plain)
        plain.close()
        monkeypatch.setattr(engine, "_asked", asked)
        monkeypatch.setattr(guards, "on_skip", check)
        guarded = engine.run_rules([document], options, run)
        monkeypatch.setattr(guards, "on_skip", None)
        assert _derived(guarded) == expected, current[0]
        guarded.close()
        count += 1
        # the closure rules the warm store holds the knowledge base closed under add nothing
        # run again on what they gave (over that knowledge base and the description)
        view = engine.run_rules([document], options, rules=closures)
        size = view.select(COUNT, default_graphs=[view.target]).rows
        for rule in closures:
            view.update(AssessmentRun().bind(rule.text))
        assert view.select(COUNT, default_graphs=[view.target]).rows == size, current[0]
        view.close()
    engine.close()
    assert count > 50
    assert len(skipped) == count  # every description had operations skipped
    assert len(asked) > 30
    assert [rule.name for rule in closures] == ["materialise-types", "role-nodes"]


def test_a_subquery_is_written_as_its_solutions() -> None:
    operation = f"INSERT {{ ?s <urn:r> ?o }} WHERE {{ {SUBQUERY} ?s <urn:p> ?o }}"
    none = SelectResult(("s",), ())
    assert guards.inline(operation, SUBQUERY, none) is None
    found = SelectResult(
        ("s", "x"), ((NamedNode("urn:a"), Literal("q")), (NamedNode("urn:b"), None))
    )
    assert guards.inline(operation, SUBQUERY, found) == (
        'INSERT { ?s <urn:r> ?o } WHERE { VALUES (?s ?x) { (<urn:a> "q") (<urn:b> UNDEF) } '
        "?s <urn:p> ?o }"
    )
    blank = SelectResult(("s",), ((BlankNode("b"),),))
    assert guards.inline(operation, SUBQUERY, blank) == operation
