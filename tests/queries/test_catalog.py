"""Every shipped query is documented, runs on the knowledge base, and answers its question."""

from __future__ import annotations

import re

import pytest
from pyoxigraph import Literal

from aiact_kg.queries import NamedQuery, list_queries, run_select
from aiact_kg.store.oxigraph_store import OxigraphStore

ANALYST_QUERIES = [q for q in list_queries("cq/") if "# Store: assessment" not in q.text]
SELECT_QUERIES = [q for q in list_queries() if not q.name.startswith("kb/provision-exists")]


def _declared_variables(query: NamedQuery) -> list[str]:
    match = re.search(r"Variables:\s*([^\n]+)", query.text)
    assert match, f"{query.name} has no 'Variables:' line in its header"
    return [name.strip(" .").split(" ")[0] for name in match.group(1).split(",")]


@pytest.mark.parametrize("query", SELECT_QUERIES, ids=[q.name for q in SELECT_QUERIES])
def test_every_query_has_a_header(query: NamedQuery) -> None:
    first = query.text.lstrip().splitlines()[0]
    assert first.startswith("# "), f"{query.name} must start with a comment header"


@pytest.mark.parametrize("query", ANALYST_QUERIES, ids=[q.path.stem for q in ANALYST_QUERIES])
def test_analyst_query_runs_and_returns_declared_variables(
    kb: OxigraphStore, query: NamedQuery
) -> None:
    assert query.text.startswith("# Question:")
    result = run_select(kb, query.name)
    assert result.rows, f"{query.name} returned no rows"
    assert list(result.variables) == _declared_variables(query)


def test_timeline_starts_with_chapters_i_and_ii(kb: OxigraphStore) -> None:
    rows = run_select(kb, "cq/cq-004-application-timeline").records()
    first = rows[0]
    assert isinstance(first["applies"], Literal)
    assert first["applies"].value == "2025-02-02"
    dates = {row["citation"].value: row["applies"].value for row in rows}  # type: ignore[union-attr]
    assert dates["Art 5"] == "2025-02-02"
    assert dates["Art 53"] == "2025-08-02"
    assert dates["Art 101"] == "2026-08-02"
    assert dates["Art 26"] == "2026-08-02"


def test_deadlines_include_art_52_and_73(kb: OxigraphStore) -> None:
    rows = run_select(kb, "cq/cq-005-deadlines").records()
    deadlines = {(row["citation"].value, row["deadline"].value) for row in rows}  # type: ignore[union-attr]
    assert ("Art 52(1)", "P14D") in deadlines
    assert any(citation.startswith("Art 73") and value == "P15D" for citation, value in deadlines)


def test_draft_concordance_maps_52a_to_51(kb: OxigraphStore) -> None:
    rows = run_select(kb, "cq/cq-006-draft-concordance").records()
    mapping = {row["draft"].value: row["final"].value for row in rows}  # type: ignore[union-attr]
    assert mapping["Art 52a"] == "Art 51"
    assert mapping["Art 51"] == "Art 49"


def test_fine_tiers_have_final_amounts(kb: OxigraphStore) -> None:
    rows = run_select(kb, "cq/cq-008-fine-tiers").records()
    tiers = {row["tier"].value: row for row in rows}  # type: ignore[union-attr]
    art_99_3 = tiers["Art 99(3)"]
    assert float(art_99_3["amountEUR"].value) == 35_000_000  # type: ignore[union-attr]
    assert float(art_99_3["turnoverPercent"].value) == 7  # type: ignore[union-attr]
