"""The query worker: a child process that runs one query and streams its results to stdout.

:mod:`aiact_kg.store.bounded` starts it in its own session (so a Ctrl-C at the terminal reaches
only the parent, which then kills it), sends one JSON request on stdin and reads one JSON value
per line: a head object, then one array per row (or triple), then ``{"end": true}``, or an
``{"error": ...}`` object. pyoxigraph evaluates in Rust and cannot be interrupted from Python;
a separate process can always be killed.
"""

from __future__ import annotations

import io
import json
import os
import resource
import signal
import sys
import threading
from typing import Any

from pyoxigraph import BlankNode, Literal, NamedNode, QueryBoolean, QuerySolutions, Store

# imported before the request is read: a spare worker (aiact_kg.store.spare_workers) has it ready
from aiact_kg.store.sandbox import deny_network

_FLUSH_SECONDS = 0.05


def die_with_parent() -> None:
    """Ask Linux to kill this process if the parent dies (no orphaned runaway query)."""
    if not sys.platform.startswith("linux"):
        return
    import ctypes

    ctypes.CDLL(None).prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
    if os.getppid() == 1:
        os._exit(1)


def encode_term(term: Any) -> Any:
    """A JSON value for a pyoxigraph term (``None`` for an unbound variable)."""
    if term is None:
        return None
    if isinstance(term, NamedNode):
        return ["i", term.value]
    if isinstance(term, BlankNode):
        return ["b", term.value]
    if isinstance(term, Literal):
        direction = term.direction
        return ["l", term.value, term.datatype.value, term.language, direction and str(direction)]
    return ["t", encode_term(term.subject), encode_term(term.predicate), encode_term(term.object)]


class _Channel:
    """Lines to the parent, buffered and flushed at least every 50 ms by a helper thread."""

    def __init__(self) -> None:
        self._out = io.BufferedWriter(io.FileIO(sys.stdout.fileno(), "w", closefd=False), 1 << 16)
        self._done = threading.Event()
        threading.Thread(target=self._flusher, daemon=True).start()

    def _flusher(self) -> None:
        while not self._done.wait(_FLUSH_SECONDS):
            self._out.flush()

    def send(self, value: Any) -> None:
        self._out.write(json.dumps(value, ensure_ascii=False).encode("utf-8") + b"\n")

    def close(self) -> None:
        self._done.set()
        self._out.flush()


def _dataset(request: dict[str, Any]) -> dict[str, Any]:
    """The protocol's dataset (``default-graph-uri``, ``named-graph-uri``) as query arguments."""
    dataset: dict[str, Any] = {}
    if request.get("default_graphs") is not None:
        dataset["default_graph"] = [NamedNode(iri) for iri in request["default_graphs"]]
    if request.get("named_graphs") is not None:
        dataset["named_graphs"] = [NamedNode(iri) for iri in request["named_graphs"]]
    if dataset and "default_graph" not in dataset:  # only named graphs: the default is empty
        dataset["default_graph"] = []
    return dataset


def limit_memory(max_bytes: int | None) -> None:
    """Cap the process's data segment (its heap, where sorting and grouping hold rows): past it
    an allocation fails, and the parent reports the limit (the store's files are mapped, not
    counted)."""
    if max_bytes is None or not hasattr(resource, "RLIMIT_DATA"):
        return
    resource.setrlimit(resource.RLIMIT_DATA, (max_bytes, max_bytes))


def _run(request: dict[str, Any], channel: _Channel) -> None:
    limit_memory(request.get("max_memory_bytes"))
    if request["sandbox"]:
        deny_network()
    try:
        store = Store.read_only(request["store"])
    except OSError as error:
        channel.send({"error": "store", "message": str(error)})
        return
    try:
        result = store.query(
            request["query"],
            prefixes=request["prefixes"] or None,
            use_default_graph_as_union=request.get("union", False),
            **_dataset(request),
        )
    except SyntaxError as error:
        channel.send({"error": "syntax", "message": str(error)})
        return
    except (OSError, ValueError) as error:
        channel.send({"error": "failed", "message": str(error)})
        return
    if isinstance(result, QueryBoolean):
        channel.send({"head": "ask", "value": bool(result)})
    elif isinstance(result, QuerySolutions):
        variables = [variable.value for variable in result.variables]
        channel.send({"head": "select", "variables": variables})
    else:
        channel.send({"head": "triples"})
    if not isinstance(result, QueryBoolean):
        limit = request["max_rows"]
        for count, item in enumerate(result, start=1):
            if isinstance(result, QuerySolutions):
                channel.send([encode_term(item[name]) for name in variables])
            else:
                channel.send(
                    [encode_term(term) for term in (item.subject, item.predicate, item.object)]
                )
            if limit is not None and count > limit:
                break
    channel.send({"end": True})


def main() -> None:
    """Read the request from stdin, run it, stream the answer; never raise."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    channel = _Channel()
    try:
        _run(json.loads(sys.stdin.read()), channel)
    except MemoryError:
        channel.send({"error": "memory", "message": "MemoryError"})
    except (OSError, ValueError, RuntimeError) as error:
        # pyoxigraph raises RuntimeError for a query that fails as its rows are evaluated (a
        # SERVICE endpoint answering in a format it does not read, among others): the query's
        # problem, not a defect
        channel.send({"error": "failed", "message": str(error)})
    except Exception as error:  # reported by the parent as a defect
        channel.send({"error": "internal", "message": f"{type(error).__name__}: {error}"})
    finally:
        channel.close()
