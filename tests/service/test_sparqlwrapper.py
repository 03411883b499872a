"""A standard client, SPARQLWrapper, on the service: SELECT, ASK and CONSTRUCT, by GET and POST."""

from __future__ import annotations

from xml.dom.minidom import Document

import pytest
from pyoxigraph import RdfFormat, parse
from SPARQLWrapper import GET, JSON, POST, TURTLE, XML, SPARQLWrapper

from aiact_kg.store.oxigraph_store import OxigraphStore
from tests.service.conftest import Server

PREFIX = "PREFIX aiap: <https://w3id.org/aiact-kg/reg/2024/1689/>\n"
PART_OF = "<http://data.europa.eu/eli/ontology#is_part_of>"
SELECT = PREFIX + f"SELECT ?child WHERE {{ ?child {PART_OF} aiap:art_6 }} ORDER BY ?child"
CONSTRUCT = PREFIX + "CONSTRUCT { aiap:art_6.par_3 ?p ?o } WHERE { aiap:art_6.par_3 ?p ?o }"


def _wrapper(server: Server, method: str) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(server.sparql)
    wrapper.setMethod(method)
    wrapper.setTimeout(120)
    return wrapper


@pytest.mark.parametrize("method", [GET, POST])
def test_select_through_sparqlwrapper(server: Server, kb: OxigraphStore, method: str) -> None:
    wrapper = _wrapper(server, method)
    wrapper.setQuery(SELECT)
    wrapper.setReturnFormat(JSON)
    document = wrapper.queryAndConvert()
    assert isinstance(document, dict)
    found = [b["child"]["value"] for b in document["results"]["bindings"]]
    expected = [
        str(row[0].value)  # type: ignore[union-attr]
        for row in kb.select(
            SELECT.replace("WHERE {", "WHERE { GRAPH ?g {").replace("} ORDER", "} } ORDER")
        ).rows
    ]
    assert found
    assert found == expected


def test_ask_through_sparqlwrapper_as_xml(server: Server) -> None:
    wrapper = _wrapper(server, GET)
    wrapper.setQuery(PREFIX + "ASK { aiap:art_6.par_3 ?p ?o }")
    wrapper.setReturnFormat(XML)
    document = wrapper.queryAndConvert()
    assert isinstance(document, Document)
    assert [node.toxml() for node in document.getElementsByTagName("boolean")] == [
        "<boolean>true</boolean>"
    ]


@pytest.mark.parametrize("method", [GET, POST])
def test_construct_through_sparqlwrapper(server: Server, kb: OxigraphStore, method: str) -> None:
    wrapper = _wrapper(server, method)
    wrapper.setQuery(CONSTRUCT)
    wrapper.setReturnFormat(TURTLE)
    data = wrapper.query().response.read()
    found = {str(quad.triple) for quad in parse(data, RdfFormat.TURTLE)}
    expected = {
        str(quad.triple)
        for quad in parse(kb.export(RdfFormat.N_TRIPLES, None), RdfFormat.N_TRIPLES)
        if quad.subject.value == "https://w3id.org/aiact-kg/reg/2024/1689/art_6.par_3"
    }
    assert found
    assert found == expected
