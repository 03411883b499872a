"""The text output's obligation rows name the bearer where two parties hold the same role."""

from __future__ import annotations

from datetime import date

from aiact_kg.render.assessment import _obligation_lines
from aiact_kg.results.assessment import Obligation


def _obligation(bearer: str, role: str, title: str) -> Obligation:
    return Obligation(
        id=title,
        citation="Art 25(4)",
        title=title,
        bearer=bearer,
        role=role,
        applies_from=date(2026, 8, 2),
        due=None,
        in_force=True,
        legal_basis=["Art 25(4)"],
        determination=None,
        conditional_on=[],
        fines=[],
    )


def test_two_providers_are_told_apart() -> None:
    rows = _obligation_lines(
        [
            _obligation("https://example.org/labs", "provider", "agree as supplier"),
            _obligation("https://example.org/hr-co", "provider", "agree with suppliers"),
            _obligation("https://example.org/shop#it", "deployer", "use as instructed"),
        ],
        date(2026, 11, 22),
    )
    assert rows[0] == "  obligations (3):"
    assert "provider (labs)" in rows[1]
    assert "agree as supplier" in rows[1]
    assert "provider (hr-co)" in rows[2]
    # the only deployer needs no name
    assert "deployer " in rows[3]
    assert "(it)" not in rows[3]


def test_one_bearer_per_role_keeps_the_role_alone() -> None:
    rows = _obligation_lines(
        [_obligation("https://example.org/acme", "provider", "keep logs")], date(2026, 11, 22)
    )
    assert "provider " in rows[1]
    assert "(acme)" not in rows[1]
    assert _obligation_lines([], date(2026, 11, 22)) == []
