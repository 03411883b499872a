"""The W3C SHACL validation report (``validate --format turtle``), written batch by batch.

The report graph of each batch is cut into Turtle statements (*rows*): one per ``sh:result``,
the result written as an anonymous node ``[ ... ]`` (blank nodes that only it names, such as
pyshacl's ``sh:detail`` results, nested inside), and one per other subject: the blank nodes of
the shapes that results name (property shapes, complex paths, their lists) and anything else.
A blank node of the shapes is labelled from its place in the shapes graph (a hash of its
description and of the nodes that name it), so its label is the same in every batch and every
run, and it never meets a label of another node. The rows of a batch are sorted; the batches'
sorted rows are merged and written under one ``sh:ValidationReport`` node, whose
``sh:conforms`` (no violation in any batch) is written first, the rows being spooled until all
batches are done; a statement other than a result that several batches write is written once.

So the output is the same bytes whatever the batches (and in every run), and the graph it
parses to is isomorphic to the report graph of one pass over all inputs.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Final, TextIO

from rdflib import BNode, Graph, Literal
from rdflib.namespace import RDF, SH
from rdflib.term import Node

from aiact_kg.namespaces import BASE, PREFIXES
from aiact_kg.submission.validation import ValidationReport

RESULT: Final = "1"  # row kinds, in the order they are written
OTHER: Final = "2"
Row = tuple[str, str, str]  # (kind, statement, "")

_LOCAL: Final = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_-])?")
_STRING_ESCAPES: Final = {
    **{code: f"\\u{code:04X}" for code in (*range(0x20), 0x7F)},
    **{ord("\n"): "\\n", ord("\r"): "\\r", ord("\t"): "\\t", ord('"'): '\\"', ord("\\"): "\\\\"},
}
_IRI_ESCAPES: Final = {code: f"\\u{code:04X}" for code in (*range(0x21), *b'<>"{}|^`\\')}
_INDENT: Final = 4


def shape_labels(shapes: Graph) -> dict[BNode, str]:
    """A label for each blank node of ``shapes``: a hash of what it says and of what names it
    (up to a named node), so the same in every run; twins (nodes alike in every way, which no
    reader can tell apart) are numbered."""
    contents: dict[Node, str] = {}
    places: dict[Node, str] = {}
    named_by: dict[Node, list[tuple[Node, Node]]] = defaultdict(list)
    for subject, predicate, value in shapes:
        if isinstance(value, BNode):
            named_by[value].append((subject, predicate))

    def content(node: Node, path: frozenset[Node]) -> str:
        if not isinstance(node, BNode):
            return node.n3()
        if node in path:
            return "(cycle)"
        if node not in contents:
            inner = path | {node}
            parts = sorted(
                f"{p.n3()} {content(o, inner)}" for p, o in shapes.predicate_objects(node)
            )
            contents[node] = _digest(parts)
        return contents[node]

    def place(node: Node, path: frozenset[Node]) -> str:
        if not isinstance(node, BNode):
            return node.n3()
        if node in path:
            return "(cycle)"
        if node not in places:
            inner = path | {node}
            parts = sorted(f"{place(s, inner)} {p.n3()}" for s, p in named_by[node])
            places[node] = _digest([content(node, frozenset()), *parts])
        return places[node]

    nodes = {term for triple in shapes for term in triple if isinstance(term, BNode)}
    seen: Counter[str] = Counter()
    labels: dict[BNode, str] = {}
    for node in sorted(nodes, key=lambda n: (place(n, frozenset()), str(n))):
        base = "s" + place(node, frozenset())[:20]
        labels[node] = base if not seen[base] else f"{base}x{seen[base]}"
        seen[base] += 1
    return labels


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


class ShaclReportWriter:
    """Cuts report graphs into rows and writes merged rows as one report (module docstring)."""

    def __init__(self, shapes: Graph) -> None:
        self.labels = shape_labels(shapes)
        bound = {prefix: str(namespace) for prefix, namespace in shapes.namespaces()}
        self.prefixes = {
            **PREFIXES,
            **{p: ns for p, ns in bound.items() if ns.startswith(BASE)},
            "sh": str(SH),
        }
        self._namespaces = sorted(self.prefixes.items(), key=lambda item: -len(item[1]))

    def rows(self, report: ValidationReport, batch: int = 0) -> list[Row]:
        """The sorted rows of one report graph; ``batch`` keeps apart the labels of blank
        nodes neither a shape nor named once only (none with the engines of this project)."""
        graph = report.results_graph
        node = next(graph.subjects(RDF.type, SH.ValidationReport), None)
        named: Counter[Node] = Counter(o for _, _, o in graph if isinstance(o, BNode))
        unnamed = {s for s in graph.subjects() if isinstance(s, BNode) and not named[s]}
        apart = ({t for t in named if named[t] != 1} | unnamed) - {node} - self.labels.keys()
        local: dict[Node, str] = {}
        for term in sorted(apart, key=str):
            local[term] = f"b{batch}x{len(local)}"
        cut = _Cut(self, graph, local, named)
        rows = [(RESULT, cut.term(r, 2 * _INDENT), "") for r in graph.objects(node, SH.result)]
        for subject in set(graph.subjects()):
            if subject != node and not cut.nested(subject):
                rows.append((OTHER, cut.statement(subject), ""))
        described = len(graph) - sum(1 for _ in graph.predicate_objects(node))
        if cut.written != described:  # a cycle of blank nodes each named once: not in SHACL reports
            raise ValueError(f"the report graph of batch {batch} could not be written whole")
        rows.sort()
        return rows

    def iri(self, iri: str) -> str:
        for prefix, namespace in self._namespaces:
            if iri.startswith(namespace) and _LOCAL.fullmatch(iri[len(namespace) :]):
                return f"{prefix}:{iri[len(namespace) :]}"
        return "<" + iri.translate(_IRI_ESCAPES) + ">"

    def write(self, conforms: bool, rows: Iterable[Row], out: TextIO) -> None:
        """Write the report: its node with ``sh:conforms`` and the merged, sorted ``rows``."""
        out.write("".join(f"@prefix {p}: <{ns}> .\n" for p, ns in sorted(self.prefixes.items())))
        out.write(f"\n[] a sh:ValidationReport ;\n    sh:conforms {str(conforms).lower()}")
        open_node, first, previous = True, True, None
        for kind, text, _ in rows:
            if kind == RESULT:
                out.write((" ;\n    sh:result " if first else ",\n        ") + text)
                first = False
                continue
            if open_node:
                out.write(" .\n")
                open_node = False
            if text != previous:
                out.write("\n" + text + "\n")
            previous = text
        if open_node:
            out.write(" .\n")


class _Cut:
    """Renders the nodes of one report graph (counting the triples written)."""

    def __init__(
        self,
        writer: ShaclReportWriter,
        graph: Graph,
        local: dict[Node, str],
        named: Counter[Node],
    ) -> None:
        self.writer, self.graph, self.local, self.named = writer, graph, local, named
        self.written = 0

    def nested(self, node: Node) -> bool:
        """Whether ``node`` is written inside the one statement that names it."""
        return (
            isinstance(node, BNode)
            and node not in self.writer.labels
            and node not in self.local
            and self.named[node] == 1
        )

    def term(self, node: Node, indent: int) -> str:
        if self.nested(node):
            return "[ " + self.pairs(node, indent + _INDENT) + " ]"
        if isinstance(node, BNode):
            return "_:" + (self.writer.labels.get(node) or self.local[node])
        if isinstance(node, Literal):
            text = '"' + str(node).translate(_STRING_ESCAPES) + '"'
            if node.language:
                return f"{text}@{node.language}"
            return f"{text}^^{self.writer.iri(node.datatype)}" if node.datatype else text
        return self.writer.iri(str(node))

    def pairs(self, node: Node, indent: int) -> str:
        """The predicate-object list of ``node`` (``a`` first, then by predicate)."""
        by_predicate: dict[tuple[bool, str], list[str]] = defaultdict(list)
        for predicate, value in self.graph.predicate_objects(node):
            typed = predicate == RDF.type
            name = "a" if typed else self.writer.iri(str(predicate))
            by_predicate[(not typed, name)].append(self.term(value, indent))
            self.written += 1
        return (" ;\n" + " " * indent).join(
            f"{name} {', '.join(sorted(values))}"
            for (_, name), values in sorted(by_predicate.items())
        )

    def statement(self, subject: Node) -> str:
        return f"{self.term(subject, 0)} {self.pairs(subject, _INDENT)} ."
