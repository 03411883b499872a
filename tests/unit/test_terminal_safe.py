"""Control characters from the input are shown in the text outputs, never obeyed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from aiact_kg.render.terminal import terminal_safe
from tests.conftest import REPO_ROOT


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b]0;TITLE\x07", "\\u001b]0;TITLE\\u0007"),
        ("A\x00T", "A\\u0000T"),
        ("\x9b31m", "\\u009b31m"),
        ("abc\u202edef", "abc\\u202edef"),
        ("line one\n\tline two", "line one\n\tline two"),
        ("Müller GmbH, Straße", "Müller GmbH, Straße"),
    ],
)
def test_controls_and_bidi_overrides_are_escaped(text: str, shown: str) -> None:
    assert terminal_safe(text) == shown


def test_a_very_long_word_is_shortened_in_text_outputs() -> None:
    """A 15 MB IRI, shown five times, made a 75 MB validation report (hostile-input audit)."""
    iri = "<https://example.org/" + "x" * 20_000 + ">"
    shown = terminal_safe(f"at {iri}\nnext line")
    assert len(shown) < 400
    assert "...(20022 characters)..." in shown
    assert shown.endswith("xxx>\nnext line")
    assert terminal_safe("y" * 1000) == "y" * 1000  # up to the limit, in full


def test_a_hostile_value_reaches_the_validation_text_escaped(tmp_path: Path) -> None:
    source = (REPO_ROOT / "examples/submissions/minimal-risk-spam-filter.ttl").read_text()
    hostile = source.replace(
        'aia:establishedIn "', 'aia:establishedIn "\\u001b[2J\\u001b]0;X\\u0007', 1
    )
    assert hostile != source
    path = tmp_path / "hostile.ttl"
    path.write_text(hostile, encoding="utf-8")
    outputs = {}
    for command in ("validate", "assess"):
        done = subprocess.run(
            [sys.executable, "-m", "aiact_kg", command, "--no-progress", str(path)],
            capture_output=True,
            cwd=REPO_ROOT,
            timeout=300,
        )
        outputs[command] = done.stdout + done.stderr
        assert b"\x1b" not in outputs[command]
        assert b"\x07" not in outputs[command]
    assert b"\\u001b[2J\\u001b]0;X\\u0007" in outputs["validate"]
