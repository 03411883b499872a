"""The workbench's routes without a browser: the page, the catalogue, static files, ``/docs``,
and the vendored libraries against their pinned hashes."""

from __future__ import annotations

import importlib.util
import re
from types import ModuleType

import httpx

from aiact_kg.service.negotiation import GRAPHS, SOLUTIONS
from tests.conftest import REPO_ROOT

CQ = sorted((REPO_ROOT / "queries" / "cq").glob("*.rq"))


def vendoring_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "vendor_web_assets", REPO_ROOT / "scripts" / "vendor_web_assets.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_page_is_served_at_the_root(client: httpx.Client) -> None:
    response = client.get("/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert '<script type="module" src="/static/workbench/workbench.js">' in response.text
    policy = response.headers["content-security-policy"]
    assert "script-src 'self';" in policy
    assert "connect-src 'self';" in policy
    assert client.head("/").status_code == 200


def test_the_catalogue_lists_every_competency_question(client: httpx.Client) -> None:
    response = client.get("/catalogue")
    assert response.status_code == 200
    entries = response.json()["queries"]
    assert [entry["id"] for entry in entries] == [path.stem for path in CQ]
    for entry, path in zip(entries, CQ, strict=True):
        source = path.read_text(encoding="utf-8")
        assert source.startswith(f"# Question: {entry['question']}\n")
        assert f"# Provisions: {entry['provisions']}\n" in source
        if "# Store:" in source:
            assert f"# Store: {entry['store']}\n" in source
        else:
            assert entry["store"] == ""
        # the header comment first, then our PREFIX lines, then the query as shipped
        header, _, rest = entry["text"].partition(
            "PREFIX aia: <https://w3id.org/aiact-kg/ontology#>"
        )
        assert source.startswith(header)
        assert rest.rstrip().endswith(source.rstrip().splitlines()[-1])
    registry = [entry["id"] for entry in entries if entry["store"].startswith("assessment")]
    assert "cq-015-high-risk-by-area-and-country" in registry


def test_the_catalogue_names_the_endpoints_result_formats(client: httpx.Client) -> None:
    formats = client.get("/catalogue").json()["formats"]
    assert [f["media_type"] for f in formats["solutions"]] == [
        offer.media_types[0] for offer in SOLUTIONS
    ]
    assert [f["media_type"] for f in formats["graphs"]] == [
        offer.media_types[0] for offer in GRAPHS
    ]
    assert {f["label"] for f in formats["solutions"]} == {"JSON", "XML", "CSV", "TSV"}


def test_the_prefixes_for_the_editor(client: httpx.Client) -> None:
    prefixes = client.get("/catalogue/prefixes").json()
    assert prefixes["aiap"] == "https://w3id.org/aiact-kg/reg/2024/1689/"


def test_static_files_have_their_media_types(client: httpx.Client) -> None:
    script = client.get("/static/workbench/workbench.js")
    assert script.status_code == 200
    assert script.headers["content-type"].startswith("text/javascript")
    assert (
        client.get("/static/vendor/yasgui/yasgui.min.css")
        .headers["content-type"]
        .startswith("text/css")
    )


def test_nothing_outside_the_static_folder_is_served(client: httpx.Client) -> None:
    for path in (
        "/static/../app.py",
        "/static/%2e%2e/app.py",
        "/static/..%2fapp.py",
        "/static/vendor/yasgui/LICENSE",  # no media type we serve
        "/static/nothing.js",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert response.json()["error"] == "not-found"


def test_the_api_docs_load_only_local_assets(client: httpx.Client) -> None:
    page = client.get("/docs")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert "/static/vendor/swagger-ui/swagger-ui-bundle.js" in sources
    assert all(source.startswith("/") for source in sources), sources
    assert "cdn" not in page.text.lower()
    assert client.get("/redoc").status_code == 404  # its page would load a CDN script


def test_the_vendored_files_match_their_pinned_hashes() -> None:
    script = vendoring_script()
    manifest = script.load_manifest()
    assert script.check_committed(manifest) == []
    names = {package["name"]: package for package in manifest["packages"]}
    assert names["@zazuko/yasgui"]["version"] == "4.6.2"
    for package in manifest["packages"]:
        assert re.fullmatch(r"[0-9a-f]{64}", package["tarball_sha256"])
        assert "LICENSE" in package["files"], package["name"]


def test_the_readme_names_each_vendored_library_and_its_licence() -> None:
    readme = (REPO_ROOT / "README.md").read_text(encoding="utf-8")
    for package in vendoring_script().load_manifest()["packages"]:
        assert f"`{package['name']}` {package['version']}" in readme
        assert package["licence"] in readme
