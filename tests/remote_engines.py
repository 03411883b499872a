"""Real SPARQL engines for tests: the Oxigraph server and Virtuoso Open Source.

Each runs as a child process in a folder of its own, bound to 127.0.0.1 on free ports, and
holds the knowledge base (loaded by :func:`aiact_kg.kb.build.build_endpoint`, as ``aiact-kg
--store URL build`` does). :func:`start` returns ``None`` when the engine is not installed
(``pip install oxigraph``; Debian ``virtuoso-opensource``, see scripts/install-system-deps.sh).
Every request has a time limit (:data:`REQUEST_TIMEOUT`; Virtuoso's own, a little shorter), so
that a runaway query fails naming the rule and the engine instead of hanging the run; an engine
that no longer answers at all is replaced by a fresh one (:func:`on_engine`), at most
:data:`MAX_RESTARTS` times a session, so that one stuck engine cannot fail every test after it.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import pytest

from aiact_kg.errors import StoreError, StoreTimeoutError
from aiact_kg.kb.build import build_endpoint
from aiact_kg.store.endpoint_errors import TIMEOUT_ENV, request_timeout
from aiact_kg.store.sparql_endpoint import SparqlEndpointStore

ENGINES = ("oxigraph", "virtuoso")
_START_SECONDS = 60.0
# Time limits of the test engines: a request the store waits for longer fails naming the rule and
# the engine (``$AIACT_KG_STORE_TIMEOUT`` overrides it); Virtuoso stops a query or update itself
# a little earlier (``MaxQueryExecutionTime``), so that a runaway neither hangs the run nor keeps
# the engine busy for the cases after it. A rule takes about a second; a whole case on Virtuoso
# at most about ten. An engine that stops answering altogether is replaced (:func:`on_engine`).
REQUEST_TIMEOUT = 90.0
VIRTUOSO_TIME_LIMIT = 60


def free_port() -> int:
    return free_ports(1)[0]


def free_ports(count: int) -> list[int]:
    """``count`` distinct free ports: the sockets are held open together, so the system cannot
    hand out one port twice (Virtuoso once got the same port for SQL and HTTP, failed to listen
    on the second and stopped, failing a CI run)."""
    probes = [socket.socket() for _ in range(count)]
    try:
        for probe in probes:
            probe.bind(("127.0.0.1", 0))
        return [int(probe.getsockname()[1]) for probe in probes]
    finally:
        for probe in probes:
            probe.close()


@dataclass
class RunningEngine:
    """An engine process, the store on its endpoint, and how long it took to start and load."""

    name: str
    process: subprocess.Popen[bytes]
    store: SparqlEndpointStore
    folder: Path
    startup_seconds: float = 0.0
    load_seconds: float = 0.0
    log: Path | None = field(default=None)

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


_PR_SET_PDEATHSIG = 1


def _dies_with_parent() -> None:
    """In the child before it runs the engine: Linux sends it SIGTERM when the test process that
    started it ends in any way (a pytest-xdist worker can be ended before its cleanups run)."""
    if sys.platform.startswith("linux"):
        ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)


def _wait_until_up(url: str, process: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + _START_SECONDS
    probe = url + "?query=ASK%7B%7D"
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the engine stopped on start: {log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(probe, timeout=5) as response:
                response.read()
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.3)
    process.kill()
    raise RuntimeError(f"the engine at {url} did not start within {_START_SECONDS:g} s")


def _oxigraph_binary() -> str | None:
    beside = Path(sys.executable).with_name("oxigraph")
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _start_oxigraph(
    folder: Path, *options: str
) -> tuple[subprocess.Popen[bytes], str, Path] | None:
    binary = _oxigraph_binary()
    if binary is None:
        return None
    port, log = free_port(), folder / "oxigraph.log"
    command = [binary, "serve", "--location", str(folder / "db"), "--bind", f"127.0.0.1:{port}"]
    command += options
    with log.open("wb") as out:
        process = subprocess.Popen(
            command, stdout=out, stderr=subprocess.STDOUT, preexec_fn=_dies_with_parent
        )
    return process, f"http://127.0.0.1:{port}/query", log


_VIRTUOSO_INI = """\
[Database]
DatabaseFile = {db}/virtuoso.db
ErrorLogFile = {db}/virtuoso.log
LockFile = {db}/virtuoso.lck
TransactionFile = {db}/virtuoso.trx
xa_persistent_file = {db}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = {db}/virtuoso-temp.db
TransactionFile = {db}/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:{sql_port}
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
MaxClientConnections = 10
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = ., {db}
ThreadCleanupInterval = 0
ThreadThreshold = 10
ResourcesCleanupInterval = 0
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000
MaxQueryMem = 1G
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4

[HTTPServer]
ServerPort = 127.0.0.1:{http_port}
ServerRoot = {db}
MaxClientConnections = 10
ServerThreads = 10
EnabledDavVSP = 0
HTTPProxyEnabled = 0
Charset = UTF-8
EnabledGzipContent = 0

[SPARQL]
; the default of 10000 rows would cut larger results (the store reports it as an error)
ResultSetMaxRows = 1000000
; no MaxQueryCostEstimationTime: its estimates of the larger rules are wrong ("estimated
; execution time 0 (sec) exceeds the limit"), and it is meant for debugging only.
; A query or update running longer is stopped with an error (SR171), never cut short.
MaxQueryExecutionTime = {time_limit}
"""

# anonymous SPARQL users may update (the test engine listens on 127.0.0.1 only)
_VIRTUOSO_GRANTS = (
    "GRANT SPARQL_UPDATE TO \"SPARQL\";DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);"
)


def start_virtuoso(
    folder: Path, time_limit: int = VIRTUOSO_TIME_LIMIT
) -> tuple[subprocess.Popen[bytes], str, Path] | None:
    """Virtuoso in ``folder`` with its own time limit (seconds), empty; None if not installed.
    A start that fails to listen (a port another process took meanwhile) is tried again on other
    ports, twice at most."""
    for _ in range(2):
        try:
            return _start_virtuoso_once(folder, time_limit)
        except RuntimeError as error:
            if "listen" not in str(error):
                raise
    return _start_virtuoso_once(folder, time_limit)


def _start_virtuoso_once(
    folder: Path, time_limit: int
) -> tuple[subprocess.Popen[bytes], str, Path] | None:
    binary, isql = shutil.which("virtuoso-t"), shutil.which("isql-vt")
    if binary is None or isql is None:
        return None
    sql_port, http_port = free_ports(2)
    ini, log = folder / "virtuoso.ini", folder / "virtuoso.out"
    ini.write_text(
        _VIRTUOSO_INI.format(
            db=folder, sql_port=sql_port, http_port=http_port, time_limit=time_limit
        ),
        encoding="utf-8",
    )
    with log.open("wb") as out:
        process = subprocess.Popen(
            [binary, "+foreground", "+configfile", str(ini)],
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=folder,
            preexec_fn=_dies_with_parent,
        )
    url = f"http://127.0.0.1:{http_port}/sparql"
    try:
        _wait_until_up(url, process, log)
        subprocess.run(
            [isql, f"127.0.0.1:{sql_port}", "dba", "dba", f"exec={_VIRTUOSO_GRANTS}"],
            check=True,
            capture_output=True,
            timeout=60,
        )
    except BaseException:
        process.kill()
        process.wait()
        raise
    return process, url, log


def start(
    name: str,
    folder: Path,
    *,
    union_default_graph: bool = False,
    time_limit: int = VIRTUOSO_TIME_LIMIT,
) -> RunningEngine | None:
    """Start engine ``name`` in ``folder`` and load the knowledge base; None if not installed.

    ``union_default_graph``: the Oxigraph server's default graph is the union of its graphs
    (Virtuoso's always is). ``time_limit``: Virtuoso's own limit of a request, in seconds."""
    folder.mkdir(parents=True, exist_ok=True)
    began = time.monotonic()
    options = ("--union-default-graph",) if union_default_graph else ()
    if name == "oxigraph":
        started = _start_oxigraph(folder, *options)
    else:
        started = start_virtuoso(folder, time_limit)
    if started is None:
        return None
    process, url, log = started
    try:
        _wait_until_up(url, process, log)
        up = time.monotonic()
        store = SparqlEndpointStore(url, timeout=_request_timeout())
        build_endpoint(store)
    except BaseException:
        process.kill()
        process.wait()
        raise
    loaded = time.monotonic()
    return RunningEngine(name, process, store, folder, up - began, loaded - up, log)


def _request_timeout() -> float:
    """``$AIACT_KG_STORE_TIMEOUT`` if set, else :data:`REQUEST_TIMEOUT`."""
    return request_timeout() if os.environ.get(TIMEOUT_ENV) else REQUEST_TIMEOUT


_RUNNING = pytest.StashKey[dict[str, "RunningEngine | None"]]()
_RESTARTS = pytest.StashKey[dict[str, int]]()
# a session engine found stuck is replaced by a fresh one at most this often; after that the
# engine counts as broken and the tests that need it fail at once (CI stays within its time)
MAX_RESTARTS = 2
_PROBE_SECONDS = 15.0
_LOG_TAIL = 2000  # characters of the engine's log quoted when it is replaced


_REPLACED = pytest.StashKey[list[str]]()
# every session engine's data folder, removed when the session ends (replaced engines' too)
_FOLDERS = pytest.StashKey[list[Path]]()


def replacements(config: pytest.Config) -> list[str]:
    """What was said of each engine replaced in this session (for the terminal summary:
    ``tests/conftest.py``); pytest turns warnings into errors here, so none is raised."""
    return config.stash.setdefault(_REPLACED, [])


def session_engine(config: pytest.Config, name: str) -> RunningEngine | None:
    """Engine ``name`` for this test session: started on first use, stopped at the end."""
    running = config.stash.setdefault(_RUNNING, {})
    if name not in running:
        running[name] = _start_for_session(config, name)
    return running[name]


def _start_for_session(config: pytest.Config, name: str) -> RunningEngine | None:
    folder = Path(tempfile.mkdtemp(prefix=f"aiact-kg-{name}-"))
    config.stash.setdefault(_FOLDERS, []).append(folder)
    engine = start(name, folder)
    if engine is not None:
        config.add_cleanup(lambda: shutil.rmtree(folder, ignore_errors=True))
        config.add_cleanup(engine.stop)
    return engine


def stop_session_engines(config: pytest.Config) -> None:
    """Stop this session's engines and remove their data folders now (from
    ``pytest_sessionfinish``: a pytest-xdist worker may be ended soon after it reports its end,
    before the cleanups of its configuration run, which left each engine's folder behind)."""
    for engine in config.stash.get(_RUNNING, {}).values():
        if engine is not None:
            engine.stop()
    for folder in config.stash.get(_FOLDERS, []):
        shutil.rmtree(folder, ignore_errors=True)


def answers(engine: RunningEngine, seconds: float = _PROBE_SECONDS) -> bool:
    """Whether the engine answers a trivial query within ``seconds``."""
    if engine.process.poll() is not None:
        return False
    probe = engine.store.url + "?query=ASK%7B%7D"
    try:
        with urllib.request.urlopen(probe, timeout=seconds) as response:
            response.read()
    except (urllib.error.URLError, OSError):
        return False
    return True


def _log_tail(engine: RunningEngine) -> str:
    if engine.log is None or not engine.log.is_file():
        return "(no log)"
    text = engine.log.read_text(errors="replace")
    inner = engine.folder / "virtuoso.log"
    if inner.is_file():
        text += "\n" + inner.read_text(errors="replace")
    return text[-_LOG_TAIL:]


def replace_stuck(config: pytest.Config, name: str, why: str) -> RunningEngine:
    """Replace session engine ``name``, which stopped answering, by a fresh one loaded with the
    knowledge base; records ``why`` and the end of the old engine's log (:func:`replacements`).
    Beyond :data:`MAX_RESTARTS` the engine counts as broken and this fails the test at once."""
    restarts = config.stash.setdefault(_RESTARTS, {})
    running = config.stash.setdefault(_RUNNING, {})
    old = running.get(name)
    if old is not None:
        old.process.kill()
        old.process.wait()
    if restarts.get(name, 0) >= MAX_RESTARTS:
        running[name] = None
        pytest.fail(f"{name} stopped answering {MAX_RESTARTS + 1} times; it counts as broken")
    restarts[name] = restarts.get(name, 0) + 1
    said = f"{name} stopped answering ({why}); replaced by a fresh engine. Its log ends:\n" + (
        _log_tail(old) if old is not None else "(not started)"
    )
    replacements(config).append(said)
    print(f"\n{said}", file=sys.stderr)
    fresh = _start_for_session(config, name)
    assert fresh is not None, f"{name} was installed and is no longer"
    running[name] = fresh
    return fresh


def answering_engine(config: pytest.Config, name: str) -> RunningEngine | None:
    """The session engine ``name`` (None if not installed), replaced first if it is stuck."""
    running = config.stash.setdefault(_RUNNING, {})
    if name in running and running[name] is None and config.stash.get(_RESTARTS, {}).get(name):
        pytest.fail(f"{name} counts as broken: it stopped answering more than {MAX_RESTARTS} times")
    engine = session_engine(config, name)
    if engine is not None and not answers(engine):
        engine = replace_stuck(config, name, "it did not answer ASK {} before a test")
    return engine


T = TypeVar("T")


def on_engine(config: pytest.Config, name: str, work: Callable[[SparqlEndpointStore], T]) -> T:
    """``work`` on the session engine ``name`` (skips if not installed). If a request runs out
    of time (ours or the engine's limit: normally a request takes about a second) or the engine
    no longer answers at all, the engine is replaced and ``work`` runs once more on the fresh
    one; the terminal summary lists each replacement with the old engine's log. Virtuoso's plans
    depend on the statistics of what earlier tests left, and an update it cannot finish keeps
    its locks after our request gave up; one such state must not fail every test after it. A
    request that runs out of time on the fresh engine too fails the test; any other store error
    from an engine that still answers is raised as it is."""
    engine = answering_engine(config, name)
    if engine is None:
        pytest.skip(f"{name} is not installed")
    try:
        return work(engine.store)
    except StoreError as error:
        if not isinstance(error, StoreTimeoutError) and answers(engine):
            raise
        fresh = replace_stuck(config, name, str(error))
        return work(fresh.store)
