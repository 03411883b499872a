"""Blank nodes become stable IRIs of their own document when a submission is read."""

from __future__ import annotations

from datetime import date

from pyoxigraph import BlankNode, NamedNode

from aiact_kg.assessment import assess_documents
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.submission.reading import read_rdf_bytes
from aiact_kg.submission.skolem import SKOLEM_BASE, blank_label, document_key, is_skolem_iri

PREFIXES = (
    b"@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
    b"@prefix aiac: <https://w3id.org/aiact-kg/concept/> .\n"
    b"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    b"@prefix ex: <https://example.org/> .\n"
)


def _nodes(name: str, data: bytes) -> set[str]:
    document = read_rdf_bytes(PREFIXES + data, name=name)
    found = set()
    for quad in document.quads:
        assert not isinstance(quad.subject, BlankNode)
        assert not isinstance(quad.object, BlankNode)
        for term in (quad.subject, quad.object):
            if isinstance(term, NamedNode) and is_skolem_iri(term.value):
                found.add(term.value)
    return found


def test_labelled_and_anonymous_blank_nodes_get_stable_iris() -> None:
    data = b"ex:a ex:p _:x , [ ex:q 1 ] , [ ex:q 2 ] . _:x ex:q 3 ."
    first, second = _nodes("a.ttl", data), _nodes("a.ttl", data)
    assert first == second
    key = document_key("a.ttl")
    assert first == {f"{SKOLEM_BASE}{key}/{label}" for label in ("x", "anon-1", "anon-2")}


def test_anonymous_nodes_are_named_the_same_on_every_reading() -> None:
    """The parser's random labels vary in length (leading zeros are dropped); names must not."""
    data = b"ex:a ex:p [ ex:q 1 ] , [ ex:q 2 ] , [ ex:q 3 ] ."
    readings = {frozenset(_nodes("a.ttl", data)) for _ in range(40)}
    assert len(readings) == 1


def test_an_anonymous_node_never_takes_a_label_the_document_uses() -> None:
    nodes = _nodes("a.ttl", b"ex:a ex:p [ ex:q 1 ] , _:anon-1 . _:anon-1 ex:q 2 .")
    assert len(nodes) == 2


def test_the_same_label_in_two_files_names_two_nodes() -> None:
    data = b"ex:a ex:p _:x ."
    assert _nodes("one.ttl", data).isdisjoint(_nodes("two.ttl", data))


def test_blank_label_shows_the_node_as_written() -> None:
    assert blank_label(f"{SKOLEM_BASE}{document_key('a.ttl')}/provider") == "_:provider"
    assert blank_label("https://example.org/x") == "https://example.org/x"


PRACTICE_SYSTEM = b"""
ex:%s a aia:AISystem ; aia:hasProvider ex:acme ; aia:intendedPurpose aiac:purpose-recommendation ;
  aia:interactsWithNaturalPersons false ; aia:placedOnMarketOn "2025-06-01"^^xsd:date ;
  aia:engagesIn _:practice .
ex:acme a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME false .
"""


def test_a_practice_label_shared_by_two_files_does_not_leak_between_them() -> None:
    """One file's prohibited practice must not make the other file's system prohibited."""
    harmful = (
        PREFIXES
        + PRACTICE_SYSTEM % b"nudge"
        + (
            b"_:practice aia:practice aiac:practice-subliminal-manipulative-techniques ;"
            b" aia:materiallyDistortsBehaviour true ; aia:causesSignificantHarm true ."
        )
    )
    harmless = (
        PREFIXES
        + PRACTICE_SYSTEM % b"helper"
        + (
            b"_:practice aia:practice aiac:practice-subliminal-manipulative-techniques ;"
            b" aia:materiallyDistortsBehaviour false ; aia:causesSignificantHarm false ."
        )
    )
    documents = [
        read_rdf_bytes(harmful, name="nudge.ttl"),
        read_rdf_bytes(harmless, name="helper.ttl"),
    ]
    report = assess_documents(documents, AssessmentOptions(as_of=date(2026, 11, 22)))
    categories = {s["iri"]: s["categories"] for s in report.data["subjects"]}
    assert "prohibited" in categories["https://example.org/nudge"]
    assert "prohibited" not in categories["https://example.org/helper"]


def test_a_label_is_anonymous_exactly_when_the_text_lacks_it() -> None:
    from aiact_kg.submission.skolem import _Namer

    label = "0123456789abcdef01234567"
    texts = [
        b"",
        b"_:x <a:b> <a:c> .",
        b"_:" + label.encode() + b" <a:b> <a:c> .",
        b"# ff" + label.encode() + b"ee in a longer run\n",
        b"# " + label[:-1].encode() + b"\n",
        b"# " + label.upper().encode() + b"\n",
        b"#" + label[:12].encode() + b"-" + label[12:].encode(),
    ]
    for text in texts:
        assert _Namer("f.ttl", text).is_anonymous(label) == (label.encode() not in text)
    assert not _Namer("f.ttl", b"").is_anonymous("provider")  # not made up by the parser
    assert _Namer("f.ttl", None).is_anonymous(label)


def test_one_file_named_two_ways_gets_the_same_blank_node_iris() -> None:
    """``assess blank.ttl ./blank.ttl`` used to list its blank-node subjects twice."""
    data = b"[] a <https://w3id.org/aiact-kg/ontology#AISystem> ."
    assert (
        _nodes("blank.ttl", data) == _nodes("./blank.ttl", data) == _nodes("d/../blank.ttl", data)
    )
    assert _nodes("blank.ttl", data) != _nodes("d/blank.ttl", data)
    assert document_key("<stdin>") != document_key("stdin")
