"""Reading and writing the registry's graphs inside a store version.

A submission ``<name>`` has three parts, all replaced or removed together by one SPARQL update
(one pyoxigraph transaction):

- ``<registry/<name>/submission>``: the document's statements, whatever graph the input named;
- ``<registry/<name>/assessment>``: the derived graph of its latest assessment (the CONSTRUCT
  of ``queries/assess/construct-results.rq``: run, determinations, premises, obligations);
- the record ``<registry/<name>>`` in ``<graph/registry>``: name, file, sha256, statement
  count, submission time, the two graph IRIs, the assessment run and its options.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TypeVar

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, Triple

from aiact_kg.batch_plan import linkable
from aiact_kg.kb.build import write_version
from aiact_kg.kb.open import open_knowledge_base
from aiact_kg.namespaces import ONTOLOGY
from aiact_kg.queries import get_query, with_prefixes
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.apart import linked_graphs, named_nodes
from aiact_kg.registry.names import (
    REGISTRY_GRAPH,
    assessment_graph,
    entry_iri,
    name_of_submission_graph,
    submission_graph,
)
from aiact_kg.store.base import KnowledgeStore
from aiact_kg.store.faults import checkpoint
from aiact_kg.store.layout import VERSIONS, active_version
from aiact_kg.store.manifest import read_manifest
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.submission.reading import SUBMISSION_BASE, InputDocument

_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_T = TypeVar("_T")


def _aia(name: str) -> NamedNode:
    return NamedNode(ONTOLOGY + name)


@dataclass(frozen=True)
class Entry:
    """The record of one stored submission."""

    name: str
    file: str
    sha256: str
    statements: int
    submitted_at: str
    run: str
    options: str
    as_of: str
    # the other entries its latest assessment read with it (see :mod:`.together`)
    together: tuple[str, ...] = ()

    @property
    def submission_graph(self) -> str:
        return submission_graph(self.name)

    @property
    def law(self) -> str:
        """The law version its latest assessment was asked for (``in-force``: the version in
        force on its as-of date), read from the recorded options."""
        for part in self.options.split(";"):
            key, _, value = part.partition("=")
            if key == "law" and value:
                return value
        return "in-force"

    @property
    def assessment_graph(self) -> str:
        return assessment_graph(self.name)


class RegistryWriter:
    """A writable copy of the active version, and the exact number of quads it holds.

    The copy's table files are hard links to the active version's (``backup``); each
    :meth:`apply` counts the quads of the one submission it changes before and after, so the
    new version's quad count is known without counting the whole store.
    """

    def __init__(self, store_dir: Path) -> None:
        self.store_dir = store_dir
        self.quads = 0
        self._store: OxigraphStore | None = None

    @property
    def store(self) -> OxigraphStore:
        assert self._store is not None, "the copy is opened by write_version"
        return self._store

    def open(self, path: Path) -> OxigraphStore:
        active = open_knowledge_base(self.store_dir)
        try:
            active.raw.backup(str(path))
        finally:
            active.close()
        version = active_version(self.store_dir)
        self.quads = read_manifest(self.store_dir / VERSIONS / str(version)).quads
        checkpoint("registry-copied")
        self._store = OxigraphStore(path)
        return self._store

    def _footprint(self, name: str) -> int:
        raw = self.store.raw
        graphs = (NamedNode(submission_graph(name)), NamedNode(assessment_graph(name)))
        count = sum(1 for g in graphs for _ in raw.quads_for_pattern(None, None, None, g))
        record = NamedNode(entry_iri(name))
        return count + sum(
            1 for _ in raw.quads_for_pattern(record, None, None, NamedNode(REGISTRY_GRAPH))
        )

    def apply(self, name: str, update: str) -> None:
        """Run one update of submission ``name``: a single transaction (all of it, or nothing).

        The update is built here from parsed terms (``INSERT DATA``, ``DROP``,
        ``DELETE WHERE``) and touches only ``name``'s graphs and record, so it cannot name a
        remote endpoint and needs no check for one.
        """
        before = self._footprint(name)
        checkpoint("registry-update")
        self.store.raw.update(update)
        checkpoint("registry-updated")
        self.quads += self._footprint(name) - before


def write_registry(
    store_path: Path, fill: Callable[[RegistryWriter], _T], *, wait_seconds: float = 0.0
) -> _T:
    """Change the registry in a new version of the store (see :func:`write_version`)."""
    store_dir = store_path.expanduser().resolve()
    writer = RegistryWriter(store_dir)
    return write_version(
        store_dir,
        writer.open,
        lambda _: fill(writer),
        wait_seconds=wait_seconds,
        count=lambda: writer.quads,
    )


def read_entries_at(store_path: Path) -> dict[str, Entry]:
    """The records of the active version (a writer refuses a damaged store: a version written
    on top of damage would carry it, and a rebuild would then lose the registry)."""
    current = open_knowledge_base(store_path)
    try:
        return read_entries(current)
    finally:
        current.close()


_ENTRIES = """
SELECT ?entry ?name ?file ?sha ?count ?at ?run ?options ?asOf WHERE {
  GRAPH <%s> {
    ?entry a aia:RegistryEntry ; aia:registryName ?name ; aia:documentName ?file ;
      aia:sha256 ?sha ; aia:statementCount ?count ; aia:submittedAt ?at ;
      aia:latestAssessment ?run ; aia:assessmentOptions ?options .
  }
  OPTIONAL { GRAPH ?assessment { ?run aia:asOf ?asOf } }
}
ORDER BY ?name
"""


_TOGETHER = """
SELECT ?name ?otherName WHERE {
  GRAPH <%s> {
    ?entry aia:registryName ?name ; aia:assessedTogetherWith ?other .
    ?other aia:registryName ?otherName .
  }
}
ORDER BY ?name ?otherName
"""


def read_entries(store: KnowledgeStore) -> dict[str, Entry]:
    """Every stored submission's record, by name."""
    together: dict[str, list[str]] = {}
    for row in store.select(with_prefixes(_TOGETHER % REGISTRY_GRAPH)).records():
        name, other = row["name"], row["otherName"]
        if name is not None and other is not None:
            together.setdefault(name.value, []).append(other.value)
    entries: dict[str, Entry] = {}
    for row in store.select(with_prefixes(_ENTRIES % REGISTRY_GRAPH)).records():
        values = {key: (term.value if term is not None else "") for key, term in row.items()}
        entries[values["name"]] = Entry(
            name=values["name"],
            file=values["file"],
            sha256=values["sha"],
            statements=int(values["count"]),
            submitted_at=values["at"],
            run=values["run"],
            options=values["options"],
            as_of=values["asOf"],
            together=tuple(together.get(values["name"], ())),
        )
    return entries


_CATEGORIES = """
SELECT ?subject ?notation WHERE {
  GRAPH <%s> { ?d a aia:Determination ; aia:determinationOf ?subject ; aia:conclusion ?c . }
  GRAPH ?kb { ?c a aia:RiskCategory ; skos:notation ?notation }
}
"""


def categories(store: OxigraphStore, name: str) -> dict[str, set[str]]:
    """``{subject IRI: {category notations}}`` from a submission's stored assessment."""
    found: dict[str, set[str]] = {}
    query = with_prefixes(_CATEGORIES % assessment_graph(name))
    for row in store.select(query).records():
        subject, notation = row["subject"], row["notation"]
        if subject is not None and notation is not None:
            found.setdefault(subject.value, set()).add(notation.value)
    return found


def stored_document(store: OxigraphStore, entry: Entry) -> InputDocument:
    """A stored submission as the rules read it (its statements, name and sha256)."""
    quads = tuple(
        Quad(quad.subject, quad.predicate, quad.object, DefaultGraph())
        for quad in store.raw.quads_for_pattern(
            None, None, None, NamedNode(submission_graph(entry.name))
        )
    )
    return InputDocument(entry.file, RdfFormat.N_QUADS, quads, 0, entry.sha256)


def linked_entries(store: OxigraphStore, document: InputDocument) -> set[str]:
    """The names of the stored entries linked to ``document`` by a node it names (see
    :func:`~aiact_kg.registry.apart.linked_graphs`; checked again with the documents read)."""
    raw = store.raw
    # relative IRIs (under the submission base) are the document's own: two submissions read
    # from standard input, or from files of the same name, share them without meaning to
    nodes = [
        node
        for node in named_nodes(document)
        if linkable(node) and not node.startswith(SUBMISSION_BASE)
    ]
    graphs = linked_graphs(
        document,
        nodes,
        lambda term: raw.quads_for_pattern(term, None, None, None),
        lambda term: raw.quads_for_pattern(None, None, term, None),
    )
    names = {name_of_submission_graph(graph[1:-1]) for graph in graphs}
    return {name for name in names if name is not None}


def options_of(entry: Entry) -> AssessmentOptions:
    """The options an entry's latest assessment was asked for, read from its record."""
    values = dict(part.partition("=")[::2] for part in entry.options.split(";"))
    threshold = values.get("threshold", "default")
    return AssessmentOptions(
        as_of=date.fromisoformat(values["as-of"]),
        law=None if values.get("law", "in-force") == "in-force" else values["law"],
        threshold_flop=None if threshold == "default" else float(threshold),
    )


def derived_triples(run_store: KnowledgeStore) -> list[Triple]:
    """The derived graph of an assessment run (what ``assess --format turtle`` prints)."""
    return run_store.construct(with_prefixes(get_query("assess/construct-results").text))


def record_triples(entry: Entry) -> list[Triple]:
    node = NamedNode(entry_iri(entry.name))

    def literal(value: str, datatype: str = "string") -> Literal:
        return Literal(value, datatype=NamedNode(_XSD + datatype))

    return [
        Triple(node, _RDF_TYPE, _aia("RegistryEntry")),
        Triple(node, _RDF_TYPE, _aia("SubmittedDocument")),
        Triple(node, _aia("registryName"), literal(entry.name)),
        Triple(node, _aia("documentName"), literal(entry.file)),
        Triple(node, _aia("sha256"), literal(entry.sha256)),
        Triple(node, _aia("statementCount"), literal(str(entry.statements), "integer")),
        Triple(node, _aia("submittedAt"), literal(entry.submitted_at, "dateTime")),
        Triple(node, _aia("submissionGraph"), NamedNode(entry.submission_graph)),
        Triple(node, _aia("assessmentGraph"), NamedNode(entry.assessment_graph)),
        Triple(node, _aia("latestAssessment"), NamedNode(entry.run)),
        Triple(node, _aia("assessmentOptions"), literal(entry.options)),
        *(
            Triple(node, _aia("assessedTogetherWith"), NamedNode(entry_iri(other)))
            for other in entry.together
        ),
    ]


def _graph_block(graph: str, triples: Iterable[Triple | Quad]) -> str:
    lines = "\n".join(f"    {t.subject} {t.predicate} {t.object} ." for t in triples)
    return f"  GRAPH <{graph}> {{\n{lines}\n  }}"


def _removal(name: str, *, statements: bool) -> list[str]:
    operations = [f"DROP SILENT GRAPH <{assessment_graph(name)}>"]
    if statements:
        operations.append(f"DROP SILENT GRAPH <{submission_graph(name)}>")
    operations.append(
        f"DELETE WHERE {{ GRAPH <{REGISTRY_GRAPH}> {{ <{entry_iri(name)}> ?p ?o }} }}"
    )
    return operations


def replace_update(
    entry: Entry, derived: Iterable[Triple], statements: Iterable[Quad] | None = None
) -> str:
    """One SPARQL update that replaces a submission (or, without statements, its assessment).

    Every statement goes into the submission's own graph, whatever graph its input named, and
    the derived graph into the assessment graph: a document cannot write anywhere else.
    """
    blocks = [
        _graph_block(entry.assessment_graph, derived),
        _graph_block(REGISTRY_GRAPH, record_triples(entry)),
    ]
    if statements is not None:
        blocks.insert(0, _graph_block(entry.submission_graph, statements))
    operations = _removal(entry.name, statements=statements is not None)
    operations.append("INSERT DATA {\n" + "\n".join(blocks) + "\n}")
    return " ;\n".join(operations)


def withdraw_update(name: str) -> str:
    """One SPARQL update that removes a submission's graphs and record."""
    return " ;\n".join(_removal(name, statements=True))
