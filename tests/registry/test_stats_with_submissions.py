"""The knowledge base's counts are its own, whatever the registry's submissions state."""

from __future__ import annotations

from pathlib import Path

from aiact_kg.kb import open_knowledge_base
from aiact_kg.registry.submit import submit_inputs
from aiact_kg.stats import knowledge_base_stats
from tests.registry.conftest import OPTIONS


def _stats(store: Path) -> dict[str, int]:
    opened = open_knowledge_base(store)
    try:
        return knowledge_base_stats(opened)
    finally:
        opened.close()


def test_a_submissions_own_mapping_links_are_not_counted(store: Path, spam_filter: Path) -> None:
    """A valid submission linking our term to another vocabulary raised external_matches (an
    outside check): the count is of the alignments graph."""
    before = _stats(store)
    text = spam_filter.read_text(encoding="utf-8")
    spam_filter.write_text(
        text
        # a relative IRI resolves under https://w3id.org/aiact-kg/submission/...
        + "\n<#mine> <http://www.w3.org/2004/02/skos/core#closeMatch> "
        "<https://example.org/their-term> .\n",
        encoding="utf-8",
    )
    result = submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    assert result.exit_code == 0
    after = _stats(store)
    assert after["external_matches"] == before["external_matches"]
