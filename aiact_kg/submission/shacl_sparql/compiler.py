"""Compile a SHACL shapes graph to SPARQL SELECT queries, one per property shape.

Each query returns rows ``?this ?value ?k``: a focus node, the value node a result is about
(unbound for results about the focus node as a whole) and the index of the constraint it
violates in :attr:`CompiledQuery.branches`, which holds what the result reports (component,
source shape, path, severity, messages). Value-type constraints are checked per value node;
``sh:minCount``, ``sh:maxCount``, ``sh:hasValue`` and qualified counts per focus node with
``GROUP BY ?this`` (upper bounds with ``HAVING``). SPARQL-based constraints (``sh:sparql``)
run their own query with ``$this`` bound by a join with the focus nodes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SH
from rdflib.term import Node

from aiact_kg.submission.shacl_sparql.expressions import (
    Context,
    check_known,
    conforms,
    is_deactivated,
    safe,
    value_checks,
)
from aiact_kg.submission.shacl_sparql.paths import path_text
from aiact_kg.submission.shacl_sparql.targets import focus_nodes, has_target, prefixes, prologue
from aiact_kg.submission.shacl_sparql.terms import UnsupportedShapeError, iri, number, ordered, term

__all__ = ["Branch", "CompiledQuery", "CompiledShapes", "UnsupportedShapeError", "compile_shapes"]

_SELECT = re.compile(r"SELECT\s+(DISTINCT\s+|REDUCED\s+)?", re.IGNORECASE)


@dataclass(frozen=True)
class Branch:
    """What a result of one constraint reports."""

    component: URIRef
    shape: Node
    path: Node | None
    severity: URIRef
    messages: tuple[Literal, ...]
    with_value: bool
    sparql: bool = False  # a sh:sparql constraint: ?value, ?path and ?message come from it


@dataclass(frozen=True)
class CompiledQuery:
    text: str
    branches: tuple[Branch, ...]


@dataclass(frozen=True)
class CompiledShapes:
    queries: tuple[CompiledQuery, ...]


class _Shape:
    """One shape being compiled: its focus subquery, prefixes and result metadata."""

    def __init__(self, ctx: Context, shape: Node, focus: str, declared: dict[str, str]) -> None:
        self.ctx, self.shape, self.focus, self.declared = ctx, shape, focus, declared
        shapes = ctx.shapes
        self.path_node = shapes.value(shape, SH.path)
        severity = shapes.value(shape, SH.severity)
        self.severity = severity if isinstance(severity, URIRef) else SH.Violation
        self.messages = tuple(
            sorted(
                (m for m in shapes.objects(shape, SH.message) if isinstance(m, Literal)), key=str
            )
        )
        self.branches: list[Branch] = []

    def branch(
        self,
        component: URIRef,
        with_value: bool,
        messages: tuple[Literal, ...] = (),
        sparql: bool = False,
    ) -> int:
        self.branches.append(
            Branch(
                component,
                self.shape,
                self.path_node,
                self.severity,
                messages or self.messages,
                with_value,
                sparql,
            )
        )
        return len(self.branches) - 1

    def query(self, groups: list[str], projection: str = "?this ?value ?k") -> CompiledQuery:
        union = " UNION ".join("{ " + g + " }" for g in groups)
        text = f"{prologue(self.declared)}SELECT DISTINCT {projection} WHERE {{ {union} }}"
        return CompiledQuery(text, tuple(self.branches))


def _selector(cases: list[tuple[int, str]]) -> str:
    """``VALUES ?k`` with a filter keeping each ``k`` whose violation condition holds."""
    values = " ".join(str(k) for k, _ in cases)
    condition = " || ".join(f"(?k = {k} && {violated})" for k, violated in cases)
    return f"VALUES ?k {{ {values} }} FILTER({condition})"


def _node_constraints(unit: _Shape) -> list[CompiledQuery]:
    cases = [
        # sh:hasValue is about the focus node as a whole: its result has no sh:value
        (
            unit.branch(component, component != SH.HasValueConstraintComponent),
            f"!{safe(check('?this'))}",
        )
        for component, check in value_checks(unit.ctx, unit.shape)
    ]
    if not cases:
        return []
    return [unit.query([f"{unit.focus} BIND(?this AS ?value) {_selector(cases)}"])]


@dataclass(frozen=True)
class _Count:
    """One count constraint: an aggregate over the values of a focus node and its bound."""

    component: URIRef
    alias: str
    aggregate: str
    operator: str  # "<" (at least) or ">" (at most)
    bound: int


def _counts(unit: _Shape, binds: list[str]) -> list[_Count]:
    shapes, shape = unit.ctx.shapes, unit.shape
    counted = "COUNT(DISTINCT ?v)"
    found = [
        _Count(SH.MinCountConstraintComponent, "?n", counted, "<", number(low))
        for low in shapes.objects(shape, SH.minCount)
    ]
    found += [
        _Count(SH.MaxCountConstraintComponent, "?n", counted, ">", number(high))
        for high in shapes.objects(shape, SH.maxCount)
    ]
    for index, required in enumerate(ordered(shapes.objects(shape, SH.hasValue))):
        matches = f"SUM(IF({safe(f'sameTerm(?v, {term(required)})')}, 1, 0))"
        found.append(_Count(SH.HasValueConstraintComponent, f"?h{index}", matches, "<", 1))
    for index, qualified in enumerate(ordered(shapes.objects(shape, SH.qualifiedValueShape))):
        binds.append(f"BIND(IF({conforms(unit.ctx, qualified, '?v')}, ?v, ?unbound) AS ?q{index})")
        conforming = f"COUNT(DISTINCT ?q{index})"
        least = shapes.value(shape, SH.qualifiedMinCount)
        most = shapes.value(shape, SH.qualifiedMaxCount)
        if least is not None:
            found.append(
                _Count(
                    SH.QualifiedMinCountConstraintComponent,
                    f"?qn{index}",
                    conforming,
                    "<",
                    number(least),
                )
            )
        if most is not None:
            found.append(
                _Count(
                    SH.QualifiedMaxCountConstraintComponent,
                    f"?qn{index}",
                    conforming,
                    ">",
                    number(most),
                )
            )
    return found


def _count_groups(unit: _Shape, path: str) -> list[str]:
    """The count constraints as ``GROUP BY ?this`` over the values of the property.

    Upper bounds keep only the focus nodes over them (``HAVING``) and join them to the
    focus nodes; lower bounds join the counts to every focus node with ``OPTIONAL`` (a focus
    node without values has no count: zero).
    """
    binds: list[str] = []
    counts = _counts(unit, binds)
    values = f"{{ ?this {path} ?v {' '.join(binds)} }}"
    groups = []
    for upper in (False, True):
        chosen = [c for c in counts if (c.operator == ">") == upper]
        if not chosen:
            continue
        aliases = {c.alias: c.aggregate for c in chosen}
        projection = " ".join(f"({aggregate} AS {alias})" for alias, aggregate in aliases.items())
        group = f"SELECT ?this {projection} WHERE {values} GROUP BY ?this"
        cases = []
        for count in chosen:
            k = unit.branch(count.component, False)
            total = count.alias if upper else f"COALESCE({count.alias}, 0)"
            cases.append((k, f"{total} {count.operator} {count.bound}"))
        if upper:
            over = " || ".join(f"{c.aggregate} > {c.bound}" for c in chosen)
            groups.append(f"{unit.focus} {{ {group} HAVING({over}) }} {_selector(cases)}")
        else:
            groups.append(f"{unit.focus} OPTIONAL {{ {group} }} {_selector(cases)}")
    return groups


def _sparql_constraints(unit: _Shape) -> list[CompiledQuery]:
    shapes, queries = unit.ctx.shapes, []
    for constraint in ordered(shapes.objects(unit.shape, SH.sparql)):
        if is_deactivated(shapes, constraint):
            continue
        select = shapes.value(constraint, SH.select)
        if select is None:
            raise UnsupportedShapeError(f"{unit.shape}: a sh:sparql constraint without sh:select")
        text = str(select).replace("$this", "?this")
        if "$shapesGraph" in text:
            raise UnsupportedShapeError(f"{unit.shape}: $shapesGraph is not available in the store")
        if isinstance(unit.shape, URIRef):
            text = text.replace("$currentShape", iri(unit.shape))
        if unit.path_node is not None:
            text = text.replace("$PATH", path_text(shapes, unit.path_node))
        match = _SELECT.search(text)
        if match is None:
            raise UnsupportedShapeError(f"{unit.shape}: sh:select is not a SELECT query")
        head = text[match.end() :].split("WHERE", 1)[0].split("{", 1)[0]
        if "*" not in head and not re.search(r"[?$]this\b", head):
            text = text[: match.end()] + "?this " + text[match.end() :]
        messages = (
            tuple(m for m in shapes.objects(constraint, SH.message) if isinstance(m, Literal))
            or unit.messages
        )
        declared = {**unit.declared}
        declared.update(prefixes(shapes, constraint))
        unit.branches = []
        unit.branch(SH.SPARQLConstraintComponent, True, messages, sparql=True)
        inner = CompiledQuery(
            f"{prologue(declared)}SELECT DISTINCT * WHERE {{ {unit.focus} {{ {text} }} }}",
            tuple(unit.branches),
        )
        queries.append(inner)
    unit.branches = []
    return queries


def compile_shape(
    ctx: Context, shape: Node, focus: str, declared: dict[str, str]
) -> list[CompiledQuery]:
    """The queries of one shape and of the property shapes it holds, for the given focus."""
    if is_deactivated(ctx.shapes, shape):
        return []
    check_known(ctx.shapes, shape)
    unit = _Shape(ctx, shape, focus, declared)
    queries = _sparql_constraints(unit)
    nested = ordered(ctx.shapes.objects(shape, SH.property))
    if unit.path_node is None:
        queries += _node_constraints(unit)
        for child in nested:
            queries += compile_shape(ctx, child, focus, declared)
        return queries
    path = path_text(ctx.shapes, unit.path_node)
    groups = []
    cases = [
        (unit.branch(component, True), f"!{safe(check('?value'))}")
        for component, check in value_checks(ctx, shape)
    ]
    if cases:
        groups.append(f"{focus} ?this {path} ?value . {_selector(cases)}")
    groups += _count_groups(unit, path)
    if groups:
        queries.append(unit.query(groups))
    values = (
        f"{{ SELECT DISTINCT ?this WHERE {{ {{ SELECT (?this AS ?outer) WHERE {{ {focus} }} }} "
        f"?outer {path} ?this }} }}"
    )
    for child in nested:
        queries += compile_shape(ctx, child, values, declared)
    return queries


def compile_shapes(shapes: Graph) -> CompiledShapes:
    """Every shape with a target, compiled; raises :class:`UnsupportedShapeError` otherwise."""
    ctx = Context(shapes)
    queries: list[CompiledQuery] = []
    candidates = {s for s in shapes.subjects() if has_target(shapes, s)}
    for shape in sorted(candidates, key=str):
        if is_deactivated(shapes, shape):
            continue
        focus, declared = focus_nodes(shapes, shape)
        queries += compile_shape(ctx, shape, focus, declared)
    return CompiledShapes(tuple(queries))
