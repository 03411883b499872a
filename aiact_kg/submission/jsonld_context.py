"""JSON-LD contexts: nothing remote is ever loaded, and our published context is local.

A submission's ``@context`` may be inline (objects) or our published IRI
:data:`OUR_CONTEXT_IRI`, which is replaced by the shipped file's content before parsing. Any
other IRI, anywhere (top level, arrays of contexts, scoped contexts in term definitions) and
``@import`` are rejected. This is checked on the whole JSON tree, so a ``@context`` key inside
a ``@json`` literal is rejected too; that is the price of a check that cannot be fooled.
"""

from __future__ import annotations

import copy
import json
from collections.abc import Iterable
from functools import cache
from typing import Final

from aiact_kg.resources import jsonld_context_file
from aiact_kg.submission.errors import CheckError, line_and_column

OUR_CONTEXT_IRI: Final = "https://w3id.org/aiact-kg/context.jsonld"
MAX_JSON_DEPTH: Final = 100

_REMOTE_HINT: Final = (
    f"remote JSON-LD contexts are not fetched; inline the context or use {OUR_CONTEXT_IRI}."
)


@cache
def our_context() -> object:
    """The value of ``@context`` in our published context file."""
    document = json.loads(jsonld_context_file().read_text(encoding="utf-8"))
    return document["@context"]


def prepare_json_ld(data: bytes) -> tuple[bytes, bool]:
    """Check a JSON-LD document (valid UTF-8) and return the bytes to parse.

    The flag says whether the returned bytes are the original ones (so parser positions still
    refer to the user's file) or a rewritten document with our context inlined.
    """
    try:
        value = json.loads(data)
    except json.JSONDecodeError as error:
        raise CheckError(
            f"the JSON is invalid: {error.msg}. Fix the syntax and try again.",
            line=error.lineno,
            column=error.colno,
        ) from None
    except RecursionError:
        raise _too_deep() from None
    except ValueError as error:  # e.g. an integer with more than 4300 digits
        raise CheckError(f"the JSON is invalid: {error}. Fix it and try again.") from None
    changed = _check_tree(value, data)
    if not changed:
        return data, True
    return json.dumps(value, ensure_ascii=False).encode("utf-8"), False


def _too_deep() -> CheckError:
    return CheckError(
        f"the JSON nests objects and arrays more than {MAX_JSON_DEPTH} levels deep. "
        "Flatten the description (refer to nodes by @id) and try again."
    )


def _check_tree(value: object, data: bytes) -> bool:
    """Limit the depth and check every ``@context``, inlining ours in place; True if inlined."""
    changed = False
    stack: list[tuple[object, int]] = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        children: Iterable[object]
        if isinstance(item, dict):
            children = item.values()
            if "@context" in item:
                item["@context"], inlined = _context(item["@context"], data)
                changed = changed or inlined
        elif isinstance(item, list):
            children = item
        else:
            continue
        if depth > MAX_JSON_DEPTH:
            raise _too_deep()
        stack.extend((child, depth + 1) for child in children)
    return changed


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


def _problem_at(reason: str, needle: object, data: bytes) -> CheckError:
    """A problem positioned at the first occurrence of the JSON string ``needle``, if found."""
    encoded = json.dumps(needle, ensure_ascii=False).encode("utf-8")
    index = data.find(encoded)
    if index < 0:
        return CheckError(reason)
    prefix = data[:index].decode("utf-8", errors="replace")
    line, column = line_and_column(prefix, len(prefix))
    return CheckError(reason, line=line, column=column)
