"""The statements a submission makes in the other forms the rules read, written in our terms
for the shapes.

The rules read a party linked by the submitter's own property declared ``rdfs:subPropertyOf``
(or ``owl:inverseOf``) one of ours (not ``owl:equivalentProperty`` nor ``owl:equivalentClass``:
those are warned about and not read), a node typed by the
submitter's class declared below one of ours, and a role described as a node of its own
(``[ a aia:DeployerRole ; aia:playedBy ex:bank ; aia:roleFor ex:score ]``): rules
``000-materialise-types`` and ``001-role-nodes``. The shapes are written against our terms, so
without these statements validation refused what the rules accept (a provider given by a role
node had "name the provider"). Each document gets the statements its own statements imply, in
our terms: the nearest of our properties and classes above the submitter's (the hierarchy of
our own vocabulary is the shapes' business, as for a stated term).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import Final

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad

from aiact_kg.namespaces import ONTOLOGY
from aiact_kg.submission.reading import InputDocument

_RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_RDFS: Final = "http://www.w3.org/2000/01/rdf-schema#"
_OWL: Final = "http://www.w3.org/2002/07/owl#"
RDF_TYPE: Final = _RDF + "type"
_BELOW: Final = frozenset({_RDFS + "subClassOf", _RDFS + "subPropertyOf"})
_EQUIVALENT: Final = frozenset({_OWL + "equivalentClass", _OWL + "equivalentProperty"})
_INVERSE: Final = _OWL + "inverseOf"
DECLARING: Final = _BELOW | _EQUIVALENT | {_INVERSE}
MAX_INVERSE_STEPS: Final = 3  # the rounds of rule 000-materialise-types
_PLAYED_BY: Final = ONTOLOGY + "playedBy"
_ROLE_FOR: Final = ONTOLOGY + "roleFor"
_TYPE_NODE: Final = NamedNode(RDF_TYPE)
_PLAYED_BY_NODE: Final = NamedNode(_PLAYED_BY)
_ROLE_FOR_NODE: Final = NamedNode(_ROLE_FOR)


@cache
def role_properties() -> dict[str, str]:
    """Each role class of the ontology -> the shortcut property of its role type
    (``aia:roleType``, ``aia:roleProperty``: e.g. aia:DeployerRole -> aia:hasDeployer)."""
    from aiact_kg.submission.validation import _background_quads

    role_type: dict[str, str] = {}
    role_property: dict[str, str] = {}
    for quad in _background_quads():
        assert isinstance(quad, Quad)
        subject, predicate, value = quad.subject, quad.predicate.value, quad.object
        if not (isinstance(subject, NamedNode) and isinstance(value, NamedNode)):
            continue
        if predicate == ONTOLOGY + "roleType":
            role_type[subject.value] = value.value
        elif predicate == ONTOLOGY + "roleProperty":
            role_property[subject.value] = value.value
    return {cls: role_property[kind] for cls, kind in role_type.items() if kind in role_property}


def _ours(iri: str) -> bool:
    return iri.startswith(ONTOLOGY)


class _Declarations:
    """The submitter's terms declared below others or inverse of them."""

    def __init__(self, documents: Sequence[InputDocument]) -> None:
        self.up: dict[str, set[str]] = {}
        self.inverse: dict[str, set[str]] = {}
        for document in documents:
            for quad in document.quads:
                predicate = quad.predicate.value
                if predicate not in _BELOW and predicate != _INVERSE:
                    continue
                subject, value = quad.subject, quad.object
                if not (isinstance(subject, NamedNode) and isinstance(value, NamedNode)):
                    continue
                a, b = subject.value, value.value
                if predicate == _INVERSE:
                    self.inverse.setdefault(a, set()).add(b)
                    self.inverse.setdefault(b, set()).add(a)
                elif predicate in _BELOW:
                    self.up.setdefault(a, set()).add(b)
                # owl:equivalentClass and owl:equivalentProperty are not read by the rules
                # (a warning says so): not here either
        self._above: dict[str, frozenset[str]] = {}
        self._reached: dict[str, frozenset[tuple[str, bool]]] = {}

    def __bool__(self) -> bool:
        return bool(self.up or self.inverse)

    def ours_above(self, term: str) -> frozenset[str]:
        """Our terms nearest above the submitter's ``term`` (through the submitter's terms)."""
        found = self._above.get(term)
        if found is None:
            reached: set[str] = set()
            seen, todo = {term}, [term]
            while todo:
                for parent in self.up.get(todo.pop(), ()):
                    if _ours(parent):
                        reached.add(parent)
                    elif parent not in seen:
                        seen.add(parent)
                        todo.append(parent)
            found = self._above[term] = frozenset(reached)
        return found

    def ours_reached(self, term: str) -> frozenset[tuple[str, bool]]:
        """Our properties the submitter's property ``term`` reaches through its declarations,
        each with whether an odd number of inverse steps lies between (the statement then
        reads our property the other way round): ``ex:sub rdfs:subPropertyOf ex:deploys .
        ex:deploys owl:inverseOf aia:hasDeployer`` reaches (aia:hasDeployer, True). At most
        :data:`MAX_INVERSE_STEPS` inverse steps, as rule ``000-materialise-types`` reads them;
        the walk stops at our terms (our hierarchy is the shapes' business)."""
        found = self._reached.get(term)
        if found is None:
            reached: set[tuple[str, bool]] = set()
            seen, todo = {(term, 0)}, [(term, 0)]
            while todo:
                current, inverses = todo.pop()
                steps = [(parent, inverses) for parent in self.up.get(current, ())]
                if inverses < MAX_INVERSE_STEPS:
                    steps += [(other, inverses + 1) for other in self.inverse.get(current, ())]
                for step in steps:
                    if _ours(step[0]):
                        reached.add((step[0], step[1] % 2 == 1))
                    elif step not in seen:
                        seen.add(step)
                        todo.append(step)
            found = self._reached[term] = frozenset(reached)
        return found


def _implied(quads: Iterable[Quad], declared: _Declarations) -> list[Quad]:
    """The statements in our terms that ``quads`` make through the submitter's declarations."""
    found: list[Quad] = []
    for quad in quads:
        subject, predicate, value = quad.subject, quad.predicate, quad.object
        term = predicate.value
        if _ours(term) or term.startswith((_RDFS, _OWL)):
            continue
        if term == RDF_TYPE:
            if isinstance(value, NamedNode) and not _ours(value.value):
                for cls in declared.ours_above(value.value):
                    found.append(Quad(subject, _TYPE_NODE, NamedNode(cls), DefaultGraph()))
            continue
        for prop, flipped in sorted(declared.ours_reached(term)):
            if not flipped:
                found.append(Quad(subject, NamedNode(prop), value, DefaultGraph()))
            elif not isinstance(value, Literal):
                found.append(Quad(value, NamedNode(prop), subject, DefaultGraph()))
    return found


def _role_statements(quads: Iterable[tuple[int, Quad]]) -> list[tuple[int, Quad]]:
    """``?s <shortcut> ?party`` for each role node ``?r a <role class> ; aia:playedBy ?party ;
    aia:roleFor ?s`` among ``quads`` (each with the index of its document), whichever documents
    state the role node's three facts; each with the index of the document typing the role node
    (an outside check found a provider role whose aia:playedBy was in another file refused as
    "name the provider")."""
    roles = role_properties()
    shortcut: dict[object, dict[str, int]] = {}
    played_by: dict[object, set[object]] = {}
    role_for: dict[object, set[object]] = {}
    for index, quad in quads:
        subject, predicate, value = quad.subject, quad.predicate.value, quad.object
        if predicate == RDF_TYPE and isinstance(value, NamedNode) and value.value in roles:
            shortcut.setdefault(subject, {}).setdefault(roles[value.value], index)
        elif predicate == _PLAYED_BY and not isinstance(value, Literal):
            played_by.setdefault(subject, set()).add(value)
        elif predicate == _ROLE_FOR and not isinstance(value, Literal):
            role_for.setdefault(subject, set()).add(value)
    found: list[tuple[int, Quad]] = []
    for node, properties in shortcut.items():
        for prop, index in sorted(properties.items()):
            for party in played_by.get(node, ()):
                for target in role_for.get(node, ()):
                    quad = Quad(target, NamedNode(prop), party, DefaultGraph())  # type: ignore[arg-type]
                    found.append((index, quad))
    return found


def with_implied(documents: Sequence[InputDocument]) -> list[InputDocument]:
    """``documents``, each with the statements in our terms its own statements imply, and the
    role statements of the role nodes it types, whichever documents state their other facts
    (none added twice, none already stated); the same documents when nothing is implied."""
    declared = _Declarations(documents)
    has_roles = any(
        quad.predicate.value == _PLAYED_BY for document in documents for quad in document.quads
    )
    if not declared and not has_roles:
        return list(documents)
    stated = {quad.triple for document in documents for quad in document.quads}
    extras = [_implied(document.quads, declared) if declared else [] for document in documents]
    if has_roles or declared:  # (aia:playedBy may come from a subproperty)
        every = (  # read once: not kept as a list of every statement of the batch
            (index, quad)
            for index, document in enumerate(documents)
            for quad in (*document.quads, *extras[index])
        )
        for index, quad in _role_statements(every):
            extras[index].append(quad)
    result: list[InputDocument] = []
    for document, extra in zip(documents, extras, strict=True):
        new = list(dict.fromkeys(quad for quad in extra if quad.triple not in stated))
        stated.update(quad.triple for quad in new)
        result.append(replace(document, quads=document.quads + tuple(new)) if new else document)
    return result
