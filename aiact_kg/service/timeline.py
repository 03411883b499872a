"""``GET /timeline?model=IRI``: the systemic-risk procedure of one registered model (Arts 51-52).

The model's stored submission is assessed again on the date asked (default today), so the states
and deadlines are those of that date, as ``aiact-kg timeline`` gives them for a file: JSON, or
for a client that asks for ``text/html`` first, a page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from starlette.concurrency import run_in_threadpool

from aiact_kg.service.api import assessment_options
from aiact_kg.service.knowledge import KnowledgeBase
from aiact_kg.service.limits import ServiceError
from aiact_kg.service.model_timeline import model_timeline
from aiact_kg.service.negotiation import choose
from aiact_kg.service.pages import HTML, JSON, timeline_page
from aiact_kg.service.parameters import known_query_parameters

router = APIRouter(dependencies=[Depends(known_query_parameters)])
_MAX_IRI = 2000


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
) -> Response:
    if not model.startswith(("http://", "https://", "urn:")) or any(
        c in model for c in '<>"{}|\\^` \n\r\t'
    ):
        raise ServiceError(400, "bad-request", f"model takes an absolute IRI, not {model!r}")
    options = assessment_options(as_of, law)
    knowledge: KnowledgeBase = request.app.state.knowledge
    data = await run_in_threadpool(model_timeline, knowledge, model, options)
    if choose(request.headers.get("accept"), (JSON, HTML)) is HTML:
        return await timeline_page(request, data)
    return JSONResponse(data, headers={"Vary": "Accept"})
