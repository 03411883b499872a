"""Turn Epoch AI's "Large-scale AI models" table into submissions of general-purpose AI models.

Data: Epoch AI, 'Data on AI Models', CC BY 4.0, https://epoch.ai/data/ai-models.

Selection (documented in data/sources/epoch/README.md): a row is a general-purpose AI model
when its Domain names "Language" or "Multimodal" (models that handle a wide range of distinct
tasks, Art 3(63)), it names an organisation whose country can be mapped to an ISO code, and it
gives a basis for the compute (Epoch's training compute, or parameters and dataset size);
other rows cannot be assessed under Art 51(2) and are skipped.

What we state, conservatively:
- aia:trainingComputeFLOP only where Epoch gives it, with dct:provenance saying whether the
  figure was reported by the developer (Epoch's notes say "stated" or "reported") or estimated
  by Epoch, and Epoch's confidence grade;
- aia:totalParameters, and aia:trainingTokens from the dataset size of language models;
  aia:mixtureOfExperts when the parameter notes or the name say mixture of experts or MoE;
- aia:placedOnMarketOn = the publication date, except for unreleased models or an unknown
  accessibility (published models are usually made available in the Union on release);
- aia:weightsPublic for open-weights models; aia:freeAndOpenSourceLicence true only for
  "Open weights (unrestricted)" whose accessibility notes name Apache 2.0 or MIT (then the
  architecture and usage information are taken as public: released with the weights);
  false for restricted or non-commercial open weights.
"""

from __future__ import annotations

import csv
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

MODEL_BASE = "https://w3id.org/aiact-kg/model/epoch/"
PROVIDER_BASE = MODEL_BASE + "provider/"
DATASET = "https://epoch.ai/data/ai-models"
ATTRIBUTION = "Data: Epoch AI, 'Data on AI Models', CC BY 4.0, https://epoch.ai/data/ai-models"

COUNTRIES: dict[str, str] = {
    "United States of America": "US",
    "China": "CN",
    "Hong Kong": "HK",
    "Korea (Republic of)": "KR",
    "France": "FR",
    "United Kingdom of Great Britain and Northern Ireland": "GB",
    "Japan": "JP",
    "Germany": "DE",
    "United Arab Emirates": "AE",
    "Russia": "RU",
    "Saudi Arabia": "SA",
    "Canada": "CA",
    "Israel": "IL",
    "Finland": "FI",
    "Singapore": "SG",
    "Switzerland": "CH",
    "India": "IN",
    "Taiwan": "TW",
    "Netherlands": "NL",
    "Spain": "ES",
    "Italy": "IT",
    "Sweden": "SE",
    "Australia": "AU",
}
_GPAI_DOMAINS = re.compile(r"\b(Language|Multimodal)\b")
_FOSS_LICENCE = re.compile(r"\b(apache|mit licen[cs]e|mit\b)", re.IGNORECASE)
_REPORTED = re.compile(r"\b(stated|reported)\b", re.IGNORECASE)
_MOE = re.compile(r"mixture[- ]of[- ]experts|\bMoE\b", re.IGNORECASE)
_PLACED = {
    "API access",
    "Hosted access (no API)",
    "Open weights (unrestricted)",
    "Open weights (restricted use)",
    "Open weights (non-commercial)",
}


@dataclass(frozen=True)
class Provider:
    iri: str
    name: str
    country: str


@dataclass(frozen=True)
class EpochModel:
    iri: str
    name: str
    provider: Provider
    domain: str
    link: str
    compute_flop: float | None
    compute_provenance: str | None
    parameters: float | None
    tokens: float | None
    mixture_of_experts: bool
    placed_on: str | None
    weights_public: bool | None
    foss_licence: bool | None


def slug(text: str) -> str:
    value = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return value or "unnamed"


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if value > 0 else None


def _first_country(text: str) -> str | None:
    for part in text.split(","):
        code = COUNTRIES.get(part.strip())
        if code:
            return code
    return None


def read_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as stream:
        return list(csv.DictReader(stream))


def is_gpai(row: dict[str, str]) -> bool:
    return bool(_GPAI_DOMAINS.search(row["Domain"]))


def _providers(rows: list[dict[str, str]]) -> dict[str, Provider]:
    """One provider per organisation (its first listed), with its most frequent country."""
    countries: dict[str, Counter[str]] = defaultdict(Counter)
    names: dict[str, str] = {}
    for row in rows:
        organisation = row["Organization"].split(",")[0].strip()
        code = _first_country(row["Country (of organization)"])
        if organisation and code:
            countries[slug(organisation)][code] += 1
            names.setdefault(slug(organisation), organisation)
    by_slug = {
        key: Provider(
            PROVIDER_BASE + key,
            names[key],
            sorted(counter.items(), key=lambda item: (-item[1], item[0]))[0][0],
        )
        for key, counter in countries.items()
    }
    return {
        organisation: by_slug[slug(organisation)]
        for organisation in {row["Organization"].split(",")[0].strip() for row in rows}
        if slug(organisation) in by_slug
    }


def _provenance(row: dict[str, str]) -> str:
    notes = " ".join(row["Training compute notes"].split())
    kind = "reported by the developer" if _REPORTED.search(notes) else "estimated by Epoch AI"
    confidence = row["Confidence"] or "not graded"
    return (
        f"Training compute {kind} (Epoch AI confidence: {confidence}); source: Epoch AI, "
        f"'Data on AI Models'. Epoch notes: {notes[:300]}"
    )


def select_models(rows: list[dict[str, str]]) -> list[EpochModel]:
    """The rows that are assessable general-purpose AI models, in file order."""
    gpai_rows = [row for row in rows if is_gpai(row)]
    providers = _providers(gpai_rows)
    models: list[EpochModel] = []
    seen: Counter[str] = Counter()
    for row in gpai_rows:
        provider = providers.get(row["Organization"].split(",")[0].strip())
        compute = _number(row["Training compute (FLOP)"])
        parameters = _number(row["Parameters"])
        language = "Language" in row["Domain"]
        tokens = _number(row["Training dataset size (datapoints)"]) if language else None
        if provider is None or (compute is None and (parameters is None or tokens is None)):
            continue
        key = slug(row["Model"])
        seen[key] += 1
        if seen[key] > 1:
            key = f"{key}-{seen[key]}"
        access = row["Model accessibility"]
        open_weights = access.startswith("Open weights")
        foss = None
        if open_weights:
            foss = access == "Open weights (unrestricted)" and bool(
                _FOSS_LICENCE.search(row["Accessibility notes"])
            )
        models.append(
            EpochModel(
                iri=MODEL_BASE + key,
                name=row["Model"].strip(),
                provider=provider,
                domain=row["Domain"],
                link=row["Link"].split()[0] if row["Link"].strip() else "",
                compute_flop=compute,
                compute_provenance=_provenance(row) if compute is not None else None,
                parameters=parameters,
                tokens=tokens,
                mixture_of_experts=bool(_MOE.search(row["Parameters notes"] + " " + row["Model"])),
                placed_on=row["Publication date"]
                if access in _PLACED and _is_date(row["Publication date"])
                else None,
                weights_public=True if open_weights else None,
                foss_licence=foss,
            )
        )
    return models


def _is_date(text: str) -> bool:
    return bool(re.fullmatch(r"\d{4}-\d{2}-\d{2}", text))


def _string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("\r", " ")
    return f'"{escaped}"'


def _double(value: float) -> str:
    return f'"{value!r}"^^xsd:double'


def to_turtle(models: list[EpochModel], source_name: str) -> str:
    lines = [
        "# Generated by scripts/build_epoch_models.py from",
        f"# data/sources/epoch/{source_name}; do not edit.",
        f"# {ATTRIBUTION}",
        "# Changes: rows selected as general-purpose AI models and mapped to the aiact-kg",
        "# submission vocabulary (see data/sources/epoch/README.md, aiact_kg_build/epoch.py).",
        "@prefix aia:  <https://w3id.org/aiact-kg/ontology#> .",
        "@prefix dct:  <http://purl.org/dc/terms/> .",
        "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .",
        "@prefix xsd:  <http://www.w3.org/2001/XMLSchema#> .",
        "",
    ]
    providers = sorted({m.provider for m in models}, key=lambda p: p.iri)
    for provider in providers:
        lines.append(
            f"<{provider.iri}> a aia:LegalPerson ; rdfs:label {_string(provider.name)} ;"
            f" aia:establishedIn {_string(provider.country)} ."
        )
    lines.append("")
    for model in models:
        facts = [
            "a aia:GeneralPurposeAIModel",
            f"aia:modelName {_string(model.name)}",
            f"rdfs:label {_string(model.name)}",
            f"aia:hasProvider <{model.provider.iri}>",
            f"dct:source <{DATASET}>",
        ]
        if model.link.startswith(("http://", "https://")):
            facts.append(f"rdfs:seeAlso <{model.link}>")
        if model.compute_flop is not None and model.compute_provenance is not None:
            facts.append(f"aia:trainingComputeFLOP {_double(model.compute_flop)}")
            facts.append(f"dct:provenance {_string(model.compute_provenance)}")
        if model.parameters is not None:
            facts.append(f"aia:totalParameters {_double(model.parameters)}")
        if model.tokens is not None:
            facts.append(f"aia:trainingTokens {_double(model.tokens)}")
        if model.mixture_of_experts:
            facts.append("aia:mixtureOfExperts true")
        if model.placed_on is not None:
            facts.append(f'aia:placedOnMarketOn "{model.placed_on}"^^xsd:date')
        if model.weights_public:
            facts.append("aia:weightsPublic true")
        if model.foss_licence is not None:
            facts.append(
                f"aia:freeAndOpenSourceLicence {'true' if model.foss_licence else 'false'}"
            )
            if model.foss_licence:
                facts.append("aia:architecturePublic true")
                facts.append("aia:usageInformationPublic true")
        lines.append(f"<{model.iri}>\n    " + " ;\n    ".join(facts) + " .")
    return "\n".join(lines) + "\n"


def build(csv_path: Path) -> str:
    """The Turtle file for one Epoch CSV."""
    return to_turtle(select_models(read_rows(csv_path)), csv_path.name)
