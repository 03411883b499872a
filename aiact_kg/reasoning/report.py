"""Turn the derived graph of an assessment into its typed result (:mod:`aiact_kg.results`).

The rows are gathered into plain dicts and validated into the models in one pass of
pydantic's compiled validator (:data:`SUBJECTS`), which is faster than building each model
in Python; the JSON is then written by the models (see README for its shape).

The queries return their rows unordered: a global ``ORDER BY`` over every obligation of a
batch cost as much as the query itself. Where order matters it is set here, per node or per
subject, with the query's former sort keys in SPARQL's term order (:func:`_term_key`); rows
equal on those keys keep the order the store returned them in, as they did before.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from pydantic import TypeAdapter
from pyoxigraph import BlankNode, Literal, NamedNode

from aiact_kg.gc_pause import paused_gc
from aiact_kg.legal.citation import citation_for_iri
from aiact_kg.namespaces import ASSESSMENT, compact
from aiact_kg.queries import run_select
from aiact_kg.results.assessment import AssessedSubject, LawVersion
from aiact_kg.store.base import KnowledgeStore, Term

# a determination minted by a run: <assessment namespace><run id>/det-<key>
_DETERMINATION = re.compile(re.escape(ASSESSMENT) + r"(?:[^/]+/)?det-(?P<key>.+)$")
_ORDER = (
    "out-of-scope",
    "prohibited",
    "high-risk",
    "transparency",
    "minimal",
    "gpai",
    "gpai-systemic-risk",
)


def _text(term: Term | None) -> str | None:
    if term is None:
        return None
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return term.value


def _term_key(term: Term | None) -> tuple[int, str]:
    """A term's place in SPARQL's ``ORDER BY``: unbound, blank nodes, IRIs, then literals (the
    keys sorted here are of one datatype each: strings, or dates without time zone)."""
    if term is None:
        return (0, "")
    if isinstance(term, BlankNode):
        return (1, term.value)
    return (2 if isinstance(term, NamedNode) else 3, term.value)


_Row = dict[str, Term | None]


def _grouped(rows: list[_Row], node: str, *order: str) -> dict[str, list[_Row]]:
    """``rows`` by the text of their ``node``, each group sorted by the ``order`` variables."""
    groups: dict[str, list[_Row]] = defaultdict(list)
    for row in rows:
        groups[_text(row[node]) or ""].append(row)
    if order:
        for group in groups.values():
            if len(group) > 1:
                group.sort(key=lambda row: [_term_key(row[name]) for name in order])
    return groups


def determination_id(iri: str) -> str:
    """The run-independent part of a determination's IRI (its key within the run)."""
    match = _DETERMINATION.match(iri)
    return match.group("key") if match else iri


def _citation(provision: str, stored: str | None) -> str:
    return stored or citation_for_iri(provision)


def _premise_text(subject: Term | None, prop: Term | None, value: Term | None) -> str:
    shown = compact(value.value) if isinstance(value, NamedNode) else _text(value)
    if isinstance(value, Literal) and value.datatype.value.endswith(("#string", "#langString")):
        shown = f'"{value.value}"'
    return f"{_text(subject)} {compact(_text(prop) or '')} {shown}"


def _natural_key(iri: str) -> list[object]:
    """Sort provisions as a reader would: Art 9 before Art 16, point (a) before (b)."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", iri)]


def _cited_provisions(
    store: KnowledgeStore, query: str, key: str
) -> dict[str, list[tuple[str, str]]]:
    """``{node: [(provision IRI, citation), ...]}`` in reading order, without duplicates."""
    found: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for row in run_select(store, query).records():
        iri = _text(row["provision"]) or ""
        found[_text(row[key]) or ""].add((iri, _citation(iri, _text(row["citation"]))))
    return {
        node: sorted(pairs, key=lambda pair: _natural_key(pair[0])) for node, pairs in found.items()
    }


def _imposing_citation(provision: Term | None, stored: Term | None) -> str | None:
    """The citation of the provision that imposes an obligation (``aia:imposedBy``)."""
    iri = _text(provision)
    return _citation(iri, _text(stored)) if iri else None


def _amendment_notes(store: KnowledgeStore) -> dict[str, str | None]:
    """``{node: status note}`` for determinations and obligations depending on an amendment
    (of several amendments, the note of the last by IRI)."""
    rows = run_select(store, "assess/dependent-on-amendment").records()
    return {
        node: _text(group[-1]["statusNote"])
        for node, group in _grouped(rows, "node", "amendment").items()
    }


def _fines(store: KnowledgeStore) -> dict[str, list[dict[str, Any]]]:
    """``{node: [fine tier, ...]}`` for assessed obligations and prohibited determinations.

    What each tier and fine rule say is read once (assess/fine-tiers, assess/fine-rule-caps) and
    joined here to the rows of assess/fines, as the join of the tier's provisions and the rule's
    optional cap would give them."""
    tiers: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for row in run_select(store, "assess/fine-tiers").records():
        tiers[_text(row["tier"]) or "", _text(row["lower"]) or ""].append(row)
    caps: dict[tuple[str, str], list[str | None]] = defaultdict(list)
    for row in run_select(store, "assess/fine-rule-caps").records():
        caps[_text(row["rule"]) or "", _text(row["tier"]) or ""].append(_text(row["capCitation"]))
    # one entry per (node, tier, selection) with the fine rules applied to the node
    applied: dict[tuple[str, str, str, str], list[str]] = {}
    for row in run_select(store, "assess/fines").records():
        key = (
            _text(row["node"]) or "",
            _text(row["tier"]) or "",
            _text(row["selectionIri"]) or "",
            _text(row["lower"]) or "",
        )
        rules = applied.setdefault(key, [])
        if row["rule"] is not None:
            rules.append(_text(row["rule"]) or "")
    fines: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for (node, tier, _, lower), rules in applied.items():
        cited = [cap for rule in rules for cap in caps.get((rule, tier), ())] or [None]
        fines[node] += [_fine(row, cap) for row in tiers.get((tier, lower), ()) for cap in cited]
    for group in fines.values():
        if len(group) > 1:  # by the tier's citation, as the rows were ordered before
            group.sort(key=lambda fine: (fine["tier"] is not None, fine["tier"] or ""))
    return fines


def _fine(row: _Row, cap_citation: str | None) -> dict[str, Any]:
    amount, percentage = row["amount"], row["percentage"]
    return {
        "tier": _text(row["citation"]),
        "max_eur": float(amount.value) if isinstance(amount, Literal) else None,
        "max_turnover_percent": float(percentage.value)
        if isinstance(percentage, Literal)
        else None,
        "cap": _text(row["selection"]),
        "cap_provision": _text(row["citation"]) if cap_citation is None else cap_citation,
    }


def law_json(store: KnowledgeStore) -> dict[str, Any]:
    """The law version of the run, how it was chosen and why, and the amendments it includes."""
    rows = run_select(store, "assess/amendments-used").records()
    first = rows[0] if rows else {}
    amendments = [
        {
            "id": _text(row["amendmentNotation"]),
            "title": _text(row["amendmentLabel"]),
            "identifier": _text(row["identifier"]),
            "in_force": _text(row["inForce"]),
            "status": _text(row["status"]),
            "status_note": _text(row["statusNote"]),
        }
        for row in rows
        if row["amendment"] is not None
    ]
    title, in_force = _text(first.get("versionLabel")), _text(first.get("versionInForce"))
    chosen = _text(first.get("chosenByLabel")) or "chosen"
    reason = f"{chosen[:1].upper()}{chosen[1:]}: {title}"
    reason += f", in force from {in_force}." if in_force else "."
    reason += "".join(
        f" {a['status_note']}" for a in amendments if a["status"] != "verified" and a["status_note"]
    )
    return {
        "version": _text(first.get("versionNotation")),
        "title": title,
        "in_force_from": in_force,
        "chosen_by": _text(first.get("chosenByNotation")),
        "reason": reason,
        "base": "http://data.europa.eu/eli/reg/2024/1689/oj",
        "amendments": amendments,
        "verified": all(a["status"] == "verified" for a in amendments),
    }


_Notes = dict[str, str | None]
_Fines = dict[str, list[dict[str, Any]]]


def _determinations(
    store: KnowledgeStore, dependent: _Notes, fines: _Fines
) -> dict[str, list[dict[str, Any]]]:
    provisions = _cited_provisions(store, "assess/determination-provisions", "determination")
    premises: dict[str, list[str]] = defaultdict(list)
    for row in run_select(store, "assess/determination-premises").records():
        key = _text(row["determination"]) or ""
        if row["premiseDetermination"] is not None:
            premises[key].append(
                "determination " + determination_id(_text(row["premiseDetermination"]) or "")
            )
        elif row["premiseProperty"] is not None:
            premises[key].append(
                _premise_text(row["premiseSubject"], row["premiseProperty"], row["premiseValue"])
            )
    by_subject: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in run_select(store, "assess/determinations").records():
        iri = _text(row["determination"]) or ""
        cited = provisions.get(iri, [])
        item: dict[str, Any] = {
            "id": determination_id(iri),
            "conclusion": _text(row["notation"]) or compact(_text(row["conclusion"]) or ""),
            "kind": _text(row["conclusionKind"]),
            "legal_basis": [citation for _, citation in cited],
            "provisions": [provision for provision, _ in cited],
            "rule": compact(_text(row["rule"]) or ""),
            "rule_label": _text(row["ruleLabel"]),
            "premises": sorted(set(premises[iri])),
            "explanation": _text(row["explanation"]),
            "applies_from": _text(row["appliesFrom"]),
        }
        for key, variable in (("since", "since"), ("due", "due"), ("earliest", "earliest")):
            if row[variable] is not None:  # the dates of a procedure state
                item[key] = _text(row[variable])
        if iri in dependent:
            item["depends_on_unverified_amendment"] = dependent[iri]
        if iri in fines:
            item["fines"] = fines[iri]
        by_subject[_text(row["subject"]) or ""].append(item)
    return by_subject


def _obligations(
    store: KnowledgeStore, dependent: _Notes, fines: _Fines
) -> dict[str, list[dict[str, Any]]]:
    provisions = _cited_provisions(store, "assess/obligation-provisions", "obligation")
    conditions: dict[str, list[str]] = defaultdict(list)
    descriptions: dict[str, str] = {}
    rows = run_select(store, "assess/obligation-conditions").records()
    for node, group in _grouped(rows, "assessed", "trigger").items():
        for row in group:
            conditions[node].append(_text(row["triggerLabel"]) or "")
            if row["description"] is not None:
                descriptions[node] = _text(row["description"]) or ""
    # of several determinations behind an obligation, the first by rule IRI, then by IRI
    bases: dict[str, str] = {}
    for row in run_select(store, "assess/obligation-bases").records():
        rule, basis = row["rule"], row["basis"]
        if isinstance(basis, BlankNode) or isinstance(rule, BlankNode) or rule is None:
            continue  # STR() of a blank node is unbound: the query's MIN skipped it
        node, ranked = _text(row["assessed"]) or "", f"{rule.value} {_text(basis)}"
        if node not in bases or ranked < bases[node]:
            bases[node] = ranked
    rows = _joined_obligations(store)
    order = ("effectiveFrom", "obligation", "bearer", "role")
    return {
        subject: [
            _obligation(row, provisions, bases, conditions, descriptions, dependent, fines)
            for row in group
        ]
        for subject, group in _grouped(rows, "subject", *order).items()
    }


def _joined_obligations(store: KnowledgeStore) -> list[_Row]:
    """The rows of assess/obligations joined to the catalogue's part of each obligation and the
    notation of its role, both read once (as the query's join would give them)."""
    catalogue: dict[str, list[_Row]] = defaultdict(list)
    for row in run_select(store, "assess/obligation-catalogue").records():
        catalogue[_text(row["obligation"]) or ""].append(row)
    roles: dict[str, list[Term | None]] = defaultdict(list)
    for row in run_select(store, "assess/role-notations").records():
        roles[_text(row["roleType"]) or ""].append(row["role"])
    return [
        {**row, **part, "role": role}
        for row in run_select(store, "assess/obligations").records()
        for part in catalogue.get(_text(row["obligation"]) or "", ())
        for role in roles.get(_text(row["roleType"]) or "", ())
    ]


def _obligation(
    row: _Row,
    provisions: dict[str, list[tuple[str, str]]],
    bases: dict[str, str],
    conditions: dict[str, list[str]],
    descriptions: dict[str, str],
    dependent: _Notes,
    fines: _Fines,
) -> dict[str, Any]:
    obligation = _text(row["obligation"]) or ""
    cited = provisions.get(obligation, [])
    item: dict[str, Any] = {
        "id": obligation.rsplit("/", 1)[-1],
        "citation": _imposing_citation(row["imposedBy"], row["citation"]),
        "title": _text(row["title"]),
        "bearer": _text(row["bearer"]),
        "role": _text(row["role"]),
        "applies_from": _text(row["effectiveFrom"]),
        "due": _text(row["due"]),
        "in_force": _text(row["inForce"]) == "true",
        "legal_basis": [citation for _, citation in cited],
    }
    assessed = _text(row["assessed"]) or ""
    item["determination"] = determination_id(bases.get(assessed, "").split(" ")[-1]) or None
    item["conditional_on"] = conditions.get(assessed, [])
    if assessed in descriptions:
        item["condition"] = descriptions[assessed]
    item["fines"] = fines.get(assessed, [])
    if assessed in dependent:
        item["depends_on_unverified_amendment"] = dependent[assessed]
    if row["metOn"] is not None:
        item["met_on"] = _text(row["metOn"])
    return item


def subjects_json(store: KnowledgeStore) -> list[dict[str, Any]]:
    """The subjects as plain data, in the shape of :class:`AssessedSubject`."""
    # both read which nodes depend on an amendment and which fine tiers apply: query once
    dependent, fines = _amendment_notes(store), _fines(store)
    determinations = _determinations(store, dependent, fines)
    obligations = _obligations(store, dependent, fines)
    subjects = []
    for row in run_select(store, "assess/subjects").records():
        iri = _text(row["subject"]) or ""
        found = determinations.get(iri, [])
        categories = {d["conclusion"] for d in found if d["kind"] == "category"}
        subjects.append(
            {
                "iri": iri,
                "kind": _text(row["kind"]),
                "categories": [c for c in _ORDER if c in categories],
                "flags": sorted({d["conclusion"] for d in found if d["kind"] == "flag"}),
                "determinations": sorted(found, key=lambda d: (d["kind"] != "category", d["id"])),
                "obligations": obligations.get(iri, []),
            }
        )
    return subjects


#: validates the plain data of ``subjects_json`` into the models, in one compiled pass
SUBJECTS = TypeAdapter(list[AssessedSubject])


def law_version(store: KnowledgeStore) -> LawVersion:
    """The law version of the run, typed."""
    return LawVersion.model_validate(law_json(store))


def assessed_subjects(store: KnowledgeStore) -> list[AssessedSubject]:
    """Every assessed subject with its determinations and obligations, typed."""
    with paused_gc():  # hundreds of thousands of models, none of them garbage
        return SUBJECTS.validate_python(subjects_json(store))
