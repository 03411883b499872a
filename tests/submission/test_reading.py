"""Reading user-submitted RDF: the bad-input corpus, good files in every format, stdin,
directories and size limits."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pyoxigraph
import pytest
from pyoxigraph import Literal, NamedNode, RdfFormat

from aiact_kg.errors import InputError
from aiact_kg.namespaces import ONTOLOGY
from aiact_kg.submission import (
    DEFAULT_MAX_BYTES,
    InputDocument,
    InputFormatError,
    detect_format,
    expand_inputs,
    limits,
    read_inputs,
    read_rdf_bytes,
    read_rdf_file,
    read_stdin,
    reading,
)
from aiact_kg.submission.jsonld_context import MAX_JSON_DEPTH, our_context
from aiact_kg.submission.reading import MAX_BYTES_VARIABLE, STDIN_NAME, submission_base_iri
from aiact_kg.submission.xml_guard import MAX_XML_DEPTH
from tests.submission.work import python_lines, spy_on_parser

BAD_INPUT = Path(__file__).parent / "bad-input"
_ROW = re.compile(
    r"^\| `(?P<file>[^`]+)` \| (?P<line>[-\d]+) \| (?P<column>[-\d]+) \| (?P<text>.+) \|$"
)


def _corpus() -> list[tuple[str, int | None, int | None, str]]:
    rows = []
    for row in (BAD_INPUT / "README.md").read_text(encoding="utf-8").splitlines():
        match = _ROW.match(row)
        if match:
            line, column = (None if v == "-" else int(v) for v in match.group("line", "column"))
            rows.append((match["file"], line, column, match["text"]))
    return rows


CORPUS = _corpus()


def test_every_corpus_file_is_listed_in_the_readme() -> None:
    listed = {file for file, *_ in CORPUS}
    present = {path.name for path in BAD_INPUT.iterdir() if path.name != "README.md"}
    assert listed == present
    assert len(CORPUS) >= 30


@pytest.mark.parametrize(
    ("file", "line", "column", "fragment"), CORPUS, ids=[row[0] for row in CORPUS]
)
def test_bad_input_is_rejected_with_a_clear_error(
    file: str, line: int | None, column: int | None, fragment: str
) -> None:
    path = BAD_INPUT / file
    with pytest.raises(InputFormatError) as caught:
        read_rdf_file(path)
    error = caught.value
    assert isinstance(error, InputError)
    assert error.exit_code == 2
    message = str(error)
    assert message.startswith(str(path))
    assert error.name == str(path)
    assert (error.line, error.column) == (line, column)
    if line is not None:
        position = f", line {line}" + (f", column {column}" if column is not None else "")
        assert message.startswith(f"{path}{position}: ")
    assert fragment in message
    assert "\n" not in message
    assert "Traceback" not in message


# --- one small description, written in each of the six formats --------------------------------

EX = "http://example.org/"
RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
EXPECTED = {
    (NamedNode(EX + "system"), RDF_TYPE, NamedNode(ONTOLOGY + "AISystem")),
    (
        NamedNode(EX + "system"),
        NamedNode("http://www.w3.org/2000/01/rdf-schema#label"),
        Literal("Système de recrutement", language="fr"),
    ),
    (
        NamedNode(EX + "system"),
        NamedNode(EX + "parameters"),
        Literal("7000000000", datatype=NamedNode("http://www.w3.org/2001/XMLSchema#integer")),
    ),
    (NamedNode(EX + "system"), NamedNode(EX + "provider"), NamedNode(EX + "acme")),
}

GOOD = {
    "model.ttl": """@prefix ex: <http://example.org/> .
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
# a tiny description
ex:system a aia:AISystem ;
    rdfs:label "Système de recrutement"@fr ;
    ex:parameters 7000000000 ;
    ex:provider ex:acme .
""",
    "model.nt": """<http://example.org/system> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/aiact-kg/ontology#AISystem> .
<http://example.org/system> <http://www.w3.org/2000/01/rdf-schema#label> "Système de recrutement"@fr .
<http://example.org/system> <http://example.org/parameters> "7000000000"^^<http://www.w3.org/2001/XMLSchema#integer> .
<http://example.org/system> <http://example.org/provider> <http://example.org/acme> .
""",  # noqa: E501
    "model.nq": """<http://example.org/system> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/aiact-kg/ontology#AISystem> <http://example.org/g> .
<http://example.org/system> <http://www.w3.org/2000/01/rdf-schema#label> "Système de recrutement"@fr <http://example.org/g> .
<http://example.org/system> <http://example.org/parameters> "7000000000"^^<http://www.w3.org/2001/XMLSchema#integer> <http://example.org/g> .
<http://example.org/system> <http://example.org/provider> <http://example.org/acme> <http://example.org/g> .
""",  # noqa: E501
    "model.trig": """PREFIX ex: <http://example.org/>
PREFIX aia: <https://w3id.org/aiact-kg/ontology#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
ex:g {
  ex:system a aia:AISystem ; rdfs:label "Système de recrutement"@fr ;
      ex:parameters 7000000000 ; ex:provider ex:acme .
}
""",
    "model.rdf": """<?xml version="1.0" encoding="UTF-8"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
         xmlns:rdfs="http://www.w3.org/2000/01/rdf-schema#"
         xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/system">
    <rdf:type rdf:resource="https://w3id.org/aiact-kg/ontology#AISystem"/>
    <rdfs:label xml:lang="fr">Système de recrutement</rdfs:label>
    <ex:parameters rdf:datatype="http://www.w3.org/2001/XMLSchema#integer">7000000000</ex:parameters>
    <ex:provider rdf:resource="http://example.org/acme"/>
  </rdf:Description>
</rdf:RDF>
""",
    "model.jsonld": """{
  "@context": ["https://w3id.org/aiact-kg/context.jsonld", {"ex": "http://example.org/"}],
  "id": "ex:system",
  "type": "aia:AISystem",
  "rdfs:label": {"@value": "Système de recrutement", "@language": "fr"},
  "ex:parameters": 7000000000,
  "ex:provider": {"id": "ex:acme"}
}
""",
}


def _triples(document: InputDocument) -> set[tuple[object, object, object]]:
    return {(q.subject, q.predicate, q.object) for q in document.quads}


@pytest.mark.parametrize("file", sorted(GOOD))
def test_good_files_in_every_format_give_the_same_triples(tmp_path: Path, file: str) -> None:
    path = tmp_path / file
    path.write_text(GOOD[file], encoding="utf-8")
    document = read_rdf_file(path)
    assert document.name == str(path)
    assert document.rdf_format == RdfFormat.from_extension(file.rsplit(".", 1)[1])
    assert document.size == len(GOOD[file].encode("utf-8"))
    assert _triples(document) == EXPECTED


@pytest.mark.parametrize("file", sorted(GOOD))
def test_a_utf8_byte_order_mark_is_accepted(file: str) -> None:
    data = b"\xef\xbb\xbf" + GOOD[file].encode("utf-8")
    assert _triples(read_rdf_bytes(data, name=file)) == EXPECTED


@pytest.mark.parametrize("file", sorted(GOOD))
def test_stdin_in_every_format_is_sniffed(file: str) -> None:
    document = read_stdin(io.BytesIO(GOOD[file].encode("utf-8")))
    assert document.name == STDIN_NAME
    assert _triples(document) == EXPECTED
    expected = RdfFormat.from_extension(file.rsplit(".", 1)[1])
    if expected == RdfFormat.N_TRIPLES:
        expected = RdfFormat.TURTLE  # Turtle reads N-Triples; sniffing does not need to tell
    assert document.rdf_format == expected


def test_stdin_errors_name_stdin() -> None:
    with pytest.raises(InputFormatError, match=r"^<stdin>, line 1, column \d+: the Turtle"):
        read_stdin(io.BytesIO(b"<http://e/a> <http://e/b> .\n"))


def test_an_explicit_format_overrides_the_extension() -> None:
    data = GOOD["model.ttl"].encode("utf-8")
    document = read_rdf_bytes(data, name="model.txt", rdf_format=RdfFormat.TURTLE)
    assert document.rdf_format == RdfFormat.TURTLE


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("a.ttl", RdfFormat.TURTLE),
        ("A.TTL", RdfFormat.TURTLE),
        ("a.nt", RdfFormat.N_TRIPLES),
        ("a.nq", RdfFormat.N_QUADS),
        ("a.trig", RdfFormat.TRIG),
        ("a.rdf", RdfFormat.RDF_XML),
        ("a.owl", RdfFormat.RDF_XML),
        ("a.xml", RdfFormat.RDF_XML),
        ("a.jsonld", RdfFormat.JSON_LD),
        ("a.json", RdfFormat.JSON_LD),
    ],
)
def test_detect_format_by_extension(name: str, expected: RdfFormat) -> None:
    assert detect_format(name, b"") == expected


def test_detect_format_unknown_lists_the_accepted_extensions() -> None:
    with pytest.raises(InputFormatError) as caught:
        detect_format("notes.docx", b"hello")
    for extension in (".ttl", ".nt", ".nq", ".trig", ".rdf", ".owl", ".xml", ".jsonld", ".json"):
        assert extension in str(caught.value)


def test_relative_iris_resolve_against_a_stable_submission_base() -> None:
    document = read_rdf_bytes(b"<#system> a <Thing> .", name="dir/my model.ttl")
    quad = document.quads[0]
    base = "https://w3id.org/aiact-kg/submission/my%20model.ttl/"
    assert submission_base_iri("dir/my model.ttl") == base
    assert quad.subject == NamedNode(base + "#system")
    assert quad.object == NamedNode(base + "Thing")
    assert submission_base_iri(STDIN_NAME).endswith("/submission/stdin/")


def test_jsonld_our_context_is_inlined_from_the_shipped_file() -> None:
    context = our_context()
    assert isinstance(context, dict)
    for prefix in ("aia", "aiac", "aiap", "aiao", "airo", "vair", "xsd", "rdfs", "skos", "dct"):
        assert prefix in context
    assert context["id"] == "@id"
    assert context["type"] == "@type"
    typed = b'{"@context": "https://w3id.org/aiact-kg/context.jsonld", "id": "aiac:x", "type": "aia:AISystem"}'  # noqa: E501
    assert read_rdf_bytes(typed, name="x.jsonld").quads[0].subject == NamedNode(
        "https://w3id.org/aiact-kg/concept/x"
    )


def test_jsonld_with_a_null_or_inline_context_is_fine() -> None:
    data = b'{"@context": [null, {"ex": "http://example.org/", "@base": "http://example.org/b/"}], "@id": "s", "ex:p": {"@id": "o"}}'  # noqa: E501
    document = read_rdf_bytes(data, name="x.jsonld")
    assert document.quads[0].subject == NamedNode("http://example.org/b/s")


def test_deep_json_generated_at_scale_is_rejected_before_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    parser = spy_on_parser(monkeypatch)
    for depth in (MAX_JSON_DEPTH + 1, 200_000):
        opening = b'{"@id": "http://e/a",\n "http://e/q": "[[{{",\n "http://e/p": '
        data = opening + b"[" * depth + b"1" + b"]" * depth + b"}"
        with pytest.raises(InputFormatError, match="levels deep") as caught:
            read_rdf_bytes(data, name="deep.jsonld")
        # at the first bracket one level too deep (the object is the first level; the brackets
        # in the string are text)
        last_line = opening.split(b"\n")[-1]
        assert (caught.value.line, caught.value.column) == (3, len(last_line) + MAX_JSON_DEPTH)
    assert parser.calls == 0


def test_deep_xml_generated_at_scale_is_rejected_before_parsing(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pyoxigraph's RDF/XML parser slows down quadratically with depth: it never sees this."""
    depth = 100_000
    data = (
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        'xmlns:ex="http://e/"><rdf:Description rdf:about="http://e/a">'
        + "\n<ex:p><rdf:Description>" * depth
        + "</rdf:Description></ex:p>" * depth
        + "</rdf:Description></rdf:RDF>"
    ).encode()
    parser = spy_on_parser(monkeypatch)
    with pytest.raises(InputFormatError, match="levels deep") as caught:
        read_rdf_bytes(data, name="deep.rdf")
    assert parser.calls == 0
    # refused at the first element too deep (line n holds depths 2n-1 and 2n), not at the end
    assert caught.value.line == MAX_XML_DEPTH // 2 + 1


def test_doctype_in_utf16_is_not_parsed() -> None:
    data = '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE r [<!ENTITY a "b">]><r>&a;</r>'
    with pytest.raises(InputFormatError, match="UTF-16"):
        read_rdf_bytes(data.encode("utf-16"), name="x.rdf")
    with pytest.raises(InputFormatError, match="NUL byte"):
        read_rdf_bytes(data.encode("utf-16-be"), name="x.rdf")


def test_pyoxigraph_itself_expands_internal_entities() -> None:
    """Why DTDs are rejected before parsing: pyoxigraph would expand (a billion laughs too)."""
    data = (
        b'<!DOCTYPE r [<!ENTITY a "expanded">]><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/'
        b'22-rdf-syntax-ns#" xmlns:ex="http://e/"><rdf:Description rdf:about="http://e/s">'
        b"<ex:p>&a;</ex:p></rdf:Description></rdf:RDF>"
    )
    quads = list(pyoxigraph.parse(input=data, format=RdfFormat.RDF_XML))
    assert quads[0].object == Literal("expanded")
    with pytest.raises(InputFormatError, match="DTDs and entity declarations are not accepted"):
        read_rdf_bytes(data, name="x.rdf")


def _big_literal(file: str, size: int) -> bytes:
    big = "x" * size
    return {
        "model.ttl": f'<http://e/s> <http://e/p> "{big}" .',
        "model.rdf": '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
        f'xmlns:ex="http://e/"><rdf:Description rdf:about="http://e/s"><ex:p>{big}</ex:p>'
        "</rdf:Description></rdf:RDF>",
        "model.jsonld": f'{{"@id": "http://e/s", "http://e/p": "{big}"}}',
    }[file].encode()


@pytest.mark.parametrize(
    ("file", "size"),
    [("model.ttl", 12 * 1024 * 1024), ("model.rdf", 19 * 1024 * 1024), ("model.jsonld", 7 << 20)],
)
def test_a_large_literal_within_the_limit_is_fine(file: str, size: int) -> None:
    document = read_rdf_bytes(_big_literal(file, size), name=file)
    literal = document.quads[0].object
    assert isinstance(literal, Literal)
    assert len(literal.value) == size


@pytest.mark.parametrize(
    ("file", "size"), [("model.ttl", 17 * 1024 * 1024), ("model.jsonld", 9 * 1024 * 1024)]
)
def test_a_literal_beyond_the_parser_token_cap_is_a_clear_error(file: str, size: int) -> None:
    """pyoxigraph caps one token at 16 MiB (JSON-LD strings at about 8 MiB): a clean error."""
    with pytest.raises(InputFormatError, match="single literal or IRI too long for the parser"):
        read_rdf_bytes(_big_literal(file, size), name=file)


def _ntriples(statements: int) -> bytes:
    line = b'<http://example.org/s/%d> <http://example.org/p> "value number %d"@en .\n'
    return b"".join(line % (i, i) for i in range(statements))


def test_ten_megabytes_of_ntriples_are_read_whole() -> None:
    data = _ntriples(150_000)
    assert len(data) > 10 * 1024 * 1024
    document = read_rdf_bytes(data, name="big.nt", max_statements=150_000)
    assert len(document.quads) == 150_000


def test_reading_work_grows_linearly_with_the_statements() -> None:
    """Lines of Python executed, not seconds: twice the statements, about twice the work.

    Work quadratic in the statements would show a ratio near 4. (The speed of reading the
    largest inputs is measured by benchmarks/bench_input_limits.py.)
    """
    inputs = [_ntriples(size) for size in (4_000, 8_000)]
    work = [python_lines(lambda data=data: read_rdf_bytes(data, name="big.nt")) for data in inputs]
    assert 1.5 < work[1] / work[0] < 2.5, work


# --- size limits ---------------------------------------------------------------------------------


def test_a_file_one_byte_over_the_limit_is_rejected(tmp_path: Path) -> None:
    data = GOOD["model.ttl"].encode("utf-8")
    path = tmp_path / "model.ttl"
    path.write_bytes(data)
    assert read_rdf_file(path, max_bytes=len(data)).size == len(data)
    with pytest.raises(InputFormatError) as caught:
        read_rdf_file(path, max_bytes=len(data) - 1)
    message = str(caught.value)
    assert message.startswith(f"{path}: ")
    assert f"is {len(data)} bytes" in message
    assert f"limit of {len(data) - 1} bytes" in message
    assert MAX_BYTES_VARIABLE in message
    with pytest.raises(InputFormatError, match="above the limit"):
        read_rdf_bytes(data, name="model.ttl", max_bytes=len(data) - 1)
    with pytest.raises(InputFormatError, match="more than 10 bytes, above the limit"):
        read_stdin(io.BytesIO(data), max_bytes=10)


def test_a_sparse_file_over_the_default_limit_is_rejected_by_stat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.ttl"
    with path.open("wb") as stream:
        stream.truncate(DEFAULT_MAX_BYTES + 1)
    opened: list[object] = []
    monkeypatch.setattr(reading.os, "open", lambda *args: opened.append(args))
    with pytest.raises(InputFormatError) as caught:
        read_rdf_file(path)
    monkeypatch.undo()
    assert opened == []  # refused by its size alone, never opened
    assert f"is {DEFAULT_MAX_BYTES + 1} bytes" in str(caught.value)
    assert f"limit of {DEFAULT_MAX_BYTES} bytes (20.0 MiB)" in str(caught.value)


def test_the_limit_can_be_set_by_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "model.ttl"
    path.write_text(GOOD["model.ttl"], encoding="utf-8")
    monkeypatch.setenv(MAX_BYTES_VARIABLE, "100")
    with pytest.raises(InputFormatError, match="above the limit of 100 bytes"):
        read_rdf_file(path)
    results = list(read_inputs([str(path)]))
    assert isinstance(results[0], InputFormatError)
    assert read_rdf_file(path, max_bytes=10_000).quads  # an argument wins over the variable
    monkeypatch.setenv(MAX_BYTES_VARIABLE, "lots")
    with pytest.raises(InputError, match=MAX_BYTES_VARIABLE) as caught:
        read_rdf_file(path)
    assert caught.value.exit_code == 2


def test_a_device_that_never_ends_is_refused_unread() -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    with pytest.raises(InputFormatError, match="character device, not a regular file"):
        read_rdf_file(Path("/dev/zero"), max_bytes=1000)


def test_a_stream_that_never_ends_is_cut_at_the_limit() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
            buffer[:] = b"#" * len(buffer)
            return len(buffer)

    with pytest.raises(InputFormatError, match="more than 1000 bytes"):
        read_stdin(io.BufferedReader(Endless()), max_bytes=1000)


# --- files, directories, stdin ------------------------------------------------------------------


def _tree(root: Path) -> None:
    (root / "sub").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "b-good.ttl").write_text(GOOD["model.ttl"], encoding="utf-8")
    (root / "sub" / "c-good.jsonld").write_text(GOOD["model.jsonld"], encoding="utf-8")
    (root / "a-bad.nt").write_bytes(b"<http://e/a> <http://e/b> <relative> .\n")
    (root / "notes.md").write_text("not RDF", encoding="utf-8")
    (root / ".secret.ttl").write_text("garbage", encoding="utf-8")
    (root / ".hidden" / "x.ttl").write_text("garbage", encoding="utf-8")


def test_a_directory_with_one_bad_and_two_good_files(tmp_path: Path) -> None:
    _tree(tmp_path / "in")
    argument = str(tmp_path / "in")
    sources = expand_inputs([argument])
    assert [s.name for s in sources] == [
        f"{argument}/a-bad.nt",
        f"{argument}/b-good.ttl",
        f"{argument}/sub/c-good.jsonld",
    ]
    results = list(read_inputs([argument]))
    assert [type(r) for r in results] == [InputFormatError, InputDocument, InputDocument]
    error = results[0]
    assert isinstance(error, InputFormatError)
    assert str(error).startswith(f"{argument}/a-bad.nt, line 1, column 27: ")
    for document in results[1:]:
        assert isinstance(document, InputDocument)
        assert _triples(document) == EXPECTED


def test_read_inputs_mixes_files_stdin_and_missing_paths(tmp_path: Path) -> None:
    good = tmp_path / "good.ttl"
    good.write_text(GOOD["model.ttl"], encoding="utf-8")
    missing = str(tmp_path / "missing.ttl")
    stdin = io.BytesIO(GOOD["model.nt"].encode("utf-8"))
    results = list(read_inputs([missing, "-", str(good), "-"], stdin=stdin))
    assert len(results) == 4
    assert isinstance(results[0], InputFormatError)
    assert str(results[0]).startswith(f"{missing}: there is no such file")
    assert isinstance(results[1], InputDocument)
    assert results[1].name == STDIN_NAME
    assert isinstance(results[2], InputDocument)
    assert isinstance(results[3], InputFormatError)
    assert "only once" in str(results[3])


def test_expand_inputs_errors(tmp_path: Path) -> None:
    with pytest.raises(InputFormatError, match="no such file or directory") as caught:
        expand_inputs([str(tmp_path / "nope")])
    assert caught.value.exit_code == 2
    with pytest.raises(InputFormatError, match="only once"):
        expand_inputs(["-", "-"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputFormatError, match="contains no RDF files"):
        expand_inputs([str(tmp_path / "empty")])


def test_a_linked_directory_is_named_not_followed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A symbolic link to a directory is not followed (a link may loop), and the message says
    so instead of calling the directory empty of RDF files (an outside check found it called
    "not an RDF format")."""
    real = tmp_path / "real"
    real.mkdir()
    (real / "model.ttl").write_text(GOOD["model.ttl"], encoding="utf-8")
    given = tmp_path / "given"
    given.mkdir()
    (given / "linked").symlink_to(real, target_is_directory=True)
    with pytest.raises(InputFormatError, match=r"symbolic link.*not followed: linked"):
        expand_inputs([str(given)])
    (given / "own.ttl").write_text(GOOD["model.ttl"], encoding="utf-8")
    assert [source.path.name for source in expand_inputs([str(given)])] == ["own.ttl"]
    assert "1 symbolic link(s) to a directory not followed: linked" in capsys.readouterr().err


def test_one_file_given_under_two_paths_is_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An absolute and a relative path, or a link, to one file read it as one document: its
    blank nodes get the same IRIs, so a blank-node party is not counted twice (an outside check
    found a rebranding importer's provider duties lost that way)."""
    text = (
        "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
        '<https://example.org/s> aia:hasImporter [ aia:establishedIn "DE" ] .\n'
    )
    path = tmp_path / "a.ttl"
    path.write_text(text, encoding="utf-8")
    (tmp_path / "link.ttl").symlink_to(path)
    os.link(path, tmp_path / "hard.ttl")
    monkeypatch.chdir(tmp_path)
    arguments = [str(path), "a.ttl", "link.ttl", "hard.ttl"]
    documents = [d for d in read_inputs(arguments) if isinstance(d, InputDocument)]
    assert {d.name for d in documents} == {str(path)}
    blank_iris = {str(q.object) for d in documents for q in d.quads if "genid" in str(q.object)}
    assert len(blank_iris) == 1, blank_iris
    other = tmp_path / "copy.ttl"  # another file, even with the same text, is another document
    other.write_text(text, encoding="utf-8")
    (copy,) = read_inputs([str(other)])
    assert isinstance(copy, InputDocument)
    assert copy.name == str(other)


def test_read_rdf_file_on_a_directory_or_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(InputFormatError, match="is a directory"):
        read_rdf_file(tmp_path)
    path = tmp_path / "locked.ttl"
    path.write_text(GOOD["model.ttl"], encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file")
        with pytest.raises(InputFormatError, match="permission denied"):
            read_rdf_file(path)
    finally:
        path.chmod(0o600)


def test_an_explicit_file_with_an_unknown_extension_is_sniffed(tmp_path: Path) -> None:
    path = tmp_path / "model.txt"
    path.write_text(GOOD["model.ttl"], encoding="utf-8")
    assert read_rdf_file(path).rdf_format == RdfFormat.TURTLE


def test_a_wrong_extension_gets_a_hint() -> None:
    with pytest.raises(InputFormatError, match="looks like Turtle; check the file extension"):
        read_rdf_bytes(GOOD["model.ttl"].encode("utf-8"), name="onto.owl")


@pytest.mark.parametrize("data", [b"<a> <b> <c> .\n", b"<s> <p> <o> <g> .\n", b'<a><b>"x".\n'])
def test_an_n_triples_file_with_relative_iris_gets_no_rdf_xml_hint(data: bytes) -> None:
    """`<a> <b> <c> .` starts like an XML element: the hint said "looks like RDF/XML" for a
    .nt file whose only fault is relative IRIs (an outside check)."""
    with pytest.raises(InputFormatError) as caught:
        read_rdf_bytes(data, name="statements.nt")
    assert "RDF/XML" not in str(caught.value)
    assert "absolute IRIs" in str(caught.value) or "N-Quads" in str(caught.value)


def test_messages_are_one_line_without_control_characters() -> None:
    error = InputFormatError("odd\nname.ttl", "bad \x1b[31m thing\n  here", line=1, column=2)
    assert str(error) == "odd name.ttl, line 1, column 2: bad \\x1b[31m thing here"


_S, _P = "https://example.org/s", "https://example.org/p"
_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"


@pytest.mark.parametrize("rdf_format", ["ttl", "jsonld", "rdf"])
def test_a_long_prefix_used_many_times_is_refused_before_it_takes_the_memory(
    rdf_format: str,
) -> None:
    # 100 KB of namespace (a prefix, a JSON-LD term, an xml:base), 300 uses: 30 MB of IRIs
    # from a document of about 100 KB
    namespace = "https://example.org/" + "a" * 100_000 + "/"
    uses = range(300)
    if rdf_format == "ttl":
        objects = ", ".join(f"x:n{i}" for i in uses)
        data = f"@prefix x: <{namespace}> .\n<{_S}> <{_P}> {objects} .\n"
    elif rdf_format == "jsonld":
        links = ", ".join(f'{{"@id": "x:n{i}"}}' for i in uses)
        data = f'{{"@context": {{"x": "{namespace}"}}, "@id": "{_S}", "{_P}": [{links}]}}'
    else:
        links = "".join(f'<p xmlns="https://example.org/" rdf:resource="n{i}"/>' for i in uses)
        data = (
            f'<rdf:RDF xmlns:rdf="{_RDF}" xml:base="{namespace}">'
            f'<rdf:Description rdf:about="{_S}">{links}</rdf:Description></rdf:RDF>'
        )
    with pytest.raises(InputFormatError, match="expands to more than") as caught:
        read_rdf_bytes(data.encode(), name=f"expanding.{rdf_format}")
    assert "Shorten the IRIs" in str(caught.value)
    assert f"expanding.{rdf_format}" in str(caught.value)


def test_ordinary_descriptions_are_far_below_the_expansion_budget() -> None:
    examples = Path(__file__).parents[2] / "examples"
    for path in sorted(examples.glob("**/*.ttl")):
        data = path.read_bytes()
        quads = pyoxigraph.parse(input=data, format=RdfFormat.TURTLE, base_iri="https://e.org/")
        expanded = sum(len(str(q.subject) + str(q.predicate) + str(q.object)) for q in quads)
        assert expanded < limits.EXPANSION_RATIO / 2 * len(data), path


@pytest.mark.parametrize(
    ("number", "phrase"),
    [
        ("1e400", "the JSON number 1e400 is beyond the largest double"),
        ("-2E+999", "the JSON number -2E+999 is beyond the largest double"),
        ("NaN", "NaN is not a JSON value"),
        ("-Infinity", "-Infinity is not a JSON value"),
    ],
)
def test_a_json_number_no_double_holds_is_refused_where_it_is_written(
    number: str, phrase: str
) -> None:
    # read as infinity and written back with our context inlined, it became "Infinity", which
    # the JSON-LD parser refused as an "Unexpected char: 'I'" the file does not hold
    data = (
        '{"@context": "https://w3id.org/aiact-kg/context.jsonld",\n'
        f' "@id": "https://example.org/m", "trainingComputeFLOP": {number}}}'
    )
    with pytest.raises(InputFormatError, match="line 2, column") as caught:
        read_rdf_bytes(data.encode(), name="model.jsonld")
    assert phrase in str(caught.value)


@pytest.mark.parametrize(
    ("label", "lone"),
    [
        ("\\ud800", "\\ud800"),  # a high half alone
        ("x\\udc00y", "\\udc00"),  # a low half alone
        ("\\ud83d\\ud83d\\ude00", "\\ud83d"),  # a high half, then a whole pair
    ],
)
def test_half_a_surrogate_pair_in_json_is_refused_where_it_is_written(
    label: str, lone: str
) -> None:
    """JSON reads "\\ud800" as a string no UTF-8 can encode: every command stopped with an
    internal error naming no file (an outside check)."""
    data = (
        '{"@context": "https://w3id.org/aiact-kg/context.jsonld",\n'
        f' "@id": "https://example.org/s", "type": "AISystem", "rdfs:label": "{label}"}}'
    )
    with pytest.raises(InputFormatError, match="line 2, column") as caught:
        read_rdf_bytes(data.encode(), name="system.jsonld")
    assert f"holds {lone}, half of a UTF-16 surrogate pair" in str(caught.value)


def test_whole_surrogate_pairs_and_escaped_backslashes_in_json_are_read() -> None:
    data = (
        '{"@context": "https://w3id.org/aiact-kg/context.jsonld",\n'
        ' "@id": "https://example.org/s", "type": "AISystem",'
        ' "rdfs:label": "\\ud83d\\ude00 \\\\ud800"}'
    )
    document = read_rdf_bytes(data.encode(), name="system.jsonld")
    (label,) = [q.object.value for q in document.quads if q.predicate.value.endswith("#label")]
    assert label == "\U0001f600 \\ud800"


def test_statements_about_a_minted_node_are_warned_about() -> None:
    # <genid/KEY/anon-1> is how the registry publishes a blank node of a stored submission;
    # a statement about it added a second date to another submission's event
    data = (
        b"@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
        b"<https://example.org/s> a aia:AISystem ; aia:hasProvider [ a aia:LegalPerson ] .\n"
        b"<https://w3id.org/aiact-kg/genid/fca519666848/anon-1> aia:eventDate "
        b'"2030-01-01"^^<http://www.w3.org/2001/XMLSchema#date> .\n'
    )
    document = read_rdf_bytes(data, name="forged.ttl")
    found = [f for _, f in document.mapping_findings if f.shape.endswith("/minted-node")]
    assert [(f.severity, f.focus_node) for f in found] == [
        ("warning", "https://w3id.org/aiact-kg/genid/fca519666848/anon-1")
    ]
    assert "read as facts of that submission's node" in found[0].message


def test_a_directory_scan_names_the_files_it_does_not_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A description saved under an extension that is not an RDF format is not read, and the
    scan says so on standard error (hidden files are skipped without a word)."""
    (tmp_path / "system.ttl").write_text("<urn:a> <urn:b> <urn:c> .\n", encoding="utf-8")
    (tmp_path / "system.n3").write_text("<urn:a> <urn:b> <urn:d> .\n", encoding="utf-8")
    (tmp_path / ".hidden.txt").write_text("x", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "notes.txt").write_text("x", encoding="utf-8")
    sources = expand_inputs([str(tmp_path)])
    assert [source.path.name for source in sources if source.path] == ["system.ttl"]
    note = capsys.readouterr().err
    assert "2 file(s) not read" in note
    assert "system.n3" in note
    assert os.path.join("sub", "notes.txt") in note
    assert ".hidden" not in note
    (tmp_path / "system.n3").unlink()
    (tmp_path / "sub" / "notes.txt").unlink()
    expand_inputs([str(tmp_path)])
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize(
    ("name", "data", "hint"),
    [
        (
            "a.nt",
            b"<http://e/a> <http://e/p> <http://e/b>\n<http://e/a> <http://e/p> <http://e/c> .",
            1,
        ),
        ("a.ttl", b"@prefix e: <http://e/> .\ne:a e:p e:b\n\n# note\ne:a e:p e:c .\n", 2),
        ("b.ttl", b"@prefix e: <http://e/> .\ne:a e:p e:b ;\n  e:q e:c e:d .\n", None),
    ],
)
def test_a_missing_dot_is_traced_to_the_statement_before(
    name: str, data: bytes, hint: int | None
) -> None:
    """The parser notices a missing closing dot at the next statement; the message names the
    line where the statement without it ends, and only when the problem is at a line's start."""
    with pytest.raises(InputFormatError, match="dot") as caught:
        read_rdf_bytes(data, name=name)
    message = str(caught.value)
    if hint is None:
        assert "may lack its closing dot" not in message
    else:
        assert f"The statement ending on line {hint} may lack its closing dot." in message


@pytest.mark.parametrize(
    ("name", "data", "line"),
    [
        ("a.ttl", b'@prefix e: <http://e/> .\ne:a e:p "x"@en- .\n', 2),
        ("a.nt", b'<http://e/a> <http://e/p> "x"@de-AT- .\n', 1),
        (
            "a.rdf",
            b'<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'
            b' xmlns:e="http://e/">\n <rdf:Description rdf:about="http://e/a">\n'
            b'  <e:p xml:lang="en-">x</e:p>\n </rdf:Description>\n</rdf:RDF>\n',
            4,
        ),
    ],
)
def test_a_language_tag_ending_with_a_dash_is_named_where_it_is(
    name: str, data: bytes, line: int
) -> None:
    """``"x"@en-`` is a language tag the parsers refuse: the Turtle parser said "An integer
    should not be empty", the RDF/XML one gave no line (an outside check)."""
    with pytest.raises(InputFormatError) as caught:
        read_rdf_bytes(data, name=name)
    message = str(caught.value)
    assert "language tag" in message
    assert "integer" not in message
    assert f"line {line}" in message
