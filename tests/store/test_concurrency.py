"""One writer at a time; readers are never blocked and never lose the version they read."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from aiact_kg.errors import StoreError
from aiact_kg.kb import build_knowledge_base, open_knowledge_base
from aiact_kg.stats import knowledge_base_stats
from aiact_kg.store.layout import VERSIONS, active_version, versions
from aiact_kg.store.locking import writer_lock
from tests.store.conftest import cli_process, run_cli


def test_second_writer_fails_with_a_clear_message(
    store_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = active_version(store_copy)
    with writer_lock(store_copy):
        code, _, err = run_cli(capsys, "--store", str(store_copy), "build")
        assert code == 3
        assert f"the store at {store_copy} is locked" in err
        assert "--wait SECONDS" in err
        assert "Traceback" not in err
        started = time.monotonic()
        with pytest.raises(StoreError, match="locked"):
            build_knowledge_base(store_copy, wait_seconds=0.5)
        assert 0.4 < time.monotonic() - started < 5
        # readers are not blocked by a writer
        assert run_cli(capsys, "--store", str(store_copy), "stats")[0] == 0
    assert active_version(store_copy) == before


def test_negative_wait_is_bad_input(store_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "--store", str(store_copy), "build", "--wait", "-1")
    assert code == 2
    assert "--wait" in err


def test_waiting_writer_builds_after_the_first(store_copy: Path) -> None:
    process = None
    with writer_lock(store_copy):
        process = cli_process("--store", str(store_copy), "build", "--wait", "120")
        time.sleep(1.0)
        assert process.poll() is None  # waiting for the lock
    _, err = process.communicate(timeout=120)
    assert process.returncode == 0, err


def test_a_reader_keeps_its_version_through_a_build(
    store_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = active_version(store_copy)
    reader = open_knowledge_base(store_copy)
    expected = knowledge_base_stats(reader)
    build_knowledge_base(store_copy)
    assert active_version(store_copy) != old
    assert old in versions(store_copy)  # not removed while read
    assert knowledge_base_stats(reader) == expected
    reader.close()
    build_knowledge_base(store_copy)
    assert versions(store_copy) == [active_version(store_copy)]
    assert run_cli(capsys, "--store", str(store_copy), "stats")[0] == 0


@pytest.mark.parametrize("wait", ["0", "120"])
def test_concurrent_builds_never_corrupt_the_store(
    store_copy: Path, capsys: pytest.CaptureFixture[str], wait: str
) -> None:
    """Builds started a moment apart, with readers running alongside."""
    builds = []
    for _ in range(2):
        builds.append(cli_process("--store", str(store_copy), "build", "--wait", wait))
        time.sleep(0.3)
    readers = [cli_process("--store", str(store_copy), "stats") for _ in range(2)]
    outcomes = [(process.wait(timeout=300), process.communicate()[1]) for process in builds]
    for process in readers:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    for code, err in outcomes:
        assert "Traceback" not in err
        assert "internal error" not in err
        assert "Corruption" not in err
        if wait == "0":
            assert code == 0 or (code == 3 and "is locked" in err), err
        else:
            assert code == 0, err
    assert any(code == 0 for code, _ in outcomes)
    assert run_cli(capsys, "--store", str(store_copy), "stats")[0] == 0
    assert active_version(store_copy) in versions(store_copy)
    # nothing half-built or half-removed is left (a version a reader held may remain)
    assert sorted(entry.name for entry in (store_copy / VERSIONS).iterdir()) == versions(store_copy)
