"""The browser reaches the service on 127.0.0.1 and reads what it serves."""

from __future__ import annotations

import json

from playwright.sync_api import Page

from tests.browser.conftest import page_errors
from tests.service.conftest import Server


def test_the_browser_reads_the_service_health(page: Page, server: Server) -> None:
    response = page.goto(server.url + "/health")
    assert response is not None
    assert response.status == 200
    assert json.loads(page.inner_text("body"))["status"] == "ok"
    assert page_errors(page) == []
