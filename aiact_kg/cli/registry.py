"""The registry of the embedded store: ``submit``, ``reassess``, ``withdraw``, ``registry``."""

from __future__ import annotations

import argparse
import sys

from aiact_kg.cli.common import (
    Commands,
    add_command,
    add_max_bytes,
    add_wait,
    print_errors,
    store_path,
)
from aiact_kg.cli.options import add_date_and_law, assessment_options
from aiact_kg.cli.output import add_format, write_as


def add_registry(commands: Commands) -> None:
    submit = add_command(
        commands,
        "submit",
        _cmd_submit,
        help="validate, assess and keep submissions in the registry of the store",
    )
    submit.add_argument("inputs", nargs="+", metavar="FILE|DIR|-")
    submit.add_argument(
        "--name", default=None, help="registry name of a single document (default: file name)"
    )
    add_max_bytes(submit)
    _add_run_arguments(submit)
    reassess = add_command(
        commands,
        "reassess",
        _cmd_reassess,
        help="assess every stored submission again (new date or law version)",
    )
    _add_run_arguments(reassess)
    withdraw = add_command(
        commands, "withdraw", _cmd_withdraw, help="remove a submission from the registry"
    )
    withdraw.add_argument("name")
    add_wait(withdraw)
    for name in ("registry", "submissions"):
        listing = add_command(commands, name, _cmd_registry, help="list the stored submissions")
        add_format(listing, ("table", "json"))


def _add_run_arguments(command: argparse.ArgumentParser) -> None:
    add_date_and_law(command)
    add_wait(command)
    command.add_argument("--no-progress", action="store_true", help="never show a progress bar")
    add_format(command, ("text", "json"))


def _cmd_submit(args: argparse.Namespace) -> int:
    from aiact_kg.registry.submit import submit_inputs
    from aiact_kg.render import registry as render

    result = submit_inputs(
        store_path(args),
        args.inputs,
        assessment_options(args),
        name=args.name,
        max_bytes=args.max_bytes,
        progress=False if args.no_progress else None,
        wait_seconds=args.wait,
    )
    write_as(args.format, {"text": render.result_text, "json": render.result_json}, result)
    if result.validation is not None:
        print_errors(result.validation.unreadable)
    return result.exit_code


def _cmd_reassess(args: argparse.Namespace) -> int:
    from aiact_kg.registry.reassess import reassess
    from aiact_kg.render import registry as render

    result = reassess(
        store_path(args),
        assessment_options(args),
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

    withdrawal = withdraw(store_path(args), args.name, wait_seconds=args.wait)
    entry = withdrawal.entry
    print(f"Withdrew {entry.name} ({entry.file}): its statements, assessment and record")
    if withdrawal.reassessed:
        print(f"Assessed again without it: {', '.join(withdrawal.reassessed)}")
    return 0


def _cmd_registry(args: argparse.Namespace) -> int:
    from aiact_kg.registry.reassess import list_registry
    from aiact_kg.render import registry as render

    listed = list_registry(store_path(args))
    write_as(args.format, {"table": render.listing_table, "json": render.listing_json}, listed)
    return 0
