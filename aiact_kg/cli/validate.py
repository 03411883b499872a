"""``validate``: check submitted descriptions against the shapes."""

from __future__ import annotations

import argparse
import sys

from aiact_kg.cli.common import Commands, add_command, add_max_bytes, print_errors
from aiact_kg.cli.output import add_format, write_as
from aiact_kg.errors import InputError


def add_validate(commands: Commands) -> None:
    validate = add_command(
        commands,
        "validate",
        _cmd_validate,
        help="check submitted descriptions of AI systems and models",
    )
    validate.add_argument(
        "inputs",
        nargs="+",
        metavar="FILE|DIR|-",
        help="RDF files, directories (searched recursively) or - for stdin",
    )
    add_format(
        validate, ("text", "json", "turtle"), "turtle writes the W3C SHACL validation report"
    )
    add_max_bytes(validate)
    validate.add_argument(
        "--batch-statements",
        type=int,
        default=None,
        metavar="N",
        help="validate about N statements at a time, so that memory does not grow with the "
        "input (linked files are never split; the output is the same); 0: all at once "
        "(default: $AIACT_KG_VALIDATE_BATCH_STATEMENTS or 100000)",
    )
    validate.add_argument(
        "--jobs",
        type=int,
        default=None,
        metavar="N",
        help="validate N batches at a time, in worker processes (default: one per core)",
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


def _cmd_validate(args: argparse.Namespace) -> int:
    from aiact_kg.render.shacl_report import ShaclReportWriter
    from aiact_kg.render.validation import (
        SUBJECT_RENDERERS,
        render_json,
        render_text,
        write_streamed,
    )
    from aiact_kg.submission.streaming import subject_rows, validate_streamed
    from aiact_kg.submission.validation import SubmissionValidator

    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {args.jobs}")
    validator = SubmissionValidator(args.engine)
    shacl = ShaclReportWriter(validator.shapes) if args.format == "turtle" else None
    streamed = validate_streamed(
        args.inputs,
        shacl.rows if shacl else subject_rows(SUBJECT_RENDERERS[args.format]),
        max_bytes=args.max_bytes,
        progress=False if args.no_progress else None,
        validator=validator,
        batch_statements=args.batch_statements,
        jobs=args.jobs,
    )
    report = streamed.report
    try:
        if shacl is not None:
            # sh:conforms: no violation in the readable documents (unreadable ones: exit 2)
            rows = shacl.rows(report, 0) if report else streamed.subjects()
            shacl.write(streamed.totals.counts["violation"] == 0, rows, sys.stdout)
        elif report is None:
            write_streamed(streamed, args.format, sys.stdout)
        else:
            write_as(args.format, {"text": render_text, "json": render_json}, report)
    finally:
        streamed.close()
    if shacl is not None:
        print_errors(streamed.totals.unreadable)
    return streamed.totals.exit_code
