"""Checks an RDF/XML submission must pass before pyoxigraph parses it.

pyoxigraph's RDF/XML parser expands internal entities declared in a DTD (a "billion laughs"
document makes it allocate gigabytes and abort the process) and slows down quadratically with
element nesting depth. So a document with a DOCTYPE or ENTITY declaration is rejected outright,
and the nesting depth is limited. The scan runs on the text decoded as UTF-8 (the only encoding
pyoxigraph's RDF/XML parser reads, and the only one we accept), so no encoding trick hides a
declaration from it. lxml then checks well-formedness, with entity resolution, DTD loading and
network access off, to report syntax errors with a line and column.
"""

from __future__ import annotations

import re
from io import BytesIO
from typing import Final

from lxml import etree

from aiact_kg.submission.errors import CheckError, line_and_column

MAX_XML_DEPTH: Final = 100
MAX_XML_ATTRIBUTES: Final = 1000
"""Attributes one element may carry, and namespaces in scope at one element: pyoxigraph's
RDF/XML parser takes time quadratic in either (90,000 attributes on one element, 1.3 MB, took
over a minute), and a description uses a few dozen."""

_DECLARATION = re.compile(r"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_DECLARATION = re.compile(r"<\?xml\b[^>]*?\bencoding\s*=\s*([\"'])([^\"']*)\1")
_LXML_POSITION = re.compile(r",\s*line \d+, column \d+\s*$")


def check_rdf_xml(data: bytes) -> None:
    """Raise :class:`CheckError` unless ``data`` (valid UTF-8) is safe, well-formed XML."""
    text = data.decode("utf-8")
    declared = _XML_DECLARATION.match(text.lstrip())
    if declared and declared.group(2).strip().lower().replace("_", "-") not in {"utf-8", "utf8"}:
        raise CheckError(
            f"the XML declares the encoding {declared.group(2)!r}; RDF/XML submissions must be "
            'UTF-8. Save the file as UTF-8 with encoding="UTF-8" and try again.',
            line=1,
        )
    found = _DECLARATION.search(text)
    if found:
        line, column = line_and_column(text, found.start())
        raise CheckError(
            f"the RDF/XML contains a <!{found.group(1).upper()} declaration; DTDs and entity "
            "declarations are not accepted (they can expand to huge documents or read other "
            "files). Remove the DOCTYPE and write the values out in full.",
            line=line,
            column=column,
        )
    del text
    _check_well_formed(data)


_CHUNK: Final = 1024  # bytes fed to the parser at a time, so depth is checked as it grows


def _check_breadth(element: etree._Element) -> None:
    """Refuse an element with more attributes, or more namespaces in scope, than allowed."""
    counts = (
        ("attributes", len(element.attrib)),
        ("namespaces in scope", len(element.nsmap)),
    )
    for what, count in counts:
        if count > MAX_XML_ATTRIBUTES:
            raise CheckError(
                f"an element of the RDF/XML has {count} {what}, more than "
                f"{MAX_XML_ATTRIBUTES}. State the properties as child elements, declare only "
                "the namespaces used, and try again.",
                line=getattr(element, "sourceline", None),
            )


def _check_well_formed(data: bytes) -> None:
    """Parse the document in small pieces, counting element depth as the events come: libxml2
    reads ahead within what it is given, and given it all at once it may stop at its own depth
    limit (2048) before the first element too deep is seen here."""
    depth = 0
    parser = etree.XMLPullParser(
        events=("start", "end"),
        resolve_entities=False,
        load_dtd=False,
        no_network=True,
        huge_tree=True,  # lifts libxml2's 10 MB text-node cap; size and depth are ours to limit
        remove_blank_text=False,
    )
    try:
        for offset in range(0, len(data) or 1, _CHUNK):
            parser.feed(data[offset : offset + _CHUNK])
            for event, element in parser.read_events():
                if not isinstance(element, etree._Element):  # start-ns events are not asked for
                    continue
                if event == "start":
                    depth += 1
                    if depth > MAX_XML_DEPTH:
                        raise CheckError(
                            f"the RDF/XML nests elements more than {MAX_XML_DEPTH} levels deep. "
                            "Flatten the description (refer to nodes by IRI or rdf:nodeID).",
                            line=getattr(element, "sourceline", None),
                        )
                    _check_breadth(element)
                else:
                    depth -= 1
                    element.clear(keep_tail=True)  # type: ignore[call-arg]
        parser.close()
    except etree.XMLSyntaxError as error:
        line, column = error.position if error.position else (None, None)
        reason = _LXML_POSITION.sub("", str(error.msg or error)).strip().rstrip(".")
        raise CheckError(
            f"the RDF/XML is malformed: {reason}. Fix the syntax and try again.",
            line=line or None,
            column=column or None,
        ) from None


_RDF: Final = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#: the RDF/XML attributes older documents wrote without their prefix
_RDF_ATTRIBUTES: Final = frozenset(
    {"about", "ID", "resource", "nodeID", "parseType", "datatype", "type", "bagID", "aboutEach"}
)


def unqualified_name(data: bytes) -> tuple[int | None, str] | None:
    """Where a well-formed RDF/XML document first names an element or attribute in no namespace
    (what pyoxigraph refuses without a position: "XML namespaces are required"), and a phrase
    saying which; ``None`` if it names none. The XML literal of an element with
    ``rdf:parseType="Literal"`` is content, not RDF/XML: any names are allowed in it."""
    literal_depth = 0  # > 0: inside an XML literal
    for event, element in etree.iterparse(
        BytesIO(data), events=("start", "end"), resolve_entities=False, no_network=True
    ):
        if not isinstance(element, etree._Element):
            continue
        if event == "end":
            if literal_depth:
                literal_depth -= 1
            continue
        if literal_depth:
            literal_depth += 1
            continue
        tag = str(element.tag)
        line = getattr(element, "sourceline", None)
        if not tag.startswith("{"):
            return line, f"the element <{tag}> is in no namespace (write it with a prefix)"
        for attribute in element.attrib:
            name = str(attribute)
            if not name.startswith("{"):
                suggestion = f"rdf:{name}" if name in _RDF_ATTRIBUTES else "it with a prefix"
                written = f"{element.prefix}:" if element.prefix else ""
                return line, (
                    f'the attribute {name}="..." of <{written}{etree.QName(tag).localname}> is in '
                    f"no namespace (write {suggestion})"
                )
        if element.get(f"{{{_RDF}}}parseType") == "Literal":
            literal_depth = 1
    return None
