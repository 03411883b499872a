"""The runtime package never needs the build-time tools or their extra (owlready2).

Two checks: every ``aiact_kg`` module imports in a fresh interpreter where ``owlready2`` and
``aiact_kg_build`` cannot be imported; and no ``aiact_kg`` source file names them in an import,
not even a lazy one inside a function.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys

from tests.conftest import REPO_ROOT

BUILD_ONLY = ("owlready2", "aiact_kg_build")

_PROBE = """
import importlib, importlib.abc, json, pkgutil, sys

BLOCKED = {blocked!r}

class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in BLOCKED:
            raise ModuleNotFoundError(f"{{name}} is blocked (build-time only)", name=name)
        return None

sys.meta_path.insert(0, Block())
import aiact_kg

failed = {{}}
names = ["aiact_kg"]
for info in pkgutil.walk_packages(aiact_kg.__path__, "aiact_kg."):
    if info.name == "aiact_kg.__main__":
        continue  # runs the CLI
    names.append(info.name)
    try:
        importlib.import_module(info.name)
    except Exception as error:
        failed[info.name] = f"{{type(error).__name__}}: {{error}}"
loaded = sorted(m for m in sys.modules if m.split(".")[0] in BLOCKED)
print(json.dumps({{"names": names, "failed": failed, "loaded": loaded}}))
"""


def test_every_runtime_module_imports_without_the_build_tools() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _PROBE.format(blocked=BUILD_ONLY)],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert len(result["names"]) > 50  # the walk really found the package
    assert result["failed"] == {}
    assert result["loaded"] == []


def _imported_roots(tree: ast.AST) -> set[str]:
    roots: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_runtime_source_imports_the_build_tools() -> None:
    offenders = {}
    for path in sorted((REPO_ROOT / "aiact_kg").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        named = _imported_roots(tree) & set(BUILD_ONLY)
        if named:
            offenders[path.relative_to(REPO_ROOT).as_posix()] = sorted(named)
    assert offenders == {}


def test_the_scan_sees_lazy_imports() -> None:
    tree = ast.parse("def f():\n    import owlready2\n    from aiact_kg_build import epoch\n")
    assert _imported_roots(tree) == {"owlready2", "aiact_kg_build"}
