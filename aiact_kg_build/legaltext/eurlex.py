"""Parse the EUR-Lex Official Journal HTML of Regulation (EU) 2024/1689 into provisions.

The parser reads a local file only (no network, no entity resolution) and returns
:class:`Provision` records in document order. Local names follow ``docs/conventions.md``
(``art_5.par_1.pnt_h.pnt_iii``, ``anx_III.pnt_4.pnt_a``, ``rct_97``, ``cpt_III.sct_2``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import HtmlElement


class Kind(StrEnum):
    """Provision classes; the value is the local name of the ``aia:`` class."""

    CHAPTER = "Chapter"
    SECTION = "Section"
    ARTICLE = "Article"
    PARAGRAPH = "Paragraph"
    SUBPARAGRAPH = "Subparagraph"
    POINT = "Point"
    ANNEX = "Annex"
    ANNEX_SECTION = "AnnexSection"
    RECITAL = "Recital"


@dataclass(frozen=True, slots=True)
class Provision:
    """One subdivision of the act; ``parent_local`` is ``None`` for children of the act."""

    iri_local: str
    kind: Kind
    number: str
    citation: str
    heading: str | None
    text: str | None
    parent_local: str | None
    anchor: str
    position: int
    chapter_local: str | None = None
    section_local: str | None = None


@dataclass(frozen=True, slots=True)
class ParseResult:
    """Provisions in document order plus notes on HTML parts that were not mapped."""

    provisions: tuple[Provision, ...]
    warnings: tuple[str, ...]


ORDINALS = (
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
)
_DASHES = frozenset({"\u2014", "\u2013", "-"})  # em dash, en dash, hyphen
_CLOSING = frozenset({",", ".", ";", ":", ")"})
_BLOCK_TAGS = frozenset({"p", "div", "td", "tr", "table", "tbody", "br", "li"})
_PARAGRAPH_ID = re.compile(r"\d{3}\.\d{3}")
_ARTICLE_ID = re.compile(r"art_(\d+)")
_CHAPTER_ID = re.compile(r"cpt_([IVXL]+)")
_SECTION_ID = re.compile(r"cpt_([IVXL]+)\.sct_(\d+)")
_RECITAL_ID = re.compile(r"rct_(\d+)")
_ANNEX_ID = re.compile(r"anx_([IVXL]+)")
_ANNEX_SECTION = re.compile("Section\\s+([A-Z0-9]+)\\s*[.\u2014\u2013-]?\\s*(.*)")
_ANNEX_HEADING_POINT = re.compile(r"(\d+)\.\s*(.*)")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}


def _classes(el: HtmlElement) -> list[str]:
    return (el.get("class") or "").split()


def _is_note_ref(el: HtmlElement) -> bool:
    return el.tag == "a" and any("oj-note-tag" in _classes(span) for span in el.iter("span"))


def normalise(text: str) -> str:
    """Collapse all whitespace (including no-break spaces) to single spaces."""
    return " ".join(text.split())


def _walk(el: HtmlElement, parts: list[str]) -> None:
    tag = el.tag
    block = tag in _BLOCK_TAGS
    if block:
        parts.append(" ")
    if tag == "span" and "oj-super" in _classes(el):
        parts.append("^")
    if el.text:
        parts.append(el.text)
    for child in el:
        dropped = False
        if not isinstance(child.tag, str):  # comments, processing instructions
            pass
        elif _is_note_ref(child) or (child.tag == "p" and "oj-note" in _classes(child)):
            dropped = True
        else:
            _walk(child, parts)
        tail = child.tail or ""
        glued = tail[:1] in _CLOSING or (dropped and tail.lstrip()[:1] in _CLOSING)
        if glued:  # "Council (58), the" -> "Council, the"; "</div>;" -> ";"
            while parts and not parts[-1].strip():
                parts.pop()
            if parts:
                parts[-1] = parts[-1].rstrip()
            tail = tail.lstrip()
        if tail:
            parts.append(tail)
    if block:
        parts.append(" ")


def render(elements: HtmlElement | Iterable[HtmlElement]) -> str:
    """Text of elements: notes dropped, superscripts as ``^``, whitespace normalised."""
    parts: list[str] = []
    for el in [elements] if isinstance(elements, HtmlElement) else elements:
        _walk(el, parts)
    return normalise("".join(parts))


def roman_value(numeral: str) -> int:
    """Integer value of a Roman numeral such as ``XIII``."""
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN[char]
        total += -value if following and _ROMAN[following] > value else value
    return total


def _point_cells(table: HtmlElement) -> tuple[str, HtmlElement]:
    cells = table.xpath("./tbody/tr/td|./tr/td")
    if len(cells) < 2:
        raise ValueError(f"point table without label cell near line {table.sourceline}")
    label = render(cells[-2]).strip("\u2018\u2019'\"")  # quoted amendments
    return label, cells[-1]


def _label_number(label: str) -> str | None:
    """``(a)`` -> ``a``, ``3.1.`` -> ``3.1``, dash -> ``None`` (numbered in order)."""
    if label in _DASHES:
        return None
    if match := re.fullmatch(r"\(([0-9a-z]+)\)", label):
        return match.group(1)
    if match := re.fullmatch(r"(\d+(?:\.\d+)*)\.?", label):
        return match.group(1)
    raise ValueError(f"cannot read point label {label!r}")


def _ordinal(index: int) -> str:
    return ORDINALS[index - 1] if index <= len(ORDINALS) else f"{index}th"


@dataclass
class _Builder:
    out: list[Provision] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _positions: Counter[tuple[str | None, Kind]] = field(default_factory=Counter)

    def emit(
        self,
        local: str,
        kind: Kind,
        number: str,
        citation: str,
        *,
        parent: str | None,
        anchor: str,
        text: str | None,
        heading: str | None = None,
        chapter: str | None = None,
        section: str | None = None,
    ) -> None:
        self._positions[(parent, kind)] += 1
        self.out.append(
            Provision(
                iri_local=local,
                kind=kind,
                number=number,
                citation=citation,
                heading=heading,
                text=text,
                parent_local=parent,
                anchor=anchor,
                position=self._positions[(parent, kind)],
                chapter_local=chapter,
                section_local=section,
            )
        )

    # points -------------------------------------------------------------------------------

    def points(
        self,
        tables: Sequence[HtmlElement],
        parent: str,
        parent_cit: str,
        anchor: str,
        *,
        annex_style: bool = False,
        section: str | None = None,
    ) -> None:
        """Emit a list of point tables (and their nested tables) under ``parent``."""
        dash = 0
        seen: set[str] = set()
        for table in tables:
            label, body = _point_cells(table)
            number = _label_number(label)
            if number is None:
                dash += 1
                number = str(dash)
            if number in seen:
                raise ValueError(f"duplicate point {number!r} under {parent}")
            seen.add(number)
            local = f"{parent}.pnt_{number.split('.')[-1]}"
            citation = _point_citation(parent_cit, number, annex_style)
            self.emit(
                local,
                Kind.POINT,
                number,
                citation,
                parent=parent,
                anchor=anchor,
                text=render(body),
                section=section,
            )
            self.points(body.xpath("./table"), local, citation, anchor)

    # articles -----------------------------------------------------------------------------

    def body(
        self, children: Sequence[HtmlElement], parent: str, parent_cit: str, anchor: str
    ) -> None:
        """Blocks of an unnumbered body: subparagraphs (if more than one) and points."""
        blocks: list[list[HtmlElement]] = []
        for child in children:
            if child.tag == "p" or not blocks:
                blocks.append([child])
            else:
                blocks[-1].append(child)
        many = len(blocks) > 1
        numbers = _top_numbers(children)
        # points hang under the paragraph unless their labels restart in a later block
        nest = len(numbers) != len(set(numbers))
        for index, block in enumerate(blocks, start=1):
            if many:
                sub = f"{parent}.sub_{index}"
                sub_cit = f"{parent_cit} {_ordinal(index)} subparagraph"
                self.emit(
                    sub,
                    Kind.SUBPARAGRAPH,
                    str(index),
                    sub_cit,
                    parent=parent,
                    anchor=anchor,
                    text=render(block),
                )
                if nest:
                    self.points(
                        [c for c in block if c.tag == "table"],
                        sub,
                        sub_cit,
                        anchor,
                        annex_style=True,
                    )
        if not nest:
            self.points([c for c in children if c.tag == "table"], parent, parent_cit, anchor)
        for child in children:
            if child.tag not in {"p", "table", "div"}:
                self.warnings.append(f"{anchor}: unmapped <{child.tag}> {render(child)[:60]!r}")

    def article(self, div: HtmlElement, chapter: str | None, section: str | None) -> None:
        art_id = div.get("id")
        number = art_id.split("_", 1)[1]
        heading = render(div.xpath("./div[contains(@class,'eli-title')]")) or None
        children = [
            c
            for c in div
            if isinstance(c.tag, str)
            and "oj-ti-art" not in _classes(c)
            and "eli-title" not in _classes(c)
        ]
        citation = f"Art {number}"
        self.emit(
            art_id,
            Kind.ARTICLE,
            number,
            citation,
            parent=None,
            anchor=art_id,
            text=render(children),
            heading=heading,
            chapter=chapter,
            section=section,
        )
        paragraphs = [
            c for c in children if c.tag == "div" and _PARAGRAPH_ID.fullmatch(c.get("id") or "")
        ]
        if not paragraphs:
            self.body(children, art_id, citation, art_id)
            return
        for child in children:
            if child not in paragraphs:
                self.warnings.append(
                    f"{art_id}: text outside numbered paragraphs {render(child)[:60]!r}"
                )
        for par in paragraphs:
            self.paragraph(par, art_id, citation)

    def paragraph(self, div: HtmlElement, art_id: str, art_cit: str) -> None:
        par_id = div.get("id")
        text = render(div)
        printed = re.match(r"(\d+[a-z]?)\.\s", text)
        number = printed.group(1) if printed else str(int(par_id.split(".")[1]))
        if printed:
            text = text[printed.end() :].lstrip()
        if number != str(int(par_id.split(".")[1])):
            self.warnings.append(f"{par_id}: printed number {number!r} differs from the id")
        local = f"{art_id}.par_{number}"
        citation = f"{art_cit}({number})"
        self.emit(local, Kind.PARAGRAPH, number, citation, parent=art_id, anchor=par_id, text=text)
        self.body([c for c in div if isinstance(c.tag, str)], local, citation, par_id)

    # annexes ------------------------------------------------------------------------------

    def annex(self, div: HtmlElement) -> None:
        anx_id = div.get("id")
        number = anx_id.split("_", 1)[1]
        titles = [c for c in div if "oj-doc-ti" in _classes(c)]
        children = [c for c in div if isinstance(c.tag, str) and c not in titles]
        citation = f"Annex {number}"
        heading = render(titles[1:]) or None
        self.emit(
            anx_id,
            Kind.ANNEX,
            number,
            citation,
            parent=None,
            anchor=anx_id,
            text=render(children),
            heading=heading,
        )
        segments = _annex_segments(children)
        top_numbers = [n for seg in segments for n in _top_numbers(seg.elements)]
        nest = len(top_numbers) != len(set(top_numbers))
        for seg in segments:
            parent, parent_cit, section = anx_id, citation, None
            if seg.number is not None:
                section = f"{anx_id}.sct_{seg.number}"
                self.emit(
                    section,
                    Kind.ANNEX_SECTION,
                    seg.number,
                    f"{citation} Section {seg.number}",
                    parent=anx_id,
                    anchor=anx_id,
                    text=render(seg.elements),
                    heading=seg.title or None,
                )
                if nest:
                    parent, parent_cit = section, f"{citation} Section {seg.number}"
            self.annex_items(seg.elements, parent, parent_cit, anx_id, section)

    def annex_items(
        self,
        elements: Sequence[HtmlElement],
        parent: str,
        parent_cit: str,
        anchor: str,
        section: str | None,
    ) -> None:
        """Point tables, enumerations and numbered headings of an annex (section)."""
        tables: list[HtmlElement] = []
        heading: tuple[str, str, list[HtmlElement]] | None = None
        groups: list[tuple[str, str, list[HtmlElement]]] = []
        for el in elements:
            classes = _classes(el)
            if "oj-ti-grseq-1" in classes:
                match = _ANNEX_HEADING_POINT.fullmatch(render(el))
                if match is None:
                    self.warnings.append(f"{anchor}: unmapped heading {render(el)!r}")
                    continue
                heading = (match.group(1), match.group(2).rstrip("."), [])
                groups.append(heading)
            elif heading is not None:
                heading[2].append(el)
            elif el.tag == "table":
                tables.append(el)
            elif "oj-enumeration-spacing" in classes:
                self.enumeration(el, parent, parent_cit, anchor, section)
            elif el.tag != "p":
                self.warnings.append(f"{anchor}: unmapped <{el.tag}> {render(el)[:60]!r}")
        self.points(tables, parent, parent_cit, anchor, annex_style=True, section=section)
        for number, title, group in groups:
            local = f"{parent}.pnt_{number}"
            citation = _point_citation(parent_cit, number, True)
            self.emit(
                local,
                Kind.POINT,
                number,
                citation,
                parent=parent,
                anchor=anchor,
                text=render(group) or None,
                heading=title or None,
                section=section,
            )
            self.points([el for el in group if el.tag == "table"], local, citation, anchor)

    def enumeration(
        self, div: HtmlElement, parent: str, parent_cit: str, anchor: str, section: str | None
    ) -> None:
        paras = [c for c in div if c.tag == "p"]
        number = _label_number(render(paras[0]))
        if number is None or len(paras) < 2:
            raise ValueError(f"cannot read enumeration near line {div.sourceline}")
        self.emit(
            f"{parent}.pnt_{number}",
            Kind.POINT,
            number,
            _point_citation(parent_cit, number, True),
            parent=parent,
            anchor=anchor,
            text=render(paras[1:]),
            section=section,
        )


@dataclass
class _Segment:
    number: str | None
    title: str
    elements: list[HtmlElement]


def _annex_segments(children: Sequence[HtmlElement]) -> list[_Segment]:
    """Split an annex body at its ``Section X`` headings."""
    segments = [_Segment(None, "", [])]
    for el in children:
        if "oj-ti-grseq-1" in _classes(el):
            text = render(el)
            if match := _ANNEX_SECTION.fullmatch(text):
                segments.append(_Segment(match.group(1), match.group(2), []))
                continue
            current = segments[-1]
            if current.number is not None and not current.title and not current.elements:
                current.title = text
                continue
        segments[-1].elements.append(el)
    return [seg for seg in segments if seg.number is not None or seg.elements]


def _top_numbers(elements: Sequence[HtmlElement]) -> list[str]:
    numbers = []
    for el in elements:
        if el.tag == "table":
            number = _label_number(_point_cells(el)[0])
            if number is not None:
                numbers.append(number)
    return numbers


def _point_citation(parent_cit: str, number: str, annex_style: bool) -> str:
    if "." in number:  # "3.1" in Annex VII is cited in full after the annex
        return f"{parent_cit.split(' point ')[0]} point {number}"
    if annex_style:
        return f"{parent_cit} point {number if number.isdigit() else f'({number})'}"
    return f"{parent_cit}({number})"


def _enclosing(div: HtmlElement) -> tuple[str | None, str | None]:
    chapter = section = None
    for ancestor in div.iterancestors("div"):
        anc_id = ancestor.get("id") or ""
        if section is None and _SECTION_ID.fullmatch(anc_id):
            section = anc_id
        elif _CHAPTER_ID.fullmatch(anc_id):
            chapter = anc_id
            break
    return chapter, section


def _title(div: HtmlElement) -> str | None:
    return render(div.xpath("./div[contains(@class,'eli-title')]")) or None


def parse_tree(root: HtmlElement) -> ParseResult:
    """Provisions of an already parsed OJ HTML document."""
    builder = _Builder()
    for div in root.iter("div"):
        div_id = div.get("id") or ""
        if match := _RECITAL_ID.fullmatch(div_id):
            label, body = _point_cells(div.xpath(".//table")[0])
            if label != f"({match.group(1)})":
                builder.warnings.append(f"{div_id}: label {label!r}")
            builder.emit(
                div_id,
                Kind.RECITAL,
                match.group(1),
                f"Recital {match.group(1)}",
                parent=None,
                anchor=div_id,
                text=render(body),
            )
        elif match := _CHAPTER_ID.fullmatch(div_id):
            builder.emit(
                div_id,
                Kind.CHAPTER,
                match.group(1),
                f"Chapter {match.group(1)}",
                parent=None,
                anchor=div_id,
                text=None,
                heading=_title(div),
            )
        elif match := _SECTION_ID.fullmatch(div_id):
            chapter = f"cpt_{match.group(1)}"
            builder.emit(
                div_id,
                Kind.SECTION,
                match.group(2),
                f"Chapter {match.group(1)} Section {match.group(2)}",
                parent=chapter,
                anchor=div_id,
                text=None,
                heading=_title(div),
                chapter=chapter,
            )
        elif _ARTICLE_ID.fullmatch(div_id) and "eli-subdivision" in _classes(div):
            builder.article(div, *_enclosing(div))
        elif _ANNEX_ID.fullmatch(div_id):
            builder.annex(div)
    return ParseResult(tuple(builder.out), tuple(builder.warnings))


def parse_file(path: Path) -> ParseResult:
    """Parse a local EUR-Lex OJ HTML file (no network access, no external entities)."""
    parser = lxml_html.HTMLParser(no_network=True, remove_comments=True, encoding="utf-8")
    tree = lxml_html.parse(str(path), parser)
    return parse_tree(tree.getroot())
