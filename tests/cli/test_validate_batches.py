"""`aiact-kg validate` in bounded batches writes exactly what one pass over all inputs writes.

Compared byte for byte (JSON, text and the SHACL report in Turtle, exit code) on the shape
fixtures, the examples, the facts of every legal case, a generated corpus with injected faults
and inputs linked across files, at batch sizes that split them into many batches; the Turtle
report is also checked isomorphic (both canonicalised, RDFC-1.0) to the report graph of one
validation of all inputs (the graph itself: rdflib's own Turtle writer does not always write it
faithfully); and the batches are checked to be many, with linked files never apart.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from pyoxigraph import CanonicalizationAlgorithm, Dataset, RdfFormat, parse
from rdflib import RDF, SH, BNode, Graph, URIRef

from aiact_kg.cli import main
from aiact_kg.render.shacl_report import ShaclReportWriter, shape_labels
from aiact_kg.submission.reading import InputDocument, read_inputs, read_rdf_file
from aiact_kg.submission.streaming import (
    _Entry,
    _Groups,
    link_keys,
    plan,
    subject_rows,
    validate_streamed,
)
from aiact_kg.submission.validation import SubmissionValidator
from benchmarks.generate import write_faulty_files
from tests.cases.conftest import PREFIXES as CASE_PREFIXES
from tests.cli.submissions import GOOD, PREFIXES

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "shapes" / "submission"
EXAMPLES = ROOT / "examples" / "submissions"
CASES = ROOT / "tests" / "cases"

# a system whose provider and model are described in other files (a party file, b model file)
LINKED = {
    "a-system.ttl": PREFIXES
    + (
        "ex:linked a aia:AISystem ; aia:hasProvider ex:far ;\n"
        "  aia:intendedPurpose aiac:purpose-spam-filtering ;\n"
        "  aia:interactsWithNaturalPersons true .\n"
    ),
    "m-unrelated.ttl": GOOD.replace("ex:filter", "ex:other").replace("ex:acme", "ex:near"),
    "z-provider.ttl": PREFIXES + 'ex:far a aia:LegalPerson ; aia:establishedIn "NL" .\n',
    "z-second-user.ttl": PREFIXES
    + ('ex:second a aia:AISystem ; aia:hasProvider ex:far ; aia:performsProfiling "maybe" .\n'),
}


def _run(capsys: pytest.CaptureFixture[str], inputs: list[str], *options: str) -> tuple[int, str]:
    code = main(["validate", "--no-progress", *inputs, *options])
    return code, capsys.readouterr().out


def _assert_same_output(
    capsys: pytest.CaptureFixture[str],
    inputs: list[str],
    sizes: tuple[int, ...],
    jobs: tuple[int, ...] = (2,),
) -> None:
    """The output at each batch size, validated in this process (1) or in workers (2); the
    SHACL report of one batch isomorphic to the report graph of one validation."""
    _assert_report_graph(capsys, inputs)
    for output in ("json", "text", "turtle"):
        expected = _run(capsys, inputs, "--format", output, "--batch-statements", "0")
        for size in sizes:
            for workers in jobs:
                found = _run(
                    capsys,
                    inputs,
                    *("--format", output, "--batch-statements", str(size)),
                    *("--jobs", str(workers)),
                )
                assert found == expected, (output, size, workers)


def _assert_report_graph(
    capsys: pytest.CaptureFixture[str], inputs: list[str], *options: str
) -> None:
    code, text = _run(capsys, inputs, "--format", "turtle", "--batch-statements", "0", *options)
    engine = options[options.index("--engine") + 1] if "--engine" in options else None
    read = list(read_inputs(inputs))
    report = SubmissionValidator(engine).validate(
        [d for d in read if isinstance(d, InputDocument)],
        [d for d in read if not isinstance(d, InputDocument)],
    )
    assert code == report.exit_code
    written = report.results_graph.serialize(format="nt", encoding="utf-8")
    assert _canonical(text.encode(), RdfFormat.TURTLE) == _canonical(written, RdfFormat.N_TRIPLES)


def _canonical(data: bytes, rdf_format: RdfFormat) -> Dataset:
    """The graph of ``data`` with its blank nodes named canonically (RDFC-1.0): two such are
    equal exactly when the graphs are isomorphic (rdflib's own check took minutes here)."""
    dataset = Dataset(parse(data, format=rdf_format))
    dataset.canonicalize(CanonicalizationAlgorithm.RDFC_1_0)
    return dataset


def _cases(directory: Path) -> Path:
    """The facts of every legal case, one Turtle file each."""
    for path in sorted(CASES.rglob("*.yaml")):
        case = yaml.safe_load(path.read_text(encoding="utf-8"))
        if isinstance(case, dict) and isinstance(case.get("facts"), str):
            name = str(path.relative_to(CASES).with_suffix(".ttl")).replace("/", "--")
            (directory / name).write_text(CASE_PREFIXES + case["facts"], encoding="utf-8")
    return directory


def test_fixtures_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    _assert_same_output(capsys, [str(FIXTURES), str(EXAMPLES)], (1, 300), (1, 2))


def test_legal_cases(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    _assert_same_output(capsys, [str(_cases(tmp_path))], (500,))


def test_generated_corpus_with_faults(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    write_faulty_files(tmp_path, 200, 100)
    _assert_same_output(capsys, [str(tmp_path)], (1, 100))


def test_linked_files(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for name, text in LINKED.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    broken = tmp_path / "b-broken.ttl"
    broken.write_text(PREFIXES + "ex:a ex:b .\n", encoding="utf-8")
    code, _ = _run(capsys, [str(tmp_path)], "--batch-statements", "1")
    assert code == 2
    _assert_same_output(
        capsys, [str(tmp_path), str(EXAMPLES / "credit-scoring-bank.nt")], (1,), (1, 2)
    )


def test_linked_files_share_a_batch(tmp_path: Path) -> None:
    paths = []
    for name, text in LINKED.items():
        paths.append(tmp_path / name)
        paths[-1].write_text(text, encoding="utf-8")
    groups, entries = _Groups(), []
    for path in paths:
        document = read_rdf_file(path)
        groups.add(*link_keys(document))
        entries.append(_Entry(None, len(document.quads), document))
    # every file is over the size: each group is a batch, the linked three together
    assert plan(entries, groups, 1) == [[0, 2, 3], [1]]
    assert plan(entries, groups, 0) == [[0, 1, 2, 3]]


def test_a_subject_typed_by_a_class_below_a_kind_describes_one(tmp_path: Path) -> None:
    """A node typed only by a class of ours below a subject kind (a risk class stated as a
    type) is a subject for the batching too, as for the validator."""
    path = tmp_path / "typed.ttl"
    path.write_text(PREFIXES + "ex:s a aia:MinimalRiskAISystem ; aia:hasProvider ex:p .\n")
    _, describes, _, _ = link_keys(read_rdf_file(path))
    assert describes
    path.write_text(PREFIXES + 'ex:p a aia:LegalPerson ; aia:establishedIn "NL" .\n')
    assert not link_keys(read_rdf_file(path))[1]


def _fixtures_with_path_expressions() -> list[str]:
    """The fixture folders of the shapes whose property paths are expressions (inverse,
    sequence, alternative: blank nodes the reference engine copies into its report)."""
    shapes = SubmissionValidator().shapes
    named = set()
    for shape in set(shapes.subjects(RDF.type, SH.NodeShape)):
        paths = [*shapes.objects(shape, SH.path)]
        paths += [
            p for prop in shapes.objects(shape, SH.property) for p in shapes.objects(prop, SH.path)
        ]
        if isinstance(shape, URIRef) and any(isinstance(path, BNode) for path in paths):
            named.add(str(shape).rsplit("#", 1)[-1])
    folders = sorted(str(FIXTURES / name) for name in named if (FIXTURES / name).is_dir())
    assert len(folders) >= 10, folders
    return folders


def test_pyshacl_report(capsys: pytest.CaptureFixture[str]) -> None:
    """The reference engine's own report (its copies of the shapes' paths) cut and merged, on
    the fixtures of the shapes with path expressions (pyshacl takes seconds a batch: all
    fixtures, one a batch, took 11 minutes)."""
    inputs = _fixtures_with_path_expressions()
    _assert_report_graph(capsys, inputs, "--engine", "pyshacl")
    expected = _run(capsys, inputs, "--format", "turtle", "--batch-statements", "0", "--engine",
                    "pyshacl")  # fmt: skip
    found = _run(capsys, inputs, "--format", "turtle", "--batch-statements", "1", "--engine",
                 "pyshacl", "--jobs", "1")  # fmt: skip
    assert found == expected


def test_shape_labels_do_not_depend_on_the_parse() -> None:
    """The labels of the shapes' blank nodes: the same for two parses (whose rdflib blank node
    identifiers differ), and one per node."""
    shapes = SubmissionValidator().shapes
    again = Graph()
    for triple in shapes:
        again.add(triple)
    again = Graph().parse(data=again.serialize(format="nt"), format="nt")
    first, second = shape_labels(shapes), shape_labels(again)
    assert set(first) != set(second)  # other blank nodes
    assert sorted(first.values()) == sorted(second.values())
    assert len(set(first.values())) == len(first) > 100


def test_many_batches_spooled(tmp_path: Path) -> None:
    write_faulty_files(tmp_path, 50, 20)
    streamed = validate_streamed(
        [str(tmp_path)], subject_rows(str), progress=False, batch_statements=20, jobs=1
    )
    try:
        assert streamed.report is None
        assert len(streamed.runs) > 10
        assert streamed.totals.documents == len(list(tmp_path.iterdir()))
    finally:
        streamed.close()
    one = validate_streamed([str(tmp_path)], subject_rows(str), progress=False, batch_statements=0)
    assert one.report is not None
    assert one.totals == streamed.totals


def test_turtle_spooled_in_batches(tmp_path: Path) -> None:
    """``--format turtle`` is validated in batches too (not all at once)."""
    write_faulty_files(tmp_path, 50, 20)
    validator = SubmissionValidator()
    rows = ShaclReportWriter(validator.shapes).rows
    streamed = validate_streamed(
        [str(tmp_path)], rows, progress=False, validator=validator, batch_statements=20, jobs=1
    )
    try:
        assert streamed.report is None
        assert len(streamed.runs) > 10
    finally:
        streamed.close()


def test_a_vocabulary_file_is_validated_with_the_files_using_its_terms(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """Providers linked by the submitter's subproperty, declared in a file of its own: every
    batch size gives the output of one batch (the file using the term was validated without the
    declaration: 'name the provider')."""
    (tmp_path / "a-vocabulary.ttl").write_text(
        PREFIXES
        + "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
        + "ex:builtBy rdfs:subPropertyOf aia:hasProvider .\n",
        encoding="utf-8",
    )
    for name in ("b", "c", "d"):
        (tmp_path / f"{name}-system.ttl").write_text(
            PREFIXES
            + f"ex:{name} a aia:AISystem ; ex:builtBy ex:maker-{name} ;\n"
            + "  aia:intendedPurpose aiac:purpose-spam-filtering ;\n"
            + "  aia:interactsWithNaturalPersons false ;\n"
            + '  aia:putIntoServiceOn "2026-03-01"^^xsd:date .\n'
            + f'ex:maker-{name} a aia:LegalPerson ; aia:establishedIn "DE" ; aia:isSME true .\n',
            encoding="utf-8",
        )
    code, _ = _run(capsys, [str(tmp_path)], "--batch-statements", "1")
    assert code == 0
    _assert_same_output(capsys, [str(tmp_path)], (1,), (1, 2))
