"""Validate submitted descriptions against the shipped SHACL shapes, in one batched pass.

All readable documents are merged into one graph (blank nodes kept apart per document),
together with the ontology and concept schemes the shapes refer to, and validated with one
pyshacl call. Each result is mapped to a :class:`Finding` that names the file, the described
subject it concerns, its severity, a plain-language message and the provisions it rests on.
"""

from __future__ import annotations

import warnings
from collections import deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache

from pyoxigraph import BlankNode as OxBlankNode
from pyoxigraph import Literal as OxLiteral
from pyoxigraph import NamedNode as OxNamedNode
from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from aiact_kg import resources
from aiact_kg.legal.citation import citation_for_iri
from aiact_kg.namespaces import ONTOLOGY
from aiact_kg.submission.checks import Statement
from aiact_kg.submission.checks import label as node_label
from aiact_kg.submission.closed import disjoint_findings, no_subject_findings, term_findings
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.findings import Finding as Finding
from aiact_kg.submission.reading import InputDocument, submission_base_iri
from aiact_kg.submission.value_checks import value_findings
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
    results_graph: Graph = field(repr=False, compare=False)

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


def _to_rdflib(term: object, document: int) -> Node:
    if isinstance(term, OxNamedNode):
        return URIRef(term.value)
    if isinstance(term, OxBlankNode):
        return BNode(f"d{document}x{term.value}")
    if isinstance(term, OxLiteral):
        if term.language:
            return Literal(term.value, lang=term.language)
        literal = Literal(term.value, datatype=URIRef(term.datatype.value))
        if isinstance(literal.value, Decimal) and literal.value.is_nan():
            # Python reads "NaN" as a decimal (XML Schema does not) and comparing it raises in
            # pyshacl: the shapes get the text as a string; the value checks report the literal
            return Literal(term.value)
        return literal
    raise TypeError(f"unexpected RDF term {term!r}")


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


def _as_written(term: object) -> tuple[str | None, str | None]:
    """The lexical form and datatype of a literal exactly as parsed (rdflib normalises them)."""
    if isinstance(term, OxLiteral):
        return term.value, term.datatype.value
    return None, None


def _reported(results: Graph, submission: Graph) -> set[tuple[Node | None, Node | None]]:
    """The (node, property) pairs the shapes report a violation for."""
    pairs: set[tuple[Node | None, Node | None]] = set()
    for result in results.subjects(RDF.type, SH.ValidationResult):
        if results.value(result, SH.resultSeverity) != SH.Violation:
            continue
        focus, path = results.value(result, SH.focusNode), results.value(result, SH.resultPath)
        value = results.value(result, SH.value)
        if not isinstance(path, URIRef) and focus is not None and value is not None:
            path = next(submission.predicates(focus, value), path)  # an alternative path
        pairs.add((focus, path))
    return pairs


def _checked_in_python(
    statements: Sequence[Statement], results: Graph, submission: Graph
) -> list[tuple[Node, Finding]]:
    """The findings of the Python checks, less those a shape already reports (same node and
    property)."""
    vocabulary = load_vocabulary()
    reported = _reported(results, submission)
    values = [
        (node, finding)
        for node, finding in value_findings(statements, vocabulary)
        if (node, URIRef(finding.path or "")) not in reported
    ]
    return (
        values + disjoint_findings(statements, vocabulary) + term_findings(statements, vocabulary)
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


class _SubmissionIndex:
    """Which file each node came from, and which described subject it belongs to."""

    def __init__(self, graph: Graph, origin: dict[Node, str]) -> None:
        self.graph = graph
        self.origin = origin
        self.kinds: dict[Node, str] = {}
        for kind_class, label in SUBJECT_KINDS.items():
            for node in graph.subjects(RDF.type, kind_class):
                self.kinds.setdefault(node, label)

    def subject_of(self, node: Node) -> Node:
        """The nearest described subject reached by following statements backwards."""
        if node in self.kinds:
            return node
        seen, queue = {node}, deque([node])
        while queue:
            current = queue.popleft()
            for parent in self.graph.subjects(None, current):
                if parent in self.kinds:
                    return parent
                if parent not in seen and len(seen) < 64:
                    seen.add(parent)
                    queue.append(parent)
        return node


class SubmissionValidator:
    """Validates submissions with the shipped shapes; build once, call many times."""

    def __init__(self) -> None:
        self.shapes = _shapes_graph()
        self.background = _background_triples()

    def validate(
        self,
        documents: Sequence[InputDocument],
        unreadable: Iterable[InputFormatError] = (),
    ) -> ValidationReport:
        data = Graph()
        submission = Graph()
        origin: dict[Node, str] = {}
        statements: list[Statement] = []
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # ill-typed literals are for the shapes to report
            for index, document in enumerate(documents):
                for quad in document.quads:
                    triple = (
                        _to_rdflib(quad.subject, index),
                        _to_rdflib(quad.predicate, index),
                        _to_rdflib(quad.object, index),
                    )
                    submission.add(triple)
                    origin.setdefault(triple[0], document.name)
                    statements.append(Statement(*triple, document.name, *_as_written(quad.object)))
        data += submission
        for triple in self.background:
            data.add(triple)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            _, results_graph, _ = shacl_validate(
                data,
                shacl_graph=self.shapes,
                advanced=True,
                inference="none",
                inplace=True,
                allow_warnings=True,
                allow_infos=True,
            )
        nodes = _SubmissionIndex(submission, origin)
        checked = _checked_in_python(statements, results_graph, submission)
        missing = no_subject_findings(
            statements,
            [document.name for document in documents],
            [str(kind) for kind in SUBJECT_KINDS],
            load_vocabulary(),
        )
        subjects = self._group(results_graph, nodes, checked)
        subjects += tuple(
            SubjectReport(file=file, iri="", kind=None, findings=(finding,))
            for file, finding in missing
        )
        _record(
            results_graph,
            checked + [(URIRef(submission_base_iri(file)), finding) for file, finding in missing],
        )
        return ValidationReport(len(documents), subjects, tuple(unreadable), results_graph)

    def _finding(self, results: Graph, result: Node, submission: Graph) -> Finding:
        shape = results.value(result, SH.sourceShape)
        path = results.value(result, SH.resultPath)
        focus, value = results.value(result, SH.focusNode), results.value(result, SH.value)
        if not isinstance(path, URIRef) and focus is not None and value is not None:
            # an alternative path: name the property that actually carried the value
            path = next(submission.predicates(focus, value), path)
        provisions = _shape_provisions(self.shapes, shape) if shape is not None else ()
        messages = [str(m) for m in results.objects(result, SH.resultMessage)]
        return Finding(
            severity=_severity(results.value(result, SH.resultSeverity)),
            message=messages[0] if messages else "The description does not meet a shape.",
            focus_node=_label(focus) or "",
            path=str(path) if isinstance(path, URIRef) else None,
            value=_label(value),
            shape=_shape_name(self.shapes, shape),
            legal_basis=tuple(citation_for_iri(p) for p in provisions),
            provisions=provisions,
        )

    def _group(
        self,
        results: Graph,
        index: _SubmissionIndex,
        checked: Iterable[tuple[Node, Finding]] = (),
    ) -> tuple[SubjectReport, ...]:
        grouped: dict[Node, list[Finding]] = {}
        for result in results.subjects(RDF.type, SH.ValidationResult):
            focus = results.value(result, SH.focusNode)
            if focus is None:
                continue
            grouped.setdefault(index.subject_of(focus), []).append(
                self._finding(results, result, index.graph)
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
                        key=lambda f: (_SEVERITY_ORDER[f.severity], f.message, f.focus_node),
                    )
                ),
            )
            for node in described
        ]
        return tuple(sorted(reports, key=lambda r: (r.file, r.iri)))
