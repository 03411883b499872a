"""Exit codes when nothing is described, or a value cannot be read: 1, never "conforms"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aiact_kg.cli import main

PREFIXES = (
    "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix ex: <https://example.org/> .\n"
)
DPV = PREFIXES + (
    "@prefix eu-aiact: <https://w3id.org/dpv/legal/eu/aiact#> .\n"
    "@prefix airo: <https://w3id.org/airo#> .\n"
    "ex:s a eu-aiact:HighRiskAISystem ; airo:hasProvider ex:p .\n"
)
MISSPELT = PREFIXES + "ex:s a aia:AISytem ; aia:hasProvidr ex:p .\n"
INFINITE = PREFIXES + (
    'ex:m a aia:GeneralPurposeAIModel ; aia:modelName "Model" ; aia:hasProvider ex:acme ;\n'
    '  aia:placedOnMarketOn "2025-10-01"^^xsd:date ; aia:trainingComputeFLOP "INF"^^xsd:double .\n'
    'ex:acme a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .\n'
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main([*argv[:1], "--no-progress", *argv[1:]])
    return code, capsys.readouterr().out


@pytest.mark.parametrize("text", [DPV, MISSPELT], ids=["dpv-airo", "misspelt"])
def test_validate_exits_1_when_nothing_is_described(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str
) -> None:
    path = tmp_path / "input.ttl"
    path.write_text(text, encoding="utf-8")
    code, out = run(capsys, "validate", str(path))
    assert code == 1
    assert "(no AI system or model described): does not conform" in out
    assert "The checker looks for a node typed" in out
    assert "0 subject(s)" in out
    assert "does not conform" in out.splitlines()[-1]
    code, out = run(capsys, "validate", "--format", "json", str(path))
    report = json.loads(out)
    assert code == 1
    assert report["conforms"] is False
    assert report["counts"]["subjects"] == 0
    assert report["counts"]["violation"] == 1
    (entry,) = [s for s in report["subjects"] if s["iri"] == ""]
    assert entry["file"] == str(path)
    assert entry["kind"] is None
    assert entry["findings"][0]["shape"] == "https://w3id.org/aiact-kg/check/no-subject"


def test_assess_exits_1_when_nothing_is_described(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "input.ttl"
    path.write_text(DPV, encoding="utf-8")
    code, out = run(capsys, "assess", "--as-of", "2026-11-22", "--format", "json", str(path))
    data = json.loads(out)
    assert code == 1
    assert data["valid"] is False
    assert data["subjects"] == []
    assert "describes no AI system" in data["violations"][0]["message"]


def test_assess_exits_1_on_a_value_the_rules_cannot_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "model.ttl"
    path.write_text(INFINITE, encoding="utf-8")
    code, out = run(capsys, "assess", "--as-of", "2026-11-22", "--format", "json", str(path))
    data = json.loads(out)
    assert code == 1
    assert data["valid"] is False
    (violation,) = data["violations"]
    assert violation["subject"] == "https://example.org/m"
    assert "is not a finite number" in violation["message"]
