"""Write query results: a text table for people, the W3C formats by pyoxigraph's serialisers.

SELECT and ASK results are written as SPARQL 1.1 Query Results JSON, XML, CSV or TSV, and
CONSTRUCT and DESCRIBE graphs as Turtle, N-Triples or JSON-LD, all by pyoxigraph's own
serialisers, so the documents are exactly what the W3C formats define (JSON-LD then compacted
with our context, :mod:`aiact_kg.render.jsonld`). The rows come from the
query worker one at a time; they are handed to the serialiser as a stream (the solutions as a
TSV results document read as it is produced), so nothing is held in memory and the output
grows as the rows arrive.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import IO, Any, TextIO, cast

from pyoxigraph import (
    BlankNode,
    NamedNode,
    QueryResultsFormat,
    RdfFormat,
    Triple,
    parse_query_results,
    serialize,
)

from aiact_kg.errors import QueryError
from aiact_kg.namespaces import compact
from aiact_kg.render.jsonld import compact_jsonld
from aiact_kg.render.terminal import terminal_safe
from aiact_kg.store.base import SelectResult, Term
from aiact_kg.xml_text import first_not_xml


def term_text(term: Term | Triple | None, *, shorten: bool = False) -> str:
    """The plain text of a term: the IRI (optionally prefixed), the literal's lexical form."""
    if term is None:
        return ""
    if isinstance(term, Triple):
        return sparql_term(term)
    if isinstance(term, NamedNode):
        return compact(term.value) if shorten else term.value
    if isinstance(term, BlankNode):
        return f"_:{term.value}"
    return term.value


SOLUTION_FORMATS = {
    "json": QueryResultsFormat.JSON,
    "xml": QueryResultsFormat.XML,
    "csv": QueryResultsFormat.CSV,
    "tsv": QueryResultsFormat.TSV,
}
GRAPH_FORMATS = {
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
    "jsonld": RdfFormat.JSON_LD,
}
TABLE = "table"


def sparql_term(term: Term | Triple) -> str:
    """A term as SPARQL, Turtle and TSV results write it (a triple term as ``<<( s p o )>>``)."""
    if isinstance(term, Triple):
        parts = (term.subject, term.predicate, term.object)
        return "<<( " + " ".join(sparql_term(part) for part in parts) + " )>>"
    return str(term)


class _ChunkReader(io.RawIOBase):
    """A binary file reading the chunks of an iterator as they are produced."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._pending:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._pending = chunk
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size


def write_solutions(
    variables: Sequence[str],
    rows: Iterable[Sequence[Term | Triple | None]],
    out: IO[bytes],
    format_name: str,
) -> None:
    """Write SELECT solutions in a W3C results format, as the rows arrive.

    pyoxigraph serialises only its own solutions object, which Python cannot build except by
    parsing results; so the rows are given to its parser as a TSV results document, written as
    they come, in which each term is in its N-Triples form (written by pyoxigraph, and read back
    exactly: escapes, datatypes, languages, directions, blank nodes, triple terms).
    """

    xml = format_name == "xml"

    def tsv() -> Iterator[bytes]:
        yield ("\t".join(f"?{name}" for name in variables) + "\n").encode("utf-8")
        for row in rows:
            if xml:
                xml_can_carry(row)
            cells = ("" if term is None else sparql_term(term) for term in row)
            yield ("\t".join(cells) + "\n").encode("utf-8")

    solutions = parse_query_results(cast(IO[bytes], _ChunkReader(tsv())), QueryResultsFormat.TSV)
    solutions.serialize(out, SOLUTION_FORMATS[format_name])
    _end_line(out, format_name)


def xml_can_carry(row: Sequence[Term | Triple | None]) -> None:
    """Refuse a row holding a character XML 1.0 cannot write (U+0000, most control
    characters): the serialiser wrote it raw, into a document no XML parser reads (an outside
    check)."""
    for term in row:
        parts = [term.subject, term.predicate, term.object] if isinstance(term, Triple) else [term]
        for part in parts:
            if isinstance(part, Triple):
                xml_can_carry([part])
                continue
            found = None if part is None else first_not_xml(part.value)
            if found is not None:
                raise QueryError(
                    f"a value of the results holds the character U+{ord(found):04X}, "
                    "which XML cannot carry; ask for the results as JSON, CSV or TSV"
                )


def rdf_xml_can_write(triples: Iterable[Sequence[Term | Triple | None]]) -> None:
    """Refuse triples whose predicate RDF/XML cannot write as an element: one ending without an
    XML name (``.../vocab/2024``, ``...#``, ``urn:x:2``). The serialiser wrote ``<oxprefix: ...>``
    for it, a document no XML parser reads (an outside check)."""
    for _, predicate, _ in triples:
        if isinstance(predicate, NamedNode) and not _ends_with_xml_name(predicate.value):
            raise QueryError(
                f"the predicate <{predicate.value}> does not end with a name XML allows (a "
                "letter or '_', then letters, digits, '-', '.' or '_'), so RDF/XML cannot write "
                "it; ask for Turtle, N-Triples or JSON-LD"
            )


def _ends_with_xml_name(iri: str) -> bool:
    """Whether ``iri`` ends with characters that can make an XML element's local name: the
    longest run of name characters at its end holds a letter or '_' to start one."""
    start = len(iri)
    while start > 0 and (iri[start - 1].isalnum() or iri[start - 1] in "-._"):
        start -= 1
    return any(char.isalpha() or char == "_" for char in iri[start:])


def _end_line(out: IO[bytes], format_name: str) -> None:
    """End a JSON or XML document with a newline, as a text file ends (not part of the data)."""
    if format_name in ("json", "xml", "jsonld"):
        out.write(b"\n")


def write_boolean(value: bool, out: IO[bytes], format_name: str) -> None:
    """Write an ASK answer in a W3C results format."""
    document = b'{"head":{},"boolean":' + (b"true" if value else b"false") + b"}"
    answer = parse_query_results(document, QueryResultsFormat.JSON)
    answer.serialize(out, SOLUTION_FORMATS[format_name])
    out.write(b"\n")  # CSV and TSV define no boolean: pyoxigraph writes the bare word


def write_triples(
    triples: Iterable[Triple],
    out: IO[bytes],
    format_name: str,
    prefixes: Mapping[str, str] | None = None,
) -> None:
    """Write a CONSTRUCT or DESCRIBE graph in an RDF format, as the triples arrive.

    JSON-LD is compacted with the whole-ontology context (embedded), which needs the whole
    graph: it is written when the last triple has come (the row limit bounds it).
    """
    if format_name == "jsonld":
        out.write(compact_jsonld(list(triples)))
        return
    serialize(triples, out, GRAPH_FORMATS[format_name], prefixes=dict(prefixes or {}) or None)
    _end_line(out, format_name)


class ResultWriter:
    """Write query results as they come: ``start``, then ``row`` per row, then ``finish``."""

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.rows = 0

    def start(self, variables: Sequence[str]) -> None:
        self.variables = tuple(variables)

    def row(self, row: Sequence[Term | Triple | None]) -> None:
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

    def row(self, row: Sequence[Term | Triple | None]) -> None:
        super().row(row)
        cells = [terminal_safe(term_text(cell, shorten=True).replace("\n", " ")) for cell in row]
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
