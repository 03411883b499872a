"""``aiact-kg submit``: validate documents, assess each alone, and keep both in the registry."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

from pyoxigraph import NamedNode

from aiact_kg.batch_plan import subject_classes
from aiact_kg.errors import AiactKgError, InputError
from aiact_kg.kb.open import open_knowledge_base
from aiact_kg.progress import progress_bar
from aiact_kg.queries import run_select
from aiact_kg.reasoning.engine import AssessmentOptions, knowledge_base_digest
from aiact_kg.registry.groups import (
    Assessed,
    Member,
    assess_groups,
    in_member_order,
    with_linked_entries,
)
from aiact_kg.registry.names import REGISTRY_GRAPH, check_name, name_for_file
from aiact_kg.registry.store import (
    Entry,
    RegistryWriter,
    categories,
    read_entries,
    read_entries_at,
    replace_update,
    write_registry,
)
from aiact_kg.store.base import KnowledgeStore
from aiact_kg.store.locking import StoreLockedError
from aiact_kg.submission.batch import read_all
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.reading import InputDocument, submission_base_iri
from aiact_kg.submission.validation import SubmissionValidator, ValidationReport

_RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


class RegistryError(AiactKgError):
    """A registry operation names a submission that is not there (exit code 1)."""

    exit_code = 1


class RegistryBusyError(StoreLockedError):
    """Other writers kept changing the registry while a submission was validated and assessed,
    attempt after attempt: nothing was stored (exit code 3, as for a locked store; a service
    answers 503). Not a finding about the submission, which exit code 1 would say."""


@dataclass(frozen=True)
class Outcome:
    """What happened to one submission: ``stored``, ``replaced``, ``unchanged``, ``reassessed``."""

    name: str
    file: str
    status: str
    subjects: dict[str, set[str]] = field(default_factory=dict)  # subject: categories
    run: str | None = None
    # other stored submissions whose latest assessment concerns one of the same subjects
    shared_with: tuple[str, ...] = ()
    # the other submissions its assessment read with it (they state facts about nodes it
    # names, or it about theirs; see :mod:`aiact_kg.registry.together`)
    assessed_with: tuple[str, ...] = ()


@dataclass(frozen=True)
class RegistryResult:
    """The outcome of ``submit`` or ``reassess``: the validation, and one outcome per document."""

    outcomes: tuple[Outcome, ...]
    validation: ValidationReport | None = None

    @property
    def exit_code(self) -> int:
        """0 stored, 1 nothing stored because of violations, 2 unreadable input."""
        if self.validation is None:
            return 0
        if self.validation.unreadable:
            return 2
        return 0 if self.validation.conforms else 1

    def counts(self) -> dict[str, object]:
        statuses = Counter(outcome.status for outcome in self.outcomes)
        by_category: Counter[str] = Counter()
        assessed = 0
        for outcome in self.outcomes:
            if outcome.status == "unchanged":
                continue
            assessed += len(outcome.subjects)
            for found in outcome.subjects.values():
                by_category.update(found)
        return {
            **{status: statuses.get(status, 0) for status in ("stored", "replaced", "unchanged")},
            **({"reassessed": statuses["reassessed"]} if "reassessed" in statuses else {}),
            "subjects_assessed": assessed,
            "by_category": dict(sorted(by_category.items())),
        }


def options_key(options: AssessmentOptions) -> str:
    """The options of an assessment and the knowledge base it ran on (its digest, which covers
    the rules), as recorded: an identical resubmission compares them, so a submission is
    assessed again once the law's data or the rules change (an outside check found the result
    of the previous rules kept as "unchanged")."""
    law = options.law or "in-force"
    threshold = "default" if options.threshold_flop is None else repr(options.threshold_flop)
    knowledge_base = knowledge_base_digest()[:16]
    return (
        f"as-of={options.as_of.isoformat()};law={law};threshold={threshold}"
        f";knowledge-base={knowledge_base}"
    )


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _names(documents: Sequence[InputDocument]) -> list[str]:
    """Each document's registry name, from its file name; two the same are refused."""
    names = [name_for_file(document.name) for document in documents]
    clashes = sorted(n for n, count in Counter(names).items() if count > 1)
    if clashes:
        raise InputError(
            "several documents would get the same registry name: "
            + ", ".join(clashes)
            + "; submit them separately with --name"
        )
    return names


def _require_subjects(documents: Sequence[InputDocument]) -> None:
    """Each stored document is an entry of its own, so each must describe a system or model.

    (Validation checks this over all inputs together, as ``assess`` reads them together.)
    """
    kinds = {NamedNode(kind) for kind in subject_classes()}
    empty = [
        document.name
        for document in documents
        if not any(q.predicate == _RDF_TYPE and q.object in kinds for q in document.quads)
    ]
    if empty:
        raise RegistryError(
            "each submission must describe an AI system or model on its own (a node typed "
            "aia:AISystem, aia:GeneralPurposeAISystem, aia:GeneralPurposeAIModel or aia:AIModel); "
            f"nothing was stored. Describing nothing: {', '.join(empty)}"
        )


def submit_inputs(
    store_path: Path,
    arguments: Sequence[str],
    options: AssessmentOptions,
    *,
    name: str | None = None,
    max_bytes: int | None = None,
    stdin: BinaryIO | None = None,
    progress: bool | None = None,
    wait_seconds: float = 0.0,
    validator: SubmissionValidator | None = None,
) -> RegistryResult:
    """Read every input, then :func:`submit_documents`."""
    if "-" in arguments and name is None:
        raise InputError("a submission read from standard input ('-') needs --name NAME")
    if name is not None:
        check_name(name)
    read_entries_at(store_path)  # no store: fail before reading anything
    documents, errors = read_all(arguments, max_bytes=max_bytes, stdin=stdin, progress=progress)
    if name is not None and not errors and len(documents) != 1:
        raise InputError(f"--name names one document; {len(documents)} were read")
    return submit_documents(
        store_path,
        documents,
        options,
        errors=errors,
        names=None if name is None else [name],
        progress=progress,
        wait_seconds=wait_seconds,
        validator=validator,
    )


def submit_documents(
    store_path: Path,
    documents: Sequence[InputDocument],
    options: AssessmentOptions,
    *,
    errors: Sequence[InputFormatError] = (),
    names: Sequence[str] | None = None,
    progress: bool | None = False,
    wait_seconds: float = 0.0,
    validator: SubmissionValidator | None = None,
) -> RegistryResult:
    """Validate the documents together with the stored entries they are linked to (as they
    are assessed); if nothing is wrong, assess each group and store the documents, each under
    its name, all in one new version of the store. On any violation or unreadable input (in
    ``errors``) nothing is stored.

    ``names`` gives each document's registry name (default: from its file name).
    """
    validator = validator or SubmissionValidator()
    if errors:
        return RegistryResult((), validator.validate(documents, errors))
    try:
        names = [check_name(n) for n in names] if names is not None else _names(documents)
    except InputError:
        alone = validator.validate(documents)
        if not alone.conforms:  # the findings first, as without a registry
            return RegistryResult((), alone)
        raise
    if len(names) != len(documents) or len(set(names)) != len(names):
        raise InputError("each document needs a registry name of its own")
    for _ in range(_ATTEMPTS - 1):
        try:
            return _submit_once(
                store_path, documents, names, options, validator, progress, wait_seconds
            )
        except _RegistryChanged:
            continue  # another writer changed the registry meanwhile: read it again
    return _submit_once(
        store_path, documents, names, options, validator, progress, wait_seconds, last=True
    )


_ATTEMPTS = 3


class _RegistryChanged(Exception):  # noqa: N818 (not an error: the submission is run again)
    """The registry changed between reading it and writing: what was validated and assessed
    with the stored entries may no longer hold."""


def _same_document(entry: Entry, document: InputDocument) -> bool:
    """Whether ``document`` is the one ``entry`` stored: the same bytes read against the same
    base IRI (relative IRIs and blank nodes resolve against the file's name: the same bytes
    under another name said "unchanged" and kept the old subjects, an outside check)."""
    return entry.sha256 == document.sha256 and submission_base_iri(
        entry.file
    ) == submission_base_iri(document.name)


def _submit_once(
    store_path: Path,
    documents: Sequence[InputDocument],
    names: Sequence[str],
    options: AssessmentOptions,
    validator: SubmissionValidator,
    progress: bool | None,
    wait_seconds: float,
    *,
    last: bool = False,
) -> RegistryResult:
    """One attempt: read the registry, link, validate, assess, and write if the registry is
    as read (else :class:`_RegistryChanged`, or on the ``last`` attempt a RegistryError)."""
    key = options_key(options)
    store = open_knowledge_base(store_path)  # the registry as read (checked again to write)
    try:
        existing = read_entries(store)
        members = [
            Member(name, document, existing.get(name))
            for name, document in zip(names, documents, strict=True)
        ]
        changed = {
            member.name
            for member in members
            if member.entry is None
            or not _same_document(member.entry, member.document)
            or member.entry.options != key
        }
        members, needed = with_linked_entries(store, members, changed, existing)
        # the stored entries the unchanged ones are linked to: validated with them, as stored
        members, _ = with_linked_entries(store, members, set(names) - changed, existing)
    finally:
        store.close()
    validation = validator.validate([member.document for member in members])
    if validation.unreadable or not validation.conforms:
        return RegistryResult((), validation)
    _require_subjects(documents)
    assessed = in_member_order(
        members,
        progress_bar(assess_groups(members, needed, options), "Assessing", len(needed), progress),
    )
    outcomes = [
        Outcome(
            member.name,
            member.document.name,
            "unchanged",
            run=member.entry.run,
            assessed_with=member.entry.together,
        )
        for member in members
        if member.submitted and member.name not in needed and member.entry is not None
    ]
    if assessed:
        outcomes += write_registry(
            store_path,
            lambda writer: write_assessed(
                writer, assessed, key, progress, expected=existing, last=last
            ),
            wait_seconds=wait_seconds,
        )
    return RegistryResult(tuple(outcomes), validation)


def write_assessed(
    writer: RegistryWriter,
    assessed: Iterable[Assessed],
    key: str,
    progress: bool | None,
    total: int | None = None,
    label: str = "Storing",
    *,
    expected: dict[str, Entry] | None = None,
    last: bool = False,
) -> list[Outcome]:
    """Store each assessed member: a submitted document with its statements (``stored`` or
    ``replaced``), an unchanged one or a stored entry read with them with its new result only
    (``reassessed``). A stored entry withdrawn or replaced meanwhile is left as it now is."""
    store = writer.store
    existing = read_entries(store)  # again, under the writer lock
    if expected is not None and existing != expected:
        if last:
            raise RegistryBusyError(
                f"the registry kept changing while this submission was validated and assessed "
                f"({_ATTEMPTS} attempts; other writers); nothing was stored: submit it again "
                "when they pause"
            )
        raise _RegistryChanged
    outcomes = []
    submitted_at = now()
    if total is None and isinstance(assessed, Sequence):
        total = len(assessed)
    for item in progress_bar(assessed, label, total, progress):
        member = item.member
        known = existing.get(member.name)
        if member.submitted and (
            known is None or not _same_document(known, member.document) or known.options != key
        ):
            entry = Entry(
                name=member.name,
                file=member.document.name,
                sha256=member.document.sha256,
                statements=len(member.document.quads),
                submitted_at=submitted_at,
                run=item.run,
                options=key,
                as_of="",
                together=item.together,
            )
            writer.apply(member.name, replace_update(entry, item.derived, member.document.quads))
            status = "stored" if known is None else "replaced"
        elif known is not None and _same_document(known, member.document):
            entry = replace(known, run=item.run, options=key, together=item.together)
            writer.apply(member.name, replace_update(entry, item.derived))
            status = "reassessed"
        else:
            continue
        found = categories(store, member.name)
        shared = _shared_with(store, member.name, found)
        outcomes.append(
            Outcome(member.name, entry.file, status, found, item.run, shared, item.together)
        )
    return outcomes


def _shared_with(store: KnowledgeStore, name: str, subjects: Iterable[str]) -> tuple[str, ...]:
    """The other submissions whose stored assessment concerns one of ``subjects`` (the same
    system described twice, e.g. one document stored under two names): the registry keeps both,
    and its questions count such a subject once per submission."""
    others: set[str] = set()
    registry = NamedNode(REGISTRY_GRAPH)
    for subject in subjects:
        bindings = {"subject": NamedNode(subject), "registry": registry}
        for row in run_select(store, "registry/subject-submissions", bindings).records():
            other = row["name"]
            if other is not None and other.value != name:
                others.add(other.value)
    return tuple(sorted(others))
