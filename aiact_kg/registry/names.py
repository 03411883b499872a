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
    """The registry name of a document read from ``file_name``: its stem, which must be a valid
    name as it is (rewriting it would let two different files take the same name, and one
    replace the other's submission without a word)."""
    stem = PurePath(file_name).stem
    if _NAME.match(stem):
        return stem
    suggestion = _UNSAFE.sub("-", stem).strip("-._")[:128]
    example = f" (e.g. {suggestion!r})" if _NAME.match(suggestion) else ""
    raise InputError(
        f"the file name {PurePath(file_name).name!r} cannot name a submission: a name is 1 to "
        "128 letters, digits, '.', '_' or '-', starting with a letter or digit. Give the "
        f"submission a name{example} with --name (the 'name' parameter of the service), or "
        "rename the file"
    )


def entry_iri(name: str) -> str:
    return f"{REGISTRY}{name}"


def submission_graph(name: str) -> str:
    return f"{REGISTRY}{name}/submission"


def assessment_graph(name: str) -> str:
    return f"{REGISTRY}{name}/assessment"


def name_of_submission_graph(iri: str) -> str | None:
    """The name of the submission whose statements graph ``iri`` is, or None."""
    if iri.startswith(REGISTRY) and iri.endswith("/submission"):
        name = iri[len(REGISTRY) : -len("/submission")]
        return name if _NAME.match(name) else None
    return None


def is_registry_graph(iri: str) -> bool:
    """Whether a named graph belongs to the registry (and is carried over by a rebuild)."""
    return iri == REGISTRY_GRAPH or iri.startswith(REGISTRY)
