"""`assess --format json|jsonl` in batches: same per-subject results as one batch, in input
order whatever --jobs is, bad input reported per batch without stopping the others."""

from __future__ import annotations

import io
import json
import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from aiact_kg.assessment import assess_documents
from aiact_kg.batch_assessment import assess_batches, batches
from aiact_kg.cli import main
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun
from aiact_kg.render.assessment import assessment_json
from aiact_kg.render.stream import write_json, write_jsonl
from aiact_kg.submission.reading import read_inputs, read_rdf_file
from tests.cli.submissions import GOOD, PREFIXES
from tests.conftest import REPO_ROOT

EXAMPLES = REPO_ROOT / "examples" / "submissions"
SOME_EXAMPLES = [
    EXAMPLES / "recruitment-cv-screening.ttl",
    EXAMPLES / "minimal-risk-spam-filter.ttl",
]
OPTIONS = AssessmentOptions(as_of=date(2026, 9, 1))
TWO_SYSTEMS = PREFIXES + (
    "ex:a a aia:AISystem ; aia:hasProvider ex:p ; aia:intendedPurpose aiac:annex-iii-4a ;\n"
    '  aia:interactsWithNaturalPersons false ; aia:putIntoServiceOn "2026-03-01"^^xsd:date .\n'
    "ex:b a aia:AISystem ; aia:hasProvider ex:p ;\n"
    "  aia:intendedPurpose aiac:purpose-spam-filtering ; aia:interactsWithNaturalPersons true ;\n"
    '  aia:putIntoServiceOn "2026-03-01"^^xsd:date .\n'
    'ex:p a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .\n'
)
NO_PROVIDER = PREFIXES + (
    "ex:orphan a aia:AISystem ; aia:intendedPurpose aiac:purpose-spam-filtering ;\n"
    '  aia:putIntoServiceOn "2026-03-01"^^xsd:date .\n'
)


def _run_free(text: str) -> str:
    """The text without the run's identity (its IRI namespace and start time)."""
    text = re.sub(r"[0-9a-f]{32}/", "RUN/", text)
    return re.sub(r'"started_at": ?"[^"]+"', '"started_at":""', text)


def _inputs(tmp_path: Path) -> list[Path]:
    (tmp_path / "a-two.ttl").write_text(TWO_SYSTEMS, encoding="utf-8")
    (tmp_path / "b-good.ttl").write_text(GOOD, encoding="utf-8")
    return [tmp_path / "a-two.ttl", tmp_path / "b-good.ttl", *SOME_EXAMPLES]


def test_files_are_never_split_and_close_a_batch_at_the_size(tmp_path: Path) -> None:
    items = list(read_inputs([str(p) for p in _inputs(tmp_path)]))
    grouped = list(batches(items, 1))
    assert [[d.name.rsplit("/", 1)[-1] for d in b.documents] for b in grouped] == [
        ["a-two.ttl"],  # two subjects, more than the batch size: one batch, whole
        ["b-good.ttl"],
        ["recruitment-cv-screening.ttl"],
        ["minimal-risk-spam-filter.ttl"],
    ]
    assert [b.subjects for b in grouped] == [2, 1, 1, 1]
    assert [len(b.documents) for b in batches(items, 3)] == [2, 2]
    assert [len(b.documents) for b in batches(items, 0)] == [4]


def test_batches_give_the_subjects_of_one_batch(tmp_path: Path) -> None:
    documents = [read_rdf_file(p) for p in _inputs(tmp_path)]
    run = AssessmentRun()
    one = assess_documents(documents, OPTIONS, run=run, keep=False).result
    outcomes = list(assess_batches(documents, OPTIONS, batch_size=1, jobs=1, run=run))
    assert len(outcomes) == 4
    merged = [s for o in outcomes for s in o.result.subjects]
    assert sorted(merged, key=lambda s: s.iri) == sorted(one.subjects, key=lambda s: s.iri)
    # one batch streamed as one JSON document is today's JSON, byte for byte
    out = io.StringIO()
    code = write_json(assess_batches(documents, OPTIONS, batch_size=0, run=run), out)
    assert code == 0
    assert out.getvalue() == assessment_json(one)


def test_a_file_describing_no_subject_stays_with_the_batch_before_it(tmp_path: Path) -> None:
    system, party = GOOD.split("ex:acme a aia:LegalPerson")
    (tmp_path / "a-system.ttl").write_text(system, encoding="utf-8")
    (tmp_path / "b-provider.ttl").write_text(
        PREFIXES + "ex:acme a aia:LegalPerson" + party, "utf-8"
    )
    (tmp_path / "c-two.ttl").write_text(TWO_SYSTEMS, encoding="utf-8")
    grouped = list(batches(read_inputs([str(tmp_path)]), 1))
    assert [[d.name.rsplit("/", 1)[-1] for d in b.documents] for b in grouped] == [
        ["a-system.ttl", "b-provider.ttl"],
        ["c-two.ttl"],
    ]
    outcomes = list(assess_batches(read_inputs([str(tmp_path)]), OPTIONS, batch_size=1, jobs=1))
    assert [o.exit_code for o in outcomes] == [0, 0]
    assert [s.iri for s in outcomes[0].result.subjects] == ["https://example.org/filter"]


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    code = main(["assess", "--no-progress", "--as-of", "2026-09-01", *argv])
    captured = capsys.readouterr()
    _cli.err = captured.err  # type: ignore[attr-defined]
    return code, captured.out


def _records(text: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in text.splitlines()]


def test_jsonl_over_batches_equals_one_batch_whatever_the_jobs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = [str(p) for p in _inputs(tmp_path)]
    code, whole = _cli(capsys, "--format", "json", "--batch-size", "0", *paths)
    assert code == 0
    one = json.loads(_run_free(whole))["subjects"]
    outputs = {}
    for jobs in ("1", "2"):
        code, text = _cli(capsys, "--format", "jsonl", "--batch-size", "1", "--jobs", jobs, *paths)
        assert code == 0
        outputs[jobs] = _run_free(text)
    assert outputs["1"] == outputs["2"]
    records = _records(outputs["1"])
    assert [r["record"] for r in (records[0], records[-1])] == ["run", "summary"]
    assert records[-1] | {"record": "summary"} == {
        "record": "summary",
        "valid": True,
        "batches": 4,
        "inputs": 4,
        "unreadable": 0,
        "violations": 0,
        "subjects": 5,
        "exit_code": 0,
    }
    subjects = [{k: v for k, v in r.items() if k != "record"} for r in records[1:-1]]
    subjects = [s for s in subjects if "kind" in s]
    assert [s["iri"] for s in subjects][:3] == [
        "https://example.org/a",
        "https://example.org/b",
        "https://example.org/filter",
    ]  # input order
    assert sorted(subjects, key=lambda s: s["iri"]) == sorted(one, key=lambda s: s["iri"])
    # the streamed JSON document over several batches holds the same subjects, in input order
    code, many = _cli(capsys, "--format", "json", "--batch-size", "1", "--jobs", "2", *paths)
    assert json.loads(_run_free(many))["subjects"] == subjects


def test_bad_input_is_reported_per_batch_and_the_others_are_assessed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a-good.ttl").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b-orphan.ttl").write_text(NO_PROVIDER, encoding="utf-8")
    (tmp_path / "c-broken.ttl").write_text(PREFIXES + "ex:x a .\n", encoding="utf-8")
    (tmp_path / "d-two.ttl").write_text(TWO_SYSTEMS, encoding="utf-8")
    (tmp_path / "e-good.ttl").write_text(GOOD.replace("ex:filter ", "ex:filter2 "), "utf-8")
    code, text = _cli(
        capsys, "--format", "jsonl", "--batch-size", "1", "--jobs", "2", str(tmp_path)
    )
    assert code == 2  # unreadable input, as today
    assert "c-broken.ttl" in _cli.err  # type: ignore[attr-defined]
    records = _records(text)
    violations = [r for r in records if r["record"] == "violation"]
    assert violations
    assert {(v["file"].rsplit("/", 1)[-1], v["subject"]) for v in violations} == {
        ("b-orphan.ttl", "https://example.org/orphan")
    }
    unreadable = [r for r in records if r["record"] == "unreadable"]
    assert [u["file"].rsplit("/", 1)[-1] for u in unreadable] == ["c-broken.ttl"]
    assessed = [r["iri"] for r in records if r["record"] == "subject"]
    # batches: a-good | b-orphan (violation), c-broken (unreadable) | d-two | e-good
    assert assessed == [
        "https://example.org/filter",
        "https://example.org/a",
        "https://example.org/b",
        "https://example.org/filter2",
    ]
    assert records[-1]["valid"] is False
    assert records[-1]["exit_code"] == 2
    code, text = _cli(capsys, "--format", "json", "--batch-size", "1", str(tmp_path))
    data = json.loads(text)
    assert code == 2
    assert data["valid"] is False
    assert [s["iri"] for s in data["subjects"]] == assessed
    assert len(data["run"]["inputs"]) == 4
    # in one batch, as today: nothing assessed
    code, text = _cli(capsys, "--format", "json", "--batch-size", "0", str(tmp_path))
    assert code == 2
    assert json.loads(text)["subjects"] == []


def test_jsonl_writer_counts_an_empty_run() -> None:
    out = io.StringIO()
    assert write_jsonl(assess_batches([], OPTIONS, jobs=1), out) == 0
    records = _records(out.getvalue())
    assert [r["record"] for r in records] == ["run", "summary"]
    assert records[-1]["subjects"] == 0
