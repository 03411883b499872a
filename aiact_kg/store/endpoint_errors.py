"""Time limits of requests to a SPARQL endpoint, and the errors that name what failed.

Every request to a remote engine has a time limit: the store waits at most ``timeout`` seconds
for the engine's answer (the store's ``timeout=``, else ``$AIACT_KG_STORE_TIMEOUT``, else
300 s), and an engine's own limit (Virtuoso's ``MaxQueryExecutionTime``, the Oxigraph server's
``--timeout-s``) stops the work there too. A request that fails names the endpoint and the
request: the rule it runs (its ``# Rule:`` header) or its first line.
"""

from __future__ import annotations

import math
import os
import re
import socket
import urllib.error

from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

from aiact_kg.errors import InputError, StoreError, StoreTimeoutError

TIMEOUT_ENV = "AIACT_KG_STORE_TIMEOUT"
DEFAULT_TIMEOUT = 300.0
_ERROR_TEXT = 400  # characters of an engine's error message kept in ours
_RULE = re.compile(r"^# Rule: *(\S+)", re.MULTILINE)
# an engine that stopped a request at its own time limit (Virtuoso: SR171 "Transaction timed
# out", SQLSTATE S1T00; S1TAT for an interrupted "anytime" query; others say "timeout")
_ENGINE_LIMIT = re.compile(r"\bS1T00\b|\bS1TAT\b|\bSR171\b|timed out|time-?out", re.IGNORECASE)


def request_timeout(timeout: float | None = None) -> float:
    """The time limit of one request in seconds: ``timeout``, else ``$AIACT_KG_STORE_TIMEOUT``,
    else 300; anything but a positive number of seconds is an error naming where it came from."""
    source, text = "the time limit", str(timeout)
    if timeout is None:
        text = os.environ.get(TIMEOUT_ENV, "").strip()
        if not text:
            return DEFAULT_TIMEOUT
        source = f"${TIMEOUT_ENV}"
        try:
            timeout = float(text)
        except ValueError:
            timeout = math.nan
    if not (timeout > 0 and math.isfinite(timeout)):
        raise InputError(f"{source} of SPARQL requests takes seconds above 0, not {text!r}")
    return timeout


def describe(sparql: str) -> str:
    """What a request is, for messages and logs: ``rule <name>`` for a rule (its ``# Rule:``
    header), else its first line after the ``PREFIX`` lines, shortened."""
    rule = _RULE.search(sparql)
    if rule:
        return f"rule {rule.group(1)}"
    lines = (line.strip() for line in sparql.splitlines())
    first = next((line for line in lines if line and not line.upper().startswith("PREFIX")), "")
    return repr(first[:80] + (" ..." if len(first) > 80 else ""))


def _shorten(text: str) -> str:
    text = " ".join(text.split())
    return text[:_ERROR_TEXT] + " ..." if len(text) > _ERROR_TEXT else text


def endpoint_error(url: str, what: str, timeout: float, error: BaseException) -> StoreError:
    """The error of a request (``what``, see :func:`describe`) to the endpoint at ``url`` that
    failed with ``error``: unreachable, out of time (ours or the engine's), or refused."""
    if isinstance(error, urllib.error.HTTPError):
        text = f"HTTP {error.code} {error.reason}: {error.read().decode('utf-8', 'replace')}"
    elif isinstance(error, TimeoutError | socket.timeout) or (
        isinstance(error, urllib.error.URLError)
        and isinstance(error.reason, TimeoutError | socket.timeout)
    ):
        return StoreTimeoutError(
            f"the SPARQL endpoint {url} did not answer {what} within {timeout:g} s "
            f"(the time limit of a request: ${TIMEOUT_ENV})"
        )
    elif isinstance(error, urllib.error.URLError):
        return StoreError(f"cannot reach the SPARQL endpoint {url}: {error.reason}")
    else:
        text = str(error) if isinstance(error, SPARQLWrapperException | OSError) else repr(error)
    if _ENGINE_LIMIT.search(text.split("SPARQL query:")[0]):  # not in the echoed query
        return StoreTimeoutError(
            f"the SPARQL endpoint {url} stopped {what} at the engine's own time limit: "
            f"{_shorten(text)}"
        )
    return StoreError(f"the SPARQL endpoint {url} refused {what}: {_shorten(text)}")
