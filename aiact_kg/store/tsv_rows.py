"""Read a SELECT result from pyoxigraph's own TSV serialisation, each distinct term made once.

Taking each value out of a pyoxigraph solution makes a new Python term per cell; a report's
queries return hundreds of thousands of rows in which the same IRIs, labels and dates recur.
Serialising the solutions to SPARQL TSV is done in Rust at the cost of the query itself; here
the lines are split and each distinct cell text is turned into a term once (the same term
objects are shared by every row that holds them). A cell this reader does not know (a triple
term, a directional language tag, an unexpected escape) raises :class:`UnknownCellError`, and the
caller converts the solutions as before.
"""

from __future__ import annotations

import re
from typing import Final

from pyoxigraph import BlankNode, Literal, NamedNode

from aiact_kg.store.base import Term

_XSD: Final = "http://www.w3.org/2001/XMLSchema#"
_BOOLEAN: Final = NamedNode(_XSD + "boolean")
_INTEGER: Final = NamedNode(_XSD + "integer")
_DECIMAL: Final = NamedNode(_XSD + "decimal")
_DOUBLE: Final = NamedNode(_XSD + "double")
_ESCAPE: Final = re.compile(r"\\(.)")
_UNESCAPED: Final = {"t": "\t", "n": "\n", "r": "\r", '"': '"', "\\": "\\"}
_INTEGER_TEXT: Final = re.compile(r"[+-]?[0-9]+")
_DECIMAL_TEXT: Final = re.compile(r"[+-]?[0-9]*\.[0-9]+")
_DOUBLE_TEXT: Final = re.compile(r"[+-]?(?:[0-9]+\.[0-9]*|\.[0-9]+|[0-9]+)[eE][+-]?[0-9]+")
_LANGUAGE: Final = re.compile(r"[a-zA-Z]+(?:-[a-zA-Z0-9]+)*")


class UnknownCellError(ValueError):
    """A TSV cell this reader does not turn into a term."""


def _unescape(text: str) -> str:
    if "\\" not in text:
        return text

    def one(match: re.Match[str]) -> str:
        found = _UNESCAPED.get(match.group(1))
        if found is None:
            raise UnknownCellError(match.group(0))
        return found

    return _ESCAPE.sub(one, text)


def parse_cell(cell: str) -> Term:
    """The term a TSV cell writes (SPARQL 1.1 TSV, as pyoxigraph writes it)."""
    first = cell[:1]
    if first == "<" and cell.endswith(">") and not cell.startswith("<<"):
        return NamedNode(cell[1:-1])
    if first == '"':
        end = cell.rfind('"')
        if end <= 0:
            raise UnknownCellError(cell)
        value, suffix = _unescape(cell[1:end]), cell[end + 1 :]
        if not suffix:
            return Literal(value)
        if suffix.startswith("^^<") and suffix.endswith(">"):
            return Literal(value, datatype=NamedNode(suffix[3:-1]))
        if suffix.startswith("@") and "--" not in suffix and _LANGUAGE.fullmatch(suffix[1:]):
            return Literal(value, language=suffix[1:])
        raise UnknownCellError(cell)
    if cell.startswith("_:"):
        return BlankNode(cell[2:])
    if cell in ("true", "false"):
        return Literal(cell, datatype=_BOOLEAN)
    if _INTEGER_TEXT.fullmatch(cell):
        return Literal(cell, datatype=_INTEGER)
    if _DECIMAL_TEXT.fullmatch(cell):
        return Literal(cell, datatype=_DECIMAL)
    if _DOUBLE_TEXT.fullmatch(cell):
        return Literal(cell, datatype=_DOUBLE)
    raise UnknownCellError(cell)


class Terms(dict[str, "Term | None"]):
    """Cell text -> term, each made on first sight (terms are immutable: safe to share)."""

    def __init__(self) -> None:
        super().__init__({"": None})

    def clear(self) -> None:
        super().clear()
        self[""] = None

    def __missing__(self, cell: str) -> Term:
        term = self[cell] = parse_cell(cell)
        return term


def tsv_rows(
    data: bytes, width: int, terms: Terms | None = None
) -> tuple[tuple[Term | None, ...], ...]:
    """The rows of a TSV result of ``width`` variables (header line first; unbound: None);
    ``terms``: the terms already made (e.g. by the other queries of a report), added to."""
    lines = data.decode("utf-8").split("\n")
    if width < 1 or lines[-1]:
        raise UnknownCellError("no variables, or no new line at the end")
    lookup = (Terms() if terms is None else terms).__getitem__
    rows = tuple(tuple(map(lookup, line.split("\t"))) for line in lines[1:-1])
    if any(len(row) != width for row in rows):
        raise UnknownCellError("a row of another width")
    return rows
