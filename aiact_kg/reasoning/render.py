"""Plain-text renderings of assessments: the ``assess`` report and the ``explain`` chain."""

from __future__ import annotations

import textwrap
from typing import Any

from pyoxigraph import NamedNode

from aiact_kg.queries import run_select
from aiact_kg.store.oxigraph_store import OxigraphStore


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=98, initial_indent=indent, subsequent_indent=indent)


def _law_lines(law: dict[str, Any]) -> list[str]:
    lines = [f"Law: {law['title']}"]
    if law.get("chosen_by"):
        lines.append(f"  ({law['chosen_by']}; use --law to force a version)")
    for amendment in law["amendments"]:
        lines.append(
            f"  including {amendment['title']} ({amendment['status']}): "
            f"{amendment['status_note'] or ''}"
        )
    return lines


def assessment_text(data: dict[str, Any]) -> str:
    """The human-readable report of ``aiact-kg assess``."""
    lines = [f"Assessment as of {data['as_of']}", *_law_lines(data["law"]), ""]
    if not data["valid"]:
        lines.append(
            "Not assessed: the input has violations (run 'aiact-kg validate' for details)."
        )
        for violation in data["violations"]:
            basis = "; ".join(violation["legal_basis"])
            lines.append(f"  ✗ {violation['subject']}: {violation['message']} [{basis}]")
        return "\n".join(lines) + "\n"
    for subject in data["subjects"]:
        lines.append(f"{subject['iri']} ({subject['kind']})")
        lines.append(f"  categories: {', '.join(subject['categories']) or 'none'}")
        if subject["flags"]:
            lines.append(f"  flags: {', '.join(subject['flags'])}")
        for item in subject["determinations"]:
            basis = "; ".join(item["legal_basis"])
            lines.append(f"  - {item['conclusion']} [{basis}]")
            if item["explanation"]:
                lines.append(_wrap(item["explanation"], "      "))
            if item.get("depends_on_unverified_amendment"):
                lines.append(f"      note: {item['depends_on_unverified_amendment']}")
        if subject["obligations"]:
            lines.append(f"  obligations ({len(subject['obligations'])}):")
        for item in subject["obligations"]:
            due = f", due {item['due']}" if item["due"] else ""
            note = " (unverified amendment)" if item.get("depends_on_unverified_amendment") else ""
            lines.append(
                f"    {item['citation']:<22} {item['role']:<18} from {item['applies_from']}"
                f"{due}{note}  {item['title']}"
            )
        lines.append("")
    return "\n".join(lines)


def explanation_text(data: dict[str, Any], subject_iri: str, store: OxigraphStore) -> str:
    """Walk each conclusion about one subject back to its facts and provision texts."""
    subjects = {s["iri"]: s for s in data["subjects"]}
    subject = subjects[subject_iri]
    lines = [
        f"Why {subject_iri} is assessed as it is (as of {data['as_of']})",
        *_law_lines(data["law"]),
        "",
    ]
    for number, item in enumerate(subject["determinations"], start=1):
        lines.append(f"{number}. {item['conclusion']}: {item['rule_label'] or item['rule']}")
        if item["explanation"]:
            lines.append(_wrap(item["explanation"], "   "))
        for premise in item["premises"]:
            lines.append(f"   because: {premise}")
        if item.get("applies_from"):
            lines.append(f"   applies from {item['applies_from']}")
        for provision in item["provisions"]:
            rows = run_select(
                store, "assess/explain-provision", {"provision": NamedNode(provision)}
            ).records()
            if not rows:
                continue
            row = rows[0]
            title = f" — {row['title'].value}" if row["title"] is not None else ""
            lines.append(
                f"   {row['citation'].value}{title}"  # type: ignore[union-attr]
                + (f" <{row['link'].value}>" if row["link"] is not None else "")
            )
            if row["text"] is not None:
                text = row["text"].value
                lines.append(_wrap(text if len(text) < 700 else text[:700] + " …", "     │ "))
        lines.append("")
    if subject["obligations"]:
        lines.append("Obligations that follow:")
        for item in subject["obligations"]:
            lines.append(
                f"  {item['citation']} ({item['role']}, from {item['applies_from']}): "
                f"{item['title']} — follows from determination {item['determination']}"
            )
    return "\n".join(lines) + "\n"
