"""The HTTP API: ``POST /validate``, ``POST /assess``, ``GET /provisions/{citation}`` and the
JSON Schemas of the results at ``GET /schemas/{name}.schema.json``.

Each answers with exactly the JSON of the matching command (``aiact-kg validate --format
json``, ``aiact-kg assess --format json``, ``aiact-kg provision --format json``), written by
the same typed result models (:mod:`aiact_kg.results`), which OpenAPI names as the responses.
``/validate`` and ``/assess`` are stateless: the body is one RDF document in the format its
``Content-Type`` names; nothing is stored. Assessments run one at a time in a worker thread
(the validation and rule libraries are not made for concurrent use), so they never hold up
SPARQL queries.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pyoxigraph import RdfFormat
from starlette.concurrency import run_in_threadpool

from aiact_kg.assessment import shared_assessor
from aiact_kg.errors import CitationError, InputError
from aiact_kg.provision import describe_provision
from aiact_kg.reasoning.dpv_output import dpv_turtle
from aiact_kg.reasoning.engine import AssessmentOptions, parse_day
from aiact_kg.render.assessment import assessment_json
from aiact_kg.render.provision import provision_json
from aiact_kg.render.validation import render_json
from aiact_kg.results.assessment import AssessmentResult
from aiact_kg.results.provision import ProvisionResult
from aiact_kg.results.schemas import MODELS, json_schema
from aiact_kg.results.validation import ValidationResult
from aiact_kg.service.config import ServiceConfig
from aiact_kg.service.knowledge import KnowledgeBase
from aiact_kg.service.limits import ServiceError, check_charset
from aiact_kg.service.negotiation import Offer, choose
from aiact_kg.service.parameters import known_query_parameters
from aiact_kg.service.serial import SerialGate
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.reading import InputDocument, read_rdf_bytes
from aiact_kg.submission.validation import SubmissionValidator

router = APIRouter(dependencies=[Depends(known_query_parameters)])
serial = SerialGate()

#: media type -> format of a submitted document
DOCUMENT_TYPES = {
    "text/turtle": RdfFormat.TURTLE,
    "application/x-turtle": RdfFormat.TURTLE,
    "application/n-triples": RdfFormat.N_TRIPLES,
    "application/n-quads": RdfFormat.N_QUADS,
    "application/trig": RdfFormat.TRIG,
    "application/ld+json": RdfFormat.JSON_LD,
    "application/rdf+xml": RdfFormat.RDF_XML,
}
DOCUMENT_BODY = {
    "requestBody": {
        "required": True,
        "description": "one description of AI systems or models, in the format named by "
        "Content-Type",
        "content": {media: {"schema": {"type": "string"}} for media in DOCUMENT_TYPES},
    }
}
Name = Annotated[
    str,
    Query(
        description="the document's file name: shown in the report and used as the base of "
        "its relative IRIs (as the command line uses the file's name)",
        max_length=200,
    ),
]


def _document_format(request: Request) -> RdfFormat:
    declared = request.headers.get("content-type", "")
    check_charset(declared)
    media = declared.split(";")[0].strip().lower()
    chosen = DOCUMENT_TYPES.get(media)
    if chosen is None:
        raise ServiceError(
            415,
            "unsupported-media-type",
            "send the document with one of these Content-Types: " + ", ".join(DOCUMENT_TYPES),
        )
    return chosen


async def read_document(
    request: Request, name: str
) -> tuple[list[InputDocument], list[InputFormatError]]:
    config: ServiceConfig = request.app.state.config
    rdf_format = _document_format(request)
    data = await request.body()

    def read() -> InputDocument:
        return read_rdf_bytes(
            data, name=name, rdf_format=rdf_format, max_bytes=config.max_body_bytes
        )

    try:  # in a worker thread: a document slow to parse must not hold up the other requests
        document = await run_in_threadpool(read)
    except InputFormatError as error:
        return [], [error]
    return [document], []


def assessment_options(as_of: str | None, law: str | None) -> AssessmentOptions:
    day = date.today()
    if as_of is not None:  # an empty as_of= is refused, not read as today
        try:
            day = parse_day(as_of)
        except ValueError:
            raise ServiceError(
                400, "bad-request", f"as_of takes a date as YYYY-MM-DD, not {as_of!r}"
            ) from None
    try:
        return AssessmentOptions(as_of=day, law=law)
    except InputError as error:
        raise ServiceError(400, "bad-request", str(error)) from None


def _json(text: str, status: int) -> Response:
    return Response(text, status, media_type="application/json")


def _validate(documents: list[InputDocument], errors: list[InputFormatError]) -> Response:
    """Validate in a worker thread, and write the JSON there too (not on the event loop)."""
    with serial.held():
        report = SubmissionValidator().validate(documents, errors)
    return _json(render_json(report, indent=None), 422 if report.unreadable else 200)


@router.post(
    "/validate",
    summary="Validate a description (the JSON of `aiact-kg validate --format json`)",
    openapi_extra=DOCUMENT_BODY,
    response_model=ValidationResult,
    responses={
        200: {"description": "the document was read; `conforms` says whether it is valid"},
        415: {"description": "a Content-Type we do not read"},
        422: {
            "description": "the document could not be read (see `unreadable`)",
            "model": ValidationResult,
        },
    },
)
async def validate(request: Request, name: Name = "request") -> Response:
    serial.check_room()
    documents, errors = await read_document(request, name)
    return await run_in_threadpool(_validate, documents, errors)


#: what ``POST /assess`` writes when ``format`` is not given: JSON first, DPV/AIRO Turtle on
#: ``Accept: text/turtle`` (an Accept allowing neither gets the JSON, which also carries errors)
ASSESS_OFFERS = (
    Offer(("application/json",), "application/json"),
    Offer(("text/turtle",), "text/turtle; charset=utf-8"),
)


def _assess_format(requested: str | None, accept: str | None) -> str:
    if requested is not None:
        return requested
    chosen = choose(accept, ASSESS_OFFERS)
    return "dpv" if chosen is ASSESS_OFFERS[1] else "json"


def _assess(
    documents: list[InputDocument],
    errors: list[InputFormatError],
    options: AssessmentOptions,
    result_format: str = "json",
) -> Response:
    """Assess in a worker thread, and write the result there too (not on the event loop)."""
    with serial.held():
        validation = SubmissionValidator().validate(documents, errors)  # the engine set now
        report = shared_assessor().assess(documents, options, validation=validation)
    result = report.result
    status = 200 if result.valid and not result.unreadable else 422
    if result_format == "dpv" and status == 200:
        return Response(
            dpv_turtle(report.data),
            200,
            media_type="text/turtle; charset=utf-8",
            headers={"Vary": "Accept"},
        )
    response = _json(assessment_json(result, indent=None), status)
    response.headers["Vary"] = "Accept"
    return response


@router.post(
    "/assess",
    summary="Assess a description (the JSON of `aiact-kg assess --format json`)",
    openapi_extra=DOCUMENT_BODY,
    response_model=AssessmentResult,
    responses={
        200: {
            "description": "assessed: categories and obligations per subject (JSON, or DPV/AIRO "
            "Turtle with format=dpv or Accept: text/turtle)",
            "content": {"text/turtle": {}},
        },
        415: {"description": "a Content-Type we do not read"},
        422: {
            "description": "not assessed: the document has violations or is unreadable",
            "model": AssessmentResult,
        },
    },
)
async def assess(
    request: Request,
    name: Name = "request",
    as_of: Annotated[
        str | None, Query(description="date of the assessment, YYYY-MM-DD (default today)")
    ] = None,
    law: Annotated[
        str | None,
        Query(description="as-published or as-amended (default: the version in force)"),
    ] = None,
    format: Annotated[
        Literal["json", "dpv"] | None,
        Query(
            description="dpv: the results as Turtle in W3C DPV eu-aiact and AIRO terms; "
            "without it, Accept chooses (text/turtle: dpv; otherwise json)"
        ),
    ] = None,
) -> Response:
    options = assessment_options(as_of, law)
    result_format = _assess_format(format, request.headers.get("accept"))
    serial.check_room()
    documents, errors = await read_document(request, name)
    return await run_in_threadpool(_assess, documents, errors, options, result_format)


@router.get(
    "/provisions/{citation}",
    summary="A provision with its context (the JSON of `aiact-kg provision --format json`)",
    response_model=ProvisionResult,
    responses={404: {"description": "no provision has this citation"}},
)
async def provision(request: Request, citation: str) -> Response:
    """``citation`` as the command takes it: ``Art 6(3)``, ``Annex III point 4(a)``, ..."""
    knowledge: KnowledgeBase = request.app.state.knowledge

    def describe() -> str:
        return provision_json(describe_provision(knowledge.current(), citation), indent=None)

    try:
        text = await run_in_threadpool(describe)
    except CitationError as error:
        raise ServiceError(404, "no-such-provision", str(error)) from None
    return _json(text, 200)


@router.get(
    "/schemas/{name}.schema.json",
    summary="The JSON Schema of a result (" + ", ".join(MODELS) + "), as in docs/schemas/",
    responses={404: {"description": "no result has this name"}},
)
async def schema(name: str) -> JSONResponse:
    if name not in MODELS:
        raise ServiceError(
            404, "no-such-schema", f"no schema {name!r}; there are: " + ", ".join(MODELS)
        )
    return JSONResponse(json_schema(name), media_type="application/schema+json")
