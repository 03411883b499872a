"""What the store says about one IRI: a concise bounded description, for dereferencing.

The description is CBD-like: the statements whose subject is the resource, in every graph,
and (recursively, a few levels deep) those about the blank nodes they reach; at most
:data:`MAX_STATEMENTS` in all (``truncated`` says when the cap cut it). Pages also show the
statements that point at the resource (at most 100). Rules are minted from the rule files and
are not stored as such: their description is the one every assessment run records
(type, label, file, provisions). Every query is a file of ``queries/resource/``; the IRI is a
bound term.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from pyoxigraph import BlankNode, Literal, NamedNode, RdfFormat, Triple, serialize

from aiact_kg.errors import InputError
from aiact_kg.namespaces import ONTOLOGY, PREFIXES, RULE
from aiact_kg.queries import get_query, with_prefixes
from aiact_kg.reasoning.rules import Rule, load_rules
from aiact_kg.render.jsonld import compact_expanded
from aiact_kg.store.base import KnowledgeStore, Term

MAX_IRI_LENGTH = 2048
#: at most this many statements in a description (the cap of ``resource/outgoing.rq``)
MAX_STATEMENTS = 1000
_BLANK_DEPTH = 4
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS = "http://www.w3.org/2000/01/rdf-schema#"
_LIMIT = re.compile(r"\bLIMIT\s+(\d+)\s*$", re.IGNORECASE)
#: the properties whose value names a resource on its page, best first
LABELS = (
    _RDFS + "label",
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://data.europa.eu/eli/ontology#title",
    ONTOLOGY + "citation",
    "http://purl.org/dc/terms/title",
    ONTOLOGY + "registryName",
)

Node = NamedNode | BlankNode


def parse_iri(text: str | None, what: str = "iri") -> NamedNode:
    """``text`` as an IRI, or :class:`InputError` naming what is wrong (never echoing it all)."""
    if text is None or not text.strip():
        raise InputError(f"give the IRI to look up in the parameter {what!r}")
    if len(text) > MAX_IRI_LENGTH:
        raise InputError(
            f"the {what} has {len(text)} characters; an IRI here has at most {MAX_IRI_LENGTH}"
        )
    try:
        return NamedNode(text)
    except ValueError as error:
        shown = text if len(text) <= 80 else text[:80] + "…"
        raise InputError(f"the {what} {shown!r} is not an absolute IRI: {error}") from None


@dataclass(frozen=True)
class Statement:
    """One statement of a description, and the named graph it is in."""

    subject: Node
    property: NamedNode
    value: Term
    graph: str


@dataclass(frozen=True)
class Pointer:
    """A statement pointing at the resource: ``source property resource`` in ``graph``."""

    source: Node
    property: NamedNode
    graph: str


@dataclass
class Description:
    iri: str
    statements: list[Statement] = field(default_factory=list)
    incoming: list[Pointer] = field(default_factory=list)
    truncated: bool = False
    more_incoming: bool = False
    graph_size: int | None = None  # statements in the named graph of this name, if any
    rule: Rule | None = None

    @property
    def held(self) -> bool:
        """Whether the store (or the rule files) know the IRI at all."""
        return bool(self.statements or self.incoming or self.graph_size or self.rule)

    def about(self, node: Node) -> list[Statement]:
        return [s for s in self.statements if s.subject == node]

    def values(self, prop: str) -> list[Term]:
        node = NamedNode(self.iri)
        return [s.value for s in self.statements if s.subject == node and s.property.value == prop]

    @property
    def label(self) -> str | None:
        for prop in LABELS:
            found = self.values(prop)
            english = [v for v in found if isinstance(v, Literal) and v.language == "en"]
            if english or found:
                return (english or found)[0].value
        return None

    @property
    def types(self) -> list[str]:
        return sorted({v.value for v in self.values(_RDF + "type") if isinstance(v, NamedNode)})

    @property
    def graphs(self) -> list[str]:
        return sorted({s.graph for s in self.statements if s.graph})

    def triples(self) -> list[Triple]:
        """The description as RDF (each statement once, whatever graphs hold it)."""
        seen: dict[str, Triple] = {}
        for s in self.statements:
            triple = Triple(s.subject, s.property, s.value)
            seen.setdefault(str(triple), triple)
        return list(seen.values())


def _limit(name: str) -> int:
    match = _LIMIT.search(get_query(name).text.strip())
    assert match, f"{name} must end with a LIMIT"
    return int(match.group(1))


def _rows(store: KnowledgeStore, name: str, node: Node) -> list[dict[str, Term | None]]:
    return store.select(with_prefixes(get_query(name).text), {"resource": node}).records()


@cache
def _rules() -> dict[str, Rule]:
    return {rule.iri: rule for rule in load_rules()}


def rule_statements(rule: Rule) -> list[Statement]:
    """What each assessment run records about a rule (``reasoning.engine``), with no graph."""
    node = NamedNode(rule.iri)
    values: list[tuple[str, Term]] = [
        (_RDF + "type", NamedNode(ONTOLOGY + "Rule")),
        (_RDFS + "label", Literal(rule.label, language="en")),
        (ONTOLOGY + "ruleFile", Literal(rule.path.name)),
        *((ONTOLOGY + "sourceProvision", NamedNode(p)) for p in rule.provisions),
    ]
    return [Statement(node, NamedNode(prop), value, "") for prop, value in values]


def _outgoing(store: KnowledgeStore, description: Description) -> None:
    cap = _limit("resource/outgoing") - 1
    pending: list[tuple[Node, int]] = [(NamedNode(description.iri), 0)]
    visited: set[str] = set()
    while pending:
        node, depth = pending.pop(0)
        if str(node) in visited:
            continue
        visited.add(str(node))
        for row in _rows(store, "resource/outgoing", node):
            prop, value, graph = row["property"], row["value"], row["graph"]
            assert isinstance(prop, NamedNode)
            assert value is not None
            if len(description.statements) >= cap:
                description.truncated = True
                return
            description.statements.append(
                Statement(node, prop, value, graph.value if graph is not None else "")
            )
            if isinstance(value, BlankNode) and depth < _BLANK_DEPTH:
                pending.append((value, depth + 1))


def describe(store: KnowledgeStore, iri: NamedNode) -> Description:
    """Everything the description of ``iri`` holds (empty when the store does not know it)."""
    description = Description(iri.value)
    _outgoing(store, description)
    rows = _rows(store, "resource/incoming", iri)
    description.more_incoming = len(rows) >= _limit("resource/incoming")
    for row in rows[: _limit("resource/incoming") - 1]:
        source, prop, graph = row["source"], row["property"], row["graph"]
        assert isinstance(source, NamedNode | BlankNode)
        assert isinstance(prop, NamedNode)
        description.incoming.append(Pointer(source, prop, graph.value if graph else ""))
    description.incoming.sort(key=lambda p: (p.property.value, str(p.source)))
    if store.ask(with_prefixes(get_query("resource/named-graph").text), {"resource": iri}):
        size = _rows(store, "resource/graph-size", iri)
        count = size[0]["statements"] if size else None
        description.graph_size = int(count.value) if isinstance(count, Literal) else 0
    if iri.value.startswith(RULE) and iri.value in _rules():
        description.rule = _rules()[iri.value]
        if not description.statements:
            description.statements = rule_statements(description.rule)
    return description


@dataclass(frozen=True)
class OntologyTerm:
    """A term of the ontology document, for its page."""

    iri: str
    kind: str
    label: str | None
    comment: str | None

    @property
    def anchor(self) -> str:
        return self.iri[len(ONTOLOGY) :]


def ontology_terms(store: KnowledgeStore, graph: str) -> list[OntologyTerm]:
    rows = store.select(
        with_prefixes(get_query("resource/ontology-terms").text), {"graph": NamedNode(graph)}
    ).records()
    terms = []
    for row in rows:
        term, kind = row["term"], row["kind"]
        if term is None or kind is None:
            continue
        label, comment = row["label"], row["comment"]
        terms.append(
            OntologyTerm(
                term.value,
                kind.value.rsplit("#", 1)[-1],
                label.value if label is not None else None,
                comment.value if comment is not None else None,
            )
        )
    return terms


def rdf(triples: list[Triple], rdf_format: RdfFormat) -> bytes:
    """The triples in ``rdf_format``, with our prefixes where the format has them.

    JSON-LD is compacted with the whole-ontology context (embedded).
    """
    data = serialize(triples, format=rdf_format, prefixes=PREFIXES)
    if rdf_format == RdfFormat.JSON_LD:
        return compact_expanded(data or b"[]")
    return data or b""
