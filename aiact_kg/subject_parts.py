"""A document cut into the descriptions of the subjects it describes, so that a violation in
one of them holds back that subject alone, as if each had been written in a file of its own.

A subject's description is the subject, the nodes that point at it (a role node's
``aia:roleFor``, a party stated with a property declared the inverse of ours) and everything
reached forward from those (its parties, events, practices, their own nodes), never entering
another subject (a model a system names is described in the model's part: naming it links the
two parts, as it links two files). Statements about a node that two subjects reach (a party
they share), or that another input names too, form a part of their own, as a provider's file
does. Statements no subject reaches (a node nothing links to, a vocabulary declaration, a
statement about a term of the knowledge base) are cut along the nodes that link them. Every
statement is in exactly one part, and each part keeps the document's name, so blank nodes
(skolem IRIs) stay local to it and the parts together are the document.
"""

from __future__ import annotations

from collections import defaultdict, deque
from collections.abc import Iterable
from dataclasses import replace
from typing import Final

from pyoxigraph import NamedNode, Quad

from aiact_kg.batch_plan import DECLARING, RDF_TYPE, declared_subclasses, linkable, subject_classes
from aiact_kg.submission.reading import InputDocument
from aiact_kg.submission.skolem import is_skolem_iri
from aiact_kg.submission.vocabulary import below_any
from aiact_kg.union_find import UnionFind

_NOT_LINKS: Final = frozenset({RDF_TYPE, *DECLARING})


def _node(term: object) -> str | None:
    """The IRI of a node a description is made of (not a vocabulary term nor a literal)."""
    if isinstance(term, NamedNode) and (is_skolem_iri(term.value) or linkable(term.value)):
        return term.value
    return None


def subjects_typed(documents: Iterable[InputDocument]) -> set[str]:
    """The systems and models the documents type (with our classes, or a class one of them
    declares below one), as IRIs: a document may describe a subject another one types."""
    documents = tuple(documents)
    declared: dict[str, set[str]] = defaultdict(set)
    for document in documents:
        for kind, below in declared_subclasses(document).items():
            declared[kind] |= below
    kinds = below_any(subject_classes(), declared)
    return {
        quad.subject.value
        for document in documents
        for quad in document.quads
        if quad.predicate.value == RDF_TYPE
        and isinstance(quad.subject, NamedNode)
        and isinstance(quad.object, NamedNode)
        and quad.object.value in kinds
    }


def _reach(
    start: str, forward: dict[str, set[str]], backward: dict[str, set[str]], anchors: set[str]
) -> set[str]:
    """``start``, the nodes pointing at it (for a subject), and all reached forward from them,
    other anchors named but not entered."""
    reached = {start} | (backward.get(start, set()) - anchors)
    pending = deque(reached)
    while pending:
        node = pending.popleft()
        for value in forward.get(node, ()):
            if value not in reached:
                reached.add(value)
                if value not in anchors:
                    pending.append(value)
    return reached - (anchors - {start})


def split_by_subject(
    document: InputDocument, typed: set[str] | None = None, shared: set[str] | None = None
) -> list[InputDocument]:
    """``document`` as the parts described in the module docstring.

    The subjects are those it describes among ``typed`` (by default those it types itself; pass
    :func:`subjects_typed` of every input, since a file may describe a system typed in
    another). A node of ``shared`` (those other inputs name too, such as a party a system
    described elsewhere names) is described in a part of its own, as in a file of its own.
    Statements no subject or shared node reaches are cut along the nodes that link them.
    Returns the document itself when it is one part."""
    known = subjects_typed([document]) if typed is None else typed
    subjects = {
        quad.subject.value
        for quad in document.quads
        if isinstance(quad.subject, NamedNode) and quad.subject.value in known
    }
    forward: dict[str, set[str]] = defaultdict(set)
    backward: dict[str, set[str]] = defaultdict(set)
    nodes: set[str] = set()
    for quad in document.quads:
        subject, value = _node(quad.subject), _node(quad.object)
        nodes.update(node for node in (subject, value) if node is not None)
        if quad.predicate.value in _NOT_LINKS:
            continue
        if subject is not None and value is not None and subject != value:
            forward[subject].add(value)
            backward[value].add(subject)
    anchors = subjects | ((shared or set()) & nodes)
    owners: dict[str, list[str]] = defaultdict(list)
    for anchor in sorted(anchors):
        pointing = backward if anchor in subjects else {}
        for node in _reach(anchor, forward, pointing, anchors):
            owners[node].append(anchor)
    unreached = _components(nodes - set(owners), forward)
    groups: dict[str, list[Quad]] = defaultdict(list)
    for quad in document.quads:
        described = _node(quad.subject)
        found = owners.get(described, []) if described is not None else []
        if len(found) == 1:
            groups["part " + found[0]].append(quad)
        elif found:
            groups["shared"].append(quad)
        else:
            groups["unreached " + unreached.get(described or "", "")].append(quad)
    if len(groups) == 1:
        return [document]
    return [_part(document, quads) for _, quads in sorted(groups.items())]


def _components(nodes: set[str], forward: dict[str, set[str]]) -> dict[str, str]:
    """Each of ``nodes`` and the first node (in sorted order) of the component it is linked
    into, either way."""
    order = sorted(nodes)
    index = {node: number for number, node in enumerate(order)}
    sets = UnionFind(len(order))
    for node in order:
        for value in forward.get(node, ()):
            if value in index:
                sets.union(index[node], index[value])
    return {node: order[sets.find(index[node])] for node in order}


def _part(document: InputDocument, quads: Iterable[Quad]) -> InputDocument:
    return replace(document, quads=tuple(quads))
