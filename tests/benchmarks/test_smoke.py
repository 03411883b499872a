"""The benchmark code runs, at a tiny size (no figure is asserted: timings are not tested)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from aiact_kg.store.layout import VERSIONS, active_version
from aiact_kg.store.manifest import read_manifest
from benchmarks import bench_load, bench_registry


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
