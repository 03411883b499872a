"""The deadlines the rules add to a date (aia:deadlineDays) agree with the catalogue's durations.

Rules 560 and 820 compute a due date as the anchor date plus ``aia:deadlineDays`` days, by
calendar arithmetic that every SPARQL engine can do (not every engine adds an ``xsd:duration``
to a date), and that arithmetic crosses at most one month's end: at most 28 days.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

import pytest
from pyoxigraph import Literal, RdfFormat, Store

from aiact_kg.assessment import assess_documents
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.resources import sources_for
from aiact_kg.submission.reading import read_rdf_bytes

_QUERY = """
PREFIX aia: <https://w3id.org/aiact-kg/ontology#>
SELECT ?obligation ?deadline ?days WHERE {
  ?obligation aia:deadlineAnchorProperty ?anchor .
  OPTIONAL { ?obligation aia:deadline ?deadline }
  OPTIONAL { ?obligation aia:deadlineDays ?days }
}
"""


def _knowledge_base() -> Store:
    store = Store()
    for source in sources_for("engine"):
        for path in source.files:
            store.load(path=str(path), format=RdfFormat.TURTLE)
    return store


def _days(duration: str) -> int | None:
    """Whole days of ``PnD`` or ``PTnH`` (n a multiple of 24); None for any other duration."""
    if match := re.fullmatch(r"P(\d+)D", duration):
        return int(match.group(1))
    if (match := re.fullmatch(r"PT(\d+)H", duration)) and int(match.group(1)) % 24 == 0:
        return int(match.group(1)) // 24
    return None


def test_every_anchored_deadline_has_its_days_and_they_match() -> None:
    rows = list(_knowledge_base().query(_QUERY))
    assert rows, "no obligation has a deadline anchor"
    for row in rows:
        name = row["obligation"].value
        deadline, days = row["deadline"], row["days"]
        assert isinstance(deadline, Literal), f"{name} has an anchor but no aia:deadline"
        assert isinstance(days, Literal), f"{name} has an anchor but no aia:deadlineDays"
        assert _days(deadline.value) == int(days.value), f"{name}: {deadline.value} != {days}"
        assert 1 <= int(days.value) <= 28, f"{name}: the rules add at most 28 days"


_FACTS = """
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
ex:m a aia:GeneralPurposeAIModel ; aia:modelName "M" ; aia:hasProvider ex:p ;
  aia:placedOnMarketOn "2025-09-01"^^xsd:date ; aia:trainingComputeFLOP 3.0e25 ;
  aia:thresholdKnownOn "{known}"^^xsd:date .
ex:p a aia:LegalPerson ; aia:establishedIn "FR" .
"""


@pytest.mark.parametrize("known", ["2026-02-20", "2028-02-20", "2100-02-20", "2026-12-25"])
def test_the_notification_is_due_two_weeks_after_the_day_it_became_known(known: str) -> None:
    """Across the end of February (leap years, 2100 not one) and of a year (assessed a month
    later: a day of knowing after the as-of date is not known yet on it)."""
    document = read_rdf_bytes(_FACTS.replace("{known}", known).encode(), name="due.ttl")
    as_of = date.fromisoformat(known) + timedelta(days=30)
    report = assess_documents([document], AssessmentOptions(as_of=as_of))
    [subject] = report.data["subjects"]
    dues = {o["due"] for o in subject["obligations"] if o["id"].startswith("art-52-1-notify")}
    assert dues == {(date.fromisoformat(known) + timedelta(days=14)).isoformat()}
