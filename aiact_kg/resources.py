"""The one module that knows where the shipped data files live.

In an installed wheel the data directories sit under ``aiact_kg/data/`` (mapped by the build
backend from the repository's top-level ``ontology/``, ``shapes/``, ``queries/`` and ``data/*``
directories). In a source checkout or an editable install they are read from the repository
root. Nothing here reads the current directory or the network.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

GRAPH_BASE = "https://w3id.org/aiact-kg/graph/"

# directory name inside the wheel's data folder -> directory in the source tree
_SOURCE_LAYOUT: dict[str, str] = {
    "ontology": "ontology",
    "shapes": "shapes",
    "queries": "queries",
    "legal-text": "data/legal-text",
    "obligations": "data/obligations",
    "draft-history": "data/draft-history",
    "law": "data/law",
    "models": "data/models",
    "duty-sweep": "data/duty-sweep",
}


@dataclass(frozen=True)
class GraphSource:
    """A set of shipped RDF files loaded into one named graph of the knowledge base."""

    name: str
    files: tuple[Path, ...]

    @property
    def graph_iri(self) -> str:
        return GRAPH_BASE + self.name


@cache
def _installed_data_root() -> Path | None:
    root = Path(str(files("aiact_kg"))) / "data"
    return root if (root / "ontology").is_dir() else None


@cache
def _source_root() -> Path | None:
    root = Path(__file__).resolve().parent.parent
    return root if (root / "ontology").is_dir() and (root / "pyproject.toml").is_file() else None


def data_dir(name: str) -> Path:
    """Return the directory of one kind of shipped data (``ontology``, ``shapes``, ...)."""
    if name not in _SOURCE_LAYOUT:
        raise KeyError(f"unknown data directory {name!r}; known: {sorted(_SOURCE_LAYOUT)}")
    installed = _installed_data_root()
    if installed is not None:
        return installed / name
    source = _source_root()
    if source is not None:
        return source / _SOURCE_LAYOUT[name]
    raise FileNotFoundError("aiact-kg data files are missing from this installation")


def _turtle_files(directory: Path) -> tuple[Path, ...]:
    return tuple(sorted(directory.glob("*.ttl")))


def ontology_files() -> tuple[Path, ...]:
    """The OWL modules of our ontology (``ontology/*.ttl`` and ``ontology/modules/*.ttl``)."""
    root = data_dir("ontology")
    return _turtle_files(root) + _turtle_files(root / "modules")


def scheme_files() -> tuple[Path, ...]:
    return _turtle_files(data_dir("ontology") / "schemes")


def alignment_files() -> tuple[Path, ...]:
    return _turtle_files(data_dir("ontology") / "alignments")


def shape_files() -> tuple[Path, ...]:
    return _turtle_files(data_dir("shapes"))


def query_dir() -> Path:
    return data_dir("queries")


@dataclass(frozen=True)
class ExternalVocabulary:
    """A pinned copy of an external vocabulary we link to."""

    name: str
    path: Path
    namespace: str
    rdf_format: str  # "turtle" or "xml"


def external_vocabularies() -> tuple[ExternalVocabulary, ...]:
    imports = data_dir("ontology") / "imports"
    return (
        ExternalVocabulary(
            "dpv", imports / "dpv-2.3" / "dpv.ttl", "https://w3id.org/dpv#", "turtle"
        ),
        ExternalVocabulary(
            "dpv-eu-aiact",
            imports / "dpv-2.3" / "eu-aiact.ttl",
            "https://w3id.org/dpv/legal/eu/aiact#",
            "turtle",
        ),
        ExternalVocabulary(
            "dpv-ai", imports / "dpv-2.3" / "ai.ttl", "https://w3id.org/dpv/ai#", "turtle"
        ),
        ExternalVocabulary(
            "dpv-legal-eu",
            imports / "dpv-2.3" / "legal-eu.ttl",
            "https://w3id.org/dpv/legal/eu#",
            "turtle",
        ),
        ExternalVocabulary(
            "airo", imports / "airo" / "airo.ttl", "https://w3id.org/airo#", "turtle"
        ),
        ExternalVocabulary(
            "vair", imports / "vair" / "vair.ttl", "https://w3id.org/vair#", "turtle"
        ),
        ExternalVocabulary(
            "eli", imports / "eli" / "eli.rdf", "http://data.europa.eu/eli/ontology#", "xml"
        ),
    )


def knowledge_base_sources() -> tuple[GraphSource, ...]:
    """Every shipped file of the knowledge base, grouped by the named graph it belongs to."""
    return (
        GraphSource("ontology", ontology_files()),
        GraphSource("schemes", scheme_files()),
        GraphSource("alignments", alignment_files()),
        GraphSource("legal-text", _turtle_files(data_dir("legal-text"))),
        GraphSource("obligations", _turtle_files(data_dir("obligations"))),
        GraphSource("draft-history", _turtle_files(data_dir("draft-history"))),
        GraphSource("law", _turtle_files(data_dir("law"))),
        GraphSource("models", _turtle_files(data_dir("models"))),
        GraphSource("duty-sweep", _turtle_files(data_dir("duty-sweep"))),
    )


# Which graphs of the knowledge base each consumer reads, declared once (names as above):
# the rules engine (queries/rules/ and queries/assess/), the SHACL validation of submissions
# (the classes and allowed values the shapes refer to), and the build (every graph).
CONSUMER_GRAPHS: dict[str, tuple[str, ...]] = {
    "engine": ("ontology", "schemes", "legal-text", "obligations", "law"),
    "validation": ("ontology", "schemes"),
    "build": (
        "ontology",
        "schemes",
        "alignments",
        "legal-text",
        "obligations",
        "draft-history",
        "law",
        "models",
        "duty-sweep",
    ),
}


def sources_for(consumer: str) -> tuple[GraphSource, ...]:
    """The knowledge-base graphs ``consumer`` (a key of :data:`CONSUMER_GRAPHS`) reads."""
    if consumer not in CONSUMER_GRAPHS:
        raise KeyError(f"unknown consumer {consumer!r}; known: {sorted(CONSUMER_GRAPHS)}")
    wanted = CONSUMER_GRAPHS[consumer]
    return tuple(source for source in knowledge_base_sources() if source.name in wanted)


def jsonld_context_file() -> Path:
    """The project's JSON-LD @context, published as https://w3id.org/aiact-kg/context.jsonld."""
    return data_dir("ontology") / "context" / "aiact-kg.context.jsonld"


FULL_CONTEXT_IRI = "https://w3id.org/aiact-kg/context/full.jsonld"


def full_jsonld_context_file() -> Path:
    """The JSON-LD @context of the whole ontology, published as :data:`FULL_CONTEXT_IRI`.

    Generated by scripts/generate_jsonld_context.py; used to compact exports and answers.
    """
    return data_dir("ontology") / "context" / "aiact-kg-full.context.jsonld"
