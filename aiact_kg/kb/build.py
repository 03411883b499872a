"""Load every shipped source into its named graph, and build a persistent store atomically."""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from pyoxigraph import Literal, NamedNode, Quad, RdfFormat

from aiact_kg import __version__
from aiact_kg.namespaces import ONTOLOGY, graph_iri
from aiact_kg.resources import external_vocabularies, knowledge_base_sources
from aiact_kg.store.oxigraph_store import OxigraphStore

_FORMATS = {"turtle": RdfFormat.TURTLE, "xml": RdfFormat.RDF_XML}
_XSD = "http://www.w3.org/2001/XMLSchema#"


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


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _graph_size(store: OxigraphStore, iri: str) -> int:
    return sum(1 for _ in store.raw.quads_for_pattern(None, None, None, NamedNode(iri)))


def _record_build(store: OxigraphStore, sources: list[tuple[str, Path]]) -> None:
    """Write build metadata (engine version, time, source files and their hashes)."""
    meta = NamedNode(graph_iri("meta"))
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
    store.raw.extend(quads)


def load_knowledge_base(store: OxigraphStore) -> tuple[LoadedGraph, ...]:
    """Load the shipped ontology, schemes, legal text, obligations, history and vocabularies."""
    loaded: list[LoadedGraph] = []
    sources: list[tuple[str, Path]] = []
    for source in knowledge_base_sources():
        for path in source.files:
            store.load_file(path, RdfFormat.TURTLE, source.graph_iri)
            sources.append((source.graph_iri, path))
        loaded.append(
            LoadedGraph(
                source.name,
                source.graph_iri,
                len(source.files),
                _graph_size(store, source.graph_iri),
            )
        )
    for vocabulary in external_vocabularies():
        iri = graph_iri(f"external/{vocabulary.name}")
        store.load_file(vocabulary.path, _FORMATS[vocabulary.rdf_format], iri)
        sources.append((iri, vocabulary.path))
        loaded.append(LoadedGraph(f"external/{vocabulary.name}", iri, 1, _graph_size(store, iri)))
    _record_build(store, sources)
    return tuple(loaded)


def build_knowledge_base(store_path: Path) -> BuildReport:
    """Build the knowledge base into ``store_path``, replacing any earlier build atomically.

    The new store is written next to the old one and swapped in only when complete, so a
    failed build leaves the previous knowledge base untouched.
    """
    store_path = store_path.expanduser().resolve()
    store_path.parent.mkdir(parents=True, exist_ok=True)
    staging = store_path.with_name(store_path.name + ".building")
    retired = store_path.with_name(store_path.name + ".previous")
    for leftover in (staging, retired):
        if leftover.exists():
            shutil.rmtree(leftover)
    store = OxigraphStore(staging)
    try:
        graphs = load_knowledge_base(store)
        store.raw.optimize()
        total = store.quad_count()
    finally:
        store.close()
    if store_path.exists():
        store_path.rename(retired)
    staging.rename(store_path)
    if retired.exists():
        shutil.rmtree(retired)
    return BuildReport(store_path, graphs, total)
