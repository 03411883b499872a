"""Generate the JSON-LD context for the whole ontology (build time).

Reads ontology/aiact.ttl and ontology/modules/*.ttl and writes
ontology/context/aiact-kg-full.context.jsonld: our prefixes (taken from the submission context,
aiact-kg.context.jsonld, which keeps its own contract), one term per class, object property
(``"@type": "@id"``) and datatype property (``"@type"`` its xsd range where one is declared).
A term is the local name; when two IRIs share a local name, the one earlier in prefix order
(aia first) keeps it, the others are left to their compact IRIs, and the collision is reported.

    python scripts/generate_jsonld_context.py          # write the file
    python scripts/generate_jsonld_context.py --check  # exit 1 if the committed file is stale
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pyoxigraph import NamedNode, RdfFormat, Store

ROOT = Path(__file__).resolve().parent.parent
ONTOLOGY = ROOT / "ontology"
SUBMISSION_CONTEXT = ONTOLOGY / "context" / "aiact-kg.context.jsonld"
OUTPUT = ONTOLOGY / "context" / "aiact-kg-full.context.jsonld"

RDF_TYPE = NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_RANGE = NamedNode("http://www.w3.org/2000/01/rdf-schema#range")
OWL = "http://www.w3.org/2002/07/owl#"
XSD = "http://www.w3.org/2001/XMLSchema#"
KINDS = ("Class", "ObjectProperty", "DatatypeProperty")
KEYWORD_ALIASES = {"id": "@id", "type": "@type", "graph": "@graph"}


def prefixes() -> dict[str, str]:
    """Our prefixes, in the order of the submission context (aia first)."""
    context = json.loads(SUBMISSION_CONTEXT.read_text(encoding="utf-8"))["@context"]
    return {
        name: value
        for name, value in context.items()
        if isinstance(value, str) and not value.startswith("@") and value[-1:] in ("#", "/")
    }


def ontology_files() -> list[Path]:
    return [ONTOLOGY / "aiact.ttl", *sorted((ONTOLOGY / "modules").glob("*.ttl"))]


Candidate = tuple[int, str, str, str]  # prefix rank, compact IRI, kind, definition (JSON)


def _split(names: dict[str, str], iri: str) -> tuple[str, str] | None:
    for prefix, namespace in names.items():
        local = iri[len(namespace) :]
        if iri.startswith(namespace) and local and local.replace("_", "a").isalnum():
            return prefix, local
    return None


def _definition(store: Store, subject: NamedNode, curie: str, kind: str) -> object:
    if kind == "ObjectProperty":
        return {"@id": curie, "@type": "@id"}
    if kind == "DatatypeProperty":
        ranges = {
            q.object.value
            for q in store.quads_for_pattern(subject, RDFS_RANGE, None, None)
            if isinstance(q.object, NamedNode) and q.object.value.startswith(XSD)
        }
        if len(ranges) == 1:
            return {"@id": curie, "@type": "xsd:" + ranges.pop()[len(XSD) :]}
    return curie


def _candidates(names: dict[str, str]) -> dict[str, set[Candidate]]:
    store = Store()
    for path in ontology_files():
        store.load(path=str(path), format=RdfFormat.TURTLE)
    order = list(names)
    candidates: dict[str, set[Candidate]] = {}
    for kind in KINDS:
        for quad in store.quads_for_pattern(None, RDF_TYPE, NamedNode(OWL + kind), None):
            subject = quad.subject
            if not isinstance(subject, NamedNode):
                continue
            parts = _split(names, subject.value)
            if parts is None:
                continue
            prefix, local = parts
            curie = f"{prefix}:{local}"
            definition = json.dumps(_definition(store, subject, curie, kind))
            candidates.setdefault(local, set()).add((order.index(prefix), curie, kind, definition))
    return candidates


def build_context() -> tuple[dict[str, object], list[str]]:
    """The context document and the collisions found (as messages)."""
    names = prefixes()
    reserved = set(names) | set(KEYWORD_ALIASES)
    terms: dict[str, object] = {}
    collisions: list[str] = []
    candidates = _candidates(names)
    for local in sorted(candidates):
        entries = sorted(candidates[local])
        winner = entries[0][1]
        if local in reserved:
            collisions.append(f"{local}: a prefix or keyword alias; {winner} left out")
            continue
        others = sorted({curie for _, curie, _, _ in entries if curie != winner})
        if others:
            collisions.append(f"{local}: {winner} keeps the term; {', '.join(others)} left out")
        chosen = [entry for entry in entries if entry[1] == winner]
        if len({kind for _, _, kind, _ in chosen}) > 1:
            collisions.append(f"{local}: {winner} is declared with several kinds; plain term")
            terms[local] = winner
        else:
            terms[local] = json.loads(chosen[0][3])
    context: dict[str, object] = {"@version": 1.1, **KEYWORD_ALIASES, **names, **terms}
    return {"@context": context}, collisions


def render(document: dict[str, object]) -> str:
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--check", action="store_true", help="fail if the file is stale")
    args = parser.parse_args(argv)
    document, collisions = build_context()
    for message in collisions:
        print(f"collision: {message}", file=sys.stderr)
    text = render(document)
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            stale = f"{OUTPUT.relative_to(ROOT)} is stale: run {Path(__file__).name}"
            print(stale, file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"Wrote {OUTPUT.relative_to(ROOT)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
