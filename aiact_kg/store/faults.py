"""Named checkpoints in the steps that write the store, where tests inject crashes.

A test either installs a hook (a callable given the step name, which may raise) or sets
``AIACT_KG_FAULT_AT=<step>`` in the environment of an ``aiact-kg`` process, which then ends
at once with exit code :data:`FAULT_EXIT_CODE` at that step, like a ``kill -9``: no
``finally`` block, no clean-up. ``<step>#<n>`` ends it the n-th time the step is reached (a
step run once per document, such as ``registry-update``, is then hit in the middle of a bulk
write). Neither is ever set in normal use.
"""

from __future__ import annotations

import os
from collections.abc import Callable

FAULT_ENV = "AIACT_KG_FAULT_AT"
FAULT_EXIT_CODE = 86

_hook: Callable[[str], None] | None = None
_reached: dict[str, int] = {}


def set_fault_hook(hook: Callable[[str], None] | None) -> None:
    """Install (or, with ``None``, remove) the callable run at every checkpoint."""
    global _hook
    _hook = hook


def checkpoint(step: str) -> None:
    """Mark that ``step`` has been reached; a test may crash the writer here."""
    if _hook is not None:
        _hook(step)
    wanted = os.environ.get(FAULT_ENV)
    if wanted is None:
        return
    target, _, nth = wanted.partition("#")
    if target != step:
        return
    _reached[step] = _reached.get(step, 0) + 1
    if _reached[step] == (int(nth) if nth else 1):
        os._exit(FAULT_EXIT_CODE)
