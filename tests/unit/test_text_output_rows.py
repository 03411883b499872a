"""The text output: obligation rows name the bearer where two parties hold the same role, and a
category and its case drawn together share one entry."""

from __future__ import annotations

from datetime import date

from aiact_kg.render.assessment import _determination_lines, _obligation_lines
from aiact_kg.results.assessment import Determination, Obligation


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


def _determination(conclusion: str, basis: str, explanation: str | None) -> Determination:
    return Determination(
        id=conclusion,
        conclusion=conclusion,
        kind=None,
        legal_basis=[basis],
        provisions=[],
        rule="aiar:art-50-1-interaction",
        rule_label=None,
        premises=[],
        explanation=explanation,
        applies_from=None,
    )


def test_a_category_and_its_case_share_one_entry() -> None:
    words = "The system is intended to interact directly with natural persons."
    rows = _determination_lines(
        [
            _determination("transparency", "Art 50(1)", words),
            _determination("art-50-1-exception-obvious", "Art 50(1)", "It is obvious."),
            _determination("50(1)", "Art 50(1)", words),
        ],
        date(2026, 11, 22),
    )
    assert rows[0] == "  - transparency, 50(1) [Art 50(1)]"
    assert rows.count(f"      {words}") == 1
    assert rows[2] == "  - art-50-1-exception-obvious [Art 50(1)]"


def test_a_conclusion_after_the_as_of_date_says_from_when_unless_its_words_do() -> None:
    """The day is added unless the explanation already says "from" it: a date named for another
    reason ("placed before 2026-08-02") does not count (an outside check found the line left
    out for the transition of Art 111(2))."""
    later = date(2026, 8, 2)

    def dated(words: str) -> Determination:
        return _determination("high-risk", "Art 6(2)", words).model_copy(
            update={"applies_from": later}
        )

    as_of = date(2026, 3, 1)
    said = _determination_lines([dated("High-risk; applicable from 2026-08-02.")], as_of)
    assert not any("after the as-of date" in row for row in said)
    other = _determination_lines([dated("Placed on the market before 2026-08-02.")], as_of)
    assert "      applies from 2026-08-02, after the as-of date" in other
    assert not any(
        "after the as-of date" in row
        for row in _determination_lines([dated("Placed before 2026-08-02.")], date(2026, 9, 1))
    )
