"""Inputs that cannot hang or exhaust the machine: special files, statement and depth limits,
closed standard input and file names that are not UTF-8."""

from __future__ import annotations

import io
import os
import re
import socket
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from aiact_kg.errors import InputError
from aiact_kg.submission import InputDocument, InputFormatError, limits, read_inputs, read_rdf_bytes
from aiact_kg.submission.limits import (
    DEFAULT_MAX_DEPTH,
    DEFAULT_MAX_STATEMENTS,
    STATEMENTS_VARIABLE,
)
from aiact_kg.submission.reading import (
    DEFAULT_MAX_BYTES,
    STDIN_NAME,
    display_name,
    read_rdf_file,
    read_stdin,
)
from tests.submission.work import spy_on_parser

PREFIXES = (
    "@prefix ex: <http://example.org/> .\n@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
)
SYSTEM = PREFIXES + "ex:s a aia:AISystem .\n"


def _finishes(action: Callable[[], object], seconds: float = 10) -> object:
    """Run ``action`` in a thread; fail (instead of hanging the suite) if it does not finish."""
    outcome: list[object] = []

    def target() -> None:
        try:
            outcome.append(action())
        except BaseException as error:  # handed back to the test
            outcome.append(error)

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s"
    return outcome[0]


# --- only regular files are read ----------------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_given_directly_is_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "system.ttl"
    os.mkfifo(fifo)
    error = _finishes(lambda: read_rdf_file(fifo))
    assert isinstance(error, InputFormatError)
    assert error.exit_code == 2
    assert str(error).startswith(f"{fifo}: this is a named pipe (FIFO), not a regular file")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_a_fifo_inside_a_directory_is_refused_and_the_rest_is_read(tmp_path: Path) -> None:
    (tmp_path / "a.ttl").write_text(SYSTEM, encoding="utf-8")
    os.mkfifo(tmp_path / "b.ttl")
    results = _finishes(lambda: list(read_inputs([str(tmp_path)])))
    assert isinstance(results, list)
    assert isinstance(results[0], InputDocument)
    assert isinstance(results[1], InputFormatError)
    assert "named pipe (FIFO)" in str(results[1])
    assert results[1].name == str(tmp_path / "b.ttl")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="no Unix sockets")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.ttl"
    if len(str(path)) > 100:
        pytest.skip("temporary path too long for a Unix socket")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        server.bind(str(path))
        with pytest.raises(InputFormatError, match="this is a socket, not a regular file"):
            read_rdf_file(path)
    finally:
        server.close()


def test_a_character_device_is_refused() -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    with pytest.raises(InputFormatError, match="character device, not a regular file"):
        read_rdf_file(Path("/dev/null"))


def test_a_symbolic_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    (tmp_path / "real.ttl").write_text(SYSTEM, encoding="utf-8")
    (tmp_path / "link.ttl").symlink_to(tmp_path / "real.ttl")
    assert len(read_rdf_file(tmp_path / "link.ttl").quads) == 1


# --- statements ---------------------------------------------------------------------------------


def _flat_list(items: int) -> bytes:
    """One statement typing the subject, one linking the list, then 2 per item."""
    return (PREFIXES + "ex:s a aia:AISystem ; ex:p (" + " 1" * items + " ) .\n").encode()


def test_an_input_at_the_statement_limit_is_read() -> None:
    items = (DEFAULT_MAX_STATEMENTS - 2) // 2
    document = read_rdf_bytes(_flat_list(items), name="list.ttl")
    assert len(document.quads) == 2 + 2 * items <= DEFAULT_MAX_STATEMENTS


def test_one_statement_over_the_limit_is_refused() -> None:
    items = (DEFAULT_MAX_STATEMENTS - 2) // 2
    data = _flat_list(items) + b"ex:s ex:q 1 .\n" * (DEFAULT_MAX_STATEMENTS - 2 - 2 * items)
    assert len(read_rdf_bytes(data, name="list.ttl").quads) == DEFAULT_MAX_STATEMENTS
    with pytest.raises(InputFormatError) as caught:
        read_rdf_bytes(data + b"ex:s ex:q 2 .\n", name="list.ttl")
    message = str(caught.value)
    prefix = f"list.ttl, line 4: the Turtle holds more than {DEFAULT_MAX_STATEMENTS}"
    assert message.startswith(prefix)  # the line of the statement one over the limit
    assert STATEMENTS_VARIABLE in message
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("name", "line"),
    [
        ("flat.nt", '<http://e/s> <http://e/p> "{i}" .\n'),
        ("flat.nq", '<http://e/s> <http://e/p> "{i}" <http://e/g> .\n'),
    ],
)
def test_a_million_statements_are_refused_at_the_limit(
    name: str, line: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = "".join(line.format(i=i) for i in range(1_000_000)).encode()
    parser = spy_on_parser(monkeypatch)
    with pytest.raises(InputFormatError, match="statements, the limit for one submission"):
        read_rdf_bytes(data, name=name, max_bytes=len(data))
    assert parser.yielded == DEFAULT_MAX_STATEMENTS + 1  # never more is parsed


def test_a_five_megabyte_flat_list_is_refused_at_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The issue's case: 5 MB of one flat list took 104 s and 5.7 GB."""
    data = _flat_list(2_500_000)
    assert len(data) > 5_000_000
    parser = spy_on_parser(monkeypatch)
    with pytest.raises(InputFormatError, match="a list of n items counts 2n"):
        read_rdf_bytes(data, name="list.ttl")
    assert parser.yielded == DEFAULT_MAX_STATEMENTS + 1  # never more is parsed


def test_the_statement_limit_comes_from_the_argument_or_the_environment(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = (PREFIXES + "ex:s a aia:AISystem ; ex:p 1, 2, 3 .\n").encode()
    with pytest.raises(InputFormatError, match="more than 3 statements"):
        read_rdf_bytes(data, name="x.ttl", max_statements=3)
    monkeypatch.setenv(STATEMENTS_VARIABLE, "2")
    with pytest.raises(InputFormatError, match="more than 2 statements"):
        read_rdf_bytes(data, name="x.ttl")
    assert len(read_rdf_bytes(data, name="x.ttl", max_statements=4).quads) == 4
    monkeypatch.setenv(STATEMENTS_VARIABLE, "many")
    with pytest.raises(InputError, match=STATEMENTS_VARIABLE) as caught:
        read_rdf_bytes(data, name="x.ttl")
    assert caught.value.exit_code == 2


@pytest.mark.parametrize(
    ("name", "body", "line"),
    [
        ("many.ttl", "ex:s a aia:AISystem ;\n" + "".join(f"  ex:p {i} ;\n" for i in range(20)), 8),
        ("many.nt", "".join(f'<http://e/s> <http://e/p> "{i}" .\n' for i in range(20)), 6),
        ("many.trig", "{ ex:s ex:p 1 .\n ex:s ex:p 2, 3, 4,\n 5, 6 . ex:s ex:q 7 }\n", 5),
    ],
)
def test_the_statement_over_the_limit_is_located_by_its_line(
    name: str, body: str, line: int
) -> None:
    text = body if name.endswith(".nt") else PREFIXES + body
    if name.endswith(".ttl"):
        text += "  ex:q 1 .\n"
    with pytest.raises(InputFormatError, match="holds more than 5 statements") as caught:
        read_rdf_bytes(text.encode(), name=name, max_statements=5)
    assert caught.value.line == line


def test_a_file_above_the_default_size_is_refused_for_its_statements_without_reading_it_whole(
    tmp_path: Path,
) -> None:
    """Under a raised size limit, a huge file's statements are counted as it is parsed."""
    path = tmp_path / "huge.nt"
    row = '<http://e/s> <http://e/p> "{i}" .\n'
    with path.open("w", encoding="utf-8") as stream:
        stream.writelines(row.format(i=f"{i:040d}") for i in range(400_000))
    size = path.stat().st_size
    assert size > DEFAULT_MAX_BYTES
    with pytest.raises(InputFormatError, match="more than 10 statements") as caught:
        read_rdf_file(path, max_bytes=2 * size, max_statements=10)
    read = int(re.search(r"within the first (\d+) of its (\d+) bytes", str(caught.value))[1])
    assert read < size // 10
    # malformed, it is read whole and refused with the parser's position as always
    with path.open("a", encoding="utf-8") as stream:
        stream.write("not a statement\n")
    with pytest.raises(InputFormatError, match="malformed") as caught:
        read_rdf_file(path, max_bytes=2 * size, max_statements=500_000)
    assert caught.value.line == 400_001


def test_the_statement_limit_applies_to_every_format() -> None:
    jsonld = b'{"@id": "http://e/s", "http://e/p": [1, 2, 3, 4]}'
    with pytest.raises(InputFormatError, match="the JSON-LD holds more than 3 statements"):
        read_rdf_bytes(jsonld, name="x.jsonld", max_statements=3)
    xml = (
        b'<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        b'xmlns:ex="http://e/"><rdf:Description rdf:about="http://e/s">'
        b"<ex:p>1</ex:p><ex:p>2</ex:p><ex:p>3</ex:p><ex:p>4</ex:p>"
        b"</rdf:Description></rdf:RDF>"
    )
    with pytest.raises(InputFormatError, match="the RDF/XML holds more than 3 statements"):
        read_rdf_bytes(xml, name="x.rdf", max_statements=3)


# --- nesting depth ------------------------------------------------------------------------------


def _nested(depth: int, *, decoys: bool = False) -> bytes:
    """Alternating collections and blank-node property lists nested ``depth`` levels deep."""
    opened = closed = ""
    for level in range(depth):
        opened += "( " if level % 2 == 0 else "[ ex:q "
        closed = (" )" if level % 2 == 0 else " ]") + closed
    text = PREFIXES + "ex:s a aia:AISystem ;\n"
    if decoys:  # brackets the parser does not read as nesting must not count
        text += (
            "  ex:a \"(((([[[[\" , '((((' , \"\"\"[[[\n((((\"\"\" , '''((((''' , <http://e/a((> ;\n"
            "  ex:b ex:x\\(\\( ; # ((((((((((\n"
        )
    return (text + f"  ex:p {opened}1{closed} .\n").encode()


def test_nesting_at_the_depth_limit_is_read_and_brackets_in_text_do_not_count() -> None:
    document = read_rdf_bytes(_nested(DEFAULT_MAX_DEPTH, decoys=True), name="deep.ttl")
    assert len(document.quads) > DEFAULT_MAX_DEPTH


def test_nesting_one_level_too_deep_is_refused_with_its_position() -> None:
    with pytest.raises(InputFormatError) as caught:
        read_rdf_bytes(_nested(DEFAULT_MAX_DEPTH + 1, decoys=True), name="deep.ttl")
    error = caught.value
    assert error.line == 7  # the long string spans two lines
    assert error.column is not None
    assert f"more than {DEFAULT_MAX_DEPTH} levels deep" in str(error)
    assert str(error).startswith("deep.ttl, line 7, column ")


@pytest.mark.parametrize("name", ["deep.ttl", "deep.trig"])
def test_a_collection_nested_ten_to_the_five_deep_is_refused_before_parsing(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The issue's case: nested 10^5 deep, it "conformed"; 2 MB of it ran past 120 s."""
    opening = "ex:s a aia:AISystem ; ex:p "
    body = opening + "(" * 100_000 + ")" * 100_000 + " .\n"
    if name.endswith(".trig"):
        opening = "{ " + opening
        body = "{ " + body + "}\n"
    data = (PREFIXES + body) * 5
    parser = spy_on_parser(monkeypatch)
    with pytest.raises(InputFormatError, match="levels deep") as caught:
        read_rdf_bytes(data.encode(), name=name)
    assert parser.calls == 0
    # refused at the first bracket too deep, not after scanning the rest
    assert (caught.value.line, caught.value.column) == (3, len(opening) + DEFAULT_MAX_DEPTH + 1)


def test_twenty_mebibytes_of_brackets_in_strings_are_scanned_a_string_at_a_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The depth scan reads each string as one token: its brackets are not visited one by one."""
    literal = "([" * 2000
    data = (PREFIXES + "".join(f'ex:s ex:p "{literal}" .\n' for _ in range(5_000))).encode()
    assert len(data) > 20_000_000
    tokens = _count_depth_tokens(monkeypatch)
    document = read_rdf_bytes(data, name="brackets.ttl", max_bytes=len(data))
    assert len(document.quads) == 5_000
    assert tokens == [2 + 5_000]  # the two prefix IRIs, then one string a statement


def _count_depth_tokens(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """A list whose items will be the numbers of tokens of each depth scan of the test."""
    counts: list[int] = []
    pattern = limits._TOKENS

    class Counted:
        def finditer(self, text: str) -> Iterator[re.Match[str]]:
            counts.append(0)
            for match in pattern.finditer(text):
                counts[-1] += 1
                yield match

    monkeypatch.setattr(limits, "_TOKENS", Counted())
    return counts


# --- standard input and file names --------------------------------------------------------------


def test_a_closed_standard_input_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    (result,) = read_inputs(["-"])
    assert isinstance(result, InputFormatError)
    assert result.name == STDIN_NAME
    assert "standard input is closed" in str(result)
    closed = io.BytesIO(b"")
    closed.close()
    with pytest.raises(InputFormatError, match="standard input is closed"):
        read_stdin(closed)


@pytest.mark.skipif(sys.platform in {"win32", "darwin"}, reason="file names must be Unicode")
def test_a_file_whose_name_is_not_utf8_is_read_and_named_with_escapes(tmp_path: Path) -> None:
    raw = os.fsencode(tmp_path) + b"/caf\xe9.ttl"
    with open(raw, "wb") as stream:
        stream.write(SYSTEM.encode())
    name = os.fsdecode(raw)
    (document,) = read_inputs([name])
    assert isinstance(document, InputDocument)
    assert document.name == f"{tmp_path}/caf\\xe9.ttl"
    (in_directory,) = read_inputs([str(tmp_path)])
    assert isinstance(in_directory, InputDocument)
    assert in_directory.name == document.name
    assert display_name(name).encode("utf-8")
