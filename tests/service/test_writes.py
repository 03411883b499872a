"""Writes over HTTP: SPARQL updates and submissions need the token, keep to their graphs, are
published atomically as a new version, and a refused write changes nothing.

Every test here runs against its own service on a private copy of the store (never the
session's shared one), which holds one submission (the spam filter) from the start.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest

from aiact_kg.cli import main
from aiact_kg.namespaces import graph_iri
from aiact_kg.registry.names import REGISTRY_GRAPH, assessment_graph, submission_graph
from aiact_kg.registry.submit import submit_inputs
from aiact_kg.store.layout import active_version
from aiact_kg.store.locking import writer_lock
from tests.registry.conftest import EXAMPLES, OPTIONS, snapshot
from tests.service.conftest import (
    MAX_BODY,
    TOKEN,
    Server,
    serve_command,
    service_environment,
    start_server,
    stop_server,
)

AS_OF = OPTIONS.as_of.isoformat()
AUTH = {"Authorization": f"Bearer {TOKEN}"}
NOTES = "https://w3id.org/aiact-kg/registry/notes"
SPAM = "minimal-risk-spam-filter"
CHATBOT = EXAMPLES / "customer-service-chatbot.ttl"
INVALID = (
    Path(__file__).resolve().parents[1] / "shapes/submission/PublicBenefitsDeployer/invalid.ttl"
)


def insert(graph: str, label: str) -> str:
    return (
        f'INSERT DATA {{ GRAPH <{graph}> {{ <https://example.org/note> rdfs:label "{label}" }} }}'
    )


def labelled(label: str) -> str:
    return f'ASK {{ GRAPH ?g {{ <https://example.org/note> rdfs:label "{label}" }} }}'


def files(store: Path) -> dict[str, str]:
    """The store's files with their sha256 (and where ``active`` points); not the lock files."""
    found = {"active ->": os.readlink(store / "active")}
    for folder, _, names in os.walk(store):
        for name in names:
            path = Path(folder, name)
            if name.endswith(".lock") or path.is_symlink():
                continue
            found[str(path.relative_to(store))] = hashlib.sha256(path.read_bytes()).hexdigest()
    return found


class Registry:
    """A private store with one submission, served with the token."""

    def __init__(self, store: Path, server: Server) -> None:
        self.store = store
        self.server = server

    def state(self) -> tuple[str | None, dict[str, str]]:
        return active_version(self.store), files(self.store)

    def ask(self, client: httpx.Client, query: str) -> bool:
        response = client.get("/sparql", params={"query": query})
        assert response.status_code == 200, response.text
        return bool(response.json()["boolean"])


@pytest.fixture(scope="module")
def registry(kb_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Registry]:
    root = tmp_path_factory.mktemp("writes")
    store = root / "store"
    shutil.copytree(kb_path, store, symlinks=True)
    submit_inputs(store, [str(EXAMPLES / f"{SPAM}.ttl")], OPTIONS, progress=False)
    options = ("--max-body-bytes", str(MAX_BODY), "--write-wait", "1")
    server = start_server(store, root / "serve.log", options)
    yield Registry(store, server)
    stop_server(server)


@pytest.fixture
def client(registry: Registry) -> Iterator[httpx.Client]:
    with registry.server.client() as session:
        yield session


def test_without_the_token_no_write_is_accepted_and_nothing_changes(
    registry: Registry, client: httpx.Client
) -> None:
    update = insert(NOTES, "unauthorised")
    turtle = {"Content-Type": "text/turtle"}
    assert registry.ask(client, f"ASK {{ GRAPH <{submission_graph(SPAM)}> {{ ?s ?p ?o }} }}")
    before = registry.state()
    attempts = {
        401: [
            client.post("/sparql", data={"update": update}),
            client.post(
                "/sparql", content=update, headers={"Content-Type": "application/sparql-update"}
            ),
            client.post("/sparql", data={"update": "DROP ALL"}),
            client.post("/submissions?name=intruder", content=CHATBOT.read_bytes(), headers=turtle),
            client.delete(f"/submissions/{SPAM}"),
        ],
        403: [
            client.post(
                "/sparql", data={"update": update}, headers={"Authorization": "Bearer wrong"}
            ),
            client.post("/sparql", data={"update": update}, headers={"Authorization": TOKEN}),
            client.post(
                "/sparql", data={"update": update}, headers={"Authorization": f"Basic {TOKEN}"}
            ),
            client.post(
                "/submissions?name=intruder",
                content=CHATBOT.read_bytes(),
                headers={**turtle, "Authorization": f"Bearer {TOKEN}x"},
            ),
            client.delete(f"/submissions/{SPAM}", headers={"Authorization": "Bearer " + "x" * 40}),
        ],
    }
    for status, responses in attempts.items():
        for response in responses:
            assert response.status_code == status, response.text
            assert "nothing was changed" in response.json()["message"]
            assert response.headers["www-authenticate"].startswith("Bearer")
    assert registry.state() == before
    assert not registry.ask(client, labelled("unauthorised"))
    assert client.get("/submissions/intruder").status_code == 404
    assert client.get(f"/submissions/{SPAM}").status_code == 200


def test_an_update_without_the_token_is_refused_before_its_body(registry: Registry) -> None:
    """A client announcing a SPARQL update body and withholding it, without the token, waited
    for the body deadline and got 408; it is refused with 401 at once."""
    import socket

    host, port = registry.server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=20) as connection:
        connection.sendall(
            b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-update\r\n"
            b"Content-Length: 100\r\n\r\nINSERT"
        )
        answer = connection.recv(4096)
    assert answer.startswith(b"HTTP/1.1 401"), answer[:200]


def test_with_the_token_an_update_is_published_and_queryable_at_once(
    registry: Registry, client: httpx.Client
) -> None:
    version = active_version(registry.store)
    response = client.post("/sparql", data={"update": insert(NOTES, "first")}, headers=AUTH)
    assert response.status_code == 200, response.text
    assert response.json()["changed_graphs"] == [NOTES]
    assert response.json()["version"] == active_version(registry.store) != version
    assert registry.ask(client, labelled("first"))
    graph = client.get("/graph", params={"graph": NOTES}, headers={"Accept": "text/turtle"})
    assert graph.status_code == 200
    assert '"first"' in graph.text

    direct = client.post(
        "/sparql",
        content=f"DELETE DATA {{ GRAPH <{NOTES}> {{ <https://example.org/note> rdfs:label "
        '"first" } } ;\n' + insert(NOTES, "second"),
        headers={**AUTH, "Content-Type": "application/sparql-update"},
    )
    assert direct.status_code == 200, direct.text
    assert not registry.ask(client, labelled("first"))
    assert registry.ask(client, labelled("second"))

    unchanged = registry.state()
    again = client.post("/sparql", data={"update": insert(NOTES, "second")}, headers=AUTH)
    assert again.status_code == 200
    assert again.json()["changed_graphs"] == []
    assert registry.state() == unchanged  # nothing changed: no new version
    description = client.get("/sparql", headers={"Accept": "application/n-triples"}).text
    assert "<http://www.w3.org/ns/sparql-service-description#SPARQL11Update>" in description


@pytest.mark.parametrize(
    "update",
    [
        f"DELETE WHERE {{ GRAPH <{graph_iri('legal-text')}> {{ aiap:art_6.par_3 aia:text ?t }} }}",
        "DROP ALL",
        'INSERT DATA { <https://example.org/note> rdfs:label "in the default graph" }',
        insert("https://example.org/elsewhere", "elsewhere"),
        insert(REGISTRY_GRAPH, "a forged record"),
        insert(submission_graph(SPAM), "a forged statement"),
        f"DELETE {{ GRAPH ?g {{ ?s aia:text ?t }} }} INSERT {{ GRAPH ?g {{ ?s aia:text 'x' }} }} "
        f"WHERE {{ GRAPH ?g {{ ?s aia:text ?t }} }} ;\n{insert(NOTES, 'with the law')}",
        # IRIs that a client resolving dot segments or escapes reads as another graph's
        insert(f"{submission_graph(SPAM)}/../../../graph/ontology", "dot segments"),
        insert(submission_graph(SPAM).replace("/submission", "/%73ubmission"), "escaped"),
        insert(submission_graph(SPAM) + "/", "a trailing slash"),
    ],
    ids=[
        "law",
        "drop-all",
        "default",
        "other",
        "records",
        "submission",
        "mixed",
        "dot-segments",
        "escaped",
        "trailing-slash",
    ],
)
def test_an_update_beyond_the_registry_graphs_is_refused_and_changes_nothing(
    registry: Registry, client: httpx.Client, update: str
) -> None:
    before = registry.state()
    response = client.post("/sparql", data={"update": update}, headers=AUTH)
    assert response.status_code == 403, response.text
    assert response.json()["error"] == "protected-graph"
    assert "Nothing was changed" in response.json()["message"]
    assert registry.state() == before
    assert not registry.ask(client, labelled("with the law"))


@pytest.mark.parametrize(
    "forged",
    [
        "<https://example.org/forged> a aia:Determination ;"
        " aia:conclusion aiac:category-prohibited",
        "<https://example.org/forged> aia:obligationFor <https://example.org/system>",
    ],
    ids=["determination", "assessed-obligation-link"],
)
def test_an_update_writing_what_only_the_rules_derive_is_refused(
    registry: Registry, client: httpx.Client, forged: str
) -> None:
    before = registry.state()
    update = f"INSERT DATA {{ GRAPH <{NOTES}> {{ {forged} }} }}"
    response = client.post("/sparql", data={"update": update}, headers=AUTH)
    assert response.status_code == 403, response.text
    assert response.json()["error"] == "protected-graph"
    assert "terms of what the assessment derives" in response.json()["message"]
    assert NOTES in response.json()["message"]
    assert registry.state() == before


def test_drop_of_an_operator_graph_is_run_on_the_store_not_refused_by_the_syntax_check(
    registry: Registry, client: httpx.Client
) -> None:
    created = client.post("/sparql", data={"update": insert(NOTES, "to drop")}, headers=AUTH)
    assert created.status_code == 200, created.text
    for operation in ("CLEAR GRAPH", "DROP GRAPH"):
        response = client.post("/sparql", data={"update": f"{operation} <{NOTES}>"}, headers=AUTH)
        assert response.status_code == 200, response.text
        assert not registry.ask(client, labelled("to drop"))
    before = registry.state()
    missing = client.post("/sparql", data={"update": f"DROP GRAPH <{NOTES}>"}, headers=AUTH)
    assert missing.status_code == 400, missing.text
    assert "does not exist" in missing.json()["message"]
    assert registry.state() == before


def test_a_malformed_update_is_400_at_its_line(registry: Registry, client: httpx.Client) -> None:
    before = registry.state()
    response = client.post(
        "/sparql", data={"update": "INSERT DATA {\n  GRAPH <x> { <a:b> <a:c> }\n}"}, headers=AUTH
    )
    assert response.status_code == 400
    assert "line 2" in response.json()["message"]
    assert registry.state() == before


def _cli_submit(capsys: pytest.CaptureFixture[str], store: Path, document: Path) -> object:
    arguments = ["--store", str(store), "submit", str(document), "--format", "json"]
    assert main([*arguments, "--as-of", AS_OF]) == 0
    return json.loads(capsys.readouterr().out)


def _without_runs(data: object) -> object:
    text = json.dumps(data)
    for run in {s["run"] for s in data["submissions"]}:  # type: ignore[index]
        text = text.replace(run, "RUN")
    return json.loads(text)


def _post_together(registry: Registry, requests: dict[str, Path]) -> dict[str, httpx.Response]:
    """POST each document to its ``/submissions?...`` URL, all at once."""
    answers: dict[str, httpx.Response] = {}

    def post(url: str, path: Path) -> None:
        with registry.server.client() as own:
            answers[url] = own.post(
                url, content=path.read_bytes(), headers={**AUTH, "Content-Type": "text/turtle"}
            )

    threads = [threading.Thread(target=post, args=item) for item in requests.items()]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return answers


def test_concurrent_submissions_are_stored_assessed_queryable_and_withdrawn(
    registry: Registry,
    client: httpx.Client,
    kb_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    chatbot_url = f"/submissions?file={CHATBOT.name}&as_of={AS_OF}"
    answers = _post_together(
        registry,
        {
            chatbot_url: CHATBOT,
            "/submissions?name=deep-fake": EXAMPLES / "deep-fake-image-generator.ttl",
        },
    )
    assert [answer.status_code for answer in answers.values()] == [201, 201], answers
    listed = {item["name"] for item in client.get("/submissions").json()}
    assert {SPAM, CHATBOT.stem, "deep-fake"} <= listed
    assert client.delete("/submissions/deep-fake", headers=AUTH).status_code == 200
    response = answers[chatbot_url]
    name = CHATBOT.stem
    assert response.headers["location"] == f"/submissions/{name}"
    # the JSON `aiact-kg submit --format json` prints for the same document and date
    other = tmp_path / "store"
    shutil.copytree(kb_path, other, symlinks=True)
    monkeypatch.chdir(CHATBOT.parent)
    expected = _cli_submit(capsys, other, Path(CHATBOT.name))
    assert _without_runs(response.json()) == _without_runs(expected)
    run = response.json()["submissions"][0]["run"]

    for graph in (submission_graph(name), assessment_graph(name)):
        assert registry.ask(client, f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    assert registry.ask(client, f"ASK {{ GRAPH ?g {{ ?entry aia:latestAssessment <{run}> }} }}")
    stored = client.get(response.headers["location"])
    assert stored.status_code == 200
    assert stored.json()["subjects"] == response.json()["submissions"][0]["subjects"]

    same = client.post(
        f"/submissions?name={name}&file={CHATBOT.name}&as_of={AS_OF}",
        content=CHATBOT.read_bytes(),
        headers={**AUTH, "Content-Type": "text/turtle"},
    )
    assert same.status_code == 200
    assert same.json()["submissions"][0]["status"] == "unchanged"

    gone = client.delete(f"/submissions/{name}", headers=AUTH)
    assert gone.status_code == 200, gone.text
    assert gone.json() == {"withdrawn": name, "file": CHATBOT.name, "reassessed": []}
    assert not registry.ask(client, f"ASK {{ GRAPH <{submission_graph(name)}> {{ ?s ?p ?o }} }}")
    assert client.get(f"/submissions/{name}").status_code == 404
    assert client.delete(f"/submissions/{name}", headers=AUTH).status_code == 404


def test_a_submission_with_violations_is_refused_with_its_findings(
    registry: Registry, client: httpx.Client
) -> None:
    before = registry.state()
    response = client.post(
        "/submissions?name=invalid",
        content=INVALID.read_bytes(),
        headers={**AUTH, "Content-Type": "text/turtle"},
    )
    assert response.status_code == 422, response.text
    data = response.json()
    assert data["conforms"] is False
    assert data["submissions"] == []
    assert data["validation"]["counts"]["violation"] > 0
    assert registry.state() == before


def test_a_submission_cannot_write_outside_its_graphs(
    registry: Registry, client: httpx.Client
) -> None:
    """A TriG document naming the law's, the records' and another submission's graphs: every
    statement lands in its own submission graph."""
    spam = (EXAMPLES / f"{SPAM}.ttl").read_text()
    prefixes = "".join(line + "\n" for line in spam.splitlines() if line.startswith("@prefix"))
    body = "".join(
        line + "\n" for line in spam.splitlines() if not line.startswith(("@prefix", "#"))
    )
    # (a statement about the record itself is refused: the registry's IRIs are reserved)
    forged = '<https://example.org/forged-note> rdfs:label "forged" .'
    trig = (
        prefixes
        + f"<{graph_iri('legal-text')}> {{\n{body}}}\n"
        + f"<{REGISTRY_GRAPH}> {{ {forged} }}\n"
        + f"<{assessment_graph(SPAM)}> {{ {forged} }}\n"
        + f"<{graph_iri('obligations')}> {{ {forged} }}\n"
    )
    before = snapshot(registry.store)
    response = client.post(
        "/submissions?name=intruder",
        content=trig.encode(),
        headers={**AUTH, "Content-Type": "application/trig"},
    )
    assert response.status_code == 201, response.text
    after = snapshot(registry.store)
    changed = {g for g in after.keys() | before.keys() if after.get(g) != before.get(g)}
    assert changed == {REGISTRY_GRAPH, submission_graph("intruder"), assessment_graph("intruder")}
    assert not any("forged" in quad for quad in after[REGISTRY_GRAPH])
    assert sum("forged" in quad for quad in after[submission_graph("intruder")]) == 1
    assert client.delete("/submissions/intruder", headers=AUTH).status_code == 200


HOSTILE_NAMES = [
    "../x",
    "..",
    "https://example.org/x",
    "a/b",
    "a" * 129,
    "a" * 300,
    "süßes-system",
    "",
    ".hidden",
    "x y",
    "x%00",
]


def test_a_hostile_name_is_a_clear_400(registry: Registry, client: httpx.Client) -> None:
    before = registry.state()
    for name in HOSTILE_NAMES:
        response = client.post(
            "/submissions",
            params={"name": name},
            content=CHATBOT.read_bytes(),
            headers={**AUTH, "Content-Type": "text/turtle"},
        )
        assert response.status_code == 400, (name, response.text)
        assert "name" in response.json()["message"]
        if name:
            escaped = quote(name, safe="").replace(".", "%2E")
            deleted = client.delete(f"/submissions/{escaped}", headers=AUTH)
            assert deleted.status_code == 400, (name, deleted.text)
    assert registry.state() == before


def test_an_oversized_body_is_413_and_changes_nothing(
    registry: Registry, client: httpx.Client
) -> None:
    before = registry.state()
    padding = b"# padding\n" * (MAX_BODY // 10 + 1)
    for path, media in (("/submissions?name=big", "text/turtle"), ("/sparql", None)):
        content = padding + CHATBOT.read_bytes()
        headers = {**AUTH, "Content-Type": media or "application/sparql-update"}
        response = client.post(path, content=content, headers=headers)
        assert response.status_code == 413, response.text
    assert registry.state() == before


def test_a_busy_store_answers_503_with_retry_after(
    registry: Registry, client: httpx.Client
) -> None:
    before = registry.state()
    with writer_lock(registry.store):
        started = time.monotonic()
        update = client.post("/sparql", data={"update": insert(NOTES, "busy")}, headers=AUTH)
        submission = client.post(
            "/submissions?name=busy",
            content=CHATBOT.read_bytes(),
            headers={**AUTH, "Content-Type": "text/turtle"},
        )
        elapsed = time.monotonic() - started
    for response in (update, submission):
        assert response.status_code == 503, response.text
        assert response.json()["error"] == "busy"
        assert int(response.headers["retry-after"]) > 0
    assert elapsed < 30  # --write-wait 1 each, not forever
    assert registry.state() == before


def test_a_port_in_use_is_a_clear_error(registry: Registry) -> None:
    """What `make run` shows when another service already has the port."""
    port = registry.server.url.rsplit(":", 1)[1]
    done = subprocess.run(
        serve_command(registry.store, "--port", port),
        capture_output=True,
        text=True,
        timeout=60,
        env=service_environment(),
        check=False,
    )
    assert done.returncode == 2
    assert f"cannot listen on 127.0.0.1:{port}" in done.stderr
    assert "--port" in done.stderr
    assert "Traceback" not in done.stderr


def test_openapi_describes_the_writes(client: httpx.Client) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {"get", "post"} <= paths["/submissions"].keys()
    assert {"get", "delete"} <= paths["/submissions/{name}"].keys()
    assert {"201", "401", "403", "413", "422", "503"} <= paths["/submissions"]["post"][
        "responses"
    ].keys()
    assert "application/sparql-update" in paths["/sparql"]["post"]["requestBody"]["content"]


def test_an_update_over_the_time_limit_is_stopped_and_changes_nothing(
    registry: Registry, tmp_path: Path
) -> None:
    """Another service on the same store, with a time limit of 3 seconds."""
    slow = (
        f"INSERT {{ GRAPH <{NOTES}> {{ ?a ?b ?c }} }} "
        "WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } }"
    )
    before = registry.state()
    limited = start_server(registry.store, tmp_path / "serve.log", ("--timeout", "3"))
    try:
        with limited.client() as client:
            started = time.monotonic()
            response = client.post("/sparql", data={"update": slow}, headers=AUTH)
            elapsed = time.monotonic() - started
            assert response.status_code == 503, response.text
            assert response.json()["error"] == "timeout"
            assert "nothing was changed" in response.json()["message"]
            assert elapsed < 30
            assert client.get("/health").status_code == 200
    finally:
        stop_server(limited)
    assert registry.state() == before  # not even a staging directory is left
