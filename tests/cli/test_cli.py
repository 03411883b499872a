"""The command line, run in-process against a knowledge base built once per session."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pyoxigraph import RdfFormat, parse

from aiact_kg.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_stats_json_counts_from_the_graph(
    kb_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--store", str(kb_path), "stats", "--format", "json")
    assert code == 0
    stats = json.loads(out)
    assert stats["articles"] == 113
    assert stats["annexes"] == 13
    assert stats["recitals"] == 180
    assert stats["annex_iii_points"] == 25
    assert stats["annex_i_acts"] == 20
    assert stats["prohibited_practices"] == 8
    assert stats["obligations"] >= 60
    assert stats["paragraphs"] > 400
    assert stats["external_matches"] > 0
    assert stats["triples"] > 10_000


def test_provision_art_51_2(kb_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--store", str(kb_path), "provision", "Art 51(2)")
    assert code == 0
    assert "10^25" in out
    assert "1025" not in out
    assert "Applies from: 2025-08-02" in out
    assert "Art 51" in out  # parent
    assert "Obligations resting on it (0)" not in out
    assert "general-purpose AI model with systemic risk" in out


def test_an_annex_iii_point_lists_the_duties_its_use_case_triggers(
    kb_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Annex III point 5(b) listed no obligation although the FRIA of Art 27(1) for credit
    scoring is triggered by it (an outside check); Art 22 keeps only its own duties."""
    code, out, _ = run(capsys, "--store", str(kb_path), "provision", "Annex III point 5(b)")
    assert code == 0
    assert "obligation/art-27-1-fria-credit-and-insurance" in out
    code, out, _ = run(capsys, "--store", str(kb_path), "provision", "Art 22", "--format", "json")
    assert code == 0
    assert "fria" not in out


def test_provision_json(kb_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--store", str(kb_path), "provision", "Art 6(3)", "--format", "json")
    assert code == 0
    report = json.loads(out)
    assert report["citation"] == "Art 6(3)"
    assert report["applies_from"] == "2026-08-02"
    assert report["ancestors"][0]["label"] == "Art 6"


def test_provision_shows_eli_and_cross_references(
    kb_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--store", str(kb_path), "provision", "Art 6(2)")
    assert code == 0
    assert "ELI: http://data.europa.eu/eli/reg/2024/1689/art_6/oj (of Art 6;" in out
    cites = out.split("Cites (eli:cites, from the text)", 1)[1].split("Cited by", 1)[0]
    assert "reg/2024/1689/anx_III\n" in cites  # "listed in Annex III"
    assert "reg/2024/1689/art_6.par_1\n" in cites  # "paragraph 1"
    cited_by = out.split("Cited by", 1)[1]
    assert "reg/2024/1689/art_6.par_3.sub_1\n" in cited_by  # "referred to in paragraph 2"
    code, out, _ = run(capsys, "--store", str(kb_path), "provision", "Art 6", "--format", "json")
    report = json.loads(out)
    assert report["eli"] == "http://data.europa.eu/eli/reg/2024/1689/art_6/oj"
    assert report["eli_of"] == "Art 6"


def test_provision_of_a_fine_tier_lists_the_obligations_it_fines(
    kb_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Art 99(4) imposes no obligation but sets the fine of many (an outside check read
    'Obligations resting on it (0)' and nothing else): they are listed with the tier's citation;
    Art 99 lists those of every tier, and a provision that is no tier shows no such section."""
    code, out, _ = run(capsys, "--store", str(kb_path), "provision", "Art 99(4)")
    assert code == 0
    fined = out.split("Obligations whose fine it sets (", 1)[1].split("Concepts and terms", 1)[0]
    assert "obligation/art-26-1-use-per-instructions\n" in fined
    assert "obligation/art-5-" not in fined  # Art 99(3)
    code, out, _ = run(capsys, "--store", str(kb_path), "provision", "Art 99", "--format", "json")
    tiers = {
        ref["iri"].rsplit("/", 1)[1]: ref["detail"] for ref in json.loads(out)["fined_obligations"]
    }
    assert {"Art 99(1)", "Art 99(3)", "Art 99(4)"} <= set(tiers.values())
    assert tiers["art-21-1-provide-information-to-authorities"] == "Art 99(1); Art 99(5)"
    code, out, _ = run(
        capsys, "--store", str(kb_path), "provision", "Art 26(1)", "--format", "json"
    )
    assert json.loads(out)["fined_obligations"] == []


def test_provision_of_art_6_1_applies_from_2027(
    kb_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "--store", str(kb_path), "provision", "Art 6(1)", "--format", "json")
    assert code == 0
    assert json.loads(out)["applies_from"] == "2027-08-02"


def test_unknown_provision_is_a_clear_error(
    kb_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, err = run(capsys, "--store", str(kb_path), "provision", "Art 999(1)")
    assert code == 2
    assert out == ""
    assert "names no provision" in err
    assert "Traceback" not in err


def test_unreadable_citation_is_a_clear_error(
    kb_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--store", str(kb_path), "provision", "Section five")
    assert code == 2
    assert "cannot read the citation" in err


def test_draft_citation_resolves(kb_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--store", str(kb_path), "provision", "--draft", "Article 52a")
    assert code == 0
    assert "Art 51" in out


def test_missing_store_tells_how_to_build(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "--store", str(tmp_path / "nothing"), "stats")
    assert code == 3
    assert "aiact-kg build" in err


@pytest.mark.parametrize(
    ("fmt", "rdf_format", "keeps_graphs"),
    [
        ("nquads", RdfFormat.N_QUADS, True),
        ("trig", RdfFormat.TRIG, True),
        ("jsonld", RdfFormat.JSON_LD, True),
        ("turtle", RdfFormat.TURTLE, False),
    ],
)
def test_export_round_trips(
    kb_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fmt: str,
    rdf_format: RdfFormat,
    keeps_graphs: bool,
) -> None:
    target = tmp_path / f"kb.{fmt}"
    code, _, _ = run(capsys, "--store", str(kb_path), "export", "--format", fmt, "-o", str(target))
    assert code == 0
    quads = list(parse(path=str(target), format=rdf_format))
    assert len(quads) > 10_000
    graphs = {str(getattr(quad, "graph_name", "")) for quad in quads}
    if keeps_graphs:
        assert "<https://w3id.org/aiact-kg/graph/legal-text>" in graphs
        assert "<https://w3id.org/aiact-kg/graph/obligations>" in graphs


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_query_by_name(kb_path: Path, capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, _ = run(capsys, "--store", str(kb_path), "query", "stats/articles", "--format", fmt)
    assert code == 0
    assert "113" in out


def test_query_file_with_syntax_error(
    kb_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ", encoding="utf-8")
    code, _, err = run(capsys, "--store", str(kb_path), "query", str(bad))
    assert code == 2
    assert "not valid" in err


def test_query_cannot_update(
    kb_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    update = tmp_path / "drop.rq"
    update.write_text("DROP ALL", encoding="utf-8")
    code, _, err = run(capsys, "--store", str(kb_path), "query", str(update))
    assert code == 2
    assert "SPARQL update (DROP" in err
    assert "read-only" in err
    assert "expected" not in err
    code, out, _ = run(capsys, "--store", str(kb_path), "stats", "--format", "json")
    assert json.loads(out)["articles"] == 113


def test_unknown_query_name(kb_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "--store", str(kb_path), "query", "no-such-query")
    assert code == 2
    assert "no query named" in err
