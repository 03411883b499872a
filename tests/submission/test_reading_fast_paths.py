"""The string fast paths of reading agree with the path objects they replace."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path, PurePath

import pytest

from aiact_kg.gc_pause import paused_gc
from aiact_kg.submission.formats import ACCEPTED_EXTENSIONS, base_name, format_from_name
from aiact_kg.submission.reading import expand_each, expand_inputs, read_inputs
from aiact_kg.submission.vocabulary import load_vocabulary

NAMES = [
    "a.ttl", "dir/a.TTL", "dir/sub/", "dir/.", "dir/..", ".", "..", "", "/", ".ttl",
    "a.", "a..ttl", "x/.hidden.nt", "a.tar.gz", "dir//b.jsonld", "c:\\x\\y.rdf", "noext",
    "a.ttl/", "a/b.trig/.", "./b.nq", "~/é.json", "a b.owl",
]  # fmt: skip


@pytest.mark.parametrize("name", NAMES)
def test_base_name_and_format_agree_with_purepath(name: str) -> None:
    assert base_name(name) == PurePath(name).name
    assert format_from_name(name) == ACCEPTED_EXTENSIONS.get(PurePath(name).suffix.lower())


def _old_names(directory: Path, name: str) -> list[str]:
    """The names the directory walk gave with path objects (before the string fast path)."""
    found = sorted(
        (path.relative_to(directory).parts, path)
        for path in directory.rglob("*")
        if path.is_file()
        and not any(part.startswith(".") for part in path.relative_to(directory).parts)
        and format_from_name(path.name) is not None
    )
    return [str(Path(name) / Path(*parts)) for parts, _ in found]


@pytest.mark.parametrize("spelling", ["{d}", "{d}/", "{d}//", "{d}/.", "./{rel}", "."])
def test_walked_names_are_those_of_path_objects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, spelling: str
) -> None:
    top = tmp_path / "in"
    for rel in ["b.ttl", "a/z.nt", "a/b/c.jsonld", "a-b.ttl", ".hid/x.ttl", "skip.txt", "a/.x.ttl"]:
        (top / rel).parent.mkdir(parents=True, exist_ok=True)
        (top / rel).write_text("<a:b> <a:c> <a:d> .\n")
    monkeypatch.chdir(tmp_path if spelling != "." else top)
    argument = spelling.format(d=str(top), rel="in")
    sources = expand_inputs([argument])
    assert [s.name for s in sources] == _old_names(top, argument)
    assert all(s.path is not None and s.path.is_file() for s in sources)


def test_expand_each_keeps_errors_per_argument(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text("<a:b> <a:c> <a:d> .\n")
    expanded = expand_each([str(tmp_path / "missing"), str(tmp_path), "-", "-"])
    assert [type(e).__name__ for e in expanded] == [
        "InputFormatError",
        "list",
        "list",
        "InputFormatError",
    ]
    results = list(read_inputs([], expanded=expanded[:2]))
    assert [type(r).__name__ for r in results] == ["InputFormatError", "InputDocument"]


def test_paused_gc_restores_the_collector() -> None:
    assert gc.isenabled()
    with paused_gc():
        assert not gc.isenabled()
        with paused_gc():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with paused_gc():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_paused_gc_leaves_what_it_made_to_the_full_collection() -> None:
    gc.collect()
    with paused_gc():
        made = [[index] for index in range(5000)]
        cycle: list[object] = []
        cycle.append(cycle)
        gone = weakref.ref(_Node(cycle))
    assert gc.get_count()[0] < len(made)  # no young collection is due for them
    assert gone() is not None  # a cycle waits for a collection...
    gc.collect()
    assert gone() is None  # ...and is collected by it


class _Node:
    def __init__(self, other: object) -> None:
        self.me = self
        self.other = other


def test_disjoint_with_is_the_declared_pairs() -> None:
    vocabulary = load_vocabulary()
    assert vocabulary.disjoint
    pairs = {
        frozenset((cls, other))
        for cls, others in vocabulary.disjoint_with.items()
        for other in others
    }
    assert pairs == {p for p in vocabulary.disjoint if len(p) == 2}
