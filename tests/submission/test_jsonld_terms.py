"""JSON-LD keys that no context defines are dropped by JSON-LD processing: every term of the
submission vocabulary is in our published context, and a key no context defines is a warning."""

from __future__ import annotations

import json
from typing import Any

import pytest
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from aiact_kg.namespaces import ONTOLOGY
from aiact_kg.resources import data_dir
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.jsonld_context import our_context
from aiact_kg.submission.reading import read_rdf_bytes

XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
SYSTEM = {
    "id": "https://example.org/s",
    "type": "AISystem",
    "hasProvider": {"id": "https://example.org/p", "type": "LegalPerson", "establishedIn": "DE"},
    "intendedPurpose": "aiac:purpose-spam-filtering",
    "interactsWithNaturalPersons": False,
}


def _warnings(document: dict[str, object]) -> list[str]:
    data = json.dumps(document).encode("utf-8")
    read = read_rdf_bytes(data, name="description.jsonld")
    return [f.message for _, f in read.mapping_findings if f.severity == "warning"]


def test_every_submission_term_is_a_term_of_the_published_context() -> None:
    graph = Graph().parse(data_dir("ontology") / "modules" / "submission.ttl")
    declared = {
        str(term)[len(ONTOLOGY) :]
        for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
        for term in graph.subjects(RDF.type, kind)
        if str(term).startswith(ONTOLOGY)
    }
    context = our_context()
    assert isinstance(context, dict)
    defined = {
        (value["@id"] if isinstance(value, dict) else value)[len("aia:") :]
        for value in context.values()
        if isinstance(value, str | dict)
        and str(value["@id"] if isinstance(value, dict) else value).startswith("aia:")
    }
    assert sorted(declared - defined) == []


def test_role_node_terms_are_terms_of_the_published_context() -> None:
    """The role nodes of the guide (aia:DeployerRole with aia:playedBy and aia:roleFor), with
    their links typed as IRIs: under a compact key the values were texts, and the role was lost
    (an outside check)."""
    context = our_context()
    assert isinstance(context, dict)
    graph = Graph().parse(data_dir("ontology") / "modules" / "actors.ttl")
    role = URIRef(ONTOLOGY + "OperatorRole")
    roles = {str(c)[len(ONTOLOGY) :] for c in graph.subjects(RDFS.subClassOf, role)}
    assert len(roles) == 6
    assert all(context.get(name) == f"aia:{name}" for name in [*roles, "OperatorRole"])
    for link in ("playedBy", "roleFor", "hasOperator"):
        assert context[link] == {"@id": f"aia:{link}", "@type": "@id"}


def test_a_misspelt_key_is_a_warning_naming_the_closest_term() -> None:
    document = {"@context": "https://w3id.org/aiact-kg/context.jsonld", **SYSTEM}
    document["hasDeployr"] = "https://example.org/d"
    (message,) = _warnings(document)
    assert "'hasDeployr'" in message
    assert "Did you mean 'hasDeployer'?" in message
    assert "'https://example.org/s'" in message


@pytest.mark.parametrize(
    "extra",
    [
        {"aia:hasDeployer": "https://example.org/d"},  # a compact IRI
        {"https://example.org/note": "a full IRI"},
        {"@reverse": {}},
    ],
)
def test_keys_that_expand_are_not_reported(extra: dict[str, object]) -> None:
    document = {"@context": "https://w3id.org/aiact-kg/context.jsonld", **SYSTEM, **extra}
    assert _warnings(document) == []


def test_inline_terms_vocab_and_container_maps_are_not_reported() -> None:
    inline = {
        "note": "https://example.org/note",
        "names": {"@id": "https://example.org/name", "@container": "@language"},
    }
    document = {"@context": ["https://w3id.org/aiact-kg/context.jsonld", inline], **SYSTEM}
    document.update({"note": "x", "names": {"en": "filter", "de": "Filter"}})
    assert _warnings(document) == []
    vocab = {
        "@context": ["https://w3id.org/aiact-kg/context.jsonld", {"@vocab": "https://example.org/"}]
    }
    assert _warnings({**vocab, **SYSTEM, "anything": "x"}) == []


def test_the_keys_inside_a_json_literal_are_data_not_dropped_terms() -> None:
    inline = {"@version": 1.1, "blob": {"@id": "https://example.org/blob", "@type": "@json"}}
    document = {"@context": ["https://w3id.org/aiact-kg/context.jsonld", inline], **SYSTEM}
    document["blob"] = {"a": [1, 2, {"b": None}]}
    assert _warnings(document) == []
    # the same through a value object, and a misspelt key beside it still reported
    document = {"@context": ["https://w3id.org/aiact-kg/context.jsonld"], **SYSTEM}
    document["https://example.org/blob"] = {"@value": {"c": {"d": 1}}, "@type": "@json"}
    document["hasProviderr"] = "x"
    warnings = _warnings(document)
    assert len(warnings) == 1
    assert "'hasProviderr'" in warnings[0]


@pytest.mark.parametrize(
    ("written", "lexical"),
    [(4.5, "4.5"), (1e-7, "0.0000001"), (8, "8"), ("4.5", "4.5")],
)
def test_a_decimal_term_written_as_a_json_number_reads_as_decimal_text(
    written: object, lexical: str
) -> None:
    """JSON-LD writes a number with a fraction, typed xsd:decimal, as "4.5E0" (no decimal)."""
    document = {
        "@context": "https://w3id.org/aiact-kg/context.jsonld",
        **SYSTEM,
        "maximumSentenceYears": written,
        "aia:marketShare": {"@value": written, "@type": "xsd:decimal"},
    }
    read = read_rdf_bytes(json.dumps(document).encode("utf-8"), name="description.jsonld")
    values = [
        quad.object
        for quad in read.quads
        if quad.predicate.value in (ONTOLOGY + "maximumSentenceYears", ONTOLOGY + "marketShare")
    ]
    assert [(v.value, v.datatype.value) for v in values] == [(lexical, XSD_DECIMAL)] * 2


def test_a_decimal_json_number_keeps_every_digit_written() -> None:
    """3.9999999999999999999 is below 4, but its nearest double is 4.0: a sentence of "at most
    four years" would flip the Art 5(1)(h) threshold."""
    document = json.dumps(
        {
            "@context": "https://w3id.org/aiact-kg/context.jsonld",
            **SYSTEM,
            "maximumSentenceYears": 0,
        }
    ).replace('"maximumSentenceYears": 0', '"maximumSentenceYears": 3.9999999999999999999')
    read = read_rdf_bytes(document.encode("utf-8"), name="description.jsonld")
    (value,) = [
        q.object for q in read.quads if q.predicate.value == ONTOLOGY + "maximumSentenceYears"
    ]
    assert value.value == "3.9999999999999999999"


@pytest.mark.parametrize(
    "key", ["aia:maximumSentenceYears", "https://w3id.org/aiact-kg/ontology#maximumSentenceYears"]
)
def test_a_decimal_keyed_by_its_property_iri_keeps_every_digit_written(key: str) -> None:
    """The guide allows a compact or full IRI as a key: an outside check found the value read as
    the double 4.0 there (so Art 5(1)(h)(iii)'s four years held), as the term kept it below 4."""
    document = json.dumps(
        {"@context": "https://w3id.org/aiact-kg/context.jsonld", **SYSTEM, key: 0}
    ).replace(f'"{key}": 0', f'"{key}": 3.9999999999999999999')
    read = read_rdf_bytes(document.encode("utf-8"), name="description.jsonld")
    (value,) = [
        q.object for q in read.quads if q.predicate.value == ONTOLOGY + "maximumSentenceYears"
    ]
    assert (value.value, value.datatype.value) == ("3.9999999999999999999", XSD_DECIMAL)


def _statements(document: object) -> set[str]:
    data = json.dumps(document).encode("utf-8")
    return {str(quad) for quad in read_rdf_bytes(data, name="d.jsonld").quads}


def test_a_type_map_is_read_as_node_objects_with_their_type() -> None:
    """JSON-LD 1.1 type maps (``@container: @type``): pyoxigraph's parser refused them as a
    misplaced @type (an outside check); they mean node objects typed by the map's keys."""
    aia = "https://w3id.org/aiact-kg/ontology#"
    plain = {
        "@id": "https://example.org/s",
        f"{aia}hasProvider": [
            {"@id": "https://example.org/p", "@type": f"{aia}LegalPerson", f"{aia}isSME": False},
            {"@id": "https://example.org/q", "@type": f"{aia}PublicAuthority"},
        ],
    }
    mapped = {
        "@context": {"provs": {"@id": f"{aia}hasProvider", "@container": ["@type", "@set"]}},
        "@id": "https://example.org/s",
        "provs": {
            f"{aia}LegalPerson": {"@id": "https://example.org/p", f"{aia}isSME": False},
            f"{aia}PublicAuthority": "https://example.org/q",
        },
    }
    assert _statements(mapped) == _statements(plain)


@pytest.mark.parametrize(
    "document",
    [
        # the term is a type map in one node's context and a plain term in another's
        [
            {
                "@context": {"rel": {"@id": "http://e/rel"}},
                "@id": "http://e/a",
                "rel": {"@id": "http://e/b"},
            },
            {
                "@context": {"rel": {"@id": "http://e/rel", "@container": "@type"}},
                "@id": "http://e/c",
                "rel": {"http://e/T": "http://e/d"},
            },
        ],
        # a type map typed @vocab: its strings are vocabulary-relative
        {
            "@context": {
                "@vocab": "http://e/v/",
                "rel": {"@id": "http://e/rel", "@type": "@vocab", "@container": "@type"},
            },
            "@id": "http://e/a",
            "rel": {"http://e/T": "Foo"},
        },
    ],
    ids=["two-meanings", "vocab"],
)
def test_a_type_map_read_otherwise_elsewhere_is_refused(document: object) -> None:
    """Unwrapped once for the whole document, such a map was read wrong (an outside check)."""
    with pytest.raises(InputFormatError, match="as a type map"):
        read_rdf_bytes(json.dumps(document).encode(), name="d.jsonld")


def _model_with_number(written: str, other: str) -> list[Any]:
    """The statements of aia:trainingComputeFLOP (a term of our context) and ``aia:<other>`` (a
    value object) read from a model that gives both the JSON number ``written``."""
    document = json.dumps(
        {
            "@context": "https://w3id.org/aiact-kg/context.jsonld",
            "@id": "https://example.org/m",
            "@type": "GeneralPurposeAIModel",
            "trainingComputeFLOP": 0,
            f"aia:{other}": {"@value": 0},
        }
    )
    document = document.replace('"trainingComputeFLOP": 0', f'"trainingComputeFLOP": {written}')
    document = document.replace('{"@value": 0}', f'{{"@value": {written}}}')
    read = read_rdf_bytes(document.encode("utf-8"), name="model.jsonld")
    wanted = (ONTOLOGY + "trainingComputeFLOP", ONTOLOGY + other)
    return [q for q in read.quads if q.predicate.value in wanted]


@pytest.mark.parametrize(
    "written",
    ["10000000000000000000000001", "10000000000000000100000000", "-10000000000000000000000001"],
)
def test_a_json_integer_a_double_cannot_hold_keeps_every_digit(written: str) -> None:
    """JSON-LD writes an integer of 10^21 or more as a double: 10000000000000000000000001 FLOP
    would read as 1e25, equal to the threshold of Art 51(2) and so not above it, where the same
    figure in Turtle is above it (an outside check). It is read as the integer written, in a
    term and in a value object, as Turtle reads it."""
    values = sorted(
        (q.predicate.value, q.object.value, q.object.datatype.value)
        for q in _model_with_number(written, "parameterCount")
    )
    integer = "http://www.w3.org/2001/XMLSchema#integer"
    assert values == [
        (ONTOLOGY + "parameterCount", written, integer),
        (ONTOLOGY + "trainingComputeFLOP", written, integer),
    ]


def test_a_json_integer_a_double_holds_is_left_as_json_ld_reads_it() -> None:
    """10^25 is written by JSON-LD as the double 1.0E25, equal to it: nothing is rewritten."""
    document = {
        "@context": "https://w3id.org/aiact-kg/context.jsonld",
        "@id": "https://example.org/m",
        "@type": "GeneralPurposeAIModel",
        "trainingComputeFLOP": 10**22,
    }
    read = read_rdf_bytes(json.dumps(document).encode("utf-8"), name="model.jsonld")
    (value,) = [
        q.object for q in read.quads if q.predicate.value == ONTOLOGY + "trainingComputeFLOP"
    ]
    assert value.datatype.value == "http://www.w3.org/2001/XMLSchema#double"
    assert float(value.value) == 1e22


def test_a_count_beyond_two_to_the_53_keeps_every_digit() -> None:
    """2^53 + 1 has no double: read as the integer written, not as 2^53."""
    document = {
        "@context": "https://w3id.org/aiact-kg/context.jsonld",
        **SYSTEM,
        "registeredEndUsersEU": 2**53 + 1,
    }
    read = read_rdf_bytes(json.dumps(document).encode("utf-8"), name="description.jsonld")
    (value,) = [
        q.object for q in read.quads if q.predicate.value == ONTOLOGY + "registeredEndUsersEU"
    ]
    assert (value.value, value.datatype.value) == (
        str(2**53 + 1),
        "http://www.w3.org/2001/XMLSchema#integer",
    )


@pytest.mark.parametrize(
    ("written", "exact"),
    [
        ("10000000000000000000000000.1", True),  # its double is 1e25: crosses the threshold
        ("9999999999999999999999999.9", True),
        ("3.5", False),  # a double of its own: left to JSON-LD
        ("1.00000000000000000000000001e25", False),  # an exponent: Turtle reads a double too
    ],
)
def test_a_json_number_with_a_fraction_stays_on_its_side_of_a_round_figure(
    written: str, exact: bool
) -> None:
    """JSON-LD writes a number with a fraction as a double: 10000000000000000000000000.1 FLOP
    would read as 1e25, not above the threshold of Art 51(2), where Turtle reads the same
    figure as a decimal above it (an outside check). Such a number, written without an
    exponent, is read as the decimal written; any other is left as JSON-LD reads it."""
    values = [
        (q.object.value, q.object.datatype.value)
        for q in _model_with_number(written, "trainingTokens")
    ]
    assert len(values) == 2
    if exact:
        assert values == [(written, XSD_DECIMAL)] * 2
    else:
        assert all(datatype.endswith("#double") for _, datatype in values)
