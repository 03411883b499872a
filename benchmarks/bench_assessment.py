"""Assessment throughput and latency: batched rules in one store against one store per subject.

Usage: python -m benchmarks.bench_assessment [--sizes 1000 10000 100000] [--naive-sample 100]
       [--end-to-end-max 10000]

Reasoning: the rules of queries/rules/ run once over all subjects in one embedded store
(the product), against the naive way of assessing each subject in its own store (measured on a
sample; its cost per subject does not depend on batch size). End to end (read, validate, reason,
report) is measured up to --end-to-end-max subjects; SHACL validation dominates it. Latency:
one subject, validated and assessed, in a warm process, median of 20 runs.
"""

from __future__ import annotations

import argparse
import json
import platform
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

from aiact_kg import __version__
from aiact_kg.assessment import assess_documents
from aiact_kg.reasoning.engine import AssessmentOptions, run_rules
from aiact_kg.reasoning.report import assessed_subjects
from aiact_kg.submission.reading import read_rdf_file
from aiact_kg.submission.validation import SubmissionValidator
from benchmarks.generate import write_single_file, write_subject_files

RESULTS = Path(__file__).resolve().parent / "results"
OPTIONS = AssessmentOptions(as_of=date(2026, 11, 22))
UNLIMITED = 2**31 - 1  # the benchmark measures beyond the input limits on purpose


def _reasoning_seconds(path: Path) -> tuple[float, int]:
    document = read_rdf_file(path, max_bytes=UNLIMITED, max_statements=UNLIMITED)
    start = time.perf_counter()
    store = run_rules([document], OPTIONS)
    subjects = assessed_subjects(store)
    return time.perf_counter() - start, len(subjects)


def _naive_rate(paths: list[Path]) -> float:
    documents = [read_rdf_file(path) for path in paths]
    start = time.perf_counter()
    for document in documents:
        assessed_subjects(run_rules([document], OPTIONS))
    return len(paths) / (time.perf_counter() - start)


def _end_to_end_seconds(path: Path, validator: SubmissionValidator) -> float:
    start = time.perf_counter()
    document = read_rdf_file(path, max_bytes=UNLIMITED, max_statements=UNLIMITED)
    report = assess_documents([document], OPTIONS, validator=validator)
    assert report.result.valid, "generated subjects must be valid"
    return time.perf_counter() - start


def _latency_ms(path: Path, validator: SubmissionValidator) -> float:
    document = read_rdf_file(path)
    assess_documents([document], OPTIONS, validator=validator)  # warm caches
    runs = []
    for _ in range(20):
        start = time.perf_counter()
        assess_documents([document], OPTIONS, validator=validator)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs) * 1000


def run(sizes: list[int], naive_sample: int, end_to_end_max: int) -> dict[str, object]:
    validator = SubmissionValidator()
    rows = []
    with tempfile.TemporaryDirectory(prefix="aiact-kg-bench-") as tmp:
        sample = write_subject_files(Path(tmp) / "sample", naive_sample, seed=7, valid=True)
        naive = _naive_rate(sample)
        latency = _latency_ms(sample[0], validator)
        for size in sizes:
            path = write_single_file(Path(tmp) / f"n{size}.ttl", size, valid=True)
            seconds, assessed = _reasoning_seconds(path)
            row: dict[str, object] = {
                "subjects": size,
                "assessed": assessed,
                "reasoning_seconds": round(seconds, 2),
                "reasoning_subjects_per_second": round(size / seconds, 1),
                "naive_subjects_per_second": round(naive, 1),
                "speedup": round(size / seconds / naive, 1),
            }
            if size <= end_to_end_max:
                total = _end_to_end_seconds(path, validator)
                row["end_to_end_seconds"] = round(total, 2)
                row["end_to_end_subjects_per_second"] = round(size / total, 1)
            rows.append(row)
            print(json.dumps(row), flush=True)
    return {
        "benchmark": "assessment throughput and latency",
        "date": datetime.now(UTC).date().isoformat(),
        "aiact_kg": __version__,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}",
        "naive_sample": naive_sample,
        "latency_one_subject_ms": round(latency, 1),
        "rows": rows,
    }


def write_results(result: dict[str, object]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "assessment.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "# Assessment throughput and latency",
        "",
        f"Run {result['date']}, aiact-kg {result['aiact_kg']}, Python {result['python']}, "
        f"{result['machine']}. Generated subjects (`benchmarks/generate.py`), as of 2026-11-22.",
        "",
        f"Latency of one assessment (validate + reason + report, warm): "
        f"{result['latency_one_subject_ms']} ms (median of 20).",
        "",
        "| subjects | reasoning (s) | reasoning subjects/s | naive subjects/s | speed-up "
        "| end to end (s) | end to end subjects/s |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["rows"]:  # type: ignore[attr-defined]
        lines.append(
            f"| {row['subjects']} | {row['reasoning_seconds']} | "
            f"{row['reasoning_subjects_per_second']} | {row['naive_subjects_per_second']} | "
            f"{row['speedup']}x | {row.get('end_to_end_seconds', 'n/m')} | "
            f"{row.get('end_to_end_subjects_per_second', 'n/m')} |"
        )
    lines += [
        "",
        f"Naive: each subject assessed in its own store (sample of {result['naive_sample']}).",
        "Reasoning: all subjects in one store, rules run once. End to end adds reading, SHACL",
        "validation (pyshacl, the dominant cost) and the JSON report; n/m = not measured at that",
        "size (validation alone would take several minutes).",
    ]
    (RESULTS / "assessment.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--naive-sample", type=int, default=100)
    parser.add_argument("--end-to-end-max", type=int, default=10000)
    args = parser.parse_args()
    write_results(run(args.sizes, args.naive_sample, args.end_to_end_max))


if __name__ == "__main__":
    main()
