"""``--format``: the option of a command and the renderer each of its formats names."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import TypeVar

T = TypeVar("T")


def add_format(
    command: argparse.ArgumentParser, formats: Sequence[str], help_text: str | None = None
) -> None:
    """``--format``, one of ``formats``; the first is the default."""
    command.add_argument("--format", choices=tuple(formats), default=formats[0], help=help_text)


def write_as(format_name: str, renderers: Mapping[str, Callable[[T], str]], value: T) -> None:
    """Write ``value`` to stdout as the renderer of ``format_name`` renders it (the renderers
    of text for people escape the input's control characters, :mod:`aiact_kg.render.terminal`)."""
    sys.stdout.write(renderers[format_name](value))
