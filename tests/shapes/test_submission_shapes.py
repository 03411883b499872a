"""Fixture-driven tests of the submission shapes (``shapes/submission.shapes.ttl``).

Every node shape ``aiash:<Name>`` has a directory ``submission/<Name>/`` holding

* ``valid.ttl`` (and optionally ``valid-2.ttl`` ...): a description the shape is applied to (its
  target selects a focus node) that raises no result from that shape;
* ``invalid.ttl`` (and optionally ``invalid-2.ttl`` ...): descriptions that raise results from it;
* ``expected.yaml``: the results of that shape on the invalid fixtures, a list of
  ``{file, severity, path, legal_basis}`` compared per file as a multiset. ``path`` is compact
  (``aia:practiceArea``) or null, ``legal_basis`` lists citations as the validator prints them.

Results of other shapes are ignored. Every fixture test must pass: there is no list of known
defects and no expected failure.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import pytest
import yaml
from pyshacl import validate as shacl_validate
from pyshacl.entrypoints import meta_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH
from rdflib.term import Node

from aiact_kg import resources
from aiact_kg.legal.citation import citation_for_iri
from aiact_kg.namespaces import ONTOLOGY, PREFIXES
from aiact_kg.submission.reading import read_rdf_file, submission_base_iri
from aiact_kg.submission.validation import Finding, SubmissionValidator

SHAPES_FILE = resources.data_dir("shapes") / "submission.shapes.ttl"
SHAPES_NS = "https://w3id.org/aiact-kg/shapes/submission#"
FIXTURES = Path(__file__).resolve().parent / "submission"
LEGAL_TEXT_FILE = resources.data_dir("legal-text") / "aiact-2024-1689.ttl"

SOURCE_PROVISION = URIRef(ONTOLOGY + "sourceProvision")
CITATION = URIRef(ONTOLOGY + "citation")
SEVERITIES = {SH.Violation: "violation", SH.Warning: "warning", SH.Info: "info"}
VALID_NAME = re.compile(r"^valid(-\d+)?\.ttl$")
INVALID_NAME = re.compile(r"^invalid(-\d+)?\.ttl$")
EXPECTED_KEYS = {"file", "severity", "path", "legal_basis"}
# Shapes whose SPARQL target holds the whole condition (run once over the graph, where pyshacl
# ran a SPARQL constraint once per focus node): their valid fixtures are near misses, naming
# the role and a provider, that the target rightly leaves out.
CONDITION_IN_TARGET = {
    "RepresentativeOfUnionProvider": URIRef(ONTOLOGY + "hasAuthorisedRepresentative"),
    "ImporterOfUnionProvider": URIRef(ONTOLOGY + "hasImporter"),
    "ImporterAlsoDistributor": URIRef(ONTOLOGY + "hasDistributor"),
    "ProviderAlsoImporterOrDistributor": URIRef(ONTOLOGY + "hasDistributor"),
    "PurposeChangeByOneOfSeveralDeployers": URIRef(ONTOLOGY + "hasValueChainEvent"),
    "PartyFactForEverySystem": URIRef(ONTOLOGY + "hasDeployer"),
    "ThirdPartyAssessmentContradicted": URIRef(ONTOLOGY + "thirdPartyAssessmentUnder"),
    "ThirdPartyAssessmentActNotLinked": URIRef(ONTOLOGY + "thirdPartyAssessmentUnder"),
    "AnnexIFactsOfSystem": URIRef(ONTOLOGY + "productUnder"),
    "LawEnforcementAuthorisationForEveryUse": URIRef(ONTOLOGY + "hasDeployer"),
    "RealTimeIdentificationByLawEnforcementAuthority": URIRef(ONTOLOGY + "hasDeployer"),
    "SectionBProductPractice": URIRef(ONTOLOGY + "engagesIn"),
    "AuthorisedRepresentativeInUnion": URIRef(ONTOLOGY + "hasAuthorisedRepresentative"),
    "ImporterInUnion": URIRef(ONTOLOGY + "hasImporter"),
    "EventBeforePlacing": URIRef(ONTOLOGY + "hasValueChainEvent"),
    "ThresholdKnownAfterPlacing": URIRef(ONTOLOGY + "thresholdKnownOn"),
    "ThresholdKnownCompute": URIRef(ONTOLOGY + "thresholdKnownOn"),
    "ThresholdEventAfterPlacing": URIRef(ONTOLOGY + "hasProcedureEvent"),
    "ComputeOfModelNotGeneralPurpose": URIRef(ONTOLOGY + "trainingComputeFLOP"),
    "PlannedComputeOfPlacedModel": URIRef(ONTOLOGY + "plannedTrainingComputeFLOP"),
    "ThresholdEventNotAbove": URIRef(ONTOLOGY + "hasProcedureEvent"),
    "ArgumentsAfterNotification": URIRef(ONTOLOGY + "hasProcedureEvent"),
    "AcceptanceWithoutArguments": URIRef(ONTOLOGY + "hasProcedureEvent"),
    "ReassessmentWithoutDesignation": URIRef(ONTOLOGY + "hasProcedureEvent"),
    "ProductManufacturerWithoutSafetyComponent": URIRef(ONTOLOGY + "hasProductManufacturer"),
    "PersonalCapacityAtWork": URIRef(ONTOLOGY + "hasDeployer"),
    "EmploymentSystemAtWork": URIRef(ONTOLOGY + "usedAtWorkplace"),
    "LawEnforcementAuthorityFinedAsUndertaking": URIRef(ONTOLOGY + "hasDeployer"),
    "ProviderStepByAnotherParty": URIRef(ONTOLOGY + "hasProcedureEvent"),
    "RemoteIdentificationUseByLawEnforcement": URIRef(ONTOLOGY + "hasDeployer"),
    "CommissionStepBeforeChapterV": URIRef(ONTOLOGY + "hasProcedureEvent"),
}
# predicates of a node shape that are not constraints of its own
_NON_CONSTRAINTS = {
    RDF.type,
    SH.property,
    SH.severity,
    SH.message,
    SH.deactivated,
    SH.target,
    SH.targetClass,
    SH.targetNode,
    SH.targetSubjectsOf,
    SH.targetObjectsOf,
}
_TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf, SH.target)

ResultKey = tuple[str, str | None, tuple[str, ...]]  # severity, compact path, legal basis

# ---------------------------------------------------------------- discovery


def _load_shapes() -> Graph:
    graph = Graph()
    graph.parse(SHAPES_FILE, format="turtle")
    return graph


SHAPES = _load_shapes()
SHAPE_NAMES: list[str] = sorted(
    str(node)[len(SHAPES_NS) :]
    for node in SHAPES.subjects(RDF.type, SH.NodeShape)
    if isinstance(node, URIRef) and str(node).startswith(SHAPES_NS)
)


def _shape_iri(name: str) -> URIRef:
    return URIRef(SHAPES_NS + name)


def _fixture_files(pattern: re.Pattern[str]) -> list[tuple[str, str]]:
    return [
        (name, path.name)
        for name in SHAPE_NAMES
        if (FIXTURES / name).is_dir()
        for path in sorted((FIXTURES / name).iterdir())
        if pattern.match(path.name)
    ]


def _cases(pattern: re.Pattern[str]) -> list[Any]:
    return [
        pytest.param(shape, file, id=f"{shape}/{file}") for shape, file in _fixture_files(pattern)
    ]


def _property_shapes(shape: Node) -> list[Node]:
    return list(SHAPES.objects(shape, SH.property))


# ---------------------------------------------------------------- helpers


def _compact(iri: str | None) -> str | None:
    if iri is None:
        return None
    for prefix, namespace in sorted(PREFIXES.items(), key=lambda item: -len(item[1])):
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


def _findings(validator: SubmissionValidator, shape: str, file: str) -> list[Finding]:
    path = FIXTURES / shape / file
    report = validator.validate([read_rdf_file(path, name=file)])
    assert not report.unreadable
    return [
        finding
        for subject in report.subjects
        for finding in subject.findings
        if finding.shape == str(_shape_iri(shape))
    ]


def _describe(findings: list[Finding]) -> str:
    return "\n".join(
        f"  {f.severity} {_compact(f.path)} {f.legal_basis} focus={f.focus_node} value={f.value}"
        for f in findings
    )


def _expected(shape: str) -> list[dict[str, Any]]:
    loaded = yaml.safe_load((FIXTURES / shape / "expected.yaml").read_text(encoding="utf-8"))
    assert isinstance(loaded, list), f"{shape}/expected.yaml must hold a list"
    return loaded


def _english(values: Iterable[Node]) -> list[Literal]:
    return [v for v in values if isinstance(v, Literal) and v.language == "en"]


def _copy_description(source: Graph, target: Graph, node: Node, seen: set[Node]) -> None:
    """Copy what ``source`` says about ``node``, following blank nodes and sh:prefixes."""
    if node in seen:
        return
    seen.add(node)
    for predicate, value in source.predicate_objects(node):
        target.add((node, predicate, value))
        if isinstance(value, BNode) or predicate == SH.prefixes:
            _copy_description(source, target, value, seen)


def _probe_shapes(shape: URIRef) -> Graph:
    """A shapes graph with the targets of ``shape`` only and a constraint every node fails."""
    probe = Graph()
    seen: set[Node] = set()
    probe.add((shape, RDF.type, SH.NodeShape))
    for predicate in _TARGETS:
        for value in SHAPES.objects(shape, predicate):
            probe.add((shape, predicate, value))
            if isinstance(value, BNode):
                _copy_description(SHAPES, probe, value, seen)
    anything = BNode()
    probe.add((anything, RDF.type, SH.NodeShape))
    probe.add((shape, SH["not"], anything))  # sh:not of the empty shape: fails for every node
    return probe


# ---------------------------------------------------------------- fixtures


@pytest.fixture(scope="module")
def validator() -> SubmissionValidator:
    return SubmissionValidator()


@pytest.fixture(scope="module")
def legal_text() -> Graph:
    graph = Graph()
    graph.parse(LEGAL_TEXT_FILE, format="turtle")
    return graph


# ---------------------------------------------------------------- meta tests


def test_shapes_are_discovered() -> None:
    assert len(SHAPE_NAMES) >= 30, SHAPE_NAMES


@pytest.mark.parametrize("shape", SHAPE_NAMES)
def test_shape_has_fixtures(shape: str) -> None:
    directory = FIXTURES / shape
    assert directory.is_dir(), f"no fixture directory {directory}"
    names = {path.name for path in directory.iterdir()}
    assert "valid.ttl" in names, f"{shape}: no valid.ttl"
    invalid = {name for name in names if INVALID_NAME.match(name)}
    assert invalid, f"{shape}: no invalid*.ttl"
    assert "expected.yaml" in names, f"{shape}: no expected.yaml"
    stray = {n for n in names if not VALID_NAME.match(n)} - invalid - {"expected.yaml"}
    assert not stray, f"{shape}: unexpected files {sorted(stray)}"
    entries = _expected(shape)
    for entry in entries:
        assert isinstance(entry, dict), f"{shape}/expected.yaml: {entry!r} is not a mapping"
        assert set(entry) == EXPECTED_KEYS, f"{shape}/expected.yaml: keys of {entry!r}"
        assert entry["file"] in invalid, f"{shape}/expected.yaml names {entry['file']!r}"
        assert entry["severity"] in SEVERITIES.values(), entry
        assert entry["path"] is None or isinstance(entry["path"], str), entry
        assert isinstance(entry["legal_basis"], list), entry
        assert all(isinstance(c, str) for c in entry["legal_basis"]), entry
    covered = {entry["file"] for entry in entries}
    assert covered == invalid, f"{shape}: invalid fixtures without expected results"


def test_no_orphan_fixture_directories() -> None:
    directories = {p.name for p in FIXTURES.iterdir() if p.is_dir() and p.name != "__pycache__"}
    orphans = directories - set(SHAPE_NAMES)
    assert not orphans, f"fixture directories naming no shape: {sorted(orphans)}"


# ---------------------------------------------------------------- fixtures against shapes


@pytest.mark.parametrize(("shape", "file"), _cases(VALID_NAME))
def test_valid_fixture_raises_nothing(
    validator: SubmissionValidator, shape: str, file: str
) -> None:
    findings = _findings(validator, shape, file)
    assert not findings, f"aiash:{shape} reports on {file}:\n{_describe(findings)}"


@pytest.mark.parametrize(("shape", "file"), _cases(VALID_NAME))
def test_valid_fixture_is_targeted(validator: SubmissionValidator, shape: str, file: str) -> None:
    """The shape's target selects a node of the fixture (else "valid" would prove nothing)."""
    path = FIXTURES / shape / file
    fixture = Graph()
    fixture.parse(path, format="turtle", publicID=submission_base_iri(file))
    data = Graph()
    for triple in validator.background:
        data.add(triple)
    data += fixture
    _, results, _ = shacl_validate(
        data,
        shacl_graph=_probe_shapes(_shape_iri(shape)),
        advanced=True,
        inference="none",
        inplace=True,
    )
    mentioned = set(fixture.subjects()) | set(fixture.objects())
    focus = {node for node in results.objects(None, SH.focusNode) if node in mentioned}
    if shape in CONDITION_IN_TARGET:
        near_miss = {
            subject
            for subject in fixture.subjects(CONDITION_IN_TARGET[shape], None)
            if (subject, URIRef(ONTOLOGY + "hasProvider"), None) in fixture
        }
        assert near_miss, f"{file} names no provider and role of aiash:{shape}"
        assert not focus, f"the target of aiash:{shape} selects a node of {file}"
        return
    assert focus, f"the target of aiash:{shape} selects no node of {file}"


@pytest.mark.parametrize(("shape", "file"), _cases(INVALID_NAME))
def test_invalid_fixture_results(validator: SubmissionValidator, shape: str, file: str) -> None:
    findings = _findings(validator, shape, file)
    observed: Counter[ResultKey] = Counter(
        (f.severity, _compact(f.path), f.legal_basis) for f in findings
    )
    expected: Counter[ResultKey] = Counter(
        (e["severity"], e["path"], tuple(e["legal_basis"]))
        for e in _expected(shape)
        if e["file"] == file
    )
    assert observed, f"aiash:{shape} reports nothing on {file}"
    assert observed == expected, (
        f"aiash:{shape} on {file}\n missing: {sorted((expected - observed).elements())}"
        f"\n unexpected: {sorted((observed - expected).elements())}\n{_describe(findings)}"
    )


# ---------------------------------------------------------------- the shapes file itself


@pytest.mark.parametrize("shape", SHAPE_NAMES)
def test_shape_is_documented(shape: str) -> None:
    """English label and messages, a severity and the provisions every result rests on."""
    node = _shape_iri(shape)
    assert _english(SHAPES.objects(node, RDFS.label)), f"aiash:{shape}: no English rdfs:label"
    node_severity = list(SHAPES.objects(node, SH.severity))
    node_provisions = list(SHAPES.objects(node, SOURCE_PROVISION))
    assert all(s in SEVERITIES for s in node_severity), f"aiash:{shape}: {node_severity}"
    assert node_provisions, f"aiash:{shape}: no aia:sourceProvision on the node shape"
    own_constraints = set(SHAPES.predicates(node)) - _NON_CONSTRAINTS - {RDFS.label}
    own_constraints = {p for p in own_constraints if str(p).startswith(str(SH))}
    if own_constraints:  # results of the node shape itself need a message and a severity
        assert _english(SHAPES.objects(node, SH.message)), f"aiash:{shape}: no sh:message@en"
        assert node_severity, f"aiash:{shape}: node-level constraints without sh:severity"
    properties = _property_shapes(node)
    assert properties or own_constraints, f"aiash:{shape} constrains nothing"
    for index, prop in enumerate(properties, start=1):
        path = SHAPES.value(prop, SH.path)
        label = _compact(str(path)) if isinstance(path, URIRef) else "complex path"
        where = f"aiash:{shape} property shape {index} ({label})"
        messages = list(SHAPES.objects(prop, SH.message))
        assert _english(messages), f"{where}: no sh:message@en"
        assert len(_english(messages)) == len(messages), f"{where}: non-English message"
        severity = list(SHAPES.objects(prop, SH.severity)) or node_severity
        assert len(severity) == 1, f"{where}: sh:severity {severity}"
        assert severity[0] in SEVERITIES, f"{where}: sh:severity {severity}"
        provisions = list(SHAPES.objects(prop, SOURCE_PROVISION)) or node_provisions
        assert provisions, f"{where}: no aia:sourceProvision"


def test_source_provisions_exist_in_legal_text(legal_text: Graph) -> None:
    provisions = sorted({str(p) for p in SHAPES.objects(None, SOURCE_PROVISION)})
    assert provisions
    missing = [p for p in provisions if legal_text.value(URIRef(p), CITATION) is None]
    assert not missing, f"aia:sourceProvision values not in the legal text: {missing}"
    # the validator prints citation_for_iri(); it must agree with the stored aia:citation
    differ = [
        (p, str(legal_text.value(URIRef(p), CITATION)), citation_for_iri(p))
        for p in provisions
        if str(legal_text.value(URIRef(p), CITATION)) != citation_for_iri(p)
    ]
    assert not differ, f"citation_for_iri disagrees with aia:citation: {differ}"


def test_shapes_conform_to_shacl_shacl() -> None:
    conforms, _, text = meta_validate(SHAPES, inference="none")
    assert conforms, text[:5000]
