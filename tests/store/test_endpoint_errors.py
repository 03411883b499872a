"""A remote store's errors name the endpoint and the request: HTTP errors, time-outs (the
client's and the engine's own), results an engine cut; where the time limit comes from."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from aiact_kg.errors import InputError, StoreError, StoreTimeoutError
from aiact_kg.store.endpoint_errors import DEFAULT_TIMEOUT, TIMEOUT_ENV, describe
from aiact_kg.store.sparql_endpoint import SparqlEndpointStore, term_from_json

_RESULTS = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"urn:a"}}]}}'
_TIMED_OUT = b"Virtuoso S1T00 Error SR171: Transaction timed out\n\nSPARQL query:\n# Rule: x\n"
_RULE = "PREFIX ex: <urn:ex:>\n# Rule: materialise-types\n# Label: ...\nINSERT { ?s a ?c } WHERE {}"


class _Engine(BaseHTTPRequestHandler):
    """Answers by path: /cut (with Virtuoso's row cap header), /slow (nothing), /broken (503),
    /limit (Virtuoso's error at its own time limit), /anytime (a partial answer)."""

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.startswith("/slow"):
            time.sleep(2)
            return  # the client has gone
        if self.path.startswith("/broken"):
            self.send_response(503)
            self.end_headers()
            self.wfile.write(b"engine is restarting")
            return
        if self.path.startswith("/limit"):
            self.send_response(500)
            self.end_headers()
            self.wfile.write(_TIMED_OUT)
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        if self.path.startswith("/cut"):
            self.send_header("X-SPARQL-MaxRows", "10000")
        if self.path.startswith("/anytime"):
            self.send_header("X-SQL-State", "S1TAT")
            self.send_header("X-SQL-Message", "RC...: Returning incomplete results")
        self.end_headers()
        self.wfile.write(_RESULTS)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def fake_engine() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Engine)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_a_result_the_engine_cut_is_an_error_not_a_short_answer(fake_engine: str) -> None:
    assert len(SparqlEndpointStore(fake_engine + "/ok").select("SELECT ?s {}").rows) == 1
    with pytest.raises(StoreError, match=re.escape(f"{fake_engine}/cut cut the result at 10000")):
        SparqlEndpointStore(fake_engine + "/cut").select("SELECT ?s {}")


def test_a_time_out_names_the_endpoint_and_the_request(fake_engine: str) -> None:
    store = SparqlEndpointStore(fake_engine + "/slow", timeout=1)
    expected = f"{fake_engine}/slow did not answer 'SELECT ?s {{}}' within 1 s"
    with pytest.raises(StoreTimeoutError, match=re.escape(expected)):
        store.select("PREFIX ex: <urn:ex:>\nSELECT ?s {}")
    with pytest.raises(StoreTimeoutError, match="did not answer rule materialise-types within 1 s"):
        store.update(_RULE)


def test_the_engines_own_time_limit_is_named(fake_engine: str) -> None:
    with pytest.raises(StoreTimeoutError) as caught:
        SparqlEndpointStore(fake_engine + "/limit").update(_RULE)
    message = str(caught.value)
    assert f"{fake_engine}/limit stopped rule materialise-types at the engine's own" in message
    assert "SR171: Transaction timed out" in message


def test_a_partial_answer_at_the_engines_time_limit_is_an_error(fake_engine: str) -> None:
    with pytest.raises(
        StoreTimeoutError, match=re.escape("stopped 'SELECT ...' at the engine's own")
    ):
        SparqlEndpointStore(fake_engine + "/anytime").select("SELECT ...")


def test_an_http_error_names_the_endpoint_and_what_it_said(fake_engine: str) -> None:
    with pytest.raises(StoreError) as caught:
        SparqlEndpointStore(fake_engine + "/broken").update("CLEAR SILENT GRAPH <urn:g>")
    assert f"{fake_engine}/broken refused 'CLEAR SILENT GRAPH <urn:g>'" in str(caught.value)
    assert "503" in str(caught.value)
    assert not isinstance(caught.value, StoreTimeoutError)


def test_the_time_limit_comes_from_the_argument_the_environment_or_the_default(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(TIMEOUT_ENV, raising=False)
    assert SparqlEndpointStore("http://127.0.0.1:9/query").timeout == DEFAULT_TIMEOUT
    monkeypatch.setenv(TIMEOUT_ENV, "2.5")
    assert SparqlEndpointStore("http://127.0.0.1:9/query").timeout == 2.5
    assert SparqlEndpointStore("http://127.0.0.1:9/query", timeout=7).timeout == 7
    for bad in ("soon", "0", "-1", "inf", "nan"):
        monkeypatch.setenv(TIMEOUT_ENV, bad)
        with pytest.raises(InputError, match=re.escape(f"${TIMEOUT_ENV} of SPARQL requests")):
            SparqlEndpointStore("http://127.0.0.1:9/query")
    with pytest.raises(InputError, match="takes seconds above 0, not '0'"):
        SparqlEndpointStore("http://127.0.0.1:9/query", timeout=0)


def test_a_request_is_described_by_its_rule_or_its_first_line() -> None:
    assert describe(_RULE) == "rule materialise-types"
    assert describe("PREFIX a: <urn:a>\n\n  # Catalogue: systems by category\nSELECT") == (
        "'# Catalogue: systems by category'"
    )
    assert describe("ASK { " + "?s ?p ?o . " * 20 + "}").endswith(" ...'")


def test_engine_blank_node_labels_become_valid_and_stable() -> None:
    first = term_from_json({"type": "bnode", "value": "nodeID://b10000"})
    again = term_from_json({"type": "bnode", "value": "nodeID://b10000"})
    assert first == again
    assert term_from_json({"type": "typed-literal", "value": "1", "datatype": "urn:t"}).value == "1"
