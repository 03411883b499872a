"""Every fact a rule reads is written before it runs (by the input or an earlier rule), except
the reviewed pairs of ``data/rule-order.yaml``: a rule that runs before the fact it needs is
written skips silently."""

from __future__ import annotations

from pathlib import Path

import yaml

from aiact_kg.reasoning.rules import load_rules
from tests.reasoning.rule_reads import reads_and_writes

REVIEWED = Path(__file__).parent / "data" / "rule-order.yaml"
# every rule writes determinations; which one is meant is keyed by its conclusion
_EVERY_RULE = "a aia:Determination"


def _read_before_written() -> set[tuple[str, str, str]]:
    rules = [(rule.path.name, *reads_and_writes(rule)) for rule in load_rules()]
    found: set[tuple[str, str, str]] = set()
    for position, (reader, reads, _) in enumerate(rules):
        for writer, _, writes in rules[position + 1 :]:
            found |= {(reader, key, writer) for key in reads & writes if key != _EVERY_RULE}
    return found


def _covers(entry: dict[str, object], pair: tuple[str, str, str]) -> bool:
    reader, key, writer = pair
    readers = entry["readers"]
    return (
        entry["reads"] == key
        and writer in entry["writers"]  # type: ignore[operator]
        and (readers == "any" or reader in readers)  # type: ignore[operator]
    )


def test_no_rule_reads_a_fact_a_later_rule_writes_unless_reviewed() -> None:
    reviewed = yaml.safe_load(REVIEWED.read_text(encoding="utf-8"))
    found = _read_before_written()
    unreviewed = sorted(p for p in found if not any(_covers(e, p) for e in reviewed))
    assert not unreviewed, "rules read facts only later rules write: " + "; ".join(
        f"{reader} reads {key}, written by {writer}" for reader, key, writer in unreviewed
    )
    stale = [e["reads"] for e in reviewed if not any(_covers(e, p) for p in found)]
    assert not stale, f"reviewed entries that match nothing any more: {stale}"


def test_the_analysis_sees_a_fact_read_before_it_is_written() -> None:
    # the defect this test guards against: Art 2(8) read the compute of the estimates, made later
    rules = {rule.path.name: rule for rule in load_rules()}
    art_2_8_reads, _ = reads_and_writes(rules["130-art-2-8-pre-market.ru"])
    _, estimate_writes = reads_and_writes(rules["008-compute-estimates.ru"])
    assert "aia:hasComputeEstimate" in art_2_8_reads & estimate_writes
    assert "aia:conclusion aiac:category-out-of-scope" in art_2_8_reads  # inside NOT EXISTS
