"""Small submissions the command-line tests share."""

from __future__ import annotations

PREFIXES = (
    "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
    "@prefix aiac: <https://w3id.org/aiact-kg/concept/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix ex: <https://example.org/> .\n"
)
# a minimal-risk spam filter that conforms
GOOD = PREFIXES + (
    "ex:filter a aia:AISystem ; aia:hasProvider ex:acme ;\n"
    "  aia:intendedPurpose aiac:purpose-spam-filtering ; aia:interactsWithNaturalPersons false ;\n"
    '  aia:putIntoServiceOn "2026-03-01"^^xsd:date .\n'
    'ex:acme a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME true .\n'
)
