"""Validation throughput: the store engine (shapes compiled to SPARQL, the default) against
the pyshacl engine (the reference), both batched, and one pyshacl call per file (naive).

Usage: python -m benchmarks.bench_validation [--sizes 1000 10000] [--naive-sample 200]

Both engines validate the same generated files in the same run; the shapes phase alone (the
SHACL engine, without reading and the checks done in Python) is timed too.

The naive baseline validates each file on its own with pyshacl, with the same shapes and the
same ontology background; at large sizes it is measured on a sample of files (its cost per
file does not depend on how many files there are) and reported as subjects per second.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyshacl import validate
from rdflib import Graph

from aiact_kg import __version__, resources
from aiact_kg.submission.batch import read_all
from aiact_kg.submission.validation import SubmissionValidator, _background_triples, _shapes_graph
from benchmarks.generate import write_subject_files

RESULTS = Path(__file__).resolve().parent / "results"


def naive_rate(paths: list[Path]) -> float:
    """Subjects per second validating each file with its own pyshacl call."""
    shapes = _shapes_graph()
    background = _background_triples()
    start = time.perf_counter()
    for path in paths:
        data = Graph().parse(path, format="turtle")
        for triple in background:
            data.add(triple)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            validate(
                data,
                shacl_graph=shapes,
                advanced=True,
                inference="none",
                inplace=True,
                allow_warnings=True,
                allow_infos=True,
            )
    return len(paths) / (time.perf_counter() - start)


def _timed_shapes(validator: SubmissionValidator) -> list[float]:
    """Accumulate the time ``validator`` spends in its SHACL engine."""
    spent = [0.0]
    engine = validator.shape_results

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return engine(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - start

    validator.shape_results = timed  # type: ignore[method-assign]
    return spent


def batched(directory: Path, count: int, engine: str) -> dict[str, Any]:
    """``validate_inputs`` on the directory, timed whole and by phase (reading, shapes)."""
    validator = SubmissionValidator(engine)
    shapes = _timed_shapes(validator)
    start, cpu = time.perf_counter(), time.process_time()
    documents, errors = read_all([str(directory)], progress=False)
    read = time.perf_counter() - start
    report = validator.validate(documents, errors)
    seconds = time.perf_counter() - start
    assert len(report.subjects) >= count, "every generated subject must be reported"
    return {
        "seconds": seconds,
        "read_seconds": read,
        "cpu_seconds": time.process_time() - cpu,
        "shapes_seconds": shapes[0],
        "report": report,
    }


def run(sizes: list[int], naive_sample: int) -> dict[str, object]:
    rows = []
    with tempfile.TemporaryDirectory(prefix="aiact-kg-bench-") as tmp:
        for size in sizes:
            directory = Path(tmp) / f"n{size}"
            paths = write_subject_files(directory, size)
            store = batched(directory, size, "store")
            reference = batched(directory, size, "pyshacl")
            same = [s.findings for s in store["report"].subjects] == [
                s.findings for s in reference["report"].subjects
            ]
            sample = paths[: min(size, naive_sample)]
            naive = naive_rate(sample) if sample else None
            rows.append(
                {
                    "subjects": size,
                    "store_seconds": round(store["seconds"], 2),
                    "store_read_seconds": round(store["read_seconds"], 2),
                    "store_cpu_seconds": round(store["cpu_seconds"], 2),
                    "pyshacl_seconds": round(reference["seconds"], 2),
                    "speedup": round(reference["seconds"] / store["seconds"], 1),
                    "store_shapes_seconds": round(store["shapes_seconds"], 2),
                    "pyshacl_shapes_seconds": round(reference["shapes_seconds"], 2),
                    "shapes_speedup": round(
                        reference["shapes_seconds"] / store["shapes_seconds"], 1
                    ),
                    "store_subjects_per_second": round(size / store["seconds"], 1),
                    "naive_subjects_per_second": round(naive, 1) if naive else None,
                    "naive_sample": len(sample),
                    "same_findings": same,
                    "violations": store["report"].count("violation"),
                    "warnings": store["report"].count("warning"),
                }
            )
            print(json.dumps(rows[-1]))
    return {
        "benchmark": "validation throughput",
        "date": datetime.now(UTC).date().isoformat(),
        "aiact_kg": __version__,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}, {os.cpu_count()} cores",
        "shapes": [p.name for p in resources.shape_files()],
        "load_average": [round(x, 1) for x in os.getloadavg()],
        "rows": rows,
    }


def write_results(result: dict[str, object]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "validation.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "# Validation throughput",
        "",
        f"Run {result['date']}, aiact-kg {result['aiact_kg']}, Python {result['python']}, "
        f"{result['machine']}. Generated one-subject Turtle files (`benchmarks/generate.py`).",
        "",
        "| subjects | store engine (s) | of which reading (s) | store CPU (s) "
        "| pyshacl engine (s) | speed-up | shapes only: store (s) "
        "| shapes only: pyshacl (s) | speed-up | same findings |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | :---: |",
    ]
    for row in result["rows"]:  # type: ignore[attr-defined]
        lines.append(
            f"| {row['subjects']} | {row['store_seconds']} | {row['store_read_seconds']} | "
            f"{row['store_cpu_seconds']} | {row['pyshacl_seconds']} | "
            f"{row['speedup']}x | {row['store_shapes_seconds']} | "
            f"{row['pyshacl_shapes_seconds']} | {row['shapes_speedup']}x | "
            f"{'yes' if row['same_findings'] else 'NO'} |"
        )
    lines += [
        "",
        "Both engines: `aiact-kg validate DIR` (all files read, then one batched pass), with "
        "`--engine store` (the shapes compiled to SPARQL, run in an embedded pyoxigraph store; "
        "the default) and `--engine pyshacl` (the reference), on the same files in the same run; "
        "'reading' is the part of the store engine's time spent reading the files, 'store CPU' "
        "the process CPU time of the whole store run (less sensitive to a shared machine). "
        "'Shapes only' is the time in the SHACL engine itself: for the store, loading the store "
        "and running the compiled queries; for pyshacl, copying the graph and validating. The "
        "rest (reading, the checks done in Python, grouping the findings) is shared. "
        "'Same findings': both engines reported identical findings for every subject.",
        "",
        f"Load average at the end of the run: {result['load_average']} (the machine may be "
        "shared: compare the engines within a row, measured one after the other on the same "
        "files).",
    ]
    naive = [r for r in result["rows"] if r["naive_subjects_per_second"]]  # type: ignore[attr-defined]
    if naive:
        lines += [
            "",
            "Naive baseline (one pyshacl call per file, on a sample): "
            + ", ".join(
                f"{r['naive_subjects_per_second']} subjects/s at {r['subjects']}" for r in naive
            )
            + ".",
        ]
    (RESULTS / "validation.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--naive-sample", type=int, default=100)
    args = parser.parse_args()
    write_results(run(args.sizes, args.naive_sample))


if __name__ == "__main__":
    main()
