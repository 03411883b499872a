"""The service's JSON-LD is compacted with the whole-ontology context, which it also serves."""

from __future__ import annotations

import json

import httpx
from pyoxigraph import RdfFormat, parse

from aiact_kg.namespaces import GRAPH
from aiact_kg.render.jsonld import full_context
from aiact_kg.resources import full_jsonld_context_file, jsonld_context_file
from aiact_kg.store.oxigraph_store import OxigraphStore


def test_the_contexts_are_served_at_their_w3id_paths(client: httpx.Client) -> None:
    for path, file in (
        ("/context/full.jsonld", full_jsonld_context_file()),
        ("/context.jsonld", jsonld_context_file()),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("application/ld+json")
        assert response.content == file.read_bytes()


def test_resource_and_graph_answers_are_compacted(client: httpx.Client, kb: OxigraphStore) -> None:
    resource = client.get("/concept/role-provider", headers={"Accept": "application/ld+json"})
    assert resource.status_code == 200
    document = json.loads(resource.content)
    assert document["@context"] == full_context()
    [node] = [node for node in document["graph"] if node["id"] == "aiac:role-provider"]
    assert "skos:prefLabel" in node
    graph = client.get(
        "/graph", params={"graph": GRAPH + "law"}, headers={"Accept": "application/ld+json"}
    )
    assert graph.status_code == 200
    compacted = json.loads(graph.content)
    text = json.dumps(compacted["graph"])
    assert "https://w3id.org/aiact-kg/ontology#" not in text
    assert '"type": "EventTrigger"' in text
    expected = set(kb.export(RdfFormat.N_TRIPLES, GRAPH + "law").decode().splitlines())
    got = {str(q.triple) + " ." for q in parse(graph.content, format=RdfFormat.JSON_LD)}
    assert len({t for t in expected if "_:" not in t}) > 10
    assert {t for t in got if "_:" not in t} == {t for t in expected if "_:" not in t}


def test_sparql_construct_answers_are_compacted(client: httpx.Client) -> None:
    query = "CONSTRUCT { ?p ?q ?o } WHERE { ?p eli:is_part_of aiap:art_6 ; ?q ?o }"

    def ask(accept: str) -> httpx.Response:
        answer = client.post("/sparql", data={"query": query}, headers={"Accept": accept})
        assert answer.status_code == 200, answer.text
        return answer

    compacted = ask("application/ld+json")
    assert compacted.headers["content-type"].startswith("application/ld+json")
    document = json.loads(compacted.content)
    assert document["@context"] == full_context()
    text = json.dumps(document["graph"])
    assert '"id": "aiap:art_6.par_2"' in text
    assert "https://w3id.org/aiact-kg/" not in text
    expected = set(parse(ask("application/n-triples").content, format=RdfFormat.N_TRIPLES))
    assert len(expected) > 20
    assert {q.triple for q in parse(compacted.content, format=RdfFormat.JSON_LD)} == {
        q.triple for q in expected
    }
