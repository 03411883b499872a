"""``systemic-risk-list``: the models with systemic risk and the basis of each (Art 52(6))."""

from __future__ import annotations

import argparse
import sys
from contextlib import closing

from aiact_kg.cli.common import Commands, add_command, add_max_bytes, store_path
from aiact_kg.cli.options import add_date_and_law, assess, stopped_early
from aiact_kg.errors import InputError
from aiact_kg.render.query import TABLE, TableWriter, write_solutions


def add_systemic_risk_list(commands: Commands) -> None:
    listing = add_command(
        commands,
        "systemic-risk-list",
        _cmd_systemic_risk_list,
        help="the general-purpose AI models with systemic risk and the basis of each (Art 52(6))",
        description="List the models with systemic risk on the as-of date, with the basis of "
        "each: the presumption of Art 51(2), the provider's notification under Art 52(1) that "
        "the model meets Art 51(1)(a) (notification: no compute figure is given), a designation "
        "under Art 51(1)(b), or the rejection of the provider's arguments under Art 52(3) "
        "(arguments-rejected). Without "
        "inputs, from the registry (its last assessments); with --catalogue, from the shipped "
        "catalogue of real models (Epoch AI data); with FILE|DIR|-, from those descriptions.",
    )
    listing.add_argument("inputs", nargs="*", metavar="FILE|DIR|-")
    listing.add_argument(
        "--catalogue", action="store_true", help="assess the shipped model catalogue"
    )
    add_date_and_law(
        listing,
        law_help="force a version of the Regulation (default: the version in force on the date)",
    )
    add_max_bytes(listing)
    listing.add_argument("--no-progress", action="store_true")
    listing.add_argument(
        "--format", choices=("table", "csv", "tsv", "json", "xml"), default="table"
    )


def _cmd_systemic_risk_list(args: argparse.Namespace) -> int:
    from aiact_kg.kb import open_knowledge_base
    from aiact_kg.systemic_risk_list import catalogue_file, systemic_risk_rows

    if args.catalogue:
        args.inputs = [*args.inputs, str(catalogue_file())]
    if args.inputs:
        with closing(assess(args)) as report:  # closing removes a remote engine's run graphs
            stopped = stopped_early(report)
            if stopped is not None:
                return stopped
            assert report.store is not None
            result = systemic_risk_rows(report.store, union=False)
    else:
        if args.as_of or args.law:
            raise InputError(
                "--as-of and --law apply to an assessment of inputs or --catalogue; the "
                "registry lists its last assessments (see aiact-kg reassess)"
            )
        store = open_knowledge_base(store_path(args))
        try:
            result = systemic_risk_rows(store, union=True)
        finally:
            store.close()
    if args.format == TABLE:
        writer = TableWriter(sys.stdout)
        writer.start(result.variables)
        for row in result.rows:
            writer.row(row)
        writer.finish(None)
    else:
        sys.stdout.flush()
        write_solutions(result.variables, result.rows, sys.stdout.buffer, args.format)
        sys.stdout.buffer.flush()
    return 0
