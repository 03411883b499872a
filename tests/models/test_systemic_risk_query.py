"""cq-010 lists the Epoch models presumed to have systemic risk, on an assessment store."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from aiact_kg.assessment import assess_documents
from aiact_kg.queries import run_select
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.submission.reading import read_rdf_file

ROOT = Path(__file__).resolve().parent.parent.parent
MODELS = ROOT / "data" / "models" / "epoch-large-scale.ttl"


def test_epoch_models_presumed_systemic_risk() -> None:
    document = read_rdf_file(MODELS)
    report = assess_documents([document], AssessmentOptions(as_of=date(2026, 11, 22)))
    assert report.data["valid"], report.data["violations"][:5]
    assert report.store is not None
    rows = run_select(report.store, "cq/cq-010-systemic-risk-models").records()
    assert len(rows) > 10
    for row in rows:
        assert row["source"] is not None, row
        assert row["source"].value, row
        assert row["threshold"] is not None
        assert row["compute"] is not None
        assert float(row["compute"].value) > 1e25
    names = {row["name"].value for row in rows if row["name"] is not None}
    assert {"Llama 3.1-405B", "GPT-4"} <= names
    by_name = {row["name"].value: row for row in rows if row["name"] is not None}
    assert "reported by the developer" in by_name["Llama 3.1-405B"]["source"].value
    assert "estimated by Epoch AI" in by_name["GPT-4"]["source"].value
