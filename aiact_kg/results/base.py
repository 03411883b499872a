"""The base of every result model: closed (no undeclared keys), immutable, JSON in field order."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field


class Result(BaseModel):
    """A part of a result: every key is declared (``extra='forbid'``) and none is changed."""

    model_config = ConfigDict(extra="forbid", frozen=True)


#: the citations a conclusion or finding rests on, as the knowledge base writes them
Citations = Annotated[
    list[str], Field(description="the citations it rests on, e.g. 'Art 6(3) third subparagraph'")
]
#: the IRIs of the provisions those citations name
ProvisionIris = Annotated[list[str], Field(description="IRIs of those provisions")]


def _absent(value: object) -> bool:
    return value is None


def optional(description: str) -> Any:
    """A key written only when it has a value (shown as ``"key"?`` in the README)."""
    return Field(default=None, description=description, exclude_if=_absent)
