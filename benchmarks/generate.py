"""Generate synthetic submissions for benchmarks: a mix of AI systems and GPAI models."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
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
    # a customer-service chatbot interacts with people (the shape ChatbotInteraction asks it)
    interacts = rng.random() < 0.4 or purpose == "aiac:purpose-customer-service-chatbot"
    return (
        f"ex:system{index} a aia:AISystem ; aia:hasProvider {org} ;\n"
        f"  aia:intendedPurpose {purpose} ;\n{extra}"
        f"  aia:interactsWithNaturalPersons {str(interacts).lower()} ;\n"
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


# ---------------------------------------------------------------- injected faults
# Each fault turns the Turtle of subject ``i`` into a faulty variant: a fact missing, given
# twice, of the wrong datatype or with a wrong value. Used by the differential test of the two
# validation engines (tests/shapes/test_engine_differential.py).


def _drop(fragment: str) -> Fault:
    def fault(text: str, index: int) -> str:
        return re.sub(fragment, "", text, count=1)

    return fault


def _add(statements: str) -> Fault:
    def fault(text: str, index: int) -> str:
        kind = "model" if f"ex:model{index} " in text else "system"
        return text + statements.format(s=f"ex:{kind}{index}", org=f"ex:org{index}", i=index)

    return fault


Fault = Callable[[str, int], str]
FAULTS: dict[str, Fault] = {
    "missing-provider": _drop(r" aia:hasProvider ex:org\d+ ;"),
    "missing-purpose": _drop(r"\n  aia:intendedPurpose aiac:[\w-]+ ;"),
    "missing-establishment": _drop(r' aia:establishedIn "\w+" ;'),
    "missing-kind": _drop(r" a aia:(AISystem|GeneralPurposeAIModel) ;"),
    "duplicate-date": _add(
        '{s} aia:putIntoServiceOn "2020-01-01"^^xsd:date , "2021-01-01"^^xsd:date .\n'
    ),
    "duplicate-compute": _add("{s} aia:trainingComputeFLOP 1e20 , 2e20 .\n"),
    "duplicate-country": _add('{org} aia:establishedIn "US" , "FR" .\n'),
    "duplicate-sme": _add("{org} aia:isSME true , false .\n"),
    "wrong-datatype-boolean": _add('{s} aia:interactsWithNaturalPersons "yes" .\n'),
    "wrong-datatype-ill-typed": _add('{org} aia:isStartUp "yes"^^xsd:boolean .\n'),
    "wrong-datatype-date": _add('{s} aia:placedOnMarketOn "2026-13-45"^^xsd:date .\n'),
    "wrong-datatype-date-string": _add('{s} aia:placedOnMarketOn "1 March 2026" .\n'),
    "wrong-datatype-number": _add('{s} aia:totalParameters "many" .\n'),
    "wrong-datatype-decimal": _add('{s} aia:hardwareUtilisation "0.4"^^xsd:string .\n'),
    "wrong-value-purpose": _add("{s} aia:intendedPurpose aiac:purpose-unheard-of .\n"),
    "wrong-value-country": _add('{org} aia:establishedIn "Germany" .\n'),
    "wrong-value-compute": _add("{s} aia:trainingComputeFLOP -5 .\n"),
    "wrong-value-small-compute": _add("{s} aia:trainingComputeFLOP 1025 .\n"),
    "wrong-value-utilisation": _add("{s} aia:hardwareUtilisation 1.5 .\n"),
    "wrong-value-provider-text": _add('{s} aia:hasDeployer "ACME Ltd" .\n'),
    "wrong-value-content": _add("{s} aia:generatesContent aiac:content-smell .\n"),
    "wrong-value-offence": _add(
        "{s} aia:engagesIn [ aia:practice aiac:practice-remote-biometric-identification ; "
        "aia:realTime true ; aia:forLawEnforcement true ; "
        "aia:practiceArea aiac:area-publicly-accessible-space ; "
        "aia:lawEnforcementObjective aiac:art-5-1-h-iii , aiac:art-5-1-h-none ; "
        'aia:targetOffence aiac:annex-iii-1a ; aia:maximumSentenceYears "-2.0"^^xsd:decimal ] .\n'
    ),
    "wrong-value-practice": _add("{s} aia:engagesIn [ aia:practice aiac:area-workplace ] .\n"),
    "wrong-value-event": _add(
        '{s} aia:hasValueChainEvent [ a aia:Rebranding ; aia:eventDate "soon" ] .\n'
    ),
    "wrong-value-deployer-authority": _add(
        "{s} aia:intendedPurpose aiac:annex-iii-5a ; aia:hasDeployer ex:agency{i} .\n"
        'ex:agency{i} aia:establishedIn "BR" ; aia:actsOnBehalfOfPublicAuthority "no" .\n'
    ),
    "wrong-value-user-count": _add("{s} aia:registeredEndUsersEU -3 .\n"),
    "wrong-value-nan": _add('{s} aia:totalParameters "NaN"^^xsd:decimal .\n'),
    # valid values the store cannot hold as written (64-bit integers, 18-place decimals)
    "odd-value-big-decimal": _add('{s} aia:totalParameters "1e26"^^xsd:decimal .\n'),
    "odd-value-huge-integer": _add("{s} aia:registeredEndUsersEU 99999999999999999999999 .\n"),
    "odd-value-many-places": _add("{s} aia:hardwareUtilisation 0.1234567890123456789012 .\n"),
    "odd-value-zoned-date": _add('{s} aia:placedOnMarketOn "2026-01-05Z"^^xsd:date .\n'),
    "odd-value-boolean-one": _add('{s} aia:interactsWithNaturalPersons "1"^^xsd:boolean .\n'),
}


def write_faulty_files(
    directory: Path, count: int, faulty: int, seed: int = 1689
) -> dict[str, list[str]]:
    """Write ``count`` one-subject files, ``faulty`` of them with one to three injected faults.

    Returns, per fault name, the files it was injected into."""
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    chosen = set(rng.sample(range(count), faulty))
    names = sorted(FAULTS)
    injected: dict[str, list[str]] = {name: [] for name in names}
    for index in range(count):
        text = subject_turtle(index, rng)
        file = f"subject-{index:06d}.ttl"
        if index in chosen:
            for name in rng.sample(names, rng.randint(1, 3)):
                text = FAULTS[name](text, index)
                injected[name].append(file)
        (directory / file).write_text(PREFIXES + text, encoding="utf-8")
    return injected


# ---------------------------------------------------------------- mixes at scale, streamed
# Files of many subjects each, written one at a time (1M subjects never sit in memory): the
# light mix of ``subject_turtle`` and a high-risk-heavy mix of renamed copies of the CV
# screening example (Annex III point 4(a), a third-country provider with a representative and a
# deployer: the most obligations per subject of the examples).

HIGH_RISK_TEMPLATE = (
    Path(__file__).resolve().parent.parent
    / "examples"
    / "submissions"
    / "recruitment-cv-screening.ttl"
)
#: light: generated subjects of every kind; high-risk: renamed copies of the CV-screening example;
#: high-risk-varied: :func:`write_high_risk_mix` (copies of every high-risk example in rotation,
#: Annex I products among them, and 20% generated subjects)
MIXES = ("light", "high-risk", "high-risk-varied")


def _high_risk_body() -> tuple[str, str]:
    """The example's prefixes and its statements (comments dropped)."""
    lines = [
        line
        for line in HIGH_RISK_TEMPLATE.read_text(encoding="utf-8").splitlines()
        if not line.startswith("#")
    ]
    prefixes = "".join(line + "\n" for line in lines if line.startswith("@prefix"))
    body = "".join(line + "\n" for line in lines if not line.startswith("@prefix"))
    return prefixes, body


def high_risk_turtle(index: int, body: str) -> str:
    """A copy of the CV screening description with every example.org IRI made unique."""
    return body.replace("<https://example.org/", f"<https://example.org/hr{index}/")


def write_mix_files(
    directory: Path, count: int, mix: str = "light", per_file: int = 100, seed: int = 1689
) -> int:
    """Write ``count`` subjects of ``mix``, ``per_file`` to a file, streamed; returns the files.

    The light mix is conforming (``valid=True``) so that every subject is assessed.
    """
    if mix not in MIXES:
        raise ValueError(f"unknown mix {mix!r}; one of {', '.join(MIXES)}")
    if mix == "high-risk-varied":
        return len(write_high_risk_mix(directory, count, per_file=per_file, seed=seed))
    rng = random.Random(seed)
    directory.mkdir(parents=True, exist_ok=True)
    prefixes, body = _high_risk_body() if mix == "high-risk" else (PREFIXES, "")
    files = 0
    for first in range(0, count, per_file):
        last = min(count, first + per_file)
        path = directory / f"{mix}-{first:07d}.ttl"
        with path.open("w", encoding="utf-8") as out:
            out.write(prefixes)
            for index in range(first, last):
                if mix == "high-risk":
                    out.write(high_risk_turtle(index, body))
                else:
                    out.write(subject_turtle(index, rng, valid=True))
        files += 1
    return files


# ---------------------------------------------------------------- renamed copies of an example
# Realistic subjects: each copy of an example description has every IRI of the example's own
# namespace moved under ``<namespace>copy-<n>/`` and its blank nodes relabelled, so copies
# share nothing but the vocabulary and assess exactly as the example does.

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "submissions"
EXAMPLE_NAMESPACE = "https://example.org/"
#: the example descriptions that are high-risk (Art 6(1) or 6(2)), with deployers or importers
HIGH_RISK_EXAMPLES = (
    "recruitment-cv-screening.ttl",
    "public-authority-benefits-eligibility.ttl",
    "credit-scoring-bank.nt",
    "machinery-safety-component-imported.ttl",
    "medical-device-annex-i.rdf",
    "biometric-identification-standards-not-stated.ttl",
    "workplace-emotion-recognition-safety.ttl",
)


def _example_triples(example: Path) -> list[tuple[object, object, object]]:
    from pyoxigraph import RdfFormat, parse

    rdf_format = RdfFormat.from_extension(example.suffix.lstrip("."))
    if rdf_format is None:
        raise ValueError(f"unknown RDF format of {example}")
    return [(q.subject, q.predicate, q.object) for q in parse(path=str(example), format=rdf_format)]


def renamed_copy(
    triples: list[tuple[object, object, object]], copy: int, namespace: str = EXAMPLE_NAMESPACE
) -> str:
    """Copy ``copy`` of an example's triples as N-Triples (also valid Turtle): IRIs under
    ``namespace`` move to ``<namespace>copy-<copy>/``, blank nodes get a per-copy label."""
    from pyoxigraph import BlankNode, NamedNode

    prefix = f"{namespace}copy-{copy:07d}/"

    def term(value: object) -> str:
        if isinstance(value, NamedNode) and value.value.startswith(namespace):
            return f"<{prefix}{value.value[len(namespace) :]}>"
        if isinstance(value, BlankNode):
            return f"_:c{copy}x{value.value}"
        return str(value)

    return "".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in triples)


def write_renamed_copies(
    directory: Path,
    example: Path | str | list[Path | str],
    count: int,
    *,
    per_file: int = 1,
    first: int = 0,
    namespace: str = EXAMPLE_NAMESPACE,
) -> list[Path]:
    """Write ``count`` renamed copies of ``example`` (a path, a file name under
    ``examples/submissions``, or a list of them used in rotation), ``per_file`` copies to a
    file (``copies-<n>.ttl``, N-Triples syntax); returns the paths written.

    Copy ``n`` (numbered from ``first``) has the example's IRIs under ``namespace`` renamed
    into ``<namespace>copy-<n>/`` and its own blank nodes; it assesses as the example does.
    Keep ``per_file`` times the example's statements under the input limit (10,000 statements
    by default, :mod:`aiact_kg.submission.limits`): e.g. 100 copies of the CV-screening example
    (22 statements each) to a file."""
    names = example if isinstance(example, list) else [example]
    sources = [_example_triples(p if Path(p).exists() else EXAMPLES / p) for p in names]
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for start in range(first, first + count, per_file):
        stop = min(start + per_file, first + count)
        path = directory / f"copies-{start:07d}.ttl"
        body = "".join(
            renamed_copy(sources[n % len(sources)], n, namespace) for n in range(start, stop)
        )
        path.write_text(body, encoding="utf-8")
        paths.append(path)
    return paths


def write_high_risk_mix(
    directory: Path, count: int, *, per_file: int = 1, seed: int = 1689, generated: float = 0.2
) -> list[Path]:
    """A high-risk-heavy registry: ``count`` subjects, about ``1 - generated`` of them renamed
    copies of the high-risk examples (:data:`HIGH_RISK_EXAMPLES`, in rotation: deployers,
    importers, authorised representatives, some 60 obligations each) and the rest generated
    subjects (:func:`subject_turtle`, valid). Returns the paths written."""
    copies = round(count * (1 - generated))
    paths = write_renamed_copies(directory, list(HIGH_RISK_EXAMPLES), copies, per_file=per_file)
    rest = count - copies
    rng = random.Random(seed)
    for start in range(0, rest, per_file):
        stop = min(start + per_file, rest)
        path = directory / f"generated-{start:07d}.ttl"
        body = "".join(subject_turtle(i, rng, valid=True) for i in range(start, stop))
        path.write_text(PREFIXES + body, encoding="utf-8")
        paths.append(path)
    return paths
