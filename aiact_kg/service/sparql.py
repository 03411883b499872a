"""The SPARQL 1.1 Protocol at ``/sparql`` and Graph Store Protocol reads at ``/graph``.

Queries (GET ``?query=``, POST form, POST ``application/sparql-query``) run in a killable
worker process within the configured time and result limits (:mod:`aiact_kg.store.bounded`),
in a thread of the server's pool so that a slow query never holds up the others. The default
graph is the union of all the store's named graphs unless the request or the query names a
dataset (``default-graph-uri``/``named-graph-uri``, which take precedence, or ``FROM``/``FROM
NAMED``). Our standard prefixes (``aia:``, ``aiap:``, ...) are declared for every query.
Updates (POST form ``update=``, POST ``application/sparql-update``) need the operator's bearer
token; each runs on a copy of the active version and is published as a new version only if it
changed nothing but the operator's own graphs (:mod:`aiact_kg.registry.update`).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response
from pyoxigraph import BlankNode, NamedNode, QueryResultsFormat, RdfFormat, Triple
from starlette.concurrency import run_in_threadpool

from aiact_kg.errors import AiactKgError, QueryError, StoreError
from aiact_kg.namespaces import PREFIXES
from aiact_kg.registry.update import UpdateRefusedError, UpdateReport
from aiact_kg.registry.update_worker import UpdateTimeoutError, run_update
from aiact_kg.render.query import rdf_xml_can_write, xml_can_carry
from aiact_kg.render.query_documents import boolean_document, graph_document, solutions_document
from aiact_kg.service.auth import require_token
from aiact_kg.service.config import ServiceConfig
from aiact_kg.service.knowledge import KnowledgeBase
from aiact_kg.service.limits import ServiceError, check_charset
from aiact_kg.service.negotiation import (
    GRAPHS,
    SOLUTIONS,
    GraphOffer,
    Offer,
    SolutionsOffer,
    choose,
    offered,
)
from aiact_kg.service.parameters import known_query_parameters
from aiact_kg.store.base import Term
from aiact_kg.store.bounded import (
    DEFAULT_MAX_MEMORY_MB,
    QueryMemoryError,
    QueryTimeoutError,
    bounded_query,
)
from aiact_kg.store.locking import StoreLockedError
from aiact_kg.store.remote import check_query
from aiact_kg.store.spare_workers import SpareWorkers
from aiact_kg.submission.encoding import text_problem

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
GRAPH_FORMS = frozenset({"CONSTRUCT", "DESCRIBE"})

router = APIRouter()


@dataclass(frozen=True)
class ProtocolRequest:
    """What a protocol request asks: a query or an update, and the dataset it names."""

    query: str | None
    update: str | None
    default_graphs: tuple[str, ...] | None
    named_graphs: tuple[str, ...] | None


class Activity:
    """The queries running now, at most ``capacity`` at once (shown at ``/health``).

    A query beyond the capacity is refused at once with 503 rather than queued, so a burst of
    slow queries cannot hold up the ones that come after it for longer than the time limit.
    """

    def __init__(self, capacity: int) -> None:
        self._lock = threading.Lock()
        self.capacity = capacity
        self.running = 0

    def __enter__(self) -> None:
        with self._lock:
            if self.running >= self.capacity:
                raise ServiceError(
                    503,
                    "busy",
                    f"{self.running} queries are running, the service's limit "
                    "(--max-queries); try again shortly",
                    {"Retry-After": "1"},
                )
            self.running += 1

    def __exit__(self, *_: object) -> None:
        with self._lock:
            self.running -= 1


def bad_request(message: str) -> ServiceError:
    return ServiceError(400, "bad-request", message)


def _one(parameters: Mapping[str, list[str]], name: str) -> str | None:
    values = parameters.get(name, [])
    if len(values) > 1:
        raise bad_request(f"the parameter {name!r} is given {len(values)} times; give it once")
    return values[0] if values else None


def _graphs(parameters: Mapping[str, list[str]], name: str) -> tuple[str, ...] | None:
    values = parameters.get(name)
    if values is None:
        return None
    for value in values:
        try:
            NamedNode(value)
        except ValueError:
            raise bad_request(f"{name} {value!r} is not an absolute IRI") from None
    return tuple(values)


def _text(body: bytes, what: str) -> str:
    problem = text_problem(body)
    if problem is not None:
        raise bad_request(f"the {what} is not a SPARQL text: {problem}")
    return body.decode("utf-8")


def _parameters(text: str, what: str) -> dict[str, list[str]]:
    """The parameters of a URL's query or a form; a percent-escape that is no UTF-8 is refused
    (decoded with replacement characters, the query would silently run as another text)."""
    try:
        return parse_qs(text, keep_blank_values=True, errors="strict")
    except UnicodeDecodeError as error:
        raise bad_request(
            f"the {what} holds a percent-escaped byte sequence that is not UTF-8 text "
            f"({error.object[error.start : error.end]!r}); escape the UTF-8 bytes of each character"
        ) from None


async def _protocol_request(request: Request) -> ProtocolRequest:
    """Read the query or update and the dataset from any of the protocol's request forms."""
    url = _parameters(request.url.query, "URL's query string")  # other parameters are ignored
    if request.method in ("GET", "HEAD"):
        if "update" in url:
            raise bad_request("a SPARQL update must be sent with POST, not GET")
        query, update, parameters = _one(url, "query"), None, url
        if query is None:
            raise bad_request(
                "give the SPARQL query in the 'query' parameter (without any parameter, "
                "GET /sparql describes the service)"
            )
    else:
        declared = request.headers.get("content-type", "")
        check_charset(declared)
        media = declared.split(";")[0].strip().lower()
        if media == UPDATE:  # refused before its body is read (a withheld body waited 30 s)
            require_token(request, "SPARQL updates")
        body = await request.body()
        if media == FORM:
            parameters = _parameters(_text(body, "form"), "form")
            query, update = _one(parameters, "query"), _one(parameters, "update")
            if (query is None) == (update is None):
                raise bad_request("the form must have exactly one of 'query' and 'update'")
        elif media in (QUERY, UPDATE):
            parameters = url
            text = _text(body, "query" if media == QUERY else "update")
            query, update = (text, None) if media == QUERY else (None, text)
        else:
            raise ServiceError(
                415,
                "unsupported-media-type",
                f"POST to /sparql takes {FORM}, {QUERY} or {UPDATE}, not "
                f"{media or 'a body without a Content-Type'}",
            )
    return ProtocolRequest(
        query,
        update,
        _graphs(parameters, "default-graph-uri"),
        _graphs(parameters, "named-graph-uri"),
    )


def service_description(endpoint: str, federated: bool, updates: bool = False) -> list[Triple]:
    """The endpoint described in the SPARQL 1.1 Service Description vocabulary
    (``federated``: SERVICE may reach some allowlisted endpoint; ``updates``: a token is set,
    so SPARQL updates are accepted from its holder)."""
    sd = "http://www.w3.org/ns/sparql-service-description#"
    formats = "http://www.w3.org/ns/formats/"
    service, a = BlankNode("service"), NamedNode(RDF_TYPE)

    def term(name: str) -> NamedNode:
        return NamedNode(sd + name)

    triples = [
        Triple(service, a, term("Service")),
        Triple(service, term("endpoint"), NamedNode(endpoint)),
        Triple(service, term("supportedLanguage"), term("SPARQL11Query")),
        Triple(service, term("feature"), term("UnionDefaultGraph")),
    ]
    if updates:
        triples.append(Triple(service, term("supportedLanguage"), term("SPARQL11Update")))
    if federated:
        triples.append(Triple(service, term("feature"), term("BasicFederatedQuery")))
    for name in ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV"):
        triples.append(Triple(service, term("resultFormat"), NamedNode(formats + name)))
    for name in ("SPARQL_Results_TSV", "Turtle", "N-Triples", "JSON-LD", "RDF_XML"):
        triples.append(Triple(service, term("resultFormat"), NamedNode(formats + name)))
    return triples


def _checked_form(config: ServiceConfig, query: str) -> str:
    """The form of a read-only query; refuse updates and SERVICE outside the allowlist."""
    try:
        check = check_query(query, config.allowed_services, PREFIXES)
    except QueryError as error:
        message = str(error)
        if message.startswith(("SERVICE ", "LOAD ")):
            raise ServiceError(403, "service-refused", message) from None
        raise bad_request(message) from None
    form = check.form
    if form not in ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE"):
        # not a query form: let the parser say where and why
        form = "SELECT"
    return form


def _offer(form: str, accept: str | None) -> Offer:
    offers: Sequence[Offer] = GRAPHS if form in GRAPH_FORMS else SOLUTIONS
    chosen = choose(accept, offers)
    if chosen is None:
        kind = "graph" if form in GRAPH_FORMS else "results"
        raise ServiceError(
            406,
            "not-acceptable",
            f"a {form} query's {kind} can be sent as {offered(offers)}; the Accept header "
            f"({accept}) allows none of them",
        )
    return chosen


@dataclass(frozen=True)
class Outcome:
    """A complete query result: its form (``select``, ``ask``, ``triples``) and content."""

    form: str
    variables: tuple[str, ...]
    rows: list[tuple[Term | Triple | None, ...]]
    boolean: bool | None


def execute(
    config: ServiceConfig,
    knowledge: KnowledgeBase,
    query: str,
    default_graphs: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
    spares: SpareWorkers | None = None,
) -> Outcome:
    """Run ``query`` within the limits (blocking: call it in a worker thread), in one of the
    ``spares`` if one is ready."""
    limits = config.limits
    store, database = knowledge.database()
    try:
        with bounded_query(
            database,
            query,
            limits,
            allowed_services=config.allowed_services,
            prefixes=PREFIXES,
            source="the request",
            default_graphs=default_graphs,
            named_graphs=named_graphs,
            spares=spares,
        ) as result:
            rows = _collected(result, limits.max_memory_mb or DEFAULT_MAX_MEMORY_MB)
    except QueryTimeoutError:
        raise ServiceError(
            503,
            "timeout",
            f"the query ran for more than {limits.timeout:g} seconds, the service's limit, "
            "and was stopped; add a LIMIT or narrow its patterns",
        ) from None
    except QueryMemoryError:
        raise ServiceError(
            503,
            "memory",
            f"the query needed more than {limits.max_memory_mb} MiB of memory, the service's "
            "limit, and was stopped; add a LIMIT or narrow its patterns",
        ) from None
    except StoreError as error:
        raise ServiceError(503, "store-unavailable", str(error)) from None
    except QueryError as error:
        raise bad_request(str(error)) from None
    except AiactKgError as error:
        raise ServiceError(500, "query-failed", str(error)) from None
    finally:
        del store  # the version stays pinned until here
    if result.truncated:
        what = "triples" if result.form == "triples" else "rows"
        raise ServiceError(
            413,
            "result-too-large",
            f"the result has more than {limits.max_rows} {what}, the service's limit; add a "
            "LIMIT (and OFFSET to page through it) or narrow the query",
        )
    return Outcome(result.form, result.variables, rows, result.boolean)


#: bytes per term counted beside its text: the service holds every row, then the document
_TERM_OVERHEAD = 64


def _collected(
    rows: Iterable[tuple[Term | Triple | None, ...]], max_memory_mb: int
) -> list[tuple[Term | Triple | None, ...]]:
    """The rows, refused once their text passes a quarter of the query memory limit: the
    service holds them and the document made from them (an outside check saw one query of a
    long literal times 2,000 rows take the service from 1.7 to 4.0 GB)."""
    budget, used = max_memory_mb * (1 << 20) // 4, 0
    collected = []
    for row in rows:
        used += sum(_TERM_OVERHEAD + len(str(term)) for term in row)
        if used > budget:
            raise ServiceError(
                413,
                "result-too-large",
                f"the result is larger than {budget >> 20} MiB, the service's limit (a quarter "
                "of --max-query-memory); add a LIMIT, or select shorter values",
            )
        collected.append(row)
    return collected


def render(outcome: Outcome, offer: Offer) -> bytes:
    """The result as a document in the negotiated format."""
    if (isinstance(offer, GraphOffer) and offer.rdf_format == RdfFormat.RDF_XML) or (
        isinstance(offer, SolutionsOffer) and offer.results_format == QueryResultsFormat.XML
    ):
        try:
            for row in outcome.rows:
                xml_can_carry(row)
            if isinstance(offer, GraphOffer):
                rdf_xml_can_write(outcome.rows)
        except QueryError as error:
            raise ServiceError(406, "not-acceptable", str(error)) from None
    if isinstance(offer, GraphOffer):
        triples = [Triple(*row) for row in outcome.rows]  # type: ignore[arg-type]
        return graph_document(triples, offer.rdf_format)
    assert isinstance(offer, SolutionsOffer)
    if outcome.form == "ask":
        return boolean_document(bool(outcome.boolean), offer.results_format)
    return solutions_document(outcome.variables, outcome.rows, offer.results_format)


def answer(
    config: ServiceConfig,
    knowledge: KnowledgeBase,
    query: str,
    offer: Offer,
    default_graphs: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
    spares: SpareWorkers | None = None,
) -> bytes:
    """Run and write (blocking)."""
    outcome = execute(config, knowledge, query, default_graphs, named_graphs, spares)
    return render(outcome, offer)


def apply(config: ServiceConfig, update: str) -> UpdateReport:
    """Apply an update to the store as a new version (blocking: call it in a worker thread)."""
    try:
        return run_update(
            config.store_path,
            update,
            allowed_services=config.allowed_services,
            wait_seconds=config.write_wait,
            timeout=config.limits.timeout,
        )
    except UpdateTimeoutError as error:
        raise ServiceError(503, "timeout", str(error)) from None
    except QueryError as error:
        message = str(error)
        if message.startswith(("SERVICE ", "LOAD ")):
            raise ServiceError(403, "service-refused", message) from None
        raise bad_request(message) from None
    except UpdateRefusedError as error:
        raise ServiceError(403, "protected-graph", str(error)) from None
    except StoreLockedError as error:
        raise writer_busy(error) from None


def writer_busy(error: StoreLockedError) -> ServiceError:
    return ServiceError(
        503,
        "busy",
        f"{error}. Nothing was changed; try again shortly",
        {"Retry-After": "5"},
    )


async def _update(request: Request, update: str) -> Response:
    require_token(request, "SPARQL updates")
    config: ServiceConfig = request.app.state.config
    report = await run_in_threadpool(apply, config, update)
    changed = None if report.changed is None else list(report.changed)
    return JSONResponse(
        {"version": report.version, "changed_graphs": changed, "quads": report.quads}
    )


_SPARQL_DOC = {
    "parameters": [
        {"name": "query", "in": "query", "schema": {"type": "string"}},
        {"name": "default-graph-uri", "in": "query", "schema": {"type": "string"}},
        {"name": "named-graph-uri", "in": "query", "schema": {"type": "string"}},
    ],
    "responses": {
        "200": {
            "description": "SELECT/ASK: SPARQL results (JSON, XML, CSV, TSV); "
            "CONSTRUCT/DESCRIBE: Turtle, N-Triples, JSON-LD or RDF/XML, by Accept; an "
            "update: JSON naming the new version and the graphs it changed",
            "content": {
                media: {} for offer in (*SOLUTIONS, *GRAPHS) for media in offer.media_types[:1]
            },
        },
        "400": {"description": "malformed query or parameters"},
        "401": {"description": "an update without the bearer token"},
        "403": {
            "description": "an update with a wrong token or changing a protected graph, or "
            "SERVICE/LOAD outside the allowlist"
        },
        "406": {"description": "no acceptable result format"},
        "413": {"description": "the body or the result is over the limit"},
        "503": {"description": "the query ran past the time limit, or another writer is busy"},
    },
}
_POST_DOC = {
    **_SPARQL_DOC,
    "requestBody": {
        "content": {
            FORM: {
                "schema": {
                    "type": "object",
                    "properties": {"query": {"type": "string"}, "update": {"type": "string"}},
                }
            },
            QUERY: {"schema": {"type": "string"}},
            UPDATE: {"schema": {"type": "string"}},
        }
    },
}


@router.get("/sparql", summary="SPARQL 1.1 query (GET)", openapi_extra=_SPARQL_DOC)
@router.head("/sparql", include_in_schema=False)  # as GET, without the body (it was 405)
@router.post("/sparql", summary="SPARQL 1.1 query or update (POST)", openapi_extra=_POST_DOC)
async def sparql(request: Request) -> Response:
    """The SPARQL 1.1 Protocol: the default graph is the union of all named graphs.

    A GET without parameters answers with the SPARQL 1.1 Service Description of the endpoint.
    """
    if request.method in ("GET", "HEAD") and not request.url.query:
        offer = _offer("DESCRIBE", request.headers.get("accept"))
        assert isinstance(offer, GraphOffer)
        endpoint = str(request.url.replace(query=None, fragment=None))
        settings: ServiceConfig = request.app.state.config
        described = service_description(
            endpoint, bool(settings.allowed_services), settings.token is not None
        )
        body = graph_document(described, offer.rdf_format)
        return Response(body, media_type=offer.content_type, headers={"Vary": "Accept"})
    config: ServiceConfig = request.app.state.config
    knowledge: KnowledgeBase = request.app.state.knowledge
    protocol = await _protocol_request(request)
    if protocol.update is not None:
        return await _update(request, protocol.update)
    assert protocol.query is not None
    form = _checked_form(config, protocol.query)
    offer = _offer(form, request.headers.get("accept"))
    with request.app.state.activity:
        body = await run_in_threadpool(
            answer,
            config,
            knowledge,
            protocol.query,
            offer,
            protocol.default_graphs,
            protocol.named_graphs,
            request.app.state.spares,
        )
    return Response(body, media_type=offer.content_type, headers={"Vary": "Accept"})


@router.get(
    "/graph",
    # a repeated graph parameter took the last one silently (an outside check): refused, as an
    # unknown one is, like the API's routes
    dependencies=[Depends(known_query_parameters)],
    summary="Graph Store Protocol: read one named graph",
    responses={
        200: {"content": {offer.media_types[0]: {} for offer in GRAPHS}},
        404: {"description": "the store has no graph with this IRI"},
    },
)
async def graph(request: Request, graph: str) -> Response:
    """The triples of the named graph ``graph`` (Turtle, N-Triples, JSON-LD or RDF/XML)."""
    config: ServiceConfig = request.app.state.config
    knowledge: KnowledgeBase = request.app.state.knowledge
    try:
        iri = NamedNode(graph)
    except ValueError:
        raise bad_request(f"graph {graph!r} is not an absolute IRI") from None
    offer = _offer("CONSTRUCT", request.headers.get("accept"))
    assert isinstance(offer, GraphOffer)
    with request.app.state.activity:
        spares = request.app.state.spares
        ask = f"ASK {{ GRAPH {iri} {{ ?s ?p ?o }} }}"
        exists = await run_in_threadpool(execute, config, knowledge, ask, None, None, spares)
        if not exists.boolean:
            raise ServiceError(404, "no-such-graph", f"the store has no graph {iri}")
        body = await run_in_threadpool(
            answer,
            config,
            knowledge,
            f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {iri} {{ ?s ?p ?o }} }}",
            offer,
            None,
            None,
            spares,
        )
    return Response(body, media_type=offer.content_type, headers={"Vary": "Accept"})
