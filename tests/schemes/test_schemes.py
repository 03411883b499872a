"""The SKOS concept schemes of ``ontology/schemes/`` are complete, well formed and grounded.

These tests read the Turtle files only. Whether every provision IRI exists in the legal-text
graph is checked elsewhere (the dangling-provision check queries); here we check that each
provision IRI is well formed under docs/conventions.md and agrees with the concept's citation.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from rdflib import RDF, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDFS, SKOS, XSD

from aiact_kg import resources
from aiact_kg.legal.citation import candidate_iris, format_citation, parse_citation

AIA = Namespace("https://w3id.org/aiact-kg/ontology#")
AIAC = Namespace("https://w3id.org/aiact-kg/concept/")
PROVISION_BASE = "https://w3id.org/aiact-kg/reg/2024/1689/"

# The schemes this module is about; other scheme files (roles.ttl, ...) get the generic checks.
OUR_SCHEMES = (
    "annex-iii",
    "annex-i",
    "prohibited-practices",
    "annex-ii",
    "art-6-3-conditions",
    "transparency-cases",
    "annex-xiii",
    "systemic-risk-taxonomy",
)

# Local names of provision IRIs (docs/conventions.md): an article, annex, recital or chapter,
# then paragraphs, subparagraphs, points and sections joined by ".".
_ROMAN = r"[IVXL]+"
_POINT = r"\.pnt_(?:\d+|[a-z]+)"
PROVISION_LOCAL_NAME = re.compile(
    rf"^(?:"
    rf"art_\d+(?:\.par_\d+(?:\.sub_\d+|(?:{_POINT})+)?|\.sub_\d+|(?:{_POINT})+)?"
    rf"|anx_{_ROMAN}(?:\.sct_[A-Z]|(?:{_POINT})+)?"
    rf"|rct_\d+"
    rf"|cpt_{_ROMAN}(?:\.sct_\d+)?"
    rf")$"
)


@cache
def schemes_graph() -> Graph:
    graph = Graph()
    for path in resources.scheme_files():
        graph.parse(path, format="turtle")
    return graph


def concepts(graph: Graph) -> list[URIRef]:
    return sorted(c for c in graph.subjects(RDF.type, SKOS.Concept) if isinstance(c, URIRef))


def our_concepts(graph: Graph) -> list[URIRef]:
    schemes = {AIAC[name] for name in OUR_SCHEMES}
    return [c for c in concepts(graph) if set(graph.objects(c, SKOS.inScheme)) & schemes]


def typed(graph: Graph, cls: URIRef, scheme: str | None = None) -> set[URIRef]:
    found = {c for c in graph.subjects(RDF.type, cls) if isinstance(c, URIRef)}
    if scheme is not None:
        found = {c for c in found if (c, SKOS.inScheme, AIAC[scheme]) in graph}
    return found


def broader_of(graph: Graph, concept: URIRef) -> set[URIRef]:
    return {b for b in graph.objects(concept, SKOS.broader) if isinstance(b, URIRef)}


# --- files -------------------------------------------------------------------------------------


def test_expected_scheme_files_are_shipped() -> None:
    names = {path.name for path in resources.scheme_files()}
    expected = {
        "annex-iii.ttl",
        "annex-i.ttl",
        "prohibited-practices.ttl",
        "art-6-3-conditions.ttl",
        "transparency-cases.ttl",
        "annex-xiii.ttl",
        "systemic-risk-taxonomy.ttl",
    }
    assert expected <= names


@pytest.mark.parametrize("path", resources.scheme_files(), ids=lambda p: p.name)
def test_each_file_parses(path: Path) -> None:
    graph = Graph()
    graph.parse(path, format="turtle")
    assert len(graph) > 0


@pytest.mark.parametrize("scheme", OUR_SCHEMES)
def test_scheme_is_declared_and_documented(scheme: str) -> None:
    graph = schemes_graph()
    iri = AIAC[scheme]
    assert (iri, RDF.type, SKOS.ConceptScheme) in graph
    labels = graph.objects(iri, SKOS.prefLabel)
    assert [lbl for lbl in labels if isinstance(lbl, Literal) and lbl.language == "en"]
    assert graph.value(iri, SKOS.definition) is not None
    assert list(graph.objects(iri, AIA.sourceProvision))
    assert list(graph.objects(iri, SKOS.hasTopConcept)) or list(
        graph.subjects(SKOS.topConceptOf, iri)
    )


# --- counts ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cls", "scheme", "expected"),
    [
        (AIA.HighRiskUseCase, "annex-iii", 25),
        (AIA.HighRiskArea, "annex-iii", 8),
        (AIA.UnionHarmonisationAct, "annex-i", 20),
        (AIA.AnnexISection, "annex-i", 2),
        (AIA.ProhibitedPractice, "prohibited-practices", 8),
        (AIA.CriminalOffence, "annex-ii", 16),
        (AIA.LawEnforcementObjective, "prohibited-practices", 3),
        (AIA.PracticeCondition, "prohibited-practices", 4),
        (AIA.HighRiskDerogationCondition, "art-6-3-conditions", 4),
        (AIA.DerogationOverride, "art-6-3-conditions", 1),
        (AIA.TransparencyCase, "transparency-cases", 6),
        (AIA.SystemicRiskCriterion, "annex-xiii", 7),
    ],
    ids=lambda value: value.split("#")[-1] if isinstance(value, str) else str(value),
)
def test_counts(cls: URIRef, scheme: str, expected: int) -> None:
    graph = schemes_graph()
    assert len(typed(graph, cls, scheme)) == expected
    assert len(typed(graph, cls)) == expected  # no stray instances in other schemes


def test_annex_iii_use_case_iris() -> None:
    graph = schemes_graph()
    letters = {1: "abc", 3: "abcd", 4: "ab", 5: "abcd", 6: "abcde", 7: "abcd", 8: "ab"}
    expected = {AIAC[f"annex-iii-{n}{x}"] for n, xs in letters.items() for x in xs}
    expected.add(AIAC["annex-iii-2"])
    assert typed(graph, AIA.HighRiskUseCase) == expected
    assert typed(graph, AIA.HighRiskArea) == {AIAC[f"annex-iii-{n}"] for n in range(1, 9)}
    # point 2 is both the area and its single use case
    assert (AIAC["annex-iii-2"], RDF.type, AIA.HighRiskArea) in graph
    for use_case in expected - {AIAC["annex-iii-2"]}:
        area = AIAC["annex-iii-" + re.sub(r"[a-z]$", "", str(use_case).rsplit("-", 1)[-1])]
        assert broader_of(graph, use_case) == {area}, use_case


def test_annex_i_sections() -> None:
    graph = schemes_graph()
    acts = typed(graph, AIA.UnionHarmonisationAct)
    assert acts == {AIAC[f"annex-i-{i:02d}"] for i in range(1, 21)}
    section_a, section_b = AIAC["annex-i-section-a"], AIAC["annex-i-section-b"]
    in_a = {a for a in acts if graph.value(a, AIA.inAnnexISection) == section_a}
    in_b = {a for a in acts if graph.value(a, AIA.inAnnexISection) == section_b}
    assert len(in_a) == 12
    assert len(in_b) == 8
    assert in_a == {AIAC[f"annex-i-{i:02d}"] for i in range(1, 13)}
    for act in acts:
        assert broader_of(graph, act) == {graph.value(act, AIA.inAnnexISection)}
        assert graph.value(act, AIA.actIdentifier) is not None
        assert graph.value(act, AIA.shortName) is not None
    assert graph.value(AIAC["annex-i-01"], AIA.actIdentifier) == Literal("Directive 2006/42/EC")
    point_20 = str(graph.value(AIAC["annex-i-20"], SKOS.definition))
    assert "unmanned aircraft" in point_20
    assert URIRef(PROVISION_BASE + "art_2.par_2") in set(
        graph.objects(section_b, AIA.sourceProvision)
    )


def test_systemic_risk_taxonomy_shape() -> None:
    graph = schemes_graph()
    scheme = AIAC["systemic-risk-taxonomy"]
    tops = set(graph.subjects(SKOS.topConceptOf, scheme))
    assert tops == {AIAC["sr-types"], AIAC["sr-nature"], AIAC["sr-sources"]}
    types = set(graph.subjects(SKOS.broader, AIAC["sr-types"]))
    assert len(types) == 6
    assert AIAC["sr-type-cyber-offence"] in types
    dimensions = set(graph.subjects(SKOS.broader, AIAC["sr-nature"]))
    assert len(dimensions) == 8
    assert AIAC["sr-nature-velocity"] in dimensions
    for dimension in dimensions:
        assert len(set(graph.subjects(SKOS.broader, dimension))) >= 2, dimension
    groups = set(graph.subjects(SKOS.broader, AIAC["sr-sources"]))
    assert groups == {
        AIAC["sr-source-capabilities"],
        AIAC["sr-source-propensities"],
        AIAC["sr-source-affordances"],
    }
    for group in groups:
        assert set(graph.subjects(SKOS.broader, group)), group
    for concept in our_concepts(graph):
        if (concept, SKOS.inScheme, scheme) in graph:
            assert (concept, RDF.type, AIA.SystemicRiskConcept) in graph, concept
    assert graph.value(scheme, DCTERMS.source) is not None


# --- every concept -----------------------------------------------------------------------------


def _all_concepts() -> Iterator[URIRef]:
    yield from concepts(schemes_graph())


@pytest.mark.parametrize("concept", list(_all_concepts()), ids=lambda c: str(c).rsplit("/", 1)[-1])
def test_concept_is_complete(concept: URIRef) -> None:
    graph = schemes_graph()
    labels = list(graph.objects(concept, SKOS.prefLabel))
    english = [lbl for lbl in labels if isinstance(lbl, Literal) and lbl.language == "en"]
    assert len(english) == 1, f"{concept}: {labels}"
    definitions = list(graph.objects(concept, SKOS.definition))
    assert definitions, concept
    assert all(str(d)[:1].isupper() for d in definitions), concept
    provisions = list(graph.objects(concept, AIA.sourceProvision))
    assert provisions, concept
    for provision in provisions:
        assert isinstance(provision, URIRef), provision
        assert str(provision).startswith(PROVISION_BASE), provision
    schemes = list(graph.objects(concept, SKOS.inScheme))
    assert schemes, concept
    assert all((s, RDF.type, SKOS.ConceptScheme) in graph for s in schemes), concept
    tops = set(graph.objects(concept, SKOS.topConceptOf))
    assert tops or broader_of(graph, concept), concept
    assert tops <= set(schemes), concept
    for parent in broader_of(graph, concept):
        assert (parent, RDF.type, SKOS.Concept) in graph, f"{concept} -> {parent}"
        assert set(graph.objects(parent, SKOS.inScheme)) & set(schemes), f"{concept} -> {parent}"


def test_our_concepts_have_a_notation() -> None:
    # required in the schemes of this module; other scheme files may omit it
    graph = schemes_graph()
    missing = [c for c in our_concepts(graph) if graph.value(c, SKOS.notation) is None]
    assert not missing, missing


def test_our_concepts_have_rdfs_label_equal_to_pref_label() -> None:
    graph = schemes_graph()
    for concept in our_concepts(graph):
        assert set(graph.objects(concept, RDFS.label)) == set(
            graph.objects(concept, SKOS.prefLabel)
        ), concept


def test_provision_iris_follow_conventions() -> None:
    graph = schemes_graph()
    bad = []
    for subject, provision in graph.subject_objects(AIA.sourceProvision):
        local = str(provision).removeprefix(PROVISION_BASE)
        if not str(provision).startswith(PROVISION_BASE) or not PROVISION_LOCAL_NAME.match(local):
            bad.append((subject, provision))
    assert not bad, bad


def test_citations_are_canonical_and_match_a_source_provision() -> None:
    graph = schemes_graph()
    problems = []
    for concept in our_concepts(graph):
        citations = list(graph.objects(concept, AIA.citation))
        if len(citations) != 1:
            problems.append((concept, "needs exactly one aia:citation"))
            continue
        citation = str(citations[0])
        if format_citation(parse_citation(citation)) != citation:
            problems.append((concept, f"citation {citation!r} is not in the canonical form"))
        sources = {str(p) for p in graph.objects(concept, AIA.sourceProvision)}
        if not sources & set(candidate_iris(citation)):
            problems.append((concept, f"citation {citation!r} names none of {sorted(sources)}"))
    assert not problems, problems


def test_no_broader_cycles() -> None:
    graph = schemes_graph()
    for start in concepts(graph):
        seen: set[URIRef] = set()
        frontier = broader_of(graph, start)
        while frontier:
            assert start not in frontier, f"skos:broader cycle through {start}"
            seen |= frontier
            frontier = {b for f in frontier for b in broader_of(graph, f)} - seen


# --- legal content -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("point", "exclusion"),
    [
        ("annex-iii-1a", "annex-iii-1a-exclusion-verification"),
        ("annex-iii-5b", "annex-iii-5b-exclusion-financial-fraud"),
        ("annex-iii-7d", "annex-iii-7d-exclusion-travel-documents"),
        ("annex-iii-8b", "annex-iii-8b-exclusion-not-directly-exposed"),
    ],
)
def test_annex_iii_exclusions(point: str, exclusion: str) -> None:
    graph = schemes_graph()
    assert (AIAC[point], AIA.hasExclusion, AIAC[exclusion]) in graph
    assert (AIAC[exclusion], RDF.type, AIA.UseCaseExclusion) in graph


def test_only_the_four_annex_iii_exclusions() -> None:
    graph = schemes_graph()
    assert len(typed(graph, AIA.UseCaseExclusion)) == 4
    assert len(set(graph.subject_objects(AIA.hasExclusion))) == 4


def test_annex_iii_conditions() -> None:
    graph = schemes_graph()
    conditioned = {a for a in typed(graph, AIA.HighRiskArea) if graph.value(a, AIA.areaCondition)}
    assert conditioned == {AIAC["annex-iii-1"], AIAC["annex-iii-6"], AIAC["annex-iii-7"]}
    public = {
        c
        for c in typed(graph, AIA.HighRiskUseCase)
        if graph.value(c, AIA.isPublicAuthorityUseCase) == Literal(True)
    }
    expected = {AIAC["annex-iii-5a"]}
    expected |= {AIAC[f"annex-iii-6{x}"] for x in "abcde"}
    expected |= {AIAC[f"annex-iii-7{x}"] for x in "abcd"}
    assert public == expected
    with_user_condition = {
        c for c in typed(graph, AIA.HighRiskUseCase) if graph.value(c, AIA.useCondition)
    }
    assert with_user_condition == expected | {AIAC["annex-iii-8a"]}


def test_prohibited_practices_structure() -> None:
    graph = schemes_graph()
    practices = typed(graph, AIA.ProhibitedPractice)
    assert practices == {AIAC[f"art-5-1-{x}"] for x in "abcdefgh"}
    h = AIAC["art-5-1-h"]
    objectives = {AIAC[f"art-5-1-h-{r}"] for r in ("i", "ii", "iii")}
    assert typed(graph, AIA.LawEnforcementObjective) == objectives
    assert set(graph.objects(h, AIA.hasException)) == objectives
    for objective in objectives:
        assert (objective, RDF.type, AIA.PracticeException) in graph
    iii = AIAC["art-5-1-h-iii"]
    assert (iii, AIA.requiresOffenceFrom, AIAC["annex-ii"]) in graph
    assert graph.value(iii, AIA.minimumCustodialSentenceYears) == Literal(4)
    assert set(graph.objects(h, AIA.hasCondition)) == typed(graph, AIA.PracticeCondition)
    deadline = graph.value(AIAC["art-5-3-prior-authorisation"], AIA.deadline)
    assert deadline == Literal("PT24H", datatype=XSD.duration)
    exceptions = {
        letter: set(graph.objects(AIAC[f"art-5-1-{letter}"], AIA.hasException))
        for letter in "abcdefg"
    }
    assert {k: len(v) for k, v in exceptions.items()} == {
        "a": 0,
        "b": 0,
        "c": 0,
        "d": 1,
        "e": 0,
        "f": 1,
        "g": 2,
    }
    assert AIAC["art-5-1-d-exception-objective-facts"] in exceptions["d"]
    assert "use" in str(graph.value(h, SKOS.definition)).lower()


def test_annex_ii_offences() -> None:
    graph = schemes_graph()
    offences = typed(graph, AIA.CriminalOffence)
    assert offences == {AIAC[f"annex-ii-{i:02d}"] for i in range(1, 17)}
    for i in range(1, 17):
        concept = AIAC[f"annex-ii-{i:02d}"]
        assert graph.value(concept, SKOS.notation) == Literal(str(i))
        assert URIRef(f"{PROVISION_BASE}anx_II.pnt_{i}") in set(
            graph.objects(concept, AIA.sourceProvision)
        )


def test_art_6_3_conditions() -> None:
    graph = schemes_graph()
    assert typed(graph, AIA.HighRiskDerogationCondition) == {AIAC[f"art-6-3-{x}"] for x in "abcd"}
    override = AIAC["art-6-3-profiling-override"]
    assert URIRef(PROVISION_BASE + "art_6.par_3.sub_3") in set(
        graph.objects(override, AIA.sourceProvision)
    )
    scheme_sources = set(graph.objects(AIAC["art-6-3-conditions"], AIA.sourceProvision))
    assert URIRef(PROVISION_BASE + "art_6.par_3.sub_1") in scheme_sources


def test_transparency_cases() -> None:
    graph = schemes_graph()
    provider, deployer = AIAC["role-provider"], AIAC["role-deployer"]
    expected = {
        "art-50-1": provider,
        "art-50-2": provider,
        "art-50-3-emotion-recognition": deployer,
        "art-50-3-biometric-categorisation": deployer,
        "art-50-4-deep-fake": deployer,
        "art-50-4-public-interest-text": deployer,
    }
    assert typed(graph, AIA.TransparencyCase) == {AIAC[name] for name in expected}
    for name, role in expected.items():
        case = AIAC[name]
        assert graph.value(case, AIA.bearerRole) == role, name
        exceptions = set(graph.objects(case, AIA.hasException))
        assert exceptions, name
        for exception in exceptions:
            assert (exception, RDF.type, AIA.TransparencyException) in graph
    assert URIRef(PROVISION_BASE + "art_50.par_4.sub_2") in set(
        graph.objects(AIAC["art-50-4-public-interest-text"], AIA.sourceProvision)
    )


def test_annex_xiii_criteria() -> None:
    graph = schemes_graph()
    assert typed(graph, AIA.SystemicRiskCriterion) == {AIAC[f"annex-xiii-{x}"] for x in "abcdefg"}
    f = AIAC["annex-xiii-f"]
    assert graph.value(f, AIA.presumptionThreshold) == Literal(10000)
    assert str(graph.value(f, AIA.thresholdUnit)) == (
        "registered business users established in the Union"
    )
