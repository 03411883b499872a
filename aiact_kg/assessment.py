"""Assess submissions: validate them, run the rules, and report (the API behind ``assess``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, BinaryIO

from aiact_kg.reasoning.engine import (
    AssessmentOptions,
    AssessmentRun,
    knowledge_base_digest,
    run_rules,
)
from aiact_kg.reasoning.report import assessed_subjects, law_version
from aiact_kg.results.assessment import AssessmentResult, RunInput, RunProvenance, Violation
from aiact_kg.results.validation import Finding, Unreadable
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.submission.batch import read_all
from aiact_kg.submission.reading import InputDocument
from aiact_kg.submission.validation import SubmissionValidator, ValidationReport


@dataclass(frozen=True)
class AssessmentReport:
    """The outcome of an assessment: the typed result, the validation and the derived graph."""

    result: AssessmentResult
    validation: ValidationReport
    store: OxigraphStore | None = field(repr=False, compare=False)

    @cached_property
    def data(self) -> dict[str, Any]:
        """The result as the JSON document holds it (plain dicts and lists)."""
        return self.result.model_dump(mode="json")

    @property
    def exit_code(self) -> int:
        """0 assessed, 1 not assessed because of violations, 2 unreadable input."""
        if self.validation.unreadable:
            return 2
        return 0 if self.result.valid else 1


def _violations(validation: ValidationReport) -> list[Violation]:
    return [
        Violation.model_validate(
            Finding.fields_of(finding) | {"file": subject.file, "subject": subject.iri}
        )
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
) -> AssessmentReport:
    """Validate, then (only if there is no violation) run the rules and build the report."""
    if validation is None:
        validation = (validator or SubmissionValidator()).validate(documents)
    valid = validation.conforms
    run = AssessmentRun()
    store = run_rules(documents if valid else (), options, run=run)
    # the parts are validated already: construct the whole without validating them again
    result = AssessmentResult.model_construct(
        as_of=options.as_of,
        law=law_version(store),
        valid=valid,
        violations=_violations(validation),
        unreadable=[Unreadable.of(error) for error in validation.unreadable],
        subjects=assessed_subjects(store) if valid else [],
        run=_provenance(run, documents),
    )
    return AssessmentReport(result, validation, store)


def _provenance(run: AssessmentRun, documents: Sequence[InputDocument]) -> RunProvenance:
    """Which run this was (its PROV activity) and what it read."""
    return RunProvenance(
        iri=run.iri,
        started_at=run.started,
        knowledge_base=knowledge_base_digest(),
        inputs=[RunInput(file=d.name, sha256=d.sha256) for d in documents],
    )


def assess_inputs(
    arguments: Sequence[str],
    options: AssessmentOptions,
    *,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
    progress: bool | None = None,
    validator: SubmissionValidator | None = None,
) -> AssessmentReport:
    """Read files, directories or stdin, then assess everything readable in one batch."""
    documents, errors = read_all(arguments, max_bytes=max_bytes, stdin=stdin, progress=progress)
    validation = (validator or SubmissionValidator()).validate(documents, errors)
    return assess_documents(documents, options, validation=validation)
