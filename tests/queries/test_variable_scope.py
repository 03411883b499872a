"""No shipped rule or query reads a variable its pattern cannot bind (see variable_scope.py)."""

from __future__ import annotations

import re

import pytest

from aiact_kg.queries import NamedQuery, list_queries, with_prefixes
from aiact_kg.reasoning.rules import load_rules
from tests.queries.variable_scope import Finding, query_findings, update_findings

# variables left unbound on purpose, to give an expression no value (e.g. IF(..., ?x, ?unbound))
DELIBERATELY_UNBOUND = {"unbound", "none", "noCap", "noShare"}
QUERIES = list_queries()
RULES = load_rules()
_BINDING = re.compile(r"^#.*\bBindings?:\s*((?:\?\w+[ ,]*)+)", re.MULTILINE)


def _real(findings: list[Finding]) -> list[str]:
    return [str(f) for f in findings if f.variable not in DELIBERATELY_UNBOUND]


@pytest.mark.parametrize("query", QUERIES, ids=[q.name for q in QUERIES])
def test_query_reads_only_variables_it_can_bind(query: NamedQuery) -> None:
    given = [
        name
        for match in _BINDING.finditer(query.text)
        for name in re.findall(r"\?(\w+)", match.group(1))
    ]
    assert not _real(query_findings(with_prefixes(query.text), given))


@pytest.mark.parametrize("rule", RULES, ids=[rule.name for rule in RULES])
def test_rule_reads_only_variables_it_can_bind(rule: object) -> None:
    findings = update_findings(with_prefixes(rule.text))  # type: ignore[attr-defined]
    assert not [
        f"operation {n}: {f}" for n, f in findings if f.variable not in DELIBERATELY_UNBOUND
    ]


@pytest.mark.parametrize(
    ("sparql", "expected"),
    [
        # a FILTER in a UNION branch does not see the variables bound around the UNION
        (
            "SELECT ?s WHERE { ?s a ?t . { ?s ?p ?o } UNION { ?s ?q ?o FILTER(?t = ?o) } }",
            ["FILTER reads ?t, which its pattern cannot bind"],
        ),
        # nor does one in a sub-select or a MINUS
        (
            "SELECT ?s WHERE { ?s ?p ?o { SELECT ?x WHERE { ?x ?q ?r FILTER(?r = ?o) } } }",
            ["FILTER reads ?o, which its pattern cannot bind"],
        ),
        (
            "SELECT ?s WHERE { ?s ?p ?o MINUS { ?s ?q ?r FILTER(?r = ?o) } }",
            ["FILTER reads ?o, which its pattern cannot bind"],
        ),
        # a BIND sees only what comes before it in its group
        (
            "SELECT ?x WHERE { BIND(?y + 1 AS ?x) ?s ?p ?y }",
            ["BIND reads ?y, which its pattern cannot bind"],
        ),
        # a misspelt variable
        (
            "SELECT ?s WHERE { ?s ?p ?o FILTER(?0 = 1) }",
            ["FILTER reads ?0, which its pattern cannot bind"],
        ),
        ("SELECT ?s ?z WHERE { ?s ?p ?o }", ["projection reads ?z, which its pattern cannot bind"]),
        # an EXISTS sees the row it tests; an OPTIONAL's condition sees the row it extends
        ("SELECT ?s WHERE { ?s ?p ?o FILTER EXISTS { ?s ?q ?r FILTER(?r = ?o) } }", []),
        ("SELECT ?s WHERE { ?s ?p ?o OPTIONAL { ?s ?q ?r FILTER(?r = ?o) } }", []),
        (
            "SELECT ?s WHERE { ?s ?p ?o "
            "FILTER NOT EXISTS { { ?s ?q ?r } UNION { ?r ?q ?s } FILTER(?r = ?o) } }",
            [],
        ),
    ],
)
def test_the_check_finds_unbound_reads(sparql: str, expected: list[str]) -> None:
    assert [str(f) for f in query_findings(sparql)] == expected


def test_the_check_finds_a_template_variable_never_bound() -> None:
    findings = update_findings("INSERT { ?s <urn:p> ?z } WHERE { ?s ?p ?o }")
    assert [(n, str(f)) for n, f in findings] == [
        (0, "template reads ?z, which its pattern cannot bind")
    ]
