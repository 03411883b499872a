"""The worked queries of docs/linking.md print exactly what the page shows.

Each ``$ aiact-kg query`` block of the page is run against local Oxigraph servers holding the
same data as the page's endpoints (the pinned DPV eu-aiact vocabulary on the documented port
7878, the ELI/CELLAR-shaped fixture on 7879; the tests use free ports and rewrite the query's
``SERVICE`` IRI), on the session's knowledge base or on a registry made by the page's own
``submit`` command.
"""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest

from aiact_kg.cli import main
from tests.conftest import REPO_ROOT

DOC = REPO_ROOT / "docs" / "linking.md"
#: a command of the page and what it prints, in a ```text block
_BLOCK = re.compile(r"```text\n\$ (aiact-kg [^\n]+)\n(.*?)```", re.DOTALL)
#: the documented endpoints and the fixtures that stand for them
ENDPOINTS = {
    "http://127.0.0.1:7878/query": "dpv_endpoint",
    "http://127.0.0.1:7879/query": "eli_endpoint",
}
REGISTRY = "registry-store"


def _blocks() -> list[tuple[str, str]]:
    return _BLOCK.findall(DOC.read_text(encoding="utf-8"))


def _registry_commands() -> list[list[str]]:
    """The page's commands that make the registry store, in order."""
    lines = re.findall(rf"^aiact-kg --store {REGISTRY} [^\n]+$", DOC.read_text(), re.MULTILINE)
    return [shlex.split(line)[1:] for line in lines]


def test_the_page_has_a_worked_query_per_graph() -> None:
    commands = [command for command, _ in _blocks()]
    assert len(commands) == 4
    assert any("dpv-" in c and "7878" in c for c in commands)  # ours + DPV
    assert sum("/eli-" in c and "7879" in c for c in commands) == 2  # ours + ELI dataset
    assert any(f"--store {REGISTRY}" in c and "registry-" in c for c in commands)  # + registry
    assert [c[2] for c in _registry_commands()] == ["build", "submit"]


@pytest.fixture(scope="module")
def registry_store(kb_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The page's registry: the session's build (the page's ``build``) and its ``submit``."""
    store = tmp_path_factory.mktemp("worked-registry") / REGISTRY
    shutil.copytree(kb_path, store, symlinks=True)
    for argv in _registry_commands():
        if argv[2] == "build":
            continue  # the session's knowledge base is the same build
        assert main(["--store", str(store), *argv[2:], "--no-progress"]) == 0
    return store


@pytest.mark.parametrize(("command", "printed"), _blocks(), ids=lambda v: v[:60])
def test_the_worked_query_prints_what_the_page_shows(
    command: str,
    printed: str,
    request: pytest.FixtureRequest,
    kb_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(REPO_ROOT)
    argv = shlex.split(command)[1:]
    store = kb_path
    if argv[:2] == ["--store", REGISTRY]:
        store = request.getfixturevalue("registry_store")
        argv = argv[2:]
    documented = argv[argv.index("--allow-service") + 1]
    endpoint: str = request.getfixturevalue(ENDPOINTS[documented])
    [query] = [arg for arg in argv if arg.endswith(".rq")]
    text = (REPO_ROOT / query).read_text(encoding="utf-8")
    assert f"SERVICE <{documented}>" in text
    rewritten = tmp_path / Path(query).name
    rewritten.write_text(text.replace(documented, endpoint), encoding="utf-8")
    argv = [str(rewritten) if a == query else endpoint if a == documented else a for a in argv]
    capsys.readouterr()
    assert main(["--store", str(store), *argv]) == 0
    assert capsys.readouterr().out == printed
