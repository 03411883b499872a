"""An assessment's arguments (date, law version, threshold, inputs) and the run they ask for."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from aiact_kg.assessment import AssessmentReport, assess_inputs
from aiact_kg.cli.common import add_max_bytes, location, print_errors
from aiact_kg.errors import InputError
from aiact_kg.reasoning.engine import AssessmentOptions, parse_day
from aiact_kg.render.assessment import assessment_text
from aiact_kg.store.factory import open_store

LAW_HELP = "force a version of the Regulation (default: the version in force on the as-of date)"
LAW_HELP_FULL = (
    "force a version of the Regulation: as published, or as amended by the "
    "Digital Omnibus (reported, not verified against the Official Journal); "
    "default: the version in force on the as-of date"
)
THRESHOLD_HELP = (
    "training-compute threshold in FLOP for Art 51(2) "
    "(default: the value in the knowledge base, 1e25)"
)


def add_date_and_law(
    command: argparse.ArgumentParser,
    *,
    law_help: str = LAW_HELP,
    threshold_help: str = argparse.SUPPRESS,
) -> None:
    """--as-of, --law and --threshold: what :func:`assessment_options` reads."""
    command.add_argument(
        "--as-of", default=None, help="date of the assessment (YYYY-MM-DD; default today)"
    )
    command.add_argument(
        "--law", choices=("as-published", "as-amended"), default=None, help=law_help
    )
    command.add_argument("--threshold", type=float, default=None, help=threshold_help)


def add_inputs(command: argparse.ArgumentParser, *, nargs: str = "+") -> None:
    """The described systems and models to assess, with the limits of reading them."""
    command.add_argument("inputs", nargs=nargs, metavar="FILE|DIR|-")
    add_date_and_law(command, law_help=LAW_HELP_FULL, threshold_help=THRESHOLD_HELP)
    add_max_bytes(command)
    command.add_argument("--no-progress", action="store_true")


def assessment_options(args: argparse.Namespace) -> AssessmentOptions:
    """The options of :func:`add_date_and_law`'s arguments (the date defaults to today)."""
    as_of = date.today()
    if args.as_of is not None:  # an empty --as-of "" is refused, not read as today
        try:
            as_of = parse_day(args.as_of)
        except ValueError:
            raise InputError(f"--as-of takes a date as YYYY-MM-DD, not {args.as_of!r}") from None
    return AssessmentOptions(as_of=as_of, law=args.law, threshold_flop=args.threshold)


def assess(args: argparse.Namespace) -> AssessmentReport:
    """Assess in a fresh embedded store, or in run graphs of the remote engine ``--store``
    names (the run's graphs are removed when the report is closed)."""
    found = location(args)
    return assess_inputs(
        args.inputs,
        assessment_options(args),
        max_bytes=args.max_bytes,
        progress=False if args.no_progress else None,
        engine=open_store(found) if isinstance(found, str) else None,
    )


def stopped_early(report: AssessmentReport) -> int | None:
    """Name the unreadable inputs; if the inputs could not be assessed, write why and give the
    exit code (``None``: the assessment is there to read)."""
    print_errors(report.validation.unreadable)
    if report.exit_code or report.store is None:
        sys.stdout.write(assessment_text(report.result))
        return report.exit_code
    return None
