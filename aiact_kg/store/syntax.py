"""Report a SPARQL syntax error at its place in the user's own text.

pyoxigraph says ``error at LINE:COLUMN: expected ...``, at the furthest position its parser
reached. Lines and columns count from 1 in the text it was given; the default prefixes are
passed to it beside the text, never as added lines, so they are the user's lines. One quirk is
corrected: the parser reads a keyword by taking as many characters as the keyword has and then
comparing them, so when only keywords were expected at the reported position, that position is
past the real one by a keyword's length (``LIMT 3`` is reported six characters on, where
``HAVING``, ``OFFSET`` and ``VALUES`` ended). The real position is then the reported one less
the shortest of those keywords. An expected ``[_]`` ("any character") is the same reading
stopped by the end of the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiact_kg.errors import QueryError
from aiact_kg.namespaces import PREFIXES

_ENGINE = re.compile(r"^error at (\d+):(\d+): expected (?:one of )?(.*)$", re.DOTALL)
_ITEM = re.compile(
    r"""\s*(?:"(?:[^"\\]|\\.)*"|\[(?:'(?:[^'\\]|\\.)*'|[^\]'])*\]|[^,]+?)\s*(?:,|$)""",
    re.DOTALL,
)
_KEYWORD = re.compile(r"[A-Z][A-Z_0-9]*")
_ANY_CHARACTER = "[_]"
_UNDECLARED = "Prefix not found"
_MAX_ITEMS = 12
_NAME_CHARACTER = re.compile(r"[\w\-:.%\\]")


class QuerySyntaxError(QueryError):
    """The query text is not valid SPARQL; ``line`` and ``column`` are in the user's text."""

    def __init__(self, message: str, line: int | None, column: int | None) -> None:
        super().__init__(message)
        self.line = line
        self.column = column


@dataclass(frozen=True)
class _Position:
    line: int
    column: int
    offset: int


def _offset(text: str, line: int, column: int) -> int:
    """The index in ``text`` of a 1-based line and column (clamped to the text)."""
    start = 0
    for _ in range(line - 1):
        newline = text.find("\n", start)
        if newline < 0:
            return len(text)
        start = newline + 1
    end = text.find("\n", start)
    return min(start + column - 1, len(text) if end < 0 else end + 1)


def _position(text: str, offset: int) -> _Position:
    offset = max(0, min(offset, len(text)))
    line_start = text.rfind("\n", 0, offset) + 1
    return _Position(text.count("\n", 0, offset) + 1, offset - line_start + 1, offset)


def _expected(items: list[str], text: str, offset: int) -> str:
    """The engine's list of what it expected, without its character classes."""
    if _UNDECLARED in items:
        prefix = text[offset:].split(":", 1)[0]
        return f"the prefix {prefix}: is not declared (add a PREFIX line for it)"
    shown = [item for item in items if item and not item.startswith("[")]
    if not shown:
        return "the text here does not continue a valid query"
    if len(shown) > _MAX_ITEMS:
        shown = [*shown[:_MAX_ITEMS], "..."]
    return ("expected one of " if len(shown) > 1 else "expected ") + ", ".join(shown)


def _excerpt(text: str, position: _Position) -> str:
    lines = text.split("\n")
    if position.line > len(lines) or not text.strip():
        return ""
    line = lines[position.line - 1].rstrip("\r").replace("\t", " ")
    number = str(position.line)
    return f"\n  {number} | {line}\n  {' ' * len(number)} | {' ' * (position.column - 1)}^"


# what cannot hold a prefixed name: strings (long ones first), IRIs and comments
_OPAQUE = re.compile(
    r'"""(?:[^"\\]|\\.|"(?!""))*"""'
    r"|'''(?:[^'\\]|\\.|'(?!''))*'''"
    r'|"(?:[^"\\\n]|\\.)*"'
    r"|'(?:[^'\\\n]|\\.)*'"
    r'|<[^<>"{}|^`\\\s]*>'
    r"|#[^\n]*"
)
_DECLARED = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w\-.]*)?:")
_PREFIXED = re.compile(r"(?<![\w?$:.\-])([A-Za-z](?:[\w\-.]*[\w\-])?)?:(?=[\w%\\(\s;,.)\]}]|$)")


def _undeclared_prefix(text: str) -> tuple[str, int] | None:
    """The first prefixed name whose prefix neither the text nor our defaults declare, with its
    offset: the engine often reports it as another construct it expected there (``?s zz:a ?o``
    as "expected OPTIONAL", an outside check)."""
    plain = _OPAQUE.sub(lambda found: " " * len(found.group()), text)
    declared = {found.group(1) or "" for found in _DECLARED.finditer(plain)} | set(PREFIXES)
    for found in _PREFIXED.finditer(plain):
        prefix = found.group(1) or ""
        if prefix in declared or plain[: found.start()].rstrip().upper().endswith("PREFIX"):
            continue
        return prefix, found.start()
    return None


def syntax_error(engine_message: str, text: str, source: str) -> QuerySyntaxError:
    """The error to report for pyoxigraph's ``engine_message`` about ``text`` from ``source``."""
    if not text.strip():
        return QuerySyntaxError(f"the SPARQL query in {source} is empty", 1, 1)
    undeclared = _undeclared_prefix(text)
    if undeclared is not None:
        prefix, offset = undeclared
        position = _position(text, offset)
        return QuerySyntaxError(
            f"the SPARQL query in {source} is not valid at line {position.line}, column "
            f"{position.column}: the prefix {prefix}: is not declared (add a PREFIX line for it)"
            + _excerpt(text, position),
            position.line,
            position.column,
        )
    match = _ENGINE.match(engine_message.strip())
    if match is None:
        return QuerySyntaxError(
            f"the SPARQL query in {source} is not valid: {engine_message}", None, None
        )
    items = [item.group().strip().rstrip(",").strip() for item in _ITEM.finditer(match[3])]
    items = [item for item in items if item]
    offset = _offset(text, int(match[1]), int(match[2]))
    keywords = [item for item in items if _KEYWORD.fullmatch(item)]
    if keywords and all(item == _ANY_CHARACTER or item in keywords for item in items):
        offset -= min(len(keyword) for keyword in keywords)
    if _UNDECLARED in items:  # reported after the prefixed name: point at its start
        while offset > 0 and _NAME_CHARACTER.match(text[offset - 1]):
            offset -= 1
    position = _position(text, offset)
    where = f"at line {position.line}, column {position.column}"
    if not text[position.offset :].strip():
        where += " (the end of the text)"
    return QuerySyntaxError(
        f"the SPARQL query in {source} is not valid {where}: "
        + _expected(items, text, position.offset)
        + _excerpt(text, position),
        position.line,
        position.column,
    )
