"""TXT006 half-width-parentheses-in-chinese: ASCII ( ) around Chinese text in a Chinese translation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from qa.model import Hit, Pair, Severity, elide
from qa.rules import register
from qa.rules.base import Rule

#: ASCII parentheses whose content holds a Han character: "(可选)", "(第 %d 列)"; not
#: "(Simplified Chinese)", "(APEC)" or "%(name)s". Nested or unclosed parentheses are left
#: alone (the scan stops at the next parenthesis, so it is linear).
_HALF_WIDTH_AROUND_HAN = regex.compile(r"\(([^()\n]*\p{Han}[^()\n]*)\)")


@register
class HalfWidthParenthesesInChinese(Rule):
    """Half-width parentheses around Chinese text in a Chinese translation.

    Chinese typography (GB/T 15834) encloses Chinese text in full-width parentheses
    （ ）; the ASCII ones sit low and narrow beside hanzi, and a catalogue that mixes both
    (``(blob 或 tree)（单独或批次处理）``) looks unfinished. Checked only where the Chinese is
    the translation (an en→zh catalogue); parentheses around Latin text only (``(APEC)``,
    ``(Simplified Chinese)``) and placeholders (``%(name)s``) are not reported. A note by
    default: many published catalogues keep ASCII parentheses as their house style.

    **Fails:** ``Optional (recommended)`` / ``可选(推荐)``

    **Passes:** ``Optional (recommended)`` / ``可选（推荐）``; ``Language (Simplified Chinese)`` /
    ``语言 (Simplified Chinese)``
    """

    code: ClassVar[str] = "TXT006"
    name: ClassVar[str] = "half-width-parentheses-in-chinese"
    severity: ClassVar[Severity] = "note"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        if pair.source != "en":
            return  # the Chinese is the source: only a translation into Chinese is judged
        text = pair.zh.text
        if "(" not in text or text.isascii():
            return
        for match in _HALF_WIDTH_AROUND_HAN.finditer(text):
            inner = match.group(1)
            yield Hit(
                "zh",
                match.start(),
                match.end(),
                f"half-width parentheses around chinese text: {elide(pair.zh.shown(*match.span()))}",
                suggestion=f"write （{elide(pair.zh.shown(*match.span(1)).strip())}）",
                key=inner,
            )
