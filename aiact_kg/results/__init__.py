"""Typed results: the models behind every JSON document the command line and the service write.

The report builders produce these models; the JSON is their ``model_dump_json`` and the JSON
Schemas in ``docs/schemas/`` are generated from them (:mod:`aiact_kg.results.schemas`).
"""

from aiact_kg.results.assessment import (
    Amendment,
    AssessedSubject,
    AssessmentResult,
    Determination,
    Fine,
    LawVersion,
    Obligation,
    RunInput,
    RunProvenance,
    Violation,
)
from aiact_kg.results.provision import ProvisionChange, ProvisionResult, Reference
from aiact_kg.results.registry import (
    RegistryCounts,
    RegistryEntry,
    RegistryListing,
    SubjectCategories,
    SubmissionOutcome,
    SubmissionResult,
)
from aiact_kg.results.validation import (
    Finding,
    SubjectValidation,
    Unreadable,
    ValidationCounts,
    ValidationResult,
)

__all__ = [
    "Amendment",
    "AssessedSubject",
    "AssessmentResult",
    "Determination",
    "Finding",
    "Fine",
    "LawVersion",
    "Obligation",
    "ProvisionChange",
    "ProvisionResult",
    "Reference",
    "RegistryCounts",
    "RegistryEntry",
    "RegistryListing",
    "RunInput",
    "RunProvenance",
    "SubjectCategories",
    "SubjectValidation",
    "SubmissionOutcome",
    "SubmissionResult",
    "Unreadable",
    "ValidationCounts",
    "ValidationResult",
    "Violation",
]
