"""The characters XML 1.0 cannot carry, not even escaped (its Char production)."""

from __future__ import annotations

import re
from typing import Final

_NOT_XML: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def first_not_xml(text: str) -> str | None:
    """The first character of ``text`` that XML cannot carry (U+0000, most control
    characters), or None."""
    found = _NOT_XML.search(text)
    return None if found is None else found.group()
