"""Advisory ``flock`` locks: one writer at a time per store, and readers pinning a version.

Writers (``build``, ``submit``, ``reassess`` and ``withdraw``) hold an exclusive lock on
``<store>/writer.lock`` for their whole run. Readers never touch that lock: each holds a shared
lock on ``readers.lock`` inside the version it opened, and a writer removes an old version only
if it can take that lock exclusively without waiting, so readers are never blocked and never
see their version disappear. The kernel releases every lock when its process ends, even on
``kill -9``, so a crash never leaves a stale lock behind.
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from aiact_kg.errors import StoreError

WRITER_LOCK = "writer.lock"
READERS_LOCK = "readers.lock"
_POLL_SECONDS = 0.1


class StoreLockedError(StoreError):
    """Another writer holds the store's writer lock (a service answers 503, try again)."""


def _holder(lock_path: Path) -> str:
    try:
        text = lock_path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {text})" if text.isdigit() else ""


@contextmanager
def writer_lock(store_dir: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    """Hold the store's writer lock; wait up to ``wait_seconds`` for another writer to finish."""
    lock_path = store_dir / WRITER_LOCK
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        raise StoreError(f"cannot create the lock file {lock_path}: {error}") from None
    try:
        deadline = time.monotonic() + max(wait_seconds, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise StoreLockedError(
                        f"the store at {store_dir} is locked: another aiact-kg build or "
                        f"registry command is writing it{_holder(lock_path)}; wait for it to "
                        "finish or pass '--wait SECONDS' to wait for it"
                    ) from None
                time.sleep(_POLL_SECONDS)
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode("ascii"))
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


def try_exclusive(lock_path: Path) -> int | None:
    """Lock ``lock_path`` exclusively without waiting; its descriptor, or None if in use."""
    try:
        fd = os.open(lock_path, os.O_RDWR)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    return fd


def pin_shared(lock_path: Path) -> int | None:
    """Take a shared lock on ``lock_path`` without waiting, if it is still the file there.

    Returns the descriptor (close it to release), or None if the file is gone, replaced or
    being removed by a writer; the caller then resolves the current version again.
    """
    try:
        fd = os.open(lock_path, os.O_RDONLY)
    except FileNotFoundError:
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
        if os.fstat(fd).st_ino != os.stat(lock_path).st_ino:
            raise FileNotFoundError(lock_path)
    except (BlockingIOError, FileNotFoundError):
        os.close(fd)
        return None
    return fd
