"""The parser of ``aiact-kg`` and the run of one command, with its errors and exit code."""

from __future__ import annotations

import argparse
import contextlib
import errno
import logging
import os
import sys
import threading
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import Final

from aiact_kg import __version__
from aiact_kg.cli.assess import add_assess, add_explain
from aiact_kg.cli.common import location
from aiact_kg.cli.knowledge_base import add_build_check_stats, add_export
from aiact_kg.cli.provision import add_provision
from aiact_kg.cli.query import add_query
from aiact_kg.cli.registry import add_registry
from aiact_kg.cli.serve import add_serve
from aiact_kg.cli.systemic_risk import add_systemic_risk_list
from aiact_kg.cli.timeline import add_timeline
from aiact_kg.cli.validate import add_validate
from aiact_kg.errors import AiactKgError
from aiact_kg.render.terminal import terminal_safe


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
    for add in (
        add_build_check_stats,
        add_query,
        add_export,
        add_validate,
        add_assess,
        add_explain,
        add_timeline,
        add_serve,
        add_registry,
        add_systemic_risk_list,
        add_provision,
    ):
        add(commands)
    return parser


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


#: the errors of a write the machine refuses (no space, quota, file too large, device error)
_CANNOT_WRITE: Final = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _discard_pending_output() -> None:
    """Point standard output at the null device, so that what is still buffered for it is not
    written again (and refused again) as the interpreter exits."""
    try:
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)
    except (OSError, ValueError):
        pass


def _run(args: argparse.Namespace) -> int:
    try:
        handler: Callable[[argparse.Namespace], int] = args.handler
        return handler(args)
    except AiactKgError as error:
        print(f"aiact-kg: error: {terminal_safe(str(error))}", file=sys.stderr)
        return error.exit_code
    except KeyboardInterrupt:
        print("aiact-kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as error:  # a defect of ours: one paragraph, no traceback
        if os.environ.get("AIACT_KG_DEBUG"):
            raise
        if isinstance(error, OSError) and error.errno in _CANNOT_WRITE:
            # a full disk or a full output (e.g. stdout to /dev/full): the machine, not us
            _discard_pending_output()
            print(f"aiact-kg: error: cannot write: {error.strerror}", file=sys.stderr)
            return 2
        if "Corruption" in str(error):  # RocksDB found damage the checks on opening missed
            print(
                f"aiact-kg: error: the store at {location(args)} is damaged ({error}); "
                "rebuild it with `aiact-kg build`",
                file=sys.stderr,
            )
            return 3
        print(
            f"aiact-kg: internal error ({type(error).__name__}): {terminal_safe(str(error))}. "
            "This is a defect of "
            "aiact-kg, not of your input; set AIACT_KG_DEBUG=1 to see the traceback and "
            "please report it.",
            file=sys.stderr,
        )
        return 3
