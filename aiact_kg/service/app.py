"""The application factory: routes, error handlers, the body limit, OpenAPI at /openapi.json."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from aiact_kg import __version__
from aiact_kg.errors import AiactKgError
from aiact_kg.service import api, pages, sparql, submissions, timeline, workbench
from aiact_kg.service.config import ServiceConfig
from aiact_kg.service.knowledge import KnowledgeBase
from aiact_kg.service.limits import (
    BodyLimitMiddleware,
    aiact_kg_error,
    error_body,
    http_error,
    internal_error,
)
from aiact_kg.store.spare_workers import SpareWorkers

DESCRIPTION = """\
The EU AI Act knowledge base over the SPARQL 1.1 Protocol, with a small HTTP API.

- `/sparql`: SPARQL 1.1 queries (GET, POST form, POST `application/sparql-query`). The default
  graph is the **union of all named graphs**; `default-graph-uri` / `named-graph-uri` (or
  `FROM` / `FROM NAMED`) name another dataset. `SERVICE` reaches only allowlisted endpoints.
  Each query has a time limit (503) and a result-size limit (413). SPARQL updates (POST form
  `update=` or `application/sparql-update`) need the operator's bearer token and may change
  only named graphs under `https://w3id.org/aiact-kg/registry/` other than the submissions'
  own graphs; each is published atomically as a new version of the store.
- `/graph?graph=IRI`: one named graph (Graph Store Protocol, read only).
- `/validate`, `/assess`: the JSON of the command line's `validate` / `assess`, for one document.
- `/provisions/{citation}`: the JSON of `aiact-kg provision`.
- `/timeline?model=IRI`: the JSON of `aiact-kg timeline` for a model in the registry.
- `/subjects/{iri}`: a subject of the registry (categories, obligations, explanation chain).
- `/resource?iri=IRI`, and `/<path>` for every IRI `https://w3id.org/aiact-kg/<path>` we mint:
  the resource as an HTML page, Turtle, JSON-LD or N-Triples, by `Accept`.
- `POST /submissions?name=NAME` (bearer token): validate, store and assess one document, as
  `aiact-kg submit`; `GET /submissions[/NAME]` lists the registry; `DELETE /submissions/NAME`
  (bearer token) withdraws one.

Errors are JSON: `{"error": CODE, "message": TEXT}`.
"""


@asynccontextmanager
async def _spare_workers(app: FastAPI) -> AsyncIterator[None]:
    """While the service runs, a few query workers wait started (see
    :mod:`aiact_kg.store.spare_workers`); without this lifespan (an application driven without
    it), each query starts its own."""
    spares = SpareWorkers(min(2, app.state.config.max_queries))
    app.state.spares = spares
    try:
        yield
    finally:
        app.state.spares = None
        spares.close()


def create_app(config: ServiceConfig) -> FastAPI:
    """The ASGI application serving the store at ``config.store_path``."""
    app = FastAPI(
        title="aiact-kg",
        lifespan=_spare_workers,
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # served from vendored files by the workbench, not from a CDN
        redoc_url=None,
        exception_handlers={
            HTTPException: http_error,
            AiactKgError: aiact_kg_error,
            RequestValidationError: _invalid_request,
            Exception: internal_error,
        },
    )
    app.state.config = config
    app.state.knowledge = KnowledgeBase(config.store_path)
    app.state.activity = sparql.Activity(config.max_queries)
    app.state.spares = None
    app.include_router(sparql.router)
    app.include_router(api.router)
    app.include_router(timeline.router)
    app.include_router(workbench.router)
    app.include_router(pages.router)
    app.include_router(submissions.router)
    app.add_middleware(
        BodyLimitMiddleware, limit=config.max_body_bytes, timeout=config.body_timeout
    )

    @app.get("/health", summary="Liveness, and how many queries are running")
    async def health(request: Request) -> dict[str, object]:
        return {"status": "ok", "queries_running": request.app.state.activity.running}

    return app


async def _invalid_request(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    problems = "; ".join(
        f"{'.'.join(str(part) for part in error.get('loc', ()))}: {error.get('msg')}"
        for error in exc.errors()
    )
    return JSONResponse(error_body("bad-request", problems or "invalid request"), 400)
