"""Choosing a format by Accept (unit tests of the negotiation, no server)."""

from __future__ import annotations

import pytest

from aiact_kg.service.negotiation import GRAPHS, SOLUTIONS, choose


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "application/sparql-results+json"),
        ("", "application/sparql-results+json"),
        ("*/*", "application/sparql-results+json"),
        ("application/json", "application/sparql-results+json"),
        ("text/csv", "text/csv; charset=utf-8"),
        ("TEXT/CSV", "text/csv; charset=utf-8"),
        (
            "application/xml;q=0.2, text/tab-separated-values;q=0.8",
            "text/tab-separated-values; charset=utf-8",
        ),
        ("text/csv, application/sparql-results+xml", "text/csv; charset=utf-8"),  # client order
        ("*/*;q=0.1, application/sparql-results+xml", "application/sparql-results+xml"),
        ("application/*;q=0.5, text/csv;q=0.4", "application/sparql-results+json"),
        # JSON: SPARQLWrapper's Accept for JSON
        (
            "application/sparql-results+json,application/json,text/javascript,application/javascript",
            "application/sparql-results+json",
        ),
    ],
)
def test_solutions(accept: str | None, expected: str) -> None:
    chosen = choose(accept, SOLUTIONS)
    assert chosen is not None
    assert chosen.content_type == expected


@pytest.mark.parametrize(
    "accept",
    ["text/turtle", "image/*", "application/sparql-results+json;q=0, */*;q=0", "nonsense"],
)
def test_solutions_refused(accept: str) -> None:
    assert choose(accept, SOLUTIONS) is None


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        (None, "text/turtle"),
        ("application/n-triples", "application/n-triples"),
        ("application/ld+json, text/turtle;q=0.9", "application/ld+json"),
        ("text/turtle;q=0, */*", "application/n-triples"),
        ("application/rdf+xml", "application/rdf+xml"),
    ],
)
def test_graphs(accept: str | None, expected: str) -> None:
    chosen = choose(accept, GRAPHS)
    assert chosen is not None
    assert chosen.content_type == expected
