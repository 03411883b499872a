"""Render query results and reports as text tables, CSV or JSON."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Sequence
from typing import Any, TextIO

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


class ResultWriter:
    """Write query results as they come: ``start``, then ``row`` per row, then ``finish``."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.rows = 0

    def start(self, variables: Sequence[str]) -> None:
        self.variables = tuple(variables)

    def row(self, row: Sequence[Term | None]) -> None:
        self.rows += 1

    def finish(self, stopped_by: str | None = None) -> None:
        """End the output; ``stopped_by`` names the limit that cut it, if one did."""
        self.out.flush()


class TableWriter(ResultWriter):
    """A fixed-width text table; column widths come from the first rows (a bounded look-ahead)."""

    def __init__(self, out: TextIO, max_width: int = 80, look_ahead: int = 200) -> None:
        super().__init__(out)
        self.max_width = max_width
        self.look_ahead = look_ahead
        self._pending: list[list[str]] | None = []
        self._widths: list[int] = []

    def row(self, row: Sequence[Term | None]) -> None:
        super().row(row)
        cells = [term_text(cell, shorten=True).replace("\n", " ") for cell in row]
        if self._pending is None:
            self.out.write(self._line(cells))
            return
        self._pending.append(cells)
        if len(self._pending) >= self.look_ahead:
            self._flush_pending()

    def _flush_pending(self) -> None:
        pending, self._pending = self._pending or [], None
        self._widths = [
            min(self.max_width, max([len(name)] + [len(cells[i]) for cells in pending]))
            for i, name in enumerate(self.variables)
        ]
        self.out.write(self._line(list(self.variables)))
        self.out.write("  ".join("-" * width for width in self._widths) + "\n")
        for cells in pending:
            self.out.write(self._line(cells))

    def _line(self, cells: list[str]) -> str:
        return (
            "  ".join(
                (cell if len(cell) <= width else cell[: width - 1] + "…").ljust(width)
                for cell, width in zip(cells, self._widths, strict=True)
            ).rstrip()
            + "\n"
        )

    def finish(self, stopped_by: str | None = None) -> None:
        if self._pending is not None:
            self._flush_pending()
        count = f"{self.rows} row{'s' if self.rows != 1 else ''}"
        if stopped_by == "max-rows":
            count = f"first {count}; the result has more (--max-rows)"
        elif stopped_by == "timeout":
            count = f"{count} before the time limit; the result is incomplete (--timeout)"
        self.out.write(f"({count})\n")
        super().finish(stopped_by)


class CsvWriter(ResultWriter):
    """CSV with a header row; a cut result is reported on stderr only, to keep the CSV clean."""

    def start(self, variables: Sequence[str]) -> None:
        super().start(variables)
        self._writer = csv.writer(self.out, lineterminator="\n")
        self._writer.writerow(self.variables)

    def row(self, row: Sequence[Term | None]) -> None:
        super().row(row)
        self._writer.writerow([term_text(cell) for cell in row])


class JsonWriter(ResultWriter):
    """``{"variables": [...], "rows": [{...}, ...], "complete": bool, "stopped_by": ...}``."""

    def start(self, variables: Sequence[str]) -> None:
        super().start(variables)
        names = json.dumps(list(self.variables), ensure_ascii=False)
        self.out.write(f'{{\n  "variables": {names},\n  "rows": [')

    def row(self, row: Sequence[Term | None]) -> None:
        record = {name: term_json(cell) for name, cell in zip(self.variables, row, strict=True)}
        self.out.write(
            ("," if self.rows else "") + "\n    " + json.dumps(record, ensure_ascii=False)
        )
        super().row(row)

    def finish(self, stopped_by: str | None = None) -> None:
        closing = "\n  ]" if self.rows else "]"
        complete = json.dumps(stopped_by is None)
        self.out.write(f'{closing},\n  "complete": {complete},\n  "stopped_by": ')
        self.out.write(json.dumps(stopped_by) + "\n}\n")
        super().finish(stopped_by)


WRITERS: dict[str, type[ResultWriter]] = {
    "table": TableWriter,
    "csv": CsvWriter,
    "json": JsonWriter,
}


def _render(writer_class: type[ResultWriter], result: SelectResult) -> str:
    buffer = io.StringIO()
    writer = writer_class(buffer)
    writer.start(result.variables)
    for row in result.rows:
        writer.row(row)
    writer.finish()
    return buffer.getvalue()


def render_table(result: SelectResult) -> str:
    """A fixed-width text table for a terminal."""
    return _render(TableWriter, result)


def render_csv(result: SelectResult) -> str:
    return _render(CsvWriter, result)


def render_json(result: SelectResult) -> str:
    return _render(JsonWriter, result)
