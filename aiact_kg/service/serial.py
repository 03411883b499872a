"""One validation or assessment at a time, with a bounded queue and a bounded wait.

Validation and the rules are not made for concurrent use, so the service runs them one at a
time. Without bounds, requests queued behind one another without limit (each holding its parsed
document) and a write waited behind them far beyond ``--write-wait`` (an outside check: 42
queued assessments took 286 s to drain and the process kept 1.7 GB). Now a request that finds
:data:`MAX_WAITING` others waiting, or that waits longer than its limit, is answered ``503 busy``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

from aiact_kg.service.limits import ServiceError

#: requests that may wait for the one running (each holds its parsed document meanwhile)
MAX_WAITING: Final = 16
#: seconds a validation or assessment (a submission's too) waits for its turn
DEFAULT_WAIT: Final = 60.0


def _busy(reason: str) -> ServiceError:
    return ServiceError(
        503, "busy", f"{reason}. Nothing was done; try again shortly", {"Retry-After": "5"}
    )


class SerialGate:
    """A lock whose waiters are counted and whose wait is limited."""

    def __init__(self, max_waiting: int = MAX_WAITING, wait_seconds: float = DEFAULT_WAIT) -> None:
        self._lock = threading.Lock()
        self._count = threading.Lock()
        self._waiting = 0
        self.max_waiting = max_waiting
        self.wait_seconds = wait_seconds

    def check_room(self) -> None:
        """Refuse at once when the queue is full (before the request's body is read)."""
        if self._waiting >= self.max_waiting:
            raise _busy(f"{self._waiting} requests are already waiting for an assessment")

    @contextmanager
    def held(self, wait_seconds: float | None = None) -> Iterator[None]:
        """Hold the gate, waiting at most ``wait_seconds`` (default :attr:`wait_seconds`)."""
        wait = self.wait_seconds if wait_seconds is None else wait_seconds
        with self._count:
            self.check_room()
            self._waiting += 1
        try:
            acquired = self._lock.acquire(timeout=max(wait, 0.0))
        finally:
            with self._count:
                self._waiting -= 1
        if not acquired:
            raise _busy(f"another assessment ran for more than {wait:g} seconds")
        try:
            yield
        finally:
            self._lock.release()
