"""The HTML pages of the service: Jinja2 templates in this folder, escaped automatically.

Every value a page shows goes through Jinja2's autoescaping (``autoescape=True`` for every
template); no template marks anything ``safe``. Undefined names are errors, not empty text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from pyoxigraph import BlankNode, Literal, NamedNode

_FOLDER = Path(__file__).resolve().parent
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def value_kind(term: object) -> str:
    """``iri``, ``blank`` or ``literal``: how a page shows an RDF term."""
    if isinstance(term, NamedNode):
        return "iri"
    if isinstance(term, BlankNode):
        return "blank"
    return "literal"


def literal_note(term: object) -> str:
    """A literal's language or (other than string) datatype, shown beside it."""
    if not isinstance(term, Literal):
        return ""
    if term.language:
        return f"@{term.language}"
    if term.datatype.value == _XSD_STRING:
        return ""
    return term.datatype.value.rsplit("#", 1)[-1]


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(_FOLDER),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals.update(value_kind=value_kind, literal_note=literal_note)
    return environment


def render(template: str, **context: Any) -> str:
    """The page ``template`` filled with ``context`` (every value escaped)."""
    return _environment().get_template(template).render(**context)
