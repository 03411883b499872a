"""Build metadata of one store version: what it must contain, and the checks made on opening.

``manifest.json`` records the size, modification time and sha256 of every file RocksDB wrote,
the number of quads and the named graphs, and a seal (the sha256 of the rest of the record).
A writer hashes the files it creates when it publishes them; files it shares with the previous
version (hard links: the engine never changes a written table file) keep their recorded size,
time and digest.

Opening a version (:func:`verify_manifest`) checks the seal, that every recorded file is there
with its size, and no other, and its modification time: a file whose time differs from the
recorded one (written to since, or copied without its times) is hashed again, and must match.
This costs one ``stat`` per file, whatever the store holds (hashing every file took seconds at
10k stored subjects and grew with the registry). Damage that keeps a file's size and time (bit
rot) is found by the engine's own block checksums when it reads the block, and by
``aiact-kg check``, which hashes every file (``Check.ALL``).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from aiact_kg.errors import DamagedStoreError, StoreError
from aiact_kg.store.layout import DB, MANIFEST

FORMAT = 2
_CHUNK = 1 << 20
# RocksDB's own informational log; it may be rewritten without any change to the data.
_IGNORED = ("LOG",)


class Check(Enum):
    """How much of a version's files :func:`verify_manifest` checks."""

    SIZES = "sizes"  # presence and sizes (a writer: the version it writes keeps the digests)
    CHANGED = "changed"  # and times; a file whose time changed is hashed (every reader)
    ALL = "all"  # and every file's sha256 (``aiact-kg check``)


@dataclass(frozen=True)
class FileRecord:
    """What the manifest records of one file."""

    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True)
class Manifest:
    """What a complete version holds."""

    quads: int
    graphs: tuple[str, ...]
    files: dict[str, FileRecord]


def damaged(store_dir: Path, reason: str) -> DamagedStoreError:
    """The one error for a store whose files are not what its build wrote."""
    return DamagedStoreError(
        f"the store at {store_dir} is damaged ({reason}); nothing was changed. Rebuild it with "
        "`aiact-kg build`, which carries the submissions of the registry over from the "
        "engine's files where they can still be read, and otherwise refuses: keep a copy of "
        "the store directory first",
        reason,
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _seal(record: dict[str, object]) -> str:
    body = {key: value for key, value in record.items() if key != "seal"}
    text = json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    return hashlib.sha256(text.encode("ascii")).hexdigest()


def _data_files(db_dir: Path) -> dict[str, Path]:
    return {
        entry.name: entry
        for entry in db_dir.iterdir()
        if not entry.name.startswith(_IGNORED) and entry.name != "LOCK"
    }


Digests = dict[tuple[int, int], FileRecord]


def known_digests(version_dir: Path) -> Digests:
    """``{(device, inode): record}`` of the files of a complete version, as recorded.

    A new version made from a copy of this one shares most files with it as hard links: their
    digests need not be computed again, and the new manifest keeps their recorded time, so a
    file changed in place since it was recorded is still hashed, and fails, on opening.
    """
    try:
        manifest = _read(version_dir, version_dir)
    except StoreError:
        return {}
    known: Digests = {}
    for name, record in manifest.files.items():
        try:
            status = (version_dir / DB / name).stat()
        except OSError:
            continue
        if status.st_size == record.size:
            known[(status.st_dev, status.st_ino)] = record
    return known


def write_manifest(
    version_dir: Path, quads: int, graphs: tuple[str, ...], known: Digests | None = None
) -> None:
    """Record the files of ``version_dir/db`` and make them and the record durable.

    ``known`` gives the records of files shared (hard-linked) with an earlier version: they
    were made durable when that version was published, so only the other files are synced
    (syncing every file took 1.5 s of a submission at 100k stored subjects).
    """
    files: dict[str, dict[str, object]] = {}
    for name, path in sorted(_data_files(version_dir / DB).items()):
        status = path.stat()
        record = (known or {}).get((status.st_dev, status.st_ino))
        if record is None or record.size != status.st_size:
            with path.open("rb") as handle:
                os.fsync(handle.fileno())
                status = os.fstat(handle.fileno())
            record = FileRecord(status.st_size, status.st_mtime_ns, _sha256(path))
        files[name] = {"size": record.size, "mtime_ns": record.mtime_ns, "sha256": record.sha256}
    content: dict[str, object] = {
        "format": FORMAT,
        "quads": quads,
        "graphs": list(graphs),
        "files": files,
    }
    content["seal"] = _seal(content)
    target = version_dir / MANIFEST
    with target.open("w", encoding="utf-8") as handle:
        json.dump(content, handle, indent=1, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())


def _read(version_dir: Path, store_dir: Path) -> Manifest:
    try:
        record = json.loads((version_dir / MANIFEST).read_text(encoding="utf-8"))
        if record["format"] != FORMAT:
            reason = f"{MANIFEST} has format {record['format']}, not {FORMAT}: another aiact-kg"
            raise damaged(store_dir, reason + " wrote it")
        files = {
            str(name): FileRecord(int(entry["size"]), int(entry["mtime_ns"]), str(entry["sha256"]))
            for name, entry in record["files"].items()
        }
        manifest = Manifest(int(record["quads"]), tuple(map(str, record["graphs"])), files)
        sealed = record["seal"] == _seal(record)
    except FileNotFoundError:
        raise damaged(store_dir, f"{MANIFEST} is missing") from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        raise damaged(store_dir, f"{MANIFEST} is unreadable") from None
    if not sealed:
        raise damaged(store_dir, f"{MANIFEST} was changed after the build: its seal does not match")
    return manifest


def read_manifest(version_dir: Path) -> Manifest:
    """The manifest of a complete version, as recorded (its files are not checked)."""
    return _read(version_dir, version_dir.parent.parent)


def verify_manifest(version_dir: Path, store_dir: Path, check: Check = Check.CHANGED) -> Manifest:
    """Check the files of ``version_dir/db`` against the manifest (see :class:`Check`); raise
    if any differs."""
    manifest = _read(version_dir, store_dir)
    db_dir = version_dir / DB
    try:
        present = _data_files(db_dir)
        for name, record in manifest.files.items():
            path = present.pop(name, None)
            if path is None:
                raise damaged(store_dir, f"{DB}/{name} is missing")
            status = path.stat()
            if status.st_size != record.size:
                reason = f"{DB}/{name} has {status.st_size} bytes, not {record.size}"
                raise damaged(store_dir, reason)
            rehash = check is Check.ALL or (
                check is Check.CHANGED and status.st_mtime_ns != record.mtime_ns
            )
            if rehash and _sha256(path) != record.sha256:
                raise damaged(store_dir, f"{DB}/{name} does not match its checksum")
    except OSError as error:
        raise damaged(store_dir, f"cannot read {db_dir}: {error.strerror}") from None
    if present:
        raise damaged(store_dir, f"unexpected file {DB}/{min(present)}")
    return manifest
