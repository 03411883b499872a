"""Render validation reports as text (grouped per file and subject), JSON or a SHACL report."""

from __future__ import annotations

from aiact_kg.namespaces import compact
from aiact_kg.results.validation import ValidationResult
from aiact_kg.submission.findings import Finding
from aiact_kg.submission.validation import ValidationReport

_MARKS = {"violation": "✗ violation", "warning": "! warning", "info": "i info"}


def validation_result(report: ValidationReport) -> ValidationResult:
    """The typed result of a validation (the document of ``validate --format json``)."""
    return ValidationResult.of(report)


def render_json(report: ValidationReport, *, indent: int | None = 2) -> str:
    """The JSON of ``validate --format json`` (and, unindented, of ``POST /validate``)."""
    return validation_result(report).model_dump_json(indent=indent) + ("\n" if indent else "")


def render_turtle(report: ValidationReport) -> str:
    """The W3C SHACL validation report of the readable documents."""
    return str(report.results_graph.serialize(format="turtle"))


def _finding_text(finding: Finding) -> list[str]:
    where = compact(finding.path) if finding.path else ""
    node = f" {finding.focus_node}" if finding.focus_node else ""
    basis = f" [{'; '.join(finding.legal_basis)}]" if finding.legal_basis else ""
    lines = [f"    {_MARKS[finding.severity]}: {finding.message}{basis}"]
    detail = ", ".join(
        part
        for part in (
            f"property {where}" if where else "",
            f"value {finding.value}" if finding.value else "",
        )
        if part
    )
    if node or detail:
        lines.append(f"      at{node}" + (f" ({detail})" if detail else ""))
    return lines


def render_text(report: ValidationReport) -> str:
    lines: list[str] = []
    for error in report.unreadable:
        lines += [f"{error.name}: unreadable", f"    ✗ {error}", ""]
    current_file = None
    for subject in report.subjects:
        if subject.file != current_file:
            current_file = subject.file
            lines.append(f"{subject.file}:")
        kind = f" ({subject.kind})" if subject.kind else ""
        name = subject.iri or "(no AI system or model described)"
        status = (
            "does not conform"
            if any(f.severity == "violation" for f in subject.findings)
            else "conforms"
        )
        lines.append(f"  {name}{kind}: {status}")
        for finding in subject.findings:
            lines += _finding_text(finding)
    verdict = "conforms" if report.conforms else "does not conform"
    lines.append("")
    lines.append(
        f"{report.documents} document(s), {report.described} subject(s): "
        f"{report.count('violation')} violation(s), {report.count('warning')} warning(s), "
        f"{report.count('info')} info, {len(report.unreadable)} unreadable — {verdict}"
    )
    return "\n".join(lines) + "\n"
