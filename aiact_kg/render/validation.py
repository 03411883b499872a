"""Render validation reports as text (grouped per file and subject), JSON or a SHACL report."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from aiact_kg.namespaces import compact
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.validation import Finding, SubjectReport, ValidationReport

_MARKS = {"violation": "✗ violation", "warning": "! warning", "info": "i info"}


def _unreadable_json(error: InputFormatError) -> dict[str, Any]:
    return {
        "file": error.name,
        "line": error.line,
        "column": error.column,
        "message": str(error),
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    return asdict(finding) | {
        "legal_basis": list(finding.legal_basis),
        "provisions": list(finding.provisions),
    }


def subject_json(subject: SubjectReport) -> dict[str, Any]:
    return {
        "file": subject.file,
        "iri": subject.iri,
        "kind": subject.kind,
        "conforms": not any(f.severity == "violation" for f in subject.findings),
        "findings": [finding_json(finding) for finding in subject.findings],
    }


def report_json(report: ValidationReport) -> dict[str, Any]:
    """The JSON form of ``validate --format json`` (documented in the README)."""
    return {
        "conforms": report.conforms,
        "documents": report.documents,
        "counts": {
            "subjects": report.described,
            "violation": report.count("violation"),
            "warning": report.count("warning"),
            "info": report.count("info"),
            "unreadable": len(report.unreadable),
        },
        "unreadable": [_unreadable_json(error) for error in report.unreadable],
        "subjects": [subject_json(subject) for subject in report.subjects],
    }


def render_json(report: ValidationReport) -> str:
    return json.dumps(report_json(report), indent=2, ensure_ascii=False) + "\n"


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
