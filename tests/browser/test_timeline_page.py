"""In a real browser: a model's page shows its procedure timeline and leads to a provision."""

from __future__ import annotations

from urllib.parse import quote

from playwright.sync_api import Page

from tests.browser.conftest import page_errors
from tests.service.conftest import Server

ORION = "https://example.org/orion/orion-2"


def test_a_model_page_shows_the_timeline_and_links_its_provisions(
    page: Page,
    registry_server: Server,
) -> None:
    url = f"{registry_server.url}/subjects/{quote(ORION, safe='')}?as_of=2027-06-01"
    response = page.goto(url)
    assert response is not None
    assert response.status == 200
    section = page.locator("#timeline")
    assert section.locator("h2").inner_text() == "Procedure timeline (Arts 51-52)"
    dates = section.locator("#timeline-entries tbody tr td:first-child").all_inner_texts()
    assert dates[0] == "2026-01-15"
    assert dates == sorted(dates)
    later = section.locator("#timeline-entries tr.after-as-of").all_inner_texts()
    assert len(later) == 1
    assert later[0].startswith("2027-11-10")
    states = section.locator("#timeline-states > li").all_inner_texts()
    assert states[0].startswith("reassessment-not-yet-requestable")
    assert "earliest 2027-11-10" in states[0]
    row = section.locator("#timeline-entries tr", has_text="Commission designation")
    row.locator("a.provision-link", has_text="Art 52(4)").click()
    page.wait_for_url("**/resource?iri=*art_52.par_4")
    assert page.inner_text("h1") == "Art 52(4)"
    assert page.inner_text("#provision-text").strip()
    assert page_errors(page) == []
