"""The error a bad submission produces, and the position-carrying problem the checks raise."""

from __future__ import annotations

import re

from aiact_kg.errors import InputError


class InputFormatError(InputError):
    """A submitted input cannot be read as RDF (exit code 2).

    ``str(error)`` is the one-paragraph message: the input's name, the line and column where
    known, and ``reason``, which says what is wrong and how to fix it.
    """

    def __init__(
        self, name: str, reason: str, *, line: int | None = None, column: int | None = None
    ) -> None:
        self.name = name
        self.reason = reason
        self.line = line
        self.column = column
        super().__init__(self.message)

    @property
    def message(self) -> str:
        position = ""
        if self.line is not None:
            position = f", line {self.line}"
            if self.column is not None:
                position += f", column {self.column}"
        return f"{_printable(self.name)}{position}: {_printable(self.reason)}"

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> tuple[object, ...]:
        return (_rebuild, (self.name, self.reason, self.line, self.column))


def _printable(text: str) -> str:
    """One line, no control characters (a parser may quote the user's bytes back)."""
    text = re.sub(r"\s*[\r\n\t]+\s*", " ", text)
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode() for c in text)


def _rebuild(name: str, reason: str, line: int | None, column: int | None) -> InputFormatError:
    return InputFormatError(name, reason, line=line, column=column)


class CheckError(Exception):
    """Raised by the checks, which do not know the input's name; reading turns it into an error."""

    def __init__(self, reason: str, *, line: int | None = None, column: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column

    def for_input(self, name: str) -> InputFormatError:
        return InputFormatError(name, self.reason, line=self.line, column=self.column)


def line_and_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column (in characters) of ``text[index]``."""
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    return line, column
