"""Legal cases as data: every ``tests/cases/**/*.yaml`` file is one scenario test.

A case states facts (Turtle; the prefixes aia, aiac, aiap, xsd and ex are predeclared), an as-of
date, a law version (``law``; without it, the version in force on the as-of date), and what the
assessment must conclude: the exact set of categories (and flags, if given), for an invalid
description a phrase of the expected violation (``violation``), determinations that must be
present (with at least the given legal basis, exactly it with ``exact: true``, and with
``explanation_contains`` in their explanation where given), obligations that must be present
(matched by citation and role, and by dates where given; ``due: null`` for no due date) and
obligations that must be absent. An obligation's ``citation`` matches the provision that
imposes it or any provision of its legal basis; with ``exact: true`` only the imposing provision
matches; ``id`` matches the catalogue's identifier of the obligation (two duties under one
provision). ``fine_tier``, ``cap``, ``cap_provision``, ``fine_applies_from`` (the day the tier
applies from), ``fined_from`` (the day the fine can be imposed), ``fine_operator`` (whom a
prohibited practice's fine is for) and ``fine_condition_contains`` (a phrase of the fine's
condition; ``null``: none) match its fines; a determination's ``fine_operators`` lists every
operator its fines are for, exactly.
``law_version`` is the version the assessment must apply; a determination's ``applies_from``
its date, and ``since``, ``due`` and ``earliest`` the dates of a procedure state;
a determination's ``premises`` lists exactly what it rests on, each a fact as the JSON writes it
(``ex:m aia:placedOnMarketOn 2026-02-01``) or ``determination CONCLUSION`` for another
determination; ``absent_determinations`` lists conclusions that must not be drawn; an obligation's
``in_force`` whether it applies on the as-of date, ``conditional`` whether it waits on an
event (a reasoned request, a serious incident), and ``unverified`` whether it depends on an
unverified amendment.

Each case also runs on the remote SPARQL engines of ``tests/remote_engines.py`` (item
``<case>[oxigraph]``, ``<case>[virtuoso]``): the engine, started once per session, holds the
knowledge base, the run works in its own graphs, and the assessment JSON must be identical to the
embedded store's (same run identity), besides meeting the case. ``AIACT_KG_TEST_ENGINES`` chooses
the engines (default, and what CI's ``make test`` runs: ``oxigraph,virtuoso``; ``oxigraph``;
``none``); an engine not installed is skipped. Every request to an engine has a time limit
(``tests/remote_engines.py``), so a runaway query fails naming the rule and the engine. By
default a representative subset runs on them: the first case of each directory and the cases
of ``engine-cases.txt``, chosen so that every rule file draws a conclusion in at
least one of them (``test_engine_subset.py`` checks it); ``AIACT_KG_TEST_ENGINE_CASES=all`` runs
every case. Virtuoso, several times slower, runs a smaller part of it by default: the cases of
``virtuoso-cases.txt``, which also make every rule file draw a conclusion;
``AIACT_KG_TEST_ENGINE_CASES=subset`` runs the whole subset there (see docs/deploy.md for the
times).
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterator
from datetime import UTC, date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from aiact_kg.assessment import assess_documents
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun
from aiact_kg.reasoning.rules import load_rules
from aiact_kg.store.base import KnowledgeStore
from aiact_kg.submission.reading import read_rdf_bytes
from aiact_kg.submission.skolem import SKOLEM_BASE, document_key
from aiact_kg.submission.validation import SubmissionValidator

PREFIXES = (
    "@prefix aia: <https://w3id.org/aiact-kg/ontology#> .\n"
    "@prefix aiac: <https://w3id.org/aiact-kg/concept/> .\n"
    "@prefix aiap: <https://w3id.org/aiact-kg/reg/2024/1689/> .\n"
    "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
    "@prefix ex: <https://example.org/> .\n"
)
EX = "https://example.org/"
_VALIDATOR: list[SubmissionValidator] = []
_EMBEDDED: dict[str, dict[str, Any]] = {}  # the embedded store's JSON per case, to compare with
# cases whose assessment on an engine is known to differ (strict: one that passes fails the run,
# so the entry is removed when the engine or the rule is fixed); see docs/deploy.md
KNOWN_DIFFERENCES: dict[tuple[str, str], str] = {
    ("virtuoso", "51-integer-compute-one-flop-above-threshold.yaml"): (
        "Virtuoso writes a double to 16 significant digits: the compute premise reads "
        "10000000000000000000000000 for the double above 1e25 (the classification is the same)"
    ),
    ("virtuoso", "14-compute-float-and-derived-integer-types.yaml"): (
        "Virtuoso writes a double to 16 significant digits: the compute premise of the single-"
        "precision 3e25 (2.9999999838992083e25) reads 30000000000000000000000000 (the "
        "classification is the same)"
    ),
    ("virtuoso", "55-compute-beyond-the-label-table.yaml"): (
        "the label of an estimate beyond the table is the engine's text of the double: "
        "Virtuoso writes 3e+150 where pyoxigraph writes every digit (the classification is "
        "the same)"
    ),
}
_ENGINES_VARIABLE = "AIACT_KG_TEST_ENGINES"
_ALL_CASES_VARIABLE = "AIACT_KG_TEST_ENGINE_CASES"


def _validator() -> SubmissionValidator:
    if not _VALIDATOR:
        _VALIDATOR.append(SubmissionValidator())
    return _VALIDATOR[0]


def _iri(value: str, file_name: str = "") -> str:
    """``ex:x`` -> the example IRI; ``_:x`` -> the IRI the reader gives the blank node ``_:x``."""
    if value.startswith("_:"):
        return f"{SKOLEM_BASE}{document_key(file_name)}/{value[2:]}"
    return EX + value[3:] if value.startswith("ex:") else value


class CaseFailedError(AssertionError):
    """A case's expectation was not met."""


def _as_date(value: object) -> str:
    return value.isoformat() if isinstance(value, date) else str(value)


def _case_run(name: str) -> AssessmentRun:
    """The same run identity for a case on every engine (its IRI and time are in the JSON)."""
    run_id = hashlib.sha256(name.encode("utf-8")).hexdigest()[:32]
    return AssessmentRun(run_id, datetime(2026, 1, 1, tzinfo=UTC))


def run_case(
    case: dict[str, Any], name: str, engine: KnowledgeStore | None = None
) -> dict[str, Any]:
    """Assess the case's facts; return the assessment JSON (the whole report)."""
    document = read_rdf_bytes((PREFIXES + case["facts"]).encode(), name=name)
    as_of = case["as_of"] if isinstance(case["as_of"], date) else date.fromisoformat(case["as_of"])
    options = AssessmentOptions(
        as_of=as_of, law=case.get("law"), threshold_flop=case.get("threshold_flop")
    )
    report = assess_documents(
        [document], options, validator=_validator(), engine=engine, keep=False, run=_case_run(name)
    )
    return report.data


def case_engines() -> tuple[str, ...]:
    """The remote engines the cases also run on (``$AIACT_KG_TEST_ENGINES``)."""
    from tests.remote_engines import ENGINES

    value = os.environ.get(_ENGINES_VARIABLE, "oxigraph,virtuoso")
    return tuple(name for name in value.replace(" ", "").split(",") if name in ENGINES)


def listed_cases(name: str) -> list[Path]:
    """The cases a list file of this folder names (paths relative to it; ``#`` comments)."""
    here = Path(__file__).parent
    listed = (here / name).read_text(encoding="utf-8").split("\n")
    return [here / line.strip() for line in listed if line.strip() and not line.startswith("#")]


def engine_subset() -> list[Path]:
    """The cases that run on the remote engines by default: the first case (by file name) of
    each directory, and those listed in ``engine-cases.txt``."""
    here = Path(__file__).parent
    folders = [folder for folder in here.iterdir() if folder.is_dir()]
    first = {min(folder.glob("*.yaml")) for folder in folders if any(folder.glob("*.yaml"))}
    return sorted(first | set(listed_cases("engine-cases.txt")))


def virtuoso_subset() -> list[Path]:
    """The cases that run on Virtuoso by default: those of ``virtuoso-cases.txt``, a part of
    :func:`engine_subset` (Virtuoso takes several times as long as the Oxigraph server)."""
    return sorted(listed_cases("virtuoso-cases.txt"))


@cache
def _chosen(virtuoso: bool) -> frozenset[Path]:
    return frozenset(virtuoso_subset() if virtuoso else engine_subset())


def on_engine(path: Path, engine: str) -> bool:
    """Whether a case also runs on remote engine ``engine``: all with ``..._ENGINE_CASES=all``;
    on Virtuoso those of :func:`virtuoso_subset` (all of :func:`engine_subset` with
    ``..._ENGINE_CASES=subset``); on the others those of :func:`engine_subset`."""
    chosen = os.environ.get(_ALL_CASES_VARIABLE)
    if chosen == "all":
        return True
    return path in _chosen(engine == "virtuoso" and chosen != "subset")


def _differences(embedded: Any, remote: Any, path: str = "") -> list[str]:
    """Where two JSON values differ (the first few), as ``path: embedded != remote``."""
    if isinstance(embedded, dict) and isinstance(remote, dict):
        found: list[str] = []
        for key in sorted(set(embedded) | set(remote)):
            found += _differences(embedded.get(key), remote.get(key), f"{path}.{key}")
        return found
    if isinstance(embedded, list) and isinstance(remote, list) and len(embedded) == len(remote):
        return [
            d
            for i, pair in enumerate(zip(embedded, remote, strict=True))
            for d in _differences(*pair, f"{path}[{i}]")
        ]
    return [] if embedded == remote else [f"{path}: {embedded!r} != {remote!r}"]


def _fine_matches(want: dict[str, Any], item: dict[str, Any]) -> bool:
    if "fine_tier" not in want:
        return True
    return any(
        fine["tier"] == want["fine_tier"]
        and want.get("cap", fine["cap"]) == fine["cap"]
        and want.get("cap_provision", fine.get("cap_provision")) == fine.get("cap_provision")
        and (
            "fine_applies_from" not in want
            or _as_date(want["fine_applies_from"]) == fine.get("applies_from")
        )
        and ("fined_from" not in want or _as_date(want["fined_from"]) == fine.get("fined_from"))
        and ("fine_operator" not in want or _iri(want["fine_operator"]) == fine.get("operator"))
        and (
            "fine_condition_contains" not in want
            or (
                want["fine_condition_contains"] in (fine.get("condition") or "")
                if want["fine_condition_contains"] is not None
                else fine.get("condition") is None
            )
        )
        for fine in item.get("fines", [])
    )


def _matches(want: dict[str, Any], obligation: dict[str, Any], name: str) -> bool:
    cited = "citation" not in want or (
        want["citation"] == obligation["citation"]
        or (not want.get("exact", False) and want["citation"] in obligation["legal_basis"])
    )
    return (
        cited
        and want.get("id", obligation["id"]) == obligation["id"]
        and want.get("role", obligation["role"]) == obligation["role"]
        and (
            "applies_from" not in want
            or _as_date(want["applies_from"]) == obligation["applies_from"]
        )
        and (
            "due" not in want
            or (_as_date(want["due"]) if want["due"] is not None else None) == obligation["due"]
        )
        and ("in_force" not in want or want["in_force"] == obligation["in_force"])
        and (
            "met_on" not in want  # met_on: null says the duty is not met
            or (_as_date(want["met_on"]) if want["met_on"] is not None else None)
            == obligation.get("met_on")
        )
        and ("bearer" not in want or _iri(want["bearer"], name) == obligation["bearer"])
        and ("conditional" not in want or want["conditional"] == bool(obligation["conditional_on"]))
        and (
            "unverified" not in want
            or want["unverified"] == bool(obligation.get("depends_on_unverified_amendment"))
        )
        and (
            "met_through" not in want
            or _met_through(want["met_through"]) == _met_through(obligation.get("met_through"))
        )
        and (
            "legal_basis" not in want or set(want["legal_basis"]) <= set(obligation["legal_basis"])
        )
        and _fine_matches(want, obligation)
    )


def _met_through(way: str | dict[str, Any] | None) -> str | None:
    """The citation a case gives for the way a duty is met (``met_through: null``: none), or
    the first citation of the way the output gives."""
    if isinstance(way, dict):
        return str(way["legal_basis"][0]) if way.get("legal_basis") else None
    return way


def _check_sets(expected: dict[str, Any], subject: dict[str, Any]) -> list[str]:
    problems = []
    for key in ("categories", "flags"):
        if key in expected and sorted(subject[key]) != sorted(expected[key]):
            problems.append(f"{key} {subject[key]}, expected {expected[key]}")
    return problems


def _basis_matches(want: dict[str, Any], legal_basis: list[str]) -> bool:
    """At least the legal basis the case gives (exactly it with ``exact: true``)."""
    wanted = set(want.get("legal_basis", []))
    return wanted == set(legal_basis) if want.get("exact", False) else wanted <= set(legal_basis)


def _premises(determination: dict[str, Any], subject: dict[str, Any]) -> list[str]:
    """A determination's premises as a case writes them: another determination by its
    conclusion, a fact with the example IRIs shortened to ``ex:``."""
    conclusions = {d["id"]: d["conclusion"] for d in subject["determinations"]}
    found = []
    for premise in determination["premises"]:
        kind, _, rest = premise.partition(" ")
        if kind == "determination" and rest in conclusions:
            found.append(f"determination {conclusions[rest]}")
        else:
            found.append(" ".join(part.replace(EX, "ex:", 1) for part in premise.split(" ")))
    return sorted(found)


def _check_determinations(expected: dict[str, Any], subject: dict[str, Any]) -> list[str]:
    problems = []
    for want in expected.get("determinations", []):
        found = [
            d
            for d in subject["determinations"]
            if d["conclusion"] == want["conclusion"]
            and _basis_matches(want, d["legal_basis"])
            and want.get("explanation_contains", "") in (d.get("explanation") or "")
            and ("applies_from" not in want or d["applies_from"] == _as_date(want["applies_from"]))
            and all(
                key not in want or d.get(key) == _as_date(want[key])
                for key in ("since", "due", "earliest")
            )
            and _fine_matches(want, d)
            and ("premises" not in want or _premises(d, subject) == sorted(want["premises"]))
            and (
                "fine_operators" not in want
                or sorted(fine.get("operator") or "" for fine in d.get("fines", []))
                == sorted(_iri(operator) for operator in want["fine_operators"])
            )
        ]
        if not found:
            seen = [
                (d["conclusion"], d["legal_basis"], d["applies_from"])
                + ((_premises(d, subject),) if "premises" in want else ())
                for d in subject["determinations"]
            ]
            problems.append(f"no determination {want}; found {seen}")
    for entry in expected.get("absent_determinations", []):
        unwanted = _absent_conclusion(entry)
        present = [d for d in subject["determinations"] if d["conclusion"] == unwanted]
        if present:
            problems.append(
                f"determination {unwanted} should be absent: {present[0]['explanation']}"
            )
    return problems


def _absent_conclusion(entry: Any) -> str:
    """The conclusion an ``absent_determinations`` entry names: a plain name or ``{conclusion:
    NAME}`` (an entry of another form never matched any determination, so the check could not
    fail: it is refused)."""
    if isinstance(entry, str):
        return entry
    if isinstance(entry, dict) and set(entry) == {"conclusion"}:
        return str(entry["conclusion"])
    raise ValueError(f"an absent determination is a conclusion's name, not {entry!r}")


def _check_obligations(expected: dict[str, Any], subject: dict[str, Any], name: str) -> list[str]:
    problems = []
    obligations = subject["obligations"]
    for want in expected.get("obligations", []):
        if not any(_matches(want, o, name) for o in obligations):
            seen = sorted({(o["citation"], o["role"], o["applies_from"]) for o in obligations})
            problems.append(f"no obligation {want}; found {seen}")
    for unwanted in expected.get("absent_obligations", []):
        if any(_matches(unwanted, o, name) for o in obligations):
            problems.append(f"obligation {unwanted} should be absent")
    return problems


_CASE_KEYS = {"name", "source", "as_of", "law", "facts", "expected", "threshold_flop"}
_EXPECTED_KEYS = {
    "subject", "categories", "flags", "determinations", "absent_determinations", "obligations",
    "absent_obligations", "valid", "violation", "law_version", "amendment_status",
}  # fmt: skip
_FINE_KEYS = {
    "fine_tier", "cap", "cap_provision", "fine_applies_from", "fined_from", "fine_operator",
    "fine_condition_contains",
}  # fmt: skip
_DETERMINATION_KEYS = {
    "conclusion", "legal_basis", "exact", "explanation_contains", "applies_from", "since", "due",
    "earliest", "fine_operators", "premises", *_FINE_KEYS,
}  # fmt: skip
_OBLIGATION_KEYS = {
    "citation", "id", "role", "exact", "bearer", "applies_from", "due", "in_force", "met_on",
    "conditional", "met_through", "legal_basis", "unverified", *_FINE_KEYS,
}  # fmt: skip


def unknown_keys(case: dict[str, Any]) -> list[str]:
    """The keys of a case that no check reads (a misspelt expectation would pass unchecked)."""
    expected = case.get("expected", {})
    parts: list[tuple[str, dict[str, Any], set[str]]] = [
        ("case", case, _CASE_KEYS),
        ("expected", expected, _EXPECTED_KEYS),
        *(("determination", d, _DETERMINATION_KEYS) for d in expected.get("determinations", [])),
        *(
            (kind, o, _OBLIGATION_KEYS)
            for kind in ("obligations", "absent_obligations")
            for o in expected.get(kind, [])
        ),
    ]
    return [
        f"{where} key {key!r} is not one the checks read"
        for where, entry, known in parts
        for key in sorted(set(entry) - known)
    ]


@cache
def _rule_provisions() -> dict[str, tuple[str, ...]]:
    """The provisions each rule's header lists, by the rule's compact IRI."""
    return {f"aiar:{rule.name}": rule.provisions for rule in load_rules()}


def _unlisted_provisions(subject: dict[str, Any]) -> list[str]:
    """The provisions a determination cites that neither its rule's header nor the header of a
    rule that amended it lists (itself or a provision it is part of): provenance names the rule a
    citation comes from (an outside check found Art 111 under a rule that does not cite it)."""
    headers = _rule_provisions()
    problems = []
    for determination in subject["determinations"]:
        rules = [determination["rule"], *(determination.get("amended_by_rules") or [])]
        listed = [provision for rule in rules for provision in headers.get(rule, ())]
        for provision, citation in zip(
            determination["provisions"], determination["legal_basis"], strict=True
        ):
            if not any(provision == head or provision.startswith(head + ".") for head in listed):
                problems.append(
                    f"{determination['conclusion']} cites {citation}, which no header of "
                    f"{', '.join(rules)} lists"
                )
    return problems


def check_case(case: dict[str, Any], data: dict[str, Any], name: str = "") -> list[str]:
    """Every unmet expectation, in plain words (empty when the case passes)."""
    if unknown := unknown_keys(case):
        return unknown
    expected = case["expected"]
    if data["valid"] != expected.get("valid", True):
        messages = [v["message"] for v in data["violations"]]
        return [f"valid is {data['valid']}, expected {expected.get('valid', True)}: {messages}"]
    if not data["valid"]:
        wanted = expected.get("violation")  # a phrase one of the violation messages must hold
        messages = [v["message"] for v in data["violations"]]
        if wanted and not any(wanted in message for message in messages):
            return [f"no violation says {wanted!r}: {messages}"]
        return []
    subjects = {s["iri"]: s for s in data["subjects"]}
    iri = _iri(expected["subject"], name)
    if iri not in subjects:
        return [f"subject {iri} not assessed; assessed: {sorted(subjects)}"]
    subject = subjects[iri]
    problems = _check_sets(expected, subject)
    # one entry per determination: two values of a fact (two labels, two purposes) must not
    # give one determination two explanations
    ids = [d.get("id") for d in subject["determinations"]]
    problems += [
        f"determination {i} is listed more than once"
        for i in sorted({i for i in ids if ids.count(i) > 1})
    ]
    problems += _check_determinations(expected, subject)
    problems += _check_obligations(expected, subject, name)
    for other in data["subjects"]:
        problems += _unlisted_provisions(other)
    if "law_version" in expected and data["law"]["version"] != expected["law_version"]:
        problems.append(f"law version {data['law']['version']}, expected {expected['law_version']}")
    if "amendment_status" in expected:
        statuses = {a["status"] for a in data["law"]["amendments"]}
        if expected["amendment_status"] not in statuses:
            problems.append(f"law amendments {data['law']['amendments']} lack the status")
    return problems


class CaseItem(pytest.Item):
    def __init__(self, *, case: dict[str, Any], engine: str | None = None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.case = case
        self.engine = engine

    def _embedded(self) -> dict[str, Any]:
        key = str(self.path)
        if key not in _EMBEDDED:
            _EMBEDDED[key] = run_case(self.case, self.path.name)
        return _EMBEDDED[key]

    def runtest(self) -> None:
        embedded = self._embedded()
        if self.engine is None:
            data = embedded
        else:
            from tests.remote_engines import on_engine

            data = on_engine(
                self.config, self.engine, lambda store: run_case(self.case, self.path.name, store)
            )
            differences = _differences(embedded, data)
            if differences:
                raise CaseFailedError(
                    f"the assessment on {self.engine} differs from the embedded store's:\n"
                    + "\n".join(differences[:10])
                )
        problems = check_case(self.case, data, self.path.name)
        if problems:
            raise CaseFailedError("\n".join(problems))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, CaseFailedError):
            return f"case {self.case.get('name', self.name)} ({self.path.name}):\n{excinfo.value}"
        return str(super().repr_failure(excinfo))

    def reportinfo(self) -> tuple[Path, int, str]:
        return self.path, 0, f"case: {self.case.get('name', self.name)}"


class CaseFile(pytest.File):
    def collect(self) -> Iterator[CaseItem]:
        case = yaml.safe_load(self.path.read_text(encoding="utf-8"))
        for key in ("name", "as_of", "facts", "expected", "source"):
            if key not in case:
                raise pytest.UsageError(f"{self.path}: a case needs '{key}'")
        yield CaseItem.from_parent(self, name=self.path.stem, case=case)
        for engine in (name for name in case_engines() if on_engine(self.path, name)):
            item = CaseItem.from_parent(
                self, name=f"{self.path.stem}[{engine}]", case=case, engine=engine
            )
            known = KNOWN_DIFFERENCES.get((engine, self.path.name))
            if known is not None:
                item.add_marker(pytest.mark.xfail(reason=known, strict=True))
            yield item


def pytest_collect_file(parent: pytest.Collector, file_path: Path) -> CaseFile | None:
    if file_path.suffix == ".yaml" and file_path.is_relative_to(Path(__file__).parent):
        return CaseFile.from_parent(parent, path=file_path)
    return None
