"""Parse-time budgets of one submitted input: statements and nesting depth.

The size limit alone does not bound the work: a few megabytes of Turtle hold millions of
statements (a flat list) or collections nested thousands deep, and validation and assessment
cost grows with both. So each input may hold at most :data:`DEFAULT_MAX_STATEMENTS`
statements (``$AIACT_KG_MAX_INPUT_STATEMENTS`` changes it; a list of n items is 2n statements)
and nest Turtle and TriG collections ``( ... )`` and blank-node property lists ``[ ... ]`` at
most :data:`DEFAULT_MAX_DEPTH` levels, like RDF/XML elements and JSON arrays and objects. The
limits were chosen from measurements of the largest accepted inputs
(``benchmarks/results/input-limits.md``).
"""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from itertools import islice
from typing import Any, BinaryIO, Final

from pyoxigraph import RdfFormat, parse

from aiact_kg.errors import InputError
from aiact_kg.submission.errors import CheckError, line_and_column

__all__ = [
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_STATEMENTS",
    "STATEMENTS_VARIABLE",
    "check_turtle_depth",
    "expansion_budget",
    "resolve_max_statements",
    "statement_line",
    "statements_pass_limit",
    "too_expanded",
    "too_many_statements",
]

DEFAULT_MAX_DEPTH: Final = 100
DEFAULT_MAX_STATEMENTS: Final = 10_000
STATEMENTS_VARIABLE: Final = "AIACT_KG_MAX_INPUT_STATEMENTS"
EXPANSION_RATIO: Final = 8
"""How many times its own size the IRIs and literals of a document may take once prefixes, a
base IRI or JSON-LD terms are expanded (typical descriptions take two to four)."""
EXPANSION_FLOOR: Final = 4 * 1024 * 1024

# Tokens that can hide a bracket (strings, IRIs, comments, escaped characters in local names),
# and the brackets themselves. Long strings first, so that '""' never ends a '"""' string.
_TOKENS: Final = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n\r]|\\.)*"'
    r"|'(?:[^'\\\n\r]|\\.)*'"
    r"|<[^<>\"{}|^`\\\x00-\x20]*>"
    r"|#[^\n\r]*"
    r"|\\."
    r"|[()\[\]]",
    re.DOTALL,
)
_OPEN: Final = frozenset("([")
_CLOSE: Final = frozenset(")]")


def positive_setting(argument: int | None, variable: str, default: int, unit: str) -> int:
    """A positive limit: ``argument`` if given, else the environment ``variable``, else default.

    A bad argument is a programming error (``ValueError``); a bad environment value is the
    user's (:class:`InputError`, naming the variable).
    """
    if argument is not None:
        if argument < 1:
            raise ValueError(f"the limit must be positive, not {argument}")
        return argument
    setting = os.environ.get(variable, "").strip()
    if not setting:
        return default
    try:
        value = int(setting)
    except ValueError:
        value = 0
    if value < 1:
        raise InputError(
            f"the environment variable {variable} must be a positive whole number of {unit} "
            f"(e.g. {default}), not {setting!r}."
        )
    return value


def resolve_max_statements(max_statements: int | None = None) -> int:
    """The statement limit: the argument, else ``$AIACT_KG_MAX_INPUT_STATEMENTS``, else default."""
    return positive_setting(
        max_statements, STATEMENTS_VARIABLE, DEFAULT_MAX_STATEMENTS, "statements"
    )


def expansion_budget(size: int) -> int:
    """The characters the terms of a document of ``size`` bytes may expand to."""
    return max(EXPANSION_FLOOR, EXPANSION_RATIO * size)


def too_expanded(what: str, size: int, statement: int, longest: str) -> CheckError:
    """The problem of a document whose terms expand far beyond its size (a long prefix, base
    IRI or JSON-LD term used many times), found at its ``statement``-th statement."""
    shown = longest if len(longest) <= 80 else longest[:60] + f"... ({len(longest)} characters)"
    return CheckError(
        f"the {what} expands to more than {expansion_budget(size)} characters of IRIs and "
        f"literals by its statement {statement}, over {EXPANSION_RATIO} times its own size of "
        f"{size} bytes: a long prefix, base IRI or JSON-LD term is used many times (the longest "
        f"term so far is {shown}). Shorten the IRIs and try again."
    )


def too_many_statements(what: str, limit: int, line: int | None = None) -> CheckError:
    """The problem of an input with more than ``limit`` statements."""
    return CheckError(
        f"the {what} holds more than {limit} statements, the limit for one submission (a "
        f"list of n items counts 2n). Split it into smaller files, or raise the limit by "
        f"setting the environment variable {STATEMENTS_VARIABLE}.",
        line=line,
    )


def check_turtle_depth(text: bytes, what: str, limit: int = DEFAULT_MAX_DEPTH) -> None:
    """Raise :class:`CheckError` where Turtle or TriG ``text`` nests brackets beyond ``limit``.

    Counts ``(`` and ``[`` outside strings, IRIs and comments; ``text`` is valid UTF-8.
    """
    if text.count(b"(") + text.count(b"[") <= limit:
        return
    decoded = text.decode("utf-8")
    depth = 0
    for match in _TOKENS.finditer(decoded):
        token = match.group()
        if token in _OPEN:
            depth += 1
            if depth > limit:
                line, column = line_and_column(decoded, match.start())
                raise CheckError(
                    f"the {what} nests collections ( ) and blank nodes [ ] more than {limit} "
                    "levels deep. Flatten the description (give the nodes names, e.g. "
                    "_:provider) and try again.",
                    line=line,
                    column=column,
                )
        elif token in _CLOSE:
            depth = max(0, depth - 1)


def _statements_in(
    source: bytes | BinaryIO, rdf_format: RdfFormat, base_iri: str, limit: int
) -> int:
    """How many statements (at most ``limit + 1``) a parse of ``source`` yields before it ends
    or fails (a prefix of a document cut at a line end fails at the cut)."""
    count = 0
    try:
        for _ in islice(parse(input=source, format=rdf_format, base_iri=base_iri), limit + 1):
            count += 1
    except (KeyboardInterrupt, SystemExit, GeneratorExit):
        raise
    except BaseException:  # the cut, or any other error: the count so far
        pass
    return count


def statement_line(data: bytes, rdf_format: RdfFormat, base_iri: str, limit: int) -> int | None:
    """The line on which the parse of ``data`` yields its statement ``limit + 1``, or None if
    no prefix cut at a line end yields that many (a parser that reads the document whole).

    Prefixes cut at line ends are parsed (each parse stops at ``limit + 1`` statements), first
    doubling the number of lines, then bisecting: the prefixes stay about twice as long as the
    part of the document that holds the statements."""
    ends = list(_line_ends(data))

    def passes(line: int) -> bool:  # the first ``line`` lines hold more than ``limit``
        return _statements_in(data[: ends[line - 1]], rdf_format, base_iri, limit) > limit

    if not passes(len(ends)):
        return None
    high = 1
    while high < len(ends) and not passes(high):
        high *= 2
    high = min(high, len(ends))
    low = high // 2 + 1
    while low < high:
        middle = (low + high) // 2
        if passes(middle):
            high = middle
        else:
            low = middle + 1
    return high


def _line_ends(data: bytes) -> Iterator[int]:
    """The offset just past each line of ``data`` (the last line's end is the data's end)."""
    start = 0
    while True:
        index = data.find(b"\n", start)
        if index < 0:
            yield len(data)
            return
        yield index + 1
        start = index + 1


class _CountedReader(io.RawIOBase):
    """A binary stream that counts the bytes read from it."""

    def __init__(self, stream: BinaryIO) -> None:
        self.stream = stream
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        chunk = self.stream.read(len(buffer))
        buffer[: len(chunk)] = chunk
        self.consumed += len(chunk)
        return len(chunk)


def statements_pass_limit(
    stream: BinaryIO, rdf_format: RdfFormat, base_iri: str, limit: int
) -> int | None:
    """Parse ``stream`` as it is read and stop at statement ``limit + 1``: the number of bytes
    read by then, or None if the stream ends (or fails to parse) first. Lets a document far
    larger than the default size limit be refused for its statements without reading it whole."""
    reader = _CountedReader(stream)
    count = _statements_in(io.BufferedReader(reader), rdf_format, base_iri, limit)
    return reader.consumed if count > limit else None
