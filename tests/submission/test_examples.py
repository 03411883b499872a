"""The example submissions validate, and the submission guide shows each one verbatim.

Every file under ``examples/submissions`` is a complete, realistic submission: it must read,
describe at least one AI system or model and have no violations. Files under
``examples/submissions/with-warnings/`` deliberately show at least one warning (exit code still
0); every other example has none. ``docs/submission-guide.md`` includes each example after a line
``<!-- example: examples/submissions/<file> -->``, in a fenced code block that must equal the file,
and mentions every property of the submission vocabulary (``ontology/modules/submission.ttl``).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF

from aiact_kg.namespaces import ONTOLOGY
from aiact_kg.submission.batch import validate_inputs
from aiact_kg.submission.validation import SubmissionValidator

REPO_ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = REPO_ROOT / "examples" / "submissions"
WITH_WARNINGS = EXAMPLES / "with-warnings"
GUIDE = REPO_ROOT / "docs" / "submission-guide.md"
EXAMPLES_README = EXAMPLES / "README.md"
VOCABULARY = REPO_ROOT / "ontology" / "modules" / "submission.ttl"

MARKER = re.compile(r"^<!-- example: (?P<path>\S+) -->$")
FENCE = re.compile(r"^```[\w-]*$")


def _example_files() -> list[Path]:
    return sorted(
        path
        for path in EXAMPLES.rglob("*")
        if path.is_file()
        and path.name != "README.md"
        and not any(part.startswith(".") for part in path.relative_to(EXAMPLES).parts)
    )


def _relative(path: Path) -> str:
    return path.relative_to(REPO_ROOT).as_posix()


def _example_params() -> list[object]:
    params: list[object] = []
    for path in _example_files():
        params.append(pytest.param(path, id=path.relative_to(EXAMPLES).as_posix()))
    return params


def _guide_blocks() -> dict[str, str]:
    """Example path -> content of the fenced code block right after its marker line."""
    lines = GUIDE.read_text(encoding="utf-8").split("\n")
    blocks: dict[str, str] = {}
    for index, line in enumerate(lines):
        match = MARKER.match(line)
        if match is None:
            continue
        path = match["path"]
        assert path not in blocks, f"{path} is included twice in {GUIDE.name}"
        following = lines[index + 1] if index + 1 < len(lines) else ""
        assert FENCE.match(following), (
            f"the marker for {path} must be followed directly by a fenced code block"
        )
        end = index + 2
        while end < len(lines) and lines[end] != "```":
            end += 1
        assert end < len(lines), f"the code block for {path} is not closed"
        blocks[path] = "\n".join(lines[index + 2 : end]) + "\n"
    return blocks


def _vocabulary_properties() -> list[str]:
    graph = Graph().parse(VOCABULARY, format="turtle")
    names = {
        str(subject).removeprefix(ONTOLOGY)
        for kind in (OWL.ObjectProperty, OWL.DatatypeProperty)
        for subject in graph.subjects(RDF.type, kind)
        if str(subject).startswith(ONTOLOGY)
    }
    return sorted(names)


@pytest.fixture(scope="module")
def validator() -> SubmissionValidator:
    return SubmissionValidator()


@pytest.mark.parametrize("path", _example_params())
def test_example_is_valid(path: Path, validator: SubmissionValidator) -> None:
    report = validate_inputs([str(path)], progress=False, validator=validator)
    assert not report.unreadable, [str(error) for error in report.unreadable]
    problems = [
        f"{finding.severity}: {finding.message} (at {finding.focus_node})"
        for subject in report.subjects
        for finding in subject.findings
        if finding.severity != "info"
    ]
    assert report.count("violation") == 0, problems
    assert report.exit_code == 0, problems
    assert any(subject.kind is not None for subject in report.subjects), (
        "the example describes no AI system or model"
    )
    if WITH_WARNINGS in path.parents:
        assert report.count("warning") >= 1, "examples under with-warnings/ must show a warning"
    else:
        assert report.count("warning") == 0, problems


def test_examples_cover_the_formats() -> None:
    files = _example_files()
    assert len(files) >= 12
    suffixes = {path.suffix for path in files}
    assert {".ttl", ".nt", ".rdf", ".trig", ".jsonld"} <= suffixes
    assert any(WITH_WARNINGS in path.parents for path in files)


def test_every_example_is_shown_in_the_guide() -> None:
    blocks = _guide_blocks()
    missing = [_relative(path) for path in _example_files() if _relative(path) not in blocks]
    assert not missing, f"examples not included in {GUIDE.name}: {missing}"


@pytest.mark.parametrize("included", sorted(_guide_blocks()))
def test_guide_block_equals_example_file(included: str) -> None:
    path = REPO_ROOT / included
    assert path.is_file(), f"{GUIDE.name} includes {included}, which does not exist"
    assert _guide_blocks()[included] == path.read_text(encoding="utf-8"), (
        f"the code block after the marker for {included} differs from the file"
    )


def test_examples_readme_lists_every_example() -> None:
    readme = EXAMPLES_README.read_text(encoding="utf-8")
    missing = [
        path.relative_to(EXAMPLES).as_posix()
        for path in _example_files()
        if path.relative_to(EXAMPLES).as_posix() not in readme
    ]
    assert not missing, f"examples not listed in {EXAMPLES_README.name}: {missing}"


def test_guide_mentions_every_vocabulary_property() -> None:
    guide = GUIDE.read_text(encoding="utf-8")
    properties = _vocabulary_properties()
    assert len(properties) > 50
    missing = [name for name in properties if not re.search(rf"\baia:{name}\b", guide)]
    assert not missing, f"properties of submission.ttl not documented in {GUIDE.name}: {missing}"
