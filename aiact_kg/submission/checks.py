"""What the checks done in Python share: the statements they read and how a finding is made.

The SHACL shapes check what a description must contain; the Python checks
(:mod:`.value_checks`, :mod:`.closed`) check what shapes cannot express generically: that each
literal is in the value space the rules can read, that the terms used are declared, and that
something is described at all. Both report :class:`~.validation.Finding` objects.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

from rdflib import BNode, Literal
from rdflib.term import Node

from aiact_kg.legal.citation import citation_for_iri
from aiact_kg.namespaces import CHECK, compact
from aiact_kg.submission.findings import Finding
from aiact_kg.submission.skolem import blank_label, is_skolem_iri


class Statement(NamedTuple):
    """One submitted statement, the file it was read from and its literal exactly as written.

    rdflib normalises literals (``"+3e25"`` becomes ``3e+25``, ``"1e26"^^xsd:decimal`` an
    integer), so the lexical form and datatype are kept as the parser read them.
    """

    subject: Node
    predicate: Node
    object: Node
    file: str
    lexical: str | None = None  # the lexical form of a literal object, as written
    datatype: str | None = None  # its datatype IRI (None for an IRI or blank node)

    def shown(self) -> str:
        """The object as a message shows it (a literal exactly as written)."""
        if self.lexical is not None:
            kind = f"^^{compact(self.datatype)}" if self.datatype else ""
            return f'"{self.lexical}"{kind}'
        return show(self.object)


def label(node: Node) -> str:
    """A node as the reports show it: ``_:b0`` for a blank node, else the full IRI or value."""
    if isinstance(node, BNode):
        return "_:" + str(node).split("x", 1)[-1]
    if isinstance(node, Literal) and node.language:
        return f"{node}@{node.language}"  # the tag shown: "ES"@en is not the code ES
    return blank_label(str(node))


def values_in_files(given: Iterable[tuple[str, str]]) -> str:
    """The values shown, sorted, each with the file that gives it when they come from several
    files: ``2026-09-01 in a.ttl, 2027-03-01 in b.ttl`` (``false, true`` from one file)."""
    pairs = sorted(given)
    several = len({file for _, file in pairs}) > 1
    return ", ".join(text + (f" in {file}" if several else "") for text, file in pairs)


def show(node: Node) -> str:
    """A node as a message shows it: compact IRIs, literals with their datatype."""
    if isinstance(node, Literal):
        if node.datatype is not None:
            return f'"{node}"^^{compact(str(node.datatype))}'
        return f'"{node}"' + (f"@{node.language}" if node.language else "")
    if isinstance(node, BNode) or is_skolem_iri(str(node)):
        return label(node)
    return compact(str(node))


def finding(
    check: str,
    severity: str,
    message: str,
    *,
    focus: Node | None = None,
    path: Node | None = None,
    value: str | None = None,
    provisions: Iterable[str] = (),
) -> Finding:
    """A finding of the Python check ``check`` (its name, e.g. ``value-space``)."""
    cited = tuple(sorted(set(provisions)))
    return Finding(
        severity=severity,
        message=message,
        focus_node=label(focus) if focus is not None else "",
        path=str(path) if path is not None else None,
        value=value,
        shape=CHECK + check,
        legal_basis=tuple(citation_for_iri(p) for p in cited),
        provisions=cited,
    )
