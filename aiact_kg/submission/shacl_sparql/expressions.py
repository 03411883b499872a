"""Constraint components (W3C SHACL §4) as SPARQL boolean expressions over one variable.

:func:`value_checks` gives, for the value-type components of a shape, an expression that holds
when a value node conforms; :func:`conforms` gives whether a node conforms to a whole shape (used
inside ``sh:or``, ``sh:and``, ``sh:not``, ``sh:xone``, ``sh:node`` and qualified value shapes).
Every expression is wrapped so that a SPARQL error counts as "does not conform", as SHACL asks
(a value that cannot be compared with ``sh:minInclusive`` violates it).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SH, XSD
from rdflib.term import Node

from aiact_kg.submission.shacl_sparql.paths import path_text
from aiact_kg.submission.shacl_sparql.terms import (
    UnsupportedShapeError,
    iri,
    members,
    number,
    ordered,
    string,
    term,
)

Check = Callable[[str], str]  # variable -> boolean expression that holds when it conforms

_TYPE_PATH = f"<{RDF.type}>/<{URIRef('http://www.w3.org/2000/01/rdf-schema#subClassOf')}>*"
# datatypes whose lexical space the store checks by a cast from the string
_CASTABLE = {XSD.boolean, XSD.date, XSD.dateTime, XSD.time, XSD.string}
# numbers: by the XML Schema lexical form, since the store cannot hold every valid number
# (its integers have 64 bits, its decimals 18 places and about 1.7e20 at most)
_INTEGER_FORM = "^[+-]?[0-9]+$"
_DECIMAL_FORM = "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)$"
_FLOAT_FORM = "^([+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([Ee][+-]?[0-9]+)?|[+-]?INF|NaN)$"
_INTEGER_TYPES = {
    XSD.integer,
    XSD.int,
    XSD.long,
    XSD.short,
    XSD.byte,
    XSD.nonNegativeInteger,
    XSD.positiveInteger,
    XSD.nonPositiveInteger,
    XSD.negativeInteger,
    XSD.unsignedLong,
    XSD.unsignedInt,
    XSD.unsignedShort,
    XSD.unsignedByte,
}
_NUMBER_FORMS = {
    **{datatype: _INTEGER_FORM for datatype in _INTEGER_TYPES},
    XSD.decimal: _DECIMAL_FORM,
    XSD.float: _FLOAT_FORM,
    XSD.double: _FLOAT_FORM,
}
_NUMERIC = ", ".join(f"<{datatype}>" for datatype in sorted(_NUMBER_FORMS))
_NODE_KINDS = {
    SH.IRI: "isIRI({v})",
    SH.BlankNode: "isBlank({v})",
    SH.Literal: "isLiteral({v})",
    SH.BlankNodeOrIRI: "(isIRI({v}) || isBlank({v}))",
    SH.BlankNodeOrLiteral: "(isBlank({v}) || isLiteral({v}))",
    SH.IRIOrLiteral: "(isIRI({v}) || isLiteral({v}))",
}
_COMPARISONS = {
    SH.minInclusive: ">=",
    SH.minExclusive: ">",
    SH.maxInclusive: "<=",
    SH.maxExclusive: "<",
}
# predicates of a shape that are not constraint components of their own
NON_CONSTRAINTS = {
    RDF.type,
    SH.path,
    SH.property,
    SH.severity,
    SH.message,
    SH.deactivated,
    SH.name,
    SH.description,
    SH.order,
    SH.group,
    SH.defaultValue,
    SH.target,
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
    SH.flags,
    SH.qualifiedMinCount,
    SH.qualifiedMaxCount,
    SH.qualifiedValueShapesDisjoint,
    SH.prefixes,
    SH.declare,
}
VALUE_COMPONENTS = {
    SH["class"]: SH.ClassConstraintComponent,
    SH.datatype: SH.DatatypeConstraintComponent,
    SH.nodeKind: SH.NodeKindConstraintComponent,
    SH["in"]: SH.InConstraintComponent,
    SH.pattern: SH.PatternConstraintComponent,
    SH.minInclusive: SH.MinInclusiveConstraintComponent,
    SH.minExclusive: SH.MinExclusiveConstraintComponent,
    SH.maxInclusive: SH.MaxInclusiveConstraintComponent,
    SH.maxExclusive: SH.MaxExclusiveConstraintComponent,
    SH.minLength: SH.MinLengthConstraintComponent,
    SH.maxLength: SH.MaxLengthConstraintComponent,
    SH.languageIn: SH.LanguageInConstraintComponent,
    SH.node: SH.NodeConstraintComponent,
    SH["not"]: SH.NotConstraintComponent,
    SH["and"]: SH.AndConstraintComponent,
    SH["or"]: SH.OrConstraintComponent,
    SH.xone: SH.XoneConstraintComponent,
}
COUNT_COMPONENTS = {
    SH.minCount: SH.MinCountConstraintComponent,
    SH.maxCount: SH.MaxCountConstraintComponent,
    SH.hasValue: SH.HasValueConstraintComponent,
    SH.qualifiedValueShape: None,  # min or max, decided by the parameters
}


@dataclass
class Context:
    """The shapes graph and a supply of fresh variable names."""

    shapes: Graph
    _counter: itertools.count[int] = field(default_factory=itertools.count)

    def var(self, stem: str = "x") -> str:
        return f"?{stem}{next(self._counter)}"


def safe(expression: str) -> str:
    """An expression whose errors count as false."""
    return f"COALESCE({expression}, false)"


def is_deactivated(shapes: Graph, shape: Node) -> bool:
    return any(
        isinstance(v, Literal) and v.toPython() is True
        for v in shapes.objects(shape, SH.deactivated)
    )


def check_known(shapes: Graph, shape: Node) -> None:
    """Refuse a shape that uses a component the compiler does not translate."""
    for predicate in set(shapes.predicates(shape)):
        if not str(predicate).startswith(str(SH)) or predicate in NON_CONSTRAINTS:
            continue
        if predicate in VALUE_COMPONENTS or predicate in COUNT_COMPONENTS:
            continue
        if predicate == SH.sparql:
            continue
        raise UnsupportedShapeError(
            f"{shape}: the constraint component {predicate} is not compiled"
        )
    if any(
        v.toPython() is True
        for v in shapes.objects(shape, SH.qualifiedValueShapesDisjoint)
        if isinstance(v, Literal)
    ):
        raise UnsupportedShapeError(f"{shape}: sh:qualifiedValueShapesDisjoint is not compiled")


def _datatype(datatype: Node) -> Check:
    name = iri(datatype)
    if datatype in _CASTABLE:
        lexical = f" && isLiteral({name}(STR({{v}})))"
    elif datatype in _NUMBER_FORMS:
        form = string(_NUMBER_FORMS[datatype])  # type: ignore[index]
        lexical = f" && REGEX(STR({{v}}), {form})"
    else:
        lexical = ""
    template = f"(isLiteral({{v}}) && datatype({{v}}) = {name}{lexical})"
    return lambda v: template.format(v=v)


def _comparison(operator: str, bound: Node) -> Check:
    """A range constraint; a number the store cannot hold is compared as an xsd:double."""
    limit = term(bound)

    def check(v: str) -> str:
        as_double = f"<{XSD.double}>(STR({v})) {operator} {limit}"
        fallback = f"IF(datatype({v}) IN ({_NUMERIC}), {as_double}, false)"
        return f"COALESCE({v} {operator} {limit}, {fallback}, false)"

    return check


def _in(shapes: Graph, head: Node) -> Check:
    values = members(shapes, head)
    if not values:
        return lambda v: "false"
    if all(isinstance(value, URIRef) for value in values):
        listed = ", ".join(term(value) for value in values)
        return lambda v: f"({v} IN ({listed}))"
    return lambda v: "(" + " || ".join(f"sameTerm({v}, {term(x)})" for x in values) + ")"


def _pattern(shapes: Graph, shape: Node, pattern: Node) -> Check:
    flags = shapes.value(shape, SH.flags)
    extra = f", {string(str(flags))}" if flags is not None else ""
    return lambda v: f"(!isBlank({v}) && REGEX(STR({v}), {string(str(pattern))}{extra}))"


def _language_in(shapes: Graph, head: Node) -> Check:
    tags = [string(str(tag)) for tag in members(shapes, head)]
    return lambda v: (
        "(" + " || ".join(f"langMatches(LANG({v}), {t})" for t in tags) + ")" if tags else "false"
    )


def value_check(ctx: Context, shape: Node, predicate: Node, parameter: Node) -> Check:
    """The expression of one value-type constraint (``predicate parameter`` of ``shape``)."""
    shapes = ctx.shapes
    if predicate == SH["class"]:
        return lambda v: f"EXISTS {{ {v} {_TYPE_PATH} {iri(parameter)} }}"
    if predicate == SH.datatype:
        return _datatype(parameter)
    if predicate == SH.nodeKind:
        if parameter not in _NODE_KINDS:
            raise UnsupportedShapeError(f"{shape}: unknown sh:nodeKind {parameter}")
        return lambda v: _NODE_KINDS[parameter].format(v=v)  # type: ignore[index]
    if predicate == SH["in"]:
        return _in(shapes, parameter)
    if predicate == SH.pattern:
        return _pattern(shapes, shape, parameter)
    if predicate in _COMPARISONS:
        return _comparison(_COMPARISONS[predicate], parameter)  # type: ignore[index]
    if predicate == SH.minLength:
        return lambda v: f"(!isBlank({v}) && STRLEN(STR({v})) >= {number(parameter)})"
    if predicate == SH.maxLength:
        return lambda v: f"(!isBlank({v}) && STRLEN(STR({v})) <= {number(parameter)})"
    if predicate == SH.languageIn:
        return _language_in(shapes, parameter)
    return _logical(ctx, shape, predicate, parameter)


def _logical(ctx: Context, shape: Node, predicate: Node, parameter: Node) -> Check:
    """``sh:node``, ``sh:not``, ``sh:and``, ``sh:or``, ``sh:xone``: conformance to shapes."""
    if predicate == SH.node:
        return lambda v: conforms(ctx, parameter, v)
    if predicate == SH["not"]:
        return lambda v: f"!{conforms(ctx, parameter, v)}"
    if predicate in (SH["and"], SH["or"], SH.xone):
        parts = members(ctx.shapes, parameter)
        if not parts:
            return lambda v: "true" if predicate == SH["and"] else "false"
        if predicate == SH.xone:
            return lambda v: (
                "((" + " + ".join(f"IF({conforms(ctx, p, v)}, 1, 0)" for p in parts) + ") = 1)"
            )
        joiner = " && " if predicate == SH["and"] else " || "
        return lambda v: "(" + joiner.join(conforms(ctx, p, v) for p in parts) + ")"
    raise UnsupportedShapeError(f"{shape}: {predicate} is not a value-type component")


def _same_term(value: Node) -> Check:
    constant = term(value)
    return lambda v: f"sameTerm({v}, {constant})"


def value_checks(ctx: Context, shape: Node) -> list[tuple[URIRef, Check]]:
    """The value-type constraints of a shape, each with its component."""
    checks: list[tuple[URIRef, Check]] = []
    for predicate, component in VALUE_COMPONENTS.items():
        for parameter in ordered(ctx.shapes.objects(shape, predicate)):
            checks.append((component, value_check(ctx, shape, predicate, parameter)))
    if ctx.shapes.value(shape, SH.path) is None:
        for value in ordered(ctx.shapes.objects(shape, SH.hasValue)):
            checks.append((SH.HasValueConstraintComponent, _same_term(value)))
    return checks


def _distinct_values(ctx: Context, focus: str, path: str, count: int) -> str:
    """A pattern that finds ``count`` pairwise different values of ``path`` on ``focus``."""
    names = [ctx.var("c") for _ in range(count)]
    pattern = " . ".join(f"{focus} {path} {name}" for name in names)
    different = [f"!sameTerm({a}, {b})" for a, b in itertools.combinations(names, 2)]
    return pattern + (f" FILTER({' && '.join(different)})" if different else "")


def _count_at_least(ctx: Context, focus: str, path: str, count: int) -> str:
    if count <= 0:
        return "true"
    if count > 4:
        raise UnsupportedShapeError(
            f"a count of {count} inside a logical constraint is not compiled"
        )
    return f"EXISTS {{ {_distinct_values(ctx, focus, path, count)} }}"


def _qualified(ctx: Context, shape: Node, focus: str, path: str) -> list[str]:
    parts = []
    for qualified in ctx.shapes.objects(shape, SH.qualifiedValueShape):
        value = ctx.var("q")
        pattern = f"{focus} {path} {value} FILTER({conforms(ctx, qualified, value)})"
        low = ctx.shapes.value(shape, SH.qualifiedMinCount)
        high = ctx.shapes.value(shape, SH.qualifiedMaxCount)
        if low is not None and number(low) > 0:
            if number(low) > 1:
                raise UnsupportedShapeError(
                    f"{shape}: qualifiedMinCount > 1 inside a logical constraint"
                )
            parts.append(f"EXISTS {{ {pattern} }}")
        if high is not None:
            if number(high) > 0:
                raise UnsupportedShapeError(
                    f"{shape}: qualifiedMaxCount > 0 inside a logical constraint"
                )
            parts.append(f"NOT EXISTS {{ {pattern} }}")
    return parts


def conforms(ctx: Context, shape: Node, var: str) -> str:
    """An expression that holds when the node in ``var`` conforms to ``shape``."""
    shapes = ctx.shapes
    if is_deactivated(shapes, shape):
        return "true"
    check_known(shapes, shape)
    if shapes.value(shape, SH.sparql) is not None:
        raise UnsupportedShapeError(
            f"{shape}: sh:sparql inside a logical constraint is not compiled"
        )
    parts: list[str] = []
    path_node = shapes.value(shape, SH.path)
    checks = value_checks(ctx, shape)
    if path_node is None:
        parts += [check(var) for _, check in checks]
        parts += [conforms(ctx, nested, var) for nested in shapes.objects(shape, SH.property)]
    else:
        path = path_text(shapes, path_node)
        value = ctx.var("v")
        nested = [conforms(ctx, n, value) for n in shapes.objects(shape, SH.property)]
        every = [check(value) for _, check in checks] + nested
        if every:
            parts.append(
                f"NOT EXISTS {{ {var} {path} {value} FILTER(!{safe(' && '.join(every))}) }}"
            )
        for low in shapes.objects(shape, SH.minCount):
            parts.append(_count_at_least(ctx, var, path, number(low)))
        for high in shapes.objects(shape, SH.maxCount):
            parts.append(f"!{_count_at_least(ctx, var, path, number(high) + 1)}")
        for required in shapes.objects(shape, SH.hasValue):
            parts.append(f"EXISTS {{ {var} {path} {term(required)} }}")
        parts += _qualified(ctx, shape, var, path)
    return safe("(" + " && ".join(parts) + ")") if parts else "true"
