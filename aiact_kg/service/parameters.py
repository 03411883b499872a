"""Refuse query parameters a route does not take, and a parameter given twice.

Without this, a misspelt parameter (``?asof=2030-01-01``) is ignored and the answer is a
confident assessment for another date or law version; a repeated one silently takes the last
value. The routers of the API declare every parameter they read, so the check is exact there.
"""

from __future__ import annotations

from fastapi import Request
from fastapi.dependencies.models import Dependant

from aiact_kg.service.limits import ServiceError


def _query_names(dependant: Dependant) -> set[str]:
    """The query parameters a route (with its dependencies) declares, by the name sent."""
    names = {field.alias for field in dependant.query_params}
    for dependency in dependant.dependencies:
        names |= _query_names(dependency)
    return names


async def known_query_parameters(request: Request) -> None:
    """A dependency: 400 naming an unknown or repeated query parameter of the request."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    known = sorted(_query_names(dependant))
    path = getattr(route, "path", request.url.path)
    for name in request.query_params:
        if name not in known:
            takes = ", ".join(known) if known else "no query parameter"
            raise ServiceError(
                400, "bad-request", f"unknown query parameter {name!r}: {path} takes {takes}"
            )
        if len(request.query_params.getlist(name)) > 1:
            raise ServiceError(
                400, "bad-request", f"the query parameter {name!r} is given more than once"
            )
