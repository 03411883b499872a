"""Parse citation strings ("Art 6(3)", "Annex III point 4(a)") into candidate provision IRIs.

A citation is ambiguous on its own: "Art 3(63)" is a point of an article without paragraphs,
"Art 6(3)" is a paragraph. :func:`candidate_iris` returns the possible IRIs, most likely first;
the caller keeps the first one that exists in the legal-text graph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from aiact_kg.errors import CitationError
from aiact_kg.namespaces import PROVISION

# the ordinal words of subparagraphs, also read in running text by the cross-reference finder
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
_ROMAN = re.compile(r"^[IVXL]+$")
_ARTICLE = re.compile(r"^(?:art(?:icle)?\.?)\s*(\d+[a-z]*)\s*(.*)$", re.IGNORECASE)
_ANNEX = re.compile(r"^annex\s+([IVXL]+)((?-i:[a-z]*))\s*(.*)$", re.IGNORECASE)
_RECITAL = re.compile(r"^(?:recital|rct)\.?\s*(\d+)$", re.IGNORECASE)
_CHAPTER = re.compile(r"^chapter\s+([IVXL]+)(?:\s*,?\s*section\s+(\d+))?$", re.IGNORECASE)
_BRACKET = re.compile(r"\(\s*([0-9a-z]+)\s*\)", re.IGNORECASE)
_SUBPARAGRAPH = re.compile(r"\b(" + "|".join(ORDINALS) + r")\s+subparagraph\b", re.IGNORECASE)


@dataclass(frozen=True)
class ParsedCitation:
    """The structured parts of a citation string."""

    kind: str  # "article" | "annex" | "recital" | "chapter"
    number: str
    parts: tuple[str, ...] = ()
    subparagraph: int | None = None
    section: str | None = None


def parse_citation(text: str) -> ParsedCitation:
    """Split a citation string into its parts, or raise :class:`CitationError`."""
    cleaned = " ".join(text.replace("\u00a0", " ").split()).strip().rstrip(".,;")
    if not cleaned:
        raise CitationError(
            "the citation is empty; write it like 'Art 6(3)' or 'Annex III point 4(a)'"
        )
    if match := _RECITAL.match(cleaned):
        return ParsedCitation("recital", match.group(1))
    if match := _CHAPTER.match(cleaned):
        return ParsedCitation("chapter", match.group(1).upper(), section=match.group(2))
    if match := _ARTICLE.match(cleaned):
        number, rest = match.group(1), match.group(2)
        kind = "article"
    elif match := _ANNEX.match(cleaned):
        number, rest = match.group(1).upper() + match.group(2), match.group(3)
        kind = "annex"
    else:
        raise CitationError(
            f"cannot read the citation {text!r}; write it like 'Art 6(3)', 'Art 5(1)(h)(iii)', "
            "'Annex III point 4(a)', 'Recital 97' or 'Chapter V'"
        )
    subparagraph = None
    if sub := _SUBPARAGRAPH.search(rest):
        subparagraph = ORDINALS[sub.group(1).lower()]
        rest = rest[: sub.start()] + rest[sub.end() :]
    rest = re.sub(r"\bpoints?\b|,", " ", rest, flags=re.IGNORECASE)
    parts: list[str] = []
    for token in rest.split():
        head, bracketed = split_brackets(token)
        if head:
            if not re.fullmatch(r"[0-9a-z]+", head, re.IGNORECASE):
                raise CitationError(f"cannot read {head!r} in the citation {text!r}")
            parts.append(head)
        parts.extend(bracketed)
    return ParsedCitation(
        kind,
        number,
        tuple(part.lower() if not part.isdigit() else part for part in parts),
        subparagraph,
    )


def split_brackets(token: str) -> tuple[str, list[str]]:
    """A citation token's head and bracketed labels: ``5(1)(h)`` -> ("5", ["1", "h"])."""
    return _BRACKET.sub("", token).strip(), _BRACKET.findall(token)


def _article_paths(citation: ParsedCitation) -> list[str]:
    # a provision not divided into subparagraphs is its own first subparagraph: "first
    # subparagraph" falls back to it, a later one does not (an outside check found "Art 4 second
    # subparagraph" answered with Art 4)
    base = f"art_{citation.number}"
    whole = citation.subparagraph in (None, 1)
    if not citation.parts:
        if citation.subparagraph:
            return [f"{base}.sub_{citation.subparagraph}"] + ([base] if whole else [])
        return [base]
    first, rest = citation.parts[0], citation.parts[1:]
    tail = "".join(f".pnt_{part}" for part in rest)
    paths = []
    if first.isdigit():
        paragraph = f"{base}.par_{first}"
        if citation.subparagraph and not rest:
            paths.append(f"{paragraph}.sub_{citation.subparagraph}")
            if not whole:
                return paths
        paths.append(paragraph + tail)
    paths.append(f"{base}.pnt_{first}{tail}")
    return paths


def _annex_paths(citation: ParsedCitation) -> list[str]:
    base = f"anx_{citation.number}"
    if not citation.parts:
        return [base]
    # Annex sections ("Annex I Section A") are written "section a" by parse_citation
    if citation.parts[0] == "section" and len(citation.parts) > 1:
        return [f"{base}.sct_{citation.parts[1].upper()}"]
    return [base + "".join(f".pnt_{part}" for part in citation.parts)]


def candidate_iris(text: str) -> list[str]:
    """Possible provision IRIs for a citation string, most likely first."""
    citation = parse_citation(text)
    if citation.kind == "recital":
        paths = [f"rct_{citation.number}"]
    elif citation.kind == "chapter":
        chapter = f"cpt_{citation.number}"
        paths = [f"{chapter}.sct_{citation.section}"] if citation.section else [chapter]
    elif citation.kind == "article":
        paths = _article_paths(citation)
    else:
        paths = _annex_paths(citation)
    return [PROVISION + path for path in paths]


def format_citation(citation: ParsedCitation) -> str:
    """Write parsed parts back in the project's citation form (``Art 5(1)(h)(iii)``)."""
    if citation.kind == "recital":
        return f"Recital {citation.number}"
    if citation.kind == "chapter":
        section = f" Section {citation.section}" if citation.section else ""
        return f"Chapter {citation.number}{section}"
    if citation.kind == "article":
        text = f"Art {citation.number}" + "".join(f"({part})" for part in citation.parts)
    elif citation.parts and citation.parts[0] == "section":
        text = f"Annex {citation.number} Section {citation.parts[1].upper()}"
    elif citation.parts:
        first, rest = citation.parts[0], citation.parts[1:]
        head = first if first.isdigit() else f"({first})"
        text = f"Annex {citation.number} point {head}" + "".join(f"({part})" for part in rest)
    else:
        text = f"Annex {citation.number}"
    if citation.subparagraph:
        ordinal = next(word for word, number in ORDINALS.items() if number == citation.subparagraph)
        text += f" {ordinal} subparagraph"
    return text


_ORDINAL_WORDS = {number: word for word, number in ORDINALS.items()}


def citation_for_iri(iri: str) -> str:
    """The citation string of a provision IRI (``…/art_6.par_3`` -> ``Art 6(3)``).

    The legal-text graph stores the authoritative ``aia:citation``; this function lets code
    that holds only an IRI (shapes, rules) print the same string without a store.
    """
    if not iri.startswith(PROVISION):
        raise CitationError(f"{iri} is not a provision IRI of Regulation (EU) 2024/1689")
    head, *levels = iri[len(PROVISION) :].split(".")
    kind, _, number = head.partition("_")
    if kind == "rct":
        return f"Recital {number}"
    if kind == "cpt":
        sections = [level.partition("_")[2] for level in levels if level.startswith("sct_")]
        return f"Chapter {number}" + (f" Section {sections[0]}" if sections else "")
    subparagraph = ""
    parts: list[str] = []
    section = ""
    for level in levels:
        tag, _, value = level.partition("_")
        if tag == "sub":
            subparagraph = f" {_ORDINAL_WORDS.get(int(value), value)} subparagraph"
        elif tag == "sct":
            section = value
        else:
            parts.append(value)
    if kind == "art":
        return f"Art {number}" + "".join(f"({part})" for part in parts) + subparagraph
    if kind != "anx":
        raise CitationError(f"{iri} is not a provision IRI of Regulation (EU) 2024/1689")
    text = f"Annex {number}" + (f" Section {section}" if section else "")
    if parts:
        first, rest = parts[0], parts[1:]
        text += " point " + (first if first.isdigit() else f"({first})")
        text += "".join(f"({part})" for part in rest)
    return text + subparagraph
