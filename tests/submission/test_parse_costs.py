"""Documents well under the size and statement limits whose parsing would cost minutes, and
values whose reading would overflow: refused at once, with the place named (hostile-input audit)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aiact_kg.submission import InputFormatError, read_rdf_bytes
from aiact_kg.submission import reading as reading_module
from aiact_kg.submission.jsonld_context import MAX_TERMS_WITH_SCOPED_CONTEXTS
from aiact_kg.submission.reading import DEFAULT_MAX_BYTES, display_name, read_rdf_file
from aiact_kg.submission.values import read_literal
from aiact_kg.submission.xml_guard import MAX_XML_ATTRIBUTES

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF_NS = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"'


def _rdf_xml(attributes: str, namespaces: str = "") -> bytes:
    return (
        f'<?xml version="1.0"?>\n<rdf:RDF {RDF_NS} xmlns:e="http://e/" {namespaces}>\n'
        f'<rdf:Description rdf:about="http://e/s" {attributes}/>\n</rdf:RDF>\n'
    ).encode()


def test_an_element_with_too_many_attributes_is_refused_before_parsing() -> None:
    """pyoxigraph takes time quadratic in the attributes of one element (90,000: over a minute)."""
    many = " ".join(f'e:a{i}="{i}"' for i in range(90_000))
    with pytest.raises(InputFormatError, match=f"more than {MAX_XML_ATTRIBUTES}") as caught:
        read_rdf_bytes(_rdf_xml(many), name="wide.rdf", max_statements=100_000)
    assert caught.value.line == 3
    fewer = " ".join(f'e:a{i}="{i}"' for i in range(MAX_XML_ATTRIBUTES - 1))
    assert len(read_rdf_bytes(_rdf_xml(fewer), name="ok.rdf").quads) == MAX_XML_ATTRIBUTES - 1


def test_an_element_with_too_many_namespaces_in_scope_is_refused() -> None:
    declared = " ".join(f'xmlns:n{i}="http://e/{i}#"' for i in range(20_000))
    with pytest.raises(InputFormatError, match="namespaces in scope") as caught:
        read_rdf_bytes(_rdf_xml("", declared), name="ns.rdf")
    assert caught.value.line == 2


def _scoped(terms: int, nodes: int) -> bytes:
    context = {
        "T": {"@id": "http://e/T", "@context": {f"k{i}": f"http://e/k{i}" for i in range(terms)}}
    }
    graph = [{"@id": f"http://e/n{i}", "@type": "T", "k0": "v"} for i in range(nodes)]
    return json.dumps({"@context": context, "@graph": graph}, indent=1).encode()


def test_a_scoped_context_with_many_terms_is_refused_at_the_term() -> None:
    """Each node a scoped context applies to gets a new active context: 2,000 terms over 9,000
    nodes (380 KB) took 43 s, 6,000 terms over two minutes."""
    with pytest.raises(InputFormatError, match="has a scoped context of its own") as caught:
        read_rdf_bytes(_scoped(2_000, 9_000), name="scoped.jsonld")
    assert (caught.value.line, caught.value.column) == (3, 3)  # "T", the scoped term
    allowed = MAX_TERMS_WITH_SCOPED_CONTEXTS - 200  # with our context's terms, under the limit
    assert len(read_rdf_bytes(_scoped(allowed, 100), name="ok.jsonld").quads) == 200


@pytest.mark.parametrize(
    ("node", "fragment"),
    [
        ({"@id": "https://example.org/second model", "@type": "http://e/T"}, "' '"),
        (
            {
                "@id": "http://e/a",
                "https://w3id.org/aiact-kg/ontology#hasDeployer": {"@id": "http://e/bad\u0000iri"},
            },
            "'\\x00'",
        ),
        # a property or a class written with a space (an outside check found the facts dropped)
        ({"@id": "http://e/b", "https://w3id.org/aiact-kg/ontology#interactsWith X": True}, "' '"),
        ({"@id": "http://e/c", "@type": ["http://e/T", "http://e/High Risk"]}, "' '"),
        ({"@context": {"kind": "@type"}, "@id": "http://e/d", "kind": "AI System"}, "' '"),
    ],
)
def test_a_json_ld_iri_no_iri_may_hold_is_refused_where_it_is(
    node: dict[str, object], fragment: str
) -> None:
    """JSON-LD drops a statement with such an IRI without a word (Turtle refuses it)."""
    data = json.dumps([{"@id": "http://e/ok", "@type": "http://e/T"}, node], indent=1).encode()
    with pytest.raises(InputFormatError, match="which no IRI may hold") as caught:
        read_rdf_bytes(data, name="bad.jsonld")
    assert fragment in str(caught.value)
    assert caught.value.line is not None


@pytest.mark.parametrize(
    "node",
    [
        {
            "@id": "http://e/a",
            "http://www.w3.org/2000/01/rdf-schema#label": {
                "@value": "x",
                "@language": "not valid!!",
            },
        },
        {"@context": {"@language": "en_GB"}, "@id": "http://e/a", "http://e/p": "x"},
    ],
)
def test_a_json_ld_language_that_is_no_tag_is_refused_where_it_is(node: dict[str, object]) -> None:
    """Turtle refuses such a tag; JSON-LD kept it (an outside check)."""
    with pytest.raises(InputFormatError, match="is not a language tag") as caught:
        read_rdf_bytes(json.dumps(node, indent=1).encode(), name="bad.jsonld")
    assert caught.value.line is not None
    good = {"@id": "http://e/a", "http://e/p": {"@value": "x", "@language": "de-AT"}}
    assert len(read_rdf_bytes(json.dumps(good).encode(), name="ok.jsonld").quads) == 1


@pytest.mark.parametrize("container", ["@language", ["@language", "@set"]])
def test_a_language_map_key_that_is_no_tag_is_refused_where_it_is(container: object) -> None:
    """JSON-LD dropped the values of such a key without a word (an outside check); a valid map,
    '@none' among its keys, gives each value with its tag."""
    context = {"p": {"@id": "http://www.w3.org/2000/01/rdf-schema#label", "@container": container}}
    bad = {"@context": context, "@id": "http://e/s", "p": {"en": "x", "not a tag": "lost"}}
    text = json.dumps(bad, indent=1)
    with pytest.raises(InputFormatError, match="'not a tag' as a language") as caught:
        read_rdf_bytes(text.encode(), name="bad.jsonld")
    assert caught.value.line is not None
    assert '"not a tag"' in text.splitlines()[caught.value.line - 1]
    good = {"@context": context, "@id": "http://e/s", "p": {"en": "x", "de-AT": "y", "@none": "z"}}
    assert len(read_rdf_bytes(json.dumps(good).encode(), name="ok.jsonld").quads) == 3


def test_an_iri_valued_term_of_our_context_is_checked_too() -> None:
    data = json.dumps(
        {
            "@context": "https://w3id.org/aiact-kg/context.jsonld",
            "id": "https://example.org/system",
            "type": "AISystem",
            "hasDeployer": "https://example.org/bad iri",
        },
        indent=1,
    ).encode()
    with pytest.raises(InputFormatError, match="under 'hasDeployer'") as caught:
        read_rdf_bytes(data, name="bad.jsonld")
    assert (caught.value.line, caught.value.column) == (5, 17)


def test_a_json_integer_too_long_to_read_is_refused_where_it_is() -> None:
    data = b'{"@id": "http://e/s",\n "http://e/n": ' + b"9" * 5000 + b"}"
    with pytest.raises(InputFormatError, match="has 5000 digits") as caught:
        read_rdf_bytes(data, name="long.jsonld")
    assert (caught.value.line, caught.value.column) == (2, 16)


@pytest.mark.parametrize(
    ("lexical", "problem"),
    [
        ("1e99999999999", "is beyond the largest xsd:double"),
        ("-1e99999999999", "is beyond the largest xsd:double"),
        ("1E+1000000000000000000000", "is beyond the largest xsd:double"),
        ("1e-99999999999", "is too close to 0"),
        ("1e-1000000000000000000000", "is too close to 0"),
    ],
)
def test_an_exponent_beyond_what_decimal_arithmetic_holds_is_a_finding(
    lexical: str, problem: str
) -> None:
    """It used to be an internal error (decimal.Overflow) on the CLI and HTTP 500."""
    reading = read_literal(lexical, XSD + "double")
    assert reading.value is None
    assert reading.problem is not None
    assert reading.problem.startswith(problem)


def test_a_large_file_that_is_no_text_is_refused_from_its_first_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Under a raised size limit, NUL bytes at the start are found without reading it whole."""
    path = tmp_path / "zeros.ttl"
    with path.open("wb") as stream:
        stream.write(b"@prefix ex: <http://e/> .\n")
        stream.write(b"\x00" * (DEFAULT_MAX_BYTES + 1))

    def never(*_: object) -> bytes:
        raise AssertionError("the whole file was read")

    monkeypatch.setattr(reading_module, "_read_bounded", never)
    with pytest.raises(InputFormatError, match="NUL byte at byte offset 26") as caught:
        read_rdf_file(path, max_bytes=2 * DEFAULT_MAX_BYTES)
    assert (caught.value.line, caught.value.column) == (2, 1)


def test_a_file_name_with_a_line_break_cannot_forge_a_report_line() -> None:
    assert display_name("dirs/evil\nFAKE: 0 violation(s)\x1b[31m.ttl") == (
        "dirs/evil\\u000aFAKE: 0 violation(s)\\u001b[31m.ttl"
    )
    assert display_name("café.ttl") == "café.ttl"
