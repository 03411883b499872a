"""Documents of one submission that state facts about nodes another one names."""

from __future__ import annotations

from pathlib import Path

import pytest

from aiact_kg.registry.apart import facts_stated_elsewhere
from aiact_kg.submission.batch import read_all

DATA = Path(__file__).resolve().parent / "data" / "apart"


def _apart(*names: str) -> dict[str, list[str]]:
    documents, errors = read_all([str(DATA / f"{name}.ttl") for name in names])
    assert not errors
    found = facts_stated_elsewhere(documents)
    return {names[i]: [names[j] for j in others] for i, others in enumerate(found)}


def test_deployers_stated_by_a_role_node_or_an_inverse_property_are_named() -> None:
    apart = _apart("b-sys", "b-deployer-role-node", "b-deployer-inverse")
    assert apart["b-sys"] == ["b-deployer-role-node", "b-deployer-inverse"]
    assert apart["b-deployer-role-node"] == ["b-sys"]
    assert apart["b-deployer-inverse"] == ["b-sys"]


def test_a_shared_party_with_the_same_facts_is_not_named() -> None:
    assert _apart("a-sys1", "a-sys2-same-party") == {"a-sys1": [], "a-sys2-same-party": []}


def test_values_are_compared_as_values() -> None:
    """``"0"^^xsd:boolean`` states what ``false`` does."""
    assert _apart("b-sys", "b-lexical-only") == {"b-sys": [], "b-lexical-only": []}


def test_a_document_is_read_once_and_an_equal_copy_on_its_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The grouping, the store's links and the parts share one read of each document, kept by
    the document's identity: an equal document read anew is not served another's read."""
    from dataclasses import replace

    from aiact_kg.registry import apart

    documents, errors = read_all([str(DATA / "b-sys.ttl")])
    assert not errors
    (document,) = documents
    copy = replace(document)
    assert copy == document
    assert copy is not document
    reads: list[object] = []
    real = apart._read_document
    monkeypatch.setattr(apart, "_read_document", lambda d: reads.append(d) or real(d))
    first = apart.subjects_described(document)
    assert apart.subjects_described(document) == first
    assert reads == [document]
    assert apart.subjects_described(copy) == first
    assert len(reads) == 2
    assert reads[1] is copy
