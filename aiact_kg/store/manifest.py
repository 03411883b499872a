"""Build metadata of one store version: what it must contain, and the check made on opening.

``manifest.json`` records the size and sha256 of every file RocksDB wrote, the number of quads
and the named graphs. Opening a version hashes every file again: for the shipped knowledge
base (about 17 MB) this takes about 10 ms with the files cached and 45 ms without, small next
to starting Python, so no cheaper size-and-time check is used. A mismatch means the files
were damaged after the build.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from aiact_kg.errors import StoreError
from aiact_kg.store.layout import DB, MANIFEST

FORMAT = 1
_CHUNK = 1 << 20
# RocksDB's own informational log; it may be rewritten without any change to the data.
_IGNORED = ("LOG",)


@dataclass(frozen=True)
class Manifest:
    """What a complete version holds."""

    quads: int
    graphs: tuple[str, ...]
    files: dict[str, tuple[int, str]]


def damaged(store_dir: Path, reason: str) -> StoreError:
    """The one error for a store whose files are not what its build wrote."""
    return StoreError(
        f"the store at {store_dir} is damaged ({reason}); rebuild it with `aiact-kg build`"
    )


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _data_files(db_dir: Path) -> dict[str, Path]:
    return {
        entry.name: entry
        for entry in db_dir.iterdir()
        if not entry.name.startswith(_IGNORED) and entry.name != "LOCK"
    }


Digests = dict[tuple[int, int], tuple[int, str]]


def known_digests(version_dir: Path) -> Digests:
    """``{(device, inode): (size, sha256)}`` of the files of a complete version, as recorded.

    A new version made from a copy of this one shares most files with it as hard links (the
    engine never changes a table file once written): their digests need not be computed again.
    The files are not hashed here; a file damaged in place still fails the check on opening.
    """
    try:
        manifest = _read(version_dir, version_dir)
    except StoreError:
        return {}
    known: Digests = {}
    for name, (size, digest) in manifest.files.items():
        try:
            status = (version_dir / DB / name).stat()
        except OSError:
            continue
        if status.st_size == size:
            known[(status.st_dev, status.st_ino)] = (size, digest)
    return known


def write_manifest(
    version_dir: Path, quads: int, graphs: tuple[str, ...], known: Digests | None = None
) -> None:
    """Record the files of ``version_dir/db`` and make them and the record durable.

    ``known`` gives the digests of files shared (hard-linked) with an earlier version.
    """
    files: dict[str, dict[str, object]] = {}
    for name, path in sorted(_data_files(version_dir / DB).items()):
        with path.open("rb") as handle:
            os.fsync(handle.fileno())
            status = os.fstat(handle.fileno())
        size, digest = (known or {}).get((status.st_dev, status.st_ino), (-1, ""))
        if size != status.st_size:
            digest = _sha256(path)
        files[name] = {"size": status.st_size, "sha256": digest}
    record = {"format": FORMAT, "quads": quads, "graphs": list(graphs), "files": files}
    target = version_dir / MANIFEST
    with target.open("w", encoding="utf-8") as handle:
        json.dump(record, handle, indent=1, sort_keys=True)
        handle.flush()
        os.fsync(handle.fileno())


def _read(version_dir: Path, store_dir: Path) -> Manifest:
    try:
        record = json.loads((version_dir / MANIFEST).read_text(encoding="utf-8"))
        if record["format"] != FORMAT:
            raise StoreError(
                f"the store at {store_dir} was written by another version of aiact-kg "
                f"(manifest format {record['format']}); rebuild it with `aiact-kg build`"
            )
        files = {
            str(name): (int(entry["size"]), str(entry["sha256"]))
            for name, entry in record["files"].items()
        }
        return Manifest(int(record["quads"]), tuple(map(str, record["graphs"])), files)
    except FileNotFoundError:
        raise damaged(store_dir, f"{MANIFEST} is missing") from None
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError, AttributeError):
        raise damaged(store_dir, f"{MANIFEST} is unreadable") from None


def read_manifest(version_dir: Path) -> Manifest:
    """The manifest of a complete version, as recorded (its files are not checked)."""
    return _read(version_dir, version_dir.parent.parent)


def verify_manifest(version_dir: Path, store_dir: Path, *, hashes: bool = True) -> Manifest:
    """Check every file of ``version_dir/db`` against the manifest; raise if any differs.

    ``hashes=False`` checks presence and sizes only.
    """
    manifest = _read(version_dir, store_dir)
    db_dir = version_dir / DB
    try:
        present = _data_files(db_dir)
        for name, (size, digest) in manifest.files.items():
            path = present.pop(name, None)
            if path is None:
                raise damaged(store_dir, f"{DB}/{name} is missing")
            if path.stat().st_size != size:
                raise damaged(store_dir, f"{DB}/{name} has {path.stat().st_size} bytes, not {size}")
            if hashes and _sha256(path) != digest:
                raise damaged(store_dir, f"{DB}/{name} does not match its checksum")
    except OSError as error:
        raise damaged(store_dir, f"cannot read {db_dir}: {error.strerror}") from None
    if present:
        raise damaged(store_dir, f"unexpected file {DB}/{min(present)}")
    return manifest
