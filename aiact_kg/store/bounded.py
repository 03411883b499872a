"""Bounded queries: checked for remote access, time-limited, size-limited, streamed, killable.

The query runs in a child process (:mod:`aiact_kg.store.worker`) that streams its results back
one row at a time; this process yields them as they come, so memory stays flat whatever the
result size. The child is killed when the time limit is reached, when the row limit is passed,
on Ctrl-C (the ``KeyboardInterrupt`` raised here while waiting) and whenever the caller stops
reading. The command line's ``query`` uses it; a SPARQL HTTP service can use it the same way::

    with bounded_query(store_path, sparql, QueryLimits(timeout=10, max_rows=1000)) as result:
        for row in result:
            ...
    result.truncated  # True if rows beyond max_rows were left out

The default graph is the union of all the store's graphs, unless the query names its dataset
(``FROM``, ``FROM NAMED``): then it is what SPARQL defines, the merge of the ``FROM`` graphs
(empty without one), with the ``FROM NAMED`` graphs as its named graphs.
"""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import time
from collections.abc import Collection, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pyoxigraph import BaseDirection, BlankNode, Literal, NamedNode, Triple

from aiact_kg.errors import AiactKgError, QueryError, StoreError
from aiact_kg.store.base import Term
from aiact_kg.store.layout import ACTIVE, DB
from aiact_kg.store.remote import check_query
from aiact_kg.store.spare_workers import SpareWorkers, StartedWorker, start_worker
from aiact_kg.store.syntax import syntax_error

DEFAULT_TIMEOUT = 60.0
DEFAULT_MAX_ROWS = 100_000
DEFAULT_MAX_MEMORY_MB = 2048
MAX_MEMORY_MB = 1 << 24  # 16 TiB: a limit the platform's address-space limit can hold
MAX_TIMEOUT_SECONDS = 1_000_000.0  # about 11.6 days: beyond it no timer of the platform holds it
TRIPLE_VARIABLES = ("subject", "predicate", "object")


class QueryTimeoutError(QueryError):
    """The query ran past its time limit and was stopped."""


class QueryMemoryError(QueryError):
    """The query needed more memory than its limit and was stopped."""


@dataclass(frozen=True)
class QueryLimits:
    """``timeout`` in wall-clock seconds from the start, ``max_rows`` rows, ``max_memory_mb``
    MiB of memory (heap) for the query process; ``None``: no limit."""

    timeout: float | None = DEFAULT_TIMEOUT
    max_rows: int | None = DEFAULT_MAX_ROWS
    max_memory_mb: int | None = DEFAULT_MAX_MEMORY_MB

    def __post_init__(self) -> None:
        if self.timeout is not None and not 0 < self.timeout <= MAX_TIMEOUT_SECONDS:
            raise QueryError(
                f"a query's time limit is a number of seconds above 0 and at most "
                f"{MAX_TIMEOUT_SECONDS:g}, not {self.timeout:g} (no limit: none)"
            )
        if self.max_memory_mb is not None and self.max_memory_mb < 64:
            raise QueryError(
                f"a query's memory limit is at least 64 MiB, not {self.max_memory_mb} "
                "(no limit: none)"
            )


@dataclass
class BoundedResult:
    """The answer being streamed: its form and variables now, its rows when iterated.

    ``form`` is ``select``, ``ask`` (see ``boolean``) or ``triples`` (CONSTRUCT and DESCRIBE,
    rows of subject, predicate, object). After iteration, ``rows`` is the number of rows
    yielded and ``truncated`` says whether the row limit left some out.
    """

    form: str
    variables: tuple[str, ...]
    boolean: bool | None
    _lines: Iterator[Any] = field(repr=False)
    _max_rows: int | None = field(repr=False)
    rows: int = 0
    truncated: bool = False

    def __iter__(self) -> Iterator[tuple[Term | Triple | None, ...]]:
        for item in self._lines:
            if self._max_rows is not None and self.rows >= self._max_rows:
                self.truncated = True
                return
            self.rows += 1
            yield tuple(decode_term(value) for value in item)


def decode_term(value: Any) -> Term | Triple | None:
    """The pyoxigraph term for a JSON value written by the worker."""
    if value is None:
        return None
    kind = value[0]
    if kind == "i":
        return NamedNode(value[1])
    if kind == "b":
        return BlankNode(value[1])
    if kind == "l":
        _, text, datatype, language, direction = value
        if language is None:
            return Literal(text, datatype=NamedNode(datatype))
        if direction is None:
            return Literal(text, language=language)
        return Literal(text, language=language, direction=BaseDirection(direction))
    subject, predicate, object_ = (decode_term(part) for part in value[1:])
    return Triple(subject, predicate, object_)  # type: ignore[arg-type]


class _Reader:
    """Lines of the worker's stdout, until the deadline (wall-clock time from the start)."""

    def __init__(self, process: subprocess.Popen[bytes], timeout: float | None) -> None:
        assert process.stdout is not None
        self._fd = process.stdout.fileno()
        self._timeout = timeout
        self._deadline = None if timeout is None else time.monotonic() + timeout
        self._buffer = b""
        self._lines: list[bytes] = []

    def next_message(self) -> Any:
        while not self._lines:
            self._fill()
        if self._deadline is not None and time.monotonic() > self._deadline:
            self._expired()
        return json.loads(self._lines.pop())

    def _expired(self) -> None:
        raise QueryTimeoutError(
            f"the query ran for more than {self._timeout:g} seconds (--timeout) and was "
            "stopped; add a LIMIT or narrow its patterns, or allow more time (0 for no limit)"
        )

    def _fill(self) -> None:
        wait = None if self._deadline is None else max(0.0, self._deadline - time.monotonic())
        ready, _, _ = select.select([self._fd], [], [], wait)
        if not ready:
            self._expired()
        chunk = os.read(self._fd, 1 << 16)
        if not chunk:
            raise _EndedError
        *complete, self._buffer = (self._buffer + chunk).split(b"\n")
        self._lines = [line for line in reversed(complete) if line]


class _EndedError(Exception):
    """The worker closed its output."""


def _messages(
    reader: _Reader,
    stderr: IO[bytes],
    process: subprocess.Popen[bytes],
    sparql: str,
    source: str,
    max_memory_mb: int | None,
) -> Iterator[Any]:
    """Worker messages until the end; errors become aiact-kg errors."""
    while True:
        try:
            message = reader.next_message()
        except _EndedError:
            code = process.wait()
            stderr.seek(0)
            said = stderr.read().decode("utf-8", "replace")
            if max_memory_mb is not None and "memory allocation of" in said:
                raise _memory_error(max_memory_mb) from None
            detail = _first_line(said)
            if code == -signal.SIGSEGV:  # the engine's parser or planner ran out of stack
                raise QueryError(
                    f"the SPARQL query ({len(sparql):,} characters) is too large or too deeply "
                    "nested for the engine to plan: it stopped on it. Split it into smaller "
                    "queries, or write long lists as VALUES blocks rather than many patterns "
                    "or || terms"
                ) from None
            raise AiactKgError(
                f"the query process ended unexpectedly (exit status {code})"
                + (f": {detail}" if detail else "")
            ) from None
        if isinstance(message, list):
            yield message
            continue
        if message.get("end"):
            return
        kind, text = message.get("error"), message.get("message", "")
        if kind == "syntax":
            raise syntax_error(text, sparql, source)
        if kind == "failed":
            raise QueryError(f"the SPARQL query failed: {text}")
        if kind == "store":
            raise StoreError(f"cannot open the knowledge-base store: {text}")
        if kind == "memory" and max_memory_mb is not None:
            raise _memory_error(max_memory_mb)
        if kind in ("internal", "memory"):
            raise AiactKgError(f"the query process failed: {text}")
        yield message


def _first_line(said: str, limit: int = 300) -> str:
    """The first line the worker wrote on its error output, shortened (not a backtrace)."""
    line = next((text.strip() for text in said.splitlines() if text.strip()), "")
    return line if len(line) <= limit else line[:limit] + "..."


def _memory_error(max_memory_mb: int) -> QueryMemoryError:
    return QueryMemoryError(
        f"the query needed more than {max_memory_mb} MiB of memory, its limit, and was stopped "
        "(sorting, grouping and DISTINCT hold every row); add a LIMIT or narrow its patterns, "
        "or allow more memory"
    )


def _send(request: bytes, spares: SpareWorkers | None) -> StartedWorker:
    """A worker that has received ``request``: a spare if one is ready and still takes it."""
    spare = spares.take() if spares is not None else None
    if spare is not None:
        try:
            _write(spare, request)
            return spare
        except BrokenPipeError:  # it ended after it was taken: start one as without spares
            spare.discard()
    worker = start_worker()
    try:
        _write(worker, request)
    except BaseException:
        worker.discard()
        raise
    return worker


def _write(worker: StartedWorker, request: bytes) -> None:
    stdin = worker.process.stdin
    assert stdin is not None
    stdin.write(request)
    stdin.close()


@contextmanager
def bounded_query(
    store_path: Path,
    sparql: str,
    limits: QueryLimits = QueryLimits(),
    *,
    allowed_services: Collection[str] = (),
    prefixes: Mapping[str, str] | None = None,
    source: str = "the query",
    default_graphs: Sequence[str] | None = None,
    named_graphs: Sequence[str] | None = None,
    spares: SpareWorkers | None = None,
) -> Iterator[BoundedResult]:
    """Run a read-only query on the store at ``store_path`` within ``limits``.

    ``prefixes`` are declared for the query without adding lines to it, so a syntax error
    (:class:`aiact_kg.store.syntax.QuerySyntaxError`) is placed in the lines of ``sparql``;
    ``source`` names where the text came from (a file name, ``<stdin>``) in that message.

    The default graph is the union of all the store's graphs unless the dataset is named:
    by the query (``FROM``, ``FROM NAMED``) or by ``default_graphs`` / ``named_graphs`` (graph
    IRIs, as the SPARQL protocol's ``default-graph-uri`` / ``named-graph-uri`` give them, which
    take precedence over the query's own).

    The query is checked first (:func:`aiact_kg.store.remote.check_query`): updates and remote
    access not in ``allowed_services`` are refused before anything runs. Unless it reaches an
    allowed endpoint, the worker also runs without network access. Leaving the ``with`` block
    (normally, on an error or on Ctrl-C) kills the worker if it still runs. ``spares``: workers
    started ahead of need (a long-running process's pool), of which a ready one is taken.
    """
    check = check_query(sparql, allowed_services, prefixes)
    active = store_path / ACTIVE
    if active.is_symlink() or active.is_dir():  # a store directory: read its active version
        store_path = active.resolve() / DB
    request = {
        "store": str(store_path),
        "query": sparql,
        "prefixes": dict(prefixes or {}),
        "max_rows": limits.max_rows,
        "max_memory_bytes": None if limits.max_memory_mb is None else limits.max_memory_mb << 20,
        "sandbox": not check.services,
        "union": not check.dataset and default_graphs is None and named_graphs is None,
        "default_graphs": None if default_graphs is None else list(default_graphs),
        "named_graphs": None if named_graphs is None else list(named_graphs),
    }
    worker = _send(json.dumps(request).encode("utf-8"), spares)
    process, stderr = worker.process, worker.stderr
    try:
        reader = _Reader(process, limits.timeout)
        messages = _messages(reader, stderr, process, sparql, source, limits.max_memory_mb)
        head = next(messages)
        form = head["head"]
        variables = tuple(head.get("variables", TRIPLE_VARIABLES if form == "triples" else ()))
        yield BoundedResult(form, variables, head.get("value"), messages, limits.max_rows)
    finally:
        worker.discard()
