"""A rule an engine refuses or runs out of time on is the error reported, even when removing the
run's statements afterwards fails too (the engine that ran out of time often cannot drop the
graph either)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from aiact_kg.errors import StoreError, StoreTimeoutError
from aiact_kg.reasoning.engine import (
    AssessmentOptions,
    AssessmentRun,
    _base_quads,
    run_rules_in,
)
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.submission.reading import read_rdf_file

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "submissions"


class _StuckStore(OxigraphStore):
    """Runs the rules until the fine tiers, then times out; cannot be closed either."""

    def update(self, sparql: str) -> None:
        if "aia:fineTierApplied" in sparql:
            raise StoreTimeoutError("the engine did not answer rule fine-tiers within 90 s")
        super().update(sparql)

    def close(self) -> None:
        super().close()
        raise StoreTimeoutError("the engine did not answer 'DROP SILENT GRAPH <...>' within 90 s")


def test_the_rule_that_failed_is_reported_not_the_clean_up(
    caplog: pytest.LogCaptureFixture,
) -> None:
    document = read_rdf_file(EXAMPLE / "recruitment-cv-screening.ttl")
    store = _StuckStore()
    store.add_quads(_base_quads())
    with pytest.raises(StoreError) as raised:
        run_rules_in(
            store, [document], AssessmentOptions(as_of=date(2026, 11, 22)), None, AssessmentRun()
        )
    assert str(raised.value).startswith("rule 840-fine-tiers.ru: ")
    assert "DROP SILENT GRAPH" in caplog.text  # the clean-up's failure is logged
