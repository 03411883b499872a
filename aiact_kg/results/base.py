"""The base of every result model: closed (no undeclared keys), immutable, JSON in field order."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class Result(BaseModel):
    """A part of a result: every key is declared (``extra='forbid'``) and none is changed."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def _absent(value: object) -> bool:
    return value is None


def optional(description: str) -> Any:
    """A key written only when it has a value (shown as ``"key"?`` in the README)."""
    return Field(default=None, description=description, exclude_if=_absent)
