"""The work the reading stage does, counted instead of timed (timings depend on the machine).

:func:`spy_on_parser` counts the calls of pyoxigraph's parser and the statements it yields,
to show that a guard refused an input before parsing or that parsing stopped at a limit.
:func:`python_lines` counts the lines of Python a function executes (every turn of a loop
counts), to compare the work of two input sizes.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import FrameType
from typing import Any

import pytest

from aiact_kg.submission import reading


@dataclass
class ParserSpy:
    """How often pyoxigraph's parser was called and how many statements it yielded."""

    calls: int = 0
    yielded: int = 0


def spy_on_parser(monkeypatch: pytest.MonkeyPatch) -> ParserSpy:
    """Count, for the rest of the test, the parser calls and statements of the reading stage."""
    spy = ParserSpy()
    parse = reading.parse

    def counted(*args: Any, **kwargs: Any) -> Iterator[Any]:
        spy.calls += 1
        for quad in parse(*args, **kwargs):
            spy.yielded += 1
            yield quad

    monkeypatch.setattr(reading, "parse", counted)
    return spy


def python_lines(function: Callable[[], object]) -> int:
    """The number of lines of Python ``function()`` executes, every turn of a loop included."""
    count = 0

    def trace(frame: FrameType, event: str, arg: object) -> Callable[..., object]:
        nonlocal count
        if event == "line":
            count += 1
        return trace

    previous = sys.gettrace()
    sys.settrace(trace)
    try:
        function()
    finally:
        sys.settrace(previous)
    return count
