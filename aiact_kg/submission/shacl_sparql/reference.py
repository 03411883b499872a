"""The reference engine: pyshacl over rdflib, its report read as :class:`ShapeResult` records."""

from __future__ import annotations

import warnings

from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import SH

from aiact_kg.submission.shacl_sparql.results import ShapeResult


def pyshacl_results(data: Graph, shapes: Graph) -> tuple[list[ShapeResult], Graph]:
    """Validate ``data`` (changed in place) with pyshacl; its results and its report graph."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        _, report, _ = shacl_validate(
            data,
            shacl_graph=shapes,
            advanced=True,
            inference="none",
            inplace=True,
            allow_warnings=True,
            allow_infos=True,
        )
    results = []
    for result in report.objects(None, SH.result):  # not the nested sh:detail results
        shape = report.value(result, SH.sourceShape)
        path = report.value(result, SH.resultPath)
        if isinstance(path, BNode) and shape is not None:
            path = shapes.value(shape, SH.path, default=path)  # the shape's own path node
        severity = report.value(result, SH.resultSeverity)
        component = report.value(result, SH.sourceConstraintComponent)
        focus = report.value(result, SH.focusNode)
        if focus is None or shape is None:
            continue
        results.append(
            ShapeResult(
                focus=focus,
                path=path,
                value=report.value(result, SH.value),
                severity=severity if isinstance(severity, URIRef) else SH.Violation,
                source_shape=shape,
                component=component if isinstance(component, URIRef) else SH.ConstraintComponent,
                messages=tuple(
                    sorted(
                        (
                            m
                            for m in report.objects(result, SH.resultMessage)
                            if isinstance(m, Literal)
                        ),
                        key=str,
                    )
                ),
            )
        )
    return results, report
