"""Each assessment is its own PROV activity: many can share one store without mixing."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

from pyoxigraph import RdfFormat, Store

from aiact_kg.assessment import assess_documents
from aiact_kg.reasoning.engine import AssessmentOptions
from aiact_kg.render.assessment import assessment_turtle
from aiact_kg.submission.reading import read_rdf_file

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "submissions"
PREFIXES = """
PREFIX aia: <https://w3id.org/aiact-kg/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""


def _derived(as_of: date) -> tuple[str, str]:
    document = read_rdf_file(EXAMPLE / "recruitment-cv-screening.ttl")
    # the text as published: its Annex III dates are the point of the comparison
    report = assess_documents([document], AssessmentOptions(as_of=as_of, law="as-published"))
    assert report.store is not None
    return report.data["run"]["iri"], assessment_turtle(report.store)


def test_two_assessments_in_one_store_keep_their_dates_and_flags_apart() -> None:
    early_run, early = _derived(date(2026, 1, 1))
    late_run, late = _derived(date(2027, 1, 1))
    assert early_run != late_run
    store = Store()
    for data in (early, late):
        store.load(data.encode(), format=RdfFormat.TURTLE)
    rows = list(
        store.query(
            PREFIXES
            + """SELECT ?run (COUNT(DISTINCT ?asOf) AS ?dates) (COUNT(?o) AS ?obligations)
                 (SUM(IF(?inForce, 1, 0)) AS ?inForceCount) WHERE {
                   ?o a aia:AssessedObligation ; prov:wasGeneratedBy ?run ; aia:inForce ?inForce .
                   ?run aia:asOf ?asOf .
                 } GROUP BY ?run"""
        )
    )
    by_run = {row["run"].value: row for row in rows}
    assert set(by_run) == {early_run, late_run}
    assert all(int(row["dates"].value) == 1 for row in rows)
    # before 2 Aug 2026 the high-risk duties are not yet in force; in 2027 they are
    assert int(by_run[early_run]["inForceCount"].value) < int(
        by_run[late_run]["inForceCount"].value
    )


def test_the_run_names_its_inputs_with_their_hashes_and_the_knowledge_base() -> None:
    path = EXAMPLE / "recruitment-cv-screening.ttl"
    report = assess_documents([read_rdf_file(path)], AssessmentOptions(as_of=date(2026, 11, 22)))
    run = report.data["run"]
    assert run["inputs"] == [
        {"file": str(path), "sha256": hashlib.sha256(path.read_bytes()).hexdigest()}
    ]
    assert len(run["knowledge_base"]) == 64
    assert report.store is not None
    used = report.store.select(
        PREFIXES
        + f"""SELECT ?hash ?started WHERE {{
               <{run["iri"]}> prov:used ?input ; prov:startedAtTime ?started ;
                 aia:knowledgeBaseDigest ?kb .
               ?input aia:sha256 ?hash }}"""
    ).column("hash")
    assert [term.value for term in used if term is not None] == [run["inputs"][0]["sha256"]]
