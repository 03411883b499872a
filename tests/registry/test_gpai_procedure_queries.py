"""The analyst questions on the GPAI procedure (cq-027 to cq-032) and the Art 52(6) list export.

Asked across a registry holding the fixture models of ``gpai_models/`` and the worked example of
docs/gpai-timeline.md, as of 2026-11-30, and of an assessment of the shipped model catalogue.
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import QuerySolutions

from aiact_kg.assessment import assess_documents
from aiact_kg.cli import main
from aiact_kg.kb import open_knowledge_base
from aiact_kg.queries import get_query, with_prefixes
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.submit import submit_inputs
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.submission.reading import read_rdf_bytes, read_rdf_file
from aiact_kg.systemic_risk_list import catalogue_file
from tests.conftest import REPO_ROOT

FIXTURES = Path(__file__).parent / "gpai_models"
WORKED_EXAMPLE = REPO_ROOT / "examples" / "timeline" / "orion-procedure.ttl"
OPTIONS = AssessmentOptions(as_of=date(2026, 11, 30))
EX = "https://example.org/gpai/"
REFERENCES = Path(__file__).parent / "data" / "reference"
#: the questions of this module rewritten for speed, each with its previous form in REFERENCES
REWRITTEN = (
    "cq-027-public-list-systemic-risk",
    "cq-029-threshold-what-if",
    "cq-031-open-source-systemic-risk",
    "cq-032-estimated-compute-status",
)


@pytest.fixture(scope="module")
def registry_path(kb_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("gpai-registry") / "store"
    shutil.copytree(kb_path, target, symlinks=True)
    documents = [*sorted(FIXTURES.glob("*.ttl")), WORKED_EXAMPLE]
    result = submit_inputs(target, [str(p) for p in documents], OPTIONS, progress=False)
    assert result.exit_code == 0
    return target


@pytest.fixture(scope="module")
def registry(registry_path: Path) -> Iterator[OxigraphStore]:
    store = open_knowledge_base(registry_path)
    yield store
    store.close()


@pytest.fixture(scope="module")
def catalogue() -> OxigraphStore:
    report = assess_documents([read_rdf_file(catalogue_file())], OPTIONS)
    assert report.data["valid"]
    assert report.store is not None
    return report.store


def ask(store: OxigraphStore, name: str, *, union: bool = True) -> list[dict[str, Any]]:
    return _select(store, get_query(f"cq/{name}").text, union=union)


def _select(store: OxigraphStore, sparql: str, *, union: bool = True) -> list[dict[str, Any]]:
    solutions = store.raw.query(with_prefixes(sparql), use_default_graph_as_union=union)
    assert isinstance(solutions, QuerySolutions)
    variables = [v.value for v in solutions.variables]
    return [
        {name: (None if s[name] is None else s[name].value) for name in variables}  # type: ignore[union-attr]
        for s in solutions
    ]


def test_the_public_list_gives_the_basis_of_each_model(registry: OxigraphStore) -> None:
    rows = {(r["model"], r["basis"]): r for r in ask(registry, "cq-027-public-list-systemic-risk")}
    assert set(rows) == {
        (EX + "late", "presumption"),
        (EX + "open", "presumption"),
        (EX + "estimated", "presumption"),
        (EX + "designated", "designation"),
        ("https://example.org/orion/orion-2", "designation"),
    }
    designated = rows[(EX + "designated", "designation")]
    assert set(designated["legalBasis"].split("; ")) == {"Art 51(1)(b)", "Art 52(4)", "Annex XIII"}
    assert designated["since"] == "2026-03-01"
    assert designated["asOf"] == "2026-11-30"
    assert rows[(EX + "late", "presumption")]["since"] == "2026-10-01"
    assert "Art 51(2)" in rows[(EX + "open", "presumption")]["legalBasis"]


REJECTED_IN_TRAINING = b"""
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/gpai/> .
ex:lab a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .
ex:rejected a aia:GeneralPurposeAIModel ; aia:modelName "Rejected" ; aia:hasProvider ex:lab ;
  aia:placedOnMarketOn "2025-10-01"^^xsd:date ; aia:plannedTrainingComputeFLOP 3.0e25 ;
  aia:thresholdKnownOn "2026-02-01"^^xsd:date ;
  aia:hasProcedureEvent ex:notification , ex:arguments , ex:rejection .
ex:notification a aia:ProviderNotification ; aia:eventDate "2026-02-10"^^xsd:date .
ex:arguments a aia:ProviderArguments ; aia:eventDate "2026-02-10"^^xsd:date .
ex:rejection a aia:ArgumentsRejected ; aia:eventDate "2026-05-04"^^xsd:date .
"""


def test_a_model_considered_systemic_after_rejected_arguments_is_listed_on_that_basis() -> None:
    # Art 52(3): not presumed (planned compute only), but "considered" to have systemic risk
    # once the arguments are rejected: neither a presumption nor a designation
    document = read_rdf_bytes(REJECTED_IN_TRAINING, name="rejected.ttl")
    report = assess_documents([document], OPTIONS)
    assert report.store is not None
    rows = ask(report.store, "cq-027-public-list-systemic-risk", union=False)  # type: ignore[arg-type]
    assert [(r["model"], r["basis"], r["since"]) for r in rows] == [
        (EX + "rejected", "arguments-rejected", "2026-05-04")
    ]
    assert rows[0]["legalBasis"] == "Art 52(3)"


NOTIFIED_ONLY = b"""
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/gpai/> .
ex:lab a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .
ex:notified a aia:GeneralPurposeAIModel ; aia:modelName "Notified" ; aia:hasProvider ex:lab ;
  aia:placedOnMarketOn "2025-10-01"^^xsd:date ; aia:freeAndOpenSourceLicence true ;
  aia:hasProcedureEvent ex:notification .
ex:notification a aia:ProviderNotification ; aia:eventDate "2026-02-10"^^xsd:date .
"""


def _assessed(body: bytes, name: str) -> Any:
    """The store of one assessment of ``body`` as of the module's date."""
    report = assess_documents([read_rdf_bytes(body, name=name)], OPTIONS)
    assert report.store is not None
    return report.store


def test_a_model_known_by_its_notification_is_listed_on_that_basis() -> None:
    # no compute figure, so no presumption under Art 51(2): the provider notified under Art 52(1)
    # that the model meets the condition of Art 51(1)(a)
    store = _assessed(NOTIFIED_ONLY, "notified.ttl")
    rows = ask(store, "cq-027-public-list-systemic-risk", union=False)
    assert [(r["model"], r["basis"], r["since"]) for r in rows] == [
        (EX + "notified", "notification", "2026-02-10")
    ]
    assert set(rows[0]["legalBasis"].split("; ")) == {"Art 51(1)(a)", "Art 52(1)"}
    rows = ask(store, "cq-031-open-source-systemic-risk", union=False)
    assert [(r["model"], r["basis"]) for r in rows] == [(EX + "notified", "notification")]


def test_overdue_notifications(registry: OxigraphStore) -> None:
    rows = ask(registry, "cq-028-overdue-notifications")
    assert [(r["model"], r["knownOn"], r["due"], r["overdueSince"]) for r in rows] == [
        (EX + "late", "2026-10-01", "2026-10-15", "2026-10-16")
    ]


#: two models above the threshold with no day of knowing stated: one placed on the market, one
#: placed only by its provider's own system put into service (Recital 97)
PLACED_ABOVE_THRESHOLD = b"""
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix aiac: <https://w3id.org/aiact-kg/concept/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ex: <https://example.org/gpai/> .
ex:lab a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .
ex:placed a aia:GeneralPurposeAIModel ; aia:modelName "Placed" ; aia:hasProvider ex:lab ;
  aia:placedOnMarketOn "2026-02-01"^^xsd:date ; aia:trainingComputeFLOP 2.0e25 .
ex:built-in a aia:GeneralPurposeAIModel ; aia:modelName "Built in" ; aia:hasProvider ex:lab ;
  aia:trainingComputeFLOP 2.0e25 .
ex:assistant a aia:GeneralPurposeAISystem ; aia:basedOnModel ex:built-in ; aia:hasProvider ex:lab ;
  aia:intendedPurpose aiac:purpose-general-purpose ; aia:interactsWithNaturalPersons true ;
  aia:interactionObvious true ; aia:putIntoServiceOn "2026-03-01"^^xsd:date .
"""


def test_overdue_from_the_placing_names_the_placing_day() -> None:
    """Without a day of knowing, knownOn is the placing that met the condition at the latest (an
    outside check found it empty once the state rested on the placing, not on a derived day)."""
    rows = ask(
        _assessed(PLACED_ABOVE_THRESHOLD, "placed.ttl"), "cq-028-overdue-notifications", union=False
    )
    assert [(r["model"], r["knownOn"], r["due"]) for r in rows] == [
        (EX + "placed", "2026-02-01", "2026-02-15"),
        (EX + "built-in", "2026-03-01", "2026-03-15"),
    ]


def test_what_if_the_threshold_moved(registry: OxigraphStore, catalogue: OxigraphStore) -> None:
    rows = ask(registry, "cq-029-threshold-what-if")
    # 2e25 is above 1e25 and below the 3e25 of the question; 4e25 and 4.8e25 stay above
    assert [(r["model"], r["presumedNow"], r["presumedThen"]) for r in rows] == [
        (EX + "late", "true", "false")
    ]
    changed = ask(catalogue, "cq-029-threshold-what-if", union=False)
    assert changed, "some real models lie between 1e25 and 3e25 FLOP"
    assert all(1e25 < float(r["compute"]) <= 3e25 for r in changed)


def test_reassessment_requestable(registry: OxigraphStore) -> None:
    rows = ask(registry, "cq-030-reassessment-requestable")
    # Orion-2 was designated on 2026-09-15: not before 2027-03-15, so not listed
    assert [(r["model"], r["state"], r["earliest"]) for r in rows] == [
        (EX + "designated", "reassessment-requestable", "2026-09-01")
    ]


def test_open_source_models_with_systemic_risk(registry: OxigraphStore) -> None:
    rows = ask(registry, "cq-031-open-source-systemic-risk")
    assert [(r["model"], r["basis"]) for r in rows] == [(EX + "open", "presumption")]


def test_status_on_estimated_compute(registry: OxigraphStore, catalogue: OxigraphStore) -> None:
    rows = ask(registry, "cq-032-estimated-compute-status")
    assert [(r["model"], r["conclusion"], r["method"]) for r in rows] == [
        (EX + "estimated", "gpai-systemic-risk", "6nd")
    ]
    assert float(rows[0]["compute"]) == pytest.approx(4.8e25)
    catalogue_rows = ask(catalogue, "cq-032-estimated-compute-status", union=False)
    assert all(r["method"] not in ("stated", "petaflops-days") for r in catalogue_rows)


@pytest.mark.parametrize("name", REWRITTEN)
def test_rewritten_questions_agree_with_their_previous_form(
    registry: OxigraphStore, catalogue: OxigraphStore, name: str
) -> None:
    """Each question rewritten for speed gives the rows of its previous form, in the same order,
    on the registry and on the assessed model catalogue."""
    reference = (REFERENCES / f"{name}.rq").read_text(encoding="utf-8")
    expected = _select(registry, reference)
    assert expected, "the registry gives rows to compare"
    assert ask(registry, name) == expected
    assert ask(catalogue, name, union=False) == _select(catalogue, reference, union=False)


def _list(argv: list[str], capsys: pytest.CaptureFixture[str]) -> list[dict[str, str]]:
    assert main(["systemic-risk-list", *argv, "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_the_list_export_from_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _list(["--catalogue", "--as-of", "2026-11-30", "--no-progress"], capsys)
    names = {r["name"] for r in rows}
    assert "GPT-4" in names
    assert {r["basis"] for r in rows} == {"presumption"}
    assert all(r["asOf"] == "2026-11-30" for r in rows)


def test_the_list_export_from_the_registry(
    registry_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--store", str(registry_path), "systemic-risk-list", "--format", "csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert {r["name"] for r in rows if r["basis"] == "designation"} == {"Designated", "Orion-2"}


def test_the_registry_list_refuses_a_date(
    registry_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--store", str(registry_path), "systemic-risk-list", "--as-of", "2027-01-01"])
    assert code == 2
    assert "reassess" in capsys.readouterr().err
