"""Render validation reports as text (grouped per file and subject), JSON or a SHACL report."""

from __future__ import annotations

from typing import TYPE_CHECKING, TextIO

from aiact_kg.namespaces import compact
from aiact_kg.render.terminal import terminal_safe
from aiact_kg.results.validation import (
    SubjectValidation,
    Unreadable,
    ValidationCounts,
    ValidationResult,
)
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.findings import Finding
from aiact_kg.submission.validation import SubjectReport, ValidationReport

if TYPE_CHECKING:
    from aiact_kg.submission.streaming import StreamedValidation, Totals

_MARKS = {"violation": "✗ violation", "warning": "! warning", "info": "i info"}


def validation_result(report: ValidationReport) -> ValidationResult:
    """The typed result of a validation (the document of ``validate --format json``)."""
    return ValidationResult.of(report)


def render_json(report: ValidationReport, *, indent: int | None = 2) -> str:
    """The JSON of ``validate --format json`` (and, unindented, of ``POST /validate``)."""
    return validation_result(report).model_dump_json(indent=indent) + ("\n" if indent else "")


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


def _unreadable_lines(
    unreadable: tuple[InputFormatError, ...] | list[InputFormatError],
) -> list[str]:
    lines: list[str] = []
    for error in unreadable:
        lines += [f"{error.name}: unreadable", f"    ✗ {error}", ""]
    return lines


def subject_text(subject: SubjectReport) -> str:
    """The lines of one subject in the text output (without its file's heading line)."""
    return terminal_safe(_subject_text(subject))


def _subject_text(subject: SubjectReport) -> str:
    kind = f" ({subject.kind})" if subject.kind else ""
    name = subject.iri or "(no AI system or model described)"
    status = (
        "does not conform"
        if any(f.severity == "violation" for f in subject.findings)
        else "conforms"
    )
    lines = [f"  {name}{kind}: {status}"]
    for finding in subject.findings:
        lines += _finding_text(finding)
    return "\n".join(lines)


def _summary(
    documents: int, described: int, counts: dict[str, int], unreadable: int, conforms: bool
) -> str:
    verdict = "conforms" if conforms else "does not conform"
    return (
        f"{documents} document(s), {described} subject(s): "
        f"{counts['violation']} violation(s), {counts['warning']} warning(s), "
        f"{counts['info']} info, {unreadable} unreadable — {verdict}"
    )


def render_text(report: ValidationReport) -> str:
    return terminal_safe(_render_text(report))


def _render_text(report: ValidationReport) -> str:
    lines = _unreadable_lines(report.unreadable)
    current_file = None
    for subject in report.subjects:
        if subject.file != current_file:
            current_file = subject.file
            lines.append(f"{subject.file}:")
        lines.append(subject_text(subject))
    counts = {severity: report.count(severity) for severity in ("violation", "warning", "info")}
    lines.append("")
    lines.append(
        _summary(
            report.documents, report.described, counts, len(report.unreadable), report.conforms
        )
    )
    return "\n".join(lines) + "\n"


def subject_json(subject: SubjectReport) -> str:
    """One subject as an item of the ``subjects`` array of :func:`render_json` (indented)."""
    text = SubjectValidation.of(subject).model_dump_json(indent=2)
    return "\n".join("    " + line for line in text.split("\n"))


SUBJECT_RENDERERS = {"text": subject_text, "json": subject_json}


def _json_head(totals: Totals) -> str:
    """The JSON document up to the items of ``subjects`` (exclusive)."""
    head = ValidationResult(
        conforms=totals.conforms,
        documents=totals.documents,
        counts=ValidationCounts(
            subjects=totals.described, unreadable=len(totals.unreadable), **totals.counts
        ),
        unreadable=[Unreadable.of(error) for error in totals.unreadable],
        subjects=[],
    ).model_dump_json(indent=2)
    tail = "[]\n}"
    assert head.endswith(tail), head[-40:]
    return head[: -len(tail)]


def write_streamed(validation: StreamedValidation, output: str, out: TextIO) -> None:
    """Write a validation done in batches exactly as the renderer of ``output`` writes the
    whole report (``json`` or ``text``)."""
    totals = validation.totals
    if output == "json":
        out.write(_json_head(totals))
        first = True
        for _, _, item in validation.subjects():
            out.write(("[\n" if first else ",\n") + item)
            first = False
        out.write("[]\n}\n" if first else "\n  ]\n}\n")
        return
    lines = _unreadable_lines(totals.unreadable)
    out.write("".join(line + "\n" for line in lines))
    current_file = None
    for file, _, text in validation.subjects():
        if file != current_file:
            current_file = file
            out.write(f"{file}:\n")
        out.write(text + "\n")
    out.write(
        "\n"
        + _summary(
            totals.documents,
            totals.described,
            totals.counts,
            len(totals.unreadable),
            totals.conforms,
        )
        + "\n"
    )
