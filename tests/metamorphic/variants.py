"""Rewrite one submission in other ways that mean the same thing (metamorphic variants).

A variant is one or more documents (file name, bytes) that state the same facts as the source:
in another of the six input formats, with the statements shuffled, split across two files, with
other prefix names, with every node of the submitter's own written as a blank node, with every
blank node given a name, or with every role written as a role node (aia:playedBy, aia:roleFor).
:func:`variants` also renames the submitter's IRIs per variant (under ``urn:x-variant:<n>:``),
so that all variants of one source can be assessed together in one batch and each still be told
apart; :func:`normalise` undoes the renaming and the generated identifiers."""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, RdfFormat, serialize

from aiact_kg.namespaces import PREFIXES
from aiact_kg.submission.skolem import SKOLEM_BASE

VARIANT_PREFIX = "urn:x-variant:"
NAMED_BLANK_BASE = "https://example.org/named-blank-node/"
_VOCABULARIES = (
    "https://w3id.org/aiact-kg/ontology#",
    "https://w3id.org/aiact-kg/concept/",
    "https://w3id.org/aiact-kg/reg/",
    "https://w3id.org/aiact-kg/obligation/",  # the knowledge base's own nodes, which a
    "https://w3id.org/aiact-kg/rule/",  # description may not describe (a violation that must
    "https://w3id.org/aiact-kg/draft/",  # read the same in every variant)
    "https://w3id.org/aiact-kg/duty-review/",
    "https://w3id.org/aiact-kg/assessment/",
    "http://www.w3.org/",
    "https://www.w3.org/",
    "https://w3id.org/dpv",
    "https://w3id.org/airo",
    "http://w3id.org/",
    "http://data.europa.eu/",
    "http://purl.org/",
    "http://xmlns.com/",
)
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_EXTENSIONS = {
    RdfFormat.TURTLE: "ttl",
    RdfFormat.N_TRIPLES: "nt",
    RdfFormat.N_QUADS: "nq",
    RdfFormat.TRIG: "trig",
    RdfFormat.RDF_XML: "rdf",
    RdfFormat.JSON_LD: "jsonld",
}

Document = tuple[str, bytes]


@dataclass(frozen=True)
class Variant:
    """One rewriting of a source: its name and the documents that state the same facts."""

    name: str
    documents: tuple[Document, ...]
    blanked: dict[str, str]  # blank-node label -> the IRI it stands for (the "blank" variant)


def is_local(iri: str) -> bool:
    """An IRI of the submitter's own (not a term of a vocabulary or of the knowledge base)."""
    return not iri.startswith(_VOCABULARIES)


def unskolemize(quads: Iterable[Quad]) -> list[Quad]:
    """Turn the reader's skolem IRIs back into blank nodes (the source as written)."""

    def term(node: object) -> object:
        if isinstance(node, NamedNode) and node.value.startswith(SKOLEM_BASE):
            return BlankNode(node.value.rsplit("/", 1)[-1].replace("-", "_"))
        return node

    return [
        Quad(term(q.subject), q.predicate, term(q.object), DefaultGraph())  # type: ignore[arg-type]
        for q in quads
    ]


def _map_nodes(quads: Iterable[Quad], mapping: Callable[[object, bool], object]) -> list[Quad]:
    """Apply ``mapping(node, is_term)`` to subjects and objects; ``is_term`` is true for a class
    (a value of ``rdf:type``) or a property (a predicate) of the source, wherever it appears
    (a submitter's own class or property, declared below one of ours, is vocabulary too)."""
    quads = list(quads)
    terms = {q.object for q in quads if q.predicate.value == _RDF_TYPE} | {
        q.predicate for q in quads
    }
    return [
        Quad(
            mapping(q.subject, q.subject in terms),  # type: ignore[arg-type]
            q.predicate,
            mapping(q.object, q.object in terms),  # type: ignore[arg-type]
            q.graph_name,
        )
        for q in quads
    ]


def rename_local(quads: Iterable[Quad], number: int) -> list[Quad]:
    """Every local IRI ``X`` becomes ``urn:x-variant:<number>:X``."""

    def rename(node: object, is_term: bool) -> object:
        if isinstance(node, NamedNode) and not is_term and is_local(node.value):
            return NamedNode(f"{VARIANT_PREFIX}{number}:{node.value}")
        return node

    return _map_nodes(quads, rename)


def _write(quads: Sequence[Quad], rdf_format: RdfFormat, prefixes: dict[str, str]) -> bytes:
    if rdf_format in {RdfFormat.N_QUADS, RdfFormat.TRIG}:
        quads = [Quad(q.subject, q.predicate, q.object, NamedNode("urn:x-graph:g")) for q in quads]
    if rdf_format in {RdfFormat.N_TRIPLES, RdfFormat.N_QUADS, RdfFormat.JSON_LD}:
        return serialize(quads, format=rdf_format) or b""
    return serialize(quads, format=rdf_format, prefixes=prefixes) or b""


def _components(quads: Sequence[Quad]) -> list[list[Quad]]:
    """Groups of statements that share a blank node (they must stay in one file)."""
    parent: dict[str, str] = {}

    def find(key: str) -> str:
        while parent.setdefault(key, key) != key:
            parent[key] = parent[parent[key]]
            key = parent[key]
        return key

    keys = []
    for index, quad in enumerate(quads):
        key = f"q{index}"
        for node in (quad.subject, quad.object):
            if isinstance(node, BlankNode):
                parent[find(key)] = find("b" + node.value)
        keys.append(key)
    groups: dict[str, list[Quad]] = {}
    for key, quad in zip(keys, quads, strict=True):
        groups.setdefault(find(key), []).append(quad)
    return list(groups.values())


def _blank_out(quads: Sequence[Quad]) -> tuple[list[Quad], dict[str, str]]:
    """Every local IRI written as a blank node ``_:m<n>``; returns the label -> IRI map."""
    labels: dict[str, str] = {}

    def blank(node: object, is_term: bool) -> object:
        if isinstance(node, NamedNode) and not is_term and is_local(node.value):
            label = labels.setdefault(node.value, f"m{len(labels)}")
            return BlankNode(label)
        return node

    blanked = _map_nodes(quads, blank)
    return blanked, {label: iri for iri, label in labels.items()}


def _name_blanks(quads: Sequence[Quad], tag: str) -> list[Quad]:
    def name(node: object, is_term: bool) -> object:
        if isinstance(node, BlankNode):
            return NamedNode(tag + NAMED_BLANK_BASE + node.value)
        return node

    return _map_nodes(quads, name)


_AIA = "https://w3id.org/aiact-kg/ontology#"
# each role's shortcut property and the class of a role node of that role (docs/model.md)
_ROLE_CLASSES = {
    _AIA + "hasProvider": _AIA + "ProviderRole",
    _AIA + "hasDeployer": _AIA + "DeployerRole",
    _AIA + "hasImporter": _AIA + "ImporterRole",
    _AIA + "hasDistributor": _AIA + "DistributorRole",
    _AIA + "hasAuthorisedRepresentative": _AIA + "AuthorisedRepresentativeRole",
    _AIA + "hasProductManufacturer": _AIA + "ProductManufacturerRole",
}


def _role_nodes(quads: Sequence[Quad], tag: str) -> list[Quad]:
    """Every role written as a node of its own: ``s aia:hasDeployer p`` becomes ``[ a
    aia:DeployerRole ; aia:playedBy p ; aia:roleFor s ]`` (a blank node)."""
    written: list[Quad] = []
    for number, quad in enumerate(quads):
        role_class = _ROLE_CLASSES.get(quad.predicate.value)
        if role_class is None:
            written.append(quad)
            continue
        node = BlankNode(f"role{abs(hash(tag)) % 10_000}x{number}")
        written += [
            Quad(node, NamedNode(_RDF_TYPE), NamedNode(role_class), quad.graph_name),
            Quad(node, NamedNode(_AIA + "playedBy"), quad.object, quad.graph_name),
            Quad(node, NamedNode(_AIA + "roleFor"), quad.subject, quad.graph_name),
        ]
    return written


def variants(quads: Sequence[Quad], seed: int, tag: str = "") -> list[Variant]:
    """All rewritings of one source (given as quads with blank nodes as written).

    ``tag`` is put in front of the IRIs given to blank nodes (to tell variants apart).
    """
    rng = random.Random(seed)
    found = [
        Variant(f"format-{ext}", ((f"as.{ext}", _write(quads, fmt, PREFIXES)),), {})
        for fmt, ext in _EXTENSIONS.items()
    ]
    shuffled = list(quads)
    rng.shuffle(shuffled)
    shuffled_nt = _write(shuffled, RdfFormat.N_TRIPLES, {})
    found.append(Variant("shuffled", (("shuffled.nt", shuffled_nt),), {}))
    groups = _components(quads)
    rng.shuffle(groups)
    halves: tuple[list[Quad], list[Quad]] = ([], [])
    for index, group in enumerate(groups):
        halves[index % 2].extend(group)
    if halves[1]:
        found.append(
            Variant(
                "split",
                tuple(
                    (f"part-{n}.ttl", _write(half, RdfFormat.TURTLE, PREFIXES))
                    for n, half in enumerate(halves, start=1)
                ),
                {},
            )
        )
    renamed = {f"p{n}": iri for n, iri in enumerate(PREFIXES.values())}
    renamed_ttl = _write(quads, RdfFormat.TURTLE, renamed)
    found.append(Variant("prefixes-renamed", (("renamed.ttl", renamed_ttl),), {}))
    blanked, labels = _blank_out(quads)
    blank_ttl = _write(blanked, RdfFormat.TURTLE, PREFIXES)
    found.append(Variant("blank-nodes", (("blank.ttl", blank_ttl),), labels))
    if any(q.predicate.value in _ROLE_CLASSES for q in quads):
        roles = _write(_role_nodes(quads, tag), RdfFormat.TURTLE, PREFIXES)
        found.append(Variant("role-nodes", (("roles.ttl", roles),), {}))
    if any(isinstance(n, BlankNode) for q in quads for n in (q.subject, q.object)):
        named = _name_blanks(quads, tag)
        found.append(
            Variant("named-nodes", (("named.ttl", _write(named, RdfFormat.TURTLE, PREFIXES)),), {})
        )
    return found


_VARIANT_IRI = re.compile(re.escape(VARIANT_PREFIX) + r"\d+:")
_SKOLEM_IRI = re.compile(re.escape(SKOLEM_BASE) + r"[0-9a-f]{12}/([A-Za-z0-9_.-]+)")
_NAMED_BLANK = re.compile(re.escape(NAMED_BLANK_BASE) + r"[A-Za-z0-9_.-]+")
_BLANK_LABEL = re.compile(r"_:([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)")
_RUN_NODE = re.compile(r"(?:aiaa:|https://w3id\.org/aiact-kg/assessment/)[0-9a-f]{32}/([\w-]+)")
# a node a rule minted in one run: aiaa:<run id>/<kind>-<hash> (or the full IRI)
_MINTED = re.compile(
    r"(?:aiaa:|https://w3id\.org/aiact-kg/assessment/)[0-9a-f]{32}/([a-z]+)-[0-9a-f]{32}"
)


def normalise_text(text: str, blanked: dict[str, str]) -> str:
    """Undo the per-variant renaming; every generated identifier becomes ``_:b``."""

    def skolem(match: re.Match[str]) -> str:
        return blanked.get(match.group(1), "_:b")

    text = _SKOLEM_IRI.sub(skolem, text)
    text = _BLANK_LABEL.sub(skolem, text)
    text = _VARIANT_IRI.sub("", text)
    text = _NAMED_BLANK.sub("_:b", text)
    text = _MINTED.sub(r"aiaa:\1-#", text)
    return _RUN_NODE.sub(r"aiaa:\1", text)
