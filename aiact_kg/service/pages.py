"""Subjects and dereferenceable IRIs: ``/subjects/{iri}``, ``/resource?iri=`` and our paths.

- ``GET /subjects/{iri}`` (the IRI percent-encoded) or ``GET /subjects?iri=``: a subject of the
  registry as JSON (the shape of ``assess``, with its submission and explanation chain) or, for
  ``Accept: text/html``, its page.
- ``GET /resource?iri=IRI``: any IRI the store holds, as an HTML page, Turtle, JSON-LD or
  N-Triples (chosen by ``Accept``, or by ``format=``).
- Every IRI we mint, ``https://w3id.org/aiact-kg/<path>``, is answered at ``/<path>`` the same
  way (e.g. ``/reg/2024/1689/art_6.par_2``); ``/ontology`` is the ontology document (its terms
  are hash IRIs), whole in RDF, with an anchor per term in HTML.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pyoxigraph import NamedNode, RdfFormat
from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor, register_url_convertor

from aiact_kg.errors import CitationError, InputError
from aiact_kg.namespaces import (
    ASSESSMENT,
    BASE,
    CHECK,
    CONCEPT,
    DRAFT,
    DUTY_REVIEW,
    GRAPH,
    OBLIGATION,
    ONTOLOGY,
    PROVISION,
    REGISTRY,
    RULE,
    compact,
    graph_iri,
)
from aiact_kg.provision import ProvisionReport, describe_provision
from aiact_kg.render.jsonld import compact_expanded
from aiact_kg.resources import full_jsonld_context_file, jsonld_context_file
from aiact_kg.service.api import assessment_options
from aiact_kg.service.describe import Description, describe, ontology_terms, parse_iri, rdf
from aiact_kg.service.knowledge import KnowledgeBase
from aiact_kg.service.limits import ServiceError
from aiact_kg.service.model_timeline import model_timeline, provision_iris
from aiact_kg.service.negotiation import Offer, choose, offered
from aiact_kg.service.parameters import known_query_parameters
from aiact_kg.service.subjects import UnknownSubjectError, describe_subject, submissions_of
from aiact_kg.service.templates import render


class _AnyText(Convertor[str]):
    """A path parameter that takes anything, line breaks included (``path`` stops at them), so
    that a subject IRI with a line break is refused as an IRI (400), not as a route (404)."""

    regex = r"[\s\S]*"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("anytext", _AnyText())
router = APIRouter()

#: the namespaces whose IRIs are answered at ``/<path>`` (the ontology's at ``/ontology``)
MINTED = (
    *(PROVISION, CONCEPT, OBLIGATION, DRAFT, GRAPH, RULE),
    *(ASSESSMENT, REGISTRY, CHECK, DUTY_REVIEW),
)
ONTOLOGY_DOCUMENT = ONTOLOGY.rstrip("#")
READ = ["GET", "HEAD"]  # linked-data clients check a link with HEAD


@dataclass(frozen=True)
class PageOffer(Offer):
    name: str  # the value of ``format=`` that asks for it
    rdf_format: RdfFormat | None = None


HTML = PageOffer(("text/html", "application/xhtml+xml"), "text/html; charset=utf-8", "html")
TURTLE = PageOffer(
    ("text/turtle", "application/x-turtle"), "text/turtle", "turtle", RdfFormat.TURTLE
)
JSON_LD = PageOffer(("application/ld+json",), "application/ld+json", "jsonld", RdfFormat.JSON_LD)
N_TRIPLES = PageOffer(
    ("application/n-triples",), "application/n-triples", "ntriples", RdfFormat.N_TRIPLES
)
JSON = PageOffer(("application/json",), "application/json", "json")
#: a resource: Turtle for a client that accepts anything; a browser asks for HTML first
RESOURCE_OFFERS = (TURTLE, HTML, JSON_LD, N_TRIPLES)
SUBJECT_OFFERS = (JSON, HTML)


def _chosen(request: Request, offers: Sequence[PageOffer], asked: str | None) -> PageOffer:
    if asked is not None:
        for offer in offers:
            if offer.name == asked:
                return offer
        names = ", ".join(offer.name for offer in offers)
        raise ServiceError(400, "bad-request", f"format={asked!r} is not one of: {names}")
    chosen = choose(request.headers.get("accept"), offers)
    if chosen is None:
        raise ServiceError(
            406,
            "not-acceptable",
            f"this resource is offered as {offered(offers)}; none is acceptable to the "
            "request's Accept header",
        )
    return chosen


def _iri(text: str | None, what: str = "iri") -> NamedNode:
    try:
        return parse_iri(text, what)
    except InputError as error:
        raise ServiceError(400, "bad-request", str(error)) from None


def _knowledge(request: Request) -> KnowledgeBase:
    knowledge: KnowledgeBase = request.app.state.knowledge
    return knowledge


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def _links(request: Request) -> dict[str, Callable[..., str]]:
    root = _root(request)
    return {
        "resource_href": lambda iri: f"{root}/resource?iri={quote(iri, safe='')}",
        "subject_href": lambda iri: f"{root}/subjects/{quote(iri, safe='')}",
        "graph_href": lambda iri: f"{root}/graph?graph={quote(iri, safe='')}",
        "compact": compact,
    }


def _page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = render(template, root=_root(request), **_links(request), **context)
    return HTMLResponse(html, status, headers={"Vary": "Accept"})


# --- subjects ---------------------------------------------------------------------------


def _timeline_context(knowledge: KnowledgeBase, data: dict[str, Any]) -> dict[str, Any]:
    """What a page shows of a timeline: the timeline and the IRIs of the provisions it cites."""
    return {"timeline": data, "provision_iris": provision_iris(knowledge.current(), data)}


async def timeline_page(request: Request, data: dict[str, Any]) -> HTMLResponse:
    """The page of ``GET /timeline`` for a client that asks for HTML."""
    knowledge = _knowledge(request)
    context = await run_in_threadpool(_timeline_context, knowledge, data)
    return _page(request, "timeline.html", **context)


def _model_timeline(knowledge: KnowledgeBase, model: str, as_of: str | None) -> dict[str, Any]:
    """The timeline section of a model's page: the timeline on ``as_of`` (default today), or the
    reason there is none."""
    try:
        data = model_timeline(knowledge, model, assessment_options(as_of, None))
    except ServiceError as error:
        return {"timeline": None, "timeline_problem": error.message}
    return {**_timeline_context(knowledge, data), "timeline_problem": None}


async def _subject(
    request: Request,
    text: str | None,
    name: str | None,
    fmt: str | None,
    as_of: str | None = None,
) -> Any:
    offer = _chosen(request, SUBJECT_OFFERS, fmt)
    iri = _iri(text, "subject IRI")
    knowledge = _knowledge(request)
    try:
        data = await run_in_threadpool(
            lambda: describe_subject(knowledge.current(), iri.value, name)
        )
    except UnknownSubjectError as error:
        raise ServiceError(404, "no-such-subject", str(error)) from None
    if offer is HTML:
        timeline: dict[str, Any] = {"timeline": None, "timeline_problem": None}
        if "gpai" in data.get("categories", ()):
            timeline = await run_in_threadpool(_model_timeline, knowledge, iri.value, as_of)
        return _page(request, "subject.html", subject=data, **timeline)
    return JSONResponse(data, headers={"Vary": "Accept"})


_SUBJECT_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "the subject as `assess --format json` reports it, with its "
        "`submission`, `law` and `explanation` (determination, facts, rule, provision text); "
        "`text/html` gives its page",
        "content": {"application/json": {}, "text/html": {}},
    },
    400: {"description": "not an absolute IRI (or longer than 2048 characters)"},
    404: {"description": "no stored assessment concludes anything about this IRI"},
    406: {"description": "neither JSON nor HTML is acceptable"},
}
Submission = Annotated[
    str | None,
    Query(description="the registry name of the submission to show, when several describe it"),
]
Format = Annotated[str | None, Query(alias="format", description="override Accept")]
AsOf = Annotated[
    str | None,
    Query(description="date of the procedure timeline on a model's page (default today)"),
]


@router.api_route(
    "/subjects",
    methods=READ,
    summary="A subject of the registry (IRI as a parameter)",
    responses=_SUBJECT_DOC,
)
async def subject_by_parameter(
    request: Request,
    iri: Annotated[str | None, Query(description="the subject's IRI")] = None,
    submission: Submission = None,
    fmt: Format = None,
    as_of: AsOf = None,
) -> Any:
    return await _subject(request, iri, submission, fmt, as_of)


@router.api_route(
    "/subjects/{iri:anytext}",
    methods=READ,
    summary="A subject of the registry: categories, obligations, explanation",
    responses=_SUBJECT_DOC,
)
async def subject(
    request: Request,
    iri: str,
    submission: Submission = None,
    fmt: Format = None,
    as_of: AsOf = None,
) -> Any:
    """``iri`` percent-encoded (``https%3A%2F%2Fexample.org%2Fsystem``)."""
    return await _subject(request, iri, submission, fmt, as_of)


# --- resources --------------------------------------------------------------------------


@dataclass(frozen=True)
class ResourcePage:
    description: Description
    provision: ProvisionReport | None
    subject_in_registry: bool


def _provision(store: Any, description: Description) -> ProvisionReport | None:
    if not description.iri.startswith(PROVISION):
        return None
    citations = description.values(ONTOLOGY + "citation")
    if not citations:
        return None
    try:
        report = describe_provision(store, citations[0].value)
    except CitationError:
        return None
    return report if report.iri == description.iri else None


def _lookup(store: Any, iri: NamedNode) -> ResourcePage:
    description = describe(store, iri)
    subject = not iri.value.startswith(BASE) and bool(submissions_of(store, iri.value))
    return ResourcePage(description, _provision(store, description), subject)


async def _resource(request: Request, text: str | None, fmt: str | None) -> Response:
    offer = _chosen(request, RESOURCE_OFFERS, fmt)
    iri = _iri(text)
    if iri.value == ONTOLOGY_DOCUMENT:
        return await _ontology(request, offer)
    knowledge = _knowledge(request)
    found = await run_in_threadpool(lambda: _lookup(knowledge.current(), iri))
    if not found.description.held:
        raise ServiceError(404, "not-found", f"the store holds no statement about <{iri.value}>")
    headers = {"Vary": "Accept"}
    if found.description.truncated:
        headers["X-Description-Truncated"] = "true"
    if offer.rdf_format is None:
        return _page(
            request,
            "resource.html",
            page=found,
            description=found.description,
            provision=found.provision,
            formats=RESOURCE_OFFERS,
        )
    body = rdf(found.description.triples(), offer.rdf_format)
    return Response(body, media_type=offer.content_type, headers=headers)


async def _ontology(request: Request, offer: PageOffer) -> Response:
    knowledge = _knowledge(request)
    graph = graph_iri("ontology")
    rdf_format = offer.rdf_format
    if rdf_format is not None:
        body = await run_in_threadpool(lambda: knowledge.current().export(rdf_format, graph))
        if rdf_format == RdfFormat.JSON_LD:
            body = compact_expanded(body)
        return Response(body, media_type=offer.content_type, headers={"Vary": "Accept"})

    def look() -> tuple[Description, list[Any]]:
        store = knowledge.current()
        return describe(store, NamedNode(ONTOLOGY_DOCUMENT)), ontology_terms(store, graph)

    description, terms = await run_in_threadpool(look)
    return _page(
        request, "ontology.html", description=description, terms=terms, formats=RESOURCE_OFFERS
    )


_RESOURCE_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "description": "the resource: an HTML page, or its description (the statements about "
        "it, blank nodes followed, at most 1000) in RDF",
        "content": {offer.media_types[0]: {} for offer in RESOURCE_OFFERS},
    },
    400: {"description": "not an absolute IRI (or longer than 2048 characters)"},
    404: {"description": "the store holds no statement about this IRI"},
    406: {"description": "no offered format is acceptable"},
}


@router.api_route(
    "/resource",
    methods=READ,
    summary="Any IRI of the store, by content negotiation",
    responses=_RESOURCE_DOC,
    # a repeated iri was read as its last value (an outside check): refused, as elsewhere
    dependencies=[Depends(known_query_parameters)],
)
async def resource(
    request: Request,
    iri: Annotated[str | None, Query(description="the IRI to describe")] = None,
    fmt: Annotated[
        str | None, Query(alias="format", description="html, turtle, jsonld or ntriples")
    ] = None,
) -> Response:
    return await _resource(request, iri, fmt)


@router.api_route(
    "/ontology",
    methods=READ,
    summary="The ontology document (its terms are hash IRIs)",
    responses=_RESOURCE_DOC,
)
async def ontology(request: Request, fmt: Format = None) -> Response:
    return await _ontology(request, _chosen(request, RESOURCE_OFFERS, fmt))


# --- JSON-LD contexts ----------------------------------------------------------------------

#: our published contexts, answered at their w3id paths
CONTEXTS = {
    "/context.jsonld": jsonld_context_file,
    "/context/full.jsonld": full_jsonld_context_file,
}


def _context_route(path: str, file: Callable[[], Path]) -> None:
    async def context(request: Request) -> Response:
        body = await run_in_threadpool(file().read_bytes)
        return Response(body, media_type="application/ld+json")

    router.add_api_route(
        path,
        context,
        methods=READ,
        summary=f"The JSON-LD context published as https://w3id.org/aiact-kg{path}",
        name=f"context-{path.strip('/').replace('/', '-')}",
    )


for _path, _file in CONTEXTS.items():
    _context_route(_path, _file)


def _minted_route(namespace: str) -> None:
    path = namespace[len(BASE) :]

    async def minted(request: Request, rest: str, fmt: Format = None) -> Response:
        return await _resource(request, namespace + rest, fmt)

    router.add_api_route(
        f"/{path}{{rest:path}}",
        minted,
        methods=READ,
        summary=f"An IRI {namespace}…, dereferenced",
        responses=_RESOURCE_DOC,
        name=f"minted-{path.strip('/').replace('/', '-')}",
    )


for _namespace in MINTED:
    _minted_route(_namespace)
