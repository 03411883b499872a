"""A crash at any point of a build leaves the old or the new knowledge base, never none."""

from __future__ import annotations

import random
import signal
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from aiact_kg.kb import build_knowledge_base
from aiact_kg.kb.build import BUILD_STEPS
from aiact_kg.store import faults
from aiact_kg.store.layout import VERSIONS, active_version
from tests.store.conftest import cli_process, run_cli


class CrashError(Exception):
    pass


@pytest.fixture
def hook() -> Iterator[list[str]]:
    seen: list[str] = []
    faults.set_fault_hook(seen.append)
    yield seen
    faults.set_fault_hook(None)


def _assert_usable(store: Path, capsys: pytest.CaptureFixture[str], versions: set[str]) -> str:
    """``stats`` works on the old or the new knowledge base; returns the active version."""
    code, out, err = run_cli(capsys, "--store", str(store), "stats")
    assert code == 0, err
    assert "articles" in out
    active = active_version(store)
    assert active in versions
    return str(active)


def test_every_step_is_a_checkpoint(store_copy: Path, hook: list[str]) -> None:
    build_knowledge_base(store_copy)
    assert tuple(hook) == BUILD_STEPS


def test_exception_at_every_step(store_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A build fails at each step in turn; each next build starts from what the last left."""
    for step in BUILD_STEPS:
        old = active_version(store_copy)
        assert old

        def crash(at: str, step: str = step) -> None:
            if at == step:
                raise CrashError(at)

        faults.set_fault_hook(crash)
        try:
            with pytest.raises(CrashError):
                build_knowledge_base(store_copy)
        finally:
            faults.set_fault_hook(None)
        after = _assert_usable(store_copy, capsys, {old, str(active_version(store_copy))})
        leftovers = [path.name for path in (store_copy / VERSIONS).glob(".staging-*")]
        assert leftovers == [], step  # a failed (not killed) build removes its staging
        if BUILD_STEPS.index(step) < BUILD_STEPS.index("switched"):
            assert after == old, step
        else:
            assert after != old, step
    build_knowledge_base(store_copy)
    _assert_usable(store_copy, capsys, {str(active_version(store_copy))})
    assert len(list((store_copy / VERSIONS).iterdir())) == 1


def test_process_killed_at_every_step(store_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The process ends at once at each step in turn (like ``kill -9``: no clean-up runs)."""
    for step in BUILD_STEPS:
        old = active_version(store_copy)
        assert old
        process = cli_process("--store", str(store_copy), "build", env={faults.FAULT_ENV: step})
        _, err = process.communicate(timeout=120)
        assert process.returncode == faults.FAULT_EXIT_CODE, (step, err)
        _assert_usable(store_copy, capsys, {old, str(active_version(store_copy))})
    code, _, err = run_cli(capsys, "--store", str(store_copy), "build")
    assert code == 0, err
    _assert_usable(store_copy, capsys, {str(active_version(store_copy))})
    assert all(not entry.name.startswith(".") for entry in (store_copy / VERSIONS).iterdir())
    assert all(not entry.name.startswith(".") for entry in store_copy.iterdir())  # no link left


def test_first_build_killed_leaves_no_half_store(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    store = tmp_path / "store"
    process = cli_process("--store", str(store), "build", env={faults.FAULT_ENV: "optimized"})
    process.communicate(timeout=120)
    code, _, err = run_cli(capsys, "--store", str(store), "stats")
    assert code == 3
    assert "run 'aiact-kg build' first" in err
    assert run_cli(capsys, "--store", str(store), "build")[0] == 0
    assert run_cli(capsys, "--store", str(store), "stats")[0] == 0


def test_kill_9_at_random_times(store_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """SIGKILL a real ``aiact-kg build`` at random moments, a few times, bounded in time."""
    generator = random.Random(8)
    seen = {str(active_version(store_copy))}
    deadline = time.monotonic() + 30
    for _ in range(4):
        if time.monotonic() > deadline:
            break
        process = cli_process("--store", str(store_copy), "build")
        time.sleep(generator.uniform(0.2, 3.0))
        process.send_signal(signal.SIGKILL)
        process.communicate(timeout=60)
        after = active_version(store_copy)
        assert after is not None
        seen.add(after)
        seen.add(_assert_usable(store_copy, capsys, seen))
    code, _, err = run_cli(capsys, "--store", str(store_copy), "build")
    assert code == 0, err
    _assert_usable(store_copy, capsys, {str(active_version(store_copy))})
