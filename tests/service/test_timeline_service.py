"""``GET /timeline`` on a registry: the same timeline as ``aiact-kg timeline`` on the file."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest

from aiact_kg.cli import main
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.registry.submit import submit_inputs
from tests.conftest import REPO_ROOT
from tests.service.conftest import Server, start_server, stop_server

EXAMPLE = REPO_ROOT / "examples" / "timeline" / "orion-procedure.ttl"
CHATBOT = REPO_ROOT / "examples" / "submissions" / "customer-service-chatbot.ttl"
ORION = "https://example.org/orion/orion-2"


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
