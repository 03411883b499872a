"""A document cut into its subjects' descriptions (:mod:`aiact_kg.subject_parts`)."""

from __future__ import annotations

from aiact_kg.subject_parts import split_by_subject
from aiact_kg.submission.reading import InputDocument, read_rdf_bytes

PREFIXES = (
    "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
    "@prefix aiac: <https://w3id.org/aiact-kg/concept/> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix ex: <https://example.org/> .\n"
)


def _parts(text: str) -> list[set[str]]:
    """The subjects (local names) each part states facts about."""
    document = read_rdf_bytes((PREFIXES + text).encode(), name="file.ttl")
    parts = split_by_subject(document)
    assert sorted(q for p in parts for q in map(str, p.quads)) == sorted(map(str, document.quads))
    return [_about(part) for part in parts]


def _about(part: InputDocument) -> set[str]:
    return {
        quad.subject.value.rsplit("/", 1)[-1].rsplit("#", 1)[-1]
        for quad in part.quads
        if quad.subject.value.startswith("https://example.org/")
    }


def test_one_subject_alone_is_not_cut() -> None:
    text = 'ex:s a aia:AISystem ; aia:hasProvider ex:p .\nex:p aia:establishedIn "DE" .\n'
    assert _parts(text) == [{"s", "p"}]


def test_two_subjects_each_with_their_own_nodes_and_a_shared_party_apart() -> None:
    text = (
        "ex:a a aia:AISystem ; aia:hasProvider ex:shared ; aia:engagesIn ex:practice .\n"
        "ex:practice aia:practice aiac:practice-emotion-recognition .\n"
        "ex:b a aia:AISystem ; aia:hasProvider ex:shared ; aia:hasDeployer ex:d .\n"
        'ex:d aia:establishedIn "FR" .\n'
        'ex:shared aia:establishedIn "DE" .\n'
    )
    assert sorted(map(sorted, _parts(text))) == [["a", "practice"], ["b", "d"], ["shared"]]


def test_a_role_node_and_an_inverse_statement_belong_to_the_subject_they_point_at() -> None:
    text = (
        "ex:a a aia:AISystem .\n"
        "ex:role a aia:DeployerRole ; aia:roleFor ex:a ; aia:playedBy ex:d .\n"
        'ex:d aia:establishedIn "FR" .\n'
        "ex:b a aia:AISystem ; aia:hasProvider ex:p .\n"
        "ex:p ex:providerOf ex:b .\n"
    )
    assert sorted(map(sorted, _parts(text))) == [["a", "d", "role"], ["b", "p"]]


def test_a_model_named_by_a_system_keeps_its_own_part_and_a_stray_node_its_own() -> None:
    text = (
        "ex:s a aia:AISystem ; aia:basedOnModel ex:m .\n"
        "ex:m a aia:GeneralPurposeAIModel ; aia:hasProvider ex:lab .\n"
        'ex:lab aia:establishedIn "US" .\n'
        "ex:stray aia:practice aiac:practice-emotion-recognition .\n"
    )
    assert sorted(map(sorted, _parts(text))) == [["lab", "m"], ["s"], ["stray"]]


def test_a_subject_written_as_a_blank_node_is_cut_as_a_named_one() -> None:
    text = (
        '[] a aia:AISystem ; aia:hasProvider [ aia:establishedIn "DE" ] .\n'
        "ex:b a aia:AISystem ; aia:hasProvider ex:p .\n"
    )
    document = read_rdf_bytes((PREFIXES + text).encode(), name="file.ttl")
    parts = split_by_subject(document)
    assert sorted(len(part.quads) for part in parts) == [2, 3]
    assert all(part.name == "file.ttl" for part in parts)


def test_a_node_another_input_names_and_unlinked_nodes_are_parts_of_their_own() -> None:
    """A party file that a system elsewhere names: the party is cut from a practice beside it
    that nothing links to, and two unlinked nodes from each other."""
    text = (
        'ex:p a aia:LegalPerson ; aia:establishedIn "FR" .\n'
        "ex:practice aia:practice aiac:practice-emotion-recognition .\n"
        "ex:Mine rdfs:subClassOf aia:LegalPerson .\n"
    )
    document = read_rdf_bytes((PREFIXES + text).encode(), name="file.ttl")
    parts = split_by_subject(document, set(), {"https://example.org/p"})
    assert sorted(map(sorted, map(_about, parts))) == [["Mine"], ["p"], ["practice"]]
    assert split_by_subject(document, set(), set()) != [document]
