"""NUM004 paragraph-number: a leading paragraph or list number missing on one side, or different."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.lang.paragraphs import is_word_label, leading_number
from qa.model import Hit, Pair, Severity, elide
from qa.rules import register
from qa.rules.base import Rule

_SIDE_NAMES = {"zh": "Chinese", "en": "English"}


@register
class ParagraphNumber(Rule):
    """A paragraph or list number at the start of a segment missing on one side, or different.

    Official documents number their paragraphs and list items (``13.``, ``(a)``, ``18A.128``,
    ``㈡``, ``二、``, ``IV.``). A number on one side only is usually a number dropped or left
    over when the text was aligned or pasted (a warning: the reader loses the paragraph's place);
    two numbers that differ point to a different paragraph (an error). Labels compare by value
    whatever their style: ``(b)``, ``㈡``, ``(二)``, ``二、``, ``II.`` and ``2.`` are all 2, while
    ``1.2.3`` and ``18A.128`` compare as written. A leading quantity that belongs to the sentence
    (``2015年是…``, ``10 people came``, ``3.5% growth``) is not a paragraph number. An item numbered in
    words (``Eighth, we will…`` for ``(八)…``) matches a label, but alone it is a plain sentence. The numbers
    rules (NUM001-NUM003) leave paragraph numbers to this rule.

    **Fails:** ``10. 委员会商定组织五场互动讨论。`` / ``The Commission agreed to organize five
    discussions.`` (warning); ``(c) 评价小额赠款方案；`` / ``(d) Evaluation of small grants programmes;``
    (error)

    **Passes:** ``10. 委员会商定组织五场互动讨论。`` / ``10. The Commission agreed to organize five
    discussions.``; ``二、总体要求`` / ``II. General requirements``
    """

    code: ClassVar[str] = "NUM004"
    name: ClassVar[str] = "paragraph-number"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        labels = {"zh": leading_number(pair.zh.text), "en": leading_number(pair.en.text)}
        zh, en = labels["zh"], labels["en"]
        if zh is None and en is None:
            return
        if zh is not None and en is not None:
            if zh[2] == en[2]:
                return
            target = pair.target
            source = "en" if target == "zh" else "zh"
            here, there = labels[target], labels[source]
            assert here is not None and there is not None
            here_text = elide(pair.side(target).text[here[0] : here[1]])
            there_text = elide(pair.side(source).text[there[0] : there[1]])
            yield Hit(
                target,
                here[0],
                here[1],
                f"paragraph number {here_text} does not match {there_text} in the {_SIDE_NAMES[source]}",
                suggestion=f"number the paragraph {there_text} as in the {_SIDE_NAMES[source]}, "
                "or check that the segments are aligned",
                key=f"{zh[2]}|{en[2]}",
                severity="error",
            )
            return
        side = "zh" if zh is not None else "en"
        other = "en" if side == "zh" else "zh"
        label = labels[side]
        assert label is not None
        written = pair.side(side).text[label[0] : label[1]]
        if is_word_label(written):
            return  # "First, we will…" for "首先，…": a plain sentence, no number dropped
        text = elide(written)
        yield Hit(
            side,
            label[0],
            label[1],
            f"paragraph number {text} has no counterpart in the {_SIDE_NAMES[other]}",
            suggestion=f"add the paragraph number {text} to the {_SIDE_NAMES[other]}, or check the alignment",
            key=label[2],
        )
