"""Every list of the Union's country codes in the rules and shapes is the same list.

Rules 145, 160 and 335 and three submission shapes tell a party established in the Union from
one in a third country by its ISO 3166-1 code. An outside review found the lists naming the 27
Member States (and "EL") only, so that a provider in Réunion was told to appoint an authorised
representative (Art 22(1)): the outermost regions with codes of their own (Art 355(1) TFEU) and
the Åland Islands (Art 355(4) TFEU) are in the Union; the Faroe Islands, Greenland and the
overseas countries and territories (Art 355(2)-(5) TFEU) are not.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
# fmt: off
MEMBER_STATES = {
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "EL", "HU", "IE",
    "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE",
}
# fmt: on
UNION_PARTS = {"GF", "GP", "MQ", "RE", "YT", "MF", "AX"}
NOT_IN_THE_UNION = {"FO", "GL", "NC", "PF", "WF", "PM", "BL", "AW", "CW", "SX", "BQ", "TF", "GB"}
# a list starts with Austria and runs to its closing brace or parenthesis
_LIST = re.compile(r'"AT",?\s+"BE"[^})]*[})]')
FILES = [
    "queries/rules/145-art-2-4-international-cooperation.ru",
    "queries/rules/160-art-2-1-territorial-scope.ru",
    "queries/rules/335-third-country-provider.ru",
    "shapes/submission.shapes.ttl",
]


def _lists() -> list[tuple[str, set[str]]]:
    found = []
    for name in FILES:
        for match in _LIST.finditer((ROOT / name).read_text(encoding="utf-8")):
            found.append((name, set(re.findall(r'"([A-Z]{2})"', match.group()))))
    return found


def test_the_lists_are_found() -> None:
    assert len(_lists()) == 8


@pytest.mark.parametrize(("name", "codes"), _lists())
def test_each_list_is_the_union(name: str, codes: set[str]) -> None:
    assert codes == MEMBER_STATES | UNION_PARTS, name
    assert not codes & NOT_IN_THE_UNION, name
