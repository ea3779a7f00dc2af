"""Numbers that are labels or names, not quantities: never reported as missing or extra.

A segment's leading paragraph or list number (``13.``, ``(a)``, ``18A.128``: qa.lang.paragraphs)
and the digits of a code (``A-400``, ``A/RES/70/1``, ``ISO 9001``, ``Boeing 737``, ``第2118(2013)号决议``:
qa.lang.identifiers) are compared by NUM004 and NUM005, as labels and codes; a number rule
that also read them as quantities would report one mistake twice, or a label the translation
left out (the English paragraph numbered, the Chinese not) as a missing number. Both stay, soft,
so that the other side's number may still match them. So does a footnote number glued after a
comma or semicolon that follows a word, as UN English writes it ("the Advisory Committee,9 and
requests", "the report of the Secretary-General;4"; 报告；4): a reference, not a quantity.
"""

from __future__ import annotations

import re
from dataclasses import replace

from qa.lang.identifiers import identifier_spans
from qa.lang.numbers.quantity import Quantity
from qa.lang.paragraphs import leading_number

__all__ = ["without_codes"]

#: What a code (qa.lang.identifiers) has within a few characters of each of its numbers: a capital
#: letter (full-width too), a slash, a colon, an opening parenthesis (2118 (2013)) or a maker's
#: Chinese name (波音737). Most numbers have none near them: a quick test first.
_MAY_HAVE_CODE = re.compile("[A-Z\uff21-\uff3a/:(\uff08]|波音|空客|客车")


def without_codes(text: str, quantities: list[Quantity]) -> list[Quantity]:
    """``quantities`` with those that overlap the text's leading label made soft enumerators, and those
    inside a code made identifiers: never reported, but free to match the other side's number
    (resolution 2118; (八) and "Eighth,")."""
    if not quantities:
        return quantities
    quantities = [replace(q, hard=False, enumerator=True) if _footnote_like(text, q) else q for q in quantities]
    # a label opens the segment (13., 18A.128, (八)): only a number starting among its first
    # characters can be one
    label = leading_number(text) if min(q.start for q in quantities) < 20 else None
    if label is not None:
        start, end = label[:2]
        quantities = [
            replace(q, hard=False, enumerator=True) if start < q.end and q.start < end else q for q in quantities
        ]
    if not any(q.hard and _MAY_HAVE_CODE.search(text, max(0, q.start - 7), q.end + 3) for q in quantities):
        return quantities  # no capital, slash or parenthesis next to a number: no code holds one
    codes = identifier_spans(text)
    if not codes:
        return quantities
    return [
        replace(q, hard=False, identifier=True)
        if any(start < q.end and q.start < end for start, end, _ in codes)
        else q
        for q in quantities
    ]


_WORD_PUNCTUATION = frozenset(",;，；")


def _footnote_like(text: str, quantity: Quantity) -> bool:
    """1-2 digits glued after a comma or semicolon that follows a word or a closing bracket, and
    followed by a space or the end: not 4,5 (a list), 1,000, or "in 2015, 2 delegations"."""
    start, end = quantity.start, quantity.end
    return (
        end - start <= 2
        and start >= 2
        and text[start - 1] in _WORD_PUNCTUATION
        and (text[start - 2].isalpha() or text[start - 2] in ')）"”’')
        and (end == len(text) or text[end] in " \t")
        and text[start:end].isdigit()
    )
