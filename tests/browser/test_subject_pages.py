"""In a real browser: a subject's page leads, link by link, to the text of a provision."""

from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Page

from tests.browser.conftest import page_errors
from tests.service.conftest import Server
from tests.service.registry_server import (  # noqa: F401 (fixtures)
    CV_RANKER,
    registry_server,
    registry_store,
)


def test_a_subject_page_links_to_the_provision_it_rests_on(
    page: Page,
    registry_server: Server,  # noqa: F811
) -> None:
    response = page.goto(f"{registry_server.url}/subjects/{quote(CV_RANKER, safe='')}")
    assert response is not None
    assert response.status == 200
    assert page.inner_text("h1") == "TalentSift CV Ranker"
    assert "high-risk" in page.inner_text("#categories")
    link = page.locator("#explanation a.provision-link", has_text="Art 6(2)").first
    link.click()
    page.wait_for_url("**/resource?iri=*art_6.par_2")
    assert page.inner_text("h1") == "Art 6(2)"
    text = page.inner_text("#provision-text")
    assert text.startswith("In addition to the high-risk AI systems referred to in paragraph 1")
    assert page.get_attribute("#eur-lex", "href", timeout=1000) is not None
    assert page_errors(page) == []
