"""The wheel ships exactly the tracked data files, and works without the source tree."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO_ROOT

# source directory -> its place inside the wheel (mirrors [tool.hatch...force-include])
DATA_LAYOUT = {
    "ontology": "aiact_kg/data/ontology",
    "shapes": "aiact_kg/data/shapes",
    "queries": "aiact_kg/data/queries",
    "data/legal-text": "aiact_kg/data/legal-text",
    "data/obligations": "aiact_kg/data/obligations",
    "data/duty-sweep": "aiact_kg/data/duty-sweep",
    "data/draft-history": "aiact_kg/data/draft-history",
    "data/law": "aiact_kg/data/law",
    "data/models": "aiact_kg/data/models",
}

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(out)],
        cwd=REPO_ROOT,
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("aiact_kg-*.whl")
    return built


def _source_files() -> set[str]:
    expected = set()
    for source, target in DATA_LAYOUT.items():
        for path in (REPO_ROOT / source).rglob("*"):
            if path.is_file() and "__pycache__" not in path.parts:
                expected.add(f"{target}/{path.relative_to(REPO_ROOT / source).as_posix()}")
    return expected


def test_wheel_data_files_match_the_source_tree(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        shipped = {name for name in archive.namelist() if name.startswith("aiact_kg/data/")}
    assert shipped == _source_files()


def test_wheel_ships_the_workbench_and_its_vendored_libraries(wheel: Path) -> None:
    static = REPO_ROOT / "aiact_kg" / "service" / "static"
    expected = {
        f"aiact_kg/service/static/{path.relative_to(static).as_posix()}"
        for path in static.rglob("*")
        if path.is_file()
    }
    with zipfile.ZipFile(wheel) as archive:
        shipped = {
            name for name in archive.namelist() if name.startswith("aiact_kg/service/static/")
        }
    assert "aiact_kg/service/static/vendor/yasgui/LICENSE" in shipped
    assert shipped == expected


def test_wheel_leaves_out_the_build_time_tools_and_their_extra(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata_name,) = (name for name in names if name.endswith(".dist-info/METADATA"))
        metadata = archive.read(metadata_name).decode("utf-8")
    packages = {name.split("/")[0] for name in names}
    assert packages == {"aiact_kg", metadata_name.split("/")[0]}
    moved = ("aiact_kg/legaltext/", "aiact_kg/models/", "aiact_kg/reasoning/owl_consistency.py")
    assert [name for name in names if name.startswith(moved)] == []
    owlready = [
        line for line in metadata.splitlines() if line.startswith("Requires-Dist: owlready2")
    ]
    assert owlready  # declared, but only under an extra
    assert all("extra ==" in line for line in owlready), owlready
    assert "Provides-Extra: build" in metadata


def test_unpacked_wheel_builds_and_answers_without_the_source_tree(
    wheel: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    with zipfile.ZipFile(wheel) as archive:
        archive.extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site), "AIACT_KG_STORE": str(tmp_path / "store")}
    elsewhere = tmp_path / "cwd"
    elsewhere.mkdir()
    for argv in (["build"], ["stats", "--format", "json"]):
        done = subprocess.run(
            [sys.executable, "-m", "aiact_kg", *argv],
            cwd=elsewhere,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode == 0, done.stderr
    stats = json.loads(done.stdout)
    assert stats["articles"] == 113
    probe = subprocess.run(
        [sys.executable, "-c", "import aiact_kg.resources as r; print(r.data_dir('ontology'))"],
        cwd=elsewhere,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert probe.stdout.strip().startswith(str(site))
