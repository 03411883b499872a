"""Where an assessment spends its time, phase by phase: read, validate, load, each rule and each
of its operations, each report query, the report's Python, the JSON.

Usage: python benchmarks/profile_assessment.py DIR [DIR ...] [--as-of 2026-11-22] [--json OUT]

Each DIR holds the ``*.ttl`` inputs of one batch (e.g. from ``generate.write_renamed_copies``
or ``generate.write_high_risk_mix``). Wall and CPU seconds are both given: on a shared machine
the CPU seconds of this process are the steadier measure. The script imports only the public
modules of ``aiact_kg``, so it can profile another checkout of the package (put it first on
``PYTHONPATH`` and run this file by its path) to compare two versions in the same run.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from pyoxigraph import DefaultGraph, Quad

import aiact_kg.reasoning.report as report
from aiact_kg.assessment import AssessmentResult, _provenance, _with_declared
from aiact_kg.reasoning import engine, guards
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun
from aiact_kg.reasoning.rules import Rule, load_rules
from aiact_kg.render.assessment import assessment_json
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.submission.batch import read_all
from aiact_kg.submission.reading import InputDocument
from aiact_kg.submission.validation import SubmissionValidator
from aiact_kg.submission.values import canonical_quads


class Clock:
    """Wall and CPU seconds per named phase."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)

    @contextmanager
    def phase(self, name: str) -> Iterator[None]:
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.wall[name] += time.perf_counter() - wall
            self.cpu[name] += time.process_time() - cpu

    def table(self) -> dict[str, dict[str, float]]:
        return {
            name: {"wall": round(self.wall[name], 3), "cpu": round(self.cpu[name], 3)}
            for name in self.wall
        }


def loaded_store(
    base: tuple[Quad, ...],
    documents: list[InputDocument],
    run: AssessmentRun,
    options: AssessmentOptions,
    rules: tuple[Rule, ...],
) -> OxigraphStore:
    """A store holding the knowledge base, the documents' statements (canonical values, default
    graph) and the run's own statements, as the engine loads a batch before its rules."""
    store = OxigraphStore()
    store.add_quads(base)
    submitted = [
        Quad(quad.subject, quad.predicate, quad.object, DefaultGraph())
        for document in documents
        for quad in canonical_quads(document.quads)
    ]
    run_quads = engine._run_quads(run, options, rules) + engine._input_quads(run, documents)
    store.add_quads(submitted + run_quads)
    return store


def profile(directory: Path, as_of: date) -> dict[str, Any]:
    """Profile the assessment of the ``*.ttl`` files of ``directory`` in one batch."""
    options, rules = AssessmentOptions(as_of=as_of), load_rules()
    validator = SubmissionValidator()
    engine.knowledge_base_digest()
    base = engine._base_quads()  # parsed once per process: not part of a batch's cost
    phases, rule_clock, query_clock = Clock(), Clock(), Clock()
    with phases.phase("read"):
        documents, errors = read_all([str(path) for path in sorted(directory.glob("*.ttl"))])
    if errors:
        raise SystemExit(f"unreadable inputs: {errors[:3]}")
    with phases.phase("validate"):
        validation = validator.validate(documents)
    run = AssessmentRun()
    with phases.phase("load"):
        store = loaded_store(base, documents, run, options, rules)
    operation_clock = Clock()
    with phases.phase("rules"):
        for rule in rules:
            with rule_clock.phase(rule.path.name):
                for number, operation in enumerate(guards.operations(rule.text)):
                    with operation_clock.phase(f"{rule.path.name} #{number}"):
                        store.update(run.bind(operation.text))
    select: Callable[..., Any] = report.run_select

    def timed_select(store: Any, name: str, bindings: Any = None) -> Any:
        with query_clock.phase(name):
            return select(store, name, bindings)

    report.run_select = timed_select
    try:
        with phases.phase("report"):
            law = report.law_version(store)
            subjects = report.assessed_subjects(store)
    finally:
        report.run_select = select
    with phases.phase("json"):
        result = AssessmentResult.model_construct(
            as_of=as_of,
            law=law,
            valid=validation.conforms,
            violations=[],
            unreadable=[],
            subjects=_with_declared(subjects, documents),
            run=_provenance(run, documents),
        )
        size = len(assessment_json(result))
    slowest = sorted(rule_clock.table().items(), key=lambda item: -item[1]["cpu"])
    slowest_operations = sorted(operation_clock.table().items(), key=lambda item: -item[1]["cpu"])
    return {
        "directory": directory.name,
        "subjects": len(subjects),
        "valid": validation.conforms,
        "json_bytes": size,
        "phases": phases.table(),
        "rules_slowest": dict(slowest[:10]),
        # an operation that grows faster than the batch is worth a look (e.g. an EXISTS pattern
        # the embedded engine evaluates from its constants once per row)
        "operations_slowest": dict(slowest_operations[:15]),
        "report_queries": query_clock.table(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directories", nargs="+", type=Path)
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 11, 22))
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    figures = [profile(directory, args.as_of) for directory in args.directories]
    text = json.dumps(figures, indent=1)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    sys.stdout.write(text + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
