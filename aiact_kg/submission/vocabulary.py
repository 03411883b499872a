"""What the ontology declares, read once from its files: the terms of the submission vocabulary.

Everything the Python checks of :mod:`.closed` and :mod:`.values` know about a term comes from
here: which ``aia:`` terms exist (and which of them a description may state), the
``rdfs:range`` and ``rdfs:domain`` of each property (inherited along ``rdfs:subPropertyOf``),
the provisions a term rests on (``aia:sourceProvision``), the class hierarchy and the classes
declared disjoint, and the namespaces of the external vocabularies (DPV, AIRO, VAIR, ...) our
terms are aligned to.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from typing import TypeVar
from urllib.parse import urlsplit

from rdflib import Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from aiact_kg import resources
from aiact_kg.namespaces import ONTOLOGY

SOURCE_PROVISION = URIRef(ONTOLOGY + "sourceProvision")
SUBJECT_CLASSES = frozenset({ONTOLOGY + "Party", ONTOLOGY + "AIArtefact"})
"""The classes of the nodes a description is about (its parties, systems and models): every
other node it describes is reached through a link from one of them."""
_Term = TypeVar("_Term", bound=Hashable)  # a class, as its IRI or its IRI's hash
_MATCHES = (SKOS.exactMatch, SKOS.closeMatch, SKOS.broadMatch, SKOS.narrowMatch)


def below_any(classes: Iterable[_Term], below: Mapping[_Term, set[_Term]]) -> frozenset[_Term]:
    """``classes`` and every class ``below`` puts under one of them, at any depth
    (``below``: class -> its direct subclasses; a cycle of declarations adds nothing new)."""
    found = set(classes)
    pending = list(found)
    while pending:
        for child in below.get(pending.pop(), ()):
            if child not in found:
                found.add(child)
                pending.append(child)
    return frozenset(found)


@dataclass(frozen=True)
class Vocabulary:
    """The declarations of the ontology that the submission checks read."""

    terms: frozenset[str]  # every aia: term the ontology declares
    input_terms: frozenset[str]  # those a description may state (the submission vocabulary)
    ranges: dict[str, str]  # property IRI -> the IRI of its (possibly inherited) rdfs:range
    domains: dict[str, frozenset[str]]  # property IRI -> its (possibly inherited) domain classes
    provisions: dict[str, tuple[str, ...]]  # term IRI -> provision IRIs (aia:sourceProvision)
    superclasses: dict[str, frozenset[str]]  # class IRI -> itself and all its superclasses
    disjoint: frozenset[frozenset[str]]  # pairs of classes declared disjoint
    external_roots: tuple[str, ...]  # e.g. "https://w3id.org/dpv": DPV and its modules
    matches: dict[str, tuple[str, ...]]  # external term IRI -> aia/aiac terms aligned to it
    closed_classes: frozenset[str] = frozenset()  # classes marked aia:closedVocabulary
    object_properties: frozenset[str] = frozenset()  # owl:ObjectProperty: they link to a node

    @cached_property
    def disjoint_with(self) -> dict[str, frozenset[str]]:
        """Class IRI -> the classes declared disjoint with it."""
        found: dict[str, set[str]] = {}
        for pair in self.disjoint:
            for cls in pair:
                found.setdefault(cls, set()).update(pair - {cls})
        return {cls: frozenset(others) for cls, others in found.items()}

    def range_of(self, prop: str) -> str | None:
        return self.ranges.get(prop)

    def links_to(self, cls: str) -> tuple[str, ...]:
        """The input properties whose range is ``cls``: how a description reaches such a node."""
        return self._links.get(cls, ())

    @cached_property
    def _links(self) -> dict[str, tuple[str, ...]]:
        found: dict[str, list[str]] = {}
        for prop, cls in sorted(self.ranges.items()):
            if prop in self.input_terms:
                found.setdefault(cls, []).append(prop)
        return {cls: tuple(props) for cls, props in found.items()}

    @cached_property
    def dependent_classes(self) -> frozenset[str]:
        """The classes whose nodes a description states facts on but reaches only through a
        link from the system or model they are about (e.g. a practice description, a procedure
        event): the range of an input property, and the domain (or above it) of another, but no
        party or AI artefact."""
        ranges = {r for p, r in self.ranges.items() if p in self.input_terms}
        described = {  # the domain classes of input properties, and their superclasses
            above
            for p, domain in self.domains.items()
            if p in self.input_terms
            for c in domain
            for above in self.superclasses.get(c, frozenset({c}))
        }
        return frozenset(
            c
            for c in ranges & described
            if not self.superclasses.get(c, frozenset({c})) & SUBJECT_CLASSES
        )

    def domain_of(self, prop: str) -> frozenset[str]:
        """The classes a property is read on (its ``rdfs:domain``, a union's members); empty
        when it declares none."""
        return self.domains.get(prop, frozenset())

    def classes_of(self, declared: Iterable[str]) -> frozenset[str]:
        """The classes given and all their superclasses."""
        found: set[str] = set()
        for cls in declared:
            found |= self.superclasses.get(cls, frozenset({cls}))
        return frozenset(found)

    def is_external(self, iri: str) -> bool:
        return any(
            iri.startswith(root) and iri[len(root) : len(root) + 1] in ("/", "#")
            for root in self.external_roots
        )


def _closure(graph: Graph, start: URIRef, link: URIRef) -> list[URIRef]:
    """``start`` and everything reached from it by ``link`` (breadth first, nearest first)."""
    seen: list[URIRef] = [start]
    for node in seen:
        for parent in graph.objects(node, link):
            if isinstance(parent, URIRef) and parent not in seen:
                seen.append(parent)
    return seen


def _ranges(graph: Graph, properties: Iterable[URIRef]) -> dict[str, str]:
    ranges: dict[str, str] = {}
    for prop in properties:
        for ancestor in _closure(graph, prop, RDFS.subPropertyOf):
            declared = graph.value(ancestor, RDFS.range)
            if isinstance(declared, URIRef):
                ranges[str(prop)] = str(declared)
                break
    return ranges


def _domains(graph: Graph, properties: Iterable[URIRef]) -> dict[str, frozenset[str]]:
    """Each property's ``rdfs:domain`` (inherited along ``rdfs:subPropertyOf``): a class, or
    the members of an ``owl:unionOf``."""
    domains: dict[str, frozenset[str]] = {}
    for prop in properties:
        for ancestor in _closure(graph, prop, RDFS.subPropertyOf):
            declared = graph.value(ancestor, RDFS.domain)
            if isinstance(declared, URIRef):
                domains[str(prop)] = frozenset({str(declared)})
                break
            union = graph.value(declared, OWL.unionOf) if declared is not None else None
            if union is not None:
                members = [str(m) for m in Collection(graph, union) if isinstance(m, URIRef)]
                domains[str(prop)] = frozenset(members)
                break
    return domains


def _disjoint_pairs(graph: Graph) -> frozenset[frozenset[str]]:
    pairs = {
        frozenset({str(a), str(b)})
        for a, b in graph.subject_objects(OWL.disjointWith)
        if isinstance(a, URIRef) and isinstance(b, URIRef)
    }
    for group in graph.subjects(RDF.type, OWL.AllDisjointClasses):
        head = graph.value(group, OWL.members)
        members = [str(m) for m in Collection(graph, head)] if head is not None else []
        pairs |= {frozenset({a, b}) for a in members for b in members if a != b}
    return frozenset(pairs)


def _root(namespace: str) -> str:
    """The vocabulary family of a namespace: scheme, host and first path segment."""
    parts = urlsplit(namespace)
    segment = parts.path.strip("/").split("/")[0].split("#")[0]
    return f"{parts.scheme}://{parts.netloc}/{segment}"


# The modules that declare the submission vocabulary (docs/submission-guide.md, section 1); the
# other modules declare what the assessment derives and the knowledge base's own terms.
INPUT_MODULES = ("submission.ttl", "actors.ttl", "ai-artefacts-and-risk.ttl")


def _declared(graph: Graph) -> frozenset[str]:
    return frozenset(
        str(s) for s in graph.subjects() if isinstance(s, URIRef) and str(s).startswith(ONTOLOGY)
    )


@cache
def load_vocabulary() -> Vocabulary:
    """Read the ontology modules and the alignments (once per process)."""
    graph = Graph()
    input_terms: set[str] = set()
    for path in resources.ontology_files():
        module = Graph()
        module.parse(path, format="turtle")
        graph += module
        if path.name in INPUT_MODULES:
            input_terms |= _declared(module)
    terms = _declared(graph)
    properties = {
        s
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty)
        for s in graph.subjects(RDF.type, kind)
        if isinstance(s, URIRef)
    }
    classes = {s for s in graph.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef)}
    alignments = Graph()
    for path in resources.alignment_files():
        alignments.parse(path, format="turtle")
    matches: dict[str, list[str]] = {}
    for link in _MATCHES:
        for ours, theirs in alignments.subject_objects(link):
            matches.setdefault(str(theirs), []).append(str(ours))
    return Vocabulary(
        terms=terms,
        input_terms=frozenset(input_terms),
        ranges=_ranges(graph, properties),
        domains=_domains(graph, properties),
        provisions={
            term: tuple(sorted(str(p) for p in graph.objects(URIRef(term), SOURCE_PROVISION)))
            for term in terms
        },
        superclasses={
            str(c): frozenset(str(a) for a in _closure(graph, c, RDFS.subClassOf)) for c in classes
        },
        disjoint=_disjoint_pairs(graph),
        external_roots=tuple(
            sorted({_root(v.namespace) for v in resources.external_vocabularies()})
        ),
        matches={iri: tuple(sorted(ours)) for iri, ours in matches.items()},
        closed_classes=frozenset(
            str(c)
            for c in graph.subjects(URIRef(ONTOLOGY + "closedVocabulary"), Literal(True))
            if isinstance(c, URIRef)
        ),
        object_properties=frozenset(
            str(s) for s in graph.subjects(RDF.type, OWL.ObjectProperty) if isinstance(s, URIRef)
        ),
    )
