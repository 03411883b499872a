"""Which documents of one submission state facts about nodes another one names.

``submit`` assesses each document alone (each is a registry entry of its own), while ``assess``
reads files that describe the same nodes together. A document that names a node (a model it
is built on, a party) whose facts another document of the same submission states is assessed
without them: the outcome names those documents, so the difference is never silent.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from pyoxigraph import NamedNode

from aiact_kg.submission.reading import InputDocument

_Facts = dict[str, set[tuple[str, str]]]  # node IRI: {(predicate, object)}


def _facts(document: InputDocument) -> tuple[_Facts, set[str]]:
    """The statements of a document by the named node they are about, and the named nodes it
    names (as subject or object)."""
    facts: _Facts = defaultdict(set)
    named: set[str] = set()
    for quad in document.quads:
        if isinstance(quad.subject, NamedNode):
            facts[quad.subject.value].add((quad.predicate.value, str(quad.object)))
            named.add(quad.subject.value)
        if isinstance(quad.object, NamedNode):
            named.add(quad.object.value)
    return facts, named


def facts_stated_elsewhere(documents: Sequence[InputDocument]) -> list[tuple[int, ...]]:
    """For each document, the indexes of the other documents that state a fact about a node it
    names and does not state itself, in order."""
    read = [_facts(document) for document in documents]
    stated_by: dict[str, list[int]] = defaultdict(list)
    for index, (facts, _) in enumerate(read):
        for node in facts:
            stated_by[node].append(index)
    found: list[tuple[int, ...]] = []
    for index, (own, named) in enumerate(read):
        others = {
            other
            for node in named
            for other in stated_by.get(node, ())
            if other != index and not read[other][0][node] <= own.get(node, set())
        }
        found.append(tuple(sorted(others)))
    return found
