"""Every fact a rule reads can be written by a submitter: it is in the submission guide.

A rule that reads a term no submitter has been told about is a rule that silently never fires.
This test reads the rules' patterns (``scripts/coverage.py`` strips comments and templates) and
fails for any term of the submission vocabulary they name that the guide does not mention:

- ``aia:`` classes and properties declared in ``ontology/modules/submission.ttl``;
- ``aiac:`` submission values (``aia:SubmissionValue``, e.g. practices) other than the top
  concepts that only group them. The guide may abbreviate a list after its first item
  (```aiac:practice-social-scoring`, `-crime-risk-prediction```); such items count.
"""

from __future__ import annotations

import re

from rdflib import RDF, Graph, Namespace
from rdflib.namespace import SKOS

from aiact_kg.namespaces import CONCEPT, ONTOLOGY
from aiact_kg.reasoning.rules import load_rules
from aiact_kg.resources import data_dir, scheme_files
from tests.conftest import REPO_ROOT, coverage_script

AIA = Namespace(ONTOLOGY)
GUIDE = (REPO_ROOT / "docs" / "submission-guide.md").read_text(encoding="utf-8")


COVERAGE = coverage_script()


def _patterns() -> str:
    return "\n".join(
        COVERAGE._without_templates(rule.path.read_text(encoding="utf-8")) for rule in load_rules()
    )


def _in_guide(concept: str) -> bool:
    """``aiac:<concept>`` is written out in the guide, or as ``-<suffix>`` after its prefix."""
    if f"aiac:{concept}" in GUIDE:
        return True
    parts = concept.split("-")
    for cut in range(1, len(parts)):
        prefix, suffix = "-".join(parts[:cut]), "-".join(parts[cut:])
        if f"`aiac:{prefix}-" in GUIDE and f"`-{suffix}`" in GUIDE:
            return True
    return False


def test_every_submission_term_a_rule_reads_is_in_the_guide() -> None:
    submission = Graph().parse(data_dir("ontology") / "modules" / "submission.ttl")
    declared = {
        str(term)[len(ONTOLOGY) :]
        for term in submission.subjects(RDF.type, None)
        if str(term).startswith(ONTOLOGY)
    }
    read = set(re.findall(r"\baia:(\w+)", _patterns()))
    missing = sorted(name for name in read & declared if f"aia:{name}" not in GUIDE)
    assert not missing, f"terms read by rules but absent from the submission guide: {missing}"


def test_every_submission_value_a_rule_names_is_in_the_guide() -> None:
    schemes = Graph()
    for path in scheme_files():
        schemes.parse(path)
    values = {
        str(concept)[len(CONCEPT) :]
        for concept in schemes.subjects(RDF.type, AIA.SubmissionValue)
        if (concept, SKOS.topConceptOf, None) not in schemes
    }
    named = set(re.findall(r"\baiac:([\w-]+)", _patterns()))
    assert named & values, "the rules name no submission value: the test reads nothing"
    missing = sorted(concept for concept in named & values if not _in_guide(concept))
    assert not missing, f"values named by rules but absent from the submission guide: {missing}"
