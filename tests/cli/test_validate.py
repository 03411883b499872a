"""`aiact-kg validate`: exit codes, output formats, grouping per subject, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import SH

from aiact_kg.cli import main
from tests.cli.submissions import GOOD, PREFIXES

MISSING_PURPOSE = PREFIXES + (
    "ex:mystery a aia:AISystem ; aia:hasProvider ex:beta ;\n"
    "  aia:interactsWithNaturalPersons false .\n"
    'ex:beta aia:establishedIn "FR" ; aia:isSME false .\n'
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["validate", "--no-progress", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def write(directory: Path, name: str, text: str) -> Path:
    path = directory / name
    path.write_text(text, encoding="utf-8")
    return path


def test_conforming_file_exits_0(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, str(write(tmp_path, "good.ttl", GOOD)))
    assert code == 0
    assert "https://example.org/filter (ai-system): conforms" in out


def test_violation_exits_1_and_cites_the_provision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, str(write(tmp_path, "bad.ttl", MISSING_PURPOSE)), "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["conforms"] is False
    (subject,) = report["subjects"]
    assert subject["iri"] == "https://example.org/mystery"
    violations = [f for f in subject["findings"] if f["severity"] == "violation"]
    assert any("Art 6(2)" in f["legal_basis"] for f in violations)
    assert all(f["message"] and f["provisions"] for f in subject["findings"])


def test_directory_in_one_pass_grouped_per_subject(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "a.ttl", GOOD)
    write(tmp_path, "b.ttl", MISSING_PURPOSE)
    code, out, _ = run(capsys, str(tmp_path), "--format", "json")
    assert code == 1
    report = json.loads(out)
    assert report["documents"] == 2
    by_iri = {s["iri"]: s for s in report["subjects"]}
    assert by_iri["https://example.org/filter"]["conforms"] is True
    assert by_iri["https://example.org/mystery"]["conforms"] is False
    assert by_iri["https://example.org/mystery"]["file"].endswith("b.ttl")


def test_unreadable_file_exits_2_even_with_good_files(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(tmp_path, "good.ttl", GOOD)
    write(tmp_path, "broken.ttl", PREFIXES + "ex:a ex:b .\n")
    code, out, err = run(capsys, str(tmp_path), "--format", "json")
    assert code == 2
    report = json.loads(out)
    (problem,) = report["unreadable"]
    assert problem["file"].endswith("broken.ttl")
    assert problem["line"] == 5
    assert "Traceback" not in out + err


def test_turtle_output_is_a_shacl_report(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(
        capsys, str(write(tmp_path, "bad.ttl", MISSING_PURPOSE)), "--format", "turtle"
    )
    assert code == 1
    graph = Graph().parse(data=out, format="turtle")
    reports = list(graph.subjects(predicate=SH.conforms))
    assert len(reports) == 1
    assert len(list(graph.subjects(object=SH.ValidationResult))) >= 1


def test_stdin(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(GOOD.encode())))
    code, out, _ = run(capsys, "-")
    assert code == 0
    assert "<stdin>" in out


def test_size_limit_option(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(write(tmp_path, "good.ttl", GOOD)), "--max-bytes", "100")
    assert code == 2
    assert "good.ttl" in out + err
    assert "100" in out + err


def test_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, str(tmp_path / "nope.ttl"))
    assert code == 2
    assert "nope.ttl" in out + err


def test_files_contradicting_each_other_are_caught_in_one_pass(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Two files give the same provider two countries: only a joint validation sees it."""
    write(tmp_path, "a.ttl", GOOD)
    write(tmp_path, "b.ttl", PREFIXES + 'ex:acme aia:establishedIn "US" .\n')
    code, out, _ = run(capsys, str(tmp_path), "--format", "json")
    assert code == 1
    findings = [f for s in json.loads(out)["subjects"] for f in s["findings"]]
    assert any(f["path"] == "https://w3id.org/aiact-kg/ontology#establishedIn" for f in findings)


BAD_INPUT = sorted(
    path
    for path in (Path(__file__).resolve().parent.parent / "submission" / "bad-input").iterdir()
    if path.name != "README.md"
)


@pytest.mark.parametrize("path", BAD_INPUT, ids=[path.name for path in BAD_INPUT])
@pytest.mark.parametrize("command", ["validate", "assess"])
def test_bad_input_corpus_gives_exit_2_without_traceback(
    path: Path, command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main([command, "--no-progress", "--format", "json", str(path)])
    captured = capsys.readouterr()
    assert code == 2
    assert "Traceback" not in captured.out + captured.err
    assert path.name in captured.out + captured.err
