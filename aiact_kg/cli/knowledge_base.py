"""The knowledge base itself: ``build``, ``check``, ``stats``, ``export``."""

from __future__ import annotations

import argparse
import errno
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from pyoxigraph import RdfFormat

from aiact_kg.cli.common import Commands, add_command, location, store_path
from aiact_kg.errors import InputError
from aiact_kg.kb import build_knowledge_base, open_knowledge_base
from aiact_kg.namespaces import GRAPH
from aiact_kg.stats import knowledge_base_stats
from aiact_kg.store.factory import open_store

EXPORT_FORMATS = {
    "trig": RdfFormat.TRIG,
    "nquads": RdfFormat.N_QUADS,
    "jsonld": RdfFormat.JSON_LD,
    "turtle": RdfFormat.TURTLE,
    "ntriples": RdfFormat.N_TRIPLES,
}


def add_build_check_stats(commands: Commands) -> None:
    build = add_command(
        commands, "build", _cmd_build, help="build the knowledge base into the embedded store"
    )
    build.add_argument(
        "--wait",
        type=float,
        default=0.0,
        metavar="SECONDS",
        help="if another build is writing the store, wait up to this long for it to finish "
        "(default 0: fail at once with exit 3)",
    )
    build.add_argument(
        "--discard-registry",
        action="store_true",
        help="build even when the active version is too damaged for its registry of "
        "submissions to be read (they are then lost; without this the build is refused)",
    )

    add_command(
        commands,
        "check",
        _cmd_check,
        help="verify the store thoroughly: hash every file, count every quad (exit 3 if damaged)",
    )

    stats = add_command(commands, "stats", _cmd_stats, help="count what the knowledge base holds")
    stats.add_argument("--format", choices=("text", "json"), default="text")


def add_export(commands: Commands) -> None:
    export = add_command(commands, "export", _cmd_export, help="export the whole knowledge base")
    export.add_argument(
        "--format",
        choices=tuple(EXPORT_FORMATS),
        default="trig",
        help="trig, nquads and jsonld keep the named graphs; turtle and "
        "ntriples write the union of all graphs",
    )
    export.add_argument(
        "--graph",
        help=f"export one named graph only: its IRI, or its name after {GRAPH} (e.g. obligations)",
    )
    export.add_argument("--output", "-o", type=Path, help="write to this file instead of stdout")


def _cmd_build(args: argparse.Namespace) -> int:
    if args.wait < 0:
        raise InputError(f"--wait takes a number of seconds >= 0, not {args.wait}")
    found = location(args)
    if isinstance(found, str):
        from aiact_kg.kb.build import build_endpoint

        report = build_endpoint(open_store(found))
    else:
        report = build_knowledge_base(
            found, wait_seconds=args.wait, discard_registry=args.discard_registry
        )
    print(f"Built the knowledge base in {report.store_path or found}")
    for graph in report.graphs:
        print(f"  {graph.name:<26} {graph.quads:>8} triples from {graph.files} file(s)")
    print(f"  {'total':<26} {report.total_quads:>8} quads")
    if report.registry_quads:
        print(f"  carried over the registry: {report.registry_quads} quads")
    if report.registry_problem:
        print(
            f"aiact-kg: warning: the previous version failed its check {report.registry_problem}",
            file=sys.stderr,
        )
    return 0


def _cmd_check(args: argparse.Namespace) -> int:
    open_knowledge_base(store_path(args), thorough=True).close()
    print(
        f"The store at {store_path(args)} is intact: every file matches its sha256, and the "
        "engine holds the quads and named graphs its build recorded."
    )
    return 0


def _cmd_stats(args: argparse.Namespace) -> int:
    store = open_store(location(args))
    counts = knowledge_base_stats(store)
    if args.format == "json":
        print(json.dumps(counts, indent=2))
    else:
        for key, value in counts.items():
            print(f"{key:<22} {value:>8}")
    return 0


def _export_graph(reference: str, graphs: Sequence[str]) -> str:
    """The IRI of the named graph ``reference`` (an IRI, or a name under GRAPH)."""
    for candidate in (reference, GRAPH + reference.removeprefix("/")):
        if candidate in graphs:
            return candidate
    names = sorted(g.removeprefix(GRAPH) for g in graphs)
    raise InputError(
        f"the knowledge base has no named graph {reference!r}; give the IRI or the name of "
        f"one of its graphs (names are relative to {GRAPH}): " + ", ".join(names)
    )


def _write_file(path: Path, data: bytes) -> None:
    """Write ``path`` whole or not at all (a file beside it, renamed over it; a device or pipe
    is written as it is); a path that cannot be written is the user's to fix (exit 2)."""
    spare: Path | None = None
    try:
        if path.is_dir():
            raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR))
        if path.exists() and not path.is_file():
            with path.open("wb") as stream:
                stream.write(data)
            return
        spare = path.with_name(f".{path.name}.{os.getpid()}.part")
        spare.write_bytes(data)
        os.replace(spare, path)
    except OSError as error:
        if spare is not None and spare.exists():
            spare.unlink()
        reason = error.strerror or str(error)
        raise InputError(f"cannot write the export to {str(path)!r}: {reason}") from None


def _outside_store(output: Path, store: str | Path) -> None:
    """Refuse an output path inside the store's own directory: written over one of its files
    (its manifest, its lock), the export damaged the store (an outside check)."""
    if isinstance(store, str):
        return  # an endpoint: no directory of ours
    target, directory = output.expanduser().resolve(), store.expanduser().resolve()
    if target == directory or directory in target.parents:
        raise InputError(
            f"cannot write the export to {str(output)!r}: it is inside the store's directory "
            f"{str(store)!r}, whose files only the store writes; write it elsewhere"
        )


def _cmd_export(args: argparse.Namespace) -> int:
    if args.output:
        _outside_store(Path(args.output), location(args))
    store = open_store(location(args))
    graph = None if args.graph is None else _export_graph(args.graph, store.named_graphs())
    data = store.export(EXPORT_FORMATS[args.format], graph)
    if args.format == "jsonld":
        from aiact_kg.render.jsonld import compact_expanded

        data = compact_expanded(data)
    if args.output:
        _write_file(args.output, data)
        print(f"Wrote {len(data)} bytes to {args.output}", file=sys.stderr)
    else:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    if args.format in ("turtle", "ntriples") and not args.graph:
        print(
            "note: this format has no named graphs; the union of all graphs was written "
            "(use trig, nquads or jsonld to keep them)",
            file=sys.stderr,
        )
    return 0
