"""The JSON Schemas of the results, generated from the models (served and in ``docs/schemas/``)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from aiact_kg.results.assessment import AssessmentResult
from aiact_kg.results.provision import ProvisionResult
from aiact_kg.results.registry import RegistryListing, SubmissionResult
from aiact_kg.results.validation import ValidationResult

BASE = "https://w3id.org/aiact-kg/schemas/"

#: schema name -> the model of the document it describes
MODELS: dict[str, type[BaseModel]] = {
    "validation": ValidationResult,
    "assessment": AssessmentResult,
    "submission": SubmissionResult,
    "registry": RegistryListing,
    "provision": ProvisionResult,
}

_TITLES = {
    "validation": "aiact-kg validate --format json, POST /validate",
    "assessment": "aiact-kg assess --format json, POST /assess",
    "submission": "aiact-kg submit/reassess --format json",
    "registry": "aiact-kg registry --format json",
    "provision": "aiact-kg provision --format json, GET /provisions/{citation}",
}


def json_schema(name: str) -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of the document ``name`` (a key of :data:`MODELS`)."""
    schema = MODELS[name].model_json_schema(mode="serialization")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"{BASE}{name}.schema.json",
        "$comment": f"Generated from aiact_kg.results by scripts/generate_schemas.py; "
        f"the JSON of {_TITLES[name]}.",
        **schema,
    }


def schema_text(name: str) -> str:
    """The schema as the file ``docs/schemas/<name>.schema.json`` holds it."""
    return json.dumps(json_schema(name), indent=2, ensure_ascii=False) + "\n"
