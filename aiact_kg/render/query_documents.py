"""Query results as documents, written by pyoxigraph's own serialisers.

pyoxigraph serialises only its own solutions object, which Python cannot build except by
parsing a results document; so the rows are handed to its parser as a TSV results document, in
which every term is in its N-Triples form (what pyoxigraph writes for a term and reads back
exactly), and the parsed solutions are written in the format asked for. Graphs (CONSTRUCT,
DESCRIBE, Graph Store reads) are written by :func:`pyoxigraph.serialize`, JSON-LD compacted.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence

from pyoxigraph import (
    QueryResultsFormat,
    RdfFormat,
    Triple,
    parse_query_results,
    serialize,
)

from aiact_kg.namespaces import PREFIXES
from aiact_kg.render.jsonld import compact_jsonld
from aiact_kg.store.base import Term


def _term(term: Term | Triple) -> str:
    if isinstance(term, Triple):
        parts = (term.subject, term.predicate, term.object)
        return "<<( " + " ".join(_term(part) for part in parts) + " )>>"
    return str(term)


def solutions_document(
    variables: Sequence[str],
    rows: Iterable[Sequence[Term | Triple | None]],
    results_format: QueryResultsFormat,
) -> bytes:
    """SELECT results in a W3C results format."""
    lines = ["\t".join(f"?{name}" for name in variables)]
    lines.extend("\t".join("" if t is None else _term(t) for t in row) for row in rows)
    tsv = ("\n".join(lines) + "\n").encode("utf-8")
    out = io.BytesIO()
    parse_query_results(tsv, QueryResultsFormat.TSV).serialize(out, results_format)
    return out.getvalue()


def boolean_document(value: bool, results_format: QueryResultsFormat) -> bytes:
    """An ASK answer in a W3C results format (CSV and TSV, which define none: the bare word)."""
    document = b'{"head":{},"boolean":' + (b"true" if value else b"false") + b"}"
    out = io.BytesIO()
    parse_query_results(document, QueryResultsFormat.JSON).serialize(out, results_format)
    return out.getvalue()


def graph_document(triples: Iterable[Triple], rdf_format: RdfFormat) -> bytes:
    """Triples in an RDF format (our prefixes declared where the format has prefixes; JSON-LD
    compacted with the whole-ontology context, embedded)."""
    if rdf_format == RdfFormat.JSON_LD:
        return compact_jsonld(list(triples))
    with_prefixes = rdf_format in (RdfFormat.TURTLE, RdfFormat.RDF_XML)
    data = serialize(
        list(triples), format=rdf_format, prefixes=dict(PREFIXES) if with_prefixes else None
    )
    return data or b""
