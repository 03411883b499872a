"""A problem found in a submission, by a shape or by a check done in Python."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Finding:
    """One problem found in a submission."""

    severity: str  # "violation" | "warning" | "info"
    message: str
    focus_node: str
    path: str | None
    value: str | None
    shape: str  # the shape's IRI, or https://w3id.org/aiact-kg/check/<name> for a Python check
    legal_basis: tuple[str, ...]  # citations, e.g. "Art 6(3) third subparagraph"
    provisions: tuple[str, ...]  # provision IRIs
