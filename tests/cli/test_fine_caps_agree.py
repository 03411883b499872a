"""The fine caps of ``assess --format json`` and the statements of ``--format turtle`` agree.

An outside review found the Turtle output saying "whichever is higher" for obligations fined
under Art 99(1) (no amount to choose from; the JSON gave no cap) and for the single amount of
Art 100 (a Union body). A later review found that one selection per assessed obligation cannot
hold two tiers of different kinds (Art 21: Art 99(1) beside Art 99(5)). The graph now records
the tiers and the fine rule applied; each tier's cap follows from them: the rule's selection
where the rule names the tier, else the tier's own. That cap must be what the JSON says.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, Store

from aiact_kg.cli import main

DESCRIPTION = """
@prefix aia:  <https://w3id.org/aiact-kg/ontology#> .
@prefix aiac: <https://w3id.org/aiact-kg/concept/> .
@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/fc/risk> a aia:AISystem ; aia:hasProvider <https://example.org/fc/sme> ;
  aia:hasDeployer <https://example.org/fc/agency> , <https://example.org/fc/town> ;
  aia:intendedPurpose aiac:annex-iii-5a ; aia:interactsWithNaturalPersons false ;
  aia:putIntoServiceOn "2026-09-01"^^xsd:date .
<https://example.org/fc/sme> a aia:LegalPerson ; aia:establishedIn "IT" ; aia:isSME true .
<https://example.org/fc/agency> a aia:UnionBody ; aia:establishedIn "LU" .
<https://example.org/fc/town> a aia:PublicAuthority ; aia:establishedIn "IT" ;
  aia:isLawEnforcementAuthority false ; aia:isMigrationAuthority false ;
  aia:isPrivateEntityProvidingPublicServices false .
"""
AIA = "https://w3id.org/aiact-kg/ontology#"


def _assess(capsys: pytest.CaptureFixture[str], path: Path, fmt: str) -> str:
    argv = ["assess", "--as-of", "2028-01-01", "--law", "as-published", "--format", fmt]
    assert main([*argv, "--no-progress", str(path)]) == 0
    return capsys.readouterr().out


def test_the_turtle_tiers_and_fine_rule_give_the_json_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "caps.ttl"
    path.write_text(DESCRIPTION, encoding="utf-8")
    report = json.loads(_assess(capsys, path, "json"))
    graph = Store()
    graph.load(_assess(capsys, path, "turtle").encode(), format=RdfFormat.TURTLE)
    tiers: dict[tuple[str, str], set[str]] = {}
    rules: dict[tuple[str, str], set[str]] = {}
    for row in graph.query(
        f"SELECT ?bearer ?obligation ?tier ?rule WHERE {{ ?a <{AIA}bearer> ?bearer ; "
        f"<{AIA}obligation> ?obligation ; <{AIA}fineTierApplied> ?tier . "
        f"OPTIONAL {{ ?a <{AIA}fineRuleApplied> ?rule }} }}"
    ):
        key = (row["bearer"].value, row["obligation"].value.rsplit("/", 1)[1])
        tiers.setdefault(key, set()).add(row["tier"].value.rsplit("/", 1)[1])
        if row["rule"] is not None:
            rules.setdefault(key, set()).add(row["rule"].value.rsplit("/", 1)[1])
    caps_seen: set[str | None] = set()
    for obligation in report["subjects"][0]["obligations"]:
        key = (obligation["bearer"], obligation["id"])
        for fine in obligation["fines"]:
            caps_seen.add(fine["cap"])
            tier = TIER_BY_CITATION[fine["tier"]]
            assert tier in tiers[key], (obligation["id"], fine, tiers[key])
            assert _cap(tier, rules.get(key, set())) == fine["cap"], (obligation["id"], fine)
    # the description reaches every kind: the SME's lower cap, the Union body's single amount
    # and the public authority's fixed amount, and Art 99(1) (Art 4, Art 27) with no cap
    assert caps_seen == {"lower", "fixed", None}


TIER_BY_CITATION = {
    "Art 99(1)": "fine-tier-art-99-1",
    "Art 99(3)": "fine-tier-art-99-3",
    "Art 99(4)": "fine-tier-art-99-4",
    "Art 99(5)": "fine-tier-art-99-5",
    "Art 100(2)": "fine-tier-art-100-2",
    "Art 100(3)": "fine-tier-art-100-3",
}
RULE_CAPS = {  # what the fine rules of data/obligations/fine-tiers.ttl give the tiers they name
    "fine-rule-sme-lower": "lower",
    "fine-rule-public-authority": "fixed",
    "fine-rule-not-undertaking": "fixed",
}
TIER_CAPS = {
    "fine-tier-art-99-1": None,
    "fine-tier-art-100-2": "fixed",
    "fine-tier-art-100-3": "fixed",
}
ART_99_TIERS = {"fine-tier-art-99-3", "fine-tier-art-99-4", "fine-tier-art-99-5"}


def _cap(tier: str, rules: set[str]) -> str | None:
    """The cap of ``tier`` for a bearer with the fine ``rules`` applied (at most one)."""
    assert len(rules) <= 1, rules
    if rules and tier in ART_99_TIERS:
        return RULE_CAPS[next(iter(rules))]
    return TIER_CAPS.get(tier, "higher")
