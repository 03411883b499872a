"""Assessment throughput and latency: batched rules in one store against one store per subject.

Usage: python -m benchmarks.bench_assessment [--sizes 1000 10000 100000] [--naive-sample 100]
       [--end-to-end-max 10000]

Reasoning: the rules of queries/rules/ run once over all subjects in one embedded store
(the product), against the naive way of assessing each subject in its own store (measured on a
sample; its cost per subject does not depend on batch size). End to end (read, validate, reason,
report) is measured up to --end-to-end-max subjects; SHACL validation dominates it. Latency:
one subject, validated and assessed and its JSON made, in a warm process, median of 20 runs,
side by side in the same run: cold (``assess_documents``: a fresh store loads the knowledge
base each call) and warm (one :class:`~aiact_kg.assessment.Assessor`: everything loaded once,
each call in a graph of its own); the two calls alternate, so both see the same load. As a
process: ``aiact-kg assess FILE --format json`` started afresh (interpreter, imports, knowledge
base), median of 5 runs.
"""

from __future__ import annotations

import argparse
import json
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from aiact_kg import __version__
from aiact_kg.assessment import AssessmentReport, Assessor, assess_documents
from aiact_kg.reasoning.engine import AssessmentOptions, run_rules
from aiact_kg.reasoning.report import assessed_subjects
from aiact_kg.submission.reading import read_rdf_file
from aiact_kg.submission.validation import SubmissionValidator
from benchmarks.generate import write_single_file, write_subject_files

RESULTS = Path(__file__).resolve().parent / "results"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "submissions"
LATENCY_EXAMPLES = ("customer-service-chatbot.ttl", "recruitment-cv-screening.ttl")
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


LATENCY_RUNS = 20
PROCESS_RUNS = 5


def _process_ms(path: Path) -> dict[str, float]:
    """Median, mean and minimum of ``aiact-kg assess FILE --format json`` as a new process."""
    command = [sys.executable, "-m", "aiact_kg", "assess", str(path), "--format", "json"]
    command += ["--as-of", OPTIONS.as_of.isoformat(), "--no-progress"]
    subprocess.run(command, check=True, capture_output=True)  # warm the file system caches
    seconds: list[float] = []
    cpu: list[float] = []
    for _ in range(PROCESS_RUNS):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        seconds.append(time.perf_counter() - start)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu.append(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime)
    return {
        "process_median_ms": round(statistics.median(seconds) * 1000, 1),
        "process_mean_ms": round(statistics.mean(seconds) * 1000, 1),
        "process_min_ms": round(min(seconds) * 1000, 1),
        "process_cpu_median_ms": round(statistics.median(cpu) * 1000, 1),
    }


def _latency_ms(path: Path, validator: SubmissionValidator) -> dict[str, float]:
    """Median, mean and minimum of one assessment, cold and warm, in ms (alternating calls)."""
    document = read_rdf_file(path)
    assessor = Assessor(OPTIONS, validator=validator)
    paths: dict[str, Callable[[], AssessmentReport]] = {
        "cold": lambda: assess_documents([document], OPTIONS, validator=validator, keep=False),
        "warm": lambda: assessor.assess([document]),
    }
    runs: dict[str, list[float]] = {name: [] for name in paths}
    cpu: dict[str, list[float]] = {name: [] for name in paths}
    for assess in paths.values():
        assert assess().data["valid"]  # warm the caches
    for _ in range(LATENCY_RUNS):
        for name, assess in paths.items():
            start, start_cpu = time.perf_counter(), time.thread_time()
            assess().data  # noqa: B018 (the JSON document is part of the latency)
            runs[name].append(time.perf_counter() - start)
            cpu[name].append(time.thread_time() - start_cpu)
    assessor.close()
    figures: dict[str, float] = {}
    for name, seconds in runs.items():
        figures[f"{name}_median_ms"] = round(statistics.median(seconds) * 1000, 1)
        figures[f"{name}_mean_ms"] = round(statistics.mean(seconds) * 1000, 1)
        figures[f"{name}_min_ms"] = round(min(seconds) * 1000, 1)
        figures[f"{name}_cpu_median_ms"] = round(statistics.median(cpu[name]) * 1000, 1)
    return figures | _process_ms(path)


def _latencies(generated: Path, validator: SubmissionValidator) -> dict[str, dict[str, float]]:
    """The latency figures of one generated subject and of the latency examples."""
    inputs = {"generated subject": generated}
    inputs |= {name: EXAMPLES / name for name in LATENCY_EXAMPLES}
    return {label: _latency_ms(path, validator) for label, path in inputs.items()}


def run(
    sizes: list[int], naive_sample: int, end_to_end_max: int, latency_only: bool = False
) -> dict[str, object]:
    validator = SubmissionValidator()
    rows: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="aiact-kg-bench-") as tmp:
        sample = write_subject_files(Path(tmp) / "sample", naive_sample, seed=7, valid=True)
        latency = _latencies(sample[0], validator)
        if latency_only:  # the throughput rows of the last full run stay as they are
            previous: dict[str, object] = json.loads((RESULTS / "assessment.json").read_text())
            return previous | _about() | {"latency_one_subject_ms": latency}
        naive = _naive_rate(sample)
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
    return _about() | {
        "naive_sample": naive_sample,
        "latency_one_subject_ms": latency,
        "rows": rows,
    }


def _about() -> dict[str, object]:
    return {
        "benchmark": "assessment throughput and latency",
        "date": datetime.now(UTC).date().isoformat(),
        "aiact_kg": __version__,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}",
    }


_PATHS = (
    ("cold", "cold: `assess_documents`, a fresh store per call"),
    ("warm", "warm: one `Assessor`, knowledge base loaded once"),
    ("process", f"as a process: `aiact-kg assess FILE --format json` ({PROCESS_RUNS} runs)"),
)


def _latency_lines(latency: dict[str, dict[str, float]]) -> list[str]:
    lines = [
        "Latency of one assessment of one description (validate + reason + report + JSON), "
        f"{LATENCY_RUNS} calls of each path, alternating, in one process, after a first call:",
        "",
        "| input | path | median (ms) | mean (ms) | min (ms) | CPU median (ms) |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for label, figures in latency.items():
        lines += [  # results recorded before the process path have no process figures
            f"| {label} | {path} | {figures[f'{name}_median_ms']} | "
            f"{figures[f'{name}_mean_ms']} | {figures[f'{name}_min_ms']} | "
            f"{figures[f'{name}_cpu_median_ms']} |"
            for name, path in _PATHS
            if f"{name}_median_ms" in figures
        ]
    lines += [
        "",
        "CPU: the calling thread's CPU time (`time.thread_time`), which other processes on a "
        "busy machine inflate far less than the wall time; the warm engine makes its next store "
        "in a background thread, not counted there (on two idle cores it runs beside the call). "
        "As a process: the CPU time of the process (user and system), its wall time including "
        "the interpreter's start and the imports.",
    ]
    return lines


def write_results(result: dict[str, object]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "assessment.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "# Assessment throughput and latency",
        "",
        f"Run {result['date']}, aiact-kg {result['aiact_kg']}, Python {result['python']}, "
        f"{result['machine']}. Generated subjects (`benchmarks/generate.py`), as of 2026-11-22.",
        "",
        *_latency_lines(result["latency_one_subject_ms"]),  # type: ignore[arg-type]
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
        "Reasoning: all subjects in one store, rules run once. End to end adds reading,",
        "validation (the shapes compiled to SPARQL, the default engine) and the JSON report, all",
        "in one store and one process (the batched CLI path is measured by `bench_scale`); n/m =",
        "not measured at that size.",
    ]
    (RESULTS / "assessment.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--naive-sample", type=int, default=100)
    parser.add_argument("--end-to-end-max", type=int, default=10000)
    parser.add_argument(
        "--latency-only",
        action="store_true",
        help="measure the latencies only; keep the throughput rows of the last results",
    )
    args = parser.parse_args()
    write_results(run(args.sizes, args.naive_sample, args.end_to_end_max, args.latency_only))


if __name__ == "__main__":
    main()
