"""The double an exact number is read as, kept on its side of a round figure."""

from __future__ import annotations

import math
from decimal import Decimal
from typing import Final

_ROUND_DIGITS: Final = 15  # a decimal of at most 15 significant digits has a double of its own


def double_keeping_order(number: Decimal) -> float:
    """The double the rules read for an exact ``number``: the nearest one, except where that is
    the double of a rounder decimal (at most 15 significant digits, as thresholds are written)
    that ``number`` is not: then the next double on ``number``'s side of it. So
    10000000000000000000000001 compares greater than a threshold of 1e25 (Art 51(2): "greater
    than"), where the nearest double, that of 1e25, would make it equal."""
    nearest = float(number)
    shortest = Decimal(repr(nearest))
    if number == shortest or len(shortest.normalize().as_tuple().digits) > _ROUND_DIGITS:
        return nearest
    return math.nextafter(nearest, math.inf if number > shortest else -math.inf)
