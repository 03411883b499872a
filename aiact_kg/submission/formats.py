"""RDF formats a submission may use: by file extension, or sniffed from the content."""

from __future__ import annotations

import os
import re
from pathlib import PurePath
from typing import Final

from pyoxigraph import RdfFormat

from aiact_kg.submission.errors import InputFormatError

#: file extension (lower case, with the dot) -> format
ACCEPTED_EXTENSIONS: Final[dict[str, RdfFormat]] = {
    ".ttl": RdfFormat.TURTLE,
    ".turtle": RdfFormat.TURTLE,
    ".nt": RdfFormat.N_TRIPLES,
    ".nq": RdfFormat.N_QUADS,
    ".trig": RdfFormat.TRIG,
    ".rdf": RdfFormat.RDF_XML,
    ".owl": RdfFormat.RDF_XML,
    ".xml": RdfFormat.RDF_XML,
    ".jsonld": RdfFormat.JSON_LD,
    ".json": RdfFormat.JSON_LD,
}

ACCEPTED_DESCRIPTION: Final = (
    "Turtle (.ttl, .turtle), N-Triples (.nt), N-Quads (.nq), TriG (.trig), "
    "RDF/XML (.rdf, .owl, .xml) or JSON-LD (.jsonld, .json)"
)

_XML_START = re.compile(rb"<(?:\?xml|!|[A-Za-z_][\w.\-]*(?::[A-Za-z_][\w.\-]*)?[\s>/])")
_JSON_START = re.compile(rb'\{|\[\s*(?:[{\["]|\]\s*$|$)')
_LITERAL = re.compile(rb'"(?:[^"\\\n]|\\.)*"(?:@[A-Za-z0-9\-]+|\^\^<[^>\s]*>)?')
_TERM = rb'(?:<[^>\s]*>|_:[^\s<>"]+|L)'
_QUAD_LINE = re.compile(rb"\s*" + (_TERM + rb"\s+") * 4 + rb"\.\s*(?:#.*)?")
_TRIPLE_LINE = re.compile(rb"\s*" + (_TERM + rb"\s*") * 3 + rb"\.\s*(?:#.*)?")


def format_name(rdf_format: RdfFormat) -> str:
    """Human name of a format: ``Turtle``, ``N-Triples``, ``RDF/XML``, ``JSON-LD``..."""
    return str(rdf_format.name)


def base_name(name: str) -> str:
    """``PurePath(name).name``, without building a path object in the common case."""
    if os.sep == "/" and os.altsep is None:
        last = name.rsplit("/", 1)[-1]
        if last not in ("", ".", ".."):
            return last
    return PurePath(name).name


def format_from_name(name: str) -> RdfFormat | None:
    """The format the extension of ``name`` stands for, or None."""
    file = base_name(name)
    dot = file.rfind(".")  # PurePath.suffix: a dot neither first nor last
    return ACCEPTED_EXTENSIONS.get(file[dot:].lower()) if 0 < dot < len(file) - 1 else None


def _first_statement_line(head: bytes) -> bytes:
    for line in head.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith(b"#"):
            return stripped
    return b""


def sniff_format(head: bytes) -> RdfFormat | None:
    """Guess the format from the start of a document, or None if it does not look like RDF."""
    text = head.removeprefix(b"\xef\xbb\xbf").lstrip()
    if not text or b"\x00" in text:
        return None
    if _JSON_START.match(text):
        return RdfFormat.JSON_LD
    first = _first_statement_line(text)
    flat = _LITERAL.sub(b"L", first)
    if _QUAD_LINE.fullmatch(flat):
        return RdfFormat.N_QUADS
    # an N-Triples line (Turtle too) before the XML test: `<a> <b> <c> .` starts like an element
    if _TRIPLE_LINE.fullmatch(flat):
        return RdfFormat.TURTLE
    if _XML_START.match(text):
        return RdfFormat.RDF_XML
    if first.startswith((b"<", b"_:", b"@", b"[", b"(")) or re.match(
        rb"(?i)(prefix|base|graph)\b|[\w\-]*:", first
    ):
        return RdfFormat.TRIG if b"{" in _LITERAL.sub(b"L", text) else RdfFormat.TURTLE
    return None


def detect_format(name: str, head: bytes) -> RdfFormat:
    """The format of a document named ``name`` starting with ``head``.

    The extension decides when it is one of :data:`ACCEPTED_EXTENSIONS`; otherwise (stdin, no
    or unknown extension) the content is sniffed. Raises :class:`InputFormatError` if neither
    tells.
    """
    by_name = format_from_name(name)
    if by_name is not None:
        return by_name
    sniffed = sniff_format(head)
    if sniffed is not None:
        return sniffed
    suffix = PurePath(name).suffix
    what = f"the extension {suffix!r} is not one we read" if suffix else "it has no extension"
    raise InputFormatError(
        name,
        f"cannot tell the RDF format: {what} and the content does not look like RDF. "
        f"Use one of the accepted formats and extensions: {ACCEPTED_DESCRIPTION}.",
    )
