"""``aiact-kg reassess`` and ``withdraw``, and the listing of the registry."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat

from aiact_kg.kb.open import open_knowledge_base
from aiact_kg.progress import progress_bar
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.names import submission_graph
from aiact_kg.registry.store import (
    Entry,
    RegistryWriter,
    categories,
    derived_triples,
    read_entries,
    read_entries_at,
    replace_update,
    withdraw_update,
    write_registry,
)
from aiact_kg.registry.submit import (
    Outcome,
    RegistryError,
    RegistryResult,
    assess_alone,
    options_key,
)
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.submission.reading import InputDocument


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


def stored_document(store: OxigraphStore, entry: Entry) -> InputDocument:
    """A stored submission as the rules read it (its statements, name and sha256)."""
    quads = tuple(
        Quad(quad.subject, quad.predicate, quad.object, DefaultGraph())
        for quad in store.raw.quads_for_pattern(
            None, None, None, NamedNode(submission_graph(entry.name))
        )
    )
    return InputDocument(entry.file, RdfFormat.N_QUADS, quads, 0, entry.sha256)


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
        outcomes = []
        for entry in progress_bar(entries.values(), "Reassessing", len(entries), progress):
            run, run_store = assess_alone(stored_document(store, entry), options)
            try:
                update = replace_update(
                    replace(entry, run=run.iri, options=key), derived_triples(run_store)
                )
            finally:
                run_store.close()
            writer.apply(entry.name, update)
            outcomes.append(
                Outcome(
                    entry.name, entry.file, "reassessed", categories(store, entry.name), run.iri
                )
            )
        return outcomes

    outcomes = write_registry(store_path, fill, wait_seconds=wait_seconds)
    return RegistryResult(tuple(outcomes))


def withdraw(store_path: Path, name: str, *, wait_seconds: float = 0.0) -> Entry:
    """Remove a submission's graphs and record; an unknown name is an error (exit 1)."""

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

    def fill(writer: RegistryWriter) -> Entry:
        entry = known(writer.store)
        writer.apply(name, withdraw_update(name))
        return entry

    return write_registry(store_path, fill, wait_seconds=wait_seconds)
