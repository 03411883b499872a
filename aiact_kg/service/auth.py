"""The operator's bearer token, which every write (SPARQL update, submission) must carry.

No ``Authorization`` header: 401 with a ``WWW-Authenticate`` challenge. A wrong token or
another scheme: 403. No token configured: 403 for everyone (the service is read-only).
Either way the request is refused before anything is read from its body or written.
"""

from __future__ import annotations

import hmac

from fastapi import Request

from aiact_kg.service.config import ServiceConfig
from aiact_kg.service.limits import ServiceError

CHALLENGE = 'Bearer realm="aiact-kg"'


def require_token(request: Request, action: str) -> None:
    """Refuse ``action`` (e.g. "SPARQL updates") unless the request carries the token."""
    config: ServiceConfig = request.app.state.config
    header = request.headers.get("authorization", "").strip()
    if config.token is None:
        raise ServiceError(
            403,
            "read-only",
            f"{action} are refused: no update token is configured, so the service is "
            "read-only; nothing was changed",
            {"WWW-Authenticate": CHALLENGE},
        )
    if not header:
        raise ServiceError(
            401,
            "unauthorized",
            f"{action} need the operator's bearer token (Authorization: Bearer TOKEN); "
            "nothing was changed",
            {"WWW-Authenticate": CHALLENGE},
        )
    scheme, _, credentials = header.partition(" ")
    valid = scheme.lower() == "bearer" and hmac.compare_digest(
        credentials.strip().encode(), config.token.encode()
    )
    if not valid:
        raise ServiceError(
            403,
            "forbidden",
            f"{action} are refused: the Authorization header does not carry the operator's "
            "bearer token; nothing was changed",
            {"WWW-Authenticate": f'{CHALLENGE}, error="invalid_token"'},
        )
