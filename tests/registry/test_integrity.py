"""The registry survives rebuilds and crashes, and a submission writes only its own graphs."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pyoxigraph import QuerySolutions

from aiact_kg.errors import StoreError
from aiact_kg.kb import build_knowledge_base, open_knowledge_base
from aiact_kg.namespaces import graph_iri
from aiact_kg.queries import get_query, with_prefixes
from aiact_kg.registry.names import REGISTRY_GRAPH, assessment_graph, submission_graph
from aiact_kg.registry.submit import submit_inputs
from aiact_kg.store.faults import FAULT_ENV, FAULT_EXIT_CODE, set_fault_hook
from aiact_kg.store.layout import DB, MANIFEST, VERSIONS, active_version
from tests.registry.conftest import EXAMPLES, OPTIONS, entries, snapshot

REPO_ROOT = Path(__file__).resolve().parents[2]


def test_a_rebuild_keeps_every_submission(store: Path, spam_filter: Path) -> None:
    submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    before = snapshot(store)
    report = build_knowledge_base(store)
    assert report.registry_quads == sum(
        len(quads)
        for graph, quads in before.items()
        if graph.startswith(("https://w3id.org/aiact-kg/registry/", REGISTRY_GRAPH))
    )
    after = snapshot(store)
    for graph in (REGISTRY_GRAPH, submission_graph("spam-filter"), assessment_graph("spam-filter")):
        assert after[graph] == before[graph]
    assert entries(store)["spam-filter"].as_of == "2026-11-01"


def test_a_rebuild_over_a_damaged_manifest_keeps_the_submissions(
    store: Path, spam_filter: Path
) -> None:
    """A build over an active version that fails its check used to drop the registry it could
    not open (with a warning) and then retire that version: the submissions were lost. Now they
    are copied from the engine's files, and the problem is reported."""
    submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    before = snapshot(store)
    version = active_version(store)
    assert version
    (store / VERSIONS / version / MANIFEST).write_text("damaged", encoding="utf-8")
    report = build_knowledge_base(store)
    assert report.registry_quads > 0
    assert report.registry_problem
    assert "manifest.json is unreadable" in report.registry_problem
    after = snapshot(store)
    for graph in (REGISTRY_GRAPH, submission_graph("spam-filter"), assessment_graph("spam-filter")):
        assert after[graph] == before[graph]


def test_a_rebuild_refuses_when_the_registry_cannot_be_read(store: Path, spam_filter: Path) -> None:
    """Where not even the engine's files can be read, the build changes nothing and says how to
    build without the registry; with that option it does."""
    submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    version = active_version(store)
    assert version
    for path in (store / VERSIONS / version / DB).iterdir():
        if path.name.startswith(("CURRENT", "MANIFEST-")):
            path.unlink()
    with pytest.raises(StoreError, match="--discard-registry") as refused:
        build_knowledge_base(store)
    assert "nothing was changed" in str(refused.value)
    assert active_version(store) == version
    report = build_knowledge_base(store, discard_registry=True)
    assert report.registry_quads == 0
    assert report.registry_problem
    assert "--discard-registry" in report.registry_problem
    assert active_version(store) != version


class CrashError(Exception):
    pass


_STEPS = (
    "locked",
    "staged",
    "registry-copied",
    "registry-update",
    "registry-updated",
    "loaded",
    "optimized",
    "closed",
    "manifest-written",
    "published",
)


@pytest.mark.usefixtures("no_fault_hook")
def test_a_writer_failing_at_any_step_leaves_the_previous_registry(
    store: Path, spam_filter: Path
) -> None:
    submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    before = snapshot(store)
    spam_filter.write_text(spam_filter.read_text().replace("spam filter", "filter v2"))
    for step in _STEPS:

        def crash(reached: str, step: str = step) -> None:
            if reached == step:
                raise CrashError(step)

        set_fault_hook(crash)
        with pytest.raises(CrashError):
            submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
        set_fault_hook(None)
        assert snapshot(store) == before, step
    result = submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    assert [o.status for o in result.outcomes] == ["replaced"]
    assert any("filter v2" in q for q in snapshot(store)[submission_graph("spam-filter")])
    assert len(list((store / VERSIONS).iterdir())) == 1  # what the failures left is gone


def test_a_killed_submission_leaves_the_previous_registry(store: Path, spam_filter: Path) -> None:
    submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    before, version = snapshot(store), active_version(store)
    spam_filter.write_text(spam_filter.read_text().replace("spam filter", "filter v2"))
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "aiact_kg",
            "--store",
            str(store),
            "submit",
            "--no-progress",
            "--as-of",
            "2026-11-01",
            str(spam_filter),
        ],
        env={"PYTHONPATH": str(REPO_ROOT), FAULT_ENV: "registry-updated", "PATH": "/usr/bin"},
        capture_output=True,
        text=True,
        check=False,
    )
    assert process.returncode == FAULT_EXIT_CODE, process.stderr
    assert active_version(store) == version
    assert snapshot(store) == before


def test_a_document_cannot_write_outside_its_own_graphs(store: Path, tmp_path: Path) -> None:
    submit_inputs(store, [str(EXAMPLES / "customer-service-chatbot.ttl")], OPTIONS, progress=False)
    before = snapshot(store)
    spam = (EXAMPLES / "minimal-risk-spam-filter.ttl").read_text()
    prefixes = "".join(line + "\n" for line in spam.splitlines() if line.startswith("@prefix"))
    body = "".join(
        line + "\n" for line in spam.splitlines() if not line.startswith(("@prefix", "#"))
    )
    # (a statement about the record itself is refused: the registry's IRIs are reserved)
    forged = '<https://example.org/forged-note> rdfs:label "forged" .'
    trig = tmp_path / "intruder.trig"
    trig.write_text(
        prefixes
        + f"<{graph_iri('legal-text')}> {{\n{body}}}\n"
        + f"<{REGISTRY_GRAPH}> {{ {forged} }}\n"
        + f"<{assessment_graph('customer-service-chatbot')}> {{ {forged} }}\n"
        + f"<{graph_iri('obligations')}> {{ {forged} }}\n"
    )
    result = submit_inputs(store, [str(trig)], OPTIONS, progress=False)
    assert result.exit_code == 0
    assert [o.subjects for o in result.outcomes] == [
        {"https://example.org/mailguard/spam-filter": {"minimal"}}
    ]
    after = snapshot(store)
    changed = {
        graph for graph in after.keys() | before.keys() if after.get(graph) != before.get(graph)
    }
    assert changed == {REGISTRY_GRAPH, submission_graph("intruder"), assessment_graph("intruder")}
    assert before[REGISTRY_GRAPH] <= after[REGISTRY_GRAPH]
    assert not any("forged" in q for q in after[REGISTRY_GRAPH])
    # the same statement, named in three graphs, is one statement of the document
    assert sum("forged" in q for q in after[submission_graph("intruder")]) == 1


def test_cq_010_runs_over_the_stored_assessments(store: Path) -> None:
    submit_inputs(
        store,
        [
            str(EXAMPLES / "gpai-model-systemic-risk.jsonld"),
            str(EXAMPLES / "minimal-risk-spam-filter.ttl"),
        ],
        OPTIONS,
        progress=False,
    )
    opened = open_knowledge_base(store)
    try:
        query = with_prefixes(get_query("cq/cq-010-systemic-risk-models").text)
        solutions = opened.raw.query(query, use_default_graph_as_union=True)
        assert isinstance(solutions, QuerySolutions)
        rows = [{v.value: s[v] for v in solutions.variables} for s in solutions]
    finally:
        opened.close()
    assert [(str(r["model"].value), r["name"].value) for r in rows] == [
        ("https://example.org/atlas-ai/atlas-3", "Atlas-3")
    ]
    assert float(rows[0]["compute"].value) == pytest.approx(3.8e25)
    assert "Art 51(2)" in rows[0]["legalBasis"].value


def test_damage_found_after_a_registry_write(store: Path, spam_filter: Path) -> None:
    """Writers do not hash the files they share with the active version; readers still do."""
    from aiact_kg.errors import StoreError
    from aiact_kg.store.layout import DB

    submit_inputs(store, [str(spam_filter)], OPTIONS, progress=False)
    db = store / VERSIONS / str(active_version(store)) / DB
    table = max(db.glob("*.sst"), key=lambda path: path.stat().st_size)
    data = bytearray(table.read_bytes())
    data[len(data) // 2] ^= 0xFF
    table.write_bytes(bytes(data))  # same inode: the next version shares the damaged file
    active_before = active_version(store)
    try:
        submit_inputs(
            store, [str(EXAMPLES / "customer-service-chatbot.ttl")], OPTIONS, progress=False
        )
    except StoreError as error:  # the engine may meet the damaged block while writing
        problem = str(error)
        assert active_version(store) == active_before  # the failed write published nothing
    else:
        with pytest.raises(StoreError) as caught:
            open_knowledge_base(store)
        problem = str(caught.value)
    assert "damaged" in problem


def test_a_submission_waits_for_another_writer_or_fails(
    store: Path, spam_filter: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from aiact_kg.cli import main
    from aiact_kg.store.locking import writer_lock

    before = snapshot(store)
    with writer_lock(store.resolve()):
        code = main(["--store", str(store), "submit", "--no-progress", str(spam_filter)])
    assert code == 3
    assert "is locked" in capsys.readouterr().err
    assert snapshot(store) == before
