"""Check a JSON document against a committed schema (by jsonschema) and parse it back (pydantic)."""

from __future__ import annotations

import json
from typing import Any

from jsonschema import Draft202012Validator
from pydantic import BaseModel

from aiact_kg.results.schemas import MODELS
from tests.conftest import REPO_ROOT

SCHEMAS = REPO_ROOT / "docs" / "schemas"


def committed(name: str) -> dict[str, Any]:
    schema: dict[str, Any] = json.loads((SCHEMAS / f"{name}.schema.json").read_text("utf-8"))
    return schema


def check(name: str, document: Any) -> None:
    """``document`` is valid under ``docs/schemas/<name>.schema.json`` and parses back into the
    model unchanged (the models forbid undeclared keys)."""
    validator = Draft202012Validator(
        committed(name), format_checker=Draft202012Validator.FORMAT_CHECKER
    )
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(document)]
    assert not errors, errors[:5]
    model: type[BaseModel] = MODELS[name]
    assert model.model_validate(document).model_dump(mode="json") == document
