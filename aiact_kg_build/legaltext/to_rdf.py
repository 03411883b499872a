"""Turn parsed provisions and the Article 113 rules into deterministic Turtle.

The serializer is written by hand so that the output is byte-stable: subjects in document
order, predicates in a fixed order, objects sorted, one fixed set of prefixes.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import rdflib
from rdflib.namespace import RDF

from aiact_kg.namespaces import ACT, CONCEPT, ELI, ONTOLOGY, PROVISION
from aiact_kg_build.legaltext.crossrefs import Reference, collect_references
from aiact_kg_build.legaltext.eurlex import Kind, Provision

EURLEX_HTML = "https://eur-lex.europa.eu/legal-content/EN/TXT/HTML/?uri=OJ:L_202401689"
_DATED_KINDS = frozenset(
    {Kind.ARTICLE, Kind.PARAGRAPH, Kind.SUBPARAGRAPH, Kind.POINT, Kind.ANNEX, Kind.ANNEX_SECTION}
)
# EUR-Lex documents ELIs for these subdivisions: ``{act}/{EUR-Lex element id}/oj``, e.g.
# http://data.europa.eu/eli/reg/2024/1689/art_6/oj (see docs/linking.md); the OJ HTML marks exactly
# these elements (and the citations, not modelled) as ``eli-subdivision``.
_OFFICIAL_ELI_KINDS = frozenset({Kind.ARTICLE, Kind.RECITAL})
_ACT_BASE = ACT.removesuffix("oj")
_PREFIXES = (
    ("aia", ONTOLOGY),
    ("aiac", CONCEPT),
    ("aiap", PROVISION),
    ("dct", "http://purl.org/dc/terms/"),
    ("eli", ELI),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
)


@dataclass(frozen=True, slots=True)
class ApplicabilityRule:
    """An ``aia:ApplicabilityRule``: its date and the IRIs it covers or excludes."""

    iri: str
    date: str
    covers: frozenset[str]
    excludes: frozenset[str]


def load_rules(path: Path) -> tuple[ApplicabilityRule, ...]:
    """Read the ``aia:ApplicabilityRule`` individuals of a hand-written Turtle file."""
    graph = rdflib.Graph()
    graph.parse(path, format="turtle")
    aia = rdflib.Namespace(ONTOLOGY)
    rules = []
    for rule in sorted(set(graph.subjects(RDF.type, aia.ApplicabilityRule)), key=str):
        dates = sorted(str(d) for d in graph.objects(rule, aia.date))
        if len(dates) != 1:
            raise ValueError(f"{rule} needs exactly one aia:date, found {dates}")
        rules.append(
            ApplicabilityRule(
                iri=str(rule),
                date=dates[0],
                covers=frozenset(str(o) for o in graph.objects(rule, aia.covers)),
                excludes=frozenset(str(o) for o in graph.objects(rule, aia.excludes)),
            )
        )
    return tuple(rules)


def _chain(local: str, by_local: Mapping[str, Provision]) -> list[str]:
    """IRIs from a provision up to the act: itself, parents, then section and chapter."""
    iris: list[str] = []
    current: str | None = local
    while current is not None:
        provision = by_local[current]
        iris.append(PROVISION + current)
        if provision.kind is Kind.ARTICLE:
            iris.extend(
                PROVISION + c
                for c in (provision.section_local, provision.chapter_local)
                if c is not None
            )
        current = provision.parent_local
    iris.append(ACT)
    return iris


def assign_rules(
    provisions: Sequence[Provision], rules: Sequence[ApplicabilityRule]
) -> dict[str, ApplicabilityRule]:
    """The most specific rule for every dated provision (articles, annexes and their parts)."""
    by_local = {p.iri_local: p for p in provisions}
    result: dict[str, ApplicabilityRule] = {}
    for provision in provisions:
        if provision.kind not in _DATED_KINDS:
            continue
        excluded: set[str] = set()
        for iri in _chain(provision.iri_local, by_local):
            excluded.update(r.iri for r in rules if iri in r.excludes)
            matches = [r for r in rules if iri in r.covers and r.iri not in excluded]
            if len(matches) > 1:
                raise ValueError(f"{iri} is covered by several rules: {[r.iri for r in matches]}")
            if matches:
                result[provision.iri_local] = matches[0]
                break
        else:
            raise ValueError(f"no applicability rule covers {provision.citation}")
    return result


def _literal(value: str, suffix: str = "") -> str:
    escaped = (
        value.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\r", "\\r")
        .replace("\t", "\\t")
    )
    return f'"{escaped}"{suffix}'


def _iri(iri: str) -> str:
    for prefix, namespace in _PREFIXES:
        if iri.startswith(namespace) and iri != namespace:
            return f"{prefix}:{iri[len(namespace) :]}"
    return f"<{iri}>"


def official_eli(provision: Provision) -> str | None:
    """The ELI of an article or recital in the form EUR-Lex documents; ``None`` for the rest."""
    if provision.kind not in _OFFICIAL_ELI_KINDS:
        return None
    return f"{_ACT_BASE}{provision.anchor}/oj"


def _cited(provision: Provision, refs: Sequence[Reference]) -> list[str]:
    iris = {PROVISION + t for r in refs for t in r.targets if t != provision.iri_local}
    iris |= {act for r in refs for act in r.acts}
    return sorted(_iri(i) for i in iris)


def _statements(
    provision: Provision, rule: ApplicabilityRule | None, refs: Sequence[Reference] = ()
) -> list[tuple[str, list[str]]]:
    parent = ACT if provision.parent_local is None else PROVISION + provision.parent_local
    rows: list[tuple[str, list[str]]] = [
        ("a", [f"aia:{provision.kind.value}", "eli:LegalResourceSubdivision"]),
        ("rdfs:label", [_literal(provision.citation, "@en")]),
        ("aia:citation", [_literal(provision.citation)]),
        ("eli:number", [_literal(provision.number)]),
    ]
    if provision.heading:
        rows.append(("dct:title", [_literal(provision.heading, "@en")]))
    rows.append(("eli:is_part_of", [_iri(parent)]))
    if provision.chapter_local:
        rows.append(("aia:inChapter", [_iri(PROVISION + provision.chapter_local)]))
    if provision.section_local:
        rows.append(("aia:inSection", [_iri(PROVISION + provision.section_local)]))
    rows += [
        ("aia:position", [str(provision.position)]),
        ("eli:id_local", [_literal(provision.anchor)]),
        ("aia:eurLexLink", [_literal(f"{EURLEX_HTML}#{provision.anchor}", "^^xsd:anyURI")]),
    ]
    eli = official_eli(provision)
    if eli is not None:
        rows.append(("aia:eli", [_iri(eli)]))
    rows.append(("aia:identifierStatus", ["aiac:eli-documented" if eli else "aiac:identifier-own"]))
    cited = _cited(provision, refs)
    if cited:
        rows.append(("eli:cites", cited))
    if rule is not None:
        rows.append(("eli:date_applicability", [_literal(rule.date, "^^xsd:date")]))
        rows.append(("aia:applicabilityRule", [_iri(rule.iri)]))
    if provision.text:
        rows.append(("aia:text", [_literal(provision.text, "@en")]))
    return rows


def to_turtle(
    provisions: Iterable[Provision], rules: Sequence[ApplicabilityRule], header: Sequence[str] = ()
) -> str:
    """Serialise provisions (with their applicability) as Turtle, byte-stable."""
    items = list(provisions)
    assigned = assign_rules(items, rules)
    by_citing: dict[str, list[Reference]] = {}
    for ref in collect_references(items):
        by_citing.setdefault(ref.citing, []).append(ref)
    lines = [f"# {line}".rstrip() for line in header]
    lines += [""] if lines else []
    lines += [f"@prefix {prefix}: <{namespace}> ." for prefix, namespace in _PREFIXES]
    for provision in items:
        rows = _statements(
            provision, assigned.get(provision.iri_local), by_citing.get(provision.iri_local, ())
        )
        lines.append("")
        lines.append(_iri(PROVISION + provision.iri_local))
        for index, (predicate, objects) in enumerate(rows):
            end = " ." if index == len(rows) - 1 else " ;"
            lines.append(f"    {predicate} {', '.join(objects)}{end}")
    return "\n".join(lines) + "\n"
