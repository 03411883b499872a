"""Query workers started ahead of need, for a long-running process (the service).

Every bounded query runs in a fresh child process (:mod:`aiact_kg.store.bounded`), so that it
can always be stopped; starting one (an interpreter, then the worker module) is most of the
cost of a small query. A :class:`SpareWorkers` keeps a few started workers waiting for their
request, so a query takes one that is ready and only opens the store and runs. Each worker
still serves one query and is then gone: nothing of a query (memory, a broken state) can reach
the next.

The workers are started by one thread of their own that lives as long as the pool: Linux
kills a worker when the thread that started it ends (``PR_SET_PDEATHSIG``, which the worker
sets so that no query outlives the service), so they are not started from a request's thread.
"""

from __future__ import annotations

import os
import queue
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Final

_WORKER: Final = (
    "import sys; sys.path.insert(0, sys.argv[1]); from aiact_kg.store.worker import main; main()"
)
_PACKAGE_ROOT: Final = str(Path(__file__).resolve().parent.parent.parent)
_POLL_SECONDS: Final = 0.5


@dataclass(frozen=True)
class StartedWorker:
    """A worker process waiting for its request on stdin, and the file that keeps its stderr."""

    process: subprocess.Popen[bytes]
    stderr: IO[bytes]

    def alive(self) -> bool:
        return self.process.poll() is None

    def discard(self) -> None:
        """Stop the worker if it runs and release its files."""
        if self.process.poll() is None:
            self.process.kill()
        self.process.wait()
        for stream in (self.process.stdin, self.process.stdout):
            if stream is not None:
                stream.close()
        self.stderr.close()


def start_worker() -> StartedWorker:
    """A new query worker (in a session of its own: a Ctrl-C reaches only this process)."""
    stderr = tempfile.TemporaryFile()  # noqa: SIM115 (the worker owns it: StartedWorker.discard)
    try:
        process = subprocess.Popen(
            [sys.executable, "-P", "-c", _WORKER, _PACKAGE_ROOT],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=stderr,
            start_new_session=True,
            # an engine that aborts (e.g. an allocation refused under the memory limit) says why
            # in one line; a backtrace would only reach the user as noise
            env={**os.environ, "RUST_BACKTRACE": "0", "RUST_LIB_BACKTRACE": "0"},
        )
    except BaseException:
        stderr.close()
        raise
    return StartedWorker(process, stderr)


class SpareWorkers:
    """Up to ``count`` started workers kept ready; :meth:`take` one, :meth:`close` at the end."""

    def __init__(self, count: int = 2) -> None:
        if count < 1:
            raise ValueError(f"a pool of spare workers holds at least one, not {count}")
        self._ready: queue.Queue[StartedWorker] = queue.Queue(maxsize=count)
        self._closed = threading.Event()
        self._thread = threading.Thread(target=self._keep_ready, name="spare-workers", daemon=True)
        self._thread.start()

    def take(self) -> StartedWorker | None:
        """A started worker, or ``None`` if none is ready (the caller starts its own)."""
        while not self._closed.is_set():
            try:
                worker = self._ready.get_nowait()
            except queue.Empty:
                return None
            if worker.alive():
                return worker
            worker.discard()  # ended while waiting (e.g. killed from outside): try the next
        return None

    def close(self) -> None:
        """Stop the thread and the workers still waiting."""
        self._closed.set()
        self._thread.join()
        self._drain()

    def _keep_ready(self) -> None:
        while not self._closed.is_set():
            try:
                worker = start_worker()
            except OSError:  # no process can be started now: the queries start their own
                self._closed.wait(_POLL_SECONDS)
                continue
            while True:
                try:
                    self._ready.put(worker, timeout=_POLL_SECONDS)
                    break
                except queue.Full:
                    if self._closed.is_set():
                        worker.discard()
                        return
        self._drain()

    def _drain(self) -> None:
        while True:
            try:
                self._ready.get_nowait().discard()
            except queue.Empty:
                return
