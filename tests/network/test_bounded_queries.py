"""Queries are bounded: a time limit, Ctrl-C honoured at once, a row limit, streaming.

No assertion depends on how fast the machine is: the runaway queries below cannot end in any
time a test waits (about 10^14 solutions), so a command that ends at all, with the
message of the limit that stopped it, was stopped by that limit; the generous waits
(``communicate(timeout=...)``) only keep a broken build from hanging the suite.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from aiact_kg.cli import main
from aiact_kg.errors import QueryError
from aiact_kg.store.bounded import QueryLimits, QueryMemoryError, QueryTimeoutError, bounded_query
from tests.conftest import REPO_ROOT

# every quad of the knowledge base (~46k) three times over: about 10^14 rows
CROSS = "SELECT * WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } GRAPH ?z { ?g ?h ?i } }"
# the same, but nothing can be returned before the whole product is counted
COUNT = (
    "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } "
    "GRAPH ?z { ?g ?h ?i } }"
)
ARTICLES = "SELECT ?article WHERE { GRAPH ?g { ?article a aia:Article } } ORDER BY ?article"


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "query.rq"
    path.write_text(text, encoding="utf-8")
    return path


def _default_ctrl_c() -> None:
    """Ctrl-C as a terminal delivers it: a suite started in the background (``cmd &``) inherits
    SIGINT ignored, and Python then never turns it into ``KeyboardInterrupt``."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start(kb_path: Path, query: Path, *options: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "aiact_kg", "--store", str(kb_path), "query", str(query), *options],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        preexec_fn=_default_ctrl_c,
    )


def _children(pid: int) -> list[int]:
    children = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                children.append(int(entry.name))
    return children


@pytest.mark.parametrize(("text", "options"), [(COUNT, ()), (CROSS, ("--max-rows", "0"))])
def test_a_runaway_query_stops_at_the_timeout(
    kb_path: Path, tmp_path: Path, text: str, options: tuple[str, ...]
) -> None:
    started = time.monotonic()
    process = _start(kb_path, _write(tmp_path, text), "--timeout", "2", "--format", "csv", *options)
    out, err = process.communicate(timeout=120)
    elapsed = time.monotonic() - started
    assert process.returncode == 2
    assert elapsed >= 2, f"stopped after {elapsed:.1f} s, before the limit of 2 s"
    assert "ran for more than 2 seconds (--timeout)" in err
    assert "Traceback" not in err
    if text == CROSS:  # rows were streamed until the limit
        assert out.count("\n") > 100


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_ctrl_c_ends_a_query_at_once(kb_path: Path, tmp_path: Path) -> None:
    # with no time limit the count would run for days: ending at all is ending on Ctrl-C (the
    # command waits on the worker and kills it from the KeyboardInterrupt, with no polling)
    process = _start(kb_path, _write(tmp_path, COUNT), "--timeout", "0")
    deadline = time.monotonic() + 120
    while not (workers := _children(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert workers, "the query worker did not start"
    time.sleep(1.0)  # the worker is now deep inside the engine
    process.send_signal(signal.SIGINT)
    out, err = process.communicate(timeout=120)
    assert process.returncode == 130
    assert err == "aiact-kg: interrupted\n"
    assert out == ""
    for pid in workers:
        assert not Path(f"/proc/{pid}").exists(), "the query worker outlived the command"


def test_rows_are_streamed_as_they_come(kb_path: Path, tmp_path: Path) -> None:
    process = _start(
        kb_path, _write(tmp_path, CROSS), "--timeout", "0", "--max-rows", "0", "--format", "csv"
    )
    try:
        assert process.stdout is not None
        header = process.stdout.readline()
        first = process.stdout.readline()
        assert header.startswith("a,b,c,d,e,f,g,h,i")
        assert first.count(",") >= 11
    finally:
        process.kill()
        process.communicate()


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_the_row_limit_cuts_and_says_so(
    kb_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    query = str(_write(tmp_path, ARTICLES))
    code = main(["--store", str(kb_path), "query", query, "--max-rows", "10", "--format", fmt])
    out, err = capsys.readouterr()
    assert code == 0
    assert "more than 10 rows" in err
    assert "--max-rows" in err
    if fmt == "json":  # the W3C document holds the rows written; the note is on stderr
        assert len(json.loads(out)["results"]["bindings"]) == 10
    elif fmt == "csv":
        assert len(out.splitlines()) == 11
    else:
        assert "(first 10 rows; the result has more (--max-rows))" in out
    code = main(["--store", str(kb_path), "query", query, "--max-rows", "113", "--format", fmt])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    if fmt == "json":
        assert len(json.loads(out)["results"]["bindings"]) == 113


@pytest.mark.parametrize(
    ("option", "value"), [("--timeout", "-1"), ("--timeout", "nan"), ("--max-rows", "-5")]
)
def test_bad_limits_are_refused(
    kb_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str
) -> None:
    query = str(_write(tmp_path, ARTICLES))
    code = main(["--store", str(kb_path), "query", query, option, value])
    assert code == 2
    assert option in capsys.readouterr().err


def test_the_library_interface_bounds_too(kb_path: Path) -> None:
    from aiact_kg.namespaces import PREFIXES

    with bounded_query(kb_path, ARTICLES, QueryLimits(max_rows=5), prefixes=PREFIXES) as result:
        rows = list(result)
    assert len(rows) == 5
    assert result.truncated
    started = time.monotonic()
    with (  # a count of about 10^14 solutions: only the limit can end it
        pytest.raises(QueryTimeoutError),
        bounded_query(kb_path, COUNT, QueryLimits(timeout=0.5)) as result,
    ):
        list(result)
    assert time.monotonic() - started >= 0.5


@pytest.mark.parametrize(
    ("text", "fmt", "check"),
    [
        ("ASK { GRAPH ?g { ?s a aia:Article } }", "json", '{"head":{},"boolean":true}\n'),
        (
            "CONSTRUCT { ?s a aia:Article } WHERE { GRAPH ?g { ?s a aia:Article } } LIMIT 3",
            "ntriples",
            3,
        ),
        (
            "DESCRIBE ?a FROM <https://w3id.org/aiact-kg/graph/legal-text> "
            "WHERE { ?a a aia:Article } LIMIT 1",
            "ntriples",
            None,
        ),
    ],
)
def test_every_query_form_is_written(
    kb_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    text: str,
    fmt: str,
    check: str | int | None,
) -> None:
    query = str(_write(tmp_path, text))
    code = main(["--store", str(kb_path), "query", query, "--format", fmt])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    if isinstance(check, str):
        assert out == check
    elif check is not None:
        assert len(out.splitlines()) == check
    else:
        assert out.strip()


# every quad twice over, each pair with a digest to sort by: ORDER BY holds every row
SORTED_PRODUCT = (
    "SELECT (SHA512(STR(?c)) AS ?h) ?d WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } } "
    "ORDER BY ?h"
)


def test_a_query_past_its_memory_limit_is_stopped_with_a_clear_error(
    kb_path: Path, tmp_path: Path
) -> None:
    process = _start(
        kb_path,
        _write(tmp_path, SORTED_PRODUCT),
        "--max-memory",
        "200",
        "--timeout",
        "0",
        "--max-rows",
        "0",
    )
    _, err = process.communicate(timeout=600)
    assert process.returncode == 2, err
    assert "needed more than 200 MiB of memory" in err
    assert "Traceback" not in err
    assert "internal error" not in err


def test_the_memory_limit_stops_a_query_through_the_api(kb_path: Path) -> None:
    limits = QueryLimits(timeout=None, max_rows=None, max_memory_mb=200)

    def run() -> None:
        with bounded_query(kb_path, SORTED_PRODUCT, limits) as result:
            for _ in result:
                pass

    with pytest.raises(QueryMemoryError, match="200 MiB"):
        run()


@pytest.mark.parametrize("seconds", ["1e10", "1e308", "2000000"])
def test_a_time_limit_no_timer_can_hold_is_refused(kb_path: Path, seconds: str) -> None:
    process = subprocess.run(
        [
            sys.executable,
            "-m",
            "aiact_kg",
            "--store",
            str(kb_path),
            "query",
            "-",
            "--timeout",
            seconds,
        ],
        input="ASK {}",
        capture_output=True,
        text=True,
        cwd=REPO_ROOT,
        env={**os.environ, "PYTHONPATH": str(REPO_ROOT)},
        timeout=120,
    )
    assert process.returncode == 2
    assert "--timeout takes a number of seconds up to" in process.stderr
    with pytest.raises(QueryError, match="at most"):
        QueryLimits(timeout=float(seconds))
