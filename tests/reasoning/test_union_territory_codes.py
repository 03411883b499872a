"""The Union's country codes are one list, the scheme ``aiac:union-territories``, which every rule
and shape telling a party established in the Union from one in a third country joins.

Rules 145, 160 and 335 and five submission shapes read ``aia:establishedIn`` as an ISO 3166-1
code. An outside review found the lists naming the 27 Member States (and "EL") only, so that a
provider in Réunion was told to appoint an authorised representative (Art 22(1)): the outermost
regions with codes of their own (Art 355(1) TFEU) and the Åland Islands (Art 355(4) TFEU) are in
the Union; the Faroe Islands, Greenland and the overseas countries and territories
(Art 355(2)-(5) TFEU) are not. The lists were then eight copies in rules and shapes; now the
scheme holds the codes and no rule or shape spells them out. Two shapes (the representative's and
the importer's establishment) kept the 27 codes as a case-sensitive ``sh:pattern``, which the list
check did not recognise; they join the scheme too, and the check finds that form.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from aiact_kg import resources

ROOT = Path(__file__).resolve().parents[2]
SCHEME = URIRef("https://w3id.org/aiact-kg/concept/union-territories")
# fmt: off
MEMBER_STATES = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
}
# fmt: on
UNION_PARTS = {"GF", "GP", "MQ", "RE", "YT", "MF", "AX"}
NOT_IN_THE_UNION = {"FO", "GL", "NC", "PF", "WF", "PM", "BL", "AW", "CW", "SX", "BQ", "TF", "GB"}
# the files whose rules or shapes tell the Union from third countries by aia:establishedIn
READERS = [
    "queries/rules/145-art-2-4-international-cooperation.ru",
    "queries/rules/160-art-2-1-territorial-scope.ru",
    "queries/rules/335-third-country-provider.ru",
    "shapes/submission.shapes.ttl",
]
# two codes of Member States side by side, quoted or as a pattern's alternatives: the start of a
# hand-written list
_LIST = re.compile(r'"(?:AT|BE|DE|FR)",?\s+"[A-Z]{2}"|\b(?:AT|BE|DE|FR)\|[A-Z]{2}\b')


def _scheme_codes() -> set[str]:
    graph = Graph()
    for path in resources.scheme_files():
        graph.parse(path, format="turtle")
    codes = set()
    for concept in graph.subjects(SKOS.inScheme, SCHEME):
        for notation in graph.objects(concept, SKOS.notation):
            assert isinstance(notation, Literal), notation
            assert notation.datatype is None, notation
            codes.add(str(notation))
    return codes


def test_the_scheme_is_the_union() -> None:
    codes = _scheme_codes()
    assert codes == MEMBER_STATES | UNION_PARTS
    assert not codes & NOT_IN_THE_UNION


@pytest.mark.parametrize("name", READERS)
def test_each_reader_joins_the_scheme_and_spells_out_no_list(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    assert "aiac:union-territories" in text, name
    assert not _LIST.search(text), name


def test_no_rule_query_or_shape_spells_out_a_list() -> None:
    files = [*(ROOT / "queries").rglob("*.r[qu]"), *(ROOT / "shapes").glob("*.ttl")]
    assert files
    assert [str(p.relative_to(ROOT)) for p in files if _LIST.search(p.read_text("utf-8"))] == []


def test_the_list_check_finds_a_list() -> None:
    """The check above can fail: it finds the form the lists had."""
    assert _LIST.search('VALUES ?memberState { "AT" "BE" "BG" }')
    assert _LIST.search('FILTER(?c NOT IN ("AT", "BE", "BG"))')
    assert _LIST.search('sh:pattern "^(AT|BE|BG|HR)$"')
    assert not _LIST.search("aia:hasImporter|aia:hasDistributor")
