"""Subjects and dereferenceable IRIs on the real service: JSON, HTML, Turtle, JSON-LD, errors."""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import quote

import httpx
import pytest
from lxml import html as lxml_html
from pyoxigraph import BlankNode, Literal, NamedNode, Quad, RdfFormat, Triple, parse

from aiact_kg.assessment import assess_inputs
from aiact_kg.namespaces import (
    BASE,
    CONCEPT,
    DRAFT,
    DUTY_REVIEW,
    GRAPH,
    OBLIGATION,
    ONTOLOGY,
    PROVISION,
    REGISTRY,
    RULE,
)
from aiact_kg.reasoning.rules import load_rules
from aiact_kg.service.describe import MAX_STATEMENTS, describe
from aiact_kg.store.oxigraph_store import OxigraphStore
from tests.registry.conftest import EXAMPLES, OPTIONS
from tests.service.conftest import Server
from tests.service.registry_server import (  # noqa: F401 (fixtures)
    CV_RANKER,
    HOSTILE,
    HOSTILE_LABEL,
    registry_server,
    registry_store,
)

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
ELI = "http://data.europa.eu/eli/ontology#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
ART_6_2 = PROVISION + "art_6.par_2"


def aia(name: str) -> NamedNode:
    return NamedNode(ONTOLOGY + name)


@pytest.fixture(scope="module")
def web(registry_server: Server) -> Iterator[httpx.Client]:  # noqa: F811
    with registry_server.client() as session:
        yield session


@pytest.fixture(scope="module")
def cv_ranker(web: httpx.Client) -> dict[str, object]:
    response = web.get(f"/subjects/{quote(CV_RANKER, safe='')}")
    assert response.status_code == 200, response.text
    data: dict[str, object] = response.json()
    return data


def _turtle(web: httpx.Client, path: str, accept: str = "text/turtle") -> set[Triple]:
    response = web.get(path, headers={"Accept": accept})
    assert response.status_code == 200, response.text
    media = {
        "text/turtle": RdfFormat.TURTLE,
        "application/ld+json": RdfFormat.JSON_LD,
        "application/n-triples": RdfFormat.N_TRIPLES,
    }[accept]
    assert response.headers["content-type"].startswith(accept)
    return {quad.triple for quad in parse(response.content, format=media)}


def _page(web: httpx.Client, path: str) -> lxml_html.HtmlElement:
    response = web.get(path, headers={"Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return lxml_html.fromstring(response.text)


def _stored(kb: OxigraphStore, iri: str, prop: str) -> str:
    """The value of ``aia:<prop>`` of ``iri`` in the knowledge base."""
    quad = next(kb.raw.quads_for_pattern(NamedNode(iri), aia(prop), None, None))
    assert isinstance(quad.object, Literal)
    return quad.object.value


# --- subjects ---------------------------------------------------------------------------


def test_a_subject_has_the_shape_assess_gives_it(cv_ranker: dict[str, object]) -> None:
    alone = assess_inputs([str(EXAMPLES / "recruitment-cv-screening.ttl")], OPTIONS)
    assert alone.store is not None
    alone.store.close()
    (expected,) = [s for s in alone.data["subjects"] if s["iri"] == CV_RANKER]
    shown = {key: cv_ranker[key] for key in expected}
    assert shown == expected
    assert cv_ranker["categories"] == ["high-risk"]
    assert cv_ranker["as_of"] == "2026-11-01"
    assert cv_ranker["law"] == alone.data["law"]
    submission = cv_ranker["submission"]
    assert isinstance(submission, dict)
    assert submission["name"] == "recruitment-cv-screening"
    assert submission["assessment_graph"] == REGISTRY + "recruitment-cv-screening/assessment"


def test_the_explanation_chain_reaches_the_provision_text(
    cv_ranker: dict[str, object], kb: OxigraphStore
) -> None:
    explanation = cv_ranker["explanation"]
    assert isinstance(explanation, dict)
    steps = explanation["determinations"]
    (high_risk,) = [step for step in steps if step["conclusion"] == "high-risk"]
    assert high_risk["rule"]["iri"].startswith(RULE)
    assert high_risk["rule"]["label"]
    assert any(p.get("subject") == CV_RANKER for p in high_risk["premises"])
    provisions = {p["iri"]: p for p in high_risk["provisions"]}
    assert provisions[ART_6_2]["text"] == _stored(kb, ART_6_2, "text")
    assert provisions[ART_6_2]["citation"] == "Art 6(2)"
    assert provisions[ART_6_2]["eur_lex"] == _stored(kb, ART_6_2, "eurLexLink")
    obligations = explanation["obligations"]
    assert len(obligations) == len(cv_ranker["obligations"])  # type: ignore[arg-type]
    imposed = [o["imposed_by"] for o in obligations if o["imposed_by"]]
    assert imposed
    assert all(item["text"] and item["iri"].startswith(PROVISION) for item in imposed)


def test_a_subject_by_parameter_is_the_same(web: httpx.Client, cv_ranker: object) -> None:
    response = web.get("/subjects", params={"iri": CV_RANKER})
    assert response.status_code == 200
    assert response.json() == cv_ranker


def test_an_unknown_subject_is_404_with_a_clear_error(web: httpx.Client) -> None:
    unknown = "https://example.org/nobody/system"
    for response in (
        web.get(f"/subjects/{quote(unknown, safe='')}"),
        web.get("/subjects", params={"iri": unknown}),
        web.get("/subjects", params={"iri": CV_RANKER, "submission": "no-such-name"}),
    ):
        assert response.status_code == 404
        body = response.json()
        assert body["error"] == "no-such-subject"
        assert "example.org/" in body["message"]


def test_a_subject_page_shows_categories_obligations_and_the_chain(
    web: httpx.Client, cv_ranker: dict[str, object]
) -> None:
    page = _page(web, f"/subjects/{quote(CV_RANKER, safe='')}")
    assert page.findtext(".//h1") == "TalentSift CV Ranker"
    assert "high-risk" in page.get_element_by_id("categories").text_content()
    rows = page.xpath('//table[@id="obligations"]/tbody/tr')
    assert len(rows) == len(cv_ranker["obligations"])  # type: ignore[arg-type]
    steps = page.xpath('//ol[@id="explanation"]/li')
    assert len(steps) == len(cv_ranker["determinations"])  # type: ignore[arg-type]
    links = {a.get("href") for a in page.xpath('//a[@class="provision-link"]')}
    assert f"/resource?iri={quote(ART_6_2, safe='')}" in links
    text = page.text_content()
    assert "In addition to the high-risk AI systems referred to in paragraph 1" in text


def test_a_subject_is_json_or_html_only(web: httpx.Client) -> None:
    response = web.get(f"/subjects/{quote(CV_RANKER, safe='')}", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "application/json" in response.json()["message"]


def test_text_from_a_submission_is_escaped_on_every_page(web: httpx.Client) -> None:
    for path in (f"/subjects/{quote(HOSTILE, safe='')}", f"/resource?iri={quote(HOSTILE)}"):
        response = web.get(path, headers={"Accept": "text/html"})
        assert response.status_code == 200, response.text
        assert "<script>" not in response.text
        assert "&lt;script&gt;" in response.text
        page = lxml_html.fromstring(response.text)
        assert not page.xpath("//script | //main//b")
        assert page.findtext(".//h1") == HOSTILE_LABEL


# --- dereferenceable IRIs ---------------------------------------------------------------


def _first_subject(kb: OxigraphStore, graph: str, namespace: str) -> str:
    for quad in kb.raw.quads_for_pattern(None, RDF_TYPE, None, NamedNode(GRAPH + graph)):
        if isinstance(quad.subject, NamedNode) and quad.subject.value.startswith(namespace):
            return quad.subject.value
    raise AssertionError(f"no {namespace} resource in {graph}")


def _cases(kb: OxigraphStore, cv_ranker: dict[str, object]) -> dict[str, tuple[str, set[Triple]]]:
    """For each kind of IRI: the IRI and triples its description must hold."""
    rule = next(r for r in load_rules() if r.name == "minimal-risk")
    submission = cv_ranker["submission"]
    assert isinstance(submission, dict)
    run = submission["run"]
    explanation = cv_ranker["explanation"]
    assert isinstance(explanation, dict)
    determination = explanation["determinations"][0]["iri"]
    review = _first_subject(kb, "duty-sweep", DUTY_REVIEW)
    draft = _first_subject(kb, "draft-history", DRAFT)

    def node(iri: str) -> NamedNode:
        return NamedNode(iri)

    provider = node(CONCEPT + "role-provider")
    literacy = node(OBLIGATION + "art-4-ai-literacy-providers")
    entry = node(REGISTRY + "recruitment-cv-screening")
    return {
        "provision": (
            ART_6_2,
            {
                Triple(node(ART_6_2), aia("citation"), Literal("Art 6(2)")),
                Triple(node(ART_6_2), NamedNode(ELI + "is_part_of"), node(PROVISION + "art_6")),
            },
        ),
        "concept": (
            provider.value,
            {
                Triple(provider, RDF_TYPE, aia("RoleType")),
                Triple(provider, NamedNode(SKOS + "notation"), Literal("provider")),
            },
        ),
        "obligation": (
            literacy.value,
            {
                Triple(literacy, RDF_TYPE, aia("Obligation")),
                Triple(literacy, aia("sourceProvision"), node(PROVISION + "art_4")),
            },
        ),
        "ontology term": (
            ONTOLOGY + "AISystem",
            {Triple(aia("AISystem"), RDF_TYPE, node(OWL + "Class"))},
        ),
        "rule": (
            rule.iri,
            {Triple(node(rule.iri), RDF_TYPE, aia("Rule"))}
            | {Triple(node(rule.iri), aia("sourceProvision"), node(p)) for p in rule.provisions},
        ),
        "registry entry": (
            entry.value,
            {
                Triple(entry, RDF_TYPE, aia("RegistryEntry")),
                Triple(entry, aia("registryName"), Literal("recruitment-cv-screening")),
            },
        ),
        "assessment run": (
            run,
            {
                Triple(node(run), RDF_TYPE, aia("Assessment")),
                Triple(node(run), aia("asOf"), Literal("2026-11-01", datatype=node(XSD + "date"))),
            },
        ),
        "determination": (
            determination,
            {Triple(node(determination), aia("determinationOf"), node(CV_RANKER))},
        ),
        "duty review": (review, {Triple(node(review), RDF_TYPE, next(_types(kb, review)))}),
        "draft": (draft, {Triple(node(draft), RDF_TYPE, next(_types(kb, draft)))}),
        "subject": (CV_RANKER, {Triple(node(CV_RANKER), RDF_TYPE, aia("AISystem"))}),
    }


def _types(kb: OxigraphStore, iri: str) -> Iterator[NamedNode]:
    for quad in kb.raw.quads_for_pattern(NamedNode(iri), RDF_TYPE, None, None):
        assert isinstance(quad.object, NamedNode)
        yield quad.object


KINDS = (
    "provision",
    "concept",
    "obligation",
    "ontology term",
    "rule",
    "registry entry",
    "assessment run",
    "determination",
    "duty review",
    "draft",
    "subject",
)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_iri_answers_in_turtle_json_ld_and_html(
    web: httpx.Client, kb: OxigraphStore, cv_ranker: dict[str, object], kind: str
) -> None:
    iri, expected = _cases(kb, cv_ranker)[kind]
    by_parameter = f"/resource?iri={quote(iri, safe='')}"
    turtle = _turtle(web, by_parameter)
    assert expected <= turtle
    assert all(t.subject == NamedNode(iri) or isinstance(t.subject, BlankNode) for t in turtle)
    assert _turtle(web, by_parameter, "application/ld+json") == turtle
    assert _turtle(web, by_parameter, "application/n-triples") == turtle
    if iri.startswith(BASE) and "#" not in iri:  # our own IRIs also at their path
        assert _turtle(web, "/" + iri[len(BASE) :]) == turtle
    page = _page(web, by_parameter)
    assert page.get_element_by_id("iri").text == iri
    assert page.xpath('//table[@id="statements"]/tbody/tr')


def test_a_determination_brings_its_premises_as_blank_nodes(
    web: httpx.Client, cv_ranker: dict[str, object]
) -> None:
    explanation = cv_ranker["explanation"]
    assert isinstance(explanation, dict)
    (step,) = [s for s in explanation["determinations"] if s["conclusion"] == "high-risk"]
    turtle = _turtle(web, f"/resource?iri={quote(step['iri'], safe='')}")
    premises = {t.object for t in turtle if t.predicate == aia("premise")}
    about = {t.subject for t in turtle if t.predicate == aia("premiseSubject")}
    assert about
    assert about <= premises


def test_a_provision_page_shows_the_provision(web: httpx.Client, kb: OxigraphStore) -> None:
    page = _page(web, "/reg/2024/1689/art_6.par_2")
    assert page.get_element_by_id("provision-text").text_content() == _stored(kb, ART_6_2, "text")
    assert page.get_element_by_id("eur-lex").get("href") == _stored(kb, ART_6_2, "eurLexLink")
    section = page.get_element_by_id("provision").text_content()
    assert "Applies from: 2026-08-02" in section
    assert "Digital Omnibus" in section  # the version as amended
    assert f"/resource?iri={quote(PROVISION + 'art_6', safe='')}" in {
        a.get("href") for a in page.xpath('//section[@id="provision"]//a')
    }


def test_a_subject_s_resource_page_links_to_its_assessment(web: httpx.Client) -> None:
    page = _page(web, f"/resource?iri={quote(CV_RANKER, safe='')}")
    assert page.get_element_by_id("subject-link").get("href") == (
        f"/subjects/{quote(CV_RANKER, safe='')}"
    )


@pytest.mark.parametrize(
    ("path", "pointer"),
    [
        ("/graph/law", None),
        ("/registry/recruitment-cv-screening/assessment", "aia:assessmentGraph"),
        ("/registry/recruitment-cv-screening/submission", "aia:submissionGraph"),
    ],
)
def test_a_named_graph_says_how_big_it_is_and_where_to_read_it(
    web: httpx.Client, path: str, pointer: str | None
) -> None:
    iri = BASE + path[1:]
    page = _page(web, path)
    assert "A named graph of the store with" in page.text_content()
    assert f"/graph?graph={quote(iri, safe='')}" in {a.get("href") for a in page.iter("a")}
    if pointer is not None:  # the registry entry names it
        incoming = page.get_element_by_id("incoming").text_content()
        assert pointer in incoming
        assert REGISTRY + "recruitment-cv-screening" in incoming
    assert web.get(path, headers={"Accept": "text/turtle"}).status_code == 200


def test_the_ontology_document_is_whole_with_an_anchor_per_term(web: httpx.Client) -> None:
    document = ONTOLOGY.rstrip("#")
    turtle = _turtle(web, "/ontology")
    assert Triple(NamedNode(document), RDF_TYPE, NamedNode(OWL + "Ontology")) in turtle
    assert Triple(aia("AISystem"), RDF_TYPE, NamedNode(OWL + "Class")) in turtle
    assert _turtle(web, f"/resource?iri={quote(document, safe='')}") == turtle
    page = _page(web, "/ontology")
    assert page.get_element_by_id("AISystem") is not None


@pytest.mark.parametrize(
    "path",
    [
        "/concept/no-such-concept",
        "/reg/2024/1689/art_999",
        f"/resource?iri={quote(CONCEPT + 'no-such-concept', safe='')}",
        f"/resource?iri={quote('https://example.org/unknown', safe='')}",
        # valid IRIs made of SPARQL syntax: bound as terms, they are only IRIs nobody uses
        f"/resource?iri={quote('https://example.org/x);DROP%20ALL;(', safe='')}",
        f"/resource?iri={quote(BASE + 'rule/x?iri=1&format=turtle', safe='')}",
    ],
)
def test_iris_the_store_does_not_hold_are_404(web: httpx.Client, path: str) -> None:
    response = web.get(path, headers={"Accept": "text/turtle"})
    assert response.status_code == 404
    assert response.json()["error"] == "not-found"


def test_a_link_checker_may_ask_with_head(web: httpx.Client) -> None:
    for path in ("/reg/2024/1689/art_6.par_2", "/ontology", f"/subjects?iri={quote(CV_RANKER)}"):
        response = web.head(path, headers={"Accept": "text/html"})
        assert response.status_code == 200, path
        assert response.headers["content-type"].startswith("text/html")
        assert response.content == b""
    assert web.head("/concept/no-such-concept").status_code == 404


def test_unsupported_media_types_are_406_and_format_overrides(web: httpx.Client) -> None:
    response = web.get("/concept/role-provider", headers={"Accept": "image/png"})
    assert response.status_code == 406
    assert "text/turtle" in response.json()["message"]
    forced = web.get("/concept/role-provider?format=jsonld", headers={"Accept": "text/html"})
    assert forced.headers["content-type"].startswith("application/ld+json")
    assert web.get("/concept/role-provider?format=pdf").status_code == 400
    plain = web.get("/concept/role-provider", headers={"Accept": "*/*"})
    assert plain.headers["content-type"].startswith("text/turtle")
    assert plain.headers["vary"] == "Accept"


HOSTILE_IRIS = [
    'https://example.org/a"b',
    "https://example.org/<script>",
    "https://example.org/a>\n<https://example.org/b",
    "https://example.org/a b",
    '"} ; DROP ALL ; SELECT * { ?s ?p "',
    "not an iri",
    "",
    "https://example.org/" + "x" * 5000,
]


@pytest.mark.parametrize("iri", HOSTILE_IRIS, ids=range(len(HOSTILE_IRIS)))
def test_hostile_iris_are_a_clear_400(web: httpx.Client, iri: str) -> None:
    for path in (
        f"/resource?iri={quote(iri, safe='')}",
        f"/subjects?iri={quote(iri, safe='')}",
        f"/subjects/{quote(iri, safe='')}",
    ):
        response = web.get(path, headers={"Accept": "text/html"})
        assert response.status_code == 400, (path, response.text)
        body = response.json()
        assert body["error"] == "bad-request"
        assert "IRI" in body["message"]
        assert len(body["message"]) < 300
        assert "Traceback" not in response.text


def test_a_description_is_bounded() -> None:
    store = OxigraphStore()
    hub = NamedNode("https://example.org/hub")
    store.raw.extend(
        [
            Quad(
                hub, NamedNode(f"https://example.org/p{n}"), Literal(str(n)), NamedNode(GRAPH + "x")
            )
            for n in range(MAX_STATEMENTS + 50)
        ]
    )
    description = describe(store, hub)
    assert description.truncated
    assert len(description.statements) == MAX_STATEMENTS
    store.close()
