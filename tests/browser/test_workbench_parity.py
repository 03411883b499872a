"""Every catalogue question gives the same rows in the workbench, through SPARQLWrapper and
through a plain HTTP client (as ``curl -G --data-urlencode query@FILE`` sends it).

One service on a registry (the example submissions assessed) answers all three. The workbench
runs each question through its own code path (YASGUI's request and YASR's parsing, the rows the
table shows); SPARQLWrapper and the plain client read the ``.rq`` file as shipped, without the
PREFIX lines the catalogue adds for the editor, and the plain client asks for XML results, so
the comparison also crosses result formats.
"""

from __future__ import annotations

from collections.abc import Mapping
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from xml.etree import ElementTree

import httpx
import pytest
from playwright.sync_api import Page
from SPARQLWrapper import GET, JSON, SPARQLWrapper

from tests.browser.conftest import open_workbench, page_errors
from tests.conftest import REPO_ROOT
from tests.service.conftest import Server

pytestmark = pytest.mark.slow  # 26 questions, three ways (about 30 s)

Row = tuple[tuple[str, ...], ...]
Answer = tuple[list[str], list[Row]]
RESULTS = "{http://www.w3.org/2005/sparql-results#}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CATALOGUE = {
    path.stem: path.read_text(encoding="utf-8")
    for path in sorted((REPO_ROOT / "queries" / "cq").glob("*.rq"))
}


def json_term(term: Mapping[str, str] | None) -> tuple[str, ...]:
    """A term of the SPARQL JSON results (blank node labels are not compared)."""
    if term is None:
        return ("unbound",)
    if term["type"] == "bnode":
        return ("bnode",)
    if term["type"] == "uri":
        return ("uri", term["value"])
    return ("literal", term["value"], term.get("datatype", ""), term.get("xml:lang", ""))


def json_answer(document: Mapping[str, Any]) -> Answer:
    variables = list(document["head"]["vars"])
    rows = [
        tuple(json_term(binding.get(name)) for name in variables)
        for binding in document["results"]["bindings"]
    ]
    return variables, sorted(rows)


def xml_term(binding: ElementTree.Element | None) -> tuple[str, ...]:
    if binding is None:
        return ("unbound",)
    (term,) = list(binding)
    kind = term.tag.removeprefix(RESULTS)
    if kind == "bnode":
        return ("bnode",)
    if kind == "uri":
        return ("uri", term.text or "")
    return ("literal", term.text or "", term.get("datatype", ""), term.get(XML_LANG, ""))


def xml_answer(data: bytes) -> Answer:
    root = ElementTree.fromstring(data)
    variables = [v.get("name", "") for v in root.iter(RESULTS + "variable")]
    rows = []
    for result in root.iter(RESULTS + "result"):
        bound = {b.get("name"): b for b in result.findall(RESULTS + "binding")}
        rows.append(tuple(xml_term(bound.get(name)) for name in variables))
    return variables, sorted(rows)


def through_sparqlwrapper(endpoint: str) -> dict[str, Answer]:
    answers = {}
    for name, text in CATALOGUE.items():
        wrapper = SPARQLWrapper(endpoint)
        wrapper.setMethod(GET)
        wrapper.setTimeout(120)
        wrapper.setReturnFormat(JSON)
        wrapper.setQuery(text)
        document = wrapper.queryAndConvert()
        assert isinstance(document, dict)
        answers[name] = json_answer(document)
    return answers


def through_plain_http(endpoint: str) -> dict[str, Answer]:
    answers = {}
    with httpx.Client(timeout=120) as client:
        for name, text in CATALOGUE.items():
            response = client.get(
                endpoint,
                params={"query": text},
                headers={"Accept": "application/sparql-results+xml"},
            )
            assert response.status_code == 200, (name, response.text)
            answers[name] = xml_answer(response.content)
    return answers


def through_the_workbench(page: Page, server: Server) -> dict[str, Answer]:
    """Each question picked and run by the page's own code, as the analyst's ▶ runs it."""
    open_workbench(page, server)
    shown = page.evaluate(
        """async (names) => {
             const answers = {};
             for (const name of names) answers[name] = await window.workbench.ask(name);
             return answers;
           }""",
        list(CATALOGUE),
    )
    return {
        name: json_answer(
            {"head": {"vars": got["variables"]}, "results": {"bindings": got["bindings"]}}
        )
        for name, got in shown.items()
    }


def test_every_catalogue_question_answers_alike_in_the_workbench_sparqlwrapper_and_curl(
    page: Page, registry_server: Server
) -> None:
    assert len(CATALOGUE) >= 25
    with ThreadPoolExecutor(2) as pool:
        wrapped = pool.submit(through_sparqlwrapper, registry_server.sparql)
        plain = pool.submit(through_plain_http, registry_server.sparql)
        shown = through_the_workbench(page, registry_server)
        by_wrapper, by_plain = wrapped.result(), plain.result()
    assert page_errors(page) == []
    assert list(shown) == list(CATALOGUE)
    for name in CATALOGUE:
        variables, rows = shown[name]
        assert rows, f"{name} finds nothing on the registry: the comparison would be empty"
        assert by_wrapper[name] == (variables, rows), f"{name}: SPARQLWrapper differs"
        assert by_plain[name] == (variables, rows), f"{name}: the plain HTTP client differs"
