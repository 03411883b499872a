"""``aiact-kg reassess`` and ``withdraw``, and the listing of the registry."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from aiact_kg.kb.open import open_knowledge_base
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.groups import Member, assess_groups, with_linked_entries
from aiact_kg.registry.store import (
    Entry,
    RegistryWriter,
    categories,
    options_of,
    read_entries,
    read_entries_at,
    stored_document,
    withdraw_update,
    write_registry,
)
from aiact_kg.registry.submit import (
    Outcome,
    RegistryError,
    RegistryResult,
    options_key,
    write_assessed,
)
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.submission.validation import SubmissionValidator


@dataclass(frozen=True)
class Listed:
    """One stored submission, with the categories of its subjects in its latest assessment."""

    entry: Entry
    subjects: dict[str, set[str]]


def list_registry(store_path: Path) -> list[Listed]:
    store = open_knowledge_base(store_path)
    try:
        return [
            Listed(entry, categories(store, name)) for name, entry in read_entries(store).items()
        ]
    finally:
        store.close()


def reassess(
    store_path: Path,
    options: AssessmentOptions,
    *,
    progress: bool | None = None,
    wait_seconds: float = 0.0,
) -> RegistryResult:
    """Assess every stored submission again and replace its assessment graph (one new version)."""
    if not read_entries_at(store_path):
        return RegistryResult(())
    key = options_key(options)

    def fill(writer: RegistryWriter) -> list[Outcome]:
        store = writer.store
        entries = read_entries(store)
        members = [
            Member(name, stored_document(store, entry), entry, submitted=False)
            for name, entry in entries.items()
        ]
        assessed = assess_groups(members, entries.keys(), options)
        return write_assessed(writer, assessed, key, progress, len(members), "Reassessing")

    outcomes = write_registry(store_path, fill, wait_seconds=wait_seconds)
    return RegistryResult(tuple(outcomes))


@dataclass(frozen=True)
class Withdrawal:
    """A withdrawn submission, and the entries assessed again without it."""

    entry: Entry
    reassessed: tuple[str, ...]


def withdraw(store_path: Path, name: str, *, wait_seconds: float = 0.0) -> Withdrawal:
    """Remove a submission's graphs and record, and assess again the entries its latest
    assessment read with it; an unknown name is an error (exit 1)."""

    def known(store: OxigraphStore) -> Entry:
        entries = read_entries(store)
        if name not in entries:
            names = sorted(entries)
            listed = ", ".join(names[:20]) or "none"
            if len(names) > 20:
                listed += f" and {len(names) - 20:,} more (aiact-kg registry lists them)"
            raise RegistryError(f"no submission named {name!r} in the registry (stored: {listed})")
        return entries[name]

    current = open_knowledge_base(store_path)
    try:
        known(current)  # fail before taking the lock and copying the store
    finally:
        current.close()

    def fill(writer: RegistryWriter) -> Withdrawal:
        entry = known(writer.store)
        writer.apply(name, withdraw_update(name))
        return Withdrawal(entry, _reassess_read_with(writer, entry))

    return write_registry(store_path, fill, wait_seconds=wait_seconds)


def _reassess_read_with(writer: RegistryWriter, withdrawn: Entry) -> tuple[str, ...]:
    """Assess again, without the withdrawn entry, the entries its latest assessment read with
    it (their results rested on its statements), with the options they were assessed with."""
    entries = read_entries(writer.store)
    needed = {name for name in withdrawn.together if name in entries}
    if not needed:
        return ()
    store = writer.store
    members = [
        Member(name, stored_document(store, entries[name]), entries[name], submitted=False)
        for name in sorted(needed)
    ]
    members, needed = with_linked_entries(store, members, needed, entries)
    validation = SubmissionValidator().validate([member.document for member in members])
    if not validation.conforms:
        problems = sorted(
            {
                f"{finding.focus_node}: {finding.message}"
                for subject in validation.subjects
                for finding in subject.findings
                if finding.severity == "violation"
            }
        )
        raise RegistryError(
            f"withdrawing {withdrawn.name} would leave {', '.join(sorted(needed))} not valid "
            f"without it: {' '.join(problems[:3])}{' ...' if len(problems) > 3 else ''} "
            "Withdraw those first, or replace them with documents complete without it; "
            "nothing was changed"
        )
    first = entries[min(needed & entries.keys())]
    assessed = assess_groups(members, needed, options_of(first))
    outcomes = write_assessed(writer, assessed, first.options, False)
    return tuple(outcome.name for outcome in outcomes)
