"""``serve``: the store over the SPARQL 1.1 Protocol, with the HTTP API."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from aiact_kg.cli.common import (
    Commands,
    add_allow_service,
    add_command,
    allowed_services,
    store_path,
)
from aiact_kg.errors import InputError
from aiact_kg.store.bounded import (
    DEFAULT_MAX_MEMORY_MB,
    MAX_MEMORY_MB,
    MAX_TIMEOUT_SECONDS,
    QueryLimits,
)


def add_serve(commands: Commands) -> None:
    from aiact_kg.service.config import (
        DEFAULT_BODY_TIMEOUT,
        DEFAULT_HOST,
        DEFAULT_MAX_BODY_BYTES,
        DEFAULT_MAX_QUERIES,
        DEFAULT_MAX_RESULTS,
        DEFAULT_PORT,
        DEFAULT_QUERY_TIMEOUT,
        DEFAULT_WRITE_WAIT,
        TOKEN_VARIABLE,
    )

    serve = add_command(
        commands,
        "serve",
        _cmd_serve,
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
        "--max-query-memory",
        type=int,
        default=DEFAULT_MAX_MEMORY_MB,
        metavar="MIB",
        help=f"memory limit of each query's process (default {DEFAULT_MAX_MEMORY_MB}; over it: "
        "503; 0 for no limit)",
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
        "--body-timeout",
        type=float,
        default=DEFAULT_BODY_TIMEOUT,
        metavar="SECONDS",
        help=f"longest time a request body may take to arrive in full (default "
        f"{DEFAULT_BODY_TIMEOUT:g}; then 408)",
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
    add_allow_service(serve)


def _cmd_serve(args: argparse.Namespace) -> int:
    from aiact_kg.service.config import ServiceConfig, read_token
    from aiact_kg.service.server import serve

    if not 0 < args.timeout <= MAX_TIMEOUT_SECONDS:
        raise InputError(
            f"--timeout takes a positive number of seconds up to {MAX_TIMEOUT_SECONDS:g}, "
            f"not {args.timeout}"
        )
    if args.max_query_memory != 0 and not 64 <= args.max_query_memory <= MAX_MEMORY_MB:
        raise InputError(
            f"--max-query-memory takes 64 to {MAX_MEMORY_MB} MiB (0 for no limit), "
            f"not {args.max_query_memory}"
        )
    if not 0 < args.body_timeout < float("inf"):
        raise InputError(
            f"--body-timeout takes a positive number of seconds, not {args.body_timeout}"
        )
    if not 0 <= args.write_wait < float("inf"):
        raise InputError(f"--write-wait takes a number of seconds, not {args.write_wait}")
    for name in ("max_results", "max_body_bytes", "max_queries"):
        if getattr(args, name) < 1:
            option = "--" + name.replace("_", "-")
            raise InputError(f"{option} takes a positive number, not {getattr(args, name)}")
    if not 0 < args.port < 65536:
        raise InputError(f"--port takes a port number (1-65535), not {args.port}")
    config = ServiceConfig(
        store_path=store_path(args),
        limits=QueryLimits(
            timeout=args.timeout,
            max_rows=args.max_results,
            max_memory_mb=args.max_query_memory or None,
        ),
        token=read_token(args.token_file, os.environ),
        allowed_services=allowed_services(args),
        max_body_bytes=args.max_body_bytes,
        max_queries=args.max_queries,
        write_wait=args.write_wait,
        body_timeout=args.body_timeout,
    )
    serve(config, args.host, args.port, public=args.public)
    return 0
