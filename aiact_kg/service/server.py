"""Start the service with uvicorn (what ``aiact-kg serve`` runs)."""

from __future__ import annotations

import logging
import socket

import uvicorn

from aiact_kg.errors import InputError
from aiact_kg.kb import open_knowledge_base
from aiact_kg.service.app import create_app
from aiact_kg.service.config import ServiceConfig, check_binding


def serve(config: ServiceConfig, host: str, port: int, *, public: bool = False) -> None:
    """Check the binding and the store, then serve until interrupted."""
    check_binding(host, public)
    open_knowledge_base(config.store_path).close()  # fail now, clearly, if there is none
    check_port(host, port)
    enable_operator_logs()
    app = create_app(config)
    url = f"http://{_url_host(host)}:{port}/"
    print(
        f"aiact-kg: serving {config.store_path} at {url} (SPARQL 1.1 endpoint: {url}sparql)",
        flush=True,
    )
    uvicorn.run(
        app,
        host=host,
        port=port,
        log_level="info",
        limit_concurrency=200,
        timeout_graceful_shutdown=5,
        server_header=False,
        # a query sent by GET may be as long as one POSTed (the body limit): with h11's default
        # (16 KiB of request line and headers) a long one got a plain-text "Invalid HTTP
        # request received." instead of the service's answer (an outside check)
        h11_max_incomplete_event_size=config.max_body_bytes + _HEADROOM_BYTES,
    )


#: room for the request line's method, path and version, and the headers, beside the query
_HEADROOM_BYTES = 64 * 1024


def enable_operator_logs() -> None:
    """Let the service's own errors (each 500 says the operator's log has the details) and
    uvicorn's logs reach stderr: the command line silences all logging while a command runs,
    which suits a one-shot command, not a server. Library noise stays off."""
    logging.disable(logging.NOTSET)
    for library in ("rdflib", "pyshacl", "owlready2"):
        logging.getLogger(library).setLevel(logging.CRITICAL)


def check_port(host: str, port: int) -> None:
    """Fail with a clear message if ``host:port`` cannot be listened on (e.g. it is in use)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn does
        try:
            probe.bind((host, port))
        except OSError as error:
            raise InputError(
                f"cannot listen on {_url_host(host)}:{port}: {error.strerror}; if another "
                "program (perhaps another aiact-kg serve) uses the port, pick another with "
                "--port (with make: make run PORT=8001)"
            ) from None


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
