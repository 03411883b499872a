"""Errors raised by aiact-kg; the CLI turns each into a one-paragraph message and an exit code."""

from __future__ import annotations


class AiactKgError(Exception):
    """Base class of every error aiact-kg reports to a user."""

    exit_code = 3


class InputError(AiactKgError):
    """Input the user gave cannot be read or understood (exit code 2)."""

    exit_code = 2


class CitationError(InputError):
    """A citation string is not of a form we understand or names no provision."""


class QueryError(InputError):
    """A SPARQL query is malformed, unknown or not allowed."""


class StoreError(AiactKgError):
    """The knowledge-base store is missing, locked or damaged."""


class DamagedStoreError(StoreError):
    """The store's files are not what its build wrote; ``reason`` says which."""

    def __init__(self, message: str, reason: str) -> None:
        super().__init__(message)
        self.reason = reason


class StoreTimeoutError(StoreError):
    """A request to a remote store ran out of time: ours, or the engine's own limit."""
