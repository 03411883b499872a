"""Validate many inputs in batches of bounded size, written as one pass would write them.

``aiact-kg validate`` reads every input once (pass 1), noting which inputs are *linked*: two
inputs are linked when they share an IRI that one of them states facts about, a named thing's
IRI (outside the project's and the known vocabularies' namespaces) that both use, or a value
of a property whose values the shapes validate as focus nodes (:func:`focus_predicates`: a
literal given as a deployer, say). Linked inputs form one group, never split, so every finding
(the shapes' queries, the Python checks, which subject a finding is grouped under) is what
validating all inputs at once finds; the "nothing described" finding is judged over all
inputs (when no input describes a system or model, all are validated at once). Groups are
packed, in input order, into batches of about ``batch_statements`` statements (a larger group
is a batch of its own); the batches are validated (pass 2) in forked worker processes, each on
its own, and their rows (each subject rendered, or the statements of the SHACL report:
:mod:`aiact_kg.render.shacl_report`), sorted, are spooled to temporary files. Documents read in
pass 1 are kept for pass 2 up to twice the batch size; the others are read again.

The output is the one-pass output, byte for byte: subjects in (file, IRI) order (the spooled
runs are merged), totals and unreadable inputs where they always were. Memory holds a batch
per worker, the documents kept, and a hash per linking term (pass 1).
"""

from __future__ import annotations

import heapq
import json
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from typing import IO, BinaryIO, Final

from pyoxigraph import NamedNode
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from aiact_kg.batch_plan import subject_classes
from aiact_kg.cores import default_jobs
from aiact_kg.errors import InputError
from aiact_kg.gc_pause import paused_gc
from aiact_kg.namespaces import BASE, ELI, PREFIXES
from aiact_kg.progress import Progress
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.external import EXTERNAL_NAMESPACES
from aiact_kg.submission.implied import DECLARING
from aiact_kg.submission.reading import (
    SUBMISSION_BASE,
    InputDocument,
    InputSource,
    expand_each,
    read_inputs,
    read_rdf_file,
    resolve_max_bytes,
)
from aiact_kg.submission.validation import (
    SubjectReport,
    SubmissionValidator,
    ValidationReport,
)
from aiact_kg.union_find import UnionFind

DEFAULT_BATCH_STATEMENTS: Final = 100_000
BATCH_VARIABLE: Final = "AIACT_KG_VALIDATE_BATCH_STATEMENTS"
_TYPE: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_VOCABULARIES: Final = (BASE, "http://data.europa.eu/eli/", ELI, *PREFIXES.values(),
                        *EXTERNAL_NAMESPACES)  # fmt: skip


def resolve_batch_statements(value: int | None) -> int:
    """The batch size: ``value``, else ``$AIACT_KG_VALIDATE_BATCH_STATEMENTS``, else the default
    (0: all inputs in one batch)."""
    if value is None:
        text = os.environ.get(BATCH_VARIABLE, "").strip()
        if not text:
            return DEFAULT_BATCH_STATEMENTS
        try:
            value = int(text)
        except ValueError:
            raise InputError(f"{BATCH_VARIABLE}={text!r} is not a whole number") from None
    if value < 0:
        raise InputError(f"the batch size must be 0 or more statements, not {value}")
    return value


def _named_thing(iri: str) -> bool:
    return iri.startswith(SUBMISSION_BASE) or not iri.startswith(_VOCABULARIES)


def focus_predicates(shapes: Graph) -> frozenset[str]:
    """The properties whose values the shapes validate as focus nodes of their own (objects of
    ``sh:targetObjectsOf``, values of a property shape holding property shapes)."""
    found = {str(p) for p in shapes.objects(None, SH.targetObjectsOf)}
    for shape, path in shapes.subject_objects(SH.path):
        if isinstance(path, URIRef) and (shape, SH.property, None) in shapes:
            found.add(str(path))
    return frozenset(found)


def link_keys(
    document: InputDocument, focus: frozenset[str] = frozenset()
) -> tuple[set[int], bool, set[int], set[int]]:
    """Hashes of the terms by which ``document`` links to others, whether it describes a
    system or model (types a node with a subject kind or a class below one), and hashes of the
    submitter's own terms it uses (as predicate or class) and declares (:data:`DECLARING`).

    The terms: the IRIs it states facts about, the named things it uses, and any value (a
    literal, a vocabulary term) of a property in ``focus`` (:func:`focus_predicates`): a finding
    about such a value is grouped under the first subject using it, as in one pass. An input
    that uses a term another declares is linked to it when the inputs are read
    (:meth:`_Groups.link_declared`): the shapes read it in our terms (:mod:`.implied`)."""
    keys: set[int] = set()
    add = keys.add
    uses: set[int] = set()
    declares: set[int] = set()
    describes = False
    kinds = subject_classes()  # a class of ours below a subject kind types a subject too
    for quad in document.quads:
        subject, value = quad.subject, quad.object
        if type(subject) is NamedNode:
            add(hash(subject.value))
        predicate = quad.predicate.value
        if _named_thing(predicate):
            uses.add(hash(predicate))
        if type(value) is NamedNode:
            iri = value.value
            if predicate != _TYPE:
                if _named_thing(iri) or predicate in focus:
                    add(hash(iri))
                if predicate in DECLARING and type(subject) is NamedNode:
                    declares.update(
                        hash(term) for term in (subject.value, iri) if _named_thing(term)
                    )
            else:
                describes = describes or iri in kinds
                if _named_thing(iri):
                    uses.add(hash(iri))
        elif predicate in focus:
            add(hash(value))
    return keys, describes, uses, declares


@dataclass
class _Entry:
    """A readable input: where to read it again, and its document while kept."""

    source: InputSource | None
    statements: int
    document: InputDocument | None


class _Groups(UnionFind):
    """The entries, joined by shared link keys."""

    def __init__(self) -> None:
        super().__init__()
        self.owner: dict[int, int] = {}
        self.describes = False  # some input describes a system or model
        self.uses: list[tuple[int, set[int]]] = []  # inputs using the submitter's own terms
        self.declarer: dict[int, int] = {}  # a declared term -> the first input declaring it

    def add(
        self,
        keys: set[int],
        describes: bool = False,
        uses: set[int] | None = None,
        declares: set[int] | None = None,
    ) -> None:
        self.describes = self.describes or describes
        index = self.new_item()
        for key in keys:
            first = self.owner.setdefault(key, index)
            if first != index:
                self.union(first, index)
        if uses:
            self.uses.append((index, uses))
        for term in declares or ():
            first = self.declarer.setdefault(term, index)
            if first != index:
                self.union(first, index)

    def link_declared(self) -> None:
        """Join each input with the inputs declaring a term it uses (once all are read)."""
        for index, uses in self.uses:
            for term in uses:
                declarer = self.declarer.get(term)
                if declarer is not None:
                    self.union(declarer, index)
        self.uses.clear()


def plan(entries: Sequence[_Entry], groups: _Groups, batch_statements: int) -> list[list[int]]:
    """The entries of each batch, in input order (see the module docstring)."""
    if batch_statements <= 0:
        return [list(range(len(entries)))] if entries else []
    members: dict[int, list[int]] = {}
    for index in range(len(entries)):
        members.setdefault(groups.find(index), []).append(index)
    batches: list[list[int]] = []
    size = 0
    for index in range(len(entries)):
        group = members.pop(groups.find(index), None)
        if group is None:
            continue
        statements = sum(entries[i].statements for i in group)
        if not batches or (size and size + statements > batch_statements):
            batches.append([])
            size = 0
        batches[-1] += group
        size += statements
    return [sorted(batch) for batch in batches]


@dataclass
class Totals:
    """What the header and the summary of the output say."""

    documents: int = 0
    described: int = 0
    counts: dict[str, int] = field(
        default_factory=lambda: {"violation": 0, "warning": 0, "info": 0}
    )
    unreadable: list[InputFormatError] = field(default_factory=list)

    def add(self, report: ValidationReport) -> None:
        self.documents += report.documents
        self.described += report.described
        for severity in self.counts:
            self.counts[severity] += report.count(severity)

    @property
    def conforms(self) -> bool:
        return not self.unreadable and self.counts["violation"] == 0

    @property
    def exit_code(self) -> int:
        if self.unreadable:
            return 2
        return 1 if self.counts["violation"] else 0


Render = Callable[[SubjectReport], str]
Row = tuple[str, str, str]  # merged by the first two: (file, IRI, rendered subject), or others
Rows = Callable[[ValidationReport, int], list[Row]]  # a batch's report (and number), sorted


def subject_rows(render: Render) -> Rows:
    """The rows of a batch: (file, IRI, ``render``ed subject) of each subject."""

    def rows(report: ValidationReport, batch: int) -> list[Row]:
        return [(s.file, s.iri, render(s)) for s in report.subjects]

    return rows


@dataclass
class StreamedValidation:
    """A validation done in batches: the totals and the rendered subjects, spooled."""

    totals: Totals
    runs: list[IO[str]]
    report: ValidationReport | None = None  # the whole report, when there was one batch

    def subjects(self) -> Iterator[Row]:
        """The rows of every batch merged: with :func:`subject_rows`, (file, IRI, rendered
        subject) of every subject, in (file, IRI) order."""

        def rows(run: IO[str]) -> Iterator[Row]:
            run.seek(0)
            for line in run:
                first, second, text = json.loads(line)
                yield first, second, text

        yield from heapq.merge(*(rows(run) for run in self.runs), key=lambda r: (r[0], r[1]))

    def close(self) -> None:
        for run in self.runs:
            run.close()


def _read_pass(
    arguments: Sequence[str],
    *,
    max_bytes: int | None,
    stdin: BinaryIO | None,
    progress: bool | None,
    keep: int,
    focus: frozenset[str],
) -> tuple[list[_Entry], _Groups, list[InputFormatError]]:
    expanded = expand_each(arguments)
    errors: list[InputFormatError] = []
    entries: list[_Entry] = []
    groups = _Groups()
    kept = 0
    total = sum(len(s) if isinstance(s, list) else 1 for s in expanded)
    meter = Progress("Reading", total, enabled=progress)
    with paused_gc():
        for sources in expanded:
            if isinstance(sources, InputFormatError):
                errors.append(sources)
                meter.step()
                continue
            for source in sources:
                (result,) = read_inputs((), max_bytes=max_bytes, stdin=stdin, expanded=[[source]])
                meter.step()
                if isinstance(result, InputFormatError):
                    errors.append(result)
                    continue
                statements = len(result.quads)
                groups.add(*link_keys(result, focus))
                retained = source.path is None or kept + statements <= keep
                if retained:
                    kept += statements
                entries.append(_Entry(source, statements, result if retained else None))
    meter.close()
    groups.link_declared()
    return entries, groups, errors


def validate_streamed(
    arguments: Sequence[str],
    rows: Rows | None,
    *,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
    progress: bool | None = None,
    validator: SubmissionValidator | None = None,
    batch_statements: int | None = None,
    jobs: int | None = None,
) -> StreamedValidation:
    """Validate every input in batches (see the module docstring), ``jobs`` at a time in worker
    processes (default: one per core); ``rows`` cuts a batch's report into the rows spooled
    (:func:`subject_rows`). With one batch (or no ``rows``) the whole report is kept instead
    (``report``)."""
    limit = resolve_max_bytes(max_bytes)
    size = resolve_batch_statements(batch_statements)
    validator = validator or SubmissionValidator()
    entries, groups, errors = _read_pass(
        arguments,
        max_bytes=limit,
        stdin=stdin,
        progress=progress,
        keep=2 * size if size else 1 << 62,
        focus=focus_predicates(validator.shapes),
    )
    # with nothing described anywhere, every file's finding names what all inputs use: one batch
    batches = plan(entries, groups, size if groups.describes else 0)
    del groups
    totals = Totals(unreadable=errors)
    if len(batches) <= 1 or rows is None:
        documents = [_document(entry, limit) for entry in entries]
        del entries
        errors += [d for d in documents if isinstance(d, InputFormatError)]
        report = validator.validate([d for d in documents if isinstance(d, InputDocument)], errors)
        totals.add(report)
        return StreamedValidation(totals, [], report)
    global _WORK
    _WORK = (entries, validator, rows, limit)
    runs: list[IO[str]] = []
    meter = Progress("Validating batch", len(batches), enabled=progress)
    workers = min(resolve_jobs(jobs), len(batches))
    try:
        with _pool(workers) as pool:
            numbered = list(enumerate(batches))
            done = pool.map(_validate_batch, numbered) if pool else map(_validate_batch, numbered)
            for batch, result in zip(batches, done, strict=True):
                for i in batch:
                    entries[i].document = None
                totals.documents += result.documents
                totals.described += result.described
                for severity, count in result.counts.items():
                    totals.counts[severity] += count
                totals.unreadable += result.unreadable
                run = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115 (see .close)
                run.writelines(result.rows)
                runs.append(run)
                meter.step()
    finally:
        _WORK = None
    meter.close()
    return StreamedValidation(totals, runs)


def resolve_jobs(jobs: int | None) -> int:
    """Worker processes: ``jobs``, else the cores this process may use."""
    if jobs is not None:
        if jobs < 1:
            raise InputError(f"--jobs must be 1 or more, not {jobs}")
        return jobs
    return default_jobs()


@contextmanager
def _pool(workers: int) -> Iterator[ProcessPoolExecutor | None]:
    """Forked workers (they inherit the documents kept and the compiled shapes), or None to
    validate here (one worker, or no ``fork`` on this platform)."""
    if workers < 2 or "fork" not in get_all_start_methods():
        yield None
        return
    with ProcessPoolExecutor(workers, mp_context=get_context("fork")) as pool:
        yield pool


@dataclass
class _BatchResult:
    rows: list[str]  # one spooled line per row, in row order
    documents: int
    described: int
    counts: dict[str, int]
    unreadable: list[InputFormatError]


# what the batches read: set before the workers fork (they inherit it), cleared after
_WORK: tuple[list[_Entry], SubmissionValidator, Rows, int] | None = None


def _validate_batch(numbered: tuple[int, list[int]]) -> _BatchResult:
    assert _WORK is not None
    entries, validator, rows, limit = _WORK
    number, batch = numbered
    documents = [_document(entries[i], limit) for i in batch]
    for i in batch:
        entries[i].document = None  # (a worker's copy too: freed once validated)
    unreadable = [d for d in documents if isinstance(d, InputFormatError)]
    report = validator.validate(
        [d for d in documents if isinstance(d, InputDocument)], described_elsewhere=True
    )
    del documents
    return _BatchResult(
        [json.dumps(row) + "\n" for row in rows(report, number)],
        report.documents,
        report.described,
        {severity: report.count(severity) for severity in ("violation", "warning", "info")},
        unreadable,
    )


def _document(entry: _Entry, limit: int) -> InputDocument | InputFormatError:
    """The entry's document, kept or read again (an input changed since is unreadable)."""
    if entry.document is not None:
        return entry.document
    assert entry.source is not None
    assert entry.source.path is not None
    try:
        return read_rdf_file(entry.source.path, max_bytes=limit, name=entry.source.name)
    except InputFormatError as error:
        return error
