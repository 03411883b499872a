"""Differential test: whatever validation accepts, the rules read as its canonical form.

Boundary values of a number (training compute), a date (a Commission designation's date, a
placing on the market) and a boolean (the military exclusion) are written in many ways and fed
through ``validate`` and ``assess``. For each:

* if the value is not in the value space of its datatype (checked here against the lexical
  forms of XML Schema 1.1 and Python's numbers and dates, independently of the code under
  test), validation reports a violation;
* if validation accepts it, the assessment (categories, flags, determinations, obligations)
  equals the assessment of the same value written canonically (``xsd:double`` from the exact
  number, the date without a time zone, ``true``/``false``);
* if the value is valid and its canonical form is accepted, so is the value as written.

Example counts are bounded: the whole module runs in well under a minute.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from aiact_kg.assessment import assess_documents
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.submission.reading import read_rdf_bytes
from aiact_kg.submission.validation import SubmissionValidator, ValidationReport

PREFIXES = (
    "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
    "@prefix aiac: <https://w3id.org/aiact-kg/concept/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix ex: <https://example.org/> .\n"
)
PARTY = 'ex:acme a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .\n'
COMPUTE = (
    'ex:m a aia:GeneralPurposeAIModel ; aia:modelName "Model" ; aia:hasProvider ex:acme ;\n'
    '  aia:placedOnMarketOn "2025-10-01"^^xsd:date ; aia:trainingComputeFLOP {value} .\n' + PARTY
)
DESIGNATION = (
    'ex:m a aia:GeneralPurposeAIModel ; aia:modelName "Model" ; aia:hasProvider ex:acme ;\n'
    '  aia:placedOnMarketOn "2025-10-01"^^xsd:date ; aia:trainingComputeFLOP 5.0e24 ;\n'
    "  aia:hasProcedureEvent ex:designation .\n"
    "ex:designation a aia:CommissionDesignation ; aia:eventDate {value} .\n" + PARTY
)
LEGACY = (
    'ex:m a aia:GeneralPurposeAIModel ; aia:modelName "Model" ; aia:hasProvider ex:acme ;\n'
    "  aia:placedOnMarketOn {value} ; aia:trainingComputeFLOP 5.0e24 .\n" + PARTY
)
MILITARY = (
    "ex:s a aia:AISystem ; aia:hasProvider ex:acme ; aia:intendedPurpose aiac:purpose-other ;\n"
    '  aia:interactsWithNaturalPersons false ; aia:putIntoServiceOn "2025-06-01"^^xsd:date ;\n'
    "  aia:exclusivelyMilitaryDefenceOrNationalSecurity {value} .\n" + PARTY
)
OPTIONS = AssessmentOptions(as_of=date(2026, 11, 22))
SETTINGS = settings(
    max_examples=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)

# XML Schema 1.1 Part 2, lexical spaces (no whitespace: RDF literals are taken as written)
_DECIMAL = r"[+-]?(\d+(\.\d*)?|\.\d+)"
LEXICAL = {
    "integer": re.compile(r"[+-]?\d+"),
    "decimal": re.compile(_DECIMAL),
    "double": re.compile(rf"{_DECIMAL}([Ee][+-]?\d+)?|[+-]?INF|NaN"),
}
DATE_FORM = re.compile(r"(\d{4})-(\d{2})-(\d{2})(Z|[+-]\d{2}:\d{2})?")


@cache
def _validator() -> SubmissionValidator:
    return SubmissionValidator()


def _validate(text: str) -> tuple[Any, ValidationReport]:
    document = read_rdf_bytes((PREFIXES + text).encode(), name="input.ttl")
    return document, _validator().validate([document])


def _summary(data: dict[str, Any]) -> list[Any]:
    return [
        (
            subject["iri"],
            sorted(subject["categories"]),
            sorted(subject["flags"]),
            sorted((d["conclusion"], tuple(d["legal_basis"])) for d in subject["determinations"]),
            sorted(
                (o["citation"], o["role"], o["applies_from"], o["due"] or "")
                for o in subject["obligations"]
            ),
        )
        for subject in data["subjects"]
    ]


@cache
def _canonical_outcome(text: str) -> tuple[bool, str]:
    document, report = _validate(text)
    if not report.conforms:
        return False, ""
    data = assess_documents([document], OPTIONS, validation=report).data
    return True, repr(_summary(data))


def _check(template: str, written: str, canonical: str | None) -> None:
    """``canonical`` is None when the value is outside the value space of its datatype."""
    document, report = _validate(template.format(value=written))
    messages = [f.message for s in report.subjects for f in s.findings]
    if canonical is None:
        assert not report.conforms, f"{written} is not a valid value but conforms"
        return
    canonical_conforms, expected = _canonical_outcome(template.format(value=canonical))
    if canonical_conforms:
        assert report.conforms, f"{written} (canonically {canonical}) is refused: {messages}"
    if report.conforms:
        data = assess_documents([document], OPTIONS, validation=report).data
        assert canonical_conforms, f"{written} conforms but {canonical} does not"
        assert repr(_summary(data)) == expected, f"{written} is read unlike {canonical}"


# -- numbers ----------------------------------------------------------------------------------


def _canonical_number(lexical: str, datatype: str) -> str | None:
    if LEXICAL[datatype].fullmatch(lexical) is None or lexical.lstrip("+-") in ("INF", "NaN"):
        return None
    try:
        number = Decimal(lexical)
    except InvalidOperation:
        return None
    value = float(number)
    if value in (float("inf"), float("-inf")) or (value == 0 and number != 0):
        return None
    return f'"{value!r}"^^xsd:double'


_mantissa = st.sampled_from(["1", "3", "9.99", "1.0000001", "0.5", "12", "-1", "+2.5", "0"])
_exponent = st.one_of(st.integers(18, 32), st.integers(-400, 400))
_digits = st.integers(0, 10**30).map(str)
_numbers = st.one_of(
    st.builds(lambda m, e, mark: f"{m}{mark}{e}", _mantissa, _exponent, st.sampled_from("eE")),
    st.builds(lambda i: f"{i}", st.integers(-(10**27), 10**27)),
    st.builds(lambda i, f: f"{i}.{f}", _digits, st.integers(0, 10**20)),
    st.builds(lambda s, d: f"{s}{d}", st.sampled_from(["+", "-", "00"]), _digits),
    st.sampled_from(
        ["INF", "+INF", "-INF", "NaN", "-0", "0.0", " 3e25", "3e25 ", "1_0e25", "", "Infinity"]
    ),
)


@SETTINGS
@given(
    lexical=_numbers,
    datatype=st.sampled_from(["double", "decimal", "integer"]),
)
@example(lexical="30000000000000000000000000", datatype="integer")
@example(lexical="30000000000000000000000000.5", datatype="decimal")
@example(lexical="INF", datatype="double")
@example(lexical="1e400", datatype="double")
@example(lexical="1e26", datatype="decimal")
@example(lexical="+1.0000001e25", datatype="double")
@example(lexical="NaN", datatype="decimal")  # Python reads it as a decimal; pyshacl crashed
@example(lexical="Infinity", datatype="decimal")
@example(lexical="1_000", datatype="integer")
@example(lexical="999999999999999949515880660992.0", datatype="double")  # between decades
@example(lexical="3e150", datatype="double")  # beyond the label table
def test_training_compute(lexical: str, datatype: str) -> None:
    written = f'"{lexical}"^^xsd:{datatype}'
    _check(COMPUTE, written, _canonical_number(lexical, datatype))


# -- dates ------------------------------------------------------------------------------------


def _canonical_date(lexical: str) -> str | None:
    match = DATE_FORM.fullmatch(lexical)
    if match is None:
        return None
    zone = match[4]
    if zone not in (None, "Z") and not (int(zone[1:3]) < 14 or zone[1:] == "14:00"):
        return None
    if zone not in (None, "Z") and int(zone[4:6]) > 59:
        return None
    try:
        day = date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
    return f'"{day.isoformat()}"^^xsd:date' if day.year >= 1 else None


_days = st.dates(min_value=date(2025, 7, 1), max_value=date(2027, 1, 31)).map(date.isoformat)
_dates = st.one_of(
    st.builds(
        lambda d, z: d + z,
        _days,
        st.sampled_from(["", "", "Z", "+01:00", "-05:00", "+14:00", "-14:00", "+15:00"]),
    ),
    st.builds(lambda d, t: f"{d}T{t}", _days, st.sampled_from(["00:00:00", "23:59:59Z"])),
    st.sampled_from(
        ["2026-02-29", "2026-02-30", "2026-13-01", "10000-01-01", "0000-01-01", "-2026-01-01"]
    ),
    st.sampled_from(["2026-3-1", "2026/03/01", " 2026-03-01", "20260301", "2026-03-01 "]),
)


@SETTINGS
@given(lexical=_dates, template=st.sampled_from([DESIGNATION, LEGACY]))
@example(lexical="2025-10-01T00:00:00", template=DESIGNATION)
@example(lexical="2026-11-22+14:00", template=DESIGNATION)
@example(lexical="2026-11-23-14:00", template=DESIGNATION)
@example(lexical="2025-08-01T12:00:00", template=LEGACY)
@example(lexical="2025-08-01-14:00", template=LEGACY)
def test_dates(lexical: str, template: str) -> None:
    """A Commission designation's date (Art 51(1)(b)) and a placing on the market (Art 111(3))."""
    _check(template, f'"{lexical}"^^xsd:date', _canonical_date(lexical))


# -- booleans ---------------------------------------------------------------------------------

_BOOLEANS = {"true": "true", "false": "false", "1": "true", "0": "false"}


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(lexical=st.sampled_from(["true", "false", "1", "0", "TRUE", "True", " true", "yes", ""]))
def test_military_exclusion(lexical: str) -> None:
    _check(MILITARY, f'"{lexical}"^^xsd:boolean', _BOOLEANS.get(lexical))
