"""A service on a registry with submissions: a copy of the session's store, one example (a
high-risk system with many obligations) and one description whose label is hostile HTML,
submitted as of 2026-11-01."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from aiact_kg.registry.submit import submit_inputs
from tests.registry.conftest import EXAMPLES, OPTIONS
from tests.service.conftest import Server, start_server, stop_server

SUBMITTED = ("recruitment-cv-screening.ttl",)
CV_RANKER = "https://example.org/talentsift/cv-ranker"
HOSTILE = "https://example.org/mailguard/hostile-filter"
#: a label a page must show as text, never as markup
HOSTILE_LABEL = '<script>alert("x")</script> & <b>bold</b>'


def hostile_document(folder: Path) -> Path:
    """The spam filter again, under another IRI, with a label made of markup."""
    text = (EXAMPLES / "minimal-risk-spam-filter.ttl").read_text(encoding="utf-8")
    text = text.replace("mailguard/spam-filter>", "mailguard/hostile-filter>")
    text = text.replace(
        '"MailGuard spam filter"@en', '"<script>alert(\\"x\\")</script> & <b>bold</b>"@en'
    )
    target = folder / "hostile-label.ttl"
    target.write_text(text, encoding="utf-8")
    return target


@pytest.fixture(scope="session")
def registry_store(kb_path: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("registry-pages")
    store = folder / "store"
    shutil.copytree(kb_path, store, symlinks=True)
    documents = [str(EXAMPLES / name) for name in SUBMITTED] + [str(hostile_document(folder))]
    result = submit_inputs(store, documents, OPTIONS, progress=False)
    assert result.exit_code == 0, result
    return store


@pytest.fixture(scope="session")
def registry_server(registry_store: Path) -> Iterator[Server]:
    """The service on the registry (default limits)."""
    running = start_server(registry_store, registry_store.parent / "serve.log")
    yield running
    stop_server(running)
