"""Compacted JSON-LD with the whole-ontology context (``aiact-kg-full.context.jsonld``).

pyoxigraph writes expanded JSON-LD (one node object per subject, grouped per named graph) and
takes no context, so this module compacts its output: IRIs with our prefixes become compact
IRIs, ``rdf:type`` becomes ``type``, and a property becomes its context term when the term's
coercion (``@id`` or an xsd datatype) fits every value; otherwise the compact IRI is the key and
the values stay value objects. The result expands back to the same quads (tested).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from typing import Any, Final

from pyoxigraph import Quad, RdfFormat, Triple, serialize

from aiact_kg.resources import FULL_CONTEXT_IRI, full_jsonld_context_file

RDF_TYPE: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
XSD_STRING: Final = "http://www.w3.org/2001/XMLSchema#string"


@cache
def full_context() -> dict[str, Any]:
    """The value of ``@context`` in the whole-ontology context file."""
    document = json.loads(full_jsonld_context_file().read_text(encoding="utf-8"))
    context: dict[str, Any] = document["@context"]
    return context


class _Compactor:
    def __init__(self, context: dict[str, Any]) -> None:
        self.prefixes = sorted(
            (
                (name, value)
                for name, value in context.items()
                if isinstance(value, str) and value[-1:] in ("#", "/") and "://" in value
            ),
            key=lambda item: -len(item[1]),
        )
        # IRI -> (term, coercion or None)
        self.terms: dict[str, tuple[str, str | None]] = {}
        for term, definition in context.items():
            if term.startswith("@") or isinstance(definition, int | float):
                continue
            if isinstance(definition, str):
                if definition.startswith("@") or "://" in definition:
                    continue
                self.terms.setdefault(self.expand(definition), (term, None))
            elif isinstance(definition, dict):
                coercion = definition.get("@type")
                iri = self.expand(definition["@id"])
                kind = coercion if coercion == "@id" or coercion is None else self.expand(coercion)
                self.terms.setdefault(iri, (term, kind))

    def expand(self, curie: str) -> str:
        prefix, _, local = curie.partition(":")
        for name, namespace in self.prefixes:
            if name == prefix:
                return namespace + local
        return curie

    def iri(self, iri: str) -> str:
        for name, namespace in self.prefixes:
            if iri.startswith(namespace) and len(iri) > len(namespace):
                local = iri[len(namespace) :]
                if not local.startswith("//"):
                    return f"{name}:{local}"
        return iri

    def vocab(self, iri: str) -> str:
        """A class or datatype IRI in a ``@type`` position: its term if plain, else compact."""
        term = self.terms.get(iri)
        return term[0] if term is not None and term[1] is None else self.iri(iri)

    def value(self, value: dict[str, Any]) -> Any:
        if "@id" in value:
            return {"@id": self.iri(value["@id"])}
        if set(value) == {"@value"}:
            return value["@value"]
        if "@type" in value:
            return {"@value": value["@value"], "@type": self.iri(value["@type"])}
        return value

    def node(self, node: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key, values in node.items():
            if key == "@id":
                out["id"] = self.iri(values)
            elif key == "@graph":
                out["graph"] = [self.node(child) for child in values]
            elif key == "@type":
                out["type"] = _one([self.vocab(value) for value in values])
            elif key == RDF_TYPE and all(set(v) == {"@id"} for v in values):
                out["type"] = _one([self.vocab(value["@id"]) for value in values])
            else:
                self._property(out, key, values)
        return out

    def _property(self, out: dict[str, Any], iri: str, values: list[dict[str, Any]]) -> None:
        term = self.terms.get(iri)
        if term is not None:
            name, coercion = term
            if coercion == "@id" and all(set(v) == {"@id"} for v in values):
                out[name] = _one([self.iri(v["@id"]) for v in values])
                return
            if (
                coercion is not None
                and coercion != "@id"
                and coercion != XSD_STRING
                and all(set(v) == {"@value", "@type"} and v["@type"] == coercion for v in values)
            ):
                out[name] = _one([v["@value"] for v in values])
                return
            if coercion is None:
                out[name] = _one([self.value(v) for v in values])
                return
        out[self.iri(iri)] = _one([self.value(v) for v in values])


def _one(values: list[Any]) -> Any:
    return values[0] if len(values) == 1 else values


def compact_jsonld(quads: Iterable[Quad] | Iterable[Triple], *, embed: bool = True) -> bytes:
    """Compacted JSON-LD of ``quads`` (or triples), named graphs kept (one ``graph`` each).

    With ``embed`` the context is written inline (the file stands alone); without it the
    document refers to the context by its published IRI, :data:`FULL_CONTEXT_IRI`.
    """
    expanded = serialize(quads, format=RdfFormat.JSON_LD)
    assert expanded is not None  # with no output given, serialize returns the bytes
    return compact_expanded(expanded, embed=embed)


def compact_expanded(expanded: bytes, *, embed: bool = True) -> bytes:
    """Compact pyoxigraph's expanded JSON-LD output."""
    context = full_context()
    compactor = _Compactor(context)
    nodes = [compactor.node(node) for node in json.loads(expanded)]
    document = {"@context": context if embed else FULL_CONTEXT_IRI, "graph": nodes}
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    return (text + "\n").encode("utf-8")
