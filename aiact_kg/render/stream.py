"""Streamed renderings of a batched assessment: JSON Lines, and one JSON document.

``assess --format jsonl`` writes one JSON object per line, each with a ``record`` key:
``run`` first (as-of date, law, the run's identity), then per batch, in input order, ``input``
(a file read, with its SHA-256), ``unreadable``, ``violation`` and ``warning`` (a finding of
validation, with file and subject; a warning record also holds notes of severity info) and
``subject`` (the subject as in the JSON report), and ``summary`` last (counts and exit code).
``assess --format json`` writes the document of :func:`assessment_json`; the lists are spooled to
temporary files as batches finish, so memory does not grow with the number of subjects.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Iterable
from typing import IO, Final

from pydantic import BaseModel

from aiact_kg.batch_assessment import BatchOutcome
from aiact_kg.render.assessment import assessment_json
from aiact_kg.results.assessment import AssessmentResult

_SKELETON_KEYS: Final = ("violations", "warnings", "unreadable", "subjects")


def _line(record: str, model: BaseModel) -> str:
    body = model.model_dump_json()
    return f'{{"record":"{record}"' + ("," + body[1:] if body != "{}" else "}") + "\n"


def _exit_code(codes: Iterable[int]) -> int:
    """2 if any batch had unreadable input, else 1 if any had violations, else 0."""
    worst = 0
    for code in codes:
        worst = 2 if 2 in (worst, code) else max(worst, code)
    return worst


def _head(result: AssessmentResult) -> str:
    """The first line's fields: the as-of date, the law and the run (without its inputs)."""
    run = {"iri", "started_at", "knowledge_base"}
    return result.model_dump_json(include={"as_of": True, "law": True, "run": run})


def jsonl_records(result: AssessmentResult) -> str:
    """A batch's records: its inputs, unreadable inputs, violations, warnings and subjects, one
    a line (what :func:`write_jsonl` writes of it; a :data:`~aiact_kg.batch_assessment.Render`)."""
    return "".join(
        _line(record, item)
        for record, items in (
            ("input", result.run.inputs),
            ("unreadable", result.unreadable),
            ("violation", result.violations),
            ("warning", result.warnings),
            ("subject", result.subjects),
        )
        for item in items
    )


def write_jsonl(outcomes: Iterable[BatchOutcome], out: IO[str]) -> int:
    """Write the outcomes as JSON Lines as they come; returns the run's exit code.

    An outcome rendered by :func:`jsonl_records` (in a worker) is written as it was rendered.
    """
    counts = {
        "batches": 0,
        "inputs": 0,
        "unreadable": 0,
        "violations": 0,
        "warnings": 0,
        "subjects": 0,
    }
    codes: list[int] = []
    for outcome in outcomes:
        result = outcome.result
        if not counts["batches"]:
            out.write('{"record":"run",' + _head(result)[1:] + "\n")
        counts["batches"] += 1
        codes.append(outcome.exit_code)
        out.write(jsonl_records(result) if outcome.rendered is None else outcome.rendered)
        counts["inputs"] += len(result.run.inputs)
        counts["unreadable"] += len(result.unreadable)
        counts["violations"] += len(result.violations)
        counts["warnings"] += len(result.warnings)
        counts["subjects"] += outcome.subject_count
        out.flush()
    code = _exit_code(codes)
    summary = {"record": "summary", "valid": code == 0, **counts, "exit_code": code}
    out.write(json.dumps(summary, separators=(",", ":")) + "\n")
    return code


class _Spool:
    """Items of one JSON list written to a temporary file, indented for their depth."""

    def __init__(self, depth: int) -> None:
        self.file = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115
        self.prefix = " " * (2 * depth)
        self.count = 0

    def add(self, item: BaseModel) -> None:
        text = item.model_dump_json(indent=2).replace("\n", "\n" + self.prefix)
        self.file.write((",\n" if self.count else "") + self.prefix + text)
        self.count += 1

    def copy_to(self, out: IO[str], closing: str) -> None:
        if not self.count:
            out.write("[]")
            return
        out.write("[\n")
        self.file.seek(0)
        shutil.copyfileobj(self.file, out)
        out.write("\n" + closing + "]")

    def close(self) -> None:
        self.file.close()


def write_json(outcomes: Iterable[BatchOutcome], out: IO[str]) -> int:
    """Write the outcomes as one JSON document (:func:`assessment_json`'s, over all batches);
    the outcomes must not be rendered (``rendered`` is None).

    ``valid`` is true when no batch had a violation or unreadable input; ``subjects`` lists the
    subjects of the batches that were assessed. Returns the run's exit code.
    """
    spools = {name: _Spool(2) for name in _SKELETON_KEYS}
    inputs = _Spool(3)
    first: AssessmentResult | None = None
    codes: list[int] = []
    try:
        for outcome in outcomes:
            result = outcome.result
            assert outcome.rendered is None, "write_json writes the subjects themselves"
            first = first or result
            codes.append(outcome.exit_code)
            for name in _SKELETON_KEYS:
                for item in getattr(result, name):
                    spools[name].add(item)
            for run_input in result.run.inputs:
                inputs.add(run_input)
        assert first is not None, "there is always one batch"
        code = _exit_code(codes)
        skeleton = first.model_copy(
            update={
                "valid": code == 0,
                **{name: [] for name in _SKELETON_KEYS},
                "run": first.run.model_copy(update={"inputs": []}),
            }
        )
        text = assessment_json(skeleton)
        for name in _SKELETON_KEYS:
            before, text = text.split(f'\n  "{name}": []', 1)
            out.write(before + f'\n  "{name}": ')
            spools[name].copy_to(out, "  ")
        before, text = text.split('\n    "inputs": []', 1)
        out.write(before + '\n    "inputs": ')
        inputs.copy_to(out, "    ")
        out.write(text)
    finally:
        for spool in (*spools.values(), inputs):
            spool.close()
    return code
