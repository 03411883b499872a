"""A one-line progress display on stderr, shown only when stderr is a terminal."""

from __future__ import annotations

import sys
from typing import TextIO


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
