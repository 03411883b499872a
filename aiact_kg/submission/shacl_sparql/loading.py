"""Terms between rdflib (what the shapes and the Python checks read) and the store.

The store holds each statement as the reference engine sees it: blank nodes under their rdflib
identifiers and literals as rdflib reads them, except an ill-typed literal, which keeps its
lexical form as written (rdflib reads ``"yes"^^xsd:boolean`` as ``false`` but marks it
ill-typed; the store must see ``"yes"`` to find it ill-typed too).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from contextlib import suppress
from decimal import Decimal

from pyoxigraph import BlankNode, DefaultGraph, Literal, NamedNode, Quad, Store
from rdflib import BNode, URIRef
from rdflib import Literal as RdfLiteral
from rdflib.term import Node

_XSD_DECIMAL = "http://www.w3.org/2001/XMLSchema#decimal"
# XML Schema's lexical space of xsd:decimal: no exponent
_DECIMAL_LEXICAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)")
_MOST_DIGITS = 10_000

_DEFAULT = DefaultGraph()
StoreTerm = NamedNode | BlankNode | Literal


def to_store(node: Node, written: object = None) -> StoreTerm:
    """The store term of an rdflib node; ``written`` is the literal as parsed, if known."""
    if isinstance(node, URIRef):
        return NamedNode(str(node))
    if isinstance(node, BNode):
        return BlankNode(str(node))
    if isinstance(node, RdfLiteral):
        if getattr(node, "ill_typed", False) and isinstance(written, Literal):
            return written
        if node.language:
            return Literal(str(node), language=node.language)
        if node.datatype is not None:
            return Literal(str(node), datatype=NamedNode(str(node.datatype)))
        return Literal(str(node))
    raise TypeError(f"unexpected RDF term {node!r}")


class FromStore:
    """Reads store terms back as the rdflib nodes that were loaded.

    The store keeps numbers, booleans and dates by value (``"-2.0"^^xsd:decimal`` comes back
    as ``"-2"``), so a literal the store gives back changed is looked up by datatype and value
    among the loaded ones.
    """

    def __init__(self) -> None:
        self._exact: dict[Literal, RdfLiteral] = {}
        self._by_value: dict[tuple[str, object], RdfLiteral] = {}

    def remember(self, node: Node, term: object) -> None:
        """Note a loaded literal and its store term, so that it is given back as loaded."""
        if not isinstance(node, RdfLiteral) or not isinstance(term, Literal):
            return
        self._exact.setdefault(term, node)
        if node.datatype is not None and not node.ill_typed:
            with suppress(TypeError):  # a value that cannot be a key
                self._by_value.setdefault((str(node.datatype), node.value), node)

    def __call__(self, term: object) -> Node:
        if isinstance(term, NamedNode):
            return URIRef(term.value)
        if isinstance(term, BlankNode):
            return BNode(term.value)
        if isinstance(term, Literal):
            known = self._exact.get(term)
            if known is not None:
                return known
            if term.language:
                return RdfLiteral(term.value, lang=term.language)
            literal = RdfLiteral(term.value, datatype=URIRef(term.datatype.value))
            try:
                return self._by_value.get((str(literal.datatype), literal.value), literal)
            except TypeError:
                return literal
        raise TypeError(f"unexpected store term {term!r}")


def store_quad(triple: tuple[Node, Node, Node], written: object = None) -> Quad:
    subject, predicate, value = triple
    return Quad(to_store(subject), to_store(predicate), to_store(value, written), _DEFAULT)  # type: ignore[arg-type]


class StoreLoader:
    """The statements of the documents as store quads, each term as the reference reads it.

    Blank nodes are renamed per document exactly as the rdflib reading does
    (``d<index>x<label>``); a literal is stored as rdflib reads it unless ill-typed; of two
    statements rdflib takes for one (``"yes"^^xsd:boolean`` and ``false``) the first is kept.
    """

    def __init__(self) -> None:
        self.quads: list[Quad] = []
        self.from_store = FromStore()
        # each literal: the term to store, and a number per distinct rdflib node it reads as
        self._literals: dict[Literal, tuple[StoreTerm, int]] = {}
        self._nodes: dict[RdfLiteral, int] = {}
        self._numbers: dict[object, int] = {}  # stored literal -> its number
        self._terms: dict[int, int] = {}  # number -> how many literals read as it
        # numbers two literals read as: only their statements are checked for duplicates
        self._shared: set[int] = set()
        self._seen: set[tuple[object, object, int]] = set()

    def _literal(self, term: Literal) -> tuple[StoreTerm, int]:
        known = self._literals.get(term)
        if known is None:
            node = to_rdflib(term, 0)
            assert isinstance(node, RdfLiteral)
            stored = to_store(node, term)
            if stored == term:
                stored = term
            self.from_store.remember(node, stored)
            number = self._nodes.setdefault(node, len(self._nodes))
            known = self._literals[term] = (stored, number)
            self._numbers.setdefault(stored, number)
            self._terms[number] = self._terms.get(number, 0) + 1
            if self._terms[number] == 2:
                self._share(number)
        return known

    def _share(self, number: int) -> None:
        """Note the statements already loaded with a literal read as ``number``."""
        if number in self._shared:
            return
        self._shared.add(number)
        numbers = self._numbers
        for quad in self.quads:
            if type(quad.object) is Literal and numbers.get(quad.object) == number:
                self._seen.add((quad.subject, quad.predicate, number))

    def add_document(self, index: int, quads: Iterable[Quad]) -> None:
        append, seen, shared = self.quads.append, self._seen, self._shared
        literals, default = self._literals, _DEFAULT
        for quad in quads:
            subject, value = quad.subject, quad.object
            changed = quad.graph_name != default
            if type(subject) is BlankNode:
                subject, changed = BlankNode(f"d{index}x{subject.value}"), True
            if isinstance(value, BlankNode):
                value, changed = BlankNode(f"d{index}x{value.value}"), True
            elif isinstance(value, Literal):
                stored, number = literals.get(value) or self._literal(value)
                if number in shared:
                    key = (subject, quad.predicate, number)
                    if key in seen:
                        continue
                    seen.add(key)
                if stored != value:
                    value, changed = stored, True
            append(Quad(subject, quad.predicate, value, default) if changed else quad)


def _too_many_digits(lexical: str) -> bool:
    """An ``xsd:decimal`` written with an exponent that would take more than
    :data:`_MOST_DIGITS` digits to write out."""
    if _DECIMAL_LEXICAL.fullmatch(lexical):
        return False
    try:
        number = Decimal(lexical)
    except ArithmeticError:  # not a number at all: rdflib reads it as ill-typed
        return False
    return number.is_finite() and abs(number.adjusted()) > _MOST_DIGITS


def to_rdflib(term: object, document: int) -> Node:
    """The rdflib node of a term of document number ``document`` (its blank nodes apart)."""
    if isinstance(term, NamedNode):
        return URIRef(term.value)
    if isinstance(term, BlankNode):
        return BNode(f"d{document}x{term.value}")
    if isinstance(term, Literal):
        if term.language:
            return RdfLiteral(term.value, lang=term.language)
        if term.datatype.value == _XSD_DECIMAL and _too_many_digits(term.value):
            # not a decimal (an exponent is no part of one) that rdflib would write out digit by
            # digit ("1e99999999999" exhausts the memory): the shapes get the text as a string,
            # as for "NaN" below; the value checks report the literal
            return RdfLiteral(term.value)
        literal = RdfLiteral(term.value, datatype=URIRef(term.datatype.value))
        if literal.ill_typed:
            # rdflib rewrites an ill-typed boolean's text ("yes" reads as "false"): keep the
            # text as written, so that a finding names the value the submitter wrote
            return RdfLiteral(term.value, datatype=literal.datatype, normalize=False)
        if isinstance(literal.value, Decimal) and literal.value.is_nan():
            # Python reads "NaN" as a decimal (XML Schema does not) and comparing it raises in
            # pyshacl: the shapes get the text as a string; the value checks report the literal
            return RdfLiteral(term.value)
        return literal
    raise TypeError(f"unexpected RDF term {term!r}")


def new_store(*parts: Iterable[Quad]) -> Store:
    """An in-memory store holding the given quads."""
    store = Store()
    for quads in parts:
        store.extend(quads)
    return store
