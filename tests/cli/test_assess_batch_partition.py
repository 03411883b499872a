"""Metamorphic: how the inputs are split into files and batches never changes a subject's result.

The examples and generated descriptions spread over several files (systems with a shared
provider described once, a deployer described apart, a general-purpose AI system on a model
described elsewhere, a model's procedure events) are cut at random into files at the level of
described nodes (a blank node stays with the node that holds it: it never links two files),
in a random order; each split is assessed in batches of 1 to 3 subjects with 1 or 2 workers,
and every subject's result must equal the one-batch result of the same files.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import NamedNode, Quad, RdfFormat, serialize

from aiact_kg.batch_assessment import assess_batches, collect_inputs
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun
from aiact_kg.submission.reading import read_rdf_bytes, read_rdf_file
from aiact_kg.submission.skolem import is_skolem_iri
from tests.cli.submissions import PREFIXES
from tests.conftest import REPO_ROOT

OPTIONS = AssessmentOptions(as_of=date(2026, 9, 1))
EXAMPLES = REPO_ROOT / "examples" / "submissions"
SYSTEMS = 5
GENERATED = (
    PREFIXES
    + "@prefix ex2: <https://example.org/gen/> .\n"
    + 'ex2:provider a aia:LegalPerson ; aia:establishedIn "US" ; aia:isSME false .\n'
    + "".join(
        f"ex2:system-{i} a aia:AISystem ; aia:hasProvider ex2:provider ;\n"
        f"  aia:intendedPurpose aiac:{'annex-iii-4a' if i % 2 else 'purpose-spam-filtering'} ;\n"
        '  aia:interactsWithNaturalPersons false ; aia:putIntoServiceOn "2026-03-01"^^xsd:date .\n'
        for i in range(SYSTEMS)
    )
    + "ex2:system-0 aia:hasDeployer ex2:town .\n"
    + 'ex2:town a aia:PublicAuthority ; aia:establishedIn "NL" ;\n'
    + "  aia:isLawEnforcementAuthority false ; aia:isMigrationAuthority false ;\n"
    + "  aia:isPrivateEntityProvidingPublicServices false .\n"
    + "ex2:assistant a aia:GeneralPurposeAISystem ; aia:hasProvider ex2:provider ;\n"
    + "  aia:basedOnModel <https://example.org/atlas-ai/atlas-3> ;\n"
    + "  aia:intendedPurpose aiac:purpose-general-purpose ;\n"
    + "  aia:interactsWithNaturalPersons true ; aia:interactionObvious false ;\n"
    + "  aia:generatesContent aiac:content-text ;\n"
    + '  aia:assistiveEditingOnly false ; aia:placedOnMarketOn "2026-03-02"^^xsd:date .\n'
)


def _blocks() -> list[list[Quad]]:
    """The statements of the corpus grouped by described node, blank nodes with their holder."""
    quads: list[Quad] = []
    for path in sorted(p for p in EXAMPLES.iterdir() if p.is_file() and p.suffix != ".md"):
        quads += read_rdf_file(path).quads
    quads += read_rdf_bytes(GENERATED.encode(), name="generated.ttl").quads
    holder: dict[str, str] = {}
    for quad in quads:
        if isinstance(quad.object, NamedNode) and is_skolem_iri(quad.object.value):
            holder.setdefault(quad.object.value, quad.subject.value)

    def root(node: str) -> str:
        seen = {node}
        while node in holder and holder[node] not in seen:
            node = holder[node]
            seen.add(node)
        return node

    blocks: dict[str, list[Quad]] = {}
    for quad in quads:
        blocks.setdefault(root(quad.subject.value), []).append(quad)
    return list(blocks.values())


def _split(blocks: list[list[Quad]], rng: random.Random, directory: Path) -> list[str]:
    """The blocks in random files (mostly one or two a file: more per file link everything),
    in a random order; returns the files' paths."""
    files = rng.randint(len(blocks), 2 * len(blocks))
    parts: list[list[Quad]] = [[] for _ in range(files)]
    for block in blocks:
        parts[rng.randrange(files)].extend(block)
    rng.shuffle(parts)
    paths = []
    for index, part in enumerate(p for p in parts if p):
        path = directory / f"part-{index:03d}.nq"
        path.write_bytes(serialize(part, format=RdfFormat.N_QUADS) or b"")
        paths.append(str(path))
    return paths


def _subjects(paths: list[str], run: AssessmentRun, **batching: Any) -> tuple[dict[str, Any], int]:
    outcomes = list(assess_batches(collect_inputs(paths), OPTIONS, run=run, **batching))
    assert all(o.exit_code == 0 for o in outcomes), [o.result.violations for o in outcomes]
    subjects = [s for o in outcomes for s in o.result.subjects]
    results = {s.iri: s.model_dump() for s in subjects}
    assert len(results) == len(subjects), "a subject reported twice"
    return results, len(outcomes)


@pytest.mark.parametrize(("seed", "batch_size", "jobs"), [(1, 1, 1), (2, 2, 2), (3, 3, 1)])
def test_results_do_not_depend_on_files_or_batches(
    tmp_path: Path, seed: int, batch_size: int, jobs: int
) -> None:
    rng = random.Random(seed)
    paths = _split(_blocks(), rng, tmp_path)
    run = AssessmentRun()
    one, _ = _subjects(paths, run, batch_size=0)
    assert len(one) >= 20 + SYSTEMS
    many, batches = _subjects(paths, run, batch_size=batch_size, jobs=jobs)
    assert batches > 1
    assert many.keys() == one.keys()
    for iri, result in one.items():
        assert many[iri] == result, iri


def test_a_party_file_naming_a_system_through_an_inverse_splits_nothing(tmp_path: Path) -> None:
    """Three systems of one provider, each in its own file; a parties file describes the
    provider and names one system's deployer through ``ex:deploys``, declared the inverse of
    aia:hasDeployer. In batches of one system, the parties file joins each system's batch: two
    of them then held the other system untyped and refused it as undescribed, dropping their
    own systems from the output (unread-facts audit)."""
    systems = []
    for number in (1, 2, 3):
        path = tmp_path / f"a{number}-system.ttl"
        path.write_text(
            PREFIXES
            + f"ex:sys{number} a aia:AISystem ; aia:hasProvider ex:provider ;\n"
            + "  aia:intendedPurpose aiac:annex-iii-3a ; aia:interactsWithNaturalPersons false ;\n"
            + '  aia:placedOnMarketOn "2026-09-01"^^xsd:date .\n',
            encoding="utf-8",
        )
        systems.append(str(path))
    parties = tmp_path / "z-parties.ttl"
    parties.write_text(
        PREFIXES
        + "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
        + 'ex:provider a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME true .\n'
        + 'ex:deployer a aia:LegalPerson ; aia:establishedIn "DE" ;\n'
        + "  aia:isPrivateEntityProvidingPublicServices true ; ex:deploys ex:sys2 .\n"
        + "ex:deploys owl:inverseOf aia:hasDeployer .\n",
        encoding="utf-8",
    )
    paths = [*systems, str(parties)]
    run = AssessmentRun()
    one, _ = _subjects(paths, run, batch_size=0)
    many, batches = _subjects(paths, run, batch_size=1)
    assert batches == 3
    assert sorted(many) == sorted(one) == [f"https://example.org/sys{n}" for n in (1, 2, 3)]
    for iri, result in one.items():
        assert many[iri] == result, iri
    deployers = {o["bearer"] for o in one["https://example.org/sys2"]["obligations"]}
    assert "https://example.org/deployer" in deployers
