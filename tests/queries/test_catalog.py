"""Every shipped query is documented, runs on the knowledge base, and answers its question."""

from __future__ import annotations

import re

import pytest
from pyoxigraph import Literal
from SPARQLWrapper import SPARQLWrapper

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


CATALOGUE = list_queries("cq/")


@pytest.mark.parametrize("query", CATALOGUE, ids=[q.path.stem for q in CATALOGUE])
def test_catalogue_query_header_names_question_provisions_and_variables(query: NamedQuery) -> None:
    head = query.text.split("SELECT", 1)[0]
    assert head.startswith("# Question: ")
    assert "\n# Provisions: " in head, f"{query.name}: no '# Provisions:' line"
    assert _declared_variables(query)


@pytest.mark.parametrize("query", CATALOGUE, ids=[q.path.stem for q in CATALOGUE])
def test_sparqlwrapper_reads_each_question_as_a_query(query: NamedQuery) -> None:
    """SPARQLWrapper tells a query from an update by the first keyword it finds, comments
    included: a header saying "added" made it send a question as an update (found by the
    workbench parity test in a browser)."""
    wrapper = SPARQLWrapper("http://127.0.0.1:9/sparql")
    wrapper.setQuery(query.text)  # as shipped, as the workbench sends it
    assert wrapper.queryType == "SELECT", f"{query.name} reads as {wrapper.queryType}"


def test_the_catalogue_asks_enough_questions_half_across_the_registry() -> None:
    across = [q for q in CATALOGUE if "# Store: assessment" in q.text]
    assert len(CATALOGUE) >= 25
    assert len(across) * 2 >= len(CATALOGUE) - 1


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


def test_amended_provisions_show_both_dates(kb: OxigraphStore) -> None:
    rows = run_select(kb, "cq/cq-012-amended-provisions").records()
    moved = {
        (row["citation"].value, row["previousDate"].value, row["newDate"].value)  # type: ignore[union-attr]
        for row in rows
        if row["relation"].value == "moves the application"  # type: ignore[union-attr]
        and row["previousDate"] is not None
    }
    assert ("Art 6(2)", "2026-08-02", "2027-12-02") in moved
    assert ("Art 6(1)", "2027-08-02", "2028-08-02") in moved
    literacy = [row for row in rows if row["citation"].value == "Art 4"]  # type: ignore[union-attr]
    assert literacy
    assert all(row["applied"].value == "false" for row in literacy)  # type: ignore[union-attr]
    assert {row["status"].value for row in rows} == {"unverified-secondary-sources"}  # type: ignore[union-attr]


def test_conditional_obligations_name_their_event(kb: OxigraphStore) -> None:
    rows = run_select(kb, "cq/cq-013-conditional-obligations").records()
    found = {(row["citation"].value, row["role"].value, row["event"].value) for row in rows}  # type: ignore[union-attr]
    assert ("Art 73(1)", "provider", "serious incident") in found
    assert ("Art 26(10) second subparagraph", "deployer", "authorisation rejected") in found
    # a standing duty is not conditional
    assert not any(citation == "Art 26(1)" for citation, _, _ in found)


def test_duty_addressees_count_the_sweep(kb: OxigraphStore) -> None:
    rows = {
        row["addressee"].value: row for row in run_select(kb, "cq/cq-014-duty-addressees").records()
    }  # type: ignore[union-attr]
    deployer = rows["deployer"]
    assert int(deployer["provisions"].value) >= 20  # type: ignore[union-attr]
    # every provision binding a deployer is covered by the catalogue, or reviewed as not a duty
    assert int(deployer["covered"].value) >= 20  # type: ignore[union-attr]
    assert int(rows["member-states"]["provisions"].value) > 10  # type: ignore[union-attr]
    assert int(rows["member-states"]["covered"].value) == 0  # type: ignore[union-attr]
