"""The ``aiact-kg`` command line: a thin layer over the library."""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import sys
import threading
import warnings
from collections.abc import Iterator, Sequence
from contextlib import closing
from datetime import date
from pathlib import Path

from pyoxigraph import RdfFormat, Triple

from aiact_kg import __version__
from aiact_kg.assessment import AssessmentReport, assess_inputs
from aiact_kg.batch_assessment import BatchOutcome
from aiact_kg.errors import AiactKgError, InputError, QueryError
from aiact_kg.kb import build_knowledge_base, open_knowledge_base
from aiact_kg.namespaces import GRAPH, PREFIXES
from aiact_kg.provision import describe_provision, resolve_draft_citation
from aiact_kg.queries import get_query, list_queries
from aiact_kg.reasoning.dpv_output import dpv_turtle
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.render.assessment import (
    assessment_json,
    assessment_text,
    assessment_turtle,
    explanation_text,
)
from aiact_kg.render.provision import draft_resolution_text, provision_json, provision_text
from aiact_kg.render.query import (
    GRAPH_FORMATS,
    SOLUTION_FORMATS,
    TABLE,
    TableWriter,
    write_boolean,
    write_solutions,
    write_triples,
)
from aiact_kg.stats import knowledge_base_stats
from aiact_kg.store.base import Term
from aiact_kg.store.bounded import (
    DEFAULT_MAX_ROWS,
    DEFAULT_TIMEOUT,
    BoundedResult,
    QueryLimits,
    QueryTimeoutError,
    bounded_query,
)
from aiact_kg.store.factory import is_endpoint, open_store
from aiact_kg.store.location import default_store_location
from aiact_kg.store.remote import ALLOWLIST_VARIABLE, allowlist_from_environment, check_query

EXPORT_FORMATS = {
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
    "jsonld": RdfFormat.JSON_LD,
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
}
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="aiact-kg",
        description="Knowledge graph and legal reasoning for the EU AI Act "
        "(Regulation (EU) 2024/1689).",
    )
    parser.add_argument("--version", action="version", version=f"aiact-kg {__version__}")
    parser.add_argument(
        "--store",
        default=None,
        metavar="DIR|URL",
        help="knowledge-base store: a directory, or the query URL of a SPARQL 1.1 endpoint "
        "(http(s)://...; see docs/deploy.md) (default: $AIACT_KG_STORE or "
        "$XDG_DATA_HOME/aiact-kg/store)",
    )
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    build = commands.add_parser("build", help="build the knowledge base into the embedded store")
    build.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="if another build is writing the store, wait up to this long for it to finish "
        "(default 0: fail at once with exit 3)",
    )

    commands.add_parser(
        "check",
        help="verify the store thoroughly: hash every file, count every quad (exit 3 if damaged)",
    )

    stats = commands.add_parser("stats", help="count what the knowledge base holds")
    stats.add_argument("--format", choices=("text", "json"), default="text")

    query = commands.add_parser(
        "query",
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
        "--max-rows",
        type=int,
        default=DEFAULT_MAX_ROWS,
        metavar="N",
        help="write at most N rows (or triples) and say so if there were more "
        f"(default {DEFAULT_MAX_ROWS}; 0 for no limit)",
    )
    query.add_argument(
        "--allow-service",
        action="append",
        default=[],
        metavar="IRI",
        help="let SERVICE reach this endpoint (exact IRI; repeatable; also "
        f"${ALLOWLIST_VARIABLE}, space-separated); nothing else is ever fetched",
    )

    export = commands.add_parser("export", help="export the whole knowledge base")
    export.add_argument(
        "--format",
        choices=tuple(EXPORT_FORMATS),
        default="trig",
        help="trig, nquads and jsonld keep the named graphs; turtle and "
        "ntriples write the union of all graphs",
    )
    export.add_argument(
        "--graph",
        help=f"export one named graph only: its IRI, or its name after {GRAPH} (e.g. obligations)",
    )
    export.add_argument("--output", "-o", type=Path, help="write to this file instead of stdout")

    validate = commands.add_parser(
        "validate", help="check submitted descriptions of AI systems and models"
    )
    validate.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE|DIR|-",
        help="RDF files, directories (searched recursively) or - for stdin",
    )
    validate.add_argument(
        "--format",
        choices=("text", "json", "turtle"),
        default="text",
        help="turtle writes the W3C SHACL validation report",
    )
    validate.add_argument(
        "--max-bytes",
        type=int,
        default=None,
        help="largest input accepted, in bytes (default: $AIACT_KG_MAX_INPUT_BYTES or 20 MiB)",
    )
    validate.add_argument("--no-progress", action="store_true", help="never show a progress line")
    validate.add_argument(
        "--engine",
        choices=("store", "pyshacl"),
        default=None,
        help="store: the shapes compiled to SPARQL, run in an embedded store (default, or "
        "$AIACT_KG_VALIDATION_ENGINE); pyshacl: the reference SHACL engine (same findings, "
        "slower)",
    )

    for name, help_text in (
        ("assess", "classify submitted systems and models and list their obligations"),
        ("explain", "explain each conclusion about one subject, down to provision text"),
        ("timeline", "the systemic-risk procedure of one GPAI model: events, states, deadlines"),
    ):
        command = commands.add_parser(name, help=help_text)
        if name == "explain":
            command.add_argument("subject", help="IRI of the AI system or model to explain")
        if name == "timeline":
            command.add_argument("model", help="IRI or name (aia:modelName) of the model")
        command.add_argument("inputs", nargs="+", metavar="FILE|DIR|-")
        command.add_argument(
            "--as-of", default=None, help="date of the assessment (YYYY-MM-DD; default today)"
        )
        command.add_argument(
            "--law",
            choices=("as-published", "as-amended"),
            default=None,
            help="force a version of the Regulation: as published, or as amended by the "
            "Digital Omnibus (reported, not verified against the Official Journal); "
            "default: the version in force on the as-of date",
        )
        command.add_argument(
            "--threshold",
            type=float,
            default=None,
            help="training-compute threshold in FLOP for Art 51(2) "
            "(default: the value in the knowledge base, 1e25)",
        )
        command.add_argument("--max-bytes", type=int, default=None)
        command.add_argument("--no-progress", action="store_true")
        if name == "assess":
            command.add_argument(
                "--format",
                choices=("text", "json", "jsonl", "turtle", "dpv"),
                default="text",
                help="dpv: the results in W3C DPV eu-aiact and AIRO terms (Turtle); jsonl: one "
                "JSON object per line (run, inputs, violations, subjects, summary), streamed as "
                "batches finish; json and jsonl are assessed in batches (see --batch-size)",
            )
            _batch_arguments(command)
        if name == "timeline":
            command.add_argument("--format", choices=("text", "json"), default="text")

    _add_serve(commands)
    _registry_parsers(commands)
    _add_systemic_risk_list(commands)

    provision = commands.add_parser("provision", help="show a provision with its context")
    provision.add_argument(
        "citation", help="e.g. 'Art 6(3)', 'Art 5(1)(h)(iii)', 'Annex III point 4(a)', 'Recital 97'"
    )
    provision.add_argument("--format", choices=("text", "json"), default="text")
    provision.add_argument(
        "--draft",
        action="store_true",
        help="read the citation as a citation of a draft text "
        "(e.g. 'Article 52a' of the February 2024 text)",
    )
    return parser


def _batch_arguments(command: argparse.ArgumentParser) -> None:
    from aiact_kg.batch_assessment import DEFAULT_BATCH_SIZE

    command.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help="with --format json or jsonl: subjects per batch, each validated and assessed on "
        "its own; files that describe the same subjects or their parties are assessed together, "
        "so results do not depend on the batches; an unreadable file stops no batch; 0: "
        f"everything in one batch, as before batching (default {DEFAULT_BATCH_SIZE})",
    )
    command.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="with --format json or jsonl: worker processes assessing batches in parallel "
        "(default: the number of cores; 1: in this process); the output does not depend on it",
    )


def _add_serve(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from aiact_kg.service.config import (
        DEFAULT_HOST,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_QUERIES,
        DEFAULT_MAX_RESULTS,
        DEFAULT_PORT,
        DEFAULT_QUERY_TIMEOUT,
        DEFAULT_WRITE_WAIT,
        TOKEN_VARIABLE,
    )

    serve = commands.add_parser(
        "serve",
        help="serve the knowledge base over the SPARQL 1.1 Protocol, with an HTTP API",
        description="Serve the store over HTTP: SPARQL 1.1 queries at /sparql (the default "
        "graph is the union of all named graphs), graphs at /graph?graph=IRI, /validate, "
        "/assess, /submissions, /provisions/{citation}, OpenAPI at /openapi.json. Read-only "
        "unless an update token is configured. See docs/service.md.",
    )
    serve.add_argument(
        "--host",
        default=DEFAULT_HOST,
        help=f"address to listen on (default {DEFAULT_HOST}; other than loopback needs --public)",
    )
    serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"default {DEFAULT_PORT}")
    serve.add_argument(
        "--public",
        action="store_true",
        help="allow listening on an address reachable from other machines (e.g. 0.0.0.0)",
    )
    serve.add_argument(
        "--timeout",
        type=float,
        default=DEFAULT_QUERY_TIMEOUT,
        metavar="SECONDS",
        help=f"time limit of each query (default {DEFAULT_QUERY_TIMEOUT:g}; answered with 503)",
    )
    serve.add_argument(
        "--max-results",
        type=int,
        default=DEFAULT_MAX_RESULTS,
        metavar="N",
        help=f"most rows or triples in one result (default {DEFAULT_MAX_RESULTS}; over it: 413)",
    )
    serve.add_argument(
        "--max-body-bytes",
        type=int,
        default=DEFAULT_MAX_BODY_BYTES,
        metavar="BYTES",
        help=f"largest request body (default {DEFAULT_MAX_BODY_BYTES}; over it: 413)",
    )
    serve.add_argument(
        "--max-queries",
        type=int,
        default=DEFAULT_MAX_QUERIES,
        metavar="N",
        help=f"most queries running at once (default {DEFAULT_MAX_QUERIES}; more: 503)",
    )
    serve.add_argument(
        "--token-file",
        type=Path,
        default=None,
        help="file holding the bearer token that SPARQL updates and submissions need "
        f"(default: ${TOKEN_VARIABLE}; without either, the service is read-only)",
    )
    serve.add_argument(
        "--write-wait",
        type=float,
        default=DEFAULT_WRITE_WAIT,
        metavar="SECONDS",
        help="how long a write waits for another writer of the store "
        f"(default {DEFAULT_WRITE_WAIT:g}; then 503 with Retry-After)",
    )
    serve.add_argument(
        "--allow-service",
        action="append",
        default=[],
        metavar="IRI",
        help="let SERVICE reach this endpoint (exact IRI; repeatable; also "
        f"${ALLOWLIST_VARIABLE}, space-separated)",
    )


def _cmd_serve(args: argparse.Namespace) -> int:
    from aiact_kg.service.config import ServiceConfig, read_token
    from aiact_kg.service.server import serve

    if not args.timeout > 0 or args.timeout == float("inf"):
        raise InputError(f"--timeout takes a positive number of seconds, not {args.timeout}")
    if not 0 <= args.write_wait < float("inf"):
        raise InputError(f"--write-wait takes a number of seconds, not {args.write_wait}")
    for name in ("max_results", "max_body_bytes", "max_queries"):
        if getattr(args, name) < 1:
            option = "--" + name.replace("_", "-")
            raise InputError(f"{option} takes a positive number, not {getattr(args, name)}")
    if not 0 < args.port < 65536:
        raise InputError(f"--port takes a port number (1-65535), not {args.port}")
    config = ServiceConfig(
        store_path=_store_path(args),
        limits=QueryLimits(timeout=args.timeout, max_rows=args.max_results),
        token=read_token(args.token_file, os.environ),
        allowed_services=(*args.allow_service, *allowlist_from_environment(os.environ)),
        max_body_bytes=args.max_body_bytes,
        max_queries=args.max_queries,
        write_wait=args.write_wait,
    )
    serve(config, args.host, args.port, public=args.public)
    return 0


def _add_systemic_risk_list(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    listing = commands.add_parser(
        "systemic-risk-list",
        help="the general-purpose AI models with systemic risk and the basis of each (Art 52(6))",
        description="List the models with systemic risk on the as-of date, with the basis of "
        "each: the presumption of Art 51(2) or a designation under Art 51(1)(b). Without "
        "inputs, from the registry (its last assessments); with --catalogue, from the shipped "
        "catalogue of real models (Epoch AI data); with FILE|DIR|-, from those descriptions.",
    )
    listing.add_argument("inputs", nargs="*", metavar="FILE|DIR|-")
    listing.add_argument(
        "--catalogue", action="store_true", help="assess the shipped model catalogue"
    )
    listing.add_argument(
        "--as-of", default=None, help="date of the assessment (YYYY-MM-DD; default today)"
    )
    listing.add_argument(
        "--law",
        choices=("as-published", "as-amended"),
        default=None,
        help="force a version of the Regulation (default: the version in force on the date)",
    )
    listing.add_argument("--threshold", type=float, default=None, help=argparse.SUPPRESS)
    listing.add_argument("--max-bytes", type=int, default=None)
    listing.add_argument("--no-progress", action="store_true")
    listing.add_argument(
        "--format", choices=("table", "csv", "tsv", "json", "xml"), default="table"
    )


def _law_and_date(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--as-of", default=None, help="date of the assessment (YYYY-MM-DD; default today)"
    )
    command.add_argument(
        "--law",
        choices=("as-published", "as-amended"),
        default=None,
        help="force a version of the Regulation (default: the version in force on the as-of date)",
    )
    command.add_argument("--threshold", type=float, default=None, help=argparse.SUPPRESS)
    command.add_argument(
        "--wait", type=float, default=0.0, help="wait up to SECONDS for another writer"
    )
    command.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    command.add_argument("--format", choices=("text", "json"), default="text")


def _registry_parsers(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    submit = commands.add_parser(
        "submit", help="validate, assess and keep submissions in the registry of the store"
    )
    submit.add_argument("inputs", nargs="+", metavar="FILE|DIR|-")
    submit.add_argument(
        "--name", default=None, help="registry name of a single document (default: file name)"
    )
    submit.add_argument("--max-bytes", type=int, default=None)
    _law_and_date(submit)
    reassess = commands.add_parser(
        "reassess", help="assess every stored submission again (new date or law version)"
    )
    _law_and_date(reassess)
    withdraw = commands.add_parser("withdraw", help="remove a submission from the registry")
    withdraw.add_argument("name")
    withdraw.add_argument(
        "--wait", type=float, default=0.0, help="wait up to SECONDS for another writer"
    )
    for name in ("registry", "submissions"):
        listing = commands.add_parser(name, help="list the stored submissions")
        listing.add_argument("--format", choices=("table", "json"), default="table")


def _location(args: argparse.Namespace) -> str | Path:
    """The store ``--store`` or ``$AIACT_KG_STORE`` names: a directory or an endpoint URL."""
    if args.store is None:
        return default_store_location()
    return args.store if is_endpoint(args.store) else Path(args.store).expanduser()


def _store_path(args: argparse.Namespace) -> Path:
    """The directory of the embedded store, for the commands that only work on it."""
    location = _location(args)
    if isinstance(location, str):
        raise InputError(
            f"`aiact-kg {args.command}` works on the embedded store only, but the store is the "
            f"SPARQL endpoint {location}; give a store directory with --store"
        )
    return location


def _cmd_build(args: argparse.Namespace) -> int:
    if args.wait < 0:
        raise InputError(f"--wait takes a number of seconds >= 0, not {args.wait}")
    location = _location(args)
    if isinstance(location, str):
        from aiact_kg.kb.build import build_endpoint

        report = build_endpoint(open_store(location))
    else:
        report = build_knowledge_base(location, wait_seconds=args.wait)
    print(f"Built the knowledge base in {report.store_path or location}")
    for graph in report.graphs:
        print(f"  {graph.name:<26} {graph.quads:>8} triples from {graph.files} file(s)")
    print(f"  {'total':<26} {report.total_quads:>8} quads")
    if report.registry_quads:
        print(f"  carried over the registry: {report.registry_quads} quads")
    if report.registry_problem:
        print(
            "aiact-kg: warning: the registry of the previous version could not be read and was "
            f"not carried over ({report.registry_problem})",
            file=sys.stderr,
        )
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    open_knowledge_base(_store_path(args), thorough=True).close()
    print(
        f"The store at {_store_path(args)} is intact: every file matches its sha256, and the "
        "engine holds the quads and named graphs its build recorded."
    )
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    store = open_store(_location(args))
    counts = knowledge_base_stats(store)
    if args.format == "json":
        print(json.dumps(counts, indent=2))
    else:
        for key, value in counts.items():
            print(f"{key:<22} {value:>8}")
    return 0


def _query_text(data: bytes, source: str) -> str:
    if len(data) > MAX_QUERY_FILE_BYTES:
        raise QueryError(f"{source} is larger than {MAX_QUERY_FILE_BYTES} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise QueryError(f"{source} is not UTF-8 text (byte {error.start})") from None


def _load_query(reference: str) -> tuple[str, str]:
    """The text of the query and the name of where it came from (for error messages)."""
    if reference == "-":
        stdin = getattr(sys.stdin, "buffer", None)
        if stdin is None:  # a text stream without bytes underneath
            return _query_text(sys.stdin.read().encode("utf-8"), "<stdin>"), "<stdin>"
        return _query_text(stdin.read(MAX_QUERY_FILE_BYTES + 1), "<stdin>"), "<stdin>"
    path = Path(reference)
    if reference.endswith(".rq") or path.is_file():
        if not path.is_file():
            raise QueryError(f"no query file at {reference}")
        if path.stat().st_size > MAX_QUERY_FILE_BYTES:
            raise QueryError(f"{reference} is larger than {MAX_QUERY_FILE_BYTES} bytes")
        return _query_text(path.read_bytes(), reference), reference
    named = get_query(reference)
    return named.text, str(named.path)


def _query_limits(args: argparse.Namespace) -> QueryLimits:
    if not args.timeout >= 0 or args.timeout == float("inf"):
        raise InputError(
            f"--timeout takes a number of seconds (0 for no limit), not {args.timeout}"
        )
    if args.max_rows < 0:
        raise InputError(f"--max-rows takes a number of rows (0 for no limit), not {args.max_rows}")
    return QueryLimits(timeout=args.timeout or None, max_rows=args.max_rows or None)


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
    allowed = (*args.allow_service, *allowlist_from_environment(os.environ))
    format_name = _query_format(args.format, check_query(text, allowed, PREFIXES).form)
    location = _location(args)
    if isinstance(location, str):
        return _query_endpoint(location, text, limits, format_name)
    # the open store pins its version (a concurrent build cannot remove it) until the query ends
    store = open_knowledge_base(_store_path(args))
    store_path = store.path
    assert store_path is not None
    with (
        closing(store),
        bounded_query(
            store_path, text, limits, allowed_services=allowed, prefixes=PREFIXES, source=source
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
    from aiact_kg.store.sparql_endpoint import DEFAULT_TIMEOUT as REMOTE_TIMEOUT
    from aiact_kg.store.sparql_endpoint import SparqlEndpointStore

    store = SparqlEndpointStore(url, timeout=limits.timeout or REMOTE_TIMEOUT)
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


def _export_graph(reference: str, graphs: Sequence[str]) -> str:
    """The IRI of the named graph ``reference`` (an IRI, or a name under GRAPH)."""
    for candidate in (reference, GRAPH + reference.removeprefix("/")):
        if candidate in graphs:
            return candidate
    names = sorted(g.removeprefix(GRAPH) for g in graphs)
    raise InputError(
        f"the knowledge base has no named graph {reference!r}; give the IRI or the name of "
        f"one of its graphs (names are relative to {GRAPH}): " + ", ".join(names)
    )


def _cmd_export(args: argparse.Namespace) -> int:
    store = open_store(_location(args))
    graph = None if args.graph is None else _export_graph(args.graph, store.named_graphs())
    data = store.export(EXPORT_FORMATS[args.format], graph)
    if args.format == "jsonld":
        from aiact_kg.render.jsonld import compact_expanded

        data = compact_expanded(data)
    if args.output:
        args.output.write_bytes(data)
        print(f"Wrote {len(data)} bytes to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    if args.format in ("turtle", "ntriples") and not args.graph:
        print(
            "note: this format has no named graphs; the union of all graphs was written "
            "(use trig, nquads or jsonld to keep them)",
            file=sys.stderr,
        )
    return 0


def _cmd_provision(args: argparse.Namespace) -> int:
    store = open_store(_location(args))
    if args.draft:
        resolutions = resolve_draft_citation(store, args.citation)
        sys.stdout.write(draft_resolution_text(args.citation, resolutions))
        return 0 if resolutions else 1
    report = describe_provision(store, args.citation)
    sys.stdout.write(provision_json(report) if args.format == "json" else provision_text(report))
    return 0


def _cmd_validate(args: argparse.Namespace) -> int:
    from aiact_kg.render.validation import render_json, render_text, render_turtle
    from aiact_kg.submission.batch import validate_inputs

    if args.max_bytes is not None and args.max_bytes < 1:
        raise InputError(f"--max-bytes must be a positive number of bytes, not {args.max_bytes}")
    from aiact_kg.submission.validation import SubmissionValidator

    report = validate_inputs(
        args.inputs,
        max_bytes=args.max_bytes,
        progress=False if args.no_progress else None,
        validator=SubmissionValidator(args.engine),
    )
    renderers = {"text": render_text, "json": render_json, "turtle": render_turtle}
    sys.stdout.write(renderers[args.format](report))
    if args.format == "turtle":
        for error in report.unreadable:
            print(f"aiact-kg: error: {error}", file=sys.stderr)
    return report.exit_code


def _options(args: argparse.Namespace) -> AssessmentOptions:
    as_of = date.today()
    if args.as_of:
        try:
            as_of = date.fromisoformat(args.as_of)
        except ValueError:
            raise InputError(f"--as-of takes a date as YYYY-MM-DD, not {args.as_of!r}") from None
    return AssessmentOptions(as_of=as_of, law=args.law, threshold_flop=args.threshold)


def _assess(args: argparse.Namespace) -> AssessmentReport:
    """Assess in a fresh embedded store, or in run graphs of the remote engine ``--store``
    names (the run's graphs are removed when the report is closed)."""
    location = _location(args)
    return assess_inputs(
        args.inputs,
        _options(args),
        max_bytes=args.max_bytes,
        progress=False if args.no_progress else None,
        engine=open_store(location) if isinstance(location, str) else None,
    )


def _cmd_assess(args: argparse.Namespace) -> int:
    if args.format in ("json", "jsonl"):
        return _assess_batched(args)
    with closing(_assess(args)) as report:
        return _write_assessment(args, report)


def _assess_batched(args: argparse.Namespace) -> int:
    """``assess --format json|jsonl``: batches assessed in parallel, written as they finish."""
    from aiact_kg.batch_assessment import assess_inputs_batched
    from aiact_kg.progress import Progress
    from aiact_kg.render.stream import write_json, write_jsonl

    if args.batch_size < 0:
        raise InputError(f"--batch-size must be 0 or more subjects, not {args.batch_size}")
    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {args.jobs}")
    location = _location(args)
    outcomes = assess_inputs_batched(
        args.inputs,
        _options(args),
        batch_size=args.batch_size,
        jobs=args.jobs,
        max_bytes=args.max_bytes,
        engine=open_store(location) if isinstance(location, str) else None,
    )
    meter = Progress("Assessed batches", enabled=False if args.no_progress else None)

    def reported() -> Iterator[BatchOutcome]:
        for outcome in outcomes:
            for error in outcome.result.unreadable:
                print(f"aiact-kg: error: {error.message}", file=sys.stderr)
            meter.step(f"({len(outcome.result.subjects)} subjects in the last)")
            yield outcome

    writer = write_json if args.format == "json" else write_jsonl
    code = writer(reported(), sys.stdout)
    meter.close()
    return code


def _write_assessment(args: argparse.Namespace, report: AssessmentReport) -> int:
    if args.format == "json":
        sys.stdout.write(assessment_json(report.result))
    elif args.format == "turtle" and report.store is not None:
        sys.stdout.write(assessment_turtle(report.store))
    elif args.format == "dpv":
        sys.stdout.write(dpv_turtle(report.data))
    else:
        sys.stdout.write(assessment_text(report.result))
    for error in report.validation.unreadable:
        print(f"aiact-kg: error: {error}", file=sys.stderr)
    return report.exit_code


def _cmd_explain(args: argparse.Namespace) -> int:
    with closing(_assess(args)) as report:
        return _write_explanation(args, report)


def _write_explanation(args: argparse.Namespace, report: AssessmentReport) -> int:
    for error in report.validation.unreadable:
        print(f"aiact-kg: error: {error}", file=sys.stderr)
    if report.exit_code or report.store is None:
        sys.stdout.write(assessment_text(report.result))
        return report.exit_code
    iris = [subject.iri for subject in report.result.subjects]
    if args.subject not in iris:
        raise InputError(
            f"{args.subject} is not a subject of the inputs; assessed: " + ", ".join(iris)
        )
    sys.stdout.write(explanation_text(report.result, args.subject, report.store))
    return 0


def _cmd_timeline(args: argparse.Namespace) -> int:
    from aiact_kg.timeline import timeline_json, timeline_text

    report = _assess(args)
    for error in report.validation.unreadable:
        print(f"aiact-kg: error: {error}", file=sys.stderr)
    if report.exit_code or report.store is None:
        sys.stdout.write(assessment_text(report.result))
        return report.exit_code
    timeline = timeline_json(report.data, report.store, args.model)
    if args.format == "json":
        sys.stdout.write(json.dumps(timeline, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(timeline_text(timeline))
    return 0


def _cmd_systemic_risk_list(args: argparse.Namespace) -> int:
    from aiact_kg.kb import open_knowledge_base
    from aiact_kg.systemic_risk_list import catalogue_file, systemic_risk_rows

    if args.catalogue:
        args.inputs = [*args.inputs, str(catalogue_file())]
    if args.inputs:
        report = _assess(args)
        for error in report.validation.unreadable:
            print(f"aiact-kg: error: {error}", file=sys.stderr)
        if report.exit_code or report.store is None:
            sys.stdout.write(assessment_text(report.result))
            return report.exit_code
        result = systemic_risk_rows(report.store, union=False)
    else:
        if args.as_of or args.law:
            raise InputError(
                "--as-of and --law apply to an assessment of inputs or --catalogue; the "
                "registry lists its last assessments (see aiact-kg reassess)"
            )
        store = open_knowledge_base(_store_path(args))
        try:
            result = systemic_risk_rows(store, union=True)
        finally:
            store.close()
    if args.format == TABLE:
        writer = TableWriter(sys.stdout)
        writer.start(result.variables)
        for row in result.rows:
            writer.row(row)
        writer.finish(None)
    else:
        sys.stdout.flush()
        write_solutions(result.variables, result.rows, sys.stdout.buffer, args.format)
        sys.stdout.buffer.flush()
    return 0


def _cmd_submit(args: argparse.Namespace) -> int:
    from aiact_kg.registry.submit import submit_inputs
    from aiact_kg.render import registry as render

    result = submit_inputs(
        _store_path(args),
        args.inputs,
        _options(args),
        name=args.name,
        max_bytes=args.max_bytes,
        progress=False if args.no_progress else None,
        wait_seconds=args.wait,
    )
    if args.format == "json":
        sys.stdout.write(render.result_json(result))
    else:
        sys.stdout.write(render.result_text(result))
    if result.validation is not None:
        for error in result.validation.unreadable:
            print(f"aiact-kg: error: {error}", file=sys.stderr)
    return result.exit_code


def _cmd_reassess(args: argparse.Namespace) -> int:
    from aiact_kg.registry.reassess import reassess
    from aiact_kg.render import registry as render

    result = reassess(
        _store_path(args),
        _options(args),
        progress=False if args.no_progress else None,
        wait_seconds=args.wait,
    )
    if args.format == "json":
        sys.stdout.write(render.result_json(result))
    elif not result.outcomes:
        print("The registry is empty: nothing to reassess.")
    else:
        sys.stdout.write(render.result_text(result))
    return 0


def _cmd_withdraw(args: argparse.Namespace) -> int:
    from aiact_kg.registry.reassess import withdraw

    entry = withdraw(_store_path(args), args.name, wait_seconds=args.wait)
    print(f"Withdrew {entry.name} ({entry.file}): its statements, assessment and record")
    return 0


def _cmd_registry(args: argparse.Namespace) -> int:
    from aiact_kg.registry.reassess import list_registry
    from aiact_kg.render import registry as render

    listed = list_registry(_store_path(args))
    if args.format == "json":
        sys.stdout.write(render.listing_json(listed))
    else:
        sys.stdout.write(render.listing_table(listed))
    return 0


_COMMANDS = {
    "submit": _cmd_submit,
    "reassess": _cmd_reassess,
    "withdraw": _cmd_withdraw,
    "registry": _cmd_registry,
    "submissions": _cmd_registry,
    "build": _cmd_build,
    "check": _cmd_check,
    "stats": _cmd_stats,
    "query": _cmd_query,
    "export": _cmd_export,
    "provision": _cmd_provision,
    "validate": _cmd_validate,
    "assess": _cmd_assess,
    "explain": _cmd_explain,
    "timeline": _cmd_timeline,
    "systemic-risk-list": _cmd_systemic_risk_list,
    "serve": _cmd_serve,
}


@contextlib.contextmanager
def _quiet_libraries() -> Iterator[None]:
    """Keep library noise off stderr while a command runs; restore everything afterwards.

    Libraries log with tracebacks (rdflib, for a literal such as "2025-02-30"^^xsd:date, which
    the findings report anyway), warn, or report exceptions in finalizers and threads; none of
    it is for the user. With ``AIACT_KG_DEBUG`` set, all of it is shown.
    """
    if os.environ.get("AIACT_KG_DEBUG"):
        yield
        return
    previous_disable = logging.root.manager.disable
    previous_hooks = (sys.unraisablehook, threading.excepthook)
    logging.disable(logging.CRITICAL)
    sys.unraisablehook = lambda _: None
    threading.excepthook = lambda _: None
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logging.disable(previous_disable)
        sys.unraisablehook, threading.excepthook = previous_hooks


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return its exit code (0 ok, 1 negative, 2 bad input, 3 other)."""
    args = build_parser().parse_args(argv)
    with _quiet_libraries():
        return _run(args)


def _run(args: argparse.Namespace) -> int:
    try:
        return _COMMANDS[args.command](args)
    except AiactKgError as error:
        print(f"aiact-kg: error: {error}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("aiact-kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a defect of ours: one paragraph, no traceback
        if os.environ.get("AIACT_KG_DEBUG"):
            raise
        if "Corruption" in str(error):  # RocksDB found damage the checks on opening missed
            print(
                f"aiact-kg: error: the store at {_location(args)} is damaged ({error}); "
                "rebuild it with `aiact-kg build`",
                file=sys.stderr,
            )
            return 3
        print(
            f"aiact-kg: internal error ({type(error).__name__}): {error}. This is a defect of "
            "aiact-kg, not of your input; set AIACT_KG_DEBUG=1 to see the traceback and "
            "please report it.",
            file=sys.stderr,
        )
        return 3
