"""A value of the wrong datatype is named with the datatype it was written in: the text "true"
and the boolean true print alike, so the message says which one was given (both engines)."""

from __future__ import annotations

import pytest

from aiact_kg.submission.reading import read_rdf_bytes
from aiact_kg.submission.validation import SubmissionValidator

TEXT = """
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
ex:m a aia:GeneralPurposeAIModel ; aia:modelName "Big" ; aia:hasProvider ex:lab ;
  aia:trainingComputeFLOP 3.0e25 ; aia:freeAndOpenSourceLicence false ;
  aia:placedOnMarketOn "2025-10-01"^^xsd:date ;
  aia:adheresToCodeOfPracticeArt53 "true" ; aia:adheresToCodeOfPracticeArt55 "yes"@en .
ex:lab a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .
"""


@pytest.mark.parametrize("engine", ["store", "pyshacl"])
def test_the_datatype_written_is_named(engine: str) -> None:
    report = SubmissionValidator(engine).validate([read_rdf_bytes(TEXT.encode(), name="m.ttl")])
    messages = {
        (finding.path or "").rsplit("#", 1)[-1]: finding.message
        for subject in report.subjects
        for finding in subject.findings
        if finding.severity == "violation"
    }
    assert messages["adheresToCodeOfPracticeArt53"].endswith(
        'Here the value "true" is written as xsd:string.'
    )
    assert messages["adheresToCodeOfPracticeArt55"].endswith(
        'Here the value "yes" is a text in language "en".'
    )
