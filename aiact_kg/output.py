"""Render query results and reports as text tables, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode

from aiact_kg.namespaces import compact
from aiact_kg.store.base import SelectResult, Term

_XSD = "http://www.w3.org/2001/XMLSchema#"
_NUMERIC = {_XSD + name for name in ("integer", "decimal", "double", "float", "long", "int")}


def term_text(term: Term | None, *, shorten: bool = False) -> str:
    """The plain text of a term: the IRI (optionally prefixed), the literal's lexical form."""
    if term is None:
        return ""
    if isinstance(term, NamedNode):
        return compact(term.value) if shorten else term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return term.value


def term_json(term: Term | None) -> Any:
    """A JSON value for a term: numbers and booleans as such, everything else as text."""
    if isinstance(term, Literal):
        datatype = term.datatype.value
        if datatype in _NUMERIC:
            try:
                number = float(term.value)
            except ValueError:
                return term.value
            return int(number) if number.is_integer() and "." not in term.value else number
        if datatype == _XSD + "boolean":
            return term.value == "true"
    return term_text(term) if term is not None else None


def render_table(result: SelectResult, max_width: int = 80) -> str:
    """A fixed-width text table for a terminal."""
    header = list(result.variables)
    body = [
        [term_text(cell, shorten=True).replace("\n", " ") for cell in row] for row in result.rows
    ]
    widths = [
        min(max_width, max([len(name)] + [len(row[i]) for row in body]))
        for i, name in enumerate(header)
    ]

    def line(cells: list[str]) -> str:
        return "  ".join(
            (cell if len(cell) <= width else cell[: width - 1] + "…").ljust(width)
            for cell, width in zip(cells, widths, strict=True)
        ).rstrip()

    rule = "  ".join("-" * width for width in widths)
    rows = [line(header), rule, *(line(row) for row in body)]
    rows.append(f"({len(body)} row{'s' if len(body) != 1 else ''})")
    return "\n".join(rows) + "\n"


def render_csv(result: SelectResult) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.variables)
    for row in result.rows:
        writer.writerow([term_text(cell) for cell in row])
    return buffer.getvalue()


def render_json(result: SelectResult) -> str:
    rows = [
        {name: term_json(cell) for name, cell in zip(result.variables, row, strict=True)}
        for row in result.rows
    ]
    return (
        json.dumps(
            {"variables": list(result.variables), "rows": rows}, indent=2, ensure_ascii=False
        )
        + "\n"
    )
