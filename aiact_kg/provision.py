"""Look up a provision by citation: its text, parents, dates, obligations and citing concepts."""

from __future__ import annotations

from dataclasses import dataclass

from pyoxigraph import Literal, NamedNode

from aiact_kg.errors import CitationError
from aiact_kg.legal.citation import candidate_iris, format_citation, parse_citation
from aiact_kg.queries import run_ask, run_select
from aiact_kg.store.base import KnowledgeStore, Term


def _text(term: Term | None) -> str | None:
    return term.value if isinstance(term, Literal | NamedNode) else None


@dataclass(frozen=True)
class Reference:
    """A provision, obligation or concept mentioned in a report."""

    iri: str
    label: str
    detail: str = ""


@dataclass(frozen=True)
class ProvisionChangeReport:
    """A change an amendment makes, or is reported to make, to the provision or a related one."""

    change: str
    label: str
    relation: str  # "changes the words" or "moves the application"
    provision: str  # citation of the provision the change names
    amendment: str
    amendment_label: str
    status: str
    status_label: str
    previous_date: str | None
    new_date: str | None
    only_placed_before: str | None
    new_text: str | None
    applied_in_assessment: bool
    reported_readings: tuple[str, ...]


@dataclass(frozen=True)
class ProvisionReport:
    """Everything the knowledge base holds about one provision."""

    iri: str
    citation: str
    kind: str
    title: str | None
    text: str | None
    eur_lex_link: str | None
    applies_from: str | None
    applicability_rule: str | None
    applicability_source: str | None
    ancestors: tuple[Reference, ...]
    children: tuple[Reference, ...]
    obligations: tuple[Reference, ...]
    fined_obligations: tuple[Reference, ...]
    concepts: tuple[Reference, ...]
    draft_citations: tuple[Reference, ...]
    amendments: tuple[ProvisionChangeReport, ...] = ()
    eli: str | None = None
    eli_of: str | None = None  # citation of the provision the ELI belongs to (self or ancestor)
    cites: tuple[Reference, ...] = ()
    cited_by: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class DraftResolution:
    """An old citation and the final provision it corresponds to."""

    draft_citation: str
    version: str
    version_label: str
    final: str | None
    final_citation: str | None
    heading: str | None


def resolve_citation(store: KnowledgeStore, citation: str) -> str:
    """The IRI of the provision a citation names, or :class:`CitationError`."""
    for iri in candidate_iris(citation):
        if run_ask(store, "kb/provision-exists", {"provision": NamedNode(iri)}):
            return iri
    raise CitationError(
        f"{citation!r} names no provision of Regulation (EU) 2024/1689 in the knowledge base; "
        "check the numbers, or use --draft for a citation of a draft text"
    )


def _references(
    store: KnowledgeStore,
    query: str,
    iri: str,
    key: str,
    label: str,
    detail: str = "",
    *,
    every_detail: bool = False,
) -> tuple[Reference, ...]:
    """One reference per item the query finds, with the first detail found for it, or with
    ``every_detail`` all of them (e.g. the tiers of an obligation fined under two)."""
    seen: dict[str, Reference] = {}
    for record in run_select(store, query, {"provision": NamedNode(iri)}).records():
        item = _text(record[key]) or ""
        extra = (_text(record.get(detail)) if detail else None) or ""
        if item in seen:
            known = seen[item]
            if every_detail and extra and extra not in known.detail.split("; "):
                seen[item] = Reference(item, known.label, f"{known.detail}; {extra}")
            continue
        seen[item] = Reference(item, _text(record[label]) or item, extra)
    return tuple(seen.values())


def _amendments(store: KnowledgeStore, iri: str) -> tuple[ProvisionChangeReport, ...]:
    found = []
    for record in run_select(
        store, "kb/provision-amendments", {"provision": NamedNode(iri)}
    ).records():
        readings = _text(record["readings"]) or ""
        found.append(
            ProvisionChangeReport(
                change=_text(record["change"]) or "",
                label=_text(record["label"]) or "",
                relation=_text(record["relation"]) or "",
                provision=_text(record["changedCitation"]) or "",
                amendment=_text(record["amendment"]) or "",
                amendment_label=_text(record["amendmentLabel"]) or "",
                status=_text(record["status"]) or "",
                status_label=_text(record["statusLabel"]) or "",
                previous_date=_text(record["previousDate"]),
                new_date=_text(record["newDate"]),
                only_placed_before=_text(record["onlyPlacedBefore"]),
                new_text=_text(record["newText"]),
                applied_in_assessment=_text(record["applied"]) == "true",
                reported_readings=tuple(line for line in readings.split("\n") if line),
            )
        )
    return tuple(found)


def describe_provision(store: KnowledgeStore, citation: str) -> ProvisionReport:
    """Build the report ``aiact-kg provision`` prints."""
    iri = resolve_citation(store, citation)
    node = {"provision": NamedNode(iri)}
    details = run_select(store, "kb/provision-details", node).records()[0]
    ancestors = sorted(
        _references(store, "kb/provision-ancestors", iri, "ancestor", "citation", "title"),
        key=lambda ref: len(ref.iri),
    )
    kind = _text(details["kind"]) or ""
    return ProvisionReport(
        iri=iri,
        citation=_text(details["citation"]) or citation,
        kind=kind.rsplit("#", 1)[-1],
        title=_text(details["title"]),
        text=_text(details["text"]),
        eur_lex_link=_text(details["link"]),
        applies_from=_text(details["applies"]),
        applicability_rule=_text(details["ruleLabel"]) or _text(details["rule"]),
        applicability_source=_text(details["ruleSource"]),
        ancestors=tuple(ancestors),
        children=_references(store, "kb/provision-children", iri, "child", "citation"),
        obligations=_references(
            store, "kb/provision-obligations", iri, "obligation", "label", "cited"
        ),
        fined_obligations=_references(
            store,
            "kb/provision-fined-obligations",
            iri,
            "obligation",
            "label",
            "cited",
            every_detail=True,
        ),
        concepts=_references(store, "kb/provision-concepts", iri, "concept", "label", "cited"),
        draft_citations=_references(
            store, "kb/provision-draft-citations", iri, "draft", "draftLabel", "versionLabel"
        ),
        amendments=_amendments(store, iri),
        eli=_text(details["eli"]),
        eli_of=_text(details["eliOf"]),
        cites=_references(store, "kb/provision-cites", iri, "target", "label", "part"),
        cited_by=_references(store, "kb/provision-cited-by", iri, "source", "label", "cited"),
    )


def resolve_draft_citation(store: KnowledgeStore, citation: str) -> list[DraftResolution]:
    """Final provisions corresponding to a citation of a draft text (e.g. 'Article 52a')."""
    normalised = format_citation(parse_citation(citation))
    records = run_select(
        store, "kb/resolve-draft-citation", {"draftCitation": Literal(normalised)}
    ).records()
    return [
        DraftResolution(
            draft_citation=_text(record["draftLabel"]) or normalised,
            version=_text(record["version"]) or "",
            version_label=_text(record["versionLabel"]) or _text(record["version"]) or "",
            final=_text(record["provision"]),
            final_citation=_text(record["citation"]),
            heading=_text(record["heading"]),
        )
        for record in records
    ]
