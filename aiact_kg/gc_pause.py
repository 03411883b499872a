"""Pause Python's cyclic garbage collector during a batched pass.

A batch holds millions of small, long-lived objects (statements, terms, findings); each full
collection scans them all, which made the passes over a large batch several times slower than
the work itself. Reference counting still frees everything as usual; only cycles wait until
the pass ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused_gc() -> Iterator[None]:
    """Disable the cyclic collector for the block (nesting is fine), then restore it."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
