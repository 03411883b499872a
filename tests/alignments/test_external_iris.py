"""Every external vocabulary IRI we use is defined in the pinned copy of that vocabulary.

The pinned copies live in ``ontology/imports/`` (see its README.md). An IRI counts as defined when
it appears as a subject in the pinned file. The files searched are all shipped Turtle files of the
ontology (modules, schemes, alignments), the data graphs, the SHACL shapes, and the SPARQL
queries; all are found through ``aiact_kg.resources.data_dir``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
import rdflib
from rdflib.term import URIRef

from aiact_kg.resources import ExternalVocabulary, data_dir, external_vocabularies

OWLAPI_PLACEHOLDER = "http://www.semanticweb.org/owl/owlapi/turtle#"
IMPORTS_README = data_dir("ontology") / "imports" / "README.md"


# --------------------------------------------------------------------------------------------
# Which files, which IRIs
# --------------------------------------------------------------------------------------------


def _our_turtle_files() -> list[Path]:
    ontology = data_dir("ontology")
    files: list[Path] = []
    for folder in (ontology, ontology / "modules", ontology / "schemes", ontology / "alignments"):
        files.extend(sorted(folder.glob("*.ttl")))
    for name in ("legal-text", "obligations", "draft-history"):
        root = data_dir(name)
        if root.is_dir():
            files.extend(sorted(root.rglob("*.ttl")))
    shapes = data_dir("shapes")
    if shapes.is_dir():
        files.extend(sorted(shapes.glob("*.ttl")))
    return files


def _our_query_files() -> list[Path]:
    queries = data_dir("queries")
    return sorted(queries.rglob("*.rq")) if queries.is_dir() else []


def _turtle_iris(path: Path) -> set[str]:
    graph = rdflib.Graph()
    graph.parse(path, format="turtle")
    return {str(term) for triple in graph for term in triple if isinstance(term, URIRef)}


_FULL_IRI = re.compile(r"<([^<>\s\"]*)>")
_PREFIX_DECL = re.compile(r"(?i)\bPREFIX\s+([A-Za-z][\w.-]*)?:\s*<([^<>\s]*)>")
_STRING = re.compile(r"\"\"\".*?\"\"\"|'''.*?'''|\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*'", re.S)
_COMMENT = re.compile(r"#[^\n]*")


def _query_iris(path: Path) -> set[str]:
    """IRIs written in a SPARQL file, either in full or as prefixed names."""
    text = path.read_text(encoding="utf-8")
    prefixes = {(p or ""): ns for p, ns in _PREFIX_DECL.findall(text)}
    iris = set(_FULL_IRI.findall(text))
    # Drop IRIs and strings before stripping comments, so that '#' inside them survives.
    bare = _COMMENT.sub(" ", _STRING.sub(" ", _FULL_IRI.sub(" ", text)))
    for prefix, namespace in prefixes.items():
        pattern = re.compile(r"(?<![\w:?$])" + re.escape(prefix) + r":((?:[\w-]|\.(?=[\w-]))+)")
        iris.update(namespace + local for local in pattern.findall(bare))
    return iris


@cache
def _used_iris() -> dict[str, frozenset[str]]:
    """Map each external IRI we use to the files (relative names) that use it."""
    used: dict[str, set[str]] = {}
    for path in _our_turtle_files():
        for iri in _turtle_iris(path):
            used.setdefault(iri, set()).add(path.name)
    for path in _our_query_files():
        for iri in _query_iris(path):
            used.setdefault(iri, set()).add(path.name)
    return {iri: frozenset(files) for iri, files in used.items()}


@cache
def _defined_subjects(vocabulary: ExternalVocabulary) -> frozenset[str]:
    graph = rdflib.Graph()
    graph.parse(vocabulary.path, format=vocabulary.rdf_format)
    return frozenset(str(s) for s in graph.subjects() if isinstance(s, URIRef))


def _vocabulary_of(iri: str) -> ExternalVocabulary | None:
    matches = [v for v in external_vocabularies() if iri.startswith(v.namespace)]
    return max(matches, key=lambda v: len(v.namespace)) if matches else None


def _external_uses(vocabulary: ExternalVocabulary) -> Iterator[tuple[str, frozenset[str]]]:
    for iri, files in sorted(_used_iris().items()):
        if iri != vocabulary.namespace and _vocabulary_of(iri) == vocabulary:
            yield iri, files


# --------------------------------------------------------------------------------------------
# Tests
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("vocabulary", external_vocabularies(), ids=lambda v: v.name)
def test_external_iris_are_defined_in_pinned_copy(vocabulary: ExternalVocabulary) -> None:
    defined = _defined_subjects(vocabulary)
    undefined = [
        f"{iri} (used in {', '.join(sorted(files))})"
        for iri, files in _external_uses(vocabulary)
        if iri not in defined
    ]
    assert not undefined, (
        f"{len(undefined)} IRI(s) of {vocabulary.namespace} are not defined in "
        f"{vocabulary.path.name}:\n" + "\n".join(undefined)
    )


def test_alignments_use_external_terms() -> None:
    """Guards the test above against passing vacuously (files not found, parser drift)."""
    namespaces = {v.name: sum(1 for _ in _external_uses(v)) for v in external_vocabularies()}
    for name in ("dpv-eu-aiact", "dpv-ai", "airo", "vair"):
        assert namespaces[name] > 0, f"no IRI of {name} found in our files: {namespaces}"


def test_no_owlapi_placeholder_iris() -> None:
    """VAIR 1.0 leaks 17 subjects into the OWL API placeholder namespace; never link to them."""
    bad = sorted(iri for iri in _used_iris() if iri.startswith(OWLAPI_PLACEHOLDER))
    assert not bad, f"IRIs in the OWL API placeholder namespace: {bad}"


def test_vair_api_is_not_used() -> None:
    assert "https://w3id.org/vair#API" not in _used_iris()


def test_query_iri_extraction(tmp_path: Path) -> None:
    text = (
        "PREFIX airo: <https://w3id.org/airo#>\n"
        "# airo:NotUsedInComment\n"
        "SELECT ?s WHERE { ?s a airo:AISystem ; <https://w3id.org/vair#Education> 'airo:Str' . }\n"
    )
    path = tmp_path / "probe.rq"
    path.write_text(text, encoding="utf-8")
    found = _query_iris(path)
    assert "https://w3id.org/airo#AISystem" in found
    assert "https://w3id.org/vair#Education" in found
    assert "https://w3id.org/airo#NotUsedInComment" not in found
    assert "https://w3id.org/airo#Str" not in found


# --------------------------------------------------------------------------------------------
# Checksums of the pinned copies
# --------------------------------------------------------------------------------------------

_README_ROW = re.compile(r"^\|\s*`([^`]+)`[^|]*\|.*\|\s*`([0-9a-f]{64})`\s*\|\s*$", re.M)


def _readme_checksums() -> dict[str, str]:
    return dict(_README_ROW.findall(IMPORTS_README.read_text(encoding="utf-8")))


def test_readme_lists_every_pinned_vocabulary() -> None:
    imports = data_dir("ontology") / "imports"
    listed = set(_readme_checksums())
    expected = {v.path.relative_to(imports).as_posix() for v in external_vocabularies()}
    assert expected <= listed, f"missing from imports/README.md: {sorted(expected - listed)}"


@pytest.mark.parametrize("vocabulary", external_vocabularies(), ids=lambda v: v.name)
def test_pinned_file_sha256_matches_readme(vocabulary: ExternalVocabulary) -> None:
    imports = data_dir("ontology") / "imports"
    relative = vocabulary.path.relative_to(imports).as_posix()
    expected = _readme_checksums()[relative]
    actual = hashlib.sha256(vocabulary.path.read_bytes()).hexdigest()
    assert actual == expected, (
        f"{relative}: sha256 {actual} differs from imports/README.md ({expected}); "
        "was the file modified or its line endings converted?"
    )
