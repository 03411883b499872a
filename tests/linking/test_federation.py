"""Federation: our graph joined with a remote SPARQL endpoint holding W3C DPV, by SERVICE.

A real Oxigraph server (the `oxigraph` package) on 127.0.0.1 holds only the pinned DPV eu-aiact
vocabulary; ``aiact-kg query`` and the service join our alignments with it when the endpoint is
allowlisted, and refuse the query before any request otherwise (the listener tests of
tests/network/ show that nothing is sent).
"""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from aiact_kg.cli import main
from aiact_kg.queries import get_query, with_prefixes
from tests.service.conftest import start_server, stop_server

DOCUMENTED_ENDPOINT = "http://127.0.0.1:7878/query"


def _query_file(tmp_path: Path, endpoint: str) -> Path:
    text = get_query("federation/dpv-labels-of-aligned-classes").text
    assert DOCUMENTED_ENDPOINT in text
    path = tmp_path / "federated.rq"
    path.write_text(text.replace(DOCUMENTED_ENDPOINT, endpoint), encoding="utf-8")
    return path


def test_query_joins_our_alignments_with_dpv(
    kb_path: Path, dpv_endpoint: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = _query_file(tmp_path, dpv_endpoint)
    argv = ["--store", str(kb_path), "query", str(query), "--format", "csv"]
    assert main([*argv, "--allow-service", dpv_endpoint]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    by_class = {r["ours"].rsplit("#", 1)[-1]: r for r in rows}
    high_risk = by_class["HighRiskAISystem"]
    assert high_risk["dpvTerm"] == "https://w3id.org/dpv/legal/eu/aiact#HighRiskAISystem"
    assert high_risk["dpvLabel"] == "High Risk AI System"
    assert "AI Act" in high_risk["dpvDefinition"]
    assert len(rows) >= 10  # classes, roles and risk levels are aligned


def test_query_refuses_an_endpoint_not_allowlisted(
    kb_path: Path, dpv_endpoint: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = _query_file(tmp_path, dpv_endpoint)
    assert main(["--store", str(kb_path), "query", str(query)]) == 2
    assert dpv_endpoint in capsys.readouterr().err


@pytest.fixture(scope="module")
def federating_service(
    kb_path: Path, dpv_endpoint: str, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    work = tmp_path_factory.mktemp("federating-service")
    store = work / "store"
    shutil.copytree(kb_path, store, symlinks=True)
    server = start_server(store, work / "serve.log", ("--allow-service", dpv_endpoint))
    yield server.url
    stop_server(server)


def test_the_service_federates_with_an_allowlisted_endpoint(
    federating_service: str, dpv_endpoint: str
) -> None:
    text = with_prefixes(get_query("federation/dpv-labels-of-aligned-classes").text)
    answer = httpx.post(
        federating_service + "/sparql",
        data={"query": text.replace(DOCUMENTED_ENDPOINT, dpv_endpoint)},
        headers={"Accept": "application/sparql-results+json"},
        timeout=120,
    )
    assert answer.status_code == 200, answer.text
    labels = {b["dpvLabel"]["value"] for b in answer.json()["results"]["bindings"]}
    assert "High Risk AI System" in labels
    refused = httpx.post(
        federating_service + "/sparql",
        data={"query": text.replace(DOCUMENTED_ENDPOINT, dpv_endpoint + "-other")},
        timeout=120,
    )
    assert refused.status_code in (400, 403)
    assert "SERVICE" in refused.text or "allow" in refused.text
