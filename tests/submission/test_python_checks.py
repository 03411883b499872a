"""The checks done in Python: values, one value per property, closed vocabulary, disjointness."""

from __future__ import annotations

import pytest

from aiact_kg.submission.reading import read_rdf_bytes
from aiact_kg.submission.validation import Finding, SubmissionValidator, ValidationReport

PREFIXES = (
    "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
    "@prefix aiac: <https://w3id.org/aiact-kg/concept/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix ex: <https://example.org/> .\n"
    "@prefix airo: <https://w3id.org/airo#> .\n"
    "@prefix eu-aiact: <https://w3id.org/dpv/legal/eu/aiact#> .\n"
)
MODEL = (
    'ex:m a aia:GeneralPurposeAIModel ; aia:modelName "Model" ; aia:hasProvider ex:acme ;\n'
    '  aia:placedOnMarketOn "2025-10-01"^^xsd:date ; aia:trainingComputeFLOP {compute} .\n'
    'ex:acme a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .\n'
)
SYSTEM = (
    "ex:s a aia:AISystem ; aia:hasProvider ex:acme ; aia:intendedPurpose aiac:purpose-other ;\n"
    "  aia:interactsWithNaturalPersons false ;\n"
    '  aia:putIntoServiceOn "2025-06-01"^^xsd:date {more} .\n'
    'ex:acme a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .\n'
)


@pytest.fixture(scope="module")
def validator() -> SubmissionValidator:
    return SubmissionValidator()


def validate(validator: SubmissionValidator, *texts: str) -> ValidationReport:
    documents = [
        read_rdf_bytes((PREFIXES + text).encode(), name=f"file{i}.ttl")
        for i, text in enumerate(texts)
    ]
    return validator.validate(documents)


def findings(report: ValidationReport, check: str) -> list[Finding]:
    return [f for s in report.subjects for f in s.findings if f.shape.endswith("/check/" + check)]


def values_at(report: ValidationReport, name: str) -> list[str | None]:
    """The values the findings at property ``aia:name`` show."""
    path = "https://w3id.org/aiact-kg/ontology#" + name
    return [f.value for s in report.subjects for f in s.findings if f.path == path]


@pytest.mark.parametrize(
    "compute", ['"INF"^^xsd:double', "1e400", '"1e26"^^xsd:decimal', '" 3e25"^^xsd:double']
)
def test_a_value_the_rules_cannot_read_is_a_violation(
    validator: SubmissionValidator, compute: str
) -> None:
    report = validate(validator, MODEL.format(compute=compute))
    assert not report.conforms
    assert report.exit_code == 1
    (finding,) = findings(report, "value-space")
    assert finding.severity == "violation"
    assert finding.message.startswith("In file0.ttl, https://example.org/m has ")
    assert finding.path == "https://w3id.org/aiact-kg/ontology#trainingComputeFLOP"
    assert finding.value is not None
    assert finding.value.startswith('"')
    assert "Art 51(2)" in finding.legal_basis  # the property's aia:sourceProvision


@pytest.mark.parametrize(
    "compute", ["30000000000000000000000000", "3.8e25", '"+3.8e25"^^xsd:double', "3800000.0"]
)
def test_valid_numbers_conform(validator: SubmissionValidator, compute: str) -> None:
    report = validate(validator, MODEL.format(compute=compute))
    assert report.conforms, [f.message for s in report.subjects for f in s.findings]


def test_two_values_of_a_boolean_are_a_violation(validator: SubmissionValidator) -> None:
    more = "; aia:exclusivelyMilitaryDefenceOrNationalSecurity true , false"
    report = validate(validator, SYSTEM.format(more=more))
    (finding,) = findings(report, "one-value")
    assert "2 different values (false, true)" in finding.message
    assert finding.legal_basis == ("Art 2(3)",)


def test_one_value_written_twice_is_one_value(validator: SubmissionValidator) -> None:
    more = '; aia:exclusivelyMilitaryDefenceOrNationalSecurity true , "1"^^xsd:boolean'
    report = validate(validator, SYSTEM.format(more=more))
    assert not findings(report, "one-value")


@pytest.mark.parametrize("split", [False, True])
def test_a_double_and_a_float_of_the_same_digits_are_two_values(
    validator: SubmissionValidator, split: bool
) -> None:
    """XML Schema reads an xsd:float at single precision: 1.0000000000000002e25 as a float is
    9.99999956e24, below the threshold the double exceeds, so the two state two figures (an
    outside check found them kept as one, the model given systemic risk with no word), in one
    file or in two; the values are shown with their datatypes, which tell them apart."""
    double = MODEL.format(compute="1.0000000000000002e25")
    single = 'ex:m aia:trainingComputeFLOP "1.0000000000000002e25"^^xsd:float .\n'
    texts = (double, single) if split else (double + single,)
    report = validate(validator, *texts)
    assert not report.conforms
    (message,) = [
        f.message
        for s in report.subjects
        for f in s.findings
        if f.severity == "violation" and f.path and f.path.endswith("#trainingComputeFLOP")
    ]
    assert "^^xsd:float" in message
    assert "^^xsd:double" in message


def test_equal_numbers_of_two_datatypes_are_one_value(validator: SubmissionValidator) -> None:
    """An xsd:float whose single-precision value is the double written (2^84) repeats it, as
    the integer of the same value does."""
    compute = (
        '1.9342813113834067e25 , "1.9342813113834067e25"^^xsd:float , 19342813113834066795298816'
    )
    report = validate(validator, MODEL.format(compute=compute))
    assert report.conforms, [f.message for s in report.subjects for f in s.findings]


def test_a_date_property_given_a_number_is_a_violation(validator: SubmissionValidator) -> None:
    more = "; aia:derogationAssessmentDocumentedOn 2025"
    report = validate(validator, SYSTEM.format(more=more))
    assert not report.conforms


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ('"2026-02-30"^^xsd:date', 'the value "2026-02-30" is not a day of the calendar'),
        ('"2026-03-01T10:00:00"^^xsd:date', "has a time of day"),
    ],
)
def test_a_shape_about_an_unreadable_value_says_why(
    validator: SubmissionValidator, value: str, reason: str
) -> None:
    """A shape that reports the value (here the date shape, whose message is generic) stands in
    for the Python value check, so its finding names the reason too (an outside check found a
    31st of February reported only as "takes one xsd:date value")."""
    text = SYSTEM.replace('"2025-06-01"^^xsd:date', value).format(more="")
    report = validate(validator, text)
    path = "https://w3id.org/aiact-kg/ontology#putIntoServiceOn"
    messages = [f.message for s in report.subjects for f in s.findings if f.path == path]
    assert messages
    assert all(reason in message for message in messages), messages


def test_a_system_that_is_its_own_provider_is_a_violation(
    validator: SubmissionValidator,
) -> None:
    report = validate(validator, SYSTEM.format(more="; aia:hasProvider ex:s"))
    (finding,) = findings(report, "disjoint-classes")
    assert finding.focus_node == "https://example.org/s"
    assert "aia:Party (the value of aia:hasProvider of https://example.org/s)" in finding.message


def test_a_blank_node_that_is_its_own_provider_is_a_violation(
    validator: SubmissionValidator,
) -> None:
    text = SYSTEM.format(more="").replace("ex:s a", "_:s a", 1) + "_:s aia:hasDeployer _:s .\n"
    report = validate(validator, text)
    (finding,) = findings(report, "disjoint-classes")
    assert finding.focus_node == "_:s"


def test_nothing_described_is_a_violation_that_says_what_is_looked_for(
    validator: SubmissionValidator,
) -> None:
    report = validate(validator, "ex:s a eu-aiact:HighRiskAISystem ; airo:hasProvider ex:p .\n")
    assert report.exit_code == 1
    assert report.described == 0
    (finding,) = findings(report, "no-subject")
    assert "aia:AISystem" in finding.message
    assert "aia:GeneralPurposeAIModel" in finding.message
    assert "https://w3id.org/airo#hasProvider" in finding.message
    assert "docs/submission-guide.md" in finding.message
    external = findings(report, "closed-vocabulary")
    assert {f.severity for f in external} == {"warning"}
    # the stated conclusion is kept aside by the DPV/AIRO input mapping (docs/linking.md)
    (kept,) = findings(report, "external-vocabulary")
    assert kept.severity == "info"
    assert "HighRiskAISystem" in kept.message
    assert "not used as a fact" in kept.message


def test_a_subject_in_another_file_is_enough(validator: SubmissionValidator) -> None:
    parties = 'ex:acme a aia:LegalPerson ; aia:establishedIn "FR" ; aia:isSME false .\n'
    report = validate(validator, SYSTEM.format(more=""), parties)
    assert not findings(report, "no-subject")
    assert report.conforms


def test_an_undeclared_term_names_the_closest_known_term(validator: SubmissionValidator) -> None:
    report = validate(validator, SYSTEM.format(more="; aia:interactionObvius false"))
    (finding,) = findings(report, "closed-vocabulary")
    assert finding.severity == "warning"
    assert "Did you mean aia:interactionObvious?" in finding.message
    assert report.conforms  # a warning: the rest of the description is still assessed


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        ("ex:alias <http://www.w3.org/2002/07/owl#sameAs> ex:acme .", "does not merge two nodes"),
        (
            "ex:Tool <http://www.w3.org/2002/07/owl#equivalentClass> aia:AISystem .",
            "rdfs:subClassOf",
        ),
        (
            "ex:madeBy <http://www.w3.org/2002/07/owl#equivalentProperty> aia:hasProvider .",
            "rdfs:subPropertyOf",
        ),
    ],
)
def test_identity_and_equivalence_statements_are_warned_as_not_read(
    validator: SubmissionValidator, statement: str, said: str
) -> None:
    report = validate(validator, SYSTEM.format(more="") + statement + "\n")
    (finding,) = findings(report, "closed-vocabulary")
    assert finding.severity == "warning"
    assert "is not read" in finding.message
    assert said in finding.message
    assert report.conforms


def test_the_turtle_report_holds_the_python_findings(validator: SubmissionValidator) -> None:
    report = validate(validator, MODEL.format(compute='"INF"^^xsd:double'))
    text = report.results_graph.serialize(format="turtle")
    assert "sh:conforms false" in text
    assert "https://w3id.org/aiact-kg/check/value-space" in text


@pytest.mark.parametrize(
    ("text", "node", "prop"),
    [
        # the SME status stated on the system instead of its provider: the fine caps never read it
        (SYSTEM.format(more="; aia:isSME true"), "ex:s", "isSME"),
        # synthetic content stated on a general-purpose AI model: Art 50(2) reads AI systems
        (
            MODEL.format(compute="1e24 ; aia:generatesContent aiac:content-image"),
            "ex:m",
            "generatesContent",
        ),
        # a model fact stated on a system
        (SYSTEM.format(more="; aia:trainingComputeFLOP 3e25"), "ex:s", "trainingComputeFLOP"),
        # a system fact stated on a party (implied by the range of aia:hasProvider)
        (
            SYSTEM.format(more="") + "ex:acme aia:interactsWithNaturalPersons true .\n",
            "ex:acme",
            "interactsWithNaturalPersons",
        ),
        # an Art 5 practice stated on the system instead of a practice it engages in: the
        # prohibition of Art 5(1)(f) would go unseen
        (
            SYSTEM.format(more="; aia:practice aiac:practice-emotion-recognition"),
            "ex:s",
            "practice",
        ),
        # a party's fact stated on its role node: Art 2(10) would go unread (an outside check)
        (
            SYSTEM.format(more="")
            + "ex:role a aia:DeployerRole ; aia:playedBy ex:ann ; aia:roleFor ex:s ;\n"
            + "  aia:actsInPersonalCapacity true .\n"
            + 'ex:ann a aia:NaturalPerson ; aia:establishedIn "FR" .\n',
            "ex:role",
            "actsInPersonalCapacity",
        ),
        # a system's fact stated on its change of intended purpose: the Art 80(2) finding would
        # go unread (an outside check)
        (
            SYSTEM.format(more="; aia:hasValueChainEvent ex:change")
            + "ex:change a aia:IntendedPurposeChange ; aia:byOperator ex:acme ;\n"
            + '  aia:eventDate "2026-01-01"^^xsd:date ;\n'
            + "  aia:newIntendedPurpose aiac:annex-iii-4a ;\n"
            + "  aia:foundHighRiskByAuthority true .\n",
            "ex:change",
            "foundHighRiskByAuthority",
        ),
    ],
)
def test_a_fact_stated_on_a_node_it_cannot_be_about_is_a_violation(
    validator: SubmissionValidator, text: str, node: str, prop: str
) -> None:
    report = validate(validator, text)
    (finding,) = findings(report, "wrong-subject")
    assert finding.severity == "violation"
    assert finding.path == "https://w3id.org/aiact-kg/ontology#" + prop
    assert finding.focus_node == "https://example.org/" + node[3:]
    assert "would not read it there" in finding.message
    if prop == "practice":  # how to reach the node it is about
        assert "(a node of its own, linked by aia:engagesIn)" in finding.message
    assert not report.conforms  # not assessed: the conclusion could turn on the fact


@pytest.mark.parametrize(
    ("text", "prop"),
    [
        # a role node's links written as texts (a JSON-LD compact key has no @type @id)
        (
            SYSTEM.format(more="")
            + 'ex:role a aia:DeployerRole ; aia:playedBy "https://example.org/bank" ;\n'
            + '  aia:roleFor "https://example.org/s" .\n',
            "playedBy",
        ),
        # the model a system is built on, and a new purpose, as texts
        (SYSTEM.format(more='; aia:basedOnModel "https://example.org/m"'), "basedOnModel"),
        (
            MODEL.format(compute='1e24 ; aia:hasAuthorisedRepresentative "Rep B.V."'),
            "hasAuthorisedRepresentative",
        ),
    ],
)
def test_a_literal_where_a_node_is_linked_is_a_violation(
    validator: SubmissionValidator, text: str, prop: str
) -> None:
    report = validate(validator, text)
    found = [f for f in findings(report, "value-space") if (f.path or "").endswith("#" + prop)]
    assert found
    assert all(f.severity == "violation" for f in found)
    assert "links to a node" in found[0].message
    assert not report.conforms


def test_facts_on_the_nodes_they_are_about_give_no_wrong_subject_warning(
    validator: SubmissionValidator,
) -> None:
    report = validate(validator, SYSTEM.format(more="; aia:generatesContent aiac:content-text"))
    assert not findings(report, "wrong-subject")
    report = validate(validator, MODEL.format(compute="3e25 ; aia:weightsPublic true"))
    assert not findings(report, "wrong-subject")


@pytest.mark.parametrize(
    ("more", "check"),
    [
        # a derived term stated as a fact: the open-source exemption as a satisfied trigger
        (
            "ex:m aia:satisfiesTrigger aiac:trigger-open-source-exemption .\n",
            "derived-term",
        ),
        # a derived class: a determination of the submitter's own
        (
            "[] a aia:Determination ; aia:determinationOf ex:m .\n",
            "derived-term",
        ),
        # a statement about the catalogue: an obligation's application date
        (
            "<https://w3id.org/aiact-kg/obligation/art-53-1-a-technical-documentation>"
            ' aia:appliesFrom "2031-01-01"^^xsd:date .\n',
            "knowledge-base-node",
        ),
        # a statement about the ontology itself
        (
            "aia:hasProvider <http://www.w3.org/2000/01/rdf-schema#subPropertyOf>"
            " aia:hasDeployer .\n",
            "knowledge-base-node",
        ),
        # a statement about a term of an external vocabulary the knowledge base holds (it
        # showed on the term's page next to the real definition)
        (
            "<https://w3id.org/dpv#HumanInvolved> <http://www.w3.org/2004/02/skos/core#definition>"
            ' "forged" .\n',
            "knowledge-base-node",
        ),
        # another submission's registry record described as a system: it merged with the
        # record in the union graph
        (
            "<https://w3id.org/aiact-kg/registry/credit-scoring-bank> a aia:AISystem ;"
            " aia:hasProvider ex:acme .\n",
            "knowledge-base-node",
        ),
        # a party named by a registry graph's IRI
        (
            "<https://w3id.org/aiact-kg/registry/credit-scoring-bank/assessment>"
            " a aia:LegalPerson ;"
            ' aia:establishedIn "DE" .\n',
            "knowledge-base-node",
        ),
        # two of our properties declared inverse of each other: not the submitter's inverse
        (
            "aia:hasProvider <http://www.w3.org/2002/07/owl#inverseOf> aia:hasDeployer .\n",
            "knowledge-base-node",
        ),
        # a use case of the submitter's own: the shapes took it for an Annex III use case, the
        # rules did not (validation said high-risk, the assessment minimal)
        ("ex:my-use a aia:HighRiskUseCase .\n", "closed-vocabulary"),
        # a class of its own below a closed one, and a purpose linked into the purposes' scheme
        (
            "ex:MyUse <http://www.w3.org/2000/01/rdf-schema#subClassOf> aia:HighRiskUseCase .\n",
            "closed-vocabulary",
        ),
        (
            "ex:my-purpose <http://www.w3.org/2004/02/skos/core#broader> aiac:purposes .\n",
            "closed-vocabulary",
        ),
        ("ex:my-category a aia:RiskCategory .\n", "closed-vocabulary"),
    ],
)
def test_a_statement_that_would_change_the_knowledge_base_is_a_violation(
    validator: SubmissionValidator, more: str, check: str
) -> None:
    report = validate(validator, MODEL.format(compute="3e25") + more)
    assert not report.conforms
    found = findings(report, check)
    assert found
    assert all(f.severity == "violation" and "cannot be assessed" in f.message for f in found)


def test_each_node_stating_a_derived_term_has_its_own_violation(
    validator: SubmissionValidator,
) -> None:
    """Two models of one file that both state a derived term: each is left out (the violation
    was kept once per file and term, so the second model was assessed with the trigger it
    stated and lost its Art 53(1)(a), (b) and Art 54 duties)."""
    second = MODEL.replace("ex:m ", "ex:m2 ").format(compute="3e25")
    stated = "ex:{} aia:satisfiesTrigger aiac:trigger-open-source-exemption .\n"
    report = validate(
        validator, MODEL.format(compute="3e25") + second + stated.format("m") + stated.format("m2")
    )
    focus = sorted(str(f.focus_node) for f in findings(report, "derived-term"))
    assert focus == ["https://example.org/m", "https://example.org/m2"]


def test_an_inverse_declared_from_our_side_is_the_submitters_axiom(
    validator: SubmissionValidator,
) -> None:
    """``aia:hasProvider owl:inverseOf ex:makes`` is ``ex:makes owl:inverseOf aia:hasProvider``
    (owl:inverseOf is symmetric): it declares the submitter's property and is read either way."""
    more = (
        "aia:hasProvider <http://www.w3.org/2002/07/owl#inverseOf> ex:makes .\n"
        "ex:acme ex:makes ex:m .\n"
    )
    report = validate(validator, MODEL.format(compute="3e25") + more)
    assert not findings(report, "knowledge-base-node")
    assert report.conforms


@pytest.mark.parametrize(
    ("more", "node", "said"),
    [
        # a practice typed as one but linked from no system: Art 5(1)(f) would go unseen
        (
            "ex:p a aia:PracticeDescription ; aia:practice aiac:practice-emotion-recognition ;\n"
            "  aia:practiceArea aiac:area-workplace .\n",
            "ex:p",
            "is typed aia:PracticeDescription, but nothing links to it",
        ),
        # an untyped procedure event: its property says what it is
        (
            'ex:e aia:eventDate "2026-01-05"^^xsd:date ; aia:eventSource "OJ C 1, 2026" .\n',
            "ex:e",
            "is described as aia:ProcedureEvent (by its aia:eventSource), but nothing links",
        ),
    ],
)
def test_a_node_only_a_link_reaches_is_a_violation_when_nothing_links_it(
    validator: SubmissionValidator, more: str, node: str, said: str
) -> None:
    report = validate(validator, MODEL.format(compute="1e24") + SYSTEM.format(more="") + more)
    (finding,) = findings(report, "unlinked-node")
    assert finding.severity == "violation"
    assert finding.focus_node == "https://example.org/" + node[3:]
    assert said in finding.message
    assert not report.conforms


def test_linked_practices_and_events_are_not_unlinked(validator: SubmissionValidator) -> None:
    linked = SYSTEM.format(
        more="; aia:engagesIn [ a aia:PracticeDescription ; "
        "aia:practice aiac:practice-emotion-recognition ; aia:practiceArea aiac:area-other ]"
    )
    assert not findings(validate(validator, linked), "unlinked-node")
    # linked from another file of the same submission
    events = MODEL.format(compute="1e24").replace(
        " .\nex:acme", " ;\n  aia:hasProcedureEvent ex:e .\nex:acme", 1
    )
    notification = 'ex:e a aia:ProviderNotification ; aia:eventDate "2026-01-05"^^xsd:date .\n'
    assert not findings(validate(validator, events, notification), "unlinked-node")


@pytest.mark.parametrize("engine", ["store", "pyshacl"])
def test_an_ill_typed_boolean_is_named_as_written(engine: str) -> None:
    # rdflib rewrites the text of an ill-typed boolean ("yes" reads as "false"): a finding
    # that named the value "false" would tell the submitter they wrote what they did not
    text = SYSTEM.format(more="").replace("aia:isSME false", 'aia:isSME "yes"^^xsd:boolean')
    report = validate(SubmissionValidator(engine), text)
    assert not report.conforms
    named = values_at(report, "isSME")
    assert named
    assert all(value is not None and "yes" in value for value in named), named


def test_our_namespace_spelt_http_is_warned_with_the_https_term(
    validator: SubmissionValidator,
) -> None:
    # http: for https: would drop every statement using the term, with "conforms"
    more = "; <http://w3id.org/aiact-kg/ontology#hasDeployer> ex:bank"
    report = validate(validator, SYSTEM.format(more=more))
    (finding,) = findings(report, "closed-vocabulary")
    assert finding.severity == "warning"
    assert "Did you mean aia:hasDeployer?" in finding.message


def test_a_language_tagged_value_is_named_with_its_tag(validator: SubmissionValidator) -> None:
    # "FR"@en is not the country code "FR": without its tag the value looked right
    text = SYSTEM.format(more="").replace('aia:establishedIn "FR"', 'aia:establishedIn "FR"@en')
    report = validate(validator, text)
    values = values_at(report, "establishedIn")
    assert values
    assert all(value == "FR@en" for value in values), values


@pytest.mark.parametrize(
    ("compute", "warned"),
    [
        ('"1.00000001e25"^^xsd:float', True),  # single precision: 9.99999956e24, below 10^25
        ('"3.8e25"^^xsd:float', True),
        ('"1025"^^xsd:float', False),  # exactly a single-precision number
        ('"0.5"^^xsd:float', False),
        ('"1.00000001e25"^^xsd:double', False),
        ("1.00000001e25", False),
    ],
)
def test_an_xsd_float_that_single_precision_changes_is_a_warning(
    validator: SubmissionValidator, compute: str, warned: bool
) -> None:
    report = validate(validator, MODEL.format(compute=compute))
    found = findings(report, "single-precision")
    assert [f.severity for f in found] == (["warning"] if warned else [])
    if warned:
        assert "aia:trainingComputeFLOP" in found[0].message
        assert "single precision" in found[0].message
        assert found[0].legal_basis  # the provisions of the property
        assert report.conforms


def test_a_wrong_value_through_a_declared_subproperty_is_reported_once_where_written(
    validator: SubmissionValidator,
) -> None:
    """A date and time given through the submitter's property declared below
    aia:placedOnMarketOn: one violation, at the property the file uses, as for the same
    mistake made with aia:placedOnMarketOn itself (not a second one naming our property)."""
    direct = validate(
        validator,
        SYSTEM.format(more="").replace(
            '"2025-06-01"^^xsd:date', '"2025-06-01T09:00:00Z"^^xsd:dateTime'
        ),
    )
    declared = validate(
        validator,
        SYSTEM.format(more='; ex:inService "2025-06-01T09:00:00Z"^^xsd:dateTime').replace(
            'aia:putIntoServiceOn "2025-06-01"^^xsd:date', "aia:interactsWithNaturalPersons false"
        )
        + "ex:inService <http://www.w3.org/2000/01/rdf-schema#subPropertyOf>"
        " aia:putIntoServiceOn .\n",
    )
    violations = [f for s in declared.subjects for f in s.findings if f.severity == "violation"]
    direct_violations = [
        f for s in direct.subjects for f in s.findings if f.severity == "violation"
    ]
    assert len(violations) == len(direct_violations) == 1
    assert violations[0].path == "https://example.org/inService"


def test_two_files_giving_different_values_are_both_named(
    validator: SubmissionValidator,
) -> None:
    """A single-valued fact given differently by two files: the violation gives both values,
    each with its file (it named the first file only, with no value)."""
    other = SYSTEM.format(more="").replace('"2025-06-01"', '"2025-07-01"')
    report = validate(validator, SYSTEM.format(more=""), other)
    (found,) = [
        f
        for s in report.subjects
        for f in s.findings
        if f.path == "https://w3id.org/aiact-kg/ontology#putIntoServiceOn"
    ]
    assert found.severity == "violation"
    assert "2025-06-01 in file0.ttl" in found.message
    assert "2025-07-01 in file1.ttl" in found.message
    assert found.value == "2025-06-01, 2025-07-01"


SPAM_FILTER = """<#system> a aia:AISystem ; aia:hasProvider <#provider> ;
  aia:intendedPurpose aiac:purpose-spam-filtering ; aia:interactsWithNaturalPersons false .
<#provider> a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME false .
"""


def test_files_of_one_name_whose_relative_iris_meet_are_warned_about(
    validator: SubmissionValidator,
) -> None:
    """d1/system.ttl and d2/system.ttl, each with its own <#system>, name one node: two unrelated
    descriptions used to merge without a word (metamorphic audit)."""
    documents = [
        read_rdf_bytes((PREFIXES + SPAM_FILTER).encode(), name=f"{folder}/system.ttl")
        for folder in ("d1", "d2")
    ]
    report = validator.validate(documents)
    warned = findings(report, "shared-file-name")
    base = "https://w3id.org/aiact-kg/submission/system.ttl/"
    assert sorted(f.focus_node for f in warned) == [base + "#provider", base + "#system"]
    assert all(f.severity == "warning" for f in warned)
    assert "d1/system.ttl and d2/system.ttl have the same file name" in warned[0].message
    # the same file twice, or two names with absolute IRIs only: nothing to say
    assert not findings(validator.validate(documents[:1] * 2), "shared-file-name")
    other = read_rdf_bytes((PREFIXES + SPAM_FILTER).encode(), name="d1/other.ttl")
    assert not findings(validator.validate([documents[0], other]), "shared-file-name")


@pytest.mark.parametrize("escape", ["\\u0000", "\\u0001", "\\u001F"])
def test_a_control_character_xml_cannot_carry_is_a_violation(
    validator: SubmissionValidator, escape: str
) -> None:
    """Stored, a label holding U+0000 made the registry's RDF/XML and XML results unreadable
    (an outside check); a tab or a line break is text."""
    more = f'ex:acme <http://www.w3.org/2000/01/rdf-schema#label> "Ac{escape}me" .\n'
    report = validate(validator, MODEL.format(compute="3e24") + more)
    found = [f for f in findings(report, "value-space") if "XML cannot carry" in f.message]
    assert len(found) == 1
    assert found[0].severity == "violation"
    assert f"U+{escape[2:].upper()}" in found[0].message
    assert not report.conforms
    fine = 'ex:acme <http://www.w3.org/2000/01/rdf-schema#label> "Ac\\tme\\nLtd" .\n'
    assert not [
        f
        for f in findings(validate(validator, MODEL.format(compute="3e24") + fine), "value-space")
        if "XML cannot carry" in f.message
    ]


def test_each_node_using_an_unknown_term_is_warned(validator: SubmissionValidator) -> None:
    """Two systems of one file with the same misspelt property: each has the warning that its
    fact is not read (kept once per file and term, the second system's report had none)."""
    second = SYSTEM.format(more="; aia:intendedPurpse aiac:purpose-other").replace(
        "ex:s ", "ex:s2 "
    )
    report = validate(
        validator, SYSTEM.format(more="; aia:intendedPurpse aiac:purpose-other") + second
    )
    warned = sorted(
        str(f.focus_node)
        for f in findings(report, "closed-vocabulary")
        if "aia:intendedPurpse" in f.message
    )
    assert warned == ["https://example.org/s", "https://example.org/s2"]


@pytest.mark.parametrize(
    "more",
    [
        "; aia:hasDeployer ( ex:bank )",
        "; aia:hasDeployer ( ex:bank ex:shop )",
    ],
)
def test_a_party_written_as_a_list_is_a_violation(
    validator: SubmissionValidator, more: str
) -> None:
    """The list node was taken for the deployer, the party's facts unread, and the file
    conformed (an outside check); the same party without the list conforms."""
    party = 'ex:bank a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME false .\n'
    shop = 'ex:shop a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME false .\n'
    report = validate(validator, SYSTEM.format(more=more) + party + shop)
    assert not report.conforms
    messages = [f.message for s in report.subjects for f in s.findings if f.severity == "violation"]
    assert any("aia:hasDeployer with an RDF list" in m and "ex" in m for m in messages), messages
    plain = validate(
        validator, SYSTEM.format(more="; aia:hasDeployer ex:bank , ex:shop") + party + shop
    )
    assert plain.conforms


def test_a_party_given_as_text_is_one_violation(validator: SubmissionValidator) -> None:
    """The party shapes asked the text for aia:establishedIn and aia:isSME, which no text can
    have, doubling the count (an outside check): only the property's violation is left."""
    text = SYSTEM.format(more="").replace("aia:hasProvider ex:acme", 'aia:hasProvider "Acme"')
    report = validate(validator, text)
    violations = [f for s in report.subjects for f in s.findings if f.severity == "violation"]
    assert len(violations) == 1, [f.message for f in violations]
    assert "must point to a party" in violations[0].message
    assert not [f for s in report.subjects for f in s.findings if f.focus_node == "Acme"]
