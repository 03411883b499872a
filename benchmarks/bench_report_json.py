"""The cost of the typed results: building the assessment report and its JSON, dicts against models.

Usage: python -m benchmarks.bench_report_json [--sizes 1000 10000]

On one store of generated subjects after the rules have run, it times the report as it was
before the typed results (the rows gathered into plain data by ``subjects_json``, written by
``json.dumps``) and as it is now (the same data validated into the models by
``assessed_subjects``, written by the models' ``dump_json``), and checks that both JSON
documents are equal. It prints one JSON row per size.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date
from pathlib import Path

from aiact_kg.reasoning.engine import AssessmentOptions, run_rules
from aiact_kg.reasoning.report import SUBJECTS, assessed_subjects, subjects_json
from aiact_kg.submission.reading import read_rdf_file
from benchmarks.generate import write_single_file

OPTIONS = AssessmentOptions(as_of=date(2026, 11, 22))
UNLIMITED = 2**31 - 1


def _seconds(start: float) -> float:
    return round(time.perf_counter() - start, 2)


def measure(size: int, directory: Path) -> dict[str, object]:
    path = write_single_file(directory / f"n{size}.ttl", size, valid=True)
    document = read_rdf_file(path, max_bytes=UNLIMITED, max_statements=UNLIMITED)
    store = run_rules([document], OPTIONS)
    # now first (a second pass over the same store may find warmer caches)
    start = time.perf_counter()
    models = assessed_subjects(store)  # now: the same data validated into the models
    typed = _seconds(start)
    start = time.perf_counter()
    new = SUBJECTS.dump_json(models, indent=2).decode("utf-8")
    dump_json = _seconds(start)
    obligations = sum(len(subject.obligations) for subject in models)
    del models  # not kept alive for the collector to walk while the other way runs
    start = time.perf_counter()
    data = subjects_json(store)  # before: plain data, then json.dumps
    gather = _seconds(start)
    start = time.perf_counter()
    old = json.dumps(data, indent=2, ensure_ascii=False)
    dumps = _seconds(start)
    assert json.loads(old) == json.loads(new)
    return {
        "subjects": size,
        "obligations": obligations,
        "before_gather_seconds": gather,
        "before_json_dumps_seconds": dumps,
        "after_assessed_subjects_seconds": typed,
        "after_model_dump_json_seconds": dump_json,
        "before_seconds": round(gather + dumps, 2),
        "after_seconds": round(typed + dump_json, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="aiact-kg-bench-") as tmp:
        for size in args.sizes:
            print(json.dumps(measure(size, Path(tmp))), flush=True)


if __name__ == "__main__":
    main()
