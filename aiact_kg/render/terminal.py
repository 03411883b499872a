"""Text for a terminal: control characters from the input are shown, never obeyed.

A description or a query result may hold any character. Written raw to a terminal, an escape
(ESC, BEL, the C1 controls) can set its title, clear the screen or recolour the report, and a
bidirectional override can reorder what a reviewer reads. The text renderers pass their output
through :func:`terminal_safe`, which writes each such character as ``\\u`` and its code point;
line feeds and tabs stay. JSON, XML and the RDF formats escape them by their own rules.
"""

from __future__ import annotations

import re
from typing import Final

_UNSAFE: Final = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)


LONGEST_WORD: Final = 1000
"""Characters of one word (an IRI, a long literal) a text output shows in full; a longer one is
shortened (a 15 MB IRI, shown five times, made a 75 MB report). JSON and RDF keep it whole."""
_LONG_WORD: Final = re.compile(rf"\S{{{LONGEST_WORD + 1},}}")


def terminal_safe(text: str) -> str:
    """``text`` with every control and bidirectional-formatting character escaped, line feeds
    and tabs kept, and every word longer than :data:`LONGEST_WORD` shortened."""
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", _LONG_WORD.sub(_shorten, text))


def _shorten(match: re.Match[str]) -> str:
    word = match.group()
    return f"{word[:200]}...({len(word)} characters)...{word[-40:]}"
