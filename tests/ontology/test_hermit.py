"""HermiT finds the shipped ontology consistent, with no unsatisfiable class."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from aiact_kg import resources
from aiact_kg_build.owl_consistency import ReasonerUnavailableError, check_consistency


def _shipped_tbox_and_abox() -> tuple[Path, ...]:
    return (
        resources.ontology_files()
        + resources.scheme_files()
        + resources.alignment_files()
        + tuple(sorted(resources.data_dir("obligations").glob("*.ttl")))
    )


@pytest.mark.java
def test_shipped_ontology_is_consistent_and_satisfiable() -> None:
    report = check_consistency(_shipped_tbox_and_abox())
    assert report.reasoner == "HermiT"
    assert report.consistent
    assert report.unsatisfiable_classes == ()
    assert report.axioms > 500


@pytest.mark.java
def test_hermit_detects_a_contradiction(tmp_path: Path) -> None:
    """The check can fail: an individual that is both an AI system and an AI model."""
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
        "<https://example.org/thing> a aia:AISystem , aia:AIModel .\n",
        encoding="utf-8",
    )
    report = check_consistency((*resources.ontology_files(), bad))
    assert not report.consistent


@pytest.mark.java
def test_hermit_reports_unsatisfiable_class(tmp_path: Path) -> None:
    bad = tmp_path / "unsat.ttl"
    bad.write_text(
        "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
        "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        "<https://example.org/Chimera> a owl:Class ; "
        "rdfs:subClassOf aia:MinimalRiskAISystem , aia:HighRiskAISystem .\n",
        encoding="utf-8",
    )
    report = check_consistency((*resources.ontology_files(), bad))
    assert report.unsatisfiable_classes == ("https://example.org/Chimera",)


def test_without_the_build_extra_the_check_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("shutil.which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setitem(sys.modules, "owlready2", None)  # import owlready2 -> ImportError
    with pytest.raises(ReasonerUnavailableError, match=r"aiact-kg\[build\]"):
        check_consistency(resources.ontology_files())
