"""A fuzzed corpus: whatever bytes arrive, aiact-kg answers with exit 0, 1 or 2, no traceback,
and no network request.

Hypothesis generates at least :data:`DOCUMENTS` documents per run: mutated shipped examples,
random bytes, deep nesting in every syntax, odd encodings, and JSON-LD, RDF/XML and Turtle
tricks that point at a TCP listener on 127.0.0.1 (``@context``, ``@import``, ``@base``,
``owl:imports``, external entities and DTDs, ``xml:base``). Every document goes through the
reading stage in-process; a bounded sample goes through ``validate`` and ``assess``
in-process, and a small sample through the real command line. The listener must see nothing.
How long the reading stage took is printed, not asserted (it depends on the machine); the work
of one input is bounded by the reading limits, tested in test_input_limits.py.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import random
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aiact_kg.assessment import assess_inputs
from aiact_kg.errors import AiactKgError
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.submission import InputDocument, InputFormatError, read_rdf_bytes
from aiact_kg.submission.batch import validate_inputs
from aiact_kg.submission.validation import SubmissionValidator

DOCUMENTS = 10_000
IN_PROCESS_SAMPLE = 24  # documents through validate and assess in-process (readable ones)
CLI_SAMPLE = 12  # documents through the real CLI, in one directory
REPO = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(
    path
    for path in (REPO / "examples" / "submissions").rglob("*")
    if path.is_file() and path.suffix != ".md"
)
NAMES = ["x.ttl", "x.nt", "x.nq", "x.trig", "x.rdf", "x.owl", "x.jsonld", "x.json", "x.txt", "x"]
URL = "http://127.0.0.1:{port}/"


@dataclass
class Listener:
    """Counts the connections and bytes received on a TCP port of 127.0.0.1."""

    server: socket.socket
    connections: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)
    stop: threading.Event = field(default_factory=threading.Event)

    @property
    def url(self) -> str:
        return URL.format(port=self.server.getsockname()[1])

    def serve(self) -> None:
        while not self.stop.is_set():
            try:
                connection, _ = self.server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with self.lock:
                self.connections += 1
            connection.close()

    def count(self) -> int:
        time.sleep(0.3)  # let a late connection arrive
        with self.lock:
            return self.connections


@pytest.fixture(scope="module")
def listener() -> Iterator[Listener]:
    server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server.bind(("127.0.0.1", 0))
    server.listen(64)
    server.settimeout(0.05)
    state = Listener(server)
    thread = threading.Thread(target=state.serve, daemon=True)
    thread.start()
    with socket.create_connection(("127.0.0.1", server.getsockname()[1]), timeout=2):
        pass  # control: the listener does count a real connection
    assert state.count() == 1
    with state.lock:
        state.connections = 0
    yield state
    state.stop.set()
    thread.join(timeout=2)
    server.close()


# --- what is generated ---------------------------------------------------------------------------

TURTLE_TRICKS = [
    "@base <{url}> .\n<#s> a <https://w3id.org/aiact-kg/ontology#AISystem> .\n",
    "@prefix r: <{url}> .\nr:s <http://www.w3.org/2002/07/owl#imports> <{url}onto.ttl> .\n",
    "<{url}s> <http://www.w3.org/2002/07/owl#imports> <{url}> .\n",
    "PREFIX : <{url}>\nBASE <{url}b/>\n:s a <{url}C> ; :p <rel> .\n",
    "<s> <p> ( ( ( [ <q> <{url}> ] ) ) ) .\n",
    '<s> <p> "2025-02-30"^^<http://www.w3.org/2001/XMLSchema#date> .\n',
    '<s> <p> "1e400"^^<http://www.w3.org/2001/XMLSchema#double>, "NaN", 1e999 .\n',
    "<{url}s> a <https://w3id.org/aiact-kg/ontology#AISystem> ; "
    "<https://w3id.org/aiact-kg/ontology#hasProvider> [] .\n",
]
JSONLD_TRICKS = [
    '{{"@context": "{url}ctx.jsonld", "@id": "{url}s", "name": "x"}}',
    '{{"@context": [{{"@vocab": "{url}"}}, "{url}c"], "@id": "{url}s", "p": 1}}',
    '{{"@context": {{"@import": "{url}i.jsonld"}}, "@id": "{url}s"}}',
    '{{"@context": {{"@base": "{url}", "p": {{"@id": "{url}p", "@context": "{url}s"}}}},'
    ' "@id": "s", "p": {{"@id": "t"}}}}',
    '{{"@context": {{"@base": "{url}"}}, "@id": "s", "{url}p": {{"@id": "o"}}}}',
    '{{"@id": "{url}s", "@type": "https://w3id.org/aiact-kg/ontology#AISystem",'
    ' "{url}p": {{"@value": "x", "@type": "@json"}}}}',
    '[{{"@id": "{url}s", "{url}p": [{{"@list": [[[1]]]}}]}}]',
]
XML_TRICKS = [
    '<?xml version="1.0"?>\n<!DOCTYPE r SYSTEM "{url}r.dtd">\n<rdf:RDF {ns}/>',
    '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY e SYSTEM "{url}e">]>\n'
    "<rdf:RDF {ns}>&e;</rdf:RDF>",
    '<rdf:RDF {ns} xml:base="{url}"><rdf:Description rdf:about="s">'
    '<ex:p rdf:resource="{url}o"/></rdf:Description></rdf:RDF>',
    '<rdf:RDF {ns}><rdf:Description rdf:about="{url}s"><ex:imports rdf:resource="{url}x"/>'
    "</rdf:Description></rdf:RDF>",
    '<?xml version="1.0"?><?xml-stylesheet href="{url}s.xsl"?><rdf:RDF {ns}/>',
    '<rdf:RDF {ns} xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="{url}x"/>'
    "</rdf:RDF>",
]
XML_NS = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/"'
INSERTS = [
    b"(",
    b")",
    b"[",
    b"]",
    b"{",
    b"}",
    b"<",
    b">",
    b'"',
    b"'''",
    b'"""',
    b"\\",
    b"\\u0000",
    b"\x00",
    b"\xff",
    b"\xef\xbb\xbf",
    b"\xc3",
    b"@context",
    b"<!DOCTYPE x>",
    b"<!ENTITY a 'b'>",
    b"_:b",
    b"[] ",
    b"\n",
    b" . ",
    b"^^",
    b"@en",
    b"#",
    b"(" * 200,
    b"[ <p> " * 150,
]


@st.composite
def mutated_example(draw: st.DrawFn) -> tuple[str, bytes]:
    index = draw(st.integers(0, len(EXAMPLES) - 1))
    data = bytearray(EXAMPLES[index].read_bytes())
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.integers(0, 4))
        at = draw(st.integers(0, len(data)))
        if kind == 0 and data:
            data[min(at, len(data) - 1)] = draw(st.integers(0, 255))
        elif kind == 1:
            data[at:at] = draw(st.sampled_from(INSERTS))
        elif kind == 2:
            del data[at : at + draw(st.integers(1, 64))]
        elif kind == 3:
            data = data[:at]
        else:
            data[at:at] = data[at : at + draw(st.integers(1, 200))]
    name = draw(st.sampled_from([EXAMPLES[index].name, *NAMES]))
    return name, bytes(data)


@st.composite
def random_document(draw: st.DrawFn) -> tuple[str, bytes]:
    data = draw(
        st.one_of(
            st.binary(max_size=512),
            st.text(max_size=300).map(lambda t: t.encode("utf-8", "surrogatepass")),
            st.text(alphabet="<>()[]{}\"'@:;,._#\\ \nabc0-^", max_size=400).map(str.encode),
        )
    )
    return draw(st.sampled_from(NAMES)), data


@st.composite
def deep_document(draw: st.DrawFn) -> tuple[str, bytes]:
    depth = draw(st.integers(1, 3000))
    kind = draw(st.sampled_from(["collection", "blank", "mixed", "json", "xml", "trig"]))
    if kind == "collection":
        text = "<s> <p> " + "(" * depth + ")" * depth + " ."
    elif kind == "blank":
        text = "<s> <p> " + "[ <q> " * depth + "1" + " ]" * depth + " ."
    elif kind == "mixed":
        text = "<s> <p> " + "( [ <q> " * depth + "1" + " ] )" * depth + " ."
    elif kind == "trig":
        text = "{ <s> <p> " + "(" * depth + ")" * depth + " . }"
    elif kind == "json":
        text = '{"@id": "http://e/s", "http://e/p": ' + "[" * depth + "1" + "]" * depth + "}"
    else:
        text = f"<rdf:RDF {XML_NS}>" + "<ex:a>" * depth + "</ex:a>" * depth + "</rdf:RDF>"
    extension = {"json": "x.jsonld", "xml": "x.rdf", "trig": "x.trig"}.get(kind, "x.ttl")
    return draw(st.sampled_from([extension, "x"])), text.encode()


@st.composite
def encoded_document(draw: st.DrawFn) -> tuple[str, bytes]:
    text = draw(st.sampled_from(EXAMPLES)).read_text(encoding="utf-8")
    encoding = draw(
        st.sampled_from(
            ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "utf-8-sig"]
        )
    )
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):
        data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b""])) + data
    return draw(st.sampled_from(NAMES)), data


@st.composite
def tricky_document(draw: st.DrawFn, url: str) -> tuple[str, bytes]:
    family = draw(st.sampled_from(["turtle", "jsonld", "xml"]))
    if family == "turtle":
        text = "".join(draw(st.lists(st.sampled_from(TURTLE_TRICKS), min_size=1, max_size=4)))
        name = draw(st.sampled_from(["x.ttl", "x.trig", "x"]))
    elif family == "jsonld":
        text = draw(st.sampled_from(JSONLD_TRICKS))
        name = draw(st.sampled_from(["x.jsonld", "x.json", "x"]))
    else:
        text = draw(st.sampled_from(XML_TRICKS)).replace("{ns}", XML_NS)
        name = draw(st.sampled_from(["x.rdf", "x.xml", "x"]))
    return name, text.replace("{{", "{").replace("}}", "}").replace("{url}", url).encode()


def documents(url: str) -> st.SearchStrategy[tuple[str, bytes]]:
    return st.one_of(
        mutated_example(),
        random_document(),
        deep_document(),
        encoded_document(),
        tricky_document(url),
    )


# --- the properties ------------------------------------------------------------------------------


@dataclass
class Tally:
    documents: int = 0
    readable: int = 0
    kept: list[tuple[str, bytes]] = field(default_factory=list)
    unreadable_kept: list[tuple[str, bytes]] = field(default_factory=list)


def _read(name: str, data: bytes) -> InputDocument | InputFormatError:
    try:
        return read_rdf_bytes(data, name=name)
    except InputFormatError as error:
        problem = error
    message = str(problem)
    assert problem.exit_code == 2
    assert "\n" not in message
    assert "Traceback" not in message
    assert message.startswith(name)
    return problem


def test_fuzzed_documents_are_read_or_refused_cleanly_with_no_request(
    listener: Listener, tmp_path: Path
) -> None:
    tally = Tally()
    sampler = random.Random(1689)
    started = time.perf_counter()

    @settings(
        max_examples=DOCUMENTS,
        deadline=None,
        database=None,
        derandomize=os.environ.get("AIACT_KG_FUZZ_RANDOM") is None,
        suppress_health_check=list(HealthCheck),
    )
    @given(documents(listener.url))
    def read_one(document: tuple[str, bytes]) -> None:
        name, data = document
        tally.documents += 1
        result = _read(name, data)
        if isinstance(result, InputDocument):
            tally.readable += 1
            if len(tally.kept) < IN_PROCESS_SAMPLE and sampler.random() < 0.05:
                tally.kept.append(document)
        elif len(tally.unreadable_kept) < CLI_SAMPLE and sampler.random() < 0.01:
            tally.unreadable_kept.append(document)

    read_one()
    print(
        f"fuzzed {tally.documents} documents in {time.perf_counter() - started:.0f} s, "
        f"{tally.readable} readable; in-process sample {len(tally.kept)}"
    )
    assert tally.documents >= DOCUMENTS
    assert tally.readable > DOCUMENTS // 50  # the corpus is not all rejected at the first check
    assert listener.count() == 0

    _validate_and_assess_in_process(tally.kept + tally.unreadable_kept[:4], tmp_path)
    assert listener.count() == 0
    _run_the_cli(tally.kept[: CLI_SAMPLE // 2] + tally.unreadable_kept, tmp_path / "cli")
    assert listener.count() == 0


def _validate_and_assess_in_process(sample: list[tuple[str, bytes]], tmp_path: Path) -> None:
    validator = SubmissionValidator()
    options = AssessmentOptions(as_of=date(2026, 8, 2), law="as-published", threshold_flop=None)
    for index, (name, data) in enumerate(sample):
        path = tmp_path / f"in-process-{index}-{name}"
        path.write_bytes(data)
        stderr = io.StringIO()
        with contextlib.redirect_stderr(stderr):
            try:
                report = validate_inputs([str(path)], validator=validator, progress=False)
                assessed = assess_inputs([str(path)], options, validator=validator, progress=False)
            except AiactKgError as error:  # allowed: a clear error with exit code 2
                problem: AiactKgError | None = error
            else:
                problem = None
        if problem is not None:
            assert problem.exit_code == 2, problem
            continue
        assert report.exit_code in {0, 1, 2}
        assert assessed.exit_code in {0, 1, 2}
        json.dumps(assessed.data)  # the report is plain data
        assert "Traceback" not in stderr.getvalue()


def _run_the_cli(sample: list[tuple[str, bytes]], directory: Path) -> None:
    directory.mkdir()
    for index, (name, data) in enumerate(sample):
        (directory / f"{index:02d}-{name}").write_bytes(data)
    files = sorted(directory.iterdir())
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("AIACT_KG_DEBUG", None)
    runs = [["validate", str(directory)], ["assess", str(directory)]]
    runs += [["validate", str(path)] for path in files[:2]]
    runs += [["assess", "--format", "json", str(path)] for path in files[-2:]]
    for argv in runs:
        done = subprocess.run(
            [sys.executable, "-m", "aiact_kg", argv[0], "--no-progress", *argv[1:]],
            env=env,
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert done.returncode in {0, 1, 2}, (argv, done.stderr)
        assert b"Traceback" not in done.stderr + done.stdout
        assert b"internal error" not in done.stderr
