"""``timeline``: the systemic-risk procedure of one general-purpose AI model."""

from __future__ import annotations

import argparse
import json
import sys
from contextlib import closing

from aiact_kg.cli.common import Commands, add_command
from aiact_kg.cli.options import add_inputs, assess, stopped_early


def add_timeline(commands: Commands) -> None:
    command = add_command(
        commands,
        "timeline",
        _cmd_timeline,
        help="the systemic-risk procedure of one GPAI model: events, states, deadlines",
    )
    command.add_argument("model", help="IRI or name (aia:modelName) of the model")
    add_inputs(command)
    command.add_argument("--format", choices=("text", "json"), default="text")


def _cmd_timeline(args: argparse.Namespace) -> int:
    from aiact_kg.timeline import timeline_json, timeline_text

    with closing(assess(args)) as report:  # closing removes a remote engine's run graphs
        stopped = stopped_early(report)
        if stopped is not None:
            return stopped
        assert report.store is not None
        timeline = timeline_json(report.data, report.store, args.model)
    if args.format == "json":
        sys.stdout.write(json.dumps(timeline, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(timeline_text(timeline))
    return 0
