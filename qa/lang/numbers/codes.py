"""Numbers that are labels or names, not quantities: never reported as missing or extra.

A segment's leading paragraph or list number (``13.``, ``(a)``, ``18A.128``: qa.lang.paragraphs)
and the digits of a code (``A-400``, ``A/RES/70/1``, ``ISO 9001``, ``Boeing 737``, ``第2118(2013)号决议``:
qa.lang.identifiers) are compared by NUM004 and NUM005, as labels and codes; a number rule
that also read them as quantities would report one mistake twice, or a label the translation
left out (the English paragraph numbered, the Chinese not) as a missing number. Both stay, soft,
so that the other side's number may still match them.
"""

from __future__ import annotations

from dataclasses import replace

from qa.lang.identifiers import identifier_spans
from qa.lang.numbers.quantity import Quantity
from qa.lang.paragraphs import leading_number

__all__ = ["without_codes"]


def without_codes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with those that overlap the text's leading label made soft enumerators, and those
    inside a code made identifiers: never reported, but free to match the other side's number
    (resolution 2118; (八) and "Eighth,")."""
    if not quantities:
        return quantities
    label = leading_number(text)
    if label is not None:
        start, end = label[:2]
        quantities = [
            replace(q, hard=False, enumerator=True) if start < q.end and q.start < end else q for q in quantities
        ]
    codes = identifier_spans(text)
    if not codes:
        return quantities
    return [
        replace(q, hard=False, identifier=True)
        if any(start < q.end and q.start < end for start, end, _ in codes)
        else q
        for q in quantities
    ]
