"""Which inputs must be assessed together: a pre-scan of every input and the grouping rule.

One batch merges its inputs: a system in one file whose provider, deployer, model or model
events are described in another is assessed with those facts. So that a subject's result does
not depend on how the inputs are split into files or batches, each input is first scanned
(:func:`scan_document`, here or in the worker processes) for three small sets of 64-bit hashes of
*linkable* IRIs (IRIs outside the project's namespaces and the known vocabularies, which name
concepts rather than things; a blank node is an IRI of its own document, so never linkable):

- ``subjects``: the AI systems and models it types (a class of :func:`subject_classes`);
- ``described``: the IRIs it states facts about (subject of a statement);
- ``mentioned``: the IRIs it uses as object (not as ``rdf:type`` value) and does not describe;
- ``linked``: the IRIs it describes and also uses as object.

Two inputs are *linked* when one mentions an IRI the other describes. An input that types a
subject is a *subject file*; the others (a provider's, a deployer's, a model's procedure
events) are *party files*. Linked subject files form one component (union-find), never split.
A party file is not a connector: it is added to every batch holding a subject file linked to
it (directly or through other party files, which form clusters the same way), and reported
(its inputs, its findings) only by the first such batch, its *home*. A party file no subject
file needs joins the batch open at its place in the input order. Components are packed, in
input order, into batches of about ``batch_size`` subjects; a component larger than that is a
batch of its own.

Terms a submitter declares (a subclass, subproperty, inverse or equivalent of our vocabulary,
in any input) link the same way: the declaring input *declares* them, an input that uses one as
a predicate or class *uses* it; and a node typed by a class declared, in any input, below a
subject kind is a subject (so results do not depend on which batch a vocabulary file joins).

A batch that reads a party file another batch reads too is told which IRIs of it a file
outside the batch links to (``linked_elsewhere``): the batch sees them unlinked, but they are
not (a practice or event node is refused only when no input at all links to it).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Final

from pyoxigraph import NamedNode, Quad

from aiact_kg.namespaces import BASE, ELI, ONTOLOGY, PREFIXES
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.external import EXTERNAL_NAMESPACES
from aiact_kg.submission.reading import SUBMISSION_BASE, InputDocument
from aiact_kg.submission.vocabulary import below_any
from aiact_kg.union_find import UnionFind

RDF_TYPE: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBCLASS: Final = "http://www.w3.org/2000/01/rdf-schema#subClassOf"
_EQUIVALENT_CLASS: Final = "http://www.w3.org/2002/07/owl#equivalentClass"
# statements by which an input declares terms of its own in relation to others
DECLARING: Final = frozenset(
    {
        _SUBCLASS,
        _EQUIVALENT_CLASS,
        "http://www.w3.org/2000/01/rdf-schema#subPropertyOf",
        "http://www.w3.org/2002/07/owl#equivalentProperty",
        "http://www.w3.org/2002/07/owl#inverseOf",
    }
)
# namespaces whose IRIs name concepts, classes and provisions: they never link two inputs
VOCABULARIES: Final = (
    BASE,
    "http://data.europa.eu/eli/",
    ELI,
    *PREFIXES.values(),
    *EXTERNAL_NAMESPACES,
)


def iri_hash(iri: str) -> int:
    """A 64-bit hash of an IRI (a collision can only join batches, never split one)."""
    return int.from_bytes(hashlib.blake2b(iri.encode("utf-8"), digest_size=8).digest(), "big")


def linkable(iri: str) -> bool:
    """True for an IRI that names a thing a submitter describes (not a vocabulary term).

    IRIs under the submission base (relative IRIs of an input) are linkable: two inputs of the
    same file name share them.
    """
    return iri.startswith(SUBMISSION_BASE) or not iri.startswith(VOCABULARIES)


@cache
def _ontology_below() -> dict[str, set[str]]:
    """Each class of our ontology and its direct subclasses, read from the validator's
    background as parsed by pyoxigraph (loaded once per process, shared with the validator),
    not from rdflib's much slower parse of the same files."""
    from aiact_kg.submission.validation import _background_quads

    below: dict[str, set[str]] = {}
    for quad in _background_quads():
        assert isinstance(quad, Quad)
        subject, value = quad.subject, quad.object
        if (
            quad.predicate.value == _SUBCLASS
            and isinstance(subject, NamedNode)
            and isinstance(value, NamedNode)
            and subject.value.startswith(ONTOLOGY)
        ):
            below.setdefault(value.value, set()).add(subject.value)
    return below


@cache
def subject_classes() -> frozenset[str]:
    """The classes whose instances are assessed subjects: the validator's subject kinds and
    every class of the ontology below one of them."""
    from aiact_kg.submission.validation import SUBJECT_KINDS

    return below_any((str(kind) for kind in SUBJECT_KINDS), _ontology_below())


@cache
def subject_kind_of_class() -> dict[str, str]:
    """Each class of :func:`subject_classes` and the kind (label) of its instances: that of
    the first subject kind it is, or is below, in the validator's order (a general-purpose AI
    system is an AI system too)."""
    from aiact_kg.submission.validation import SUBJECT_KINDS

    kinds: dict[str, str] = {}
    for kind, label in SUBJECT_KINDS.items():
        for found in sorted(below_any([str(kind)], _ontology_below())):
            kinds.setdefault(found, label)
    return kinds


@dataclass(frozen=True, slots=True)
class FileScan:
    """What the grouping needs to know of one input (hashes, see the module docstring)."""

    index: int
    subjects: tuple[int, ...] = ()
    described: tuple[int, ...] = ()
    mentioned: tuple[int, ...] = ()
    size: int = 0
    error: InputFormatError | None = None
    linked: tuple[int, ...] = ()
    declares: tuple[int, ...] = ()  # terms it declares (:data:`DECLARING`)
    uses: tuple[int, ...] = ()  # terms it uses as predicate or class
    typed: tuple[tuple[int, int], ...] = ()  # (class, node) for its own classes
    subclasses: tuple[tuple[int, int], ...] = ()  # (subclass, class) it declares

    def objects(self) -> Iterable[int]:
        """The IRIs the input uses as object: ``mentioned`` and ``linked``."""
        return _chain(self.mentioned, self.linked)


def scan_document(index: int, document: InputDocument) -> FileScan:
    """The subjects, described and mentioned IRIs of one document (as sorted hashes)."""
    kinds = below_any(subject_classes(), declared_subclasses(document))
    typed: set[str] = set()  # nodes typed with a subject class
    described: set[str] = set()
    objects: set[str] = set()
    terms: set[str] = set()  # predicates and classes used
    declared: set[str] = set()
    typed_by: set[tuple[str, str]] = set()  # (class, node) for classes not known here
    subclasses: set[tuple[str, str]] = set()
    for quad in document.quads:
        subject, predicate, value = quad.subject, quad.predicate.value, quad.object
        terms.add(predicate)
        if isinstance(value, NamedNode):
            if predicate != RDF_TYPE:
                objects.add(value.value)
            elif value.value in kinds:
                if isinstance(subject, NamedNode):
                    typed.add(subject.value)
            else:
                terms.add(value.value)
                if isinstance(subject, NamedNode):
                    typed_by.add((value.value, subject.value))
            if predicate in DECLARING and isinstance(subject, NamedNode):
                declared.update((subject.value, value.value))
                if predicate == _SUBCLASS:  # (equivalent classes are not read: a warning)
                    subclasses.add((subject.value, value.value))
        if isinstance(subject, NamedNode):
            described.add(subject.value)
    # each IRI judged once; described IRIs are mentioned too: kept once
    described = {iri for iri in described if linkable(iri)}
    mentioned = {iri for iri in objects if iri not in described and linkable(iri)}
    return FileScan(
        index,
        _hashes(typed & described),
        _hashes(described),
        _hashes(mentioned),
        document.size,
        linked=_hashes(objects & described),
        declares=_hashes(iri for iri in declared if linkable(iri)),
        uses=_hashes(iri for iri in terms if linkable(iri)),
        typed=tuple(
            sorted(
                (iri_hash(kind), iri_hash(node))
                for kind, node in typed_by
                if linkable(kind) and node in described
            )
        ),
        subclasses=tuple(sorted((iri_hash(a), iri_hash(b)) for a, b in subclasses)),
    )


def declared_subclasses(document: InputDocument) -> dict[str, set[str]]:
    """The ``rdfs:subClassOf`` statements of a document: ``{class: {its subclasses}}``."""
    below: dict[str, set[str]] = {}
    for quad in document.quads:
        subject, value = quad.subject, quad.object
        if (
            quad.predicate.value == _SUBCLASS
            and isinstance(value, NamedNode)
            and isinstance(subject, NamedNode)
        ):
            below.setdefault(value.value, set()).add(subject.value)
    return below


def _hashes(iris: Iterable[str]) -> tuple[int, ...]:
    return tuple(sorted(iri_hash(iri) for iri in iris))


@dataclass
class PlannedBatch:
    """The inputs (indices, in input order) one batch reads, the party files it holds whose
    home is another batch (``foreign``), the IRIs its inputs describe that an input outside
    it links to (``linked_elsewhere``, hashes: only party files another batch reads too can hold
    such IRIs), and the subjects its inputs name that only inputs outside it type
    (``subjects_elsewhere``)."""

    index: int
    inputs: list[int] = field(default_factory=list)
    foreign: set[int] = field(default_factory=set)
    subjects: int = 0
    linked_elsewhere: set[int] = field(default_factory=set)
    subjects_elsewhere: set[int] = field(default_factory=set)


def plan_batches(scans: Sequence[FileScan], batch_size: int) -> list[PlannedBatch]:
    """Group the scanned inputs into batches (see the module docstring); 0: one batch."""
    count = len(scans)
    subjects = subjects_of(scans)
    if batch_size <= 0 or count == 0:
        return [PlannedBatch(0, list(range(count)), set(), sum(len(s) for s in subjects))]
    is_subject = _subject_files(scans, subjects)
    groups = UnionFind(count)  # components of subject files, clusters of party files
    subject_owner: dict[int, int] = {}  # IRI -> a subject file describing it
    party_owners: dict[int, list[int]] = {}  # IRI -> the party files describing it
    for scan in scans:
        for iri in _chain(scan.described, scan.declares):
            if is_subject[scan.index]:
                owner = subject_owner.setdefault(iri, scan.index)
                groups.union(owner, scan.index)
            else:
                party_owners.setdefault(iri, []).append(scan.index)
    needs: list[tuple[int, int]] = []  # (subject file, party file) linked
    for scan in scans:
        here = scan.index
        for iri in _chain(scan.described, scan.mentioned, scan.uses):
            found = subject_owner.get(iri)
            if found is not None and found != here:
                if is_subject[here]:
                    groups.union(found, here)
                else:
                    needs.append((found, here))
            for party in party_owners.get(iri, ()):
                if party == here:
                    continue
                if is_subject[here]:
                    needs.append((here, party))
                else:
                    groups.union(party, here)
    del subject_owner, party_owners
    return _pack(scans, subjects, is_subject, groups, needs, batch_size)


def _subject_files(scans: Sequence[FileScan], subjects: list[tuple[int, ...]]) -> list[bool]:
    """Which inputs are subject files: those that type a subject, and those that state facts
    about a subject another input types (its facts apart from its type). Such an input is not a
    party file to be shared by every batch that needs it: read in another batch without the
    type, its subject would be refused as undescribed there (an outside check found a system
    of that other batch silently left out, the batch's violation dropped as foreign)."""
    typed = {iri for found in subjects for iri in found}
    return [
        bool(subjects[scan.index]) or any(iri in typed for iri in scan.described) for scan in scans
    ]


def subjects_of(scans: Sequence[FileScan]) -> list[tuple[int, ...]]:
    """The subjects of each input: those it types with a subject kind, and the nodes it types
    with a class that some input declares below one (:attr:`FileScan.subclasses`)."""
    edges = [edge for scan in scans for edge in scan.subclasses]
    if not edges:
        return [scan.subjects for scan in scans]
    below: dict[int, set[int]] = {}
    for subclass, parent in edges:
        below.setdefault(parent, set()).add(subclass)
    kinds = below_any((iri_hash(kind) for kind in subject_classes()), below)
    return [
        tuple(sorted({*scan.subjects, *(node for kind, node in scan.typed if kind in kinds)}))
        for scan in scans
    ]


def _chain(*parts: Iterable[int]) -> Iterable[int]:
    for part in parts:
        yield from part


def _pack(
    scans: Sequence[FileScan],
    subjects: list[tuple[int, ...]],
    is_subject: list[bool],
    groups: UnionFind,
    needs: list[tuple[int, int]],
    batch_size: int,
) -> list[PlannedBatch]:
    members: dict[int, list[int]] = {}
    for scan in scans:
        members.setdefault(groups.find(scan.index), []).append(scan.index)
    clusters_of: dict[int, set[int]] = {}  # component -> party clusters it needs
    for subject_file, party_file in needs:
        clusters_of.setdefault(groups.find(subject_file), set()).add(groups.find(party_file))
    needed = {cluster for clusters in clusters_of.values() for cluster in clusters}
    batches: list[PlannedBatch] = []
    placed: set[int] = set()
    home: dict[int, int] = {}  # party cluster -> the batch that reports it
    holders: dict[int, set[int]] = {}  # party cluster -> the batches that read it
    current: PlannedBatch | None = None
    for scan in scans:
        root = groups.find(scan.index)
        if is_subject[scan.index]:
            if root in placed:
                continue
            placed.add(root)
            size = sum(len(subjects[i]) for i in members[root])
            if current is None or current.subjects >= batch_size:
                current = PlannedBatch(len(batches))
                batches.append(current)
            current.inputs += members[root]
            current.subjects += size
            for cluster in clusters_of.get(root, ()):
                current.inputs += members[cluster]
                holders.setdefault(cluster, set()).add(current.index)
                if home.setdefault(cluster, current.index) != current.index:
                    current.foreign.update(members[cluster])
        elif scan.error is not None or root not in needed:
            # unreadable, or a party file no subject needs: the batch open at its place
            if current is None:
                current = PlannedBatch(len(batches))
                batches.append(current)
            current.inputs.append(scan.index)
    for batch in batches:
        batch.inputs = sorted(set(batch.inputs))
    _mark_linked_elsewhere(scans, batches, holders, members)
    _mark_subjects_elsewhere(scans, subjects, batches)
    return batches


def _mark_subjects_elsewhere(
    scans: Sequence[FileScan], subjects: list[tuple[int, ...]], batches: list[PlannedBatch]
) -> None:
    """Record in each batch the subjects its inputs use as object that only inputs outside it
    type: a party file naming a system through a property declared the inverse of one of ours
    (``ex:deploys``), read with another system's file, gives that batch an untyped node which
    is a subject where it is typed. ``subjects``: each input's subjects, those typed with a class
    declared below a subject kind included (an outside check found such a subject, named by a
    party file another batch reads too, refused there as undescribed)."""
    typed_in: dict[int, set[int]] = {}  # subject IRI -> the inputs typing it
    for scan in scans:
        for iri in subjects[scan.index]:
            typed_in.setdefault(iri, set()).add(scan.index)
    if not typed_in:
        return
    for batch in batches:
        inside = set(batch.inputs)
        for index in batch.inputs:
            for iri in scans[index].objects():
                typing = typed_in.get(iri)
                if typing is not None and not typing & inside:
                    batch.subjects_elsewhere.add(iri)


def _mark_linked_elsewhere(
    scans: Sequence[FileScan],
    batches: list[PlannedBatch],
    holders: dict[int, set[int]],
    members: dict[int, list[int]],
) -> None:
    """Record in each batch the IRIs of its party clusters read by several batches that an
    input outside the batch uses as object."""
    shared = [(cluster, held_by) for cluster, held_by in holders.items() if len(held_by) > 1]
    if not shared:
        return
    described = {
        iri for cluster, _ in shared for i in members[cluster] for iri in scans[i].described
    }
    linking: dict[int, set[int]] = {}  # IRI -> the inputs using it as object
    for scan in scans:
        for iri in scan.objects():
            if iri in described:
                linking.setdefault(iri, set()).add(scan.index)
    inside: dict[int, set[int]] = {}  # batch -> its inputs, made once per batch
    for cluster, held_by in shared:
        iris = {iri for i in members[cluster] for iri in scans[i].described if iri in linking}
        for index in held_by:
            own = inside.setdefault(index, set(batches[index].inputs))
            batches[index].linked_elsewhere.update(iri for iri in iris if linking[iri] - own)
