"""Write COVERAGE.md: per article, the concepts, obligations, rules and legal cases resting on it;
per property of the submission guide, the rules that read it and the shapes that check it.

Usage: python scripts/coverage.py [--check]   (--check: exit 1 if COVERAGE.md is out of date)
"""

from __future__ import annotations

import argparse
import re
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from aiact_kg.kb import build_knowledge_base, open_knowledge_base  # noqa: E402
from aiact_kg.queries import run_select  # noqa: E402
from aiact_kg.reasoning.rules import load_rules  # noqa: E402

_ARTICLE_IRI = re.compile(r"/reg/2024/1689/art_(\d+)")
_ARTICLE_CITED = re.compile(r"\bArt (\d+)")
GUIDE = REPO / "docs" / "submission-guide.md"
SHAPES = REPO / "shapes" / "submission.shapes.ttl"
_GUIDE_PROPERTY = re.compile(r"^\| `aia:([a-z]\w*)`", re.MULTILINE)
_TEMPLATE = re.compile(r"\b(?:INSERT|DELETE)\s*(?:DATA\s*)?\{")
# Annotation properties whose values name the properties a rule reads through the data: the rule
# that reads the annotation (e.g. ?role aia:roleProperty ?p . ?s ?p ?party) reads those properties.
_INDIRECT = ("roleProperty", "bearerProperty", "deadlineAnchorProperty")


def _rules_per_article() -> dict[int, list[str]]:
    found: dict[int, set[str]] = defaultdict(set)
    for rule in load_rules():
        for provision in rule.provisions:
            if match := _ARTICLE_IRI.search(provision):
                found[int(match.group(1))].add(rule.name)
    return {article: sorted(names) for article, names in found.items()}


def _cases_per_article() -> dict[int, int]:
    found: dict[int, int] = defaultdict(int)
    for path in sorted((REPO / "tests" / "cases").rglob("*.yaml")):
        source = str(yaml.safe_load(path.read_text(encoding="utf-8")).get("source", ""))
        for article in {int(number) for number in _ARTICLE_CITED.findall(source)}:
            found[article] += 1
    return found


def guide_properties() -> list[str]:
    """The aia: properties of the vocabulary tables of the submission guide, in guide order."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## 3. The vocabulary") : text.index("## 4. ")]
    return list(dict.fromkeys(_GUIDE_PROPERTY.findall(section)))


def _without_templates(update: str) -> str:
    """A rule file without comment lines and INSERT/DELETE templates: the patterns it matches."""
    text = "\n".join("" if line.lstrip().startswith("#") else line for line in update.splitlines())
    kept: list[str] = []
    position = 0
    for match in _TEMPLATE.finditer(text):
        if match.start() < position:
            continue
        kept.append(text[position : match.start()])
        depth, index, in_string = 1, match.end(), False
        while index < len(text) and depth:
            char = text[index]
            if char == '"' and text[index - 1] != "\\":
                in_string = not in_string
            elif not in_string:
                depth += {"{": 1, "}": -1}.get(char, 0)
            index += 1
        position = index
    kept.append(text[position:])
    return "".join(kept)


def _indirect_properties() -> dict[str, set[str]]:
    """For each annotation of _INDIRECT, the properties the data names with it."""
    found: dict[str, set[str]] = defaultdict(set)
    for path in sorted((REPO / "ontology").rglob("*.ttl")) + sorted((REPO / "data").rglob("*.ttl")):
        if "legal-text" in path.parts or "imports" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        for annotation in _INDIRECT:
            found[annotation].update(re.findall(rf"aia:{annotation}\s+aia:(\w+)", text))
    return found


def rules_reading() -> dict[str, list[str]]:
    """For each aia: property, the rules whose WHERE clauses match it (directly or through data)."""
    indirect = _indirect_properties()
    found: dict[str, set[str]] = defaultdict(set)
    for rule in load_rules():
        pattern = _without_templates(rule.path.read_text(encoding="utf-8"))
        names = set(re.findall(r"\baia:(\w+)", pattern))
        for name in names:
            found[name].add(rule.name)
            for property_name in indirect.get(name, ()):
                found[property_name].add(rule.name)
    return {name: sorted(rules) for name, rules in found.items()}


def shapes_checking() -> dict[str, list[str]]:
    """For each aia: property, the node shapes of the submission shapes that mention it."""
    found: dict[str, set[str]] = defaultdict(set)
    blocks = re.split(
        r"^(?=aiash:\w+ a sh:NodeShape)", SHAPES.read_text(encoding="utf-8"), flags=re.M
    )
    for block in blocks:
        head = re.match(r"aiash:(\w+) a sh:NodeShape", block)
        if head:
            for name in set(re.findall(r"\baia:(\w+)", block)):
                found[name].add(head.group(1))
    return {name: sorted(shapes) for name, shapes in found.items()}


def _guide_section() -> list[str]:
    rules = rules_reading()
    shapes = shapes_checking()
    lines = [
        "",
        "## Properties of the submission guide",
        "",
        "Every property of the vocabulary tables of `docs/submission-guide.md`, with the rules",
        "whose patterns read it (directly, or through the data, e.g. the role properties the",
        "obligation rule reads through `aia:roleProperty`) and the shapes of",
        "`shapes/submission.shapes.ttl` that check it. A test fails when no rule reads a property.",
        "",
        "| property | rules | shapes |",
        "| --- | --- | --- |",
    ]
    for name in guide_properties():
        lines.append(
            f"| `aia:{name}` | {', '.join(rules.get(name, [])) or '-'} | "
            f"{', '.join(shapes.get(name, [])) or '-'} |"
        )
    return lines


def _provision_order(iri: str) -> tuple[object, ...]:
    """Articles before annexes, then the numbers of each level in the text's own order."""
    local = iri.rsplit("/", 1)[-1]
    numerals = {"I": 1, "V": 5, "X": 10}

    def roman(text: str) -> int:
        values = [numerals.get(char, 0) for char in text]
        return sum(
            -v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)
        )

    key: list[object] = [0 if local.startswith("art_") else 1]
    for part in local.split("."):
        _, _, value = part.partition("_")
        if value.isdigit():
            key.append((int(value), ""))
        elif part.startswith("anx_"):
            key.append((roman(value), ""))
        else:
            key.append((0, value))
    return tuple(key)


def _sweep_section(rows: list[dict[str, object]]) -> list[str]:
    lines = [
        "",
        "## Duty sweep",
        "",
        "Every provision of the articles and annexes that may impose a duty (its text says",
        '"shall", or it is a point introduced by words that say it), with whom it binds and',
        "the catalogue obligations that carry it, or the reviewed reason it is not an",
        "obligation of the catalogue (`data/duty-sweep/`). A check query fails when a provision",
        "has neither, or when a provision addressed to an operator is left out without a note.",
        "",
        "| provision | binds | obligations | reason | note |",
        "| --- | --- | --- | --- | --- |",
    ]

    def cell(row: dict[str, object], name: str) -> str:
        value = row.get(name)
        text = getattr(value, "value", "") if value is not None else ""
        return str(text).replace("|", "\\|") or "-"

    for row in sorted(rows, key=lambda r: _provision_order(cell(r, "provision"))):
        lines.append(
            f"| {cell(row, 'citation')} | {cell(row, 'addressees')} | {cell(row, 'obligations')} | "
            f"{cell(row, 'reason')} | {cell(row, 'note')} |"
        )
    return lines


def render() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        build_knowledge_base(Path(tmp) / "store")
        store = open_knowledge_base(Path(tmp) / "store")
        rows = run_select(store, "cq/cq-009-concepts-citing-article").records()
        sweep = run_select(store, "cq/cq-011-duty-sweep").records()
        store.close()
    rules = _rules_per_article()
    cases = _cases_per_article()
    lines = [
        "# Coverage",
        "",
        "Generated by `scripts/coverage.py` from the knowledge base, `queries/rules/` and",
        "`tests/cases/`; a test fails when it is out of date. Concepts and obligations count the",
        "terms and catalogue obligations citing the article or one of its parts; cases count the",
        "legal cases whose `source` cites the article.",
        "",
        "| article | title | concepts | obligations | rules | cases |",
        "| --- | --- | ---: | ---: | --- | ---: |",
    ]
    for row in rows:
        citation = row["article"].value  # type: ignore[union-attr]
        number = int(citation.split()[1])
        title = row["title"].value if row["title"] is not None else ""
        lines.append(
            f"| {citation} | {title} | {row['concepts'].value} | "  # type: ignore[union-attr]
            f"{row['obligations'].value} | {', '.join(rules.get(number, [])) or '-'} | "  # type: ignore[union-attr]
            f"{cases.get(number, 0)} |"
        )
    lines += _guide_section()
    lines += _sweep_section(sweep)  # type: ignore[arg-type]
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    text = render()
    target = REPO / "COVERAGE.md"
    if args.check:
        current = target.read_text(encoding="utf-8") if target.exists() else ""
        if current != text:
            print("COVERAGE.md is out of date; run python scripts/coverage.py", file=sys.stderr)
            return 1
        return 0
    target.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
