"""Every key of every case file is one the checks read: a misspelt expectation
(``absent_categories``, ``rol``) would otherwise pass without being checked."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.cases.conftest import unknown_keys

CASES = Path(__file__).parent


def test_every_case_uses_only_keys_the_checks_read() -> None:
    found = {
        str(path.relative_to(CASES)): problems
        for path in sorted(CASES.rglob("*.yaml"))
        if (problems := unknown_keys(yaml.safe_load(path.read_text(encoding="utf-8"))))
    }
    assert not found


def test_a_misspelt_expectation_is_reported() -> None:
    case = {
        "name": "n",
        "expected": {
            "absent_categories": ["high-risk"],
            "obligations": [{"citation": "x", "rol": "p"}],
        },
    }
    assert unknown_keys(case) == [
        "expected key 'absent_categories' is not one the checks read",
        "obligations key 'rol' is not one the checks read",
    ]
