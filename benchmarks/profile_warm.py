"""Where one warm assessment's rules spend their time, operation by operation.

Usage: python -m benchmarks.profile_warm [FILE ...] [--runs 8] [--top 25] [--unguarded]

Each FILE (default: the latency examples) is assessed ``--runs`` times in one warm engine (the
knowledge base loaded once, each run in a graph of its own, as the ``Assessor`` does). For every
operation of every rule it gives the median CPU time of the calling thread spent asking its
guards (:mod:`aiact_kg.reasoning.guards`) and running it, and whether it ran or was skipped;
``--unguarded`` runs every operation (the engine without guards) to compare. CPU times are the
steadier measure on a shared machine.
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import date
from pathlib import Path

from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun, load_rules
from aiact_kg.reasoning.guards import operations
from aiact_kg.reasoning.warm import WarmEngine
from aiact_kg.submission.reading import read_rdf_file
from benchmarks.bench_assessment import EXAMPLES, LATENCY_EXAMPLES

OPTIONS = AssessmentOptions(as_of=date(2026, 11, 22))


def profile(
    path: Path, runs: int, guarded: bool
) -> dict[tuple[str, int], list[tuple[float, float, bool]]]:
    """``{(rule file, operation index): [(guard seconds, update seconds, ran), ...]}``."""
    document = read_rdf_file(path)
    engine = WarmEngine()
    engine.RUNS_PER_STORE = runs + 1  # one store for the whole profile
    asked = engine._asked if guarded else frozenset()
    times: dict[tuple[str, int], list[tuple[float, float, bool]]] = {}
    for _ in range(runs + 1):  # the first run warms the caches and is not counted
        run = AssessmentRun()
        view = engine.run_rules([document], OPTIONS, run, rules=())
        for rule in load_rules():
            for index, operation in enumerate(operations(rule.text)):
                start = time.thread_time()
                ran = all(
                    view.ask(run.bind(f"ASK {{ {q} }}")) for q in operation.required if q in asked
                )
                guard = time.thread_time() - start
                start = time.thread_time()
                if ran:
                    view.update(run.bind(operation.text))
                times.setdefault((rule.path.name, index), []).append(
                    (guard, time.thread_time() - start, ran)
                )
        view.close()
    engine.close()
    return {key: values[1:] for key, values in times.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=8)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--unguarded", action="store_true")
    args = parser.parse_args()
    for path in args.files or [EXAMPLES / name for name in LATENCY_EXAMPLES]:
        times = profile(path, args.runs, not args.unguarded)
        rows = []
        for (name, index), values in times.items():
            guard = statistics.median(v[0] for v in values) * 1000
            update = statistics.median(v[1] for v in values) * 1000
            ran = sum(v[2] for v in values)
            rows.append((guard + update, guard, update, ran, len(values), name, index))
        rows.sort(reverse=True)
        print(f"\n{path.name}: {len(rows)} operations, CPU ms")
        print(f"{'rule':52} {'op':>3} {'guard':>7} {'update':>7}  ran")
        for _, guard, update, ran, count, name, index in rows[: args.top]:
            print(f"{name:52} {index:>3} {guard:7.2f} {update:7.2f}  {ran}/{count}")
        print(
            f"total {sum(r[0] for r in rows):.1f} ms (guards {sum(r[1] for r in rows):.1f}); "
            f"skipped {sum(r[4] - r[3] for r in rows) / args.runs:.0f} operations per run"
        )


if __name__ == "__main__":
    main()
