"""Refuse SPARQL that would reach the network, before it runs.

pyoxigraph evaluates ``SERVICE`` by sending HTTP requests, and an update's ``LOAD`` fetches its
IRI; it offers no hook to turn either off and does not expose the parsed algebra. So the text is
read with a SPARQL tokenizer (comments, strings, IRIs, prefixed names, variables and language
tags are single tokens, so a word inside any of them is never taken for a keyword), and every
``SERVICE`` or ``LOAD`` keyword, wherever it is nested, is refused unless its endpoint is an
absolute IRI on the allowlist. ``SERVICE ?variable`` cannot be checked before it runs and is
always refused. (``FROM``/``FROM NAMED`` only select graphs of the store: nothing is fetched.)
The query worker adds a second, operating-system level defence: :mod:`aiact_kg.store.sandbox`.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass
from urllib.parse import urljoin

from aiact_kg.errors import QueryError

QUERY_FORMS = frozenset({"SELECT", "ASK", "CONSTRUCT", "DESCRIBE"})
UPDATE_FORMS = frozenset(
    {"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"}
)
ALLOWLIST_VARIABLE = "AIACT_KG_ALLOW_SERVICE"
MAX_NESTING = 128
"""How deep ( ), [ ] and { } may nest in SPARQL text: far beyond any real query, and far below
the depth at which the engine's recursive parser overflows its stack and kills the process."""

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_CHARS_U = _BASE + "_"
_CHARS = _CHARS_U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"
_PLX = r"%[0-9A-Fa-f]{2}|\\[_~.\-!$&'()*+,;=/?#@%]"
_PREFIX = rf"[{_BASE}](?:[{_CHARS}.]*[{_CHARS}])?"
_LOCAL = rf"(?:[{_CHARS_U}:0-9]|{_PLX})(?:(?:[{_CHARS}.:]|{_PLX})*(?:[{_CHARS}:]|{_PLX}))?"
_UCHAR = r"\\u[0-9A-Fa-f]{4}|\\U[0-9A-Fa-f]{8}"

_TOKEN = re.compile(
    rf"""
    (?P<space>\s+)
  | (?P<comment>\#[^\r\n]*)
  | (?P<string>'''(?:(?:'|'')?(?:[^'\\]|\\.))*'''
              |\"\"\"(?:(?:"|"")?(?:[^"\\]|\\.))*\"\"\"
              |'(?:[^'\\\r\n]|\\.)*'
              |"(?:[^"\\\r\n]|\\.)*")
  | (?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|{_UCHAR})*>)
  | (?P<variable>[?$][{_CHARS_U}0-9][{_CHARS_U}0-9\u00b7\u0300-\u036f\u203f-\u2040]*)
  | (?P<langtag>@[A-Za-z]+(?:-[A-Za-z0-9]+)*)
  | (?P<bnode>_:[{_CHARS_U}0-9](?:[{_CHARS}.]*[{_CHARS}])?)
  | (?P<pname>(?:{_PREFIX})?:(?:{_LOCAL})?)
  | (?P<word>[A-Za-z_][A-Za-z0-9_]*)
  | (?P<number>[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?|\.[0-9]+(?:[eE][+-]?[0-9]+)?)
  | (?P<backslash>\\)
  | (?P<other>.)
    """,
    re.VERBOSE | re.DOTALL,
)
_ABSOLUTE = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")
_ESCAPE = re.compile(_UCHAR)
_LOCAL_ESCAPE = re.compile(r"\\(.)")


@dataclass(frozen=True)
class _Token:
    kind: str
    text: str
    offset: int


@dataclass(frozen=True)
class QueryCheck:
    """What the check learned: the query form, the allowlisted endpoints it reaches, and
    whether it names its own dataset (``FROM`` or ``FROM NAMED``)."""

    form: str
    services: tuple[str, ...]
    dataset: bool = False


def allowlist_from_environment(environ: Mapping[str, str]) -> tuple[str, ...]:
    """The endpoints allowed by ``$AIACT_KG_ALLOW_SERVICE`` (IRIs separated by spaces)."""
    return tuple(environ.get(ALLOWLIST_VARIABLE, "").split())


def _tokens(sparql: str) -> Iterator[_Token]:
    for match in _TOKEN.finditer(sparql):
        kind = match.lastgroup or "other"
        if kind in ("space", "comment"):
            continue
        if kind == "backslash":
            raise QueryError(
                f"a backslash at {_position(sparql, match.start())} is outside any string or "
                "IRI; escapes such as \\u0053 are accepted only inside strings and IRIs"
            )
        yield _Token(kind, match.group(), match.start())


def _check_nesting(sparql: str, tokens: list[_Token]) -> None:
    """Refuse brackets nested deeper than :data:`MAX_NESTING`, at the first one too deep."""
    depth = 0
    for token in tokens:
        if token.kind != "other":
            continue
        if token.text in "([{":
            depth += 1
            if depth > MAX_NESTING:
                raise QueryError(
                    f"the SPARQL nests brackets ( ), [ ] and {{ }} more than {MAX_NESTING} "
                    f"levels deep at {_position(sparql, token.offset)}; the engine's parser "
                    "cannot take that. Write the expression flatter and try again"
                )
        elif token.text in ")]}":
            depth = max(0, depth - 1)


def _position(sparql: str, offset: int) -> str:
    line = sparql.count("\n", 0, offset) + 1
    column = offset - (sparql.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, column {column}"


def _unescape(iri: str) -> str:
    return _ESCAPE.sub(lambda match: chr(int(match.group()[2:], 16)), iri)


class _Reader:
    """Walk the tokens, keeping track of BASE and PREFIX declarations."""

    def __init__(self, sparql: str, prefixes: Mapping[str, str]) -> None:
        self.sparql = sparql
        self.tokens = list(_tokens(sparql))
        _check_nesting(sparql, self.tokens)
        self.prefixes = dict(prefixes)
        self.base: str | None = None

    def word(self, index: int) -> str:
        token = self.tokens[index] if index < len(self.tokens) else None
        return token.text.upper() if token is not None and token.kind == "word" else ""

    def iri(self, token: _Token) -> str | None:
        """The absolute IRI a token names, or None if it is not one we can resolve."""
        if token.kind == "iri":
            value = _unescape(token.text[1:-1])
        elif token.kind == "pname":
            prefix, _, local = token.text.partition(":")
            namespace = self.prefixes.get(prefix)
            if namespace is None:
                return None
            value = namespace + _LOCAL_ESCAPE.sub(r"\1", local)
        else:
            return None
        if not _ABSOLUTE.match(value) and self.base is not None:
            value = urljoin(self.base, value)
        return value if _ABSOLUTE.match(value) else None

    def declarations(self, index: int) -> int:
        """Read BASE/PREFIX declarations from ``index``; return the index after them."""
        while True:
            keyword = self.word(index)
            if keyword == "BASE" and index + 1 < len(self.tokens):
                self.base = self.iri(self.tokens[index + 1])
                index += 2
            elif keyword == "PREFIX" and index + 2 < len(self.tokens):
                name, namespace = self.tokens[index + 1], self.tokens[index + 2]
                value = self.iri(namespace)
                if name.kind == "pname" and value is not None:
                    self.prefixes[name.text.rstrip(":")] = value
                index += 3
            else:
                return index

    def endpoints(self, allowed: Collection[str]) -> tuple[str, ...]:
        """Every SERVICE/LOAD endpoint, checked against ``allowed``; refuse any other."""
        found: list[str] = []
        index = 0
        while index < len(self.tokens):
            index = self.declarations(index)
            keyword = self.word(index)
            if keyword in ("SERVICE", "LOAD"):
                found.append(self._endpoint(index, keyword, allowed))
            index += 1
        return tuple(found)

    def _endpoint(self, index: int, keyword: str, allowed: Collection[str]) -> str:
        where = _position(self.sparql, self.tokens[index].offset)
        target = index + 2 if self.word(index + 1) == "SILENT" else index + 1
        token = self.tokens[target] if target < len(self.tokens) else None
        if token is not None and token.kind == "variable":
            raise QueryError(
                f"{keyword} {token.text} at {where} reaches an endpoint chosen while the query "
                "runs; remote access is refused (nothing is fetched from the network), and an "
                "endpoint can only be allowed by its IRI"
            )
        iri = self.iri(token) if token is not None else None
        if iri is None or iri not in allowed:
            named = f"<{iri}>" if iri is not None else "an endpoint that is not an absolute IRI"
            raise QueryError(
                f"{keyword} {named} at {where} would fetch from the network, which aiact-kg "
                "refuses by default; the query was not run. To allow an endpoint, pass "
                f"--allow-service with its exact IRI or list it in ${ALLOWLIST_VARIABLE}"
            )
        return iri


def check_query(
    sparql: str, allowed: Collection[str] = (), prefixes: Mapping[str, str] | None = None
) -> QueryCheck:
    """Check a read-only query: refuse updates and remote access not on ``allowed``.

    ``prefixes`` are the default prefixes the engine will be given with the query.
    """
    reader = _Reader(sparql, prefixes or {})
    start = reader.declarations(0)
    form = reader.word(start)
    if form in UPDATE_FORMS:
        raise QueryError(
            f"this is a SPARQL update ({form} at "
            f"{_position(sparql, reader.tokens[start].offset)}), and queries here are "
            "read-only: only SELECT, ASK, CONSTRUCT and DESCRIBE are run, and the knowledge "
            "base is never changed"
        )
    reader = _Reader(sparql, prefixes or {})
    # FROM is a keyword only in a dataset clause (a subquery cannot have one), and the tokenizer
    # never reads a word inside an IRI, string, comment, variable or prefixed name as a keyword
    dataset = any(token.kind == "word" and token.text.upper() == "FROM" for token in reader.tokens)
    return QueryCheck(form, reader.endpoints(allowed), dataset)


def check_update(
    sparql: str, allowed: Collection[str] = (), prefixes: Mapping[str, str] | None = None
) -> tuple[str, ...]:
    """Check an update: refuse ``LOAD`` and ``SERVICE`` unless allowed; return the endpoints."""
    return _Reader(sparql, prefixes or {}).endpoints(allowed)
