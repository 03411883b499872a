"""Text and JSON renderings of registry results (``submit``, ``reassess``, ``registry``)."""

from __future__ import annotations

from collections.abc import Sequence

from aiact_kg.registry.reassess import Listed
from aiact_kg.registry.submit import RegistryResult
from aiact_kg.render.terminal import terminal_safe
from aiact_kg.render.validation import render_text, validation_result
from aiact_kg.results.registry import (
    RegistryCounts,
    RegistryEntry,
    RegistryListing,
    SubjectCategories,
    SubmissionOutcome,
    SubmissionResult,
)


def _categories(subjects: dict[str, set[str]]) -> list[str]:
    return sorted({category for found in subjects.values() for category in found})


def _subjects(subjects: dict[str, set[str]]) -> list[SubjectCategories]:
    return [
        SubjectCategories(iri=iri, categories=sorted(found))
        for iri, found in sorted(subjects.items())
    ]


def submission_result(result: RegistryResult) -> SubmissionResult:
    """The typed result of ``submit`` or ``reassess``."""
    validation = result.validation
    return SubmissionResult(
        submissions=[
            SubmissionOutcome(
                name=outcome.name,
                file=outcome.file,
                status=outcome.status,
                run=outcome.run,
                subjects=_subjects(outcome.subjects),
                shared_with=list(outcome.shared_with),
                assessed_with=list(outcome.assessed_with),
            )
            for outcome in result.outcomes
        ],
        counts=RegistryCounts.model_validate(result.counts()),
        conforms=None if validation is None else validation.conforms,
        # as validate --format json prints it
        validation=None if validation is None else validation_result(validation),
    )


def result_json(result: RegistryResult) -> str:
    """The JSON of ``submit`` or ``reassess --format json``."""
    return submission_result(result).model_dump_json(indent=2) + "\n"


def result_text(result: RegistryResult) -> str:
    return terminal_safe(_result_text(result))


def _result_text(result: RegistryResult) -> str:
    if result.validation is not None and result.exit_code:
        return render_text(result.validation) + "Nothing was stored.\n"
    lines = []
    for outcome in result.outcomes:
        shown = ", ".join(_categories(outcome.subjects)) or "-"
        if outcome.status == "unchanged":
            shown = "same document and options as stored; not assessed again"
        lines.append(f"{outcome.status:<10} {outcome.name}  ({outcome.file})  {shown}")
        if outcome.shared_with:
            lines.append(
                f"{'':<10} its subjects are also assessed in {', '.join(outcome.shared_with)}: "
                "questions across the registry count them once per submission"
            )
        if outcome.assessed_with:
            lines.append(
                f"{'':<10} assessed with {', '.join(outcome.assessed_with)} (facts about the "
                "same nodes are stated across them)"
            )
    counts = result.counts()
    summary = ", ".join(
        f"{counts[key]} {key}"
        for key in ("stored", "replaced", "unchanged", "reassessed")
        if key in counts
    )
    lines.append(f"{summary}; {counts['subjects_assessed']} subject(s) assessed")
    by_category = counts["by_category"]
    assert isinstance(by_category, dict)
    if by_category:
        lines.append("  " + ", ".join(f"{name}: {n}" for name, n in by_category.items()))
    return "\n".join(lines) + "\n"


def registry_listing(listed: Sequence[Listed]) -> RegistryListing:
    """The typed result of ``aiact-kg registry``."""
    return RegistryListing(
        [
            RegistryEntry(
                name=item.entry.name,
                file=item.entry.file,
                sha256=item.entry.sha256,
                statements=item.entry.statements,
                submitted_at=item.entry.submitted_at,
                as_of=item.entry.as_of,
                law=item.entry.law,
                run=item.entry.run,
                submission_graph=item.entry.submission_graph,
                assessment_graph=item.entry.assessment_graph,
                subjects=_subjects(item.subjects),
                assessed_with=list(item.entry.together),
            )
            for item in listed
        ]
    )


def listing_json(listed: Sequence[Listed]) -> str:
    """The JSON of ``aiact-kg registry --format json``."""
    return registry_listing(listed).model_dump_json(indent=2) + "\n"


def listing_table(listed: Sequence[Listed]) -> str:
    return terminal_safe(_listing_table(listed))


def _listing_table(listed: Sequence[Listed]) -> str:
    if not listed:
        return "The registry is empty; add submissions with `aiact-kg submit FILE`.\n"
    rows = [("name", "file", "sha256", "submitted at", "as of", "law", "categories")]
    rows += [
        (
            item.entry.name,
            item.entry.file,
            item.entry.sha256[:12],
            item.entry.submitted_at,
            item.entry.as_of,
            item.entry.law,
            ", ".join(_categories(item.subjects)) or "-",
        )
        for item in listed
    ]
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    lines = [
        "  ".join([*(c.ljust(w) for c, w in zip(row[:-1], widths, strict=True)), row[-1]])
        for row in rows
    ]
    return "\n".join(lines) + f"\n({len(listed)} submission(s))\n"
