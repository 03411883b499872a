"""A remote store's errors name the endpoint: HTTP errors, time-outs, results an engine cut."""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from aiact_kg.errors import StoreError
from aiact_kg.store.sparql_endpoint import SparqlEndpointStore, term_from_json

_RESULTS = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"urn:a"}}]}}'


class _Engine(BaseHTTPRequestHandler):
    """Answers by path: /cut (with Virtuoso's row cap header), /slow (nothing), /broken (503)."""

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
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        if self.path.startswith("/cut"):
            self.send_header("X-SPARQL-MaxRows", "10000")
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


def test_a_time_out_names_the_endpoint(fake_engine: str) -> None:
    store = SparqlEndpointStore(fake_engine + "/slow", timeout=1)
    with pytest.raises(
        StoreError, match=re.escape(f"{fake_engine}/slow did not answer within 1 s")
    ):
        store.select("SELECT ?s {}")


def test_an_http_error_names_the_endpoint_and_what_it_said(fake_engine: str) -> None:
    with pytest.raises(StoreError) as caught:
        SparqlEndpointStore(fake_engine + "/broken").update("CLEAR SILENT GRAPH <urn:g>")
    assert f"{fake_engine}/broken refused a request" in str(caught.value)
    assert "503" in str(caught.value)


def test_engine_blank_node_labels_become_valid_and_stable() -> None:
    first = term_from_json({"type": "bnode", "value": "nodeID://b10000"})
    again = term_from_json({"type": "bnode", "value": "nodeID://b10000"})
    assert first == again
    assert term_from_json({"type": "typed-literal", "value": "1", "datatype": "urn:t"}).value == "1"
