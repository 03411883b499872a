"""Unit tests of the HTML text rendering and label reading."""

from __future__ import annotations

import lxml.html
import pytest

from aiact_kg_build.legaltext.eurlex import Kind, parse_tree, render, roman_value


def _el(markup: str) -> lxml.html.HtmlElement:
    return lxml.html.fragment_fromstring(markup, parser=lxml.html.HTMLParser(no_network=True))


def test_superscript_gets_a_caret() -> None:
    assert render(_el('<p>greater than 10<span class="oj-super">25</span>.</p>')) == (
        "greater than 10^25."
    )


def test_note_markers_are_dropped() -> None:
    markup = (
        '<p>the Council <a href="#n">(<span class="oj-super oj-note-tag">58</span>)</a>,'
        " the following</p>"
    )
    assert render(_el(markup)) == "the Council, the following"


def test_whitespace_and_nbsp() -> None:
    assert render(_el("<p>1.\u00a0\u00a0 The\n   following</p>")) == "1. The following"


@pytest.mark.parametrize(("numeral", "value"), [("I", 1), ("IV", 4), ("IX", 9), ("XIII", 13)])
def test_roman(numeral: str, value: int) -> None:
    assert roman_value(numeral) == value


def test_small_article() -> None:
    markup = """<div><div id="cpt_I"><div class="eli-subdivision" id="art_9">
      <p class="oj-ti-art">Article 9</p><div class="eli-title" id="art_9.tit_1"><p>Head</p></div>
      <div id="009.001"><p>1.   Intro:</p>
        <table><tbody><tr><td><p>(a)</p></td><td><p>one;</p></td></tr></tbody></table>
        <table><tbody><tr><td><p>(b)</p></td><td><p>two.</p></td></tr></tbody></table>
        <p>Closing sentence.</p></div></div></div></div>"""
    result = parse_tree(_el(markup))
    by_local = {p.iri_local: p for p in result.provisions}
    assert by_local["art_9"].chapter_local == "cpt_I"
    assert by_local["art_9"].heading == "Head"
    assert by_local["art_9.par_1"].text == "Intro: (a) one; (b) two. Closing sentence."
    assert by_local["art_9.par_1.sub_2"].kind is Kind.SUBPARAGRAPH
    assert by_local["art_9.par_1.sub_2"].citation == "Art 9(1) second subparagraph"
    assert by_local["art_9.par_1.pnt_b"].citation == "Art 9(1)(b)"
    assert by_local["art_9.par_1.pnt_b"].anchor == "009.001"
