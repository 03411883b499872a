"""Progress displays on stderr, shown only when stderr is a terminal.

:class:`Progress` is a one-line counter; :func:`progress_bar` wraps an iterable in a tqdm bar.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

_T = TypeVar("_T")


class Progress:
    """Counts work items on one self-overwriting line; silent when not on a terminal."""

    def __init__(
        self,
        label: str,
        total: int | None = None,
        stream: TextIO | None = None,
        enabled: bool | None = None,
    ) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.label = label
        self.total = total
        self.done = 0

    def step(self, detail: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        of_total = f"/{self.total}" if self.total else ""
        bar = ""
        if self.total:
            filled = int(30 * self.done / self.total)
            bar = "[" + "#" * filled + "." * (30 - filled) + "] "
        text = f"\r{self.label} {bar}{self.done}{of_total} {detail}"[:120]
        self.stream.write(text.ljust(80))
        self.stream.flush()

    def note(self, text: str) -> None:
        if self.enabled:
            self.stream.write(f"\r{text}".ljust(80))
            self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r" + " " * 80 + "\r")
            self.stream.flush()


def progress_bar(
    items: Iterable[_T],
    label: str,
    total: int | None = None,
    enabled: bool | None = None,
    unit: str = "doc",
) -> Iterator[_T]:
    """``items``, with a progress bar (tqdm) on stderr while they are consumed, on a terminal."""
    from tqdm import tqdm  # only the commands that show a bar pay for the import

    stream = sys.stderr
    shown = stream.isatty() if enabled is None else enabled
    size = shutil.get_terminal_size()  # 80x24 where a terminal reports no size
    yield from tqdm(
        items,
        desc=label,
        total=total,
        disable=not shown,
        file=stream,
        unit=unit,
        leave=False,
        ncols=min(size.columns, 120),
        nrows=size.lines,
    )
