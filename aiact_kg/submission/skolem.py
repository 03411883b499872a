"""Replace the blank nodes of a submission by stable IRIs (skolemisation, RDF 1.1 §3.5).

A blank node is a node like any other for the law: a provider, a designation decision or a
practice written as ``[ ... ]`` must count exactly as if it had a name. Rules mint identifiers
from the nodes they read and compare nodes across statements, and a blank node cannot serve
either way (``STR()`` of a blank node is an error, so an ``INSERT`` silently does nothing; two
files that both use ``_:practice`` would merge). So every blank node of a document is replaced,
when the document is read, by an IRI that is unique to that document and to the node:

``https://w3id.org/aiact-kg/genid/<document key>/<label>``

where the document key is a short hash of the input's name (as a normalised path), and the
label is the document's own label for the node (``_:provider`` keeps ``provider``) or, for an
anonymous node (``[ ... ]``, whose label the parser makes up at random), ``anon-<n>`` numbered
in order of first appearance.
The same file read twice gives the same IRIs; blank nodes of different files never meet.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from collections.abc import Iterable
from typing import Final

from pyoxigraph import BlankNode, NamedNode, Quad

__all__ = ["SKOLEM_BASE", "blank_label", "document_key", "is_skolem_iri", "skolemize"]

SKOLEM_BASE: Final = "https://w3id.org/aiact-kg/genid/"
# pyoxigraph labels an anonymous node with a random 128-bit number in hexadecimal
_GENERATED: Final = re.compile(r"^[0-9a-f]{24,32}$")
_HEX_RUN: Final = re.compile(rb"[0-9a-f]{24,}")


def document_key(name: str) -> str:
    """The part of a skolem IRI that names the document (a short hash of its name, with the
    path's redundant parts dropped: ``./a.ttl`` and ``a.ttl`` are one file, read twice)."""
    shown = posixpath.normpath(name) if name and not name.startswith("<") else name
    return hashlib.sha256(shown.encode("utf-8")).hexdigest()[:12]


class _Namer:
    """Gives each blank node of one document its IRI."""

    def __init__(self, name: str, text: bytes | None) -> None:
        self.text = text
        self.prefix = f"{SKOLEM_BASE}{document_key(name)}/"
        self.iris: dict[str, NamedNode] = {}
        self.taken: set[str] = set()
        self.anonymous = 0
        # the runs of hexadecimal digits long enough to hold a made-up label: a label (hex
        # digits only) is in the text exactly when it is within one of them
        self.runs: list[bytes] | None = None

    def is_anonymous(self, label: str) -> bool:
        """True for a label the parser made up (one the document does not contain)."""
        if not _GENERATED.match(label):
            return False
        if self.text is None:
            return True
        if self.runs is None:  # found once: a document may have thousands of blank nodes
            self.runs = _HEX_RUN.findall(self.text)
        needle = label.encode("ascii")
        return not any(needle in run for run in self.runs)

    def label_for(self, label: str) -> str:
        if not self.is_anonymous(label):
            return label
        while True:
            self.anonymous += 1
            candidate = f"anon-{self.anonymous}"
            if candidate not in self.taken:
                return candidate

    def iri(self, node: BlankNode) -> NamedNode:
        found = self.iris.get(node.value)
        if found is None:
            label = self.label_for(node.value)
            self.taken.add(label)
            found = NamedNode(self.prefix + label)
            self.iris[node.value] = found
        return found


def skolemize(quads: Iterable[Quad], name: str, text: bytes | None = None) -> tuple[Quad, ...]:
    """The quads of the document ``name`` with every blank node replaced by its skolem IRI.

    ``text``, the document as parsed, tells labels the document uses from labels the parser
    made up for anonymous nodes.
    """
    namer = _Namer(name, text)
    listed = tuple(quads)
    # reserve the document's own labels first, so an anonymous node never takes one of them
    blank: list[int] = []  # the positions of the statements holding a blank node
    for position, quad in enumerate(listed):
        subject, value, graph = quad.subject, quad.object, quad.graph_name
        if type(subject) is BlankNode or type(value) is BlankNode or type(graph) is BlankNode:
            blank.append(position)
            for term in (subject, value, graph):
                if type(term) is BlankNode and not namer.is_anonymous(term.value):
                    namer.taken.add(term.value)
    if not blank:
        return listed
    # only those statements are made again (most statements of a document have none), in
    # document order, so anonymous nodes are numbered in order of first appearance
    rewritten = list(listed)
    for position in blank:
        quad = listed[position]
        subject, value, graph = quad.subject, quad.object, quad.graph_name
        rewritten[position] = Quad(
            namer.iri(subject) if isinstance(subject, BlankNode) else subject,
            quad.predicate,
            namer.iri(value) if isinstance(value, BlankNode) else value,
            namer.iri(graph) if isinstance(graph, BlankNode) else graph,
        )
    return tuple(rewritten)


def is_skolem_iri(iri: str) -> bool:
    """True for an IRI that :func:`skolemize` made for a blank node."""
    return iri.startswith(SKOLEM_BASE)


def blank_label(iri: str) -> str:
    """``_:label`` for a skolem IRI (how the user wrote or would write the node), else ``iri``."""
    if not is_skolem_iri(iri):
        return iri
    return "_:" + iri.rsplit("/", 1)[-1]
