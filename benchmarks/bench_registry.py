"""One submission into registries of increasing size: its cost must not grow with the registry.

Usage: python -m benchmarks.bench_registry [--sizes 1000 10000] [--per-document 500] [--runs 5]

For each size a fresh persistent store is built and filled with generated subjects
(``benchmarks/generate.py``), ``--per-document`` subjects per stored submission, written
through the registry's own functions in one version (the filler skips SHACL validation: the
generated subjects are valid by construction). Then one new one-subject document is submitted
``--runs`` times under new names with :func:`aiact_kg.registry.submit.submit_inputs` (read,
validate, assess alone, write a new store version), and each is withdrawn again (the pure cost
of writing a version, without validation or reasoning). Figures go to
``results/registry.{json,md}``.
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
from aiact_kg.kb import build_knowledge_base, open_knowledge_base
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.reassess import withdraw
from aiact_kg.registry.store import (
    Entry,
    RegistryWriter,
    derived_triples,
    replace_update,
    write_registry,
)
from aiact_kg.registry.submit import assess_alone, now, options_key, submit_inputs
from aiact_kg.store.layout import DB, VERSIONS, active_version
from aiact_kg.submission.reading import read_rdf_file
from aiact_kg.submission.validation import SubmissionValidator
from benchmarks.generate import write_single_file, write_subject_files

RESULTS = Path(__file__).resolve().parent / "results"
OPTIONS = AssessmentOptions(as_of=date(2026, 11, 22))
UNLIMITED = 2**31 - 1


def _fill(store: Path, work: Path, subjects: int, per_document: int) -> float:
    """Store ``subjects`` generated subjects as submissions of ``per_document`` each."""
    start = time.perf_counter()
    documents = []
    for number, first in enumerate(range(0, subjects, per_document)):
        count = min(per_document, subjects - first)
        path = write_single_file(work / f"fill-{number:05d}.ttl", count, seed=number, valid=True)
        documents.append(read_rdf_file(path, max_bytes=UNLIMITED, max_statements=UNLIMITED))

    def fill(writer: RegistryWriter) -> None:
        for number, document in enumerate(documents):
            run, run_store = assess_alone(document, OPTIONS)
            entry = Entry(
                name=f"fill-{number:05d}",
                file=document.name,
                sha256=document.sha256,
                statements=len(document.quads),
                submitted_at=now(),
                run=run.iri,
                options=options_key(OPTIONS),
                as_of="",
            )
            writer.apply(
                entry.name, replace_update(entry, derived_triples(run_store), document.quads)
            )
            run_store.close()

    write_registry(store, fill)
    return time.perf_counter() - start


def _store_figures(store: Path) -> tuple[int, int]:
    version = active_version(store)
    db = store / VERSIONS / str(version) / DB
    size = sum(path.stat().st_size for path in db.iterdir())
    opened = open_knowledge_base(store)
    try:
        return opened.quad_count(), size
    finally:
        opened.close()


def _one_size(size: int, per_document: int, runs: int, tmp: Path) -> dict[str, object]:
    store = tmp / f"store-{size}"
    build_knowledge_base(store)
    fill_seconds = _fill(store, tmp, size, per_document) if size else 0.0
    quads, size_bytes = _store_figures(store)
    probes = write_subject_files(tmp / f"probe-{size}", runs, seed=4242, valid=True)
    validator = SubmissionValidator()
    submit_seconds, withdraw_seconds, assess_seconds = [], [], []
    for index, path in enumerate(probes):
        document = read_rdf_file(path)
        start = time.perf_counter()
        assess_alone(document, OPTIONS)[1].close()
        assess_seconds.append(time.perf_counter() - start)
        start = time.perf_counter()
        result = submit_inputs(
            store, [str(path)], OPTIONS, name=f"probe-{index}", progress=False, validator=validator
        )
        submit_seconds.append(time.perf_counter() - start)
        assert [o.status for o in result.outcomes] == ["stored"], result
        start = time.perf_counter()
        withdraw(store, f"probe-{index}")
        withdraw_seconds.append(time.perf_counter() - start)
    row: dict[str, object] = {
        "stored_subjects": size,
        "stored_submissions": -(-size // per_document),
        "quads": quads,
        "store_mib": round(size_bytes / 2**20, 1),
        "fill_seconds": round(fill_seconds, 1),
        "submit_ms": round(statistics.median(submit_seconds) * 1000),
        "assess_alone_ms": round(statistics.median(assess_seconds) * 1000),
        "withdraw_ms": round(statistics.median(withdraw_seconds) * 1000),
    }
    print(json.dumps(row), flush=True)
    return row


def run(sizes: list[int], per_document: int, runs: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="aiact-kg-bench-registry-") as tmp:
        rows = [_one_size(size, per_document, runs, Path(tmp)) for size in sizes]
    return {
        "benchmark": "one submission into a growing registry",
        "date": datetime.now(UTC).date().isoformat(),
        "aiact_kg": __version__,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}",
        "per_document": per_document,
        "runs": runs,
        "rows": rows,
    }


def write_results(result: dict[str, object]) -> None:
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "registry.json").write_text(json.dumps(result, indent=2) + "\n")
    lines = [
        "# One submission into a growing registry",
        "",
        f"Run {result['date']}, aiact-kg {result['aiact_kg']}, Python {result['python']}, "
        f"{result['machine']}. Generated subjects (`benchmarks/generate.py`), as of 2026-11-22, "
        f"stored {result['per_document']} per submission; medians of {result['runs']} runs.",
        "",
        "| stored subjects | submissions | quads | store (MiB) | fill (s) | submit one (ms) "
        "| of which assess alone (ms) | withdraw one (ms) |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in result["rows"]:  # type: ignore[attr-defined]
        lines.append(
            f"| {row['stored_subjects']} | {row['stored_submissions']} | {row['quads']} | "
            f"{row['store_mib']} | {row['fill_seconds']} | {row['submit_ms']} | "
            f"{row['assess_alone_ms']} | {row['withdraw_ms']} |"
        )
    lines += [
        "",
        "*Submit one*: `submit_inputs` on a one-subject file, end to end (check the store, read,",
        "validate, assess the document alone, write a new store version). *Assess alone*: the",
        "rules over that document in a store of its own, the same work whatever the registry",
        "holds. *Withdraw one*: the cost of writing a version without validation or reasoning:",
        "a copy of the active version by hard links, one update, a checkpoint, a manifest that",
        "hashes only the files the write created (the others keep their recorded sha256), the",
        "switch. The writer keeps the quad count itself rather than counting the store, and",
        "opens the active version checking file sizes, not hashes (readers still hash every",
        "file when they open a version, see README, The store).",
    ]
    (RESULTS / "registry.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[0, 1000, 10000])
    parser.add_argument("--per-document", type=int, default=500)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    write_results(run(args.sizes, args.per_document, args.runs))


if __name__ == "__main__":
    main()
