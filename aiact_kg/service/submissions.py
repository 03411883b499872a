"""The registry over HTTP: ``POST /submissions``, ``GET /submissions[/{name}]``,
``DELETE /submissions/{name}``.

``POST`` does what ``aiact-kg submit`` does for one document (the body, in the format its
``Content-Type`` names): validate it, refuse it with the findings if it has violations, store
its statements in its own graph, assess it alone and store the assessment in its own graph,
all as one new version of the store. It answers with the JSON ``aiact-kg submit --format
json`` prints. Every statement goes into the submission's own graph whatever graph a TriG or
N-Quads document names (:func:`aiact_kg.registry.store.replace_update`). Writes need the
operator's bearer token and wait at most ``--write-wait`` seconds for another writer (then
503 with ``Retry-After``); within this process they run one at a time.
"""

from __future__ import annotations

import json
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from aiact_kg.errors import InputError
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.names import check_name, name_for_file
from aiact_kg.registry.reassess import Listed, withdraw
from aiact_kg.registry.store import categories, read_entries
from aiact_kg.registry.submit import RegistryError, RegistryResult, submit_documents
from aiact_kg.render import registry as render
from aiact_kg.service.api import DOCUMENT_BODY, assessment_options, read_document, serial
from aiact_kg.service.auth import require_token
from aiact_kg.service.config import ServiceConfig
from aiact_kg.service.knowledge import KnowledgeBase
from aiact_kg.service.limits import ServiceError
from aiact_kg.service.parameters import known_query_parameters
from aiact_kg.service.sparql import writer_busy
from aiact_kg.store.locking import StoreLockedError
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.reading import InputDocument

router = APIRouter(dependencies=[Depends(known_query_parameters)])


def _registry_name(name: str | None, file: str | None) -> str:
    try:
        if name is not None:
            return check_name(name)
        if file is not None:
            return name_for_file(file)
    except InputError as error:
        raise ServiceError(400, "bad-name", str(error)) from None
    raise ServiceError(
        400,
        "bad-name",
        "give the submission's registry name in the 'name' parameter (or its file name in "
        "'file', from which the name is made as `aiact-kg submit` makes it)",
    )


def _submit(
    config: ServiceConfig,
    documents: list[InputDocument],
    errors: list[InputFormatError],
    name: str,
    assessment: AssessmentOptions,
) -> RegistryResult:
    # validation and rules are not made for concurrent use: one at a time, a bounded wait
    with serial.held():
        try:
            return submit_documents(
                config.store_path,
                documents,
                assessment,
                errors=errors,
                names=[name],
                wait_seconds=config.write_wait,
            )
        except StoreLockedError as error:
            raise writer_busy(error) from None
        except RegistryError as error:  # it describes no system or model
            raise ServiceError(422, "no-subject", str(error)) from None


def _location(name: str) -> str:
    return f"/submissions/{quote(name)}"


@router.post(
    "/submissions",
    summary="Submit a description to the registry (the JSON of `aiact-kg submit --format json`)",
    openapi_extra=DOCUMENT_BODY,
    responses={
        201: {"description": "stored: its statements, assessment and record"},
        200: {"description": "replaced an earlier submission of this name, or unchanged"},
        400: {"description": "a name that cannot name a submission"},
        401: {"description": "no bearer token"},
        403: {"description": "a wrong bearer token, or the service is read-only"},
        413: {"description": "the body is over the limit"},
        415: {"description": "a Content-Type we do not read"},
        422: {"description": "not stored: violations (see `validation`) or unreadable"},
        503: {"description": "another writer holds the store; retry after Retry-After"},
    },
)
async def submit(
    request: Request,
    name: Annotated[
        str | None,
        Query(
            description="the registry name (letters, digits, '.', '_', '-'; at most 128)",
            max_length=200,
        ),
    ] = None,
    file: Annotated[
        str | None,
        Query(
            description="the document's file name, shown in reports and used as the base "
            "of its relative IRIs; without 'name', the registry name is made from it",
            max_length=200,
        ),
    ] = None,
    as_of: Annotated[
        str | None, Query(description="date of the assessment, YYYY-MM-DD (default today)")
    ] = None,
    law: Annotated[
        str | None,
        Query(description="as-published or as-amended (default: the version in force)"),
    ] = None,
) -> JSONResponse:
    require_token(request, "submissions")
    config: ServiceConfig = request.app.state.config
    registry_name = _registry_name(name, file)
    assessment = assessment_options(as_of, law)
    documents, errors = await read_document(request, file or registry_name)
    result = await run_in_threadpool(_submit, config, documents, errors, registry_name, assessment)
    data = json.loads(render.result_json(result))
    if result.exit_code:
        return JSONResponse(data, 422)
    stored = any(outcome.status == "stored" for outcome in result.outcomes)
    return JSONResponse(
        data, 201 if stored else 200, headers={"Location": _location(registry_name)}
    )


def _listing(knowledge: KnowledgeBase, name: str | None) -> list[dict[str, Any]]:
    store = knowledge.current()
    entries = read_entries(store)
    if name is not None:
        if name not in entries:
            raise ServiceError(404, "no-such-submission", f"no submission named {name!r}")
        entries = {name: entries[name]}
    listing: list[dict[str, Any]] = json.loads(
        render.listing_json(
            [Listed(entry, categories(store, key)) for key, entry in entries.items()]
        )
    )
    return listing


def _path_name(name: str) -> str:
    try:
        return check_name(name)
    except InputError as error:
        raise ServiceError(400, "bad-name", str(error)) from None


@router.get("/submissions", summary="The registry (the JSON of `aiact-kg registry`)")
async def submissions(request: Request) -> JSONResponse:
    knowledge: KnowledgeBase = request.app.state.knowledge
    return JSONResponse(await run_in_threadpool(_listing, knowledge, None))


@router.get(
    "/submissions/{name:path}",
    summary="One stored submission: its record and the categories of its subjects",
    responses={404: {"description": "no submission has this name"}},
)
async def submission(request: Request, name: str) -> JSONResponse:
    knowledge: KnowledgeBase = request.app.state.knowledge
    listed = await run_in_threadpool(_listing, knowledge, _path_name(name))
    return JSONResponse(listed[0])


def _withdraw(config: ServiceConfig, name: str) -> dict[str, Any]:
    try:
        withdrawal = withdraw(config.store_path, name, wait_seconds=config.write_wait)
    except StoreLockedError as error:
        raise writer_busy(error) from None
    except RegistryError as error:
        raise ServiceError(404, "no-such-submission", str(error)) from None
    entry = withdrawal.entry
    return {"withdrawn": entry.name, "file": entry.file, "reassessed": list(withdrawal.reassessed)}


@router.delete(
    "/submissions/{name:path}",
    summary="Withdraw a submission (as `aiact-kg withdraw NAME`)",
    responses={
        401: {"description": "no bearer token"},
        403: {"description": "a wrong bearer token, or the service is read-only"},
        404: {"description": "no submission has this name"},
        503: {"description": "another writer holds the store; retry after Retry-After"},
    },
)
async def withdraw_submission(request: Request, name: str) -> JSONResponse:
    require_token(request, "withdrawals")
    config: ServiceConfig = request.app.state.config
    data = await run_in_threadpool(_withdraw, config, _path_name(name))
    return JSONResponse(data)
