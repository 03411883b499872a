"""A real headless browser (Debian's chromium, driven by Playwright) on the real service.

No browser is downloaded: Playwright launches the system's chromium (``AIACT_KG_CHROMIUM`` or
``/usr/bin/chromium``), which ``scripts/install-system-deps.sh`` installs. Screenshots are kept
under ``test-artifacts/screenshots/`` for whoever reads a failed run.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from aiact_kg.registry.submit import submit_inputs
from tests.conftest import REPO_ROOT
from tests.registry.test_catalogue_queries import EXAMPLES, OPTIONS, PROHIBITED
from tests.service.conftest import (
    Server,
    server,  # noqa: F401 (the real service, a fixture)
    start_server,
    stop_server,
)

SCREENSHOTS = REPO_ROOT / "test-artifacts" / "screenshots"
#: the flags that keep chromium off the network and quiet on a machine with no screen
CHROMIUM_FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
)


def chromium_path() -> str:
    """The system chromium, or fail naming how to install it."""
    configured = os.environ.get("AIACT_KG_CHROMIUM")
    found = configured or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found or not Path(found).exists():
        pytest.fail("no chromium found: run scripts/install-system-deps.sh (Debian's chromium)")
    return found


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=chromium_path(), headless=True, args=list(CHROMIUM_FLAGS)
        )
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser, request: pytest.FixtureRequest) -> Iterator[Page]:
    """A fresh page; a screenshot of it is kept after the test, passed or failed."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    opened = context.new_page()
    problems: list[str] = []
    opened.on("pageerror", lambda error: problems.append(str(error)))
    opened.problems = problems  # type: ignore[attr-defined]
    yield opened
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    name = request.node.name.replace("/", "_").replace("[", "-").replace("]", "")
    try:
        opened.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    finally:
        context.close()


def page_errors(page: Page) -> list[str]:
    """JavaScript errors the page raised so far."""
    return list(page.problems)  # type: ignore[attr-defined]


@pytest.fixture(scope="session")
def registry_server(kb_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """The service on a registry: the knowledge base with the example submissions (and the one
    prohibited system of the registry's catalogue tests, and the models of the GPAI procedure
    questions) submitted, so that every catalogue question has something to find."""
    work = tmp_path_factory.mktemp("registry-service")
    store = work / "store"
    shutil.copytree(kb_path, store, symlinks=True)
    extra = work / "moodwork.ttl"
    extra.write_text(PROHIBITED, encoding="utf-8")
    documents = sorted(p for p in EXAMPLES.iterdir() if p.is_file() and p.suffix != ".md")
    # the models of the GPAI procedure questions (overdue notifications, reassessment, ...)
    documents += sorted((REPO_ROOT / "tests" / "registry" / "gpai_models").glob("*.ttl"))
    documents.append(REPO_ROOT / "examples" / "timeline" / "orion-procedure.ttl")
    result = submit_inputs(store, [str(p) for p in (*documents, extra)], OPTIONS, progress=False)
    assert result.exit_code == 0
    running = start_server(store, work / "serve.log", ("--timeout", "60"))
    yield running
    stop_server(running)


def requests_of(page: Page) -> list[str]:
    """Record the URL of every request the page makes from now on."""
    seen: list[str] = []
    page.on("request", lambda request: seen.append(request.url))
    return seen


def open_workbench(page: Page, service: Server) -> Any:
    """Open the workbench and wait until its catalogue and editor are ready."""
    response = page.goto(service.url + "/")
    assert response is not None
    assert response.status == 200
    page.wait_for_selector("body[data-ready=yes]", timeout=30_000)
    return response
