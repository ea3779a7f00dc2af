"""TERM001 untranslated-chinese: Chinese characters left in the English."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

from qa.lang.scripts import han_runs
from qa.model import Hit, Pair, Severity, elide
from qa.rules import register
from qa.rules.base import Rule, RuleContext


@register
class UntranslatedChinese(Rule):
    """Chinese text left untranslated in the English.

    A run of Chinese characters in the English is text the reader cannot read: a
    name, a term or a whole clause the translator (or the machine) skipped. One
    finding per run; a run spans CJK punctuation, digits and spaces between Chinese
    characters, so 北京外办 or 或搜索“介观生科”公众号 is one finding. Full-width digits
    and Chinese punctuation alone are TXT001's business, not this rule's.

    Only a translation into English is judged: in an en→zh catalogue the English is the
    source, and this rule leaves it alone.

    **Fails:** 新华社发 商海春 作 / Published by 新华社 Author: Shang Haichun

    **Passes:** 新华社发 商海春 作 / Published by Xinhua News Agency Author: Shang Haichun

    Options: ``allowed`` — a list of Chinese strings that may appear in the English
    (a brand written in characters, a character discussed as such).
    """

    code: ClassVar[str] = "TERM001"
    options: ClassVar[frozenset[str]] = frozenset({"allowed"})
    name: ClassVar[str] = "untranslated-chinese"
    severity: ClassVar[Severity] = "error"
    pure: ClassVar[bool] = True

    def __init__(self, context: RuleContext | None = None) -> None:
        super().__init__(context)
        self.allowed = frozenset(str(item) for item in self.context.options.get("allowed", ()))

    def check(self, pair: Pair) -> Iterator[Hit]:
        if pair.source == "en":
            return  # the English is the source (an en→zh catalogue): only the translation is judged
        text = pair.en.text
        if text.isascii():  # the common case: nothing to look at
            return
        for start, end in han_runs(text):
            chinese = text[start:end]
            if chinese in self.allowed:
                continue
            yield Hit(
                side="en",
                start=start,
                end=end,
                # a whole Chinese document in the English column is one run: quote its start only
                message=f'chinese text "{elide(chinese)}" left in the english',
                suggestion="translate it, or transliterate a name in pinyin",
            )
