"""The analyst's workbench at ``/``, the query catalogue as JSON, and ``/docs`` offline.

The page (``static/workbench/``) is a YASGUI editor on the service's own ``/sparql`` with the
competency questions of ``queries/cq/`` to pick, edit and run, downloads in every format the
endpoint writes, and a form that posts a description to ``/assess``. Its browser libraries
(YASGUI, Swagger UI) are vendored under ``static/vendor/`` by ``scripts/vendor_web_assets.py``
at build time and pinned by hash in ``static/vendor/manifest.json``: nothing is fetched from
another host, so the page and ``/docs`` work without internet.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from fastapi import APIRouter
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse

from aiact_kg.namespaces import PREFIXES
from aiact_kg.queries import NamedQuery, list_queries, with_prefixes
from aiact_kg.service.limits import ServiceError
from aiact_kg.service.negotiation import GRAPHS, SOLUTIONS, Offer

STATIC = Path(__file__).resolve().parent / "static"
#: the media types of the files we serve (module scripts need a JavaScript type)
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
    ".json": "application/json",
}
#: a label and a file extension for each result format the endpoint writes
FORMAT_NAMES = {
    "application/sparql-results+json": ("JSON", "srj"),
    "application/sparql-results+xml": ("XML", "srx"),
    "text/csv": ("CSV", "csv"),
    "text/tab-separated-values": ("TSV", "tsv"),
    "text/turtle": ("Turtle", "ttl"),
    "application/n-triples": ("N-Triples", "nt"),
    "application/ld+json": ("JSON-LD", "jsonld"),
    "application/rdf+xml": ("RDF/XML", "rdf"),
}
_HEADER = re.compile(r"^#\s*([A-Z][A-Za-z ]*):\s*(.*)$")

router = APIRouter()


def _formats(offers: tuple[Offer, ...]) -> list[dict[str, str]]:
    return [
        {
            "label": FORMAT_NAMES[offer.media_types[0]][0],
            "media_type": offer.media_types[0],
            "extension": FORMAT_NAMES[offer.media_types[0]][1],
        }
        for offer in offers
    ]


def catalogue_entry(query: NamedQuery) -> dict[str, Any]:
    """One competency question: its header fields and its text with PREFIX lines added.

    The PREFIX lines go after the header comment, so the text runs as it is on any SPARQL 1.1
    endpoint (and gives the same answers here as the bare file, whose prefixes we add).
    """
    lines = query.text.splitlines(keepends=True)
    header: dict[str, str] = {}
    count = 0
    for line in lines:
        if not line.startswith("#"):
            break
        count += 1
        match = _HEADER.match(line.rstrip())
        if match:
            header[match.group(1).strip().lower()] = match.group(2).strip()
    body = "".join(lines[count:])
    return {
        "id": query.path.stem,
        "question": header.get("question", query.description),
        "provisions": header.get("provisions", ""),
        "variables": header.get("variables", ""),
        "store": header.get("store", ""),
        "text": "".join(lines[:count]) + with_prefixes(body),
    }


@cache
def catalogue() -> dict[str, Any]:
    """The query catalogue of ``queries/cq/`` and the result formats of ``/sparql``."""
    return {
        "queries": [catalogue_entry(query) for query in list_queries("cq/")],
        "formats": {"solutions": _formats(SOLUTIONS), "graphs": _formats(GRAPHS)},
    }


#: the page may load and fetch only from this service (styles may be inline: YASGUI sets some)
PAGE_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'; form-action 'self'"
)


@router.api_route("/", methods=["GET", "HEAD"], include_in_schema=False)
async def workbench() -> FileResponse:
    return FileResponse(
        STATIC / "workbench" / "index.html",
        media_type=MEDIA_TYPES[".html"],
        headers={"Content-Security-Policy": PAGE_POLICY},
    )


@router.get(
    "/catalogue",
    summary="The competency questions of queries/cq/ and the result formats of /sparql",
)
async def get_catalogue() -> JSONResponse:
    return JSONResponse(catalogue())


@router.get(
    "/catalogue/prefixes",
    summary="Our standard prefixes as {prefix: namespace} (used by the editor to complete them)",
)
async def get_prefixes() -> dict[str, str]:
    return dict(PREFIXES)


@router.api_route("/static/{path:path}", methods=["GET", "HEAD"], include_in_schema=False)
async def static(path: str) -> FileResponse:
    """A file of the workbench or of a vendored library (and nothing outside ``static/``)."""
    target = (STATIC / path).resolve()
    media = MEDIA_TYPES.get(target.suffix)
    if not target.is_relative_to(STATIC) or not target.is_file() or media is None:
        raise ServiceError(404, "not-found", f"no static file {path!r}")
    return FileResponse(target, media_type=media, headers={"Cache-Control": "max-age=3600"})


@router.get("/docs", include_in_schema=False)
async def docs() -> HTMLResponse:
    """Swagger UI from the vendored files (FastAPI's default loads them from a CDN)."""
    vendor = "/static/vendor/swagger-ui/"
    return get_swagger_ui_html(
        openapi_url="/openapi.json",
        title="aiact-kg: API",
        swagger_js_url=vendor + "swagger-ui-bundle.js",
        swagger_css_url=vendor + "swagger-ui.css",
        swagger_favicon_url=vendor + "favicon-32x32.png",
    )
