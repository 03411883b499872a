"""The versioned layout of a store directory, and its atomic switch.

::

    <store>/writer.lock          held by the one writer at a time (see locking.py)
    <store>/active               symlink to versions/<id>: the knowledge base in use
    <store>/versions/<id>/db/    the RocksDB files of one complete build (never modified)
    <store>/versions/<id>/manifest.json   size and sha256 of each file of db/, quad count
    <store>/versions/<id>/readers.lock    shared-locked by every reader of this version
    <store>/versions/.staging-<id>/       a build in progress
    <store>/versions/.trash-<id>/         an old version being removed
    <store>/.active.<pid>         the new link of a switch in progress

A build writes a staging directory, renames it to ``versions/<id>`` and then replaces the
``active`` link with one ``os.replace``: a reader that resolves ``active`` sees either the old
or the new complete version, and a crash at any point leaves one of them active.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from aiact_kg.store.faults import checkpoint

ACTIVE = "active"
VERSIONS = "versions"
DB = "db"
MANIFEST = "manifest.json"
STAGING_PREFIX = ".staging-"
TRASH_PREFIX = ".trash-"
LINK_PREFIX = f".{ACTIVE}."
_VERSION_ID = re.compile(r"^[0-9]{8}T[0-9]{12}Z-[0-9]+$")
# Files RocksDB keeps at the top of its directory: a store built before the versioned layout.
LEGACY_FILE = re.compile(
    r"^(CURRENT|IDENTITY|LOCK|LOG(\.old\.[0-9]+)?|MANIFEST-[0-9]+|OPTIONS-[0-9]+"
    r"|[0-9]+\.(sst|log|blob))$"
)


def is_version_id(name: str) -> bool:
    return bool(_VERSION_ID.match(name))


def is_legacy(store_dir: Path) -> bool:
    """A store written by aiact-kg before versions: RocksDB files at the top of the directory."""
    return (store_dir / "CURRENT").is_file() and (store_dir / "IDENTITY").is_file()


def active_version(store_dir: Path) -> str | None:
    """The id of the version ``active`` points to, or None if there is none (no build yet)."""
    try:
        target = os.readlink(store_dir / ACTIVE)
    except (FileNotFoundError, OSError):
        return None
    name = Path(target).name
    return name if Path(target).parent.name == VERSIONS and is_version_id(name) else ""


def versions(store_dir: Path) -> list[str]:
    """The ids of the complete versions in the store, oldest first."""
    root = store_dir / VERSIONS
    if not root.is_dir():
        return []
    return sorted(entry.name for entry in root.iterdir() if is_version_id(entry.name))


def fsync_dir(path: Path) -> None:
    """Make renames and new entries in ``path`` durable."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def switch_active(store_dir: Path, version_id: str) -> None:
    """Point ``active`` at ``versions/<version_id>`` in one atomic rename."""
    temporary = store_dir / f"{LINK_PREFIX}{os.getpid()}"
    if temporary.is_symlink() or temporary.exists():
        temporary.unlink()
    os.symlink(f"{VERSIONS}/{version_id}", temporary)
    checkpoint("linked")
    os.replace(temporary, store_dir / ACTIVE)
    fsync_dir(store_dir)
