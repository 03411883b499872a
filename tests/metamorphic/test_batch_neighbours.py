"""A description's assessment must not depend on the other descriptions of its batch.

The legal cases of one as-of date and law version are assessed together in one batch, each
case's IRIs renamed apart, and every case must still meet its expectations. A rule pattern whose
variable is unbound where a filter reads it (a ``FILTER NOT EXISTS`` in a ``UNION`` branch sees
that branch's variables only) matches every subject of the batch instead of its own: another
system's Art 5(1)(h) objective lifted a prohibition, another system's transparency category
took away an open-source system's carve-back. A registry assesses thousands of descriptions in
one batch, so each case alone cannot show this.
"""

from __future__ import annotations

import json
from collections import defaultdict
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml

from aiact_kg.assessment import Assessor
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.submission.reading import InputDocument, read_rdf_bytes
from benchmarks.generate import renamed_copy
from tests.cases.conftest import PREFIXES, check_case

CASES = Path(__file__).parent.parent / "cases"
EXAMPLE = "https://example.org/"
Group = tuple[date, str | None, float | None]


def _as_date(value: object) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _groups() -> dict[Group, list[tuple[Path, dict[str, Any]]]]:
    """The valid cases whose subject is named under ``ex:``, by as-of date, law and threshold."""
    found: dict[Group, list[tuple[Path, dict[str, Any]]]] = defaultdict(list)
    for path in sorted(CASES.glob("*/*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        expected = case["expected"]
        if "violation" in expected or expected.get("valid", True) is False:
            continue
        if not str(expected.get("subject", "")).startswith("ex:"):
            continue
        key = (_as_date(case["as_of"]), case.get("law"), case.get("threshold_flop"))
        found[key].append((path, case))
    return {key: cases for key, cases in found.items() if len(cases) > 1}


def _renamed(path: Path, case: dict[str, Any], number: int) -> InputDocument:
    """The case's facts with every ``ex:`` IRI moved under ``ex:copy-<number>/`` (N-Triples)."""
    document = read_rdf_bytes((PREFIXES + case["facts"]).encode("utf-8"), name=path.name)
    triples = [(q.subject, q.predicate, q.object) for q in document.quads]
    text = renamed_copy(triples, number, EXAMPLE)
    return read_rdf_bytes(text.encode("utf-8"), name=f"c{number}-{path.stem}.nt")


def _own(data: dict[str, Any], number: int) -> dict[str, Any]:
    """The batch's report as one case sees it: its own subjects, its IRIs named back."""
    prefix = f"{EXAMPLE}copy-{number:07d}/"
    own = [s for s in data["subjects"] if s["iri"].startswith(prefix)]
    text = json.dumps({**data, "subjects": own}).replace(prefix, EXAMPLE)
    result: dict[str, Any] = json.loads(text)
    return result


GROUPS = _groups()


@pytest.mark.parametrize("group", sorted(GROUPS, key=str), ids=lambda g: f"{g[0]}-{g[1]}-{g[2]}")
def test_each_case_holds_beside_the_other_cases_of_its_date(group: Group) -> None:
    cases = GROUPS[group]
    as_of, law, threshold = group
    documents = [_renamed(path, case, n) for n, (path, case) in enumerate(cases)]
    assessor = Assessor()
    try:
        options = AssessmentOptions(as_of=as_of, law=law, threshold_flop=threshold)
        data = assessor.assess(documents, options).data
    finally:
        assessor.close()
    problems = []
    for number, (path, case) in enumerate(cases):
        found = check_case(case, _own(data, number), path.name)
        problems += [f"{path.parent.name}/{path.name}: {problem}" for problem in found]
    assert not problems, f"{len(cases)} cases in one batch:\n" + "\n".join(problems[:20])
