"""Safe by default: read-only without the token, SERVICE only to allowlisted endpoints, time,
result and body limits, and a slow query that does not stall the others."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from aiact_kg.kb import open_knowledge_base
from tests.listener import CountingServer
from tests.service.conftest import (
    MAX_BODY,
    MAX_RESULTS,
    TIMEOUT,
    TOKEN,
    Server,
    free_port,
    serve_command,
    service_environment,
    start_server,
    stop_server,
)

INSERT = (
    "INSERT DATA { GRAPH <https://example.org/g> "
    "{ <https://example.org/s> a <https://example.org/C> } }"
)
INSERTED = "ASK { <https://example.org/s> ?p ?o }"
SLOW = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
SIMPLE = "ASK { aiap:art_6.par_3 ?p ?o }"


def quad_count(client: httpx.Client) -> int:
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    response = client.get("/sparql", params={"query": query})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def asked(client: httpx.Client, query: str) -> bool:
    response = client.get("/sparql", params={"query": query})
    assert response.status_code == 200, response.text
    return bool(response.json()["boolean"])


def test_an_update_without_the_token_is_refused_and_changes_nothing(
    client: httpx.Client, kb_path: Path
) -> None:
    before = quad_count(client)
    unauthorised = [
        client.post("/sparql", data={"update": INSERT}),
        client.post(
            "/sparql", content=INSERT, headers={"Content-Type": "application/sparql-update"}
        ),
        client.post("/sparql", data={"update": "DROP ALL"}),
    ]
    forbidden = [
        client.post(
            "/sparql", data={"update": INSERT}, headers={"Authorization": "Bearer wrong-token"}
        ),
        client.post(
            "/sparql", data={"update": INSERT}, headers={"Authorization": f"Basic {TOKEN}"}
        ),
    ]
    for status, responses in ((401, unauthorised), (403, forbidden)):
        for response in responses:
            assert response.status_code == status, response.text
            assert response.json()["error"] == ("unauthorized" if status == 401 else "forbidden")
            assert response.headers["www-authenticate"].startswith("Bearer")
    assert quad_count(client) == before
    assert not asked(client, INSERTED)
    open_knowledge_base(kb_path).close()  # its files are still those the build wrote


def test_with_the_token_an_update_of_the_knowledge_base_is_refused(client: httpx.Client) -> None:
    """The token lets updates change the registry's graphs, never the rest (test_writes.py)."""
    before = quad_count(client)
    response = client.post(
        "/sparql", data={"update": INSERT}, headers={"Authorization": f"Bearer {TOKEN}"}
    )
    assert response.status_code == 403
    assert response.json()["error"] == "protected-graph"
    assert "Nothing was changed" in response.json()["message"]
    assert quad_count(client) == before
    assert not asked(client, INSERTED)


def test_without_a_configured_token_no_update_is_accepted(kb_path: Path, tmp_path: Path) -> None:
    local = start_server(kb_path, tmp_path / "serve.log", token=None)
    try:
        for authorization in ("Bearer x", "Bearer None", f"Bearer {TOKEN}"):
            response = httpx.post(
                local.sparql, data={"update": INSERT}, headers={"Authorization": authorization}
            )
            assert response.status_code == 403
            assert "no update token is configured" in response.json()["message"]
    finally:
        stop_server(local)


@pytest.mark.parametrize(
    "template",
    [
        "SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "SELECT * WHERE {{ ?x ?y ?z {{ SELECT * WHERE "
        "{{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }} }} }}",
        "PREFIX remote: <{base}> ASK {{ SERVICE remote:sparql {{ ?s ?p ?o }} }}",
    ],
)
def test_service_outside_the_allowlist_is_refused_and_nothing_is_sent(
    client: httpx.Client, listener: CountingServer, template: str
) -> None:
    query = template.format(url=listener.url, base=listener.url.removesuffix("sparql"))
    response = client.post("/sparql", data={"query": query})
    assert response.status_code == 403, response.text
    assert response.json()["error"] == "service-refused"
    assert listener.url in response.json()["message"]
    assert listener.connections == 0


def test_load_in_an_update_is_refused_even_with_the_token(
    client: httpx.Client, listener: CountingServer
) -> None:
    response = client.post(
        "/sparql",
        data={"update": f"LOAD <{listener.url}>"},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    assert response.status_code == 403
    assert listener.connections == 0


def test_an_allowlisted_endpoint_is_reached(
    kb_path: Path, listener: CountingServer, tmp_path: Path
) -> None:
    local = start_server(kb_path, tmp_path / "serve.log", ("--allow-service", listener.url))
    query = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    try:
        response = httpx.get(local.sparql, params={"query": query}, timeout=60)
    finally:
        stop_server(local)
    assert response.status_code == 200, response.text
    assert response.json()["results"]["bindings"] == [{}]
    assert listener.connections >= 1


def _running(client: httpx.Client) -> int:
    running: int = client.get("/health").json()["queries_running"]
    return running


def test_a_query_over_the_time_limit_gets_503_while_a_simple_one_answers(
    server: Server,
) -> None:
    slow: dict[str, httpx.Response] = {}

    def run_slow() -> None:
        with server.client() as own:
            slow["response"] = own.post("/sparql", data={"query": SLOW})

    thread = threading.Thread(target=run_slow)
    thread.start()
    try:
        with server.client() as client:
            for _ in range(600):  # wait until the slow query is running
                if _running(client) >= 1:
                    break
                time.sleep(0.05)
            assert _running(client) >= 1
            simple = client.get("/sparql", params={"query": SIMPLE})
            slow_still_running = thread.is_alive()
        assert simple.status_code == 200, simple.text
        assert simple.json()["boolean"] is True
        assert slow_still_running, "the simple query had to wait for the slow one"
    finally:
        thread.join()
    response = slow["response"]
    assert response.status_code == 503
    assert response.json()["error"] == "timeout"
    assert "seconds" in response.json()["message"]


def test_queries_beyond_the_capacity_are_refused_not_queued(kb_path: Path, tmp_path: Path) -> None:
    local = start_server(
        kb_path, tmp_path / "serve.log", ("--max-queries", "1", "--timeout", str(TIMEOUT))
    )
    slow: dict[str, httpx.Response] = {}

    def run_slow() -> None:
        with local.client() as own:
            slow["response"] = own.post("/sparql", data={"query": SLOW})

    thread = threading.Thread(target=run_slow)
    try:
        thread.start()
        with local.client() as client:
            for _ in range(600):
                if _running(client) >= 1:
                    break
                time.sleep(0.05)
            assert _running(client) == 1
            refused = client.get("/sparql", params={"query": SIMPLE})
            slow_still_running = thread.is_alive()
            thread.join()
            after = client.get("/sparql", params={"query": SIMPLE})
    finally:
        thread.join()
        stop_server(local)
    assert slow_still_running
    assert refused.status_code == 503
    assert refused.json()["error"] == "busy"
    assert slow["response"].json()["error"] == "timeout"
    assert after.status_code == 200


def test_a_result_over_the_size_limit_is_413(client: httpx.Client) -> None:
    response = client.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert response.status_code == 413
    assert response.json()["error"] == "result-too-large"
    assert str(MAX_RESULTS) in response.json()["message"]
    construct = "CONSTRUCT WHERE { ?s ?p ?o }"
    assert client.get("/sparql", params={"query": construct}).status_code == 413
    limited = client.get(
        "/sparql", params={"query": f"SELECT * WHERE {{ ?s ?p ?o }} LIMIT {MAX_RESULTS}"}
    )
    assert limited.status_code == 200
    assert len(limited.json()["results"]["bindings"]) == MAX_RESULTS


def test_an_oversized_body_is_refused(client: httpx.Client) -> None:
    padding = "#" + "x" * MAX_BODY + "\n"
    response = client.post(
        "/sparql",
        content=padding + "ASK {}",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert response.status_code == 413
    assert response.json()["error"] == "body-too-large"
    form = client.post("/sparql", data={"query": padding + "ASK {}"})
    assert form.status_code == 413
    document = client.post(
        "/validate", content=padding.encode(), headers={"Content-Type": "text/turtle"}
    )
    assert document.status_code == 413
    assert client.get("/sparql", params={"query": SIMPLE}).status_code == 200


def test_an_oversized_body_sent_in_chunks_is_refused(client: httpx.Client) -> None:
    def chunks() -> Iterator[bytes]:
        yield b"# "
        for _ in range(MAX_BODY // 4096 + 2):
            yield b"x" * 4096

    response = client.post(
        "/sparql", content=chunks(), headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 413
    assert response.json()["error"] == "body-too-large"
    assert response.headers["connection"] == "close"  # the rest of the body is not read


def test_a_body_with_two_framings_is_refused(client: httpx.Client) -> None:
    """Content-Length and Transfer-Encoding both: a proxy reading the other framing would see
    another request (an outside check found it accepted)."""
    response = client.post(
        "/sparql",
        content=b"ASK {}",
        headers={
            "Content-Type": "application/sparql-query",
            "Content-Length": "6",
            "Transfer-Encoding": "chunked",
        },
    )
    assert response.status_code == 400
    assert "both Content-Length and Transfer-Encoding" in response.json()["message"]


@pytest.mark.parametrize(
    ("path", "media"),
    [("/sparql", "application/sparql-query"), ("/validate", "text/turtle")],
)
def test_a_body_declared_in_a_charset_other_than_utf8_is_415(
    client: httpx.Client, path: str, media: str
) -> None:
    """The service reads bodies as UTF-8; it read a latin-1 one so, without a word."""
    response = client.post(
        path, content=b"ASK {}", headers={"Content-Type": f"{media}; charset=latin1"}
    )
    assert response.status_code == 415
    assert "UTF-8" in response.json()["message"]
    fine = client.post(path, content=b"ASK {}", headers={"Content-Type": f"{media}; charset=UTF-8"})
    assert fine.status_code != 415


def _serve_exits(store: Path, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        serve_command(store, "--port", str(free_port()), *options),
        capture_output=True,
        text=True,
        timeout=60,
        env=service_environment(),
        check=False,
    )


@pytest.mark.parametrize("host", ["0.0.0.0", "::", "192.0.2.1"])
def test_it_does_not_listen_beyond_this_machine_unless_told(kb_path: Path, host: str) -> None:
    done = _serve_exits(kb_path, "--host", host)
    assert done.returncode == 2
    assert "--public" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_short_token_is_refused(kb_path: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("secret\n")
    done = _serve_exits(kb_path, "--token-file", str(token_file))
    assert done.returncode == 2
    assert "at least 16" in done.stderr


def test_a_store_that_disappears_is_503_with_a_message(kb_path: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(kb_path, store, symlinks=True)
    local = start_server(store, tmp_path / "serve.log")
    try:
        assert httpx.get(local.sparql, params={"query": SIMPLE}, timeout=60).status_code == 200
        active = store / "active"
        active.unlink()
        active.symlink_to("versions/20000101T000000000000Z-1")  # a version that is not there
        for response in (
            httpx.get(local.sparql, params={"query": SIMPLE}, timeout=60),
            httpx.get(local.url + "/provisions/Art%206", timeout=60),
        ):
            assert response.status_code == 503, response.text
            assert response.json()["error"] == "store-unavailable"
            assert "Traceback" not in response.text
    finally:
        stop_server(local)


def test_the_token_can_come_from_a_file(kb_path: Path, tmp_path: Path) -> None:
    token_file = tmp_path / "token"
    token_file.write_text("file-token-" + "9" * 20 + "\n")
    local = start_server(kb_path, tmp_path / "serve.log", ("--token-file", str(token_file)))
    try:
        responses = {
            token: httpx.post(
                local.sparql,
                data={"update": INSERT},
                headers={"Authorization": f"Bearer {token}"},
                timeout=60,
            ).json()["error"]
            for token in ("file-token-" + "9" * 20, TOKEN)  # the file wins over the environment
        }
    finally:
        stop_server(local)
    # the file's token is accepted (the update is then refused for the graph it names)
    assert responses == {"file-token-" + "9" * 20: "protected-graph", TOKEN: "forbidden"}


def test_without_a_built_store_it_does_not_start(tmp_path: Path) -> None:
    done = _serve_exits(tmp_path / "no-store")
    assert done.returncode == 3
    assert "aiact-kg build" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_lets_its_own_errors_reach_the_operator_log(
    caplog: pytest.LogCaptureFixture,
) -> None:
    # the command line silences logging while a command runs; serve turns its own logs back on
    from aiact_kg.cli.app import _quiet_libraries
    from aiact_kg.service.limits import logger
    from aiact_kg.service.server import enable_operator_logs

    libraries = {name: logging.getLogger(name).level for name in ("rdflib", "pyshacl", "owlready2")}
    with _quiet_libraries():
        assert not logger.isEnabledFor(logging.ERROR)
        enable_operator_logs()
        assert logger.isEnabledFor(logging.ERROR)
        logger.error("internal error on POST /assess")
        assert not logging.getLogger("rdflib").isEnabledFor(logging.WARNING)
    assert "internal error on POST /assess" in caplog.messages
    for name, level in libraries.items():
        logging.getLogger(name).setLevel(level)


def test_a_query_past_the_memory_limit_is_503_and_the_service_goes_on(
    kb_path: Path, tmp_path: Path
) -> None:
    sorted_product = (
        "SELECT (SHA512(STR(?c)) AS ?h) ?d WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } } "
        "ORDER BY ?h"
    )
    local = start_server(
        kb_path, tmp_path / "serve.log", ("--max-query-memory", "200", "--timeout", "600")
    )
    try:
        with local.client() as client:
            response = client.post("/sparql", data={"query": sorted_product}, timeout=600)
            after = client.get("/sparql", params={"query": SIMPLE})
    finally:
        stop_server(local)
    assert response.status_code == 503, response.text
    assert response.json()["error"] == "memory"
    assert "200 MiB" in response.json()["message"]
    assert after.status_code == 200


def test_a_document_is_parsed_off_the_event_loop(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """A document slow to parse (hostile-input audit: a 1 MB RDF/XML file, a scoped JSON-LD
    context) must not hold up every other request: it is parsed in a worker thread, not on the
    event loop that serves /health and the queries."""
    from starlette.applications import Starlette
    from starlette.requests import Request

    from aiact_kg.service import api
    from aiact_kg.service.config import ServiceConfig

    on_loop: list[bool] = []
    parse = api.read_rdf_bytes

    def recording(*args: object, **kwargs: object) -> object:
        try:
            asyncio.get_running_loop()
            on_loop.append(True)
        except RuntimeError:
            on_loop.append(False)
        return parse(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "read_rdf_bytes", recording)
    app = Starlette()
    app.state.config = ServiceConfig(store_path=tmp_path)
    body = b"<http://e/s> <http://e/p> <http://e/o> ."

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": body, "more_body": False}

    scope = {
        "type": "http",
        "method": "POST",
        "path": "/validate",
        "headers": [(b"content-type", b"application/n-triples")],
        "app": app,
    }
    documents, errors = asyncio.run(api.read_document(Request(scope, receive), "x.nt"))
    assert not errors
    assert len(documents[0].quads) == 1
    assert on_loop == [False]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_the_token_file_must_be_a_small_regular_file(tmp_path: Path) -> None:
    """A FIFO used to hang ``serve`` for ever, and /dev/zero to fill the memory."""
    from aiact_kg.errors import InputError
    from aiact_kg.service.config import MAX_TOKEN_FILE_BYTES, read_token

    fifo = tmp_path / "token"
    os.mkfifo(fifo)
    for special in (fifo, Path("/dev/zero")):
        with pytest.raises(InputError, match="not a regular file"):
            read_token(special, {})
    large = tmp_path / "large"
    large.write_bytes(b"a" * (MAX_TOKEN_FILE_BYTES + 1))
    with pytest.raises(InputError, match="more than"):
        read_token(large, {})
    good = tmp_path / "good"
    good.write_text("0123456789abcdef0123\n", encoding="utf-8")
    assert read_token(good, {}) == "0123456789abcdef0123"


def test_a_client_gone_before_its_body_is_no_internal_error() -> None:
    from starlette.requests import ClientDisconnect, Request

    from aiact_kg.service.limits import internal_error

    request = Request({"type": "http", "method": "POST", "path": "/sparql", "headers": []})
    response = asyncio.run(internal_error(request, ClientDisconnect()))
    assert response.status_code == 400
    assert b"incomplete" in response.body


def _slow_body_app(timeout: float) -> object:
    """A one-route app reading the body, behind the body limit, with the service's handlers."""
    from starlette.applications import Starlette
    from starlette.exceptions import HTTPException
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from aiact_kg.service.limits import BodyLimitMiddleware, http_error

    async def echo(request: Request) -> JSONResponse:
        return JSONResponse({"length": len(await request.body())})

    app = Starlette(
        routes=[Route("/echo", echo, methods=["POST"])],
        exception_handlers={HTTPException: http_error},
    )
    return BodyLimitMiddleware(app, limit=1000, timeout=timeout)


def _call(app: object, chunks: list[bytes | None]) -> tuple[int, dict[str, object]]:
    """Send ``chunks`` as the body (None: the client goes silent); the status and JSON body."""
    import json

    sent: list[dict[str, object]] = []
    pending = list(chunks)

    async def receive() -> dict[str, object]:
        chunk = pending.pop(0) if pending else None
        if chunk is None:
            await asyncio.sleep(3600)  # a client that stops sending
        return {"type": "http.request", "body": chunk, "more_body": bool(pending)}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/echo", "headers": []}
    asyncio.run(asyncio.wait_for(app(scope, receive, send), 10))  # type: ignore[operator]
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")  # type: ignore[misc]
    return int(sent[0]["status"]), json.loads(body)  # type: ignore[call-overload]


def test_a_body_that_stops_arriving_is_408_after_the_deadline() -> None:
    """Hostile-input audit: a client announcing a body and sending part of it held a worker
    for ever; the body now has a deadline for the whole of it, and a complete body is read."""
    status, body = _call(_slow_body_app(0.3), [b"abc", None])
    assert status == 408
    assert body["error"] == "body-timeout"
    assert "0.3 seconds" in str(body["message"])
    assert "--body-timeout" in str(body["message"])
    assert _call(_slow_body_app(0.3), [b"abc", b"def"]) == (200, {"length": 6})


def test_the_real_service_closes_a_connection_whose_body_never_comes(
    kb_path: Path, tmp_path: Path
) -> None:
    import socket

    local = start_server(kb_path, tmp_path / "serve.log", ("--body-timeout", "1"))
    try:
        host, port = local.url.removeprefix("http://").split(":")
        with socket.create_connection((host, int(port)), timeout=30) as connection:
            connection.sendall(
                b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
                b"Content-Length: 100\r\n\r\nSELECT"
            )
            answer = b""
            while chunk := connection.recv(4096):
                answer += chunk
        assert answer.startswith(b"HTTP/1.1 408"), answer[:200]
        assert b"body-timeout" in answer
        # the service goes on answering
        assert httpx.get(local.sparql, params={"query": SIMPLE}, timeout=60).status_code == 200
    finally:
        stop_server(local)


def test_a_query_too_large_for_the_engine_is_400_with_a_message(client: httpx.Client) -> None:
    """Ten thousand patterns (well under the body limit) stop the engine's planner in the query
    process: the client is told the query is too large, and the service answers the next one
    (it was 500, "the query process ended unexpectedly (exit status -11)")."""
    patterns = " . ".join(f"?s{i} <urn:p> ?o{i}" for i in range(10_000))
    response = client.post(
        "/sparql",
        content=f"SELECT * WHERE {{ {patterns} }}",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert response.status_code == 400, response.text
    assert "too large or too deeply nested" in response.json()["message"]
    assert client.get("/sparql", params={"query": SIMPLE}).status_code == 200


def test_a_long_query_sent_by_get_reaches_the_service(kb_path: Path, tmp_path: Path) -> None:
    """A 200 KB query in the URL (under the body limit a POST has) is answered by the service,
    not refused in plain text by the HTTP layer before it (an outside check)."""
    import http.client
    import json as json_module
    from urllib.parse import quote, urlsplit

    padded = SIMPLE + " #" + "x" * 200_000
    local = start_server(kb_path, tmp_path / "serve.log")
    address = urlsplit(local.sparql)
    try:  # (httpx refuses URLs over 64 KiB itself)
        connection = http.client.HTTPConnection(address.hostname, address.port, timeout=60)
        connection.request("GET", f"{address.path}?query={quote(padded)}")
        response = connection.getresponse()
        status, body = response.status, response.read()
        connection.close()
    finally:
        stop_server(local)
    assert status == 200, body[:300]
    assert json_module.loads(body)["boolean"] is True


def test_xml_results_holding_a_character_xml_cannot_carry_are_406(client: httpx.Client) -> None:
    """The XML serialiser wrote U+0001 raw, into a document no XML parser reads (an outside
    check); JSON escapes it."""
    query = 'SELECT ?x WHERE { BIND("a\\u0001b" AS ?x) }'
    xml = client.get(
        "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+xml"}
    )
    assert xml.status_code == 406, xml.text
    assert xml.json()["error"] == "not-acceptable"
    assert "U+0001" in xml.json()["message"]
    as_json = client.get(
        "/sparql", params={"query": query}, headers={"Accept": "application/sparql-results+json"}
    )
    assert as_json.status_code == 200
    assert as_json.json()["results"]["bindings"][0]["x"]["value"] == "a\x01b"


def test_the_rows_the_service_holds_are_bounded_by_their_size() -> None:
    """A long literal in every row took the service from 1.7 to 4.0 GB under the row limit (an
    outside check): past a quarter of the query memory limit the result is refused, 413."""
    from pyoxigraph import Literal

    from aiact_kg.service.limits import ServiceError
    from aiact_kg.service.sparql import _collected

    row = (Literal("x" * 4096),)
    assert len(_collected([row] * 10, 1)) == 10
    with pytest.raises(ServiceError) as caught:
        _collected([row] * 100, 1)  # 400 KB of text against 256 KiB
    assert (caught.value.status_code, caught.value.code) == (413, "result-too-large")
