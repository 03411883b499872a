"""Documents of one run whose relative IRIs meet: files of the same name in different folders.

Relative IRIs resolve against ``https://w3id.org/aiact-kg/submission/<file name>/`` (the name
alone, so that the IRIs do not depend on where the file lies). Two different files of the same
name, read together, therefore name the same nodes when both write ``<#system>``: what they
describe is read as one node. That may be meant (one description split over two folders), but
two unrelated descriptions merge without a word, so each such node gets a warning naming the
files.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from pyoxigraph import NamedNode

from aiact_kg.namespaces import CHECK
from aiact_kg.submission.findings import Finding
from aiact_kg.submission.reading import InputDocument, submission_base_iri

__all__ = ["shared_name_findings"]


def shared_name_findings(documents: Sequence[InputDocument]) -> list[tuple[str, Finding]]:
    """A warning for each node that relative IRIs of two or more differently named documents
    of the same file name both describe (statements about it in each)."""
    by_base: dict[str, set[str]] = defaultdict(set)
    for document in documents:
        by_base[submission_base_iri(document.name)].add(document.name)
    found: list[tuple[str, Finding]] = []
    for base, names in by_base.items():
        if len(names) < 2:
            continue
        described: dict[str, set[str]] = defaultdict(set)
        for document in documents:
            if document.name in names:
                for quad in document.quads:
                    subject = quad.subject
                    if isinstance(subject, NamedNode) and subject.value.startswith(base):
                        described[subject.value].add(document.name)
        for node, files in sorted(described.items()):
            if len(files) > 1:
                found.append((node, _warning(node, sorted(files), base)))
    return found


def _warning(node: str, files: list[str], base: str) -> Finding:
    listed = ", ".join(files[:-1]) + f" and {files[-1]}"
    message = (
        f"{listed} have the same file name, and each describes <{node}> by a relative IRI: "
        f"relative IRIs resolve against the file name alone ({base}), so their statements "
        "are read as about one node. If they describe different systems, models or parties, "
        "give the files different names or the nodes absolute IRIs."
    )
    return Finding("warning", message, node, None, None, CHECK + "shared-file-name", (), ())
