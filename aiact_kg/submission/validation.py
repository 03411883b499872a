"""Validate submitted descriptions against the shipped SHACL shapes, in one batched pass.

All readable documents are merged into one graph (blank nodes kept apart per document),
together with the ontology and concept schemes the shapes refer to, and validated with one
pyshacl call. Each result is mapped to a :class:`Finding` that names the file, the described
subject it concerns, its severity, a plain-language message and the provisions it rests on.
"""

from __future__ import annotations

import os
import threading
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from pyoxigraph import BlankNode as OxBlankNode
from pyoxigraph import DefaultGraph, Quad, RdfFormat, Store, parse
from pyoxigraph import Literal as OxLiteral
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from aiact_kg import resources
from aiact_kg.errors import InputError
from aiact_kg.gc_pause import paused_gc
from aiact_kg.legal.citation import citation_for_iri
from aiact_kg.namespaces import ONTOLOGY, compact
from aiact_kg.submission.checks import Statement, show, values_in_files
from aiact_kg.submission.checks import label as node_label
from aiact_kg.submission.closed import (
    disjoint_findings,
    domain_findings,
    knowledge_base_findings,
    no_subject_findings,
    term_findings,
    unlinked_findings,
)
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.findings import Finding as Finding
from aiact_kg.submission.implied import with_implied
from aiact_kg.submission.reading import InputDocument, submission_base_iri
from aiact_kg.submission.shacl_sparql import (
    CompiledShapes,
    ShapeResult,
    compile_shapes,
    run_compiled,
)
from aiact_kg.submission.shacl_sparql.loading import StoreLoader, new_store, to_store
from aiact_kg.submission.shacl_sparql.loading import to_rdflib as _to_rdflib
from aiact_kg.submission.shacl_sparql.report import report_graph
from aiact_kg.submission.shared_names import shared_name_findings
from aiact_kg.submission.value_checks import (
    control_character_findings,
    list_findings,
    value_findings,
)
from aiact_kg.submission.values import CHECKED_TYPES, read_literal, without_repeated_numbers
from aiact_kg.submission.vocabulary import load_vocabulary

SOURCE_PROVISION = URIRef(ONTOLOGY + "sourceProvision")
SUBJECT_KINDS = {
    URIRef(ONTOLOGY + name): label
    for name, label in (
        ("GeneralPurposeAISystem", "gpai-system"),
        ("GeneralPurposeAIModel", "gpai-model"),
        ("AIModel", "ai-model"),
        ("HighRiskAISystem", "ai-system"),
        ("AISystem", "ai-system"),
    )
}
_SEVERITIES: dict[URIRef, str] = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
_SEVERITY_ORDER = {"violation": 0, "warning": 1, "info": 2}
_TYPE = RDF.type
ENGINES = ("store", "pyshacl")
DEFAULT_ENGINE = "store"
ENGINE_VARIABLE = "AIACT_KG_VALIDATION_ENGINE"


def default_engine() -> str:
    """The validation engine: ``$AIACT_KG_VALIDATION_ENGINE`` if set, else the store."""
    engine = os.environ.get(ENGINE_VARIABLE, "").strip() or DEFAULT_ENGINE
    if engine not in ENGINES:
        raise InputError(
            f"{ENGINE_VARIABLE}={engine!r} is not a validation engine; use one of "
            f"{', '.join(ENGINES)}"
        )
    return engine


@dataclass(frozen=True)
class SubjectReport:
    """The findings about one described AI system or model (or another node, if orphaned)."""

    file: str
    iri: str
    kind: str | None
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class ValidationReport:
    """The outcome of validating a set of inputs."""

    documents: int
    subjects: tuple[SubjectReport, ...]
    unreadable: tuple[InputFormatError, ...]
    graph_builder: Callable[[], Graph] = field(repr=False, compare=False)
    shape_results: tuple[ShapeResult, ...] = field(default=(), repr=False, compare=False)

    @cached_property
    def results_graph(self) -> Graph:
        """The W3C SHACL validation report (built when first asked for)."""
        return self.graph_builder()

    def count(self, severity: str) -> int:
        return sum(
            1 for subject in self.subjects for f in subject.findings if f.severity == severity
        )

    @property
    def described(self) -> int:
        """How many AI systems and models are described (entries with a kind)."""
        return sum(1 for subject in self.subjects if subject.kind is not None)

    @property
    def conforms(self) -> bool:
        return not self.unreadable and self.count("violation") == 0

    @property
    def exit_code(self) -> int:
        """0 conforms, 1 violations, 2 unreadable input (documented in the README)."""
        if self.unreadable:
            return 2
        return 1 if self.count("violation") else 0


@cache
def _shapes_graph() -> Graph:
    graph = Graph()
    for path in resources.shape_files():
        if path.name != "ontology-quality.shapes.ttl":
            graph.parse(path, format="turtle")
    return graph


@cache
def _background_triples() -> tuple[tuple[Node, Node, Node], ...]:
    """The ontology and concept schemes the shapes refer to (classes, allowed values)."""
    graph = Graph()
    for source in resources.sources_for("validation"):
        for path in source.files:
            graph.parse(path, format="turtle")
    return tuple(graph)


@cache
def _compiled_shapes() -> CompiledShapes:
    return compile_shapes(_shapes_graph())


@cache
def _background_quads() -> tuple[object, ...]:
    """The background as store quads, each term as rdflib reads it (parsed by pyoxigraph,
    faster than rdflib's parser; blank nodes apart per file)."""
    quads: list[object] = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for number, path in enumerate(
            path for source in resources.sources_for("validation") for path in source.files
        ):
            terms: dict[object, Any] = {}
            for quad in parse(path=str(path), format=RdfFormat.TURTLE):
                triple: list[Any] = []
                for term in quad.triple:
                    stored = terms.get(term)
                    if stored is None:
                        stored = terms[term] = to_store(_to_rdflib(term, number))
                    triple.append(stored)
                quads.append(Quad(triple[0], triple[1], triple[2], DefaultGraph()))
    return tuple(dict.fromkeys(quads))


class _BackgroundStore:
    """A store holding the background, lent to one validation at a time: the submitted
    statements are added for the shapes' queries and exactly those added are removed after.

    A large submission, or one arriving while the store is lent, gets a fresh store instead.
    The store is made again after :attr:`LENDINGS` validations (an in-memory store keeps what
    is removed from it, so it grows and slows).
    """

    LARGEST = 20_000  # statements; beyond, removing them one by one costs more than a copy
    LENDINGS = 10

    def __init__(self, background: Sequence[Quad]) -> None:
        self.background = background
        self._store: Store | None = None
        self._lent = 0
        self._lock = threading.Lock()

    @contextmanager
    def holding(self, quads: Sequence[Quad]) -> Iterator[Store]:
        """A store holding the background and ``quads`` while the block runs."""
        if len(quads) > self.LARGEST or not self._lock.acquire(blocking=False):
            yield new_store(self.background, quads)
            return
        try:
            if self._store is None or self._lent >= self.LENDINGS:
                self._store, self._lent = new_store(self.background), 0
            store, self._store = self._store, None  # put back once restored to the background
            self._lent += 1
            added = [quad for quad in quads if quad not in store]
            store.extend(added)
            yield store
            for quad in added:
                store.remove(quad)
            self._store = store
        finally:
            self._lock.release()


_lent: list[_BackgroundStore] = []
_lent_lock = threading.Lock()


def _background_store(background: Sequence[Quad]) -> _BackgroundStore:
    """The process's background store (made again if the background is another)."""
    with _lent_lock:
        if not _lent or _lent[0].background is not background:
            _lent[:] = [_BackgroundStore(background)]
        return _lent[0]


def _shape_provisions(shapes: Graph, shape: Node) -> tuple[str, ...]:
    provisions = [str(p) for p in shapes.objects(shape, SOURCE_PROVISION)]
    if not provisions:
        for parent in shapes.subjects(SH.property, shape):
            provisions += [str(p) for p in shapes.objects(parent, SOURCE_PROVISION)]
    return tuple(sorted(set(provisions)))


def _severity(node: Node | None) -> str:
    return _SEVERITIES.get(node, "violation") if isinstance(node, URIRef) else "violation"


def _shape_name(shapes: Graph, shape: Node | None) -> str:
    """The IRI of the node shape a result comes from (property shapes are blank nodes)."""
    if isinstance(shape, BNode):
        shape = next(shapes.subjects(SH.property, shape), shape)
    return str(shape) if isinstance(shape, URIRef) else ""


def _label(node: Node | None) -> str | None:
    return None if node is None else node_label(node)


def _reported(
    results: Sequence[ShapeResult], submission: _Statements
) -> set[tuple[Node | None, Node | None]]:
    """The (node, property) pairs the shapes report a violation for: the property of the result
    and, where that is the submitter's own property, every property stating the same value of
    the node (the submitter's statement and the one it implies in our terms are one fact,
    reported once, where it was written)."""
    pairs: set[tuple[Node | None, Node | None]] = set()
    for result in results:
        if result.severity != SH.Violation:
            continue
        focus, path, value = result.focus, result.path, result.value
        if not isinstance(path, URIRef) and focus is not None and value is not None:
            path = submission.predicate(focus, value) or path  # an alternative path
        pairs.add((focus, path))
        if focus is not None and value is not None and not str(path).startswith(ONTOLOGY):
            # the submitter's own property: the statements in our terms it implies
            pairs.update((focus, other) for other in submission.predicates(focus, value))
    return pairs


def _with_values_given(
    message: str, submission: _Statements, focus: Node, path: Node | None, shown: str | None
) -> tuple[str, str | None]:
    """A count above the maximum, with the values given (and their files, when several)."""
    given = submission.given(focus, path) if isinstance(path, URIRef) else {}
    if len(given) < 2:
        return message, shown
    values = [(_label(node) or "", file) for node, file in given.items()]
    if len({text for text, _ in values}) < len(given):
        # two values that read alike (a double and an xsd:float of the same digits, which XML
        # Schema reads at single precision): each with its datatype
        values = [(show(node), file) for node, file in given.items()]
    return f"{message} Given: {values_in_files(values)}.", ", ".join(sorted(t for t, _ in values))


def _unreadable_reason(value: Node | None, submission: _Statements) -> tuple[str, str] | None:
    """The literal as written and why the rules cannot read it, for a literal of a checked
    datatype (e.g. "2026-02-30" is not a day of the calendar), or None: a shape's generic
    message about the value then says it too, as the Python check it stands in for would
    (:mod:`.value_checks`). The form written is read, not the node the shapes saw (rdflib
    rewrites a decimal, and a decimal with a vast exponent reaches them as a text)."""
    written = submission.written.get(value) if value is not None else None
    if written is not None:
        lexical, datatype = written
    elif isinstance(value, Literal) and value.datatype is not None:
        lexical, datatype = str(value), str(value.datatype)
    else:
        return None
    if datatype not in CHECKED_TYPES:
        return None
    problem = read_literal(lexical, datatype).problem
    return None if problem is None else (lexical, problem)


def _written_as(value: Literal, expected: Node | None) -> str:
    """How a literal of the wrong datatype was written: its value alone reads like a right one
    (the text "true" is not the boolean true); one of the datatype the shape asks for is not a
    valid value of it."""
    if value.language:
        return f'Here the value "{value}" is a text in language "{value.language}".'
    datatype = compact(str(value.datatype or XSD.string))
    if value.ill_typed or (expected is not None and value.datatype == expected):
        return f'Here the value "{value}" is not a valid {datatype}.'
    return f'Here the value "{value}" is written as {datatype}.'


def _checked_in_python(
    statements: Sequence[Statement], results: Sequence[ShapeResult], submission: _Statements
) -> list[tuple[Node, Finding]]:
    """The findings of the Python checks, less those a shape already reports (same node and
    property)."""
    vocabulary = load_vocabulary()
    reported = _reported(results, submission)
    values = [
        (node, finding)
        for node, finding in value_findings(statements, vocabulary) + list_findings(statements)
        if (node, URIRef(finding.path or "")) not in reported
    ]
    return (
        values
        + control_character_findings(statements)
        + disjoint_findings(statements, vocabulary)
        + domain_findings(statements, vocabulary)
        + unlinked_findings(statements, vocabulary)
        + knowledge_base_findings(statements, vocabulary)
        + term_findings(statements, vocabulary)
    )


def _record(results: Graph, findings: Sequence[tuple[Node, Finding]]) -> None:
    """Add the findings of the Python checks to the SHACL report, so that it says the same."""
    report = next(results.subjects(RDF.type, SH.ValidationReport), None)
    if report is None:
        return
    severities = {label: iri for iri, label in _SEVERITIES.items()}
    for node, finding in findings:
        result = BNode()
        check = URIRef(finding.shape)
        for predicate, value in (
            (RDF.type, SH.ValidationResult),
            (SH.focusNode, node),
            (SH.resultMessage, Literal(finding.message, lang="en")),
            (SH.resultSeverity, severities[finding.severity]),
            (SH.sourceShape, check),
            (SH.sourceConstraintComponent, check),
        ):
            results.add((result, predicate, value))
        if finding.path:
            results.add((result, SH.resultPath, URIRef(finding.path)))
        results.add((report, SH.result, result))
        if finding.severity == "violation":
            results.set((report, SH.conforms, Literal(False)))


class _Reader:
    """Converts the terms of the documents to rdflib, each IRI and literal once."""

    def __init__(self) -> None:
        self.terms: dict[object, Node] = {}

    def __call__(self, term: object, document: int) -> Node:
        node = self.terms.get(term)
        if node is None:
            node = _to_rdflib(term, document)
            if not isinstance(term, OxBlankNode):  # blank nodes are kept apart per document
                self.terms[term] = node
        return node


class _Statements:
    """The submitted statements indexed for what the findings need (no rdflib graph)."""

    def __init__(self, statements: Sequence[Statement]) -> None:
        self.statements = statements
        self.parents: dict[Node, list[Node]] = {}
        self.typed: dict[Node, list[Node]] = {}
        for subject, predicate, value, *_ in statements:
            self.parents.setdefault(value, []).append(subject)
            if predicate == _TYPE:
                self.typed.setdefault(value, []).append(subject)

    @cached_property
    def written(self) -> dict[Node, tuple[str, str]]:
        """Each typed literal's lexical form and datatype as parsed (built when first needed)."""
        return {
            statement.object: (statement.lexical, statement.datatype)
            for statement in self.statements
            if statement.lexical is not None and statement.datatype is not None
        }

    @cached_property
    def _links(self) -> dict[tuple[Node, Node], list[Node]]:
        """Every property linking each subject to each value, in order (built when first
        needed)."""
        links: dict[tuple[Node, Node], list[Node]] = {}
        for subject, predicate, value, *_ in self.statements:
            links.setdefault((subject, value), []).append(predicate)
        return links

    def predicate(self, subject: Node, value: Node) -> Node | None:
        """The first property that links ``subject`` to ``value``."""
        found = self._links.get((subject, value))
        return found[0] if found else None

    def predicates(self, subject: Node, value: Node) -> list[Node]:
        """Every property that links ``subject`` to ``value``."""
        return self._links.get((subject, value), [])

    @cached_property
    def _given(self) -> dict[tuple[Node, Node], dict[Node, str]]:
        values: dict[tuple[Node, Node], dict[Node, str]] = {}
        for statement in self.statements:
            given = values.setdefault((statement.subject, statement.predicate), {})
            given.setdefault(statement.object, statement.file)
        return values

    def given(self, subject: Node, predicate: Node) -> dict[Node, str]:
        """Each value ``subject`` has for ``predicate``, with the first file that gives it."""
        return self._given.get((subject, predicate), {})


class _SubmissionIndex:
    """Which file each node came from, and which described subject it belongs to."""

    def __init__(self, statements: _Statements, origin: dict[Node, str]) -> None:
        self.statements = statements
        self.origin = origin
        from aiact_kg.batch_plan import subject_kind_of_class

        self.kinds: dict[Node, str] = {}
        for kind_class, label in SUBJECT_KINDS.items():
            for node in statements.typed.get(kind_class, ()):
                self.kinds.setdefault(node, label)
        # typed by a class of ours below a kind (a risk class stated as a type is warned
        # about, and the node is assessed as that kind on its facts)
        for class_iri, label in subject_kind_of_class().items():
            for node in statements.typed.get(URIRef(class_iri), ()):
                self.kinds.setdefault(node, label)

    def subject_of(self, node: Node) -> Node:
        """The nearest described subject reached by following statements backwards."""
        if node in self.kinds:
            return node
        seen, queue = {node}, deque([node])
        while queue:
            current = queue.popleft()
            for parent in self.statements.parents.get(current, ()):
                if parent in self.kinds:
                    return parent
                if parent not in seen and len(seen) < 64:
                    seen.add(parent)
                    queue.append(parent)
        return node


class SubmissionValidator:
    """Validates submissions with the shipped shapes; build once, call many times.

    ``engine="store"`` runs the shapes compiled to SPARQL (:mod:`.shacl_sparql`) in a
    pyoxigraph store holding the submissions and the background; ``engine="pyshacl"`` runs
    pyshacl over rdflib, the reference. Both give the same findings (a differential test
    checks it) and the same W3C SHACL report.
    """

    def __init__(self, engine: str | None = None) -> None:
        engine = engine or default_engine()
        if engine not in ENGINES:
            raise InputError(
                f"unknown validation engine {engine!r}; use one of {', '.join(ENGINES)}"
            )
        self.engine = engine
        self.shapes = _shapes_graph()
        self._shapes_seen: dict[Node, tuple[str, tuple[str, ...], tuple[str, ...]]] = {}
        if engine == "store":
            self.compiled = _compiled_shapes()
            self.background_quads = _background_quads()

    @property
    def background(self) -> tuple[tuple[Node, Node, Node], ...]:
        """The background as rdflib triples (what pyshacl validates with the submission)."""
        return _background_triples()

    def shape_results(
        self, documents: Sequence[InputDocument], statements: Sequence[Statement]
    ) -> tuple[list[ShapeResult], Graph | None]:
        """The results of the shapes on the documents (read as ``statements``) with the
        background, and pyshacl's own report graph when pyshacl ran."""
        if self.engine == "pyshacl":
            from aiact_kg.submission.shacl_sparql.reference import pyshacl_results

            data = Graph()
            for statement in statements:
                data.add((statement.subject, statement.predicate, statement.object))
            for triple in self.background:
                data.add(triple)
            return pyshacl_results(data, self.shapes)
        loader = StoreLoader()
        for index, document in enumerate(documents):
            loader.add_document(index, document.quads)
        background = _background_store(self.background_quads)  # type: ignore[arg-type]
        with background.holding(loader.quads) as store:
            return run_compiled(self.compiled, store, loader.from_store), None

    def validate(
        self,
        documents: Sequence[InputDocument],
        unreadable: Iterable[InputFormatError] = (),
        *,
        described_elsewhere: bool = False,
    ) -> ValidationReport:
        """The findings about ``documents``; ``described_elsewhere``: other inputs, validated
        apart, describe a system or model (so no file gets the "nothing described" finding)."""
        with paused_gc():
            # what the rules read in the submitter's own terms and role nodes, in ours
            # (a number stated twice in two forms is one value: kept once)
            statements = without_repeated_numbers(with_implied(documents))
            return self._validate(statements, unreadable, described_elsewhere)

    def _validate(
        self,
        documents: Sequence[InputDocument],
        unreadable: Iterable[InputFormatError],
        described_elsewhere: bool = False,
    ) -> ValidationReport:
        origin: dict[Node, str] = {}
        statements: list[Statement] = []
        read = _Reader()
        terms = read.terms
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ill-typed literals are for the shapes to report
            for index, document in enumerate(documents):
                name = document.name
                for quad in document.quads:
                    subject, predicate, value = quad.subject, quad.predicate, quad.object
                    node = read(subject, index) if (known := terms.get(subject)) is None else known
                    if node not in origin:
                        origin[node] = name
                    statements.append(
                        Statement(
                            node,
                            read(predicate, index)
                            if (known := terms.get(predicate)) is None
                            else known,
                            read(value, index) if (known := terms.get(value)) is None else known,
                            name,
                            # a literal exactly as parsed (rdflib normalises them)
                            *(
                                (value.value, value.datatype.value)
                                if type(value) is OxLiteral
                                else (None, None)
                            ),
                        )
                    )
            results, reference_graph = self.shape_results(documents, statements)
        # a text given where a party or node is due is a violation of the property that holds
        # it; the shapes of the node it should have been asked the text for properties
        # ("state where the provider is established" at "MailGuard GmbH"), which no text can
        # have, doubling the count (an outside check)
        results = [
            result
            for result in results
            if not (isinstance(result.focus, Literal) and result.path is not None)
        ]
        submission = _Statements(statements)
        nodes = _SubmissionIndex(submission, origin)
        checked = _checked_in_python(statements, results, submission)
        checked += [
            (URIRef(iri), finding)
            for document in documents
            for iri, finding in document.mapping_findings
        ]
        checked += [(URIRef(iri), finding) for iri, finding in shared_name_findings(documents)]
        missing = no_subject_findings(
            statements,
            [] if described_elsewhere else [document.name for document in documents],
            [str(kind) for kind in SUBJECT_KINDS],
            load_vocabulary(),
        )
        subjects = self._group(results, nodes, checked)
        subjects += tuple(
            SubjectReport(file=file, iri="", kind=None, findings=(finding,))
            for file, finding in missing
        )
        recorded = checked + [
            (URIRef(submission_base_iri(file)), finding) for file, finding in missing
        ]

        def graph() -> Graph:
            built = reference_graph or report_graph(results, self.shapes)
            _record(built, recorded)
            return built

        return ValidationReport(len(documents), subjects, tuple(unreadable), graph, tuple(results))

    def finding(self, result: ShapeResult, submission: _Statements) -> Finding:
        """The finding a shape result is shown as (file-independent part)."""
        shape, path = result.source_shape, result.path
        focus, value = result.focus, result.value
        if not isinstance(path, URIRef) and focus is not None and value is not None:
            # an alternative path: name the property that actually carried the value
            path = submission.predicate(focus, value) or path
        name, provisions, legal_basis = self._about(shape)
        messages = [str(m) for m in result.messages]
        message = messages[0] if messages else "The description does not meet a shape."
        shown = _label(value)
        if result.component == SH.MaxCountConstraintComponent and focus is not None:
            message, shown = _with_values_given(message, submission, focus, path, shown)
        elif (unreadable := _unreadable_reason(value, submission)) is not None:
            lexical, reason = unreadable
            message = f'{message} Here the value "{lexical}" {reason}.'
        elif result.component == SH.DatatypeConstraintComponent and isinstance(value, Literal):
            expected = self.shapes.value(result.source_shape, SH.datatype)
            message = f"{message} {_written_as(value, expected)}"
        return Finding(
            severity=_severity(result.severity),
            message=message,
            focus_node=_label(focus) or "",
            path=str(path) if isinstance(path, URIRef) else None,
            value=shown,
            shape=name,
            legal_basis=legal_basis,
            provisions=provisions,
        )

    def _about(self, shape: Node) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        """A shape's name, provisions and their citations (looked up once per shape)."""
        known = self._shapes_seen.get(shape)
        if known is None:
            provisions = _shape_provisions(self.shapes, shape)
            known = (
                _shape_name(self.shapes, shape),
                provisions,
                tuple(citation_for_iri(p) for p in provisions),
            )
            self._shapes_seen[shape] = known
        return known

    def _group(
        self,
        results: Sequence[ShapeResult],
        index: _SubmissionIndex,
        checked: Iterable[tuple[Node, Finding]] = (),
    ) -> tuple[SubjectReport, ...]:
        grouped: dict[Node, list[Finding]] = {}
        for result in results:
            grouped.setdefault(index.subject_of(result.focus), []).append(
                self.finding(result, index.statements)
            )
        for node, finding in checked:
            grouped.setdefault(index.subject_of(node), []).append(finding)
        described = set(index.kinds) | set(grouped)
        reports = [
            SubjectReport(
                file=index.origin.get(node, "<input>"),
                iri=_label(node) or "",
                kind=index.kinds.get(node),
                findings=tuple(
                    sorted(
                        set(grouped.get(node, [])),
                        key=lambda f: (
                            _SEVERITY_ORDER[f.severity],
                            f.message,
                            f.focus_node,
                            f.path or "",
                            f.value or "",
                            f.shape,
                        ),
                    )
                ),
            )
            for node in described
        ]
        return tuple(sorted(reports, key=lambda r: (r.file, r.iri)))
