"""Run compiled shapes in a pyoxigraph store and read the rows back as :class:`ShapeResult`."""

from __future__ import annotations

import re
from collections.abc import Callable

from pyoxigraph import QuerySolutions, Store
from rdflib import Literal
from rdflib.namespace import SH
from rdflib.term import Node

from aiact_kg.submission.shacl_sparql.compiler import Branch, CompiledShapes
from aiact_kg.submission.shacl_sparql.results import ShapeResult

ToNode = Callable[[object], Node]
_TEMPLATE = re.compile(r"\{[?$]([A-Za-z_][A-Za-z0-9_]*)\}")


def _messages(branch: Branch, row: object, to_node: ToNode) -> tuple[Literal, ...]:
    """A SPARQL constraint's messages, with ``{?var}`` filled from the row (SHACL §5.3.2)."""
    bound = row["message"]  # type: ignore[index]
    templates = branch.messages or ((Literal(str(to_node(bound))),) if bound is not None else ())

    def fill(match: re.Match[str]) -> str:
        value = row[match.group(1)]  # type: ignore[index]
        return match.group(0) if value is None else str(to_node(value))

    return tuple(Literal(_TEMPLATE.sub(fill, str(m)), lang=m.language) for m in templates)


def _sparql_result(branch: Branch, row: object, to_node: ToNode) -> ShapeResult:
    value, path = row["value"], row["path"]  # type: ignore[index]
    return ShapeResult(
        focus=to_node(row["this"]),  # type: ignore[index]
        path=to_node(path) if path is not None else branch.path,
        value=to_node(value) if value is not None else None,
        severity=branch.severity,
        source_shape=branch.shape,
        component=SH.SPARQLConstraintComponent,
        messages=_messages(branch, row, to_node),
    )


def run_compiled(compiled: CompiledShapes, store: Store, to_node: ToNode) -> list[ShapeResult]:
    """Every result of every compiled query, with terms converted by ``to_node``."""
    results: list[ShapeResult] = []
    for query in compiled.queries:
        rows = store.query(query.text)
        assert isinstance(rows, QuerySolutions)
        if query.branches and query.branches[0].sparql:
            results += [_sparql_result(query.branches[0], row, to_node) for row in rows]
            continue
        for row in rows:
            branch = query.branches[int(row["k"].value)]
            value = row["value"]
            results.append(
                ShapeResult(
                    focus=to_node(row["this"]),
                    path=branch.path,
                    value=to_node(value) if branch.with_value and value is not None else None,
                    severity=branch.severity,
                    source_shape=branch.shape,
                    component=branch.component,
                    messages=branch.messages,
                )
            )
    return results
