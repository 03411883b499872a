"""The competency questions that read across the registry, on the example submissions.

The examples of ``examples/submissions`` are submitted into a private copy of the knowledge base
(as of 2026-11-22, the law in force on that date: as amended, reported); each question is then
asked over the union of the store's graphs, as ``aiact-kg query`` and the service ask it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import QuerySolutions

from aiact_kg.kb import open_knowledge_base
from aiact_kg.queries import get_query, with_prefixes
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.submit import submit_inputs
from aiact_kg.store.oxigraph_store import OxigraphStore

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "submissions"
OPTIONS = AssessmentOptions(as_of=date(2026, 11, 22))


@pytest.fixture(scope="module")
def registry(kb_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphStore]:
    target = tmp_path_factory.mktemp("registry") / "store"
    shutil.copytree(kb_path, target, symlinks=True)
    documents = sorted(p for p in EXAMPLES.iterdir() if p.is_file() and p.suffix != ".md")
    result = submit_inputs(target, [str(p) for p in documents], OPTIONS, progress=False)
    assert result.exit_code == 0
    store = open_knowledge_base(target)
    yield store
    store.close()


def ask(store: OxigraphStore, name: str) -> list[dict[str, Any]]:
    solutions = store.raw.query(
        with_prefixes(get_query(f"cq/{name}").text), use_default_graph_as_union=True
    )
    assert isinstance(solutions, QuerySolutions)
    variables = [v.value for v in solutions.variables]
    return [
        {name: (None if s[name] is None else s[name].value) for name in variables}  # type: ignore[union-attr]
        for s in solutions
    ]


def test_high_risk_systems_by_area_and_country(registry: OxigraphStore) -> None:
    rows = {
        (r["area"], r["country"]): int(r["systems"])
        for r in ask(registry, "cq-015-high-risk-by-area-and-country")
    }
    # the CV ranker of a US provider (Annex III point 4) and the bank's credit scoring (point 5)
    assert rows[("Annex III point 4", "US")] >= 1
    assert any(area == "Annex III point 5" for area, _ in rows)
    assert all(count >= 1 for count in rows.values())


def test_deployers_owing_a_fria(registry: OxigraphStore) -> None:
    rows = ask(registry, "cq-016-deployers-owing-fria")
    assert rows, "the public-authority benefits example owes a FRIA"
    assert all(r["citation"].startswith("Art 27(1)") for r in rows)
    systems = {r["system"] for r in rows}
    assert any("benefit" in system for system in systems), systems
    # the Annex III obligations are postponed under the amended law: not in force in 2026
    assert {r["inForce"] for r in rows} == {"false"}


def test_obligations_coming_into_force_soonest_first(registry: OxigraphStore) -> None:
    rows = ask(registry, "cq-017-obligations-coming-into-force")
    assert rows
    dates = [r["appliesFrom"] for r in rows]
    assert dates == sorted(dates)
    first = rows[0]
    assert int(first["daysLeft"]) > 0
    assert any(r["appliesFrom"] == "2027-12-02" for r in rows)  # Annex III, as amended


def test_registrations_by_database_section(registry: OxigraphStore) -> None:
    rows = {
        (r["citation"], r["role"]): r
        for r in ask(registry, "cq-018-registrations-by-database-section")
    }
    assert ("Art 49(1)", "provider") in rows
    assert rows[("Art 49(1)", "provider")]["section"] == "public section"
    assert any(
        section == "secure non-public section" for section in (r["section"] for r in rows.values())
    )


def test_fine_exposure_by_operator(registry: OxigraphStore) -> None:
    rows = ask(registry, "cq-019-fine-exposure-by-operator")
    assert rows
    amounts = [float(r["maxFineEUR"]) for r in rows]
    assert amounts == sorted(amounts, reverse=True)
    # the Art 5 duties of the remote biometric identification example carry the Art 99(3) tier
    assert (amounts[0], rows[0]["tier"]) == (35_000_000, "Art 99(3)")
    assert 15_000_000 in amounts  # Art 99(4) or Art 101(1)


def test_results_depending_on_the_unverified_amendment(registry: OxigraphStore) -> None:
    rows = ask(registry, "cq-020-unverified-amendment-dependence")
    assert rows
    assert {r["amendment"] for r in rows} == {"digital-omnibus-2026"}
    by_subject = {r["subject"]: int(r["dependentResults"]) for r in rows}
    assert by_subject["https://example.org/talentsift/cv-ranker"] > 10
