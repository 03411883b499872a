"""The JSON Schemas in docs/schemas/ match the models, and the real JSON of the commands matches
the schemas (checked by jsonschema, independently of pydantic) and parses back into the models."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from aiact_kg.cli import main
from aiact_kg.results.schemas import MODELS, schema_text
from tests.conftest import REPO_ROOT
from tests.results.schema_check import SCHEMAS, check, committed

EXAMPLES = REPO_ROOT / "examples" / "submissions"
INVALID = REPO_ROOT / "tests" / "shapes" / "submission" / "PublicBenefitsDeployer" / "invalid.ttl"
_check = check


def _run(capsys: pytest.CaptureFixture[str], arguments: list[str]) -> tuple[int, Any]:
    capsys.readouterr()
    code = main([*arguments, "--format", "json", "--no-progress"])
    return code, json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("name", sorted(MODELS))
def test_committed_schema_is_generated_from_the_model(name: str) -> None:
    path = SCHEMAS / f"{name}.schema.json"
    assert path.is_file(), f"{path.name} is missing: run scripts/generate_schemas.py"
    assert path.read_text("utf-8") == schema_text(name), (
        f"docs/schemas/{path.name} is stale: run scripts/generate_schemas.py"
    )
    Draft202012Validator.check_schema(committed(name))


def test_no_schema_without_a_model() -> None:
    assert {p.name for p in SCHEMAS.glob("*.json")} == {f"{n}.schema.json" for n in MODELS}


def test_schema_closes_every_object_and_marks_the_optional_keys() -> None:
    schema = committed("assessment")
    for name, definition in schema["$defs"].items():
        assert definition.get("additionalProperties") is False, name
        for key, field in definition["properties"].items():
            assert field.get("description"), f"{name}.{key} has no description"
    obligation = schema["$defs"]["Obligation"]
    assert "condition" not in obligation["required"]
    assert "depends_on_unverified_amendment" not in obligation["required"]
    assert {"id", "citation", "fines", "due"} <= set(obligation["required"])


def test_assess_json_of_every_example_matches_the_schema(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, data = _run(capsys, ["assess", str(EXAMPLES), "--as-of", "2026-09-01"])
    assert code == 0, data["violations"][:3]
    files = {Path(item["file"]).name for item in data["run"]["inputs"]}
    examples = {p.name for p in EXAMPLES.rglob("*") if p.is_file() and p.suffix != ".md"}
    assert files == examples
    assert len(data["subjects"]) >= len(examples)
    _check("assessment", data)


def test_assess_json_not_assessed_matches_the_schema(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> .\n", encoding="utf-8")
    code, data = _run(capsys, ["assess", str(INVALID), str(broken)])
    assert code == 2
    assert data["violations"]
    assert data["unreadable"][0]["line"] == 1
    assert data["subjects"] == []
    _check("assessment", data)


@pytest.mark.parametrize(
    ("inputs", "expected_code"),
    [
        ([EXAMPLES / "with-warnings"], 0),  # conforms, with warnings
        ([INVALID], 1),  # violations
    ],
)
def test_validate_json_matches_the_schema(
    capsys: pytest.CaptureFixture[str], inputs: list[Path], expected_code: int
) -> None:
    code, data = _run(capsys, ["validate", *map(str, inputs)])
    assert code == expected_code
    severities = {f["severity"] for s in data["subjects"] for f in s["findings"]}
    assert ("violation" in severities) == (expected_code == 1)
    assert severities
    _check("validation", data)


def test_validate_json_with_an_unreadable_input_matches_the_schema(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    shutil.copyfile(INVALID, tmp_path / "invalid.ttl")
    (tmp_path / "broken.ttl").write_text("@prefix x: <a> .\nx:a x:b", encoding="utf-8")
    code, data = _run(capsys, ["validate", str(tmp_path)])
    assert code == 2
    assert data["counts"]["unreadable"] == 1
    _check("validation", data)


def test_provision_json_matches_the_schema(
    capsys: pytest.CaptureFixture[str], kb_path: Path
) -> None:
    capsys.readouterr()
    assert main(["--store", str(kb_path), "provision", "Art 113", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["amendments"]
    _check("provision", data)
