"""Text and JSON renderings of registry results (``submit``, ``reassess``, ``registry``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from aiact_kg.registry.reassess import Listed
from aiact_kg.registry.submit import RegistryResult
from aiact_kg.render.validation import render_text, report_json


def _categories(subjects: dict[str, set[str]]) -> list[str]:
    return sorted({category for found in subjects.values() for category in found})


def result_json(result: RegistryResult) -> dict[str, Any]:
    data: dict[str, Any] = {
        "submissions": [
            {
                "name": outcome.name,
                "file": outcome.file,
                "status": outcome.status,
                "run": outcome.run,
                "subjects": [
                    {"iri": iri, "categories": sorted(found)}
                    for iri, found in sorted(outcome.subjects.items())
                ],
            }
            for outcome in result.outcomes
        ],
        "counts": result.counts(),
    }
    if result.validation is not None:
        data["conforms"] = result.validation.conforms
        data["validation"] = report_json(result.validation)  # as validate --format json
    return data


def result_text(result: RegistryResult) -> str:
    if result.validation is not None and result.exit_code:
        return render_text(result.validation) + "Nothing was stored.\n"
    lines = []
    for outcome in result.outcomes:
        shown = ", ".join(_categories(outcome.subjects)) or "-"
        if outcome.status == "unchanged":
            shown = "same document and options as stored; not assessed again"
        lines.append(f"{outcome.status:<10} {outcome.name}  ({outcome.file})  {shown}")
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


def listing_json(listed: Sequence[Listed]) -> list[dict[str, Any]]:
    return [
        {
            "name": item.entry.name,
            "file": item.entry.file,
            "sha256": item.entry.sha256,
            "statements": item.entry.statements,
            "submitted_at": item.entry.submitted_at,
            "as_of": item.entry.as_of,
            "run": item.entry.run,
            "submission_graph": item.entry.submission_graph,
            "assessment_graph": item.entry.assessment_graph,
            "subjects": [
                {"iri": iri, "categories": sorted(found)}
                for iri, found in sorted(item.subjects.items())
            ],
        }
        for item in listed
    ]


def listing_table(listed: Sequence[Listed]) -> str:
    if not listed:
        return "The registry is empty; add submissions with `aiact-kg submit FILE`.\n"
    rows = [("name", "file", "sha256", "submitted at", "as of", "categories")]
    rows += [
        (
            item.entry.name,
            item.entry.file,
            item.entry.sha256[:12],
            item.entry.submitted_at,
            item.entry.as_of,
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


def dumps(data: object) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"
