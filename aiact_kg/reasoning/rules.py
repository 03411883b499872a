"""Rules are SPARQL 1.1 updates in ``queries/rules/*.ru``, run in file-name order.

Each file starts with a header naming the rule and the provisions it implements::

    # Rule: art-6-2-annex-iii
    # Label: High-risk under Art 6(2): Annex III use case
    # Provisions: aiap:art_6.par_2 aiap:anx_III

A rule may add ``# Closure: yes``: it only adds statements, and run again on its own output adds
nothing (e.g. the class hierarchy), so running it over the knowledge base beforehand and again
over a run gives what running it once over both gives (the warm engine relies on it).

The same files run unchanged on the embedded store and on any SPARQL 1.1 engine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from aiact_kg.errors import AiactKgError
from aiact_kg.namespaces import PREFIXES, RULE
from aiact_kg.resources import query_dir

_HEADER = re.compile(r"^#\s*(Rule|Label|Provisions|Closure):\s*(.+)$", re.MULTILINE)


class RuleFileError(AiactKgError):
    """A shipped rule file lacks its header (a packaging defect)."""


@dataclass(frozen=True)
class Rule:
    """One rule file: its name, IRI, label, provisions and SPARQL update text."""

    name: str
    label: str
    provisions: tuple[str, ...]
    path: Path
    text: str
    closure: bool = False

    @property
    def iri(self) -> str:
        return RULE + self.name


def _expand(curie: str) -> str:
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES:
        raise RuleFileError(f"unknown prefix in provision {curie!r}")
    return PREFIXES[prefix] + local


def parse_rule(path: Path) -> Rule:
    text = path.read_text(encoding="utf-8")
    header = {key: value.strip() for key, value in _HEADER.findall(text)}
    missing = {"Rule", "Label", "Provisions"} - set(header)
    if missing:
        raise RuleFileError(f"{path.name} lacks the header line(s): {', '.join(sorted(missing))}")
    provisions = tuple(_expand(curie) for curie in header["Provisions"].split())
    closure = header.get("Closure", "no") == "yes"
    return Rule(header["Rule"], header["Label"], provisions, path, text, closure)


@cache
def load_rules() -> tuple[Rule, ...]:
    """All shipped rules, in execution order (file name order)."""
    return tuple(parse_rule(path) for path in sorted((query_dir() / "rules").glob("*.ru")))
