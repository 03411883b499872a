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
"""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import BlankNode, NamedNode

from aiact_kg.batch_plan import FileScan, scan_document, subjects_of
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


def unaffected_documents(
    documents: Sequence[InputDocument], validation: ValidationReport
) -> tuple[InputDocument, ...]:
    """The documents no violation concerns (all of them if none has one; none if an input is
    unreadable or a violation's node is in no document)."""
    if validation.conforms:
        return tuple(documents)
    if validation.unreadable or len(documents) < 2:
        return ()
    concerned = _concerned(documents, validation)
    if not concerned:
        return ()
    scans = [scan_document(index, document) for index, document in enumerate(documents)]
    left_out = _left_out(scans, concerned)
    return tuple(d for index, d in enumerate(documents) if index not in left_out)
