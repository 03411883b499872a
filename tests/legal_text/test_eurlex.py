"""The legal-text graph generated from the EUR-Lex HTML: structure, text, dates, drift."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph
import pytest
import rdflib
from rdflib.namespace import RDF, RDFS

from aiact_kg.namespaces import ACT, ELI, ONTOLOGY, PROVISION
from aiact_kg_build.legaltext.build import generate, main
from aiact_kg_build.legaltext.eurlex import ParseResult

from .conftest import APPLICABILITY, GENERATED, HTML

AIA = rdflib.Namespace(ONTOLOGY)
ELI_NS = rdflib.Namespace(ELI)
AIAP = rdflib.Namespace(PROVISION)
ACT_IRI = rdflib.URIRef(ACT)


def _children(graph: rdflib.Graph, parent: str, kind: str = "Point") -> list[str]:
    found = [
        s
        for s in graph.subjects(ELI_NS.is_part_of, AIAP[parent])
        if (s, RDF.type, AIA[kind]) in graph
    ]
    by_position = sorted(found, key=lambda s: int(graph.value(s, AIA.position)))
    return [str(graph.value(s, ELI_NS.number)) for s in by_position]


def _text(graph: rdflib.Graph, local: str) -> str:
    return str(graph.value(AIAP[local], AIA.text))


@pytest.mark.parametrize(
    ("kind", "count"),
    [
        ("Article", 113),
        ("Annex", 13),
        ("Recital", 180),
        ("Chapter", 13),
    ],
)
def test_counts(graph: rdflib.Graph, kind: str, count: int) -> None:
    assert len(set(graph.subjects(RDF.type, AIA[kind]))) == count


def test_art_5_1_points(graph: rdflib.Graph) -> None:
    assert _children(graph, "art_5.par_1") == list("abcdefgh")
    assert _children(graph, "art_5.par_1.pnt_h") == ["i", "ii", "iii"]
    assert (AIAP["art_5.par_1.pnt_h.pnt_iii"], RDF.type, AIA.Point) in graph


def test_annex_iii_structure(graph: rdflib.Graph) -> None:
    areas = _children(graph, "anx_III")
    assert areas == [str(n) for n in range(1, 9)]
    leaves = [
        s
        for s in graph.subjects(RDF.type, AIA.Point)
        if str(s).startswith(AIAP["anx_III."]) and not any(graph.subjects(ELI_NS.is_part_of, s))
    ]
    assert len(leaves) == 25
    assert graph.value(AIAP["anx_III.pnt_4.pnt_a"], AIA.citation).eq("Annex III point 4(a)")


def test_annex_i_sections(graph: rdflib.Graph) -> None:
    assert _children(graph, "anx_I") == [str(n) for n in range(1, 21)]
    assert _children(graph, "anx_I", "AnnexSection") == ["A", "B"]
    for section, numbers in (("A", range(1, 13)), ("B", range(13, 21))):
        members = {
            str(graph.value(s, ELI_NS.number))
            for s in graph.subjects(AIA.inSection, AIAP[f"anx_I.sct_{section}"])
        }
        assert members == {str(n) for n in numbers}


def test_annex_ii_offences(graph: rdflib.Graph) -> None:
    assert _children(graph, "anx_II") == [str(n) for n in range(1, 17)]
    assert _text(graph, "anx_II.pnt_1") == "terrorism,"


def test_superscript_and_notes(graph: rdflib.Graph) -> None:
    text = _text(graph, "art_51.par_2")
    assert "10^25" in text
    assert "1025" not in text
    # footnote markers are dropped, not glued to the text
    assert "Council, the requirements" in _text(graph, "art_102")
    assert "(*)" not in _text(graph, "art_102")


def test_whitespace_normalised(graph: rdflib.Graph) -> None:
    for text in graph.objects(None, AIA.text):
        value = str(text)
        assert "\u00a0" not in value
        assert "  " not in value
        assert value == value.strip()


@pytest.mark.parametrize(
    ("local", "citation"),
    [
        ("art_5.par_1.pnt_h.pnt_iii", "Art 5(1)(h)(iii)"),
        ("art_3.pnt_63", "Art 3(63)"),
        ("art_113.pnt_c", "Art 113(c)"),
        ("art_6.par_3.sub_2", "Art 6(3) second subparagraph"),
        ("art_6.par_3.pnt_a", "Art 6(3)(a)"),
        ("anx_III.pnt_2", "Annex III point 2"),
        ("anx_I.pnt_11", "Annex I point 11"),
        ("anx_I.sct_A", "Annex I Section A"),
        ("anx_XIII.pnt_f", "Annex XIII point (f)"),
        ("anx_II.pnt_6", "Annex II point 6"),
        ("rct_97", "Recital 97"),
        ("cpt_V", "Chapter V"),
        ("cpt_III.sct_2", "Chapter III Section 2"),
        ("art_51.par_2", "Art 51(2)"),
    ],
)
def test_citations(graph: rdflib.Graph, local: str, citation: str) -> None:
    assert str(graph.value(AIAP[local], AIA.citation)) == citation
    assert graph.value(AIAP[local], RDFS.label) == rdflib.Literal(citation, lang="en")


def test_every_provision_reaches_the_act(graph: rdflib.Graph) -> None:
    provisions = set(graph.subjects(RDF.type, ELI_NS.LegalResourceSubdivision))
    assert len(provisions) > 1500
    for provision in provisions:
        node: rdflib.term.Node = provision
        for _ in range(8):
            parents = list(graph.objects(node, ELI_NS.is_part_of))
            assert len(parents) == 1, node
            node = parents[0]
            if node == ACT_IRI:
                break
        assert node == ACT_IRI, provision


def test_unique_iris_and_positions(parsed: ParseResult, graph: rdflib.Graph) -> None:
    locals_ = [p.iri_local for p in parsed.provisions]
    assert len(locals_) == len(set(locals_))
    keys = Counter((p.parent_local, p.kind, p.position) for p in parsed.provisions)
    assert max(keys.values()) == 1
    for provision in graph.subjects(RDF.type, ELI_NS.LegalResourceSubdivision):
        assert len(list(graph.objects(provision, AIA.position))) == 1
        assert len(list(graph.objects(provision, AIA.citation))) == 1
    assert parsed.warnings == ()


@pytest.mark.parametrize(
    ("local", "date"),
    [
        ("art_5", "2025-02-02"),
        ("art_4", "2025-02-02"),
        ("art_3.pnt_63", "2025-02-02"),
        ("anx_II", "2025-02-02"),
        ("art_51", "2025-08-02"),
        ("art_30", "2025-08-02"),
        ("art_78", "2025-08-02"),
        ("art_99.par_3", "2025-08-02"),
        ("anx_XIII.pnt_f", "2025-08-02"),
        ("art_101", "2026-08-02"),
        ("art_101.par_1", "2026-08-02"),
        ("art_6.par_3", "2026-08-02"),
        ("anx_III.pnt_4.pnt_a", "2026-08-02"),
        ("art_6.par_1", "2027-08-02"),
        ("art_6.par_1.pnt_a", "2027-08-02"),
    ],
)
def test_application_dates(graph: rdflib.Graph, local: str, date: str) -> None:
    assert str(graph.value(AIAP[local], ELI_NS.date_applicability)) == date
    rule = graph.value(AIAP[local], AIA.applicabilityRule)
    assert str(graph.value(rule, AIA.date)) == date


def test_no_dates_on_recitals_and_chapters(graph: rdflib.Graph) -> None:
    for kind in ("Recital", "Chapter", "Section"):
        for provision in graph.subjects(RDF.type, AIA[kind]):
            assert graph.value(provision, ELI_NS.date_applicability) is None


def test_dated_provisions(graph: rdflib.Graph) -> None:
    for kind in ("Article", "Paragraph", "Subparagraph", "Point", "Annex", "AnnexSection"):
        for provision in graph.subjects(RDF.type, AIA[kind]):
            assert graph.value(provision, ELI_NS.date_applicability) is not None, provision


def test_rule_sources_exist(graph: rdflib.Graph) -> None:
    for kind in (AIA.ApplicabilityRule, AIA.TransitionalRule):
        rules = set(graph.subjects(RDF.type, kind))
        assert rules
        for rule in rules:
            sources = list(graph.objects(rule, AIA.sourceProvision))
            assert sources, rule
            for source in sources:
                assert (source, RDF.type, ELI_NS.LegalResourceSubdivision) in graph, source
            for covered in graph.objects(rule, AIA.covers):
                assert covered == ACT_IRI or (covered, AIA.citation, None) in graph, covered


def test_pyoxigraph_reads_the_file(legal_text_dir: Path) -> None:
    with (legal_text_dir / GENERATED).open("rb") as stream:
        quads = list(pyoxigraph.parse(stream, format=pyoxigraph.RdfFormat.TURTLE))
    assert len(quads) > 15000


def test_header(legal_text_dir: Path) -> None:
    head = (legal_text_dir / GENERATED).read_text(encoding="utf-8")[:1000]
    assert "Source: EUR-Lex, (c) European Union" in head
    assert "generated by scripts/build_legal_text.py, do not edit" in head
    assert "sha256" in head


def test_no_drift(legal_text_dir: Path) -> None:
    """Regenerating from the HTML gives exactly the committed Turtle."""
    committed = (legal_text_dir / GENERATED).read_bytes()
    assert generate(HTML, legal_text_dir / APPLICABILITY).encode("utf-8") == committed


def test_main_writes_and_checks(tmp_path: Path, legal_text_dir: Path) -> None:
    output = tmp_path / GENERATED
    rules = ["--applicability", str(legal_text_dir / APPLICABILITY)]
    assert main(["--html", str(HTML), "--output", str(output), "--check", *rules]) == 1
    assert main(["--html", str(HTML), "--output", str(output), *rules]) == 0
    assert output.read_bytes() == (legal_text_dir / GENERATED).read_bytes()
    assert main(["--html", str(HTML), "--output", str(output), "--check", *rules]) == 0


# Structures aiact_kg.legal.citation cannot yet read (see the report of the build step):
# points restarting per subparagraph (Art 43(1)), dotted points (Annex VII point 3.1) and
# points inside annex sections (Annex VIII Section A point 1, Annex XI Section 2 point 1).
_UNREAD = (
    "art_43.par_1.sub_1.",
    "art_43.par_1.sub_2.",
    "anx_VII.pnt_3.",
    "anx_VII.pnt_4.",
    "anx_VII.pnt_5.",
    "anx_VIII.sct_A.",
    "anx_VIII.sct_B.",
    "anx_VIII.sct_C.",
    "anx_XI.sct_1.",
    "anx_XI.sct_2.",
)


def test_citations_resolve_with_the_citation_parser(parsed: ParseResult) -> None:
    from aiact_kg.legal.citation import candidate_iris

    existing = {PROVISION + p.iri_local for p in parsed.provisions}
    for provision in parsed.provisions:
        if provision.iri_local.startswith(_UNREAD):
            continue
        candidates = [iri for iri in candidate_iris(provision.citation) if iri in existing]
        assert candidates[:1] == [PROVISION + provision.iri_local], provision.citation


def test_chapter_and_section_membership(graph: rdflib.Graph) -> None:
    articles = set(graph.subjects(RDF.type, AIA.Article))
    assert all(graph.value(a, AIA.inChapter) is not None for a in articles)
    in_sct_4 = {
        int(str(graph.value(a, ELI_NS.number)))
        for a in graph.subjects(AIA.inSection, AIAP["cpt_III.sct_4"])
    }
    assert in_sct_4 == set(range(28, 40))
    assert graph.value(AIAP["art_5"], AIA.inChapter) == AIAP["cpt_II"]
    assert graph.value(AIAP["art_101"], AIA.inChapter) == AIAP["cpt_XII"]
