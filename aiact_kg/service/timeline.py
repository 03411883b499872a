"""``GET /timeline?model=IRI``: the systemic-risk procedure of one registered model (Arts 51-52).

The model's stored submission is assessed again on the date asked (default today), so the states
and deadlines are those of that date, as ``aiact-kg timeline`` gives them for a file.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse
from pyoxigraph import NamedNode, RdfFormat
from starlette.concurrency import run_in_threadpool

from aiact_kg.assessment import assess_documents
from aiact_kg.errors import InputError
from aiact_kg.queries import run_select
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.service.api import assessment_options, serial
from aiact_kg.service.knowledge import KnowledgeBase
from aiact_kg.service.limits import ServiceError
from aiact_kg.submission.reading import read_rdf_bytes
from aiact_kg.timeline import timeline_json

router = APIRouter()
_MAX_IRI = 2000


def _timeline(knowledge: KnowledgeBase, model: str, options: AssessmentOptions) -> dict[str, Any]:
    store = knowledge.current()
    found = run_select(store, "registry/submission-of-subject", {"subject": NamedNode(model)})
    if not found.rows or found.rows[0][0] is None:
        raise ServiceError(404, "not-found", f"no submission in the registry describes {model}")
    graph = str(found.rows[0][0].value)
    document = read_rdf_bytes(
        store.export(RdfFormat.N_TRIPLES, graph), name=graph, rdf_format=RdfFormat.N_TRIPLES
    )
    with serial:
        report = assess_documents([document], options)
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


@router.get(
    "/timeline",
    summary="The systemic-risk procedure of a registered model: events, states, deadlines "
    "(the JSON of `aiact-kg timeline --format json`)",
    responses={
        400: {"description": "not a general-purpose AI model, or a bad date"},
        404: {"description": "no submission in the registry describes the model"},
    },
)
async def timeline(
    request: Request,
    model: Annotated[str, Query(description="IRI of the model", max_length=_MAX_IRI)],
    as_of: Annotated[
        str | None, Query(description="date of the timeline, YYYY-MM-DD (default today)")
    ] = None,
    law: Annotated[
        str | None,
        Query(description="as-published or as-amended (default: the version in force)"),
    ] = None,
) -> JSONResponse:
    if not model.startswith(("http://", "https://", "urn:")) or any(
        c in model for c in '<>"{}|\\^` \n\r\t'
    ):
        raise ServiceError(400, "bad-request", f"model takes an absolute IRI, not {model!r}")
    options = assessment_options(as_of, law)
    knowledge: KnowledgeBase = request.app.state.knowledge
    data = await run_in_threadpool(_timeline, knowledge, model, options)
    return JSONResponse(data)
