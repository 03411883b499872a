"""Citation strings become candidate provision IRIs."""

from __future__ import annotations

import pytest

from aiact_kg.errors import CitationError
from aiact_kg.legal.citation import candidate_iris, format_citation, parse_citation
from aiact_kg.namespaces import PROVISION


@pytest.mark.parametrize(
    ("citation", "expected_first"),
    [
        ("Art 6(3)", "art_6.par_3"),
        ("Article 6(3)", "art_6.par_3"),
        ("Art. 51(2)", "art_51.par_2"),
        ("Art 5(1)(h)(iii)", "art_5.par_1.pnt_h.pnt_iii"),
        ("Art 5(1), first subparagraph, point (h)", "art_5.par_1.pnt_h"),
        ("Art 6(3) third subparagraph", "art_6.par_3.sub_3"),
        ("Art 4", "art_4"),
        ("Annex III point 4(a)", "anx_III.pnt_4.pnt_a"),
        ("annex iii 4(a)", "anx_III.pnt_4.pnt_a"),
        ("Annex III point 2", "anx_III.pnt_2"),
        ("Annex I point 11", "anx_I.pnt_11"),
        ("Annex XIII point (f)", "anx_XIII.pnt_f"),
        ("Annex XIII(f)", "anx_XIII.pnt_f"),
        ("Annex I Section A", "anx_I.sct_A"),
        ("Recital 97", "rct_97"),
        ("Chapter V", "cpt_V"),
        ("Chapter III Section 2", "cpt_III.sct_2"),
    ],
)
def test_first_candidate(citation: str, expected_first: str) -> None:
    assert candidate_iris(citation)[0] == PROVISION + expected_first


@pytest.mark.parametrize(
    ("citation", "fallback"),
    [
        ("Art 4 first subparagraph", "art_4"),
        ("Art 4 second subparagraph", None),
        ("Art 50(4) first subparagraph", "art_50.par_4"),
        ("Art 50(4) third subparagraph", None),
    ],
)
def test_only_a_first_subparagraph_falls_back_to_its_provision(
    citation: str, fallback: str | None
) -> None:
    """A provision not divided into subparagraphs is its own first subparagraph; a later
    subparagraph it does not have named the provision itself (an outside check)."""
    candidates = candidate_iris(citation)
    assert ".sub_" in candidates[0]
    if fallback is None:
        assert len(candidates) == 1
    else:
        assert PROVISION + fallback in candidates


def test_article_without_paragraphs_gets_point_candidate() -> None:
    assert PROVISION + "art_3.pnt_63" in candidate_iris("Art 3(63)")
    assert PROVISION + "art_113.pnt_c" in candidate_iris("Art 113(c)")


@pytest.mark.parametrize("bad", ["", "   ", "Section 5", "Art", "Annex Q", "Art 6(3)$"])
def test_unreadable_citations_raise(bad: str) -> None:
    with pytest.raises(CitationError):
        candidate_iris(bad)


@pytest.mark.parametrize(
    ("text", "formatted"),
    [
        ("Article 52a", "Art 52a"),
        ("art 51(1a)", "Art 51(1a)"),
        ("Annex IXc", "Annex IXc"),
        ("Annex III point 4(a)", "Annex III point 4(a)"),
        ("Annex XIII (f)", "Annex XIII point (f)"),
        ("Art 50(4) second subparagraph", "Art 50(4) second subparagraph"),
    ],
)
def test_format_round_trip(text: str, formatted: str) -> None:
    assert format_citation(parse_citation(text)) == formatted
