"""aiact-kg: a knowledge graph and legal-reasoning backend for the EU AI Act."""

from __future__ import annotations

from typing import Any

__all__ = ["__version__"]


def __getattr__(name: str) -> Any:
    """``__version__``, read from the installed distribution on first use: importing any
    module of the package (e.g. the query worker, started once per query) does not pay for
    ``importlib.metadata``."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("aiact-kg")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0+unknown"
    globals()["__version__"] = found
    return found
