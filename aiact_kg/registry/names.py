"""Registry names and the IRIs of the graphs and records minted from them."""

from __future__ import annotations

import re
from pathlib import PurePath
from typing import Final

from aiact_kg.errors import InputError
from aiact_kg.namespaces import REGISTRY, graph_iri

REGISTRY_GRAPH: Final = graph_iri("registry")
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$")
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def check_name(name: str) -> str:
    """``name`` if it can name a submission (letters, digits, ``.``, ``_``, ``-``), else raise."""
    if not _NAME.match(name):
        raise InputError(
            f"{name!r} cannot name a submission: use 1 to 128 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    return name


def name_for_file(file_name: str) -> str:
    """The registry name of a document read from ``file_name``: its stem, made IRI-safe."""
    stem = PurePath(file_name).stem
    return check_name(_UNSAFE.sub("-", stem).strip("-._")[:128] or "document")


def entry_iri(name: str) -> str:
    return f"{REGISTRY}{name}"


def submission_graph(name: str) -> str:
    return f"{REGISTRY}{name}/submission"


def assessment_graph(name: str) -> str:
    return f"{REGISTRY}{name}/assessment"


def is_registry_graph(iri: str) -> bool:
    """Whether a named graph belongs to the registry (and is carried over by a rebuild)."""
    return iri == REGISTRY_GRAPH or iri.startswith(REGISTRY)
