"""The results of ``submit``, ``reassess`` and ``registry`` (the stored submissions)."""

from __future__ import annotations

from pydantic import Field, RootModel

from aiact_kg.results.base import Result, optional
from aiact_kg.results.validation import ValidationResult


class SubjectCategories(Result):
    """A subject of a submission and its categories in the assessment."""

    iri: str = Field(description="the subject's IRI")
    categories: list[str] = Field(description="its risk categories, sorted")


class SubmissionOutcome(Result):
    """What happened to one submission."""

    name: str = Field(description="the name the document is kept under")
    file: str = Field(description="the document's file name")
    status: str = Field(
        description="stored, replaced, unchanged or reassessed (assessed again, its statements "
        "unchanged: by reassess, or by submit as read with a submitted document)"
    )
    run: str | None = Field(description="IRI of the run that assessed it (null if not assessed)")
    subjects: list[SubjectCategories] = Field(description="its subjects, sorted by IRI")
    shared_with: list[str] = Field(
        default_factory=list,
        description="other stored submissions whose assessment concerns one of the same "
        "subjects (e.g. one document stored under two names): the questions across the "
        "registry count such a subject once per submission",
    )
    assessed_with: list[str] = Field(
        default_factory=list,
        description="the other submissions its assessment read with it, stored or of the same "
        "submission: one of them states facts about a node the other names (a model it is built "
        "on, a deployer's role, a party) and the other does not state them. They are assessed "
        "together, as 'assess' reads such files together, and each keeps its own subjects' "
        "results",
    )


class RegistryCounts(Result):
    """How many submissions had each outcome, and the categories of the subjects assessed."""

    stored: int = Field(description="submissions stored for the first time")
    replaced: int = Field(description="submissions that replaced a stored one")
    unchanged: int = Field(description="the same document and options as stored: not assessed")
    reassessed: int | None = optional(
        "present when submissions were assessed again: all of them (reassess), or stored ones "
        "read with a submitted document (submit)"
    )
    subjects_assessed: int = Field(description="subjects assessed by this command")
    by_category: dict[str, int] = Field(description="assessed subjects per category")


class SubmissionResult(Result):
    """The result of ``submit`` or ``reassess``."""

    submissions: list[SubmissionOutcome] = Field(description="one outcome per document")
    counts: RegistryCounts
    conforms: bool | None = optional("present for submit: whether the inputs were valid")
    validation: ValidationResult | None = optional(
        "present for submit: the validation, as `validate --format json` prints it"
    )


class RegistryEntry(Result):
    """One stored submission, with its graphs and the categories of its latest assessment."""

    name: str = Field(description="the name it is kept under")
    file: str = Field(description="the document's file name")
    sha256: str = Field(description="SHA-256 of the document")
    statements: int = Field(description="number of statements stored")
    submitted_at: str = Field(description="when it was submitted (xsd:dateTime, UTC)")
    as_of: str = Field(description="the as-of date of its latest assessment")
    law: str = Field(
        description="the law version its latest assessment was asked for (in-force: the "
        "version in force on the as-of date)"
    )
    run: str = Field(description="IRI of its latest assessment run")
    submission_graph: str = Field(description="IRI of the graph with its statements")
    assessment_graph: str = Field(description="IRI of the graph with its assessment")
    subjects: list[SubjectCategories] = Field(description="its subjects, sorted by IRI")
    assessed_with: list[str] = Field(
        default_factory=list,
        description="the other submissions its latest assessment read with it (linked "
        "documents are assessed together), sorted",
    )


class RegistryListing(RootModel[list[RegistryEntry]]):
    """The result of ``aiact-kg registry --format json``: every stored submission."""
