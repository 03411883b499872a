"""A purpose the rules derive from a practice counts as the system's purpose for the shapes
that ask whether an Art 6(3) condition can be read (aiash:DerogationNeedsAnnexIIIPurpose): a
biometric practice of Annex III point 1 (rule 308) and a crime-risk prediction for law
enforcement, point 6(d) (rule 309). An outside check found the warning "the condition is not
read" beside an assessment that read it."""

from __future__ import annotations

import pytest

from aiact_kg.submission.reading import read_rdf_bytes
from aiact_kg.submission.validation import SubmissionValidator

PREFIXES = """
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix aiac: <https://w3id.org/aiact-kg/concept/> .
@prefix ex: <https://example.org/> .
"""
SYSTEM = (
    "ex:s a aia:AISystem ; aia:intendedPurpose aiac:purpose-other ;\n"
    "  aia:reliesOnCondition aiac:art-6-3-a ; aia:performsProfiling false ; aia:engagesIn ex:p .\n"
)
PRACTICES = {
    "emotion recognition (point 1(c))": (
        "ex:p a aia:PracticeDescription ; aia:practice aiac:practice-emotion-recognition ;\n"
        "  aia:practiceArea aiac:area-other .\n",
        False,
    ),
    "biometric categorisation by a sensitive attribute (point 1(b))": (
        "ex:p a aia:PracticeDescription ; aia:practice aiac:practice-biometric-categorisation ;\n"
        "  aia:inferredAttribute aiac:attribute-political-opinions .\n",
        False,
    ),
    "biometric categorisation by no sensitive attribute (not point 1(b))": (
        "ex:p a aia:PracticeDescription ; aia:practice aiac:practice-biometric-categorisation ;\n"
        "  aia:inferredAttribute aiac:attribute-not-sensitive .\n",
        True,
    ),
    "crime-risk prediction for law enforcement (point 6(d))": (
        "ex:p a aia:PracticeDescription ; aia:practice aiac:practice-crime-risk-prediction ;\n"
        "  aia:basedSolelyOnProfiling false ; aia:forLawEnforcement true .\n",
        False,
    ),
    "crime-risk prediction for a law-enforcement deployer (point 6(d))": (
        "ex:p a aia:PracticeDescription ; aia:practice aiac:practice-crime-risk-prediction ;\n"
        "  aia:basedSolelyOnProfiling false .\n"
        "ex:s aia:hasDeployer ex:police . ex:police aia:isLawEnforcementAuthority true .\n",
        False,
    ),
    "crime-risk prediction outside law enforcement (no Annex III purpose)": (
        "ex:p a aia:PracticeDescription ; aia:practice aiac:practice-crime-risk-prediction ;\n"
        "  aia:basedSolelyOnProfiling false ; aia:forLawEnforcement false .\n",
        True,
    ),
}


@pytest.mark.parametrize("engine", [None, "pyshacl"])
@pytest.mark.parametrize("practice", sorted(PRACTICES))
def test_a_purpose_derived_from_a_practice_reads_the_condition(
    practice: str, engine: str | None
) -> None:
    text, warned = PRACTICES[practice]
    document = read_rdf_bytes((PREFIXES + SYSTEM + text).encode(), name="s.ttl")
    report = SubmissionValidator(engine).validate([document])
    found = [
        finding
        for subject in report.subjects
        for finding in subject.findings
        if finding.shape.endswith("#DerogationNeedsAnnexIIIPurpose")
    ]
    assert bool(found) == warned
