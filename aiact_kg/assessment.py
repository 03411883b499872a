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
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.submission.batch import read_all
from aiact_kg.submission.reading import InputDocument
from aiact_kg.submission.render import finding_json
from aiact_kg.submission.validation import SubmissionValidator, ValidationReport


@dataclass(frozen=True)
class AssessmentReport:
    """The outcome of an assessment: the JSON structure, the validation and the derived graph."""

    data: dict[str, Any]
    validation: ValidationReport
    store: OxigraphStore | None = field(repr=False, compare=False)

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
) -> AssessmentReport:
    """Validate, then (only if there is no violation) run the rules and build the report."""
    if validation is None:
        validation = (validator or SubmissionValidator()).validate(documents)
    valid = validation.conforms
    run = AssessmentRun()
    store = run_rules(documents if valid else (), options, run=run)
    data: dict[str, Any] = (
        assessment_json(store, options)
        if valid
        else {"as_of": options.as_of.isoformat(), "law": law_json(store), "subjects": []}
    )
    data = {
        "as_of": data["as_of"],
        "law": data["law"],
        "valid": valid,
        "violations": _violations(validation),
        "unreadable": [
            {"file": e.name, "line": e.line, "column": e.column, "message": str(e)}
            for e in validation.unreadable
        ],
        "subjects": _with_declared(data["subjects"], documents),
        "run": _run_json(run, documents),
    }
    return AssessmentReport(data, validation, store)


def _with_declared(
    subjects: list[dict[str, Any]], documents: Sequence[InputDocument]
) -> list[dict[str, Any]]:
    """Compare the conclusions a submitter stated in DPV/AIRO terms with the derived categories.

    Each subject gets ``declared`` (what was stated, the term as written) and, where it
    differs, ``disagreements``; ``derived`` carries our categories with their provisions.
    """
    stated: dict[str, list[tuple[str, str]]] = {}
    for document in documents:
        for iri, category, term in document.declared:
            stated.setdefault(iri, []).append((category, term))
    for subject in subjects:
        if subject["iri"] not in stated:
            continue
        derived = [
            {
                "category": d["conclusion"],
                "legal_basis": d["legal_basis"],
                "provisions": d["provisions"],
            }
            for d in subject["determinations"]
            if d["kind"] == "category"
        ]
        ours = {d["category"] for d in derived}
        declared = [
            {"category": category, "term": term, "agrees": category in ours}
            for category, term in sorted(set(stated[subject["iri"]]))
        ]
        subject["declared"] = declared
        subject["derived"] = derived
        subject["disagreements"] = [
            f"declared {d['category']} ({d['term']}), derived: "
            + (", ".join(sorted(ours)) or "no category")
            for d in declared
            if not d["agrees"]
        ]
    return subjects


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
) -> AssessmentReport:
    """Read files, directories or stdin, then assess everything readable in one batch."""
    documents, errors = read_all(arguments, max_bytes=max_bytes, stdin=stdin, progress=progress)
    validation = (validator or SubmissionValidator()).validate(documents, errors)
    return assess_documents(documents, options, validation=validation)


def construct_turtle(store: OxigraphStore) -> str:
    """The derived graph (run, determinations, premises, estimates, obligations) as Turtle."""
    from pyoxigraph import QueryTriples, RdfFormat, serialize

    from aiact_kg.namespaces import PREFIXES
    from aiact_kg.queries import get_query, with_prefixes

    triples = store.raw.query(with_prefixes(get_query("assess/construct-results").text))
    assert isinstance(triples, QueryTriples)
    data = serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES)
    return (data or b"").decode("utf-8")
