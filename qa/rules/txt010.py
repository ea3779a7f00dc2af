"""TXT010 unpaired-bracket: a bracket or quotation mark the translation opens and never closes, or closes unopened."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules.base import Rule

#: Each mark's kind, whether it opens, and the mark that pairs with it. Chinese and English
#: forms of one kind count together (（ may be closed by ）, and 【 ↔ [ across the pair).
_MARKS: dict[str, tuple[str, bool]] = {
    "(": ("parenthesis", True), ")": ("parenthesis", False),
    "（": ("parenthesis", True), "）": ("parenthesis", False),
    "[": ("square bracket", True), "]": ("square bracket", False),
    "［": ("square bracket", True), "］": ("square bracket", False),
    "【": ("square bracket", True), "】": ("square bracket", False),
    "“": ("quotation mark", True), "”": ("quotation mark", False),
    "「": ("quotation mark", True), "」": ("quotation mark", False),
    "『": ("quotation mark", True), "』": ("quotation mark", False),
    "《": ("title mark", True), "》": ("title mark", False),
    "〈": ("title mark", True), "〉": ("title mark", False),
}  # fmt: skip
_CANDIDATE = regex.compile("[()（）\\[\\]［］【】“”「」『』《》〈〉]")
#: A list label closed by a parenthesis without an opening one: "a)", "1)", "iv)" at the start or
#: after a separator ("条件：1) 合作…").
_LABEL_BEFORE = regex.compile(r"(?:^|[\s;；,，:：、])(?:\p{L}{1,3}|\d{1,3})$")


def _unpaired(text: str) -> tuple[dict[str, int], dict[str, tuple[int, str]]]:
    """Per kind, the balance (opened minus closed) and the first mark left unpaired (offset, mark):
    a closing mark with nothing open, else the last opening mark left open. One forward scan."""
    balance: dict[str, int] = {}
    open_marks: dict[str, list[tuple[int, str]]] = {}
    stray: dict[str, tuple[int, str]] = {}
    for match in _CANDIDATE.finditer(text):
        mark, offset = match.group(), match.start()
        kind, opens = _MARKS[mark]
        if opens:
            open_marks.setdefault(kind, []).append((offset, mark))
            balance[kind] = balance.get(kind, 0) + 1
            continue
        if open_marks.get(kind):
            open_marks[kind].pop()
        elif kind == "parenthesis" and _LABEL_BEFORE.search(text, max(0, offset - 5), offset):
            continue  # "1)", "a)": a label, not an unopened parenthesis
        else:
            stray.setdefault(kind, (offset, mark))
        balance[kind] = balance.get(kind, 0) - 1
    for kind, marks in open_marks.items():
        if marks and kind not in stray:
            stray[kind] = marks[-1]
    return balance, stray


@register
class UnpairedBracket(Rule):
    """A bracket or quotation mark the translation opens and never closes, or closes without opening.

    A parenthesis left open swallows the rest of the sentence, and a quotation that never ends (or
    a ``“`` typed where ``”`` belongs) makes the reader guess where the quoted words stop. Parentheses,
    square brackets (``[ ]``, ``【 】``), quotation marks (``“ ”``, ``「 」``, ``『 』``) and title
    marks (``《 》``) are counted per kind, Chinese and English forms together. Reported only where the
    source is balanced for that kind: a segment that starts or ends inside a quotation (a corpus
    cut mid-paragraph) is unbalanced on both sides and passes. List labels closed by a parenthesis
    alone (``a)``, ``1)``) are not unopened parentheses. Only the translation is judged.

    **Fails:** 他说：“越南值得东盟感谢。” / ``He said, “Vietnam deserves ASEAN’s thanks for these things. “``

    **Passes:** 他说：“越南值得东盟感谢。” / ``He said, “Vietnam deserves ASEAN’s thanks for these things.”``;
    “遵循自己的内心吧， / ``“Follow your heart,`` (a quotation the segment does not end, on both sides)
    """

    code: ClassVar[str] = "TXT010"
    name: ClassVar[str] = "unpaired-bracket"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        target = pair.target
        text = pair.side(target).text
        if _CANDIDATE.search(text) is None:
            return
        balance, stray = _unpaired(text)
        if not stray:
            return
        source_balance, _ = _unpaired(pair.side(pair.source).text)
        for kind, (offset, mark) in sorted(stray.items(), key=lambda item: item[1][0]):
            if source_balance.get(kind, 0) != 0 or (balance.get(kind, 0) == 0 and kind != "quotation mark"):
                continue  # the source is cut the same way; or a ")" before its "(": counted even, seen in order
            opens = _MARKS[mark][1]
            message = f"{mark} opens a {kind} that is never closed" if opens else f"{mark} closes a {kind} never opened"
            yield Hit(
                target,
                offset,
                offset + 1,
                message,
                suggestion="close it where the bracketed words end" if opens else "open it, or delete this mark",
                key=f"{kind}:{mark}",
            )
