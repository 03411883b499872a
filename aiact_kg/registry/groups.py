"""Assessing registry documents in their groups (:mod:`.together`), stored entries included.

A document submitted now is assessed with every document it is linked to: others of the same
submission, and stored entries (found by the nodes it names, and those an earlier assessment of
the entry it replaces read with it). A stored entry so drawn in is assessed again with them and
its stored result replaced, so that each entry's result is that of its group as it now stands.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from pyoxigraph import Triple

from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun, run_rules
from aiact_kg.registry.store import (
    Entry,
    derived_triples,
    linked_entries,
    stored_document,
)
from aiact_kg.registry.together import document_parts, linked_groups
from aiact_kg.submission.reading import InputDocument

if TYPE_CHECKING:
    from aiact_kg.store.oxigraph_store import OxigraphStore


@dataclass(frozen=True)
class Member:
    """A document of an assessment: submitted now (``entry`` is its stored record, if any, when
    ``submitted``), or a stored entry read with them."""

    name: str
    document: InputDocument
    entry: Entry | None = None
    submitted: bool = True


@dataclass(frozen=True)
class Assessed:
    """A member assessed in its group: the run, its part of the derived graph, and the other
    members of the group."""

    member: Member
    run: str
    derived: list[Triple]
    together: tuple[str, ...]


def _groups_with(members: Sequence[Member], needed: Collection[str]) -> list[list[int]]:
    """The groups of ``members`` that hold a member named in ``needed``."""
    return [
        group
        for group in linked_groups([member.document for member in members])
        if any(members[index].name in needed for index in group)
    ]


def with_linked_entries(
    store: OxigraphStore,
    members: list[Member],
    needed: set[str],
    entries: dict[str, Entry],
) -> tuple[list[Member], set[str]]:
    """``members`` and the stored entries linked to those of them in ``needed`` (directly or
    through other stored entries), with the names of everything to assess: ``needed``, the
    entries an earlier assessment of a needed one read with it, and the linked entries."""
    included = {member.name for member in members}
    needed = set(needed)
    recorded = {
        other
        for member in members
        if member.name in needed and member.entry is not None
        for other in member.entry.together
        if other in entries and other not in included
    }
    members = list(members)
    frontier = [member for member in members if member.name in needed]
    while frontier:
        found = {name for member in frontier for name in linked_entries(store, member.document)}
        candidates = sorted(((found & entries.keys()) | recorded) - included)
        if not candidates:
            break
        loaded = [
            Member(name, stored_document(store, entries[name]), entries[name], submitted=False)
            for name in candidates
        ]
        trial = members + loaded
        linked = {trial[index].name for group in _groups_with(trial, needed) for index in group}
        kept = [member for member in loaded if member.name in linked or member.name in recorded]
        recorded = set()
        members += kept
        included |= {member.name for member in kept}
        needed |= {member.name for member in kept}
        frontier = kept
    return members, needed


LARGEST = 20_000  # statements: a larger group runs in a fresh store of its own


def assess_groups(
    members: Sequence[Member], needed: Collection[str], options: AssessmentOptions
) -> Iterator[Assessed]:
    """Assess each group of ``members`` holding a member in ``needed``, in one run per group;
    yields the members assessed, group by group (each group's derived graph is released once
    its members' parts are taken, so memory holds one group at a time)."""
    from aiact_kg.assessment import shared_assessor

    for group in _groups_with(members, needed):
        documents = [members[index].document for index in group]
        run = AssessmentRun()
        if sum(len(document.quads) for document in documents) > LARGEST:
            store = run_rules(documents, options, run=run)
        else:
            store = shared_assessor().engine.run_rules(documents, options, run)
        try:
            derived = derived_triples(store)
        finally:
            store.close()
        names = [members[index].name for index in group]
        for index, part in zip(group, document_parts(derived, documents), strict=True):
            member = members[index]
            others = tuple(sorted(name for name in names if name != member.name))
            yield Assessed(member, run.iri, part, others)


def in_member_order(members: Sequence[Member], assessed: Iterable[Assessed]) -> list[Assessed]:
    """``assessed`` in the order of their members in ``members``."""
    position = {member.name: index for index, member in enumerate(members)}
    return sorted(assessed, key=lambda item: position[item.member.name])
