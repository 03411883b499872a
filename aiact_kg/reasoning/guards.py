"""Skip a rule operation that cannot insert anything: one of its required subqueries is empty.

A rule file holds ``INSERT ... WHERE { ... }`` operations separated by ``;``. In SPARQL each
element of a group graph pattern that is not ``OPTIONAL``, ``MINUS``, ``FILTER`` or ``BIND``
is joined with the rest, and a subquery is evaluated on its own, before the join (it does not
see the outer variables). So when a subquery that is such an element, ``{ SELECT ... }``
directly inside the ``WHERE`` group and neither a ``UNION`` branch nor the group of
``OPTIONAL``/``MINUS``/``GRAPH``/``EXISTS``/``VALUES``, has no solution, the whole ``WHERE``
has none and the operation inserts nothing. Evaluating the subquery alone first is cheap,
while the embedded engine evaluates the rest of the operation in full before the join finds it
empty: for one small description most rules match nothing. The guards are read from the rule
text alone (no list of rules); an operation whose structure is not recognised gets none.
When the subquery has solutions, the operation runs with them written in its place as a
``VALUES`` block (:func:`inline`): the same solutions, joined first.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from pyoxigraph import BlankNode, Triple

from aiact_kg.store.base import KnowledgeStore, SelectResult
from aiact_kg.store.scoping import _IRI, _WORD, _skip_string, _top_level_words

#: tokens after which a ``{`` directly in the WHERE group starts a group joined with the rest
_JOINED_AFTER = frozenset({"{", "}", "."})


#: called with the store and the operation's text for each operation skipped (tests set it, to
#: run the operation anyway and check that it inserts nothing)
on_skip: Callable[[KnowledgeStore, str], None] | None = None


@dataclass(frozen=True)
class Operation:
    """One operation of a rule text and the subqueries (``{ SELECT ... }``) it requires."""

    text: str
    required: tuple[str, ...]


def _tokens(text: str) -> list[tuple[int, int, str]]:
    """``(start, depth, token)`` for every brace, dot, parenthesis and word outside strings,
    IRIs and comments (other tokens, such as variables or literals, as ``"?"``)."""
    found: list[tuple[int, int, str]] = []
    depth, index = 0, 0
    while index < len(text):
        char = text[index]
        if char == "#":
            newline = text.find("\n", index)
            index = len(text) if newline < 0 else newline
        elif char.isspace():
            index += 1
        elif char in "\"'":
            found.append((index, depth, "?"))
            index = _skip_string(text, index)
        elif char == "<" and (iri := _IRI.match(text, index)):
            found.append((index, depth, "?"))
            index = iri.end()
        elif char == "{":
            found.append((index, depth, "{"))
            depth, index = depth + 1, index + 1
        elif char == "}":
            depth -= 1
            found.append((index, depth, "}"))
            index += 1
        elif char in ".()":
            found.append((index, depth, char))
            index += 1
        elif (word := _WORD.match(text, index)) is not None:
            found.append((index, depth, word.group().upper()))
            index = word.end()
        else:
            found.append((index, depth, "?"))
            index += 1
    return found


def required_subqueries(operation: str) -> tuple[str, ...]:
    """The texts (``{ SELECT ... }``) of the subqueries the ``WHERE`` of ``operation`` joins."""
    tokens = _tokens(operation)
    where = [i for i, (_, depth, token) in enumerate(tokens) if depth == 0 and token == "WHERE"]
    if len(where) != 1 or where[0] + 1 >= len(tokens) or tokens[where[0] + 1][2] != "{":
        return ()
    found: list[str] = []
    for i in range(where[0] + 2, len(tokens) - 1):
        start, depth, token = tokens[i]
        if depth != 1 or token != "{" or tokens[i + 1][2] != "SELECT":
            continue
        if tokens[i - 1][2] not in _JOINED_AFTER:
            continue
        close = next(j for j in range(i + 1, len(tokens)) if tokens[j][1:] == (1, "}"))
        if close + 1 < len(tokens) and tokens[close + 1][2] == "UNION":
            continue
        found.append(operation[start : tokens[close][0] + 1])
    return tuple(found)


@lru_cache(maxsize=256)
def operations(text: str) -> tuple[Operation, ...]:
    """The operations of a rule text (split at its top-level ``;``) with their guards."""
    cuts = [offset for offset, word in _top_level_words(text) if word == ";"]
    parts, start = [], 0
    for cut in [*cuts, len(text)]:
        parts.append(text[start:cut])
        start = cut + 1
    return tuple(Operation(part, required_subqueries(part)) for part in parts)


def inline(operation: str, query: str, solutions: SelectResult) -> str | None:
    """``operation`` with its subquery ``query`` replaced by ``solutions`` (its solutions, found
    beforehand) as a ``VALUES`` block: ``None`` if there are none (the operation would insert
    nothing), ``operation`` unchanged if a solution holds a blank node (a ``VALUES`` block
    cannot name it). A subquery is evaluated on its own before it is joined, so the two give
    the same solutions, and the engine then joins the few rows first instead of evaluating
    the rest of the pattern over the whole knowledge base."""
    if not solutions.rows:
        return None
    if any(isinstance(term, BlankNode | Triple) for row in solutions.rows for term in row):
        return operation
    names = " ".join(f"?{name}" for name in solutions.variables)
    rows = " ".join(
        "(" + " ".join("UNDEF" if term is None else str(term) for term in row) + ")"
        for row in solutions.rows
    )
    return operation.replace(query, f"VALUES ({names}) {{ {rows} }}", 1)
