"""aiash:DeployerKind asks a deployer whether it is a private entity providing public services
(Art 27(1)); a public authority or a Union body is not asked (it is not a private entity)."""

from __future__ import annotations

import pytest

from aiact_kg.submission.reading import read_rdf_bytes
from aiact_kg.submission.validation import SubmissionValidator

TEXT = """
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix aiac: <https://w3id.org/aiact-kg/concept/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
ex:s a aia:AISystem ; aia:hasProvider ex:maker ; aia:hasDeployer ex:ministry , ex:agency , ex:bank ;
  aia:intendedPurpose aiac:purpose-spam-filtering ; aia:interactsWithNaturalPersons false ;
  aia:putIntoServiceOn "2026-03-01"^^xsd:date .
ex:maker a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME false .
ex:ministry a aia:PublicAuthority ; aia:establishedIn "DE" .
ex:agency a aia:UnionBody .
ex:bank a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME false .
"""


@pytest.mark.parametrize("engine", [None, "pyshacl"])
def test_only_the_private_deployer_is_asked(engine: str | None) -> None:
    report = SubmissionValidator(engine).validate([read_rdf_bytes(TEXT.encode(), name="s.ttl")])
    asked = [
        finding.focus_node
        for subject in report.subjects
        for finding in subject.findings
        if finding.shape.endswith("#DeployerKind")
    ]
    assert asked == ["https://example.org/bank"]
