"""``provision``: a provision of the Regulation with its context."""

from __future__ import annotations

import argparse
import sys

from aiact_kg.cli.common import Commands, add_command, location
from aiact_kg.cli.output import add_format, write_as
from aiact_kg.provision import describe_provision, resolve_draft_citation
from aiact_kg.render.provision import draft_resolution_text, provision_json, provision_text
from aiact_kg.store.factory import open_store


def add_provision(commands: Commands) -> None:
    provision = add_command(
        commands, "provision", _cmd_provision, help="show a provision with its context"
    )
    provision.add_argument(
        "citation", help="e.g. 'Art 6(3)', 'Art 5(1)(h)(iii)', 'Annex III point 4(a)', 'Recital 97'"
    )
    add_format(provision, ("text", "json"))
    provision.add_argument(
        "--draft",
        action="store_true",
        help="read the citation as a citation of a draft text "
        "(e.g. 'Article 52a' of the February 2024 text)",
    )


def _cmd_provision(args: argparse.Namespace) -> int:
    store = open_store(location(args))
    if args.draft:
        resolutions = resolve_draft_citation(store, args.citation)
        sys.stdout.write(draft_resolution_text(args.citation, resolutions))
        return 0 if resolutions else 1
    report = describe_provision(store, args.citation)
    write_as(args.format, {"text": provision_text, "json": provision_json}, report)
    return 0
