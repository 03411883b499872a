"""Start the service with uvicorn (what ``aiact-kg serve`` runs)."""

from __future__ import annotations

import uvicorn

from aiact_kg.kb import open_knowledge_base
from aiact_kg.service.app import create_app
from aiact_kg.service.config import ServiceConfig, check_binding


def serve(config: ServiceConfig, host: str, port: int, *, public: bool = False) -> None:
    """Check the binding and the store, then serve until interrupted."""
    check_binding(host, public)
    open_knowledge_base(config.store_path).close()  # fail now, clearly, if there is none
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
    )


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host
