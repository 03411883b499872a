"""Variables a SPARQL expression or template reads but its pattern cannot bind.

Such a variable is unbound on every row: a FILTER reading it is an error, so it removes every
row (or, negated in a NOT EXISTS, none); a BIND reading it leaves its variable unbound; a
template reading it writes nothing; a projected one is an empty column. No engine reports
any of this: the rule or question silently gives fewer answers. The usual cause is SPARQL's
scoping: a FILTER in a UNION branch, a sub-select or a MINUS sees only the variables of its own
group, not those bound around it (an EXISTS, in contrast, sees the row it is tested on).

The query is parsed and translated to SPARQL algebra by rdflib; each filter, BIND, left-join
condition, aggregate, projection and update template is checked against the variables the
pattern under it can bind (with, inside an EXISTS, those of the row it tests).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from rdflib.plugins.sparql.algebra import translateQuery, translateUpdate
from rdflib.plugins.sparql.parser import parseQuery, parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.term import Variable

_EXISTS = ("Builtin_EXISTS", "Builtin_NOTEXISTS")
# nodes whose variables are those of their pattern ``p``
_PASS_THROUGH = ("Filter", "ToMultiSet", "Distinct", "Reduced", "OrderBy", "Slice", "Group")


@dataclass(frozen=True)
class Finding:
    """A variable read where its pattern cannot bind it."""

    where: str  # "FILTER", "BIND", "OPTIONAL condition", "aggregate", "projection", "template"
    variable: str

    def __str__(self) -> str:
        return f"{self.where} reads ?{self.variable}, which its pattern cannot bind"


def _triple_variables(triples: Iterable[tuple[object, ...]]) -> set[Variable]:
    found: set[Variable] = set()
    for triple in triples:
        found.update(term for term in triple if isinstance(term, Variable))
    return found


def _all_variables(value: object) -> set[Variable]:
    if isinstance(value, Variable):
        return {value}
    if isinstance(value, CompValue):
        value = list(value.values())
    if isinstance(value, (list, tuple)):
        return set().union(*(_all_variables(item) for item in value))
    return set()


def _graph_variables(node: CompValue) -> set[Variable]:
    term = node.term
    return bound(node.p) | ({term} if isinstance(term, Variable) else set())


_BOUND: dict[str, Callable[[CompValue], set[Variable]]] = {
    "BGP": lambda node: _triple_variables(node.triples),
    **dict.fromkeys(_PASS_THROUGH, lambda node: bound(node.p)),
    **dict.fromkeys(("Join", "LeftJoin", "Union"), lambda node: bound(node.p1) | bound(node.p2)),
    "Minus": lambda node: bound(node.p1),
    "Extend": lambda node: bound(node.p) | {node.var},
    "Graph": _graph_variables,
    "values": lambda node: {variable for row in node.res for variable in row},
    **dict.fromkeys(("Project", "SubSelect"), lambda node: set(node.PV)),
    "AggregateJoin": lambda node: bound(node.p) | {aggregate.res for aggregate in node.A},
    "SelectQuery": lambda node: bound(node.p),
    # asked of another engine: whatever it names
    "ServiceGraphPattern": lambda node: _all_variables(node.graph),
}


def bound(node: object) -> set[Variable]:
    """The variables a pattern of the algebra can bind."""
    if not isinstance(node, CompValue):
        return set()
    if node.name not in _BOUND:
        raise ValueError(f"unknown algebra node {node.name}")
    return _BOUND[node.name](node)


def _expression_variables(
    expression: object, scope: set[Variable], findings: list[Finding]
) -> set[Variable]:
    """The variables ``expression`` reads outside its EXISTS patterns (each checked in turn,
    with ``scope`` as the row it tests)."""
    found: set[Variable] = set()
    if isinstance(expression, Variable):
        found.add(expression)
    elif isinstance(expression, CompValue):
        if expression.name in _EXISTS:
            findings.extend(_check(expression.graph, scope))
            return found
        for value in expression.values():
            found |= _expression_variables(value, scope, findings)
    elif isinstance(expression, (list, tuple)):
        for value in expression:
            found |= _expression_variables(value, scope, findings)
    return found


def _read(where: str, expression: object, scope: set[Variable], findings: list[Finding]) -> None:
    for variable in _expression_variables(expression, scope, findings):
        if variable not in scope:
            findings.append(Finding(where, str(variable)))


def _read_own(node: CompValue, outer: set[Variable], findings: list[Finding]) -> None:
    """Check the expressions ``node`` itself reads (not those of the patterns under it)."""
    name = node.name
    if name == "Filter":
        _read("FILTER", node.expr, bound(node.p) | outer, findings)
    elif name == "LeftJoin" and node.expr is not None and node.expr != "TrueFilter":
        _read("OPTIONAL condition", node.expr, bound(node.p1) | bound(node.p2) | outer, findings)
    elif name == "Extend":
        _read("BIND", node.expr, bound(node.p) | outer, findings)
    elif name == "AggregateJoin":
        for aggregate in node.A:
            _read("aggregate", aggregate.vars, bound(node.p) | outer, findings)
    elif name == "Group" and node.expr:
        _read("GROUP BY", node.expr, bound(node.p) | outer, findings)
    elif name in ("Project", "SubSelect"):
        missing = set(node.PV) - bound(node.p) - outer
        findings += [Finding("projection", str(variable)) for variable in sorted(missing)]


def _check(node: object, outer: set[Variable], *, top: bool = False) -> list[Finding]:
    """The findings of a pattern whose expressions may also read ``outer`` (inside an EXISTS:
    the row it is tested on; for the query itself (``top``), the caller's bindings)."""
    findings: list[Finding] = []
    if not isinstance(node, CompValue) or node.name == "ServiceGraphPattern":
        return findings  # a SERVICE pattern is checked by the engine it is sent to
    _read_own(node, outer, findings)
    if node.name == "Minus":  # its second group sees nothing around it
        return _check(node.p1, outer) + _check(node.p2, set())
    # a sub-select sees nothing around it (the query's own SELECT sees the caller's bindings)
    subselect = node.name in ("Project", "SubSelect")
    inner = set() if subselect and not top else outer
    for key, value in node.items():
        if key not in ("expr", "A", "PV", "_vars") and isinstance(value, CompValue):
            findings += _check(value, inner, top=top and not subselect)
    return findings


def _templates(operation: CompValue) -> Iterator[tuple[object, ...]]:
    for key in ("insert", "delete"):
        if key not in operation:  # (CompValue.get gives the key itself for a missing one)
            continue
        template = operation[key]
        if "triples" in template:
            yield from template["triples"]
        if "quads" in template:
            for quads in template["quads"].values():
                yield from quads


def query_findings(text: str, given: Iterable[str] = ()) -> list[Finding]:
    """The findings of a SELECT, ASK or CONSTRUCT query whose variables ``given`` are bound by
    the caller (the catalog's bindings, a VALUES block before the query's body)."""
    query = translateQuery(parseQuery(text))
    return _check(query.algebra, {Variable(name) for name in given}, top=True)


def update_findings(text: str) -> list[tuple[int, Finding]]:
    """The findings of each operation of an update, with its position (from 0)."""
    update = translateUpdate(parseUpdate(text))
    findings: list[tuple[int, Finding]] = []
    for position, operation in enumerate(update.algebra):
        if "where" not in operation:
            continue
        where = operation["where"]
        findings += [(position, finding) for finding in _check(where, set())]
        written = _triple_variables(_templates(operation))
        findings += [
            (position, Finding("template", str(variable)))
            for variable in sorted(written - bound(where))
        ]
    return findings
