"""Which documents state facts about nodes another one names: the links by which the registry
groups documents to assess together (:mod:`.together`).

A document that names a node (a model it is built on, a party) whose facts another document
states, or that states facts about a node another names, must be assessed with it, as ``assess``
reads files that describe the same nodes together; a party two documents state alike links
neither. The test is made among the documents of a submission (:func:`facts_stated_elsewhere`)
and, node by node, against the graphs of a store (:func:`linked_graphs`).
"""

from __future__ import annotations

from collections import OrderedDict, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Final

from pyoxigraph import Literal, NamedNode, Quad

from aiact_kg.batch_plan import subject_classes
from aiact_kg.submission.reading import InputDocument
from aiact_kg.submission.values import CHECKED_TYPES, read_literal

_RDFS: Final = "http://www.w3.org/2000/01/rdf-schema#"
# names and notes: no rule reads them as facts of the law
_NOT_FACTS: Final = frozenset({_RDFS + "label", _RDFS + "comment"})

_RDF_TYPE: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

_Fact = tuple[str, str]  # (predicate, value); "^" and a predicate: a statement naming the node
_Facts = dict[str, set[_Fact]]  # node IRI: its facts


@cache
def _subject_types() -> frozenset[_Fact]:
    """The statements that type a node as a system or model (a class of ours below a subject
    kind included), as facts are compared."""
    return frozenset((_RDF_TYPE, f"<{kind}>") for kind in subject_classes())


def _value(term: object) -> str:
    """A statement's object as compared: a checked literal by its value (``"0"^^xsd:boolean``
    is ``false``), anything else as written."""
    if isinstance(term, Literal) and term.datatype.value in CHECKED_TYPES:
        reading = read_literal(term.value, term.datatype.value)
        if reading.value is not None:
            return f"{reading.value!r}^^{term.datatype.value}"
    return str(term)


def _add(facts: _Facts, pointing: _Facts, named: set[str], quad: Quad) -> None:
    if quad.predicate.value in _NOT_FACTS:
        return
    subject, value = quad.subject, quad.object
    if isinstance(subject, NamedNode):
        facts[subject.value].add((quad.predicate.value, _value(value)))
        named.add(subject.value)
    if isinstance(value, NamedNode):
        pointing[value.value].add(("^" + quad.predicate.value, str(subject)))
        named.add(value.value)


@dataclass(frozen=True)
class _Read:
    facts: _Facts  # the statements about each named node
    pointing: _Facts  # the statements naming each named node as their object
    named: set[str]  # the named nodes it names
    subjects: set[str]  # the systems and models it describes

    def about(self, node: str, as_subject: bool) -> set[_Fact]:
        """What the document states about ``node``; for a system or model the other document
        describes (``as_subject``), the statements naming it too (a role node's
        ``aia:roleFor``, a property declared the inverse of ours), not for a party two systems
        merely share."""
        return _about(self.facts.get(node, set()), self.pointing.get(node, set()), as_subject)


def _about(facts: set[_Fact], pointing: set[_Fact], as_subject: bool) -> set[_Fact]:
    return facts | pointing if as_subject else facts


# a submission's documents are read by the grouping, the store's links and the parts of the
# derived graph in turn: one read serves them. The reads are kept by the document's identity (a
# document's hash covers every statement, so a cache keyed by it would hash them all on each
# lookup); each entry holds its document, so an identity is not reused while it is kept.
_READS_KEPT: Final = 64
_reads: OrderedDict[int, tuple[InputDocument, _Read]] = OrderedDict()


def _read(document: InputDocument) -> _Read:
    kept = _reads.get(id(document))
    if kept is not None and kept[0] is document:
        _reads.move_to_end(id(document))
        return kept[1]
    read = _read_document(document)
    _reads[id(document)] = (document, read)
    while len(_reads) > _READS_KEPT:
        _reads.popitem(last=False)
    return read


def _read_document(document: InputDocument) -> _Read:
    facts: _Facts = defaultdict(set)
    pointing: _Facts = defaultdict(set)
    named: set[str] = set()
    for quad in document.quads:
        _add(facts, pointing, named, quad)
    subjects = {node for node, stated in facts.items() if stated & _subject_types()}
    return _Read(dict(facts), dict(pointing), named, subjects)


def subjects_described(document: InputDocument) -> set[str]:
    """The systems and models a document types (their IRIs)."""
    return set(_read(document).subjects)


def named_nodes(document: InputDocument) -> set[str]:
    """The IRIs a document names, as subject or object of a statement of fact."""
    return set(_read(document).named)


def facts_stated_elsewhere(documents: Sequence[InputDocument]) -> list[tuple[int, ...]]:
    """For each document, the indexes of the other documents that state a fact about a node it
    names and does not state itself, in order.

    Only documents that name the same node are compared, and for each node only its distinct
    sets of facts (a party that thousands of documents state alike costs one comparison)."""
    read = [_read(document) for document in documents]
    naming: dict[str, list[int]] = defaultdict(list)
    for index, own in enumerate(read):
        for node in own.named:
            naming[node].append(index)
    others: list[set[int]] = [set() for _ in read]
    for node, indexes in naming.items():
        if len(indexes) < 2:
            continue
        for as_subject in (False, True):
            readers = [index for index in indexes if (node in read[index].subjects) == as_subject]
            if not readers:
                continue
            stated: dict[frozenset[_Fact], list[int]] = defaultdict(list)
            for index in indexes:
                stated[frozenset(read[index].about(node, as_subject))].append(index)
            for index in readers:
                known = read[index].about(node, as_subject)
                for facts, stating in stated.items():
                    if not facts <= known:
                        others[index].update(other for other in stating if other != index)
    return [tuple(sorted(found)) for found in others]


def linked_graphs(
    document: InputDocument,
    nodes: Iterable[str],
    about: Callable[[NamedNode], Iterable[Quad]],
    naming: Callable[[NamedNode], Iterable[Quad]],
) -> set[str]:
    """The graphs, among the quads ``about`` (the node as subject) and ``naming`` (as object)
    find for each of ``nodes`` the document names, that state a fact about such a node the
    document does not state, or name a node whose facts the document states and do not state
    them: the same test as :func:`facts_stated_elsewhere`, node by node, on a store's graphs
    (so that a party that thousands of stored documents state alike links none of them)."""
    own = _read(document)
    found: set[str] = set()
    for node in nodes:
        term = NamedNode(node)
        facts: _Facts = defaultdict(set)
        pointing: _Facts = defaultdict(set)
        graphs: set[str] = set()
        for quad in about(term):
            graph = str(quad.graph_name)
            graphs.add(graph)
            if quad.predicate.value not in _NOT_FACTS:
                facts[graph].add((quad.predicate.value, _value(quad.object)))
        for quad in naming(term):
            graph = str(quad.graph_name)
            graphs.add(graph)
            if quad.predicate.value not in _NOT_FACTS:
                pointing[graph].add(("^" + quad.predicate.value, str(quad.subject)))
        own_subject = node in own.subjects
        mine = own.about(node, own_subject)
        for graph in graphs - found:
            theirs, naming_it = facts.get(graph, set()), pointing.get(graph, set())
            their_subject = bool(theirs & _subject_types())
            # linked when either states about the node what the other does not (the other's
            # statements read as the reader reads them: with those naming it, if it describes it)
            if not _about(theirs, naming_it, own_subject) <= mine or not own.about(
                node, their_subject
            ) <= _about(theirs, naming_it, their_subject):
                found.add(graph)
    return found
