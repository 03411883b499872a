"""Plain-text and JSON rendering of provision reports."""

from __future__ import annotations

import textwrap

from aiact_kg.provision import (
    DraftResolution,
    ProvisionChangeReport,
    ProvisionReport,
    Reference,
)
from aiact_kg.render.terminal import terminal_safe
from aiact_kg.results.provision import ProvisionResult


def _wrap(text: str, indent: str = "  ") -> str:
    return "\n".join(
        textwrap.fill(paragraph, width=96, initial_indent=indent, subsequent_indent=indent)
        for paragraph in text.split("\n")
        if paragraph.strip()
    )


def _section(title: str, references: tuple[Reference, ...], empty: str) -> list[str]:
    lines = [f"{title} ({len(references)}):"]
    if not references:
        lines.append(f"  {empty}")
    for reference in references:
        detail = f"  [{reference.detail}]" if reference.detail else ""
        lines.append(f"  - {reference.label}{detail}")
        lines.append(f"    {reference.iri}")
    return lines


def _change_lines(change: ProvisionChangeReport) -> list[str]:
    dates = ""
    if change.new_date:
        before = f", was {change.previous_date}" if change.previous_date else ""
        scope = (
            f", for systems placed before {change.only_placed_before}"
            if change.only_placed_before
            else ""
        )
        dates = f": from {change.new_date}{before}{scope}"
    applied = "applied in assessments" if change.applied_in_assessment else "not applied"
    lines = [f"    - {change.label} ({change.relation} of {change.provision}{dates}; {applied})"]
    for reading in change.reported_readings:
        lines.append(_wrap(f"reported: {reading}", "        "))
    if change.new_text:
        lines.append(_wrap(f"text as amended: {change.new_text}", "        "))
    return lines


def _versions(report: ProvisionReport) -> list[str]:
    """The provision as published and under each amendment, with the status of our knowledge."""
    if not report.amendments:
        return []
    lines = ["", "Versions:", f"  as published: applies from {report.applies_from or '-'}"]
    amendment = ""
    for change in report.amendments:
        if change.amendment != amendment:
            amendment = change.amendment
            lines.append(f"  as amended by the {change.amendment_label} [{change.status_label}]:")
        lines += _change_lines(change)
    return lines


def _provision_text(report: ProvisionReport) -> str:
    """The human-readable report printed by ``aiact-kg provision``."""
    heading = f"{report.citation}" + (f" — {report.title}" if report.title else "")
    lines = [heading, "=" * min(len(heading), 96), f"IRI: {report.iri}"]
    if report.eur_lex_link:
        lines.append(f"EUR-Lex: {report.eur_lex_link}")
    if report.eli and report.eli_of not in (None, report.citation):
        lines.append(f"ELI: {report.eli} (of {report.eli_of}; none documented for this part)")
    else:
        lines.append(f"ELI: {report.eli or '(none documented for this kind of provision)'}")
    if report.ancestors:
        lines.append(
            "Part of: "
            + " > ".join(
                ref.label + (f" ({ref.detail})" if ref.detail else "") for ref in report.ancestors
            )
        )
    if report.applies_from:
        rule = f" ({report.applicability_rule}" if report.applicability_rule else ""
        source = (
            f", {report.applicability_source})"
            if report.applicability_source
            else (")" if rule else "")
        )
        lines.append(f"Applies from: {report.applies_from}{rule}{source}")
    else:
        lines.append("Applies from: no applicability date (not an operative provision)")
    lines += _versions(report)
    lines += ["", "Text:", _wrap(report.text or "(no text)"), ""]
    if report.children:
        lines.append("Parts: " + ", ".join(ref.label for ref in report.children))
        lines.append("")
    lines += _section(
        "Obligations resting on it", report.obligations, "none in the obligations catalogue"
    )
    lines.append("")
    if report.fined_obligations:
        lines += _section("Obligations whose fine it sets", report.fined_obligations, "")
        lines.append("")
    lines += _section("Concepts and terms citing it", report.concepts, "none")
    lines.append("")
    lines += _section("Cites (eli:cites, from the text)", report.cites, "nothing")
    lines.append("")
    lines += _section("Cited by", report.cited_by, "no provision")
    if report.draft_citations:
        lines.append("")
        lines += _section("Cited in drafts as", report.draft_citations, "")
    return "\n".join(lines) + "\n"


def provision_result(report: ProvisionReport) -> ProvisionResult:
    """The typed result of ``aiact-kg provision``."""
    return ProvisionResult.model_validate(report, from_attributes=True)


def provision_json(report: ProvisionReport, *, indent: int | None = 2) -> str:
    """The JSON of ``provision --format json`` (and, unindented, of ``GET /provisions/...``)."""
    return provision_result(report).model_dump_json(indent=indent) + ("\n" if indent else "")


def _draft_resolution_text(citation: str, resolutions: list[DraftResolution]) -> str:
    if not resolutions:
        return f"No draft version cites {citation!r} in the draft-history graph.\n"
    lines = []
    for item in resolutions:
        final = item.final_citation or "no counterpart in the final text"
        heading = f" ({item.heading})" if item.heading else ""
        lines.append(f"{item.draft_citation}{heading} in {item.version_label} -> {final}")
    return "\n".join(lines) + "\n"


def provision_text(report: ProvisionReport) -> str:
    """The human-readable report printed by ``aiact-kg provision`` (control characters escaped)."""
    return terminal_safe(_provision_text(report))


def draft_resolution_text(citation: str, resolutions: list[DraftResolution]) -> str:
    """The draft citations ``citation`` resolves to, one a line (control characters escaped)."""
    return terminal_safe(_draft_resolution_text(citation, resolutions))
