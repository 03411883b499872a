"""SELECT rows read from pyoxigraph's TSV serialisation equal the terms of its solutions."""

from __future__ import annotations

import pytest
from pyoxigraph import BlankNode, Literal, NamedNode

from aiact_kg.store.oxigraph_store import OxigraphStore
from aiact_kg.store.tsv_rows import Terms, UnknownCellError, parse_cell, tsv_rows

XSD = "http://www.w3.org/2001/XMLSchema#"
DATA = """INSERT DATA { <http://a> <http://p> "x\\ty\\\\\\"z", 1, -1.5, 1e3,
  "1.0E3"^^<http://www.w3.org/2001/XMLSchema#double>, true, "a"@en-GB, "",
  "2020-01-01"^^<http://www.w3.org/2001/XMLSchema#date>, _:b, \"\"\"l\nn\"\"\", "\\u00e9\\r",
  <http://x/\u00e9>, "3"^^<http://www.w3.org/2001/XMLSchema#int>, "b"@en--ltr,
  <<( <http://a> <http://p> <http://c> )>> }"""


def _solutions(store: OxigraphStore, sparql: str) -> tuple[tuple[object, ...], ...]:
    result = store.raw.query(sparql)
    names = [variable.value for variable in result.variables]  # type: ignore[union-attr]
    return tuple(tuple(solution[name] for name in names) for solution in result)  # type: ignore[union-attr]


@pytest.mark.parametrize(
    "sparql",
    [
        "SELECT ?o ?x WHERE { ?s ?p ?o }",  # a triple term and a directional tag: fallback
        "SELECT ?o ?x WHERE { ?s ?p ?o FILTER(!isTriple(?o) && LANGDIR(?o) = '') }",
        "SELECT * WHERE {}",
        "SELECT ?x WHERE { VALUES ?x { UNDEF } }",
        "SELECT ?x WHERE { FILTER(false) }",
    ],
)
def test_rows_equal_the_solutions(sparql: str) -> None:
    store = OxigraphStore()
    store.update(DATA)
    rows = store.select(sparql).rows
    assert rows == _solutions(store, sparql)
    assert [type(term) for row in rows for term in row] == [
        type(term) for row in _solutions(store, sparql) for term in row
    ]


def test_cells() -> None:
    assert parse_cell("<http://a>") == NamedNode("http://a")
    assert parse_cell("_:b1") == BlankNode("b1")
    assert parse_cell('"a\\"b\\\\"@en') == Literal('a"b\\', language="en")
    assert parse_cell("-2") == Literal("-2", datatype=NamedNode(XSD + "integer"))
    assert parse_cell(".5") == Literal(".5", datatype=NamedNode(XSD + "decimal"))
    assert parse_cell("1E-2") == Literal("1E-2", datatype=NamedNode(XSD + "double"))
    for cell in ('"a\\u00e9"', "<<( <http://a> <http://p> <http://c> )>>", '"b"@en--ltr', "x"):
        with pytest.raises(UnknownCellError):
            parse_cell(cell)


def test_rows_share_terms() -> None:
    rows = tsv_rows(b"?a\t?b\n<http://a>\t<http://a>\n<http://a>\t\n", 2)
    assert rows == ((NamedNode("http://a"),) * 2, (NamedNode("http://a"), None))
    assert rows[0][0] is rows[1][0]
    with pytest.raises(UnknownCellError):
        tsv_rows(b"?a\t?b\n<http://a>\n", 2)
    terms = Terms()
    again = tsv_rows(b"?a\n<http://a>\n\n", 1, terms)
    assert again == ((NamedNode("http://a"),), (None,))
    assert tsv_rows(b"?b\n<http://a>\n", 1, terms)[0][0] is again[0][0]  # shared by queries
    terms.clear()
    assert tsv_rows(b"?b\n\n", 1, terms) == ((None,),)  # unbound still known
