"""The Art 51(2) threshold in force on the as-of date, as a delegated act under Art 51(3) moves it.

No delegated act has been adopted, so the law data records none; the test adds one beside the
knowledge base (the rules read law data and descriptions from the same default graph).
"""

from __future__ import annotations

from datetime import date

import pytest

from aiact_kg.reasoning.engine import AssessmentOptions, run_rules
from aiact_kg.reasoning.report import subjects_json
from aiact_kg.submission.reading import read_rdf_bytes

PREFIXES = """\
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix aiac: <https://w3id.org/aiact-kg/concept/> .
@prefix aiap: <https://w3id.org/aiact-kg/reg/2024/1689/> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
"""
MODEL = """
ex:m a aia:GeneralPurposeAIModel ; aia:modelName "Model" ; aia:hasProvider ex:acme ;
  aia:placedOnMarketOn "2025-10-01"^^xsd:date ; aia:trainingComputeFLOP 2.0e25 .
ex:acme a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .
"""
DELEGATED_ACT = """
aiac:threshold-test-delegated-act a aia:Threshold ;
  aia:replacesThreshold aiac:threshold-art-51-2 ;
  aia:thresholdValue "3.0E25"^^xsd:double ;
  aia:inForceFrom "2027-06-01"^^xsd:date ;
  dct:source "Commission Delegated Regulation (EU) 2027/0000 (a test fixture)" ;
  aia:sourceProvision aiap:art_51.par_3 .
"""


def _subject(as_of: str, *, with_act: bool, threshold: float | None = None) -> dict:  # type: ignore[type-arg]
    documents = [read_rdf_bytes((PREFIXES + MODEL).encode(), name="model.ttl")]
    if with_act:
        documents.append(read_rdf_bytes((PREFIXES + DELEGATED_ACT).encode(), name="act.ttl"))
    options = AssessmentOptions(
        as_of=date.fromisoformat(as_of), law="as-published", threshold_flop=threshold
    )
    subjects = subjects_json(run_rules(documents, options))
    subject: dict = next(s for s in subjects if s["iri"] == "https://example.org/m")  # type: ignore[type-arg]
    return subject


def test_without_a_delegated_act_the_art_51_2_threshold_applies() -> None:
    subject = _subject("2027-06-01", with_act=False)
    assert "gpai-systemic-risk" in subject["categories"]


@pytest.mark.parametrize(("as_of", "systemic"), [("2027-05-31", True), ("2027-06-01", False)])
def test_a_delegated_act_moves_the_threshold_from_its_date(as_of: str, systemic: bool) -> None:
    subject = _subject(as_of, with_act=True)
    assert ("gpai-systemic-risk" in subject["categories"]) is systemic
    if systemic:
        presumption = next(
            d for d in subject["determinations"] if d["conclusion"] == "gpai-systemic-risk"
        )
        assert "set by Art 51(2)" in presumption["explanation"]


def test_the_delegated_act_is_named_where_it_applies() -> None:
    subject = _subject("2027-07-01", with_act=True)
    states = {d["conclusion"] for d in subject["determinations"]}
    assert "not-notifiable" in states
    above = _subject("2027-07-01", with_act=True, threshold=1e25)
    assert "gpai-systemic-risk" in above["categories"]
    presumption = next(
        d for d in above["determinations"] if d["conclusion"] == "gpai-systemic-risk"
    )
    assert "what-if override" in presumption["explanation"]


def test_a_model_above_the_new_threshold_cites_the_delegated_act() -> None:
    documents_text = MODEL.replace("2.0e25", "4.0e25")
    documents = [
        read_rdf_bytes((PREFIXES + documents_text).encode(), name="model.ttl"),
        read_rdf_bytes((PREFIXES + DELEGATED_ACT).encode(), name="act.ttl"),
    ]
    options = AssessmentOptions(as_of=date(2027, 7, 1), law="as-published")
    subjects = subjects_json(run_rules(documents, options))
    presumption = next(
        d for d in subjects[0]["determinations"] if d["conclusion"] == "gpai-systemic-risk"
    )
    assert "set by Commission Delegated Regulation (EU) 2027/0000" in presumption["explanation"]
    assert "in force from 2027-06-01" in presumption["explanation"]
