"""Checks of the obligation catalogue and fine tiers (data/obligations/*.ttl)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

import pytest
from rdflib import RDF, RDFS, XSD, Graph, Literal, Namespace, URIRef
from rdflib.namespace import SKOS

from aiact_kg.namespaces import CONCEPT, OBLIGATION, ONTOLOGY, PROVISION
from aiact_kg.resources import data_dir

AIA = Namespace(ONTOLOGY)
AIAC = Namespace(CONCEPT)
AIAO = Namespace(OBLIGATION)

ROLES = {
    AIAC[f"role-{r}"]
    for r in (
        "provider",
        "deployer",
        "importer",
        "distributor",
        "authorised-representative",
        "product-manufacturer",
    )
}
CATEGORIES = {
    AIAC[f"category-{c}"]
    for c in (
        "out-of-scope",
        "prohibited",
        "high-risk",
        "transparency",
        "minimal",
        "gpai",
        "gpai-systemic-risk",
        "any-ai-system",
    )
}
ARTICLES = {4, 5, 6, *range(9, 28), 43, 47, 48, 49, 50, 52, 53, 54, 55, 60, 72, 73}
_ARTICLE = re.compile(re.escape(PROVISION) + r"art_(\d+)(?:\.|$)")


@pytest.fixture(scope="module")
def graph() -> Graph:
    files = sorted(data_dir("obligations").glob("*.ttl"))
    assert files, "no obligation files found"
    g = Graph()
    for path in files:
        g.parse(path, format="turtle")
    return g


@pytest.fixture(scope="module")
def obligations(graph: Graph) -> list[URIRef]:
    return sorted(s for s in set(graph.subjects(RDF.type, AIA.Obligation)) if isinstance(s, URIRef))


def _ob(local: str) -> URIRef:
    return AIAO[local]


def test_catalogue_size(obligations: list[URIRef]) -> None:
    assert len(obligations) >= 70


def test_obligation_iris_in_namespace(obligations: list[URIRef]) -> None:
    assert all(str(o).startswith(OBLIGATION) for o in obligations)


def test_each_obligation_is_complete(graph: Graph, obligations: list[URIRef]) -> None:
    problems: list[str] = []
    for o in obligations:
        labels = [lab for lab in graph.objects(o, RDFS.label)]
        if len(labels) != 1 or not isinstance(labels[0], Literal) or labels[0].language != "en":
            problems.append(f"{o}: needs exactly one rdfs:label@en, has {labels}")
        defs = list(graph.objects(o, SKOS.definition))
        if not defs or not all(
            isinstance(d, Literal) and d.language == "en" and str(d)[:1].isupper() for d in defs
        ):
            problems.append(f"{o}: missing or malformed skos:definition")
        roles = set(graph.objects(o, AIA.bearerRole))
        if not roles or not roles <= ROLES:
            problems.append(f"{o}: bearer roles {roles}")
        cats = set(graph.objects(o, AIA.appliesToCategory))
        if not cats or not cats <= CATEGORIES:
            problems.append(f"{o}: categories {cats}")
        sources = list(graph.objects(o, AIA.sourceProvision))
        if not sources or not all(
            isinstance(s, URIRef) and str(s).startswith(PROVISION) for s in sources
        ):
            problems.append(f"{o}: source provisions {sources}")
        dates = list(graph.objects(o, AIA.appliesFrom))
        if len(dates) != 1 or dates[0].datatype != XSD.date:
            problems.append(f"{o}: appliesFrom {dates}")
        if len(list(graph.objects(o, AIA.applicabilityRule))) != 1:
            problems.append(f"{o}: needs exactly one applicability rule")
    assert not problems, "\n".join(problems)


def test_provision_local_names_are_well_formed(graph: Graph, obligations: list[URIRef]) -> None:
    pattern = re.compile(r"^(art_\d+|anx_[IVX]+)(\.(par|pnt|sub|sct)_[0-9a-zA-Z]+)*$")
    bad = [
        str(s)
        for o in obligations
        for s in graph.objects(o, AIA.sourceProvision)
        if not pattern.match(str(s)[len(PROVISION) :])
    ]
    assert not bad, bad


def test_articles_without_paragraphs_are_cited_without_paragraph(graph: Graph) -> None:
    # Articles 4 and 16 have no numbered paragraphs in the OJ text.
    cited = {str(s) for s in graph.objects(None, AIA.sourceProvision)}
    assert not [c for c in cited if re.search(r"art_(4|16)\.par_", c)]


def test_every_listed_article_is_covered(graph: Graph, obligations: list[URIRef]) -> None:
    covered: set[int] = set()
    for o in obligations:
        for s in graph.objects(o, AIA.sourceProvision):
            m = _ARTICLE.match(str(s))
            if m:
                covered.add(int(m.group(1)))
    assert ARTICLES - covered == set()


def test_every_role_bears_an_obligation(graph: Graph, obligations: list[URIRef]) -> None:
    used = {r for o in obligations for r in graph.objects(o, AIA.bearerRole)}
    assert used == ROLES


def _deadlines(graph: Graph, provision: str) -> list[object]:
    # Compared by value: rdflib normalises duration literals (it reads "PT48H" as "P2D").
    iri = URIRef(PROVISION + provision)
    result = []
    for o in graph.subjects(AIA.sourceProvision, iri):
        for d in graph.objects(o, AIA.deadline):
            assert isinstance(d, Literal)
            assert d.datatype == XSD.duration
            result.append(d.toPython())
    return result


@pytest.mark.parametrize(
    ("provision", "deadline"),
    [
        ("art_52.par_1", "P14D"),
        ("art_73.par_2", "P15D"),
        ("art_73.par_3", "P2D"),
        ("art_73.par_4", "P10D"),
        ("art_18.par_1", "P10Y"),
        ("art_26.par_6", "P6M"),
        ("art_19.par_1", "P6M"),
        ("art_23.par_5", "P10Y"),
        ("art_26.par_10", "PT48H"),
        ("art_5.par_3", "PT24H"),
        ("art_54.par_3.pnt_b", "P10Y"),
    ],
)
def test_deadlines(graph: Graph, provision: str, deadline: str) -> None:
    assert Literal(deadline, datatype=XSD.duration).toPython() in _deadlines(graph, provision)


def test_deadlines_have_anchor(graph: Graph, obligations: list[URIRef]) -> None:
    missing = [
        o
        for o in obligations
        if (o, AIA.deadline, None) in graph and (o, AIA.deadlineAnchor, None) not in graph
    ]
    assert not missing


@pytest.mark.parametrize(
    ("article", "date"),
    [
        (4, "2025-02-02"),
        (5, "2025-02-02"),
        (53, "2025-08-02"),
        (55, "2025-08-02"),
        (50, "2026-08-02"),
        (26, "2026-08-02"),
        (73, "2026-08-02"),
    ],
)
def test_application_dates(
    graph: Graph, obligations: list[URIRef], article: int, date: str
) -> None:
    dates = set()
    for o in obligations:
        arts = {
            int(m.group(1))
            for s in graph.objects(o, AIA.sourceProvision)
            if (m := _ARTICLE.match(str(s)))
        }
        if min(arts) == article:
            dates |= {str(d) for d in graph.objects(o, AIA.appliesFrom)}
    assert dates == {date}


def test_annex_i_obligations_apply_from_2027(graph: Graph, obligations: list[URIRef]) -> None:
    annex_i = AIAC["annex-i-section-a"]
    for o in obligations:
        if (o, AIA.trigger, annex_i) in graph:
            assert str(graph.value(o, AIA.appliesFrom)) == "2027-08-02"
            assert graph.value(o, AIA.applicabilityRule) == AIAC["applicability-art-6-1"]
    for o in graph.subjects(AIA.appliesFromForAnnexIProducts, None):
        assert graph.value(o, AIA.appliesFromForAnnexIProducts) == Literal(
            "2027-08-02", datatype=XSD.date
        )


def test_open_source_exemption_on_gpai_documentation(graph: Graph) -> None:
    for local in ("art-53-1-a-technical-documentation", "art-53-1-b-downstream-information"):
        o = _ob(local)
        assert (o, AIA.exemption, AIAC["trigger-open-source-exemption"]) in graph
        assert "systemic risk" in str(graph.value(o, AIA.exemptionLimit))
    for local in ("art-53-1-c-copyright-policy", "art-53-1-d-training-content-summary"):
        assert (_ob(local), AIA.exemption, AIAC["trigger-open-source-exemption"]) not in graph


def test_fine_tier_assignments(graph: Graph) -> None:
    assert (_ob("art-5-3-prior-authorisation"), AIA.fineTier, AIAC["fine-tier-art-99-3"]) in graph
    assert (_ob("art-26-6-keep-logs"), AIA.fineTier, AIAC["fine-tier-art-99-4"]) in graph
    assert (_ob("art-53-1-c-copyright-policy"), AIA.fineTier, AIAC["fine-tier-art-101-1"]) in graph
    assert (_ob("art-50-4-disclose-deep-fake"), AIA.fineTier, AIAC["fine-tier-art-99-4"]) in graph


def test_triggers_are_defined(graph: Graph) -> None:
    scheme = AIAC["obligation-triggers"]
    used = {
        t
        for p in (AIA.trigger, AIA.exemption)
        for t in graph.objects(None, p)
        if str(t).startswith(CONCEPT + "trigger-")
    }
    for t in used:
        assert (t, RDF.type, AIA.ObligationTrigger) in graph, t
        assert (t, SKOS.inScheme, scheme) in graph, t
        assert graph.value(t, SKOS.prefLabel) is not None, t
        assert graph.value(t, SKOS.definition) is not None, t
        assert graph.value(t, AIA.sourceProvision) is not None, t


FINAL_TIERS = {
    "fine-tier-art-99-3": (Decimal("35000000"), Decimal("7")),
    "fine-tier-art-99-4": (Decimal("15000000"), Decimal("3")),
    "fine-tier-art-99-5": (Decimal("7500000"), Decimal("1")),
    "fine-tier-art-100-2": (Decimal("1500000"), None),
    "fine-tier-art-100-3": (Decimal("750000"), None),
    "fine-tier-art-101-1": (Decimal("15000000"), Decimal("3")),
}


def test_final_fine_tiers(graph: Graph) -> None:
    tiers = set(graph.subjects(RDF.type, AIA.FineTier))
    # Art 99(1): penalties the Member States lay down, with no maximum in the Regulation
    assert tiers == {AIAC[t] for t in FINAL_TIERS} | {AIAC["fine-tier-art-99-1"]}
    member_states = AIAC["fine-tier-art-99-1"]
    assert list(graph.objects(member_states, AIA.maxFineAmountEUR)) == []
    assert list(graph.objects(member_states, AIA.maxTurnoverPercentage)) == []
    assert graph.value(member_states, AIA.sourceProvision) == URIRef(PROVISION + "art_99.par_1")
    for local, (amount, pct) in FINAL_TIERS.items():
        t = AIAC[local]
        amounts = list(graph.objects(t, AIA.maxFineAmountEUR))
        assert len(amounts) == 1
        assert amounts[0].datatype == XSD.decimal
        assert amounts[0].toPython() == amount
        pcts = list(graph.objects(t, AIA.maxTurnoverPercentage))
        if pct is None:
            assert pcts == []
        else:
            assert len(pcts) == 1
            assert pcts[0].datatype == XSD.decimal
            assert pcts[0].toPython() == pct
            assert graph.value(t, AIA.fineSelection) == AIAC["fine-selection-higher"]
        assert graph.value(t, RDFS.label) is not None
        assert graph.value(t, SKOS.definition) is not None
        assert graph.value(t, AIA.infringementDescription) is not None
        assert graph.value(t, AIA.sourceProvision) is not None
    assert str(graph.value(AIAC["fine-tier-art-101-1"], AIA.appliesFrom)) == "2026-08-02"
    assert str(graph.value(AIAC["fine-tier-art-99-3"], AIA.appliesFrom)) == "2025-08-02"
    assert (
        graph.value(AIAC["fine-rule-sme-lower"], AIA.fineSelection) == AIAC["fine-selection-lower"]
    )


def test_draft_fine_tiers(graph: Graph) -> None:
    drafts = set(graph.subjects(RDF.type, AIA.DraftFineTier))
    assert len(drafts) >= 10
    for d in drafts:
        assert graph.value(d, AIA.draftSource) is not None
        assert graph.value(d, AIA.correspondsTo) in {AIAC[t] for t in FINAL_TIERS}
    figures = Counter(
        (
            graph.value(d, AIA.maxFineAmountEUR).toPython(),
            graph.value(d, AIA.maxTurnoverPercentage).toPython(),
        )
        for d in drafts
    )
    for fig in [
        (Decimal(30000000), Decimal(6)),
        (Decimal(20000000), Decimal(4)),
        (Decimal(10000000), Decimal(2)),
        (Decimal(40000000), Decimal(7)),
        (Decimal(7500000), Decimal("1.5")),
    ]:
        assert figures[fig] >= 1, fig
    press = [
        d for d in drafts if graph.value(d, AIA.maxTurnoverPercentage).toPython() == Decimal("1.5")
    ]
    assert len(press) == 1
    assert "never appeared in a legal text" in str(graph.value(press[0], SKOS.definition))
