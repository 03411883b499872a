"""DPV/AIRO out: ``assess --format dpv`` on every example uses only terms that exist in the
pinned copies of DPV 2.3 (core, eu-aiact, ai, legal-eu), AIRO and VAIR, each according to its
declared domain and range (rdfs:domain/range, or DPV's dcam/schema domainIncludes/rangeIncludes;
an owl:unionOf is satisfied by any member), with types closed under the pinned rdfs:subClassOf."""

from __future__ import annotations

import datetime
from functools import cache
from pathlib import Path

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS
from rdflib.term import Node

from aiact_kg.assessment import assess_documents
from aiact_kg.reasoning.dpv_output import dpv_turtle
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.resources import external_vocabularies
from aiact_kg.submission.reading import read_rdf_file

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(
    p
    for p in (REPO_ROOT / "examples" / "submissions").rglob("*")
    if p.is_file() and p.name != "README.md"
)
DCAM = Namespace("http://purl.org/dc/dcam/")
SCHEMA = Namespace("https://schema.org/")
DPV = "https://w3id.org/dpv#"
# The one declared domain our output does not meet, reviewed: DPV core declares dpv:hasObligation
# with dcam:domainIncludes dpv:Context, its "catch-all concept" for context, and nothing else. We
# state a party's obligations on the party (typed with the eu-aiact/AIRO role class, a
# tech:Provider or airo:Stakeholder, never a dpv:Context). DPV reads domainIncludes as a
# suggestion: its own example E0061 (DPV 2.3 examples) states dpv:hasObligation on a dpv:Process,
# which is not a dpv:Context either. The range (dpv:Obligation) is met: each obligation is typed so.
REVIEWED_DOMAINS = {(URIRef(DPV + "hasObligation"), frozenset({URIRef(DPV + "Context")}))}
OURS = ("https://w3id.org/aiact-kg/", "https://example.org/", "http://www.w3.org/")


@cache
def pinned() -> tuple[Graph, tuple[str, ...]]:
    graph = Graph()
    namespaces = []
    for vocabulary in external_vocabularies():
        if "eli" in vocabulary.name:
            continue
        graph.parse(vocabulary.path, format=vocabulary.rdf_format)
        namespaces.append(vocabulary.namespace)
    return graph, tuple(namespaces)


def _classes(graph: Graph, node: Node | None) -> set[URIRef]:
    """The named classes a domain/range node stands for (members of an owl:unionOf)."""
    if node is None:
        return set()
    union = graph.value(node, OWL.unionOf)
    if union is not None:
        return {c for c in Collection(graph, union) if isinstance(c, URIRef)}
    return {node} if isinstance(node, URIRef) else set()


def _declared(graph: Graph, prop: Node, which: str) -> set[URIRef]:
    predicates = (
        (RDFS.domain, DCAM.domainIncludes, SCHEMA.domainIncludes)
        if which == "domain"
        else (RDFS.range, DCAM.rangeIncludes, SCHEMA.rangeIncludes)
    )
    return {c for p in predicates for n in graph.objects(prop, p) for c in _classes(graph, n)}


def _types(graph: Graph, output: Graph, node: Node) -> set[URIRef]:
    direct = set(output.objects(node, RDF.type)) | set(graph.objects(node, RDF.type))
    closed: set[URIRef] = set()
    todo = [t for t in direct if isinstance(t, URIRef)]
    while todo:
        cls = todo.pop()
        if cls not in closed:
            closed.add(cls)
            todo += [s for s in graph.objects(cls, RDFS.subClassOf) if isinstance(s, URIRef)]
    return closed


@pytest.fixture(scope="module")
def output() -> Graph:
    documents = [read_rdf_file(path) for path in EXAMPLES]
    report = assess_documents(documents, AssessmentOptions(as_of=datetime.date(2026, 11, 30)))
    assert report.data["valid"]
    graph = Graph()
    graph.parse(data=dpv_turtle(report.data), format="turtle")
    return graph


def test_output_states_every_subject(output: Graph) -> None:
    subjects = {s for s in output.subjects(RDF.type, None)}
    assert len(subjects) > len(EXAMPLES)
    eu = Namespace("https://w3id.org/dpv/legal/eu/aiact#")
    airo = Namespace("https://w3id.org/airo#")
    assert any(output.triples((None, RDF.type, eu.HighRiskAISystem)))
    assert any(output.triples((None, eu.hasRiskLevel, eu.RiskLevelMinimal)))
    assert any(output.triples((None, airo.isProvidedBy, None)))
    assert any(output.triples((None, airo.isDeployedBy, None)))
    assert any(output.triples((None, URIRef(DPV + "hasObligation"), None)))
    for obligation in output.objects(None, URIRef(DPV + "hasObligation")):
        assert (obligation, RDF.type, URIRef(DPV + "Obligation")) in output


def test_systemic_risk_is_told_apart(output: Graph) -> None:
    """A model with systemic risk is a eu-aiact:GPAIModel of our own subclass (DPV has none)."""
    eu = Namespace("https://w3id.org/dpv/legal/eu/aiact#")
    ours = URIRef("https://w3id.org/aiact-kg/ontology#GeneralPurposeAIModelWithSystemicRisk")
    atlas = URIRef("https://example.org/atlas-ai/atlas-3")
    assert (atlas, RDF.type, ours) in output
    assert (atlas, RDF.type, eu.GPAIModel) in output
    plain = set(output.subjects(RDF.type, eu.GPAIModel)) - set(output.subjects(RDF.type, ours))
    assert plain, "no general-purpose AI model without systemic risk among the examples"


def test_a_system_has_one_of_high_and_not_high(output: Graph) -> None:
    """DPV's transparency level is for a system "not high-risk": a high-risk system with Art 50
    duties keeps its high level alone (an outside check found both on one system)."""
    eu = Namespace("https://w3id.org/dpv/legal/eu/aiact#")
    high = set(output.subjects(eu.hasRiskLevel, eu.RiskLevelHigh))
    transparency = set(output.subjects(eu.hasRiskLevel, eu.RiskLevelTransparencyRequired))
    worker = URIRef("https://example.org/calmwatch/operator-monitor")
    assert worker in high  # high-risk, with Art 50(3) duties (emotion recognition)
    assert transparency, "no system with a transparency level only among the examples"
    assert not high & transparency


def test_every_term_exists_in_pinned_copies(output: Graph) -> None:
    graph, namespaces = pinned()
    assert DPV in namespaces  # DPV core is checked like the extensions, not trusted
    terms = {t for triple in output for t in triple if isinstance(t, URIRef)}
    unknown = []
    for term in sorted(terms):
        if str(term).startswith(namespaces):
            if (term, None, None) not in graph:
                unknown.append(term)
        elif not str(term).startswith(OURS):
            unknown.append(term)
    assert unknown == []
    for cls in set(output.objects(None, RDF.type)):
        if str(cls).startswith(namespaces):
            assert {RDFS.Class, OWL.Class} & set(graph.objects(cls, RDF.type)), cls


def _problems(output: Graph, reviewed: set[tuple[URIRef, frozenset[URIRef]]]) -> list[str]:
    graph, namespaces = pinned()
    problems = []
    for s, p, o in output:
        if p == RDF.type or not str(p).startswith(namespaces):
            continue
        domain, range_ = _declared(graph, p, "domain"), _declared(graph, p, "range")
        waived = (p, frozenset(domain)) in reviewed
        if domain and not domain & _types(graph, output, s) and not waived:
            problems.append(f"{s} {p}: subject is none of {sorted(domain)}")
        if range_ and isinstance(o, URIRef) and not range_ & _types(graph, output, o):
            problems.append(f"{p} {o}: object is none of {sorted(range_)}")
    return problems


def test_domain_and_range_respected(output: Graph) -> None:
    assert _problems(output, REVIEWED_DOMAINS) == []


def test_the_reviewed_domain_is_what_dpv_declares_and_is_needed(output: Graph) -> None:
    """The exception stays exact: DPV still declares that domain, and without it the check fails
    on our hasObligation statements only (an upgrade of DPV or of the output shows up here)."""
    graph, _ = pinned()
    for prop, domain in REVIEWED_DOMAINS:
        assert frozenset(_declared(graph, prop, "domain")) == domain
    unreviewed = _problems(output, set())
    assert unreviewed
    assert all(f" {DPV}hasObligation: subject is none of" in problem for problem in unreviewed)


def test_domain_and_range_check_catches_misuse(output: Graph) -> None:
    eu = Namespace("https://w3id.org/dpv/legal/eu/aiact#")
    airo = Namespace("https://w3id.org/airo#")
    wrong = Graph()
    model, party = URIRef("https://example.org/m"), URIRef("https://example.org/p")
    wrong.add((model, RDF.type, eu.GPAIModel))
    wrong.add((model, eu.hasRiskLevel, eu.RiskLevelHigh))  # domain: AI systems only
    wrong.add((URIRef("https://example.org/s"), airo.isProvidedBy, party))  # untyped subject
    obligation = URIRef("https://w3id.org/aiact-kg/obligation/x")
    wrong.add((party, URIRef(DPV + "hasObligation"), obligation))  # object not a dpv:Obligation
    assert len(_problems(wrong, REVIEWED_DOMAINS)) == 4
    wrong.add((obligation, RDF.type, URIRef(DPV + "Obligation")))
    assert len(_problems(wrong, REVIEWED_DOMAINS)) == 3


TWO_SYSTEMS = """
@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix aiac: <https://w3id.org/aiact-kg/concept/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix t: <https://example.org/t/> .
t:cv a aia:AISystem ; aia:hasProvider t:acme ; aia:hasDeployer t:acme ;
  aia:intendedPurpose aiac:annex-iii-4a ; aia:interactsWithNaturalPersons false ;
  aia:placedOnMarketOn "2026-10-01"^^xsd:date .
t:spam a aia:AISystem ; aia:hasProvider t:acme ; aia:intendedPurpose aiac:purpose-spam-filtering ;
  aia:interactsWithNaturalPersons false ; aia:placedOnMarketOn "2026-01-10"^^xsd:date .
t:acme a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME false .
"""


def test_each_assessed_obligation_is_a_node_of_its_own(tmp_path: Path) -> None:
    """A party's duties for two systems stay apart, each with its subject, its day and whether it
    is in force (an outside check found them merged on the party with no date: the provider of a
    high-risk and a minimal-risk system had the high-risk duties for both)."""
    path = tmp_path / "two-systems.ttl"
    path.write_text(TWO_SYSTEMS, encoding="utf-8")
    report = assess_documents(
        [read_rdf_file(path)], AssessmentOptions(as_of=datetime.date(2026, 11, 30))
    )
    assert report.data["valid"], report.data["violations"]
    graph = Graph()
    graph.parse(data=dpv_turtle(report.data), format="turtle")
    aia = Namespace("https://w3id.org/aiact-kg/ontology#")
    acme, spam = URIRef("https://example.org/t/acme"), URIRef("https://example.org/t/spam")
    duties = list(graph.objects(acme, URIRef(DPV + "hasObligation")))
    expected = {
        (s["iri"], item["id"])
        for s in report.data["subjects"]
        for item in s["obligations"]
        if item["bearer"] == str(acme)
    }

    def key(duty: Node) -> tuple[str, str]:
        """(subject, catalogue obligation id) of a duty node."""
        obligation = str(graph.value(duty, aia.obligation)).rsplit("/", 1)[1]
        return str(graph.value(duty, aia.obligationFor)), obligation

    found = {key(d) for d in duties}
    assert found == expected
    spam_duties = {o for s, o in found if s == str(spam)}
    assert spam_duties
    assert all(o.startswith("art-4-") for o in spam_duties)
    by_id = {
        (s["iri"], item["id"]): item for s in report.data["subjects"] for item in s["obligations"]
    }
    for duty in duties:
        item = by_id[key(duty)]
        assert graph.value(duty, aia.inForce).toPython() is item["in_force"]
        assert str(graph.value(duty, aia.effectiveFrom)) == str(item["applies_from"])
        assert (graph.value(duty, RDFS.comment) is not None) == bool(item.get("condition"))
    assert any(not item["in_force"] for item in by_id.values())


PARTIES = """@prefix aia: <https://w3id.org/aiact-kg/ontology#> .
@prefix aiac: <https://w3id.org/aiact-kg/concept/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix t: <https://example.org/t/> .
t:spam a aia:AISystem ; aia:hasProvider t:filterco ; aia:hasImporter t:imports ;
  aia:intendedPurpose aiac:purpose-spam-filtering ; aia:interactsWithNaturalPersons false ;
  aia:placedOnMarketOn "2026-09-01"^^xsd:date .
t:triage a aia:AISystem ; aia:hasProvider t:medsoft ; aia:hasDistributor t:resell ;
  aia:hasDeployer t:ambulance ; aia:intendedPurpose aiac:annex-iii-5d ;
  aia:interactsWithNaturalPersons false ; aia:placedOnMarketOn "2026-09-01"^^xsd:date ;
  aia:hasValueChainEvent [ a aia:SubstantialModification ; aia:byOperator t:resell ;
                           aia:eventDate "2026-10-15"^^xsd:date ] .
t:screener a aia:AISystem ; aia:basedOnModel t:model ; aia:hasProvider t:hrco ;
  aia:intendedPurpose aiac:annex-iii-4a ; aia:interactsWithNaturalPersons false ;
  aia:placedOnMarketOn "2026-09-01"^^xsd:date .
t:model a aia:GeneralPurposeAIModel ; aia:hasProvider t:lab ; aia:trainingComputeFLOP 5.0e24 ;
  aia:freeAndOpenSourceLicence false ; aia:placedOnMarketOn "2025-09-01"^^xsd:date .
t:helper a aia:AISystem ; aia:basedOnModel t:model ; aia:hasProvider t:hrco ;
  aia:intendedPurpose aiac:purpose-spam-filtering ; aia:interactsWithNaturalPersons false ;
  aia:placedOnMarketOn "2026-09-01"^^xsd:date .
t:hrco a aia:LegalPerson ; aia:establishedIn "NL" ; aia:isSME false .
t:lab a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .
t:filterco a aia:LegalPerson ; aia:establishedIn "US" ; aia:isSME false .
t:imports a aia:LegalPerson ; aia:establishedIn "NL" ; aia:isSME false .
t:medsoft a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .
t:resell a aia:LegalPerson ; aia:establishedIn "BE" ; aia:isSME true .
t:ambulance a aia:LegalPerson ; aia:establishedIn "BE" ;
  aia:isPrivateEntityProvidingPublicServices true .
"""


def test_parties_are_stated_with_the_roles_they_hold_on_the_date(tmp_path: Path) -> None:
    """Every party with a role is in the output, with or without duties, and a provider an Art
    25(1) event replaced is no longer stated as the provider (an outside check found an importer
    without duties left out, and a former provider linked as the provider through its Art 25(2)
    duties)."""
    path = tmp_path / "parties.ttl"
    path.write_text(PARTIES, encoding="utf-8")
    options = AssessmentOptions(as_of=datetime.date(2026, 11, 22), law="as-published")
    report = assess_documents([read_rdf_file(path)], options)
    assert report.data["valid"], report.data["violations"]
    t = "https://example.org/t/"
    parties = {s["iri"]: s["parties"] for s in report.data["subjects"]}
    assert {"iri": t + "imports", "role": "importer"} in parties[t + "spam"]
    assert {"iri": t + "medsoft", "role": "provider", "status": "former"} in parties[t + "triage"]
    assert {"iri": t + "resell", "role": "provider"} in parties[t + "triage"]
    # the model's provider bears Art 25(4) for the system built on it, as a third party
    third = {"iri": t + "lab", "role": "provider", "status": "third-party"}
    assert parties[t + "screener"] == [{"iri": t + "hrco", "role": "provider"}, third]
    # not for a system that is not high-risk, which owes no Art 25(4) agreement
    assert parties[t + "helper"] == [{"iri": t + "hrco", "role": "provider"}]
    duties = {
        (s["iri"], item["bearer"]) for s in report.data["subjects"] for item in s["obligations"]
    }
    assert (t + "spam", t + "imports") not in duties  # an importer of a minimal-risk system
    assert (t + "triage", t + "medsoft") in duties  # Art 25(2): cooperate
    assert (t + "screener", t + "lab") in duties  # Art 25(4): the model supplier's agreement
    graph = Graph()
    graph.parse(data=dpv_turtle(report.data), format="turtle")
    airo = Namespace("https://w3id.org/airo#")
    assert (URIRef(t + "spam"), airo.hasStakeholder, URIRef(t + "imports")) in graph
    assert (
        URIRef(t + "imports"),
        RDF.type,
        URIRef("https://w3id.org/dpv/legal/eu/aiact#AIImporter"),
    ) in graph
    assert (URIRef(t + "triage"), airo.isProvidedBy, URIRef(t + "resell")) in graph
    assert (URIRef(t + "triage"), airo.isProvidedBy, URIRef(t + "medsoft")) not in graph
    assert (URIRef(t + "screener"), airo.isProvidedBy, URIRef(t + "lab")) not in graph
    assert (URIRef(t + "model"), airo.isProvidedBy, URIRef(t + "lab")) in graph
    assert list(graph.objects(URIRef(t + "medsoft"), URIRef(DPV + "hasObligation")))
