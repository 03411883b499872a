"""``assess`` and ``explain``: classify the described systems and models, or explain one."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import closing

from aiact_kg.assessment import AssessmentReport
from aiact_kg.batch_assessment import DEFAULT_BATCH_SIZE, BatchOutcome
from aiact_kg.cli.common import Commands, add_command, location, print_errors
from aiact_kg.cli.options import add_inputs, assess, assessment_options, stopped_early
from aiact_kg.cli.output import add_format, write_as
from aiact_kg.errors import InputError
from aiact_kg.reasoning.dpv_output import dpv_turtle
from aiact_kg.render.assessment import (
    assessment_json,
    assessment_text,
    assessment_turtle,
    explanation_text,
)


def add_assess(commands: Commands) -> None:
    command = add_command(
        commands,
        "assess",
        _cmd_assess,
        help="classify submitted systems and models and list their obligations",
    )
    add_inputs(command)
    add_format(
        command,
        ("text", "json", "jsonl", "turtle", "dpv"),
        "dpv: the results in W3C DPV eu-aiact and AIRO terms (Turtle); jsonl: one "
        "JSON object per line (run, inputs, violations, subjects, summary), streamed as "
        "batches finish; json and jsonl are assessed in batches (see --batch-size)",
    )
    _add_batch_arguments(command)


def _add_batch_arguments(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--batch-size",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help="with --format json or jsonl: subjects per batch, each validated and assessed on "
        "its own; files that describe the same subjects or their parties are assessed together, "
        "so a subject's result does not depend on the batches (the order of the subjects "
        "follows them); an unreadable file stops no batch; 0: "
        f"everything in one batch, as before batching (default {DEFAULT_BATCH_SIZE})",
    )
    command.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="with --format json or jsonl: worker processes assessing batches in parallel "
        "(default: the number of cores; 1: in this process); the output does not depend on it",
    )


def add_explain(commands: Commands) -> None:
    command = add_command(
        commands,
        "explain",
        _cmd_explain,
        help="explain each conclusion about one subject, down to provision text",
    )
    command.add_argument("subject", help="IRI of the AI system or model to explain")
    add_inputs(command)


def _cmd_assess(args: argparse.Namespace) -> int:
    if args.format in ("json", "jsonl"):
        return _assess_batched(args)
    with closing(assess(args)) as report:
        return _write_assessment(args, report)


def _assess_batched(args: argparse.Namespace) -> int:
    """``assess --format json|jsonl``: batches assessed in parallel, written as they finish."""
    from aiact_kg.batch_assessment import assess_inputs_batched
    from aiact_kg.progress import Progress
    from aiact_kg.render.stream import jsonl_records, write_json, write_jsonl
    from aiact_kg.store.factory import open_store

    if args.batch_size < 0:
        raise InputError(f"--batch-size must be 0 or more subjects, not {args.batch_size}")
    if args.jobs is not None and args.jobs < 1:
        raise InputError(f"--jobs must be 1 or more, not {args.jobs}")
    found = location(args)
    outcomes = assess_inputs_batched(
        args.inputs,
        assessment_options(args),
        batch_size=args.batch_size,
        jobs=args.jobs,
        max_bytes=args.max_bytes,
        engine=open_store(found) if isinstance(found, str) else None,
        render=jsonl_records if args.format == "jsonl" else None,
    )
    meter = Progress("Assessed batches", enabled=False if args.no_progress else None)

    def reported() -> Iterator[BatchOutcome]:
        for outcome in outcomes:
            for error in outcome.result.unreadable:
                print(f"aiact-kg: error: {error.message}", file=sys.stderr)
            meter.step(f"({outcome.subject_count} subjects in the last)")
            yield outcome

    writer = write_json if args.format == "json" else write_jsonl
    code = writer(reported(), sys.stdout)
    meter.close()
    return code


def _turtle(report: AssessmentReport) -> str:
    """The assessment graph in Turtle; the text report if there is none (nothing assessed)."""
    if report.store is None:
        return assessment_text(report.result)
    return assessment_turtle(report.store)


_RENDERERS: dict[str, Callable[[AssessmentReport], str]] = {
    "text": lambda report: assessment_text(report.result),
    "json": lambda report: assessment_json(report.result),
    "turtle": _turtle,
    "dpv": lambda report: dpv_turtle(report.data),
}


def _write_assessment(args: argparse.Namespace, report: AssessmentReport) -> int:
    write_as(args.format, _RENDERERS, report)
    print_errors(report.validation.unreadable)
    return report.exit_code


def _cmd_explain(args: argparse.Namespace) -> int:
    with closing(assess(args)) as report:
        return _write_explanation(args, report)


def _write_explanation(args: argparse.Namespace, report: AssessmentReport) -> int:
    stopped = stopped_early(report)
    if stopped is not None:
        return stopped
    assert report.store is not None
    iris = [subject.iri for subject in report.result.subjects]
    if args.subject not in iris:
        raise InputError(
            f"{args.subject} is not a subject of the inputs; assessed: " + ", ".join(iris)
        )
    sys.stdout.write(explanation_text(report.result, args.subject, report.store))
    return 0
