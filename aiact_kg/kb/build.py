"""Load every shipped source into its named graph, and build a persistent store atomically."""

from __future__ import annotations

import hashlib
import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat

from aiact_kg import __version__
from aiact_kg.errors import DamagedStoreError, StoreError
from aiact_kg.namespaces import ONTOLOGY, graph_iri
from aiact_kg.resources import external_vocabularies, sources_for
from aiact_kg.store.base import KnowledgeStore
from aiact_kg.store.faults import checkpoint
from aiact_kg.store.layout import (
    DB,
    LEGACY_FILE,
    LINK_PREFIX,
    STAGING_PREFIX,
    TRASH_PREFIX,
    VERSIONS,
    active_version,
    fsync_dir,
    switch_active,
    versions,
)
from aiact_kg.store.locking import READERS_LOCK, StoreLockedError, try_exclusive, writer_lock
from aiact_kg.store.manifest import damaged, known_digests, read_manifest, write_manifest
from aiact_kg.store.oxigraph_store import OxigraphStore

# The checkpoints of a build, in order (crash-injection tests go through every one).
BUILD_STEPS = (
    "locked",
    "staged",
    "loaded",
    "optimized",
    "closed",
    "manifest-written",
    "published",
    "linked",
    "switched",
    "retired",
    "cleaned",
)
_FORMATS = {"turtle": RdfFormat.TURTLE, "xml": RdfFormat.RDF_XML}
_XSD = "http://www.w3.org/2001/XMLSchema#"
_T = TypeVar("_T")


@dataclass(frozen=True)
class LoadedGraph:
    name: str
    iri: str
    files: int
    quads: int


@dataclass(frozen=True)
class BuildReport:
    """What a build put into the store."""

    store_path: Path | None
    graphs: tuple[LoadedGraph, ...]
    total_quads: int
    registry_quads: int = 0  # carried over from the previous version
    registry_problem: str | None = None  # why the registry could not be carried over


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _graph_size(store: KnowledgeStore, iri: str) -> int:
    rows = store.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}").rows
    count = rows[0][0] if rows else None
    return int(count.value) if count is not None else 0


def _record_build(
    store: KnowledgeStore, sources: list[tuple[str, Path]], into: Callable[[str], str]
) -> None:
    """Write build metadata (engine version, time, source files and their hashes)."""
    meta = NamedNode(into(graph_iri("meta")))
    build = NamedNode(graph_iri("meta") + "#build")
    quads = [
        Quad(build, NamedNode(ONTOLOGY + "engineVersion"), Literal(__version__), meta),
        Quad(
            build,
            NamedNode(ONTOLOGY + "builtAt"),
            Literal(
                datetime.now(UTC).isoformat(timespec="seconds"),
                datatype=NamedNode(_XSD + "dateTime"),
            ),
            meta,
        ),
    ]
    for graph, path in sources:
        source = NamedNode(f"{graph_iri('meta')}#source-{path.name}")
        quads += [
            Quad(build, NamedNode(ONTOLOGY + "sourceFile"), source, meta),
            Quad(source, NamedNode(ONTOLOGY + "fileName"), Literal(path.name), meta),
            Quad(source, NamedNode(ONTOLOGY + "loadedInto"), NamedNode(graph), meta),
            Quad(source, NamedNode(ONTOLOGY + "sha256"), Literal(_sha256(path)), meta),
        ]
    store.add_quads(quads)


def _same(iri: str) -> str:
    return iri


def load_knowledge_base(
    store: KnowledgeStore, into: Callable[[str], str] = _same
) -> tuple[LoadedGraph, ...]:
    """Load the shipped ontology, schemes, legal text, obligations, history and vocabularies.

    ``into`` maps each graph's IRI to the graph it is written to (staging graphs on a remote
    engine, see :func:`build_endpoint`); the metadata names the graphs' own IRIs.
    """
    loaded: list[LoadedGraph] = []
    sources: list[tuple[str, Path]] = []
    for source in sources_for("build"):
        for path in source.files:
            store.load_file(path, RdfFormat.TURTLE, into(source.graph_iri))
            sources.append((source.graph_iri, path))
        loaded.append(
            LoadedGraph(
                source.name,
                source.graph_iri,
                len(source.files),
                _graph_size(store, into(source.graph_iri)),
            )
        )
    for vocabulary in external_vocabularies():
        iri = graph_iri(f"external/{vocabulary.name}")
        store.load_file(vocabulary.path, _FORMATS[vocabulary.rdf_format], into(iri))
        sources.append((iri, vocabulary.path))
        loaded.append(
            LoadedGraph(f"external/{vocabulary.name}", iri, 1, _graph_size(store, into(iri)))
        )
    _record_build(store, sources, into)
    return tuple(loaded)


def build_endpoint(store: KnowledgeStore) -> BuildReport:
    """Load the knowledge base into a remote engine's named graphs, replacing what they held.

    Every graph is first written to a staging graph of its own; one update then moves all of
    them onto the knowledge-base graphs (atomic on engines that run an update as one
    transaction, e.g. the Oxigraph server). The engine's other graphs are left alone.
    """
    staging = f"{graph_iri('staging')}/{uuid.uuid4().hex}/"

    def into(iri: str) -> str:
        return staging + iri.removeprefix(graph_iri(""))

    try:
        graphs = load_knowledge_base(store, into)
        targets = [graph.iri for graph in graphs] + [graph_iri("meta")]
        store.replace_graphs({into(iri): iri for iri in targets})
    except BaseException:
        for left in store.named_graphs():  # a failed build leaves nothing behind
            if left.startswith(staging):
                store.clear_graph(left)
        raise
    total = sum(graph.quads for graph in graphs)
    return BuildReport(None, graphs, total)


def _fill_and_flush(store: OxigraphStore, fill: Callable[[OxigraphStore], _T]) -> _T:
    result = fill(store)
    checkpoint("loaded")
    store.raw.flush()
    return result


def _stage(
    staging: Path,
    open_work: Callable[[Path], OxigraphStore],
    fill: Callable[[OxigraphStore], _T],
    *,
    optimize: bool,
    previous: Path | None,
    count: Callable[[], int] | None,
) -> _T:
    """Write a complete version into the ``staging`` directory, with its manifest.

    Files shared with the ``previous`` version (hard links) keep the digests it recorded.
    """
    staging.mkdir()
    (staging / READERS_LOCK).touch()
    checkpoint("staged")
    work = staging / "work"
    store = open_work(work)
    try:
        try:
            result = _fill_and_flush(store, fill)
        except RuntimeError as error:  # the engine found damaged files shared with ``previous``
            if "Corruption" not in str(error):
                raise
            raise damaged(previous.parent.parent if previous else staging, str(error)) from None
        if optimize:
            store.raw.optimize()
        checkpoint("optimized")
        total = count() if count is not None else store.quad_count()
        named = tuple(store.named_graphs())
        # A checkpoint of the flushed store: its tables, without the write-ahead log that a
        # reader would otherwise replay on every open.
        store.raw.backup(str(staging / DB))
    finally:
        store.close()
    shutil.rmtree(work)
    checkpoint("closed")
    write_manifest(staging, total, named, known_digests(previous) if previous else None)
    fsync_dir(staging)
    checkpoint("manifest-written")
    return result


def _remove_leftovers(store_dir: Path) -> None:
    """Remove what crashed writers left: staging and half-removed directories, and the
    temporary link of a switch that did not happen (only a writer makes one)."""
    for entry in (store_dir / VERSIONS).iterdir():
        if entry.name.startswith((STAGING_PREFIX, TRASH_PREFIX)):
            shutil.rmtree(entry, ignore_errors=True)
    for entry in store_dir.iterdir():
        if entry.name.startswith(LINK_PREFIX) and entry.is_symlink():
            entry.unlink()


def remove_leftovers(store_path: Path) -> bool:
    """Remove what a stopped writer left (a staging directory) now, if no writer is at work;
    whether it was done (otherwise the next writer does it)."""
    store_dir = store_path.expanduser().resolve()
    try:
        with writer_lock(store_dir):
            if (store_dir / VERSIONS).is_dir():
                _remove_leftovers(store_dir)
    except StoreLockedError:
        return False
    return True


def _retire_old_versions(store_dir: Path, keep: str) -> None:
    """Remove every version but ``keep``, except those a reader still has open."""
    for version_id in versions(store_dir):
        if version_id == keep:
            continue
        version_dir = store_dir / VERSIONS / version_id
        fd = try_exclusive(version_dir / READERS_LOCK)
        if fd is None and (version_dir / READERS_LOCK).exists():
            continue  # a reader has it open; a later build removes it
        try:
            trash = version_dir.with_name(f"{TRASH_PREFIX}{version_id}")
            version_dir.rename(trash)
        finally:
            if fd is not None:
                os.close(fd)
        checkpoint("retired")
        shutil.rmtree(trash, ignore_errors=True)
    for entry in store_dir.iterdir():  # the RocksDB files of a store built before versions
        if LEGACY_FILE.match(entry.name) and entry.is_file() and not entry.is_symlink():
            entry.unlink()


def _new_version_id() -> str:
    return f"{datetime.now(UTC):%Y%m%dT%H%M%S%f}Z-{os.getpid()}"


def write_version(
    store_path: Path,
    open_work: Callable[[Path], OxigraphStore],
    fill: Callable[[OxigraphStore], _T],
    *,
    wait_seconds: float = 0.0,
    optimize: bool = False,
    count: Callable[[], int] | None = None,
) -> _T:
    """Write a new version of the store and make it the active one atomically.

    Under the writer lock, ``open_work(path)`` opens the store the new version starts from (an
    empty one, or a copy of the active version) and ``fill`` writes into it; the result is
    checkpointed with its manifest into ``versions/<id>`` and ``active`` is switched to it in one
    rename. A failed or killed writer leaves the previous version in use; old versions are
    removed only after the switch, and never while read. ``count`` gives the number of quads
    of the new version when the writer keeps it (counting a large store takes time).
    """
    store_dir = store_path.expanduser().resolve()
    try:
        store_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise StoreError(f"cannot create the store directory {store_dir}: {error}") from None
    with writer_lock(store_dir, wait_seconds):
        checkpoint("locked")
        (store_dir / VERSIONS).mkdir(exist_ok=True)
        _remove_leftovers(store_dir)
        version_id = _new_version_id()
        staging = store_dir / VERSIONS / f"{STAGING_PREFIX}{version_id}"
        try:
            active = active_version(store_dir)
            previous = store_dir / VERSIONS / active if active else None
            result = _stage(
                staging, open_work, fill, optimize=optimize, previous=previous, count=count
            )
            staging.rename(store_dir / VERSIONS / version_id)
        except BaseException:  # a failed writer cleans up; a killed one, the next writer
            shutil.rmtree(staging, ignore_errors=True)
            raise
        fsync_dir(store_dir / VERSIONS)
        checkpoint("published")
        switch_active(store_dir, version_id)
        checkpoint("switched")
        _retire_old_versions(store_dir, keep=version_id)
        checkpoint("cleaned")
    return result


def _carry_registry(
    store_dir: Path, store: OxigraphStore, discard_registry: bool
) -> tuple[int, str | None]:
    """Copy the registry's graphs from the active version, if any; (quads, problem).

    An active version that fails its check (a damaged manifest or file) still holds the
    submissions: they are copied from the engine's files as they are, and the problem is
    reported. Where even those cannot be read the build is refused, since retiring that version
    would lose them, unless ``discard_registry`` says to build without them."""
    from aiact_kg.kb.open import open_knowledge_base

    version = active_version(store_dir)
    if version is None:
        return 0, None
    try:
        previous = open_knowledge_base(store_dir)
    except StoreError as error:
        problem = f"({error.reason})" if isinstance(error, DamagedStoreError) else f"({error})"
        if discard_registry:
            return 0, f"{problem}; its registry was not read (--discard-registry)"
        return _carry_unchecked_registry(store_dir, version, store, problem)
    try:
        return _copy_registry_graphs(previous, store), None
    finally:
        previous.close()


def _copy_registry_graphs(previous: OxigraphStore, store: OxigraphStore) -> int:
    from aiact_kg.registry.names import is_registry_graph

    copied = 0

    def quads() -> Iterator[Quad]:
        nonlocal copied
        for graph in previous.named_graphs():
            if is_registry_graph(graph):
                for quad in previous.raw.quads_for_pattern(None, None, None, NamedNode(graph)):
                    copied += 1
                    yield quad

    # streamed: the new version is only published once complete, so no transaction
    store.raw.bulk_extend(quads())
    return copied


def _recorded_registry(version_dir: Path) -> bool:
    """Whether the manifest of ``version_dir`` names a registry graph (True if unreadable)."""
    from aiact_kg.registry.names import is_registry_graph

    try:
        graphs = read_manifest(version_dir).graphs
    except StoreError:
        return True
    return any(is_registry_graph(graph) for graph in graphs)


def _carry_unchecked_registry(
    store_dir: Path, version: str, store: OxigraphStore, problem: str
) -> tuple[int, str | None]:
    """The registry of the active ``version`` that failed its check, read from its engine files."""
    refusal = (
        f"the active version of the store at {store_dir} failed its check {problem}, and its "
        "registry of submissions cannot be read from the engine's files either: a build now "
        f"would drop it, so nothing was changed. Keep a copy of {store_dir}, then run "
        "'aiact-kg build --discard-registry' to build the knowledge base without it"
    )
    if not _recorded_registry(store_dir / VERSIONS / version):
        return 0, f"{problem}; its build recorded no registry graph, so none was lost"
    try:
        previous = OxigraphStore(store_dir / VERSIONS / version / DB, read_only=True)
    except (StoreError, OSError):
        raise StoreError(refusal) from None
    try:
        copied = _copy_registry_graphs(previous, store)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException:  # the engine's own error on a damaged file
        raise StoreError(refusal) from None
    finally:
        previous.close()
    return copied, (
        f"{problem}; its registry ({copied} quads) was copied from the engine's files as they "
        "are: check its submissions (aiact-kg registry)"
    )


def build_knowledge_base(
    store_path: Path, *, wait_seconds: float = 0.0, discard_registry: bool = False
) -> BuildReport:
    """Build the knowledge base into ``store_path`` and make it the active version atomically.

    Only one writer works on a store at a time: a second one waits up to ``wait_seconds`` for
    the lock, then fails. The new version is complete, with its manifest, before the ``active``
    link is switched to it in one rename, so a failed or killed build leaves the previous knowledge
    base in use; old versions are removed only after the switch, and never while read. The
    registry (submissions and their assessments, see :mod:`aiact_kg.registry`) is carried over
    from the active version into the new one; where the active version cannot be read at all,
    the build is refused unless ``discard_registry`` (a build used to drop the registry then).
    """
    store_dir = store_path.expanduser().resolve()

    def fill(store: OxigraphStore) -> BuildReport:
        graphs = load_knowledge_base(store)
        carried, problem = _carry_registry(store_dir, store, discard_registry)
        return BuildReport(store_dir, graphs, store.quad_count(), carried, problem)

    return write_version(store_dir, OxigraphStore, fill, wait_seconds=wait_seconds, optimize=True)
