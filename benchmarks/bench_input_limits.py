"""Cost of the largest inputs the reading limits accept: time and peak memory of the real CLI.

Usage: python -m benchmarks.bench_input_limits [--statements 25000 50000] [--timeout 600]

For each size, one Turtle file of that many statements is generated in each worst-case shape
(realistic valid subjects; bare subjects typed ``aia:AISystem`` and nothing else, each a
subject with violations; one long flat list; collections nested to the depth limit) and
``aiact-kg validate`` and ``aiact-kg assess`` are run on it as child processes, with the
statement limit raised just above the size. Wall-clock seconds and the peak resident memory
(``ru_maxrss`` of the child) are written to ``results/input-limits.{json,md}``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from aiact_kg import __version__
from aiact_kg.submission.limits import DEFAULT_MAX_DEPTH, STATEMENTS_VARIABLE
from aiact_kg.submission.reading import DEFAULT_MAX_BYTES
from benchmarks.generate import PREFIXES, subject_turtle

RESULTS = Path(__file__).resolve().parent / "results"


def realistic(statements: int) -> str:
    """Valid subjects with providers, as in the other benchmarks (about 11 statements each)."""
    rng = random.Random(1689)
    parts: list[str] = []
    total = 0
    index = 0
    while total < statements:
        text = subject_turtle(index, rng, valid=True)
        parts.append(text)
        total += text.count(" ;") + text.count(" .\n") + text.count("[ ")
        index += 1
    return PREFIXES + "".join(parts)


def bare_subjects(statements: int) -> str:
    """Every statement a new AI system with nothing else said: one set of findings each."""
    return PREFIXES + "".join(f"ex:s{i} a aia:AISystem .\n" for i in range(statements))


def flat_list(statements: int) -> str:
    """One valid-looking subject with a list holding almost all the statements."""
    items = " ".join(str(i) for i in range(max(1, statements // 2 - 4)))
    return PREFIXES + f"ex:s a aia:AISystem ; ex:items ( {items} ) .\n"


def nested(statements: int) -> str:
    """Collections nested to the depth limit, repeated up to the size."""
    one = "(" * DEFAULT_MAX_DEPTH + ")" * DEFAULT_MAX_DEPTH
    count = max(1, statements // (2 * DEFAULT_MAX_DEPTH))
    body = "".join(f"ex:s{i} ex:p {one} .\n" for i in range(count))
    return PREFIXES + "ex:s a aia:AISystem .\n" + body


def long_literals(statements: int) -> str:
    """Bare subjects with labels long enough to fill the 20 MiB size limit."""
    subjects = max(1, statements // 2)
    length = (DEFAULT_MAX_BYTES - 2000) // subjects - 60
    label = "x" * max(1, length)
    body = "".join(f'ex:s{i} a aia:AISystem ; rdfs:label "{label}" .\n' for i in range(subjects))
    return PREFIXES + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" + body


SHAPES: dict[str, Callable[[int], str]] = {
    "realistic subjects": realistic,
    "bare subjects": bare_subjects,
    "flat list": flat_list,
    "nested collections": nested,
    "20 MiB of long literals": long_literals,
}


def run(command: str, path: Path, limit: int, timeout: float) -> dict[str, object]:
    """Run one CLI command as a child; its exit code, seconds and peak memory in MiB."""
    env = dict(os.environ, **{STATEMENTS_VARIABLE: str(limit)})
    argv = [sys.executable, "-m", "aiact_kg", command, "--no-progress", "--format", "json"]
    start = time.perf_counter()
    child = subprocess.Popen(
        [*argv, str(path)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    timer = threading.Timer(timeout, child.kill)
    timer.start()
    _, status, usage = os.wait4(child.pid, 0)
    timer.cancel()
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    return {
        "exit": code if code >= 0 else f"killed after {seconds:.0f} s",
        "seconds": round(seconds, 1),
        "peak_mib": round(usage.ru_maxrss / 1024),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--statements", type=int, nargs="+", default=[25_000, 50_000])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--timeout", type=float, default=600)
    args = parser.parse_args()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.statements:
            for shape in args.shapes:
                path = Path(tmp) / f"{shape.replace(' ', '-')}-{size}.ttl"
                path.write_text(SHAPES[shape](size), encoding="utf-8")
                row: dict[str, object] = {
                    "statements": size,
                    "shape": shape,
                    "bytes": path.stat().st_size,
                }
                for command in ("validate", "assess"):
                    row[command] = run(command, path, size + 1000, args.timeout)
                print(json.dumps(row), flush=True)
                rows.append(row)
    write(rows)


def write(rows: list[dict[str, object]]) -> None:
    """Write the rows, keeping earlier rows of other sizes and shapes."""
    RESULTS.mkdir(exist_ok=True)
    earlier = RESULTS / "input-limits.json"
    if earlier.exists():
        new = {(row["statements"], row["shape"]) for row in rows}
        kept = [
            row
            for row in json.loads(earlier.read_text(encoding="utf-8"))["rows"]
            if (row["statements"], row["shape"]) not in new
        ]
        rows = sorted(
            [*kept, *rows],
            key=lambda r: (int(r["statements"]), list(SHAPES).index(str(r["shape"]))),  # type: ignore[call-overload]
        )
    meta = (
        f"Run {datetime.now(UTC).date()}, aiact-kg {__version__}, Python "
        f"{platform.python_version()}, {platform.machine()}, {platform.system()}, "
        f"{os.cpu_count()} CPUs."
    )
    (RESULTS / "input-limits.json").write_text(
        json.dumps({"meta": meta, "rows": rows}, indent=2) + "\n", encoding="utf-8"
    )
    lines = [
        "# Cost of the largest accepted inputs",
        "",
        meta + " One Turtle file per row, run through the real CLI "
        "(`python -m aiact_kg validate|assess --format json`); seconds are wall-clock, "
        "memory is the peak resident set of the child process.",
        "",
        "| statements | shape | size | validate exit | validate (s) | validate (MiB) "
        "| assess exit | assess (s) | assess (MiB) |",
        "| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in rows:
        cells = [str(row["statements"]), str(row["shape"]), f"{int(row['bytes']) / 1024:,.0f} KiB"]  # type: ignore[call-overload]
        for command in ("validate", "assess"):
            result = row[command]
            assert isinstance(result, dict)
            cells += [str(result["exit"]), str(result["seconds"]), str(result["peak_mib"] or "-")]
        lines.append("| " + " | ".join(cells) + " |")
    (RESULTS / "input-limits.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
