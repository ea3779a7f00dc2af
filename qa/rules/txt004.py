"""TXT004 ascii-punctuation-in-chinese: ASCII , . ; : ? ! after Chinese text in a Chinese translation."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules.base import Rule

#: An ASCII mark right after a Han character, ending the text or followed by Chinese (or a space
#: and Chinese): "名称不能为空." and "活跃:"; not "v1.2", "3.5", "文件.txt" or "见 http://…".
_ASCII_AFTER_HAN = regex.compile(r"(?<=\p{Han})[,.;:?!](?=\s*(?:\p{Han}|$))")
_FULL_WIDTH = {",": "，", ".": "。", ";": "；", ":": "：", "?": "？", "!": "！"}


@register
class AsciiPunctuationInChinese(Rule):
    """ASCII punctuation ending or inside a Chinese sentence of a Chinese translation.

    Chinese text takes full-width punctuation: ``名称不能为空.`` should end in 。, and a
    label ``活跃:`` takes ：. A half-width mark in Chinese text looks cramped and breaks
    line wrapping. Checked only where the Chinese is the translation (an en→zh catalogue);
    a mark that belongs to code, a number, a file name or a placeholder (``v1.2``,
    ``3.5``, ``config.yaml``, ``名称: %s`` before a placeholder) is not reported. A warning:
    published catalogues differ in house style.

    **Fails:** ``Name cannot be empty.`` / ``名称不能为空.``

    **Passes:** ``Name cannot be empty.`` / ``名称不能为空。``
    """

    code: ClassVar[str] = "TXT004"
    name: ClassVar[str] = "ascii-punctuation-in-chinese"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        if pair.source != "en":
            return  # the Chinese is the source: only a translation into Chinese is judged
        text = pair.zh.text
        if text.isascii():
            return
        for match in _ASCII_AFTER_HAN.finditer(text):
            mark = match.group()
            yield Hit(
                "zh",
                match.start(),
                match.end(),
                f"ascii {mark!r} in chinese text",
                suggestion=f"write {_FULL_WIDTH[mark]}",
                fix=_FULL_WIDTH[mark],
            )
