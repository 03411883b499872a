"""JSON-LD contexts: nothing remote is ever loaded, and our published context is local.

A submission's ``@context`` may be inline (objects) or our published IRI
:data:`OUR_CONTEXT_IRI`, which is replaced by the shipped file's content before parsing. Any
other IRI, anywhere (top level, arrays of contexts, scoped contexts in term definitions) and
``@import`` are rejected. This is checked on the whole JSON tree, so a ``@context`` key inside
a ``@json`` literal is rejected too; that is the price of a check that cannot be fooled.
"""

from __future__ import annotations

import copy
import difflib
import json
import math
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cache
from typing import Final, TypeGuard

from aiact_kg.resources import jsonld_context_file
from aiact_kg.submission.errors import CheckError, line_and_column
from aiact_kg.submission.round_figures import double_keeping_order

OUR_CONTEXT_IRI: Final = "https://w3id.org/aiact-kg/context.jsonld"
MAX_JSON_DEPTH: Final = 100
MAX_TERMS_WITH_SCOPED_CONTEXTS: Final = 500
"""Terms a document's contexts may define in all (ours included) where one of them is scoped
(a term definition with its own ``@context``): the JSON-LD processor builds a new active context
for every node such a term applies to, at a cost of the terms times the nodes (2,000 terms over
9,000 nodes, 380 KB, took 43 s)."""

_REMOTE_HINT: Final = (
    f"remote JSON-LD contexts are not fetched; inline the context or use {OUR_CONTEXT_IRI}."
)


@cache
def our_context() -> object:
    """The value of ``@context`` in our published context file."""
    document = json.loads(jsonld_context_file().read_text(encoding="utf-8"))
    return document["@context"]


@dataclass(frozen=True)
class DroppedKey:
    """A key of a JSON-LD document that no context defines: JSON-LD processing drops it."""

    key: str
    node: str | None  # the "@id" (or our alias "id") of the object holding it, as written
    closest: str | None  # the closest term of the contexts, if one is close


@dataclass(frozen=True)
class PreparedJsonLd:
    """A checked JSON-LD document: the bytes to parse and what the check found on the way."""

    data: bytes
    positions_valid: bool  # the bytes are the user's (parser positions refer to the file)
    dropped: tuple[DroppedKey, ...]  # keys no context defines (see :meth:`_TreeWalk.dropped_keys`)


def prepare_json_ld(data: bytes) -> PreparedJsonLd:
    """Check a JSON-LD document (valid UTF-8) and return the bytes to parse.

    The bytes are the original ones, or a rewritten document with our context inlined (or
    decimals written as text), in which case parser positions no longer refer to the file.
    """
    try:
        value = json.loads(
            data,
            parse_float=lambda text: _finite_number(text, data),
            parse_constant=lambda text: _not_json(text, data),
        )
    except json.JSONDecodeError as error:
        raise CheckError(
            f"the JSON is invalid: {error.msg}. Fix the syntax and try again.",
            line=error.lineno,
            column=error.colno,
        ) from None
    except RecursionError:
        raise _too_deep(data) from None
    except ValueError as error:  # e.g. an integer with more than 4300 digits
        long_number = _LONG_INTEGER.search(data)
        if long_number is None:
            raise CheckError(f"the JSON is invalid: {error}. Fix it and try again.") from None
        digits = len(long_number.group().lstrip(b"-"))
        raise _raw_problem_at(
            f"the JSON number here has {digits} digits, more than the 4300 a JSON integer may "
            "have to be read. Write the value as a string with its datatype",
            long_number.group().decode("ascii"),
            data,
        ) from None
    _no_unpaired_surrogates(value, data)
    walk = _TreeWalk(data)
    walk.run(value)
    if walk.scoped is not None and len(walk.terms) > MAX_TERMS_WITH_SCOPED_CONTEXTS:
        raise _problem_at(
            f"the JSON-LD contexts define {len(walk.terms)} terms, and the term {walk.scoped!r} "
            f"has a scoped context of its own: with a scoped context at most "
            f"{MAX_TERMS_WITH_SCOPED_CONTEXTS} terms may be defined in all (each node it applies "
            "to gets a new active context). Define the terms once, at the top, or use "
            f"{OUR_CONTEXT_IRI} with compact IRIs.",
            walk.scoped,
            data,
        )
    dropped = walk.dropped_keys()
    if not walk.changed:
        return PreparedJsonLd(data, True, dropped)
    return PreparedJsonLd(json.dumps(value, ensure_ascii=False).encode("utf-8"), False, dropped)


@cache
def _decimal_keys() -> dict[str, bool]:
    """The keys whose JSON numbers are decimals: the terms our context types ``xsd:decimal``
    (True: the term types the value) and the compact and full IRIs of their properties, which
    the guide allows as keys too (False: the value needs a value object to be typed; JSON-LD
    reads an untyped number with a fraction as a double, which drops digits a decimal keeps)."""
    context = our_context()
    assert isinstance(context, dict)
    prefixes = {
        name: value
        for name, value in context.items()
        if isinstance(value, str) and value.endswith(("#", "/"))
    }
    keys: dict[str, bool] = {}
    for term, definition in context.items():
        if not (isinstance(definition, dict) and definition.get("@type") in _DECIMAL):
            continue
        keys[term] = True
        iri = str(definition.get("@id", term))
        prefix, _, local = iri.partition(":")
        if prefix in prefixes:
            keys[iri] = keys[prefixes[prefix] + local] = False
    return keys


_DECIMAL: Final = ("xsd:decimal", "http://www.w3.org/2001/XMLSchema#decimal")


def _decimals_as_text(item: dict[str, object]) -> bool:
    """Write the JSON numbers with a fraction that are typed ``xsd:decimal`` (by our context's
    term or a value object) as decimal text: JSON-LD writes such a number in the lexical form of
    a double ("4.5E0"), which is no decimal. True if one was rewritten."""
    changed = False
    if "@value" in item and item.get("@type") in _DECIMAL and isinstance(item["@value"], float):
        item["@value"] = _decimal_text(item["@value"])
        changed = True
    keys = _decimal_keys()
    for key in keys.keys() & item.keys():
        value, typed = item[key], keys[key]

        def written(number: float, typed: bool = typed) -> object:
            text = _decimal_text(number)
            return text if typed else {"@value": text, "@type": _DECIMAL[1]}

        if isinstance(value, float):
            item[key] = written(value)
            changed = True
        elif isinstance(value, list) and any(isinstance(v, float) for v in value):
            item[key] = [written(v) if isinstance(v, float) else v for v in value]
            changed = True
    return changed


_XSD_INTEGER: Final = "http://www.w3.org/2001/XMLSchema#integer"


# JSON-LD writes an integer of this size or more as a double (JSON-LD 1.1, "Object to RDF")
_DOUBLE_FROM: Final = 10**21


def _loses_digits(value: object) -> TypeGuard[int]:
    """A JSON integer that JSON-LD writes as a double not equal to it."""
    if type(value) is not int or abs(value) < _DOUBLE_FROM:
        return False
    try:
        return int(float(value)) != value
    except OverflowError:  # beyond the largest double: no double holds it at all
        return True


def _exact_integer(value: int) -> dict[str, object]:
    return {"@value": str(value), "@type": _XSD_INTEGER}


def _crosses_round_figure(value: object) -> TypeGuard[float]:
    """A JSON number with a fraction and no exponent (Turtle's decimal form) whose double is
    that of a rounder number it is not: 10000000000000000000000000.1 reads as the double 1e25,
    which is no longer above the threshold of Art 51(2)."""
    if not isinstance(value, _JsonNumber) or "e" in value.text.lower():
        return False
    return double_keeping_order(Decimal(value.text)) != float(value)


def _exact_decimal(value: float) -> dict[str, object]:
    return {"@value": _decimal_text(value), "@type": _DECIMAL[1]}


def _exact_number(value: object) -> object:
    """``value`` as a value object with every digit where a double would not keep it on its
    side of a round figure (:func:`_loses_digits`, :func:`_crosses_round_figure`)."""
    if _loses_digits(value):
        return _exact_integer(value)
    if _crosses_round_figure(value):
        return _exact_decimal(value)
    return value


def _needs_exact(value: object) -> bool:
    return _loses_digits(value) or _crosses_round_figure(value)


def _big_integers_exact(item: dict[str, object]) -> bool:
    """Write the JSON integers a double cannot hold as ``xsd:integer`` value objects with every
    digit, as Turtle reads them (JSON-LD 1.1 makes an integer below 10^21 an ``xsd:integer``):
    read as doubles, 10000000000000000000000001 FLOP would read as 1e25, no longer above the
    threshold of Art 51(2) (an outside check). Likewise a number with a fraction and no
    exponent whose double crosses a round figure, as an ``xsd:decimal`` (Turtle reads
    10000000000000000000000000.1 as that decimal). Not in a value object typed otherwise (a
    double asked for). True if one was rewritten."""
    changed = False
    if "@value" in item:
        value = item["@value"]
        if "@type" not in item and _needs_exact(value):
            exact = _exact_number(value)
            assert isinstance(exact, dict)
            item.update(exact)
            changed = True
        return changed
    for key, value in item.items():
        if key.startswith("@") and key not in ("@list", "@set"):
            continue
        if _needs_exact(value):
            item[key] = _exact_number(value)
            changed = True
        elif isinstance(value, list) and any(_needs_exact(v) for v in value):
            item[key] = [_exact_number(v) for v in value]
            changed = True
    return changed


class _JsonNumber(float):
    """A JSON number with a fraction or exponent, and its text as written (a double cannot
    hold 3.9999999999999999999, which is below 4)."""

    __slots__ = ("text",)
    text: str

    def __new__(cls, text: str) -> _JsonNumber:
        number = super().__new__(cls, text)
        number.text = text
        return number


def _decimal_text(number: float) -> str:
    """The decimal text of a JSON number as written (4.5 -> "4.5", 1e-7 -> "0.0000001")."""
    if number != number or number in (float("inf"), float("-inf")):
        return repr(number)  # not a number: left for validation to refuse
    written = number.text if isinstance(number, _JsonNumber) else repr(number)
    return format(Decimal(written), "f")


def _finite_number(text: str, data: bytes) -> float:
    """A JSON number as a float; one beyond the largest double is refused where it is written
    (read as infinity, it would be rewritten as ``Infinity``, which is no JSON)."""
    number = _JsonNumber(text)
    if math.isinf(number):
        raise _raw_problem_at(
            f"the JSON number {text} is beyond the largest double (about 1.8e308), so it "
            "cannot be read. Write the value in range, or as a string with its datatype",
            text,
            data,
        )
    return number


def _not_json(text: str, data: bytes) -> float:
    """``NaN``, ``Infinity`` and ``-Infinity``, which Python reads but JSON does not have."""
    raise _raw_problem_at(
        f"{text} is not a JSON value (JSON has no NaN or infinity). Give a number in range",
        text,
        data,
    )


# an escape of half a UTF-16 surrogate pair (\ud800-\udfff), paired or not
_SURROGATE_ESCAPE: Final = re.compile(rb"\\u[dD][89a-fA-F][0-9a-fA-F]{2}")


def _no_unpaired_surrogates(value: object, data: bytes) -> None:
    """Refuse a JSON string holding half of a surrogate pair without its other half (e.g.
    ``"\\ud800"``): JSON reads it, but it is no Unicode character, so no RDF literal or IRI
    can hold it (it failed later, as an internal error, where the document is written again)."""
    match = _SURROGATE_ESCAPE.search(data)
    if match is None:
        return
    try:
        json.dumps(value, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError:
        pass
    else:
        return  # only whole pairs (or escaped backslashes): the text is Unicode
    escapes = [m.group().decode("ascii") for m in _SURROGATE_ESCAPE.finditer(data)]
    lone = next((e for e in escapes if _is_lone(e, data)), escapes[0])
    raise _raw_problem_at(
        f"the JSON string here holds {lone}, half of a UTF-16 surrogate pair without its other "
        "half, which is no Unicode character: write the character itself, or both halves of its "
        "pair",
        lone,
        data,
    )


def _is_lone(escape: str, data: bytes) -> bool:
    """Whether the first occurrence of the surrogate ``escape`` lacks its other half beside it."""
    index = data.find(escape.encode("ascii"))
    high = escape[2].lower() == "d" and escape[3].lower() in "89ab"
    if high:
        after = data[index + 6 : index + 12]
        return _SURROGATE_ESCAPE.fullmatch(after) is None or after[3:4].lower() in b"89ab"
    before = data[max(0, index - 6) : index]
    return _SURROGATE_ESCAPE.fullmatch(before) is None or before[3:4].lower() not in b"89ab"


# an integer too long for Python's conversion of text to int (sys.get_int_max_str_digits)
_LONG_INTEGER: Final = re.compile(rb"-?[0-9]{4301,}")
# JSON strings (whose brackets are text) and the brackets that nest
_JSON_TOKENS: Final = re.compile(rb'"(?:[^"\\]|\\.)*"|[\[\]{}]', re.DOTALL)


def _too_deep(data: bytes) -> CheckError:
    """The problem of a JSON document nested beyond :data:`MAX_JSON_DEPTH`, positioned at the
    first bracket that opens one level too many."""
    line = column = None
    depth = 0
    for match in _JSON_TOKENS.finditer(data):
        token = match.group()
        if token in (b"[", b"{"):
            depth += 1
            if depth > MAX_JSON_DEPTH:
                prefix = data[: match.start()].decode("utf-8", errors="replace")
                line, column = line_and_column(prefix, len(prefix))
                break
        elif token in (b"]", b"}"):
            depth -= 1
    return CheckError(
        f"the JSON nests objects and arrays more than {MAX_JSON_DEPTH} levels deep. "
        "Flatten the description (refer to nodes by @id) and try again.",
        line=line,
        column=column,
    )


class _TreeWalk:
    """One walk over a parsed JSON-LD tree: it limits the depth, checks every ``@context``
    (inlining ours in place), writes decimals as text, and gathers the terms the contexts
    define and the objects whose keys must be terms (for :meth:`dropped_keys`)."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.changed = False
        self.terms: set[str] = set(_terms(our_context()))
        self.vocab = False  # a context with @vocab keeps every key
        self.scoped: str | None = None  # the first term with a scoped context of its own
        self.objects: list[dict[str, object]] = []
        self.type_maps: set[str] = set()  # terms whose values are type maps (unwrapped)
        self.other_terms: set[str] = set()  # terms some context defines otherwise
        self._literal_ids: set[int] = set()  # the objects inside JSON literals
        self.language_maps: set[str] = set()  # terms whose values are language maps

    def run(self, value: object) -> None:
        maps: set[str] = set()  # terms whose values are maps (an inline "@container")
        literals: set[str] = set()  # terms whose values are JSON literals ("@type": "@json")
        iris = set(_iri_terms())  # terms whose values are IRIs ("@type": "@id" or "@vocab")
        types = set(_type_keys())  # "@type" and its aliases: their values name classes
        # (item, depth, whether its keys are terms: not those of a container term's map, nor
        # anything inside a JSON literal, which is data, walked only for its depth)
        stack: list[tuple[object, int, bool]] = [(value, 1, True)]
        while stack:
            item, depth, keyed = stack.pop()
            if depth > MAX_JSON_DEPTH and isinstance(item, dict | list):
                raise _too_deep(self.data)
            if isinstance(item, dict) and not keyed and id(item) in self._literal_ids:
                stack.extend((child, depth + 1, False) for child in item.values())
                continue
            if isinstance(item, dict):
                if "@context" in item:
                    self._enter_context(item, maps, literals)
                if keyed and self.type_maps:
                    self._unwrap_type_maps(item)
                self.changed = _decimals_as_text(item) or self.changed
                self.changed = _big_integers_exact(item) or self.changed
                if keyed:
                    self.objects.append(item)
                # a context's own keys are terms (its scoped contexts are checked as it is
                # walked); a container term's map has no terms for keys
                iris.update(_defined_terms(item.get("@context"), _holds_iris))
                types.update(_aliases(item.get("@context"), "@type"))
                for key, child in item.items():
                    holds_iris = keyed and (key in iris or key in types or key == "@id")
                    self._check(key, child, keyed, holds_iris)
                    if keyed and key in self.language_maps and isinstance(child, dict):
                        _check_language_map(key, child, self.data)
                    literal = key in literals or (key == "@value" and item.get("@type") == "@json")
                    if literal:
                        self._mark_literal(child)
                    stack.append(
                        (child, depth + 1, key != "@context" and key not in maps and not literal)
                    )
            elif isinstance(item, list):
                stack.extend((child, depth + 1, keyed) for child in item)

    def _enter_context(self, item: dict[str, object], maps: set[str], literals: set[str]) -> None:
        """Read an object's ``@context`` (ours inlined, anything remote refused): its terms,
        its container and JSON-literal terms, and its type maps, which are unwrapped."""
        item["@context"], inlined = _context(item["@context"], self.data)
        self.changed = self.changed or inlined
        inline = list(_terms(item["@context"]))
        self.vocab = self.vocab or "@vocab" in inline
        self.terms.update(inline)
        for term, definition in _terms_defined(item["@context"]):
            if isinstance(definition, dict) and _is_type_map(definition):
                # pyoxigraph's JSON-LD parser refuses type maps (as a misplaced @type): each
                # value is written as node objects with their @type instead (JSON-LD 1.1, 4.6.4)
                if term in self.other_terms or definition.get("@type") == "@vocab":
                    raise _type_map_refused(term, self.data)
                definition.pop("@container")
                self.type_maps.add(term)
                self.changed = True
            elif term in self.type_maps:
                raise _type_map_refused(term, self.data)
            else:
                self.other_terms.add(term)
        maps.update(_defined_terms(item["@context"], _has_container))
        self.language_maps.update(_defined_terms(item["@context"], _is_language_map))
        if self.scoped is None:
            self.scoped = next(iter(_defined_terms(item["@context"], _has_context)), None)
        literals.update(_defined_terms(item["@context"], _is_json_literal))

    def _unwrap_type_maps(self, item: dict[str, object]) -> None:
        """Write each type map of a node object as a list of node objects typed by its keys."""
        for key in [key for key in item if key in self.type_maps]:
            value = item[key]
            if not isinstance(value, dict):
                continue
            nodes: list[object] = []
            for type_key, members in value.items():
                for member in members if isinstance(members, list) else [members]:
                    if isinstance(member, str):
                        nodes.append({"@type": type_key, "@id": member})
                    elif isinstance(member, dict):
                        known = member.get("@type")
                        kinds = (
                            known if isinstance(known, list) else [] if known is None else [known]
                        )
                        rest = {k: v for k, v in member.items() if k != "@type"}
                        nodes.append({"@type": [type_key, *kinds], **rest})
                    else:
                        nodes.append(member)
            item[key] = nodes

    def _check(self, key: str, value: object, keyed: bool, holds_iris: bool) -> None:
        """Refuse what JSON-LD would drop or keep without a word: an IRI holding a character
        no IRI may hold, as a key (``keyed``: a node's key) or a value (``holds_iris``: under
        ``@id``, ``@type`` or a term typed ``@id``), and a ``@language`` that is no tag."""
        if key == "@language":
            _check_language(value, self.data)
        if not keyed:
            return
        if holds_iris:
            _check_iris(key, value, self.data)
        if ":" in key and not key.startswith("@"):
            _check_key(key, self.data)

    def _mark_literal(self, value: object) -> None:
        """Remember the objects of a JSON literal, whose keys are data, not terms."""
        pending = [value]
        while pending:
            item = pending.pop()
            if isinstance(item, dict) and id(item) not in self._literal_ids:
                self._literal_ids.add(id(item))
                pending.extend(item.values())
            elif isinstance(item, list):
                pending.extend(item)

    def dropped_keys(self) -> tuple[DroppedKey, ...]:
        """The keys that expand to nothing and are dropped.

        A key is kept when it is a keyword, a term of our context or of a context the document
        writes inline, or an IRI or compact IRI (it holds a colon); a context with ``@vocab``
        keeps every key, so then none is reported, and the keys of a map a container term
        holds (languages, indexes, ids) are not terms. Each key is reported once, on its first
        object."""
        if self.vocab:
            return ()
        found: dict[str, DroppedKey] = {}
        terms = sorted(self.terms)
        for item in reversed(self.objects):  # document order, roughly: the first object first
            for key in item:
                if key.startswith("@") or ":" in key or key in self.terms or key in found:
                    continue
                node = item.get("@id", item.get("id"))
                close = difflib.get_close_matches(key, terms, n=1, cutoff=0.75)
                found[key] = DroppedKey(
                    key, node if isinstance(node, str) else None, close[0] if close else None
                )
        return tuple(found.values())


def _context(value: object, data: bytes) -> tuple[object, bool]:
    """A ``@context`` value with our IRI replaced by our context; raise on anything remote."""
    if isinstance(value, str):
        if value == OUR_CONTEXT_IRI:
            return copy.deepcopy(our_context()), True
        reason = f"the JSON-LD refers to the context {value!r}; " + _REMOTE_HINT
        raise _problem_at(reason, value, data)
    if isinstance(value, list):
        results = [_context(item, data) for item in value]
        return [item for item, _ in results], any(inlined for _, inlined in results)
    if isinstance(value, dict) and "@import" in value:
        raise _problem_at(
            f"the JSON-LD context imports {value['@import']!r} with @import; " + _REMOTE_HINT,
            "@import",
            data,
        )
    return value, False  # an inline context: its scoped contexts are checked as the tree is


def _raw_problem_at(reason: str, text: str, data: bytes) -> CheckError:
    """A problem positioned at the first occurrence of ``text`` as written in the document."""
    index = data.find(text.encode("utf-8"))
    if index < 0:
        return CheckError(reason)
    prefix = data[:index].decode("utf-8", errors="replace")
    line, column = line_and_column(prefix, len(prefix))
    return CheckError(reason, line=line, column=column)


def _problem_at(reason: str, needle: object, data: bytes) -> CheckError:
    """A problem positioned at the first occurrence of the JSON string ``needle``, if found."""
    return _raw_problem_at(reason, json.dumps(needle, ensure_ascii=False), data)


def _defined_terms(context: object, wanted: Callable[[dict[str, object]], bool]) -> Iterable[str]:
    """The terms of an inline context whose definitions (objects) satisfy ``wanted``."""
    parts = context if isinstance(context, list) else [context]
    for part in parts:
        if isinstance(part, dict):
            yield from (
                key for key, value in part.items() if isinstance(value, dict) and wanted(value)
            )


def _terms_defined(context: object) -> Iterable[tuple[str, object]]:
    """The terms an inline context defines, with their definitions."""
    parts = context if isinstance(context, list) else [context]
    for part in parts:
        if isinstance(part, dict):
            yield from ((k, v) for k, v in part.items() if not k.startswith("@"))


def _type_map_refused(term: str, data: bytes) -> CheckError:
    """A type map read here only where it is the term's one meaning in the document."""
    return _problem_at(
        f"the JSON-LD defines {term!r} as a type map (@container: @type) and also otherwise, "
        "or with @type @vocab: write each value as a node object with its @type instead "
        "(type maps are read only as the one definition of their term, typed @id)",
        term,
        data,
    )


def _is_type_map(definition: dict[str, object]) -> bool:
    container = definition.get("@container")
    kinds = container if isinstance(container, list) else [container]
    return "@type" in kinds and set(kinds) <= {"@type", "@set"}


def _is_json_literal(definition: dict[str, object]) -> bool:
    return definition.get("@type") == "@json"


# what no IRI may hold (RFC 3987): JSON-LD drops a statement with such an IRI without a word
_NOT_IN_IRI: Final = re.compile(r'[\x00-\x20<>"{}|^`\\\x7f-\x9f]')


def _check_iris(key: str, value: object, data: bytes) -> None:
    """Refuse a string given as an IRI (under ``@id`` or a term whose values are IRIs) that
    holds a character no IRI may hold, at its position in the document."""
    for item in value if isinstance(value, list) else [value]:
        if isinstance(item, str) and (bad := _NOT_IN_IRI.search(item)):
            raise _problem_at(
                f"the JSON-LD gives {item!r} as an IRI (under {key!r}), but it holds "
                f"{bad.group()!r}, which no IRI may hold: JSON-LD would drop the statement "
                "without a word. Percent-encode the character (a space is %20) and try again.",
                item,
                data,
            )


# a language tag as RDF 1.1 and Turtle write it (BCP 47's form, RFC 5646)
_LANGUAGE_TAG: Final = re.compile(r"[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*")


def _check_language(value: object, data: bytes) -> None:
    """Refuse a ``@language`` that is no language tag (Turtle refuses it; JSON-LD kept it)."""
    if isinstance(value, str) and not _LANGUAGE_TAG.fullmatch(value):
        raise _problem_at(
            f"the JSON-LD gives {value!r} as a language (@language), which is not a language "
            "tag: letters, then parts of letters and digits after '-' (e.g. 'en', 'de-AT').",
            value,
            data,
        )


def _check_language_map(term: str, value: dict[str, object], data: bytes) -> None:
    """Refuse a key of a language map (``"label": {"en": ..., "not a tag": ...}``) that is no
    language tag: JSON-LD dropped its values without a word (an outside check)."""
    for key in value:
        if key != "@none" and not key.startswith("@") and not _LANGUAGE_TAG.fullmatch(key):
            raise _problem_at(
                f"the JSON-LD gives {key!r} as a language in the language map of {term!r}, "
                "which is not a language tag: letters, then parts of letters and digits after "
                "'-' (e.g. 'en', 'de-AT'). JSON-LD would drop its values without a word.",
                key,
                data,
            )


def _check_key(key: str, data: bytes) -> None:
    """Refuse a key written as an IRI or compact IRI that holds a character no IRI may hold:
    JSON-LD would drop its statements without a word."""
    if bad := _NOT_IN_IRI.search(key):
        raise _problem_at(
            f"the JSON-LD uses {key!r} as a property, but it holds {bad.group()!r}, which no "
            "IRI may hold: JSON-LD would drop its statements without a word. Write the "
            "property's IRI without it (a term of our context, or its full IRI) and try again.",
            key,
            data,
        )


def _aliases(context: object, keyword: str) -> Iterable[str]:
    """The terms an inline context defines as aliases of ``keyword``."""
    parts = context if isinstance(context, list) else [context]
    for part in parts:
        if isinstance(part, dict):
            yield from (term for term, value in part.items() if value == keyword)


@cache
def _type_keys() -> frozenset[str]:
    """``@type`` and our context's aliases of it."""
    return frozenset(
        {"@type", *(term for term, value in _items(our_context()) if value == "@type")}
    )


@cache
def _iri_terms() -> frozenset[str]:
    """Our context's terms whose values are IRIs, and its alias of ``@id``."""
    context = our_context()
    aliases = {term for term, definition in _items(context) if definition == "@id"}
    return frozenset(aliases | set(_defined_terms(context, _holds_iris)))


def _items(context: object) -> Iterable[tuple[str, object]]:
    parts = context if isinstance(context, list) else [context]
    for part in parts:
        if isinstance(part, dict):
            inner = part.get("@context", part)
            if isinstance(inner, dict):
                yield from inner.items()


def _holds_iris(definition: dict[str, object]) -> bool:
    return definition.get("@type") in ("@id", "@vocab")


def _has_context(definition: dict[str, object]) -> bool:
    return "@context" in definition


def _has_container(definition: dict[str, object]) -> bool:
    return "@container" in definition


def _is_language_map(definition: dict[str, object]) -> bool:
    container = definition.get("@container")
    return "@language" in (container if isinstance(container, list) else [container])


def _terms(context: object) -> Iterable[str]:
    """The terms (and ``@vocab``) a context value defines; our IRI stands for our context."""
    if isinstance(context, str) and context == OUR_CONTEXT_IRI:
        yield from _terms(our_context())
    elif isinstance(context, list):
        for part in context:
            yield from _terms(part)
    elif isinstance(context, dict):
        yield from (key for key in context if not key.startswith("@") or key == "@vocab")
