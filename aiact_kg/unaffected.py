"""The inputs a violation does not concern: those the rules still assess.

A violation stops the assessment of the subjects it concerns, not of unrelated ones: the inputs
are split into the groups the batching rule assesses together (:func:`~.batch_plan.plan_batches`
with one subject per batch: linked subject files together, party files with every group that
needs them), a group is left out when one of its inputs mentions a node a violation is about,
and the other groups are assessed. Groups are independent, so assessing them together gives each
subject the result it gets alone, and the result does not depend on how inputs are batched (an
outside check found unrelated valid subjects left unassessed, without a word, because they
shared a batch with a file that had a violation). An unreadable input still stops everything
(the one-batch path) and a violation about a node no input mentions leaves nothing to assess.
"""

from __future__ import annotations

from collections.abc import Sequence

from pyoxigraph import BlankNode, NamedNode

from aiact_kg.batch_plan import plan_batches, scan_document
from aiact_kg.submission.reading import InputDocument
from aiact_kg.submission.skolem import blank_label
from aiact_kg.submission.validation import ValidationReport


def _violation_nodes(validation: ValidationReport) -> set[str]:
    """The nodes the violations are about, and the subjects they are reported under."""
    nodes: set[str] = set()
    for subject in validation.subjects:
        for finding in subject.findings:
            if finding.severity == "violation":
                nodes.update(node for node in (finding.focus_node, subject.iri) if node)
    return nodes


def _mentions(document: InputDocument, nodes: set[str]) -> bool:
    for quad in document.quads:
        for term in (quad.subject, quad.object):
            if isinstance(term, NamedNode | BlankNode) and blank_label(term.value) in nodes:
                return True
    return False


def unaffected_documents(
    documents: Sequence[InputDocument], validation: ValidationReport
) -> tuple[InputDocument, ...]:
    """The documents of the groups no violation concerns (all of them if none has one; none
    if an input is unreadable or a violation's node is in no document)."""
    if validation.conforms:
        return tuple(documents)
    if validation.unreadable or len(documents) < 2:
        return ()
    nodes = _violation_nodes(validation)
    affected = {index for index, document in enumerate(documents) if _mentions(document, nodes)}
    if not affected:  # a violation that names no node of the inputs: nothing is known clean
        return ()
    groups = plan_batches([scan_document(i, d) for i, d in enumerate(documents)], 1)
    kept: set[int] = set()
    for group in groups:
        if not affected.intersection(group.inputs):
            kept.update(group.inputs)
    return tuple(document for index, document in enumerate(documents) if index in kept)
