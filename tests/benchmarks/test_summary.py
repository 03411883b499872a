"""The catalogue figures in RESULTS.md count the questions above the target as the target reads
them: the growth to the largest size, not a steep step between the smaller sizes."""

from __future__ import annotations

from benchmarks.summary import _catalogue_lines, _catalogue_targets


def _catalogue() -> dict[str, object]:
    rows = [
        {"engine": "embedded", "size": size, "question": question, "p50_ms": ms, "rows": 1}
        for question, figures in {
            "cq-001": (1.0, 10.0, 100.0),  # linear throughout
            "cq-002": (1.0, 20.0, 200.0),  # steep from 1k to 10k only
            "cq-003": (1.0, 10.0, 150.0),  # steep from 10k to 100k
        }.items()
        for size, ms in zip((1000, 10000, 100000), figures, strict=True)
    ]
    growth = {
        "embedded cq-001": {"1000->10000": 1.0, "10000->100000": 1.0},
        "embedded cq-002": {"1000->10000": 1.3, "10000->100000": 1.0},
        "embedded cq-003": {"1000->10000": 1.0, "10000->100000": 1.18},
    }
    return {"rows": rows, "growth": growth, "load_average": [0.1]}


def test_the_table_and_the_target_count_the_same_questions() -> None:
    (target,) = _catalogue_targets(_catalogue())
    assert target[1].startswith("1 of 3 questions above; worst cq-003")
    line = next(line for line in _catalogue_lines(_catalogue()) if line.startswith("| embedded"))
    assert line.rstrip(" |").endswith("| 1")
