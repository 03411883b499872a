"""The SPARQL 1.1 service: ``aiact-kg serve`` (an ASGI application run by uvicorn).

- :mod:`.config`: what the operator sets (store, limits, token, allowlist, binding);
- :mod:`.negotiation`: the media types offered and the choice by ``Accept``;
- :mod:`.results`: results written by pyoxigraph's own serialisers;
- :mod:`.limits`: errors as JSON, the request-body limit;
- :mod:`.sparql`: the SPARQL 1.1 Protocol (``/sparql``) and Graph Store reads (``/graph``);
- :mod:`.api`: ``/validate``, ``/assess`` and ``/provisions/{citation}``;
- :mod:`.pages`: ``/subjects/{iri}``, ``/resource?iri=`` and the paths of the IRIs we mint, with
  :mod:`.subjects` (a stored assessment read through a :mod:`.dataset` view), :mod:`.describe`
  (bounded descriptions) and :mod:`.templates` (the HTML, escaped automatically);
- :mod:`.app`: the application factory; :mod:`.server`: starting uvicorn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from aiact_kg.service.app import create_app
    from aiact_kg.service.config import ServiceConfig

__all__ = ["ServiceConfig", "create_app"]


def __getattr__(name: str) -> Any:
    """The application factory and its configuration, imported when first asked for (the CLI
    reads :mod:`.config` for its defaults without starting FastAPI)."""
    if name == "create_app":
        from aiact_kg.service.app import create_app

        return create_app
    if name == "ServiceConfig":
        from aiact_kg.service.config import ServiceConfig

        return ServiceConfig
    raise AttributeError(name)
