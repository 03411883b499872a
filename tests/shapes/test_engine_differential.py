"""The shapes compiled to SPARQL (store engine) find exactly what pyshacl finds (reference).

Compared on every shape fixture, every example submission, the facts of every legal case
(tests/cases), a generated corpus with injected faults (missing, duplicate, ill-typed and
wrong-valued facts, and valid numbers the store cannot hold) and a small shapes graph that uses
the SHACL features the shipped shapes do not (other targets and paths, ``sh:xone``, ``sh:not``,
``sh:sparql``, ``sh:deactivated`` ...). Each result is compared by focus node, path, value,
severity, source shape and message; nodes by their RDF term, never by a display label. The
findings the validator reports (with provisions) and the W3C report's verdict must agree too.
"""

from __future__ import annotations

import warnings
from collections import Counter
from pathlib import Path

import pytest
import yaml
from rdflib import Graph
from rdflib.namespace import RDF, SH

from aiact_kg.submission.batch import read_all
from aiact_kg.submission.reading import InputDocument, read_rdf_bytes
from aiact_kg.submission.shacl_sparql import compile_shapes, run_compiled
from aiact_kg.submission.shacl_sparql.loading import FromStore, new_store, store_quad, to_rdflib
from aiact_kg.submission.shacl_sparql.reference import pyshacl_results
from aiact_kg.submission.shacl_sparql.results import ShapeResult
from aiact_kg.submission.validation import SubmissionValidator, ValidationReport
from benchmarks.generate import FAULTS, write_faulty_files
from tests.cases.conftest import PREFIXES as CASE_PREFIXES

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "shapes" / "submission"
EXAMPLES = ROOT / "examples" / "submissions"
CASES = ROOT / "tests" / "cases"

Keys = Counter[tuple[str, str, str, str, str, tuple[str, ...]]]


@pytest.fixture(scope="module")
def engines() -> tuple[SubmissionValidator, SubmissionValidator]:
    return SubmissionValidator("pyshacl"), SubmissionValidator("store")


def _submission(documents: list[InputDocument]) -> Graph:
    """The submission as the validator reads it (to key blank nodes by their statements)."""
    graph = Graph()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for index, document in enumerate(documents):
            for quad in document.quads:
                graph.add(tuple(to_rdflib(t, index) for t in quad.triple))  # type: ignore[arg-type]
    return graph


def _case_documents() -> list[InputDocument]:
    """The facts of every legal case (tests/cases/**/*.yaml), one document each."""
    documents = []
    for path in sorted(CASES.rglob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(case, dict) and isinstance(case.get("facts"), str):
            name = str(path.relative_to(CASES))
            documents.append(read_rdf_bytes((CASE_PREFIXES + case["facts"]).encode(), name=name))
    return documents


def _findings(report: ValidationReport) -> list[tuple[str, str, str | None, object]]:
    return [(s.file, s.iri, s.kind, s.findings) for s in report.subjects]


def _assert_same(
    engines: tuple[SubmissionValidator, SubmissionValidator],
    inputs: list[str],
    documents: list[InputDocument] | None = None,
) -> Keys:
    reference, store = engines
    if documents is None:
        documents, errors = read_all(inputs, progress=False)
        assert not errors
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        by_reference, by_store = reference.validate(documents), store.validate(documents)
    data = _submission(documents)
    expected, found = (
        Counter(result.key(data, engine.shapes) for result in report.shape_results)
        for engine, report in ((reference, by_reference), (store, by_store))
    )
    assert expected - found == Counter(), "results only pyshacl finds"
    assert found - expected == Counter(), "results only the store finds"
    assert _findings(by_store) == _findings(by_reference)
    assert by_store.conforms == by_reference.conforms
    results = [
        len(set(report.results_graph.subjects(RDF.type, SH.ValidationResult)))
        for report in (by_reference, by_store)
    ]
    assert results[1] >= sum(expected.values()), results
    return expected


def test_every_shape_fixture(engines: tuple[SubmissionValidator, SubmissionValidator]) -> None:
    results = _assert_same(engines, [str(FIXTURES)])
    shapes = {key[4] for key in results}
    assert len(results) > 100
    assert len(shapes) > 60


def test_every_example(engines: tuple[SubmissionValidator, SubmissionValidator]) -> None:
    results = _assert_same(engines, [str(EXAMPLES)])
    assert sum(results.values()) > 0


def test_every_legal_case(engines: tuple[SubmissionValidator, SubmissionValidator]) -> None:
    documents = _case_documents()
    assert len(documents) > 200
    results = _assert_same(engines, [], documents)
    assert sum(results.values()) > 100


def test_generated_corpus_with_injected_faults(
    engines: tuple[SubmissionValidator, SubmissionValidator], tmp_path: Path
) -> None:
    injected = write_faulty_files(tmp_path, 300, 200)
    assert all(injected[name] for name in FAULTS), "every kind of fault is injected"
    results = _assert_same(engines, [str(tmp_path)])
    assert sum(results.values()) > 400


# ---------------------------------------------------------------- features the shapes do not use

EXTRA_SHAPES = """
@prefix ex: <https://example.org/shapes#> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex: sh:declare [ sh:prefix "ex" ; sh:namespace "https://example.org/shapes#"^^xsd:anyURI ] .
ex:Thing a sh:NodeShape , rdfs:Class ;
    sh:property [ sh:path ex:name ; sh:minLength 3 ; sh:maxLength 8 ;
                  sh:message "name length"@en ] ;
    sh:property [ sh:path ex:label ; sh:languageIn ( "en" "de" ) ; sh:message "label lang"@en ] .
ex:Nodes a sh:NodeShape ; sh:targetNode ex:a , ex:missing ;
    sh:property [ sh:path ( ex:p ex:q ) ; sh:minCount 1 ; sh:message "sequence"@en ] ;
    sh:property [ sh:path [ sh:inversePath ex:p ] ; sh:maxCount 0 ; sh:message "inverse"@en ] .
ex:Chain a sh:NodeShape ; sh:targetSubjectsOf ex:p ;
    sh:property [ sh:path [ sh:oneOrMorePath ex:p ] ; sh:nodeKind sh:IRI ;
                  sh:message "chain"@en ; sh:severity sh:Warning ] ;
    sh:property [ sh:path ex:p ; sh:deactivated true ; sh:minCount 5 ] ;
    sh:property [ sh:path ex:p ;
                  sh:property [ sh:path ex:q ; sh:minCount 1 ; sh:message "nested"@en ] ] .
ex:Objects a sh:NodeShape ; sh:targetObjectsOf ex:q ;
    sh:xone ( [ sh:datatype xsd:integer ] [ sh:minInclusive 10 ] ) ;
    sh:message "xone"@en ; sh:severity sh:Info .
ex:Negated a sh:NodeShape ; sh:targetSubjectsOf ex:r ;
    sh:not [ sh:path ex:r ; sh:hasValue ex:bad ] ; sh:message "not"@en ;
    sh:property [ sh:path ex:r ; sh:qualifiedValueShape [ sh:class ex:Good ] ;
                  sh:qualifiedMaxCount 1 ; sh:message "qualified max"@en ] ;
    sh:property [ sh:path ex:r ; sh:hasValue ex:needed ; sh:message "has value"@en ] .
ex:Off a sh:NodeShape ; sh:targetSubjectsOf ex:r ; sh:deactivated true ;
    sh:property [ sh:path ex:r ; sh:minCount 9 ] .
ex:Sparql a sh:NodeShape ; sh:targetSubjectsOf ex:name ;
    sh:sparql [ sh:prefixes ex: ; sh:message "same name as {?other}"@en ;
                sh:select '''SELECT $this ?value ?other WHERE {
                    $this ex:name ?value . ?other ex:name ?value . FILTER(?other != $this) }''' ] .
ex:Targeted a sh:NodeShape ;
    sh:target [ a sh:SPARQLTarget ; sh:prefixes ex: ;
                sh:select "SELECT ?this WHERE { ?this ex:r ex:bad }" ] ;
    sh:hasValue ex:other ; sh:message "node has value"@en .
"""

EXTRA_DATA = """
@prefix ex: <https://example.org/shapes#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:Sub rdfs:subClassOf ex:Thing .
ex:a a ex:Sub ; ex:name "ab" , "abcdefghij" , "fine" ; ex:label "x"@fr , "y"@en ; ex:p ex:b , _:n .
ex:b ex:p ex:c ; ex:q 5 , 12 , 20.5 , "text" ; ex:name "fine" .
_:n ex:q ex:a .
ex:c ex:r ex:bad , ex:needed ; ex:r ex:g1 , ex:g2 .
ex:g1 a ex:Good . ex:g2 a ex:Good .
ex:d ex:r ex:g1 .
ex:e ex:p ex:a .
"""


def _extra(engine: str) -> Keys:
    shapes = Graph().parse(data=EXTRA_SHAPES, format="turtle")
    data = Graph().parse(data=EXTRA_DATA, format="turtle")
    if engine == "pyshacl":
        copy = Graph()
        copy += data
        found, _ = pyshacl_results(copy, shapes)
    else:
        to_node = FromStore()
        quads = [store_quad(t) for t in data]
        for triple, quad in zip(data, quads, strict=True):
            to_node.remember(triple[2], quad.object)
        found = run_compiled(compile_shapes(shapes), new_store(quads), to_node)
    return Counter(_keyed(r, data, shapes) for r in found)


def _keyed(
    result: ShapeResult, data: Graph, shapes: Graph
) -> tuple[str, str, str, str, str, tuple[str, ...]]:
    return result.key(data, shapes)


def test_features_the_shipped_shapes_do_not_use() -> None:
    expected, found = _extra("pyshacl"), _extra("store")
    assert expected - found == Counter(), "results only pyshacl finds"
    assert found - expected == Counter(), "results only the store finds"
    messages = {message for key in expected for message in key[5]}
    assert len(messages) >= 10, messages
