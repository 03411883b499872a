"""Load on the service: concurrent clients asking the catalogue questions and ``POST /assess``.

Usage: python -m benchmarks.bench_load --store STORE [--clients 1 4 16] [--seconds 30]
       python -m benchmarks.bench_load --quick

``aiact-kg serve`` is started on 127.0.0.1 (a free port, default limits) on a registry store:
``--store`` names one (``bench_registry --keep STORE`` builds 100k stored subjects), ``--quick``
builds a small one in a temporary directory (the knowledge base, the example submissions and
``--quick-subjects`` generated subjects). Then:

1. *pass*: each catalogue question (``queries/cq/*.rq``) once, alone, by ``POST /sparql``
   (SPARQL results as JSON): its latency, status and row count;
2. for each client count, for ``--seconds`` each: that many clients, each sending its next
   request as soon as the last is answered: the catalogue questions in turn (each client from
   another one), then, in a phase of its own, ``POST /assess`` of the example descriptions in
   turn. Throughput, p50/p99 latency and statuses per kind of request and per question.

A request still running when the phase ends is awaited (a query stops at the service's time
limit) and counted. Figures go to ``results/load.{json,md}`` with the machine facts.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import httpx

from aiact_kg import __version__
from aiact_kg.queries import get_query, list_queries, with_prefixes

RESULTS = Path(__file__).resolve().parent / "results"
EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "submissions"
AS_OF = "2026-11-22"
MEDIA_TYPES = {
    ".ttl": "text/turtle",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".jsonld": "application/ld+json",
    ".rdf": "application/rdf+xml",
}
READY_SECONDS = 300.0  # opening a large store the first time reads its files


@dataclass(frozen=True)
class Request:
    """One request a client can send: its kind (``query``, ``assess``) and name."""

    kind: str
    name: str
    path: str
    body: bytes
    content_type: str
    accept: str


@dataclass(frozen=True)
class Sample:
    kind: str
    name: str
    status: int  # 0: no answer (transport error)
    seconds: float
    rows: int | None = None


def catalogue() -> list[Request]:
    """Every catalogue question, as the full text a client sends."""
    return [
        Request(
            "query",
            query.name.removeprefix("cq/"),
            "/sparql",
            with_prefixes(get_query(query.name).text).encode("utf-8"),
            "application/sparql-query",
            "application/sparql-results+json",
        )
        for query in list_queries("cq/")
    ]


def descriptions() -> list[Request]:
    """The example descriptions, each a ``POST /assess``."""
    return [
        Request(
            "assess",
            path.name,
            f"/assess?as_of={AS_OF}",
            path.read_bytes(),
            MEDIA_TYPES[path.suffix],
            "application/json",
        )
        for path in sorted(EXAMPLES.iterdir())
        if path.is_file() and path.suffix in MEDIA_TYPES
    ]


async def _send(client: httpx.AsyncClient, request: Request) -> Sample:
    start = time.perf_counter()
    headers = {"content-type": request.content_type, "accept": request.accept}
    try:
        response = await client.post(request.path, content=request.body, headers=headers)
    except httpx.HTTPError:
        return Sample(request.kind, request.name, 0, time.perf_counter() - start)
    seconds = time.perf_counter() - start
    rows = None
    if response.status_code == 200 and request.kind == "query":
        answer = response.json()
        rows = len(answer["results"]["bindings"]) if "results" in answer else 1
    return Sample(request.kind, request.name, response.status_code, seconds, rows)


async def _phase(
    url: str, requests: list[Request], clients: int, seconds: float, timeout: float
) -> tuple[list[Sample], float]:
    """``clients`` clients sending ``requests`` in turn for ``seconds``; samples and wall time."""
    samples: list[Sample] = []
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=timeout, limits=limits) as client:
        start = time.perf_counter()
        deadline = start + seconds

        async def one_client(number: int) -> None:
            turn = number * max(1, len(requests) // clients)
            while time.perf_counter() < deadline:
                samples.append(await _send(client, requests[turn % len(requests)]))
                turn += 1

        await asyncio.gather(*(one_client(number) for number in range(clients)))
        return samples, time.perf_counter() - start


async def _once(url: str, request: Request, timeout: float) -> Sample:
    async with httpx.AsyncClient(base_url=url, timeout=timeout) as client:
        return await _send(client, request)


def _ms(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * len(ordered)) - 1))
    return round(ordered[index] * 1000, 1)


def summarise(samples: list[Sample], wall: float) -> dict[str, Any]:
    """Count, throughput, p50 and p99 (ms) of the answered (200) requests, and every status."""
    ok = [sample.seconds for sample in samples if sample.status == 200]
    return {
        "requests": len(samples),
        "ok": len(ok),
        "per_second": round(len(ok) / wall, 2) if wall else 0.0,
        "p50_ms": _ms(ok, 0.5) if ok else None,
        "p99_ms": _ms(ok, 0.99) if ok else None,
        "statuses": dict(sorted(Counter(str(sample.status) for sample in samples).items())),
    }


def machine() -> dict[str, Any]:
    """The facts of the machine the figures were measured on."""
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        memory_kib = int(Path("/proc/meminfo").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        memory_kib = 0
    import pyoxigraph

    return {
        "cpu": model,
        "cpus": os.cpu_count(),
        "memory_gib": round(memory_kib / 2**20, 1),
        "system": f"{platform.system()} {platform.release()}",
        "python": platform.python_version(),
        "pyoxigraph": pyoxigraph.__version__,
        "load_average_at_start": [round(value, 2) for value in os.getloadavg()],
    }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@contextmanager
def service(store: Path, log: Path, options: list[str]) -> Iterator[str]:
    """``aiact-kg serve`` on 127.0.0.1 on ``store``; its base URL until the block ends."""
    port = _free_port()
    command = [sys.executable, "-m", "aiact_kg", "--store", str(store), "serve"]
    command += ["--host", "127.0.0.1", "--port", str(port), *options]
    environment = {k: v for k, v in os.environ.items() if not k.startswith("AIACT_KG_")}
    with log.open("wb") as output:
        process = subprocess.Popen(
            command, stdout=output, stderr=subprocess.STDOUT, env=environment
        )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + READY_SECONDS
        while True:
            if process.poll() is not None:
                raise SystemExit(f"the service ended at start:\n{log.read_text()}")
            try:
                if httpx.get(url + "/health", timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                raise SystemExit(f"the service did not answer in {READY_SECONDS} s")
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def quick_store(work: Path, subjects: int) -> Path:
    """A small registry: the knowledge base, the example submissions, generated subjects."""
    from aiact_kg.kb import build_knowledge_base
    from aiact_kg.reasoning.engine import AssessmentOptions
    from aiact_kg.registry.submit import submit_inputs
    from benchmarks.bench_registry import fill

    store = work / "store"
    build_knowledge_base(store)
    examples = [str(p) for p in sorted(EXAMPLES.iterdir()) if p.suffix in MEDIA_TYPES]
    options = AssessmentOptions(as_of=date.fromisoformat(AS_OF))
    assert submit_inputs(store, examples, options, progress=False).exit_code == 0
    fill(store, work, 0, subjects, 500)
    return store


def _stored(store: Path) -> dict[str, int]:
    """Submissions and assessed subjects of the store (from its records and assessments)."""
    from aiact_kg.kb import open_knowledge_base

    opened = open_knowledge_base(store)
    try:
        query = with_prefixes(
            "SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { GRAPH ?g { ?e a aia:RegistryEntry } }"
        )
        submissions = int(next(iter(opened.select(query).rows))[0].value)  # type: ignore[union-attr]
        query = with_prefixes(
            "SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?d aia:determinationOf ?s } }"
        )
        subjects = int(next(iter(opened.select(query).rows))[0].value)  # type: ignore[union-attr]
    finally:
        opened.close()
    return {"submissions": submissions, "subjects": subjects}


def run(
    store: Path,
    clients: list[int],
    seconds: float,
    log: Path,
    options: list[str],
    only: list[str] | None = None,
) -> dict[str, Any]:
    """Start the service on ``store`` and measure; ``only``: these questions (name prefixes)."""
    queries, assessments = catalogue(), descriptions()
    if only:
        queries = [q for q in queries if q.name.startswith(tuple(only))]
    facts = machine()
    stored = _stored(store)
    print(json.dumps({"store": stored}), flush=True)
    timeout = 600.0
    result: dict[str, Any] = {
        "benchmark": "concurrent clients on aiact-kg serve",
        "date": datetime.now(UTC).date().isoformat(),
        "aiact_kg": __version__,
        "machine": facts,
        "stored": stored,
        "seconds_per_phase": seconds,
        "serve_options": options,
    }
    with service(store, log, options) as url:
        started = time.perf_counter()
        httpx.post(url + "/sparql", content=b"ASK {}", timeout=timeout)  # first open: checks
        result["first_query_seconds"] = round(time.perf_counter() - started, 2)
        single: list[dict[str, Any]] = []
        trivial = Request(
            "query",
            "(a trivial ASK: the fixed cost of a query)",
            "/sparql",
            with_prefixes("ASK { aiap:art_6 a aia:Article }").encode("utf-8"),
            "application/sparql-query",
            "application/sparql-results+json",
        )
        for request in [trivial, trivial, *queries]:
            sample = asyncio.run(_once(url, request, timeout))
            single.append(
                {
                    "query": request.name,
                    "ms": round(sample.seconds * 1000, 1),
                    "status": sample.status,
                    "rows": sample.rows,
                }
            )
            print(json.dumps(single[-1]), flush=True)
        result["pass"] = single
        phases: list[dict[str, Any]] = []
        for count in clients:
            for kind, requests in (("query", queries), ("assess", assessments)):
                samples, wall = asyncio.run(_phase(url, requests, count, seconds, timeout))
                by_name = {
                    name: summarise([s for s in samples if s.name == name], wall)
                    for name in sorted({s.name for s in samples})
                }
                phase = {
                    "kind": kind,
                    "clients": count,
                    "wall_seconds": round(wall, 1),
                    **summarise(samples, wall),
                    "by_name": by_name,
                }
                phases.append(phase)
                print(json.dumps({k: v for k, v in phase.items() if k != "by_name"}), flush=True)
        result["phases"] = phases
    result["total_seconds"] = round(time.perf_counter() - started, 1)
    return result


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def write_results(result: dict[str, Any], results: Path = RESULTS, name: str = "load") -> None:
    results.mkdir(exist_ok=True)
    (results / f"{name}.json").write_text(json.dumps(result, indent=2) + "\n")
    facts = result["machine"]
    lines = [
        "# Concurrent clients on `aiact-kg serve`",
        "",
        f"Run {result['date']}, aiact-kg {result['aiact_kg']}, Python {facts['python']}, "
        f"pyoxigraph {facts['pyoxigraph']}; {facts['cpus']} CPUs ({facts['cpu']}), "
        f"{facts['memory_gib']} GiB, {facts['system']}; load average at start "
        f"{facts['load_average_at_start']} (a machine shared with other work). Store: "
        f"{result['stored']['submissions']} submissions, {result['stored']['subjects']} "
        f"assessed subjects. Service options: `{' '.join(result['serve_options']) or 'defaults'}`"
        f"; clients on the same machine; {result['seconds_per_phase']} s per phase. First query "
        f"after start (opens and checks the store): {result['first_query_seconds']} s. The whole "
        f"run took {result['total_seconds']} s.",
        "",
        "## Each catalogue question alone",
        "",
        "| question | ms | status | rows |",
        "| --- | ---: | ---: | ---: |",
    ]
    for row in result["pass"]:
        lines.append(f"| {row['query']} | {row['ms']} | {row['status']} | {_cell(row['rows'])} |")
    lines += [
        "",
        "## Concurrent clients",
        "",
        "Throughput counts answered requests (200) per second of the phase; p50/p99 are over",
        "the answered ones; statuses counts every request (503 `busy`: more queries at once",
        "than `--max-queries`, refused at once by design; 503 after the time limit: too slow).",
        "",
        "| kind | clients | requests | answered | per second | p50 (ms) | p99 (ms) | statuses |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for phase in result["phases"]:
        statuses = ", ".join(f"{k}: {v}" for k, v in phase["statuses"].items())
        lines.append(
            f"| {phase['kind']} | {phase['clients']} | {phase['requests']} | {phase['ok']} | "
            f"{phase['per_second']} | {_cell(phase['p50_ms'])} | {_cell(phase['p99_ms'])} | "
            f"{statuses} |"
        )
    lines += ["", "## Per question and description, at each client count", ""]
    lines += [
        "| kind | clients | name | answered | p50 (ms) | p99 (ms) | statuses |",
        "| --- | ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for phase in result["phases"]:
        for label, figures in phase["by_name"].items():
            statuses = ", ".join(f"{k}: {v}" for k, v in figures["statuses"].items())
            lines.append(
                f"| {phase['kind']} | {phase['clients']} | {label} | {figures['ok']} | "
                f"{_cell(figures['p50_ms'])} | {_cell(figures['p99_ms'])} | {statuses} |"
            )
    (results / f"{name}.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--store", type=Path, help="a registry store (e.g. 100k subjects)")
    parser.add_argument("--quick", action="store_true", help="build a small registry and run")
    parser.add_argument("--quick-subjects", type=int, default=1000)
    parser.add_argument("--clients", type=int, nargs="+", default=None)
    parser.add_argument("--seconds", type=float, default=None, help="per phase (default 30)")
    parser.add_argument("--serve-option", action="append", default=[], metavar="OPTION")
    parser.add_argument("--only", nargs="+", metavar="CQ", help="only these questions (cq-015 ...)")
    parser.add_argument("--results", type=Path, default=RESULTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if (args.store is None) == (not args.quick):
        parser.error("give --store STORE or --quick")
    clients = args.clients or ([1, 4] if args.quick else [1, 4, 16])
    seconds = args.seconds if args.seconds is not None else (5.0 if args.quick else 30.0)
    work = Path(tempfile.mkdtemp(prefix="aiact-kg-bench-load-"))
    try:
        store = quick_store(work, args.quick_subjects) if args.quick else args.store
        log = work / "serve.log"
        result = run(store, clients, seconds, log, args.serve_option, args.only)
        write_results(result, args.results, "load-quick" if args.quick else "load")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
