"""The real command line on inputs that used to hang, crash or print tracebacks.

Each case runs ``python -m aiact_kg`` as a child process (so library loggers, a closed
standard input and file names that are not UTF-8 are what a user gets) with a time limit, and
checks the exit code against README's table and that stderr holds no traceback.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from aiact_kg.cli import main
from aiact_kg.namespaces import GRAPH
from aiact_kg.submission.limits import DEFAULT_MAX_DEPTH, DEFAULT_MAX_STATEMENTS
from tests.cli.submissions import GOOD, PREFIXES

REPO = Path(__file__).resolve().parents[2]


def cli(
    *argv: str | bytes, stdin: int | None = None, close_stdin: bool = False, timeout: float = 60
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m aiact_kg`` from this checkout; fail rather than hang."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("AIACT_KG_DEBUG", None)
    done = subprocess.run(
        [sys.executable, "-m", "aiact_kg", *argv],
        env=env,
        stdin=stdin if not close_stdin else None,
        capture_output=True,
        timeout=timeout,
        check=False,
        # with stdin closed in the child, Python sets sys.stdin to None
        preexec_fn=(lambda: os.close(0)) if close_stdin else None,
    )
    assert b"Traceback" not in done.stderr, done.stderr.decode(errors="replace")
    assert b"Traceback" not in done.stdout
    return done


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
@pytest.mark.parametrize("command", ["validate", "assess"])
@pytest.mark.parametrize("inside_directory", [False, True])
def test_a_fifo_exits_2_instead_of_hanging(
    tmp_path: Path, command: str, inside_directory: bool
) -> None:
    (tmp_path / "good.ttl").write_text(GOOD, encoding="utf-8")
    fifo = tmp_path / "pipe.ttl"
    os.mkfifo(fifo)
    target = tmp_path if inside_directory else fifo
    done = cli(command, "--no-progress", str(target), timeout=60)
    assert done.returncode == 2
    assert (
        "pipe.ttl: this is a named pipe (FIFO), not a regular file"
        in (done.stdout + done.stderr).decode()
    )


def test_an_impossible_date_is_a_violation_without_a_library_traceback(tmp_path: Path) -> None:
    path = tmp_path / "date.ttl"
    path.write_text(
        GOOD.replace('"2026-03-01"^^xsd:date', '"2025-02-30"^^xsd:date'), encoding="utf-8"
    )
    for command in ("validate", "assess"):
        done = cli(command, "--no-progress", "--format", "json", str(path))
        assert done.returncode == 1
        assert b"2025-02-30" in done.stdout
        assert done.stderr == b""  # rdflib's logger said "Failed to convert Literal ..."


@pytest.mark.parametrize(
    ("file", "statement", "shown"),
    [
        # an exponent is no part of an xsd:decimal: rdflib wrote out every digit of the value
        # (a MemoryError, exit 3), on a checked property and on any other alike
        (
            "decimal.ttl",
            'ex:filter aia:trainingComputeFLOP "1e99999999999"^^xsd:decimal .',
            "1e99999999999",
        ),
        ("comment.ttl", 'ex:filter rdfs:comment "-1e-99999999999"^^xsd:decimal .', None),
    ],
)
def test_a_decimal_with_a_huge_exponent_is_reported_not_a_crash(
    tmp_path: Path, file: str, statement: str, shown: str | None
) -> None:
    """(An outside check found an internal error naming no file, line or value.)"""
    path = tmp_path / file
    path.write_text(
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n" + GOOD + statement + "\n",
        encoding="utf-8",
    )
    for command in ("validate", "assess"):
        done = cli(command, "--no-progress", "--format", "json", str(path), timeout=120)
        assert done.returncode == (1 if shown else 0), done.stdout[-2000:]
        if shown:
            assert shown.encode() in done.stdout


def test_a_json_ld_integer_beyond_any_double_is_reported_not_a_crash(tmp_path: Path) -> None:
    """A whole JSON number of 2^1024 or more under our context: no double holds it, so it is
    kept as the integer written and refused as beyond what the rules compare (an outside check
    found an internal error, OverflowError, exit 3)."""
    path = tmp_path / "huge.jsonld"
    path.write_text(
        '{"@context": "https://w3id.org/aiact-kg/context.jsonld", "@graph": ['
        '{"@id": "https://example.org/m", "@type": "GeneralPurposeAIModel",'
        ' "hasProvider": {"@id": "https://example.org/p"}, "trainingComputeFLOP": 1'
        + "0" * 400
        + "}]}",
        encoding="utf-8",
    )
    done = cli("validate", "--no-progress", "--format", "json", str(path), timeout=120)
    assert done.returncode == 1, done.stdout[-2000:]
    assert b"beyond the largest number the rules can compare" in done.stdout


def test_a_decimal_of_a_million_digits_is_reported_not_a_crash(tmp_path: Path) -> None:
    """A valid xsd:decimal of a million and one digits: its arithmetic overflows Python's default
    decimal context (an outside check found an internal error, Overflow, exit 3)."""
    path = tmp_path / "digits.ttl"
    statement = f'ex:filter aia:trainingComputeFLOP "1{"0" * 1_000_001}"^^xsd:decimal .'
    path.write_text(GOOD + statement + "\n", encoding="utf-8")
    for command in ("validate", "assess"):
        done = cli(command, "--no-progress", "--format", "json", str(path), timeout=120)
        assert done.returncode == 1, (done.stdout[-2000:], done.stderr[-2000:])
        assert b"beyond the largest number the rules can compare" in done.stdout
        assert b"internal error" not in done.stderr


def test_an_unreadable_compute_figure_gets_its_reason_and_no_size_warning(tmp_path: Path) -> None:
    """A decimal with an exponent is no xsd:decimal; one whose exponent is vast reaches the shapes
    as a text: the shape's message says why the rules cannot read it, and the figure is not also
    called implausibly small (an outside check found the reason missing and the warning given)."""
    path = tmp_path / "exponent.ttl"
    path.write_text(
        PREFIXES
        + "ex:m a aia:GeneralPurposeAIModel ; aia:hasProvider ex:p ;\n"
        + '  aia:trainingComputeFLOP "1e9999999"^^xsd:decimal .\n'
        + 'ex:p a aia:LegalPerson ; aia:establishedIn "AT" .\n',
        encoding="utf-8",
    )
    done = cli("validate", "--no-progress", "--format", "json", str(path), timeout=120)
    assert done.returncode == 1
    text = done.stdout.decode()
    assert (
        'Here the value \\"1e9999999\\" is not a number in the lexical form of xsd:decimal' in text
    )
    assert "implausibly small" not in text


def test_stdin_closed_is_a_clear_exit_2() -> None:
    done = cli("validate", "--no-progress", "-", close_stdin=True)
    assert done.returncode == 2
    assert b"standard input is closed" in done.stdout + done.stderr
    assert b"internal error" not in done.stderr


@pytest.mark.skipif(sys.platform in {"win32", "darwin"}, reason="file names must be Unicode")
def test_a_file_whose_name_is_not_utf8_is_read(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/syst\xe8me.ttl"
    with open(raw, "wb") as stream:
        stream.write(GOOD.encode())
    for argument in (raw, os.fsencode(tmp_path)):
        done = cli("validate", "--no-progress", "--format", "json", argument)
        assert done.returncode == 0, done.stdout + done.stderr
        assert b"syst\\\\xe8me.ttl" in done.stdout  # JSON of the name shown as syst\xe8me.ttl
    done = cli("assess", "--no-progress", raw)
    assert done.returncode == 0
    assert b"could not be parsed" not in done.stdout + done.stderr


@pytest.mark.parametrize(
    ("body", "fragment"),
    [
        ("ex:s a aia:AISystem ; ex:p " + "(" * 10**5 + ")" * 10**5 + " .\n", "levels deep"),
        (
            "ex:s a aia:AISystem ; ex:p "
            + "[ ex:q " * (DEFAULT_MAX_DEPTH + 1)
            + "1"
            + " ]" * (DEFAULT_MAX_DEPTH + 1)
            + " .\n",
            "levels deep",
        ),
        (
            "ex:s a aia:AISystem ; ex:p (" + " 1" * DEFAULT_MAX_STATEMENTS + " ) .\n",
            f"more than {DEFAULT_MAX_STATEMENTS} statements",
        ),
    ],
    ids=["collections-10e5-deep", "blank-nodes-too-deep", "list-too-long"],
)
@pytest.mark.parametrize("command", ["validate", "assess"])
def test_inputs_beyond_the_parse_budgets_exit_2_fast(
    tmp_path: Path, body: str, fragment: str, command: str
) -> None:
    path = tmp_path / "big.ttl"
    path.write_text(PREFIXES + body, encoding="utf-8")
    done = cli(command, "--no-progress", str(path), timeout=60)
    assert done.returncode == 2
    output = (done.stdout + done.stderr).decode()
    assert fragment in output
    assert re.search(r"big\.ttl(, line \d+(, column \d+)?)?: the Turtle", output)


# --- export --graph ------------------------------------------------------------------------------


def test_export_takes_a_short_graph_name(
    kb_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    short = tmp_path / "short.ttl"
    full = tmp_path / "full.ttl"
    store = ["--store", str(kb_path), "export", "--format", "turtle"]
    assert main([*store, "--graph", "obligations", "-o", str(short)]) == 0
    assert main([*store, "--graph", GRAPH + "obligations", "-o", str(full)]) == 0
    capsys.readouterr()
    assert short.read_bytes() == full.read_bytes()
    assert len(short.read_bytes()) > 1000


@pytest.mark.parametrize("graph", ["https://example.org/no-such-graph", "obligation"])
def test_export_of_an_unknown_graph_exits_2_naming_the_graphs(
    kb_path: Path, capsys: pytest.CaptureFixture[str], graph: str
) -> None:
    code = main(["--store", str(kb_path), "export", "--graph", graph])
    captured = capsys.readouterr()
    assert code == 2
    assert captured.out == ""
    assert f"no named graph {graph!r}" in captured.err
    assert "obligations" in captured.err
    assert "legal-text" in captured.err
    assert "internal error" not in captured.err


# --- exit codes are README's ---------------------------------------------------------------------


def test_every_exit_code_of_the_cli_is_in_the_readme_table() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("### Exit codes", 1)[1].split("\n\n", 2)[1]
    codes = {int(code) for code in re.findall(r"^\| (\d+) \|", table, re.MULTILINE)}
    assert codes == {0, 1, 2, 3, 130}
    from aiact_kg import errors

    classes = [
        value
        for value in vars(errors).values()
        if isinstance(value, type) and issubclass(value, errors.AiactKgError)
    ]
    assert {cls.exit_code for cls in classes} <= codes


@pytest.mark.parametrize(
    ("option", "value", "phrase"),
    [
        ("--as-of", "", "--as-of takes a date as YYYY-MM-DD, not ''"),
        ("--threshold", "inf", "positive, finite number of FLOP"),
        ("--threshold", "1e400", "positive, finite number of FLOP"),
        ("--threshold", "nan", "positive, finite number of FLOP"),
    ],
)
def test_an_empty_date_or_an_infinite_threshold_is_refused_not_read_as_a_default(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], option: str, value: str, phrase: str
) -> None:
    document = tmp_path / "system.ttl"
    document.write_text(GOOD, encoding="utf-8")
    assert main(["assess", option, value, "--no-progress", str(document)]) == 2
    assert phrase in capsys.readouterr().err


def test_an_empty_store_option_is_refused_not_read_as_the_current_directory(
    capsys: pytest.CaptureFixture[str],
) -> None:
    # `build --store "$UNSET"` built into the working directory
    assert main(["--store", "", "stats"]) == 2
    assert "--store is empty" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("query", "{ask}", "--max-memory", "99999999999999999"), "--max-memory takes 64 to"),
        (("validate", "--jobs", "0", "-"), "--jobs must be 1 or more"),
        (("assess", "--as-of", "20260101", "-"), "takes a date as YYYY-MM-DD"),
        (("assess", "--as-of", "2026-W01-1", "-"), "takes a date as YYYY-MM-DD"),
    ],
)
def test_out_of_range_options_exit_2_naming_the_option(
    argv: tuple[str, ...], message: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """An outside check found a huge --max-memory reported as an internal error, and --jobs 0
    and an --as-of without dashes accepted without a word."""
    ask = tmp_path / "ask.rq"
    ask.write_text("ASK {}", encoding="utf-8")
    assert main([arg.replace("{ask}", str(ask)) for arg in argv]) == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize("target", ["missing/out.trig", ".", "/dev/full"])
def test_export_to_a_path_it_cannot_write_exits_2_naming_it(
    tmp_path: Path, target: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """Not an internal error: the path is the user's to fix. A file already there is kept."""
    path = Path(target) if target.startswith("/") else tmp_path / target
    if target == "/dev/full" and not path.exists():
        pytest.skip("no /dev/full here")
    assert main(["export", "--graph", "law", "-o", str(path)]) == 2
    assert f"cannot write the export to {str(path)!r}" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_export_replaces_a_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "law.trig"
    out.write_text("old", encoding="utf-8")
    assert main(["export", "--graph", "law", "-o", str(out)]) == 0
    assert out.read_bytes().startswith(b"@prefix") or b"<" in out.read_bytes()[:200]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["law.trig"]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize(
    "argv",
    [
        ("query", "cq-003-prohibited-practices"),
        ("validate", str(REPO / "examples/submissions/minimal-risk-spam-filter.ttl")),
        ("export", "--graph", "law"),
    ],
)
def test_a_full_output_exits_2_saying_so(argv: tuple[str, ...]) -> None:
    """Standard output to a full device: the machine's refusal, not "internal error" (an outside
    check), and nothing refused again as the process exits."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    env.pop("AIACT_KG_DEBUG", None)
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "aiact_kg", *argv],
            env=env,
            stdout=full,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
        )
    error = done.stderr.decode(errors="replace")
    assert done.returncode == 2, error
    assert error.strip() == "aiact-kg: error: cannot write: No space left on device"


def test_export_into_the_store_directory_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    """Written over the store's manifest, an export left the store damaged (an outside check)."""
    from aiact_kg.cli.common import default_store_location

    store = Path(default_store_location())
    for target in (store / "active" / "manifest.json", store / "writer.lock", store):
        before = target.read_bytes() if target.is_file() else None
        assert main(["export", "--graph", "law", "-o", str(target)]) == 2
        assert "inside the store's directory" in capsys.readouterr().err
        assert (target.read_bytes() if target.is_file() else None) == before
    assert main(["stats"]) == 0


def test_a_query_whose_values_outgrow_the_memory_limit_stops_with_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each BIND doubles a string: the engine's refused allocation ended the query process, and
    the user got "ended unexpectedly" with its backtrace (an outside check, RUST_BACKTRACE set)."""
    binds = " ".join(f"BIND(CONCAT(?x{i}, ?x{i}) AS ?x{i + 1})" for i in range(40))
    query = tmp_path / "doubling.rq"
    query.write_text(
        f'SELECT (STRLEN(?x40) AS ?n) WHERE {{ BIND("aaaaaaaaaaaaaaaa" AS ?x0) {binds} }}',
        encoding="utf-8",
    )
    monkeypatch.setenv("RUST_BACKTRACE", "1")
    done = cli("query", "--max-memory", "256", str(query), timeout=120)
    error = done.stderr.decode(errors="replace").strip()
    assert done.returncode == 2, error
    assert error.startswith("aiact-kg: error: the query needed more than 256 MiB of memory")
    assert "\n" not in error
    assert done.stdout == b""


def test_xml_results_holding_a_character_xml_cannot_carry_stop_saying_so(tmp_path: Path) -> None:
    """The XML serialiser wrote U+0001 raw, into a document no XML parser reads (an outside
    check); JSON escapes it."""
    query = tmp_path / "control.rq"
    query.write_text('SELECT ?x WHERE { BIND("a\\u0001b" AS ?x) }', encoding="utf-8")
    done = cli("query", "--format", "xml", str(query))
    assert done.returncode == 2
    assert "holds the character U+0001, which XML cannot carry" in done.stderr.decode()
    assert b"\x01" not in done.stdout
    assert cli("query", "--format", "json", str(query)).returncode == 0
