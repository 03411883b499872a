"""The duty sweep: the duties the issue names are in the catalogue as the text sets them, and
every catalogue obligation is asserted by at least one legal case (by the citation of the
provision imposing it).

The completeness of the sweep itself (every provision reviewed, every review consistent) is
checked by queries/checks/duty-sweep-*.rq in tests/ontology/test_quality.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from rdflib import RDF, Graph, Namespace, URIRef

from aiact_kg.namespaces import CONCEPT, ONTOLOGY, PROVISION
from aiact_kg.resources import data_dir

AIA = Namespace(ONTOLOGY)
AIAC = Namespace(CONCEPT)
AIAP = Namespace(PROVISION)
CASES = Path(__file__).resolve().parent.parent / "cases"


@pytest.fixture(scope="module")
def catalogue() -> Graph:
    graph = Graph()
    for path in sorted(data_dir("obligations").glob("*.ttl")):
        graph.parse(path)
    for path in sorted(data_dir("duty-sweep").glob("*.ttl")):
        graph.parse(path)
    graph.parse(data_dir("legal-text") / "aiact-2024-1689.ttl")
    return graph


# provision imposing the duty -> (bearer role, category or None, applies from, fine tier or None)
NAMED_IN_THE_ISSUE: dict[str, tuple[str, str | None, str, str | None]] = {
    "art_86.par_1": ("deployer", "high-risk", "2026-08-02", "fine-tier-art-99-1"),
    "art_55.par_2": ("provider", "gpai-systemic-risk", "2025-08-02", "fine-tier-art-101-1"),
    "art_91.par_5": ("provider", None, "2026-08-02", "fine-tier-art-101-1"),
    "art_92.par_5": ("provider", None, "2026-08-02", "fine-tier-art-101-1"),
    "art_93.par_1": ("provider", None, "2026-08-02", "fine-tier-art-101-1"),
    "art_79.par_4": ("provider", None, "2026-08-02", None),
    "art_80.par_4": ("provider", None, "2026-08-02", None),
    "art_80.par_5": ("provider", None, "2026-08-02", None),
    "art_82.par_2": ("provider", "high-risk", "2026-08-02", None),
    "art_61.par_2": ("provider", None, "2026-08-02", None),
}


def _obligations_imposed_by(graph: Graph, local: str) -> list[URIRef]:
    return [
        subject
        for subject in graph.subjects(AIA.imposedBy, AIAP[local])
        if isinstance(subject, URIRef)
    ]


@pytest.mark.parametrize("local", sorted(NAMED_IN_THE_ISSUE))
def test_duty_named_in_the_issue_is_catalogued(catalogue: Graph, local: str) -> None:
    role, category, applies, tier = NAMED_IN_THE_ISSUE[local]
    candidates = _obligations_imposed_by(catalogue, local)
    assert candidates, f"no catalogue obligation is imposed by {local}"
    matching = [
        obligation
        for obligation in candidates
        if (obligation, AIA.bearerRole, AIAC[f"role-{role}"]) in catalogue
        and str(catalogue.value(obligation, AIA.appliesFrom)) == applies
        and (
            category is None
            or (obligation, AIA.appliesToCategory, AIAC[f"category-{category}"]) in catalogue
        )
        and (tier is None or (obligation, AIA.fineTier, AIAC[tier]) in catalogue)
        and (tier is not None or catalogue.value(obligation, AIA.fineTier) is not None)
    ]
    assert matching, (
        f"{local}: none of {sorted(str(c) for c in candidates)} has bearer {role}, "
        f"category {category}, date {applies} and fine tier {tier or 'some tier'}"
    )
    reviews = list(catalogue.subjects(AIA.reviewedProvision, AIAP[local]))
    assert reviews, f"{local} has no duty review"
    covered = set(catalogue.objects(reviews[0], AIA.coveredBy))
    assert covered & set(matching), f"the duty review of {local} does not point to its obligation"


def _asserted_citations() -> set[str]:
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if "citation" in node:
                found.add(str(node["citation"]))
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    for path in sorted(CASES.rglob("*.yaml")):
        walk(yaml.safe_load(path.read_text(encoding="utf-8")).get("expected"))
    return found


def test_every_obligation_is_asserted_by_a_legal_case(catalogue: Graph) -> None:
    citations = {
        str(citation)
        for obligation in catalogue.subjects(AIA.imposedBy, None)
        for provision in catalogue.objects(obligation, AIA.imposedBy)
        for citation in catalogue.objects(provision, AIA.citation)
    }
    assert len(citations) > 100, "the catalogue was not read"
    missing = sorted(citations - _asserted_citations())
    assert not missing, f"obligations no legal case asserts (add one under tests/cases/): {missing}"


def test_every_obligation_has_a_fine_tier(catalogue: Graph) -> None:
    obligations = set(catalogue.subjects(RDF.type, AIA.Obligation))
    assert len(obligations) > 100
    missing = sorted(str(o) for o in obligations if catalogue.value(o, AIA.fineTier) is None)
    assert not missing, (
        f"obligations without a fine tier (Art 99(1) where no other applies): {missing}"
    )
