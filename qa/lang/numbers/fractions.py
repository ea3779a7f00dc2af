"""Fractions written with a slash: 1/3 is a third, 3/4 three quarters, on either side.

Chinese writes 三分之一 or, in figures, 1/3; the English says "one third" or "a third". Read
as two numbers, 1/3 is a 1 that no English number matches and a 3 that looks like a code.
Both sides read a/b the same way, so 5/11 on both sides still matches.
"""

from __future__ import annotations

from decimal import Decimal

from qa.lang.numbers.quantity import Quantity

__all__ = ["slash_fractions"]

_QUANTUM = Decimal("0.001")


def _plain(quantity: Quantity) -> bool:
    return quantity.kind == "cardinal" and quantity.text.isascii() and quantity.text.isdigit() and not quantity.unit


def slash_fractions(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """Two plain numbers a/b (a below b, b at most 100, no other slash or digit around) as one fraction."""
    if "/" not in text or len(quantities) < 2:
        return quantities
    result: list[Quantity] = []
    index = 0
    while index < len(quantities):
        top = quantities[index]
        if index + 1 < len(quantities):
            bottom = quantities[index + 1]
            if (
                bottom.start == top.end + 1
                and text[top.end] == "/"
                and _plain(top)
                and _plain(bottom)
                and 0 < top.value < bottom.value <= 100
                and text[top.start - 1 : top.start] not in ("/", ".", "-")
                and text[bottom.end : bottom.end + 1] not in ("/", ".", "-")
            ):
                result.append(
                    Quantity(top.value / bottom.value, "fraction", top.start, bottom.end,
                             text[top.start : bottom.end], quantum=_QUANTUM)
                )  # fmt: skip
                index += 2
                continue
        result.append(top)
        index += 1
    return result
