"""Synthetic consolidated texts: the 2024 EUR-Lex HTML with the reported changes applied.

We have no Official Journal copy of the Digital Omnibus on AI, so the tests of
scripts/verify_amendment.py write their own "amended" HTML: the 2024 file with the changes the
secondary sources report (data/law/law-versions.ttl) written into the provisions they concern, in
words of our own. Nothing here is the text of the amending act.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from pathlib import Path

from lxml import html as lxml_html
from lxml.html import HtmlElement

REPO_ROOT = Path(__file__).resolve().parents[2]
HTML_2024 = REPO_ROOT / "data" / "sources" / "eur-lex" / "OJ_L_202401689_EN_TXT.html"

NEW_POINT = (
    "the placing on the market, the putting into service or the use of an AI system that "
    "generates or manipulates non-consensual intimate images, video or audio of an identifiable "
    "natural person, or child sexual abuse material, including where such output is a reasonably "
    "foreseeable result of the use of the system without significant modification and adequate "
    "safeguards are missing."
)


@dataclass(frozen=True)
class Amendments:
    """Which reported changes to write, and with which dates (the reported ones by default)."""

    annex_iii_date: str = "2 December 2027"
    annex_i_date: str = "2 August 2028"
    grace_date: str = "2 December 2026"
    prohibition_date: str = "2 December 2026"
    sandbox_date: str = "2 August 2027"
    new_point: str = NEW_POINT
    text_changes: bool = True  # Art 4, 6(1), 25(2), 25(4), 99(6), earlier application
    unrecorded: bool = False  # also change Art 10(1), which no provision change records
    eli: bool = True  # name the amending act by its ELI


def _by_id(root: HtmlElement, element_id: str) -> HtmlElement:
    (element,) = root.xpath(f"//*[@id='{element_id}']")
    return element


def _set_text(p: HtmlElement, text: str) -> None:
    for child in list(p):
        p.remove(child)
    p.text = text


def _words(p: HtmlElement) -> str:
    return " ".join("".join(p.itertext()).split())


def _edit(p: HtmlElement, pattern: str, replacement: str) -> None:
    words = _words(p)
    changed = re.sub(pattern, replacement, words, count=1)
    assert changed != words, f"{pattern!r} not found in {words[:80]!r}"
    _set_text(p, changed)


def _point_tables(div: HtmlElement) -> list[HtmlElement]:
    return [child for child in div if child.tag == "table"]


def _new_point(template: HtmlElement, label: str, text: str) -> HtmlElement:
    table = copy.deepcopy(template)
    cells = table.xpath("./tbody/tr/td")
    _set_text(cells[0].xpath("./p")[0], label)
    body = cells[1]
    for child in list(body):
        body.remove(child)
    p = lxml_html.Element("p")
    p.set("class", "oj-normal")
    p.text = text
    body.append(p)
    return table


def _paragraph(text: str) -> HtmlElement:
    p = lxml_html.Element("p")
    p.set("class", "oj-normal")
    p.text = text
    return p


def amend(out: Path, changes: Amendments | None = None, source: Path = HTML_2024) -> Path:
    """Write the 2024 HTML with ``changes`` applied to ``out``; return ``out``."""
    changes = changes or Amendments()
    tree = lxml_html.parse(str(source))
    root = tree.getroot()
    # Art 113: the Annex I date moved; new points: Annex III, new prohibition, earlier application
    art_113 = _by_id(root, "art_113")
    tables = _point_tables(art_113)
    point_c = tables[-1].xpath("./tbody/tr/td")[1].xpath("./p")[0]
    _edit(point_c, r"2 August 2027\.", changes.annex_i_date + ";")
    new_points = [
        (
            "(d)",
            "Chapter III, Sections 1, 2 and 3, shall apply to the high-risk AI systems referred "
            f"to in Article 6(2) and Annex III from {changes.annex_iii_date};",
        ),
        (
            "(e)",
            f"Article 5(1), point (i), shall apply from {changes.prohibition_date}"
            + (";" if changes.text_changes else "."),
        ),
    ]
    if changes.text_changes:
        new_points.append(
            (
                "(f)",
                "the Commission may, by means of a decision, bring forward the application of "
                "points (c) and (d) where harmonised standards and support tools are available.",
            )
        )
    anchor = tables[-1]
    for label, text in new_points:
        table = _new_point(tables[-1], label, text)
        anchor.addnext(table)
        anchor = table
    # Art 5(1): a new point (i) after point (h)
    par_5_1 = _by_id(root, "005.001")
    point_h = _point_tables(par_5_1)[-1]
    point_h.addnext(_new_point(_point_tables(par_5_1)[0], "(i)", changes.new_point))
    # Art 50(2): systems placed on the market before 2 August 2026 get a grace period
    _by_id(root, "050.002").append(
        _paragraph(
            "Providers of AI systems placed on the market or put into service before 2 August "
            f"2026 shall comply with the first subparagraph from {changes.grace_date}."
        )
    )
    # Art 57(1): national sandboxes later
    _edit(
        _by_id(root, "057.001").xpath("./p")[0], r"by 2 August 2026", f"by {changes.sandbox_date}"
    )
    if changes.text_changes:
        art_4 = _by_id(root, "art_4").xpath("./p[@class='oj-normal']")[0]
        _set_text(
            art_4,
            "The Commission and the Member States shall encourage providers and deployers of AI "
            "systems to take measures to ensure a sufficient level of AI literacy of their staff.",
        )
        _edit(
            _by_id(root, "006.001").xpath("./p")[0],
            r"conditions are fulfilled:",
            "conditions are fulfilled, the safety function of the product being concerned:",
        )
        _edit(
            _by_id(root, "025.002").xpath("./p")[0],
            r"shall no longer be considered",
            "shall, unless it has expressly excluded the change, no longer be considered",
        )
        _edit(
            _by_id(root, "025.004").xpath("./p")[0],
            r"The provider of a high-risk AI system",
            "The provider of a high-risk AI system, including a small mid-cap,",
        )
        _edit(
            _by_id(root, "099.006").xpath("./p")[0],
            r"SMEs, including start-ups,",
            "SMEs, including start-ups, and of small mid-cap enterprises,",
        )
    if changes.unrecorded:
        _edit(
            _by_id(root, "010.001").xpath("./p")[0],
            r"shall be developed",
            "shall, as from the amendment, be developed",
        )
    if changes.eli:
        body = root.find("body")
        body.insert(
            0,
            lxml_html.fromstring(
                '<p class="oj-normal">Amended by Regulation (EU) 2026/1744 '
                '(<a href="http://data.europa.eu/eli/reg/2026/1744/oj">'
                "ELI: http://data.europa.eu/eli/reg/2026/1744/oj</a>)</p>"
            ),
        )
    out.write_bytes(lxml_html.tostring(tree, encoding="utf-8", doctype=tree.docinfo.doctype))
    return out
