"""Citation audit: each catalogue obligation cites the one provision that imposes it.

``IMPOSED_BY`` is a reviewed table, written from the legal text
(``data/legal-text/aiact-2024-1689.ttl``), not from the catalogue: for every obligation of
``data/obligations/*.ttl`` it gives the provision whose words place that duty on its bearer.
The catalogue states that provision as ``aia:imposedBy``; the assessment cites it as the
obligation's ``citation`` (other provisions it rests on go to ``legal_basis``).

How the table was decided:
- the smallest unit that holds the imposing words and sets the duty apart from its siblings in
  the catalogue (a point, a subparagraph where one paragraph holds several catalogue
  obligations, e.g. Art 26(10), Art 5(2), Art 5(3), Art 43(1), Art 50(4));
- where a point of Art 16 only refers to a duty that another article places on the provider in
  full ("keep the documentation referred to in Article 18", "comply with the registration
  obligations referred to in Article 49(1)"), that article imposes it: Art 17(1), 18(1), 19(1),
  20(1), 47(1), 49(1). Where the Art 16 point itself states the duty (16(a), (b), (f), (h), (k),
  (l)), the point is cited;
- a condition or definition the duty depends on (Art 51(1)(a) and 51(2) for the Art 52(1)
  notification, Art 6(4) for the Art 49(2) registration) is a provision it rests on, never its
  citation.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store

from aiact_kg.namespaces import OBLIGATION, ONTOLOGY
from aiact_kg.queries import run_select
from aiact_kg.resources import data_dir
from aiact_kg.store.oxigraph_store import OxigraphStore

IMPOSED_BY: dict[str, str] = {
    # Art 4, Art 6(4), Art 49(2)
    "art-4-ai-literacy-providers": "Art 4",
    "art-4-ai-literacy-deployers": "Art 4",
    "art-6-4-document-non-high-risk-assessment": "Art 6(4)",
    "art-6-4-provide-assessment-on-request": "Art 6(4)",
    "art-49-2-register-non-high-risk-system": "Art 49(2)",
    # Art 5(2)-(4): conditions on permitted real-time remote biometric identification
    "art-5-2-targeted-confirmation-only": "Art 5(2) first subparagraph",
    "art-5-2-necessary-and-proportionate-safeguards": "Art 5(2) second subparagraph",
    "art-5-2-fria-before-use": "Art 5(2) second subparagraph",
    "art-5-2-register-before-use": "Art 5(2) second subparagraph",
    "art-5-3-prior-authorisation": "Art 5(3) first subparagraph",
    "art-5-3-stop-and-delete-if-refused": "Art 5(3) first subparagraph",
    "art-5-3-no-decision-solely-on-output": "Art 5(3) second subparagraph",
    "art-5-4-notify-each-use": "Art 5(4)",
    # Chapter III Section 2 requirements and Art 16 provider obligations
    "art-8-2-annex-i-product-compliance": "Art 8(2)",
    "art-9-risk-management-system": "Art 9(1)",
    "art-9-testing-before-placing": "Art 9(6)",
    "art-10-data-governance": "Art 10(2)",
    "art-10-data-quality": "Art 10(3)",
    "art-10-5-special-category-data-safeguards": "Art 10(5)",
    "art-11-1-technical-documentation": "Art 11(1)",
    "art-11-2-single-technical-documentation-annex-i": "Art 11(2)",
    "art-12-1-automatic-logging": "Art 12(1)",
    "art-12-3-logging-remote-biometric-identification": "Art 12(3)",
    "art-13-1-transparent-design": "Art 13(1)",
    "art-13-instructions-for-use": "Art 13(2)",
    "art-14-human-oversight-design": "Art 14(1)",
    "art-14-5-two-person-verification": "Art 14(5)",
    "art-15-1-accuracy-robustness-cybersecurity": "Art 15(1)",
    "art-15-3-declare-accuracy": "Art 15(3)",
    "art-16-a-ensure-compliance-with-requirements": "Art 16(a)",
    "art-16-b-indicate-provider-identity": "Art 16(b)",
    "art-16-c-17-quality-management-system": "Art 17(1)",
    "art-16-d-18-keep-documentation": "Art 18(1)",
    "art-16-e-19-keep-logs": "Art 19(1)",
    "art-16-f-conformity-assessment": "Art 16(f)",
    "art-16-g-47-eu-declaration-of-conformity": "Art 47(1)",
    "art-16-h-48-ce-marking": "Art 16(h)",
    "art-16-i-49-1-registration": "Art 49(1)",
    "art-16-j-20-1-corrective-actions": "Art 20(1)",
    "art-16-k-demonstrate-conformity-on-request": "Art 16(k)",
    "art-16-l-accessibility": "Art 16(l)",
    "art-20-2-investigate-and-inform-of-risk": "Art 20(2)",
    "art-21-1-provide-information-to-authorities": "Art 21(1)",
    "art-21-2-give-access-to-logs": "Art 21(2)",
    "art-22-1-appoint-authorised-representative": "Art 22(1)",
    "art-22-2-enable-authorised-representative": "Art 22(2)",
    # Authorised representatives (Art 22(3)-(4))
    "art-22-3-perform-mandate-and-show-mandate": "Art 22(3)",
    "art-22-3-a-verify-declaration-and-documentation": "Art 22(3)(a)",
    "art-22-3-b-keep-documents": "Art 22(3)(b)",
    "art-22-3-c-provide-information": "Art 22(3)(c)",
    "art-22-3-d-cooperate": "Art 22(3)(d)",
    "art-22-3-e-registration": "Art 22(3)(e)",
    "art-22-4-terminate-mandate": "Art 22(4)",
    # Importers (Art 23) and distributors (Art 24)
    "art-23-1-importer-verify-before-placing": "Art 23(1)",
    "art-23-2-importer-withhold-non-conforming": "Art 23(2)",
    "art-23-2-importer-inform-of-risk": "Art 23(2)",
    "art-23-3-importer-indicate-identity": "Art 23(3)",
    "art-23-4-importer-storage-transport": "Art 23(4)",
    "art-23-5-importer-keep-documents": "Art 23(5)",
    "art-23-6-importer-provide-information": "Art 23(6)",
    "art-23-7-importer-cooperate": "Art 23(7)",
    "art-24-1-distributor-verify": "Art 24(1)",
    "art-24-2-distributor-withhold-and-inform": "Art 24(2)",
    "art-24-3-distributor-storage-transport": "Art 24(3)",
    "art-24-4-distributor-corrective-action": "Art 24(4)",
    "art-24-5-distributor-provide-information": "Art 24(5)",
    "art-24-6-distributor-cooperate": "Art 24(6)",
    # Value chain (Art 25)
    "art-25-1-a-rebranding-makes-provider": "Art 25(1)(a)",
    "art-25-1-b-substantial-modification-makes-provider": "Art 25(1)(b)",
    "art-25-1-c-purpose-change-makes-provider": "Art 25(1)(c)",
    "art-25-2-initial-provider-cooperation": "Art 25(2)",
    "art-25-3-product-manufacturer-as-provider": "Art 25(3)",
    "art-25-4-written-agreement-with-suppliers": "Art 25(4)",
    "art-25-4-model-supplier-written-agreement": "Art 25(4)",
    "art-49-3-registration-on-behalf-of-public-authority": "Art 49(3)",
    "art-49-4-secure-registration-of-use-on-behalf-of-public-authority": "Art 49(4)",
    # Deployers (Art 26, 27, 49(3))
    "art-26-1-use-per-instructions": "Art 26(1)",
    "art-26-2-assign-human-oversight": "Art 26(2)",
    "art-26-4-relevant-input-data": "Art 26(4)",
    "art-26-5-monitor-operation": "Art 26(5)",
    "art-26-5-risk-inform-and-suspend": "Art 26(5)",
    "art-26-5-serious-incident-inform": "Art 26(5)",
    "art-26-5-report-serious-incident-if-provider-unreachable": "Art 26(5)",
    "art-26-6-keep-logs": "Art 26(6)",
    "art-26-7-inform-workers": "Art 26(7)",
    "art-26-8-do-not-use-unregistered-system": "Art 26(8)",
    "art-26-9-use-information-for-dpia": "Art 26(9)",
    "art-26-10-post-remote-rbi-authorisation": "Art 26(10) first subparagraph",
    "art-26-10-stop-and-delete-if-refused": "Art 26(10) second subparagraph",
    "art-26-10-no-untargeted-use": "Art 26(10) third subparagraph",
    "art-26-10-no-decision-solely-on-output": "Art 26(10) third subparagraph",
    "art-26-10-document-each-use": "Art 26(10) fifth subparagraph",
    "art-26-10-annual-report": "Art 26(10) sixth subparagraph",
    "art-26-11-inform-natural-persons": "Art 26(11)",
    "art-26-12-cooperate-with-authorities": "Art 26(12)",
    "art-27-1-fria-public-bodies-and-public-services": "Art 27(1)",
    "art-27-1-fria-credit-and-insurance": "Art 27(1)",
    "art-27-2-update-fria": "Art 27(2)",
    "art-27-3-notify-fria-results": "Art 27(3)",
    "art-49-3-public-deployer-registration": "Art 49(3)",
    # Conformity assessment (Art 43) and registration (Art 49(4), 49(5))
    "art-43-1-biometrics-choice-of-procedure": "Art 43(1) first subparagraph",
    "art-43-1-biometrics-notified-body-mandatory": "Art 43(1) second subparagraph",
    "art-43-2-internal-control-annex-iii-2-8": "Art 43(2)",
    "art-43-3-sectoral-conformity-assessment": "Art 43(3)",
    "art-43-4-new-assessment-after-substantial-modification": "Art 43(4)",
    "art-49-4-secure-non-public-registration": "Art 49(4)",
    "art-49-4-secure-non-public-registration-non-high-risk": "Art 49(4)",
    "art-49-4-secure-non-public-registration-of-use": "Art 49(4)",
    "art-49-5-national-registration-critical-infrastructure": "Art 49(5)",
    # Duty sweep of Chapter III Sections 4-5: certificates (Art 36(8)(b)), common specifications
    # (Art 41(5)), derogations from conformity assessment (Art 46(1), 46(2))
    "art-36-8-b-confirm-replacement-notified-body": "Art 36(8)(b)",
    "art-41-5-justify-equivalent-solutions-high-risk": "Art 41(5)",
    "art-41-5-justify-equivalent-solutions-gpai": "Art 41(5)",
    "art-46-1-complete-conformity-assessment-without-delay": "Art 46(1)",
    "art-46-2-request-authorisation-after-urgent-use": "Art 46(2)",
    "art-46-2-stop-use-if-authorisation-refused": "Art 46(2)",
    # Transparency (Art 50)
    "art-50-1-disclose-ai-interaction": "Art 50(1)",
    "art-50-2-mark-synthetic-content": "Art 50(2)",
    "art-50-3-inform-exposed-persons": "Art 50(3)",
    "art-50-4-disclose-deep-fake": "Art 50(4) first subparagraph",
    "art-50-4-disclose-ai-generated-public-interest-text": "Art 50(4) second subparagraph",
    "art-50-5-timing-and-accessibility-of-information": "Art 50(5)",
    "art-50-5-timing-and-accessibility-of-information-deployers": "Art 50(5)",
    # General-purpose AI models (Art 52-55)
    "art-52-1-notify-commission-systemic-risk": "Art 52(1)",
    "art-53-1-a-technical-documentation": "Art 53(1)(a)",
    "art-53-1-b-downstream-information": "Art 53(1)(b)",
    "art-53-1-c-copyright-policy": "Art 53(1)(c)",
    "art-53-1-d-training-content-summary": "Art 53(1)(d)",
    "art-53-3-cooperate-with-commission": "Art 53(3)",
    "art-53-4-demonstrate-alternative-compliance": "Art 53(4)",
    "art-54-1-appoint-gpai-authorised-representative": "Art 54(1)",
    "art-54-2-enable-gpai-authorised-representative": "Art 54(2)",
    "art-54-3-perform-mandate-and-show-mandate": "Art 54(3)",
    "art-54-3-a-verify-gpai-documentation": "Art 54(3)(a)",
    "art-54-3-b-keep-gpai-documentation": "Art 54(3)(b)",
    "art-54-3-c-provide-information-to-ai-office": "Art 54(3)(c)",
    "art-54-3-d-cooperate-with-ai-office": "Art 54(3)(d)",
    "art-54-5-terminate-gpai-mandate": "Art 54(5)",
    "art-55-1-a-model-evaluation": "Art 55(1)(a)",
    "art-55-1-b-assess-mitigate-systemic-risks": "Art 55(1)(b)",
    "art-55-1-c-track-report-serious-incidents": "Art 55(1)(c)",
    "art-55-1-d-cybersecurity": "Art 55(1)(d)",
    "art-55-2-demonstrate-alternative-compliance": "Art 55(2)",
    # Testing in real-world conditions (Art 60)
    "art-60-4-a-real-world-testing-plan": "Art 60(4)(a)",
    "art-60-4-c-register-real-world-testing": "Art 60(4)(c)",
    "art-60-4-d-union-establishment-or-legal-representative": "Art 60(4)(d)",
    "art-60-4-e-safeguards-for-data-transfers": "Art 60(4)(e)",
    "art-60-4-f-limit-testing-duration": "Art 60(4)(f)",
    "art-60-4-g-protect-vulnerable-subjects": "Art 60(4)(g)",
    "art-60-4-h-inform-deployers-and-agree-roles": "Art 60(4)(h)",
    "art-60-4-h-deployer-testing-agreement": "Art 60(4)(h)",
    "art-60-4-i-informed-consent": "Art 60(4)(i)",
    "art-60-4-j-k-oversight-and-reversibility": "Art 60(4)(j)",
    "art-60-4-j-deployer-oversight-of-testing": "Art 60(4)(j)",
    "art-60-7-serious-incident-during-testing": "Art 60(7)",
    "art-60-8-notify-suspension-termination-outcomes": "Art 60(8)",
    # Informed consent of the subjects of real-world testing (Art 61)
    "art-61-1-inform-test-subjects": "Art 61(1)",
    "art-61-2-date-and-document-consent": "Art 61(2)",
    # Post-market monitoring (Art 72) and serious incidents (Art 73)
    "art-72-1-post-market-monitoring-system": "Art 72(1)",
    "art-72-3-post-market-monitoring-plan": "Art 72(3)",
    "art-73-1-report-serious-incidents": "Art 73(1)",
    "art-73-2-serious-incident-report": "Art 73(2)",
    "art-73-3-report-widespread-infringement": "Art 73(3)",
    "art-73-3-report-critical-infrastructure-incident": "Art 73(3)",
    "art-73-4-report-death": "Art 73(4)",
    "art-73-10-medical-device-fundamental-rights-incidents": "Art 73(10)",
    "art-73-9-equivalent-reporting-fundamental-rights-incidents": "Art 73(9)",
    "art-73-6-investigate-serious-incident": "Art 73(6)",
    # Market surveillance (Arts 74, 78(3)) and the procedures of Arts 79 and 80
    "art-74-12-give-access-to-documentation-and-data": "Art 74(12)",
    "art-74-13-give-access-to-source-code": "Art 74(13)",
    "art-78-3-keep-documentation-on-premises": "Art 78(3) second subparagraph",
    "art-79-2-cooperate-with-authorities": "Art 79(2) first subparagraph",
    "art-79-4-corrective-action-for-all-systems": "Art 79(4)",
    "art-80-4-bring-into-compliance": "Art 80(4)",
    "art-80-5-corrective-action-for-all-systems": "Art 80(5)",
    # Chapter IX: compliant systems presenting a risk (Art 82(2)), explanation of individual
    # decisions (Art 86(1)), duties of GPAI providers towards the Commission (Arts 91-93)
    "art-82-2-corrective-action-compliant-system-risk": "Art 82(2)",
    "art-86-1-explain-individual-decision": "Art 86(1)",
    "art-91-5-supply-information-to-commission": "Art 91(5)",
    "art-92-5-give-access-for-evaluation": "Art 92(5)",
    "art-93-1-comply-with-requested-measures": "Art 93(1)",
}


def _load(store: Store, directory: Path) -> None:
    for path in sorted(directory.glob("*.ttl")):
        store.load(path=path, format=RdfFormat.TURTLE)


@pytest.fixture(scope="module")
def catalogue() -> dict[str, list[str]]:
    """``{obligation id: [citation of each aia:imposedBy value]}`` for the whole catalogue."""
    store = Store()
    _load(store, data_dir("obligations"))
    _load(store, data_dir("legal-text"))
    found: dict[str, list[str]] = {}
    query = f"""
        SELECT ?obligation ?citation WHERE {{
          ?obligation a <{ONTOLOGY}Obligation> .
          OPTIONAL {{ ?obligation <{ONTOLOGY}imposedBy> ?provision .
                     OPTIONAL {{ ?provision <{ONTOLOGY}citation> ?citation }} }}
        }}"""
    for row in store.query(query):  # type: ignore[union-attr]
        obligation, citation = row[0], row[1]
        assert isinstance(obligation, NamedNode)
        cited = found.setdefault(obligation.value.removeprefix(OBLIGATION), [])
        if citation is not None:
            cited.append(citation.value)
    return found


def test_table_covers_the_catalogue(catalogue: dict[str, list[str]]) -> None:
    assert sorted(set(catalogue) - set(IMPOSED_BY)) == [], "obligations missing from the table"
    assert sorted(set(IMPOSED_BY) - set(catalogue)) == [], "table rows without an obligation"


def test_every_obligation_has_one_imposing_provision(catalogue: dict[str, list[str]]) -> None:
    wrong = {o: cited for o, cited in catalogue.items() if len(cited) != 1}
    assert not wrong, f"obligations without exactly one aia:imposedBy in the legal text: {wrong}"


@pytest.mark.parametrize("obligation", sorted(IMPOSED_BY))
def test_citation_matches_reviewed_table(catalogue: dict[str, list[str]], obligation: str) -> None:
    assert catalogue.get(obligation) == [IMPOSED_BY[obligation]]


def test_imposing_provision_check_can_fail() -> None:
    """An obligation with no imposing provision, or two, is reported by the check query."""
    store = OxigraphStore()
    graph = "https://w3id.org/aiact-kg/graph/obligations"
    store.update(
        f"INSERT DATA {{ GRAPH <{graph}> {{ <{OBLIGATION}none> a <{ONTOLOGY}Obligation> . "
        f"<{OBLIGATION}two> a <{ONTOLOGY}Obligation> ; <{ONTOLOGY}imposedBy> "
        "<https://w3id.org/aiact-kg/reg/2024/1689/art_4> , "
        "<https://w3id.org/aiact-kg/reg/2024/1689/art_5> } }"
    )
    rows = run_select(store, "checks/obligation-imposing-provision-violation").rows
    flagged = {row[0].value for row in rows if row[0] is not None}
    assert flagged == {f"{OBLIGATION}none", f"{OBLIGATION}two"}
