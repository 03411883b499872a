"""The text report's columns are measured in terminal columns, not characters."""

from __future__ import annotations

from aiact_kg.render.assessment import _columns, _padded


def test_wide_characters_take_two_columns() -> None:
    assert _columns("Art 26(10) sixth subparagraph") == 29
    assert _columns("株式会社") == 8
    assert _padded("株式会社", 10) == "株式会社  "
    assert _padded("provider", 4) == "provider"
