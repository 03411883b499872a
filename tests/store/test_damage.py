"""Opening a store verifies it: damage is reported as "damaged, rebuild" with exit 3."""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import Literal, NamedNode, Quad, Store

from aiact_kg.kb import build_knowledge_base, open_knowledge_base
from aiact_kg.store import manifest
from aiact_kg.store.layout import MANIFEST, VERSIONS, active_version
from tests.store.conftest import active_db, run_cli

REBUILD = "rebuild it with `aiact-kg build`"


def _largest_table(store: Path) -> Path:
    return max(active_db(store).glob("*.sst"), key=lambda path: path.stat().st_size)


def _assert_damaged(capsys: pytest.CaptureFixture[str], store: Path, *argv: str) -> str:
    code, out, err = run_cli(capsys, "--store", str(store), *argv)
    assert code == 3, err
    assert out == ""
    assert f"the store at {store} is damaged" in err
    assert REBUILD in err.lower()
    assert "internal error" not in err
    assert "Traceback" not in err
    return err


_EXAMPLE = str(
    Path(__file__).parents[2] / "examples" / "submissions" / "minimal-risk-spam-filter.ttl"
)


@pytest.mark.parametrize(
    "command",
    [
        ("stats",),
        ("provision", "Art 5(1)(a)"),
        # writers refuse too: a version written on top of the damage reported "stored", and a
        # rebuild then dropped the registry it could not read
        ("submit", "--no-progress", _EXAMPLE),
        ("reassess",),
        ("withdraw", "minimal-risk-spam-filter"),
    ],
)
def test_flipped_bytes_are_detected(
    store_copy: Path, capsys: pytest.CaptureFixture[str], command: tuple[str, ...]
) -> None:
    table = _largest_table(store_copy)
    data = bytearray(table.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8] = bytes(b ^ 0xFF for b in data[middle : middle + 8])
    table.write_bytes(bytes(data))
    versions = sorted(path.name for path in (store_copy / "versions").iterdir())
    err = _assert_damaged(capsys, store_copy, *command)
    assert f"{table.name} does not match its checksum" in err
    assert sorted(path.name for path in (store_copy / "versions").iterdir()) == versions


def test_truncated_file_is_detected(store_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    table = _largest_table(store_copy)
    with table.open("r+b") as handle:
        handle.truncate(1000)
    err = _assert_damaged(capsys, store_copy, "stats")
    assert "has 1000 bytes" in err


def test_missing_and_extra_files_are_detected(
    store_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = _largest_table(store_copy)
    moved = table.with_name("999999.sst")
    table.rename(moved)
    err = _assert_damaged(capsys, store_copy, "stats")
    assert f"{table.name} is missing" in err
    moved.rename(table)
    assert run_cli(capsys, "--store", str(store_copy), "stats")[0] == 0
    (table.parent / "999999.sst").write_bytes(b"x")
    assert "unexpected file" in _assert_damaged(capsys, store_copy, "stats")


@pytest.mark.parametrize("content", ["", "{not json", '{"format": 1}', "[]"])
def test_unreadable_manifest_is_detected(
    store_copy: Path, capsys: pytest.CaptureFixture[str], content: str
) -> None:
    (active_db(store_copy).parent / MANIFEST).write_text(content)
    assert MANIFEST in _assert_damaged(capsys, store_copy, "stats")


def test_missing_manifest_is_detected(store_copy: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (active_db(store_copy).parent / MANIFEST).unlink()
    assert f"{MANIFEST} is missing" in _assert_damaged(capsys, store_copy, "stats")


def test_an_edited_manifest_is_detected_by_its_seal(
    store_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest_path = active_db(store_copy).parent / MANIFEST
    record = json.loads(manifest_path.read_text())
    record["quads"] += 1
    manifest_path.write_text(json.dumps(record))
    assert "its seal does not match" in _assert_damaged(capsys, store_copy, "stats")


def _reseal(manifest_path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    record = json.loads(manifest_path.read_text())
    change(record)
    record["seal"] = manifest._seal(record)
    manifest_path.write_text(json.dumps(record))


def test_engine_counts_are_checked_against_the_build(
    store_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Files intact but not what the build recorded: the engine-level check catches it."""
    manifest_path = active_db(store_copy).parent / MANIFEST
    _reseal(manifest_path, lambda record: record["graphs"].pop())
    assert "named graphs" in _assert_damaged(capsys, store_copy, "stats")
    build_knowledge_base(store_copy)
    manifest_path = active_db(store_copy).parent / MANIFEST
    _reseal(manifest_path, lambda record: record.update(quads=record["quads"] + 1))
    assert run_cli(capsys, "--store", str(store_copy), "stats")[0] == 0  # not counted on open
    assert "quads" in _assert_damaged(capsys, store_copy, "check")


def test_a_changed_file_is_hashed_on_open_and_every_file_by_check(
    store_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Opening hashes only files whose time differs from the record; ``check`` hashes all."""
    table = _largest_table(store_copy)
    status = table.stat()
    data = bytearray(table.read_bytes())
    data[len(data) // 2] ^= 0xFF
    table.write_bytes(bytes(data))
    os.utime(table, ns=(status.st_atime_ns, status.st_mtime_ns))  # damage that keeps the time
    err = _assert_damaged(capsys, store_copy, "check")
    assert f"{table.name} does not match its checksum" in err
    data[len(data) // 2] ^= 0xFF
    table.write_bytes(bytes(data))  # the same bytes again, with a new time: hashed, and intact
    assert run_cli(capsys, "--store", str(store_copy), "stats")[0] == 0
    code, out, _ = run_cli(capsys, "--store", str(store_copy), "check")
    assert code == 0
    assert "is intact" in out


def test_active_link_to_a_missing_version(
    store_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    version = active_version(store_copy)
    assert version
    (store_copy / VERSIONS / version).rename(store_copy / "elsewhere")
    assert "is missing" in _assert_damaged(capsys, store_copy, "stats")


def test_rebuild_repairs_a_damaged_store(
    store_copy: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with _largest_table(store_copy).open("r+b") as handle:
        handle.truncate(10)
    _assert_damaged(capsys, store_copy, "stats")
    build_knowledge_base(store_copy)
    assert run_cli(capsys, "--store", str(store_copy), "stats")[0] == 0
    assert len(list((store_copy / VERSIONS).iterdir())) == 1


def test_store_of_the_previous_layout_asks_for_a_rebuild_then_migrates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    legacy = tmp_path / "store"
    old = Store(str(legacy))  # what the previous version wrote: RocksDB files at the top
    old.add(Quad(NamedNode("urn:s"), NamedNode("urn:p"), Literal("o"), NamedNode("urn:g")))
    old.flush()
    del old
    code, _, err = run_cli(capsys, "--store", str(legacy), "stats")
    assert code == 3
    assert "built by an earlier version of aiact-kg" in err
    assert REBUILD in err.lower()
    build_knowledge_base(legacy)
    assert sorted(path.name for path in legacy.iterdir()) == ["active", "versions", "writer.lock"]
    assert run_cli(capsys, "--store", str(legacy), "stats")[0] == 0


def test_empty_or_absent_store_says_build_first(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for store in (tmp_path / "absent", tmp_path):
        code, _, err = run_cli(capsys, "--store", str(store), "stats")
        assert code == 3
        assert "run 'aiact-kg build' first" in err
    (tmp_path / VERSIONS).mkdir()  # a first build that never finished
    code, _, err = run_cli(capsys, "--store", str(tmp_path), "stats")
    assert code == 3
    assert "run 'aiact-kg build' first" in err


def test_open_releases_its_pin_when_closed(store_copy: Path) -> None:
    store = open_knowledge_base(store_copy)
    store.close()
    store.close()  # closing twice is harmless
