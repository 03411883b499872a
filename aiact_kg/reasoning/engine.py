"""Run the classification and obligation rules inside an embedded store.

For each batch of submissions a fresh in-memory pyoxigraph store receives the ontology,
concept schemes, obligations catalogue, legal text and law versions (parsed once per
process), the submitted statements, and a description of the run (as-of date, law version,
threshold, engine version, start time, knowledge-base digest, the input documents with their
SHA-256). The rules of ``queries/rules/`` then run in order as SPARQL updates; the derived
determinations and obligations stay in the store for querying.

On a shared engine (``engine=``, e.g. a remote SPARQL endpoint holding the knowledge base in its
named graphs, see ``aiact-kg build --store URL``) the run works in a graph of its own instead:
the submitted statements and the run description go into ``<run namespace>graph``, each rule
reads the merge of the knowledge-base graphs it needs and that graph and writes into it
(:mod:`aiact_kg.store.scoping`), and closing the returned view removes the graph.

Every run is its own PROV activity: the ``aiaa:`` namespace the rules mint their nodes in is
bound, for one run, to ``https://w3id.org/aiact-kg/assessment/<run id>/``, so the run node
(``aiaa:run``), its determinations and assessed obligations never collide with those of another
run when the derived graphs of many assessments are stored together.
"""

from __future__ import annotations

import hashlib
import logging
import math
import re
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from functools import cache, lru_cache

from pyoxigraph import DefaultGraph, Literal, NamedNode, Quad, RdfFormat, parse

from aiact_kg import __version__
from aiact_kg.errors import InputError, StoreError
from aiact_kg.namespaces import ASSESSMENT, CONCEPT, ONTOLOGY
from aiact_kg.queries import with_prefixes
from aiact_kg.reasoning import guards
from aiact_kg.reasoning.rules import Rule, load_rules
from aiact_kg.resources import sources_for
from aiact_kg.store.base import KnowledgeStore
from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.store.view import ScopedStore
from aiact_kg.submission.reading import InputDocument
from aiact_kg.submission.values import canonical_quads

_log = logging.getLogger(__name__)

_XSD = "http://www.w3.org/2001/XMLSchema#"
_RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_RDFS_LABEL = NamedNode("http://www.w3.org/2000/01/rdf-schema#label")
_PROV = "http://www.w3.org/ns/prov#"
LAW_VERSIONS = {
    "as-published": CONCEPT + "law-as-published",
    "as-amended": CONCEPT + "law-as-amended",
}


_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_day(text: str) -> date:
    """A date written YYYY-MM-DD (ValueError otherwise: ``date.fromisoformat`` alone also takes
    20260101 and week dates)."""
    if not _DAY.fullmatch(text):
        raise ValueError(text)
    return date.fromisoformat(text)


@dataclass(frozen=True)
class AssessmentOptions:
    """What an assessment is asked: as of which date, under which version of the law.

    Without a law version (``law=None``) the version in force on the as-of date applies: rule
    ``005-law-version-in-force`` chooses it from the law-versions data (``aia:inForceFrom``).
    """

    as_of: date = field(default_factory=date.today)
    law: str | None = None
    threshold_flop: float | None = None  # None: the value in the graph (Art 51(2))

    def __post_init__(self) -> None:
        if self.law is not None and self.law not in LAW_VERSIONS:
            raise InputError(f"unknown law version {self.law!r}; use one of {sorted(LAW_VERSIONS)}")
        if self.threshold_flop is not None and not 0 < self.threshold_flop < math.inf:
            raise InputError(
                "the compute threshold must be a positive, finite number of FLOP (e.g. 1e25), "
                f"not {self.threshold_flop!r}"
            )


@cache
def _knowledge_base_files() -> tuple[tuple[str, bytes], ...]:
    """The knowledge-base files the rules read (name and bytes), read once: the quads and the
    digest come from the same bytes, so a file changed while a process runs cannot make its
    results carry another version's digest."""
    return tuple(
        (path.name, path.read_bytes()) for source in sources_for("engine") for path in source.files
    )


@cache
def _base_quads() -> tuple[Quad, ...]:
    """The knowledge-base files the rules read, parsed once, all in the default graph."""
    quads: list[Quad] = []
    for _, data in _knowledge_base_files():
        for quad in parse(data, format=RdfFormat.TURTLE):
            quads.append(Quad(quad.subject, quad.predicate, quad.object, DefaultGraph()))
    return tuple(quads)


@cache
def knowledge_base_digest() -> str:
    """SHA-256 over what an assessment reads: the knowledge base's files and the rules' text, as
    this process loaded them."""
    digest = hashlib.sha256()
    for name, data in _knowledge_base_files():
        digest.update(name.encode("utf-8") + b"\0" + data)
    for rule in load_rules():
        digest.update(rule.path.name.encode("utf-8") + b"\0" + rule.text.encode("utf-8"))
    return digest.hexdigest()


@dataclass(frozen=True)
class AssessmentRun:
    """The identity of one assessment run: its namespace, run node and start time."""

    run_id: str = field(default_factory=lambda: uuid.uuid4().hex)
    started_at: datetime = field(default_factory=lambda: datetime.now(UTC))

    @property
    def namespace(self) -> str:
        return f"{ASSESSMENT}{self.run_id}/"

    @property
    def iri(self) -> str:
        return self.namespace + "run"

    @property
    def graph(self) -> str:
        """The graph the run works in on a shared engine."""
        return self.namespace + "graph"

    @property
    def started(self) -> str:
        """The start time as an xsd:dateTime in UTC, to the millisecond (``...Z``)."""
        return self.started_at.isoformat(timespec="milliseconds").replace("+00:00", "Z")

    def bind(self, sparql: str) -> str:
        """``sparql`` with the ``aiaa:`` prefix bound to this run's namespace."""
        return f"{_standard_prefixes(sparql)}PREFIX aiaa: <{self.namespace}>\n{sparql}"


@lru_cache(maxsize=512)
def _standard_prefixes(sparql: str) -> str:
    """The PREFIX lines ``with_prefixes`` puts before ``sparql`` once ``aiaa:`` is declared."""
    declared = f"PREFIX aiaa: <>\n{sparql}"
    return with_prefixes(declared)[: -len(declared)]


def _literal(value: str, datatype: str) -> Literal:
    return Literal(value, datatype=NamedNode(_XSD + datatype))


def _input_quads(run: AssessmentRun, documents: Sequence[InputDocument]) -> list[Quad]:
    aia, node = ONTOLOGY, NamedNode(run.iri)
    quads = []
    for number, document in enumerate(documents, start=1):
        entity = NamedNode(f"{run.namespace}input-{number}")
        quads += [
            Quad(node, NamedNode(_PROV + "used"), entity),
            Quad(entity, _RDF_TYPE, NamedNode(aia + "SubmittedDocument")),
            Quad(entity, NamedNode(aia + "documentName"), Literal(document.name)),
            Quad(
                entity,
                NamedNode(aia + "statementCount"),
                _literal(str(len(document.quads)), "integer"),
            ),
        ]
        if document.sha256:
            quads.append(Quad(entity, NamedNode(aia + "sha256"), Literal(document.sha256)))
    return quads


def _run_quads(run: AssessmentRun, options: AssessmentOptions, rules: Sequence[Rule]) -> list[Quad]:
    aia, node = ONTOLOGY, NamedNode(run.iri)
    quads = [
        Quad(node, _RDF_TYPE, NamedNode(aia + "Assessment")),
        Quad(node, NamedNode(aia + "asOf"), _literal(options.as_of.isoformat(), "date")),
        Quad(node, NamedNode(aia + "engineVersion"), Literal(__version__)),
        Quad(node, NamedNode(_PROV + "startedAtTime"), _literal(run.started, "dateTime")),
        Quad(node, NamedNode(aia + "knowledgeBaseDigest"), Literal(knowledge_base_digest())),
    ]
    if options.law is not None:
        quads += [
            Quad(node, NamedNode(aia + "lawVersion"), NamedNode(LAW_VERSIONS[options.law])),
            Quad(node, NamedNode(aia + "lawVersionChosenBy"), NamedNode(CONCEPT + "law-requested")),
        ]
    if options.threshold_flop is not None:
        override = NamedNode(run.namespace + "threshold-override")
        quads += [
            Quad(override, _RDF_TYPE, NamedNode(aia + "Threshold")),
            Quad(
                override,
                NamedNode(aia + "thresholdValue"),
                _literal(repr(float(options.threshold_flop)), "double"),
            ),
            Quad(node, NamedNode(aia + "usesThreshold"), override),
        ]
    # without an override, rule 006 picks the threshold in force on the as-of date
    for rule in rules:
        node = NamedNode(rule.iri)
        quads += [
            Quad(node, _RDF_TYPE, NamedNode(aia + "Rule")),
            Quad(node, _RDFS_LABEL, Literal(rule.label, language="en")),
            Quad(node, NamedNode(aia + "ruleFile"), Literal(rule.path.name)),
        ]
        quads += [
            Quad(node, NamedNode(aia + "sourceProvision"), NamedNode(p)) for p in rule.provisions
        ]
    return quads


def engine_graphs() -> tuple[str, ...]:
    """The IRIs of the knowledge-base graphs the rules and the report read."""
    return tuple(source.graph_iri for source in sources_for("engine"))


def _check_engine(engine: KnowledgeStore) -> None:
    ask = "ASK {{ GRAPH <{}> {{ ?s ?p ?o }} }}"  # one lookup per graph: listing them all is slow
    missing = [iri for iri in engine_graphs() if not engine.ask(ask.format(iri))]
    if missing:
        raise StoreError(
            f"the store {engine} lacks the knowledge-base graph(s) {', '.join(missing)}; "
            "load them with `aiact-kg --store ... build`"
        )


def run_rules(
    documents: Sequence[InputDocument],
    options: AssessmentOptions,
    rules: Sequence[Rule] | None = None,
    run: AssessmentRun | None = None,
    engine: KnowledgeStore | None = None,
) -> KnowledgeStore:
    """Load the run's data and run the rules; returns the store to query the results from.

    Without ``engine`` a fresh embedded store receives the knowledge base and the run; with one,
    the run works in its own graph of that engine and the returned view removes it on close.
    """
    run = AssessmentRun() if run is None else run
    store: KnowledgeStore
    if engine is None:
        store = OxigraphStore()
        store.add_quads(_base_quads())
    else:
        _check_engine(engine)
        store = ScopedStore(engine, (*engine_graphs(), run.graph), run.graph)
    return run_rules_in(store, documents, options, rules, run)


def run_rules_in(
    store: KnowledgeStore,
    documents: Sequence[InputDocument],
    options: AssessmentOptions,
    rules: Sequence[Rule] | None,
    run: AssessmentRun,
    *,
    guarded: Collection[str] = frozenset(),
) -> KnowledgeStore:
    """Add the run's data to ``store`` (which holds or reads the knowledge base) and run the
    rules in it; ``store`` is returned, or closed if anything fails.

    ``guarded``: the required subqueries worth asking first; an operation one of them shows
    empty is skipped (:mod:`aiact_kg.reasoning.guards`: the same result, cheaper for a small
    run in a store holding the knowledge base).
    """
    rules = load_rules() if rules is None else rules
    try:
        store.add_quads(
            [
                Quad(quad.subject, quad.predicate, quad.object, DefaultGraph())
                for document in documents
                for quad in canonical_quads(document.quads)
            ]
            + _run_quads(run, options, rules)
            + _input_quads(run, documents)
        )
        for rule in rules:
            try:
                if guarded:
                    _run_guarded(store, rule, run, guarded)
                else:
                    store.update(run.bind(rule.text))
            except StoreError as error:  # a remote engine refused it: say which rule
                raise StoreError(f"rule {rule.path.name}: {error}") from None
    except BaseException:
        try:
            store.close()
        except StoreError as error:  # e.g. the engine that ran out of time cannot drop the graph
            _log.warning("could not remove the run's statements after the failure: %s", error)
        raise  # the rule's error, not the clean-up's
    return store


def _run_guarded(
    store: KnowledgeStore, rule: Rule, run: AssessmentRun, asked: Collection[str]
) -> None:
    """Run ``rule`` operation by operation: one whose guard finds its subquery empty is
    skipped, the others run with each guarding subquery's solutions written in its place."""
    operations = guards.operations(rule.text)
    if not any(query in asked for operation in operations for query in operation.required):
        store.update(run.bind(rule.text))
        return
    for operation in operations:
        text: str | None = operation.text
        for query in operation.required:
            if query in asked and text is not None:
                text = guards.inline(text, query, store.select(run.bind(query.strip()[1:-1])))
        if text is not None:
            store.update(run.bind(text))
        elif guards.on_skip is not None:
            guards.on_skip(store, run.bind(operation.text))
