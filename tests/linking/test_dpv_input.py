"""DPV/AIRO/VAIR in: every example, rewritten into those terms through the inverse of the input
mapping, gets the same assessment as the original; each mapping kind, conclusions, and
unmappable or hostile input are tested on small documents."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import pytest
from pyoxigraph import NamedNode, Quad, RdfFormat, serialize

from aiact_kg.assessment import assess_documents
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.submission.external import RDF_TYPE, is_external, load_mappings
from aiact_kg.submission.reading import InputDocument, read_rdf_bytes, read_rdf_file
from aiact_kg.submission.validation import SubmissionValidator

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(
    p
    for p in (REPO_ROOT / "examples" / "submissions").rglob("*")
    if p.is_file() and p.name != "README.md"
)
OPTIONS = AssessmentOptions(as_of=datetime.date(2026, 11, 30))
AIA = "https://w3id.org/aiact-kg/ontology#"


@pytest.fixture(scope="module")
def validator() -> SubmissionValidator:
    return SubmissionValidator()


def _inverse() -> dict[tuple[str, str], str]:
    """(kind, our term) -> one DPV/AIRO/VAIR term for it (the first in IRI order)."""
    inverse: dict[tuple[str, str], str] = {}
    for row in sorted(load_mappings().values(), key=lambda r: r.source):
        if row.kind in ("ClassMapping", "PropertyMapping", "ConceptMapping"):
            inverse.setdefault((row.kind, row.target), row.source)
    return inverse


def _rewrite(document: InputDocument) -> tuple[InputDocument, int]:
    """The document in DPV/AIRO/VAIR terms wherever a counterpart exists; how many changed."""
    inverse = _inverse()
    out: list[Quad] = []
    changed = 0
    for quad in document.quads:
        predicate, obj = quad.predicate, quad.object
        if predicate == RDF_TYPE:
            obj = NamedNode(inverse.get(("ClassMapping", obj.value), obj.value))
        else:
            predicate = NamedNode(inverse.get(("PropertyMapping", predicate.value), predicate.value))
            if isinstance(obj, NamedNode):
                obj = NamedNode(inverse.get(("ConceptMapping", obj.value), obj.value))
        new = Quad(quad.subject, predicate, obj, quad.graph_name)
        changed += new != quad
        out.append(new)
    data = serialize(out, format=RdfFormat.N_QUADS) or b""
    return read_rdf_bytes(data, name=document.name, rdf_format=RdfFormat.N_QUADS), changed


def _summary(data: dict[str, Any]) -> dict[str, Any]:
    return {
        s["iri"]: (
            s["kind"],
            s["categories"],
            sorted(d["conclusion"] for d in s["determinations"]),
            sorted((o["citation"], o["role"], o["bearer"]) for o in s["obligations"]),
        )
        for s in data["subjects"]
    }


@pytest.fixture(scope="module")
def both(validator: SubmissionValidator) -> dict[str, Any]:
    """All examples assessed in one batch as written, and in one batch rewritten."""
    originals = [read_rdf_file(path) for path in EXAMPLES]
    rewritten = [_rewrite(document) for document in originals]
    before = assess_documents(originals, OPTIONS, validator=validator)
    after = assess_documents([d for d, _ in rewritten], OPTIONS, validator=validator)
    return {
        "originals": dict(zip(EXAMPLES, originals, strict=True)),
        "rewritten": dict(zip(EXAMPLES, rewritten, strict=True)),
        "before": before.data,
        "after": after.data,
    }


def test_examples_assessed_in_both_forms(both: dict[str, Any]) -> None:
    assert both["before"]["valid"] and both["after"]["valid"]
    assert len(both["before"]["subjects"]) >= len(EXAMPLES)
    iris = [s["iri"] for s in both["before"]["subjects"]]
    assert len(iris) == len(set(iris))


@pytest.mark.parametrize("path", EXAMPLES, ids=[p.name for p in EXAMPLES])
def test_example_in_dpv_terms_same_assessment(path: Path, both: dict[str, Any]) -> None:
    original: InputDocument = both["originals"][path]
    rewritten, changed = both["rewritten"][path]
    assert changed > 0, "every example has at least its subject's type in DPV/AIRO terms"
    assert not any(is_external(q.predicate.value) for q in rewritten.quads)
    assert not any(
        isinstance(q.object, NamedNode) and is_external(q.object.value) for q in rewritten.quads
    )
    notes = [f for _, f in rewritten.mapping_findings if f.severity == "info"]
    assert len(notes) == changed, "one note per mapped statement"
    assert not rewritten.declared
    subjects = {q.subject.value for q in original.quads}
    before = {k: v for k, v in _summary(both["before"]).items() if k in subjects}
    after = {k: v for k, v in _summary(both["after"]).items() if k in subjects}
    assert before, f"{path.name}: no assessed subject"
    assert after == before
