"""Open a store from where it is: a directory (the embedded, versioned store) or a URL.

``--store`` and ``$AIACT_KG_STORE`` take either. A location starting with ``http://`` or
``https://`` is the query URL of a SPARQL 1.1 endpoint (see docs/deploy.md); anything else
is the directory of the embedded store built by ``aiact-kg build``.
"""

from __future__ import annotations

from pathlib import Path

from aiact_kg.store.base import KnowledgeStore

_SCHEMES = ("http://", "https://")


def is_endpoint(location: str | Path) -> bool:
    """Whether ``location`` names a SPARQL endpoint rather than a store directory."""
    return isinstance(location, str) and location.lower().startswith(_SCHEMES)


def open_store(location: str | Path, *, check_contents: bool = True) -> KnowledgeStore:
    """The knowledge base at ``location``, opened for reading and querying.

    A directory opens the active version read-only, after checking it is intact
    (:func:`aiact_kg.kb.open.open_knowledge_base`); a URL opens the remote engine.
    """
    if is_endpoint(location):
        from aiact_kg.store.sparql_endpoint import SparqlEndpointStore

        return SparqlEndpointStore(str(location))
    from aiact_kg.kb.open import open_knowledge_base

    return open_knowledge_base(Path(location), check_contents=check_contents)
