"""Open a built knowledge base for reading, after checking that it is intact."""

from __future__ import annotations

import os
import weakref
from pathlib import Path

from aiact_kg.errors import StoreError
from aiact_kg.store.layout import DB, VERSIONS, active_version, is_legacy
from aiact_kg.store.locking import READERS_LOCK, pin_shared
from aiact_kg.store.manifest import Check, Manifest, damaged, verify_manifest
from aiact_kg.store.oxigraph_store import OxigraphStore

_PIN_ATTEMPTS = 50


def _missing(store_path: Path) -> StoreError:
    return StoreError(
        f"no knowledge base at {store_path}; run 'aiact-kg build' first "
        "(or pass --store / set AIACT_KG_STORE)"
    )


def _pin_active(store_dir: Path) -> tuple[Path, int]:
    """Resolve ``active`` once and hold a shared lock on that version while it is read."""
    for _ in range(_PIN_ATTEMPTS):  # a build may retire the version between the two steps
        version_id = active_version(store_dir)
        if version_id is None:
            if is_legacy(store_dir):
                raise StoreError(
                    f"the store at {store_dir} was built by an earlier version of aiact-kg "
                    "(without versions and checksums); rebuild it with `aiact-kg build`"
                )
            raise _missing(store_dir)
        if not version_id:
            raise damaged(store_dir, "the 'active' link does not name a version")
        version_dir = store_dir / VERSIONS / version_id
        if not version_dir.is_dir():
            if active_version(store_dir) == version_id:
                raise damaged(store_dir, f"the active version {version_id} is missing")
            continue
        pin = pin_shared(version_dir / READERS_LOCK)
        if pin is not None:
            return version_dir, pin
    raise StoreError(f"the store at {store_dir} keeps changing; try again")


def _engine_check(
    store: OxigraphStore, manifest: Manifest, store_dir: Path, *, count: bool
) -> None:
    """Ask the engine what it holds and compare with what the build recorded.

    The named graphs are listed on every open; counting every quad takes time that grows with
    the store (seconds at 100k stored subjects), so only ``count`` (``aiact-kg check``) does.
    """
    try:
        graphs = tuple(store.named_graphs())
        quads = store.quad_count() if count else manifest.quads
    except (OSError, RuntimeError) as error:
        raise damaged(store_dir, f"the engine reports: {error}") from None
    if graphs != manifest.graphs:
        wrote = len(manifest.graphs)
        raise damaged(store_dir, f"it holds {len(graphs)} named graphs, its build wrote {wrote}")
    if quads != manifest.quads:
        raise damaged(store_dir, f"it holds {quads} quads, its build wrote {manifest.quads}")


def open_knowledge_base(
    store_path: Path, *, check_contents: bool = True, thorough: bool = False
) -> OxigraphStore:
    """Open the active version read-only; raise a clear error if there is none or it is damaged.

    Readers never wait for a writer: they read the version ``active`` named when they opened,
    which no build removes while it is open. The check costs the same whatever the store holds
    (see :mod:`aiact_kg.store.manifest`): the manifest's seal; each file's presence, size and
    time (a file whose time changed is hashed); the engine's named graphs.
    ``check_contents=False`` checks the files' presence and sizes only. Registry writers check
    the contents too: a version written on top of a damaged one would report the submission
    stored, and a rebuild then drops the registry it cannot read. ``thorough`` (``aiact-kg check``)
    hashes every file and counts every quad.
    """
    store_dir = store_path.expanduser()
    try:
        if not store_dir.is_dir() or not any(store_dir.iterdir()):
            raise _missing(store_path)
    except OSError as error:
        raise StoreError(f"cannot read the store at {store_dir}: {error.strerror}") from None
    version_dir, pin = _pin_active(store_dir)
    try:
        check = Check.ALL if thorough else Check.CHANGED if check_contents else Check.SIZES
        manifest = verify_manifest(version_dir, store_dir, check)
        try:
            store = OxigraphStore(version_dir / DB, read_only=True)
        except StoreError as error:
            raise damaged(store_dir, str(error)) from None
        try:
            if check_contents or thorough:
                _engine_check(store, manifest, store_dir, count=thorough)
        except StoreError:
            store.close()
            raise
    except BaseException:
        os.close(pin)
        raise
    # Released by close(), or when the store is garbage-collected if a caller never closes it.
    store.add_closer(weakref.finalize(store, os.close, pin))
    return store
