"""COVERAGE.md is generated from the knowledge base, the rules and the cases: it must be current."""

from __future__ import annotations

import subprocess
import sys

from tests.conftest import REPO_ROOT


def test_coverage_file_is_up_to_date() -> None:
    done = subprocess.run(
        [sys.executable, str(REPO_ROOT / "scripts" / "coverage.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
