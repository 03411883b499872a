"""The progress line shows counts on a terminal and stays silent otherwise."""

from __future__ import annotations

import io

from aiact_kg.progress import Progress


def test_progress_on_a_terminal_counts_and_clears() -> None:
    stream = io.StringIO()
    meter = Progress("Reading", total=4, stream=stream, enabled=True)
    for _ in range(4):
        meter.step()
    meter.close()
    text = stream.getvalue()
    assert "Reading [" in text
    assert "4/4" in text
    assert text.endswith("\r")


def test_progress_is_silent_when_not_a_terminal() -> None:
    stream = io.StringIO()
    meter = Progress("Reading", total=4, stream=stream)  # StringIO is not a TTY
    meter.step()
    meter.close()
    assert stream.getvalue() == ""
