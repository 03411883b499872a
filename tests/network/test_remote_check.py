"""The remote-access check reads SPARQL tokens, not raw text: words in strings, comments, IRIs,
names and language tags are not keywords; every real SERVICE or LOAD is found."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from aiact_kg.cli import main
from aiact_kg.errors import QueryError
from aiact_kg.store.remote import check_query, check_update

ENDPOINT = "http://sparql.example/q"


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * { ?s ?p 'SERVICE <http://sparql.example/q> { }' }",
        "SELECT * { ?s ?p 'it\\'s SERVICE <http://sparql.example/q> {}' }",
        'SELECT * { ?s ?p """a "" \nSERVICE <http://sparql.example/q> { }""" }',
        "SELECT * { ?s ?p '''SERVICE\n<http://sparql.example/q> {}''' }",
        "SELECT * { ?s ?p ?o } # SERVICE <http://sparql.example/q> { }",
        "SELECT * { ?s <http://example.org/SERVICE> ?o }",
        "SELECT * { ?s ex:SERVICE ?o . ?s ex:a.SERVICE ?service }",
        "SELECT * { ?s ?p 'x'@service }",
        "SELECT * { ?s ?p ?o FILTER(?o < 3) }",
        "SELECT $service { ?s ?p $service }",
    ],
)
def test_the_word_alone_is_not_remote_access(text: str) -> None:
    assert check_query(text, prefixes={"ex": "http://example.org/"}).services == ()


@pytest.mark.parametrize(
    "text",
    [
        "SELECT * { SERVICE <http://sparql.example/q> { ?s ?p ?o } }",
        "SELECT * { sErViCe SiLeNt <http://sparql.example/q> { ?s ?p ?o } }",
        "SELECT * { ?s ?p 'x' . SERVICE <http://sparql.example/q> { ?s ?p ?o } } # '",
        "SELECT * { ?s ?p '''x''' SERVICE<http://sparql.example/q>{?s ?p ?o} }",
        "SELECT * { FILTER NOT EXISTS { GRAPH ?g { SERVICE <http://sparql.example/q> {} } } }",
        "PREFIX s: <http://sparql.example/> SELECT * { SERVICE s:q { ?s ?p ?o } }",
        "BASE <http://sparql.example/x/> SELECT * { SERVICE <../q> { ?s ?p ?o } }",
        "SELECT * { SERVICE <http://sparql.example/\\u0071> { ?s ?p ?o } }",
    ],
)
def test_every_service_is_found_and_resolved(text: str) -> None:
    with pytest.raises(QueryError, match="network"):
        check_query(text)
    assert check_query(text, allowed=[ENDPOINT]).services == (ENDPOINT,)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("SELECT * { SERVICE ?e { ?s ?p ?o } }", "chosen while the query runs"),
        ("SELECT * { SERVICE <q> { ?s ?p ?o } }", "not an absolute IRI"),
        ("SELECT * { SERVICE nope:q { ?s ?p ?o } }", "not an absolute IRI"),
        ("SELECT * { \\u0053ERVICE <http://sparql.example/q> {} }", "backslash"),
    ],
)
def test_what_cannot_be_checked_is_refused(text: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        check_query(text, allowed=[ENDPOINT, "q"])


@pytest.mark.parametrize("keyword", ["INSERT DATA { <a:b> <a:c> <a:d> }", "DROP ALL", "CLEAR ALL"])
def test_an_update_is_named_as_such(keyword: str) -> None:
    with pytest.raises(QueryError, match=r"SPARQL update.*read-only"):
        check_query(f"PREFIX x: <http://x/>\n{keyword}")


def test_updates_may_not_load() -> None:
    with pytest.raises(QueryError, match=r"LOAD <http://sparql\.example/q>"):
        check_update("CLEAR ALL ; LOAD SILENT <http://sparql.example/q>")
    assert check_update("INSERT DATA { <a:b> <a:c> 'LOAD <http://x/>' }") == ()


def test_syntax_errors_point_into_the_users_file(
    kb_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE { ?x ", encoding="utf-8")
    code = main(["--store", str(kb_path), "query", str(bad)])
    assert code == 2
    assert f"query in {bad} is not valid at line 1, column 22" in capsys.readouterr().err


@pytest.mark.parametrize("check", [check_query, check_update])
def test_brackets_nested_past_the_parser_depth_are_refused_at_their_position(
    check: Callable[[str], object],
) -> None:
    deep = "(" * 10_000 + "true" + ")" * 10_000
    text = (
        f"SELECT * WHERE {{ FILTER({deep}) }}"
        if check is check_query
        else f"INSERT {{ <x:a> <x:b> <x:c> }} WHERE {{ FILTER({deep}) }}"
    )
    with pytest.raises(QueryError, match=r"more than 128 levels deep at line 1, column \d+"):
        check(text)
    shallow = "(" * 100 + "true" + ")" * 100
    check(text.replace(deep, shallow))  # deep but real: accepted
