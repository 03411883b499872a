"""Literals in the value space the rules can read, and their canonical form.

The rules run in pyoxigraph, whose value spaces are narrower than XML Schema's: ``xsd:integer``
is a 64-bit integer, ``xsd:decimal`` holds at most about 1.7e20 with 18 fractional digits, and
a date must be a real calendar date. A literal outside those is not an error for the store: it
is silently never equal to, less or greater than anything, so a rule that compares it never
fires. This module decides, for one literal, whether its lexical form is exactly one of its
datatype (XML Schema 1.1, without whitespace), whether its value is finite and in range, and
which canonical literal the rules should read instead where the store cannot hold it as
written (:func:`read_literal`); :func:`canonical_quads` applies that rewriting to submitted
statements before the rules run.

The datatype the rules expect comes from the ontology (``rdfs:range``); a number stated for a
property whose range is ``xsd:double`` is read as the nearest double, as SPARQL itself does
when it compares it with a double, except that a number written more precisely than a double
holds never reads as equal to a rounder number it is not (10^25 + 1 stays above 1e25).
"""

from __future__ import annotations

import re
import struct
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import MAX_EMAX, MIN_EMIN, Decimal, InvalidOperation, localcontext
from typing import Final

from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode, Quad

from aiact_kg.namespaces import ONTOLOGY
from aiact_kg.submission.reading import InputDocument
from aiact_kg.submission.round_figures import double_keeping_order
from aiact_kg.submission.vocabulary import Vocabulary, load_vocabulary

XSD: Final = "http://www.w3.org/2001/XMLSchema#"
BOOLEAN: Final = XSD + "boolean"
DATE: Final = XSD + "date"
LAST_YEAR: Final = 9998
"""The last year a submitted date may have: a deadline counted from it stays within 9999."""
DOUBLE: Final = XSD + "double"
FLOAT: Final = XSD + "float"
DECIMAL: Final = XSD + "decimal"
INTEGER: Final = XSD + "integer"
INTEGER_TYPES: Final = frozenset(
    XSD + name
    for name in [
        "integer",
        "long",
        "int",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "nonPositiveInteger",
        "negativeInteger",
        "unsignedLong",
        "unsignedInt",
        "unsignedShort",
        "unsignedByte",
    ]
)
NUMERIC_TYPES: Final = INTEGER_TYPES | {DECIMAL, DOUBLE, FLOAT}
CHECKED_TYPES: Final = NUMERIC_TYPES | {BOOLEAN, DATE}

_DECIMAL_FORM = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)")
_FLOAT_FORM = re.compile(r"[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([Ee][+-]?[0-9]+)?|[+-]?INF|NaN")
_INTEGER_FORM = re.compile(r"[+-]?[0-9]+")
_DATE_FORM = re.compile(
    r"(?P<year>-?([1-9][0-9]{3,}|0[0-9]{3}))-(?P<month>[0-9]{2})-(?P<day>[0-9]{2})"
    r"(?P<zone>Z|[+-]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
)
_BOOLEANS: Final = {"true": True, "false": False, "1": True, "0": False}

# what pyoxigraph can hold (oxsdatatypes: i64 integers; i128 decimals scaled by 10^18)
_MAX_INTEGER: Final = 2**63 - 1
_MIN_INTEGER: Final = -(2**63)
_MAX_DECIMAL: Final = Decimal("170141183460469231731.687303715884105727")
_DECIMAL_PLACES: Final = 18
_LIMITS: Final = {
    DOUBLE: Decimal("1.7976931348623157e308"),
    FLOAT: Decimal("3.4028234663852886e38"),
}
_SHORT: Final = {DOUBLE: "xsd:double", FLOAT: "xsd:float"}
# the value spaces of the bounded integer types of XSD 1.1 (an outside check found
# "2e25" written in digits as xsd:long read without a word)
_INTEGER_RANGES: Final[dict[str, tuple[int | None, int | None]]] = {
    XSD + "long": (-(2**63), 2**63 - 1),
    XSD + "int": (-(2**31), 2**31 - 1),
    XSD + "short": (-(2**15), 2**15 - 1),
    XSD + "byte": (-(2**7), 2**7 - 1),
    XSD + "unsignedLong": (0, 2**64 - 1),
    XSD + "unsignedInt": (0, 2**32 - 1),
    XSD + "unsignedShort": (0, 2**16 - 1),
    XSD + "unsignedByte": (0, 2**8 - 1),
    XSD + "nonNegativeInteger": (0, None),
    XSD + "positiveInteger": (1, None),
    XSD + "nonPositiveInteger": (None, 0),
    XSD + "negativeInteger": (None, -1),
}

Value = bool | Decimal | date


@dataclass(frozen=True)
class Reading:
    """What a literal means for the rules.

    ``problem`` says, in a sentence, why the rules cannot read it (then ``value`` is None);
    otherwise ``value`` is its value (numbers exactly, as :class:`~decimal.Decimal`) and
    ``canonical`` the ``(lexical form, datatype)`` to give the rules instead, or None to keep it.
    """

    value: Value | None
    problem: str | None = None
    canonical: tuple[str, str] | None = None


def _short(datatype: str) -> str:
    return "xsd:" + datatype[len(XSD) :] if datatype.startswith(XSD) else f"<{datatype}>"


def _about(limit: Decimal) -> str:
    return "about " + f"{float(limit):.1e}".replace("e+", "e")


def _float_lexical(value: float) -> str:
    """``value`` in the shortest xsd:double lexical form that reads back as it."""
    text = repr(value)
    return text if text not in ("0.0", "-0.0") else text + "E0"


def _double_lexical(number: Decimal) -> str:
    return _float_lexical(double_keeping_order(number))


def _binary_lexical(number: Decimal, datatype: str) -> str:
    """The lexical form of the value of an ``xsd:double`` or ``xsd:float`` literal written as
    ``number``: the nearest double, or the nearest single-precision float (XSD's value space for
    ``xsd:float``, as a SPARQL engine compares it). A binary literal has no exact value to keep
    order with: ``"10000000000000000905969664"^^xsd:double`` is the double 1e25, as ``1e25`` is."""
    return _float_lexical(_single_precision(float(number)) if datatype == FLOAT else float(number))


def single_precision_value(number: Decimal) -> Decimal:
    """The value of an ``xsd:float`` written as ``number``: XSD reads it at single precision
    (the nearest IEEE binary32 number), as a SPARQL engine compares it."""
    return Decimal(_single_precision(float(number)))


def _single_precision(value: float) -> float:
    """The nearest IEEE binary32 number to ``value``."""
    result: float = struct.unpack("<f", struct.pack("<f", value))[0]
    return result


def _read_boolean(lexical: str) -> Reading:
    if lexical not in _BOOLEANS:
        return Reading(None, "is not a boolean: write true or false")
    value = _BOOLEANS[lexical]
    canonical = "true" if value else "false"
    return Reading(value, canonical=None if lexical == canonical else (canonical, BOOLEAN))


def _read_date(lexical: str) -> Reading:
    match = _DATE_FORM.fullmatch(lexical)
    if match is None:
        if "T" in lexical:
            return Reading(
                None,
                "has a time of day, which xsd:date does not take: write the date alone, "
                'as "YYYY-MM-DD"^^xsd:date',
            )
        return Reading(None, 'is not a date in the form "YYYY-MM-DD"^^xsd:date')
    year = int(match["year"])
    if not 1 <= year <= LAST_YEAR:
        return Reading(
            None,
            f"has a year outside 0001-{LAST_YEAR}: the rules compare dates and count deadlines "
            "(up to months) from them only within years 0001-9999",
        )
    try:
        value = date(year, int(match["month"]), int(match["day"]))
    except ValueError:
        return Reading(None, "is not a day of the calendar")
    # a time zone makes the date incomparable with dates without one: read the date as stated
    canonical = (value.isoformat(), DATE) if match["zone"] else None
    return Reading(value, canonical=canonical)


def _number(lexical: str, datatype: str) -> Reading:
    if datatype in INTEGER_TYPES:
        form = _INTEGER_FORM
    elif datatype == DECIMAL:
        form = _DECIMAL_FORM
    else:
        form = _FLOAT_FORM
    if form.fullmatch(lexical) is None:
        return Reading(None, f"is not a number in the lexical form of {_short(datatype)}")
    if lexical.lstrip("+-") in ("INF", "NaN"):
        return Reading(None, "is not a finite number")
    try:
        number = Decimal(lexical)
    except InvalidOperation:  # the form is valid: an exponent beyond what Decimal holds (~1e18)
        if lexical.lower().partition("e")[2].startswith("-"):
            return Reading(None, f"is too close to 0 for {_short(datatype)} to tell it from 0")
        return Reading(None, f"is beyond the largest {_short(datatype)}")
    bounds = _INTEGER_RANGES.get(datatype)
    if bounds is not None:
        low, high = bounds
        if (low is not None and number < low) or (high is not None and number > high):
            span = f"{low if low is not None else '...'} to {high if high is not None else '...'}"
            return Reading(None, f"is outside the values of {_short(datatype)} ({span})")
    limit = _LIMITS.get(datatype)
    if limit is not None:
        # copy_abs, not abs: no context arithmetic, which overflows past an exponent of 999999
        if number.copy_abs() > limit:
            return Reading(None, f"is beyond the largest {_SHORT[datatype]} ({_about(limit)})")
        if number != 0 and float(number) == 0.0:
            return Reading(None, f"is too close to 0 for {_SHORT[datatype]} to tell it from 0")
    return Reading(number)


def _fits_store(number: Decimal, datatype: str) -> bool:
    if datatype in INTEGER_TYPES:
        return _MIN_INTEGER <= number <= _MAX_INTEGER
    if datatype == DECIMAL:
        exponent = number.normalize().as_tuple().exponent
        places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
        return abs(number) <= _MAX_DECIMAL and places <= _DECIMAL_PLACES
    return True


def read_literal(lexical: str, datatype: str, expected: str | None = None) -> Reading:
    """Read one literal of ``datatype`` stated for a property whose range is ``expected``."""
    # the arithmetic of a number of a million digits or more overflows the default context
    # (exponents up to 999999): an outside check found "1" and a million zeros, a valid
    # xsd:decimal, stopping the assessment with an internal error
    with localcontext() as context:
        context.Emax, context.Emin = MAX_EMAX, MIN_EMIN
        return _read_literal(lexical, datatype, expected)


def _read_literal(lexical: str, datatype: str, expected: str | None) -> Reading:
    if datatype == BOOLEAN:
        return _read_boolean(lexical)
    if datatype == DATE:
        return _read_date(lexical)
    if datatype not in NUMERIC_TYPES:
        return Reading(None)
    reading = _number(lexical, datatype)
    if reading.problem is not None or not isinstance(reading.value, Decimal):
        return reading
    number = reading.value
    if expected == DOUBLE or not _fits_store(number, datatype):
        if abs(number) > _LIMITS[DOUBLE]:
            return Reading(
                None,
                f"is beyond the largest number the rules can compare "
                f"({_about(_LIMITS[DOUBLE])}, the largest xsd:double)",
            )
        lexical_double = (
            _binary_lexical(number, datatype)
            if datatype in (DOUBLE, FLOAT)
            else _double_lexical(number)
        )
        if expected == DOUBLE and datatype == DOUBLE and lexical == lexical_double:
            return reading
        return Reading(number, canonical=(lexical_double, DOUBLE))
    return reading


def value_compared(reading: Reading, datatype: str) -> Value | None:
    """The value two statements of one fact are compared by: the one the rules read (the double
    a number is given to them as; an ``xsd:float`` at single precision), so that a double and a
    float of the same digits, two values for the rules, are not kept as one (an outside check)."""
    if reading.canonical is not None and reading.canonical[1] == DOUBLE:
        return Decimal(reading.canonical[0])  # the double the rules read
    if datatype == FLOAT and isinstance(reading.value, Decimal):
        return single_precision_value(reading.value)
    return reading.value


def canonical_quads(quads: Iterable[Quad], vocabulary: Vocabulary | None = None) -> Iterator[Quad]:
    """The statements with each checked literal in the form the rules can read.

    Literals outside our vocabulary's checked datatypes, and literals that are not valid (which
    validation reports), are passed through unchanged.
    """
    vocabulary = vocabulary or load_vocabulary()
    for quad in quads:
        value = quad.object
        if isinstance(value, OxLiteral) and value.datatype.value in CHECKED_TYPES:
            predicate = quad.predicate.value
            expected = vocabulary.range_of(predicate) if predicate.startswith(ONTOLOGY) else None
            reading = read_literal(value.value, value.datatype.value, expected)
            if reading.canonical is not None:
                lexical, datatype = reading.canonical
                literal = OxLiteral(lexical, datatype=NamedNode(datatype))
                yield Quad(quad.subject, quad.predicate, literal, quad.graph_name)
                continue
        yield quad


def without_repeated_numbers(
    documents: Sequence[InputDocument], vocabulary: Vocabulary | None = None
) -> list[InputDocument]:
    """``documents`` less each number that repeats, in another lexical form or datatype, a
    value the same subject already has for the same property (the first written is kept).

    A fact stated twice, once as ``3e25`` and once as ``30000000000000000000000000`` (say, in a
    JSON-LD file and a Turtle file), is one value; the shapes count values as RDF terms and
    would refuse it as two. Numbers the rules cannot read are kept for validation to report.
    """
    vocabulary = vocabulary or load_vocabulary()
    seen: set[tuple[object, object, Decimal]] = set()
    result: list[InputDocument] = []
    for document in documents:
        kept: list[Quad] = []
        for quad in document.quads:
            value = quad.object
            if isinstance(value, OxLiteral) and value.datatype.value in NUMERIC_TYPES:
                predicate = quad.predicate.value
                expected = (
                    vocabulary.range_of(predicate) if predicate.startswith(ONTOLOGY) else None
                )
                reading = read_literal(value.value, value.datatype.value, expected)
                number = value_compared(reading, value.datatype.value)
                if isinstance(number, Decimal):
                    key = (quad.subject, quad.predicate, number)
                    if key in seen:
                        continue
                    seen.add(key)
            kept.append(quad)
        unchanged = len(kept) == len(document.quads)
        result.append(document if unchanged else replace(document, quads=tuple(kept)))
    return result
