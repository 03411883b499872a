"""Turn the derived graph of an assessment into its typed result (:mod:`aiact_kg.results`).

The rows are gathered into plain dicts and validated into the models in one pass of
pydantic's compiled validator (:data:`SUBJECTS`), which is faster than building each model
in Python; the JSON is then written by the models (see README for its shape).

The queries return their rows unordered: a global ``ORDER BY`` over every obligation of a
batch cost as much as the query itself. Where order matters it is set here, per node or per
subject, with the query's former sort keys in SPARQL's term order (:func:`_term_key`); rows
equal on those keys keep the order the store returned them in, as they did before.

The queries whose rows grow with the batch (one or more per assessed obligation) read only what
varies per subject, mostly as plain scans of one property; what depends on the knowledge base
alone (the catalogue's part of obligations, role notations, fine tiers, trigger descriptions,
amendment status notes, the rule of each determination) is read once and joined here. Each
distinct term's text and sort key is made once per report (:class:`_Texts`, :class:`_Keys`).
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date
from itertools import product
from operator import itemgetter
from typing import Any, Final

from pydantic import TypeAdapter
from pyoxigraph import BlankNode, Literal, NamedNode

from aiact_kg.gc_pause import paused_gc
from aiact_kg.legal.citation import citation_for_iri
from aiact_kg.namespaces import ASSESSMENT, CONCEPT, compact
from aiact_kg.queries import run_select
from aiact_kg.results.assessment import AssessedSubject, Fine, LawVersion
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


class _Texts(dict[Term | None, str | None]):
    """The text of each term (:func:`_text`), made once per distinct term of a report."""

    def __init__(self) -> None:
        super().__init__({None: None})

    def __missing__(self, term: Term) -> str | None:
        text = self[term] = _text(term)
        return text


class _Keys(dict[Term | None, tuple[int, str]]):
    """The sort key of each term (:func:`_term_key`), made once per distinct term of a report."""

    def __missing__(self, term: Term | None) -> tuple[int, str]:
        key = self[term] = _term_key(term)
        return key


_Row = tuple[Term | None, ...]
_SELECTION_WORDS: dict[Term | None, str] = {
    NamedNode(CONCEPT + "fine-selection-lower"): "lower",
    NamedNode(CONCEPT + "fine-selection-fixed"): "fixed",
}


def _select(store: KnowledgeStore, name: str, *columns: str) -> Iterator[_Row]:
    """The rows of a catalog query, each as the terms of ``columns`` (two or more), in order."""
    result = run_select(store, name)
    pick = itemgetter(*(result.variables.index(column) for column in columns))
    return map(pick, result.rows)


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
    store: KnowledgeStore, texts: _Texts, query: str, key: str
) -> dict[Term | None, list[tuple[str, str]]]:
    """``{node: [(provision IRI, citation), ...]}`` in reading order, without duplicates."""
    found: dict[Term | None, set[tuple[str, str]]] = defaultdict(set)
    for node, provision, citation in _select(store, query, key, "provision", "citation"):
        iri = texts[provision] or ""
        found[node].add((iri, _citation(iri, texts[citation])))
    return {
        node: sorted(pairs, key=lambda pair: _natural_key(pair[0])) for node, pairs in found.items()
    }


def _imposing_citation(provision: str | None, stored: str | None) -> str | None:
    """The citation of the provision that imposes an obligation (``aia:imposedBy``)."""
    return _citation(provision, stored) if provision else None


_Notes = dict[Term | None, str | None]
_Fines = dict[Term | None, list[Any]]  # the fines as plain data, or typed (:class:`Fine`)
_Make = Callable[[dict[str, Any]], Any]  # a fine's plain data to what the report holds
_Cap = tuple[str | None, str | None]  # a fine rule's cap citation and condition, if any


def _amendment_notes(store: KnowledgeStore, texts: _Texts, keys: _Keys) -> _Notes:
    """``{node: status note}`` for determinations and obligations depending on an amendment not
    verified (of several amendments, the note of the last by IRI): the notes the rules left on
    the node (assess/amendment-change-notes), if any, then the amendment's status note."""
    status: dict[Term | None, list[Term | None]] = defaultdict(list)
    for amendment, note in _select(store, "assess/amendment-status-notes", "amendment", "note"):
        status[amendment].append(note)
    noted_changes: dict[Term | None, dict[Term | None, list[str]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for node, amendment, note in _select(
        store, "assess/amendment-change-notes", "node", "amendment", "changeNote"
    ):
        text = texts[note]
        if text is not None:
            noted_changes[node][amendment].append(text)
    changes = {
        node: {amendment: " ".join(sorted(set(notes))) for amendment, notes in by_amendment.items()}
        for node, by_amendment in noted_changes.items()
    }
    # of an amendment's several status notes, the last gives the note (all share its sort key)
    plain: dict[Term | None, tuple[tuple[int, str], str | None]] = {}
    found: dict[Term | None, tuple[tuple[int, str], str | None]] = {}
    for node, amendment in _select(store, "assess/dependent-on-amendment", "node", "amendment"):
        change = changes[node].get(amendment) if node in changes else None
        if change is None:
            noted = plain.get(amendment)
            if noted is None:
                noted = plain[amendment] = _last_note(keys[amendment], None, status[amendment])
        else:
            noted = _last_note(keys[amendment], change, status[amendment])
        before = found.get(node)
        if before is None or noted[0] >= before[0]:  # the last of the greatest key, as sorted
            found[node] = noted
    return {node: note for node, (_, note) in found.items()}


def _last_note(
    key: tuple[int, str], change: str | None, notes: list[Term | None]
) -> tuple[tuple[int, str], str | None]:
    """The sort key of an amendment and the last of its status notes after ``change``."""
    return key, _status_note(change, notes[-1] if notes else None)


def _status_note(change: str | None, note: Term | None) -> str | None:
    """The change notes, then the status note (as SPARQL's ``CONCAT``, which takes string
    literals only); the status note alone where the rules left no note."""
    if not change:
        return _text(note)
    if note is None:
        return f"{change} "
    if isinstance(note, Literal) and note.datatype.value.endswith(("#string", "#langString")):
        return f"{change} {note.value}"
    return None


def _fines(store: KnowledgeStore, texts: _Texts, make: _Make) -> _Fines:
    """``{node: [fine tier, ...]}`` for assessed obligations and prohibited determinations.

    What each tier and fine rule say is read once (assess/fine-tiers, assess/fine-rule-caps) and
    joined here to the rows of assess/fines and assess/fine-rules-applied, as the join of the
    tier's provisions and the rule's optional cap would give them. Nodes with the same tier,
    selection and rules share one list of fines, each made by ``make`` (the plain data is read,
    never changed; a typed fine is immutable)."""
    columns = ("tier", "lower", "citation", "amount", "percentage", "selection", "appliesFrom")
    tiers: dict[tuple[Term | None, str | None], list[_Row]] = defaultdict(list)
    for tier, lower, *rest in _select(store, "assess/fine-tiers", *columns):
        tiers[tier, texts[lower]].append(tuple(rest))
    caps: dict[tuple[Term | None, Term | None], list[_Cap]] = defaultdict(list)
    rule_columns = ("rule", "tier", "capCitation", "condition")
    for rule, tier, cap, condition in _select(store, "assess/fine-rule-caps", *rule_columns):
        caps[rule, tier].append((texts[cap], texts[condition]))
    applied: dict[Term | None, list[Term | None]] = defaultdict(list)
    for node, rule in _select(store, "assess/fine-rules-applied", "node", "rule"):
        applied[node].append(rule)
    made: dict[tuple[Term | None, str, tuple[Term | None, ...]], list[Any]] = {}
    fines: _Fines = {}
    for node, tier, selection in _select(store, "assess/fines", "node", "tier", "selectionIri"):
        key = (tier, _SELECTION_WORDS.get(selection, "higher"), tuple(applied.get(node, ())))
        found = made.get(key)
        if found is None:
            cited = [cap for rule in key[2] for cap in caps.get((rule, tier), ())] or [(None, None)]
            rows = tiers.get(key[:2], ())
            plain = sorted(
                (_fine(texts, row, cap) for row in rows for cap in cited), key=_fine_order
            )
            found = made[key] = [make(fine) for fine in plain]
        before = fines.get(node)
        fines[node] = found if before is None else sorted(before + found, key=_fine_order)
    return fines


class _FinedFrom:
    """The fines of a duty or prohibition, each with the first day a breach can be fined: the
    later of the tier's day and the breached duty's or prohibition's (``breached_from``). Lists
    of fines are shared between nodes, so each list is dated once per day."""

    def __init__(self) -> None:
        self._dated: dict[tuple[int, str | None], list[Any]] = {}
        self._kept: list[list[Any]] = []  # the lists keyed by id(), alive while cached

    def __call__(self, fines: list[Any], breached_from: str | None) -> list[Any]:
        if not fines:
            return fines
        key = (id(fines), breached_from)
        found = self._dated.get(key)
        if found is None:
            self._kept.append(fines)
            found = self._dated[key] = [_fined_from(fine, breached_from) for fine in fines]
        return found


def _fined_from(fine: dict[str, Any] | Fine, breached_from: str | None) -> dict[str, Any] | Fine:
    """``fine`` (a copy) with its first day (ISO dates compare as text)."""
    if isinstance(fine, dict):
        later = _later(fine.get("applies_from"), breached_from)
        copy: dict[str, Any] = {}
        for key, value in fine.items():  # the key after applies_from, as the model writes it
            copy[key] = value
            if key == "applies_from":
                copy["fined_from"] = later
        return copy
    tier_day = fine.applies_from.isoformat() if fine.applies_from else None
    later = _later(tier_day, breached_from)
    return fine.model_copy(update={"fined_from": date.fromisoformat(later) if later else None})


def _later(first: str | None, second: str | None) -> str | None:
    """The later of two ISO dates, either of which may be absent."""
    return max((day for day in (first, second) if day), default=None)


def _fine_order(fine: dict[str, Any] | Fine) -> tuple[bool, str]:
    """By the tier's citation, as the rows were ordered before."""
    tier = fine["tier"] if isinstance(fine, dict) else fine.tier
    return (tier is not None, tier or "")


def _fine(texts: _Texts, row: _Row, cap: _Cap) -> dict[str, Any]:
    citation, amount, percentage, selection, applies_from = row
    cap_citation, condition = cap
    fine = {
        "tier": texts[citation],
        "max_eur": float(amount.value) if isinstance(amount, Literal) else None,
        "max_turnover_percent": float(percentage.value)
        if isinstance(percentage, Literal)
        else None,
        "cap": texts[selection],
        "cap_provision": texts[citation] if cap_citation is None else cap_citation,
        "applies_from": texts[applies_from],
    }
    if condition is not None:  # written only when it has a value, as the typed result does
        fine["condition"] = condition
    return fine


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
    reason += _not_yet_in_force(
        _text(first.get("asOf")), in_force, _text(first.get("regulationInForce"))
    )
    later = _text(first.get("laterLabel"))
    if later and _text(first.get("chosenByNotation")) == "requested":
        reason += (
            f" On the as-of date ({_text(first.get('asOf'))}) a later version is in force: "
            f"{later}, from {_text(first.get('laterFrom'))}; without --law the assessment "
            "follows it."
        )
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


def _not_yet_in_force(as_of: str | None, in_force: str | None, regulation: str | None) -> str:
    """What the reason adds when the as-of date comes before the Regulation's entry into force
    or the version's (ISO dates compare as text): a version requested with --law says so too."""
    if not as_of:
        return ""
    if regulation and as_of < regulation:
        return (
            f" On the as-of date ({as_of}) the Regulation is not yet in force (it entered into "
            f"force on {regulation}, Art 113): none of its provisions applies."
        )
    if in_force and as_of < in_force:
        return f" On the as-of date ({as_of}) this version is not yet in force."
    return ""


_DETERMINATION_COLUMNS = (
    "determination",
    "subject",
    "conclusion",
    "notation",
    "conclusionKind",
    "rule",
    "ruleLabel",
    "explanation",
    "appliesFrom",
    "since",
    "due",
    "earliest",
)


def _determinations(
    store: KnowledgeStore, texts: _Texts, dependent: _Notes, fines: _Fines
) -> dict[str | None, list[dict[str, Any]]]:
    provisions = _cited_provisions(store, texts, "assess/determination-provisions", "determination")
    exposures, dated = _exposures(store, texts, fines), _FinedFrom()
    premises: dict[Term | None, list[str]] = defaultdict(list)
    columns = ("determination", "premiseSubject", "premiseProperty", "premiseValue")
    for determination, subject, prop, value, premise in _select(
        store, "assess/determination-premises", *columns, "premiseDetermination"
    ):
        if premise is not None:
            premises[determination].append(
                "determination " + determination_id(texts[premise] or "")
            )
        elif prop is not None:
            premises[determination].append(_premise_text(subject, prop, value))
    amending: dict[Term | None, set[str]] = defaultdict(set)
    for determination, rule in _select(
        store, "assess/determination-amending-rules", "determination", "rule"
    ):
        amending[determination].add(compact(texts[rule] or ""))
    by_subject: dict[str | None, list[dict[str, Any]]] = defaultdict(list)
    for row in _select(store, "assess/determinations", *_DETERMINATION_COLUMNS):
        node, subject, conclusion, notation, kind, rule, label, explanation, applies = row[:9]
        iri = texts[node] or ""
        cited = provisions.get(node, [])
        item: dict[str, Any] = {
            "id": determination_id(iri),
            "conclusion": texts[notation] or compact(texts[conclusion] or ""),
            "kind": texts[kind],
            "legal_basis": [citation for _, citation in cited],
            "provisions": [provision for provision, _ in cited],
            "rule": compact(texts[rule] or ""),
            "rule_label": texts[label],
            "premises": sorted(set(premises.get(node, ()))),
            "explanation": texts[explanation],
            "applies_from": texts[applies],
        }
        for key, value in zip(("since", "due", "earliest"), row[9:], strict=True):
            if value is not None:  # the dates of a procedure state
                item[key] = texts[value]
        if node in amending:
            item["amended_by_rules"] = sorted(amending[node])
        if node in dependent:
            item["depends_on_unverified_amendment"] = dependent[node]
        if node in exposures:
            item["fines"] = dated(exposures[node], texts[applies])
        by_subject[texts[subject] or ""].append(item)
    return by_subject


def _exposures(store: KnowledgeStore, texts: _Texts, fines: _Fines) -> _Fines:
    """``{determination: [fine, ...]}``: the fines of each prohibited determination's exposures,
    each naming its operator, ordered by operator and tier."""
    found: dict[Term | None, list[tuple[str, Any]]] = defaultdict(list)
    columns = ("determination", "exposure", "operator")
    for determination, exposure, operator in _select(store, "assess/fine-exposures", *columns):
        name = texts[operator] or ""
        for fine in fines.get(exposure, ()):
            found[determination].append((name, _for_operator(fine, name)))
    return {
        node: [fine for _, fine in sorted(pairs, key=lambda pair: (pair[0], _fine_order(pair[1])))]
        for node, pairs in found.items()
    }


def _for_operator(fine: dict[str, Any] | Fine, operator: str) -> dict[str, Any] | Fine:
    """``fine`` naming the operator it is for (a copy: fines are shared between nodes)."""
    if isinstance(fine, dict):
        return {**fine, "operator": operator}
    return fine.model_copy(update={"operator": operator})


# (id, citation, title, legal basis) of a catalogue obligation
_Part = tuple[str, str | None, str | None, list[str]]


def _catalogue(store: KnowledgeStore, texts: _Texts) -> dict[Term | None, list[_Part]]:
    """The catalogue's part of each obligation, read once (as the query's join would give it)."""
    provisions = _cited_provisions(store, texts, "assess/obligation-provisions", "obligation")
    catalogue: dict[Term | None, list[_Part]] = defaultdict(list)
    columns = ("obligation", "title", "imposedBy", "citation")
    for obligation, title, imposed_by, citation in _select(
        store, "assess/obligation-catalogue", *columns
    ):
        iri = texts[obligation] or ""
        legal_basis = [citation for _, citation in provisions.get(obligation, [])]
        imposing = _imposing_citation(texts[imposed_by], texts[citation])
        catalogue[obligation].append((iri.rsplit("/", 1)[-1], imposing, texts[title], legal_basis))
    return catalogue


def _bases(store: KnowledgeStore) -> dict[Term | None, tuple[str, str]]:
    """``{assessed obligation: (rank, determination id)}``: of several determinations behind an
    obligation, the first by rule IRI, then by explanation (the same however the description is
    written, unlike the IRI, a hash of the subject's), then by IRI."""
    ranks: dict[Term | None, tuple[str, str]] = {}
    for basis, rule, explanation in _select(
        store, "assess/basis-rules", "basis", "rule", "explanation"
    ):
        if not isinstance(basis, NamedNode) or not isinstance(rule, (NamedNode, Literal)):
            continue  # STR() of a blank node is unbound: the former query's MIN skipped it
        text = explanation.value if isinstance(explanation, Literal) else ""
        ranked = f"{rule.value}\x00{text}\x00{basis.value}"
        if basis not in ranks or ranked < ranks[basis][0]:
            ranks[basis] = (ranked, determination_id(basis.value))
    bases: dict[Term | None, tuple[str, str]] = {}
    for assessed, basis in _select(store, "assess/obligation-bases", "assessed", "basis"):
        found = ranks.get(basis)
        if found is not None and (assessed not in bases or found[0] < bases[assessed][0]):
            bases[assessed] = found
    return bases


def _conditions(store: KnowledgeStore, texts: _Texts, keys: _Keys) -> dict[Term | None, list[str]]:
    """The events each conditional obligation waits for (their labels, by event IRI)."""
    labels: dict[Term | None, list[str]] = defaultdict(list)
    for trigger, label in _select(store, "assess/trigger-labels", "trigger", "label"):
        labels[trigger].append(texts[label] or "")
    found: dict[Term | None, list[tuple[tuple[int, str], str]]] = defaultdict(list)
    for assessed, trigger in _select(store, "assess/obligation-conditions", "assessed", "trigger"):
        found[assessed] += [(keys[trigger], label) for label in labels.get(trigger, ())]
    return {
        node: [label for _, label in sorted(group, key=itemgetter(0))]
        for node, group in found.items()
        if group
    }


def _descriptions(store: KnowledgeStore, texts: _Texts) -> dict[Term | None, list[str]]:
    """The catalogue's statements of when each event-triggered obligation arises."""
    found: dict[Term | None, list[str]] = defaultdict(list)
    for obligation, stated in _select(
        store, "assess/trigger-descriptions", "obligation", "description"
    ):
        found[obligation].append(texts[stated] or "")
    return found


def _alternatives(store: KnowledgeStore, texts: _Texts) -> dict[Term | None, dict[str, Any]]:
    """``{assessed obligation: way of meeting it}``: the catalogue's ways read once, joined to
    the few assessed obligations rule 826 linked to one (the first by identifier if several)."""
    ways: dict[Term | None, dict[str, Any]] = {}
    columns = ("alternative", "title", "definition", "provision", "citation")
    for alternative, title, definition, provision, citation in _select(
        store, "assess/alternative-compliance-catalogue", *columns
    ):
        way = ways.setdefault(
            alternative,
            {
                "id": (texts[alternative] or "").rsplit("/", 1)[-1],
                "title": texts[title] or "",
                "how": texts[definition] or "",
                "legal_basis": [],
            },
        )
        cited = _citation(texts[provision] or "", texts[citation])
        if cited not in way["legal_basis"]:
            way["legal_basis"] = sorted([*way["legal_basis"], cited], key=_natural_key)
    found: dict[Term | None, dict[str, Any]] = {}
    links = _select(store, "assess/alternative-compliance", "node", "alternative")
    for assessed, alternative in links:
        linked = ways.get(alternative)
        if linked is not None and (assessed not in found or linked["id"] < found[assessed]["id"]):
            found[assessed] = linked
    return found


def _dates(store: KnowledgeStore, texts: _Texts, query: str, column: str) -> _Dates:
    """``{node: [date, ...]}`` of a query of a node and a date."""
    found: _Dates = defaultdict(list)
    for node, day in _select(store, query, "node", column):
        found[node].append(texts[day])
    return found


_Dates = dict[Term | None, list[str | None]]
_NO_DATE: Final[list[str | None]] = [None]
_OBLIGATION_COLUMNS = (
    "assessed",
    "subject",
    "obligation",
    "bearer",
    "roleType",
    "effectiveFrom",
    "inForce",
)


def _obligations(
    store: KnowledgeStore, texts: _Texts, keys: _Keys, dependent: _Notes, fines: _Fines
) -> dict[str | None, list[dict[str, Any]]]:
    """Each subject's assessed obligations: the rows of assess/obligations joined to the
    catalogue's part of each obligation and the notation of its role (both read once), to their
    deadlines, dates met, determinations and conditions, ordered by date, obligation, bearer and
    role."""
    catalogue = _catalogue(store, texts)
    roles: dict[Term | None, list[tuple[tuple[int, str], str | None]]] = defaultdict(list)
    for role_type, role in _select(store, "assess/role-notations", "roleType", "role"):
        roles[role_type].append((keys[role], texts[role]))
    bases, conditions = _bases(store), _conditions(store, texts, keys)
    descriptions = _descriptions(store, texts)
    dues = _dates(store, texts, "assess/due-dates", "due")
    met = _dates(store, texts, "assess/met-dates", "metOn")
    alternatives = _alternatives(store, texts)
    dated_by = _cited_provisions(store, texts, "assess/obligation-date-provisions", "assessed")
    by_subject: dict[Term | None, list[tuple[tuple[Any, ...], dict[str, Any]]]] = defaultdict(list)
    dated = _FinedFrom()
    for row in _select(store, "assess/obligations", *_OBLIGATION_COLUMNS):
        assessed, subject, obligation, bearer, role_type, effective, in_force = row
        parts, held = catalogue.get(obligation), roles.get(role_type)
        if not parts or not held:
            continue
        basis = bases.get(assessed)
        shared: dict[str, Any] = {
            "bearer": texts[bearer],
            "applies_from": texts[effective],
            "in_force": texts[in_force] == "true",
            "determination": (basis[1] or None) if basis else None,
            "conditional_on": [],
            "fines": dated(fines.get(assessed, []), texts[effective]),
        }
        if assessed in conditions:
            _condition(shared, conditions[assessed], descriptions.get(obligation))
        if assessed in dependent:
            shared["depends_on_unverified_amendment"] = dependent[assessed]
        if assessed in alternatives:
            shared["met_through"] = alternatives[assessed]
        date_basis = [citation for _, citation in dated_by.get(assessed, ())]
        order = (keys[effective], keys[obligation], keys[bearer])
        group = by_subject[subject]
        # one item per deadline, date met, catalogue part and role notation (as a join would)
        for due, met_on, part, (role_key, notation) in product(
            dues.get(assessed, _NO_DATE), met.get(assessed, _NO_DATE), parts, held
        ):
            ident, citation, title, legal_basis = part
            if date_basis:
                legal_basis = [*legal_basis, *(c for c in date_basis if c not in legal_basis)]
            item = {
                **shared,
                "id": ident,
                "citation": citation,
                "title": title,
                "role": notation,
                "due": due,
                "legal_basis": legal_basis,
            }
            if met_on is not None:
                item["met_on"] = met_on
            group.append(((*order, role_key), item))
    result: dict[str | None, list[dict[str, Any]]] = {}
    for subject, group in by_subject.items():
        if len(group) > 1:
            group.sort(key=itemgetter(0))
        result[texts[subject] or ""] = [item for _, item in group]
    return result


def _condition(item: dict[str, Any], events: list[str], stated: list[str] | None) -> None:
    """The events an obligation waits for, and the catalogue's statement of when it arises (as
    the join of each event with each statement gave them: the last statement, each event once
    per statement)."""
    if not stated:
        item["conditional_on"] = events
        return
    item["conditional_on"] = [event for event in events for _ in stated]
    item["condition"] = stated[-1]


def _parties(store: KnowledgeStore) -> dict[str, list[dict[str, Any]]]:
    """Each subject's parties and their roles (assess/parties), by party IRI and role."""
    found: dict[str, list[tuple[tuple[str, str, str], dict[str, Any]]]] = defaultdict(list)
    for row in run_select(store, "assess/parties").records():
        party, role, status = _text(row["party"]), _text(row["role"]), _text(row["status"])
        if party is None or role is None:
            continue
        item: dict[str, Any] = {"iri": party, "role": role}
        if status is not None:
            item["status"] = status
        found[_text(row["subject"]) or ""].append(((party, role, status or ""), item))
    return {
        subject: [item for _, item in sorted(rows, key=itemgetter(0))]
        for subject, rows in found.items()
    }


def subjects_json(store: KnowledgeStore) -> list[dict[str, Any]]:
    """The subjects as plain data, in the shape of :class:`AssessedSubject`."""
    return _subjects(store, _as_is)


def _as_is(fine: dict[str, Any]) -> dict[str, Any]:
    return fine


def _subjects(store: KnowledgeStore, make: _Make) -> list[dict[str, Any]]:
    """The subjects as plain data, each fine as ``make`` makes it from its plain data."""
    texts, keys = _Texts(), _Keys()  # each distinct term's text and sort key, made once
    # both read which nodes depend on an amendment and which fine tiers apply: query once
    dependent, fines = _amendment_notes(store, texts, keys), _fines(store, texts, make)
    determinations = _determinations(store, texts, dependent, fines)
    obligations = _obligations(store, texts, keys, dependent, fines)
    parties = _parties(store)
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
                "parties": parties.get(iri, []),
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
        # each distinct fine typed once and shared (immutable): validated as it is, not copied
        return SUBJECTS.validate_python(_subjects(store, Fine.model_validate))
