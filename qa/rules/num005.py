"""NUM005 identifier-mismatch: a code (A-400, S/2015/123, GB/T 7714) changed in translation."""

from __future__ import annotations

from collections import Counter, deque
from collections.abc import Iterator
from typing import ClassVar

from qa.lang.identifiers import identifier_spans, shape
from qa.model import Hit, Pair, Severity, elide
from qa.rules import register
from qa.rules.base import Rule

_SIDE_NAMES = {"zh": "Chinese", "en": "English"}


@register
class IdentifierMismatch(Rule):
    """A code (A-400, S/2015/123, GB/T 7714) written with other digits on the other side.

    Document symbols (``A/RES/70/1``, ``S/2015/123``), standards (``GB/T 7714``, ``ISO 9001:2015``),
    model and product codes (``A-400``, ``NF-5``, ``F-16``, ``Boeing 737``) and resolution numbers
    (``第2118(2013)号决议`` / ``resolution 2118 (2013)``) are names: they are copied, never converted,
    and a changed digit names another document, standard or aircraft. Codes are compared verbatim
    (full-width forms as ASCII, unicode dashes as ``-``, case ignored). A code is reported only when
    the other side has no such code but one of the same shape (the same letters, other digits)
    that matches nothing either, so a code the translation writes in words (``二十国集团`` for
    ``G20``) or leaves out is not this rule's business. The numbers rules (NUM001-NUM003) do not
    compare codes as quantities.

    **Fails:** ``该公司生产A-400型发动机。`` / ``The company makes the A-40 engine.``

    **Passes:** ``该公司生产A-400型发动机。`` / ``The company makes the A-400 engine.``;
    ``安全理事会第2118(2013)号决议`` / ``Security Council resolution 2118 (2013)``
    """

    code: ClassVar[str] = "NUM005"
    name: ClassVar[str] = "identifier-mismatch"
    severity: ClassVar[Severity] = "error"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        target = pair.target
        source = "en" if target == "zh" else "zh"
        here = identifier_spans(pair.side(target).text)
        if not here:
            return
        there = identifier_spans(pair.side(source).text)
        if not there:
            return
        counts_here = Counter(code.upper() for _, _, code in here)
        counts_there = Counter(code.upper() for _, _, code in there)
        missing_there = counts_there - counts_here  # codes of the source the target does not have
        if not missing_there:
            return
        surplus_here = counts_here - counts_there
        unmatched_there: dict[str, deque[str]] = {}
        for _, _, code in there:
            if missing_there[code.upper()] > 0:
                missing_there[code.upper()] -= 1
                unmatched_there.setdefault(shape(code), deque()).append(code)
        for start, end, code in here:
            if surplus_here[code.upper()] <= 0:
                continue
            surplus_here[code.upper()] -= 1
            near = unmatched_there.get(shape(code))
            if not near:
                continue
            original = near.popleft()
            yield Hit(
                target,
                start,
                end,
                f"{elide(code)} does not match {elide(original)} in the {_SIDE_NAMES[source]}",
                suggestion=f"copy the code as written: {elide(original)}",
                key=f"{original}|{code}",
            )
