"""An assessment stated in W3C DPV 2.3 eu-aiact and AIRO terms (``assess --format dpv``).

What is written comes from ``ontology/mappings/dpv-airo-output.ttl`` (data): for each subject its
kind and categories as eu-aiact/AIRO classes and eu-aiact risk levels, its parties with their
roles, and the obligations of each party as our obligation IRIs, typed dpv:Obligation and linked
from the party with dpv:hasObligation.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from pyoxigraph import Literal, NamedNode, RdfFormat, Triple, parse, serialize

from aiact_kg.namespaces import ASSESSMENT, OBLIGATION, ONTOLOGY
from aiact_kg.resources import data_dir

MAP = "https://w3id.org/aiact-kg/input-mapping#"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
HAS_RISK_LEVEL = NamedNode("https://w3id.org/dpv/legal/eu/aiact#hasRiskLevel")
HAS_OBLIGATION = NamedNode("https://w3id.org/dpv#hasObligation")
DPV_OBLIGATION = NamedNode("https://w3id.org/dpv#Obligation")
RDFS_COMMENT = NamedNode("http://www.w3.org/2000/01/rdf-schema#comment")
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_BOOLEAN = NamedNode(XSD + "boolean")
XSD_DATE = NamedNode(XSD + "date")
# our terms that describe an assessed obligation in the output
AIA = {
    name: NamedNode(ONTOLOGY + name)
    for name in ("obligation", "obligationFor", "bearer", "inForce", "effectiveFrom", "dueDate")
}
ASSESSED_OBLIGATION = NamedNode(ONTOLOGY + "AssessedObligation")
PREFIXES = {
    "dpv": "https://w3id.org/dpv#",
    "eu-aiact": "https://w3id.org/dpv/legal/eu/aiact#",
    "airo": "https://w3id.org/airo#",
    "aiao": OBLIGATION,
    "aia": ONTOLOGY,
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": XSD,
}


@dataclass(frozen=True)
class OutputRow:
    """One row of the output mapping: a kind, category or role and what it is written as."""

    kind: str  # KindOutput | CategoryOutput | RoleOutput
    name: str
    classes: tuple[str, ...]
    risk_level: str | None
    link: str | None
    risk_level_unless: tuple[str, ...] = ()  # categories beside which the level is not written


@cache
def output_rows() -> dict[tuple[str, str], OutputRow]:
    """The output mapping, by (kind, name)."""
    path = data_dir("ontology") / "mappings" / "dpv-airo-output.ttl"
    rows: dict[str, dict[str, list[str]]] = {}
    for quad in parse(path=str(path), format=RdfFormat.TURTLE):
        key = "type" if quad.predicate == RDF_TYPE else quad.predicate.value.removeprefix(MAP)
        rows.setdefault(quad.subject.value, {}).setdefault(key, []).append(quad.object.value)
    return {
        (row["type"][0].removeprefix(MAP), row["name"][0]): OutputRow(
            kind=row["type"][0].removeprefix(MAP),
            name=row["name"][0],
            classes=tuple(sorted(row.get("class", []))),
            risk_level=next(iter(row.get("riskLevel", [])), None),
            link=next(iter(row.get("property", [])), None),
            risk_level_unless=tuple(sorted(row.get("riskLevelUnlessCategory", []))),
        )
        for row in rows.values()
    }


def _subject_triples(subject: dict[str, Any], asked: str) -> Iterator[Triple]:
    rows = output_rows()
    node = NamedNode(subject["iri"])
    kind = rows.get(("KindOutput", subject["kind"]))
    for cls in kind.classes if kind else ():
        yield Triple(node, RDF_TYPE, NamedNode(cls))
    for category in subject["categories"]:
        row = rows.get(("CategoryOutput", category))
        if row is None:
            continue  # no counterpart (out-of-scope): see the output mapping
        for cls in row.classes:
            yield Triple(node, RDF_TYPE, NamedNode(cls))
        unless = set(row.risk_level_unless) & set(subject["categories"])
        if row.risk_level and subject["kind"] != "gpai-model" and not unless:
            yield Triple(node, HAS_RISK_LEVEL, NamedNode(row.risk_level))
    # the roles from the parties, whether or not they bear a duty; not a role a party no longer
    # holds or does not yet hold on the as-of date (an Art 25(2) former provider, an incoming
    # one), nor a deployer outside the Regulation (Art 2(10)): an outside check found a former
    # provider linked as the provider through its Art 25(2) duties, and an importer without
    # duties left out
    for held in subject.get("parties", []):
        if held.get("status") not in (None, "outgoing"):
            continue
        party, role = NamedNode(held["iri"]), rows.get(("RoleOutput", held["role"]))
        if role is not None and role.link:
            yield Triple(node, NamedNode(role.link), party)
        for cls in role.classes if role else ():
            yield Triple(party, RDF_TYPE, NamedNode(cls))
    for item in subject["obligations"]:
        yield from _obligation_triples(asked, node, NamedNode(item["bearer"]), item)


def _obligation_triples(
    asked: str, subject: NamedNode, party: NamedNode, item: dict[str, Any]
) -> Iterator[Triple]:
    """One assessed obligation: a node of its own, so that a party's duties for two systems, or
    on two dates, stay apart (an outside check found them merged on the party)."""
    key = "\n".join((asked, subject.value, party.value, item["id"]))
    duty = NamedNode(f"{ASSESSMENT}duty-{hashlib.sha256(key.encode()).hexdigest()[:32]}")
    yield Triple(party, HAS_OBLIGATION, duty)
    yield Triple(duty, RDF_TYPE, DPV_OBLIGATION)
    yield Triple(duty, RDF_TYPE, ASSESSED_OBLIGATION)
    label = f"{item['citation']}: {item['title']}"
    yield Triple(duty, RDFS_LABEL, Literal(label, language="en"))
    yield Triple(duty, AIA["obligation"], NamedNode(OBLIGATION + item["id"]))
    yield Triple(duty, AIA["obligationFor"], subject)
    yield Triple(duty, AIA["bearer"], party)
    yield Triple(
        duty, AIA["inForce"], Literal(str(bool(item["in_force"])).lower(), datatype=XSD_BOOLEAN)
    )
    for name, value in (("effectiveFrom", item.get("applies_from")), ("dueDate", item.get("due"))):
        if value:
            yield Triple(duty, AIA[name], Literal(str(value), datatype=XSD_DATE))
    if item.get("condition"):
        yield Triple(duty, RDFS_COMMENT, Literal(f"Only if: {item['condition']}", language="en"))


def dpv_turtle(data: dict[str, Any]) -> str:
    """The subjects of an assessment report (``AssessmentReport.data``) as DPV/AIRO Turtle."""
    # the duty nodes are named by what the assessment was asked (its date and law version), so
    # the same question gives the same output, whichever run or service answers it
    asked = f"{data.get('as_of', '')} {(data.get('law') or {}).get('version', '')}"
    triples = sorted({t for s in data["subjects"] for t in _subject_triples(s, asked)}, key=str)
    text = serialize(triples, format=RdfFormat.TURTLE, prefixes=PREFIXES)
    return (text or b"").decode("utf-8")
