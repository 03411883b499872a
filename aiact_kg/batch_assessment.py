"""Assess many inputs in batches of bounded size, in parallel, with results streamed in order.

The batching rule: **files are the unit**. Inputs are read one at a time, in input order, and
added to the current batch until it holds ``batch_size`` subjects (AI systems and models). A
batch closes only between files, so a file is never split (a file with more subjects than the
batch size is a batch of its own), and only before a file that describes a subject, so files
that describe none (a provider's, say) stay with the batch before them. Each batch is validated
and assessed on its own, exactly as ``assess`` treats all of its inputs, in a fresh embedded
store: a batch with a violation or an unreadable file is not assessed (and is reported with file
and subject), the other batches are; an unreadable input joins the batch open when it is read.
A description spread over several files (a system in one, its provider in another) must have
its files in the same batch: keep it in one file, give the subject's file before the others, or
give ``batch_size=0`` (one batch, as before batching). Were its files split, validation names
the subject and the missing fact.

Every batch of a run shares the run's identity (IRI, start time), so a subject's result does not
depend on the batch it was assessed in. Results come out in input order whatever ``jobs`` is.
"""

from __future__ import annotations

import os
from collections import deque
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from itertools import chain
from multiprocessing import get_context
from typing import Any, BinaryIO, Final

from pyoxigraph import NamedNode, RdfFormat

from aiact_kg.assessment import assess_documents
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun
from aiact_kg.results.assessment import AssessmentResult
from aiact_kg.store.base import KnowledgeStore
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.reading import InputDocument, read_inputs
from aiact_kg.submission.validation import SUBJECT_KINDS, SubmissionValidator

DEFAULT_BATCH_SIZE: Final = 1000
_KINDS: Final = frozenset(NamedNode(str(kind)) for kind in SUBJECT_KINDS)
_RDF_TYPE: Final = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


@dataclass
class Batch:
    """Consecutive inputs assessed together: documents read and inputs that could not be."""

    index: int
    documents: list[InputDocument] = field(default_factory=list)
    errors: list[InputFormatError] = field(default_factory=list)
    subjects: int = 0

    def __getstate__(self) -> dict[str, Any]:
        """Picklable state (a worker receives the batch): formats by media type."""
        documents = [
            replace(d, rdf_format=d.rdf_format.media_type)  # type: ignore[arg-type]
            for d in self.documents
        ]
        return {**self.__dict__, "documents": documents}

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["documents"] = [
            replace(d, rdf_format=RdfFormat.from_media_type(d.rdf_format))
            for d in state["documents"]
        ]
        self.__dict__.update(state)


@dataclass(frozen=True)
class BatchOutcome:
    """The assessment of one batch and its exit code (0, 1 violations, 2 unreadable)."""

    index: int
    result: AssessmentResult
    exit_code: int


def count_subjects(document: InputDocument) -> int:
    """How many AI systems and models a document describes (distinct typed nodes)."""
    return len(
        {q.subject for q in document.quads if q.predicate == _RDF_TYPE and q.object in _KINDS}
    )


def batches(items: Iterable[InputDocument | InputFormatError], batch_size: int) -> Iterator[Batch]:
    """Group documents, in order, into batches of about ``batch_size`` subjects (0: one batch).

    A full batch (``batch_size`` subjects or more) is closed when the next input describing a
    subject comes: inputs that describe none (a provider's file, say) join the batch before them.
    """
    current = Batch(0)
    for item in items:
        subjects = 0 if isinstance(item, InputFormatError) else count_subjects(item)
        if batch_size and subjects and current.subjects >= batch_size:
            yield current
            current = Batch(current.index + 1)
        if isinstance(item, InputFormatError):
            current.errors.append(item)
        else:
            current.documents.append(item)
            current.subjects += subjects
    yield current


def assess_batch(
    batch: Batch,
    options: AssessmentOptions,
    run: AssessmentRun,
    engine_name: str | None = None,
    engine: KnowledgeStore | None = None,
) -> BatchOutcome:
    """Validate and assess one batch in a store of its own (or a run graph of ``engine``)."""
    validation = SubmissionValidator(engine_name).validate(batch.documents, batch.errors)
    report = assess_documents(
        batch.documents, options, validation=validation, engine=engine, keep=False, run=run
    )
    return BatchOutcome(batch.index, report.result, report.exit_code)


def _warm(engine_name: str | None) -> None:
    """Load, once per worker process, what every batch needs: rules, shapes, knowledge base."""
    from aiact_kg.reasoning.engine import _base_quads
    from aiact_kg.reasoning.rules import load_rules

    _base_quads()
    load_rules()
    SubmissionValidator(engine_name)


def default_jobs() -> int:
    """The number of cores this process may use."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def assess_batches(
    items: Iterable[InputDocument | InputFormatError],
    options: AssessmentOptions,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int | None = None,
    run: AssessmentRun | None = None,
    engine_name: str | None = None,
    engine: KnowledgeStore | None = None,
) -> Iterator[BatchOutcome]:
    """Assess ``items`` batch by batch; yields each batch's outcome in input order.

    ``jobs`` worker processes (default: the cores available; 1: in this process, as with a
    remote ``engine``) each keep the knowledge base loaded between batches. At most ``jobs + 1``
    batches are in flight (read, being assessed, or done and waiting for their turn to be
    written), so memory depends on the batch size and ``jobs``, not on the input size.
    """
    run = AssessmentRun() if run is None else run
    jobs = default_jobs() if jobs is None else max(1, jobs)
    grouped = batches(items, batch_size)
    first = next(grouped)
    second = next(grouped, None)
    if second is None or jobs == 1 or engine is not None:  # no worker for a single batch
        for batch in chain((first,), () if second is None else (second,), grouped):
            yield assess_batch(batch, options, run, engine_name, engine)
        return
    grouped = chain((first, second), grouped)
    context = get_context("spawn")  # no fork of a process that runs pyoxigraph's threads
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_warm, initargs=(engine_name,)
    ) as pool:
        pending: deque[Future[BatchOutcome]] = deque()
        for batch in grouped:
            pending.append(pool.submit(assess_batch, batch, options, run, engine_name))
            if len(pending) > jobs:  # one batch waits for the first free worker
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()


def assess_inputs_batched(
    arguments: Sequence[str],
    options: AssessmentOptions,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int | None = None,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
    run: AssessmentRun | None = None,
    engine_name: str | None = None,
    engine: KnowledgeStore | None = None,
) -> Iterator[BatchOutcome]:
    """Read files, directories or stdin lazily and assess them batch by batch, in order."""
    items = read_inputs(arguments, max_bytes=max_bytes, stdin=stdin)
    return assess_batches(
        items,
        options,
        batch_size=batch_size,
        jobs=jobs,
        run=run,
        engine_name=engine_name,
        engine=engine,
    )
