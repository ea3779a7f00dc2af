"""TXT007 full-width-alphanumerics: full-width Latin letters or digits (Ａ, ｂ, ２) in a Chinese translation."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import ClassVar

import regex

from qa.model import Hit, Pair, Severity, elide
from qa.rules import register
from qa.rules.base import Rule

#: The Halfwidth and Fullwidth Forms block's letters and digits, U+FF10-FF19, FF21-FF3A, FF41-FF5A.
_FULL_WIDTH_ALNUM = regex.compile(r"[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]+")


@register
class FullWidthAlphanumerics(Rule):
    """Full-width Latin letters or digits in a Chinese translation.

    Modern Chinese typography writes Latin letters and Arabic digits half-width
    (``Windows 11``, ``2024年``); the full-width forms (``Ｗｉｎｄｏｗｓ　１１``) come from
    old input methods, break searching (``２０２４`` is not ``2024`` to a search box or a
    program) and set too wide. Checked only where the Chinese is the translation (an en→zh
    catalogue); full-width punctuation is Chinese punctuation and is not reported.

    **Fails:** ``Windows 11 is required.`` / ``需要 Ｗｉｎｄｏｗｓ １１。``

    **Passes:** ``Windows 11 is required.`` / ``需要 Windows 11。``
    """

    code: ClassVar[str] = "TXT007"
    name: ClassVar[str] = "full-width-alphanumerics"
    severity: ClassVar[Severity] = "warning"
    pure: ClassVar[bool] = True

    def check(self, pair: Pair) -> Iterator[Hit]:
        if pair.source != "en":
            return  # the Chinese is the source: only a translation into Chinese is judged
        text = pair.zh.text
        if text.isascii():
            return
        for match in _FULL_WIDTH_ALNUM.finditer(text):
            written = match.group()
            half = unicodedata.normalize("NFKC", written)
            yield Hit(
                "zh",
                match.start(),
                match.end(),
                f"full-width {'digits' if half.isdigit() else 'letters'} {elide(written)} in chinese text",
                suggestion=f"write {elide(half)}",
            )
