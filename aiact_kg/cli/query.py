"""``query``: a read-only SPARQL query on the knowledge base, bounded in time and rows."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

from pyoxigraph import Triple

from aiact_kg.cli.common import (
    Commands,
    add_allow_service,
    add_command,
    allowed_services,
    location,
    store_path,
)
from aiact_kg.errors import InputError, QueryError
from aiact_kg.kb import open_knowledge_base
from aiact_kg.namespaces import GRAPH, PREFIXES
from aiact_kg.queries import get_query, list_queries
from aiact_kg.render.query import (
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    TABLE,
    TableWriter,
    write_boolean,
    write_solutions,
    write_triples,
)
from aiact_kg.store.base import Term
from aiact_kg.store.bounded import (
    DEFAULT_MAX_MEMORY_MB,
    DEFAULT_MAX_ROWS,
    DEFAULT_TIMEOUT,
    MAX_MEMORY_MB,
    MAX_TIMEOUT_SECONDS,
    BoundedResult,
    QueryLimits,
    QueryTimeoutError,
    bounded_query,
)
from aiact_kg.store.remote import check_query
from aiact_kg.submission.encoding import text_problem

MAX_QUERY_FILE_BYTES = 1_000_000
QUERY_FORMATS = (TABLE, *SOLUTION_FORMATS, *GRAPH_FORMATS)
GRAPH_FORMS = frozenset({"CONSTRUCT", "DESCRIBE"})

QUERY_DESCRIPTION = f"""\
Run a read-only SPARQL 1.1 query (SELECT, ASK, CONSTRUCT or DESCRIBE) on the knowledge base
built by `aiact-kg build`: a shipped query by name, a query file, or - for standard input.

Graphs: each source is a named graph, {GRAPH}NAME.
A query without GRAPH sees the union of all named graphs as its default graph; GRAPH ?g
{{ ... }} says which graph a triple is in. FROM and FROM NAMED work as SPARQL defines: with
FROM the default graph is the merge of the FROM graphs only, and with FROM NAMED (and no
FROM) it is empty. Our standard prefixes (aia:, aiap:, ...) need no PREFIX lines. Updates
(INSERT, DELETE, LOAD, ...) are refused; SERVICE is refused unless its endpoint is allowed
(--allow-service).

Formats: SELECT and ASK: table (default), json, xml, csv, tsv (the W3C SPARQL results
formats). CONSTRUCT and DESCRIBE: turtle (default), ntriples, jsonld.
"""


def add_query(commands: Commands) -> None:
    query = add_command(
        commands,
        "query",
        _cmd_query,
        help="run a SPARQL query: a shipped one (by name), a .rq file or - (stdin)",
        description=QUERY_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    query.add_argument(
        "query",
        nargs="?",
        metavar="NAME|FILE|-",
        help="query name (see --list), path to a query file, or - to read the query from stdin",
    )
    query.add_argument(
        "--format",
        choices=QUERY_FORMATS,
        default=None,
        help="SELECT/ASK: table (default), json, xml, csv or tsv; "
        "CONSTRUCT/DESCRIBE: turtle (default), ntriples or jsonld",
    )
    query.add_argument("--list", action="store_true", help="list the shipped analyst queries")
    query.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_TIMEOUT,
        metavar="SECONDS",
        help=f"stop the query after this many seconds, wall-clock (default {DEFAULT_TIMEOUT:g}; "
        "0 for no limit)",
    )
    query.add_argument(
        "--max-memory",
        type=int,
        default=DEFAULT_MAX_MEMORY_MB,
        metavar="MIB",
        help="stop the query if it needs more than this many MiB of memory "
        f"(default {DEFAULT_MAX_MEMORY_MB}; 0 for no limit)",
    )
    query.add_argument(
        "--max-rows",
        type=int,
        default=DEFAULT_MAX_ROWS,
        metavar="N",
        help="write at most N rows (or triples) and say so if there were more "
        f"(default {DEFAULT_MAX_ROWS}; 0 for no limit)",
    )
    add_allow_service(query, "; nothing else is ever fetched")


def _query_text(data: bytes, source: str) -> str:
    if len(data) > MAX_QUERY_FILE_BYTES:
        raise QueryError(f"{source} is larger than {MAX_QUERY_FILE_BYTES} bytes")
    problem = text_problem(data)
    if problem is not None:
        raise QueryError(f"{source} is not a SPARQL text: {problem}")
    return data.decode("utf-8")


def _path_like(reference: str) -> bool:
    """Whether ``reference`` can only be a file's path (absolute, or starting with ./ or ../),
    not the name of a shipped query: ``/dev/zero`` was looked up as a name."""
    return reference.startswith(("/", "./", "../", os.sep))


def _load_query(reference: str) -> tuple[str, str]:
    """The text of the query and the name of where it came from (for error messages)."""
    if reference == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:  # a text stream without bytes underneath
            return _query_text(sys.stdin.read().encode("utf-8"), "<stdin>"), "<stdin>"
        return _query_text(stdin.read(MAX_QUERY_FILE_BYTES + 1), "<stdin>"), "<stdin>"
    path = Path(reference)
    if reference.endswith(".rq") or path.is_file() or _path_like(reference):
        if not path.is_file():
            if path.exists():  # a directory, a pipe or a device: never read
                raise QueryError(
                    f"{reference} is not a regular file (a directory, pipe or device); "
                    "give a query file, or - to read the query from standard input"
                )
            raise QueryError(f"no query file at {reference}")
        if path.stat().st_size > MAX_QUERY_FILE_BYTES:
            raise QueryError(f"{reference} is larger than {MAX_QUERY_FILE_BYTES} bytes")
        return _query_text(path.read_bytes(), reference), reference
    named = get_query(reference)
    return named.text, str(named.path)


def _query_limits(args: argparse.Namespace) -> QueryLimits:
    if not 0 <= args.timeout <= MAX_TIMEOUT_SECONDS:
        raise InputError(
            f"--timeout takes a number of seconds up to {MAX_TIMEOUT_SECONDS:g} (0 for no "
            f"limit), not {args.timeout}"
        )
    if args.max_rows < 0:
        raise InputError(f"--max-rows takes a number of rows (0 for no limit), not {args.max_rows}")
    if args.max_memory != 0 and not 64 <= args.max_memory <= MAX_MEMORY_MB:
        raise InputError(
            f"--max-memory takes 64 to {MAX_MEMORY_MB} MiB (0 for no limit), not {args.max_memory}"
        )
    return QueryLimits(
        timeout=args.timeout or None,
        max_rows=args.max_rows or None,
        max_memory_mb=args.max_memory or None,
    )


def _query_format(requested: str | None, form: str) -> str:
    """The output format for a query of ``form``: the one asked for if it fits, or the default."""
    graph = form in GRAPH_FORMS
    if requested is None:
        return "turtle" if graph else TABLE
    article = "an" if form == "ASK" else "a"
    if graph and requested not in GRAPH_FORMATS:
        raise InputError(
            f"--format {requested} is for SELECT and ASK results, but this is {article} {form} "
            "query, which gives an RDF graph: use --format turtle, ntriples or jsonld"
        )
    if not graph and requested in GRAPH_FORMATS and form in ("SELECT", "ASK"):
        raise InputError(
            f"--format {requested} writes an RDF graph, for CONSTRUCT and DESCRIBE, but this is "
            f"{article} {form} query: use --format table, json, xml, csv or tsv"
        )
    return requested


def _write_result(result: BoundedResult, format_name: str) -> QueryTimeoutError | None:
    """Write the result as it streams in; return the time-out that cut it, if one did.

    A cut result is still written as a complete document (of the rows that came in time).
    """
    cut: list[QueryTimeoutError] = []

    def rows() -> Iterator[tuple[Term | Triple | None, ...]]:
        try:
            yield from result
        except QueryTimeoutError as error:
            cut.append(error)

    fits = (result.form == "triples") == (format_name in GRAPH_FORMATS)
    if not fits:  # the check before running read the form differently from the engine
        raise InputError(f"--format {format_name} does not fit this query's result")
    sys.stdout.flush()
    out = sys.stdout.buffer
    if result.form == "ask" and format_name == TABLE:
        sys.stdout.write("true\n" if result.boolean else "false\n")
    elif result.form == "ask":
        write_boolean(bool(result.boolean), out, format_name)
    elif result.form == "select" and format_name == TABLE:
        writer = TableWriter(sys.stdout)
        writer.start(result.variables)
        for row in rows():
            writer.row(row)
        writer.finish("timeout" if cut else "max-rows" if result.truncated else None)
    elif result.form == "select":
        write_solutions(result.variables, rows(), out, format_name)
    else:
        triples = (Triple(*row) for row in rows())  # type: ignore[arg-type]
        write_triples(triples, out, format_name, PREFIXES)
    out.flush()
    sys.stdout.flush()
    return cut[0] if cut else None


def _cmd_query(args: argparse.Namespace) -> int:
    if args.list or not args.query:
        for named in list_queries("cq/"):
            print(f"{named.path.stem:<40} {named.description}")
        return 0
    text, source = _load_query(args.query)
    limits = _query_limits(args)
    allowed = allowed_services(args)
    format_name = _query_format(args.format, check_query(text, allowed, PREFIXES).form)
    found = location(args)
    if isinstance(found, str):
        return _query_endpoint(found, text, limits, format_name)
    # the open store pins its version (a concurrent build cannot remove it) until the query ends
    store = open_knowledge_base(store_path(args))
    pinned = store.path
    assert pinned is not None
    with (
        closing(store),
        bounded_query(
            pinned, text, limits, allowed_services=allowed, prefixes=PREFIXES, source=source
        ) as result,
    ):
        cut = _write_result(result, format_name)
    if cut is not None:
        unit = "triple" if result.form == "triples" else "row"
        found = f"{result.rows} {unit}{'' if result.rows == 1 else 's'}"
        raise QueryTimeoutError(
            f"{cut}; the output was closed off after the {found} found in time, so it is only "
            "part of the result"
        )
    if result.truncated:
        unit = "triples" if result.form == "triples" else "rows"
        print(
            f"aiact-kg: note: the result has more than {limits.max_rows} {unit}; only the first "
            f"{limits.max_rows} were written (raise --max-rows, or 0 for no limit)",
            file=sys.stderr,
        )
    return 0


def _query_endpoint(url: str, text: str, limits: QueryLimits, format_name: str) -> int:
    """Run a read-only query on a remote engine and write its (row-limited) answer."""
    from aiact_kg.queries import with_prefixes
    from aiact_kg.store.sparql_endpoint import SparqlEndpointStore

    store = SparqlEndpointStore(url, timeout=limits.timeout)  # None: $AIACT_KG_STORE_TIMEOUT
    sparql, form = with_prefixes(text), check_query(text, (), PREFIXES).form
    limit, out = limits.max_rows, sys.stdout.buffer
    sys.stdout.flush()
    if form == "ASK":
        answer = store.ask(sparql)
        if format_name == TABLE:
            sys.stdout.write("true\n" if answer else "false\n")
        else:
            write_boolean(answer, out, format_name)
    elif form in GRAPH_FORMS:
        triples = store.construct(sparql)
        write_triples(triples[:limit] if limit else triples, out, format_name, PREFIXES)
    else:
        result = store.select(sparql)
        rows = result.rows[:limit] if limit else result.rows
        if format_name == TABLE:
            writer = TableWriter(sys.stdout)
            writer.start(result.variables)
            for row in rows:
                writer.row(row)
            writer.finish("max-rows" if len(rows) < len(result.rows) else None)
        else:
            write_solutions(result.variables, rows, out, format_name)
    out.flush()
    sys.stdout.flush()
    return 0
