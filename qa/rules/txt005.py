"""TXT005 space-around-chinese-punctuation: a space next to Chinese punctuation in a Chinese translation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules.base import Rule

_PUNCTUATION = "，。、；：？！）》」』】"
_OPENING = "（《「『【"  # quotation marks are left out: many catalogues space quoted placeholders
#: Spaces between Chinese text and a full-width mark: "的条件 。", "完成。 然后", "（ 默认）".
_SPACE = regex.compile(rf"(?<=\p{{Han}})[ \t]+(?=[{_PUNCTUATION}])|(?<=[{_PUNCTUATION}{_OPENING}])[ \t]+(?=\p{{Han}})")


@register
class SpaceAroundChinesePunctuation(Rule):
    """A space before or after Chinese punctuation in a Chinese translation.

    Full-width punctuation carries its own space: ``的条件 。`` or ``完成。 然后`` shows a
    gap the reader sees as a mistake. Only spaces between a Chinese character and a
    full-width mark are reported (a space before a Latin word or a placeholder is a
    matter of house style), and only where the Chinese is the translation.

    **Fails:** ``The conditions are met.`` / ``满足了所需的条件 。``

    **Passes:** ``The conditions are met.`` / ``满足了所需的条件。``
    """

    code: ClassVar[str] = "TXT005"
    name: ClassVar[str] = "space-around-chinese-punctuation"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        if pair.source != "en":
            return  # the Chinese is the source: only a translation into Chinese is judged
        text = pair.zh.text
        if " " not in text and "\t" not in text:
            return
        for match in _SPACE.finditer(text):
            yield Hit(
                "zh",
                match.start(),
                match.end(),
                "space next to chinese punctuation",
                suggestion="remove the space",
                fix="",
            )
