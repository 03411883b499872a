"""The cross-references the legal-text build extracts, checked against a reviewed sample."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import rdflib
import yaml

from aiact_kg.namespaces import PROVISION
from aiact_kg_build.legaltext.crossrefs import (
    Reference,
    collect_references,
    find_references,
    own_texts,
)
from aiact_kg_build.legaltext.eurlex import ParseResult

SAMPLE = Path(__file__).with_name("cross_references_sample.yaml")
ELI = rdflib.Namespace("http://data.europa.eu/eli/ontology#")
_ENTRIES: list[dict[str, Any]] = yaml.safe_load(SAMPLE.read_text(encoding="utf-8"))["entries"]


def _act(path: str) -> str:
    return f"http://data.europa.eu/eli/{path}/oj"


@pytest.fixture(scope="module")
def references(parsed: ParseResult) -> dict[str, list[Reference]]:
    out: dict[str, list[Reference]] = {}
    for ref in collect_references(parsed.provisions):
        out.setdefault(ref.citing, []).append(ref)
    return out


@pytest.fixture(scope="module")
def own(parsed: ParseResult) -> dict[str, str]:
    provisions = parsed.provisions
    return own_texts(
        {p.iri_local: p.text for p in provisions if p.text},
        {p.iri_local: p.parent_local for p in provisions},
    )


def test_sample_is_large_and_varied() -> None:
    assert len(_ENTRIES) >= 100
    tops = {entry["citing"].split(".")[0] for entry in _ENTRIES}
    assert len({t for t in tops if t.startswith("art_")}) >= 50
    assert len({t for t in tops if t.startswith("anx_")}) >= 8
    assert any(t.startswith("rct_") for t in tops)
    assert sum(1 for entry in _ENTRIES if entry.get("acts")) >= 20


@pytest.mark.parametrize("entry", _ENTRIES, ids=[f"{e['citing']}:{e['phrase']}" for e in _ENTRIES])
def test_sample_reference(
    entry: dict[str, Any], references: dict[str, list[Reference]], own: dict[str, str]
) -> None:
    citing, phrase = entry["citing"], entry["phrase"]
    start = own[citing].find(phrase)
    assert start >= 0, f"{phrase!r} is not in the own text of {citing}"
    end = start + len(phrase)
    found = [
        r for r in references.get(citing, []) if r.start < end and r.start + len(r.phrase) > start
    ]
    assert found, f"no reference found in {phrase!r} of {citing}"
    assert {t for r in found for t in r.targets} == set(entry.get("targets", []))
    assert {a for r in found for a in r.acts} == {_act(a) for a in entry.get("acts", [])}
    assert any(r.external for r in found) == bool(entry.get("external", False))


def test_sample_targets_exist(parsed: ParseResult) -> None:
    known = {p.iri_local for p in parsed.provisions}
    missing = [t for e in _ENTRIES for t in e.get("targets", []) if t not in known]
    assert not missing


def test_cites_in_the_shipped_graph(graph: rdflib.Graph) -> None:
    """The committed legal text carries the sample's links as eli:cites (no stale file)."""
    for entry in _ENTRIES:
        citing = rdflib.URIRef(PROVISION + entry["citing"])
        cited = {str(o) for o in graph.objects(citing, ELI.cites)}
        expected = {PROVISION + t for t in entry.get("targets", [])}
        expected |= {_act(a) for a in entry.get("acts", [])}
        assert expected <= cited, entry


def test_relative_references_resolve_against_the_citing_provision() -> None:
    known = {"art_9", "art_9.par_1", "art_9.par_2", "art_9.par_2.pnt_a", "art_9.par_2.pnt_d"}
    refs = find_references("art_9.par_2.pnt_d", "pursuant to point (a) and paragraph 1", known)
    assert [r.targets for r in refs] == [("art_9.par_2.pnt_a",), ("art_9.par_1",)]


def test_articles_of_other_acts_never_link_to_ours() -> None:
    known = {"art_4", "art_4.par_1"}
    (ref, act) = find_references("art_1", "Article 4(1) of Regulation (EU) 2016/679", known)
    assert ref.targets == ()
    assert ref.external
    assert ref.acts == act.acts == ("http://data.europa.eu/eli/reg/2016/679/oj",)


def test_unresolvable_reference_is_kept_without_target() -> None:
    (ref,) = find_references("art_1", "referred to in Article 200", {"art_1"})
    assert ref.targets == ()
    assert not ref.external


def test_coverage_numbers(references: dict[str, list[Reference]]) -> None:
    """The counts docs/linking.md reports (update both together)."""
    refs = [r for rs in references.values() for r in rs]
    internal = [r for r in refs if not r.external and not r.acts]
    assert len(refs) >= 950
    assert sum(1 for r in internal if r.targets) / len(internal) > 0.99
