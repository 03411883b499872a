"""The query catalog: SPARQL lives in ``queries/**/*.rq``; this module finds and runs it.

Queries are written without PREFIX lines for our standard prefixes; the catalog adds them, so
the same text runs on the embedded store and on any SPARQL 1.1 engine. Values are passed as
bindings, never formatted into the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from aiact_kg.errors import QueryError
from aiact_kg.namespaces import PREFIXES
from aiact_kg.resources import query_dir
from aiact_kg.store.base import Bindings, KnowledgeStore, SelectResult

_BODY_START = re.compile(r"\b(?:WHERE|ASK)\s*\{", re.IGNORECASE)
_DECLARED = re.compile(r"^\s*PREFIX\s+([A-Za-z][\w-]*)?:", re.IGNORECASE | re.MULTILINE)


@dataclass(frozen=True)
class NamedQuery:
    """A query file of the catalog, with its header comment."""

    name: str
    path: Path
    text: str

    @property
    def description(self) -> str:
        lines = [
            line.lstrip("# ").rstrip() for line in self.text.splitlines() if line.startswith("#")
        ]
        return lines[0] if lines else ""


def with_prefixes(sparql: str) -> str:
    """Prepend PREFIX declarations for our standard prefixes the query does not declare."""
    declared = {match.group(1) or "" for match in _DECLARED.finditer(sparql)}
    header = "".join(
        f"PREFIX {prefix}: <{iri}>\n" for prefix, iri in PREFIXES.items() if prefix not in declared
    )
    return header + sparql


def bind_values(sparql: str, bindings: Bindings | None) -> str:
    """Fix variables to terms with a ``VALUES`` block at the start of the query body.

    Terms are written in their N-Triples form by pyoxigraph, so no user text is ever
    spliced into the query unescaped; the result runs unchanged on any SPARQL 1.1 engine.
    """
    if not bindings:
        return sparql
    match = _BODY_START.search(sparql)
    if match is None:
        raise QueryError("cannot bind values: the query has no WHERE clause")
    names = " ".join(f"?{name}" for name in bindings)
    values = " ".join(str(term) for term in bindings.values())
    block = f" VALUES ({names}) {{ ({values}) }} "
    return sparql[: match.end()] + block + sparql[match.end() :]


@cache
def _catalog() -> dict[str, NamedQuery]:
    root = query_dir()
    catalog: dict[str, NamedQuery] = {}
    for path in sorted(root.rglob("*.rq")):
        name = path.relative_to(root).with_suffix("").as_posix()
        catalog[name] = NamedQuery(name, path, path.read_text(encoding="utf-8"))
    return catalog


def list_queries(prefix: str = "") -> list[NamedQuery]:
    """Every query of the catalog whose name starts with ``prefix`` (e.g. ``"cq/"``)."""
    return [query for name, query in _catalog().items() if name.startswith(prefix)]


def get_query(name: str) -> NamedQuery:
    """Find a query by catalog name (``kb/provision-details``) or by its file stem."""
    catalog = _catalog()
    if name in catalog:
        return catalog[name]
    by_stem = [query for query in catalog.values() if query.path.stem == name]
    if len(by_stem) == 1:
        return by_stem[0]
    known = ", ".join(sorted(query.name for query in list_queries("cq/")))
    raise QueryError(f"no query named {name!r}; shipped analyst queries: {known}")


def run_select(store: KnowledgeStore, name: str, bindings: Bindings | None = None) -> SelectResult:
    """Run a SELECT query of the catalog."""
    return store.select(with_prefixes(bind_values(get_query(name).text, bindings)))


def run_ask(store: KnowledgeStore, name: str, bindings: Bindings | None = None) -> bool:
    """Run an ASK query of the catalog."""
    return store.ask(with_prefixes(bind_values(get_query(name).text, bindings)))
