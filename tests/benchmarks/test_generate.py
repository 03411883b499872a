"""The generators of renamed copies: each copy assesses as its example, sharing no node with it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pyoxigraph import BlankNode, NamedNode, RdfFormat, parse

from aiact_kg.assessment import assess_documents
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.submission.reading import read_rdf_file
from benchmarks.generate import (
    EXAMPLE_NAMESPACE,
    EXAMPLES,
    write_high_risk_mix,
    write_renamed_copies,
)

OPTIONS = AssessmentOptions(as_of=date(2026, 11, 22))


def _triples(path: Path) -> list[tuple[object, object, object]]:
    return [
        (q.subject, q.predicate, q.object) for q in parse(path=str(path), format=RdfFormat.TURTLE)
    ]


def test_copies_rename_the_example_namespace_and_blank_nodes(tmp_path: Path) -> None:
    example = EXAMPLES / "workplace-emotion-recognition-safety.ttl"  # has blank nodes
    paths = write_renamed_copies(tmp_path, example.name, 5, per_file=2, first=10)
    assert [p.name for p in paths] == [
        "copies-0000010.ttl",
        "copies-0000012.ttl",
        "copies-0000014.ttl",
    ]
    original = _triples(example)
    copies = [t for path in paths for t in _triples(path)]
    assert len(copies) == 5 * len(original)
    nodes = {term for triple in copies for term in triple}
    ours = {
        n.value for n in nodes if isinstance(n, NamedNode) and n.value.startswith(EXAMPLE_NAMESPACE)
    }
    assert ours
    assert all(iri.startswith(f"{EXAMPLE_NAMESPACE}copy-00000") for iri in ours)
    assert not ours & {n.value for t in original for n in t if isinstance(n, NamedNode)}
    blanks = {n for n in nodes if isinstance(n, BlankNode)}
    assert len(blanks) == 5 * len({n for t in original for n in t if isinstance(n, BlankNode)}) > 0


def test_a_copy_assesses_as_its_example(tmp_path: Path) -> None:
    example = EXAMPLES / "recruitment-cv-screening.ttl"
    (path,) = write_renamed_copies(tmp_path, example.name, 1, first=3)
    expected = assess_documents([read_rdf_file(example)], OPTIONS, keep=False).result.subjects
    copied = assess_documents([read_rdf_file(path)], OPTIONS, keep=False).result.subjects
    assert [s.iri for s in copied] == ["https://example.org/copy-0000003/talentsift/cv-ranker"]
    assert copied[0].categories == expected[0].categories == ["high-risk"]
    assert [
        (o.id, o.bearer.rsplit("/", 1)[-1] if o.bearer else None) for o in copied[0].obligations
    ] == [
        (o.id, o.bearer.rsplit("/", 1)[-1] if o.bearer else None) for o in expected[0].obligations
    ]


def test_the_high_risk_mix_has_copies_and_generated_subjects(tmp_path: Path) -> None:
    paths = write_high_risk_mix(tmp_path, 10, per_file=4)
    names = sorted(p.name for p in paths)
    assert names == [
        "copies-0000000.ttl",
        "copies-0000004.ttl",
        "generated-0000000.ttl",
    ]
    assert all(_triples(path) for path in paths)
