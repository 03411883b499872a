"""Growth of every rule operation with the batch: the operations that cost more than linear time.

Usage: python -m benchmarks.bench_operations [--mixes cases high-risk] [--base N] [--factor 4]
       [--min-seconds 0.02]

Each mix is assessed in one batch at two sizes, ``base`` and ``factor`` times ``base`` subjects
(renamed copies, in the same proportions at both sizes), and every operation of every rule is
timed on its own (CPU seconds of this process, the operations in the engine's order, without
the guards' skipping). An operation whose time
grows faster than the batch (exponent above 1.2 between the two sizes, among those taking at
least ``--min-seconds`` at the larger size) is listed first: within one batch of up to 1,000
subjects such an operation grows with the square of the batch. The embedded engine plans the
pattern of a ``FILTER (NOT) EXISTS`` on its own, without the outer row's bindings, so an EXISTS
holding a constant (``?d aia:conclusion aiac:category-out-of-scope``) visits every such
statement of the batch once per row; a ``UNION`` joined with other patterns is evaluated on its
own first. Both were found this way (rules 320 and 820).

Mixes: ``cases`` renames the facts of every legal case of ``tests/cases`` in turn (the widest
variety of descriptions the project has); ``high-risk`` is :func:`generate.write_high_risk_mix`.
Writes ``results/operations.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from aiact_kg.reasoning import engine, guards
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun
from aiact_kg.reasoning.rules import load_rules
from aiact_kg.submission.batch import read_all
from benchmarks.generate import write_high_risk_mix, write_renamed_copies
from benchmarks.markdown import table
from benchmarks.profile_assessment import loaded_store
from tests.cases.conftest import PREFIXES

RESULTS = Path(__file__).resolve().parent / "results"
CASES = Path(__file__).resolve().parents[1] / "tests" / "cases"
AS_OF = date(2026, 11, 22)
GROWTH_FLAG = 1.2


def case_sources(directory: Path) -> list[Path]:
    """Write the facts of every legal case as a Turtle file of its own; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for number, case_file in enumerate(sorted(CASES.rglob("*.yaml"))):
        case = yaml.safe_load(case_file.read_text(encoding="utf-8"))
        if not isinstance(case, dict) or "facts" not in case:
            continue
        path = directory / f"case-{number:04d}.ttl"
        path.write_text(PREFIXES + case["facts"], encoding="utf-8")
        paths.append(path)
    return paths


def write_batch(mix: str, directory: Path, count: int, sources: list[Path]) -> None:
    """``count`` subjects of ``mix`` in ``directory``."""
    if mix == "cases":
        write_renamed_copies(directory, list(sources), count, per_file=50)
    else:
        write_high_risk_mix(directory, count, per_file=100)


def operation_seconds(directory: Path) -> dict[str, float]:
    """CPU seconds of each operation of each rule over the batch in ``directory``."""
    options, rules = AssessmentOptions(as_of=AS_OF), load_rules()
    documents, _ = read_all([str(path) for path in sorted(directory.glob("*.ttl"))])
    run = AssessmentRun()
    store = loaded_store(engine._base_quads(), documents, run, options, rules)
    seconds: dict[str, float] = {}
    for rule in rules:
        for number, operation in enumerate(guards.operations(rule.text)):
            start = time.process_time()
            store.update(run.bind(operation.text))
            seconds[f"{rule.path.stem} #{number}"] = time.process_time() - start
    return seconds


def measure(mix: str, base: int | None, factor: int, sources: list[Path]) -> dict[str, Any]:
    """Every operation's seconds at both sizes, and its growth exponent. The cases mix takes
    every case once by default (then ``factor`` times), so both batches hold the same cases."""
    first = base or (len(sources) if mix == "cases" else 500)
    sizes = (first, first * factor)
    figures: dict[int, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="aiact-kg-operations-") as scratch:
        for size in sizes:
            directory = Path(scratch) / f"{mix}-{size}"
            write_batch(mix, directory, size, sources)
            figures[size] = operation_seconds(directory)
    small, large = figures[sizes[0]], figures[sizes[1]]
    operations = []
    for name, seconds in large.items():
        before = small.get(name, 0.0)
        growth = (
            math.log(seconds / before) / math.log(factor) if before > 0 and seconds > 0 else None
        )
        operations.append({"operation": name, "small": before, "large": seconds, "growth": growth})
    return {"mix": mix, "sizes": list(sizes), "operations": operations}


def _row(item: dict[str, Any]) -> list[object]:
    growth = "n/m" if item["growth"] is None else f"N^{item['growth']:.2f}"
    return [item["operation"], f"{item['small']:.3f}", f"{item['large']:.3f}", growth]


def markdown(runs: list[dict[str, Any]], machine: dict[str, Any], min_seconds: float) -> str:
    """The results page: per mix, the operations that grow too fast, then the slowest."""
    lines = [
        "# Rule operations against the batch size",
        "",
        "Written by `python -m benchmarks.bench_operations`. Each operation of each rule timed",
        "on its own (CPU seconds), one batch at each size; growth is the exponent between them.",
        f"Machine: {machine['cpus']} CPUs, Python {machine['python']}, {machine['date']}.",
        "",
    ]
    for run in runs:
        small, large = run["sizes"]
        timed = [item for item in run["operations"] if item["large"] >= min_seconds]
        fast_growing = [
            item for item in timed if item["growth"] is not None and item["growth"] > GROWTH_FLAG
        ]
        slowest = sorted(timed, key=lambda item: -item["large"])[:12]
        total_small = sum(item["small"] for item in run["operations"])
        total_large = sum(item["large"] for item in run["operations"])
        header = ["operation", f"{small} subjects (s)", f"{large} subjects (s)", "growth"]
        lines += [
            f"## {run['mix']} mix",
            "",
            f"All operations: {total_small:.2f} s at {small} subjects, {total_large:.2f} s at "
            f"{large} (N^{math.log(total_large / total_small) / math.log(large / small):.2f}).",
            "",
            f"Growing faster than N^{GROWTH_FLAG} (at least {min_seconds} s at {large}):"
            + (" none." if not fast_growing else ""),
            "",
        ]
        if fast_growing:
            lines += [*table(header, "lrrr", map(_row, fast_growing)), ""]
        lines += ["Slowest:", "", *table(header, "lrrr", map(_row, slowest)), ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--mixes", nargs="+", choices=("cases", "high-risk"), default=["cases", "high-risk"]
    )
    parser.add_argument(
        "--base",
        type=int,
        help="subjects of the smaller batch (default: every case once; 500 high-risk)",
    )
    parser.add_argument("--factor", type=int, default=4)
    parser.add_argument("--min-seconds", type=float, default=0.02)
    args = parser.parse_args(argv)
    machine = {
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "date": datetime.now(UTC).date().isoformat(),
    }
    with tempfile.TemporaryDirectory(prefix="aiact-kg-case-facts-") as scratch:
        sources = case_sources(Path(scratch))
        runs = [measure(mix, args.base, args.factor, sources) for mix in args.mixes]
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "operations.json").write_text(
        json.dumps({"machine": machine, "runs": runs}, indent=1) + "\n", encoding="utf-8"
    )
    page = markdown(runs, machine, args.min_seconds)
    (RESULTS / "operations.md").write_text(page, encoding="utf-8")
    print(page)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
