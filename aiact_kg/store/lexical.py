"""One lexical form per value for the literals an engine may rewrite: booleans and numbers.

Engines store typed literals by value and write them back in a form of their own: Virtuoso
answers ``"1"^^xsd:boolean`` for ``true`` and ``"3e+25"`` for a double the embedded store
(pyoxigraph) writes ``30000000000000000000000000``. Both forms denote the same value, but the
reports print them, so a remote store gives each such literal the form the embedded store
gives it: booleans ``true``/``false``; ``xsd:double``, ``xsd:float`` and ``xsd:decimal`` in
positional notation with the shortest digits that read back as the same value and no ``.0``
(``INF``, ``-INF``, ``NaN`` for the special doubles); integers and decimals without sign
``+``, leading zeros or negative zero. A lexical form that is not a valid one of its datatype
is left as it is.
"""

from __future__ import annotations

import math
from decimal import Decimal, InvalidOperation
from typing import Final

_XSD: Final = "http://www.w3.org/2001/XMLSchema#"
_BOOLEAN: Final = _XSD + "boolean"
_FLOATING: Final = frozenset({_XSD + "double", _XSD + "float"})
_DECIMAL: Final = _XSD + "decimal"
_INTEGER: Final = _XSD + "integer"
_BOOLEANS: Final = {"1": "true", "0": "false", "true": "true", "false": "false"}


def _positional(number: Decimal) -> str:
    """``number`` without exponent, trailing fractional zeros or a trailing point."""
    text = format(number, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _floating(lexical: str) -> str:
    try:
        value = float(lexical)
    except ValueError:
        return lexical
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "INF" if value > 0 else "-INF"
    return _positional(Decimal(repr(value)))


def canonical_lexical(lexical: str, datatype: str) -> str:
    """The lexical form the embedded store gives a literal of ``datatype`` with this value."""
    if datatype == _BOOLEAN:
        return _BOOLEANS.get(lexical.strip(), lexical)
    if datatype in _FLOATING:
        return _floating(lexical.strip())
    if datatype in (_DECIMAL, _INTEGER):
        try:
            number = Decimal(lexical.strip())
        except InvalidOperation:
            return lexical
        if not number.is_finite() or (datatype == _INTEGER and number != number.to_integral()):
            return lexical
        return "0" if number.is_zero() else _positional(number)
    return lexical
