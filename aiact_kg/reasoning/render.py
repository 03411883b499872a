"""Plain-text renderings of assessments: the ``assess`` report and the ``explain`` chain."""

from __future__ import annotations

import textwrap
from typing import Any

from pyoxigraph import Literal, NamedNode

from aiact_kg.queries import run_select
from aiact_kg.store.base import KnowledgeStore


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


def _provision_lines(citation: Any, row: dict[str, Any], indent: str) -> list[str]:
    """A provision's citation, heading and link, then its text (cut after 700 characters)."""
    title = f" — {row['title'].value}" if row.get("title") is not None else ""
    link = f" <{row['link'].value}>" if row.get("link") is not None else ""
    lines = [f"{indent}{citation.value}{title}{link}"]
    if row.get("text") is not None:
        text = row["text"].value
        lines.append(_wrap(text if len(text) < 700 else text[:700] + " …", indent + "  │ "))
    return lines


def explanation_text(data: dict[str, Any], subject_iri: str, store: KnowledgeStore) -> str:
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
            if rows:
                lines += _provision_lines(rows[0]["citation"], rows[0], "   ")
        lines.append("")
    if subject["obligations"]:
        lines.append("Obligations that follow, each with the words that impose it:")
        lines.append("")
        for item in subject["obligations"]:
            due = f", due {item['due']}" if item.get("due") else ""
            state = "in force" if item.get("in_force") else "not yet in force"
            when = f"from {item['applies_from']}, {state}{due}"
            lines.append(f"  {item['citation']} ({item['role']}, {when}): {item['title']}")
            lines.append(
                f"    bearer {item['bearer']}; follows from determination {item['determination']}"
            )
            if item.get("conditional_on"):
                condition = item.get("condition") or ", ".join(item["conditional_on"])
                lines.append(
                    textwrap.fill(
                        condition,
                        width=98,
                        initial_indent="    only if: ",
                        subsequent_indent=" " * 13,
                    )
                )
            if item.get("depends_on_unverified_amendment"):
                note = item["depends_on_unverified_amendment"]
                lines.append(
                    textwrap.fill(
                        note, width=98, initial_indent="    note: ", subsequent_indent=" " * 10
                    )
                )
            rows = run_select(
                store, "assess/explain-citation", {"citation": Literal(item["citation"])}
            ).records()
            if rows:
                lines += _provision_lines(Literal(item["citation"]), rows[0], "    ")
            lines.append("")
    return "\n".join(lines) + "\n"
