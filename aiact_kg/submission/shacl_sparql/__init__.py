"""SHACL shapes compiled to SPARQL SELECT queries that validate a whole batch inside a store.

The shapes graph is the only source of the constraints: :mod:`.compiler` reads every node shape
with a target and turns each property shape (and the node shape's own constraints) into one
query over all focus nodes at once; :mod:`.engine` runs them in a pyoxigraph store and returns
the same :class:`~.results.ShapeResult` records pyshacl's report holds (:mod:`.reference`).
:mod:`.report` builds the W3C SHACL validation report graph from those records.
"""

from __future__ import annotations

from aiact_kg.submission.shacl_sparql.compiler import (
    CompiledShapes,
    UnsupportedShapeError,
    compile_shapes,
)
from aiact_kg.submission.shacl_sparql.engine import run_compiled
from aiact_kg.submission.shacl_sparql.results import ShapeResult

__all__ = [
    "CompiledShapes",
    "ShapeResult",
    "UnsupportedShapeError",
    "compile_shapes",
    "run_compiled",
]
