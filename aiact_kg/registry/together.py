"""Which registry documents are assessed together, and each one's part of their result.

``assess`` reads files that describe the same nodes together; the registry keeps one entry per
document. So that an entry's stored result is what ``assess`` gives for it with the documents
it depends on, documents are grouped: two are *linked* when one states a fact about a node the
other names and does not state itself (:func:`~aiact_kg.registry.apart.facts_stated_elsewhere`:
a system's model described in another document, its deployer stated by a role node elsewhere;
not a party both state alike). Linked documents form one group (their components), assessed in
one run; each entry then keeps the part of the derived graph that concerns the systems and
models it describes (:func:`document_parts`), with the run and its inputs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from typing import Final

from pyoxigraph import NamedNode, Triple

from aiact_kg.namespaces import ONTOLOGY
from aiact_kg.registry.apart import facts_stated_elsewhere, named_nodes, subjects_described
from aiact_kg.submission.reading import InputDocument
from aiact_kg.union_find import UnionFind

# a derived node's subject: the system or model it concludes something about
_OWNER_PROPERTIES: Final = frozenset(
    ONTOLOGY + name for name in ("determinationOf", "obligationFor", "estimateOf")
)
# the nodes a derived node is made of (premises, fine exposures): they belong to its subject
_PART_PROPERTIES: Final = frozenset(ONTOLOGY + name for name in ("premise", "fineExposure"))


def linked_groups(documents: Sequence[InputDocument]) -> list[list[int]]:
    """The documents' indexes in groups to assess together, each in input order, the groups in
    the order of their first document."""
    groups = UnionFind(len(documents))
    for index, others in enumerate(facts_stated_elsewhere(documents)):
        for other in others:
            groups.union(index, other)
    members: dict[int, list[int]] = defaultdict(list)
    for index in range(len(documents)):
        members[groups.find(index)].append(index)
    return [members[root] for root in sorted(members)]


def _owners(derived: Sequence[Triple]) -> dict[str, set[str]]:
    """Each derived node's subjects: its own (a determination's, an obligation's, an
    estimate's), or else those of the nodes it is a part of (a premise, a fine exposure)."""
    own: dict[str, set[str]] = defaultdict(set)
    parts: dict[str, set[str]] = defaultdict(set)
    for triple in derived:
        predicate = triple.predicate.value
        if predicate in _OWNER_PROPERTIES and isinstance(triple.object, NamedNode):
            own[str(triple.subject)].add(triple.object.value)
        elif predicate in _PART_PROPERTIES:
            parts[str(triple.subject)].add(str(triple.object))
    owners = {node: set(subjects) for node, subjects in own.items()}
    waiting = list(owners)
    while waiting:
        node = waiting.pop()
        for part in parts.get(node, ()):
            if part in own:
                continue  # a determination that is another's premise keeps its own subject
            inherited = owners.setdefault(part, set())
            if not owners[node] <= inherited:
                inherited |= owners[node]
                waiting.append(part)
    return owners


def document_parts(
    derived: Sequence[Triple], documents: Sequence[InputDocument]
) -> list[list[Triple]]:
    """Each document's part of a group's derived graph: what concerns the systems and models it
    describes (a subject no document types goes to the documents naming it, else to all), and
    the run with its inputs, which every part keeps."""
    described = [subjects_described(document) for document in documents]
    named = [named_nodes(document) for document in documents]
    owners = _owners(derived)

    def readers(subject: str) -> set[int]:
        for holders in (described, named):
            found = {index for index, nodes in enumerate(holders) if subject in nodes}
            if found:
                return found
        return set(range(len(documents)))

    by_subject: dict[str, set[int]] = {}
    parts: list[list[Triple]] = [[] for _ in documents]
    everyone = set(range(len(documents)))
    for triple in derived:
        subjects = owners.get(str(triple.subject))
        if not subjects:
            taking = everyone
        else:
            taking = set()
            for subject in subjects:
                if subject not in by_subject:
                    by_subject[subject] = readers(subject)
                taking |= by_subject[subject]
        for index in taking:
            parts[index].append(triple)
    return parts
