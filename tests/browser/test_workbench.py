"""The workbench at ``/`` in a real browser: catalogue, editor, results table, downloads, assess
form, and ``/docs``, all served from 127.0.0.1 (no request leaves the machine)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

from playwright.sync_api import Page, expect

from tests.browser.conftest import open_workbench, page_errors, requests_of
from tests.conftest import REPO_ROOT
from tests.service.conftest import Server

CATALOGUE = sorted(path.stem for path in (REPO_ROOT / "queries" / "cq").glob("*.rq"))
EXAMPLE = REPO_ROOT / "examples" / "submissions" / "recruitment-cv-screening.ttl"


def hosts(urls: list[str]) -> set[str]:
    return {urlsplit(url).hostname or "" for url in urls if urlsplit(url).scheme != "blob"}


def test_the_workbench_loads_and_lists_the_catalogue(page: Page, registry_server: Server) -> None:
    seen = requests_of(page)
    console: list[str] = []  # e.g. a Content-Security-Policy violation
    page.on(
        "console", lambda message: console.append(message.text) if message.type == "error" else None
    )
    response = open_workbench(page, registry_server)
    assert "connect-src 'self'" in response.headers["content-security-policy"]
    items = page.locator("#catalogue li")
    assert items.evaluate_all("items => items.map(item => item.dataset.id)") == CATALOGUE
    expect(page.locator("#catalogue li").first).to_contain_text("which obligations")
    page.locator("#catalogue li[data-id='cq-021-subjects-by-category'] button").click()
    page.locator(".yasqe_queryButton").click()
    expect(page.locator(".yasr table.dataTable tbody tr").first).to_be_visible(timeout=30_000)
    assert page_errors(page) == []
    assert console == []
    assert hosts(seen) == {"127.0.0.1"}, seen


def test_picking_a_question_and_running_it_shows_a_table_with_iri_links(
    page: Page, registry_server: Server
) -> None:
    seen = requests_of(page)
    open_workbench(page, registry_server)
    page.locator("#catalogue li[data-id='cq-016-deployers-owing-fria'] button").click()
    expect(page.locator("#picked")).to_contain_text("fundamental")
    editor = page.evaluate("() => document.querySelector('.CodeMirror').CodeMirror.getValue()")
    question = (REPO_ROOT / "queries/cq/cq-016-deployers-owing-fria.rq").read_text().splitlines()[0]
    assert editor.startswith(question)
    assert "PREFIX aia: <https://w3id.org/aiact-kg/ontology#>" in editor
    page.locator(".yasqe_queryButton").click()
    rows = page.locator(".yasr table.dataTable tbody tr")
    expect(rows.first).to_be_visible(timeout=30_000)
    link = page.locator(".yasr table.dataTable tbody a.iri").first
    href = link.get_attribute("href")
    assert href is not None
    assert href.startswith("/resource?iri=")
    iri = parse_qs(urlsplit(href).query)["iri"][0]
    assert iri == link.get_attribute("title")
    assert iri.startswith(("https://", "http://"))
    assert page_errors(page) == []
    assert hosts(seen) == {"127.0.0.1"}, seen


def test_results_download_in_the_formats_the_endpoint_offers(
    page: Page, registry_server: Server, tmp_path: Path
) -> None:
    open_workbench(page, registry_server)
    page.locator("#catalogue li[data-id='cq-008-fine-tiers'] button").click()
    offered = page.locator("#downloads button.download").evaluate_all(
        "buttons => buttons.map(button => button.dataset.mediaType)"
    )
    assert offered == [
        "application/sparql-results+json",
        "application/sparql-results+xml",
        "text/csv",
        "text/tab-separated-values",
    ]
    variables = page.evaluate("async () => (await window.workbench.run()).variables")
    with page.expect_download() as download:
        page.locator("#downloads button[data-media-type='text/csv']").click()
    saved = tmp_path / "results.csv"
    download.value.save_as(saved)
    assert download.value.suggested_filename == "results.csv"
    lines = saved.read_text(encoding="utf-8").splitlines()
    assert lines[0].split(",") == variables
    assert len(lines) > 1
    # a CONSTRUCT query offers the graph formats instead
    page.evaluate(
        "() => document.querySelector('.CodeMirror').CodeMirror.setValue("
        "'CONSTRUCT { ?s ?p ?o } WHERE { ?s a aia:Obligation ; ?p ?o } LIMIT 5')"
    )
    expect(page.locator("#downloads button[data-media-type='text/turtle']")).to_have_count(1)
    with page.expect_download() as graph:
        page.locator("#downloads button[data-media-type='application/n-triples']").click()
    assert graph.value.suggested_filename == "results.nt"
    assert page_errors(page) == []


def test_the_assess_form_shows_categories_obligations_and_provision_text(
    page: Page, registry_server: Server
) -> None:
    seen = requests_of(page)
    open_workbench(page, registry_server)
    page.set_input_files("#assess-file", str(EXAMPLE))
    expect(page.locator("#assess-text")).to_have_value(EXAMPLE.read_text(encoding="utf-8"))
    assert page.locator("#assess-format").input_value() == "text/turtle"
    page.locator("#assess-run").click()
    subject = page.locator(".subject").first
    expect(subject.locator(".category")).to_have_text(["high-risk"], timeout=60_000)
    row = subject.locator("tr.obligation[data-id='art-11-1-technical-documentation']")
    expect(row).to_contain_text("technical documentation")
    row.locator("details.why > summary").click()
    row.locator("details.why > .legal-basis details.provision > summary").first.click()
    quote = row.locator(".provision-text blockquote").first
    expect(quote).to_contain_text("technical documentation of a high-risk AI system")
    # the chain goes on to the determination that makes the system high-risk
    expect(row.locator(".determination .explanation")).to_contain_text("Annex III point 4(a)")
    assert page_errors(page) == []
    assert hosts(seen) == {"127.0.0.1"}, seen


def test_a_description_with_violations_shows_them_instead(
    page: Page, registry_server: Server
) -> None:
    open_workbench(page, registry_server)
    page.fill("#assess-text", "this is not turtle")
    page.locator("#assess-run").click()
    expect(page.locator("#assess-result .problems li")).to_contain_text("pasted")
    assert page_errors(page) == []


def test_the_api_docs_render_from_local_assets(page: Page, registry_server: Server) -> None:
    seen = requests_of(page)
    response = page.goto(registry_server.url + "/docs")
    assert response is not None
    assert response.status == 200
    expect(page.locator(".swagger-ui .opblock-summary-path").first).to_be_visible(timeout=30_000)
    expect(page.locator(".swagger-ui")).to_contain_text("/sparql")
    assert page_errors(page) == []
    assert hosts(seen) == {"127.0.0.1"}, seen
