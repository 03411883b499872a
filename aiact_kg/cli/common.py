"""What several commands share: the store they name, --wait, --allow-service, input errors."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias
from urllib.parse import urlsplit

from aiact_kg.errors import InputError
from aiact_kg.store.factory import is_endpoint
from aiact_kg.store.location import default_store_location
from aiact_kg.store.remote import ALLOWLIST_VARIABLE, allowlist_from_environment

if TYPE_CHECKING:
    Commands: TypeAlias = argparse._SubParsersAction[argparse.ArgumentParser]
else:  # not subscriptable at run time
    Commands = argparse._SubParsersAction
Handler = Callable[[argparse.Namespace], int]


def add_command(
    commands: Commands, name: str, handler: Handler, **kwargs: object
) -> argparse.ArgumentParser:
    """A subcommand ``name`` that ``handler`` runs."""
    command: argparse.ArgumentParser = commands.add_parser(name, **kwargs)  # type: ignore[arg-type]
    command.set_defaults(handler=handler)
    return command


def _positive_bytes(text: str) -> int:
    """A byte count for ``--max-bytes``: a positive whole number."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(
            f"must be a positive whole number of bytes (e.g. 20971520), not {text!r}"
        )
    return value


def add_max_bytes(command: argparse.ArgumentParser) -> None:
    """``--max-bytes``: the largest input file (or standard input) read, in bytes."""
    command.add_argument(
        "--max-bytes",
        type=_positive_bytes,
        default=None,
        metavar="BYTES",
        help="largest input accepted, in bytes (default: $AIACT_KG_MAX_INPUT_BYTES or 20 MiB); "
        "the statement limit ($AIACT_KG_MAX_INPUT_STATEMENTS, 10,000) still applies",
    )


def add_wait(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--wait", type=float, default=0.0, help="wait up to SECONDS for another writer"
    )


def location(args: argparse.Namespace) -> str | Path:
    """The store ``--store`` or ``$AIACT_KG_STORE`` names: a directory or an endpoint URL."""
    if args.store is None:
        return default_store_location()
    if not args.store.strip():  # an unset variable: never the current directory
        raise InputError("--store is empty; give a store directory or a SPARQL endpoint URL")
    return args.store if is_endpoint(args.store) else Path(args.store).expanduser()


def store_path(args: argparse.Namespace) -> Path:
    """The directory of the embedded store, for the commands that only work on it."""
    found = location(args)
    if isinstance(found, str):
        raise InputError(
            f"`aiact-kg {args.command}` works on the embedded store only, but the store is the "
            f"SPARQL endpoint {found}; give a store directory with --store"
        )
    return found


def print_errors(errors: Iterable[object]) -> None:
    """Name each input that could not be read, on stderr."""
    for error in errors:
        print(f"aiact-kg: error: {error}", file=sys.stderr)


def add_allow_service(command: argparse.ArgumentParser, note: str = "") -> None:
    """--allow-service: the endpoints SERVICE may reach (see :func:`allowed_services`)."""
    command.add_argument(
        "--allow-service",
        action="append",
        default=[],
        metavar="IRI",
        help="let SERVICE reach this endpoint (exact IRI; repeatable; also "
        f"${ALLOWLIST_VARIABLE}, space-separated){note}",
    )


def allowed_services(args: argparse.Namespace) -> tuple[str, ...]:
    """The endpoints --allow-service and the environment allow: each an http(s) URL with a
    host (SERVICE reaches SPARQL endpoints over HTTP; a file: or other IRI would only fail
    later, with the engine's terse message)."""
    given = [("--allow-service", iri) for iri in args.allow_service] + [
        (f"${ALLOWLIST_VARIABLE}", iri) for iri in allowlist_from_environment(os.environ)
    ]
    for source, iri in given:
        parts = urlsplit(iri)
        if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
            raise InputError(
                f"{source} {iri!r} is not an http or https URL of a SPARQL endpoint (SERVICE "
                "reaches endpoints over HTTP); give the endpoint's full URL, e.g. "
                "https://query.example.org/sparql"
            )
    return tuple(iri for _, iri in given)
