"""Every key of every case file is one the checks read: a misspelt expectation
(``absent_categories``, ``rol``) would otherwise pass without being checked."""

from __future__ import annotations

from pathlib import Path

import pytest
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


def test_an_absent_determination_is_read_in_both_forms_and_no_other() -> None:
    """``{conclusion: NAME}`` was compared whole with each conclusion's name, so it never matched
    and the check could not fail (20 entries of the suite were of that form)."""
    from tests.cases.conftest import _absent_conclusion

    assert _absent_conclusion("out-of-scope") == "out-of-scope"
    assert _absent_conclusion({"conclusion": "out-of-scope"}) == "out-of-scope"
    with pytest.raises(ValueError, match="conclusion's name"):
        _absent_conclusion({"conclusion": "out-of-scope", "legal_basis": ["Art 2(3)"]})
