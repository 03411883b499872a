"""Shared fixtures: the shipped legal-text graph and the parsed EUR-Lex HTML."""

from __future__ import annotations

from pathlib import Path

import pytest
import rdflib

from aiact_kg.resources import data_dir
from aiact_kg_build.legaltext.eurlex import ParseResult, parse_file

REPO_ROOT = Path(__file__).resolve().parents[2]
HTML = REPO_ROOT / "data" / "sources" / "eur-lex" / "OJ_L_202401689_EN_TXT.html"
GENERATED = "aiact-2024-1689.ttl"
APPLICABILITY = "applicability.ttl"


@pytest.fixture(scope="session")
def legal_text_dir() -> Path:
    return data_dir("legal-text")


@pytest.fixture(scope="session")
def graph(legal_text_dir: Path) -> rdflib.Graph:
    g = rdflib.Graph()
    g.parse(legal_text_dir / GENERATED, format="turtle")
    g.parse(legal_text_dir / APPLICABILITY, format="turtle")
    return g


@pytest.fixture(scope="session")
def parsed() -> ParseResult:
    return parse_file(HTML)
