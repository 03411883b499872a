"""Assess submissions: validate them, run the rules, and report (the API behind ``assess``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

from aiact_kg.reasoning.engine import (
    AssessmentOptions,
    AssessmentRun,
    knowledge_base_digest,
    run_rules,
)
from aiact_kg.reasoning.report import assessment_json, law_json
from aiact_kg.store.base import KnowledgeStore
from aiact_kg.submission.batch import read_all
from aiact_kg.submission.reading import InputDocument
from aiact_kg.submission.render import finding_json
from aiact_kg.submission.validation import SubmissionValidator, ValidationReport


@dataclass(frozen=True)
class AssessmentReport:
    """The outcome of an assessment: the JSON structure, the validation and the derived graph.

    ``store`` holds the derived graph until :meth:`close` (on a shared engine, closing removes
    the run's graph from it).
    """

    data: dict[str, Any]
    validation: ValidationReport
    store: KnowledgeStore | None = field(repr=False, compare=False)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()

    @property
    def exit_code(self) -> int:
        """0 assessed, 1 not assessed because of violations, 2 unreadable input."""
        if self.validation.unreadable:
            return 2
        return 0 if self.data["valid"] else 1


def _violations(validation: ValidationReport) -> list[dict[str, Any]]:
    return [
        finding_json(finding) | {"file": subject.file, "subject": subject.iri}
        for subject in validation.subjects
        for finding in subject.findings
        if finding.severity == "violation"
    ]


def assess_documents(
    documents: Sequence[InputDocument],
    options: AssessmentOptions,
    *,
    validation: ValidationReport | None = None,
    validator: SubmissionValidator | None = None,
    engine: KnowledgeStore | None = None,
    keep: bool = True,
    run: AssessmentRun | None = None,
) -> AssessmentReport:
    """Validate, then (only if there is no violation) run the rules and build the report.

    ``engine``: a shared store holding the knowledge base (e.g. a remote SPARQL endpoint) to
    run in, in a graph of the run's own; without it, a fresh embedded store. ``keep=False``
    releases the derived graph once the report is built (``store`` is then ``None``).
    ``run`` fixes the run's identity (its IRI and start time; a new one by default).
    """
    if validation is None:
        validation = (validator or SubmissionValidator()).validate(documents)
    valid = validation.conforms
    run = AssessmentRun() if run is None else run
    store: KnowledgeStore | None = run_rules(
        documents if valid else (), options, run=run, engine=engine
    )
    assert store is not None
    try:
        data = (
            assessment_json(store, options)
            if valid
            else {"as_of": options.as_of.isoformat(), "law": law_json(store), "subjects": []}
        )
    except BaseException:
        store.close()
        raise
    if not keep:
        store.close()
        store = None
    data = {
        "as_of": data["as_of"],
        "law": data["law"],
        "valid": valid,
        "violations": _violations(validation),
        "unreadable": [
            {"file": e.name, "line": e.line, "column": e.column, "message": str(e)}
            for e in validation.unreadable
        ],
        "subjects": data["subjects"],
        "run": _run_json(run, documents),
    }
    return AssessmentReport(data, validation, store)


def _run_json(run: AssessmentRun, documents: Sequence[InputDocument]) -> dict[str, Any]:
    """Which run this was (its PROV activity) and what it read."""
    return {
        "iri": run.iri,
        "started_at": run.started,
        "knowledge_base": knowledge_base_digest(),
        "inputs": [{"file": d.name, "sha256": d.sha256} for d in documents],
    }


def assess_inputs(
    arguments: Sequence[str],
    options: AssessmentOptions,
    *,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
    progress: bool | None = None,
    validator: SubmissionValidator | None = None,
    engine: KnowledgeStore | None = None,
) -> AssessmentReport:
    """Read files, directories or stdin, then assess everything readable in one batch."""
    documents, errors = read_all(arguments, max_bytes=max_bytes, stdin=stdin, progress=progress)
    validation = (validator or SubmissionValidator()).validate(documents, errors)
    return assess_documents(documents, options, validation=validation, engine=engine)


def construct_turtle(store: KnowledgeStore) -> str:
    """The derived graph (run, determinations, premises, estimates, obligations) as Turtle."""
    from pyoxigraph import RdfFormat, serialize

    from aiact_kg.namespaces import PREFIXES
    from aiact_kg.queries import get_query, with_prefixes

    triples = store.construct(with_prefixes(get_query("assess/construct-results").text))
    data = serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES)
    return (data or b"").decode("utf-8")
