"""Where the store lives when the user does not say."""

from __future__ import annotations

import os
from pathlib import Path

STORE_ENV = "AIACT_KG_STORE"


def default_store_location() -> str | Path:
    """``$AIACT_KG_STORE`` (a directory or a SPARQL endpoint URL), else the default directory."""
    explicit = os.environ.get(STORE_ENV)
    if explicit:
        from aiact_kg.store.factory import is_endpoint

        return explicit if is_endpoint(explicit) else Path(explicit).expanduser()
    return default_store_path()


def default_store_path() -> Path:
    """``$AIACT_KG_STORE``, else ``$XDG_DATA_HOME/aiact-kg/store`` (``~/.local/share`` default)."""
    explicit = os.environ.get(STORE_ENV)
    if explicit:
        return Path(explicit).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home).expanduser() / "aiact-kg" / "store"
