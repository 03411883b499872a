"""Markdown tables of benchmark figures."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

_RULES = {"l": "---", "r": "---:"}


def table(header: Sequence[str], align: str, rows: Iterable[Sequence[object]]) -> list[str]:
    """The lines of a table: ``align`` has one letter a column, ``l`` left or ``r`` right."""
    if len(align) != len(header):
        raise ValueError(f"{len(header)} columns but {len(align)} alignments: {align!r}")
    return [_line(header), _line([_RULES[letter] for letter in align]), *map(_line, rows)]


def _line(cells: Sequence[object]) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"
