"""Literals in the value space the rules read: lexical forms, ranges, canonical forms."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, Store

from aiact_kg.namespaces import ONTOLOGY
from aiact_kg.submission.values import (
    BOOLEAN,
    DATE,
    DECIMAL,
    DOUBLE,
    INTEGER,
    canonical_quads,
    read_literal,
)
from aiact_kg.submission.vocabulary import load_vocabulary

XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.mark.parametrize(
    ("lexical", "datatype", "phrase"),
    [
        ("INF", DOUBLE, "not a finite number"),
        ("-INF", DOUBLE, "not a finite number"),
        ("NaN", DOUBLE, "not a finite number"),
        ("1e400", DOUBLE, "beyond the largest xsd:double"),
        ("1e-400", DOUBLE, "too close to 0"),
        ("1e26", DECIMAL, "lexical form of xsd:decimal"),
        ("3e25", INTEGER, "lexical form of xsd:integer"),
        (" 3e25", DOUBLE, "lexical form of xsd:double"),
        ("3,5", DOUBLE, "lexical form of xsd:double"),
        ("TRUE", BOOLEAN, "not a boolean"),
        ("yes", BOOLEAN, "not a boolean"),
        ("2025-10-01T00:00:00", DATE, "time of day"),
        ("2025-02-29", DATE, "not a day of the calendar"),
        ("2025-13-01", DATE, "not a day of the calendar"),
        ("01/10/2025", DATE, "not a date"),
        ("10000-01-01", DATE, "outside 0001-9998"),
        ("9999-12-30", DATE, "outside 0001-9998"),
        ("0000-01-01", DATE, "outside 0001-9998"),
        ("20000000000000000000000000", XSD + "long", "outside the values of xsd:long"),
        ("2147483648", XSD + "int", "outside the values of xsd:int"),
        ("18446744073709551616", XSD + "unsignedLong", "outside the values of xsd:unsignedLong"),
        ("-1", XSD + "nonNegativeInteger", "outside the values of xsd:nonNegativeInteger"),
        ("0", XSD + "positiveInteger", "outside the values of xsd:positiveInteger"),
        ("128", XSD + "byte", "outside the values of xsd:byte"),
    ],
)
def test_values_the_rules_cannot_read(lexical: str, datatype: str, phrase: str) -> None:
    reading = read_literal(lexical, datatype, DOUBLE if datatype != DATE else DATE)
    assert reading.value is None
    assert reading.problem is not None
    assert phrase in reading.problem


@pytest.mark.parametrize(
    ("lexical", "datatype", "expected", "value", "canonical"),
    [
        ("3.8e25", DOUBLE, DOUBLE, Decimal("3.8e25"), ("3.8e+25", DOUBLE)),
        ("3.8e+25", DOUBLE, DOUBLE, Decimal("3.8e25"), None),
        ("+3e25", DOUBLE, DOUBLE, Decimal("3e25"), ("3e+25", DOUBLE)),
        ("30000000000000000000000000", INTEGER, DOUBLE, Decimal("3e25"), ("3e+25", DOUBLE)),
        ("30000000000000000000000000", INTEGER, INTEGER, Decimal("3e25"), ("3e+25", DOUBLE)),
        ("9223372036854775807", INTEGER, INTEGER, Decimal(2**63 - 1), None),
        ("4", INTEGER, DECIMAL, Decimal(4), None),
        ("4.5", DECIMAL, DECIMAL, Decimal("4.5"), None),
        (
            "4.0000000000000000001",
            DECIMAL,
            DECIMAL,
            Decimal("4.0000000000000000001"),
            ("4.000000000000001", DOUBLE),  # above 4, as the decimal is
        ),
        ("-0", DOUBLE, DOUBLE, Decimal(0), ("-0.0E0", DOUBLE)),
        ("1", BOOLEAN, BOOLEAN, True, ("true", BOOLEAN)),
        ("0", BOOLEAN, BOOLEAN, False, ("false", BOOLEAN)),
        ("true", BOOLEAN, BOOLEAN, True, None),
        ("2025-10-01", DATE, DATE, date(2025, 10, 1), None),
        ("2025-10-01Z", DATE, DATE, date(2025, 10, 1), ("2025-10-01", DATE)),
        ("2025-10-01-05:00", DATE, DATE, date(2025, 10, 1), ("2025-10-01", DATE)),
    ],
)
def test_values_and_their_canonical_form(
    lexical: str,
    datatype: str,
    expected: str,
    value: object,
    canonical: tuple[str, str] | None,
) -> None:
    reading = read_literal(lexical, datatype, expected)
    assert reading.problem is None
    assert reading.value == value
    assert reading.canonical == canonical


def test_bounded_integers_within_their_range_are_read() -> None:
    assert read_literal("9223372036854775807", XSD + "long", DOUBLE).value == Decimal(2**63 - 1)
    assert read_literal("18446744073709551615", XSD + "unsignedLong", DOUBLE).problem is None
    assert read_literal("-128", XSD + "byte", DOUBLE).problem is None


def test_strings_are_not_checked() -> None:
    assert read_literal("anything", XSD + "string").problem is None


def _compare(literal: Literal, other: str) -> bool | None:
    """Whether the store finds ``literal > other``; None when it cannot compare them."""
    store = Store()
    query = f"SELECT ?v WHERE {{ BIND({literal} > {other} AS ?v) }}"
    (row,) = list(store.query(query))  # type: ignore[arg-type]
    return None if row[0] is None else row[0].value == "true"


def test_the_canonical_form_is_comparable_where_the_original_is_not() -> None:
    compute = NamedNode(ONTOLOGY + "trainingComputeFLOP")
    big = Literal("30000000000000000000000000", datatype=NamedNode(INTEGER))
    threshold = '"1e25"^^<http://www.w3.org/2001/XMLSchema#double>'
    assert _compare(big, threshold) is None  # the store's integers are 64-bit
    quad = Quad(NamedNode("https://example.org/m"), compute, big, DefaultGraph())
    (rewritten,) = canonical_quads([quad], load_vocabulary())
    assert isinstance(rewritten.object, Literal)
    assert rewritten.object.datatype.value == DOUBLE
    assert _compare(rewritten.object, threshold) is True


def test_other_statements_pass_through_unchanged() -> None:
    label = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
    quads = [
        Quad(NamedNode("https://example.org/m"), label, Literal("Model"), DefaultGraph()),
        Quad(
            NamedNode("https://example.org/m"),
            NamedNode(ONTOLOGY + "trainingComputeFLOP"),
            Literal("INF", datatype=NamedNode(DOUBLE)),  # invalid: left for validation
            DefaultGraph(),
        ),
    ]
    assert list(canonical_quads(quads)) == quads


def test_ranges_come_from_the_ontology() -> None:
    vocabulary = load_vocabulary()
    assert vocabulary.range_of(ONTOLOGY + "trainingComputeFLOP") == DOUBLE
    assert vocabulary.range_of(ONTOLOGY + "eventDate") == DATE
    # inherited along rdfs:subPropertyOf (aia:hasProvider < aia:hasOperator)
    assert vocabulary.range_of(ONTOLOGY + "hasProvider") == ONTOLOGY + "Party"
    assert frozenset({ONTOLOGY + "Party", ONTOLOGY + "AIArtefact"}) in vocabulary.disjoint
    assert vocabulary.is_external("https://w3id.org/dpv/legal/eu/aiact#HighRiskAISystem")
    assert vocabulary.is_external("https://w3id.org/airo#hasProvider")
    assert vocabulary.is_external("https://w3id.org/dpv#hasPurpose")
    assert not vocabulary.is_external("https://w3id.org/dpvx#hasPurpose")
    assert not vocabulary.is_external(ONTOLOGY + "hasProvider")
