"""scripts/verify_amendment.py: the only path by which an amendment becomes verified.

The amended texts are synthetic (tests/law/consolidated.py): the 2024 EUR-Lex HTML with the
reported changes written in. Each is parsed once per module.
"""

from __future__ import annotations

import importlib.util
import json
import shutil
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from aiact_kg import resources
from aiact_kg.cli import main as cli_main
from aiact_kg.kb.build import load_knowledge_base
from aiact_kg.queries import list_queries, run_select
from aiact_kg.reasoning import engine
from aiact_kg.store.oxigraph_store import OxigraphStore

from .consolidated import HTML_2024, REPO_ROOT, Amendments, amend

SCRIPT = REPO_ROOT / "scripts" / "verify_amendment.py"
LAW_DIR = REPO_ROOT / "data" / "law"
CV = REPO_ROOT / "examples" / "submissions" / "recruitment-cv-screening.ttl"
AMENDMENT = "digital-omnibus-2026"
APPLIED = {
    "omnibus-annex-iii-high-risk",
    "omnibus-annex-i-high-risk",
    "omnibus-art-50-2-grace",
    "omnibus-prohibition-ncii-csam",
}
CHECK = "checks/amendment-verification-violation"


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("verify_amendment", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["verify_amendment"] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def texts(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The synthetic amended texts, written once."""
    root = tmp_path_factory.mktemp("consolidated")
    return {
        "faithful": amend(root / "faithful.html"),
        "wrong-date": amend(root / "wrong-date.html", Amendments(annex_iii_date="2 August 2028")),
        "unrecorded": amend(root / "unrecorded.html", Amendments(unrecorded=True)),
        "other-point": amend(
            root / "other-point.html",
            Amendments(
                new_point="the use of an AI system to infer the voting intentions of natural "
                "persons from their online behaviour."
            ),
        ),
    }


@pytest.fixture(scope="module")
def reports(script: ModuleType, texts: dict[str, Path]) -> dict[str, Any]:
    """Each text parsed and verified once."""
    baseline = script.load_baseline(script.DEFAULT_LEGAL_TEXT)
    amendment = script.load_amendment(sorted(LAW_DIR.glob("*.ttl")), AMENDMENT)
    needed = [p for c in amendment.changes for p in (*c.changes, *c.affects)]
    found = {}
    for name, path in [*texts.items(), ("2024", HTML_2024)]:
        amended, warnings = script.load_amended(path, baseline, needed)
        assert warnings == ()
        found[name] = script.verify(path, amendment, baseline, amended, warnings)
    return found


def _statuses(report: Any) -> dict[str, str]:
    return {finding.change.name: finding.status for finding in report.findings}


def _finding(report: Any, name: str) -> Any:
    (finding,) = [f for f in report.findings if f.change.name == name]
    return finding


def test_faithful_copy_confirms_every_change(reports: dict[str, Any]) -> None:
    report = reports["faithful"]
    statuses = _statuses(report)
    assert set(statuses) >= APPLIED
    assert len(statuses) == 10
    assert set(statuses.values()) == {"confirmed"}
    assert report.unrecorded == []
    assert report.all_confirmed
    assert not report.write_refusals
    assert report.act_eli == "http://data.europa.eu/eli/reg/2026/1744/oj"


def test_dates_are_confirmed_where_the_text_states_them(reports: dict[str, Any]) -> None:
    report = reports["faithful"]
    annex_iii = _finding(report, "omnibus-annex-iii-high-risk")
    assert annex_iii.citation == "Art 113(d)"
    assert "2 December 2027" in annex_iii.new_text
    assert _finding(report, "omnibus-annex-i-high-risk").citation == "Art 113(c)"
    grace = _finding(report, "omnibus-art-50-2-grace")
    assert grace.citation == "Art 50(2) second subparagraph"
    assert "2 December 2026" in grace.new_text


def test_new_prohibition_records_its_point(reports: dict[str, Any]) -> None:
    finding = _finding(reports["faithful"], "omnibus-prohibition-ncii-csam")
    assert finding.point == "i"
    assert finding.citation == "Art 5(1)(i)"
    assert "non-consensual intimate images" in finding.new_text
    assert "Art 113(e)" in finding.detail


def test_different_date_is_contradicted(reports: dict[str, Any]) -> None:
    report = reports["wrong-date"]
    finding = _finding(report, "omnibus-annex-iii-high-risk")
    assert finding.status == "contradicted"
    assert "2 August 2028" in finding.detail
    assert "2 December 2027" in finding.detail
    assert "omnibus-annex-iii-high-risk is contradicted" in report.write_refusals
    others = {k: v for k, v in _statuses(report).items() if k != "omnibus-annex-iii-high-risk"}
    assert set(others.values()) == {"confirmed"}


def test_point_on_another_subject_is_contradicted(reports: dict[str, Any]) -> None:
    finding = _finding(reports["other-point"], "omnibus-prohibition-ncii-csam")
    assert finding.status == "contradicted"
    assert "voting intentions" in finding.detail


def test_unmodified_2024_text_finds_nothing(reports: dict[str, Any]) -> None:
    report = reports["2024"]
    assert report.entries == []
    assert set(_statuses(report).values()) == {"not found"}
    assert {reason.split(" ")[0] for reason in report.write_refusals} == APPLIED
    assert report.act_eli is None


def test_unrecorded_change_is_listed(reports: dict[str, Any]) -> None:
    report = reports["unrecorded"]
    assert [entry.citation for entry in report.unrecorded] == ["Art 10(1)"]
    assert not report.all_confirmed
    assert not report.write_refusals  # reported, but it does not block the write


# the command line ----------------------------------------------------------------------------


def _run(
    script: ModuleType, capsys: pytest.CaptureFixture[str], *argv: str
) -> tuple[int, str, str]:
    code = script.main([*argv, "--amendment", AMENDMENT])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_cli_report_and_exit_status(
    script: ModuleType, texts: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = _run(script, capsys, str(texts["faithful"]), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["all_confirmed"] is True
    assert {c["status"] for c in data["changes"]} == {"confirmed"}
    listed = {(p["provision"], p["kind"]) for p in data["diff"]["provisions"]}
    assert {("Art 113(d)", "added"), ("Art 5(1)(i)", "added"), ("Art 113(c)", "changed")} <= listed
    assert ("Art 113", "changed") not in listed  # changed only through its points
    code, out, _ = _run(script, capsys, str(HTML_2024))
    assert code == 1
    assert "[not found] omnibus-annex-iii-high-risk" in out


def test_contradiction_writes_nothing(
    script: ModuleType, texts: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "verification.ttl"
    code, out, err = _run(
        script, capsys, str(texts["wrong-date"]), "--write", "--output", str(output)
    )
    assert code == 1
    assert "[contradicted] omnibus-annex-iii-high-risk" in out
    assert "nothing written" in err
    assert not output.exists()
    code, _, _ = _run(script, capsys, str(HTML_2024), "--write", "--output", str(output))
    assert code == 1
    assert not output.exists()


def test_other_markup_is_a_clear_error(
    script: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    other = tmp_path / "other-markup.html"
    other.write_text(
        HTML_2024.read_text(encoding="utf-8").replace('class="eli-subdivision"', 'class="norm"'),
        encoding="utf-8",
    )
    code, out, err = _run(
        script, capsys, str(other), "--write", "--output", str(tmp_path / "v.ttl")
    )
    assert code == 2
    assert out == ""
    assert "no article" in err
    assert "eli-subdivision" in err
    assert not (tmp_path / "v.ttl").exists()


def test_parts_the_parser_cannot_map_are_reported(
    script: ModuleType, texts: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    marked = tmp_path / "marked.html"
    marked.write_text(
        texts["faithful"]
        .read_text(encoding="utf-8")
        .replace('<div id="010.001">', '<p class="modref">\u25bcM1</p><div id="010.001">', 1),
        encoding="utf-8",
    )
    code, out, _ = _run(script, capsys, str(marked), "--format", "json")
    data = json.loads(out)
    assert code == 1
    assert data["parser_warnings"]
    assert "art_10" in data["parser_warnings"][0]
    assert {c["status"] for c in data["changes"]} == {"confirmed"}
    assert data["write_allowed"] is True


# the knowledge base with the written file ----------------------------------------------------


@pytest.fixture
def law_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of data/law that the knowledge base and the assessments read instead."""
    directory = tmp_path / "law"
    directory.mkdir()
    for path in LAW_DIR.glob("*.ttl"):
        shutil.copy(path, directory / path.name)
    original: Callable[[str], Path] = resources.data_dir
    monkeypatch.setattr(
        resources, "data_dir", lambda name: directory if name == "law" else original(name)
    )
    engine._knowledge_base_files.cache_clear()
    engine._base_quads.cache_clear()
    engine.knowledge_base_digest.cache_clear()
    yield directory
    monkeypatch.undo()
    engine._knowledge_base_files.cache_clear()
    engine._base_quads.cache_clear()
    engine.knowledge_base_digest.cache_clear()


def _knowledge_base() -> OxigraphStore:
    store = OxigraphStore()
    load_knowledge_base(store)
    return store


def _violations(store: OxigraphStore, name: str) -> list[str]:
    result = run_select(store, name)
    return [", ".join(cell.value if cell else "" for cell in row) for row in result.rows]


def test_written_file_makes_the_amendment_verified(
    script: ModuleType,
    texts: dict[str, Path],
    law_dir: Path,
    kb: OxigraphStore,
    capsys: pytest.CaptureFixture[str],
) -> None:
    output = law_dir / f"verification-{AMENDMENT}.ttl"
    code, _, err = _run(
        script,
        capsys,
        str(texts["faithful"]),
        "--write",
        "--law-dir",
        str(law_dir),
    )
    assert code == 0, err
    text = output.read_text(encoding="utf-8")
    assert "generated by scripts/verify_amendment.py, do not edit" in text
    assert 'aia:insertedPoint "i"' in text
    store = _knowledge_base()
    for check in list_queries("checks/"):
        # the file adds no violation to those of the shipped knowledge base (which
        # tests/ontology/test_quality.py requires to be none)
        added = set(_violations(store, check.name)) - set(_violations(kb, check.name))
        assert not added, f"{check.name}: {sorted(added)[:5]}"
    assert _violations(store, CHECK) == []
    code = cli_main(
        [
            "assess",
            "--no-progress",
            "--format",
            "json",
            "--as-of",
            "2026-12-15",
            "--law",
            "as-amended",
            str(CV),
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert data["law"]["verified"] is True
    (amendment,) = data["law"]["amendments"]
    assert amendment["status"] == "verified"
    assert amendment["status_note"].startswith("Verified against the Official Journal text")
    (subject,) = data["subjects"]
    assert "unverified-amendment" not in subject["flags"]
    assert not any(o.get("depends_on_unverified_amendment") for o in subject["obligations"])
    # the dates the assessment applies are unchanged by the verification
    assert {o["applies_from"] for o in subject["obligations"] if o["citation"] == "Art 9(1)"} == {
        "2027-12-02"
    }


def test_hand_edited_status_fails_the_check(law_dir: Path) -> None:
    versions = law_dir / "law-versions.ttl"
    text = versions.read_text(encoding="utf-8")
    assert text.count("aia:verificationStatus aiac:status-unverified") == 1
    versions.write_text(
        text.replace(
            "aia:verificationStatus aiac:status-unverified",
            "aia:verificationStatus aiac:status-verified",
        ),
        encoding="utf-8",
    )
    rows = _violations(_knowledge_base(), CHECK)
    assert any("no verification record" in row for row in rows)
    assert len([row for row in rows if "is not confirmed" in row]) == len(APPLIED)


def test_removed_confirmation_fails_the_check(
    script: ModuleType, texts: dict[str, Path], law_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = law_dir / f"verification-{AMENDMENT}.ttl"
    code, _, _ = _run(
        script,
        capsys,
        str(texts["faithful"]),
        "--write",
        "--output",
        str(output),
        "--law-dir",
        str(law_dir),
    )
    assert code == 0
    text = output.read_text(encoding="utf-8")
    start = text.index("aiac:omnibus-annex-iii-high-risk aia:confirmedBy")
    end = text.index("\n\n", start)
    output.write_text(text[:start] + text[end + 2 :], encoding="utf-8")
    rows = _violations(_knowledge_base(), CHECK)
    assert len(rows) == 1
    assert "omnibus-annex-iii-high-risk is not confirmed" in rows[0]
