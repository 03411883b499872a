"""`aiact-kg timeline`: the worked example of docs/gpai-timeline.md, the JSON, and bad input."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from aiact_kg.cli import main
from tests.conftest import REPO_ROOT

DOC = REPO_ROOT / "docs" / "gpai-timeline.md"
EXAMPLE = REPO_ROOT / "examples" / "timeline" / "orion-procedure.ttl"
#: a command of the guide and what it prints, in a ```text block
_BLOCK = re.compile(r"```text\n\$ (aiact-kg timeline [^\n]+)\n(.*?)```", re.DOTALL)


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(argv)
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _doc_blocks() -> list[tuple[str, str]]:
    return _BLOCK.findall(DOC.read_text(encoding="utf-8"))


def test_the_guide_shows_four_dates() -> None:
    assert len(_doc_blocks()) == 4


@pytest.mark.parametrize(("command", "printed"), _doc_blocks(), ids=lambda v: v[-10:])
def test_the_worked_example_prints_what_the_guide_shows(
    command: str, printed: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO_ROOT)
    argv = [*shlex.split(command)[1:], "--no-progress"]
    code, out, err = _run(argv, capsys)
    assert code == 0, err
    assert out == printed


def _timeline(as_of: str, capsys: pytest.CaptureFixture[str], path: Path = EXAMPLE) -> dict:  # type: ignore[type-arg]
    code, out, err = _run(
        ["timeline", "Orion-2", str(path), "--as-of", as_of, "--format", "json", "--no-progress"],
        capsys,
    )
    assert code == 0, err
    result: dict = json.loads(out)  # type: ignore[type-arg]
    return result


def test_json_entries_are_in_date_order_with_deadlines(capsys: pytest.CaptureFixture[str]) -> None:
    timeline = _timeline("2027-06-01", capsys)
    dates = [entry["date"] for entry in timeline["entries"]]
    assert dates == sorted(dates)
    deadline = [e for e in timeline["entries"] if e["kind"] == "deadline"]
    assert [(e["date"], e["after_as_of"]) for e in deadline] == [("2027-11-10", True)]
    states = {s["state"]: s for s in timeline["states"]}
    assert states["reassessment-not-yet-requestable"]["earliest"] == "2027-11-10"
    assert states["designated"]["since"] == "2026-09-15"
    assert states["designated"]["legal_basis"] == ["Art 51(1)(b)", "Art 52(4)"]
    designation = next(e for e in timeline["events"] if e["kind"] == "CommissionDesignation")
    assert designation["route"] == "designation after a qualified alert"
    assert designation["criteria"] == "Annex XIII point (e); Annex XIII point (f)"
    assert designation["actor"] == "the Commission"
    assert designation["source"] == "Commission designation decision of 15 September 2026"
    assert "Art 55(1)(a)" in {o["citation"] for o in timeline["obligations_in_force"]}


def test_events_after_the_as_of_date_are_shown_but_not_used(
    capsys: pytest.CaptureFixture[str],
) -> None:
    timeline = _timeline("2026-02-01", capsys)
    later = [e["kind"] for e in timeline["events"] if e["after_as_of"]]
    assert "CommissionDesignation" in later
    assert {s["state"] for s in timeline["states"]} == {"notified", "arguments-under-review"}
    assert timeline["categories"] == ["gpai"]


def test_named_events_give_the_same_timeline_as_blank_nodes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The same description with every event as a named IRI: the same states and entries."""
    text = EXAMPLE.read_text(encoding="utf-8")
    # rewrite "[ a aia:K ; ... ]" blocks into named nodes listed on the model
    blocks = re.findall(r"\[ (a aia:[^\]]+)\]", text)
    listed = " , ".join(f"ex:event-{i}" for i in range(len(blocks)))
    head = text.split("aia:hasProcedureEvent")[0]
    tail = text.split("ex:orion-labs a aia:LegalPerson")[1]
    named = (
        head
        + f"aia:hasProcedureEvent {listed} .\n\n"
        + "".join(f"ex:event-{i} {block.strip()} .\n" for i, block in enumerate(blocks))
        + "\nex:orion-labs a aia:LegalPerson"
        + tail
    )
    path = tmp_path / "named.ttl"
    path.write_text(named, encoding="utf-8")
    assert "[" not in named.split("@prefix ex:")[1]  # no blank node is left
    for as_of in ("2026-02-01", "2027-04-01"):
        blank, iri = _timeline(as_of, capsys), _timeline(as_of, capsys, path)
        strip = [{k: v for k, v in s.items() if k != "determination"} for s in blank["states"]]
        assert strip == [
            {k: v for k, v in s.items() if k != "determination"} for s in iri["states"]
        ]
        assert blank["entries"] == iri["entries"]


def test_a_system_has_no_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    example = REPO_ROOT / "examples" / "submissions" / "customer-service-chatbot.ttl"
    data = json.loads(
        _run(["assess", str(example), "--format", "json", "--no-progress"], capsys)[1]
    )
    code, _, err = _run(["timeline", data["subjects"][0]["iri"], str(example)], capsys)
    assert code == 2
    assert "is not assessed as a general-purpose AI model" in err


def test_a_model_before_its_placing_has_its_timeline(capsys: pytest.CaptureFixture[str]) -> None:
    """Assessed before it is placed on the market, a model is out of scope on that date; it was
    refused as "not assessed as a general-purpose AI model" (an outside check). Its timeline
    is shown, every event after the as-of date."""
    example = REPO_ROOT / "examples" / "submissions" / "gpai-model-commission-designation.ttl"
    code, out, _ = _run(
        ["timeline", "https://example.org/vox-populi/vp-2", str(example), "--as-of", "2025-06-01"],
        capsys,
    )
    assert code == 0
    assert "categories: out-of-scope" in out
    assert "Commission designation" in out
    assert "(after the as-of date)" in out


def test_an_unknown_model_names_the_assessed_subjects(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = _run(["timeline", "Nonexistent", str(EXAMPLE), "--no-progress"], capsys)
    assert code == 2
    assert "Nonexistent is not a subject of the inputs" in err
    assert "https://example.org/orion/orion-2" in err


def test_an_invalid_description_is_not_assessed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.ttl"
    path.write_text(
        EXAMPLE.read_text(encoding="utf-8").replace(
            'aia:eventDate "2026-05-04"^^xsd:date', 'aia:eventDate "4 May 2026"'
        ),
        encoding="utf-8",
    )
    code, out, _ = _run(["timeline", "Orion-2", str(path), "--no-progress"], capsys)
    assert code == 1
    assert "eventDate" in out
