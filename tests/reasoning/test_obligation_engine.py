"""The obligation rules (8NN) instantiate the catalogue from determinations, roles and triggers.

These tests drive the engine with a stand-in classification rule, so they check the
obligation machinery on its own, independent of the classification rules.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from aiact_kg.assessment import assess_documents
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.reasoning.rules import Rule, load_rules
from aiact_kg.submission.reading import read_rdf_bytes

STAND_IN = """
# Rule: test-high-risk-by-route
# Label: Test stand-in: high-risk by the route named in ex:testRoute
# Provisions: aiap:art_6.par_2
INSERT {
  ?d a aia:Determination ; aia:determinationOf ?s ; aia:conclusion aiac:category-high-risk ;
     aia:byRule aiar:test-high-risk-by-route ; aia:legalBasis aiap:art_6.par_2 ; aia:route ?route .
  ?s aia:satisfiesTrigger ?useCase .
}
WHERE {
  ?s <https://example.org/testRoute> ?route .
  OPTIONAL { ?s aia:intendedPurpose ?useCase }
  BIND(IRI(CONCAT(STR(aiaa:), "det-", MD5(STR(?s)))) AS ?d)
}
"""

FACTS = """
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix aiac: <https://w3id.org/aiact-kg/concept/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/> .
ex:s a aia:AISystem ; aia:hasProvider ex:p ; aia:hasDeployer ex:d , ex:home ;
  aia:intendedPurpose aiac:annex-iii-5b ; aia:interactsWithNaturalPersons false ;
  ex:testRoute aiac:route-art-6-2 ; aia:putIntoServiceOn "2026-09-01"^^xsd:date .
ex:p a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME false .
ex:d a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isPrivateEntityProvidingPublicServices false .
ex:home a aia:NaturalPerson ; aia:establishedIn "FR" ; aia:actsInPersonalCapacity true ;
  aia:isPrivateEntityProvidingPublicServices false .
"""


def _rules(tmp_path: Path) -> tuple[Rule, ...]:
    path = tmp_path / "300-test.ru"
    path.write_text(STAND_IN, encoding="utf-8")
    stand_in = Rule("test-high-risk-by-route", "test", (), path, STAND_IN)
    rules = load_rules()
    return tuple(sorted((*rules, stand_in), key=lambda rule: rule.path.name))


def _assess(tmp_path: Path, facts: str, **options: object) -> dict[str, object]:
    import aiact_kg.reasoning.engine as engine

    document = read_rdf_bytes(facts.encode(), name="facts.ttl")
    engine.knowledge_base_digest()  # cached from the shipped rules, not from the stand-in
    original = engine.load_rules
    engine.load_rules = lambda: _rules(tmp_path)  # type: ignore[assignment]
    try:
        report = assess_documents([document], AssessmentOptions(**options))  # type: ignore[arg-type]
    finally:
        engine.load_rules = original  # type: ignore[assignment]
    assert report.data["valid"], report.data["violations"]
    (subject,) = report.data["subjects"]
    return subject  # type: ignore[no-any-return]


def _cited(subject: dict[str, object], role: str) -> dict[str, str]:
    return {
        o["citation"]: o["applies_from"]
        for o in subject["obligations"]  # type: ignore[attr-defined]
        if o["role"] == role
    }


def test_high_risk_obligations_per_role(tmp_path: Path) -> None:
    subject = _assess(tmp_path, FACTS, as_of=date(2026, 11, 22))
    provider = _cited(subject, "provider")
    deployer = _cited(subject, "deployer")
    assert "Art 9(1)" in provider or any(c.startswith("Art 9") for c in provider)
    assert any(c.startswith("Art 26") for c in deployer)
    assert all(
        date.fromisoformat(d) >= date(2026, 8, 2) for c, d in provider.items() if c != "Art 4"
    )
    # Annex III 5(b) triggers the fundamental-rights impact assessment for the deployer
    assert any(c.startswith("Art 27") for c in deployer)
    bearers = {o["bearer"] for o in subject["obligations"]}  # type: ignore[attr-defined]
    assert "https://example.org/home" not in bearers  # Art 2(10): personal use
    assert "https://example.org/p" in bearers


def test_amended_law_postpones_annex_iii_obligations(tmp_path: Path) -> None:
    subject = _assess(tmp_path, FACTS, as_of=date(2026, 11, 22), law="as-amended")
    provider = _cited(subject, "provider")
    assert provider
    assert all(d == "2027-12-02" for c, d in provider.items() if c.startswith("Art 9"))
    notes = [
        o.get("depends_on_unverified_amendment")
        for o in subject["obligations"]
        if o["role"] == "provider"  # type: ignore[attr-defined]
        and o["citation"].startswith("Art 9")
    ]
    assert notes
    # the note names the change that moved the date, not only the amendment's status
    assert all(
        note and "Reported change applied: Annex III high-risk obligations postponed" in note
        for note in notes
    )


@pytest.mark.parametrize(
    ("route", "expected"), [("route-art-6-1", "2027-08-02"), ("route-art-6-2", "2026-08-02")]
)
def test_annex_i_route_applies_later(tmp_path: Path, route: str, expected: str) -> None:
    facts = FACTS.replace("ex:testRoute aiac:route-art-6-2", f"ex:testRoute aiac:{route}")
    if route == "route-art-6-1":  # by that route only: an Annex III purpose gives Art 6(2)'s date
        facts = facts.replace("aiac:annex-iii-5b", "aiac:purpose-other")
    subject = _assess(tmp_path, facts, as_of=date(2026, 11, 22), law="as-published")
    dates = {
        o["applies_from"]
        for o in subject["obligations"]  # type: ignore[attr-defined]
        if o["citation"].startswith("Art 9")
    }
    assert dates == {expected}


def test_rules_have_headers_and_existing_provisions() -> None:
    for rule in load_rules():
        assert rule.label
        assert rule.name
        assert all(
            p.startswith("https://w3id.org/aiact-kg/reg/2024/1689/") for p in rule.provisions
        )
    assert [r.path.name for r in load_rules()] == sorted(r.path.name for r in load_rules())
    assert replace  # dataclasses.replace stays importable for rule tweaks


def test_ai_literacy_for_provider_and_deployer(tmp_path: Path) -> None:
    subject = _assess(tmp_path, FACTS, as_of=date(2026, 11, 22))
    literacy = {
        (o["role"], o["applies_from"], o["in_force"])  # type: ignore[index]
        for o in subject["obligations"]
        if o["citation"] == "Art 4"
    }  # type: ignore[attr-defined]
    assert literacy == {("provider", "2025-02-02", True), ("deployer", "2025-02-02", True)}
