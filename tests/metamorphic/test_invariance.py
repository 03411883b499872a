"""The assessment of a description must not depend on how it is written.

For every example submission and every legal case file, each variant of :mod:`.variants` (six
formats, shuffled, split across two files, prefixes renamed, the submitter's nodes as blank
nodes, blank nodes named, roles written as role nodes) must give the same validation verdict and
the same assessment JSON as the source, modulo generated identifiers. All variants of one source
are assessed together in one batch (their IRIs renamed apart), so a subject must also come out
the same next to others."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pyoxigraph import Quad

from aiact_kg.assessment import AssessmentReport, assess_documents
from aiact_kg.queries import run_select
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.submission.reading import InputDocument, read_rdf_bytes
from aiact_kg.submission.skolem import SKOLEM_BASE, document_key
from aiact_kg.submission.validation import SubmissionValidator
from tests.metamorphic.variants import (
    VARIANT_PREFIX,
    Variant,
    normalise_text,
    rename_local,
    unskolemize,
    variants,
)

ROOT = Path(__file__).resolve().parents[2]
CASE_PREFIXES = (  # as predeclared for case files (tests/cases/conftest.py)
    "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
    "@prefix aiac: <https://w3id.org/aiact-kg/concept/> .\n"
    "@prefix aiap: <https://w3id.org/aiact-kg/reg/2024/1689/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix ex: <https://example.org/> .\n"
)
EXAMPLE_DATE = date(2026, 11, 22)
_IN_FILE = re.compile(r"^In [^,]+, ")  # messages of the Python checks name the file
BLANK_NODE_CHECK = "checks/blank-node-in-assessment-input-violation"


@dataclass(frozen=True)
class Source:
    """A description to rewrite: its file name, bytes and the question asked of it."""

    name: str
    data: bytes
    options: AssessmentOptions


def _examples() -> list[Source]:
    folder = ROOT / "examples" / "submissions"
    return [
        Source(path.name, path.read_bytes(), AssessmentOptions(as_of=EXAMPLE_DATE))
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.suffix in {".ttl", ".nt", ".nq", ".trig", ".rdf", ".jsonld"}
    ]


def _cases() -> list[Source]:
    found = []
    for path in sorted((ROOT / "tests" / "cases").rglob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        as_of = case["as_of"]
        as_of = as_of if isinstance(as_of, date) else date.fromisoformat(str(as_of))
        options = AssessmentOptions(
            as_of=as_of,
            law=case.get("law", "as-published"),
            threshold_flop=case.get("threshold_flop"),
        )
        name = f"{path.parent.name}-{path.stem}.ttl"
        found.append(Source(name, (CASE_PREFIXES + case["facts"]).encode(), options))
    return found


SOURCES = _examples() + _cases()
_VALIDATOR: list[SubmissionValidator] = []


def _validator() -> SubmissionValidator:
    if not _VALIDATOR:
        _VALIDATOR.append(SubmissionValidator())
    return _VALIDATOR[0]


def _as_written(source: Source) -> list[Quad]:
    return unskolemize(read_rdf_bytes(source.data, name=source.name).quads)


def _variant_of(quads: Sequence[Quad], number: int, seed: int) -> Variant:
    return variants(rename_local(quads, number), seed, f"{VARIANT_PREFIX}{number}:")[number]


def _canonical_subject(subject: dict[str, Any]) -> str:
    """A subject's assessment with run-dependent identifiers replaced by what they stand for."""
    keys = {
        d["id"]: f"{d['rule']}|{d['conclusion']}|{d['legal_basis']}|{d['explanation']}"
        for d in subject["determinations"]
    }
    determinations = []
    for d in subject["determinations"]:
        item = {k: v for k, v in d.items() if k != "id"}
        if "fines" in item:  # one per operator, in the order of the operators' IRIs
            item["fines"] = sorted(item["fines"], key=lambda fine: json.dumps(fine, sort_keys=True))
        item["premises"] = sorted(
            "determination " + keys.get(p.split(" ", 1)[1], "?")
            if p.startswith("determination ")
            else p
            for p in d["premises"]
        )
        determinations.append(json.dumps(item, sort_keys=True))
    obligations = []
    for o in subject["obligations"]:
        item = {k: v for k, v in o.items() if k != "id"}
        item["determination"] = keys.get(o["determination"] or "", o["determination"])
        obligations.append(json.dumps(item, sort_keys=True))
    return json.dumps(
        {
            "iri": subject["iri"],
            "kind": subject["kind"],
            "categories": subject["categories"],
            "flags": subject["flags"],
            "determinations": sorted(determinations),
            "obligations": sorted(obligations),
        },
        sort_keys=True,
        indent=1,
    )


def _violations(data: dict[str, Any], files: set[str]) -> list[str]:
    """The violations of the files, and their warnings and notes (how the results read the
    facts: an outside check found them compared nowhere): those of their subjects, and those
    that name one of them (a node every variant states, such as a node of the knowledge base a
    description may not describe, is reported under the first file that has it, each file's
    finding naming it)."""
    return sorted(
        {
            f"{v['severity']}|{_without_file(v, files)}|{v['path']}|{v['shape']}"
            for v in [*data["violations"], *data["warnings"]]
            if (v["file"] in files or any(f"In {name}," in v["message"] for name in files))
            and v["shape"] != _MAPPING_NOTES
        }
    )


# the variants are written from the statements as read, DPV, AIRO and VAIR terms already mapped
# to ours: the notes of that mapping are the source's alone
_MAPPING_NOTES = "https://w3id.org/aiact-kg/check/external-vocabulary"


def _without_file(violation: dict[str, Any], files: set[str]) -> str:
    """A violation's message without the file names (which differ between variants), and
    without the file each value is given in (named only when the values come from several)."""
    message = _IN_FILE.sub("In <file>, ", violation["message"])
    for name in sorted({violation["file"], *files}, key=len, reverse=True):
        message = message.replace(name, "<file>")
    return message.replace(" in <file>", "")


def _belongs_to(iri: str, number: int, keys: set[str]) -> bool:
    if iri.startswith(f"{VARIANT_PREFIX}{number}:"):
        return True
    return iri.startswith(SKOLEM_BASE) and iri[len(SKOLEM_BASE) :].split("/", 1)[0] in keys


def _outcome(
    data: dict[str, Any], files: set[str], number: int | None, blanked: dict[str, str]
) -> dict[str, Any]:
    """What must not change: validity, violations and each subject's canonical assessment."""
    keys = {document_key(name) for name in files}
    subjects = [
        _canonical_subject(json.loads(normalise_text(json.dumps(s), blanked)))
        for s in data["subjects"]
        if number is None or _belongs_to(s["iri"], number, keys)
    ]
    return {
        "valid": data["valid"],
        # sorted after the blank-node labels are normalised: the order is not what is compared
        "violations": sorted(normalise_text(v, blanked) for v in _violations(data, files)),
        "subjects": sorted(subjects),
    }


def _lines(outcome: dict[str, Any]) -> list[str]:
    """The outcome as lines for a readable diff."""
    lines = [f"valid: {outcome['valid']}"] + [f"violation: {v}" for v in outcome["violations"]]
    for subject in outcome["subjects"]:
        lines += subject.splitlines()
    return lines


def _assess(
    documents: Sequence[InputDocument], options: AssessmentOptions, check_blank_nodes: bool
) -> AssessmentReport:
    report = assess_documents(documents, options, validator=_validator())
    assert report.store is not None
    leaks = run_select(report.store, BLANK_NODE_CHECK).rows
    assert not (check_blank_nodes and leaks), f"blank nodes reached the rules: {leaks[:5]}"
    return report


_REACHED = re.compile(r"\(the value of aia:\w+ of [^)]*\)")


def _reached_by_role(outcome: dict[str, Any]) -> dict[str, Any]:
    """The outcome with "(the value of aia:hasProvider of X)" in messages, which names how a
    node was reached, made the same for a role written as a property and as a role node."""
    violations = sorted(_REACHED.sub("(a node reached)", v) for v in outcome["violations"])
    return {**outcome, "violations": violations}


def check_invariance(
    source: Source, chosen: Sequence[Variant] | None = None, check_blank_nodes: bool = True
) -> list[str]:
    """Every difference between the source's assessment and its variants' (empty: invariant)."""
    baseline_doc = read_rdf_bytes(source.data, name=source.name)
    baseline = _outcome(
        _assess([baseline_doc], source.options, check_blank_nodes).data, {source.name}, None, {}
    )
    quads = _as_written(source)
    seed = sum(source.name.encode())
    if chosen is None:
        count = len(variants(quads, seed))
        chosen = [_variant_of(quads, n, seed) for n in range(count)]
    documents, files = [], []
    for number, variant in enumerate(chosen):
        names = {f"v{number}-{variant.name}/{name}" for name, _ in variant.documents}
        files.append(names)
        documents += [
            read_rdf_bytes(data, name=f"v{number}-{variant.name}/{name}")
            for name, data in variant.documents
        ]
    batch = _assess(documents, source.options, check_blank_nodes).data
    problems = []
    for number, variant in enumerate(chosen):
        got = _outcome(batch, files[number], number, variant.blanked)
        expected = baseline
        if variant.name == "role-nodes":  # a party is reached through its role node there
            got, expected = _reached_by_role(got), _reached_by_role(baseline)
        if got != expected:
            diff = difflib.unified_diff(
                _lines(expected), _lines(got), "source", variant.name, lineterm="", n=1
            )
            problems.append(f"variant {variant.name} of {source.name} differs:\n" + "\n".join(diff))
    return problems


@pytest.mark.parametrize("source", SOURCES, ids=[s.name for s in SOURCES])
def test_assessment_does_not_depend_on_how_the_description_is_written(source: Source) -> None:
    problems = check_invariance(source)
    assert not problems, "\n\n".join(problems)


def test_every_example_and_case_is_covered() -> None:
    cases = list((ROOT / "tests" / "cases").rglob("*.yaml"))
    assert len(SOURCES) == len(_examples()) + len(cases)
    assert len(cases) >= 150
    names = {s.name for s in _examples()}
    assert names >= {"credit-scoring-bank.nt", "gpai-model-systemic-risk.jsonld"}


def _source(name: str) -> Source:
    return next(s for s in SOURCES if s.name == name)


def test_the_suite_catches_rules_that_read_blank_nodes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Proof that the suite can fail: let blank nodes through to the rules, as before skolemising.

    Rules build IRIs with ``STR()`` of the nodes they read; on a blank node that is an error and
    the insert silently does nothing. The check query and the comparison must both notice.
    """
    monkeypatch.setattr(
        "aiact_kg.submission.reading.skolemize", lambda quads, name, text=None: tuple(quads)
    )
    source = _source("gpai-model-commission-designation.ttl")
    quads = _as_written(source)
    blank = next(v for v in variants(rename_local(quads, 0), 1) if v.name == "blank-nodes")
    with pytest.raises(AssertionError, match="blank nodes reached the rules"):
        check_invariance(source, [blank])
    problems = check_invariance(source, [blank], check_blank_nodes=False)
    assert problems
    assert "gpai-systemic-risk" in problems[0]


_HYPOTHESIS_SOURCES = [
    s
    for s in SOURCES
    if s.name
    in {
        "gpai-model-commission-designation.ttl",
        "distributor-rebranding.ttl",
        "recruitment-cv-screening.ttl",
        "real-time-rbi-police-suspect-search.trig",
    }
]


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    source=st.sampled_from(_HYPOTHESIS_SOURCES),
    seed=st.integers(min_value=0, max_value=2**32 - 1),
    which=st.lists(st.integers(min_value=0, max_value=20), min_size=1, max_size=3),
)
def test_random_rewritings_give_the_same_assessment(
    source: Source, seed: int, which: list[int]
) -> None:
    """Random shuffles, splits and formats (hypothesis picks the seed and the variants)."""
    quads = _as_written(source)
    count = len(variants(quads, seed))
    picked = sorted({n % count for n in which})
    chosen = [
        variants(rename_local(quads, position), seed, f"{VARIANT_PREFIX}{position}:")[n]
        for position, n in enumerate(picked)
    ]
    problems = check_invariance(source, chosen)
    assert not problems, "\n\n".join(problems)
