"""The namespaces of aiact-kg. The only module that spells our IRI prefixes."""

from __future__ import annotations

from typing import Final

BASE: Final = "https://w3id.org/aiact-kg/"  # every IRI we mint starts with it (see README)
ONTOLOGY: Final = "https://w3id.org/aiact-kg/ontology#"
PROVISION: Final = "https://w3id.org/aiact-kg/reg/2024/1689/"
CONCEPT: Final = "https://w3id.org/aiact-kg/concept/"
OBLIGATION: Final = "https://w3id.org/aiact-kg/obligation/"
DRAFT: Final = "https://w3id.org/aiact-kg/draft/"
GRAPH: Final = "https://w3id.org/aiact-kg/graph/"
RULE: Final = "https://w3id.org/aiact-kg/rule/"
ASSESSMENT: Final = "https://w3id.org/aiact-kg/assessment/"
REGISTRY: Final = "https://w3id.org/aiact-kg/registry/"  # submissions kept in the store
CHECK: Final = "https://w3id.org/aiact-kg/check/"  # the checks of submissions done in Python
DUTY_REVIEW: Final = "https://w3id.org/aiact-kg/duty-review/"  # the duty sweep
ACT: Final = "http://data.europa.eu/eli/reg/2024/1689/oj"
ELI: Final = "http://data.europa.eu/eli/ontology#"

PREFIXES: Final[dict[str, str]] = {
    "aia": ONTOLOGY,
    "aiap": PROVISION,
    "aiac": CONCEPT,
    "aiao": OBLIGATION,
    "aiad": DRAFT,
    "aiadr": DUTY_REVIEW,
    "aiar": RULE,
    "aiaa": ASSESSMENT,
    "eli": ELI,
    "dct": "http://purl.org/dc/terms/",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


def graph_iri(name: str) -> str:
    """IRI of the named graph that holds one source of the knowledge base."""
    return GRAPH + name


def compact(iri: str) -> str:
    """Shorten an IRI with our prefixes where one matches (for display only)."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            best = namespace
            shortened = f"{prefix}:{iri[len(namespace) :]}"
    return shortened if best else iri
