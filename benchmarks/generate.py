"""Generate synthetic submissions for benchmarks: a mix of AI systems and GPAI models."""

from __future__ import annotations

import random
from pathlib import Path

ANNEX_III = ["1a", "1c", "2", "3a", "3b", "4a", "4b", "5a", "5b", "5c", "6d", "7b", "8a"]
OTHER_PURPOSES = ["fraud-detection", "spam-filtering", "recommendation", "customer-service-chatbot"]
COUNTRIES = ["DE", "FR", "NL", "IE", "US", "CN", "GB", "IT", "ES", "PL"]
PREFIXES = (
    "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
    "@prefix aiac: <https://w3id.org/aiact-kg/concept/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix ex: <https://example.org/bench/> .\n"
)


def subject_turtle(index: int, rng: random.Random, *, valid: bool = False) -> str:
    """One described subject (system or model) with its provider, in Turtle without prefixes."""
    org = f"ex:org{index}"
    party = (
        f'{org} a aia:LegalPerson ; aia:establishedIn "{rng.choice(COUNTRIES)}" ; '
        f"aia:isSME {str(rng.random() < 0.3).lower()} .\n"
    )
    if rng.random() < 0.15:
        compute = rng.choice(["3.8e25", "2.1e24", "1e26", "5e23"])
        return (
            f"ex:model{index} a aia:GeneralPurposeAIModel ; aia:hasProvider {org} ;\n"
            f"  aia:trainingComputeFLOP {compute} ;\n"
            f"  aia:registeredBusinessUsersEU {rng.randint(0, 30000)} ;\n"
            f'  aia:placedOnMarketOn "2025-0{rng.randint(1, 9)}-01"^^xsd:date .\n' + party
        )
    if rng.random() < 0.5:
        purpose = f"aiac:annex-iii-{rng.choice(ANNEX_III)}"
    else:
        purpose = f"aiac:purpose-{rng.choice(OTHER_PURPOSES)}"
    extra = ""
    if rng.random() < 0.2:
        extra = "  aia:reliesOnCondition aiac:art-6-3-a ; aia:performsProfiling false ;\n"
    if rng.random() < 0.1:
        context = " ; aia:practiceArea aiac:area-workplace ; aia:practiceReason aiac:reason-safety"
        extra += (
            f"  aia:engagesIn [ aia:practice aiac:practice-emotion-recognition"
            f"{context if valid else ''} ] ;\n"
        )
    return (
        f"ex:system{index} a aia:AISystem ; aia:hasProvider {org} ;\n"
        f"  aia:intendedPurpose {purpose} ;\n{extra}"
        f"  aia:interactsWithNaturalPersons {str(rng.random() < 0.4).lower()} ;\n"
        f'  aia:putIntoServiceOn "2026-0{rng.randint(1, 9)}-15"^^xsd:date .\n' + party
    )


def write_subject_files(
    directory: Path, count: int, seed: int = 1689, *, valid: bool = False, first: int = 0
) -> list[Path]:
    """Write ``count`` files of one subject each (numbered from ``first``); returns their paths."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for index in range(first, first + count):
        path = directory / f"subject-{index:06d}.ttl"
        path.write_text(PREFIXES + subject_turtle(index, rng, valid=valid), encoding="utf-8")
        paths.append(path)
    return paths


def write_single_file(
    path: Path, count: int, seed: int = 1689, *, valid: bool = False, first: int = 0
) -> Path:
    """Write ``count`` subjects (numbered from ``first``) into one Turtle file (``valid``: no
    deliberate gaps)."""
    rng = random.Random(seed)
    body = "".join(subject_turtle(index, rng, valid=valid) for index in range(first, first + count))
    path.write_text(PREFIXES + body, encoding="utf-8")
    return path
