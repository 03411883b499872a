"""The cost of the typed results: building the assessment report and its JSON, dicts against models.

Usage: python -m benchmarks.bench_report_json [--sizes 1000 10000]

On one store of generated subjects after the rules have run, it times the steps of the report:
the rows gathered into plain data (``subjects_json``), that data validated into the models
(``assessed_subjects``), and the JSON written by ``json.dumps`` (as before the typed results)
and by the models (``model_dump_json``, as now). It prints one JSON row per size.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from datetime import date
from pathlib import Path

from aiact_kg.reasoning.engine import AssessmentOptions, run_rules
from aiact_kg.reasoning.report import SUBJECTS, subjects_json
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
    start = time.perf_counter()
    data = subjects_json(store)
    gather = _seconds(start)
    start = time.perf_counter()
    models = SUBJECTS.validate_python(data)
    validate = _seconds(start)
    start = time.perf_counter()
    old = json.dumps(data, indent=2, ensure_ascii=False)
    dumps = _seconds(start)
    start = time.perf_counter()
    new = SUBJECTS.dump_json(models, indent=2).decode("utf-8")
    dump_json = _seconds(start)
    assert json.loads(old) == json.loads(new)
    return {
        "subjects": size,
        "obligations": sum(len(s.obligations) for s in models),
        "gather_seconds": gather,
        "validate_seconds": validate,
        "json_dumps_seconds": dumps,
        "model_dump_json_seconds": dump_json,
        "before_seconds": round(gather + dumps, 2),
        "after_seconds": round(gather + validate + dump_json, 2),
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
