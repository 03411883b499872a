"""Scale: validate and assess end to end at 1k to 1M generated subjects, with peak memory.

Usage: python -m benchmarks.bench_scale [--sizes 1000 10000 100000 1000000]
       [--mixes light high-risk] [--jobs N] [--batch-size B] [--baseline-max 10000]
       [--validate-max 1000000] [--workdir DIR]

For each mix (the light generated mix, and a high-risk-heavy mix of renamed copies of the CV
screening example) and size, the data is generated streamed to disk (files of 100 subjects),
then each stage runs as the real CLI in a child process of its own:

- ``validate``: ``aiact-kg validate`` (shapes compiled to SPARQL), in batches of bounded size
  validated in worker processes (one per core);
- ``validate-pyshacl``: ``--engine pyshacl --batch-statements 0 --jobs 1``, the rdflib +
  pyshacl baseline (all inputs in one pass, one process);
- ``assess``: ``aiact-kg assess --format jsonl`` (the batched pipeline, ``--jobs`` workers);
- ``assess-one-batch``: ``aiact-kg assess --format json --batch-size 0 --jobs 1``, the path of
  every assessment before batching (all inputs validated and assessed in one store).

The baselines (``validate-pyshacl``, ``assess-one-batch``) run up to ``--baseline-max``
subjects, ``validate`` up to ``--validate-max``.
Time is wall clock; memory is the peak resident set of the largest process (``wait4``) and the
peak of the sum over the process and its workers (sampled every 0.2 s from /proc). Figures are
merged into ``results/scale.json`` (a size already there is replaced, others kept: run one size
at a time if you like), then ``results/scale.md``, ``results/scale.png`` and ``RESULTS.md`` are
written again from all recorded figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import IO, Any

from benchmarks.bench_load import machine
from benchmarks.generate import MIXES, write_mix_files
from benchmarks.summary import RESULTS, write_scale_markdown, write_summary

STAGES = ("validate", "validate-pyshacl", "assess", "assess-one-batch")
AS_OF = "2026-09-01"
PAGE = os.sysconf("SC_PAGE_SIZE")
# how a subject starts in each assessment's output: a JSON Lines record, an item of "subjects"
PATTERNS = {"assess": b'{"record":"subject"', "assess-one-batch": b'      "iri": '}


def _tree(pid: int) -> list[int]:
    """``pid`` and its descendants, from /proc."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        todo.extend(int(child) for child in children)
    return found


def _resident(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            total += int(Path(f"/proc/{pid}/statm").read_text().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            continue
    return total


class _Counter(threading.Thread):
    """Reads a child's output as it comes, counting the lines that start with ``pattern``."""

    def __init__(self, stream: IO[bytes], pattern: bytes) -> None:
        super().__init__(daemon=True)
        self.stream, self.needle = stream, b"\n" + pattern
        self.count = 0
        self.bytes = 0

    def run(self) -> None:
        tail = b""
        while chunk := self.stream.read(1 << 20):
            self.bytes += len(chunk)
            data = tail + chunk
            self.count += data.count(self.needle)
            tail = data[-(len(self.needle) - 1) :]


class _Sampler(threading.Thread):
    """Samples the resident memory of a process tree; prints progress every ``every`` s."""

    def __init__(self, pid: int, label: str, counter: _Counter | None, every: float = 30) -> None:
        super().__init__(daemon=True)
        self.pid, self.label, self.counter, self.every = pid, label, counter, every
        self.peak = 0
        self.done = threading.Event()

    def run(self) -> None:
        start = last = time.monotonic()
        while not self.done.wait(0.2):
            self.peak = max(self.peak, _resident(_tree(self.pid)))
            if time.monotonic() - last >= self.every:
                last = time.monotonic()
                written = ""
                if self.counter:
                    written = (
                        f", {self.counter.count} subjects written "
                        f"({self.counter.bytes / 2**20:.0f} MiB)"
                    )
                print(
                    f"  … {self.label}: {last - start:.0f} s, "
                    f"{self.peak / 2**20:.0f} MiB at most{written}",
                    file=sys.stderr,
                    flush=True,
                )


def run_child(argv: list[str], label: str, pattern: bytes | None) -> dict[str, Any]:
    """Run ``argv``; its time, exit code, peak memory and (``pattern``) lines it wrote so."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        child = subprocess.Popen(
            argv, stdout=subprocess.PIPE if pattern else subprocess.DEVNULL, stderr=err
        )
        counter = _Counter(child.stdout, pattern) if pattern and child.stdout else None
        if counter:
            counter.start()
        sampler = _Sampler(child.pid, label, counter)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        sampler.done.set()
        sampler.join()
        seconds = time.perf_counter() - start
        if counter:
            counter.join()
            counter.stream.close()
        err.seek(0)
        errors = err.read().decode("utf-8", "replace")
    return {
        "exit": child.returncode,
        "seconds": round(seconds, 2),
        "peak_process_mib": round(usage.ru_maxrss / 1024),
        "peak_total_mib": round(max(sampler.peak, usage.ru_maxrss * 1024) / 2**20),
        "assessed": counter.count if counter else None,
        "stderr": errors[-500:],
    }


def _argv(stage: str, directory: Path, jobs: int | None, batch_size: int | None) -> list[str]:
    cli = [sys.executable, "-m", "aiact_kg"]
    if stage.startswith("validate"):
        engine = "pyshacl" if stage == "validate-pyshacl" else "store"
        options = ["--format", "json", "--no-progress", "--engine", engine]
        if stage == "validate-pyshacl":  # the baseline: one pass, one process, as before batching
            options += ["--batch-statements", "0", "--jobs", "1"]
        return [*cli, "validate", str(directory), *options]
    argv = [*cli, "assess", str(directory), "--as-of", AS_OF, "--no-progress"]
    if stage == "assess-one-batch":
        return [*argv, "--format", "json", "--batch-size", "0", "--jobs", "1"]
    argv += ["--format", "jsonl"]
    if jobs is not None:
        argv += ["--jobs", str(jobs)]
    if batch_size is not None:
        argv += ["--batch-size", str(batch_size)]
    return argv


def _stages(size: int, args: argparse.Namespace) -> list[str]:
    chosen = []
    for stage in args.stages:
        if stage in ("validate-pyshacl", "assess-one-batch") and size > args.baseline_max:
            continue
        if stage == "validate" and size > args.validate_max:
            continue
        chosen.append(stage)
    return chosen


def measure(
    size: int,
    mix: str,
    args: argparse.Namespace,
    work: Path,
    record: Callable[[dict[str, Any]], None],
) -> None:
    """Generate ``size`` subjects of ``mix`` and run every chosen stage on them; ``record`` is
    given each stage's figures as soon as they are measured."""
    directory = work / f"{mix}-{size}"
    start = time.perf_counter()
    files = write_mix_files(directory, size, mix)
    generated = time.perf_counter() - start
    print(f"[{mix} {size}] generated {files} files in {generated:.0f} s", file=sys.stderr)
    for stage in _stages(size, args):
        label = f"{mix} {size} {stage}"
        load = _settled_load(args.settle)
        print(f"[{label}] running", file=sys.stderr, flush=True)
        pattern = PATTERNS.get(stage)
        figures = run_child(_argv(stage, directory, args.jobs, args.batch_size), label, pattern)
        row = {
            "mix": mix,
            "subjects": size,
            "stage": stage,
            **{k: v for k, v in figures.items() if k != "stderr" or figures["exit"] not in (0, 1)},
            "subjects_per_second": round(size / figures["seconds"], 1),
            "files": files,
            "jobs": args.jobs if stage == "assess" else 1,
            "batch_size": args.batch_size if stage == "assess" else 0,
            "load_average_before": load,
            "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        }
        if stage.startswith("validate"):
            row.pop("assessed")
        print(
            f"[{label}] {row['seconds']} s, {row['subjects_per_second']} subjects/s, "
            f"peak {row['peak_total_mib']} MiB, exit {row['exit']}",
            file=sys.stderr,
            flush=True,
        )
        record(row)
    shutil.rmtree(directory, ignore_errors=True)


def _settled_load(most_seconds: float) -> float:
    """The one-minute load average once it has fallen below half the CPUs, waiting at most
    ``most_seconds``: the previous stage's own workers keep it near their number for a minute
    after they end, and a stage started then would be recorded as run on a busy machine."""
    idle = (os.cpu_count() or 1) / 2
    deadline = time.monotonic() + most_seconds
    while os.getloadavg()[0] >= idle and time.monotonic() < deadline:
        time.sleep(min(5.0, max(0.0, deadline - time.monotonic())))
    return round(os.getloadavg()[0], 2)


def merge(path: Path, rows: list[dict[str, Any]], meta: dict[str, Any]) -> dict[str, Any]:
    """The figures recorded in ``path`` with ``rows`` replacing those of the same mix, size and
    stage, and ``meta`` among the machines."""
    recorded: dict[str, Any] = {"rows": []}
    if path.exists():
        recorded = json.loads(path.read_text(encoding="utf-8"))
    machines = recorded.get("machines", [])
    if meta not in machines:
        machines = [*machines, meta]
    recorded = recorded | {"machines": machines[-5:]}
    return merge_rows(recorded, rows)


def merge_rows(recorded: dict[str, Any], rows: list[dict[str, Any]]) -> dict[str, Any]:
    """``recorded`` with ``rows`` replacing those of the same mix, size and stage."""
    new = {(r["mix"], r["subjects"], r["stage"]) for r in rows}
    kept = [r for r in recorded["rows"] if (r["mix"], r["subjects"], r["stage"]) not in new]
    merged = sorted(kept + rows, key=lambda r: (r["mix"], r["subjects"], STAGES.index(r["stage"])))
    return {
        "benchmark": "scale: validate and assess end to end",
        "machines": recorded.get("machines", []),
        "rows": merged,
    }


def run(args: argparse.Namespace) -> dict[str, Any]:
    """Every chosen size, mix and stage; the figures are merged into ``scale.json`` after each
    stage, so a long run stopped part-way keeps what it measured (a 1M high-risk run takes
    more than an hour)."""
    meta = machine() | {"date": datetime.now(UTC).strftime("%Y-%m-%d")}
    path = args.results / "scale.json"
    recorded = merge(path, [], meta)
    args.results.mkdir(parents=True, exist_ok=True)

    def record(row: dict[str, Any]) -> None:
        nonlocal recorded
        recorded = merge_rows(recorded, [row])
        path.write_text(json.dumps(recorded, indent=2) + "\n", "utf-8")

    if args.workdir is not None:
        args.workdir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="aiact-kg-scale-", dir=args.workdir) as tmp:
        for size in args.sizes:
            for mix in args.mixes:
                measure(size, mix, args, Path(tmp), record)
    return recorded


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--mixes", nargs="+", choices=MIXES, default=list(MIXES))
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    parser.add_argument("--jobs", type=int, default=None, help="assess --jobs (default: cores)")
    parser.add_argument("--batch-size", type=int, default=None, help="assess --batch-size")
    parser.add_argument("--baseline-max", type=int, default=10_000)
    parser.add_argument("--validate-max", type=int, default=1_000_000)
    parser.add_argument("--workdir", type=Path, default=None, help="where data is generated")
    parser.add_argument("--results", type=Path, default=RESULTS)
    parser.add_argument(
        "--settle",
        type=float,
        default=120.0,
        help="seconds to wait at most before each stage for the load average to fall below "
        "half the CPUs (default 120; 0: no wait)",
    )
    args = parser.parse_args(argv)
    result = run(args)
    write_scale_markdown(result, args.results)
    write_summary(args.results)
    print(f"wrote {args.results / 'scale.md'} and the summary", file=sys.stderr)


if __name__ == "__main__":
    main()
