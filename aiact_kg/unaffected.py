"""The inputs a violation does not concern: those the rules still assess.

A violation stops the assessment of the subjects it concerns, not of unrelated ones (an outside
check found unrelated valid subjects left unassessed, without a word, because they shared a
batch with a file that had a violation). The inputs it concerns are found as the batching rule
links inputs (:mod:`.batch_plan`): the input holding the node it is about (a blank node only in
its own file: blank nodes are local to a file), every input linked to one left out (one that
describes the same IRI, names a system or model it describes, or is named by it as a system or
model), and every input that names an IRI one left out describes (it reads that description: a
system whose provider file has a violation). A file that only describes what a left-out input
names (a provider's file) is no link: the other systems it serves are assessed. Assessing the
rest together gives each subject the result it gets alone, so the result does not depend on how
inputs are batched. An unreadable input still stops everything (the one-batch path), and so
does a violation about a node no input holds.

A file that a violation concerns is first cut into its subjects' descriptions
(:mod:`.subject_parts`), each then treated as an input: the violation holds back the subjects
whose description it is about, not the others written in the same file, so the result does not
depend on how the descriptions are split into files either. A violation about a node that no
subject reaches (a practice nothing links to) concerns none of them, in its own file as in the
subject's.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from pyoxigraph import BlankNode, NamedNode

from aiact_kg.batch_plan import FileScan, linkable, scan_document, subjects_of
from aiact_kg.subject_parts import split_by_subject, subjects_typed
from aiact_kg.submission.reading import InputDocument
from aiact_kg.submission.skolem import blank_label
from aiact_kg.submission.validation import ValidationReport


def _mentions(document: InputDocument, node: str) -> bool:
    for quad in document.quads:
        for term in (quad.subject, quad.object):
            if isinstance(term, NamedNode | BlankNode) and blank_label(term.value) == node:
                return True
    return False


def _concerned(documents: Sequence[InputDocument], validation: ValidationReport) -> set[int] | None:
    """The inputs holding a node a violation is about (``None``: one is held by none)."""
    found: set[int] = set()
    for subject in validation.subjects:
        for finding in subject.findings:
            if finding.severity != "violation":
                continue
            held = False
            for node in {finding.focus_node, subject.iri} - {""}:
                for index, document in enumerate(documents):
                    local = node.startswith("_:")  # a blank node: only in its own file
                    if local and document.name != subject.file:
                        continue
                    if _mentions(document, node):
                        found.add(index)
                        held = True
            if not held:
                return None
    return found


def _left_out(scans: Sequence[FileScan], concerned: set[int]) -> set[int]:
    """``concerned`` and every input linked to or depending on one of them (module docstring)."""
    subjects = {iri for found in subjects_of(scans) for iri in found}
    describers: dict[int, set[int]] = {}  # IRI -> the inputs describing it
    for scan in scans:
        for iri in scan.described:
            describers.setdefault(iri, set()).add(scan.index)
    namers: dict[int, set[int]] = {}  # IRI -> the inputs naming it as an object
    for scan in scans:
        for iri in scan.objects():
            namers.setdefault(iri, set()).add(scan.index)
    left_out, pending = set(concerned), list(concerned)
    while pending:
        scan = scans[pending.pop()]
        linked: set[int] = set()
        for iri in scan.described:
            linked |= describers.get(iri, set()) | namers.get(iri, set())
        for iri in scan.objects():
            if iri in subjects:
                linked |= describers.get(iri, set())
        for index in linked - left_out:
            left_out.add(index)
            pending.append(index)
    return left_out


def _nodes_by_document(documents: Sequence[InputDocument]) -> list[set[str]]:
    """The linkable IRIs each document states something about or names."""
    return [
        {
            term.value
            for quad in document.quads
            for term in (quad.subject, quad.object)
            if isinstance(term, NamedNode) and linkable(term.value)
        }
        for document in documents
    ]


def _named_elsewhere(named: list[set[str]], index: int, counts: Counter[str]) -> set[str]:
    """The IRIs of document ``index`` that another document names too (``counts``: in how many
    documents each IRI is, counted once for all)."""
    return {iri for iri in named[index] if counts[iri] > 1}


def unaffected_documents(
    documents: Sequence[InputDocument], validation: ValidationReport
) -> tuple[InputDocument, ...]:
    """The documents no violation concerns (all of them if none has one; none if an input is
    unreadable or a violation's node is in no document)."""
    if validation.conforms:
        return tuple(documents)
    if validation.unreadable:
        return ()
    concerned = _concerned(documents, validation)
    if not concerned:
        return ()
    # a document a violation concerns, cut into its subjects' descriptions: the violation holds
    # back the subjects it concerns, not the others written beside them (an outside check found
    # a valid system left out because an unrelated invalid one shared its file, and assessed
    # when the two were in two files)
    typed = subjects_typed(documents)
    named = _nodes_by_document(documents)
    counts = Counter(iri for found in named for iri in found)
    parts = [
        part
        for index, document in enumerate(documents)
        for part in (
            split_by_subject(document, typed, _named_elsewhere(named, index, counts))
            if index in concerned
            else (document,)
        )
    ]
    concerned = _concerned(parts, validation)
    if not concerned:
        return ()
    scans = [scan_document(index, part) for index, part in enumerate(parts)]
    left_out = _left_out(scans, concerned)
    return tuple(part for index, part in enumerate(parts) if index not in left_out)
