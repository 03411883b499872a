"""The pre-scan of batched assessment: the links it finds in every input format, the errors it
reports (the reader's own), and each input read once when its batch is assessed here."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rdflib import Graph, URIRef

from aiact_kg import batch_assessment
from aiact_kg.batch_assessment import _scan_entries, assess_batches, collect_inputs
from aiact_kg.batch_plan import iri_hash, subject_classes
from aiact_kg.namespaces import ONTOLOGY
from aiact_kg.reasoning.engine import AssessmentOptions, AssessmentRun
from aiact_kg.render.assessment import assessment_json
from aiact_kg.resources import sources_for
from aiact_kg.submission.errors import InputFormatError
from aiact_kg.submission.reading import read_rdf_file, submission_base_iri
from aiact_kg.submission.validation import SUBJECT_KINDS
from tests.cli.submissions import GOOD, PREFIXES

AIA = "https://w3id.org/aiact-kg/ontology#"
AIAC = "https://w3id.org/aiact-kg/concept/"
SYSTEM = "https://example.org/s/system"
PROVIDER = "https://example.org/s/provider"
ELSEWHERE = "https://example.org/s/elsewhere"  # named as a value, described by no statement
BASED = "https://example.org/based/"  # the @base of the formats that have one
NO_RELATIVE = {".nt", ".nq"}  # formats without relative IRIs
RUN = AssessmentRun()

# one description in every format the product reads: a system with a provider (described),
# a deployer named by a relative IRI (resolved against the file's base, described), a model
# named only as a value (mentioned), a practice as a blank node (never a link), an IRI made
# from an @base, vocabulary terms (never links) and, in the quad formats, a named graph
DOCUMENTS = {
    ".ttl": (
        f"@prefix aia: <{AIA}> .\n@prefix aiac: <{AIAC}> .\n"
        f"<{SYSTEM}> a aia:AISystem ; aia:hasProvider <{PROVIDER}> ;\n"
        f"  aia:hasDeployer <#deployer> ; aia:usesModel <{ELSEWHERE}> ;\n"
        "  aia:intendedPurpose aiac:annex-iii-4a ; aia:engagesIn [ aia:practice aiac:p ] .\n"
        f'<{PROVIDER}> a aia:LegalPerson ; aia:establishedIn "FR" .\n'
        '<#deployer> aia:establishedIn "DE" .\n'
        f"@base <{BASED}> .\n"
        '<auditor> aia:establishedIn "IT" .\n'
    ),
    ".trig": (
        f"@prefix aia: <{AIA}> .\n@prefix aiac: <{AIAC}> .\n"
        f"<https://example.org/graph> {{\n"
        f"<{SYSTEM}> a aia:AISystem ; aia:hasProvider <{PROVIDER}> ;\n"
        f"  aia:hasDeployer <#deployer> ; aia:usesModel <{ELSEWHERE}> ;\n"
        "  aia:intendedPurpose aiac:annex-iii-4a ; aia:engagesIn [ aia:practice aiac:p ] .\n"
        f'<{PROVIDER}> a aia:LegalPerson ; aia:establishedIn "FR" .\n'
        "}\n"
        '<#deployer> aia:establishedIn "DE" .\n'
        f"@base <{BASED}> .\n"
        '<auditor> aia:establishedIn "IT" .\n'
    ),
    ".nt": (
        f"<{SYSTEM}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{AIA}AISystem> .\n"
        f"<{SYSTEM}> <{AIA}hasProvider> <{PROVIDER}> .\n"
        f"<{SYSTEM}> <{AIA}hasDeployer> <DEPLOYER> .\n"
        f"<{SYSTEM}> <{AIA}usesModel> <{ELSEWHERE}> .\n"
        f"<{SYSTEM}> <{AIA}intendedPurpose> <{AIAC}annex-iii-4a> .\n"
        f"<{SYSTEM}> <{AIA}engagesIn> _:practice .\n"
        f"_:practice <{AIA}practice> <{AIAC}p> .\n"
        f"<{PROVIDER}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <{AIA}LegalPerson> .\n"
        f'<{PROVIDER}> <{AIA}establishedIn> "FR" .\n'
        f'<DEPLOYER> <{AIA}establishedIn> "DE" .\n'
        f'<{BASED}auditor> <{AIA}establishedIn> "IT" .\n'
    ),
    ".rdf": (
        '<?xml version="1.0"?>\n'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"\n'
        f'  xmlns:aia="{AIA}">\n'
        f'  <aia:AISystem rdf:about="{SYSTEM}">\n'
        f'    <aia:hasProvider rdf:resource="{PROVIDER}"/>\n'
        '    <aia:hasDeployer rdf:resource="#deployer"/>\n'
        f'    <aia:usesModel rdf:resource="{ELSEWHERE}"/>\n'
        f'    <aia:intendedPurpose rdf:resource="{AIAC}annex-iii-4a"/>\n'
        f'    <aia:engagesIn><rdf:Description><aia:practice rdf:resource="{AIAC}p"/>'
        "</rdf:Description></aia:engagesIn>\n"
        "  </aia:AISystem>\n"
        f'  <aia:LegalPerson rdf:about="{PROVIDER}"><aia:establishedIn>FR</aia:establishedIn>'
        "</aia:LegalPerson>\n"
        '  <rdf:Description rdf:about="#deployer"><aia:establishedIn>DE</aia:establishedIn>'
        "</rdf:Description>\n"
        f'  <rdf:Description xml:base="{BASED}" rdf:about="auditor">'
        "<aia:establishedIn>IT</aia:establishedIn></rdf:Description>\n"
        "</rdf:RDF>\n"
    ),
    ".jsonld": json.dumps(
        {
            "@context": {"aia": AIA, "aiac": AIAC},
            "@graph": [
                {
                    "@id": SYSTEM,
                    "@type": "aia:AISystem",
                    "aia:hasProvider": {"@id": PROVIDER},
                    "aia:hasDeployer": {"@id": "#deployer"},
                    "aia:usesModel": {"@id": ELSEWHERE},
                    "aia:intendedPurpose": {"@id": "aiac:annex-iii-4a"},
                    "aia:engagesIn": {"aia:practice": {"@id": "aiac:p"}},
                },
                {"@id": PROVIDER, "@type": "aia:LegalPerson", "aia:establishedIn": "FR"},
                {"@id": "#deployer", "aia:establishedIn": "DE"},
                {
                    "@context": {"@base": BASED},
                    "@id": "auditor",
                    "aia:establishedIn": "IT",
                },
            ],
        }
    ),
}
DOCUMENTS[".nq"] = DOCUMENTS[".nt"].replace(" .\n", " <https://example.org/graph> .\n")


def _scan(path: Path) -> Any:
    entries = list(collect_inputs([str(path)]))
    (scan,) = _scan_entries(list(enumerate(entries)), None)
    return scan


@pytest.mark.parametrize("extension", sorted(DOCUMENTS))
def test_the_scan_finds_the_same_links_in_every_format(tmp_path: Path, extension: str) -> None:
    path = tmp_path / f"description{extension}"
    deployer = (
        "https://example.org/s/deployer"
        if extension in NO_RELATIVE
        else submission_base_iri(str(path)) + "#deployer"
    )
    path.write_text(DOCUMENTS[extension].replace("DEPLOYER", deployer), encoding="utf-8")
    scan = _scan(path)
    assert scan.error is None
    assert set(scan.subjects) == {iri_hash(SYSTEM)}
    described = {SYSTEM, PROVIDER, deployer, BASED + "auditor"}
    assert set(scan.described) == {iri_hash(iri) for iri in described}
    assert set(scan.mentioned) == {iri_hash(ELSEWHERE)}
    assert scan.size == path.stat().st_size


def test_two_files_of_one_format_link_as_in_another(tmp_path: Path) -> None:
    """A relative IRI is the same node in two files of the same name (in two folders)."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    system = f"@prefix aia: <{AIA}> .\n<#system> a aia:AISystem ; aia:hasProvider <#provider> .\n"
    (tmp_path / "a" / "x.ttl").write_text(system, encoding="utf-8")
    (tmp_path / "b" / "x.ttl").write_text(
        f'@prefix aia: <{AIA}> .\n<#provider> aia:establishedIn "FR" .\n', encoding="utf-8"
    )
    first, second = _scan(tmp_path / "a" / "x.ttl"), _scan(tmp_path / "b" / "x.ttl")
    assert set(first.mentioned) == set(second.described)


@pytest.mark.parametrize(
    ("name", "text", "max_bytes"),
    [
        ("broken.ttl", "@prefix ex: <https://example.org/> .\nex:a ex:b .\n", None),
        (
            "entity.rdf",
            '<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY e "x">]>\n'
            '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n',
            None,
        ),
        ("remote.jsonld", '{"@context": "https://example.org/context.jsonld"}', None),
        ("large.ttl", GOOD, 100),
        ("empty.nt", "# nothing\n", None),
    ],
)
def test_an_unreadable_input_is_scanned_as_the_reader_reports_it(
    tmp_path: Path, name: str, text: str, max_bytes: int | None
) -> None:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    entries = list(collect_inputs([str(path)]))
    (scan,) = _scan_entries(list(enumerate(entries)), max_bytes)
    with pytest.raises(InputFormatError) as read:
        read_rdf_file(path, name=str(path), max_bytes=max_bytes)
    assert scan.error is not None
    assert (scan.error.name, str(scan.error)) == (read.value.name, str(read.value))
    assert (scan.error.line, scan.error.column) == (read.value.line, read.value.column)


def test_a_system_typed_by_a_class_the_document_declares_is_a_subject(tmp_path: Path) -> None:
    """A class declared rdfs:subClassOf aia:AISystem in the file types a subject, as the rules
    read it (else the file would be planned as a party file, assessed only where linked)."""
    path = tmp_path / "own-class.ttl"
    text = GOOD.replace("ex:filter a aia:AISystem", "ex:filter a ex:Filter")
    text += "ex:Filter <http://www.w3.org/2000/01/rdf-schema#subClassOf> aia:AISystem .\n"
    path.write_text(text, encoding="utf-8")
    scan = _scan(path)
    assert set(scan.subjects) == {iri_hash("https://example.org/filter")}


def test_subject_classes_are_those_below_the_subject_kinds_in_the_background() -> None:
    """The classes read from pyoxigraph's parse equal those rdflib reads from the same files."""
    graph = Graph()
    for source in sources_for("validation"):
        for path in source.files:
            graph.parse(path, format="turtle")
    subclass = URIRef("http://www.w3.org/2000/01/rdf-schema#subClassOf")
    expected = {str(kind) for kind in SUBJECT_KINDS}
    grown = True
    while grown:
        below = {
            str(child)
            for child, parent in graph.subject_objects(subclass)
            if str(parent) in expected and str(child).startswith(ONTOLOGY)
        }
        grown = not below <= expected
        expected |= below
    assert subject_classes() == frozenset(expected)
    assert len(expected) > len(SUBJECT_KINDS)  # the ontology has classes below the kinds


def _directory(tmp_path: Path) -> Path:
    system, party = GOOD.split("ex:acme a aia:LegalPerson")
    (tmp_path / "a-provider.ttl").write_text(
        PREFIXES + "ex:acme a aia:LegalPerson" + party, "utf-8"
    )
    for name in ("b", "c", "d"):
        text = system.replace("ex:filter ", f"ex:filter-{name} ")
        (tmp_path / f"{name}-system.ttl").write_text(text, encoding="utf-8")
    (tmp_path / "e-broken.ttl").write_text("not turtle", encoding="utf-8")
    return tmp_path


def _assess(directory: Path, jobs: int = 1) -> list[str]:
    """Every batch's JSON and exit code, the inputs of ``directory`` in batches of one subject."""
    outcomes = assess_batches(
        collect_inputs([str(directory)]),
        AssessmentOptions(as_of=date(2026, 9, 1)),
        batch_size=1,
        jobs=jobs,
        run=RUN,
    )
    return [assessment_json(o.result) + str(o.exit_code) for o in outcomes]


def _counting_reads(monkeypatch: pytest.MonkeyPatch) -> Counter[str]:
    """Counts, from now on, the reads of each input file (by name) in this process."""
    reads: Counter[str] = Counter()
    real = batch_assessment.read_rdf_file

    def counting(path: Path, **options: Any) -> Any:
        reads[path.name] += 1
        return real(path, **options)

    monkeypatch.setattr(batch_assessment, "read_rdf_file", counting)
    return reads


def test_each_input_is_read_once_when_its_batches_are_assessed_here(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = _directory(tmp_path)
    reads = _counting_reads(monkeypatch)
    kept = _assess(directory)
    # the provider's file is in all three batches, the broken one in the last
    assert len(kept) == 3
    assert dict(reads) == {name: 1 for name in reads}
    assert len(reads) == 5
    # with nothing kept, every batch reads its files again: the same results
    monkeypatch.setattr(batch_assessment, "_KEEP_PER_SUBJECT", 0)
    reads = _counting_reads(monkeypatch)
    again = _assess(directory)
    assert reads["a-provider.ttl"] == 4
    assert again == kept


@pytest.mark.parametrize("start", ["fork", "spawn"])
def test_inputs_scanned_by_workers_give_the_results_of_one_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, start: str
) -> None:
    """Much to read: the workers scan the inputs and read their batches' files again."""
    directory = _directory(tmp_path)
    here = _assess(directory)
    monkeypatch.setattr(batch_assessment, "_SCAN_HERE_BYTES", 0)
    if start == "spawn":  # as on a platform without fork: each worker loads what it needs
        monkeypatch.setattr(batch_assessment, "get_all_start_methods", lambda: ["spawn"])
    elif "fork" not in batch_assessment.get_all_start_methods():
        pytest.skip("no fork on this platform")
    reads = _counting_reads(monkeypatch)  # in this process only: the workers' are their own
    assert _assess(directory, jobs=2) == here
    assert not reads  # every file was read by the workers


@pytest.mark.parametrize("scan_here", [True, False])
def test_no_more_workers_start_than_there_are_batches(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scan_here: bool
) -> None:
    """Every worker starts with the first task: ``--jobs 150`` for two inputs started 150
    processes (an outside check). The pool is as large as the batches (or the inputs, before
    the workers scan them), and the results are those of one process."""
    directory = _directory(tmp_path)
    here = _assess(directory)
    sizes: list[int] = []
    real_pool = batch_assessment.ProcessPoolExecutor

    def counting_pool(workers: int, **options: Any) -> Any:
        sizes.append(workers)
        return real_pool(workers, **options)

    monkeypatch.setattr(batch_assessment, "ProcessPoolExecutor", counting_pool)
    if not scan_here:
        monkeypatch.setattr(batch_assessment, "_SCAN_HERE_BYTES", 0)
    assert _assess(directory, jobs=150) == here
    assert sizes
    assert sizes[0] <= 5  # five inputs, three batches of one subject
