"""Assess submissions: validate them, run the rules, and report (the API behind ``assess``).

:func:`assess_documents` assesses one batch in a fresh embedded store (or in a run graph of a
shared engine); an :class:`Assessor` keeps the knowledge base, rules and shapes loaded and
assesses descriptions one after another, each in a graph of its own (the warm path: the
service, the registry and repeated assessments use it).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, BinaryIO, TypeVar

from aiact_kg.reasoning.engine import (
    AssessmentOptions,
    AssessmentRun,
    knowledge_base_digest,
    run_rules,
)
from aiact_kg.reasoning.report import assessed_subjects, law_version
from aiact_kg.reasoning.warm import WarmEngine
from aiact_kg.results.assessment import (
    AssessedSubject,
    AssessmentResult,
    DeclaredCategory,
    DerivedCategory,
    RunInput,
    RunProvenance,
    ValidationNote,
    Violation,
)
from aiact_kg.results.validation import Finding, Unreadable
from aiact_kg.store.base import KnowledgeStore
from aiact_kg.submission.batch import read_all
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.external import load_mappings
from aiact_kg.submission.reading import InputDocument
from aiact_kg.submission.validation import SubmissionValidator, ValidationReport
from aiact_kg.unaffected import unaffected_documents


@dataclass(frozen=True)
class AssessmentReport:
    """The outcome of an assessment: the typed result, the validation and the derived graph.

    ``store`` holds the derived graph until :meth:`close` (on a shared engine, closing removes
    the run's graph from it).
    """

    result: AssessmentResult
    validation: ValidationReport
    store: KnowledgeStore | None = field(repr=False, compare=False)

    def close(self) -> None:
        if self.store is not None:
            self.store.close()

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


_Located = TypeVar("_Located", Violation, ValidationNote)


def _located(
    validation: ValidationReport, model: type[_Located], *, violations: bool
) -> list[_Located]:
    """The findings of ``validation`` that are violations (or, ``violations=False``, the
    warnings and notes), each with its file and subject."""
    return [
        model.model_validate(
            Finding.fields_of(finding) | {"file": subject.file, "subject": subject.iri}
        )
        for subject in validation.subjects
        for finding in subject.findings
        if (finding.severity == "violation") == violations
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
    run = AssessmentRun() if run is None else run
    documents_run = unaffected_documents(documents, validation)
    store = run_rules(documents_run, options, run=run, engine=engine)
    return _report(store, documents, options, validation, run, keep, bool(documents_run))


def _report(
    store: KnowledgeStore,
    documents: Sequence[InputDocument],
    options: AssessmentOptions,
    validation: ValidationReport,
    run: AssessmentRun,
    keep: bool,
    assessed: bool,
) -> AssessmentReport:
    """The report of a run whose rules have run in ``store`` (closed unless ``keep``) over the
    documents no violation concerns (``assessed``: there were some)."""
    valid = validation.conforms
    kept: KnowledgeStore | None = store
    try:
        # the parts are validated already: construct the whole without validating them again
        result = AssessmentResult.model_construct(
            as_of=options.as_of,
            law=law_version(store),
            valid=valid,
            violations=_located(validation, Violation, violations=True),
            # the warnings and notes too: they say how the results read the facts (an outside
            # check found them only in ``validate``)
            warnings=_located(validation, ValidationNote, violations=False),
            unreadable=[Unreadable.of(error) for error in validation.unreadable],
            subjects=_with_declared(assessed_subjects(store), documents) if assessed else [],
            run=_provenance(run, documents),
        )
    except BaseException:
        store.close()
        raise
    if not keep:
        store.close()
        kept = None
    return AssessmentReport(result, validation, kept)


class Assessor:
    """Assesses descriptions one after another with everything loaded once: the knowledge base
    (in a :class:`~aiact_kg.reasoning.warm.WarmEngine`), the rules and the compiled shapes.

    ``assess`` gives exactly the report :func:`assess_documents` gives for the same documents,
    options and run. Each run works in a graph of its own, removed when its report is closed
    (``keep=False``, the default, closes it before returning). Safe to call from several threads.
    ``options``: the options of a call that gives none (default: as of the day of the call).
    A large batch (over :attr:`LARGEST` statements) runs in a fresh store of its own instead:
    there its rules read one graph, not a merge of two, and the shared store does not grow.
    """

    LARGEST = 20_000

    def __init__(
        self,
        options: AssessmentOptions | None = None,
        *,
        validator: SubmissionValidator | None = None,
        engine: WarmEngine | None = None,
    ) -> None:
        self.options = options
        self.validator = validator or SubmissionValidator()
        self.engine = engine or WarmEngine()

    def assess(
        self,
        documents: Sequence[InputDocument],
        options: AssessmentOptions | None = None,
        *,
        unreadable: Iterable[InputFormatError] = (),
        validation: ValidationReport | None = None,
        keep: bool = False,
        run: AssessmentRun | None = None,
    ) -> AssessmentReport:
        """Validate (unless ``validation`` is given), run the rules and build the report.

        ``unreadable``: the inputs that could not be read (reported, and nothing is assessed).
        ``keep=True`` keeps the derived graph in ``report.store`` until the report is closed.
        """
        options = options or self.options or AssessmentOptions()
        if validation is None:
            validation = self.validator.validate(documents, unreadable)
        run = AssessmentRun() if run is None else run
        documents_run = unaffected_documents(documents, validation)
        store: KnowledgeStore
        if sum(len(document.quads) for document in documents_run) > self.LARGEST:
            store = run_rules(documents_run, options, run=run)
        else:
            store = self.engine.run_rules(documents_run, options, run)
        return _report(store, documents, options, validation, run, keep, bool(documents_run))

    def close(self) -> None:
        """Release the knowledge-base store (the assessor cannot be used afterwards)."""
        self.engine.close()


_shared: list[Assessor] = []
_shared_lock = threading.Lock()


def shared_assessor() -> Assessor:
    """The process's own :class:`Assessor` (made on first use), for repeated assessments.

    It is made again if the knowledge base the engine reads has changed since.
    """
    with _shared_lock:
        if not _shared or not _shared[0].engine.is_current():
            _shared[:] = [Assessor()]
        return _shared[0]


def _with_declared(
    subjects: list[AssessedSubject], documents: Sequence[InputDocument]
) -> list[AssessedSubject]:
    """Compare the conclusions a submitter stated in DPV/AIRO terms with the derived categories.

    A subject with stated conclusions gets ``declared`` (what was stated, the term as written),
    ``derived`` (our categories with their provisions) and ``disagreements``.
    """
    stated: dict[str, set[tuple[str, str]]] = {}
    for document in documents:
        for iri, category, term in document.declared:
            stated.setdefault(iri, set()).add((category, term))
    if not stated:
        return subjects
    compared = []
    for subject in subjects:
        if subject.iri not in stated:
            compared.append(subject)
            continue
        derived = [
            DerivedCategory(
                category=d.conclusion, legal_basis=d.legal_basis, provisions=d.provisions
            )
            for d in subject.determinations
            if d.kind == "category"
        ]
        ours = {d.category for d in derived}
        declared = [
            DeclaredCategory(category=category, term=term, agrees=_agrees(category, term, derived))
            for category, term in sorted(stated[subject.iri])
        ]
        disagreements = [
            f"declared {d.category} ({d.term}), derived: "
            + (", ".join(sorted(ours)) or "no category")
            for d in declared
            if not d.agrees
        ]
        compared.append(
            subject.model_copy(
                update={"declared": declared, "derived": derived, "disagreements": disagreements}
            )
        )
    return compared


def _agrees(category: str, term: str, derived: Sequence[DerivedCategory]) -> bool:
    """Whether a category declared with an external term agrees with the derived ones: the same
    category, resting on the provision the term names (an Art 6(1) route), and none the term
    rules out (DPV's transparency level is for systems that are not high-risk)."""
    mapping = load_mappings().get(term)
    matching = [d for d in derived if d.category == category]
    if mapping is not None and mapping.requires_basis:
        basis = mapping.requires_basis
        matching = [
            d
            for d in matching
            if any(c == basis or c.startswith(basis + "(") for c in d.legal_basis)
        ]
    excluded = set(mapping.excludes) if mapping is not None else set()
    return bool(matching) and not excluded & {d.category for d in derived}


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
    engine: KnowledgeStore | None = None,
) -> AssessmentReport:
    """Read files, directories or stdin, then assess everything readable in one batch."""
    documents, errors = read_all(arguments, max_bytes=max_bytes, stdin=stdin, progress=progress)
    validation = (validator or SubmissionValidator()).validate(documents, errors)
    return assess_documents(documents, options, validation=validation, engine=engine)
