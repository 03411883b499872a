"""Every property the submission guide documents is read by at least one rule.

A fact a submitter is told to give but that no rule reads is silently ignored: the assessment
then answers as if it had not been given. ``scripts/coverage.py`` lists, per guide property, the
rules whose patterns read it; this test fails on any property that no rule reads.
"""

from __future__ import annotations

from tests.conftest import coverage_script

COVERAGE = coverage_script()


def test_guide_lists_the_vocabulary() -> None:
    properties = COVERAGE.guide_properties()
    assert len(properties) > 70, properties
    assert "outputUsedInUnion" in properties


def test_every_guide_property_is_read_by_a_rule() -> None:
    readers = COVERAGE.rules_reading()
    unread = [name for name in COVERAGE.guide_properties() if not readers.get(name)]
    assert not unread, f"properties of the submission guide that no rule reads: {unread}"


def test_templates_do_not_count_as_reading() -> None:
    """A property written only in an INSERT template (e.g. as a premise) is not read."""
    text = (
        'INSERT { ?d aia:premiseProperty aia:onlyWritten ; aia:explanation "a } brace" . }\n'
        "WHERE { ?s aia:actuallyRead ?x }"
    )
    remaining = COVERAGE._without_templates(text)
    assert "aia:actuallyRead" in remaining
    assert "aia:onlyWritten" not in remaining
