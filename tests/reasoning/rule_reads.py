"""What each rule reads and writes, from its SPARQL parsed by rdflib: the predicates of its
patterns, keyed by their object where the object says what is meant (a class for ``rdf:type``,
a concept for ``aia:conclusion`` and ``aia:satisfiesTrigger``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import URIRef, Variable
from rdflib.paths import AlternativePath, InvPath, MulPath, NegatedPath, Path, SequencePath
from rdflib.plugins.sparql.algebra import translateUpdate
from rdflib.plugins.sparql.parser import parseUpdate
from rdflib.plugins.sparql.parserutils import CompValue

from aiact_kg.namespaces import CONCEPT, ONTOLOGY
from aiact_kg.reasoning.engine import AssessmentRun
from aiact_kg.reasoning.rules import Rule

_RDF_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_KEYED = {_RDF_TYPE, URIRef(ONTOLOGY + "conclusion"), URIRef(ONTOLOGY + "satisfiesTrigger")}
# the parts of every determination and premise: they say nothing of which conclusion is meant
_PARTS = {
    ONTOLOGY + name
    for name in (
        "determinationOf",
        "premise",
        "explanation",
        "byRule",
        "legalBasis",
        "premiseSubject",
        "premiseProperty",
        "premiseValue",
    )
}
_PROV = "http://www.w3.org/ns/prov#"

Key = str
"""``aia:appliesFrom``, or ``a aia:Obligation``, ``aia:conclusion aiac:category-high-risk``."""


def _short(term: Any) -> str:
    text = str(term).replace(ONTOLOGY, "aia:").replace(CONCEPT, "aiac:")
    return text.replace(str(_RDF_TYPE), "a")


def _path_predicates(path: Path) -> Iterator[URIRef]:
    if isinstance(path, AlternativePath | SequencePath):
        for part in path.args:
            yield from _path_predicates(part)
    elif isinstance(path, MulPath):
        yield from _path_predicates(path.path)
    elif isinstance(path, InvPath):
        yield from _path_predicates(path.arg)
    elif isinstance(path, NegatedPath):
        return
    elif isinstance(path, URIRef):
        yield path


def _keys(triples: Iterable[tuple[Any, Any, Any]]) -> set[Key]:
    expanded: list[tuple[Any, Any, Any]] = []
    for subject, predicate, value in triples:
        if isinstance(predicate, Path):
            expanded += [(subject, p, value) for p in _path_predicates(predicate)]
        else:
            expanded.append((subject, predicate, value))
    found: set[Key] = set()
    for _, predicate, value in expanded:
        if isinstance(predicate, Variable) or str(predicate) in _PARTS:
            continue
        if str(predicate).startswith(_PROV):
            continue
        if predicate in _KEYED:
            if isinstance(value, URIRef):  # a variable object reads every conclusion: not keyed
                found.add(f"{_short(predicate)} {_short(value)}")
        else:
            found.add(_short(predicate))
    return found


def _patterns(node: Any) -> Iterator[tuple[Any, Any, Any]]:
    if isinstance(node, CompValue):
        for name, value in node.items():
            if name == "triples" and isinstance(value, list):
                yield from _triples(value)
            else:
                yield from _patterns(value)
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _patterns(item)


def _triples(value: list[Any]) -> Iterator[tuple[Any, Any, Any]]:
    """Triples of an algebra BGP (tuples), or of a parse tree's block inside EXISTS (flat lists
    of subject, predicate, object, ...)."""
    for item in value:
        if isinstance(item, tuple) and len(item) == 3:
            yield item
        elif isinstance(item, list):
            for i in range(0, len(item) - 2, 3):
                yield item[i], item[i + 1], item[i + 2]


def reads_and_writes(rule: Rule) -> tuple[set[Key], set[Key]]:
    """The keys a rule's patterns read (its WHERE clauses, EXISTS and MINUS included) and
    those its templates write."""
    update = translateUpdate(parseUpdate(AssessmentRun().bind(rule.text)))
    reads: set[Key] = set()
    writes: set[Key] = set()
    for operation in update.algebra:
        template = operation.get("insert")
        # an operation that only deletes has no insert template (the parser leaves a string)
        if template is not None and not isinstance(template, str):
            writes |= _keys(template.get("triples") or [])
        reads |= _keys(_patterns(operation.get("where")))
    return reads, writes
