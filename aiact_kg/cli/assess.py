"""``assess`` and ``explain``: classify the described systems and models, or explain one."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing

from aiact_kg.assessment import AssessmentReport
from aiact_kg.cli.common import Commands, add_command, print_errors
from aiact_kg.cli.options import add_inputs, assess, stopped_early
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
    command.add_argument(
        "--format",
        choices=("text", "json", "turtle", "dpv"),
        default="text",
        help="dpv: the results in W3C DPV eu-aiact and AIRO terms (Turtle)",
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
    with closing(assess(args)) as report:
        return _write_assessment(args, report)


def _write_assessment(args: argparse.Namespace, report: AssessmentReport) -> int:
    if args.format == "json":
        sys.stdout.write(assessment_json(report.result))
    elif args.format == "turtle" and report.store is not None:
        sys.stdout.write(assessment_turtle(report.store))
    elif args.format == "dpv":
        sys.stdout.write(dpv_turtle(report.data))
    else:
        sys.stdout.write(assessment_text(report.result))
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
