"""The benchmark code runs, at a tiny size (no figure is asserted: timings are not tested)."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import NamedNode, QuerySolutions, RdfFormat, Store

from aiact_kg.store.layout import VERSIONS, active_version
from aiact_kg.store.manifest import read_manifest
from benchmarks import bench_catalogue, bench_load, bench_operations, bench_registry

PREFIX = "PREFIX aia: <https://w3id.org/aiact-kg/ontology#>\n"


def test_registry_and_load_benchmarks_at_a_tiny_size(kb_path: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(kb_path, store, symlinks=True)
    bench_registry.fill(store, tmp_path, 0, 6, 4)  # two submissions of 4 and 2 subjects
    quads = read_manifest(store / VERSIONS / str(active_version(store))).quads
    assert bench_registry._store_figures(store)[0] == quads  # the kept count is the engine's
    times = bench_registry.measure(store, tmp_path, 6, runs=1)
    assert set(times) == {"submit", "assess", "withdraw", "open", "check"}
    result = bench_load.run(store, [2], 0.5, tmp_path / "serve.log", [], ["cq-015", "cq-021"])
    bench_load.write_results(result, tmp_path, "load")
    assert result["stored"] == {"submissions": 2, "subjects": 6}
    assert [row["status"] for row in result["pass"]] == [200] * 4  # a trivial ASK twice, then
    assert [row["rows"] > 0 for row in result["pass"]] == [True] * 4  # the two questions
    assert {(p["kind"], p["clients"]) for p in result["phases"]} == {("query", 2), ("assess", 2)}
    assert all(p["ok"] > 0 and set(p["statuses"]) == {"200"} for p in result["phases"])
    assert json.loads((tmp_path / "load.json").read_text())["pass"] == result["pass"]
    assert "| cq-021-subjects-by-category |" in (tmp_path / "load.md").read_text()


@pytest.mark.slow
def test_scale_benchmark_at_a_tiny_size(tmp_path: Path) -> None:
    from benchmarks import bench_scale, summary

    results = tmp_path / "results"
    argv = ["--sizes", "3", "--stages", "validate", "assess", "--jobs", "1", "--settle", "0"]
    bench_scale.main([*argv, "--workdir", str(tmp_path), "--results", str(results)])
    recorded = json.loads((results / "scale.json").read_text())
    rows = {(r["mix"], r["stage"]): r for r in recorded["rows"]}
    mixes = ("light", "high-risk", "high-risk-varied")
    assert set(rows) == {(m, s) for m in mixes for s in ("validate", "assess")}
    assert all(r["exit"] == 0 and r["peak_total_mib"] > 0 for r in rows.values())
    assert [rows[(m, "assess")]["assessed"] for m in mixes] == [3, 3, 3]
    # a second run of another size is merged into the figures, not written over them
    bench_scale.main(
        [
            "--sizes",
            "2",
            "--mixes",
            "light",
            "--stages",
            "assess",
            "--jobs",
            "1",
            "--workdir",
            str(tmp_path),
            "--results",
            str(results),
            "--settle",
            "0",
        ]
    )
    recorded = json.loads((results / "scale.json").read_text())
    assert sorted({r["subjects"] for r in recorded["rows"]}) == [2, 3]
    text = (tmp_path / "RESULTS.md").read_text()
    assert "| 3 | " in text
    assert "| 2 | " in text
    assert "catalogue.json` absent" in text
    assert (results / "scale.png").stat().st_size > 0
    assert summary.growth(recorded, "light", "assess", 2, 3) is not None


def test_catalogue_benchmark_at_a_tiny_size(kb_path: Path, tmp_path: Path) -> None:
    questions = ["cq-019-fine-exposure-by-operator", "cq-021-subjects-by-category"]
    result = bench_catalogue.run(
        [2, 4], ["embedded"], 2, 1, 60.0, questions, per_document=2, kb=kb_path
    )
    bench_catalogue.write_results(result, tmp_path)
    rows = {(r["size"], r["question"]): r for r in result["rows"]}  # type: ignore[attr-defined]
    assert set(rows) == {(size, q) for size in (2, 4) for q in questions}
    assert all("error" not in row for row in rows.values()), rows
    assert "embedded cq-021-subjects-by-category" in result["growth"]  # type: ignore[operator]
    assert "| cq-019-fine-exposure-by-operator |" in (tmp_path / "catalogue.md").read_text()


def test_catalogue_copies_are_new_subjects_with_the_same_results(tmp_path: Path) -> None:
    documents = bench_catalogue.assess_documents(tmp_path, 2, per_document=2)
    store = Store()

    def count(sparql: str) -> int:
        solutions = store.query(PREFIX + sparql, use_default_graph_as_union=True)
        assert isinstance(solutions, QuerySolutions)
        return int(next(iter(solutions))[0].value)  # type: ignore[index,union-attr]

    first = list(bench_catalogue.subject_graphs(documents, 0, 2))
    for graph, text in first:
        store.load(text, format=RdfFormat.N_TRIPLES, to_graph=NamedNode(graph))
    single = len(store)
    once = count("SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d aia:determinationOf ?s }")
    for graph, text in bench_catalogue.subject_graphs(documents, 2, 4):
        assert graph not in {g for g, _ in first}
        store.load(text, format=RdfFormat.N_TRIPLES, to_graph=NamedNode(graph))
    assert len(store) == 2 * single  # nothing of the copy collides with the original

    assert count("SELECT (COUNT(DISTINCT ?s) AS ?n) { ?s aia:hasProvider ?p }") == 4
    subjects = "SELECT (COUNT(DISTINCT ?s) AS ?n) { ?d aia:determinationOf ?s }"
    determinations = "SELECT (COUNT(DISTINCT ?d) AS ?n) { ?d aia:determinationOf ?s }"
    assert count(subjects) == 4
    assert count(determinations) == 2 * once > 4


def test_the_warm_profile_times_every_operation_and_shows_the_skipped_ones() -> None:
    from aiact_kg.reasoning.guards import operations
    from aiact_kg.reasoning.rules import load_rules
    from benchmarks import profile_warm

    path = profile_warm.EXAMPLES / profile_warm.LATENCY_EXAMPLES[0]
    times = profile_warm.profile(path, runs=1, guarded=True)
    assert len(times) == sum(len(operations(rule.text)) for rule in load_rules())
    assert any(not ran for values in times.values() for _, _, ran in values)
    unguarded = profile_warm.profile(path, runs=1, guarded=False)
    assert all(ran for values in unguarded.values() for _, _, ran in values)


def test_the_chunk_reader_streams_the_chunks_in_order() -> None:
    chunks = [b"<a> <b> <c> .\n", b"", b"<d> <e> <f> .\n" * 1000]
    reader = io.BufferedReader(bench_catalogue.ChunkReader(iter(chunks)), buffer_size=7)
    assert reader.read() == b"".join(chunks)


def test_operations_benchmark_at_a_tiny_size(tmp_path: Path) -> None:
    sources = bench_operations.case_sources(tmp_path / "facts")[:6]
    run = bench_operations.measure("cases", 3, 2, sources)
    assert run["sizes"] == [3, 6]
    names = {item["operation"] for item in run["operations"]}
    assert {"810-obligations #1", "820-obligation-dates #3"} <= names
    page = bench_operations.markdown([run], {"cpus": 2, "python": "3", "date": "today"}, 0.0)
    assert all(part in page for part in ("## cases mix", "All operations:", "Slowest:"))


@pytest.mark.slow
def test_a_scale_run_stopped_part_way_keeps_the_stages_it_measured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from benchmarks import bench_scale

    measured = bench_scale.run_child

    def stopped_at_assess(argv: list[str], label: str, pattern: bytes | None) -> dict[str, Any]:
        if label.endswith(" assess"):
            raise KeyboardInterrupt  # as a long run stopped by hand
        return measured(argv, label, pattern)

    monkeypatch.setattr(bench_scale, "run_child", stopped_at_assess)
    results = tmp_path / "results"
    argv = ["--sizes", "2", "--mixes", "light", "--stages", "validate", "assess", "--jobs", "1"]
    argv += ["--settle", "0"]
    with pytest.raises(KeyboardInterrupt):
        bench_scale.main([*argv, "--workdir", str(tmp_path), "--results", str(results)])
    recorded = json.loads((results / "scale.json").read_text())
    assert [(r["subjects"], r["stage"]) for r in recorded["rows"]] == [(2, "validate")]


def test_scale_benchmark_waits_for_its_own_load_to_fall(monkeypatch: pytest.MonkeyPatch) -> None:
    from benchmarks import bench_scale

    loads = iter([3.0, 3.0, 2.5, 0.2, 0.2])
    slept: list[float] = []
    monkeypatch.setattr(bench_scale.os, "cpu_count", lambda: 2)
    monkeypatch.setattr(bench_scale.os, "getloadavg", lambda: (next(loads), 0.0, 0.0))
    monkeypatch.setattr(bench_scale.time, "sleep", slept.append)
    assert bench_scale._settled_load(60) == 0.2
    assert len(slept) == 3
    # no wait at all with --settle 0, whatever the load
    monkeypatch.setattr(bench_scale.os, "getloadavg", lambda: (5.0, 0.0, 0.0))
    assert bench_scale._settled_load(0) == 5.0
