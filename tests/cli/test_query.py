"""`aiact-kg query` for analysts: the union default graph, every query form in the W3C formats,
syntax errors in the user's own lines, the query from stdin, the time limit and read-only.

Every query runs through the real command line on the knowledge base built by the shared
fixture (a pyoxigraph store in a temporary directory).
"""

from __future__ import annotations

import csv
import io
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pyoxigraph import (
    BaseDirection,
    BlankNode,
    Literal,
    NamedNode,
    QueryBoolean,
    QueryResultsFormat,
    QuerySolutions,
    RdfFormat,
    Store,
    Triple,
    parse,
    parse_query_results,
)
from rdflib.query import Result

from aiact_kg.cli import build_parser, main
from aiact_kg.namespaces import PREFIXES
from aiact_kg.render.query import write_solutions
from aiact_kg.store.syntax import syntax_error

AIA = PREFIXES["aia"]
GRAPH = "https://w3id.org/aiact-kg/graph/"
LEGAL_TEXT = f"<{GRAPH}legal-text>"
OBLIGATIONS = f"<{GRAPH}obligations>"
ARTICLES = "SELECT ?article WHERE { ?article a aia:Article } ORDER BY ?article"
ARTICLE_COUNT = 113
# every quad of the knowledge base (~46k) three times over: triples stream out until the limit
CROSS_CONSTRUCT = (
    "CONSTRUCT { ?a ?b ?i } WHERE { GRAPH ?x { ?a ?b ?c } GRAPH ?y { ?d ?e ?f } "
    "GRAPH ?z { ?g ?h ?i } }"
)


def run(
    capsys: pytest.CaptureFixture[str], kb_path: Path, query: str, *options: str
) -> tuple[int, str, str]:
    code = main(["--store", str(kb_path), "query", query, *options])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def run_text(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    kb_path: Path,
    text: str,
    *options: str,
) -> tuple[int, str, str]:
    """Run ``text`` given on standard input (``aiact-kg query -``)."""
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode("utf-8"))))
    return run(capsys, kb_path, "-", *options)


def solutions(out: str, format_name: str = "json") -> list[dict[str, str]]:
    """The solutions of a W3C results document, read by pyoxigraph's parser."""
    formats = {"json": QueryResultsFormat.JSON, "xml": QueryResultsFormat.XML}
    parsed = parse_query_results(out, formats[format_name])
    assert isinstance(parsed, QuerySolutions)
    names = [variable.value for variable in parsed.variables]
    return [
        {name: solution[name].value for name in names if solution[name] is not None}
        for solution in parsed
    ]


def count(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    kb_path: Path,
    text: str,
) -> int:
    code, out, err = run_text(capsys, monkeypatch, kb_path, text, "--format", "json")
    assert (code, err) == (0, "")
    return int(solutions(out)[0]["n"])


# 1. The default graph is the union of the named graphs; FROM and FROM NAMED as SPARQL defines.


def test_a_query_without_graph_sees_every_named_graph(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = "SELECT (COUNT(*) AS ?n) WHERE { ?s a aia:Article }"
    assert count(capsys, monkeypatch, kb_path, articles) == ARTICLE_COUNT
    # a pattern joining two graphs: obligations rest on provisions of the legal text
    joined = (
        "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { ?o a aia:Obligation ; ?p ?provision . "
        "?provision a aia:Article }"
    )
    per_graph = (
        "SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE { GRAPH ?g { ?o a aia:Obligation ; ?p ?provision }"
        " GRAPH ?h { ?provision a aia:Article } }"
    )
    assert count(capsys, monkeypatch, kb_path, joined) == count(
        capsys, monkeypatch, kb_path, per_graph
    )
    everything = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    quads = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    union = count(capsys, monkeypatch, kb_path, everything)
    assert 0 < union <= count(capsys, monkeypatch, kb_path, quads)


def test_from_and_from_named_choose_graphs_as_sparql_defines(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    obligations = "SELECT (COUNT(*) AS ?n) {from} WHERE {{ ?s a aia:Obligation }}"
    everywhere = count(capsys, monkeypatch, kb_path, obligations.format(**{"from": ""}))
    assert everywhere > 0
    # FROM: the default graph is the merge of the FROM graphs, and only of them
    only_legal_text = obligations.format(**{"from": f"FROM {LEGAL_TEXT}"})
    assert count(capsys, monkeypatch, kb_path, only_legal_text) == 0
    only_obligations = obligations.format(**{"from": f"FROM {OBLIGATIONS}"})
    assert count(capsys, monkeypatch, kb_path, only_obligations) == everywhere
    # FROM NAMED without FROM: an empty default graph; GRAPH sees only the named ones
    named = obligations.format(**{"from": f"FROM NAMED {OBLIGATIONS}"})
    assert count(capsys, monkeypatch, kb_path, named) == 0
    graphs = (
        f"SELECT DISTINCT ?g FROM NAMED {OBLIGATIONS} FROM NAMED {LEGAL_TEXT} "
        "WHERE { GRAPH ?g { ?s ?p ?o } }"
    )
    code, out, _ = run_text(capsys, monkeypatch, kb_path, graphs, "--format", "json")
    assert code == 0
    assert {row["g"] for row in solutions(out)} == {GRAPH + "obligations", GRAPH + "legal-text"}


def test_the_help_says_what_the_default_graph_is(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["query", "--help"])
    text = " ".join(capsys.readouterr().out.split())
    assert "union of all named graphs as its default graph" in text
    assert "FROM and FROM NAMED work as SPARQL defines" in text
    assert "- for standard input" in text


def test_the_words_from_and_graph_elsewhere_keep_the_union(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "# FROM <urn:nothing> in a comment\n"
        "SELECT (COUNT(*) AS ?n) WHERE { ?s a aia:Article FILTER(?s != <urn:FROM>) "
        'BIND("FROM" AS ?from) }'
    )
    assert count(capsys, monkeypatch, kb_path, text) == ARTICLE_COUNT


# 2. Every query form, written by pyoxigraph's serialisers in the W3C formats.


@pytest.mark.parametrize("format_name", ["json", "xml"])
def test_select_results_are_w3c_documents(
    kb_path: Path, capsys: pytest.CaptureFixture[str], format_name: str
) -> None:
    code, out, err = run(capsys, kb_path, "stats/articles", "--format", format_name)
    assert (code, err) == (0, "")
    assert solutions(out, format_name) == [{"count": str(ARTICLE_COUNT)}]
    # a second, independent reader: rdflib's SPARQL results parsers
    parsed = Result.parse(io.StringIO(out), format=format_name)
    assert [str(row[0]) for row in parsed] == [str(ARTICLE_COUNT)]  # type: ignore[index]


def test_select_terms_keep_their_kind_datatype_and_language(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "SELECT ?provision ?title ?n ?none WHERE { BIND(aiap:art_6 AS ?provision) "
        "?provision <http://purl.org/dc/terms/title> ?title BIND(6 AS ?n) }"
    )
    for format_name, results_format in (
        ("json", QueryResultsFormat.JSON),
        ("xml", QueryResultsFormat.XML),
        ("tsv", QueryResultsFormat.TSV),
    ):
        code, out, _ = run_text(capsys, monkeypatch, kb_path, text, "--format", format_name)
        assert code == 0
        parsed = parse_query_results(out, results_format)
        assert isinstance(parsed, QuerySolutions)
        (row,) = list(parsed)
        assert row["provision"] == NamedNode(PREFIXES["aiap"] + "art_6")
        assert row["title"] == Literal(
            "Classification rules for high-risk AI systems", language="en"
        )
        assert row["n"] == Literal("6", datatype=NamedNode(PREFIXES["xsd"] + "integer"))
        assert row["none"] is None


def test_every_kind_of_term_passes_through_the_serialiser_unchanged() -> None:
    xsd = PREFIXES["xsd"]
    terms: list[NamedNode | BlankNode | Literal | Triple | None] = [
        NamedNode("http://example.org/a?b=c#d"),
        Literal('tab\there, newline\nthere, "quotes", \\ and é 😀'),
        Literal("1.50", datatype=NamedNode(xsd + "decimal")),
        Literal("hi", language="en-gb"),
        Literal("مرحبا", language="ar", direction=BaseDirection.RTL),
        BlankNode("b0"),
        Triple(NamedNode("http://s"), NamedNode("http://p"), Literal("o", language="fr")),
        None,
    ]
    rows = [tuple(terms), tuple(reversed(terms))]
    variables = [f"v{index}" for index in range(len(terms))]
    for format_name, results_format in (
        ("json", QueryResultsFormat.JSON),
        ("xml", QueryResultsFormat.XML),
        ("tsv", QueryResultsFormat.TSV),
    ):
        out = io.BytesIO()
        write_solutions(variables, iter(rows), out, format_name)
        parsed = parse_query_results(out.getvalue(), results_format)
        assert isinstance(parsed, QuerySolutions)
        assert [tuple(solution[name] for name in variables) for solution in parsed] == rows


def test_select_as_csv_is_the_w3c_csv(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run_text(
        capsys, monkeypatch, kb_path, ARTICLES + " LIMIT 3", "--format", "csv"
    )
    assert (code, err) == (0, "")
    assert out.startswith("article\r\n")  # CSV results end their lines with CRLF
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0] == ["article"]
    assert [row[0].rsplit("/", 1)[1] for row in rows[1:]] == ["art_1", "art_10", "art_100"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [("ASK { aiap:art_6 a aia:Article }", True), ("ASK { aiap:art_6 a aia:Recital }", False)],
)
def test_ask_in_every_results_format(
    kb_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    expected: bool,
) -> None:
    code, out, _ = run_text(capsys, monkeypatch, kb_path, text)
    assert (code, out) == (0, f"{str(expected).lower()}\n")
    for format_name, results_format in (
        ("json", QueryResultsFormat.JSON),
        ("xml", QueryResultsFormat.XML),
    ):
        code, out, _ = run_text(capsys, monkeypatch, kb_path, text, "--format", format_name)
        assert code == 0
        answer = parse_query_results(out, results_format)
        assert isinstance(answer, QueryBoolean)
        assert bool(answer) is expected
        assert bool(Result.parse(io.StringIO(out), format=format_name)) is expected


CONSTRUCT_ARTICLES = "CONSTRUCT { ?a a aia:Article } WHERE { ?a a aia:Article }"


@pytest.mark.parametrize(
    ("format_name", "rdf_format"),
    [
        (None, RdfFormat.TURTLE),
        ("turtle", RdfFormat.TURTLE),
        ("ntriples", RdfFormat.N_TRIPLES),
        ("jsonld", RdfFormat.JSON_LD),
    ],
)
def test_construct_is_written_as_rdf(
    kb_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    format_name: str | None,
    rdf_format: RdfFormat,
) -> None:
    options = () if format_name is None else ("--format", format_name)
    code, out, err = run_text(capsys, monkeypatch, kb_path, CONSTRUCT_ARTICLES, *options)
    assert (code, err) == (0, "")
    triples = {(str(t.subject), str(t.predicate), str(t.object)) for t in parse(out, rdf_format)}
    assert len(triples) == ARTICLE_COUNT
    assert (
        f"<{PREFIXES['aiap']}art_6>",
        "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>",
        f"<{AIA}Article>",
    ) in triples


def test_describe_without_graph_reads_the_union(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, _ = run_text(
        capsys, monkeypatch, kb_path, "DESCRIBE aiap:art_6", "--format", "ntriples"
    )
    assert code == 0
    graph = Store()
    graph.load(out.encode("utf-8"), RdfFormat.N_TRIPLES)
    subject = f"<{PREFIXES['aiap']}art_6>"
    assert bool(graph.query(f"ASK {{ {subject} a <{AIA}Article> }}"))
    assert bool(
        graph.query(f'ASK {{ {subject} ?p "Classification rules for high-risk AI systems"@en }}')
    )


@pytest.mark.parametrize(
    ("text", "format_name", "said"),
    [
        (CONSTRUCT_ARTICLES, "csv", "this is a CONSTRUCT query"),
        ("DESCRIBE aiap:art_6", "table", "this is a DESCRIBE query"),
        (ARTICLES, "turtle", "this is a SELECT query"),
        ("ASK { ?s ?p ?o }", "jsonld", "this is an ASK query"),
    ],
)
def test_a_format_that_does_not_fit_the_form_is_refused(
    kb_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    text: str,
    format_name: str,
    said: str,
) -> None:
    code, out, err = run_text(capsys, monkeypatch, kb_path, text, "--format", format_name)
    assert (code, out) == (2, "")
    assert f"--format {format_name}" in err
    assert said in err


def test_the_row_limit_cuts_triples_and_says_so(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run_text(
        capsys, monkeypatch, kb_path, CONSTRUCT_ARTICLES, "--format", "ntriples", "--max-rows", "5"
    )
    assert code == 0
    assert len(list(parse(out, RdfFormat.N_TRIPLES))) == 5
    assert "more than 5 triples" in err
    assert "--max-rows" in err


def test_the_row_limit_keeps_the_w3c_document_whole(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run_text(
        capsys, monkeypatch, kb_path, ARTICLES, "--format", "xml", "--max-rows", "7"
    )
    assert code == 0
    assert len(solutions(out, "xml")) == 7
    assert "more than 7 rows" in err


# 3. Syntax errors at their line and column in the user's own text, naming the source.


def test_a_syntax_error_on_line_3_of_a_file_is_reported_on_line_3(
    kb_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    query = tmp_path / "mine.rq"
    query.write_text(
        "SELECT ?article ?title\n"
        "WHERE {\n"
        "  ?article a aia:Article ; ) eli:title ?title .\n"
        "}\n"
        "ORDER BY ?article\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, kb_path, str(query))
    assert (code, out) == (2, "")
    assert f"the SPARQL query in {query} is not valid at line 3, column 28" in err
    assert "  3 |   ?article a aia:Article ; ) eli:title ?title .\n" in err
    assert "    |" + " " * 28 + "^" in err  # the caret under the ')'
    assert "Traceback" not in err


def test_a_syntax_error_from_stdin_names_stdin(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "# which articles?\nSELECT ?a WHERE { ?a a aia:Article }\nLIMT 3\n"
    code, _, err = run_text(capsys, monkeypatch, kb_path, text)
    assert code == 2
    assert "the SPARQL query in <stdin> is not valid at line 3, column 1:" in err


def test_a_shipped_query_error_names_its_file(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("aiact_kg.cli.query.get_query", _broken_query)
    code, _, err = run(capsys, kb_path, "anything")
    assert code == 2
    assert "the SPARQL query in queries/cq/broken.rq is not valid at line 2, column 18" in err


def _broken_query(name: str) -> object:
    from aiact_kg.queries import NamedQuery

    text = "SELECT ?a\nWHERE { ?a ?b ?c ) }\n"
    return NamedQuery("cq/broken", Path("queries/cq/broken.rq"), text)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # the engine reads a keyword's length ahead; the position is brought back to the error
        ("SELECT ?x\nWHERE {\n  ?x a ?y ; ) }\nLIMIT 3\n", 3, 13),
        ("SELECT ?x\nWHERE {\n  ?x a ?y . FILTER(?x = ) }\nLIMIT 3\n", 3, 25),
        ("SELECT ?x\nWHERE {\n  ?x a ?y }\nLIMT 3\n", 4, 1),
        ("SELCT ?x\nWHERE { ?x ?y ?z }\n", 1, 1),
        ('SELECT ?x\nWHERE {\n  ?x ?y "éé😀" . ) }\n', 3, 17),  # columns count characters
        # where the engine's position needs no correction
        ("SELECT ?x\nWHERE {\n  ?x ?y ?z \n", 4, 1),
    ],
)
def test_syntax_error_positions(text: str, line: int, column: int) -> None:
    with pytest.raises(SyntaxError) as raised:
        Store().query(text)
    error = syntax_error(str(raised.value), text, "q.rq")
    assert (error.line, error.column) == (line, column)
    assert f"at line {line}, column {column}" in str(error)
    assert "['" not in str(error)  # the engine's character classes are left out


def test_an_undeclared_prefix_is_named_where_it_is_used() -> None:
    text = "SELECT ?a WHERE {\n  ?a a foo:Article }\n"
    with pytest.raises(SyntaxError) as raised:
        Store().query(text)
    error = syntax_error(str(raised.value), text, "q.rq")
    assert (error.line, error.column) == (2, 8)
    assert "the prefix foo: is not declared" in str(error)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        # the engine said "expected OPTIONAL" for these (an outside check)
        ("SELECT * WHERE { ?s zz:a ?o }", 1, 21),
        ("SELECT * WHERE {\n  zz:a ?p ?o }", 2, 3),
        # strings, IRIs and comments hold no prefixed name; declared prefixes are not reported
        (
            'PREFIX ex: <https://e.org/>\nSELECT * WHERE { ?s ex:p "a:b" ; <urn:x:y> ?o # c:d\n'
            "  . ?o aia:x zz:y }",
            3,
            14,
        ),
    ],
)
def test_an_undeclared_prefix_is_named_wherever_it_stands(
    text: str, line: int, column: int
) -> None:
    with pytest.raises(SyntaxError) as raised:
        Store().query(text)
    error = syntax_error(str(raised.value), text, "q.rq")
    assert "the prefix zz: is not declared" in str(error)
    assert (error.line, error.column) == (line, column)


def test_an_empty_query_is_called_empty(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run_text(capsys, monkeypatch, kb_path, " \n")
    assert (code, err) == (2, "aiact-kg: error: the SPARQL query in <stdin> is empty\n")


# 4. The query from standard input.


def test_the_query_is_read_from_stdin(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run_text(capsys, monkeypatch, kb_path, ARTICLES, "--format", "tsv")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "?article"
    assert len(lines) == 1 + ARTICLE_COUNT


def test_stdin_that_is_not_utf8_is_refused(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(b"SELECT \xff")))
    code, _, err = run(capsys, kb_path, "-")
    assert code == 2
    assert "<stdin> is not a SPARQL text: byte 0xFF at byte offset 7 (line 1, column 8)" in err


def test_a_nul_character_in_a_query_is_refused_where_it_is(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = b"SELECT * WHERE {\n  ?s ?p ?o \x00 }"
    monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text)))
    code, _, err = run(capsys, kb_path, "-")
    assert code == 2
    assert "there is a NUL character at line 2, column 12" in err


# 5. The time limit: on by default, and it stops CONSTRUCT too.


def test_the_time_limit_is_on_by_default() -> None:
    assert build_parser().parse_args(["query", "x"]).timeout == 60


def test_a_slow_construct_is_stopped_and_its_output_closed_off(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = run_text(
        capsys,
        monkeypatch,
        kb_path,
        CROSS_CONSTRUCT,
        "--format",
        "ntriples",
        "--timeout",
        "2",
        "--max-rows",
        "0",
    )
    assert code == 2
    assert "ran for more than 2 seconds (--timeout)" in err
    assert "only part of the result" in err
    assert len(list(parse(out, RdfFormat.N_TRIPLES))) > 0  # what was written is valid


def test_a_construct_slow_before_its_first_triple_is_stopped(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = (
        "CONSTRUCT { <urn:x> <urn:count> ?n } WHERE { "
        "{ SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } } }"
    )
    code, out, err = run_text(capsys, monkeypatch, kb_path, text, "--timeout", "1")
    assert (code, out) == (2, "")
    assert "ran for more than 1 seconds (--timeout)" in err


# 6. Read-only; SERVICE refused unless allowed.


@pytest.mark.parametrize(
    "text",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "DELETE WHERE { ?s a aia:Article }",
        "PREFIX x: <urn:x>\nDELETE { ?s ?p ?o } INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }",
        "LOAD <http://127.0.0.1:9/data.ttl>",
        "CLEAR ALL",
    ],
)
def test_updates_are_refused_and_change_nothing(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, text: str
) -> None:
    code, out, err = run_text(capsys, monkeypatch, kb_path, text)
    assert (code, out) == (2, "")
    assert "read-only" in err
    articles = "SELECT (COUNT(*) AS ?n) WHERE { ?s a aia:Article }"
    assert count(capsys, monkeypatch, kb_path, articles) == ARTICLE_COUNT


def test_service_is_refused_unless_allowed(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    text = "CONSTRUCT WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    code, out, err = run_text(capsys, monkeypatch, kb_path, text)
    assert (code, out) == (2, "")
    assert "--allow-service" in err


@pytest.mark.parametrize("endpoint", ["file:///etc/passwd", "sparql.example.org", "https:///x"])
def test_an_allowed_service_must_be_an_http_endpoint(
    kb_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    endpoint: str,
) -> None:
    """Hostile-input leftover: --allow-service file:///etc/passwd ended in the engine's
    "the SPARQL query failed: invalid format"; it is refused before the query, by name."""
    text = f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"
    code, out, err = run_text(capsys, monkeypatch, kb_path, text, "--allow-service", endpoint)
    assert (code, out) == (2, "")
    assert f"--allow-service {endpoint!r} is not an http or https URL" in err
    monkeypatch.setenv("AIACT_KG_ALLOW_SERVICE", endpoint)
    code, out, err = run_text(capsys, monkeypatch, kb_path, text)
    assert (code, out) == (2, "")
    assert f"$AIACT_KG_ALLOW_SERVICE {endpoint!r} is not an http or https URL" in err


def test_a_query_file_that_is_a_directory_or_pipe_is_named_so(
    kb_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """It used to read "no query file at ..." although the path exists; nothing is read."""
    directory = tmp_path / "folder.rq"
    directory.mkdir()
    code, _, err = run(capsys, kb_path, str(directory))
    assert code == 2
    assert f"{directory} is not a regular file (a directory, pipe or device)" in err
    code, _, err = run(capsys, kb_path, str(tmp_path / "missing.rq"))
    assert code == 2
    assert "no query file at" in err


@pytest.mark.parametrize("reference", ["/dev/zero", "DIR", "DIR/missing", "./missing"])
def test_a_path_without_the_rq_suffix_is_a_file_not_a_name(
    kb_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path, reference: str
) -> None:
    """An absolute or ./ path is a file: ``/dev/zero`` or a directory was looked up as the name
    of a shipped query ("no query named '/dev/zero'", with the whole list of names)."""
    reference = reference.replace("DIR", str(tmp_path))
    code, out, err = run(capsys, kb_path, reference)
    assert (code, out) == (2, "")
    assert "no query named" not in err
    assert "not a regular file" in err or "no query file at" in err


class _WrongTypeHandler(BaseHTTPRequestHandler):
    """An endpoint that answers in HTML, a format no SPARQL client reads."""

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.send_header("Content-Length", "13")
        self.end_headers()
        self.wfile.write(b"<html></html>")

    do_GET = do_POST = _answer  # noqa: N815 (names fixed by http.server)

    def log_message(self, format: str, *args: object) -> None:
        """Stay quiet."""


def test_an_allowed_service_that_answers_in_another_format_is_a_failed_query(
    kb_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The endpoint's wrong answer is the query's problem (exit 2), not a defect (exit 3)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _WrongTypeHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        endpoint = f"http://127.0.0.1:{server.server_address[1]}/sparql"
        text = f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }} LIMIT 1"
        monkeypatch.setattr("sys.stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
        code, out, err = run(capsys, kb_path, "-", "--allow-service", endpoint)
    finally:
        server.shutdown()
        server.server_close()
    assert (code, out) == (2, "")
    assert "the SPARQL query failed: Unsupported Content-Type" in err
