"""submit, resubmit, withdraw, reassess and list, on a real persistent store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from aiact_kg.cli import main
from aiact_kg.kb import open_knowledge_base
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.names import REGISTRY_GRAPH, assessment_graph, submission_graph
from aiact_kg.registry.reassess import list_registry, reassess, withdraw
from aiact_kg.registry.submit import RegistryError, submit_inputs
from tests.registry.conftest import EXAMPLES, OPTIONS, entries, graph_quads, snapshot
from tests.results.schema_check import check

SPAM = "https://example.org/mailguard/spam-filter"


def test_submit_stores_the_document_its_assessment_and_a_record(
    store: Path, spam_filter: Path
) -> None:
    result = submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    assert result.exit_code == 0
    assert [(o.name, o.status) for o in result.outcomes] == [("spam-filter", "stored")]
    assert result.outcomes[0].subjects == {SPAM: {"minimal"}}
    assert result.counts()["by_category"] == {"minimal": 1}
    entry = entries(store)["spam-filter"]
    assert entry.file == str(spam_filter)
    assert entry.as_of == "2026-11-01"
    assert len(entry.sha256) == 64
    opened = open_knowledge_base(store)
    try:
        statements = graph_quads(opened, submission_graph("spam-filter"))
        assert len(statements) == entry.statements > 0
        assert any(SPAM in quad for quad in statements)
        derived = graph_quads(opened, assessment_graph("spam-filter"))
        assert any(entry.run in quad for quad in derived)
        assert opened.ask(
            f"ASK {{ GRAPH <{assessment_graph('spam-filter')}> {{ "
            f"?d <https://w3id.org/aiact-kg/ontology#determinationOf> <{SPAM}> }} }}"
        )
    finally:
        opened.close()


def test_resubmission_after_the_knowledge_base_changed_is_assessed_again(
    store: Path, spam_filter: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same document and options, but other rules or law data (a new release): the stored
    result is of the old ones, so it is replaced, not kept as unchanged."""
    import aiact_kg.registry.submit as submit_module

    submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    monkeypatch.setattr(submit_module, "knowledge_base_digest", lambda: "0" * 64)
    again = submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    assert [o.status for o in again.outcomes] == ["replaced"]
    assert "knowledge-base=0000000000000000" in entries(store)["spam-filter"].options


def test_the_same_bytes_under_another_file_name_are_another_document(
    store: Path, tmp_path: Path
) -> None:
    """Relative IRIs resolve against the file's name: the same bytes under another name are
    other statements. They said "unchanged" and kept the old file name and subjects (an
    outside check); they replace the submission, and the same name again is unchanged."""
    text = (
        "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
        "@prefix aiac: <https://w3id.org/aiact-kg/concept/> .\n"
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
        "<#filter> a aia:AISystem ; aia:hasProvider <#acme> ; aia:intendedPurpose "
        "aiac:purpose-other ; aia:interactsWithNaturalPersons false ;\n"
        '  aia:placedOnMarketOn "2025-06-01"^^xsd:date .\n'
        '<#acme> a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME false .\n'
    )
    first, second = tmp_path / "a" / "one.ttl", tmp_path / "b" / "two.ttl"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    submit_inputs(store, [str(first)], OPTIONS, name="relative", progress=False)
    moved = submit_inputs(store, [str(second)], OPTIONS, name="relative", progress=False)
    assert [o.status for o in moved.outcomes] == ["replaced"]
    assert entries(store)["relative"].file.endswith("two.ttl")
    stored = snapshot(store)[submission_graph("relative")]
    assert any("/two.ttl/" in quad for quad in stored)
    assert not any("/one.ttl/" in quad for quad in stored)
    again = submit_inputs(store, [str(second)], OPTIONS, name="relative", progress=False)
    assert [o.status for o in again.outcomes] == ["unchanged"]


def test_identical_resubmission_is_a_no_op_and_a_change_replaces(
    store: Path, spam_filter: Path
) -> None:
    first = submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    before = snapshot(store)
    again = submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    assert [o.status for o in again.outcomes] == ["unchanged"]
    assert snapshot(store) == before
    # another date is another assessment, of the same document
    later = AssessmentOptions(as_of=date(2027, 9, 1))
    moved = submit_inputs(store, [str(spam_filter)], later, progress=False)
    assert [o.status for o in moved.outcomes] == ["replaced"]
    assert entries(store)["spam-filter"].as_of == "2027-09-01"
    # a changed document replaces the statements, the assessment and the record
    spam_filter.write_text(
        spam_filter.read_text().replace("MailGuard spam filter", "MailGuard filter v2"),
        encoding="utf-8",
    )
    changed = submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    assert [o.status for o in changed.outcomes] == ["replaced"]
    entry = entries(store)["spam-filter"]
    assert entry.run not in {first.outcomes[0].run, moved.outcomes[0].run}
    after = snapshot(store)
    assert any("filter v2" in q for q in after[submission_graph("spam-filter")])
    assert not any("MailGuard spam filter" in q for q in after[submission_graph("spam-filter")])
    runs = {q for q in after[assessment_graph("spam-filter")] if "/run>" in q.split(" ")[0]}
    assert runs  # the run node and its statements
    assert all(entry.run in q for q in runs)  # only the latest run is kept
    assert sum(1 for q in after[REGISTRY_GRAPH] if "sha256" in q) == 1


def test_withdraw_removes_both_graphs_and_the_record(store: Path, spam_filter: Path) -> None:
    before = snapshot(store)
    submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    withdraw(store, "spam-filter")
    assert snapshot(store) == before
    with pytest.raises(RegistryError, match="no submission named 'spam-filter'"):
        withdraw(store, "spam-filter")


def test_withdraw_of_an_unknown_name_exits_1(
    store: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--store", str(store), "withdraw", "nothing-here"]) == 1
    assert "no submission named 'nothing-here'" in capsys.readouterr().err


def test_nothing_is_stored_on_a_violation_or_unreadable_input(
    store: Path, spam_filter: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    nothing = tmp_path / "nothing.ttl"
    nothing.write_text(
        '<https://example.org/x> <http://www.w3.org/2000/01/rdf-schema#label> "x" .\n'
    )
    wrong = tmp_path / "wrong.ttl"
    wrong.write_text(spam_filter.read_text().replace("isSME true", 'isSME "perhaps"'))
    broken = tmp_path / "broken.ttl"
    broken.write_text("<https://example.org/x> a \n")
    before = snapshot(store)
    argv = ["--store", str(store), "submit", "--no-progress", "--as-of", "2026-11-01"]
    assert main([*argv, str(spam_filter), str(wrong)]) == 1
    assert "Nothing was stored" in capsys.readouterr().out
    assert main([*argv, "--format", "json", str(wrong)]) == 1
    data = json.loads(capsys.readouterr().out)
    check("submission", data)
    assert data["submissions"] == []
    assert data["conforms"] is False
    assert data["validation"]["counts"]["violation"] >= 1
    # validated together, the batch describes a system; but each document is stored alone
    assert main([*argv, str(spam_filter), str(nothing)]) == 1
    assert "must describe an AI system or model on its own" in capsys.readouterr().err
    assert main([*argv, str(spam_filter), str(broken)]) == 2
    assert main([*argv, "-"]) == 2  # standard input needs --name
    assert "needs --name" in capsys.readouterr().err
    assert snapshot(store) == before


def test_names_from_files_and_from_name(store: Path, spam_filter: Path) -> None:
    result = submit_inputs(store, [str(spam_filter)], OPTIONS, name="mail.v1", progress=False)
    assert [o.name for o in result.outcomes] == ["mail.v1"]
    with pytest.raises(Exception, match="cannot name a submission"):
        submit_inputs(store, [str(spam_filter)], OPTIONS, name="../x", progress=False)
    with pytest.raises(Exception, match="names one document"):
        submit_inputs(
            store,
            [str(spam_filter), str(EXAMPLES / "customer-service-chatbot.ttl")],
            OPTIONS,
            name="both",
            progress=False,
        )


def test_a_file_name_that_is_no_valid_name_is_refused_not_rewritten(
    store: Path, spam_filter: Path, tmp_path: Path
) -> None:
    # rewritten, "a b#c.ttl" and "a-b-c.ttl" took the same name: one replaced the other
    odd = tmp_path / "a b#c.ttl"
    odd.write_bytes(spam_filter.read_bytes())
    before = snapshot(store)
    with pytest.raises(Exception, match=r"'a b#c.ttl' cannot name a submission.*'a-b-c'"):
        submit_inputs(store, [str(odd)], OPTIONS, progress=False)
    assert snapshot(store) == before
    result = submit_inputs(store, [str(odd)], OPTIONS, name="a-b-c", progress=False)
    assert [o.name for o in result.outcomes] == ["a-b-c"]


def test_reassess_replaces_every_assessment(store: Path, spam_filter: Path) -> None:
    submit_inputs(
        store,
        [str(spam_filter), str(EXAMPLES / "customer-service-chatbot.ttl")],
        OPTIONS,
        progress=False,
    )
    before = entries(store)
    result = reassess(store, AssessmentOptions(as_of=date(2027, 9, 1)), progress=False)
    assert sorted(o.name for o in result.outcomes) == sorted(before)
    after = entries(store)
    for name, entry in after.items():
        assert entry.as_of == "2027-09-01"
        assert entry.run != before[name].run
        assert entry.sha256 == before[name].sha256
        assert entry.submitted_at == before[name].submitted_at
    opened = open_knowledge_base(store)
    try:
        for name, entry in before.items():  # the earlier runs are gone
            assert not any(entry.run in q for q in graph_quads(opened, assessment_graph(name)))
    finally:
        opened.close()
    listed = {item.entry.name: item for item in list_registry(store)}
    assert listed["customer-service-chatbot"].subjects
    assert "transparency" in set().union(*listed["customer-service-chatbot"].subjects.values())


def test_registry_listing_cli(
    store: Path, spam_filter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--store", str(store), "registry"]) == 0
    assert "empty" in capsys.readouterr().out
    submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    assert main(["--store", str(store), "submissions", "--format", "json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    check("registry", listed)
    assert [item["name"] for item in listed] == ["spam-filter"]
    assert listed[0]["subjects"] == [{"iri": SPAM, "categories": ["minimal"]}]
    assert listed[0]["law"] == "in-force"
    # the law version a reassessment was asked for shows (an outside check could not see it)
    reassess(store, AssessmentOptions(as_of=date(2026, 11, 1), law="as-published"), progress=False)
    assert main(["--store", str(store), "registry"]) == 0
    table = capsys.readouterr().out
    assert " law " in table.splitlines()[0]
    assert "as-published" in table


def test_submit_cli_reports_counts_as_json(
    store: Path, spam_filter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--store", str(store), "submit", "--no-progress", "--as-of", "2026-11-01"]
    assert main([*argv, "--format", "json", str(spam_filter)]) == 0
    data = json.loads(capsys.readouterr().out)
    check("submission", data)
    assert data["counts"] == {
        "stored": 1,
        "replaced": 0,
        "unchanged": 0,
        "subjects_assessed": 1,
        "by_category": {"minimal": 1},
    }
    assert main([*argv, str(spam_filter)]) == 0
    assert "0 stored, 0 replaced, 1 unchanged" in capsys.readouterr().out


def test_documents_already_read_can_be_submitted(store: Path, spam_filter: Path) -> None:
    from aiact_kg.registry.submit import submit_documents
    from aiact_kg.submission.reading import read_rdf_file

    document = read_rdf_file(spam_filter)
    result = submit_documents(store, [document], OPTIONS, names=["from-api"])
    assert [(o.name, o.status) for o in result.outcomes] == [("from-api", "stored")]
    assert set(entries(store)) == {"from-api"}


def test_progress_bar_is_drawn_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    from aiact_kg.progress import progress_bar

    assert list(progress_bar(range(3), "Assessing", 3, enabled=True)) == [0, 1, 2]
    assert "Assessing" in capsys.readouterr().err
    assert list(progress_bar(range(3), "Assessing", 3, enabled=False)) == [0, 1, 2]
    assert capsys.readouterr().err == ""


def test_the_same_subjects_under_two_names_are_reported(
    store: Path, spam_filter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """One document stored twice under two names is kept twice, and the second outcome says so:
    the questions across the registry would count its subjects twice."""
    first = submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    assert first.outcomes[0].shared_with == ()
    argv = ["--store", str(store), "submit", "--no-progress", "--as-of", "2026-11-01"]
    assert main([*argv, "--name", "spam-filter-copy", "--format", "json", str(spam_filter)]) == 0
    data = json.loads(capsys.readouterr().out)
    check("submission", data)
    assert data["submissions"][0]["shared_with"] == ["spam-filter"]
    assert set(entries(store)) == {"spam-filter", "spam-filter-copy"}
    # resubmitting the first (another date) names the copy in turn, in the text output too
    assert main([*argv[:-1], "2027-09-01", str(spam_filter)]) == 0
    out = capsys.readouterr().out
    assert "also assessed in spam-filter-copy" in out
    withdraw(store, "spam-filter-copy")
    again = submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    assert again.outcomes[0].shared_with == ()


def test_a_registry_that_keeps_changing_is_a_busy_store_not_a_finding(
    store: Path, spam_filter: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Other writers changing the registry through every attempt: nothing is stored, and the
    error is the locked store's (exit code 3, a service's 503), not exit 1, which says the
    submission has violations (an outside check)."""
    import aiact_kg.registry.submit as submit_module
    from aiact_kg.registry.submit import RegistryBusyError
    from aiact_kg.store.locking import StoreLockedError

    reads = submit_module.read_entries
    calls: list[int] = []

    def changing(opened: Any) -> Any:
        """Each read under the writer lock (the second of an attempt) finds another writer's
        entry that the read before it did not."""
        calls.append(1)
        found = dict(reads(opened))
        if len(calls) % 2 == 0:
            found[f"other-writer-{len(calls)}"] = object()
        return found

    submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    before = entries(store)
    monkeypatch.setattr(submit_module, "read_entries", changing)
    other = EXAMPLES / "minimal-risk-spam-filter.ttl"
    with pytest.raises(RegistryBusyError) as raised:
        submit_inputs(store, [str(other)], OPTIONS, progress=False, name="another")
    assert isinstance(raised.value, StoreLockedError)
    assert raised.value.exit_code == 3
    assert "kept changing" in str(raised.value)
    assert len(calls) == 6  # three attempts
    monkeypatch.undo()
    assert entries(store) == before
