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

import os
import re
from typing import Final

from aiact_kg.errors import InputError
from aiact_kg.submission.errors import CheckError, line_and_column

__all__ = [
    "DEFAULT_MAX_DEPTH",
    "DEFAULT_MAX_STATEMENTS",
    "STATEMENTS_VARIABLE",
    "check_turtle_depth",
    "expansion_budget",
    "resolve_max_statements",
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
