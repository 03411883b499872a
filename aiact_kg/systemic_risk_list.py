"""The list of general-purpose AI models with systemic risk (Art 52(6)), as an export.

The rows are those of the catalogue question ``cq-027-public-list-systemic-risk``, asked of the
registry (over the union of its graphs) or of a fresh assessment of description files, such as
the shipped model catalogue ``data/models/epoch-large-scale.ttl``.
"""

from __future__ import annotations

from pathlib import Path

from pyoxigraph import QuerySolutions

from aiact_kg.queries import get_query, with_prefixes
from aiact_kg.resources import data_dir
from aiact_kg.store.base import SelectResult
from aiact_kg.store.oxigraph_store import OxigraphStore

QUESTION = "cq/cq-027-public-list-systemic-risk"


def catalogue_file() -> Path:
    """The shipped catalogue of real general-purpose AI models (Epoch AI data)."""
    return data_dir("models") / "epoch-large-scale.ttl"


def systemic_risk_rows(store: OxigraphStore, *, union: bool) -> SelectResult:
    """The models with systemic risk that ``store`` holds, with the basis of each.

    ``union`` asks over the union of the named graphs (a registry); otherwise over the default
    graph (the store of one assessment run).
    """
    solutions = store.raw.query(
        with_prefixes(get_query(QUESTION).text), use_default_graph_as_union=union
    )
    assert isinstance(solutions, QuerySolutions)
    variables = tuple(variable.value for variable in solutions.variables)
    rows = tuple(tuple(solution[name] for name in variables) for solution in solutions)
    return SelectResult(variables, rows)
