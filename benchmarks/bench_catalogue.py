"""The catalogue questions (``queries/cq/``) over registries of growing size, per engine.

Usage: python -m benchmarks.bench_catalogue [--sizes 1000 10000 100000]
[--engines embedded oxigraph virtuoso] [--distinct 2000] [--runs 5] [--budget 120]

The data: ``--distinct`` generated subjects (``benchmarks/generate.py``) are assessed for real,
500 to a document, as ``submit`` assesses a document (the rules over the document alone; SHACL
is skipped, the subjects are valid by construction). Each document gives a submission graph (its
statements) and an assessment graph (what the rules derived), as the registry stores them (the
registry's records are left out: no catalogue question reads them). To reach N subjects, these
graphs are copied with every IRI of the copy renamed (the subjects, their providers, the
assessment's nodes, the graphs; blank nodes too), so copy ``c`` of subject ``i`` is a new
subject with the same description and the same derived results as subject ``i``. Assessing
100k subjects would take about 10 minutes on an idle machine; copying takes seconds, and the
questions see the same shape of data (each copy adds the same mix of categories, roles, fines).

Each engine holds the knowledge base and the subjects: *embedded*, a pyoxigraph store in this
process, bulk loaded and compacted after each size (asked with the union of the named graphs as
the default graph, as ``aiact-kg query`` does); *oxigraph*, the Oxigraph server; *virtuoso*,
Virtuoso Open Source; both started on 127.0.0.1 by :mod:`tests.remote_engines` and loaded by the
Graph Store Protocol; both are asked with the union of their graphs as the default graph (the
Oxigraph server started with ``--union-default-graph``; Virtuoso's default graph is that union).
Asking the Oxigraph server with every named graph as a ``default-graph-uri`` instead was 2 to 3
times slower. Virtuoso cuts results at ``ResultSetMaxRows`` rows (10,000 by default); the engine
started here raises it to 1,000,000 (the store refuses a capped answer), and the rows of every
answer are recorded, so the engines' answers can be compared by size.

Every question is asked ``--runs`` times per size and engine (fewer once the runs of one
question have taken ``--budget`` seconds); p50 and p95 are over those runs. The growth exponent
between two sizes is log(t2 / t1) / log(N2 / N1) of the p50s. Figures go to
``results/catalogue.{json,md}``.
"""

from __future__ import annotations

import argparse
import io
import itertools
import json
import math
import os
import platform
import re
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pyoxigraph import NamedNode, QuerySolutions, RdfFormat, Store, serialize

from aiact_kg import __version__
from aiact_kg.kb import build_knowledge_base, open_knowledge_base
from aiact_kg.queries import get_query, list_queries, with_prefixes
from aiact_kg.registry.names import REGISTRY_GRAPH
from aiact_kg.store.sparql_endpoint import SparqlEndpointStore
from aiact_kg.submission.reading import read_rdf_file
from benchmarks.bench_registry import UNLIMITED, _submission_quads
from benchmarks.generate import write_single_file

RESULTS = Path(__file__).resolve().parent / "results"
ENGINES = ("embedded", "oxigraph", "virtuoso")
PER_DOCUMENT = 500
#: IRIs renamed in a copy: the generated subjects and parties, the assessment's nodes, graphs
_RENAMED = re.compile(
    r"<(https://example\.org/bench/|https://w3id\.org/aiact-kg/(?:assessment|genid|registry)/)"
)
_BLANK = re.compile(r"(^| )_:", re.MULTILINE)
_LINE_END = re.compile(r" \.$", re.MULTILINE)


@dataclass
class Document:
    """One assessed document of ``subjects`` subjects: N-Triples text per graph."""

    subjects: int
    graphs: dict[str, str]


def catalogue_questions() -> list[str]:
    """The names of the catalogue questions, ``cq-001-...`` first."""
    return sorted(q.name.removeprefix("cq/") for q in list_queries() if q.name.startswith("cq/"))


def assess_documents(work: Path, distinct: int, per_document: int = PER_DOCUMENT) -> list[Document]:
    """Generate and assess ``distinct`` subjects, ``per_document`` to a document."""
    documents = []
    for begin in range(0, distinct, per_document):
        count = min(per_document, distinct - begin)
        path = write_single_file(
            work / f"base-{begin:07d}.ttl", count, seed=begin, valid=True, first=begin
        )
        document = read_rdf_file(path, max_bytes=UNLIMITED, max_statements=UNLIMITED)
        path.unlink()
        by_graph: dict[str, list[object]] = {}
        for quad in _submission_quads(f"bench-{begin:07d}", document):
            graph = quad.graph_name.value  # type: ignore[union-attr]
            if graph != REGISTRY_GRAPH:
                by_graph.setdefault(graph, []).append(quad.triple)
        graphs = {
            graph: serialize(triples, format=RdfFormat.N_TRIPLES).decode()  # type: ignore[arg-type]
            for graph, triples in sorted(by_graph.items())
        }
        documents.append(Document(count, graphs))
    return documents


def renamed(text: str, copy: int) -> str:
    """``text`` (N-Triples) with every IRI of a generated subject or its assessment renamed."""
    if copy == 0:
        return text
    text = _RENAMED.sub(lambda m: f"<{m.group(1)}c{copy}-", text)
    return _BLANK.sub(lambda m: f"{m.group(1)}_:c{copy}x", text)


def subject_graphs(documents: list[Document], first: int, last: int) -> Iterator[tuple[str, str]]:
    """(graph IRI, N-Triples) of subjects ``first`` to ``last - 1``, copies past the distinct."""
    distinct = sum(d.subjects for d in documents)
    position = 0
    while position < last:
        copy = position // distinct
        for document in documents:
            if first <= position and position + document.subjects <= last:
                for graph, text in document.graphs.items():
                    yield renamed(f"<{graph}>", copy)[1:-1], renamed(text, copy)
            elif position < last and position + document.subjects > first:
                raise ValueError("sizes must be multiples of the subjects per document")
            position += document.subjects


# ----------------------------------------------------------------------------- engines


class ChunkReader(io.RawIOBase):
    """A binary stream reading the chunks of an iterator one after another."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._chunk = memoryview(b"")

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while not self._chunk:
            chunk = next(self._chunks, None)
            if chunk is None:
                return 0
            self._chunk = memoryview(chunk)
        size = min(len(buffer), len(self._chunk))
        buffer[:size] = self._chunk[:size]
        self._chunk = self._chunk[size:]
        return size


class Engine:
    """One engine holding the knowledge base; subjects are added, questions asked."""

    name = ""

    def add(self, graph: str, text: str) -> None:
        raise NotImplementedError

    def add_all(self, graphs: Iterator[tuple[str, str]]) -> None:
        for graph, text in graphs:
            self.add(graph, text)

    def ask(self, sparql: str) -> int:
        """Run a SELECT; the number of rows."""
        raise NotImplementedError

    def close(self) -> None:
        pass


class EmbeddedEngine(Engine):
    name = "embedded"

    def __init__(self, kb: Path, folder: Path) -> None:
        source = open_knowledge_base(kb)
        try:
            dump = source.raw.dump(format=RdfFormat.N_QUADS)
        finally:
            source.close()
        self.store = Store(str(folder))
        self.store.bulk_load(dump, format=RdfFormat.N_QUADS)

    def add(self, graph: str, text: str) -> None:
        self.store.bulk_load(text, format=RdfFormat.N_TRIPLES, to_graph=NamedNode(graph))

    def add_all(self, graphs: Iterator[tuple[str, str]]) -> None:
        """One bulk load of N-Quads (each bulk load writes files of its own), streamed: the
        text of 100k subjects would take about 10 GB of memory."""
        quads = (_LINE_END.sub(f" <{graph}> .", text).encode() for graph, text in graphs)
        self.store.bulk_load(io.BufferedReader(ChunkReader(quads)), format=RdfFormat.N_QUADS)
        # compacted, as ``build`` leaves the knowledge base: each bulk load adds files spanning
        # the whole key range (keys are hashes), which every lookup then searches; left so, the
        # knowledge-base questions (same rows at every size) took 3.5 to 5 times longer at 30k
        self.store.optimize()

    def ask(self, sparql: str) -> int:
        solutions = self.store.query(sparql, use_default_graph_as_union=True)
        assert isinstance(solutions, QuerySolutions)
        return sum(1 for _ in solutions)


class RemoteEngine(Engine):
    def __init__(self, name: str, folder: Path, timeout: float) -> None:
        from tests.remote_engines import start  # the tests' helper: it needs pytest

        # Virtuoso's own limit above the benchmark's budget: the budget decides (and large loads)
        running = start(name, folder, union_default_graph=True, time_limit=3600)
        if running is None:
            raise RuntimeError(f"{name} is not installed (see tests/remote_engines.py)")
        self.name, self.running = name, running
        self.store: SparqlEndpointStore = running.store
        self.store.timeout = timeout

    def add(self, graph: str, text: str) -> None:
        self.store.load_bytes(text.encode(), RdfFormat.N_TRIPLES, graph)

    def ask(self, sparql: str) -> int:
        return len(self.store.select(sparql).rows)  # the default graph: the union of all

    def close(self) -> None:
        self.running.stop()


# ----------------------------------------------------------------------------- timing


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(share * len(ordered)) - 1)]


def time_question(
    ask: Callable[[str], int], sparql: str, runs: int, budget: float
) -> dict[str, object]:
    """p50, p95 (ms) and rows of ``runs`` runs of one question, or the error it raised."""
    times: list[float] = []
    rows = 0
    spent = 0.0
    for _ in range(runs):
        start = time.perf_counter()
        try:
            rows = ask(sparql)
        except Exception as error:  # an engine's refusal is a figure too
            return {"error": " ".join(str(error).split())[:300]}
        times.append(time.perf_counter() - start)
        spent += times[-1]
        if spent > budget:
            break
    return {
        "runs": len(times),
        "p50_ms": round(statistics.median(times) * 1000, 1),
        "p95_ms": round(_percentile(times, 0.95) * 1000, 1),
        "rows": rows,
    }


def growth(rows: list[dict[str, object]]) -> dict[str, dict[str, float]]:
    """Per engine and question, the exponent of the p50 growth between consecutive sizes."""
    out: dict[str, dict[str, float]] = {}
    by_key = {(r["engine"], r["size"], r["question"]): r for r in rows}
    sizes = sorted({int(r["size"]) for r in rows})  # type: ignore[call-overload]
    for (engine, size, question), row in by_key.items():
        index = sizes.index(int(size))  # type: ignore[call-overload]
        if index == 0 or "p50_ms" not in row:
            continue
        before = by_key.get((engine, sizes[index - 1], question))
        if before is None or "p50_ms" not in before:
            continue
        ratio = float(row["p50_ms"]) / max(float(before["p50_ms"]), 0.1)  # type: ignore[arg-type]
        key = f"{sizes[index - 1]}->{size}"
        out.setdefault(f"{engine} {question}", {})[key] = round(
            math.log(ratio) / math.log(int(size) / sizes[index - 1]),  # type: ignore[call-overload]
            2,
        )
    return out


def run(
    sizes: list[int],
    engines: list[str],
    distinct: int,
    runs: int,
    budget: float,
    questions: list[str] | None = None,
    per_document: int = PER_DOCUMENT,
    timeout: float = 600.0,
    kb: Path | None = None,
) -> dict[str, object]:
    """Fill each engine through ``sizes`` and time the questions; ``kb``: a built knowledge
    base to copy (built here if None)."""
    started = time.perf_counter()
    names = questions or catalogue_questions()
    texts = {name: with_prefixes(get_query(f"cq/{name}").text) for name in names}
    rows: list[dict[str, object]] = []
    loads: list[dict[str, object]] = []
    with tempfile.TemporaryDirectory(prefix="aiact-kg-bench-catalogue-") as tmp:
        work = Path(tmp)
        begin = time.perf_counter()
        documents = assess_documents(work, min(distinct, max(sizes)), per_document)
        assess_seconds = round(time.perf_counter() - begin, 1)
        print(f"assessed {sum(d.subjects for d in documents)} subjects in {assess_seconds} s")
        if kb is None:
            kb = work / "kb"
            build_knowledge_base(kb)
        for engine_name in engines:
            folder = work / engine_name
            folder.mkdir()
            engine: Engine = (
                EmbeddedEngine(kb, folder)
                if engine_name == "embedded"
                else RemoteEngine(engine_name, folder, timeout)
            )
            try:
                stored = 0
                for size in sorted(sizes):
                    begin = time.perf_counter()
                    engine.add_all(subject_graphs(documents, stored, size))
                    loads.append(
                        {
                            "engine": engine_name,
                            "size": size,
                            "load_seconds": round(time.perf_counter() - begin, 1),
                        }
                    )
                    stored = size
                    for name in names:
                        figures = time_question(engine.ask, texts[name], runs, budget)
                        row = {"engine": engine_name, "size": size, "question": name, **figures}
                        print(json.dumps(row), flush=True)
                        rows.append(row)
            finally:
                engine.close()
                shutil.rmtree(folder, ignore_errors=True)
    return {
        "benchmark": "catalogue questions over a growing registry",
        "date": datetime.now(UTC).date().isoformat(),
        "aiact_kg": __version__,
        "python": platform.python_version(),
        "machine": f"{platform.machine()}, {platform.system()}, {os.cpu_count()} CPUs",
        "load_average": [round(v, 2) for v in os.getloadavg()],
        "distinct_subjects": min(distinct, max(sizes)),
        "assess_seconds": assess_seconds,
        "runs": runs,
        "budget_seconds": budget,
        "loads": loads,
        "rows": rows,
        "growth": growth(rows),
        "total_seconds": round(time.perf_counter() - started),
    }


def write_results(result: dict[str, object], results: Path = RESULTS) -> None:
    results.mkdir(exist_ok=True)
    (results / "catalogue.json").write_text(json.dumps(result, indent=2) + "\n")
    rows: list[dict[str, object]] = result["rows"]  # type: ignore[assignment]
    engines = list(dict.fromkeys(str(r["engine"]) for r in rows))
    sizes = sorted({int(r["size"]) for r in rows})  # type: ignore[call-overload]
    questions = list(dict.fromkeys(str(r["question"]) for r in rows))
    by_key = {(r["engine"], r["size"], r["question"]): r for r in rows}
    grow: dict[str, dict[str, float]] = result["growth"]  # type: ignore[assignment]
    steps = [f"{a}->{b}" for a, b in itertools.pairwise(sizes)]
    lines = [
        "# Catalogue questions over a growing registry",
        "",
        f"Run {result['date']}, aiact-kg {result['aiact_kg']}, Python {result['python']}, "
        f"{result['machine']}; load average at the end {result['load_average']} (a machine "
        f"shared with other work: compare engines and sizes within this run only). "
        f"{result['distinct_subjects']} distinct generated subjects assessed "
        f"({result['assess_seconds']} s), copied under new IRIs to reach each size (see "
        f"`bench_catalogue.py`). Each question {result['runs']} times per size and engine "
        f"(fewer past {result['budget_seconds']} s); p50 / p95 in ms, rows of the answer. "
        f"The whole run took {result['total_seconds']} s.",
        "",
    ]
    header = "| question | " + " | ".join(
        f"{engine} {size}" for engine in engines for size in sizes
    )
    header += "".join(f" | {engine} growth {step}" for engine in engines for step in steps)
    lines += [header + " |", "| --- |" + " ---: |" * (header.count("|") - 1)]

    def cell(row: dict[str, object] | None) -> str:
        if row is None:
            return ""
        if "error" in row:
            return "error"
        return f"{row['p50_ms']} / {row['p95_ms']} ({row['rows']})"

    errors = []
    for question in questions:
        cells = [cell(by_key.get((e, s, question))) for e in engines for s in sizes]
        cells += [
            str(grow.get(f"{e} {question}", {}).get(step, "")) for e in engines for step in steps
        ]
        lines.append(f"| {question} | " + " | ".join(cells) + " |")
        errors += [
            f"- {e} at {s}, {question}: {by_key[(e, s, question)]['error']}"
            for e in engines
            for s in sizes
            if "error" in by_key.get((e, s, question), {})
        ]
    lines += [
        "",
        "Load (s): "
        + ", ".join(
            f"{load['engine']} to {load['size']}: {load['load_seconds']}"
            for load in result["loads"]  # type: ignore[attr-defined]
        )
        + ".",
    ]
    if errors:
        lines += ["", "Errors:", "", *errors]
    (results / "catalogue.md").write_text("\n".join(lines) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--engines", nargs="+", choices=ENGINES, default=list(ENGINES))
    parser.add_argument("--distinct", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--budget", type=float, default=120.0)
    parser.add_argument("--questions", nargs="+", help="only these (e.g. cq-019-...)")
    parser.add_argument("--results", type=Path, default=RESULTS, help=argparse.SUPPRESS)
    args = parser.parse_args()
    result = run(args.sizes, args.engines, args.distinct, args.runs, args.budget, args.questions)
    write_results(result, args.results)


if __name__ == "__main__":
    main()
