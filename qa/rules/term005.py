"""TERM005 untranslated-segment: the English is empty, a copy of the Chinese, or mostly Chinese."""

from __future__ import annotations

from collections.abc import Iterator
from typing import ClassVar

import regex

from qa.model import Hit, Pair, Severity
from qa.rules import register
from qa.rules.base import Rule, RuleContext

_HAN = regex.compile(r"\p{Han}")
_WORDISH = regex.compile(r"[^\W_]")  # a letter or digit in any script
#: A word of English prose, and a token of code (a command's syntax, an option, a path, an address)
_PROSE_WORD = regex.compile(r"[(\"']?[a-z]{2,}[.,;:!?)\"']?")
_CODE_TOKEN = regex.compile(r"[<>\[\]{}|=@/\\_`~^]|^--?\w|\w:\w")


def _needs_translating(english: str) -> bool:
    """English prose (two ordinary lower-case words, no code): a name, a unit, "OK", an e-mail
    address or a command's usage line (``git add [<options>]``) is often kept as it is."""
    tokens = english.split()
    if any(_CODE_TOKEN.search(token) for token in tokens):
        return False
    return sum(1 for token in tokens if _PROSE_WORD.fullmatch(token)) >= 2


@register
class UntranslatedSegment(Rule):
    """The English is empty, is the Chinese copied, or is mostly untranslated Chinese.

    A segment nobody translated is the worst error a translation can have, and the
    easiest to miss in a long file: a tool filled the target with the source, or a
    translator skipped a paragraph. Three cases, one finding per pair:

    - the English is empty or holds only spaces or punctuation while the Chinese has words;
    - the English is the Chinese copied (the same text once spaces are ignored);
    - the English is mostly Chinese: at least half of the Chinese characters of the
      source are left in it (``min-share``). Stray Chinese words in an English sentence
      are TERM001's business.

    In an en→zh catalogue the Chinese is the target: it is reported when it is empty in a unit
    that says it is translated, or is the English copied (an English phrase of ordinary
    lower-case words: names, units, codes and "OK" are often kept as they are).

    **Fails:** 乡村振兴，人才是关键。 / ``乡村振兴，人才是关键。``

    **Passes:** 乡村振兴，人才是关键。 / ``Talents are the key to rural revitalization.``

    Options: ``min-share`` — the share of the source's Chinese characters left in the English
    from which the segment counts as untranslated (default 0.5).
    """

    code: ClassVar[str] = "TERM005"
    options: ClassVar[frozenset[str]] = frozenset({"min-share"})
    name: ClassVar[str] = "untranslated-segment"
    severity: ClassVar[Severity] = "error"
    pure: ClassVar[bool] = True

    def __init__(self, context: RuleContext | None = None) -> None:
        super().__init__(context)
        self.min_share = float(self.context.options.get("min-share", 0.5))

    def check(self, pair: Pair) -> Iterator[Hit]:
        if pair.source == "en":
            yield from self._chinese_target(pair)
            return
        english = pair.en.text
        has_words = _WORDISH.search(english) is not None
        if has_words and (english.isascii() or _HAN.search(english) is None):
            return  # the common case: English with words and no Chinese characters (cannot be a copy either)
        chinese = pair.zh.text
        zh_han = len(_HAN.findall(chinese))
        if zh_han == 0:
            return  # nothing Chinese to translate (a number, a name in Latin letters)
        stripped = english.strip()
        if not has_words:
            start = len(english) - len(english.lstrip())
            end = start + len(stripped)
            what = "empty" if not stripped else f'only "{stripped}"'
            yield Hit("en", start, end, f"english is {what}; the chinese is not translated", key="empty")
            return
        start = len(english) - len(english.lstrip())
        end = start + len(stripped)
        if "".join(english.split()) == "".join(chinese.split()):
            yield Hit(
                "en", start, end, "english is the chinese copied", suggestion="translate the segment", key="copied"
            )
            return
        en_han = len(_HAN.findall(english))
        if en_han >= 2 and en_han >= self.min_share * zh_han:
            yield Hit(
                "en",
                start,
                end,
                f"english is mostly untranslated: {en_han} of the source's {zh_han} chinese characters left",
                suggestion="translate the segment",
                key="mostly-chinese",
            )

    def _chinese_target(self, pair: Pair) -> Iterator[Hit]:
        """An en→zh unit: the Chinese is empty, or is the English copied."""
        chinese, english = pair.zh.text, pair.en.text
        if _HAN.search(chinese) is not None or not _needs_translating(english):
            return  # translated, or nothing that needs translating (a name, a unit, a placeholder, "OK")
        stripped = chinese.strip()
        start = len(chinese) - len(chinese.lstrip())
        end = start + len(stripped)
        if _WORDISH.search(chinese) is None:
            what = "empty" if not stripped else f'only "{stripped}"'
            yield Hit("zh", start, end, f"chinese is {what}; the english is not translated", key="empty")
        elif "".join(chinese.split()) == "".join(english.split()):
            yield Hit(
                "zh", start, end, "chinese is the english copied", suggestion="translate the segment", key="copied"
            )
