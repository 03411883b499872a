"""No file of the repository keeps a merge-conflict marker."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MARKER = re.compile(rb"^(<{7} |>{7} |={7}$)", re.MULTILINE)
SKIP = {".git", ".venv", "node_modules", ".mypy_cache", ".ruff_cache", ".pytest_cache"}
SUFFIXES = {".py", ".md", ".ttl", ".ru", ".rq", ".yaml", ".toml", ".jsonld", ".json", ".sh", ""}


def test_no_file_keeps_a_merge_conflict_marker() -> None:
    found = []
    for path in ROOT.rglob("*"):
        if not path.is_file() or SKIP & set(path.relative_to(ROOT).parts):
            continue
        if path.suffix not in SUFFIXES or path.stat().st_size > 5_000_000:
            continue
        if MARKER.search(path.read_bytes()):
            found.append(str(path.relative_to(ROOT)))
    assert not found, f"merge-conflict markers in: {found}"
