"""Validation throughput: batched (the product) against one pyshacl call per file (naive).

Usage: python -m benchmarks.bench_validation [--sizes 1000 10000] [--naive-sample 200]

The naive baseline validates each file on its own with pyshacl, with the same shapes and the
same ontology background; at large sizes it is measured on a sample of files (its cost per
file does not depend on how many files there are) and reported as subjects per second.
"""

from __future__ import annotations

import argparse
import json
import platform
import tempfile
import time
import warnings
from datetime import UTC, datetime
from pathlib import Path

from pyshacl import validate
from rdflib import Graph

from aiact_kg import __version__, resources
from aiact_kg.submission.batch import validate_inputs
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


def batched_rate(directory: Path, count: int, validator: SubmissionValidator) -> dict[str, float]:
    start = time.perf_counter()
    report = validate_inputs([str(directory)], progress=False, validator=validator)
    seconds = time.perf_counter() - start
    assert len(report.subjects) >= count, "every generated subject must be reported"
    return {
        "seconds": seconds,
        "subjects_per_second": count / seconds,
        "violations": report.count("violation"),
        "warnings": report.count("warning"),
    }


def run(sizes: list[int], naive_sample: int) -> dict[str, object]:
    validator = SubmissionValidator()
    rows = []
    with tempfile.TemporaryDirectory(prefix="aiact-kg-bench-") as tmp:
        for size in sizes:
            directory = Path(tmp) / f"n{size}"
            paths = write_subject_files(directory, size)
            batched = batched_rate(directory, size, validator)
            sample = paths[: min(size, naive_sample)]
            naive = naive_rate(sample)
            rows.append(
                {
                    "subjects": size,
                    "batched_seconds": round(batched["seconds"], 2),
                    "batched_subjects_per_second": round(batched["subjects_per_second"], 1),
                    "naive_subjects_per_second": round(naive, 1),
                    "naive_sample": len(sample),
                    "speedup": round(batched["subjects_per_second"] / naive, 1),
                    "violations": batched["violations"],
                    "warnings": batched["warnings"],
                }
            )
            print(json.dumps(rows[-1]))
    return {
        "benchmark": "validation throughput",
        "date": datetime.now(UTC).date().isoformat(),
        "aiact_kg": __version__,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}",
        "shapes": [p.name for p in resources.shape_files()],
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
        "| subjects | batched (s) | batched subjects/s | naive subjects/s (sample) | speed-up |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["rows"]:  # type: ignore[attr-defined]
        lines.append(
            f"| {row['subjects']} | {row['batched_seconds']} | "
            f"{row['batched_subjects_per_second']} | {row['naive_subjects_per_second']} "
            f"({row['naive_sample']} files) | {row['speedup']}x |"
        )
    lines += [
        "",
        "Naive: one pyshacl call per file with the same shapes and ontology background.",
        "Batched: `aiact-kg validate DIR` (all files read, then one pyshacl call).",
    ]
    (RESULTS / "validation.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--naive-sample", type=int, default=200)
    args = parser.parse_args()
    write_results(run(args.sizes, args.naive_sample))


if __name__ == "__main__":
    main()
