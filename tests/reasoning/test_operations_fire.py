"""Every operation of every rule changes the run's statements for at least one example
description or legal case: an operation no description makes fire is either untested law or a
pattern that can never match (a misspelt term, a fact no input or earlier rule states), which
would skip silently."""

from __future__ import annotations

from aiact_kg.reasoning import guards
from aiact_kg.reasoning.engine import AssessmentRun, load_rules
from aiact_kg.reasoning.warm import WarmEngine
from aiact_kg.store.view import ScopedStore
from tests.reasoning.test_guards import COUNT, _derived, _documents


def _count(view: ScopedStore) -> int:
    return int(view.select(COUNT, default_graphs=[view.target]).rows[0][0].value)  # type: ignore[union-attr]


def test_every_rule_operation_fires_for_some_example_or_case() -> None:
    operations = [
        (f"{rule.path.name} operation {index + 1}", operation.text)
        for rule in load_rules()
        for index, operation in enumerate(guards.operations(rule.text))
    ]
    silent = {name for name, _ in operations}
    engine = WarmEngine()
    for number, (_, document, options) in enumerate(_documents()):
        run = AssessmentRun(f"{number:032x}")
        view = engine.run_rules([document], options, run, rules=[])  # the input only
        try:
            before = _count(view)
            for name, text in operations:
                # an operation that deletes may change statements without adding any
                replaces = "DELETE" in text and name in silent
                old = _derived(view) if replaces else []
                view.update(run.bind(text))
                after = _count(view)
                if after != before or (replaces and _derived(view) != old):
                    silent.discard(name)
                before = after
        finally:
            view.close()
    assert not silent, f"no example or case makes these fire: {sorted(silent)}"
