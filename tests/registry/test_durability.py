"""``submit`` of several documents, ``reassess`` and ``withdraw`` killed mid-run (issue 10).

Each is a real ``aiact-kg`` process ended like ``kill -9`` at a checkpoint of its registry
write (``AIACT_KG_FAULT_AT``, see :mod:`aiact_kg.store.faults`) or by SIGKILL at a random
moment. A bulk submission is one store version: after a kill the registry holds either every
submission committed before, unchanged, or the whole new write; never part of it. Set
``AIACT_KG_DURABILITY_SWEEP=1`` for every checkpoint and more random kills.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import time
from datetime import date
from pathlib import Path

import pytest
from pyoxigraph import NamedNode

from aiact_kg.kb import open_knowledge_base
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.names import REGISTRY_GRAPH, assessment_graph, submission_graph
from aiact_kg.registry.reassess import reassess, withdraw
from aiact_kg.registry.store import Entry, read_entries
from aiact_kg.registry.submit import submit_inputs
from aiact_kg.store import faults
from aiact_kg.store.layout import VERSIONS, active_version
from tests.registry.conftest import EXAMPLES, OPTIONS
from tests.store.conftest import cli_process

SWEEP = bool(os.environ.get("AIACT_KG_DURABILITY_SWEEP"))
DOCUMENTS = (
    "minimal-risk-spam-filter.ttl",
    "customer-service-chatbot.ttl",
    "deep-fake-image-generator.ttl",
)
# the steps of a registry write, in order; ``#n`` is the n-th time a per-document step is hit
BEFORE_SWITCH = (
    ("registry-update#2", "linked")  # "linked": published, not yet switched
    if not SWEEP
    else (
        "locked",
        "registry-copied",
        "registry-update",
        "registry-updated",
        "registry-update#2",
        "registry-updated#2",
        "registry-update#3",
        "registry-updated#3",
        "closed",
        "manifest-written",
        "published",
        "linked",
    )
)
AFTER_SWITCH = ("switched", "retired", "cleaned") if SWEEP else ("switched",)
AS_OF = ("--no-progress", "--as-of", "2026-11-01")

State = dict[str, tuple[Entry, frozenset[str], frozenset[str]]]


def state(store: Path) -> State:
    """Each listed submission with its two graphs; checks that none is half-written."""
    opened = open_knowledge_base(store)
    try:
        found: State = {}
        for name, entry in read_entries(opened).items():
            graphs = []
            for graph in (submission_graph(name), assessment_graph(name)):
                quads = opened.raw.quads_for_pattern(None, None, None, NamedNode(graph))
                graphs.append(frozenset(str(q) for q in quads))
            submitted, assessed = graphs
            assert len(submitted) == entry.statements, name
            assert any(entry.run in q for q in assessed), name
            found[name] = (entry, submitted, assessed)
        registered = {str(g) for g in opened.named_graphs() if "/registry/" in str(g)}
        expected = {submission_graph(n) for n in found} | {assessment_graph(n) for n in found}
        assert registered - {REGISTRY_GRAPH} <= expected  # no graph of an unlisted submission
        return found
    finally:
        opened.close()


def run(store: Path, *argv: str, fault: str | None = None) -> int:
    env = {faults.FAULT_ENV: fault} if fault else {}
    process = cli_process("--store", str(store), *argv, env=env)
    _, err = process.communicate(timeout=300)
    expected = faults.FAULT_EXIT_CODE if fault else 0
    assert process.returncode == expected, (argv, fault, err)
    return process.returncode


def no_leftovers(store: Path) -> None:
    """After a successful writer only the active version is in ``versions/``, and no
    temporary link of a switch is left beside ``active``."""
    assert [p.name for p in (store / VERSIONS).iterdir()] == [active_version(store)]
    assert sorted(p.name for p in store.iterdir()) == ["active", "versions", "writer.lock"]


@pytest.fixture
def documents(tmp_path: Path) -> Path:
    folder = tmp_path / "bulk"
    folder.mkdir()
    for name in DOCUMENTS:
        shutil.copy(EXAMPLES / name, folder / name)
    return folder


def submit(store: Path, *inputs: Path) -> None:
    """The next writer, in this process (cheaper than a new one): it must succeed."""
    result = submit_inputs(store, [str(path) for path in inputs], OPTIONS, progress=False)
    assert result.exit_code == 0
    assert result.outcomes


def _change(folder: Path, round_: int) -> None:
    """Give every document new content, so the next submission replaces all of them."""
    for path in sorted(folder.iterdir()):
        path.write_text(path.read_text() + f"\n# round {round_}\n")


def test_a_killed_bulk_submission_keeps_all_or_nothing(store: Path, documents: Path) -> None:
    seed = documents.parent / "seed"
    seed.mkdir()
    shutil.copy(EXAMPLES / "recruitment-cv-screening.ttl", seed)
    submit(store, seed)
    before = state(store)
    assert list(before) == ["recruitment-cv-screening"]
    for step in BEFORE_SWITCH:
        run(store, "submit", *AS_OF, str(documents), fault=step)
        assert state(store) == before, step
    submit(store, documents)
    no_leftovers(store)
    committed = state(store)
    assert set(committed) == set(before) | {name.rsplit(".", 1)[0] for name in DOCUMENTS}
    assert committed["recruitment-cv-screening"] == before["recruitment-cv-screening"]
    for round_, step in enumerate(AFTER_SWITCH):
        _change(documents, round_)
        run(store, "submit", *AS_OF, str(documents), fault=step)
        after = state(store)  # killed after the switch: the whole new write is committed
        assert set(after) == set(committed), step
        for name in after:
            changed = after[name][0].sha256 != committed[name][0].sha256
            assert changed == (name != "recruitment-cv-screening"), (step, name)
        committed = after
    _change(documents, 99)
    submit(store, documents)
    no_leftovers(store)


def test_a_killed_reassessment_or_withdrawal_is_never_mixed(store: Path, documents: Path) -> None:
    submit(store, documents)
    before = state(store)
    runs = {entry.run for entry, _, _ in before.values()}
    for step in BEFORE_SWITCH:
        run(store, "reassess", "--no-progress", "--as-of", "2027-01-01", fault=step)
        assert state(store) == before, step
    run(store, "reassess", "--no-progress", "--as-of", "2027-01-01", fault="switched")
    after = state(store)  # every assessment replaced, none kept
    assert set(after) == set(before)
    assert {entry.as_of for entry, _, _ in after.values()} == {"2027-01-01"}
    assert not runs & {entry.run for entry, _, _ in after.values()}
    assert all(after[name][1] == before[name][1] for name in after)  # the documents stay
    assert reassess(store, AssessmentOptions(as_of=date(2027, 2, 1)), progress=False).outcomes
    no_leftovers(store)

    before = state(store)
    withdraw_steps = ("registry-update", "linked") if not SWEEP else (*BEFORE_SWITCH[:4], "linked")
    for step in withdraw_steps:
        run(store, "withdraw", "customer-service-chatbot", fault=step.partition("#")[0])
        assert state(store) == before, step
    run(store, "withdraw", "customer-service-chatbot", fault="switched")
    after = state(store)
    assert after == {k: v for k, v in before.items() if k != "customer-service-chatbot"}
    withdraw(store, "deep-fake-image-generator")
    no_leftovers(store)
    assert set(state(store)) == {"minimal-risk-spam-filter"}


def test_sigkill_at_random_times(store: Path, documents: Path) -> None:
    """SIGKILL submit and reassess at random moments; the registry is always whole."""
    generator = random.Random(10)
    submit(store, documents)
    seen = [state(store)]
    for round_ in range(6 if SWEEP else 1):
        _change(documents, round_)
        for argv in (("submit", *AS_OF, str(documents)), ("reassess", "--no-progress")):
            process = cli_process("--store", str(store), *argv)
            time.sleep(generator.uniform(0.5, 4.0))
            process.send_signal(signal.SIGKILL)
            process.communicate(timeout=60)
            now = state(store)
            assert set(now) == set(seen[0])
            # every record comes from one whole write: one submission time, one assessment
            for field in ("submitted_at", "options", "as_of"):
                assert len({getattr(entry, field) for entry, _, _ in now.values()}) == 1
            seen.append(now)
    _change(documents, 99)
    submit(store, documents)
    no_leftovers(store)
