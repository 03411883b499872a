"""The markdown tables of the benchmark pages."""

from __future__ import annotations

import pytest

from benchmarks.markdown import table


def test_a_table_has_a_header_a_rule_of_alignments_and_a_line_a_row() -> None:
    assert table(["a", "b"], "lr", [(1, "x"), ("y", 2.5)]) == [
        "| a | b |",
        "| --- | ---: |",
        "| 1 | x |",
        "| y | 2.5 |",
    ]


def test_alignments_must_match_the_columns() -> None:
    with pytest.raises(ValueError, match="2 columns but 3 alignments"):
        table(["a", "b"], "lrr", [])
