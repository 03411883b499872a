"""No query form reaches the network: SERVICE and LOAD are refused before anything runs.

Every query is run by the real command line against the built knowledge base, with a local
listener as the endpoint; the listener must see no connection at all, unless the endpoint is
allowlisted (which shows that the listener would have seen one).
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from aiact_kg.cli import main
from aiact_kg.errors import QueryError
from aiact_kg.store.oxigraph_store import OxigraphStore
from tests.listener import CountingServer, listener  # noqa: F401 (fixture)

REFUSED = {
    "select": "SELECT * WHERE { SERVICE <{url}> { ?s ?p ?o } }",
    "silent": "SELECT * WHERE { SERVICE SILENT <{url}> { ?s ?p ?o } }",
    "lower-case": "select * where { service silent <{url}> { ?s ?p ?o } }",
    "ask": "ASK { SERVICE SILENT <{url}> { ?s ?p ?o } }",
    "construct": "CONSTRUCT { ?s ?p ?o } WHERE { SERVICE SILENT <{url}> { ?s ?p ?o } }",
    "describe": "DESCRIBE ?s WHERE { SERVICE SILENT <{url}> { ?s ?p ?o } }",
    "variable": "SELECT * WHERE { VALUES ?e { <{url}> } SERVICE SILENT ?e { ?s ?p ?o } }",
    "prefixed": "PREFIX r: <{base}> SELECT * WHERE { SERVICE SILENT r:sparql { ?s ?p ?o } }",
    "relative": "BASE <{base}> SELECT * WHERE { SERVICE SILENT <sparql> { ?s ?p ?o } }",
    "escaped-iri": "SELECT * WHERE { SERVICE SILENT <{escaped}> { ?s ?p ?o } }",
    "optional": "SELECT * WHERE { GRAPH ?g { ?s a ?c } OPTIONAL { SERVICE SILENT <{url}> "
    "{ ?s ?p ?o } } } LIMIT 1",
    "union": "SELECT * WHERE { { BIND(1 AS ?x) } UNION { SERVICE SILENT <{url}> { ?s ?p ?o } } }",
    "exists": "SELECT * WHERE { BIND(1 AS ?x) FILTER EXISTS { SERVICE SILENT <{url}> "
    "{ ?s ?p ?o } } }",
    "subquery": "SELECT * WHERE { { SELECT ?s WHERE { SERVICE SILENT <{url}> { ?s ?p ?o } } } }",
    "minus": "SELECT * WHERE { BIND(1 AS ?x) MINUS { SERVICE SILENT <{url}> { ?x ?p ?o } } }",
    "no-space": "SELECT*{SERVICE SILENT<{url}>{?s ?p ?o}}",
    "load": "LOAD <{url}>",
    "load-silent": "LOAD SILENT <{url}> INTO GRAPH <urn:x>",
    "update-service": "INSERT { GRAPH <urn:x> { ?s ?p ?o } } WHERE { SERVICE SILENT <{url}> "
    "{ ?s ?p ?o } }",
}

HARMLESS = {
    "in-string": 'SELECT * WHERE { BIND("SERVICE <{url}> {{ }}" AS ?x) }',
    "in-comment": "SELECT * WHERE { BIND(1 AS ?x) } # SERVICE <{url}> { ?s ?p ?o }",
    "in-iri": "ASK { GRAPH ?g { <http://example.org/SERVICE> ?p ?o } }",
    "in-name": "SELECT ?service WHERE { BIND(<{url}> AS ?service) }",
    "from": "SELECT * FROM <{url}> FROM NAMED <{url}> WHERE { GRAPH ?g { ?s ?p ?o } } LIMIT 1",
}


def _text(template: str, url: str) -> str:
    base = url.rsplit("/", 1)[0] + "/"
    escaped = url.replace("sparql", "\\u0073parql")
    return template.replace("{url}", url).replace("{base}", base).replace("{escaped}", escaped)


def _run(
    capsys: pytest.CaptureFixture[str], kb_path: Path, query: Path, *options: str
) -> tuple[int, str, str]:
    code = main(["--store", str(kb_path), "query", str(query), "--timeout", "20", *options])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_remote_access_is_refused_before_it_runs(
    name: str,
    kb_path: Path,
    tmp_path: Path,
    listener: CountingServer,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    query = tmp_path / f"{name}.rq"
    query.write_text(_text(REFUSED[name], listener.url), encoding="utf-8")
    code, out, err = _run(capsys, kb_path, query)
    time.sleep(0.1)
    assert listener.connections == 0
    assert code == 2
    assert out == ""
    assert "Traceback" not in err
    assert err.count("\n") == 1
    assert err.startswith("aiact-kg: error: ")
    if name.startswith(("load", "update")):
        assert "update" in err
        assert "read-only" in err
    else:
        assert "network" in err or "endpoint" in err


@pytest.mark.parametrize("name", sorted(HARMLESS))
def test_the_word_service_elsewhere_runs_and_fetches_nothing(
    name: str,
    kb_path: Path,
    tmp_path: Path,
    listener: CountingServer,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
) -> None:
    query = tmp_path / f"{name}.rq"
    query.write_text(_text(HARMLESS[name], listener.url), encoding="utf-8")
    code, _, err = _run(capsys, kb_path, query)
    time.sleep(0.1)
    assert (code, err) == (0, "")
    assert listener.connections == 0


@pytest.mark.parametrize("how", ["option", "environment"])
def test_an_allowlisted_endpoint_is_reached(
    how: str,
    kb_path: Path,
    tmp_path: Path,
    listener: CountingServer,  # noqa: F811
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    query = tmp_path / "allowed.rq"
    query.write_text(_text(REFUSED["select"], listener.url), encoding="utf-8")
    options: tuple[str, ...] = ()
    if how == "option":
        options = (
            "--allow-service",
            "http://other.example/sparql",
            "--allow-service",
            listener.url,
        )
    else:
        monkeypatch.setenv("AIACT_KG_ALLOW_SERVICE", f"http://other.example/ {listener.url}")
    code, _out, err = _run(capsys, kb_path, query, "--format", "csv", *options)
    assert (code, err) == (0, "")
    assert listener.connections == 1
    # another endpoint in the same query is still refused
    query.write_text(
        f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} "
        f"SERVICE <{listener.url}2> {{ ?s ?p ?o }} }}",
        encoding="utf-8",
    )
    code, _, err = _run(capsys, kb_path, query, *options)
    assert code == 2
    assert f"<{listener.url}2>" in err
    assert listener.connections == 1


def test_the_store_refuses_remote_access_everywhere(listener: CountingServer) -> None:  # noqa: F811
    store = OxigraphStore()
    with pytest.raises(QueryError, match="network"):
        store.select(_text(REFUSED["silent"], listener.url))
    with pytest.raises(QueryError, match="network"):
        store.ask(_text(REFUSED["ask"], listener.url))
    with pytest.raises(QueryError, match="network"):
        store.update(_text(REFUSED["load"], listener.url))
    with pytest.raises(QueryError, match="network"):
        store.update(_text(REFUSED["update-service"], listener.url))
    time.sleep(0.1)
    assert listener.connections == 0
