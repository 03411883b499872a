"""Check the ontology with HermiT (through owlready2): consistent, and no unsatisfiable class.

owlready2 reads N-Triples but not Turtle, so the Turtle files are converted with rdflib first.
HermiT does not accept ``xsd:date``, ``xsd:dateTime`` or ``xsd:duration`` values (they are not
in the OWL 2 datatype map), so such literals are handed to it as plain strings and range
declarations on them are left out; consistency and class satisfiability do not depend on
those values. A fresh owlready2 ``World`` is used for each check; nothing is fetched from the
network.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, XSD

from aiact_kg.errors import AiactKgError

_UNSUPPORTED_DATATYPES = {XSD.date, XSD.dateTime, XSD.duration, XSD.gYear}


class ReasonerUnavailableError(AiactKgError):
    """HermiT cannot run here (no Java runtime, or owlready2 is not installed)."""


@dataclass(frozen=True)
class ConsistencyReport:
    reasoner: str
    consistent: bool
    unsatisfiable_classes: tuple[str, ...]
    axioms: int


def _reasoner_input(files: Iterable[Path]) -> Graph:
    graph = Graph()
    for path in files:
        graph.parse(path, format="turtle")
    for subject, predicate, value in list(graph):
        if isinstance(value, Literal) and value.datatype in _UNSUPPORTED_DATATYPES:
            graph.remove((subject, predicate, value))
            graph.add((subject, predicate, Literal(str(value))))
    for datatype in _UNSUPPORTED_DATATYPES:
        graph.remove((None, RDFS.range, datatype))
    # owl:imports are never followed: the modules are all given here
    graph.remove((None, OWL.imports, None))
    return graph


def check_consistency(files: Iterable[Path]) -> ConsistencyReport:
    """Run HermiT on the union of the given Turtle files."""
    if shutil.which("java") is None:
        raise ReasonerUnavailableError("HermiT needs a Java runtime ('java' is not on the PATH)")
    try:
        import owlready2
    except ImportError as error:
        raise ReasonerUnavailableError(
            "the HermiT check needs owlready2: install the build extra "
            "(pip install 'aiact-kg[build]')"
        ) from error

    graph = _reasoner_input(files)
    with tempfile.TemporaryDirectory(prefix="aiact-kg-hermit-") as tmp:
        path = Path(tmp) / "ontology.nt"
        graph.serialize(path, format="nt", encoding="utf-8")
        world = owlready2.World()
        ontology = world.get_ontology(path.as_uri()).load(format="ntriples")
        try:
            with ontology:
                owlready2.sync_reasoner_hermit(world, infer_property_values=False, debug=0)
        except owlready2.OwlReadyInconsistentOntologyError:
            return ConsistencyReport("HermiT", False, (), len(graph))
        unsatisfiable = tuple(
            sorted(
                cls.iri
                for cls in world.inconsistent_classes()
                if isinstance(cls, owlready2.ThingClass) and cls is not owlready2.Nothing
            )
        )
        world.close()
    return ConsistencyReport("HermiT", True, unsatisfiable, len(graph))


def declared_classes(files: Iterable[Path]) -> set[URIRef]:
    """IRIs declared ``owl:Class`` in the given files (for tests and reports)."""
    graph = Graph()
    for path in files:
        graph.parse(path, format="turtle")
    return {s for s in graph.subjects(RDF.type, OWL.Class) if isinstance(s, URIRef)}
