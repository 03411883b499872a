"""Read and validate many inputs in one pass (the engine behind ``aiact-kg validate``)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import BinaryIO

from aiact_kg.gc_pause import paused_gc
from aiact_kg.progress import Progress
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.reading import InputDocument, expand_each, read_inputs
from aiact_kg.submission.validation import SubmissionValidator, ValidationReport


def read_all(
    arguments: Sequence[str],
    *,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
    progress: bool | None = None,
) -> tuple[list[InputDocument], list[InputFormatError]]:
    """Read every input; unreadable ones are returned as errors, not raised."""
    documents: list[InputDocument] = []
    errors: list[InputFormatError] = []
    expanded = expand_each(arguments)  # each directory walked once
    total = sum(len(s) if isinstance(s, list) else 1 for s in expanded)
    meter = Progress("Reading", total, enabled=progress)
    with paused_gc():
        for result in read_inputs(arguments, max_bytes=max_bytes, stdin=stdin, expanded=expanded):
            if isinstance(result, InputFormatError):
                errors.append(result)
            else:
                documents.append(result)
            meter.step()
    meter.close()
    return documents, errors


def validate_inputs(
    arguments: Sequence[str],
    *,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
    progress: bool | None = None,
    validator: SubmissionValidator | None = None,
) -> ValidationReport:
    """Read all inputs, then validate every readable one in a single batched pass."""
    documents, errors = read_all(arguments, max_bytes=max_bytes, stdin=stdin, progress=progress)
    meter = Progress("Validating", enabled=progress)
    meter.note(
        f"Validating {sum(len(d.quads) for d in documents)} statements "
        f"from {len(documents)} document(s)…"
    )
    report = (validator or SubmissionValidator()).validate(documents, errors)
    meter.close()
    return report
