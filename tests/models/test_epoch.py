"""The Epoch AI models file is generated from the committed CSV and holds the expected models."""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, Graph, Literal, Namespace, URIRef

from aiact_kg_build.epoch import MODEL_BASE, build, is_gpai, read_rows, select_models

ROOT = Path(__file__).resolve().parent.parent.parent
SOURCE = ROOT / "data" / "sources" / "epoch" / "large_scale_ai_models.csv"
TARGET = ROOT / "data" / "models" / "epoch-large-scale.ttl"
AIA = Namespace("https://w3id.org/aiact-kg/ontology#")


def _graph() -> Graph:
    graph = Graph()
    graph.parse(TARGET, format="turtle")
    return graph


def test_generated_file_has_not_drifted() -> None:
    assert TARGET.read_text(encoding="utf-8") == build(SOURCE), (
        "data/models/epoch-large-scale.ttl is out of date: run scripts/build_epoch_models.py"
    )


def test_attribution_header() -> None:
    head = TARGET.read_text(encoding="utf-8")[:600]
    assert "Epoch AI, 'Data on AI Models', CC BY 4.0, https://epoch.ai/data/ai-models" in head


def test_row_counts() -> None:
    rows = read_rows(SOURCE)
    assert len(rows) == 311
    gpai_rows = [row for row in rows if is_gpai(row)]
    assert len(gpai_rows) == 276
    models = select_models(rows)
    assert len(models) == 198
    graph = _graph()
    assert len(set(graph.subjects(RDF.type, AIA.GeneralPurposeAIModel))) == len(models)
    with_compute = [m for m in models if m.compute_flop is not None]
    assert len(with_compute) == 191
    assert len(set(graph.subjects(AIA.trainingComputeFLOP, None))) == len(with_compute)


def test_well_known_models_above_the_threshold() -> None:
    graph = _graph()
    for slug in (
        "llama-3-1-405b",
        "gpt-4",
        "gpt-4o",
        "grok-2",
        "gemini-1-0-ultra",
        "mistral-large-2",
    ):
        model = URIRef(MODEL_BASE + slug)
        compute = graph.value(model, AIA.trainingComputeFLOP)
        assert isinstance(compute, Literal), slug
        assert float(compute) > 1e25, slug
        provider = graph.value(model, AIA.hasProvider)
        assert graph.value(provider, AIA.establishedIn) is not None, slug


def test_open_weights_are_not_taken_for_foss() -> None:
    graph = _graph()
    llama = URIRef(MODEL_BASE + "llama-3-1-405b")  # Llama licence: open weights, restricted use
    assert graph.value(llama, AIA.weightsPublic) == Literal(True)
    assert graph.value(llama, AIA.freeAndOpenSourceLicence) == Literal(False)
    foss = set(graph.subjects(AIA.freeAndOpenSourceLicence, Literal(True)))
    assert foss
    for model in foss:
        assert graph.value(model, AIA.weightsPublic) == Literal(True)
        assert graph.value(model, AIA.architecturePublic) == Literal(True)
        assert graph.value(model, AIA.usageInformationPublic) == Literal(True)
