"""Linked documents are assessed together: the registry keeps, for each entry, what ``assess``
gives for its subjects when it reads the entry with the documents it is linked to, whatever
the order and grouping of the submissions, after a withdrawal, a replacement or ``reassess``."""

from __future__ import annotations

import io
import json
import shutil
from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import NamedNode, Triple

from aiact_kg.assessment import shared_assessor
from aiact_kg.cli import main
from aiact_kg.kb import open_knowledge_base
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.names import assessment_graph
from aiact_kg.registry.reassess import reassess, withdraw
from aiact_kg.registry.store import derived_triples
from aiact_kg.registry.submit import RegistryError, submit_inputs
from aiact_kg.submission.batch import read_all
from tests.registry.conftest import EXAMPLES, OPTIONS, entries
from tests.results.schema_check import check

A = "https://w3id.org/aiact-kg/ontology#"
SYSTEM = EXAMPLES / "gpai-system-on-named-model.ttl"  # built on atlas-3, described in MODEL
MODEL = EXAMPLES / "gpai-model-systemic-risk.jsonld"
SPAM = EXAMPLES / "minimal-risk-spam-filter.ttl"
PURPOSE_CHANGE = EXAMPLES / "gpai-system-intended-purpose-change.nq"  # on lumen-7b
OPEN_MODEL = EXAMPLES / "open-source-gpai-model-estimated-compute.ttl"
ASSISTANT = "<https://example.org/quillmate/assistant>"

Conclusion = tuple[str, ...]


def _conclusions(triples: Iterable[Triple]) -> set[Conclusion]:
    """Each determination (subject, conclusion) and assessed obligation (subject, obligation,
    bearer, date) of a derived graph."""
    by_node: dict[str, dict[str, list[str]]] = {}
    for triple in triples:
        values = by_node.setdefault(str(triple.subject), {})
        values.setdefault(triple.predicate.value.removeprefix(A), []).append(str(triple.object))
    found: set[Conclusion] = set()
    for values in by_node.values():
        types = values.get("http://www.w3.org/1999/02/22-rdf-syntax-ns#type", [])
        if f"<{A}Determination>" in types:
            found.add(("determination", values["determinationOf"][0], values["conclusion"][0]))
        if f"<{A}AssessedObligation>" in types:
            found.add(
                (
                    "obligation",
                    values["obligationFor"][0],
                    values["obligation"][0],
                    *values.get("bearer", []),
                    *values.get("effectiveFrom", []),
                )
            )
    return found


def _assessed_together(files: Iterable[Path], as_of: date = OPTIONS.as_of) -> set[Conclusion]:
    documents, errors = read_all([str(file) for file in files])
    assert not errors
    report = shared_assessor().assess(documents, AssessmentOptions(as_of=as_of), keep=True)
    try:
        assert report.store is not None
        return _conclusions(derived_triples(report.store))
    finally:
        report.close()


def _stored(store: Path) -> dict[str, set[Conclusion]]:
    opened = open_knowledge_base(store)
    try:
        return {
            name: _conclusions(
                Triple(q.subject, q.predicate, q.object)
                for q in opened.raw.quads_for_pattern(
                    None, None, None, NamedNode(assessment_graph(name))
                )
            )
            for name in entries(store)
        }
    finally:
        opened.close()


def _union(parts: dict[str, set[Conclusion]]) -> set[Conclusion]:
    return set().union(*parts.values())


def _subjects_of(parts: set[Conclusion]) -> set[str]:
    return {conclusion[1] for conclusion in parts}


def test_documents_of_one_submission_are_assessed_together(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The system's result reads its model's facts (an outside check found the registry's
    obligations different from those of assess on the same files); each entry keeps only its
    own subjects' results."""
    files = [SYSTEM, MODEL, SPAM, PURPOSE_CHANGE, OPEN_MODEL]
    argv = ["--store", str(store), "submit", "--no-progress", "--as-of", "2026-11-01"]
    assert main([*argv, "--format", "json", *map(str, files)]) == 0
    data = json.loads(capsys.readouterr().out)
    check("submission", data)
    together = {item["name"]: item["assessed_with"] for item in data["submissions"]}
    assert together == {
        "gpai-system-on-named-model": ["gpai-model-systemic-risk"],
        "gpai-model-systemic-risk": ["gpai-system-on-named-model"],
        "minimal-risk-spam-filter": [],
        "gpai-system-intended-purpose-change": ["open-source-gpai-model-estimated-compute"],
        "open-source-gpai-model-estimated-compute": ["gpai-system-intended-purpose-change"],
    }
    assert [item["name"] for item in data["submissions"]] == [file.stem for file in files]
    stored = _stored(store)
    assert _union(stored) == _assessed_together(files)
    # alone, the repurposed system would lack its model supplier's Art 25(4) duty
    apart = _assessed_together([PURPOSE_CHANGE])
    assert stored["gpai-system-intended-purpose-change"] > apart
    assert any(
        "art-25-4" in conclusion[2] for conclusion in stored["gpai-system-intended-purpose-change"]
    )
    assert _subjects_of(stored["gpai-system-on-named-model"]) == {ASSISTANT}
    assert entries(store)["gpai-system-on-named-model"].together == ("gpai-model-systemic-risk",)
    assert main(["--store", str(store), "registry", "--format", "json"]) == 0
    listed = {item["name"]: item["assessed_with"] for item in json.loads(capsys.readouterr().out)}
    assert listed["gpai-model-systemic-risk"] == ["gpai-system-on-named-model"]
    assert listed["minimal-risk-spam-filter"] == []


def test_a_stored_entry_is_assessed_again_with_a_document_it_is_linked_to(store: Path) -> None:
    first = submit_inputs(store, [str(PURPOSE_CHANGE), str(SPAM)], OPTIONS, progress=False)
    assert [o.status for o in first.outcomes] == ["stored", "stored"]
    alone = _stored(store)
    assert alone["gpai-system-intended-purpose-change"] == _assessed_together([PURPOSE_CHANGE])
    later = submit_inputs(store, [str(OPEN_MODEL)], OPTIONS, progress=False)
    model, system = (
        "open-source-gpai-model-estimated-compute",
        "gpai-system-intended-purpose-change",
    )
    assert [(o.name, o.status, o.assessed_with) for o in later.outcomes] == [
        (model, "stored", (system,)),
        (system, "reassessed", (model,)),
    ]
    assert later.counts()["reassessed"] == 1
    stored = _stored(store)
    assert _union(stored) == _assessed_together([PURPOSE_CHANGE, OPEN_MODEL, SPAM])
    assert stored[system] != alone[system]
    assert stored["minimal-risk-spam-filter"] == alone["minimal-risk-spam-filter"]
    # the same document again: nothing is assessed, and the outcome names its group
    again = submit_inputs(store, [str(PURPOSE_CHANGE)], OPTIONS, progress=False)
    assert [(o.status, o.assessed_with) for o in again.outcomes] == [("unchanged", (model,))]


def test_withdrawing_a_document_assesses_those_read_with_it_again(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    later = date(2027, 9, 1)
    submit_inputs(store, [str(PURPOSE_CHANGE), str(OPEN_MODEL)], AssessmentOptions(later))
    system = "gpai-system-intended-purpose-change"
    assert _stored(store)[system] != _assessed_together([PURPOSE_CHANGE], later)
    assert (
        main(["--store", str(store), "withdraw", "open-source-gpai-model-estimated-compute"]) == 0
    )
    assert f"Assessed again without it: {system}" in capsys.readouterr().out
    stored = _stored(store)
    assert set(stored) == {system}
    # with the options it was assessed with, not today's
    assert stored[system] == _assessed_together([PURPOSE_CHANGE], later)
    entry = entries(store)[system]
    assert entry.as_of == "2027-09-01"
    assert entry.together == ()
    assert withdraw(store, system).reassessed == ()


def test_replacing_a_document_assesses_those_read_with_its_earlier_version_again(
    store: Path, tmp_path: Path
) -> None:
    """The new version no longer describes the model the system is built on: the system's
    stored result must not keep the old version's facts."""
    submit_inputs(store, [str(PURPOSE_CHANGE), str(OPEN_MODEL)], OPTIONS, progress=False)
    renamed = tmp_path / OPEN_MODEL.name
    text = OPEN_MODEL.read_text(encoding="utf-8").replace("lumen-labs/lumen-7b", "lumen-labs/other")
    assert "lumen-labs/other" in text
    renamed.write_text(text, encoding="utf-8")
    result = submit_inputs(store, [str(renamed)], OPTIONS, progress=False)
    assert [(o.name, o.status) for o in result.outcomes] == [
        ("open-source-gpai-model-estimated-compute", "replaced"),
        ("gpai-system-intended-purpose-change", "reassessed"),  # still linked by their provider
    ]
    stored = _stored(store)
    now = _assessed_together([PURPOSE_CHANGE, renamed])
    assert _union(stored) == now
    system = stored["gpai-system-intended-purpose-change"]
    assert system == {c for c in now if c[1] == "<https://example.org/lumen-labs/lumen-chat>"}
    assert not any("lumen-7b" in c[1] for c in _union(stored))


def test_reassess_assesses_each_group_together(store: Path) -> None:
    files = [SYSTEM, SPAM, PURPOSE_CHANGE]
    for file in files:
        submit_inputs(store, [str(file)], OPTIONS, progress=False)
    shutil.copy(OPEN_MODEL, store.parent / OPEN_MODEL.name)
    submit_inputs(store, [str(MODEL), str(store.parent / OPEN_MODEL.name)], OPTIONS)
    later = date(2027, 9, 1)
    result = reassess(store, AssessmentOptions(as_of=later), progress=False)
    assert {o.status for o in result.outcomes} == {"reassessed"}
    assert len(result.outcomes) == 5
    assert _union(_stored(store)) == _assessed_together([*files, MODEL, OPEN_MODEL], later)
    groups = {name: entry.together for name, entry in entries(store).items()}
    assert groups["gpai-system-intended-purpose-change"] == (
        "open-source-gpai-model-estimated-compute",
    )
    assert groups["minimal-risk-spam-filter"] == ()


LINKS = Path(__file__).resolve().parent / "data" / "apart"


@pytest.mark.parametrize(
    ("first", "second", "linked"),
    [
        (SYSTEM, MODEL, True),  # the model a system is built on
        (MODEL, SYSTEM, True),
        (LINKS / "a-sys1.ttl", LINKS / "a-sys3-party-more-facts.ttl", True),  # a party fact more
        (LINKS / "a-sys3-party-more-facts.ttl", LINKS / "a-sys1.ttl", True),
        (LINKS / "a-sys1.ttl", LINKS / "a-sys2-same-party.ttl", False),  # a party both state alike
        (
            LINKS / "b-sys.ttl",
            LINKS / "b-lexical-only.ttl",
            False,
        ),  # the same value, written otherwise
    ],
)
def test_stored_entries_are_linked_as_documents_of_one_submission_are(
    store: Path, first: Path, second: Path, linked: bool
) -> None:
    submit_inputs(store, [str(first)], OPTIONS, progress=False)
    result = submit_inputs(store, [str(second)], OPTIONS, progress=False)
    expected = [(second.stem, "stored", (first.stem,) if linked else ())]
    if linked:
        expected.append((first.stem, "reassessed", (second.stem,)))
    assert [(o.name, o.status, o.assessed_with) for o in result.outcomes] == expected


def test_a_question_joining_the_run_counts_each_obligation_once(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The run of documents assessed together is in each one's assessment graph: cq-017 joined
    its date once per graph and listed each obligation twice (an outside check)."""
    files = [PURPOSE_CHANGE, OPEN_MODEL]
    submit_inputs(store, [str(file) for file in files], OPTIONS, progress=False)
    capsys.readouterr()
    query = ["--store", str(store), "query", "cq-017-obligations-coming-into-force"]
    assert main([*query, "--format", "csv"]) == 0
    rows = capsys.readouterr().out.splitlines()[1:]
    documents, _ = read_all([str(file) for file in files])
    report = shared_assessor().assess(documents, OPTIONS)
    pending = [o for s in report.data["subjects"] for o in s["obligations"] if not o["in_force"]]
    assert pending
    assert len(rows) == len(pending)


def test_a_document_complete_only_with_a_stored_entry_is_validated_with_it(
    store: Path,
) -> None:
    """A deployer's role node for a system another entry describes: refused alone, it was
    refused after that entry too (an outside check); it is validated with what it is linked to."""
    submit_inputs(store, [str(LINKS / "b-sys.ttl")], OPTIONS, progress=False)
    result = submit_inputs(store, [str(LINKS / "b-deployer-role-node.ttl")], OPTIONS)
    assert result.exit_code == 0
    assert [(o.name, o.status) for o in result.outcomes] == [
        ("b-deployer-role-node", "stored"),
        ("b-sys", "reassessed"),
    ]
    stored = _stored(store)
    together = _assessed_together([LINKS / "b-sys.ttl", LINKS / "b-deployer-role-node.ttl"])
    assert _union(stored) == together
    # the system's entry cannot be withdrawn while the role node rests on it
    with pytest.raises(RegistryError, match="would leave b-deployer-role-node not valid"):
        withdraw(store, "b-sys")
    assert set(entries(store)) == {"b-sys", "b-deployer-role-node"}
    assert _stored(store) == stored


def test_facts_contradicting_a_stored_entry_are_refused(store: Path, tmp_path: Path) -> None:
    """A party established in DE in one entry and FR in the next: refused together, it was
    stored one after the other (an outside check)."""
    submit_inputs(store, [str(LINKS / "a-sys1.ttl")], OPTIONS, progress=False)
    other = tmp_path / "a-sys4-party-elsewhere.ttl"
    text = (LINKS / "a-sys3-party-more-facts.ttl").read_text(encoding="utf-8")
    other.write_text(text.replace('"DE"', '"FR"').replace("ex:sys3", "ex:sys4"), "utf-8")
    before = _stored(store)
    result = submit_inputs(store, [str(other)], OPTIONS, progress=False)
    assert result.exit_code == 1
    assert result.outcomes == ()
    assert _stored(store) == before


def test_relative_iris_of_two_submissions_from_standard_input_do_not_link_them(
    store: Path,
) -> None:
    """Both resolve ``<#system>`` against the same base (standard input): an outside check
    found the second refused with the first's facts."""
    folder = Path(__file__).resolve().parent / "data" / "relative"
    for name in ("alpha", "beta"):
        data = (folder / f"{name}.ttl").read_bytes()
        result = submit_inputs(store, ["-"], OPTIONS, name=name, stdin=io.BytesIO(data))
        assert result.exit_code == 0, name
        assert [(o.name, o.status, o.assessed_with) for o in result.outcomes] == [
            (name, "stored", ())
        ]


def test_a_registry_changed_while_assessing_is_read_again(
    store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Two concurrent submissions that contradict each other were both stored (an outside
    check): the one that writes second finds the registry changed, and is run again."""
    import aiact_kg.registry.submit as submit_module

    other = tmp_path / "a-sys4-party-elsewhere.ttl"
    text = (LINKS / "a-sys3-party-more-facts.ttl").read_text(encoding="utf-8")
    other.write_text(text.replace('"DE"', '"FR"').replace("ex:sys3", "ex:sys4"), "utf-8")
    original = submit_module.assess_groups
    calls = []

    def with_a_writer_meanwhile(*args: Any, **kwargs: Any) -> Any:
        calls.append(1)
        if len(calls) == 1:  # another writer stores its document while this one assesses
            assert submit_inputs(store, [str(other)], OPTIONS).exit_code == 0
        return original(*args, **kwargs)

    monkeypatch.setattr(submit_module, "assess_groups", with_a_writer_meanwhile)
    result = submit_inputs(store, [str(LINKS / "a-sys1.ttl")], OPTIONS, progress=False)
    assert result.exit_code == 1  # validated again, with the other entry: the party differs
    assert set(entries(store)) == {"a-sys4-party-elsewhere"}
