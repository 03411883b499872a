"""``timeline``: the systemic-risk procedure of one general-purpose AI model."""

from __future__ import annotations

import argparse
import json
from contextlib import closing
from typing import Any

from aiact_kg.cli.common import Commands, add_command
from aiact_kg.cli.options import add_inputs, assess, stopped_early
from aiact_kg.cli.output import add_format, write_as


def add_timeline(commands: Commands) -> None:
    command = add_command(
        commands,
        "timeline",
        _cmd_timeline,
        help="the systemic-risk procedure of one GPAI model: events, states, deadlines",
    )
    command.add_argument("model", help="IRI or name (aia:modelName) of the model")
    add_inputs(command)
    add_format(command, ("text", "json"))


def _cmd_timeline(args: argparse.Namespace) -> int:
    from aiact_kg.timeline import timeline_json, timeline_text

    with closing(assess(args)) as report:  # closing removes a remote engine's run graphs
        stopped = stopped_early(report)
        if stopped is not None:
            return stopped
        assert report.store is not None
        timeline = timeline_json(report.data, report.store, args.model)
    write_as(args.format, {"text": timeline_text, "json": _json}, timeline)
    return 0


def _json(timeline: dict[str, Any]) -> str:
    return json.dumps(timeline, indent=2, ensure_ascii=False) + "\n"
