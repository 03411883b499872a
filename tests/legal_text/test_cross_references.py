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


_PARAGRAPHS = {f"art_{a}.par_{p}" for a in (5, 6, 9, 79) for p in range(1, 10)}
_KNOWN = {f"art_{n}" for n in range(1, 20)} | {"art_79"} | _PARAGRAPHS


@pytest.mark.parametrize(
    ("text", "targets"),
    [
        ("Article 5(2) to (6)", [f"art_5.par_{p}" for p in range(2, 7)]),
        ("Article 79(5) to (9)", [f"art_79.par_{p}" for p in range(5, 10)]),
        ("Article 5(2) to (6) and Article 9", [*(f"art_5.par_{p}" for p in range(2, 7)), "art_9"]),
        ("Articles 8 to 15", [f"art_{n}" for n in range(8, 16)]),
        ("Articles 5 to 7", ["art_5", "art_6", "art_7"]),
        ("Articles 5(2) to 7", ["art_5.par_2", "art_6", "art_7"]),
        ("Articles 5 to 6(3)", ["art_5", "art_6.par_3"]),
    ],
)
def test_ranges_of_paragraphs_stay_in_their_article(text: str, targets: list[str]) -> None:
    """Article 5(2) to (6) is paragraphs 2 to 6 of Article 5, never Articles 5 and 6."""
    (ref,) = find_references("rct_40", text, _KNOWN)
    assert list(ref.targets) == targets


def test_ranges_of_points_and_paragraphs_relative_to_the_citing_article() -> None:
    known = {"art_9", *(f"art_9.par_{p}" for p in range(1, 10))}
    known |= {f"art_9.par_2.pnt_{x}" for x in "abcde"}
    refs = find_references(
        "art_9.par_8",
        "paragraphs (3) to (5); Paragraphs 1 to 2; paragraph 2, points (b) to (d); "
        "Article 9(2)(a) to (c)",
        known,
    )
    assert [r.targets for r in refs] == [
        ("art_9.par_3", "art_9.par_4", "art_9.par_5"),
        ("art_9.par_1", "art_9.par_2"),
        ("art_9.par_2.pnt_b", "art_9.par_2.pnt_c", "art_9.par_2.pnt_d"),
        ("art_9.par_2.pnt_a", "art_9.par_2.pnt_b", "art_9.par_2.pnt_c"),
    ]


def test_ranges_of_annex_points_and_annexes() -> None:
    known = {f"anx_{n}" for n in ("I", "II", "III", "IV", "V")}
    known |= {f"anx_III.pnt_{p}" for p in range(1, 9)} | {"anx_VIII.sct_A"}
    known |= {f"anx_VIII.sct_{s}.pnt_{p}" for s in "AB" for p in range(1, 11)}
    known |= {"anx_VIII", "anx_VIII.sct_A", "anx_VIII.sct_B"}
    refs = find_references(
        "art_43.par_2",
        "points 2 to 4 of Annex III; Annexes II to IV; Section A, points 1 to 3, of Annex VIII; "
        "Section B, points 1 to 2, and points 8 and 9 of Annex VIII",
        known | {"art_43", "art_43.par_2"},
    )
    assert [r.targets for r in refs] == [
        ("anx_III.pnt_2", "anx_III.pnt_3", "anx_III.pnt_4"),
        ("anx_II", "anx_III", "anx_IV"),
        ("anx_VIII.sct_A.pnt_1", "anx_VIII.sct_A.pnt_2", "anx_VIII.sct_A.pnt_3"),
        (
            "anx_VIII.sct_B.pnt_1",
            "anx_VIII.sct_B.pnt_2",
            "anx_VIII.sct_B.pnt_8",
            "anx_VIII.sct_B.pnt_9",
        ),
    ]
