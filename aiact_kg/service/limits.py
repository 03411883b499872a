"""Errors as JSON bodies (never a traceback) and the limit on request bodies."""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any

from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from aiact_kg.errors import AiactKgError, InputError, StoreError

logger = logging.getLogger("aiact_kg.service")


class ServiceError(HTTPException):
    """An error answered with ``{"error": CODE, "message": TEXT}`` and an HTTP status."""

    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(status, message, headers)
        self.code = code
        self.message = message


def error_body(code: str, message: str) -> dict[str, Any]:
    return {"error": code, "message": message}


_CODES = {
    400: "bad-request",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    408: "body-timeout",
    413: "too-large",
    415: "unsupported-media-type",
    422: "unprocessable",
    501: "not-implemented",
    503: "unavailable",
}


async def http_error(request: Request, exc: Exception) -> Response:
    """Every HTTP error (ours and the framework's) as a JSON body."""
    assert isinstance(exc, HTTPException)
    code = exc.code if isinstance(exc, ServiceError) else _CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else json.dumps(exc.detail)
    return JSONResponse(error_body(code, message), exc.status_code, headers=exc.headers)


async def aiact_kg_error(request: Request, exc: Exception) -> Response:
    """An error aiact-kg reports to users: the store (503), the input (400), or ours (500)."""
    assert isinstance(exc, AiactKgError)
    if isinstance(exc, StoreError):
        return JSONResponse(error_body("store-unavailable", str(exc)), 503)
    if isinstance(exc, InputError):
        return JSONResponse(error_body("bad-request", str(exc)), 400)
    return JSONResponse(error_body("failed", str(exc)), 500)


async def internal_error(request: Request, exc: Exception) -> Response:
    """A defect of ours: logged for the operator, one sentence for the client. (A client that
    went away before sending the body it announced is no defect: one line, no traceback.)"""
    if isinstance(exc, ClientDisconnect):
        logger.info(
            "%s %s: the client disconnected before sending its whole body",
            request.method,
            request.url.path,
        )
        return JSONResponse(error_body("bad-request", "the request body was incomplete"), 400)
    logger.error("internal error on %s %s", request.method, request.url.path, exc_info=exc)
    return JSONResponse(
        error_body(
            "internal",
            f"internal error ({type(exc).__name__}); this is a defect of aiact-kg, not of the "
            "request, and the operator's log has the details",
        ),
        500,
    )


_READ_CHARSETS = frozenset({"utf-8", "utf8", "us-ascii"})


def check_charset(content_type: str) -> None:
    """Refuse (415) a body whose Content-Type names a charset other than UTF-8 (or its subset
    US-ASCII): the service reads every body as UTF-8, and would misread it otherwise."""
    for parameter in content_type.split(";")[1:]:
        key, _, value = parameter.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
            if charset not in _READ_CHARSETS:
                raise ServiceError(
                    415,
                    "unsupported-media-type",
                    f"the body is declared as {charset!r}; the service reads UTF-8 only: send "
                    "it in UTF-8 (charset=utf-8, or no charset)",
                )


def body_too_large(limit: int) -> ServiceError:
    return ServiceError(
        413,
        "body-too-large",
        f"the request body is larger than the service's limit of {limit} bytes "
        "(--max-body-bytes); send a smaller query or document",
        {"Connection": "close"},  # the rest of the body is not read
    )


def body_too_slow(seconds: float) -> ServiceError:
    return ServiceError(
        408,
        "body-timeout",
        f"the request body did not arrive in full within {seconds:g} seconds (--body-timeout); "
        "send it at once, or raise the service's limit",
        {"Connection": "close"},
    )


class BodyLimitMiddleware:
    """Refuse request bodies over ``limit`` bytes with 413, before or while they arrive, and
    bodies not complete ``timeout`` seconds after the request began with 408.

    A declared ``Content-Length`` over the limit is refused at once, without reading; a body
    sent in chunks is counted as it arrives and refused when it passes the limit. The deadline
    holds for the whole body (a client trickling a byte now and then keeps a worker no longer
    than one that sends nothing); once the body is complete, waiting for the client (a
    streamed response listening for a disconnect) has no deadline.
    """

    def __init__(self, app: ASGIApp, limit: int, timeout: float | None = None) -> None:
        self.app = app
        self.limit = limit
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = [name for name, _ in scope.get("headers", ())]
        if b"content-length" in headers and b"transfer-encoding" in headers:
            # two framings: a proxy that reads the other one would see another request
            await self._refuse(
                scope,
                receive,
                send,
                "a request may not carry both Content-Length and Transfer-Encoding "
                "(RFC 9112, section 6.3); send one",
            )
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared > self.limit or declared < 0:
                    reason = "the Content-Length header is not a number" if declared < 0 else None
                    await self._refuse(scope, receive, send, reason)
                    return
        received, complete = 0, False
        loop = asyncio.get_running_loop()
        deadline = None if self.timeout is None else loop.time() + self.timeout

        async def counted() -> Message:
            nonlocal received, complete
            if complete or deadline is None:
                message = await receive()
            else:
                try:
                    message = await asyncio.wait_for(receive(), max(0.0, deadline - loop.time()))
                except TimeoutError:
                    assert self.timeout is not None
                    raise body_too_slow(self.timeout) from None
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                complete = not message.get("more_body", False)
                if received > self.limit:
                    raise body_too_large(self.limit)
            return message

        await self.app(scope, counted, send)

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, reason: str | None) -> None:
        """Answer 400 with ``reason``, or 413 without one, and close the connection."""
        if reason is not None:
            response = JSONResponse(error_body("bad-request", reason), 400)
        else:
            error = body_too_large(self.limit)
            response = JSONResponse(error_body(error.code, error.message), 413)
        response.headers["Connection"] = "close"
        await response(scope, receive, send)
