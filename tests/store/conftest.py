"""Helpers for the store tests: private copies of the session's store, and CLI runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from aiact_kg.cli import main
from aiact_kg.store.layout import DB, VERSIONS, active_version

REPO_ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def store_copy(kb_path: Path, tmp_path: Path) -> Path:
    """A private copy of the knowledge base built once per session (tests may damage it)."""
    target = tmp_path / "store"
    shutil.copytree(kb_path, target, symlinks=True)
    return target


def active_db(store: Path) -> Path:
    version = active_version(store)
    assert version
    return store / VERSIONS / version / DB


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def cli_process(*argv: str, env: dict[str, str] | None = None) -> subprocess.Popen[str]:
    """Start ``aiact-kg`` in a subprocess, with this checkout first on the path."""
    environment = {**os.environ, "PYTHONPATH": str(REPO_ROOT), **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "aiact_kg", *argv],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=environment,
    )
