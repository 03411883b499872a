"""The act and subdivision metadata use ELI terms as the pinned ELI ontology defines them.

The pinned ontology ships no SHACL shapes, so the check is against a reviewed list of
domain/range expectations (eli_expectations.yaml), itself checked against the ontology file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import rdflib
import yaml
from rdflib.collection import Collection
from rdflib.namespace import OWL, RDF, RDFS, XSD

from aiact_kg.namespaces import ACT, PROVISION
from aiact_kg.resources import external_vocabularies, ontology_files, scheme_files

ELI = rdflib.Namespace("http://data.europa.eu/eli/ontology#")
EXPECTED: dict[str, Any] = yaml.safe_load(
    Path(__file__).with_name("eli_expectations.yaml").read_text(encoding="utf-8")
)
_CURIES = {"xsd": str(XSD), "rdfs": str(RDFS), "owl": str(OWL)}


def _iri(name: str) -> rdflib.URIRef:
    prefix, _, local = name.partition(":")
    return rdflib.URIRef(_CURIES[prefix] + local if local else ELI + name)


@pytest.fixture(scope="module")
def eli() -> rdflib.Graph:
    (vocabulary,) = [v for v in external_vocabularies() if v.name == "eli"]
    graph = rdflib.Graph()
    graph.parse(vocabulary.path, format=vocabulary.rdf_format)
    return graph


@pytest.fixture(scope="module")
def hierarchy() -> rdflib.Graph:
    """Our ontology's class hierarchy (aia:Article ⊑ aia:Provision ⊑ eli:...)."""
    ontology = rdflib.Graph()
    for path in ontology_files():
        ontology.parse(path, format="turtle")
    out = rdflib.Graph()
    for triple in ontology.triples((None, RDFS.subClassOf, None)):
        out.add(triple)
    return out


def _members(eli: rdflib.Graph, node: rdflib.term.Node) -> set[rdflib.term.Node]:
    union = eli.value(node, OWL.unionOf)
    return set(Collection(eli, union)) if union is not None else {node}


def _superclasses(
    eli: rdflib.Graph, hierarchy: rdflib.Graph, cls: rdflib.term.Node
) -> set[rdflib.term.Node]:
    seen: set[rdflib.term.Node] = set()
    stack = [cls]
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        for graph in (eli, hierarchy):
            parents = graph.objects(current, RDFS.subClassOf)
            stack.extend(o for o in parents if not isinstance(o, rdflib.BNode))
    return seen


def test_expectations_match_the_pinned_ontology(eli: rdflib.Graph) -> None:
    for name in EXPECTED["classes"]:
        assert (ELI[name], RDF.type, OWL.Class) in eli, name
    for name, spec in EXPECTED["properties"].items():
        prop = ELI[name]
        assert set(eli.objects(prop, RDF.type)) & {OWL.ObjectProperty, OWL.DatatypeProperty}, name
        domains = {m for d in eli.objects(prop, RDFS.domain) for m in _members(eli, d)}
        assert domains == {ELI[d] for d in spec["domain"]}, name
        ranges = {m for r in eli.objects(prop, RDFS.range) for m in _members(eli, r)}
        expected = spec["range"]
        names = expected if isinstance(expected, list) else [expected] if expected else []
        wanted = {_iri(r) for r in names}
        assert ranges == wanted, name


def test_every_eli_term_used_is_reviewed(graph: rdflib.Graph, eli: rdflib.Graph) -> None:
    used = {p for p in graph.predicates() if str(p).startswith(str(ELI))}
    used |= {o for o in graph.objects(None, RDF.type) if str(o).startswith(str(ELI))}
    reviewed = {ELI[n] for n in EXPECTED["properties"]} | {ELI[n] for n in EXPECTED["classes"]}
    assert used <= reviewed, used - reviewed
    declared = set(eli.subjects(RDF.type, None))
    assert used <= declared


def _datatype(literal: rdflib.term.Node) -> rdflib.term.Node | None:
    if not isinstance(literal, rdflib.Literal):
        return None
    if literal.datatype is not None:
        return literal.datatype
    return RDF.langString if literal.language else XSD.string  # RDF 1.1 simple literals


def _range_problem(spec: dict[str, Any], obj: rdflib.term.Node, classes: set[Any]) -> str | None:
    """Why ``obj`` is not in the reviewed range of a property (``None`` if it is)."""
    rng = spec["range"]
    if isinstance(rng, list) or (isinstance(rng, str) and rng.startswith("xsd:")):
        allowed = {_iri(r) for r in (rng if isinstance(rng, list) else [rng])}
        return None if _datatype(obj) in allowed else f"not {rng}"
    if rng == "rdfs:Literal":
        ok = isinstance(obj, rdflib.Literal) and bool(obj.language)
        return None if ok else "a title needs a language tag"
    if "values" in spec:
        return None if str(obj).startswith(spec["values"]) else f"not in {spec['values']}"
    if rng in (None, "owl:Thing") or ELI[rng] in classes:
        return None
    return f"object is not a {rng}"


def test_domains_and_ranges(
    graph: rdflib.Graph, hierarchy: rdflib.Graph, eli: rdflib.Graph
) -> None:
    cache: dict[rdflib.term.Node, set[rdflib.term.Node]] = {}

    def classes(node: rdflib.term.Node) -> set[rdflib.term.Node]:
        if node not in cache:
            cache[node] = set().union(
                *(_superclasses(eli, hierarchy, t) for t in graph.objects(node, RDF.type))
            )
        return cache[node]

    problems: list[str] = []
    for name, spec in EXPECTED["properties"].items():
        domain = {ELI[d] for d in spec["domain"]}
        for s, o in graph.subject_objects(ELI[name]):
            if not classes(s) & domain:
                problems.append(f"{s} {name}: subject is not a {spec['domain']}")
            problem = _range_problem(spec, o, classes(o))
            if problem:
                problems.append(f"{s} {name} {o}: {problem}")
    assert not problems, problems[:20]


def test_format_has_exactly_one_format(graph: rdflib.Graph) -> None:
    formats = list(graph.subjects(RDF.type, ELI.Format))
    assert formats
    for manifestation in formats:
        assert len(list(graph.objects(manifestation, ELI["format"]))) == 1


def test_title_is_on_the_expression_not_the_work(graph: rdflib.Graph) -> None:
    act = rdflib.URIRef(ACT)
    assert not list(graph.objects(act, ELI.title))
    (expression,) = graph.objects(act, ELI.is_realized_by)
    assert (expression, ELI.realizes, act) in graph
    (title,) = graph.objects(expression, ELI.title)
    assert isinstance(title, rdflib.Literal)
    assert title.language == "en"
    assert "(Artificial Intelligence Act)" in title
    assert {s for s, _ in graph.subject_objects(ELI.title)} == {expression}


AIA = rdflib.Namespace("https://w3id.org/aiact-kg/ontology#")


@pytest.mark.parametrize(
    ("kind", "count", "prefix"), [("Article", 113, "art_"), ("Recital", 180, "rct_")]
)
def test_articles_and_recitals_have_their_official_eli(
    graph: rdflib.Graph, kind: str, count: int, prefix: str
) -> None:
    provisions = list(graph.subjects(RDF.type, AIA[kind]))
    assert len(provisions) == count
    for provision in provisions:
        local = str(provision).removeprefix(PROVISION)
        assert local.startswith(prefix)
        assert list(graph.objects(provision, AIA.eli)) == [
            rdflib.URIRef(f"http://data.europa.eu/eli/reg/2024/1689/{local}/oj")
        ]


def test_other_provisions_are_marked_as_own_identifiers(graph: rdflib.Graph) -> None:
    own = rdflib.URIRef("https://w3id.org/aiact-kg/concept/identifier-own")
    documented = rdflib.URIRef("https://w3id.org/aiact-kg/concept/eli-documented")
    annexes = list(graph.subjects(RDF.type, AIA.Annex))
    assert len(annexes) == 13
    for provision in graph.subjects(RDF.type, ELI.LegalResourceSubdivision):
        status = list(graph.objects(provision, AIA.identifierStatus))
        has_eli = bool(list(graph.objects(provision, AIA.eli)))
        assert status == [documented if has_eli else own], provision
    assert all(not list(graph.objects(a, AIA.eli)) for a in annexes)


SKOS = rdflib.namespace.SKOS


def test_is_about_links_points_to_the_concepts_resting_on_them(
    graph: rdflib.Graph, legal_text_dir: Path, eli: rdflib.Graph
) -> None:
    """subjects.ttl: eli:is_about from a Work to a skos:Concept (ELI's domain and range), each
    backed by the concept's own aia:sourceProvision in our schemes."""
    (domain,) = eli.objects(ELI.is_about, RDFS.domain)
    (rng,) = eli.objects(ELI.is_about, RDFS.range)
    assert (domain, rng) == (ELI.Work, SKOS.Concept)
    subjects = rdflib.Graph().parse(legal_text_dir / "subjects.ttl", format="turtle")
    schemes = rdflib.Graph()
    for path in scheme_files():
        schemes.parse(path, format="turtle")
    pairs = list(subjects.subject_objects(ELI.is_about))
    assert len(pairs) == len(list(subjects)) >= 60
    for provision, concept in pairs:
        assert (provision, RDF.type, ELI.LegalResourceSubdivision) in graph, provision
        assert (concept, RDF.type, SKOS.Concept) in schemes, concept
        assert (concept, AIA.sourceProvision, provision) in schemes, (provision, concept)
