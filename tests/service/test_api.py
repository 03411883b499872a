"""The HTTP API gives exactly the JSON of the command line: /validate, /assess, /provisions."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest

from aiact_kg.cli import main
from aiact_kg.results.schemas import MODELS
from tests.conftest import REPO_ROOT
from tests.results.schema_check import check, committed

EXAMPLES = REPO_ROOT / "examples" / "submissions"
INVALID = REPO_ROOT / "tests" / "shapes" / "submission" / "PublicBenefitsDeployer" / "invalid.ttl"
MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".jsonld": "application/ld+json",
    ".rdf": "application/rdf+xml",
}
ONE_PER_FORMAT = [
    "recruitment-cv-screening.ttl",
    "credit-scoring-bank.nt",
    "gpai-system-intended-purpose-change.nq",
    "real-time-rbi-police-suspect-search.trig",
    "gpai-model-systemic-risk.jsonld",
    "medical-device-annex-i.rdf",
]


def cli_json(capsys: pytest.CaptureFixture[str], arguments: list[str]) -> tuple[int, Any]:
    capsys.readouterr()
    code = main(arguments)
    return code, json.loads(capsys.readouterr().out)


def _copy(source: Path, directory: Path) -> Path:
    target = directory / source.name
    shutil.copyfile(source, target)
    return target


def _post(client: httpx.Client, route: str, source: Path, **params: str) -> httpx.Response:
    return client.post(
        route,
        params={"name": source.name, **params},
        content=source.read_bytes(),
        headers={"Content-Type": MEDIA_TYPES[source.suffix]},
    )


def _without_run(data: dict[str, Any]) -> Any:
    """The report less what differs between two runs: the run's own IRI (wherever the run's
    derived terms use it) and its start time."""
    run_iri = data["run"]["iri"]
    assert run_iri.endswith("/run")
    text = json.dumps({**data, "run": {**data["run"], "started_at": None}})
    run_id = run_iri.removesuffix("/run").rsplit("/", 1)[1]  # also in compact IRIs (aiaa:ID/...)
    return json.loads(text.replace(run_id, "RUN"))


@pytest.mark.parametrize("name", ONE_PER_FORMAT)
def test_validate_gives_the_json_of_the_command(
    client: httpx.Client,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
) -> None:
    source = _copy(EXAMPLES / name, tmp_path)
    monkeypatch.chdir(tmp_path)
    code, expected = cli_json(
        capsys, ["validate", source.name, "--format", "json", "--no-progress"]
    )
    response = _post(client, "/validate", source)
    assert response.status_code == 200, response.text
    assert code == 0
    assert response.json() == expected
    assert expected["counts"]["subjects"] >= 1
    check("validation", response.json())


def test_validate_reports_violations_like_the_command(
    client: httpx.Client,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = _copy(INVALID, tmp_path)
    monkeypatch.chdir(tmp_path)
    code, expected = cli_json(capsys, ["validate", source.name, "--format", "json"])
    response = _post(client, "/validate", source)
    assert code == 1
    assert response.status_code == 200  # a report, not an error: `conforms` says no
    assert response.json() == expected
    assert expected["conforms"] is False


@pytest.mark.parametrize(
    ("name", "as_of", "law"),
    [
        ("recruitment-cv-screening.ttl", "2026-09-01", None),
        ("gpai-model-systemic-risk.jsonld", "2026-01-15", "as-published"),
    ],
)
def test_assess_gives_the_json_of_the_command(
    client: httpx.Client,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    as_of: str,
    law: str | None,
) -> None:
    source = _copy(EXAMPLES / name, tmp_path)
    monkeypatch.chdir(tmp_path)
    options = ["--as-of", as_of, *(["--law", law] if law else [])]
    code, expected = cli_json(
        capsys, ["assess", source.name, "--format", "json", "--no-progress", *options]
    )
    params = {"as_of": as_of, **({"law": law} if law else {})}
    response = _post(client, "/assess", source, **params)
    assert response.status_code == 200, response.text
    assert code == 0
    assert _without_run(response.json()) == _without_run(expected)
    assert expected["subjects"]
    check("assessment", response.json())
    assert response.json()["run"]["iri"] != expected["run"]["iri"]  # a run of its own


def test_assess_refuses_a_description_with_violations_like_the_command(
    client: httpx.Client,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = _copy(INVALID, tmp_path)
    monkeypatch.chdir(tmp_path)
    code, expected = cli_json(
        capsys, ["assess", source.name, "--format", "json", "--as-of", "2027-01-01"]
    )
    response = _post(client, "/assess", source, as_of="2027-01-01")
    assert code == 1
    assert response.status_code == 422
    assert _without_run(response.json()) == _without_run(expected)
    assert response.json()["valid"] is False


def test_an_unreadable_document_is_422_with_the_commands_report(
    client: httpx.Client,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = tmp_path / "broken.ttl"
    source.write_text("@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n<x> aia:y \n")
    monkeypatch.chdir(tmp_path)
    code, expected = cli_json(capsys, ["validate", source.name, "--format", "json"])
    response = _post(client, "/validate", source)
    assert code == 2
    assert response.status_code == 422
    assert response.json() == expected
    assert response.json()["unreadable"][0]["line"] is not None


@pytest.mark.parametrize("route", ["/validate", "/assess"])
def test_a_document_type_we_do_not_read_is_415(client: httpx.Client, route: str) -> None:
    response = client.post(route, content=b"hello", headers={"Content-Type": "text/plain"})
    assert response.status_code == 415
    assert "text/turtle" in response.json()["message"]


@pytest.mark.parametrize(
    "params",
    [
        {"as_of": "2026-13-01"},
        {"as_of": ""},
        {"law": "as-rumoured"},
        {"name": "x" * 300},
        {"format": "rdf"},
    ],
)
def test_bad_assessment_parameters_are_400(client: httpx.Client, params: dict[str, str]) -> None:
    source = EXAMPLES / "recruitment-cv-screening.ttl"
    response = client.post(
        "/assess",
        params=params,
        content=source.read_bytes(),
        headers={"Content-Type": "text/turtle"},
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"] == "bad-request"


@pytest.mark.parametrize(
    ("query", "phrase"),
    [
        ("asof=2030-01-01", "unknown query parameter 'asof': /assess takes as_of, format, law"),
        ("as_of=2026-01-01&lwa=as-published", "unknown query parameter 'lwa'"),
        ("as_of=2026-01-01&as_of=2027-01-01", "'as_of' is given more than once"),
    ],
)
def test_a_misspelt_or_repeated_parameter_is_400_not_ignored(
    client: httpx.Client, query: str, phrase: str
) -> None:
    # ignored, ?asof= gave a confident assessment for today instead of 2030
    source = EXAMPLES / "recruitment-cv-screening.ttl"
    response = client.post(
        f"/assess?{query}", content=source.read_bytes(), headers={"Content-Type": "text/turtle"}
    )
    assert response.status_code == 400, response.text
    assert response.json()["error"] == "bad-request"
    assert phrase in response.json()["message"]


@pytest.mark.parametrize("citation", ["Art 6(3)", "Annex III point 4(a)", "Recital 97"])
def test_provisions_give_the_json_of_the_command(
    client: httpx.Client, capsys: pytest.CaptureFixture[str], kb_path: Path, citation: str
) -> None:
    code, expected = cli_json(
        capsys, ["--store", str(kb_path), "provision", citation, "--format", "json"]
    )
    response = client.get("/provisions/" + quote(citation))
    assert code == 0
    assert response.status_code == 200, response.text
    assert response.json() == expected
    assert expected["text"]


def test_an_unknown_provision_is_404(client: httpx.Client) -> None:
    response = client.get("/provisions/" + quote("Art 999"))
    assert response.status_code == 404
    assert "Art 999" in response.json()["message"]


def test_errors_are_json_without_a_traceback(client: httpx.Client) -> None:
    for response in (
        client.get("/no-such-route"),
        client.delete("/sparql"),
        client.get("/sparql", params={"default-graph-uri": "https://example.org/g"}),
    ):
        assert response.status_code in (400, 404, 405)
        body = response.json()
        assert set(body) == {"error", "message"}
        assert "Traceback" not in response.text


@pytest.mark.parametrize("name", sorted(MODELS))
def test_the_schemas_are_served_as_in_docs(client: httpx.Client, name: str) -> None:
    response = client.get(f"/schemas/{name}.schema.json")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/schema+json")
    assert response.json() == committed(name)


def test_an_unknown_schema_is_404(client: httpx.Client) -> None:
    response = client.get("/schemas/verdict.schema.json")
    assert response.status_code == 404
    assert "assessment" in response.json()["message"]


def test_openapi_names_the_result_models(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    for path, model, statuses in (
        ("/validate", "ValidationResult", ("200", "422")),
        ("/assess", "AssessmentResult", ("200", "422")),
        ("/provisions/{citation}", "ProvisionResult", ("200",)),
    ):
        operation = next(iter(schema["paths"][path].values()))
        for status in statuses:
            content = operation["responses"][status]["content"]["application/json"]
            assert content["schema"]["$ref"] == f"#/components/schemas/{model}", (path, status)
    assessed = schema["components"]["schemas"]["Obligation"]
    assert "condition" not in assessed["required"]


def test_assess_format_dpv_gives_the_turtle_of_the_command(
    client: httpx.Client,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    source = _copy(EXAMPLES / "recruitment-cv-screening.ttl", tmp_path)
    monkeypatch.chdir(tmp_path)
    capsys.readouterr()
    options = ["--as-of", "2026-09-01", "--format", "dpv", "--no-progress"]
    assert main(["assess", source.name, *options]) == 0
    expected = capsys.readouterr().out
    response = _post(client, "/assess", source, as_of="2026-09-01", format="dpv")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/turtle")
    assert response.text == expected
    assert "eu-aiact:HighRiskAISystem" in expected


def test_assess_negotiates_dpv_turtle_by_accept(client: httpx.Client, tmp_path: Path) -> None:
    source = _copy(EXAMPLES / "recruitment-cv-screening.ttl", tmp_path)

    def post(accept: str | None, **params: str) -> httpx.Response:
        headers = {"Content-Type": MEDIA_TYPES[source.suffix]}
        if accept is not None:
            headers["Accept"] = accept
        return client.post(
            "/assess",
            params={"name": source.name, "as_of": "2026-09-01", **params},
            content=source.read_bytes(),
            headers=headers,
        )

    turtle = post(None, format="dpv")
    assert turtle.status_code == 200, turtle.text
    by_accept = post("text/turtle")
    assert by_accept.headers["content-type"].startswith("text/turtle")
    assert by_accept.text == turtle.text
    assert by_accept.headers["vary"] == "Accept"
    for accept in (None, "application/json", "text/turtle;q=0.5, application/json", "text/html"):
        answer = post(accept)
        assert answer.headers["content-type"].startswith("application/json"), accept
        assert answer.json()["valid"] is True
    assert post("text/turtle", format="json").headers["content-type"].startswith("application/json")


def test_a_repeated_iri_of_the_resource_route_is_400(client: httpx.Client) -> None:
    """/resource?iri=a&iri=b answered about the last one (an outside check)."""
    law = "https://w3id.org/aiact-kg/reg/2024/1689/art_5"
    response = client.get(
        "/resource",
        params=[("iri", law), ("iri", law + ".par_1")],
        headers={"Accept": "text/turtle"},
    )
    assert response.status_code == 400, response.text
    assert "'iri' is given more than once" in response.json()["message"]
    alone = client.get("/resource", params={"iri": law}, headers={"Accept": "text/turtle"})
    assert alone.status_code == 200
