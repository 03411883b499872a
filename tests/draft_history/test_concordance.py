"""The draft-history graph: versions and the Coreper (2 Feb 2024) -> final concordance."""

from __future__ import annotations

import re
from functools import cache

import pytest
import rdflib
from rdflib import RDF, XSD, Literal, Namespace, URIRef

from aiact_kg.resources import data_dir

AIA = Namespace("https://w3id.org/aiact-kg/ontology#")
AIAP = Namespace("https://w3id.org/aiact-kg/reg/2024/1689/")
AIAD = Namespace("https://w3id.org/aiact-kg/draft/")
DCT = Namespace("http://purl.org/dc/terms/")

CORE = AIAD["coreper-2024-02-02"]
VERSIONS = {
    "commission-proposal-2021": "2021-04-21",
    "council-general-approach-2022": "2022-12-06",
    "ep-amendments-2023": "2023-06-14",
    "coreper-2024-02-02": "2024-02-02",
    "ep-plenary-2024-03-13": "2024-03-13",
    "corrigendum-2024-04-19": "2024-04-19",
    "final-oj-2024-07-12": "2024-07-12",
}


@cache
def _graph() -> rdflib.Graph:
    graph = rdflib.Graph()
    for path in sorted(data_dir("draft-history").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


@cache
def _concordance() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(data_dir("draft-history") / "coreper-2024-concordance.ttl", format="turtle")
    return graph


def _coreper_nodes() -> list[URIRef]:
    g = _concordance()
    return sorted(
        s for s in g.subjects(RDF.type, AIA.DraftCitation) if (s, AIA.draftVersion, CORE) in g
    )


def _target(node: URIRef) -> URIRef:
    targets = list(_graph().objects(node, AIA.correspondsTo))
    assert len(targets) == 1, f"{node} has {len(targets)} aia:correspondsTo values"
    return targets[0]  # type: ignore[return-value]


def _by_label(label: str) -> list[URIRef]:
    g = _graph()
    return [
        s
        for s in g.subjects(AIA.draftLabel, Literal(label))
        if (s, AIA.draftVersion, CORE) in g and (s, RDF.type, AIA.DraftCitation) in g
    ]


# --- versions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "date"), sorted(VERSIONS.items()))
def test_versions_are_described(name: str, date: str) -> None:
    g = _graph()
    version = AIAD[name]
    assert (version, RDF.type, AIA.DraftVersion) in g
    assert g.value(version, DCT.date) == Literal(date, datatype=XSD.date)
    assert g.value(version, rdflib.RDFS.label) is not None
    assert g.value(version, rdflib.SKOS.definition) is not None
    assert g.value(version, DCT.source) is not None


def test_every_draft_version_value_is_a_described_version() -> None:
    g = _graph()
    versions = set(g.subjects(RDF.type, AIA.DraftVersion))
    used = set(g.objects(None, AIA.draftVersion))
    assert used <= versions, sorted(used - versions)


# --- the examples analysts trip over -----------------------------------------------------------


@pytest.mark.parametrize(
    ("node", "expected"),
    [
        (CORE + ".art_52a", AIAP.art_51),  # GPAI systemic-risk classification
        (CORE + ".art_51", AIAP.art_49),  # Registration
        (CORE + ".art_29a", AIAP.art_27),  # FRIA
        (CORE + ".art_29", AIAP.art_26),  # deployers
        (CORE + ".art_52", AIAP.art_50),  # transparency
        (CORE + ".art_71", AIAP.art_99),  # penalties
        (CORE + ".art_4b", AIAP.art_4),  # AI literacy
        (CORE + ".art_68d", AIAP.art_110),
        (CORE + ".anx_IXc", AIAP.anx_XIII),
        (CORE + ".anx_II", AIAP.anx_I),
        (CORE + ".anx_IIa", AIAP.anx_II),
        (CORE + ".anx_VIIIa", AIAP.anx_IX),
        (CORE + ".art_51.par_1a", AIAP["art_49.par_2"]),
        (CORE + ".art_51.par_1d", AIAP["art_49.par_5"]),
        (CORE + ".art_2.par_5g", AIAP["art_2.par_12"]),
        (CORE + ".art_52c.par_-2", AIAP["art_53.par_2"]),
        (CORE + ".art_52ca.par_5", AIAP["art_54.par_6"]),
        (CORE + ".art_71.par_5a", AIAP["art_99.par_6"]),
    ],
)
def test_key_mappings(node: str, expected: URIRef) -> None:
    assert _target(URIRef(node)) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Article 52a", AIAP.art_51),
        ("Article 51", AIAP.art_49),
        ("Article 29a", AIAP.art_27),
        ("Article 71", AIAP.art_99),
        ("Annex IXc", AIAP.anx_XIII),
    ],
)
def test_lookup_by_draft_label(label: str, expected: URIRef) -> None:
    nodes = _by_label(label)
    assert nodes, f"no Coreper citation labelled {label!r}"
    assert {_target(n) for n in nodes} == {expected}


# --- completeness and shape --------------------------------------------------------------------


def test_every_final_article_has_a_coreper_predecessor() -> None:
    targets = {_target(n) for n in _coreper_nodes()}
    missing = [n for n in range(1, 114) if AIAP[f"art_{n}"] not in targets]
    assert not missing, f"final articles with no Coreper draft citation: {missing}"


def test_article_level_concordance_is_one_to_one() -> None:
    article_targets = [
        _target(n) for n in _coreper_nodes() if ".par_" not in str(n) and ".anx_" not in str(n)
    ]
    assert len(article_targets) == 113
    assert len(set(article_targets)) == 113
    assert all(str(t).startswith(str(AIAP) + "art_") for t in article_targets)


def test_every_final_annex_has_a_coreper_predecessor() -> None:
    roman = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"]
    targets = {_target(n) for n in _coreper_nodes()}
    missing = [r for r in roman if AIAP[f"anx_{r}"] not in targets]
    assert not missing, missing


def test_every_citation_node_is_complete() -> None:
    g = _graph()
    problems = []
    for node in sorted(g.subjects(RDF.type, AIA.DraftCitation)):
        for prop in (AIA.draftVersion, AIA.draftLabel, AIA.draftCitation, rdflib.RDFS.label):
            if g.value(node, prop) is None:
                problems.append(f"{node}: no {prop}")
        has_target = g.value(node, AIA.correspondsTo) is not None
        no_successor = g.value(node, AIA.noSuccessor) == Literal(True)
        if has_target == no_successor:
            problems.append(f"{node}: needs one of aia:correspondsTo or aia:noSuccessor true")
    assert not problems, "\n".join(problems)


def test_coreper_nodes_all_have_a_target() -> None:
    g = _concordance()
    nodes = _coreper_nodes()
    assert len(nodes) > 113
    for node in nodes:
        assert g.value(node, AIA.draftVersion) == CORE
        assert g.value(node, AIA.draftLabel) is not None
        assert g.value(node, AIA.correspondsTo) is not None


def test_targets_are_provision_iris() -> None:
    g = _graph()
    for target in g.objects(None, AIA.correspondsTo):
        assert isinstance(target, URIRef)
        local = str(target).removeprefix(str(AIAP))
        assert local != str(target), target
        assert local.startswith(("art_", "anx_")), target


def test_draft_citation_form() -> None:
    """aia:draftCitation follows our citation style: 'Art 52a', 'Art 51(1a)', 'Annex IXc'."""
    pattern = re.compile(r"^(Art \d+[a-z]*(\(-?\d+[a-z]*\))?|Annex [IVX]+[a-z]*)$")
    g = _graph()
    bad = [str(c) for c in g.objects(None, AIA.draftCitation) if not pattern.match(str(c))]
    assert not bad, bad


def test_commission_proposal_notable_citations() -> None:
    g = _graph()
    cp = AIAD["commission-proposal-2021"]
    assert _target(URIRef(cp + ".art_71")) == AIAP.art_99
    assert _target(URIRef(cp + ".art_52")) == AIAP.art_50
    assert _target(URIRef(cp + ".anx_II")) == AIAP.anx_I
    annex_i = URIRef(cp + ".anx_I")
    assert g.value(annex_i, AIA.noSuccessor) == Literal(True)
    assert g.value(annex_i, AIA.correspondsTo) is None


def test_article_51_paragraph_2_wording_history() -> None:
    g = _graph()
    texts = {
        g.value(node, AIA.draftVersion): str(g.value(node, AIA.text))
        for node in g.subjects(RDF.type, AIA.DraftText)
        if g.value(node, AIA.correspondsTo) == AIAP["art_51.par_2"]
    }
    assert "FLOPs" in texts[AIAD["ep-plenary-2024-03-13"]]
    assert "floating point operations" in texts[AIAD["corrigendum-2024-04-19"]]
    assert all("10^25" in t for t in texts.values())
    # In the February 2024 draft, "Article 51" was Registration (final Art 49).
    feb = [n for n in g.subjects(AIA.draftVersion, CORE) if (n, RDF.type, AIA.DraftText) in g]
    assert feb
    assert {g.value(n, AIA.correspondsTo) for n in feb} == {AIAP.art_49}
