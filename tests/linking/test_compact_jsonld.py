"""Compact JSON-LD (issue 12 point 5): the whole-ontology context and the compacted export."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest
from pyoxigraph import BlankNode, DefaultGraph, NamedNode, Quad, RdfFormat, Store, parse

from aiact_kg.render.jsonld import compact_expanded, full_context
from aiact_kg.resources import FULL_CONTEXT_IRI, full_jsonld_context_file, jsonld_context_file
from aiact_kg.store.oxigraph_store import OxigraphStore

REPO_ROOT = Path(__file__).resolve().parents[2]
OUR_NAMESPACES = (
    "https://w3id.org/aiact-kg/",
    "https://w3id.org/dpv",
    "http://data.europa.eu/eli/",
)


def _script() -> ModuleType:
    path = REPO_ROOT / "scripts" / "generate_jsonld_context.py"
    spec = importlib.util.spec_from_file_location("generate_jsonld_context", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_committed_context_is_current() -> None:
    script = _script()
    document, _ = script.build_context()
    committed = full_jsonld_context_file().read_text(encoding="utf-8")
    assert committed == script.render(document), "run scripts/generate_jsonld_context.py"
    assert script.main(["--check"]) == 0


def test_every_term_expands_to_an_iri_the_ontology_declares() -> None:
    script = _script()
    ontology = Store()
    for path in script.ontology_files():
        ontology.load(path=str(path), format=RdfFormat.TURTLE)
    context = full_context()
    prefixes = script.prefixes()
    terms = {name: value for name, value in context.items() if name not in prefixes}
    declared = 0
    for name, value in terms.items():
        if name.startswith("@") or (isinstance(value, str) and value.startswith("@")):
            continue
        curie = value["@id"] if isinstance(value, dict) else value
        prefix, _, local = curie.partition(":")
        iri = NamedNode(prefixes[prefix] + local)
        assert next(ontology.quads_for_pattern(iri, None, None, None), None), f"{name}: {iri}"
        declared += 1
    assert declared > 300
    # object properties are coerced to IRIs, and the submission context's terms are all kept
    assert context["hasProvider"] == {"@id": "aia:hasProvider", "@type": "@id"}
    submission = json.loads(jsonld_context_file().read_text(encoding="utf-8"))
    missing = [
        name
        for name, value in submission["@context"].items()
        if isinstance(value, str) and value.startswith("aia:") and name not in context
    ]
    assert missing == []


def _quads(data: bytes) -> set[Quad]:
    return set(parse(data, format=RdfFormat.JSON_LD))


def _split(quads: set[Quad]) -> tuple[set[Quad], int]:
    """Quads without blank nodes, and how many have one (blank node labels may differ)."""
    plain = {
        q
        for q in quads
        if not any(isinstance(t, BlankNode) for t in (q.subject, q.object, q.graph_name))
    }
    return plain, len(quads) - len(plain)


@pytest.fixture(scope="module")
def expanded(kb: OxigraphStore) -> bytes:
    return kb.export(RdfFormat.JSON_LD)


@pytest.fixture(scope="module")
def original(kb: OxigraphStore) -> tuple[set[Quad], int]:
    quads = set(parse(kb.export(RdfFormat.N_QUADS), format=RdfFormat.N_QUADS))
    assert len(quads) > 10_000
    return _split(quads)


def test_knowledge_base_round_trips_through_compact_jsonld(
    expanded: bytes, original: tuple[set[Quad], int]
) -> None:
    compacted = compact_expanded(expanded)
    document = json.loads(compacted)
    assert isinstance(document["@context"], dict)
    # compacted: our IRIs never appear in full as keys of node objects
    keys: set[str] = set()
    _collect_keys(document["graph"], keys)
    for namespace in OUR_NAMESPACES:
        assert not [key for key in keys if key.startswith(namespace)], namespace
    assert {"id", "type", "graph", "text", "aia:sourceProvision"} <= keys
    assert len(compacted) < len(expanded) * 0.75
    back = _quads(compacted)
    assert _split(back) == original
    names = {str(quad.graph_name) for quad in back}
    assert "<https://w3id.org/aiact-kg/graph/legal-text>" in names


def _collect_keys(value: object, keys: set[str]) -> None:
    if isinstance(value, dict):
        keys.update(value)
        for child in value.values():
            _collect_keys(child, keys)
    elif isinstance(value, list):
        for child in value:
            _collect_keys(child, keys)


def _offline_loader(document: object) -> object:
    """Resolve our context IRI to the shipped file; refuse any other remote context."""
    if isinstance(document, dict) and "@context" in document:
        value = document["@context"]
        assert value == FULL_CONTEXT_IRI, f"unexpected remote context {value!r}"
        return {**document, "@context": full_context()}
    return document


def test_referenced_context_round_trips_with_an_offline_loader(
    expanded: bytes, original: tuple[set[Quad], int]
) -> None:
    referenced = json.loads(compact_expanded(expanded, embed=False))
    assert referenced["@context"] == FULL_CONTEXT_IRI
    resolved = json.dumps(_offline_loader(referenced)).encode()
    assert _split(_quads(resolved)) == original


GRAPH_QUERIES = {
    "construct": "CONSTRUCT { ?p ?q ?o } WHERE { ?p eli:is_part_of aiap:art_6 ; ?q ?o }",
    "describe": "DESCRIBE aiap:art_6 aiao:art-11-1-technical-documentation",
}


def _query(kb_path: Path, capsys: pytest.CaptureFixture[str], text: str, format_name: str) -> bytes:
    from aiact_kg.cli import main

    path = kb_path.parent / "compact-query.rq"
    path.write_text(text, encoding="utf-8")
    assert main(["--store", str(kb_path), "query", str(path), "--format", format_name]) == 0
    return capsys.readouterr().out.encode("utf-8")


@pytest.mark.parametrize("form", sorted(GRAPH_QUERIES))
def test_query_writes_construct_and_describe_as_compacted_jsonld(
    kb_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    text = GRAPH_QUERIES[form]
    compacted = _query(kb_path, capsys, text, "jsonld")
    document = json.loads(compacted)
    assert document["@context"] == full_context()
    keys: set[str] = set()
    _collect_keys(document["graph"], keys)
    assert {"id", "type"} <= keys
    assert not [key for key in keys if key.startswith(OUR_NAMESPACES)]
    expected = set(parse(_query(kb_path, capsys, text, "ntriples"), format=RdfFormat.N_TRIPLES))
    assert len(expected) > 20
    back = _quads(compacted)
    assert {q.triple for q in back} == {q.triple for q in expected}  # no blank nodes here
    assert all(isinstance(q.graph_name, DefaultGraph) for q in back)
