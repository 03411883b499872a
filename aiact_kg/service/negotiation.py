"""Content negotiation: the media types offered for each kind of result, chosen by ``Accept``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

from pyoxigraph import QueryResultsFormat, RdfFormat


@dataclass(frozen=True)
class Offer:
    """A format the service writes: the media types that ask for it and the one it sends."""

    media_types: tuple[str, ...]
    content_type: str


@dataclass(frozen=True)
class SolutionsOffer(Offer):
    results_format: QueryResultsFormat


@dataclass(frozen=True)
class GraphOffer(Offer):
    rdf_format: RdfFormat


#: SELECT and ASK results, the first being the default
SOLUTIONS: tuple[SolutionsOffer, ...] = (
    SolutionsOffer(
        ("application/sparql-results+json", "application/json"),
        "application/sparql-results+json",
        QueryResultsFormat.JSON,
    ),
    SolutionsOffer(
        ("application/sparql-results+xml", "application/xml", "text/xml"),
        "application/sparql-results+xml",
        QueryResultsFormat.XML,
    ),
    SolutionsOffer(("text/csv",), "text/csv; charset=utf-8", QueryResultsFormat.CSV),
    SolutionsOffer(
        ("text/tab-separated-values",),
        "text/tab-separated-values; charset=utf-8",
        QueryResultsFormat.TSV,
    ),
)

#: CONSTRUCT and DESCRIBE results (and graphs read by the Graph Store Protocol)
GRAPHS: tuple[GraphOffer, ...] = (
    GraphOffer(("text/turtle", "application/x-turtle"), "text/turtle", RdfFormat.TURTLE),
    GraphOffer(("application/n-triples",), "application/n-triples", RdfFormat.N_TRIPLES),
    GraphOffer(("application/ld+json",), "application/ld+json", RdfFormat.JSON_LD),
    GraphOffer(("application/rdf+xml",), "application/rdf+xml", RdfFormat.RDF_XML),
)


@dataclass(frozen=True)
class _Range:
    type: str
    subtype: str
    quality: float
    order: int

    def matches(self, media_type: str) -> int:
        """How specifically this range names ``media_type``: 2 exactly, 1 by ``type/*``, 0 by
        ``*/*``, -1 not at all."""
        kind, _, sub = media_type.partition("/")
        if self.type == "*":
            return 0
        if self.type != kind:
            return -1
        if self.subtype == "*":
            return 1
        return 2 if self.subtype == sub else -1


OfferT = TypeVar("OfferT", bound=Offer)


def _ranges(accept: str) -> list[_Range]:
    ranges = []
    for order, item in enumerate(accept.split(",")):
        media, *parameters = (part.strip() for part in item.split(";"))
        if "/" not in media:
            continue
        kind, _, sub = media.lower().partition("/")
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = max(0.0, min(1.0, float(value)))
                except ValueError:
                    quality = 0.0
        ranges.append(_Range(kind, sub, quality, order))
    return ranges


def choose(accept: str | None, offers: Sequence[OfferT]) -> OfferT | None:
    """The offer the client prefers, or None if ``Accept`` rules them all out (406).

    No ``Accept`` (or ``*/*``) gets the first offer. Among the offers, each takes the quality of
    the most specific range naming it; the highest quality wins, ties going to the range the
    client listed first, then to our order.
    """
    if accept is None or not accept.strip():
        return offers[0]
    ranges = _ranges(accept)
    best: tuple[float, int, int] | None = None
    chosen: OfferT | None = None
    for position, offer in enumerate(offers):
        # the most specific range naming any of the offer's media types speaks for the offer
        # (so "text/turtle;q=0, */*" refuses Turtle even under its other name)
        matches = [
            (specificity, r.quality, -r.order)
            for media_type in offer.media_types
            for r in ranges
            if (specificity := r.matches(media_type)) >= 0
        ]
        if not matches:
            continue
        _, quality, order = max(matches)
        if quality <= 0:
            continue
        key = (quality, order, -position)
        if best is None or key > best:
            best, chosen = key, offer
    return chosen


def offered(offers: Sequence[Offer]) -> str:
    """The media types of ``offers``, for an error message."""
    return ", ".join(offer.media_types[0] for offer in offers)
