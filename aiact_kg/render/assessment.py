"""Renderings of assessments: JSON, the derived graph as Turtle, the ``assess`` text report and
the ``explain`` chain."""

from __future__ import annotations

import textwrap
import unicodedata
from collections.abc import Sequence
from datetime import date
from typing import Any

from pyoxigraph import Literal, NamedNode, RdfFormat, serialize

from aiact_kg.namespaces import PREFIXES
from aiact_kg.queries import get_query, run_select, with_prefixes
from aiact_kg.render.terminal import terminal_safe
from aiact_kg.results.assessment import (
    AssessedSubject,
    AssessmentResult,
    Determination,
    Fine,
    LawVersion,
    Obligation,
    ValidationNote,
)
from aiact_kg.store.base import KnowledgeStore


def assessment_json(result: AssessmentResult, *, indent: int | None = 2) -> str:
    """The JSON of ``aiact-kg assess --format json`` (and, unindented, of ``POST /assess``)."""
    return result.model_dump_json(indent=indent) + ("\n" if indent else "")


def assessment_turtle(store: KnowledgeStore) -> str:
    """The derived graph (run, determinations, premises, estimates, obligations) as Turtle."""
    triples = store.construct(with_prefixes(get_query("assess/construct-results").text))
    data = serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES)
    return (data or b"").decode("utf-8")


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(text, width=98, initial_indent=indent, subsequent_indent=indent)


def _law_lines(law: LawVersion) -> list[str]:
    lines = [f"Law: {law.title}"]
    if law.chosen_by == "requested":
        lines.append("  (requested with --law)")
        # what the reason says of the as-of date: a version not yet in force, or a later one
        _, found, said = law.reason.partition(" On the as-of date")
        if found:
            lines.append(
                _wrap((found + said).split(" Based on secondary sources")[0].strip(), "  ")
            )
    elif law.chosen_by:
        lines.append(f"  ({law.chosen_by}; use --law to force a version)")
    for amendment in law.amendments:
        lines.append(
            f"  including {amendment.title} ({amendment.status}): {amendment.status_note or ''}"
        )
    return lines


def assessment_text(result: AssessmentResult) -> str:
    """The human-readable report of ``aiact-kg assess``."""
    return terminal_safe(_assessment_text(result))


def _assessment_text(result: AssessmentResult) -> str:
    lines = [f"Assessment as of {result.as_of}", *_law_lines(result.law), ""]
    if not result.valid:
        if result.unreadable:  # an unreadable input stops the text report's one batch
            lines.append("Not assessed: an input could not be read.")
            lines.extend(f"  ✗ {unreadable.message}" for unreadable in result.unreadable)
        if result.subjects:  # the inputs the violations do not concern are assessed below
            lines.append(
                "Not assessed: the subjects these violations concern, and the inputs linked to "
                "them (run 'aiact-kg validate' for details); the others are assessed below."
            )
        elif result.violations or not result.unreadable:
            lines.append(
                "Not assessed: the input has violations (run 'aiact-kg validate' for details)."
            )
        for violation in result.violations:
            basis = "; ".join(violation.legal_basis)
            lines.append(f"  ✗ {violation.subject}: {violation.message} [{basis}]")
        if not result.subjects:
            return "\n".join(lines) + "\n"
        lines.append("")
    warnings: dict[str, list[ValidationNote]] = {}
    for warning in result.warnings:
        warnings.setdefault(warning.subject, []).append(warning)
    for subject in result.subjects:
        lines.append(f"{subject.iri} ({subject.kind})")
        lines.append(f"  categories: {', '.join(subject.categories) or 'none'}")
        if subject.flags:
            lines.append(f"  flags: {', '.join(subject.flags)}")
        for declared in subject.declared or []:
            verdict = "agrees" if declared.agrees else "DISAGREES with the derived categories"
            lines.append(f"  declared: {declared.category} ({declared.term}): {verdict}")
        lines.extend(_warning_lines(warnings.pop(subject.iri, [])))
        lines.extend(_determination_lines(subject.determinations, result.as_of))
        lines.extend(_obligation_lines(subject.obligations, result.as_of))
        lines.extend(_fine_lines(subject))
        lines.append("")
    others = [warning for found in warnings.values() for warning in found]
    if others:  # about nodes that are no assessed subject (e.g. a party, a product)
        lines.append("Other warnings and notes:")
        lines.extend(_warning_lines(others, name_all=True))
        lines.append("")
    return "\n".join(lines)


def _warning_lines(warnings: Sequence[ValidationNote], *, name_all: bool = False) -> list[str]:
    """One line per warning or note of validation: how the results read the description (the
    node it is about where that is not the subject, or for every line with ``name_all``)."""
    marks = {"warning": "!", "info": "i"}
    lines = []
    for warning in warnings:
        basis = "; ".join(warning.legal_basis)
        named = name_all or warning.focus_node != warning.subject
        where = f" (about {warning.focus_node})" if named else ""
        lines.append(
            f"  {marks.get(warning.severity, '!')} {warning.severity}{where}: "
            f"{warning.message} [{basis}]"
        )
    return lines


def _determination_lines(determinations: Sequence[Determination], as_of: date) -> list[str]:
    """Each conclusion with its legal basis and explanation; conclusions one rule draws together
    with the same basis and words (a category and its case, e.g. transparency and 50(1)) share
    one entry. One that applies only after ``as_of`` says from when, unless its words do
    ("from" the day)."""
    grouped: dict[tuple[str, tuple[str, ...], str | None], list[Determination]] = {}
    for determination in determinations:
        key = (determination.rule, tuple(determination.legal_basis), determination.explanation)
        grouped.setdefault(key, []).append(determination)
    lines: list[str] = []
    for group in grouped.values():
        first = group[0]
        conclusions = ", ".join(dict.fromkeys(item.conclusion for item in group))
        lines.append(f"  - {conclusions} [{'; '.join(first.legal_basis)}]")
        if first.explanation:
            lines.append(_wrap(first.explanation, "      "))
        later = first.applies_from
        if later and later > as_of and f"from {later}" not in (first.explanation or ""):
            lines.append(f"      applies from {later}, after the as-of date")
        notes = (item.depends_on_unverified_amendment for item in group)
        lines.extend(f"      note: {note}" for note in dict.fromkeys(notes) if note)
    return lines


def _obligation_lines(obligations: Sequence[Obligation], as_of: object) -> list[str]:
    """One row per obligation: citation, role (with the bearer where several parties hold the
    role), date, state and title."""
    if not obligations:
        return []
    waiting = sum(not item.in_force for item in obligations)
    later = f", {waiting} not yet in force on {as_of}" if waiting else ""
    lines = [f"  obligations ({len(obligations)}{later}):"]
    shared_roles = _roles_with_several_bearers(obligations)
    roles = [
        f"{item.role} ({_local_name(item.bearer)})"
        if item.role in shared_roles and item.bearer
        else item.role
        for item in obligations
    ]
    # the columns as wide as their longest entry on screen (at least 22 and 18 columns)
    citation_width = max(22, *(_columns(str(item.citation)) for item in obligations))
    role_width = max(18, *(_columns(str(role)) for role in roles))
    for item, role in zip(obligations, roles, strict=True):
        due = f", due {item.due}" if item.due else ""
        due += f", met {item.met_on}" if item.met_on else ""
        note = "" if item.in_force else " (not yet in force)"
        note += " (conditional)" if item.conditional_on else ""
        note += " (unverified amendment)" if item.depends_on_unverified_amendment else ""
        if item.met_through:
            note += f" (met under {'; '.join(item.met_through.legal_basis)})"
        lines.append(
            f"    {_padded(str(item.citation), citation_width)} {_padded(str(role), role_width)}"
            f" from {item.applies_from}{due}{note}  {item.title}"
        )
    return lines


def _fine_lines(subject: AssessedSubject) -> list[str]:
    """The most a breach can cost, one entry per fine and bearer (or, for a prohibited practice,
    per operator), naming the obligations or prohibitions it covers."""
    fines: dict[tuple[str, str], Fine] = {}
    covered: dict[tuple[str, str], list[str]] = {}

    def cover(who: str, fine: Fine, citation: str) -> None:
        key = (who, fine.model_dump_json())
        fines.setdefault(key, fine)
        covered.setdefault(key, []).append(citation)

    for determination in subject.determinations:
        for fine in determination.fines or []:
            who = f"{_local_name(fine.operator)} (operator)" if fine.operator else "operators"
            cover(who, fine, _breached(determination.legal_basis))
    shared_roles = _roles_with_several_bearers(subject.obligations)
    for item in subject.obligations:
        who = str(item.role)
        if item.role in shared_roles and item.bearer:
            who += f" ({_local_name(item.bearer)})"
        for fine in item.fines:
            cover(who, fine, str(item.citation))
    if not covered:
        return []
    lines = ["  fines (the most one infringement can cost):"]
    for key, citations in covered.items():
        fine, cited = fines[key], list(dict.fromkeys(citations))
        what = f"breach of {'any of ' + str(len(cited)) + ': ' if len(cited) > 1 else ''}"
        what += ", ".join(cited)
        # grouped by the whole fine, so by its first day too: the later of the tier's day (Art
        # 113(b)) and the day the duties or prohibition it punishes apply
        since = f", from {fine.fined_from}" if fine.fined_from else ""
        entry = f"{fine.tier} {key[0]}: {_fine_ceiling(fine)}{since}; {what}"
        # a citation is not broken over two lines (no-break spaces while wrapping)
        entry = textwrap.fill(
            entry.replace("Art ", "Art\u00a0"),
            98,
            initial_indent="    ",
            subsequent_indent="      ",
        )
        lines.append(entry.replace("Art\u00a0", "Art "))
        if fine.condition:
            lines.append(_wrap(f"condition: {fine.condition}", "      "))
    return lines


def _fine_since(fine: Fine, breached: str = "duty") -> str:
    """From when a breach can be fined (``fined_from``: the later of the tier's day and the
    breached duty's or prohibition's own day), naming the tier's day when it is earlier."""
    if fine.fined_from is None:
        return ""
    if fine.applies_from is not None and fine.fined_from > fine.applies_from:
        return (
            f", from {fine.fined_from} (the {breached}'s day; the tier applies from "
            f"{fine.applies_from})"
        )
    return f", from {fine.fined_from}"


def _fine_ceiling(fine: Fine) -> str:
    """A fine's ceiling in words, with the provision that sets it."""
    basis = f" ({fine.cap_provision})" if fine.cap_provision else ""
    figures = []
    if fine.max_eur is not None:
        figures.append(f"EUR {fine.max_eur:,.0f}")
    if fine.max_turnover_percent is not None:
        figures.append(f"{fine.max_turnover_percent:g}% of worldwide annual turnover")
    if not figures:
        return f"penalties set by the Member State{basis}, no ceiling in the Regulation"
    ceiling = "up to " + " or ".join(figures)
    if len(figures) == 2 and fine.cap in ("higher", "lower"):
        ceiling += f", whichever is {fine.cap}"
    return ceiling + basis


def _columns(text: str) -> int:
    """The columns ``text`` takes on a terminal: two for a wide (East Asian) character."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _padded(text: str, width: int) -> str:
    """``text`` padded with spaces to ``width`` terminal columns."""
    return text + " " * max(0, width - _columns(text))


def _breached(legal_basis: list[str]) -> str:
    """The provision a fined determination's breach infringes: its first article (an Annex only
    lists what the article refers to: Annex II, the offences of Art 5(1)(h)(iii), cannot be
    breached, an outside check found it named), else its first basis."""
    articles = [citation for citation in legal_basis if citation.startswith("Art ")]
    return (articles or legal_basis or [""])[0]


def _roles_with_several_bearers(obligations: Sequence[Obligation]) -> set[str]:
    """The roles two or more parties bear obligations in (e.g. the system's provider and the
    supplier of its model, Art 25(4)): their rows name the bearer to tell them apart."""
    bearers: dict[str, set[str]] = {}
    for item in obligations:
        if item.role and item.bearer:
            bearers.setdefault(item.role, set()).add(item.bearer)
    return {role for role, parties in bearers.items() if len(parties) > 1}


def _local_name(iri: str) -> str:
    """The last segment of an IRI (after its last '/' or '#'), or the IRI if it ends with one."""
    tail = iri.rstrip("/#").rsplit("/", 1)[-1].rsplit("#", 1)[-1]
    return tail or iri


def _provision_lines(citation: Any, row: dict[str, Any], indent: str) -> list[str]:
    """A provision's citation, heading and link, then its text (cut after 700 characters)."""
    title = f" — {row['title'].value}" if row.get("title") is not None else ""
    link = f" <{row['link'].value}>" if row.get("link") is not None else ""
    lines = [f"{indent}{citation.value}{title}{link}"]
    if row.get("text") is not None:
        text = row["text"].value
        lines.append(_wrap(text if len(text) < 700 else text[:700] + " …", indent + "  │ "))
    return lines


def explanation_text(result: AssessmentResult, subject_iri: str, store: KnowledgeStore) -> str:
    """Walk each conclusion about one subject back to its facts and provision texts."""
    return terminal_safe(_explanation_text(result, subject_iri, store))


def _explanation_text(result: AssessmentResult, subject_iri: str, store: KnowledgeStore) -> str:
    subjects = {s.iri: s for s in result.subjects}
    subject = subjects[subject_iri]
    lines = [
        f"Why {subject_iri} is assessed as it is (as of {result.as_of})",
        *_law_lines(result.law),
        "",
    ]
    for number, determination in enumerate(subject.determinations, start=1):
        rule = determination.rule_label or determination.rule
        lines.append(f"{number}. {determination.conclusion}: {rule}")
        if determination.amended_by_rules:
            lines.append(f"   amended by: {', '.join(determination.amended_by_rules)}")
        if determination.explanation:
            lines.append(_wrap(determination.explanation, "   "))
        for premise in determination.premises:
            lines.append(f"   because: {premise}")
        if determination.applies_from:
            lines.append(f"   applies from {determination.applies_from}")
        for fine in determination.fines or []:
            operator = f" for {fine.operator}" if fine.operator else ""
            since = _fine_since(fine, "prohibition")
            entry = f"fine{operator}: {fine.tier}: {_fine_ceiling(fine)}{since}"
            lines.append(textwrap.fill(entry, 98, initial_indent="   ", subsequent_indent="     "))
        for provision in determination.provisions:
            rows = run_select(
                store, "assess/explain-provision", {"provision": NamedNode(provision)}
            ).records()
            if rows:
                lines += _provision_lines(rows[0]["citation"], rows[0], "   ")
        lines.append("")
    if subject.obligations:
        lines.append("Obligations that follow, each with the words that impose it:")
        lines.append("")
        for item in subject.obligations:
            lines += _obligation_explanation(item, store)
    return "\n".join(lines) + "\n"


def _obligation_explanation(item: Obligation, store: KnowledgeStore) -> list[str]:
    """An obligation in the explanation: when and for whom, its conditions and notes, then the
    words that impose it."""
    lines: list[str] = []
    due = f", due {item.due}" if item.due else ""
    due += f", met on {item.met_on}" if item.met_on else ""
    state = "in force" if item.in_force else "not yet in force"
    when = f"from {item.applies_from}, {state}{due}"
    lines.append(f"  {item.citation} ({item.role}, {when}): {item.title}")
    lines.append(f"    bearer {item.bearer}; follows from determination {item.determination}")
    if item.conditional_on:
        lines.append(_indented("only if", item.condition or ", ".join(item.conditional_on)))
    if item.met_through:
        way = item.met_through
        lines.append(_indented("met through", f"{way.how} ({'; '.join(way.legal_basis)})"))
    for fine in item.fines:
        since = _fine_since(fine)
        lines.append(_indented("fine", f"{fine.tier}: {_fine_ceiling(fine)}{since}"))
        if fine.condition:
            lines.append(_indented("condition", fine.condition))
    if item.depends_on_unverified_amendment:
        lines.append(_indented("note", item.depends_on_unverified_amendment))
    rows = run_select(
        store, "assess/explain-citation", {"citation": Literal(item.citation or "")}
    ).records()
    if rows:
        lines += _provision_lines(Literal(item.citation or ""), rows[0], "    ")
    lines.append("")
    return lines


def _indented(label: str, text: str) -> str:
    """``text`` wrapped at 98 columns after ``    label: ``, its next lines aligned with it."""
    head = f"    {label}: "
    return textwrap.fill(text, width=98, initial_indent=head, subsequent_indent=" " * len(head))
