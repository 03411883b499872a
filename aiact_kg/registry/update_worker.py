"""A SPARQL update of the registry run in a child process, and stopped at a time limit.

pyoxigraph evaluates an update in Rust and cannot be interrupted from Python, so the service
runs each update (:func:`aiact_kg.registry.update.apply_update`) in a child process of its own
(:func:`main`, which reads one JSON request on stdin and writes one JSON answer on stdout) and
kills it past the time limit. A killed writer publishes nothing: its staging directory is
removed at once (or by the next writer) and the kernel releases the writer lock. Only if it
was killed after switching ``active`` is its version in use; that version's id ends with the
child's pid, so the update is then reported as done. Without ``LOAD`` or ``SERVICE`` the child
cannot open internet sockets (:func:`~aiact_kg.store.sandbox.deny_network`).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Collection
from pathlib import Path
from typing import Any

from aiact_kg.errors import AiactKgError, QueryError, StoreError
from aiact_kg.kb.build import remove_leftovers
from aiact_kg.registry.update import (
    Censuses,
    DerivedTermsRefusedError,
    UpdateRefusedError,
    UpdateReport,
    apply_update,
    check_update_text,
    process_censuses,
)
from aiact_kg.store.layout import active_version
from aiact_kg.store.locking import StoreLockedError

_CHILD = (
    "import sys; sys.path.insert(0, sys.argv[1]); "
    "from aiact_kg.registry.update_worker import main; main()"
)
_PACKAGE_ROOT = str(Path(__file__).resolve().parent.parent.parent)


class UpdateTimeoutError(QueryError):
    """The update ran past its time limit and was stopped; nothing was published."""


def _encode(censuses: Censuses) -> dict[str, Any] | None:
    latest = censuses.latest()
    if latest is None:
        return None
    store_dir, version, graphs = latest
    return {"store": str(store_dir), "version": version, "graphs": graphs}


def _decode(data: dict[str, Any] | None, into: Censuses) -> None:
    if data:
        graphs = {graph: (int(n), str(digest)) for graph, (n, digest) in data["graphs"].items()}
        into.put(Path(data["store"]), data["version"], graphs)


def run_update(
    store_path: Path,
    update: str,
    *,
    allowed_services: Collection[str] = (),
    wait_seconds: float = 0.0,
    timeout: float | None = None,
) -> UpdateReport:
    """:func:`apply_update` in a child process, killed after ``timeout`` seconds of work
    (plus ``wait_seconds`` for the writer lock); raise :class:`UpdateTimeoutError` then."""
    endpoints = check_update_text(update, allowed_services)  # fast errors, in this process
    store_dir = store_path.expanduser().resolve()
    request = {
        "store": str(store_dir),
        "update": update,
        "allowed": list(allowed_services),
        "wait": wait_seconds,
        "sandbox": not endpoints,
        "census": _encode(process_censuses),
    }
    process = subprocess.Popen(
        [sys.executable, "-P", "-c", _CHILD, _PACKAGE_ROOT],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    limit = None if timeout is None else timeout + wait_seconds
    try:
        out, err = process.communicate(json.dumps(request).encode("utf-8"), timeout=limit)
    except subprocess.TimeoutExpired:
        process.kill()
        process.communicate()
        remove_leftovers(store_dir)
        version = active_version(store_dir)
        if version and version.endswith(f"-{process.pid}"):
            return UpdateReport(version, None, None)  # stopped after it was published
        raise UpdateTimeoutError(
            f"the update ran for more than {timeout:g} seconds, the service's limit, and was "
            "stopped; nothing was changed. Narrow its WHERE patterns"
        ) from None
    except BaseException:
        process.kill()
        process.wait()
        raise
    return _answer(out, err, process.returncode)


def _answer(out: bytes, err: bytes, returncode: int) -> UpdateReport:
    try:
        answer = json.loads(out)
    except ValueError:
        tail = err.decode("utf-8", "replace").strip().splitlines()[-3:]
        raise AiactKgError(
            f"the update's process ended without an answer (exit {returncode}): " + " / ".join(tail)
        ) from None
    _decode(answer.get("census"), process_censuses)
    error = answer.get("error")
    message = str(answer.get("message", ""))
    if error is None:
        return UpdateReport(answer["version"], tuple(answer["changed"]), answer["quads"])
    if error == "refused":
        raise UpdateRefusedError(answer["graphs"])
    if error == "derived":
        raise UpdateRefusedError(answer["graphs"], message)
    if error == "locked":
        raise StoreLockedError(message)
    if error == "query":
        raise QueryError(message)
    if error == "store":
        raise StoreError(message)
    raise AiactKgError(f"the update failed: {message}")


def _apply(request: dict[str, Any], known: Censuses) -> dict[str, Any]:
    try:
        report = apply_update(
            Path(request["store"]),
            request["update"],
            allowed_services=request["allowed"],
            wait_seconds=request["wait"],
            censuses=known,
        )
    except DerivedTermsRefusedError as error:
        return {"error": "derived", "graphs": list(error.graphs), "message": str(error)}
    except UpdateRefusedError as error:
        return {"error": "refused", "graphs": list(error.graphs)}
    except StoreLockedError as error:
        return {"error": "locked", "message": str(error)}
    except QueryError as error:
        return {"error": "query", "message": str(error)}
    except StoreError as error:
        return {"error": "store", "message": str(error)}
    except AiactKgError as error:
        return {"error": "failed", "message": str(error)}
    assert report.changed is not None
    return {"version": report.version, "changed": list(report.changed), "quads": report.quads}


def main() -> None:
    """Read the request from stdin, apply the update, write the answer; never raise."""
    from aiact_kg.store.sandbox import deny_network
    from aiact_kg.store.worker import die_with_parent

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    die_with_parent()
    known = Censuses()
    try:
        request = json.loads(sys.stdin.buffer.read())
        if request["sandbox"]:
            deny_network()
        _decode(request.get("census"), known)
        answer = _apply(request, known)
    except Exception as error:  # reported by the parent as a failure
        answer = {"error": "internal", "message": f"{type(error).__name__}: {error}"}
    answer["census"] = _encode(known)
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()
