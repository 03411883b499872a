"""What the operator configures: the store, the limits, the update token, the allowlist."""

from __future__ import annotations

import ipaddress
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from aiact_kg.errors import InputError
from aiact_kg.store.bounded import QueryLimits

TOKEN_VARIABLE = "AIACT_KG_SERVICE_TOKEN"
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000
DEFAULT_QUERY_TIMEOUT = 30.0
DEFAULT_MAX_RESULTS = 100_000
DEFAULT_MAX_BODY_BYTES = 1024 * 1024
DEFAULT_MAX_QUERIES = 8
DEFAULT_WRITE_WAIT = 10.0
DEFAULT_BODY_TIMEOUT = 30.0
MIN_TOKEN_LENGTH = 16


@dataclass(frozen=True)
class ServiceConfig:
    """The settings of one running service.

    ``token`` is the bearer token that SPARQL updates and submissions must carry (None: the
    service is read-only); a write waits up to ``write_wait`` seconds for another writer of
    the store, then is refused with 503; ``allowed_services`` are the exact endpoint IRIs
    ``SERVICE`` may reach; ``max_body_bytes`` bounds every request body (queries and
    documents), and ``body_timeout`` the seconds a request body may take to arrive in full;
    at most ``max_queries`` queries run at once (each in a process of its own).
    """

    store_path: Path
    limits: QueryLimits = field(
        default_factory=lambda: QueryLimits(DEFAULT_QUERY_TIMEOUT, DEFAULT_MAX_RESULTS)
    )
    token: str | None = field(default=None, repr=False)
    allowed_services: tuple[str, ...] = ()
    max_body_bytes: int = DEFAULT_MAX_BODY_BYTES
    max_queries: int = DEFAULT_MAX_QUERIES
    write_wait: float = DEFAULT_WRITE_WAIT
    body_timeout: float = DEFAULT_BODY_TIMEOUT


def read_token(token_file: Path | None, environ: Mapping[str, str]) -> str | None:
    """The update token: from ``token_file`` if given, else ``$AIACT_KG_SERVICE_TOKEN``.

    A token shorter than 16 characters is refused: it could be guessed.
    """
    if token_file is not None:
        token = _token_from_file(token_file)
        source = str(token_file)
    else:
        token = environ.get(TOKEN_VARIABLE, "").strip()
        source = f"${TOKEN_VARIABLE}"
        if not token:
            return None
    if len(token) < MIN_TOKEN_LENGTH:
        raise InputError(
            f"the update token in {source} has {len(token)} characters; use at least "
            f"{MIN_TOKEN_LENGTH} random ones (for example `openssl rand -hex 32`)"
        )
    return token


MAX_TOKEN_FILE_BYTES = 4096


def _token_from_file(token_file: Path) -> str:
    """The token in a regular file of at most 4 KiB (a pipe or device could block or never
    end; nothing more than a line is read)."""
    try:
        if not stat.S_ISREG(token_file.stat().st_mode):
            raise InputError(
                f"the token file {token_file} is not a regular file (a pipe or device could "
                "block or never end); write the token to a file"
            )
        with token_file.open("rb") as stream:
            data = stream.read(MAX_TOKEN_FILE_BYTES + 1)
        if len(data) > MAX_TOKEN_FILE_BYTES:
            raise InputError(
                f"the token file {token_file} holds more than {MAX_TOKEN_FILE_BYTES} bytes; "
                "it should hold the token alone"
            )
        return data.decode("utf-8").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the token file {token_file}: {error}") from None


def check_binding(host: str, public: bool) -> None:
    """Refuse to listen beyond this machine unless the operator says so (``--public``)."""
    if public:
        return
    if host == "localhost":
        return
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise InputError(
            f"refusing to listen on {host}: the service binds to this machine only "
            f"({DEFAULT_HOST}) unless you pass --public; put it behind a reverse proxy with "
            "TLS before exposing it (see docs/service.md)"
        )


def environment_allowlist(environ: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """The ``SERVICE`` endpoints allowed by the environment (``$AIACT_KG_ALLOW_SERVICE``)."""
    from aiact_kg.store.remote import allowlist_from_environment

    return allowlist_from_environment(os.environ if environ is None else environ)
