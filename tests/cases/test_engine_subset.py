"""The cases that run on the remote engines by default exercise every rule file, on Virtuoso
too (its smaller part of them, ``virtuoso-cases.txt``).

A rule file is exercised by a case when running it adds statements to the case's store (the
embedded one, where the rules run as on every engine). The subset is
:func:`tests.cases.conftest.engine_subset`; a rule file that none of them exercises needs a case
added to ``engine-cases.txt``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml
from pyoxigraph import DefaultGraph, Quad

from aiact_kg.reasoning.engine import (
    AssessmentOptions,
    _base_quads,
    _input_quads,
    _run_quads,
)
from aiact_kg.reasoning.rules import load_rules
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.submission.reading import read_rdf_bytes
from aiact_kg.submission.values import canonical_quads
from tests.cases.conftest import (
    PREFIXES,
    _case_run,
    engine_subset,
    listed_cases,
    virtuoso_subset,
)


def _rules_exercised(path: Path) -> set[str]:
    """The rule files that change the statements (add, or for a rule that withdraws conclusions,
    remove) when the case at ``path`` is assessed."""
    case = yaml.safe_load(path.read_text(encoding="utf-8"))
    document = read_rdf_bytes((PREFIXES + case["facts"]).encode(), name=path.name)
    as_of = case["as_of"] if isinstance(case["as_of"], date) else date.fromisoformat(case["as_of"])
    options = AssessmentOptions(
        as_of=as_of, law=case.get("law"), threshold_flop=case.get("threshold_flop")
    )
    run, rules = _case_run(path.name), load_rules()
    store = OxigraphStore()
    store.add_quads(_base_quads())
    submitted = [
        Quad(q.subject, q.predicate, q.object, DefaultGraph())
        for q in canonical_quads(document.quads)
    ]
    store.add_quads(submitted + _run_quads(run, options, rules) + _input_quads(run, [document]))
    exercised = set()
    for rule in rules:
        before = store.quad_count()
        store.update(run.bind(rule.text))
        if store.quad_count() != before:
            exercised.add(rule.path.name)
    store.close()
    return exercised


def test_the_engine_subsets_exercise_every_rule_file() -> None:
    """The engine subset, and Virtuoso's smaller part of it, each exercise every rule file."""
    for name in ("engine-cases.txt", "virtuoso-cases.txt"):
        absent = [str(path) for path in listed_cases(name) if not path.is_file()]
        assert not absent, f"{name} lists no such case: {absent}"
    subset, on_virtuoso = engine_subset(), virtuoso_subset()
    outside = sorted(str(path) for path in set(on_virtuoso) - set(subset))
    assert not outside, f"virtuoso-cases.txt lists cases outside the engine subset: {outside}"
    exercised = {path: _rules_exercised(path) for path in subset}
    every_rule = {rule.path.name for rule in load_rules()}
    missing = sorted(every_rule - set().union(*exercised.values()))
    assert not missing, f"no case of the engine subset exercises {missing}"
    missing = sorted(every_rule - set().union(*(exercised[path] for path in on_virtuoso)))
    assert not missing, f"no case of virtuoso-cases.txt exercises {missing}"
