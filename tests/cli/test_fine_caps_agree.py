"""The fine caps of ``assess --format json`` and the statements of ``--format turtle`` agree.

An outside review found the Turtle output saying "whichever is higher" for obligations fined
under Art 99(1) (no amount to choose from; the JSON gave no cap) and for the single amount of
Art 100 (a Union body). Each assessed obligation's selection in the graph must say what the JSON
says: lower, higher, the fixed amount, or the Member State's rules.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import NamedNode, RdfFormat, Store

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
CONCEPT = "https://w3id.org/aiact-kg/concept/"
SELECTION = {
    "lower": "fine-selection-lower",
    "higher": "fine-selection-higher",
    "fixed": "fine-selection-fixed",
    None: "fine-selection-member-state-rules",
}


def _assess(capsys: pytest.CaptureFixture[str], path: Path, fmt: str) -> str:
    argv = ["assess", "--as-of", "2028-01-01", "--law", "as-published", "--format", fmt]
    assert main([*argv, "--no-progress", str(path)]) == 0
    return capsys.readouterr().out


def test_the_turtle_selection_of_each_fine_is_the_json_cap(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "caps.ttl"
    path.write_text(DESCRIPTION, encoding="utf-8")
    report = json.loads(_assess(capsys, path, "json"))
    graph = Store()
    graph.load(_assess(capsys, path, "turtle").encode(), format=RdfFormat.TURTLE)
    by_pair: dict[tuple[str, str], set[str]] = {}
    for row in graph.query(
        f"SELECT ?bearer ?obligation ?selection WHERE {{ ?a <{AIA}bearer> ?bearer ; "
        f"<{AIA}obligation> ?obligation ; <{AIA}fineSelectionApplied> ?selection }}"
    ):
        key = (row["bearer"].value, row["obligation"].value.rsplit("/", 1)[1])
        by_pair.setdefault(key, set()).add(row["selection"].value.rsplit("/", 1)[1])
    caps_seen: set[str | None] = set()
    for obligation in report["subjects"][0]["obligations"]:
        for fine in obligation["fines"]:
            caps_seen.add(fine["cap"])
            found = by_pair[obligation["bearer"], obligation["id"]]
            assert found == {SELECTION[fine["cap"]]}, (obligation["id"], fine, found)
    # the description reaches every kind: the SME's lower cap, the Union body's single amount
    # and the public authority's fixed amount, and Art 99(1) (Art 4, Art 27) with no cap
    assert caps_seen == {"lower", "fixed", None}
    assert NamedNode(CONCEPT + "fine-selection-higher") not in {
        quad.object
        for quad in graph.quads_for_pattern(None, NamedNode(AIA + "fineSelectionApplied"), None)
    }
