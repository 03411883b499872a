"""The result of ``aiact-kg validate`` and ``POST /validate``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from pydantic import Field

from aiact_kg.results.base import Citations, ProvisionIris, Result

if TYPE_CHECKING:
    from aiact_kg.submission.errors import InputFormatError
    from aiact_kg.submission.findings import Finding as FindingRecord
    from aiact_kg.submission.validation import SubjectReport, ValidationReport

Severity = Literal["violation", "warning", "info"]


class Unreadable(Result):
    """An input that could not be read, and where it went wrong."""

    file: str = Field(description="the input's file name (or the name given to stdin)")
    line: int | None = Field(description="line of the error, from 1, if known")
    column: int | None = Field(description="column of the error, from 1, if known")
    message: str = Field(description="what is wrong, in words")

    @classmethod
    def of(cls, error: InputFormatError) -> Unreadable:
        return cls(file=error.name, line=error.line, column=error.column, message=str(error))


class Finding(Result):
    """One problem found in a description, with the provisions it rests on."""

    severity: Severity = Field(description="violation (blocks assessment), warning or info")
    message: str = Field(description="what is wrong and how to fix it")
    focus_node: str = Field(description="the node the finding is about (IRI or _:label)")
    path: str | None = Field(description="the property concerned, if any (IRI)")
    value: str | None = Field(description="the offending value, if any")
    shape: str = Field(
        description="IRI of the SHACL shape, or https://w3id.org/aiact-kg/check/<name> for a "
        "check done in Python"
    )
    legal_basis: Citations
    provisions: ProvisionIris

    @classmethod
    def fields_of(cls, finding: FindingRecord) -> dict[str, object]:
        return {
            "severity": finding.severity,
            "message": finding.message,
            "focus_node": finding.focus_node,
            "path": finding.path,
            "value": finding.value,
            "shape": finding.shape,
            "legal_basis": list(finding.legal_basis),
            "provisions": list(finding.provisions),
        }

    @classmethod
    def of(cls, finding: FindingRecord) -> Finding:
        return cls.model_validate(cls.fields_of(finding))


class SubjectValidation(Result):
    """The findings about one described subject (or other node) of one file."""

    file: str = Field(description="the file that describes it")
    iri: str = Field(description="the subject's IRI; '' for the 'nothing described' finding")
    kind: str | None = Field(
        description="ai-system, gpai-model, gpai-system or ai-model; null for another node"
    )
    conforms: bool = Field(description="true when no finding is a violation")
    findings: list[Finding] = Field(description="violations, warnings and infos, in order")

    @classmethod
    def of(cls, subject: SubjectReport) -> SubjectValidation:
        return cls(
            file=subject.file,
            iri=subject.iri,
            kind=subject.kind,
            conforms=not any(f.severity == "violation" for f in subject.findings),
            findings=[Finding.of(finding) for finding in subject.findings],
        )


class ValidationCounts(Result):
    """How many subjects and findings of each severity."""

    subjects: int = Field(description="AI systems and models described (entries with a kind)")
    violation: int = Field(description="number of violations")
    warning: int = Field(description="number of warnings")
    info: int = Field(description="number of infos")
    unreadable: int = Field(description="number of unreadable inputs")


class ValidationResult(Result):
    """The result of validating descriptions against the submission shapes and checks."""

    conforms: bool = Field(description="true when every input is readable and has no violation")
    documents: int = Field(description="number of documents read")
    counts: ValidationCounts
    unreadable: list[Unreadable] = Field(description="inputs that could not be read")
    subjects: list[SubjectValidation] = Field(description="findings per file and subject")

    @classmethod
    def of(cls, report: ValidationReport) -> ValidationResult:
        """The typed result of a validation report."""
        return cls(
            conforms=report.conforms,
            documents=report.documents,
            counts=ValidationCounts(
                subjects=report.described,
                violation=report.count("violation"),
                warning=report.count("warning"),
                info=report.count("info"),
                unreadable=len(report.unreadable),
            ),
            unreadable=[Unreadable.of(error) for error in report.unreadable],
            subjects=[SubjectValidation.of(subject) for subject in report.subjects],
        )
