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


def terminal_safe(text: str) -> str:
    """``text`` with every control and bidirectional-formatting character escaped, line feeds
    and tabs kept."""
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
