"""Run a rule file in graphs of its own: ``WITH`` and ``USING`` added to each operation.

The rules of ``queries/rules/`` read and write the default graph. On a shared engine (a remote
SPARQL endpoint that also holds the knowledge base and other runs) each assessment works in its
own run graph instead: every ``DELETE``/``INSERT ... WHERE`` operation gets ``WITH <run>``
(where its templates write) and ``USING`` clauses naming the graphs whose merge its ``WHERE``
reads (the knowledge-base graphs the engine needs and the run graph). The text is otherwise
unchanged, so what a rule concludes does not change.

Only the top level of the text is rewritten; a small lexer skips strings, IRIs and comments so
that braces or keywords inside them are never mistaken for structure. The lexing is done once
per text: leading ``PREFIX`` lines (which differ per run, see ``AssessmentRun.bind``) are set
aside first, and where the clauses go in the rest is cached.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from aiact_kg.errors import QueryError

_IRI = re.compile(r"<[^<>\"{}|^`\\\x00-\x20]*>")
_WORD = re.compile(r"[A-Za-z_][\w-]*")
_STRINGS = ('"""', "'''", '"', "'")


def _skip_string(text: str, start: int) -> int:
    """The index just after the string literal starting at ``start``."""
    quote = next(q for q in _STRINGS if text.startswith(q, start))
    index = start + len(quote)
    while index < len(text):
        if text[index] == "\\":
            index += 2
            continue
        if text.startswith(quote, index):
            return index + len(quote)
        index += 1
    raise QueryError("unterminated string in a SPARQL update")


def _top_level_words(text: str) -> list[tuple[int, str]]:
    """``(offset, WORD)`` of every word, ``;`` and opening ``{`` outside braces, strings, IRIs
    and comments."""
    found: list[tuple[int, str]] = []
    depth, index = 0, 0
    while index < len(text):
        char = text[index]
        if char == "#":
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
        elif char in "\"'":
            index = _skip_string(text, index)
        elif char == "<" and (iri := _IRI.match(text, index)):
            index = iri.end()
        elif char == "{":
            if depth == 0:
                found.append((index, "{"))
            depth, index = depth + 1, index + 1
        elif char == "}":
            depth, index = depth - 1, index + 1
        elif char == ";" and depth == 0:
            found.append((index, ";"))
            index += 1
        elif (word := _WORD.match(text, index)) is not None:
            if depth == 0:
                found.append((index, word.group().upper()))
            index = word.end()
        else:
            index += 1
    return found


# one PREFIX declaration on a line of its own, written as ``with_prefixes`` and ``bind`` write it
_DECLARATION = re.compile(
    r"[ \t]*PREFIX[ \t]+(?:[A-Za-z][\w.-]*)?:[ \t]*<[^<>\"{}|^`\\\x00-\x20]*>[ \t]*\n",
    re.IGNORECASE,
)
_UNSCOPABLE = {"LOAD", "CLEAR", "DROP", "CREATE", "ADD", "MOVE", "COPY", "DATA", "WITH", "USING"}


def _declarations_end(sparql: str) -> int:
    """The offset just after the PREFIX lines the text starts with."""
    end = 0
    while (match := _DECLARATION.match(sparql, end)) is not None:
        end = match.end()
    return end


@lru_cache(maxsize=512)
def _edit_points(sparql: str) -> tuple[tuple[int, bool], ...]:
    """``(offset, True)`` where ``WITH`` goes, ``(offset, False)`` where ``USING`` goes."""
    edits: list[tuple[int, bool]] = []
    expecting_operation = True
    previous = ""
    for offset, word in _top_level_words(sparql):
        if word in _UNSCOPABLE or (word == "WHERE" and previous == "DELETE"):
            raise QueryError(f"cannot run this update in a graph of its own: it uses {word}")
        if word in ("INSERT", "DELETE") and expecting_operation:
            edits.append((offset, True))
            expecting_operation = False
        elif word == "WHERE":
            edits.append((offset, False))
        elif word == ";":
            expecting_operation = True
        previous = word
    return tuple(edits)


def scope_update(sparql: str, target: str, reads: Sequence[str]) -> str:
    """``sparql`` with each operation writing into ``target`` and reading the merge of ``reads``.

    Only ``[DELETE {...}] [INSERT {...}] WHERE {...}`` operations can be scoped; any other form
    (``INSERT DATA``, ``DELETE WHERE``, ``LOAD``, graph management, or an operation that already
    names its graphs) is refused with an error.
    """
    with_clause = f"WITH <{target}> "
    using = "".join(f"USING <{graph}> " for graph in reads)
    start = _declarations_end(sparql)
    body = sparql[start:]
    parts, done = [sparql[:start]], 0
    for offset, is_with in _edit_points(body):
        parts += [body[done:offset], with_clause if is_with else using]
        done = offset
    parts.append(body[done:])
    return "".join(parts)
