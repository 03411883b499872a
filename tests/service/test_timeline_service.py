"""``GET /timeline`` on a registry: the same timeline as ``aiact-kg timeline`` on the file."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from lxml import html as lxml_html

from aiact_kg.cli import main
from aiact_kg.namespaces import PROVISION
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.submit import submit_inputs
from tests.conftest import REPO_ROOT
from tests.service.conftest import Server, start_server, stop_server

EXAMPLE = REPO_ROOT / "examples" / "timeline" / "orion-procedure.ttl"
CHATBOT = REPO_ROOT / "examples" / "submissions" / "customer-service-chatbot.ttl"
ORION = "https://example.org/orion/orion-2"
CHATBOT_IRI = "https://example.org/helpdesk-ai/ella"


@pytest.fixture(scope="module")
def registry_server(kb_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    target = tmp_path_factory.mktemp("timeline-registry") / "store"
    shutil.copytree(kb_path, target, symlinks=True)
    options = AssessmentOptions(as_of=date(2026, 11, 30))
    result = submit_inputs(target, [str(EXAMPLE), str(CHATBOT)], options, progress=False)
    assert result.exit_code == 0
    running = start_server(target, target.parent / "serve.log")
    yield running
    stop_server(running)


def test_the_service_gives_the_timeline_the_command_gives(
    registry_server: Server, capsys: pytest.CaptureFixture[str]
) -> None:
    answer = httpx.get(
        registry_server.url + "/timeline",
        params={"model": ORION, "as_of": "2027-06-01"},
        timeout=120,
    )
    assert answer.status_code == 200, answer.text
    assert (
        main(
            [
                "timeline",
                ORION,
                str(EXAMPLE),
                "--as-of",
                "2027-06-01",
                "--format",
                "json",
                "--no-progress",
            ]
        )
        == 0
    )
    expected = json.loads(capsys.readouterr().out)
    served = answer.json()

    def without_ids(timeline: dict) -> dict:  # type: ignore[type-arg]
        states = [{k: v for k, v in s.items() if k != "determination"} for s in timeline["states"]]
        return {**timeline, "states": states}

    assert without_ids(served) == without_ids(expected)
    assert {s["state"] for s in served["states"]} >= {
        "designated",
        "reassessment-not-yet-requestable",
    }


@pytest.mark.parametrize(
    ("params", "status", "code"),
    [
        ({"model": "https://example.org/nobody"}, 404, "not-found"),
        ({"model": "not an iri"}, 400, "bad-request"),
        ({"model": ORION, "as_of": "yesterday"}, 400, "bad-request"),
        ({"model": 'https://example.org/x"> } DROP ALL #'}, 400, "bad-request"),
    ],
)
def test_bad_requests_get_a_clear_error(
    registry_server: Server, params: dict[str, str], status: int, code: str
) -> None:
    answer = httpx.get(registry_server.url + "/timeline", params=params, timeout=120)
    assert answer.status_code == status
    assert answer.json()["error"] == code


def test_a_system_has_no_timeline(registry_server: Server) -> None:
    sparql = "SELECT ?s WHERE { ?s a <https://w3id.org/aiact-kg/ontology#AISystem> } LIMIT 1"
    rows = httpx.get(
        registry_server.url + "/sparql",
        params={"query": sparql},
        headers={"Accept": "application/sparql-results+json"},
        timeout=120,
    ).json()["results"]["bindings"]
    system = rows[0]["s"]["value"]
    answer = httpx.get(registry_server.url + "/timeline", params={"model": system}, timeout=120)
    assert answer.status_code == 400
    assert "not assessed as a general-purpose AI model" in answer.json()["message"]


HTML_ACCEPT = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"


def _html(url: str, params: dict[str, str] | None = None) -> lxml_html.HtmlElement:
    answer = httpx.get(url, params=params, headers={"Accept": HTML_ACCEPT}, timeout=120)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/html")
    return lxml_html.fromstring(answer.text)


def _rows(page: lxml_html.HtmlElement) -> list[list[str]]:
    rows = page.xpath('//section[@id="timeline"]//table[@id="timeline-entries"]/tbody/tr')
    return [[cell.text_content().strip() for cell in row.xpath("td")] for row in rows]


def test_the_model_page_shows_its_timeline(registry_server: Server) -> None:
    served = httpx.get(
        registry_server.url + "/timeline",
        params={"model": ORION, "as_of": "2027-04-01"},
        timeout=120,
    ).json()
    page = _html(f"{registry_server.url}/subjects/{quote(ORION, safe='')}", {"as_of": "2027-04-01"})
    heading = page.xpath('//section[@id="timeline"]/h2')[0].text_content()
    assert heading == "Procedure timeline (Arts 51-52)"
    rows = _rows(page)
    assert [row[:3] for row in rows] == [
        [e["date"], e["kind"], e["text"]] for e in served["entries"]
    ]
    dates = [row[0] for row in rows]
    assert dates == sorted(dates)
    assert ["2026-09-15", "state", "designated"] in [row[:3] for row in rows]
    # the decision of 10 May 2027 comes after the as-of date, and only it is marked
    marked = [row[0] for row in rows if row[4] == "after the as-of date"]
    assert marked == ["2027-05-10"]
    later = page.xpath('//table[@id="timeline-entries"]/tbody/tr[contains(@class, "after-as-of")]')
    assert len(later) == 1
    states = [li.text_content() for li in page.xpath('//ul[@id="timeline-states"]/li')]
    assert states[0].startswith("reassessment-under-review (Art 52(5))")
    assert "earliest 2027-03-15" in states[0]
    assert any(s.startswith("designated") and "Annex XIII point (e)" in s for s in states)
    links = page.xpath('//table[@id="timeline-entries"]//a[@class="provision-link"]/@href')
    assert any(href.endswith(quote(PROVISION + "art_52.par_5", safe="")) for href in links)


def test_the_timeline_as_a_page_for_a_browser(registry_server: Server) -> None:
    page = _html(registry_server.url + "/timeline", {"model": ORION, "as_of": "2026-02-01"})
    assert page.xpath("//h1")[0].text_content() == "Timeline of Orion-2"
    rows = _rows(page)
    assert ["2026-01-26", "state", "arguments-under-review"] in [row[:3] for row in rows]
    assert sum(row[4] == "after the as-of date" for row in rows) == 6
    # other clients still get the JSON
    answer = httpx.get(
        registry_server.url + "/timeline",
        params={"model": ORION, "as_of": "2026-02-01"},
        headers={"Accept": "*/*"},
        timeout=120,
    )
    assert answer.headers["content-type"].startswith("application/json")


def test_a_system_page_has_no_timeline(registry_server: Server) -> None:
    page = _html(f"{registry_server.url}/subjects/{quote(CHATBOT_IRI, safe='')}")
    assert page.xpath("//h1")
    assert page.xpath('//section[@id="timeline"]') == []
    assert "Procedure timeline" not in page.text_content()
