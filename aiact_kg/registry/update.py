"""SPARQL 1.1 updates of the registry: what ``POST /sparql`` runs for the operator.

An update may change only the operator's own graphs: named graphs whose IRI starts with
``https://w3id.org/aiact-kg/registry/`` and that are not one of a submission's two graphs
(``.../NAME/submission`` and ``.../NAME/assessment``, written only by ``submit``, ``withdraw``
and ``reassess`` so that each stays consistent with its record). The knowledge base (the law,
the ontology, the vocabularies), the default graph, the registry's records and every
submission are protected.

The check is on what the update does, not on how it is written: the update runs on a copy of
the active version (:class:`RegistryWriter`), every protected graph is fingerprinted before
and after (its quad count and the sha256 of its sorted quads), and the copy is published as a
new version (:func:`write_version`) only if no protected graph changed and the changed graphs
hold no term of what the assessment derives (a determination written into an operator's graph
would be counted by the registry's questions as if the rules had drawn it). Readers see the old
version or the new one, never part of an update; a refused or failed update publishes nothing.
An update that changes nothing publishes nothing either. ``LOAD`` and ``SERVICE`` reach only
the operator's allowlist (:func:`check_update`).
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from pyoxigraph import DefaultGraph, NamedNode, Quad, Store

from aiact_kg.errors import AiactKgError, QueryError
from aiact_kg.kb.build import write_version
from aiact_kg.namespaces import PREFIXES, REGISTRY, compact
from aiact_kg.registry.store import RegistryWriter
from aiact_kg.store.layout import STAGING_PREFIX, active_version
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.store.remote import check_update
from aiact_kg.store.syntax import QuerySyntaxError, syntax_error
from aiact_kg.submission.vocabulary import load_vocabulary

DEFAULT_GRAPH = "(the default graph)"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
_SUBMISSION_GRAPHS = ("/submission", "/assessment")


class UpdateRefusedError(AiactKgError):
    """An update would change a graph it may not change; nothing was published. ``message``,
    if given, says why instead (as the update's process reported it)."""

    exit_code = 1

    def __init__(self, graphs: Iterable[str], message: str | None = None) -> None:
        self.graphs = tuple(graphs)
        shown = ", ".join(self.graphs[:10]) + (" ..." if len(self.graphs) > 10 else "")
        super().__init__(
            message
            or f"the update would change {len(self.graphs)} protected graph(s): {shown}. An "
            f"update may change only named graphs under {REGISTRY} that are not a "
            "submission's own graphs (.../NAME/submission, .../NAME/assessment: use POST "
            "/submissions or DELETE /submissions/NAME); the knowledge base, the default "
            "graph and the registry's records are read-only. Nothing was changed"
        )


class DerivedTermsRefusedError(UpdateRefusedError):
    """An update would write what only an assessment derives; nothing was published."""

    def __init__(self, found: Iterable[tuple[str, str]]) -> None:
        found = tuple(found)
        graphs = tuple(sorted({graph for graph, _ in found}))
        terms = sorted({compact(term) for _, term in found})
        shown = ", ".join(terms[:10]) + (" ..." if len(terms) > 10 else "")
        super().__init__(
            graphs,
            f"the update would write terms of what the assessment derives ({shown}) into "
            f"{', '.join(graphs)}: determinations, assessed obligations and their links are "
            "written only by the rules, into a submission's assessment graph, and the "
            "registry's questions count them wherever they are. Nothing was changed",
        )


class _Unchanged(Exception):  # noqa: N818 (not an error: ends the writer without publishing)
    pass


@dataclass(frozen=True)
class UpdateReport:
    """A published update: the new active version, the graphs it changed, its quad count."""

    version: str | None
    changed: tuple[str, ...] | None  # None: published, but by a writer stopped at its end
    quads: int | None


def is_writable(graph: str) -> bool:
    """Whether an update may change the named graph ``graph``: under the registry, not a
    submission's graph, and with no dot segment (``/../``) or escape that a client resolving
    the IRI would turn into another graph's IRI (an outside check wrote a graph that reads as
    the ontology's)."""
    if not graph.startswith(REGISTRY):
        return False
    path = unquote(re.split(r"[?#]", graph[len(REGISTRY) :], maxsplit=1)[0])
    if path.rstrip("/").endswith(_SUBMISSION_GRAPHS) or graph.endswith(_SUBMISSION_GRAPHS):
        return False
    return not any(segment in (".", "..") for segment in path.split("/"))


Fingerprint = tuple[int, str]


def _fingerprint(quads: Iterable[Quad]) -> Fingerprint:
    lines = sorted(str(quad) for quad in quads)
    digest = hashlib.sha256()
    for line in lines:
        digest.update(line.encode("utf-8") + b"\n")
    return len(lines), digest.hexdigest()


def census(store: OxigraphStore) -> dict[str, Fingerprint]:
    """Every graph's fingerprint, the default graph's under :data:`DEFAULT_GRAPH`."""
    raw = store.raw
    found = {DEFAULT_GRAPH: _fingerprint(raw.quads_for_pattern(None, None, None, DefaultGraph()))}
    for graph in raw.named_graphs():  # blank-node graph names too (as ``_:id``)
        key = graph.value if isinstance(graph, NamedNode) else str(graph)
        found[key] = _fingerprint(raw.quads_for_pattern(None, None, None, graph))
    return found


class Censuses:
    """The census of the latest version this process copied or published, by version id.

    Versions never change once published and their ids are unique, so the census of the
    version an update starts from is reused instead of read again (one census per update).
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._known: tuple[Path, str, dict[str, Fingerprint]] | None = None

    def get(self, store_dir: Path, version: str | None) -> dict[str, Fingerprint] | None:
        with self._lock:
            known = self._known
        if known is None or version is None or known[:2] != (store_dir, version):
            return None
        return known[2]

    def put(self, store_dir: Path, version: str | None, found: dict[str, Fingerprint]) -> None:
        if version:
            with self._lock:
                self._known = (store_dir, version, found)

    def latest(self) -> tuple[Path, str, dict[str, Fingerprint]] | None:
        with self._lock:
            return self._known


process_censuses = Censuses()


def _changed(before: dict[str, Fingerprint], after: dict[str, Fingerprint]) -> list[str]:
    return sorted(g for g in before.keys() | after.keys() if before.get(g) != after.get(g))


def _run(store: OxigraphStore | Store, update: str) -> None:
    raw = store if isinstance(store, Store) else store.raw
    try:
        raw.update(update, prefixes=dict(PREFIXES))
    except SyntaxError as error:
        raise syntax_error(str(error), update, "the update request") from None
    except (OSError, ValueError, RuntimeError) as error:  # e.g. DROP of a graph that is not
        raise QueryError(f"the update failed: {error}") from None


def _derived_terms_written(store: OxigraphStore, graphs: Iterable[str]) -> list[tuple[str, str]]:
    """(graph, term) for each term of what the assessment derives (an ontology term that is not
    in the submission vocabulary, as a property or a class) the graphs hold."""
    vocabulary = load_vocabulary()
    derived = vocabulary.terms - vocabulary.input_terms
    found: set[tuple[str, str]] = set()
    for graph in graphs:
        if graph == DEFAULT_GRAPH or graph.startswith("_:"):
            continue
        for quad in store.raw.quads_for_pattern(None, None, None, NamedNode(graph)):
            predicate = quad.predicate.value
            if predicate in derived:
                found.add((graph, predicate))
            elif (
                predicate == _RDF_TYPE
                and isinstance(quad.object, NamedNode)
                and quad.object.value in derived
            ):
                found.add((graph, quad.object.value))
    return sorted(found)


def check_update_text(update: str, allowed_services: Collection[str] = ()) -> tuple[str, ...]:
    """Refuse ``LOAD``/``SERVICE`` outside the allowlist and, without either, a malformed
    update (parsed against an empty store); return the endpoints it reaches."""
    endpoints = check_update(update, allowed_services, PREFIXES)
    if not endpoints:
        try:
            _run(Store(), update)
        except QueryError as problem:
            # only the syntax is checked here: an operation that fails on an empty store
            # (DROP or CLEAR of a named graph without SILENT) is run on the store itself
            if isinstance(problem, QuerySyntaxError):
                raise
    return endpoints


def apply_update(
    store_path: Path,
    update: str,
    *,
    allowed_services: Collection[str] = (),
    wait_seconds: float = 0.0,
    censuses: Censuses | None = None,
) -> UpdateReport:
    """Run ``update`` on a copy of the active version; publish it if it kept to its graphs.

    Raises :class:`QueryError` for a malformed update or a ``LOAD``/``SERVICE`` outside
    ``allowed_services`` (before anything is copied), :class:`UpdateRefusedError` if it would
    change a protected graph, and the store's errors (a busy writer lock after
    ``wait_seconds``: :class:`~aiact_kg.store.locking.StoreLockedError`). ``censuses`` keeps
    the census of the versions it starts from and publishes (default: this process's).
    """
    check_update_text(update, allowed_services)  # fails before the store is copied
    known = process_censuses if censuses is None else censuses
    store_dir = store_path.expanduser().resolve()
    writer = RegistryWriter(store_dir)
    versions: dict[str, str | None] = {}

    def open_copy(path: Path) -> OxigraphStore:
        store = writer.open(path)  # under the writer lock: the active version stays the same
        versions["from"] = active_version(store_dir)
        versions["to"] = path.parent.name.removeprefix(STAGING_PREFIX)
        return store

    def fill(store: OxigraphStore) -> tuple[str, ...]:
        before = known.get(store_dir, versions["from"])
        if before is None:
            before = census(store)
            known.put(store_dir, versions["from"], before)
        _run(store, update)
        after = census(store)
        changed = _changed(before, after)
        refused = [graph for graph in changed if graph == DEFAULT_GRAPH or not is_writable(graph)]
        if refused:
            raise UpdateRefusedError(refused)
        if derived := _derived_terms_written(store, changed):
            raise DerivedTermsRefusedError(derived)
        if not changed:
            raise _Unchanged
        writer.quads += sum(n for n, _ in after.values()) - sum(n for n, _ in before.values())
        known.put(store_dir, versions["to"], after)  # used only once it is published
        return tuple(changed)

    try:
        changed = write_version(
            store_dir, open_copy, fill, wait_seconds=wait_seconds, count=lambda: writer.quads
        )
    except _Unchanged:
        return UpdateReport(active_version(store_dir), (), writer.quads)
    return UpdateReport(active_version(store_dir), changed, writer.quads)
