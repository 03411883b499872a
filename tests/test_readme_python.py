"""The Python examples of README.md run as written: the store in a temporary directory, and
``examples/submissions`` with one more description, one with violations."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

README = REPO_ROOT / "README.md"
README_STORE = "/tmp/aiact-store"
_BLOCK = re.compile(r"^```python\n(.*?)^```$", re.MULTILINE | re.DOTALL)
WITH_VIOLATIONS = """@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
<https://example.org/bare> a aia:AISystem .
"""


def readme_python() -> str:
    """The README's Python blocks, one after another."""
    blocks = _BLOCK.findall(README.read_text(encoding="utf-8"))
    assert blocks, "README.md has no ```python block"
    return "\n".join(blocks)


@pytest.mark.slow
def test_the_readme_python_examples_run(tmp_path: Path) -> None:
    code = readme_python()
    assert README_STORE in code
    examples = tmp_path / "examples" / "submissions"
    shutil.copytree(REPO_ROOT / "examples" / "submissions", examples)
    (examples / "zz-with-violations.ttl").write_text(WITH_VIOLATIONS, encoding="utf-8")
    # `python -c`: the batch workers, spawned, do not run the example again on import
    done = subprocess.run(
        [sys.executable, "-c", code.replace(README_STORE, str(tmp_path / "store"))],
        cwd=tmp_path,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        capture_output=True,
        text=True,
        timeout=1800,  # stops a hang only
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert "Traceback" not in done.stderr
    printed = done.stdout.splitlines()
    assert printed[0] == "113"  # the articles of the Regulation
    # the Assessor loop printed every Turtle example, the one with violations too
    turtle = sorted(path.name for path in examples.glob("*.ttl"))
    words = [line.split(" ") for line in printed]
    looped = [line[0] for line in words if line[1:2] in (["True"], ["False"])]
    assert looped == turtle
    assert "zz-with-violations.ttl False []" in printed
