"""The timeline of one registered model, shared by ``GET /timeline`` and the model's page.

The model's stored submission is assessed again on the date asked, so the states and deadlines
are those of that date, as ``aiact-kg timeline`` gives them for a file.
"""

from __future__ import annotations

from typing import Any

from pyoxigraph import NamedNode, RdfFormat

from aiact_kg.assessment import shared_assessor
from aiact_kg.errors import CitationError, InputError
from aiact_kg.provision import resolve_citation
from aiact_kg.queries import run_select
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.names import name_of_submission_graph, submission_graph
from aiact_kg.registry.store import read_entries
from aiact_kg.service.api import serial
from aiact_kg.service.knowledge import KnowledgeBase
from aiact_kg.service.limits import ServiceError
from aiact_kg.store.base import KnowledgeStore
from aiact_kg.submission.reading import read_rdf_bytes
from aiact_kg.timeline import timeline_json

N_TRIPLES = RdfFormat.N_TRIPLES


def model_timeline(
    knowledge: KnowledgeBase, model: str, options: AssessmentOptions
) -> dict[str, Any]:
    """The JSON of ``aiact-kg timeline`` for ``model``'s stored submission, or a ServiceError:
    404 (no submission), 409 (it no longer validates), 400 (not a general-purpose AI model)."""
    store = knowledge.current()
    found = run_select(store, "registry/submission-of-subject", {"subject": NamedNode(model)})
    if not found.rows or found.rows[0][0] is None:
        raise ServiceError(404, "not-found", f"no submission in the registry describes {model}")
    graph = str(found.rows[0][0].value)
    documents = [
        read_rdf_bytes(store.export(RdfFormat.N_TRIPLES, read), name=read, rdf_format=N_TRIPLES)
        for read in (graph, *_read_with(store, graph))
    ]
    with serial.held():
        report = shared_assessor().assess(documents, options, keep=True)
    try:
        if report.store is None or not report.data["valid"]:
            raise ServiceError(
                409, "invalid-submission", f"the stored submission {graph} no longer validates"
            )
        try:
            return timeline_json(report.data, report.store, model)
        except InputError as error:
            raise ServiceError(400, "not-a-model", str(error)) from None
    finally:
        if report.store is not None:
            report.store.close()


def _read_with(store: KnowledgeStore, graph: str) -> list[str]:
    """The submission graphs of the entries the registry assesses with ``graph``'s entry
    (:mod:`aiact_kg.registry.together`): the timeline reads them too, as its stored result did."""
    name = name_of_submission_graph(graph)
    entry = read_entries(store).get(name) if name is not None else None
    return [submission_graph(other) for other in entry.together] if entry is not None else []


def provision_iris(store: KnowledgeStore, timeline: dict[str, Any]) -> dict[str, str]:
    """The IRI of each provision the timeline cites (a citation the store does not know is
    left out, and shown unlinked)."""
    citations = {c for entry in timeline["entries"] for c in entry["provisions"]}
    citations |= {c for state in timeline["states"] for c in state["legal_basis"]}
    iris: dict[str, str] = {}
    for citation in sorted(citations):
        try:
            iris[citation] = resolve_citation(store, citation)
        except CitationError:
            continue
    return iris
