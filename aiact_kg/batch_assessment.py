"""Assess many inputs in batches of bounded size, in parallel, with results streamed in order.

The batching rule: a subject's result never depends on how its inputs are split into files or
batches. Every input is first scanned (:mod:`.batch_plan`; in the worker processes when there
is much to read, else here, keeping what was read for the batches assessed here): a file
that mentions an AI system or model another file describes (or a provider, deployer or model
event that file states facts about) is assessed in the same batch as that file; files that
describe no system or model (a provider's, say) are added to every batch that needs them, and
reported (read, findings) by one. Linked files that describe subjects are never separated (a
group with more subjects than ``batch_size`` is a batch of its own); groups are packed in input
order into batches of about ``batch_size`` subjects. Workers then read, validate and assess
their batches, each in a fresh embedded store (or a run graph of a remote ``engine``), exactly
as ``assess`` treats all of its inputs: a batch with a violation is not assessed (and is
reported with file and subject), the others are. An unreadable input is reported (exit code 2)
but stops no batch: it joins the batch open at its place, whose other inputs are assessed. With
``batch_size=0`` (one batch, as before batching) an unreadable input stops the whole run, as
it always did. Standard input is one document, read by this process.

Every batch of a run shares the run's identity (IRI, start time), so a subject's result does
not depend on the batch it was assessed in. Results come out in input order (of each batch's
first input) whatever ``jobs`` is. Workers are forked, where the platform can, from this
process once it has loaded the knowledge base, rules and shapes, so that they share them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from multiprocessing import get_all_start_methods, get_context
from multiprocessing.context import BaseContext
from typing import Any, BinaryIO, Final

from pyoxigraph import NamedNode, RdfFormat

from aiact_kg.assessment import assess_documents
from aiact_kg.batch_plan import FileScan, PlannedBatch, iri_hash, plan_batches, scan_document
from aiact_kg.cores import default_jobs
from aiact_kg.namespaces import CHECK
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun
from aiact_kg.results.assessment import AssessmentResult
from aiact_kg.results.validation import Unreadable
from aiact_kg.store.base import KnowledgeStore
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.findings import Finding
from aiact_kg.submission.reading import (
    STDIN_NAME,
    InputDocument,
    InputSource,
    SameFileNames,
    expand_inputs,
    read_rdf_file,
    read_stdin,
    resolve_max_bytes,
)
from aiact_kg.submission.skolem import blank_label
from aiact_kg.submission.validation import SubmissionValidator, ValidationReport

DEFAULT_BATCH_SIZE: Final = 1000
_SCAN_CHUNK: Final = 64  # inputs scanned per task sent to a worker
_SCAN_HERE_BYTES: Final = 2 * 1024 * 1024  # less to read: scanned without starting workers
# statements kept per subject of a batch, of the documents the scan read in this process (so
# about two batches of ~50 statements per subject, ~400 bytes each in memory)
_KEEP_PER_SUBJECT: Final = 100

Entry = InputSource | InputDocument | InputFormatError
"""An input: a file to read (in a worker), a document already read (stdin), or an error."""


@dataclass
class Batch:
    """The inputs assessed together, in input order, the names of the inputs it holds that
    another batch reports (``foreign``), and the IRIs (hashes) they describe that an input of
    another batch links to (``linked_elsewhere``). ``blocking``: an unreadable input stops the
    batch (the one batch of ``batch_size=0``)."""

    index: int
    entries: list[Entry] = field(default_factory=list)
    foreign: frozenset[str] = frozenset()
    blocking: bool = False
    max_bytes: int | None = None
    linked_elsewhere: frozenset[int] = frozenset()
    subjects_elsewhere: frozenset[int] = frozenset()

    def __getstate__(self) -> dict[str, Any]:
        """Picklable state (a worker receives the batch): formats by media type."""
        entries = [
            replace(e, rdf_format=e.rdf_format.media_type)  # type: ignore[arg-type]
            if isinstance(e, InputDocument)
            else e
            for e in self.entries
        ]
        return {**self.__dict__, "entries": entries}

    def __setstate__(self, state: dict[str, Any]) -> None:
        state["entries"] = [
            replace(e, rdf_format=RdfFormat.from_media_type(e.rdf_format))  # type: ignore[arg-type]
            if isinstance(e, InputDocument)
            else e
            for e in state["entries"]
        ]
        self.__dict__.update(state)

    def read(self) -> tuple[list[InputDocument], list[InputFormatError]]:
        """The documents of the batch, in order, and the inputs that could not be read."""
        documents: list[InputDocument] = []
        errors: list[InputFormatError] = []
        for entry in self.entries:
            if isinstance(entry, InputSource):
                entry = _read_source(entry, self.max_bytes)
            if isinstance(entry, InputFormatError):
                errors.append(entry)
            else:
                documents.append(entry)
        return documents, errors


def _read_source(source: InputSource, max_bytes: int | None) -> InputDocument | InputFormatError:
    assert source.path is not None, "standard input is read by the main process"
    try:
        return read_rdf_file(source.path, max_bytes=max_bytes, name=source.name)
    except InputFormatError as error:
        return error


Render = Callable[[AssessmentResult], str]
"""Renders a batch's records (e.g. its JSON Lines) where the batch was assessed."""


@dataclass(frozen=True)
class BatchOutcome:
    """The assessment of one batch and its exit code (0, 1 violations, 2 unreadable).

    ``rendered``: the batch's records as a :data:`Render` wrote them in the worker, which then
    sends the result without its subjects (``subject_count`` of them): text is far cheaper to
    send between processes than the models, and the writing process does not render them.
    """

    index: int
    result: AssessmentResult
    exit_code: int
    rendered: str | None = None
    subject_count: int = 0

    @classmethod
    def of(
        cls, index: int, result: AssessmentResult, code: int, render: Render | None
    ) -> BatchOutcome:
        """The outcome, with the records rendered (and the subjects left out) if ``render``."""
        if render is None:
            return cls(index, result, code, None, len(result.subjects))
        text, count = render(result), len(result.subjects)
        return cls(index, result.model_copy(update={"subjects": []}), code, text, count)


def assess_batch(
    batch: Batch,
    options: AssessmentOptions,
    run: AssessmentRun,
    engine_name: str | None = None,
    engine: KnowledgeStore | None = None,
    render: Render | None = None,
) -> BatchOutcome:
    """Read, validate and assess one batch in a store of its own (or a run graph of ``engine``);
    ``render`` renders its records (see :class:`BatchOutcome`)."""
    documents, errors = batch.read()
    validator = SubmissionValidator(engine_name)
    validation = validator.validate(documents, errors if batch.blocking else ())
    if batch.linked_elsewhere or batch.subjects_elsewhere:
        validation = _without_elsewhere(validation, batch)
    report = assess_documents(
        documents, options, validation=validation, engine=engine, keep=False, run=run
    )
    result, code = report.result, report.exit_code
    if errors and not batch.blocking:  # reported, without stopping the batch's other inputs
        unreadable = [Unreadable.of(error) for error in errors]
        result = result.model_copy(update={"valid": False, "unreadable": unreadable})
        code = 2
    if batch.foreign:  # party files another batch reports: their findings and inputs once
        result = _without_foreign(result, documents, batch.foreign)
    return BatchOutcome.of(batch.index, result, code, render)


_UNLINKED: Final = CHECK + "unlinked-node"


# the shape asking what a node with a system's or model's facts is (aiash:SubjectKind)
_SUBJECT_KIND: Final = "https://w3id.org/aiact-kg/shapes/submission#SubjectKind"


def _without_elsewhere(validation: ValidationReport, batch: Batch) -> ValidationReport:
    """``validation`` without the unlinked-node findings about IRIs an input of another batch
    links to (this batch reads the file describing them, not the one linking them), and without
    the subject-kind findings about subjects only another batch types (this batch reads a file
    naming them, not the one typing them)."""

    def kept(finding: Finding) -> bool:
        elsewhere = {_UNLINKED: batch.linked_elsewhere, _SUBJECT_KIND: batch.subjects_elsewhere}
        iris = elsewhere.get(finding.shape)
        return iris is None or iri_hash(finding.focus_node) not in iris

    subjects = tuple(
        replace(subject, findings=tuple(f for f in subject.findings if kept(f)))
        for subject in validation.subjects
    )
    return replace(validation, subjects=subjects)


def _without_foreign(
    result: AssessmentResult, documents: Sequence[InputDocument], foreign: frozenset[str]
) -> AssessmentResult:
    """``result`` without the inputs ``foreign`` and the findings about nodes only they describe
    (another batch, their home, reports them)."""
    described: dict[str, bool] = {}  # node -> described by a file of this batch's own
    for document in documents:
        own = document.name not in foreign
        for quad in document.quads:
            if not isinstance(quad.subject, NamedNode):
                continue
            node = blank_label(quad.subject.value)
            described[node] = described.get(node, False) or own
    return result.model_copy(
        update={
            "violations": [v for v in result.violations if described.get(v.focus_node, True)],
            "warnings": [w for w in result.warnings if described.get(w.focus_node, True)],
            "run": result.run.model_copy(
                update={"inputs": [i for i in result.run.inputs if i.file not in foreign]}
            ),
        }
    )


def _scan_entries(entries: Sequence[tuple[int, Entry]], max_bytes: int | None) -> list[FileScan]:
    """Read and scan inputs (in a worker): what :func:`~.batch_plan.plan_batches` needs."""
    return _scan_keeping(entries, max_bytes, 0)[0]


def _scan_keeping(
    entries: Sequence[tuple[int, Entry]], max_bytes: int | None, keep: int
) -> tuple[list[FileScan], dict[int, Entry]]:
    """Read and scan inputs, and what was read of them (a document, or why it could not be
    read) while the documents kept hold at most ``keep`` statements: a batch assessed in this
    process takes them instead of reading its files again."""
    scans: list[FileScan] = []
    kept: dict[int, Entry] = {}
    for index, entry in entries:
        if isinstance(entry, InputSource):
            entry = _read_source(entry, max_bytes)
            if isinstance(entry, InputFormatError) or len(entry.quads) <= keep:
                kept[index] = entry
                keep -= 0 if isinstance(entry, InputFormatError) else len(entry.quads)
        if isinstance(entry, InputFormatError):
            scans.append(FileScan(index, error=entry))
        else:
            scans.append(scan_document(index, entry))
    return scans, kept


def _warm(engine_name: str | None) -> None:
    """Load, once per process, what every batch needs: rules, shapes, knowledge base."""
    from aiact_kg.reasoning.engine import _base_quads
    from aiact_kg.reasoning.rules import load_rules

    _base_quads()
    load_rules()
    SubmissionValidator(engine_name)


def _workers(engine_name: str | None) -> BaseContext:
    """How the workers start: forked where the platform can, after :func:`_warm` has run here,
    so that they share what it loaded instead of each importing and loading it again (this
    process has opened no store, so no pyoxigraph thread is forked); else spawned, each
    warming itself (the initializer, a no-op in a forked worker)."""
    if "fork" not in get_all_start_methods():
        return get_context("spawn")
    _warm(engine_name)
    return get_context("fork")


def collect_inputs(
    arguments: Sequence[str], *, max_bytes: int | None = None, stdin: BinaryIO | None = None
) -> Iterator[Entry]:
    """The inputs named by ``arguments`` (files, directories, ``-``), in order: files to read,
    standard input read now (one document), and the arguments that name nothing readable."""
    import sys

    stdin_seen = False
    names = SameFileNames()
    for argument in arguments:
        try:
            if argument == "-" and stdin_seen:
                raise InputFormatError(
                    STDIN_NAME, "standard input ('-') can be read only once; give '-' once."
                )
            sources = [names.source(source) for source in expand_inputs([argument])]
        except InputFormatError as error:
            yield error
            continue
        stdin_seen = stdin_seen or argument == "-"
        for source in sources:
            if source.path is not None:
                yield source
                continue
            stream = stdin or getattr(sys.stdin, "buffer", None)
            try:
                yield read_stdin(stream, max_bytes=max_bytes)
            except InputFormatError as error:
                yield error


def _scan_all(
    entries: Sequence[Entry],
    pool: Executor | None,
    max_bytes: int | None,
    jobs: int,
    keep: int = 0,
) -> tuple[list[FileScan], dict[int, Entry]]:
    """Scan every input: files in the workers (in parallel), documents already read here; and
    the inputs read here and kept (at most ``keep`` statements, see :func:`_scan_keeping`)."""
    numbered = list(enumerate(entries))
    files = [(i, e) for i, e in numbered if isinstance(e, InputSource)]
    scans = _scan_entries([(i, e) for i, e in numbered if not isinstance(e, InputSource)], None)
    kept: dict[int, Entry] = {}
    if pool is None:
        found, kept = _scan_keeping(files, max_bytes, keep)
        scans += found
    else:
        size = max(1, min(_SCAN_CHUNK, len(files) // (4 * jobs)))
        chunks = [files[i : i + size] for i in range(0, len(files), size)]
        futures = [pool.submit(_scan_entries, chunk, max_bytes) for chunk in chunks]
        scans += [scan for future in futures for scan in future.result()]
    return sorted(scans, key=lambda scan: scan.index), kept


def _small(entries: Sequence[Entry]) -> bool:
    """True when the files to read are small enough to scan without starting workers."""
    total = 0
    for entry in entries:
        if isinstance(entry, InputSource) and entry.path is not None:
            try:
                total += entry.path.stat().st_size
            except OSError:
                continue
            if total > _SCAN_HERE_BYTES:
                return False
    return True


def _planned(
    entries: Sequence[Entry],
    plan: Sequence[PlannedBatch],
    max_bytes: int | None,
    kept: dict[int, Entry] | None = None,
) -> Iterator[Batch]:
    """The batches of ``plan``, made as they are asked for; an input in ``kept`` (read by the
    scan) is taken from there, and dropped from it once the last batch holding it is made."""
    kept = {} if kept is None else kept
    last = {i: planned.index for planned in plan for i in planned.inputs if i in kept}
    for planned in plan:
        yield Batch(
            planned.index,
            [
                (kept.pop(i) if last[i] == planned.index else kept[i]) if i in kept else entries[i]
                for i in planned.inputs
            ],
            frozenset(_name(entries[i]) for i in planned.foreign),
            max_bytes=max_bytes,
            linked_elsewhere=frozenset(planned.linked_elsewhere),
            subjects_elsewhere=frozenset(planned.subjects_elsewhere),
        )


def _name(entry: Entry) -> str:
    return entry.name


def assess_batches(
    items: Iterable[Entry],
    options: AssessmentOptions,
    *,
    batch_size: int = DEFAULT_BATCH_SIZE,
    jobs: int | None = None,
    run: AssessmentRun | None = None,
    engine_name: str | None = None,
    engine: KnowledgeStore | None = None,
    max_bytes: int | None = None,
    render: Render | None = None,
) -> Iterator[BatchOutcome]:
    """Assess ``items`` batch by batch; yields each batch's outcome in input order.

    ``jobs`` worker processes (default: the cores available; 1: in this process, as with a
    remote ``engine``) scan the inputs, then read and assess the batches, each keeping the
    knowledge base loaded between batches. At most ``jobs + 1`` batches are in flight, so
    memory depends on the batch size and ``jobs``; the plan keeps a few hashes per input. Inputs
    scanned in this process are read once: the documents the scan read (up to
    :data:`_KEEP_PER_SUBJECT` statements per subject of a batch) are kept for their batches.
    """
    run = AssessmentRun() if run is None else run
    jobs = default_jobs() if jobs is None else max(1, jobs)
    max_bytes = resolve_max_bytes(max_bytes)
    entries = list(items)
    if batch_size <= 0:  # one batch, as before batching: read and assessed here
        batch = Batch(0, entries, blocking=True, max_bytes=max_bytes)
        yield assess_batch(batch, options, run, engine_name, engine, render)
        return
    here = jobs == 1 or engine is not None
    planned: list[Batch] | None = None
    if here or _small(entries):
        scans, kept = _scan_all(entries, None, max_bytes, 1, batch_size * _KEEP_PER_SUBJECT)
        plan = plan_batches(scans, batch_size)
        if here or len(plan) == 1:  # no worker for a single batch; each input read once
            for batch in _planned(entries, plan, max_bytes, kept):
                yield assess_batch(batch, options, run, engine_name, engine, render)
            return
        del kept  # the workers read their batches' files (sending documents costs more)
        planned = list(_planned(entries, plan, max_bytes))
    # no more workers than there is work for (every worker is started at the first task: 150
    # jobs for two inputs started 150 processes, an outside check); a batch holds whole files
    jobs = min(jobs, len(planned) if planned is not None else len(entries))
    with ProcessPoolExecutor(
        jobs, mp_context=_workers(engine_name), initializer=_warm, initargs=(engine_name,)
    ) as pool:
        if planned is None:
            scans = _scan_all(entries, pool, max_bytes, jobs)[0]
            planned = list(_planned(entries, plan_batches(scans, batch_size), max_bytes))
        pending: deque[Future[BatchOutcome]] = deque()
        for batch in planned:
            task = (batch, options, run, engine_name, None, render)
            pending.append(pool.submit(assess_batch, *task))
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
    render: Render | None = None,
) -> Iterator[BatchOutcome]:
    """Assess the files, directories or stdin named by ``arguments`` batch by batch, in order."""
    limit = resolve_max_bytes(max_bytes)
    return assess_batches(
        collect_inputs(arguments, max_bytes=limit, stdin=stdin),
        options,
        batch_size=batch_size,
        jobs=jobs,
        run=run,
        engine_name=engine_name,
        engine=engine,
        max_bytes=limit,
        render=render,
    )
